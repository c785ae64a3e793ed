//! Household lookup by name (any script), case code or phone, and likely duplicates.
//! Kept compact, because a coordinator's laptop holds a governorate's caseload (100,000
//! households) in 2 to 4 GB: per household only its id, its folded name for the fuzzy
//! index, its case code, its phone digits and a few bytes for duplicate checks. What a
//! list shows of a household is read from the store for the hits only.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use uuid::Uuid;

use super::{Index, fold};
use crate::model::gazetteer::GOVERNORATES;
use crate::model::{Household, ascii_digits};
use crate::store::{Store, StoreError};

/// What a list shows of a household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdRow {
    pub id: Uuid,
    pub case_code: String,
    pub name: String,
    pub latin: String,
    pub phone: String,
    pub governorate: String,
    pub village: String,
    pub birth_year: Option<u16>,
    pub open: bool,
}

impl HouseholdRow {
    pub fn from_household(h: &Household) -> HouseholdRow {
        HouseholdRow {
            id: h.id,
            case_code: h.case_code.clone(),
            name: h.head.name.clone(),
            latin: h.head.latin.clone(),
            phone: h.phone.clone(),
            governorate: h.location.governorate.clone(),
            village: h.location.village.clone(),
            birth_year: h.head.birth_year,
            open: h.is_open(),
        }
    }
}

/// A few bytes per household for the duplicate checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    /// Position in `GOVERNORATES`, or `u8::MAX`.
    governorate: u8,
    birth_year: Option<u16>,
    open: bool,
    /// A hash of the folded words of the name as typed (not the transliteration).
    name_key: u64,
    name_words: u8,
}

/// Every household, with three ways in: a fuzzy index over names (any script), the case
/// codes in order (a prefix finds them by binary search), and the phone digits (a
/// substring finds them).
pub struct HouseholdSearch {
    ids: Vec<Uuid>,
    names: Index,
    /// (upper-case code, position), sorted.
    codes: Vec<(Box<str>, u32)>,
    phones: Vec<Box<str>>,
    meta: Vec<Meta>,
}

/// What a query looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    /// Digits (with spaces, + or -): a phone number or a case number.
    Digits,
    /// A case code, or its device part: `K7QX2-0123`, `K7QX2-01`, `K7QX2`.
    CaseCode,
    /// Anything else: a name.
    Name,
}

/// The folded words of a name (one-letter words left out).
fn name_words(name: &str) -> BTreeSet<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.to_string())
        .collect()
}

fn governorate_index(pcode: &str) -> u8 {
    GOVERNORATES
        .iter()
        .position(|(code, _, _)| *code == pcode)
        .map(|i| i as u8)
        .unwrap_or(u8::MAX)
}

impl HouseholdSearch {
    /// Builds the search from rows (tests and small sets).
    pub fn new(rows: Vec<HouseholdRow>) -> HouseholdSearch {
        let mut b = Builder::default();
        for r in &rows {
            b.push(
                r.id,
                &r.case_code,
                &r.name,
                &r.latin,
                &r.phone,
                &r.governorate,
                r.birth_year,
                r.open,
            );
        }
        b.finish()
    }

    /// Reads every household from the store, one at a time.
    pub fn load(store: &Store) -> Result<HouseholdSearch, StoreError> {
        let mut b = Builder::default();
        for h in store.all::<Household>() {
            let h = h?;
            b.push_household(&h);
        }
        Ok(b.finish())
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of the household at `position`.
    pub fn id(&self, position: usize) -> Uuid {
        self.ids[position]
    }

    /// The ids of the latest `limit` households, newest first.
    pub fn latest(&self, limit: usize) -> Vec<Uuid> {
        self.ids.iter().rev().take(limit).copied().collect()
    }

    /// What kind of lookup a query asks for.
    pub fn kind(&self, query: &str) -> QueryKind {
        let q = ascii_digits(query.trim());
        let digits = q.chars().filter(|c| c.is_ascii_digit()).count();
        if digits >= 2 && q.chars().all(|c| c.is_ascii_digit() || " +-".contains(c)) {
            return QueryKind::Digits;
        }
        let upper = q.to_ascii_uppercase();
        let device = upper.split('-').next().unwrap_or("");
        let code_like = device.len() == 5 && device.chars().all(|c| c.is_ascii_alphanumeric());
        if code_like && (upper.contains('-') || self.codes_with_prefix(&upper).next().is_some()) {
            return QueryKind::CaseCode;
        }
        QueryKind::Name
    }

    fn codes_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.codes.partition_point(|(c, _)| &**c < prefix);
        self.codes[start..]
            .iter()
            .take_while(move |(c, _)| c.starts_with(prefix))
            .map(|(_, i)| *i)
    }

    /// Positions of the matching households, best first: a case code by its beginning, a
    /// phone number (or case number) by its digits, newest first; a name fuzzily, in
    /// either script, with Arabic spelling variants and Arabic-Indic digits folded.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<usize> {
        let q = ascii_digits(query.trim());
        match self.kind(&q) {
            QueryKind::CaseCode => {
                let upper = q.to_ascii_uppercase();
                self.codes_with_prefix(&upper)
                    .take(limit)
                    .map(|i| i as usize)
                    .collect()
            }
            QueryKind::Digits => {
                let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
                let mut numbers = vec![""; self.ids.len()];
                for (code, i) in &self.codes {
                    numbers[*i as usize] = code.rsplit('-').next().unwrap_or("");
                }
                let mut found: Vec<usize> = Vec::new();
                for (i, phone) in self.phones.iter().enumerate().rev() {
                    if phone.contains(&digits) || numbers[i].starts_with(&digits) {
                        found.push(i);
                        if found.len() == limit {
                            break;
                        }
                    }
                }
                found
            }
            QueryKind::Name => self
                .names
                .search_top(&q, limit)
                .into_iter()
                .map(|h| h.index as usize)
                .collect(),
        }
    }

    /// Households that look like the one being typed: at least two words of the name in
    /// common with the name or its transliteration (or every word of a one-word name), in
    /// the same governorate, born within a year of each other when both years are known.
    pub fn likely_duplicates(
        &self,
        name: &str,
        birth_year: Option<u16>,
        governorate: &str,
        except: Option<Uuid>,
        limit: usize,
    ) -> Vec<usize> {
        let words = name_words(name);
        if words.is_empty() {
            return Vec::new();
        }
        let needed = words.len().min(2);
        let gov = governorate_index(governorate);
        let mut found = Vec::new();
        for (i, m) in self.meta.iter().enumerate() {
            if m.governorate != gov || Some(self.ids[i]) == except {
                continue;
            }
            if let (Some(a), Some(b)) = (birth_year, m.birth_year)
                && a.abs_diff(b) > 1
            {
                continue;
            }
            let theirs = name_words(&self.names.text(i));
            if words.intersection(&theirs).count() >= needed {
                found.push(i);
                if found.len() == limit {
                    break;
                }
            }
        }
        found
    }

    /// Groups of open households that are likely one family registered twice (the same
    /// folded name words, governorate and year of birth), for the coordinator's queue.
    pub fn duplicate_groups(&self) -> Vec<Vec<usize>> {
        let mut groups: BTreeMap<(u64, u8, Option<u16>), Vec<usize>> = BTreeMap::new();
        for (i, m) in self.meta.iter().enumerate() {
            if m.open && m.name_words >= 2 {
                groups
                    .entry((m.name_key, m.governorate, m.birth_year))
                    .or_default()
                    .push(i);
            }
        }
        groups.into_values().filter(|g| g.len() > 1).collect()
    }
}

/// Collects households one at a time, then builds the search.
#[derive(Default)]
pub struct Builder {
    ids: Vec<Uuid>,
    names: Vec<String>,
    codes: Vec<(Box<str>, u32)>,
    phones: Vec<Box<str>>,
    meta: Vec<Meta>,
}

impl Builder {
    pub fn push_household(&mut self, h: &Household) {
        self.push(
            h.id,
            &h.case_code,
            &h.head.name,
            &h.head.latin,
            &h.phone,
            &h.location.governorate,
            h.head.birth_year,
            h.is_open(),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        id: Uuid,
        case_code: &str,
        name: &str,
        latin: &str,
        phone: &str,
        governorate: &str,
        birth_year: Option<u16>,
        open: bool,
    ) {
        let i = self.ids.len() as u32;
        self.ids.push(id);
        self.names.push(format!("{name} {latin}"));
        self.codes
            .push((case_code.to_ascii_uppercase().into_boxed_str(), i));
        let digits: String = ascii_digits(phone)
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        self.phones.push(digits.into_boxed_str());
        let words = name_words(name);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        words.hash(&mut hasher);
        self.meta.push(Meta {
            governorate: governorate_index(governorate),
            birth_year,
            open,
            name_key: hasher.finish(),
            name_words: words.len().min(255) as u8,
        });
    }

    pub fn finish(self) -> HouseholdSearch {
        let names = Index::new(self.names.iter().map(|t| t.as_str()));
        let mut codes = self.codes;
        codes.sort();
        HouseholdSearch {
            ids: self.ids,
            names,
            codes,
            phones: self.phones,
            meta: self.meta,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, name: &str, latin: &str, phone: &str, year: u16) -> HouseholdRow {
        HouseholdRow {
            id: Uuid::now_v7(),
            case_code: code.into(),
            name: name.into(),
            latin: latin.into(),
            phone: phone.into(),
            governorate: "IQG15".into(),
            village: "Al-Zanjili".into(),
            birth_year: Some(year),
            open: true,
        }
    }

    fn rows() -> Vec<HouseholdRow> {
        vec![
            row(
                "K7QX2-0001",
                "فاطمة حسن علي",
                "Fatima Hassan Ali",
                "0770 123 4567",
                1984,
            ),
            row("K7QX2-0002", "Ahmed Al-Jubouri", "", "0781 555 0000", 1970),
            row(
                "J2WQ8-0001",
                "أحمد الجبوري",
                "Ahmed Al-Jubouri",
                "0790 111 2222",
                1971,
            ),
        ]
    }

    #[test]
    fn finds_by_name_in_either_script_case_code_and_phone() {
        let mut s = HouseholdSearch::new(rows());
        assert_eq!(s.search("فاطمه", 10), vec![0]);
        assert_eq!(s.search("fatima", 10), vec![0]);
        assert_eq!(s.search("K7QX2-0002", 10), vec![1]);
        assert_eq!(
            s.search("k7qx2", 10),
            vec![0, 1],
            "a device code lists its cases"
        );
        assert_eq!(
            s.search("٠٧٧٠١٢٣", 10),
            vec![0],
            "Arabic-Indic digits, no spaces"
        );
        assert_eq!(s.search("07701234567", 10), vec![0]);
        assert_eq!(s.search("0002", 10), vec![1], "a case number");
        assert_eq!(s.kind("0770 12"), QueryKind::Digits);
        assert_eq!(s.kind("J2WQ8-00"), QueryKind::CaseCode);
        assert_eq!(s.kind("zainab"), QueryKind::Name);
    }

    #[test]
    fn likely_duplicates_across_scripts_and_spellings() {
        let s = HouseholdSearch::new(rows());
        // Typed in Arabic with other alef and taa marbuta forms.
        assert_eq!(
            s.likely_duplicates("احمد الجبوري", Some(1971), "IQG15", None, 10),
            vec![2]
        );
        // Typed in Latin: the Latin-only record and the transliterated one.
        assert_eq!(
            s.likely_duplicates("ahmed al-jubouri", Some(1970), "IQG15", None, 10),
            vec![1, 2]
        );
        assert!(
            s.likely_duplicates("Ahmed Al-Jubouri", Some(1990), "IQG15", None, 10)
                .is_empty()
        );
        assert!(
            s.likely_duplicates("فاطمه حسن", None, "IQG01", None, 10)
                .is_empty(),
            "other governorate"
        );
        let me = s.id(0);
        assert!(
            s.likely_duplicates("فاطمة حسن", None, "IQG15", Some(me), 10)
                .is_empty()
        );
    }

    #[test]
    fn duplicate_groups_need_the_same_words_year_and_place() {
        let mut all = rows();
        all.push(row("M4RT9-0003", "فاطمه حسن علي", "", "", 1984));
        let s = HouseholdSearch::new(all);
        assert_eq!(s.duplicate_groups(), vec![vec![0, 3]]);
    }
}
