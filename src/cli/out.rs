//! Where everything the command line prints goes (issue 14). The `println!`, `print!`,
//! `eprintln!` and `eprint!` that the modules of `src/cli` call are the macros of
//! `src/cli/mod.rs`, which shadow the standard ones there and come here: no line a
//! command prints can skip the sanitiser, and none can panic on a closed pipe.
//!
//! - **Sanitised.** Every line passes through `model::text::for_terminal`: a device,
//!   worker or service name with escape sequences or direction overrides reaches the
//!   terminal as visible `\uXXXX` text, whether the value came from this laptop's input
//!   checks or from an older laptop's bundle that had none.
//! - **A closed pipe ends the output quietly.** `daleel audit | head` closes the pipe
//!   after ten lines; the standard macros then panic with a backtrace. Here a broken
//!   pipe on standard output marks it closed: later output is dropped, the command
//!   finishes what it was doing (it is never killed halfway through a database write,
//!   which resetting SIGPIPE to its default would do), and exits 0. Windows has no
//!   SIGPIPE and reports the same error, so this one path serves both. Any other error
//!   writing standard output (a full disk under `> file`) is not quiet: the command
//!   exits 1 saying so, so that a cut-off file is not taken for a whole one.
//! - Standard error is written on a best-effort basis: nothing else is left to tell.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Standard output is gone (a broken pipe, or another error already reported).
static CLOSED: AtomicBool = AtomicBool::new(false);
/// The first error other than a broken pipe that writing standard output met.
static FAILED: Mutex<Option<String>> = Mutex::new(None);

/// Which stream a line goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// Formats, sanitises and writes one piece of output (the macros' end).
pub fn print(stream: Stream, args: std::fmt::Arguments<'_>, newline: bool) {
    let mut text = match args.as_str() {
        Some(s) => s.to_string(),
        None => args.to_string(),
    };
    if newline {
        text.push('\n');
    }
    write(stream, crate::model::text::for_terminal(&text).as_bytes());
}

/// Writes bytes already made safe for a terminal (a CSV report, sanitised by the
/// caller) to a stream, with the rules above.
pub fn write(stream: Stream, bytes: &[u8]) {
    match stream {
        Stream::Err => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(bytes).and_then(|()| err.flush());
        }
        Stream::Out => {
            if CLOSED.load(Ordering::Relaxed) {
                return;
            }
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
                CLOSED.store(true, Ordering::Relaxed);
                if e.kind() != std::io::ErrorKind::BrokenPipe
                    && let Ok(mut failed) = FAILED.lock()
                {
                    failed.get_or_insert_with(|| super::advice(&e));
                }
            }
        }
    }
}

/// The error that cut standard output short, other than a broken pipe: the command
/// must then not say it succeeded.
pub fn failure() -> Option<String> {
    FAILED.lock().ok().and_then(|f| f.clone())
}
