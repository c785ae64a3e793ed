//! The screens without a terminal: key sequences and actions in (keys typed on the Arabic
//! layout included), and out what a person sees (common/screen.rs: the screen as text,
//! the marked tab, the message line, the open pop-up) and what the store holds; at 80x24
//! as insta snapshots with fixed data, a fixed clock and the colourless theme. Styles
//! that carry meaning (selection reversed, overdue marked) are asserted on their own.

use std::path::Path;
use std::sync::Arc;

use daleel::model::{
    Date, Household, Move, Need, NeedStatus, Priority, Referral, ReferralStatus, Sector, Timestamp,
    sample,
};
use daleel::store::{Edit, FixedClock};
use daleel::tui::app::App;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::render;
use daleel::tui::screens::modal::Modal;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use uuid::Uuid;

use crate::common;
use crate::common::keys::{
    fixed_workspace, household, key, need, press, typed, window, working_window,
};
use crate::common::screen::{self, pop_up_lines, pop_up_text, row_of, said, shows, tab};
use daleel::tui::screens::intake::act::IntakeAction;
use daleel::tui::screens::sync::act::SyncAction;

/// 2026-11-29 11:00 UTC.
const NOW: i64 = 1_795_950_000_000;
const HOUR: i64 = 3_600_000;

/// The action of the open menu's item whose label starts with `label`. An item's action
/// is not drawn: this is the one place a test reads the pop-up itself, by label only.
fn menu_action(app: &App, label: &str) -> daleel::tui::action::Action {
    let Some(Modal::Menu(menu)) = &app.modal else {
        panic!("a menu: {:?}", app.modal)
    };
    menu.items
        .iter()
        .find(|(l, _)| l.starts_with(label))
        .unwrap_or_else(|| panic!("no item {label:?} in {:?}", menu.items))
        .1
        .clone()
}

/// Moves down a list until its selected row ("> ") shows `text`.
fn select_row(app: &mut App, text: &str) {
    for _ in 0..100 {
        if screen::lines(app)
            .iter()
            .any(|l| l.split("> ").skip(1).any(|row| row.contains(text)))
        {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no row shows {text:?}:\n{}", screen::text(app));
}

/// Moves to the first Queue row that shows `text` and presses Enter on it.
fn enter_queue_row(app: &mut App, text: &str) {
    select_row(app, text);
    press(app, KeyCode::Enter);
}

/// The value shown in the form field labelled `label` (at 120 columns, wide enough for a
/// whole name), focused or not.
fn field(app: &App, label: &str) -> String {
    let lines = screen::lines_at(app, 120, 30);
    let row = lines
        .iter()
        .find_map(|l| {
            // A row is the focus mark, the problem mark, then the label.
            let at = l
                .find(&format!("!{label} "))
                .or(l.find(&format!(" {label} ")))?;
            Some(&l[at + 1..])
        })
        .unwrap_or_else(|| panic!("no field {label:?}:\n{}", lines.join("\n")));
    let (_, value) = row.split_once('[').expect("a field's value in brackets");
    let (value, _) = value.split_once(']').expect("a field's value in brackets");
    value.trim_end_matches('▾').trim().to_string()
}

/// The Services list as drawn: the count in its title, and each row's service name (a
/// name cut short without its "…"), selected or not.
fn service_list(app: &App) -> (usize, Vec<(bool, String)>) {
    let lines = screen::lines(app);
    let top = lines
        .iter()
        .position(|l| l.starts_with('┌') && l.contains(" service"))
        .unwrap_or_else(|| panic!("no list of services:\n{}", lines.join("\n")));
    let count = lines[top]
        .trim_start_matches('┌')
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    let rows = lines[top + 1..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .filter_map(|l| {
            let row: String = l.chars().skip(1).take_while(|&c| c != '│').collect();
            let selected = row.starts_with("> ");
            let name = row
                .get(2..)?
                .split(['…'])
                .next()?
                .split("  ")
                .next()?
                .trim();
            (!name.is_empty()).then(|| (selected, name.to_string()))
        })
        .collect();
    (count, rows)
}

/// What the Sync screen says of the last thing it did (below its boxes; an error starts
/// with "!"), its wrapped lines joined.
fn sync_result(app: &App) -> String {
    let lines = screen::lines(app);
    let end = screen::HEIGHT as usize - 3;
    let bottom = lines[..end]
        .iter()
        .rposition(|l| l.starts_with('└'))
        .unwrap_or_else(|| panic!("no boxes:\n{}", lines.join("\n")));
    lines[bottom + 1..end]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many changes the Sync screen says no other laptop knows yet.
fn unsent(app: &App) -> usize {
    let lines = screen::lines(app);
    let send = lines
        .iter()
        .position(|l| l.starts_with("┌Send"))
        .unwrap_or_else(|| panic!("no Send box:\n{}", lines.join("\n")));
    lines[send + 1]
        .trim_start_matches('│')
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count: {:?}", lines[send + 1]))
}

/// A service of the directory (stored, or sample).
fn service(ws: &Workspace, id: Uuid) -> daleel::model::Service {
    ws.store
        .services()
        .expect("services")
        .into_iter()
        .find(|s| s.id == id)
        .expect("a service of the directory")
}

/// The case code the store gave a household.
fn case_code(ws: &Workspace, id: Uuid) -> String {
    ws.store
        .get::<Household>(id)
        .expect("read")
        .expect("present")
        .case_code
}

fn screen_text(app: &App, width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let text = buffer
        .content()
        .chunks(width as usize)
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

/// Two households; one with a sent, overdue referral to the first sample NRC-like service.
fn fixture(ws: &Workspace) -> (Household, Need, Uuid) {
    let a = household("فاطمة حسن علي", "Fatima Hassan Ali", 1984, true);
    let b = household("Ahmed Al-Jubouri", "", 1970, true);
    let n = need(
        &a,
        Sector::CivilDocumentation,
        "Replace lost civil status ID",
        Priority::Urgent,
    );
    let n2 = need(
        &b,
        Sector::Health,
        "Diabetes follow-up",
        Priority::Emergency,
    );
    let service = sample::directory()
        .services
        .iter()
        .find(|s| s.sector == Sector::CivilDocumentation)
        .expect("a civil documentation service")
        .clone();
    let r = Referral {
        id: Uuid::now_v7(),
        household: a.id,
        need: n.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: Priority::Urgent,
        reason: "needs ID".into(),
        disclosed: Default::default(),
        follow_up: None,
        created_at: Timestamp(NOW - 100 * HOUR),
        created_by: "Amal H.".into(),
        history: vec![],
        flagged: Vec::new(),
    };
    ws.store
        .apply(
            "Amal H.",
            &[
                Edit::Household(a.clone()),
                Edit::Household(b),
                Edit::Need(n.clone()),
                Edit::Need(n2),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("fixture");
    // Sent 100 hours ago with a 72-hour answer time: 28 hours late now.
    let step = ws
        .store
        .get::<Referral>(r.id)
        .expect("read")
        .expect("present")
        .check_move(
            &Move::Send,
            a.consent.as_ref(),
            Timestamp(NOW - 100 * HOUR),
            "Amal H.",
            "",
        )
        .expect("send");
    ws.store
        .apply(
            "Amal H.",
            &[Edit::Step {
                referral: r.id,
                step,
            }],
        )
        .expect("send");
    (a, n, r.id)
}

#[test]
fn the_worker_who_unlocked_is_the_one_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let app = window(&ws);
    assert_eq!(app.pop_up_title(), None, "{}", screen::text(&app));
    assert!(
        screen::status(&app).starts_with(" X2R39 · Amal H. "),
        "{}",
        screen::status(&app)
    );
}

#[test]
fn a_worker_whose_passphrase_another_worker_set_is_told_once_when_the_screens_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    ws.add_worker("Yousif K.", "yousif's own phrase")
        .expect("add");
    let ws = ws
        .rekey(
            &daleel::workspace::Rekey::Passphrase {
                name: "yousif k.".into(),
                passphrase: "a phrase amal chose".to_string().into(),
            },
            |_, _| {},
        )
        .expect("reset");
    // Amal is told nothing: she set it.
    assert_eq!(window(&ws).pop_up_title(), None);
    drop(ws);
    let yousif = daleel::workspace::Credentials::new("Yousif K.", "a phrase amal chose").cheap();
    let ws =
        common::unlocked(|| Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &yousif))
            .expect("open as Yousif");
    let told = window(&ws);
    let (text, _) = screen_text(&told, 80, 24);
    assert!(
        text.contains("Your passphrase was reset by Amal H. on 2026-11-29."),
        "{text}"
    );
    assert_eq!(
        told.pop_up_title().as_deref(),
        Some("Your passphrase was reset")
    );
    assert_eq!(window(&ws).pop_up_title(), None, "told once");
}

#[test]
fn a_database_made_before_encryption_asks_who_is_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (identity, _) = daleel::sync::identity::Identity::load_or_create(dir.path()).expect("key");
    let device = daleel::store::DeviceInfo {
        origin: identity.origin(),
        code: identity.code(),
    };
    let store = Arc::new(
        daleel::store::Store::open_with_clock(&dir.path().join("db"), device, FixedClock::at(NOW))
            .expect("plain store"),
    );
    let ws = Workspace {
        dir: dir.path().to_path_buf(),
        identity: Arc::new(identity),
        store,
        unlocked: None,
    };
    let mut app = window(&ws);
    assert_eq!(app.pop_up_title().as_deref(), Some("Who is working?"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.pop_up_title().as_deref(),
        Some("Who is working?"),
        "an empty name is refused"
    );
    assert!(pop_up_text(&app).contains("! Type a name first."));
    typed(&mut app, "Amal H.");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pop_up_title(), None);
    assert_eq!(
        ws.store.current_worker().expect("worker").as_deref(),
        Some("Amal H.")
    );
    let status = screen::status(&app);
    assert!(status.contains(" · Amal H."), "{status}");
    assert_eq!(said(&app), "Now working: Amal H.");
}

#[test]
fn function_keys_alt_digits_and_help_move_between_screens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(3));
    assert_eq!(tab(&app), "F3 Services");
    key(&mut app, Key::alt('4'));
    assert_eq!(tab(&app), "F4 Referrals");
    key(&mut app, Key::char('؟'));
    assert_eq!(tab(&app), "F1 Help", "؟ on the Arabic layout opens help");
    press(&mut app, KeyCode::Esc);
    assert_eq!(tab(&app), "F4 Referrals", "Esc goes back");
    press(&mut app, KeyCode::F(2));
    // In the intake lookup, ? is text for the search box, not help.
    key(&mut app, Key::char('?'));
    assert_eq!(tab(&app), "F2 Intake");
    assert!(
        shows(&app, "Find a household (name, case code or phone): [? "),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::F(1));
    assert_eq!(tab(&app), "F1 Help");
    key(&mut app, Key::ctrl('q'));
    // What the run loop reads to end: nothing is drawn for it.
    assert!(app.quit);
}

#[test]
fn recording_a_household_by_keys_checks_consent_and_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    assert!(shows(&app, " New household"), "{}", screen::text(&app));
    // Save at once: the name is the first problem.
    key(&mut app, Key::ctrl('s'));
    let shown = screen::text(&app);
    assert!(shown.contains("step 1 of 3: who and where"), "{shown}");
    assert!(
        shown.contains("│>!Name"),
        "the name has the keyboard and is marked: {shown}"
    );
    assert!(
        shown.contains("! Step 1 · Name: Type the name as the person gives it."),
        "{shown}"
    );
    typed(&mut app, "فاطمة حسن علي");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Fatima Hassan Ali");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // female
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "١٩٨٤"); // Arabic-Indic digits
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "0770 123 4567");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "نين"); // type to filter the governorates
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Al-Zanjili");
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right); // returnee
    }
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "2018-03-14");
    key(&mut app, Key::ctrl('s'));
    // Consent was not asked: the save stops on step 2.
    let shown = screen::text(&app);
    assert!(shown.contains("step 2 of 3: consent"), "{shown}");
    assert!(shown.contains(">!Referral to services"), "{shown}");
    assert_eq!(ws.store.count::<Household>(), 0, "nothing saved yet");
    for _ in 0..3 {
        press(&mut app, KeyCode::Right); // yes
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Insert);
    typed(&mut app, "civ");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Left); // normal -> urgent
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Replace lost civil status ID");
    key(&mut app, Key::ctrl('s')); // saves the need prompt
    assert_eq!(app.pop_up_title(), None);
    key(&mut app, Key::ctrl('s')); // saves the household
    assert_eq!(app.pop_up_title().as_deref(), Some("Saved"));
    // The case code, shown large (spaced out) in the pop-up.
    let code = pop_up_lines(&app)
        .iter()
        .map(|l| l.replace(' ', ""))
        .find(|l| l.ends_with("-0001"))
        .unwrap_or_else(|| panic!("the case code is shown: {}", screen::text(&app)));
    let saved = ws
        .store
        .household_by_case_code(&code)
        .expect("lookup")
        .expect("saved");
    assert_eq!(saved.head.name, "فاطمة حسن علي");
    assert_eq!(saved.head.birth_year, Some(1984));
    assert_eq!(saved.location.governorate, "IQG15");
    assert_eq!(saved.displacement.returned_on, Date::from_ymd(2018, 3, 14));
    assert!(
        saved
            .consent
            .as_ref()
            .is_some_and(|c| c.services && c.recorded_by == "Amal H.")
    );
    let needs = ws.store.needs_of(saved.id).expect("needs");
    assert_eq!(needs.len(), 1);
    assert_eq!(
        (needs[0].sector, needs[0].priority),
        (Sector::CivilDocumentation, Priority::Urgent)
    );
    let (text, _) = screen_text(&app, 80, 24);
    let spaced: String = code.chars().flat_map(|c| [c, ' ']).collect();
    assert!(
        text.contains(spaced.trim_end()),
        "the code is shown large:\n{text}"
    );
}

#[test]
fn likely_duplicates_show_while_typing_a_variant_spelling() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, _) = fixture(&ws);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "فاطمه حسن"); // ة typed as ه
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "1984");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "ninewa");
    press(&mut app, KeyCode::Enter);
    let shown = format!(
        "Possibly already recorded (1): {} فاطمة حسن علي (1984). F9 to open.",
        case_code(&ws, a.id)
    );
    assert!(shows(&app, &shown), "{}", screen::text(&app));
}

#[test]
fn a_likely_duplicate_shows_once_a_name_and_a_phone_are_typed_before_the_governorate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, _) = fixture(&ws);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    // Another spelling, in Latin letters, of فاطمة حسن علي; her phone with the
    // international prefix; no governorate yet.
    typed(&mut app, "Fatma Hasan");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "+964 770 123 4567");
    assert_eq!(field(&app, "Governorate"), "(choose)");
    let shown = format!(
        "Possibly already recorded (1): {} فاطمة حسن علي (1984). F9 to open.",
        case_code(&ws, a.id)
    );
    assert!(shows(&app, &shown), "{}", screen::text(&app));
}

#[test]
fn the_latin_name_is_offered_from_the_arabic_one_until_it_is_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    let latin = |app: &App| field(app, "Latin");
    // A name in Latin letters offers nothing.
    typed(&mut app, "Sara");
    assert_eq!(latin(&app), "");
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "زينب كاظم");
    assert_eq!(latin(&app), "Zainab Kadhim");
    typed(&mut app, " الجبوري");
    assert_eq!(latin(&app), "Zainab Kadhim Al-Jubouri");
    // The worker's own spelling is kept.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "y");
    assert_eq!(latin(&app), "Zainab Kadhim Al-Juboury");
    press(&mut app, KeyCode::BackTab);
    typed(&mut app, "ي");
    assert_eq!(latin(&app), "Zainab Kadhim Al-Juboury");
}

#[test]
fn a_need_is_referred_from_the_household_to_a_service_and_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, n, old) = fixture(&ws);
    let code = case_code(&ws, a.id);
    let mut app = working_window(&ws);
    typed(&mut app, "fatima");
    assert!(
        row_of(&app, "> ").is_some_and(|r| r.starts_with(&format!("> {code} "))),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Enter); // the need's menu
    let items = screen::menu_items(&app);
    assert!(items[0].contains("Refer"), "{items:?}");
    key(&mut app, Key::char('١')); // Arabic-Indic 1 picks the first item
    assert_eq!(tab(&app), "F3 Services");
    assert!(
        shows(
            &app,
            &format!("Referring {code} (Enter on a service, Esc stops)")
        ),
        "{}",
        screen::text(&app)
    );
    // The list holds the services for the need's sector in the household's governorate.
    let fitting: Vec<String> = ws
        .store
        .services()
        .expect("services")
        .into_iter()
        .filter(|s| {
            daleel::search::services::sector_covers(Sector::CivilDocumentation, s.sector)
                && s.serves("IQG15")
        })
        .map(|s| s.name)
        .collect();
    assert!(!fitting.is_empty());
    let (count, rows) = service_list(&app);
    assert_eq!(count, fitting.len(), "{}", screen::text(&app));
    assert_eq!(rows.len(), fitting.len(), "{rows:?}");
    for (_, name) in &rows {
        assert!(
            fitting.iter().any(|f| f.starts_with(name.as_str())),
            "{name:?} is not one of {fitting:?}"
        );
    }
    let chosen = rows
        .iter()
        .find(|r| r.0)
        .map(|r| r.1.clone())
        .expect("a service is selected");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.pop_up_title()
            .is_some_and(|t| t.starts_with(&format!("Refer to {chosen}"))),
        "{:?}",
        app.pop_up_title()
    );
    key(&mut app, Key::ctrl('s'));
    assert_eq!(tab(&app), "F4 Referrals");
    let referrals = ws.store.referrals_of(a.id).expect("referrals");
    let new = referrals
        .iter()
        .find(|r| r.id != old && r.need == n.id && r.priority == Priority::Urgent);
    let new = new.expect("the new referral");
    let service = service(&ws, new.service);
    assert!(
        service.name.starts_with(&chosen),
        "to the service chosen: {chosen:?}, {:?}",
        service.name
    );
    assert_eq!(new.status(), ReferralStatus::Sent);
    // The new referral is the one selected: its detail names its organization and shows
    // a history of now (the fixture's is of 100 hours ago).
    let org = ws
        .store
        .organization(new.organization)
        .expect("read")
        .expect("its organization");
    assert!(
        shows(&app, &format!("┌{code} → {} · ", org.short_name())),
        "{}",
        screen::text(&app)
    );
    assert!(
        row_of(&app, "draft → sent").is_some_and(|r| r.contains("29 Nov 11:00")),
        "{}",
        screen::text(&app)
    );
}

#[test]
fn the_referral_menu_offers_only_allowed_moves_and_asks_for_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, id) = fixture(&ws);
    let code = case_code(&ws, a.id);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(4));
    assert!(
        row_of(&app, "> ").is_some_and(|r| r.contains(&code) && r.contains("28 hours")),
        "the sent, overdue referral is selected: {}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::F(9));
    assert_eq!(
        screen::menu_items(&app),
        [
            "Accepted by the organization",
            "Rejected by the organization…",
            "Cancel…",
            "Add a follow-up note…",
            "Print a referral slip",
            "Set the follow-up date…",
            "Open the household",
            "Help"
        ]
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter); // reject…
    key(&mut app, Key::ctrl('s')); // without a reason
    assert_eq!(
        app.pop_up_title().as_deref(),
        Some("Mark as rejected"),
        "the prompt stays open"
    );
    let lines = pop_up_lines(&app);
    assert!(
        lines.iter().any(|l| l.starts_with(">!Reason"))
            && lines.iter().any(|l| l.contains("reason is required")),
        "the reason is marked, and why: {lines:#?}"
    );
    typed(&mut app, "outside the area served");
    key(&mut app, Key::ctrl('s'));
    assert_eq!(app.pop_up_title(), None);
    let r: Referral = ws.store.get(id).expect("read").expect("present");
    assert_eq!(r.status(), ReferralStatus::Rejected);
    assert_eq!(
        r.history.last().map(|s| s.reason.as_str()),
        Some("outside the area served")
    );
}

#[test]
fn enter_on_an_overdue_queue_row_opens_the_referral() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, id) = fixture(&ws);
    let code = case_code(&ws, a.id);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    let shown = screen::text(&app);
    assert!(
        shown.contains("Awaiting response: 1 (1 overdue)"),
        "{shown}"
    );
    assert!(
        shown.contains("Needs with no referral: emergency 1, urgent 0, normal 0"),
        "{shown}"
    );
    press(&mut app, KeyCode::Down); // the first row under "awaiting response"
    press(&mut app, KeyCode::Enter);
    assert_eq!(tab(&app), "F4 Referrals");
    // Its detail is open: the referral's organization and service.
    let r: Referral = ws.store.get(id).expect("read").expect("present");
    let org = ws
        .store
        .organization(r.organization)
        .expect("read")
        .expect("its organization");
    let service = service(&ws, r.service);
    let start: String = service.name.chars().take(20).collect();
    assert!(
        shows(&app, &format!("┌{code} → {} · {start}", org.short_name())),
        "{}",
        screen::text(&app)
    );
}

#[test]
fn the_service_search_types_arabic_letters_and_filters_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(3));
    let (all, _) = service_list(&app);
    typed(&mut app, "legal");
    let (found, rows) = service_list(&app);
    assert!(found < all && found > 0, "{found} of {all}");
    assert!(
        rows.iter()
            .any(|(_, name)| name.to_lowercase().contains("legal")),
        "{rows:?}"
    );
    key(&mut app, Key::char('ظ'));
    assert!(
        shows(&app, " Search [legalظ"),
        "a letter is text here, not a shortcut: {}",
        screen::text(&app)
    );
    assert_eq!(tab(&app), "F3 Services");
}

#[test]
fn a_service_filter_is_picked_by_typing_and_enter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "gb");
    press(&mut app, KeyCode::Enter);
    assert!(shows(&app, ">Sector [GBV "), "{}", screen::text(&app));
    // The list holds the GBV services, and only them.
    let gbv: Vec<String> = ws
        .store
        .services()
        .expect("services")
        .into_iter()
        .filter(|s| s.sector == Sector::Gbv)
        .map(|s| s.name)
        .collect();
    assert!(!gbv.is_empty());
    let (count, rows) = service_list(&app);
    assert_eq!((count, rows.len()), (gbv.len(), gbv.len()), "{rows:?}");
    for (_, name) in &rows {
        assert!(
            gbv.iter().any(|g| g.starts_with(name.as_str())),
            "{name:?} is not one of {gbv:?}"
        );
    }
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "anb");
    press(&mut app, KeyCode::Enter);
    assert!(shows(&app, ">Area [Anbar"), "{}", screen::text(&app));
}

#[test]
fn saving_a_household_keeps_the_status_its_referrals_gave_its_needs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, n, referral) = fixture(&ws);
    let mut app = working_window(&ws);
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Open(
        a.id,
    )));
    // Meanwhile the referral is accepted and completed (another screen, or a colleague).
    ws.store
        .move_referral("Amal H.", referral, &Move::Accept, "")
        .expect("accept");
    let complete = Move::Complete {
        outcome: daleel::model::Outcome::Successful,
        reason: String::new(),
    };
    ws.store
        .move_referral("Amal H.", referral, &complete, "")
        .expect("complete");
    assert_eq!(
        ws.store
            .get::<Need>(n.id)
            .expect("read")
            .expect("need")
            .status,
        NeedStatus::Met
    );
    // The form still holds the need as it was; an edit of the phone is saved.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "9");
    key(&mut app, Key::ctrl('s'));
    let saved: Household = ws.store.get(a.id).expect("read").expect("present");
    assert!(saved.phone.ends_with('9'), "{}", saved.phone);
    let need: Need = ws.store.get(n.id).expect("read").expect("need");
    assert_eq!(need.status, NeedStatus::Met, "not rolled back");
}

#[test]
fn opening_another_household_or_closing_the_case_never_drops_typing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, _) = fixture(&ws);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "Zainab");
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Open(
        a.id,
    )));
    assert_eq!(
        app.pop_up_title().as_deref(),
        Some("Are you sure?"),
        "asks before dropping the new household"
    );
    press(&mut app, KeyCode::Esc);
    assert!(shows(&app, " New household"), "{}", screen::text(&app));
    assert_eq!(field(&app, "Name"), "Zainab");
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Open(
        a.id,
    )));
    press(&mut app, KeyCode::Enter); // yes, drop "Zainab"
    assert!(
        shows(&app, &format!(" Household {}", case_code(&ws, a.id))),
        "{}",
        screen::text(&app)
    );
    // An edited household cannot be closed before its edits are saved.
    typed(&mut app, " X");
    app.update(daleel::tui::action::Action::Intake(IntakeAction::CloseCase));
    assert_eq!(app.pop_up_title(), None, "no close prompt while unsaved");
    assert!(said(&app).contains("Save or undo"), "{}", said(&app));
}

#[test]
fn tab_out_of_a_filtered_choice_picks_it_and_follows_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let csv = "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG01Q01,Ramadi,الرمادي,IQG01\n";
    let areas = ws.store.gazetteer().parse_csv(csv).expect("csv");
    ws.store.import_areas(&areas).expect("import");
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "anb");
    assert!(!shows(&app, "not saved yet"), "{}", screen::text(&app));
    press(&mut app, KeyCode::Tab); // picks Anbar without Enter
    assert_eq!(field(&app, "Governorate"), "Anbar · الأنبار");
    assert!(
        shows(&app, " New household · not saved yet"),
        "a picked value is unsaved work: {}",
        screen::text(&app)
    );
    // Anbar's districts are offered, and only they: the district goes round its choices.
    assert_eq!(field(&app, "District"), "(not known)");
    press(&mut app, KeyCode::Right);
    assert_eq!(field(&app, "District"), "Ramadi · الرمادي");
    press(&mut app, KeyCode::Right);
    assert_eq!(field(&app, "District"), "(not known)");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert!(!shows(&app, "Returned on"), "{}", screen::text(&app));
    typed(&mut app, "retu");
    press(&mut app, KeyCode::Tab);
    assert!(
        shows(&app, " Returned on ["),
        "the return date shows: {}",
        screen::text(&app)
    );
    // Referrals: a status typed into the filter and left with Tab filters the list.
    fixture(&ws);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(4));
    assert!(shows(&app, " 1 shown"), "{}", screen::text(&app));
    // Past the search, to the status.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "acc");
    press(&mut app, KeyCode::Tab);
    assert!(
        shows(&app, "0 of 1 shown") && shows(&app, "No referral matches these filters."),
        "no referral is accepted: {}",
        screen::text(&app)
    );
}

#[test]
fn esc_in_a_filled_pop_up_asks_once_and_quit_works_from_a_pop_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Insert);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Clinic visit");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.pop_up_title().as_deref(),
        Some("Add a need"),
        "the first Esc warns"
    );
    assert!(
        pop_up_text(&app).contains("press Esc again to close it"),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.pop_up_title(), None, "the second closes");
    press(&mut app, KeyCode::Insert);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Water");
    key(&mut app, Key::ctrl('q'));
    // `quit` is what the run loop reads to end: nothing is drawn for it.
    assert!(
        !app.quit,
        "typed answers in a pop-up are not dropped without asking"
    );
    assert_eq!(app.pop_up_title().as_deref(), Some("Are you sure?"));
    assert!(
        pop_up_text(&app).contains("What you typed in this form is not saved."),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.quit);
}

#[test]
fn quitting_with_an_unsaved_household_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "Zainab");
    press(&mut app, KeyCode::F(10));
    // `quit` is what the run loop reads to end: nothing is drawn for it.
    assert!(!app.quit);
    assert_eq!(app.pop_up_title().as_deref(), Some("Are you sure?"));
    assert!(
        pop_up_text(&app).contains("The household you are recording is not saved."),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    assert_eq!(app.pop_up_title(), None);
    assert_eq!(field(&app, "Name"), "Zainab");
    press(&mut app, KeyCode::F(10));
    press(&mut app, KeyCode::Enter);
    assert!(app.quit);
}

#[test]
fn a_long_paste_is_cut_at_the_field_limit_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    key(&mut app, Key::ctrl('n'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    app.handle_event(daleel::tui::event::Event::Paste("19841984".into()));
    assert_eq!(field(&app, "Born (year)"), "1984");
    assert!(said(&app).contains("too long"), "{}", said(&app));
}

#[test]
fn a_small_terminal_gets_a_message_and_no_size_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    let (text, _) = screen_text(&app, 60, 20);
    assert!(
        text.replace('\n', "")
            .contains("Daleel needs at least 80x24 (now 60x20)"),
        "{text}"
    );
    for screen in [
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::F(3),
        KeyCode::F(4),
        KeyCode::F(5),
    ] {
        press(&mut app, screen);
        for (w, h) in [(1, 1), (80, 24), (200, 60), (81, 25), (300, 100)] {
            screen_text(&app, w, h);
        }
    }
}

#[test]
fn selection_is_reversed_and_marked_and_overdue_rows_are_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(4));
    let (text, buffer) = screen_text(&app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.starts_with("> "))
        .expect("a selected row");
    assert!(
        buffer[(2, row as u16)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        text.lines()
            .nth(row)
            .is_some_and(|l| l.contains("28 hours")),
        "{text}"
    );
    // Unselected, the overdue row is still marked "!" (and coloured in the colour theme).
    press(&mut app, KeyCode::F(5));
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        text.lines()
            .any(|l| l.starts_with("! ") && l.contains("28 hours late")),
        "{text}"
    );
    app.theme = Theme { color: true };
    let (text, buffer) = screen_text(&app, 80, 24);
    let late = text
        .lines()
        .position(|l| l.starts_with("! "))
        .expect("overdue row");
    let cell = &buffer[(3, late as u16)];
    assert_eq!(
        cell.fg,
        ratatui::style::Color::Red,
        "overdue is red as well as marked"
    );
    assert!(cell.modifier.contains(Modifier::BOLD));
    app.theme = Theme::plain();
    // The current tab is reversed and marked too.
    let (text, buffer) = screen_text(&app, 80, 24);
    let x = text
        .lines()
        .next()
        .and_then(|l| l.find(">F5"))
        .expect("marked tab");
    let x = text.lines().next().expect("line")[..x].chars().count() as u16;
    assert!(buffer[(x, 0)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn right_to_left_mirrors_the_frame_and_right_aligns_the_lists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    let (ltr, _) = screen_text(&app, 80, 24);
    app.data.direction = daleel::tui::Direction::Rtl;
    let (rtl, _) = screen_text(&app, 80, 24);
    let tabs_ltr = ltr.lines().next().expect("tabs");
    let tabs_rtl = rtl.lines().next().expect("tabs");
    assert!(tabs_ltr.starts_with(" Daleel"), "{tabs_ltr}");
    assert!(tabs_rtl.trim_end().ends_with("Daleel"), "{tabs_rtl}");
    assert!(
        tabs_rtl.find("F5").expect("F5") < tabs_rtl.find("F1").expect("F1"),
        "tabs read right to left"
    );
    // A lookup row ends at the right edge instead of starting at the left one.
    let row_ltr = ltr
        .lines()
        .find(|l| l.contains("Ahmed Al-Jubouri"))
        .expect("row");
    let row_rtl = rtl
        .lines()
        .find(|l| l.contains("Ahmed Al-Jubouri"))
        .expect("row");
    assert!(row_ltr.starts_with("> ") || row_ltr.starts_with("  "));
    assert!(
        row_rtl.len() >= row_ltr.len() && row_rtl.starts_with("   "),
        "{row_rtl:?}"
    );
}

fn snapshot_app(dir: &Path) -> App {
    let ws = fixed_workspace(dir, 7);
    fixture(&ws);
    ws.store
        .set_device_name("CRC Mosul laptop 3")
        .expect("name");
    let mut app = working_window(&ws);
    // Lists show ids' order; make the clock in the status line fixed.
    app.data.now = Timestamp(NOW);
    app
}

#[test]
fn snapshots_of_every_screen_at_80x24() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = snapshot_app(dir.path());
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("intake_lookup", text);
    key(&mut app, Key::ctrl('n'));
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("intake_new_household", text);
    press(&mut app, KeyCode::PageDown);
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("intake_consent", text);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(3));
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("services", text);
    press(&mut app, KeyCode::F(4));
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("referrals", text);
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("referral_actions", text);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(5));
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("queue", text);
    press(&mut app, KeyCode::F(1));
    let (text, _) = screen_text(&app, 80, 24);
    insta::assert_snapshot!("help", text);
    let _ = Arc::strong_count(app.store());
}

/// Two laptops (the first with the fixed key) and a stick; the temporary folders live as
/// long as the first value.
fn two_laptops() -> (
    [tempfile::TempDir; 2],
    tempfile::TempDir,
    Workspace,
    Workspace,
) {
    let dirs = [
        tempfile::tempdir().expect("a"),
        tempfile::tempdir().expect("b"),
    ];
    let a = fixed_workspace(dirs[0].path(), 7);
    let b = Workspace::open_with_clock(dirs[1].path(), FixedClock::at(NOW), &common::creds())
        .expect("b");
    (dirs, tempfile::tempdir().expect("stick"), a, b)
}

/// A laptop's identity card, as another laptop reads it.
fn card_of(ws: &Workspace) -> daleel::sync::card::Card {
    let bytes = daleel::sync::card::Card::write(&ws.identity, "l", Timestamp(NOW)).expect("w");
    daleel::sync::card::Card::read(&bytes).expect("r")
}

/// Two laptops that edited one household's phone apart, and A's app on the Queue with
/// the conflict's menu open: (folders, stick, A, B, the household, A's app).
fn phone_conflict() -> (
    [tempfile::TempDir; 2],
    tempfile::TempDir,
    Workspace,
    Workspace,
    Household,
    App,
) {
    let (dirs, stick, a, b) = two_laptops();
    a.store.trust(&card_of(&b)).expect("trust");
    b.store.trust(&card_of(&a)).expect("trust");
    let h = household("Fatima", "", 1984, true);
    a.store
        .apply("Amal H.", &[Edit::Household(h.clone())])
        .expect("save");
    let export = |ws: &Workspace| {
        daleel::sync::export::export(&ws.store, &ws.identity, stick.path(), false)
            .expect("export")
            .path
    };
    daleel::sync::import::import_file(&b.store, &export(&a), &b.identity, |_, _| {}).expect("b");
    for (ws, phone, who) in [
        (&a, "0770 111 1111", "Amal H."),
        (&b, "0780 222 2222", "Yousif K."),
    ] {
        let mut edited: Household = ws.store.get(h.id).expect("r").expect("p");
        edited.phone = phone.into();
        ws.store
            .apply(who, &[Edit::Household(edited)])
            .expect("edit");
    }
    daleel::sync::import::import_file(&a.store, &export(&b), &a.identity, |_, _| {}).expect("a");
    let mut app = working_window(&a);
    press(&mut app, KeyCode::F(5));
    assert!(
        shows(&app, "Conflicts: 1 (two laptops changed one thing"),
        "{}",
        screen::text(&app)
    );
    let (text, _) = screen_text(&app, 100, 30);
    assert!(
        text.contains("phone:") && text.contains("Yousif K.") && text.contains("Amal H."),
        "{text}"
    );
    enter_queue_row(&mut app, "phone:");
    (dirs, stick, a, b, h, app)
}

#[test]
fn the_queue_lists_a_conflict_and_keeping_a_value_resolves_it() {
    let (_dirs, _stick, a, _b, h, mut app) = phone_conflict();
    let amal = screen::menu_items(&app)
        .iter()
        .position(|label| label.contains("0770 111 1111"))
        .expect("A's value");
    key(&mut app, Key::char(char::from(b'1' + amal as u8)));
    assert!(a.store.conflicts().expect("c").is_empty());
    assert_eq!(
        a.store.get::<Household>(h.id).expect("r").expect("p").phone,
        "0770 111 1111"
    );
    assert!(
        shows(&app, "Conflicts: 0 (two laptops changed one thing"),
        "the queue is worked out again: {}",
        screen::text(&app)
    );
}

#[test]
fn a_conflict_is_resolved_with_a_typed_value_checked_like_the_form() {
    let (_dirs, stick, a, b, h, mut app) = phone_conflict();
    let item = screen::menu_items(&app)
        .iter()
        .position(|label| label.contains("Type a new value"))
        .expect("a way to type a value");
    key(&mut app, Key::char(char::from(b'1' + item as u8)));
    let now = a.store.get::<Household>(h.id).expect("r").expect("p").phone;
    let lines = pop_up_lines(&app);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("> New value") && l.contains(&format!("[{now} "))),
        "a prompt for the value, starting from the value shown now ({now}): {lines:#?}"
    );
    // Clear the field, type a number too short to be a phone number.
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "12");
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("7 to 15 digits"), "{text}");
    assert_eq!(a.store.conflicts().expect("c").len(), 1, "nothing written");
    typed(&mut app, "3 456 7890");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pop_up_title(), None, "{}", screen::text(&app));
    assert!(a.store.conflicts().expect("c").is_empty());
    assert_eq!(
        a.store.get::<Household>(h.id).expect("r").expect("p").phone,
        "123 456 7890"
    );
    // The typed value is an ordinary change: B takes it, and its conflict is gone too.
    let bundle = daleel::sync::export::export(&a.store, &a.identity, stick.path(), false)
        .expect("export")
        .path;
    daleel::sync::import::import_file(&b.store, &bundle, &b.identity, |_, _| {}).expect("b");
    assert!(b.store.conflicts().expect("c").is_empty());
    assert_eq!(
        b.store.get::<Household>(h.id).expect("r").expect("p").phone,
        "123 456 7890"
    );
    assert_eq!(a.store.state_digest().ok(), b.store.state_digest().ok());
}

#[test]
fn the_sync_screen_writes_a_bundle_and_imports_what_is_on_the_drive() {
    let (_dirs, stick, a, b) = two_laptops();
    b.store.trust(&card_of(&a)).expect("trust");
    a.store.trust(&card_of(&b)).expect("trust");
    fixture(&a);
    // A also adds a service: B's Services screen must show it after the import.
    let mut clinic = daleel::model::sample::directory().services[0].clone();
    clinic.id = Uuid::now_v7();
    clinic.name = "Mobile legal clinic, Bartella".into();
    a.store
        .apply("Amal H.", &[Edit::Service(clinic.clone())])
        .expect("service");
    let folder = stick.path().to_str().expect("path");
    let mut on_a = working_window(&a).with_identity(a.identity.clone());
    press(&mut on_a, KeyCode::F(6));
    assert_eq!(tab(&on_a), "F6 Sync");
    assert!(
        unsent(&on_a) > 0,
        "A's changes are not known to anyone yet: {}",
        screen::text(&on_a)
    );
    typed(&mut on_a, folder);
    press(&mut on_a, KeyCode::Enter);
    press(&mut on_a, KeyCode::F(9));
    let items = screen::menu_items(&on_a);
    assert!(items[0].starts_with("Write a bundle to"), "{items:?}");
    press(&mut on_a, KeyCode::Enter);
    let result = sync_result(&on_a);
    assert!(
        result.starts_with("Wrote ") && result.ends_with(".bundle."),
        "{}",
        screen::text(&on_a)
    );
    assert!(
        shows(&on_a, "Receive: 1 bundle on the drive"),
        "the new bundle is on the drive: {}",
        screen::text(&on_a)
    );
    // A file that is not a bundle but has the extension is listed as refused.
    std::fs::write(stick.path().join("broken.bundle"), b"DALEELBN\x01\x00 cut").expect("write");
    let mut on_b = ws_b_import(&b, folder);
    // The directory was read again: B's Services screen finds A's new service.
    press(&mut on_b, KeyCode::F(3));
    typed(&mut on_b, "Mobile legal clinic");
    let (_, rows) = service_list(&on_b);
    assert!(
        rows.iter()
            .any(|(_, name)| clinic.name.starts_with(name.as_str())),
        "{}",
        screen::text(&on_b)
    );
}

fn ws_b_import(b: &Workspace, folder: &str) -> App {
    b.store.set_worker("Yousif K.").expect("worker");
    let mut on_b = App::new(
        b.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(b.identity.clone());
    press(&mut on_b, KeyCode::F(6));
    typed(&mut on_b, folder);
    press(&mut on_b, KeyCode::Enter);
    let text = screen::text(&on_b);
    assert!(text.contains("Receive: 2 bundles on the drive"), "{text}");
    assert_eq!(text.matches(" REFUSED ").count(), 1, "{text}");
    assert!(
        text.contains("REFUSED") && text.contains("checked"),
        "{text}"
    );
    press(&mut on_b, KeyCode::Tab);
    select_row(&mut on_b, "checked");
    press(&mut on_b, KeyCode::Enter);
    let result = sync_result(&on_b);
    assert!(
        result.contains(".bundle: ") && result.contains(" new, "),
        "{}",
        screen::text(&on_b)
    );
    assert_eq!(b.store.count::<Household>(), 2, "the households arrived");
    press(&mut on_b, KeyCode::F(2));
    assert!(
        shows(&on_b, " 2 households."),
        "and the lists were loaded again: {}",
        screen::text(&on_b)
    );
    on_b
}

#[test]
fn import_all_on_the_sync_screen_leaves_files_for_other_laptops_as_the_command_line_does() {
    // A trusts B only: A's bundle is for B. On C (which trusts A), it is for other
    // laptops: left on the drive, not refused. A good bundle beside it still imports.
    let (_dirs, stick, a, b) = two_laptops();
    let c_dir = tempfile::tempdir().expect("c");
    let c =
        Workspace::open_with_clock(c_dir.path(), FixedClock::at(NOW), &common::creds()).expect("c");
    a.store.trust(&card_of(&b)).expect("trust");
    c.store.trust(&card_of(&a)).expect("trust");
    c.store.trust(&card_of(&b)).expect("trust");
    b.store.trust(&card_of(&c)).expect("trust");
    fixture(&a);
    daleel::sync::export::export(&a.store, &a.identity, stick.path(), false).expect("a");
    b.store
        .apply(
            "Yousif K.",
            &[Edit::Household(common::household("Sentinel B"))],
        )
        .expect("b");
    daleel::sync::export::export(&b.store, &b.identity, stick.path(), false).expect("b");
    let folder = stick.path().to_str().expect("path");
    c.store.set_worker("Yousif K.").expect("worker");
    let mut on_c = App::new(
        c.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(c.identity.clone());
    press(&mut on_c, KeyCode::F(6));
    typed(&mut on_c, folder);
    press(&mut on_c, KeyCode::Enter);
    let text = screen::text(&on_c);
    assert!(text.contains("Receive: 2 bundles on the drive"), "{text}");
    assert_eq!(text.matches(" others ").count(), 1, "{text}");
    assert!(
        text.contains("others") && !text.contains("REFUSED"),
        "{text}"
    );
    press(&mut on_c, KeyCode::F(9));
    let at = screen::menu_items(&on_c)
        .iter()
        .position(|l| l.starts_with("Import all"))
        .expect("import all");
    for _ in 0..at {
        press(&mut on_c, KeyCode::Down);
    }
    press(&mut on_c, KeyCode::Enter);
    let result = sync_result(&on_c);
    assert!(
        !result.starts_with('!')
            && result.contains("left on the drive")
            && result.contains("1 new"),
        "not refused: {result}"
    );
    assert_eq!(
        c.store.count::<Household>(),
        1,
        "B's household arrived, not A's"
    );
}

#[test]
fn the_status_line_never_runs_the_clock_into_its_words_or_cuts_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    app.data.demo = true;
    app.data.sample = true;
    let clock = "Sun 29 Nov 11:00"; // NOW, at UTC (the app's offset here)
    let weekday: String = clock.chars().take(3).collect();
    let mut shown = 0;
    for n in 1..=70 {
        app.data.worker = Some("w".repeat(n));
        let (text, _) = screen_text(&app, 80, 24);
        let status = text.lines().nth(22).expect("status line");
        if status.contains(&weekday) {
            shown += 1;
            assert!(
                status.ends_with(&format!(" {clock}")),
                "worker of {n} letters: {status:?}"
            );
        }
    }
    assert!(shown > 0, "a short status line shows the clock");
    assert!(shown < 70, "a long one leaves it out");
}

#[test]
fn opening_a_household_and_writing_a_bundle_are_in_the_audit_trail() {
    use daleel::store::audit::AuditAction;
    let (_dirs, stick, a, b) = two_laptops();
    a.store.trust(&card_of(&b)).expect("trust");
    let (h, _, _) = fixture(&a);
    let code = a
        .store
        .get::<Household>(h.id)
        .expect("r")
        .expect("p")
        .case_code;
    let mut app = working_window(&a);
    let before = a.store.audit_trail(Some(&code)).expect("trail");
    assert!(
        before
            .iter()
            .all(|e| e.action == AuditAction::Change && e.case_code.as_deref() == Some(&code)),
        "its changes, from the log: {before:?}"
    );
    assert!(!before.is_empty());
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Open(
        h.id,
    )));
    assert!(
        shows(&app, &format!(" Household {code}")),
        "{}",
        screen::text(&app)
    );
    let after = a.store.audit_trail(Some(&code)).expect("trail");
    let view = after.last().expect("an entry");
    assert_eq!(
        (view.action, view.worker.as_str(), view.case_code.as_deref()),
        (AuditAction::View, "Amal H.", Some(code.as_str()))
    );
    assert_eq!(after.len(), before.len() + 1);
    // The household's actions show the trail, latest first.
    press(&mut app, KeyCode::F(9));
    app.update(menu_action(&app, "Who opened or changed"));
    assert_eq!(
        app.pop_up_title(),
        Some(format!(
            "Audit trail: {} entries, latest first",
            after.len()
        ))
    );
    // The case code large, then the entries, then the keys.
    let shown = pop_up_lines(&app);
    let big = shown
        .iter()
        .position(|l| l.replace(' ', "") == code)
        .unwrap_or_else(|| panic!("the case code: {shown:#?}"));
    let mut lines: Vec<&String> = shown[big + 1..].iter().filter(|l| !l.is_empty()).collect();
    lines.pop();
    assert_eq!(lines.len(), after.len(), "{shown:#?}");
    assert!(
        lines[0].contains("opened") && lines[0].contains("Amal H."),
        "{lines:?}"
    );
    assert!(
        lines.iter().skip(1).all(|l| l.contains("changed")),
        "{lines:?}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.pop_up_title(), None);
    daleel::sync::export::export(&a.store, &a.identity, stick.path(), false).expect("export");
    let all = a.store.audit_trail(None).expect("trail");
    let bundle = all
        .iter()
        .find(|e| e.action == AuditAction::Bundle)
        .expect("the bundle is noted");
    assert!(
        bundle.what.ends_with(".bundle") && bundle.count > 0,
        "{bundle:?}"
    );
    assert_eq!(bundle.case_code, None);
    // The trail names no household: case codes and file names only.
    for e in &all {
        assert!(
            !e.what.contains("Fatima") && !e.what.contains("فاطمة"),
            "{e:?}"
        );
    }
}

#[test]
fn households_closed_longer_than_the_retention_period_are_due_for_erasure() {
    use daleel::model::{CaseStatus, Closure, ClosureReason};
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, _, _) = fixture(&ws);
    let mut closed: Household = ws.store.get(a.id).expect("r").expect("p");
    const MONTH: i64 = 31 * 24 * HOUR;
    closed.status = CaseStatus::Closed(Closure {
        at: Timestamp(NOW - 25 * MONTH),
        by: "Amal H.".into(),
        reason: ClosureReason::ServicesReceived,
        note: String::new(),
        duplicate_of: None,
    });
    ws.store
        .apply("Amal H.", &[Edit::Household(closed.clone())])
        .expect("close");
    let mut app = working_window(&ws).with_retention(24);
    press(&mut app, KeyCode::F(5));
    let (text, _) = screen_text(&app, 100, 40);
    assert!(
        text.contains("Due for erasure (closed over 24 months ago): 1")
            && text.contains(&format!("{} closed", closed.case_code)),
        "{text}"
    );
    enter_queue_row(&mut app, &format!("{} closed", closed.case_code));
    assert_eq!(tab(&app), "F2 Intake");
    assert!(
        shows(&app, &format!(" Household {}", closed.case_code)),
        "Enter opens the household: {}",
        screen::text(&app)
    );
    let mut app = working_window(&ws).with_retention(36);
    press(&mut app, KeyCode::F(5));
    let (text, _) = screen_text(&app, 100, 40);
    assert!(
        text.contains("Due for erasure (closed over 36 months ago): 0")
            && !text.contains(&format!("{} closed", closed.case_code)),
        "kept 36 months: not yet due: {text}"
    );
}

#[test]
fn the_screen_locks_when_idle_and_the_passphrase_opens_it_with_the_typing_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = FixedClock::at(NOW);
    let ws = Workspace::open_with_clock(dir.path(), clock.clone(), &common::creds()).expect("open");
    fixture(&ws);
    let unlocker = ws
        .unlocker()
        .expect("an encrypted database can be unlocked");
    let mut app = working_window(&ws).with_idle_lock(10, unlocker);
    key(&mut app, Key::ctrl('n'));
    typed(&mut app, "Sentinel Qasim");
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("Sentinel Qasim"), "{text}");
    // Nine minutes: still open; the eleventh: locked.
    clock.set(NOW + 9 * 60_000);
    app.handle_event(daleel::tui::event::Event::Tick);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        !text.contains("Locked") && text.contains("Sentinel Qasim"),
        "{text}"
    );
    clock.set(NOW + 11 * 60_000);
    app.handle_event(daleel::tui::event::Event::Tick);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        text.contains("Locked after a while without a key"),
        "{text}"
    );
    for hidden in ["Sentinel", "Fatima", "X2R39"] {
        assert!(
            !text.contains(hidden),
            "{hidden} shown while locked: {text}"
        );
    }
    // Keys go to the lock, not to the form; a wrong passphrase keeps it locked.
    typed(&mut app, "not it at all");
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        text.contains("Locked after a while without a key") && text.contains("does not open it"),
        "{text}"
    );
    typed(&mut app, "test passphrase");
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        !text.contains("Locked"),
        "the right passphrase opens it: {text}"
    );
    assert!(
        text.contains("Sentinel Qasim") && !text.contains("not it at all"),
        "the typing is kept, and nothing typed at the lock went into the form: {text}"
    );
}

#[test]
fn on_an_encrypted_database_f8_does_not_change_the_worker_without_a_passphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let unlocker = ws.unlocker().expect("encrypted");
    let mut app = working_window(&ws)
        .with_idle_lock(10, unlocker)
        .with_workers(ws.workers_handle().expect("encrypted"));
    press(&mut app, KeyCode::F(8));
    assert_ne!(
        app.pop_up_title().as_deref(),
        Some("Who is working?"),
        "no picker of names"
    );
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        text.contains("another worker quits (F10) and opens it"),
        "{text}"
    );
    assert_eq!(
        ws.store.current_worker().expect("w").as_deref(),
        Some("Amal H.")
    );
}

#[test]
fn a_household_is_erased_from_its_actions_after_a_confirmation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (a, n, _) = fixture(&ws);
    let mut app = working_window(&ws);
    app.update(daleel::tui::action::Action::Intake(IntakeAction::Open(
        a.id,
    )));
    press(&mut app, KeyCode::F(9));
    app.update(menu_action(&app, "Erase this household"));
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("cannot be undone"), "{text}");
    press(&mut app, KeyCode::Esc);
    assert!(!ws.store.is_erased(a.id).expect("e"), "Esc erases nothing");
    press(&mut app, KeyCode::F(9));
    app.update(menu_action(&app, "Erase this household"));
    press(&mut app, KeyCode::Enter);
    assert!(ws.store.is_erased(a.id).expect("e"));
    let kept: Household = ws.store.get(a.id).expect("r").expect("p");
    assert_eq!((kept.head.name.as_str(), kept.phone.as_str()), ("", ""));
    let need: Need = ws.store.get(n.id).expect("r").expect("p");
    assert_eq!(need.description, "");
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("Erased"), "{text}");
    assert!(!text.contains("Fatima"), "{text}");
    let trail = ws.store.audit_trail(Some(&kept.case_code)).expect("trail");
    assert!(
        trail
            .iter()
            .any(|e| e.action == daleel::store::audit::AuditAction::Erase),
        "{trail:?}"
    );
}

#[test]
fn f8_adds_a_worker_with_their_own_passphrase_shown_only_as_dots() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws).with_workers(ws.workers_handle().expect("encrypted"));
    press(&mut app, KeyCode::F(8));
    let title = app.pop_up_title().expect("the workers' menu");
    assert!(title.contains("Amal H."), "{title}");
    app.update(menu_action(&app, "Add a worker"));
    assert_eq!(app.pop_up_title().as_deref(), Some("Add a worker"));
    typed(&mut app, "Yousif K.");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "sesame street 7");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "sesame street 8");
    let (text, _) = screen_text(&app, 80, 24);
    assert!(
        !text.contains("sesame"),
        "a passphrase is never drawn: {text}"
    );
    assert!(text.contains("•••"), "{text}");
    press(&mut app, KeyCode::Enter);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("differ"), "{text}");
    assert_eq!(ws.workers().expect("w"), ["Amal H."]);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "sesame street 7");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pop_up_title(), None, "{}", screen::text(&app));
    assert_eq!(ws.workers().expect("w"), ["Amal H.", "Yousif K."]);
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("Yousif K. can now open Daleel"), "{text}");
}

#[test]
fn f8_refuses_a_passphrase_that_guessing_tools_try_first_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws).with_workers(ws.workers_handle().expect("encrypted"));
    press(&mut app, KeyCode::F(8));
    app.update(menu_action(&app, "Add a worker"));
    typed(&mut app, "Yousif K.");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "12345678");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "12345678");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.pop_up_title().as_deref(),
        Some("Add a worker"),
        "still asking"
    );
    let (text, _) = screen_text(&app, 100, 30);
    assert!(text.contains("too easy to guess"), "{text}");
    assert_eq!(ws.workers().expect("w"), ["Amal H."]);
}

#[test]
fn f8_removing_a_worker_or_changing_a_passphrase_asks_for_a_rekey_and_the_gauge_says_how_far() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    ws.add_worker("Yousif K.", "yousif's own phrase")
        .expect("add");
    let mut app = working_window(&ws).with_workers(ws.workers_handle().expect("encrypted"));
    let remove = |app: &mut App, name: &str| {
        press(app, KeyCode::F(8));
        app.update(menu_action(app, "Remove a worker"));
        let (text, _) = screen_text(app, 100, 30);
        assert!(
            text.contains("new key"),
            "the prompt says what happens: {text}"
        );
        typed(app, name);
        press(app, KeyCode::Enter);
    };
    // Nobody removes themselves: said in the prompt, nothing asked of the run loop.
    remove(&mut app, "amal h.");
    // `rekey` is what the run loop reads to close the screens and re-key: nothing is
    // drawn for it until then.
    assert!(app.rekey.is_none());
    let (text, _) = screen_text(&app, 100, 30);
    assert!(text.contains("cannot remove themselves"), "{text}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    remove(&mut app, "yousif k.");
    assert_eq!(app.pop_up_title(), None);
    match app.rekey.take() {
        Some(daleel::workspace::Rekey::Remove(names)) => {
            assert_eq!(names, ["Yousif K."], "spelt as listed")
        }
        other => panic!("a re-key asked for: {other:?}"),
    }
    // A passphrase change too, the passphrase checked first.
    press(&mut app, KeyCode::F(8));
    app.update(menu_action(&app, "Change a worker's passphrase"));
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "lemon tractor violin");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "lemon tractor violin");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(
            app.rekey.take(),
            Some(daleel::workspace::Rekey::Passphrase { name, .. }) if name == "Amal H."
        ),
        "a re-key asked for"
    );
    // The gauge the run loop draws while it runs.
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| daleel::tui::render_rekey(f, (12_000, 48_000), false))
        .expect("draw");
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("12000 of 48000 values"), "{text}");
    assert!(text.contains("nothing is lost"), "{text}");
}

/// An app on a laptop with its team commands, on the Sync screen with the stick typed in.
fn sync_app(ws: &Workspace, worker: &str, folder: &str) -> App {
    ws.store.set_worker(worker).expect("worker");
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(ws.identity.clone())
    .with_team(ws.team());
    press(&mut app, KeyCode::F(6));
    typed(&mut app, folder);
    press(&mut app, KeyCode::Enter);
    app
}

/// Does an action as a menu item would, and lets inline jobs finish.
fn act(app: &mut App, action: daleel::tui::action::Action) {
    app.modal = None;
    app.update(action);
    app.handle_event(daleel::tui::event::Event::Tick);
}

#[test]
fn a_laptop_asks_is_approved_and_joins_a_team_from_the_sync_screen() {
    let (_dirs, stick, a, b) = two_laptops();
    a.team().init("CRC Mosul", "CRC", false).expect("team");
    let folder = stick.path().to_str().expect("path");
    // B, in no team, writes its request onto the stick from the Sync menu.
    let mut on_b = sync_app(&b, "Yousif K.", folder);
    let (text, _) = screen_text(&on_b, 80, 24);
    assert!(text.contains("In no team"), "{text}");
    press(&mut on_b, KeyCode::F(9));
    let ask = menu_action(&on_b, "Write a request to join a team");
    act(&mut on_b, ask);
    assert!(
        sync_result(&on_b).starts_with("Wrote the request "),
        "{}",
        screen::text(&on_b)
    );
    // A, the coordinator, finds it and approves it with an expiry date.
    let mut on_a = sync_app(&a, "Amal H.", folder);
    press(&mut on_a, KeyCode::F(9));
    let approve = menu_action(&on_a, "Approve the request of");
    act(&mut on_a, approve);
    let approving = format!("Approve {} ", b.identity.code());
    assert!(
        on_a.pop_up_title()
            .is_some_and(|t| t.starts_with(&approving)),
        "{:?}",
        on_a.pop_up_title()
    );
    for _ in 0..3 {
        press(&mut on_a, KeyCode::Tab);
    }
    typed(&mut on_a, "2020-01-01");
    key(&mut on_a, Key::ctrl('s'));
    assert!(
        on_a.pop_up_title()
            .is_some_and(|t| t.starts_with(&approving)),
        "a past date is refused: {}",
        screen::text(&on_a)
    );
    assert!(
        pop_up_lines(&on_a)
            .iter()
            .any(|l| l.starts_with(">!Valid until")),
        "and marked: {}",
        screen::text(&on_a)
    );
    for _ in 0..10 {
        press(&mut on_a, KeyCode::Backspace);
    }
    typed(&mut on_a, "2030-01-01");
    key(&mut on_a, Key::ctrl('s'));
    assert_eq!(on_a.pop_up_title(), None, "{}", screen::text(&on_a));
    assert!(
        sync_result(&on_a).starts_with(&format!("Certified {} ", b.identity.code())),
        "{}",
        screen::text(&on_a)
    );
    // B joins, after confirming the team key.
    act(
        &mut on_b,
        daleel::tui::action::Action::Sync(SyncAction::Scan),
    );
    press(&mut on_b, KeyCode::F(9));
    let join = menu_action(&on_b, "Join the team CRC Mosul");
    act(&mut on_b, join);
    assert_eq!(
        on_b.pop_up_title().as_deref(),
        Some("Are you sure?"),
        "a confirmation"
    );
    let team = a.store.team().expect("team").expect("a team");
    let message = pop_up_text(&on_b);
    assert!(message.contains(&team.fingerprint()), "{message}");
    press(&mut on_b, KeyCode::Enter);
    assert_eq!(
        sync_result(&on_b),
        "This laptop joined the team CRC Mosul.",
        "{}",
        screen::text(&on_b)
    );
    assert_eq!(b.store.team().expect("team"), Some(team));
    let cert = b
        .store
        .policy()
        .member(b.identity.origin())
        .cloned()
        .expect("certified");
    assert_eq!(cert.expires, daleel::model::Date::parse("2030-01-01"));
    let (text, _) = screen_text(&on_b, 80, 24);
    assert!(
        text.contains("Team CRC Mosul: this laptop is outreach worker of CRC"),
        "{text}"
    );
    // The coordinator may revoke it from the same menu; the outreach laptop may not.
    press(&mut on_b, KeyCode::F(9));
    let items = screen::menu_items(&on_b);
    assert!(
        !items.is_empty() && items.iter().all(|l| !l.starts_with("Revoke")),
        "{items:?}"
    );
    press(&mut on_a, KeyCode::F(9));
    assert!(
        screen::menu_items(&on_a)
            .iter()
            .any(|l| l.starts_with("Revoke a laptop")),
        "{}",
        screen::text(&on_a)
    );
    let revoke = menu_action(&on_a, "Revoke a laptop");
    act(&mut on_a, revoke);
    press(&mut on_a, KeyCode::Enter);
    assert_eq!(
        on_a.pop_up_title().as_deref(),
        Some("Are you sure?"),
        "a confirmation"
    );
    let message = pop_up_text(&on_a);
    assert!(
        message.contains(&format!("Revoke {} ", b.identity.code())),
        "{message}"
    );
    press(&mut on_a, KeyCode::Enter);
    assert!(a.store.policy().revoked.contains_key(&b.identity.origin()));
}

/// Moves the open prompt's focus (Tab) to the field whose label starts with `label`.
fn focus(app: &mut App, label: &str) {
    for _ in 0..30 {
        if pop_up_lines(app)
            .iter()
            .any(|l| l.starts_with(&format!("> {label}")) || l.starts_with(&format!(">!{label}")))
        {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no field {label:?}:\n{}", screen::text(app));
}

#[test]
fn a_coordinator_edits_a_service_and_adds_an_organization_from_the_services_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(3));
    let (_, rows) = service_list(&app);
    let chosen = rows
        .iter()
        .find(|r| r.0)
        .map(|r| r.1.clone())
        .expect("a service is selected");
    let id = ws
        .store
        .services()
        .expect("services")
        .into_iter()
        .find(|s| s.name.starts_with(&chosen))
        .expect("the service selected")
        .id;
    press(&mut app, KeyCode::F(9));
    let edit = menu_action(&app, "Edit this service");
    act(&mut app, edit);
    focus(&mut app, "Phone");
    for _ in 0..30 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "0750 111 2222");
    key(&mut app, Key::ctrl('s'));
    assert_eq!(app.pop_up_title(), None, "{}", screen::text(&app));
    let stored: daleel::model::Service = ws.store.get(id).expect("read").expect("stored now");
    assert_eq!(stored.phone, "0750 111 2222");
    assert!(
        shows(&app, "│Phone: 0750 111 2222"),
        "the list shows it: {}",
        screen::text(&app)
    );
    // An area that is not a P-code is refused, with the code named.
    press(&mut app, KeyCode::F(9));
    let edit = menu_action(&app, "Edit this service");
    act(&mut app, edit);
    focus(&mut app, "Areas");
    typed(&mut app, "; NOWHERE");
    key(&mut app, Key::ctrl('s'));
    assert!(
        app.pop_up_title().is_some_and(|t| t.starts_with(&chosen)),
        "still the form: {:?}",
        app.pop_up_title()
    );
    assert!(
        pop_up_text(&app).contains("! NOWHERE is not a P-code"),
        "{}",
        screen::text(&app)
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    // A new organization.
    press(&mut app, KeyCode::F(9));
    let new = menu_action(&app, "New organization");
    act(&mut app, new);
    focus(&mut app, "Name");
    typed(&mut app, "Mosul Legal Aid");
    focus(&mut app, "Acronym");
    typed(&mut app, "MLA");
    key(&mut app, Key::ctrl('s'));
    assert_eq!(app.pop_up_title(), None, "{}", screen::text(&app));
    assert!(
        ws.store
            .organizations()
            .expect("orgs")
            .iter()
            .any(|o| o.acronym == "MLA" && o.name == "Mosul Legal Aid")
    );
}

#[test]
fn the_sync_menu_writes_a_backup_onto_the_drive_on_a_worker_thread() {
    let (_dirs, stick, a, _b) = two_laptops();
    a.store
        .apply(
            "Amal H.",
            &[Edit::Household(household("Fatima", "Fatima", 1980, true))],
        )
        .expect("save");
    let folder = stick.path().to_str().expect("path");
    let mut app = sync_app(&a, "Amal H.", folder);
    press(&mut app, KeyCode::F(9));
    let action = menu_action(&app, "Write a backup");
    act(&mut app, action);
    let files: Vec<_> = std::fs::read_dir(stick.path())
        .expect("stick")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "dlbk"))
        .collect();
    assert_eq!(files.len(), 1, "one backup file");
    let (text, _) = screen_text(&app, 80, 24);
    assert!(text.contains("Backed up to"), "{text}");
    let entries = daleel::backup::verify(&files[0], Some("Amal H."), "test passphrase")
        .expect("the backup restores");
    assert!(entries > 0);
}
