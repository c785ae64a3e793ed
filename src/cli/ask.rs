//! Asking on the terminal before the screens open: a line of text, or a passphrase that
//! is not shown (raw mode, through crossterm, so it works on Windows consoles too).

use std::io::Write;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;
use zeroize::Zeroizing;

use super::Failure;

fn stopped() -> Failure {
    Failure::of("cli-stopped", &[])
}

/// A line typed on the terminal, trimmed; asked again while empty.
pub fn line(prompt: &str) -> Result<String, Failure> {
    loop {
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().read_line(&mut answer)? == 0 {
            return Err(stopped());
        }
        let answer = answer.trim();
        if !answer.is_empty() {
            return Ok(answer.to_string());
        }
    }
}

/// Leaves raw mode however the reading ends.
struct Raw;

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// A passphrase typed on the terminal, shown as nothing at all (not even its length).
/// Esc or Ctrl+C stops.
pub fn secret(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    terminal::enable_raw_mode()?;
    let raw = Raw;
    let mut typed = Zeroizing::new(String::new());
    loop {
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        match key.code {
            KeyCode::Enter => break,
            KeyCode::Esc => {
                drop(raw);
                eprintln!();
                return Err(stopped());
            }
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                drop(raw);
                eprintln!();
                return Err(stopped());
            }
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) => typed.push(c),
            _ => {}
        }
    }
    drop(raw);
    eprintln!();
    Ok(typed)
}
