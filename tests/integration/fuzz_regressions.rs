//! The fuzz targets' inputs replayed (docs/fuzzing.md): every file under
//! `tests/fuzz-regressions/NAME/` (crashes the fuzzer found, and hostile files made by
//! hand) and every seed under `fuzz/seeds/NAME/` goes through `daleel::fuzzing`'s
//! function NAME, which must return: an error is the expected outcome, a panic is a bug.
//!
//! `write_seeds` (ignored) makes the seeds again with the library itself:
//! `DALEEL_WRITE_FUZZ_SEEDS=1 cargo test --test integration fuzz_regressions::write_seeds -- --ignored`.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use daleel::fuzzing::TARGETS;

fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The entries of a folder, sorted by name.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    paths.sort();
    paths
}

/// Runs every file of every `NAME/` folder under `dir` through the target NAME; returns
/// how many ran per target. Fails naming every file that panicked, and every folder that
/// names no target.
fn replay(dir: &Path) -> Vec<(String, usize)> {
    // A backup input whose header reads makes `verify` unlock a keyring: a worker not in
    // it costs one Argon2 run at the parameters new passphrases get; the least, here.
    static CHEAP: std::sync::Once = std::sync::Once::new();
    // SAFETY: set once, first thing in every test, to the same value; Rust's own reads
    // of the environment are synchronized with it.
    CHEAP.call_once(|| unsafe { std::env::set_var("DALEEL_TEST_KDF", "cheap") });
    let mut counts = Vec::new();
    let mut failures = Vec::new();
    for folder in entries(dir) {
        if !folder.is_dir() {
            continue; // a README
        }
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((_, target)) = TARGETS.iter().find(|(n, _)| *n == name) else {
            failures.push(format!(
                "{}: no fuzz target is named {name:?} (daleel::fuzzing::TARGETS)",
                folder.display()
            ));
            continue;
        };
        let mut n = 0;
        for file in entries(&folder) {
            let bytes = std::fs::read(&file).expect("read an input");
            if let Err(panic) = std::panic::catch_unwind(AssertUnwindSafe(|| target(&bytes))) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: panicked: {message}", file.display()));
            }
            n += 1;
        }
        counts.push((name, n));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    counts
}

#[test]
fn every_saved_fuzz_input_returns() {
    let counts = replay(&root("tests/fuzz-regressions"));
    // Each target has hostile inputs made by hand, so this test can fail for each.
    for (name, _) in TARGETS {
        assert!(
            counts.iter().any(|(n, c)| n == name && *c > 0),
            "tests/fuzz-regressions/{name}/ holds no input"
        );
    }
}

#[test]
fn every_seed_returns() {
    let counts = replay(&root("fuzz/seeds"));
    for (name, _) in TARGETS {
        assert!(
            counts.iter().any(|(n, c)| n == name && *c > 0),
            "fuzz/seeds/{name}/ holds no seed"
        );
    }
}

/// Makes the seed corpora in `fuzz/seeds/` with the library, as Daleel writes each file.
#[test]
#[ignore = "writes fuzz/seeds/: run by hand with DALEEL_WRITE_FUZZ_SEEDS=1"]
fn write_seeds() {
    if std::env::var("DALEEL_WRITE_FUZZ_SEEDS").as_deref() != Ok("1") {
        eprintln!("set DALEEL_WRITE_FUZZ_SEEDS=1 to write fuzz/seeds/");
        return;
    }
    seeds::write_all(&root("fuzz/seeds"));
}

mod seeds {
    use std::io::Write;
    use std::path::Path;

    use daleel::codec;
    use daleel::fuzzing::{BACKUP_PASSPHRASE, BACKUP_WORKER, HSDS_FILES, HSDS_SEPARATOR};
    use daleel::model::{
        DisclosedField, Household, Move, Need, NeedStatus, Priority, Referral, Sector, Timestamp,
        sample,
    };
    use daleel::store::Edit;
    use daleel::sync::bundle::{self, ClearHeader, Header, SegmentHeader};
    use daleel::sync::card::Card;
    use daleel::sync::enrol::Approval;
    use daleel::sync::identity::Identity;
    use daleel::sync::team::Role;
    use daleel::workspace::{Credentials, Workspace};
    use uuid::Uuid;

    /// Every seed is smaller than this (libFuzzer's inputs stay small and fast).
    const MAX_SEED: usize = 64 << 10;
    const NOW: i64 = 1_795_950_000_000;

    struct Laptop {
        _dir: tempfile::TempDir,
        ws: Workspace,
    }

    fn laptop(worker: &str, passphrase: &str) -> Laptop {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(dir.path(), &Credentials::new(worker, passphrase).cheap())
            .expect("open");
        Laptop { _dir: dir, ws }
    }

    /// `l` trusts `other`'s card (an export needs a receiver).
    fn trust(l: &Laptop, other: &Identity) {
        let card =
            Card::read(&Card::write(other, "laptop", Timestamp(NOW)).expect("card")).expect("read");
        l.ws.store.trust(&card).expect("trust");
    }

    fn put(dir: &Path, target: &str, name: &str, bytes: &[u8]) {
        assert!(
            bytes.len() < MAX_SEED,
            "{target}/{name} is {} bytes",
            bytes.len()
        );
        let dir = dir.join(target);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(name), bytes).expect("write seed");
    }

    pub fn write_all(out: &Path) {
        let _ = std::fs::remove_dir_all(out);
        let me = daleel::fuzzing::fuzz_identity();
        bundles(out, me);
        handoffs(out, me);
        backups(out);
        directories(out);
        put(
            out,
            "gazetteer",
            "districts.csv",
            "\u{feff}adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n\
             IQG15Q01,Mosul,الموصل,IQG15\nIQG01Q01,Ramadi,الرمادي,IQG01\n"
                .as_bytes(),
        );
        put(
            out,
            "gazetteer",
            "sub-districts-with-districts.csv",
            "adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n\
             IQG15Q01N01,Mosul Centre,مركز الموصل,IQG15Q01,Mosul,الموصل,IQG15\n\
             IQG15Q01N02,\"Hamam al-Alil\",حمام العليل,IQG15Q01,Mosul,الموصل,IQG15\n"
                .as_bytes(),
        );
        put(
            out,
            "gazetteer",
            "sub-districts.csv",
            "adm3_pcode,adm3_en,adm3_ar,adm2_pcode\nIQG15Q01N01,Mosul Centre,مركز الموصل,IQG15Q01\n"
                .as_bytes(),
        );
        let config = std::fs::read(super::root("src/default_config.toml")).expect("config");
        put(out, "config", "default_config.toml", &config);
        put(
            out,
            "config",
            "set.toml",
            b"language = \"ar\"\nidle_lock_minutes = 30\nretention_months = 24\n",
        );
    }

    /// A signed bundle in the clear from `sender`, of these segments (each change as the
    /// log holds it).
    fn plain(
        sender: &Identity,
        mut header: Header,
        segments: &[(SegmentHeader, Vec<Vec<u8>>)],
    ) -> Vec<u8> {
        header.sender = sender.origin();
        header.segments = segments.len() as u32;
        let mut w = bundle::Writer::new(Vec::new(), sender, &header).expect("writer");
        for (sh, changes) in segments {
            w.segment_encoded(sh, changes).expect("segment");
        }
        w.finish().expect("finish").0
    }

    /// The first changes of a laptop's own segment, signed again by it, holding at most
    /// `budget` bytes.
    fn prefix(
        laptop: &Identity,
        segment: &bundle::ReadSegment<'_>,
        budget: usize,
    ) -> (SegmentHeader, Vec<Vec<u8>>) {
        let mut changes = Vec::new();
        let mut size = 0;
        for c in &segment.changes {
            if size + c.len() > budget && !changes.is_empty() {
                break;
            }
            size += c.len();
            changes.push(c.to_vec());
        }
        let sh = bundle::sign_encoded(laptop, segment.header.first, &changes).expect("sign");
        (sh, changes)
    }

    fn bundles(out: &Path, me: &Identity) {
        // A demo caseload, exported as Daleel exports it, then opened.
        let a = laptop("amina", "correct-horse");
        daleel::demo::generate(&a.ws.store, 20, 7, |_| {}).expect("demo");
        trust(&a, me);
        let stick = tempfile::tempdir().expect("stick");
        let file = daleel::sync::export::export(&a.ws.store, &a.ws.identity, stick.path(), false)
            .expect("export")
            .path;
        let bytes = std::fs::read(&file).expect("read");
        let inner = bundle::open(&bytes, &a.ws.identity, |_| true)
            .expect("open")
            .into_owned();
        let read = bundle::read(&inner, |_| true).expect("read");
        let own = read
            .segments
            .iter()
            .find(|s| s.header.origin == a.ws.identity.origin())
            .expect("the laptop's own segment");
        let small = prefix(&a.ws.identity, own, 40 << 10);
        let tiny = prefix(&a.ws.identity, own, 6 << 10);

        let demo = plain(me, read.header.clone(), std::slice::from_ref(&small));
        put(out, "bundle", "plain-demo.bundle", &demo);
        // As the laptop wrote it (its sender is not the fuzz identity), cut down.
        let theirs = plain(
            &a.ws.identity,
            read.header.clone(),
            std::slice::from_ref(&tiny),
        );
        put(out, "bundle", "plain-other-sender.bundle", &theirs);
        let empty = plain(me, read.header.clone(), &[]);
        put(out, "bundle", "plain-no-segment.bundle", &empty);
        // The header as Daleel wrote it before teams (version 1: no roster).
        let mut header = read.header.clone();
        header.roster.clear();
        header.sender = me.origin();
        header.segments = 0;
        let encoded = codec::encode(&header).expect("encode");
        let mut v1 = vec![1u8];
        v1.extend(&encoded[1..encoded.len() - 1]);
        let mut old = bundle::MAGIC.to_vec();
        old.extend(bundle::PLAIN_VERSION.to_le_bytes());
        old.extend((v1.len() as u32).to_le_bytes());
        old.extend(&v1);
        let mut message = b"daleel bundle v1".to_vec();
        message.extend(blake3::hash(&old).as_bytes());
        let total = old.len() as u64;
        old.extend(total.to_le_bytes());
        old.extend(me.sign(&message));
        bundle::read(&old, |_| true).expect("a version 1 header reads");
        put(out, "bundle", "plain-header-v1.bundle", &old);

        // A team's coordinator: its header carries the roster; a courier's segments.
        let c = laptop("amina", "correct-horse");
        c.ws.team()
            .init("CRC Mosul", "CRC", true)
            .expect("team init");
        trust(&c, me);
        let b = laptop("yousif", "correct-horse");
        enrol(&c, &b, Role::Outreach, "CRC");
        c.ws.store
            .apply("amina", &[Edit::Household(household("Sentinel Team"))])
            .expect("save");
        let file = daleel::sync::export::export(&c.ws.store, &c.ws.identity, stick.path(), false)
            .expect("export")
            .path;
        let team_inner = bundle::open(&std::fs::read(&file).expect("read"), &c.ws.identity, |_| {
            true
        })
        .expect("open")
        .into_owned();
        let team_read = bundle::read(&team_inner, |_| true).expect("read");
        assert!(!team_read.header.roster.is_empty());
        let mut segments: Vec<_> = team_read
            .segments
            .iter()
            .filter(|s| s.header.origin == c.ws.identity.origin())
            .map(|s| prefix(&c.ws.identity, s, 8 << 10))
            .collect();
        segments.push(tiny.clone());
        let team = plain(me, team_read.header.clone(), &segments);
        put(out, "bundle", "plain-team-roster-two-origins.bundle", &team);

        // Encrypted (version 2) to the fuzz identity, as an export writes it.
        let small_inner = plain(me, read.header.clone(), std::slice::from_ref(&tiny));
        let mut w = bundle::encrypting(Vec::new(), me.origin(), &[me.age_identity().to_public()])
            .expect("encrypting");
        w.write_all(&small_inner).expect("write");
        let encrypted = w.finish().expect("finish");
        bundle::open(&encrypted, me, |_| true).expect("opens");
        put(out, "bundle", "encrypted-to-fuzz.bundle", &encrypted);
        // A real export, encrypted to its own laptop only: not for the fuzz identity.
        let e = laptop("amina", "correct-horse");
        trust(&e, &a.ws.identity);
        e.ws.store
            .apply("amina", &[Edit::Household(household("Sentinel Other"))])
            .expect("save");
        let file = daleel::sync::export::export(&e.ws.store, &e.ws.identity, stick.path(), false)
            .expect("export")
            .path;
        put(
            out,
            "bundle",
            "encrypted-not-for-fuzz.bundle",
            &std::fs::read(&file).expect("read"),
        );

        // Cards: the laptops', a request, the fuzz identity's.
        let (_, request) = b.ws.team().request().expect("request");
        put(out, "card", "request.card", &request);
        put(
            out,
            "card",
            "fuzz.card",
            &Card::write(me, "Amina's laptop", Timestamp(NOW)).expect("card"),
        );
        put(
            out,
            "card",
            "arabic-name.card",
            &Card::write(&a.ws.identity, "حاسوب أمينة", Timestamp(NOW)).expect("card"),
        );
        // A card of version 1 (no age recipient), as Daleel wrote them before encryption.
        #[derive(serde::Serialize)]
        struct CardV1 {
            origin: daleel::model::change::OriginId,
            name: String,
            made_at: Timestamp,
        }
        let mut body = vec![1u8];
        body.extend(
            codec::encode_value(&CardV1 {
                origin: me.origin(),
                name: "old laptop".into(),
                made_at: Timestamp(NOW),
            })
            .expect("encode"),
        );
        let mut v1 = daleel::sync::card::CARD_MAGIC.to_vec();
        v1.extend((body.len() as u32).to_le_bytes());
        v1.extend(&body);
        let mut message = b"daleel identity card v1".to_vec();
        message.extend(&body);
        v1.extend(me.sign(&message));
        Card::read(&v1).expect("a version 1 card reads");
        put(out, "card", "version-1.card", &v1);

        // Certificate files, as `team approve` writes them.
        let d = laptop("sara", "correct-horse");
        let request = Card::read(&d.ws.team().request().expect("request").1).expect("card");
        let approval = Approval {
            role: Role::Partner,
            org: "NRC".into(),
            sensitive: false,
            expires: Some(daleel::model::Date(20_800)),
        };
        let (file, _) = c.ws.team().approve(&request, &approval).expect("approve");
        put(out, "team_file", "partner.cert", &file);
        let approval = Approval {
            role: Role::Coordinator,
            org: "CRC".into(),
            sensitive: true,
            expires: None,
        };
        let (file, _) = c.ws.team().approve(&request, &approval).expect("approve");
        put(out, "team_file", "coordinator.cert", &file);
    }

    /// `c` certifies `d` (request, approve, join), as the commands do.
    fn enrol(c: &Laptop, d: &Laptop, role: Role, org: &str) {
        let request = Card::read(&d.ws.team().request().expect("request").1).expect("card");
        let approval = Approval {
            role,
            org: org.into(),
            sensitive: false,
            expires: None,
        };
        let (file, _) = c.ws.team().approve(&request, &approval).expect("approve");
        let (file, _) = d.ws.team().read_for_me(&file).expect("for d");
        d.ws.team().join(&file).expect("join");
    }

    fn household(name: &str) -> Household {
        let mut h = Household {
            id: Uuid::now_v7(),
            head: daleel::model::Person::new(Uuid::now_v7(), name),
            phone: "0770 000 0000".into(),
            created_at: Timestamp(NOW),
            created_by: "w".into(),
            ..Household::default()
        };
        h.location.governorate = "IQG15".into();
        h.consent = Some(daleel::model::Consent {
            services: true,
            disclosure: true,
            follow_up: true,
            recorded_at: Timestamp(NOW),
            recorded_by: "w".into(),
        });
        h
    }

    fn handoffs(out: &Path, me: &Identity) {
        let stick = tempfile::tempdir().expect("stick");
        let c = laptop("amina", "correct-horse");
        c.ws.team()
            .init("CRC Mosul", "CRC", false)
            .expect("team init");
        let p = laptop("sara", "correct-horse");
        enrol(&c, &p, Role::Partner, "NRC");
        for name in ["Sentinel Alpha", "سارة علي"] {
            let h = household(name);
            let org = sample::directory()
                .organizations
                .iter()
                .find(|o| o.acronym == "NRC")
                .expect("NRC");
            let service = sample::directory()
                .services
                .iter()
                .find(|s| s.organization == org.id && !s.sector.is_sensitive())
                .expect("a service");
            let need = Need {
                id: Uuid::now_v7(),
                household: h.id,
                sector: Sector::Hlp,
                description: "housing, land and property papers".into(),
                priority: Priority::Urgent,
                status: NeedStatus::Open,
                created_at: Timestamp(NOW),
                created_by: "w".into(),
                ..Need::default()
            };
            let r = Referral {
                id: Uuid::now_v7(),
                household: h.id,
                need: need.id,
                service: service.id,
                organization: org.id,
                referring_org: "CRC".into(),
                priority: Priority::Urgent,
                reason: "needs legal counselling".into(),
                disclosed: [DisclosedField::HeadName, DisclosedField::Phone].into(),
                created_at: Timestamp(NOW),
                created_by: "w".into(),
                ..Referral::default()
            };
            c.ws.store
                .apply(
                    "w",
                    &[
                        Edit::Household(h),
                        Edit::Need(need),
                        Edit::Referral(r.clone()),
                    ],
                )
                .expect("save");
            c.ws.store
                .move_referral("w", r.id, &Move::Send, "")
                .expect("send");
        }
        let s =
            daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "NRC", stick.path())
                .expect("hand-off");
        let bytes = std::fs::read(&s.path).expect("read");
        put(out, "handoff", "for-another-partner.handoff", &bytes);
        let mut handoff =
            daleel::sync::handoff::open(&p.ws.store, &bytes, &p.ws.identity).expect("open");
        assert!(!handoff.snapshot.referrals.is_empty());
        // The hand-off as one made by the fuzz identity, and encrypted to it.
        handoff.sender = me.origin();
        let body = codec::encode(&handoff).expect("encode");
        put(out, "handoff", "inner.bin", &body);
        let mut message = b"daleel handoff v1".to_vec();
        message.extend(&body);
        let mut inner = (body.len() as u64).to_le_bytes().to_vec();
        inner.extend(&body);
        inner.extend(me.sign(&message));
        let mut file = daleel::sync::handoff::HANDOFF_MAGIC.to_vec();
        file.extend(1u16.to_le_bytes());
        let clear = codec::encode(&ClearHeader {
            sender: me.origin(),
        })
        .expect("encode");
        file.extend((clear.len() as u32).to_le_bytes());
        file.extend(&clear);
        let recipient = me.age_identity().to_public();
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .expect("encryptor");
        let mut w = encryptor.wrap_output(&mut file).expect("wrap");
        w.write_all(&inner).expect("write");
        w.finish().expect("finish");
        put(out, "handoff", "for-fuzz.handoff", &file);
    }

    fn backups(out: &Path) {
        let stick = tempfile::tempdir().expect("stick");
        let l = laptop(BACKUP_WORKER, BACKUP_PASSPHRASE);
        l.ws.store
            .apply("fuzz", &[Edit::Household(household("Sentinel Backup"))])
            .expect("save");
        let key = l.ws.data_key().expect("encrypted");
        let summary =
            daleel::backup::write(&l.ws.store, &l.ws.identity, key, None, stick.path(), |_| {})
                .expect("backup");
        let _ = summary;
        for entry in std::fs::read_dir(stick.path()).expect("ls") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read");
            daleel::backup::verify(&path, Some(BACKUP_WORKER), BACKUP_PASSPHRASE)
                .expect("verifies");
            put(out, "backup", "one-household.dlbk", &bytes);
        }
    }

    fn directories(out: &Path) {
        let fixture = super::root("tests/fixtures/hsds-3.0-example");
        let join = |dir: &Path| {
            let mut all = Vec::new();
            for (i, name) in HSDS_FILES.iter().enumerate() {
                if i > 0 {
                    all.push(HSDS_SEPARATOR);
                }
                if let Ok(bytes) = std::fs::read(dir.join(name)) {
                    all.extend(bytes);
                }
            }
            all
        };
        put(out, "hsds", "hsds-3.0-example", &join(&fixture));
        // Services only, and organizations with services.
        let services = std::fs::read(fixture.join("services.csv")).expect("services");
        let mut only = vec![HSDS_SEPARATOR];
        only.extend(&services);
        put(out, "hsds", "services-only", &only);
        let json = std::fs::read(fixture.join("service_full.json")).expect("json");
        put(out, "hsds_json", "service_full.json", &json);
        let mut array = b"[".to_vec();
        array.extend(&json);
        array.extend(b"]");
        put(out, "hsds_json", "array.json", &array);
        let mut wrapped = b"{\"services\": [".to_vec();
        wrapped.extend(&json);
        wrapped.extend(b"]}");
        put(out, "hsds_json", "services-object.json", &wrapped);

        // The sample directory as Daleel writes it: HSDS and the spreadsheet.
        let l = laptop("amina", "correct-horse");
        let dir = tempfile::tempdir().expect("dir");
        daleel::directory::hsds::write(&l.ws.store, dir.path()).expect("hsds write");
        let written = join(dir.path());
        if written.len() < MAX_SEED {
            put(out, "hsds", "sample-directory", &written);
        }
        let sheet = daleel::directory::sheet::write(&l.ws.store).expect("sheet");
        if sheet.len() < MAX_SEED {
            put(out, "sheet", "sample-directory.csv", &sheet);
        }
        // The template's header and explanation line, and two rows.
        let head: Vec<&[u8]> = sheet.split(|&b| b == b'\n').take(4).collect();
        put(out, "sheet", "template-head.csv", &head.join(&b'\n'));
    }
}
