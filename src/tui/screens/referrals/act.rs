//! What Referrals' actions do: a referral moved, noted, given a follow-up date, printed
//! as a slip; Referrals' action menu and pop-ups.
use uuid::Uuid;

use crate::i18n::{Arg, t, tr};
use crate::model::{Move, Referral, ReferralStatus};
use crate::store::{Edit, StoreError};
use crate::tui::ScreenId;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::errors::Shown;
use crate::tui::field::FieldId;
use crate::tui::labels;
use crate::tui::prompts;
use crate::tui::screens::intake::act::IntakeAction;
use crate::tui::screens::modal::{Prompt, Purpose};

/// What Referrals asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ReferralAction {
    /// Show this referral selected.
    Open(Uuid),
    /// Move a referral that needs no more answers.
    Move { id: Uuid, mv: Move },
    /// Ask for what a move needs (reason, outcome) before moving.
    AskMove { id: Uuid, to: ReferralStatus },
    /// Ask for a note.
    AskNote(Uuid),
    /// Ask for a follow-up date.
    AskFollowUp(Uuid),
    /// Set the follow-up date.
    SetFollowUp {
        id: Uuid,
        date: Option<crate::model::Date>,
    },
    /// Write a printable referral slip (onto the drive, or into Documents).
    Slip(Uuid),
}

/// Referrals' pop-up forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralPrompt {
    Move { id: Uuid, to: ReferralStatus },
    Note(Uuid),
    FollowUp(Uuid),
}

impl App {
    pub(in crate::tui) fn referral_action(&mut self, action: ReferralAction) {
        match action {
            ReferralAction::Open(id) => {
                if self.screen != ScreenId::Referrals {
                    self.screens.referrals.select(id, &self.data);
                    self.screen = ScreenId::Referrals;
                }
                self.load_detail(id);
            }
            ReferralAction::Move { id, mv } => self.move_referral(id, mv, String::new()),
            ReferralAction::AskMove { id, to } => {
                let title = tr(
                    "move-title",
                    &[("status", Arg::Str(&labels::referral_status(to)))],
                );
                let intro = match to {
                    ReferralStatus::Rejected => t("move-intro-rejected"),
                    ReferralStatus::Completed => t("move-intro-completed"),
                    ReferralStatus::Closed => t("move-intro-closed"),
                    _ => String::new(),
                };
                self.open_prompt(
                    title,
                    intro,
                    prompts::move_form(to),
                    Purpose::Referral(ReferralPrompt::Move { id, to }),
                    14,
                );
            }
            ReferralAction::AskNote(id) => self.open_prompt(
                t("note-title"),
                String::new(),
                prompts::note_form(),
                Purpose::Referral(ReferralPrompt::Note(id)),
                14,
            ),
            ReferralAction::AskFollowUp(id) => {
                let current = self.follow_up_of(id);
                self.open_prompt(
                    t("follow-up-title"),
                    t("follow-up-intro"),
                    prompts::follow_up_form(current),
                    Purpose::Referral(ReferralPrompt::FollowUp(id)),
                    14,
                );
            }
            ReferralAction::SetFollowUp { id, date } => self.set_follow_up(id, date),
            ReferralAction::Slip(id) => {
                // Onto the drive when one is chosen on the Sync screen, else the
                // worker's documents folder; never a temporary folder other accounts
                // can read: without either, the worker is asked to choose a folder.
                let folder = self.screens.sync.folder().or_else(|| {
                    directories::UserDirs::new()
                        .and_then(|u| u.document_dir().map(|d| d.to_path_buf()))
                });
                let Some(folder) = folder else {
                    self.fail(t("slip-no-folder"));
                    return;
                };
                let html = match crate::report::slip::slip(&self.store, id) {
                    Ok(html) => html,
                    Err(e) => return self.fail(e),
                };
                let name = format!("daleel-slip-{}.html", &id.simple().to_string()[..8]);
                let path = folder.join(name);
                // A slip names the household: readable by its owner only.
                match crate::disk::write_whole(&path, html.as_bytes(), crate::disk::Access::Owner) {
                    Ok(()) => self.say(
                        tr(
                            "slip-written",
                            &[("file", Arg::Str(&path.display().to_string()))],
                        ),
                        Tone::Success,
                    ),
                    Err(e) => self.fail(tr(
                        "slip-write-failed",
                        &[
                            ("file", Arg::Str(&crate::disk::shown(&path))),
                            ("error", Arg::Str(&crate::tui::errors::io_message(&e))),
                        ],
                    )),
                }
            }
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn referral_submit(
        &mut self,
        purpose: &ReferralPrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        let worker = self.data.worker.clone().unwrap_or_default();
        match purpose {
            ReferralPrompt::Move { id, to } => match prompts::move_from(*to, &prompt.form) {
                Err(f) => Err(f),
                Ok((mv, note)) => {
                    let Some(worker) = self.worker() else {
                        return Ok(());
                    };
                    match self.make_move(&worker, *id, &mv, &note) {
                        Ok(()) => {
                            self.modal = None;
                            Ok(())
                        }
                        Err(e) => Err((FieldId::Reason, e.shown())),
                    }
                }
            },
            ReferralPrompt::Note(id) => {
                let note = prompt.form.text(FieldId::Note);
                if note.is_empty() {
                    Err((FieldId::Note, t("problem-note")))
                } else {
                    match self.store.note_referral(&worker, *id, &note) {
                        Ok(_) => {
                            self.modal = None;
                            self.patch_referral_row(*id);
                            self.say(t("saved"), Tone::Success);
                            Ok(())
                        }
                        Err(e) => Err((FieldId::Note, e.shown())),
                    }
                }
            }
            ReferralPrompt::FollowUp(id) => match prompts::follow_up_from(&prompt.form) {
                Err(f) => Err(f),
                Ok(date) => {
                    self.modal = None;
                    self.set_follow_up(*id, date);
                    Ok(())
                }
            },
        }
    }

    /// The action menu of what is selected now.
    pub(in crate::tui) fn referral_menu(
        &self,
        title: &mut String,
        items: &mut Vec<(String, Action)>,
    ) {
        if let Some(r) = self.screens.referrals.detail.clone() {
            *title = format!(
                "{} → {}",
                self.data
                    .referrals
                    .iter()
                    .find(|x| x.id == r.id)
                    .map(|x| x.case_code.clone())
                    .unwrap_or_default(),
                self.data.org_short(r.organization)
            );
            items.extend(referral_items(r.id, r.status()));
            items.push((
                t("menu-open-case"),
                Action::Intake(IntakeAction::Open(r.household)),
            ));
        }
    }

    /// The follow-up date of a referral now: from its history when it is the one shown,
    /// else from its row.
    fn follow_up_of(&self, id: Uuid) -> Option<crate::model::Date> {
        match self
            .screens
            .referrals
            .detail
            .as_ref()
            .filter(|r| r.id == id)
        {
            Some(r) => r.follow_up,
            None => self
                .data
                .referrals
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| r.follow_up),
        }
    }

    pub(in crate::tui) fn load_detail(&mut self, id: Uuid) {
        match self.store.get::<Referral>(id) {
            Ok(r) => self.screens.referrals.detail = r,
            Err(e) => self.fail(e),
        }
    }

    /// Re-reads one referral into its row (so the list is right before the reload ends).
    pub(in crate::tui) fn patch_referral_row(&mut self, id: Uuid) {
        if let Ok(Some(r)) = self.store.get::<Referral>(id)
            && let Some(row) = self.data.referrals.iter_mut().find(|row| row.id == id)
        {
            row.status = r.status();
            row.sent_at = r.sent_at();
            row.follow_up = r.follow_up;
        }
        self.screens.referrals.refilter(&self.data);
        self.screens.queue.rebuild(&self.data);
        self.load_detail(id);
    }

    pub(in crate::tui) fn move_referral(&mut self, id: Uuid, mv: Move, note: String) {
        let Some(worker) = self.worker() else { return };
        if let Err(e) = self.make_move(&worker, id, &mv, &note) {
            self.fail(e);
        }
    }

    /// Makes a move, shows it at once and says so; a refusal is the caller's to show.
    pub(in crate::tui) fn make_move(
        &mut self,
        worker: &str,
        id: Uuid,
        mv: &Move,
        note: &str,
    ) -> Result<(), StoreError> {
        self.store.move_referral(worker, id, mv, note)?;
        self.patch_referral_row(id);
        self.say(
            tr(
                "moved",
                &[("status", Arg::Str(&labels::referral_status(mv.target())))],
            ),
            Tone::Success,
        );
        self.spawn_load();
        Ok(())
    }

    pub(in crate::tui) fn set_follow_up(&mut self, id: Uuid, date: Option<crate::model::Date>) {
        let Some(worker) = self.worker() else { return };
        let Ok(Some(mut r)) = self.store.get::<Referral>(id) else {
            return;
        };
        r.follow_up = date;
        match self.store.apply(&worker, &[Edit::Referral(r)]) {
            Ok(_) => {
                self.patch_referral_row(id);
                self.say(t("saved"), Tone::Success);
            }
            Err(e) => self.fail(e),
        }
    }
}

/// What can be done to a referral in `status`, as menu items: the moves its lifecycle
/// allows now, a note, a slip, a follow-up date (the Referrals and Queue menus).
pub(in crate::tui) fn referral_items(id: Uuid, status: ReferralStatus) -> Vec<(String, Action)> {
    let mut items = Vec::new();
    for next in status.allowed_next() {
        let label = t(&format!("menu-move-{}", next.code()));
        let action = match next {
            ReferralStatus::Sent => Action::Referral(ReferralAction::Move { id, mv: Move::Send }),
            ReferralStatus::Accepted => Action::Referral(ReferralAction::Move {
                id,
                mv: Move::Accept,
            }),
            _ => Action::Referral(ReferralAction::AskMove { id, to: *next }),
        };
        items.push((label, action));
    }
    items.push((
        t("menu-note"),
        Action::Referral(ReferralAction::AskNote(id)),
    ));
    items.push((t("menu-slip"), Action::Referral(ReferralAction::Slip(id))));
    items.push((
        t("menu-follow-up"),
        Action::Referral(ReferralAction::AskFollowUp(id)),
    ));
    items
}
