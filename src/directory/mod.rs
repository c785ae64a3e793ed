//! The service directory in and out (field-fit issue): Open Referral HSDS 3.0 tabular
//! files (hsds.rs) and a simple one-row-per-service spreadsheet (sheet.rs). An import is
//! read whole first, every bad row reported with its file, line and column; a preview
//! says what it would add and change; then it is applied as ordinary directory edits
//! (which sync, and which only a coordinator may make in a team).

pub mod encoding;
pub mod hsds;
mod hsds_out;
mod hsds_schema;
mod json;
pub mod not_kept;
pub mod places;
pub mod sheet;
pub(crate) mod table;
pub mod taxonomy;

pub use hsds_out::{datapackage, exported};

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::model::{Organization, Service};
use crate::store::{Edit, Store, StoreError};

/// Why a file or folder cannot be imported at all (a bad row is a `Problem` instead).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: there is no such file")]
    NoSuchFile { path: String },
    #[error("{path} is larger than a directory file can be ({limit_mib} MiB at most)")]
    TooLarge { path: String, limit_mib: u64 },
    /// A JSON file with more values than a directory holds: parsed, each would take 32
    /// bytes or more (`[0,0,0,…]` in 64 MiB would take gigabytes).
    #[error("{path} holds more values than a directory file can ({limit} at most)")]
    TooManyValues { path: String, limit: u64 },
    #[error(
        "{file} holds more rows than Daleel reads from one file ({limit} at most): split it into smaller files and import each, or check that this is the right file"
    )]
    TooManyRows { file: String, limit: u64 },
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{file}: its first line is not a CSV header: {source}")]
    NoHeader { file: String, source: csv::Error },
    #[error("{file}: {source}")]
    Csv { file: String, source: csv::Error },
    #[error("{path} is not a folder: give the folder that holds services.csv")]
    NotAFolder { path: String },
    #[error(
        "{path} holds no services.csv: it is not an HSDS directory (a spreadsheet of services is imported by naming the file)"
    )]
    NoServices { path: String },
    #[error(
        "{file} is not a services spreadsheet: its header has no \"organization\" and \"service\" columns (daleel services template writes one)"
    )]
    NotASheet { file: String },
    #[error("{file} is not JSON: {source} (line {line}, column {column})")]
    NotJson {
        file: String,
        line: usize,
        column: usize,
        source: serde_json::Error,
    },
    #[error("{file} holds no HSDS service object")]
    NoServiceObject { file: String },
    /// Not UTF-8, and not Arabic in Windows-1256 either (`encoding`).
    #[error("{}", not_text(path, why))]
    NotText {
        path: String,
        why: encoding::NotText,
    },
}

/// What to tell of a file that is not text this import reads (the households import's
/// words: `intake::ImportError`).
fn not_text(path: &str, why: &encoding::NotText) -> String {
    const SAVE_AS: &str =
        "open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"";
    match why {
        encoding::NotText::Utf16 => {
            format!("{path} is saved as Unicode Text (UTF-16): {SAVE_AS}, and import that file")
        }
        encoding::NotText::Workbook => {
            format!("{path} is a spreadsheet workbook, not CSV: {SAVE_AS}, and import that file")
        }
        encoding::NotText::Binary => {
            format!("{path} holds bytes that are not text: is it the right file?")
        }
        encoding::NotText::DamagedUtf8 { line } => format!(
            "{path}, line {line}: a character there is damaged (the file is UTF-8 but that line is not): correct the line, or save the file again as \"CSV UTF-8\", and import it again"
        ),
        encoding::NotText::Unknown => format!(
            "{path} is neither UTF-8 text nor Arabic text in Windows-1256: {SAVE_AS} (in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8)), and import that file"
        ),
    }
}

/// A row that was not taken, or a value that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            // A JSON file: the column is the value's path.
            write!(f, "{}, {}: {}", self.file, self.column, self.message)
        } else {
            write!(
                f,
                "{}, line {}, column {}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Where a record was read from, to report a problem found later (a reference to an
/// organization neither the files nor this laptop hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub file: String,
    pub line: u64,
}

/// What a set of files holds, read and checked, not yet applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    pub organizations: Vec<(Organization, Source)>,
    pub services: Vec<(Service, Source)>,
    pub problems: Vec<Problem>,
    /// What the files hold that Daleel does not keep (HSDS folders).
    pub not_kept: Vec<not_kept::NotKept>,
    /// The files that were not UTF-8 and were read as Arabic in Windows-1256.
    pub windows_1256: Vec<String>,
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// New records, by name.
    pub added: Vec<String>,
    /// Records that differ from this laptop's, by name.
    pub changed: Vec<String>,
    pub unchanged: usize,
    pub problems: Vec<Problem>,
    /// What the files hold that the import leaves out, by file and column.
    pub not_kept: Vec<not_kept::NotKept>,
    /// The files read as Windows-1256.
    pub windows_1256: Vec<String>,
    edits: Vec<Edit>,
}

impl Preview {
    /// Whether applying it would change anything.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// The id of a record named by an id in a file: the id itself when it is a UUID, else
/// one derived from it (the same text always gives the same id).
pub fn id_of(text: &str) -> Uuid {
    let text = text.trim();
    Uuid::parse_str(text).unwrap_or_else(|_| {
        let hash = blake3::derive_key("daleel 2026-11 directory id", text.as_bytes());
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&hash[..16]);
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    })
}

/// Compares what the files hold with this laptop's directory (its own records and the
/// built-in sample). A service of an organization that neither holds is reported and
/// left out.
pub fn preview(store: &Store, incoming: Incoming) -> Result<Preview, StoreError> {
    let mut p = Preview {
        problems: incoming.problems,
        not_kept: incoming.not_kept,
        windows_1256: incoming.windows_1256,
        ..Preview::default()
    };
    let mut orgs: BTreeSet<Uuid> = store.organizations()?.iter().map(|o| o.id).collect();
    for (org, _) in incoming.organizations {
        orgs.insert(org.id);
        match store.organization(org.id)? {
            Some(old) if old == org => p.unchanged += 1,
            Some(_) => {
                p.changed.push(org.name.clone());
                p.edits.push(Edit::Organization(org));
            }
            None => {
                p.added.push(org.name.clone());
                p.edits.push(Edit::Organization(org));
            }
        }
    }
    for (service, source) in incoming.services {
        if !orgs.contains(&service.organization) {
            p.problems.push(Problem {
                file: source.file,
                line: source.line,
                column: "organization_id".into(),
                message: format!(
                    "the organization {} is neither in the files nor in this laptop's directory: the service \"{}\" was left out",
                    service.organization, service.name
                ),
            });
            continue;
        }
        match store.service(service.id)? {
            Some(old) if old == service => p.unchanged += 1,
            Some(_) => {
                p.changed.push(service.name.clone());
                p.edits.push(Edit::Service(service));
            }
            None => {
                p.added.push(service.name.clone());
                p.edits.push(Edit::Service(service));
            }
        }
    }
    p.problems
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(p)
}

/// Applies a preview's edits (organizations first), a few hundred per transaction.
/// Returns how many records were written.
pub fn apply(store: &Store, worker: &str, preview: Preview) -> Result<usize, StoreError> {
    let n = preview.edits.len();
    for chunk in preview.edits.chunks(500) {
        store.apply(worker, chunk)?;
    }
    let organizations = preview
        .edits
        .iter()
        .filter(|e| matches!(e, Edit::Organization(_)))
        .count();
    store.audit(
        crate::store::audit::AuditAction::ServicesImport,
        None,
        &format!(
            "{organizations} organizations, {} services",
            n - organizations
        ),
        n as u64,
    )?;
    Ok(n)
}

/// Takes out of an imported service the details that say nothing its plain fields do
/// not (issue 18): an id Daleel's export made up for a row that had none
/// (`hsds_out::child_id`), a place with no id, other name or coordinates (at the end of
/// the list), the one phone that is `phone` and nothing more, a language with no id or
/// code, the one schedule that is `hours` in words. A directory Daleel wrote comes back
/// exactly as it was.
pub(crate) fn tidy(s: &mut Service) {
    use hsds_out::child_id;
    let id = s.id;
    for (n, d) in s.location_details.iter_mut().enumerate() {
        if d.id == child_id(id, "location", n) {
            d.id.clear();
        }
    }
    while s
        .location_details
        .last()
        .is_some_and(|d| *d == crate::model::LocationDetail::default())
    {
        s.location_details.pop();
    }
    for (n, p) in s.phones.iter_mut().enumerate() {
        if p.id == child_id(id, "phone", n) {
            p.id.clear();
        }
    }
    if let [only] = s.phones.as_slice()
        && only.id.is_empty()
        && only.extension.is_empty()
        && only.description.is_empty()
        && only.number == s.phone
    {
        s.phones.clear();
    }
    let languages = s.languages.clone();
    for l in &mut s.language_details {
        if let Some(n) = languages.iter().position(|name| *name == l.name)
            && l.id == child_id(id, "language", n)
        {
            l.id.clear();
        }
    }
    s.language_details
        .retain(|l| !l.id.is_empty() || !l.code.is_empty());
    for (n, h) in s.schedules.iter_mut().enumerate() {
        if h.id == child_id(id, "schedule", n) {
            h.id.clear();
        }
    }
    if let [only] = s.schedules.as_slice()
        && only.id.is_empty()
        && *only
            == (crate::model::Schedule {
                description: s.hours.clone(),
                ..Default::default()
            })
    {
        s.schedules.clear();
    }
}

/// A text field of a CSV row, trimmed; quotes left around a value by a spreadsheet
/// (`"+44 1234"` inside the field) are taken off. Every field of the directory is one
/// line: a line break kept inside a cell (a spreadsheet's Alt+Enter, an HSDS
/// description in paragraphs) becomes a space. Any other control character is refused
/// by the import (`hidden`), never cleaned away.
pub(crate) fn clean(value: &str) -> String {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
        .trim();
    if v.contains(['\r', '\n']) {
        v.replace("\r\n", " ").replace(['\r', '\n'], " ")
    } else {
        v.to_string()
    }
}

/// Why a value read from an import cannot be taken (`model::text`), once cleaned.
pub(crate) fn hidden(value: &str) -> Option<String> {
    crate::model::text::refusal(&clean(value))
}
