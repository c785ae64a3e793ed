//! What this laptop remembers for its own screens: never synced, never in a bundle, and
//! no personal data (the folder the Sync screen used last).

use std::path::{Path, PathBuf};

use super::{Slot, Store, StoreError};

const SYNC_FOLDER: &[u8] = b"sync_folder";

impl Store {
    /// The folder the Sync screen used last, if one was remembered.
    pub fn sync_folder(&self) -> Result<Option<PathBuf>, StoreError> {
        Ok(self
            .tree(Slot::Meta)
            .get(SYNC_FOLDER)?
            .and_then(|b| String::from_utf8(b.to_vec()).ok())
            .map(PathBuf::from))
    }

    /// Remembers the folder the Sync screen used (a path that is not Unicode is not
    /// remembered: it could not be shown again as it was typed).
    pub fn set_sync_folder(&self, folder: &Path) -> Result<(), StoreError> {
        let Some(text) = folder.to_str() else {
            return Ok(());
        };
        if self.sync_folder()?.as_deref() == Some(folder) {
            return Ok(());
        }
        self.tree(Slot::Meta).insert(SYNC_FOLDER, text.as_bytes())?;
        self.flush()
    }
}
