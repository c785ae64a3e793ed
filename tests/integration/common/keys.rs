//! Driving the screens as a person does, for the tests of the screens: a window on a
//! workspace (plain theme, jobs run inline), keys pressed and text typed.

use std::path::Path;

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::crossterm::event::KeyCode;

/// A data directory with a device key made of `byte`, so that its case codes are the
/// same every run, at the fixed time `super::NOW`.
pub fn fixed_workspace(dir: &Path, byte: u8) -> Workspace {
    let mut key = b"DLK1".to_vec();
    key.extend([byte; 32]);
    std::fs::write(dir.join("device.key"), key).expect("key");
    Workspace::open_with_clock(dir, FixedClock::at(super::NOW), &super::creds()).expect("open")
}

/// The screens on `ws`, as they open (no worker chosen unless the store has one).
pub fn window(ws: &Workspace) -> App {
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
}

/// The screens on `ws` with Amal H. working.
pub fn working_window(ws: &Workspace) -> App {
    ws.store.set_worker("Amal H.").expect("worker");
    window(ws)
}

pub fn press(app: &mut App, code: KeyCode) {
    key(app, Key::new(code));
}

pub fn key(app: &mut App, k: Key) {
    app.handle_event(Event::Key(k));
}

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, Key::char(c));
    }
}
