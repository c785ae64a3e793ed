//! The store on a temporary directory: round trips, case codes, indexes in step with
//! records, all-or-nothing transactions, the change log, and no personal data in keys.

use std::sync::Arc;

use daleel::codec;
use daleel::model::change::{Change, KIND_FIELDS, KIND_STEP};
use daleel::model::{
    CaseStatus, Consent, Date, Displacement, DisplacementKind, Household, Location, Move, Need,
    NeedStatus, Outcome, Person, Priority, Referral, ReferralStatus, Sector, Service, Timestamp,
    sample,
};
use daleel::store::{DatabaseKind, Edit, FixedClock, StoreError};
use daleel::workspace::Workspace;
use uuid::Uuid;

use crate::common;

const NOW: i64 = 1_795_000_000_000;

fn open(dir: &std::path::Path) -> (Workspace, Arc<FixedClock>) {
    let clock = FixedClock::at(NOW);
    (
        Workspace::open_with_clock(dir, clock.clone(), &common::creds()).expect("open"),
        clock,
    )
}

/// This device's own change log, oldest first.
fn own_log(ws: &Workspace) -> Vec<Change> {
    ws.store
        .changes_of(ws.identity.origin(), 1)
        .collect::<Result<_, _>>()
        .expect("log")
}

/// Opens the database with sled directly. sled lets go of its file lock a moment after a
/// database is dropped (its background threads finish last), so this waits for it.
fn raw_open(path: &std::path::Path) -> sled::Db {
    let start = std::time::Instant::now();
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(e) if start.elapsed() < std::time::Duration::from_secs(5) => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("raw open: {e}"),
        }
    }
}

fn household(name: &str, phone: &str) -> Household {
    let mut head = Person::new(Uuid::now_v7(), name);
    head.birth_year = Some(1984);
    Household {
        id: Uuid::now_v7(),
        case_code: String::new(),
        created_at: Timestamp(NOW),
        created_by: "Amal".into(),
        head,
        phone: phone.into(),
        members: vec![],
        location: Location {
            governorate: "IQG15".into(),
            ..Location::default()
        },
        displacement: Displacement {
            kind: DisplacementKind::Returnee,
            returned_on: Date::from_ymd(2018, 3, 14),
        },
        vulnerabilities: Default::default(),
        consent: Some(Consent {
            services: true,
            disclosure: true,
            follow_up: true,
            recorded_at: Timestamp(NOW),
            recorded_by: "Amal".into(),
        }),
        status: CaseStatus::Open,
        size: None,
    }
}

fn need(household: Uuid) -> Need {
    Need {
        id: Uuid::now_v7(),
        household,
        member: None,
        sector: Sector::CivilDocumentation,
        description: "ID card".into(),
        priority: Priority::Urgent,
        status: NeedStatus::Open,
        created_at: Timestamp(NOW),
        created_by: "Amal".into(),
    }
}

fn referral(h: &Household, n: &Need) -> Referral {
    let service = sample::directory().services[0].clone();
    Referral {
        id: Uuid::now_v7(),
        household: h.id,
        need: n.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: n.priority,
        reason: "needs ID".into(),
        disclosed: Default::default(),
        follow_up: None,
        created_at: Timestamp(NOW),
        created_by: "Amal".into(),
        history: vec![Referral::created_step(Timestamp(NOW), "Amal")],
        flagged: Vec::new(),
    }
}

#[test]
fn a_saved_household_reads_back_with_a_new_case_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let h = household("فاطمة حسن", "07701234567");
    let applied = ws
        .store
        .apply("Amal", &[Edit::Household(h.clone())])
        .expect("save");
    let code = format!("{}-0001", ws.identity.code());
    assert_eq!(applied.case_codes, vec![code.clone()]);
    let back: Household = ws.store.get(h.id).expect("read").expect("present");
    assert_eq!(
        back,
        Household {
            case_code: code.clone(),
            ..h
        }
    );
    assert_eq!(
        ws.store
            .household_by_case_code(&code)
            .expect("lookup")
            .map(|h| h.id),
        Some(back.id)
    );
    assert_eq!(ws.store.kind().expect("kind"), Some(DatabaseKind::Real));
}

#[test]
fn case_codes_and_sequence_numbers_are_never_reused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first_code;
    {
        let (ws, _) = open(dir.path());
        let a = ws
            .store
            .apply("Amal", &[Edit::Household(household("a", ""))])
            .expect("save");
        first_code = a.case_codes[0].clone();
        assert_eq!(ws.store.next_seq().expect("seq"), 2);
    }
    let (ws, _) = open(dir.path());
    let b = ws
        .store
        .apply("Amal", &[Edit::Household(household("b", ""))])
        .expect("save");
    assert_ne!(b.case_codes[0], first_code);
    assert!(b.case_codes[0].ends_with("-0002"), "{:?}", b.case_codes);
    let seqs: Vec<u64> = own_log(&ws).iter().map(|c| c.envelope.seq).collect();
    assert_eq!(seqs, vec![1, 2]);
}

#[test]
fn the_change_log_records_only_what_changed_and_what_it_replaces() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, clock) = open(dir.path());
    let h = household("Fatima", "07701234567");
    ws.store
        .apply("Amal", &[Edit::Household(h.clone())])
        .expect("create");
    let saved: Household = ws.store.get(h.id).expect("read").expect("present");
    clock.set(NOW - 5_000); // the wall clock goes back: the log's clock must not
    let mut edited = saved.clone();
    edited.phone = "07809999999".into();
    ws.store
        .apply("Yousif", &[Edit::Household(edited.clone())])
        .expect("edit");
    // Saving the same record again writes nothing.
    let unchanged = ws
        .store
        .apply("Yousif", &[Edit::Household(edited)])
        .expect("no-op");
    assert_eq!(unchanged.changes, 0);

    let log = own_log(&ws);
    assert_eq!(log.len(), 2);
    let (create, edit) = (&log[0], &log[1]);
    assert_eq!(create.envelope.kind, KIND_FIELDS);
    assert_eq!(create.envelope.entity.kind, "household");
    assert_eq!(create.envelope.entity.id, h.id);
    assert!(create.envelope.replaces.is_empty());
    let edit_payload = edit.payload.as_ref().expect("payload");
    assert_eq!(
        edit_payload.values.keys().collect::<Vec<_>>(),
        vec!["phone"]
    );
    assert_eq!(
        codec::decode_value::<String>(&edit_payload.values["phone"]).expect("phone"),
        "07809999999"
    );
    assert_eq!(edit.envelope.replaces, vec![create.envelope.version()]);
    assert_eq!(edit.envelope.author, "Yousif");
    assert!(
        edit.envelope.hlc > create.envelope.hlc,
        "clock order holds when the wall clock goes back"
    );
    for change in &log {
        assert!(
            change.payload_matches().expect("hash"),
            "payload hash checks"
        );
    }
    let salts: Vec<_> = log
        .iter()
        .map(|c| c.payload.as_ref().expect("p").salt)
        .collect();
    assert_ne!(salts[0], salts[1], "every payload has its own random salt");
}

#[test]
fn a_failed_action_writes_nothing_at_all() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let h = household("Fatima", "");
    let step = Referral::created_step(Timestamp(NOW), "Amal");
    let before_seq = ws.store.next_seq().expect("seq");
    let err = ws
        .store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(need(h.id)),
                Edit::Step {
                    referral: Uuid::now_v7(),
                    step,
                },
            ],
        )
        .expect_err("the step's referral does not exist");
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                kind: "referral",
                ..
            }
        ),
        "{err}"
    );
    assert!(ws.store.get::<Household>(h.id).expect("read").is_none());
    assert_eq!(ws.store.count::<Need>(), 0);
    assert_eq!(ws.store.change_count(), 0);
    assert_eq!(ws.store.next_seq().expect("seq"), before_seq);
    assert!(ws.store.check_indexes().expect("check").is_empty());
    // The case number was not used up either.
    let ok = ws.store.apply("Amal", &[Edit::Household(h)]).expect("save");
    assert!(ok.case_codes[0].ends_with("-0001"));
}

#[test]
fn indexes_stay_in_step_through_edits_and_moves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, clock) = open(dir.path());
    let h = household("Fatima", "");
    let n = need(h.id);
    let r = referral(&h, &n);
    ws.store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(n.clone()),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("save");
    let stored: Household = ws.store.get(h.id).expect("read").expect("present");
    assert!(!stored.case_code.is_empty());
    assert_eq!(
        ws.store
            .household_by_case_code(&stored.case_code)
            .expect("by case code")
            .map(|x| x.id),
        Some(h.id)
    );
    assert_eq!(ws.store.needs_of(h.id).expect("needs").len(), 1);
    assert_eq!(
        ws.store
            .referrals_in(ReferralStatus::Draft)
            .expect("drafts")
            .len(),
        1
    );

    let mut moved: Household = ws.store.get(h.id).expect("read").expect("present");
    moved.location.governorate = "IQG01".into();
    ws.store
        .apply("Amal", &[Edit::Household(moved)])
        .expect("move");
    let found = ws
        .store
        .household_by_case_code(&stored.case_code)
        .expect("by case code");
    assert_eq!(
        found.map(|x| x.location.governorate),
        Some("IQG01".to_string())
    );

    ws.store
        .move_referral("Amal", r.id, &Move::Send, "")
        .expect("send");
    assert!(
        ws.store
            .referrals_in(ReferralStatus::Draft)
            .expect("drafts")
            .is_empty()
    );
    let sent = ws.store.referrals_in(ReferralStatus::Sent).expect("sent");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].due(), Some(Timestamp(NOW + 72 * 3_600_000)));
    let need_now: Need = ws.store.get(n.id).expect("read").expect("present");
    assert_eq!(need_now.status, NeedStatus::Referred);

    assert_eq!(ws.store.count_overdue(Timestamp(NOW)), 0);
    assert_eq!(ws.store.count_overdue(Timestamp(NOW + 73 * 3_600_000)), 1);
    clock.set(NOW + 100 * 3_600_000);
    ws.store
        .move_referral("Amal", r.id, &Move::Accept, "")
        .expect("accept");
    ws.store
        .move_referral(
            "Amal",
            r.id,
            &Move::Complete {
                outcome: Outcome::Successful,
                reason: String::new(),
            },
            "family has the ID",
        )
        .expect("complete");
    let done: Referral = ws.store.get(r.id).expect("read").expect("present");
    assert_eq!(done.status(), ReferralStatus::Completed);
    assert_eq!(done.history.len(), 4);
    assert_eq!(done.history[3].note, "family has the ID");
    let need_now: Need = ws.store.get(n.id).expect("read").expect("present");
    assert_eq!(need_now.status, NeedStatus::Met);
    assert!(ws.store.check_indexes().expect("check").is_empty());

    // Steps are their own changes, each following the one before.
    let steps: Vec<Change> = own_log(&ws)
        .into_iter()
        .filter(|c| c.envelope.kind == KIND_STEP)
        .collect();
    assert_eq!(steps.len(), 3);
    assert_eq!(
        steps[1].envelope.replaces,
        vec![steps[0].envelope.version()]
    );
}

#[test]
fn a_refused_move_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut h = household("Fatima", "");
    h.consent = None;
    let n = need(h.id);
    let r = referral(&h, &n);
    ws.store
        .apply(
            "Amal",
            &[Edit::Household(h), Edit::Need(n), Edit::Referral(r.clone())],
        )
        .expect("save");
    let changes = ws.store.change_count();
    let err = ws
        .store
        .move_referral("Amal", r.id, &Move::Send, "")
        .expect_err("no consent");
    assert!(err.to_string().contains("not consented"), "{err}");
    let err = ws
        .store
        .move_referral("Amal", r.id, &Move::Accept, "")
        .expect_err("draft");
    assert_eq!(
        err.to_string(),
        "a draft referral cannot become accepted; from draft it can become sent or cancelled"
    );
    assert_eq!(ws.store.change_count(), changes);
}

#[test]
fn typed_text_for_a_conflict_is_checked_as_the_record_checks_it() {
    use daleel::store::Entity;
    use daleel::store::merge::TypedValueError;
    let dir = tempfile::tempdir().expect("dir");
    let (ws, _) = open(dir.path());
    let h = household("Zainab Hassan", "0770 123 4567");
    ws.store
        .apply("Amal", &[Edit::Household(h.clone())])
        .expect("save");
    let field = |name: &str| {
        Household::FIELDS
            .iter()
            .position(|f| *f == name)
            .expect("field")
    };
    let phone = field("phone");
    let typed = |id, field, text| ws.store.typed_resolution(Household::TAG, id, field, text);
    assert_eq!(
        typed(h.id, phone, " 0770 765 4321 ").expect("a phone"),
        codec::encode_value("0770 765 4321").expect("encode")
    );
    let err = typed(h.id, phone, "07x0").expect_err("not a phone");
    assert!(
        matches!(&err, TypedValueError::Refused(p) if p.field == "phone"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "Use digits only (spaces, + and - are allowed)."
    );
    let err = typed(h.id, field("case_code"), "X").expect_err("not text");
    assert!(matches!(err, TypedValueError::NotText), "{err}");
    assert_eq!(
        err.to_string(),
        "this value cannot be typed: keep one of the values shown"
    );
    let err = typed(Uuid::now_v7(), phone, "0770 765 4321").expect_err("gone");
    assert_eq!(err.to_string(), "this household is no longer here");
}

#[test]
fn a_step_from_a_stale_status_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let h = household("Fatima", "");
    let n = need(h.id);
    let r = referral(&h, &n);
    ws.store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(n),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("save");
    let consent = h.consent.clone();
    let step = r
        .check_move(&Move::Send, consent.as_ref(), Timestamp(NOW), "Amal", "")
        .expect("ok");
    ws.store
        .apply(
            "Amal",
            &[Edit::Step {
                referral: r.id,
                step: step.clone(),
            }],
        )
        .expect("send");
    let err = ws
        .store
        .apply(
            "Amal",
            &[Edit::Step {
                referral: r.id,
                step,
            }],
        )
        .expect_err("already sent");
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
}

#[test]
fn an_unknown_kind_of_change_is_kept_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    ws.store
        .apply("Amal", &[Edit::Household(household("x", ""))])
        .expect("save");
    let mut change = own_log(&ws).remove(0);
    change.envelope.origin = daleel::model::change::OriginId([9; 32]);
    change.envelope.kind = "survey/3".into();
    change.envelope.entity.kind = "survey".into();
    assert!(ws.store.keep_change(&change).expect("keep"));
    assert!(
        !ws.store.keep_change(&change).expect("again"),
        "a second copy is not new"
    );
    let back: Vec<Change> = ws
        .store
        .changes_of(change.envelope.origin, 0)
        .collect::<Result<_, _>>()
        .expect("read");
    assert_eq!(back, vec![change.clone()]);
    assert_eq!(
        codec::encode(&back[0]).expect("enc"),
        codec::encode(&change).expect("enc")
    );
}

#[test]
fn keys_hold_no_personal_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut h = household("Zainab Sentinelname", "07712345678");
    h.location.village = "Sentinelvillage".into();
    let n = need(h.id);
    ws.store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(n.clone()),
                Edit::Referral(referral(&h, &n)),
            ],
        )
        .expect("save");
    drop(ws);
    let db = raw_open(&dir.path().join("db"));
    let sentinels: [&[u8]; 3] = [b"Sentinelname", b"07712345678", b"Sentinelvillage"];
    for name in db.tree_names() {
        let tree = db.open_tree(&name).expect("tree");
        for key in tree.iter().keys() {
            let key = key.expect("key");
            for s in sentinels {
                assert!(
                    !key.windows(s.len()).any(|w| w == s),
                    "tree {} has personal data in a key",
                    String::from_utf8_lossy(&name)
                );
            }
        }
    }
}

/// Every file under `dir`, whole.
fn all_bytes(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).expect("file")));
            }
        }
    }
    out
}

fn assert_absent(dir: &std::path::Path, sentinels: &[Vec<u8>]) {
    for (path, bytes) in all_bytes(dir) {
        for s in sentinels {
            assert!(
                !bytes.windows(s.len()).any(|w| w == s.as_slice()),
                "{} holds {:?} in the clear",
                path.display(),
                String::from_utf8_lossy(s)
            );
        }
    }
}

#[test]
fn the_files_on_disk_hold_no_name_phone_or_service_in_the_clear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut h = household("Zainab Sentinelname", "07712345678");
    h.location.village = "Sentinelvillage".into();
    h.members
        .push(Person::new(Uuid::now_v7(), "Sentinelchild Hassan"));
    let mut n = need(h.id);
    n.description = "Sentinelneed insulin".into();
    let mut service = sample::directory().services[0].clone();
    service.id = Uuid::now_v7();
    service.name = "Sentinelclinic Bartella".into();
    ws.store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(n.clone()),
                Edit::Referral(referral(&h, &n)),
                Edit::Service(service),
            ],
        )
        .expect("save");
    // A generated caseload too (in a data directory of its own): the names it made
    // must not be on disk either.
    let demo_dir = tempfile::tempdir().expect("tempdir");
    let (demo, _) = open(demo_dir.path());
    daleel::demo::generate(&demo.store, 200, 1, |_| {}).expect("demo");
    let demo_names: Vec<Vec<u8>> = demo
        .store
        .all::<Household>()
        .map(|h| h.expect("h").head.name.into_bytes())
        .filter(|n| n.len() >= 8)
        .take(50)
        .collect();
    assert!(demo_names.len() >= 20, "{}", demo_names.len());
    assert!(ws.store.is_sealed() && demo.store.is_sealed());
    ws.store.flush().expect("flush");
    demo.store.flush().expect("flush");
    drop((ws, demo));
    let mut sentinels: Vec<Vec<u8>> = [
        "Sentinelname",
        "07712345678",
        "Sentinelvillage",
        "Sentinelchild",
        "Sentinelneed",
        "Sentinelclinic",
        "Amal",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    sentinels.extend(demo_names);
    // Wait for sled to let go, then read every byte of the data directory.
    drop(raw_open(&dir.path().join("db")));
    drop(raw_open(&demo_dir.path().join("db")));
    assert_absent(dir.path(), &sentinels);
    assert_absent(demo_dir.path(), &sentinels);
}

#[test]
fn a_database_from_a_newer_version_is_refused_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(open(dir.path()));
    {
        let db = raw_open(&dir.path().join("db"));
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &99u32.to_be_bytes())
            .expect("write");
        db.flush().expect("flush");
    }
    let err = Workspace::open(dir.path(), &common::creds())
        .err()
        .expect("refused");
    assert!(
        err.to_string()
            .contains("made by a newer version of Daleel (schema 99"),
        "{err}"
    );
}

#[test]
fn an_edited_sample_service_replaces_the_sample_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let before = ws.store.services().expect("services");
    assert_eq!(before.len(), sample::directory().services.len());
    assert!(ws.store.uses_sample_directory().expect("services"));
    assert_eq!(
        ws.store.change_count(),
        0,
        "the sample directory is not in the change log"
    );
    let mut s: Service = before[0].clone();
    s.phone = "0750 000 0999".into();
    ws.store
        .apply("Coordinator", &[Edit::Service(s.clone())])
        .expect("edit");
    let after = ws.store.services().expect("services");
    assert_eq!(after.len(), before.len(), "replaced, not duplicated");
    assert_eq!(ws.store.service(s.id).expect("get"), Some(s));
    assert_eq!(
        after
            .iter()
            .filter(|x| x.sector == before[0].sector)
            .count(),
        before
            .iter()
            .filter(|x| x.sector == before[0].sector)
            .count()
    );
}

#[test]
fn demo_refuses_a_real_database_and_is_deterministic() {
    let real = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(real.path());
    ws.store
        .apply("Amal", &[Edit::Household(household("x", ""))])
        .expect("save");
    let err = daleel::demo::generate(&ws.store, 10, 1, |_| {}).expect_err("real data");
    assert!(
        err.to_string().contains("already holds 1 households"),
        "{err}"
    );

    let contents = |seed: u64| {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ws, _) = open(dir.path());
        let summary = daleel::demo::generate(&ws.store, 60, seed, |_| {}).expect("demo");
        assert_eq!(ws.store.kind().expect("kind"), Some(DatabaseKind::Demo));
        assert!(ws.store.check_indexes().expect("check").is_empty());
        // Ids differ between laptops (so that two training laptops can sync); the
        // caseload is the same.
        let mut households: Vec<String> = ws
            .store
            .all::<Household>()
            .map(|h| {
                let mut h = Household {
                    case_code: String::new(),
                    id: Uuid::nil(),
                    ..h.expect("h")
                };
                h.head.id = Uuid::nil();
                for m in &mut h.members {
                    m.id = Uuid::nil();
                }
                format!("{h:?}")
            })
            .collect();
        households.sort();
        let statuses: std::collections::BTreeSet<ReferralStatus> = ws
            .store
            .all::<Referral>()
            .map(|r| r.expect("r").status())
            .collect();
        (summary, households, statuses)
    };
    let (a, ha, statuses) = contents(5);
    let (b, hb, _) = contents(5);
    let (c, hc, _) = contents(6);
    assert_eq!(a, b);
    assert_eq!(ha, hb, "same seed, same households (ids aside)");
    assert_ne!(ha, hc, "another seed, another caseload");
    assert_eq!(a.households, 60);
    assert_eq!(c.households, 60);
    assert_eq!(
        statuses.len(),
        ReferralStatus::ALL.len(),
        "referrals in every status"
    );
}

#[test]
fn an_edited_sample_record_is_still_sample_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut s: Service = sample::directory().services[0].clone();
    s.hours = "Sun-Thu 09:00-13:00".into();
    ws.store
        .apply("Coordinator", &[Edit::Service(s)])
        .expect("edit");
    assert!(ws.store.uses_sample_directory().expect("services"));
}

#[test]
fn a_database_with_only_real_directory_edits_refuses_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut s: Service = sample::directory().services[0].clone();
    s.hours = "Sun-Thu 09:00-13:00".into();
    ws.store
        .apply("Coordinator", &[Edit::Service(s)])
        .expect("edit");
    let err = daleel::demo::generate(&ws.store, 5, 1, |_| {}).expect_err("real");
    assert!(err.to_string().contains("holds real records"), "{err}");
    assert_eq!(ws.store.count::<Household>(), 0);
}

#[test]
fn a_local_edit_cannot_rewrite_a_case_code_or_a_referral_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let mut h = household("Fatima", "");
    h.case_code = "FORGED-9999".into();
    let n = need(h.id);
    let mut r = referral(&h, &n);
    let send = r
        .check_move(&Move::Send, h.consent.as_ref(), Timestamp(NOW), "x", "")
        .expect("ok");
    r.history.push(send);
    let applied = ws
        .store
        .apply(
            "Amal",
            &[
                Edit::Household(h.clone()),
                Edit::Need(n),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("save");
    assert_ne!(
        applied.case_codes[0], "FORGED-9999",
        "a new household gets the device's code"
    );
    let stored: Referral = ws.store.get(r.id).expect("read").expect("present");
    assert_eq!(
        stored.status(),
        ReferralStatus::Draft,
        "steps only come from step changes"
    );
    ws.store
        .move_referral("Amal", r.id, &Move::Send, "")
        .expect("send");
    let mut stale = stored.clone();
    stale.reason = "edited reason".into();
    ws.store
        .apply("Amal", &[Edit::Referral(stale)])
        .expect("edit the reason");
    let after: Referral = ws.store.get(r.id).expect("read").expect("present");
    assert_eq!(after.reason, "edited reason");
    assert_eq!(
        after.status(),
        ReferralStatus::Sent,
        "an edit from an old copy keeps the history"
    );
    let mut renamed: Household = ws.store.get(h.id).expect("read").expect("present");
    let code = renamed.case_code.clone();
    renamed.case_code = "OTHER-0001".into();
    ws.store
        .apply("Amal", &[Edit::Household(renamed)])
        .expect("edit");
    let kept: Household = ws.store.get(h.id).expect("read").expect("present");
    assert_eq!(kept.case_code, code);
}

#[test]
fn a_step_the_lifecycle_refuses_is_refused_by_the_store_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let h = household("Fatima", "");
    let n = need(h.id);
    let r = referral(&h, &n);
    ws.store
        .apply(
            "Amal",
            &[Edit::Household(h), Edit::Need(n), Edit::Referral(r.clone())],
        )
        .expect("save");
    let mut step = r.note_step(Timestamp(NOW), "Amal", "");
    step.to = ReferralStatus::Completed;
    let err = ws
        .store
        .apply(
            "Amal",
            &[Edit::Step {
                referral: r.id,
                step,
            }],
        )
        .expect_err("draft to completed");
    assert!(
        err.to_string()
            .contains("from draft it can become sent or cancelled"),
        "{err}"
    );
}

#[test]
fn a_need_follows_all_of_its_referrals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    let h = household("Fatima", "");
    let n = need(h.id);
    let first = referral(&h, &n);
    let second = referral(&h, &n);
    ws.store
        .apply(
            "Amal",
            &[
                Edit::Household(h),
                Edit::Need(n.clone()),
                Edit::Referral(first.clone()),
                Edit::Referral(second.clone()),
            ],
        )
        .expect("save");
    let status = |ws: &Workspace| {
        ws.store
            .get::<Need>(n.id)
            .expect("read")
            .expect("present")
            .status
    };
    ws.store
        .move_referral("Amal", first.id, &Move::Send, "")
        .expect("send");
    ws.store
        .move_referral("Amal", second.id, &Move::Send, "")
        .expect("send");
    assert_eq!(status(&ws), NeedStatus::Referred);
    let reject = Move::Reject {
        reason: "full".into(),
    };
    ws.store
        .move_referral("Amal", first.id, &reject, "")
        .expect("reject");
    assert_eq!(
        status(&ws),
        NeedStatus::Referred,
        "the other referral is still active"
    );
    ws.store
        .move_referral("Amal", second.id, &Move::Accept, "")
        .expect("accept");
    let close = Move::Close {
        reason: "lost to follow-up".into(),
    };
    ws.store
        .move_referral("Amal", second.id, &close, "")
        .expect("close");
    assert_eq!(
        status(&ws),
        NeedStatus::Open,
        "no referral left: the need is open again"
    );
}

#[test]
fn a_change_claiming_this_device_or_with_a_wrong_hash_is_not_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    ws.store
        .apply("Amal", &[Edit::Household(household("x", ""))])
        .expect("save");
    let mut own = own_log(&ws).remove(0);
    own.envelope.seq = 50;
    assert!(ws.store.keep_change(&own).is_err(), "our own origin");
    own.envelope.origin = daleel::model::change::OriginId([3; 32]);
    if let Some(p) = own.payload.as_mut() {
        p.salt[0] ^= 1;
    }
    assert!(
        ws.store.keep_change(&own).is_err(),
        "payload does not match its hash"
    );
}

#[test]
fn two_trusted_devices_with_one_device_code_are_refused() {
    use daleel::model::change::OriginId;
    use daleel::sync::card::Card;
    use daleel::sync::identity::device_code;
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, _) = open(dir.path());
    // Find two keys whose device codes collide (a birthday search over 25 bits).
    let mut seen = std::collections::HashMap::new();
    let (first, second) = (0u64..)
        .find_map(|i| {
            let mut key = [0u8; 32];
            key[..8].copy_from_slice(&i.to_le_bytes());
            let origin = OriginId(key);
            seen.insert(device_code(origin), origin)
                .map(|other| (other, origin))
        })
        .expect("a collision");
    let card = |origin| Card {
        origin,
        name: "laptop".into(),
        made_at: Timestamp(NOW),
        recipient: String::new(),
    };
    assert!(ws.store.trust(&card(first)).expect("first"));
    let err = ws.store.trust(&card(second)).expect_err("same code");
    assert!(
        err.to_string().contains("has the same device code"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains(&daleel::sync::identity::fingerprint(second))
    );
    assert_eq!(ws.store.trusted().expect("list").len(), 1);
}

/// sled 0.34.7 writes a snapshot when it opens, to `snap.N.generating`, then renames it;
/// it then reads the highest-named `snap.*` file, `.generating` ones too (sled issues
/// 1527 and 1533). A laptop switched off while Daleel starts leaves a half-written one,
/// and sled then refuses the database as corrupt although the log is whole.
#[test]
fn a_half_written_snapshot_left_by_a_power_cut_does_not_lock_the_data_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = household("Fatima", "07701234567");
    {
        let (ws, _) = open(dir.path());
        ws.store
            .apply("Amal", &[Edit::Household(h.clone())])
            .expect("save");
    }
    drop(raw_open(&dir.path().join(daleel::workspace::DB_DIR))); // sled has let go
    let db = dir.path().join(daleel::workspace::DB_DIR);
    let torn = db.join("snap.7FFFFFFFFFFFFFFF.generating");
    std::fs::write(&torn, b"half a snapshot").expect("write");
    let started = std::time::Instant::now();
    let alone = loop {
        match sled::open(&db) {
            // sled's lock from the last open may linger a moment.
            Err(sled::Error::Io(_)) if started.elapsed().as_secs() < 5 => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => break other,
        }
    };
    assert!(
        matches!(alone, Err(sled::Error::Corruption { .. })),
        "sled alone refuses it"
    );
    drop(alone);
    let (ws, _) = open(dir.path());
    let back: Household = ws.store.get(h.id).expect("read").expect("kept");
    assert_eq!(back.phone, "07701234567");
    assert!(!torn.exists(), "the unfinished snapshot is gone");
}

/// A data directory as Daleel made it before encryption: a plain key file and plain
/// values. Returns the household saved in it.
fn plain_directory(dir: &std::path::Path) -> Household {
    let (identity, _) = daleel::sync::identity::Identity::load_or_create(dir).expect("key");
    let device = daleel::store::DeviceInfo {
        origin: identity.origin(),
        code: identity.code(),
    };
    let store = daleel::store::Store::open_with_clock(&dir.join("db"), device, FixedClock::at(NOW))
        .expect("plain store");
    let mut h = household("Zainab Sentinelname", "07712345678");
    h.location.village = "Sentinelvillage".into();
    store
        .apply("Amal", &[Edit::Household(h.clone())])
        .expect("save");
    assert!(!store.is_sealed());
    let saved = store.get(h.id).expect("read").expect("saved");
    drop(store);
    drop(raw_open(&dir.join("db")));
    saved
}

#[test]
fn a_database_made_before_encryption_is_encrypted_when_opened_with_a_passphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = plain_directory(dir.path());
    let sentinels: Vec<Vec<u8>> = vec![b"Sentinelname".to_vec(), b"07712345678".to_vec()];
    let plain_found = all_bytes(dir.path())
        .iter()
        .any(|(_, b)| b.windows(12).any(|w| w == b"Sentinelname"));
    assert!(plain_found, "the test starts from plaintext on disk");
    // Without a passphrase it opens as it is.
    let ws = Workspace::open_with_clock(
        dir.path(),
        FixedClock::at(NOW),
        &daleel::workspace::Credentials::default(),
    )
    .expect("plain open");
    assert!(!ws.store.is_sealed());
    drop(ws);
    let reports = Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut creds = common::creds();
    let sink = reports.clone();
    creds.progress = Some(Arc::new(move |done, all| {
        sink.lock().expect("lock").push((done, all));
    }));
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &creds).expect("encrypt");
    assert!(ws.store.is_sealed());
    let back: Household = ws.store.get(h.id).expect("read").expect("present");
    assert_eq!(back, h, "nothing lost");
    assert_eq!(
        ws.store.current_worker().expect("w").as_deref(),
        Some("Amal H.")
    );
    let reports = reports.lock().expect("lock").clone();
    let (done, all) = *reports.last().expect("progress was reported");
    assert!(all > 0 && done == all, "{reports:?}");
    drop(ws);
    drop(raw_open(&dir.path().join("db")));
    assert_absent(dir.path(), &sentinels);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("db.")),
        "no copy or old database left: {names:?}"
    );
    let key = std::fs::read(dir.path().join("device.key")).expect("key");
    assert!(key.starts_with(b"DLK2"), "the device key is sealed too");
    // From now on it needs the passphrase.
    let err = Workspace::open_with_clock(
        dir.path(),
        FixedClock::at(NOW),
        &daleel::workspace::Credentials::default(),
    )
    .err()
    .expect("locked");
    assert!(err.to_string().contains("encrypted"), "{err}");
}

#[test]
fn sealed_values_without_their_keyring_are_refused_not_encrypted_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(open(dir.path()));
    {
        let db = raw_open(&dir.path().join("db"));
        db.drop_tree("keyring").expect("drop");
        db.flush().expect("flush");
    }
    let err = Workspace::open(dir.path(), &common::creds())
        .err()
        .expect("refused");
    assert!(err.to_string().contains("keyring"), "{err}");
    assert!(
        !dir.path().join("db.encrypting").exists(),
        "no second encryption was started"
    );
}

/// A household stored by a Daleel of before household sizes (format 1, schema 3) reads
/// with no size; the database is brought to schema 4 when opened (the record written
/// again in format 2), so that the log still gives exactly the stored records, and a
/// size saved now is kept. Then a plain workspace opens it as one.
#[test]
fn a_household_stored_before_sizes_reads_and_is_written_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = plain_directory(dir.path());
    {
        let db = raw_open(&dir.path().join("db"));
        let mut old = vec![1u8];
        old.extend(codec::encode_value(&daleel::model::HouseholdV1::from(&h)).expect("enc"));
        db.open_tree("households")
            .expect("tree")
            .insert(h.id.as_bytes(), old)
            .expect("write");
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &3u32.to_be_bytes())
            .expect("write");
        db.flush().expect("flush");
    }
    let ws = Workspace::open_with_clock(
        dir.path(),
        FixedClock::at(NOW),
        &daleel::workspace::Credentials::default(),
    )
    .expect("plain open");
    let back: Household = ws.store.get(h.id).expect("read").expect("present");
    assert_eq!(back, h);
    assert_eq!(back.size, None);
    assert_eq!(
        ws.store.check().expect("check"),
        Vec::<String>::new(),
        "the records are what the log gives"
    );
    ws.store
        .apply(
            "Amal",
            &[Edit::Household(Household {
                size: Some(4),
                ..back
            })],
        )
        .expect("save a size");
    let sized: Household = ws.store.get(h.id).expect("read").expect("present");
    assert_eq!(sized.size, Some(4));
    assert_eq!(sized.people_count(), 4, "more than the one person listed");
    assert_eq!(ws.store.stats(Timestamp(NOW)).expect("stats").people, 4);
    assert_eq!(ws.store.check().expect("check"), Vec::<String>::new());
    drop(ws);
    let db = raw_open(&dir.path().join("db"));
    let stored = db
        .open_tree("households")
        .expect("tree")
        .get(h.id.as_bytes())
        .expect("read")
        .expect("there");
    assert_eq!(stored[0], 2, "written in format 2");
    let schema = db
        .open_tree("meta")
        .expect("meta")
        .get("schema_version")
        .expect("read")
        .expect("there");
    assert_eq!(
        schema.as_ref(),
        &daleel::store::SCHEMA_VERSION.to_be_bytes(),
        "migrated to this version's schema"
    );
}

/// An organization and a service stored by a Daleel of before issue 18 (format 1, schema
/// 5) read with the new fields empty; the database is brought to schema 6 when opened,
/// each written again in format 2, so that the log still gives exactly the stored records.
#[test]
fn a_directory_stored_in_format_1_reads_and_is_written_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    plain_directory(dir.path());
    let sample = daleel::model::sample::directory();
    let (org, service) = (sample.organizations[0].clone(), sample.services[0].clone());
    {
        let (identity, _) =
            daleel::sync::identity::Identity::load_or_create(dir.path()).expect("key");
        let device = daleel::store::DeviceInfo {
            origin: identity.origin(),
            code: identity.code(),
        };
        let store = daleel::store::Store::open_with_clock(
            &dir.path().join("db"),
            device,
            FixedClock::at(NOW),
        )
        .expect("plain store");
        store
            .apply(
                "Amal",
                &[
                    Edit::Organization(org.clone()),
                    Edit::Service(service.clone()),
                ],
            )
            .expect("save");
    }
    {
        let db = raw_open(&dir.path().join("db"));
        let mut old_org = vec![1u8];
        old_org
            .extend(codec::encode_value(&daleel::model::OrganizationV1::from(&org)).expect("enc"));
        db.open_tree("organizations")
            .expect("tree")
            .insert(org.id.as_bytes(), old_org)
            .expect("write");
        let mut old_service = vec![1u8];
        old_service
            .extend(codec::encode_value(&daleel::model::ServiceV1::from(&service)).expect("enc"));
        db.open_tree("services")
            .expect("tree")
            .insert(service.id.as_bytes(), old_service)
            .expect("write");
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &5u32.to_be_bytes())
            .expect("write");
        db.flush().expect("flush");
    }
    let ws = Workspace::open_with_clock(
        dir.path(),
        FixedClock::at(NOW),
        &daleel::workspace::Credentials::default(),
    )
    .expect("plain open");
    assert_eq!(
        ws.store.organization(org.id).expect("read"),
        Some(org.clone())
    );
    assert_eq!(
        ws.store.service(service.id).expect("read"),
        Some(service.clone())
    );
    assert_eq!(ws.store.check().expect("check"), Vec::<String>::new());
    drop(ws);
    let db = raw_open(&dir.path().join("db"));
    for (tree, id) in [("organizations", org.id), ("services", service.id)] {
        let stored = db
            .open_tree(tree)
            .expect("tree")
            .get(id.as_bytes())
            .expect("read")
            .expect("there");
        assert_eq!(stored[0], 2, "{tree}: written in format 2");
    }
}

/// A record created by a laptop of before a format's appended fields (a household
/// without `size`, an organization and a service without their HSDS details) is whole
/// on a laptop of now: the fields of the first format make it, the appended ones keep
/// their default; a refold from the log gives the same, and the check finds nothing.
#[test]
fn records_created_before_appended_fields_arrive_whole() {
    use daleel::store::Entity;
    let (a, b) = (common::device::Device::new(), common::device::Device::new());
    common::device::all_trust(&[&a, &b]);
    let h = common::household("Old Laptop");
    let sample = daleel::model::sample::directory();
    let mut org = sample.organizations[0].clone();
    org.id = Uuid::now_v7();
    let mut service = sample.services[0].clone();
    service.id = Uuid::now_v7();
    service.organization = org.id;
    a.save(&[
        Edit::Household(h.clone()),
        Edit::Organization(org.clone()),
        Edit::Service(service.clone()),
    ]);
    fn appended<E: Entity>() -> &'static [&'static str] {
        &E::FIELDS[E::BASE_FIELDS..]
    }
    let mut encoded = Vec::new();
    let mut stripped = 0;
    for c in a.ws.store.changes_of(a.ws.identity.origin(), 1) {
        let mut c: Change = c.expect("change");
        let old = match c.envelope.entity.kind.as_str() {
            "household" => appended::<Household>(),
            "organization" => appended::<daleel::model::Organization>(),
            "service" => appended::<daleel::model::Service>(),
            _ => &[],
        };
        if let Some(p) = &mut c.payload {
            for f in old {
                stripped += usize::from(p.values.remove(*f).is_some());
            }
            c.envelope.payload_hash = p.hash().expect("hash");
        }
        encoded.push(codec::encode(&c).expect("encode"));
    }
    assert!(
        stripped >= 12,
        "the appended fields were in the changes: {stripped}"
    );
    let refs: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
    b.ws.store.stage(&refs).expect("stage");
    b.ws.store.apply_staged(|_| {}).expect("apply");
    let whole = |b: &common::device::Device| {
        let got =
            b.ws.store
                .get::<Household>(h.id)
                .expect("read")
                .expect("the household arrived");
        assert_eq!(
            (got.head.name.as_str(), got.size),
            (h.head.name.as_str(), None)
        );
        let got =
            b.ws.store
                .organization(org.id)
                .expect("read")
                .expect("the organization arrived");
        assert_eq!(got.name, org.name);
        assert!(got.alternate_name.is_empty() && got.email.is_empty());
        let got =
            b.ws.store
                .service(service.id)
                .expect("read")
                .expect("the service arrived");
        assert_eq!((&got.name, &got.hours), (&service.name, &service.hours));
        assert!(got.schedules.is_empty() && got.phones.is_empty());
    };
    whole(&b);
    b.ws.store.refold(|_, _| {}).expect("refold");
    whole(&b);
    assert_eq!(b.ws.store.check().expect("check"), Vec::<String>::new());
}
