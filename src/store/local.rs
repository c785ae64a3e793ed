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

/// The draft of a form being typed (tui/draft.rs): in the meta tree, sealed like every
/// value that can hold personal data; one at a time.
const DRAFT: &[u8] = b"draft";

impl Store {
    /// The draft kept of a form that was being typed, if any.
    pub fn draft(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree(Slot::Meta).get(DRAFT)?.map(|v| v.to_vec()))
    }

    /// Keeps `bytes` as the draft (replacing the one before), flushed to disk.
    pub fn save_draft(&self, bytes: &[u8]) -> Result<(), StoreError> {
        self.tree(Slot::Meta).insert(DRAFT, bytes)?;
        self.flush()
    }

    /// Deletes the draft (the form was saved or left).
    pub fn drop_draft(&self) -> Result<(), StoreError> {
        if self.tree(Slot::Meta).remove(DRAFT)? {
            self.flush()?;
        }
        Ok(())
    }
}
