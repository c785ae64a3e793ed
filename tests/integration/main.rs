//! Daleel's integration tests, one binary with a module per topic (as bottom and helix
//! do): linking sled, age and ratatui once instead of once per topic is most of what a
//! fresh clone's `cargo test` costs. Run one topic with `cargo test --test integration
//! TOPIC::`. The language test and the monkey at the keyboard are a binary of their own
//! (`tests/language.rs`): they set the process's language, which the tests here expect English.

mod common;

mod backup;
mod cli;
mod convergence;
mod crash;
mod directory;
mod disk;
mod drafts;
mod duplicates;
mod fourw;
mod fuzz_regressions;
mod households_import;
mod hsds;
mod intake_form;
mod layers;
mod mutation;
mod report;
mod screens_more;
mod shared_folder;
mod soak;
mod store;
mod sync;
mod sync_screen;
mod team;
mod tmux;
mod tui;
