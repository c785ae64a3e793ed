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
//! - **Arabic script for terminals that cannot show it.** In Arabic and Kurdish, with
//!   `arabic_display = "shaped"` (the default on Windows, whose console shows Arabic
//!   letters unjoined and backwards), a line with Arabic letters that goes to a terminal
//!   is given to it joined and in visual order, as the screens are (`tui::bidi`). Output
//!   to a file or a pipe is never changed: a script reads the text as it is stored.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Standard output is gone (a broken pipe, or another error already reported).
static CLOSED: AtomicBool = AtomicBool::new(false);
/// Lines with Arabic letters are joined and ordered for the terminal (`shape_arabic`).
static SHAPED: AtomicBool = AtomicBool::new(false);
/// The first error other than a broken pipe that writing standard output met.
static FAILED: Mutex<Option<String>> = Mutex::new(None);

/// Which stream a line goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// From now on, joins and orders the Arabic letters of the lines that go to a terminal
/// (`arabic_display = "shaped"` in Arabic or Kurdish).
pub fn shape_arabic(on: bool) {
    SHAPED.store(on, Ordering::Relaxed);
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
    let text = crate::model::text::for_terminal(&text);
    let shaped = SHAPED.load(Ordering::Relaxed)
        && match stream {
            Stream::Out => std::io::stdout().is_terminal(),
            Stream::Err => std::io::stderr().is_terminal(),
        };
    if shaped {
        let kurdish = crate::i18n::language() == crate::i18n::Lang::Ckb;
        write(stream, visual(&text, kurdish).as_bytes());
    } else {
        write(stream, text.as_bytes());
    }
}

/// `text` as a terminal that cannot show Arabic must be given it: each line with Arabic
/// letters joined and in visual order, as a right-to-left line; other lines, the line
/// breaks and a gauge's carriage return as they are.
fn visual(text: &str, kurdish: bool) -> String {
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        let (line, end) = match piece.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (piece, ""),
        };
        let (start, line) = match line.strip_prefix('\r') {
            Some(line) => ("\r", line),
            None => ("", line),
        };
        out.push_str(start);
        if line.chars().any(arabic) {
            out.push_str(&crate::tui::bidi::visual(line, true, kurdish));
        } else {
            out.push_str(line);
        }
        out.push_str(end);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::visual;

    #[test]
    fn arabic_lines_are_joined_and_ordered_and_the_others_left_alone() {
        let latin = "Households    3\n";
        assert_eq!(visual(latin, false), latin);
        let text = "\rالأسر 3\nW6LLP 0\n";
        let shown = visual(text, false);
        assert!(
            shown.starts_with('\r') && shown.ends_with("\nW6LLP 0\n"),
            "{shown:?}"
        );
        let line = shown.trim_start_matches('\r').lines().next().expect("line");
        assert_ne!(line, "الأسر 3", "joined and reordered");
        assert!(
            line.starts_with('3'),
            "a right-to-left line: its end on the left: {line:?}"
        );
    }
}
