//! Work that may take long on a big caseload runs here, off the UI thread: loading the
//! lists from the store, and household search (100,000 households). In tests the same
//! jobs run inline, so that a key sequence gives a deterministic state.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use super::event::Event;
use crate::model::{
    Household, Need, NeedStatus, Priority, Referral, ReferralStatus, Sector, Timestamp,
};
use crate::search::households::{self, HouseholdRow, HouseholdSearch};
use crate::store::{Store, StoreError};

pub use crate::model::queue::{NeedRow, PairRow, ReferralRow};

/// The first `n` characters of a text, for a list column.
fn short(text: &str, n: usize) -> Arc<str> {
    text.chars().take(n).collect::<String>().into()
}

/// Everything the lists need, read in one go.
pub struct Snapshot {
    pub households: Arc<Mutex<HouseholdSearch>>,
    pub referrals: Vec<ReferralRow>,
    pub unreferred: Vec<NeedRow>,
    pub duplicate_groups: Vec<[PairRow; 2]>,
    pub conflicts: Vec<crate::store::merge::ConflictDetail>,
    pub due_for_erasure: Vec<crate::tui::screens::DueRow>,
    pub team_line: Option<String>,
    pub team_rows: Vec<crate::tui::screens::TeamRow>,
    pub forks: Vec<crate::store::fork::Fork>,
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
    /// The directory (services and organizations), read behind the first frame.
    Directory(Result<Directory, String>),
    /// Households matching `query`; `generation` tells a late answer from the latest.
    Households {
        generation: u64,
        query: String,
        hits: Vec<HouseholdRow>,
        /// How many matched in all (more than `hits` when the list is cut).
        matched: crate::search::households::Matched,
    },
    Duplicates {
        generation: u64,
        hits: Vec<HouseholdRow>,
    },
    /// How far a long job has got.
    Progress {
        label: String,
        done: u64,
        total: u64,
    },
    /// The bundles found in a folder, each checked.
    SyncScanned {
        folder: std::path::PathBuf,
        found: Vec<crate::tui::screens::sync::Found>,
        team: Vec<crate::tui::screens::sync::TeamFound>,
    },
    /// An export or import finished: what to say (or why it failed).
    SyncDone(Result<String, String>),
    /// Whether the passphrase typed on the lock screen opens it.
    Unlocked(bool),
    /// A change to the workers finished: what to say, or why it failed.
    WorkersDone(Result<String, String>),
    /// A draft was written (or why it could not be).
    DraftKept(Result<(), String>),
}

/// Sends a long job's progress to the UI.
#[derive(Clone)]
pub struct Progress(Sender<Event>);

impl Progress {
    pub fn report(&self, label: &str, done: u64, total: u64) {
        let _ = self.0.send(Event::Job(Box::new(JobResult::Progress {
            label: label.to_string(),
            done,
            total,
        })));
    }
}

/// The services and organizations, as the store holds them.
#[derive(Debug)]
pub struct Directory {
    pub services: Vec<crate::model::Service>,
    pub organizations: Vec<crate::model::Organization>,
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

    /// A way for a long job to report progress (`None` inline: tests need no gauge).
    pub fn progress(&self) -> Option<Progress> {
        match self {
            Runner::Threads(tx) => Some(Progress(tx.clone())),
            Runner::Inline(_) => None,
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

/// Gives the allocator's free pages back to the system, on a thread of its own (the UI
/// does not wait). Once new lists replace the old, glibc keeps the freed memory in holes
/// between the live lists; at 100,000 households 27 MiB of resident memory after the
/// first load and 55 MiB after a reload (docs/performance.md). Elsewhere nothing is done (the
/// Windows heap decommits large free blocks itself; not measured there).
pub fn give_back_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    std::thread::spawn(|| {
        // SAFETY: malloc_trim takes no pointer; it only returns free pages to the system.
        unsafe { libc::malloc_trim(0) };
    });
}

/// Reads the lists, one record at a time: every household into the lookup, every
/// referral's row, the open needs without a referral (under the kept household when
/// theirs was merged), and the likely duplicate pairs not decided yet.
pub fn load_snapshot(store: &Store, retention_months: u32) -> Result<Snapshot, StoreError> {
    let mut builder = households::Builder::default();
    // Each household's case code and governorate, shared by the rows of its needs and
    // referrals (a governorate's name once for all its households).
    let mut places: BTreeMap<Uuid, (Arc<str>, Arc<str>)> = BTreeMap::new();
    let mut governorates: BTreeMap<String, Arc<str>> = BTreeMap::new();
    let now = store.now();
    let mut due_for_erasure = Vec::new();
    // Where merged households end: their needs and referrals show under the kept one.
    let merges = store.merges()?;
    for h in store.all::<Household>() {
        let h = merges.effective(h?);
        if let crate::model::CaseStatus::Closed(c) = &h.status
            && crate::model::retention_over(c.at, retention_months, now)
        {
            due_for_erasure.push(crate::tui::screens::DueRow {
                id: h.id,
                case_code: h.case_code.as_str().into(),
                closed_at: c.at,
            });
        }
        builder.push_household(&h);
        let governorate = match governorates.get(h.location.governorate.as_str()) {
            Some(g) => g.clone(),
            None => {
                let g: Arc<str> = h.location.governorate.as_str().into();
                governorates.insert(h.location.governorate.as_str().to_string(), g.clone());
                g
            }
        };
        places.insert(h.id, (h.case_code.as_str().into(), governorate));
    }
    struct NeedBrief {
        household: Uuid,
        sector: Sector,
        priority: Priority,
        open: bool,
        text: Arc<str>,
        created_at: Timestamp,
    }
    let mut needs: BTreeMap<Uuid, NeedBrief> = BTreeMap::new();
    for n in store.all::<Need>() {
        let n = n?;
        needs.insert(
            n.id,
            NeedBrief {
                household: n.household,
                sector: n.sector,
                priority: n.priority,
                open: n.status == NeedStatus::Open,
                text: short(&n.description, 40),
                created_at: n.created_at,
            },
        );
    }
    let mut referred: BTreeSet<Uuid> = BTreeSet::new();
    let mut referrals = Vec::new();
    for r in store.all::<Referral>() {
        let r: Referral = r?;
        // A need is being handled while one of its referrals is sent or accepted.
        if matches!(r.status(), ReferralStatus::Sent | ReferralStatus::Accepted) {
            referred.insert(r.need);
        }
        let household = merges.kept(r.household);
        let (case_code, governorate) = places.get(&household).cloned().unwrap_or_default();
        let need = needs.get(&r.need);
        referrals.push(ReferralRow {
            id: r.id,
            household,
            need: r.need,
            service: r.service,
            organization: r.organization,
            case_code,
            need_text: need.map(|n| n.text.clone()).unwrap_or_default(),
            governorate,
            sector: need.map(|n| n.sector).unwrap_or(Sector::Protection),
            priority: r.priority,
            status: r.status(),
            sent_at: r.sent_at(),
            follow_up: r.follow_up,
        });
    }
    let mut unreferred: Vec<NeedRow> = needs
        .iter()
        .filter(|(id, n)| n.open && !referred.contains(id))
        .map(|(id, n)| NeedRow {
            id: *id,
            household: merges.kept(n.household),
            case_code: places
                .get(&merges.kept(n.household))
                .map(|h| h.0.clone())
                .unwrap_or_default(),
            sector: n.sector,
            priority: n.priority,
            description: n.text.clone(),
            created_at: n.created_at,
        })
        .collect();
    unreferred.sort_by_key(|n| (n.priority, n.created_at));
    let search = builder.finish();
    // The likely pairs not decided yet (a merged household is closed, so out of them).
    let mut duplicate_groups = Vec::new();
    let distinct = store.distinct_pairs()?;
    let pair_row = |i: usize| -> Result<Option<PairRow>, StoreError> {
        let Some(h) = store.get::<Household>(search.id(i))? else {
            return Ok(None);
        };
        let h = merges.effective(h);
        Ok(Some(PairRow {
            id: h.id,
            case_code: match places.get(&h.id) {
                Some((code, _)) => code.clone(),
                None => h.case_code.as_str().into(),
            },
            name: h.head.name.as_str().into(),
        }))
    };
    for (i, j) in search.duplicate_pairs(&distinct) {
        // Both are in the lookup just read; a pair with one gone is no pair.
        if let (Some(a), Some(b)) = (pair_row(i)?, pair_row(j)?) {
            duplicate_groups.push([a, b]);
        }
    }
    Ok(Snapshot {
        households: Arc::new(Mutex::new(search)),
        referrals,
        unreferred,
        duplicate_groups,
        conflicts: store.conflict_details()?,
        due_for_erasure: {
            due_for_erasure.sort_by_key(|d| d.closed_at);
            due_for_erasure
        },
        team_line: team_line(store),
        team_rows: team_rows(store)?,
        forks: store.forks()?,
    })
}

/// The team this laptop belongs to and its part in it, in one line.
fn team_line(store: &Store) -> Option<String> {
    use crate::i18n::{Arg, tr};
    let policy = store.policy();
    let team = policy.team.as_ref()?;
    let me = store.device().origin;
    let role = match (policy.revoked.get(&me), policy.member(me)) {
        (Some(_), _) => crate::i18n::t("team-role-revoked"),
        (None, Some(c)) => {
            let role = tr(
                "team-role",
                &[
                    ("role", Arg::Str(&crate::tui::labels::role(c.role))),
                    ("org", Arg::Str(&c.org)),
                ],
            );
            // An expired certificate still counts: a reminder to have it renewed.
            match c.expires {
                Some(day) if day < store.now().date() => tr(
                    "team-role-expired",
                    &[
                        ("role", Arg::Str(&role)),
                        (
                            "date",
                            Arg::Str(&crate::i18n::format::Locale::current().date(day)),
                        ),
                    ],
                ),
                _ => role,
            }
        }
        (None, None) => crate::i18n::t("team-role-none"),
    };
    Some(tr(
        "team-line",
        &[
            ("team", Arg::Str(&team.name)),
            ("role", Arg::Str(&role)),
            ("devices", Arg::Num(policy.members.len() as i64)),
        ],
    ))
}

/// Expired certificates (a warning, not a cut-off) and changes kept with no effect.
fn team_rows(store: &Store) -> Result<Vec<crate::tui::screens::TeamRow>, StoreError> {
    use crate::tui::screens::TeamRow;
    let policy = store.policy();
    let today = store.now().date();
    let mut rows = Vec::new();
    for c in policy.members.values() {
        if let Some(on) = c.expires
            && on < today
            && !policy.revoked.contains_key(&c.device)
        {
            rows.push(TeamRow::Expired {
                code: crate::sync::identity::device_code(c.device),
                name: c.name.clone(),
                role: crate::tui::labels::role(c.role),
                on,
            });
        }
    }
    for i in store.ineffective()? {
        rows.push(TeamRow::NoEffect {
            code: i.code(),
            seq: i.seq,
            reason: crate::tui::labels::refusal(i.reason),
            record: i.entity,
            author: i.author,
        });
    }
    Ok(rows)
}
