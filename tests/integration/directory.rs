//! The service directory in and out: the official HSDS 3.0 example (its bad latitude
//! and dangling references reported), HSDS export and re-import unchanged, and the
//! services spreadsheet round trip.

use std::path::{Path, PathBuf};
use std::process::Command;

use daleel::directory::{self, hsds, sheet};
use daleel::model::directory::FocalPoint;
use daleel::model::{OrgType, Organization, Sector, Service, ServiceLocation, ServiceStatus};
use daleel::store::Edit;
use uuid::Uuid;

use crate::common;
use common::device::Device;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-3.0-example")
}

fn import_hsds(d: &Device, dir: &Path) -> directory::Preview {
    let incoming = hsds::read(dir, &d.ws.store.gazetteer()).expect("read");
    directory::preview(&d.ws.store, incoming).expect("preview")
}

#[test]
fn the_official_hsds_example_imports_with_its_problems_reported() {
    let d = Device::new();
    let p = import_hsds(&d, &example());
    assert_eq!(p.added.len(), 2, "{:?}", p.added);
    assert!(p.added.contains(&"Example Organization Inc.".to_string()));
    assert!(p.added.contains(&"Community Counselling".to_string()));
    let has = |file: &str, line: u64, column: &str| {
        p.problems
            .iter()
            .any(|x| x.file == file && x.line == line && x.column == column)
    };
    assert!(has("locations.csv", 2, "latitude"), "{:#?}", p.problems);
    assert!(!has("locations.csv", 2, "longitude"), "101 is a longitude");
    assert!(
        has("locations.csv", 2, "organization_id"),
        "a dangling reference"
    );
    assert!(has("contacts.csv", 2, "organization_id"));
    assert!(has("service_areas.csv", 2, "name"), "not a P-code");
    let shown = p.problems[0].to_string();
    assert!(
        shown.contains(", line ") && shown.contains(", column "),
        "{shown}"
    );
    directory::apply(&d.ws.store, "coordinator", p).expect("apply");
    let service =
        d.ws.store
            .services()
            .expect("services")
            .into_iter()
            .find(|s| s.name == "Community Counselling")
            .expect("imported");
    assert_eq!(service.phone, "+44 1234 234567");
    assert_eq!(service.languages, vec!["Urdu".to_string()]);
    assert_eq!(service.required_documents.len(), 1);
    assert!(
        service.locations.is_empty(),
        "the impossible location was not stored"
    );
    assert!(service.hours.contains("10 am to 6pm"));
    assert_eq!(service.sector, Sector::Other);
    // The same files again change nothing.
    let again = import_hsds(&d, &example());
    assert!(again.is_empty());
    assert_eq!(again.unchanged, 2);
}

/// A directory with what every field can hold: an organization with focal points, and a
/// service with areas, locations, languages and documents.
fn rich(d: &Device) -> (Organization, Service) {
    let org = Organization {
        id: Uuid::now_v7(),
        name: "منظمة الأمل للإغاثة".into(),
        acronym: "Amal Relief".into(),
        kind: OrgType::NationalNgo,
        focal_points: vec![
            FocalPoint {
                name: "Huda K.".into(),
                phone: "0770 123 4567".into(),
                email: "huda@example.org".into(),
            },
            FocalPoint {
                name: "Omar, reception".into(),
                phone: String::new(),
                email: String::new(),
            },
        ],
        ..Default::default()
    };
    let service = Service {
        id: Uuid::now_v7(),
        organization: org.id,
        name: "Legal aid, civil documents".into(),
        sector: Sector::CivilDocumentation,
        description: "Lawyers help replace lost IDs; \"urgent\" cases first.".into(),
        eligibility: "Returnees, IDPs".into(),
        areas: vec!["IQG15".into(), "IQG01".into()],
        locations: vec![
            ServiceLocation {
                name: "CRC Mosul".into(),
                address: "Al-Zuhoor, near the clinic".into(),
                pcode: Some("IQG15".into()),
            },
            ServiceLocation {
                name: "Mobile team".into(),
                address: String::new(),
                pcode: None,
            },
        ],
        hours: "Sun-Thu 08:00-14:00".into(),
        phone: "0780 000 1111".into(),
        referral_method: "By phone, then a form".into(),
        next_steps: "A lawyer calls within 3 days".into(),
        languages: vec!["Arabic".into(), "Kurdish".into()],
        required_documents: vec!["Any ID".into(), "Proof of return".into()],
        fees: String::new(),
        status: ServiceStatus::Inactive,
        ..Default::default()
    };
    d.save(&[
        Edit::Organization(org.clone()),
        Edit::Service(service.clone()),
    ]);
    (org, service)
}

fn sorted<T: Clone, K: Ord>(v: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut v = v;
    v.sort_by_key(|x| key(x));
    v
}

#[test]
fn an_hsds_export_imports_elsewhere_unchanged() {
    let out = tempfile::tempdir().expect("out");
    let (a, b) = (Device::new(), Device::new());
    rich(&a);
    let p = import_hsds(&a, &example());
    directory::apply(&a.ws.store, "c", p).expect("apply");
    let (orgs, services) = hsds::write(&a.ws.store, out.path()).expect("export");
    assert_eq!(
        (orgs, services),
        (2, 2),
        "the two directories' records, never the built-in sample's"
    );
    let p = import_hsds(&b, out.path());
    assert!(p.problems.is_empty(), "{:#?}", p.problems);
    directory::apply(&b.ws.store, "c", p).expect("apply");
    assert_eq!(
        sorted(b.ws.store.organizations().expect("o"), |o| o.id),
        sorted(a.ws.store.organizations().expect("o"), |o| o.id)
    );
    assert_eq!(
        sorted(b.ws.store.services().expect("s"), |s| s.id),
        sorted(a.ws.store.services().expect("s"), |s| s.id)
    );
    // And exporting again writes the same files.
    let again = tempfile::tempdir().expect("again");
    hsds::write(&b.ws.store, again.path()).expect("export");
    for f in [
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "contacts.csv",
    ] {
        assert_eq!(
            std::fs::read(out.path().join(f)).expect("a"),
            std::fs::read(again.path().join(f)).expect("b"),
            "{f}"
        );
    }
}

#[test]
fn the_services_spreadsheet_round_trips() {
    let out = tempfile::tempdir().expect("out");
    let (a, b) = (Device::new(), Device::new());
    let (org, service) = rich(&a);
    let path = out.path().join("services.csv");
    std::fs::write(&path, sheet::write(&a.ws.store).expect("sheet")).expect("write");
    let text = std::fs::read_to_string(&path).expect("read");
    let second = text.lines().nth(1).expect("the explanation line");
    assert!(second.starts_with("# "), "{second}");
    let known = b.ws.store.organizations().expect("o");
    let incoming = sheet::read(&path, &b.ws.store.gazetteer(), &known).expect("read");
    assert!(incoming.problems.is_empty(), "{:#?}", incoming.problems);
    let p = directory::preview(&b.ws.store, incoming).expect("preview");
    directory::apply(&b.ws.store, "c", p).expect("apply");
    let (bs, as_) = (
        sorted(b.ws.store.services().expect("s"), |s| s.id),
        sorted(a.ws.store.services().expect("s"), |s| s.id),
    );
    for (x, y) in bs.iter().zip(&as_) {
        assert_eq!(x, y);
    }
    assert_eq!(bs.len(), as_.len());
    let there =
        b.ws.store
            .organization(org.id)
            .expect("read")
            .expect("the same id");
    assert_eq!(
        (&there.name, &there.acronym, there.kind),
        (&org.name, &org.acronym, org.kind)
    );
    assert_eq!(b.ws.store.service(service.id).expect("r"), Some(service));
    // Importing the same sheet again changes nothing.
    let known = b.ws.store.organizations().expect("o");
    let incoming = sheet::read(&path, &b.ws.store.gazetteer(), &known).expect("read");
    assert!(
        directory::preview(&b.ws.store, incoming)
            .expect("p")
            .is_empty()
    );
}

#[test]
fn a_bad_row_is_reported_with_its_place_and_strict_applies_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("services.csv");
    std::fs::write(
        &path,
        "organization,organization_acronym,service,sector,areas\n\
         Mosul Legal Aid,MLA,Legal counselling,hlp,IQG15\n\
         Mosul Legal Aid,MLA,Unknown sector,plumbing,IQG15\n\
         Mosul Legal Aid,MLA,Bad area,hlp,NOWHERE\n",
    )
    .expect("write");
    let data = tempfile::tempdir().expect("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_daleel"))
            .envs(common::ENV)
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .env_remove("DALEEL_DATA_DIR")
            .output()
            .expect("run")
    };
    let p = path.to_str().expect("path");
    let strict = run(&["services", "import", p, "--strict", "--yes"]);
    assert!(!strict.status.success());
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(err.contains("services.csv, line 3, column sector"), "{err}");
    assert!(err.contains("services.csv, line 4, column areas"), "{err}");
    let search = run(&["services", "search", "Legal counselling", "--json"]);
    assert!(!String::from_utf8_lossy(&search.stdout).contains("Mosul Legal Aid"));
    // Without --strict the good rows go in (the bad area left out), exit 0.
    let ok = run(&["services", "import", p, "--yes"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("3 added"),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let search = run(&["services", "search", "Bad area", "--json"]);
    let found: serde_json::Value = serde_json::from_slice(&search.stdout).expect("json");
    let hit = found
        .as_array()
        .and_then(|a| a.iter().find(|s| s["name"] == "Bad area"))
        .expect("the row with a bad area went in");
    assert_eq!(hit["areas"].as_array().map(|a| a.len()), Some(0));
}

#[test]
fn the_official_hsds_json_example_imports_like_the_tables() {
    let d = Device::new();
    let incoming = hsds::read_json(
        &example().join("service_full.json"),
        &d.ws.store.gazetteer(),
    )
    .expect("read");
    let latitude = incoming
        .problems
        .iter()
        .find(|p| p.column.ends_with("location.latitude"))
        .expect("the impossible latitude is reported");
    assert!(
        latitude
            .to_string()
            .starts_with("service_full.json, [0].service_at_locations[0]"),
        "{latitude}"
    );
    let p = directory::preview(&d.ws.store, incoming).expect("preview");
    assert!(p.added.contains(&"Community Counselling".to_string()));
    directory::apply(&d.ws.store, "c", p).expect("apply");
    // The same service as the tables give.
    let from_json =
        d.ws.store
            .services()
            .expect("s")
            .into_iter()
            .find(|s| s.name == "Community Counselling")
            .expect("imported");
    let e = Device::new();
    let p = import_hsds(&e, &example());
    directory::apply(&e.ws.store, "c", p).expect("apply");
    let from_tables =
        e.ws.store
            .service(from_json.id)
            .expect("r")
            .expect("same id");
    assert_eq!(from_json.phone, from_tables.phone);
    assert_eq!(from_json.languages, from_tables.languages);
    assert_eq!(from_json.required_documents, from_tables.required_documents);
    assert_eq!(from_json.organization, from_tables.organization);
    let org =
        d.ws.store
            .organization(from_json.organization)
            .expect("r")
            .expect("org");
    assert_eq!(
        org.focal_points.len(),
        1,
        "its contact, with the contact's phone"
    );
}

#[test]
fn an_import_leaves_out_rows_with_hidden_characters_naming_line_and_column() {
    // A services spreadsheet: a good row, a service named with escape codes (the title
    // rewritten, the screen cleared), and an organization with a direction override.
    let dir = tempfile::tempdir().expect("dir");
    let sheet_path = dir.path().join("services.csv");
    std::fs::write(
        &sheet_path,
        "organization,organization_acronym,service,sector,areas,description\n\
         Mosul Legal Aid,MLA,Legal counselling,hlp,IQG15,\"Two lines\nin one cell\"\n\
         Mosul Legal Aid,MLA,\"Clinic \u{1b}]0;owned\u{7}\u{1b}[2J\",health,IQG15,\n\
         \"Aid \u{202e}diA\",AA,Food,food_security,IQG15,\n",
    )
    .expect("write");
    let d = Device::new();
    let known = d.ws.store.organizations().expect("o");
    let incoming = sheet::read(&sheet_path, &d.ws.store.gazetteer(), &known).expect("read");
    let place = |p: &directory::Problem| (p.line, p.column.clone());
    let places: Vec<(u64, String)> = incoming.problems.iter().map(place).collect();
    assert_eq!(
        places,
        [(4, "service".to_string()), (5, "organization".to_string())],
        "{:#?}",
        incoming.problems
    );
    assert!(incoming.problems[0].message.contains("U+001B"));
    assert_eq!(incoming.services.len(), 1, "the good row alone");
    assert_eq!(
        incoming.services[0].0.description, "Two lines in one cell",
        "a line break in a cell becomes a space"
    );

    // HSDS tables: a phone number of a service, in another file, with a C1 control.
    let hsds_dir = tempfile::tempdir().expect("hsds");
    std::fs::write(
        hsds_dir.path().join("organizations.csv"),
        "id,name\no1,Org One\n",
    )
    .expect("write");
    std::fs::write(
        hsds_dir.path().join("services.csv"),
        "id,organization_id,name\ns1,o1,Service One\ns2,o1,Service Two\n",
    )
    .expect("write");
    std::fs::write(
        hsds_dir.path().join("phones.csv"),
        "id,service_id,number\np1,s1,0770\u{9b}2J\np2,s2,0780 000 0000\n",
    )
    .expect("write");
    let incoming = hsds::read(hsds_dir.path(), &d.ws.store.gazetteer()).expect("read");
    assert!(
        incoming
            .problems
            .iter()
            .any(|p| p.file == "phones.csv" && p.line == 2 && p.column == "number"),
        "{:#?}",
        incoming.problems
    );
    assert!(
        incoming
            .services
            .iter()
            .all(|(s, _)| !s.phone.contains('\u{9b}'))
    );

    // HSDS JSON: the path of the value.
    let json_path = dir.path().join("services.json");
    std::fs::write(
        &json_path,
        serde_json::json!([
            {"id": "s1", "name": "Good", "organization": {"id": "o1", "name": "Org"}},
            {"id": "s2", "name": "Bad", "organization": {"id": "o1", "name": "Org \u{1b}[5m"}},
        ])
        .to_string(),
    )
    .expect("write");
    let incoming = hsds::read_json(&json_path, &d.ws.store.gazetteer()).expect("read");
    assert_eq!(incoming.services.len(), 1);
    assert_eq!(incoming.problems.len(), 1, "{:#?}", incoming.problems);
    assert_eq!(incoming.problems[0].column, "[1].organization.name");
}
