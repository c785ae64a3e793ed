//! What an HSDS folder holds that Daleel does not keep (issue 18, item 1): the columns of
//! the files it reads that it has no field for, and the files it does not read, each
//! with how many values or rows, so that the import preview lists them and nothing is
//! dropped without a word.

use std::path::Path;

use super::ImportError;
use super::table::MAX_FILE_BYTES;

/// The most files of a folder looked at.
const MAX_FILES: usize = 200;

/// A column (or a whole file, `column` none) that the import leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotKept {
    pub file: String,
    pub column: Option<String>,
    /// Values (non-empty cells) in the column, or rows in the file.
    pub count: usize,
}

/// Counts what the CSV files of `dir` hold that `hsds::read` does not keep. A file that
/// cannot be read is left to `read`, which reports it.
pub fn count(dir: &Path) -> Result<Vec<NotKept>, ImportError> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|source| ImportError::Unreadable {
            path: crate::disk::shown(dir),
            source,
        })?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv"))
        .take(MAX_FILES)
        .collect();
    names.sort();
    // A folder Daleel wrote: the columns and tables it derives (ids of rows it makes up
    // again the same, the sectors' taxonomy) are its own, not data left out.
    let own = crate::disk::read_regular(&dir.join("datapackage.json"), 1 << 20)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .is_some_and(|p| p["name"] == super::hsds_out::PACKAGE_NAME);
    let mut out = Vec::new();
    for name in names {
        let Ok(bytes) = crate::disk::read_regular(&dir.join(&name), MAX_FILE_BYTES) else {
            continue;
        };
        let written: Vec<&str> = if own {
            super::hsds_schema::RESOURCES
                .iter()
                .find(|r| r.path == name)
                .map(|r| super::hsds_out::columns(r.name))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        if own && !written.is_empty() && super::hsds::kept_columns(&name).is_none() {
            continue;
        }
        out.extend(in_file(
            &name,
            &bytes,
            super::hsds::kept_columns(&name),
            &written,
        ));
    }
    Ok(out)
}

/// The columns of one services spreadsheet that Daleel does not read (its explaining
/// line, first cell `#`, aside).
pub fn in_sheet(path: &Path, kept: &[&str]) -> Vec<NotKept> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match crate::disk::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => in_file(&name, &bytes, Some(kept), &[]),
        Err(_) => Vec::new(),
    }
}

/// What one file holds that is not kept: with `kept` none, its rows (a table Daleel does
/// not read); else the values of its columns in neither `kept` nor `also`.
fn in_file(name: &str, bytes: &[u8], kept: Option<&[&str]>, also: &[&str]) -> Vec<NotKept> {
    let mut out = Vec::new();
    let text = super::encoding::decode_lossy(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let Ok(headers) = reader.headers().map(|h| {
        h.iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
            .collect::<Vec<String>>()
    }) else {
        return out;
    };
    let shown = crate::model::text::one_line(name).into_owned();
    let mut values = vec![0usize; headers.len()];
    let mut rows = 0;
    for record in reader.records().map_while(Result::ok) {
        if record.iter().all(|v| v.trim().is_empty())
            || record
                .get(0)
                .is_some_and(|c| c.trim_start().starts_with('#'))
        {
            continue;
        }
        rows += 1;
        for (i, v) in record.iter().enumerate().take(headers.len()) {
            if !v.trim().is_empty() {
                values[i] += 1;
            }
        }
    }
    match kept {
        None if rows > 0 => out.push(NotKept {
            file: shown,
            column: None,
            count: rows,
        }),
        None => {}
        Some(kept) => {
            for (h, n) in headers.iter().zip(values) {
                if n > 0 && !kept.contains(&h.as_str()) && !also.contains(&h.as_str()) {
                    out.push(NotKept {
                        file: shown.clone(),
                        column: Some(crate::model::text::one_line(h).into_owned()),
                        count: n,
                    });
                }
            }
        }
    }
    out
}
