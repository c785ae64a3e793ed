//! HSDS 3.0 without loss (issue 18, items 1-3 and 9): the official example keeps what
//! Daleel can hold (ids, phones with extensions, languages with codes, schedules, places
//! with coordinates, url and email) and lists what it does not keep; a directory with
//! Arabic names comes back from an export unchanged; the export's datapackage.json lists
//! every file with its fields, the official HSDS 3.0 fields first; the built-in SAMPLE
//! services never leave; taxonomy terms and area names map; a Windows-1256 spreadsheet
//! is read and damaged UTF-8 refused with its line.

use std::path::{Path, PathBuf};

use daleel::directory::taxonomy::Taxonomy;
use daleel::directory::{self, hsds, sheet};
use daleel::model::directory::FocalPoint;
use daleel::model::{
    LanguageDetail, LocationDetail, OrgType, Organization, PhoneDetail, Schedule, Sector, Service,
    ServiceLocation, ServiceStatus,
};
use daleel::store::Edit;
use uuid::Uuid;

use crate::common;
use common::device::Device;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-3.0-example")
}

/// The official example with its location made usable: a latitude on the Earth and the
/// example's own organization (the example's 100 and dangling ids are reported elsewhere).
fn usable_example(into: &Path) -> PathBuf {
    let dir = into.join("example");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for entry in std::fs::read_dir(example()).expect("fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        let text = std::fs::read_to_string(&path).expect("read");
        let text = text
            .replace(",100,101,", ",45.5,101,")
            .replace(
                "985e4a42-bd9f-4edc-911d-0243a4640aca",
                "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
            )
            .replace(
                "ae67a707-5893-4225-b0b1-320ab9cb596b",
                "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
            );
        std::fs::write(dir.join(name), text).expect("write");
    }
    dir
}

fn import(d: &Device, dir: &Path) -> directory::Preview {
    let incoming = hsds::read(dir, &d.ws.store.gazetteer()).expect("read");
    directory::preview(&d.ws.store, incoming).expect("preview")
}

fn export(d: &Device, into: &Path, name: &str) -> PathBuf {
    let dir = into.join(name);
    hsds::write(&d.ws.store, &dir).expect("export");
    dir
}

fn stored_service(d: &Device, name: &str) -> Service {
    d.ws.store
        .services()
        .expect("services")
        .into_iter()
        .find(|s| s.name == name)
        .expect("imported")
}

#[test]
fn the_official_example_keeps_what_daleel_holds_and_lists_the_rest() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = Device::new();
    let p = import(&d, &usable_example(tmp.path()));
    let listed = |file: &str, column: Option<&str>| {
        p.not_kept
            .iter()
            .any(|n| n.file == file && n.column.as_deref() == column && n.count == 1)
    };
    assert!(listed("funding.csv", None), "{:#?}", p.not_kept);
    assert!(listed("services.csv", Some("wait_time")));
    assert!(listed("schedules.csv", Some("valid_from")));
    assert!(!listed("services.csv", Some("url")), "the url is kept");
    assert!(!listed("locations.csv", Some("latitude")), "kept");
    directory::apply(&d.ws.store, "coordinator", p).expect("apply");
    let s = stored_service(&d, "Community Counselling");
    assert_eq!(s.id.to_string(), "ac148810-d857-441c-9679-408f346de14b");
    assert_eq!(s.alternate_name, "MyCity Counselling Services");
    assert_eq!(s.url, "http://example.com/counselling");
    assert_eq!(s.email, "email@example.com");
    assert_eq!(
        s.phones,
        vec![PhoneDetail {
            id: "1554f2e2-a373-45db-a3fa-9fc48a61c15e".into(),
            number: "+44 1234 234567".into(),
            extension: "100".into(),
            description: s.phones[0].description.clone(),
        }]
    );
    assert!(s.phones[0].description.starts_with("Our main reception"));
    assert_eq!(
        s.language_details,
        vec![LanguageDetail {
            id: "2989d3ed-c547-48f8-8f9d-432d81c7892e".into(),
            name: "Urdu".into(),
            code: "ur".into(),
        }]
    );
    assert_eq!(s.schedules.len(), 1);
    assert_eq!(s.schedules[0].id, "48102e86-bb50-41c4-8f1e-e269368c41d1");
    assert_eq!(s.schedules[0].byday, "TH,FR");
    assert_eq!(s.schedules[0].opens_at, "10:00:00");
    assert_eq!(s.schedules[0].freq, "WEEKLY");
    assert!(s.hours.contains("10 am to 6pm"), "{}", s.hours);
    assert_eq!(s.locations.len(), 1);
    assert_eq!(s.locations[0].name, "MyCity Civic Center");
    assert_eq!(
        s.location_details,
        vec![LocationDetail {
            id: "3a19ff88-4620-4d17-9830-ac1d859eb5d5".into(),
            alternate_name: "Civic Center".into(),
            latitude: "45.5".into(),
            longitude: "101".into(),
        }]
    );
    let org =
        d.ws.store
            .organization(s.organization)
            .expect("read")
            .expect("org");
    assert_eq!(org.website, "http://example.com");
    assert_eq!(org.email, "email@example.com");
    assert!(org.description.starts_with("Example Org is a non-profit"));
    assert_eq!(org.acronym, "Example Org", "a Latin alternate name");
    // Exported and imported again: nothing changes, on this laptop or a fresh one.
    let out = export(&d, tmp.path(), "out");
    let again = import(&d, &out);
    assert!(again.is_empty(), "{:?} {:?}", again.changed, again.problems);
    let fresh = Device::new();
    directory::apply(&fresh.ws.store, "coordinator", import(&fresh, &out)).expect("apply");
    assert_eq!(stored_service(&fresh, "Community Counselling"), s);
    assert_eq!(
        fresh.ws.store.organization(org.id).expect("read"),
        Some(org)
    );
}

/// A directory as an Iraqi coordinator keeps it: Arabic alternate names, a place with
/// coordinates, two phones, a schedule, languages with codes.
fn arabic(d: &Device) -> (Organization, Service) {
    let org = Organization {
        id: Uuid::now_v7(),
        name: "Amal Relief Organization".into(),
        acronym: "ARO".into(),
        kind: OrgType::NationalNgo,
        focal_points: vec![FocalPoint {
            name: "هدى كريم".into(),
            phone: "0770 123 4567".into(),
            email: "huda at amal".into(),
        }],
        alternate_name: "منظمة الأمل للإغاثة".into(),
        description: "Legal aid and documents".into(),
        website: "https://amal.example.org".into(),
        email: "info@amal.example.org".into(),
    };
    let service = Service {
        id: Uuid::now_v7(),
        organization: org.id,
        name: "Civil documentation clinic".into(),
        sector: Sector::CivilDocumentation,
        description: "Lawyers help replace lost IDs.".into(),
        areas: vec!["IQG15".into()],
        locations: vec![ServiceLocation {
            name: "CRC Mosul".into(),
            address: "Al-Zuhoor, near the clinic".into(),
            pcode: Some("IQG15".into()),
        }],
        location_details: vec![LocationDetail {
            id: "crc-mosul".into(),
            alternate_name: "مركز الموارد المجتمعية - الموصل".into(),
            latitude: "36.34".into(),
            longitude: "43.13".into(),
        }],
        phone: "0780 000 1111".into(),
        phones: vec![
            PhoneDetail {
                id: String::new(),
                number: "0780 000 1111".into(),
                extension: "12".into(),
                description: "الاستقبال".into(),
            },
            PhoneDetail {
                id: String::new(),
                number: "0750 222 3333".into(),
                extension: String::new(),
                description: "WhatsApp".into(),
            },
        ],
        schedules: vec![Schedule {
            id: String::new(),
            freq: "WEEKLY".into(),
            byday: "SU,MO,TU,WE,TH".into(),
            opens_at: "08:00:00".into(),
            closes_at: "14:00:00".into(),
            description: String::new(),
        }],
        hours: "SU,MO,TU,WE,TH 08:00-14:00".into(),
        languages: vec!["العربية".into(), "Kurdish".into()],
        language_details: vec![LanguageDetail {
            id: String::new(),
            name: "العربية".into(),
            code: "ar".into(),
        }],
        alternate_name: "عيادة الوثائق المدنية".into(),
        url: "https://amal.example.org/docs".into(),
        email: "docs@amal.example.org".into(),
        status: ServiceStatus::Active,
        ..Service::default()
    };
    d.save(&[
        Edit::Organization(org.clone()),
        Edit::Service(service.clone()),
    ]);
    (org, service)
}

#[test]
fn a_directory_with_arabic_names_comes_back_from_hsds_with_every_kept_field() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = Device::new();
    let (org, service) = arabic(&d);
    let out = export(&d, tmp.path(), "out");
    let fresh = Device::new();
    let p = import(&fresh, &out);
    assert!(p.problems.is_empty(), "{:#?}", p.problems);
    assert!(p.not_kept.is_empty(), "{:#?}", p.not_kept);
    directory::apply(&fresh.ws.store, "coordinator", p).expect("apply");
    let back = fresh
        .ws
        .store
        .service(service.id)
        .expect("read")
        .expect("there");
    assert_eq!(
        fresh.ws.store.check().expect("check"),
        Vec::<String>::new(),
        "the change log gives the stored records, new fields included"
    );
    // Exactly as it was, but for the place's id, which HSDS asks to be a UUID.
    let mut expected = service.clone();
    expected.location_details[0].id = directory::id_of("crc-mosul").to_string();
    assert_eq!(back, expected);
    // A focal point's email that is not one travels in Daleel's own column.
    assert_eq!(
        fresh
            .ws
            .store
            .organization(org.id)
            .expect("read")
            .expect("org")
            .alternate_name,
        org.alternate_name
    );
    // The Arabic names are searched.
    let mut search = daleel::search::services::ServiceSearch::new(
        fresh.ws.store.services().expect("services"),
        &fresh.ws.store.organizations().expect("orgs"),
        &fresh.ws.store.gazetteer(),
    );
    for query in ["عيادة الوثائق", "مركز الموارد", "منظمة الامل"] {
        let hits = search.search(query, None, None, 5);
        assert_eq!(
            hits.first().map(|&i| search.services()[i].id),
            Some(service.id),
            "{query}"
        );
    }
}

/// The official datapackage.json's fields of a resource: (name, type, format, required).
fn official_fields(resource: &str) -> Vec<(String, String, String, bool)> {
    let official: serde_json::Value = serde_json::from_slice(
        &std::fs::read(example().join("datapackage.json")).expect("official package"),
    )
    .expect("json");
    fields_of(&official, resource)
}

fn fields_of(package: &serde_json::Value, resource: &str) -> Vec<(String, String, String, bool)> {
    let r = package["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["name"] == resource)
        .unwrap_or_else(|| panic!("no resource {resource}"));
    r["schema"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["name"].as_str().expect("name").to_string(),
                f["type"].as_str().expect("type").to_string(),
                f["format"].as_str().unwrap_or("").to_string(),
                f["constraints"]["required"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

#[test]
fn the_datapackage_lists_every_written_file_with_its_fields_the_official_ones_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = Device::new();
    arabic(&d);
    let out = export(&d, tmp.path(), "out");
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).expect("written"))
            .expect("json");
    let resources = package["resources"].as_array().expect("resources");
    let listed: std::collections::BTreeSet<String> = resources
        .iter()
        .map(|r| r["path"].as_str().expect("path").to_string())
        .collect();
    let written: std::collections::BTreeSet<String> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "datapackage.json")
        .collect();
    assert_eq!(
        listed, written,
        "every file written is listed, and only those"
    );
    for r in resources {
        let name = r["name"].as_str().expect("name");
        let path = r["path"].as_str().expect("path");
        let mut reader = csv::Reader::from_path(out.join(path)).expect("csv");
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        let ours = fields_of(&package, name);
        let names: Vec<String> = ours.iter().map(|f| f.0.clone()).collect();
        assert_eq!(
            header, names,
            "{path}: its columns are its fields, in order"
        );
        let official = official_fields(name);
        assert_eq!(
            ours[..official.len()],
            official[..],
            "{name}: the official fields"
        );
        for (extra, field) in ours[official.len()..]
            .iter()
            .zip(r["schema"]["fields"].as_array().expect("fields")[official.len()..].iter())
        {
            assert!(extra.0.starts_with("x_daleel_"), "{name}: {}", extra.0);
            assert!(field["description"].as_str().is_some_and(|d| !d.is_empty()));
        }
        // Every required field is filled on every row.
        for row in reader.records() {
            let row = row.expect("row");
            for (i, f) in ours.iter().enumerate() {
                if f.3 {
                    assert!(
                        !row.get(i).unwrap_or("").is_empty(),
                        "{path}: {} empty",
                        f.0
                    );
                }
            }
        }
    }
    assert!(written.contains("organizations.csv") && written.contains("attributes.csv"));
}

#[test]
fn the_built_in_sample_is_never_exported_and_stats_stops_naming_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    let run = |args: &[&str]| common::daleel(&data, args);
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let o = run(&[
        "services",
        "export",
        "--out",
        empty.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let services = std::fs::read_to_string(empty.join("services.csv")).expect("written");
    assert_eq!(services.lines().count(), 1, "the header only: {services}");
    let stats = run(&["stats"]);
    assert!(String::from_utf8_lossy(&stats.stdout).contains("built-in SAMPLE directory"));
    // A real directory imported: exports hold it alone, stats counts the sample left.
    let o = run(&[
        "services",
        "import",
        example().to_str().expect("utf-8"),
        "--yes",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    let o = run(&["services", "export", "--out", out.to_str().expect("utf-8")]);
    assert!(o.status.success());
    let services = std::fs::read_to_string(out.join("services.csv")).expect("written");
    assert_eq!(services.lines().count(), 2, "{services}");
    assert!(services.contains("Community Counselling"));
    let sheet_path = tmp.path().join("sheet.csv");
    let o = run(&[
        "services",
        "template",
        "--out",
        sheet_path.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success());
    let sheet = std::fs::read_to_string(&sheet_path).expect("written");
    assert_eq!(
        sheet.lines().count(),
        3,
        "header, explaining line, one service: {sheet}"
    );
    let sample = daleel::model::sample::directory();
    for s in &sample.services {
        assert!(!services.contains(&s.id.to_string()) && !sheet.contains(&s.id.to_string()));
    }
    let stats = String::from_utf8_lossy(&run(&["stats"]).stdout).into_owned();
    assert!(
        !stats.contains("(the built-in SAMPLE directory)"),
        "{stats}"
    );
    assert!(
        stats.contains("from the built-in SAMPLE directory, never exported"),
        "{stats}"
    );
}

#[test]
fn taxonomy_terms_map_to_sectors_and_areas_match_gazetteer_names() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("dir");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");
    write("organizations.csv", "id,name,description\no1,Amal,Relief\n");
    write(
        "services.csv",
        "id,organization_id,name,status\ns1,o1,Counselling,active\ns2,o1,Food parcels,active\ns3,o1,Something,active\n",
    );
    write(
        "taxonomy_terms.csv",
        "id,code,name,description\nt1,,Counselling,x\nt2,BD-1800,Food Pantries,x\nt3,ZZ,Unknown thing,x\n",
    );
    write(
        "attributes.csv",
        "id,link_id,taxonomy_term_id,link_entity\na1,s1,t1,service\na2,s2,t2,service\na3,s3,t3,service\n",
    );
    write(
        "service_areas.csv",
        "id,service_id,name\nx1,s1,نينوى\nx2,s1,anbar\nx3,s1,Atlantis\n",
    );
    let g = daleel::model::Gazetteer::builtin();
    let mut user = std::collections::BTreeMap::new();
    user.insert("bd-1800".to_string(), Sector::FoodSecurity);
    let incoming = hsds::read_mapped(&dir, &g, &Taxonomy::new(&user)).expect("read");
    let sector = |name: &str| {
        incoming
            .services
            .iter()
            .find(|(s, _)| s.name == name)
            .map(|(s, _)| s.sector)
    };
    assert_eq!(sector("Counselling"), Some(Sector::Mhpss), "built-in table");
    assert_eq!(
        sector("Food parcels"),
        Some(Sector::FoodSecurity),
        "the user's"
    );
    assert_eq!(sector("Something"), Some(Sector::Other));
    assert!(
        incoming.problems.iter().any(|p| p.line == 4
            && p.message.contains("Unknown thing")
            && p.message.contains("[taxonomy]")),
        "{:#?}",
        incoming.problems
    );
    let areas = &incoming.services[0].0.areas;
    assert_eq!(areas, &["IQG15".to_string(), "IQG01".to_string()]);
    assert!(
        incoming
            .problems
            .iter()
            .any(|p| p.file == "service_areas.csv" && p.line == 4)
    );
    // The default table alone files the food pantry under other.
    let plain = hsds::read(&dir, &g).expect("read");
    assert_eq!(
        plain
            .services
            .iter()
            .find(|(s, _)| s.name == "Food parcels")
            .map(|(s, _)| s.sector),
        Some(Sector::Other)
    );
}

/// "منظمة" in Windows-1256.
const MUNADHAMA_1256: &[u8] = b"\xE3\xE4\xD9\xE3\xC9";

#[test]
fn a_services_sheet_in_windows_1256_is_read_and_damaged_utf8_refused_with_its_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = Device::new();
    let mut bytes = b"organization,service,sector,notes\n".to_vec();
    for _ in 0..3 {
        bytes.extend(MUNADHAMA_1256);
        bytes.extend(b" ");
        bytes.extend(MUNADHAMA_1256);
        bytes.extend(b",Legal aid,civil_documentation,call first\n");
    }
    let path = tmp.path().join("arabic.csv");
    std::fs::write(&path, &bytes).expect("write");
    let g = d.ws.store.gazetteer();
    let orgs = d.ws.store.organizations().expect("orgs");
    let incoming = sheet::read(&path, &g, &orgs).expect("read as Windows-1256");
    assert_eq!(incoming.windows_1256, vec!["arabic.csv".to_string()]);
    assert_eq!(incoming.organizations[0].0.name, "منظمة منظمة");
    // A column the spreadsheet has no place for is listed, with its values counted.
    assert_eq!(
        incoming
            .not_kept
            .iter()
            .map(|n| (n.file.as_str(), n.column.as_deref(), n.count))
            .collect::<Vec<_>>(),
        vec![("arabic.csv", Some("notes"), 3)]
    );
    // UTF-8 with one damaged character on line 3.
    let mut damaged = "organization,service,sector\nمنظمة,Legal aid,health\n"
        .as_bytes()
        .to_vec();
    damaged.extend("منظمة".as_bytes());
    damaged.extend(b"\xE3,Legal aid,health\n");
    damaged.extend("منظمة أخرى,Clinic,health\n".as_bytes());
    let path = tmp.path().join("damaged.csv");
    std::fs::write(&path, &damaged).expect("write");
    match sheet::read(&path, &g, &orgs) {
        Err(directory::ImportError::NotText { why, .. }) => {
            assert_eq!(why, directory::encoding::NotText::DamagedUtf8 { line: 3 })
        }
        other => panic!("{other:?}"),
    }
    let o = common::daleel(
        &tmp.path().join("data"),
        &["services", "import", path.to_str().expect("utf-8"), "--yes"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("line 3") && err.contains("CSV UTF-8"), "{err}");
}

#[test]
fn the_templates_example_places_are_ones_the_gazetteer_accepts() {
    let g = daleel::model::Gazetteer::builtin();
    let helps = daleel::intake::COLUMNS
        .iter()
        .chain(sheet::COLUMNS.iter())
        .map(|(_, help)| *help);
    let mut checked = 0;
    for help in helps {
        for word in help.split(|c: char| !c.is_alphanumeric()) {
            if word.starts_with("IQ") && word.len() > 2 {
                assert!(g.get(word).is_some(), "{word} in {help:?}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 2, "the templates give P-codes as examples");
    for name in ["Ninewa", "نينوى", "Anbar"] {
        assert!(directory::places::by_name(&g, name).is_some(), "{name}");
    }
}

#[test]
fn the_official_json_example_keeps_the_same_fields() {
    let d = Device::new();
    let incoming = hsds::read_json(
        &example().join("service_full.json"),
        &d.ws.store.gazetteer(),
    )
    .expect("read");
    let (s, _) = &incoming.services[0];
    assert_eq!(s.alternate_name, "MyCity Counselling Services");
    assert_eq!(s.url, "http://example.com/counselling");
    assert_eq!(s.email, "email@example.com");
    assert_eq!(s.phones.len(), 1);
    assert_eq!(s.phones[0].id, "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
    assert_eq!(s.phones[0].extension, "100");
    assert_eq!(s.schedules[0].byday, "TH,FR");
    assert_eq!(s.schedules[0].opens_at, "10:00:00");
    assert_eq!(s.language_details[0].code, "ur");
    let (org, _) = &incoming.organizations[0];
    assert_eq!(org.website, "http://example.com");
    assert_eq!(org.email, "email@example.com");
    assert_eq!(org.acronym, "Example Org");
    let listed = |column: &str| {
        incoming
            .not_kept
            .iter()
            .any(|n| n.file == "service_full.json" && n.column.as_deref() == Some(column))
    };
    assert!(listed("wait_time"), "{:#?}", incoming.not_kept);
    assert!(listed("organization.tax_status"));
    assert!(listed("service_at_locations.location.transportation"));
    assert!(!listed("url") && !listed("phones.extension"), "kept");
}

#[test]
fn the_arabic_fixture_imports_with_its_names_places_and_hours() {
    let d = Device::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-arabic");
    let p = import(&d, &dir);
    assert!(
        p.problems.iter().all(|x| x.column == "x_daleel_sector"),
        "{:#?}",
        p.problems
    );
    directory::apply(&d.ws.store, "coordinator", p).expect("apply");
    let s = stored_service(&d, "Legal aid");
    assert_eq!(s.alternate_name, "المساعدة القانونية");
    assert_eq!(s.areas, vec!["IQG15".to_string()], "نينوى is Ninewa");
    assert_eq!(s.location_details[0].alternate_name, "مركز الموصل");
    assert_eq!(
        (
            s.location_details[0].latitude.as_str(),
            s.location_details[0].longitude.as_str()
        ),
        ("36.34", "43.13")
    );
    assert_eq!(s.phones[0].extension, "12");
    assert_eq!(s.hours, "SU,MO 08:00-14:00");
    let org =
        d.ws.store
            .organization(s.organization)
            .expect("read")
            .expect("org");
    assert_eq!(org.alternate_name, "منظمة الأمل");
    assert_eq!(
        org.acronym, "",
        "an Arabic alternate name is not an acronym"
    );
}
