//! The text of a directory file (issue 18, item 9). The rule is the households import's
//! (`intake::encoding`): bytes that are valid UTF-8, with or without a byte-order mark,
//! are UTF-8; other bytes are read as Windows-1256 (what Excel's "CSV (Comma delimited)"
//! writes on an Arabic Windows) when the result reads as Arabic, and the import says it
//! did; anything else (UTF-16, a workbook, damaged UTF-8, another code page) is refused
//! with the advice to save the file as "CSV UTF-8", and for damaged UTF-8 the line.

use std::borrow::Cow;

pub use crate::intake::encoding::{Encoding, NotText};

/// The text of a file's bytes, and how it was written.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), NotText> {
    crate::intake::encoding::decode(bytes)
}

/// The text of a file's bytes as `decode` reads it, or, for bytes it refuses, UTF-8 with
/// the bad bytes replaced (to count what a file holds, never to import it).
pub fn decode_lossy(bytes: &[u8]) -> Cow<'_, str> {
    match decode(bytes) {
        Ok((text, _)) => text,
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
