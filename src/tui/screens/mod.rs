//! One module per screen: its state, what its keys mean (turned into actions), and how
//! it draws. Screens change only their own view state; the app acts on actions.

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

use super::jobs::{NeedRow, ReferralRow};
use crate::model::{Gazetteer, Organization, Service, Timestamp};
use crate::search::households::{HouseholdRow, HouseholdSearch};

/// What every screen may read: the data loaded from the store, kept in memory.
pub struct Data {
    pub now: Timestamp,
    /// Which way the screens read.
    pub direction: crate::tui::Direction,
    /// The laptop's offset from UTC, read once at start (fixed in tests).
    pub utc_offset_secs: i32,
    pub device_code: String,
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
    pub duplicate_groups: Vec<Vec<HouseholdRow>>,
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

    /// A time in the laptop's local time.
    pub fn local(&self, t: Timestamp) -> chrono::DateTime<chrono::FixedOffset> {
        let offset = chrono::FixedOffset::east_opt(self.utc_offset_secs)
            .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero is a valid offset"));
        t.to_utc().with_timezone(&offset)
    }

    /// "27 Nov" for a time.
    /// "12 Mar 2024" for a time.
    pub fn long_date(&self, t: Timestamp) -> String {
        self.local(t).format("%d %b %Y").to_string()
    }

    pub fn short_date(&self, t: Timestamp) -> String {
        self.local(t).format("%d %b").to_string()
    }

    /// "Sun 29 Nov 14:05" for a time.
    pub fn clock(&self, t: Timestamp) -> String {
        self.local(t).format("%a %d %b %H:%M").to_string()
    }

    /// "Ninewa · نينوى" for a P-code.
    pub fn place(&self, pcode: &str) -> String {
        match self.gazetteer.get(pcode) {
            Some(a) if !a.name_ar.is_empty() => format!("{} · {}", a.name_en, a.name_ar),
            Some(a) => a.name_en.clone(),
            None => pcode.to_string(),
        }
    }
}

/// A list's lines, aligned for the reading direction.
pub fn list_paragraph<'a>(
    lines: Vec<ratatui::text::Line<'a>>,
    data: &Data,
) -> ratatui::widgets::Paragraph<'a> {
    ratatui::widgets::Paragraph::new(lines).alignment(data.direction.alignment())
}

/// "3 days" / "5 hours" for a span of milliseconds, for how late something is.
pub fn span_words(ms: i64) -> String {
    use crate::i18n::{Arg, tr};
    let hours = ms / 3_600_000;
    if hours < 48 {
        tr("span-hours", &[("count", Arg::Num(hours.max(1)))])
    } else {
        tr("span-days", &[("count", Arg::Num(hours / 24))])
    }
}
