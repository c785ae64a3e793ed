//! Names across scripts and spellings (issue 16): a family recorded as فاطمة حسن is found
//! when the next worker types `fatma hasan`, `Fatimah Hassan` or `fatima 7asan`, and one
//! recorded in Latin letters is found by its Arabic spelling. Two tools, both kept in the
//! in-memory search lists only (never in the database, sealed or not):
//!
//! **A phonetic key** for each word, the same for both scripts. It is the word's consonant
//! skeleton in letter classes (k/q/g/ق/ك one class; z/dh/th/ذ/ظ/ز another; ث matches the
//! z or the s class, ض the d or the z class; t/ط/ت; s/ص/س; h/ح/ه/ة; sh/ش; kh/خ; gh/غ...),
//! doubled letters collapsed, a vowel at the start kept as one mark (`v`: Ahmed is not
//! Hamid), a final h-class letter dropped (fatima, fatimah, فاطمة), and, between each two
//! consonants, one byte that says what vowel was written there: nothing, a short vowel
//! of some quality (Latin a, i, u, o, e), a long one (Latin ee, ou, ai..., Arabic ا و ي),
//! or a glottal stop or ع (Arabic ع ء أ, Latin ' or 3) that goes with anything. Two
//! vowel bytes agree unless one is long and the other is of another quality, or one is
//! long and the other is an Arabic consonant with no vowel letter: so Hassan, Hasan and
//! حسن meet, Hussein, Husain and حسين meet, but Hassan is not حسين and Mohammed is not
//! محمود. Before the key, words are made alike in both scripts: the article dropped (`al-`,
//! `el-`, `al`, sun-letter forms `ash-`, `ad-`..., and an attached `al`/`ال` when a
//! consonant follows it), `abd`/`abu` joined to the next word and `abdul`/`abdel`/`عبدال`
//! split into `abd` + the rest (so abdullah, abd allah, abdallah and عبد الله meet), and
//! `...uddin`/`aldeen`/`الدين` split off. A name's key is its words' keys with a space in
//! the place of the vowel byte between two words, so that a query word may span words
//! (`abdullah` finds عبد الله, `nuraddin` finds نور الدين). Spellings with two readings
//! (Latin th, dh, sh, kh, gh as one letter or two; Arabic تح, ده, سه as one or two; an
//! `al` at the start as the article or not) give the typed word up to 8 keys; the stored
//! name keeps one.
//!
//! **A transliteration** of Arabic names into Latin letters: a table of common Iraqi given
//! and family names (Iraqi spellings: Kadhim, Jubouri...), then letter by letter. The
//! search adds it to an Arabic name's text (so `fatima` is an ordinary match for فاطمة),
//! the intake form offers it for the Latin name, and closeness (which phonetic match is
//! shown first) compares Latin spellings.
//!
//! What matches is decided and documented here, and tested (tests.rs) with Iraqi name pairs:
//! Ali and Alia share a key (`vl`) and match, but Ali comes first for `ali`; Hasan and
//! Hussein do not match each other; Yahya and Taha keep one consonant and are found by
//! their exact spellings first.

mod latin;
mod table;
#[cfg(test)]
mod tests;

pub use latin::{distance, edit_distance, latin_suggestion, latin_words, transliterate};

/// Bits of a vowel byte: the qualities a vowel may have, and whether it is long.
const Q_A: u8 = 1;
const Q_I: u8 = 2;
const Q_U: u8 = 4;
const LONG: u8 = 8;
/// The vowel byte of a Latin word with no vowel written between two consonants.
const NONE_WRITTEN: u8 = b'_';
/// The vowel byte of an Arabic word with no vowel letter between two consonants: a short
/// vowel or none.
const ARABIC_SHORT: u8 = b'.';
/// ع, ء and the like (or Latin ' and 3): agrees with any vowel.
const ANY: u8 = b'*';
/// The mark of a word that begins with a vowel (or ا, ع, ء).
const VOWEL_START: u8 = b'v';
/// Between the keys of the name as written and of its Latin name.
pub const SIDES: u8 = b'|';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sym {
    /// A consonant class.
    C(u8),
    /// A vowel letter: Latin a e i o u y w, ' for a glottal stop; Arabic A (ا), I (ي),
    /// U (و), * (ع ء أ), e (Kurdish ە).
    V(u8),
}

/// Whether `c` is a letter of the Arabic script (Arabic, Persian and Kurdish letters).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D5}')
}

/// Harakat, shadda, sukun, the dagger alef, Quranic marks and tatweel.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Lower case Latin with accents taken off (Kurdish and scholarly letters as their
/// digraphs, the marks of ع and ء as '); what is not a letter or a digit is left out.
fn fold_latin(c: char, out: &mut String) {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ā' => {
            "a"
        }
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ç' | 'Ç' => "ch",
        'ş' | 'Ş' | 'š' | 'Š' => "sh",
        'ğ' | 'Ğ' | 'ġ' => "gh",
        'ž' | 'Ž' => "zh",
        'ḥ' | 'Ḥ' => "h",
        'ṣ' | 'Ṣ' => "s",
        'ṭ' | 'Ṭ' => "t",
        'ḍ' | 'Ḍ' => "d",
        'ẓ' | 'Ẓ' => "z",
        'ḏ' => "dh",
        'ṯ' => "th",
        'ḫ' | 'ẖ' => "kh",
        '\'' | '’' | '‘' | '`' | 'ʿ' | 'ʾ' | '´' => "'",
        _ => {
            for l in c.to_lowercase() {
                if l.is_ascii_alphanumeric() {
                    out.push(l);
                }
            }
            return;
        }
    };
    out.push_str(s);
}

/// One word of a name, in one script.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    script: Script,
    /// Latin: lower case ASCII letters, digits and '; Arabic: letters, no marks.
    text: String,
}

/// The words of a name: split at spaces, hyphens and punctuation; Latin folded to lower
/// case ASCII, Arabic without its marks. Words of digits only are left out.
fn split_words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut latin = String::new();
    let mut arabic = String::new();
    let flush = |latin: &mut String, arabic: &mut String, words: &mut Vec<Word>| {
        if !arabic.is_empty() {
            words.push(Word {
                script: Script::Arabic,
                text: std::mem::take(arabic),
            });
        }
        if latin.chars().any(|c| c.is_ascii_alphabetic()) {
            words.push(Word {
                script: Script::Latin,
                text: std::mem::take(latin),
            });
        }
        latin.clear();
    };
    for c in text.chars() {
        if is_arabic_mark(c) {
            continue;
        }
        if is_arabic_letter(c) {
            if !latin.is_empty() {
                flush(&mut latin, &mut String::new(), &mut words);
            }
            arabic.push(c);
        } else if c.is_alphanumeric() || "'’‘`ʿʾ´".contains(c) {
            if !arabic.is_empty() {
                flush(&mut String::new(), &mut arabic, &mut words);
            }
            let c = match c {
                '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
                '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
                _ => c,
            };
            fold_latin(c, &mut latin);
        } else {
            flush(&mut latin, &mut arabic, &mut words);
        }
    }
    flush(&mut latin, &mut arabic, &mut words);
    words
}

/// Arabic letters folded for the transliteration table: alef forms to ا, ة to ه, ى and
/// Persian ی to ي, Persian ک to ك.
fn fold_arabic(word: &str) -> String {
    word.chars()
        .filter(|c| !is_arabic_mark(*c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' | 'ی' => 'ي',
            'ک' => 'ك',
            _ => c,
        })
        .collect()
}

/// The article (Latin `al`, `el`..., sun-letter forms such as `ash` before `sh...`).
fn is_latin_article(word: &str, next: &str) -> bool {
    if matches!(word, "al" | "el" | "il" | "ul") {
        return true;
    }
    let Some(rest) = word
        .strip_prefix('a')
        .or_else(|| word.strip_prefix('e'))
        .or_else(|| word.strip_prefix('u'))
    else {
        return false;
    };
    matches!(rest, "t" | "th" | "d" | "dh" | "r" | "z" | "s" | "sh" | "n") && next.starts_with(rest)
}

/// Words that belong to the next one: `abd allah` is one name, as is `abu bakr`.
fn joins_next(w: &Word) -> bool {
    match w.script {
        Script::Latin => matches!(
            w.text.as_str(),
            "abd" | "abdul" | "abdel" | "abdil" | "abdal" | "abdol" | "abu" | "abo" | "abou"
        ),
        Script::Arabic => matches!(fold_arabic(&w.text).as_str(), "عبد" | "ابو"),
    }
}

/// The words of a name after the articles that stand alone are dropped and `abd`/`abu`
/// are joined to what follows.
fn name_words(text: &str) -> Vec<Word> {
    let words = split_words(text);
    // An article standing alone belongs to the next word (al jubouri, ash-shammari).
    let mut kept: Vec<Word> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let article = words
            .get(i + 1)
            .filter(|n| n.script == w.script)
            .is_some_and(|next| match w.script {
                Script::Latin => is_latin_article(&w.text, &next.text),
                Script::Arabic => w.text == "ال",
            });
        if !article {
            kept.push(w.clone());
        }
    }
    let mut out: Vec<Word> = Vec::with_capacity(kept.len());
    let mut i = 0;
    while i < kept.len() {
        let w = &kept[i];
        match kept.get(i + 1) {
            Some(next) if next.script == w.script && joins_next(w) => {
                out.push(Word {
                    script: w.script,
                    text: format!("{}{}", w.text, next.text),
                });
                i += 2;
            }
            _ => {
                out.push(w.clone());
                i += 1;
            }
        }
    }
    out
}

/// A word's letters as classes and vowels. `choice` picks, for the k-th letter pair with
/// two readings, the other reading when bit k is set; the count of such pairs is returned.
fn symbols(script: Script, word: &str, choice: u32) -> (Vec<Sym>, u32) {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<Sym> = Vec::with_capacity(chars.len());
    let mut sites = 0u32;
    let push = |out: &mut Vec<Sym>, c: u8| {
        if out.last() != Some(&Sym::C(c)) {
            out.push(Sym::C(c));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match script {
            Script::Latin => {
                if next == Some('h') && matches!(c, 's' | 'k' | 'g' | 't' | 'd' | 'c' | 'p' | 'z') {
                    let two_readings = matches!(c, 's' | 'k' | 'g' | 't' | 'd');
                    let split = two_readings && (choice >> sites) & 1 == 1;
                    if two_readings {
                        sites += 1;
                    }
                    if !split {
                        let class = match c {
                            's' => b'S',
                            'k' => b'x',
                            'g' => b'G',
                            't' | 'd' => b'z',
                            'c' => b'c',
                            'p' => b'f',
                            _ => b'j',
                        };
                        push(&mut out, class);
                        i += 2;
                        continue;
                    }
                }
                match c {
                    'a' | 'e' | 'i' | 'o' | 'u' => out.push(Sym::V(c as u8)),
                    'y' | 'w' if i == 0 => push(&mut out, c as u8),
                    'y' | 'w' => out.push(Sym::V(c as u8)),
                    '\'' | '3' | '2' => out.push(Sym::V(ANY)),
                    '7' => push(&mut out, b'h'),
                    '5' => push(&mut out, b'x'),
                    '6' => push(&mut out, b't'),
                    '9' => push(&mut out, b's'),
                    'b' | 'p' => push(&mut out, b'b'),
                    'f' | 'v' => push(&mut out, b'f'),
                    'c' | 'q' | 'k' | 'g' => push(&mut out, b'k'),
                    't' | 'j' | 'h' | 'd' | 'r' | 'z' | 's' | 'l' | 'm' | 'n' | 'x' => {
                        push(&mut out, c as u8)
                    }
                    _ => {}
                }
            }
            Script::Arabic => {
                let merged = match (c, next) {
                    ('ت', Some('ح' | 'ه')) | ('د', Some('ه')) => Some(b'z'),
                    ('س', Some('ه' | 'ح')) => Some(b'S'),
                    ('ك' | 'ک', Some('ه')) => Some(b'x'),
                    _ => None,
                };
                if let Some(class) = merged {
                    let merge = (choice >> sites) & 1 == 1;
                    sites += 1;
                    if merge {
                        push(&mut out, class);
                        i += 2;
                        continue;
                    }
                }
                match c {
                    'ا' | 'آ' => out.push(Sym::V(b'A')),
                    'أ' | 'إ' | 'ٱ' | 'ء' | 'ؤ' | 'ئ' | 'ع' => out.push(Sym::V(ANY)),
                    'و' if i == 0 => push(&mut out, b'w'),
                    'ي' | 'ی' if i == 0 => push(&mut out, b'y'),
                    'و' | 'ۆ' => out.push(Sym::V(b'U')),
                    'ي' | 'ی' | 'ێ' => out.push(Sym::V(b'I')),
                    'ى' => out.push(Sym::V(b'A')),
                    'ە' => out.push(Sym::V(b'e')),
                    'ب' | 'پ' => push(&mut out, b'b'),
                    'ت' | 'ط' => push(&mut out, b't'),
                    'ث' => push(&mut out, b'Z'),
                    'ج' | 'ژ' => push(&mut out, b'j'),
                    'چ' => push(&mut out, b'c'),
                    'ح' | 'ه' | 'ة' => push(&mut out, b'h'),
                    'خ' => push(&mut out, b'x'),
                    'د' => push(&mut out, b'd'),
                    'ذ' | 'ظ' | 'ز' => push(&mut out, b'z'),
                    'ر' | 'ڕ' => push(&mut out, b'r'),
                    'س' | 'ص' => push(&mut out, b's'),
                    'ش' => push(&mut out, b'S'),
                    'ض' => push(&mut out, b'D'),
                    'غ' => push(&mut out, b'G'),
                    'ف' | 'ڤ' => push(&mut out, b'f'),
                    'ق' | 'ك' | 'ک' | 'گ' => push(&mut out, b'k'),
                    'ل' | 'ڵ' => push(&mut out, b'l'),
                    'م' => push(&mut out, b'm'),
                    'ن' => push(&mut out, b'n'),
                    _ => {}
                }
            }
        }
        i += 1;
    }
    (out, sites)
}

/// The vowel byte for the vowel letters written between two consonants.
fn vowel_byte(script: Script, letters: &[u8]) -> u8 {
    if letters.is_empty() {
        return match script {
            Script::Latin => NONE_WRITTEN,
            Script::Arabic => ARABIC_SHORT,
        };
    }
    if letters.contains(&ANY) {
        return ANY;
    }
    let (mask, long) = match script {
        Script::Arabic => {
            let mut mask = 0;
            for l in letters {
                mask |= match l {
                    b'A' => Q_A,
                    b'I' => Q_I,
                    b'U' => Q_U,
                    _ => Q_A | Q_I,
                };
            }
            (mask, letters.iter().any(|l| l.is_ascii_uppercase()))
        }
        Script::Latin => {
            // The a of ai, ay, au, aw (and the e of ei, ey) says less than what follows it.
            let mut quality = letters;
            if letters.len() >= 2
                && matches!(letters[0], b'a' | b'e')
                && letters[1..].iter().any(|l| !matches!(l, b'a' | b'e'))
            {
                quality = &letters[1..];
            }
            let mut mask = 0;
            for l in quality {
                mask |= match l {
                    b'a' => Q_A,
                    b'e' => Q_A | Q_I,
                    b'i' | b'y' => Q_I,
                    _ => Q_U,
                };
            }
            let long = letters.len() >= 2 || letters.iter().any(|l| matches!(l, b'y' | b'w'));
            (mask, long)
        }
    };
    b'0' + mask + if long { LONG } else { 0 }
}

/// Whether two vowel bytes can be the same vowel.
fn vowels_agree(x: u8, y: u8) -> bool {
    let open = |b: u8| matches!(b, NONE_WRITTEN | ANY | b' ');
    if open(x) || open(y) {
        return true;
    }
    let decode = |b: u8| {
        if b == ARABIC_SHORT {
            (Q_A | Q_I | Q_U, false, true)
        } else {
            let n = b.wrapping_sub(b'0');
            (n & 7, n & LONG != 0, false)
        }
    };
    let (xm, xl, xa) = decode(x);
    let (ym, yl, ya) = decode(y);
    match (xl, yl) {
        (false, false) => true,
        (true, true) => xm & ym != 0,
        (true, false) => !ya && xm & ym != 0,
        (false, true) => !xa && xm & ym != 0,
    }
}

/// Whether two consonant classes can be the same letter: ض (D) is a d or a z (Iraqis
/// write Fadhil and Fadil), ث (Z) a z or an s (Haitham, Osman).
fn consonants_agree(x: u8, y: u8) -> bool {
    let wide = |w: u8, o: u8| match w {
        b'D' => matches!(o, b'd' | b'z' | b'Z'),
        b'Z' => matches!(o, b'z' | b's' | b'D'),
        _ => false,
    };
    x == y || wide(x, y) || wide(y, x)
}

/// The key of a word's symbols, appended to `out`; returns its consonants (the mark of a
/// vowel start not counted).
fn key_of(script: Script, syms: &[Sym], out: &mut Vec<u8>) -> usize {
    let start = out.len();
    let mut vowels: Vec<u8> = Vec::new();
    let mut begun = false;
    let mut consonants = 0;
    for s in syms {
        match *s {
            Sym::V(_) if !begun => {
                out.push(VOWEL_START);
                begun = true;
            }
            Sym::V(l) => vowels.push(l),
            Sym::C(c) => {
                if begun {
                    out.push(vowel_byte(script, &vowels));
                }
                out.push(c);
                vowels.clear();
                begun = true;
                consonants += 1;
            }
        }
    }
    // A final h, ح, ه or ة: fatima, fatimah, فاطمة, فاطمه are one name.
    if consonants >= 2 && out.last() == Some(&b'h') {
        out.truncate(out.len() - 2);
        consonants -= 1;
    }
    debug_assert!((out.len() - start) % 2 == 1 || out.len() == start);
    consonants
}

/// Whether what follows an attached article has a consonant of its own (a w or y that
/// begins it not counted: `aly` is Ali, `alwan` loses its `al`).
fn article_may_go(script: Script, rest: &str) -> bool {
    let (syms, _) = symbols(script, rest, 0);
    let mut scratch = Vec::new();
    let consonants = key_of(script, &syms, &mut scratch);
    let lead = matches!(syms.first(), Some(Sym::C(b'w' | b'y')));
    consonants > usize::from(lead)
}

/// The word without an attached article (`aljubouri`, `الجبوري`, `ilham`, `إلهام`), when
/// a consonant follows it; `arabic_ain` also takes `عل` for one (a Latin `al` may be
/// either).
fn without_article(w: &Word, arabic_ain: bool) -> Option<String> {
    let rest: String = match w.script {
        Script::Latin => ["al", "el", "il"]
            .iter()
            .find_map(|a| w.text.strip_prefix(a))?
            .to_string(),
        Script::Arabic => {
            let folded = fold_arabic(&w.text);
            if folded.starts_with("ال") || (arabic_ain && folded.starts_with("عل")) {
                w.text.chars().skip(2).collect()
            } else {
                return None;
            }
        }
    };
    article_may_go(w.script, &rest).then_some(rest)
}

/// A word split where its parts meet other spellings: `abd` and the rest (`abdullah`,
/// `abdulrahman`, `abdurrahman`, `عبدالله`), and a final `din` (`nuraddin`, `نورالدين`).
fn parts(script: Script, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word.to_string();
    match script {
        Script::Latin => {
            if let Some(after) = word.strip_prefix("abd") {
                let vowels = after.bytes().take_while(|b| b"aeiou".contains(b)).count();
                let tail = &after[vowels..];
                let b = tail.as_bytes();
                let split = if vowels == 0 {
                    None
                } else if let Some(t) = tail.strip_prefix('l') {
                    Some(t)
                } else if b.len() >= 2 && b[0] == b[1] && !b"aeiouyw".contains(&b[0]) {
                    Some(&tail[1..])
                } else {
                    None
                };
                if let Some(t) = split {
                    out.push("abd".to_string());
                    rest = t.to_string();
                }
            }
            for suffix in ["deen", "dine", "diin", "dien", "din", "dyn"] {
                if let Some(head) = rest.strip_suffix(suffix) {
                    let article = ["al", "el", "ul", "il", "ol", "ad", "ed", "ud", "id", "od"]
                        .iter()
                        .find_map(|a| head.strip_suffix(a));
                    if let Some(head) = article
                        && head.len() >= 2
                    {
                        let head = head.to_string();
                        rest = suffix.to_string();
                        out.push(head);
                    }
                    break;
                }
            }
        }
        Script::Arabic => {
            let folded = fold_arabic(word);
            if let Some(after) = folded.strip_prefix("عبدال")
                && !after.is_empty()
            {
                out.push("عبد".to_string());
                rest = after.to_string();
            }
            if let Some(head) = rest.strip_suffix("الدين")
                && head.chars().count() >= 2
            {
                out.push(head.to_string());
                rest = "دين".to_string();
            }
        }
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The key of a word read one way (`choice`, as in `symbols`); parts are separated by a
/// space. Empty when the word has no letters that count.
fn word_key(script: Script, word: &str, choice: u32) -> (Vec<u8>, usize, u32) {
    let mut key = Vec::new();
    let mut consonants = 0;
    let mut sites = 0;
    let mut shift = 0;
    for part in parts(script, word) {
        let (syms, n) = symbols(script, &part, choice >> shift);
        shift += n;
        sites += n;
        let mut k = Vec::new();
        consonants += key_of(script, &syms, &mut k);
        if k.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(b' ');
        }
        key.extend_from_slice(&k);
    }
    (key, consonants, sites)
}

/// The key of a name as it is kept in the search lists: its words' keys (one reading
/// each), separated by spaces.
pub fn name_key(name: &str) -> Vec<u8> {
    let mut key = Vec::new();
    for w in name_words(name) {
        let text = without_article(&w, false).unwrap_or(w.text);
        let (k, _, _) = word_key(w.script, &text, 0);
        if k.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(b' ');
        }
        key.extend_from_slice(&k);
    }
    key
}

/// The consonant classes of a key (its vowel bytes and spaces left out): two keys with
/// the same skeleton say almost the same.
pub fn skeleton(key: &[u8]) -> Vec<u8> {
    key.iter()
        .enumerate()
        .filter(|(i, b)| i % 2 == 0 && **b != b' ')
        .map(|(_, b)| *b)
        .collect()
}

/// The keys of one typed word, each way it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedWord {
    pub keys: Vec<Vec<u8>>,
    /// The word is still being typed: its keys may stop inside a stored word.
    pub prefix: bool,
}

/// At most this many readings of one typed word.
const MAX_READINGS: usize = 8;

/// The typed words of a query, each with its readings. Words that have no consonant and
/// no vowel start are left out. With `prefix`, the last word may be the beginning of a
/// word (while it is typed), when it has two consonants or more.
pub fn typed_words(query: &str, prefix: bool) -> Vec<TypedWord> {
    let words = name_words(query);
    let last = words.len().saturating_sub(1);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let mut texts = vec![w.text.clone()];
        for ain in [false, true] {
            if let Some(t) = without_article(w, ain)
                && !texts.contains(&t)
            {
                texts.push(t);
            }
        }
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut most = 0;
        for text in &texts {
            let (_, _, sites) = word_key(w.script, text, 0);
            let readings = 1u32 << sites.min(3);
            for choice in 0..readings {
                let (k, consonants, _) = word_key(w.script, text, choice);
                if !k.is_empty() && !keys.contains(&k) && keys.len() < MAX_READINGS {
                    most = most.max(consonants);
                    keys.push(k);
                }
            }
        }
        if keys.is_empty() {
            continue;
        }
        out.push(TypedWord {
            keys,
            prefix: prefix && i == last && most >= 2,
        });
    }
    out
}

/// Whether `key` matches `stored` from `start` (a word's beginning): every byte agrees,
/// and, unless `prefix`, the stored word (or run of words) ends where the key does.
fn matches_at(stored: &[u8], start: usize, key: &[u8], prefix: bool) -> bool {
    let Some(window) = stored.get(start..start + key.len()) else {
        return false;
    };
    for (k, (&q, &s)) in key.iter().zip(window).enumerate() {
        if s == SIDES {
            return false;
        }
        let agree = if k % 2 == 0 {
            consonants_agree(q, s)
        } else {
            vowels_agree(q, s)
        };
        if !agree {
            return false;
        }
    }
    let end = start + key.len();
    prefix || matches!(stored.get(end), None | Some(&b' ') | Some(&SIDES))
}

/// Whether a typed word matches some word (or run of words) of a stored name key.
pub fn word_matches(stored: &[u8], word: &TypedWord) -> bool {
    if stored.is_empty() {
        return false;
    }
    let mut start = 0;
    loop {
        let first = stored[start];
        for key in &word.keys {
            if consonants_agree(key[0], first) && matches_at(stored, start, key, word.prefix) {
                return true;
            }
        }
        match stored[start..]
            .iter()
            .position(|b| *b == b' ' || *b == SIDES)
        {
            Some(p) => start += p + 1,
            None => return false,
        }
        if start >= stored.len() {
            return false;
        }
    }
}

/// Whether every typed word matches the stored key (an empty key matches nothing).
pub fn all_match(stored: &[u8], words: &[TypedWord]) -> bool {
    !stored.is_empty() && !words.is_empty() && words.iter().all(|w| word_matches(stored, w))
}
