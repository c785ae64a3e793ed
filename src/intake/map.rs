//! `--map MAP.toml`: how a KoboToolbox or ODK export (or any other list) names Daleel's
//! columns, and how its answers say Daleel's values. docs/examples/kobo-map.toml is one.
//!
//! ```toml
//! [columns]                       # Daleel's column = the export's header
//! head_name = "group_hh/head_name"
//! consent = "consent_given"
//!
//! [values.sex]                    # the export's answer = Daleel's
//! "1" = "female"
//! "2" = "male"
//!
//! [values.population_group]
//! "" = "returnee"                 # an empty cell (or no such column) reads as this
//! ```
//!
//! A Daleel column the map does not name is read from a column of its own name. Answers
//! are compared trimmed and without regard to case.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The largest map file read: a real one is a few dozen lines.
const MAX_BYTES: u64 = 256 * 1024;

/// A map file, read and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// Daleel's column, and the export's header it is read from.
    columns: BTreeMap<String, String>,
    /// Daleel's column, and its answers: the export's (trimmed, lower case), Daleel's.
    values: BTreeMap<String, BTreeMap<String, String>>,
}

/// Why a map file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("cannot read the map {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("the map {path}, line {line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, String>>,
}

impl ColumnMap {
    /// Reads a map file (a regular file, UTF-8, a few hundred KiB at most).
    pub fn read(path: &Path) -> Result<ColumnMap, MapError> {
        let shown = crate::disk::shown(path);
        let bytes =
            crate::disk::read_regular(path, MAX_BYTES).map_err(|e| MapError::Unreadable {
                path: shown.clone(),
                reason: match e.kind() {
                    std::io::ErrorKind::NotFound => "there is no such file".into(),
                    std::io::ErrorKind::InvalidData => format!(
                        "it is larger than a map can be ({} KiB at most)",
                        MAX_BYTES / 1024
                    ),
                    _ => super::unreadable(&e),
                },
            })?;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(&bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| MapError::Unreadable {
            path: shown.clone(),
            reason: "it is not UTF-8 text (save it as UTF-8 in the editor)".into(),
        })?;
        ColumnMap::parse(text, &shown)
    }

    /// Parses a map's text; `path` names it in messages.
    pub fn parse(text: &str, path: &str) -> Result<ColumnMap, MapError> {
        let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: MapFile = toml::from_str(text).map_err(|e| MapError::Invalid {
            path: path.into(),
            line: e.span().map(|s| line_at(s.start)).unwrap_or(1),
            message: e.message().trim().to_string(),
        })?;
        let known = |name: &str| super::COLUMNS.iter().any(|(c, _)| *c == name);
        let unknown = |name: &str, table: &str| MapError::Invalid {
            path: path.into(),
            line: line_of_key(text, name),
            message: format!(
                "{table}{name:?} is not a column of Daleel's; use {}",
                super::COLUMNS
                    .iter()
                    .map(|(c, _)| *c)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        for (column, header) in &file.columns {
            if !known(column) {
                return Err(unknown(column, "[columns] "));
            }
            if header.trim().is_empty() || crate::model::text::refusal(header).is_some() {
                return Err(MapError::Invalid {
                    path: path.into(),
                    line: line_of_key(text, column),
                    message: format!("{column} names no column of the export"),
                });
            }
        }
        let mut values = BTreeMap::new();
        for (column, answers) in file.values {
            if !known(&column) {
                return Err(unknown(&column, "[values.…] "));
            }
            let answers: BTreeMap<String, String> = answers
                .into_iter()
                .map(|(theirs, ours)| (answer_key(&theirs), ours.trim().to_string()))
                .collect();
            values.insert(column, answers);
        }
        Ok(ColumnMap {
            columns: file
                .columns
                .into_iter()
                .map(|(c, h)| (c, h.trim().to_string()))
                .collect(),
            values,
        })
    }

    /// The export's header that `column` is read from, when the map names one.
    pub fn header(&self, column: &str) -> Option<&str> {
        self.columns.get(column).map(String::as_str)
    }

    /// What an answer of the export says in Daleel's words: the map's value for it, or
    /// the answer itself.
    pub fn value<'a>(&'a self, column: &str, answer: &'a str) -> &'a str {
        self.values
            .get(column)
            .and_then(|answers| answers.get(&answer_key(answer)))
            .map(String::as_str)
            .unwrap_or(answer)
    }

    /// Whether the map gives a value for an empty cell of `column` (so that the column
    /// need not be in the file at all).
    pub fn fills_empty(&self, column: &str) -> bool {
        self.values
            .get(column)
            .is_some_and(|answers| answers.contains_key(""))
    }
}

/// An answer as the map compares it: trimmed, in lower case.
fn answer_key(answer: &str) -> String {
    answer.trim().to_lowercase()
}

/// The line where a key is written (bare or quoted) at the start of a line; 1 when it
/// is not found so.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| {
                    line.strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
                || line.starts_with(&format!("[values.{key}]"))
        })
        .map(|i| i + 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_names_columns_and_answers() {
        let map = ColumnMap::parse(
            "# a Kobo form\n\
             [columns]\n\
             head_name = \"group_hh/head_name\"\n\
             sex = ' group_hh/head_sex '\n\
             [values.sex]\n\
             \"1\" = \"female\"\n\
             M = \"male\"\n\
             [values.population_group]\n\
             \"\" = \"returnee\"\n",
            "kobo-map.toml",
        )
        .expect("valid");
        assert_eq!(map.header("head_name"), Some("group_hh/head_name"));
        assert_eq!(map.header("sex"), Some("group_hh/head_sex"));
        assert_eq!(map.header("phone"), None);
        assert_eq!(map.value("sex", " 1 "), "female");
        assert_eq!(map.value("sex", "m"), "male");
        assert_eq!(
            map.value("sex", "f"),
            "f",
            "an answer the map does not name"
        );
        assert_eq!(map.value("consent", "yes"), "yes");
        assert_eq!(map.value("population_group", ""), "returnee");
        assert!(map.fills_empty("population_group") && !map.fills_empty("sex"));
    }

    #[test]
    fn the_documented_example_is_a_map() {
        let map = ColumnMap::parse(
            include_str!("../../docs/examples/kobo-map.toml"),
            "kobo-map.toml",
        )
        .expect("docs/examples/kobo-map.toml parses");
        assert_eq!(map.header("head_name"), Some("group_hh/hoh_name"));
        assert_eq!(map.value("population_group", "IDP_OOC"), "idp_out_of_camp");
    }

    #[test]
    fn an_unknown_column_or_a_bad_file_is_refused_with_its_line() {
        let message = |text: &str| {
            ColumnMap::parse(text, "map.toml")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let m = message("[columns]\nhead_name = \"a\"\nfull_name = \"b\"\n");
        assert!(
            m.starts_with("the map map.toml, line 3: [columns] \"full_name\" is not a column"),
            "{m}"
        );
        assert!(m.contains("head_name, head_name_latin, phone"), "{m}");
        let m = message("[values.gender]\nm = \"male\"\n");
        assert!(m.contains("line 1") && m.contains("\"gender\""), "{m}");
        let m = message("[columns]\nhead_name = 3\n");
        assert!(m.contains("line 2"), "{m}");
        let m = message("[colums]\n");
        assert!(m.contains("line 1") && m.contains("colums"), "{m}");
        let m = message("[columns]\nphone = \"  \"\n");
        assert!(m.contains("line 2: phone names no column"), "{m}");
    }
}
