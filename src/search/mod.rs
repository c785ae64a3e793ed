//! Search over services and households: folding that makes Arabic spelling variants and
//! digits match, and a fuzzy index (nucleo-matcher, the matcher behind the helix editor)
//! that narrows from the previous keystroke's hits when the query grows.

pub mod households;
pub mod names;
pub mod services;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

/// Folds text for matching: lower case; Arabic alef forms (أ إ آ ٱ) to ا, ة to ه, ى to ي;
/// Arabic diacritics and tatweel removed; Arabic-Indic and Persian digits to ASCII.
pub fn fold(text: &str) -> String {
    fold_with_map(text).0
}

/// Folds text and says, for each character of the result, which character of `text` it
/// came from (so that matched letters can be underlined in the original).
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let c = match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => continue,
            _ => c,
        };
        for lower in c.to_lowercase() {
            out.push(lower);
            map.push(i);
        }
    }
    (out, map)
}

/// One searchable entry: its position in the caller's list and its folded text.
pub struct Entry {
    pub index: u32,
    pub haystack: Utf32String,
}

/// A fuzzy index over folded texts. Keeps the last query's hits so that a query that
/// grows by a keystroke only looks at what matched before, and scores large candidate
/// sets on every core (field laptops have two).
pub struct Index {
    entries: Vec<Entry>,
    matchers: Vec<Matcher>,
    last_query: String,
    last_hits: Option<Vec<u32>>,
}

/// A hit: the entry's position in the caller's list, and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: u32,
}

/// Below this many candidates one thread scores them all.
const PARALLEL_FROM: usize = 4_000;

impl Index {
    /// Builds an index over texts (folded here).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        let entries: Vec<Entry> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Entry {
                index: i as u32,
                haystack: Utf32String::from(fold(t).as_str()),
            })
            .collect();
        let threads = if entries.len() >= PARALLEL_FROM {
            std::thread::available_parallelism()
                .map(|n| n.get().min(4))
                .unwrap_or(1)
        } else {
            1
        };
        Index {
            entries,
            matchers: (0..threads)
                .map(|_| Matcher::new(Config::DEFAULT))
                .collect(),
            last_query: String::new(),
            last_hits: None,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many threads a full scan uses.
    pub fn threads(&self) -> usize {
        self.matchers.len()
    }

    /// The words of entry `i` that are in Latin letters, lower case, for comparing
    /// spellings (`names::distance`): articles left out (`al`, `el`, an attached `al`).
    pub fn latin_words(&self, i: usize) -> Vec<String> {
        let Some(entry) = self.entries.get(i) else {
            return Vec::new();
        };
        let mut words = Vec::new();
        let mut word = String::new();
        let mut flush = |word: &mut String| {
            if !word.is_empty() {
                let w = std::mem::take(word);
                if w != "al" && w != "el" {
                    words.push(match w.strip_prefix("al") {
                        Some(rest) if rest.len() >= 3 => rest.to_string(),
                        _ => w,
                    });
                }
            }
        };
        let mut take = |c: char| {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else {
                flush(&mut word);
            }
        };
        match entry.haystack.slice(..) {
            Utf32Str::Ascii(bytes) => bytes.iter().for_each(|b| take(char::from(*b))),
            Utf32Str::Unicode(chars) => chars.iter().for_each(|c| take(*c)),
        }
        flush(&mut word);
        words
    }

    /// The folded text of entry `i`.
    pub fn text(&self, i: usize) -> String {
        self.entries
            .get(i)
            .map(|e| e.haystack.slice(..).chars().collect())
            .unwrap_or_default()
    }

    /// Every entry matching every word of `query`, best first (ties in list order). An
    /// empty query matches everything, in list order.
    pub fn search(&mut self, query: &str) -> Vec<Hit> {
        self.search_top(query, usize::MAX)
    }

    /// The best `limit` entries matching every word of `query`, best first.
    pub fn search_top(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_top_counted(query, limit).0
    }

    /// As `search_top`, with how many entries matched in all.
    pub fn search_top_counted(&mut self, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        if fold(query.trim()).is_empty() {
            self.last_query.clear();
            self.last_hits = None;
            let hits = self
                .entries
                .iter()
                .take(limit)
                .map(|e| Hit {
                    index: e.index,
                    score: 0,
                })
                .collect();
            return (hits, self.entries.len());
        }
        let mut hits = self.matches(query);
        let total = hits.len();
        let order = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.index.cmp(&b.index));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        (hits, total)
    }

    /// Every entry matching every word of `query`, in no order (none for an empty query).
    pub fn matches(&mut self, query: &str) -> Vec<Hit> {
        self.scan(query, |_| ())
            .into_iter()
            .map(|(h, _)| h)
            .collect()
    }

    /// Every entry matching every word of `query`, in no order, each with whether its
    /// folded text holds each of `words` (folded, not empty) as it is, an exact match
    /// rather than a fuzzy one: `None` if not, else how many of them are whole words
    /// there.
    pub fn matches_exact(&mut self, query: &str, words: &[Vec<char>]) -> Vec<(Hit, Option<usize>)> {
        self.scan(query, |entry| exact_words(&entry.haystack, words))
    }

    /// The hits of `query`, each with what `also` says of its entry (worked out on the
    /// same threads as the scores).
    fn scan<T: Send>(&mut self, query: &str, also: impl Fn(&Entry) -> T + Sync) -> Vec<(Hit, T)> {
        let folded = fold(query.trim());
        if folded.is_empty() {
            return Vec::new();
        }
        let pattern = Pattern::new(
            &folded,
            CaseMatching::Ignore,
            Normalization::Never,
            AtomKind::Fuzzy,
        );
        // A query that only grew can only match a subset of what matched before.
        let narrowing = !self.last_query.is_empty()
            && folded.starts_with(&self.last_query)
            && !self.last_query.ends_with(' ')
            && self.last_hits.is_some();
        let all: Vec<u32>;
        let candidates: &[u32] = match (&self.last_hits, narrowing) {
            (Some(hits), true) => hits,
            _ => {
                all = (0..self.entries.len() as u32).collect();
                &all
            }
        };
        let entries = &self.entries;
        let also = &also;
        let score_chunk = |chunk: &[u32], matcher: &mut Matcher| -> Vec<(Hit, T)> {
            chunk
                .iter()
                .filter_map(|&i| {
                    let entry = &entries[i as usize];
                    pattern
                        .score(entry.haystack.slice(..), matcher)
                        .map(|score| {
                            (
                                Hit {
                                    index: entry.index,
                                    score,
                                },
                                also(entry),
                            )
                        })
                })
                .collect()
        };
        let hits: Vec<(Hit, T)> = if candidates.len() >= PARALLEL_FROM && self.matchers.len() > 1 {
            let size = candidates.len().div_ceil(self.matchers.len());
            std::thread::scope(|scope| {
                let handles: Vec<_> = candidates
                    .chunks(size)
                    .zip(self.matchers.iter_mut())
                    .map(|(chunk, matcher)| scope.spawn(move || score_chunk(chunk, matcher)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        } else {
            score_chunk(candidates, &mut self.matchers[0])
        };
        self.last_query = folded;
        self.last_hits = Some(hits.iter().map(|(h, _)| h.index).collect());
        hits
    }
}

/// Whether `text` holds each of `words` (not empty) as it is: `None` if not, else how
/// many of them are whole words there.
fn exact_words(text: &Utf32String, words: &[Vec<char>]) -> Option<usize> {
    let mut whole = 0;
    for w in words {
        let found = match text.slice(..) {
            Utf32Str::Ascii(bytes) => find_word(bytes, w, char::from),
            Utf32Str::Unicode(chars) => find_word(chars, w, |c| c),
        }?;
        whole += usize::from(found);
    }
    Some(whole)
}

/// Whether `word` is in `text` (its letters read by `letter`): `None` if not,
/// `Some(true)` when as a whole word.
fn find_word<T: Copy>(text: &[T], word: &[char], letter: impl Fn(T) -> char) -> Option<bool> {
    if word.is_empty() || word.len() > text.len() {
        return None;
    }
    let mut found = None;
    for start in 0..=text.len() - word.len() {
        if text[start..start + word.len()]
            .iter()
            .zip(word)
            .all(|(t, w)| letter(*t) == *w)
        {
            let before = start == 0 || !letter(text[start - 1]).is_alphanumeric();
            let end = start + word.len();
            let after = end == text.len() || !letter(text[end]).is_alphanumeric();
            if before && after {
                return Some(true);
            }
            found = Some(false);
        }
    }
    found
}

/// The character positions of `text` that match `query`, for underlining. Empty when the
/// query is empty or does not match `text` on its own.
pub fn matched_positions(text: &str, query: &str) -> Vec<usize> {
    let folded_query = fold(query.trim());
    if folded_query.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_with_map(text);
    let pattern = Pattern::parse(&folded_query, CaseMatching::Ignore, Normalization::Never);
    thread_local! {
        static MATCHER: std::cell::RefCell<Matcher> = std::cell::RefCell::new(Matcher::new(Config::DEFAULT));
    }
    MATCHER.with_borrow_mut(|matcher| positions_with(&folded, &map, &pattern, matcher))
}

fn positions_with(
    folded: &str,
    map: &[usize],
    pattern: &Pattern,
    matcher: &mut Matcher,
) -> Vec<usize> {
    let mut buf = Vec::new();
    let haystack = Utf32Str::new(folded, &mut buf);
    let mut indices = Vec::new();
    // Underline what each word matches in this text, even when another field matched.
    for atom in &pattern.atoms {
        let mut atom_indices = Vec::new();
        if atom.indices(haystack, matcher, &mut atom_indices).is_some() {
            indices.extend(atom_indices);
        }
    }
    let mut positions: Vec<usize> = indices
        .into_iter()
        .filter_map(|i| map.get(i as usize).copied())
        .collect();
    positions.sort_unstable();
    positions.dedup();
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_spelling_variants_fold_together() {
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("إبراهيم"), fold("ابراهيم"));
        assert_eq!(fold("آمنة"), fold("امنه"));
        assert_eq!(fold("فاطمة"), fold("فاطمه"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("عـــلي"), fold("علي"));
        assert_eq!(fold("٠٧٧٠"), "0770");
        assert_eq!(fold("۱۲۳"), "123");
        assert_eq!(fold("NRC Legal"), "nrc legal");
    }

    #[test]
    fn search_finds_variant_spellings_and_ranks_better_matches_first() {
        let texts = [
            "فاطمة حسن",
            "Legal aid for civil documentation NRC",
            "Civil ID replacement CSID",
            "أحمد علي",
        ];
        let mut index = Index::new(texts.iter().copied());
        let hits = index.search("فاطمه");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![0]);
        let hits = index.search("احمد");
        assert_eq!(hits[0].index, 3);
        let hits = index.search("civil");
        assert_eq!(hits.len(), 2);
        let hits = index.search("legal doc");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![1]);
        assert_eq!(index.search("").len(), 4);
        assert!(index.search("zzzz").is_empty());
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_fresh_search() {
        let texts: Vec<String> = (0..500)
            .map(|i| format!("service {i} health clinic {}", i % 7))
            .collect();
        let mut narrowing = Index::new(texts.iter().map(|s| s.as_str()));
        for query in ["h", "he", "hea", "heal", "health c", "health cl"] {
            let narrowed = narrowing.search(query);
            let fresh = Index::new(texts.iter().map(|s| s.as_str())).search(query);
            assert_eq!(narrowed, fresh, "query {query:?}");
        }
        // Deleting a letter starts from everything again.
        assert_eq!(narrowing.search("health").len(), 500);
    }

    #[test]
    fn matched_positions_point_into_the_original_text() {
        // The diacritics are skipped by the fold, but the positions are in the original.
        let text = "مُحَمَّد";
        let positions = matched_positions(text, "محمد");
        let chars: Vec<char> = text.chars().collect();
        let matched: String = positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(matched, "محمد");
        assert_eq!(matched_positions("Legal aid", "lg"), vec![0, 2]);
        assert!(matched_positions("Legal aid", "").is_empty());
    }
}
