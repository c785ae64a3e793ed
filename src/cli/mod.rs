//! The command line: parses arguments, opens the data directory, runs one command and
//! prints its result. It holds no business rules; those live in the core.
//!
//! This file holds what every command shares: the top-level options (`Cli`), the list of
//! commands, the router that opens the data directory and hands the workspace to the
//! command's `run`, and the helpers they use (credentials, confirmation, writing files).
//! Each command, with its clap arguments and subcommands, is a file of its own.

// What the command line prints goes through `out` (sanitised for the terminal, quiet on
// a closed pipe). These macros shadow the standard ones in this module and in every
// module declared below them (a `macro_rules!` name is found before the prelude's), so
// that no command can print around them.
macro_rules! println {
    () => { $crate::cli::out::print($crate::cli::out::Stream::Out, format_args!(""), true) };
    ($($arg:tt)*) => { $crate::cli::out::print($crate::cli::out::Stream::Out, format_args!($($arg)*), true) };
}
#[allow(unused_macros)]
macro_rules! print {
    ($($arg:tt)*) => { $crate::cli::out::print($crate::cli::out::Stream::Out, format_args!($($arg)*), false) };
}
macro_rules! eprintln {
    () => { $crate::cli::out::print($crate::cli::out::Stream::Err, format_args!(""), true) };
    ($($arg:tt)*) => { $crate::cli::out::print($crate::cli::out::Stream::Err, format_args!($($arg)*), true) };
}
macro_rules! eprint {
    ($($arg:tt)*) => { $crate::cli::out::print($crate::cli::out::Stream::Err, format_args!($($arg)*), false) };
}

mod ask;
mod audit;
mod backup;
mod check;
mod compact;
mod demo;
mod erase;
mod errors;
mod export;
mod gazetteer;
mod households;
mod identity;
pub mod out;
mod referral;
mod report;
mod restore;
mod services;
mod stats;
mod sync;
mod team;
mod trust;
mod workers;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use zeroize::Zeroizing;

use crate::config::Config;
use crate::i18n::{Arg, t, tr};
use crate::keyring::MIN_PASSPHRASE;
use crate::workspace::{self, Credentials, Protection, Workspace};

/// Daleel: intake, service directory, referrals and USB sync for Community Resource
/// Centre teams. Run with no command to open the screens.
#[derive(Debug, Parser)]
#[command(name = "daleel", version, about, long_about = None)]
pub struct Cli {
    /// The data directory (database, device key, log). A folder on a USB stick works too.
    #[arg(long, global = true, env = "DALEEL_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Who is working: a worker of this laptop (needed when it has more than one worker,
    /// and to make a new database).
    #[arg(long, global = true, env = "DALEEL_WORKER", value_name = "NAME")]
    pub worker: Option<String>,

    /// A file holding the passphrase (its trailing newline is not part of it). Without
    /// it, DALEEL_PASSPHRASE, or else the passphrase is asked for on the terminal.
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// The language of the screens and messages: en, ar or ckb (Kurdish, Sorani). Over
    /// the config file's `language`.
    #[arg(long, global = true, env = "DALEEL_LANG", value_name = "LANG")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands. Each is a file of this folder that owns its clap `Args` (and the
/// subcommands under it) and a `run` that takes them; a variant's doc comment is the
/// command's line in `daleel --help`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty data directory with a synthetic caseload for training and benchmarks.
    Demo(demo::DemoArgs),
    /// Count households, people, needs, referrals, overdue referrals, services and organizations.
    Stats(stats::StatsArgs),
    /// Show this laptop's device name, code and fingerprint, or set its name.
    Identity(identity::IdentityArgs),
    /// List referrals, or move one along its lifecycle.
    Referral(referral::ReferralArgs),
    /// Hand data to other laptops on USB drives.
    Sync(sync::SyncArgs),
    /// A team: a team key, device certificates with roles, revocation (docs/teams.md).
    Team(team::TeamArgs),
    /// The devices whose changes this laptop accepts.
    Trust(trust::TrustArgs),
    /// Erase a household on request: its personal data leaves this laptop, and every
    /// laptop the erasure reaches with the next bundles; the anonymous counts stay.
    Erase(erase::EraseArgs),
    /// Who opened, changed, sent or received what, and when (oldest first).
    Audit(audit::AuditArgs),
    /// The workers who can open this laptop's database, each with their own passphrase.
    Workers(workers::WorkersArgs),
    /// Write the database again compactly, leaving behind the space sled keeps for old
    /// versions (see `stats --disk`); needs room for a copy beside it.
    Compact(compact::CompactArgs),
    /// The gazetteer of districts and sub-districts.
    Gazetteer(gazetteer::GazetteerArgs),
    /// Needs, referrals or services as CSV for coordination, with HXL hashtags on the
    /// second line; no names, phone numbers, free text or case codes; governorate and
    /// month (not district and day) unless asked.
    Export(export::ExportArgs),
    /// Check the database: indexes, each device's change log, that the records are what
    /// the log gives, and that the audit trail's chain is unbroken and ends where its head
    /// file (audit.head) says: a db folder put back to an earlier copy is reported. Exit 1
    /// when something is wrong.
    Check(check::CheckArgs),
    /// Write one encrypted backup file of this laptop's database (and the team key, where
    /// the laptop holds it) into a folder; restoring it needs a worker's passphrase.
    Backup(backup::BackupArgs),
    /// Rebuild this data directory's database from a backup, under a new device identity
    /// (the database there before is kept aside). Asks for a worker's passphrase of the
    /// laptop backed up.
    Restore(restore::RestoreArgs),
    /// The coordination report: households reached, needs by status, referrals by status
    /// and outcome, median days to a response, per group; counts under 5 shown as <5.
    Report(report::ReportArgs),
    /// The service directory.
    Services(services::ServicesArgs),
    /// The households of this laptop.
    Households(households::HouseholdsArgs),
}

/// A refusal or failure: one line for stderr, exit code 1, in the command line's
/// language.
#[derive(Debug)]
pub struct Failure(pub String);

/// A core error, said in the command line's language (`errors`).
impl<E: Said> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.said())
    }
}

impl Failure {
    /// A refusal of the command line's own: the catalog message `id` (a `cli-…` id).
    pub fn of(id: &str, args: &[(&str, Arg)]) -> Failure {
        Failure(tr(id, args))
    }
}

pub use errors::{Said, advice};

/// "a, b or c" in the command line's language.
pub fn or_list(items: &[String]) -> String {
    match items {
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

/// Prints the catalog message `id` on standard error (what a person reads beside the
/// command's output).
pub fn tell(id: &str, args: &[(&str, Arg)]) {
    eprintln!("{}", tr(id, args));
}

/// Prints the catalog message `id` on standard output (the command's output for a
/// person).
pub fn tell_out(id: &str, args: &[(&str, Arg)]) {
    println!("{}", tr(id, args));
}

/// "cannot read FILE: WHY".
pub fn cannot_read(file: &str, e: &std::io::Error) -> Failure {
    Failure::of(
        "cli-cannot-read",
        &[("file", Arg::Str(file)), ("error", Arg::Str(&e.said()))],
    )
}

/// "FILE: WHY; nothing was changed": a file refused whole.
pub fn refused(file: &str, e: &dyn Said) -> Failure {
    Failure::of(
        "cli-file-refused",
        &[("file", Arg::Str(file)), ("error", Arg::Str(&e.said()))],
    )
}

/// A card's or a request's device, before it is trusted or certified.
pub fn print_card(card: &crate::sync::card::Card) {
    let name = if card.name.is_empty() {
        t("cli-no-name")
    } else {
        shown(&card.name).into_owned()
    };
    let rows = [
        (t("cli-label-device"), name),
        (t("cli-label-code"), card.code()),
        (t("cli-label-fingerprint"), card.fingerprint()),
    ];
    print_labelled(out::Stream::Err, &rows, 1);
}

/// A row or a value of a file that was not taken, on standard error: `problem: FILE,
/// line N, column C: WHY` (the why is the core's, in English).
pub fn print_problem(p: &crate::directory::Problem) {
    let mut args = vec![
        ("file", Arg::Str(&p.file)),
        ("column", Arg::Str(&p.column)),
        ("error", Arg::Str(&p.message)),
    ];
    if p.line == 0 {
        // A JSON file: the column is the value's path.
        tell("cli-problem-in", &args);
    } else {
        args.push(("line", Arg::Num(p.line as i64)));
        tell("cli-problem-at", &args);
    }
}

/// `text` padded with spaces to `width` terminal columns (labels before values).
pub fn pad(text: &str, width: usize) -> String {
    let used = crate::tui::widgets::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Prints labelled values, one a line, the values in one column after the widest
/// label and `gap` spaces (`Name         value`).
pub fn print_labelled(stream: out::Stream, rows: &[(String, String)], gap: usize) {
    let width = rows
        .iter()
        .map(|(label, _)| crate::tui::widgets::width(label))
        .max()
        .unwrap_or(0)
        + gap;
    for (label, value) in rows {
        out::print(stream, format_args!("{}{value}", pad(label, width)), true);
    }
}

/// Where the data lives, and whether it was named (`--data-dir` or `DALEEL_DATA_DIR`).
pub fn data_dir(cli: &Cli) -> Result<(PathBuf, bool), Failure> {
    match &cli.data_dir {
        Some(dir) => Ok((dir.clone(), true)),
        None => workspace::default_data_dir()
            .map(|d| (d, false))
            .ok_or_else(|| Failure::of("cli-no-home", &[])),
    }
}

/// Reads a passphrase file: its bytes, less one trailing newline (`\n` or `\r\n`).
pub fn read_passphrase_file(path: &std::path::Path) -> Result<Zeroizing<String>, Failure> {
    let shown = crate::disk::shown(path);
    let unreadable = |e: std::io::Error| {
        Failure::of(
            "cli-passphrase-file-unreadable",
            &[("file", Arg::Str(&shown)), ("error", Arg::Str(&e.said()))],
        )
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > 4096 {
        return Err(Failure::of(
            "cli-passphrase-file-too-large",
            &[("file", Arg::Str(&shown))],
        ));
    }
    let bytes = Zeroizing::new(std::fs::read(path).map_err(unreadable)?);
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Failure::of(
            "cli-passphrase-file-not-text",
            &[("file", Arg::Str(&shown))],
        )
    })?;
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    Ok(Zeroizing::new(text.to_string()))
}

/// The worker and passphrase to open the data directory with: from the options and the
/// environment, and, on a terminal, asked for when the database needs them. Making a new
/// database from a command (not the screens) is never asked for: the command says what
/// it needs.
/// The worker and passphrase to open the data directory with, and whether the
/// passphrase was typed at the prompt now (it then gets three tries).
fn credentials(cli: &Cli, protection: Protection) -> Result<(Credentials, bool), Failure> {
    let mut c = Credentials::from_env();
    c.progress = Some(std::sync::Arc::new(|done: u64, all: u64| {
        // A text gauge on the terminal while a database made before encryption is
        // encrypted (before the screens open); one line at the end for a script.
        let args = [
            ("done", Arg::Num(done as i64)),
            ("all", Arg::Num(all as i64)),
        ];
        if !std::io::stderr().is_terminal() {
            if done >= all {
                eprintln!("{}", tr("startup-encrypted", &args));
            }
            return;
        }
        let width = 30;
        let filled = (done * width).checked_div(all).unwrap_or(width).min(width);
        eprint!(
            "\r[{}{}] {}",
            "#".repeat(filled as usize),
            ".".repeat((width - filled) as usize),
            tr("startup-encrypting", &args)
        );
        if done >= all {
            eprintln!();
        }
    }));
    given_credentials(cli, &mut c)?;
    let terminal = on_terminal();
    if c.passphrase.is_some() || !terminal {
        return Ok((c, false));
    }
    match protection {
        Protection::New | Protection::Plain if cli.command.is_none() => {
            if protection == Protection::Plain {
                eprintln!("{}", t("startup-plain"));
            }
            eprintln!(
                "{}",
                tr(
                    "startup-first-run",
                    &[("min", Arg::Num(MIN_PASSPHRASE as i64))]
                )
            );
            if c.worker.is_none() {
                c.worker = Some(ask::line(&format!("{} ", t("startup-name")))?);
            }
            let name = c.worker.clone().unwrap_or_default();
            loop {
                let first = ask::secret(&format!("{} ", t("startup-passphrase")))?;
                if let Err(weak) = crate::keyring::check_passphrase(&name, &first) {
                    eprintln!("{}", weak.message());
                    continue;
                }
                let again = ask::secret(&format!("{} ", t("startup-passphrase-again")))?;
                if *first == *again {
                    c.passphrase = Some(first);
                    break;
                }
                eprintln!("{}", t("startup-passphrases-differ"));
            }
            Ok((c, false))
        }
        Protection::New | Protection::Plain => Ok((c, false)),
        Protection::Encrypted { workers } => {
            if workers > 1 && c.worker.is_none() {
                c.worker = Some(ask::line(&format!("{} ", t("startup-name")))?);
            }
            c.passphrase = Some(ask::secret(&format!("{} ", t("startup-passphrase")))?);
            Ok((c, true))
        }
    }
}

/// How many times a passphrase typed at the prompt may be wrong before Daleel stops.
const TRIES: u32 = 3;

/// Opens the data directory. A passphrase (or a name) typed at the prompt that does not
/// open it is asked for again, three tries in all; one given by a file or the
/// environment is not (a script would loop).
fn open_workspace(cli: &Cli, dir: &std::path::Path) -> Result<Workspace, Failure> {
    use crate::keyring::KeyringError;
    use crate::workspace::WorkspaceError;
    // The database opens once, before anything is asked: on a large one that takes a
    // while, which passes as the passphrase is typed.
    let mut prepared = Workspace::prepare(dir)?;
    let mut tries = 0;
    loop {
        let (credentials, typed) = credentials(cli, prepared.protection())?;
        tries += 1;
        match prepared.open(&credentials) {
            Err(WorkspaceError::Keyring(
                KeyringError::WrongPassphrase | KeyringError::NoSuchWorker,
            )) if typed && tries < TRIES => {
                eprintln!(
                    "{}",
                    tr(
                        "startup-wrong",
                        &[("left", Arg::Num((TRIES - tries) as i64))]
                    )
                );
            }
            other => return Ok(other?),
        }
    }
}

/// The worker and passphrase the options give (`--worker`, `--passphrase-file`), over
/// what the environment gave.
fn given_credentials(cli: &Cli, c: &mut Credentials) -> Result<(), Failure> {
    if let Some(w) = cli.worker.as_ref().filter(|w| !w.trim().is_empty()) {
        c.worker = Some(w.clone());
    }
    if let Some(file) = &cli.passphrase_file {
        c.passphrase = Some(read_passphrase_file(file)?);
    }
    Ok(())
}

/// Whether both standard input and standard error are a terminal (something can be asked).
pub fn on_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Runs the parsed command line; returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    // Started for the screens (a double-click opens a console window of its own, which
    // closes when Daleel ends): a fatal error waits for Enter, so that it can be read.
    let hold = cfg!(windows) && cli.command.is_none() && std::io::stdin().is_terminal();
    let result = dispatch(cli).and_then(|()| match out::failure() {
        Some(why) => Err(Failure::of(
            "cli-output-failed",
            &[("error", Arg::Str(&why))],
        )),
        None => Ok(()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            tracing::warn!(target: "daleel::cli", "command refused or failed");
            eprintln!("daleel: {message}");
            if hold {
                eprint!("{} ", t("startup-press-enter"));
                let _ = std::io::stdin().read_line(&mut String::new());
            }
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Failure> {
    // The language first (--lang, else config.toml's), so that every message after it,
    // a refusal of the config file included, is in it.
    let lang = cli
        .lang
        .as_deref()
        .map(|code| (code, crate::i18n::Lang::from_code(code)));
    if let Some((_, Some(lang))) = lang {
        crate::i18n::set_language(lang);
    }
    let (dir, named) = data_dir(&cli)?;
    let config = Config::load(&workspace::config_path(&dir, named))?;
    match lang {
        Some((_, Some(_))) => {}
        Some((code, None)) => {
            crate::i18n::set_language(config.language);
            return Err(Failure::of("cli-lang-unknown", &[("lang", Arg::Str(code))]));
        }
        None => crate::i18n::set_language(config.language),
    }
    out::shape_arabic(
        config.arabic_display == crate::config::ArabicDisplay::Shaped
            && crate::i18n::language().is_rtl(),
    );
    crate::i18n::format::set_digits(config.digits);
    crate::report::slip::set_centre(crate::report::slip::Centre {
        name: config.centre_name.clone(),
        phone: config.centre_phone.clone(),
    });
    crate::directory::taxonomy::set_user(&config.taxonomy);
    // Everything this process creates is its owner's only (files meant to be handed on
    // say so when written), and the data directory is made so before anything is
    // written in it, the log included.
    crate::disk::private_umask();
    match crate::disk::make_private(&dir) {
        Ok(Some(open)) => eprintln!(
            "daleel: {}",
            tr(
                "cli-note-not-private",
                &[
                    ("folder", Arg::Str(&crate::disk::shown(&dir))),
                    ("count", Arg::Num(open as i64)),
                ],
            )
        ),
        Ok(None) => {}
        Err(e) => {
            return Err(Failure::of(
                "cli-data-folder-unusable",
                &[
                    ("folder", Arg::Str(&crate::disk::shown(&dir))),
                    ("error", Arg::Str(&advice(&e))),
                ],
            ));
        }
    }
    crate::cli::init_logging(&dir);
    if let Some(Command::Restore(args)) = &cli.command {
        return restore::run(&cli, &dir, args);
    }
    let ws = open_workspace(&cli, &dir)?;
    // A worker whose passphrase another worker set is told once, at this unlock (the
    // screens tell it themselves).
    if cli.command.is_some()
        && let Some(notice) = ws.store.take_passphrase_notice()?
    {
        eprintln!("{}", notice.message());
    }
    match cli.command {
        None if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() => {
            Err(Failure::of("cli-screens-need-terminal", &[]))
        }
        None => crate::tui::run(ws, &config)
            .map_err(|e| Failure::of("cli-screen-failed", &[("error", Arg::Str(&e.said()))])),
        Some(Command::Demo(args)) => demo::run(&ws, &args),
        Some(Command::Stats(args)) => stats::run(&ws, &args),
        Some(Command::Identity(args)) => identity::run(&ws, &args),
        Some(Command::Referral(args)) => referral::run(&ws, &args),
        Some(Command::Sync(args)) => sync::run(&ws, &args),
        Some(Command::Team(args)) => team::run(&ws, &args),
        Some(Command::Trust(args)) => trust::run(&ws, &args),
        Some(Command::Erase(args)) => erase::run(&ws, &args),
        Some(Command::Audit(args)) => audit::run(&ws, &args),
        Some(Command::Workers(args)) => workers::run(ws, &args),
        Some(Command::Compact(args)) => compact::run(ws, &args),
        Some(Command::Gazetteer(args)) => gazetteer::run(&ws, &args),
        Some(Command::Export(args)) => export::run(&ws, &args),
        Some(Command::Check(args)) => check::run(&ws, &args),
        Some(Command::Backup(args)) => backup::run(&ws, &args),
        // Handled above, before the data directory is opened.
        Some(Command::Restore(_)) => Ok(()),
        Some(Command::Report(args)) => report::run(&ws, &args),
        Some(Command::Services(args)) => services::run(&ws, &args),
        Some(Command::Households(args)) => households::run(&ws, &args),
    }
}

/// Logs go to `daleel.log` in the data directory, never to the terminal; `DALEEL_LOG`
/// sets the level (error, warn, info, debug, trace; default info). Only ids, counts and
/// codes are logged, never names or other personal data.
pub fn init_logging(dir: &std::path::Path) {
    let level = std::env::var("DALEEL_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(workspace::LOG_FILE));
    if let Ok(file) = file {
        let _ = tracing_subscriber::fmt()
            .with_max_level(level)
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(QuietLog(file)))
            .try_init();
    }
}

/// The log file, written on a best-effort basis: a full disk must not fill the terminal
/// with the logger's complaints (the command's own error says what happened).
struct QuietLog(std::fs::File);

impl std::io::Write for QuietLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

/// Asks a yes/no question on the terminal. With `yes` it does not ask; with no terminal
/// on standard input it refuses (a script must say `--yes`) instead of waiting.
pub fn confirm(question: &str, yes: bool) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::of(
            "cli-confirm-no-terminal",
            &[("question", Arg::Str(question))],
        ));
    }
    eprint!("{question} {} ", t("cli-confirm-choices"));
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Failure::of("cli-answer-unreadable", &[("error", Arg::Str(&e.said()))]))?;
    if is_yes(&answer) {
        Ok(())
    } else {
        Err(Failure::of("cli-not-confirmed", &[]))
    }
}

/// Whether an answer to `confirm` is yes, in any of the three languages.
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "ن" | "نعم" | "ب" | "بەڵێ" | "بەلێ" | "ئا" | "ئەرێ"
    )
}

/// Writes a file whole or not at all: a new temporary name in the same folder, fsync,
/// rename. For a file meant to be handed on.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    write_file(path, bytes, crate::disk::Access::Shared)
}

/// As `write_atomic`, for a file with personal data: readable by its owner only.
pub fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    write_file(path, bytes, crate::disk::Access::Owner)
}

fn write_file(
    path: &std::path::Path,
    bytes: &[u8],
    access: crate::disk::Access,
) -> Result<(), Failure> {
    crate::disk::write_whole(path, bytes, access).map_err(|e| {
        Failure::of(
            "cli-write-failed",
            &[
                ("file", Arg::Str(&crate::disk::shown(path))),
                ("error", Arg::Str(&advice(&e))),
            ],
        )
    })
}

/// Writes a coordination table to `--out`: `.xlsx` as a workbook (right to left in
/// Arabic and Kurdish), `.csv` as CSV with a UTF-8 byte-order mark unless `no_bom`; a
/// folder gets `default` (a `.csv` name); any other extension is refused (`out_file`).
/// With personal data (`private`), the file is readable by its owner only.
pub fn write_sheet(
    out: &std::path::Path,
    default: &str,
    sheet: &crate::report::sheet::Sheet,
    no_bom: bool,
    private: bool,
) -> Result<std::path::PathBuf, Failure> {
    let out = out_file(out, default, &["csv", "xlsx"])?;
    let form = crate::report::sheet::Form::of(&out, !no_bom, crate::i18n::language().is_rtl());
    let bytes = sheet.bytes(form)?;
    if private {
        write_private(&out, &bytes)?;
    } else {
        write_atomic(&out, &bytes)?;
    }
    Ok(out)
}

/// The one rule for `--out` of a command that writes one file: an existing folder gets
/// the file under its usual `name`; anything else is the file itself, and must end in
/// one of `extensions`, so that a mistyped or missing folder (`--out E:\daleel`) is
/// refused instead of written as a file of that name.
pub fn out_file(
    out: &std::path::Path,
    name: &str,
    extensions: &[&str],
) -> Result<std::path::PathBuf, Failure> {
    if out.is_dir() {
        return Ok(out.join(name));
    }
    let fits = out.extension().is_some_and(|e| {
        extensions
            .iter()
            .any(|x| e.to_string_lossy().eq_ignore_ascii_case(x))
    });
    if fits {
        return Ok(out.to_path_buf());
    }
    let wanted: Vec<String> = extensions.iter().map(|x| format!(".{x}")).collect();
    Err(Failure::of(
        "cli-out-not-a-file-name",
        &[
            ("out", Arg::Str(&crate::disk::shown(out))),
            ("extensions", Arg::Str(&or_list(&wanted))),
            ("name", Arg::Str(name)),
        ],
    ))
}

/// The same rule for a command that writes into a folder (`sync export`, `backup`,
/// `services export`): `--out` must be an existing folder.
pub fn out_folder(out: &std::path::Path) -> Result<(), Failure> {
    if out.is_dir() {
        return Ok(());
    }
    Err(Failure::of(
        if out.exists() {
            "cli-out-is-a-file"
        } else {
            "cli-out-no-such-folder"
        },
        &[("out", Arg::Str(&crate::disk::shown(out)))],
    ))
}

/// A stored or received value shown inside a line (a name beside a fingerprint, a cell
/// of a table): on that one line whatever it holds (`model::text::one_line`). Every line
/// is sanitised for the terminal anyway; this also keeps a line break in an older
/// laptop's data from starting a line of its own.
pub fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    crate::model::text::one_line(value)
}

/// Groups thousands for people: 12,345.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    /// clap's own checks of the whole command line (conflicting names, ids of groups and
    /// arguments), which otherwise run only when a command is parsed.
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
