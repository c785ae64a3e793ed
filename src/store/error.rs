//! What went wrong in the store. Messages are English and carry no personal data; the
//! screens show each in the worker's language (tui/errors.rs).

use super::{seal, team};
use crate::codec::CodecError;
use crate::model::referral::MoveError;

/// What went wrong in the store. Messages carry no personal data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", sled_message(.0))]
    Sled(#[from] sled::Error),
    #[error("a stored value is damaged or unreadable: {0}")]
    Codec(#[from] CodecError),
    /// A name this laptop keeps (a worker's, the device's) holds a hidden character.
    #[error("the {what} {hidden}: {}", crate::model::text::ADVICE)]
    HiddenInName {
        what: NameOf,
        hidden: crate::model::text::Hidden,
    },
    #[error("a worker's name has 1 to {max} characters")]
    WorkerNameLength { max: usize },
    /// `daleel demo` into a database that holds households.
    #[error(
        "this database already holds {households} households: a demo caseload goes in an empty data directory (use --data-dir)"
    )]
    NotEmpty { households: usize },
    #[error("cannot make {}: {source}", .path.display())]
    MakeFolder {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("could not write {}: {}", .path.display(), crate::disk::advice(.source))]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("could not write the audit trail's head file {}: {}", .path.display(), crate::disk::advice(.source))]
    AuditHead {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A CSV file could not be built.
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// An Excel workbook could not be built.
    #[error("could not build the workbook: {0}")]
    Workbook(String),
    /// A pass over many changes stopped half-way (`overlay_pass`); what to do is its text.
    #[error("{}", .0.message())]
    Interrupted(Pass),
    /// A change names a field its record kind does not have.
    #[error("unknown field {field}")]
    UnknownField { kind: &'static str, field: String },
    #[error("no field {position} in a {kind}")]
    NoField { kind: &'static str, position: usize },
    #[error("unknown record kind {tag}")]
    UnknownKind { tag: u8 },
    #[error("a staged import is damaged: import the bundle again")]
    StagedDamaged,
    #[error("a change too large to stage")]
    ChangeTooLarge,
    #[error("a key of the {tree} tree is damaged")]
    DamagedKey { tree: &'static str },
    #[error("a change that claims to come from this device was not made here: refused")]
    OwnChange,
    #[error("a change whose values do not match its hash: refused")]
    HashMismatch,
    /// The change log lacks changes it says it holds: no bundle is written from it.
    #[error(
        "the change log of {device} lacks changes from sequence number {first} on: nothing was written (daleel check says more)"
    )]
    LogGap { device: String, first: u64 },
    #[error(
        "this laptop already belongs to the team \"{name}\" (key {fingerprint}): a laptop belongs to one team"
    )]
    OtherTeam { name: String, fingerprint: String },
    /// `daleel demo` into a database that holds real records.
    #[error(
        "this database holds real records: a demo caseload goes in its own data directory (use --data-dir)"
    )]
    RealRecords,
    #[error("an erasure without its contents")]
    ErasureEmpty,
    #[error("an erasure that names records of another household: refused")]
    ErasureOfOthers,
    #[error("the erasure was not written")]
    ErasureNotWritten,
    #[error("this household was erased: its records cannot be changed")]
    Erased,
    #[error("{case_code} was erased already")]
    ErasedAlready { case_code: String },
    #[error("an erased record could not be dropped")]
    ErasedNotDropped,
    #[error("this is this laptop's own card: import the card of another laptop")]
    OwnCard,
    #[error(
        "device {code} ({fingerprint}) has the same device code as the trusted device {other_code} ({other_fingerprint}): their case codes would collide, so it cannot be trusted; ask that laptop's team lead to make it a new identity"
    )]
    CodeClash {
        code: String,
        fingerprint: String,
        other_code: String,
        other_fingerprint: String,
    },
    #[error(
        "device {code} ({fingerprint}) has the same device code as this laptop: their case codes would collide, so it cannot be trusted"
    )]
    CodeOfThisLaptop { code: String, fingerprint: String },
    #[error("no trusted device has the fingerprint {fingerprint}: see daleel trust list")]
    NotTrusted { fingerprint: String },
    #[error(transparent)]
    Move(#[from] MoveError),
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("the referral changed meanwhile (it is now {now}): look at it again and retry")]
    Stale { now: crate::model::ReferralStatus },
    #[error(
        "this database was made by a newer version of Daleel (schema {found}; this version reads up to {known}): install the newer version"
    )]
    TooNew { found: u32, known: u32 },
    #[error(
        "this database is open in another Daleel window: close that window first, or use another --data-dir"
    )]
    Locked,
    #[error(
        "this database belongs to another device key: the key file does not match the database; restore the key file that came with it"
    )]
    ForeignKey,
    #[error("{0}")]
    Sealed(#[from] seal::SealError),
    /// This device's role (teams) does not allow the change.
    #[error("{0}")]
    NotAllowed(#[from] team::Forbidden),
    /// A decision about likely duplicates that cannot be made as asked.
    #[error("{0}")]
    Pair(#[from] super::duplicates::PairRefusal),
}

/// Whose name a `StoreError::HiddenInName` is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    Device,
    Worker,
}

impl std::fmt::Display for NameOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NameOf::Device => "device name",
            NameOf::Worker => "worker's name",
        })
    }
}

/// A pass over many changes that can stop half-way (a crash, a full disk), and what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Applying an imported bundle.
    Import,
    /// Applying a partner's hand-off.
    Handoff,
    /// Recomputing the records from the log.
    Refold,
}

impl Pass {
    pub fn message(self) -> &'static str {
        match self {
            Pass::Import => "the import was interrupted: import again",
            Pass::Handoff => "the hand-off was interrupted: import it again",
            Pass::Refold => "recomputing the records was interrupted: open Daleel again",
        }
    }
}

/// What to tell a person when the database engine fails: what happened and what to do.
fn sled_message(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) => format!(
            "the database could not be read or written: {}",
            crate::disk::advice(io)
        ),
        sled::Error::Corruption { .. } => "the database is damaged (its files do not read back as they were written): restore it from a backup (daleel restore FILE), or start a new data folder and import the latest bundles from the other laptops (docs/recovery.md)".into(),
        other => format!(
            "the database could not be read or written ({other}): see docs/recovery.md (restore from a backup, or re-import bundles)"
        ),
    }
}
