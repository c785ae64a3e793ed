//! The Sync screen without command-line detours: this laptop's card written onto the
//! drive, another laptop's card found there, shown with its fingerprint and trusted on
//! confirmation, and the drive folder remembered for the next start.

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::jobs::Runner;
use daleel::tui::render;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use crate::common::keys::{press, typed};

const NOW: i64 = 1_795_950_000_000;

fn laptop(dir: &std::path::Path, worker: &str) -> (Workspace, App) {
    let ws = Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open");
    ws.store.set_worker(worker).expect("worker");
    let app = screens(&ws);
    (ws, app)
}

fn screens(ws: &Workspace) -> App {
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(ws.identity.clone())
    .with_team(ws.team())
}

/// What a person sees at 80x24.
fn seen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the menu, checks the item is shown, moves onto it and presses Enter.
fn pick(app: &mut App, label: &str) {
    press(app, KeyCode::F(9));
    assert!(
        seen(app).contains(label),
        "no {label:?} in the menu:\n{}",
        seen(app)
    );
    let Some(daleel::tui::screens::modal::Modal::Menu(menu)) = &app.modal else {
        panic!("a menu")
    };
    let at = menu
        .items
        .iter()
        .position(|(l, _)| l.starts_with(label))
        .expect("the item");
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

#[test]
fn a_card_is_written_found_compared_and_trusted_from_the_sync_screen() {
    let dirs = [
        tempfile::tempdir().expect("a"),
        tempfile::tempdir().expect("b"),
    ];
    let stick = tempfile::tempdir().expect("stick");
    let folder = stick.path().to_str().expect("path").to_string();
    let (a, mut on_a) = laptop(dirs[0].path(), "Amal H.");
    let (b, mut on_b) = laptop(dirs[1].path(), "Yousif K.");
    let a_print = a.identity.fingerprint();

    // A: the Sync screen shows A's own fingerprint, and F9 writes A's card.
    press(&mut on_a, KeyCode::F(6));
    typed(&mut on_a, &folder);
    press(&mut on_a, KeyCode::Enter);
    assert!(seen(&on_a).contains(&a_print), "{}", seen(&on_a));
    pick(&mut on_a, "Write this laptop's card");
    let card = stick
        .path()
        .join(format!("daleel-{}.card", a.identity.code()));
    assert!(card.is_file(), "the card is on the drive");
    assert!(
        seen(&on_a).contains(&a_print),
        "the message names the fingerprint"
    );

    // B: the card is found; the confirmation shows A's fingerprint; yes trusts A.
    press(&mut on_b, KeyCode::F(6));
    typed(&mut on_b, &folder);
    press(&mut on_b, KeyCode::Enter);
    assert!(
        seen(&on_b).contains("One laptop's card is on this drive"),
        "{}",
        seen(&on_b)
    );
    assert!(!b.store.is_trusted(a.identity.origin()).expect("read"));
    pick(&mut on_b, &format!("Trust laptop {}", a.identity.code()));
    let asked = seen(&on_b);
    assert!(
        asked.contains(&a_print),
        "the fingerprint to compare: {asked}"
    );
    assert!(
        !b.store.is_trusted(a.identity.origin()).expect("read"),
        "asked first"
    );
    // A key other than Enter does not trust.
    press(&mut on_b, KeyCode::Char('y'));
    assert!(!b.store.is_trusted(a.identity.origin()).expect("read"));
    press(&mut on_b, KeyCode::Enter);
    assert!(b.store.is_trusted(a.identity.origin()).expect("read"));
    assert!(seen(&on_b).contains("is trusted now"), "{}", seen(&on_b));
    // Trusted, the card is no longer offered.
    press(&mut on_b, KeyCode::F(9));
    assert!(!seen(&on_b).contains("Trust laptop"), "{}", seen(&on_b));

    // The folder is remembered: B's next start shows it without typing.
    drop(on_b);
    let again = screens(&b);
    let mut again = again;
    press(&mut again, KeyCode::F(6));
    assert!(seen(&again).contains(&folder), "{}", seen(&again));
}
