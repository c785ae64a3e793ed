//! Core errors in the screens' language. The core returns typed errors whose Display is
//! English (the command line prints it in English); the screens show them through
//! `Shown`, which maps each error they can meet to a catalog message (`err-…`) with its
//! facts as placeables. The command line says them through these too in Arabic and
//! Kurdish (`cli/errors.rs`). What a screen builds itself is already in words (`String`).

use std::io::ErrorKind;

use crate::backup::BackupError;
use crate::codec::CodecError;
use crate::i18n::{Arg, t, tr};
use crate::keyring::KeyringError;
use crate::model::ReferralStatus;
use crate::model::card::CardError;
use crate::model::referral::MoveError;
use crate::model::text::{Hidden, HiddenKind};
use crate::store::merge::TypedValueError;
use crate::store::seal::SealError;
use crate::store::team::Forbidden;
use crate::store::{DatabaseKind, NameOf, Pass, StoreError};
use crate::sync::bundle::BundleError;
use crate::sync::enrol::{TeamOpError, TeamText};
use crate::sync::export::SyncError;
use crate::sync::handoff::HandoffError;
use crate::sync::identity::IdentityError;
use crate::sync::import::{ImportError, KindMismatch};
use crate::sync::team::{TeamError, TeamKeyError};
use crate::tui::labels;
use crate::workspace::WorkspaceError;

/// What the screens say about a failure, in the current language.
pub trait Shown {
    fn shown(&self) -> String;
}

/// A message already in words (from the catalog, or built by the screen).
impl Shown for String {
    fn shown(&self) -> String {
        self.clone()
    }
}

impl Shown for &String {
    fn shown(&self) -> String {
        (*self).clone()
    }
}

impl Shown for &str {
    fn shown(&self) -> String {
        (*self).to_string()
    }
}

/// Each core error the screens meet, through its function below.
macro_rules! shown_by {
    ($($error:ty => $message:ident),* $(,)?) => {
        $(impl Shown for $error {
            fn shown(&self) -> String {
                $message(self)
            }
        })*
    };
}

shown_by! {
    StoreError => store_message,
    MoveError => move_message,
    TeamOpError => team_op_message,
    TeamError => team_message,
    TeamKeyError => team_key_message,
    WorkspaceError => workspace_message,
    SyncError => sync_message,
    ImportError => import_message,
    BundleError => bundle_message,
    HandoffError => handoff_message,
    BackupError => backup_message,
    CardError => card_message,
    IdentityError => identity_message,
    KeyringError => keyring_message,
    TypedValueError => typed_value_message,
    CodecError => codec_message,
    std::io::Error => io_message,
}

/// What to tell a person when a read or a write fails (the screens' `disk::advice`).
pub fn io_message(e: &std::io::Error) -> String {
    if crate::disk::is_not_regular(e) {
        return t("err-not-regular");
    }
    let id = match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "err-disk-full",
        ErrorKind::ReadOnlyFilesystem => "err-disk-read-only",
        ErrorKind::PermissionDenied => "err-disk-denied",
        ErrorKind::NotFound => "err-disk-not-found",
        ErrorKind::FileTooLarge => "err-disk-file-too-large",
        ErrorKind::UnexpectedEof => "err-disk-cut-short",
        _ => "err-disk-other",
    };
    tr(id, &[("error", Arg::Str(&e.to_string()))])
}

/// "holds a line break (U+000A, character 5)", in words.
fn hidden_message(id: &str, h: &Hidden) -> String {
    let what = t(match h.kind {
        HiddenKind::DirectionControl => "hidden-direction-control",
        HiddenKind::LineBreak => "hidden-line-break",
        HiddenKind::Control => "hidden-control",
    });
    tr(
        id,
        &[
            ("what", Arg::Str(&what)),
            ("code", Arg::Str(&h.code_point())),
            ("at", Arg::Num(h.at as i64)),
        ],
    )
}

fn path_and_error(id: &str, path: &std::path::Path, e: &std::io::Error) -> String {
    tr(
        id,
        &[
            ("file", Arg::Str(&crate::disk::shown(path))),
            ("error", Arg::Str(&io_message(e))),
        ],
    )
}

fn num<T: TryInto<i64>>(n: T) -> Arg<'static> {
    Arg::Num(n.try_into().unwrap_or(i64::MAX))
}

/// The database's own failure, in words.
fn sled_message(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) => tr("err-database-io", &[("error", Arg::Str(&io_message(io)))]),
        sled::Error::Corruption { .. } => t("err-database-damaged"),
        sled::Error::CollectionNotFound(_)
        | sled::Error::Unsupported(_)
        | sled::Error::ReportableBug(_) => {
            tr("err-database-other", &[("error", Arg::Str(&e.to_string()))])
        }
    }
}

/// What is wrong with a value that does not encode or decode, in words (a part of a
/// sentence: the messages that name the value put it after a colon).
pub fn codec_message(e: &CodecError) -> String {
    match e {
        CodecError::Empty => t("err-codec-empty"),
        CodecError::UnknownVersion { found, known } => tr(
            "err-codec-version",
            &[("found", num(*found)), ("known", num(*known))],
        ),
        CodecError::Decode(detail) => tr("err-codec-decode", &[("error", Arg::Str(detail))]),
        CodecError::TrailingBytes(n) => tr("err-codec-trailing", &[("count", num(*n))]),
        CodecError::Encode(detail) => tr("err-codec-encode", &[("error", Arg::Str(detail))]),
        CodecError::NotShortest => t("err-codec-not-shortest"),
    }
}

/// A value of its own that could not be written or read, as a whole sentence.
fn codec_sentence(e: &CodecError) -> String {
    tr("err-codec", &[("error", Arg::Str(&codec_message(e)))])
}

/// A store error in words.
pub fn store_message(e: &StoreError) -> String {
    use StoreError as E;
    match e {
        E::Sled(e) => sled_message(e),
        E::Codec(c) => tr(
            "err-stored-damaged",
            &[("error", Arg::Str(&codec_message(c)))],
        ),
        E::HiddenInName { what, hidden } => hidden_message(
            match what {
                NameOf::Device => "err-hidden-device-name",
                NameOf::Worker => "err-hidden-worker-name",
            },
            hidden,
        ),
        E::WorkerNameLength { max } => tr("err-worker-name-length", &[("max", num(*max))]),
        E::NotEmpty { households } => tr("err-not-empty", &[("count", num(*households))]),
        E::RealRecords => t("err-real-records"),
        E::MakeFolder { path, source } => path_and_error("err-make-folder", path, source),
        E::Write { path, source } => path_and_error("err-write", path, source),
        E::AuditHead { path, source } => path_and_error("err-audit-head", path, source),
        E::Csv(c) => tr("err-csv", &[("error", Arg::Str(&c.to_string()))]),
        E::Workbook(w) => tr("err-workbook", &[("error", Arg::Str(w))]),
        E::Interrupted(pass) => t(match pass {
            Pass::Import => "err-interrupted-import",
            Pass::Handoff => "err-interrupted-handoff",
            Pass::Refold => "err-interrupted-refold",
        }),
        E::UnknownField { kind, field } => tr(
            "err-unknown-field",
            &[("kind", Arg::Str(kind)), ("field", Arg::Str(field))],
        ),
        E::NoField { kind, position } => tr(
            "err-no-field",
            &[("kind", Arg::Str(kind)), ("position", num(*position))],
        ),
        E::UnknownKind { tag } => tr("err-unknown-kind", &[("tag", num(*tag))]),
        E::StagedDamaged => t("err-staged-damaged"),
        E::ChangeTooLarge => t("err-change-too-large"),
        E::DamagedKey { tree } => tr("err-damaged-key", &[("tree", Arg::Str(tree))]),
        E::OwnChange => t("err-own-change"),
        E::HashMismatch => t("err-hash-mismatch"),
        E::LogGap { device, first } => tr(
            "err-log-gap",
            &[("device", Arg::Str(device)), ("first", num(*first))],
        ),
        E::OtherTeam { name, fingerprint } => tr(
            "err-other-team",
            &[("team", Arg::Str(name)), ("key", Arg::Str(fingerprint))],
        ),
        E::ErasureEmpty => t("err-erasure-empty"),
        E::ErasureOfOthers => t("err-erasure-of-others"),
        E::ErasureNotWritten => t("err-erasure-not-written"),
        E::Erased => t("err-erased"),
        E::ErasedAlready { case_code } => {
            tr("err-erased-already", &[("code", Arg::Str(case_code))])
        }
        E::ErasedNotDropped => t("err-erased-not-dropped"),
        E::OwnCard => t("err-own-card"),
        E::CodeClash {
            code,
            fingerprint,
            other_code,
            other_fingerprint,
        } => tr(
            "err-code-clash",
            &[
                ("code", Arg::Str(code)),
                ("fingerprint", Arg::Str(fingerprint)),
                ("other_code", Arg::Str(other_code)),
                ("other_fingerprint", Arg::Str(other_fingerprint)),
            ],
        ),
        E::CodeOfThisLaptop { code, fingerprint } => tr(
            "err-code-of-this-laptop",
            &[
                ("code", Arg::Str(code)),
                ("fingerprint", Arg::Str(fingerprint)),
            ],
        ),
        E::NotTrusted { fingerprint } => {
            tr("err-not-trusted", &[("fingerprint", Arg::Str(fingerprint))])
        }
        E::Move(m) => move_message(m),
        E::NotFound { kind, id } => tr(
            "err-not-found",
            &[("kind", Arg::Str(kind)), ("id", Arg::Str(id))],
        ),
        E::Stale { now } => tr(
            "err-stale",
            &[("status", Arg::Str(&labels::referral_status(*now)))],
        ),
        E::TooNew { found, known } => tr(
            "err-too-new",
            &[("found", num(*found)), ("known", num(*known))],
        ),
        E::Locked => t("err-locked"),
        E::ForeignKey => t("err-foreign-key"),
        E::Sealed(SealError::Short) => t("err-sealed-short"),
        E::Sealed(SealError::Tampered) => t("err-sealed-tampered"),
        E::NotAllowed(f) => forbidden_message(f),
        E::Pair(p) => pair_message(p),
    }
}

/// Why a decision about likely duplicates was refused, in words.
fn pair_message(p: &crate::store::duplicates::PairRefusal) -> String {
    use crate::store::duplicates::PairRefusal as P;
    match p {
        P::Same => t("err-pair-same"),
        P::Merged { case_code, into } => tr(
            "err-pair-merged",
            &[("code", Arg::Str(case_code)), ("into", Arg::Str(into))],
        ),
        P::Closed { case_code } => tr("err-pair-closed", &[("code", Arg::Str(case_code))]),
    }
}

/// Why this laptop's role does not allow a change, in words.
fn forbidden_message(f: &Forbidden) -> String {
    let with_role = |id: &str, role| tr(id, &[("role", Arg::Str(&labels::role(role)))]);
    match *f {
        Forbidden::Revoked => t("err-forbidden-revoked"),
        Forbidden::Sensitive => t("err-forbidden-sensitive"),
        Forbidden::Directory { role } => with_role("err-forbidden-directory", role),
        Forbidden::Resolve { role } => with_role("err-forbidden-resolve", role),
        Forbidden::Duplicates { role } => with_role("err-forbidden-duplicates", role),
        Forbidden::PartnerStep { role } => with_role("err-forbidden-partner-step", role),
        Forbidden::Partner { role } => with_role("err-forbidden-partner", role),
    }
}

/// "x, y or z", in words.
fn statuses(list: &[ReferralStatus]) -> String {
    let names: Vec<String> = list.iter().map(|s| labels::referral_status(*s)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => tr(
            "list-or",
            &[
                ("items", Arg::Str(&init.join(&t("list-separator")))),
                ("last", Arg::Str(last)),
            ],
        ),
    }
}

/// Why a referral cannot move, in words.
pub fn move_message(e: &MoveError) -> String {
    let status = |s: ReferralStatus| labels::referral_status(s);
    match e {
        MoveError::Final { from } => tr("err-move-final", &[("from", Arg::Str(&status(*from)))]),
        MoveError::NotAllowed { from, to, .. } => tr(
            "err-move-not-allowed",
            &[
                ("from", Arg::Str(&status(*from))),
                ("to", Arg::Str(&status(*to))),
                ("allowed", Arg::Str(&statuses(from.allowed_next()))),
            ],
        ),
        MoveError::NoConsent => t("err-move-no-consent"),
        MoveError::ReasonRequired { to } => tr(
            "err-move-reason-required",
            &[("to", Arg::Str(&status(*to)))],
        ),
        MoveError::OutcomeRequired => t("err-move-outcome-required"),
        MoveError::Disclosure => t("err-move-disclosure"),
        MoveError::Stale { now } => tr("err-stale", &[("status", Arg::Str(&status(*now)))]),
        MoveError::HiddenText { field, why } => hidden_message(
            if *field == "note" {
                "err-hidden-note"
            } else {
                "err-hidden-reason"
            },
            why,
        ),
    }
}

/// A team statement or file that does not read, in words.
pub fn team_message(e: &TeamError) -> String {
    match e {
        TeamError::TooLarge { .. } | TeamError::FileTooLarge { .. } => t("err-team-too-large"),
        TeamError::NotATeamFile => t("err-team-not-a-file"),
        TeamError::CutShort | TeamError::LengthMismatch => t("err-team-cut-short"),
        TeamError::TooManyStatements { max } => tr("err-team-too-many", &[("max", num(*max))]),
        TeamError::Codec(c) => tr(
            "err-team-damaged",
            &[("error", Arg::Str(&codec_message(c)))],
        ),
        TeamError::BadSignature => t("err-team-bad-signature"),
    }
}

/// A saved team key that does not open, in words.
pub fn team_key_message(e: &TeamKeyError) -> String {
    t(match e {
        TeamKeyError::TooLarge | TeamKeyError::NotAgeFile | TeamKeyError::NotATeamKey => {
            "err-team-key-not-a-key"
        }
        TeamKeyError::WrongPassphrase => "err-team-key-passphrase",
        TeamKeyError::Damaged => "err-team-key-damaged",
    })
}

fn file(path: &std::path::Path) -> String {
    crate::disk::shown(path)
}

/// Which message says that a text of a team's holds a hidden character: typed here
/// (`in_file` false), or read from a team file another laptop wrote.
fn team_text_hidden(what: TeamText, in_file: bool) -> &'static str {
    match (what, in_file) {
        (TeamText::TeamName, false) => "err-hidden-team-name",
        (TeamText::Organization | TeamText::CertificateOrg, false) => "err-hidden-organization",
        (TeamText::CertificateName, false) => "err-hidden-device-name",
        (TeamText::TeamName, true) => "err-hidden-file-team-name",
        (TeamText::Organization | TeamText::CertificateOrg, true) => "err-hidden-file-cert-org",
        (TeamText::CertificateName, true) => "err-hidden-file-cert-name",
    }
}

/// Why a team action (the Sync screen's Team items) did nothing, in words.
pub fn team_op_message(e: &TeamOpError) -> String {
    use TeamOpError as E;
    match e {
        E::TeamNameLength => t("err-team-name-length"),
        E::Hidden { what, hidden } => hidden_message(team_text_hidden(*what, false), hidden),
        E::OtherTeam { name, fingerprint } => tr(
            "err-other-team",
            &[("team", Arg::Str(name)), ("key", Arg::Str(fingerprint))],
        ),
        E::KeyOfOtherTeam { current } => {
            tr("err-key-of-other-team", &[("team", Arg::Str(current))])
        }
        E::NoTeam => t("err-no-team"),
        E::NoTeamYet => t("err-no-team-yet"),
        E::NoTeamKey => t("err-no-team-key"),
        E::SealKey(io) => tr("err-seal-key", &[("error", Arg::Str(&io_message(io)))]),
        E::Card(c) => card_message(c),
        E::NotAuthority => t("err-not-authority"),
        E::OldRequest => t("err-old-request"),
        E::Revoked => t("err-revoked-device"),
        E::NoOrg => t("problem-approve-org"),
        E::UnknownOrg { org } => tr("err-unknown-org", &[("org", Arg::Str(org))]),
        E::Expired => t("problem-approve-date"),
        E::File(f) => team_message(f),
        E::OtherDevice { certified, this } => tr(
            "err-other-device",
            &[("certified", Arg::Str(certified)), ("this", Arg::Str(this))],
        ),
        E::NoCertificate => t("err-no-certificate"),
        E::HiddenInFile { what, hidden } => hidden_message(team_text_hidden(*what, true), hidden),
        E::RevokeSelf => t("err-revoke-self"),
        E::NothingHeld => t("err-nothing-held"),
        E::Store(s) => store_message(s),
        E::Identity(i) => identity_message(i),
        E::Codec(c) => codec_sentence(c),
        E::TeamKey(k) => team_key_message(k),
    }
}

/// An identity card that was refused, in words.
pub fn card_message(e: &CardError) -> String {
    match e {
        CardError::NotACard => t("err-card-not-a-card"),
        CardError::TooLarge(bytes) => tr("err-card-too-large", &[("bytes", num(*bytes))]),
        CardError::Damaged(detail) => tr("err-card-damaged", &[("error", Arg::Str(detail))]),
        CardError::BadSignature => t("err-card-bad-signature"),
        CardError::HiddenCharacters(hidden) => hidden_message("err-card-hidden", hidden),
    }
}

/// This laptop's device key that did not read or write, in words.
pub fn identity_message(e: &IdentityError) -> String {
    match e {
        IdentityError::Read { path, source } => path_and_error("err-device-key-read", path, source),
        IdentityError::Write { path, source } => {
            path_and_error("err-device-key-write", path, source)
        }
        IdentityError::Damaged { path } => {
            tr("err-device-key-damaged", &[("file", Arg::Str(&file(path)))])
        }
    }
}

/// The workers' keyring, in words.
pub fn keyring_message(e: &KeyringError) -> String {
    match e {
        KeyringError::WrongPassphrase => t("err-keyring-wrong-passphrase"),
        KeyringError::WhichWorker => t("err-keyring-which-worker"),
        KeyringError::Exists(name) => tr("err-keyring-exists", &[("name", Arg::Str(name))]),
        KeyringError::NoSuchWorker => t("err-keyring-no-such-worker"),
        KeyringError::LastWorker => t("err-keyring-last-worker"),
        KeyringError::Weak(weakness) => weakness.message(),
        KeyringError::NoName => t("err-keyring-no-name"),
        KeyringError::Damaged => t("err-keyring-damaged"),
        KeyringError::OldSlots(names) => tr("err-keyring-old-slots", &[("names", Arg::Str(names))]),
        KeyringError::Sled(s) => sled_message(s),
    }
}

/// Opening the data folder, the workers and a re-key, in words.
pub fn workspace_message(e: &WorkspaceError) -> String {
    use WorkspaceError as E;
    match e {
        E::Locked { dir } => tr("err-workspace-locked", &[("file", Arg::Str(&file(dir)))]),
        E::Dir { dir, source } => path_and_error("err-data-folder", dir, source),
        E::Identity(i) => identity_message(i),
        E::Store(s) => store_message(s),
        E::Keyring(k) => keyring_message(k),
        E::NeedsFirstWorker => tr(
            "err-needs-first-worker",
            &[("min", num(crate::keyring::MIN_PASSPHRASE))],
        ),
        E::NeedsPassphrase => t("err-needs-passphrase"),
        E::NotEncrypted => t("err-not-encrypted"),
        E::RemoveSelf => t("err-remove-self"),
        E::Busy => t("err-busy"),
        E::Backup(b) => backup_message(b),
        E::NotCertified(op) => tr(
            "err-not-certified",
            &[("error", Arg::Str(&team_op_message(op)))],
        ),
    }
}

/// Writing a bundle, in words.
pub fn sync_message(e: &SyncError) -> String {
    match e {
        SyncError::Store(s) => store_message(s),
        SyncError::Handoff(h) => handoff_message(h),
        SyncError::NotAFolder { path } => {
            tr("err-not-a-folder", &[("file", Arg::Str(&file(path)))])
        }
        SyncError::NoReceiver => t("err-no-receiver"),
        SyncError::Write { path, source } => path_and_error("err-write", path, source),
    }
}

/// Writing a hand-off for a partner organization, in words.
pub fn handoff_message(e: &HandoffError) -> String {
    match e {
        HandoffError::NoTeam => t("err-handoff-no-team"),
        HandoffError::NotCoordinator => t("err-handoff-not-coordinator"),
        HandoffError::NoOrganization { name } => {
            tr("err-no-organization", &[("org", Arg::Str(name))])
        }
        HandoffError::NoPartnerDevice { org } => {
            tr("err-no-partner-device", &[("org", Arg::Str(org))])
        }
        HandoffError::Encrypt(a) => tr(
            "err-handoff-encrypt",
            &[("error", Arg::Str(&a.to_string()))],
        ),
    }
}

/// A bundle or a hand-off that was not imported, in words.
pub fn import_message(e: &ImportError) -> String {
    match e {
        ImportError::Bundle(b) => bundle_message(b),
        ImportError::Store(s) => store_message(s),
        ImportError::Read(io) => tr("err-import-read", &[("error", Arg::Str(&io_message(io)))]),
        ImportError::Kind(KindMismatch::Bundle { here, .. }) => t(match here {
            DatabaseKind::Demo => "err-import-real-into-demo",
            DatabaseKind::Real => "err-import-demo-into-real",
        }),
        ImportError::Kind(KindMismatch::Handoff) => t("err-handoff-other-kind"),
        ImportError::OlderHandoff => t("err-handoff-older"),
        ImportError::NotPartner => t("err-not-partner"),
    }
}

/// A bundle that was refused, in words.
pub fn bundle_message(e: &BundleError) -> String {
    let sender = |id: &str, code: &str, fingerprint: &str| {
        tr(
            id,
            &[
                ("code", Arg::Str(code)),
                ("fingerprint", Arg::Str(fingerprint)),
            ],
        )
    };
    match e {
        BundleError::NotABundle => t("err-bundle-not-a-bundle"),
        BundleError::TooNew { found } => tr(
            "err-bundle-too-new",
            &[
                ("found", num(*found)),
                ("known", num(crate::sync::bundle::CONTAINER_VERSION)),
            ],
        ),
        BundleError::Truncated => t("err-bundle-truncated"),
        BundleError::Damaged(detail) => tr("err-bundle-damaged", &[("error", Arg::Str(detail))]),
        BundleError::OverLimit { claimed, limit, .. } => tr(
            "err-bundle-over-limit",
            &[("claimed", num(*claimed)), ("limit", num(*limit))],
        ),
        BundleError::NotTrusted { code, fingerprint } => {
            sender("err-bundle-not-trusted", code, fingerprint)
        }
        BundleError::BadSignature => t("err-bundle-bad-signature"),
        BundleError::BadSegment { code, fingerprint } => {
            sender("err-bundle-bad-segment", code, fingerprint)
        }
        BundleError::NotForMe { code, fingerprint } => {
            sender("err-bundle-not-for-me", code, fingerprint)
        }
    }
}

/// A backup that was not written or not restored, in words.
pub fn backup_message(e: &BackupError) -> String {
    use BackupError as E;
    let at = |id: &str, path: &std::path::Path| tr(id, &[("file", Arg::Str(&file(path)))]);
    match e {
        E::NotABackup { path } => tr(
            "err-backup-not-a-backup",
            &[
                ("file", Arg::Str(&file(path))),
                ("ext", Arg::Str(crate::backup::EXTENSION)),
            ],
        ),
        E::TooNew { path, found } => tr(
            "err-backup-too-new",
            &[
                ("file", Arg::Str(&file(path))),
                ("found", num(*found)),
                ("known", num(crate::backup::FORMAT)),
            ],
        ),
        E::Damaged { path, what } => tr(
            "err-backup-damaged",
            &[("file", Arg::Str(&file(path))), ("error", Arg::Str(what))],
        ),
        E::Incomplete { path } => at("err-backup-incomplete", path),
        E::NotEncrypted => t("err-backup-not-encrypted"),
        E::NotAFolder { path } => at("err-backup-not-a-folder", path),
        E::Write { path, source } => path_and_error("err-backup-write", path, source),
        E::Read { path, source } => path_and_error("err-backup-read", path, source),
        E::Build { dir, source } => path_and_error("err-backup-build", dir, source),
        E::Keyring(k) => keyring_message(k),
        E::Store(s) => store_message(s),
    }
}

/// Why a typed value does not resolve a conflict (the Queue's pop-up), in words.
pub fn typed_value_message(e: &TypedValueError) -> String {
    match e {
        TypedValueError::NotText => t("err-typed-not-text"),
        TypedValueError::Gone { kind } => tr("err-typed-gone", &[("kind", Arg::Str(kind))]),
        TypedValueError::Refused(problem) => t(refused_value(problem)),
        TypedValueError::Store(s) => store_message(s),
        TypedValueError::Codec(c) => codec_sentence(c),
    }
}

/// The message for a record's rule that refuses a typed value: by the field it is about
/// (the fields a value may be typed for, `Entity::TYPED`); the text rule (`model::text`)
/// for any of them.
fn refused_value(problem: &crate::model::Problem) -> &'static str {
    if problem.message.contains(crate::model::text::ADVICE) {
        return "problem-hidden-characters";
    }
    match problem.field.as_str() {
        "phone" => "err-typed-phone",
        "description" => "err-typed-description",
        "reason" => "problem-reason",
        "name" => "problem-org-name",
        _ => "err-typed-refused",
    }
}

#[cfg(test)]
mod tests;
