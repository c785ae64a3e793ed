//! Entry points shared by the fuzz targets (`fuzz/`) and the regression test that replays
//! their crashes (`tests/integration/fuzz_regressions.rs`): each reads untrusted bytes the way Daleel
//! reads a file from a USB stick, and must return (an error is fine), never panic.
//!
//! One function per file format that comes from outside (docs/fuzzing.md):
//!
//! | target | what it reads |
//! | --- | --- |
//! | `bundle` | a bundle file: clear or encrypted (version 2) container, signed bundle, team roster, changes |
//! | `card` | an identity card or a team join request |
//! | `team_file` | a certificate file (`team approve` writes it, `team join` reads it) |
//! | `handoff` | a partner hand-off file (clear part, encrypted part, the hand-off inside) |
//! | `backup` | a backup file (`restore --check`) |
//! | `hsds` | an HSDS 3.0 tabular folder (CSV files) |
//! | `hsds_json` | an HSDS 3.0 JSON file |
//! | `sheet` | a services spreadsheet (CSV) |
//! | `gazetteer` | a gazetteer CSV (districts or sub-districts) |
//! | `config` | `config.toml` |
//!
//! The readers check signatures, and a fuzzer cannot forge one: so that mutated files
//! get past the signature checks and reach what follows, the readers also run with a
//! fixed identity (`fuzz_identity`) that is trusted and receives, and `bundle` re-signs
//! its input with that identity when the input names it as sender (as a stolen laptop's
//! key could). The seeds in `fuzz/seeds/` are made with that identity.
//!
//! The team-key file (`open_team_key`) is left out: it runs scrypt with a work factor the
//! file chooses (up to about a second per input), too slow to fuzz.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::codec;
use crate::model::change::Change;
use crate::model::gazetteer::Gazetteer;
use crate::sync::bundle::{self, Bundle, Header};
use crate::sync::handoff::{self, Handoff};
use crate::sync::identity::Identity;
use crate::sync::team::{Policy, Signed, Statement, TeamFile};

/// A target: reads one input, and returns.
pub type Target = fn(&[u8]);

/// Every target, by name (the name of its file in `fuzz/fuzz_targets/` and of its folders
/// in `fuzz/seeds/` and `tests/fuzz-regressions/`).
pub const TARGETS: &[(&str, Target)] = &[
    ("bundle", bundle),
    ("card", card),
    ("team_file", team_file),
    ("handoff", handoff),
    ("backup", backup),
    ("hsds", hsds),
    ("hsds_json", hsds_json),
    ("sheet", sheet),
    ("gazetteer", gazetteer),
    ("config", config),
];

/// The secret of the identity the targets trust and decrypt with.
pub const FUZZ_SECRET: [u8; 32] = [7u8; 32];

/// The byte that separates the files of an `hsds` input (never in UTF-8 text).
pub const HSDS_SEPARATOR: u8 = 0xFF;

/// The files an `hsds` input is split into, in order.
pub const HSDS_FILES: [&str; 13] = [
    "organizations.csv",
    "services.csv",
    "locations.csv",
    "service_at_location.csv",
    "addresses.csv",
    "phones.csv",
    "contacts.csv",
    "schedules.csv",
    "service_areas.csv",
    "languages.csv",
    "required_documents.csv",
    "taxonomy_terms.csv",
    "attributes.csv",
];

/// The worker and passphrase `backup` unlocks with (the backup seeds are made with them).
pub const BACKUP_WORKER: &str = "fuzz";
pub const BACKUP_PASSPHRASE: &str = "fuzz passphrase";

static IDENTITY: LazyLock<Identity> = LazyLock::new(|| Identity::from_secret(&FUZZ_SECRET));
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// The fixed identity the targets trust and decrypt with.
pub fn fuzz_identity() -> &'static Identity {
    &IDENTITY
}

/// A bundle file: the clear header, the whole signed bundle (every sender trusted), the
/// encrypted container opened with the fixed identity, and the same bundle re-signed by
/// the fixed identity when it names it as sender.
pub fn bundle(data: &[u8]) {
    let me = fuzz_identity();
    let _ = black_box(bundle::sender_of(data).map_err(|e| e.to_string()));
    read_plain(data);
    match bundle::open(data, me, |_| true) {
        Ok(std::borrow::Cow::Owned(inner)) => {
            read_plain(&inner);
            if let Some(resigned) = resign(&inner, me) {
                read_plain(&resigned);
            }
        }
        Ok(std::borrow::Cow::Borrowed(_)) => {}
        Err(e) => {
            black_box(e.to_string());
        }
    }
    if let Some(resigned) = resign(data, me) {
        read_plain(&resigned);
    }
}

/// What an import does with a signed bundle before it touches the database.
fn read_plain(data: &[u8]) {
    match bundle::read_header(data) {
        Ok(header) => touch_header(&header),
        Err(e) => {
            black_box(e.to_string());
        }
    }
    match bundle::read(data, |_| true) {
        Ok(b) => touch_bundle(&b),
        Err(e) => {
            black_box(e.to_string());
        }
    }
}

fn touch_header(header: &Header) {
    black_box(crate::sync::identity::device_code(header.sender));
    black_box(header.watermarks.len());
    touch_statements(&header.roster, None);
}

fn touch_bundle(b: &Bundle<'_>) {
    touch_header(&b.header);
    black_box(b.change_count());
    for segment in &b.segments {
        for bytes in &segment.changes {
            if let Ok(change) = codec::decode_untrusted::<Change>(bytes) {
                let _ = black_box(change.envelope.hash());
                let _ = black_box(change.payload_matches());
                black_box(change.envelope.version());
            }
            black_box(crate::store::fork::same_change(bytes, bytes));
        }
    }
}

/// Opens each statement and works out the policy they give, as a device learning a
/// roster does.
fn touch_statements(statements: &[Signed], team: Option<crate::sync::team::TeamInfo>) {
    let opened: Vec<(Statement, Vec<_>)> = statements
        .iter()
        .filter_map(|s| {
            black_box(s.id());
            s.open().map_err(|e| black_box(e.to_string())).ok()
        })
        .map(|s| (s, Vec::new()))
        .collect();
    let team = team.or_else(|| {
        opened.first().map(|(s, _)| crate::sync::team::TeamInfo {
            key: s.team(),
            name: "fuzz".into(),
        })
    });
    let policy = Policy::build(team, &opened);
    for c in policy.members.values() {
        black_box(crate::sync::team::describe(c));
    }
    black_box(policy.team_recipients(fuzz_identity().origin()));
}

/// The bytes before a bundle's trailer (the trailer dropped when there looks to be one),
/// signed again by the fixed identity, when the header names it as sender.
fn resign(data: &[u8], me: &Identity) -> Option<Vec<u8>> {
    let header = bundle::read_header(data).ok()?;
    if header.sender != me.origin() {
        return None;
    }
    let mut body = data;
    if let Some(at) = data.len().checked_sub(bundle::TRAILER_BYTES) {
        let total = data.get(at..at + 8).and_then(|b| b.try_into().ok());
        if total.map(u64::from_le_bytes) == Some(at as u64) {
            body = &data[..at];
        }
    }
    let mut message = b"daleel bundle v1".to_vec();
    message.extend(blake3::hash(body).as_bytes());
    let mut out = body.to_vec();
    out.extend((body.len() as u64).to_le_bytes());
    out.extend(me.sign(&message));
    Some(out)
}

/// An identity card or a team join request (`trust add`, `team approve`).
pub fn card(data: &[u8]) {
    match crate::sync::card::Card::read(data) {
        Ok(card) => {
            black_box((
                card.fingerprint(),
                card.code(),
                card.made_at.local_minutes(),
            ));
            if !card.recipient.is_empty() {
                let _ = black_box(card.recipient.parse::<age::x25519::Recipient>());
            }
        }
        Err(e) => {
            black_box(e.to_string());
        }
    }
}

/// A certificate file, as `team join` reads it before asking: the file, then the policy
/// its statements give.
pub fn team_file(data: &[u8]) {
    match TeamFile::read(data) {
        Ok(file) => {
            black_box(file.team.fingerprint());
            touch_statements(&file.statements, Some(file.team.clone()));
        }
        Err(e) => {
            black_box(e.to_string());
        }
    }
}

/// A partner hand-off. `handoff::open` needs a database whose team certifies the sender
/// as a coordinator and this device as a partner, so this runs what it runs on the bytes
/// without one: the clear header (`sender_of`), the decryption with the fixed identity
/// (the same function), the framing and signature check inside, and the decoding of the
/// hand-off; the input is also decoded as a hand-off directly (the encrypted part cannot
/// be mutated usefully), so that its decoder meets hostile bytes.
pub fn handoff(data: &[u8]) {
    black_box(handoff::is_handoff(data));
    if let Some(sender) = handoff::sender_of(data) {
        // The clear part is well formed: magic, version, length and header.
        let len = data
            .get(10..14)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes);
        if let Some(encrypted) = len.and_then(|len| data.get(14 + len as usize..)) {
            match bundle::decrypt_for(encrypted, fuzz_identity(), sender) {
                Ok(inner) => handoff_inner(&inner, sender),
                Err(e) => {
                    black_box(e.to_string());
                }
            }
        }
    }
    if let Ok(h) = codec::decode_signed::<Handoff>(data) {
        touch_handoff(&h);
    }
}

/// The decrypted part of a hand-off, as `handoff::open` reads it.
fn handoff_inner(inner: &[u8], sender: crate::model::change::OriginId) {
    let Some((len, rest)) = inner.split_first_chunk::<8>() else {
        return;
    };
    let len = u64::from_le_bytes(*len) as usize;
    if rest.len() != len.saturating_add(64) {
        return;
    }
    let (body, signature) = rest.split_at(len);
    let Ok(signature) = <[u8; 64]>::try_from(signature) else {
        return;
    };
    let mut message = b"daleel handoff v1".to_vec();
    message.extend(body);
    if !crate::sync::verify(sender, &message, &signature) {
        return;
    }
    if let Ok(h) = codec::decode_signed::<Handoff>(body) {
        touch_handoff(&h);
    }
}

fn touch_handoff(h: &Handoff) {
    touch_statements(&h.roster, None);
    black_box(h.snapshot.referrals.len());
    for household in &h.snapshot.households {
        black_box(household.head.name.chars().count());
    }
}

/// A name for a temporary file or folder, unique to this process and call.
fn scratch(what: &str) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("daleel-fuzz-{}-{n}-{what}", std::process::id()))
}

/// Writes `data` to a temporary file, runs `read` on its path, removes it.
fn with_file(name: &str, data: &[u8], read: impl FnOnce(&Path)) {
    let path = scratch(name);
    if std::fs::write(&path, data).is_ok() {
        read(&path);
    }
    let _ = std::fs::remove_file(&path);
}

/// A backup file, as `daleel restore --check` reads it: the header, then (when it reads)
/// the whole file under the fuzz worker's passphrase. Unlocking runs Argon2 with the
/// parameters the file holds (the seeds' are the least cost).
pub fn backup(data: &[u8]) {
    with_file(
        "backup.dlbk",
        data,
        |path| match crate::backup::Reader::open(path) {
            Ok(reader) => {
                black_box((&reader.header.device, reader.header.schema));
                drop(reader);
                match crate::backup::verify(path, Some(BACKUP_WORKER), BACKUP_PASSPHRASE) {
                    Ok(n) => {
                        black_box(n);
                    }
                    Err(e) => {
                        black_box(e.to_string());
                    }
                }
            }
            Err(e) => {
                black_box(e.to_string());
            }
        },
    );
}

/// An HSDS tabular folder: `data` split on `HSDS_SEPARATOR` into up to eleven files
/// (`HSDS_FILES`, in order; an empty part writes no file), then read as `services
/// import` reads it.
pub fn hsds(data: &[u8]) {
    let dir = scratch("hsds");
    if std::fs::create_dir(&dir).is_ok() {
        for (name, part) in HSDS_FILES.iter().zip(data.split(|&b| b == HSDS_SEPARATOR)) {
            if !part.is_empty() {
                let _ = std::fs::write(dir.join(name), part);
            }
        }
        match crate::directory::hsds::read(&dir, &GAZETTEER) {
            Ok(incoming) => {
                black_box(incoming.services.len());
            }
            Err(e) => {
                black_box(e);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// An HSDS JSON file.
pub fn hsds_json(data: &[u8]) {
    with_file(
        "services.json",
        data,
        |path| match crate::directory::hsds::read_json(path, &GAZETTEER) {
            Ok(incoming) => {
                black_box(incoming.services.len());
            }
            Err(e) => {
                black_box(e);
            }
        },
    );
}

/// A services spreadsheet, read against the sample directory's organizations.
pub fn sheet(data: &[u8]) {
    static KNOWN: LazyLock<Vec<crate::model::Organization>> =
        LazyLock::new(|| crate::model::sample::directory().organizations.clone());
    with_file(
        "services.csv",
        data,
        |path| match crate::directory::sheet::read(path, &GAZETTEER, &KNOWN) {
            Ok(incoming) => {
                black_box(incoming.services.len());
            }
            Err(e) => {
                black_box(e);
            }
        },
    );
}

/// A gazetteer CSV (`daleel gazetteer import`).
pub fn gazetteer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match GAZETTEER.parse_csv(&text) {
        Ok(areas) => {
            black_box(Gazetteer::with_areas(areas).imported_count());
        }
        Err(e) => {
            black_box(e.to_string());
        }
    }
}

/// `config.toml`.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match crate::config::Config::parse(&text, Path::new("config.toml")) {
        Ok(config) => {
            black_box(config);
        }
        Err(e) => {
            black_box(e.to_string());
        }
    }
}
