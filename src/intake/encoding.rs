//! The text of a registration list: `directory::encoding` (one rule for every CSV import:
//! UTF-8 with or without a byte-order mark, else Arabic in Windows-1256, else refused).

pub use crate::directory::encoding::*;
