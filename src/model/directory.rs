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
    /// Its name in the other language (Arabic, for an organization named in English),
    /// as HSDS `alternate_name`: shown beside the name and searched. (Format 2.)
    pub alternate_name: String,
    pub description: String,
    pub website: String,
    pub email: String,
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
                ("alternate_name", self.alternate_name.as_str()),
                ("description", self.description.as_str()),
                ("website", self.website.as_str()),
                ("email", self.email.as_str()),
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
    /// Its name in the other language (HSDS `alternate_name`): shown and searched.
    /// The fields from here on came with format 2 (issue 18): appended, so that an older
    /// laptop keeps the fields it knows and passes these on.
    pub alternate_name: String,
    pub url: String,
    pub email: String,
    /// What HSDS says of each place of `locations`, in the same order (its id, its other
    /// name, its coordinates); shorter when some place has none.
    pub location_details: Vec<LocationDetail>,
    /// Every phone of the service, with its id, extension and description; `phone` is
    /// the first number (the one an older laptop shows).
    pub phones: Vec<PhoneDetail>,
    /// The id and code of each language of `languages`, matched by name.
    pub language_details: Vec<LanguageDetail>,
    /// When it is open, as HSDS schedules; `hours` says it in words.
    pub schedules: Vec<Schedule>,
}

/// What HSDS holds of a place that `ServiceLocation` has no field for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LocationDetail {
    /// Its id in the directory it came from (kept, so that a re-import updates it).
    pub id: String,
    /// Its name in the other language.
    pub alternate_name: String,
    /// Decimal degrees, as written in the file (checked to be on the Earth), or empty.
    pub latitude: String,
    pub longitude: String,
}

/// A phone of a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PhoneDetail {
    pub id: String,
    pub number: String,
    /// Digits only (HSDS has it as a number), or empty.
    pub extension: String,
    /// What the number is for ("reception, 8:00 to 18:00").
    pub description: String,
}

/// A language a service is offered in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LanguageDetail {
    pub id: String,
    /// As in `Service::languages`.
    pub name: String,
    /// ISO 639 code ("ar", "ckb"), or empty.
    pub code: String,
}

/// One HSDS schedule: on which days (iCalendar BYDAY: "SU,MO,TU") from when to when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Schedule {
    pub id: String,
    /// iCalendar FREQ ("WEEKLY"), or empty.
    pub freq: String,
    pub byday: String,
    /// HH:MM:SS, or empty.
    pub opens_at: String,
    pub closes_at: String,
    pub description: String,
}

impl Schedule {
    /// In words: its description, else "SU,MO 08:00-14:00".
    pub fn words(&self) -> String {
        if !self.description.is_empty() {
            return self.description.clone();
        }
        let hm = |t: &str| t.get(..5).unwrap_or(t).to_string();
        let times = if self.opens_at.is_empty() && self.closes_at.is_empty() {
            String::new()
        } else {
            format!("{}-{}", hm(&self.opens_at), hm(&self.closes_at))
        };
        format!("{} {times}", self.byday).trim().to_string()
    }
}

/// An organization as format 1 stored it (before `alternate_name` and the rest): stored
/// records and hand-offs of that format are read through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct OrganizationV1 {
    pub id: Uuid,
    pub name: String,
    pub acronym: String,
    pub kind: OrgType,
    pub focal_points: Vec<FocalPoint>,
}

impl From<OrganizationV1> for Organization {
    fn from(o: OrganizationV1) -> Organization {
        Organization {
            id: o.id,
            name: o.name,
            acronym: o.acronym,
            kind: o.kind,
            focal_points: o.focal_points,
            ..Organization::default()
        }
    }
}

/// A service as format 1 stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ServiceV1 {
    pub id: Uuid,
    pub organization: Uuid,
    pub name: String,
    pub sector: Sector,
    pub description: String,
    pub eligibility: String,
    pub areas: Vec<String>,
    pub locations: Vec<ServiceLocation>,
    pub hours: String,
    pub phone: String,
    pub referral_method: String,
    pub next_steps: String,
    pub languages: Vec<String>,
    pub required_documents: Vec<String>,
    pub fees: String,
    pub status: ServiceStatus,
}

impl From<ServiceV1> for Service {
    fn from(s: ServiceV1) -> Service {
        Service {
            id: s.id,
            organization: s.organization,
            name: s.name,
            sector: s.sector,
            description: s.description,
            eligibility: s.eligibility,
            areas: s.areas,
            locations: s.locations,
            hours: s.hours,
            phone: s.phone,
            referral_method: s.referral_method,
            next_steps: s.next_steps,
            languages: s.languages,
            required_documents: s.required_documents,
            fees: s.fees,
            status: s.status,
            ..Service::default()
        }
    }
}

impl From<&Organization> for OrganizationV1 {
    fn from(o: &Organization) -> OrganizationV1 {
        OrganizationV1 {
            id: o.id,
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            kind: o.kind,
            focal_points: o.focal_points.clone(),
        }
    }
}

impl From<&Service> for ServiceV1 {
    fn from(s: &Service) -> ServiceV1 {
        ServiceV1 {
            id: s.id,
            organization: s.organization,
            name: s.name.clone(),
            sector: s.sector,
            description: s.description.clone(),
            eligibility: s.eligibility.clone(),
            areas: s.areas.clone(),
            locations: s.locations.clone(),
            hours: s.hours.clone(),
            phone: s.phone.clone(),
            referral_method: s.referral_method.clone(),
            next_steps: s.next_steps.clone(),
            languages: s.languages.clone(),
            required_documents: s.required_documents.clone(),
            fees: s.fees.clone(),
            status: s.status,
        }
    }
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
                ("alternate_name", self.alternate_name.as_str()),
                ("url", self.url.as_str()),
                ("email", self.email.as_str()),
            ],
            &mut problems,
        );
        for (i, d) in self.location_details.iter().enumerate() {
            for (part, value) in [
                ("id", &d.id),
                ("alternate_name", &d.alternate_name),
                ("latitude", &d.latitude),
                ("longitude", &d.longitude),
            ] {
                problems.extend(text::check(
                    &format!("location_details[{}].{part}", i + 1),
                    value,
                ));
            }
        }
        for (i, p) in self.phones.iter().enumerate() {
            for (part, value) in [
                ("id", &p.id),
                ("number", &p.number),
                ("extension", &p.extension),
                ("description", &p.description),
            ] {
                problems.extend(text::check(&format!("phones[{}].{part}", i + 1), value));
            }
        }
        for (i, l) in self.language_details.iter().enumerate() {
            for (part, value) in [("id", &l.id), ("name", &l.name), ("code", &l.code)] {
                problems.extend(text::check(
                    &format!("language_details[{}].{part}", i + 1),
                    value,
                ));
            }
        }
        for (i, h) in self.schedules.iter().enumerate() {
            for (part, value) in [
                ("id", &h.id),
                ("freq", &h.freq),
                ("byday", &h.byday),
                ("opens_at", &h.opens_at),
                ("closes_at", &h.closes_at),
                ("description", &h.description),
            ] {
                problems.extend(text::check(&format!("schedules[{}].{part}", i + 1), value));
            }
        }
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
