//! The words for the domain's values, from the message catalog, in the current language:
//! the screens (`tui::labels` re-exports these) and the printed pages (`report`, the
//! referral slip) name a sector, a priority or a status the same way. Each value's
//! message id is built from its stable code, so a test checks that every value has one.
//! Each has a twin ending in `_in` that takes the language (a page written in a language
//! other than the screens').

use super::{Lang, language, tr_in};
use crate::model::{
    ClosureReason, DisclosedField, DisplacementKind, NeedStatus, NotSuccessfulReason, OrgType,
    Priority, ReferralStatus, Sector, Sex, Vulnerability, WgAnswer,
};

/// A code as a message id's tail: `child_protection` → `child-protection`.
fn id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn sector(s: Sector) -> String {
    sector_in(language(), s)
}

pub fn sector_in(lang: Lang, s: Sector) -> String {
    tr_in(lang, &id("sector", s.code()), &[])
}

pub fn priority(p: Priority) -> String {
    priority_in(language(), p)
}

pub fn priority_in(lang: Lang, p: Priority) -> String {
    tr_in(lang, &id("priority", p.code()), &[])
}

pub fn need_status(s: NeedStatus) -> String {
    need_status_in(language(), s)
}

pub fn need_status_in(lang: Lang, s: NeedStatus) -> String {
    tr_in(lang, &id("need-status", s.code()), &[])
}

pub fn referral_status(s: ReferralStatus) -> String {
    referral_status_in(language(), s)
}

pub fn referral_status_in(lang: Lang, s: ReferralStatus) -> String {
    tr_in(lang, &id("referral-status", s.code()), &[])
}

pub fn closure_reason(r: ClosureReason) -> String {
    closure_reason_in(language(), r)
}

pub fn closure_reason_in(lang: Lang, r: ClosureReason) -> String {
    tr_in(lang, &id("closure", r.code()), &[])
}

pub fn not_successful(r: NotSuccessfulReason) -> String {
    not_successful_in(language(), r)
}

pub fn not_successful_in(lang: Lang, r: NotSuccessfulReason) -> String {
    tr_in(lang, &id("not-successful", r.code()), &[])
}

pub fn disclosed(f: DisclosedField) -> String {
    disclosed_in(language(), f)
}

pub fn disclosed_in(lang: Lang, f: DisclosedField) -> String {
    tr_in(lang, &id("disclosed", f.code()), &[])
}

pub fn wg_answer(a: WgAnswer) -> String {
    wg_answer_in(language(), a)
}

pub fn wg_answer_in(lang: Lang, a: WgAnswer) -> String {
    tr_in(lang, &id("wg", a.code()), &[])
}

/// A vulnerability, as the intake form's check boxes name it.
pub fn vulnerability(v: Vulnerability) -> String {
    vulnerability_in(language(), v)
}

pub fn vulnerability_in(lang: Lang, v: Vulnerability) -> String {
    tr_in(lang, &id("vuln", v.code()), &[])
}

pub fn sex(s: Sex) -> String {
    sex_in(language(), s)
}

pub fn sex_in(lang: Lang, s: Sex) -> String {
    tr_in(lang, &id("sex", s.code()), &[])
}

/// The household's displacement status (its population group).
pub fn displacement(d: DisplacementKind) -> String {
    displacement_in(language(), d)
}

pub fn displacement_in(lang: Lang, d: DisplacementKind) -> String {
    tr_in(lang, &id("displacement", d.code()), &[])
}

pub fn org_type(o: OrgType) -> String {
    org_type_in(language(), o)
}

pub fn org_type_in(lang: Lang, o: OrgType) -> String {
    tr_in(lang, &id("org-type", o.code()), &[])
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
