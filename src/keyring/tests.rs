use super::slot::{AnySlot, Slot, SlotV2, WRAP_CONTEXT, open_slot, passphrase_key, wrap};
use super::*;
use zeroize::Zeroizing;

pub(super) fn fresh() -> (tempfile::TempDir, Keyring) {
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
        let ws =
            Workspace::open(dir.path(), &Credentials::new(amal.0, amal.1).cheap()).expect("open");
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
