//! Administrative areas by OCHA P-code: the 18 governorates built in, districts and
//! sub-districts imported from a COD-AB style CSV. Codes are never invented.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Location, Problem};

/// An administrative area: governorate (level 1), district (2) or sub-district (3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub pcode: String,
    pub name_en: String,
    pub name_ar: String,
    /// The P-code of the area this one lies in; `None` for a governorate.
    pub parent: Option<String>,
    pub level: u8,
}

/// The 18 governorates of Iraq (COD-AB `irq_admbnda_adm1`), the built-in default.
pub const GOVERNORATES: [(&str, &str, &str); 18] = [
    ("IQG01", "Anbar", "الأنبار"),
    ("IQG02", "Basrah", "البصرة"),
    ("IQG03", "Muthanna", "المثنى"),
    ("IQG04", "Najaf", "النجف"),
    ("IQG05", "Qadissiya", "القادسية"),
    ("IQG06", "Sulaymaniyah", "السليمانية"),
    ("IQG07", "Babylon", "بابل"),
    ("IQG08", "Baghdad", "بغداد"),
    ("IQG09", "Duhok", "دهوك"),
    ("IQG10", "Diyala", "ديالى"),
    ("IQG11", "Erbil", "أربيل"),
    ("IQG12", "Kerbala", "كربلاء"),
    ("IQG13", "Kirkuk", "كركوك"),
    ("IQG14", "Missan", "ميسان"),
    ("IQG15", "Ninewa", "نينوى"),
    ("IQG16", "Salah al-Din", "صلاح الدين"),
    ("IQG17", "Thi-Qar", "ذي قار"),
    ("IQG18", "Wassit", "واسط"),
];

/// Every known area, by P-code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    areas: BTreeMap<String, Area>,
}

/// Why a gazetteer file was refused. Nothing of a refused file is kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    #[error(
        "missing column {column}: a district file has adm2_pcode, adm2_en, adm2_ar, adm1_pcode; a sub-district file has adm3_pcode, adm3_en, adm3_ar, adm2_pcode"
    )]
    MissingColumn { column: String },
    #[error("line {line}, column {column}: {message}")]
    Row {
        line: u64,
        column: String,
        message: RowFault,
    },
    #[error("not a CSV file this program can read: {0}")]
    Unreadable(String),
    #[error("the file has no rows: nothing to import")]
    Empty,
}

/// What is wrong with one row of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowFault {
    #[error("unreadable row: {0}")]
    Unreadable(String),
    /// A district the file defines already lies in another governorate.
    #[error("{district} lies in {parent}, not {governorate:?}")]
    Elsewhere {
        district: String,
        parent: String,
        governorate: String,
    },
    /// The parent code names no area of the level above (1: a governorate).
    #[error(
        "unknown {word} code {code:?}; import the {word}s first or correct the code",
        word = level_word(*.level)
    )]
    UnknownParent { level: u8, code: String },
    #[error("{pcode:?} is not a code inside {parent}: expected {parent}{marker} and two digits")]
    NotInside {
        pcode: String,
        parent: String,
        marker: char,
    },
    #[error("{pcode} has no English name")]
    NoEnglishName { pcode: String },
    #[error("{pcode} appears twice with different names")]
    Twice { pcode: String },
}

/// The name of an administrative level in messages.
fn level_word(level: u8) -> &'static str {
    if level == 1 {
        "governorate"
    } else {
        "district"
    }
}

impl Gazetteer {
    /// The 18 governorates only.
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (pcode, en, ar) in GOVERNORATES {
            g.areas.insert(
                pcode.to_string(),
                Area {
                    pcode: pcode.to_string(),
                    name_en: en.to_string(),
                    name_ar: ar.to_string(),
                    parent: None,
                    level: 1,
                },
            );
        }
        g
    }

    /// The built-in governorates plus imported areas.
    pub fn with_areas(areas: impl IntoIterator<Item = Area>) -> Gazetteer {
        let mut g = Gazetteer::builtin();
        for area in areas {
            g.areas.insert(area.pcode.clone(), area);
        }
        g
    }

    pub fn get(&self, pcode: &str) -> Option<&Area> {
        self.areas.get(pcode)
    }

    /// The English name of a P-code, or the code itself when unknown.
    pub fn name(&self, pcode: &str) -> String {
        self.get(pcode)
            .map(|a| a.name_en.clone())
            .unwrap_or_else(|| pcode.to_string())
    }

    /// Every place, by P-code.
    pub fn all(&self) -> impl Iterator<Item = &Area> {
        self.areas.values()
    }

    pub fn governorates(&self) -> impl Iterator<Item = &Area> {
        self.areas.values().filter(|a| a.level == 1)
    }

    /// The areas directly inside `parent`.
    pub fn children(&self, parent: &str) -> impl Iterator<Item = &Area> {
        self.areas
            .values()
            .filter(move |a| a.parent.as_deref() == Some(parent))
    }

    pub fn imported_count(&self) -> usize {
        self.areas.values().filter(|a| a.level > 1).count()
    }

    /// Checks that a household's location uses known codes that nest properly.
    pub fn check_location(&self, loc: &Location) -> Result<(), Problem> {
        match self.get(&loc.governorate) {
            Some(a) if a.level == 1 => {}
            _ if loc.governorate.is_empty() => {
                return Err(Problem::new(
                    "location.governorate",
                    "Choose a governorate.",
                ));
            }
            _ => {
                return Err(Problem::new(
                    "location.governorate",
                    format!(
                        "{} is not a governorate code; choose one from the list.",
                        loc.governorate
                    ),
                ));
            }
        }
        if let Some(district) = &loc.district {
            self.check_child(district, &loc.governorate, 2, "location.district")?;
        }
        if let Some(sub) = &loc.sub_district {
            let Some(district) = &loc.district else {
                return Err(Problem::new(
                    "location.sub_district",
                    "Choose the district before the sub-district.",
                ));
            };
            self.check_child(sub, district, 3, "location.sub_district")?;
        }
        Ok(())
    }

    fn check_child(
        &self,
        pcode: &str,
        parent: &str,
        level: u8,
        field: &str,
    ) -> Result<(), Problem> {
        match self.get(pcode) {
            Some(a) if a.level == level && a.parent.as_deref() == Some(parent) => Ok(()),
            Some(_) => Err(Problem::new(
                field,
                format!("{pcode} does not lie in {parent}; choose one from the list."),
            )),
            None => Err(Problem::new(
                field,
                format!(
                    "{pcode} is not in the gazetteer; choose one from the list, or import the gazetteer that has it."
                ),
            )),
        }
    }

    /// Reads a COD-AB style CSV: districts (`adm2_pcode, adm2_en, adm2_ar, adm1_pcode`) or
    /// sub-districts (`adm3_pcode, adm3_en, adm3_ar, adm2_pcode`, whose districts must be
    /// known or defined in the same file with `adm2_en` and `adm1_pcode`). Every row is
    /// checked; one bad row refuses the whole file.
    pub fn parse_csv(&self, text: &str) -> Result<Vec<Area>, GazetteerError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| GazetteerError::Unreadable(e.to_string()))?
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect::<Vec<_>>();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let need = |name: &str| {
            col(name).ok_or_else(|| GazetteerError::MissingColumn {
                column: name.to_string(),
            })
        };
        let sub_level = col("adm3_pcode").is_some();
        let (code_col, en_col, ar_col, parent_col) = if sub_level {
            (
                need("adm3_pcode")?,
                need("adm3_en")?,
                need("adm3_ar")?,
                need("adm2_pcode")?,
            )
        } else {
            (
                need("adm2_pcode")?,
                need("adm2_en")?,
                need("adm2_ar")?,
                need("adm1_pcode")?,
            )
        };
        // A sub-district file may also define its districts.
        let district_cols = if sub_level {
            col("adm2_en")
                .zip(col("adm1_pcode"))
                .map(|(en, gov)| (en, col("adm2_ar"), gov))
        } else {
            None
        };
        let mut known = self.clone();
        let mut found: BTreeMap<String, Area> = BTreeMap::new();
        let mut rows = 0;
        let mut lines = Lines::new(text.as_bytes());
        for record in reader.records() {
            let record = record.map_err(|e| GazetteerError::Row {
                line: e.position().map(|p| p.line()).unwrap_or(0),
                column: "-".into(),
                message: RowFault::Unreadable(e.to_string()),
            })?;
            // The line the row starts on, counted in the text itself so that blank lines
            // and line breaks inside quotes are counted too.
            let line = record
                .position()
                .map(|p| lines.line_at(p.byte()))
                .unwrap_or(0);
            rows += 1;
            let cell = |i: usize| record.get(i).unwrap_or("").to_string();
            let bad = |column: usize, message: RowFault| GazetteerError::Row {
                line,
                column: headers[column].clone(),
                message,
            };
            if let Some((d_en, d_ar, d_gov)) = district_cols {
                let district = cell(parent_col);
                let governorate = cell(d_gov);
                let gov_col = headers
                    .iter()
                    .position(|h| h == "adm1_pcode")
                    .unwrap_or(parent_col);
                match known.get(&district) {
                    Some(existing) if existing.parent.as_deref() != Some(governorate.as_str()) => {
                        return Err(bad(
                            gov_col,
                            RowFault::Elsewhere {
                                district: district.clone(),
                                parent: existing.parent.clone().unwrap_or_default(),
                                governorate: governorate.clone(),
                            },
                        ));
                    }
                    Some(_) => {}
                    None => {
                        let arabic = d_ar.map(&cell).unwrap_or_default();
                        let area =
                            checked_area(&known, &district, &cell(d_en), &arabic, &governorate, 2)
                                .map_err(|m| {
                                    let column = if matches!(m, RowFault::UnknownParent { .. }) {
                                        gov_col
                                    } else {
                                        parent_col
                                    };
                                    bad(column, m)
                                })?;
                        known.areas.insert(area.pcode.clone(), area.clone());
                        found.insert(area.pcode.clone(), area);
                    }
                }
            }
            let level = if sub_level { 3 } else { 2 };
            let area = checked_area(
                &known,
                &cell(code_col),
                &cell(en_col),
                &cell(ar_col),
                &cell(parent_col),
                level,
            )
            .map_err(|m| {
                let column = if matches!(m, RowFault::UnknownParent { .. }) {
                    parent_col
                } else {
                    code_col
                };
                bad(column, m)
            })?;
            if found.contains_key(&area.pcode) && found[&area.pcode] != area {
                return Err(bad(
                    code_col,
                    RowFault::Twice {
                        pcode: area.pcode.clone(),
                    },
                ));
            }
            known.areas.insert(area.pcode.clone(), area.clone());
            found.insert(area.pcode.clone(), area);
        }
        if rows == 0 {
            return Err(GazetteerError::Empty);
        }
        Ok(found.into_values().collect())
    }
}

/// The lines that CSV records start on (the header is line 1), from their byte offsets,
/// counted once through the file: counting from the start for every row would take the
/// square of a large file's length. The csv crate's own count is one short on files with
/// CRLF line ends, and line breaks inside quotes count too.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    newlines: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines {
            bytes,
            at: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the first character at or after `offset` that is not a line
    /// break. Offsets are asked for in increasing order (an earlier one is counted again
    /// from the start).
    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        let len = self.bytes.len();
        let mut target = (offset as usize).min(len);
        while target < len && (self.bytes[target] == b'\n' || self.bytes[target] == b'\r') {
            target += 1;
        }
        if target < self.at {
            (self.at, self.newlines) = (0, 0);
        }
        self.newlines += self.bytes[self.at..target]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.at = target;
        self.newlines + 1
    }
}

/// Checks one row's code against its parent and the COD-AB pattern (`Q` + 2 digits for a
/// district, `N` + 2 digits for a sub-district).
fn checked_area(
    known: &Gazetteer,
    pcode: &str,
    name_en: &str,
    name_ar: &str,
    parent: &str,
    level: u8,
) -> Result<Area, RowFault> {
    let parent_level = level - 1;
    match known.get(parent) {
        Some(p) if p.level == parent_level => {}
        _ => {
            return Err(RowFault::UnknownParent {
                level: parent_level,
                code: parent.to_string(),
            });
        }
    }
    let marker = if level == 2 { 'Q' } else { 'N' };
    let suffix = pcode.strip_prefix(parent).unwrap_or("");
    let mut chars = suffix.chars();
    let well_formed =
        chars.next() == Some(marker) && suffix.len() == 3 && chars.all(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(RowFault::NotInside {
            pcode: pcode.to_string(),
            parent: parent.to_string(),
            marker,
        });
    }
    if name_en.trim().is_empty() {
        return Err(RowFault::NoEnglishName {
            pcode: pcode.to_string(),
        });
    }
    Ok(Area {
        pcode: pcode.to_string(),
        name_en: name_en.trim().to_string(),
        name_ar: name_ar.trim().to_string(),
        parent: Some(parent.to_string()),
        level,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISTRICTS: &str = "\u{feff}adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n\
        IQG15Q01,Mosul,الموصل,IQG15\n\
        IQG15Q02,Al-Hamdaniya,الحمدانية,IQG15\n\
        IQG01Q01,Ramadi,الرمادي,IQG01\n";

    #[test]
    fn builtin_has_the_18_governorates() {
        let g = Gazetteer::builtin();
        assert_eq!(g.governorates().count(), 18);
        assert_eq!(g.get("IQG15").map(|a| a.name_ar.as_str()), Some("نينوى"));
    }

    #[test]
    fn a_district_file_imports_and_nests() {
        let g = Gazetteer::builtin();
        let areas = g.parse_csv(DISTRICTS).expect("valid file");
        assert_eq!(areas.len(), 3);
        let g = Gazetteer::with_areas(areas);
        assert_eq!(g.children("IQG15").count(), 2);
        let mut loc = Location {
            governorate: "IQG15".into(),
            district: Some("IQG15Q01".into()),
            ..Location::default()
        };
        assert!(g.check_location(&loc).is_ok());
        loc.district = Some("IQG01Q01".into());
        assert!(g.check_location(&loc).is_err(), "Ramadi is not in Ninewa");
    }

    #[test]
    fn sub_districts_need_known_districts() {
        let subs = "adm3_pcode,adm3_en,adm3_ar,adm2_pcode\nIQG15Q01N01,Mosul Centre,مركز الموصل,IQG15Q01\n";
        let err = Gazetteer::builtin()
            .parse_csv(subs)
            .expect_err("no districts yet");
        assert!(
            err.to_string()
                .contains("line 2, column adm2_pcode: unknown district"),
            "{err}"
        );
        let g = Gazetteer::with_areas(Gazetteer::builtin().parse_csv(DISTRICTS).expect("ok"));
        let areas = g.parse_csv(subs).expect("districts known");
        assert_eq!(areas[0].level, 3);
    }

    #[test]
    fn a_sub_district_file_may_define_its_districts() {
        let text = "adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm1_pcode\n\
            IQG15Q01N01,Mosul Centre,مركز الموصل,IQG15Q01,Mosul,IQG15\n\
            IQG15Q01N02,Hamam al-Alil,حمام العليل,IQG15Q01,Mosul,IQG15\n";
        let areas = Gazetteer::builtin().parse_csv(text).expect("valid");
        assert_eq!(areas.len(), 3);
    }

    #[test]
    fn inline_districts_keep_their_arabic_name_and_are_checked() {
        let text = "adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n\
            IQG15Q01N01,Mosul Centre,مركز الموصل,IQG15Q01,Mosul,الموصل,IQG15\n";
        let areas = Gazetteer::builtin().parse_csv(text).expect("valid");
        let mosul = areas
            .iter()
            .find(|a| a.pcode == "IQG15Q01")
            .expect("district");
        assert_eq!(mosul.name_ar, "الموصل");
        let bad_gov = "adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm1_pcode\n\
            IQG15Q01N01,Mosul Centre,x,IQG15Q01,Mosul,IQG77\n";
        let err = Gazetteer::builtin()
            .parse_csv(bad_gov)
            .expect_err("bad governorate");
        assert!(
            err.to_string().contains("line 2, column adm1_pcode"),
            "{err}"
        );
        let g = Gazetteer::with_areas(areas);
        let moved = "adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm1_pcode\n\
            IQG15Q01N02,Other,x,IQG15Q01,Mosul,IQG01\n";
        let err = g
            .parse_csv(moved)
            .expect_err("district in another governorate");
        assert!(err.to_string().contains("IQG15Q01 lies in IQG15"), "{err}");
    }

    #[test]
    fn line_numbers_count_blank_lines_and_quoted_line_breaks() {
        let text = "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n\
            IQG15Q01,\"Mosul\nold city\",x,IQG15\n\
            \n\
            IQG15Q02,Bad,x,IQG99\n";
        let err = Gazetteer::builtin().parse_csv(text).expect_err("bad row");
        assert!(err.to_string().starts_with("line 5,"), "{err}");
    }

    #[test]
    fn bad_files_name_the_line_and_column() {
        let g = Gazetteer::builtin();
        let cases = [
            (
                "adm2_pcode,adm2_en,adm2_ar\nIQG15Q01,Mosul,x\n",
                "missing column adm1_pcode",
            ),
            (
                "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01,Mosul,x,IQG99\n",
                "line 2, column adm1_pcode: unknown governorate code \"IQG99\"",
            ),
            (
                "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01,Mosul,x,IQG15\nIQG01X07,Heet,x,IQG01\n",
                "line 3, column adm2_pcode",
            ),
            (
                "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01,,x,IQG15\n",
                "has no English name",
            ),
            ("adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n", "no rows"),
        ];
        for (text, expected) in cases {
            let err = g.parse_csv(text).expect_err(expected).to_string();
            assert!(
                err.contains(expected),
                "{err:?} should contain {expected:?}"
            );
        }
    }

    #[test]
    fn unknown_codes_in_a_location_are_refused() {
        let g = Gazetteer::builtin();
        let loc = Location {
            governorate: "IQG15".into(),
            district: Some("IQG15Q07".into()),
            ..Location::default()
        };
        let problem = g.check_location(&loc).expect_err("not imported");
        assert_eq!(problem.field, "location.district");
    }
}
