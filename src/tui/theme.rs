//! Semantic styles. Colour is never the only carrier of meaning: selection is also
//! reversed and marked with `>`, a status is also a word. With `NO_COLOR` set, the
//! colourless theme keeps every modifier and drops every colour.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything), as no-color.org asks.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn paint(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// The selected row or tab: reversed (and marked `>` by the caller).
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// The field that has the focus.
    pub fn focus(&self) -> Style {
        self.paint(
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Cyan,
        )
    }

    /// A title or heading.
    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Overdue referrals and other late things (the row also says how late).
    pub fn overdue(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }

    /// A warning: possible duplicates, unsaved changes.
    pub fn warning(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// An error next to a field.
    pub fn error(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }

    /// Good news: saved.
    pub fn success(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::BOLD), Color::Green)
    }

    /// Less important text: hints, empty values.
    pub fn muted(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::DIM), Color::Gray)
    }

    /// Letters that matched a search.
    pub fn matched(&self) -> Style {
        self.paint(
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            Color::Yellow,
        )
    }

    /// The key names in the footer.
    pub fn key(&self) -> Style {
        self.paint(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }
}
