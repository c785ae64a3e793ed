//! Who may open the database. The data key (store/seal.rs) is kept once per worker,
//! wrapped by a key derived from that worker's passphrase with Argon2id; the Argon2
//! parameters are stored beside each wrapped key, so that they can be raised for new
//! passphrases without locking anyone out. Removing a worker removes their wrapped key:
//! nothing is encrypted again. A forgotten passphrase cannot be recovered (recovery is to
//! import the team's bundles into a new database).
//!
//! The keyring is the sled tree `keyring`, not sealed (it is read before the data key is
//! known): a random `pepper`, and per worker, under a keyed hash of the folded name, the
//! salt, the parameters, a nonce and the wrapped data key and name. Names are not in the
//! clear.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::codec::{self, Versioned};
use crate::store::seal::DataKey;

/// The tree that holds the keyring.
pub const TREE: &str = "keyring";
const PEPPER: &[u8] = b"pepper";
const SLOT_PREFIX: u8 = b'w';
const WRAP_CONTEXT: &[u8] = b"daleel keyslot v1";

/// Argon2id's cost: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// For a worker's passphrase: 64 MiB and 3 passes, measured at about 0.1 s on the
    /// development machine, so well under a second on a Celeron four times slower
    /// (`cargo bench --bench store` prints the unlock time).
    pub const FIELD: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
    /// Argon2's least cost, for tests only.
    pub const CHEAP: KdfParams = KdfParams {
        m_kib: 8,
        t: 1,
        p: 1,
    };

    /// The parameters new passphrases get: `FIELD`, or `CHEAP` in a debug build whose
    /// `DALEEL_TEST_KDF` is `cheap` (the test suite's processes). A release build always
    /// uses `FIELD`.
    pub fn for_new() -> KdfParams {
        if cfg!(debug_assertions) && std::env::var("DALEEL_TEST_KDF").is_ok_and(|v| v == "cheap") {
            KdfParams::CHEAP
        } else {
            KdfParams::FIELD
        }
    }

    /// Refuses parameters no Daleel writes (a damaged or crafted keyring must not make
    /// unlocking take all the memory of the laptop).
    fn check(&self) -> Result<Params, KeyringError> {
        if self.m_kib > 1024 * 1024 || self.t > 20 || self.p == 0 || self.p > 8 {
            return Err(KeyringError::Damaged);
        }
        Params::new(self.m_kib, self.t, self.p, Some(32)).map_err(|_| KeyringError::Damaged)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(
        "the passphrase is wrong, or the worker name is not one of this laptop's workers: try again (a forgotten passphrase cannot be recovered; another worker of this laptop can add you again)"
    )]
    WrongPassphrase,
    #[error(
        "this database has more than one worker: say who you are (--worker NAME or DALEEL_WORKER)"
    )]
    WhichWorker,
    #[error("{0} is already a worker on this laptop")]
    Exists(String),
    #[error("there is no worker of that name on this laptop")]
    NoSuchWorker,
    #[error("the last worker cannot be removed: add another worker first")]
    LastWorker,
    /// Too easy to guess (said in the worker's language).
    #[error("{}", .0.message())]
    Weak(Weakness),
    #[error("a worker needs a name")]
    NoName,
    #[error("the keyring of this database is damaged: restore it from a backup")]
    Damaged,
    #[error("the database could not be read or written: {0}")]
    Sled(#[from] sled::Error),
}

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE: usize = 8;

/// The least zxcvbn score a new passphrase needs: 3, "at least 10^8 guesses" against a
/// guesser who tries common passwords, words, names, dates, keyboard rows, repeats and
/// sequences first. At the Argon2id cost of `KdfParams::FIELD` (about 0.1 s and 64 MiB
/// per guess on one core), 10^8 guesses are about 10^7 core-seconds, some four months of
/// one core, against a copy of the files; 4 would ask for passphrases that workers type
/// at every unlock on old laptops (three or four words) and write down. docs/threat-model.md.
pub const MIN_SCORE: u8 = 3;

/// How much of a passphrase is judged: zxcvbn's work grows faster than the length, and a
/// passphrase of 100 characters that is weak is weak in its first 100.
const JUDGED_CHARS: usize = 100;

/// Why a new passphrase was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// Fewer than `MIN_PASSPHRASE` characters.
    Short,
    /// A password guessing tools try first (`12345678`, `password`, `iloveyou`).
    Common,
    /// Built on the worker's own name or on "Daleel".
    OwnName,
    /// A character or a group repeated (`aaaaaaaa`, `abcabcabc`).
    Repeated,
    /// A sequence (`abcdefgh`, `98765432`).
    Sequence,
    /// A row or pattern of keys (`qwertyui`, `asdfghjk`).
    Keyboard,
    /// A date or a year.
    Date,
    /// One word or name, digits and symbols added or not.
    OneWord,
    /// Otherwise guessed too soon.
    Guessable,
}

impl Weakness {
    /// Why it was refused and what would be stronger, in the current language.
    pub fn message(self) -> String {
        use crate::i18n::{Arg, t, tr};
        let reason = match self {
            Weakness::Short => tr(
                "passphrase-weak-short",
                &[("min", Arg::Num(MIN_PASSPHRASE as i64))],
            ),
            Weakness::Common => t("passphrase-weak-common"),
            Weakness::OwnName => t("passphrase-weak-name"),
            Weakness::Repeated => t("passphrase-weak-repeated"),
            Weakness::Sequence => t("passphrase-weak-sequence"),
            Weakness::Keyboard => t("passphrase-weak-keyboard"),
            Weakness::Date => t("passphrase-weak-date"),
            Weakness::OneWord => t("passphrase-weak-word"),
            Weakness::Guessable => t("passphrase-weak-guessable"),
        };
        tr(
            "passphrase-refused",
            &[
                ("reason", Arg::Str(&reason)),
                ("advice", Arg::Str(&t("passphrase-stronger"))),
            ],
        )
    }
}

/// Whether `passphrase` may be worker `name`'s: at least `MIN_PASSPHRASE` characters and
/// a zxcvbn score of at least `MIN_SCORE`, with the worker's name and "daleel" among the
/// words a guesser tries first.
pub fn check_passphrase(name: &str, passphrase: &str) -> Result<(), Weakness> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Weakness::Short);
    }
    let folded = fold_name(name);
    let mut inputs: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    inputs.push(&folded);
    inputs.push("daleel");
    let judged: String = passphrase.chars().take(JUDGED_CHARS).collect();
    let entropy = zxcvbn::zxcvbn(&judged, &inputs);
    if entropy.score() as u8 >= MIN_SCORE {
        return Ok(());
    }
    let lower = judged.to_lowercase();
    if inputs
        .iter()
        .any(|w| w.chars().count() >= 3 && lower.contains(w))
    {
        return Err(Weakness::OwnName);
    }
    use zxcvbn::feedback::Warning as W;
    Err(match entropy.feedback().and_then(|f| f.warning()) {
        Some(W::ThisIsATop10Password)
        | Some(W::ThisIsATop100Password)
        | Some(W::ThisIsACommonPassword)
        | Some(W::ThisIsSimilarToACommonlyUsedPassword) => Weakness::Common,
        Some(W::RepeatsLikeAaaAreEasyToGuess)
        | Some(W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => Weakness::Repeated,
        Some(W::SequencesLikeAbcAreEasyToGuess) => Weakness::Sequence,
        Some(W::StraightRowsOfKeysAreEasyToGuess)
        | Some(W::ShortKeyboardPatternsAreEasyToGuess) => Weakness::Keyboard,
        Some(W::RecentYearsAreEasyToGuess) | Some(W::DatesAreOftenEasyToGuess) => Weakness::Date,
        Some(W::AWordByItselfIsEasyToGuess)
        | Some(W::NamesAndSurnamesByThemselvesAreEasyToGuess)
        | Some(W::CommonNamesAndSurnamesAreEasyToGuess) => Weakness::OneWord,
        None => Weakness::Guessable,
    })
}

/// One worker's wrapped data key.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    salt: [u8; 16],
    params: KdfParams,
    nonce: [u8; 24],
    /// AEAD under the passphrase key of the data key (32 bytes) followed by the name.
    wrapped: Vec<u8>,
}

impl Versioned for Slot {
    const VERSION: u8 = 1;
}

/// The key a passphrase gives with a slot's salt and parameters.
fn passphrase_key(
    passphrase: &str,
    salt: &[u8; 16],
    params: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, KeyringError> {
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.check()?);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|_| KeyringError::Damaged)?;
    Ok(out)
}

/// A worker's name as kept: trimmed, inner spaces collapsed.
pub fn tidy_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name folded for lookup: tidied, lower case.
pub fn fold_name(name: &str) -> String {
    tidy_name(name).to_lowercase()
}

/// The keyring of an open sled database.
pub struct Keyring {
    tree: sled::Tree,
}

impl Keyring {
    pub fn open(db: &sled::Db) -> Result<Keyring, KeyringError> {
        Ok(Keyring {
            tree: db.open_tree(TREE)?,
        })
    }

    fn pepper(&self) -> Result<[u8; 32], KeyringError> {
        if let Some(p) = self.tree.get(PEPPER)? {
            return p.as_ref().try_into().map_err(|_| KeyringError::Damaged);
        }
        let pepper: [u8; 32] = rand::random();
        self.tree.insert(PEPPER, &pepper)?;
        Ok(pepper)
    }

    fn slot_key(&self, name: &str) -> Result<Vec<u8>, KeyringError> {
        let hash = blake3::keyed_hash(&self.pepper()?, fold_name(name).as_bytes());
        let mut key = vec![SLOT_PREFIX];
        key.extend(hash.as_bytes());
        Ok(key)
    }

    fn slots(&self) -> Result<Vec<(sled::IVec, Slot)>, KeyringError> {
        self.tree
            .scan_prefix([SLOT_PREFIX])
            .map(|r| {
                let (k, v) = r?;
                let slot: Slot = codec::decode(&v).map_err(|_| KeyringError::Damaged)?;
                Ok((k, slot))
            })
            .collect()
    }

    /// Whether worker `name` has a passphrase here.
    pub fn has(&self, name: &str) -> Result<bool, KeyringError> {
        Ok(self.tree.contains_key(self.slot_key(name)?)?)
    }

    /// How many workers can open the database.
    pub fn count(&self) -> Result<usize, KeyringError> {
        Ok(self.tree.scan_prefix([SLOT_PREFIX]).count())
    }

    /// Whether the database has a keyring at all (it is encrypted).
    pub fn exists(&self) -> Result<bool, KeyringError> {
        Ok(self.count()? > 0)
    }

    /// Gives worker `name` a wrapped copy of `key` under `passphrase`.
    pub fn add(
        &self,
        name: &str,
        passphrase: &str,
        params: KdfParams,
        key: &DataKey,
    ) -> Result<(), KeyringError> {
        let name = tidy_name(name);
        if name.is_empty() {
            return Err(KeyringError::NoName);
        }
        check_passphrase(&name, passphrase).map_err(KeyringError::Weak)?;
        let slot_key = self.slot_key(&name)?;
        if self.tree.contains_key(&slot_key)? {
            return Err(KeyringError::Exists(name));
        }
        self.put(&slot_key, &name, passphrase, params, key)
    }

    fn put(
        &self,
        slot_key: &[u8],
        name: &str,
        passphrase: &str,
        params: KdfParams,
        key: &DataKey,
    ) -> Result<(), KeyringError> {
        let salt: [u8; 16] = rand::random();
        let nonce: [u8; 24] = rand::random();
        let kek = passphrase_key(passphrase, &salt, params)?;
        let mut plain = Zeroizing::new(key.bytes().to_vec());
        plain.extend(name.as_bytes());
        let aad = [WRAP_CONTEXT, slot_key].concat();
        let wrapped = XChaCha20Poly1305::new(kek.as_ref().into())
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &plain,
                    aad: &aad,
                },
            )
            .map_err(|_| KeyringError::Damaged)?;
        let slot = Slot {
            salt,
            params,
            nonce,
            wrapped,
        };
        self.tree.insert(
            slot_key,
            codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
        )?;
        self.tree.flush()?;
        Ok(())
    }

    fn open_slot(
        slot_key: &[u8],
        slot: &Slot,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        let kek = passphrase_key(passphrase, &slot.salt, slot.params)?;
        let aad = [WRAP_CONTEXT, slot_key].concat();
        let plain = Zeroizing::new(
            XChaCha20Poly1305::new(kek.as_ref().into())
                .decrypt(
                    XNonce::from_slice(&slot.nonce),
                    Payload {
                        msg: &slot.wrapped,
                        aad: &aad,
                    },
                )
                .map_err(|_| KeyringError::WrongPassphrase)?,
        );
        if plain.len() < 32 {
            return Err(KeyringError::Damaged);
        }
        let mut key = [0u8; 32];
        key.copy_from_slice(&plain[..32]);
        let name = String::from_utf8(plain[32..].to_vec()).map_err(|_| KeyringError::Damaged)?;
        Ok((DataKey::from_bytes(key), name))
    }

    /// The data key and the worker's name, from a passphrase. `name` may be left out when
    /// the database has one worker.
    pub fn unlock(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        match name {
            Some(name) => {
                let slot_key = self.slot_key(name)?;
                let Some(bytes) = self.tree.get(&slot_key)? else {
                    // The same answer as a wrong passphrase, and after the same work:
                    // which names are workers is not told to whoever guesses.
                    let _ = passphrase_key(passphrase, &[0; 16], KdfParams::for_new());
                    return Err(KeyringError::WrongPassphrase);
                };
                let slot: Slot = codec::decode(&bytes).map_err(|_| KeyringError::Damaged)?;
                Keyring::open_slot(&slot_key, &slot, passphrase)
            }
            None => {
                let slots = self.slots()?;
                match slots.as_slice() {
                    [(k, slot)] => Keyring::open_slot(k, slot, passphrase),
                    [] => Err(KeyringError::Damaged),
                    _ => Err(KeyringError::WhichWorker),
                }
            }
        }
    }

    /// Sets a worker's passphrase (the data key must be known: the database is open).
    pub fn set_passphrase(
        &self,
        name: &str,
        passphrase: &str,
        params: KdfParams,
        key: &DataKey,
    ) -> Result<(), KeyringError> {
        let slot_key = self.slot_key(name)?;
        if !self.tree.contains_key(&slot_key)? {
            return Err(KeyringError::NoSuchWorker);
        }
        let name = tidy_name(name);
        check_passphrase(&name, passphrase).map_err(KeyringError::Weak)?;
        self.put(&slot_key, &name, passphrase, params, key)
    }

    /// Removes a worker's wrapped key; the last one stays.
    pub fn remove(&self, name: &str) -> Result<(), KeyringError> {
        let slot_key = self.slot_key(name)?;
        if !self.tree.contains_key(&slot_key)? {
            return Err(KeyringError::NoSuchWorker);
        }
        if self.count()? <= 1 {
            return Err(KeyringError::LastWorker);
        }
        self.tree.remove(&slot_key)?;
        self.tree.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring() -> (tempfile::TempDir, Keyring) {
        let dir = tempfile::tempdir().expect("dir");
        let db = sled::Config::new()
            .path(dir.path())
            .temporary(true)
            .open()
            .expect("db");
        (dir, Keyring::open(&db).expect("ring"))
    }

    #[test]
    fn workers_unlock_with_their_own_passphrase_only() {
        let (_d, ring) = ring();
        let key = DataKey::random();
        assert!(!ring.exists().expect("e"));
        ring.add("Amal  Hassan", "correct horse", KdfParams::CHEAP, &key)
            .expect("add");
        let (k, name) = ring.unlock(None, "correct horse").expect("one worker");
        assert_eq!((k.bytes(), name.as_str()), (key.bytes(), "Amal Hassan"));
        assert!(matches!(
            ring.unlock(None, "wrong horse"),
            Err(KeyringError::WrongPassphrase)
        ));
        ring.add("Yousif", "battery staple", KdfParams::CHEAP, &key)
            .expect("add");
        assert!(matches!(
            ring.unlock(None, "battery staple"),
            Err(KeyringError::WhichWorker)
        ));
        let (k, name) = ring
            .unlock(Some(" amal hassan "), "correct horse")
            .expect("by name, folded");
        assert_eq!((k.bytes(), name.as_str()), (key.bytes(), "Amal Hassan"));
        assert!(matches!(
            ring.unlock(Some("Yousif"), "correct horse"),
            Err(KeyringError::WrongPassphrase)
        ));
        assert!(matches!(
            ring.unlock(Some("Nobody"), "correct horse"),
            Err(KeyringError::WrongPassphrase)
        ));
        assert!(matches!(
            ring.add("amal hassan", "another long phrase", KdfParams::CHEAP, &key),
            Err(KeyringError::Exists(_))
        ));
        assert!(matches!(
            ring.add("Sara", "short", KdfParams::CHEAP, &key),
            Err(KeyringError::Weak(Weakness::Short))
        ));
        ring.remove("Amal Hassan").expect("remove");
        assert!(ring.unlock(Some("Amal Hassan"), "correct horse").is_err());
        assert_eq!(
            ring.unlock(None, "battery staple").expect("the other").1,
            "Yousif"
        );
        assert!(matches!(
            ring.remove("Yousif"),
            Err(KeyringError::LastWorker)
        ));
        ring.set_passphrase("Yousif", "new passphrase", KdfParams::CHEAP, &key)
            .expect("change");
        assert!(ring.unlock(None, "battery staple").is_err());
        assert!(ring.unlock(None, "new passphrase").is_ok());
    }

    #[test]
    fn passphrases_that_guessing_tools_try_first_are_refused_with_the_reason() {
        for (passphrase, why) in [
            ("12345678", Weakness::Common),
            ("password", Weakness::Common),
            ("Passw0rd!", Weakness::Common),
            ("iloveyou123", Weakness::Common),
            ("qwertyuiop", Weakness::Common),
            ("aaaaaaaaaa", Weakness::Repeated),
            ("abcdefgh", Weakness::Sequence),
            ("zxcvbnm,./", Weakness::Keyboard),
            ("01/02/1990x", Weakness::Date),
            ("AmalHassan", Weakness::OwnName),
            ("amal12345", Weakness::OwnName),
            ("hassan2024!", Weakness::OwnName),
            ("daleel123", Weakness::OwnName),
            ("mountains", Weakness::OneWord),
            ("short", Weakness::Short),
        ] {
            assert_eq!(
                check_passphrase("Amal Hassan", passphrase),
                Err(why),
                "{passphrase}"
            );
        }
        // Words that do not belong together are long enough, in any script.
        for passphrase in [
            "lemon tractor violin",
            "river stone 42",
            "test passphrase",
            "نهر مصباح برتقال",
        ] {
            assert_eq!(
                check_passphrase("Amal Hassan", passphrase),
                Ok(()),
                "{passphrase}"
            );
        }
        // Only the first characters are judged, however long the passphrase.
        let long = "a".repeat(5000);
        assert_eq!(check_passphrase("x", &long), Err(Weakness::Repeated));
    }

    #[test]
    fn a_refused_passphrase_is_explained_in_the_workers_language() {
        let (_d, ring) = ring();
        let key = DataKey::random();
        let err = ring
            .add("Amal", "12345678", KdfParams::CHEAP, &key)
            .expect_err("refused");
        assert!(matches!(err, KeyringError::Weak(Weakness::Common)), "{err}");
        assert!(!ring.exists().expect("e"), "nothing was written");
        let en = err.to_string();
        assert!(en.contains("guessing tools try first"), "{en}");
        assert!(en.contains("words"), "what would be stronger: {en}");
        for lang in [crate::i18n::Lang::Ar, crate::i18n::Lang::Ckb] {
            let said = crate::i18n::tr_in(lang, "passphrase-weak-common", &[]);
            assert_ne!(
                said,
                crate::i18n::tr_in(crate::i18n::Lang::En, "passphrase-weak-common", &[])
            );
            assert!(!said.starts_with('['), "{said}");
        }
        ring.add("Amal", "lemon tractor violin", KdfParams::CHEAP, &key)
            .expect("strong");
        assert!(matches!(
            ring.set_passphrase("Amal", "amal2024", KdfParams::CHEAP, &key),
            Err(KeyringError::Weak(Weakness::OwnName))
        ));
    }

    #[test]
    fn the_keyring_holds_no_name_and_no_key_in_the_clear() {
        let (_d, ring) = ring();
        let key = DataKey::random();
        ring.add("Zainab Sentinel", "correct horse", KdfParams::CHEAP, &key)
            .expect("add");
        for entry in ring.tree.iter() {
            let (k, v) = entry.expect("entry");
            for bytes in [k.as_ref(), v.as_ref()] {
                assert!(
                    !bytes
                        .windows(8)
                        .any(|w| w.eq_ignore_ascii_case(b"sentinel"))
                );
                assert!(!bytes.windows(32).any(|w| w == key.bytes()));
            }
        }
    }
}
