//! Reports for coordinators: counts derived from the store, never stored twice.
//!
//! - `export`: needs, referrals and services as CSV with HXL hashtags on the second line,
//!   without names, phone numbers, free text or case codes, generalised so that no family
//!   can be picked out (governorate, month, age bands) unless a coordinator asks for more.
//! - `summary`: the coordination report (`daleel report`), as CSV (HXL optional) or one
//!   self-contained HTML page with bar charts.

pub mod disclosure;
pub mod export;
pub mod fourw;
pub mod html;
pub mod sheet;
pub mod slip;
pub mod summary;

use crate::model::{Household, Person, Timestamp};
use crate::store::StoreError;

/// Every CSV Daleel writes (the coordination exports, the report, the services
/// spreadsheet, the HSDS files) is written through this: each cell through
/// `model::text::spreadsheet_cell`, so that a name a directory brought (`=HYPERLINK(…)`,
/// `@SUM(…)`, `-2+3`) is text in Excel and LibreOffice, never a formula; a number in a
/// column said to be numeric stays a number (`-3` too).
pub struct CsvOut {
    sheet: sheet::Sheet,
}

impl Default for CsvOut {
    fn default() -> Self {
        CsvOut::new()
    }
}

impl CsvOut {
    pub fn new() -> CsvOut {
        CsvOut {
            sheet: sheet::Sheet::default(),
        }
    }

    /// A data-exchange file (HSDS): phone numbers written without the formula guard
    /// (`sheet::Sheet::plain_phones`).
    pub fn plain_phones(mut self) -> CsvOut {
        self.sheet.plain_phones = true;
        self
    }

    /// The columns (by position) that hold numbers.
    pub fn numeric(mut self, columns: impl IntoIterator<Item = usize>) -> CsvOut {
        self.sheet.numeric = columns.into_iter().collect();
        self
    }

    /// Adds one row (held in memory until written: this cannot fail).
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.sheet
            .rows
            .push(cells.into_iter().map(|c| c.as_ref().to_string()).collect());
    }

    /// The file's bytes, as CSV without a byte-order mark (the HSDS files, the services
    /// spreadsheet; the coordination files are written through `sheet`).
    pub fn finish(self) -> Result<Vec<u8>, StoreError> {
        self.sheet.csv(false)
    }

    /// The table, to be written as CSV or as a workbook (`sheet::Form`): `name` is the
    /// workbook's sheet name, `hxl` that the second row holds hashtags.
    pub fn sheet(self, name: &str, hxl: bool) -> sheet::Sheet {
        sheet::Sheet {
            name: name.to_string(),
            hxl,
            ..self.sheet
        }
    }
}

/// `YYYY-MM` of a time (UTC).
pub fn month(at: Timestamp) -> String {
    at.to_utc().format("%Y-%m").to_string()
}

/// The humanitarian age bands: a person's band by birth year, as of `year`.
pub fn age_band(person: &Person, year: i32) -> &'static str {
    match person.birth_year {
        None => "unknown",
        Some(born) => match year - i32::from(born) {
            ..=4 => "0-4",
            5..=11 => "5-11",
            12..=17 => "12-17",
            18..=59 => "18-59",
            _ => "60+",
        },
    }
}

/// The person a need is about: the member it names, else the head.
pub fn person_of(h: &Household, member: Option<uuid::Uuid>) -> &Person {
    member
        .and_then(|m| h.members.iter().find(|p| p.id == m))
        .unwrap_or(&h.head)
}

/// A count as a file shows it: empty when disclosure control hides it (`disclosure`:
/// under 5 and not 0, or a count that would let one be worked out), so that a small
/// group cannot be told apart. Never "<5": a numeric column holds numbers only (HXL),
/// and the row's `#meta +suppressed` column says which of its cells are hidden.
pub fn suppressed(n: u64, hidden: bool) -> String {
    if hidden { String::new() } else { n.to_string() }
}

/// The HXL column that lists a row's hidden cells (by their column names, in the HXL
/// list convention: `+list`, separated by commas).
pub const SUPPRESSED_COLUMN: (&str, &str) = ("suppressed", "#meta +suppressed +list");

/// Items of a cell in the HXL list convention (`+list`): separated by a comma.
pub fn hxl_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether a text cell holds Arabic script (its HXL column then takes `+i_ar`).
pub fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Whether a line of hashtags is valid HXL: each cell empty or a hashtag
/// (`#name`) followed by attributes (`+name`), lower case letters, digits and `_`.
pub fn valid_hxl_row(cells: &[&str]) -> bool {
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    cells.iter().any(|c| !c.trim().is_empty())
        && cells.iter().all(|cell| {
            let cell = cell.trim();
            if cell.is_empty() {
                return true;
            }
            let Some(rest) = cell.strip_prefix('#') else {
                return false;
            };
            let mut parts = rest.split('+').map(str::trim);
            parts.next().is_some_and(word) && parts.all(word)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_is_never_a_formula_and_a_number_stays_a_number() {
        let mut w = CsvOut::new().numeric([1]);
        w.row(["name", "count"]);
        w.row(["=1+2", "-3"]);
        w.row(["-3", "=1+2"]);
        w.row(["@SUM(A1)", "12.5"]);
        let text = String::from_utf8(w.finish().expect("bytes")).expect("as text");
        assert_eq!(
            text, "name,count\n'=1+2,-3\n'-3,'=1+2\n'@SUM(A1),12.5\n",
            "a negative number stays one in its numeric column only"
        );
    }

    #[test]
    fn small_counts_are_suppressed_and_bands_are_bands() {
        assert_eq!(suppressed(0, false), "0");
        assert_eq!(suppressed(4, true), "");
        assert_eq!(suppressed(5, false), "5");
        assert_eq!(hxl_list(["IQG01", "IQG15"]), "IQG01,IQG15");
        let mut p = Person::new(uuid::Uuid::nil(), "x");
        p.birth_year = Some(2020);
        assert_eq!(age_band(&p, 2026), "5-11");
        p.birth_year = Some(1950);
        assert_eq!(age_band(&p, 2026), "60+");
        assert!(valid_hxl_row(&[
            "#date+reported",
            "#adm1+code",
            "",
            "#sector +cluster"
        ]));
        assert!(!valid_hxl_row(&["date"]));
        assert!(!valid_hxl_row(&["#Adm1"]));
        assert!(is_arabic("نينوى") && !is_arabic("Ninewa"));
    }
}
