//! The fields of the screens' forms, by typed id: a form is built, read and given its
//! errors by `FieldId`, never by a string such as `"head.name"`, so that a misspelt id
//! does not compile. The household form's fields also say which model problem
//! (`model::Problem::field`) they show.

use crate::model::{CivilDocument, DisclosedField, Vulnerability};

/// A Washington Group Short Set domain (a member's form asks each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum WgDomain {
    Seeing,
    Hearing,
    Walking,
    Remembering,
    SelfCare,
    Communicating,
}

impl WgDomain {
    /// In the order of `WgAnswers::domains`.
    pub const ALL: [WgDomain; 6] = [
        WgDomain::Seeing,
        WgDomain::Hearing,
        WgDomain::Walking,
        WgDomain::Remembering,
        WgDomain::SelfCare,
        WgDomain::Communicating,
    ];

    /// The message id of its question.
    pub fn label(self) -> &'static str {
        match self {
            WgDomain::Seeing => "wg-seeing",
            WgDomain::Hearing => "wg-hearing",
            WgDomain::Walking => "wg-walking",
            WgDomain::Remembering => "wg-remembering",
            WgDomain::SelfCare => "wg-self-care",
            WgDomain::Communicating => "wg-communicating",
        }
    }
}

/// A field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum FieldId {
    // The household: who, where, displacement, vulnerabilities, consent.
    HeadName,
    HeadLatin,
    HeadSex,
    HeadBirthYear,
    Phone,
    Governorate,
    District,
    Village,
    Displacement,
    ReturnedOn,
    Vulnerability(Vulnerability),
    HouseholdSize,
    ConsentServices,
    ConsentDisclosure,
    ConsentFollowUp,
    // A member.
    Name,
    Latin,
    Sex,
    BirthYear,
    Relationship,
    Wg(WgDomain),
    MissingDocument(CivilDocument),
    // A need, a referral draft, a move, a note, closing a case.
    Sector,
    Priority,
    Description,
    Member,
    Reason,
    Disclose(DisclosedField),
    FollowUp,
    Send,
    Outcome,
    Note,
    Date,
    DuplicateOf,
    // A worker; approving a laptop.
    Passphrase,
    Again,
    Role,
    Org,
    Sensitive,
    Expires,
    // Resolving a conflict.
    Value,
    // A service of the directory.
    Organization,
    Eligibility,
    Areas,
    Hours,
    Method,
    Next,
    Languages,
    Documents,
    Fees,
    Status,
    // An organization.
    Acronym,
    Kind,
    Focal,
    FocalPhone,
    FocalEmail,
    // The lists' filters.
    Area,
    Overdue,
    /// Words or a case code to find (Referrals).
    Find,
}

/// The household form's fields and the model problem each shows.
const PROBLEMS: [(FieldId, &str); 14] = [
    (FieldId::HeadName, "head.name"),
    (FieldId::HeadLatin, "head.latin"),
    (FieldId::HeadSex, "head.sex"),
    (FieldId::HeadBirthYear, "head.birth_year"),
    (FieldId::Phone, "phone"),
    (FieldId::Governorate, "location.governorate"),
    (FieldId::District, "location.district"),
    (FieldId::Village, "location.village"),
    (FieldId::Displacement, "displacement.kind"),
    (FieldId::ReturnedOn, "displacement.returned_on"),
    (FieldId::HouseholdSize, "size"),
    (FieldId::ConsentServices, "consent.services"),
    (FieldId::ConsentDisclosure, "consent.disclosure"),
    (FieldId::ConsentFollowUp, "consent.follow_up"),
];

impl FieldId {
    /// The household form's field that shows a model problem of `field`, if any.
    pub fn of_problem(field: &str) -> Option<FieldId> {
        PROBLEMS.iter().find(|(_, p)| *p == field).map(|(f, _)| *f)
    }

    /// The name a model problem gives this field (`head.name`), if it has one.
    pub fn problem_name(self) -> Option<&'static str> {
        PROBLEMS.iter().find(|(f, _)| *f == self).map(|(_, p)| *p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_household_fields_name_their_problems_both_ways() {
        for (f, p) in PROBLEMS {
            assert_eq!(FieldId::of_problem(p), Some(f));
            assert_eq!(f.problem_name(), Some(p));
        }
        assert_eq!(FieldId::of_problem("members[1].name"), None);
        assert_eq!(FieldId::Note.problem_name(), None);
    }
}
