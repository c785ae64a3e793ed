//! The coordinator's queue: what each list of the Queue screen holds and in which order,
//! worked out from the rows the screens load. The rules live here, once; the screen only
//! adds headings and draws (docs/domain.md, "Queues").

use std::collections::BTreeSet;
use std::sync::Arc;

use uuid::Uuid;

use super::time::DAY_MS;
use super::{Date, Priority, ReferralStatus, Sector, Timestamp};

/// What the lists of the screens show of a referral: ids, codes and the first words of
/// the need, kept small (a governorate's caseload has about 100,000 referrals). Names of
/// services and organizations are looked up in the directory when drawn. The texts are
/// shared: one case code for all the rows of a household, one governorate for all its
/// rows, one need's words for all its referrals and its own row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRow {
    pub id: Uuid,
    pub household: Uuid,
    pub need: Uuid,
    pub service: Uuid,
    pub organization: Uuid,
    pub case_code: Arc<str>,
    pub need_text: Arc<str>,
    pub governorate: Arc<str>,
    pub sector: Sector,
    pub priority: Priority,
    pub status: ReferralStatus,
    pub sent_at: Option<Timestamp>,
    pub follow_up: Option<Date>,
}

impl ReferralRow {
    /// When the receiving organization should answer (sent + 24 h / 72 h / 14 days).
    pub fn due(&self) -> Option<Timestamp> {
        self.sent_at.map(|t| self.priority.due_from(t))
    }

    /// Sent, unanswered and past its due date.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        super::referral::overdue(self.status, self.due(), now)
    }

    /// Still being worked on (drafted, sent or accepted): what the charts count.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            ReferralStatus::Draft | ReferralStatus::Sent | ReferralStatus::Accepted
        )
    }
}

/// An open need that no referral is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub id: Uuid,
    pub household: Uuid,
    pub case_code: Arc<str>,
    pub sector: Sector,
    pub priority: Priority,
    pub description: Arc<str>,
    pub created_at: Timestamp,
}

/// One household of a likely duplicate pair, as the queue lists it: its id, case code
/// (shared with its other rows) and the head's name. The rest is read when the pair is
/// opened (a large caseload has tens of thousands of likely pairs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub id: Uuid,
    pub case_code: Arc<str>,
    pub name: Box<str>,
}

/// The referral lists of the queue, as positions into the referral rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sections {
    /// Sent and awaiting a response, the latest due first in line (most late first).
    pub awaiting: Vec<u32>,
    /// How many of those are overdue.
    pub overdue: usize,
    /// Accepted, with a follow-up date before today.
    pub past_follow_up: Vec<u32>,
    /// Rejected, while their need still waits for another service (not those referred
    /// elsewhere since, or met).
    pub rejected: Vec<u32>,
    /// Open needs with no referral, per priority (`Priority::ALL` order).
    pub unreferred: [usize; 3],
}

/// Sorts the referrals into the queue's lists.
pub fn sections(referrals: &[ReferralRow], unreferred: &[NeedRow], now: Timestamp) -> Sections {
    let today = now.date();
    let with = |status: ReferralStatus| {
        referrals
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.status == status)
    };
    let mut awaiting: Vec<(usize, &ReferralRow)> = with(ReferralStatus::Sent).collect();
    awaiting.sort_by_key(|(_, r)| r.due().map(|d| d.0).unwrap_or(i64::MAX));
    let overdue = awaiting.iter().filter(|(_, r)| r.is_overdue(now)).count();
    let past_follow_up = with(ReferralStatus::Accepted)
        .filter(|(_, r)| r.follow_up.is_some_and(|d| d < today))
        .map(|(i, _)| i as u32)
        .collect();
    let waiting: BTreeSet<Uuid> = unreferred.iter().map(|n| n.id).collect();
    let rejected = with(ReferralStatus::Rejected)
        .filter(|(_, r)| waiting.contains(&r.need))
        .map(|(i, _)| i as u32)
        .collect();
    let mut by_priority = [0; 3];
    for (i, p) in Priority::ALL.iter().enumerate() {
        by_priority[i] = unreferred.iter().filter(|n| n.priority == *p).count();
    }
    Sections {
        awaiting: awaiting.iter().map(|(i, _)| *i as u32).collect(),
        overdue,
        past_follow_up,
        rejected,
        unreferred: by_priority,
    }
}

/// Referrals sent in each of the last `weeks` weeks, oldest first (this week last).
pub fn sent_per_week(referrals: &[ReferralRow], now: Timestamp, weeks: usize) -> Vec<u64> {
    let week = 7 * DAY_MS;
    let mut counts = vec![0u64; weeks];
    for sent in referrals.iter().filter_map(|r| r.sent_at) {
        let age = (now.0 - sent.0) / week;
        if (0..weeks as i64).contains(&age) {
            counts[weeks - 1 - age as usize] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp(1_700_000_000_000);

    fn row(status: ReferralStatus, priority: Priority, sent_days_ago: Option<i64>) -> ReferralRow {
        ReferralRow {
            id: Uuid::now_v7(),
            household: Uuid::now_v7(),
            need: Uuid::now_v7(),
            service: Uuid::nil(),
            organization: Uuid::nil(),
            case_code: "NIN-0001".into(),
            need_text: "".into(),
            governorate: "IQG15".into(),
            sector: Sector::Health,
            priority,
            status,
            sent_at: sent_days_ago.map(|d| Timestamp(NOW.0 - d * DAY_MS)),
            follow_up: None,
        }
    }

    #[test]
    fn awaiting_is_sorted_by_due_date_and_counts_the_overdue() {
        let rows = vec![
            // Normal, sent 10 days ago: due in 4 days.
            row(ReferralStatus::Sent, Priority::Normal, Some(10)),
            // Emergency, sent 2 days ago: due a day ago, overdue.
            row(ReferralStatus::Sent, Priority::Emergency, Some(2)),
            row(ReferralStatus::Accepted, Priority::Normal, Some(3)),
        ];
        let s = sections(&rows, &[], NOW);
        assert_eq!(s.awaiting, vec![1, 0]);
        assert_eq!(s.overdue, 1);
    }

    #[test]
    fn a_rejection_counts_only_while_its_need_still_waits() {
        let waiting = row(ReferralStatus::Rejected, Priority::Urgent, Some(5));
        let referred_since = row(ReferralStatus::Rejected, Priority::Urgent, Some(5));
        let need = NeedRow {
            id: waiting.need,
            household: waiting.household,
            case_code: "NIN-0001".into(),
            sector: Sector::Health,
            priority: Priority::Urgent,
            description: "".into(),
            created_at: NOW,
        };
        let s = sections(&[waiting, referred_since], &[need], NOW);
        assert_eq!(s.rejected, vec![0]);
        assert_eq!(s.unreferred, [0, 1, 0]);
    }

    #[test]
    fn past_follow_up_is_before_today_only() {
        let mut late = row(ReferralStatus::Accepted, Priority::Normal, Some(9));
        late.follow_up = Some(Date::from_ymd(2023, 11, 1).expect("date"));
        let mut today = row(ReferralStatus::Accepted, Priority::Normal, Some(9));
        today.follow_up = Some(NOW.date());
        assert_eq!(sections(&[late, today], &[], NOW).past_follow_up, vec![0]);
    }

    #[test]
    fn sent_per_week_puts_this_week_last_and_drops_older_ones() {
        let rows = vec![
            row(ReferralStatus::Sent, Priority::Normal, Some(0)),
            row(ReferralStatus::Sent, Priority::Normal, Some(8)),
            row(ReferralStatus::Sent, Priority::Normal, Some(90)),
            row(ReferralStatus::Draft, Priority::Normal, None),
        ];
        assert_eq!(sent_per_week(&rows, NOW, 3), vec![0, 1, 1]);
    }
}
