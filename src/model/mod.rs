//! The domain: households, needs, the service directory, referrals and their lifecycle,
//! the gazetteer, duplicates decided, and the change log's envelope. Pure types and rules; no I/O.

pub mod card;
pub mod change;
pub mod clock;
pub mod device;
pub mod directory;
pub mod duplicate;
pub mod gazetteer;
pub mod household;
pub mod need;
pub mod phone;
pub mod queue;
pub mod referral;
pub mod sample;
pub mod team;
pub mod text;
pub mod time;

pub use directory::{
    LanguageDetail, LocationDetail, OrgType, Organization, OrganizationV1, PhoneDetail, Schedule,
    Service, ServiceLocation, ServiceStatus, ServiceV1,
};
pub use duplicate::{Distinct, Merges};
pub use gazetteer::{Area, Gazetteer};
pub use household::{
    CaseStatus, CivilDocument, Closure, ClosureReason, Consent, Displacement, DisplacementKind,
    Household, HouseholdV1, Location, Person, Sex, Vulnerability, WgAnswer, WgAnswers,
    retention_over,
};
pub use need::{Need, NeedStatus, Priority, Sector};
pub use referral::{
    DisclosedField, Move, NotSuccessfulReason, Outcome, Referral, ReferralStatus, Step,
};
pub use time::{Date, Timestamp};

use serde::{Deserialize, Serialize};

/// One problem found while checking a record: the field at fault and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The field's name as the form and the docs call it, e.g. `head.birth_year`.
    pub field: String,
    /// A plain sentence that says what is wrong and what to do.
    pub message: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Turns Arabic-Indic (٠-٩) and Persian (۰-۹) digits into ASCII digits, leaving the rest.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// Defines a closed set of named values with a stable snake_case name (used on the command
/// line, in JSON and in exports) and an English label (the screens show the catalog's
/// label instead: `tui::labels`).
macro_rules! named_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case name used on the command line and in JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The English label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Looks a value up by its code, ignoring case and `-` versus `_`.
            pub fn from_code(code: &str) -> Option<$name> {
                let wanted = code.trim().to_ascii_lowercase().replace('-', "_");
                $name::ALL.iter().copied().find(|v| v.code() == wanted)
            }

            /// The codes of every value, joined for a message.
            pub fn codes() -> String {
                $name::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
            }
        }

        impl Default for $name {
            /// The first value: a blank record's placeholder until a change sets it.
            fn default() -> $name {
                $name::ALL[0]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_and_persian_digits_become_ascii() {
        assert_eq!(ascii_digits("٠٧٧٠١٢٣"), "0770123");
        assert_eq!(ascii_digits("۱۹۸۴"), "1984");
        assert_eq!(ascii_digits("K7QX2-٠١٢٣"), "K7QX2-0123");
    }
}
