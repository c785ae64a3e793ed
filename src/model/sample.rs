//! The built-in SAMPLE service directory: a base layer compiled into the binary with fixed
//! ids, marked SAMPLE wherever it shows (a real directory import retires it: field-fit
//! issue). It is not in any change log and is never
//! exported; an edit to a sample record is an ordinary change that replaces it.

use std::sync::OnceLock;

use serde::Deserialize;
use uuid::Uuid;

use super::directory::FocalPoint;
use super::{OrgType, Organization, Sector, Service, ServiceLocation, ServiceStatus};

const SOURCE: &str = include_str!("sample_directory.toml");

/// The sample directory's organizations and services.
#[derive(Debug, Clone)]
pub struct Directory {
    pub organizations: Vec<Organization>,
    pub services: Vec<Service>,
}

/// The fixed id of sample organization `n`.
pub fn organization_id(n: u16) -> Uuid {
    Uuid::from_u128(0x0000_0000_0000_7000_8000_0001_0000_0000 | u128::from(n))
}

/// The fixed id of sample service `n`.
pub fn service_id(n: u16) -> Uuid {
    Uuid::from_u128(0x0000_0000_0000_7000_8000_0002_0000_0000 | u128::from(n))
}

/// Whether an id belongs to the sample directory.
pub fn is_sample_id(id: Uuid) -> bool {
    matches!(id.as_u128() >> 32, 0x7000_8000_0001 | 0x7000_8000_0002)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    organization: Vec<OrgRow>,
    service: Vec<ServiceRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgRow {
    id: u16,
    name: String,
    acronym: String,
    kind: String,
    focal_points: Vec<FocalRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FocalRow {
    name: String,
    phone: String,
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceRow {
    id: u16,
    organization: u16,
    name: String,
    sector: String,
    description: String,
    eligibility: String,
    areas: Vec<String>,
    locations: Vec<LocationRow>,
    hours: String,
    phone: String,
    referral_method: String,
    next_steps: String,
    languages: Vec<String>,
    required_documents: Vec<String>,
    fees: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationRow {
    name: String,
    address: String,
    pcode: String,
}

/// The sample directory, parsed once and lent (callers clone only what they keep). The
/// file is part of the source and checked by the tests, so a failure here is a build
/// defect, reported as an empty directory in release.
pub fn directory() -> &'static Directory {
    static DIRECTORY: OnceLock<Directory> = OnceLock::new();
    DIRECTORY.get_or_init(|| {
        parse(SOURCE).unwrap_or_else(|_| Directory {
            organizations: Vec::new(),
            services: Vec::new(),
        })
    })
}

/// Why the built-in directory does not read (a test keeps that from happening).
#[derive(Debug, thiserror::Error)]
enum SampleError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("organization {id}: kind {kind}")]
    Kind { id: u16, kind: String },
    #[error("service {id}: sector {sector}")]
    Sector { id: u16, sector: String },
    #[error("service {id}: status {status}")]
    Status { id: u16, status: String },
}

fn parse(text: &str) -> Result<Directory, SampleError> {
    let file: File = toml::from_str(text)?;
    let organizations = file
        .organization
        .into_iter()
        .map(|o| {
            Ok(Organization {
                id: organization_id(o.id),
                name: o.name,
                acronym: o.acronym,
                kind: OrgType::from_code(&o.kind).ok_or_else(|| SampleError::Kind {
                    id: o.id,
                    kind: o.kind.clone(),
                })?,
                focal_points: o
                    .focal_points
                    .into_iter()
                    .map(|f| FocalPoint {
                        name: f.name,
                        phone: f.phone,
                        email: f.email,
                    })
                    .collect(),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>, SampleError>>()?;
    let services = file
        .service
        .into_iter()
        .map(|s| {
            Ok(Service {
                id: service_id(s.id),
                organization: organization_id(s.organization),
                name: s.name,
                sector: Sector::from_code(&s.sector).ok_or_else(|| SampleError::Sector {
                    id: s.id,
                    sector: s.sector.clone(),
                })?,
                description: s.description,
                eligibility: s.eligibility,
                areas: s.areas,
                locations: s
                    .locations
                    .into_iter()
                    .map(|l| ServiceLocation {
                        name: l.name,
                        address: l.address,
                        pcode: (!l.pcode.is_empty()).then_some(l.pcode),
                    })
                    .collect(),
                hours: s.hours,
                phone: s.phone,
                referral_method: s.referral_method,
                next_steps: s.next_steps,
                languages: s.languages,
                required_documents: s.required_documents,
                fees: s.fees,
                status: ServiceStatus::from_code(&s.status).ok_or_else(|| SampleError::Status {
                    id: s.id,
                    status: s.status.clone(),
                })?,
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>, SampleError>>()?;
    Ok(Directory {
        organizations,
        services,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Gazetteer;
    use std::collections::BTreeSet;

    #[test]
    fn the_sample_directory_parses_and_hangs_together() {
        let d = parse(SOURCE).expect("sample_directory.toml parses");
        assert!(
            d.services.len() >= 30,
            "about 40 services, found {}",
            d.services.len()
        );
        let orgs: BTreeSet<Uuid> = d.organizations.iter().map(|o| o.id).collect();
        assert_eq!(
            orgs.len(),
            d.organizations.len(),
            "organization ids are unique"
        );
        let ids: BTreeSet<Uuid> = d.services.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), d.services.len(), "service ids are unique");
        let gazetteer = Gazetteer::builtin();
        for s in &d.services {
            assert!(
                orgs.contains(&s.organization),
                "{} has a known organization",
                s.name
            );
            assert!(is_sample_id(s.id));
            for area in &s.areas {
                assert!(
                    gazetteer.get(area).is_some(),
                    "{}: area {area} is a known code",
                    s.name
                );
            }
            assert!(
                s.phone.starts_with("0750 000 0"),
                "{}: sample phones are placeholders",
                s.name
            );
        }
        assert!(!is_sample_id(Uuid::now_v7()));
    }
}
