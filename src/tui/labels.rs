//! The words for the domain's values on screen, from the message catalog.

use crate::i18n::t;
use crate::model::{Priority, Sector};
use crate::tui::widgets::form::Opt;

/// The words for the model's values live in `i18n` (the printed pages use them too).
pub use crate::i18n::labels::{
    closure_reason, disclosed, displacement, need_status, not_successful, priority,
    referral_status, sector, sex, vulnerability, wg_answer,
};

/// A team role in words.
pub fn role(r: crate::sync::team::Role) -> String {
    t(&format!("role-{}", r.code()))
}

/// Why a change has no effect, in words.
pub fn refusal(r: crate::sync::team::Refusal) -> String {
    t(match r {
        crate::sync::team::Refusal::BeyondRole => "refusal-beyond-role",
        crate::sync::team::Refusal::Revoked => "refusal-revoked",
    })
}

/// The sectors as choice options, in their usual order.
pub fn sector_options() -> Vec<Opt> {
    Sector::ALL
        .iter()
        .map(|s| Opt::new(s.code(), sector(*s)))
        .collect()
}

/// The priorities as choice options, lowest first.
pub fn priority_options() -> Vec<Opt> {
    Priority::ALL
        .iter()
        .map(|p| Opt::new(p.code(), priority(*p)))
        .collect()
}

pub fn audit_action(a: crate::store::audit::AuditAction) -> String {
    t(&format!("audit-{}", a.word().replace('_', "-")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels built here from codes: every value has its message (the model's
    /// values are checked in `i18n::labels`).
    #[test]
    fn every_value_has_a_label() {
        let missing: Vec<String> = crate::store::audit::AuditAction::ALL
            .iter()
            .map(|v| audit_action(*v))
            .chain(crate::sync::team::Role::ALL.iter().map(|r| role(*r)))
            .filter(|l| l.starts_with('['))
            .collect();
        assert!(missing.is_empty(), "missing labels: {missing:?}");
    }
}
