//! `daleel gazetteer import FILE`.

use std::path::Path;

use super::Failure;
use crate::workspace::Workspace;

/// The largest gazetteer file read: Iraq's sub-district file is well under 1 MiB.
const MAX_BYTES: u64 = 16 << 20;

pub fn import(ws: &Workspace, file: &Path) -> Result<(), Failure> {
    let shown = file.display();
    let meta = std::fs::metadata(file).map_err(|e| Failure(format!("cannot read {shown}: {e}")))?;
    if meta.len() > MAX_BYTES {
        return Err(Failure(format!(
            "{shown} is {} MiB: a gazetteer CSV is far smaller; check that this is the right file",
            meta.len() >> 20
        )));
    }
    let bytes = std::fs::read(file).map_err(|e| Failure(format!("cannot read {shown}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure(format!(
            "{shown} is not UTF-8 text: save it as CSV UTF-8 and try again"
        ))
    })?;
    let areas = ws
        .store
        .gazetteer()
        .parse_csv(&text)
        .map_err(|e| Failure(format!("{shown}: {e}; nothing was imported")))?;
    let districts = areas.iter().filter(|a| a.level == 2).count();
    let subs = areas.len() - districts;
    ws.store.import_areas(&areas)?;
    tracing::info!(districts, sub_districts = subs, "gazetteer imported");
    eprintln!("Imported {districts} districts and {subs} sub-districts from {shown}.");
    Ok(())
}
