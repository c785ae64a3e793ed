//! One module per screen: its state, what its keys mean (turned into actions), its
//! footer and how it draws (the `Component` trait), and in `act.rs` its actions, its
//! action menu and its pop-ups (`impl App` blocks: only they change the store). Screens
//! change only their own view state; the app acts on actions.

pub mod help;
pub mod intake;
pub mod modal;
pub mod queue;
pub mod referrals;
pub mod services;
pub mod sync;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::jobs::{NeedRow, ReferralRow};
use super::keys::{Command, Key};
use super::theme::Theme;
use crate::i18n::Arg;
use crate::model::{Gazetteer, Organization, Service, Timestamp};
use crate::search::households::HouseholdSearch;

/// What a screen did with a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    /// Not a key of this screen: the app's defaults apply (the menu, back).
    NotConsumed,
    /// The screen used it (its own view state changed, or nothing to do).
    Consumed,
    /// The screen asks the app to act.
    Act(Action),
}

impl From<Option<Action>> for Handled {
    fn from(action: Option<Action>) -> Handled {
        action.map_or(Handled::Consumed, Handled::Act)
    }
}

/// A screen, as the app drives it: keys in, a footer and a drawing out.
pub trait Component {
    /// Handles a key that no pop-up and no global binding took.
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled;
    /// Whether the focused control takes typed letters (letter shortcuts are then off).
    fn typing(&self) -> bool {
        false
    }
    /// The keys the footer shows now.
    fn footer(&self) -> Vec<Command>;
    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme);
}

/// The state of every screen.
pub struct Screens {
    pub intake: intake::State,
    pub services: services::State,
    pub referrals: referrals::State,
    pub queue: queue::State,
    pub help: help::State,
    pub sync: sync::State,
}

impl Screens {
    pub fn get(&self, id: crate::tui::ScreenId) -> &dyn Component {
        use crate::tui::ScreenId;
        match id {
            ScreenId::Help => &self.help,
            ScreenId::Intake => &self.intake,
            ScreenId::Services => &self.services,
            ScreenId::Referrals => &self.referrals,
            ScreenId::Queue => &self.queue,
            ScreenId::Sync => &self.sync,
        }
    }

    pub fn get_mut(&mut self, id: crate::tui::ScreenId) -> &mut dyn Component {
        use crate::tui::ScreenId;
        match id {
            ScreenId::Help => &mut self.help,
            ScreenId::Intake => &mut self.intake,
            ScreenId::Services => &mut self.services,
            ScreenId::Referrals => &mut self.referrals,
            ScreenId::Queue => &mut self.queue,
            ScreenId::Sync => &mut self.sync,
        }
    }
}

/// What every screen may read: the data loaded from the store, kept in memory.
pub struct Data {
    pub now: Timestamp,
    /// Which way the screens read.
    pub direction: crate::tui::Direction,
    /// The terminal's size (columns, rows), as the last resize said.
    pub size: (u16, u16),
    /// The laptop's offset from UTC, read once at start (fixed in tests).
    pub utc_offset_secs: i32,
    pub device_code: String,
    /// This laptop's key fingerprint, to compare when another laptop trusts its card.
    pub device_fingerprint: String,
    pub device_name: String,
    pub worker: Option<String>,
    pub demo: bool,
    pub sample: bool,
    pub gazetteer: Gazetteer,
    pub services: Vec<Service>,
    /// Position in `services` by id.
    pub service_index: BTreeMap<Uuid, usize>,
    pub organizations: BTreeMap<Uuid, Organization>,
    /// False until the background load has finished.
    pub loaded: bool,
    pub load_error: Option<String>,
    pub households: Option<Arc<Mutex<HouseholdSearch>>>,
    pub household_count: usize,
    pub referrals: Vec<ReferralRow>,
    pub unreferred: Vec<NeedRow>,
    pub duplicate_groups: Vec<[crate::model::queue::PairRow; 2]>,
    /// Concurrent edits that sync could not order, with their values.
    pub conflicts: Vec<crate::store::merge::ConflictDetail>,
    /// Closed households kept longer than the retention period, oldest closure first.
    pub due_for_erasure: Vec<DueRow>,
    /// How long a closed household is kept before it is due for erasure.
    pub retention_months: u32,
    /// The team this laptop belongs to, in one line (none in no team).
    pub team_line: Option<String>,
    /// Team matters for the coordinator: expired certificates, changes with no effect.
    pub team_rows: Vec<TeamRow>,
    /// Forks seen: two different changes under one device's identity and number.
    pub forks: Vec<crate::store::fork::Fork>,
}

/// A team matter for the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamRow {
    /// A member's certificate expired (a warning: its changes still count).
    Expired {
        code: String,
        name: String,
        role: String,
        on: crate::model::Date,
    },
    /// A change kept with no effect: beyond its device's role, or after a revocation.
    NoEffect {
        code: String,
        seq: u64,
        reason: String,
        record: String,
        author: String,
    },
}

/// A closed household past the retention period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRow {
    pub id: Uuid,
    pub case_code: Box<str>,
    pub closed_at: Timestamp,
}

impl Data {
    pub fn service(&self, id: Uuid) -> Option<&Service> {
        self.service_index.get(&id).map(|&i| &self.services[i])
    }

    /// A service's name, for a list.
    pub fn service_name(&self, id: Uuid) -> &str {
        self.service(id).map(|s| s.name.as_str()).unwrap_or("?")
    }

    pub fn org_short(&self, id: Uuid) -> String {
        self.organizations
            .get(&id)
            .map(|o| o.short_name().to_string())
            .unwrap_or_else(|| "?".into())
    }

    /// An organization's name (its acronym when it has no name), for the queue.
    pub fn org_name(&self, id: Uuid) -> &str {
        match self.organizations.get(&id) {
            Some(o) if !o.name.trim().is_empty() => o.name.trim(),
            Some(o) => o.short_name(),
            None => "?",
        }
    }

    /// Whether the terminal is smaller than the screens are laid out for (only the
    /// "needs at least 80x24" message shows, and keys do nothing).
    pub fn too_small(&self) -> bool {
        self.size.0 < crate::tui::MIN_WIDTH || self.size.1 < crate::tui::MIN_HEIGHT
    }

    /// A time in the laptop's local time.
    pub fn local(&self, t: Timestamp) -> chrono::DateTime<chrono::FixedOffset> {
        let offset = chrono::FixedOffset::east_opt(self.utc_offset_secs)
            .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero is a valid offset"));
        t.to_utc().with_timezone(&offset)
    }

    /// "12 March 2026" for a time, in the screens' language and digits.
    pub fn long_date(&self, t: Timestamp) -> String {
        let d = self.local(t).date_naive();
        let date = crate::model::Date::from_naive(d);
        crate::i18n::format::Locale::current().date(date)
    }

    /// "27 Nov" for a time (the month's short name, in the screens' language).
    pub fn short_date(&self, t: Timestamp) -> String {
        let d = self.local(t).date_naive();
        short_day(d)
    }

    /// "27 Nov" for a date.
    pub fn day(&self, d: crate::model::Date) -> String {
        short_day(d.to_naive())
    }

    /// "27 Nov 14:05" for a time.
    pub fn day_time(&self, t: Timestamp) -> String {
        let local = self.local(t);
        let locale = crate::i18n::format::Locale::current();
        format!(
            "{} {}",
            short_day(local.date_naive()),
            locale.number(&local.format("%H:%M").to_string())
        )
    }

    /// "29 November 2026 14:05" for a time.
    pub fn long_date_time(&self, t: Timestamp) -> String {
        let locale = crate::i18n::format::Locale::current();
        let time = locale.number(&self.local(t).format("%H:%M").to_string());
        format!("{} {time}", self.long_date(t))
    }

    /// "14:05" for a time.
    pub fn time(&self, t: Timestamp) -> String {
        let locale = crate::i18n::format::Locale::current();
        locale.number(&self.local(t).format("%H:%M").to_string())
    }

    /// "Sun 29 Nov 14:05" for a time.
    pub fn clock(&self, t: Timestamp) -> String {
        use chrono::Datelike;
        let local = self.local(t);
        let locale = crate::i18n::format::Locale::current();
        let weekday = locale.t(&format!("weekday-{}", local.weekday().number_from_monday()));
        let day = locale.int(i64::from(local.day()));
        let month = locale.t(&format!("month-short-{}", local.month()));
        let time = locale.number(&local.format("%H:%M").to_string());
        locale.tr(
            "clock",
            &[
                ("weekday", Arg::Str(&weekday)),
                ("day", Arg::Str(&day)),
                ("month", Arg::Str(&month)),
                ("time", Arg::Str(&time)),
            ],
        )
    }

    /// A place (governorate, district) by its P-code, named in the screens' language
    /// (Arabic for Kurdish: the gazetteer has English and Arabic names).
    pub fn place(&self, pcode: &str) -> String {
        crate::i18n::format::place_name(&self.gazetteer, pcode, crate::i18n::language())
    }
}

/// "27 Nov": a day with its month's short name, in the screens' language and digits.
pub fn short_day(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let locale = crate::i18n::format::Locale::current();
    let day = locale.int(i64::from(d.day()));
    let month = locale.t(&format!("month-short-{}", d.month()));
    locale.tr(
        "date-short",
        &[("day", Arg::Str(&day)), ("month", Arg::Str(&month))],
    )
}

/// The widest short date in the screens' language ("27 Nov"), for a column of them.
pub fn short_date_width() -> usize {
    (1..=12)
        .filter_map(|m| chrono::NaiveDate::from_ymd_opt(2026, m, 28))
        .map(|d| crate::tui::widgets::width(&short_day(d)))
        .max()
        .unwrap_or(6)
}

/// "3 days" / "5 hours" for a span of milliseconds, for how late something is.
pub fn span_words(ms: i64) -> String {
    use crate::i18n::tr;
    let hours = ms / 3_600_000;
    if hours < 48 {
        tr("span-hours", &[("count", Arg::Num(hours.max(1)))])
    } else {
        tr("span-days", &[("count", Arg::Num(hours / 24))])
    }
}
