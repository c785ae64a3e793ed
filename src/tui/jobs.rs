//! Work that may take long on a big caseload runs here, off the UI thread: loading the
//! lists from the store, and household search (100,000 households). In tests the same
//! jobs run inline, so that a key sequence gives a deterministic state.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use super::event::Event;
use crate::model::{
    Date, Household, Need, NeedStatus, Priority, Referral, ReferralStatus, Sector, Timestamp,
};
use crate::search::households::{HouseholdRow, HouseholdSearch};
use crate::store::{Store, StoreError};

/// What the lists of the screens show of a referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRow {
    pub id: Uuid,
    pub household: Uuid,
    pub case_code: String,
    pub need: Uuid,
    pub need_text: String,
    pub sector: Sector,
    pub service: Uuid,
    pub service_name: String,
    pub organization: Uuid,
    pub org_short: String,
    pub governorate: String,
    pub priority: Priority,
    pub status: ReferralStatus,
    pub sent_at: Option<Timestamp>,
    pub due: Option<Timestamp>,
    pub follow_up: Option<Date>,
}

/// An open need that no referral is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub id: Uuid,
    pub household: Uuid,
    pub case_code: String,
    pub sector: Sector,
    pub priority: Priority,
    pub description: String,
    pub created_at: Timestamp,
}

/// Everything the lists need, read in one go.
pub struct Snapshot {
    pub households: Arc<Mutex<HouseholdSearch>>,
    pub referrals: Vec<ReferralRow>,
    pub unreferred: Vec<NeedRow>,
    pub duplicate_groups: Vec<Vec<HouseholdRow>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Snapshot({} referrals, {} unreferred needs)",
            self.referrals.len(),
            self.unreferred.len()
        )
    }
}

#[derive(Debug)]
pub enum JobResult {
    Loaded(Result<Snapshot, String>),
    /// Households matching `query`; `generation` tells a late answer from the latest.
    Households {
        generation: u64,
        query: String,
        hits: Vec<HouseholdRow>,
    },
    Duplicates {
        generation: u64,
        hits: Vec<HouseholdRow>,
    },
}

/// Runs jobs on threads (the app) or at once (tests).
pub enum Runner {
    Threads(Sender<Event>),
    Inline(Vec<JobResult>),
}

impl Runner {
    pub fn spawn(&mut self, job: impl FnOnce() -> JobResult + Send + 'static) {
        match self {
            Runner::Threads(tx) => {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let _ = tx.send(Event::Job(Box::new(job())));
                });
            }
            Runner::Inline(done) => done.push(job()),
        }
    }

    /// Results of inline jobs, to hand back to the app.
    pub fn take_done(&mut self) -> Vec<JobResult> {
        match self {
            Runner::Inline(done) => std::mem::take(done),
            Runner::Threads(_) => Vec::new(),
        }
    }
}

/// Reads the lists: every household's lookup row, every referral's row, the open needs
/// without a referral, and the likely duplicate groups.
pub fn load_snapshot(store: &Store) -> Result<Snapshot, StoreError> {
    let services: BTreeMap<Uuid, (String, Uuid)> = store
        .services()?
        .into_iter()
        .map(|s| (s.id, (s.name, s.organization)))
        .collect();
    let orgs: BTreeMap<Uuid, String> = store
        .organizations()?
        .into_iter()
        .map(|o| (o.id, o.short_name().to_string()))
        .collect();
    let mut rows = Vec::new();
    let mut households: BTreeMap<Uuid, (String, String)> = BTreeMap::new();
    for h in store.all::<Household>() {
        let h = h?;
        households.insert(h.id, (h.case_code.clone(), h.location.governorate.clone()));
        rows.push(HouseholdRow::from_household(&h));
    }
    let mut needs: BTreeMap<Uuid, Need> = BTreeMap::new();
    for n in store.all::<Need>() {
        let n = n?;
        needs.insert(n.id, n);
    }
    let mut referred: BTreeSet<Uuid> = BTreeSet::new();
    let mut referrals = Vec::new();
    for r in store.all::<Referral>() {
        let r: Referral = r?;
        referred.insert(r.need);
        let (case_code, governorate) = households.get(&r.household).cloned().unwrap_or_default();
        let need = needs.get(&r.need);
        let (service_name, _) = services.get(&r.service).cloned().unwrap_or_default();
        referrals.push(ReferralRow {
            id: r.id,
            household: r.household,
            case_code,
            need: r.need,
            need_text: need.map(|n| n.description.clone()).unwrap_or_default(),
            sector: need.map(|n| n.sector).unwrap_or(Sector::Protection),
            service: r.service,
            service_name,
            organization: r.organization,
            org_short: orgs
                .get(&r.organization)
                .cloned()
                .unwrap_or_else(|| "?".into()),
            governorate,
            priority: r.priority,
            status: r.status(),
            sent_at: r.sent_at(),
            due: r.due(),
            follow_up: r.follow_up,
        });
    }
    let mut unreferred: Vec<NeedRow> = needs
        .values()
        .filter(|n| n.status == NeedStatus::Open && !referred.contains(&n.id))
        .map(|n| NeedRow {
            id: n.id,
            household: n.household,
            case_code: households
                .get(&n.household)
                .map(|h| h.0.clone())
                .unwrap_or_default(),
            sector: n.sector,
            priority: n.priority,
            description: n.description.clone(),
            created_at: n.created_at,
        })
        .collect();
    unreferred.sort_by_key(|n| (n.priority, n.created_at));
    let search = HouseholdSearch::new(rows);
    let duplicate_groups = search
        .duplicate_groups()
        .into_iter()
        .map(|g| g.into_iter().map(|i| search.rows()[i].clone()).collect())
        .collect();
    Ok(Snapshot {
        households: Arc::new(Mutex::new(search)),
        referrals,
        unreferred,
        duplicate_groups,
    })
}
