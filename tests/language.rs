//! Languages at run time: the screens switch to Arabic from the Help menu, shaped and
//! mirrored for terminals that cannot show Arabic, or left to the terminal. In a binary of
//! its own, with the monkey at the keyboard (which may switch languages from a menu): the
//! language is the process's, and the other tests expect English. The tests here take
//! `LANGUAGE` in turn.

use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::bidi::TextMode;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::render;
use daleel::tui::screens::help::HelpAction;
use daleel::tui::screens::intake::act::IntakeAction;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

#[path = "integration/common/mod.rs"]
mod common;
#[path = "language/monkey.rs"]
mod monkey;
#[path = "language/screens.rs"]
mod screens;

/// Held by each test of this binary while it runs: they set the process's language.
pub static LANGUAGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(daleel::tui::event::Event::Key(Key::new(code)));
}

/// Opens the Help menu and picks the item shown starting with `label` (as written, or
/// shaped as a terminal that cannot show Arabic is given it).
fn pick(app: &mut App, label: &str) {
    press(app, KeyCode::F(1));
    press(app, KeyCode::F(9));
    let items = common::screen::menu_items(app);
    let shaped = daleel::tui::bidi::visual(label, false, false);
    let at = items
        .iter()
        .position(|l| l.starts_with(label) || l.starts_with(&shaped))
        .unwrap_or_else(|| panic!("no {label:?} in {items:?}"));
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

#[test]
fn the_screens_switch_to_arabic_and_back_and_mirror_when_shaped() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    daleel::i18n::set_language(daleel::i18n::Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(common::NOW), &common::creds())
        .expect("open");
    ws.store.set_worker("Amal H.").expect("worker");
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_text_mode(TextMode::Shaped);
    assert!(screen(&app)[0].contains("Intake"));
    pick(&mut app, "Language: العربية");
    let rows = screen(&app);
    assert!(!rows[0].contains("Intake"), "{}", rows[0]);
    // Joined letters (presentation forms), and the app's name at the right end: the
    // tab row reads right to left.
    let joined = |c: char| ('\u{FE70}'..='\u{FEFF}').contains(&c);
    assert!(rows.iter().any(|r| r.chars().any(joined)), "{rows:#?}");
    let tabs = rows[0].trim_end();
    assert!(
        tabs.ends_with("\u{FEDE}\u{FEF4}\u{FEDF}\u{FE8D}\u{FEA9}")
            || tabs.ends_with("\u{FEDE}\u{FEF4}\u{FEDF}\u{FEA9}"),
        "{tabs}"
    );
    assert!(
        tabs.contains("F1") && tabs.find("F1") > tabs.find("F2"),
        "F1 right of F2: {tabs}"
    );
    // Left to the terminal: the words as stored, the screens laid out right to left.
    app.update(daleel::tui::action::Action::Help(HelpAction::SetTextMode(
        TextMode::Terminal,
    )));
    let rows = screen(&app);
    assert!(rows.iter().all(|r| !r.chars().any(joined)), "{rows:#?}");
    assert!(rows[0].contains("دليل"), "{}", rows[0]);
    // And back to English.
    app.update(daleel::tui::action::Action::Help(HelpAction::SetLanguage(
        daleel::i18n::Lang::En,
    )));
    assert!(screen(&app)[0].contains("Intake"));
}

/// A core error reaches the screens in the screens' language, with its facts: erasing a
/// household twice names its case code in Arabic, not in the store's English.
#[test]
fn a_core_error_is_shown_in_the_screens_language() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    daleel::i18n::set_language(daleel::i18n::Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(common::NOW), &common::creds())
        .expect("open");
    ws.store.set_worker("Amal H.").expect("worker");
    let h = common::household("Layla");
    let id = h.id;
    ws.store
        .apply("Amal H.", &[daleel::store::Edit::Household(h)])
        .expect("save");
    let code = ws
        .store
        .get::<daleel::model::Household>(id)
        .expect("read")
        .expect("saved")
        .case_code;
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app");
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Erase(id)));
    app.update(daleel::tui::action::Action::Help(HelpAction::SetLanguage(
        daleel::i18n::Lang::Ar,
    )));
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Erase(id)));
    // The message line, marked as an error.
    let said = common::screen::said(&app);
    daleel::i18n::set_language(daleel::i18n::Lang::En);
    // Mirrored: the error's mark at the right, the sentence as stored to its left.
    assert_eq!(said, format!("{code} ممحوة من قبل. !"));
    // The command line keeps the English of the error itself.
    let e = ws.store.erase("Amal H.", id).expect_err("erased already");
    assert_eq!(e.to_string(), format!("{code} was erased already"));
}

/// A referral slip printed while the screens are in Arabic names the sector and the
/// priority in Arabic, as the rest of the slip (they came out in English before).
#[test]
fn the_slip_in_arabic_shows_arabic_sector_and_priority_labels() {
    use daleel::i18n::{Lang, tr_in};
    use daleel::model::{Need, Priority, Referral, Sector, Timestamp, sample};
    use daleel::store::Edit;
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().expect("dir");
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(common::NOW), &common::creds())
        .expect("open");
    let h = common::household("Layla");
    let service = sample::directory().services[0].clone();
    let need = Need {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        sector: Sector::ChildProtection,
        description: "need".into(),
        priority: Priority::Emergency,
        created_at: Timestamp(common::NOW),
        created_by: "w".into(),
        ..Need::default()
    };
    let r = Referral {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        need: need.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: Priority::Emergency,
        reason: "reason".into(),
        created_at: Timestamp(common::NOW),
        created_by: "Amal".into(),
        ..Referral::default()
    };
    ws.store
        .apply(
            "w",
            &[
                Edit::Household(h),
                Edit::Need(need),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("save");
    daleel::i18n::set_language(Lang::Ar);
    let page = daleel::report::slip::slip(&ws.store, r.id);
    daleel::i18n::set_language(Lang::En);
    let page = page.expect("slip");
    for id in [
        "sector-child-protection",
        "priority-emergency",
        "slip-sector",
    ] {
        let arabic = tr_in(Lang::Ar, id, &[]);
        assert_ne!(arabic, tr_in(Lang::En, id, &[]), "{id}");
        assert!(page.contains(&arabic), "{id}: {arabic} not in the slip");
    }
    for english in ["Child Protection", "Child protection", "Emergency"] {
        assert!(!page.contains(english), "{english} in the Arabic slip");
    }
}

/// The household form at 80x24 in English, Arabic and Kurdish, as the terminal is given
/// it (left to the terminal, and shaped and mirrored): after Ctrl+S on an empty form,
/// each field at fault keeps its `!` in a column of its own, the boxes keep their
/// borders, and the problems are listed with their steps (issue 16, item 4).
#[test]
fn the_forms_marks_and_problems_fit_80_columns_in_every_language() {
    use daleel::i18n::{Arg, Lang, t, tr};
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().expect("dir");
    let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(common::NOW), &common::creds())
        .expect("open");
    ws.store.set_worker("Amal H.").expect("worker");
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        for mode in [TextMode::Terminal, TextMode::Shaped] {
            daleel::i18n::set_language(lang);
            let mut app = App::new(
                ws.store.clone(),
                Theme::plain(),
                Runner::Inline(Vec::new()),
                0,
            )
            .expect("app")
            .with_text_mode(mode);
            app.handle_event(daleel::tui::event::Event::Key(Key::ctrl('n')));
            app.handle_event(daleel::tui::event::Event::Key(Key::ctrl('s')));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            terminal.draw(|f| render(&app, f)).expect("draw");
            let buffer = terminal.backend().buffer().clone();
            let rows = screen(&app);
            let shown = rows.join("\n");
            let at = |x: u16, y: u16| buffer[(x, y)].symbol().to_string();
            for y in 3..=9 {
                for x in [0, 39, 40, 79] {
                    if !["│", "┌", "┐", "└", "┘"].contains(&at(x, y).as_str()) {
                        failures.push(format!(
                            "{lang:?} {mode:?}: ({x}, {y}) not a border\n{shown}"
                        ));
                    }
                }
            }
            let marks: usize = rows[4..=8].iter().map(|r| r.matches('!').count()).sum();
            if marks != 3 {
                failures.push(format!("{lang:?} {mode:?}: {marks} marks, not 3\n{shown}"));
            }
            if mode == TextMode::Terminal {
                // The mark on the side the label is read from: its left, or in Arabic
                // and Kurdish (mirrored) its right.
                let governorate = t("intake-governorate");
                let marked = if lang.is_rtl() {
                    format!("{governorate}! ")
                } else {
                    format!("!{governorate} ")
                };
                if !rows.iter().any(|r| r.contains(&marked)) {
                    failures.push(format!("{lang:?}: !{governorate}\n{shown}"));
                }
                let step2 = tr(
                    "problems-line",
                    &[("step", Arg::Num(2)), ("what", Arg::Str(""))],
                );
                let title = tr("problems-title", &[("count", Arg::Num(6))]);
                let title = title.chars().take(40).collect::<String>();
                for wanted in [step2.trim().to_string(), title] {
                    if !shown.contains(&wanted) {
                        failures.push(format!("{lang:?}: {wanted:?} not shown\n{shown}"));
                    }
                }
            }
        }
    }
    daleel::i18n::set_language(Lang::En);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
