//! Pop-ups over a screen: an action menu (every action reachable without letter keys),
//! a small form (a member, a need, a referral draft, a reason), a confirmation, a notice
//! (the saved case code, large enough to write down), and the worker picker.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::i18n::t;
use crate::tui::action::Action;
use crate::tui::keys::{self, Command, Key, Scope, latin_equivalent};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::Form;
use crate::tui::widgets::list::{ListView, row_line};
use crate::tui::widgets::text::{Edit, TextInput};
use crate::tui::widgets::{centered, fit};

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
        match self {
            Modal::Menu(menu) => {
                let width = menu
                    .items
                    .iter()
                    .map(|(l, _)| l.chars().count())
                    .max()
                    .unwrap_or(10)
                    .max(menu.title.chars().count()) as u16
                    + 10;
                let area = centered(screen, width, menu.items.len() as u16 + 2);
                frame.render_widget(Clear, area);
                let block = Block::bordered().title(menu.title.clone());
                let inner = block.inner(area);
                frame.render_widget(block, area);
                let lines: Vec<Line> = menu
                    .list
                    .visible(menu.items.len(), inner.height as usize)
                    .map(|i| {
                        row_line(
                            format!("{} {}", i + 1, menu.items[i].0),
                            i == menu.list.selected,
                            theme,
                        )
                    })
                    .collect();
                frame.render_widget(Paragraph::new(lines), inner);
            }
            Modal::Prompt(p) => {
                let rows = p.form.fields.iter().filter(|f| !f.hidden).count() as u16;
                let intro_rows = if p.intro.is_empty() { 0 } else { 2 };
                let area = centered(screen, 74, rows + intro_rows + 4);
                frame.render_widget(Clear, area);
                let block = Block::bordered().title(p.title.clone());
                let inner = block.inner(area);
                frame.render_widget(block, area);
                let mut y = inner.y;
                if !p.intro.is_empty() {
                    frame.render_widget(
                        Paragraph::new(Span::styled(p.intro.clone(), theme.muted()))
                            .wrap(Wrap { trim: true }),
                        Rect {
                            y,
                            height: 2,
                            ..inner
                        },
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
                    Some(e) => frame.render_widget(
                        Paragraph::new(Span::styled(
                            format!("! {}", fit(&e, inner.width as usize - 2)),
                            theme.error(),
                        )),
                        last,
                    ),
                    None => frame.render_widget(
                        Paragraph::new(Span::styled(t("prompt-keys"), theme.muted())),
                        last,
                    ),
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
                let area = centered(screen, 64, 6);
                frame.render_widget(Clear, area);
                let block = Block::bordered().title(t("confirm-title"));
                let inner = block.inner(area);
                frame.render_widget(block, area);
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::from(message.clone()),
                        Line::from(""),
                        Line::from(Span::styled(t("confirm-keys"), theme.muted())),
                    ])
                    .wrap(Wrap { trim: true }),
                    inner,
                );
            }
            Modal::Notice { title, big, lines } => {
                let area = centered(screen, 60, lines.len() as u16 + 7);
                frame.render_widget(Clear, area);
                let block = Block::bordered().title(title.clone());
                let inner = block.inner(area);
                frame.render_widget(block, area);
                let spaced: String = big.chars().flat_map(|c| [c, ' ']).collect();
                let mut text = vec![
                    Line::from(""),
                    Line::from(Span::styled(spaced.trim_end().to_string(), theme.success()))
                        .centered(),
                    Line::from(""),
                ];
                text.extend(lines.iter().map(|l| Line::from(l.clone())));
                text.push(Line::from(Span::styled(t("notice-keys"), theme.muted())));
                frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
            }
            Modal::Worker(w) => {
                let area = centered(screen, 66, w.workers.len().min(8) as u16 + 8);
                frame.render_widget(Clear, area);
                let block = Block::bordered().title(t("worker-title"));
                let inner = block.inner(area);
                frame.render_widget(block, area);
                let mut lines = vec![Line::from(Span::styled(t("worker-intro"), theme.muted()))];
                for i in w.list.visible(w.workers.len(), 8) {
                    lines.push(row_line(
                        w.workers[i].clone(),
                        !w.on_new && i == w.list.selected,
                        theme,
                    ));
                }
                lines.push(Line::from(""));
                let mut spans = vec![
                    Span::styled(
                        format!("{} ", t("worker-new")),
                        if w.on_new {
                            theme.focus()
                        } else {
                            theme.title()
                        },
                    ),
                    Span::raw("["),
                ];
                spans.extend(
                    w.new_name
                        .spans(24, w.on_new, theme.focus(), theme.selected())
                        .spans,
                );
                spans.push(Span::raw("]"));
                lines.push(Line::from(spans));
                if let Some(e) = &w.error {
                    lines.push(Line::from(Span::styled(format!("! {e}"), theme.error())));
                }
                let hint = if w.workers.is_empty() {
                    t("worker-keys-first")
                } else {
                    t("worker-keys")
                };
                lines.push(Line::from(Span::styled(hint, theme.muted())));
                frame.render_widget(Paragraph::new(lines), inner);
            }
        }
    }
}
