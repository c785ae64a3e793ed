//! Intake (F2): find a household by name, case code or phone, or record a new one in
//! three steps (who and where; consent; needs), with likely duplicates shown while the
//! name, year and place are typed. Ctrl+S checks everything, jumps to the first problem,
//! and saves.

pub mod act;

use ratatui::crossterm::event::KeyCode;

use super::Data;
use crate::i18n::t;
use crate::search::households::HouseholdRow;
use crate::tui::action::Action;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::screens::intake::act::IntakeAction;
use crate::tui::screens::{Component, Handled};
use crate::tui::theme::Theme;
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::text::{Edit, TextInput};
use ratatui::Frame;
use ratatui::layout::Rect;

mod draw;
mod form;

pub use form::{HouseholdForm, sex_label};
use form::{WHO_LEFT, WHO_RIGHT};

/// How many lookup results are kept.
pub const LOOKUP_LIMIT: usize = 200;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Step {
    Who,
    Consent,
    Needs,
}

impl Step {
    fn number(self) -> i64 {
        match self {
            Step::Who => 1,
            Step::Consent => 2,
            Step::Needs => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lookup,
    Form,
}

pub struct State {
    pub mode: Mode,
    pub query: TextInput,
    pub hits: Vec<HouseholdRow>,
    /// How many households the search matched in all (the list keeps the best
    /// `LOOKUP_LIMIT`).
    pub matched: crate::search::households::Matched,
    pub list: ListView,
    pub generation: u64,
    pub searching: bool,
    pub form: Option<HouseholdForm>,
}

impl Default for State {
    fn default() -> Self {
        State {
            mode: Mode::Lookup,
            query: TextInput::new(60),
            hits: Vec::new(),
            matched: Default::default(),
            list: ListView::default(),
            generation: 0,
            searching: false,
            form: None,
        }
    }
}

impl State {
    pub fn unsaved(&self) -> bool {
        self.mode == Mode::Form && self.form.as_ref().is_some_and(|f| f.dirty)
    }

    fn lookup_key(&mut self, key: &Key) -> Option<Action> {
        match keys::command(key, Scope::List, true) {
            Some(Command::New) => return Some(Action::Intake(IntakeAction::New)),
            Some(Command::Open) => {
                return self
                    .hits
                    .get(self.list.selected)
                    .map(|h| Action::Intake(IntakeAction::Open(h.id)));
            }
            Some(Command::Up | Command::Down | Command::PageUp | Command::PageDown) => {
                self.list.handle(key, self.hits.len());
                return None;
            }
            Some(Command::Menu) => return Some(Action::Menu),
            _ => {}
        }
        match self.query.handle(key) {
            Edit::Changed | Edit::Truncated => {
                Some(Action::Intake(IntakeAction::Find(self.query.value.clone())))
            }
            _ => None,
        }
    }

    fn form_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        let typing = self.typing();
        let form = self.form.as_mut()?;
        let command = keys::command(key, Scope::Form, typing);
        // In the members and needs lists, Enter opens (a list binding).
        let opens = keys::command(key, Scope::List, false) == Some(Command::Open);
        match command {
            Some(Command::Save) => {
                if let Some(id) = form.who.blur_focused() {
                    let _ = form.field_changed(id, data);
                }
                if form.consent.blur_focused().is_some() {
                    form.dirty = true;
                }
                return Some(Action::Intake(IntakeAction::Save));
            }
            Some(Command::Back) => {
                // Esc first closes an open drop-down.
                if form
                    .current_form()
                    .and_then(|f| f.focused_mut())
                    .is_some_and(|f| f.close_picker())
                {
                    return None;
                }
                return Some(Action::Intake(IntakeAction::Discard));
            }
            Some(Command::NextStep) => {
                form.step = match form.step {
                    Step::Who => Step::Consent,
                    _ => Step::Needs,
                };
                return None;
            }
            Some(Command::PrevStep) => {
                form.step = match form.step {
                    Step::Needs => Step::Consent,
                    _ => Step::Who,
                };
                return None;
            }
            Some(Command::Menu) => return Some(Action::Menu),
            Some(Command::NextProblem) => {
                // Leaving a drop-down being typed into picks, as Tab does.
                if let Some(id) = form.who.blur_focused() {
                    let _ = form.field_changed(id, data);
                }
                if form.consent.blur_focused().is_some() {
                    form.dirty = true;
                    form.recheck(&data.gazetteer, data.now);
                }
                if !form.next_problem() {
                    return Some(Action::Say(t("problems-none")));
                }
                return None;
            }
            _ => {}
        }
        match form.step {
            Step::Who if form.on_members => match command {
                Some(Command::NextField) => {
                    form.on_members = false;
                    form.who.focus = form.who.first_visible();
                    None
                }
                Some(Command::PrevField) => {
                    form.on_members = false;
                    form.who.focus = form.who.last_visible();
                    None
                }
                Some(Command::Add) => Some(Action::Intake(IntakeAction::EditMember(None))),
                _ if opens => (!form.members.is_empty()).then_some(Action::Intake(
                    IntakeAction::EditMember(Some(form.members_list.selected)),
                )),
                Some(Command::Remove) if !form.members.is_empty() => {
                    let i = form.members_list.selected.min(form.members.len() - 1);
                    form.members.remove(i);
                    form.members_list.clamp(form.members.len());
                    form.dirty = true;
                    form.recheck(&data.gazetteer, data.now);
                    None
                }
                _ => {
                    form.members_list.handle(key, form.members.len());
                    None
                }
            },
            Step::Who => {
                if let Some(Command::NextField | Command::PrevField) = command {
                    // Leaving a choice being filtered picks its best match: that is a
                    // change like any other.
                    let changed = form.who.blur_focused();
                    let moved = if command == Some(Command::NextField) {
                        form.who.focus_next()
                    } else {
                        form.who.focus_prev()
                    };
                    if !moved {
                        form.on_members = true;
                    }
                    return changed.and_then(|id| form.field_changed(id, data));
                }
                let before = form.who.focused().map(|f| f.id);
                let edit = form.who.handle(key);
                // Enter on a text field moves on, like Tab.
                if edit == Edit::Ignored && key.code == KeyCode::Enter && !key.ctrl {
                    if !form.who.focus_next() {
                        form.on_members = true;
                    }
                    return None;
                }
                if edit == Edit::Truncated {
                    return Some(Action::FieldFull);
                }
                if edit == Edit::Changed {
                    return before.and_then(|id| form.field_changed(id, data));
                }
                None
            }
            Step::Consent => {
                if let Some(Command::NextField | Command::PrevField) = command {
                    if form.consent.blur_focused().is_some() {
                        form.dirty = true;
                        form.recheck(&data.gazetteer, data.now);
                    }
                    if command == Some(Command::NextField) {
                        form.consent.focus_next();
                    } else {
                        form.consent.focus_prev();
                    }
                    return None;
                }
                let edit = form.consent.handle(key);
                if edit == Edit::Changed {
                    form.dirty = true;
                    if let Some(f) = form.consent.focused_mut() {
                        f.error = None;
                    }
                    form.recheck(&data.gazetteer, data.now);
                }
                None
            }
            Step::Needs => match command {
                Some(Command::Add) => Some(Action::Intake(IntakeAction::EditNeed(None))),
                _ if opens && !form.needs.is_empty() => Some(Action::Menu),
                Some(Command::Remove) if !form.needs.is_empty() => {
                    let i = form.needs_list.selected.min(form.needs.len() - 1);
                    // A saved need is closed, not removed: it may have referrals.
                    if form.saved_needs.contains(&form.needs[i].id) {
                        return Some(Action::Say(t("need-saved-not-removed")));
                    }
                    form.needs.remove(i);
                    form.needs_list.clamp(form.needs.len());
                    form.dirty = true;
                    form.recheck(&data.gazetteer, data.now);
                    None
                }
                _ => {
                    form.needs_list.handle(key, form.needs.len());
                    None
                }
            },
        }
    }
    fn on_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        match self.mode {
            Mode::Lookup => self.lookup_key(key),
            Mode::Form => self.form_key(key, data),
        }
    }
}

impl Component for State {
    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        self.draw(frame, area, data, theme)
    }

    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        self.on_key(key, data).into()
    }

    fn typing(&self) -> bool {
        match self.mode {
            Mode::Lookup => true,
            Mode::Form => self.form.as_ref().is_some_and(|f| f.typing()),
        }
    }

    /// The footer's commands here.
    fn footer(&self) -> Vec<Command> {
        match (
            self.mode,
            self.form.as_ref().map(|f| (f.step, f.on_members)),
        ) {
            (Mode::Lookup, _) => vec![Command::Open, Command::New, Command::Help, Command::Quit],
            (Mode::Form, Some((Step::Needs, _))) | (Mode::Form, Some((Step::Who, true))) => {
                vec![
                    Command::Add,
                    Command::Open,
                    Command::Remove,
                    Command::NextStep,
                    Command::Save,
                    Command::Back,
                ]
            }
            // Problems to fix: the key to the next one first (PgDn, still in the help,
            // makes room for it at 80 columns).
            _ if self.form.as_ref().is_some_and(|f| !f.problems.is_empty()) => vec![
                Command::NextProblem,
                Command::NextField,
                Command::Save,
                Command::Menu,
                Command::Back,
            ],
            _ => vec![
                Command::NextField,
                Command::NextStep,
                Command::Save,
                Command::Menu,
                Command::Back,
            ],
        }
    }
}
