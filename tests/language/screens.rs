//! Every screen in Arabic and Kurdish at 80x24, in both display modes (issue 17, item
//! 6): insta snapshots with fixed data, a fixed clock and the colourless theme, as the
//! terminal is given them (left to the terminal: the words as stored, each in its
//! mirrored place; shaped: letters joined and each piece in visual order). Then every
//! rendered row of those screens is walked:
//!
//! - **Columns line up.** For each table (the households found, a household's needs, the
//!   services, the referrals and a referral's history, the Queue's referrals, the keys
//!   in Help), each row is split into its cells (runs of text two or more blanks apart,
//!   the selection or overdue mark set aside), and the edge each cell is read from (its
//!   left in English, its right in Arabic and Kurdish) must be one of the column edges:
//!   the header's when the table has one, else no more edges than the table has columns.
//!   A row whose name is Arabic and a row whose name is Latin must put every cell at the
//!   same edges.
//! - **No word is cut without an ellipsis.** Every word shown (a run of letters) is a
//!   word of the catalogs or of the data, or it touches a `…`.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use daleel::i18n::Lang;
use daleel::model::{Household, Move, Need, Priority, Referral, Sector, Timestamp, sample};
use daleel::store::Edit;
use daleel::tui::app::App;
use daleel::tui::bidi::TextMode;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use uuid::Uuid;

use crate::common;
use crate::common::keys::{fixed_workspace, need};

/// An open returnee household in `governorate`, headed by `name` (and `latin`).
fn household(name: &str, latin: &str, governorate: &str) -> Household {
    let mut h = common::keys::household(name, latin, 1984, true);
    h.location.governorate = governorate.into();
    h
}

/// 2026-11-29 11:00 UTC.
const NOW: i64 = common::NOW;
const HOUR: i64 = 3_600_000;

/// The first sample service of a sector.
fn service_of(sector: Sector) -> daleel::model::Service {
    sample::directory()
        .services
        .iter()
        .find(|s| s.sector == sector)
        .expect("a sample service of the sector")
        .clone()
}

fn referral(h: &Household, n: &Need, sector: Sector, created: i64) -> Referral {
    let service = service_of(sector);
    Referral {
        id: Uuid::now_v7(),
        household: h.id,
        need: n.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: n.priority,
        reason: "needs help".into(),
        disclosed: Default::default(),
        follow_up: None,
        created_at: Timestamp(created),
        created_by: "Amal H.".into(),
        history: vec![],
        flagged: Vec::new(),
    }
}

/// Three households (a name in Arabic with its Latin, one in Latin only, one in Arabic
/// only) in three governorates; needs in both scripts; two referrals sent (one overdue),
/// one a draft; a need with no referral.
fn fixture(ws: &Workspace) -> Vec<String> {
    // Another record of the first family, with another phone: a likely pair (made
    // first, so the oldest and last in the lists).
    let mut d = household("فاطمة حسن علي", "Fatima Hassan Ali", "IQG15");
    d.phone = "0781 555 0000".into();
    let a = household("فاطمة حسن علي", "Fatima Hassan Ali", "IQG15");
    let b = household("Ahmed Al-Jubouri", "", "IQG01");
    let c = household("زينب عبد الكريم", "", "IQG16");
    let n1 = need(
        &a,
        Sector::CivilDocumentation,
        "Replace lost civil status ID",
        Priority::Urgent,
    );
    let n2 = need(
        &a,
        Sector::ShelterNfi,
        "بطانيات وفرش للشتاء",
        Priority::Normal,
    );
    let n3 = need(
        &b,
        Sector::Health,
        "Diabetes follow-up",
        Priority::Emergency,
    );
    let n4 = need(
        &c,
        Sector::ChildProtection,
        "متابعة طفل منفصل عن ذويه",
        Priority::Urgent,
    );
    let r1 = referral(&a, &n1, Sector::CivilDocumentation, NOW - 100 * HOUR);
    let r2 = referral(&c, &n4, Sector::ChildProtection, NOW - 10 * HOUR);
    let r3 = referral(&a, &n2, Sector::ShelterNfi, NOW - 5 * HOUR);
    let words = vec![
        a.head.name.clone(),
        a.head.latin.clone(),
        b.head.name.clone(),
        c.head.name.clone(),
        n1.description.clone(),
        n2.description.clone(),
        n3.description.clone(),
        n4.description.clone(),
        "Amal H. CRC Mosul laptop needs help".into(),
        // Help's sample line.
        "مرحبا بكم في دليل".into(),
    ];
    ws.store
        .apply(
            "Amal H.",
            &[
                Edit::Household(a.clone()),
                Edit::Household(b),
                Edit::Household(c.clone()),
                Edit::Household(d),
                Edit::Need(n1),
                Edit::Need(n2),
                Edit::Need(n3),
                Edit::Need(n4),
                Edit::Referral(r1.clone()),
                Edit::Referral(r2.clone()),
                Edit::Referral(r3),
            ],
        )
        .expect("fixture");
    for (r, h, at) in [(&r1, &a, NOW - 100 * HOUR), (&r2, &c, NOW - 10 * HOUR)] {
        let step = ws
            .store
            .get::<Referral>(r.id)
            .expect("read")
            .expect("present")
            .check_move(
                &Move::Send,
                h.consent.as_ref(),
                Timestamp(at),
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
    }
    words
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(daleel::tui::event::Event::Key(Key::new(code)));
}

/// The frame at 80x24 as the terminal is given it: one string a row.
fn rows(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| daleel::tui::render(app, f))
        .expect("draw");
    daleel::tui::bidi::rows(terminal.backend().buffer())
}

/// The screens shown, in order, by name.
const SCREENS: [&str; 12] = [
    "intake_lookup",
    "intake_who",
    "intake_consent",
    "intake_needs",
    "services",
    "referrals",
    "referral_actions",
    "queue",
    "queue_pair",
    "sync",
    "help",
    "help_keys",
];

/// Every screen of an app on the fixture, in `lang` and `mode`: (name, rows).
fn screens(ws: &Workspace, lang: Lang, mode: TextMode) -> Vec<(&'static str, Vec<String>)> {
    daleel::i18n::set_language(lang);
    let mut app = App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
    .with_identity(ws.identity.clone())
    .with_text_mode(mode);
    app.data.now = Timestamp(NOW);
    let mut shown = Vec::new();
    let mut take = |app: &App, name| shown.push((name, rows(app)));
    take(&app, SCREENS[0]);
    // The first household, opened: its form's three steps.
    press(&mut app, KeyCode::Enter);
    take(&app, SCREENS[1]);
    press(&mut app, KeyCode::PageDown);
    take(&app, SCREENS[2]);
    press(&mut app, KeyCode::PageDown);
    take(&app, SCREENS[3]);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(3));
    take(&app, SCREENS[4]);
    press(&mut app, KeyCode::F(4));
    take(&app, SCREENS[5]);
    press(&mut app, KeyCode::Enter);
    take(&app, SCREENS[6]);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(5));
    take(&app, SCREENS[7]);
    // The likely pair (the sixth section), side by side.
    press(&mut app, KeyCode::Char('6'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    take(&app, SCREENS[8]);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(6));
    // No drive of the machine running the tests.
    app.screens.sync.drives.clear();
    take(&app, SCREENS[9]);
    press(&mut app, KeyCode::F(1));
    take(&app, SCREENS[10]);
    // Help scrolled to its key table for the forms and lists.
    for _ in 0..14 {
        press(&mut app, KeyCode::Down);
    }
    take(&app, SCREENS[11]);
    shown
}

fn mode_name(mode: TextMode) -> &'static str {
    match mode {
        TextMode::Terminal => "terminal",
        TextMode::Shaped => "shaped",
    }
}

/// A table on a screen: where its rows are, in columns of the screen as laid out left to
/// right (mirrored for Arabic and Kurdish), its header row if it has one, and how many
/// columns it has.
struct Table {
    screen: &'static str,
    columns: Range<usize>,
    header: Option<usize>,
    rows: fn(&[String]) -> Vec<usize>,
    count: usize,
}

fn between(from: usize, to: usize) -> impl Fn(&[String]) -> Vec<usize> {
    move |rows: &[String]| {
        (from..=to)
            .filter(|&y| rows.get(y).is_some_and(|r| !r.trim().is_empty()))
            .collect()
    }
}

const TABLES: [Table; 10] = [
    Table {
        screen: "intake_lookup",
        columns: 0..80,
        header: None,
        rows: |r| between(4, 7)(r),
        count: 4,
    },
    Table {
        screen: "intake_needs",
        columns: 0..80,
        header: Some(4),
        rows: |r| between(5, 6)(r),
        count: 4,
    },
    Table {
        screen: "services",
        columns: 1..41,
        header: None,
        rows: |r| between(4, 19)(r),
        count: 2,
    },
    Table {
        screen: "referrals",
        columns: 0..80,
        header: Some(4),
        rows: |r| between(5, 7)(r),
        count: 6,
    },
    // A referral's history, in its box.
    Table {
        screen: "referrals",
        columns: 1..79,
        header: None,
        rows: |r| between(14, 15)(r),
        count: 3,
    },
    // The Queue's referrals awaiting an answer (between the first two headings).
    Table {
        screen: "queue",
        columns: 0..80,
        header: None,
        rows: |r| {
            let heading = |n: &str| r.iter().position(|l| l.contains(n));
            match (heading("[1]"), heading("[2]")) {
                (Some(a), Some(b)) => (a + 1..b).collect(),
                _ => Vec::new(),
            }
        },
        count: 4,
    },
    // The unreferred needs (after the fourth heading).
    Table {
        screen: "queue",
        columns: 0..80,
        header: None,
        rows: |r| {
            let heading = |n: &str| r.iter().position(|l| l.contains(n));
            match (heading("[4]"), heading("[5]")) {
                (Some(a), Some(b)) => (a + 1..b).collect(),
                _ => Vec::new(),
            }
        },
        count: 4,
    },
    // The likely pair: each household's box, labels and values in two columns.
    Table {
        screen: "queue_pair",
        columns: 1..39,
        header: None,
        rows: |r| between(4, 12)(r),
        count: 2,
    },
    Table {
        screen: "queue_pair",
        columns: 41..79,
        header: None,
        rows: |r| between(4, 12)(r),
        count: 2,
    },
    // The keys everywhere, in Help.
    Table {
        screen: "help",
        columns: 0..80,
        header: None,
        rows: |r| between(11, 20)(r),
        count: 2,
    },
];

/// A row's cells as (first column, end) in `columns`, runs of text two or more blanks
/// apart, with the selection or overdue mark at the reading end set aside.
fn cells(row: &str, columns: &Range<usize>, rtl: bool) -> Vec<(usize, usize)> {
    // One character a column: the marks on a letter share its cell.
    let mut chars: Vec<char> = row.chars().filter(|c| !is_mark(*c)).collect();
    chars.resize(80, ' ');
    let mut part: Vec<char> = chars[columns.clone()].to_vec();
    // The mark: `> ` / `! ` at the left, ` <` / ` !` at the right when mirrored.
    let n = part.len();
    if rtl {
        if n >= 2 && part[n - 2] == ' ' && matches!(part[n - 1], '<' | '!' | '>') {
            part[n - 1] = ' ';
        }
    } else if n >= 2 && part[1] == ' ' && matches!(part[0], '<' | '!' | '>') {
        part[0] = ' ';
    }
    let mut out = Vec::new();
    let mut x = 0;
    while x < n {
        if part[x] == ' ' {
            x += 1;
            continue;
        }
        let start = x;
        let mut end = x + 1;
        x += 1;
        while x < n {
            if part[x] != ' ' {
                end = x + 1;
                x += 1;
            } else if x + 1 < n && part[x + 1] != ' ' {
                x += 1;
            } else {
                break;
            }
        }
        out.push((columns.start + start, columns.start + end));
    }
    out
}

/// The edge a cell is read from: its left, or its right when mirrored.
fn edge(cell: (usize, usize), rtl: bool) -> usize {
    if rtl { cell.1 } else { cell.0 }
}

/// Whether the columns of every table on `screen` line up; what is wrong if not.
fn misaligned(screen: &str, rows: &[String], rtl: bool) -> Vec<String> {
    let mut wrong = Vec::new();
    for table in TABLES.iter().filter(|t| t.screen == screen) {
        let ys = (table.rows)(rows);
        if ys.len() < 2 && table.header.is_none() {
            wrong.push(format!("{screen}: a table of fewer than two rows: {ys:?}"));
            continue;
        }
        // The columns as drawn: mirrored in Arabic and Kurdish.
        let columns = if rtl {
            80 - table.columns.end..80 - table.columns.start
        } else {
            table.columns.clone()
        };
        let edges_of = |y: usize| -> BTreeSet<usize> {
            cells(&rows[y], &columns, rtl)
                .into_iter()
                .map(|c| edge(c, rtl))
                .collect()
        };
        let mut all = BTreeSet::new();
        for &y in &ys {
            let edges = edges_of(y);
            if edges.len() < 2 {
                wrong.push(format!(
                    "{screen}: row {y} is not a table row: {:?}",
                    rows[y]
                ));
            }
            all.extend(edges);
        }
        match table.header {
            Some(h) => {
                let header = edges_of(h);
                if header.len() != table.count {
                    wrong.push(format!(
                        "{screen}: header row {h} has {} columns, not {}: {:?}",
                        header.len(),
                        table.count,
                        rows[h]
                    ));
                }
                for &y in &ys {
                    let off: Vec<usize> = edges_of(y).difference(&header).copied().collect();
                    if !off.is_empty() {
                        wrong.push(format!(
                            "{screen}: row {y} has cells at {off:?}, off the header's {header:?}:\n{}\n{}",
                            rows[h], rows[y]
                        ));
                    }
                }
            }
            None => {
                if all.len() > table.count {
                    wrong.push(format!(
                        "{screen}: {} column edges {all:?} for {} columns:\n{}",
                        all.len(),
                        table.count,
                        ys.iter()
                            .map(|&y| rows[y].as_str())
                            .collect::<Vec<_>>()
                            .join("\n")
                    ));
                }
            }
        }
    }
    wrong
}

/// Whether a character is a mark drawn on the letter before it (no column of its own).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Whether a character belongs to a word: a letter, or a mark on one.
fn in_word(c: char) -> bool {
    c.is_alphabetic() || is_mark(c)
}

/// The words of a text: runs of letters, at least two long.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !in_word(c))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// Every word the screens may show whole: the catalogs' (all three), the fixture's, the
/// sample directory's and the gazetteer's, each also as the shaped mode writes it.
fn vocabulary(data: &[String]) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    let mut text = String::new();
    for lang in Lang::ALL {
        let catalog =
            std::fs::read_to_string(root.join(format!("{}.ftl", lang.code()))).expect("catalog");
        text.push_str(&catalog);
        text.push(' ');
        text.push_str(lang.name());
        text.push(' ');
    }
    text.push_str(&format!("{:?}", sample::directory()));
    text.push_str(&format!("{:?}", daleel::model::Gazetteer::builtin()));
    for d in data {
        text.push(' ');
        text.push_str(d);
    }
    let mut all = BTreeSet::new();
    for w in words(&text) {
        for kurdish in [false, true] {
            all.insert(daleel::tui::bidi::visual(&w, false, kurdish));
        }
        all.insert(w.to_uppercase());
        all.insert(w);
    }
    all
}

/// The words of `rows` that are neither whole words nor marked as cut (touching a `…`).
/// Letters touching a digit are part of a code (a fingerprint); with `over` (a pop-up
/// open), a word touching a frame line may be one the pop-up covers.
fn cut_words(rows: &[String], known: &BTreeSet<String>, over: bool) -> Vec<String> {
    let mut cut = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let chars: Vec<char> = row.chars().collect();
        let mut x = 0;
        while x < chars.len() {
            if !in_word(chars[x]) {
                x += 1;
                continue;
            }
            let start = x;
            while x < chars.len() && in_word(chars[x]) {
                x += 1;
            }
            let word: String = chars[start..x].iter().collect();
            let before = start.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(x).copied();
            let touches = |f: &dyn Fn(char) -> bool| before.is_some_and(f) || after.is_some_and(f);
            let marked = touches(&|c| c == '…');
            let code = touches(&|c| c.is_ascii_digit());
            let covered = over && touches(&|c| ('\u{2500}'..='\u{257F}').contains(&c));
            if word.chars().count() >= 2 && !marked && !code && !covered && !known.contains(&word) {
                cut.push(format!("row {y}: {word:?} in {row:?}"));
            }
        }
    }
    cut
}

#[test]
fn every_screen_in_arabic_and_kurdish_at_80x24_lines_up_and_cuts_at_words() {
    let _turn = crate::LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    let data = fixture(&ws);
    ws.store
        .set_device_name("CRC Mosul laptop 3")
        .expect("name");
    ws.store.set_worker("Amal H.").expect("worker");
    let known = vocabulary(&data);
    let mut failures = Vec::new();
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    for lang in [Lang::Ar, Lang::Ckb, Lang::En] {
        for mode in [TextMode::Terminal, TextMode::Shaped] {
            if lang == Lang::En && mode == TextMode::Shaped {
                continue;
            }
            let shown = screens(&ws, lang, mode);
            for (name, rows) in &shown {
                let text: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
                let text = text.join("\n");
                if lang != Lang::En {
                    let snapshot = format!("{name}_{}_{}", lang.code(), mode_name(mode));
                    settings.bind(|| insta::assert_snapshot!(snapshot, text));
                }
                let context = format!("{} {}: {name}", lang.code(), mode_name(mode));
                // The form's footer keeps Esc and F10 when it drops keys; the weekly
                // chart keeps its number of weeks.
                let footer = &rows[23];
                if name.starts_with("intake_")
                    && *name != "intake_lookup"
                    && !(footer.contains("Esc") && footer.contains("F10"))
                {
                    failures.push(format!("{context}: the footer lost Esc or F10: {footer}"));
                }
                if *name == "queue" && !rows[9].contains("12") {
                    failures.push(format!("{context}: the chart's weeks: {}", rows[9]));
                }
                for wrong in misaligned(name, rows, lang.is_rtl()) {
                    failures.push(format!("{context}: {wrong}"));
                }
                for cut in cut_words(rows, &known, *name == "referral_actions") {
                    failures.push(format!("{context}: cut without …: {cut}"));
                }
            }
        }
    }
    daleel::i18n::set_language(Lang::En);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The alignment check itself: a mirrored table whose second row is shifted by one
/// column fails it, and one that lines up passes.
#[test]
fn the_alignment_check_finds_a_column_out_of_line() {
    let good = [
        "     زمن       X2R39-0001 <".to_string(),
        "  Ninewa       X2R39-0002  ".to_string(),
    ];
    let cells_of = |r: &String| cells(r, &(0..27), true);
    let edges =
        |r: &String| -> Vec<usize> { cells_of(r).into_iter().map(|c| edge(c, true)).collect() };
    assert_eq!(edges(&good[0]), edges(&good[1]));
    let bad = " Ninewa        X2R39-0002  ".to_string();
    assert_ne!(edges(&good[0]), edges(&bad));
    let known: BTreeSet<String> = ["Ninewa".to_string()].into();
    assert!(cut_words(&["Ninew…".to_string()], &known, false).is_empty());
    assert_eq!(cut_words(&["Ninew".to_string()], &known, false).len(), 1);
}

/// With the digits setting at Arabic-Indic, the screens write dates, times and counts
/// in ٠-٩ and keep the case codes' Western digits (issue 17, item 3); the month is named
/// in the language.
#[test]
fn dates_and_counts_take_the_digits_setting_and_codes_keep_theirs() {
    use daleel::i18n::format::{Digits, set_digits};
    let _turn = crate::LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = fixed_workspace(dir.path(), 7);
    fixture(&ws);
    ws.store.set_worker("Amal H.").expect("worker");
    set_digits(Digits::ArabicIndic);
    let shown = screens(&ws, Lang::Ar, TextMode::Terminal);
    set_digits(Digits::Western);
    daleel::i18n::set_language(Lang::En);
    let referrals = &shown
        .iter()
        .find(|(n, _)| *n == "referrals")
        .expect("shown")
        .1;
    let text = referrals.join("\n");
    // The clock (29 November 2026, 11:00), the due date, the count shown.
    assert!(referrals[22].contains("٢٩ تشرين الثاني ١١:٠٠"), "{text}");
    assert!(text.contains("٢٨ تشرين الثاني"), "{text}");
    assert!(referrals[2].contains("٣"), "{text}");
    assert!(
        text.contains("X2R39-0001"),
        "codes keep their digits:\n{text}"
    );
    assert!(!text.contains("Nov"), "{text}");
}
