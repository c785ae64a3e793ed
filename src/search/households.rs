//! Household lookup by name (any script, any spelling: `names`), case code or phone, and
//! likely duplicates. Kept compact, because a coordinator's laptop holds a governorate's
//! caseload (100,000 households) in 2 to 4 GB: per household only its id, its folded name
//! for the fuzzy index (with the transliteration of an Arabic name that has no Latin one),
//! the phonetic key of its names, its case code, its phone number's national form and a
//! few bytes for duplicate checks, the keys and numbers one after another in one buffer
//! each. None of it is written anywhere. What a list shows of a household is read from
//! the store for the hits only.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use uuid::Uuid;

use super::names::{self, TypedWord};
use super::{Index, fold};
use crate::model::gazetteer::GOVERNORATES;
use crate::model::phone;
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
    /// The case code this household was found by, when that is the code of a household
    /// merged into it ("NIN-0042, merged into NIN-0007").
    pub found_as: Option<String>,
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
            found_as: None,
        }
    }
}

/// How many households a search matched in all, of which it returned the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Matched {
    pub total: usize,
    /// False when the search stopped counting early: at least `total` matched (a common
    /// name whose exact matches filled the list is not looked for in other spellings).
    pub exact: bool,
}

/// A few bytes per household for the duplicate checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    /// Position in `GOVERNORATES`, or `u8::MAX`.
    governorate: u8,
    birth_year: Option<u16>,
    open: bool,
    /// A hash of the consonants of the name's phonetic key (either script).
    name_key: u64,
    name_words: u8,
}

/// Strings one after another in one buffer, each found by where it ends: a few bytes a
/// household instead of a pointer, a length and an allocation each.
#[derive(Default)]
struct Packed {
    bytes: Vec<u8>,
    ends: Vec<u32>,
}

impl Packed {
    fn push(&mut self, item: &[u8]) {
        self.bytes.extend_from_slice(item);
        self.ends.push(self.bytes.len() as u32);
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Every household, with four ways in: a fuzzy index over names (any script), the
/// phonetic keys of the names (other spellings, the other script), the case codes in
/// order (a prefix finds them by binary search), and the phone numbers (a substring of the
/// national form finds them).
pub struct HouseholdSearch {
    ids: Vec<Uuid>,
    names: Index,
    /// The phonetic key of each household's name, then `|` and its Latin name's when that
    /// says something else (`names::name_key`).
    keys: Packed,
    /// (upper-case code, position), sorted.
    codes: Vec<(Box<str>, u32)>,
    /// The national form of each phone number (`model::phone::national`).
    phones: Packed,
    meta: Vec<Meta>,
}

/// What is typed of a household at intake, for the likely-duplicate check.
#[derive(Debug, Clone, Default)]
pub struct Typed<'a> {
    pub name: &'a str,
    pub latin: &'a str,
    pub phone: &'a str,
    pub birth_year: Option<u16>,
    /// A governorate P-code, or empty while none is chosen.
    pub governorate: &'a str,
    /// The household being edited (not a duplicate of itself).
    pub except: Option<Uuid>,
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
    /// phone number (whatever its prefix: `+964 770…`, `00964 770…`, `0770…`) or a case
    /// number by its digits, newest first; a name in either script: first where every
    /// typed word is in the name (or its transliteration) as typed, best fuzzy score
    /// first; then where every typed word is another spelling of a word of the name
    /// (`names`), the closest spellings first; then the other fuzzy matches.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<usize> {
        self.search_counted(query, limit).0
    }

    /// As `search`, with how many households matched in all.
    pub fn search_counted(&mut self, query: &str, limit: usize) -> (Vec<usize>, Matched) {
        let q = ascii_digits(query.trim());
        match self.kind(&q) {
            QueryKind::CaseCode => {
                let upper = q.to_ascii_uppercase();
                let found: Vec<usize> = self
                    .codes_with_prefix(&upper)
                    .take(limit)
                    .map(|i| i as usize)
                    .collect();
                let total = found.len() + self.codes_with_prefix(&upper).skip(limit).count();
                (found, Matched { total, exact: true })
            }
            QueryKind::Digits => {
                let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
                let national = phone::national(&q);
                // 964 typed without its + while the number is not yet whole.
                let without_code = digits.strip_prefix("964").map(|rest| format!("0{rest}"));
                let mut numbers = vec![""; self.ids.len()];
                for (code, i) in &self.codes {
                    numbers[*i as usize] = code.rsplit('-').next().unwrap_or("");
                }
                let holds = |phone: &[u8], part: &str| {
                    !part.is_empty() && phone.windows(part.len()).any(|w| w == part.as_bytes())
                };
                let mut found: Vec<usize> = Vec::new();
                let mut total = 0;
                for i in (0..self.ids.len()).rev() {
                    let phone = self.phones.get(i);
                    if holds(phone, &national)
                        || without_code.as_deref().is_some_and(|p| holds(phone, p))
                        || numbers[i].starts_with(&digits)
                    {
                        total += 1;
                        if found.len() < limit {
                            found.push(i);
                        }
                    }
                }
                (found, Matched { total, exact: true })
            }
            QueryKind::Name => {
                let typing = !query.ends_with(char::is_whitespace);
                let (found, mut matched) = self.search_name(&q, typing, limit);
                // Never more than there are.
                if matched.total >= self.ids.len() {
                    matched = Matched {
                        total: self.ids.len(),
                        exact: true,
                    };
                }
                (found, matched)
            }
        }
    }

    fn search_name(&mut self, query: &str, typing: bool, limit: usize) -> (Vec<usize>, Matched) {
        // One or two letters: every name has them, and no other spelling has fewer
        // consonants than a key needs; the fuzzy order as it was, at its old cost.
        if fold(query).chars().filter(|c| c.is_alphanumeric()).count() < 3 {
            let (hits, total) = self.names.search_top_counted(query, limit);
            let found = hits.into_iter().map(|h| h.index as usize).collect();
            return (found, Matched { total, exact: true });
        }
        let words: Vec<Vec<char>> = fold(query)
            .split_whitespace()
            .map(|w| w.chars().collect())
            .collect();
        let hits = self.names.matches_exact(query, &words);
        let mut taken = vec![false; self.ids.len()];
        // Exact matches: (whole words, hit); the others are fuzzy.
        let mut exact: Vec<(usize, super::Hit)> = Vec::new();
        let mut fuzzy: Vec<super::Hit> = Vec::new();
        for (h, found) in hits {
            match found {
                Some(whole) => exact.push((whole, h)),
                None => fuzzy.push(h),
            }
        }
        // More typed words found whole first (Ali before Aliya), then the better score.
        let by_words = |a: &(usize, super::Hit), b: &(usize, super::Hit)| {
            b.0.cmp(&a.0)
                .then(b.1.score.cmp(&a.1.score))
                .then(a.1.index.cmp(&b.1.index))
        };
        let whole = exact.len();
        let mut out: Vec<usize> = best(exact, limit, by_words)
            .into_iter()
            .map(|(_, h)| h.index as usize)
            .collect();
        for &i in &out {
            taken[i] = true;
        }
        let by_score =
            |a: &super::Hit, b: &super::Hit| b.score.cmp(&a.score).then(a.index.cmp(&b.index));
        // Every match counted once: found whole, in another spelling, or fuzzily. When
        // the whole matches fill the list, other spellings are not looked for (the
        // count is then of the others: at least that many).
        let mut matched = Matched {
            total: whole + fuzzy.len(),
            exact: out.len() < limit,
        };
        if out.len() < limit {
            let typed = names::typed_words(query, typing);
            if !typed.is_empty() {
                let typed_latin = names::latin_words(query);
                let taken_ref = &taken;
                // (closeness, position) of every other spelling, on every core.
                let scan = |range: std::ops::Range<usize>| -> Vec<(usize, usize)> {
                    range
                        .filter(|&i| !taken_ref[i] && names::all_match(self.keys.get(i), &typed))
                        .map(|i| {
                            let theirs = self.names.latin_words(i);
                            (names::distance(&typed_latin, typing, &theirs), i)
                        })
                        .collect()
                };
                let n = self.ids.len();
                let threads = self.names.threads();
                let mut phonetic: Vec<(usize, usize)> = if threads > 1 {
                    let size = n.div_ceil(threads);
                    std::thread::scope(|scope| {
                        let handles: Vec<_> = (0..threads)
                            .map(|t| {
                                let scan = &scan;
                                scope.spawn(move || scan(t * size..((t + 1) * size).min(n)))
                            })
                            .collect();
                        handles
                            .into_iter()
                            .flat_map(|h| h.join().unwrap_or_default())
                            .collect()
                    })
                } else {
                    scan(0..n)
                };
                for &(_, i) in &phonetic {
                    taken[i] = true;
                }
                matched.total = whole
                    + phonetic.len()
                    + fuzzy.iter().filter(|h| !taken[h.index as usize]).count();
                let room = limit - out.len();
                phonetic = best(phonetic, room, |a, b| a.cmp(b));
                out.extend(phonetic.into_iter().map(|(_, i)| i));
            }
        }
        if out.len() < limit {
            let rest: Vec<super::Hit> = fuzzy
                .into_iter()
                .filter(|h| !taken[h.index as usize])
                .collect();
            let room = limit - out.len();
            out.extend(
                best(rest, room, by_score)
                    .into_iter()
                    .map(|h| h.index as usize),
            );
        }
        (out, matched)
    }

    /// The typed words of a name, for the duplicate check: none for an empty name.
    fn typed_name(text: &str) -> Vec<TypedWord> {
        if text.trim().is_empty() {
            Vec::new()
        } else {
            names::typed_words(text, false)
        }
    }

    /// Households that look like the one being typed, most alike first. A name in either
    /// script and any spelling (`names`) is compared word by word with each household's
    /// name and Latin name, and each of the typed name and Latin name on its own. A
    /// household is a likely duplicate when (years of birth within one of each other, when
    /// both are known):
    /// - its phone number is the typed one (whatever the prefix) and a word of the name is
    ///   in common: this shows as soon as a name and a phone are typed, before the
    ///   governorate;
    /// - or it is in the typed governorate and two words of the name are in common (every
    ///   word of a one-word name).
    pub fn likely_duplicates_of(&self, typed: &Typed, limit: usize) -> Vec<usize> {
        let sides: Vec<Vec<TypedWord>> = [typed.name, typed.latin]
            .iter()
            .map(|t| Self::typed_name(t))
            .filter(|w| !w.is_empty())
            .collect();
        if sides.is_empty() {
            return Vec::new();
        }
        let number = phone::national(typed.phone);
        let number = (number.len() >= 7).then_some(number);
        let gov = (!typed.governorate.is_empty()).then(|| governorate_index(typed.governorate));
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, m) in self.meta.iter().enumerate() {
            if Some(self.ids[i]) == typed.except {
                continue;
            }
            if let (Some(a), Some(b)) = (typed.birth_year, m.birth_year)
                && a.abs_diff(b) > 1
            {
                continue;
            }
            let key = self.keys.get(i);
            // (words in common, whether that is enough without the phone)
            let (common, enough) = sides
                .iter()
                .map(|words| {
                    let common = words.iter().filter(|w| names::word_matches(key, w)).count();
                    (common, common >= words.len().min(2))
                })
                .max_by_key(|(c, e)| (*e, *c))
                .unwrap_or((0, false));
            if common == 0 {
                continue;
            }
            let same_phone = number
                .as_deref()
                .is_some_and(|n| self.phones.get(i) == n.as_bytes());
            let strength = if same_phone {
                10 + common
            } else if enough && gov == Some(m.governorate) {
                common
            } else {
                continue;
            };
            found.push((strength, i));
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(limit);
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// Households that look like a name being typed (`likely_duplicates_of` with no
    /// phone).
    pub fn likely_duplicates(
        &self,
        name: &str,
        birth_year: Option<u16>,
        governorate: &str,
        except: Option<Uuid>,
        limit: usize,
    ) -> Vec<usize> {
        self.likely_duplicates_of(
            &Typed {
                name,
                birth_year,
                governorate,
                except,
                ..Typed::default()
            },
            limit,
        )
    }

    /// Groups of open households that are likely one family registered twice (names that
    /// sound alike in either script, the same governorate and year of birth), for the
    /// coordinator's queue.
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

    /// The likely pairs for the coordinator to decide: every two households of a
    /// duplicate group (`duplicate_groups`), except the pairs decided "not the same"
    /// (`distinct`, smaller id first), in the groups' order.
    pub fn duplicate_pairs(&self, distinct: &BTreeSet<(Uuid, Uuid)>) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for group in self.duplicate_groups() {
            for (n, &i) in group.iter().enumerate() {
                for &j in &group[n + 1..] {
                    let ids = crate::model::duplicate::pair(self.ids[i], self.ids[j]);
                    if !distinct.contains(&ids) {
                        pairs.push((i, j));
                    }
                }
            }
        }
        pairs
    }
}

/// The best `limit` hits in order.
fn best<T>(mut hits: Vec<T>, limit: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if limit == 0 {
        return Vec::new();
    }
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit, &order);
        hits.truncate(limit);
    }
    hits.sort_by(order);
    hits
}

/// Collects households one at a time, then builds the search.
#[derive(Default)]
pub struct Builder {
    ids: Vec<Uuid>,
    names: Vec<String>,
    keys: Packed,
    codes: Vec<(Box<str>, u32)>,
    phones: Packed,
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
        // The phonetic keys: the name's, and the Latin name's when it says something else
        // (another skeleton of consonants); an Arabic name without such a Latin name gets
        // its transliteration in the text, for exact matches in Latin letters.
        let own_key = names::name_key(name);
        let mut key = own_key.clone();
        let latin_key = names::name_key(latin);
        let other_latin =
            !latin_key.is_empty() && names::skeleton(&latin_key) != names::skeleton(&key);
        if other_latin {
            key.push(names::SIDES);
            key.extend_from_slice(&latin_key);
        }
        self.keys.push(&key);
        let mut text = format!("{name} {latin}");
        if (latin_key.is_empty() || other_latin)
            && let Some(transliterated) = names::latin_suggestion(name)
        {
            text.push(' ');
            text.push_str(&transliterated);
        }
        self.names.push(text);
        self.codes
            .push((case_code.to_ascii_uppercase().into_boxed_str(), i));
        self.phones.push(phone::national(phone).as_bytes());
        // Grouped for the queue by the consonants of the name's phonetic key, so that one
        // family recorded in Arabic on one laptop and in Latin letters, or spelled another
        // way, on another falls into one group.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        names::skeleton(&own_key).hash(&mut hasher);
        self.meta.push(Meta {
            governorate: governorate_index(governorate),
            birth_year,
            open,
            name_key: hasher.finish(),
            name_words: own_key.split(|&b| b == b' ').count().min(255) as u8,
        });
    }

    pub fn finish(mut self) -> HouseholdSearch {
        let names = Index::new(self.names.iter().map(|t| t.as_str()));
        let mut codes = self.codes;
        codes.sort();
        self.keys.shrink();
        self.phones.shrink();
        HouseholdSearch {
            ids: self.ids,
            names,
            keys: self.keys,
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
            found_as: None,
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
    fn a_search_cut_to_its_best_says_how_many_matched() {
        let mut many = rows();
        for i in 3..40 {
            many.push(row(
                &format!("K7QX2-{i:04}"),
                &format!("Ali Hassan {i}"),
                "",
                &format!("0770 123 {i:04}"),
                1980,
            ));
        }
        let mut s = HouseholdSearch::new(many);
        let (found, matched) = s.search_counted("K7QX2", 5);
        assert_eq!(found.len(), 5);
        assert_eq!(
            matched,
            Matched {
                total: 39,
                exact: true
            }
        );
        let (found, matched) = s.search_counted("0770 123", 5);
        assert_eq!(found.len(), 5);
        assert_eq!(
            matched,
            Matched {
                total: 38,
                exact: true
            }
        );
        // Whole names fill the list: other spellings are not looked for, so at least.
        let (found, matched) = s.search_counted("ali hassan", 5);
        assert_eq!(found.len(), 5);
        assert!(!matched.exact && matched.total >= 38, "{matched:?}");
        // Not cut: every match counted.
        let (found, matched) = s.search_counted("ahmed", 5);
        assert_eq!(matched.total, found.len());
        assert!(matched.exact);
        // Never more than there are.
        let (_, matched) = s.search_counted("a", 5);
        assert!(matched.total <= 40);
    }

    #[test]
    fn likely_duplicates_across_scripts_and_spellings() {
        let s = HouseholdSearch::new(rows());
        // Typed in Arabic with other alef and taa marbuta forms: the Arabic record and
        // the one kept in Latin letters.
        assert_eq!(
            s.likely_duplicates("احمد الجبوري", Some(1971), "IQG15", None, 10),
            vec![1, 2]
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

    fn arabic_only(code: &str, name: &str, phone: &str, year: u16) -> HouseholdRow {
        row(code, name, "", phone, year)
    }

    #[test]
    fn arabic_names_are_found_by_latin_spellings_and_the_other_way() {
        let mut s = HouseholdSearch::new(vec![
            arabic_only("K7QX2-0001", "فاطمة حسن", "", 1984),
            arabic_only("K7QX2-0002", "كاظم عبد الله الجبوري", "", 1960),
            row("K7QX2-0003", "Hussein Al-Obaidi", "", "", 1970),
            arabic_only("K7QX2-0004", "حسين علي", "", 1975),
        ]);
        for typed in ["fatima", "fatma", "fatimah", "Fatima Hasan", "fatma hassan"] {
            assert_eq!(s.search(typed, 10), vec![0], "{typed:?}");
        }
        for typed in ["kazim", "kadhim al-jubouri", "kathem abdullah", "abd allah"] {
            assert_eq!(s.search(typed, 10), vec![1], "{typed:?}");
        }
        // A Latin record by its Arabic spelling; Hussein is not Hasan.
        assert_eq!(s.search("حسين العبيدي", 10), vec![2]);
        let mut hussein = s.search("husain", 10);
        hussein.sort();
        assert_eq!(hussein, vec![2, 3]);
        assert_eq!(s.search("hasan", 10), vec![0]);
    }

    #[test]
    fn exact_matches_come_before_other_spellings() {
        let mut s = HouseholdSearch::new(vec![
            arabic_only("K7QX2-0001", "عالية محمد", "", 1990),
            row("K7QX2-0002", "Ali Hassan", "", "", 1980),
            arabic_only("K7QX2-0003", "علي كريم", "", 1985),
            row("K7QX2-0004", "Layla Ahmed", "", "", 1985),
        ]);
        // Ali as written (in Latin letters or transliterated) first; Aliya, which has
        // the same consonant, after; Layla not at all.
        let hits = s.search("ali", 10);
        assert_eq!(hits.len(), 3, "{hits:?}");
        assert!(hits[..2].contains(&1) && hits[..2].contains(&2), "{hits:?}");
        assert_eq!(hits[2], 0);
        // Phonetic matches ranked by how close the spelling is.
        let mut s = HouseholdSearch::new(vec![
            row("K7QX2-0001", "Hassan Ali", "", "", 1980),
            arabic_only("K7QX2-0002", "حسن كريم", "", 1980),
            row("K7QX2-0003", "Hasen Omar", "", "", 1980),
        ]);
        assert_eq!(s.search("hassan", 10), vec![0, 1, 2]);
    }

    #[test]
    fn phone_numbers_match_whatever_their_prefix() {
        let mut s = HouseholdSearch::new(vec![
            row("K7QX2-0001", "Fatima", "", "0770 123 4567", 1984),
            row("K7QX2-0002", "Zainab", "", "+964 781 555 0000", 1990),
            row("K7QX2-0003", "Huda", "", "00964-790-111-2222", 1990),
        ]);
        for typed in [
            "+964 770 123 4567",
            "00964 770 123 4567",
            "9647701234567",
            "0770-123-4567",
            "770 123 4567",
            "+964 770 12",
            "٠٧٧٠١٢٣",
        ] {
            assert_eq!(s.search(typed, 10), vec![0], "{typed:?}");
        }
        assert_eq!(s.search("0781 555", 10), vec![1]);
        assert_eq!(s.search("0790 111 2222", 10), vec![2]);
    }

    #[test]
    fn a_likely_duplicate_shows_with_a_name_and_a_phone_before_the_governorate() {
        let s = HouseholdSearch::new(vec![
            row("K7QX2-0001", "فاطمة حسن علي", "", "0770 123 4567", 1984),
            row("K7QX2-0002", "Zainab Kadhim", "", "0781 555 0000", 1990),
        ]);
        let typed = Typed {
            name: "Fatma Hasan",
            phone: "+964 770 123 4567",
            ..Typed::default()
        };
        assert_eq!(s.likely_duplicates_of(&typed, 5), vec![0]);
        // Another phone and no governorate yet: nothing to say.
        let other = Typed {
            phone: "0770 999 9999",
            ..typed.clone()
        };
        assert!(s.likely_duplicates_of(&other, 5).is_empty());
        // The same phone but a name with nothing in common: not the same family.
        let stranger = Typed {
            name: "Zainab Kadhim",
            ..typed.clone()
        };
        assert!(s.likely_duplicates_of(&stranger, 5).is_empty());
        // With the governorate, the name is enough, in either script.
        let placed = Typed {
            name: "زينب كاظم",
            governorate: "IQG15",
            ..Typed::default()
        };
        assert_eq!(s.likely_duplicates_of(&placed, 5), vec![1]);
        let elsewhere = Typed {
            governorate: "IQG01",
            ..placed.clone()
        };
        assert!(s.likely_duplicates_of(&elsewhere, 5).is_empty());
    }

    #[test]
    fn duplicate_groups_need_a_name_that_sounds_alike_the_year_and_the_place() {
        let mut all = rows();
        all.push(row("M4RT9-0003", "فاطمه حسن علي", "", "", 1984));
        // The same family typed in Latin letters on another laptop, spelled another way.
        all.push(row("M4RT9-0004", "Fatma Hasan Ali", "", "", 1984));
        // Another year: another person.
        all.push(row("M4RT9-0005", "Fatima Hassan Ali", "", "", 1990));
        // One word is not enough to call two households one.
        all.push(row("M4RT9-0006", "Fatima", "", "", 1984));
        all.push(row("M4RT9-0007", "فاطمة", "", "", 1984));
        let s = HouseholdSearch::new(all);
        assert_eq!(s.duplicate_groups(), vec![vec![0, 3, 4]]);
    }

    #[test]
    fn a_group_of_three_gives_three_pairs_less_those_decided_not_the_same() {
        let mut all = rows();
        all.push(row("M4RT9-0003", "فاطمه حسن علي", "", "", 1984));
        all.push(row("M4RT9-0004", "Fatima Hassan Ali", "", "", 1984));
        all[4].name = "فاطمة حسن علي".into();
        let s = HouseholdSearch::new(all);
        assert_eq!(
            s.duplicate_pairs(&BTreeSet::new()),
            vec![(0, 3), (0, 4), (3, 4)]
        );
        let decided = BTreeSet::from([crate::model::duplicate::pair(s.id(4), s.id(0))]);
        assert_eq!(s.duplicate_pairs(&decided), vec![(0, 3), (3, 4)]);
    }
}
