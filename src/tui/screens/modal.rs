//! Pop-ups over a screen: an action menu (every action reachable without letter keys),
//! a small form (a member, a need, a referral draft, a reason), a confirmation, a notice
//! (the saved case code, large enough to write down), and the worker picker.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::t;
use crate::tui::action::Action;
use crate::tui::keys::{self, Command, Key, Scope, latin_equivalent};
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};
use crate::tui::widgets::centered;
use crate::tui::widgets::form::Form;
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::text::{Edit, TextInput};

/// What a prompt's answers are for: each area's pop-ups, beside the screen that owns them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Intake(crate::tui::screens::intake::act::IntakePrompt),
    Services(crate::tui::screens::services::act::ServicesPrompt),
    Referral(crate::tui::screens::referrals::act::ReferralPrompt),
    Queue(crate::tui::screens::queue::act::QueuePrompt),
    Team(crate::tui::screens::sync::team::TeamPrompt),
    Workers(crate::tui::app::workers::WorkersPrompt),
}

#[derive(Debug, Clone)]
pub struct Menu {
    pub title: String,
    pub items: Vec<(String, Action)>,
    pub list: ListView,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    /// The answers as the prompt opened, to tell whether anything was typed.
    pub initial: Option<Form>,
    /// Esc was pressed once with typed answers: a second Esc closes.
    pub esc_armed: bool,
    pub title: String,
    pub intro: String,
    pub form: Form,
    pub purpose: Purpose,
    pub label_width: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct WorkerPicker {
    pub workers: Vec<String>,
    pub list: ListView,
    pub new_name: TextInput,
    /// The new-name box has the keyboard (always, when no worker exists yet).
    pub on_new: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Modal {
    Menu(Menu),
    Prompt(Prompt),
    Confirm {
        message: String,
        yes: Action,
    },
    Notice {
        title: String,
        big: String,
        lines: Vec<String>,
    },
    Worker(WorkerPicker),
}

/// What a key did in a modal.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Stay,
    Close,
    /// Close and act.
    Do(Action),
    /// A prompt's answers, to check and use (the modal stays until the app closes it).
    Submit,
    /// A worker was chosen or typed.
    Worker(String),
}

impl Modal {
    pub fn menu(title: String, items: Vec<(String, Action)>) -> Modal {
        Modal::Menu(Menu {
            title,
            items,
            list: ListView::default(),
        })
    }

    pub fn worker_picker(workers: Vec<String>) -> Modal {
        let on_new = workers.is_empty();
        Modal::Worker(WorkerPicker {
            workers,
            list: ListView::default(),
            new_name: TextInput::new(40),
            on_new,
            error: None,
        })
    }

    /// Whether the modal takes typed letters.
    pub fn typing(&self) -> bool {
        match self {
            Modal::Prompt(p) => p.form.focused().is_some_and(|f| f.is_typing()),
            Modal::Worker(w) => w.on_new,
            _ => false,
        }
    }

    pub fn footer(&self) -> Vec<Command> {
        match self {
            Modal::Menu(_) => vec![Command::Down, Command::Open, Command::Back],
            Modal::Prompt(_) => vec![Command::NextField, Command::Save, Command::Back],
            Modal::Confirm { .. } | Modal::Notice { .. } => vec![Command::Open, Command::Back],
            Modal::Worker(_) => vec![Command::Down, Command::Open, Command::NextField],
        }
    }

    pub fn handle_key(&mut self, key: &Key) -> Outcome {
        let typing = self.typing();
        match self {
            Modal::Menu(menu) => {
                // Digits pick an item directly (Arabic-Indic digits too).
                if let KeyCode::Char(c) = key.code
                    && !key.ctrl
                    && !key.alt
                    && let Some(d) = latin_equivalent(c).to_digit(10)
                    && d >= 1
                    && (d as usize) <= menu.items.len()
                {
                    return Outcome::Do(menu.items[d as usize - 1].1.clone());
                }
                match keys::command(key, Scope::List, false) {
                    Some(Command::Open) => menu
                        .items
                        .get(menu.list.selected)
                        .map(|i| Outcome::Do(i.1.clone()))
                        .unwrap_or(Outcome::Close),
                    Some(Command::Back | Command::Menu) => Outcome::Close,
                    _ => {
                        menu.list.handle(key, menu.items.len());
                        Outcome::Stay
                    }
                }
            }
            Modal::Prompt(prompt) => {
                let back = keys::command(key, Scope::Form, typing) == Some(Command::Back);
                if !back {
                    prompt.esc_armed = false;
                }
                match keys::command(key, Scope::Form, typing) {
                    Some(Command::Save) => {
                        prompt.form.blur_focused();
                        return Outcome::Submit;
                    }
                    Some(Command::Back) => {
                        // Esc first closes an open drop-down, then asks once before
                        // dropping typed answers.
                        if prompt.form.focused_mut().is_some_and(|f| f.close_picker()) {
                            return Outcome::Stay;
                        }
                        let typed = prompt.initial.as_ref().is_some_and(|i| *i != prompt.form);
                        if typed && !prompt.esc_armed {
                            prompt.esc_armed = true;
                            prompt.error = Some(t("prompt-esc-again"));
                            return Outcome::Stay;
                        }
                        return Outcome::Close;
                    }
                    Some(Command::NextField) => {
                        prompt.form.blur_focused();
                        prompt.form.focus_next();
                        return Outcome::Stay;
                    }
                    Some(Command::PrevField) => {
                        prompt.form.blur_focused();
                        prompt.form.focus_prev();
                        return Outcome::Stay;
                    }
                    _ => {}
                }
                let edit = prompt.form.handle(key);
                if edit == Edit::Ignored && key.code == KeyCode::Enter {
                    // Enter moves on; on the last field it submits.
                    if !prompt.form.focus_next() {
                        return Outcome::Submit;
                    }
                }
                if matches!(edit, Edit::Changed)
                    && let Some(f) = prompt.form.focused_mut()
                {
                    f.error = None;
                }
                if edit == Edit::Truncated {
                    prompt.error = Some(t("field-cut"));
                }
                Outcome::Stay
            }
            Modal::Confirm { yes, .. } => match key.code {
                KeyCode::Enter => Outcome::Do(yes.clone()),
                KeyCode::Esc => Outcome::Close,
                _ => Outcome::Stay,
            },
            Modal::Notice { .. } => match key.code {
                KeyCode::Enter | KeyCode::Esc => Outcome::Close,
                _ => Outcome::Stay,
            },
            Modal::Worker(w) => {
                if matches!(key.code, KeyCode::Tab | KeyCode::BackTab) && !w.workers.is_empty() {
                    w.on_new = !w.on_new;
                    return Outcome::Stay;
                }
                if key.code == KeyCode::Esc {
                    return if w.workers.is_empty() {
                        Outcome::Stay
                    } else {
                        Outcome::Close
                    };
                }
                if w.on_new {
                    if key.code == KeyCode::Enter {
                        let name = w.new_name.value.trim().to_string();
                        if name.is_empty() {
                            w.error = Some(t("worker-empty"));
                            return Outcome::Stay;
                        }
                        return Outcome::Worker(name);
                    }
                    if w.new_name.handle(key) == Edit::Truncated {
                        w.error = Some(t("field-cut"));
                    }
                    Outcome::Stay
                } else if key.code == KeyCode::Enter {
                    w.workers
                        .get(w.list.selected)
                        .map(|n| Outcome::Worker(n.clone()))
                        .unwrap_or(Outcome::Stay)
                } else {
                    w.list.handle(key, w.workers.len());
                    Outcome::Stay
                }
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect, theme: &Theme) {
        let plain = ratatui::style::Style::default();
        match self {
            Modal::Menu(menu) => {
                let width =
                    menu.items
                        .iter()
                        .map(|(l, _)| crate::tui::widgets::width(l))
                        .max()
                        .unwrap_or(10)
                        .max(crate::tui::widgets::width(&menu.title)) as u16
                        + 10;
                let area = centered(screen, width, menu.items.len() as u16 + 2);
                ui::clear(frame, area);
                let inner = ui::boxed(frame, area, &menu.title);
                let locale = crate::i18n::format::Locale::current();
                let number_width = if menu.items.len() > 9 { 2 } else { 1 };
                let visible = menu.list.visible(menu.items.len(), inner.height as usize);
                for (y, i) in (inner.top()..inner.bottom()).zip(visible) {
                    let selected = i == menu.list.selected;
                    let (mark, style) = if selected {
                        ("> ", theme.selected())
                    } else {
                        ("  ", plain)
                    };
                    ui::table_row(
                        frame,
                        Rect {
                            y,
                            height: 1,
                            ..inner
                        },
                        mark,
                        vec![
                            (Line::from(locale.int(i as i64 + 1)), number_width),
                            (
                                Line::from(menu.items[i].0.clone()),
                                inner.width.saturating_sub(2 + number_width + ui::GAP),
                            ),
                        ],
                        style,
                    );
                }
            }
            Modal::Prompt(p) => {
                let rows = p.form.fields.iter().filter(|f| !f.hidden).count() as u16;
                let intro_rows = if p.intro.is_empty() { 0 } else { 2 };
                let area = centered(screen, 74, rows + intro_rows + 4);
                ui::clear(frame, area);
                let inner = ui::boxed(frame, area, &p.title);
                let mut y = inner.y;
                if !p.intro.is_empty() {
                    ui::wrapped(
                        frame,
                        Rect {
                            y,
                            height: 2,
                            ..inner
                        },
                        &p.intro,
                        theme.muted(),
                    );
                    y += 2;
                }
                let ids: Vec<crate::tui::field::FieldId> =
                    p.form.fields.iter().map(|f| f.id).collect();
                let fields_area = Rect {
                    y,
                    height: rows,
                    ..inner
                };
                p.form
                    .render_rows(frame, fields_area, &ids, p.label_width, true, theme);
                let error = p
                    .form
                    .focused()
                    .and_then(|f| f.error.clone())
                    .or(p.error.clone());
                let last = Rect {
                    y: inner.bottom().saturating_sub(1),
                    height: 1,
                    ..inner
                };
                match error {
                    Some(e) => ui::row(
                        frame,
                        last,
                        vec![
                            Bit::glyph(Span::styled("! ", theme.error())),
                            Bit::text(Span::styled(e, theme.error())),
                        ],
                    ),
                    None => ui::line(frame, last, Span::styled(t("prompt-keys"), theme.muted())),
                }
                let focus_row = p
                    .form
                    .fields
                    .iter()
                    .take(p.form.focus)
                    .filter(|f| !f.hidden)
                    .count() as u16;
                let offset = p.form.value_offset(p.label_width) as u16;
                let anchor = Rect {
                    x: fields_area.x + offset,
                    y: fields_area.y + focus_row,
                    width: fields_area.width.saturating_sub(offset),
                    height: 1,
                };
                p.form.render_picker(frame, anchor, screen, theme);
            }
            Modal::Confirm { message, .. } => {
                // As tall as the message wrapped, a blank row and the keys.
                let rows = ui::wrap_words(message, 62).len() as u16;
                let area = centered(screen, 64, rows.clamp(2, 12) + 4);
                ui::clear(frame, area);
                let inner = ui::boxed(frame, area, &t("confirm-title"));
                let used = ui::wrapped(
                    frame,
                    Rect {
                        height: inner.height.saturating_sub(2),
                        ..inner
                    },
                    message,
                    plain,
                );
                let keys = Rect {
                    y: inner.y + used + 1,
                    height: 1,
                    ..inner
                };
                if keys.y < inner.bottom() {
                    ui::wrapped(frame, keys, &t("confirm-keys"), theme.muted());
                }
            }
            Modal::Notice { title, big, lines } => {
                let area = centered(screen, 60, lines.len() as u16 + 7);
                ui::clear(frame, area);
                let inner = ui::boxed(frame, area, title);
                let spaced: String = big.chars().flat_map(|c| [c, ' ']).collect();
                ui::line(
                    frame,
                    Rect {
                        y: inner.y + 1,
                        height: 1,
                        ..inner
                    },
                    Line::from(Span::styled(spaced.trim_end().to_string(), theme.success()))
                        .centered(),
                );
                let mut y = inner.y + 3;
                for text in lines {
                    if y >= inner.bottom() {
                        break;
                    }
                    y += ui::wrapped(
                        frame,
                        Rect {
                            y,
                            height: inner.bottom() - y,
                            ..inner
                        },
                        text,
                        plain,
                    );
                }
                if y < inner.bottom() {
                    ui::wrapped(
                        frame,
                        Rect {
                            y,
                            height: inner.bottom() - y,
                            ..inner
                        },
                        &t("notice-keys"),
                        theme.muted(),
                    );
                }
            }
            Modal::Worker(w) => {
                let area = centered(screen, 66, w.workers.len().min(8) as u16 + 8);
                ui::clear(frame, area);
                let inner = ui::boxed(frame, area, &t("worker-title"));
                let mut y = inner.y;
                y += ui::wrapped(
                    frame,
                    Rect { height: 1, ..inner },
                    &t("worker-intro"),
                    theme.muted(),
                );
                for i in w.list.visible(w.workers.len(), 8) {
                    let selected = !w.on_new && i == w.list.selected;
                    let (mark, style) = if selected {
                        ("> ", theme.selected())
                    } else {
                        ("  ", plain)
                    };
                    ui::table_row(
                        frame,
                        Rect {
                            y,
                            height: 1,
                            ..inner
                        },
                        mark,
                        vec![(
                            Line::from(w.workers[i].clone()),
                            inner.width.saturating_sub(2),
                        )],
                        style,
                    );
                    y += 1;
                }
                y += 1;
                let label_style = if w.on_new {
                    theme.focus()
                } else {
                    theme.title()
                };
                ui::row(
                    frame,
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    vec![
                        Bit::text(Span::styled(t("worker-new"), label_style)),
                        Bit::glyph(" ["),
                        Bit::Text(
                            w.new_name
                                .spans(24, w.on_new, theme.focus(), theme.selected()),
                        ),
                        Bit::glyph("]"),
                    ],
                );
                y += 1;
                if let Some(e) = &w.error {
                    ui::row(
                        frame,
                        Rect {
                            y,
                            height: 1,
                            ..inner
                        },
                        vec![
                            Bit::glyph(Span::styled("! ", theme.error())),
                            Bit::text(Span::styled(e.clone(), theme.error())),
                        ],
                    );
                    y += 1;
                }
                let hint = if w.workers.is_empty() {
                    t("worker-keys-first")
                } else {
                    t("worker-keys")
                };
                if y < inner.bottom() {
                    ui::wrapped(
                        frame,
                        Rect {
                            y,
                            height: inner.bottom() - y,
                            ..inner
                        },
                        &hint,
                        theme.muted(),
                    );
                }
            }
        }
    }
}
