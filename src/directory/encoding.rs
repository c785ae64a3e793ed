//! The text of an imported CSV file (a registration list, a services spreadsheet, an HSDS
//! folder's files; issue 18, item 9). The rule: bytes that are valid UTF-8, with or
//! without a byte-order mark, are UTF-8; other bytes are read as Windows-1256 (what Excel's
//! "CSV (Comma delimited)" writes on an Arabic Windows) only when the result reads as
//! Arabic, and the import says it did; anything else (UTF-16, a workbook, damaged UTF-8,
//! another code page) is refused with the advice to save the file as "CSV UTF-8", and for
//! damaged UTF-8 the line.
//!
//! The text of a registration list. A CSV file comes as UTF-8, with a byte-order mark (what
//! Excel's "CSV UTF-8" writes) or without (LibreOffice, KoboToolbox, ODK Central), or, from
//! Excel's plain "CSV (Comma delimited)" on an Arabic Windows, in that Windows' code page,
//! Windows-1256. Anything else is refused with what to do, never guessed: a file that is not
//! UTF-8 is read as Windows-1256 only when the result reads as Arabic.
//!
//! Windows-1256 is one table of 128 characters (below): no crate is needed for it, and a
//! table in the source is one less dependency to trust with hostile files. It is the WHATWG
//! Encoding Standard's `windows-1256`, which maps every byte.

use std::borrow::Cow;

/// How a file's text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 that starts with a byte-order mark (Excel's "CSV UTF-8").
    Utf8WithMark,
    /// Arabic in Windows-1256 (Excel's "CSV (Comma delimited)" on an Arabic Windows).
    Windows1256,
}

/// Why a file's bytes are not text this import reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// UTF-16 (Excel's "Unicode Text").
    Utf16,
    /// An Excel workbook (.xlsx is a zip file, .xls an OLE file), whatever its name.
    Workbook,
    /// Bytes that are no text at all.
    Binary,
    /// UTF-8 with a damaged character: its first, on this line.
    DamagedUtf8 { line: u64 },
    /// Neither UTF-8 nor Arabic in Windows-1256.
    Unknown,
}

/// Windows-1256, bytes 0x80 to 0xFF (the first half is ASCII).
const WINDOWS_1256: [u16; 128] = [
    0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 0x80
    0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688, // 0x88
    0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 0x90
    0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA, // 0x98
    0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, // 0xA0
    0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, // 0xA8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, // 0xB0
    0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F, // 0xB8
    0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, // 0xC0
    0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F, // 0xC8
    0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7, // 0xD0
    0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643, // 0xD8
    0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7, // 0xE0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF, // 0xE8
    0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7, // 0xF0
    0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2, // 0xF8
];

const MARK: &[u8] = b"\xEF\xBB\xBF";

/// The text of a file's bytes, and how it was written.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), NotText> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(NotText::Workbook);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(NotText::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(MARK) {
        return match std::str::from_utf8(rest) {
            Ok(text) if !text.contains('\0') => Ok((Cow::Borrowed(text), Encoding::Utf8WithMark)),
            Ok(_) => Err(NotText::Binary),
            Err(e) => Err(NotText::DamagedUtf8 {
                line: line_of(rest, e.valid_up_to()),
            }),
        };
    }
    if bytes.contains(&0) {
        // UTF-16 without its mark has a zero byte beside every ASCII character.
        let zeros = bytes.iter().take(200).filter(|b| **b == 0).count();
        return Err(if zeros * 3 >= bytes.len().min(200) {
            NotText::Utf16
        } else {
            NotText::Binary
        });
    }
    let census = utf8_census(bytes);
    let Some(first_bad) = census.first_bad else {
        return std::str::from_utf8(bytes)
            .map(|text| (Cow::Borrowed(text), Encoding::Utf8))
            .map_err(|_| NotText::Binary);
    };
    // UTF-8 text with a damaged character has many good characters beyond ASCII for each
    // bad byte; Arabic in Windows-1256 has a bad "sequence" in nearly every word, and a
    // good one only by chance (a letter before the Arabic comma).
    if census.good >= census.bad {
        return Err(NotText::DamagedUtf8 {
            line: line_of(bytes, first_bad),
        });
    }
    let text: String = bytes.iter().map(|&b| windows_1256(b)).collect();
    if reads_as_arabic(&text) {
        Ok((Cow::Owned(text), Encoding::Windows1256))
    } else {
        Err(NotText::Unknown)
    }
}

/// One byte of Windows-1256 as its character.
fn windows_1256(b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        char::from_u32(u32::from(WINDOWS_1256[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}')
    }
}

/// How much of some bytes is UTF-8 beyond ASCII, and how much is not UTF-8.
struct Census {
    /// Characters beyond ASCII that are well-formed UTF-8.
    good: usize,
    /// Places that are not.
    bad: usize,
    /// Where the first of those is.
    first_bad: Option<usize>,
}

fn utf8_census(bytes: &[u8]) -> Census {
    let mut census = Census {
        good: 0,
        bad: 0,
        first_bad: None,
    };
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(text) => {
                census.good += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                census.good += std::str::from_utf8(&bytes[at..at + valid])
                    .map(|t| t.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                census.bad += 1;
                census.first_bad.get_or_insert(at + valid);
                at += valid + e.error_len().unwrap_or(bytes.len() - at - valid).max(1);
            }
        }
    }
    census
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> u64 {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
}

/// Whether text decoded from Windows-1256 reads as Arabic: its characters beyond ASCII
/// are nearly all Arabic (letters, marks, the Arabic comma and question mark, the
/// joiners and direction marks Arabic text carries), and its Arabic letters stand among
/// other Arabic letters, not inside Latin words (German or French text of another code
/// page comes out as Arabic letters between Latin ones: "Bمcker").
fn reads_as_arabic(text: &str) -> bool {
    let arabic_letter = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
    let arabic = |c: char| {
        ('\u{0600}'..='\u{06FF}').contains(&c)
            || matches!(
                c,
                '\u{A0}' | '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}'
            )
    };
    let (mut beyond_ascii, mut in_arabic, mut letters, mut in_latin) = (0usize, 0usize, 0usize, 0);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        beyond_ascii += 1;
        if arabic(c) {
            in_arabic += 1;
        }
        if arabic_letter(c) {
            letters += 1;
            let latin = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|n| n.is_ascii_alphabetic())
            };
            if latin(i.checked_sub(1)) || latin(i.checked_add(1)) {
                in_latin += 1;
            }
        }
    }
    letters > 0 && in_arabic * 10 >= beyond_ascii * 9 && in_latin * 10 <= letters
}

/// The text of a file's bytes as `decode` reads it, or, for bytes it refuses, UTF-8 with
/// the bad bytes replaced (to count what a file holds, never to import it).
pub fn decode_lossy(bytes: &[u8]) -> Cow<'_, str> {
    match decode(bytes) {
        Ok((text, _)) => text,
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arabic text as Windows-1256 writes it (each character's byte from the table).
    fn in_1256(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    c as u8
                } else {
                    let at = WINDOWS_1256
                        .iter()
                        .position(|&u| u32::from(u) == c as u32)
                        .expect("in the code page");
                    0x80 + at as u8
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_its_mark() {
        let (text, how) = decode("head_name\nفاطمة\n".as_bytes()).expect("text");
        assert_eq!((text.as_ref(), how), ("head_name\nفاطمة\n", Encoding::Utf8));
        let (text, how) = decode("\u{feff}head_name\nفاطمة\n".as_bytes()).expect("text");
        assert_eq!(
            (text.as_ref(), how),
            ("head_name\nفاطمة\n", Encoding::Utf8WithMark)
        );
        assert_eq!(
            decode(b"a,b\n1,2\n").map(|(_, h)| h),
            Ok(Encoding::Utf8),
            "ASCII is UTF-8"
        );
    }

    #[test]
    fn arabic_in_windows_1256_is_read() {
        let csv = "head_name,phone,governorate\nفاطمة حسن علي,0770 123 4567,نينوى\nأحمد الجبوري، أبو علي,,الأنبار\n";
        let bytes = in_1256(csv);
        assert!(std::str::from_utf8(&bytes).is_err());
        let (text, how) = decode(&bytes).expect("read");
        assert_eq!((text.as_ref(), how), (csv, Encoding::Windows1256));
        // The table is Windows-1256: a few letters by their bytes.
        assert_eq!(windows_1256(0xC7), 'ا');
        assert_eq!(windows_1256(0xE1), 'ل');
        assert_eq!(windows_1256(0xC9), 'ة');
        assert_eq!(windows_1256(0xA1), '،');
        assert_eq!(windows_1256(0x81), 'پ');
        assert_eq!(windows_1256(0x41), 'A');
    }

    #[test]
    fn other_text_is_refused_with_what_it_is() {
        // Latin-1 French and Windows-1252 German are not Arabic.
        assert_eq!(decode(b"name\nCaf\xe9 de la Gare\n"), Err(NotText::Unknown));
        assert_eq!(
            decode(b"name\nB\xe4cker M\xfcller\n"),
            Err(NotText::Unknown)
        );
        assert_eq!(decode(b"PK\x03\x04rest"), Err(NotText::Workbook));
        assert_eq!(
            decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Err(NotText::Workbook)
        );
        assert_eq!(decode(b"\xFF\xFEh\0e\0"), Err(NotText::Utf16));
        assert_eq!(decode(b"h\0e\0a\0d\0\n\0"), Err(NotText::Utf16));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Binary)
        );
        // UTF-8 Arabic with one damaged byte on line 3: said so, not read as 1256.
        let mut bytes = "head_name\nفاطمة حسن\nزينب كاظم\n".as_bytes().to_vec();
        let at = bytes.len() - 2;
        bytes[at] = 0xC7;
        assert_eq!(decode(&bytes), Err(NotText::DamagedUtf8 { line: 3 }));
        let mut marked = b"\xEF\xBB\xBFa\n".to_vec();
        marked.push(0xC7);
        assert_eq!(decode(&marked), Err(NotText::DamagedUtf8 { line: 2 }));
    }
}
