//! Values written in a language: dates with the month's name (Gregorian; the names are
//! messages, `month-1` to `month-12`, so that a native speaker can correct them), numbers
//! in the digits of the `digits` setting (Western 0-9, or Arabic-Indic ٠-٩ for Arabic
//! and Kurdish), and places by their name in the language. The printed pages (the
//! referral slip, the coordination report) write every value through a `Locale`; the
//! screens can do the same.
//!
//! Codes are never localised: a case code, a referral id, a phone number or a P-code
//! keeps its Western digits in every language, so that it can be typed back and
//! matched.

use std::sync::atomic::{AtomicU8, Ordering};

use super::{Arg, Lang, language, tr_in};
use crate::model::{Date, Gazetteer};

/// The digits numbers are written with (config.toml's `digits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    /// 0123456789, in every language.
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩ in Arabic and Kurdish; English keeps Western digits.
    ArabicIndic,
}

impl Digits {
    pub const ALL: [Digits; 2] = [Digits::Western, Digits::ArabicIndic];

    /// Its code in config.toml: `western` or `arabic-indic`.
    pub fn code(self) -> &'static str {
        match self {
            Digits::Western => "western",
            Digits::ArabicIndic => "arabic-indic",
        }
    }

    pub fn from_code(code: &str) -> Option<Digits> {
        let code = code.trim().to_lowercase().replace('_', "-");
        Digits::ALL.into_iter().find(|d| d.code() == code)
    }
}

static DIGITS: AtomicU8 = AtomicU8::new(0);

/// Writes numbers with `digits` from now on (set from config.toml at the start).
pub fn set_digits(digits: Digits) {
    DIGITS.store(digits as u8, Ordering::Relaxed);
}

/// The digits setting in force.
pub fn digits() -> Digits {
    match DIGITS.load(Ordering::Relaxed) {
        1 => Digits::ArabicIndic,
        _ => Digits::Western,
    }
}

/// A language and a digits setting: how a page or a screen writes its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locale {
    pub lang: Lang,
    pub digits: Digits,
}

impl Locale {
    pub fn new(lang: Lang, digits: Digits) -> Locale {
        Locale { lang, digits }
    }

    /// The language and the digits setting in force.
    pub fn current() -> Locale {
        Locale::new(language(), digits())
    }

    /// Whether numbers are written in Arabic-Indic digits: asked for, in a language
    /// written in Arabic script.
    pub fn arabic_indic(self) -> bool {
        self.digits == Digits::ArabicIndic && self.lang.is_rtl()
    }

    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        tr_in(self.lang, id, &[])
    }

    /// The message `id` in this language, its placeables filled.
    pub fn tr(self, id: &str, args: &[(&str, Arg)]) -> String {
        tr_in(self.lang, id, args)
    }

    /// A text's Western digits in this locale's digits, a decimal point between two
    /// digits as the Arabic decimal separator (`2.5` → `٢٫٥`). Anything else is kept:
    /// `<5` → `<٥`.
    pub fn number(self, text: &str) -> String {
        if !self.arabic_indic() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' if i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
                {
                    '\u{066B}'
                }
                _ => c,
            })
            .collect()
    }

    /// An integer in this locale's digits.
    pub fn int(self, n: impl Into<i64>) -> String {
        self.number(&n.into().to_string())
    }

    /// The name of month `month` (1 to 12) of the Gregorian calendar.
    pub fn month(self, month: u32) -> String {
        self.t(&format!("month-{}", month.clamp(1, 12)))
    }

    /// A date with its month's name: `27 August 2026`, `27 آب 2026` (the order is the
    /// message `date-long`'s).
    pub fn date(self, date: Date) -> String {
        use chrono::Datelike;
        let d = date.to_naive();
        let day = self.int(i64::from(d.day()));
        let year = self.int(i64::from(d.year()));
        let month = self.month(d.month());
        self.tr(
            "date-long",
            &[
                ("day", Arg::Str(&day)),
                ("month", Arg::Str(&month)),
                ("year", Arg::Str(&year)),
            ],
        )
    }

    /// A place (governorate, district, sub-district) by its P-code, named in this
    /// language: see `place_name`.
    pub fn place(self, gazetteer: &Gazetteer, pcode: &str) -> String {
        place_name(gazetteer, pcode, self.lang)
    }
}

/// A place by its P-code, named in `lang`: English for English; the Arabic name for
/// Arabic, and for Kurdish too (the gazetteer, like OCHA's COD-AB, holds English and
/// Arabic names only), falling back to the English name where the Arabic one is
/// missing; the code itself when the gazetteer does not know it.
pub fn place_name(gazetteer: &Gazetteer, pcode: &str, lang: Lang) -> String {
    let Some(area) = gazetteer.get(pcode) else {
        return pcode.to_string();
    };
    match lang {
        Lang::Ar | Lang::Ckb if !area.name_ar.trim().is_empty() => area.name_ar.clone(),
        _ if !area.name_en.trim().is_empty() => area.name_en.clone(),
        _ => pcode.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn digits_are_read_from_their_codes() {
        assert_eq!(Digits::from_code("arabic-indic"), Some(Digits::ArabicIndic));
        assert_eq!(
            Digits::from_code(" Arabic_Indic"),
            Some(Digits::ArabicIndic)
        );
        assert_eq!(Digits::from_code("western"), Some(Digits::Western));
        assert_eq!(Digits::from_code("roman"), None);
        assert_eq!(Digits::default(), Digits::Western);
    }

    #[test]
    fn numbers_take_the_digits_of_the_setting_in_arabic_and_kurdish_only() {
        let ar = Locale::new(Lang::Ar, Digits::ArabicIndic);
        assert_eq!(ar.int(2026), "٢٠٢٦");
        assert_eq!(ar.number("<5"), "<٥");
        assert_eq!(ar.number("12.5"), "١٢٫٥");
        assert_eq!(ar.number("end."), "end.");
        assert_eq!(ar.int(-3), "-٣");
        let ckb = Locale::new(Lang::Ckb, Digits::ArabicIndic);
        assert_eq!(ckb.int(1234567890), "١٢٣٤٥٦٧٨٩٠");
        // English, and Western digits, keep 0-9.
        assert_eq!(Locale::new(Lang::En, Digits::ArabicIndic).int(42), "42");
        assert_eq!(Locale::new(Lang::Ar, Digits::Western).number("2.5"), "2.5");
        // What is written comes back: dates and numbers typed with these digits parse.
        assert_eq!(crate::model::ascii_digits(&ar.int(1984)), "1984");
    }

    #[test]
    fn dates_name_their_month_in_the_language() {
        let d = date("2026-08-27");
        assert_eq!(
            Locale::new(Lang::En, Digits::Western).date(d),
            "27 August 2026"
        );
        assert_eq!(Locale::new(Lang::Ar, Digits::Western).date(d), "27 آب 2026");
        assert_eq!(
            Locale::new(Lang::Ar, Digits::ArabicIndic).date(d),
            "٢٧ آب ٢٠٢٦"
        );
        assert_eq!(
            Locale::new(Lang::Ckb, Digits::ArabicIndic).date(date("2026-01-05")),
            "٥ کانوونی دووەم ٢٠٢٦"
        );
        let ar = Locale::new(Lang::Ar, Digits::Western);
        assert_eq!(ar.month(1), "كانون الثاني");
        assert_eq!(ar.month(10), "تشرين الأول");
        assert_eq!(ar.month(12), "كانون الأول");
    }

    /// Every month has its name in every language, and the names differ.
    #[test]
    fn every_month_is_named_in_every_language() {
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<String> = (1..=12)
                .map(|m| {
                    let id = format!("month-{m}");
                    assert!(crate::i18n::has(&id), "{id}");
                    Locale::new(lang, Digits::Western).month(m)
                })
                .collect();
            assert_eq!(names.len(), 12, "{}: {names:?}", lang.code());
            if lang != Lang::En {
                let english = Locale::new(Lang::En, Digits::Western).month(3);
                assert!(!names.contains(&english), "{}", lang.code());
            }
        }
    }

    #[test]
    fn places_are_named_in_the_language_with_arabic_for_kurdish() {
        let g = Gazetteer::builtin();
        assert_eq!(place_name(&g, "IQG15", Lang::En), "Ninewa");
        assert_eq!(place_name(&g, "IQG15", Lang::Ar), "نينوى");
        assert_eq!(place_name(&g, "IQG11", Lang::Ckb), "أربيل");
        assert_eq!(place_name(&g, "IQG99", Lang::Ar), "IQG99");
        let g = Gazetteer::with_areas([crate::model::Area {
            pcode: "IQD1501".into(),
            name_en: "Mosul".into(),
            name_ar: String::new(),
            parent: Some("IQG15".into()),
            level: 2,
        }]);
        let ar = Locale::new(Lang::Ar, Digits::ArabicIndic);
        assert_eq!(
            ar.place(&g, "IQD1501"),
            "Mosul",
            "no Arabic name: the English"
        );
    }
}
