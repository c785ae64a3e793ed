//! One CSV file of an import, read whole into rows of a struct (`#[derive(Deserialize)]`,
//! by column name through `csv::StringRecord::deserialize`), each row with the line it
//! starts on, so that a problem names its file, line and column. Rows with a hidden
//! character are left out before they are read into their struct (each one a problem).

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::{ImportError, Problem, clean, hidden};

/// The largest CSV file read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The most rows a CSV file may hold (blank rows not counted). 64 MiB of one-letter rows
/// would otherwise be some 20 million rows, gigabytes once read into structs; a
/// governorate's registration list or a national directory is well under this.
pub const MAX_ROWS: u64 = 250_000;

/// A cell as the import takes it: trimmed, on one line (`super::clean`), with the `'`
/// that Daleel puts before a cell that would be a formula taken off
/// (`model::text::from_spreadsheet_cell`): a directory exported by Daleel and imported
/// again comes back as it was. An absent column reads as an empty cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Cell(pub(crate) String);

impl Cell {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        let v = clean(&String::deserialize(d)?);
        Ok(Cell(match crate::model::text::from_spreadsheet_cell(&v) {
            unquoted if unquoted.len() < v.len() => unquoted.to_string(),
            _ => v,
        }))
    }
}

/// One CSV file, read whole.
pub(crate) struct Table<R> {
    pub(crate) file: String,
    pub(crate) headers: Vec<String>,
    /// Each row with the line it starts on; rows with nothing in them are left out, and
    /// so are rows with a hidden character (each one of `problems`).
    pub(crate) rows: Vec<(u64, R)>,
    /// The rows left out for a hidden character (a control character or a direction
    /// control, `model::text`), by line and column.
    pub(crate) problems: Vec<Problem>,
    /// How the file was written (`super::encoding`).
    pub(crate) encoding: super::encoding::Encoding,
}

impl<R> Table<R> {
    pub(crate) fn problem(&self, line: u64, column: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.clone(),
            line,
            column: column.into(),
            message: message.into(),
        }
    }
}

/// Reads a CSV file whole (a spreadsheet's byte-order mark skipped) into rows of `R`;
/// none when the file is not there. A row for which `skip` says so (the line that
/// explains a spreadsheet's columns) is left out once it is checked for hidden
/// characters.
pub(crate) fn read_csv<R: DeserializeOwned>(
    path: &Path,
    skip: impl Fn(&csv::StringRecord) -> bool,
) -> Result<Option<Table<R>>, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match crate::disk::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(ImportError::TooLarge {
                path: crate::disk::shown(path),
                limit_mib: MAX_FILE_BYTES >> 20,
            });
        }
        Err(source) => {
            return Err(ImportError::Unreadable {
                path: crate::disk::shown(path),
                source,
            });
        }
    };
    let (text, encoding) = super::encoding::decode(&bytes).map_err(|why| ImportError::NotText {
        path: crate::disk::shown(path),
        why,
    })?;
    let mut table = parse_csv(name, text.as_bytes(), b',', skip, |field, headers| {
        headers.iter().position(|h| h == field)
    })?;
    table.encoding = encoding;
    Ok(Some(table))
}

/// Reads CSV text already in memory (UTF-8, a byte-order mark skipped) into rows of `R`:
/// `name` names the file in problems, `delimiter` separates its cells, and `place` says
/// which column of the header (if any) each of the struct's fields is read from
/// (`read_csv`: the first column of the field's name).
pub(crate) fn parse_csv<R: DeserializeOwned>(
    name: String,
    bytes: &[u8],
    delimiter: u8,
    skip: impl Fn(&csv::StringRecord) -> bool,
    place: impl Fn(&str, &[String]) -> Option<usize>,
) -> Result<Table<R>, ImportError> {
    parse_csv_rows(name, bytes, delimiter, skip, place, MAX_ROWS)
}

/// `parse_csv`, refusing a file of more than `max_rows` rows.
fn parse_csv_rows<R: DeserializeOwned>(
    name: String,
    bytes: &[u8],
    delimiter: u8,
    skip: impl Fn(&csv::StringRecord) -> bool,
    place: impl Fn(&str, &[String]) -> Option<usize>,
    max_rows: u64,
) -> Result<Table<R>, ImportError> {
    // A spreadsheet may save a byte-order mark first.
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|source| ImportError::NoHeader {
            file: name.clone(),
            source,
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    // The columns a row is read from: each of the struct's fields from the column `place`
    // gives (by name: a column named twice is read from its first place), or empty when
    // the file has no such column. Only those cells are handed to the struct, so that a file
    // of very many columns costs no more per row than one of a few.
    let fields = field_names::<R>();
    let places: Vec<Option<usize>> = fields.iter().map(|f| place(f, &headers)).collect();
    let names = csv::StringRecord::from(fields.to_vec());
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut read = 0u64;
    let mut lines = crate::model::gazetteer::Lines::new(bytes);
    let column_name = |i: usize| {
        headers
            .get(i)
            .map(|h| crate::model::text::one_line(h).into_owned())
            .unwrap_or_else(|| (i + 1).to_string())
    };
    for record in reader.records() {
        let record = record.map_err(|source| ImportError::Csv {
            file: name.clone(),
            source,
        })?;
        let line = record
            .position()
            .map(|p| lines.line_at(p.byte()))
            .unwrap_or(0);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        read += 1;
        if read > max_rows {
            return Err(ImportError::TooManyRows {
                file: name,
                limit: max_rows,
            });
        }
        // A name or text with an escape sequence or a direction control would reach
        // every laptop's screens and terminals: the row is left out, and said so.
        if let Some((i, why)) = record
            .iter()
            .enumerate()
            .find_map(|(i, v)| hidden(v).map(|why| (i, why)))
        {
            problems.push(Problem {
                file: name.clone(),
                line,
                column: column_name(i),
                message: format!(
                    "the value {why}: the row was left out; {}, then import the file again",
                    crate::model::text::ADVICE
                ),
            });
            continue;
        }
        if skip(&record) {
            continue;
        }
        // A short row (a spreadsheet drops the empty cells at its end): its missing
        // cells are empty.
        let cells = csv::StringRecord::from(
            places
                .iter()
                .map(|at| at.and_then(|i| record.get(i)).unwrap_or(""))
                .collect::<Vec<_>>(),
        );
        match cells.deserialize::<R>(Some(&names)) {
            Ok(row) => rows.push((line, row)),
            Err(e) => {
                let (field, why) = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => (err.field(), err.to_string()),
                    _ => (None, e.to_string()),
                };
                problems.push(Problem {
                    file: name.clone(),
                    line,
                    column: field
                        .and_then(|i| places.get(i as usize).copied().flatten())
                        .map(column_name)
                        .unwrap_or_else(|| "-".into()),
                    message: format!("the row cannot be read ({why}): it was left out"),
                });
            }
        }
    }
    Ok(Table {
        file: name,
        headers,
        rows,
        problems,
        encoding: super::encoding::Encoding::Utf8,
    })
}

/// The names of a struct's fields, as `#[derive(Deserialize)]` gives them to a
/// deserializer (asked of one that only listens).
pub(crate) fn field_names<'de, R: Deserialize<'de>>() -> &'static [&'static str] {
    struct Listen<'a>(&'a mut &'static [&'static str]);

    #[derive(Debug)]
    struct Heard;

    impl std::fmt::Display for Heard {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the field names were heard")
        }
    }

    impl std::error::Error for Heard {}

    impl serde::de::Error for Heard {
        fn custom<T: std::fmt::Display>(_: T) -> Heard {
            Heard
        }
    }

    impl<'de> Deserializer<'de> for Listen<'_> {
        type Error = Heard;

        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Heard> {
            Err(Heard)
        }

        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Heard> {
            *self.0 = fields;
            Err(Heard)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = R::deserialize(Listen(&mut fields));
    fields
}

/// The rows of a table by the value of one of their columns (an id they refer to), in
/// file order: built once, so that looking up the rows of each service does not scan
/// the whole file each time.
pub(crate) struct ByKey<'t, R> {
    table: Option<&'t Table<R>>,
    rows: HashMap<&'t str, Vec<usize>>,
}

impl<'t, R> ByKey<'t, R> {
    pub(crate) fn new(table: Option<&'t Table<R>>, key: impl Fn(&R) -> &Cell) -> ByKey<'t, R> {
        let mut rows: HashMap<&'t str, Vec<usize>> = HashMap::new();
        if let Some(t) = table {
            for (i, (_, row)) in t.rows.iter().enumerate() {
                rows.entry(key(row).as_str()).or_default().push(i);
            }
        }
        ByKey { table, rows }
    }

    /// The rows whose column holds `id` (none for an empty id), with their table and
    /// line.
    pub(crate) fn get(&self, id: &str) -> Vec<(&'t Table<R>, u64, &'t R)> {
        let Some(t) = self.table else {
            return Vec::new();
        };
        if id.is_empty() {
            return Vec::new();
        }
        self.rows
            .get(id)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| {
                let (line, row) = &t.rows[i];
                (t, *line, row)
            })
            .collect()
    }

    /// The first such row.
    pub(crate) fn first(&self, id: &str) -> Option<&'t R> {
        self.get(id).first().map(|(_, _, r)| *r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default, Debug)]
    #[serde(default)]
    struct Row {
        id: Cell,
        name: Cell,
        phone: Cell,
    }

    #[test]
    fn rows_are_read_by_column_name_with_their_lines() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        // A column named twice (its first place counts), a column no struct reads, a
        // short row, a blank line, a cell Daleel quoted against formulas, a line break
        // inside quotes, and a row with a hidden character.
        std::fs::write(
            &path,
            "\u{feff} name ,id,extra,name\n\
             Amal,1,x,not this\n\
             \n\
             \"Two\nlines\",2\n\
             '=SUM(A1),3,,\n\
             Bad\u{1b}[31m,4,,\n",
        )
        .expect("write");
        let t: Table<Row> = read_csv(&path, |_| false).expect("read").expect("there");
        let rows: Vec<(u64, &str, &str, &str)> = t
            .rows
            .iter()
            .map(|(l, r)| (*l, r.id.as_str(), r.name.as_str(), r.phone.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (2, "1", "Amal", ""),
                (4, "2", "Two lines", ""),
                (6, "3", "=SUM(A1)", ""),
            ]
        );
        assert_eq!(t.problems.len(), 1);
        assert_eq!(
            (t.problems[0].line, t.problems[0].column.as_str()),
            (7, "name")
        );
        assert_eq!(field_names::<Row>(), ["id", "name", "phone"]);
        let by = ByKey::new(Some(&t), |r| &r.id);
        assert_eq!(by.first("2").map(|r| r.name.as_str()), Some("Two lines"));
        assert!(by.get("").is_empty() && by.get("9").is_empty());
    }

    #[test]
    fn a_file_of_more_rows_than_the_limit_is_refused_and_blank_rows_do_not_count() {
        let rows = |n: u64| {
            let mut text = String::from("id,name\n");
            for i in 0..n {
                text.push_str(&format!("{i},x\n\n"));
            }
            text
        };
        // The limit is MAX_ROWS in use; a small one here keeps the test quick.
        let read = |text: String| {
            parse_csv_rows::<Row>(
                "list.csv".into(),
                text.as_bytes(),
                b',',
                |_| false,
                |f, h| h.iter().position(|x| x == f),
                50,
            )
        };
        let table = read(rows(50)).expect("as many rows as may be");
        assert_eq!(table.rows.len(), 50);
        match read(rows(51)) {
            Err(e @ ImportError::TooManyRows { .. }) => assert_eq!(
                e.to_string(),
                "list.csv holds more rows than Daleel reads from one file (50 at most): split it into smaller files and import each, or check that this is the right file"
            ),
            Err(e) => panic!("{e}"),
            Ok(t) => panic!("read {} rows", t.rows.len()),
        }
    }
}
