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
//! What matches is decided and documented here, and tested below with Iraqi name pairs:
//! Ali and Alia share a key (`vl`) and match, but Ali comes first for `ali`; Hasan and
//! Hussein do not match each other; Yahya and Taha keep one consonant and are found by
//! their exact spellings first.

use std::collections::HashMap;
use std::sync::OnceLock;

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

// ---------------------------------------------------------------------------------------
// Transliteration.

/// Common Iraqi given and family names, Arabic to the Latin spelling Iraqi records use.
/// Family names are written without the article (`Al-` is added).
const NAMES: &[(&str, &str)] = &[
    // Men.
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("علي", "Ali"),
    ("حسن", "Hassan"),
    ("حسين", "Hussein"),
    ("عباس", "Abbas"),
    ("كاظم", "Kadhim"),
    ("جعفر", "Jaafar"),
    ("مهدي", "Mahdi"),
    ("عمر", "Omar"),
    ("عثمان", "Othman"),
    ("يوسف", "Yousif"),
    ("إبراهيم", "Ibrahim"),
    ("إسماعيل", "Ismail"),
    ("خالد", "Khalid"),
    ("مصطفى", "Mustafa"),
    ("عبدالله", "Abdullah"),
    ("سعد", "Saad"),
    ("كريم", "Kareem"),
    ("مازن", "Mazin"),
    ("طارق", "Tariq"),
    ("ياسين", "Yaseen"),
    ("حيدر", "Haider"),
    ("مرتضى", "Murtadha"),
    ("رضا", "Ridha"),
    ("صادق", "Sadiq"),
    ("باقر", "Baqir"),
    ("جاسم", "Jasim"),
    ("قاسم", "Qasim"),
    ("محمود", "Mahmoud"),
    ("حامد", "Hamid"),
    ("حميد", "Hameed"),
    ("سلمان", "Salman"),
    ("سليمان", "Sulaiman"),
    ("داود", "Dawood"),
    ("صالح", "Saleh"),
    ("فاضل", "Fadhil"),
    ("ناظم", "Nadhim"),
    ("نديم", "Nadeem"),
    ("عادل", "Adil"),
    ("عماد", "Imad"),
    ("زياد", "Ziyad"),
    ("رياض", "Riyadh"),
    ("فلاح", "Falah"),
    ("ماجد", "Majid"),
    ("منذر", "Munther"),
    ("ثامر", "Thamer"),
    ("هيثم", "Haitham"),
    ("عدي", "Uday"),
    ("قصي", "Qusay"),
    ("سيف", "Saif"),
    ("وليد", "Waleed"),
    ("فراس", "Firas"),
    ("ليث", "Laith"),
    ("غازي", "Ghazi"),
    ("هاشم", "Hashim"),
    ("هشام", "Hisham"),
    ("نبيل", "Nabeel"),
    ("جمال", "Jamal"),
    ("كمال", "Kamal"),
    ("بشير", "Basheer"),
    ("حمزة", "Hamza"),
    ("عبدالرحمن", "Abdulrahman"),
    ("عبدالكريم", "Abdulkareem"),
    ("عبدالحسين", "Abdulhussein"),
    ("عبدالأمير", "Abdulameer"),
    ("عبدالرزاق", "Abdulrazzaq"),
    ("عبدالستار", "Abdulsattar"),
    ("نورالدين", "Nooruldeen"),
    ("صلاح", "Salah"),
    ("رعد", "Raad"),
    ("سالم", "Salim"),
    ("مهند", "Muhannad"),
    ("مؤيد", "Muayad"),
    ("إياد", "Ayad"),
    ("أدهم", "Adham"),
    ("فتحي", "Fathi"),
    ("إسحاق", "Ishaq"),
    ("منصور", "Mansour"),
    ("نصير", "Naseer"),
    ("ضياء", "Dhiyaa"),
    ("رمضان", "Ramadhan"),
    ("عيسى", "Issa"),
    ("موسى", "Musa"),
    ("يحيى", "Yahya"),
    ("طه", "Taha"),
    ("جبار", "Jabbar"),
    ("ستار", "Sattar"),
    ("علاء", "Alaa"),
    ("علوان", "Alwan"),
    ("مروان", "Marwan"),
    ("زيد", "Zaid"),
    ("أسامة", "Osama"),
    ("وسام", "Wisam"),
    ("سامي", "Sami"),
    ("ياسر", "Yasir"),
    ("أنور", "Anwar"),
    ("نوري", "Nouri"),
    ("شاكر", "Shakir"),
    ("لطيف", "Lateef"),
    ("الله", "Allah"),
    ("الياس", "Ilyas"),
    // Women.
    ("فاطمة", "Fatima"),
    ("زينب", "Zainab"),
    ("مريم", "Maryam"),
    ("نور", "Noor"),
    ("هدى", "Huda"),
    ("سارة", "Sara"),
    ("آمنة", "Amina"),
    ("رقية", "Ruqaya"),
    ("شيماء", "Shaimaa"),
    ("إسراء", "Israa"),
    ("دعاء", "Duaa"),
    ("حنان", "Hanan"),
    ("سلوى", "Salwa"),
    ("أسماء", "Asmaa"),
    ("ليلى", "Layla"),
    ("خديجة", "Khadija"),
    ("عائشة", "Aisha"),
    ("سكينة", "Sakina"),
    ("زهراء", "Zahraa"),
    ("بتول", "Batool"),
    ("كوثر", "Kawthar"),
    ("رنا", "Rana"),
    ("هبة", "Hiba"),
    ("إيمان", "Iman"),
    ("سعاد", "Suad"),
    ("نادية", "Nadia"),
    ("وفاء", "Wafaa"),
    ("ابتسام", "Ibtisam"),
    ("انتصار", "Intisar"),
    ("سميرة", "Samira"),
    ("بشرى", "Bushra"),
    ("غادة", "Ghada"),
    ("نجلاء", "Najlaa"),
    ("رشا", "Rasha"),
    ("علياء", "Alyaa"),
    ("عالية", "Aliya"),
    ("إلهام", "Ilham"),
    ("صبا", "Saba"),
    ("أم", "Um"),
    ("أبو", "Abu"),
    ("عبد", "Abd"),
    // Families (without the article).
    ("جبوري", "Jubouri"),
    ("عبيدي", "Obaidi"),
    ("دليمي", "Dulaimi"),
    ("حمداني", "Hamdani"),
    ("شمري", "Shammari"),
    ("طائي", "Taie"),
    ("عاني", "Ani"),
    ("راوي", "Rawi"),
    ("كبيسي", "Kubaisi"),
    ("نعيمي", "Nuaimi"),
    ("سبعاوي", "Sabawi"),
    ("حديثي", "Hadithi"),
    ("فهداوي", "Fahdawi"),
    ("بياتي", "Bayati"),
    ("زبيدي", "Zubaidi"),
    ("محمدي", "Mohammadi"),
    ("تميمي", "Tamimi"),
    ("خزرجي", "Khazraji"),
    ("ساعدي", "Saadi"),
    ("موسوي", "Musawi"),
    ("حسيني", "Husseini"),
    ("ربيعي", "Rubaie"),
    ("كعبي", "Kaabi"),
    ("عزاوي", "Azzawi"),
    ("جنابي", "Janabi"),
    ("لامي", "Lami"),
    ("مالكي", "Maliki"),
    ("عامري", "Amiri"),
];

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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> String {
        String::from_utf8(name_key(name)).expect("ascii")
    }

    /// Whether a name typed as `typed` finds the name stored as `stored`.
    fn finds(stored: &str, typed: &str) -> bool {
        all_match(&name_key(stored), &typed_words(typed, false))
    }

    #[test]
    fn keys_are_consonant_classes_with_vowel_bytes() {
        assert_eq!(key("فاطمة"), "f9t.m");
        assert_eq!(key("fatima"), "f1t2m");
        assert_eq!(key("Fatma"), "f1t_m");
        assert_eq!(key("Al-Jubouri"), "j4b<r");
        assert_eq!(key("الجبوري"), "j.b<r");
        assert_eq!(key("عبد الله"), key("عبدالله"));
        assert_eq!(key("abd allah"), "v_b_d l");
        assert_eq!(key("Abdullah"), "v_b_d l");
        assert_eq!(key("1984 --"), "");
    }

    /// (Arabic as recorded, Latin as a worker types it): each finds the other.
    const PAIRS: &[(&str, &str)] = &[
        ("فاطمة", "fatima"),
        ("فاطمة", "fatma"),
        ("فاطمه", "fatimah"),
        ("فاطمة", "Fatemah"),
        ("حسن", "hasan"),
        ("حسن", "hassan"),
        ("حسين", "hussein"),
        ("حسين", "husain"),
        ("حسين", "hussain"),
        ("حسين", "husayn"),
        ("عبدالله", "abdullah"),
        ("عبدالله", "abdallah"),
        ("عبد الله", "abd allah"),
        ("عبد الله", "abdulla"),
        ("عبدالرحمن", "abdul rahman"),
        ("عبد الرحمن", "abdurrahman"),
        ("عبد الرحمن", "abd al-rahman"),
        ("عبدالكريم", "abdelkarim"),
        ("كاظم", "kadhim"),
        ("كاظم", "kazim"),
        ("كاظم", "kathem"),
        ("ناظم", "nazim"),
        ("منذر", "munther"),
        ("منذر", "mundhir"),
        ("ثامر", "thamer"),
        ("هيثم", "haitham"),
        ("عثمان", "osman"),
        ("عثمان", "uthman"),
        ("قاسم", "qasim"),
        ("قاسم", "kasim"),
        ("قاسم", "gassim"),
        ("فاضل", "fadhil"),
        ("فاضل", "fadil"),
        ("رمضان", "ramadan"),
        ("رضا", "ridha"),
        ("رضا", "reza"),
        ("مرتضى", "murtada"),
        ("محمد", "mohammed"),
        ("محمد", "muhammad"),
        ("محمد", "mohamad"),
        ("محمود", "mahmoud"),
        ("محمود", "mahmood"),
        ("أحمد", "ahmed"),
        ("احمد", "ahmad"),
        ("عمر", "omar"),
        ("عمر", "umar"),
        ("علي", "ali"),
        ("علي", "aly"),
        ("علي", "3li"),
        ("عباس", "abbas"),
        ("يوسف", "yousif"),
        ("يوسف", "yusuf"),
        ("يوسف", "yousef"),
        ("إبراهيم", "ibrahim"),
        ("ابراهيم", "ebrahim"),
        ("إسماعيل", "ismail"),
        ("إسماعيل", "ismaeel"),
        ("زينب", "zainab"),
        ("زينب", "zeinab"),
        ("زينب", "zaynab"),
        ("مريم", "mariam"),
        ("رقية", "ruqaya"),
        ("رقية", "rukaya"),
        ("خديجة", "khadija"),
        ("خديجة", "khadeeja"),
        ("سعد", "saad"),
        ("سعد", "sa'ad"),
        ("رعد", "raad"),
        ("كريم", "kareem"),
        ("كريم", "karim"),
        ("حيدر", "haider"),
        ("حيدر", "haydar"),
        ("جعفر", "jaafar"),
        ("جعفر", "jafar"),
        ("مصطفى", "mustafa"),
        ("مصطفى", "mostafa"),
        ("مهدي", "mahdi"),
        ("مهدي", "mehdi"),
        ("نور", "noor"),
        ("نور", "nour"),
        ("نور", "nur"),
        ("هدى", "huda"),
        ("هدى", "hoda"),
        ("صالح", "saleh"),
        ("صالح", "salih"),
        ("عدي", "uday"),
        ("عدي", "oday"),
        ("قصي", "qusay"),
        ("قصي", "kusai"),
        ("وليد", "waleed"),
        ("وليد", "walid"),
        ("ياسين", "yaseen"),
        ("ياسين", "yassin"),
        ("طارق", "tariq"),
        ("طارق", "tarek"),
        ("شيماء", "shaimaa"),
        ("شيماء", "shayma"),
        ("إسراء", "israa"),
        ("إسراء", "esraa"),
        ("فتحي", "fathi"),
        ("أدهم", "adham"),
        ("إسحاق", "ishaq"),
        ("نور الدين", "nooruldeen"),
        ("نورالدين", "nuraddin"),
        ("نور الدين", "nour al-din"),
        ("صلاح الدين", "salahuddin"),
        ("ابو بكر", "abubakr"),
        ("أبو بكر", "abu bakr"),
        ("الجبوري", "al-jubouri"),
        ("الجبوري", "aljubouri"),
        ("الجبوري", "el jubouri"),
        ("الجبوري", "jbouri"),
        ("العبيدي", "al-obaidi"),
        ("العبيدي", "alobaidi"),
        ("الشمري", "ash-shammari"),
        ("الشمري", "al-shammari"),
        ("الدليمي", "ad-dulaimi"),
        ("الدليمي", "aldulaimi"),
        ("الزبيدي", "al-zubaidi"),
        ("الزبيدي", "az-zubaidy"),
        ("الطائي", "al-taie"),
        ("الطائي", "al-tai"),
        ("علوان", "alwan"),
        ("ليلى", "layla"),
        ("ليلى", "leila"),
        ("فاطمة حسن علي", "fatma hassan"),
        ("فاطمة حسن علي", "fatima ali"),
        ("حسين علي الجبوري", "hussein al-jubouri"),
    ];

    #[test]
    fn iraqi_names_meet_across_scripts_and_spellings() {
        assert!(PAIRS.len() >= 100);
        for (arabic, latin) in PAIRS {
            assert!(
                finds(arabic, latin),
                "{latin:?} should find {arabic:?}: {:?} against {:?}",
                typed_words(latin, false),
                key(arabic)
            );
            // The other way: a Latin record found by its Arabic spelling (the first word,
            // when the Latin names fewer words than the Arabic).
            let first: String = arabic.split_whitespace().take(1).collect();
            if latin.split_whitespace().count() == 1 || arabic.split_whitespace().count() == 1 {
                assert!(
                    finds(latin, arabic) || finds(latin, &first),
                    "{arabic:?} should find {latin:?}: {:?} against {:?}",
                    typed_words(arabic, false),
                    key(latin)
                );
            }
        }
    }

    #[test]
    fn latin_spellings_meet_each_other() {
        for (a, b) in [
            ("fatima", "fatma"),
            ("fatima", "fatimah"),
            ("hasan", "hassan"),
            ("hussein", "husain"),
            ("hussein", "hossein"),
            ("abdullah", "abd allah"),
            ("abdullah", "abdallah"),
            ("abdul rahman", "abdulrahman"),
            ("abdul rahman", "abdel-rahman"),
            ("kadhim", "kazim"),
            ("kadhim", "kathem"),
            ("al-jubouri", "el-jbouri"),
            ("al-jubouri", "al jubouri"),
            ("yousif", "yusuf"),
            ("mohammed", "muhammad"),
            ("noor", "nour"),
            ("zainab", "zeinab"),
            ("kareem", "karim"),
            ("qasim", "kasim"),
        ] {
            assert!(finds(a, b), "{b:?} should find {a:?}");
            assert!(finds(b, a), "{a:?} should find {b:?}");
        }
    }

    #[test]
    fn different_names_do_not_meet() {
        for (stored, typed) in [
            ("حسين", "hasan"),
            ("حسين", "hassan"),
            ("حسن", "hussein"),
            ("حسن", "husain"),
            ("Hussein", "hassan"),
            ("Hassan", "husain"),
            ("محمود", "mohammed"),
            ("محمد", "mahmoud"),
            ("Mohammed", "mahmoud"),
            ("محمد", "محمود"),
            ("أحمد", "hamid"),
            ("حامد", "ahmed"),
            ("Ahmed", "hamid"),
            ("علي", "layla"),
            ("ليلى", "ali"),
            ("علي", "عالية"),
            ("فاطمة", "fadia"),
            ("زينب", "zahra"),
            ("كاظم", "kamil"),
            ("ناظم", "nadim"),
            ("نديم", "nazim"),
            ("جاسم", "qasim"),
            ("خالد", "khalil"),
            ("مريم", "maryana"),
            ("الجبوري", "obaidi"),
            ("فاطمة حسن", "fatima hussein"),
        ] {
            assert!(
                !finds(stored, typed),
                "{typed:?} should not find {stored:?}: {:?} against {:?}",
                typed_words(typed, false),
                key(stored)
            );
        }
    }

    #[test]
    fn a_word_being_typed_finds_the_words_it_begins() {
        let stored = name_key("فاطمة حسن علي");
        assert!(all_match(&stored, &typed_words("fat", true)));
        assert!(all_match(&stored, &typed_words("fatima has", true)));
        assert!(!all_match(&stored, &typed_words("fatima has", false)));
        // One consonant is too little to look for beginnings: only whole words.
        assert!(typed_words("fa", true).iter().all(|w| !w.prefix));
        assert!(all_match(&stored, &typed_words("ali", true)));
        assert!(!all_match(&name_key("Layla"), &typed_words("ali", true)));
    }

    #[test]
    fn the_transliteration_uses_iraqi_spellings_then_letters() {
        assert_eq!(transliterate("فاطمة حسن علي"), "Fatima Hassan Ali");
        assert_eq!(transliterate("كاظم الجبوري"), "Kadhim Al-Jubouri");
        assert_eq!(transliterate("عبد الله"), "Abdullah");
        assert_eq!(transliterate("عبد الرحمن"), "Abdulrahman");
        assert_eq!(transliterate("مُحَمَّد"), "Mohammed");
        assert_eq!(transliterate("حمدان"), "Hamdan");
        assert_eq!(transliterate("الفلاحي"), "Al-Falahi");
        assert_eq!(transliterate("Fatima"), "Fatima");
        assert_eq!(latin_suggestion("Fatima"), None);
        assert_eq!(
            latin_suggestion(" زينب  الشمري "),
            Some("Zainab Al-Shammari".into())
        );
        assert!(NAMES.len() >= 60);
        // Every name of the table is found by its own transliteration.
        for (arabic, latin) in NAMES {
            assert!(finds(arabic, latin), "{latin} should find {arabic}");
        }
    }

    #[test]
    fn distance_puts_the_same_spelling_first() {
        let typed = latin_words("hasan");
        let hassan = latin_words("حسن");
        let hussein = latin_words("Hussein");
        assert!(distance(&typed, false, &hassan) < distance(&typed, false, &hussein));
        assert_eq!(distance(&latin_words("ali"), false, &latin_words("علي")), 0);
        assert!(distance(&latin_words("ali"), false, &latin_words("عالية")) > 0);
        assert_eq!(
            distance(&latin_words("abdullah"), false, &latin_words("عبد الله")),
            0
        );
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
    }
}
