//! The `daleel` binary: parse the command line and dispatch. Everything else is in the
//! library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    daleel::cli::run(daleel::cli::Cli::parse())
}
