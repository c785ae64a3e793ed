//! The whole database copied under another key: one made before encryption sealed, or an
//! encrypted one sealed again under a new data key (a re-key). The keyring is not copied.

use super::{KEYRING_TREE, Slot, StoreError, meta, seal, tree};

/// How a tree of this name is sealed: its name as the associated data, whether its values
/// are sealed, and the keys left in the clear.
fn sealing_of(name: &[u8]) -> (&'static str, bool, &'static [&'static [u8]]) {
    if name == b"trust" {
        return ("trust", true, &[]);
    }
    match Slot::ALL.iter().find(|s| s.name().as_bytes() == name) {
        Some(Slot::Meta) => (Slot::Meta.name(), true, &[meta::SCHEMA]),
        Some(s) => (s.name(), s.sealed(), &[]),
        None => ("", false, &[]),
    }
}

/// Copies every tree of a database made before encryption into `to`, sealing the values
/// an encrypted database seals; tells `progress` (values copied, values in all).
pub(crate) fn copy_sealed(
    from: &sled::Db,
    to: &sled::Db,
    key: &seal::DataKey,
    progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    copy_trees(from, to, None, &seal::Sealer::new(key), progress)
}

/// Copies every tree of an encrypted database into `to` with its sealed values opened
/// under `old` and sealed again under `new` (a re-key); the keyring is not copied (the
/// re-key writes the new one). A value that does not open stops the copy.
pub(crate) fn copy_resealed(
    from: &sled::Db,
    to: &sled::Db,
    (old, new): (&seal::DataKey, &seal::DataKey),
    progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    copy_trees(
        from,
        to,
        Some(&seal::Sealer::new(old)),
        &seal::Sealer::new(new),
        progress,
    )
}

/// Copies every tree but the keyring, values of sealed trees opened with `old` (none:
/// they are in the clear) and sealed with `new`, in batches of 1,000; tells `progress`
/// (values copied, values in all).
fn copy_trees(
    from: &sled::Db,
    to: &sled::Db,
    old: Option<&seal::Sealer>,
    new: &seal::Sealer,
    mut progress: impl FnMut(u64, u64),
) -> Result<(), StoreError> {
    let names: Vec<_> = from
        .tree_names()
        .into_iter()
        .filter(|n| n.as_ref() != KEYRING_TREE.as_bytes())
        .collect();
    let mut total = 0u64;
    for name in &names {
        total += from.open_tree(name)?.len() as u64;
    }
    let mut done = 0u64;
    progress(0, total);
    for name in names {
        let src_raw = from.open_tree(&name)?;
        let dst = to.open_tree(&name)?;
        let (ad_name, sealed, clear) = sealing_of(&name);
        let src = tree::Tree::new(&src_raw, ad_name, old.filter(|_| sealed)).with_clear(clear);
        let out = tree::Tree::new(&dst, ad_name, sealed.then_some(new)).with_clear(clear);
        let mut batch = Vec::new();
        for entry in src.iter() {
            let (k, v) = entry?;
            batch.push((k.to_vec(), Some(v)));
            if batch.len() == 1000 {
                done += batch.len() as u64;
                out.apply(std::mem::take(&mut batch))?;
                progress(done, total);
            }
        }
        done += batch.len() as u64;
        out.apply(batch)?;
        progress(done, total);
    }
    Ok(())
}
