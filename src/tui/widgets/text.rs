//! A one-line text input: typing, Backspace, Delete, arrows, Home and End, and pasting,
//! cut at the field's limit with a message rather than silently.

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::keys::Key;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    pub value: String,
    /// The cursor's position, in characters.
    pub cursor: usize,
    /// The most characters the field takes.
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

    pub fn set(&mut self, value: &str) {
        self.value = value.chars().take(self.max).collect();
        self.cursor = self.value.chars().count();
    }

    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map(|(b, _)| b)
            .unwrap_or(self.value.len())
    }

    /// Inserts text at the cursor, cut at the limit.
    pub fn insert(&mut self, text: &str) -> Edit {
        let room = self.max.saturating_sub(self.len());
        // The rule every stored text follows (model::text), and no tab: a one-line
        // field has no use for one.
        let clean: String = text
            .chars()
            .filter(|&c| !crate::model::text::is_refused(c) && c != '\t')
            .collect();
        let taken: String = clean.chars().take(room).collect();
        let cut = taken.chars().count() < clean.chars().count();
        if taken.is_empty() {
            return if cut { Edit::Truncated } else { Edit::Ignored };
        }
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &taken);
        self.cursor += taken.chars().count();
        if cut { Edit::Truncated } else { Edit::Changed }
    }

    pub fn handle(&mut self, key: &Key) -> Edit {
        if let Some(c) = key.text() {
            return self.insert(&c.to_string());
        }
        if key.ctrl || key.alt {
            return Edit::Ignored;
        }
        match key.code {
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.len() => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
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

    /// ` label [input]` on one line `total_width` wide, the label and input highlighted
    /// when focused.
    pub fn labeled(
        &self,
        label: &str,
        total_width: usize,
        focused: bool,
        theme: &crate::tui::theme::Theme,
    ) -> Line<'static> {
        let width = total_width.saturating_sub(label.chars().count() + 5);
        let (label_style, input_style) = if focused {
            (theme.focus(), theme.focus())
        } else {
            (theme.title(), Style::default())
        };
        let mut spans = vec![
            Span::styled(format!(" {label} "), label_style),
            Span::raw("["),
        ];
        spans.extend(
            self.spans(width, focused, input_style, theme.selected())
                .spans,
        );
        spans.push(Span::raw("]"));
        Line::from(spans)
    }

    /// The input as spans, `width` characters wide, scrolled so that the cursor shows; the
    /// cursor is drawn reversed when `focused`.
    pub fn spans(&self, width: usize, focused: bool, style: Style, cursor: Style) -> Line<'static> {
        let chars: Vec<char> = self.value.chars().collect();
        let width = width.max(1);
        let start = if self.cursor >= width {
            self.cursor + 1 - width
        } else {
            0
        };
        let mut spans = Vec::new();
        let visible: String = chars.iter().skip(start).take(width).collect();
        if !focused {
            let pad = width.saturating_sub(visible.chars().count());
            spans.push(Span::styled(format!("{visible}{}", " ".repeat(pad)), style));
            return Line::from(spans);
        }
        let before: String = chars.iter().skip(start).take(self.cursor - start).collect();
        let at: String = chars
            .get(self.cursor)
            .map(|c| c.to_string())
            .unwrap_or_else(|| " ".into());
        let after: String = chars
            .iter()
            .skip(self.cursor + 1)
            .take(width.saturating_sub(self.cursor - start + 1))
            .collect();
        let used = before.chars().count() + 1 + after.chars().count();
        spans.push(Span::styled(before, style));
        spans.push(Span::styled(at, cursor));
        spans.push(Span::styled(
            format!("{after}{}", " ".repeat(width.saturating_sub(used))),
            style,
        ));
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
