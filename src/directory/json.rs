//! Open Referral HSDS 3.0 as JSON: one service object with its organization nested (as
//! the specification's `service_full.json`), an array of them, or `{"services": [...]}`.
//! Each service is read into structs (`#[derive(Deserialize)]`) that take what a file
//! gives as leniently as the tables do: a text is a string or a number (anything else is
//! empty), a list that is not an array is empty, and an item of a list that is not an
//! object reads as empty. A problem names the file and the value's path
//! (`[0].service_areas[0].name`).

use std::path::Path;

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde_json::Value;

use super::{ImportError, Incoming, Problem, Source, clean, hidden, id_of};
use crate::model::directory::FocalPoint;
use crate::model::{
    Gazetteer, LanguageDetail, LocationDetail, OrgType, Organization, PhoneDetail,
    Schedule as ModelSchedule, Sector, Service, ServiceLocation, ServiceStatus,
};

/// The largest HSDS JSON file read.
const MAX_JSON_BYTES: u64 = 64 << 20;

/// The most values (numbers, strings, arrays, objects, keys) a JSON file may hold, told
/// by its commas, colons and brackets before it is parsed: 10,000 services with all
/// their details hold about 2 million; parsed, 4 million values take some 130 MiB.
const MAX_JSON_VALUES: u64 = 4_000_000;

/// An upper bound on the values `bytes` holds as JSON (a comma or colon inside a
/// string counts too: an overestimate, never an underestimate).
fn values_at_most(bytes: &[u8]) -> u64 {
    1 + bytes
        .iter()
        .filter(|b| matches!(b, b',' | b':' | b'[' | b'{'))
        .count() as u64
}

/// A value read as text: a string (`super::clean`ed), a number as written, anything else
/// empty.
#[derive(Debug, Default)]
struct Text(String);

impl Text {
    fn as_str(&self) -> &str {
        &self.0
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        Ok(Text(match Value::deserialize(d)? {
            Value::String(s) => clean(&s),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        }))
    }
}

/// An object read into `T`; any other value reads as `T`'s default.
fn lenient<T: DeserializeOwned + Default, E: serde::de::Error>(v: Value) -> Result<T, E> {
    if v.is_object() {
        T::deserialize(v).map_err(E::custom)
    } else {
        Ok(T::default())
    }
}

/// A list: each object of an array read into `T` (another item reads as its default);
/// anything but an array is an empty list.
#[derive(Debug)]
struct List<T>(Vec<T>);

impl<T> Default for List<T> {
    fn default() -> List<T> {
        List(Vec::new())
    }
}

impl<'de, T: DeserializeOwned + Default> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        match Value::deserialize(d)? {
            Value::Array(items) => Ok(List(
                items
                    .into_iter()
                    .map(lenient)
                    .collect::<Result<_, D::Error>>()?,
            )),
            _ => Ok(List::default()),
        }
    }
}

/// An object read into `T`; none when it is not an object.
fn object<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    match Value::deserialize(d)? {
        v @ Value::Object(_) => T::deserialize(v).map(Some).map_err(D::Error::custom),
        _ => Ok(None),
    }
}

/// Any value present, read into `T` (`lenient`); none only when absent.
fn present<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(
    d: D,
) -> Result<Option<T>, D::Error> {
    lenient(Value::deserialize(d)?).map(Some)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonService {
    id: Text,
    name: Text,
    #[serde(deserialize_with = "object")]
    organization: Option<JsonOrganization>,
    alternate_name: Text,
    url: Text,
    email: Text,
    description: Text,
    eligibility_description: Text,
    application_process: Text,
    fees_description: Text,
    status: Text,
    x_daleel_sector: Text,
    x_daleel_next_steps: Text,
    service_areas: List<Named>,
    service_at_locations: List<AtLocation>,
    schedules: List<Schedule>,
    phones: List<Phone>,
    languages: List<Language>,
    required_documents: List<Document>,
    attributes: List<Attribute>,
}

/// A taxonomy term given to a service.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Attribute {
    #[serde(deserialize_with = "present")]
    taxonomy_term: Option<Term>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Term {
    code: Text,
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonOrganization {
    id: Text,
    name: Text,
    alternate_name: Text,
    description: Text,
    email: Text,
    website: Text,
    x_daleel_kind: Text,
    x_daleel_acronym: Text,
    contacts: List<Contact>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Contact {
    name: Text,
    email: Text,
    phones: List<Phone>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Phone {
    id: Text,
    number: Text,
    extension: Text,
    description: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Named {
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Schedule {
    id: Text,
    freq: Text,
    byday: Text,
    opens_at: Text,
    closes_at: Text,
    description: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Language {
    id: Text,
    name: Text,
    code: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Document {
    document: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AtLocation {
    #[serde(deserialize_with = "present")]
    location: Option<Location>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Location {
    id: Text,
    name: Text,
    alternate_name: Text,
    latitude: Text,
    longitude: Text,
    external_identifier: Text,
    external_identifier_type: Text,
    addresses: List<Address>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Address {
    address_1: Text,
    address_2: Text,
    city: Text,
    region: Text,
    state_province: Text,
}

impl Address {
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

/// The first text in a JSON value (its path, and why) with a hidden character.
fn hidden_in(v: &Value, path: String) -> Option<(String, String)> {
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

/// The kinds of object a service holds, for `not_kept`.
#[derive(Clone, Copy)]
enum Kind {
    Service,
    Organization,
    Contact,
    Phone,
    Named,
    Schedule,
    Language,
    Document,
    AtLocation,
    Location,
    Address,
    Attribute,
    Term,
}

impl Kind {
    /// The keys read from an object of this kind.
    fn kept(self) -> &'static [&'static str] {
        use super::table::field_names;
        match self {
            Kind::Service => field_names::<JsonService>(),
            Kind::Organization => field_names::<JsonOrganization>(),
            Kind::Contact => field_names::<Contact>(),
            Kind::Phone => field_names::<Phone>(),
            Kind::Named => field_names::<Named>(),
            Kind::Schedule => field_names::<Schedule>(),
            Kind::Language => field_names::<Language>(),
            Kind::Document => field_names::<Document>(),
            Kind::AtLocation => field_names::<AtLocation>(),
            Kind::Location => field_names::<Location>(),
            Kind::Address => field_names::<Address>(),
            Kind::Attribute => field_names::<Attribute>(),
            Kind::Term => field_names::<Term>(),
        }
    }

    /// The kind of the object (or of each object of the list) under `key`.
    fn child(self, key: &str) -> Option<Kind> {
        Some(match (self, key) {
            (Kind::Service, "organization") => Kind::Organization,
            (Kind::Service, "service_areas") => Kind::Named,
            (Kind::Service, "service_at_locations") => Kind::AtLocation,
            (Kind::Service, "schedules") => Kind::Schedule,
            (Kind::Service | Kind::Contact, "phones") => Kind::Phone,
            (Kind::Service, "languages") => Kind::Language,
            (Kind::Service, "required_documents") => Kind::Document,
            (Kind::Service, "attributes") => Kind::Attribute,
            (Kind::Organization, "contacts") => Kind::Contact,
            (Kind::AtLocation, "location") => Kind::Location,
            (Kind::Location, "addresses") => Kind::Address,
            (Kind::Attribute, "taxonomy_term") => Kind::Term,
            _ => return None,
        })
    }
}

/// Counts, by path (`organization.tax_status`), the values of a service that the import
/// does not keep (issue 18: the preview lists them).
fn not_kept(
    v: &Value,
    kind: Kind,
    path: &str,
    out: &mut std::collections::BTreeMap<String, usize>,
) {
    let Value::Object(map) = v else {
        return;
    };
    for (key, value) in map {
        let here = if path.is_empty() {
            crate::model::text::one_line(key).into_owned()
        } else {
            format!("{path}.{}", crate::model::text::one_line(key))
        };
        if let Some(child) = kind.child(key) {
            match value {
                Value::Array(items) => items.iter().for_each(|x| not_kept(x, child, &here, out)),
                other => not_kept(other, child, &here, out),
            }
            continue;
        }
        let empty = match value {
            Value::Null => true,
            Value::String(t) => t.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !empty && !kind.kept().contains(&key.as_str()) {
            *out.entry(here).or_default() += 1;
        }
    }
}

/// Reads HSDS 3.0 JSON.
pub fn read_json(path: &Path, gazetteer: &Gazetteer) -> Result<Incoming, ImportError> {
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
    if values_at_most(&bytes) > MAX_JSON_VALUES {
        return Err(ImportError::TooManyValues {
            path: crate::disk::shown(path),
            limit: MAX_JSON_VALUES,
        });
    }
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
    let mut incoming = Incoming::default();
    let problem = |at: String, message: String| Problem {
        file: file.clone(),
        line: 0,
        column: at,
        message,
    };
    let mut left_out = std::collections::BTreeMap::new();
    for value in &services {
        not_kept(value, Kind::Service, "", &mut left_out);
    }
    incoming.not_kept = left_out
        .into_iter()
        .map(|(column, count)| super::not_kept::NotKept {
            file: crate::model::text::one_line(&file).into_owned(),
            column: Some(column),
            count,
        })
        .collect();
    for (n, value) in services.iter().enumerate() {
        let at = |p: &str| format!("[{n}].{p}");
        if let Some((path, why)) = hidden_in(value, String::new()) {
            incoming.problems.push(problem(
                at(path.trim_start_matches('.')),
                format!(
                    "the value {why}: the service was left out; {}, then import the file again",
                    crate::model::text::ADVICE
                ),
            ));
            continue;
        }
        let s: JsonService = match lenient((*value).clone()) {
            Ok(s) => s,
            Err(e) => {
                let e: serde_json::Error = e;
                incoming.problems.push(problem(
                    at("id"),
                    format!("the service cannot be read ({e}): left out"),
                ));
                continue;
            }
        };
        let Some(org) = &s.organization else {
            incoming.problems.push(problem(
                at("organization"),
                "no organization: the service was left out".into(),
            ));
            continue;
        };
        if s.id.is_empty() || s.name.is_empty() || org.id.is_empty() || org.name.is_empty() {
            incoming.problems.push(problem(
                at("id"),
                "a service or its organization without an id or name: left out".into(),
            ));
            continue;
        }
        let focal_points = org
            .contacts
            .0
            .iter()
            .map(|c| FocalPoint {
                name: c.name.0.clone(),
                phone: c
                    .phones
                    .0
                    .first()
                    .map(|p| p.number.0.clone())
                    .unwrap_or_default(),
                email: c.email.0.clone(),
            })
            .collect();
        let kind = OrgType::from_code(org.x_daleel_kind.as_str()).unwrap_or(OrgType::Other);
        // As in the tabular files (`hsds`): Daleel's own acronym column, else a Latin
        // alternate name is the acronym and an Arabic one the alternate name.
        let (acronym, alternate_name) = if !org.x_daleel_acronym.is_empty() {
            (org.x_daleel_acronym.0.clone(), org.alternate_name.0.clone())
        } else if super::hsds::is_arabic(org.alternate_name.as_str()) {
            (String::new(), org.alternate_name.0.clone())
        } else {
            (org.alternate_name.0.clone(), String::new())
        };
        let mut well_formed = |key: &str, v: &Text, ok: fn(&str) -> bool| {
            if v.is_empty() || ok(v.as_str()) {
                v.0.clone()
            } else {
                incoming.problems.push(problem(
                    at(key),
                    format!(
                        "\"{}\" is not a well-formed {key} (HSDS asks for one): left out",
                        crate::model::text::short(v.as_str())
                    ),
                ));
                String::new()
            }
        };
        let org_email = well_formed("organization.email", &org.email, super::hsds::is_email);
        let website = well_formed("organization.website", &org.website, super::hsds::is_url);
        let url = well_formed("url", &s.url, super::hsds::is_url);
        let email = well_formed("email", &s.email, super::hsds::is_email);
        let organization = Organization {
            id: id_of(org.id.as_str()),
            name: org.name.0.clone(),
            acronym,
            kind,
            focal_points,
            alternate_name,
            description: if org.description.as_str() == org.name.as_str() {
                String::new()
            } else {
                org.description.0.clone()
            },
            website,
            email: org_email,
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
        let sector_text = s.x_daleel_sector.as_str();
        let sector = if sector_text.is_empty() {
            let taxonomy = super::taxonomy::Taxonomy::current();
            s.attributes
                .0
                .iter()
                .filter_map(|a| a.taxonomy_term.as_ref())
                .find_map(|t| taxonomy.sector(t.code.as_str(), t.name.as_str()))
                .unwrap_or(Sector::Other)
        } else if let Some(x) = Sector::from_code(sector_text) {
            x
        } else {
            incoming.problems.push(problem(
                at("x_daleel_sector"),
                format!("\"{sector_text}\" is not a sector: the service was left out"),
            ));
            continue;
        };
        let mut areas = Vec::new();
        for (i, a) in s.service_areas.0.iter().enumerate() {
            let code = a.name.as_str();
            if gazetteer.get(code).is_some() {
                areas.push(code.to_string());
            } else if let Some(area) = super::places::by_name(gazetteer, code) {
                areas.push(area.pcode.clone());
            } else {
                incoming.problems.push(problem(
                    at(&format!("service_areas[{i}].name")),
                    format!("\"{}\" is neither a P-code of the gazetteer (such as IQG15) nor the English or Arabic name of one of its places: this area was left out", crate::model::text::short(code)),
                ));
            }
        }
        let mut locations = Vec::new();
        let mut location_details = Vec::new();
        for (i, sal) in s.service_at_locations.0.iter().enumerate() {
            let Some(l) = &sal.location else {
                continue;
            };
            let mut bad = false;
            for (key, v, limit) in [
                ("latitude", &l.latitude, 90.0),
                ("longitude", &l.longitude, 180.0),
            ] {
                let v = v.as_str();
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
            location_details.push(LocationDetail {
                id: l.id.0.clone(),
                alternate_name: l.alternate_name.0.clone(),
                latitude: l
                    .latitude
                    .as_str()
                    .parse::<f64>()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                longitude: l
                    .longitude
                    .as_str()
                    .parse::<f64>()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            });
            locations.push(ServiceLocation {
                name: l.name.0.clone(),
                address: l.addresses.0.first().map(Address::line).unwrap_or_default(),
                pcode: l
                    .external_identifier_type
                    .as_str()
                    .eq_ignore_ascii_case("pcode")
                    .then(|| l.external_identifier.0.clone())
                    .filter(|p| !p.is_empty()),
            });
        }
        let phones: Vec<PhoneDetail> = s
            .phones
            .0
            .iter()
            .filter(|p| !p.number.is_empty())
            .map(|p| PhoneDetail {
                id: p.id.0.clone(),
                number: p.number.0.clone(),
                extension: if p.extension.as_str().bytes().all(|b| b.is_ascii_digit()) {
                    p.extension.0.clone()
                } else {
                    String::new()
                },
                description: p.description.0.clone(),
            })
            .collect();
        let schedules: Vec<ModelSchedule> = s
            .schedules
            .0
            .iter()
            .map(|x| ModelSchedule {
                id: x.id.0.clone(),
                freq: x.freq.0.clone(),
                byday: x.byday.0.clone(),
                opens_at: super::hsds::time_of_day(x.opens_at.as_str()).unwrap_or_default(),
                closes_at: super::hsds::time_of_day(x.closes_at.as_str()).unwrap_or_default(),
                description: x.description.0.clone(),
            })
            .collect();
        let mut service = Service {
            id: id_of(s.id.as_str()),
            organization: organization.id,
            name: s.name.0.clone(),
            sector,
            description: s.description.0.clone(),
            eligibility: s.eligibility_description.0.clone(),
            areas,
            locations,
            hours: schedules
                .iter()
                .map(ModelSchedule::words)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
            phone: phones.first().map(|p| p.number.clone()).unwrap_or_default(),
            referral_method: s.application_process.0.clone(),
            next_steps: s.x_daleel_next_steps.0.clone(),
            languages: s
                .languages
                .0
                .iter()
                .map(|l| {
                    if l.name.is_empty() {
                        l.code.0.clone()
                    } else {
                        l.name.0.clone()
                    }
                })
                .filter(|v| !v.is_empty())
                .collect(),
            required_documents: s
                .required_documents
                .0
                .iter()
                .map(|d| d.document.0.clone())
                .filter(|v| !v.is_empty())
                .collect(),
            fees: s.fees_description.0.clone(),
            status: match s.status.as_str().to_lowercase().as_str() {
                "" | "active" => ServiceStatus::Active,
                _ => ServiceStatus::Inactive,
            },
            alternate_name: s.alternate_name.0.clone(),
            url,
            email,
            location_details,
            phones,
            language_details: s
                .languages
                .0
                .iter()
                .filter(|l| !l.name.is_empty() || !l.code.is_empty())
                .map(|l| LanguageDetail {
                    id: l.id.0.clone(),
                    name: if l.name.is_empty() {
                        l.code.0.clone()
                    } else {
                        l.name.0.clone()
                    },
                    code: l.code.0.clone(),
                })
                .collect(),
            schedules,
        };
        super::tidy(&mut service);
        incoming.services.push((service, source));
    }
    Ok(incoming)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_file_of_millions_of_tiny_values_is_refused_before_it_is_parsed() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("services.json");
        let mut text = String::from("[");
        text.push_str(&"0,".repeat(MAX_JSON_VALUES as usize));
        text.push_str("0]");
        std::fs::write(&path, &text).expect("write");
        let gazetteer = Gazetteer::default();
        match read_json(&path, &gazetteer) {
            Err(ImportError::TooManyValues { limit, .. }) => assert_eq!(limit, MAX_JSON_VALUES),
            other => panic!("{:?}", other.map(|_| "read")),
        }
        // 7 values (an object, two keys, an array, two numbers, a string): the bound
        // counts the comma in the string too.
        assert_eq!(values_at_most(br#"{"a": [1, 2], "b": "x,y"}"#), 8);
    }
}
