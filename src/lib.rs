//! Daleel: intake, a service directory, referrals followed to their outcome, coordinator
//! queues, and hand-off of data between laptops on USB drives, for Community Resource
//! Centre teams. The core (`model`, `store`, `search`, `sync`, `report`) never imports
//! the terminal UI; `cli` and `tui` sit on top of it.

pub mod backup;
pub mod codec;
pub mod config;
pub mod demo;
pub mod directory;
pub mod disk;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod intake;
pub mod keyring;
pub mod model;
pub mod report;
pub mod search;
pub mod store;
pub mod sync;
pub mod workspace;

pub mod cli;
pub mod tui;
