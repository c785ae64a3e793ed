//! Open Referral HSDS 3.0, tabular form: a folder of CSV files (organizations.csv,
//! services.csv, locations.csv, service_at_location.csv, addresses.csv, phones.csv,
//! contacts.csv, schedules.csv, service_areas.csv, languages.csv,
//! required_documents.csv, taxonomy_terms.csv with attributes.csv). What Daleel keeps
//! that HSDS has no field for travels in extra columns named `x_daleel_...` (HSDS allows
//! extra fields; `hsds_out` writes them and describes them in datapackage.json): the
//! organization's type and acronym, the service's sector and next steps, a place's
//! address when it is not a postal one. Service areas are gazetteer P-codes, or names
//! of the gazetteer's places (English or Arabic). What a file holds that Daleel does not
//! keep is counted by `not_kept`, so that the preview lists it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::table::{ByKey, Cell, Table, read_csv};
use super::taxonomy::Taxonomy;
use super::{ImportError, Incoming, Problem, Source, id_of};
use crate::model::directory::FocalPoint;
use crate::model::{
    Gazetteer, LanguageDetail, LocationDetail, OrgType, Organization, PhoneDetail, Schedule,
    Sector, Service, ServiceLocation, ServiceStatus,
};

pub use super::hsds_out::write;
pub use super::json::read_json;
pub use super::table::MAX_FILE_BYTES;

/// A row of organizations.csv: the columns Daleel reads.
#[derive(Deserialize, Default)]
#[serde(default)]
struct OrganizationRow {
    id: Cell,
    name: Cell,
    alternate_name: Cell,
    description: Cell,
    email: Cell,
    website: Cell,
    x_daleel_kind: Cell,
    x_daleel_acronym: Cell,
}

/// A row of services.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ServiceRow {
    id: Cell,
    name: Cell,
    organization_id: Cell,
    alternate_name: Cell,
    url: Cell,
    email: Cell,
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
    alternate_name: Cell,
    latitude: Cell,
    longitude: Cell,
    external_identifier: Cell,
    external_identifier_type: Cell,
    x_daleel_address: Cell,
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
    id: Cell,
    service_id: Cell,
    contact_id: Cell,
    number: Cell,
    extension: Cell,
    description: Cell,
}

/// A row of contacts.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ContactRow {
    id: Cell,
    organization_id: Cell,
    name: Cell,
    email: Cell,
    x_daleel_email: Cell,
}

/// A row of schedules.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ScheduleRow {
    id: Cell,
    service_id: Cell,
    freq: Cell,
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
    id: Cell,
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

/// A row of taxonomy_terms.csv.
#[derive(Deserialize, Default)]
#[serde(default)]
struct TermRow {
    id: Cell,
    code: Cell,
    name: Cell,
}

/// A row of attributes.csv: a term given to a record.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AttributeRow {
    link_id: Cell,
    taxonomy_term_id: Cell,
    link_entity: Cell,
}

/// The files an HSDS folder may hold that Daleel reads, with the columns it keeps
/// (`not_kept` counts the others).
pub(crate) fn kept_columns(file: &str) -> Option<&'static [&'static str]> {
    use super::table::field_names;
    Some(match file {
        "organizations.csv" => field_names::<OrganizationRow>(),
        "services.csv" => field_names::<ServiceRow>(),
        "locations.csv" => field_names::<LocationRow>(),
        "addresses.csv" => field_names::<AddressRow>(),
        "service_at_location.csv" => field_names::<ServiceAtLocationRow>(),
        "phones.csv" => field_names::<PhoneRow>(),
        "contacts.csv" => field_names::<ContactRow>(),
        "schedules.csv" => field_names::<ScheduleRow>(),
        "service_areas.csv" => field_names::<ServiceAreaRow>(),
        "languages.csv" => field_names::<LanguageRow>(),
        "required_documents.csv" => field_names::<DocumentRow>(),
        "taxonomy_terms.csv" => field_names::<TermRow>(),
        "attributes.csv" => field_names::<AttributeRow>(),
        _ => return None,
    })
}

/// Whether an email address looks like one (one `@`, a dot after it, no spaces): what
/// the HSDS data package's `email` format takes.
pub(crate) fn is_email(v: &str) -> bool {
    let mut parts = v.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(domain), None) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
        }
        _ => false,
    }
}

/// Whether a web address has a scheme (http, https): what the `uri` format takes.
pub(crate) fn is_url(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && v.len() > 8
        && !v.contains(char::is_whitespace)
}

/// A time of day as HSDS writes it (HH:MM:SS), from HH:MM or HH:MM:SS.
pub(crate) fn time_of_day(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split(':').collect();
    let num = |p: &str, max: u32| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    match parts.as_slice() {
        [h, m] => Some(format!("{:02}:{:02}:00", num(h, 23)?, num(m, 59)?)),
        [h, m, s] => Some(format!(
            "{:02}:{:02}:{:02}",
            num(h, 23)?,
            num(m, 59)?,
            num(s, 59)?
        )),
        _ => None,
    }
}

/// Reads `name` in `dir`; none when the file is not there.
fn read_table<R: serde::de::DeserializeOwned>(
    dir: &Path,
    name: &str,
) -> Result<Option<Table<R>>, ImportError> {
    read_csv(&dir.join(name), |_| false)
}

/// Reads an HSDS 3.0 tabular directory, taxonomy terms mapped by the built-in table and
/// config.toml's `[taxonomy]` (`taxonomy::set_user`).
pub fn read(dir: &Path, gazetteer: &Gazetteer) -> Result<Incoming, ImportError> {
    read_mapped(dir, gazetteer, &Taxonomy::current())
}

/// Reads an HSDS 3.0 tabular directory, taxonomy terms mapped by `taxonomy`.
pub fn read_mapped(
    dir: &Path,
    gazetteer: &Gazetteer,
    taxonomy: &Taxonomy,
) -> Result<Incoming, ImportError> {
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
    let terms: Option<Table<TermRow>> = read_table(dir, "taxonomy_terms.csv")?;
    let attributes: Option<Table<AttributeRow>> = read_table(dir, "attributes.csv")?;

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
        terms.as_ref().map(|t| &t.problems),
        attributes.as_ref().map(|t| &t.problems),
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
    let terms_of = ByKey::new(attributes.as_ref(), |r| &r.link_id);
    let term_by_id = ByKey::new(terms.as_ref(), |r| &r.id);

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
            // Daleel's own export says which is the acronym; another directory's
            // alternate name is the acronym unless it is in Arabic script.
            let (acronym, alternate_name) =
                if !r.x_daleel_acronym.is_empty() || headers_hold(&t.headers, "x_daleel_acronym") {
                    (r.x_daleel_acronym.0.clone(), r.alternate_name.0.clone())
                } else if is_arabic(r.alternate_name.as_str()) {
                    (String::new(), r.alternate_name.0.clone())
                } else {
                    (r.alternate_name.0.clone(), String::new())
                };
            let email = checked(&mut problems, t, *line, "email", &r.email, is_email);
            let website = checked(&mut problems, t, *line, "website", &r.website, is_url);
            incoming.organizations.push((
                Organization {
                    id: id_of(r.id.as_str()),
                    name: r.name.0.clone(),
                    acronym,
                    kind,
                    focal_points: Vec::new(),
                    alternate_name,
                    // Daleel's export writes the name where HSDS requires a description.
                    description: if r.description == r.name {
                        String::new()
                    } else {
                        r.description.0.clone()
                    },
                    website,
                    email,
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
                    // An email as typed that is not one travels in Daleel's own column.
                    email: if r.email.is_empty() {
                        r.x_daleel_email.0.clone()
                    } else {
                        r.email.0.clone()
                    },
                });
            }
        }
    }
    // Locations that can be used: a known organization (when one is named), and a
    // latitude and longitude on the Earth (when given).
    let mut places: BTreeMap<String, (ServiceLocation, LocationDetail)> = BTreeMap::new();
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
                    Ok(v) if v.abs() <= limit && v.is_finite() => {}
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
                .unwrap_or_else(|| r.x_daleel_address.0.clone());
            let pcode = (r
                .external_identifier_type
                .as_str()
                .eq_ignore_ascii_case("pcode"))
            .then(|| r.external_identifier.0.clone())
            .filter(|p| !p.is_empty());
            places.insert(
                r.id.0.clone(),
                (
                    ServiceLocation {
                        name: r.name.0.clone(),
                        address,
                        pcode,
                    },
                    LocationDetail {
                        id: r.id.0.clone(),
                        alternate_name: r.alternate_name.0.clone(),
                        latitude: degrees(r.latitude.as_str()),
                        longitude: degrees(r.longitude.as_str()),
                    },
                ),
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
            let given: Vec<&TermRow> = terms_of
                .get(id)
                .iter()
                .filter(|(_, _, a)| {
                    a.link_entity.is_empty()
                        || a.link_entity.as_str().eq_ignore_ascii_case("service")
                })
                .filter_map(|(_, _, a)| term_by_id.first(a.taxonomy_term_id.as_str()))
                .collect();
            match given
                .iter()
                .find_map(|term| taxonomy.sector(term.code.as_str(), term.name.as_str()))
            {
                Some(s) => s,
                None => {
                    let named: Vec<String> = given
                        .iter()
                        .map(|term| {
                            crate::model::text::short(if term.name.is_empty() {
                                term.code.as_str()
                            } else {
                                term.name.as_str()
                            })
                        })
                        .collect();
                    problems.push(t.problem(
                        *line,
                        "x_daleel_sector",
                        if named.is_empty() {
                            "no sector and no taxonomy term: filed under other".to_string()
                        } else {
                            format!(
                                "no sector, and no taxonomy term Daleel knows ({}): filed under other; add the term to [taxonomy] in config.toml to file it under a sector",
                                named.join(", ")
                            )
                        },
                    ));
                    Sector::Other
                }
            }
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
            } else if let Some(area) = super::places::by_name(gazetteer, code) {
                service_areas.push(area.pcode.clone());
            } else {
                problems.push(a.problem(
                    aline,
                    "name",
                    format!("\"{}\" is neither a P-code of the gazetteer (such as IQG15) nor the English or Arabic name of one of its places: this area was left out", crate::model::text::short(code)),
                ));
            }
        }
        let mut service_locations = Vec::new();
        let mut location_details = Vec::new();
        for (s, sline, row) in locations_of.get(id) {
            let location = row.location_id.as_str();
            match places.get(location) {
                Some((place, detail)) => {
                    service_locations.push(place.clone());
                    location_details.push(detail.clone());
                }
                None => problems.push(s.problem(
                    sline,
                    "location_id",
                    format!("the location {location} is not among the usable ones of locations.csv: left out"),
                )),
            }
        }
        let mut schedules = Vec::new();
        for (h, hline, row) in schedules_of.get(id) {
            let mut times = [String::new(), String::new()];
            for (slot, (col, v)) in times
                .iter_mut()
                .zip([("opens_at", &row.opens_at), ("closes_at", &row.closes_at)])
            {
                if v.is_empty() {
                    continue;
                }
                match time_of_day(v.as_str()) {
                    Some(t) => *slot = t,
                    None => problems.push(h.problem(
                        hline,
                        col,
                        format!(
                            "\"{}\" is not a time of day (such as 08:30): left out",
                            crate::model::text::short(v.as_str())
                        ),
                    )),
                }
            }
            let [opens_at, closes_at] = times;
            schedules.push(Schedule {
                id: row.id.0.clone(),
                freq: row.freq.0.clone(),
                byday: row.byday.0.clone(),
                opens_at,
                closes_at,
                description: row.description.0.clone(),
            });
        }
        let hours = schedules
            .iter()
            .map(Schedule::words)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let mut phones = Vec::new();
        for (p, pline, row) in phones_of_service.get(id) {
            if row.number.is_empty() {
                continue;
            }
            let extension = checked(&mut problems, p, pline, "extension", &row.extension, |v| {
                v.bytes().all(|b| b.is_ascii_digit())
            });
            phones.push(PhoneDetail {
                id: row.id.0.clone(),
                number: row.number.0.clone(),
                extension,
                description: row.description.0.clone(),
            });
        }
        let phone = phones.first().map(|p| p.number.clone()).unwrap_or_default();
        let mut langs = Vec::new();
        let mut language_details = Vec::new();
        for (_, _, l) in languages_of.get(id) {
            let name = if l.name.is_empty() {
                l.code.0.clone()
            } else {
                l.name.0.clone()
            };
            if name.is_empty() {
                continue;
            }
            language_details.push(LanguageDetail {
                id: l.id.0.clone(),
                name: name.clone(),
                code: l.code.0.clone(),
            });
            langs.push(name);
        }
        let url = checked(&mut problems, t, *line, "url", &r.url, is_url);
        let email = checked(&mut problems, t, *line, "email", &r.email, is_email);
        let docs = documents_of
            .get(id)
            .iter()
            .map(|(_, _, d)| d.document.0.clone())
            .filter(|v| !v.is_empty())
            .collect();
        let mut service = Service {
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
            alternate_name: r.alternate_name.0.clone(),
            url,
            email,
            location_details,
            phones,
            language_details,
            schedules,
        };
        super::tidy(&mut service);
        incoming.services.push((
            service,
            Source {
                file: t.file.clone(),
                line: *line,
            },
        ));
    }
    incoming.problems = problems;
    let encodings = [
        Some((&services.file, services.encoding)),
        organizations.as_ref().map(|t| (&t.file, t.encoding)),
        locations.as_ref().map(|t| (&t.file, t.encoding)),
        at_location.as_ref().map(|t| (&t.file, t.encoding)),
        addresses.as_ref().map(|t| (&t.file, t.encoding)),
        phones.as_ref().map(|t| (&t.file, t.encoding)),
        contacts.as_ref().map(|t| (&t.file, t.encoding)),
        schedules.as_ref().map(|t| (&t.file, t.encoding)),
        areas.as_ref().map(|t| (&t.file, t.encoding)),
        languages.as_ref().map(|t| (&t.file, t.encoding)),
        documents.as_ref().map(|t| (&t.file, t.encoding)),
        terms.as_ref().map(|t| (&t.file, t.encoding)),
        attributes.as_ref().map(|t| (&t.file, t.encoding)),
    ];
    incoming.windows_1256 = encodings
        .into_iter()
        .flatten()
        .filter(|(_, e)| *e == super::encoding::Encoding::Windows1256)
        .map(|(f, _)| f.clone())
        .collect();
    incoming.not_kept = super::not_kept::count(dir)?;
    Ok(incoming)
}

/// Decimal degrees as HSDS writes a number ("+33.30" as 33.3), or empty.
fn degrees(v: &str) -> String {
    v.parse::<f64>().map(|d| d.to_string()).unwrap_or_default()
}

/// Whether a header names a column.
fn headers_hold(headers: &[String], column: &str) -> bool {
    headers.iter().any(|h| h == column)
}

/// Whether a text is written in Arabic script (Arabic, Kurdish): most of its letters.
pub(crate) fn is_arabic(v: &str) -> bool {
    let letters = v.chars().filter(|c| c.is_alphabetic());
    let (mut arabic, mut all) = (0, 0);
    for c in letters {
        all += 1;
        if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}')
        {
            arabic += 1;
        }
    }
    all > 0 && arabic * 2 > all
}

/// A value kept when `ok` says it is well formed; else reported and left out.
fn checked<R>(
    problems: &mut Vec<Problem>,
    table: &Table<R>,
    line: u64,
    column: &str,
    value: &Cell,
    ok: impl Fn(&str) -> bool,
) -> String {
    if value.is_empty() || ok(value.as_str()) {
        value.0.clone()
    } else {
        problems.push(table.problem(
            line,
            column,
            format!(
                "\"{}\" is not a well-formed {column} (HSDS asks for one): left out",
                crate::model::text::short(value.as_str())
            ),
        ));
        String::new()
    }
}
