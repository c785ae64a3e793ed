//! Households from outside (issue 16): the registration lists a team kept in spreadsheets
//! and KoboToolbox or ODK exports before Daleel came, imported as households.
//!
//! A list is read whole first (`read`): CSV in UTF-8 with or without a byte-order mark,
//! or Arabic in Windows-1256 (`encoding`), its columns named as `daleel households
//! template` names them or through a map (`map`). Each row becomes a household or says
//! why not, by line and column: a bad value (the row is left out), or no consent (a row
//! without `yes` in `consent` is never imported). `preview` then compares the rows with
//! the database and with each other (`preview.rs`): a row already imported is recognised
//! and not imported twice, and a likely duplicate is listed and held back unless asked
//! for. `apply` saves the rest as ordinary households (each gets the next case code),
//! audited. No name or phone number is in any message: rows are named by their line.
//!
//! The file is hostile: read only when regular and below a size, every cell checked for
//! hidden characters (`directory::table`), nothing of it printed but line numbers, the
//! file's own column names and P-codes.

pub mod encoding;
pub mod map;
mod preview;

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use uuid::Uuid;

use crate::directory::Problem;
use crate::directory::table::{Cell, parse_csv};
use crate::model::gazetteer::Gazetteer;
use crate::model::{
    CaseStatus, Consent, Displacement, DisplacementKind, Household, Location, Person, Sex,
    Timestamp, ascii_digits,
};
use crate::search::fold;

pub use encoding::Encoding;
pub use map::{ColumnMap, MapError};
pub use preview::{Duplicate, Preview, apply, preview};

/// The largest list read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The most people a household of a list may have.
pub const MAX_SIZE: u16 = 40;

/// The columns of a registration list, with what each holds (the template's second line).
pub const COLUMNS: [(&str, &str); 13] = [
    (
        "head_name",
        "# The head of household's name as they give it, in Arabic or Latin letters (needed)",
    ),
    (
        "head_name_latin",
        "The same name in Latin letters, when the list has it",
    ),
    (
        "phone",
        "A phone number: 0770 123 4567 or +964 770 123 4567",
    ),
    (
        "governorate",
        "P-code (IQG15), or the English or Arabic name (Ninewa, نينوى) (needed)",
    ),
    (
        "district",
        "P-code, or the English or Arabic name of a district of the gazetteer (daleel gazetteer import)",
    ),
    ("village", "Village or neighbourhood"),
    (
        "household_size",
        "How many people, the head included (empty: not known)",
    ),
    ("sex", "The head's sex: female or male"),
    ("birth_year", "The head's year of birth (1984)"),
    (
        "population_group",
        "idp_in_camp, idp_out_of_camp, returnee, host_community or refugee (needed)",
    ),
    (
        "consent",
        "yes: the household agreed to be recorded and referred to services. Any other answer: the row is not imported",
    ),
    (
        "consent_disclosure",
        "yes: they agreed that their details go to the agency a referral is sent to; no or empty: not",
    ),
    (
        "consent_follow_up",
        "yes: they agreed to be contacted again to follow up; no or empty: not",
    ),
];

/// The columns without which nothing of a file could be imported.
const NEEDED: [&str; 2] = ["head_name", "consent"];

/// Why a file cannot be imported at all (a bad row is a `Problem` instead).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: there is no such file")]
    NoSuchFile { path: String },
    #[error("{path} is larger than a registration list can be ({limit_mib} MiB at most)")]
    TooLarge { path: String, limit_mib: u64 },
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is {what}: {SAVE_AS}, and import that file")]
    Workbook { path: String, what: &'static str },
    #[error(
        "{path} is not a CSV file (.csv): a registration list is imported as CSV: from a spreadsheet, {SAVE_AS}; from KoboToolbox or ODK, download the CSV export"
    )]
    NotCsv { path: String },
    #[error("{path} is saved as Unicode Text (UTF-16): {SAVE_AS}, and import that file")]
    Utf16 { path: String },
    #[error("{path} holds bytes that are not text: is it the right file?")]
    Binary { path: String },
    #[error(
        "{path}, line {line}: a character there is damaged (the file is UTF-8 but that line is not): correct the line, or save the file again as \"CSV UTF-8\", and import it again"
    )]
    DamagedUtf8 { path: String, line: u64 },
    #[error(
        "{path} is neither UTF-8 text nor Arabic text in Windows-1256: {SAVE_AS} (in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8)), and import that file"
    )]
    Encoding { path: String },
    #[error(transparent)]
    Csv(#[from] crate::directory::ImportError),
    #[error("{file} has no column {what}")]
    MissingColumn { file: String, what: String },
    #[error(
        "{file}: the columns \"{first}\" and \"{second}\" could both be {column}: name the one to read in the map ([columns] {column} = \"...\")"
    )]
    Ambiguous {
        file: String,
        column: &'static str,
        first: String,
        second: String,
    },
}

/// What to do with a file Daleel does not read.
const SAVE_AS: &str =
    "open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"";

/// A row of a list: its columns (`COLUMNS`), each empty when absent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Row {
    head_name: Cell,
    head_name_latin: Cell,
    phone: Cell,
    governorate: Cell,
    district: Cell,
    village: Cell,
    household_size: Cell,
    sex: Cell,
    birth_year: Cell,
    population_group: Cell,
    consent: Cell,
    consent_disclosure: Cell,
    consent_follow_up: Cell,
}

/// A row that became a household, not yet compared with the database.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    pub household: Household,
}

/// What a list holds, read and checked.
#[derive(Debug, Clone)]
pub struct List {
    /// The file's name.
    pub file: String,
    pub encoding: Encoding,
    /// The rows read (blank lines and the template's explaining line aside).
    pub rows: usize,
    pub candidates: Vec<Candidate>,
    /// The lines of rows without consent: never imported.
    pub no_consent: Vec<u64>,
    /// Rows left out, each with its line and column.
    pub problems: Vec<Problem>,
}

/// Who imports, and when: the households' `created_by` and `created_at`, and who
/// recorded their consent.
#[derive(Debug, Clone)]
pub struct Importer<'a> {
    pub worker: &'a str,
    pub now: Timestamp,
    pub gazetteer: &'a Gazetteer,
}

/// The template: the columns, and a line that explains each (its first cell starts with
/// `#`: the import skips it). A byte-order mark first, so that Excel opens the file as
/// UTF-8 and saves it back so ("CSV UTF-8"), Arabic names included.
pub fn template() -> Result<Vec<u8>, crate::store::StoreError> {
    let mut w = crate::report::CsvOut::new();
    w.row(COLUMNS.iter().map(|(c, _)| *c));
    w.row(COLUMNS.iter().map(|(_, h)| *h));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(w.finish()?);
    Ok(bytes)
}

/// Reads a registration list: a CSV file whose columns are named as the template's, or
/// as `map` says.
pub fn read(
    path: &Path,
    map: Option<&ColumnMap>,
    importer: &Importer,
) -> Result<List, ImportError> {
    let shown = crate::disk::shown(path);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => {}
        "xlsx" | "xlsm" | "xls" => {
            return Err(ImportError::Workbook {
                path: shown,
                what: "an Excel workbook",
            });
        }
        "ods" => {
            return Err(ImportError::Workbook {
                path: shown,
                what: "a spreadsheet (OpenDocument)",
            });
        }
        _ => return Err(ImportError::NotCsv { path: shown }),
    }
    let bytes = match crate::disk::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ImportError::NoSuchFile { path: shown });
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(ImportError::TooLarge {
                path: shown,
                limit_mib: MAX_FILE_BYTES >> 20,
            });
        }
        Err(e) => {
            return Err(ImportError::Unreadable {
                path: shown,
                reason: unreadable(&e),
            });
        }
    };
    let name = path
        .file_name()
        .map(|n| crate::model::text::one_line(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    let (text, encoding) = encoding::decode(&bytes).map_err(|e| match e {
        encoding::NotText::Utf16 => ImportError::Utf16 { path: shown },
        encoding::NotText::Workbook => ImportError::Workbook {
            path: shown,
            what: "an Excel workbook (whatever its name says)",
        },
        encoding::NotText::Binary => ImportError::Binary { path: shown },
        encoding::NotText::DamagedUtf8 { line } => ImportError::DamagedUtf8 { path: shown, line },
        encoding::NotText::Unknown => ImportError::Encoding { path: shown },
    })?;
    read_text(name, &text, encoding, map, importer)
}

/// Why a file could not be read, for a person: what it is when it is no regular file
/// (a folder, a link), else what to do about the drive.
pub(crate) fn unreadable(e: &std::io::Error) -> String {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::disk::NotRegular>())
    {
        Some(what) => format!("it is {}, not a regular file", what.0),
        None => crate::disk::advice(e),
    }
}

/// Reads a list's text (`read` once the file is decoded).
fn read_text(
    file: String,
    text: &str,
    encoding: Encoding,
    map: Option<&ColumnMap>,
    importer: &Importer,
) -> Result<List, ImportError> {
    let delimiter = delimiter(text);
    let places = places(&file, text, delimiter, map)?;
    let explains =
        |r: &csv::StringRecord| r.get(0).is_some_and(|c| c.trim_start().starts_with('#'));
    let table = parse_csv::<Row>(
        file.clone(),
        text.as_bytes(),
        delimiter,
        explains,
        |field, _| places.get(field).copied(),
    )?;
    let mut list = List {
        file: file.clone(),
        encoding,
        rows: table.rows.len() + table.problems.len(),
        candidates: Vec::new(),
        no_consent: Vec::new(),
        problems: table.problems.clone(),
    };
    // A column as the file names it, for a problem.
    let header = |column: &str| -> String {
        places
            .get(column)
            .and_then(|&i| table.headers.get(i))
            .map(|h| crate::model::text::one_line(h).into_owned())
            .unwrap_or_else(|| column.to_string())
    };
    let reader = RowReader {
        map,
        gazetteer: importer.gazetteer,
    };
    for (line, row) in &table.rows {
        match reader.household(row, importer) {
            Read::Household(household) => list.candidates.push(Candidate {
                line: *line,
                household: *household,
            }),
            Read::NoConsent => list.no_consent.push(*line),
            Read::Problems(found) => {
                list.problems
                    .extend(found.into_iter().map(|(column, message)| Problem {
                        file: file.clone(),
                        line: *line,
                        column: header(column),
                        message: format!("{message}: the row was left out"),
                    }))
            }
        }
    }
    list.problems.sort_by_key(|p| p.line);
    Ok(list)
}

/// The character that separates a file's cells: a comma, or what its first line is
/// separated by when that is not a comma (Excel in some languages saves `;`, and some
/// exports use tabs). Quoted text is not counted.
fn delimiter(text: &str) -> u8 {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [0, s, t] if s > 0 && s >= t => b';',
        [0, _, t] if t > 0 => b'\t',
        _ => b',',
    }
}

/// Which column of the file each of Daleel's columns is read from: the one the map
/// names, else the one of its own name; when the file has no column of that name, the
/// one column whose last part is that name (a KoboToolbox export names a question in a
/// group `group_hh/head_name`).
fn places(
    file: &str,
    text: &str,
    delimiter: u8,
    map: Option<&ColumnMap>,
) -> Result<HashMap<&'static str, usize>, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|source| crate::directory::ImportError::NoHeader {
            file: file.to_string(),
            source,
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let last = |name: &str| name.rsplit('/').next().unwrap_or(name).to_string();
    let mut places = HashMap::new();
    for (column, _) in COLUMNS {
        let mapped = map.and_then(|m| m.header(column));
        let wanted = mapped.unwrap_or(column);
        let at = match headers.iter().position(|h| h == wanted) {
            Some(i) => Some(i),
            None => {
                let tail = last(wanted);
                let mut found = headers
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.contains('/') && last(h) == tail);
                match (found.next(), found.next()) {
                    (Some((i, _)), None) => Some(i),
                    (Some((_, first)), Some((_, second))) => {
                        return Err(ImportError::Ambiguous {
                            file: file.to_string(),
                            column,
                            first: crate::model::text::one_line(first).into_owned(),
                            second: crate::model::text::one_line(second).into_owned(),
                        });
                    }
                    _ => None,
                }
            }
        };
        match at {
            Some(i) => {
                places.insert(column, i);
            }
            None if mapped.is_some() => {
                return Err(ImportError::MissingColumn {
                    file: file.to_string(),
                    what: format!(
                        "\"{}\" (the map's [columns] {column}): check the first line of the export, and the map",
                        crate::model::text::one_line(wanted)
                    ),
                });
            }
            None if NEEDED.contains(&column) && !map.is_some_and(|m| m.fills_empty(column)) => {
                return Err(ImportError::MissingColumn {
                    file: file.to_string(),
                    what: format!(
                        "{column}: its first line names the columns as daleel households template writes them; a KoboToolbox or ODK export needs --map MAP.toml to name them (docs/coordinator-guide.md)"
                    ),
                });
            }
            None => {}
        }
    }
    Ok(places)
}

/// What became of a row.
enum Read {
    Household(Box<Household>),
    NoConsent,
    /// (Daleel's column, what is wrong) for each value at fault.
    Problems(Vec<(&'static str, String)>),
}

/// Reads rows into households.
struct RowReader<'a> {
    map: Option<&'a ColumnMap>,
    gazetteer: &'a Gazetteer,
}

impl RowReader<'_> {
    /// A cell in Daleel's words (the map's value for the export's answer).
    fn value<'c>(&'c self, column: &str, cell: &'c Cell) -> &'c str {
        match self.map {
            Some(m) => m.value(column, cell.as_str()).trim(),
            None => cell.as_str(),
        }
    }

    fn household(&self, row: &Row, importer: &Importer) -> Read {
        if !is_yes(self.value("consent", &row.consent)) {
            return Read::NoConsent;
        }
        let mut problems: Vec<(&'static str, String)> = Vec::new();
        let mut answer = |column: &'static str, cell: &Cell| -> bool {
            let v = self.value(column, cell);
            if is_yes(v) {
                true
            } else {
                if !v.is_empty() && !is_no(v) {
                    problems.push((column, "answer yes or no (an empty cell is no)".to_string()));
                }
                false
            }
        };
        let disclosure = answer("consent_disclosure", &row.consent_disclosure);
        let follow_up = answer("consent_follow_up", &row.consent_follow_up);
        let name = self.value("head_name", &row.head_name).to_string();
        if name.is_empty() {
            problems.push(("head_name", "no name of the head of household".into()));
        }
        let governorate = match self.value("governorate", &row.governorate) {
            "" => {
                problems.push(("governorate", "no governorate".into()));
                String::new()
            }
            text => match governorate(self.gazetteer, text) {
                Some(pcode) => pcode,
                None => {
                    problems.push((
                        "governorate",
                        "not a governorate: use its P-code (IQG15) or its English or Arabic name"
                            .into(),
                    ));
                    String::new()
                }
            },
        };
        let district = match self.value("district", &row.district) {
            "" => None,
            _ if governorate.is_empty() => None,
            text => match district(self.gazetteer, &governorate, text) {
                Ok(pcode) => Some(pcode),
                Err(message) => {
                    problems.push(("district", message));
                    None
                }
            },
        };
        let size = match number(self.value("household_size", &row.household_size)) {
            Number::Empty => None,
            Number::Is(n) if (1..=u64::from(MAX_SIZE)).contains(&n) => Some(n as u16),
            _ => {
                problems.push((
                    "household_size",
                    format!("not a number of people from 1 to {MAX_SIZE} (the head included)"),
                ));
                None
            }
        };
        let sex = match self.value("sex", &row.sex) {
            "" => None,
            text => {
                let sex = sex(text);
                if sex.is_none() {
                    problems.push((
                        "sex",
                        "use female or male (a map's [values.sex] turns other answers into these)"
                            .into(),
                    ));
                }
                sex
            }
        };
        let birth_year = match self.value("birth_year", &row.birth_year) {
            "" => None,
            text => {
                let year = year(text);
                if year.is_none() {
                    problems.push(("birth_year", "not a year of birth (1984)".into()));
                }
                year
            }
        };
        let kind = match self.value("population_group", &row.population_group) {
            "" => {
                problems.push((
                    "population_group",
                    format!("no population group ({})", DisplacementKind::codes()),
                ));
                None
            }
            text => {
                let kind = population_group(text);
                if kind.is_none() {
                    problems.push((
                        "population_group",
                        format!(
                            "not a population group: use {} (a map's [values.population_group] turns other answers into these)",
                            DisplacementKind::codes()
                        ),
                    ));
                }
                kind
            }
        };
        let mut head = Person::new(Uuid::now_v7(), name);
        head.latin = self.value("head_name_latin", &row.head_name_latin).into();
        head.sex = sex;
        head.birth_year = birth_year;
        head.relationship = "head".into();
        let household = Household {
            id: Uuid::now_v7(),
            case_code: String::new(),
            created_at: importer.now,
            created_by: importer.worker.to_string(),
            head,
            phone: self.value("phone", &row.phone).into(),
            // The size a list gives; its members are named by a worker at a visit.
            size,
            members: Vec::new(),
            location: Location {
                governorate,
                district,
                sub_district: None,
                village: self.value("village", &row.village).into(),
            },
            displacement: Displacement {
                kind: kind.unwrap_or_default(),
                returned_on: None,
            },
            vulnerabilities: Default::default(),
            consent: Some(Consent {
                services: true,
                disclosure,
                follow_up,
                recorded_at: importer.now,
                recorded_by: importer.worker.to_string(),
            }),
            status: CaseStatus::Open,
        };
        // The record's own rules, as the Intake form checks them (a phone number, a year
        // of birth): every value at fault is named at once, each column once.
        for p in household.validate(self.gazetteer, importer.now.date()) {
            let column = column_of_field(&p.field);
            if !problems.iter().any(|(c, _)| *c == column) {
                problems.push((column, p.message.trim_end_matches('.').to_string()));
            }
        }
        if problems.is_empty() {
            Read::Household(Box::new(household))
        } else {
            Read::Problems(problems)
        }
    }
}

/// The column of a field `Household::validate` names.
fn column_of_field(field: &str) -> &'static str {
    match field {
        "head.name" => "head_name",
        "head.latin" => "head_name_latin",
        "head.birth_year" => "birth_year",
        "phone" => "phone",
        "location.governorate" => "governorate",
        "location.district" => "district",
        "location.village" => "village",
        _ => "-",
    }
}

/// An answer folded for comparing: trimmed, lower case, Arabic spelling variants aside.
fn folded(text: &str) -> String {
    fold(text.trim())
}

/// Whether an answer is yes: `yes` (any case), Arabic نعم or بلى, Kurdish بەڵێ.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        folded(answer).as_str(),
        "yes" | "y" | "true" | "نعم" | "بلي" | "بەڵێ" | "بەلێ"
    )
}

/// Whether an answer is no: `no` (any case), Arabic لا, Kurdish نەخێر.
fn is_no(answer: &str) -> bool {
    matches!(
        folded(answer).as_str(),
        "no" | "n" | "false" | "لا" | "نەخێر" | "نا"
    )
}

fn sex(answer: &str) -> Option<Sex> {
    if let Some(s) = Sex::from_code(answer) {
        return Some(s);
    }
    match folded(answer).as_str() {
        "f" | "woman" | "انثي" | "ئافرەت" | "مێ" | "ژن" => Some(Sex::Female),
        "m" | "man" | "ذكر" | "پیاو" | "نێر" => Some(Sex::Male),
        _ => None,
    }
}

fn population_group(answer: &str) -> Option<DisplacementKind> {
    if let Some(k) = DisplacementKind::from_code(answer) {
        return Some(k);
    }
    let key = |t: &str| -> String { fold(t).chars().filter(|c| c.is_alphanumeric()).collect() };
    let wanted = key(answer);
    if let Some(k) = DisplacementKind::ALL
        .iter()
        .copied()
        .find(|k| key(k.label()) == wanted || key(k.code()) == wanted)
    {
        return Some(k);
    }
    match wanted.as_str() {
        "عائد" => Some(DisplacementKind::Returnee),
        "لاجي" | "لاجئ" => Some(DisplacementKind::Refugee),
        "مجتمعمضيف" => Some(DisplacementKind::HostCommunity),
        _ => None,
    }
}

/// A whole number read from a cell (Arabic-Indic digits too; `5.0`, as some exports
/// write numbers, is 5).
enum Number {
    Empty,
    Is(u64),
    Not,
}

fn number(text: &str) -> Number {
    let text = ascii_digits(text.trim());
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text.is_empty() {
        Number::Empty
    } else if text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 6 {
        text.parse().map(Number::Is).unwrap_or(Number::Not)
    } else {
        Number::Not
    }
}

/// A year of birth: four digits, alone or in a date (`1984-03-01` or
/// `1984-03-01T00:00:00.000+03:00` from an export, `01/03/1984` from a spreadsheet).
fn year(text: &str) -> Option<u16> {
    let text = ascii_digits(text.trim());
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((&text, ""));
    // A time after the date, as an export writes it (`T00:00:00.000+03:00`), and nothing
    // else: `1984 or 1985` is no year.
    let clock = time.is_empty()
        || (time.contains(':')
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || ":.+-Z".contains(c)));
    if !clock {
        return None;
    }
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let mut years = parts.iter().filter(|p| p.len() == 4);
    match (parts.len(), years.next(), years.next()) {
        (1 | 3, Some(y), None) => y.parse().ok(),
        _ => None,
    }
}

/// A place's name folded for comparing: letters and digits only, in lower case, Arabic
/// spelling variants aside (the Persian and Kurdish kaf and yeh as the Arabic ones),
/// without the article at its start (al-, ال).
fn place_key(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .map(|c| match c {
            'ی' | 'ێ' => 'ي',
            'ک' => 'ك',
            'ە' => 'ه',
            'ۆ' => 'و',
            _ => c,
        })
        .collect();
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "al" {
        words.remove(0);
    }
    let mut key = words.concat();
    if let Some(rest) = key.strip_prefix("ال")
        && rest.chars().count() > 2
    {
        key = rest.to_string();
    }
    key
}

/// Other names the governorates go by (in exports, on forms), by P-code.
const GOVERNORATE_NAMES: [(&str, &[&str]); 18] = [
    ("IQG01", &["Al Anbar"]),
    ("IQG02", &["Basra", "Al Basrah"]),
    ("IQG03", &["Al Muthanna"]),
    ("IQG04", &["An Najaf"]),
    ("IQG05", &["Qadisiyah", "Al-Qadisiyyah", "Diwaniyah"]),
    (
        "IQG06",
        &[
            "Sulaimaniya",
            "Sulaimani",
            "Slemani",
            "As Sulaymaniyah",
            "سلێمانی",
        ],
    ),
    ("IQG07", &["Babil", "Babel"]),
    ("IQG08", &[]),
    ("IQG09", &["Dohuk", "Dahuk", "Dihok", "دهۆک"]),
    ("IQG10", &["Diyalah"]),
    ("IQG11", &["Arbil", "Irbil", "Hawler", "هەولێر"]),
    ("IQG12", &["Karbala"]),
    ("IQG13", &["Tamim", "Ta'mim", "کەرکووک"]),
    ("IQG14", &["Maysan", "Misan"]),
    (
        "IQG15",
        &[
            "Nineveh",
            "Ninevah",
            "Ninawa",
            "Nineva",
            "Ninewah",
            "نەینەوا",
        ],
    ),
    (
        "IQG16",
        &["Salahaddin", "Salah ad-Din", "Salahuddin", "Saladin"],
    ),
    ("IQG17", &["Dhi Qar", "Thi Qar", "Zi Qar"]),
    ("IQG18", &["Wasit"]),
];

/// A governorate's P-code from its P-code (any case), English or Arabic name, or one of
/// its other names.
fn governorate(gazetteer: &Gazetteer, text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    if gazetteer.get(&code).is_some_and(|a| a.level == 1) {
        return Some(code);
    }
    let key = place_key(text);
    if key.is_empty() {
        return None;
    }
    gazetteer
        .governorates()
        .find(|a| {
            place_key(&a.name_en) == key
                || place_key(&a.name_ar) == key
                || GOVERNORATE_NAMES
                    .iter()
                    .filter(|(p, _)| *p == a.pcode)
                    .flat_map(|(_, names)| names.iter())
                    .any(|n| place_key(n) == key)
        })
        .map(|a| a.pcode.clone())
}

/// A district of `governorate` from its P-code or its English or Arabic name in the
/// gazetteer, or what is wrong.
fn district(gazetteer: &Gazetteer, governorate: &str, text: &str) -> Result<String, String> {
    let districts: Vec<_> = gazetteer
        .children(governorate)
        .filter(|a| a.level == 2)
        .collect();
    let code = text.trim().to_ascii_uppercase();
    if let Some(a) = gazetteer.get(&code).filter(|a| a.level == 2) {
        return if a.parent.as_deref() == Some(governorate) {
            Ok(code)
        } else {
            Err(format!("{code} is not a district of {governorate}"))
        };
    }
    if districts.is_empty() {
        return Err(format!(
            "this laptop's gazetteer has no districts of {governorate}: import them (daleel gazetteer import), or leave the district empty"
        ));
    }
    let key = place_key(text);
    districts
        .iter()
        .find(|a| place_key(&a.name_en) == key || place_key(&a.name_ar) == key)
        .map(|a| a.pcode.clone())
        .ok_or_else(|| {
            format!(
                "not a district of {governorate} in the gazetteer: use its P-code, or its name as the gazetteer has it"
            )
        })
}

#[cfg(test)]
mod tests;
