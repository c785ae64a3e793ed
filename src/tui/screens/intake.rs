//! Intake (F2): find a household by name, case code or phone, or record a new one in
//! three steps (who and where; consent; needs), with likely duplicates shown while the
//! name, year and place are typed. Ctrl+S checks everything, jumps to the first problem,
//! and saves.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use uuid::Uuid;

use super::Data;
use crate::i18n::{Arg, t, tr};
use crate::model::{
    CaseStatus, Consent, Date, Displacement, DisplacementKind, Gazetteer, Household, Location,
    Need, Person, Problem, Sex, Timestamp, Vulnerability, ascii_digits,
};
use crate::search::households::HouseholdRow;
use crate::tui::action::Action;
use crate::tui::field::FieldId;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{Field, FieldKind, Form, Opt};
use crate::tui::widgets::list::{ListView, row_line};
use crate::tui::widgets::text::{Edit, TextInput};
use crate::tui::widgets::{cell, fit};

/// How many lookup results are kept.
pub const LOOKUP_LIMIT: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Who,
    Consent,
    Needs,
}

impl Step {
    fn number(self) -> i64 {
        match self {
            Step::Who => 1,
            Step::Consent => 2,
            Step::Needs => 3,
        }
    }
}

/// A household being recorded or edited.
#[derive(Debug, Clone)]
pub struct HouseholdForm {
    pub id: Uuid,
    pub existing: Option<Household>,
    pub step: Step,
    pub who: Form,
    pub members: Vec<Person>,
    pub members_list: ListView,
    pub on_members: bool,
    pub consent: Form,
    pub needs: Vec<Need>,
    pub needs_list: ListView,
    /// Needs already in the store (they can be referred).
    pub saved_needs: BTreeSet<Uuid>,
    pub dirty: bool,
    pub duplicates: Vec<HouseholdRow>,
    pub dup_generation: u64,
    /// The Latin name last offered from the Arabic one (`offer_latin`).
    pub latin_offered: String,
    /// Problems the last save attempt found that have no field of their own on screen
    /// (a member's, a need's).
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Lookup,
    Form,
}

pub struct State {
    pub mode: Mode,
    pub query: TextInput,
    pub hits: Vec<HouseholdRow>,
    pub list: ListView,
    pub generation: u64,
    pub searching: bool,
    pub form: Option<HouseholdForm>,
}

impl Default for State {
    fn default() -> Self {
        State {
            mode: Mode::Lookup,
            query: TextInput::new(60),
            hits: Vec::new(),
            list: ListView::default(),
            generation: 0,
            searching: false,
            form: None,
        }
    }
}

fn yes_no() -> Vec<Opt> {
    vec![
        Opt::new("yes", t("answer-yes")),
        Opt::new("no", t("answer-no")),
    ]
}

fn governorate_options(g: &Gazetteer) -> Vec<Opt> {
    g.governorates()
        .map(|a| {
            Opt::new(
                a.pcode.clone(),
                format!("{} · {} · {}", a.name_en, a.name_ar, a.pcode),
            )
        })
        .collect()
}

fn district_options(g: &Gazetteer, governorate: Option<&str>) -> Vec<Opt> {
    let mut options = vec![Opt::new("", t("intake-district-none"))];
    if let Some(gov) = governorate {
        options.extend(
            g.children(gov)
                .map(|a| Opt::new(a.pcode.clone(), format!("{} · {}", a.name_en, a.name_ar))),
        );
    }
    options
}

/// The message id of a vulnerability's check box (`i18n::labels::vulnerability` says it).
fn vulnerability_label(v: Vulnerability) -> &'static str {
    match v {
        Vulnerability::FemaleHeaded => "vuln-female-headed",
        Vulnerability::OlderPersonAlone => "vuln-older-person-alone",
        Vulnerability::SeparatedChild => "vuln-separated-child",
        Vulnerability::ChronicIllness => "vuln-chronic-illness",
        Vulnerability::PregnantOrLactating => "vuln-pregnant-or-lactating",
        Vulnerability::MissingDocuments => "vuln-missing-documents",
        Vulnerability::Disability => "vuln-disability",
    }
}

/// Labels for the enum values the forms offer, from the catalog.
pub use crate::i18n::labels::{displacement as displacement_label, sex as sex_label};

const WHO_LEFT: [FieldId; 5] = [
    FieldId::HeadName,
    FieldId::HeadLatin,
    FieldId::HeadSex,
    FieldId::HeadBirthYear,
    FieldId::Phone,
];
const WHO_RIGHT: [FieldId; 5] = [
    FieldId::Governorate,
    FieldId::District,
    FieldId::Village,
    FieldId::Displacement,
    FieldId::ReturnedOn,
];

impl HouseholdForm {
    /// A form for a new household, or for editing `existing`.
    pub fn new(existing: Option<Household>, needs: Vec<Need>, g: &Gazetteer) -> HouseholdForm {
        let h = existing.as_ref();
        let head = h.map(|h| &h.head);
        let governorate = h.map(|h| h.location.governorate.as_str());
        let displacement = h.map(|h| h.displacement.kind);
        let mut fields = vec![
            Field::text(
                FieldId::HeadName,
                "intake-name",
                120,
                head.map(|p| p.name.as_str()).unwrap_or(""),
            ),
            Field::text(
                FieldId::HeadLatin,
                "intake-latin",
                120,
                head.map(|p| p.latin.as_str()).unwrap_or(""),
            ),
            Field::choice(
                FieldId::HeadSex,
                "intake-sex",
                Sex::ALL
                    .iter()
                    .map(|s| Opt::new(s.code(), sex_label(*s)))
                    .collect(),
                head.and_then(|p| p.sex).map(|s| s.code()),
            ),
            Field::text(
                FieldId::HeadBirthYear,
                "intake-born",
                4,
                &head
                    .and_then(|p| p.birth_year)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            Field::text(
                FieldId::Phone,
                "intake-phone",
                20,
                h.map(|h| h.phone.as_str()).unwrap_or(""),
            ),
            Field::choice(
                FieldId::Governorate,
                "intake-governorate",
                governorate_options(g),
                governorate,
            ),
            Field::choice(
                FieldId::District,
                "intake-district",
                district_options(g, governorate),
                Some(h.and_then(|h| h.location.district.as_deref()).unwrap_or("")),
            ),
            Field::text(
                FieldId::Village,
                "intake-village",
                60,
                h.map(|h| h.location.village.as_str()).unwrap_or(""),
            ),
            Field::choice(
                FieldId::Displacement,
                "intake-displacement",
                DisplacementKind::ALL
                    .iter()
                    .map(|d| Opt::new(d.code(), displacement_label(*d)))
                    .collect(),
                displacement.map(|d| d.code()),
            ),
            Field::text(
                FieldId::ReturnedOn,
                "intake-returned-on",
                10,
                &h.and_then(|h| h.displacement.returned_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
        ];
        for v in Vulnerability::RECORDED {
            fields.push(Field::check(
                FieldId::Vulnerability(v),
                vulnerability_label(v),
                h.is_some_and(|h| h.vulnerabilities.contains(&v)),
            ));
        }
        let consent = h.and_then(|h| h.consent.as_ref());
        let answer = |v: Option<bool>| v.map(|b| if b { "yes" } else { "no" });
        let consent_form = Form::new(vec![
            Field::choice(
                FieldId::ConsentServices,
                "consent-services",
                yes_no(),
                answer(consent.map(|c| c.services)),
            ),
            Field::choice(
                FieldId::ConsentDisclosure,
                "consent-disclosure",
                yes_no(),
                answer(consent.map(|c| c.disclosure)),
            ),
            Field::choice(
                FieldId::ConsentFollowUp,
                "consent-follow-up",
                yes_no(),
                answer(consent.map(|c| c.follow_up)),
            ),
        ]);
        let saved_needs = needs.iter().map(|n| n.id).collect();
        let mut form = HouseholdForm {
            id: h.map(|h| h.id).unwrap_or_else(Uuid::now_v7),
            members: h.map(|h| h.members.clone()).unwrap_or_default(),
            existing,
            step: Step::Who,
            who: Form::new(fields),
            members_list: ListView::default(),
            on_members: false,
            consent: consent_form,
            needs,
            needs_list: ListView::default(),
            saved_needs,
            dirty: false,
            duplicates: Vec::new(),
            dup_generation: 0,
            latin_offered: String::new(),
            problems: Vec::new(),
        };
        form.sync_visibility();
        form
    }

    pub fn is_new(&self) -> bool {
        self.existing.is_none()
    }

    /// Shows the return date only for returnees.
    pub fn sync_visibility(&mut self) {
        let returnee = self.who.code(FieldId::Displacement).as_deref()
            == Some(DisplacementKind::Returnee.code());
        if let Some(f) = self.who.get_mut(FieldId::ReturnedOn) {
            f.hidden = !returnee;
        }
    }

    /// After the governorate changed: the districts of the new one.
    pub fn sync_districts(&mut self, g: &Gazetteer) {
        let gov = self.who.code(FieldId::Governorate);
        if let Some(f) = self.who.get_mut(FieldId::District) {
            f.set_options(district_options(g, gov.as_deref()));
            if f.code().is_none() {
                f.select(Some(""));
            }
        }
    }

    /// What follows a change of field `id`: unsaved, its error cleared, the districts of a
    /// new governorate, the return date shown for returnees, a duplicate check.
    pub fn field_changed(&mut self, id: FieldId, data: &Data) -> Option<Action> {
        self.dirty = true;
        if let Some(f) = self.who.get_mut(id) {
            f.error = None;
        }
        match id {
            FieldId::Governorate => {
                self.sync_districts(&data.gazetteer);
                Some(Action::CheckDuplicates)
            }
            FieldId::Displacement => {
                self.sync_visibility();
                None
            }
            FieldId::HeadName => {
                self.offer_latin();
                Some(Action::CheckDuplicates)
            }
            FieldId::HeadLatin | FieldId::HeadBirthYear | FieldId::Phone => {
                Some(Action::CheckDuplicates)
            }
            _ => None,
        }
    }

    /// Offers the transliteration of a name in Arabic letters as its Latin name, while the
    /// Latin name is empty or still what was offered: a worker's own spelling is kept.
    fn offer_latin(&mut self) {
        let current = self.who.text(FieldId::HeadLatin);
        if !current.is_empty() && current != self.latin_offered {
            return;
        }
        let offer = crate::search::names::latin_suggestion(&self.who.text(FieldId::HeadName))
            .unwrap_or_default();
        if let Some(Field {
            kind: FieldKind::Text(input),
            ..
        }) = self.who.get_mut(FieldId::HeadLatin)
        {
            input.set(&offer);
        }
        self.latin_offered = offer;
    }

    /// The form's current step's field form, if it has one.
    pub fn current_form(&mut self) -> Option<&mut Form> {
        match self.step {
            Step::Who if !self.on_members => Some(&mut self.who),
            Step::Consent => Some(&mut self.consent),
            _ => None,
        }
    }

    /// Whether the focused control takes typed letters.
    pub fn typing(&self) -> bool {
        match self.step {
            Step::Who if !self.on_members => self.who.focused().is_some_and(|f| f.is_typing()),
            Step::Consent => true,
            _ => false,
        }
    }

    /// The household as typed, or the problems that stop it from being saved.
    pub fn to_household(
        &self,
        worker: &str,
        now: Timestamp,
        g: &Gazetteer,
    ) -> Result<Household, Vec<Problem>> {
        let mut problems = Vec::new();
        let w = &self.who;
        let year_text = ascii_digits(&w.text(FieldId::HeadBirthYear));
        let birth_year = if year_text.is_empty() {
            None
        } else {
            match year_text.parse::<u16>() {
                Ok(y) => Some(y),
                Err(_) => {
                    problems.push(Problem::new("head.birth_year", t("problem-year-number")));
                    None
                }
            }
        };
        let kind = w
            .code(FieldId::Displacement)
            .and_then(|c| DisplacementKind::from_code(&c));
        if kind.is_none() {
            problems.push(Problem::new(
                "displacement.kind",
                t("problem-choose-displacement"),
            ));
        }
        let date_text = w.text(FieldId::ReturnedOn);
        let returned_on = if date_text.is_empty() || kind != Some(DisplacementKind::Returnee) {
            None
        } else {
            match Date::parse(&date_text) {
                Some(d) => Some(d),
                None => {
                    problems.push(Problem::new(
                        "displacement.returned_on",
                        t("problem-date-format"),
                    ));
                    None
                }
            }
        };
        let mut head = self
            .existing
            .as_ref()
            .map(|h| h.head.clone())
            .unwrap_or_else(|| Person::new(Uuid::now_v7(), ""));
        head.name = w.text(FieldId::HeadName);
        head.latin = w.text(FieldId::HeadLatin);
        head.sex = w.code(FieldId::HeadSex).and_then(|c| Sex::from_code(&c));
        head.birth_year = birth_year;
        head.relationship = "head".into();
        let vulnerabilities = Vulnerability::RECORDED
            .iter()
            .copied()
            .filter(|v| w.checked(FieldId::Vulnerability(*v)))
            .collect();
        let answer = |id: FieldId| self.consent.code(id).map(|c| c == "yes");
        let consent = match (
            answer(FieldId::ConsentServices),
            answer(FieldId::ConsentDisclosure),
            answer(FieldId::ConsentFollowUp),
        ) {
            (Some(services), Some(disclosure), Some(follow_up)) => {
                let unchanged = self
                    .existing
                    .as_ref()
                    .and_then(|h| h.consent.clone())
                    .filter(|c| {
                        c.services == services
                            && c.disclosure == disclosure
                            && c.follow_up == follow_up
                    });
                Some(unchanged.unwrap_or(Consent {
                    services,
                    disclosure,
                    follow_up,
                    recorded_at: now,
                    recorded_by: worker.to_string(),
                }))
            }
            (a, b, c) => {
                for (id, v) in [
                    ("consent.services", a),
                    ("consent.disclosure", b),
                    ("consent.follow_up", c),
                ] {
                    if v.is_none() {
                        problems.push(Problem::new(id, t("problem-consent-answer")));
                    }
                }
                None
            }
        };
        let district = w.code(FieldId::District).filter(|d| !d.is_empty());
        let household = Household {
            id: self.id,
            case_code: self
                .existing
                .as_ref()
                .map(|h| h.case_code.clone())
                .unwrap_or_default(),
            created_at: self.existing.as_ref().map(|h| h.created_at).unwrap_or(now),
            created_by: self
                .existing
                .as_ref()
                .map(|h| h.created_by.clone())
                .unwrap_or_else(|| worker.to_string()),
            head,
            phone: w.text(FieldId::Phone),
            members: self.members.clone(),
            location: Location {
                governorate: w.code(FieldId::Governorate).unwrap_or_default(),
                district,
                sub_district: None,
                village: w.text(FieldId::Village),
            },
            displacement: Displacement {
                kind: kind.unwrap_or(DisplacementKind::Returnee),
                returned_on,
            },
            vulnerabilities,
            consent,
            status: self
                .existing
                .as_ref()
                .map(|h| h.status.clone())
                .unwrap_or(CaseStatus::Open),
        };
        for p in household.validate(g, now.date()) {
            if !problems.iter().any(|q| q.field == p.field) {
                problems.push(p);
            }
        }
        for (i, need) in self.needs.iter().enumerate() {
            for p in need.validate() {
                problems.push(Problem::new(
                    format!("needs[{}].{}", i + 1, p.field),
                    p.message,
                ));
            }
        }
        if problems.is_empty() {
            Ok(household)
        } else {
            Err(problems)
        }
    }

    /// Puts problems against their fields and moves to the first one.
    pub fn show_problems(&mut self, mut problems: Vec<Problem>) {
        // The first problem in the order of the form gets the focus.
        let rank = |field: &str| -> (u8, usize) {
            let id = FieldId::of_problem(field);
            if let Some(i) = self.who.fields.iter().position(|f| Some(f.id) == id) {
                (0, i)
            } else if field.starts_with("members") {
                (1, 0)
            } else if let Some(i) = self.consent.fields.iter().position(|f| Some(f.id) == id) {
                (2, i)
            } else {
                (3, 0)
            }
        };
        problems.sort_by_key(|p| rank(&p.field));
        self.who.clear_errors();
        self.consent.clear_errors();
        let mut first: Option<(Step, String)> = None;
        let mut rest = Vec::new();
        for p in problems {
            let step = if p.field.starts_with("consent") {
                Step::Consent
            } else if p.field.starts_with("needs") {
                Step::Needs
            } else {
                Step::Who
            };
            let placed = match (step, FieldId::of_problem(&p.field)) {
                (Step::Consent, Some(id)) => self.consent.set_error(id, &p.message),
                (Step::Who, Some(id)) => self.who.set_error(id, &p.message),
                _ => false,
            };
            if first.is_none() {
                first = Some((step, p.field.clone()));
            }
            if !placed {
                rest.push(p);
            }
        }
        self.problems = rest;
        if let Some((step, field)) = first {
            self.step = step;
            match step {
                Step::Who => {
                    let focused =
                        FieldId::of_problem(&field).is_some_and(|id| self.who.focus_on(id));
                    self.on_members = !focused && field.starts_with("members");
                }
                Step::Consent => {
                    if let Some(id) = FieldId::of_problem(&field) {
                        self.consent.focus_on(id);
                    }
                }
                Step::Needs => {}
            }
        }
    }
}

impl State {
    pub fn typing(&self) -> bool {
        match self.mode {
            Mode::Lookup => true,
            Mode::Form => self.form.as_ref().is_some_and(|f| f.typing()),
        }
    }

    pub fn unsaved(&self) -> bool {
        self.mode == Mode::Form && self.form.as_ref().is_some_and(|f| f.dirty)
    }

    /// The footer's commands here.
    pub fn footer(&self) -> Vec<Command> {
        match (
            self.mode,
            self.form.as_ref().map(|f| (f.step, f.on_members)),
        ) {
            (Mode::Lookup, _) => vec![Command::Open, Command::New, Command::Help, Command::Quit],
            (Mode::Form, Some((Step::Needs, _))) | (Mode::Form, Some((Step::Who, true))) => {
                vec![
                    Command::Add,
                    Command::Open,
                    Command::Remove,
                    Command::NextStep,
                    Command::Save,
                    Command::Back,
                ]
            }
            _ => vec![
                Command::NextField,
                Command::NextStep,
                Command::Save,
                Command::Menu,
                Command::Back,
            ],
        }
    }

    pub fn handle_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        match self.mode {
            Mode::Lookup => self.lookup_key(key),
            Mode::Form => self.form_key(key, data),
        }
    }

    fn lookup_key(&mut self, key: &Key) -> Option<Action> {
        match keys::command(key, Scope::List, true) {
            Some(Command::New) => return Some(Action::NewHousehold),
            Some(Command::Open) => {
                return self
                    .hits
                    .get(self.list.selected)
                    .map(|h| Action::OpenHousehold(h.id));
            }
            Some(Command::Up | Command::Down | Command::PageUp | Command::PageDown) => {
                self.list.handle(key, self.hits.len());
                return None;
            }
            Some(Command::Menu) => return Some(Action::Menu),
            _ => {}
        }
        match self.query.handle(key) {
            Edit::Changed | Edit::Truncated => {
                Some(Action::FindHouseholds(self.query.value.clone()))
            }
            _ => None,
        }
    }

    fn form_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        let typing = self.typing();
        let form = self.form.as_mut()?;
        let command = keys::command(key, Scope::Form, typing);
        // In the members and needs lists, Enter opens (a list binding).
        let opens = keys::command(key, Scope::List, false) == Some(Command::Open);
        match command {
            Some(Command::Save) => {
                if let Some(id) = form.who.blur_focused() {
                    let _ = form.field_changed(id, data);
                }
                if form.consent.blur_focused().is_some() {
                    form.dirty = true;
                }
                return Some(Action::SaveHousehold);
            }
            Some(Command::Back) => {
                // Esc first closes an open picker filter.
                if let Some(f) = form.current_form().and_then(|f| f.focused_mut())
                    && let FieldKind::Choice { filter, .. } = &mut f.kind
                    && !filter.is_empty()
                {
                    filter.clear();
                    return None;
                }
                return Some(Action::DiscardHousehold);
            }
            Some(Command::NextStep) => {
                form.step = match form.step {
                    Step::Who => Step::Consent,
                    _ => Step::Needs,
                };
                return None;
            }
            Some(Command::PrevStep) => {
                form.step = match form.step {
                    Step::Needs => Step::Consent,
                    _ => Step::Who,
                };
                return None;
            }
            Some(Command::Menu) => return Some(Action::Menu),
            _ => {}
        }
        match form.step {
            Step::Who if form.on_members => match command {
                Some(Command::NextField) => {
                    form.on_members = false;
                    form.who.focus = form.who.first_visible();
                    None
                }
                Some(Command::PrevField) => {
                    form.on_members = false;
                    form.who.focus = form.who.last_visible();
                    None
                }
                Some(Command::Add) => Some(Action::EditMember(None)),
                _ if opens => (!form.members.is_empty())
                    .then_some(Action::EditMember(Some(form.members_list.selected))),
                Some(Command::Remove) if !form.members.is_empty() => {
                    let i = form.members_list.selected.min(form.members.len() - 1);
                    form.members.remove(i);
                    form.members_list.clamp(form.members.len());
                    form.dirty = true;
                    None
                }
                _ => {
                    form.members_list.handle(key, form.members.len());
                    None
                }
            },
            Step::Who => {
                if let Some(Command::NextField | Command::PrevField) = command {
                    // Leaving a choice being filtered picks its best match: that is a
                    // change like any other.
                    let changed = form.who.blur_focused();
                    let moved = if command == Some(Command::NextField) {
                        form.who.focus_next()
                    } else {
                        form.who.focus_prev()
                    };
                    if !moved {
                        form.on_members = true;
                    }
                    return changed.and_then(|id| form.field_changed(id, data));
                }
                let before = form.who.focused().map(|f| f.id);
                let edit = form.who.handle(key);
                // Enter on a text field moves on, like Tab.
                if edit == Edit::Ignored && key.code == KeyCode::Enter && !key.ctrl {
                    if !form.who.focus_next() {
                        form.on_members = true;
                    }
                    return None;
                }
                if edit == Edit::Truncated {
                    return Some(Action::FieldFull);
                }
                if edit == Edit::Changed {
                    return before.and_then(|id| form.field_changed(id, data));
                }
                None
            }
            Step::Consent => {
                match command {
                    Some(Command::NextField) => {
                        form.dirty |= form.consent.blur_focused().is_some();
                        form.consent.focus_next();
                        return None;
                    }
                    Some(Command::PrevField) => {
                        form.dirty |= form.consent.blur_focused().is_some();
                        form.consent.focus_prev();
                        return None;
                    }
                    _ => {}
                }
                let edit = form.consent.handle(key);
                if edit == Edit::Changed {
                    form.dirty = true;
                    if let Some(f) = form.consent.focused_mut() {
                        f.error = None;
                    }
                }
                None
            }
            Step::Needs => match command {
                Some(Command::Add) => Some(Action::EditNeed(None)),
                _ if opens && !form.needs.is_empty() => Some(Action::Menu),
                Some(Command::Remove) if !form.needs.is_empty() => {
                    let i = form.needs_list.selected.min(form.needs.len() - 1);
                    // A saved need is closed, not removed: it may have referrals.
                    if form.saved_needs.contains(&form.needs[i].id) {
                        return Some(Action::Say(t("need-saved-not-removed")));
                    }
                    form.needs.remove(i);
                    form.needs_list.clamp(form.needs.len());
                    form.dirty = true;
                    None
                }
                _ => {
                    form.needs_list.handle(key, form.needs.len());
                    None
                }
            },
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        match (&self.mode, &self.form) {
            (Mode::Form, Some(form)) => render_form(form, frame, area, data, theme),
            _ => self.render_lookup(frame, area, data, theme),
        }
    }

    fn render_lookup(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let [search, info, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        let label = t("lookup-label");
        let width = (search.width as usize).saturating_sub(label.chars().count() + 5);
        let mut spans = vec![Span::styled(format!(" {label} "), theme.title())];
        spans.push(Span::raw("["));
        spans.extend(
            self.query
                .spans(width, true, theme.focus(), theme.selected())
                .spans,
        );
        spans.push(Span::raw("]"));
        frame.render_widget(Paragraph::new(Line::from(spans)), search);
        let info_text = if !data.loaded {
            t("lookup-loading")
        } else if self.query.is_empty() {
            tr(
                "lookup-hint",
                &[("count", Arg::Num(data.household_count as i64))],
            )
        } else {
            tr(
                "lookup-found",
                &[("count", Arg::Num(self.hits.len() as i64))],
            )
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {info_text}"), theme.muted())),
            info,
        );
        let rows: Vec<Line> = self
            .list
            .visible(self.hits.len(), list.height as usize)
            .map(|i| {
                let h = &self.hits[i];
                let name = if h.latin.is_empty() {
                    h.name.clone()
                } else {
                    format!("{} ({})", h.name, h.latin)
                };
                let status = if h.open {
                    String::new()
                } else {
                    t("case-closed")
                };
                let text = format!(
                    "{}  {}  {}  {}",
                    cell(&h.case_code, 11),
                    cell(&name, 36),
                    cell(&data.gazetteer.name(&h.governorate), 12),
                    status
                );
                row_line(text, i == self.list.selected, theme)
            })
            .collect();
        frame.render_widget(super::list_paragraph(rows, data), list);
    }
}

fn render_form(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let [title, body, messages] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let heading = match &form.existing {
        Some(h) => tr("intake-edit-title", &[("code", Arg::Str(&h.case_code))]),
        None => t("intake-new-title"),
    };
    let step_name = t(match form.step {
        Step::Who => "step-who",
        Step::Consent => "step-consent",
        Step::Needs => "step-needs",
    });
    let step = tr(
        "intake-step",
        &[
            ("n", Arg::Num(form.step.number())),
            ("name", Arg::Str(&step_name)),
        ],
    );
    let dirty = if form.dirty {
        format!(" · {}", t("intake-unsaved"))
    } else {
        String::new()
    };
    let pad = (title.width as usize)
        .saturating_sub(heading.chars().count() + step.chars().count() + dirty.chars().count() + 2);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {heading}"), theme.title()),
            Span::styled(dirty, theme.warning()),
            Span::raw(" ".repeat(pad)),
            Span::raw(format!("{step} ")),
        ])),
        title,
    );
    match form.step {
        Step::Who => render_who(form, frame, body, data, theme),
        Step::Consent => render_consent(form, frame, body, theme),
        Step::Needs => render_needs(form, frame, body, data, theme),
    }
    // Messages: the focused field's error, else the first other problem, else duplicates.
    let focused_error = match form.step {
        Step::Who if !form.on_members => form.who.focused().and_then(|f| f.error.clone()),
        Step::Consent => form.consent.focused().and_then(|f| f.error.clone()),
        _ => None,
    };
    let mut lines = Vec::new();
    if let Some(e) = focused_error.or_else(|| form.problems.first().map(problem_text)) {
        lines.push(Line::from(Span::styled(
            format!(" ! {}", fit(&e, messages.width as usize - 4)),
            theme.error(),
        )));
    }
    if form.step == Step::Who && !form.duplicates.is_empty() {
        let list: Vec<String> = form
            .duplicates
            .iter()
            .take(3)
            .map(|d| {
                format!(
                    "{} {}{}",
                    d.case_code,
                    d.name,
                    d.birth_year.map(|y| format!(" ({y})")).unwrap_or_default()
                )
            })
            .collect();
        let text = tr(
            "intake-duplicates",
            &[
                ("count", Arg::Num(form.duplicates.len() as i64)),
                ("list", Arg::Str(&list.join("; "))),
            ],
        );
        lines.push(Line::from(Span::styled(
            format!(" {}", fit(&text, messages.width as usize - 2)),
            theme.warning(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), messages);
    if let Step::Who = form.step
        && !form.on_members
    {
        // The picker of a choice being filtered, over the rest of the form.
        let id = form.who.focused().map(|f| f.id);
        let (col, row) = match WHO_LEFT.iter().position(|x| Some(*x) == id) {
            Some(r) => (0, r),
            None => (
                1,
                WHO_RIGHT.iter().position(|x| Some(*x) == id).unwrap_or(0),
            ),
        };
        let half = body.width / 2;
        let anchor = Rect {
            x: body.x + col * half + 13,
            y: body.y + 1 + row as u16,
            width: half.saturating_sub(14),
            height: 1,
        };
        form.who.render_picker(frame, anchor, area, theme);
    }
}

fn problem_text(p: &Problem) -> String {
    if let Some(rest) = p.field.strip_prefix("members[") {
        let n = rest.split(']').next().unwrap_or("?");
        return tr(
            "problem-member",
            &[("n", Arg::Str(n)), ("message", Arg::Str(&p.message))],
        );
    }
    if let Some(rest) = p.field.strip_prefix("needs[") {
        let n = rest.split(']').next().unwrap_or("?");
        return tr(
            "problem-need",
            &[("n", Arg::Str(n)), ("message", Arg::Str(&p.message))],
        );
    }
    p.message.clone()
}

fn render_who(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let [boxes, vuln, members] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(3),
        Constraint::Min(2),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(boxes);
    let active = !form.on_members;
    let head_box = Block::bordered().title(t("intake-box-head"));
    let inner = head_box.inner(left);
    frame.render_widget(head_box, left);
    form.who
        .render_rows(frame, inner, &WHO_LEFT, 11, active, theme);
    let loc_box = Block::bordered().title(t("intake-box-location"));
    let inner = loc_box.inner(right);
    frame.render_widget(loc_box, right);
    form.who
        .render_rows(frame, inner, &WHO_RIGHT, 11, active, theme);
    // Vulnerabilities: three per line.
    let ids: Vec<FieldId> = Vulnerability::RECORDED
        .iter()
        .map(|v| FieldId::Vulnerability(*v))
        .collect();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", t("intake-box-vulnerabilities")),
            theme.title(),
        )),
        Rect { height: 1, ..vuln },
    );
    let third = vuln.width / 3;
    for (i, id) in ids.iter().enumerate() {
        let rect = Rect {
            x: vuln.x + (i as u16 % 3) * third,
            y: vuln.y + 1 + i as u16 / 3,
            width: third,
            height: 1,
        };
        form.who.render_rows(frame, rect, &[*id], 0, active, theme);
    }
    // Members.
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                " {} ",
                tr(
                    "intake-members",
                    &[("count", Arg::Num(form.members.len() as i64))]
                )
            ),
            if form.on_members {
                theme.focus()
            } else {
                theme.title()
            },
        ),
        Span::styled(t("intake-members-keys"), theme.muted()),
    ])];
    if form.members.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("   {}", t("intake-members-none")),
            theme.muted(),
        )));
    }
    let height = members.height.saturating_sub(1) as usize;
    for i in form.members_list.visible(form.members.len(), height) {
        let m = &form.members[i];
        let text = format!(
            "{}  {}  {}  {}{}",
            cell(&m.name, 26),
            cell(&m.sex.map(sex_label).unwrap_or_default(), 7),
            cell(&m.birth_year.map(|y| y.to_string()).unwrap_or_default(), 4),
            cell(&m.relationship, 12),
            if m.wg.has_disability() {
                format!(" {}", t("vuln-disability"))
            } else {
                String::new()
            }
        );
        lines.push(row_line(
            text,
            form.on_members && i == form.members_list.selected,
            theme,
        ));
    }
    let _ = data;
    frame.render_widget(Paragraph::new(lines), members);
}

fn render_consent(form: &HouseholdForm, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut y = area.y + 1;
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", t("consent-intro")),
            theme.muted(),
        ))
        .wrap(ratatui::widgets::Wrap { trim: false }),
        Rect {
            y: area.y,
            height: 1,
            ..area
        },
    );
    for (id, question) in [
        (FieldId::ConsentServices, "consent-services-question"),
        (FieldId::ConsentDisclosure, "consent-disclosure-question"),
        (FieldId::ConsentFollowUp, "consent-follow-up-question"),
    ] {
        if y + 3 > area.bottom() {
            break;
        }
        frame.render_widget(
            Paragraph::new(format!(" {}", t(question)))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            Rect {
                x: area.x,
                y: y + 1,
                width: area.width,
                height: 2,
            },
        );
        form.consent.render_rows(
            frame,
            Rect {
                x: area.x + 2,
                y: y + 3,
                width: area.width.min(60),
                height: 1,
            },
            &[id],
            24,
            true,
            theme,
        );
        y += 4;
    }
    let recorded = form.existing.as_ref().and_then(|h| h.consent.as_ref());
    if let Some(c) = recorded
        && y + 1 < area.bottom()
    {
        let text = tr(
            "consent-recorded",
            &[
                ("by", Arg::Str(&c.recorded_by)),
                ("at", Arg::Str(&c.recorded_at.local_minutes())),
            ],
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), theme.muted())),
            Rect {
                y: y + 1,
                height: 1,
                ..area
            },
        );
    }
}

fn render_needs(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" {}", t("needs-intro")),
            theme.muted(),
        )),
        Line::from(Span::styled(
            format!(
                "   {}  {}  {}  {}",
                cell(&t("col-sector"), 20),
                cell(&t("col-priority"), 9),
                cell(&t("col-status"), 10),
                t("col-need")
            ),
            theme.title(),
        )),
    ];
    if form.needs.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("   {}", t("needs-none")),
            theme.muted(),
        )));
    }
    let height = area.height.saturating_sub(2) as usize;
    for i in form.needs_list.visible(form.needs.len(), height) {
        let n = &form.needs[i];
        let saved = form.saved_needs.contains(&n.id);
        let referrals = data.referrals.iter().filter(|r| r.need == n.id).count();
        let status = if saved {
            crate::tui::labels::need_status(n.status)
        } else {
            t("need-unsaved")
        };
        let extra = if referrals > 0 {
            format!(
                "  ({})",
                tr("needs-referrals", &[("count", Arg::Num(referrals as i64))])
            )
        } else {
            String::new()
        };
        let text = format!(
            "{}  {}  {}  {}{}",
            cell(&crate::tui::labels::sector(n.sector), 20),
            cell(&crate::tui::labels::priority(n.priority), 9),
            cell(&status, 10),
            n.description,
            extra
        );
        lines.push(row_line(text, i == form.needs_list.selected, theme));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
