//! The workers of an encrypted database (F8): added, given a passphrase, removed (the
//! last two give the database a new key: a re-key, run by `tui::run`); the idle lock.

use crate::i18n::{Arg, t, tr};
use crate::tui::app::{App, Tone};
use crate::tui::errors::Shown;
use crate::tui::field::FieldId;
use crate::tui::jobs::JobResult;
use crate::tui::keys::Key;
use crate::tui::prompts;
use crate::tui::screens::modal::{Modal, Prompt, Purpose};

/// What the workers' menu asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkersAction {
    /// A prompt to add a worker, to set a passphrase, to remove a worker.
    AskAdd,
    AskPassphrase,
    AskRemove,
}

/// The workers' pop-up forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkersPrompt {
    Add,
    Passphrase,
    Remove,
}

impl App {
    pub(in crate::tui) fn workers_action(&mut self, action: WorkersAction) {
        match action {
            WorkersAction::AskAdd => self.open_prompt(
                t("add-worker-title"),
                t("add-worker-intro"),
                prompts::worker_form(""),
                Purpose::Workers(WorkersPrompt::Add),
                12,
            ),
            WorkersAction::AskPassphrase => {
                let me = self.data.worker.clone().unwrap_or_default();
                self.open_prompt(
                    t("worker-passphrase-title"),
                    t("rekey-intro"),
                    prompts::worker_form(&me),
                    Purpose::Workers(WorkersPrompt::Passphrase),
                    12,
                )
            }
            WorkersAction::AskRemove => self.open_prompt(
                t("remove-worker-title"),
                format!("{} {}", t("remove-worker-intro"), t("rekey-intro")),
                prompts::worker_name_form(),
                Purpose::Workers(WorkersPrompt::Remove),
                12,
            ),
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn workers_submit(
        &mut self,
        purpose: &WorkersPrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        let _worker = self.data.worker.clone().unwrap_or_default();
        match purpose {
            WorkersPrompt::Add => match prompts::worker_from(&prompt.form) {
                Err(f) => Err(f),
                Ok((name, passphrase)) => {
                    self.modal = None;
                    self.workers_job(move |w| {
                        w.add(&name, &passphrase)
                            .map(|()| tr("worker-added", &[("name", Arg::Str(&name))]))
                            .map_err(|e| e.shown())
                    });
                    Ok(())
                }
            },
            WorkersPrompt::Passphrase => match prompts::worker_from(&prompt.form) {
                Err(f) => Err(f),
                Ok((name, passphrase)) => {
                    let change = crate::workspace::Rekey::Passphrase {
                        name,
                        passphrase: zeroize::Zeroizing::new(passphrase),
                    };
                    match self.ask_rekey(change) {
                        Ok(()) => {
                            self.modal = None;
                            Ok(())
                        }
                        Err(e) => Err((crate::tui::field::FieldId::Name, e)),
                    }
                }
            },
            WorkersPrompt::Remove => {
                let name = prompt.form.text(FieldId::Name);
                if name.trim().is_empty() {
                    Err((FieldId::Name, t("problem-worker-name")))
                } else {
                    let change = crate::workspace::Rekey::Remove(vec![name.trim().to_string()]);
                    match self.ask_rekey(change) {
                        Ok(()) => {
                            self.modal = None;
                            Ok(())
                        }
                        Err(e) => Err((crate::tui::field::FieldId::Name, e)),
                    }
                }
            }
        }
    }

    pub(in crate::tui) fn workers_job(
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

    /// Asks for a re-key (the run loop makes it): refused while a household is being
    /// edited unsaved or the Sync screen is working, since the screens close for it, and
    /// when the change itself is refused (workspace::Workers::check).
    pub(in crate::tui) fn ask_rekey(
        &mut self,
        change: crate::workspace::Rekey,
    ) -> Result<(), String> {
        let Some(workers) = self.workers.clone() else {
            return Err(t("rekey-busy"));
        };
        if self.screens.intake.unsaved() {
            return Err(t("rekey-unsaved"));
        }
        if self.screens.sync.busy.is_some() {
            return Err(t("rekey-busy"));
        }
        self.rekey = Some(workers.check(&change).map_err(|e| e.shown())?);
        Ok(())
    }

    pub(in crate::tui) fn on_locked_key(&mut self, key: &Key) {
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

    /// On an encrypted database the worker is who unlocked it: another worker opens
    /// Daleel with their own name and passphrase (changes are never recorded under a name
    /// whose passphrase was not given). F8 offers the workers' changes instead.
    pub(in crate::tui) fn workers_menu(&mut self) {
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
                (t("menu-add-worker"), WorkersAction::AskAdd.into()),
                (
                    t("menu-worker-passphrase"),
                    WorkersAction::AskPassphrase.into(),
                ),
                (t("menu-remove-worker"), WorkersAction::AskRemove.into()),
            ],
        ));
    }
}
