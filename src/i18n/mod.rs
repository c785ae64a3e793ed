//! The message catalog: every word the screens show comes from here, by message id, in
//! Project Fluent syntax: English (`en.ftl`), Arabic (`ar.ftl`) and Kurdish Sorani
//! (`ckb.ftl`), switchable at run time. A message a catalog lacks falls back to English;
//! a test keeps every catalog complete, with every placeholder used.

pub mod format;
pub mod labels;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

const EN: &str = include_str!("en.ftl");
const AR: &str = include_str!("ar.ftl");
const CKB: &str = include_str!("ckb.ftl");

/// A language of the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
    Ckb,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::Ckb];

    /// Its code: `en`, `ar`, `ckb` (`--lang`, config.toml).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Ckb => "ckb",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code.trim().to_lowercase())
    }

    /// Its name in itself, for the language menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Ckb => "کوردی (سۆرانی)",
        }
    }

    /// Whether it is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Ckb)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => EN,
            Lang::Ar => AR,
            Lang::Ckb => CKB,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Shows the screens in `lang` from now on.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language the screens are shown in.
pub fn language() -> Lang {
    #[cfg(test)]
    if let Some(lang) = THIS_THREAD.with(|l| l.get()) {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ar,
        2 => Lang::Ckb,
        _ => Lang::En,
    }
}

#[cfg(test)]
thread_local! {
    /// The language of one test's thread, over the process's (`in_language`).
    static THIS_THREAD: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with the screens in `lang` on this thread only. The unit tests run at once in
/// one process, and many of them read the screens in English: one that switched the
/// process's language (`set_language`) would switch theirs too. (The tests that drive
/// the whole screens through `set_language` are in a binary of their own,
/// tests/language.rs, and take turns there.)
#[cfg(test)]
pub fn in_language<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Back(Option<Lang>);
    impl Drop for Back {
        fn drop(&mut self) {
            THIS_THREAD.with(|l| l.set(self.0));
        }
    }
    let _back = Back(THIS_THREAD.with(|l| l.replace(Some(lang))));
    f()
}

/// A value for a message's placeable.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Terminals show the isolation marks as odd characters; the display mode
        // (tui/bidi.rs) orders mixed lines instead.
        bundle.set_use_isolating(false);
        if lang.is_rtl() {
            // Counts in the digits of the setting (plurals still go by the number).
            bundle.set_formatter(Some(digits_of_setting));
        }
        let resource = match FluentResource::try_new(lang.source().to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// A number placed in an Arabic or Kurdish message, in the digits of the `digits`
/// setting (`None`: as Fluent writes it).
fn digits_of_setting<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if format::digits() == format::Digits::ArabicIndic => {
            Some(format::Locale::new(Lang::Ar, format::Digits::ArabicIndic).number(&n.as_string()))
        }
        _ => None,
    }
}

/// The message `id`, or `[id]` when no catalog has it (a test keeps that from
/// happening).
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// The message `id` with its placeables filled, in the current language (English when
/// that catalog lacks it).
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    tr_in(language(), id, args)
}

/// The message `id` in `lang`.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let found = [lang, Lang::En].into_iter().find_map(|l| {
        let b = bundle(l);
        b.get_message(id).and_then(|m| m.value()).map(|p| (b, p))
    });
    let Some((bundle, pattern)) = found else {
        return format!("[{id}]");
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether the English catalog has a message.
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

/// Every message id in the English catalog.
pub fn ids() -> Vec<String> {
    ids_of(EN)
}

fn ids_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            (!id.starts_with([' ', '#', '.', '-']) && !id.is_empty()).then(|| id.trim().to_string())
        })
        .collect()
}

/// The variables (`$name`) each message of a catalog uses.
#[cfg(test)]
fn variables_of(
    source: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut out = std::collections::BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if let Some((id, _)) = line.split_once(" =")
            && !id.starts_with([' ', '#', '.', '-'])
            && !id.is_empty()
        {
            current = Some(id.trim().to_string());
            out.entry(id.trim().to_string())
                .or_insert_with(std::collections::BTreeSet::new);
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(id) = &current {
            let vars = out.entry(id.clone()).or_default();
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The screens send no one to the command line: no message names a command or a flag
    /// (the command line's own messages, `cli-…`, may: it is where they are typed).
    #[test]
    fn no_message_names_a_command_or_a_flag() {
        for (lang, source) in [("en", EN), ("ar", AR), ("ckb", CKB)] {
            let mut command_line = false;
            for line in source.lines().filter(|l| !l.starts_with('#')) {
                // A message's first line says whose it is; its other lines are indented.
                if !line.starts_with([' ', '}']) && line.contains(" =") {
                    command_line = line.starts_with("cli-");
                }
                if command_line {
                    continue;
                }
                let value = line.split_once(" = ").map_or(line, |(_, v)| v);
                assert!(
                    !value.contains("daleel ") && !value.contains(" --"),
                    "{lang}: a message names a command: {line}"
                );
            }
        }
    }

    #[test]
    fn the_catalog_parses_without_errors() {
        assert!(
            FluentResource::try_new(EN.to_string()).is_ok(),
            "en.ftl has syntax errors"
        );
        assert!(ids().len() > 30);
    }

    #[test]
    fn every_message_exists_in_every_language_with_every_placeholder() {
        let english = variables_of(EN);
        for lang in [Lang::Ar, Lang::Ckb] {
            let source = lang.source();
            assert!(
                FluentResource::try_new(source.to_string()).is_ok(),
                "{}.ftl has syntax errors",
                lang.code()
            );
            let other = variables_of(source);
            let missing: Vec<&String> =
                english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.code());
            for (id, vars) in &english {
                assert_eq!(
                    Some(vars),
                    other.get(id),
                    "{}: {id} placeholders",
                    lang.code()
                );
            }
            // And each formats without errors, with every variable given.
            let bundle = bundle(lang);
            for (id, vars) in &english {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.as_str(), FluentValue::from(3));
                }
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            }
        }
    }

    /// The words of a catalog's values, with what Fluent reads rather than shows left
    /// out: placeables' variables (`$count`), selectors (`->`), variant keys
    /// (`[one]`, `*[other]`), braces, and anything quoted (an example of what is typed).
    fn shown_words(source: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut current = String::new();
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((id, value)) if !id.starts_with(' ') => {
                    current = id.trim().to_string();
                    value
                }
                _ => line,
            };
            let mut text = String::new();
            let mut quoted = false;
            for part in value.split_whitespace() {
                let part = part.trim_start_matches('*');
                let skip = part.starts_with('$')
                    || part == "->"
                    || (part.starts_with('[') && part.ends_with(']') && part.len() > 2)
                    || part.starts_with("http");
                if !skip {
                    text.push(' ');
                    text.push_str(part);
                }
            }
            let mut word = String::new();
            // A file's extension (`.bundle`) is not a word either.
            let mut after_dot = false;
            let mut before = ' ';
            for c in text.chars().chain([' ']) {
                let was_quoted = quoted;
                if c == '"' {
                    quoted = !quoted;
                }
                if c.is_alphanumeric() || c == '+' || c == '-' {
                    if word.is_empty() {
                        after_dot = before == '.';
                    }
                    word.push(c);
                } else {
                    if !word.is_empty() && !was_quoted && !after_dot {
                        out.push((current.clone(), std::mem::take(&mut word)));
                    }
                    word.clear();
                }
                before = c;
            }
        }
        out
    }

    /// The Arabic and Kurdish catalogs hold no English (issue 17): every word written
    /// in Latin letters is the name of a thing the worker sees as it is (a key, a file
    /// format, a system, an acronym of a sector), a code or a format.
    #[test]
    fn arabic_and_kurdish_leave_no_english_but_names_of_things() {
        const NAMES: &[&str] = &[
            // Keys.
            "F",
            "Esc",
            "Tab",
            "Enter",
            "Ctrl",
            "Shift",
            "Shift+Tab",
            "Space",
            "Ins",
            "Del",
            "Home",
            "End",
            "PgUp",
            "PgDn",
            "Alt",
            // Things named as they are sold or written on them.
            "USB",
            "CSV",
            "HXL",
            "HDX",
            "COD-AB",
            "P-code",
            "FAT32",
            "exFAT",
            "NTFS",
            "KiB",
            "MiB",
            "GiB",
            "Daleel",
            "SAMPLE",
            "DEMO",
            "KoboToolbox",
            "Excel",
            "ODK",
            "HSDS",
            "PDF",
            // Sectors known by their acronyms.
            "GBV",
            "MHPSS",
            "NFI",
            "WASH",
            "HLP",
            // A date's format, a size (80x24), the P of P-codes, the encryption tool.
            "YYYY-MM-DD",
            "x",
            "P",
            "age",
        ];
        let mut english = Vec::new();
        for lang in [Lang::Ar, Lang::Ckb] {
            for (id, word) in shown_words(lang.source()) {
                // The command line's messages name its commands, flags and placeholders
                // as they are typed (`daleel team init --out FILE`): English by design.
                if id.starts_with("cli-") {
                    continue;
                }
                let latin = word.chars().any(|c| c.is_ascii_alphabetic()) && word.is_ascii();
                let key = word.starts_with("Ctrl+") || word.starts_with("Alt+");
                let code = word.chars().any(|c| c.is_ascii_digit());
                if latin && !key && !code && !NAMES.contains(&word.as_str()) {
                    english.push(format!("{}: {id}: {word}", lang.code()));
                }
            }
        }
        assert!(english.is_empty(), "English left:\n{}", english.join("\n"));
    }

    #[test]
    fn the_language_switches_at_run_time_and_falls_back_to_english() {
        assert_eq!(tr_in(Lang::En, "app-name", &[]), "Daleel");
        assert_ne!(
            tr_in(Lang::Ar, "tab-intake", &[]),
            tr_in(Lang::En, "tab-intake", &[])
        );
        assert!(Lang::Ar.is_rtl() && Lang::Ckb.is_rtl() && !Lang::En.is_rtl());
        assert_eq!(Lang::from_code("CKB"), Some(Lang::Ckb));
    }

    #[test]
    fn placeables_and_plurals_are_filled() {
        assert_eq!(tr("status-overdue", &[("count", Arg::Num(1))]), "1 overdue");
        assert_eq!(tr("status-overdue", &[("count", Arg::Num(3))]), "3 overdue");
        assert_eq!(t("no-such-message-id"), "[no-such-message-id]");
    }

    /// The command line's messages (`cli-…`, issue 17): every one that src/cli names
    /// exists, and every one the catalog has is named there (none left behind).
    #[test]
    fn every_command_line_message_is_named_and_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut named = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("read src/cli").flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            for part in text.split('"').skip(1).step_by(2) {
                if part.starts_with("cli-")
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    named.insert(part.to_string());
                }
            }
        }
        assert!(named.len() > 100, "found only {}", named.len());
        let missing: Vec<&String> = named.iter().filter(|id| !has(id)).collect();
        assert!(missing.is_empty(), "not in en.ftl: {missing:?}");
        let unused: Vec<String> = ids()
            .into_iter()
            .filter(|id| id.starts_with("cli-") && !named.contains(id))
            .collect();
        assert!(unused.is_empty(), "named nowhere in src/cli: {unused:?}");
    }

    /// Every message id the code names exists: every `t("…")` / `tr("…")` anywhere, and
    /// every kebab-case string literal in the screens and the command line (labels, hints
    /// and the command line's `cli-…` messages are passed as ids: `tell`, `Failure::of`).
    #[test]
    fn every_message_the_code_uses_exists() {
        fn literals(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            for part in text.split('"').skip(1).step_by(2) {
                let kebab = part.contains('-')
                    && part.starts_with(|c: char| c.is_ascii_lowercase())
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !part.contains("--")
                    && !part.ends_with('-');
                if kebab {
                    out.push(part.to_string());
                }
            }
            out
        }
        fn scan(dir: &std::path::Path, screens: bool, missing: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("read src").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    let screens = screens || path.ends_with("tui") || path.ends_with("cli");
                    scan(&path, screens, missing);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("read");
                    let mut ids = Vec::new();
                    for marker in ["t(\"", "tr(\""] {
                        for part in text.split(marker).skip(1) {
                            if let Some(id) = part.split('"').next()
                                && id.chars().all(|c| {
                                    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
                                })
                            {
                                ids.push(id.to_string());
                            }
                        }
                    }
                    if screens {
                        ids.extend(literals(&text));
                    }
                    for id in ids {
                        if !id.is_empty()
                            && id.contains('-')
                            && !has(&id)
                            && id != "no-such-message-id"
                        {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        let mut missing = Vec::new();
        scan(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            false,
            &mut missing,
        );
        for status in crate::model::ReferralStatus::ALL {
            let id = format!("menu-move-{}", status.code());
            if *status != crate::model::ReferralStatus::Draft && !has(&id) {
                missing.push(id);
            }
        }
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "messages missing from en.ftl:\n{}",
            missing.join("\n")
        );
    }
}
