//! Help (F1 or ?): the key table (from the same table the handlers use) and a paragraph
//! per screen on what it is for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Component, Data, Handled};
use crate::i18n::{Arg, t, tr};
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::bidi::TextMode;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};

#[derive(Default)]
pub struct State {
    pub scroll: u16,
    /// How Arabic script is shown now (the sample line shows it).
    pub mode: crate::tui::bidi::TextMode,
}

impl State {
    /// The help as drawn `width` columns wide: its rows, each of bits (tui::ui), the
    /// sentences wrapped at words.
    pub fn rows(&self, theme: &Theme, width: usize) -> Vec<Vec<Bit<'static>>> {
        let mode = match self.mode {
            TextMode::Shaped => t("display-shaped"),
            TextMode::Terminal => t("display-terminal"),
        };
        let mut rows: Vec<Vec<Bit<'static>>> = Vec::new();
        let plain = ratatui::style::Style::default();
        let say = |rows: &mut Vec<Vec<Bit<'static>>>, text: String, style| {
            if text.is_empty() {
                rows.push(Vec::new());
            }
            for row in ui::wrap_words(&text, width) {
                rows.push(vec![Bit::text(Span::styled(row, style))]);
            }
        };
        say(&mut rows, t("help-title"), theme.title());
        say(&mut rows, String::new(), plain);
        say(
            &mut rows,
            tr(
                "help-language",
                &[("language", Arg::Str(crate::i18n::language().name()))],
            ),
            plain,
        );
        say(
            &mut rows,
            tr("help-display", &[("mode", Arg::Str(&mode))]),
            plain,
        );
        // Always the same Arabic words: the user picks the mode they read right in.
        rows.push(vec![
            Bit::glyph("  "),
            Bit::text(Span::styled(t("help-sample"), theme.key())),
            Bit::glyph(" "),
            Bit::text("مرحبا بكم في دليل 2026"),
        ]);
        say(&mut rows, String::new(), plain);
        for (scope, heading) in [
            (Scope::Global, "help-keys-everywhere"),
            (Scope::Form, "help-keys-forms"),
            (Scope::List, "help-keys-lists"),
            (Scope::Queue, "help-keys-queue"),
        ] {
            say(&mut rows, t(heading), theme.title());
            for (label, hint) in keys::table(scope) {
                let pad = 14usize.saturating_sub(crate::tui::widgets::width(label));
                rows.push(vec![
                    Bit::glyph("  "),
                    Bit::text(Span::styled(label.to_string(), theme.key())),
                    Bit::glyph(" ".repeat(pad)),
                    Bit::text(t(hint)),
                ]);
            }
            say(&mut rows, String::new(), plain);
        }
        say(&mut rows, t("help-arabic-layout"), plain);
        say(&mut rows, String::new(), plain);
        for (title, body) in [
            ("help-intake-title", "help-intake"),
            ("help-services-title", "help-services"),
            ("help-referrals-title", "help-referrals"),
            ("help-queue-title", "help-queue"),
            ("help-sync-title", "help-sync"),
            ("help-worker-title", "help-worker"),
        ] {
            say(&mut rows, t(title), theme.title());
            say(&mut rows, t(body), plain);
            say(&mut rows, String::new(), plain);
        }
        rows
    }
}

impl State {
    /// The help's lines unwrapped, as text (what each row says).
    pub fn lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        self.rows(theme, usize::MAX / 2)
            .into_iter()
            .map(|bits| {
                Line::from(
                    bits.into_iter()
                        .flat_map(|b| match b {
                            Bit::Text(l) => l.spans,
                            Bit::Glyph(s) => vec![s],
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect()
    }
}

/// How far the help scrolls in an area `width` x `height`: until its last row reaches
/// the bottom.
fn last_scroll(rows: usize, height: u16) -> u16 {
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_sub(height)
}

impl Component for State {
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        use ratatui::crossterm::event::KeyCode;
        // Esc goes back and F10 opens the menu (the app's defaults).
        if keys::command(key, Scope::Global, false) == Some(Command::Back)
            || keys::command(key, Scope::List, false) == Some(Command::Menu)
        {
            return Handled::NotConsumed;
        }
        // The help's area: the terminal less the tabs, the rule, the message, status and
        // keys lines (tui::render).
        let (width, height) = data.size;
        let last = last_scroll(
            self.rows(&Theme::plain(), width as usize).len(),
            height.saturating_sub(crate::tui::FRAME_LINES),
        );
        self.scroll = match key.code {
            KeyCode::Down => self.scroll.saturating_add(1),
            KeyCode::Up => self.scroll.saturating_sub(1),
            KeyCode::PageDown => self.scroll.saturating_add(10),
            KeyCode::PageUp => self.scroll.saturating_sub(10),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => self.scroll,
        }
        .min(last);
        Handled::Consumed
    }

    fn footer(&self) -> Vec<Command> {
        vec![
            Command::Menu,
            Command::Down,
            Command::End,
            Command::Back,
            Command::Quit,
        ]
    }

    fn render(&self, frame: &mut Frame, area: Rect, _data: &Data, theme: &Theme) {
        let rows = self.rows(theme, area.width as usize);
        // Scrolling stops where the last row reaches the bottom.
        let last = last_scroll(rows.len(), area.height);
        let shown = rows
            .into_iter()
            .skip(self.scroll.min(last) as usize)
            .collect();
        ui::rows(frame, area, shown);
    }
}

/// What Help's menu does.
#[derive(Debug, Clone, PartialEq)]
pub enum HelpAction {
    /// Show the screens in this language.
    SetLanguage(crate::i18n::Lang),
    /// How Arabic script is shown.
    SetTextMode(TextMode),
}

impl App {
    pub(in crate::tui) fn help_action(&mut self, action: HelpAction) {
        self.modal = None;
        match action {
            HelpAction::SetLanguage(lang) => {
                crate::i18n::set_language(lang);
                self.set_text_mode(self.text_mode);
                self.screens.queue.rebuild(&self.data);
                self.spawn_load();
                self.say(
                    tr("language-set", &[("language", Arg::Str(lang.name()))]),
                    Tone::Success,
                );
            }
            HelpAction::SetTextMode(mode) => self.set_text_mode(mode),
        }
    }

    /// Help's menu: the other languages, and the other way of showing Arabic script.
    pub(in crate::tui) fn help_menu(&self, items: &mut Vec<(String, Action)>) {
        let current = crate::i18n::language();
        for lang in crate::i18n::Lang::ALL {
            if lang != current {
                items.push((
                    tr("menu-language", &[("language", Arg::Str(lang.name()))]),
                    HelpAction::SetLanguage(lang).into(),
                ));
            }
        }
        let other = match self.text_mode {
            TextMode::Shaped => (t("menu-display-terminal"), TextMode::Terminal),
            TextMode::Terminal => (t("menu-display-shaped"), TextMode::Shaped),
        };
        items.push((other.0, HelpAction::SetTextMode(other.1).into()));
    }
}
