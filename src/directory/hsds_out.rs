//! `daleel services export`: the directory as an HSDS 3.0 tabular data package (issue
//! 18, item 2): one CSV file per table of `hsds_schema::RESOURCES` (its HSDS columns in
//! the official order, then Daleel's `x_daleel_` columns), and a datapackage.json that
//! describes every file written with its fields, so that `frictionless validate` checks
//! the folder (scripts/check-hsds.sh). Required fields are always filled: an
//! organization with no description gets its name; a place's address, which HSDS keeps
//! only as a postal address with a postal code, travels in `x_daleel_address`. The
//! sector is also a term of a taxonomy "Daleel sectors", linked through attributes.csv,
//! which other HSDS tools understand.
//!
//! The built-in SAMPLE services (placeholder phones) are never written (item 3): only the
//! directory this laptop holds, with the sample organizations its services name (without
//! their placeholder focal points).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use uuid::Uuid;

use super::hsds::{is_email, is_url};
use super::hsds_schema::{EXTENSIONS, RESOURCES};
use super::id_of;
use crate::model::{Organization, Sector, Service, ServiceStatus, sample};
use crate::report::CsvOut;
use crate::store::{Store, StoreError};

/// The name of the data package Daleel writes (`not_kept` knows its own export by it).
pub(crate) const PACKAGE_NAME: &str = "daleel-service-directory";

/// The id of the taxonomy of Daleel's sectors.
fn taxonomy_id() -> Uuid {
    id_of("daleel taxonomy: sectors")
}

/// The id of a sector's taxonomy term.
fn term_id(sector: Sector) -> Uuid {
    id_of(&format!("daleel taxonomy: sectors/{}", sector.code()))
}

/// A stable id for a row that belongs to a record (its phone, its n-th language).
pub(crate) fn child_id(parent: Uuid, what: &str, n: usize) -> String {
    id_of(&format!("{parent}/{what}/{n}")).to_string()
}

/// The columns of a resource: its HSDS fields, then Daleel's.
pub(crate) fn columns(resource: &str) -> Vec<&'static str> {
    let mut cols: Vec<&'static str> = RESOURCES
        .iter()
        .filter(|r| r.name == resource)
        .flat_map(|r| r.fields.iter().map(|f| f.0))
        .collect();
    cols.extend(
        EXTENSIONS
            .iter()
            .filter(|(r, _, _)| *r == resource)
            .map(|(_, c, _)| *c),
    );
    cols
}

/// The files being written, each with its columns.
struct Files {
    tables: BTreeMap<&'static str, (Vec<&'static str>, CsvOut)>,
    /// Ids written per resource (an id is unique in its table).
    seen: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Files {
    fn new() -> Result<Files, StoreError> {
        let mut tables = BTreeMap::new();
        for r in RESOURCES {
            let cols = columns(r.name);
            let numeric = r
                .fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.1 == "number" || f.1 == "integer")
                .map(|(i, _)| i);
            let mut w = CsvOut::new().numeric(numeric).plain_phones();
            w.row(&cols);
            tables.insert(r.name, (cols, w));
        }
        Ok(Files {
            tables,
            seen: BTreeMap::new(),
        })
    }

    /// A row of `resource`, given by column; columns not named are empty.
    fn put(&mut self, resource: &'static str, cells: &[(&str, &str)]) -> Result<(), StoreError> {
        if let Some((cols, w)) = self.tables.get_mut(resource) {
            debug_assert!(
                cells.iter().all(|(c, _)| cols.contains(c)),
                "{resource}: {cells:?}"
            );
            let row: Vec<&str> = cols
                .iter()
                .map(|c| {
                    cells
                        .iter()
                        .find(|(name, _)| name == c)
                        .map(|(_, v)| *v)
                        .unwrap_or("")
                })
                .collect();
            w.row(&row);
        }
        Ok(())
    }

    /// The id a row is written with: the one kept from the file it came from (as a UUID,
    /// which HSDS asks for), unless already used in this table; else `fallback`.
    fn id(&mut self, resource: &'static str, kept: &str, fallback: String) -> String {
        let seen = self.seen.entry(resource).or_default();
        let id = if kept.is_empty() {
            fallback
        } else {
            let id = id_of(kept).to_string();
            if seen.contains(&id) { fallback } else { id }
        };
        seen.insert(id.clone());
        id
    }
}

/// The organizations and services an export writes: the stored ones (a sample record
/// that was edited is stored, and is the user's), and the sample organizations that a
/// written service names, without their placeholder focal points.
pub fn exported(store: &Store) -> Result<(Vec<Organization>, Vec<Service>), StoreError> {
    let services: Vec<Service> = store.services()?;
    let stored: BTreeSet<Uuid> = services
        .iter()
        .filter(|s| store.get::<Service>(s.id).ok().flatten().is_some())
        .map(|s| s.id)
        .collect();
    let services: Vec<Service> = services
        .into_iter()
        .filter(|s| stored.contains(&s.id))
        .collect();
    let named: BTreeSet<Uuid> = services.iter().map(|s| s.organization).collect();
    let mut orgs = Vec::new();
    for o in store.organizations()? {
        if store.get::<Organization>(o.id)?.is_some() {
            orgs.push(o);
        } else if sample::is_sample_id(o.id) && named.contains(&o.id) {
            orgs.push(Organization {
                focal_points: Vec::new(),
                ..o
            });
        }
    }
    Ok((orgs, services))
}

/// Writes this laptop's directory (not the built-in sample: `exported`) as an HSDS 3.0
/// data package into `dir`, each file whole or not at all, datapackage.json last.
pub fn write(store: &Store, dir: &Path) -> Result<(usize, usize), StoreError> {
    let (orgs, services) = exported(store)?;
    let gazetteer = store.gazetteer();
    let mut f = Files::new()?;
    let ok = |v: &str, good: fn(&str) -> bool| {
        if good(v) {
            v.to_string()
        } else {
            String::new()
        }
    };
    for o in &orgs {
        let id = o.id.to_string();
        let description = if o.description.is_empty() {
            &o.name
        } else {
            &o.description
        };
        f.put(
            "organization",
            &[
                ("id", &id),
                ("name", &o.name),
                ("alternate_name", &o.alternate_name),
                ("description", description),
                ("email", &ok(&o.email, is_email)),
                ("website", &ok(&o.website, is_url)),
                ("x_daleel_kind", o.kind.code()),
                ("x_daleel_acronym", &o.acronym),
            ],
        )?;
        for (n, p) in o.focal_points.iter().enumerate() {
            let contact = child_id(o.id, "contact", n);
            let (email, typed) = if is_email(&p.email) {
                (p.email.as_str(), "")
            } else {
                ("", p.email.as_str())
            };
            f.put(
                "contact",
                &[
                    ("id", &contact),
                    ("organization_id", &id),
                    ("name", &p.name),
                    ("email", email),
                    ("x_daleel_email", typed),
                ],
            )?;
            if !p.phone.is_empty() {
                f.put(
                    "phone",
                    &[
                        ("id", &child_id(o.id, "contact-phone", n)),
                        ("organization_id", &id),
                        ("contact_id", &contact),
                        ("number", &p.phone),
                        ("type", "voice"),
                    ],
                )?;
            }
        }
    }
    for v in &services {
        write_service(&mut f, v, &gazetteer)?;
    }
    f.put(
        "taxonomy",
        &[
            ("id", &taxonomy_id().to_string()),
            ("name", "Daleel sectors"),
            (
                "description",
                "The humanitarian sectors (clusters) and Protection areas of responsibility that Daleel files services under.",
            ),
            ("version", "1"),
        ],
    )?;
    for s in Sector::ALL {
        f.put(
            "taxonomy_term",
            &[
                ("id", &term_id(*s).to_string()),
                ("code", s.code()),
                ("name", s.label()),
                ("description", &format!("Daleel sector: {}", s.label())),
                ("taxonomy", "Daleel sectors"),
                ("language", "en"),
                ("taxonomy_id", &taxonomy_id().to_string()),
            ],
        )?;
    }
    std::fs::create_dir_all(dir).map_err(|source| StoreError::MakeFolder {
        path: dir.to_path_buf(),
        source,
    })?;
    for r in RESOURCES {
        if let Some((_, w)) = f.tables.remove(r.name) {
            put_file(dir, r.path, &w.finish()?)?;
        }
    }
    let package = serde_json::to_vec_pretty(&datapackage())
        .map_err(|e| StoreError::Csv(std::io::Error::other(e).into()))?;
    put_file(dir, "datapackage.json", &package)?;
    Ok((orgs.len(), services.len()))
}

fn put_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
    crate::disk::write_whole(&dir.join(name), bytes, crate::disk::Access::Shared).map_err(
        |source| StoreError::Write {
            path: dir.join(name),
            source,
        },
    )
}

/// One service's rows: the service, its places, phones, schedules, areas, languages,
/// documents and its sector's attribute.
fn write_service(
    f: &mut Files,
    v: &Service,
    gazetteer: &crate::model::Gazetteer,
) -> Result<(), StoreError> {
    let id = v.id.to_string();
    let org = v.organization.to_string();
    let status = match v.status {
        ServiceStatus::Active => "active",
        ServiceStatus::Inactive => "inactive",
    };
    f.put(
        "service",
        &[
            ("id", &id),
            ("organization_id", &org),
            ("name", &v.name),
            ("alternate_name", &v.alternate_name),
            ("description", &v.description),
            ("url", if is_url(&v.url) { &v.url } else { "" }),
            ("email", if is_email(&v.email) { &v.email } else { "" }),
            ("status", status),
            ("application_process", &v.referral_method),
            ("fees_description", &v.fees),
            ("eligibility_description", &v.eligibility),
            ("x_daleel_sector", v.sector.code()),
            ("x_daleel_next_steps", &v.next_steps),
        ],
    )?;
    for (n, l) in v.locations.iter().enumerate() {
        let detail = v.location_details.get(n).cloned().unwrap_or_default();
        let before = f.seen.get("location").map(BTreeSet::len).unwrap_or(0);
        let location = f.id("location", &detail.id, child_id(v.id, "location", n));
        // A place several services share is written once.
        if f.seen.get("location").map(BTreeSet::len).unwrap_or(0) > before {
            let pcode = l.pcode.clone().unwrap_or_default();
            f.put(
                "location",
                &[
                    ("id", &location),
                    ("location_type", "physical"),
                    ("organization_id", &org),
                    ("name", &l.name),
                    ("alternate_name", &detail.alternate_name),
                    ("latitude", &detail.latitude),
                    ("longitude", &detail.longitude),
                    ("external_identifier", &pcode),
                    (
                        "external_identifier_type",
                        if pcode.is_empty() { "" } else { "pcode" },
                    ),
                    ("x_daleel_address", &l.address),
                ],
            )?;
        }
        f.put(
            "service_at_location",
            &[
                ("id", &child_id(v.id, "at", n)),
                ("service_id", &id),
                ("location_id", &location),
            ],
        )?;
    }
    // The phones: the ones kept from HSDS when the first is still the service's phone
    // (an edit on the Services screen changes `phone` alone), else that phone first.
    let mut phones = v.phones.clone();
    if phones.first().map(|p| p.number.as_str()) != Some(v.phone.as_str()) {
        if let Some(first) = phones.first_mut() {
            *first = Default::default();
        }
        phones.retain(|p| !p.number.is_empty());
        if !v.phone.is_empty() {
            phones.insert(
                0,
                crate::model::PhoneDetail {
                    number: v.phone.clone(),
                    ..Default::default()
                },
            );
        }
    }
    for (n, p) in phones.iter().enumerate() {
        let pid = f.id("phone", &p.id, child_id(v.id, "phone", n));
        let extension = if p.extension.bytes().all(|b| b.is_ascii_digit()) {
            p.extension.as_str()
        } else {
            ""
        };
        f.put(
            "phone",
            &[
                ("id", &pid),
                ("service_id", &id),
                ("number", &p.number),
                ("extension", extension),
                ("type", "voice"),
                ("description", &p.description),
            ],
        )?;
    }
    // The schedules kept from HSDS while the hours still say what they say; hours typed
    // on the Services screen are one schedule's description.
    let words = v
        .schedules
        .iter()
        .map(crate::model::Schedule::words)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let schedules = if !v.schedules.is_empty() && words == v.hours {
        v.schedules.clone()
    } else if v.hours.is_empty() {
        Vec::new()
    } else {
        vec![crate::model::Schedule {
            description: v.hours.clone(),
            ..Default::default()
        }]
    };
    for (n, h) in schedules.iter().enumerate() {
        let sid = f.id("schedule", &h.id, child_id(v.id, "schedule", n));
        f.put(
            "schedule",
            &[
                ("id", &sid),
                ("service_id", &id),
                ("freq", &h.freq),
                ("byday", &h.byday),
                ("description", &h.description),
                ("opens_at", &h.opens_at),
                ("closes_at", &h.closes_at),
            ],
        )?;
    }
    for (n, a) in v.areas.iter().enumerate() {
        f.put(
            "service_area",
            &[
                ("id", &child_id(v.id, "area", n)),
                ("service_id", &id),
                ("name", a),
                ("description", &gazetteer.name(a)),
            ],
        )?;
    }
    for (n, l) in v.languages.iter().enumerate() {
        let detail = v
            .language_details
            .iter()
            .find(|d| &d.name == l)
            .cloned()
            .unwrap_or_default();
        let lid = f.id("language", &detail.id, child_id(v.id, "language", n));
        f.put(
            "language",
            &[
                ("id", &lid),
                ("service_id", &id),
                ("name", l),
                ("code", &detail.code),
            ],
        )?;
    }
    for (n, d) in v.required_documents.iter().enumerate() {
        f.put(
            "required_document",
            &[
                ("id", &child_id(v.id, "document", n)),
                ("service_id", &id),
                ("document", d),
            ],
        )?;
    }
    f.put(
        "attribute",
        &[
            ("id", &child_id(v.id, "sector", 0)),
            ("link_id", &id),
            ("taxonomy_term_id", &term_id(v.sector).to_string()),
            ("link_type", "sector"),
            ("link_entity", "service"),
        ],
    )?;
    Ok(())
}

/// The datapackage.json: every file written, with its fields (the HSDS ones as the
/// official package has them, then Daleel's, described), keys and foreign keys.
pub fn datapackage() -> serde_json::Value {
    use serde_json::json;
    let resources: Vec<serde_json::Value> = RESOURCES
        .iter()
        .map(|r| {
            let mut fields: Vec<serde_json::Value> = r
                .fields
                .iter()
                .map(|(name, kind, format, required, unique)| {
                    let mut field = json!({ "name": name, "type": kind });
                    if !format.is_empty() {
                        field["format"] = json!(format);
                    }
                    if *required || *unique {
                        let mut c = serde_json::Map::new();
                        if *required {
                            c.insert("required".into(), json!(true));
                        }
                        if *unique {
                            c.insert("unique".into(), json!(true));
                        }
                        field["constraints"] = serde_json::Value::Object(c);
                    }
                    field
                })
                .collect();
            fields.extend(
                EXTENSIONS
                    .iter()
                    .filter(|(res, _, _)| *res == r.name)
                    .map(|(_, name, what)| {
                        json!({ "name": name, "type": "string", "description": what })
                    }),
            );
            let foreign: Vec<serde_json::Value> = r
                .foreign_keys
                .iter()
                .map(|(field, resource)| {
                    json!({ "fields": field, "reference": { "resource": resource, "fields": "id" } })
                })
                .collect();
            let mut schema = json!({ "fields": fields, "primaryKey": "id" });
            if !foreign.is_empty() {
                schema["foreignKeys"] = json!(foreign);
            }
            json!({
                "name": r.name,
                "path": r.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    json!({
        "name": PACKAGE_NAME,
        "title": "Service directory (Open Referral HSDS 3.0), written by Daleel",
        "description": "HSDS 3.0 tabular data. Columns named x_daleel_... are Daleel's own extension fields, each described in its resource's schema; the service's sector is also a term of the taxonomy 'Daleel sectors' (taxonomies.csv, taxonomy_terms.csv, attributes.csv).",
        "profile": "tabular-data-package",
        "hsds_version": "3.0",
        "resources": resources,
    })
}
