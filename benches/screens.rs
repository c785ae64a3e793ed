//! Screens benchmark: opening a database of N demo households (default 100,000;
//! `DALEEL_BENCH_HOUSEHOLDS`) and drawing the first frame, the time the lists take to
//! load in the background, render time per screen at 80x24 and 200x60, and resident
//! memory with the UI open; for a sealed database (every new one) and one in the clear
//! (made before encryption), each measured in a process of its own (this benchmark run
//! again). Prints figures; asserts no time.

mod common;

use std::time::{Duration, Instant};

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::render;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

const NOW: i64 = 1_795_950_000_000;

#[path = "common/counting.rs"]
mod counting;
use counting::Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    match std::env::var("DALEEL_BENCH_CHILD").as_deref() {
        Ok("sealed") => return measure(true),
        Ok("first-frame") => return first_frame_only(),
        Ok("plain") => return measure(false),
        Ok("make-plain") => return make_plain(),
        _ => {}
    }
    for (mode, title) in [
        ("sealed", "values sealed (every new database):"),
        (
            "plain",
            "values in the clear (a database made before encryption):",
        ),
    ] {
        println!("{title}");
        let status = std::process::Command::new(std::env::current_exe().expect("exe"))
            .env("DALEEL_BENCH_CHILD", mode)
            .status()
            .expect("child");
        assert!(status.success(), "the {mode} run failed");
    }
}

/// The data directory of a mode: `DALEEL_BENCH_DIR/<mode>` when set (reused between
/// runs to save the generation time), else a folder under the system's temporary one.
fn dir_of(mode: &str) -> std::path::PathBuf {
    let base = std::env::var_os("DALEEL_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("daleel-screens-{}", std::process::id()))
        });
    base.join(mode)
}

/// The size of the database the first frame is compared with.
const FIRST_FRAME_BASE: usize = 1_000;

/// How long the first frame took, in milliseconds, by part.
struct FirstFrame {
    started: Instant,
    /// Locking the directory and opening sled: before the passphrase prompt.
    prepare: f64,
    /// The keyring and the store (`Prepared::open`).
    unlock: f64,
    app: f64,
    frame: f64,
}

impl FirstFrame {
    /// From the passphrase to the first frame.
    fn after(&self) -> f64 {
        self.unlock + self.app + self.frame
    }
}

/// Opens `dir` as Daleel's start does and draws the first frame, with the lists loading
/// on a worker thread.
fn first_frame(
    dir: &std::path::Path,
    credentials: &daleel::workspace::Credentials,
) -> (Workspace, App, FirstFrame, std::sync::mpsc::Receiver<Event>) {
    let started = Instant::now();
    let mut prepared = Workspace::prepare(dir).expect("prepare");
    let prepare = started.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let ws = prepared
        .open_with_clock(FixedClock::at(NOW), credentials)
        .expect("open");
    let unlock = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    let app = App::new(ws.store.clone(), Theme::plain(), Runner::Threads(tx), 0).expect("app");
    let app_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| render(&app, f)).expect("draw");
    let frame = t.elapsed().as_secs_f64() * 1e3;
    // The directory and the lists are read behind it.
    let mut app = app;
    app.drawn();
    let times = FirstFrame {
        started,
        prepare,
        unlock,
        app: app_ms,
        frame,
    };
    (ws, app, times, rx)
}

/// The first frame of a sealed database of `FIRST_FRAME_BASE` households, measured in a
/// process of its own (made on the first run, kept beside the large one), the middle of
/// three.
fn first_frame_of_base() -> f64 {
    let mut runs: Vec<f64> = (0..3)
        .map(|_| {
            common::stdout_of(
                std::process::Command::new(std::env::current_exe().expect("exe"))
                    .env("DALEEL_BENCH_CHILD", "first-frame")
                    .env("DALEEL_BENCH_HOUSEHOLDS", FIRST_FRAME_BASE.to_string()),
            )
            .trim()
            .parse()
            .expect("a figure")
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[1]
}

/// The child of `first_frame_of_base`: prints the milliseconds from the passphrase to the
/// first frame of the first open in this process (as the large database's is measured).
fn first_frame_only() {
    let dir = dir_of(&format!("sealed-{}", common::households()));
    if !dir.join("db").exists() {
        make_sealed(&dir, common::households());
    }
    let credentials = bench_worker();
    let (ws, app, times, rx) = first_frame(&dir, &credentials);
    println!("{}", times.after());
    drop((app, rx, ws));
    remove_made(&dir);
}

/// The worker (name, passphrase) the screens open with on a sealed database: added by
/// `make_sealed` at Argon2's least cost, so that the first frame is timed without the
/// unlock.
const BENCH_WORKER: (&str, &str) = ("Bench", "bench passphrase 2");

fn bench_worker() -> daleel::workspace::Credentials {
    daleel::workspace::Credentials::new(BENCH_WORKER.0, BENCH_WORKER.1)
}

/// Removes a database the benchmark made in the system's temporary folder (one under
/// `DALEEL_BENCH_DIR` is kept for the next run).
fn remove_made(dir: &std::path::Path) {
    if std::env::var_os("DALEEL_BENCH_DIR").is_none() {
        let _ = std::fs::remove_dir_all(dir);
        if let Some(base) = dir.parent() {
            let _ = std::fs::remove_dir(base);
        }
    }
}

/// Makes a sealed demo caseload of `n` households in `dir`.
fn make_sealed(dir: &std::path::Path, n: usize) {
    // The caseload is made by the binary in its own process, so that this process's
    // memory is the UI's alone.
    common::stdout_of(
        std::process::Command::new(env!("CARGO_BIN_EXE_daleel"))
            .env("DALEEL_WORKER", "Amal H.")
            .env("DALEEL_PASSPHRASE", "bench passphrase")
            .arg("--data-dir")
            .arg(dir)
            .args(["demo", "--households", &n.to_string()]),
    );
    // A second worker whose passphrase costs Argon2's least, so that the first frame is
    // timed without the unlock (`cargo bench --bench store` times that).
    let ws = Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open");
    ws.add_worker(BENCH_WORKER.0, BENCH_WORKER.1)
        .expect("worker");
}

/// Makes a demo caseload in a database made before encryption (its own process).
fn make_plain() {
    let n = common::households();
    let dir = std::path::PathBuf::from(std::env::var("DALEEL_BENCH_PLAIN").expect("dir"));
    let (identity, _) = daleel::sync::identity::Identity::load_or_create(&dir).expect("key");
    let device = daleel::store::DeviceInfo {
        origin: identity.origin(),
        code: identity.code(),
    };
    let store = daleel::store::Store::open_with_clock(&dir.join("db"), device, FixedClock::at(NOW))
        .expect("plain");
    daleel::demo::generate(&store, n, 1, |_| {}).expect("demo");
    store.set_worker("Bench").expect("worker");
    store.flush().expect("flush");
}

fn measure(sealed: bool) {
    let n: usize = common::households();
    let now = NOW;
    let dir = dir_of(if sealed { "sealed" } else { "plain" });
    std::fs::create_dir_all(&dir).expect("dir");
    if !sealed && !dir.join("db").exists() {
        let t = Instant::now();
        let made = std::process::Command::new(std::env::current_exe().expect("exe"))
            .env("DALEEL_BENCH_CHILD", "make-plain")
            .env("DALEEL_BENCH_PLAIN", &dir)
            .status()
            .expect("make");
        assert!(made.success());
        // Opened once, as the sealed database is to add its worker: sled's first open
        // after a caseload is written rebuilds its snapshot, which is not what a field
        // laptop's morning start costs.
        drop(
            Workspace::open_with_clock(
                &dir,
                FixedClock::at(now),
                &daleel::workspace::Credentials::default(),
            )
            .expect("first open"),
        );
        println!(
            "  ({n} demo households made in {:.1} s)",
            t.elapsed().as_secs_f64()
        );
    }
    if sealed && !dir.join("db").exists() {
        let t = Instant::now();
        make_sealed(&dir, n);
        println!(
            "  ({n} demo households made in {:.1} s)",
            t.elapsed().as_secs_f64()
        );
    }
    println!("screens benchmark: {} demo households", n);
    let rss_before = common::rss_mib();
    let live_before = counting::live_mib();

    // Open and draw the first frame, with the lists loading on a worker thread. The
    // database opens before the passphrase is asked (`Workspace::prepare`), so what a
    // worker waits for once it is typed is the rest.
    let bench = if sealed {
        bench_worker()
    } else {
        daleel::workspace::Credentials::default()
    };
    let (ws, mut app, times, rx) = first_frame(&dir, &bench);
    println!(
        "  open the database, before the passphrase is asked: {:.1} ms",
        times.prepare
    );
    println!(
        "  from the passphrase to the first frame: {:.1} ms (unlock at Argon2's least cost {:.1} ms, app state {:.1} ms, frame {:.1} ms)",
        times.after(),
        times.unlock,
        times.app,
        times.frame
    );
    println!(
        "  resident memory at the first frame: {:.1} MiB (heap in use {:.1} MiB)",
        common::rss_mib(),
        counting::live_mib() - live_before
    );
    let started = times.started;
    // The directory comes first; the lists after it.
    while !app.data.loaded {
        let event = rx
            .recv_timeout(Duration::from_secs(600))
            .expect("the lists load");
        app.handle_event(event);
    }
    println!(
        "  lists loaded in the background after: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    // Let any follow-up job (the first household list) finish.
    while let Ok(e) = rx.recv_timeout(Duration::from_millis(500)) {
        app.handle_event(e);
    }
    println!(
        "  resident memory with the UI open and lists loaded: {:.1} MiB (heap in use {:.1} MiB; the bench process held {rss_before:.1} MiB before opening)",
        common::rss_mib(),
        counting::live_mib() - live_before
    );

    println!(
        "  the same after the allocator gives back its free pages (malloc_trim): {:.1} MiB",
        trimmed_rss_mib()
    );
    render_times(&mut app, "");
    println!(
        "  resident memory with every screen visited: {:.1} MiB (heap in use {:.1} MiB)",
        common::rss_mib(),
        counting::live_mib() - live_before
    );
    lookup_reads(&ws.store);
    // The same screens in Arabic, with the letters joined and every row ordered and
    // mirrored by Daleel (the shaped display mode, tui/bidi.rs).
    if sealed {
        app.update(daleel::tui::action::Action::Help(
            daleel::tui::screens::help::HelpAction::SetLanguage(daleel::i18n::Lang::Ar),
        ));
        app.update(daleel::tui::action::Action::Help(
            daleel::tui::screens::help::HelpAction::SetTextMode(
                daleel::tui::bidi::TextMode::Shaped,
            ),
        ));
        // A change of language reads the lists again (their labels are in it): let the
        // app take them, as it would, rather than leave them waiting in the channel.
        settle(&mut app, &rx);
        render_times(&mut app, " (Arabic, shaped)");
        println!(
            "  resident memory after the lists are read again (a change of language): {:.1} MiB (heap in use {:.1} MiB)",
            common::rss_mib(),
            counting::live_mib() - live_before
        );
        app.update(daleel::tui::action::Action::Help(
            daleel::tui::screens::help::HelpAction::SetLanguage(daleel::i18n::Lang::En),
        ));
        app.update(daleel::tui::action::Action::Help(
            daleel::tui::screens::help::HelpAction::SetTextMode(
                daleel::tui::bidi::TextMode::Terminal,
            ),
        ));
    }
    if sealed {
        settle(&mut app, &rx);
        lists_held(&ws.store);
    }
    // Last, so that its processes share the machine with nothing measured here.
    if sealed && n != FIRST_FRAME_BASE {
        let base = first_frame_of_base();
        println!(
            "  from the passphrase to the first frame at {FIRST_FRAME_BASE} households: {base:.1} ms; at {n} it takes {:.1}x as long (budget 1.5x; issue 20)",
            times.after() / base
        );
    }
    drop(app);
    drop(ws);
    remove_made(&dir);
}

/// Resident memory once glibc's allocator has given its free pages back to the system:
/// what resident memory counts beyond the heap in use that the allocator only keeps.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trimmed_rss_mib() -> f64 {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: malloc_trim only returns free memory to the system; it takes no pointer.
    unsafe { malloc_trim(0) };
    common::rss_mib()
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trimmed_rss_mib() -> f64 {
    f64::NAN
}

/// What each keystroke of the household lookup reads from the store: the rows of up to
/// 200 households by id (`Store::as_kept`), here households picked at random through
/// the database, 30 times (sled's cache decides how many of these reads go to the file).
fn lookup_reads(store: &daleel::store::Store) {
    let ids: Vec<uuid::Uuid> = store
        .all::<daleel::model::Household>()
        .map(|h| h.expect("household").id)
        .collect();
    if ids.is_empty() {
        return;
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut times = Vec::new();
    for _ in 0..30 {
        let picked: Vec<uuid::Uuid> = (0..200)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                ids[(seed % ids.len() as u64) as usize]
            })
            .collect();
        let t = Instant::now();
        let rows = store.as_kept(&picked).expect("rows");
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!rows.is_empty());
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let worst = times.iter().copied().fold(0.0, f64::max);
    println!(
        "  a lookup's rows (200 households by id, at random), each keystroke: mean {mean:.2} ms, worst {worst:.2} ms"
    );
}

/// Lets the app take the lists a change of language reads again, as it would (rather
/// than leave them waiting in the channel).
fn settle(app: &mut App, rx: &std::sync::mpsc::Receiver<Event>) {
    if let Ok(e) = rx.recv_timeout(Duration::from_secs(600)) {
        app.handle_event(e);
    }
    while let Ok(e) = rx.recv_timeout(Duration::from_millis(500)) {
        app.handle_event(e);
    }
}

/// What each of the lists the screens load holds on the heap: the lists read once more,
/// then dropped one at a time.
fn lists_held(store: &daleel::store::Store) {
    let before = counting::live_mib();
    let snapshot = daleel::tui::jobs::load_snapshot(store, 24).expect("load");
    let all = counting::live_mib() - before;
    let mut parts = Vec::new();
    let mut mark = counting::live_mib();
    let mut dropped = |name: &str, parts: &mut Vec<String>| {
        let now = counting::live_mib();
        parts.push(format!("{name} {:.1}", mark - now));
        mark = now;
    };
    let daleel::tui::jobs::Snapshot {
        households,
        referrals,
        unreferred,
        duplicate_groups,
        ..
    } = snapshot;
    let (n_referrals, n_unreferred) = (referrals.len(), unreferred.len());
    drop(households);
    dropped("household search", &mut parts);
    drop(referrals);
    dropped(&format!("{n_referrals} referral rows"), &mut parts);
    drop(unreferred);
    dropped(&format!("{n_unreferred} unreferred need rows"), &mut parts);
    drop(duplicate_groups);
    dropped("likely duplicates", &mut parts);
    println!(
        "  the lists hold {all:.1} MiB on the heap: {} MiB",
        parts.join(", ")
    );
}

/// Render time per screen at 80x24 and 200x60.
fn render_times(app: &mut App, label: &str) {
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        for (key, name) in [
            (KeyCode::F(2), "intake"),
            (KeyCode::F(3), "services"),
            (KeyCode::F(4), "referrals"),
            (KeyCode::F(5), "queue"),
            (KeyCode::F(1), "help"),
        ] {
            app.handle_event(Event::Key(Key::new(key)));
            let mut times = Vec::new();
            for _ in 0..200 {
                let t = Instant::now();
                terminal.draw(|f| render(app, f)).expect("draw");
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            times.sort_by(f64::total_cmp);
            let mean = times.iter().sum::<f64>() / times.len() as f64;
            println!(
                "  render {name:<10} at {w}x{h}{label}: mean {mean:.3} ms, worst {:.3} ms",
                times[times.len() - 1]
            );
        }
    }
}
