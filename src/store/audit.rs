//! The audit trail: who did what, when, on this laptop. Changes are already in the change
//! log (who, when, which device); this adds what leaves no change: opening a household's
//! details, writing a bundle, importing one, and later exports, backups and erasures.
//! Entries hold case codes, counts and file names, never a household's names; they live
//! in the sealed `audit` tree, keyed by sled's monotonic id (so in the order they
//! happened).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Slot, Store, StoreError};
use crate::codec::{self, Versioned};
use crate::model::change::Change;
use crate::model::{Household, Need, Referral, Timestamp};

/// What was done, as one word (`action` in `daleel audit --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// A household's details were opened.
    View,
    /// A record was changed (from the change log).
    Change,
    /// A bundle was written onto a drive.
    Bundle,
    /// A bundle was imported.
    Import,
    /// A coordination export was written.
    Export,
    /// A backup was written.
    Backup,
    /// A household was erased.
    Erase,
}

impl AuditAction {
    pub fn word(self) -> &'static str {
        match self {
            AuditAction::View => "view",
            AuditAction::Change => "change",
            AuditAction::Bundle => "bundle",
            AuditAction::Import => "import",
            AuditAction::Export => "export",
            AuditAction::Backup => "backup",
            AuditAction::Erase => "erase",
        }
    }
}

/// One entry of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// The worker who was working (their name as they unlocked with it).
    pub worker: String,
    pub action: AuditAction,
    /// The household concerned, by case code.
    pub case_code: Option<String>,
    /// What, in a few words without names: a file name, a kind of record.
    pub what: String,
    /// How many records or changes.
    pub count: u64,
    /// The device that did it (its code).
    pub device: String,
}

impl Versioned for AuditEntry {
    const VERSION: u8 = 1;
}

impl Store {
    /// Adds an entry for the current worker, now, on this device.
    pub fn audit(
        &self,
        action: AuditAction,
        case_code: Option<&str>,
        what: &str,
        count: u64,
    ) -> Result<(), StoreError> {
        let entry = AuditEntry {
            at: self.now(),
            worker: self.current_worker()?.unwrap_or_default(),
            action,
            case_code: case_code.map(str::to_string),
            what: what.to_string(),
            count,
            device: self.device.code.clone(),
        };
        let id = self.db.generate_id()?;
        self.tree(Slot::Audit)
            .insert(id.to_be_bytes(), codec::encode(&entry)?)?;
        Ok(())
    }

    /// Notes that a household's details were opened.
    pub fn audit_view(&self, household: &Household) -> Result<(), StoreError> {
        self.audit(
            AuditAction::View,
            Some(&household.case_code),
            "household",
            1,
        )?;
        self.flush()
    }

    /// The trail, oldest first: the local entries and every change of the log (each
    /// change of a household, need or referral carries its household's case code). With
    /// `case`, only what concerns that household.
    pub fn audit_trail(&self, case: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        let mut out: Vec<AuditEntry> = Vec::new();
        // Which household each record belongs to, asked once per record.
        let mut cases: std::collections::HashMap<Uuid, Option<String>> = Default::default();
        for v in self.tree(Slot::Changes).iter().values() {
            let change: Change = codec::decode(&v?)?;
            let e = &change.envelope;
            let id = e.entity.id;
            let code = match cases.get(&id) {
                Some(code) => code.clone(),
                None => {
                    let household = match e.entity.kind.as_str() {
                        "household" => Some(id),
                        "need" => self.get::<Need>(id)?.map(|n| n.household),
                        "referral" => self.get::<Referral>(id)?.map(|r| r.household),
                        _ => None,
                    };
                    let code = match household {
                        Some(h) => self.get::<Household>(h)?.map(|h| h.case_code),
                        None => None,
                    };
                    cases.insert(id, code.clone());
                    code
                }
            };
            if case.is_some() && code.as_deref() != case {
                continue;
            }
            out.push(AuditEntry {
                at: Timestamp(e.hlc.wall_ms),
                worker: e.author.clone(),
                action: AuditAction::Change,
                case_code: code,
                what: e.entity.kind.clone(),
                count: 1,
                device: crate::sync::identity::device_code(e.origin),
            });
        }
        // Local entries after the changes of the same millisecond (a change's clock may
        // run a little ahead of the wall clock); the sort keeps that order for ties.
        for v in self.tree(Slot::Audit).iter().values() {
            let entry: AuditEntry = codec::decode(&v?)?;
            if case.is_none() || entry.case_code.as_deref() == case {
                out.push(entry);
            }
        }
        out.sort_by_key(|e| e.at);
        Ok(out)
    }
}
