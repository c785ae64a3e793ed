use super::*;
use crate::model::gazetteer::Area;

fn gazetteer() -> Gazetteer {
    Gazetteer::with_areas([Area {
        pcode: "IQG15Q01".into(),
        name_en: "Mosul".into(),
        name_ar: "الموصل".into(),
        parent: Some("IQG15".into()),
        level: 2,
    }])
}

/// A fixed time in late 2026.
const NOW: Timestamp = Timestamp(1_795_950_000_000);

fn read_with(text: &str, map: Option<&ColumnMap>) -> Result<List, ImportError> {
    let g = gazetteer();
    let importer = Importer {
        worker: "Amal H.",
        now: NOW,
        gazetteer: &g,
    };
    read_text("list.csv".into(), text, Encoding::Utf8, map, &importer)
}

fn read(text: &str) -> List {
    read_with(text, None).expect("read")
}

/// (line, column, message) of each problem.
fn problems(list: &List) -> Vec<(u64, String, String)> {
    list.problems
        .iter()
        .map(|p| (p.line, p.column.clone(), p.message.clone()))
        .collect()
}

#[test]
fn the_template_reads_back_as_households() {
    let template = String::from_utf8(template().expect("template")).expect("UTF-8");
    assert!(
        template.starts_with('\u{feff}'),
        "a byte-order mark for Excel"
    );
    let header = template.lines().next().expect("header");
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        COLUMNS.map(|(c, _)| c).join(",")
    );
    let text = format!(
        "{template}\
         فاطمة حسن علي,Fatima Hassan Ali,0770 123 4567,نينوى,Mosul,Al-Zanjili,4,F,1984,returnee,yes,no,yes\n\
         Zainab Kadhim,,,IQG15,,,,,,idp_out_of_camp,نعم,,\n"
    );
    let list = read(&text);
    assert_eq!(list.rows, 2, "the explaining line is not a row");
    assert!(list.problems.is_empty(), "{:?}", list.problems);
    let [fatima, zainab] = &list.candidates[..] else {
        panic!("two households: {:?}", list.candidates)
    };
    assert_eq!((fatima.line, zainab.line), (3, 4));
    let h = &fatima.household;
    assert_eq!(h.head.name, "فاطمة حسن علي");
    assert_eq!(h.head.latin, "Fatima Hassan Ali");
    assert_eq!(h.head.sex, Some(Sex::Female));
    assert_eq!(h.head.birth_year, Some(1984));
    assert_eq!(h.head.relationship, "head");
    assert_eq!(h.phone, "0770 123 4567");
    assert_eq!(h.location.governorate, "IQG15");
    assert_eq!(h.location.district.as_deref(), Some("IQG15Q01"));
    assert_eq!(h.location.village, "Al-Zanjili");
    assert_eq!(
        (h.size, h.members.len()),
        (Some(4), 0),
        "the size given, no members named"
    );
    assert!(h.members.iter().all(|m| m.name.is_empty()));
    assert_eq!(h.displacement.kind, DisplacementKind::Returnee);
    let consent = h.consent.as_ref().expect("consent");
    assert!(consent.services && !consent.disclosure && consent.follow_up);
    assert_eq!(
        (consent.recorded_by.as_str(), consent.recorded_at),
        ("Amal H.", NOW)
    );
    assert_eq!((h.created_by.as_str(), h.created_at), ("Amal H.", NOW));
    assert!(h.case_code.is_empty(), "the store gives the case code");
    assert!(h.is_open());
    let h = &zainab.household;
    assert_eq!(h.people_count(), 1);
    assert_eq!(h.head.sex, None);
    assert_eq!(h.location.district, None);
    let consent = h.consent.as_ref().expect("consent");
    assert!(consent.services && !consent.disclosure && !consent.follow_up);
}

#[test]
fn rows_without_consent_are_never_households_and_bad_values_are_named_by_line_and_column() {
    let list = read(
        "head_name,phone,governorate,district,household_size,sex,birth_year,population_group,consent,consent_disclosure\n\
         Amal,,IQG15,,,,,returnee,no,\n\
         Huda,,IQG15,,,,,returnee,,\n\
         Layla,,IQG15,,,,,returnee,maybe,\n\
         Noor,07x0,Atlantis,,0,x,84,tent,yes,perhaps\n\
         ,0770 123 4567,IQG01,Mosul,,,,refugee,YES,\n\
         Sara,123,IQG01,Mosul,,,2030,refugee,Yes,\n\
         Rana,,IQG15,Hamdaniya,,,,returnee,بەڵێ,\n",
    );
    assert_eq!(list.no_consent, vec![2, 3, 4]);
    assert!(list.candidates.is_empty(), "{:?}", list.candidates);
    let found = problems(&list);
    let at = |line: u64| -> Vec<&str> {
        found
            .iter()
            .filter(|(l, _, _)| *l == line)
            .map(|(_, c, _)| c.as_str())
            .collect()
    };
    assert_eq!(
        at(5),
        [
            "consent_disclosure",
            "governorate",
            "household_size",
            "sex",
            "birth_year",
            "population_group",
            "phone"
        ]
    );
    assert_eq!(at(6), ["head_name", "district"]);
    assert_eq!(at(7), ["district", "birth_year", "phone"]);
    assert_eq!(at(8), ["district"]);
    for (_, _, message) in &found {
        assert!(message.ends_with(": the row was left out"), "{message}");
    }
    // No value of a cell is repeated in a message (names and phone numbers never are).
    for value in ["07x0", "Atlantis", "Hamdaniya", "perhaps", "tent", "123"] {
        assert!(
            found.iter().all(|(_, _, m)| !m.contains(value)),
            "{value} in {found:?}"
        );
    }
    let district = &found
        .iter()
        .find(|(l, c, _)| *l == 6 && c == "district")
        .expect("line 6")
        .2;
    assert!(
        district.contains("no districts of IQG01"),
        "the gazetteer has none there: {district}"
    );
}

#[test]
fn a_kobo_export_is_read_through_a_map() {
    let map = ColumnMap::parse(
        "[columns]\n\
         head_name = \"group_hh/hoh_name\"\n\
         phone = \"group_hh/hoh_phone\"\n\
         governorate = \"group_loc/gov\"\n\
         household_size = \"group_hh/hh_size\"\n\
         sex = \"group_hh/hoh_sex\"\n\
         consent = \"consent/agree\"\n\
         [values.sex]\n\
         \"1\" = \"female\"\n\
         \"2\" = \"male\"\n\
         [values.consent]\n\
         \"1\" = \"yes\"\n\
         [values.population_group]\n\
         \"\" = \"returnee\"\n\
         idp = \"idp_out_of_camp\"\n\
         [values.governorate]\n\
         ninewa_gov = \"IQG15\"\n",
        "kobo-map.toml",
    )
    .expect("map");
    // Kobo's legacy CSV export: semicolons, its own columns around Daleel's, a group
    // path that the map does not name (population_group is found by its last part).
    let list = read_with(
        "start;end;group_hh/hoh_name;group_hh/hoh_phone;group_loc/gov;group_hh/hh_size;group_hh/hoh_sex;group_hh/population_group;consent/agree;_uuid;_submission_time\n\
         2026-10-01;2026-10-01;أحمد الجبوري;+964 790 111 2222;ninewa_gov;3;2;IDP;1;6a1f;2026-10-01T10:00:00\n\
         2026-10-01;2026-10-01;Huda Salim;;Ninewa;1;1;;1;6a20;2026-10-01T10:05:00\n\
         2026-10-01;2026-10-01;Rana Ali;;Ninewa;1;1;;0;6a21;2026-10-01T10:06:00\n",
        Some(&map),
    )
    .expect("read");
    assert!(list.problems.is_empty(), "{:?}", list.problems);
    assert_eq!(list.no_consent, vec![4]);
    let ahmed = &list.candidates[0].household;
    assert_eq!(ahmed.head.name, "أحمد الجبوري");
    assert_eq!(ahmed.phone, "+964 790 111 2222");
    assert_eq!(ahmed.location.governorate, "IQG15");
    assert_eq!(ahmed.people_count(), 3);
    assert_eq!(ahmed.head.sex, Some(Sex::Male));
    assert_eq!(ahmed.displacement.kind, DisplacementKind::IdpOutOfCamp);
    let huda = &list.candidates[1].household;
    assert_eq!(
        huda.displacement.kind,
        DisplacementKind::Returnee,
        "\"\" = "
    );
    assert_eq!(huda.head.sex, Some(Sex::Female));
    // A problem names the export's column.
    let list = read_with(
        "group_hh/hoh_name;group_loc/gov;consent/agree\nAmal;Atlantis;1\n",
        Some(&map),
    );
    let list = list.expect_err("the map names columns the file lacks");
    assert!(
        list.to_string()
            .contains("no column \"group_hh/hoh_phone\" (the map's [columns] phone)"),
        "{list}"
    );
    let map = ColumnMap::parse(
        "[columns]\nhead_name = \"group_hh/hoh_name\"\ngovernorate = \"group_loc/gov\"\nconsent = \"consent/agree\"\n[values.population_group]\n\"\" = \"returnee\"\n",
        "m.toml",
    )
    .expect("map");
    let list = read_with(
        "group_hh/hoh_name;group_loc/gov;consent/agree\nAmal;Atlantis;yes\n",
        Some(&map),
    )
    .expect("read");
    assert_eq!(
        problems(&list),
        [(
            2,
            "group_loc/gov".to_string(),
            "not a governorate: use its P-code (IQG15) or its English or Arabic name: the row was left out"
                .to_string()
        )]
    );
}

#[test]
fn a_file_without_the_needed_columns_or_with_two_candidates_is_refused() {
    let e = read_with("name,phone\nAmal,\n", None).expect_err("no head_name");
    assert!(
        e.to_string()
            .starts_with("list.csv has no column head_name: its first line names the columns"),
        "{e}"
    );
    let e = read_with("a/head_name,b/head_name,consent\nAmal,Amal,yes\n", None)
        .expect_err("two candidates");
    assert!(
        e.to_string()
            .contains("the columns \"a/head_name\" and \"b/head_name\" could both be head_name"),
        "{e}"
    );
    // The template's own names win over a group path.
    let list = read(
        "head_name,x/head_name,governorate,population_group,consent\nAmal,Other,IQG15,returnee,yes\n",
    );
    assert_eq!(list.candidates[0].household.head.name, "Amal");
}

#[test]
fn answers_in_the_words_lists_use() {
    for yes in ["yes", "YES", " Yes ", "y", "نعم", "بەڵێ", "بلى", "true"] {
        assert!(is_yes(yes), "{yes:?}");
    }
    for not in ["no", "", "1", "ok", "لا", "yes please"] {
        assert!(!is_yes(not), "{not:?}");
    }
    assert_eq!(sex("Female"), Some(Sex::Female));
    assert_eq!(sex("أنثى"), Some(Sex::Female));
    assert_eq!(sex("انثى"), Some(Sex::Female));
    assert_eq!(sex("M"), Some(Sex::Male));
    assert_eq!(sex("ذكر"), Some(Sex::Male));
    assert_eq!(sex("2"), None);
    for (text, kind) in [
        ("returnee", DisplacementKind::Returnee),
        ("IDP in camp", DisplacementKind::IdpInCamp),
        ("idp-out-of-camp", DisplacementKind::IdpOutOfCamp),
        ("Host Community", DisplacementKind::HostCommunity),
        ("عائد", DisplacementKind::Returnee),
        ("لاجئ", DisplacementKind::Refugee),
    ] {
        assert_eq!(population_group(text), Some(kind), "{text:?}");
    }
    assert_eq!(population_group("idp"), None, "in or out of camp?");
    for (text, y) in [
        ("1984", Some(1984)),
        ("١٩٨٤", Some(1984)),
        ("1984-03-01", Some(1984)),
        ("1984-03-01T00:00:00.000+03:00", Some(1984)),
        ("01/03/1984", Some(1984)),
        ("84", None),
        ("1984 or 1985", None),
        ("about 1984", None),
        ("1984-1985", None),
    ] {
        assert_eq!(year(text), y, "{text:?}");
    }
    assert!(matches!(number("5"), Number::Is(5)));
    assert!(matches!(number("٥"), Number::Is(5)));
    assert!(matches!(number("5.0"), Number::Is(5)));
    assert!(matches!(number(" "), Number::Empty));
    assert!(matches!(number("five"), Number::Not));
    assert!(matches!(number("5.5"), Number::Not));
}

#[test]
fn governorates_and_districts_by_code_or_any_usual_name() {
    let g = gazetteer();
    for (text, pcode) in [
        ("IQG15", "IQG15"),
        ("iqg15", "IQG15"),
        ("Ninewa", "IQG15"),
        ("NINEVEH", "IQG15"),
        ("نينوى", "IQG15"),
        ("نينوي", "IQG15"),
        ("Anbar", "IQG01"),
        ("Al-Anbar", "IQG01"),
        ("الانبار", "IQG01"),
        ("انبار", "IQG01"),
        ("Salah al-Din", "IQG16"),
        ("Salahaddin", "IQG16"),
        ("Thi-Qar", "IQG17"),
        ("Dhi Qar", "IQG17"),
        ("Erbil", "IQG11"),
        ("هەولێر", "IQG11"),
        ("Sulaymaniyah", "IQG06"),
        ("Kerbala", "IQG12"),
        ("Karbala", "IQG12"),
    ] {
        assert_eq!(governorate(&g, text).as_deref(), Some(pcode), "{text:?}");
    }
    for text in ["Atlantis", "", "IQG99", "IQG15Q01", "al"] {
        assert_eq!(governorate(&g, text), None, "{text:?}");
    }
    assert_eq!(district(&g, "IQG15", "Mosul").as_deref(), Ok("IQG15Q01"));
    assert_eq!(district(&g, "IQG15", "الموصل").as_deref(), Ok("IQG15Q01"));
    assert_eq!(district(&g, "IQG15", "iqg15q01").as_deref(), Ok("IQG15Q01"));
    assert!(district(&g, "IQG15", "Sinjar").is_err());
    assert_eq!(
        district(&g, "IQG01", "IQG15Q01"),
        Err("IQG15Q01 is not a district of IQG01".into())
    );
}

#[test]
fn the_delimiter_is_the_first_line_s() {
    assert_eq!(delimiter("a,b;c\n"), b',');
    assert_eq!(delimiter("a;b;c\n1,5;2;3\n"), b';');
    assert_eq!(delimiter("a\tb\tc\n"), b'\t');
    assert_eq!(delimiter("\"x,y\";b\n"), b';', "a quoted comma is text");
    assert_eq!(delimiter("head_name\n"), b',');
}

#[test]
fn a_row_with_a_hidden_character_is_left_out_and_said_so() {
    let list = read(
        "head_name,governorate,population_group,consent,notes\n\
         Amal\u{1b}[2J,IQG15,returnee,yes,\n\
         Huda,IQG15,returnee,yes,\u{202e}x\n\
         Noor,IQG15,returnee,yes,\n",
    );
    assert_eq!(list.rows, 3);
    assert_eq!(
        list.problems
            .iter()
            .map(|p| (p.line, p.column.as_str()))
            .collect::<Vec<_>>(),
        [(2, "head_name"), (3, "notes")]
    );
    assert_eq!(list.candidates.len(), 1);
}
