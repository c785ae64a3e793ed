//! Help (F1 or ?): the key table (from the same table the handlers use) and a paragraph
//! per screen on what it is for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Component, Data, Handled};
use crate::i18n::{Arg, t, tr};
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::bidi::TextMode;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::cell;

#[derive(Default)]
pub struct State {
    pub scroll: u16,
    /// How Arabic script is shown now (the sample line shows it).
    pub mode: crate::tui::bidi::TextMode,
}

impl State {
    pub fn lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let mode = match self.mode {
            crate::tui::bidi::TextMode::Shaped => t("display-shaped"),
            crate::tui::bidi::TextMode::Terminal => t("display-terminal"),
        };
        let mut lines = vec![
            Line::from(Span::styled(t("help-title"), theme.title())),
            Line::from(""),
            Line::from(crate::i18n::tr(
                "help-language",
                &[(
                    "language",
                    crate::i18n::Arg::Str(crate::i18n::language().name()),
                )],
            )),
            Line::from(crate::i18n::tr(
                "help-display",
                &[("mode", crate::i18n::Arg::Str(&mode))],
            )),
            // Always the same Arabic words: the user picks the mode they read right in.
            Line::from(vec![
                Span::styled(format!("  {} ", t("help-sample")), theme.key()),
                Span::raw("مرحبا بكم في دليل 2026"),
            ]),
            Line::from(""),
        ];
        for (scope, heading) in [
            (Scope::Global, "help-keys-everywhere"),
            (Scope::Form, "help-keys-forms"),
            (Scope::List, "help-keys-lists"),
            (Scope::Queue, "help-keys-queue"),
        ] {
            lines.push(Line::from(Span::styled(t(heading), theme.title())));
            for (label, hint) in keys::table(scope) {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}", cell(label, 14)), theme.key()),
                    Span::raw(t(hint)),
                ]));
            }
            lines.push(Line::from(""));
        }
        lines.push(Line::from(t("help-arabic-layout")));
        lines.push(Line::from(""));
        for (title, body) in [
            ("help-intake-title", "help-intake"),
            ("help-services-title", "help-services"),
            ("help-referrals-title", "help-referrals"),
            ("help-queue-title", "help-queue"),
            ("help-sync-title", "help-sync"),
            ("help-worker-title", "help-worker"),
        ] {
            lines.push(Line::from(Span::styled(t(title), theme.title())));
            lines.push(Line::from(t(body)));
            lines.push(Line::from(""));
        }
        lines
    }
}

/// The help as drawn: its lines wrapped at the screen's width.
fn paragraph(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// How far the help scrolls in an area `width` x `height`: until its last line, counted
/// as wrapped, reaches the bottom.
fn last_scroll(paragraph: &Paragraph, width: u16, height: u16) -> u16 {
    let count = u16::try_from(paragraph.line_count(width)).unwrap_or(u16::MAX);
    count.saturating_sub(height)
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
            &paragraph(self.lines(&Theme::plain())),
            width,
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
        let text = paragraph(self.lines(theme));
        // Scrolling stops where the last line reaches the bottom.
        let last = last_scroll(&text, area.width, area.height);
        frame.render_widget(text.scroll((self.scroll.min(last), 0)), area);
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
