//! Open Referral HSDS 3.0, tabular form: a folder of CSV files (organizations.csv,
//! services.csv, locations.csv, service_at_location.csv, addresses.csv, phones.csv,
//! contacts.csv, schedules.csv, service_areas.csv, languages.csv,
//! required_documents.csv). What Daleel keeps that HSDS has no field for travels in
//! extra columns named `x_daleel_...` (HSDS allows extra fields): the organization's
//! type, the service's sector and its next steps. Service areas are gazetteer P-codes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use uuid::Uuid;

use super::{ImportError, Incoming, Problem, Source, clean, hidden, id_of};
use crate::model::directory::FocalPoint;
use crate::model::{
    Gazetteer, OrgType, Organization, Sector, Service, ServiceLocation, ServiceStatus,
};
use crate::store::{Store, StoreError};

/// The largest CSV file read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// One CSV file, read whole.
pub(crate) struct Table {
    pub(crate) file: String,
    pub(crate) headers: Vec<String>,
    /// Each row with the line it starts on; rows with nothing in them are left out, and
    /// so are rows with a hidden character (each one of `problems`).
    pub(crate) rows: Vec<(u64, csv::StringRecord)>,
    /// The rows left out for a hidden character (a control character or a direction
    /// control, `model::text`), by line and column.
    pub(crate) problems: Vec<Problem>,
    /// Per column looked up by: the rows holding each value, built on the first lookup
    /// (a scan of every row per service would take the square of a large file's length).
    by: std::cell::RefCell<ColumnIndex>,
}

/// Per column: each value, with the positions of the rows holding it.
type ColumnIndex = std::collections::HashMap<String, std::collections::HashMap<String, Vec<usize>>>;

impl Table {
    fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The positions in `rows` of the rows whose column `key` holds `value`.
    fn rows_with(&self, key: &str, value: &str) -> Vec<usize> {
        let mut by = self.by.borrow_mut();
        let index = by.entry(key.to_string()).or_insert_with(|| {
            let mut map: std::collections::HashMap<String, Vec<usize>> = Default::default();
            for (i, (_, row)) in self.rows.iter().enumerate() {
                map.entry(self.get(row, key)).or_default().push(i);
            }
            map
        });
        index.get(value).cloned().unwrap_or_default()
    }

    /// A cell, cleaned, with the `'` that Daleel puts before a cell that would be a
    /// formula taken off (`model::text::from_spreadsheet_cell`): a directory exported
    /// by Daleel and imported again comes back as it was.
    pub(crate) fn get(&self, row: &csv::StringRecord, name: &str) -> String {
        self.col(name)
            .and_then(|i| row.get(i))
            .map(|v| {
                let v = clean(v);
                match crate::model::text::from_spreadsheet_cell(&v) {
                    unquoted if unquoted.len() < v.len() => unquoted.to_string(),
                    _ => v,
                }
            })
            .unwrap_or_default()
    }

    fn problem(&self, line: u64, column: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.clone(),
            line,
            column: column.into(),
            message: message.into(),
        }
    }
}

/// Reads `name` in `dir`; none when the file is not there.
fn read_table(dir: &Path, name: &str) -> Result<Option<Table>, ImportError> {
    read_csv(&dir.join(name))
}

/// Reads a CSV file whole (a spreadsheet's byte-order mark skipped); none when the file
/// is not there.
pub(crate) fn read_csv(path: &Path) -> Result<Option<Table>, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match crate::disk::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(ImportError::TooLarge {
                path: crate::disk::shown(path),
                limit_mib: MAX_FILE_BYTES >> 20,
            });
        }
        Err(source) => {
            return Err(ImportError::Unreadable {
                path: crate::disk::shown(path),
                source,
            });
        }
    };
    // A spreadsheet may save a byte-order mark first.
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|source| ImportError::NoHeader {
            file: name.clone(),
            source,
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut lines = crate::model::gazetteer::Lines::new(bytes);
    for record in reader.records() {
        let record = record.map_err(|source| ImportError::Csv {
            file: name.clone(),
            source,
        })?;
        let line = record
            .position()
            .map(|p| lines.line_at(p.byte()))
            .unwrap_or(0);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        // A name or text with an escape sequence or a direction control would reach
        // every laptop's screens and terminals: the row is left out, and said so.
        if let Some((i, why)) = record
            .iter()
            .enumerate()
            .find_map(|(i, v)| hidden(v).map(|why| (i, why)))
        {
            problems.push(Problem {
                file: name.clone(),
                line,
                column: headers
                    .get(i)
                    .map(|h| crate::model::text::one_line(h).into_owned())
                    .unwrap_or_else(|| (i + 1).to_string()),
                message: format!(
                    "the value {why}: the row was left out; {}, then import the file again",
                    crate::model::text::ADVICE
                ),
            });
            continue;
        }
        rows.push((line, record));
    }
    Ok(Some(Table {
        file: name,
        headers,
        rows,
        problems,
        by: Default::default(),
    }))
}

/// The rows of `table` whose column `key` holds `id`, in file order.
fn rows_for<'t>(
    table: Option<&'t Table>,
    key: &str,
    id: &str,
) -> Vec<(&'t Table, u64, &'t csv::StringRecord)> {
    let Some(t) = table else {
        return Vec::new();
    };
    if id.is_empty() {
        return Vec::new();
    }
    t.rows_with(key, id)
        .into_iter()
        .map(|i| {
            let (line, r) = &t.rows[i];
            (t, *line, r)
        })
        .collect()
}

/// Reads an HSDS 3.0 tabular directory.
pub fn read(dir: &Path, gazetteer: &Gazetteer) -> Result<Incoming, ImportError> {
    if !dir.is_dir() {
        return Err(ImportError::NotAFolder {
            path: dir.display().to_string(),
        });
    }
    let table = |name: &str| read_table(dir, name);
    let services = table("services.csv")?.ok_or_else(|| ImportError::NoServices {
        path: dir.display().to_string(),
    })?;
    let organizations = table("organizations.csv")?;
    let locations = table("locations.csv")?;
    let at_location = table("service_at_location.csv")?;
    let addresses = table("addresses.csv")?;
    let phones = table("phones.csv")?;
    let contacts = table("contacts.csv")?;
    let schedules = table("schedules.csv")?;
    let areas = table("service_areas.csv")?;
    let languages = table("languages.csv")?;
    let documents = table("required_documents.csv")?;

    let mut incoming = Incoming::default();
    let mut problems: Vec<Problem> = [
        Some(&services),
        organizations.as_ref(),
        locations.as_ref(),
        at_location.as_ref(),
        addresses.as_ref(),
        phones.as_ref(),
        contacts.as_ref(),
        schedules.as_ref(),
        areas.as_ref(),
        languages.as_ref(),
        documents.as_ref(),
    ]
    .into_iter()
    .flatten()
    .flat_map(|t| t.problems.iter().cloned())
    .collect();
    let mut org_ids: BTreeSet<String> = BTreeSet::new();
    if let Some(t) = &organizations {
        for (line, r) in &t.rows {
            let id = t.get(r, "id");
            let name = t.get(r, "name");
            if id.is_empty() {
                problems.push(t.problem(*line, "id", "no id: the organization was left out"));
                continue;
            }
            if name.is_empty() {
                problems.push(t.problem(*line, "name", "no name: the organization was left out"));
                continue;
            }
            let kind_text = t.get(r, "x_daleel_kind");
            let kind = if kind_text.is_empty() {
                OrgType::Other
            } else {
                OrgType::from_code(&kind_text).unwrap_or_else(|| {
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
            org_ids.insert(id.clone());
            incoming.organizations.push((
                Organization {
                    id: id_of(&id),
                    name,
                    acronym: t.get(r, "alternate_name"),
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
            let org = t.get(r, "organization_id");
            if org.is_empty() {
                continue;
            }
            if !org_ids.contains(&org) {
                problems.push(t.problem(
                    *line,
                    "organization_id",
                    format!("the organization {org} is not in organizations.csv: the contact was left out"),
                ));
                continue;
            }
            let contact = t.get(r, "id");
            let phone = rows_for(phones.as_ref(), "contact_id", &contact)
                .first()
                .map(|(p, _, row)| p.get(row, "number"))
                .unwrap_or_default();
            if let Some((o, _)) = incoming
                .organizations
                .iter_mut()
                .find(|(o, _)| o.id == id_of(&org))
            {
                o.focal_points.push(FocalPoint {
                    name: t.get(r, "name"),
                    phone,
                    email: t.get(r, "email"),
                });
            }
        }
    }
    // Locations that can be used: a known organization (when one is named), and a
    // latitude and longitude on the Earth (when given).
    let mut places: BTreeMap<String, ServiceLocation> = BTreeMap::new();
    if let Some(t) = &locations {
        for (line, r) in &t.rows {
            let id = t.get(r, "id");
            let org = t.get(r, "organization_id");
            let mut bad = false;
            if !org.is_empty() && !org_ids.contains(&org) {
                problems.push(t.problem(
                    *line,
                    "organization_id",
                    format!("the organization {org} is not in organizations.csv: the location was left out"),
                ));
                bad = true;
            }
            for (col, limit) in [("latitude", 90.0), ("longitude", 180.0)] {
                let text = t.get(r, col);
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
            let address = rows_for(addresses.as_ref(), "location_id", &id)
                .first()
                .map(|(a, _, row)| {
                    ["address_1", "address_2", "city", "region", "state_province"]
                        .iter()
                        .map(|c| a.get(row, c))
                        .filter(|v| !v.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let pcode = (t
                .get(r, "external_identifier_type")
                .eq_ignore_ascii_case("pcode"))
            .then(|| t.get(r, "external_identifier"))
            .filter(|p| !p.is_empty());
            places.insert(
                id,
                ServiceLocation {
                    name: t.get(r, "name"),
                    address,
                    pcode,
                },
            );
        }
    }
    for (line, r) in &services.rows {
        let t = &services;
        let id = t.get(r, "id");
        let name = t.get(r, "name");
        let org = t.get(r, "organization_id");
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
        let sector_text = t.get(r, "x_daleel_sector");
        let sector = if sector_text.is_empty() {
            Sector::Other
        } else {
            match Sector::from_code(&sector_text) {
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
        let status = match t.get(r, "status").to_lowercase().as_str() {
            "" | "active" => ServiceStatus::Active,
            _ => ServiceStatus::Inactive,
        };
        let mut service_areas = Vec::new();
        for (a, aline, row) in rows_for(areas.as_ref(), "service_id", &id) {
            let code = a.get(row, "name");
            if gazetteer.get(&code).is_some() {
                service_areas.push(code);
            } else {
                problems.push(a.problem(
                    aline,
                    "name",
                    format!("\"{}\" is not a P-code of the gazetteer (such as IQG15): this area was left out", crate::model::text::short(&code)),
                ));
            }
        }
        let mut service_locations = Vec::new();
        for (s, sline, row) in rows_for(at_location.as_ref(), "service_id", &id) {
            let location = s.get(row, "location_id");
            match places.get(&location) {
                Some(place) => service_locations.push(place.clone()),
                None => problems.push(s.problem(
                    sline,
                    "location_id",
                    format!("the location {location} is not among the usable ones of locations.csv: left out"),
                )),
            }
        }
        let hours = rows_for(schedules.as_ref(), "service_id", &id)
            .first()
            .map(|(s, _, row)| {
                let text = s.get(row, "description");
                if text.is_empty() {
                    let (open, close) = (s.get(row, "opens_at"), s.get(row, "closes_at"));
                    if open.is_empty() {
                        String::new()
                    } else {
                        format!("{} {open}-{close}", s.get(row, "byday"))
                            .trim()
                            .to_string()
                    }
                } else {
                    text
                }
            })
            .unwrap_or_default();
        let phone = rows_for(phones.as_ref(), "service_id", &id)
            .first()
            .map(|(p, _, row)| p.get(row, "number"))
            .unwrap_or_default();
        let langs = rows_for(languages.as_ref(), "service_id", &id)
            .iter()
            .map(|(l, _, row)| {
                let name = l.get(row, "name");
                if name.is_empty() {
                    l.get(row, "code")
                } else {
                    name
                }
            })
            .filter(|v| !v.is_empty())
            .collect();
        let docs = rows_for(documents.as_ref(), "service_id", &id)
            .iter()
            .map(|(d, _, row)| d.get(row, "document"))
            .filter(|v| !v.is_empty())
            .collect();
        incoming.services.push((
            Service {
                id: id_of(&id),
                organization: id_of(&org),
                name,
                sector,
                description: t.get(r, "description"),
                eligibility: t.get(r, "eligibility_description"),
                areas: service_areas,
                locations: service_locations,
                hours,
                phone,
                referral_method: t.get(r, "application_process"),
                next_steps: t.get(r, "x_daleel_next_steps"),
                languages: langs,
                required_documents: docs,
                fees: t.get(r, "fees_description"),
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

/// The first text in a JSON value (its path, and why) with a hidden character.
fn hidden_in(v: &serde_json::Value, path: String) -> Option<(String, String)> {
    use serde_json::Value;
    match v {
        Value::String(s) => hidden(s).map(|why| (path, why)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| hidden_in(x, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            let key = crate::model::text::one_line(k);
            hidden(k)
                .map(|why| (format!("{path}.{key}"), why))
                .or_else(|| hidden_in(x, format!("{path}.{key}")))
        }),
        _ => None,
    }
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

/// The largest HSDS JSON file read.
const MAX_JSON_BYTES: u64 = 64 << 20;

/// Reads HSDS 3.0 JSON: one service object with its organization nested (as the
/// specification's `service_full.json`), an array of them, or `{"services": [...]}`.
/// A problem names the file and the value's path (`[0].service_areas[0].name`).
pub fn read_json(path: &Path, gazetteer: &Gazetteer) -> Result<Incoming, ImportError> {
    use serde_json::Value;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = crate::disk::read_regular(path, MAX_JSON_BYTES).map_err(|source| {
        if source.kind() == std::io::ErrorKind::InvalidData {
            ImportError::TooLarge {
                path: crate::disk::shown(path),
                limit_mib: MAX_JSON_BYTES >> 20,
            }
        } else {
            ImportError::Unreadable {
                path: crate::disk::shown(path),
                source,
            }
        }
    })?;
    let root: Value = serde_json::from_slice(&bytes).map_err(|source| ImportError::NotJson {
        file: file.clone(),
        line: source.line(),
        column: source.column(),
        source,
    })?;
    let services: Vec<&Value> = match &root {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) if o.get("services").is_some_and(Value::is_array) => o
            .get("services")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        Value::Object(_) => vec![&root],
        _ => return Err(ImportError::NoServiceObject { file }),
    };
    let text = |v: &Value, key: &str| -> String {
        v.get(key)
            .map(|x| match x {
                Value::String(s) => clean(s),
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let list = |v: &Value, key: &str| -> Vec<Value> {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut incoming = Incoming::default();
    let problem = |at: String, message: String| Problem {
        file: file.clone(),
        line: 0,
        column: at,
        message,
    };
    for (n, s) in services.iter().enumerate() {
        let at = |p: &str| format!("[{n}].{p}");
        if let Some((path, why)) = hidden_in(s, String::new()) {
            incoming.problems.push(problem(
                at(path.trim_start_matches('.')),
                format!(
                    "the value {why}: the service was left out; {}, then import the file again",
                    crate::model::text::ADVICE
                ),
            ));
            continue;
        }
        let (id, name) = (text(s, "id"), text(s, "name"));
        let Some(org) = s.get("organization").filter(|o| o.is_object()) else {
            incoming.problems.push(problem(
                at("organization"),
                "no organization: the service was left out".into(),
            ));
            continue;
        };
        let org_id = text(org, "id");
        if id.is_empty() || name.is_empty() || org_id.is_empty() || text(org, "name").is_empty() {
            incoming.problems.push(problem(
                at("id"),
                "a service or its organization without an id or name: left out".into(),
            ));
            continue;
        }
        let focal_points = list(org, "contacts")
            .iter()
            .map(|c| FocalPoint {
                name: text(c, "name"),
                phone: list(c, "phones")
                    .first()
                    .map(|p| text(p, "number"))
                    .unwrap_or_default(),
                email: text(c, "email"),
            })
            .collect();
        let kind = OrgType::from_code(&text(org, "x_daleel_kind")).unwrap_or(OrgType::Other);
        let organization = Organization {
            id: id_of(&org_id),
            name: text(org, "name"),
            acronym: text(org, "alternate_name"),
            kind,
            focal_points,
        };
        let source = Source {
            file: file.clone(),
            line: 0,
        };
        if !incoming
            .organizations
            .iter()
            .any(|(o, _)| o.id == organization.id)
        {
            incoming
                .organizations
                .push((organization.clone(), source.clone()));
        }
        let sector_text = text(s, "x_daleel_sector");
        let sector = if sector_text.is_empty() {
            Sector::Other
        } else if let Some(x) = Sector::from_code(&sector_text) {
            x
        } else {
            incoming.problems.push(problem(
                at("x_daleel_sector"),
                format!("\"{sector_text}\" is not a sector: the service was left out"),
            ));
            continue;
        };
        let mut areas = Vec::new();
        for (i, a) in list(s, "service_areas").iter().enumerate() {
            let code = text(a, "name");
            if gazetteer.get(&code).is_some() {
                areas.push(code);
            } else {
                incoming.problems.push(problem(
                    at(&format!("service_areas[{i}].name")),
                    format!("\"{}\" is not a P-code of the gazetteer (such as IQG15): this area was left out", crate::model::text::short(&code)),
                ));
            }
        }
        let mut locations = Vec::new();
        for (i, sal) in list(s, "service_at_locations").iter().enumerate() {
            let Some(l) = sal.get("location") else {
                continue;
            };
            let mut bad = false;
            for (key, limit) in [("latitude", 90.0), ("longitude", 180.0)] {
                let v = text(l, key);
                if !v.is_empty() && !v.parse::<f64>().is_ok_and(|x: f64| x.abs() <= limit) {
                    incoming.problems.push(problem(
                        at(&format!("service_at_locations[{i}].location.{key}")),
                        format!("{v} is not a {key} (between -{limit} and {limit}): the location was left out"),
                    ));
                    bad = true;
                }
            }
            if bad {
                continue;
            }
            let address = list(l, "addresses")
                .first()
                .map(|a| {
                    ["address_1", "address_2", "city", "region", "state_province"]
                        .iter()
                        .map(|k| text(a, k))
                        .filter(|v| !v.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            locations.push(ServiceLocation {
                name: text(l, "name"),
                address,
                pcode: text(l, "external_identifier_type")
                    .eq_ignore_ascii_case("pcode")
                    .then(|| text(l, "external_identifier"))
                    .filter(|p| !p.is_empty()),
            });
        }
        let hours = list(s, "schedules")
            .first()
            .map(|x| text(x, "description"))
            .unwrap_or_default();
        incoming.services.push((
            Service {
                id: id_of(&id),
                organization: organization.id,
                name,
                sector,
                description: text(s, "description"),
                eligibility: text(s, "eligibility_description"),
                areas,
                locations,
                hours,
                phone: list(s, "phones")
                    .first()
                    .map(|p| text(p, "number"))
                    .unwrap_or_default(),
                referral_method: text(s, "application_process"),
                next_steps: text(s, "x_daleel_next_steps"),
                languages: list(s, "languages")
                    .iter()
                    .map(|l| {
                        let name = text(l, "name");
                        if name.is_empty() {
                            text(l, "code")
                        } else {
                            name
                        }
                    })
                    .filter(|v| !v.is_empty())
                    .collect(),
                required_documents: list(s, "required_documents")
                    .iter()
                    .map(|d| text(d, "document"))
                    .filter(|v| !v.is_empty())
                    .collect(),
                fees: text(s, "fees_description"),
                status: match text(s, "status").to_lowercase().as_str() {
                    "" | "active" => ServiceStatus::Active,
                    _ => ServiceStatus::Inactive,
                },
            },
            source,
        ));
    }
    Ok(incoming)
}
