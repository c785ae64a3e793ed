//! Everything the screens can ask the app to do. Screens turn keys into actions; only
//! `App::update` acts on them (and only it asks the store to change anything).
//!
//! The few actions every screen shares are here; the rest are nested by area, each area's
//! enum beside the screen that owns it (`screens/<screen>/act.rs`), so that a new action
//! touches its screen's files and one arm of `App::update`.

use super::ScreenId;
use super::app::workers::WorkersAction;
use super::screens::help::HelpAction;
use super::screens::intake::act::IntakeAction;
use super::screens::queue::act::QueueAction;
use super::screens::referrals::act::ReferralAction;
use super::screens::services::act::ServicesAction;
use super::screens::sync::act::SyncAction;
use super::screens::sync::team::TeamAction;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show a screen.
    Show(ScreenId),
    /// Quit, asking first when something is unsaved.
    Quit,
    /// Quit without asking (after the user confirmed).
    QuitNow,
    /// Open the worker picker (on an encrypted database: the workers' menu).
    PickWorker,
    /// Make this worker the one recorded on changes.
    SetWorker(String),
    /// Open the action menu of the current screen.
    Menu,
    /// Check and use the answers of the open pop-up form.
    SubmitPrompt,
    /// Reload the lists from the store (in the background).
    Reload,
    /// Typed or pasted text was cut at a field's limit: say so.
    FieldFull,
    /// Say something on the message line.
    Say(String),
    /// Open the draft an earlier run left (tui/draft.rs) again.
    RestoreDraft,
    /// Delete that draft.
    DropDraft,
    /// Intake (F2): households, their needs, closing and erasing a case.
    Intake(IntakeAction),
    /// Services (F3): the directory, and choosing a service to refer to.
    Services(ServicesAction),
    /// Referrals (F4): moves, notes, follow-ups, slips.
    Referral(ReferralAction),
    /// Queue (F5): conflicts to resolve.
    Queue(QueueAction),
    /// Sync (F6): bundles to and from a folder, backups.
    Sync(SyncAction),
    /// Team (on the Sync screen): requests, certificates, revocations, hand-offs.
    Team(TeamAction),
    /// Workers of an encrypted database (F8).
    Workers(WorkersAction),
    /// Help (F1): the language and how Arabic script is shown.
    Help(HelpAction),
}

macro_rules! nest {
    ($($area:ident => $variant:ident),* $(,)?) => {
        $(impl From<$area> for Action {
            fn from(a: $area) -> Action {
                Action::$variant(a)
            }
        })*
    };
}

nest!(
    IntakeAction => Intake,
    ServicesAction => Services,
    ReferralAction => Referral,
    QueueAction => Queue,
    SyncAction => Sync,
    TeamAction => Team,
    WorkersAction => Workers,
    HelpAction => Help,
);
