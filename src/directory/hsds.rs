//! Open Referral HSDS 3.0, tabular form: a folder of CSV files (organizations.csv,
//! services.csv, locations.csv, service_at_location.csv, addresses.csv, phones.csv,
//! contacts.csv, schedules.csv, service_areas.csv, languages.csv,
//! required_documents.csv). What Daleel keeps that HSDS has no field for travels in
//! extra columns named `x_daleel_...` (HSDS allows extra fields): the organization's
//! type, the service's sector and its next steps. Service areas are gazetteer P-codes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use uuid::Uuid;

use super::table::{ByKey, Cell, Table, read_csv};
use super::{ImportError, Incoming, Problem, Source, id_of};
use crate::model::directory::FocalPoint;
use crate::model::{
    Gazetteer, OrgType, Organization, Sector, Service, ServiceLocation, ServiceStatus,
};
use crate::store::{Store, StoreError};

pub use super::json::read_json;
pub use super::table::MAX_FILE_BYTES;

/// A row of organizations.csv: the columns Daleel reads.
#[derive(Deserialize, Default)]
#[serde(default)]
struct OrganizationRow {
    id: Cell,
    name: Cell,
    alternate_name: Cell,
    x_daleel_kind: Cell,
}

/// A row of services.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ServiceRow {
    id: Cell,
    name: Cell,
    organization_id: Cell,
    x_daleel_sector: Cell,
    status: Cell,
    description: Cell,
    eligibility_description: Cell,
    application_process: Cell,
    x_daleel_next_steps: Cell,
    fees_description: Cell,
}

/// A row of locations.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct LocationRow {
    id: Cell,
    organization_id: Cell,
    name: Cell,
    latitude: Cell,
    longitude: Cell,
    external_identifier: Cell,
    external_identifier_type: Cell,
}

/// A row of addresses.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AddressRow {
    location_id: Cell,
    address_1: Cell,
    address_2: Cell,
    city: Cell,
    region: Cell,
    state_province: Cell,
}

impl AddressRow {
    /// Its parts, joined.
    fn line(&self) -> String {
        [
            &self.address_1,
            &self.address_2,
            &self.city,
            &self.region,
            &self.state_province,
        ]
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// A row of service_at_location.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ServiceAtLocationRow {
    service_id: Cell,
    location_id: Cell,
}

/// A row of phones.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PhoneRow {
    service_id: Cell,
    contact_id: Cell,
    number: Cell,
}

/// A row of contacts.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ContactRow {
    id: Cell,
    organization_id: Cell,
    name: Cell,
    email: Cell,
}

/// A row of schedules.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ScheduleRow {
    service_id: Cell,
    description: Cell,
    byday: Cell,
    opens_at: Cell,
    closes_at: Cell,
}

/// A row of service_areas.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ServiceAreaRow {
    service_id: Cell,
    name: Cell,
}

/// A row of languages.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct LanguageRow {
    service_id: Cell,
    name: Cell,
    code: Cell,
}

/// A row of required_documents.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentRow {
    service_id: Cell,
    document: Cell,
}

/// Reads `name` in `dir`; none when the file is not there.
fn read_table<R: serde::de::DeserializeOwned>(
    dir: &Path,
    name: &str,
) -> Result<Option<Table<R>>, ImportError> {
    read_csv(&dir.join(name), |_| false)
}

/// Reads an HSDS 3.0 tabular directory.
pub fn read(dir: &Path, gazetteer: &Gazetteer) -> Result<Incoming, ImportError> {
    if !dir.is_dir() {
        return Err(ImportError::NotAFolder {
            path: dir.display().to_string(),
        });
    }
    let services: Table<ServiceRow> =
        read_table(dir, "services.csv")?.ok_or_else(|| ImportError::NoServices {
            path: dir.display().to_string(),
        })?;
    let organizations: Option<Table<OrganizationRow>> = read_table(dir, "organizations.csv")?;
    let locations: Option<Table<LocationRow>> = read_table(dir, "locations.csv")?;
    let at_location: Option<Table<ServiceAtLocationRow>> =
        read_table(dir, "service_at_location.csv")?;
    let addresses: Option<Table<AddressRow>> = read_table(dir, "addresses.csv")?;
    let phones: Option<Table<PhoneRow>> = read_table(dir, "phones.csv")?;
    let contacts: Option<Table<ContactRow>> = read_table(dir, "contacts.csv")?;
    let schedules: Option<Table<ScheduleRow>> = read_table(dir, "schedules.csv")?;
    let areas: Option<Table<ServiceAreaRow>> = read_table(dir, "service_areas.csv")?;
    let languages: Option<Table<LanguageRow>> = read_table(dir, "languages.csv")?;
    let documents: Option<Table<DocumentRow>> = read_table(dir, "required_documents.csv")?;

    let mut incoming = Incoming::default();
    // The rows each file left out, in the order the files are listed above.
    let mut problems: Vec<Problem> = services.problems.clone();
    for p in [
        organizations.as_ref().map(|t| &t.problems),
        locations.as_ref().map(|t| &t.problems),
        at_location.as_ref().map(|t| &t.problems),
        addresses.as_ref().map(|t| &t.problems),
        phones.as_ref().map(|t| &t.problems),
        contacts.as_ref().map(|t| &t.problems),
        schedules.as_ref().map(|t| &t.problems),
        areas.as_ref().map(|t| &t.problems),
        languages.as_ref().map(|t| &t.problems),
        documents.as_ref().map(|t| &t.problems),
    ]
    .into_iter()
    .flatten()
    {
        problems.extend(p.iter().cloned());
    }
    let phones_of_contact = ByKey::new(phones.as_ref(), |r| &r.contact_id);
    let phones_of_service = ByKey::new(phones.as_ref(), |r| &r.service_id);
    let address_of = ByKey::new(addresses.as_ref(), |r| &r.location_id);
    let areas_of = ByKey::new(areas.as_ref(), |r| &r.service_id);
    let locations_of = ByKey::new(at_location.as_ref(), |r| &r.service_id);
    let schedules_of = ByKey::new(schedules.as_ref(), |r| &r.service_id);
    let languages_of = ByKey::new(languages.as_ref(), |r| &r.service_id);
    let documents_of = ByKey::new(documents.as_ref(), |r| &r.service_id);

    let mut org_ids: BTreeSet<String> = BTreeSet::new();
    if let Some(t) = &organizations {
        for (line, r) in &t.rows {
            if r.id.is_empty() {
                problems.push(t.problem(*line, "id", "no id: the organization was left out"));
                continue;
            }
            if r.name.is_empty() {
                problems.push(t.problem(*line, "name", "no name: the organization was left out"));
                continue;
            }
            let kind_text = r.x_daleel_kind.as_str();
            let kind = if kind_text.is_empty() {
                OrgType::Other
            } else {
                OrgType::from_code(kind_text).unwrap_or_else(|| {
                    problems.push(t.problem(
                        *line,
                        "x_daleel_kind",
                        format!(
                            "\"{kind_text}\" is not an organization type ({}): taken as other",
                            OrgType::codes()
                        ),
                    ));
                    OrgType::Other
                })
            };
            org_ids.insert(r.id.0.clone());
            incoming.organizations.push((
                Organization {
                    id: id_of(r.id.as_str()),
                    name: r.name.0.clone(),
                    acronym: r.alternate_name.0.clone(),
                    kind,
                    focal_points: Vec::new(),
                },
                Source {
                    file: t.file.clone(),
                    line: *line,
                },
            ));
        }
    }
    // Focal points: contacts of an organization, with their phone.
    if let Some(t) = &contacts {
        for (line, r) in &t.rows {
            let org = r.organization_id.as_str();
            if org.is_empty() {
                continue;
            }
            if !org_ids.contains(org) {
                problems.push(t.problem(
                    *line,
                    "organization_id",
                    format!("the organization {org} is not in organizations.csv: the contact was left out"),
                ));
                continue;
            }
            let phone = phones_of_contact
                .first(r.id.as_str())
                .map(|p| p.number.0.clone())
                .unwrap_or_default();
            if let Some((o, _)) = incoming
                .organizations
                .iter_mut()
                .find(|(o, _)| o.id == id_of(org))
            {
                o.focal_points.push(FocalPoint {
                    name: r.name.0.clone(),
                    phone,
                    email: r.email.0.clone(),
                });
            }
        }
    }
    // Locations that can be used: a known organization (when one is named), and a
    // latitude and longitude on the Earth (when given).
    let mut places: BTreeMap<String, ServiceLocation> = BTreeMap::new();
    if let Some(t) = &locations {
        for (line, r) in &t.rows {
            let org = r.organization_id.as_str();
            let mut bad = false;
            if !org.is_empty() && !org_ids.contains(org) {
                problems.push(t.problem(
                    *line,
                    "organization_id",
                    format!("the organization {org} is not in organizations.csv: the location was left out"),
                ));
                bad = true;
            }
            for (col, text, limit) in [
                ("latitude", &r.latitude, 90.0),
                ("longitude", &r.longitude, 180.0),
            ] {
                let text = text.as_str();
                if text.is_empty() {
                    continue;
                }
                match text.parse::<f64>() {
                    Ok(v) if v.abs() <= limit => {}
                    _ => {
                        problems.push(t.problem(
                            *line,
                            col,
                            format!("{text} is not a {col} (between -{limit} and {limit}): the location was left out"),
                        ));
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            let address = address_of
                .first(r.id.as_str())
                .map(AddressRow::line)
                .unwrap_or_default();
            let pcode = (r
                .external_identifier_type
                .as_str()
                .eq_ignore_ascii_case("pcode"))
            .then(|| r.external_identifier.0.clone())
            .filter(|p| !p.is_empty());
            places.insert(
                r.id.0.clone(),
                ServiceLocation {
                    name: r.name.0.clone(),
                    address,
                    pcode,
                },
            );
        }
    }
    let t = &services;
    for (line, r) in &t.rows {
        let (id, name, org) = (r.id.as_str(), &r.name, r.organization_id.as_str());
        if id.is_empty() || name.is_empty() || org.is_empty() {
            let column = if id.is_empty() {
                "id"
            } else if name.is_empty() {
                "name"
            } else {
                "organization_id"
            };
            problems.push(t.problem(
                *line,
                column,
                format!("no {column}: the service was left out"),
            ));
            continue;
        }
        let sector_text = r.x_daleel_sector.as_str();
        let sector = if sector_text.is_empty() {
            Sector::Other
        } else {
            match Sector::from_code(sector_text) {
                Some(s) => s,
                None => {
                    problems.push(t.problem(
                        *line,
                        "x_daleel_sector",
                        format!(
                            "\"{sector_text}\" is not a sector ({}): the service was left out",
                            Sector::codes()
                        ),
                    ));
                    continue;
                }
            }
        };
        let status = match r.status.as_str().to_lowercase().as_str() {
            "" | "active" => ServiceStatus::Active,
            _ => ServiceStatus::Inactive,
        };
        let mut service_areas = Vec::new();
        for (a, aline, row) in areas_of.get(id) {
            let code = row.name.as_str();
            if gazetteer.get(code).is_some() {
                service_areas.push(code.to_string());
            } else {
                problems.push(a.problem(
                    aline,
                    "name",
                    format!("\"{}\" is not a P-code of the gazetteer (such as IQG15): this area was left out", crate::model::text::short(code)),
                ));
            }
        }
        let mut service_locations = Vec::new();
        for (s, sline, row) in locations_of.get(id) {
            let location = row.location_id.as_str();
            match places.get(location) {
                Some(place) => service_locations.push(place.clone()),
                None => problems.push(s.problem(
                    sline,
                    "location_id",
                    format!("the location {location} is not among the usable ones of locations.csv: left out"),
                )),
            }
        }
        let hours = schedules_of
            .first(id)
            .map(|s| {
                if s.description.is_empty() {
                    if s.opens_at.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "{} {}-{}",
                            s.byday.as_str(),
                            s.opens_at.as_str(),
                            s.closes_at.as_str()
                        )
                        .trim()
                        .to_string()
                    }
                } else {
                    s.description.0.clone()
                }
            })
            .unwrap_or_default();
        let phone = phones_of_service
            .first(id)
            .map(|p| p.number.0.clone())
            .unwrap_or_default();
        let langs = languages_of
            .get(id)
            .iter()
            .map(|(_, _, l)| {
                if l.name.is_empty() {
                    l.code.0.clone()
                } else {
                    l.name.0.clone()
                }
            })
            .filter(|v| !v.is_empty())
            .collect();
        let docs = documents_of
            .get(id)
            .iter()
            .map(|(_, _, d)| d.document.0.clone())
            .filter(|v| !v.is_empty())
            .collect();
        incoming.services.push((
            Service {
                id: id_of(id),
                organization: id_of(org),
                name: name.0.clone(),
                sector,
                description: r.description.0.clone(),
                eligibility: r.eligibility_description.0.clone(),
                areas: service_areas,
                locations: service_locations,
                hours,
                phone,
                referral_method: r.application_process.0.clone(),
                next_steps: r.x_daleel_next_steps.0.clone(),
                languages: langs,
                required_documents: docs,
                fees: r.fees_description.0.clone(),
                status,
            },
            Source {
                file: t.file.clone(),
                line: *line,
            },
        ));
    }
    incoming.problems = problems;
    Ok(incoming)
}

/// A stable id for a row that belongs to a record (its phone, its n-th language).
fn child_id(parent: Uuid, what: &str, n: usize) -> String {
    id_of(&format!("{parent}/{what}/{n}")).to_string()
}

/// Writes this laptop's directory (its own records and the built-in sample) as HSDS 3.0
/// tabular files into `dir`, each file whole or not at all. Returns (organizations,
/// services).
pub fn write(store: &Store, dir: &Path) -> Result<(usize, usize), StoreError> {
    let orgs = store.organizations()?;
    let services = store.services()?;
    let mut files: BTreeMap<&str, crate::report::CsvOut> = BTreeMap::new();
    let header = |cols: &[&str]| {
        let mut w = crate::report::CsvOut::new();
        let _ = w.row(cols);
        w
    };
    files.insert(
        "organizations.csv",
        header(&[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
            "x_daleel_kind",
        ]),
    );
    files.insert(
        "services.csv",
        header(&[
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
            "x_daleel_sector",
            "x_daleel_next_steps",
        ]),
    );
    files.insert(
        "locations.csv",
        header(&[
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ]),
    );
    files.insert(
        "addresses.csv",
        header(&[
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ]),
    );
    files.insert(
        "service_at_location.csv",
        header(&["id", "service_id", "location_id", "description"]),
    );
    files.insert(
        "phones.csv",
        header(&[
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ]),
    );
    files.insert(
        "contacts.csv",
        header(&[
            "id",
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
            "name",
            "title",
            "department",
            "email",
        ]),
    );
    files.insert(
        "schedules.csv",
        header(&[
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ]),
    );
    files.insert(
        "service_areas.csv",
        header(&[
            "id",
            "service_id",
            "name",
            "description",
            "extent",
            "extent_type",
            "uri",
        ]),
    );
    files.insert(
        "languages.csv",
        header(&[
            "id",
            "service_id",
            "location_id",
            "phone_id",
            "name",
            "code",
            "note",
        ]),
    );
    files.insert(
        "required_documents.csv",
        header(&["id", "service_id", "document", "uri"]),
    );
    let gazetteer = store.gazetteer();
    let mut put = |file: &str, row: Vec<String>| {
        if let Some(w) = files.get_mut(file) {
            let _ = w.row(&row);
        }
    };
    let s = |v: &str| v.to_string();
    for o in &orgs {
        let mut row = vec![o.id.to_string(), o.name.clone(), o.acronym.clone()];
        row.extend(std::iter::repeat_n(String::new(), 10));
        row.push(s(o.kind.code()));
        put("organizations.csv", row);
        for (n, f) in o.focal_points.iter().enumerate() {
            let contact = child_id(o.id, "contact", n);
            put(
                "contacts.csv",
                vec![
                    contact.clone(),
                    o.id.to_string(),
                    s(""),
                    s(""),
                    s(""),
                    f.name.clone(),
                    s(""),
                    s(""),
                    f.email.clone(),
                ],
            );
            if !f.phone.is_empty() {
                put(
                    "phones.csv",
                    vec![
                        child_id(o.id, "contact-phone", n),
                        s(""),
                        s(""),
                        o.id.to_string(),
                        contact,
                        s(""),
                        f.phone.clone(),
                        s(""),
                        s("voice"),
                        s(""),
                    ],
                );
            }
        }
    }
    for v in &services {
        let id = v.id.to_string();
        let status = match v.status {
            ServiceStatus::Active => "active",
            ServiceStatus::Inactive => "inactive",
        };
        let mut row = vec![
            id.clone(),
            v.organization.to_string(),
            s(""),
            v.name.clone(),
            s(""),
            v.description.clone(),
            s(""),
            s(""),
            s(status),
            s(""),
            v.referral_method.clone(),
            v.fees.clone(),
            s(""),
            s(""),
            s(""),
            v.eligibility.clone(),
        ];
        row.extend(std::iter::repeat_n(String::new(), 7));
        row.push(s(v.sector.code()));
        row.push(v.next_steps.clone());
        put("services.csv", row);
        for (n, l) in v.locations.iter().enumerate() {
            let location = child_id(v.id, "location", n);
            put(
                "locations.csv",
                vec![
                    location.clone(),
                    s("physical"),
                    s(""),
                    v.organization.to_string(),
                    l.name.clone(),
                    s(""),
                    s(""),
                    s(""),
                    s(""),
                    s(""),
                    l.pcode.clone().unwrap_or_default(),
                    s(if l.pcode.is_some() { "pcode" } else { "" }),
                ],
            );
            if !l.address.is_empty() {
                put(
                    "addresses.csv",
                    vec![
                        child_id(v.id, "address", n),
                        location.clone(),
                        s(""),
                        l.address.clone(),
                        s(""),
                        s(""),
                        s(""),
                        s(""),
                        s(""),
                        s("IQ"),
                        s("physical"),
                    ],
                );
            }
            put(
                "service_at_location.csv",
                vec![child_id(v.id, "at", n), id.clone(), location, s("")],
            );
        }
        if !v.phone.is_empty() {
            put(
                "phones.csv",
                vec![
                    child_id(v.id, "phone", 0),
                    s(""),
                    id.clone(),
                    s(""),
                    s(""),
                    s(""),
                    v.phone.clone(),
                    s(""),
                    s("voice"),
                    s(""),
                ],
            );
        }
        if !v.hours.is_empty() {
            let mut row = vec![child_id(v.id, "schedule", 0), id.clone()];
            row.extend(std::iter::repeat_n(String::new(), 15));
            row.push(v.hours.clone());
            row.extend(std::iter::repeat_n(String::new(), 5));
            put("schedules.csv", row);
        }
        for (n, a) in v.areas.iter().enumerate() {
            put(
                "service_areas.csv",
                vec![
                    child_id(v.id, "area", n),
                    id.clone(),
                    a.clone(),
                    gazetteer.name(a),
                    s(""),
                    s(""),
                    s(""),
                ],
            );
        }
        for (n, l) in v.languages.iter().enumerate() {
            put(
                "languages.csv",
                vec![
                    child_id(v.id, "language", n),
                    id.clone(),
                    s(""),
                    s(""),
                    l.clone(),
                    s(""),
                    s(""),
                ],
            );
        }
        for (n, d) in v.required_documents.iter().enumerate() {
            put(
                "required_documents.csv",
                vec![child_id(v.id, "document", n), id.clone(), d.clone(), s("")],
            );
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| StoreError::MakeFolder {
        path: dir.to_path_buf(),
        source,
    })?;
    for (name, w) in files {
        let bytes = w.finish()?;
        crate::disk::write_whole(&dir.join(name), &bytes, crate::disk::Access::Shared).map_err(
            |source| StoreError::Write {
                path: dir.join(name),
                source,
            },
        )?;
    }
    Ok((orgs.len(), services.len()))
}
