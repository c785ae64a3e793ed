//! The state of the whole UI and `update(Action)`, the one place that asks the store to
//! change anything. Keys go to the modal if one is open, then to the global bindings,
//! then to the active screen, which answers with an action.

use std::sync::Arc;

use uuid::Uuid;

use super::ScreenId;
use super::action::Action;
use super::errors::Shown;
use super::event::Event;
use super::field::FieldId;
use super::jobs::{JobResult, Runner, load_snapshot};
use super::keys::{self, Command, Key, Scope};
use super::labels;
use super::prompts;
use super::screens::intake::{self, HouseholdForm, Mode};
use super::screens::modal::{Modal, Outcome, Prompt, Purpose};
use super::screens::{Data, help, queue, referrals, services, sync};
use super::theme::Theme;
use crate::i18n::{Arg, t, tr};
use crate::model::{
    CaseStatus, Closure, ClosureReason, Household, Move, Need, NeedStatus, Referral, ReferralStatus,
};
use crate::search::households::HouseholdRow;
use crate::store::{DatabaseKind, Edit, Store, StoreError};

/// How a message on the status line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

pub struct App {
    pub screen: ScreenId,
    /// Where Esc on the help screen goes back to.
    pub previous: ScreenId,
    pub data: Data,
    pub intake: intake::State,
    pub services: services::State,
    pub referrals: referrals::State,
    pub queue: queue::State,
    pub help: help::State,
    pub sync: sync::State,
    pub modal: Option<Modal>,
    pub message: Option<(String, Tone)>,
    pub quit: bool,
    pub theme: Theme,
    store: Arc<Store>,
    runner: Runner,
    loading: bool,
    reload_pending: bool,
    /// A referral to select once the lists are loaded again.
    select_after_load: Option<Uuid>,
    /// The device key, for exports from the Sync screen.
    identity: Option<Arc<crate::sync::identity::Identity>>,
    /// Set while the screen is locked (idle): nothing of the data is drawn.
    pub locked: Option<Locked>,
    idle: Option<IdleLock>,
    last_active: crate::model::Timestamp,
    /// The workers of an encrypted database (F8).
    workers: Option<Arc<crate::workspace::Workers>>,
    /// How Arabic script is shown (tui/bidi.rs).
    pub text_mode: crate::tui::bidi::TextMode,
    /// Team commands of the Sync screen (none in tests that do not need them).
    team: Option<crate::sync::enrol::TeamHandle>,
    /// A change of workers asked for on F8 that gives the database a new data key (a
    /// worker removed, a passphrase changed): the screens close for it, a gauge shows the
    /// database encrypted again, and they open again (tui::run).
    pub rekey: Option<crate::workspace::Rekey>,
}

/// Checks a passphrase of the worker who is working (Argon2: run off the UI thread).
pub type Unlocker = crate::workspace::PassphraseCheck;

/// When and how the screen locks.
#[derive(Clone)]
struct IdleLock {
    minutes: u32,
    unlocker: Unlocker,
}

/// The lock screen's state: what is typed (never drawn), whether it is being checked.
#[derive(Default)]
pub struct Locked {
    typed: zeroize::Zeroizing<String>,
    pub checking: bool,
    pub error: Option<String>,
}

impl Locked {
    /// How many characters are typed (shown as a count, not as the characters).
    pub fn typed_len(&self) -> usize {
        self.typed.chars().count()
    }
}

impl App {
    /// Opens the UI on a store. Lists load in the background; with no worker chosen yet
    /// the worker picker opens first.
    pub fn new(
        store: Arc<Store>,
        theme: Theme,
        runner: Runner,
        utc_offset_secs: i32,
    ) -> Result<App, StoreError> {
        let services = store.services()?;
        let organizations = store
            .organizations()?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let worker = store.current_worker()?;
        let now = store.now();
        let data = Data {
            now: store.now(),
            direction: super::Direction::Ltr,
            utc_offset_secs,
            device_code: store.device().code.clone(),
            device_name: store.device_name()?,
            worker: worker.clone(),
            demo: store.kind()? == Some(DatabaseKind::Demo),
            sample: services
                .iter()
                .any(|s| crate::model::sample::is_sample_id(s.id)),
            gazetteer: store.gazetteer(),
            service_index: services
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect(),
            services,
            organizations,
            loaded: false,
            load_error: None,
            households: None,
            household_count: 0,
            referrals: Vec::new(),
            unreferred: Vec::new(),
            duplicate_groups: Vec::new(),
            conflicts: Vec::new(),
            due_for_erasure: Vec::new(),
            retention_months: 24,
            team_line: None,
            team_rows: Vec::new(),
            forks: Vec::new(),
        };
        let services_state = services::State::new(&data);
        let referrals_state = referrals::State::new(&data);
        let mut app = App {
            screen: ScreenId::Intake,
            previous: ScreenId::Intake,
            intake: intake::State::default(),
            services: services_state,
            referrals: referrals_state,
            queue: queue::State::default(),
            help: help::State::default(),
            sync: sync::State::default(),
            modal: None,
            message: None,
            quit: false,
            theme,
            data,
            store,
            runner,
            loading: false,
            reload_pending: false,
            select_after_load: None,
            identity: None,
            locked: None,
            idle: None,
            last_active: now,
            workers: None,
            team: None,
            text_mode: crate::tui::bidi::TextMode::Terminal,
            rekey: None,
        };
        if worker.is_none() {
            app.modal = Some(Modal::worker_picker(app.store.workers()?));
        } else if let Some(notice) = app.store.take_passphrase_notice()? {
            // Another worker set this worker's passphrase: told once, at this unlock.
            app.modal = Some(Modal::Notice {
                title: t("passphrase-reset-title"),
                big: notice.by.clone(),
                lines: vec![notice.message(), t("passphrase-reset-next")],
            });
        }
        app.spawn_load();
        app.drain();
        Ok(app)
    }

    /// Gives the app the device key, so that the Sync screen can export.
    pub fn with_identity(mut self, identity: Arc<crate::sync::identity::Identity>) -> App {
        self.identity = Some(identity);
        self
    }

    /// Locks the screen after `minutes` without a key (0: never); `unlocker` checks the
    /// passphrase that opens it again. Unsaved input stays as it was.
    pub fn with_idle_lock(mut self, minutes: u32, unlocker: Unlocker) -> App {
        self.idle = Some(IdleLock { minutes, unlocker });
        self
    }

    /// How Arabic script is shown (config `arabic_display`); the layout direction follows.
    pub fn with_text_mode(mut self, mode: crate::tui::bidi::TextMode) -> App {
        self.set_text_mode(mode);
        self
    }

    fn set_text_mode(&mut self, mode: crate::tui::bidi::TextMode) {
        self.text_mode = mode;
        self.help.mode = mode;
        // Shaped, the whole screen is mirrored row by row for a right-to-left language;
        // left to the terminal, the screens lay themselves out right to left.
        let rtl = crate::i18n::language().is_rtl();
        self.data.direction = if rtl && mode == crate::tui::bidi::TextMode::Terminal {
            super::Direction::Rtl
        } else {
            super::Direction::Ltr
        };
    }

    /// Lets the Sync screen set up and run a team (docs/teams.md).
    pub fn with_team(mut self, team: crate::sync::enrol::TeamHandle) -> App {
        self.team = Some(team);
        self
    }

    /// Runs a team command on a worker thread with the folder; says what it did.
    fn team_job(
        &mut self,
        job: impl FnOnce(&crate::sync::enrol::TeamHandle, &std::path::Path) -> Result<String, String>
        + Send
        + 'static,
    ) {
        let (Some(team), Some(folder)) = (self.team.clone(), self.sync.folder()) else {
            return self.fail(t("sync-no-folder"));
        };
        self.modal = None;
        self.sync.busy = Some((t("team-working"), 0, 0));
        self.runner
            .spawn(move || JobResult::SyncDone(job(&team, &folder)));
    }

    /// Lets F8 manage the workers of an encrypted database.
    pub fn with_workers(mut self, workers: Arc<crate::workspace::Workers>) -> App {
        self.workers = Some(workers);
        self
    }

    fn workers_job(
        &mut self,
        job: impl FnOnce(&crate::workspace::Workers) -> Result<String, String> + Send + 'static,
    ) {
        let Some(workers) = self.workers.clone() else {
            return;
        };
        self.say(t("workers-setting"), Tone::Info);
        self.runner
            .spawn(move || JobResult::WorkersDone(job(&workers)));
    }

    /// Locks the screen now.
    pub fn lock(&mut self) {
        if self.idle.is_some() {
            self.locked = Some(Locked::default());
        }
    }

    fn on_locked_key(&mut self, key: &Key) {
        use ratatui::crossterm::event::KeyCode;
        let Some(lock) = self.locked.as_mut() else {
            return;
        };
        if lock.checking {
            return;
        }
        match key.code {
            KeyCode::Enter if !lock.typed.is_empty() => {
                let Some(idle) = self.idle.clone() else {
                    return;
                };
                lock.checking = true;
                lock.error = None;
                let typed = std::mem::take(&mut lock.typed);
                self.runner
                    .spawn(move || JobResult::Unlocked((idle.unlocker)(&typed)));
            }
            KeyCode::Backspace => {
                lock.typed.pop();
            }
            KeyCode::Char(c) if !key.ctrl => lock.typed.push(c),
            _ => {}
        }
    }

    /// How long closed households are kept (`retention_months` in the settings); the
    /// lists are worked out again with it.
    pub fn with_retention(mut self, months: u32) -> App {
        if months != self.data.retention_months {
            self.data.retention_months = months;
            self.spawn_load();
        }
        self
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Asks for a re-key (the run loop makes it): refused while a household is being
    /// edited unsaved or the Sync screen is working, since the screens close for it, and
    /// when the change itself is refused (workspace::Workers::check).
    fn ask_rekey(&mut self, change: crate::workspace::Rekey) -> Result<(), String> {
        let Some(workers) = self.workers.clone() else {
            return Err(t("rekey-busy"));
        };
        if self.intake.unsaved() {
            return Err(t("rekey-unsaved"));
        }
        if self.sync.busy.is_some() {
            return Err(t("rekey-busy"));
        }
        self.rekey = Some(workers.check(&change).map_err(|e| e.to_string())?);
        Ok(())
    }

    /// Says `text` on the message line (the run loop says how a re-key went).
    pub fn say(&mut self, text: String, tone: Tone) {
        self.message = Some((text, tone));
    }

    fn fail(&mut self, e: impl super::errors::Shown) {
        self.say(e.shown(), Tone::Error);
    }

    /// Handles one event from the channel.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(k) if self.locked.is_some() => self.on_locked_key(&k),
            Event::Paste(_) if self.locked.is_some() => {}
            Event::Key(k) => {
                self.last_active = self.store.now();
                self.on_key(k)
            }
            Event::Paste(text) => {
                self.last_active = self.store.now();
                self.on_paste(&text)
            }
            Event::Resize(..) => {}
            Event::Tick => {
                let before = self.data.now.0 / 60_000;
                self.data.now = self.store.now();
                if let Some(idle) = &self.idle
                    && idle.minutes > 0
                    && self.locked.is_none()
                    && self.data.now.0 - self.last_active.0 >= idle.minutes as i64 * 60_000
                {
                    self.lock();
                }
                // The queue says how late things are: work it out again each minute.
                if self.data.now.0 / 60_000 != before && self.data.loaded {
                    self.queue.rebuild(&self.data);
                }
            }
            Event::Job(r) => self.on_job(*r),
        }
        self.drain();
    }

    /// Hands inline jobs' results back (tests); nothing to do with threads.
    fn drain(&mut self) {
        loop {
            let done = self.runner.take_done();
            if done.is_empty() {
                break;
            }
            for r in done {
                self.on_job(r);
            }
        }
    }

    fn spawn_load(&mut self) {
        if self.loading {
            self.reload_pending = true;
            return;
        }
        self.loading = true;
        let store = self.store.clone();
        let months = self.data.retention_months;
        self.runner
            .spawn(move || JobResult::Loaded(load_snapshot(&store, months).map_err(|e| e.shown())));
    }

    fn on_job(&mut self, result: JobResult) {
        match result {
            JobResult::Loaded(Ok(snapshot)) => {
                self.loading = false;
                let keep = self.referrals.selected_id(&self.data);
                self.data.household_count =
                    snapshot.households.lock().map(|h| h.len()).unwrap_or(0);
                self.data.households = Some(snapshot.households);
                self.data.referrals = snapshot.referrals;
                self.data.unreferred = snapshot.unreferred;
                self.data.duplicate_groups = snapshot.duplicate_groups;
                self.data.conflicts = snapshot.conflicts;
                self.data.due_for_erasure = snapshot.due_for_erasure;
                self.data.team_line = snapshot.team_line;
                self.data.team_rows = snapshot.team_rows;
                self.data.forks = snapshot.forks;
                self.data.loaded = true;
                self.data.load_error = None;
                self.data.now = self.store.now();
                self.referrals.reload(&self.data, keep);
                self.refresh_form_needs();
                self.queue.rebuild(&self.data);
                if let Some(id) = self.select_after_load.take() {
                    self.referrals.select(id, &self.data);
                    self.load_detail(id);
                } else if let Some(id) = self.referrals.selected_id(&self.data) {
                    self.load_detail(id);
                }
                // Show the latest households (or search again) in the lookup.
                let query = self.intake.query.value.clone();
                self.find_households(query);
                if self.reload_pending {
                    self.reload_pending = false;
                    self.spawn_load();
                }
            }
            JobResult::Loaded(Err(e)) => {
                self.loading = false;
                self.data.load_error = Some(e.clone());
                self.fail(tr("error-load", &[("error", Arg::Str(&e))]));
            }
            JobResult::Households {
                generation, hits, ..
            } => {
                if generation == self.intake.generation {
                    self.intake.hits = hits;
                    self.intake.list.clamp(self.intake.hits.len());
                    self.intake.searching = false;
                }
            }
            JobResult::WorkersDone(result) => match result {
                Ok(text) => self.say(text, Tone::Success),
                Err(e) => self.fail(e),
            },
            JobResult::Unlocked(ok) => {
                if ok {
                    self.locked = None;
                    self.last_active = self.store.now();
                } else if let Some(lock) = self.locked.as_mut() {
                    lock.checking = false;
                    lock.error = Some(t("lock-wrong"));
                }
            }
            JobResult::Progress { label, done, total } => {
                self.sync.busy = Some((label, done, total));
            }
            JobResult::SyncScanned {
                folder,
                found,
                team,
            } => {
                if self.sync.folder().as_deref() == Some(folder.as_path()) {
                    self.sync.found = found;
                    self.sync.team = team;
                    self.sync.scanned = Some(folder);
                    self.sync.list.clamp(self.sync.found.len());
                }
            }
            JobResult::SyncDone(result) => {
                self.sync.busy = None;
                match &result {
                    Ok(text) => self.say(text.clone(), Tone::Success),
                    Err(e) => self.fail(e),
                }
                self.sync.last = Some(result);
                self.refresh_sync();
                self.refresh_directory();
                self.spawn_load();
            }
            JobResult::Duplicates { generation, hits } => {
                if let Some(form) = self.intake.form.as_mut()
                    && generation == form.dup_generation
                {
                    form.duplicates = hits;
                }
            }
        }
    }

    /// After an import: the directory and the kind of database as they are now (another
    /// laptop may have changed services, and an empty database takes a bundle's kind).
    fn refresh_directory(&mut self) {
        if let Ok(kind) = self.store.kind() {
            self.data.demo = kind == Some(DatabaseKind::Demo);
        }
        let (Ok(services), Ok(organizations)) = (self.store.services(), self.store.organizations())
        else {
            return;
        };
        let organizations: std::collections::BTreeMap<Uuid, crate::model::Organization> =
            organizations.into_iter().map(|o| (o.id, o)).collect();
        if services == self.data.services && organizations == self.data.organizations {
            return;
        }
        self.data.sample = services
            .iter()
            .any(|s| crate::model::sample::is_sample_id(s.id));
        self.data.service_index = services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        self.data.services = services;
        self.data.organizations = organizations;
        self.services = services::State::new(&self.data);
    }

    /// After a save elsewhere (a referral, a need marked met), an unchanged household form
    /// shows its needs as they are now.
    fn refresh_form_needs(&mut self) {
        let Some(form) = self.intake.form.as_mut() else {
            return;
        };
        if form.dirty || form.existing.is_none() {
            return;
        }
        if let Ok(needs) = self.store.needs_of(form.id) {
            form.saved_needs = needs.iter().map(|n| n.id).collect();
            form.needs = needs;
            form.needs_list.clamp(form.needs.len());
        }
    }

    fn on_paste(&mut self, text: &str) {
        // A paste is typed into the focused text field, key by key: a field at its limit
        // refuses the rest and says so, as it does for typing.
        for c in text
            .chars()
            .filter(|&c| !crate::model::text::is_refused(c) && c != '\t')
        {
            self.on_key(Key::char(c));
        }
    }

    /// Handles a key press.
    pub fn on_key(&mut self, key: Key) {
        self.message = None;
        // Quitting works everywhere, a pop-up open or not (asking first when unsaved).
        if keys::command(&key, Scope::Global, true) == Some(Command::Quit)
            && !matches!(self.modal, Some(Modal::Confirm { .. }))
        {
            let typed_in_pop_up = matches!(&self.modal, Some(Modal::Prompt(p)) if p.initial.as_ref() != Some(&p.form));
            self.modal = None;
            if typed_in_pop_up && !self.intake.unsaved() {
                self.modal = Some(Modal::Confirm {
                    message: t("confirm-quit-typed"),
                    yes: Action::QuitNow,
                });
                return;
            }
            return self.update(Action::Quit);
        }
        if let Some(modal) = self.modal.as_mut() {
            match modal.handle_key(&key) {
                Outcome::Stay => {}
                Outcome::Close => self.modal = None,
                Outcome::Do(action) => {
                    self.modal = None;
                    self.update(action);
                }
                Outcome::Submit => self.update(Action::SubmitPrompt),
                Outcome::Worker(name) => self.update(Action::SetWorker(name)),
            }
            return;
        }
        let typing = self.typing();
        match keys::command(&key, Scope::Global, typing) {
            Some(Command::Help) => return self.update(Action::Show(ScreenId::Help)),
            Some(Command::Show(s)) => return self.update(Action::Show(s)),
            Some(Command::Quit) => return self.update(Action::Quit),
            Some(Command::Worker) => return self.update(Action::PickWorker),
            _ => {}
        }
        let action = match self.screen {
            ScreenId::Help => {
                let command = keys::command(&key, Scope::List, false);
                if keys::command(&key, Scope::Global, false) == Some(Command::Back) {
                    Some(Action::Show(self.previous))
                } else if command == Some(Command::Menu) {
                    // The language and the Arabic display mode.
                    Some(Action::Menu)
                } else {
                    self.help.handle_key(&key);
                    None
                }
            }
            ScreenId::Intake => self.intake.handle_key(&key, &self.data),
            ScreenId::Services => self.services.handle_key(&key, &self.data),
            ScreenId::Referrals => self.referrals.handle_key(&key, &self.data),
            ScreenId::Queue => self.queue.handle_key(&key, &self.data),
            ScreenId::Sync => self.sync.handle_key(&key, &self.data),
        };
        if let Some(a) = action {
            self.update(a);
        }
    }

    /// Whether the focused control takes typed letters (letter shortcuts are then off).
    pub fn typing(&self) -> bool {
        if let Some(m) = &self.modal {
            return m.typing();
        }
        match self.screen {
            ScreenId::Intake => self.intake.typing(),
            ScreenId::Services => self.services.typing(),
            ScreenId::Referrals => self.referrals.typing(),
            ScreenId::Sync => self.sync.typing(),
            _ => false,
        }
    }

    /// The commands the footer shows now.
    pub fn footer(&self) -> Vec<Command> {
        if let Some(m) = &self.modal {
            return m.footer();
        }
        match self.screen {
            ScreenId::Help => vec![Command::Menu, Command::Down, Command::Back, Command::Quit],
            ScreenId::Intake => self.intake.footer(),
            ScreenId::Services => self.services.footer(),
            ScreenId::Referrals => self.referrals.footer(),
            ScreenId::Queue => self.queue.footer(),
            ScreenId::Sync => self.sync.footer(),
        }
    }

    fn worker(&mut self) -> Option<String> {
        if self.data.worker.is_none() {
            self.update(Action::PickWorker);
            self.say(t("worker-needed"), Tone::Error);
        }
        self.data.worker.clone()
    }

    /// Acts on an action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Show(s) => {
                if s == ScreenId::Help && self.screen != ScreenId::Help {
                    self.previous = self.screen;
                }
                self.screen = s;
                if s == ScreenId::Referrals
                    && let Some(id) = self.referrals.selected_id(&self.data)
                {
                    self.load_detail(id);
                }
                if s == ScreenId::Sync {
                    self.refresh_sync();
                }
            }
            Action::Quit => {
                if self.intake.unsaved() {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-quit-unsaved"),
                        yes: Action::QuitNow,
                    });
                } else {
                    self.quit = true;
                }
            }
            Action::QuitNow => self.quit = true,
            // On an encrypted database the worker is who unlocked it: another worker opens
            // Daleel with their own name and passphrase (changes are never recorded under
            // a name whose passphrase was not given).
            Action::PickWorker if self.workers.is_some() => {
                let list = self
                    .workers
                    .as_ref()
                    .and_then(|w| w.list().ok())
                    .unwrap_or_default()
                    .join(", ");
                self.say(t("worker-switch-encrypted"), Tone::Info);
                self.modal = Some(Modal::menu(
                    tr("workers-title", &[("list", Arg::Str(&list))]),
                    vec![
                        (t("menu-add-worker"), Action::AskAddWorker),
                        (t("menu-worker-passphrase"), Action::AskWorkerPassphrase),
                        (t("menu-remove-worker"), Action::AskRemoveWorker),
                    ],
                ));
            }
            Action::AskAddWorker => self.open_prompt(
                t("add-worker-title"),
                t("add-worker-intro"),
                prompts::worker_form(""),
                Purpose::AddWorker,
                12,
            ),
            Action::AskWorkerPassphrase => {
                let me = self.data.worker.clone().unwrap_or_default();
                self.open_prompt(
                    t("worker-passphrase-title"),
                    t("rekey-intro"),
                    prompts::worker_form(&me),
                    Purpose::WorkerPassphrase,
                    12,
                )
            }
            Action::AskRemoveWorker => self.open_prompt(
                t("remove-worker-title"),
                format!("{} {}", t("remove-worker-intro"), t("rekey-intro")),
                prompts::worker_name_form(),
                Purpose::RemoveWorker,
                12,
            ),
            Action::PickWorker => match self.store.workers() {
                Ok(w) => self.modal = Some(Modal::worker_picker(w)),
                Err(e) => self.fail(e),
            },
            Action::SetWorker(name) => match self.store.set_worker(&name) {
                Ok(()) => {
                    self.modal = None;
                    self.data.worker = Some(name.trim().to_string());
                    self.say(
                        tr("worker-set", &[("name", Arg::Str(name.trim()))]),
                        Tone::Success,
                    );
                }
                Err(e) => {
                    if let Some(Modal::Worker(w)) = self.modal.as_mut() {
                        w.error = Some(e.shown());
                    }
                }
            },
            Action::Menu => self.open_menu(),
            Action::FindHouseholds(q) => self.find_households(q),
            Action::NewHousehold => {
                if self.worker().is_none() {
                    return;
                }
                self.intake.form = Some(HouseholdForm::new(None, Vec::new(), &self.data.gazetteer));
                self.intake.mode = Mode::Form;
                self.screen = ScreenId::Intake;
            }
            Action::OpenHousehold(id) => {
                let same = self.intake.form.as_ref().is_some_and(|f| f.id == id);
                if self.intake.unsaved() && !same {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-discard"),
                        yes: Action::OpenHouseholdAnyway(id),
                    });
                } else if same && self.intake.mode == Mode::Form {
                    self.screen = ScreenId::Intake;
                } else {
                    self.open_household(id);
                }
            }
            Action::OpenHouseholdAnyway(id) => self.open_household(id),
            Action::SubmitPrompt => self.submit_prompt(),
            Action::SaveHousehold => self.save_household(),
            Action::DiscardHousehold => {
                if self.intake.unsaved() {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-discard"),
                        yes: Action::LeaveForm,
                    });
                } else {
                    self.update(Action::LeaveForm);
                }
            }
            Action::LeaveForm => {
                self.intake.form = None;
                self.intake.mode = Mode::Lookup;
                self.services.referring = None;
            }
            Action::CheckDuplicates => self.check_duplicates(),
            Action::EditMember(i) => {
                let Some(form) = self.intake.form.as_ref() else {
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
                    Purpose::Member(i),
                    16,
                );
            }
            Action::EditNeed(i) => {
                let Some(form) = self.intake.form.as_ref() else {
                    return;
                };
                let existing = i.and_then(|i| form.needs.get(i));
                let title = if existing.is_some() {
                    t("need-edit-title")
                } else {
                    t("need-add-title")
                };
                let f = prompts::need_form(existing, &form.members);
                self.open_prompt(title, String::new(), f, Purpose::Need(i), 14);
            }
            Action::SetNeedStatus { need, status } => self.set_need_status(need, status),
            Action::CloseCase if self.intake.unsaved() => {
                self.say(t("close-save-first"), Tone::Error);
            }
            Action::CloseCase => {
                self.open_prompt(
                    t("close-title"),
                    t("close-intro"),
                    prompts::close_case_form(),
                    Purpose::CloseCase,
                    16,
                );
            }
            Action::ReferNeed { household, need } => self.refer_need(household, need),
            Action::CancelReferring => {
                self.services.referring = None;
                self.screen = ScreenId::Intake;
            }
            Action::DraftReferral { service } => self.draft_referral(service),
            Action::OpenReferral(id) => {
                if self.screen != ScreenId::Referrals {
                    self.referrals.select(id, &self.data);
                    self.screen = ScreenId::Referrals;
                }
                self.load_detail(id);
            }
            Action::MoveReferral { id, mv } => self.move_referral(id, mv, String::new()),
            Action::AskMove { id, to } => {
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
                    Purpose::Move { id, to },
                    14,
                );
            }
            Action::AskNote(id) => self.open_prompt(
                t("note-title"),
                String::new(),
                prompts::note_form(),
                Purpose::Note(id),
                14,
            ),
            Action::AskFollowUp(id) => {
                let current = self
                    .referrals
                    .detail
                    .as_ref()
                    .filter(|r| r.id == id)
                    .and_then(|r| r.follow_up);
                self.open_prompt(
                    t("follow-up-title"),
                    t("follow-up-intro"),
                    prompts::follow_up_form(current),
                    Purpose::FollowUp(id),
                    14,
                );
            }
            Action::SetFollowUp { id, date } => self.set_follow_up(id, date),
            Action::Reload => self.spawn_load(),
            Action::FieldFull => self.say(t("field-cut"), Tone::Error),
            Action::SyncScan => self.sync_scan(),
            Action::SyncUse(path) => {
                self.sync.folder.set(&path.display().to_string());
                self.sync_scan();
            }
            Action::SyncExport => self.sync_export(),
            Action::SyncImport(files) => self.sync_import(files),
            Action::AskService(id) => {
                let service = id.and_then(|id| self.data.service(id).cloned());
                let orgs: Vec<crate::model::Organization> =
                    self.data.organizations.values().cloned().collect();
                let title = match &service {
                    Some(s) => s.name.clone(),
                    None => t("new-service-title"),
                };
                self.open_prompt(
                    fit_title(&title),
                    t("service-form-intro"),
                    prompts::service_form(service.as_ref(), &orgs),
                    Purpose::Service(id),
                    18,
                );
            }
            Action::AskOrganization(id) => {
                let org = id.and_then(|id| self.data.organizations.get(&id).cloned());
                let title = match &org {
                    Some(o) => o.name.clone(),
                    None => t("new-organization-title"),
                };
                self.open_prompt(
                    fit_title(&title),
                    String::new(),
                    prompts::organization_form(org.as_ref()),
                    Purpose::Organization(id),
                    18,
                );
            }
            Action::SetLanguage(lang) => {
                crate::i18n::set_language(lang);
                self.modal = None;
                self.set_text_mode(self.text_mode);
                self.queue.rebuild(&self.data);
                self.spawn_load();
                self.say(
                    tr("language-set", &[("language", Arg::Str(lang.name()))]),
                    Tone::Success,
                );
            }
            Action::SetTextMode(mode) => {
                self.modal = None;
                self.set_text_mode(mode);
            }
            Action::Slip(id) => {
                // Onto the drive when one is chosen on the Sync screen, else the
                // worker's documents folder; never a temporary folder other accounts
                // can read: without either, the worker is asked to choose a folder.
                let folder = self.sync.folder().or_else(|| {
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
                            ("error", Arg::Str(&super::errors::io_message(&e))),
                        ],
                    )),
                }
            }
            Action::TeamRequest => self.team_job(|h, folder| {
                let (file, bytes) = h.request().map_err(|e| e.shown())?;
                crate::disk::write_whole(&folder.join(&file), &bytes, crate::disk::Access::Shared)
                    .map_err(|e| e.shown())?;
                Ok(tr("team-request-written", &[("file", Arg::Str(&file))]))
            }),
            Action::AskTeamJoin(path) => {
                if let Some(sync::TeamFound::Certificate {
                    team,
                    team_key,
                    role,
                    ..
                }) = self.sync.team.iter().find(
                    |f| matches!(f, sync::TeamFound::Certificate { path: p, .. } if *p == path),
                ) {
                    self.modal = Some(Modal::Confirm {
                        message: tr(
                            "team-join-confirm",
                            &[
                                ("team", Arg::Str(team)),
                                ("role", Arg::Str(role)),
                                ("key", Arg::Str(team_key)),
                            ],
                        ),
                        yes: Action::TeamJoin(path),
                    });
                }
            }
            Action::TeamJoin(path) => self.team_job(move |h, _| {
                let bytes =
                    crate::disk::read_regular(&path, crate::sync::team::TEAM_FILE_MAX_BYTES)
                        .map_err(|e| e.shown())?;
                let (file, _) = h.read_for_me(&bytes).map_err(|e| e.shown())?;
                h.join(&file).map_err(|e| e.shown())?;
                Ok(tr("team-joined", &[("team", Arg::Str(&file.team.name))]))
            }),
            Action::AskApprove(path) => {
                if let Some(sync::TeamFound::Request {
                    code,
                    name,
                    fingerprint,
                    ..
                }) =
                    self.sync.team.iter().find(
                        |f| matches!(f, sync::TeamFound::Request { path: p, .. } if *p == path),
                    )
                {
                    self.open_prompt(
                        tr(
                            "approve-title",
                            &[("code", Arg::Str(code)), ("name", Arg::Str(name))],
                        ),
                        tr("approve-intro", &[("fingerprint", Arg::Str(fingerprint))]),
                        prompts::approve_form(),
                        Purpose::Approve(path),
                        14,
                    );
                }
            }
            Action::AskRevokeMenu => {
                let policy = self.store.policy();
                let me = self.store.device().origin;
                let items: Vec<(String, Action)> = policy
                    .members
                    .values()
                    .filter(|c| c.device != me && !policy.revoked.contains_key(&c.device))
                    .map(|c| {
                        (
                            format!(
                                "{} {} ({}, {})",
                                crate::sync::identity::device_code(c.device),
                                c.name,
                                crate::tui::labels::role(c.role),
                                c.org
                            ),
                            Action::AskRevoke(c.device),
                        )
                    })
                    .collect();
                self.modal = Some(Modal::menu(t("team-revoke-title"), items));
            }
            Action::AskRevoke(device) => {
                let name = self
                    .store
                    .policy()
                    .member(device)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let after = self.store.held(device).unwrap_or(0);
                self.modal = Some(Modal::Confirm {
                    message: tr(
                        "team-revoke-confirm",
                        &[
                            (
                                "code",
                                Arg::Str(&crate::sync::identity::device_code(device)),
                            ),
                            ("name", Arg::Str(&name)),
                            ("after", Arg::Num(after as i64)),
                        ],
                    ),
                    yes: Action::Revoke(device),
                });
            }
            Action::Revoke(device) => self.team_job(move |h, _| {
                // What this laptop holds of it counts; nothing after (0: none of it).
                let after = h.store.held(device).map_err(|e| e.shown())?;
                let r = h.revoke(device, Some(after)).map_err(|e| e.shown())?;
                Ok(tr(
                    "team-revoked",
                    &[
                        (
                            "code",
                            Arg::Str(&crate::sync::identity::device_code(r.device)),
                        ),
                        ("after", Arg::Num(r.after_seq as i64)),
                    ],
                ))
            }),
            Action::Backup => self.team_job(move |h, folder| {
                let key = h
                    .key
                    .as_ref()
                    .ok_or_else(|| crate::backup::BackupError::NotEncrypted.to_string())?;
                let team_key = h.team_key().map_err(|e| e.shown())?;
                let s = crate::backup::write(
                    &h.store,
                    &h.identity,
                    key,
                    team_key.as_ref(),
                    folder,
                    |_| {},
                )
                .map_err(|e| e.shown())?;
                let file = s
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Ok(tr(
                    "backup-written",
                    &[
                        ("file", Arg::Str(&file)),
                        ("households", Arg::Num(s.records[0] as i64)),
                    ],
                ))
            }),
            Action::Handoff(org) => self.team_job(move |h, folder| {
                let s = crate::sync::handoff::export_for_org(&h.store, &h.identity, &org, folder)
                    .map_err(|e| e.shown())?;
                Ok(tr(
                    "handoff-written",
                    &[
                        ("org", Arg::Str(&s.org)),
                        ("referrals", Arg::Num(s.referrals as i64)),
                    ],
                ))
            }),
            Action::ConflictMenu(i) => {
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
                            Action::Resolve {
                                tag: c.tag,
                                id: c.id,
                                field: c.field,
                                value: v.value.clone(),
                            },
                        )
                    })
                    .collect();
                if c.typed {
                    items.push((t("conflict-type"), Action::AskResolveText(i)));
                }
                let title = format!("{} · {}", c.label, c.field_name);
                self.modal = Some(Modal::menu(title, items));
            }
            Action::AskErase(id) => {
                let code = self
                    .intake
                    .form
                    .as_ref()
                    .and_then(|f| f.existing.as_ref())
                    .map(|h| h.case_code.clone())
                    .unwrap_or_default();
                self.modal = Some(Modal::Confirm {
                    message: tr("erase-confirm", &[("code", Arg::Str(&code))]),
                    yes: Action::Erase(id),
                });
            }
            Action::Erase(id) => {
                let Some(worker) = self.worker() else { return };
                match self.store.erase(&worker, id) {
                    Ok(done) => {
                        self.modal = None;
                        self.intake.form = None;
                        self.intake.mode = Mode::Lookup;
                        self.say(
                            tr("erased", &[("code", Arg::Str(&done.case_code))]),
                            Tone::Success,
                        );
                        self.spawn_load();
                    }
                    Err(e) => self.fail(e),
                }
            }
            Action::ShowAudit(code) => match self.store.audit_trail(Some(&code)) {
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
            Action::AskResolveText(i) => {
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
                    Purpose::ResolveText {
                        tag: c.tag,
                        id: c.id,
                        field: c.field,
                    },
                    14,
                );
            }
            Action::Resolve {
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
            Action::Say(text) => self.say(text, Tone::Info),
        }
    }

    fn open_prompt(
        &mut self,
        title: String,
        intro: String,
        form: crate::tui::widgets::form::Form,
        purpose: Purpose,
        label_width: usize,
    ) {
        self.modal = Some(Modal::Prompt(Prompt {
            initial: Some(form.clone()),
            esc_armed: false,
            title,
            intro,
            form,
            purpose,
            label_width,
            error: None,
        }));
    }

    fn find_households(&mut self, query: String) {
        self.intake.generation += 1;
        let generation = self.intake.generation;
        let Some(index) = self.data.households.clone() else {
            return;
        };
        self.intake.searching = true;
        let store = self.store.clone();
        self.runner.spawn(move || {
            let ids = match index.lock() {
                Ok(mut search) => {
                    if query.trim().is_empty() {
                        // The latest households first.
                        search.latest(intake::LOOKUP_LIMIT)
                    } else {
                        let found = search.search(&query, intake::LOOKUP_LIMIT);
                        found.into_iter().map(|i| search.id(i)).collect()
                    }
                }
                Err(_) => Vec::new(),
            };
            let hits = rows_of(&store, &ids);
            JobResult::Households {
                generation,
                query,
                hits,
            }
        });
    }

    fn check_duplicates(&mut self) {
        let Some(form) = self.intake.form.as_mut() else {
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

    fn open_household(&mut self, id: Uuid) {
        let household = match self.store.get::<Household>(id) {
            Ok(Some(h)) => h,
            Ok(None) => return self.fail(t("error-household-gone")),
            Err(e) => return self.fail(e),
        };
        let needs = match self.store.needs_of(id) {
            Ok(n) => n,
            Err(e) => return self.fail(e),
        };
        // Who opened which household's details is kept (the audit trail); a record that
        // cannot be noted is not shown.
        if let Err(e) = self.store.audit_view(&household) {
            return self.fail(e);
        }
        self.intake.form = Some(HouseholdForm::new(
            Some(household),
            needs,
            &self.data.gazetteer,
        ));
        self.intake.mode = Mode::Form;
        self.screen = ScreenId::Intake;
    }

    fn save_household(&mut self) {
        let Some(worker) = self.worker() else { return };
        let now = self.store.now();
        let Some(form) = self.intake.form.as_mut() else {
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
            // once): the form's copy may be older, so the stored status stays.
            let mut need = need.clone();
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
                let needs = self.store.needs_of(household.id).unwrap_or_default();
                let step = form.step;
                if let Some(saved) = saved {
                    let code = saved.case_code.clone();
                    let mut fresh = HouseholdForm::new(Some(saved), needs, &self.data.gazetteer);
                    fresh.step = step;
                    self.intake.form = Some(fresh);
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

    fn set_need_status(&mut self, need: Uuid, status: NeedStatus) {
        let Some(worker) = self.worker() else { return };
        let Some(form) = self.intake.form.as_mut() else {
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

    fn refer_need(&mut self, household: Uuid, need: Uuid) {
        let Some(form) = self.intake.form.as_ref() else {
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
        self.services.refer(referring, n.sector, &governorate);
        self.screen = ScreenId::Services;
    }

    fn draft_referral(&mut self, service: Uuid) {
        let Some(r) = self.services.referring.clone() else {
            return;
        };
        let need = match self.store.get::<Need>(r.need) {
            Ok(Some(n)) => n,
            _ => return self.fail(t("error-need-gone")),
        };
        let household = self.store.get::<Household>(r.household).ok().flatten();
        let consent = household.as_ref().and_then(|h| h.consent.as_ref());
        let name = self
            .data
            .service(service)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let intro = if consent.is_some_and(|c| c.disclosure) {
            t("draft-intro")
        } else {
            t("draft-intro-no-disclosure")
        };
        let form = prompts::draft_form(&need, consent);
        self.open_prompt(
            tr("draft-title", &[("service", Arg::Str(&name))]),
            intro,
            form,
            Purpose::Draft {
                household: r.household,
                need: r.need,
                service,
            },
            22,
        );
    }

    fn load_detail(&mut self, id: Uuid) {
        match self.store.get::<Referral>(id) {
            Ok(r) => self.referrals.detail = r,
            Err(e) => self.fail(e),
        }
    }

    /// Re-reads one referral into its row (so the list is right before the reload ends).
    fn patch_referral_row(&mut self, id: Uuid) {
        if let Ok(Some(r)) = self.store.get::<Referral>(id)
            && let Some(row) = self.data.referrals.iter_mut().find(|row| row.id == id)
        {
            row.status = r.status();
            row.sent_at = r.sent_at();
            row.follow_up = r.follow_up;
        }
        self.referrals.refilter(&self.data);
        self.queue.rebuild(&self.data);
        self.load_detail(id);
    }

    fn move_referral(&mut self, id: Uuid, mv: Move, note: String) {
        let Some(worker) = self.worker() else { return };
        if let Err(e) = self.make_move(&worker, id, &mv, &note) {
            self.fail(e);
        }
    }

    /// Makes a move, shows it at once and says so; a refusal is the caller's to show.
    fn make_move(
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

    fn set_follow_up(&mut self, id: Uuid, date: Option<crate::model::Date>) {
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

    /// Checks a prompt's answers and uses them; the prompt stays open on a problem.
    fn submit_prompt(&mut self) {
        let Some(Modal::Prompt(prompt)) = self.modal.clone() else {
            return;
        };
        let worker = self.data.worker.clone().unwrap_or_default();
        let now = self.store.now();
        let result: Result<(), prompts::Fault> = match &prompt.purpose {
            Purpose::Member(i) => {
                let Some(form) = self.intake.form.as_mut() else {
                    return;
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
                })
            }
            Purpose::Need(i) => {
                let Some(form) = self.intake.form.as_mut() else {
                    return;
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
                    },
                )
            }
            Purpose::Draft {
                household,
                need,
                service,
            } => match prompts::draft_from(&prompt.form) {
                Err(f) => Err(f),
                Ok(d) => {
                    self.modal = None;
                    self.save_draft(*household, *need, *service, d);
                    return;
                }
            },
            Purpose::Move { id, to } => match prompts::move_from(*to, &prompt.form) {
                Err(f) => Err(f),
                Ok((mv, note)) => {
                    let Some(worker) = self.worker() else { return };
                    match self.make_move(&worker, *id, &mv, &note) {
                        Ok(()) => {
                            self.modal = None;
                            return;
                        }
                        Err(e) => Err((FieldId::Reason, e.shown())),
                    }
                }
            },
            Purpose::Note(id) => {
                let note = prompt.form.text(FieldId::Note);
                if note.is_empty() {
                    Err((FieldId::Note, t("problem-note")))
                } else {
                    match self.store.note_referral(&worker, *id, &note) {
                        Ok(_) => {
                            self.modal = None;
                            self.patch_referral_row(*id);
                            self.say(t("saved"), Tone::Success);
                            return;
                        }
                        Err(e) => Err((FieldId::Note, e.shown())),
                    }
                }
            }
            Purpose::FollowUp(id) => match prompts::follow_up_from(&prompt.form) {
                Err(f) => Err(f),
                Ok(date) => {
                    self.modal = None;
                    self.set_follow_up(*id, date);
                    return;
                }
            },
            Purpose::CloseCase => self.close_case(&prompt.form, &worker, now),
            Purpose::AddWorker => match prompts::worker_from(&prompt.form) {
                Err(f) => Err(f),
                Ok((name, passphrase)) => {
                    self.modal = None;
                    self.workers_job(move |w| {
                        w.add(&name, &passphrase)
                            .map(|()| tr("worker-added", &[("name", Arg::Str(&name))]))
                            .map_err(|e| e.shown())
                    });
                    return;
                }
            },
            Purpose::WorkerPassphrase => match prompts::worker_from(&prompt.form) {
                Err(f) => Err(f),
                Ok((name, passphrase)) => {
                    let change = crate::workspace::Rekey::Passphrase {
                        name,
                        passphrase: zeroize::Zeroizing::new(passphrase),
                    };
                    match self.ask_rekey(change) {
                        Ok(()) => {
                            self.modal = None;
                            return;
                        }
                        Err(e) => Err((crate::tui::field::FieldId::Name, e)),
                    }
                }
            },
            Purpose::RemoveWorker => {
                let name = prompt.form.text(FieldId::Name);
                if name.trim().is_empty() {
                    Err((FieldId::Name, t("problem-worker-name")))
                } else {
                    let change = crate::workspace::Rekey::Remove(vec![name.trim().to_string()]);
                    match self.ask_rekey(change) {
                        Ok(()) => {
                            self.modal = None;
                            return;
                        }
                        Err(e) => Err((crate::tui::field::FieldId::Name, e)),
                    }
                }
            }
            Purpose::Service(id) => {
                let base = id.and_then(|id| self.data.service(id).cloned());
                match prompts::service_from(&prompt.form, base.as_ref(), &self.store.gazetteer()) {
                    Err(f) => Err(f),
                    Ok(service) => {
                        match self.store.apply(&worker, &[Edit::Service(service.clone())]) {
                            Ok(_) => {
                                self.modal = None;
                                self.refresh_directory();
                                self.say(
                                    tr("service-saved", &[("name", Arg::Str(&service.name))]),
                                    Tone::Success,
                                );
                                return;
                            }
                            Err(e) => Err((FieldId::Name, e.shown())),
                        }
                    }
                }
            }
            Purpose::Organization(id) => {
                let base = id.and_then(|id| self.data.organizations.get(&id).cloned());
                match prompts::organization_from(&prompt.form, base.as_ref()) {
                    Err(f) => Err(f),
                    Ok(org) => match self
                        .store
                        .apply(&worker, &[Edit::Organization(org.clone())])
                    {
                        Ok(_) => {
                            self.modal = None;
                            self.refresh_directory();
                            self.say(
                                tr("organization-saved", &[("name", Arg::Str(&org.name))]),
                                Tone::Success,
                            );
                            return;
                        }
                        Err(e) => Err((FieldId::Name, e.shown())),
                    },
                }
            }
            Purpose::Approve(path) => match prompts::approval_from(&prompt.form, now.date()) {
                Err(f) => Err(f),
                Ok(approval) => {
                    let path = path.clone();
                    self.team_job(move |h, folder| {
                        let bytes =
                            crate::disk::read_regular(&path, crate::sync::card::CARD_MAX_BYTES)
                                .map_err(|e| e.shown())?;
                        let card = crate::sync::card::Card::read(&bytes).map_err(|e| e.shown())?;
                        let (file, cert) = h.approve(&card, &approval).map_err(|e| e.shown())?;
                        let name = crate::sync::enrol::cert_file_name(&card.code());
                        crate::disk::write_whole(
                            &folder.join(&name),
                            &file,
                            crate::disk::Access::Shared,
                        )
                        .map_err(|e| e.shown())?;
                        Ok(tr(
                            "team-approved",
                            &[
                                ("code", Arg::Str(&card.code())),
                                ("role", Arg::Str(&crate::tui::labels::role(cert.role))),
                                ("file", Arg::Str(&name)),
                            ],
                        ))
                    });
                    return;
                }
            },
            Purpose::ResolveText { tag, id, field } => {
                let text = prompt.form.text(FieldId::Value);
                match self.store.typed_resolution(*tag, *id, *field, &text) {
                    Ok(value) => {
                        self.modal = None;
                        self.update(Action::Resolve {
                            tag: *tag,
                            id: *id,
                            field: *field,
                            value,
                        });
                        return;
                    }
                    Err(e) => Err((FieldId::Value, e.to_string())),
                }
            }
        };
        match result {
            Ok(()) => self.modal = None,
            Err((field, message)) => {
                if let Some(Modal::Prompt(p)) = self.modal.as_mut() {
                    if !p.form.set_error(field, &message) {
                        p.error = Some(message);
                    } else {
                        p.form.focus_on(field);
                    }
                }
            }
        }
    }

    fn close_case(
        &mut self,
        form: &crate::tui::widgets::form::Form,
        worker: &str,
        now: crate::model::Timestamp,
    ) -> Result<(), prompts::Fault> {
        let reason = form
            .code(FieldId::Reason)
            .and_then(|c| ClosureReason::from_code(&c))
            .ok_or((FieldId::Reason, t("problem-close-reason")))?;
        let Some(hf) = self.intake.form.as_ref() else {
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
                self.intake.form = Some(HouseholdForm::new(
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

    fn save_draft(&mut self, household: Uuid, need: Uuid, service: Uuid, d: prompts::Draft) {
        let Some(worker) = self.worker() else { return };
        let now = self.store.now();
        let Some(s) = self.data.service(service).cloned() else {
            return self.fail(t("error-service-gone"));
        };
        let referral = Referral {
            id: Uuid::now_v7(),
            household,
            need,
            service,
            organization: s.organization,
            referring_org: self.data.device_name.clone(),
            priority: d.priority,
            reason: d.reason,
            disclosed: d.disclosed,
            follow_up: d.follow_up,
            created_at: now,
            created_by: worker.clone(),
            history: Vec::new(),
            flagged: Vec::new(),
        };
        let id = referral.id;
        if let Err(e) = self.store.apply(&worker, &[Edit::Referral(referral)]) {
            return self.fail(e);
        }
        let org = self.data.org_short(s.organization);
        if d.send {
            match self.store.move_referral(&worker, id, &Move::Send, "") {
                Ok(_) => self.say(
                    tr("referral-sent", &[("org", Arg::Str(&org))]),
                    Tone::Success,
                ),
                Err(e) => self.fail(tr(
                    "referral-kept-draft",
                    &[("error", Arg::Str(&e.shown()))],
                )),
            }
        } else {
            self.say(t("referral-drafted"), Tone::Success);
        }
        self.services.referring = None;
        self.select_after_load = Some(id);
        self.screen = ScreenId::Referrals;
        self.spawn_load();
    }

    /// The action menu of what is selected now.
    fn open_menu(&mut self) {
        let mut items: Vec<(String, Action)> = Vec::new();
        let mut title = t("menu-title");
        match self.screen {
            ScreenId::Intake => match (self.intake.mode, self.intake.form.as_ref()) {
                (Mode::Form, Some(form)) => {
                    if form.step == intake::Step::Needs
                        && let Some(n) = form.needs.get(form.needs_list.selected)
                    {
                        title = fit_title(&n.description);
                        if form.saved_needs.contains(&n.id) && n.status == NeedStatus::Open
                            || n.status == NeedStatus::Referred
                        {
                            items.push((
                                t("menu-refer"),
                                Action::ReferNeed {
                                    household: form.id,
                                    need: n.id,
                                },
                            ));
                        }
                        items.push((
                            t("menu-edit-need"),
                            Action::EditNeed(Some(form.needs_list.selected)),
                        ));
                        items.push((
                            t("menu-need-met"),
                            Action::SetNeedStatus {
                                need: n.id,
                                status: NeedStatus::Met,
                            },
                        ));
                        items.push((
                            t("menu-need-unmet"),
                            Action::SetNeedStatus {
                                need: n.id,
                                status: NeedStatus::ClosedUnmet,
                            },
                        ));
                    }
                    items.push((t("menu-save"), Action::SaveHousehold));
                    items.push((t("menu-add-member"), Action::EditMember(None)));
                    items.push((t("menu-add-need"), Action::EditNeed(None)));
                    if form.existing.as_ref().is_some_and(|h| h.is_open()) {
                        items.push((t("menu-close-case"), Action::CloseCase));
                    }
                    if let Some(h) = &form.existing {
                        items.push((t("menu-audit"), Action::ShowAudit(h.case_code.clone())));
                        if !self.store.is_erased(h.id).unwrap_or(true) {
                            items.push((t("menu-erase"), Action::AskErase(h.id)));
                        }
                    }
                    if let Some(d) = form.duplicates.first() {
                        items.push((
                            tr("menu-open-duplicate", &[("code", Arg::Str(&d.case_code))]),
                            Action::OpenHousehold(d.id),
                        ));
                    }
                    items.push((t("menu-leave"), Action::DiscardHousehold));
                }
                _ => {
                    items.push((t("menu-new-household"), Action::NewHousehold));
                    if let Some(h) = self.intake.hits.get(self.intake.list.selected) {
                        items.push((
                            tr("menu-open-household", &[("code", Arg::Str(&h.case_code))]),
                            Action::OpenHousehold(h.id),
                        ));
                    }
                }
            },
            ScreenId::Services => {
                if let (Some(_), Some(s)) =
                    (&self.services.referring, self.services.selected_service())
                {
                    items.push((
                        t("menu-refer-here"),
                        Action::DraftReferral { service: s.id },
                    ));
                    items.push((t("menu-cancel-referring"), Action::CancelReferring));
                } else {
                    // The directory: a coordinator's to change (in a team, the store
                    // refuses others with a message).
                    if let Some(s) = self.services.selected_service() {
                        items.push((t("menu-edit-service"), Action::AskService(Some(s.id))));
                        items.push((
                            t("menu-edit-organization"),
                            Action::AskOrganization(Some(s.organization)),
                        ));
                    }
                    items.push((t("menu-new-service"), Action::AskService(None)));
                    items.push((t("menu-new-organization"), Action::AskOrganization(None)));
                }
            }
            ScreenId::Referrals => {
                if let Some(r) = self.referrals.detail.clone() {
                    title = format!(
                        "{} → {}",
                        self.data
                            .referrals
                            .iter()
                            .find(|x| x.id == r.id)
                            .map(|x| x.case_code.clone())
                            .unwrap_or_default(),
                        self.data.org_short(r.organization)
                    );
                    for next in r.status().allowed_next() {
                        let label = t(&format!("menu-move-{}", next.code()));
                        let action = match next {
                            ReferralStatus::Sent => Action::MoveReferral {
                                id: r.id,
                                mv: Move::Send,
                            },
                            ReferralStatus::Accepted => Action::MoveReferral {
                                id: r.id,
                                mv: Move::Accept,
                            },
                            _ => Action::AskMove {
                                id: r.id,
                                to: *next,
                            },
                        };
                        items.push((label, action));
                    }
                    items.push((t("menu-note"), Action::AskNote(r.id)));
                    items.push((t("menu-slip"), Action::Slip(r.id)));
                    items.push((t("menu-follow-up"), Action::AskFollowUp(r.id)));
                    items.push((t("menu-open-case"), Action::OpenHousehold(r.household)));
                }
            }
            ScreenId::Sync => {
                title = t("sync-menu-title");
                if let Some(folder) = self.sync.folder() {
                    items.push((
                        tr(
                            "menu-sync-export",
                            &[("folder", Arg::Str(&folder.display().to_string()))],
                        ),
                        Action::SyncExport,
                    ));
                    if self.team.as_ref().is_some_and(|t| t.key.is_some()) {
                        items.push((
                            tr(
                                "menu-backup",
                                &[("folder", Arg::Str(&folder.display().to_string()))],
                            ),
                            Action::Backup,
                        ));
                    }
                }
                if !self.sync.found.is_empty() {
                    let all: Vec<std::path::PathBuf> =
                        self.sync.found.iter().map(|f| f.path.clone()).collect();
                    items.push((
                        tr(
                            "menu-sync-import-all",
                            &[("count", Arg::Num(all.len() as i64))],
                        ),
                        Action::SyncImport(all),
                    ));
                }
                for d in &self.sync.drives {
                    items.push((
                        tr("menu-sync-use", &[("drive", Arg::Str(&d.label))]),
                        Action::SyncUse(d.path.clone()),
                    ));
                }
                items.push((t("menu-sync-look-again"), Action::SyncScan));
                if self.team.is_some() {
                    self.team_items(&mut items);
                }
            }
            ScreenId::Help => {
                let current = crate::i18n::language();
                for lang in crate::i18n::Lang::ALL {
                    if lang != current {
                        items.push((
                            tr("menu-language", &[("language", Arg::Str(lang.name()))]),
                            Action::SetLanguage(lang),
                        ));
                    }
                }
                let other = match self.text_mode {
                    crate::tui::bidi::TextMode::Shaped => (
                        t("menu-display-terminal"),
                        crate::tui::bidi::TextMode::Terminal,
                    ),
                    crate::tui::bidi::TextMode::Terminal => {
                        (t("menu-display-shaped"), crate::tui::bidi::TextMode::Shaped)
                    }
                };
                items.push((other.0, Action::SetTextMode(other.1)));
            }
            ScreenId::Queue => {}
        }
        items.push((t("menu-help"), Action::Show(ScreenId::Help)));
        self.modal = Some(Modal::menu(title, items));
    }
}

fn fit_title(text: &str) -> String {
    crate::tui::widgets::fit(text, 40)
}

/// What the lists show of these households, read from the store (a household that is
/// gone meanwhile is left out).
fn rows_of(store: &Store, ids: &[Uuid]) -> Vec<HouseholdRow> {
    ids.iter()
        .filter_map(|id| store.get::<Household>(*id).ok().flatten())
        .map(|h| HouseholdRow::from_household(&h))
        .collect()
}

impl App {
    /// The drives, what an export would carry, and the bundles in the folder.
    fn refresh_sync(&mut self) {
        self.sync.drives = crate::sync::drives::removable();
        if self.sync.folder.is_empty()
            && let [only] = self.sync.drives.as_slice()
        {
            self.sync.folder.set(&only.path.display().to_string());
        }
        let me = self.store.device().origin;
        let held = self.store.held(me).unwrap_or(0);
        let known = self
            .store
            .team_knows()
            .ok()
            .and_then(|k| k.get(&me).copied())
            .unwrap_or(0);
        self.sync.unsent = held.saturating_sub(known);
        self.sync_scan();
    }

    /// The Sync menu's team items: what this laptop may do, with the folder and the team
    /// files found on it.
    fn team_items(&self, items: &mut Vec<(String, Action)>) {
        let policy = self.store.policy();
        let me = self.store.device().origin;
        let folder = self.sync.folder().map(|f| f.display().to_string());
        if policy.team.is_none() {
            if let Some(folder) = &folder {
                items.push((
                    tr("menu-team-request", &[("folder", Arg::Str(folder))]),
                    Action::TeamRequest,
                ));
            }
            for f in &self.sync.team {
                if let sync::TeamFound::Certificate { path, team, .. } = f {
                    items.push((
                        tr("menu-team-join", &[("team", Arg::Str(team))]),
                        Action::AskTeamJoin(path.clone()),
                    ));
                }
            }
            return;
        }
        if policy.is_authority(me) {
            for f in &self.sync.team {
                if let sync::TeamFound::Request {
                    path,
                    code,
                    name,
                    member,
                    ..
                } = f
                {
                    items.push((
                        tr(
                            if *member {
                                "menu-team-renew"
                            } else {
                                "menu-team-approve"
                            },
                            &[("code", Arg::Str(code)), ("name", Arg::Str(name))],
                        ),
                        Action::AskApprove(path.clone()),
                    ));
                }
            }
            items.push((t("menu-team-revoke"), Action::AskRevokeMenu));
        }
        let coordinator = policy
            .member(me)
            .is_some_and(|c| c.role == crate::sync::team::Role::Coordinator);
        if coordinator && let Some(folder) = &folder {
            let mut orgs: Vec<&str> = policy
                .members
                .values()
                .filter(|c| c.role == crate::sync::team::Role::Partner)
                .filter(|c| !policy.revoked.contains_key(&c.device))
                .map(|c| c.org.as_str())
                .collect();
            orgs.sort();
            orgs.dedup();
            for org in orgs {
                items.push((
                    tr(
                        "menu-team-handoff",
                        &[("org", Arg::Str(org)), ("folder", Arg::Str(folder))],
                    ),
                    Action::Handoff(org.to_string()),
                ));
            }
        }
    }

    fn sync_scan(&mut self) {
        let Some(folder) = self.sync.folder() else {
            self.sync.found.clear();
            self.sync.scanned = None;
            return;
        };
        let Some(identity) = self.identity.clone() else {
            return self.fail(t("sync-no-identity"));
        };
        let store = self.store.clone();
        let handle = self.team.clone();
        self.runner.spawn(move || {
            let found = sync::scan(&store, &identity, &folder);
            let team = handle
                .map(|h| sync::scan_team(&h, &folder))
                .unwrap_or_default();
            JobResult::SyncScanned {
                folder,
                found,
                team,
            }
        });
    }

    fn sync_export(&mut self) {
        let (Some(folder), Some(identity)) = (self.sync.folder(), self.identity.clone()) else {
            return self.fail(t("sync-no-folder"));
        };
        let store = self.store.clone();
        let progress = self.runner.progress();
        self.sync.busy = Some((t("sync-exporting"), 0, 0));
        self.runner.spawn(move || {
            let label = t("sync-exporting");
            let report = |done, total| {
                if let Some(p) = &progress {
                    p.report(&label, done, total);
                }
            };
            let result =
                crate::sync::export::export_reporting(&store, &identity, &folder, false, report)
                    .map(|s| {
                        let second = s.sensitive_path.as_ref().map(|p| {
                            tr(
                                "sync-exported-sensitive",
                                &[(
                                    "file",
                                    Arg::Str(
                                        &p.file_name()
                                            .map(|n| n.to_string_lossy().into_owned())
                                            .unwrap_or_default(),
                                    ),
                                )],
                            )
                        });
                        let main = tr(
                            "sync-exported",
                            &[
                                ("changes", Arg::Num(s.changes as i64)),
                                (
                                    "file",
                                    Arg::Str(
                                        &s.path
                                            .file_name()
                                            .map(|n| n.to_string_lossy().into_owned())
                                            .unwrap_or_default(),
                                    ),
                                ),
                            ],
                        );
                        match second {
                            Some(second) => format!("{main} {second}"),
                            None => main,
                        }
                    })
                    .map_err(|e| e.shown());
            JobResult::SyncDone(result)
        });
    }

    fn sync_import(&mut self, files: Vec<std::path::PathBuf>) {
        if files.is_empty() {
            return;
        }
        let Some(identity) = self.identity.clone() else {
            return self.fail(t("sync-no-identity"));
        };
        let store = self.store.clone();
        let progress = self.runner.progress();
        self.sync.busy = Some((t("sync-importing"), 0, 0));
        self.runner.spawn(move || {
            use crate::sync::import::Outcome;
            let outcomes = crate::sync::import::import_all(&store, &files, &identity, |step| {
                let Some(p) = &progress else {
                    return;
                };
                let args = [
                    ("n", Arg::Num(step.n as i64)),
                    ("count", Arg::Num(step.count as i64)),
                ];
                if step.total == 0 {
                    p.report(&tr("sync-checking-file", &args), 0, 0);
                } else {
                    p.report(&tr("sync-importing-file", &args), step.done, step.total);
                }
            });
            let (mut done, mut refused) = (Vec::new(), Vec::new());
            for (file, outcome) in outcomes {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match outcome {
                    Outcome::Imported(s) if s.handed_off.is_some() => done.push(tr(
                        "sync-imported-handoff",
                        &[
                            ("file", Arg::Str(&name)),
                            ("referrals", Arg::Num(s.handed_off.unwrap_or(0) as i64)),
                        ],
                    )),
                    Outcome::Imported(s) => {
                        done.push(tr(
                            "sync-imported",
                            &[
                                ("file", Arg::Str(&name)),
                                ("new", Arg::Num(s.new as i64)),
                                ("known", Arg::Num(s.known as i64)),
                                ("conflicts", Arg::Num(s.conflicts as i64)),
                            ],
                        ));
                        if s.forked > 0 {
                            done.push(tr(
                                "sync-imported-forked",
                                &[("count", Arg::Num(s.forked as i64))],
                            ));
                        }
                        if s.beyond_role + s.revoked > 0 {
                            done.push(tr(
                                "sync-imported-no-effect",
                                &[
                                    ("beyond", Arg::Num(s.beyond_role as i64)),
                                    ("revoked", Arg::Num(s.revoked as i64)),
                                ],
                            ));
                        }
                    }
                    // For other laptops: said, and not an error (as on the command line).
                    Outcome::LeftOnDrive(_) => {
                        done.push(tr("sync-left-on-drive", &[("file", Arg::Str(&name))]));
                    }
                    Outcome::Skipped(e) | Outcome::Refused(e) => {
                        refused.push(format!("{name}: {}", e.shown()));
                    }
                }
            }
            let result = if refused.is_empty() {
                Ok(done.join(" "))
            } else {
                let mut text = tr("sync-refused", &[("list", Arg::Str(&refused.join("; ")))]);
                if !done.is_empty() {
                    text.push(' ');
                    text.push_str(&done.join(" "));
                }
                Err(text)
            };
            JobResult::SyncDone(result)
        });
    }
}
