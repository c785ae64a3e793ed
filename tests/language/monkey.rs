//! A monkey at the keyboard (issue 8, item 6): long random sequences of keys, pastes and
//! resizes, from 1x1 to 300x100, over every screen of an app on a demo caseload, in both
//! display modes. Nothing may panic, every frame must draw, and the database must be
//! whole afterwards. The seed is printed, so that a failure can be replayed.

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::bidi::TextMode;
use daleel::tui::event::Event;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::render;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use rand::{Rng, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use crate::common;

/// Keys a person may press, weighted towards the ones that move between screens,
/// open menus and type.
fn random_key(rng: &mut impl Rng) -> Key {
    let code = match rng.gen_range(0..100) {
        0..=14 => KeyCode::F(rng.gen_range(1..=10)),
        15..=24 => KeyCode::Enter,
        25..=31 => KeyCode::Esc,
        32..=39 => KeyCode::Tab,
        40..=43 => KeyCode::BackTab,
        44..=53 => [KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right][rng.gen_range(0..4)],
        54..=57 => [
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ][rng.gen_range(0..4)],
        58..=61 => KeyCode::Backspace,
        62..=63 => KeyCode::Delete,
        64..=65 => KeyCode::Insert,
        66..=69 => KeyCode::Char(' '),
        70..=79 => {
            KeyCode::Char(['a', 'z', '7', '?', '/', 'ف', '٣', 'ڕ', '-', ';'][rng.gen_range(0..10)])
        }
        _ => KeyCode::Char(rng.gen_range(b'a'..=b'z') as char),
    };
    if rng.gen_range(0..12) == 0 {
        // Ctrl+S, Ctrl+N and the like, now and then.
        return Key::ctrl(['s', 'n', 'u', 'c'][rng.gen_range(0..4)]);
    }
    Key::new(code)
}

fn monkey(seed: u64, steps: usize, mode: TextMode) {
    let dir = tempfile::tempdir().expect("dir");
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(common::NOW), &common::creds())
        .expect("open");
    daleel::demo::generate(&ws.store, 60, seed, |_| {}).expect("demo");
    ws.store.set_worker("Monkey").expect("worker");
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(ws.identity.clone())
    .with_text_mode(mode);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut w, mut h) = (80u16, 24u16);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    for step in 0..steps {
        match rng.gen_range(0..40) {
            0 => {
                // A resize, anywhere from 1x1 to 300x100.
                (w, h) = (rng.gen_range(1..=300), rng.gen_range(1..=100));
                terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                app.handle_event(Event::Resize(w, h));
            }
            1 => {
                // A long paste (more than any field takes).
                let text: String = (0..rng.gen_range(1..600))
                    .map(|_| ['x', 'ع', ' ', '9'][rng.gen_range(0..4)])
                    .collect();
                app.handle_event(Event::Paste(text));
            }
            2 => app.handle_event(Event::Tick),
            _ => app.handle_event(Event::Key(random_key(&mut rng))),
        }
        if app.quit {
            // F10 asks to leave: the monkey stays.
            app.quit = false;
        }
        if step % 3 == 0 {
            terminal
                .draw(|f| render(&app, f))
                .unwrap_or_else(|e| panic!("seed {seed}, step {step}: draw: {e}"));
        }
    }
    let problems = ws.store.check().expect("check");
    assert!(problems.is_empty(), "seed {seed}: {problems:?}");
    eprintln!(
        "monkey: seed {seed}: the database is whole after {steps} events ({} changes in its log)",
        ws.store.change_count()
    );
}

#[test]
fn a_monkey_at_the_keyboard_breaks_nothing() {
    let _turn = crate::LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let base: u64 = std::env::var("DALEEL_MONKEY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261129);
    let steps: usize = std::env::var("DALEEL_MONKEY_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000);
    for (i, mode) in [TextMode::Terminal, TextMode::Shaped]
        .into_iter()
        .enumerate()
    {
        let seed = base + i as u64;
        eprintln!("monkey: seed {seed}, {steps} events, {mode:?}");
        monkey(seed, steps, mode);
    }
}
