//! The app's side of drafts (tui/draft.rs): written on a worker thread a few seconds
//! after the last key, deleted as soon as nothing unsaved is left, offered back at the
//! next start.

use crate::i18n::{Arg, t, tr};
use crate::tui::ScreenId;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::draft::{Draft, HouseholdDraft, PromptDraft, QUIET_MS, Reopen};
use crate::tui::jobs::JobResult;
use crate::tui::screens::intake::{HouseholdForm, Mode};
use crate::tui::screens::modal::Modal;

/// What the app knows of the stored draft.
#[derive(Default)]
pub(in crate::tui) struct Drafts {
    /// The draft as last written (none: no draft is stored by this window).
    written: Option<Vec<u8>>,
    /// A draft left by an earlier run, to offer once no pop-up is open.
    offer: Option<Draft>,
    /// A draft of an earlier run the worker has not restored nor discarded (Esc on the
    /// offer): kept until something new is typed.
    left: bool,
}

impl Drafts {
    /// What an earlier run left, read when the screens open.
    pub(in crate::tui) fn found(bytes: Option<Vec<u8>>) -> Drafts {
        let offer = bytes.as_deref().and_then(Draft::decode);
        Drafts {
            // An unreadable draft (another version's) is dropped the first time the app
            // settles its drafts.
            written: bytes,
            offer,
            left: false,
        }
    }
}

impl App {
    /// What is being typed now and not saved, as a draft (none: nothing).
    fn current_draft(&self) -> Option<Draft> {
        let household = self
            .screens
            .intake
            .form
            .as_ref()
            .filter(|_| self.screens.intake.unsaved())
            .map(|f| HouseholdDraft {
                id: f.id,
                existing: f.existing.as_ref().map(|h| h.id),
                step: f.step,
                who: f.who.values(),
                consent: f.consent.values(),
                members: f.members.clone(),
                needs: f.needs.clone(),
            });
        let prompt = match &self.modal {
            Some(Modal::Prompt(p)) if p.initial.as_ref() != Some(&p.form) => Reopen::of(&p.purpose)
                .map(|reopen| PromptDraft {
                    reopen,
                    values: p.form.values(),
                }),
            _ => None,
        };
        if household.is_none() && prompt.is_none() {
            return None;
        }
        Some(Draft {
            at: self.data.now,
            worker: self.data.worker.clone().unwrap_or_default(),
            household,
            prompt,
        })
    }

    /// On each tick: a few seconds after the last key, writes what is typed (when it
    /// changed since the last draft) on a worker thread.
    pub(in crate::tui) fn keep_draft(&mut self) {
        if self.drafts.offer.is_some() || self.data.now.0 - self.last_active.0 < QUIET_MS {
            return;
        }
        let Some(mut draft) = self.current_draft() else {
            return;
        };
        // The time is not part of what changed.
        if let Some(old) = self.drafts.written.as_deref().and_then(Draft::decode) {
            draft.at = old.at;
            if old == draft {
                return;
            }
            draft.at = self.data.now;
        }
        let bytes = draft.encode();
        self.drafts.written = Some(bytes.clone());
        self.drafts.left = false;
        let store = self.store.clone();
        self.runner.spawn(move || {
            JobResult::DraftKept(store.save_draft(&bytes).map_err(|e| {
                use crate::tui::errors::Shown;
                e.shown()
            }))
        });
    }

    /// After every action: a draft with nothing unsaved left (the form saved or left, the
    /// pop-up answered or closed) is deleted at once.
    pub(in crate::tui) fn settle_draft(&mut self) {
        if self.drafts.written.is_none()
            || self.drafts.offer.is_some()
            || self.drafts.left
            || self.current_draft().is_some()
        {
            return;
        }
        self.forget_draft();
    }

    /// Deletes the draft (the worker discarded it, or quit without saving).
    pub(in crate::tui) fn forget_draft(&mut self) {
        self.drafts.written = None;
        self.drafts.left = false;
        if let Err(e) = self.store.drop_draft() {
            self.fail(e);
        }
    }

    /// Offers a draft of an earlier run once no pop-up is open (after the worker picker
    /// and any notice).
    pub(in crate::tui) fn offer_draft(&mut self) {
        if self.modal.is_some() || self.locked.is_some() {
            return;
        }
        let Some(draft) = self.drafts.offer.take() else {
            return;
        };
        let when = self.data.clock(draft.at);
        let title = if draft.household.is_some() {
            tr(
                "draft-offer-household",
                &[
                    ("when", Arg::Str(&when)),
                    ("worker", Arg::Str(&draft.worker)),
                ],
            )
        } else {
            tr(
                "draft-offer-form",
                &[
                    ("when", Arg::Str(&when)),
                    ("worker", Arg::Str(&draft.worker)),
                ],
            )
        };
        self.drafts.left = true;
        self.modal = Some(Modal::menu(
            title,
            vec![
                (t("draft-restore"), Action::RestoreDraft),
                (t("draft-discard"), Action::DropDraft),
            ],
        ));
    }

    /// Opens the stored draft again: the household form as it was, then the pop-up with
    /// its answers.
    pub(in crate::tui) fn restore_draft(&mut self) {
        self.modal = None;
        let Some(draft) = self.drafts.written.as_deref().and_then(Draft::decode) else {
            self.forget_draft();
            return self.say(t("draft-unreadable"), Tone::Error);
        };
        self.drafts.left = false;
        if let Some(h) = draft.household {
            let (existing, saved_needs) = match h.existing {
                Some(id) => match self.store.get::<crate::model::Household>(id) {
                    Ok(Some(stored)) if !self.store.is_erased(id).unwrap_or(true) => {
                        (Some(stored), self.store.needs_of(id).unwrap_or_default())
                    }
                    // Erased or gone meanwhile (an import): never brought back by a draft.
                    _ => {
                        self.forget_draft();
                        return self.say(t("draft-household-gone"), Tone::Error);
                    }
                },
                None => (None, Vec::new()),
            };
            let mut form = HouseholdForm::new(existing, saved_needs, &self.data.gazetteer);
            form.id = h.id;
            form.step = h.step;
            // Districts follow the governorate: fill in, list the districts, fill in again.
            form.who.restore(&h.who);
            form.sync_districts(&self.data.gazetteer);
            form.who.restore(&h.who);
            form.sync_visibility();
            form.consent.restore(&h.consent);
            form.members = h.members;
            form.needs = h.needs;
            form.members_list.clamp(form.members.len());
            form.needs_list.clamp(form.needs.len());
            form.dirty = true;
            self.screens.intake.form = Some(form);
            self.screens.intake.mode = Mode::Form;
            self.screen = ScreenId::Intake;
        }
        if let Some(p) = draft.prompt {
            self.update(p.reopen.action());
            if let Some(Modal::Prompt(prompt)) = self.modal.as_mut() {
                prompt.form.restore(&p.values);
            }
        }
        self.say(t("draft-restored"), Tone::Success);
    }
}
