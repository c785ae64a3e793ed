//! What the team's actions on the Sync screen do: a request to join written, a
//! certificate used, a request approved, a laptop revoked, a hand-off written.

use crate::i18n::{Arg, t, tr};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::errors::Shown;
use crate::tui::jobs::JobResult;
use crate::tui::prompts;
use crate::tui::screens::modal::{Modal, Prompt, Purpose};
use crate::tui::screens::sync;
use crate::tui::screens::sync::act::SyncAction;

/// What the team's items of the Sync menu ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamAction {
    /// Write this laptop's request to join into the folder.
    Request,
    /// Ask, then join the team of the certificate at this path.
    AskJoin(std::path::PathBuf),
    Join(std::path::PathBuf),
    /// The approval form for the request at this path.
    AskApprove(std::path::PathBuf),
    /// Which laptop to revoke; then ask; then revoke it.
    AskRevokeMenu,
    AskRevoke(crate::model::change::OriginId),
    Revoke(crate::model::change::OriginId),
    /// Write a hand-off for this partner organization into the folder.
    Handoff(String),
}

/// The team's pop-up form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamPrompt {
    /// A coordinator certifies the laptop of the request at this path.
    Approve(std::path::PathBuf),
}

impl App {
    pub(in crate::tui) fn team_action(&mut self, action: TeamAction) {
        match action {
            TeamAction::Request => self.team_job(|h, folder| {
                let (file, bytes) = h.request().map_err(|e| e.shown())?;
                crate::disk::write_whole(&folder.join(&file), &bytes, crate::disk::Access::Shared)
                    .map_err(|e| e.shown())?;
                Ok(tr("team-request-written", &[("file", Arg::Str(&file))]))
            }),
            TeamAction::AskJoin(path) => {
                if let Some(sync::TeamFound::Certificate {
                    team,
                    team_key,
                    role,
                    ..
                }) = self.screens.sync.team.iter().find(
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
                        yes: Action::Team(TeamAction::Join(path)),
                    });
                }
            }
            TeamAction::Join(path) => self.team_job(move |h, _| {
                let bytes =
                    crate::disk::read_regular(&path, crate::sync::team::TEAM_FILE_MAX_BYTES)
                        .map_err(|e| e.shown())?;
                let (file, _) = h.read_for_me(&bytes).map_err(|e| e.shown())?;
                h.join(&file).map_err(|e| e.shown())?;
                Ok(tr("team-joined", &[("team", Arg::Str(&file.team.name))]))
            }),
            TeamAction::AskApprove(path) => {
                if let Some(sync::TeamFound::Request {
                    code,
                    name,
                    fingerprint,
                    ..
                }) =
                    self.screens.sync.team.iter().find(
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
                        Purpose::Team(TeamPrompt::Approve(path)),
                        14,
                    );
                }
            }
            TeamAction::AskRevokeMenu => {
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
                            Action::Team(TeamAction::AskRevoke(c.device)),
                        )
                    })
                    .collect();
                self.modal = Some(Modal::menu(t("team-revoke-title"), items));
            }
            TeamAction::AskRevoke(device) => {
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
                    yes: Action::Team(TeamAction::Revoke(device)),
                });
            }
            TeamAction::Revoke(device) => self.team_job(move |h, _| {
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
            TeamAction::Handoff(org) => self.team_job(move |h, folder| {
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
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn team_submit(
        &mut self,
        purpose: &TeamPrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        let now = self.store.now();
        match purpose {
            TeamPrompt::Approve(path) => match prompts::approval_from(&prompt.form, now.date()) {
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
                    Ok(())
                }
            },
        }
    }

    /// Runs a team command on a worker thread with the folder; says what it did.
    pub(in crate::tui) fn team_job(
        &mut self,
        job: impl FnOnce(&crate::sync::enrol::TeamHandle, &std::path::Path) -> Result<String, String>
        + Send
        + 'static,
    ) {
        let (Some(team), Some(folder)) = (self.team.clone(), self.screens.sync.folder()) else {
            return self.fail(t("sync-no-folder"));
        };
        self.modal = None;
        self.screens.sync.busy = Some((t("team-working"), 0, 0));
        self.runner
            .spawn(move || JobResult::SyncDone(job(&team, &folder)));
    }

    /// The Sync menu's team items: what this laptop may do, with the folder and the team
    /// files found on it.
    pub(in crate::tui) fn team_items(&self, items: &mut Vec<(String, Action)>) {
        let policy = self.store.policy();
        let me = self.store.device().origin;
        let folder = self.screens.sync.folder().map(|f| f.display().to_string());
        if policy.team.is_none() {
            // Trust one by one: this laptop's card onto the drive, and the cards of
            // other laptops found there.
            if let Some(folder) = &folder {
                items.push((
                    tr("menu-write-card", &[("folder", Arg::Str(folder))]),
                    SyncAction::WriteCard.into(),
                ));
            }
            for f in &self.screens.sync.team {
                if let sync::TeamFound::Request {
                    path,
                    code,
                    name,
                    trusted: false,
                    ..
                } = f
                {
                    items.push((
                        tr(
                            "menu-trust-card",
                            &[("who", Arg::Str(&sync::who(code, name)))],
                        ),
                        SyncAction::AskTrust(path.clone()).into(),
                    ));
                }
            }
            if let Some(folder) = &folder {
                items.push((
                    tr("menu-team-request", &[("folder", Arg::Str(folder))]),
                    Action::Team(TeamAction::Request),
                ));
            }
            for f in &self.screens.sync.team {
                if let sync::TeamFound::Certificate { path, team, .. } = f {
                    items.push((
                        tr("menu-team-join", &[("team", Arg::Str(team))]),
                        Action::Team(TeamAction::AskJoin(path.clone())),
                    ));
                }
            }
            return;
        }
        if policy.is_authority(me) {
            for f in &self.screens.sync.team {
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
                        Action::Team(TeamAction::AskApprove(path.clone())),
                    ));
                }
            }
            items.push((
                t("menu-team-revoke"),
                Action::Team(TeamAction::AskRevokeMenu),
            ));
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
                    Action::Team(TeamAction::Handoff(org.to_string())),
                ));
            }
        }
    }
}
