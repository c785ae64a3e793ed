//! The household form as a worker types into it, at 80x24 (issue 16, items 4 and 5): the
//! `!` of a field at fault in a column of its own, every problem listed with its step
//! and F7 (Ctrl+E) to go from one to the next; a paste of several lines staying in its
//! field, Ctrl+U, drop-downs moved with ↑↓ and picked with Enter, dates that say their
//! format, wide characters and emoji that keep the borders, the household's size, the
//! head as a choice of "for whom", and a district picker with no district that says how
//! districts come to the laptop. Key sequences in, the screen (ratatui's TestBackend)
//! out, in English (tests/language.rs has Arabic and Kurdish).

use std::path::Path;

use daleel::model::{Area, Household, Need};
use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::field::FieldId;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::render;
use daleel::tui::screens::intake::{HouseholdForm, Step};
use daleel::tui::screens::modal::Modal;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use crate::common::keys::{key, press, typed};

/// 2026-11-29 11:00 UTC.
const NOW: i64 = 1_795_950_000_000;

/// A data directory with a fixed device key and a worker.
fn workspace(dir: &Path) -> Workspace {
    let mut key = b"DLK1".to_vec();
    key.extend([7u8; 32]);
    std::fs::write(dir.join("device.key"), key).expect("key");
    let ws = Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open");
    ws.store.set_worker("Amal H.").expect("worker");
    ws
}

fn app(ws: &Workspace) -> App {
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
}

fn tabs(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

/// A new household's form, open.
fn new_form(ws: &Workspace) -> App {
    let mut app = app(ws);
    key(&mut app, Key::ctrl('n'));
    assert!(app.screens.intake.form.is_some(), "the form is open");
    app
}

fn form(app: &App) -> &HouseholdForm {
    app.screens.intake.form.as_ref().expect("a form")
}

fn focused(app: &App) -> Option<FieldId> {
    let f = form(app);
    match f.step {
        Step::Who => f.who.focused().map(|f| f.id),
        Step::Consent => f.consent.focused().map(|f| f.id),
        Step::Needs => None,
    }
}

/// The screen at 80x24: its rows (trailing spaces cut) and its cells.
fn screen(app: &App) -> (String, Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let text = buffer
        .content()
        .chunks(80)
        .map(|row| {
            row.iter()
                .map(|c| c.symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, buffer)
}

/// The screen's row that holds `needle`.
fn row_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row holds {needle:?}:\n{text}"))
}

/// A household that can be saved, typed: Zainab, Ninewa, host community, consent given;
/// the keyboard ends on the consent step.
fn fill_valid(app: &mut App, size: &str) {
    typed(app, "Zainab");
    tabs(app, 5); // Governorate
    typed(app, "nin");
    press(app, KeyCode::Enter);
    tabs(app, 3); // Status
    typed(app, "host");
    press(app, KeyCode::Enter);
    // No return date for a host household: the six vulnerabilities, then the size.
    tabs(app, 7);
    assert_eq!(focused(app), Some(FieldId::HouseholdSize));
    typed(app, size);
    press(app, KeyCode::PageDown);
    for _ in 0..3 {
        press(app, KeyCode::Right); // yes
        press(app, KeyCode::Tab);
    }
}

#[test]
fn the_mark_of_a_field_at_fault_has_a_column_of_its_own_at_80_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    key(&mut app, Key::ctrl('s'));
    let (text, _) = screen(&app);
    // "Governorate" is as wide as the label column: its `!` was cut off before.
    assert!(
        row_with(&text, "Governorate").contains(" !Governorate "),
        "{text}"
    );
    assert!(
        row_with(&text, "Name").contains(">!Name "),
        "the focus and the mark"
    );
    assert!(row_with(&text, "Status ").contains(" !Status "), "{text}");
    assert!(
        row_with(&text, "Latin").contains("  Latin "),
        "no mark on a field with nothing wrong"
    );
    // Every row fits: the boxes' borders stand where they were.
    let (_, buffer) = screen(&app);
    for y in 3..=9 {
        for x in [0, 39, 40, 79] {
            assert!(
                ["│", "┌", "┐", "└", "┘"].contains(&buffer[(x, y)].symbol()),
                "({x}, {y}): {text}"
            );
        }
    }
}

#[test]
fn every_problem_is_listed_with_its_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    key(&mut app, Key::ctrl('s'));
    let (text, _) = screen(&app);
    for line in [
        "6 things to fix before saving · F7 goes to the next",
        ">! Step 1 · Name: Type the name as the person gives it.",
        " ! Step 1 · Governorate: Choose the governorate.",
        " ! Step 1 · Status: Choose the household's displacement status.",
        " ! Step 2 · Referral to services: Ask this question",
        " ! Step 2 · Share details: Ask this question",
        " ! Step 2 · Follow-up contact: Ask this question",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(
        row_with(&text, "F7 next problem").contains("F10 quit"),
        "the footer names the key, and quitting still fits: {text}"
    );
    // On the consent step, the problems of step 1 are counted on one row.
    press(&mut app, KeyCode::PageDown);
    let (text, _) = screen(&app);
    assert!(
        text.contains(" ! Step 1 · 3 to fix: Name, Governorate, Status"),
        "{text}"
    );
    assert!(
        text.contains(">! Step 2 · Referral to services: Ask this question"),
        "the keyboard is at it: {text}"
    );
}

#[test]
fn f7_goes_to_each_problem_in_turn_across_the_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    key(&mut app, Key::ctrl('s'));
    assert_eq!(focused(&app), Some(FieldId::HeadName), "the first one");
    let mut visited = Vec::new();
    for k in [
        Key::new(KeyCode::F(7)),
        Key::ctrl('e'),
        Key::new(KeyCode::F(7)),
        Key::new(KeyCode::F(7)),
        Key::ctrl('ث'), // where e is, on the Arabic layout
        Key::new(KeyCode::F(7)),
    ] {
        key(&mut app, k);
        visited.push((form(&app).step, focused(&app)));
    }
    assert_eq!(
        visited,
        [
            (Step::Who, Some(FieldId::Governorate)),
            (Step::Who, Some(FieldId::Displacement)),
            (Step::Consent, Some(FieldId::ConsentServices)),
            (Step::Consent, Some(FieldId::ConsentDisclosure)),
            (Step::Consent, Some(FieldId::ConsentFollowUp)),
            (Step::Who, Some(FieldId::HeadName)),
        ],
        "in the order of the form, then back to the first"
    );
    // The one the keyboard is at is marked in the list.
    press(&mut app, KeyCode::F(7));
    let (text, _) = screen(&app);
    assert!(
        text.contains(">! Step 1 · Governorate: Choose the governorate."),
        "{text}"
    );
}

#[test]
fn a_fixed_problem_leaves_the_list_and_its_mark_goes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    key(&mut app, Key::ctrl('s'));
    typed(&mut app, "Zainab");
    let (text, _) = screen(&app);
    assert!(text.contains("5 things to fix before saving"), "{text}");
    assert!(!text.contains("Step 1 · Name"), "{text}");
    assert!(row_with(&text, "Zainab").contains("│> Name "), "{text}");
    // A new mistake waits for Ctrl+S: typing a year is not nagged at.
    tabs(&mut app, 3);
    typed(&mut app, "19");
    let (text, _) = screen(&app);
    assert!(!text.contains("Born (year):"), "{text}");
    key(&mut app, Key::ctrl('s'));
    let (text, _) = screen(&app);
    assert!(
        text.contains("Step 1 · Born (year): Type a year of birth from 1906 to 2026."),
        "in the screens' words: {text}"
    );
    // With everything fixed, F7 says there is nothing to fix.
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    press(&mut app, KeyCode::F(7));
    let said = app.message.clone().map(|m| m.0).unwrap_or_default();
    assert_eq!(said, "Nothing to fix: Ctrl+S saves.");
}

#[test]
fn a_paste_of_several_lines_stays_in_its_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    // Bracketed paste: one event.
    app.handle_event(Event::Paste("a\nb".into()));
    assert_eq!(form(&app).who.text(FieldId::HeadName), "a b");
    assert_eq!(focused(&app), Some(FieldId::HeadName), "the focus stays");
    let (text, _) = screen(&app);
    assert!(row_with(&text, "Name").contains("[a b"), "{text}");
    // A terminal without bracketed paste (the Windows console) types it as keys, Enter
    // at each line break, all at once.
    press(&mut app, KeyCode::Tab);
    let keys = vec![
        Key::char('H'),
        Key::char('a'),
        Key::new(KeyCode::Enter),
        Key::new(KeyCode::Enter),
        Key::char('Z'),
        Key::new(KeyCode::Tab),
        Key::char('x'),
    ];
    for e in daleel::tui::event::burst(keys) {
        app.handle_event(e);
    }
    assert_eq!(form(&app).who.text(FieldId::HeadLatin), "Ha Z x");
    assert_eq!(focused(&app), Some(FieldId::HeadLatin));
    // Typed one by one, Enter still moves on.
    press(&mut app, KeyCode::Enter);
    assert_eq!(focused(&app), Some(FieldId::HeadSex));
}

#[test]
fn ctrl_u_empties_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    typed(&mut app, "Ahmed Al-Jubouri");
    key(&mut app, Key::ctrl('u'));
    assert_eq!(form(&app).who.text(FieldId::HeadName), "");
    assert_eq!(focused(&app), Some(FieldId::HeadName));
    // The key table (and so the help) has it among the form's keys.
    assert!(
        daleel::tui::keys::table(daleel::tui::keys::Scope::Form)
            .iter()
            .any(|(label, hint)| *label == "Ctrl+U" && *hint == "key-clear")
    );
}

#[test]
fn up_and_down_move_in_a_drop_down_and_enter_picks_without_jumping() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    tabs(&mut app, 2);
    assert_eq!(focused(&app), Some(FieldId::HeadSex));
    press(&mut app, KeyCode::Down);
    let (text, _) = screen(&app);
    assert!(text.contains("Type or ↑↓, Enter picks"), "the list: {text}");
    assert!(row_with(&text, "> Female").contains("> Female"), "{text}");
    press(&mut app, KeyCode::Down);
    let (text, _) = screen(&app);
    assert!(text.contains("> Male"), "{text}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        form(&app).who.code(FieldId::HeadSex).as_deref(),
        Some("male")
    );
    assert_eq!(focused(&app), Some(FieldId::HeadSex), "Enter does not jump");
    let (text, _) = screen(&app);
    assert!(!text.contains("Enter picks"), "the list is closed: {text}");
    // Enter opens it again; Esc closes it and keeps the form and the choice.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.intake.form.is_some() && app.modal.is_none());
    assert_eq!(
        form(&app).who.code(FieldId::HeadSex).as_deref(),
        Some("male")
    );
    assert_eq!(focused(&app), Some(FieldId::HeadSex));
}

#[test]
fn a_date_says_its_format_until_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    tabs(&mut app, 8);
    assert_eq!(focused(&app), Some(FieldId::Displacement));
    typed(&mut app, "retu");
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen(&app);
    assert!(
        row_with(&text, "Returned on").contains("[YYYY-MM-DD"),
        "{text}"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(focused(&app), Some(FieldId::ReturnedOn));
    let (text, _) = screen(&app);
    assert!(
        row_with(&text, "Returned on").contains("YYYY-MM-DD"),
        "{text}"
    );
    typed(&mut app, "2");
    let (text, _) = screen(&app);
    assert!(!text.contains("YYYY-MM-DD"), "gone once typed: {text}");
}

#[test]
fn wide_characters_and_emoji_keep_the_borders_and_go_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    let family = "👨\u{200d}👩\u{200d}👧";
    for _ in 0..4 {
        typed(&mut app, "日本語😀");
        typed(&mut app, family);
    }
    let (text, buffer) = screen(&app);
    for y in 3..=9 {
        for x in [0, 39, 40, 79] {
            assert!(
                ["│", "┌", "┐", "└", "┘"].contains(&buffer[(x, y)].symbol()),
                "({x}, {y}) is not a border:\n{text}"
            );
        }
    }
    // Moving off the field (the view starts at the beginning) keeps them too.
    press(&mut app, KeyCode::Tab);
    let (text, buffer) = screen(&app);
    assert!(row_with(&text, "Name").contains("[日"), "{text}");
    assert_eq!(buffer[(39, 4)].symbol(), "│", "{text}");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Backspace);
    let name = form(&app).who.text(FieldId::HeadName);
    assert!(name.ends_with("語😀"), "the whole family went: {name:?}");
    press(&mut app, KeyCode::Backspace);
    assert!(form(&app).who.text(FieldId::HeadName).ends_with('語'));
}

#[test]
fn the_household_size_is_saved_and_may_be_more_than_the_people_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    fill_valid(&mut app, "5");
    key(&mut app, Key::ctrl('s'));
    assert!(
        matches!(app.modal, Some(Modal::Notice { .. })),
        "saved: {:?} {:?}",
        app.message,
        form(&app).problems
    );
    let saved: Vec<Household> = ws
        .store
        .all::<Household>()
        .collect::<Result<_, _>>()
        .expect("read");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].size, Some(5), "five people, one listed");
    assert_eq!(saved[0].people_count(), 5);
    // Fewer than listed: said against the field.
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    fill_valid(&mut app, "1");
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::Tab); // the members' list
    press(&mut app, KeyCode::Insert);
    typed(&mut app, "Hassan");
    key(&mut app, Key::ctrl('s'));
    assert!(app.modal.is_none(), "the member is added");
    key(&mut app, Key::ctrl('s'));
    let (text, _) = screen(&app);
    assert!(
        text.contains("Step 1 · Household size: 2 people are listed (the head and the members)"),
        "{text}"
    );
    assert!(row_with(&text, "Household size").contains("!Household size"));
    assert_eq!(focused(&app), Some(FieldId::HouseholdSize));
}

#[test]
fn the_head_is_a_choice_of_for_whom_a_need_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    fill_valid(&mut app, "");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Insert);
    let Some(Modal::Prompt(p)) = &app.modal else {
        panic!("the need's form: {:?}", app.modal)
    };
    let whom: Vec<String> = p
        .form
        .get(FieldId::Member)
        .expect("for whom")
        .options()
        .iter()
        .map(|o| o.label.clone())
        .collect();
    assert_eq!(whom, ["the whole household", "Zainab (head of household)"]);
    typed(&mut app, "health");
    press(&mut app, KeyCode::Enter);
    tabs(&mut app, 2);
    typed(&mut app, "Diabetes follow-up");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down); // opens on "the whole household"
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    key(&mut app, Key::ctrl('s'));
    assert!(app.modal.is_none(), "the need is added: {:?}", app.modal);
    let head = form(&app).head_id;
    assert_eq!(form(&app).needs[0].member, Some(head));
    key(&mut app, Key::ctrl('s'));
    let saved: Vec<Household> = ws
        .store
        .all::<Household>()
        .collect::<Result<_, _>>()
        .expect("read");
    let needs: Vec<Need> = ws.store.needs_of(saved[0].id).expect("needs");
    assert_eq!(needs[0].member, Some(saved[0].head.id), "the head's need");
}

#[test]
fn a_district_picker_with_no_district_says_how_districts_come() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let mut app = new_form(&ws);
    tabs(&mut app, 6);
    assert_eq!(focused(&app), Some(FieldId::District));
    let (text, _) = screen(&app);
    assert!(
        text.contains("Choose the governorate first: its districts follow."),
        "{text}"
    );
    press(&mut app, KeyCode::BackTab);
    typed(&mut app, "nin");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let (text, _) = screen(&app);
    let said = text.replace('\n', " ");
    for words in [
        "No districts are loaded on this laptop.",
        "COD-AB",
        "https://data.humdata.org",
        "coordinator guide",
    ] {
        assert!(said.contains(words), "{words:?} in\n{text}");
    }
    assert!(
        !said.contains("--") && !said.contains("gazetteer import"),
        "no command or flag on a screen: {text}"
    );
    // With Ninewa's districts loaded, they are offered, and no hint shows; Anbar's are
    // not loaded.
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    ws.store
        .import_areas(&[Area {
            pcode: "IQG15Q01".into(),
            name_en: "Mosul".into(),
            name_ar: "الموصل".into(),
            parent: Some("IQG15".into()),
            level: 2,
        }])
        .expect("import");
    let mut app = new_form(&ws);
    tabs(&mut app, 5);
    typed(&mut app, "nin");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let (text, _) = screen(&app);
    assert!(!text.contains("districts"), "{text}");
    press(&mut app, KeyCode::Down);
    let (text, _) = screen(&app);
    assert!(text.contains("Mosul"), "{text}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::BackTab);
    typed(&mut app, "anb");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let (text, _) = screen(&app);
    assert!(
        text.contains("No district of this governorate is loaded on this laptop"),
        "{text}"
    );
}
