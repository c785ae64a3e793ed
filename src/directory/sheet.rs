//! A spreadsheet of services, one row per service, for coordinators who keep their
//! directory in a spreadsheet: `daleel services template` writes its header with a line
//! that explains each column (a row whose first cell starts with `#`, skipped on import),
//! and the directory's services below. Lists (areas, languages, documents, locations)
//! are separated by `;`.

use std::path::Path;

use serde::Deserialize;

use super::table::{Cell, read_csv};
use super::{ImportError, Incoming, Problem, Source, id_of};
use crate::model::{
    Gazetteer, OrgType, Organization, Sector, Service, ServiceLocation, ServiceStatus,
};
use crate::store::{Store, StoreError};

/// The columns, with what each holds.
pub const COLUMNS: [(&str, &str); 21] = [
    ("organization", "# The organization's full name"),
    (
        "organization_id",
        "Leave empty for a new organization; keep as written by Daleel otherwise",
    ),
    (
        "organization_acronym",
        "Its acronym (NRC, DoH Ninewa); a row names an organization by acronym or name",
    ),
    (
        "organization_type",
        "government, un, international_ngo, national_ngo or other",
    ),
    (
        "service_id",
        "Leave empty for a new service; keep as written by Daleel otherwise",
    ),
    ("service", "The service's name"),
    (
        "sector",
        "protection, child_protection, gbv, hlp, civil_documentation, health, mhpss, shelter_nfi, wash, food_security, livelihoods, education, cash, camp_coordination or other",
    ),
    ("description", "What the service offers"),
    ("eligibility", "Who may use it"),
    (
        "areas",
        "P-codes or English or Arabic names of the areas served, separated by ; (IQG15; Anbar)",
    ),
    ("hours", "Opening hours (Sun-Thu 08:00-14:00)"),
    ("phone", "The service's phone number"),
    (
        "referral_method",
        "How to refer: by phone, in person, on a form",
    ),
    ("next_steps", "What happens after a referral"),
    ("languages", "Languages spoken, separated by ;"),
    ("required_documents", "Documents to bring, separated by ;"),
    ("fees", "Empty when free; otherwise what it costs"),
    ("status", "active or inactive"),
    ("location_names", "Where it is delivered, separated by ;"),
    (
        "location_addresses",
        "The address of each location, in the same order, separated by ;",
    ),
    (
        "location_pcodes",
        "The P-code of each location, in the same order, separated by ;",
    ),
];

/// A row of the spreadsheet: its columns (`COLUMNS`), each empty when absent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SheetRow {
    organization: Cell,
    organization_id: Cell,
    organization_acronym: Cell,
    organization_type: Cell,
    service_id: Cell,
    service: Cell,
    sector: Cell,
    description: Cell,
    eligibility: Cell,
    areas: Cell,
    hours: Cell,
    phone: Cell,
    referral_method: Cell,
    next_steps: Cell,
    languages: Cell,
    required_documents: Cell,
    fees: Cell,
    status: Cell,
    location_names: Cell,
    location_addresses: Cell,
    location_pcodes: Cell,
}

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn join(items: &[String]) -> String {
    items.join("; ")
}

/// The template: the header, the line that explains each column, and a row per service
/// of this laptop's directory.
pub fn write(store: &Store) -> Result<Vec<u8>, StoreError> {
    // The directory this laptop holds, never the built-in SAMPLE services (issue 18).
    let (orgs, services) = super::exported(store)?;
    let mut w = crate::report::CsvOut::new();
    w.row(COLUMNS.iter().map(|(c, _)| *c));
    w.row(COLUMNS.iter().map(|(_, h)| *h));
    for s in services {
        let org = orgs.iter().find(|o| o.id == s.organization);
        let status = match s.status {
            ServiceStatus::Active => "active",
            ServiceStatus::Inactive => "inactive",
        };
        let names: Vec<String> = s.locations.iter().map(|l| l.name.clone()).collect();
        let addresses: Vec<String> = s.locations.iter().map(|l| l.address.clone()).collect();
        let pcodes: Vec<String> = s
            .locations
            .iter()
            .map(|l| l.pcode.clone().unwrap_or_default())
            .collect();
        let org_id = s.organization.to_string();
        w.row([
            org.map(|o| o.name.as_str()).unwrap_or(""),
            &org_id,
            org.map(|o| o.acronym.as_str()).unwrap_or(""),
            org.map(|o| o.kind.code()).unwrap_or("other"),
            &s.id.to_string(),
            &s.name,
            s.sector.code(),
            &s.description,
            &s.eligibility,
            &join(&s.areas),
            &s.hours,
            &s.phone,
            &s.referral_method,
            &s.next_steps,
            &join(&s.languages),
            &join(&s.required_documents),
            &s.fees,
            status,
            &names.join("; "),
            &addresses.join("; "),
            &pcodes.join("; "),
        ]);
    }
    w.finish()
}

/// Reads a services spreadsheet. `known` is this laptop's directory: an organization a
/// row names by acronym or name is that one (its focal points kept); another is new.
pub fn read(
    path: &Path,
    gazetteer: &Gazetteer,
    known: &[Organization],
) -> Result<Incoming, ImportError> {
    // The line that explains each column starts with `#`.
    let explains =
        |r: &csv::StringRecord| r.get(0).is_some_and(|c| c.trim_start().starts_with('#'));
    let table = read_csv::<SheetRow>(path, explains)?.ok_or_else(|| ImportError::NoSuchFile {
        path: path.display().to_string(),
    })?;
    let file = table.file.clone();
    let windows_1256 = table.encoding == super::encoding::Encoding::Windows1256;
    if !table.headers.iter().any(|h| h == "service")
        || !table.headers.iter().any(|h| h == "organization")
    {
        return Err(ImportError::NotASheet { file });
    }
    let mut incoming = Incoming {
        problems: table.problems.clone(),
        ..Incoming::default()
    };
    let mut orgs: Vec<Organization> = Vec::new();
    // Lookups by id, acronym and name, per row: without them, a sheet of many
    // organizations would take the square of its length.
    let mut sheet_index = OrgIndex::default();
    let mut known_index = OrgIndex::default();
    for (i, o) in known.iter().enumerate() {
        known_index.add(i, o);
    }
    for (line, r) in &table.rows {
        let line = *line;
        let problem = |column: &str, message: String| Problem {
            file: file.clone(),
            line,
            column: column.into(),
            message,
        };
        let (org_name, acronym, service) = (
            r.organization.0.clone(),
            r.organization_acronym.0.clone(),
            r.service.0.clone(),
        );
        if org_name.is_empty() && acronym.is_empty() {
            incoming.problems.push(problem(
                "organization",
                "no organization: the row was left out".into(),
            ));
            continue;
        }
        if service.is_empty() {
            incoming.problems.push(problem(
                "service",
                "no service name: the row was left out".into(),
            ));
            continue;
        }
        let sector_text = r.sector.as_str();
        let sector = if sector_text.is_empty() {
            Sector::Other
        } else if let Some(s) = Sector::from_code(sector_text) {
            s
        } else {
            incoming.problems.push(problem(
                "sector",
                format!(
                    "\"{sector_text}\" is not a sector ({}): the row was left out",
                    Sector::codes()
                ),
            ));
            continue;
        };
        let kind_text = r.organization_type.as_str();
        let kind = if kind_text.is_empty() {
            OrgType::Other
        } else if let Some(k) = OrgType::from_code(kind_text) {
            k
        } else {
            incoming.problems.push(problem(
                "organization_type",
                format!(
                    "\"{kind_text}\" is not an organization type ({}): the row was left out",
                    OrgType::codes()
                ),
            ));
            continue;
        };
        let same = |o: &Organization| {
            (!acronym.is_empty() && o.acronym.eq_ignore_ascii_case(&acronym))
                || (!org_name.is_empty() && o.name.eq_ignore_ascii_case(&org_name))
        };
        let org_id = r.organization_id.as_str();
        let wanted = (!org_id.is_empty()).then(|| id_of(org_id));
        let by_id = |o: &Organization| wanted == Some(o.id);
        let named = [
            (!acronym.is_empty()).then(|| OrgIndex::acronym_key(&acronym)),
            (!org_name.is_empty()).then(|| OrgIndex::name_key(&org_name)),
        ];
        let ids = [wanted.map(OrgIndex::id_key)];
        let found = sheet_index
            .first(&orgs, &ids, by_id)
            .or_else(|| known_index.first(known, &ids, by_id))
            .or_else(|| sheet_index.first(&orgs, &named, same))
            .or_else(|| known_index.first(known, &named, same));
        let org = match found {
            Some(o) => Organization {
                name: if org_name.is_empty() {
                    o.name.clone()
                } else {
                    org_name.clone()
                },
                acronym: acronym.clone(),
                kind,
                ..o.clone()
            },
            None => Organization {
                id: if org_id.is_empty() {
                    id_of(&format!(
                        "organization:{}",
                        if org_name.is_empty() {
                            &acronym
                        } else {
                            &org_name
                        }
                    ))
                } else {
                    id_of(org_id)
                },
                name: if org_name.is_empty() {
                    acronym.clone()
                } else {
                    org_name.clone()
                },
                acronym: acronym.clone(),
                kind,
                focal_points: Vec::new(),
                ..Default::default()
            },
        };
        let ids = [Some(OrgIndex::id_key(org.id))];
        let at = sheet_index.first_at(&orgs, &ids, |o| o.id == org.id);
        if let Some(i) = at {
            orgs[i] = org.clone();
            sheet_index.add(i, &org);
        } else {
            sheet_index.add(orgs.len(), &org);
            orgs.push(org.clone());
            incoming.organizations.push((
                org.clone(),
                Source {
                    file: file.clone(),
                    line,
                },
            ));
        }
        let mut areas = Vec::new();
        for code in list(r.areas.as_str()) {
            if gazetteer.get(&code).is_some() {
                areas.push(code);
            } else if let Some(area) = super::places::by_name(gazetteer, &code) {
                areas.push(area.pcode.clone());
            } else {
                incoming.problems.push(problem(
                    "areas",
                    format!("\"{}\" is neither a P-code of the gazetteer (such as IQG15) nor the English or Arabic name of one of its places: this area was left out", crate::model::text::short(&code)),
                ));
            }
        }
        let split = |text: &Cell| -> Vec<String> {
            text.as_str()
                .split(';')
                .map(|s| s.trim().to_string())
                .collect()
        };
        let names = split(&r.location_names);
        let addresses = split(&r.location_addresses);
        let pcodes = split(&r.location_pcodes);
        let locations = names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .map(|(i, n)| ServiceLocation {
                name: n.clone(),
                address: addresses.get(i).cloned().unwrap_or_default(),
                pcode: pcodes.get(i).cloned().filter(|p| !p.is_empty()),
            })
            .collect();
        let id_text = r.service_id.as_str();
        let id = if id_text.is_empty() {
            id_of(&format!("service:{}/{service}", org.name))
        } else {
            id_of(id_text)
        };
        incoming.services.push((
            Service {
                id,
                organization: org.id,
                name: service,
                sector,
                description: r.description.0.clone(),
                eligibility: r.eligibility.0.clone(),
                areas,
                locations,
                hours: r.hours.0.clone(),
                phone: r.phone.0.clone(),
                referral_method: r.referral_method.0.clone(),
                next_steps: r.next_steps.0.clone(),
                languages: list(r.languages.as_str()),
                required_documents: list(r.required_documents.as_str()),
                fees: r.fees.0.clone(),
                status: match r.status.as_str().to_lowercase().as_str() {
                    "inactive" => ServiceStatus::Inactive,
                    _ => ServiceStatus::Active,
                },
                ..Default::default()
            },
            Source {
                file: file.clone(),
                line,
            },
        ));
    }
    // An organization named by several rows: its last values.
    for (o, _) in incoming.organizations.iter_mut() {
        let ids = [Some(OrgIndex::id_key(o.id))];
        if let Some(latest) = sheet_index.first(&orgs, &ids, |x| x.id == o.id) {
            *o = latest.clone();
        }
    }
    let columns: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    incoming.not_kept = super::not_kept::in_sheet(path, &columns);
    if windows_1256 {
        incoming.windows_1256.push(file.clone());
    }
    Ok(incoming)
}

/// Organizations by id, acronym and name (case aside), for the lookups of each row: each
/// key lists the positions of every organization that has held it, in order.
#[derive(Default)]
struct OrgIndex {
    by_key: std::collections::HashMap<String, Vec<usize>>,
}

impl OrgIndex {
    fn id_key(id: uuid::Uuid) -> String {
        format!("id:{id}")
    }
    fn acronym_key(acronym: &str) -> String {
        format!("a:{}", acronym.to_ascii_lowercase())
    }
    fn name_key(name: &str) -> String {
        format!("n:{}", name.to_ascii_lowercase())
    }

    /// Records that position `i` holds `o` now (its earlier keys stay listed: a lookup
    /// checks the organization itself).
    fn add(&mut self, i: usize, o: &Organization) {
        let mut keys = vec![OrgIndex::id_key(o.id)];
        if !o.acronym.is_empty() {
            keys.push(OrgIndex::acronym_key(&o.acronym));
        }
        if !o.name.is_empty() {
            keys.push(OrgIndex::name_key(&o.name));
        }
        for k in keys {
            let at = self.by_key.entry(k).or_default();
            if let Err(pos) = at.binary_search(&i) {
                at.insert(pos, i);
            }
        }
    }

    /// The first organization of `list` (in its order) listed under any of `keys` that
    /// `matches`: what a scan of `list` with `matches` finds, without the scan.
    fn first<'o>(
        &self,
        list: &'o [Organization],
        keys: &[Option<String>],
        matches: impl Fn(&Organization) -> bool,
    ) -> Option<&'o Organization> {
        self.first_at(list, keys, matches).and_then(|i| list.get(i))
    }

    /// Its position.
    fn first_at(
        &self,
        list: &[Organization],
        keys: &[Option<String>],
        matches: impl Fn(&Organization) -> bool,
    ) -> Option<usize> {
        let mut best: Option<usize> = None;
        for key in keys.iter().flatten() {
            for &i in self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                if best.is_some_and(|b| b <= i) {
                    break;
                }
                if list.get(i).is_some_and(&matches) {
                    best = Some(i);
                    break;
                }
            }
        }
        best
    }
}
