//! Points in time (milliseconds since 1970 UTC) and calendar dates, stored as plain
//! integers so that the codec stays compact and independent of any date crate.

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// A point in time: milliseconds since 1970-01-01 UTC.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Timestamp(pub i64);

pub const HOUR_MS: i64 = 3_600_000;
pub const DAY_MS: i64 = 24 * HOUR_MS;

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp(Utc::now().timestamp_millis())
    }

    pub fn plus_ms(self, ms: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(ms))
    }

    pub fn to_utc(self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.0)
            .single()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
    }

    /// The calendar date of this moment in UTC.
    pub fn date(self) -> Date {
        Date::from_naive(self.to_utc().date_naive())
    }

    /// The year of this moment, in UTC.
    pub fn year(self) -> i32 {
        self.to_utc().year()
    }

    /// `2026-11-29 14:05` in the laptop's local time.
    pub fn local_minutes(self) -> String {
        self.to_utc()
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// RFC 3339 in UTC, for JSON.
    pub fn rfc3339(self) -> String {
        self.to_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}

/// A calendar date: days since 1970-01-01.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Date(pub i32);

impl Date {
    pub fn from_naive(date: NaiveDate) -> Date {
        Date((date - NaiveDate::default()).num_days() as i32)
    }

    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date::from_naive)
    }

    pub fn to_naive(self) -> NaiveDate {
        NaiveDate::default()
            .checked_add_signed(chrono::TimeDelta::days(self.0 as i64))
            .unwrap_or_default()
    }

    /// Parses `YYYY-MM-DD`, with Arabic-Indic digits allowed.
    pub fn parse(text: &str) -> Option<Date> {
        let text = super::ascii_digits(text.trim());
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .map(Date::from_naive)
    }

    /// The first moment of this date in UTC.
    pub fn start(self) -> Timestamp {
        Timestamp(self.0 as i64 * DAY_MS)
    }

    pub fn year(self) -> i32 {
        self.to_naive().year()
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.to_naive().format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_print_and_round_trip() {
        let d = Date::parse("2018-03-14").expect("valid date");
        assert_eq!(d.to_string(), "2018-03-14");
        assert_eq!(Date::parse("٢٠١٨-٠٣-١٤"), Some(d));
        assert_eq!(Date::parse("2018-02-30"), None);
        assert_eq!(d.start().date(), d);
        assert_eq!(Date::from_ymd(1970, 1, 2), Some(Date(1)));
    }
}
