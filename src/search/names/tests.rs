use super::table::NAMES;
use super::*;

fn key(name: &str) -> String {
    String::from_utf8(name_key(name)).expect("ascii")
}

/// Whether a name typed as `typed` finds the name stored as `stored`.
fn finds(stored: &str, typed: &str) -> bool {
    all_match(&name_key(stored), &typed_words(typed, false))
}

#[test]
fn keys_are_consonant_classes_with_vowel_bytes() {
    assert_eq!(key("فاطمة"), "f9t.m");
    assert_eq!(key("fatima"), "f1t2m");
    assert_eq!(key("Fatma"), "f1t_m");
    assert_eq!(key("Al-Jubouri"), "j4b<r");
    assert_eq!(key("الجبوري"), "j.b<r");
    assert_eq!(key("عبد الله"), key("عبدالله"));
    assert_eq!(key("abd allah"), "v_b_d l");
    assert_eq!(key("Abdullah"), "v_b_d l");
    assert_eq!(key("1984 --"), "");
}

/// (Arabic as recorded, Latin as a worker types it): each finds the other.
const PAIRS: &[(&str, &str)] = &[
    ("فاطمة", "fatima"),
    ("فاطمة", "fatma"),
    ("فاطمه", "fatimah"),
    ("فاطمة", "Fatemah"),
    ("حسن", "hasan"),
    ("حسن", "hassan"),
    ("حسين", "hussein"),
    ("حسين", "husain"),
    ("حسين", "hussain"),
    ("حسين", "husayn"),
    ("عبدالله", "abdullah"),
    ("عبدالله", "abdallah"),
    ("عبد الله", "abd allah"),
    ("عبد الله", "abdulla"),
    ("عبدالرحمن", "abdul rahman"),
    ("عبد الرحمن", "abdurrahman"),
    ("عبد الرحمن", "abd al-rahman"),
    ("عبدالكريم", "abdelkarim"),
    ("كاظم", "kadhim"),
    ("كاظم", "kazim"),
    ("كاظم", "kathem"),
    ("ناظم", "nazim"),
    ("منذر", "munther"),
    ("منذر", "mundhir"),
    ("ثامر", "thamer"),
    ("هيثم", "haitham"),
    ("عثمان", "osman"),
    ("عثمان", "uthman"),
    ("قاسم", "qasim"),
    ("قاسم", "kasim"),
    ("قاسم", "gassim"),
    ("فاضل", "fadhil"),
    ("فاضل", "fadil"),
    ("رمضان", "ramadan"),
    ("رضا", "ridha"),
    ("رضا", "reza"),
    ("مرتضى", "murtada"),
    ("محمد", "mohammed"),
    ("محمد", "muhammad"),
    ("محمد", "mohamad"),
    ("محمود", "mahmoud"),
    ("محمود", "mahmood"),
    ("أحمد", "ahmed"),
    ("احمد", "ahmad"),
    ("عمر", "omar"),
    ("عمر", "umar"),
    ("علي", "ali"),
    ("علي", "aly"),
    ("علي", "3li"),
    ("عباس", "abbas"),
    ("يوسف", "yousif"),
    ("يوسف", "yusuf"),
    ("يوسف", "yousef"),
    ("إبراهيم", "ibrahim"),
    ("ابراهيم", "ebrahim"),
    ("إسماعيل", "ismail"),
    ("إسماعيل", "ismaeel"),
    ("زينب", "zainab"),
    ("زينب", "zeinab"),
    ("زينب", "zaynab"),
    ("مريم", "mariam"),
    ("رقية", "ruqaya"),
    ("رقية", "rukaya"),
    ("خديجة", "khadija"),
    ("خديجة", "khadeeja"),
    ("سعد", "saad"),
    ("سعد", "sa'ad"),
    ("رعد", "raad"),
    ("كريم", "kareem"),
    ("كريم", "karim"),
    ("حيدر", "haider"),
    ("حيدر", "haydar"),
    ("جعفر", "jaafar"),
    ("جعفر", "jafar"),
    ("مصطفى", "mustafa"),
    ("مصطفى", "mostafa"),
    ("مهدي", "mahdi"),
    ("مهدي", "mehdi"),
    ("نور", "noor"),
    ("نور", "nour"),
    ("نور", "nur"),
    ("هدى", "huda"),
    ("هدى", "hoda"),
    ("صالح", "saleh"),
    ("صالح", "salih"),
    ("عدي", "uday"),
    ("عدي", "oday"),
    ("قصي", "qusay"),
    ("قصي", "kusai"),
    ("وليد", "waleed"),
    ("وليد", "walid"),
    ("ياسين", "yaseen"),
    ("ياسين", "yassin"),
    ("طارق", "tariq"),
    ("طارق", "tarek"),
    ("شيماء", "shaimaa"),
    ("شيماء", "shayma"),
    ("إسراء", "israa"),
    ("إسراء", "esraa"),
    ("فتحي", "fathi"),
    ("أدهم", "adham"),
    ("إسحاق", "ishaq"),
    ("نور الدين", "nooruldeen"),
    ("نورالدين", "nuraddin"),
    ("نور الدين", "nour al-din"),
    ("صلاح الدين", "salahuddin"),
    ("ابو بكر", "abubakr"),
    ("أبو بكر", "abu bakr"),
    ("الجبوري", "al-jubouri"),
    ("الجبوري", "aljubouri"),
    ("الجبوري", "el jubouri"),
    ("الجبوري", "jbouri"),
    ("العبيدي", "al-obaidi"),
    ("العبيدي", "alobaidi"),
    ("الشمري", "ash-shammari"),
    ("الشمري", "al-shammari"),
    ("الدليمي", "ad-dulaimi"),
    ("الدليمي", "aldulaimi"),
    ("الزبيدي", "al-zubaidi"),
    ("الزبيدي", "az-zubaidy"),
    ("الطائي", "al-taie"),
    ("الطائي", "al-tai"),
    ("علوان", "alwan"),
    ("ليلى", "layla"),
    ("ليلى", "leila"),
    ("فاطمة حسن علي", "fatma hassan"),
    ("فاطمة حسن علي", "fatima ali"),
    ("حسين علي الجبوري", "hussein al-jubouri"),
];

#[test]
fn iraqi_names_meet_across_scripts_and_spellings() {
    assert!(PAIRS.len() >= 100);
    for (arabic, latin) in PAIRS {
        assert!(
            finds(arabic, latin),
            "{latin:?} should find {arabic:?}: {:?} against {:?}",
            typed_words(latin, false),
            key(arabic)
        );
        // The other way: a Latin record found by its Arabic spelling (the first word,
        // when the Latin names fewer words than the Arabic).
        let first: String = arabic.split_whitespace().take(1).collect();
        if latin.split_whitespace().count() == 1 || arabic.split_whitespace().count() == 1 {
            assert!(
                finds(latin, arabic) || finds(latin, &first),
                "{arabic:?} should find {latin:?}: {:?} against {:?}",
                typed_words(arabic, false),
                key(latin)
            );
        }
    }
}

#[test]
fn latin_spellings_meet_each_other() {
    for (a, b) in [
        ("fatima", "fatma"),
        ("fatima", "fatimah"),
        ("hasan", "hassan"),
        ("hussein", "husain"),
        ("hussein", "hossein"),
        ("abdullah", "abd allah"),
        ("abdullah", "abdallah"),
        ("abdul rahman", "abdulrahman"),
        ("abdul rahman", "abdel-rahman"),
        ("kadhim", "kazim"),
        ("kadhim", "kathem"),
        ("al-jubouri", "el-jbouri"),
        ("al-jubouri", "al jubouri"),
        ("yousif", "yusuf"),
        ("mohammed", "muhammad"),
        ("noor", "nour"),
        ("zainab", "zeinab"),
        ("kareem", "karim"),
        ("qasim", "kasim"),
    ] {
        assert!(finds(a, b), "{b:?} should find {a:?}");
        assert!(finds(b, a), "{a:?} should find {b:?}");
    }
}

#[test]
fn different_names_do_not_meet() {
    for (stored, typed) in [
        ("حسين", "hasan"),
        ("حسين", "hassan"),
        ("حسن", "hussein"),
        ("حسن", "husain"),
        ("Hussein", "hassan"),
        ("Hassan", "husain"),
        ("محمود", "mohammed"),
        ("محمد", "mahmoud"),
        ("Mohammed", "mahmoud"),
        ("محمد", "محمود"),
        ("أحمد", "hamid"),
        ("حامد", "ahmed"),
        ("Ahmed", "hamid"),
        ("علي", "layla"),
        ("ليلى", "ali"),
        ("علي", "عالية"),
        ("فاطمة", "fadia"),
        ("زينب", "zahra"),
        ("كاظم", "kamil"),
        ("ناظم", "nadim"),
        ("نديم", "nazim"),
        ("جاسم", "qasim"),
        ("خالد", "khalil"),
        ("مريم", "maryana"),
        ("الجبوري", "obaidi"),
        ("فاطمة حسن", "fatima hussein"),
    ] {
        assert!(
            !finds(stored, typed),
            "{typed:?} should not find {stored:?}: {:?} against {:?}",
            typed_words(typed, false),
            key(stored)
        );
    }
}

#[test]
fn a_word_being_typed_finds_the_words_it_begins() {
    let stored = name_key("فاطمة حسن علي");
    assert!(all_match(&stored, &typed_words("fat", true)));
    assert!(all_match(&stored, &typed_words("fatima has", true)));
    assert!(!all_match(&stored, &typed_words("fatima has", false)));
    // One consonant is too little to look for beginnings: only whole words.
    assert!(typed_words("fa", true).iter().all(|w| !w.prefix));
    assert!(all_match(&stored, &typed_words("ali", true)));
    assert!(!all_match(&name_key("Layla"), &typed_words("ali", true)));
}

#[test]
fn the_transliteration_uses_iraqi_spellings_then_letters() {
    assert_eq!(transliterate("فاطمة حسن علي"), "Fatima Hassan Ali");
    assert_eq!(transliterate("كاظم الجبوري"), "Kadhim Al-Jubouri");
    assert_eq!(transliterate("عبد الله"), "Abdullah");
    assert_eq!(transliterate("عبد الرحمن"), "Abdulrahman");
    assert_eq!(transliterate("مُحَمَّد"), "Mohammed");
    assert_eq!(transliterate("حمدان"), "Hamdan");
    assert_eq!(transliterate("الفلاحي"), "Al-Falahi");
    assert_eq!(transliterate("Fatima"), "Fatima");
    assert_eq!(latin_suggestion("Fatima"), None);
    assert_eq!(
        latin_suggestion(" زينب  الشمري "),
        Some("Zainab Al-Shammari".into())
    );
    assert!(NAMES.len() >= 60);
    // Every name of the table is found by its own transliteration.
    for (arabic, latin) in NAMES {
        assert!(finds(arabic, latin), "{latin} should find {arabic}");
    }
}

#[test]
fn distance_puts_the_same_spelling_first() {
    let typed = latin_words("hasan");
    let hassan = latin_words("حسن");
    let hussein = latin_words("Hussein");
    assert!(distance(&typed, false, &hassan) < distance(&typed, false, &hussein));
    assert_eq!(distance(&latin_words("ali"), false, &latin_words("علي")), 0);
    assert!(distance(&latin_words("ali"), false, &latin_words("عالية")) > 0);
    assert_eq!(
        distance(&latin_words("abdullah"), false, &latin_words("عبد الله")),
        0
    );
    assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
}
