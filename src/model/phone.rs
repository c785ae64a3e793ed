//! Phone numbers as one form for comparing (issue 16): Iraqi numbers are written
//! `+964 770 123 4567`, `00964 770…`, `964770…`, `0770 123 4567` or `770 123 4567`, with
//! spaces, dashes, dots or brackets, in ASCII or Arabic-Indic digits. Search and the
//! likely-duplicate check compare the national form (`07701234567`); a number of another
//! country keeps its country code after `00`. What is stored is what was typed.

use super::ascii_digits;

/// Iraq's country calling code.
const IRAQ: &str = "964";

/// The national form of a phone number: its digits, with an international prefix for
/// Iraq (`+964`, `00964`, or `964` before 9 or more digits) turned into the national `0`.
/// Another country's number is `00` and its digits. Empty when there are no digits.
pub fn national(phone: &str) -> String {
    let text = ascii_digits(phone);
    let plus = text.trim_start().starts_with('+');
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    match international {
        Some(number) => match number.strip_prefix(IRAQ) {
            Some(rest) => format!("0{}", rest.trim_start_matches('0')),
            None => format!("00{number}"),
        },
        None => match digits.strip_prefix(IRAQ) {
            Some(rest) if rest.len() >= 9 => format!("0{}", rest.trim_start_matches('0')),
            _ if digits.len() == 10 && digits.starts_with('7') => format!("0{digits}"),
            _ => digits,
        },
    }
}

/// Whether two phone numbers are the same number (a full number each: 7 digits or more).
pub fn same_number(a: &str, b: &str) -> bool {
    let a = national(a);
    a.len() >= 7 && a == national(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_writing_an_iraqi_number_gives_one_form() {
        for written in [
            "0770 123 4567",
            "07701234567",
            "0770-123-4567",
            "+964 770 123 4567",
            "+964 (0) 770 123 4567",
            "+9647701234567",
            "00964 770 123 4567",
            "00964-770-123-4567",
            "9647701234567",
            "770 123 4567",
            "٠٧٧٠ ١٢٣ ٤٥٦٧",
            "+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧",
            " 0770.123.4567 ",
        ] {
            assert_eq!(national(written), "07701234567", "{written:?}");
            assert!(same_number(written, "+964 770 123 4567"), "{written:?}");
        }
        assert_eq!(national("+90 532 000 0000"), "00905320000000");
        assert_eq!(national("0090 532 000 0000"), "00905320000000");
        assert!(!same_number("+90 532 000 0000", "0532 000 0000"));
        assert!(!same_number("0770 123 4567", "0770 123 4568"));
        assert!(!same_number("", ""));
        assert!(!same_number("123", "123"), "too short to be a number");
        // What is typed while searching: a beginning of a number.
        assert_eq!(national("+964 77"), "077");
        assert_eq!(national("0770 12"), "077012");
        assert_eq!(national("00964770"), "0770");
        assert_eq!(national(""), "");
    }
}
