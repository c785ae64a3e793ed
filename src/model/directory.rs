//! The service directory: organizations and their services, shaped after Open Referral
//! HSDS 3.0 so that import and export keep every field Daleel uses.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Problem, Sector, named_enum, text};

named_enum! {
    /// What kind of organization runs a service.
    pub enum OrgType {
        Government = ("government", "Government"),
        Un = ("un", "UN agency"),
        InternationalNgo = ("international_ngo", "International NGO"),
        NationalNgo = ("national_ngo", "National NGO"),
        Other = ("other", "Other"),
    }
}

/// A person at an organization who takes referrals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocalPoint {
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub acronym: String,
    pub kind: OrgType,
    pub focal_points: Vec<FocalPoint>,
}

impl Organization {
    /// Checks everything a save needs; an empty list means the record may be saved.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(Problem::new("name", "An organization needs a name."));
        }
        text::check_all(
            [
                ("name", self.name.as_str()),
                ("acronym", self.acronym.as_str()),
            ],
            &mut problems,
        );
        for (i, f) in self.focal_points.iter().enumerate() {
            for (part, value) in [("name", &f.name), ("phone", &f.phone), ("email", &f.email)] {
                problems.extend(text::check(
                    &format!("focal_points[{}].{part}", i + 1),
                    value,
                ));
            }
        }
        problems
    }

    /// The acronym when there is one, else the name.
    pub fn short_name(&self) -> &str {
        if self.acronym.is_empty() {
            &self.name
        } else {
            &self.acronym
        }
    }
}

named_enum! {
    pub enum ServiceStatus {
        Active = ("active", "active"),
        Inactive = ("inactive", "inactive"),
    }
}

/// Where a service is delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLocation {
    pub name: String,
    pub address: String,
    /// The P-code of the place (governorate, district or sub-district), when known.
    pub pcode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Service {
    pub id: Uuid,
    pub organization: Uuid,
    pub name: String,
    pub sector: Sector,
    pub description: String,
    /// Who may use it.
    pub eligibility: String,
    /// P-codes of the areas served (governorates, districts or sub-districts).
    pub areas: Vec<String>,
    pub locations: Vec<ServiceLocation>,
    /// Opening hours, as text ("Sun-Thu 08:00-14:00").
    pub hours: String,
    pub phone: String,
    /// How to refer: by phone, in person at the CRC, by email, on a form...
    pub referral_method: String,
    /// What happens after a referral is made.
    pub next_steps: String,
    pub languages: Vec<String>,
    pub required_documents: Vec<String>,
    /// Empty when free; otherwise what it costs.
    pub fees: String,
    pub status: ServiceStatus,
}

impl Service {
    /// Whether the service covers a place: an area served equals the P-code or contains it
    /// (a governorate's code is a prefix of its districts' codes).
    pub fn serves(&self, pcode: &str) -> bool {
        self.areas
            .iter()
            .any(|a| pcode.starts_with(a.as_str()) || a.starts_with(pcode))
    }

    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(Problem::new("name", "A service needs a name."));
        }
        text::check_all(
            [
                ("name", self.name.as_str()),
                ("description", self.description.as_str()),
                ("eligibility", self.eligibility.as_str()),
                ("hours", self.hours.as_str()),
                ("phone", self.phone.as_str()),
                ("referral_method", self.referral_method.as_str()),
                ("next_steps", self.next_steps.as_str()),
                ("fees", self.fees.as_str()),
            ],
            &mut problems,
        );
        for (list, items) in [
            ("areas", &self.areas),
            ("languages", &self.languages),
            ("required_documents", &self.required_documents),
        ] {
            for (i, item) in items.iter().enumerate() {
                problems.extend(text::check(&format!("{list}[{}]", i + 1), item));
            }
        }
        for (i, l) in self.locations.iter().enumerate() {
            for (part, value) in [
                ("name", l.name.as_str()),
                ("address", l.address.as_str()),
                ("pcode", l.pcode.as_deref().unwrap_or("")),
            ] {
                problems.extend(text::check(&format!("locations[{}].{part}", i + 1), value));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_refused_in_every_field_of_the_directory() {
        let base = crate::model::sample::directory().services[0].clone();
        assert!(base.validate().is_empty());
        for bad in ["\u{1b}]0;t\u{7}", "\n", "\u{85}", "\u{202d}", "\u{2069}"] {
            let mut s = base.clone();
            s.name.push_str(bad);
            s.description.push_str(bad);
            s.phone.push_str(bad);
            s.next_steps.push_str(bad);
            let language = format!("languages[{}]", s.languages.len() + 1);
            s.languages.push(format!("ar{bad}"));
            s.locations.push(ServiceLocation {
                name: format!("CRC{bad}"),
                address: String::new(),
                pcode: None,
            });
            let fields: Vec<String> = s.validate().into_iter().map(|p| p.field).collect();
            for wanted in [
                "name",
                "description",
                "phone",
                "next_steps",
                language.as_str(),
            ] {
                assert!(
                    fields.iter().any(|f| f == wanted),
                    "{bad:?}: {wanted} in {fields:?}"
                );
            }
            assert!(
                fields.iter().any(|f| f.starts_with("locations[")),
                "{fields:?}"
            );
            let org = Organization {
                name: format!("NRC{bad}"),
                acronym: "NRC".into(),
                focal_points: vec![FocalPoint {
                    name: format!("Amal{bad}"),
                    phone: String::new(),
                    email: String::new(),
                }],
                ..Organization::default()
            };
            let fields: Vec<String> = org.validate().into_iter().map(|p| p.field).collect();
            assert_eq!(fields, ["name", "focal_points[1].name"], "{bad:?}");
        }
    }

    #[test]
    fn a_service_serves_its_areas_and_the_places_inside_them() {
        let mut s = crate::model::sample::directory().services[0].clone();
        s.areas = vec!["IQG15".into()];
        assert!(s.serves("IQG15"));
        assert!(s.serves("IQG15Q01"));
        assert!(!s.serves("IQG01"));
        s.areas = vec!["IQG15Q01".into()];
        assert!(
            s.serves("IQG15"),
            "a governorate filter shows its districts' services"
        );
        assert!(!s.serves("IQG15Q02"));
    }
}
