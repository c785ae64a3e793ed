//! One channel of events into the UI: key presses and resizes from the input thread, and
//! the results of work done on worker threads (loading, searching). Key releases and
//! repeats are dropped here (Windows sends releases too).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self as term, KeyEventKind};

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

/// Starts the input thread; returns the channel's receiver and a sender for workers.
pub fn start() -> (Sender<Event>, Receiver<Event>) {
    let (tx, rx) = channel();
    let input = tx.clone();
    thread::spawn(move || {
        loop {
            match term::poll(Duration::from_millis(1000)) {
                Ok(true) => {
                    let event = match term::read() {
                        Ok(term::Event::Key(k)) if k.kind == KeyEventKind::Press => {
                            Some(Event::Key(Key::from(k)))
                        }
                        Ok(term::Event::Paste(text)) => Some(Event::Paste(text)),
                        Ok(term::Event::Resize(w, h)) => Some(Event::Resize(w, h)),
                        Ok(_) => None,
                        Err(_) => return,
                    };
                    if let Some(e) = event
                        && input.send(e).is_err()
                    {
                        return;
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
