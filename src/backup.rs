//! Backup and restore (docs/recovery.md; the file format in docs/bundle-format.md).
//!
//! A backup is one file, `daleel-backup-CODE-STAMP.dlbk`, written whole or not at all
//! (a `.partial` file renamed once synced). It holds every tree of the database as the
//! database stores it, sealed again in chunks under the data key, so that opening it
//! needs a worker's passphrase: the keyring (each worker's wrapped data key) travels in
//! its header. The team key goes in when the laptop holds it; the device key never does.
//!
//! A restore builds the database in a fresh folder beside the data directory's, checks
//! it whole, then switches over (a crash at any moment finishes or undoes the switch on
//! the next open). The restored laptop gets a **new device identity**: sequence numbers
//! are never given twice under one identity, so other laptops never see two different
//! changes with the same origin and number. The old identity's changes stay in the log
//! as another device's, with segments the backup signed so that they can be forwarded.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::codec::{self, CodecError, Versioned};
use crate::keyring::{Keyring, KeyringError};
use crate::model::change::OriginId;
use crate::model::time::Timestamp;
use crate::store::seal::{DataKey, Sealer};
use crate::store::{Slot, Store, StoreError, change_key, meta};
use crate::sync::identity::Identity;

/// The first bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"DALEELBK";
/// The backup format this Daleel writes and reads.
pub const FORMAT: u8 = 1;
/// A backup file's extension.
pub const EXTENSION: &str = "dlbk";
/// The most bytes a header may claim (a keyring of many workers is a few KiB).
const HEADER_LIMIT: u32 = 256 << 10;
/// About this many bytes of entries go in one chunk.
const CHUNK_TARGET: usize = 1 << 20;
/// The most bytes one sealed chunk may claim: read before anything is allocated.
const CHUNK_LIMIT: u32 = 8 << 20;
/// The associated data's name for a chunk's sealing.
const AD: &str = "daleel-backup";
/// Trees left out: the keyring travels in the header; a staged import is applied before
/// a backup is taken; sled's default tree is unused.
const SKIPPED: &[&str] = &[crate::keyring::TREE, "__sled__default"];

/// What the header says in the clear: enough to name the backup and to unwrap the data
/// key with a passphrase. Nothing about households.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub made_at: Timestamp,
    /// The device code of the laptop backed up (not personal: shown on every bundle).
    pub device: String,
    /// The database schema it was taken at.
    pub schema: u32,
    /// Random: binds every chunk to this file.
    pub id: [u8; 16],
    /// The keyring tree: each worker's data key wrapped under their passphrase (Argon2).
    keyring: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Versioned for Header {
    const VERSION: u8 = 1;
}

/// One sealed chunk's content.
#[derive(Debug, Serialize, Deserialize)]
enum Chunk {
    /// Entries of one tree, as the database stores them (sealed values stay sealed).
    Tree {
        name: String,
        entries: Vec<(Vec<u8>, Vec<u8>)>,
    },
    /// The last chunk: what the reader checks the rest against.
    End(Trailer),
}

impl Versioned for Chunk {
    const VERSION: u8 = 1;
}

#[derive(Debug, Serialize, Deserialize)]
struct Trailer {
    /// Entries in all chunks before this one.
    entries: u64,
    /// Chunks before this one.
    chunks: u64,
    /// The identity backed up, whose log the restored laptop keeps as another device's.
    origin: OriginId,
    /// The last sequence number that identity gave.
    last_seq: u64,
    /// The team key's secret, when the laptop held it.
    team_key: Option<[u8; 32]>,
    /// Households, needs and referrals held, to tell on restore.
    records: [u64; 3],
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "{path} is not a Daleel backup: choose the .{EXTENSION} file that `daleel backup` wrote"
    )]
    NotABackup { path: PathBuf },
    #[error(
        "{path} is a backup of a newer Daleel (format {found}; this one reads format {FORMAT}): install a newer Daleel to restore it"
    )]
    TooNew { path: PathBuf, found: u8 },
    #[error(
        "the backup {path} is damaged ({what}): nothing was restored; use another copy of the backup"
    )]
    Damaged { path: PathBuf, what: String },
    #[error(
        "the backup {path} ends early (it was not written to the end, or was cut when copied): nothing was restored; use another copy of the backup"
    )]
    Incomplete { path: PathBuf },
    #[error(
        "this database is not encrypted, and a backup must be: open Daleel once with a worker name and passphrase to encrypt it, then back it up"
    )]
    NotEncrypted,
    #[error(
        "could not write the backup {path}: it is not a folder: choose an existing folder (a USB drive's, say) (no backup file was left there)"
    )]
    NotAFolder { path: PathBuf },
    #[error(
        "could not write the backup {path}: {} (no backup file was left there)",
        crate::disk::advice(.source)
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not read {path}: {}", crate::disk::advice(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "could not build the restored database in {dir}: {}; nothing was changed",
        crate::disk::advice(.source)
    )]
    Build {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Keyring(#[from] KeyringError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BackupError {
    fn write(path: &Path, e: std::io::Error) -> BackupError {
        BackupError::Write {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub bytes: u64,
    pub entries: u64,
    pub records: [u64; 3],
    pub team_key: bool,
}

/// Writes a backup of `store` into the folder `dir`. Writes are held off while it reads,
/// so that the backup is one consistent state. `progress` hears entries written.
pub fn write(
    store: &Store,
    identity: &Identity,
    key: &DataKey,
    team_key: Option<&Identity>,
    dir: &Path,
    mut progress: impl FnMut(u64),
) -> Result<BackupSummary, BackupError> {
    if !dir.is_dir() {
        return Err(BackupError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let _writes = store.hold_writes();
    store.flush()?;
    let stamp = store.now().to_utc().format("%Y%m%dT%H%M%SZ").to_string();
    let mut name = format!("daleel-backup-{}-{stamp}.{EXTENSION}", identity.code());
    let mut n = 2;
    while crate::disk::taken(&dir.join(&name)) {
        name = format!("daleel-backup-{}-{stamp}-{n}.{EXTENSION}", identity.code());
        n += 1;
    }
    let path = dir.join(&name);
    // A backup holds every record: readable by its owner only, and written under a new
    // temporary name, never through a link planted on the drive.
    let mut partial = crate::disk::Partial::create(&path, crate::disk::Access::Owner)
        .map_err(|e| BackupError::write(&path, e))?;
    let (bytes, entries, records) = write_to(
        store,
        identity,
        key,
        team_key,
        &mut partial,
        &path,
        &mut progress,
    )?;
    partial.keep().map_err(|e| BackupError::write(&path, e))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    store.audit(
        crate::store::audit::AuditAction::Backup,
        None,
        &name,
        entries,
    )?;
    tracing::info!(bytes, entries, "backup written");
    Ok(BackupSummary {
        path,
        bytes,
        entries,
        records,
        team_key: team_key.is_some(),
    })
}

/// Counts what goes through a writer.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The associated data of chunk `index`: the header's hash, the index, and whether it is
/// the last. Chunks cannot be reordered, dropped, moved between files or cut off.
fn chunk_ad(header_hash: &[u8; 32], index: u64, last: bool) -> Vec<u8> {
    let mut ad = header_hash.to_vec();
    ad.extend(index.to_be_bytes());
    ad.push(last as u8);
    ad
}

fn write_to(
    store: &Store,
    identity: &Identity,
    key: &DataKey,
    team_key: Option<&Identity>,
    file: &mut crate::disk::Partial,
    path: &Path,
    progress: &mut impl FnMut(u64),
) -> Result<(u64, u64, [u64; 3]), BackupError> {
    let io = |e| BackupError::write(path, e);
    let db = store.db();
    let keyring = db
        .open_tree(crate::keyring::TREE)
        .map_err(StoreError::from)?
        .iter()
        .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    if keyring.is_empty() {
        return Err(BackupError::NotEncrypted);
    }
    let header = Header {
        made_at: store.now(),
        device: identity.code(),
        schema: crate::store::SCHEMA_VERSION,
        id: rand::random(),
        keyring,
    };
    let header_bytes = codec::encode(&header).map_err(StoreError::from)?;
    let header_hash = *blake3::hash(&header_bytes).as_bytes();
    let mut out = Counting {
        inner: BufWriter::new(file),
        bytes: 0,
    };
    out.write_all(MAGIC).map_err(io)?;
    out.write_all(&[FORMAT]).map_err(io)?;
    out.write_all(&(header_bytes.len() as u32).to_le_bytes())
        .map_err(io)?;
    out.write_all(&header_bytes).map_err(io)?;
    let sealer = Sealer::new(key);
    let mut index = 0u64;
    let mut entries_written = 0u64;
    let put = |out: &mut Counting<BufWriter<&mut crate::disk::Partial>>,
               index: &mut u64,
               chunk: &Chunk,
               last: bool| {
        let plain = codec::encode(chunk).map_err(StoreError::from)?;
        let sealed = sealer.seal(AD, &chunk_ad(&header_hash, *index, last), &plain);
        out.write_all(&(sealed.len() as u32).to_le_bytes())
            .map_err(io)?;
        out.write_all(&sealed).map_err(io)?;
        *index += 1;
        Ok::<(), BackupError>(())
    };
    let mut names: Vec<String> = db
        .tree_names()
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .filter(|n| !SKIPPED.contains(&n.as_str()) && n != Slot::Staging.name())
        .collect();
    names.sort();
    for name in names {
        let tree = db.open_tree(&name).map_err(StoreError::from)?;
        let mut entries = Vec::new();
        let mut size = 0;
        for entry in tree.iter() {
            let (k, v) = entry.map_err(StoreError::from)?;
            // The mark of a staged import stays behind with the staging tree.
            if name == Slot::Meta.name() && k.as_ref() == crate::store::merge::STAGED {
                continue;
            }
            size += k.len() + v.len() + 8;
            entries.push((k.to_vec(), v.to_vec()));
            if size >= CHUNK_TARGET {
                entries_written += entries.len() as u64;
                let chunk = Chunk::Tree {
                    name: name.clone(),
                    entries: std::mem::take(&mut entries),
                };
                put(&mut out, &mut index, &chunk, false)?;
                progress(entries_written);
                size = 0;
            }
        }
        if !entries.is_empty() {
            entries_written += entries.len() as u64;
            put(
                &mut out,
                &mut index,
                &Chunk::Tree {
                    name: name.clone(),
                    entries,
                },
                false,
            )?;
            progress(entries_written);
        }
    }
    // This device's own log, signed in segments, so that the restored laptop (a new
    // identity) can forward it as it forwards any other device's.
    let me = identity.origin();
    let last_seq = store.next_seq()? - 1;
    let mut segments = Vec::new();
    for (first, last) in crate::sync::export::own_runs(1, last_seq) {
        let changes = crate::sync::export::run_of(store, me, first, last)?;
        let header = crate::sync::bundle::sign_encoded(identity, first, &changes)
            .map_err(StoreError::from)?;
        segments.push((
            change_key(me, first),
            codec::encode(&header).map_err(StoreError::from)?,
        ));
    }
    if !segments.is_empty() {
        entries_written += segments.len() as u64;
        for part in segments.chunks(1000) {
            put(
                &mut out,
                &mut index,
                &Chunk::Tree {
                    name: "segments".into(),
                    entries: part.to_vec(),
                },
                false,
            )?;
        }
    }
    let records = [
        store.count::<crate::model::Household>() as u64,
        store.count::<crate::model::Need>() as u64,
        store.count::<crate::model::Referral>() as u64,
    ];
    let trailer = Trailer {
        entries: entries_written,
        chunks: index,
        origin: me,
        last_seq,
        team_key: team_key.map(|k| *k.secret()),
        records,
    };
    put(&mut out, &mut index, &Chunk::End(trailer), true)?;
    out.flush().map_err(io)?;
    let bytes = out.bytes;
    out.inner
        .into_inner()
        .map_err(|e| BackupError::write(path, e.into_error()))?;
    Ok((bytes, entries_written, records))
}

/// A backup file opened and its header read.
pub struct Reader {
    path: PathBuf,
    input: BufReader<File>,
    pub header: Header,
    header_hash: [u8; 32],
}

impl Reader {
    /// Opens `path` and reads its header (nothing is decrypted yet).
    pub fn open(path: &Path) -> Result<Reader, BackupError> {
        let (file, _) = crate::disk::open_regular(path).map_err(|source| BackupError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut input = BufReader::new(file);
        let not = || BackupError::NotABackup {
            path: path.to_path_buf(),
        };
        let mut magic = [0u8; 9];
        input.read_exact(&mut magic).map_err(|_| not())?;
        if &magic[..8] != MAGIC {
            return Err(not());
        }
        if magic[8] != FORMAT {
            return Err(BackupError::TooNew {
                path: path.to_path_buf(),
                found: magic[8],
            });
        }
        let incomplete = || BackupError::Incomplete {
            path: path.to_path_buf(),
        };
        let mut len = [0u8; 4];
        input.read_exact(&mut len).map_err(|_| incomplete())?;
        let len = u32::from_le_bytes(len);
        if len > HEADER_LIMIT {
            return Err(BackupError::Damaged {
                path: path.to_path_buf(),
                what: format!("a header of {len} bytes, more than any backup has"),
            });
        }
        let mut bytes = vec![0u8; len as usize];
        input.read_exact(&mut bytes).map_err(|_| incomplete())?;
        let header: Header = codec::decode_untrusted(&bytes).map_err(|e| BackupError::Damaged {
            path: path.to_path_buf(),
            what: format!("its header: {e}"),
        })?;
        Ok(Reader {
            path: path.to_path_buf(),
            input,
            header_hash: *blake3::hash(&bytes).as_bytes(),
            header,
        })
    }

    /// Reads the next sealed chunk: `None` at the end of the file.
    fn next_sealed(&mut self) -> Result<Option<Vec<u8>>, BackupError> {
        let mut len = [0u8; 4];
        match self.input.read(&mut len[..1]) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(source) => {
                return Err(BackupError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        }
        let incomplete = || BackupError::Incomplete {
            path: self.path.clone(),
        };
        self.input
            .read_exact(&mut len[1..])
            .map_err(|_| incomplete())?;
        let len = u32::from_le_bytes(len);
        if len > CHUNK_LIMIT {
            return Err(BackupError::Damaged {
                path: self.path.clone(),
                what: format!("a part claiming {len} bytes, more than any backup writes"),
            });
        }
        let mut sealed = vec![0u8; len as usize];
        self.input
            .read_exact(&mut sealed)
            .map_err(|_| incomplete())?;
        Ok(Some(sealed))
    }

    fn damaged(&self, what: impl Into<String>) -> BackupError {
        BackupError::Damaged {
            path: self.path.clone(),
            what: what.into(),
        }
    }
}

/// What a restore did.
pub struct RestoreSummary {
    pub made_at: Timestamp,
    /// The device code of the laptop the backup was taken on.
    pub old_device: String,
    /// Its identity, whose changes this laptop keeps as another device's.
    pub old_origin: OriginId,
    pub entries: u64,
    pub records: [u64; 3],
    /// Where the database that was there before was kept (none on a fresh laptop).
    pub kept: Option<PathBuf>,
    /// The team key was in the backup and is on this laptop now.
    pub team_key: Option<Identity>,
    /// The latest entry of the audit chain it holds: the head written beside it.
    pub audit_head: crate::store::audit::Head,
}

/// The folder a restore builds in, inside the data directory.
pub const RESTORING_DIR: &str = "restoring";
/// Written in `RESTORING_DIR` once the restored database is whole: it names the folder
/// that the database already there is moved to.
const COMPLETE_MARK: &str = "complete";

/// Files of a data directory that a restore replaces (kept aside, not deleted). The audit
/// chain's head goes with its database: the restored one comes with its own.
const REPLACED: &[&str] = &[
    crate::store::DB_DIR,
    crate::sync::identity::KEY_FILE,
    crate::sync::enrol::TEAM_KEY_FILE,
    crate::store::audit::HEAD_FILE,
];

/// Builds the database of backup `path` in `dir/restoring`, unlocking it with `worker`
/// and `passphrase` (the data key is the one the backup was sealed under), then switches
/// `dir` over to it. The caller holds `dir`'s lock. The database there before, with its
/// device key, is moved to `dir/before-restore-STAMP`, never deleted.
pub fn restore(
    dir: &Path,
    path: &Path,
    worker: Option<&str>,
    passphrase: &str,
    mut progress: impl FnMut(u64),
) -> Result<RestoreSummary, BackupError> {
    let mut reader = Reader::open(path)?;
    let build = dir.join(RESTORING_DIR);
    let build_error = |source: std::io::Error| BackupError::Build {
        dir: dir.to_path_buf(),
        source,
    };
    if build.exists() {
        fs::remove_dir_all(&build).map_err(build_error)?;
    }
    fs::create_dir_all(&build).map_err(build_error)?;
    let result = (|| {
        let db = crate::store::open_sled(&build.join(crate::store::DB_DIR))?;
        let (summary, key) = build_db(&mut reader, db, worker, passphrase, &mut progress)?;
        if let Some(team) = &summary.team_key {
            team.save(&build.join(crate::sync::enrol::TEAM_KEY_FILE), Some(&key))
                .map_err(|e| match e {
                    crate::sync::identity::IdentityError::Write { source, .. }
                    | crate::sync::identity::IdentityError::Read { source, .. } => {
                        build_error(source)
                    }
                    damaged => build_error(std::io::Error::other(damaged.to_string())),
                })?;
        }
        // The restored database's chain head, so that it is not taken for a rollback of
        // the database it replaces (that one's head is kept aside with it).
        if summary.audit_head.count > 0 {
            crate::store::audit::write_head(
                &build.join(crate::store::audit::HEAD_FILE),
                &summary.audit_head,
            )
            .map_err(build_error)?;
        }
        Ok(summary)
    })();
    let mut summary = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = fs::remove_dir_all(&build);
            return Err(e);
        }
    };
    let stamp = Timestamp::now()
        .to_utc()
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    let kept = REPLACED
        .iter()
        .any(|f| dir.join(f).exists())
        .then(|| format!("before-restore-{stamp}"));
    // The mark: where the files there now go, then what the restore brings in.
    let mut mark = kept.clone().unwrap_or_default();
    for name in REPLACED {
        if build.join(name).exists() {
            mark.push('\n');
            mark.push_str(name);
        }
    }
    crate::disk::write_whole(
        &build.join(COMPLETE_MARK),
        mark.as_bytes(),
        crate::disk::Access::Owner,
    )
    .map_err(build_error)?;
    finish(dir).map_err(build_error)?;
    summary.kept = kept.map(|k| dir.join(k));
    Ok(summary)
}

/// Finishes a restore that a crash interrupted (or undoes one that was not whole): run
/// under the data directory's lock before the database is opened.
pub fn finish(dir: &Path) -> std::io::Result<()> {
    let build = dir.join(RESTORING_DIR);
    if !build.exists() {
        return Ok(());
    }
    let mark = build.join(COMPLETE_MARK);
    let Ok(mark) = fs::read_to_string(&mark) else {
        // Not whole: none of it.
        return fs::remove_dir_all(&build);
    };
    let mut lines = mark.lines();
    let kept = lines.next().unwrap_or("").trim().to_string();
    let brought: Vec<&str> = lines.map(str::trim).collect();
    // Each step can be done again after a crash: what the restore brings is moved in
    // once (it then leaves `restoring`); what is there now moves aside first, and only
    // while the restore's own copy has not yet taken its place.
    let aside = |current: &Path, name: &str| -> std::io::Result<()> {
        if kept.is_empty() {
            return Ok(());
        }
        let aside = dir.join(&kept);
        fs::create_dir_all(&aside)?;
        crate::disk::rename_retrying(current, &aside.join(name))
    };
    for name in REPLACED {
        let current = dir.join(name);
        let restored = build.join(name);
        if brought.contains(name) {
            if restored.exists() {
                if current.exists() {
                    aside(&current, name)?;
                }
                crate::disk::rename_retrying(&restored, &current)?;
            }
        } else if current.exists() {
            // Not in the backup (the device key never is): the laptop's own is kept
            // with its database, and the restored database gets a new one.
            aside(&current, name)?;
        }
    }
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    fs::remove_dir_all(&build)
}

/// Reads every chunk of `reader` into a new database at `at`, checks it whole, and
/// readies it for a new identity. Returns what it held and the data key.
fn build_db(
    reader: &mut Reader,
    db: sled::Db,
    worker: Option<&str>,
    passphrase: &str,
    progress: &mut impl FnMut(u64),
) -> Result<(RestoreSummary, DataKey), BackupError> {
    let ring = db
        .open_tree(crate::keyring::TREE)
        .map_err(StoreError::from)?;
    for (k, v) in &reader.header.keyring {
        ring.insert(k, v.as_slice()).map_err(StoreError::from)?;
    }
    let (key, _) = Keyring::open(&db)?.unlock(worker, passphrase)?;
    let sealer = Sealer::new(&key);
    let mut index = 0u64;
    let mut entries = 0u64;
    let trailer = loop {
        let Some(sealed) = reader.next_sealed()? else {
            return Err(BackupError::Incomplete {
                path: reader.path.clone(),
            });
        };
        // A chunk opens as a middle one or as the last; nothing else.
        let (plain, last) =
            match sealer.open(AD, &chunk_ad(&reader.header_hash, index, false), &sealed) {
                Ok(p) => (p, false),
                Err(_) => {
                    match sealer.open(AD, &chunk_ad(&reader.header_hash, index, true), &sealed) {
                        Ok(p) => (p, true),
                        Err(_) => {
                            return Err(reader.damaged(format!(
                                "part {} does not open under this database's key",
                                index + 1
                            )));
                        }
                    }
                }
            };
        let chunk: Chunk = codec::decode_untrusted(&plain)
            .map_err(|e| reader.damaged(format!("part {}: {e}", index + 1)))?;
        index += 1;
        match (chunk, last) {
            (
                Chunk::Tree {
                    name,
                    entries: list,
                },
                false,
            ) => {
                if SKIPPED.contains(&name.as_str()) {
                    return Err(reader.damaged(format!("a part for the tree {name}")));
                }
                let tree = db.open_tree(&name).map_err(StoreError::from)?;
                let mut batch = sled::Batch::default();
                entries += list.len() as u64;
                for (k, v) in list {
                    batch.insert(k, v);
                }
                tree.apply_batch(batch).map_err(StoreError::from)?;
                progress(entries);
            }
            (Chunk::End(trailer), true) => break trailer,
            _ => return Err(reader.damaged("its parts are out of order")),
        }
    };
    if reader.next_sealed()?.is_some() {
        return Err(reader.damaged("bytes after its end"));
    }
    if trailer.entries != entries || trailer.chunks + 1 != index {
        return Err(reader.damaged("fewer parts than it says it has"));
    }
    // The log stays as the old identity's; this laptop starts its own numbering under
    // a new identity, made when the database is first opened.
    let meta_raw = db.open_tree(Slot::Meta.name()).map_err(StoreError::from)?;
    let meta = crate::store::tree::Tree::new(&meta_raw, Slot::Meta.name(), Some(&sealer));
    for k in [meta::ORIGIN, meta::NEXT_SEQ, crate::store::merge::STAGED] {
        meta.remove(k)?;
    }
    if trailer.last_seq > 0 {
        let held = db.open_tree(Slot::Held.name()).map_err(StoreError::from)?;
        let had = held
            .get(trailer.origin.0)
            .map_err(StoreError::from)?
            .and_then(|b| <[u8; 8]>::try_from(b.as_ref()).ok())
            .map(u64::from_be_bytes)
            .unwrap_or(0);
        held.insert(trailer.origin.0, &trailer.last_seq.max(had).to_be_bytes())
            .map_err(StoreError::from)?;
    }
    db.flush().map_err(StoreError::from)?;
    let audit_head = crate::store::audit::head_of(&db, Some(&sealer))?;
    drop(db);
    Ok((
        RestoreSummary {
            made_at: reader.header.made_at,
            old_device: reader.header.device.clone(),
            old_origin: trailer.origin,
            entries,
            records: trailer.records,
            kept: None,
            team_key: trailer.team_key.map(|s| Identity::from_secret(&s)),
            audit_head,
        },
        key,
    ))
}

impl From<CodecError> for BackupError {
    fn from(e: CodecError) -> BackupError {
        BackupError::Store(StoreError::from(e))
    }
}

/// Reads the whole of a backup into a temporary database that is then dropped: whether
/// the file would restore, and how many entries it holds (`daleel restore --check`, the
/// mutation test and the fuzz target).
pub fn verify(path: &Path, worker: Option<&str>, passphrase: &str) -> Result<u64, BackupError> {
    let db = sled::Config::new()
        .temporary(true)
        .open()
        .map_err(StoreError::from)?;
    let mut reader = Reader::open(path)?;
    let (summary, _) = build_db(&mut reader, db, worker, passphrase, &mut |_| {})?;
    Ok(summary.entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(p: &Path) -> Option<String> {
        let p = if p.is_dir() {
            p.join("marker")
        } else {
            p.to_path_buf()
        };
        fs::read_to_string(p).ok()
    }

    /// A data directory in the middle of a switch: an old database and key, a restored
    /// database and team key, and `done` of the switch's renames already made (a crash).
    fn half_switched(done: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        let build = d.join(RESTORING_DIR);
        fs::create_dir_all(d.join("db")).expect("db");
        fs::write(d.join("db/marker"), "old").expect("w");
        fs::write(d.join("device.key"), "old key").expect("w");
        fs::create_dir_all(build.join("db")).expect("db");
        fs::write(build.join("db/marker"), "restored").expect("w");
        fs::write(build.join("team.key"), "team key").expect("w");
        fs::write(build.join(COMPLETE_MARK), "kept\ndb\nteam.key").expect("w");
        // The switch's renames, in the order `finish` makes them.
        let aside = d.join("kept");
        let steps: [(PathBuf, PathBuf); 4] = [
            (d.join("db"), aside.join("db")),
            (build.join("db"), d.join("db")),
            (d.join("device.key"), aside.join("device.key")),
            (build.join("team.key"), d.join("team.key")),
        ];
        fs::create_dir_all(&aside).expect("aside");
        for (from, to) in steps.iter().take(done) {
            fs::rename(from, to).expect("step");
        }
        dir
    }

    #[test]
    fn a_switch_cut_after_any_rename_finishes_the_same() {
        for done in 0..=4 {
            let dir = half_switched(done);
            let d = dir.path();
            finish(d).unwrap_or_else(|e| panic!("after {done} renames: {e}"));
            // And once more, as the next open would.
            finish(d).expect("again");
            assert_eq!(read(&d.join("db")).as_deref(), Some("restored"), "{done}");
            assert_eq!(read(&d.join("team.key")).as_deref(), Some("team key"));
            assert!(
                !d.join("device.key").exists(),
                "a new identity is made on open"
            );
            assert_eq!(read(&d.join("kept/db")).as_deref(), Some("old"));
            assert_eq!(read(&d.join("kept/device.key")).as_deref(), Some("old key"));
            assert!(!d.join(RESTORING_DIR).exists());
        }
    }

    #[test]
    fn a_restore_cut_before_its_mark_is_undone() {
        let dir = half_switched(0);
        let d = dir.path();
        fs::remove_file(d.join(RESTORING_DIR).join(COMPLETE_MARK)).expect("rm");
        finish(d).expect("finish");
        assert_eq!(read(&d.join("db")).as_deref(), Some("old"));
        assert_eq!(read(&d.join("device.key")).as_deref(), Some("old key"));
        assert!(!d.join(RESTORING_DIR).exists() && !d.join("team.key").exists());
    }
}
