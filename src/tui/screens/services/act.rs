//! What Services' actions do: the directory's services and organizations edited, and a
//! referral drafted to the chosen service; Services' action menu and pop-ups.
use uuid::Uuid;

use crate::i18n::{Arg, t, tr};
use crate::model::{Household, Move, Need, Referral};
use crate::store::{DatabaseKind, Edit};
use crate::tui::ScreenId;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone, fit_title};
use crate::tui::errors::Shown;
use crate::tui::field::FieldId;
use crate::tui::prompts;
use crate::tui::screens::modal::{Prompt, Purpose};
use crate::tui::screens::services;

/// What Services asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ServicesAction {
    /// The form of a new service, or of this one.
    AskService(Option<Uuid>),
    /// The form of a new organization, or of this one.
    AskOrganization(Option<Uuid>),
    /// Open the referral draft for this service (while referring).
    DraftReferral { service: Uuid },
    /// Stop referring.
    CancelReferring,
}

/// Services' pop-up forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServicesPrompt {
    /// A service of the directory, new (none) or edited.
    Service(Option<Uuid>),
    /// An organization of the directory, new (none) or edited.
    Organization(Option<Uuid>),
    /// A referral to this service.
    Draft {
        household: Uuid,
        need: Uuid,
        service: Uuid,
    },
}

impl App {
    pub(in crate::tui) fn services_action(&mut self, action: ServicesAction) {
        match action {
            ServicesAction::CancelReferring => {
                self.screens.services.referring = None;
                self.screen = ScreenId::Intake;
            }
            ServicesAction::DraftReferral { service } => self.draft_referral(service),
            ServicesAction::AskService(id) => {
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
                    Purpose::Services(ServicesPrompt::Service(id)),
                    18,
                );
            }
            ServicesAction::AskOrganization(id) => {
                let org = id.and_then(|id| self.data.organizations.get(&id).cloned());
                let title = match &org {
                    Some(o) => o.name.clone(),
                    None => t("new-organization-title"),
                };
                self.open_prompt(
                    fit_title(&title),
                    String::new(),
                    prompts::organization_form(org.as_ref()),
                    Purpose::Services(ServicesPrompt::Organization(id)),
                    18,
                );
            }
        }
    }

    /// Checks the answers of one of this area's pop-ups and uses them: `Err` keeps the
    /// pop-up open on the field at fault.
    pub(in crate::tui) fn services_submit(
        &mut self,
        purpose: &ServicesPrompt,
        prompt: &Prompt,
    ) -> Result<(), prompts::Fault> {
        let worker = self.data.worker.clone().unwrap_or_default();
        match purpose {
            ServicesPrompt::Draft {
                household,
                need,
                service,
            } => match prompts::draft_from(&prompt.form) {
                Err(f) => Err(f),
                Ok(d) => {
                    self.modal = None;
                    self.save_draft(*household, *need, *service, d);
                    Ok(())
                }
            },
            ServicesPrompt::Service(id) => {
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
                                Ok(())
                            }
                            Err(e) => Err((FieldId::Name, e.shown())),
                        }
                    }
                }
            }
            ServicesPrompt::Organization(id) => {
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
                            Ok(())
                        }
                        Err(e) => Err((FieldId::Name, e.shown())),
                    },
                }
            }
        }
    }

    /// The action menu of what is selected now.
    pub(in crate::tui) fn services_menu(
        &self,
        _title: &mut String,
        items: &mut Vec<(String, Action)>,
    ) {
        if let (Some(_), Some(s)) = (
            &self.screens.services.referring,
            self.screens.services.selected_service(),
        ) {
            items.push((
                t("menu-refer-here"),
                Action::Services(ServicesAction::DraftReferral { service: s.id }),
            ));
            items.push((
                t("menu-cancel-referring"),
                Action::Services(ServicesAction::CancelReferring),
            ));
        } else {
            // The directory: a coordinator's to change (in a team, the store
            // refuses others with a message).
            if let Some(s) = self.screens.services.selected_service() {
                items.push((
                    t("menu-edit-service"),
                    Action::Services(ServicesAction::AskService(Some(s.id))),
                ));
                items.push((
                    t("menu-edit-organization"),
                    Action::Services(ServicesAction::AskOrganization(Some(s.organization))),
                ));
            }
            items.push((
                t("menu-new-service"),
                Action::Services(ServicesAction::AskService(None)),
            ));
            items.push((
                t("menu-new-organization"),
                Action::Services(ServicesAction::AskOrganization(None)),
            ));
        }
    }

    pub(in crate::tui) fn draft_referral(&mut self, service: Uuid) {
        let Some(r) = self.screens.services.referring.clone() else {
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
            Purpose::Services(ServicesPrompt::Draft {
                household: r.household,
                need: r.need,
                service,
            }),
            22,
        );
    }

    pub(in crate::tui) fn save_draft(
        &mut self,
        household: Uuid,
        need: Uuid,
        service: Uuid,
        d: prompts::Draft,
    ) {
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
        self.screens.services.referring = None;
        self.select_after_load = Some(id);
        self.screen = ScreenId::Referrals;
        self.spawn_load();
    }

    /// After an import: the directory and the kind of database as they are now (another
    /// laptop may have changed services, and an empty database takes a bundle's kind).
    pub(in crate::tui) fn refresh_directory(&mut self) {
        if let Ok(kind) = self.store.kind() {
            self.data.demo = kind == Some(DatabaseKind::Demo);
        }
        let (Ok(services), Ok(organizations)) = (self.store.services(), self.store.organizations())
        else {
            return;
        };
        // A read begun at the start and answered after this one is older: it is dropped.
        self.directory_read = true;
        self.set_directory(services, organizations, false);
    }

    /// Takes the directory as the store holds it (when it differs from the one shown):
    /// the Services screen anew, or, for the directory read behind the first frame
    /// (`keep_view`), with what is typed there, its filters and a referral being made.
    /// The lists name services and organizations, so they are worked out again.
    pub(in crate::tui) fn set_directory(
        &mut self,
        services: Vec<crate::model::Service>,
        organizations: Vec<crate::model::Organization>,
        keep_view: bool,
    ) {
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
        if keep_view {
            self.screens.services.take_directory(&self.data);
        } else {
            self.screens.services = services::State::new(&self.data);
        }
        self.screens.referrals.directory_changed();
        if self.data.loaded {
            let keep = self.screens.referrals.selected_id(&self.data);
            self.screens.referrals.reload(&self.data, keep);
            self.screens.queue.rebuild(&self.data);
        }
    }
}
