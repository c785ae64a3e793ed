//! Hostile files, bounded (issue 8, item 4): thousands of byte flips, truncations,
//! insertions and header edits of a valid bundle, a hand-off and the team files, each
//! refused with a message, and the database unchanged. `DALEEL_MUTATIONS` sets how many
//! per file (default 3,000).

use daleel::store::Edit;
use daleel::sync::card::Card;
use daleel::sync::team::TeamFile;
use rand::{Rng, SeedableRng};

use crate::common;
use common::device::{Device, all_trust};
use common::household;

fn count() -> usize {
    std::env::var("DALEEL_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000)
}

/// One mutation of `bytes`: a flipped bit, a cut, an inserted run, or a changed byte in
/// the first 64 (where headers and lengths are).
fn mutate(bytes: &[u8], rng: &mut impl Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    match rng.gen_range(0..4) {
        0 => {
            let i = rng.gen_range(0..b.len());
            b[i] ^= 1 << rng.gen_range(0..8);
        }
        1 => b.truncate(rng.gen_range(0..b.len())),
        2 => {
            let at = rng.gen_range(0..=b.len());
            let run: Vec<u8> = (0..rng.gen_range(1..64))
                .map(|_| rng.r#gen::<u8>())
                .collect();
            b.splice(at..at, run);
        }
        _ => {
            let i = rng.gen_range(0..b.len().min(64));
            let old = b[i];
            while b[i] == old {
                b[i] = rng.r#gen();
            }
        }
    }
    b
}

#[test]
fn every_mutated_bundle_is_refused_and_changes_nothing() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    a.save(&[Edit::Household(household("Sentinel"))]);
    let bytes = std::fs::read(a.export(stick.path())).expect("read");
    let before = b.digest();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    let mut refused = 0;
    for _ in 0..count() {
        let m = mutate(&bytes, &mut rng);
        match daleel::sync::import::import_bytes(&b.ws.store, &m, &b.ws.identity, |_, _| {}) {
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
            Ok(_) => panic!("a mutated bundle was taken"),
        }
    }
    assert_eq!(b.digest(), before, "nothing changed");
    assert!(b.ws.store.check().expect("check").is_empty());
    eprintln!("mutation: {refused} mutated bundles refused, the database unchanged");
    // The original still imports.
    daleel::sync::import::import_bytes(&b.ws.store, &bytes, &b.ws.identity, |_, _| {})
        .expect("the real one");
}

#[test]
fn every_mutated_card_and_certificate_file_is_refused() {
    let (c, d) = (Device::new(), Device::new());
    c.ws.team().init("CRC", "CRC", false).expect("team");
    let card = Card::write(&d.ws.identity, "laptop", c.ws.store.now()).expect("card");
    let approval = daleel::sync::enrol::Approval {
        role: daleel::sync::team::Role::Outreach,
        org: "CRC".into(),
        sensitive: false,
        expires: None,
    };
    let (cert, _) =
        c.ws.team()
            .approve(&Card::read(&card).expect("read"), &approval)
            .expect("approve");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    let mut refused = 0;
    for _ in 0..count() {
        if Card::read(&mutate(&card, &mut rng)).is_err() {
            refused += 1;
        } else {
            panic!("a mutated card was read");
        }
        // A certificate file: either refused whole, or (a change in a part that no
        // signature covers, such as the team's name) holding no certificate for this
        // laptop that checks.
        let m = mutate(&cert, &mut rng);
        match d.ws.team().read_for_me(&m) {
            Err(_) => refused += 1,
            Ok((file, mine)) => {
                let original = TeamFile::read(&cert).expect("original");
                assert_eq!(
                    file.team.key, original.team.key,
                    "the team key is what is confirmed"
                );
                assert_eq!(mine.device, d.ws.identity.origin());
            }
        }
    }
    eprintln!("mutation: {refused} mutated cards and certificate files refused");
}

#[test]
fn every_mutated_hand_off_is_refused_and_the_partners_copy_stays() {
    use daleel::model::{Move, Need, Priority, Referral, Sector, Timestamp, sample};
    use daleel::sync::enrol::Approval;
    use daleel::sync::team::Role;
    let stick = tempfile::tempdir().expect("stick");
    let (c, p) = (Device::new(), Device::new());
    c.ws.team().init("CRC", "CRC", false).expect("team");
    let approval = Approval {
        role: Role::Partner,
        org: "NRC".into(),
        sensitive: false,
        expires: None,
    };
    let (file, _) = c.ws.team().approve(&p.card(), &approval).expect("approve");
    let (file, _) = p.ws.team().read_for_me(&file).expect("read");
    p.ws.team().join(&file).expect("join");
    let h = household("Sentinel");
    c.save(&[Edit::Household(h.clone())]);
    let dir = sample::directory();
    let nrc = dir
        .organizations
        .iter()
        .find(|o| o.acronym == "NRC")
        .expect("NRC");
    let service = dir
        .services
        .iter()
        .find(|s| s.organization == nrc.id)
        .expect("a service");
    let need = Need {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        sector: Sector::Hlp,
        priority: Priority::Normal,
        created_at: Timestamp(common::NOW),
        ..Need::default()
    };
    let r = Referral {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        need: need.id,
        service: service.id,
        organization: nrc.id,
        priority: Priority::Normal,
        created_at: Timestamp(common::NOW),
        ..Referral::default()
    };
    c.save(&[Edit::Need(need), Edit::Referral(r.clone())]);
    c.ws.store
        .move_referral("w", r.id, &Move::Send, "")
        .expect("send");
    let out =
        daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "NRC", stick.path())
            .expect("hand-off");
    let bytes = std::fs::read(&out.path).expect("read");
    p.import(&out.path).expect("the real one");
    let before = p.digest();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(13);
    let mut refused = 0;
    for _ in 0..count() / 3 {
        let m = mutate(&bytes, &mut rng);
        match daleel::sync::import::import_bytes(&p.ws.store, &m, &p.ws.identity, |_, _| {}) {
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
            Ok(_) => panic!("a mutated hand-off was taken"),
        }
    }
    assert_eq!(p.digest(), before, "the partner's copy is unchanged");
    eprintln!("mutation: {refused} mutated hand-offs refused, the partner's copy unchanged");
}

#[test]
fn every_mutated_backup_is_refused_and_a_restore_of_one_changes_nothing() {
    use daleel::workspace::Workspace;
    let a = Device::new();
    a.save(&[Edit::Household(household("Sentinel"))]);
    let out = tempfile::tempdir().expect("out");
    let file = daleel::backup::write(
        &a.ws.store,
        &a.ws.identity,
        a.ws.data_key().expect("key"),
        None,
        out.path(),
        |_| {},
    )
    .expect("backup")
    .path;
    let bytes = std::fs::read(&file).expect("read");
    // A laptop with its own database, which a refused restore must leave as it is.
    let laptop = Device::new();
    laptop.save(&[Edit::Household(household("Someone else"))]);
    let before = laptop.digest();
    let dir = laptop._dir.path().to_path_buf();
    let Device { _dir, ws, .. } = laptop;
    drop(ws);
    let creds = common::creds();
    let pass = creds.passphrase.as_deref().map(|s| s.as_str()).expect("p");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    let mutated = out.path().join("mutated.dlbk");
    let (mut refused, mut restores) = (0, 0);
    // Each check unlocks the keyring (Argon2) and builds a scratch database: a tenth of
    // the count of the other file kinds.
    for i in 0..count().div_ceil(10) {
        let m = mutate(&bytes, &mut rng);
        std::fs::write(&mutated, &m).expect("write");
        let err = daleel::backup::verify(&mutated, Some("Amal H."), pass)
            .expect_err("a mutated backup was taken");
        assert!(!err.to_string().is_empty());
        refused += 1;
        if i % 25 == 0 {
            // A whole restore of it, onto the laptop: refused, nothing switched.
            let err = common::unlocked(|| {
                Workspace::restore(&dir, &mutated, common::device::clock(), &creds, |_| {})
            })
            .err()
            .expect("a mutated backup was restored");
            assert!(!err.to_string().is_empty());
            restores += 1;
        }
    }
    let ws = common::unlocked(|| Workspace::open(&dir, &creds)).expect("open");
    assert_eq!(
        ws.store.state_digest().expect("d"),
        before,
        "nothing changed"
    );
    assert!(!dir.join(daleel::backup::RESTORING_DIR).exists());
    eprintln!(
        "mutation: {refused} mutated backups refused ({restores} of them as whole restores), the laptop's database unchanged"
    );
    // The original still verifies.
    assert!(daleel::backup::verify(&file, Some("Amal H."), pass).expect("whole") > 0);
}
