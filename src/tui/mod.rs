//! The terminal UI. For now the shell every screen will share: the tab bar, the status
//! line and the key footer, drawn from state in memory. The screens issue fills it in.
//! This is the only module (with its children) that imports ratatui and crossterm.

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::config::Config;
use crate::workspace::Workspace;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The tabs, with the key that opens each.
pub const TABS: [(&str, &str); 6] = [
    ("F1", "Help"),
    ("F2", "Intake"),
    ("F3", "Services"),
    ("F4", "Referrals"),
    ("F5", "Queue"),
    ("F6", "Sync"),
];

/// What the shell shows, read once from the store; rendering never touches the database.
#[derive(Debug, Clone)]
pub struct Shell {
    pub device_code: String,
    pub device_name: String,
    pub sample_directory: bool,
    pub demo: bool,
    pub households: u64,
    pub services: u64,
    pub overdue: u64,
    pub clock: String,
    pub selected_tab: usize,
}

impl Shell {
    pub fn load(ws: &Workspace) -> Result<Shell, crate::store::StoreError> {
        let now = ws.store.now();
        Ok(Shell {
            device_code: ws.identity.code(),
            device_name: ws.store.device_name()?,
            sample_directory: ws.store.uses_sample_directory()?,
            demo: ws.store.kind()? == Some(crate::store::DatabaseKind::Demo),
            households: ws.store.count::<crate::model::Household>() as u64,
            services: ws.store.services()?.len() as u64,
            overdue: ws.store.count_overdue(now) as u64,
            clock: now.local_minutes(),
            selected_tab: 1,
        })
    }
}

/// Draws the shell into the frame.
pub fn render(shell: &Shell, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Daleel needs at least {MIN_WIDTH}x{MIN_HEIGHT} (now {}x{}). Make the window larger.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(shell, frame, tabs);
    let mut lines = vec![
        Line::from(""),
        Line::from(format!(
            "  {} households on this laptop, {} services in the directory.",
            shell.households, shell.services
        )),
        Line::from(""),
        Line::from("  The intake, services, referrals and queue screens come next."),
        Line::from("  Until then, use the command line: daleel --help"),
    ];
    if shell.sample_directory {
        lines.push(Line::from(""));
        lines.push(Line::from(
            "  The service directory is the built-in SAMPLE: not real contact details.",
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::TOP | Borders::BOTTOM)),
        body,
    );
    let mut markers = vec![format!(" {}", shell.device_code)];
    if !shell.device_name.is_empty() {
        markers.push(shell.device_name.clone());
    }
    if shell.demo {
        markers.push("DEMO DATA".into());
    }
    if shell.sample_directory {
        markers.push("SAMPLE DATA".into());
    }
    if shell.overdue > 0 {
        markers.push(format!("{} overdue", shell.overdue));
    }
    let left = markers.join(" · ");
    let pad = (status.width as usize).saturating_sub(left.chars().count() + shell.clock.len() + 1);
    frame.render_widget(
        Paragraph::new(format!("{left}{}{} ", " ".repeat(pad), shell.clock)),
        status,
    );
    frame.render_widget(Paragraph::new(" F10 or Ctrl+Q quit"), keys);
}

fn render_tabs(shell: &Shell, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::styled(
        " Daleel ",
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for (i, (key, name)) in TABS.iter().enumerate() {
        let text = format!(" {key} {name} ");
        if i == shell.selected_tab {
            spans.push(Span::styled(
                format!(">{}", text.trim_start()),
                Style::default().add_modifier(Modifier::REVERSED),
            ));
        } else {
            spans.push(Span::raw(text));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Whether a key quits: F10, Ctrl+Q.
pub fn is_quit(code: KeyCode, modifiers: KeyModifiers) -> bool {
    matches!(code, KeyCode::F(10))
        || (modifiers.contains(KeyModifiers::CONTROL)
            && matches!(code, KeyCode::Char('q') | KeyCode::Char('Q')))
}

/// Opens the screens until the user quits. The terminal is restored on every exit,
/// panics included (`ratatui::run`).
pub fn run(ws: &Workspace, _config: &Config) -> std::io::Result<()> {
    let shell = Shell::load(ws).map_err(std::io::Error::other)?;
    ratatui::run(|terminal| -> std::io::Result<()> {
        loop {
            terminal.draw(|frame| render(&shell, frame))?;
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
                && is_quit(key.code, key.modifiers)
            {
                return Ok(());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn shell() -> Shell {
        Shell {
            device_code: "K7QX2".into(),
            device_name: String::new(),
            sample_directory: true,
            demo: false,
            households: 0,
            services: 42,
            overdue: 3,
            clock: "2026-11-29 14:05".into(),
            selected_tab: 1,
        }
    }

    fn screen(width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|f| render(&shell(), f)).expect("draw");
        let buffer = terminal.backend().buffer().clone();
        let text = buffer
            .content()
            .chunks(width as usize)
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        (text, buffer)
    }

    #[test]
    fn the_frame_shows_tabs_status_and_keys_at_80x24() {
        let (text, buffer) = screen(80, 24);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].contains("F2 Intake") && lines[0].contains("F6 Sync"),
            "{}",
            lines[0]
        );
        assert!(
            lines[22].contains("K7QX2 · SAMPLE DATA · 3 overdue"),
            "{}",
            lines[22]
        );
        assert!(lines[22].trim_end().ends_with("2026-11-29 14:05"));
        assert!(lines[23].contains("F10 or Ctrl+Q quit"));
        // The current tab is reversed and marked, not only coloured.
        let x = lines[0].find(">F2").expect("marked tab") as u16;
        assert!(buffer[(x, 0)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_small_terminal_gets_a_message_not_a_panic() {
        let (text, _) = screen(60, 10);
        assert!(
            text.replace('\n', "")
                .contains("Daleel needs at least 80x24 (now 60x10)")
        );
        for (w, h) in [(1, 1), (79, 24), (80, 23), (2, 30)] {
            screen(w, h);
        }
    }

    #[test]
    fn f10_and_ctrl_q_quit() {
        assert!(is_quit(KeyCode::F(10), KeyModifiers::NONE));
        assert!(is_quit(KeyCode::Char('q'), KeyModifiers::CONTROL));
        assert!(!is_quit(KeyCode::Char('q'), KeyModifiers::NONE));
    }
}
