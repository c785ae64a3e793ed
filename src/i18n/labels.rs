//! The words for the domain's values, from the message catalog, in the current language:
//! the screens (`tui::labels` re-exports these) and the printed pages (`report`, the
//! referral slip) name a sector, a priority or a status the same way. Each value's
//! message id is built from its stable code, so a test checks that every value has one.

use super::t;
use crate::model::{
    ClosureReason, DisclosedField, DisplacementKind, NeedStatus, NotSuccessfulReason, OrgType,
    Priority, ReferralStatus, Sector, Sex, Vulnerability, WgAnswer,
};

/// A code as a message id's tail: `child_protection` → `child-protection`.
fn id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn sector(s: Sector) -> String {
    t(&id("sector", s.code()))
}

pub fn priority(p: Priority) -> String {
    t(&id("priority", p.code()))
}

pub fn need_status(s: NeedStatus) -> String {
    t(&id("need-status", s.code()))
}

pub fn referral_status(s: ReferralStatus) -> String {
    t(&id("referral-status", s.code()))
}

pub fn closure_reason(r: ClosureReason) -> String {
    t(&id("closure", r.code()))
}

pub fn not_successful(r: NotSuccessfulReason) -> String {
    t(&id("not-successful", r.code()))
}

pub fn disclosed(f: DisclosedField) -> String {
    t(&id("disclosed", f.code()))
}

pub fn wg_answer(a: WgAnswer) -> String {
    t(&id("wg", a.code()))
}

/// A vulnerability, as the intake form's check boxes name it.
pub fn vulnerability(v: Vulnerability) -> String {
    t(&id("vuln", v.code()))
}

pub fn sex(s: Sex) -> String {
    t(&id("sex", s.code()))
}

/// The household's displacement status (its population group).
pub fn displacement(d: DisplacementKind) -> String {
    t(&id("displacement", d.code()))
}

pub fn org_type(o: OrgType) -> String {
    t(&id("org-type", o.code()))
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
        Vulnerability::ALL
            .iter()
            .for_each(|v| check(vulnerability(*v)));
        Sex::ALL.iter().for_each(|v| check(sex(*v)));
        DisplacementKind::ALL
            .iter()
            .for_each(|v| check(displacement(*v)));
        OrgType::ALL.iter().for_each(|v| check(org_type(*v)));
        assert!(missing.is_empty(), "missing labels: {missing:?}");
        assert!(has("sector-gbv"));
    }
}
