//! The household (the case): its head, members, location, displacement, vulnerabilities,
//! consent and open/closed status, with the checks a form runs before saving.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Date, Gazetteer, Problem, Timestamp, ascii_digits, named_enum, text};

named_enum! {
    /// Sex as recorded at intake.
    pub enum Sex {
        Female = ("female", "Female"),
        Male = ("male", "Male"),
    }
}

named_enum! {
    /// Displacement status of the household.
    pub enum DisplacementKind {
        IdpInCamp = ("idp_in_camp", "IDP in camp"),
        IdpOutOfCamp = ("idp_out_of_camp", "IDP out of camp"),
        Returnee = ("returnee", "Returnee"),
        HostCommunity = ("host_community", "Host community"),
        Refugee = ("refugee", "Refugee"),
    }
}

/// Displacement status; a returnee also carries the date of return when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Displacement {
    pub kind: DisplacementKind,
    pub returned_on: Option<Date>,
}

named_enum! {
    /// Vulnerabilities. Disability is never recorded directly: it is derived from the
    /// Washington Group answers (`Household::all_vulnerabilities`); missing documentation
    /// may be recorded, and is also derived from each person's missing documents.
    pub enum Vulnerability {
        FemaleHeaded = ("female_headed", "female-headed household"),
        OlderPersonAlone = ("older_person_alone", "older person alone"),
        SeparatedChild = ("separated_child", "unaccompanied or separated child"),
        ChronicIllness = ("chronic_illness", "chronic illness"),
        PregnantOrLactating = ("pregnant_or_lactating", "pregnant or lactating woman"),
        MissingDocuments = ("missing_documents", "missing civil documentation"),
        Disability = ("disability", "disability"),
    }
}

named_enum! {
    /// Washington Group Short Set answer for one domain.
    pub enum WgAnswer {
        NoDifficulty = ("no_difficulty", "no difficulty"),
        Some = ("some", "some difficulty"),
        ALot = ("a_lot", "a lot of difficulty"),
        CannotDo = ("cannot_do", "cannot do at all"),
    }
}

/// Washington Group Short Set answers; `None` where the question was not asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WgAnswers {
    pub seeing: Option<WgAnswer>,
    pub hearing: Option<WgAnswer>,
    pub walking: Option<WgAnswer>,
    pub remembering: Option<WgAnswer>,
    pub self_care: Option<WgAnswer>,
    pub communicating: Option<WgAnswer>,
}

impl Vulnerability {
    /// The vulnerabilities a worker ticks; disability is derived, never ticked.
    pub const RECORDED: [Vulnerability; 6] = [
        Vulnerability::FemaleHeaded,
        Vulnerability::OlderPersonAlone,
        Vulnerability::SeparatedChild,
        Vulnerability::ChronicIllness,
        Vulnerability::PregnantOrLactating,
        Vulnerability::MissingDocuments,
    ];
}

impl WgAnswers {
    /// The six domains with their answers, in the Short Set's order.
    pub fn domains(&self) -> [(&'static str, Option<WgAnswer>); 6] {
        [
            ("seeing", self.seeing),
            ("hearing", self.hearing),
            ("walking", self.walking),
            ("remembering", self.remembering),
            ("self_care", self.self_care),
            ("communicating", self.communicating),
        ]
    }

    /// The Washington Group disability cut-off: "a lot of difficulty" or "cannot do at
    /// all" in at least one domain.
    pub fn has_disability(&self) -> bool {
        self.domains()
            .iter()
            .any(|(_, a)| matches!(a, Some(WgAnswer::ALot | WgAnswer::CannotDo)))
    }
}

named_enum! {
    /// Civil documents a person may be missing.
    pub enum CivilDocument {
        NationalId = ("national_id", "national ID card"),
        CivilStatusId = ("civil_status_id", "civil status ID"),
        NationalityCertificate = ("nationality_certificate", "nationality certificate"),
        BirthCertificate = ("birth_certificate", "birth certificate"),
        MarriageCertificate = ("marriage_certificate", "marriage certificate"),
        DeathCertificate = ("death_certificate", "death certificate"),
        ResidencyCard = ("residency_card", "residency card"),
        PublicDistributionCard = ("public_distribution_card", "PDS food ration card"),
    }
}

/// One person in the household: the head, or a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Person {
    pub id: Uuid,
    /// The name as given, exactly as typed (Arabic script or Latin). Empty for a member
    /// not named yet: a registration list imported (`intake`) gives a household's size,
    /// not its members, who are counted until a worker names them.
    pub name: String,
    /// An optional Latin transliteration.
    pub latin: String,
    pub sex: Option<Sex>,
    pub birth_year: Option<u16>,
    /// Relationship to the head ("head" for the head).
    pub relationship: String,
    pub wg: WgAnswers,
    pub missing_documents: BTreeSet<CivilDocument>,
}

impl Person {
    pub fn new(id: Uuid, name: impl Into<String>) -> Person {
        Person {
            id,
            name: name.into(),
            latin: String::new(),
            sex: None,
            birth_year: None,
            relationship: String::new(),
            wg: WgAnswers::default(),
            missing_documents: BTreeSet::new(),
        }
    }
}

/// Where the household lives: P-codes from the gazetteer and a free-text place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Governorate P-code, e.g. `IQG15`.
    pub governorate: String,
    /// District P-code, e.g. `IQG15Q01`, when known.
    pub district: Option<String>,
    /// Sub-district P-code, e.g. `IQG15Q01N01`, when known.
    pub sub_district: Option<String>,
    /// Village or neighbourhood, free text.
    pub village: String,
}

/// The household's consent, asked in plain words, each scope a separate yes or no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Consent {
    /// May the household be referred to services?
    pub services: bool,
    /// May its details be shared with the receiving agency of a referral?
    pub disclosure: bool,
    /// May a worker contact it again to follow up?
    pub follow_up: bool,
    pub recorded_at: Timestamp,
    pub recorded_by: String,
}

named_enum! {
    /// Why a case was closed.
    pub enum ClosureReason {
        ServicesReceived = ("services_received", "services received"),
        MovedAway = ("moved_away", "moved away"),
        Unreachable = ("unreachable", "no longer reachable"),
        Duplicate = ("duplicate", "duplicate of another case"),
        Other = ("other", "other"),
    }
}

/// Who closed a case, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Closure {
    pub at: Timestamp,
    pub by: String,
    pub reason: ClosureReason,
    pub note: String,
    /// For a duplicate: the household that stays.
    pub duplicate_of: Option<Uuid>,
}

/// Open, or closed with who, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CaseStatus {
    #[default]
    Open,
    Closed(Closure),
}

/// A household: the case that needs and referrals hang from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Household {
    pub id: Uuid,
    /// Short human code that cannot collide offline, e.g. `K7QX2-0123`.
    pub case_code: String,
    pub created_at: Timestamp,
    pub created_by: String,
    pub head: Person,
    pub phone: String,
    /// Everyone else in the household (the head is not repeated here).
    pub members: Vec<Person>,
    pub location: Location,
    pub displacement: Displacement,
    pub vulnerabilities: BTreeSet<Vulnerability>,
    pub consent: Option<Consent>,
    pub status: CaseStatus,
}

impl Household {
    /// What stays of a household once erased: its id, case code, dates, P-codes, the kind
    /// of displacement, its status and how many people it had (as nameless members), so
    /// that the counts still add up; no name, phone, village, birth year, answers,
    /// vulnerability or free text.
    pub fn anonymized(&self) -> Household {
        let nameless = |p: &Person| Person::new(p.id, "");
        Household {
            id: self.id,
            case_code: self.case_code.clone(),
            created_at: self.created_at,
            created_by: self.created_by.clone(),
            head: nameless(&self.head),
            phone: String::new(),
            members: self.members.iter().map(nameless).collect(),
            location: Location {
                governorate: self.location.governorate.clone(),
                district: self.location.district.clone(),
                sub_district: self.location.sub_district.clone(),
                village: String::new(),
            },
            displacement: Displacement {
                kind: self.displacement.kind,
                returned_on: None,
            },
            vulnerabilities: BTreeSet::new(),
            consent: self.consent.clone(),
            status: match &self.status {
                CaseStatus::Closed(c) => CaseStatus::Closed(Closure {
                    note: String::new(),
                    ..c.clone()
                }),
                open => open.clone(),
            },
        }
    }

    /// Everyone in the household, head first.
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        std::iter::once(&self.head).chain(self.members.iter())
    }

    /// The number of people in the household, head included.
    pub fn size(&self) -> usize {
        1 + self.members.len()
    }

    /// Recorded vulnerabilities plus the derived ones: disability from the Washington
    /// Group answers, and missing documentation from each person's missing documents.
    pub fn all_vulnerabilities(&self) -> BTreeSet<Vulnerability> {
        let mut all = self.vulnerabilities.clone();
        if self.people().any(|p| p.wg.has_disability()) {
            all.insert(Vulnerability::Disability);
        }
        if self.people().any(|p| !p.missing_documents.is_empty()) {
            all.insert(Vulnerability::MissingDocuments);
        }
        all
    }

    pub fn is_open(&self) -> bool {
        matches!(self.status, CaseStatus::Open)
    }

    /// Whether the household agreed to be referred to services.
    pub fn consents_to_services(&self) -> bool {
        self.consent.as_ref().is_some_and(|c| c.services)
    }

    /// Checks everything a save needs; an empty list means the record may be saved.
    pub fn validate(&self, gazetteer: &Gazetteer, today: Date) -> Vec<Problem> {
        let mut problems = Vec::new();
        let this_year = today.year();
        check_person(&self.head, "head", true, this_year, &mut problems);
        let phone = ascii_digits(&self.phone);
        let phone_digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            problems.push(Problem::new(
                "phone",
                "Use digits only (spaces, + and - are allowed).",
            ));
        } else if phone_digits > 0 && !(7..=15).contains(&phone_digits) {
            problems.push(Problem::new(
                "phone",
                "A phone number has 7 to 15 digits; check it or leave it empty.",
            ));
        }
        for (i, member) in self.members.iter().enumerate() {
            // A member may be unnamed yet (counted by an imported registration list).
            check_person(
                member,
                &format!("members[{}]", i + 1),
                false,
                this_year,
                &mut problems,
            );
        }
        if let Err(problem) = gazetteer.check_location(&self.location) {
            problems.push(problem);
        }
        text::check_all(
            [
                ("location.village", self.location.village.as_str()),
                ("case_code", self.case_code.as_str()),
            ],
            &mut problems,
        );
        match (self.displacement.kind, self.displacement.returned_on) {
            (DisplacementKind::Returnee, Some(date)) if date > today => {
                problems.push(Problem::new(
                    "displacement.returned_on",
                    "The return date is in the future.",
                ))
            }
            (DisplacementKind::Returnee, _) => {}
            (_, Some(_)) => problems.push(Problem::new(
                "displacement.returned_on",
                "A return date is only for returnees; clear it or set the status to returnee.",
            )),
            _ => {}
        }
        if self.vulnerabilities.contains(&Vulnerability::Disability) {
            problems.push(Problem::new(
                "vulnerabilities",
                "Disability comes from the Washington Group answers of each person; answer those instead of ticking it.",
            ));
        }
        if let CaseStatus::Closed(closure) = &self.status {
            problems.extend(text::check("status.note", &closure.note));
            if closure.reason == ClosureReason::Duplicate && closure.duplicate_of.is_none() {
                problems.push(Problem::new(
                    "status",
                    "A duplicate case must name the case that stays.",
                ));
            }
            if closure.duplicate_of == Some(self.id) {
                problems.push(Problem::new(
                    "status",
                    "A case cannot be a duplicate of itself.",
                ));
            }
        }
        problems
    }
}

fn check_person(
    person: &Person,
    field: &str,
    named: bool,
    this_year: i32,
    problems: &mut Vec<Problem>,
) {
    if named && person.name.trim().is_empty() {
        problems.push(Problem::new(
            format!("{field}.name"),
            "Type the name as the person gives it.",
        ));
    }
    if person.name.chars().count() > 120 {
        problems.push(Problem::new(
            format!("{field}.name"),
            "A name is at most 120 characters.",
        ));
    }
    for (part, value) in [
        ("name", &person.name),
        ("latin", &person.latin),
        ("relationship", &person.relationship),
    ] {
        problems.extend(text::check(&format!("{field}.{part}"), value));
    }
    if let Some(year) = person.birth_year {
        let year = i32::from(year);
        if year < this_year - 120 || year > this_year {
            problems.push(Problem::new(
                format!("{field}.birth_year"),
                format!(
                    "Year of birth must be between {} and {this_year}.",
                    this_year - 120
                ),
            ));
        }
    }
}

/// Whether a household closed at `closed` has been kept `months` months by `now` (and
/// so is due for erasure). Calendar months: closed on 31 January, due on 31 July after 6
/// months (or the last day of a shorter month).
pub fn retention_over(closed: Timestamp, months: u32, now: Timestamp) -> bool {
    closed
        .to_utc()
        .checked_add_months(chrono::Months::new(months))
        .is_some_and(|due| due <= now.to_utc())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn retention_counts_calendar_months_from_the_closure() {
        let day = |y, m, d| {
            Timestamp(
                chrono::NaiveDate::from_ymd_opt(y, m, d)
                    .expect("date")
                    .and_hms_opt(12, 0, 0)
                    .expect("time")
                    .and_utc()
                    .timestamp_millis(),
            )
        };
        let closed = day(2024, 11, 29);
        assert!(!retention_over(closed, 24, day(2026, 11, 28)));
        assert!(retention_over(closed, 24, day(2026, 11, 29)));
        assert!(
            retention_over(day(2025, 1, 31), 1, day(2025, 2, 28)),
            "a short month"
        );
        assert!(!retention_over(day(2025, 1, 31), 1, day(2025, 2, 27)));
        assert!(retention_over(closed, 0, closed), "0 months: due at once");
    }

    pub(crate) fn sample_household() -> Household {
        let mut head = Person::new(Uuid::from_u128(1), "فاطمة حسن علي");
        head.latin = "Fatima Hassan Ali".into();
        head.sex = Some(Sex::Female);
        head.birth_year = Some(1984);
        head.relationship = "head".into();
        let mut son = Person::new(Uuid::from_u128(2), "حسن");
        son.sex = Some(Sex::Male);
        son.birth_year = Some(2009);
        son.relationship = "son".into();
        Household {
            id: Uuid::from_u128(10),
            case_code: "K7QX2-0001".into(),
            created_at: Timestamp(1_700_000_000_000),
            created_by: "Amal H.".into(),
            head,
            phone: "0770 123 4567".into(),
            members: vec![son],
            location: Location {
                governorate: "IQG15".into(),
                district: None,
                sub_district: None,
                village: "Al-Zanjili".into(),
            },
            displacement: Displacement {
                kind: DisplacementKind::Returnee,
                returned_on: Date::from_ymd(2018, 3, 14),
            },
            vulnerabilities: [Vulnerability::FemaleHeaded].into(),
            consent: None,
            status: CaseStatus::Open,
        }
    }

    fn today() -> Date {
        Date::from_ymd(2026, 11, 29).expect("valid")
    }

    #[test]
    fn a_complete_household_has_no_problems() {
        let problems = sample_household().validate(&Gazetteer::builtin(), today());
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn problems_name_the_field_at_fault() {
        let mut h = sample_household();
        h.head.name = "  ".into();
        h.members[0].birth_year = Some(2030);
        h.phone = "07x0".into();
        h.location.governorate = "IQG99".into();
        let fields: Vec<String> = h
            .validate(&Gazetteer::builtin(), today())
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "head.name",
                "phone",
                "members[1].birth_year",
                "location.governorate"
            ]
        );
    }

    #[test]
    fn a_member_may_be_unnamed_yet_the_head_may_not() {
        let mut h = sample_household();
        h.members.push(Person::new(Uuid::from_u128(3), ""));
        assert!(h.validate(&Gazetteer::builtin(), today()).is_empty());
        assert_eq!(h.size(), 3);
        h.members[1].birth_year = Some(2030);
        h.head.name = String::new();
        let fields: Vec<String> = h
            .validate(&Gazetteer::builtin(), today())
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["head.name", "members[2].birth_year"]);
    }

    #[test]
    fn return_date_only_for_returnees_and_not_in_future() {
        let mut h = sample_household();
        h.displacement.returned_on = Date::from_ymd(2027, 1, 1);
        assert_eq!(h.validate(&Gazetteer::builtin(), today()).len(), 1);
        h.displacement.kind = DisplacementKind::HostCommunity;
        h.displacement.returned_on = Date::from_ymd(2018, 1, 1);
        let problems = h.validate(&Gazetteer::builtin(), today());
        assert_eq!(problems[0].field, "displacement.returned_on");
    }

    #[test]
    fn disability_and_missing_documents_are_derived() {
        let mut h = sample_household();
        assert!(!h.all_vulnerabilities().contains(&Vulnerability::Disability));
        h.members[0].wg.walking = Some(WgAnswer::Some);
        assert!(!h.all_vulnerabilities().contains(&Vulnerability::Disability));
        h.members[0].wg.walking = Some(WgAnswer::ALot);
        assert!(h.all_vulnerabilities().contains(&Vulnerability::Disability));
        h.head
            .missing_documents
            .insert(CivilDocument::CivilStatusId);
        assert!(
            h.all_vulnerabilities()
                .contains(&Vulnerability::MissingDocuments)
        );
    }

    #[test]
    fn arabic_indic_digits_count_in_phone_numbers() {
        let mut h = sample_household();
        h.phone = "٠٧٧٠ ١٢٣ ٤٥٦٧".into();
        assert!(h.validate(&Gazetteer::builtin(), today()).is_empty());
    }

    #[test]
    fn hidden_characters_are_refused_in_every_text_of_a_household() {
        for bad in [
            "\u{1b}[2J",
            "a\nb",
            "\u{9b}x",
            "\u{202e}x",
            "\u{2066}x",
            "\u{7f}",
        ] {
            let mut h = sample_household();
            h.head.name = format!("Fatima {bad}");
            h.head.latin = format!("x{bad}");
            h.head.relationship = format!("head{bad}");
            h.members[0].name = format!("Ali{bad}");
            h.location.village = format!("Hay{bad}");
            h.status = CaseStatus::Closed(Closure {
                at: Timestamp(0),
                by: "x".into(),
                reason: ClosureReason::Other,
                note: format!("note{bad}"),
                duplicate_of: None,
            });
            let fields: Vec<String> = h
                .validate(&Gazetteer::builtin(), today())
                .into_iter()
                .map(|p| p.field)
                .collect();
            for wanted in [
                "head.name",
                "head.latin",
                "head.relationship",
                "members[1].name",
                "location.village",
                "status.note",
            ] {
                assert!(
                    fields.iter().any(|f| f == wanted),
                    "{bad:?}: {wanted} in {fields:?}"
                );
            }
        }
        // A tab and the marks Arabic uses are text.
        let mut h = sample_household();
        h.head.name = "فاطمة\u{200f} حسن".into();
        h.location.village = "Hay\tAl-Zahra".into();
        assert!(h.validate(&Gazetteer::builtin(), today()).is_empty());
    }

    #[test]
    fn a_duplicate_closure_names_the_case_that_stays() {
        let mut h = sample_household();
        h.status = CaseStatus::Closed(Closure {
            at: Timestamp(0),
            by: "x".into(),
            reason: ClosureReason::Duplicate,
            note: String::new(),
            duplicate_of: None,
        });
        assert_eq!(
            h.validate(&Gazetteer::builtin(), today())[0].field,
            "status"
        );
    }
}
