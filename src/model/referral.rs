//! A referral of a household's need to a service, its append-only history, and the
//! lifecycle: the only moves allowed, and a plain refusal naming the allowed ones.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Consent, Date, Priority, Problem, Timestamp, named_enum};

named_enum! {
    /// Where a referral stands. The status is the last step of its history.
    pub enum ReferralStatus {
        Draft = ("draft", "draft"),
        Sent = ("sent", "sent"),
        Accepted = ("accepted", "accepted"),
        Rejected = ("rejected", "rejected"),
        Completed = ("completed", "completed"),
        Closed = ("closed", "closed"),
        Cancelled = ("cancelled", "cancelled"),
    }
}

impl ReferralStatus {
    /// The lifecycle table: the statuses a referral may move to from this one.
    pub fn allowed_next(self) -> &'static [ReferralStatus] {
        use ReferralStatus::*;
        match self {
            Draft => &[Sent, Cancelled],
            Sent => &[Accepted, Rejected, Cancelled],
            Accepted => &[Completed, Closed],
            Rejected => &[Closed],
            Completed => &[Closed],
            Closed | Cancelled => &[],
        }
    }

    pub fn is_final(self) -> bool {
        self.allowed_next().is_empty()
    }
}

named_enum! {
    /// Why a completed referral was not successful (IASC referral feedback).
    pub enum NotSuccessfulReason {
        ClientRefused = ("client_refused", "client refused"),
        LackOfCapacity = ("lack_of_capacity", "lack of capacity"),
        NoLongerNeeded = ("no_longer_needed", "service no longer needed"),
        ClientUnreachable = ("client_unreachable", "unable to contact client"),
        OrganizationUnreachable = ("organization_unreachable", "unable to contact receiving organization"),
        Other = ("other", "other"),
    }
}

/// How a completed referral ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Successful,
    NotSuccessful(NotSuccessfulReason),
}

/// A move a worker (or the receiving organization) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Send,
    Accept,
    /// Rejected by the receiving organization; the reason is required.
    Reject {
        reason: String,
    },
    Cancel {
        reason: String,
    },
    /// Completed; a not-successful outcome with reason `Other` needs the reason in text.
    Complete {
        outcome: Outcome,
        reason: String,
    },
    /// Closed; from accepted (stopped without completion) a reason is required.
    Close {
        reason: String,
    },
}

impl Move {
    /// The move to `to` with its reason, and for a completion its outcome (`None`:
    /// successful). `None` for draft, which no move leads back to.
    pub fn to(to: ReferralStatus, reason: String, outcome: Option<Outcome>) -> Option<Move> {
        Some(match to {
            ReferralStatus::Draft => return None,
            ReferralStatus::Sent => Move::Send,
            ReferralStatus::Accepted => Move::Accept,
            ReferralStatus::Rejected => Move::Reject { reason },
            ReferralStatus::Cancelled => Move::Cancel { reason },
            ReferralStatus::Closed => Move::Close { reason },
            ReferralStatus::Completed => Move::Complete {
                outcome: outcome.unwrap_or(Outcome::Successful),
                reason,
            },
        })
    }

    /// The outcome an outcome code names: `successful`, or a not-successful reason.
    pub fn outcome_from_code(code: &str) -> Option<Outcome> {
        match code {
            "successful" => Some(Outcome::Successful),
            other => NotSuccessfulReason::from_code(other).map(Outcome::NotSuccessful),
        }
    }

    pub fn target(&self) -> ReferralStatus {
        match self {
            Move::Send => ReferralStatus::Sent,
            Move::Accept => ReferralStatus::Accepted,
            Move::Reject { .. } => ReferralStatus::Rejected,
            Move::Cancel { .. } => ReferralStatus::Cancelled,
            Move::Complete { .. } => ReferralStatus::Completed,
            Move::Close { .. } => ReferralStatus::Closed,
        }
    }

    pub fn reason(&self) -> &str {
        match self {
            Move::Send | Move::Accept => "",
            Move::Reject { reason }
            | Move::Cancel { reason }
            | Move::Complete { reason, .. }
            | Move::Close { reason } => reason,
        }
    }

    fn outcome(&self) -> Option<Outcome> {
        match self {
            Move::Complete { outcome, .. } => Some(outcome.clone()),
            _ => None,
        }
    }
}

/// Why a move was refused. Each message names the current status and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("this referral is {from}, which is final: it cannot change any more")]
    Final { from: ReferralStatus },
    #[error("a {from} referral cannot become {to}; from {from} it can become {allowed}")]
    NotAllowed {
        from: ReferralStatus,
        to: ReferralStatus,
        allowed: String,
    },
    #[error(
        "this household has not consented to be referred to services: record consent before sending"
    )]
    NoConsent,
    #[error("say why the referral is {to}: a reason is required")]
    ReasonRequired { to: ReferralStatus },
    #[error("a completed referral needs its outcome: successful, or not successful with a reason")]
    OutcomeRequired,
    #[error(
        "this referral shares details the household did not consent to share: remove them, or record consent to disclosure first"
    )]
    Disclosure,
    #[error("the referral changed meanwhile (it is now {now}): look at it again and retry")]
    Stale { now: ReferralStatus },
    #[error("the {field} {why}: {}", super::text::ADVICE)]
    HiddenText {
        field: &'static str,
        why: super::text::Hidden,
    },
}

/// One entry of a referral's history: a move, or a note (when `from` equals `to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub at: Timestamp,
    pub by: String,
    /// `None` for the step that created the referral as a draft.
    pub from: Option<ReferralStatus>,
    pub to: ReferralStatus,
    pub outcome: Option<Outcome>,
    pub reason: String,
    pub note: String,
}

impl Step {
    pub fn is_note(&self) -> bool {
        self.from == Some(self.to)
    }
}

named_enum! {
    /// The household details a referral may carry to the receiving organization.
    pub enum DisclosedField {
        HeadName = ("head_name", "name of the head of household"),
        Phone = ("phone", "phone number"),
        Location = ("location", "location and village"),
        Members = ("members", "household members"),
        Vulnerabilities = ("vulnerabilities", "vulnerabilities"),
        NeedDescription = ("need_description", "description of the need"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Referral {
    pub id: Uuid,
    pub household: Uuid,
    pub need: Uuid,
    pub service: Uuid,
    /// The receiving organization.
    pub organization: Uuid,
    /// The referring organization, as text (the CRC or partner that refers).
    pub referring_org: String,
    pub priority: Priority,
    pub reason: String,
    pub disclosed: BTreeSet<DisclosedField>,
    pub follow_up: Option<Date>,
    pub created_at: Timestamp,
    pub created_by: String,
    /// Append-only; the first step creates the draft.
    pub history: Vec<Step>,
    /// Steps from other devices that the lifecycle refused where they landed (two
    /// devices answered the same referral differently): kept, shown to the coordinator.
    pub flagged: Vec<Step>,
}

impl Referral {
    /// What stays of a referral once its household is erased: service, organizations,
    /// priority, dates and its history's moves; no reason, note or disclosed detail.
    pub fn anonymized(&self) -> Referral {
        let bare = |s: &Step| Step {
            reason: String::new(),
            note: String::new(),
            ..s.clone()
        };
        Referral {
            reason: String::new(),
            disclosed: Default::default(),
            history: self.history.iter().map(bare).collect(),
            flagged: self.flagged.iter().map(bare).collect(),
            ..self.clone()
        }
    }

    /// The first history step of a new referral.
    pub fn created_step(at: Timestamp, by: &str) -> Step {
        Step {
            at,
            by: by.to_string(),
            from: None,
            to: ReferralStatus::Draft,
            outcome: None,
            reason: String::new(),
            note: String::new(),
        }
    }

    pub fn status(&self) -> ReferralStatus {
        self.history
            .last()
            .map(|s| s.to)
            .unwrap_or(ReferralStatus::Draft)
    }

    /// When it was last sent.
    pub fn sent_at(&self) -> Option<Timestamp> {
        self.history
            .iter()
            .rev()
            .find(|s| s.to == ReferralStatus::Sent && s.from != Some(ReferralStatus::Sent))
            .map(|s| s.at)
    }

    /// The date by which the receiving organization should answer: the time it was sent
    /// plus 24 h, 72 h or 14 days by priority.
    pub fn due(&self) -> Option<Timestamp> {
        self.sent_at().map(|at| self.priority.due_from(at))
    }

    /// Sent, not yet answered, and past its due date.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        overdue(self.status(), self.due(), now)
    }

    /// Checks a move against the lifecycle and returns the step that records it.
    /// `consent` is the household's consent, which a send needs.
    pub fn check_move(
        &self,
        mv: &Move,
        consent: Option<&Consent>,
        at: Timestamp,
        by: &str,
        note: &str,
    ) -> Result<Step, MoveError> {
        let from = self.status();
        if mv.target() == from {
            // Not a note: a move to where the referral already is.
            return Err(if from.is_final() {
                MoveError::Final { from }
            } else {
                MoveError::NotAllowed {
                    from,
                    to: from,
                    allowed: join_or(from.allowed_next()),
                }
            });
        }
        let step = Step {
            at,
            by: by.to_string(),
            from: Some(from),
            to: mv.target(),
            outcome: mv.outcome(),
            reason: mv.reason().trim().to_string(),
            note: note.trim().to_string(),
        };
        self.check_step(&step, consent)?;
        Ok(step)
    }

    /// Checks any step against the lifecycle: it starts from the current status, goes
    /// where the table allows (or is a note), sends only with consent to services and
    /// nothing disclosed beyond consent, and carries the reason and outcome it needs.
    pub fn check_step(&self, step: &Step, consent: Option<&Consent>) -> Result<(), MoveError> {
        let from = self.status();
        if step.from != Some(from) {
            return Err(MoveError::Stale { now: from });
        }
        for (field, value) in [("reason", &step.reason), ("note", &step.note)] {
            if let Some(why) = super::text::Hidden::find(value) {
                return Err(MoveError::HiddenText { field, why });
            }
        }
        if step.is_note() {
            return Ok(());
        }
        let to = step.to;
        if from.is_final() {
            return Err(MoveError::Final { from });
        }
        if !from.allowed_next().contains(&to) {
            return Err(MoveError::NotAllowed {
                from,
                to,
                allowed: join_or(from.allowed_next()),
            });
        }
        if to == ReferralStatus::Sent {
            if !consent.is_some_and(|c| c.services) {
                return Err(MoveError::NoConsent);
            }
            if !self.validate(consent).is_empty() {
                return Err(MoveError::Disclosure);
            }
        }
        let reason_needed = match to {
            ReferralStatus::Rejected => true,
            ReferralStatus::Closed => from == ReferralStatus::Accepted,
            ReferralStatus::Completed => {
                step.outcome == Some(Outcome::NotSuccessful(NotSuccessfulReason::Other))
            }
            _ => false,
        };
        if to == ReferralStatus::Completed && step.outcome.is_none() {
            return Err(MoveError::OutcomeRequired);
        }
        if reason_needed && step.reason.trim().is_empty() {
            return Err(MoveError::ReasonRequired { to });
        }
        Ok(())
    }

    /// A follow-up note: allowed in any status, it changes nothing but the history.
    pub fn note_step(&self, at: Timestamp, by: &str, note: &str) -> Step {
        Step {
            at,
            by: by.to_string(),
            from: Some(self.status()),
            to: self.status(),
            outcome: None,
            reason: String::new(),
            note: note.trim().to_string(),
        }
    }

    /// What is wrong with the referral's own text: a reason it needs, and no hidden
    /// characters in what was typed.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.reason.trim().is_empty() {
            problems.push(Problem::new("reason", "Say why the household is referred."));
        }
        super::text::check_all(
            [
                ("reason", self.reason.as_str()),
                ("referring_org", self.referring_org.as_str()),
            ],
            &mut problems,
        );
        problems
    }

    /// Checks what the referral discloses against the household's consent.
    pub fn validate(&self, consent: Option<&Consent>) -> Vec<Problem> {
        let mut problems = Vec::new();
        let may_disclose = consent.is_some_and(|c| c.disclosure);
        if !may_disclose && !self.disclosed.is_empty() {
            problems.push(Problem::new(
                "disclosed",
                "The household did not consent to share its details: disclose nothing, or record its consent first.",
            ));
        }
        problems
    }
}

fn join_or(statuses: &[ReferralStatus]) -> String {
    let names: Vec<&str> = statuses.iter().map(|s| s.code()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The one rule for "overdue": sent, not yet answered, and `now` past its due date (the
/// time it was sent plus 24 h, 72 h or 14 days by priority). The screens' rows and the
/// records use it; the store counts the same on its status-and-due index
/// (`Store::count_overdue`: sent, due before now).
pub fn overdue(status: ReferralStatus, due: Option<Timestamp>, now: Timestamp) -> bool {
    status == ReferralStatus::Sent && due.is_some_and(|due| now > due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::*;

    fn consent(services: bool, disclosure: bool) -> Consent {
        Consent {
            services,
            disclosure,
            follow_up: true,
            recorded_at: Timestamp(0),
            recorded_by: "Amal".into(),
        }
    }

    fn referral_in(status: ReferralStatus) -> Referral {
        let mut history = vec![Referral::created_step(Timestamp(0), "Amal")];
        if status != Draft {
            history.push(Step {
                at: Timestamp(1),
                by: "Amal".into(),
                from: Some(Draft),
                to: status,
                outcome: None,
                reason: String::new(),
                note: String::new(),
            });
        }
        Referral {
            id: Uuid::from_u128(7),
            household: Uuid::from_u128(1),
            need: Uuid::from_u128(2),
            service: Uuid::from_u128(3),
            organization: Uuid::from_u128(4),
            referring_org: "CRC Mosul".into(),
            priority: Priority::Urgent,
            reason: "needs ID".into(),
            disclosed: BTreeSet::new(),
            follow_up: None,
            created_at: Timestamp(0),
            created_by: "Amal".into(),
            history,
            flagged: Vec::new(),
        }
    }

    fn move_to(to: ReferralStatus) -> Move {
        let reason = "a reason".to_string();
        match to {
            Draft => unreachable!("no move leads back to draft"),
            Sent => Move::Send,
            Accepted => Move::Accept,
            Rejected => Move::Reject { reason },
            Cancelled => Move::Cancel { reason },
            Completed => Move::Complete {
                outcome: Outcome::Successful,
                reason,
            },
            Closed => Move::Close { reason },
        }
    }

    /// The lifecycle table of domain.md, written out independently of `allowed_next`.
    const TABLE: &[(ReferralStatus, &[ReferralStatus])] = &[
        (Draft, &[Sent, Cancelled]),
        (Sent, &[Accepted, Rejected, Cancelled]),
        (Accepted, &[Completed, Closed]),
        (Rejected, &[Closed]),
        (Completed, &[Closed]),
        (Closed, &[]),
        (Cancelled, &[]),
    ];

    #[test]
    fn every_move_in_the_table_is_allowed_and_every_other_refused() {
        let c = consent(true, true);
        for (from, allowed) in TABLE {
            for to in ReferralStatus::ALL.iter().filter(|s| **s != Draft) {
                let r = referral_in(*from);
                let result = r.check_move(&move_to(*to), Some(&c), Timestamp(5), "Amal", "");
                if allowed.contains(to) {
                    let step = result.unwrap_or_else(|e| panic!("{from} -> {to} refused: {e}"));
                    assert_eq!((step.from, step.to), (Some(*from), *to));
                } else {
                    let err = result.expect_err(&format!("{from} -> {to} must be refused"));
                    let text = err.to_string();
                    assert!(text.contains(from.code()), "{text}");
                    for next in *allowed {
                        assert!(text.contains(next.code()), "{text} should name {next}");
                    }
                }
            }
        }
    }

    #[test]
    fn refusals_name_the_current_status_and_the_allowed_moves() {
        let r = referral_in(Sent);
        let err = r
            .check_move(&move_to(Completed), None, Timestamp(0), "a", "")
            .expect_err("refused");
        assert_eq!(
            err.to_string(),
            "a sent referral cannot become completed; from sent it can become accepted, rejected or cancelled"
        );
        let err = referral_in(Closed)
            .check_move(&Move::Accept, None, Timestamp(0), "a", "")
            .expect_err("refused");
        assert_eq!(
            err.to_string(),
            "this referral is closed, which is final: it cannot change any more"
        );
    }

    #[test]
    fn a_referral_cannot_be_sent_without_consent_for_services() {
        let r = referral_in(Draft);
        for consent in [None, Some(consent(false, true))] {
            assert_eq!(
                r.check_move(&Move::Send, consent.as_ref(), Timestamp(0), "a", ""),
                Err(MoveError::NoConsent)
            );
        }
        assert!(
            r.check_move(
                &Move::Send,
                Some(&consent(true, false)),
                Timestamp(0),
                "a",
                ""
            )
            .is_ok()
        );
    }

    #[test]
    fn a_reason_or_note_with_hidden_characters_is_refused() {
        let bad = "no\u{1b}[2J capacity".to_string();
        let e = referral_in(Sent)
            .check_move(
                &Move::Reject {
                    reason: bad.clone(),
                },
                None,
                Timestamp(0),
                "a",
                "",
            )
            .expect_err("refused");
        assert!(
            matches!(
                e,
                MoveError::HiddenText {
                    field: "reason",
                    ..
                }
            ),
            "{e}"
        );
        assert!(e.to_string().starts_with("the reason holds"), "{e}");
        let e = referral_in(Sent)
            .check_move(&Move::Accept, None, Timestamp(0), "a", "call\nback")
            .expect_err("refused");
        assert!(
            matches!(e, MoveError::HiddenText { field: "note", .. }),
            "{e}"
        );
        // A note alone (no move) is checked too.
        let r = referral_in(Sent);
        let note = r.note_step(Timestamp(0), "a", "x\u{202e}y");
        assert!(r.check_step(&note, None).is_err());
        let mut r = referral_in(Draft);
        r.reason = "needs ID\u{9b}".into();
        assert_eq!(r.problems()[0].field, "reason");
    }

    #[test]
    fn rejecting_and_closing_an_accepted_referral_need_a_reason() {
        let blank = String::from("  ");
        let e = referral_in(Sent).check_move(
            &Move::Reject {
                reason: blank.clone(),
            },
            None,
            Timestamp(0),
            "a",
            "",
        );
        assert_eq!(e, Err(MoveError::ReasonRequired { to: Rejected }));
        let e = referral_in(Accepted).check_move(
            &Move::Close {
                reason: blank.clone(),
            },
            None,
            Timestamp(0),
            "a",
            "",
        );
        assert_eq!(e, Err(MoveError::ReasonRequired { to: Closed }));
        // Closing a completed referral needs no reason.
        assert!(
            referral_in(Completed)
                .check_move(
                    &Move::Close {
                        reason: blank.clone()
                    },
                    None,
                    Timestamp(0),
                    "a",
                    ""
                )
                .is_ok()
        );
        let other = Move::Complete {
            outcome: Outcome::NotSuccessful(NotSuccessfulReason::Other),
            reason: blank,
        };
        assert!(
            referral_in(Accepted)
                .check_move(&other, None, Timestamp(0), "a", "")
                .is_err()
        );
    }

    #[test]
    fn due_date_counts_from_sending_and_overdue_only_while_sent() {
        let mut r = referral_in(Draft);
        assert_eq!(r.due(), None);
        let step = r
            .check_move(
                &Move::Send,
                Some(&consent(true, false)),
                Timestamp(1_000),
                "a",
                "",
            )
            .expect("send");
        r.history.push(step);
        let due = Timestamp(1_000 + 72 * 3_600_000);
        assert_eq!(r.due(), Some(due));
        assert!(!r.is_overdue(due));
        assert!(r.is_overdue(due.plus_ms(1)));
        let step = r
            .check_move(&Move::Accept, None, due.plus_ms(2), "a", "")
            .expect("accept");
        r.history.push(step);
        assert!(!r.is_overdue(due.plus_ms(5)));
    }

    #[test]
    fn notes_keep_the_status_and_are_allowed_when_final() {
        let r = referral_in(Closed);
        let note = r.note_step(Timestamp(9), "a", "called the family");
        assert!(note.is_note());
        assert_eq!(note.to, Closed);
    }

    #[test]
    fn sending_with_more_disclosed_than_consented_is_refused() {
        let mut r = referral_in(Draft);
        r.disclosed.insert(DisclosedField::Phone);
        let err = r.check_move(
            &Move::Send,
            Some(&consent(true, false)),
            Timestamp(0),
            "a",
            "",
        );
        assert_eq!(err, Err(MoveError::Disclosure));
        assert!(
            r.check_move(
                &Move::Send,
                Some(&consent(true, true)),
                Timestamp(0),
                "a",
                ""
            )
            .is_ok()
        );
    }

    #[test]
    fn a_step_from_another_status_or_without_an_outcome_is_refused() {
        let r = referral_in(Accepted);
        let mut step = r.note_step(Timestamp(0), "a", "");
        step.from = Some(Sent);
        assert_eq!(
            r.check_step(&step, None),
            Err(MoveError::Stale { now: Accepted })
        );
        step.from = Some(Accepted);
        step.to = Completed;
        assert_eq!(r.check_step(&step, None), Err(MoveError::OutcomeRequired));
        step.outcome = Some(Outcome::Successful);
        assert_eq!(r.check_step(&step, None), Ok(()));
    }

    #[test]
    fn disclosure_cannot_go_beyond_consent() {
        let mut r = referral_in(Draft);
        r.disclosed.insert(DisclosedField::Phone);
        assert_eq!(
            r.validate(Some(&consent(true, false)))[0].field,
            "disclosed"
        );
        assert!(r.validate(Some(&consent(true, true))).is_empty());
        r.disclosed.clear();
        assert!(r.validate(None).is_empty());
    }
}
