//! The rules for text that leaves Daleel or comes into it from a person or a file
//! (issue 14): which characters a name or a text field may not hold, how text is made
//! safe for a terminal, and how a CSV cell is kept from being run as a spreadsheet
//! formula. One place, used by every validator, by the command line's output and by
//! every CSV writer and reader.
//!
//! **Stored text.** No name or text field holds a control character (C0 other than tab,
//! DEL, C1) or a bidirectional embedding, override or isolate (U+202A–U+202E,
//! U+2066–U+2069). No field is multi-line (every text input of the screens is one line),
//! so a newline is refused too. A terminal runs escape sequences (ESC, CSI) as commands,
//! and a direction override reorders what follows it on the line: either can make a
//! screen or a printed fingerprint line say something other than what the data holds.
//! The marks that Arabic text does use (U+200E, U+200F, U+061C) stay allowed.
//!
//! **Terminal.** What the command line prints passes through `for_terminal`, which
//! writes each such character as a visible `\uXXXX` (the JSON escape, so that `--json`
//! output stays JSON that decodes to the same text), keeping the line breaks and tabs of
//! the message itself; `one_line` also escapes line breaks, for a value shown inside a
//! line.
//!
//! **Spreadsheets.** A CSV cell that begins with `=`, `+`, `-`, `@`, tab or carriage
//! return is run as a formula by Excel and LibreOffice; `spreadsheet_cell` puts `'`
//! before it (OWASP's rule), and `from_spreadsheet_cell` takes it off again on import.

use std::borrow::Cow;

use super::Problem;

/// Whether a character is a bidirectional embedding, override or isolate control.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a name or a text field may not hold this character: a control character other
/// than tab (C0, DEL, C1), or a direction control.
pub fn is_refused(c: char) -> bool {
    (c.is_control() && c != '\t') || is_direction_control(c)
}

/// The first character `text` may not hold, with its position (counted in characters
/// from 1), if any.
pub fn first_refused(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_refused(*c))
        .map(|(i, c)| (i + 1, c))
}

/// A character a name or a text field may not hold, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    pub kind: HiddenKind,
    /// The character's code point.
    pub code: u32,
    /// Its position, counted in characters from 1.
    pub at: usize,
}

/// What sort of character it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenKind {
    DirectionControl,
    LineBreak,
    Control,
}

impl Hidden {
    /// The first such character of `text`, if any.
    pub fn find(text: &str) -> Option<Hidden> {
        let (at, c) = first_refused(text)?;
        let kind = if is_direction_control(c) {
            HiddenKind::DirectionControl
        } else if c == '\n' || c == '\r' {
            HiddenKind::LineBreak
        } else {
            HiddenKind::Control
        };
        Some(Hidden {
            kind,
            code: c as u32,
            at,
        })
    }

    /// The code point as written in messages: `U+000A`.
    pub fn code_point(&self) -> String {
        format!("U+{:04X}", self.code)
    }
}

/// "holds a line break (U+000A, character 5)".
impl std::fmt::Display for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.kind {
            HiddenKind::DirectionControl => "an invisible direction control",
            HiddenKind::LineBreak => "a line break",
            HiddenKind::Control => "an invisible control character",
        };
        write!(
            f,
            "holds {what} ({}, character {})",
            self.code_point(),
            self.at
        )
    }
}

/// Why `text` cannot be kept, naming the character and where it is ("holds a line
/// break (U+000A, character 5)"): `None` when it can.
pub fn refusal(text: &str) -> Option<String> {
    Hidden::find(text).map(|h| h.to_string())
}

/// What a person is told to do about it.
pub const ADVICE: &str =
    "type it again without it (such characters can disguise what a screen or a printed line shows)";

/// The problem with a name or text field, for the form or the import that has it.
pub fn check(field: &str, text: &str) -> Option<Problem> {
    refusal(text).map(|why| Problem::new(field, format!("The text {why}: {ADVICE}.")))
}

/// Checks several fields at once, adding a problem for each that fails.
pub fn check_all<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    problems: &mut Vec<Problem>,
) {
    for (field, text) in fields {
        problems.extend(check(field, text));
    }
}

/// Text for a terminal: every refused character other than the message's own line
/// breaks and tabs written as `\uXXXX`. Nothing that reaches the terminal through it can
/// move the cursor, change colours or the title, clear the screen, or reorder a line.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape(text, |c| is_refused(c) && c != '\n')
}

/// A value shown inside a line (a device's name beside its fingerprint): line breaks
/// and tabs escaped too, so that a value is always on the one line it was put on.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape(text, |c| is_refused(c) || c == '\t')
}

fn escape(text: &str, escaped: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            // Every refused character is below U+10000: four hex digits, as JSON has it.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as Daleel writes it into any CSV: `'` put before a cell that begins with
/// `=`, `+`, `-`, `@`, tab or carriage return (a spreadsheet then shows it as text and
/// runs nothing), and before a cell that begins with `'` followed by one of those or by
/// another `'` (so that `from_spreadsheet_cell` gives back exactly what was written).
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars();
    let first = chars.next();
    let needs = match first {
        Some(c) if FORMULA_STARTS.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    };
    if needs {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell of a numeric column: a number (`-3`, `12.5`) stays a number; anything else is
/// a text cell (`spreadsheet_cell`).
pub fn spreadsheet_number(text: &str) -> Cow<'_, str> {
    if is_number(text) {
        Cow::Borrowed(text)
    } else {
        spreadsheet_cell(text)
    }
}

/// Whether a cell is a plain decimal number: an optional `-`, digits, and optionally a
/// `.` and more digits (`-3`, `12.5`; not `1e5`, `.5` or `<5`).
pub fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && parts
            .next()
            .is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell read from a CSV: the `'` that `spreadsheet_cell` put before it taken off (a
/// leading `'` followed by `=`, `+`, `-`, `@`, tab, carriage return or `'`). A `'` before
/// anything else was typed by a person and stays.
pub fn from_spreadsheet_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest)
            if rest
                .chars()
                .next()
                .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)) =>
        {
            rest
        }
        _ => text,
    }
}

/// A long value cut for a message.
pub fn short(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(39).collect::<String>())
    }
}

/// A worker's name as kept: trimmed, inner spaces collapsed.
pub fn tidy_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name folded for lookup: tidied, lower case.
pub fn fold_name(name: &str) -> String {
    tidy_name(name).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_of_hidden_character_is_refused() {
        for bad in [
            "Amal\nFingerprint: 0000",
            "a\rb",
            "\u{1b}[8m",
            "\u{7}",
            "\u{0}",
            "del\u{7f}",
            "c1 \u{9b}31m",
            "\u{85}next line",
            "\u{202e}evil",
            "\u{202a}",
            "\u{2066}x\u{2069}",
        ] {
            assert!(refusal(bad).is_some(), "{bad:?} was let through");
            let p = check("name", bad).expect("a problem");
            assert_eq!(p.field, "name");
            assert!(p.message.contains("U+"), "{}", p.message);
        }
        for good in [
            "CRC Mosul laptop 3",
            "فاطمة حسن",
            "tab\tinside",
            "\u{200f}RLM and \u{200e}LRM and \u{61c}ALM",
            "Ünïcödé",
            "",
        ] {
            assert_eq!(refusal(good), None, "{good:?} was refused");
        }
        assert!(
            refusal("a\u{1b}")
                .expect("refused")
                .contains("U+001B, character 2")
        );
    }

    #[test]
    fn a_terminal_gets_no_escape_and_no_override() {
        let shown = for_terminal("Amal\nFingerprint: 0000\u{1b}[8m \u{9b}2J \u{202e}olleh\t.");
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        assert!(!shown.chars().any(is_direction_control));
        assert_eq!(
            shown,
            "Amal\nFingerprint: 0000\\u001b[8m \\u009b2J \\u202eolleh\t."
        );
        assert_eq!(one_line("Amal\nFP\tx"), "Amal\\u000aFP\\u0009x");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
        // JSON stays JSON, and decodes to the same text.
        let json = serde_json::json!({"name": "a\u{9b}b\u{202e}c\u{1b}"}).to_string();
        let shown = for_terminal(&json);
        let back: serde_json::Value = serde_json::from_str(&shown).expect("still JSON");
        assert_eq!(back["name"], "a\u{9b}b\u{202e}c\u{1b}");
    }

    #[test]
    fn formula_cells_are_neutralised_and_come_back_whole() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("'quoted'", "'quoted'"),
            ("CRC", "CRC"),
            ("", ""),
            ("٣ - health", "٣ - health"),
        ] {
            assert_eq!(spreadsheet_cell(cell), written, "{cell:?}");
            assert_eq!(from_spreadsheet_cell(written), cell, "{written:?}");
        }
        assert_eq!(spreadsheet_number("-3"), "-3");
        assert_eq!(spreadsheet_number("12.5"), "12.5");
        assert_eq!(spreadsheet_number("<5"), "<5");
        assert_eq!(spreadsheet_number("-2+3"), "'-2+3");
        assert_eq!(spreadsheet_number("-"), "'-");
        assert_eq!(spreadsheet_number("-1."), "'-1.");
        // A person's own leading apostrophe stays.
        assert_eq!(from_spreadsheet_cell("'hello"), "'hello");
    }
}
