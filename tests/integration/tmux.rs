//! A person at a terminal: the real binary in tmux at 80x24, driven with send-keys and
//! read with capture-pane. Records a household with consent and a need, refers it to a
//! sample service, accepts and completes the referral, quits, and checks
//! `daleel stats --json`. Ignored by default (they need tmux); `scripts/tmux-e2e.sh` and `.ci/run` run them.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

impl Session {
    fn start(data: &Path) -> Session {
        static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let name = format!(
            "daleel-e2e-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let cmd = format!(
            // Only what is typed: no passphrase or worker from the tmux server's
            // environment.
            "env -u DALEEL_PASSPHRASE -u DALEEL_WORKER NO_COLOR=1 {} --data-dir {}; sleep 5",
            env!("CARGO_BIN_EXE_daleel"),
            data.display()
        );
        // A session killed just before (the last of its server) can leave the server
        // exiting as this one starts: tried again a few times.
        let ok = (0..5).any(|attempt| {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(300));
            }
            Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    &name,
                    "-x",
                    "80",
                    "-y",
                    "24",
                    &cmd,
                ])
                .status()
                .expect("tmux runs")
                .success()
        });
        assert!(ok, "tmux started");
        Session { name }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["send-keys", "-t", &self.name, k])
                .status()
                .expect("send-keys")
                .success();
            assert!(ok);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, text: &str) {
        let ok = Command::new("tmux")
            .args(["send-keys", "-t", &self.name, "-l", text])
            .status()
            .expect("send-keys")
            .success();
        assert!(ok);
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after 30 s (a loaded
    /// two-core machine unlocks slowly: Argon2).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("waited for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

#[test]
#[ignore = "needs tmux: run scripts/tmux-e2e.sh"]
fn a_household_is_recorded_referred_accepted_and_completed_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let s = Session::start(&data);
    // The first run asks, on the terminal, who is working and for a passphrase (twice).
    s.wait_for("Your name:");
    s.text("Amal H.");
    s.keys(&["Enter"]);
    s.wait_for("Passphrase:");
    s.text("river stone 42");
    s.keys(&["Enter"]);
    s.wait_for("The same passphrase again:");
    s.text("river stone 42");
    s.keys(&["Enter"]);
    s.wait_for("Amal H.");
    s.keys(&["C-n"]);
    s.wait_for("New household");
    s.text("فاطمة حسن علي");
    s.keys(&["Tab"]);
    s.text("Fatima Hassan Ali");
    s.keys(&["Tab", "Right", "Tab"]);
    s.text("1984");
    s.keys(&["Tab"]);
    s.text("0770 123 4567");
    s.keys(&["Tab"]);
    s.text("ninewa");
    s.keys(&["Enter", "Tab", "Tab"]);
    s.text("Al-Zanjili");
    s.keys(&["Tab", "Right", "Right", "Right", "Tab"]);
    s.text("2018-03-14");
    s.keys(&["PageDown"]);
    s.wait_for("step 2 of 3: consent");
    s.keys(&["Right", "Tab", "Right", "Tab", "Right", "PageDown"]);
    s.wait_for("step 3 of 3: needs");
    s.keys(&["IC"]); // Insert
    s.wait_for("Add a need");
    s.text("civil");
    s.keys(&["Enter", "Tab", "Left", "Tab"]);
    s.text("Replace lost civil status ID");
    s.keys(&["C-s"]);
    s.wait_for("Replace lost civil status ID");
    s.keys(&["C-s"]);
    let saved = s.wait_for("Saved");
    assert!(
        saved.contains("- 0 0 0 1"),
        "the case code is shown large:\n{saved}"
    );
    s.keys(&["Enter", "Enter"]);
    s.wait_for("Refer this need to a service");
    s.keys(&["1"]);
    s.wait_for("Enter on a service, Esc stops");
    s.keys(&["Enter"]);
    s.wait_for("When saved");
    s.keys(&["C-s"]);
    s.wait_for("Referral sent to");
    s.keys(&["Enter"]);
    s.wait_for("Accepted by the organization");
    s.keys(&["1"]);
    s.wait_for("The referral is now accepted");
    s.keys(&["Enter"]);
    s.wait_for("Completed…");
    s.keys(&["1"]);
    s.wait_for("Mark as completed");
    s.keys(&["C-s"]);
    s.wait_for("The referral is now completed");
    s.keys(&["F10"]);
    // The process has quit: the database is free for the command line.
    let start = Instant::now();
    let stats = loop {
        let out = Command::new(env!("CARGO_BIN_EXE_daleel"))
            .env("DALEEL_PASSPHRASE", "river stone 42")
            .env_remove("DALEEL_WORKER")
            .arg("--data-dir")
            .arg(&data)
            .args(["stats", "--json"])
            .output()
            .expect("stats");
        if out.status.success() {
            break out;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "stats: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
    assert_eq!(v["households"], 1);
    assert_eq!(v["needs"], 1);
    assert_eq!(v["referrals"], 1);
    assert_eq!(v["referrals_by_status"]["completed"], 1);
}

#[test]
#[ignore = "needs tmux: run scripts/tmux-e2e.sh"]
fn a_wrong_passphrase_gets_three_tries_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let made = Command::new(env!("CARGO_BIN_EXE_daleel"))
        .args(["--data-dir", data.to_str().expect("path"), "--lang", "ar"])
        .args(["demo", "--households", "5"])
        .env("DALEEL_WORKER", "Amal H.")
        .env("DALEEL_PASSPHRASE", "river stone 42")
        .output()
        .expect("demo");
    assert!(made.status.success(), "{made:?}");
    std::fs::write(data.join("config.toml"), "language = \"ar\"\n").expect("config");
    // Wrong twice, then right: the screens open.
    let s = Session::start(&data);
    s.wait_for("عبارة المرور:");
    s.text("river stone 41");
    s.keys(&["Enter"]);
    s.wait_for("بقيت محاولتان");
    s.text("river stone 40");
    s.keys(&["Enter"]);
    s.wait_for("بقيت محاولة واحدة");
    s.text("river stone 42");
    s.keys(&["Enter"]);
    s.wait_for("المزامنة");
    drop(s);
    // Wrong three times: Daleel stops and says why.
    let s = Session::start(&data);
    for _ in 0..3 {
        s.wait_for("عبارة المرور:");
        s.text("not it at all");
        s.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(1500));
    }
    let end = s.wait_for("daleel:");
    assert!(
        !end.contains("المزامنة"),
        "the screens did not open:\n{end}"
    );
}

/// The pids of the Daleel processes working on `data` (not the shell around them).
fn daleel_pids(data: &Path) -> Vec<String> {
    let out = Command::new("pgrep")
        .args(["-f", "--", &format!("--data-dir {}", data.display())])
        .output()
        .expect("pgrep");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == "daleel")
        })
        .map(str::to_string)
        .collect()
}

#[test]
#[ignore = "needs tmux: run scripts/tmux-e2e.sh"]
fn a_household_typed_when_daleel_is_killed_is_offered_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let made = Command::new(env!("CARGO_BIN_EXE_daleel"))
        .args(["--data-dir", data.to_str().expect("path"), "identity"])
        .env("DALEEL_WORKER", "Amal H.")
        .env("DALEEL_PASSPHRASE", "river stone 42")
        .output()
        .expect("first run");
    assert!(made.status.success(), "{made:?}");
    let s = Session::start(&data);
    s.wait_for("Passphrase:");
    s.text("river stone 42");
    s.keys(&["Enter"]);
    s.wait_for("Amal H.");
    s.keys(&["C-n"]);
    s.wait_for("New household");
    s.text("Zainab Kadhim");
    // The draft is written a few seconds after the last key.
    std::thread::sleep(Duration::from_millis(5_500));
    let pids = daleel_pids(&data);
    assert!(!pids.is_empty(), "Daleel runs");
    for pid in &pids {
        let killed = Command::new("kill")
            .args(["-9", pid])
            .status()
            .expect("kill");
        assert!(killed.success());
    }
    drop(s);
    let s = Session::start(&data);
    s.wait_for("Passphrase:");
    s.text("river stone 42");
    s.keys(&["Enter"]);
    s.wait_for("Restore the unsaved household of");
    s.keys(&["Enter"]);
    let restored = s.wait_for("Zainab Kadhim");
    assert!(restored.contains("New household"), "{restored}");
}
