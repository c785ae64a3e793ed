//! The audit trail: who did what, when, on this laptop. Changes are already in the change
//! log (who, when, which device); this adds what leaves no change: opening a household's
//! details, writing a bundle, importing one, exports, backups, restores, erasures, and
//! what changes who may open or trust this laptop (workers, trusted devices, the team).
//! Entries hold case codes, counts, device codes, workers' names and file names, never a
//! household's names; they live in the sealed `audit` tree.
//!
//! **The chain.** Every entry written since format 2 holds its place in the chain (`seq`,
//! from 1) and the hash of the entry before it (`prev`; zeros for the first). The hash
//! of an entry is BLAKE3 over its bytes as `codec::encode` writes them: the format
//! version byte (2), then bincode 2 (standard configuration) of its fields in order
//! (`at`, `worker`, `action`, `case_code`, `what`, `count`, `device`, `seq`, `prev`).
//! That is the value the tree holds before it is sealed, so sealing again under another
//! data key (encrypting a plain database, a re-key) leaves the chain as it was. Chained
//! entries are kept under the key `c` + `seq` (8 bytes, big-endian); entries of format 1
//! (before the chain) stay under their old keys (8 bytes: sled's id), unchained, and the
//! chain starts at the first entry written after them.
//!
//! **The head.** `audit.head`, beside `db/` in the data directory, holds the number of
//! the latest chained entry and its hash. An entry is written to the database and made
//! durable (flush) before the head file moves to it (a whole-or-nothing write, synced,
//! its folder synced). A crash in between leaves the head one entry behind, never ahead,
//! so `daleel check` accepts a head that names the latest entry or the one before it.
//! The head moves only when it names one of those two: a head that names an entry the
//! database does not hold (a `db/` put back from an earlier copy) is left as it is, for
//! `check` to report, until `check --repair` notes the rollback in the trail.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Slot, Store, StoreError, meta};
use crate::codec::{self, CodecError, Versioned};
use crate::model::change::Change;
use crate::model::{Household, Need, Referral, Timestamp};

/// The chain's head file, in the data directory beside `db/`.
pub const HEAD_FILE: &str = "audit.head";
/// The first byte of a chained entry's key (then its `seq`, 8 bytes big-endian).
const CHAIN: u8 = b'c';
/// The `prev` of the first chained entry.
pub const GENESIS: [u8; 32] = [0; 32];
/// The first line of the head file.
const HEAD_MAGIC: &str = "daleel audit head 1";

/// What was done, as one word (`action` in `daleel audit --json`). New actions go at
/// the end: stored entries name an action by its place in this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// A household's details were opened.
    View,
    /// A record was changed (from the change log).
    Change,
    /// A bundle was written onto a drive.
    Bundle,
    /// A bundle was imported.
    Import,
    /// A coordination export was written.
    Export,
    /// A backup was written.
    Backup,
    /// A household was erased.
    Erase,
    /// The database was restored from a backup.
    Restore,
    /// The age identity file (it opens every bundle sent here) was written.
    AgeKey,
    /// A worker was given a passphrase of their own.
    WorkerAdd,
    /// A worker's passphrase was taken away.
    WorkerRemove,
    /// A worker's passphrase was set anew.
    Passphrase,
    /// Another laptop's identity card was trusted.
    TrustAdd,
    /// A laptop was no longer trusted.
    TrustRemove,
    /// A team was made (or its saved key taken onto this laptop).
    TeamInit,
    /// A device was certified into the team.
    TeamApprove,
    /// A device was revoked.
    TeamRevoke,
    /// This laptop joined a team.
    TeamJoin,
    /// The team key was written out under a passphrase.
    TeamSaveKey,
    /// Service directory records were imported.
    ServicesImport,
    /// `check --repair` noted that the database was put back to an earlier copy (the head
    /// file named entries it no longer holds); `count` is what the head named.
    Rollback,
    /// `check --repair` noted a break in the chain (an entry removed or changed); `count`
    /// is the place of the entry that does not follow the one before it.
    Break,
    /// Households were imported from a registration list (`daleel households import`).
    HouseholdsImport,
    /// Two cases were found to be one household: one merged into the other (`case_code`
    /// the merged one; `count` the needs and referrals moved).
    Merge,
    /// Two likely duplicates were found not to be the same household.
    NotSame,
    /// The database was written again compactly (`daleel compact`); `count` is its size
    /// on disk after, in bytes.
    Compact,
}

impl AuditAction {
    pub const ALL: [AuditAction; 26] = [
        AuditAction::View,
        AuditAction::Change,
        AuditAction::Bundle,
        AuditAction::Import,
        AuditAction::Export,
        AuditAction::Backup,
        AuditAction::Erase,
        AuditAction::Restore,
        AuditAction::AgeKey,
        AuditAction::WorkerAdd,
        AuditAction::WorkerRemove,
        AuditAction::Passphrase,
        AuditAction::TrustAdd,
        AuditAction::TrustRemove,
        AuditAction::TeamInit,
        AuditAction::TeamApprove,
        AuditAction::TeamRevoke,
        AuditAction::TeamJoin,
        AuditAction::TeamSaveKey,
        AuditAction::ServicesImport,
        AuditAction::Rollback,
        AuditAction::Break,
        AuditAction::HouseholdsImport,
        AuditAction::Merge,
        AuditAction::NotSame,
        AuditAction::Compact,
    ];

    pub fn word(self) -> &'static str {
        match self {
            AuditAction::View => "view",
            AuditAction::Change => "change",
            AuditAction::Bundle => "bundle",
            AuditAction::Import => "import",
            AuditAction::Export => "export",
            AuditAction::Backup => "backup",
            AuditAction::Erase => "erase",
            AuditAction::Restore => "restore",
            AuditAction::AgeKey => "age_key",
            AuditAction::WorkerAdd => "worker_add",
            AuditAction::WorkerRemove => "worker_remove",
            AuditAction::Passphrase => "passphrase",
            AuditAction::TrustAdd => "trust_add",
            AuditAction::TrustRemove => "trust_remove",
            AuditAction::TeamInit => "team_init",
            AuditAction::TeamApprove => "team_approve",
            AuditAction::TeamRevoke => "team_revoke",
            AuditAction::TeamJoin => "team_join",
            AuditAction::TeamSaveKey => "team_save_key",
            AuditAction::ServicesImport => "services_import",
            AuditAction::Rollback => "rollback",
            AuditAction::Break => "break",
            AuditAction::HouseholdsImport => "households_import",
            AuditAction::Merge => "merge",
            AuditAction::NotSame => "not_same",
            AuditAction::Compact => "compact",
        }
    }
}

/// One entry of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// The worker who was working (their name as they unlocked with it).
    pub worker: String,
    pub action: AuditAction,
    /// The household concerned, by case code.
    pub case_code: Option<String>,
    /// What, in a few words without names: a file name, a kind of record.
    pub what: String,
    /// How many records or changes.
    pub count: u64,
    /// The device that did it (its code).
    pub device: String,
    /// Its place in the chain, from 1; 0 for an entry written before the chain (format
    /// 1) and for the changes of the log that `audit_trail` lists.
    pub seq: u64,
    /// The hash of the chained entry before it (`GENESIS` for the first).
    pub prev: [u8; 32],
}

/// An entry as format 1 wrote it (before the chain).
#[derive(Serialize, Deserialize)]
struct AuditEntryV1 {
    at: Timestamp,
    worker: String,
    action: AuditAction,
    case_code: Option<String>,
    what: String,
    count: u64,
    device: String,
}

impl Versioned for AuditEntry {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => {
                let old: AuditEntryV1 = codec::decode_value(body)?;
                Ok(AuditEntry {
                    at: old.at,
                    worker: old.worker,
                    action: old.action,
                    case_code: old.case_code,
                    what: old.what,
                    count: old.count,
                    device: old.device,
                    seq: 0,
                    prev: GENESIS,
                })
            }
            _ => Err(CodecError::UnknownVersion {
                found: version,
                known: Self::VERSION,
            }),
        }
    }
}

/// The hash that chains an entry: BLAKE3 of its encoded bytes (`codec::encode`).
pub fn entry_hash(encoded: &[u8]) -> [u8; 32] {
    *blake3::hash(encoded).as_bytes()
}

fn chain_key(seq: u64) -> [u8; 9] {
    let mut k = [CHAIN; 9];
    k[1..].copy_from_slice(&seq.to_be_bytes());
    k
}

fn chain_seq(key: &[u8]) -> Option<u64> {
    match key.split_first() {
        Some((&CHAIN, rest)) => Some(u64::from_be_bytes(rest.try_into().ok()?)),
        _ => None,
    }
}

/// What the head file says: the latest chained entry's place and hash (`count` 0 when
/// no entry is chained yet, or there is no head file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub count: u64,
    pub hash: [u8; 32],
}

impl Head {
    pub const EMPTY: Head = Head {
        count: 0,
        hash: GENESIS,
    };

    /// The file's text: a first line naming the format, then the count and the hash in
    /// hexadecimal.
    fn text(&self) -> String {
        format!(
            "{HEAD_MAGIC}\n{} {}\n",
            self.count,
            blake3::Hash::from_bytes(self.hash).to_hex()
        )
    }

    fn parse(text: &str) -> Option<Head> {
        let mut lines = text.lines();
        if lines.next()? != HEAD_MAGIC {
            return None;
        }
        let (count, hash) = lines.next()?.split_once(' ')?;
        Some(Head {
            count: count.parse().ok()?,
            hash: *blake3::Hash::from_hex(hash.trim()).ok()?.as_bytes(),
        })
    }
}

/// Reads a head file: `None` when there is none.
pub fn read_head(path: &Path) -> std::io::Result<Option<Head>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Head::parse(&text).map(Some).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "it is not an audit head file",
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes a head file whole or not at all (owner-only on Unix), then syncs its folder
/// so that the rename is durable before the next entry is written.
pub fn write_head(path: &Path, head: &Head) -> std::io::Result<()> {
    crate::disk::write_whole(path, head.text().as_bytes(), crate::disk::Access::Owner)?;
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The latest chained entry of an audit tree: its place, hash, and the hash it holds of
/// the one before.
struct Last {
    seq: u64,
    hash: [u8; 32],
    prev: [u8; 32],
}

fn last_chained(tree: &super::tree::Tree<'_>) -> Result<Option<Last>, StoreError> {
    let Some(entry) = tree
        .range(&[CHAIN][..]..=&chain_key(u64::MAX)[..])
        .next_back()
    else {
        return Ok(None);
    };
    let (k, v) = entry?;
    let seq = chain_seq(&k).unwrap_or(0);
    let entry: AuditEntry = codec::decode(&v)?;
    Ok(Some(Last {
        seq,
        hash: entry_hash(&v),
        prev: entry.prev,
    }))
}

/// The head a database's audit tree gives (its latest chained entry), read with the
/// data key it is sealed under: what a restore writes beside the database it brings.
pub(crate) fn head_of(
    db: &sled::Db,
    sealer: Option<&super::seal::Sealer>,
) -> Result<Head, StoreError> {
    let raw = db.open_tree(Slot::Audit.name())?;
    let tree = super::tree::Tree::new(&raw, Slot::Audit.name(), sealer);
    Ok(last_chained(&tree)?.map_or(Head::EMPTY, |l| Head {
        count: l.seq,
        hash: l.hash,
    }))
}

/// What walking the chain found.
struct Walk {
    /// The latest chained entry held (none: no entry is chained).
    last: Option<Head>,
    /// The hash of the entry at the place the head file names.
    at_head: Option<[u8; 32]>,
    /// Entries that do not follow the one before them, with what is wrong, not yet
    /// noted by `check --repair`.
    breaks: Vec<(u64, String)>,
}

/// Told to a worker at their next unlock when another worker set their passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseNotice {
    /// The worker who set it.
    pub by: String,
    pub at: Timestamp,
}

impl PassphraseNotice {
    /// "Your passphrase was reset by X on DATE", in the worker's language.
    pub fn message(&self) -> String {
        crate::i18n::tr(
            "passphrase-was-reset",
            &[
                ("by", crate::i18n::Arg::Str(&self.by)),
                ("date", crate::i18n::Arg::Str(&self.at.date().to_string())),
            ],
        )
    }
}

impl Store {
    /// The head file this store keeps beside its database (none for a store opened
    /// outside a data directory, as tests and benchmarks do).
    pub(crate) fn with_audit_head(mut self, path: PathBuf) -> Store {
        self.audit_head = Some(path);
        self
    }

    /// Adds an entry for the current worker, now, on this device: chained to the one
    /// before, made durable, then the head file moved to it (the module's notes).
    pub fn audit(
        &self,
        action: AuditAction,
        case_code: Option<&str>,
        what: &str,
        count: u64,
    ) -> Result<(), StoreError> {
        let _one_at_a_time = self
            .audit_lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let tree = self.tree(Slot::Audit);
        let last = match last_chained(&tree) {
            Ok(last) => last,
            // A latest entry that does not read back: the chain goes on from zeros, and
            // `check` reports the break.
            Err(e) => {
                tracing::warn!(error = %e, "the latest audit entry does not read back");
                None
            }
        };
        let seq = tree
            .range(&[CHAIN][..]..=&chain_key(u64::MAX)[..])
            .keys()
            .next_back()
            .transpose()?
            .and_then(|k| chain_seq(&k))
            .map_or(1, |s| s + 1);
        let entry = AuditEntry {
            at: self.now(),
            worker: self.current_worker()?.unwrap_or_default(),
            action,
            case_code: case_code.map(str::to_string),
            what: what.to_string(),
            count,
            device: self.device.code.clone(),
            seq,
            prev: last.as_ref().map_or(GENESIS, |l| l.hash),
        };
        let bytes = codec::encode(&entry)?;
        tree.insert(chain_key(seq), &bytes)?;
        // Durable before the head names it: the head never counts an entry that a crash
        // could take back.
        self.flush()?;
        let Some(path) = &self.audit_head else {
            return Ok(());
        };
        let found = match read_head(path) {
            Ok(found) => found.unwrap_or(Head::EMPTY),
            Err(e) => {
                tracing::warn!(error = %e, "the audit head file does not read: left for daleel check");
                return Ok(());
            }
        };
        // The head names the entry before this one, or (a crash came between an entry
        // and its head) the one before that.
        let follows = match &last {
            None => found == Head::EMPTY && seq == 1,
            Some(l) => {
                found
                    == Head {
                        count: l.seq,
                        hash: l.hash,
                    }
                    || found
                        == Head {
                            count: l.seq.saturating_sub(1),
                            hash: l.prev,
                        }
            }
        };
        if !follows {
            tracing::warn!(
                "the audit head file does not match the database: left for daleel check"
            );
            return Ok(());
        }
        let head = Head {
            count: seq,
            hash: entry_hash(&bytes),
        };
        write_head(path, &head).map_err(|e| StoreError::AuditHead {
            path: path.to_path_buf(),
            source: e,
        })
    }

    /// Notes that a household's details were opened.
    pub fn audit_view(&self, household: &Household) -> Result<(), StoreError> {
        self.audit(
            AuditAction::View,
            Some(&household.case_code),
            "household",
            1,
        )?;
        self.flush()
    }

    /// The trail, oldest first: the local entries and every change of the log (each
    /// change of a household, need or referral carries its household's case code). With
    /// `case`, only what concerns that household.
    pub fn audit_trail(&self, case: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        let mut out: Vec<AuditEntry> = Vec::new();
        // Which household each record belongs to, asked once per record.
        let mut cases: std::collections::HashMap<Uuid, Option<String>> = Default::default();
        for v in self.tree(Slot::Changes).iter().values() {
            let change: Change = codec::decode(&v?)?;
            let e = &change.envelope;
            let id = e.entity.id;
            let code = match cases.get(&id) {
                Some(code) => code.clone(),
                None => {
                    let household = match e.entity.kind.as_str() {
                        "household" => Some(id),
                        "need" => self.get::<Need>(id)?.map(|n| n.household),
                        "referral" => self.get::<Referral>(id)?.map(|r| r.household),
                        _ => None,
                    };
                    let code = match household {
                        Some(h) => self.get::<Household>(h)?.map(|h| h.case_code),
                        None => None,
                    };
                    cases.insert(id, code.clone());
                    code
                }
            };
            if case.is_some() && code.as_deref() != case {
                continue;
            }
            out.push(AuditEntry {
                at: Timestamp(e.hlc.wall_ms),
                worker: e.author.clone(),
                action: AuditAction::Change,
                case_code: code,
                what: e.entity.kind.clone(),
                count: 1,
                device: crate::model::device::device_code(e.origin),
                seq: 0,
                prev: GENESIS,
            });
        }
        // Local entries after the changes of the same millisecond (a change's clock may
        // run a little ahead of the wall clock); the sort keeps that order for ties.
        for v in self.tree(Slot::Audit).iter().values() {
            let entry: AuditEntry = codec::decode(&v?)?;
            if case.is_none() || entry.case_code.as_deref() == case {
                out.push(entry);
            }
        }
        out.sort_by_key(|e| e.at);
        Ok(out)
    }

    /// What is wrong with the chain and its head file, in plain words (nothing: whole).
    pub fn check_chain(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.chain_report()?.0)
    }

    /// The problems, the breaks not yet noted, and what is wrong with the head file (to
    /// note as a rollback), with the count the head file names.
    #[allow(clippy::type_complexity)]
    fn chain_report(
        &self,
    ) -> Result<(Vec<String>, Vec<(u64, String)>, Option<(u64, String)>), StoreError> {
        let head = self.audit_head.as_ref().map(|p| (p, read_head(p)));
        let wanted = match &head {
            Some((_, Ok(Some(h)))) => h.count,
            _ => 0,
        };
        let walk = self.walk_chain(wanted)?;
        let mut problems: Vec<String> = walk
            .breaks
            .iter()
            .map(|(_, what)| {
                format!(
                    "the audit trail was altered: {what}; entries were removed or changed in the database itself. Tell your coordinator; daleel check --repair notes this in the audit trail and goes on from here"
                )
            })
            .collect();
        let held = walk.last.map_or(0, |l| l.count);
        let head_wrong = match head {
            None => None,
            Some((path, Err(e))) => Some((
                0,
                format!(
                    "the audit trail's head file {} cannot be read ({e})",
                    path.display()
                ),
            )),
            Some((_, Ok(found))) => {
                let missing = found.is_none();
                let found = found.unwrap_or(Head::EMPTY);
                if found.count > held {
                    Some((
                        found.count,
                        format!(
                            "the database folder ({}) was put back to an earlier copy: {HEAD_FILE} says {} audit entries were written, but the database holds {held}, so at least {} are gone",
                            crate::store::DB_DIR,
                            found.count,
                            found.count - held
                        ),
                    ))
                } else if found.count > 0 && walk.at_head != Some(found.hash) {
                    Some((
                        found.count,
                        format!(
                            "the database folder ({}) was replaced by another copy: the audit entry {} is not the one {HEAD_FILE} recorded (an earlier copy was put back and used since)",
                            crate::store::DB_DIR,
                            found.count
                        ),
                    ))
                } else if held > found.count + 1 {
                    Some((
                        found.count,
                        if missing {
                            format!(
                                "the audit trail's head file {HEAD_FILE} is missing, but the database holds {held} chained entries (it was deleted, or the database folder came from elsewhere)"
                            )
                        } else {
                            format!(
                                "the audit trail's head file {HEAD_FILE} says {} entries, but the database holds {held} (the head file was put back to an earlier copy)",
                                found.count
                            )
                        },
                    ))
                } else {
                    None
                }
            }
        };
        if let Some((_, what)) = &head_wrong {
            problems.push(format!(
                "{what}. If nobody did this on purpose, tell your coordinator; daleel check --repair notes it in the audit trail and goes on from here"
            ));
        }
        Ok((problems, walk.breaks, head_wrong))
    }

    /// Walks the chained entries in order: each must be the next place and hold the
    /// hash of the one before. A break that `check --repair` noted (an entry `Break`
    /// naming its place) is not reported again.
    fn walk_chain(&self, wanted: u64) -> Result<Walk, StoreError> {
        let tree = self.tree(Slot::Audit);
        let mut breaks = Vec::new();
        let mut noted = std::collections::BTreeSet::new();
        let mut expected = 1u64;
        // The hash the next entry must hold (none after one that does not read).
        let mut prev = Some(GENESIS);
        let mut last = None;
        let mut at_head = None;
        for item in tree.raw.range(&[CHAIN][..]..=&chain_key(u64::MAX)[..]) {
            let (k, sealed) = item?;
            let Some(seq) = chain_seq(&k) else {
                continue;
            };
            let bytes = match tree.open_value(&k, sealed) {
                Ok(b) => b,
                Err(_) => {
                    breaks.push((seq, format!("the audit entry {seq} does not open")));
                    (expected, prev) = (seq + 1, None);
                    continue;
                }
            };
            let entry: AuditEntry = match codec::decode(&bytes) {
                Ok(e) => e,
                Err(_) => {
                    breaks.push((seq, format!("the audit entry {seq} does not read")));
                    (expected, prev) = (seq + 1, None);
                    continue;
                }
            };
            if entry.seq != seq {
                breaks.push((
                    seq,
                    format!("the audit entry {seq} says it is entry {}", entry.seq),
                ));
            } else if seq != expected {
                breaks.push((
                    seq,
                    if expected + 1 == seq {
                        format!("the audit entry {expected} is missing")
                    } else {
                        format!("the audit entries {expected} to {} are missing", seq - 1)
                    },
                ));
            } else if prev.is_some_and(|p| p != entry.prev) {
                breaks.push((
                    seq,
                    format!(
                        "the audit entry {} was changed or replaced (entry {seq} does not hold its hash)",
                        seq.saturating_sub(1)
                    ),
                ));
            }
            if entry.action == AuditAction::Break {
                noted.insert(entry.count);
            }
            let hash = entry_hash(&bytes);
            if seq == wanted {
                at_head = Some(hash);
            }
            last = Some(Head { count: seq, hash });
            (expected, prev) = (seq + 1, Some(hash));
        }
        breaks.retain(|(seq, _)| !noted.contains(seq));
        Ok(Walk {
            last,
            at_head,
            breaks,
        })
    }

    /// `check --repair` for the chain: notes each break and a rolled-back or replaced
    /// database in the trail (so that it stays on record), then moves the head file to
    /// the latest entry. Says what it did.
    pub fn repair_chain(&self) -> Result<Vec<String>, StoreError> {
        let (_, breaks, head_wrong) = self.chain_report()?;
        let mut done = Vec::new();
        for (seq, what) in breaks {
            self.audit(AuditAction::Break, None, &what, seq)?;
            done.push(format!(
                "noted in the audit trail that {what}; the chain goes on from here"
            ));
        }
        if let Some((count, what)) = head_wrong {
            self.audit(AuditAction::Rollback, None, &what, count)?;
            done.push(format!(
                "noted in the audit trail that {what}; the chain goes on from here"
            ));
        }
        if let Some(path) = &self.audit_head
            && !done.is_empty()
        {
            let _one_at_a_time = self
                .audit_lock
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let head = head_of(&self.db, self.seal.as_ref())?;
            write_head(path, &head).map_err(|e| StoreError::AuditHead {
                path: path.to_path_buf(),
                source: e,
            })?;
        }
        Ok(done)
    }

    /// Notes a change to who can open this laptop: an entry naming the worker, and, when
    /// another worker set someone's passphrase, a notice for that worker's next unlock.
    pub fn audit_worker(&self, action: AuditAction, name: &str) -> Result<(), StoreError> {
        let folded = crate::model::text::fold_name(name);
        // The name as the list keeps it, whatever case it was typed in.
        let shown = self
            .workers()?
            .into_iter()
            .find(|w| crate::model::text::fold_name(w) == folded)
            .unwrap_or_else(|| crate::model::text::tidy_name(name));
        self.audit(action, None, &format!("worker {shown}"), 1)?;
        let me = self.current_worker()?.unwrap_or_default();
        let mut notices = self.passphrase_notices()?;
        notices.retain(|(w, _)| *w != folded);
        if action == AuditAction::Passphrase && crate::model::text::fold_name(&me) != folded {
            notices.push((
                folded,
                PassphraseNotice {
                    by: me,
                    at: self.now(),
                },
            ));
        }
        self.tree(Slot::Meta)
            .insert(meta::PASSPHRASE_NOTICES, codec::encode_value(&notices)?)?;
        self.flush()
    }

    fn passphrase_notices(&self) -> Result<Vec<(String, PassphraseNotice)>, StoreError> {
        match self.tree(Slot::Meta).get(meta::PASSPHRASE_NOTICES)? {
            Some(b) => Ok(codec::decode_value(&b)?),
            None => Ok(Vec::new()),
        }
    }

    /// The notice for the worker working now, once: that another worker set their
    /// passphrase (both fronts show it when the database is unlocked).
    pub fn take_passphrase_notice(&self) -> Result<Option<PassphraseNotice>, StoreError> {
        let Some(me) = self.current_worker()? else {
            return Ok(None);
        };
        let me = crate::model::text::fold_name(&me);
        let mut notices = self.passphrase_notices()?;
        let Some(at) = notices.iter().position(|(w, _)| *w == me) else {
            return Ok(None);
        };
        let (_, notice) = notices.remove(at);
        self.tree(Slot::Meta)
            .insert(meta::PASSPHRASE_NOTICES, codec::encode_value(&notices)?)?;
        self.flush()?;
        Ok(Some(notice))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Credentials, Workspace};

    fn open(dir: &Path) -> Workspace {
        Workspace::open(dir, &Credentials::new("Amal H.", "test passphrase").cheap()).expect("open")
    }

    fn head(dir: &Path) -> Head {
        read_head(&dir.join(HEAD_FILE))
            .expect("reads")
            .expect("a head file")
    }

    #[test]
    fn every_action_is_named_by_its_word_in_json() {
        for a in AuditAction::ALL {
            assert_eq!(
                serde_json::to_value(a).expect("json"),
                serde_json::Value::String(a.word().into())
            );
        }
    }

    #[test]
    fn entries_before_the_chain_still_read_and_the_chain_starts_after_them() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = open(dir.path());
        let old = AuditEntryV1 {
            at: Timestamp(1),
            worker: "Amal H.".into(),
            action: AuditAction::Export,
            case_code: None,
            what: "households.csv".into(),
            count: 3,
            device: ws.store.device().code.clone(),
        };
        let mut bytes = vec![1u8];
        bytes.extend(codec::encode_value(&old).expect("encode"));
        let id = ws.store.db.generate_id().expect("id");
        ws.store
            .tree(Slot::Audit)
            .insert(id.to_be_bytes(), &bytes)
            .expect("insert");
        ws.store
            .audit(AuditAction::Backup, None, "a.dlbk", 1)
            .expect("audit");
        ws.store
            .audit(AuditAction::Backup, None, "b.dlbk", 1)
            .expect("audit");
        let trail = ws.store.audit_trail(None).expect("trail");
        let seqs: Vec<u64> = trail.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [0, 1, 2], "{trail:?}");
        assert_eq!(trail[0].what, "households.csv");
        assert_eq!(trail[1].prev, GENESIS);
        let first = codec::encode(&trail[1]).expect("encode");
        assert_eq!(trail[2].prev, entry_hash(&first));
        let second = codec::encode(&trail[2]).expect("encode");
        assert_eq!(
            head(dir.path()),
            Head {
                count: 2,
                hash: entry_hash(&second)
            }
        );
        assert!(ws.store.check_chain().expect("check").is_empty());
    }

    #[test]
    fn a_changed_entry_and_a_garbled_head_file_are_reported_and_repair_notes_them() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = open(dir.path());
        for name in ["a.dlbk", "b.dlbk", "c.dlbk"] {
            ws.store
                .audit(AuditAction::Backup, None, name, 1)
                .expect("audit");
        }
        // Entry 2 rewritten (with the data key: a plain database needs none).
        let tree = ws.store.tree(Slot::Audit);
        let mut entry: AuditEntry =
            codec::decode(&tree.get(chain_key(2)).expect("get").expect("entry 2")).expect("d");
        entry.what = "other.dlbk".into();
        tree.insert(chain_key(2), codec::encode(&entry).expect("encode"))
            .expect("insert");
        let problems = ws.store.check_chain().expect("check");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("the audit entry 2 was changed or replaced"),
            "{problems:?}"
        );
        std::fs::write(dir.path().join(HEAD_FILE), "not a head").expect("garble");
        let problems = ws.store.check_chain().expect("check");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].contains("cannot be read"), "{problems:?}");
        let done = ws.store.repair_chain().expect("repair");
        assert_eq!(done.len(), 2, "{done:?}");
        assert!(ws.store.check_chain().expect("check").is_empty());
        assert_eq!(head(dir.path()).count, 5);
        let trail = ws.store.audit_trail(None).expect("trail");
        let words: Vec<&str> = trail.iter().map(|e| e.action.word()).collect();
        assert_eq!(
            words,
            ["backup", "backup", "backup", "break", "rollback"],
            "{trail:?}"
        );
        assert_eq!(trail[3].count, 3, "the break is at entry 3");
    }

    #[test]
    fn the_head_file_is_owner_only_and_reads_back() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(HEAD_FILE);
        let h = Head {
            count: 42,
            hash: [9; 32],
        };
        write_head(&path, &h).expect("write");
        assert_eq!(read_head(&path).expect("read"), Some(h));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(read_head(&dir.path().join("none")).expect("read"), None);
    }
}
