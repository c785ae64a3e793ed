//! A sled tree as the store uses it: values of trees that can hold personal data are
//! sealed on the way in and opened on the way out (seal.rs), so that no other code of the
//! store handles ciphertext. Keys are never sealed.

use std::ops::RangeBounds;

use sled::IVec;

use super::StoreError;
use super::seal::Sealer;

/// One tree, with the sealer its values go through (none for trees of ids, counts and
/// public data, and for a database made before encryption).
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    pub(crate) raw: &'a sled::Tree,
    name: &'static str,
    seal: Option<&'a Sealer>,
    /// Keys whose values stay in the clear in a sealed tree.
    clear: &'static [&'static [u8]],
}

impl<'a> Tree<'a> {
    pub(crate) fn new(raw: &'a sled::Tree, name: &'static str, seal: Option<&'a Sealer>) -> Self {
        Tree {
            raw,
            name,
            seal,
            clear: &[],
        }
    }

    /// The same tree, with `keys` left in the clear.
    pub(crate) fn with_clear(mut self, keys: &'static [&'static [u8]]) -> Self {
        self.clear = keys;
        self
    }

    fn sealer(&self, key: &[u8]) -> Option<&'a Sealer> {
        self.seal.filter(|_| !self.clear.contains(&key))
    }

    pub(crate) fn seal_value(&self, key: &[u8], value: &[u8]) -> IVec {
        match self.sealer(key) {
            Some(s) => s.seal(self.name, key, value).into(),
            None => value.into(),
        }
    }

    pub(crate) fn open_value(&self, key: &[u8], value: IVec) -> Result<IVec, StoreError> {
        match self.sealer(key) {
            Some(s) => Ok(s.open(self.name, key, &value)?.into()),
            None => Ok(value),
        }
    }

    pub fn get(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>, StoreError> {
        let key = key.as_ref();
        self.raw
            .get(key)?
            .map(|v| self.open_value(key, v))
            .transpose()
    }

    pub fn contains_key(&self, key: impl AsRef<[u8]>) -> Result<bool, StoreError> {
        Ok(self.raw.contains_key(key)?)
    }

    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> Result<(), StoreError> {
        let key = key.as_ref();
        self.raw.insert(key, self.seal_value(key, value.as_ref()))?;
        Ok(())
    }

    /// Removes a key; whether it was there.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> Result<bool, StoreError> {
        Ok(self.raw.remove(key)?.is_some())
    }

    /// Inserts `value` only if `key` is absent; whether it was inserted.
    pub fn insert_new(&self, key: impl AsRef<[u8]>, value: &[u8]) -> Result<bool, StoreError> {
        let key = key.as_ref();
        let sealed = self.seal_value(key, value);
        Ok(self
            .raw
            .compare_and_swap(key, None as Option<&[u8]>, Some(sealed))?
            .is_ok())
    }

    /// Writes many keys at once (atomically, as one sled batch).
    pub fn apply(&self, writes: Vec<(Vec<u8>, Option<IVec>)>) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        for (key, value) in writes {
            match value {
                Some(v) => {
                    let stored = match self.sealer(&key) {
                        Some(s) => s.seal(self.name, &key, &v).into(),
                        None => v,
                    };
                    batch.insert(key, stored)
                }
                None => batch.remove(key),
            }
        }
        self.raw.apply_batch(batch)?;
        Ok(())
    }

    /// A value opened into a buffer of its own (no second copy into an `IVec`): for
    /// reading many values once, as an export does.
    pub(crate) fn open_owned(&self, key: &[u8], value: IVec) -> Result<Vec<u8>, StoreError> {
        match self.sealer(key) {
            Some(s) => Ok(s.open(self.name, key, &value)?),
            None => Ok(value.to_vec()),
        }
    }

    pub fn iter(&self) -> Iter<'a> {
        self.wrap(self.raw.iter())
    }

    pub fn range<K: AsRef<[u8]>, R: RangeBounds<K>>(&self, range: R) -> Iter<'a> {
        self.wrap(self.raw.range(range))
    }

    pub fn scan_prefix(&self, prefix: impl AsRef<[u8]>) -> Iter<'a> {
        self.wrap(self.raw.scan_prefix(prefix))
    }

    pub fn first(&self) -> Result<Option<(IVec, IVec)>, StoreError> {
        match self.raw.first()? {
            Some((k, v)) => {
                let v = self.open_value(&k, v)?;
                Ok(Some((k, v)))
            }
            None => Ok(None),
        }
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    pub fn clear(&self) -> Result<(), StoreError> {
        Ok(self.raw.clear()?)
    }

    fn wrap(&self, inner: sled::Iter) -> Iter<'a> {
        Iter { inner, tree: *self }
    }
}

/// Entries of a tree, values opened.
pub struct Iter<'a> {
    inner: sled::Iter,
    tree: Tree<'a>,
}

impl Iter<'_> {
    /// The keys alone (nothing is opened).
    pub fn keys(self) -> impl DoubleEndedIterator<Item = Result<IVec, StoreError>> {
        self.inner.keys().map(|k| Ok(k?))
    }

    /// The values alone, opened.
    pub fn values(self) -> impl DoubleEndedIterator<Item = Result<IVec, StoreError>> {
        self.map(|r| r.map(|(_, v)| v))
    }
}

impl Iterator for Iter<'_> {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (k, v) = match self.inner.next()? {
            Ok(kv) => kv,
            Err(e) => return Some(Err(e.into())),
        };
        Some(self.tree.open_value(&k, v).map(|v| (k, v)))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let (k, v) = match self.inner.next_back()? {
            Ok(kv) => kv,
            Err(e) => return Some(Err(e.into())),
        };
        Some(self.tree.open_value(&k, v).map(|v| (k, v)))
    }
}
