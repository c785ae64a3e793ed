//! Sync between several laptops in one process: each a data directory, bundles passed on
//! a temporary "stick". The guarantees of sync.md that exist so far: authentic (courier),
//! tamper-evident, idempotent, convergent (a property test with four devices),
//! incremental, no silent loss (conflicts kept), trusted senders only, forward-compatible.

use daleel::model::change::{Change, EntityRef, Envelope, KIND_FIELDS, OriginId, Payload};
use daleel::model::clock::Hlc;
use daleel::model::{
    Household, Move, Need, NeedStatus, Priority, Referral, ReferralStatus, Sector, Timestamp,
    sample,
};
use daleel::store::{DatabaseKind, Edit, FixedClock};
use daleel::sync::bundle::{self, Header};
use daleel::sync::card::Card;
use daleel::sync::identity::Identity;
use daleel::sync::import::{ImportError, import_bytes, import_file};
use daleel::workspace::Workspace;
use uuid::Uuid;

use crate::common;
use common::device::{Device, all_trust};
use common::{NOW, household};

#[test]
fn a_household_travels_and_a_second_import_changes_nothing() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let h = household("فاطمة حسن");
    a.save(&[Edit::Household(h.clone())]);
    let path = a.export(stick.path());
    let s = b.import(&path).expect("import");
    assert_eq!((s.new, s.known, s.parked), (1, 0, 0));
    let there: Household = b.get(h.id);
    let here: Household = a.get(h.id);
    assert_eq!(there, here, "the same record, case code included");
    assert_eq!(a.digest(), b.digest());
    let before = b.digest();
    let again = b.import(&path).expect("again");
    assert_eq!((again.new, again.known), (0, 1));
    assert_eq!(b.digest(), before, "idempotent");
    assert!(
        stick.path().join(path.file_name().expect("name")).exists(),
        "the file is untouched"
    );
}

#[test]
fn an_untrusted_sender_is_refused_whole_and_an_untrusted_origin_skipped() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b, c) = (Device::new(), Device::new(), Device::new());
    a.save(&[Edit::Household(household("a"))]);
    // A sends to B (its bundle is encrypted to B), but B does not trust A yet.
    a.trusts(&b);
    let path = a.export(stick.path());
    let before = b.digest();
    let err = b.import(&path).expect_err("not trusted");
    assert!(
        err.to_string().contains(&a.ws.identity.fingerprint()),
        "{err}"
    );
    assert_eq!(b.digest(), before);
    assert_eq!(b.ws.store.change_count(), 0);
    // B trusts A; C trusts B but not A: A's changes carried by B are skipped at C.
    b.trusts(&a);
    b.import(&path).expect("import");
    c.trusts(&b);
    b.trusts(&c);
    let relay = b.export(stick.path());
    let s = c.import(&relay).expect("import");
    assert_eq!(s.new, 0);
    assert_eq!(
        s.skipped,
        vec![(a.ws.identity.code(), a.ws.identity.fingerprint(), 1)]
    );
    assert_eq!(
        c.ws.store.held(a.ws.identity.origin()).expect("held"),
        0,
        "not counted as received"
    );
    // Once C trusts A, the same bundle brings A's change.
    c.trusts(&a);
    let s = c.import(&relay).expect("import");
    assert_eq!(s.new, 1);
    assert_eq!(c.digest(), a.digest());
}

#[test]
fn a_courier_relays_and_the_third_laptop_verifies_the_origin() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b, c) = (Device::new(), Device::new(), Device::new());
    all_trust(&[&a, &b, &c]);
    let h = household("a");
    a.save(&[Edit::Household(h.clone())]);
    b.import(&a.export(stick.path())).expect("b imports");
    let relay = b.export(stick.path());
    let s = c.import(&relay).expect("c imports");
    assert_eq!(s.new, 1);
    assert!(c.ws.store.get::<Household>(h.id).expect("read").is_some());
    // The segment in B's bundle is A's, with A's signature, unchanged.
    let plain = c.plain(&relay);
    let bundle = bundle::read(&plain, |_| true).expect("verify");
    assert_eq!(bundle.segments[0].header.origin, a.ws.identity.origin());
}

#[test]
fn concurrent_edits_of_one_field_are_both_kept_and_shown_alike() {
    for a_first in [true, false] {
        let stick = tempfile::tempdir().expect("stick");
        let (a, b) = (Device::new(), Device::new());
        all_trust(&[&a, &b]);
        let h = household("a");
        a.save(&[Edit::Household(h.clone())]);
        b.import(&a.export(stick.path())).expect("import");
        a.edit_household("worker", h.id, 10, |h| h.phone = "0770 111 1111".into());
        b.edit_household("worker", h.id, 20, |h| {
            h.phone = "0780 222 2222".into();
            h.location.village = "Bartella".into();
        });
        let (ea, eb) = (a.export(stick.path()), b.export(stick.path()));
        if a_first {
            b.import(&ea).expect("b");
            a.import(&eb).expect("a");
        } else {
            a.import(&eb).expect("a");
            b.import(&ea).expect("b");
        }
        assert_eq!(a.digest(), b.digest(), "a_first={a_first}");
        let on_a: Household = a.get(h.id);
        let on_b: Household = b.get(h.id);
        assert_eq!(on_a, on_b);
        assert_eq!(
            on_a.location.village, "Bartella",
            "the field only B changed is B's"
        );
        assert_eq!(
            on_a.phone, "0780 222 2222",
            "the later clock is shown first"
        );
        let conflicts = a.ws.store.conflicts().expect("conflicts");
        assert_eq!(conflicts.len(), 1, "the phone, with both values kept");
        assert_eq!(conflicts[0].heads.len(), 2);
        assert_eq!(b.ws.store.conflicts().expect("conflicts").len(), 1);
        // A new edit of the phone on either side resolves it for everyone.
        a.edit_household("worker", h.id, 10, |h| h.phone = "0790 333 3333".into());
        b.import(&a.export(stick.path())).expect("b");
        assert!(b.ws.store.conflicts().expect("c").is_empty());
        assert_eq!(a.digest(), b.digest());
    }
}

#[test]
fn two_answers_to_one_referral_replay_alike_and_the_refused_one_is_flagged() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let h = household("a");
    let n = health_need(&h, "clinic");
    let service = sample::directory().services[0].clone();
    let r = Referral {
        id: Uuid::now_v7(),
        household: h.id,
        need: n.id,
        service: service.id,
        organization: service.organization,
        priority: Priority::Urgent,
        created_at: Timestamp(NOW),
        created_by: "w".into(),
        ..Referral::default()
    };
    a.save(&[Edit::Household(h), Edit::Need(n), Edit::Referral(r.clone())]);
    a.ws.store
        .move_referral("w", r.id, &Move::Send, "")
        .expect("send");
    b.import(&a.export(stick.path())).expect("import");
    assert_eq!(
        b.ws.store
            .get::<Referral>(r.id)
            .expect("r")
            .expect("p")
            .status(),
        ReferralStatus::Sent
    );
    a.tick(5);
    a.ws.store
        .move_referral("w", r.id, &Move::Accept, "")
        .expect("accept");
    b.tick(9);
    b.ws.store
        .move_referral(
            "w",
            r.id,
            &Move::Reject {
                reason: "full".into(),
            },
            "",
        )
        .expect("reject");
    let (ea, eb) = (a.export(stick.path()), b.export(stick.path()));
    a.import(&eb).expect("a");
    b.import(&ea).expect("b");
    let on_a: Referral = a.get(r.id);
    let on_b: Referral = b.get(r.id);
    assert_eq!(on_a, on_b);
    assert_eq!(on_a.history.len(), 3, "created, sent, and one answer");
    assert_eq!(
        on_a.flagged.len(),
        1,
        "the other answer is kept and flagged"
    );
    assert_eq!(
        on_a.status(),
        ReferralStatus::Accepted,
        "replayed in clock order: the earlier answer lands"
    );
    assert_eq!(on_a.flagged[0].to, ReferralStatus::Rejected);
    assert_eq!(a.digest(), b.digest());
}

#[test]
fn a_gap_is_parked_until_it_fills() {
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    for i in 0..6 {
        a.save(&[Edit::Household(household(&format!("h{i}")))]);
    }
    let me = a.ws.identity.origin();
    let changes: Vec<Change> =
        a.ws.store
            .changes_of(me, 1)
            .map(|c| c.expect("c"))
            .collect();
    let bundle_of = |run: &[Change]| {
        let segment = bundle::sign_segment(&a.ws.identity, run.to_vec()).expect("sign");
        let header = Header {
            sender: me,
            kind: DatabaseKind::Real,
            made_at: Timestamp(NOW),
            hlc: Hlc::default(),
            segments: 0,
            watermarks: Default::default(),
            roster: Vec::new(),
        };
        bundle::write(&a.ws.identity, header, &[segment]).expect("write")
    };
    let late = import_bytes(
        &b.ws.store,
        &bundle_of(&changes[3..]),
        &b.ws.identity,
        |_, _| {},
    )
    .expect("late part");
    assert_eq!((late.new, late.parked), (0, 3));
    assert_eq!(b.ws.store.parked().expect("parked")[&me], vec![4, 5, 6]);
    assert_eq!(b.ws.store.count::<Household>(), 0);
    let early = import_bytes(
        &b.ws.store,
        &bundle_of(&changes[..3]),
        &b.ws.identity,
        |_, _| {},
    )
    .expect("early part");
    assert_eq!(early.new, 6, "three new, three released from parking");
    assert_eq!(b.ws.store.held(me).expect("held"), 6);
    assert!(b.ws.store.parked().expect("parked").is_empty());
    assert_eq!(a.digest(), b.digest());
}

#[test]
fn demo_and_real_data_never_mix() {
    let stick = tempfile::tempdir().expect("stick");
    let (demo, real, empty) = (Device::new(), Device::new(), Device::new());
    all_trust(&[&demo, &real, &empty]);
    daleel::demo::generate(&demo.ws.store, 3, 1, |_| {}).expect("demo");
    real.save(&[Edit::Household(household("r"))]);
    let err = real
        .import(&demo.export(stick.path()))
        .expect_err("demo into real");
    assert!(
        err.to_string()
            .contains("this is a real database and the bundle comes from a demo (training) one"),
        "{err}"
    );
    let err = demo
        .import(&real.export(stick.path()))
        .expect_err("real into demo");
    assert!(
        err.to_string().contains("demo (training) database"),
        "{err}"
    );
    empty
        .import(&demo.export(stick.path()))
        .expect("an empty database takes the demo kind");
    assert_eq!(
        empty.ws.store.kind().expect("kind"),
        Some(DatabaseKind::Demo)
    );
}

#[test]
fn a_change_of_an_unknown_kind_is_kept_and_forwarded_intact() {
    let stick = tempfile::tempdir().expect("stick");
    let (b, c) = (Device::new(), Device::new());
    let newer = tempfile::tempdir().expect("newer");
    let (x, _) = Identity::load_or_create(newer.path()).expect("identity");
    let x_card =
        Card::read(&Card::write(&x, "newer laptop", Timestamp(NOW)).expect("w")).expect("r");
    for d in [&b, &c] {
        d.ws.store.trust(&x_card).expect("trust");
    }
    all_trust(&[&b, &c]);
    let payload = Payload {
        salt: [1; 16],
        values: [("question".to_string(), vec![1, 2, 3])].into(),
    };
    let unknown = Change {
        envelope: Envelope {
            origin: x.origin(),
            seq: 1,
            hlc: Hlc {
                wall_ms: NOW,
                counter: 0,
            },
            author: "w".into(),
            entity: EntityRef {
                kind: "survey".into(),
                id: Uuid::now_v7(),
            },
            kind: "survey/3".into(),
            replaces: vec![],
            depth: 1,
            payload_hash: payload.hash().expect("hash"),
        },
        payload: Some(payload),
    };
    let header = Header {
        sender: x.origin(),
        kind: DatabaseKind::Real,
        made_at: Timestamp(NOW),
        hlc: Hlc::default(),
        segments: 0,
        watermarks: [(x.origin(), 1)].into(),
        roster: Vec::new(),
    };
    let segment = bundle::sign_segment(&x, vec![unknown.clone()]).expect("sign");
    let bytes = bundle::write(&x, header, &[segment]).expect("write");
    let s = import_bytes(&b.ws.store, &bytes, &b.ws.identity, |_, _| {}).expect("import");
    assert_eq!(s.new, 1);
    let relay = b.export(stick.path());
    c.import(&relay).expect("import");
    let kept: Vec<Change> =
        c.ws.store
            .changes_of(x.origin(), 1)
            .map(|r| r.expect("c"))
            .collect();
    assert_eq!(kept, vec![unknown], "byte for byte");
    let _ = OriginId([0; 32]);
    let _ = KIND_FIELDS;
}

#[test]
fn an_export_carries_only_what_the_team_is_not_known_to_have() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    a.save(&[Edit::Household(household("one"))]);
    b.import(&a.export(stick.path())).expect("b");
    // B tells A what it holds.
    a.import(&b.export(stick.path())).expect("a");
    a.save(&[Edit::Household(household("two"))]);
    let next = a.export(stick.path());
    let plain = b.plain(&next);
    let carried = bundle::read(&plain, |_| true)
        .expect("verify")
        .change_count();
    assert_eq!(carried, 1, "only the change B does not have");
    let all =
        daleel::sync::export::export(&a.ws.store, &a.ws.identity, stick.path(), true).expect("all");
    assert_eq!(all.changes, 2, "--all carries everything");
}

#[test]
fn a_conflict_is_shown_with_its_values_and_resolved_by_keeping_one() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let h = household("a");
    a.save(&[Edit::Household(h.clone())]);
    b.import(&a.export(stick.path())).expect("import");
    a.edit_household("Amal", h.id, 10, |h| h.phone = "0770 111 1111".into());
    b.edit_household("Yousif", h.id, 20, |h| h.phone = "0780 222 2222".into());
    a.import(&b.export(stick.path())).expect("a");
    let details = a.ws.store.conflict_details().expect("details");
    assert_eq!(details.len(), 1);
    let d = &details[0];
    assert_eq!((d.kind, d.field_name), ("household", "phone"));
    assert_eq!(d.label, a.get::<Household>(h.id).case_code);
    let mut seen: Vec<(String, String, bool)> = d
        .values
        .iter()
        .map(|v| (v.shown.clone(), v.author.clone(), v.current))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("0770 111 1111".to_string(), "Amal".to_string(), false),
            ("0780 222 2222".to_string(), "Yousif".to_string(), true),
        ]
    );
    // The coordinator keeps A's value, though B's is the one shown: an ordinary change.
    let keep = d
        .values
        .iter()
        .find(|v| v.author == "Amal")
        .expect("A's")
        .value
        .clone();
    a.ws.store
        .apply(
            "Coordinator",
            &[Edit::Resolve {
                tag: d.tag,
                id: d.id,
                field: d.field,
                value: keep,
            }],
        )
        .expect("resolve");
    assert!(a.ws.store.conflicts().expect("c").is_empty());
    b.import(&a.export(stick.path())).expect("b");
    assert!(
        b.ws.store.conflicts().expect("c").is_empty(),
        "the resolution syncs"
    );
    let on_b: Household = b.get(h.id);
    assert_eq!(on_b.phone, "0770 111 1111");
    assert_eq!(a.digest(), b.digest());
    // Recomputed from the log, the resolution and the conflict's history stand.
    let digest = a.digest();
    for x in [&a, &b] {
        x.ws.store.refold(|_, _| {}).expect("refold");
        assert_eq!(x.digest(), digest);
        assert_eq!(x.get::<Household>(h.id).phone, "0770 111 1111");
    }
}

#[test]
fn a_file_larger_than_any_bundle_is_refused_unread_by_import_and_the_sync_screen() {
    let stick = tempfile::tempdir().expect("stick");
    let path = stick.path().join("huge.bundle");
    // Sparse: no disk is used, but the size is what a reader would have to hold.
    std::fs::File::create(&path)
        .expect("create")
        .set_len(daleel::sync::import::MAX_BUNDLE_BYTES + 1)
        .expect("size");
    let d = Device::new();
    let err = d.import(&path).expect_err("too large");
    assert!(
        matches!(
            err,
            ImportError::Bundle(bundle::BundleError::OverLimit {
                what: "the file",
                ..
            })
        ),
        "{err}"
    );
    let found = daleel::tui::screens::sync::scan(&d.ws.store, &d.ws.identity, stick.path());
    assert_eq!(found.len(), 1);
    let why = found[0].check.clone().expect_err("refused");
    // The screen says it in the catalog's words, with the sizes.
    let max = daleel::sync::import::MAX_BUNDLE_BYTES as i64;
    assert_eq!(
        why,
        daleel::i18n::tr(
            "err-bundle-over-limit",
            &[
                ("claimed", daleel::i18n::Arg::Num(max + 1)),
                ("limit", daleel::i18n::Arg::Num(max)),
            ],
        )
    );
}

#[test]
fn a_database_from_before_the_conflicted_tree_lists_its_conflicts_after_upgrade() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let h = household("a");
    a.save(&[Edit::Household(h.clone())]);
    b.import(&a.export(stick.path())).expect("import");
    a.edit_household("worker", h.id, 10, |h| h.phone = "0770 111 1111".into());
    b.edit_household("worker", h.id, 20, |h| h.phone = "0780 222 2222".into());
    let s = b.import(&a.export(stick.path())).expect("import");
    assert_eq!(s.conflicts, 1, "the import summary counts it");
    let Device { _dir: dir, ws, .. } = b;
    drop(ws);
    // As schema 1 left it: no conflicted tree.
    {
        let db = sled::open(dir.path().join("db")).expect("raw");
        db.drop_tree("conflicted").expect("drop");
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &1u32.to_be_bytes())
            .expect("schema");
        db.flush().expect("flush");
    }
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &common::creds())
        .expect("reopen");
    let conflicts = ws.store.conflicts().expect("conflicts");
    assert_eq!(conflicts.len(), 1, "found again from the versions");
    assert_eq!(conflicts[0].id, h.id);
}

#[test]
fn a_schema_2_database_loses_the_indexes_nothing_read_and_keeps_everything_else() {
    let d = Device::new();
    let h = household("a");
    d.save(&[Edit::Household(h.clone())]);
    let Device { _dir: dir, ws, .. } = d;
    drop(ws);
    let retired = [
        "idx_households_location",
        "idx_services_sector",
        "idx_services_area",
    ];
    {
        let db = sled::open(dir.path().join("db")).expect("raw");
        for name in retired {
            db.open_tree(name)
                .expect("tree")
                .insert(b"k", b"")
                .expect("put");
        }
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &2u32.to_be_bytes())
            .expect("schema");
        db.flush().expect("flush");
    }
    let ws = common::unlocked(|| {
        Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &common::creds())
    })
    .expect("reopen");
    let back: Household = ws.store.get(h.id).expect("read").expect("kept");
    assert_eq!(back.head.name, h.head.name);
    drop(ws);
    let db = common::unlocked(|| Ok(sled::open(dir.path().join("db")).expect("raw"))).expect("raw");
    let names: Vec<String> = db
        .tree_names()
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    for name in retired {
        assert!(!names.iter().any(|n| n == name), "{name} in {names:?}");
    }
}

#[test]
fn export_and_import_report_their_progress_in_changes() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let n = daleel::store::merge::APPLY_CHUNK * 2 + 7;
    let edits: Vec<Edit> = (0..n)
        .map(|i| Edit::Household(household(&format!("h{i}"))))
        .collect();
    a.save(&edits);
    let mut exported = Vec::new();
    let path = daleel::sync::export::export_reporting(
        &a.ws.store,
        &a.ws.identity,
        stick.path(),
        false,
        |done, total| exported.push((done, total)),
    )
    .expect("export")
    .path;
    assert_eq!(exported.first(), Some(&(0, n as u64)));
    assert_eq!(exported.last(), Some(&(n as u64, n as u64)));
    let mut imported = Vec::new();
    let s = import_file(&b.ws.store, &path, &b.ws.identity, |done, total| {
        imported.push((done, total))
    })
    .expect("import");
    assert_eq!(s.new, n as u64);
    assert_eq!(imported.first(), Some(&(0, n as u64)));
    assert_eq!(imported.last(), Some(&(n as u64, n as u64)));
    assert_eq!(
        imported.len(),
        1 + 3,
        "once at the start, then once per chunk"
    );
    assert!(imported.windows(2).all(|w| w[0].0 < w[1].0), "{imported:?}");
    assert_eq!(a.digest(), b.digest());
}

#[test]
fn a_bundle_is_encrypted_to_its_receivers_and_refused_elsewhere_naming_its_sender() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b, c) = (Device::new(), Device::new(), Device::new());
    all_trust(&[&a, &b]);
    c.trusts(&a);
    let mut h = household("Zainab Sentinelname");
    h.phone = "0771 234 5678".into();
    a.save(&[Edit::Household(h.clone())]);
    let path = a.export(stick.path());
    let bytes = std::fs::read(&path).expect("read");
    for sentinel in [&b"Sentinelname"[..], b"0771 234 5678", b"Amal"] {
        assert!(
            !bytes.windows(sentinel.len()).any(|w| w == sentinel),
            "{} readable in the bundle",
            String::from_utf8_lossy(sentinel)
        );
    }
    // C trusts A, but A did not encrypt to C: refused, naming A, nothing changed.
    let before = c.digest();
    let err = c.import(&path).expect_err("not for C");
    let text = err.to_string();
    assert!(
        text.contains("not for this laptop")
            && text.contains(&a.ws.identity.code())
            && text.contains(&a.ws.identity.fingerprint()),
        "{text}"
    );
    assert_eq!(c.digest(), before);
    // B, a receiver, opens and applies it; A, the sender, can open its own bundle too.
    assert_eq!(b.import(&path).expect("b").new, 1);
    assert_eq!(b.get::<Household>(h.id).phone, "0771 234 5678");
    assert!(!a.plain(&path).is_empty());
    // Every truncation of the encrypted file is refused, the database unchanged.
    let (x, y) = (Device::new(), Device::new());
    all_trust(&[&x, &y]);
    x.save(&[Edit::Household(household("s"))]);
    let sp = x.export(stick.path());
    let sbytes = std::fs::read(&sp).expect("read");
    let before = y.digest();
    for n in (0..sbytes.len()).step_by(7) {
        assert!(
            import_bytes(&y.ws.store, &sbytes[..n], &y.ws.identity, |_, _| {}).is_err(),
            "cut to {n} of {} bytes and accepted",
            sbytes.len()
        );
    }
    for i in (0..sbytes.len()).step_by(5) {
        let mut bad = sbytes.clone();
        bad[i] ^= 0x20;
        assert!(
            import_bytes(&y.ws.store, &bad, &y.ws.identity, |_, _| {}).is_err(),
            "byte {i} changed and accepted"
        );
    }
    assert_eq!(y.digest(), before, "nothing of a refused bundle was kept");
    assert_eq!(y.ws.store.change_count(), 0);
}

/// An open, urgent health need of `h`.
fn health_need(h: &Household, text: &str) -> Need {
    Need {
        id: Uuid::now_v7(),
        household: h.id,
        sector: Sector::Health,
        description: text.into(),
        priority: Priority::Urgent,
        status: NeedStatus::Open,
        created_at: Timestamp(NOW),
        created_by: "w".into(),
        ..Need::default()
    }
}

/// Every change this laptop holds of a record, with whether it still has its values.
fn payloads_of(d: &Device, id: Uuid) -> Vec<bool> {
    let mut out = Vec::new();
    for origin in d.ws.store.watermarks().expect("marks").keys() {
        for c in d.ws.store.changes_of(*origin, 1) {
            let c = c.expect("change");
            if c.envelope.entity.id == id {
                out.push(c.payload.is_some());
            }
        }
    }
    out
}

#[test]
fn an_erasure_travels_two_hops_and_an_old_bundle_never_brings_the_values_back() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b, c) = (Device::new(), Device::new(), Device::new());
    // D is trusted from the start but hears of this household only at the end.
    let d = Device::new();
    all_trust(&[&a, &b, &c, &d]);
    let mut h = household("Zainab Sentinelname");
    h.phone = "0771 555 1234".into();
    h.location.village = "Sentinelvillage".into();
    let n = health_need(&h, "Sentinelneed insulin");
    a.save(&[Edit::Household(h.clone()), Edit::Need(n.clone())]);
    let old = a.export(stick.path());
    b.import(&old).expect("b");
    c.import(&b.export(stick.path())).expect("c, through b");
    assert_eq!(c.get::<Household>(h.id).head.name, "Zainab Sentinelname");
    // B edits the phone meanwhile (before it hears of the erasure).
    b.edit_household("w", h.id, 10, |h| h.phone = "0780 999 0000".into());
    let b_edit = b.export(stick.path());

    let done = a.ws.store.erase("w", h.id).expect("erase");
    assert_eq!((done.needs, done.referrals), (1, 0));
    assert!(done.redacted >= 2, "{done:?}");
    let gone = |d: &Device| {
        let kept: Household = d.get(h.id);
        assert_eq!(kept.head.name, "");
        assert_eq!(kept.phone, "");
        assert_eq!(kept.location.village, "");
        assert_eq!(
            kept.location.governorate, "IQG15",
            "the anonymous part stays"
        );
        assert_eq!(kept.case_code, a.get::<Household>(h.id).case_code);
        assert_eq!(d.get::<Need>(n.id).description, "");
        assert_eq!(d.get::<Need>(n.id).sector, Sector::Health);
        assert!(
            payloads_of(d, h.id).iter().filter(|p| **p).count() == 1,
            "only the erasure itself keeps its (anonymous) values: {:?}",
            payloads_of(d, h.id)
        );
        assert!(payloads_of(d, n.id).iter().all(|p| !p));
        assert!(d.ws.store.is_erased(h.id).expect("e"));
    };
    gone(&a);
    // Two hops: A to B, B to C.
    b.import(&a.export(stick.path()))
        .expect("b gets the erasure");
    gone(&b);
    c.import(&b.export(stick.path())).expect("c gets it from b");
    gone(&c);
    // Old bundles, and B's edit made before it heard of the erasure, bring nothing back.
    for d in [&a, &b, &c] {
        d.import(&old).expect("an old bundle still verifies");
        d.import(&b_edit).expect("so does the late edit");
        gone(d);
    }
    assert_eq!(a.digest(), b.digest());
    assert_eq!(b.digest(), c.digest());
    // A fourth laptop that hears of the erasure before the old bundle.
    let fresh = a.export(stick.path());
    d.import(&fresh).expect("the erasure first");
    d.import(&old).expect("then the old bundle");
    gone(&d);
    assert_eq!(d.digest(), a.digest());
    // The erased household cannot be edited; and what A sends holds none of its values.
    let err =
        a.ws.store
            .apply("w", &[Edit::Household(a.get::<Household>(h.id))])
            .expect_err("refused");
    assert!(err.to_string().contains("erased"), "{err}");
    let plain = d.plain(&a.export(stick.path()));
    for sentinel in [&b"Sentinel"[..], b"0771 555 1234", b"0780 999 0000"] {
        assert!(
            !plain.windows(sentinel.len()).any(|w| w == sentinel),
            "{} still in a bundle",
            String::from_utf8_lossy(sentinel)
        );
    }
}

#[test]
fn two_erasures_of_one_household_end_alike_whatever_the_order() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b, c, d) = (Device::new(), Device::new(), Device::new(), Device::new());
    all_trust(&[&a, &b, &c, &d]);
    let h = household("Zainab Sentinelname");
    let need = |text: &str| health_need(&h, text);
    let n1 = need("Sentinelneed one");
    a.save(&[Edit::Household(h.clone()), Edit::Need(n1.clone())]);
    let first = a.export(stick.path());
    for x in [&b, &c, &d] {
        x.import(&first).expect("the household");
    }
    // B adds a need A never hears of, then both erase the household, apart.
    let n2 = need("Sentinelneed two");
    b.tick(5);
    b.save(&[Edit::Need(n2.clone())]);
    a.tick(10);
    a.ws.store.erase("w", h.id).expect("a erases");
    b.tick(20);
    b.ws.store.erase("w", h.id).expect("b erases");
    let (from_a, from_b) = (a.export(stick.path()), b.export(stick.path()));
    c.import(&from_a).expect("c: a's first");
    c.import(&from_b).expect("c: then b's");
    d.import(&from_b).expect("d: b's first");
    d.import(&from_a).expect("d: then a's");
    a.import(&from_b).expect("a gets b's");
    b.import(&from_a).expect("b gets a's");
    let digest = a.digest();
    for x in [&b, &c, &d] {
        assert_eq!(x.digest(), digest, "the same state everywhere");
    }
    for x in [&a, &b, &c, &d] {
        for id in [n1.id, n2.id] {
            if let Some(n) = x.ws.store.get::<Need>(id).expect("read") {
                assert_eq!(n.description, "", "no need keeps its text");
            }
            assert!(payloads_of(x, id).iter().all(|p| !p));
        }
        assert_eq!(x.get::<Household>(h.id).head.name, "");
        // Recomputed from the log (as a late revocation makes a laptop do), the same.
        x.ws.store.refold(|_, _| {}).expect("refold");
        assert_eq!(x.digest(), digest, "refold keeps erasures");
    }
}

#[test]
fn a_bundle_from_a_clock_far_ahead_is_flagged_and_does_not_drag_ours_along() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let month = 30 * 24 * 3_600_000;
    a.tick(month);
    let h = household("from the future");
    a.save(&[Edit::Household(h.clone())]);
    let path = a.export(stick.path());
    let found = daleel::tui::screens::sync::scan(&b.ws.store, &b.ws.identity, stick.path());
    let text = found[0].check.clone().expect("a good bundle");
    assert!(text.contains("30 days ahead"), "{text}");
    // It merges all the same, and this laptop's clock moves a day ahead at the most.
    b.import(&path).expect("import");
    let _: Household = b.get(h.id);
    let day = 24 * 3_600_000;
    assert!(b.ws.store.last_hlc().expect("hlc").wall_ms <= NOW + day);
}

#[test]
fn a_signed_bundle_claiming_a_trillion_changes_or_billions_of_segments_is_refused_before_reading_them()
 {
    // A trusted sender's own signature: the limits hold even for bundles that verify.
    let (sender, receiver) = (Device::new(), Device::new());
    all_trust(&[&sender, &receiver]);
    let header = |segments| Header {
        sender: sender.ws.identity.origin(),
        kind: DatabaseKind::Real,
        made_at: Timestamp(NOW),
        hlc: Hlc::default(),
        segments,
        watermarks: Default::default(),
        roster: Vec::new(),
    };
    let claims_a_trillion = {
        let mut w =
            bundle::Writer::new(Vec::new(), &sender.ws.identity, &header(1)).expect("writer");
        let seg = bundle::SegmentHeader {
            origin: sender.ws.identity.origin(),
            first: 1,
            last: 1_000_000_000_000,
            changes_hash: [0; 32],
            signature: [[0; 32]; 2],
        };
        w.segment_encoded(&seg, &[b"\x01".as_slice()])
            .expect("segment");
        w.finish().expect("finish").0
    };
    let err = import_bytes(
        &receiver.ws.store,
        &claims_a_trillion,
        &receiver.ws.identity,
        |_, _| {},
    )
    .expect_err("refused");
    assert!(
        matches!(
            err,
            ImportError::Bundle(bundle::BundleError::OverLimit {
                what: "a segment",
                claimed: 1_000_000_000_000,
                ..
            })
        ),
        "{err}"
    );
    // A header announcing four billion segments, signed by hand (the writer will not
    // finish short of what it announced): refused before any segment is read.
    let before = receiver.digest();
    let mut body = bundle::MAGIC.to_vec();
    body.extend(bundle::PLAIN_VERSION.to_le_bytes());
    let head = daleel::codec::encode(&header(u32::MAX)).expect("header");
    body.extend((head.len() as u32).to_le_bytes());
    body.extend(&head);
    let mut message = b"daleel bundle v1".to_vec();
    message.extend(blake3::hash(&body).as_bytes());
    let signature = sender.ws.identity.sign(&message);
    let mut claims_billions = body.clone();
    claims_billions.extend((body.len() as u64).to_le_bytes());
    claims_billions.extend(signature);
    let err = import_bytes(
        &receiver.ws.store,
        &claims_billions,
        &receiver.ws.identity,
        |_, _| {},
    )
    .expect_err("refused");
    assert!(
        matches!(
            err,
            ImportError::Bundle(bundle::BundleError::OverLimit {
                what: "the header",
                ..
            })
        ),
        "{err}"
    );
    assert_eq!(receiver.digest(), before);
}

#[test]
fn a_laptop_years_ahead_merges_but_cannot_win_later_edits() {
    let stick = tempfile::tempdir().expect("stick");
    let (ahead, n) = (Device::new(), Device::new());
    all_trust(&[&ahead, &n]);
    let h = household("Skewed clock");
    n.save(&[Edit::Household(h.clone())]);
    ahead.import(&n.export(stick.path())).expect("base");
    // Five years ahead: its edit and N's are concurrent (neither saw the other's).
    let years = 5 * 365 * 24 * 3_600_000;
    ahead.tick(years);
    ahead.edit_household("far ahead", h.id, 1, |h| h.phone = "0750 555 5555".into());
    n.edit_household("on time", h.id, 60_000, |h| {
        h.phone = "0770 111 1111".into()
    });
    let from_ahead = ahead.export(stick.path());
    n.import(&from_ahead).expect("merge");
    ahead.import(&n.export(stick.path())).expect("merge back");
    // Both agree; the concurrent edits are a conflict in the Queue, whoever ranks first.
    assert_eq!(n.digest(), ahead.digest());
    assert_eq!(n.ws.store.conflicts().expect("conflicts").len(), 1);
    // N's clock did not follow it: a day ahead at the most.
    let day = 24 * 3_600_000;
    assert!(n.ws.store.last_hlc().expect("hlc").wall_ms <= NOW + 2 * 60_000 + day);
    // An edit made after seeing its value wins, on time or not: the laptop ahead does
    // not win the edits that come after.
    n.edit_household("on time", h.id, 60_000, |h| {
        h.phone = "0770 222 2222".into()
    });
    ahead.import(&n.export(stick.path())).expect("later edit");
    for d in [&n, &ahead] {
        assert_eq!(d.get::<Household>(h.id).phone, "0770 222 2222");
    }
    assert_eq!(n.digest(), ahead.digest());
    assert!(ahead.ws.store.check().expect("check").is_empty());
}
