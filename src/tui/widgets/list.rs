//! A selectable list: the selection moves with arrows, PgUp/PgDn, Home/End, and the
//! selected row is reversed and marked with `>` (never colour alone).

use ratatui::crossterm::event::KeyCode;
use ratatui::text::{Line, Span};

use crate::tui::keys::Key;
use crate::tui::theme::Theme;

/// How many rows PgUp and PgDn move.
pub const PAGE: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub selected: usize,
}

impl ListView {
    /// Moves the selection; `true` when the key was a list key.
    pub fn handle(&mut self, key: &Key, len: usize) -> bool {
        if key.ctrl || key.alt {
            return false;
        }
        let last = len.saturating_sub(1);
        self.selected = match key.code {
            KeyCode::Up => self.selected.saturating_sub(1),
            KeyCode::Down => (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected.saturating_sub(PAGE),
            KeyCode::PageDown => (self.selected + PAGE).min(last),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => return false,
        };
        true
    }

    /// Keeps the selection inside a list of `len` rows.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The rows to draw in `height` lines so that the selection shows.
    pub fn visible(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        let height = height.max(1);
        let start = if self.selected >= height {
            self.selected + 1 - height
        } else {
            0
        };
        start..(start + height).min(len)
    }
}

/// One row: `> text` reversed when selected, `  text` otherwise.
pub fn row_line(text: String, selected: bool, theme: &Theme) -> Line<'static> {
    if selected {
        Line::from(Span::styled(format!("> {text}"), theme.selected()))
    } else {
        Line::from(format!("  {text}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_the_list_and_in_view() {
        let mut l = ListView::default();
        l.handle(&Key::new(KeyCode::Up), 5);
        assert_eq!(l.selected, 0);
        l.handle(&Key::new(KeyCode::PageDown), 5);
        assert_eq!(l.selected, 4);
        assert_eq!(l.visible(5, 3), 2..5);
        l.handle(&Key::new(KeyCode::Home), 5);
        assert_eq!(l.visible(5, 3), 0..3);
        l.handle(&Key::new(KeyCode::End), 0);
        assert_eq!(l.selected, 0);
    }
}
