//! A one-line text input: typing, Backspace, Delete, arrows, Home and End, Ctrl+U (empty
//! it) and pasting, cut at the field's limit with a message rather than silently.
//!
//! Text is edited by grapheme (a letter with its marks, an emoji with its modifiers: what
//! a person takes for one character) and drawn by display width (a wide character or an
//! emoji takes two columns), so that the cursor never splits a character and the field
//! never runs into its border.

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::grapheme_width;
use crate::tui::keys::{self, Command, Key, Scope};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    pub value: String,
    /// The cursor's position, in graphemes.
    pub cursor: usize,
    /// The most characters (`char`s, the model's measure of a text's length) the field
    /// takes.
    pub max: usize,
}

/// What a key did to a text input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The key was not for the input.
    Ignored,
    /// The cursor moved; the text is the same.
    Moved,
    /// The text changed.
    Changed,
    /// Text was cut at the field's limit.
    Truncated,
}

/// What pasted text becomes in a one-line field: each run of line breaks and tabs one
/// space (none at either end), so that a paste of several lines stays in its field.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

impl TextInput {
    pub fn new(max: usize) -> TextInput {
        TextInput {
            value: String::new(),
            cursor: 0,
            max,
        }
    }

    pub fn with(value: &str, max: usize) -> TextInput {
        let mut t = TextInput::new(max);
        t.set(value);
        t
    }

    /// Replaces the text (cut at the limit, never inside a grapheme); the cursor goes to
    /// its end.
    pub fn set(&mut self, value: &str) {
        self.value = take_chars(value, self.max).to_string();
        self.cursor = self.len();
    }

    /// The number of graphemes.
    pub fn len(&self) -> usize {
        self.value.graphemes(true).count()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// The byte where grapheme `g` starts (the end after the last).
    fn byte_at(&self, g: usize) -> usize {
        self.value
            .grapheme_indices(true)
            .nth(g)
            .map(|(b, _)| b)
            .unwrap_or(self.value.len())
    }

    /// Inserts text at the cursor, cut at the limit: line breaks and tabs become spaces
    /// (`one_line`), and nothing the stored-text rule refuses is taken.
    pub fn insert(&mut self, text: &str) -> Edit {
        let room = self.max.saturating_sub(self.value.chars().count());
        let clean: String = one_line(text)
            .chars()
            .filter(|&c| !crate::model::text::is_refused(c))
            .collect();
        let taken = take_chars(&clean, room);
        let cut = taken.len() < clean.len();
        if taken.is_empty() {
            return if cut { Edit::Truncated } else { Edit::Ignored };
        }
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, taken);
        // A mark typed after a letter joins its grapheme: count again up to the end of
        // what was inserted.
        let end = at + taken.len();
        self.cursor = self.value[..end].graphemes(true).count();
        if cut { Edit::Truncated } else { Edit::Changed }
    }

    /// Empties the field (Ctrl+U).
    pub fn clear(&mut self) -> Edit {
        if self.value.is_empty() {
            return Edit::Ignored;
        }
        self.value.clear();
        self.cursor = 0;
        Edit::Changed
    }

    pub fn handle(&mut self, key: &Key) -> Edit {
        if let Some(c) = key.text() {
            return self.insert(&c.to_string());
        }
        if keys::command(key, Scope::Form, true) == Some(Command::Clear) {
            return self.clear();
        }
        if key.ctrl || key.alt {
            return Edit::Ignored;
        }
        match key.code {
            KeyCode::Backspace if self.cursor > 0 => {
                let (from, to) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.value.replace_range(from..to, "");
                self.cursor -= 1;
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.len() => {
                let (from, to) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.value.replace_range(from..to, "");
                Edit::Changed
            }
            KeyCode::Left if self.cursor > 0 => {
                self.cursor -= 1;
                Edit::Moved
            }
            KeyCode::Right if self.cursor < self.len() => {
                self.cursor += 1;
                Edit::Moved
            }
            KeyCode::Home => {
                self.cursor = 0;
                Edit::Moved
            }
            KeyCode::End => {
                self.cursor = self.len();
                Edit::Moved
            }
            _ => Edit::Ignored,
        }
    }

    /// ` label [input]` on one line `total_width` columns wide, the label and input
    /// highlighted when focused: the label and the input each a piece of text, the
    /// brackets glyphs (tui::ui).
    pub fn labeled(
        &self,
        label: &str,
        total_width: usize,
        focused: bool,
        theme: &crate::tui::theme::Theme,
    ) -> Vec<crate::tui::ui::Bit<'static>> {
        use crate::tui::ui::Bit;
        let label = crate::tui::widgets::fit_words(label, total_width.saturating_sub(12));
        let width = total_width.saturating_sub(super::width(&label) + 5);
        let (label_style, input_style) = if focused {
            (theme.focus(), theme.focus())
        } else {
            (theme.title(), Style::default())
        };
        vec![
            Bit::glyph(" "),
            Bit::text(Span::styled(label, label_style)),
            Bit::glyph(" ["),
            Bit::Text(self.spans(width, focused, input_style, theme.selected())),
            Bit::glyph("]"),
        ]
    }

    /// The input as spans exactly `width` columns wide, scrolled so that the cursor
    /// shows; the cursor is drawn reversed when `focused`. A wide character that would
    /// straddle the edge is left out (a space stands for it), so the width never changes.
    pub fn spans(&self, width: usize, focused: bool, style: Style, cursor: Style) -> Line<'static> {
        let width = width.max(1);
        let graphemes: Vec<(&str, usize)> = self
            .value
            .graphemes(true)
            .map(|g| (g, grapheme_width(g)))
            .collect();
        // The cursor's cell: its grapheme, or a space after the end.
        let cursor_width = |i: usize| graphemes.get(i).map_or(1, |g| g.1.max(1));
        // The first grapheme shown: the cursor and what is before it must fit.
        let mut start = 0;
        if focused {
            let mut used = cursor_width(self.cursor);
            start = self.cursor;
            while start > 0 && used + graphemes[start - 1].1 <= width {
                start -= 1;
                used += graphemes[start].1;
            }
        }
        let mut spans = Vec::new();
        let mut text = String::new();
        let mut used = 0;
        let mut i = start;
        let flush = |text: &mut String, spans: &mut Vec<Span<'static>>, s: Style| {
            if !text.is_empty() {
                spans.push(Span::styled(std::mem::take(text), s));
            }
        };
        while used < width {
            if focused && i == self.cursor {
                let (g, w) = graphemes.get(i).copied().unwrap_or((" ", 1));
                let (g, w) = if w == 0 { (" ", 1) } else { (g, w) };
                if used + w > width {
                    break;
                }
                flush(&mut text, &mut spans, style);
                spans.push(Span::styled(g.to_string(), cursor));
                used += w;
                i += 1;
                continue;
            }
            let Some(&(g, w)) = graphemes.get(i) else {
                break;
            };
            if used + w > width {
                break;
            }
            text.push_str(g);
            used += w;
            i += 1;
        }
        text.push_str(&" ".repeat(width - used));
        flush(&mut text, &mut spans, style);
        Line::from(spans)
    }
}

/// The longest start of `text` of at most `max` chars that ends between graphemes.
fn take_chars(text: &str, max: usize) -> &str {
    let mut chars = 0;
    let mut end = 0;
    for (at, g) in text.grapheme_indices(true) {
        chars += g.chars().count();
        if chars > max {
            break;
        }
        end = at + g.len();
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: &TextInput, width: usize, focused: bool) -> (String, String) {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = t.spans(width, focused, Style::default(), bold);
        let all: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let at: String = line
            .spans
            .iter()
            .filter(|s| s.style == bold)
            .map(|s| s.content.as_ref())
            .collect();
        (all, at)
    }

    #[test]
    fn typing_editing_and_moving() {
        let mut t = TextInput::new(10);
        for c in "فاطمة".chars() {
            assert_eq!(t.handle(&Key::char(c)), Edit::Changed);
        }
        assert_eq!(t.value, "فاطمة");
        t.handle(&Key::new(KeyCode::Home));
        t.handle(&Key::new(KeyCode::Delete));
        assert_eq!(t.value, "اطمة");
        t.handle(&Key::new(KeyCode::End));
        t.handle(&Key::new(KeyCode::Backspace));
        assert_eq!(t.value, "اطم");
        assert_eq!(
            t.handle(&Key::ctrl('s')),
            Edit::Ignored,
            "Ctrl keys are not text"
        );
    }

    #[test]
    fn a_long_paste_is_cut_at_the_limit_and_says_so() {
        let mut t = TextInput::new(5);
        assert_eq!(t.insert("0770123456789"), Edit::Truncated);
        assert_eq!(t.value, "07701");
        assert_eq!(t.insert("x"), Edit::Truncated);
        assert_eq!(t.insert("\n\t"), Edit::Ignored);
    }

    #[test]
    fn line_breaks_and_tabs_of_a_paste_become_one_space() {
        assert_eq!(one_line("a\nb"), "a b");
        assert_eq!(one_line("a\r\n\r\nb\tc"), "a b c");
        assert_eq!(one_line("\nFatima\n"), "Fatima");
        let mut t = TextInput::new(20);
        assert_eq!(t.insert("Hay\r\nAl-Zahra\n"), Edit::Changed);
        assert_eq!(t.value, "Hay Al-Zahra");
        assert_eq!(t.cursor, 12);
    }

    #[test]
    fn ctrl_u_empties_the_field_on_either_layout() {
        let mut t = TextInput::with("Ahmed", 20);
        assert_eq!(t.handle(&Key::ctrl('u')), Edit::Changed);
        assert_eq!((t.value.as_str(), t.cursor), ("", 0));
        assert_eq!(t.handle(&Key::ctrl('u')), Edit::Ignored, "already empty");
        t.set("أحمد");
        assert_eq!(
            t.handle(&Key::ctrl('ع')),
            Edit::Changed,
            "ع sits where u is"
        );
        assert!(t.is_empty());
    }

    #[test]
    fn a_grapheme_is_one_step_of_the_cursor_and_one_backspace() {
        // e + combining acute; a family emoji (three people joined); a flag (two
        // regional indicators); Arabic with a shadda.
        let mut t = TextInput::with("e\u{301}👨\u{200d}👩\u{200d}👧🇮🇶بّ", 40);
        assert_eq!(t.len(), 4);
        assert_eq!(t.cursor, 4);
        t.handle(&Key::new(KeyCode::Backspace));
        assert_eq!(
            t.value, "e\u{301}👨\u{200d}👩\u{200d}👧🇮🇶",
            "the letter and its mark"
        );
        t.handle(&Key::new(KeyCode::Left));
        t.handle(&Key::new(KeyCode::Backspace));
        assert_eq!(t.value, "e\u{301}🇮🇶", "the whole family");
        t.handle(&Key::new(KeyCode::Home));
        t.handle(&Key::new(KeyCode::Delete));
        assert_eq!(t.value, "🇮🇶", "the e with its accent");
        // A mark typed after a letter joins it.
        let mut t = TextInput::new(10);
        t.insert("ب");
        t.insert("\u{651}");
        assert_eq!((t.len(), t.cursor), (1, 1));
    }

    #[test]
    fn the_limit_never_cuts_a_grapheme() {
        let mut t = TextInput::new(3);
        assert_eq!(t.insert("ab👍🏽"), Edit::Truncated);
        assert_eq!(
            t.value, "ab",
            "the thumb and its skin tone go together or not at all"
        );
        t.set("e\u{301}e\u{301}");
        assert_eq!(t.value, "e\u{301}");
    }

    #[test]
    fn wide_characters_are_drawn_by_their_width_and_never_past_the_edge() {
        let t = TextInput::with("日本語", 20);
        let (all, _) = shown(&t, 6, false);
        assert_eq!(all, "日本語");
        assert_eq!(super::super::width(&all), 6);
        // Focused, the cursor after the end needs a cell: the view scrolls by whole
        // characters, and a wide one that does not fit leaves a space.
        let (all, at) = shown(&t, 6, true);
        assert_eq!((all.as_str(), at.as_str()), ("本語  ", " "));
        let (all, _) = shown(&t, 5, true);
        assert_eq!(super::super::width(&all), 5, "{all:?}");
        let mut t = TextInput::with("a😀b", 20);
        t.handle(&Key::new(KeyCode::Home));
        t.handle(&Key::new(KeyCode::Right));
        let (all, at) = shown(&t, 8, true);
        assert_eq!((all.as_str(), at.as_str()), ("a😀b    ", "😀"));
        assert_eq!(super::super::width(&all), 8);
    }
}
