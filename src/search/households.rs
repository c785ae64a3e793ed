//! Household lookup by name (any script), case code or phone, and likely duplicates.
//! The rows are read once from the store and kept in memory; searching runs on a worker
//! thread in the screens when the set is large.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::{Index, fold};
use crate::model::{Household, ascii_digits};
use crate::store::{Store, StoreError};

/// What lookup needs of a household.
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

    /// What the name search looks through: the name as typed and its transliteration.
    fn names(&self) -> String {
        format!("{} {}", self.name, self.latin)
    }

    fn phone_digits(&self) -> String {
        ascii_digits(&self.phone)
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect()
    }
}

/// Every household's row, with three ways in: a fuzzy index over names (any script), the
/// case codes in order (a prefix finds them by binary search), and the phone digits
/// (a substring finds them).
pub struct HouseholdSearch {
    rows: Vec<HouseholdRow>,
    names: Index,
    /// (upper-case code, row), sorted.
    codes: Vec<(String, u32)>,
    phones: Vec<String>,
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

impl HouseholdSearch {
    pub fn new(rows: Vec<HouseholdRow>) -> HouseholdSearch {
        let texts: Vec<String> = rows.iter().map(|r| r.names()).collect();
        let names = Index::new(texts.iter().map(|t| t.as_str()));
        let mut codes: Vec<(String, u32)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.case_code.to_ascii_uppercase(), i as u32))
            .collect();
        codes.sort();
        let phones = rows.iter().map(|r| r.phone_digits()).collect();
        HouseholdSearch {
            rows,
            names,
            codes,
            phones,
        }
    }

    /// Reads every household from the store.
    pub fn load(store: &Store) -> Result<HouseholdSearch, StoreError> {
        let rows = store
            .all::<Household>()
            .map(|h| h.map(|h| HouseholdRow::from_household(&h)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(HouseholdSearch::new(rows))
    }

    pub fn rows(&self) -> &[HouseholdRow] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
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
        let start = self.codes.partition_point(|(c, _)| c.as_str() < prefix);
        self.codes[start..]
            .iter()
            .take_while(move |(c, _)| c.starts_with(prefix))
            .map(|(_, i)| *i)
    }

    /// Positions of the matching rows, best first: a case code by its beginning, a phone
    /// number (or case number) by its digits, newest first; a name fuzzily, in either
    /// script, with Arabic spelling variants and Arabic-Indic digits folded.
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
                let mut found: Vec<usize> = Vec::new();
                for (i, phone) in self.phones.iter().enumerate().rev() {
                    let number = self.rows[i].case_code.rsplit('-').next().unwrap_or("");
                    if phone.contains(&digits) || number.starts_with(&digits) {
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
    /// common (or every word of a one- or two-word name), in the same governorate, born
    /// within a year of each other when both years are known.
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
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| Some(r.id) != except && r.governorate == governorate)
            .filter(|(_, r)| match (birth_year, r.birth_year) {
                (Some(a), Some(b)) => a.abs_diff(b) <= 1,
                _ => true,
            })
            .filter(|(_, r)| {
                let theirs = name_words(&r.name);
                let latin = name_words(&r.latin);
                words.intersection(&theirs).count() >= needed
                    || words.intersection(&latin).count() >= needed
            })
            .map(|(i, _)| i)
            .take(limit)
            .collect()
    }

    /// Groups of households that are likely the same family registered twice (same folded
    /// name words, governorate and year of birth), for the coordinator's queue.
    pub fn duplicate_groups(&self) -> Vec<Vec<usize>> {
        let mut groups: BTreeMap<(String, String, Option<u16>), Vec<usize>> = BTreeMap::new();
        for (i, r) in self.rows.iter().enumerate().filter(|(_, r)| r.open) {
            let words: Vec<String> = name_words(&r.name).into_iter().collect();
            if words.len() < 2 {
                continue;
            }
            groups
                .entry((words.join(" "), r.governorate.clone(), r.birth_year))
                .or_default()
                .push(i);
        }
        groups.into_values().filter(|g| g.len() > 1).collect()
    }
}

/// The folded words of a name, without the Arabic article's variants mattering.
fn name_words(name: &str) -> BTreeSet<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.to_string())
        .collect()
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

    fn search() -> HouseholdSearch {
        HouseholdSearch::new(vec![
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
        ])
    }

    #[test]
    fn finds_by_name_in_either_script_case_code_and_phone() {
        let mut s = search();
        assert_eq!(s.search("فاطمه", 10), vec![0]);
        assert_eq!(s.search("fatima", 10), vec![0]);
        assert_eq!(s.search("K7QX2-0002", 10)[0], 1);
        assert_eq!(
            s.search("٠٧٧٠١٢٣", 10),
            vec![0],
            "Arabic-Indic digits, no spaces"
        );
        assert_eq!(s.search("07701234567", 10), vec![0]);
    }

    #[test]
    fn likely_duplicates_across_scripts_and_spellings() {
        let s = search();
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
        assert_eq!(
            s.likely_duplicates("Ahmed Al-Jubouri", Some(1990), "IQG15", None, 10),
            Vec::<usize>::new()
        );
        assert!(
            s.likely_duplicates("فاطمه حسن", None, "IQG01", None, 10)
                .is_empty(),
            "other governorate"
        );
        let me = s.rows()[0].id;
        assert!(
            s.likely_duplicates("فاطمة حسن", None, "IQG15", Some(me), 10)
                .is_empty()
        );
    }

    #[test]
    fn duplicate_groups_need_the_same_words_year_and_place() {
        let mut rows = search().rows().to_vec();
        rows.push(row("M4RT9-0003", "فاطمه حسن علي", "", "", 1984));
        let s = HouseholdSearch::new(rows);
        assert_eq!(s.duplicate_groups(), vec![vec![0, 3]]);
    }
}
