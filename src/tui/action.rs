//! Everything the screens can ask the app to do. Screens turn keys into actions; only
//! `App::update` acts on them (and only it asks the store to change anything).

use uuid::Uuid;

use super::ScreenId;
use crate::model::{Date, Move};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show a screen.
    Show(ScreenId),
    /// Quit, asking first when something is unsaved.
    Quit,
    /// Quit without asking (after the user confirmed).
    QuitNow,
    /// Open the worker picker.
    PickWorker,
    /// Make this worker the one recorded on changes.
    SetWorker(String),
    /// Open the action menu of the current screen.
    Menu,
    /// Intake: look households up with this query.
    FindHouseholds(String),
    /// Intake: start a new household.
    NewHousehold,
    /// Intake: open a household for editing (asking first when the form is unsaved).
    OpenHousehold(Uuid),
    /// Intake: open a household, dropping the unsaved form (after the user confirmed).
    OpenHouseholdAnyway(Uuid),
    /// Check and use the answers of the open pop-up form.
    SubmitPrompt,
    /// Intake: check the form and save the household.
    SaveHousehold,
    /// Intake: leave the form, asking first when something is unsaved.
    DiscardHousehold,
    /// Intake: leave the form without asking (after the user confirmed).
    LeaveForm,
    /// Intake: mark a need met or closed unmet (saved at once for a saved need).
    SetNeedStatus {
        need: Uuid,
        status: crate::model::NeedStatus,
    },
    /// Intake: look for likely duplicates of what is typed.
    CheckDuplicates,
    /// Intake: edit member `n` (or add one).
    EditMember(Option<usize>),
    /// Intake: edit need `n` (or add one).
    EditNeed(Option<usize>),
    /// Intake: close the case (asks for the reason).
    CloseCase,
    /// Refer a saved need: open Services filtered by its sector and the household's place.
    ReferNeed {
        household: Uuid,
        need: Uuid,
    },
    /// Stop referring (leave Services' referral mode).
    CancelReferring,
    /// Services: open the referral draft for this service (while referring).
    DraftReferral {
        service: Uuid,
    },
    /// Referrals: show this referral selected.
    OpenReferral(Uuid),
    /// Referrals: move a referral that needs no more answers.
    MoveReferral {
        id: Uuid,
        mv: Move,
    },
    /// Referrals: ask for what a move needs (reason, outcome) before moving.
    AskMove {
        id: Uuid,
        to: crate::model::ReferralStatus,
    },
    /// Referrals: ask for a note.
    AskNote(Uuid),
    /// Referrals: ask for a follow-up date.
    AskFollowUp(Uuid),
    /// Referrals: set the follow-up date.
    SetFollowUp {
        id: Uuid,
        date: Option<Date>,
    },
    /// Reload the lists from the store (in the background).
    Reload,
    /// Sync: look for bundles in the folder typed or chosen.
    SyncScan,
    /// Sync: use this folder (a drive that was found).
    SyncUse(std::path::PathBuf),
    /// Sync: write a bundle into the folder, on a worker thread.
    SyncExport,
    /// Sync: import these bundle files, on a worker thread.
    SyncImport(Vec<std::path::PathBuf>),
    /// Services: the form of a new service, or of this one.
    AskService(Option<Uuid>),
    /// Services: the form of a new organization, or of this one.
    AskOrganization(Option<Uuid>),
    /// Help: show the screens in this language.
    SetLanguage(crate::i18n::Lang),
    /// Help: how Arabic script is shown.
    SetTextMode(crate::tui::bidi::TextMode),
    /// Referrals: write a printable referral slip (onto the drive, or into Documents).
    Slip(Uuid),
    /// Team (Sync screen): write this laptop's request to join into the folder.
    TeamRequest,
    /// Team: ask, then join the team of the certificate at this path.
    AskTeamJoin(std::path::PathBuf),
    TeamJoin(std::path::PathBuf),
    /// Team: the approval form for the request at this path.
    AskApprove(std::path::PathBuf),
    /// Team: which laptop to revoke; then ask; then revoke it.
    AskRevokeMenu,
    AskRevoke(crate::model::change::OriginId),
    Revoke(crate::model::change::OriginId),
    /// Team: write a hand-off for this partner organization into the folder.
    Handoff(String),
    /// Sync: write a backup of this laptop's database into the folder.
    Backup,
    /// Queue: the values of conflict `n`, to keep one.
    ConflictMenu(usize),
    /// Intake: who opened or changed this household, and when (the audit trail).
    ShowAudit(String),
    /// Workers (F8, encrypted database): a prompt to add one, set a passphrase, remove one.
    AskAddWorker,
    AskWorkerPassphrase,
    AskRemoveWorker,
    /// Intake: ask before erasing a household.
    AskErase(Uuid),
    /// Erase a household (data protection), once confirmed.
    Erase(Uuid),
    /// Queue: type a new value for the text field of conflict `n`.
    AskResolveText(usize),
    /// Resolve a conflict by keeping a value (an ordinary change that syncs).
    Resolve {
        tag: u8,
        id: Uuid,
        field: usize,
        value: Vec<u8>,
    },
    /// Typed or pasted text was cut at a field's limit: say so.
    FieldFull,
    /// Say something on the message line.
    Say(String),
}
