//! A laptop in a test: a data directory opened at a fixed clock, with what sync tests do
//! with it (trust, export, import, edit).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use daleel::model::{Household, Timestamp};
use daleel::store::{Edit, Entity, FixedClock};
use daleel::sync::bundle;
use daleel::sync::card::Card;
use daleel::sync::import::{ImportError, ImportSummary, import_file};
use daleel::workspace::Workspace;
use uuid::Uuid;

use super::NOW;

pub struct Device {
    pub _dir: tempfile::TempDir,
    pub ws: Workspace,
    pub clock: Arc<FixedClock>,
}

impl Device {
    pub fn new() -> Device {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = FixedClock::at(NOW);
        let ws =
            Workspace::open_with_clock(dir.path(), clock.clone(), &super::creds()).expect("open");
        Device {
            _dir: dir,
            ws,
            clock,
        }
    }

    pub fn card(&self) -> Card {
        Card::read(&Card::write(&self.ws.identity, "laptop", Timestamp(NOW)).expect("card"))
            .expect("read")
    }

    pub fn trusts(&self, other: &Device) {
        self.ws.store.trust(&other.card()).expect("trust");
    }

    pub fn export(&self, stick: &Path) -> PathBuf {
        daleel::sync::export::export(&self.ws.store, &self.ws.identity, stick, false)
            .expect("export")
            .path
    }

    pub fn import(&self, path: &Path) -> Result<ImportSummary, ImportError> {
        import_file(&self.ws.store, path, &self.ws.identity, |_, _| {})
    }

    /// The signed bundle inside a bundle file, decrypted with this laptop's key.
    pub fn plain(&self, path: &Path) -> Vec<u8> {
        let bytes = std::fs::read(path).expect("read");
        bundle::open(&bytes, &self.ws.identity, |_| true)
            .expect("decrypt")
            .into_owned()
    }

    pub fn digest(&self) -> [u8; 32] {
        self.ws.store.state_digest().expect("digest")
    }

    /// A record this laptop must hold.
    pub fn get<E: Entity>(&self, id: Uuid) -> E {
        self.ws.store.get(id).expect("read").expect("present")
    }

    /// `by` changes a household this laptop holds, `ms` after its last change.
    pub fn edit_household(&self, by: &str, id: Uuid, ms: i64, change: impl FnOnce(&mut Household)) {
        let mut h: Household = self.get(id);
        change(&mut h);
        self.tick(ms);
        self.ws
            .store
            .apply(by, &[Edit::Household(h)])
            .expect("edit");
    }

    pub fn save(&self, edits: &[Edit]) {
        self.ws.store.apply("worker", edits).expect("save");
    }

    pub fn tick(&self, ms: i64) {
        let now = self.ws.store.now().0;
        self.clock.set(now + ms);
    }
}

/// The fixed clock test laptops start at.
#[allow(dead_code)]
pub fn clock() -> Arc<FixedClock> {
    FixedClock::at(NOW)
}

pub fn all_trust(devices: &[&Device]) {
    for a in devices {
        for b in devices {
            if a.ws.identity.origin() != b.ws.identity.origin() {
                a.trusts(b);
            }
        }
    }
}
