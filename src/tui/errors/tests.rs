//! Every family of core errors is shown from the catalogs, in the worker's language.

use std::io::{Error as IoError, ErrorKind};
use std::path::PathBuf;

use super::*;
use crate::i18n::{Lang, in_language, tr_in};
use crate::model::Problem;

/// What is left of `text` once the facts put into it (`facts`) are taken out: the
/// words of the catalog.
fn words(text: &str, facts: &[&str]) -> String {
    facts
        .iter()
        .fold(text.to_string(), |left, fact| left.replace(fact, " "))
}

/// `shown` in Arabic: from the catalog (no `[id]` of a missing message), in Arabic
/// letters, and with no ASCII letter but those of the facts it names (file names,
/// codes, the system's own error text) and of the keys it names.
#[track_caller]
fn arabic(shown: &dyn Fn() -> String, facts: &[&str]) -> String {
    let text = in_language(Lang::Ar, shown);
    assert!(!text.contains('['), "a message is missing: {text}");
    assert!(
        text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "not in Arabic: {text}"
    );
    let left = words(&text, &[facts, &["F8", "F9", "USB"]].concat());
    assert!(
        !left.chars().any(|c| c.is_ascii_alphabetic()),
        "English left in the Arabic message: {text}"
    );
    text
}

fn io(kind: ErrorKind) -> IoError {
    IoError::from(kind)
}

#[test]
fn a_card_error_is_the_catalogs_arabic() {
    let said = arabic(&|| CardError::BadSignature.shown(), &[]);
    assert_eq!(said, tr_in(Lang::Ar, "err-card-bad-signature", &[]));
    assert_ne!(said, tr_in(Lang::En, "err-card-bad-signature", &[]));
    for e in [
        CardError::NotACard,
        CardError::TooLarge(5000),
        CardError::Damaged("cut short".into()),
    ] {
        arabic(&|| e.shown(), &["cut short"]);
    }
    // The device name of a card with a line break in it: said with the character and
    // where it is, and what to do on the screens, not the command line's flag.
    let hidden = Hidden::find("CRC laptop\n3").expect("hidden");
    let e = CardError::HiddenCharacters(hidden);
    assert!(e.to_string().contains("daleel identity --name"), "{e}");
    let said = arabic(&|| e.shown(), &["U+000A"]);
    assert!(said.contains("U+000A") && said.contains("11"), "{said}");
    let english = in_language(Lang::En, || e.shown());
    assert!(
        !english.contains("daleel") && !english.contains("--"),
        "{english}"
    );
    assert!(english.contains("set a plain device name"), "{english}");
    // A card met on the way to a team: through the card's own message.
    let nested = TeamOpError::Card(CardError::BadSignature);
    assert_eq!(
        in_language(Lang::Ckb, || nested.shown()),
        tr_in(Lang::Ckb, "err-card-bad-signature", &[])
    );
}

#[test]
fn team_errors_are_shown_from_the_catalog() {
    let hidden = Hidden::find("Team\u{202E}A").expect("hidden");
    let errors = [
        TeamOpError::TeamNameLength,
        TeamOpError::Hidden {
            what: TeamText::Organization,
            hidden,
        },
        TeamOpError::OtherTeam {
            name: "Mosul".into(),
            fingerprint: "ab12".into(),
        },
        TeamOpError::KeyOfOtherTeam {
            current: "Mosul".into(),
        },
        TeamOpError::NoTeam,
        TeamOpError::NoTeamYet,
        TeamOpError::NoTeamKey,
        TeamOpError::SealKey(io(ErrorKind::StorageFull)),
        TeamOpError::NotAuthority,
        TeamOpError::OldRequest,
        TeamOpError::Revoked,
        TeamOpError::NoOrg,
        TeamOpError::UnknownOrg { org: "XYZ".into() },
        TeamOpError::Expired,
        TeamOpError::File(TeamError::BadSignature),
        TeamOpError::OtherDevice {
            certified: "cd34".into(),
            this: "ef56".into(),
        },
        TeamOpError::NoCertificate,
        TeamOpError::HiddenInFile {
            what: TeamText::CertificateName,
            hidden,
        },
        TeamOpError::RevokeSelf,
        TeamOpError::NothingHeld,
        TeamOpError::Codec(CodecError::NotShortest),
        TeamOpError::TeamKey(TeamKeyError::WrongPassphrase),
        TeamOpError::Identity(IdentityError::Damaged {
            path: PathBuf::from("device.key"),
        }),
    ];
    let facts = [
        "Mosul",
        "ab12",
        "XYZ",
        "cd34",
        "ef56",
        "U+202E",
        "device.key",
        // How a date is typed (an expiry date in the past).
        "YYYY-MM-DD",
        &io(ErrorKind::StorageFull).to_string(),
    ];
    for e in &errors {
        arabic(&|| e.shown(), &facts);
    }
    // The English says what to do on the screens, never a command or a flag (the
    // core's own text names `--after-seq`, `--org`, `daleel team init`).
    for e in &errors {
        let english = in_language(Lang::En, || e.shown());
        assert!(
            !english.contains("--") && !english.contains("daleel "),
            "{english}"
        );
    }
}

#[test]
fn workspace_and_keyring_errors_are_shown_from_the_catalog() {
    let full = io(ErrorKind::StorageFull);
    let errors = [
        WorkspaceError::Locked {
            dir: PathBuf::from("/data"),
        },
        WorkspaceError::Dir {
            dir: PathBuf::from("/data"),
            source: io(ErrorKind::StorageFull),
        },
        WorkspaceError::NeedsFirstWorker,
        WorkspaceError::NeedsPassphrase,
        WorkspaceError::NotEncrypted,
        WorkspaceError::RemoveSelf,
        WorkspaceError::Busy,
        WorkspaceError::Backup(BackupError::NotEncrypted),
        WorkspaceError::NotCertified(Box::new(TeamOpError::NoTeamKey)),
        WorkspaceError::Identity(IdentityError::Write {
            path: PathBuf::from("/data/device.key"),
            source: io(ErrorKind::PermissionDenied),
        }),
        WorkspaceError::Store(StoreError::Codec(CodecError::Empty)),
        WorkspaceError::Keyring(KeyringError::WrongPassphrase),
        WorkspaceError::Keyring(KeyringError::WhichWorker),
        WorkspaceError::Keyring(KeyringError::Exists("Amal".into())),
        WorkspaceError::Keyring(KeyringError::NoSuchWorker),
        WorkspaceError::Keyring(KeyringError::LastWorker),
        WorkspaceError::Keyring(KeyringError::NoName),
        WorkspaceError::Keyring(KeyringError::Damaged),
        WorkspaceError::Keyring(KeyringError::OldSlots("Amal, Yousif".into())),
        WorkspaceError::Keyring(KeyringError::Weak(crate::keyring::Weakness::Common)),
    ];
    let denied = io(ErrorKind::PermissionDenied).to_string();
    let facts = [
        "/data/device.key",
        "/data",
        "Amal",
        "Yousif",
        &full.to_string(),
        &denied,
    ];
    for e in &errors {
        arabic(&|| e.shown(), &facts);
    }
    // A nested error is said through its own message.
    let e = WorkspaceError::NotCertified(Box::new(TeamOpError::NoTeamKey));
    let said = in_language(Lang::Ar, || e.shown());
    assert!(
        said.contains(&tr_in(Lang::Ar, "err-no-team-key", &[])),
        "{said}"
    );
    // The core's text names the command line's flags; the screens' does not.
    let e = WorkspaceError::NeedsPassphrase;
    assert!(e.to_string().contains("--passphrase-file"));
    assert!(!in_language(Lang::En, || e.shown()).contains("--"));
}

#[test]
fn sync_import_and_bundle_errors_are_shown_from_the_catalog() {
    let code_facts = ["AB12", "7f3a 91c2"];
    let sender = || ("AB12".to_string(), "7f3a 91c2".to_string());
    let errors: Vec<Box<dyn Shown>> = vec![
        Box::new(SyncError::NoReceiver),
        Box::new(SyncError::NotAFolder {
            path: PathBuf::from("/media/usb"),
        }),
        Box::new(SyncError::Write {
            path: PathBuf::from("/media/usb"),
            source: io(ErrorKind::ReadOnlyFilesystem),
        }),
        Box::new(SyncError::Handoff(HandoffError::NoTeam)),
        Box::new(SyncError::Handoff(HandoffError::NotCoordinator)),
        Box::new(SyncError::Handoff(HandoffError::NoOrganization {
            name: "XYZ".into(),
        })),
        Box::new(SyncError::Handoff(HandoffError::NoPartnerDevice {
            org: "XYZ".into(),
        })),
        Box::new(ImportError::Read(io(ErrorKind::NotFound))),
        Box::new(ImportError::Kind(KindMismatch::Bundle {
            here: DatabaseKind::Real,
            bundle: DatabaseKind::Demo,
        })),
        Box::new(ImportError::Kind(KindMismatch::Bundle {
            here: DatabaseKind::Demo,
            bundle: DatabaseKind::Real,
        })),
        Box::new(ImportError::Kind(KindMismatch::Handoff)),
        Box::new(ImportError::OlderHandoff),
        Box::new(ImportError::NotPartner),
        Box::new(ImportError::Bundle(BundleError::NotABundle)),
        Box::new(BundleError::TooNew { found: 9 }),
        Box::new(BundleError::Truncated),
        Box::new(BundleError::Damaged("bad header".into())),
        Box::new(BundleError::OverLimit {
            what: "a segment",
            claimed: 10,
            limit: 5,
        }),
        Box::new({
            let (code, fingerprint) = sender();
            BundleError::NotTrusted { code, fingerprint }
        }),
        Box::new(BundleError::BadSignature),
        Box::new({
            let (code, fingerprint) = sender();
            BundleError::BadSegment { code, fingerprint }
        }),
        Box::new({
            let (code, fingerprint) = sender();
            BundleError::NotForMe { code, fingerprint }
        }),
    ];
    let read_only = io(ErrorKind::ReadOnlyFilesystem).to_string();
    let not_found = io(ErrorKind::NotFound).to_string();
    let facts = [
        &code_facts[..],
        &["/media/usb", "XYZ", "bad header", &read_only, &not_found],
    ]
    .concat();
    for e in &errors {
        let english = in_language(Lang::En, || e.shown());
        assert!(
            !english.contains("daleel ") && !english.contains("--"),
            "{english}"
        );
        arabic(&|| e.shown(), &facts);
    }
    // Demo data into a real database, and the other way round: two messages.
    let real = ImportError::Kind(KindMismatch::Bundle {
        here: DatabaseKind::Real,
        bundle: DatabaseKind::Demo,
    });
    assert_eq!(
        in_language(Lang::Ar, || real.shown()),
        tr_in(Lang::Ar, "err-import-demo-into-real", &[])
    );
    // A file that is not a regular one (a link planted under a bundle's name).
    let link = IoError::new(ErrorKind::InvalidInput, crate::disk::NotRegular("a link"));
    assert_eq!(
        in_language(Lang::Ar, || link.shown()),
        tr_in(Lang::Ar, "err-not-regular", &[])
    );
}

#[test]
fn backup_errors_are_shown_from_the_catalog() {
    let path = PathBuf::from("/media/usb/daleel-backup.dlbk");
    let file = path.display().to_string();
    let errors = [
        BackupError::NotABackup { path: path.clone() },
        BackupError::TooNew {
            path: path.clone(),
            found: 9,
        },
        BackupError::Damaged {
            path: path.clone(),
            what: "its header".into(),
        },
        BackupError::Incomplete { path: path.clone() },
        BackupError::NotEncrypted,
        BackupError::NotAFolder { path: path.clone() },
        BackupError::Write {
            path: path.clone(),
            source: io(ErrorKind::StorageFull),
        },
        BackupError::Read {
            path: path.clone(),
            source: io(ErrorKind::UnexpectedEof),
        },
        BackupError::Build {
            dir: path.clone(),
            source: io(ErrorKind::PermissionDenied),
        },
        BackupError::Keyring(KeyringError::WrongPassphrase),
        BackupError::Store(StoreError::Locked),
    ];
    let details = [
        io(ErrorKind::StorageFull).to_string(),
        io(ErrorKind::UnexpectedEof).to_string(),
        io(ErrorKind::PermissionDenied).to_string(),
    ];
    let facts: Vec<&str> = [file.as_str(), "its header", "dlbk"]
        .into_iter()
        .chain(details.iter().map(String::as_str))
        .collect();
    for e in &errors {
        let english = in_language(Lang::En, || e.shown());
        assert!(
            !english.contains("daleel backup") && !english.contains('`'),
            "{english}"
        );
        arabic(&|| e.shown(), &facts);
    }
    // The backup's write error keeps the disk's advice, in the screens' language.
    let said = in_language(Lang::Ar, || errors[6].shown());
    let full = tr_in(
        Lang::Ar,
        "err-disk-full",
        &[("error", Arg::Str(&details[0]))],
    );
    assert!(said.contains(&full), "{said}");
}

#[test]
fn a_typed_value_refused_is_shown_from_the_catalog() {
    let errors = [
        TypedValueError::NotText,
        TypedValueError::Gone { kind: "referral" },
        TypedValueError::Gone { kind: "household" },
        TypedValueError::Refused(Problem::new(
            "phone",
            "A phone number has 7 to 15 digits; check it or leave it empty.",
        )),
        TypedValueError::Refused(Problem::new(
            "description",
            "Say in a few words what is needed.",
        )),
        TypedValueError::Refused(Problem::new("reason", "Say why the household is referred.")),
        TypedValueError::Refused(Problem::new("name", "An organization needs a name.")),
        TypedValueError::Refused(Problem::new("elsewhere", "Something else.")),
        TypedValueError::Store(StoreError::Erased),
        TypedValueError::Codec(CodecError::TrailingBytes(3)),
    ];
    for e in &errors {
        arabic(&|| e.shown(), &[]);
    }
    // The text rule, on any field: the form's own message for it.
    let hidden = crate::model::text::check("reason", "a\u{202E}b");
    let e = TypedValueError::Refused(hidden.into_iter().next().expect("refused"));
    assert_eq!(
        in_language(Lang::Ar, || e.shown()),
        tr_in(Lang::Ar, "problem-hidden-characters", &[])
    );
}

/// Codec errors inside others are said in words too, as are a stored value's.
#[test]
fn codec_errors_are_shown_from_the_catalog() {
    for e in [
        CodecError::Empty,
        CodecError::UnknownVersion { found: 9, known: 2 },
        CodecError::Decode("x".into()),
        CodecError::TrailingBytes(4),
        CodecError::Encode("x".into()),
        CodecError::NotShortest,
    ] {
        arabic(&|| StoreError::Codec(e.clone()).shown(), &["x"]);
        arabic(&|| TeamError::Codec(e.clone()).shown(), &["x"]);
    }
}

/// Every message this file names is in the catalog (the catalog test checks the
/// other languages have it too, with the same placeables).
#[test]
fn every_error_message_exists() {
    let source = include_str!("mod.rs");
    let mut missing = Vec::new();
    for part in source.split('"').skip(1).step_by(2) {
        if (part.starts_with("err-") || part.starts_with("hidden-") || part.starts_with("list-"))
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
