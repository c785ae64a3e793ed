//! What Intake's actions do: households looked up, opened, saved, closed and erased,
//! members and needs edited, a need referred; Intake's action menu and pop-ups.
use uuid::Uuid;

use crate::search::households::Matched;

use crate::i18n::{Arg, t, tr};
use crate::model::{CaseStatus, Closure, ClosureReason, Household, Need, NeedStatus};
use crate::store::Edit;
use crate::tui::ScreenId;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone, fit_title, rows_of};
use crate::tui::errors::Shown;
use crate::tui::field::FieldId;
use crate::tui::jobs::JobResult;
use crate::tui::labels;
use crate::tui::prompts;
use crate::tui::screens::intake::{self, HouseholdForm, Mode};
use crate::tui::screens::modal::{Modal, Prompt, Purpose};
use crate::tui::screens::services;

/// What Intake asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakeAction {
    /// Look households up with this query.
    Find(String),
    /// Start a new household.
    New,
    /// Open a household for editing (asking first when the form is unsaved).
    Open(Uuid),
    /// Open a household, dropping the unsaved form (after the user confirmed).
    OpenAnyway(Uuid),
    /// Check the form and save the household.
    Save,
    /// Leave the form, asking first when something is unsaved.
    Discard,
    /// Leave the form without asking (after the user confirmed).
    Leave,
    /// Mark a need met or closed unmet (saved at once for a saved need).
    SetNeedStatus { need: Uuid, status: NeedStatus },
    /// Look for likely duplicates of what is typed.
    CheckDuplicates,
    /// Edit member `n` (or add one).
    EditMember(Option<usize>),
    /// Edit need `n` (or add one).
    EditNeed(Option<usize>),
    /// Close the case (asks for the reason).
    CloseCase,
    /// Who opened or changed this household, and when (the audit trail).
    ShowAudit(String),
    /// Ask before erasing a household.
    AskErase(Uuid),
    /// Erase a household (data protection), once confirmed.
    Erase(Uuid),
    /// Refer a saved need: open Services filtered by its sector and the household's place.
    ReferNeed { household: Uuid, need: Uuid },
}

/// Intake's pop-up forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakePrompt {
    Member(Option<usize>),
    Need(Option<usize>),
    CloseCase,
}

impl App {
    pub(in crate::tui) fn intake_action(&mut self, action: IntakeAction) {
        match action {
            IntakeAction::Find(q) => self.find_households(q),
            IntakeAction::New => {
                if self.worker().is_none() {
                    return;
                }
                self.screens.intake.form =
                    Some(HouseholdForm::new(None, Vec::new(), &self.data.gazetteer));
                self.screens.intake.mode = Mode::Form;
                self.screen = ScreenId::Intake;
            }
            IntakeAction::Open(id) => {
                let same = self
                    .screens
                    .intake
                    .form
                    .as_ref()
                    .is_some_and(|f| f.id == id);
                if self.screens.intake.unsaved() && !same {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-discard"),
                        yes: Action::Intake(IntakeAction::OpenAnyway(id)),
                    });
                } else if same && self.screens.intake.mode == Mode::Form {
                    self.screen = ScreenId::Intake;
                } else {
                    self.open_household(id);
                }
            }
            IntakeAction::OpenAnyway(id) => self.open_household(id),
            IntakeAction::Save => self.save_household(),
            IntakeAction::Discard => {
                if self.screens.intake.unsaved() {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-discard"),
                        yes: Action::Intake(IntakeAction::Leave),
                    });
                } else {
                    self.update(Action::Intake(IntakeAction::Leave));
                }
            }
            IntakeAction::Leave => {
                self.screens.intake.form = None;
                self.screens.intake.mode = Mode::Lookup;
                self.screens.services.referring = None;
            }
            IntakeAction::CheckDuplicates => self.check_duplicates(),
            IntakeAction::EditMember(i) => {
                let Some(form) = self.screens.intake.form.as_ref() else {
                    return;
                };
                let existing = i.and_then(|i| form.members.get(i));
                let title = if existing.is_some() {
                    t("member-edit-title")
                } else {
                    t("member-add-title")
                };
                self.open_prompt(
                    title,
                    String::new(),
                    prompts::member_form(existing),
                    Purpose::Intake(IntakePrompt::Member(i)),
                    16,
                );
            }
            IntakeAction::EditNeed(i) => {
                let Some(form) = self.screens.intake.form.as_ref() else {
                    return;
                };
                let existing = i.and_then(|i| form.needs.get(i));
                let title = if existing.is_some() {
                    t("need-edit-title")
                } else {
                    t("need-add-title")
                };
                let (head, name) = form.head_choice();
                let f = prompts::need_form(existing, (head, &name), &form.members);
                self.open_prompt(
                    title,
                    String::new(),
                    f,
                    Purpose::Intake(IntakePrompt::Need(i)),
                    14,
                );
            }
            IntakeAction::SetNeedStatus { need, status } => self.set_need_status(need, status),
            IntakeAction::CloseCase if self.screens.intake.unsaved() => {
                self.say(t("close-save-first"), Tone::Error);
            }
            IntakeAction::CloseCase => {
                self.open_prompt(
                    t("close-title"),
                    t("close-intro"),
                    prompts::close_case_form(),
                    Purpose::Intake(IntakePrompt::CloseCase),
                    16,
                );
            }
            IntakeAction::ReferNeed { household, need } => self.refer_need(household, need),
            IntakeAction::AskErase(id) => {
                // The household open here, or one due for erasure on the Queue.
                let code = self
                    .screens
                    .intake
                    .form
                    .as_ref()
                    .and_then(|f| f.existing.as_ref())
                    .filter(|h| h.id == id)
                    .map(|h| h.case_code.clone())
                    .or_else(|| {
                        self.data
                            .due_for_erasure
                            .iter()
                            .find(|d| d.id == id)
                            .map(|d| d.case_code.to_string())
                    })
                    .unwrap_or_default();
                self.modal = Some(Modal::Confirm {
                    message: tr("erase-confirm", &[("code", Arg::Str(&code))]),
                    yes: Action::Intake(IntakeAction::Erase(id)),
                });
            }
            IntakeAction::Erase(id) => {
                let Some(worker) = self.worker() else { return };
                match self.store.erase(&worker, id) {
                    Ok(done) => {
                        self.modal = None;
                        // Another household being typed (erased from the Queue) stays.
                        if self.screens.intake.form.as_ref().is_none_or(|f| f.id == id) {
                            self.screens.intake.form = None;
                            self.screens.intake.mode = Mode::Lookup;
                        }
                        self.say(
                            tr("erased", &[("code", Arg::Str(&done.case_code))]),
                            Tone::Success,
                        );
                        self.spawn_load();
                    }
                    Err(e) => self.fail(e),
                }
            }
            IntakeAction::ShowAudit(code) => match self.store.audit_trail(Some(&code)) {
                Ok(trail) => {
                    // The latest first, as many as fit a small screen.
                    let lines: Vec<String> = trail
                        .iter()
                        .rev()
                        .take(12)
                        .map(|e| {
                            format!(
                                "{}  {}  {}  {}",
                                self.data.clock(e.at),
                                labels::audit_action(e.action),
                                e.worker,
                                e.what
                            )
                        })
                        .collect();
                    self.modal = Some(Modal::Notice {
                        title: tr("audit-title", &[("count", Arg::Num(trail.len() as i64))]),
                        big: code,
                        lines,
                    });
                }
                Err(e) => self.fail(e),
            },
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn intake_submit(
        &mut self,
        purpose: &IntakePrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        let worker = self.data.worker.clone().unwrap_or_default();
        let now = self.store.now();
        match purpose {
            IntakePrompt::Member(i) => {
                let Some(form) = self.screens.intake.form.as_mut() else {
                    return Ok(());
                };
                let existing = i.and_then(|i| form.members.get(i)).cloned();
                prompts::member_from(&prompt.form, existing.as_ref(), now.year()).map(|p| {
                    match i {
                        Some(i) if *i < form.members.len() => form.members[*i] = p,
                        _ => {
                            form.members.push(p);
                            form.members_list.selected = form.members.len() - 1;
                        }
                    }
                    form.dirty = true;
                    form.recheck(&self.data.gazetteer, now);
                })
            }
            IntakePrompt::Need(i) => {
                let Some(form) = self.screens.intake.form.as_mut() else {
                    return Ok(());
                };
                let existing = i.and_then(|i| form.needs.get(i)).cloned();
                prompts::need_from(&prompt.form, existing.as_ref(), form.id, &worker, now).map(
                    |n| {
                        match i {
                            Some(i) if *i < form.needs.len() => form.needs[*i] = n,
                            _ => {
                                form.needs.push(n);
                                form.needs_list.selected = form.needs.len() - 1;
                            }
                        }
                        form.dirty = true;
                        form.recheck(&self.data.gazetteer, now);
                    },
                )
            }
            IntakePrompt::CloseCase => self.close_case(&prompt.form, &worker, now),
        }
    }

    /// The action menu of what is selected now.
    pub(in crate::tui) fn intake_menu(
        &self,
        title: &mut String,
        items: &mut Vec<(String, Action)>,
    ) {
        match (self.screens.intake.mode, self.screens.intake.form.as_ref()) {
            (Mode::Form, Some(form)) => {
                if form.step == intake::Step::Needs
                    && let Some(n) = form.needs.get(form.needs_list.selected)
                {
                    *title = fit_title(&n.description);
                    if form.saved_needs.contains(&n.id) && n.status == NeedStatus::Open
                        || n.status == NeedStatus::Referred
                    {
                        items.push((
                            t("menu-refer"),
                            Action::Intake(IntakeAction::ReferNeed {
                                household: form.id,
                                need: n.id,
                            }),
                        ));
                    }
                    items.push((
                        t("menu-edit-need"),
                        Action::Intake(IntakeAction::EditNeed(Some(form.needs_list.selected))),
                    ));
                    items.push((
                        t("menu-need-met"),
                        Action::Intake(IntakeAction::SetNeedStatus {
                            need: n.id,
                            status: NeedStatus::Met,
                        }),
                    ));
                    items.push((
                        t("menu-need-unmet"),
                        Action::Intake(IntakeAction::SetNeedStatus {
                            need: n.id,
                            status: NeedStatus::ClosedUnmet,
                        }),
                    ));
                }
                items.push((t("menu-save"), Action::Intake(IntakeAction::Save)));
                items.push((
                    t("menu-add-member"),
                    Action::Intake(IntakeAction::EditMember(None)),
                ));
                items.push((
                    t("menu-add-need"),
                    Action::Intake(IntakeAction::EditNeed(None)),
                ));
                if form.existing.as_ref().is_some_and(|h| h.is_open()) {
                    items.push((
                        t("menu-close-case"),
                        Action::Intake(IntakeAction::CloseCase),
                    ));
                }
                if let Some(h) = &form.existing {
                    items.push((
                        t("menu-audit"),
                        Action::Intake(IntakeAction::ShowAudit(h.case_code.clone())),
                    ));
                    if !self.store.is_erased(h.id).unwrap_or(true) {
                        items.push((
                            t("menu-erase"),
                            Action::Intake(IntakeAction::AskErase(h.id)),
                        ));
                    }
                }
                if let Some(d) = form.duplicates.first() {
                    items.push((
                        tr("menu-open-duplicate", &[("code", Arg::Str(&d.case_code))]),
                        Action::Intake(IntakeAction::Open(d.id)),
                    ));
                }
                items.push((t("menu-leave"), Action::Intake(IntakeAction::Discard)));
            }
            _ => {
                items.push((t("menu-new-household"), Action::Intake(IntakeAction::New)));
                if let Some(h) = self
                    .screens
                    .intake
                    .hits
                    .get(self.screens.intake.list.selected)
                {
                    items.push((
                        tr("menu-open-household", &[("code", Arg::Str(&h.case_code))]),
                        Action::Intake(IntakeAction::Open(h.id)),
                    ));
                }
            }
        }
    }

    pub(in crate::tui) fn find_households(&mut self, query: String) {
        self.screens.intake.generation += 1;
        let generation = self.screens.intake.generation;
        let Some(index) = self.data.households.clone() else {
            return;
        };
        self.screens.intake.searching = true;
        let store = self.store.clone();
        self.runner.spawn(move || {
            let (ids, matched) = match index.lock() {
                Ok(mut search) => {
                    if query.trim().is_empty() {
                        // The latest households first.
                        let total = search.len();
                        (
                            search.latest(intake::LOOKUP_LIMIT),
                            Matched { total, exact: true },
                        )
                    } else {
                        let (found, matched) = search.search_counted(&query, intake::LOOKUP_LIMIT);
                        (found.into_iter().map(|i| search.id(i)).collect(), matched)
                    }
                }
                Err(_) => (Vec::new(), Matched::default()),
            };
            let hits = rows_of(&store, &ids);
            JobResult::Households {
                generation,
                query,
                hits,
                matched,
            }
        });
    }

    pub(in crate::tui) fn check_duplicates(&mut self) {
        let Some(form) = self.screens.intake.form.as_mut() else {
            return;
        };
        form.dup_generation += 1;
        let generation = form.dup_generation;
        let name = form.who.text(FieldId::HeadName);
        let latin = form.who.text(FieldId::HeadLatin);
        let phone = form.who.text(FieldId::Phone);
        let year = crate::model::ascii_digits(&form.who.text(FieldId::HeadBirthYear))
            .parse::<u16>()
            .ok();
        let gov = form.who.code(FieldId::Governorate).unwrap_or_default();
        let except = form.existing.as_ref().map(|h| h.id);
        let Some(index) = self.data.households.clone() else {
            return;
        };
        let store = self.store.clone();
        self.runner.spawn(move || {
            let ids: Vec<Uuid> = match index.lock() {
                Ok(search) => {
                    let typed = crate::search::households::Typed {
                        name: &name,
                        latin: &latin,
                        phone: &phone,
                        birth_year: year,
                        governorate: &gov,
                        except,
                    };
                    let found = search.likely_duplicates_of(&typed, 5);
                    found.into_iter().map(|i| search.id(i)).collect()
                }
                Err(_) => Vec::new(),
            };
            let hits = rows_of(&store, &ids);
            JobResult::Duplicates { generation, hits }
        });
    }

    pub(in crate::tui) fn open_household(&mut self, id: Uuid) {
        let merges = match self.store.merges() {
            Ok(m) => m,
            Err(e) => return self.fail(e),
        };
        let household = match self.store.get::<Household>(id) {
            Ok(Some(h)) => merges.effective(h),
            Ok(None) => return self.fail(t("error-household-gone")),
            Err(e) => return self.fail(e),
        };
        // A case's needs include those left on households merged into it.
        let needs = match self.store.needs_of_case(id) {
            Ok(n) => n,
            Err(e) => return self.fail(e),
        };
        // Who opened which household's details is kept (the audit trail); a record that
        // cannot be noted is not shown.
        if let Err(e) = self.store.audit_view(&household) {
            return self.fail(e);
        }
        let merged_into = merges.is_merged(id).then(|| {
            self.store
                .get::<Household>(merges.kept(id))
                .ok()
                .flatten()
                .map(|k| k.case_code)
                .unwrap_or_default()
        });
        let code = household.case_code.clone();
        self.screens.intake.form = Some(HouseholdForm::new(
            Some(household),
            needs,
            &self.data.gazetteer,
        ));
        self.screens.intake.mode = Mode::Form;
        self.screen = ScreenId::Intake;
        if let Some(into) = merged_into {
            self.say(
                tr(
                    "case-merged",
                    &[("alias", Arg::Str(&code)), ("code", Arg::Str(&into))],
                ),
                Tone::Info,
            );
        }
    }

    pub(in crate::tui) fn save_household(&mut self) {
        let Some(worker) = self.worker() else { return };
        let now = self.store.now();
        let Some(form) = self.screens.intake.form.as_mut() else {
            return;
        };
        let household = match form.to_household(&worker, now, &self.data.gazetteer) {
            Ok(h) => h,
            Err(problems) => {
                let count = problems.len() as i64;
                form.show_problems(problems);
                self.say(
                    tr("save-problems", &[("count", Arg::Num(count))]),
                    Tone::Error,
                );
                return;
            }
        };
        let mut edits = vec![Edit::Household(household.clone())];
        for need in &form.needs {
            // A need's status follows its referrals (and the worker's own marks, saved at
            // once): the form's copy may be older, so the stored status stays. A need left
            // on a household merged into this one moves to this one.
            let mut need = need.clone();
            need.household = household.id;
            if let Ok(Some(stored)) = self.store.get::<Need>(need.id) {
                need.status = stored.status;
                if need == stored {
                    continue;
                }
            }
            edits.push(Edit::Need(need));
        }
        let was_new = form.is_new();
        match self.store.apply(&worker, &edits) {
            Ok(_) => {
                let saved = self.store.get::<Household>(household.id).ok().flatten();
                let needs = self.store.needs_of_case(household.id).unwrap_or_default();
                let step = form.step;
                if let Some(saved) = saved {
                    let code = saved.case_code.clone();
                    let mut fresh = HouseholdForm::new(Some(saved), needs, &self.data.gazetteer);
                    fresh.step = step;
                    self.screens.intake.form = Some(fresh);
                    if was_new {
                        self.modal = Some(Modal::Notice {
                            title: t("saved-title"),
                            big: code.clone(),
                            lines: vec![t("saved-write-down"), t("saved-next")],
                        });
                    }
                    self.say(
                        tr("saved-household", &[("code", Arg::Str(&code))]),
                        Tone::Success,
                    );
                }
                self.spawn_load();
            }
            Err(e) => self.fail(tr("error-save", &[("error", Arg::Str(&e.shown()))])),
        }
    }

    pub(in crate::tui) fn set_need_status(&mut self, need: Uuid, status: NeedStatus) {
        let Some(worker) = self.worker() else { return };
        let Some(form) = self.screens.intake.form.as_mut() else {
            return;
        };
        let Some(n) = form.needs.iter_mut().find(|n| n.id == need) else {
            return;
        };
        n.status = status;
        if form.saved_needs.contains(&need) {
            let edit = Edit::Need(n.clone());
            match self.store.apply(&worker, &[edit]) {
                Ok(_) => {
                    self.say(t("saved"), Tone::Success);
                    self.spawn_load();
                }
                Err(e) => self.fail(e),
            }
        } else {
            form.dirty = true;
        }
    }

    pub(in crate::tui) fn close_case(
        &mut self,
        form: &crate::tui::widgets::form::Form,
        worker: &str,
        now: crate::model::Timestamp,
    ) -> Result<(), prompts::Fault> {
        let reason = form
            .code(FieldId::Reason)
            .and_then(|c| ClosureReason::from_code(&c))
            .ok_or((FieldId::Reason, t("problem-close-reason")))?;
        let Some(hf) = self.screens.intake.form.as_ref() else {
            return Ok(());
        };
        let Some(mut household) = hf.existing.clone() else {
            return Err((FieldId::Reason, t("refer-save-first")));
        };
        let duplicate_of = if reason == ClosureReason::Duplicate {
            let code = form.text(FieldId::DuplicateOf);
            match self.store.household_by_case_code(&code) {
                Ok(Some(other)) if other.id != household.id => Some(other.id),
                _ => return Err((FieldId::DuplicateOf, t("problem-duplicate-of"))),
            }
        } else {
            None
        };
        household.status = CaseStatus::Closed(Closure {
            at: now,
            by: worker.to_string(),
            reason,
            note: form.text(FieldId::Note),
            duplicate_of,
        });
        match self
            .store
            .apply(worker, &[Edit::Household(household.clone())])
        {
            Ok(_) => {
                let needs = self.store.needs_of(household.id).unwrap_or_default();
                self.screens.intake.form = Some(HouseholdForm::new(
                    Some(household),
                    needs,
                    &self.data.gazetteer,
                ));
                self.say(t("case-closed-saved"), Tone::Success);
                self.spawn_load();
                Ok(())
            }
            Err(e) => Err((FieldId::Reason, e.shown())),
        }
    }

    pub(in crate::tui) fn refer_need(&mut self, household: Uuid, need: Uuid) {
        let Some(form) = self.screens.intake.form.as_ref() else {
            return;
        };
        if form.dirty {
            return self.say(t("refer-save-first"), Tone::Error);
        }
        let Some(h) = form.existing.as_ref() else {
            return self.say(t("refer-save-first"), Tone::Error);
        };
        if !h.consents_to_services() {
            return self.say(t("refer-no-consent"), Tone::Error);
        }
        let Some(n) = form.needs.iter().find(|n| n.id == need) else {
            return;
        };
        let referring = services::Referring {
            household,
            need,
            case_code: h.case_code.clone(),
            need_text: format!("{} · {}", labels::sector(n.sector), n.description),
        };
        let governorate = h.location.governorate.clone();
        self.screens
            .services
            .refer(referring, n.sector, &governorate);
        self.screen = ScreenId::Services;
    }
}
