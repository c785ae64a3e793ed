//! What a person sees of the screens, for tests that drive the app by keys and actions:
//! the 80x24 frame as lines of text, the marked tab, the message line, and the title of
//! the open pop-up. Tests assert on these (and on the store) rather than on the App's
//! fields, which change whenever the screens are restructured.

use daleel::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const WIDTH: u16 = 80;
pub const HEIGHT: u16 = 24;

/// The frame at `width`x`height`, one string a row, trailing spaces cut.
pub fn lines_at(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| daleel::tui::render(app, f))
        .expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .chunks(width as usize)
        .map(|row| {
            row.iter()
                .map(|c| c.symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// The frame at 80x24, one string a row.
pub fn lines(app: &App) -> Vec<String> {
    lines_at(app, WIDTH, HEIGHT)
}

/// The frame at 80x24 as one text (for failure messages and `contains`).
pub fn text(app: &App) -> String {
    lines(app).join("\n")
}

/// Whether `needle` is shown somewhere on one row of the 80x24 frame.
pub fn shows(app: &App, needle: &str) -> bool {
    lines(app).iter().any(|l| l.contains(needle))
}

/// The first row of the 80x24 frame that shows `needle`.
pub fn row_of(app: &App, needle: &str) -> Option<String> {
    lines(app).into_iter().find(|l| l.contains(needle))
}

/// The tab the tab bar marks as showing (">F3 Services<" reads "F3 Services").
pub fn tab(app: &App) -> String {
    let lines = lines(app);
    let bar = &lines[0];
    bar.split_once('>')
        .and_then(|(_, rest)| rest.split_once('<'))
        .map(|(tab, _)| tab.to_string())
        .unwrap_or_else(|| panic!("no tab marked: {bar:?}\n{}", lines.join("\n")))
}

/// What the message line says, its error mark ("! ") included; empty when it says
/// nothing. Read off the 80x24 frame, so a long message is cut as a person sees it.
pub fn said(app: &App) -> String {
    let lines = lines(app);
    let line = &lines[HEIGHT as usize - 3];
    line.trim_matches('─').trim().to_string()
}

/// The status line: the device, the worker, the warnings, the clock.
pub fn status(app: &App) -> String {
    lines(app)[HEIGHT as usize - 2].clone()
}

/// The frame at 80x24, one symbol a cell.
fn cells(app: &App) -> Vec<Vec<String>> {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal
        .draw(|f| daleel::tui::render(app, f))
        .expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .chunks(WIDTH as usize)
        .map(|row| row.iter().map(|c| c.symbol().to_string()).collect())
        .collect()
}

/// The rows inside the border of the open pop-up (found by its title on its top
/// border), trailing spaces cut; empty when no pop-up is open.
pub fn pop_up_lines(app: &App) -> Vec<String> {
    let Some(title) = app.pop_up_title() else {
        return Vec::new();
    };
    let rows = cells(app);
    for (y, row) in rows.iter().enumerate() {
        for x in 0..row.len() {
            if row[x] != "┌" || !row[x + 1..].concat().starts_with(&title) {
                continue;
            }
            let Some(right) = (x + 1..row.len()).find(|&i| row[i] == "┐") else {
                continue;
            };
            return rows[y + 1..]
                .iter()
                .take_while(|r| r[x] == "│")
                .map(|r| r[x + 1..right].concat().trim_end().to_string())
                .collect();
        }
    }
    panic!(
        "the pop-up {title:?} is not drawn:\n{}",
        lines(app).join("\n")
    )
}

/// The open pop-up's rows as one text, for `contains` (a wrapped sentence is joined
/// with a space).
pub fn pop_up_text(app: &App) -> String {
    pop_up_lines(app)
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The items of the open menu as drawn ("> 2 Cancel…" reads "Cancel…"), in order.
pub fn menu_items(app: &App) -> Vec<String> {
    pop_up_lines(app)
        .iter()
        .map(|l| {
            let l = l.strip_prefix("> ").or(l.strip_prefix("  ")).unwrap_or(l);
            let (number, label) = l.split_once(' ').unwrap_or((l, ""));
            assert!(
                number.chars().all(|c| c.is_ascii_digit()),
                "not a menu row: {l:?}"
            );
            label.trim().to_string()
        })
        .collect()
}
