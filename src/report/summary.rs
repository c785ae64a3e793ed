//! `daleel report --since DATE --until DATE --by sector,governorate,org`: households
//! reached, needs by status, referrals by status and outcome, and the median days to a
//! response, per group; every count under 5 shown as "<5".
//!
//! The period takes the needs recorded and the referrals created in it (both days
//! included). A need belongs to its sector and its household's governorate; with `org`
//! among the groups, to each organization it was referred to in the period, or to
//! "(none)".
//!
//! A group is kept by its codes (the sector's code, the governorate's P-code, the
//! organization's short name, empty for none) and named when written: in English in the
//! CSV (the same in every language, for spreadsheets and tools), in the page's language
//! on the HTML page (`html::page`).

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::export::days_to_response;
use crate::i18n::format::Locale;
use crate::i18n::labels;
use crate::model::{
    Date, Gazetteer, Household, Need, NeedStatus, Referral, ReferralStatus, Sector,
};
use crate::store::{Store, StoreError};

/// What a report groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum By {
    Sector,
    Governorate,
    Org,
}

/// Why a `--by` list cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ByError {
    /// A word that names no group.
    #[error("cannot group by \"{word}\": give sector, governorate and/or org, separated by commas")]
    Unknown { word: String },
}

impl By {
    /// The groups of a comma-separated list (`sector,governorate,org`), each once.
    pub fn parse(list: &str) -> Result<Vec<By>, ByError> {
        let mut out = Vec::new();
        for word in list.split(',').map(|w| w.trim().to_lowercase()) {
            let by = match word.as_str() {
                "sector" => By::Sector,
                "governorate" => By::Governorate,
                "org" | "organization" => By::Org,
                "" => continue,
                other => {
                    return Err(ByError::Unknown {
                        word: other.to_string(),
                    });
                }
            };
            if !out.contains(&by) {
                out.push(by);
            }
        }
        Ok(out)
    }

    /// Its column's heading on the page, in `locale`'s language.
    pub fn heading(self, locale: Locale) -> String {
        locale.t(match self {
            By::Sector => "page-report-col-sector",
            By::Governorate => "page-report-col-governorate",
            By::Org => "page-report-col-org",
        })
    }

    fn column(self) -> (&'static str, &'static str) {
        match self {
            By::Sector => ("sector", "#sector +cluster"),
            By::Governorate => ("governorate", "#adm1 +name"),
            By::Org => ("organization", "#org +impl"),
        }
    }
}

/// The counts of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub households: BTreeSet<Uuid>,
    pub needs: BTreeMap<&'static str, u64>,
    pub referrals: BTreeMap<&'static str, u64>,
    pub outcomes: BTreeMap<&'static str, u64>,
    pub response_days: Vec<i64>,
}

/// A report: its groups in order (each by its codes, one per `by`), each with its counts.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub since: Date,
    pub until: Date,
    /// The day it was made.
    pub made: Date,
    pub by: Vec<By>,
    pub groups: BTreeMap<Vec<String>, Counts>,
    /// The places, to name the governorates in a language.
    pub gazetteer: Gazetteer,
    /// Made from a database of `daleel demo` (marked DEMO wherever it is written).
    pub demo: bool,
}

pub const NEED_STATUSES: [NeedStatus; 4] = [
    NeedStatus::Open,
    NeedStatus::Referred,
    NeedStatus::Met,
    NeedStatus::ClosedUnmet,
];
pub const REFERRAL_STATUSES: [ReferralStatus; 7] = [
    ReferralStatus::Draft,
    ReferralStatus::Sent,
    ReferralStatus::Accepted,
    ReferralStatus::Rejected,
    ReferralStatus::Completed,
    ReferralStatus::Closed,
    ReferralStatus::Cancelled,
];

/// The median of some day counts (none when there are fewer than 5: too few to show).
pub fn median(days: &[i64]) -> Option<f64> {
    if days.len() < 5 {
        return None;
    }
    let mut d = days.to_vec();
    d.sort_unstable();
    let mid = d.len() / 2;
    Some(if d.len().is_multiple_of(2) {
        (d[mid - 1] + d[mid]) as f64 / 2.0
    } else {
        d[mid] as f64
    })
}

pub fn build(store: &Store, since: Date, until: Date, by: &[By]) -> Result<Report, StoreError> {
    let in_period = |d: Date| d >= since && d <= until;
    let gazetteer = store.gazetteer();
    let orgs: BTreeMap<Uuid, String> = store
        .organizations()?
        .into_iter()
        .map(|o| (o.id, o.short_name().to_string()))
        .collect();
    let mut households: BTreeMap<Uuid, Option<Household>> = BTreeMap::new();
    let mut governorate = |id: Uuid| -> Result<String, StoreError> {
        if let std::collections::btree_map::Entry::Vacant(slot) = households.entry(id) {
            slot.insert(store.get::<Household>(id)?);
        }
        let gov = households
            .get(&id)
            .and_then(|h| h.as_ref())
            .map(|h| h.location.governorate.clone())
            .unwrap_or_default();
        Ok(gov)
    };
    // Each need's organizations: those of its referrals created in the period.
    let mut referred_to: BTreeMap<Uuid, BTreeSet<String>> = BTreeMap::new();
    let referrals: Vec<Referral> = store
        .all::<Referral>()
        .filter_map(|r| r.ok())
        .filter(|r| in_period(r.created_at.date()))
        .collect();
    for r in &referrals {
        referred_to
            .entry(r.need)
            .or_default()
            .insert(orgs.get(&r.organization).cloned().unwrap_or_default());
    }
    let mut report = Report {
        since,
        until,
        made: store.now().date(),
        by: by.to_vec(),
        groups: BTreeMap::new(),
        gazetteer: gazetteer.clone(),
        demo: store.kind()? == Some(crate::store::DatabaseKind::Demo),
    };
    let needs: BTreeMap<Uuid, Need> = store
        .all::<Need>()
        .filter_map(|n| n.ok())
        .map(|n| (n.id, n))
        .collect();
    for n in needs.values().filter(|n| in_period(n.created_at.date())) {
        let gov = governorate(n.household)?;
        let org_list: Vec<String> = match referred_to.get(&n.id) {
            Some(set) if by.contains(&By::Org) => set.iter().cloned().collect(),
            _ => vec![String::new()],
        };
        for org in org_list {
            let key = key(by, n.sector.code(), &gov, &org);
            let c = report.groups.entry(key).or_default();
            c.households.insert(n.household);
            *c.needs.entry(n.status.code()).or_default() += 1;
        }
    }
    for r in &referrals {
        let Some(need) = needs.get(&r.need) else {
            continue;
        };
        let gov = governorate(r.household)?;
        let org = orgs.get(&r.organization).cloned().unwrap_or_default();
        let c = report
            .groups
            .entry(key(by, need.sector.code(), &gov, &org))
            .or_default();
        c.households.insert(r.household);
        *c.referrals.entry(r.status().code()).or_default() += 1;
        if let Some(o) = r.history.iter().rev().find_map(|s| s.outcome.clone()) {
            let word = match o {
                crate::model::Outcome::Successful => "successful",
                crate::model::Outcome::NotSuccessful(_) => "not_successful",
            };
            *c.outcomes.entry(word).or_default() += 1;
        }
        if let Some(d) = days_to_response(r) {
            c.response_days.push(d);
        }
    }
    Ok(report)
}

fn key(by: &[By], sector: &str, gov: &str, org: &str) -> Vec<String> {
    by.iter()
        .map(|b| match b {
            By::Sector => sector.to_string(),
            By::Governorate => gov.to_string(),
            By::Org => org.to_string(),
        })
        .collect()
}

/// The outcomes a report counts, by their codes.
pub const OUTCOMES: [&str; 2] = ["successful", "not_successful"];

impl Report {
    /// A group's cell for `by`, named for the CSV: the sector's and the governorate's
    /// English names, "(none)" for needs not referred.
    fn csv_name(&self, by: By, cell: &str) -> String {
        match by {
            By::Sector => Sector::from_code(cell)
                .map_or(cell, |s| s.label())
                .to_string(),
            By::Governorate => self.gazetteer.name(cell),
            By::Org if cell.is_empty() => "(none)".to_string(),
            By::Org => cell.to_string(),
        }
    }

    /// A group's cell for `by`, named in `locale`'s language.
    pub fn name_in(&self, by: By, cell: &str, locale: Locale) -> String {
        match by {
            By::Sector => Sector::from_code(cell)
                .map(|s| labels::sector_in(locale.lang, s))
                .unwrap_or_else(|| cell.to_string()),
            By::Governorate => locale.place(&self.gazetteer, cell),
            By::Org if cell.is_empty() => locale.t("page-report-not-referred"),
            By::Org => cell.to_string(),
        }
    }

    /// A group's counts as the report shows them, in the order of `table`'s columns
    /// after the groups: households reached, needs by status, referrals by status,
    /// outcomes, and the median days to a response (empty when there was no answer,
    /// "<5" when there were fewer than 5). Each count under 5 is "<5".
    pub fn values(c: &Counts) -> Vec<String> {
        let mut row = vec![super::suppressed(c.households.len() as u64)];
        for s in NEED_STATUSES {
            row.push(super::suppressed(
                c.needs.get(s.code()).copied().unwrap_or(0),
            ));
        }
        for s in REFERRAL_STATUSES {
            row.push(super::suppressed(
                c.referrals.get(s.code()).copied().unwrap_or(0),
            ));
        }
        for o in OUTCOMES {
            row.push(super::suppressed(c.outcomes.get(o).copied().unwrap_or(0)));
        }
        row.push(match median(&c.response_days) {
            Some(m) => format!("{m:.1}"),
            None if c.response_days.is_empty() => String::new(),
            None => "<5".into(),
        });
        row
    }

    /// The table's header, its HXL row and its rows, each count suppressed under 5.
    pub fn table(&self) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
        let mut header: Vec<String> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        for b in &self.by {
            let (c, t) = b.column();
            header.push(c.into());
            tags.push(t.into());
        }
        header.push("households_reached".into());
        tags.push("#reached +hh +num".into());
        for s in NEED_STATUSES {
            header.push(format!("needs_{}", s.code()));
            tags.push(format!("#indicator +needs +{} +num", s.code()));
        }
        for s in REFERRAL_STATUSES {
            header.push(format!("referrals_{}", s.code()));
            tags.push(format!("#indicator +referrals +{} +num", s.code()));
        }
        for o in OUTCOMES {
            header.push(format!("outcome_{o}"));
            tags.push(format!("#indicator +outcome +{o} +num"));
        }
        header.push("median_days_to_response".into());
        tags.push("#indicator +days_to_response +median".into());
        let rows = self
            .groups
            .iter()
            .map(|(key, c)| {
                let mut row: Vec<String> = self
                    .by
                    .iter()
                    .zip(key)
                    .map(|(b, cell)| self.csv_name(*b, cell))
                    .collect();
                row.extend(Report::values(c));
                row
            })
            .collect();
        (header, tags, rows)
    }

    /// The report as CSV (without a byte-order mark), with the HXL row when asked.
    pub fn csv(&self, hxl: bool) -> Result<Vec<u8>, StoreError> {
        self.sheet(hxl)?.csv(false)
    }

    /// The report as a table, to be written as CSV or as a workbook; marked DEMO when
    /// made from a demo database.
    pub fn sheet(&self, hxl: bool) -> Result<super::sheet::Sheet, StoreError> {
        let (header, tags, rows) = self.table();
        // The group columns are text; every column after them is a count or a median.
        let mut w = super::CsvOut::new().numeric(self.by.len()..header.len());
        w.row(&header)?;
        if hxl {
            w.row(&tags)?;
        }
        for r in &rows {
            w.row(r)?;
        }
        let mut sheet = w.sheet("report", hxl);
        if self.demo {
            sheet.mark_demo();
        }
        Ok(sheet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_by_list_gives_each_group_once_and_names_a_word_it_does_not_know() {
        assert_eq!(
            By::parse(" Sector, org,,sector,ORGANIZATION").expect("read"),
            [By::Sector, By::Org]
        );
        let err = By::parse("sector,district").expect_err("unknown");
        assert_eq!(
            err,
            ByError::Unknown {
                word: "district".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot group by \"district\": give sector, governorate and/or org, separated by commas"
        );
    }
}
