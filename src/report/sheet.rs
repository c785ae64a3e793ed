//! A table as the coordination files hold it, written either as CSV or as an Excel
//! workbook (issue 18, item 4). The writers (`export`, `summary`, `fourw`) fill a
//! `Sheet` through `CsvOut`; the command line picks the form from the file's extension.
//!
//! - **CSV** gets a UTF-8 byte-order mark by default: Excel on Windows opens a CSV
//!   without one in the system's code page, which turns Arabic into `Ø§Ù„`. Tools that
//!   mind a BOM get `--no-bom`. Every cell goes through the formula guard
//!   (`model::text::spreadsheet_cell`).
//! - **xlsx** (`rust_xlsxwriter`): the heading row in bold, the HXL hashtag row under it
//!   in grey italics, both frozen so they stay in view; numbers in numeric columns as
//!   numbers (a suppressed, empty cell stays empty); every other cell a text cell, which
//!   a spreadsheet never runs as a formula, so no guard character is added; column widths
//!   from the longest cell (capped); cells with Arabic script read right to left, and the
//!   whole sheet runs right to left when the command speaks Arabic or Kurdish.
//! - **DEMO.** A table from a database made by `daleel demo` carries a first column
//!   `demo` (`#meta+demo`) that says `DEMO` on every row, and a workbook's sheet is named
//!   DEMO, so that training figures cannot pass for a centre's own.

use crate::model::text::{spreadsheet_cell, spreadsheet_number};
use crate::store::StoreError;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The widest a workbook column is made (in characters): longer cells wrap in view.
const MAX_WIDTH: usize = 60;

/// A table: its rows (the heading first, the HXL row second when `hxl`), and which
/// columns hold numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
    /// The second row is a row of HXL hashtags.
    pub hxl: bool,
    /// The sheet's name in a workbook.
    pub name: String,
    /// Made from a demo database.
    pub demo: bool,
    /// A data-exchange file (HSDS): a phone number (`+964 750 …`) is written as it is,
    /// not behind the formula guard's `'`, which another agency's tool would keep as part
    /// of the number. Digits, spaces, `+`, `-` and brackets cannot run anything.
    pub plain_phones: bool,
}

/// How a sheet is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Csv { bom: bool },
    Xlsx { rtl: bool },
}

impl Form {
    /// The form a file name asks for: `.xlsx` a workbook, anything else CSV (the caller
    /// has already refused extensions it does not write).
    pub fn of(path: &std::path::Path, bom: bool, rtl: bool) -> Form {
        let xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            Form::Xlsx { rtl }
        } else {
            Form::Csv { bom }
        }
    }
}

impl Sheet {
    /// How many rows of data it holds (the heading and HXL rows not counted).
    pub fn data_rows(&self) -> usize {
        self.rows.len().saturating_sub(self.header_rows())
    }

    fn header_rows(&self) -> usize {
        if self.rows.is_empty() {
            0
        } else if self.hxl {
            2
        } else {
            1
        }
    }

    /// Marks it as made from a demo database (`demo` column, DEMO on every row).
    pub fn mark_demo(&mut self) {
        if self.demo {
            return;
        }
        self.demo = true;
        let header = self.header_rows();
        for (i, row) in self.rows.iter_mut().enumerate() {
            let cell = match i {
                0 => "demo",
                1 if header == 2 => "#meta+demo",
                _ => "DEMO",
            };
            row.insert(0, cell.to_string());
        }
        for c in &mut self.numeric {
            *c += 1;
        }
    }

    /// The file's bytes in `form`.
    pub fn bytes(&self, form: Form) -> Result<Vec<u8>, StoreError> {
        match form {
            Form::Csv { bom } => self.csv(bom),
            Form::Xlsx { rtl } => self.xlsx(rtl),
        }
    }

    /// As CSV, with a byte-order mark when `bom`.
    pub fn csv(&self, bom: bool) -> Result<Vec<u8>, StoreError> {
        let mut w = csv::Writer::from_writer(Vec::new());
        for row in &self.rows {
            let cells = row.iter().enumerate().map(|(i, c)| {
                if self.numeric.contains(&i) {
                    spreadsheet_number(c).into_owned()
                } else if self.plain_phones && phone_shaped(c) {
                    c.clone()
                } else {
                    spreadsheet_cell(c).into_owned()
                }
            });
            w.write_record(cells)?;
        }
        let body = w
            .into_inner()
            .map_err(|e| StoreError::Csv(e.into_error().into()))?;
        if !bom {
            return Ok(body);
        }
        let mut out = Vec::with_capacity(BOM.len() + body.len());
        out.extend_from_slice(BOM);
        out.extend(body);
        Ok(out)
    }

    /// As an Excel workbook of one sheet.
    pub fn xlsx(&self, rtl: bool) -> Result<Vec<u8>, StoreError> {
        use rust_xlsxwriter::{Color, DocProperties, Format, Workbook};
        let bad = |e: rust_xlsxwriter::XlsxError| StoreError::Workbook(e.to_string());
        let mut book = Workbook::new();
        book.set_properties(&DocProperties::new().set_title(&self.name).set_comment(
            if self.demo {
                "DEMO: made by daleel demo, not real people"
            } else {
                "Daleel"
            },
        ));
        let heading = Format::new().set_bold();
        let tags = Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x59_59_59));
        let arabic = Format::new().set_reading_direction(2);
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(&self.name, self.demo))
            .map_err(bad)?;
        sheet.set_right_to_left(rtl);
        let header = self.header_rows();
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let r32 = u32::try_from(r).map_err(|_| StoreError::Workbook("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                let c16 = u16::try_from(c)
                    .map_err(|_| StoreError::Workbook("too many columns".into()))?;
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
                if cell.is_empty() {
                    continue;
                }
                let format = match r {
                    0 => Some(&heading),
                    1 if header == 2 => Some(&tags),
                    _ => None,
                };
                if let Some(f) = format {
                    sheet
                        .write_string_with_format(r32, c16, cell, f)
                        .map_err(bad)?;
                } else if self.numeric.contains(&c)
                    && let Some(n) = number(cell)
                {
                    sheet.write_number(r32, c16, n).map_err(bad)?;
                } else if super::is_arabic(cell) {
                    sheet
                        .write_string_with_format(r32, c16, cell, &arabic)
                        .map_err(bad)?;
                } else {
                    sheet.write_string(r32, c16, cell).map_err(bad)?;
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let c16 =
                u16::try_from(c).map_err(|_| StoreError::Workbook("too many columns".into()))?;
            let w = (*w).clamp(6, MAX_WIDTH) + 2;
            sheet.set_column_width(c16, w as f64).map_err(bad)?;
        }
        if header > 0 {
            let rows = u32::try_from(header).unwrap_or(1);
            sheet.set_freeze_panes(rows, 0).map_err(bad)?;
        }
        book.save_to_buffer().map_err(bad)
    }
}

/// Whether a cell is a phone number and nothing else: a leading `+` or `-`, then digits,
/// spaces, dashes and brackets, with at least one digit.
fn phone_shaped(cell: &str) -> bool {
    let rest = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    rest.chars().any(|c| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
}

/// A cell of a numeric column as a number, if it is one (as the CSV writer judges it).
fn number(cell: &str) -> Option<f64> {
    crate::model::text::is_number(cell)
        .then(|| cell.parse().ok())
        .flatten()
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not
/// beginning or ending with `'`; DEMO in front for a demo database.
fn sheet_name(name: &str, demo: bool) -> String {
    let name = if demo {
        format!("DEMO {name}")
    } else {
        name.to_string()
    };
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    if clean.is_empty() {
        "Daleel".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        Sheet {
            rows: vec![
                vec!["name".into(), "count".into()],
                vec!["#org +name".into(), "#reached +num".into()],
                vec!["=HYPERLINK(\"x\")".into(), "12".into()],
                vec!["نينوى".into(), "".into()],
            ],
            numeric: vec![1],
            hxl: true,
            name: "needs".into(),
            demo: false,
            plain_phones: false,
        }
    }

    #[test]
    fn csv_has_a_bom_unless_asked_not_to_and_guards_formulas() {
        let s = sheet();
        let with = s.csv(true).expect("csv");
        assert!(with.starts_with(BOM));
        let without = s.csv(false).expect("csv");
        assert_eq!(&with[BOM.len()..], without.as_slice());
        let text = String::from_utf8(without).expect("as text");
        assert!(text.starts_with("name,count\n"), "{text}");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert_eq!(s.data_rows(), 2);
    }

    #[test]
    fn a_demo_sheet_says_so_on_every_row_and_keeps_its_numbers() {
        let mut s = sheet();
        s.mark_demo();
        s.mark_demo();
        assert_eq!(s.rows[0][0], "demo");
        assert_eq!(s.rows[1][0], "#meta+demo");
        assert!(s.rows[2..].iter().all(|r| r[0] == "DEMO" && r.len() == 3));
        assert_eq!(s.numeric, vec![2]);
        assert_eq!(sheet_name("needs", true), "DEMO needs");
    }

    #[test]
    fn an_exchange_file_keeps_phone_numbers_as_they_are_and_guards_the_rest() {
        let mut s = sheet();
        s.rows.push(vec!["+964 750 123 4567".into(), "1".into()]);
        s.rows.push(vec!["+1+cmd|' /C calc'!A0".into(), "2".into()]);
        s.rows.push(vec!["-(2)".into(), "3".into()]);
        let guarded = String::from_utf8(s.csv(false).expect("csv")).expect("as text");
        assert!(guarded.contains("'+964 750 123 4567"), "{guarded}");
        s.plain_phones = true;
        let plain = String::from_utf8(s.csv(false).expect("csv")).expect("as text");
        assert!(plain.contains("\n+964 750 123 4567,"), "{plain}");
        assert!(
            plain.contains("'+1+cmd"),
            "anything else stays guarded: {plain}"
        );
        assert!(plain.contains("'=HYPERLINK"), "{plain}");
        assert!(plain.contains("\n-(2),"), "{plain}");
    }

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("a/b:c", false), "abc");
        assert_eq!(sheet_name("''", false), "Daleel");
        assert_eq!(sheet_name(&"x".repeat(40), false).len(), 31);
        assert_eq!(number("12"), Some(12.0));
        assert_eq!(number("-3"), Some(-3.0));
        assert_eq!(number("<5"), None);
        assert_eq!(number("1e5"), None);
    }
}
