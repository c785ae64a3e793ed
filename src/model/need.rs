//! A need: what a household (or one of its members) needs, in which sector, how urgently.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::time::{DAY_MS, HOUR_MS};
use super::{Problem, Referral, Timestamp, named_enum};

named_enum! {
    /// Humanitarian sectors (clusters) and the Protection areas of responsibility.
    pub enum Sector {
        Protection = ("protection", "Protection"),
        ChildProtection = ("child_protection", "Child Protection"),
        Gbv = ("gbv", "GBV"),
        Hlp = ("hlp", "Housing, Land and Property"),
        CivilDocumentation = ("civil_documentation", "Civil Documentation / Legal"),
        Health = ("health", "Health"),
        Mhpss = ("mhpss", "MHPSS"),
        ShelterNfi = ("shelter_nfi", "Shelter / NFI"),
        Wash = ("wash", "WASH"),
        FoodSecurity = ("food_security", "Food Security"),
        Livelihoods = ("livelihoods", "Livelihoods"),
        Education = ("education", "Education"),
        Cash = ("cash", "Cash"),
        CampCoordination = ("camp_coordination", "Camp Coordination"),
        /// A service from a directory that names no sector Daleel knows.
        Other = ("other", "Other"),
    }
}

impl Sector {
    /// GBV and child protection records are for designated caseworkers only (teams issue).
    pub fn is_sensitive(self) -> bool {
        matches!(self, Sector::Gbv | Sector::ChildProtection)
    }
}

named_enum! {
    /// Referral priority as on the IASC inter-agency referral form.
    pub enum Priority {
        Emergency = ("emergency", "Emergency"),
        Urgent = ("urgent", "Urgent"),
        Normal = ("normal", "Normal"),
    }
}

impl Priority {
    /// How long the receiving organization has to answer: 24 h, 72 h or 14 days.
    pub fn response_ms(self) -> i64 {
        match self {
            Priority::Emergency => 24 * HOUR_MS,
            Priority::Urgent => 72 * HOUR_MS,
            Priority::Normal => 14 * DAY_MS,
        }
    }

    /// The due date of a referral sent at `sent_at` with this priority.
    pub fn due_from(self, sent_at: Timestamp) -> Timestamp {
        sent_at.plus_ms(self.response_ms())
    }
}

named_enum! {
    /// Where a need stands.
    pub enum NeedStatus {
        Open = ("open", "open"),
        Referred = ("referred", "referred"),
        Met = ("met", "met"),
        ClosedUnmet = ("closed_unmet", "closed, unmet"),
    }
}

/// A need of a household, or of one of its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Need {
    pub id: Uuid,
    pub household: Uuid,
    /// The member (a `Person` id) when the need is one person's.
    pub member: Option<Uuid>,
    pub sector: Sector,
    pub description: String,
    pub priority: Priority,
    pub status: NeedStatus,
    pub created_at: Timestamp,
    pub created_by: String,
}

impl Need {
    /// What stays of a need once its household is erased: sector, priority, status and
    /// dates; no description and no member.
    pub fn anonymized(&self) -> Need {
        Need {
            description: String::new(),
            member: None,
            ..self.clone()
        }
    }

    /// The need's status given its referrals: met once one was completed successfully,
    /// referred while one is sent or accepted, otherwise what the worker set (met, or
    /// closed unmet) or else open again, to be referred elsewhere.
    pub fn status_after(&self, referrals: &[Referral]) -> NeedStatus {
        use super::ReferralStatus;
        let successful = referrals.iter().any(|r| {
            r.history
                .iter()
                .any(|s| s.outcome == Some(super::Outcome::Successful))
        });
        if successful {
            return NeedStatus::Met;
        }
        if referrals
            .iter()
            .any(|r| matches!(r.status(), ReferralStatus::Sent | ReferralStatus::Accepted))
        {
            return NeedStatus::Referred;
        }
        match self.status {
            NeedStatus::Met | NeedStatus::ClosedUnmet if referrals.is_empty() => self.status,
            NeedStatus::ClosedUnmet => NeedStatus::ClosedUnmet,
            _ => NeedStatus::Open,
        }
    }

    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.description.trim().is_empty() {
            problems.push(Problem::new(
                "description",
                "Say in a few words what is needed.",
            ));
        }
        if self.description.chars().count() > 500 {
            problems.push(Problem::new(
                "description",
                "A need's description is at most 500 characters.",
            ));
        }
        problems.extend(super::text::check("description", &self.description));
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_follow_priority() {
        let sent = Timestamp(1_000_000);
        assert_eq!(
            Priority::Emergency.due_from(sent),
            Timestamp(1_000_000 + 86_400_000)
        );
        assert_eq!(
            Priority::Urgent.due_from(sent),
            Timestamp(1_000_000 + 3 * 86_400_000)
        );
        assert_eq!(
            Priority::Normal.due_from(sent),
            Timestamp(1_000_000 + 14 * 86_400_000)
        );
    }

    #[test]
    fn codes_round_trip_and_tolerate_dashes() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(*s));
        }
        assert_eq!(Sector::from_code("Shelter-NFI"), Some(Sector::ShelterNfi));
        assert_eq!(Sector::from_code("nothing"), None);
        assert!(Sector::Gbv.is_sensitive() && !Sector::Health.is_sensitive());
    }

    #[test]
    fn a_need_needs_a_description() {
        let mut need = Need {
            id: Uuid::nil(),
            household: Uuid::nil(),
            member: None,
            sector: Sector::Health,
            description: " ".into(),
            priority: Priority::Normal,
            status: NeedStatus::Open,
            created_at: Timestamp(0),
            created_by: "a".into(),
        };
        assert_eq!(need.validate()[0].field, "description");
        need.description = "food\u{1b}]0;x\u{7}".into();
        assert_eq!(need.validate()[0].field, "description");
    }
}
