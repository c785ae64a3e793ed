//! `daleel demo`: a deterministic, realistic synthetic caseload for training and
//! benchmarks. The same seed gives the same households, needs, referrals and directory
//! (dates are placed relative to the day it runs). Names mix Arabic script and Latin.

use std::collections::BTreeSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::model::time::{DAY_MS, HOUR_MS};
use crate::model::{
    CaseStatus, CivilDocument, Closure, ClosureReason, Consent, Date, DisclosedField, Displacement,
    DisplacementKind, Household, Location, Move, Need, NeedStatus, NotSuccessfulReason, OrgType,
    Organization, Outcome, Person, Priority, Referral, ReferralStatus, Sector, Service,
    ServiceLocation, ServiceStatus, Sex, Timestamp, Vulnerability, WgAnswer,
};
use crate::store::{Edit, Store, StoreError};

/// How many households go into one transaction.
const CHUNK: usize = 200;

/// The workers named on demo changes.
const WORKERS: [&str; 6] = [
    "Amal H.",
    "Yousif K.",
    "Noor S.",
    "Omar R.",
    "Huda M.",
    "Salwa T.",
];

/// (Arabic, Latin) given names.
const FEMALE: [(&str, &str); 16] = [
    ("فاطمة", "Fatima"),
    ("زينب", "Zainab"),
    ("مريم", "Maryam"),
    ("نور", "Noor"),
    ("هدى", "Huda"),
    ("سارة", "Sara"),
    ("آمنة", "Amina"),
    ("رقية", "Ruqaya"),
    ("شيماء", "Shaimaa"),
    ("إسراء", "Israa"),
    ("دعاء", "Duaa"),
    ("حنان", "Hanan"),
    ("سلوى", "Salwa"),
    ("أسماء", "Asmaa"),
    ("ليلى", "Layla"),
    ("خديجة", "Khadija"),
];
const MALE: [(&str, &str); 16] = [
    ("أحمد", "Ahmed"),
    ("محمد", "Mohammed"),
    ("علي", "Ali"),
    ("حسن", "Hassan"),
    ("حسين", "Hussein"),
    ("عمر", "Omar"),
    ("يوسف", "Yousif"),
    ("إبراهيم", "Ibrahim"),
    ("خالد", "Khalid"),
    ("مصطفى", "Mustafa"),
    ("عبدالله", "Abdullah"),
    ("سعد", "Saad"),
    ("كريم", "Kareem"),
    ("مازن", "Mazin"),
    ("طارق", "Tariq"),
    ("ياسين", "Yaseen"),
];
const FAMILY: [(&str, &str); 16] = [
    ("الجبوري", "Al-Jubouri"),
    ("العبيدي", "Al-Obaidi"),
    ("الدليمي", "Al-Dulaimi"),
    ("الحمداني", "Al-Hamdani"),
    ("الشمري", "Al-Shammari"),
    ("الطائي", "Al-Taie"),
    ("العاني", "Al-Ani"),
    ("الراوي", "Al-Rawi"),
    ("الكبيسي", "Al-Kubaisi"),
    ("النعيمي", "Al-Nuaimi"),
    ("السبعاوي", "Al-Sabawi"),
    ("الحديثي", "Al-Hadithi"),
    ("الفهداوي", "Al-Fahdawi"),
    ("البياتي", "Al-Bayati"),
    ("الزبيدي", "Al-Zubaidi"),
    ("المحمدي", "Al-Mohammadi"),
];
const VILLAGES: [&str; 12] = [
    "Al-Zanjili",
    "Bab Sinjar",
    "Al-Muhandiseen",
    "Qaraqosh",
    "Bartella",
    "Hammam al-Alil",
    "Al-Andalus",
    "Al-Tamim",
    "Al-Jazeera",
    "Al-Sufiya",
    "Al-Askari",
    "Al-Nazzal",
];
const NEED_TEXT: [(Sector, &str); 14] = [
    (
        Sector::CivilDocumentation,
        "Replacement of lost civil status ID",
    ),
    (Sector::Health, "Follow-up for chronic diabetes treatment"),
    (
        Sector::ShelterNfi,
        "Repair of war-damaged roof before winter",
    ),
    (Sector::Wash, "No safe drinking water at home"),
    (Sector::FoodSecurity, "Food basket: no income this month"),
    (Sector::Livelihoods, "Vocational training or cash-for-work"),
    (Sector::Education, "Child out of school since return"),
    (
        Sector::Mhpss,
        "Psychosocial support after loss in the family",
    ),
    (Sector::Protection, "Threats from neighbours since return"),
    (
        Sector::ChildProtection,
        "Working child needs case management",
    ),
    (Sector::Gbv, "Safe space and case management"),
    (Sector::Hlp, "Property occupied; needs legal help"),
    (Sector::Cash, "Multi-purpose cash for rent"),
    (Sector::CampCoordination, "Tent replacement in camp"),
];

/// What `generate` made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub households: usize,
    pub needs: usize,
    pub referrals: usize,
    pub services: usize,
    pub organizations: usize,
}

thread_local! {
    /// Mixed into every id: the same seed on two laptops gives the same caseload with
    /// different ids, so that two training laptops can sync without colliding.
    static ID_SALT: std::cell::Cell<[u8; 10]> = const { std::cell::Cell::new([0; 10]) };
}

fn uuid(rng: &mut ChaCha8Rng, at: Timestamp) -> Uuid {
    let mut bytes: [u8; 10] = rng.r#gen();
    let salt = ID_SALT.get();
    for (b, s) in bytes.iter_mut().zip(salt) {
        *b ^= s;
    }
    uuid::Builder::from_unix_timestamp_millis(at.0.max(0) as u64, &bytes).into_uuid()
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.gen_range(0..items.len())]
}

/// Fills an empty database with `households` synthetic households, their needs and
/// referrals, and a directory of up to 2,000 services from up to 60 organizations. Marks
/// the database as a demo database. `progress` is told how many households are done.
pub fn generate(
    store: &Store,
    households: usize,
    seed: u64,
    mut progress: impl FnMut(usize),
) -> Result<DemoSummary, StoreError> {
    if store.count::<Household>() > 0 {
        return Err(StoreError::NotEmpty {
            households: store.count::<Household>(),
        });
    }
    store.mark_demo()?;
    let mut salt = [0u8; 10];
    salt.copy_from_slice(&blake3::hash(&store.device().origin.0).as_bytes()[..10]);
    ID_SALT.set(salt);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let now = store.now();
    let today = now.date().start();
    let mut summary = DemoSummary::default();

    // The directory.
    let service_count = (households / 5).clamp(50, 2_000);
    let org_count = (service_count / 30).clamp(10, 60);
    let (orgs, services) = directory(&mut rng, today, service_count, org_count);
    let mut edits: Vec<Edit> = orgs.iter().cloned().map(Edit::Organization).collect();
    edits.extend(services.iter().cloned().map(Edit::Service));
    for chunk in edits.chunks(1_000) {
        store.apply_unflushed(WORKERS[0], chunk)?;
    }
    summary.organizations = orgs.len();
    summary.services = services.len();

    // The caseload, a chunk of households per transaction.
    let mut done = 0;
    while done < households {
        let n = CHUNK.min(households - done);
        let mut edits = Vec::new();
        for _ in 0..n {
            household(
                &mut rng,
                today,
                now,
                &services,
                &orgs,
                &mut edits,
                &mut summary,
            );
        }
        store.apply_unflushed(WORKERS[0], &edits)?;
        done += n;
        summary.households = done;
        progress(done);
    }
    ID_SALT.set([0; 10]);
    store.flush()?;
    Ok(summary)
}

fn person(
    rng: &mut ChaCha8Rng,
    sex: Sex,
    family: (&str, &str),
    year: u16,
    at: Timestamp,
) -> Person {
    let given = if sex == Sex::Female {
        pick(rng, &FEMALE)
    } else {
        pick(rng, &MALE)
    };
    let (name, latin) = if rng.gen_bool(0.7) {
        (
            format!("{} {}", given.0, family.0),
            format!("{} {}", given.1, family.1),
        )
    } else {
        (format!("{} {}", given.1, family.1), String::new())
    };
    let mut p = Person::new(uuid(rng, at), name);
    p.latin = latin;
    p.sex = Some(sex);
    p.birth_year = Some(year);
    if rng.gen_bool(0.08) {
        p.wg.walking = Some(pick(
            rng,
            &[WgAnswer::Some, WgAnswer::ALot, WgAnswer::CannotDo],
        ));
        p.wg.seeing = Some(WgAnswer::NoDifficulty);
    }
    if rng.gen_bool(0.1) {
        p.missing_documents.insert(pick(
            rng,
            &[
                CivilDocument::CivilStatusId,
                CivilDocument::NationalId,
                CivilDocument::BirthCertificate,
            ],
        ));
    }
    p
}

/// A synthetic directory of `service_count` services from `org_count` organizations.
fn directory(
    rng: &mut ChaCha8Rng,
    today: Timestamp,
    service_count: usize,
    org_count: usize,
) -> (Vec<Organization>, Vec<Service>) {
    let kinds = [
        OrgType::Government,
        OrgType::Un,
        OrgType::InternationalNgo,
        OrgType::NationalNgo,
    ];
    let orgs: Vec<Organization> = (0..org_count)
        .map(|i| {
            let kind = pick(rng, &kinds);
            Organization {
                id: uuid(rng, today.plus_ms(-400 * DAY_MS)),
                name: format!("Demo {} {}", kind.label(), i + 1),
                acronym: format!("D{}{:02}", &kind.code()[..1].to_ascii_uppercase(), i + 1),
                kind,
                focal_points: Vec::new(),
                ..Default::default()
            }
        })
        .collect();
    let services: Vec<Service> = (0..service_count)
        .map(|i| {
            let (sector, what) = pick(rng, &NEED_TEXT);
            let gov = if rng.gen_bool(0.5) { "IQG15" } else { "IQG01" };
            Service {
                id: uuid(rng, today.plus_ms(-400 * DAY_MS)),
                organization: orgs[rng.gen_range(0..orgs.len())].id,
                name: format!("{} service {}", sector.label(), i + 1),
                sector,
                description: format!("Demo service for: {}.", what.to_lowercase()),
                eligibility: "Households in the area served".into(),
                areas: vec![gov.into()],
                locations: vec![ServiceLocation {
                    name: format!("Office {}", i + 1),
                    address: pick(rng, &VILLAGES).into(),
                    pcode: Some(gov.into()),
                }],
                hours: "Sun-Thu 08:00-14:00".into(),
                phone: format!("0750 000 {:04}", i % 10_000),
                referral_method: "Phone the focal point".into(),
                next_steps: "The focal point calls back within a week.".into(),
                languages: vec!["Arabic".into()],
                required_documents: Vec::new(),
                fees: String::new(),
                status: if rng.gen_bool(0.95) {
                    ServiceStatus::Active
                } else {
                    ServiceStatus::Inactive
                },
                ..Default::default()
            }
        })
        .collect();
    (orgs, services)
}

/// A synthetic directory for benchmarks: `service_count` services from up to 60
/// organizations.
pub fn services(
    service_count: usize,
    seed: u64,
    today: Timestamp,
) -> (Vec<Organization>, Vec<Service>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    directory(
        &mut rng,
        today,
        service_count,
        (service_count / 30).clamp(10, 60),
    )
}

/// One synthetic household, recorded between 1 and 120 days before `today`.
fn make_household(rng: &mut ChaCha8Rng, today: Timestamp) -> Household {
    let created = today.plus_ms(-rng.gen_range(1..120) * DAY_MS + rng.gen_range(8..15) * HOUR_MS);
    let worker = pick(rng, &WORKERS);
    let family = pick(rng, &FAMILY);
    let this_year = today.year() as u16;
    let head_sex = if rng.gen_bool(0.3) {
        Sex::Female
    } else {
        Sex::Male
    };
    let head_year = this_year - rng.gen_range(20..75);
    let mut head = person(rng, head_sex, family, head_year, created);
    head.relationship = "head".into();
    let mut members = Vec::new();
    for _ in 0..rng.gen_range(0..8) {
        let sex = if rng.gen_bool(0.5) {
            Sex::Female
        } else {
            Sex::Male
        };
        let year = this_year - rng.gen_range(0..60);
        let mut m = person(rng, sex, family, year, created);
        m.relationship = pick(
            rng,
            &["spouse", "son", "daughter", "mother", "father", "nephew"],
        )
        .into();
        members.push(m);
    }
    let governorate = pick(
        rng,
        &[
            "IQG15", "IQG15", "IQG15", "IQG01", "IQG01", "IQG16", "IQG10",
        ],
    );
    let kind = pick(rng, DisplacementKind::ALL);
    let displacement = Displacement {
        kind,
        returned_on: (kind == DisplacementKind::Returnee)
            .then(|| Date(today.date().0 - rng.gen_range(30..2_500))),
    };
    let mut vulnerabilities = BTreeSet::new();
    if head_sex == Sex::Female {
        vulnerabilities.insert(Vulnerability::FemaleHeaded);
    }
    for v in [
        Vulnerability::ChronicIllness,
        Vulnerability::PregnantOrLactating,
        Vulnerability::OlderPersonAlone,
    ] {
        if rng.gen_bool(0.1) {
            vulnerabilities.insert(v);
        }
    }
    let consent = rng.gen_bool(0.95).then(|| Consent {
        services: rng.gen_bool(0.93),
        disclosure: rng.gen_bool(0.75),
        follow_up: rng.gen_bool(0.85),
        recorded_at: created,
        recorded_by: worker.into(),
    });
    let status = if rng.gen_bool(0.05) {
        CaseStatus::Closed(Closure {
            at: created.plus_ms(20 * DAY_MS),
            by: worker.into(),
            reason: pick(
                rng,
                &[
                    ClosureReason::ServicesReceived,
                    ClosureReason::MovedAway,
                    ClosureReason::Unreachable,
                ],
            ),
            note: String::new(),
            duplicate_of: None,
        })
    } else {
        CaseStatus::Open
    };
    // Everyone of a demo household is listed.
    let size = Some(1 + members.len() as u16);
    Household {
        id: uuid(rng, created),
        case_code: String::new(),
        created_at: created,
        created_by: worker.into(),
        head,
        phone: format!(
            "07{}0 {:03} {:04}",
            rng.gen_range(5..9),
            rng.gen_range(0..1000),
            rng.gen_range(0..10_000)
        ),
        members,
        location: Location {
            governorate: governorate.into(),
            district: None,
            sub_district: None,
            village: pick(rng, &VILLAGES).into(),
        },
        displacement,
        vulnerabilities,
        consent: consent.clone(),
        status,
        size,
    }
}

/// `n` synthetic households without needs or referrals (for benchmarks of the store).
pub fn households(n: usize, seed: u64, today: Timestamp) -> Vec<Household> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n).map(|_| make_household(&mut rng, today)).collect()
}

#[allow(clippy::too_many_arguments)]
fn household(
    rng: &mut ChaCha8Rng,
    today: Timestamp,
    now: Timestamp,
    services: &[Service],
    orgs: &[Organization],
    edits: &mut Vec<Edit>,
    summary: &mut DemoSummary,
) {
    let h = make_household(rng, today);
    let created = h.created_at;
    let worker = h.created_by.clone();
    let worker = worker.as_str();
    let consent = h.consent.clone();
    let household_id = h.id;
    edits.push(Edit::Household(h));
    let need_count = pick(rng, &[1usize, 1, 1, 2, 2, 3]);
    for _ in 0..need_count {
        let (sector, text) = pick(rng, &NEED_TEXT);
        let priority = pick(
            rng,
            &[
                Priority::Emergency,
                Priority::Urgent,
                Priority::Urgent,
                Priority::Normal,
                Priority::Normal,
                Priority::Normal,
            ],
        );
        let mut need = Need {
            id: uuid(rng, created),
            household: household_id,
            member: None,
            sector,
            description: text.into(),
            priority,
            status: NeedStatus::Open,
            created_at: created,
            created_by: worker.into(),
        };
        summary.needs += 1;
        let may_refer = consent.as_ref().is_some_and(|c| c.services);
        if !may_refer || rng.gen_bool(0.35) {
            edits.push(Edit::Need(need));
            continue;
        }
        let candidates: Vec<&Service> = services.iter().filter(|s| s.sector == sector).collect();
        let service = if candidates.is_empty() {
            &services[0]
        } else {
            candidates[rng.gen_range(0..candidates.len())]
        };
        let organization = orgs
            .iter()
            .find(|o| o.id == service.organization)
            .map(|o| o.id)
            .unwrap_or(service.organization);
        let disclosed = if consent.as_ref().is_some_and(|c| c.disclosure) {
            [
                DisclosedField::HeadName,
                DisclosedField::Phone,
                DisclosedField::NeedDescription,
            ]
            .into()
        } else {
            BTreeSet::new()
        };
        let mut referral = Referral {
            id: uuid(rng, created),
            household: household_id,
            need: need.id,
            service: service.id,
            organization,
            referring_org: "CRC (demo)".into(),
            priority,
            reason: text.into(),
            disclosed,
            follow_up: None,
            created_at: created,
            created_by: worker.into(),
            history: vec![Referral::created_step(created, worker)],
            flagged: Vec::new(),
        };
        // Walk the lifecycle to a random point, with times spread over the last 12 weeks.
        let target = pick(
            rng,
            &[
                ReferralStatus::Draft,
                ReferralStatus::Sent,
                ReferralStatus::Sent,
                ReferralStatus::Accepted,
                ReferralStatus::Accepted,
                ReferralStatus::Rejected,
                ReferralStatus::Completed,
                ReferralStatus::Completed,
                ReferralStatus::Closed,
                ReferralStatus::Cancelled,
            ],
        );
        // Sent after the household was recorded, never in the future.
        let span = (now.0 - created.0).max(2 * HOUR_MS);
        let sent_at = created.plus_ms(rng.gen_range(HOUR_MS..span));
        let mut steps = Vec::new();
        let mut plan: Vec<Move> = Vec::new();
        match target {
            ReferralStatus::Draft => {}
            ReferralStatus::Cancelled => plan.push(Move::Cancel {
                reason: "family moved".into(),
            }),
            _ => plan.push(Move::Send),
        }
        match target {
            ReferralStatus::Accepted => plan.push(Move::Accept),
            ReferralStatus::Rejected => plan.push(Move::Reject {
                reason: "outside the area served".into(),
            }),
            ReferralStatus::Completed | ReferralStatus::Closed => {
                plan.push(Move::Accept);
                let outcome = if rng.gen_bool(0.8) {
                    Outcome::Successful
                } else {
                    Outcome::NotSuccessful(pick(
                        rng,
                        &[
                            NotSuccessfulReason::ClientUnreachable,
                            NotSuccessfulReason::LackOfCapacity,
                        ],
                    ))
                };
                plan.push(Move::Complete {
                    outcome,
                    reason: String::new(),
                });
                if target == ReferralStatus::Closed {
                    plan.push(Move::Close {
                        reason: String::new(),
                    });
                }
            }
            _ => {}
        }
        let mut at = sent_at;
        for mv in &plan {
            let step = referral
                .check_move(mv, consent.as_ref(), at, worker, "")
                .unwrap_or_else(|_| referral.note_step(at, worker, ""));
            referral.history.push(step.clone());
            steps.push(step);
            at = at.plus_ms(rng.gen_range(2..72) * HOUR_MS).min(now);
        }
        if matches!(target, ReferralStatus::Accepted) && rng.gen_bool(0.5) {
            referral.follow_up = Some(Date(sent_at.date().0 + 10));
        }
        need.status = need.status_after(std::slice::from_ref(&referral));
        edits.push(Edit::Need(need));
        let id = referral.id;
        referral.history.truncate(1);
        edits.push(Edit::Referral(referral));
        for step in steps {
            edits.push(Edit::Step { referral: id, step });
        }
        summary.referrals += 1;
    }
}
