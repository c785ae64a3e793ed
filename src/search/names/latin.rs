//! Arabic names in Latin letters (the table of Iraqi names, then letter by letter), and
//! how far two Latin spellings are from each other.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::table::NAMES;
use super::{Script, fold_arabic, fold_latin, is_arabic_letter, name_words};

fn table() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NAMES
            .iter()
            .map(|(arabic, latin)| (fold_arabic(arabic), *latin))
            .collect()
    })
}

/// Letter by letter, for a word the table does not have.
fn letters_to_latin(word: &str) -> String {
    let chars: Vec<char> = fold_arabic(word).chars().collect();
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ه' | 'ع' | 'ء' | 'ۆ' | 'ێ' | 'ە');
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let s = match c {
            'ا' => "a",
            'ب' => "b",
            'پ' => "p",
            'ت' | 'ط' => "t",
            'ث' => "th",
            'ج' => "j",
            'چ' => "ch",
            'ح' => "h",
            'خ' => "kh",
            'د' => "d",
            'ذ' | 'ض' | 'ظ' => "dh",
            'ر' | 'ڕ' => "r",
            'ز' => "z",
            'ژ' => "zh",
            'س' | 'ص' => "s",
            'ش' => "sh",
            'ع' if i == 0 || next == Some('ا') || i + 1 == chars.len() => "",
            'ع' => "a",
            'غ' => "gh",
            'ف' => "f",
            'ڤ' => "v",
            'ق' => "q",
            'ك' | 'ک' => "k",
            'گ' => "g",
            'ل' | 'ڵ' => "l",
            'م' => "m",
            'ن' => "n",
            'ه' if i + 1 == chars.len() && i > 0 => "a",
            'ه' => "h",
            'و' if i == 0 || next == Some('ا') => "w",
            'و' => "u",
            'ۆ' => "o",
            'ي' if i == 0 || next == Some('ا') => "y",
            'ي' | 'ێ' => "i",
            'ى' => "a",
            'ە' => "e",
            _ => "",
        };
        out.push_str(s);
        // Arabic writes no short vowels: one after a first consonant followed by another
        // makes the name readable (حمدان, Hamdan).
        if i == 0
            && !vowel(c)
            && next.is_some_and(|n| !vowel(n) && n != 'ي' && n != 'و')
            && chars.len() > 2
        {
            out.push('a');
        }
    }
    out
}

fn title(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One Arabic word in Latin letters.
fn word_to_latin(word: &str) -> String {
    let folded = fold_arabic(word);
    if let Some(latin) = table().get(&folded) {
        return latin.to_string();
    }
    if let Some(rest) = folded.strip_prefix("ال")
        && rest.chars().count() >= 2
    {
        let rest_latin = table()
            .get(rest)
            .map(|l| l.to_string())
            .unwrap_or_else(|| title(&letters_to_latin(rest)));
        return format!("Al-{rest_latin}");
    }
    if let Some(rest) = folded.strip_prefix("عبدال")
        && rest.chars().count() >= 2
    {
        let rest_latin = table()
            .get(rest)
            .map(|l| l.to_lowercase())
            .unwrap_or_else(|| letters_to_latin(rest));
        return format!("Abdul{rest_latin}");
    }
    title(&letters_to_latin(word))
}

/// A name in Latin letters: Arabic words through the table of Iraqi names (or letter by
/// letter), other words as they are. `عبد الله` becomes `Abdullah`.
pub fn transliterate(name: &str) -> String {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if !token.chars().any(is_arabic_letter) {
            out.push(token.to_string());
            i += 1;
            continue;
        }
        let clean: String = token.chars().filter(|c| is_arabic_letter(*c)).collect();
        if fold_arabic(&clean) == "عبد"
            && let Some(next) = tokens.get(i + 1)
        {
            let joined = format!("{clean}{next}");
            if table().contains_key(&fold_arabic(&joined)) || fold_arabic(next).starts_with("ال")
            {
                out.push(word_to_latin(&joined));
                i += 2;
                continue;
            }
        }
        out.push(word_to_latin(&clean));
        i += 1;
    }
    out.join(" ")
}

/// The Latin name to offer for a name written in Arabic letters; `None` for a name with
/// none.
pub fn latin_suggestion(name: &str) -> Option<String> {
    name.chars()
        .any(is_arabic_letter)
        .then(|| transliterate(name.trim()))
        .filter(|s| !s.is_empty())
}

/// The words of a text in Latin letters, lower case, for comparing spellings: Arabic
/// words transliterated, articles left out.
pub fn latin_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name_words(text) {
        let latin = match w.script {
            Script::Latin => w.text,
            Script::Arabic => {
                let mut s = String::new();
                for c in word_to_latin(&w.text).chars() {
                    fold_latin(c, &mut s);
                }
                s
            }
        };
        let latin = match latin.strip_prefix("al") {
            Some(rest) if rest.len() >= 3 => rest.to_string(),
            _ => latin,
        };
        out.push(latin);
    }
    out
}

/// Edits (insert, delete, replace) from `a` to `b`.
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(x != y))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How far the typed words are from a name's words (0: the same spellings): for each
/// typed word, the fewest edits to one of the name's words or two of them joined (the
/// last typed word against as much of them as it has letters, when it is being typed).
pub fn distance(typed: &[String], prefix: bool, name: &[String]) -> usize {
    let mut joined: Vec<String> = name.to_vec();
    for pair in name.windows(2) {
        joined.push(format!("{}{}", pair[0], pair[1]));
    }
    let last = typed.len().saturating_sub(1);
    typed
        .iter()
        .enumerate()
        .map(|(i, t)| {
            joined
                .iter()
                .map(|n| {
                    let n = n.as_bytes();
                    let n = if prefix && i == last && n.len() > t.len() {
                        &n[..t.len()]
                    } else {
                        n
                    };
                    edit_distance(t.as_bytes(), n)
                })
                .min()
                .unwrap_or(t.len())
        })
        .sum()
}
