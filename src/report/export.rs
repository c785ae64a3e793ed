//! `daleel export needs|referrals|services --out FILE.csv|FILE.xlsx`: one row per record, column
//! headers on the first line and HXL hashtags on the second. No names, phone numbers,
//! free text or case codes; the governorate (not the district), the month (not the day)
//! and age bands, unless a coordinator asks for the district or case codes (audited).
//!
//! GBV and child-protection needs and referrals are written as Protection, with no
//! district, unless a coordinator certified for them asks for them apart
//! (`--sensitive-subsectors`, audited). A column of codes holds one code, or a list in
//! the HXL list convention (`+list`, separated by commas); a `+num` column numbers only.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::sheet::Sheet;
use super::{age_band, month, person_of};
use crate::model::{Gazetteer, Household, Need, Organization, Referral, ReferralStatus, Sector};
use crate::store::audit::AuditAction;
use crate::store::{DatabaseKind, Store, StoreError};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Needs,
    Referrals,
    Services,
}

impl Table {
    /// The table's word, as `daleel export` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Table::Needs => "needs",
            Table::Referrals => "referrals",
            Table::Services => "services",
        }
    }

    pub fn from_code(code: &str) -> Option<Table> {
        match code.trim().to_lowercase().as_str() {
            "needs" => Some(Table::Needs),
            "referrals" => Some(Table::Referrals),
            "services" => Some(Table::Services),
            _ => None,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Table::Needs => "needs",
            Table::Referrals => "referrals",
            Table::Services => "services",
        }
    }
}

/// What a coordinator may add to the generalised rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Detail {
    /// The district as well as the governorate.
    pub district: bool,
    /// The household's case code (to match rows with the coordinator's own lists).
    pub case_codes: bool,
    /// GBV and child protection as sectors of their own, with their districts.
    pub sensitive: bool,
}

impl Detail {
    /// A sector as this export writes it: GBV and child protection as Protection unless
    /// `sensitive`.
    fn sector(self, sector: Sector) -> Sector {
        if !self.sensitive && sector.is_sensitive() {
            Sector::Protection
        } else {
            sector
        }
    }

    /// Whether a row of `sector` is written without its district: GBV, child protection
    /// and general protection alike (folded rows without a district among general
    /// protection rows with one would still say which were GBV or child protection).
    fn folds(self, sector: Sector) -> bool {
        !self.sensitive && (sector.is_sensitive() || sector == Sector::Protection)
    }
}

struct Out {
    columns: Vec<(&'static str, String)>,
    rows: Vec<Vec<String>>,
}

impl Out {
    fn new() -> Out {
        Out {
            columns: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn col(&mut self, name: &'static str, tag: &str) {
        self.columns.push((name, tag.to_string()));
    }

    fn sheet(mut self, name: &str) -> Sheet {
        // A text column that holds Arabic script says so: `+i_ar`.
        for (i, (_, tag)) in self.columns.iter_mut().enumerate() {
            if tag.contains("+name") && self.rows.iter().any(|r| super::is_arabic(&r[i])) {
                tag.push_str(" +i_ar");
            }
        }
        self.rows.sort();
        // A column whose HXL tag says `+num` holds numbers.
        let numeric = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, (_, tag))| tag.split_whitespace().any(|a| a == "+num"))
            .map(|(i, _)| i);
        let mut w = super::CsvOut::new().numeric(numeric);
        w.row(self.columns.iter().map(|(c, _)| *c));
        w.row(self.columns.iter().map(|(_, t)| t.as_str()));
        for r in &self.rows {
            w.row(r);
        }
        w.sheet(name, true)
    }
}

/// The place columns of a household: governorate (code, English and Arabic names), and
/// the district with `detail.district`.
fn place_columns(out: &mut Out, detail: Detail) {
    out.col("governorate_pcode", "#adm1 +code");
    out.col("governorate", "#adm1 +name");
    out.col("governorate_ar", "#adm1 +name");
    if detail.district {
        out.col("district_pcode", "#adm2 +code");
        out.col("district", "#adm2 +name");
    }
}

/// The place cells of a row; `folded`: a GBV or child-protection row written as
/// Protection, whose district is left empty.
fn place_cells(
    gazetteer: &Gazetteer,
    h: Option<&Household>,
    detail: Detail,
    folded: bool,
) -> Vec<String> {
    let gov = h
        .map(|h| h.location.governorate.clone())
        .unwrap_or_default();
    let area = gazetteer.get(&gov);
    let mut cells = vec![
        gov.clone(),
        area.map(|a| a.name_en.clone()).unwrap_or_default(),
        area.map(|a| a.name_ar.clone()).unwrap_or_default(),
    ];
    if detail.district {
        let district = h
            .and_then(|h| h.location.district.clone())
            .filter(|_| !folded)
            .unwrap_or_default();
        let name = gazetteer
            .get(&district)
            .map(|a| a.name_en.clone())
            .unwrap_or_default();
        cells.push(district);
        cells.push(name);
    }
    cells
}

/// Days from sending to the receiving organization's answer (accepted or rejected).
pub fn days_to_response(r: &Referral) -> Option<i64> {
    let sent = r.sent_at()?;
    r.history
        .iter()
        .find(|s| {
            s.at >= sent
                && s.from == Some(ReferralStatus::Sent)
                && matches!(s.to, ReferralStatus::Accepted | ReferralStatus::Rejected)
        })
        .map(|s| (s.at.0 - sent.0).max(0) / crate::model::time::DAY_MS)
}

/// Builds one table, to be written as CSV or as a workbook. Returns it and its number
/// of rows; every export is audited (with what detail it had). The built-in SAMPLE
/// services are never in it, and a table from a demo database is marked DEMO.
pub fn write(store: &Store, table: Table, detail: Detail) -> Result<(Sheet, usize), StoreError> {
    let year = store
        .now()
        .to_utc()
        .format("%Y")
        .to_string()
        .parse()
        .unwrap_or(2026);
    let mut households: BTreeMap<Uuid, Household> = BTreeMap::new();
    let mut household = |id: Uuid| -> Result<Option<Household>, StoreError> {
        if let Some(h) = households.get(&id) {
            return Ok(Some(h.clone()));
        }
        let h = store.get::<Household>(id)?;
        if let Some(h) = &h {
            households.insert(id, h.clone());
        }
        Ok(h)
    };
    let orgs: BTreeMap<Uuid, Organization> = store
        .organizations()?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    // Read once: the store hands out a copy.
    let gazetteer = store.gazetteer();
    let mut out = Out::new();
    match table {
        Table::Needs => {
            out.col("month_reported", "#date +reported");
            place_columns(&mut out, detail);
            out.col("sector", "#sector +cluster");
            out.col("priority", "#severity +code");
            out.col("status", "#status +code");
            out.col("age_band", "#meta +age_band");
            if detail.case_codes {
                out.col("case_code", "#meta +case_code");
            }
            for n in store.all::<Need>() {
                let n = n?;
                let h = household(n.household)?;
                let mut row = vec![month(n.created_at)];
                row.extend(place_cells(
                    &gazetteer,
                    h.as_ref(),
                    detail,
                    detail.folds(n.sector),
                ));
                row.push(detail.sector(n.sector).code().into());
                row.push(n.priority.code().into());
                row.push(n.status.code().into());
                row.push(
                    h.as_ref()
                        .map(|h| age_band(person_of(h, n.member), year))
                        .unwrap_or("unknown")
                        .into(),
                );
                if detail.case_codes {
                    row.push(h.map(|h| h.case_code).unwrap_or_default());
                }
                out.rows.push(row);
            }
        }
        Table::Referrals => {
            out.col("month_created", "#date +created");
            place_columns(&mut out, detail);
            out.col("sector", "#sector +cluster");
            out.col("receiving_org", "#org +impl");
            out.col("service_type", "#service +type");
            out.col("priority", "#severity +code");
            out.col("status", "#status +code");
            out.col("outcome", "#status +outcome");
            out.col("days_to_response", "#indicator +days_to_response +num");
            if detail.case_codes {
                out.col("case_code", "#meta +case_code");
            }
            for r in store.all::<Referral>() {
                let r = r?;
                let h = household(r.household)?;
                let need_sector = store.get::<Need>(r.need)?.map(|n| n.sector);
                let service_sector = store.service(r.service)?.map(|s| s.sector);
                let folded = need_sector
                    .into_iter()
                    .chain(service_sector)
                    .any(|s| detail.folds(s));
                let sector = need_sector.map(|s| detail.sector(s).code()).unwrap_or("");
                let service_type = service_sector
                    .map(|s| detail.sector(s).code())
                    .unwrap_or("");
                let outcome = r
                    .history
                    .iter()
                    .rev()
                    .find_map(|s| s.outcome.clone())
                    .map(|o| match o {
                        crate::model::Outcome::Successful => "successful".to_string(),
                        crate::model::Outcome::NotSuccessful(why) => why.code().to_string(),
                    })
                    .unwrap_or_default();
                let mut row = vec![month(r.created_at)];
                row.extend(place_cells(&gazetteer, h.as_ref(), detail, folded));
                row.push(sector.into());
                row.push(
                    orgs.get(&r.organization)
                        .map(|o| o.short_name().to_string())
                        .unwrap_or_default(),
                );
                row.push(service_type.into());
                row.push(r.priority.code().into());
                row.push(r.status().code().into());
                row.push(outcome);
                row.push(
                    days_to_response(&r)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                );
                if detail.case_codes {
                    row.push(h.map(|h| h.case_code).unwrap_or_default());
                }
                out.rows.push(row);
            }
        }
        Table::Services => {
            out.col("organization", "#org +impl");
            out.col("organization_type", "#org +type");
            out.col("service", "#service +name");
            out.col("sector", "#sector +cluster");
            out.col("governorates", "#adm1 +code +list");
            out.col("status", "#status +code");
            for s in store.services()? {
                if crate::model::sample::is_sample_id(s.id) {
                    continue;
                }
                let org = orgs.get(&s.organization);
                let mut govs: Vec<String> = s
                    .areas
                    .iter()
                    .map(|a| {
                        let mut code = a.clone();
                        while let Some(parent) = gazetteer.get(&code).and_then(|x| x.parent.clone())
                        {
                            code = parent;
                        }
                        code
                    })
                    .collect();
                govs.sort();
                govs.dedup();
                out.rows.push(vec![
                    org.map(|o| o.short_name().to_string()).unwrap_or_default(),
                    org.map(|o| o.kind.code().to_string()).unwrap_or_default(),
                    s.name.clone(),
                    s.sector.code().into(),
                    super::hxl_list(&govs),
                    match s.status {
                        crate::model::ServiceStatus::Active => "active".into(),
                        crate::model::ServiceStatus::Inactive => "inactive".into(),
                    },
                ]);
            }
        }
    }
    let rows = out.rows.len();
    let mut sheet = out.sheet(table.code());
    if store.kind()? == Some(DatabaseKind::Demo) {
        sheet.mark_demo();
    }
    let mut what = format!("{} export", table.word());
    if detail.district {
        what.push_str(", with districts");
    }
    if detail.case_codes {
        what.push_str(", with case codes");
    }
    if detail.sensitive && table != Table::Services {
        what.push_str(", with GBV and child protection apart");
    }
    store.audit(AuditAction::Export, None, &what, rows as u64)?;
    store.flush()?;
    Ok((sheet, rows))
}
