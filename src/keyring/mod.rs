//! Who may open the database. Each worker has a slot: their own X25519 key pair, whose
//! secret is wrapped by a key derived from the worker's passphrase with Argon2id, and the
//! database's data key (store/seal.rs) sealed to their public key (age). The Argon2
//! parameters are stored beside each wrapped secret, so that they can be raised for new
//! passphrases without locking anyone out. A forgotten passphrase cannot be recovered
//! (recovery is to import the team's bundles into a new database).
//!
//! Removing a worker or changing a passphrase re-keys the database (workspace.rs): a new
//! data key, sealed to every remaining worker's public key, which needs none of their
//! passphrases; a worker with a new passphrase gets a new key pair too. Slots of the
//! first version held the data key itself under the passphrase key; they are still read,
//! and rewritten as version 2 at their worker's next unlock.
//!
//! The keyring is the sled tree `keyring`, not sealed (it is read before the data key is
//! known): a random `pepper`, and per worker, under a keyed hash of the folded name, the
//! slot. Names are not in the clear.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::codec::{self, Versioned};
use crate::store::seal::DataKey;

/// The tree that holds the keyring.
pub const TREE: &str = crate::store::KEYRING_TREE;
const PEPPER: &[u8] = b"pepper";
const SLOT_PREFIX: u8 = b'w';
const WRAP_CONTEXT: &[u8] = b"daleel keyslot v1";
const WRAP_CONTEXT_V2: &[u8] = b"daleel keyslot v2";

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
    #[error(
        "{0}: their passphrase was set by an earlier Daleel, and a new data key cannot be given to them without it. Each of them opens Daleel once on this laptop (that updates it), then do this again; a worker who has left can be removed in the same command (daleel workers remove NAME NAME...)"
    )]
    OldSlots(String),
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

/// A worker's slot as the first version wrote it: the data key itself, wrapped under the
/// passphrase key. Still read, and replaced by a version 2 slot at that worker's next
/// unlock; no longer written.
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

/// A worker's slot: the worker's own X25519 key pair, its secret wrapped under the
/// passphrase key, and the data key sealed to its public key (age). A new data key can
/// so be sealed to every remaining worker without their passphrases (a re-key), and
/// the secret opens only what was sealed to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SlotV2 {
    salt: [u8; 16],
    params: KdfParams,
    nonce: [u8; 24],
    /// AEAD under the passphrase key (associated data: `WRAP_CONTEXT_V2` and the slot's
    /// key) of the X25519 secret (32 bytes) followed by the name.
    wrapped: Vec<u8>,
    /// The X25519 public key, as an age recipient (`age1…`).
    recipient: String,
    /// The data key, age-encrypted to `recipient`.
    sealed: Vec<u8>,
}

impl Versioned for SlotV2 {
    const VERSION: u8 = 2;
}

/// A slot of either version, as read.
enum AnySlot {
    V1(Slot),
    V2(SlotV2),
}

fn decode_slot(bytes: &[u8]) -> Result<AnySlot, KeyringError> {
    match bytes.first() {
        Some(1) => codec::decode::<Slot>(bytes).map(AnySlot::V1),
        Some(2) => codec::decode::<SlotV2>(bytes).map(AnySlot::V2),
        _ => return Err(KeyringError::Damaged),
    }
    .map_err(|_| KeyringError::Damaged)
}

/// What changes in the keyring when the data key is replaced (a re-key).
#[derive(Clone, Copy)]
pub enum Change<'a> {
    /// These workers leave: their slots are not carried over.
    Remove(&'a [String]),
    /// This worker gets a new passphrase, and with it a new key pair.
    Passphrase {
        name: &'a str,
        passphrase: &'a str,
        params: KdfParams,
    },
}

/// A slot opened with its passphrase.
struct Opened {
    key: DataKey,
    name: String,
    /// The passphrase key: a version 1 slot is rewritten as version 2 under it.
    kek: Zeroizing<[u8; 32]>,
    v1: bool,
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

pub use crate::model::text::{fold_name, tidy_name};

/// AEAD of `plain` under the passphrase key, bound to `context` and the slot's key.
fn wrap(
    kek: &[u8; 32],
    nonce: &[u8; 24],
    context: &[u8],
    slot_key: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, KeyringError> {
    XChaCha20Poly1305::new(kek.into())
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: plain,
                aad: &[context, slot_key].concat(),
            },
        )
        .map_err(|_| KeyringError::Damaged)
}

fn unwrap(
    kek: &[u8; 32],
    nonce: &[u8; 24],
    context: &[u8],
    slot_key: &[u8],
    wrapped: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KeyringError> {
    XChaCha20Poly1305::new(kek.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: wrapped,
                aad: &[context, slot_key].concat(),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| KeyringError::WrongPassphrase)
}

/// The age identity of a 32-byte X25519 secret.
fn x25519_identity(secret: &[u8; 32]) -> Result<age::x25519::Identity, KeyringError> {
    use bech32::ToBase32;
    let encoded = Zeroizing::new(
        bech32::encode(
            "age-secret-key-",
            secret.to_base32(),
            bech32::Variant::Bech32,
        )
        .map_err(|_| KeyringError::Damaged)?
        .to_uppercase(),
    );
    encoded.parse().map_err(|_| KeyringError::Damaged)
}

/// `key` encrypted to an age recipient.
fn seal_to(recipient: &str, key: &DataKey) -> Result<Vec<u8>, KeyringError> {
    let recipient: age::x25519::Recipient = recipient.parse().map_err(|_| KeyringError::Damaged)?;
    age::encrypt(&recipient, key.bytes()).map_err(|_| KeyringError::Damaged)
}

/// A version 2 slot for worker `name` under passphrase key `kek`, with a new key pair
/// and `key` sealed to it.
fn make_v2(
    slot_key: &[u8],
    name: &str,
    (kek, salt, params): (&[u8; 32], [u8; 16], KdfParams),
    key: &DataKey,
) -> Result<SlotV2, KeyringError> {
    let secret: Zeroizing<[u8; 32]> = Zeroizing::new(rand::random());
    let recipient = x25519_identity(&secret)?.to_public().to_string();
    let nonce: [u8; 24] = rand::random();
    let mut plain = Zeroizing::new(secret.to_vec());
    plain.extend(name.as_bytes());
    Ok(SlotV2 {
        salt,
        params,
        nonce,
        wrapped: wrap(kek, &nonce, WRAP_CONTEXT_V2, slot_key, &plain)?,
        sealed: seal_to(&recipient, key)?,
        recipient,
    })
}

/// A new version 2 slot for worker `name` and `passphrase` (a fresh salt).
fn new_slot(
    slot_key: &[u8],
    name: &str,
    passphrase: &str,
    params: KdfParams,
    key: &DataKey,
) -> Result<SlotV2, KeyringError> {
    let salt: [u8; 16] = rand::random();
    let kek = passphrase_key(passphrase, &salt, params)?;
    make_v2(slot_key, name, (&kek, salt, params), key)
}

fn open_slot(slot_key: &[u8], slot: &AnySlot, passphrase: &str) -> Result<Opened, KeyringError> {
    match slot {
        AnySlot::V1(slot) => {
            let kek = passphrase_key(passphrase, &slot.salt, slot.params)?;
            let plain = unwrap(&kek, &slot.nonce, WRAP_CONTEXT, slot_key, &slot.wrapped)?;
            let (key, name) = split_secret(&plain)?;
            Ok(Opened {
                key: DataKey::from_bytes(*key),
                name,
                kek,
                v1: true,
            })
        }
        AnySlot::V2(slot) => {
            let kek = passphrase_key(passphrase, &slot.salt, slot.params)?;
            let plain = unwrap(&kek, &slot.nonce, WRAP_CONTEXT_V2, slot_key, &slot.wrapped)?;
            let (secret, name) = split_secret(&plain)?;
            let identity = x25519_identity(&secret)?;
            let key = Zeroizing::new(
                age::decrypt(&identity, &slot.sealed).map_err(|_| KeyringError::Damaged)?,
            );
            let key: [u8; 32] = key
                .as_slice()
                .try_into()
                .map_err(|_| KeyringError::Damaged)?;
            Ok(Opened {
                key: DataKey::from_bytes(key),
                name,
                kek,
                v1: false,
            })
        }
    }
}

/// 32 secret bytes and a name, as a slot wraps them.
fn split_secret(plain: &[u8]) -> Result<(Zeroizing<[u8; 32]>, String), KeyringError> {
    if plain.len() < 32 {
        return Err(KeyringError::Damaged);
    }
    let mut secret = Zeroizing::new([0u8; 32]);
    secret.copy_from_slice(&plain[..32]);
    let name = String::from_utf8(plain[32..].to_vec()).map_err(|_| KeyringError::Damaged)?;
    Ok((secret, name))
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

    fn slots(&self) -> Result<Vec<(sled::IVec, AnySlot)>, KeyringError> {
        self.tree
            .scan_prefix([SLOT_PREFIX])
            .map(|r| {
                let (k, v) = r?;
                Ok((k, decode_slot(&v)?))
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

    /// Those of `names` whose slot an earlier Daleel wrote (version 1): they cannot be
    /// given a new data key until they unlock once.
    pub fn old_slots(&self, names: &[String]) -> Result<Vec<String>, KeyringError> {
        let mut out = Vec::new();
        for name in names {
            if let Some(bytes) = self.tree.get(self.slot_key(name)?)?
                && matches!(decode_slot(&bytes)?, AnySlot::V1(_))
            {
                out.push(name.clone());
            }
        }
        Ok(out)
    }

    /// Gives worker `name` a slot that opens `key` with `passphrase`.
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
        let slot = new_slot(&slot_key, &name, passphrase, params, key)?;
        self.tree.insert(
            slot_key,
            codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
        )?;
        self.tree.flush()?;
        Ok(())
    }

    /// The slot of `name`, or of the only worker; the work of a wrong passphrase is
    /// done for a name that has none.
    fn find(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(Vec<u8>, AnySlot), KeyringError> {
        match name {
            Some(name) => {
                let slot_key = self.slot_key(name)?;
                let Some(bytes) = self.tree.get(&slot_key)? else {
                    // The same answer as a wrong passphrase, and after the same work:
                    // which names are workers is not told to whoever guesses.
                    let _ = passphrase_key(passphrase, &[0; 16], KdfParams::for_new());
                    return Err(KeyringError::WrongPassphrase);
                };
                Ok((slot_key, decode_slot(&bytes)?))
            }
            None => {
                let mut slots = self.slots()?;
                match slots.len() {
                    1 => slots
                        .pop()
                        .map(|(k, s)| (k.to_vec(), s))
                        .ok_or(KeyringError::Damaged),
                    0 => Err(KeyringError::Damaged),
                    _ => Err(KeyringError::WhichWorker),
                }
            }
        }
    }

    /// The data key and the worker's name, from a passphrase. `name` may be left out when
    /// the database has one worker.
    pub fn unlock(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        let (slot_key, slot) = self.find(name, passphrase)?;
        let opened = open_slot(&slot_key, &slot, passphrase)?;
        Ok((opened.key, opened.name))
    }

    /// The same, and a version 1 slot is rewritten as version 2 (same salt, parameters
    /// and passphrase key, a new key pair), so that the next re-key can reach it.
    pub fn unlock_upgrading(
        &self,
        name: Option<&str>,
        passphrase: &str,
    ) -> Result<(DataKey, String), KeyringError> {
        let (slot_key, slot) = self.find(name, passphrase)?;
        let opened = open_slot(&slot_key, &slot, passphrase)?;
        if let (true, AnySlot::V1(old)) = (opened.v1, &slot) {
            let slot = make_v2(
                &slot_key,
                &opened.name,
                (&opened.kek, old.salt, old.params),
                &opened.key,
            )?;
            self.tree.insert(
                slot_key,
                codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
            )?;
            self.tree.flush()?;
        }
        Ok((opened.key, opened.name))
    }

    /// Writes into `to` (the keyring of a re-keyed copy) this keyring with `new_key` in
    /// place of the data key: the same pepper; every remaining worker's slot with
    /// `new_key` sealed to their public key; a worker who leaves has no slot; a worker
    /// with a new passphrase has a new slot and key pair. Every slot carried over must
    /// be version 2 (`old_slots`).
    pub fn rekey_into(
        &self,
        to: &Keyring,
        change: Change<'_>,
        new_key: &DataKey,
    ) -> Result<(), KeyringError> {
        let slots = self.slots()?;
        let targets: Vec<Vec<u8>> = match change {
            Change::Remove(names) => names
                .iter()
                .map(|n| self.slot_key(n))
                .collect::<Result<_, _>>()?,
            Change::Passphrase {
                name, passphrase, ..
            } => {
                check_passphrase(&tidy_name(name), passphrase).map_err(KeyringError::Weak)?;
                vec![self.slot_key(name)?]
            }
        };
        for t in &targets {
            if !slots.iter().any(|(k, _)| k.as_ref() == t.as_slice()) {
                return Err(KeyringError::NoSuchWorker);
            }
        }
        let mut batch = sled::Batch::default();
        batch.insert(PEPPER, &self.pepper()?);
        let mut kept = 0;
        for (slot_key, slot) in &slots {
            let slot = if targets.iter().any(|t| t.as_slice() == slot_key.as_ref()) {
                match change {
                    Change::Remove(_) => continue,
                    Change::Passphrase {
                        name,
                        passphrase,
                        params,
                    } => new_slot(slot_key, &tidy_name(name), passphrase, params, new_key)?,
                }
            } else {
                match slot {
                    AnySlot::V2(slot) => SlotV2 {
                        sealed: seal_to(&slot.recipient, new_key)?,
                        ..slot.clone()
                    },
                    AnySlot::V1(_) => return Err(KeyringError::OldSlots("a worker".into())),
                }
            };
            kept += 1;
            batch.insert(
                slot_key,
                codec::encode(&slot).map_err(|_| KeyringError::Damaged)?,
            );
        }
        if kept == 0 {
            return Err(KeyringError::LastWorker);
        }
        to.tree.apply_batch(batch)?;
        to.tree.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> (tempfile::TempDir, Keyring) {
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
        let (_d, ring) = fresh();
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
        // Amal leaves: the re-keyed copy's keyring gives Yousif the new key, Amal nothing.
        let (_d2, copy) = fresh();
        let new_key = DataKey::random();
        ring.rekey_into(&copy, Change::Remove(&["amal hassan".into()]), &new_key)
            .expect("rekey");
        assert!(matches!(
            copy.unlock(Some("Amal Hassan"), "correct horse"),
            Err(KeyringError::WrongPassphrase)
        ));
        let (k, name) = copy.unlock(None, "battery staple").expect("the other");
        assert_eq!((k.bytes(), name.as_str()), (new_key.bytes(), "Yousif"));
        // The last worker stays; nobody unknown is removed; nothing is written then.
        let (_d3, third) = fresh();
        for (names, why) in [
            (vec!["Yousif".to_string()], "last"),
            (vec!["Nobody".to_string()], "unknown"),
        ] {
            let err = copy
                .rekey_into(&third, Change::Remove(&names), &DataKey::random())
                .expect_err(why);
            assert!(
                matches!(err, KeyringError::LastWorker | KeyringError::NoSuchWorker),
                "{why}: {err}"
            );
            assert!(third.tree.is_empty(), "{why}");
        }
        // A new passphrase: a new slot and key pair; the old passphrase opens nothing.
        let newer = DataKey::random();
        let change = Change::Passphrase {
            name: "Yousif",
            passphrase: "new passphrase",
            params: KdfParams::CHEAP,
        };
        copy.rekey_into(&third, change, &newer).expect("change");
        assert!(third.unlock(None, "battery staple").is_err());
        let (k, name) = third.unlock(None, "new passphrase").expect("new");
        assert_eq!((k.bytes(), name.as_str()), (newer.bytes(), "Yousif"));
        let weak = Change::Passphrase {
            name: "yousif",
            passphrase: "yousif123",
            params: KdfParams::CHEAP,
        };
        let (_d4, fourth) = fresh();
        assert!(matches!(
            third.rekey_into(&fourth, weak, &DataKey::random()),
            Err(KeyringError::Weak(Weakness::OwnName))
        ));
    }

    /// Writes a slot as the first version did (the data key wrapped under the passphrase
    /// key), for the tests of the upgrade.
    fn add_v1(ring: &Keyring, name: &str, passphrase: &str, key: &DataKey) {
        let slot_key = ring.slot_key(name).expect("k");
        let salt: [u8; 16] = rand::random();
        let nonce: [u8; 24] = rand::random();
        let kek = passphrase_key(passphrase, &salt, KdfParams::CHEAP).expect("kek");
        let mut plain = key.bytes().to_vec();
        plain.extend(tidy_name(name).as_bytes());
        let slot = Slot {
            salt,
            params: KdfParams::CHEAP,
            nonce,
            wrapped: wrap(&kek, &nonce, WRAP_CONTEXT, &slot_key, &plain).expect("wrap"),
        };
        ring.tree
            .insert(slot_key, codec::encode(&slot).expect("encode"))
            .expect("insert");
    }

    #[test]
    fn a_slot_of_the_first_version_opens_and_is_upgraded_at_its_workers_unlock() {
        let (_d, ring) = fresh();
        let key = DataKey::random();
        add_v1(&ring, "Amal", "correct horse", &key);
        add_v1(&ring, "Yousif", "battery staple", &key);
        let names = ["Amal".to_string(), "Yousif".to_string()];
        assert_eq!(ring.old_slots(&names).expect("old"), names);
        // Plain unlocking (the idle lock, a restore) reads it and leaves it.
        let (k, _) = ring.unlock(Some("amal"), "correct horse").expect("v1");
        assert_eq!(k.bytes(), key.bytes());
        assert_eq!(ring.old_slots(&names).expect("old").len(), 2);
        let (k, name) = ring
            .unlock_upgrading(Some("amal"), "correct horse")
            .expect("v1, upgraded");
        assert_eq!((k.bytes(), name.as_str()), (key.bytes(), "Amal"));
        assert_eq!(ring.old_slots(&names).expect("old"), ["Yousif"]);
        let (k, _) = ring.unlock(Some("Amal"), "correct horse").expect("v2 now");
        assert_eq!(k.bytes(), key.bytes());
        assert!(ring.unlock(Some("Amal"), "battery staple").is_err());
        // A re-key cannot carry Yousif's old slot: refused, nothing written.
        let (_d2, copy) = fresh();
        let err = ring
            .rekey_into(&copy, Change::Remove(&[]), &DataKey::random())
            .expect_err("an old slot");
        assert!(matches!(err, KeyringError::OldSlots(_)), "{err}");
        assert!(copy.tree.is_empty());
        // Removing Yousif with it is fine.
        let new_key = DataKey::random();
        ring.rekey_into(&copy, Change::Remove(&["Yousif".into()]), &new_key)
            .expect("rekey");
        assert_eq!(
            copy.unlock(None, "correct horse").expect("amal").0.bytes(),
            new_key.bytes()
        );
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
        let (_d, ring) = fresh();
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
        let (_d2, copy) = fresh();
        let change = Change::Passphrase {
            name: "Amal",
            passphrase: "amal2024",
            params: KdfParams::CHEAP,
        };
        assert!(matches!(
            ring.rekey_into(&copy, change, &key),
            Err(KeyringError::Weak(Weakness::OwnName))
        ));
    }

    /// What a data directory still holds that an old passphrase or an old data key opens.
    #[derive(Debug, Default, PartialEq, Eq)]
    struct Found {
        /// Slots, anywhere in any file, that open with the passphrase.
        slots: usize,
        /// Values sealed under the old key (known by their random nonces).
        sealed: usize,
        /// The old key's bytes in the clear.
        key: usize,
    }

    fn scan(
        dir: &std::path::Path,
        slot_key: &[u8],
        passphrase: &str,
        old_key: &DataKey,
        nonces: &std::collections::HashSet<Vec<u8>>,
    ) -> Found {
        let mut found = Found::default();
        for entry in std::fs::read_dir(dir).expect("read") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                let inner = scan(&path, slot_key, passphrase, old_key, nonces);
                found.slots += inner.slots;
                found.sealed += inner.sealed;
                found.key += inner.key;
                continue;
            }
            let bytes = std::fs::read(&path).expect("file");
            found.key += bytes.windows(32).filter(|w| w == old_key.bytes()).count();
            found.sealed += bytes.windows(24).filter(|w| nonces.contains(*w)).count();
            // A slot, of either version, at any offset: its version byte, a salt, then the
            // parameters the tests use (8 KiB, 1 pass, 1 lane).
            for i in 0..bytes.len().saturating_sub(20) {
                if !matches!(bytes[i], 1 | 2) || bytes[i + 17..i + 20] != [8, 1, 1] {
                    continue;
                }
                let at = &bytes[i..];
                let slot = match bytes[i] {
                    1 => codec::decode_head::<Slot, Slot>(at).ok().map(AnySlot::V1),
                    _ => codec::decode_head::<SlotV2, SlotV2>(at)
                        .ok()
                        .map(AnySlot::V2),
                };
                if let Some(slot) = slot
                    && open_slot(slot_key, &slot, passphrase).is_ok()
                {
                    found.slots += 1;
                }
            }
        }
        found
    }

    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read") {
            let entry = entry.expect("entry");
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy");
            }
        }
    }

    #[test]
    fn after_a_rekey_the_old_passphrase_and_the_old_key_open_nothing_left_in_the_data_directory() {
        use crate::workspace::{Credentials, Rekey, Workspace};
        let amal = ("Amal H.", "test passphrase");
        let yousif = ("Yousif K.", "yousif's own phrase");
        for removing in [true, false] {
            let dir = tempfile::tempdir().expect("dir");
            let before = tempfile::tempdir().expect("before");
            let ws = Workspace::open(dir.path(), &Credentials::new(amal.0, amal.1).cheap())
                .expect("open");
            ws.add_worker(yousif.0, yousif.1).expect("add");
            crate::demo::generate(&ws.store, 150, 7, |_| {}).expect("demo");
            let (who, passphrase) = if removing { yousif } else { amal };
            let slot_key = Keyring::open(ws.store.db())
                .expect("ring")
                .slot_key(who)
                .expect("key");
            let old_key = ws.data_key().expect("key").clone();
            // Every value sealed under the old key, by its nonce; and the device key's.
            let mut nonces = std::collections::HashSet::new();
            let sealed_trees = crate::store::Slot::ALL
                .iter()
                .filter(|s| s.sealed())
                .map(|s| s.name())
                .chain(["trust"]);
            for name in sealed_trees {
                for entry in ws.store.db().open_tree(name).expect("tree").iter() {
                    let (_, v) = entry.expect("entry");
                    if v.len() >= 40 {
                        nonces.insert(v[..24].to_vec());
                    }
                }
            }
            let device = std::fs::read(dir.path().join("device.key")).expect("key");
            nonces.insert(device[4..28].to_vec());
            ws.store.flush().expect("flush");
            copy_dir(dir.path(), before.path());
            let change = if removing {
                Rekey::Remove(vec![yousif.0.into()])
            } else {
                Rekey::Passphrase {
                    name: amal.0.into(),
                    passphrase: Zeroizing::new("lemon tractor violin".into()),
                }
            };
            let ws = ws.rekey(&change, |_, _| {}).expect("rekey");
            drop(ws);
            // A copy taken before still opens with it (docs/threat-model.md says so).
            let then = scan(before.path(), &slot_key, passphrase, &old_key, &nonces);
            assert!(
                then.slots > 0 && then.sealed > 0,
                "the scan finds them: {then:?}"
            );
            let now = scan(dir.path(), &slot_key, passphrase, &old_key, &nonces);
            assert_eq!(now, Found::default(), "removing {removing}");
            let err = Workspace::open(dir.path(), &Credentials::new(who, passphrase).cheap())
                .err()
                .expect("refused");
            assert!(
                err.to_string().starts_with("the passphrase is wrong"),
                "{err}"
            );
        }
    }

    #[test]
    fn the_keyring_holds_no_name_and_no_key_in_the_clear() {
        let (_d, ring) = fresh();
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
