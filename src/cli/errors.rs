//! The core's errors in the command line's language (issue 17).
//!
//! - **English**: the error's own message (its `Display`), as the command line always
//!   printed it: written for the command line, it names the flag or the command to use.
//! - **Arabic and Kurdish**: the message the screens show (`tui::errors::Shown`, the
//!   `err-…` messages of the catalogs), so that one mapping serves both fronts; except
//!   where the screens' advice is a key or a menu (F8, F9) or where the command line's
//!   advice is a flag (`--passphrase-file`, `--data-dir`): those get a `cli-err-…`
//!   message here that names it. The errors only the command line meets (config.toml, a
//!   file of services or households, a gazetteer, a map, `--by`) have `cli-err-…`
//!   messages of their own here.
//!
//! `Failure::from` takes any error that is `Said`, so a new error type that reaches a
//! command through `?` does not compile until it says what it is in the three languages.

use crate::config::ConfigError;
use crate::i18n::{Arg, Lang, language, t, tr};
use crate::keyring::KeyringError;
use crate::model::gazetteer::{GazetteerError, RowFault};
use crate::store::StoreError;
use crate::sync::bundle::BundleError;
use crate::sync::enrol::TeamOpError;
use crate::sync::export::SyncError;
use crate::sync::handoff::HandoffError;
use crate::tui::errors::{self as shown, Shown};
use crate::workspace::WorkspaceError;

/// An error in the language of the command line.
pub trait Said {
    fn said(&self) -> String;
}

/// Whether the command line speaks English (the core's own messages).
fn english() -> bool {
    language() == Lang::En
}

/// Each error: in English its own message, else what `$words` says.
macro_rules! said_by {
    ($($error:ty => $words:expr),* $(,)?) => {
        $(impl Said for $error {
            fn said(&self) -> String {
                if english() {
                    self.to_string()
                } else {
                    ($words)(self)
                }
            }
        })*
    };
}

said_by! {
    StoreError => store,
    WorkspaceError => workspace,
    KeyringError => keyring,
    TeamOpError => team_op,
    SyncError => sync,
    HandoffError => handoff,
    crate::sync::import::ImportError => sync_import,
    BundleError => bundle,
    crate::backup::BackupError => backup,
    crate::model::referral::MoveError => |e: &crate::model::referral::MoveError| e.shown(),
    crate::model::card::CardError => |e: &crate::model::card::CardError| e.shown(),
    crate::sync::identity::IdentityError => |e: &crate::sync::identity::IdentityError| e.shown(),
    crate::sync::team::TeamError => |e: &crate::sync::team::TeamError| e.shown(),
    crate::sync::team::TeamKeyError => |e: &crate::sync::team::TeamKeyError| e.shown(),
    crate::codec::CodecError => |e: &crate::codec::CodecError| e.shown(),
    std::io::Error => |e: &std::io::Error| e.shown(),
    ConfigError => config,
    crate::directory::ImportError => directory,
    crate::intake::ImportError => intake,
    crate::intake::MapError => map,
    crate::report::summary::ByError => by,
    GazetteerError => gazetteer,
    serde_json::Error => |e: &serde_json::Error| tr("cli-err-json", &[("error", Arg::Str(&e.to_string()))]),
}

/// What to tell a person when a read or a write fails, in the command line's language
/// (`disk::advice` in English).
pub fn advice(e: &std::io::Error) -> String {
    if english() {
        crate::disk::advice(e)
    } else {
        shown::io_message(e)
    }
}

fn file(path: &std::path::Path) -> String {
    crate::disk::shown(path)
}

fn num<T: TryInto<i64>>(n: T) -> Arg<'static> {
    Arg::Num(n.try_into().unwrap_or(i64::MAX))
}

fn store(e: &StoreError) -> String {
    match e {
        StoreError::NotEmpty { households } => {
            tr("cli-err-not-empty", &[("count", num(*households))])
        }
        StoreError::RealRecords => t("cli-err-real-records"),
        StoreError::LogGap { device, first } => tr(
            "cli-err-log-gap",
            &[("device", Arg::Str(device)), ("first", num(*first))],
        ),
        StoreError::NotTrusted { fingerprint } => tr(
            "cli-err-not-trusted",
            &[("fingerprint", Arg::Str(fingerprint))],
        ),
        StoreError::Locked => t("cli-err-open-elsewhere"),
        other => shown::store_message(other),
    }
}

fn workspace(e: &WorkspaceError) -> String {
    match e {
        WorkspaceError::Locked { dir } => tr("cli-err-locked", &[("folder", Arg::Str(&file(dir)))]),
        WorkspaceError::Dir { dir, source } => tr(
            "cli-err-data-folder",
            &[
                ("folder", Arg::Str(&file(dir))),
                ("error", Arg::Str(&shown::io_message(source))),
            ],
        ),
        WorkspaceError::NeedsFirstWorker => tr(
            "cli-err-needs-first-worker",
            &[("min", num(crate::keyring::MIN_PASSPHRASE))],
        ),
        WorkspaceError::NeedsPassphrase => t("cli-err-needs-passphrase"),
        WorkspaceError::Store(s) => store(s),
        WorkspaceError::Keyring(k) => keyring(k),
        WorkspaceError::Backup(b) => backup(b),
        other => shown::workspace_message(other),
    }
}

fn keyring(e: &KeyringError) -> String {
    match e {
        KeyringError::WhichWorker => t("cli-err-which-worker"),
        KeyringError::OldSlots(names) => tr("cli-err-old-slots", &[("names", Arg::Str(names))]),
        other => shown::keyring_message(other),
    }
}

fn team_op(e: &TeamOpError) -> String {
    match e {
        TeamOpError::NoTeamYet => t("cli-err-no-team-yet"),
        TeamOpError::NoOrg => t("cli-err-no-org"),
        TeamOpError::NothingHeld => t("cli-err-nothing-held"),
        TeamOpError::Store(s) => store(s),
        other => shown::team_op_message(other),
    }
}

fn sync(e: &SyncError) -> String {
    match e {
        SyncError::NotAFolder { path } => tr(
            "cli-err-bundle-folder",
            &[("folder", Arg::Str(&file(path)))],
        ),
        SyncError::NoReceiver => t("cli-err-no-receiver"),
        SyncError::Store(s) => store(s),
        SyncError::Handoff(h) => handoff(h),
        other => shown::sync_message(other),
    }
}

fn handoff(e: &HandoffError) -> String {
    match e {
        HandoffError::NoPartnerDevice { org } => {
            tr("cli-err-no-partner-device", &[("org", Arg::Str(org))])
        }
        other => shown::handoff_message(other),
    }
}

fn sync_import(e: &crate::sync::import::ImportError) -> String {
    use crate::sync::import::ImportError as E;
    match e {
        E::Bundle(b) => bundle(b),
        E::Store(s) => store(s),
        other => shown::import_message(other),
    }
}

fn bundle(e: &BundleError) -> String {
    match e {
        BundleError::NotTrusted { code, fingerprint } => tr(
            "cli-err-sender-not-trusted",
            &[
                ("code", Arg::Str(code)),
                ("fingerprint", Arg::Str(fingerprint)),
            ],
        ),
        other => shown::bundle_message(other),
    }
}

fn backup(e: &crate::backup::BackupError) -> String {
    use crate::backup::BackupError as E;
    match e {
        E::NotABackup { path } => tr(
            "cli-err-not-a-backup",
            &[
                ("file", Arg::Str(&file(path))),
                ("ext", Arg::Str(crate::backup::EXTENSION)),
            ],
        ),
        E::Store(s) => store(s),
        E::Keyring(k) => keyring(k),
        other => shown::backup_message(other),
    }
}

fn config(e: &ConfigError) -> String {
    match e {
        ConfigError::Invalid {
            path,
            line,
            message,
        } => tr(
            "cli-err-config",
            &[
                ("file", Arg::Str(&file(path))),
                ("line", num(*line)),
                ("error", Arg::Str(message)),
            ],
        ),
        ConfigError::Read { path, source } => tr(
            "cli-err-config-read",
            &[
                ("file", Arg::Str(&file(path))),
                ("error", Arg::Str(&shown::io_message(source))),
            ],
        ),
    }
}

/// A fact of a file: its name, and one more.
fn at(id: &str, path: &str) -> String {
    tr(id, &[("file", Arg::Str(path))])
}

fn directory(e: &crate::directory::ImportError) -> String {
    use crate::directory::ImportError as E;
    match e {
        E::NoSuchFile { path } => at("cli-err-no-such-file", path),
        E::TooLarge { path, limit_mib } => tr(
            "cli-err-directory-too-large",
            &[("file", Arg::Str(path)), ("limit", num(*limit_mib))],
        ),
        E::TooManyValues { path, limit } => tr(
            "cli-err-directory-too-many-values",
            &[("file", Arg::Str(path)), ("limit", num(*limit))],
        ),
        E::TooManyRows { file, limit } => tr(
            "cli-err-too-many-rows",
            &[("file", Arg::Str(file)), ("limit", num(*limit))],
        ),
        E::Unreadable { path, source } => tr(
            "cli-err-unreadable",
            &[
                ("file", Arg::Str(path)),
                ("error", Arg::Str(&shown::io_message(source))),
            ],
        ),
        E::NoHeader { file, source } => tr(
            "cli-err-no-header",
            &[
                ("file", Arg::Str(file)),
                ("error", Arg::Str(&source.to_string())),
            ],
        ),
        E::Csv { file, source } => tr(
            "cli-err-csv",
            &[
                ("file", Arg::Str(file)),
                ("error", Arg::Str(&source.to_string())),
            ],
        ),
        E::NotAFolder { path } => at("cli-err-hsds-not-a-folder", path),
        E::NoServices { path } => at("cli-err-hsds-no-services", path),
        E::NotASheet { file } => at("cli-err-not-a-services-sheet", file),
        E::NotJson {
            file,
            line,
            column,
            source,
        } => tr(
            "cli-err-not-json",
            &[
                ("file", Arg::Str(file)),
                ("line", num(*line)),
                ("column", num(*column)),
                ("error", Arg::Str(&source.to_string())),
            ],
        ),
        E::NoServiceObject { file } => at("cli-err-no-service-object", file),
        E::NotText { path, why } => {
            use crate::directory::encoding::NotText as N;
            match why {
                N::Utf16 => at("cli-err-utf16", path),
                N::Workbook => at("cli-err-workbook", path),
                N::Binary => at("cli-err-binary", path),
                N::DamagedUtf8 { line } => tr(
                    "cli-err-damaged-utf8",
                    &[("file", Arg::Str(path)), ("line", num(*line))],
                ),
                N::Unknown => at("cli-err-encoding", path),
            }
        }
    }
}

fn intake(e: &crate::intake::ImportError) -> String {
    use crate::intake::ImportError as E;
    match e {
        E::NoSuchFile { path } => at("cli-err-no-such-file", path),
        E::TooLarge { path, limit_mib } => tr(
            "cli-err-list-too-large",
            &[("file", Arg::Str(path)), ("limit", num(*limit_mib))],
        ),
        E::Unreadable { path, reason } => tr(
            "cli-err-unreadable",
            &[("file", Arg::Str(path)), ("error", Arg::Str(reason))],
        ),
        E::Workbook { path, .. } => at("cli-err-workbook", path),
        E::NotCsv { path } => at("cli-err-not-csv", path),
        E::Utf16 { path } => at("cli-err-utf16", path),
        E::Binary { path } => at("cli-err-binary", path),
        E::DamagedUtf8 { path, line } => tr(
            "cli-err-damaged-utf8",
            &[("file", Arg::Str(path)), ("line", num(*line))],
        ),
        E::Encoding { path } => at("cli-err-encoding", path),
        E::Csv(d) => directory(d),
        E::MissingColumn { file, what } => tr(
            "cli-err-missing-column",
            &[("file", Arg::Str(file)), ("column", Arg::Str(what))],
        ),
        E::Ambiguous {
            file,
            column,
            first,
            second,
        } => tr(
            "cli-err-ambiguous-column",
            &[
                ("file", Arg::Str(file)),
                ("column", Arg::Str(column)),
                ("first", Arg::Str(first)),
                ("second", Arg::Str(second)),
            ],
        ),
    }
}

fn map(e: &crate::intake::MapError) -> String {
    use crate::intake::MapError as E;
    match e {
        E::Unreadable { path, reason } => tr(
            "cli-err-map-unreadable",
            &[("file", Arg::Str(path)), ("error", Arg::Str(reason))],
        ),
        E::Invalid {
            path,
            line,
            message,
        } => tr(
            "cli-err-map-invalid",
            &[
                ("file", Arg::Str(path)),
                ("line", num(*line)),
                ("error", Arg::Str(message)),
            ],
        ),
    }
}

fn by(e: &crate::report::summary::ByError) -> String {
    use crate::report::summary::ByError as E;
    match e {
        E::Unknown { word } => tr("cli-err-by", &[("word", Arg::Str(word))]),
    }
}

fn gazetteer(e: &GazetteerError) -> String {
    match e {
        GazetteerError::MissingColumn { column } => {
            tr("cli-err-gazetteer-column", &[("column", Arg::Str(column))])
        }
        GazetteerError::Row {
            line,
            column,
            message,
        } => tr(
            "cli-err-gazetteer-row",
            &[
                ("line", num(*line)),
                ("column", Arg::Str(column)),
                ("error", Arg::Str(&row_fault(message))),
            ],
        ),
        GazetteerError::Unreadable(detail) => tr(
            "cli-err-gazetteer-unreadable",
            &[("error", Arg::Str(detail))],
        ),
        GazetteerError::Empty => t("cli-err-gazetteer-empty"),
    }
}

fn row_fault(e: &RowFault) -> String {
    match e {
        RowFault::Unreadable(detail) => tr(
            "cli-gazetteer-unreadable-row",
            &[("error", Arg::Str(detail))],
        ),
        RowFault::Elsewhere {
            district,
            parent,
            governorate,
        } => tr(
            "cli-gazetteer-elsewhere",
            &[
                ("district", Arg::Str(district)),
                ("parent", Arg::Str(parent)),
                ("governorate", Arg::Str(governorate)),
            ],
        ),
        RowFault::UnknownParent { level, code } => tr(
            if *level == 1 {
                "cli-gazetteer-unknown-governorate"
            } else {
                "cli-gazetteer-unknown-district"
            },
            &[("code", Arg::Str(code))],
        ),
        RowFault::NotInside {
            pcode,
            parent,
            marker,
        } => tr(
            "cli-gazetteer-not-inside",
            &[
                ("code", Arg::Str(pcode)),
                ("parent", Arg::Str(parent)),
                ("marker", Arg::Str(&marker.to_string())),
            ],
        ),
        RowFault::NoEnglishName { pcode } => tr(
            "cli-gazetteer-no-english-name",
            &[("code", Arg::Str(pcode))],
        ),
        RowFault::Twice { pcode } => tr("cli-gazetteer-twice", &[("code", Arg::Str(pcode))]),
    }
}
