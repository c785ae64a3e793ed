//! Drafts: what a worker is typing survives a power cut. A few seconds after the last
//! key, the household form being typed (and an open pop-up form with typed answers) is
//! written to the store as one draft, sealed like the records; the next start offers it
//! back, and it is deleted when the form is saved or left. Passphrases are never kept.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{Need, Person, ReferralStatus, Timestamp};
use crate::tui::action::Action;
use crate::tui::field::FieldId;
use crate::tui::screens::intake::Step;
use crate::tui::screens::intake::act::{IntakeAction, IntakePrompt};
use crate::tui::screens::modal::Purpose;
use crate::tui::screens::referrals::act::{ReferralAction, ReferralPrompt};
use crate::tui::screens::services::act::{ServicesAction, ServicesPrompt};
use crate::tui::widgets::form::Value;

/// How long after the last key a draft is written.
pub const QUIET_MS: i64 = 3_000;

/// Everything being typed, as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// When it was written.
    pub at: Timestamp,
    /// Who was working.
    pub worker: String,
    pub household: Option<HouseholdDraft>,
    pub prompt: Option<PromptDraft>,
}

/// The household form, unsaved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HouseholdDraft {
    pub id: Uuid,
    /// The stored household being edited (none: a new one).
    pub existing: Option<Uuid>,
    pub step: Step,
    pub who: Vec<(FieldId, Value)>,
    pub consent: Vec<(FieldId, Value)>,
    pub members: Vec<Person>,
    pub needs: Vec<Need>,
}

/// A pop-up form with typed answers: how to open it again, and what was typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromptDraft {
    pub reopen: Reopen,
    pub values: Vec<(FieldId, Value)>,
}

/// The pop-ups a draft can open again. Those that carry a passphrase (workers), or that
/// depend on a drive or a list of the moment (approvals, conflicts, a referral draft
/// chosen from a filtered list) are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reopen {
    Member(Option<usize>),
    Need(Option<usize>),
    CloseCase,
    Service(Option<Uuid>),
    Organization(Option<Uuid>),
    Move { id: Uuid, to: ReferralStatus },
    Note(Uuid),
    FollowUp(Uuid),
}

impl Reopen {
    pub fn of(purpose: &Purpose) -> Option<Reopen> {
        Some(match purpose {
            Purpose::Intake(IntakePrompt::Member(i)) => Reopen::Member(*i),
            Purpose::Intake(IntakePrompt::Need(i)) => Reopen::Need(*i),
            Purpose::Intake(IntakePrompt::CloseCase) => Reopen::CloseCase,
            Purpose::Services(ServicesPrompt::Service(id)) => Reopen::Service(*id),
            Purpose::Services(ServicesPrompt::Organization(id)) => Reopen::Organization(*id),
            Purpose::Referral(ReferralPrompt::Move { id, to }) => Reopen::Move { id: *id, to: *to },
            Purpose::Referral(ReferralPrompt::Note(id)) => Reopen::Note(*id),
            Purpose::Referral(ReferralPrompt::FollowUp(id)) => Reopen::FollowUp(*id),
            Purpose::Services(ServicesPrompt::Draft { .. })
            | Purpose::Queue(_)
            | Purpose::Team(_)
            | Purpose::Workers(_) => return None,
        })
    }

    /// The action that opens the pop-up again.
    pub fn action(&self) -> Action {
        match self.clone() {
            Reopen::Member(i) => IntakeAction::EditMember(i).into(),
            Reopen::Need(i) => IntakeAction::EditNeed(i).into(),
            Reopen::CloseCase => IntakeAction::CloseCase.into(),
            Reopen::Service(id) => ServicesAction::AskService(id).into(),
            Reopen::Organization(id) => ServicesAction::AskOrganization(id).into(),
            Reopen::Move { id, to } => ReferralAction::AskMove { id, to }.into(),
            Reopen::Note(id) => ReferralAction::AskNote(id).into(),
            Reopen::FollowUp(id) => ReferralAction::AskFollowUp(id).into(),
        }
    }
}

impl Draft {
    pub fn encode(&self) -> Vec<u8> {
        // A draft is plain data: encoding it cannot fail short of memory.
        crate::codec::encode_value(self).unwrap_or_default()
    }

    /// A draft read back; `None` when it was written by another version of Daleel and
    /// no longer reads (it is then dropped, with a word to the worker).
    pub fn decode(bytes: &[u8]) -> Option<Draft> {
        crate::codec::decode_value(bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_back_as_it_was_written() {
        let draft = Draft {
            at: Timestamp(1_795_950_000_000),
            worker: "Amal H.".into(),
            household: Some(HouseholdDraft {
                id: Uuid::now_v7(),
                existing: None,
                step: Step::Consent,
                who: vec![
                    (FieldId::HeadName, Value::Text("فاطمة حسن".into())),
                    (FieldId::Governorate, Value::Choice(Some("IQG15".into()))),
                ],
                consent: vec![(FieldId::ConsentServices, Value::Choice(None))],
                members: Vec::new(),
                needs: Vec::new(),
            }),
            prompt: Some(PromptDraft {
                reopen: Reopen::Move {
                    id: Uuid::now_v7(),
                    to: ReferralStatus::Rejected,
                },
                values: vec![(FieldId::Reason, Value::Text("no capacity".into()))],
            }),
        };
        assert_eq!(Draft::decode(&draft.encode()), Some(draft));
        assert_eq!(Draft::decode(b"not a draft"), None);
    }
}
