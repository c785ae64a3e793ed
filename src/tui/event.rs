//! One channel of events into the UI: key presses and resizes from the input thread, and
//! the results of work done on worker threads (loading, searching). Key releases and
//! repeats are dropped here (Windows sends releases too).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self as term, KeyCode, KeyEventKind};

use super::jobs::JobResult;
use super::keys::Key;

#[derive(Debug)]
pub enum Event {
    Key(Key),
    Paste(String),
    Resize(u16, u16),
    /// A second passed: the clock in the status line moves on.
    Tick,
    Job(Box<JobResult>),
}

/// The most key presses read as one burst.
const BURST_MAX: usize = 4096;

/// Starts the input thread; returns the channel's receiver and a sender for workers.
/// Key presses already waiting when one is read are read with it (`burst`).
pub fn start() -> (Sender<Event>, Receiver<Event>) {
    let (tx, rx) = channel();
    let input = tx.clone();
    thread::spawn(move || {
        loop {
            match term::poll(Duration::from_millis(1000)) {
                Ok(true) => {
                    let mut keys = Vec::new();
                    let mut then = None;
                    loop {
                        match term::read() {
                            Ok(term::Event::Key(k)) if k.kind == KeyEventKind::Press => {
                                keys.push(Key::from(k))
                            }
                            Ok(term::Event::Paste(text)) => then = Some(Event::Paste(text)),
                            Ok(term::Event::Resize(w, h)) => then = Some(Event::Resize(w, h)),
                            Ok(_) => {}
                            Err(_) => return,
                        }
                        if then.is_some()
                            || keys.len() >= BURST_MAX
                            || !matches!(term::poll(Duration::ZERO), Ok(true))
                        {
                            break;
                        }
                    }
                    for e in burst(keys).into_iter().chain(then) {
                        if input.send(e).is_err() {
                            return;
                        }
                    }
                }
                Ok(false) => {
                    if input.send(Event::Tick).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            }
        }
    });
    (tx, rx)
}

/// Whether a key is a line break as terminals type one: Enter, a carriage return or line
/// feed character, or Ctrl+M and Ctrl+J (how a line feed reads in raw mode on Unix).
fn is_break(k: &Key) -> bool {
    if k.alt {
        return false;
    }
    match k.code {
        KeyCode::Enter => !k.ctrl,
        KeyCode::Char('\n' | '\r') => true,
        KeyCode::Char('j' | 'm') => k.ctrl,
        _ => false,
    }
}

/// Whether a key is part of typed text: a character, a line break or Tab.
fn is_text(k: &Key) -> bool {
    k.text().is_some() || is_break(k) || (k.code == KeyCode::Tab && !k.ctrl && !k.alt)
}

/// Key presses that arrived together, as events. A terminal without bracketed paste (the
/// Windows console among them) types a paste as keys, with Enter at each line break and
/// Tab between a spreadsheet's cells; nobody types that fast. So a run of text keys in
/// which more text follows an Enter or a Tab is a paste (`Event::Paste`, whose line
/// breaks a one-line field takes as spaces) rather than keys that would move between
/// fields. Enters and Tabs at the end of the run stay keys: a card reader's code then
/// Enter still moves on. Anything else stays as it was pressed.
pub fn burst(keys: Vec<Key>) -> Vec<Event> {
    let mut events = Vec::new();
    let mut run: Vec<Key> = Vec::new();
    let flush = |run: &mut Vec<Key>, events: &mut Vec<Event>| {
        let last_char = run.iter().rposition(|k| k.text().is_some());
        let body_end = last_char.map_or(0, |i| i + 1);
        let pasted = run[..body_end].iter().any(|k| k.text().is_none());
        if pasted {
            let text: String = run[..body_end]
                .iter()
                .map(|k| match k.text() {
                    Some(c) => c,
                    None if is_break(k) => '\n',
                    None => '\t',
                })
                .collect();
            events.push(Event::Paste(text));
            // The line breaks after the last line are pressed, as Enter.
            events.extend(run.drain(body_end..).map(|k| {
                Event::Key(if is_break(&k) {
                    Key::new(KeyCode::Enter)
                } else {
                    k
                })
            }));
            run.clear();
        } else {
            events.extend(run.drain(..).map(Event::Key));
        }
    };
    for k in keys {
        if is_text(&k) {
            run.push(k);
        } else {
            flush(&mut run, &mut events);
            events.push(Event::Key(k));
        }
    }
    flush(&mut run, &mut events);
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        text.chars()
            .map(|c| match c {
                '\n' => Key::new(KeyCode::Enter),
                '\t' => Key::new(KeyCode::Tab),
                c => Key::char(c),
            })
            .collect()
    }

    fn shown(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::Paste(t) => format!("paste {t:?}"),
                Event::Key(k) => format!("{:?}", k.code),
                _ => "other".into(),
            })
            .collect()
    }

    #[test]
    fn lines_typed_all_at_once_are_a_paste() {
        assert_eq!(shown(&burst(keys("a\nb"))), ["paste \"a\\nb\""]);
        assert_eq!(
            shown(&burst(keys("Hay\tAl-Zahra"))),
            ["paste \"Hay\\tAl-Zahra\""]
        );
    }

    #[test]
    fn a_line_feed_in_raw_mode_reads_as_ctrl_j_and_breaks_a_line_too() {
        let keys = vec![
            Key::char('a'),
            Key::ctrl('j'),
            Key::char('b'),
            Key::ctrl('m'),
        ];
        assert_eq!(shown(&burst(keys)), ["paste \"a\\nb\"", "Enter"]);
    }

    #[test]
    fn keys_typed_one_by_one_or_a_code_then_enter_stay_keys() {
        assert_eq!(shown(&burst(keys("a"))), ["Char('a')"]);
        assert_eq!(
            shown(&burst(keys("K7\n"))),
            ["Char('K')", "Char('7')", "Enter"],
            "a code then Enter: Enter still moves on"
        );
        assert_eq!(
            shown(&burst(keys("a\nb\n"))),
            ["paste \"a\\nb\"", "Enter"],
            "the Enter after the last line is pressed"
        );
        let mut with_arrow = keys("a\n");
        with_arrow.push(Key::new(KeyCode::Down));
        with_arrow.extend(keys("b"));
        assert_eq!(
            shown(&burst(with_arrow)),
            ["Char('a')", "Enter", "Down", "Char('b')"],
            "an arrow between them: typed"
        );
    }
}
