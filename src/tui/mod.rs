//! The terminal UI. One module per screen (`screens/`), one Action enum (`action.rs`), one
//! key table (`keys.rs`), semantic styles (`theme.rs`); `App::update` is the only place
//! that changes the store, and rendering reads state in memory only. Long work runs on
//! worker threads (`jobs.rs`). This module and its children are the only code that
//! imports ratatui and crossterm.

pub mod action;
pub mod app;
pub mod bidi;
mod ctrl_c;
pub mod draft;
pub mod errors;
pub mod event;
pub mod field;
pub mod jobs;
pub mod keys;
pub mod labels;
pub mod prompts;
pub mod screens;
pub mod theme;
pub mod ui;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::config::Config;
use crate::i18n::{Arg, t, tr};
use crate::workspace::Workspace;
use app::{App, Tone};
use errors::Shown;
use keys::Command;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The lines every screen shares: the tabs and a rule above it; the message, status and
/// keys lines below.
pub const FRAME_LINES: u16 = 5;

/// Which way the screens read. Right to left (Arabic, Kurdish Sorani) mirrors every
/// screen whole, in both display modes (tui/bidi.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The direction of the screens' language now.
    pub fn of_language() -> Direction {
        if crate::i18n::language().is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// The screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenId {
    Help,
    Intake,
    Services,
    Referrals,
    Queue,
    Sync,
}

impl ScreenId {
    pub const ALL: [ScreenId; 6] = [
        ScreenId::Help,
        ScreenId::Intake,
        ScreenId::Services,
        ScreenId::Referrals,
        ScreenId::Queue,
        ScreenId::Sync,
    ];

    fn tab(self) -> (&'static str, &'static str) {
        match self {
            ScreenId::Help => ("F1", "tab-help"),
            ScreenId::Intake => ("F2", "tab-intake"),
            ScreenId::Services => ("F3", "tab-services"),
            ScreenId::Referrals => ("F4", "tab-referrals"),
            ScreenId::Queue => ("F5", "tab-queue"),
            ScreenId::Sync => ("F6", "tab-sync"),
        }
    }
}

/// Draws the whole UI: tabs, the screen, the message line, the status line, the keys;
/// then mirrors it for a right-to-left language and shapes Arabic script for terminals
/// that cannot (tui/bidi.rs), piece by piece.
pub fn render(app: &App, frame: &mut Frame) {
    bidi::begin(frame.area());
    render_screens(app, frame);
    let area = frame.area();
    bidi::finish(
        frame.buffer_mut(),
        area,
        display(app.data.direction, app.text_mode),
    );
}

/// How the finished frame is turned for the direction and the display mode.
pub fn display(direction: Direction, mode: bidi::TextMode) -> bidi::Display {
    bidi::Display {
        rtl: direction == Direction::Rtl,
        shaped: mode == bidi::TextMode::Shaped,
        kurdish: crate::i18n::language() == crate::i18n::Lang::Ckb,
    }
}

fn render_screens(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = tr(
            "too-small",
            &[
                ("width", Arg::Num(MIN_WIDTH as i64)),
                ("height", Arg::Num(MIN_HEIGHT as i64)),
                ("now_width", Arg::Num(area.width as i64)),
                ("now_height", Arg::Num(area.height as i64)),
            ],
        );
        let text = format!("{text} {}", t("too-small-keys"));
        ui::text(frame, area, Paragraph::new(text).wrap(Wrap { trim: true }));
        return;
    }
    if let Some(lock) = &app.locked {
        return render_lock(app, lock, frame, area);
    }
    let [tabs, top, body, message, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = &app.theme;
    render_tabs(app, frame, tabs);
    ui::glyphs(frame, top, Paragraph::new("─".repeat(area.width as usize)));
    app.screens
        .get(app.screen)
        .render(frame, body, &app.data, theme);
    render_message(app, frame, message);
    render_status(app, frame, status);
    render_footer(app, frame, footer);
    if let Some(modal) = &app.modal {
        modal.render(frame, area, theme);
    }
}

fn render_tabs(app: &App, frame: &mut Frame, area: Rect) {
    use ui::Bit;
    let theme = &app.theme;
    // All the tabs by name, two spaces apart; one space apart; without the app's name;
    // the other tabs by their keys alone when even that is too wide.
    let tabs = |name: bool, wide: bool, compact: bool| -> Vec<Bit<'static>> {
        let mut bits = Vec::new();
        if name {
            bits.push(Bit::glyph(" "));
            bits.push(Bit::text(Span::styled(t("app-name"), theme.title())));
            bits.push(Bit::glyph(" "));
        }
        let after = if wide { " " } else { "" };
        for s in ScreenId::ALL {
            let (key, label) = s.tab();
            if s == app.screen {
                bits.push(Bit::glyph(Span::styled(">", theme.selected())));
                bits.push(Bit::text(Span::styled(
                    format!("{key} {}", t(label)),
                    theme.selected(),
                )));
                bits.push(Bit::glyph(Span::styled("<", theme.selected())));
            } else {
                let text = if compact {
                    key.to_string()
                } else {
                    format!("{key} {}", t(label))
                };
                bits.push(Bit::glyph(" "));
                bits.push(Bit::text(text));
                bits.push(Bit::glyph(after));
            }
        }
        bits
    };
    let fits = |bits: &[Bit]| bits.iter().map(Bit::width).sum::<usize>() <= area.width as usize;
    let bits = [(true, true), (true, false), (false, false)]
        .into_iter()
        .map(|(name, wide)| tabs(name, wide, false))
        .find(|bits| fits(bits))
        .unwrap_or_else(|| tabs(true, true, true));
    ui::row(frame, area, bits);
}

fn render_message(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width as usize;
    ui::glyphs(frame, area, Paragraph::new("─".repeat(width)));
    if let Some((text, tone)) = &app.message {
        let style = match tone {
            Tone::Info => ratatui::style::Style::default(),
            Tone::Success => app.theme.success(),
            Tone::Error => app.theme.error(),
        };
        let mark = match tone {
            Tone::Error => "! ",
            _ => "",
        };
        // The rule goes on after the message, two of it at least.
        let text = ui::fit_line(
            Line::from(Span::styled(text.clone(), style)),
            width.saturating_sub(6 + mark.len()),
        );
        ui::row(
            frame,
            area,
            vec![
                ui::Bit::glyph("── "),
                ui::Bit::glyph(Span::styled(mark, style)),
                ui::Bit::Text(text),
                ui::Bit::glyph(" "),
            ],
        );
    }
}

/// The lock screen: nothing of the data, only who may open it and how.
fn render_lock(app: &App, lock: &crate::tui::app::Locked, frame: &mut Frame, area: Rect) {
    let worker = app.data.worker.clone().unwrap_or_default();
    let width = area.width.min(70);
    let height = 11.min(area.height);
    let boxed = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner = ui::boxed(
        frame,
        boxed,
        &format!(" {} · {} ", t("app-name"), app.data.device_code),
    );
    let plain = ratatui::style::Style::default();
    let last = if lock.checking {
        (t("lock-checking"), plain)
    } else if let Some(e) = &lock.error {
        (format!("! {e}"), app.theme.error())
    } else {
        (t("lock-hint"), plain)
    };
    // The title, who may open it, the passphrase typed (as dots), what to do.
    let dots = "•".repeat(lock.typed_len().min(40));
    let mut y = inner.y;
    for (i, (text, style, rows)) in [
        (t("lock-title"), app.theme.title(), 1),
        (tr("lock-who", &[("worker", Arg::Str(&worker))]), plain, 2),
        (t("lock-passphrase"), plain, 1),
        (last.0, last.1, 2),
    ]
    .into_iter()
    .enumerate()
    {
        let area = Rect {
            y,
            height: rows.min(inner.bottom().saturating_sub(y)),
            ..inner
        };
        let used = if i == 2 {
            ui::row(
                frame,
                area,
                vec![ui::Bit::text(text), ui::Bit::glyph(format!(" {dots}"))],
            );
            1
        } else {
            ui::wrapped(frame, area, &text, style)
        };
        y += used + 1;
    }
}

fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    use ui::Bit;
    let d = &app.data;
    let theme = &app.theme;
    let mut bits = vec![Bit::glyph(" "), Bit::text(d.device_code.clone())];
    let sep = || Bit::glyph(" · ");
    bits.push(sep());
    match &d.worker {
        Some(w) => bits.push(Bit::text(w.clone())),
        None => bits.push(Bit::text(Span::styled(
            t("status-no-worker"),
            theme.warning(),
        ))),
    }
    if d.demo {
        bits.push(sep());
        bits.push(Bit::text(Span::styled(t("status-demo"), theme.warning())));
    }
    if d.sample {
        bits.push(sep());
        bits.push(Bit::text(Span::styled(t("status-sample"), theme.warning())));
    }
    // Counted when the queue was worked out (each load, change and minute), not per frame.
    let overdue = app.screens.queue.counts.overdue;
    if overdue > 0 {
        bits.push(sep());
        bits.push(Bit::text(Span::styled(
            tr("status-overdue", &[("count", Arg::Num(overdue as i64))]),
            theme.overdue(),
        )));
    }
    // The clock goes at the far end, at least a space after the words; when the words
    // leave no room for it whole, it is left out rather than run into them or cut.
    // The clock in full; without the day of the week; the time alone.
    let used: usize = bits.iter().map(Bit::width).sum();
    let room = (area.width as usize).saturating_sub(used + 2);
    let clock = [d.clock(d.now), d.day_time(d.now), d.time(d.now)]
        .into_iter()
        .find(|c| widgets::width(c) <= room);
    if let Some(clock) = clock {
        let pad = (area.width as usize).saturating_sub(used + widgets::width(&clock) + 1);
        bits.push(Bit::glyph(" ".repeat(pad)));
        bits.push(Bit::text(clock));
    }
    ui::row(frame, area, bits);
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // Each key with what it does, in the screen's order; when they do not all fit, the
    // last ones go first, but how to go back (Esc) and how to quit (F10) always stay, and
    // quitting shows last.
    let shown = |c: Command| {
        let binding = keys::binding_of(c)?;
        let label = binding.label.split(' ').next().unwrap_or(binding.label);
        let hint = t(binding.hint);
        let len = widgets::width(label) + widgets::width(&hint) + 3;
        Some((c, label.to_string(), hint, len))
    };
    let mut keys: Vec<_> = app
        .footer()
        .into_iter()
        .filter(|c| *c != Command::Quit)
        .chain([Command::Quit])
        .filter_map(shown)
        .collect();
    let room = (area.width as usize).saturating_sub(1);
    let kept = |c: Command| matches!(c, Command::Quit | Command::Back);
    while keys.iter().map(|k| k.3).sum::<usize>() > room {
        match keys.iter().rposition(|k| !kept(k.0)) {
            Some(i) => {
                keys.remove(i);
            }
            None => break,
        }
    }
    let mut bits = vec![ui::Bit::glyph(" ")];
    for (_, label, hint, _) in keys {
        bits.push(ui::Bit::text(Line::from(vec![
            Span::styled(label, theme.key()),
            Span::raw(format!(" {hint}")),
        ])));
        bits.push(ui::Bit::glyph("  "));
    }
    ui::row(frame, area, bits);
}

/// The laptop's offset from UTC now.
fn local_offset() -> i32 {
    chrono::Local::now().offset().local_minus_utc()
}

/// Opens the screens until the user quits. The terminal is restored on every exit,
/// panics included (`ratatui::run`). A re-key asked for on F8 closes the screens, shows
/// its gauge while the database is encrypted again, and opens them again on the
/// re-keyed database.
pub fn run(ws: Workspace, config: &Config) -> std::io::Result<()> {
    ctrl_c::ignore();
    ratatui::run(|terminal| -> std::io::Result<()> {
        // A paste arrives as one event (cut at the field's limit, line breaks as spaces),
        // not as keys that would press Enter.
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableBracketedPaste
        );
        let result = run_loop(ws, config, terminal);
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableBracketedPaste
        );
        result
    })
}

/// The screens of a workspace, as the settings want them.
fn app_for(
    ws: &Workspace,
    config: &Config,
    tx: std::sync::mpsc::Sender<event::Event>,
) -> std::io::Result<App> {
    let mut app = App::new(
        ws.store.clone(),
        theme::Theme::from_env(),
        jobs::Runner::Threads(tx),
        local_offset(),
    )
    .map_err(std::io::Error::other)?
    .with_identity(ws.identity.clone())
    .with_retention(config.retention_months)
    .with_text_mode(text_mode(config));
    if let Some(unlocker) = ws.unlocker() {
        app = app.with_idle_lock(config.idle_lock_minutes, unlocker);
    }
    if let Ok(workers) = ws.workers_handle() {
        app = app.with_workers(workers);
    }
    Ok(app.with_team(ws.team()))
}

fn text_mode(config: &Config) -> bidi::TextMode {
    match config.arabic_display {
        crate::config::ArabicDisplay::Terminal => bidi::TextMode::Terminal,
        crate::config::ArabicDisplay::Shaped => bidi::TextMode::Shaped,
    }
}

fn run_loop(
    mut ws: Workspace,
    config: &Config,
    terminal: &mut ratatui::DefaultTerminal,
) -> std::io::Result<()> {
    let (tx, rx) = event::start();
    let mut said: Option<(String, Tone)> = None;
    loop {
        let mut app = app_for(&ws, config, tx.clone())?;
        // The size the screens open at; resizes come as events.
        if let Ok(size) = terminal.size() {
            app.handle_event(event::Event::Resize(size.width, size.height));
        }
        if let Some((text, tone)) = said.take() {
            app.say(text, tone);
        }
        let change = loop {
            terminal.draw(|frame| render(&app, frame))?;
            app.drawn();
            let first = rx
                .recv()
                .map_err(|_| std::io::Error::other("the keyboard input stopped"))?;
            app.handle_event(first);
            // Take what else is waiting before drawing again (fast typing, job results).
            while !app.quit && app.rekey.is_none() {
                match rx.try_recv() {
                    Ok(e) => app.handle_event(e),
                    Err(_) => break,
                }
            }
            if app.quit {
                return Ok(());
            }
            if let Some(change) = app.rekey.take() {
                break change;
            }
        };
        // The screens let go of the store; the re-key closes it.
        drop(app);
        let (next, message) = rekey_on_screen(ws, &change, config, terminal, &rx)?;
        ws = next;
        said = Some(message);
    }
}

/// What the re-key thread tells the screen.
enum RekeyNews {
    Progress(u64, u64),
    Done(Result<Box<Workspace>, Box<crate::workspace::NotRekeyed>>),
}

/// Makes a re-key on a thread of its own while the screen shows its gauge (keys typed
/// meanwhile are dropped). Returns the workspace to go on with and what to say.
fn rekey_on_screen(
    ws: Workspace,
    change: &crate::workspace::Rekey,
    config: &Config,
    terminal: &mut ratatui::DefaultTerminal,
    input: &std::sync::mpsc::Receiver<event::Event>,
) -> std::io::Result<(Workspace, (String, Tone))> {
    use std::sync::mpsc::RecvTimeoutError;
    let (tx, rx) = std::sync::mpsc::channel();
    let work = change.clone();
    std::thread::spawn(move || {
        let progress = tx.clone();
        let result = ws.rekey(&work, move |done, all| {
            let _ = progress.send(RekeyNews::Progress(done, all));
        });
        let _ = tx.send(RekeyNews::Done(result.map(Box::new)));
    });
    let shaped = text_mode(config) == bidi::TextMode::Shaped;
    let mut shown = (0, 0);
    loop {
        terminal.draw(|frame| render_rekey(frame, shown, shaped))?;
        while input.try_recv().is_ok() {}
        match rx.recv_timeout(std::time::Duration::from_millis(100)) {
            Ok(RekeyNews::Progress(done, all)) => shown = (done, all),
            Ok(RekeyNews::Done(result)) => {
                return match result {
                    Ok(ws) => {
                        let said = match change {
                            crate::workspace::Rekey::Remove(names) => {
                                tr("worker-removed", &[("name", Arg::Str(&names.join(", ")))])
                            }
                            crate::workspace::Rekey::Passphrase { name, .. } => {
                                tr("worker-passphrase-set", &[("name", Arg::Str(name))])
                            }
                            // Not offered on the screens (`daleel compact`).
                            crate::workspace::Rekey::Compact => String::new(),
                        };
                        let said = format!("{said} {}", t("rekey-done"));
                        Ok((*ws, (said.trim_start().to_string(), Tone::Success)))
                    }
                    Err(not) => match not.workspace {
                        Some(ws) => Ok((ws, (not.error.shown(), Tone::Error))),
                        None => Err(std::io::Error::other(not.error.to_string())),
                    },
                };
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other(
                    "the new encryption of the database stopped: open Daleel again (it finishes or undoes it)",
                ));
            }
        }
    }
}

/// The re-key's screen: a gauge of the values encrypted again, and what a stop means.
pub fn render_rekey(frame: &mut Frame, (done, all): (u64, u64), shaped: bool) {
    let area = frame.area();
    bidi::begin(area);
    let width = area.width.min(70);
    let height = 8.min(area.height);
    let boxed = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner = ui::boxed(frame, boxed, &format!(" {} ", t("rekey-title")));
    let [gauge, _, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let ratio = if all == 0 {
        0.0
    } else {
        (done as f64 / all as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(
        ratatui::widgets::Gauge::default().ratio(ratio).label(tr(
            "rekey-progress",
            &[
                ("done", Arg::Num(done as i64)),
                ("all", Arg::Num(all as i64)),
            ],
        )),
        gauge,
    );
    ui::wrapped(
        frame,
        note,
        &t("rekey-wait"),
        ratatui::style::Style::default(),
    );
    let mode = if shaped {
        bidi::TextMode::Shaped
    } else {
        bidi::TextMode::Terminal
    };
    bidi::finish(
        frame.buffer_mut(),
        area,
        display(Direction::of_language(), mode),
    );
}
