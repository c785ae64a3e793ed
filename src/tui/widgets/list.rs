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
    /// The row wanted at the top (a section's heading jumped to); the selection still
    /// always shows. Zero, as for most lists, keeps the selection at the bottom edge
    /// when it moves past it.
    pub top: usize,
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
        self.top = self.top.min(self.selected);
        true
    }

    /// Selects `row` and draws it at the top when the list is longer than the view.
    pub fn jump_to(&mut self, row: usize) {
        self.selected = row;
        self.top = row;
    }

    /// Keeps the selection inside a list of `len` rows.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The rows to draw in `height` lines so that the selection shows.
    pub fn visible(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        let height = height.max(1);
        let start = if self.selected < self.top {
            self.selected
        } else {
            self.top.max((self.selected + 1).saturating_sub(height))
        };
        // No empty lines below the last row while rows above are hidden.
        let start = start.min(len.saturating_sub(height));
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

    #[test]
    fn a_row_jumped_to_is_drawn_at_the_top_and_the_selection_still_shows() {
        let mut l = ListView::default();
        l.jump_to(20);
        assert_eq!(l.visible(100, 5), 20..25);
        l.handle(&Key::new(KeyCode::Down), 100);
        assert_eq!(l.visible(100, 5), 20..25);
        for _ in 0..5 {
            l.handle(&Key::new(KeyCode::Down), 100);
        }
        assert_eq!(l.selected, 26);
        assert_eq!(l.visible(100, 5), 22..27);
        l.jump_to(20);
        l.handle(&Key::new(KeyCode::Up), 100);
        assert_eq!(l.visible(100, 5), 19..24, "up past the top scrolls by one");
        // Near the end, the view is filled rather than left half empty.
        l.jump_to(98);
        assert_eq!(l.visible(100, 5), 95..100);
    }
}
