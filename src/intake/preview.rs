//! What an import would do, and doing it.
//!
//! **A row already imported** is recognised by what it would write: a household of the
//! database with the same head's name (compared as search folds it: case, Arabic letter
//! variants, spaces), phone number (its national form: `+964 770…` is `0770…`),
//! governorate, district, year of birth, sex, household size and population group is
//! that row, "already here", and it is not imported again. A second run of the same file
//! imports nothing, and so does the same file on another laptop once the first laptop's
//! households have reached it. Nothing is stored to remember a file by: the households
//! themselves are the memory, and the rule holds whichever laptop imported them.
//!
//! **A likely duplicate** is a row that is not one of those, but looks like a household
//! of the database or an earlier row of the file as the Intake screen's check sees it
//! (`HouseholdSearch::likely_duplicates_of`: the same phone and a word of the name, or the
//! same governorate and two words of the name, in either script and any spelling). It is
//! listed with the case codes and lines it resembles, and held back unless the import is
//! asked to include duplicates: a coordinator decides (a household edited since it was
//! imported, say its phone number corrected, comes back as a likely duplicate of itself,
//! and should stay out). A row that repeats an earlier row of the file exactly is never
//! imported.

use std::collections::HashMap;

use crate::directory::Problem;
use crate::model::Household;
use crate::model::phone;
use crate::search::fold;
use crate::search::households::{Builder, Typed};
use crate::store::audit::AuditAction;
use crate::store::{Edit, Store, StoreError};

use super::{Encoding, List};

/// At most this many case codes and lines are named for a likely duplicate.
const NAMED: usize = 5;

/// Households saved in one transaction.
const CHUNK: usize = 200;

/// A row that looks like households already known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub line: u64,
    /// The case codes of the households of the database it looks like, most alike first.
    pub cases: Vec<String>,
    /// The earlier lines of the file it looks like.
    pub lines: Vec<u64>,
}

/// What an import would do.
#[derive(Debug, Clone)]
pub struct Preview {
    pub file: String,
    pub encoding: Encoding,
    /// The rows read.
    pub rows: usize,
    /// The lines that would be imported, in order.
    pub import: Vec<u64>,
    /// Rows already in the database: (line, case code).
    pub already: Vec<(u64, String)>,
    /// Rows that repeat an earlier row of the file: (line, the earlier line).
    pub repeated: Vec<(u64, u64)>,
    /// Likely duplicates: imported only when `include_duplicates`.
    pub duplicates: Vec<Duplicate>,
    pub include_duplicates: bool,
    /// Rows without consent: never imported.
    pub no_consent: Vec<u64>,
    /// Rows left out for a bad value.
    pub problems: Vec<Problem>,
    households: Vec<(u64, Household)>,
}

impl Preview {
    /// Whether applying it would import nothing.
    pub fn is_empty(&self) -> bool {
        self.households.is_empty()
    }
}

/// What a row would write that says which household it is (module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Same {
    name: String,
    phone: String,
    governorate: String,
    district: Option<String>,
    birth_year: Option<u16>,
    sex: Option<&'static str>,
    size: usize,
    group: &'static str,
}

impl Same {
    fn of(h: &Household) -> Same {
        Same {
            name: fold(&crate::model::text::tidy_name(&h.head.name)),
            phone: phone::national(&h.phone),
            governorate: h.location.governorate.clone(),
            district: h.location.district.clone(),
            birth_year: h.head.birth_year,
            sex: h.head.sex.map(|s| s.code()),
            size: h.people_count(),
            group: h.displacement.kind.code(),
        }
    }
}

fn typed(h: &Household) -> Typed<'_> {
    Typed {
        name: &h.head.name,
        latin: &h.head.latin,
        phone: &h.phone,
        birth_year: h.head.birth_year,
        governorate: &h.location.governorate,
        except: Some(h.id),
    }
}

/// Compares a list with this laptop's households and with itself.
pub fn preview(store: &Store, list: List, include_duplicates: bool) -> Result<Preview, StoreError> {
    // The database's households: the search the Intake screen checks duplicates with,
    // what each would be as a row, and their case codes (in the search's order).
    let mut known = Builder::default();
    let mut same: HashMap<Same, usize> = HashMap::new();
    let mut codes: Vec<String> = Vec::new();
    for h in store.all::<Household>() {
        let h = h?;
        known.push_household(&h);
        same.entry(Same::of(&h)).or_insert(codes.len());
        codes.push(h.case_code);
    }
    let known = known.finish();
    let mut in_file = Builder::default();
    for c in &list.candidates {
        in_file.push_household(&c.household);
    }
    let in_file = in_file.finish();
    let mut p = Preview {
        file: list.file,
        encoding: list.encoding,
        rows: list.rows,
        import: Vec::new(),
        already: Vec::new(),
        repeated: Vec::new(),
        duplicates: Vec::new(),
        include_duplicates,
        no_consent: list.no_consent,
        problems: list.problems,
        households: Vec::new(),
    };
    let mut seen: HashMap<Same, u64> = HashMap::new();
    for (i, c) in list.candidates.iter().enumerate() {
        let key = Same::of(&c.household);
        if let Some(&at) = same.get(&key) {
            p.already.push((c.line, codes[at].clone()));
            continue;
        }
        if let Some(&earlier) = seen.get(&key) {
            p.repeated.push((c.line, earlier));
            continue;
        }
        seen.insert(key, c.line);
        let row = typed(&c.household);
        let cases: Vec<String> = known
            .likely_duplicates_of(&row, NAMED)
            .into_iter()
            .map(|at| codes[at].clone())
            .collect();
        let lines: Vec<u64> = in_file
            .likely_duplicates_of(&row, in_file.len())
            .into_iter()
            .filter(|&at| at < i)
            .take(NAMED)
            .map(|at| list.candidates[at].line)
            .collect();
        if !cases.is_empty() || !lines.is_empty() {
            p.duplicates.push(Duplicate {
                line: c.line,
                cases,
                lines,
            });
            if !include_duplicates {
                continue;
            }
        }
        p.import.push(c.line);
        p.households.push((c.line, c.household.clone()));
    }
    Ok(p)
}

/// Saves a preview's households (each gets the next case code), a few hundred per
/// transaction, and notes the import in the audit trail (how many, never who). Returns
/// each imported line with its case code.
pub fn apply(
    store: &Store,
    worker: &str,
    preview: Preview,
) -> Result<Vec<(u64, String)>, StoreError> {
    let mut saved: Vec<(u64, String)> = Vec::with_capacity(preview.households.len());
    let mut failed = None;
    for chunk in preview.households.chunks(CHUNK) {
        let edits: Vec<Edit> = chunk
            .iter()
            .map(|(_, h)| Edit::Household(h.clone()))
            .collect();
        match store.apply(worker, &edits) {
            Ok(applied) => {
                saved.extend(chunk.iter().map(|(line, _)| *line).zip(applied.case_codes))
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    // What was saved before a failure is audited too.
    if !saved.is_empty() {
        store.audit(
            AuditAction::HouseholdsImport,
            None,
            &format!("{} households", saved.len()),
            saved.len() as u64,
        )?;
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(saved),
    }
}
