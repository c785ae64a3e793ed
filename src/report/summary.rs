//! `daleel report --since DATE --until DATE --by sector,governorate,org`: households
//! reached, needs by status, referrals by status and outcome, and the median days to a
//! response, per group. Counts under 5, and those that would let one be worked out from
//! the others (`disclosure`), are not shown: empty in the CSV, with the row's
//! `#meta +suppressed` column naming them.
//!
//! GBV and child-protection needs are counted under Protection, and placed no lower than
//! their governorate when the report is grouped by sector, unless a coordinator asks for
//! the sub-sectors (`--sensitive-subsectors`, audited).
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
    District,
    Subdistrict,
    Org,
}

/// Why a `--by` list cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ByError {
    /// A word that names no group.
    #[error(
        "cannot group by \"{word}\": give sector, governorate, district, subdistrict and/or org, separated by commas"
    )]
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
                "district" => By::District,
                "subdistrict" | "sub-district" | "sub_district" => By::Subdistrict,
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
            By::District => "page-report-col-district",
            By::Subdistrict => "page-report-col-subdistrict",
            By::Org => "page-report-col-org",
        })
    }

    /// Its columns in the CSV: a place by its P-code, then its English name.
    fn columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            By::Sector => &[("sector", "#sector +cluster")],
            By::Governorate => &[
                ("governorate_pcode", "#adm1 +code"),
                ("governorate", "#adm1 +name"),
            ],
            By::District => &[
                ("district_pcode", "#adm2 +code"),
                ("district", "#adm2 +name"),
            ],
            By::Subdistrict => &[
                ("subdistrict_pcode", "#adm3 +code"),
                ("subdistrict", "#adm3 +name"),
            ],
            By::Org => &[("organization", "#org +impl")],
        }
    }

    fn is_place(self) -> bool {
        matches!(self, By::Governorate | By::District | By::Subdistrict)
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
    /// GBV and child protection kept apart from Protection (`--sensitive-subsectors`).
    pub sensitive: bool,
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

/// The report of the needs recorded and referrals created from `since` to `until`;
/// `sensitive`: GBV and child protection apart (see the module's doc).
pub fn build(
    store: &Store,
    since: Date,
    until: Date,
    by: &[By],
    sensitive: bool,
) -> Result<Report, StoreError> {
    let in_period = |d: Date| d >= since && d <= until;
    let gazetteer = store.gazetteer();
    let orgs: BTreeMap<Uuid, String> = store
        .organizations()?
        .into_iter()
        .map(|o| (o.id, o.short_name().to_string()))
        .collect();
    let mut households: BTreeMap<Uuid, Option<Household>> = BTreeMap::new();
    // A household's place: governorate, district and sub-district P-codes.
    let mut place = |id: Uuid| -> Result<[String; 3], StoreError> {
        if let std::collections::btree_map::Entry::Vacant(slot) = households.entry(id) {
            slot.insert(store.get::<Household>(id)?);
        }
        let place = households
            .get(&id)
            .and_then(|h| h.as_ref())
            .map(|h| {
                [
                    h.location.governorate.clone(),
                    h.location.district.clone().unwrap_or_default(),
                    h.location.sub_district.clone().unwrap_or_default(),
                ]
            })
            .unwrap_or_default();
        Ok(place)
    };
    // A need's sector as reported, and its place: GBV and child protection folded into
    // Protection, at governorate level when the report names sectors.
    let fold = |sector: Sector, mut place: [String; 3]| -> (&'static str, [String; 3]) {
        // General protection goes to governorate level with them, so that the folded
        // rows cannot be told apart from it.
        if sensitive || !(sector.is_sensitive() || sector == Sector::Protection) {
            return (sector.code(), place);
        }
        if by.contains(&By::Sector) {
            place[1].clear();
            place[2].clear();
        }
        (Sector::Protection.code(), place)
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
        sensitive,
    };
    let needs: BTreeMap<Uuid, Need> = store
        .all::<Need>()
        .filter_map(|n| n.ok())
        .map(|n| (n.id, n))
        .collect();
    for n in needs.values().filter(|n| in_period(n.created_at.date())) {
        let (sector, at) = fold(n.sector, place(n.household)?);
        let org_list: Vec<String> = match referred_to.get(&n.id) {
            Some(set) if by.contains(&By::Org) => set.iter().cloned().collect(),
            _ => vec![String::new()],
        };
        for org in org_list {
            let key = key(by, sector, &at, &org);
            let c = report.groups.entry(key).or_default();
            c.households.insert(n.household);
            *c.needs.entry(n.status.code()).or_default() += 1;
        }
    }
    for r in &referrals {
        let Some(need) = needs.get(&r.need) else {
            continue;
        };
        let (sector, at) = fold(need.sector, place(r.household)?);
        let org = orgs.get(&r.organization).cloned().unwrap_or_default();
        let c = report.groups.entry(key(by, sector, &at, &org)).or_default();
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

fn key(by: &[By], sector: &str, place: &[String; 3], org: &str) -> Vec<String> {
    by.iter()
        .map(|b| match b {
            By::Sector => sector.to_string(),
            By::Governorate => place[0].clone(),
            By::District => place[1].clone(),
            By::Subdistrict => place[2].clone(),
            By::Org => org.to_string(),
        })
        .collect()
}

/// A group's counts, one per count column of the CSV (households reached, needs by
/// status, referrals by status, outcomes), then the referrals' total (the page's chart).
pub const COUNT_COLUMNS: usize = 1 + NEED_STATUSES.len() + REFERRAL_STATUSES.len() + 2;
/// Where the referrals' total is in `counts`.
pub const REFERRALS_TOTAL: usize = COUNT_COLUMNS;

/// A group's counts (see `COUNT_COLUMNS`).
pub fn counts(c: &Counts) -> Vec<u64> {
    let mut row = vec![c.households.len() as u64];
    for s in NEED_STATUSES {
        row.push(c.needs.get(s.code()).copied().unwrap_or(0));
    }
    for s in REFERRAL_STATUSES {
        row.push(c.referrals.get(s.code()).copied().unwrap_or(0));
    }
    for o in OUTCOMES {
        row.push(c.outcomes.get(o).copied().unwrap_or(0));
    }
    row.push(c.referrals.values().sum());
    row
}

/// The relations between a group's counts that a reader could use (`disclosure`),
/// for the group whose counts start at `base`: its referrals by status add up to its
/// referrals (drawn on the page); and, where they hold in `values`, its needs add up
/// to its referrals (each need referred once), and its outcomes to its completed and
/// closed referrals.
pub fn relations(values: &[u64], base: usize) -> Vec<super::disclosure::Relation> {
    use super::disclosure::Relation;
    let needs = base + 1..base + 1 + NEED_STATUSES.len();
    let referrals = needs.end..needs.end + REFERRAL_STATUSES.len();
    let outcomes = referrals.end..referrals.end + OUTCOMES.len();
    let first = referrals.start;
    let status = |s: ReferralStatus| {
        first
            + REFERRAL_STATUSES
                .iter()
                .position(|x| *x == s)
                .unwrap_or_default()
    };
    let mut out = vec![Relation::new(base + REFERRALS_TOTAL, referrals.clone())];
    for r in [
        Relation::sides(needs, referrals),
        Relation::sides(
            [
                status(ReferralStatus::Completed),
                status(ReferralStatus::Closed),
            ],
            outcomes,
        ),
    ] {
        if r.holds(values) {
            out.push(r);
        }
    }
    out
}

/// The outcomes a report counts, by their codes.
pub const OUTCOMES: [&str; 2] = ["successful", "not_successful"];

impl Report {
    /// A group's cell for `by`, named for the CSV: the sector's and the place's English
    /// names, "(none)" for needs not referred.
    fn csv_name(&self, by: By, cell: &str) -> String {
        match by {
            By::Sector => Sector::from_code(cell)
                .map_or(cell, |s| s.label())
                .to_string(),
            _ if by.is_place() && cell.is_empty() => String::new(),
            By::Governorate | By::District | By::Subdistrict => self.gazetteer.name(cell),
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
            _ if by.is_place() && cell.is_empty() => String::new(),
            By::Governorate | By::District | By::Subdistrict => locale.place(&self.gazetteer, cell),
            By::Org if cell.is_empty() => locale.t("page-report-not-referred"),
            By::Org => cell.to_string(),
        }
    }

    /// Which counts of each group are hidden (`disclosure::protect` over every group's
    /// `counts` and `relations`), one flag per count and the median's last: a median of
    /// fewer than 5 answers is hidden too.
    pub fn hidden(&self) -> BTreeMap<&Vec<String>, Vec<bool>> {
        let width = COUNT_COLUMNS + 1;
        let mut values = Vec::with_capacity(self.groups.len() * width);
        for c in self.groups.values() {
            values.extend(counts(c));
        }
        let relations: Vec<_> = (0..self.groups.len())
            .flat_map(|g| relations(&values, g * width))
            .collect();
        let hidden = super::disclosure::protect(&values, &relations);
        self.groups
            .iter()
            .zip(hidden.chunks(width))
            .map(|((key, c), flags)| {
                let mut flags = flags.to_vec();
                flags.push(!c.response_days.is_empty() && c.response_days.len() < 5);
                (key, flags)
            })
            .collect()
    }

    /// A group's counts as the report shows them, in the order of `table`'s columns
    /// after the groups: households reached, needs by status, referrals by status,
    /// outcomes, and the median days to a response (empty when there was no answer);
    /// then the referrals' total (the page's chart). A hidden one is empty.
    pub fn values(c: &Counts, hidden: &[bool]) -> Vec<String> {
        let counts = counts(c);
        let shown = |i: usize| super::suppressed(counts[i], hidden.get(i).copied().unwrap_or(true));
        let mut row: Vec<String> = (0..COUNT_COLUMNS).map(shown).collect();
        row.push(match median(&c.response_days) {
            Some(m) => format!("{m:.1}"),
            None => String::new(),
        });
        row.push(shown(REFERRALS_TOTAL));
        row
    }

    /// The table's header, its HXL row and its rows: the group columns, the counts
    /// (hidden ones empty) and the `suppressed` column naming the row's hidden cells.
    pub fn table(&self) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
        let mut header: Vec<String> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        for b in &self.by {
            for (c, t) in b.columns() {
                header.push((*c).into());
                tags.push((*t).into());
            }
        }
        let groups = header.len();
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
        tags.push("#indicator +days_to_response +median +num".into());
        header.push(super::SUPPRESSED_COLUMN.0.into());
        tags.push(super::SUPPRESSED_COLUMN.1.into());
        let hidden = self.hidden();
        let rows = self
            .groups
            .iter()
            .map(|(key, c)| {
                let mut row: Vec<String> = Vec::new();
                for (b, cell) in self.by.iter().zip(key) {
                    if b.is_place() {
                        row.push(cell.clone());
                    }
                    row.push(self.csv_name(*b, cell));
                }
                let flags = hidden.get(key).map(Vec::as_slice).unwrap_or(&[]);
                let mut values = Report::values(c, flags);
                values.truncate(COUNT_COLUMNS + 1);
                // The hidden cells by their column's name.
                let names = (0..=COUNT_COLUMNS)
                    .filter(|i| {
                        flags
                            .get(if *i == COUNT_COLUMNS {
                                COUNT_COLUMNS + 1
                            } else {
                                *i
                            })
                            .copied()
                            .unwrap_or(false)
                    })
                    .map(|i| header[groups + i].clone());
                row.extend(values);
                row.push(super::hxl_list(names));
                row
            })
            .collect();
        (header, tags, rows)
    }

    /// The report as CSV (without a byte-order mark), with the HXL row when asked.
    pub fn csv(&self, hxl: bool) -> Result<Vec<u8>, StoreError> {
        self.sheet(hxl).csv(false)
    }

    /// The report as a table, to be written as CSV or as a workbook; marked DEMO when
    /// made from a demo database.
    pub fn sheet(&self, hxl: bool) -> super::sheet::Sheet {
        let (header, tags, rows) = self.table();
        // The group columns are text; every column after them is a count or a median,
        // but the last (the hidden cells' names).
        let groups = header.len() - COUNT_COLUMNS - 2;
        let mut w = super::CsvOut::new().numeric(groups..header.len() - 1);
        w.row(&header);
        if hxl {
            w.row(&tags);
        }
        for r in &rows {
            w.row(r);
        }
        let mut sheet = w.sheet("report", hxl);
        if self.demo {
            sheet.mark_demo();
        }
        sheet
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
        assert_eq!(
            By::parse("district,sub-district").expect("read"),
            [By::District, By::Subdistrict]
        );
        let err = By::parse("sector,village").expect_err("unknown");
        assert_eq!(
            err,
            ByError::Unknown {
                word: "village".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot group by \"village\": give sector, governorate, district, subdistrict and/or org, separated by commas"
        );
    }
}
