//! The words for the domain's values on screen, from the message catalog.

use crate::i18n::t;
use crate::model::{
    ClosureReason, DisclosedField, NeedStatus, NotSuccessfulReason, Priority, ReferralStatus,
    Sector, WgAnswer,
};
use crate::tui::widgets::form::Opt;

pub fn sector(s: Sector) -> String {
    t(&format!("sector-{}", s.code().replace('_', "-")))
}

pub fn priority(p: Priority) -> String {
    t(&format!("priority-{}", p.code()))
}

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

pub fn need_status(s: NeedStatus) -> String {
    t(&format!("need-status-{}", s.code().replace('_', "-")))
}

pub fn audit_action(a: crate::store::audit::AuditAction) -> String {
    t(&format!("audit-{}", a.word().replace('_', "-")))
}

pub fn referral_status(s: ReferralStatus) -> String {
    t(&format!("referral-status-{}", s.code()))
}

pub fn closure_reason(r: ClosureReason) -> String {
    t(&format!("closure-{}", r.code().replace('_', "-")))
}

pub fn not_successful(r: NotSuccessfulReason) -> String {
    t(&format!("not-successful-{}", r.code().replace('_', "-")))
}

pub fn disclosed(f: DisclosedField) -> String {
    t(&format!("disclosed-{}", f.code().replace('_', "-")))
}

pub fn wg_answer(a: WgAnswer) -> String {
    t(&format!("wg-{}", a.code().replace('_', "-")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has;

    /// The labels are built from codes, so check that every value has its message.
    #[test]
    fn every_value_has_a_label() {
        let mut missing = Vec::new();
        let mut check = |label: String| {
            if label.starts_with('[') {
                missing.push(label);
            }
        };
        Sector::ALL.iter().for_each(|v| check(sector(*v)));
        Priority::ALL.iter().for_each(|v| check(priority(*v)));
        NeedStatus::ALL.iter().for_each(|v| check(need_status(*v)));
        ReferralStatus::ALL
            .iter()
            .for_each(|v| check(referral_status(*v)));
        ClosureReason::ALL
            .iter()
            .for_each(|v| check(closure_reason(*v)));
        NotSuccessfulReason::ALL
            .iter()
            .for_each(|v| check(not_successful(*v)));
        DisclosedField::ALL
            .iter()
            .for_each(|v| check(disclosed(*v)));
        WgAnswer::ALL.iter().for_each(|v| check(wg_answer(*v)));
        crate::store::audit::AuditAction::ALL
            .iter()
            .for_each(|v| check(audit_action(*v)));
        assert!(missing.is_empty(), "missing labels: {missing:?}");
        assert!(has("sector-gbv"));
    }
}
