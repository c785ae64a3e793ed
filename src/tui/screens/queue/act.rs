//! What the Queue's actions do: a conflict's values offered, one kept or typed; a
//! likely pair opened side by side (what it decides is in pair.rs).
use uuid::Uuid;

use crate::i18n::{Arg, t, tr};
use crate::store::Edit;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::field::FieldId;
use crate::tui::prompts;
use crate::tui::screens::modal::{Modal, Prompt, Purpose};

/// What the Queue asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum QueueAction {
    /// The values of conflict `n`, to keep one.
    ConflictMenu(usize),
    /// Type a new value for the text field of conflict `n`.
    AskResolveText(usize),
    /// Resolve a conflict by keeping a value (an ordinary change that syncs).
    Resolve {
        tag: u8,
        id: Uuid,
        field: usize,
        value: Vec<u8>,
    },
    /// Likely pair `n`, side by side (pair.rs).
    OpenPair(usize),
    /// What the pair view asks (pair.rs).
    Pair(super::pair::PairAction),
}

/// The Queue's pop-up form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueuePrompt {
    /// A typed value for a conflicted text field.
    ResolveText { tag: u8, id: Uuid, field: usize },
}

impl App {
    pub(in crate::tui) fn queue_action(&mut self, action: QueueAction) {
        match action {
            QueueAction::OpenPair(i) => self.open_pair(i),
            QueueAction::Pair(a) => self.pair_action(a),
            QueueAction::ConflictMenu(i) => {
                let Some(c) = self.data.conflicts.get(i) else {
                    return;
                };
                let mut items: Vec<(String, Action)> = c
                    .values
                    .iter()
                    .map(|v| {
                        let label = tr(
                            "conflict-keep",
                            &[
                                ("value", Arg::Str(&crate::tui::widgets::fit(&v.shown, 30))),
                                ("who", Arg::Str(&v.author)),
                                ("when", Arg::Str(&self.data.short_date(v.at))),
                            ],
                        );
                        (
                            label,
                            Action::Queue(QueueAction::Resolve {
                                tag: c.tag,
                                id: c.id,
                                field: c.field,
                                value: v.value.clone(),
                            }),
                        )
                    })
                    .collect();
                if c.typed {
                    items.push((
                        t("conflict-type"),
                        Action::Queue(QueueAction::AskResolveText(i)),
                    ));
                }
                let title = format!("{} · {}", c.label, c.field_name);
                self.modal = Some(Modal::menu(title, items));
            }
            QueueAction::AskResolveText(i) => {
                let Some(c) = self.data.conflicts.get(i) else {
                    return;
                };
                let current = c
                    .values
                    .iter()
                    .find(|v| v.current)
                    .map(|v| v.shown.clone())
                    .unwrap_or_default();
                self.open_prompt(
                    format!("{} · {}", c.label, c.field_name),
                    t("conflict-type-intro"),
                    prompts::resolve_text_form(&current),
                    Purpose::Queue(QueuePrompt::ResolveText {
                        tag: c.tag,
                        id: c.id,
                        field: c.field,
                    }),
                    14,
                );
            }
            QueueAction::Resolve {
                tag,
                id,
                field,
                value,
            } => {
                let Some(worker) = self.worker() else { return };
                match self.store.apply(
                    &worker,
                    &[Edit::Resolve {
                        tag,
                        id,
                        field,
                        value,
                    }],
                ) {
                    Ok(_) => {
                        self.say(t("conflict-resolved"), Tone::Success);
                        self.spawn_load();
                    }
                    Err(e) => self.fail(e),
                }
            }
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn queue_submit(
        &mut self,
        purpose: &QueuePrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        match purpose {
            QueuePrompt::ResolveText { tag, id, field } => {
                let text = prompt.form.text(FieldId::Value);
                match self.store.typed_resolution(*tag, *id, *field, &text) {
                    Ok(value) => {
                        self.modal = None;
                        self.update(Action::Queue(QueueAction::Resolve {
                            tag: *tag,
                            id: *id,
                            field: *field,
                            value,
                        }));
                        Ok(())
                    }
                    Err(e) => Err((FieldId::Value, e.to_string())),
                }
            }
        }
    }
}
