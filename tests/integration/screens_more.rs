//! The screens at a caseload's size (issue 16, items 6, 8 and 11), driven by keys and read
//! as a person sees them at 80x24 with the colourless theme: the Queue's sections reached
//! with Tab and their numbers, F9 on a Queue row, organizations by name, header counts
//! that fit; Referrals found by words or case code, their filters' drop-downs; lists cut
//! to their best saying of how many; Help scrolled to its end; a screen too small.

use daleel::model::{Move, Priority, Referral, ReferralStatus, Sector, Timestamp, sample};
use daleel::store::Edit;
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::keys::Key;
use daleel::tui::screens::modal::Modal;
use daleel::tui::screens::queue::Row;
use daleel::tui::theme::Theme;
use daleel::tui::{ScreenId, render};
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use uuid::Uuid;

use crate::common::keys::{fixed_workspace, household, key, need, press, typed, working_window};

/// 2026-11-29 11:00 UTC.
const NOW: i64 = 1_795_950_000_000;
const HOUR: i64 = 3_600_000;

/// The screen as text, one line per row, at `width` x `height`.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    buffer
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
        .join("\n")
}

fn shown(app: &App) -> String {
    screen(app, 80, 24)
}

/// The labels of the open menu.
fn menu_labels(app: &App) -> Vec<String> {
    match &app.modal {
        Some(Modal::Menu(menu)) => menu.items.iter().map(|(l, _)| l.clone()).collect(),
        other => panic!("a menu: {other:?}"),
    }
}

/// Picks the open menu's item whose label starts with `label`, by its number.
fn pick(app: &mut App, label: &str) {
    let labels = menu_labels(app);
    let n = labels
        .iter()
        .position(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no item {label:?} in {labels:?}"));
    for _ in 0..n {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

/// Two households: the first with a referral sent 100 hours ago to an NRC service (28
/// hours late), the second with an emergency need not yet referred.
fn fixture(ws: &Workspace) -> Uuid {
    let a = household("Fatima Hassan Ali", "", 1984, true);
    let b = household("Ahmed Al-Jubouri", "", 1984, true);
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
                Edit::Need(n),
                Edit::Need(n2),
                Edit::Referral(r.clone()),
            ],
        )
        .expect("fixture");
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
    r.id
}

/// A demo caseload of `n` households (every section of the queue has rows).
fn demo(ws: &Workspace, n: usize) {
    daleel::demo::generate(&ws.store, n, 1, |_| {}).expect("demo");
}

/// The line of the screen that holds the selection (`> `).
fn selected_line(text: &str) -> (usize, String) {
    text.lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("> "))
        .map(|(i, l)| (i, l.to_string()))
        .unwrap_or_else(|| panic!("no selected row:\n{text}"))
}

/// The first row of the Queue's list on screen (below the counts and the charts).
const QUEUE_LIST_ROW: usize = 12;

#[test]
fn tab_and_a_sections_number_land_on_its_heading_at_the_top_of_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    demo(&ws, 300);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    let text = shown(&app);
    assert!(
        text.contains("Tab next section") && text.contains("1-9 section by number"),
        "the footer names the keys:\n{text}"
    );
    assert!(text.contains("> [1] Awaiting response:"), "{text}");
    let awaiting = app.screens.queue.counts.awaiting;
    assert!(
        awaiting > 12,
        "the first section is longer than the screen: {awaiting}"
    );

    // Tab: the next section's heading, drawn first in the list.
    press(&mut app, KeyCode::Tab);
    let text = shown(&app);
    let (row, line) = selected_line(&text);
    assert!(
        line.starts_with("> [2] Accepted, past the follow-up date"),
        "{text}"
    );
    assert_eq!(row, QUEUE_LIST_ROW, "the heading is at the top:\n{text}");
    assert!(matches!(
        app.screens.queue.rows[app.screens.queue.list.selected],
        Row::Heading(_)
    ));

    // A section's number, Arabic-Indic digits too.
    typed(&mut app, "4");
    let (row, line) = selected_line(&shown(&app));
    assert!(line.starts_with("> [4] Needs with no referral"), "{line}");
    assert_eq!(row, QUEUE_LIST_ROW);
    typed(&mut app, "٦");
    let (_, line) = selected_line(&shown(&app));
    assert!(
        line.starts_with("> [6] Likely duplicate households"),
        "{line}"
    );
    // A number with no section does nothing.
    typed(&mut app, "9");
    let (_, line) = selected_line(&shown(&app));
    assert!(line.starts_with("> [6]"), "{line}");

    // Shift+Tab: from inside a section to its heading, then to the one before.
    typed(&mut app, "1");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::BackTab);
    let (_, line) = selected_line(&shown(&app));
    assert!(line.starts_with("> [1] Awaiting response"), "{line}");
    press(&mut app, KeyCode::BackTab);
    let last = app.screens.queue.sections.len();
    let (_, line) = selected_line(&shown(&app));
    assert!(
        line.starts_with(&format!("> [{last}] ")),
        "before the first comes the last: {line}"
    );
    press(&mut app, KeyCode::Tab);
    let (_, line) = selected_line(&shown(&app));
    assert!(
        line.starts_with("> [1] "),
        "after the last, the first: {line}"
    );

    // Moving down from a heading keeps its section in view.
    typed(&mut app, "2");
    press(&mut app, KeyCode::Down);
    let text = shown(&app);
    let first = text.lines().nth(QUEUE_LIST_ROW).expect("list row");
    assert!(first.contains("[2] Accepted"), "{text}");

    // The keys are in Help, from the same table.
    press(&mut app, KeyCode::F(1));
    let lines: Vec<String> = app
        .screens
        .help
        .lines(&Theme::plain())
        .iter()
        .map(|l| l.to_string())
        .collect();
    let at = lines
        .iter()
        .position(|l| l == "On the Queue (F5)")
        .expect("the queue's keys in help");
    assert!(lines[at + 1].contains("Tab") && lines[at + 1].contains("next section"));
    assert!(lines[at + 2].contains("Shift+Tab") && lines[at + 2].contains("previous section"));
    assert!(lines[at + 3].contains("1-9") && lines[at + 3].contains("section by number"));
}

#[test]
fn f9_on_a_queue_row_offers_that_rows_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let referral = fixture(&ws);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    // On a heading: only Help.
    press(&mut app, KeyCode::F(9));
    assert_eq!(menu_labels(&app), vec!["Help".to_string()]);
    press(&mut app, KeyCode::Esc);

    // The awaiting referral: its moves as on Referrals, and its household.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::F(9));
    let text = shown(&app);
    assert!(
        text.contains("X2R39-0001 → Norwegian Refugee Council"),
        "the menu is titled by case and organization:\n{text}"
    );
    let labels = menu_labels(&app);
    for want in [
        "Open the referral (Referrals screen)",
        "Accepted by the organization",
        "Rejected by the organization…",
        "Cancel…",
        "Add a follow-up note…",
        "Set the follow-up date…",
        "Open X2R39-0001",
        "Help",
    ] {
        assert!(labels.iter().any(|l| l == want), "{want:?} in {labels:?}");
    }
    assert!(
        !labels.iter().any(|l| l.starts_with("Send")),
        "a sent referral is not sent again: {labels:?}"
    );
    pick(&mut app, "Accepted by the organization");
    let moved = ws
        .store
        .get::<Referral>(referral)
        .expect("read")
        .expect("present");
    assert_eq!(moved.status(), ReferralStatus::Accepted);
    assert_eq!(
        app.screen,
        ScreenId::Queue,
        "the move is made where it was asked"
    );

    // A need with no referral: referred from here.
    let row = app
        .screens
        .queue
        .rows
        .iter()
        .position(|r| matches!(r, Row::Unreferred(_)))
        .expect("an unreferred need");
    while app.screens.queue.list.selected < row {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::F(9));
    let labels = menu_labels(&app);
    assert!(
        labels.contains(&"Open X2R39-0002".to_string()),
        "{labels:?}"
    );
    pick(&mut app, "Refer this need to a service");
    assert_eq!(app.screen, ScreenId::Services);
    let text = shown(&app);
    assert!(
        text.contains("Referring X2R39-0002") && text.contains("Diabetes"),
        "{text}"
    );
}

#[test]
fn f9_on_a_rejected_referral_refers_its_need_again_and_on_duplicates_opens_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    demo(&ws, 300);
    // The same family recorded twice.
    ws.store
        .apply(
            "Amal H.",
            &[
                Edit::Household(household("Mariam Yousif Khalaf", "", 1984, true)),
                Edit::Household(household("Mariam Yousif Khalaf", "", 1984, true)),
            ],
        )
        .expect("twice");
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    typed(&mut app, "3");
    press(&mut app, KeyCode::Down);
    assert!(matches!(
        app.screens.queue.rows[app.screens.queue.list.selected],
        Row::Rejected(_)
    ));
    press(&mut app, KeyCode::F(9));
    let labels = menu_labels(&app);
    assert!(
        labels.contains(&"Refer the need to another service".to_string()),
        "{labels:?}"
    );
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "6");
    press(&mut app, KeyCode::Down);
    let Row::Duplicates(i) = app.screens.queue.rows[app.screens.queue.list.selected] else {
        panic!("a duplicate group");
    };
    let group = app.data.duplicate_groups[i as usize].clone();
    press(&mut app, KeyCode::F(9));
    let labels = menu_labels(&app);
    for h in &group {
        assert!(
            labels.contains(&format!("Open {}", h.case_code)),
            "{labels:?}"
        );
    }
    pick(&mut app, &format!("Open {}", group[1].case_code));
    assert_eq!(app.screen, ScreenId::Intake);
    assert_eq!(
        app.screens.intake.form.as_ref().map(|f| f.id),
        Some(group[1].id)
    );
}

#[test]
fn the_queue_and_its_chart_name_organizations_cut_at_a_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    let text = shown(&app);
    let row = text
        .lines()
        .find(|l| l.contains("X2R39-0001 →"))
        .unwrap_or_else(|| panic!("the referral's row:\n{text}"));
    assert!(row.contains("→ Norwegian Refugee…"), "{row}");
    assert!(!row.contains(" NRC "), "{row}");
    assert!(row.contains("28 hours late  URGENT"), "{row}");
    assert!(
        text.contains("│Norwegian Refugee… "),
        "the chart by organization names it:\n{text}"
    );
}

#[test]
fn the_queue_header_keeps_every_count_whole_at_80_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(5));
    // A governorate's caseload.
    let counts = &mut app.screens.queue.counts;
    counts.awaiting = 18_890;
    counts.overdue = 14_590;
    counts.past_follow_up = 6_830;
    counts.rejected = 9_660;
    counts.unreferred = [16_960, 34_840, 52_430];
    counts.conflicts = 12;
    counts.duplicates = 300;
    let text = shown(&app);
    let header: Vec<&str> = text.lines().skip(2).take(2).collect();
    let both = header.join("\n");
    for whole in [
        "Awaiting response 18890 (14590 overdue)",
        "Past follow-up 6830",
        "Rejected 9660",
        "Conflicts 12",
        "Duplicates 300",
    ] {
        assert!(both.contains(whole), "{whole:?} whole in:\n{both}");
    }
    assert!(
        both.contains("Needs with no referral: emergency 16960, urgent 34840, normal 52430")
            || both.contains("No referral 104230 (16960 emergency)"),
        "{both}"
    );
    assert!(header.iter().all(|l| l.chars().count() <= 80));
    // At today's size the long form fits.
    let counts = &mut app.screens.queue.counts;
    counts.awaiting = 1_889;
    counts.overdue = 1_459;
    counts.past_follow_up = 683;
    counts.rejected = 966;
    counts.unreferred = [1_696, 3_484, 5_243];
    counts.conflicts = 0;
    counts.duplicates = 3;
    let text = shown(&app);
    let both: String = text.lines().skip(2).take(2).collect::<Vec<_>>().join("\n");
    for whole in [
        "Awaiting response 1889 (1459 overdue)",
        "Conflicts 0",
        "Duplicates 3",
    ] {
        assert!(both.contains(whole), "{whole:?} whole in:\n{both}");
    }
}

#[test]
fn referrals_are_found_by_words_or_case_code_and_filters_drop_down_their_choices() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    demo(&ws, 300);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(4));
    let total = app.data.referrals.len();
    let text = shown(&app);
    assert!(text.contains(&format!("{total} shown")), "{text}");
    assert!(
        text.contains("/ search"),
        "the footer names the search:\n{text}"
    );

    // A case code: only that household's referrals.
    let code = app.data.referrals[0].case_code.to_string();
    let theirs = app
        .data
        .referrals
        .iter()
        .filter(|r| *r.case_code == *code)
        .count();
    typed(&mut app, "/");
    typed(&mut app, &code.to_lowercase());
    let text = shown(&app);
    assert!(
        text.contains(&format!("{theirs} of {total} shown")),
        "{theirs} of {total}:\n{text}"
    );
    assert!(
        text.contains(&format!(">Find [{}", code.to_lowercase())),
        "{text}"
    );
    for &i in &app.screens.referrals.rows {
        assert_eq!(*app.data.referrals[i].case_code, *code);
    }
    // Words of the need, any case.
    for _ in 0..code.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    let need: String = app.data.referrals[0]
        .need_text
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    typed(&mut app, &need);
    let rows = app.screens.referrals.rows.clone();
    assert!(
        !rows.is_empty() && rows.len() < total,
        "{need}: {}",
        rows.len()
    );
    for &i in &rows {
        let r = &app.data.referrals[i];
        assert!(
            r.need_text.to_uppercase().contains(&need),
            "{need} in {}",
            r.need_text
        );
    }
    // Enter goes to the list; Esc there leaves the search as it is.
    press(&mut app, KeyCode::Enter);
    assert!(shown(&app).contains("> "), "a selected referral");
    key(&mut app, Key::ctrl('f'));
    for _ in 0..need.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.screens.referrals.rows.len(), total);

    // Tab to the status filter; typing shows the matching choices in a drop-down.
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "acc");
    let text = shown(&app);
    assert!(text.contains("> accepted"), "the drop-down:\n{text}");
    press(&mut app, KeyCode::Enter);
    let rows = app.screens.referrals.rows.clone();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|&i| app.data.referrals[i].status == ReferralStatus::Accepted)
    );
    assert!(
        !shown(&app).contains("> accepted"),
        "picked: the drop-down closes"
    );

    // The organization, by its name or its acronym.
    press(&mut app, KeyCode::Tab);
    let org = app.data.referrals[rows[0]].organization;
    let name = app.data.organizations[&org].name.clone();
    let acronym = app.data.organizations[&org].acronym.clone();
    typed(&mut app, &acronym.to_lowercase());
    let text = shown(&app);
    assert!(
        text.contains(&format!("> {name} ({acronym})")),
        "{name} ({acronym}) offered:\n{text}"
    );
    // Esc closes the drop-down first, keeping the filter as it was.
    press(&mut app, KeyCode::Esc);
    assert!(!shown(&app).contains(&format!("> {name}")));
    assert_eq!(app.screens.referrals.rows, rows);
    typed(&mut app, &acronym.to_lowercase());
    press(&mut app, KeyCode::Enter);
    assert!(
        app.screens
            .referrals
            .rows
            .iter()
            .all(|&i| app.data.referrals[i].organization == org
                && app.data.referrals[i].status == ReferralStatus::Accepted)
    );
}

#[test]
fn a_capped_household_list_says_the_best_200_of_how_many() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let edits: Vec<Edit> = (0..260)
        .map(|i| Edit::Household(household(&format!("Ali Hassan {i}"), "", 1984, true)))
        .collect();
    ws.store.apply("Amal H.", &edits).expect("households");
    let mut app = working_window(&ws);
    typed(&mut app, "X2R39");
    let text = shown(&app);
    assert!(
        text.contains("The best 200 of 260 households found: type more to narrow."),
        "{text}"
    );
    assert!(!text.contains("200 households found. Enter"), "{text}");
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "X2R39-000");
    let text = shown(&app);
    assert!(text.contains("9 households found."), "not cut:\n{text}");
    for _ in 0..9 {
        press(&mut app, KeyCode::Backspace);
    }
    // Whole names fill the list: the others are counted, other spellings are not.
    typed(&mut app, "ali");
    let text = shown(&app);
    assert!(text.contains("The best 200 of 260"), "{text}");
}

#[test]
fn the_services_header_says_of_how_many_when_the_list_is_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let (orgs, services) = daleel::demo::services(600, 1, Timestamp(NOW));
    let mut edits: Vec<Edit> = orgs.into_iter().map(Edit::Organization).collect();
    edits.extend(services.into_iter().map(Edit::Service));
    ws.store.apply("Amal H.", &edits).expect("directory");
    let mut app = working_window(&ws);
    let all = app.data.services.len();
    assert!(all > 500);
    press(&mut app, KeyCode::F(3));
    let text = shown(&app);
    assert!(
        text.contains(&format!("First 500 of {all} services")),
        "{text}"
    );
    assert!(!text.contains("┌500 services"), "{text}");
    typed(&mut app, "service");
    let text = shown(&app);
    assert!(text.contains("Best 500 of "), "{text}");
    for _ in 0.."service".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "legal aid");
    let text = shown(&app);
    let title = text.lines().nth(3).expect("title");
    assert!(
        title.contains(" services") && !title.contains(" of "),
        "not cut: {title}"
    );
}

/// The last line with words above the message line (the help's last line when scrolled
/// to the end).
fn last_words(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[..lines.len() - 3]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.to_string())
        .unwrap_or_default()
}

#[test]
fn help_scrolls_to_its_last_line_with_end_and_back_with_home() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let mut app = working_window(&ws);
    press(&mut app, KeyCode::F(1));
    assert!(shown(&app).contains("Daleel: keys and screens."));
    press(&mut app, KeyCode::End);
    let text = shown(&app);
    assert!(
        text.contains("Who is working (F8)"),
        "the last section shows:\n{text}"
    );
    assert!(
        last_words(&text).ends_with("or add it."),
        "its last line, wrapped, shows:\n{text}"
    );
    // At the end, Up scrolls back at once (the scroll is not past the end).
    press(&mut app, KeyCode::Up);
    let up = shown(&app);
    assert_ne!(up, text, "one line up");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(shown(&app), text, "PgDn stops at the end");
    press(&mut app, KeyCode::Home);
    assert!(shown(&app).contains("Daleel: keys and screens."));
    // At a larger terminal, End still ends on the last line.
    app.handle_event(Event::Resize(100, 30));
    press(&mut app, KeyCode::End);
    let text = screen(&app, 100, 30);
    assert!(last_words(&text).ends_with("or add it."), "{text}");
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small_except_quitting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    let mut app = working_window(&ws);
    app.handle_event(Event::Resize(60, 20));
    let text = screen(&app, 60, 20).replace('\n', " ");
    assert!(
        text.contains("Daleel needs at least 80x24 (now 60x20)"),
        "{text}"
    );
    assert!(text.contains("keys do nothing"), "{text}");
    // Typing, screens, the menu, a new household: nothing happens unseen.
    typed(&mut app, "Ahmed");
    press(&mut app, KeyCode::F(5));
    press(&mut app, KeyCode::F(9));
    key(&mut app, Key::ctrl('n'));
    app.handle_event(Event::Paste("Fatima".into()));
    assert_eq!(app.screen, ScreenId::Intake);
    assert!(app.modal.is_none());
    assert!(app.screens.intake.query.value.is_empty());
    assert!(app.screens.intake.form.is_none());
    // Large enough again: keys work.
    app.handle_event(Event::Resize(80, 24));
    press(&mut app, KeyCode::F(5));
    assert_eq!(app.screen, ScreenId::Queue);
    // Quitting works while too small.
    app.handle_event(Event::Resize(40, 10));
    key(&mut app, Key::ctrl('q'));
    assert!(app.quit);
}

/// The directory is read on a worker thread behind the first frame (issue 20, item 3):
/// the first frame is drawn without it, the Services screen says it is loading and keeps
/// what is typed there when it comes, then lists every service, found by a search as
/// before.
#[test]
fn the_directory_comes_in_behind_the_first_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    ws.store.set_worker("Amal H.").expect("worker");
    let (tx, rx) = std::sync::mpsc::channel();
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        daleel::tui::jobs::Runner::Threads(tx),
        0,
    )
    .expect("app");
    assert!(
        app.data.services.is_empty(),
        "not read before the first frame"
    );
    assert!(shown(&app).contains("Intake"), "{}", shown(&app));
    app.drawn();
    // Services opened and a search typed before the directory is in: it says it is
    // loading, and what was typed stays when the directory comes.
    press(&mut app, KeyCode::F(3));
    assert_eq!(app.screen, ScreenId::Services);
    let page = shown(&app);
    assert!(page.contains("Loading the directory…"), "{page}");
    typed(&mut app, "psychosocial");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while app.data.services.is_empty() {
        let left = until.saturating_duration_since(std::time::Instant::now());
        let event = rx.recv_timeout(left).expect("the directory comes in");
        app.handle_event(event);
    }
    let all = sample::directory().services.len();
    assert_eq!(app.data.services.len(), all);
    let page = shown(&app);
    assert!(page.contains("Search [psychosocial"), "{page}");
    assert!(page.contains("  Community-based psychosocial"), "{page}");
    assert!(!page.contains(&format!("{all} services")), "{page}");
    // Cleared, every service is listed, and found by its name.
    for _ in 0.."psychosocial".len() {
        press(&mut app, KeyCode::Backspace);
    }
    let page = shown(&app);
    assert!(page.contains(&format!("{all} services")), "{page}");
    let first = &sample::directory().services[0];
    typed(&mut app, &first.name);
    let page = shown(&app);
    let start: String = first.name.chars().take(20).collect();
    assert!(page.contains(&format!("> {start}")), "{page}");
}
