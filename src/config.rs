//! The configuration file: TOML, deserialized into `Config` (typed values, defaults
//! written once in `Config::default`), unknown keys and values refused with the file
//! name, the line and what is allowed.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{Deserializer, Error as _};

use crate::i18n::Lang;
use crate::i18n::format::Digits;

#[cfg(test)]
const DEFAULTS: &str = include_str!("default_config.toml");

/// Settings: what config.toml may say, each key with its default in `Config::default`
/// (src/default_config.toml shows them, and a test keeps the two the same). A key left
/// out keeps its default; an unknown key or value is refused, naming it, the line and
/// what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Minutes without a key press before the screen locks (data-protection issue).
    #[serde(deserialize_with = "idle_lock_minutes")]
    pub idle_lock_minutes: u32,
    /// Months after a case is closed before it is due for erasure (data-protection issue).
    #[serde(deserialize_with = "retention_months")]
    pub retention_months: u32,
    /// The language of the screens: `en`, `ar` or `ckb` (field-fit issue).
    #[serde(deserialize_with = "language")]
    pub language: Lang,
    /// How Arabic script is shown.
    pub arabic_display: ArabicDisplay,
    /// The digits of numbers and dates in Arabic and Kurdish: `western` (0-9) or
    /// `arabic-indic` (٠-٩). Codes (case codes, phones, ids) keep Western digits.
    #[serde(deserialize_with = "digits")]
    pub digits: Digits,
    /// The centre's name as its referral slips give the referring agency (empty: the
    /// laptop's name).
    #[serde(deserialize_with = "contact")]
    pub centre_name: String,
    /// The phone the receiving agency calls back on, on the referral slips (empty: a
    /// line to write it in).
    #[serde(deserialize_with = "contact")]
    pub centre_phone: String,
    /// HSDS taxonomy terms (by code or name) and the sector each stands for, over the
    /// built-in table of `directory::taxonomy` (issue 18): `[taxonomy]` then
    /// `"Food Pantries" = "food_security"`.
    #[serde(deserialize_with = "taxonomy")]
    pub taxonomy: std::collections::BTreeMap<String, crate::model::Sector>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            idle_lock_minutes: 10,
            retention_months: 24,
            language: Lang::En,
            arabic_display: ArabicDisplay::for_this_system(),
            digits: Digits::Western,
            centre_name: String::new(),
            centre_phone: String::new(),
            taxonomy: std::collections::BTreeMap::new(),
        }
    }
}

/// How Arabic script is shown: `shaped` (Daleel joins the letters and orders each line,
/// for terminals that cannot) or `terminal` (the terminal does it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArabicDisplay {
    Shaped,
    Terminal,
}

impl ArabicDisplay {
    pub const ALL: [ArabicDisplay; 2] = [ArabicDisplay::Shaped, ArabicDisplay::Terminal];

    pub fn code(self) -> &'static str {
        match self {
            ArabicDisplay::Shaped => "shaped",
            ArabicDisplay::Terminal => "terminal",
        }
    }

    /// The Windows console cannot show Arabic; many Linux terminals can.
    pub fn for_this_system() -> ArabicDisplay {
        if cfg!(windows) {
            ArabicDisplay::Shaped
        } else {
            ArabicDisplay::Terminal
        }
    }
}

impl<'de> Deserialize<'de> for ArabicDisplay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ArabicDisplay, D::Error> {
        let mode = String::deserialize(d)?;
        ArabicDisplay::ALL
            .into_iter()
            .find(|m| m.code() == mode)
            .ok_or_else(|| {
                D::Error::custom(format!(
                    "arabic_display {mode:?} is not a mode; use shaped or terminal"
                ))
            })
    }
}

/// A number of minutes or months from 1 to 240, or a message naming the key.
fn from_1_to_240<'de, D: Deserializer<'de>>(d: D, key: &str, unit: &str) -> Result<u32, D::Error> {
    let n = u32::deserialize(d)?;
    if (1..=240).contains(&n) {
        Ok(n)
    } else {
        Err(D::Error::custom(format!(
            "{key} is {n}; use 1 to 240 {unit}"
        )))
    }
}

fn idle_lock_minutes<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    from_1_to_240(d, "idle_lock_minutes", "minutes")
}

fn retention_months<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    from_1_to_240(d, "retention_months", "months")
}

fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let code = String::deserialize(d)?;
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| {
            D::Error::custom(format!(
                "language {code:?} is not available; use en, ar or ckb"
            ))
        })
}

fn digits<'de, D: Deserializer<'de>>(d: D) -> Result<Digits, D::Error> {
    let code = String::deserialize(d)?;
    Digits::ALL
        .into_iter()
        .find(|m| m.code() == code)
        .ok_or_else(|| {
            D::Error::custom(format!(
                "digits {code:?} is not a choice; use western or arabic-indic"
            ))
        })
}

/// A name or phone for the slips: one line of at most 120 characters, no control
/// characters.
fn contact<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    if text.chars().count() > 120 {
        return Err(D::Error::custom("the text is longer than 120 characters"));
    }
    if text.chars().any(|c| c.is_control()) {
        return Err(D::Error::custom(
            "the text holds a control character or a line break; write it on one line",
        ));
    }
    Ok(text.trim().to_string())
}

/// The `[taxonomy]` table: each term names a sector by its code.
fn taxonomy<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<std::collections::BTreeMap<String, crate::model::Sector>, D::Error> {
    let table = std::collections::BTreeMap::<String, String>::deserialize(d)?;
    let mut out = std::collections::BTreeMap::new();
    for (term, code) in table {
        if term.chars().any(|c| c.is_control()) || term.chars().count() > 200 {
            return Err(D::Error::custom(
                "a taxonomy term holds a control character or is longer than 200 characters",
            ));
        }
        let sector = crate::model::Sector::from_code(code.trim()).ok_or_else(|| {
            D::Error::custom(format!(
                "[taxonomy] \"{}\" = \"{}\": not a sector; the sectors are {}",
                term.escape_debug(),
                code.escape_debug(),
                crate::model::Sector::codes()
            ))
        })?;
        out.insert(term, sector);
    }
    Ok(out)
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
        let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: e.span().map(|s| line_at(s.start)).unwrap_or(1),
            message: e.message().trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/etc/daleel/config.toml"))
    }

    /// The file that shows the defaults says what `Config::default` has.
    #[test]
    fn the_built_in_defaults_parse() {
        assert_eq!(
            parse(DEFAULTS).expect("default_config.toml parses"),
            Config::default()
        );
        assert_eq!(Config::default().idle_lock_minutes, 10);
        assert_eq!(Config::default().retention_months, 24);
        assert_eq!(Config::default().language, Lang::En);
        let shaped = parse("arabic_display = \"shaped\"\n").expect("a mode");
        assert_eq!(shaped.arabic_display, ArabicDisplay::Shaped);
        assert_eq!(shaped.language, Lang::En);
        assert_eq!(Config::default().digits, Digits::Western);
        let indic = parse("digits = \"arabic-indic\"\n").expect("digits");
        assert_eq!(indic.digits, Digits::ArabicIndic);
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
        let err = parse("\n\narabic_display = \"bidi\"\n").expect_err("bad mode");
        assert_eq!(
            err.to_string(),
            "config file /etc/daleel/config.toml, line 3: arabic_display \"bidi\" is not a mode; use shaped or terminal"
        );
        let err = parse("language = \"ar\"\ndigits = \"hindi\"\n").expect_err("bad digits");
        assert_eq!(
            err.to_string(),
            "config file /etc/daleel/config.toml, line 2: digits \"hindi\" is not a choice; use western or arabic-indic"
        );
        let err = parse("idle_lock_minutes = 241\n").expect_err("too long");
        assert!(
            err.to_string()
                .ends_with("line 1: idle_lock_minutes is 241; use 1 to 240 minutes"),
            "{err}"
        );
    }

    /// An unknown key is named, with the keys there are.
    #[test]
    fn an_unknown_key_names_the_keys_there_are() {
        let err = parse("idle_lock = 5\n")
            .expect_err("unknown key")
            .to_string();
        for key in [
            "idle_lock_minutes",
            "retention_months",
            "language",
            "arabic_display",
            "digits",
        ] {
            assert!(err.contains(key), "{err}");
        }
    }
}
