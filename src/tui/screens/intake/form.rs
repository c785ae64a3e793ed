//! The household form: its three steps' fields, what typing in them changes, and the
//! household it makes (or the problems that stop it): every problem is kept with its
//! step until it is fixed, and F7 (Ctrl+E) goes from one to the next.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::*;
use crate::i18n::{Arg, t, tr};
use crate::model::{
    CaseStatus, Consent, Date, Displacement, DisplacementKind, Gazetteer, Household, Location,
    Need, Person, Problem, Sex, Timestamp, Vulnerability, ascii_digits, household::MAX_SIZE,
};
use crate::search::households::HouseholdRow;
use crate::tui::action::Action;
use crate::tui::field::FieldId;
use crate::tui::screens::Data;
use crate::tui::screens::intake::act::IntakeAction;
use crate::tui::widgets::form::{Field, FieldKind, Form, Opt};
use crate::tui::widgets::list::ListView;

/// A household being recorded or edited.
#[derive(Debug, Clone)]
pub struct HouseholdForm {
    pub id: Uuid,
    /// The head's id: kept from the record, or made once for a new household, so that a
    /// need can be the head's before the household is saved.
    pub head_id: Uuid,
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
    /// What the last save attempt found wrong and is not fixed yet, in the order of the
    /// form (steps, then fields); each field at fault also shows `!`.
    pub problems: Vec<Problem>,
}

/// Where a problem is, in the order of the form: its step, then its place in the step.
pub type Rank = (Step, usize);

fn yes_no() -> Vec<Opt> {
    vec![
        Opt::new("yes", t("answer-yes")),
        Opt::new("no", t("answer-no")),
    ]
}

fn governorate_options(g: &Gazetteer) -> Vec<Opt> {
    g.governorates().map(Opt::place).collect()
}

fn district_options(g: &Gazetteer, governorate: Option<&str>) -> Vec<Opt> {
    let mut options = vec![Opt::new("", t("intake-district-none"))];
    if let Some(gov) = governorate {
        options.extend(g.children(gov).map(Opt::place));
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

pub(super) const WHO_LEFT: [FieldId; 5] = [
    FieldId::HeadName,
    FieldId::HeadLatin,
    FieldId::HeadSex,
    FieldId::HeadBirthYear,
    FieldId::Phone,
];
pub(super) const WHO_RIGHT: [FieldId; 5] = [
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
            Field::date(
                FieldId::ReturnedOn,
                "intake-returned-on",
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
        // Last of the step's fields: drawn beside the members, which follow it.
        fields.push(Field::text(
            FieldId::HouseholdSize,
            "intake-size",
            2,
            &h.and_then(|h| h.size)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ));
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
            head_id: h.map(|h| h.head.id).unwrap_or_else(Uuid::now_v7),
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
        let then = self.follow_change(id, data);
        self.recheck(&data.gazetteer, data.now);
        then
    }

    fn follow_change(&mut self, id: FieldId, data: &Data) -> Option<Action> {
        match id {
            FieldId::Governorate => {
                self.sync_districts(&data.gazetteer);
                Some(Action::Intake(IntakeAction::CheckDuplicates))
            }
            FieldId::Displacement => {
                self.sync_visibility();
                None
            }
            FieldId::HeadName => {
                self.offer_latin();
                Some(Action::Intake(IntakeAction::CheckDuplicates))
            }
            FieldId::HeadLatin | FieldId::HeadBirthYear | FieldId::Phone => {
                Some(Action::Intake(IntakeAction::CheckDuplicates))
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
        // What the form can get wrong is said here in the screens' language; the model's
        // own check (in English, for the command line) then finds nothing more of it.
        if w.text(FieldId::HeadName).is_empty() {
            problems.push(Problem::new("head.name", t("problem-name")));
        }
        let this_year = now.year();
        let year_text = ascii_digits(&w.text(FieldId::HeadBirthYear));
        let birth_year = if year_text.is_empty() {
            None
        } else {
            match year_text.parse::<u16>() {
                Ok(y) if (this_year - 120..=this_year).contains(&i32::from(y)) => Some(y),
                Ok(y) => {
                    problems.push(Problem::new(
                        "head.birth_year",
                        tr(
                            "problem-year-range",
                            &[
                                ("from", Arg::Num(i64::from(this_year - 120))),
                                ("to", Arg::Num(i64::from(this_year))),
                            ],
                        ),
                    ));
                    Some(y)
                }
                Err(_) => {
                    problems.push(Problem::new("head.birth_year", t("problem-year-number")));
                    None
                }
            }
        };
        let phone = ascii_digits(&w.text(FieldId::Phone));
        let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            problems.push(Problem::new("phone", t("problem-phone-digits")));
        } else if digits > 0 && !(7..=15).contains(&digits) {
            problems.push(Problem::new("phone", t("problem-phone-length")));
        }
        if w.code(FieldId::Governorate).is_none_or(|c| c.is_empty()) {
            problems.push(Problem::new(
                "location.governorate",
                t("problem-choose-governorate"),
            ));
        }
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
                Some(d) if d > now.date() => {
                    problems.push(Problem::new(
                        "displacement.returned_on",
                        t("problem-date-future"),
                    ));
                    Some(d)
                }
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
        let size_text = ascii_digits(&w.text(FieldId::HouseholdSize));
        let listed = 1 + self.members.len();
        let size = if size_text.is_empty() {
            None
        } else {
            match size_text.parse::<u16>() {
                Ok(n) if n > MAX_SIZE || n == 0 => {
                    problems.push(Problem::new(
                        "size",
                        tr("problem-size-range", &[("max", Arg::Num(MAX_SIZE.into()))]),
                    ));
                    None
                }
                Ok(n) if usize::from(n) < listed => {
                    problems.push(Problem::new(
                        "size",
                        tr(
                            "problem-size-listed",
                            &[("listed", Arg::Num(listed as i64))],
                        ),
                    ));
                    None
                }
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push(Problem::new("size", t("problem-size-number")));
                    None
                }
            }
        };
        let mut head = self
            .existing
            .as_ref()
            .map(|h| h.head.clone())
            .unwrap_or_else(|| Person::new(self.head_id, ""));
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
            size,
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

    /// Where a problem of model field `field` is shown: its step, and its place there
    /// (a field's position in its step's form; a member after the step's fields; a need
    /// by its number). A problem with no field of its own comes last in its step.
    pub fn rank(&self, field: &str) -> Rank {
        let id = FieldId::of_problem(field);
        let number = |prefix: &str| -> Option<usize> {
            let rest = field.strip_prefix(prefix)?;
            rest.split(']').next()?.parse::<usize>().ok()
        };
        if let Some(i) = self.who.fields.iter().position(|f| Some(f.id) == id) {
            (Step::Who, i)
        } else if let Some(n) = number("members[") {
            (Step::Who, self.who.fields.len() + n)
        } else if let Some(i) = self.consent.fields.iter().position(|f| Some(f.id) == id) {
            (Step::Consent, i)
        } else if field.starts_with("consent") {
            (Step::Consent, usize::MAX)
        } else if let Some(n) = number("needs[") {
            (Step::Needs, n)
        } else {
            (Step::Who, usize::MAX)
        }
    }

    /// Where the keyboard is, as a `Rank`.
    pub fn here(&self) -> Rank {
        match self.step {
            Step::Who if self.on_members => (
                Step::Who,
                self.who.fields.len() + 1 + self.members_list.selected,
            ),
            Step::Who => (Step::Who, self.who.focus),
            Step::Consent => (Step::Consent, self.consent.focus),
            Step::Needs => (Step::Needs, 1 + self.needs_list.selected),
        }
    }

    /// Keeps `problems` in the order of the form and puts each against its field.
    fn place(&mut self, mut problems: Vec<Problem>) {
        problems.sort_by_key(|p| self.rank(&p.field));
        self.who.clear_errors();
        self.consent.clear_errors();
        for p in &problems {
            if let Some(id) = FieldId::of_problem(&p.field) {
                let _ =
                    self.who.set_error(id, &p.message) || self.consent.set_error(id, &p.message);
            }
        }
        self.problems = problems;
    }

    /// Puts problems against their fields and moves to the first one.
    pub fn show_problems(&mut self, problems: Vec<Problem>) {
        self.place(problems);
        if let Some(first) = self.problems.first().map(|p| p.field.clone()) {
            self.go_to(&first);
        }
    }

    /// After an edit: drops the problems that are fixed now, and updates the message of
    /// those that remain. No new problem is added while typing: those wait for Ctrl+S.
    pub fn recheck(&mut self, g: &Gazetteer, now: Timestamp) {
        if self.problems.is_empty() {
            return;
        }
        let now_found = self.to_household("", now, g).err().unwrap_or_default();
        let kept: Vec<Problem> = now_found
            .into_iter()
            .filter(|p| self.problems.iter().any(|q| q.field == p.field))
            .collect();
        self.place(kept);
    }

    /// Moves the keyboard to the problem of model field `field`: its step, and its field,
    /// member or need.
    pub fn go_to(&mut self, field: &str) {
        let (step, at) = self.rank(field);
        self.step = step;
        match step {
            Step::Who => {
                let focused = FieldId::of_problem(field).is_some_and(|id| self.who.focus_on(id));
                self.on_members = !focused && field.starts_with("members");
                if self.on_members {
                    self.members_list.selected = at.saturating_sub(self.who.fields.len() + 1);
                    self.members_list.clamp(self.members.len());
                }
            }
            Step::Consent => {
                if let Some(id) = FieldId::of_problem(field) {
                    self.consent.focus_on(id);
                }
            }
            Step::Needs => {
                self.needs_list.selected = at.saturating_sub(1);
                self.needs_list.clamp(self.needs.len());
            }
        }
    }

    /// Goes to the next problem after where the keyboard is, in the order of the form,
    /// from the last back to the first; `false` when there is none.
    pub fn next_problem(&mut self) -> bool {
        let here = self.here();
        let next = self
            .problems
            .iter()
            .find(|p| self.rank(&p.field) > here)
            .or(self.problems.first())
            .map(|p| p.field.clone());
        match next {
            Some(field) => {
                self.go_to(&field);
                true
            }
            None => false,
        }
    }

    /// The need form's "for whom" choice of the head: the head's id, and the name typed.
    pub fn head_choice(&self) -> (Uuid, String) {
        (self.head_id, self.who.text(FieldId::HeadName))
    }
}
