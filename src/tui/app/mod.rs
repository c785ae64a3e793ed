//! The state of the whole UI and `update(Action)`, the one place that asks the store to
//! change anything. Keys go to the modal if one is open, then to the global bindings,
//! then to the active screen, which answers with an action.

use std::sync::Arc;

use uuid::Uuid;

use super::ScreenId;
use super::action::Action;
use super::errors::Shown;
use super::event::Event;
use super::jobs::{Directory, JobResult, Runner, load_snapshot};
use super::keys::{self, Command, Key, Scope};
use super::screens::intake::{self};
use super::screens::modal::{Modal, Outcome, Prompt, Purpose};
use super::screens::{Data, Handled, Screens, help, queue, referrals, services, sync};

mod draft;
pub mod workers;
use super::theme::Theme;
use crate::i18n::{Arg, t, tr};
use crate::search::households::HouseholdRow;
use crate::store::{DatabaseKind, Store, StoreError};

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
    pub screens: Screens,
    pub modal: Option<Modal>,
    pub message: Option<(String, Tone)>,
    pub quit: bool,
    pub theme: Theme,
    pub(in crate::tui) store: Arc<Store>,
    pub(in crate::tui) runner: Runner,
    pub(in crate::tui) loading: bool,
    /// Whether the directory and the lists wait for the first frame to be drawn
    /// (`drawn`): on worker threads, which would otherwise share the processor with it.
    behind_first_frame: bool,
    /// Whether the directory was read again after the start (`refresh_directory`).
    pub(in crate::tui) directory_read: bool,
    pub(in crate::tui) reload_pending: bool,
    /// A referral to select once the lists are loaded again.
    pub(in crate::tui) select_after_load: Option<Uuid>,
    /// The device key, for exports from the Sync screen.
    pub(in crate::tui) identity: Option<Arc<crate::sync::identity::Identity>>,
    /// Set while the screen is locked (idle): nothing of the data is drawn.
    pub locked: Option<Locked>,
    pub(in crate::tui) idle: Option<IdleLock>,
    pub(in crate::tui) last_active: crate::model::Timestamp,
    /// The workers of an encrypted database (F8).
    pub(in crate::tui) workers: Option<Arc<crate::workspace::Workers>>,
    /// How Arabic script is shown (tui/bidi.rs).
    pub text_mode: crate::tui::bidi::TextMode,
    /// Team commands of the Sync screen (none in tests that do not need them).
    pub(in crate::tui) team: Option<crate::sync::enrol::TeamHandle>,
    /// A change of workers asked for on F8 that gives the database a new data key (a
    /// worker removed, a passphrase changed): the screens close for it, a gauge shows the
    /// database encrypted again, and they open again (tui::run).
    pub rekey: Option<crate::workspace::Rekey>,
    /// The draft of what is being typed (app/draft.rs).
    pub(in crate::tui) drafts: draft::Drafts,
}

/// Checks a passphrase of the worker who is working (Argon2: run off the UI thread).
pub type Unlocker = crate::workspace::PassphraseCheck;

/// When and how the screen locks.
#[derive(Clone)]
pub(in crate::tui) struct IdleLock {
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
        let worker = store.current_worker()?;
        let now = store.now();
        let data = Data {
            now: store.now(),
            direction: super::Direction::of_language(),
            // Until the terminal says otherwise (tui::run tells it at once).
            size: (super::MIN_WIDTH, super::MIN_HEIGHT),
            utc_offset_secs,
            device_code: store.device().code.clone(),
            device_fingerprint: crate::model::device::fingerprint(store.device().origin),
            device_name: store.device_name()?,
            worker: worker.clone(),
            demo: store.kind()? == Some(DatabaseKind::Demo),
            // The directory is read behind the first frame (`spawn_directory`). The
            // sample services are part of it unless stored ones replace them (under
            // their own ids), so it holds sample services as soon as there are any.
            sample: !crate::model::sample::directory().services.is_empty(),
            gazetteer: store.gazetteer(),
            service_index: Default::default(),
            services: Vec::new(),
            organizations: Default::default(),
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
            screens: Screens {
                intake: intake::State::default(),
                services: services_state,
                referrals: referrals_state,
                queue: queue::State::default(),
                help: help::State::default(),
                sync: sync::State::default(),
            },
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
            drafts: draft::Drafts::default(),
            behind_first_frame: false,
            directory_read: false,
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
        // The folder the Sync screen used last, while it is there (a stick plugged in
        // again under the same letter or mount point).
        if let Ok(Some(folder)) = app.store.sync_folder()
            && folder.is_dir()
        {
            app.screens.sync.folder.set(&folder.display().to_string());
        }
        // What was being typed when the last run ended without saving it.
        app.drafts = draft::Drafts::found(app.store.draft()?);
        if matches!(app.runner, Runner::Inline(_)) {
            app.spawn_directory();
            app.spawn_load();
        } else {
            app.behind_first_frame = true;
        }
        app.drain();
        app.offer_draft();
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

    pub(in crate::tui) fn set_text_mode(&mut self, mode: crate::tui::bidi::TextMode) {
        self.text_mode = mode;
        self.screens.help.mode = mode;
        // Arabic and Kurdish screens are mirrored whole in both modes (tui/bidi.rs).
        self.data.direction = super::Direction::of_language();
    }

    /// Lets the Sync screen set up and run a team (docs/teams.md).
    pub fn with_team(mut self, team: crate::sync::enrol::TeamHandle) -> App {
        self.team = Some(team);
        self
    }

    /// Lets F8 manage the workers of an encrypted database.
    pub fn with_workers(mut self, workers: Arc<crate::workspace::Workers>) -> App {
        self.workers = Some(workers);
        self
    }

    /// Locks the screen now.
    pub fn lock(&mut self) {
        if self.idle.is_some() {
            self.locked = Some(Locked::default());
        }
    }

    /// How long closed households are kept (`retention_months` in the settings); the
    /// lists are worked out again with it.
    pub fn with_retention(mut self, months: u32) -> App {
        if months != self.data.retention_months {
            self.data.retention_months = months;
            // Behind the first frame, the lists are read once it is drawn (`drawn`).
            if !self.behind_first_frame {
                self.spawn_load();
            }
        }
        self
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Says `text` on the message line (the run loop says how a re-key went).
    pub fn say(&mut self, text: String, tone: Tone) {
        self.message = Some((text, tone));
    }

    pub(in crate::tui) fn fail(&mut self, e: impl super::errors::Shown) {
        self.say(e.shown(), Tone::Error);
    }

    /// Handles one event from the channel.
    pub fn handle_event(&mut self, event: Event) {
        // Only the "needs at least 80x24" message shows: nothing typed may act unseen.
        // Quitting still works (asking first, once the screens show, when something is
        // unsaved).
        let blind = match &event {
            Event::Key(k) => keys::command(k, Scope::Global, true) != Some(Command::Quit),
            Event::Paste(_) => true,
            _ => false,
        };
        if blind && self.data.too_small() {
            return;
        }
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
            Event::Resize(width, height) => self.data.size = (width, height),
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
                self.keep_draft();
                // The queue says how late things are: work it out again each minute.
                if self.data.now.0 / 60_000 != before && self.data.loaded {
                    self.screens.queue.rebuild(&self.data);
                }
            }
            Event::Job(r) => self.on_job(*r),
        }
        self.drain();
        self.offer_draft();
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

    /// The first frame is on the screen: the directory and the lists are read now, on
    /// worker threads (each frame may say so; only the first starts anything).
    pub fn drawn(&mut self) {
        if std::mem::take(&mut self.behind_first_frame) {
            self.spawn_directory();
            if !self.loading && !self.data.loaded {
                self.spawn_load();
            }
        }
    }

    /// Reads the directory on a worker thread: the first screen does not need it, and
    /// on a large database it is most of what opening the screens costs.
    fn spawn_directory(&mut self) {
        let store = self.store.clone();
        self.runner.spawn(move || {
            let read = || -> Result<Directory, crate::store::StoreError> {
                Ok(Directory {
                    services: store.services()?,
                    organizations: store.organizations()?,
                })
            };
            JobResult::Directory(read().map_err(|e| e.shown()))
        });
    }

    pub(in crate::tui) fn spawn_load(&mut self) {
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
                let keep = self.screens.referrals.selected_id(&self.data);
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
                self.screens.referrals.reload(&self.data, keep);
                self.refresh_form_needs();
                self.screens.queue.rebuild(&self.data);
                if let Some(id) = self.select_after_load.take() {
                    self.screens.referrals.select(id, &self.data);
                    self.load_detail(id);
                } else if let Some(id) = self.screens.referrals.selected_id(&self.data) {
                    self.load_detail(id);
                }
                // Show the latest households (or search again) in the lookup.
                let query = self.screens.intake.query.value.clone();
                self.find_households(query);
                if self.reload_pending {
                    self.reload_pending = false;
                    self.spawn_load();
                }
                // The old lists are gone: their memory back to the system (not in tests,
                // whose jobs run inline).
                if matches!(self.runner, Runner::Threads(_)) {
                    super::jobs::give_back_free_memory();
                }
            }
            // Unless the directory was read again since (a save, an import).
            JobResult::Directory(Ok(directory)) if !self.directory_read => {
                self.set_directory(directory.services, directory.organizations, true);
            }
            JobResult::Directory(Ok(_)) => {}
            JobResult::Directory(Err(e)) => {
                self.fail(tr("error-load", &[("error", Arg::Str(&e))]));
            }
            JobResult::Loaded(Err(e)) => {
                self.loading = false;
                self.data.load_error = Some(e.clone());
                self.fail(tr("error-load", &[("error", Arg::Str(&e))]));
            }
            JobResult::Households {
                generation,
                hits,
                matched,
                ..
            } => {
                if generation == self.screens.intake.generation {
                    self.screens.intake.hits = hits;
                    self.screens.intake.matched = matched;
                    self.screens
                        .intake
                        .list
                        .clamp(self.screens.intake.hits.len());
                    self.screens.intake.searching = false;
                }
            }
            // A draft that cannot be written is said once: typing goes on.
            JobResult::DraftKept(Err(e)) => {
                self.fail(tr("draft-not-kept", &[("error", Arg::Str(&e))]))
            }
            JobResult::DraftKept(Ok(())) => {}
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
                self.screens.sync.busy = Some((label, done, total));
            }
            JobResult::SyncScanned {
                folder,
                found,
                team,
            } => {
                if self.screens.sync.folder().as_deref() == Some(folder.as_path()) {
                    self.screens.sync.found = found;
                    self.screens.sync.team = team;
                    self.screens.sync.scanned = Some(folder);
                    self.screens.sync.list.clamp(self.screens.sync.found.len());
                }
            }
            JobResult::SyncDone(result) => {
                self.screens.sync.busy = None;
                match &result {
                    Ok(text) => self.say(text.clone(), Tone::Success),
                    Err(e) => self.fail(e),
                }
                self.screens.sync.last = Some(result);
                self.refresh_sync();
                self.refresh_directory();
                self.spawn_load();
            }
            JobResult::Duplicates { generation, hits } => {
                if let Some(form) = self.screens.intake.form.as_mut()
                    && generation == form.dup_generation
                {
                    form.duplicates = hits;
                }
            }
        }
    }

    /// After a save elsewhere (a referral, a need marked met), an unchanged household form
    /// shows its needs as they are now.
    pub(in crate::tui) fn refresh_form_needs(&mut self) {
        let Some(form) = self.screens.intake.form.as_mut() else {
            return;
        };
        if form.dirty || form.existing.is_none() {
            return;
        }
        if let Ok(needs) = self.store.needs_of_case(form.id) {
            form.saved_needs = needs.iter().map(|n| n.id).collect();
            form.needs = needs;
            form.needs_list.clamp(form.needs.len());
        }
    }

    fn on_paste(&mut self, text: &str) {
        // A paste is typed into the focused text field, key by key: a field at its limit
        // refuses the rest and says so, as it does for typing. Every field is one line:
        // line breaks and tabs become spaces, so the paste stays in its field.
        for c in crate::tui::widgets::text::one_line(text)
            .chars()
            .filter(|&c| !crate::model::text::is_refused(c))
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
            if typed_in_pop_up && !self.screens.intake.unsaved() {
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
        match self
            .screens
            .get_mut(self.screen)
            .handle_key(&key, &self.data)
        {
            Handled::Act(action) => self.update(action),
            Handled::Consumed => {}
            // The defaults: the action menu, and back from Help.
            Handled::NotConsumed => {
                if keys::command(&key, Scope::List, false) == Some(Command::Menu) {
                    self.update(Action::Menu);
                } else if self.screen == ScreenId::Help
                    && keys::command(&key, Scope::Global, false) == Some(Command::Back)
                {
                    self.update(Action::Show(self.previous));
                }
            }
        }
    }

    /// The title on the border of the pop-up open over the screen, as drawn; none when no
    /// pop-up is open. Read-only, for tests: which pop-up a person is looking at.
    pub fn pop_up_title(&self) -> Option<String> {
        Some(match self.modal.as_ref()? {
            Modal::Menu(menu) => menu.title.clone(),
            Modal::Prompt(prompt) => prompt.title.clone(),
            Modal::Confirm { .. } => t("confirm-title"),
            Modal::Notice { title, .. } => title.clone(),
            Modal::Worker(_) => t("worker-title"),
        })
    }

    /// Whether the focused control takes typed letters (letter shortcuts are then off).
    pub fn typing(&self) -> bool {
        if let Some(m) = &self.modal {
            return m.typing();
        }
        self.screens.get(self.screen).typing()
    }

    /// The commands the footer shows now.
    pub fn footer(&self) -> Vec<Command> {
        if let Some(m) = &self.modal {
            return m.footer();
        }
        self.screens.get(self.screen).footer()
    }

    pub(in crate::tui) fn worker(&mut self) -> Option<String> {
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
                    && let Some(id) = self.screens.referrals.selected_id(&self.data)
                {
                    self.load_detail(id);
                }
                if s == ScreenId::Sync {
                    self.refresh_sync();
                }
            }
            Action::Quit => {
                if self.screens.intake.unsaved() {
                    self.modal = Some(Modal::Confirm {
                        message: t("confirm-quit-unsaved"),
                        yes: Action::QuitNow,
                    });
                } else {
                    self.quit = true;
                }
            }
            Action::QuitNow => {
                // Quitting without saving, confirmed: nothing is kept to offer back.
                self.forget_draft();
                self.quit = true;
            }
            Action::RestoreDraft => self.restore_draft(),
            Action::DropDraft => {
                self.modal = None;
                self.forget_draft();
            }
            // On an encrypted database the worker is who unlocked it: another worker opens
            // Daleel with their own name and passphrase (changes are never recorded under
            // a name whose passphrase was not given).
            Action::PickWorker if self.workers.is_some() => self.workers_menu(),
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
            Action::SubmitPrompt => self.submit_prompt(),
            Action::Reload => self.spawn_load(),
            Action::FieldFull => self.say(t("field-cut"), Tone::Error),
            Action::Say(text) => self.say(text, Tone::Info),
            Action::Intake(a) => self.intake_action(a),
            Action::Services(a) => self.services_action(a),
            Action::Referral(a) => self.referral_action(a),
            Action::Queue(a) => self.queue_action(a),
            Action::Sync(a) => self.sync_action(a),
            Action::Team(a) => self.team_action(a),
            Action::Workers(a) => self.workers_action(a),
            Action::Help(a) => self.help_action(a),
        }
        self.settle_draft();
    }

    pub(in crate::tui) fn open_prompt(
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

    /// Checks a prompt's answers and uses them (each area's `*_submit`); the prompt
    /// stays open on a problem, and closes when done unless the answer opened another.
    fn submit_prompt(&mut self) {
        let Some(Modal::Prompt(prompt)) = self.modal.clone() else {
            return;
        };
        let result = match &prompt.purpose {
            Purpose::Intake(p) => self.intake_submit(p, &prompt),
            Purpose::Services(p) => self.services_submit(p, &prompt),
            Purpose::Referral(p) => self.referral_submit(p, &prompt),
            Purpose::Queue(p) => self.queue_submit(p, &prompt),
            Purpose::Team(p) => self.team_submit(p, &prompt),
            Purpose::Workers(p) => self.workers_submit(p, &prompt),
        };
        let still_open =
            matches!(&self.modal, Some(Modal::Prompt(p)) if p.purpose == prompt.purpose);
        match result {
            Ok(()) if still_open => self.modal = None,
            Ok(()) => {}
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

    /// The action menu of what is selected now: each screen's items (its `*_menu`),
    /// then Help.
    fn open_menu(&mut self) {
        let mut items: Vec<(String, Action)> = Vec::new();
        let mut title = t("menu-title");
        match self.screen {
            ScreenId::Intake => self.intake_menu(&mut title, &mut items),
            ScreenId::Services => self.services_menu(&mut title, &mut items),
            ScreenId::Referrals => self.referral_menu(&mut title, &mut items),
            ScreenId::Sync => self.sync_menu(&mut title, &mut items),
            ScreenId::Help => self.help_menu(&mut items),
            ScreenId::Queue => self.queue_menu(&mut title, &mut items),
        }
        items.push((t("menu-help"), Action::Show(ScreenId::Help)));
        self.modal = Some(Modal::menu(title, items));
    }
}

pub(in crate::tui) fn fit_title(text: &str) -> String {
    crate::tui::widgets::fit(text, 40)
}

/// What the lists show of these households, read from the store (a household that is
/// gone meanwhile is left out; a merged one shows as its kept household, saying so).
pub(in crate::tui) fn rows_of(store: &Store, ids: &[Uuid]) -> Vec<HouseholdRow> {
    store
        .as_kept(ids)
        .unwrap_or_default()
        .into_iter()
        .map(|k| HouseholdRow {
            found_as: k.found_as,
            ..HouseholdRow::from_household(&k.household)
        })
        .collect()
}
