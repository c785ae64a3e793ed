//! Core errors in the screens' language. The core returns typed errors whose Display is
//! English (the command line prints it); the screens show them through `Shown`, which
//! maps each error they can meet to a catalog message (`err-…`) with its facts as
//! placeables. What a screen builds itself is already in words (`String`).

use std::io::ErrorKind;

use crate::i18n::{Arg, t, tr};
use crate::model::ReferralStatus;
use crate::model::referral::MoveError;
use crate::model::text::{Hidden, HiddenKind};
use crate::store::seal::SealError;
use crate::store::team::Forbidden;
use crate::store::{NameOf, Pass, StoreError};
use crate::sync::enrol::TeamOpError;
use crate::sync::team::{TeamError, TeamKeyError};
use crate::tui::labels;

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

impl Shown for StoreError {
    fn shown(&self) -> String {
        store_message(self)
    }
}

impl Shown for MoveError {
    fn shown(&self) -> String {
        move_message(self)
    }
}

impl Shown for TeamOpError {
    fn shown(&self) -> String {
        match self {
            TeamOpError::Store(e) => store_message(e),
            TeamOpError::TeamKey(e) => team_key_message(e),
            other => other.to_string(),
        }
    }
}

impl Shown for TeamError {
    fn shown(&self) -> String {
        team_message(self)
    }
}

impl Shown for crate::workspace::WorkspaceError {
    fn shown(&self) -> String {
        match self {
            crate::workspace::WorkspaceError::Store(e) => store_message(e),
            other => other.to_string(),
        }
    }
}

impl Shown for crate::sync::export::SyncError {
    fn shown(&self) -> String {
        match self {
            crate::sync::export::SyncError::Store(e) => store_message(e),
            crate::sync::export::SyncError::Write { path, source } => tr(
                "err-write",
                &[
                    ("file", Arg::Str(&crate::disk::shown(path))),
                    ("error", Arg::Str(&io_message(source))),
                ],
            ),
            other => other.to_string(),
        }
    }
}

impl Shown for crate::sync::import::ImportError {
    fn shown(&self) -> String {
        match self {
            crate::sync::import::ImportError::Store(e) => store_message(e),
            other => other.to_string(),
        }
    }
}

impl Shown for crate::backup::BackupError {
    fn shown(&self) -> String {
        match self {
            crate::backup::BackupError::Store(e) => store_message(e),
            other => other.to_string(),
        }
    }
}

/// Its English text, for now (the card types are moving to the model).
impl Shown for crate::sync::card::CardError {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl Shown for std::io::Error {
    fn shown(&self) -> String {
        io_message(self)
    }
}

/// What to tell a person when a read or a write fails (the screens' `disk::advice`).
pub fn io_message(e: &std::io::Error) -> String {
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

/// A store error in words.
pub fn store_message(e: &StoreError) -> String {
    use StoreError as E;
    match e {
        E::Sled(sled::Error::Io(io)) => {
            tr("err-database-io", &[("error", Arg::Str(&io_message(io)))])
        }
        E::Sled(sled::Error::Corruption { .. }) => t("err-database-damaged"),
        E::Sled(other) => tr(
            "err-database-other",
            &[("error", Arg::Str(&other.to_string()))],
        ),
        E::Codec(c) => tr("err-stored-damaged", &[("error", Arg::Str(&c.to_string()))]),
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
        TeamError::Codec(c) => tr("err-team-damaged", &[("error", Arg::Str(&c.to_string()))]),
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

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, tr_in};

    /// Every message this file names is in the catalog (the catalog test checks the
    /// other languages have it too, with the same placeables).
    #[test]
    fn every_error_message_exists() {
        let source = include_str!("errors.rs");
        let mut missing = Vec::new();
        for part in source.split('"').skip(1).step_by(2) {
            if (part.starts_with("err-")
                || part.starts_with("hidden-")
                || part.starts_with("list-"))
                && !part.ends_with('-')
                && !crate::i18n::has(part)
            {
                missing.push(part.to_string());
            }
        }
        assert!(missing.is_empty(), "missing from en.ftl: {missing:?}");
        assert_ne!(
            tr_in(Lang::Ar, "err-erased", &[]),
            tr_in(Lang::En, "err-erased", &[])
        );
    }
}
