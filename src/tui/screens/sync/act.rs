//! What the Sync screen's actions do: the folder scanned, bundles exported and imported
//! on a worker thread, a backup written; the Sync menu (with the team's items).

use crate::i18n::{Arg, t, tr};
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::errors::Shown;
use crate::tui::jobs::JobResult;
use crate::tui::screens::modal::Modal;
use crate::tui::screens::sync;

/// What the Sync screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncAction {
    /// Look for bundles in the folder typed or chosen.
    Scan,
    /// Use this folder (a drive that was found).
    Use(std::path::PathBuf),
    /// Write a bundle into the folder, on a worker thread.
    Export,
    /// Import these bundle files, on a worker thread.
    Import(Vec<std::path::PathBuf>),
    /// Write a backup of this laptop's database into the folder.
    Backup,
    /// Write this laptop's identity card into the folder (for trust one by one).
    WriteCard,
    /// Show the card at this path with its fingerprint, and ask before trusting it.
    AskTrust(std::path::PathBuf),
    /// Trust the laptop of the card at this path (after the worker compared).
    Trust(std::path::PathBuf),
}

impl App {
    pub(in crate::tui) fn sync_action(&mut self, action: SyncAction) {
        match action {
            SyncAction::Scan => self.sync_scan(),
            SyncAction::Use(path) => {
                self.screens.sync.folder.set(&path.display().to_string());
                self.sync_scan();
            }
            SyncAction::Export => self.sync_export(),
            SyncAction::Import(files) => self.sync_import(files),
            SyncAction::WriteCard => self.team_job(|h, folder| {
                let name = h.store.device_name().map_err(|e| e.shown())?;
                let bytes = crate::sync::card::Card::write(&h.identity, &name, h.store.now())
                    .map_err(|e| e.shown())?;
                let file = format!("daleel-{}.card", h.identity.code());
                crate::disk::write_whole(&folder.join(&file), &bytes, crate::disk::Access::Shared)
                    .map_err(|e| e.shown())?;
                Ok(tr(
                    "sync-card-written",
                    &[
                        ("file", Arg::Str(&file)),
                        ("fingerprint", Arg::Str(&h.identity.fingerprint())),
                    ],
                ))
            }),
            SyncAction::AskTrust(path) => {
                let Some(sync::TeamFound::Request {
                    code,
                    name,
                    fingerprint,
                    ..
                }) =
                    self.screens.sync.team.iter().find(
                        |f| matches!(f, sync::TeamFound::Request { path: p, .. } if *p == path),
                    )
                else {
                    return;
                };
                self.modal = Some(Modal::Confirm {
                    message: tr(
                        "trust-confirm",
                        &[
                            ("who", Arg::Str(&sync::who(code, name))),
                            ("fingerprint", Arg::Str(fingerprint)),
                        ],
                    ),
                    yes: SyncAction::Trust(path).into(),
                });
            }
            SyncAction::Trust(path) => {
                // Read again: the card trusted is the one on the drive now, checked whole.
                let card = crate::disk::read_regular(&path, crate::sync::card::CARD_MAX_BYTES)
                    .map_err(|e| e.shown())
                    .and_then(|b| crate::sync::card::Card::read(&b).map_err(|e| e.shown()));
                match card.map(|card| (self.store.trust(&card), card)) {
                    Ok((Ok(_), card)) => {
                        self.say(
                            tr(
                                "trusted-done",
                                &[
                                    ("code", Arg::Str(&card.code())),
                                    ("fingerprint", Arg::Str(&card.fingerprint())),
                                ],
                            ),
                            Tone::Success,
                        );
                        self.sync_scan();
                    }
                    Ok((Err(e), _)) => self.fail(e),
                    Err(e) => self.fail(e),
                }
            }
            SyncAction::Backup => self.team_job(move |h, folder| {
                let key = h
                    .key
                    .as_ref()
                    .ok_or_else(|| crate::backup::BackupError::NotEncrypted.shown())?;
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
        }
    }

    /// The action menu of what is selected now.
    pub(in crate::tui) fn sync_menu(&self, title: &mut String, items: &mut Vec<(String, Action)>) {
        *title = t("sync-menu-title");
        if let Some(folder) = self.screens.sync.folder() {
            items.push((
                tr(
                    "menu-sync-export",
                    &[("folder", Arg::Str(&folder.display().to_string()))],
                ),
                Action::Sync(SyncAction::Export),
            ));
            if self.team.as_ref().is_some_and(|t| t.key.is_some()) {
                items.push((
                    tr(
                        "menu-backup",
                        &[("folder", Arg::Str(&folder.display().to_string()))],
                    ),
                    Action::Sync(SyncAction::Backup),
                ));
            }
        }
        if !self.screens.sync.found.is_empty() {
            let all: Vec<std::path::PathBuf> = self
                .screens
                .sync
                .found
                .iter()
                .map(|f| f.path.clone())
                .collect();
            items.push((
                tr(
                    "menu-sync-import-all",
                    &[("count", Arg::Num(all.len() as i64))],
                ),
                Action::Sync(SyncAction::Import(all)),
            ));
        }
        for d in &self.screens.sync.drives {
            items.push((
                tr("menu-sync-use", &[("drive", Arg::Str(&d.label))]),
                Action::Sync(SyncAction::Use(d.path.clone())),
            ));
        }
        items.push((t("menu-sync-look-again"), Action::Sync(SyncAction::Scan)));
        if self.team.is_some() {
            self.team_items(items);
        }
    }

    /// The drives, what an export would carry, and the bundles in the folder.
    pub(in crate::tui) fn refresh_sync(&mut self) {
        self.screens.sync.drives = crate::sync::drives::removable();
        if self.screens.sync.folder.is_empty()
            && let Some(only) = crate::sync::drives::the_one(&self.screens.sync.drives)
        {
            self.screens
                .sync
                .folder
                .set(&only.path.display().to_string());
        }
        let me = self.store.device().origin;
        let held = self.store.held(me).unwrap_or(0);
        let known = self
            .store
            .team_knows()
            .ok()
            .and_then(|k| k.get(&me).copied())
            .unwrap_or(0);
        self.screens.sync.unsent = held.saturating_sub(known);
        self.sync_scan();
    }

    pub(in crate::tui) fn sync_scan(&mut self) {
        let Some(folder) = self.screens.sync.folder() else {
            self.screens.sync.found.clear();
            self.screens.sync.scanned = None;
            return;
        };
        let Some(identity) = self.identity.clone() else {
            return self.fail(t("sync-no-identity"));
        };
        // A folder that is there is remembered for the next start.
        if folder.is_dir()
            && let Err(e) = self.store.set_sync_folder(&folder)
        {
            self.fail(e);
        }
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

    pub(in crate::tui) fn sync_export(&mut self) {
        let (Some(folder), Some(identity)) = (self.screens.sync.folder(), self.identity.clone())
        else {
            return self.fail(t("sync-no-folder"));
        };
        let store = self.store.clone();
        let progress = self.runner.progress();
        self.screens.sync.busy = Some((t("sync-exporting"), 0, 0));
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

    pub(in crate::tui) fn sync_import(&mut self, files: Vec<std::path::PathBuf>) {
        if files.is_empty() {
            return;
        }
        let Some(identity) = self.identity.clone() else {
            return self.fail(t("sync-no-identity"));
        };
        let store = self.store.clone();
        let progress = self.runner.progress();
        self.screens.sync.busy = Some((t("sync-importing"), 0, 0));
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
                    // Still being written into a shared folder: tried again next time.
                    Outcome::NotYet(_) => {
                        done.push(tr("sync-not-yet", &[("file", Arg::Str(&name))]));
                    }
                    // This laptop's own bundle in a shared folder: nothing to say.
                    Outcome::Own => {}
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
