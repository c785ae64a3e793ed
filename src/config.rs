//! The configuration file: TOML, defaults built in, unknown keys refused with the file
//! name and line.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const DEFAULTS: &str = include_str!("default_config.toml");

/// Settings. Every key has a built-in default (src/default_config.toml).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Minutes without a key press before the screen locks (data-protection issue).
    pub idle_lock_minutes: u32,
    /// Months after a case is closed before it is due for erasure (data-protection issue).
    pub retention_months: u32,
    /// The language of the screens: `en`, `ar` or `ckb` (field-fit issue).
    pub language: String,
    /// How Arabic script is shown: `shaped` (Daleel joins the letters and orders each
    /// line, for terminals that cannot) or `terminal` (the terminal does it).
    pub arabic_display: String,
}

/// The user's file: any key may be left out. Values keep their place in the file, so
/// that a bad value is reported on its own line.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Partial {
    idle_lock_minutes: Option<toml::Spanned<u32>>,
    retention_months: Option<toml::Spanned<u32>>,
    language: Option<toml::Spanned<String>>,
    arabic_display: Option<toml::Spanned<String>>,
}

/// The largest config file read: a real one is a few hundred bytes.
const MAX_BYTES: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path}, line {line}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub const LANGUAGES: [&str; 3] = ["en", "ar", "ckb"];

impl Default for Config {
    fn default() -> Config {
        let partial: Partial = toml::from_str(DEFAULTS).unwrap_or_default();
        Config {
            idle_lock_minutes: partial
                .idle_lock_minutes
                .map(|v| v.into_inner())
                .unwrap_or(10),
            retention_months: partial
                .retention_months
                .map(|v| v.into_inner())
                .unwrap_or(24),
            language: partial
                .language
                .map(|v| v.into_inner())
                .unwrap_or_else(|| "en".into()),
            arabic_display: partial
                .arabic_display
                .map(|v| v.into_inner())
                .unwrap_or_else(|| {
                    // The Windows console cannot show Arabic; many Linux terminals can.
                    if cfg!(windows) { "shaped" } else { "terminal" }.into()
                }),
        }
    }
}

impl Config {
    /// Reads the file at `path`; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "the file is larger than {} KiB: this is not a Daleel config file",
                    MAX_BYTES / 1024
                ),
            });
        }
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parses a file's text over the defaults; `path` names it in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |line: usize, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        };
        let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let partial: Partial = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_at(s.start)).unwrap_or(1);
            invalid(line, e.message().trim().to_string())
        })?;
        let mut config = Config::default();
        if let Some(m) = partial.idle_lock_minutes {
            let line = line_at(m.span().start);
            let m = m.into_inner();
            if !(1..=240).contains(&m) {
                return Err(invalid(
                    line,
                    format!("idle_lock_minutes is {m}; use 1 to 240 minutes"),
                ));
            }
            config.idle_lock_minutes = m;
        }
        if let Some(m) = partial.retention_months {
            let line = line_at(m.span().start);
            let m = m.into_inner();
            if !(1..=240).contains(&m) {
                return Err(invalid(
                    line,
                    format!("retention_months is {m}; use 1 to 240 months"),
                ));
            }
            config.retention_months = m;
        }
        if let Some(lang) = partial.language {
            let line = line_at(lang.span().start);
            let lang = lang.into_inner();
            if !LANGUAGES.contains(&lang.as_str()) {
                return Err(invalid(
                    line,
                    format!("language {lang:?} is not available; use en, ar or ckb"),
                ));
            }
            config.language = lang;
        }
        if let Some(mode) = partial.arabic_display {
            let line = line_at(mode.span().start);
            let mode = mode.into_inner();
            if !["shaped", "terminal"].contains(&mode.as_str()) {
                return Err(invalid(
                    line,
                    format!("arabic_display {mode:?} is not a mode; use shaped or terminal"),
                ));
            }
            config.arabic_display = mode;
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/etc/daleel/config.toml"))
    }

    #[test]
    fn the_built_in_defaults_parse() {
        let defaults: Partial = toml::from_str(DEFAULTS).expect("default_config.toml parses");
        assert_eq!(defaults.idle_lock_minutes.map(|v| v.into_inner()), Some(10));
        assert_eq!(Config::default().idle_lock_minutes, 10);
        assert_eq!(Config::default().retention_months, 24);
        assert_eq!(Config::default().language, "en");
    }

    #[test]
    fn a_good_file_overrides_only_what_it_names() {
        let c = parse("# my settings\nidle_lock_minutes = 5\n").expect("valid");
        assert_eq!(c.idle_lock_minutes, 5);
        assert_eq!(c.retention_months, 24);
        assert_eq!(parse("").expect("empty is fine"), Config::default());
    }

    #[test]
    fn unknown_keys_are_refused_with_file_and_line() {
        let err = parse("language = \"ar\"\n\nidle_lock = 5\n").expect_err("unknown key");
        let text = err.to_string();
        assert!(
            text.starts_with(
                "config file /etc/daleel/config.toml, line 3: unknown field `idle_lock`"
            ),
            "{text}"
        );
    }

    #[test]
    fn bad_values_are_refused_with_their_line() {
        let err = parse("language = \"fr\"\n").expect_err("bad language");
        assert_eq!(
            err.to_string(),
            "config file /etc/daleel/config.toml, line 1: language \"fr\" is not available; use en, ar or ckb"
        );
        let err = parse("\nretention_months = 0\n").expect_err("zero months");
        assert!(
            err.to_string().contains("line 2: retention_months is 0"),
            "{err}"
        );
        let err = parse("idle_lock_minutes = \"ten\"\n").expect_err("wrong type");
        assert!(err.to_string().contains("line 1"), "{err}");
        let err = parse("# quoted key\n\"language\" = \"xx\"\n").expect_err("bad language");
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
