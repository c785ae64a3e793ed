//! Nothing typed is lost: a few seconds after the last key the form being typed is kept
//! as a sealed draft; a new window (after a crash) offers it back, restoring brings the
//! form and an open pop-up back as they were, and saving or leaving deletes it. The
//! SIGKILL of the real binary is in tmux.rs.

use std::sync::Arc;

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use crate::common::keys::{key, press, typed};
use crate::common::screen;

const NOW: i64 = 1_795_950_000_000;

fn open(dir: &std::path::Path) -> (Workspace, Arc<FixedClock>) {
    let clock = FixedClock::at(NOW);
    let ws = Workspace::open_with_clock(dir, clock.clone(), &common::creds()).expect("open");
    ws.store.set_worker("Amal H.").expect("worker");
    (ws, clock)
}

fn window(ws: &Workspace) -> App {
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
}

/// Lets `ms` pass and the app tick.
fn wait(app: &mut App, clock: &FixedClock, ms: i64) {
    clock.set(clock.0.load(std::sync::atomic::Ordering::SeqCst) + ms);
    app.handle_event(daleel::tui::event::Event::Tick);
}

#[test]
fn a_household_being_typed_is_offered_back_after_a_crash_and_gone_once_left() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, clock) = open(dir.path());
    let mut app = window(&ws);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "فاطمة حسن علي");
    wait(&mut app, &clock, 1_000);
    assert!(
        ws.store.draft().expect("read").is_none(),
        "not while typing"
    );
    wait(&mut app, &clock, 3_000);
    let kept = ws
        .store
        .draft()
        .expect("read")
        .expect("a draft after the pause");
    // Sealed: the name is not in the stored bytes (the meta tree is sealed).
    let raw = std::fs::read_dir(dir.path().join("db"))
        .expect("db")
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .any(|bytes| bytes.windows(10).any(|w| w == "فاطمة".as_bytes()));
    assert!(!raw, "the draft is sealed on disk");
    assert!(!kept.is_empty());
    // The window dies without saving; the next one offers the household back.
    drop(app);
    let mut again = window(&ws);
    assert!(
        screen::shows(&again, "Restore the unsaved household of"),
        "{}",
        screen::text(&again)
    );
    press(&mut again, KeyCode::Enter);
    assert!(
        screen::shows(&again, "فاطمة حسن علي") || screen::shows(&again, "علي حسن فاطمة"),
        "{}",
        screen::text(&again)
    );
    assert_eq!(screen::tab(&again), "F2 Intake");
    // Leaving the form without saving deletes the draft at once.
    press(&mut again, KeyCode::Esc);
    press(&mut again, KeyCode::Enter);
    assert!(
        ws.store.draft().expect("read").is_none(),
        "{}",
        screen::text(&again)
    );
    drop(again);
    let third = window(&ws);
    assert!(!screen::shows(&third, "Restore the unsaved"));
}

#[test]
fn an_open_pop_up_comes_back_with_its_answers_and_discard_drops_the_draft() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, clock) = open(dir.path());
    let mut app = window(&ws);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "Hassan Ali");
    // Step 3 (needs), then a new need in its pop-up, typed and not yet added.
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Insert);
    let title = app.pop_up_title().expect("the need pop-up");
    typed(&mut app, "civil");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Replace the lost ID card");
    wait(&mut app, &clock, 4_000);
    drop(app);
    let mut again = window(&ws);
    assert!(screen::shows(&again, "Restore the unsaved household of"));
    press(&mut again, KeyCode::Enter);
    assert_eq!(again.pop_up_title().as_deref(), Some(title.as_str()));
    assert!(
        screen::shows(&again, "Replace the lost ID card"),
        "{}",
        screen::text(&again)
    );
    drop(again);
    // Offered again (nothing was saved); this time discarded.
    let mut third = window(&ws);
    assert!(screen::shows(&third, "Restore the unsaved household of"));
    press(&mut third, KeyCode::Down);
    press(&mut third, KeyCode::Enter);
    assert!(ws.store.draft().expect("read").is_none());
    assert!(!screen::shows(&third, "Hassan Ali"));
}
