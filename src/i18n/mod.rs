//! The message catalog: every word the screens show comes from here, by message id, in
//! Project Fluent syntax (`en.ftl`). English now; Arabic and Kurdish (Sorani) catalogs
//! come with the field-fit issue, with a test that every message exists in each.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

const EN: &str = include_str!("en.ftl");

/// A value for a message's placeable.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

fn bundle() -> &'static FluentBundle<FluentResource> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let lang: unic_langid::LanguageIdentifier = "en".parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        // Terminals show the isolation marks as odd characters; layout direction is
        // handled by the screens instead.
        bundle.set_use_isolating(false);
        let resource = match FluentResource::try_new(EN.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id`, or `[id]` when the catalog lacks it (a test keeps that from
/// happening).
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// The message `id` with its placeables filled.
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
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

/// Whether the catalog has a message.
pub fn has(id: &str) -> bool {
    bundle().has_message(id)
}

/// Every message id in the English catalog.
pub fn ids() -> Vec<String> {
    EN.lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            (!id.starts_with([' ', '#', '.', '-']) && !id.is_empty()).then(|| id.trim().to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_parses_without_errors() {
        assert!(
            FluentResource::try_new(EN.to_string()).is_ok(),
            "en.ftl has syntax errors"
        );
        assert!(ids().len() > 30);
    }

    #[test]
    fn placeables_and_plurals_are_filled() {
        assert_eq!(tr("status-overdue", &[("count", Arg::Num(1))]), "1 overdue");
        assert_eq!(tr("status-overdue", &[("count", Arg::Num(3))]), "3 overdue");
        assert_eq!(t("no-such-message-id"), "[no-such-message-id]");
    }

    /// Every message id the code names exists: every `t("…")` / `tr("…")` anywhere, and
    /// every kebab-case string literal in the screens (labels and hints are passed as ids).
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
                    let screens = screens || path.ends_with("tui");
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
