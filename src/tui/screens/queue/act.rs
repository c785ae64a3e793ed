//! What the Queue's actions do: a conflict's values offered, one kept or typed; a need
//! referred from its row; a likely pair opened side by side (what it decides is in
//! pair.rs); and the action menu (F9) of the selected row.
use uuid::Uuid;

use crate::i18n::{Arg, t, tr};
use crate::store::Edit;
use crate::tui::ScreenId;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone, fit_title};
use crate::tui::errors::Shown;
use crate::tui::field::FieldId;
use crate::tui::prompts;
use crate::tui::screens::intake::act::IntakeAction;
use crate::tui::screens::modal::{Modal, Prompt, Purpose};
use crate::tui::screens::queue::Row;
use crate::tui::screens::referrals::act::{ReferralAction, referral_items};

/// What the Queue asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum QueueAction {
    /// The values of conflict `n`, to keep one.
    ConflictMenu(usize),
    /// Type a new value for the text field of conflict `n`.
    AskResolveText(usize),
    /// Open the household and refer this need of it (a need with no referral, or one
    /// whose referral was rejected).
    Refer { household: Uuid, need: Uuid },
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
                let mut title = String::new();
                let mut items = Vec::new();
                self.conflict_items(i, &mut title, &mut items);
                if !items.is_empty() {
                    self.modal = Some(Modal::menu(title, items));
                }
            }
            QueueAction::Refer { household, need } => {
                self.update(Action::Intake(IntakeAction::Open(household)));
                // Unless another household's unsaved form asked first.
                let opened = self
                    .screens
                    .intake
                    .form
                    .as_ref()
                    .is_some_and(|f| f.id == household);
                if opened && self.modal.is_none() {
                    self.refer_need(household, need);
                }
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

    /// The values of conflict `i`, each to keep, and a typed one where the field takes it.
    fn conflict_items(&self, i: usize, title: &mut String, items: &mut Vec<(String, Action)>) {
        let Some(c) = self.data.conflicts.get(i) else {
            return;
        };
        *title = format!("{} · {}", c.label, c.field_name);
        items.extend(c.values.iter().map(|v| {
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
        }));
        if c.typed {
            items.push((
                t("conflict-type"),
                Action::Queue(QueueAction::AskResolveText(i)),
            ));
        }
    }

    /// The action menu (F9) of the selected row: a referral's moves as on Referrals, its
    /// need referred again, its household; a need referred; a conflict's values; each
    /// household of a likely duplicate group; a household due for erasure opened or erased.
    pub(in crate::tui) fn queue_menu(&self, title: &mut String, items: &mut Vec<(String, Action)>) {
        let queue = &self.screens.queue;
        let data = &self.data;
        let open_household = |id: Uuid, code: &str| {
            (
                tr("menu-open-household", &[("code", Arg::Str(code))]),
                Action::Intake(IntakeAction::Open(id)),
            )
        };
        match queue.rows.get(queue.list.selected) {
            Some(Row::Awaiting(i) | Row::PastFollowUp(i) | Row::Rejected(i)) => {
                let Some(r) = data.referrals.get(*i as usize) else {
                    return;
                };
                *title = fit_title(&format!(
                    "{} → {}",
                    r.case_code,
                    data.org_name(r.organization)
                ));
                items.push((
                    t("menu-open-referral"),
                    Action::Referral(ReferralAction::Open(r.id)),
                ));
                items.extend(referral_items(r.id, r.status));
                if matches!(queue.rows.get(queue.list.selected), Some(Row::Rejected(_))) {
                    items.push((
                        t("menu-refer-again"),
                        Action::Queue(QueueAction::Refer {
                            household: r.household,
                            need: r.need,
                        }),
                    ));
                }
                items.push(open_household(r.household, &r.case_code));
            }
            Some(Row::Unreferred(i)) => {
                let Some(n) = data.unreferred.get(*i as usize) else {
                    return;
                };
                *title = fit_title(&format!("{} · {}", n.case_code, n.description));
                items.push((
                    t("menu-refer"),
                    Action::Queue(QueueAction::Refer {
                        household: n.household,
                        need: n.id,
                    }),
                ));
                items.push(open_household(n.household, &n.case_code));
            }
            Some(Row::Conflict(i)) => self.conflict_items(*i as usize, title, items),
            Some(Row::Duplicates(i)) => {
                let Some(group) = data.duplicate_groups.get(*i as usize) else {
                    return;
                };
                *title = fit_title(&t("menu-duplicates-title"));
                for h in group {
                    items.push(open_household(h.id, &h.case_code));
                }
            }
            Some(Row::DueForErasure(i)) => {
                let Some(d) = data.due_for_erasure.get(*i as usize) else {
                    return;
                };
                *title = d.case_code.to_string();
                items.push(open_household(d.id, &d.case_code));
                items.push((
                    t("menu-erase"),
                    Action::Intake(IntakeAction::AskErase(d.id)),
                ));
            }
            Some(Row::Team(_) | Row::Fork(_)) => {
                items.push((t("menu-show-sync"), Action::Show(ScreenId::Sync)))
            }
            Some(Row::Heading(_)) | None => {}
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
                    Err(e) => Err((FieldId::Value, e.shown())),
                }
            }
        }
    }
}
