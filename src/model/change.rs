//! A change as it is logged, signed and shipped (sync.md, "Change"): an envelope that says
//! who changed which entity, when, and which versions it replaces, and a salted payload
//! with the new values. The envelope commits to the payload by hash, so a change whose
//! payload is withheld (an erasure) still checks against its origin's signature.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::clock::Hlc;
use crate::codec::{self, CodecError, Versioned};

/// A device's public signing key (ed25519, 32 bytes): the origin of its changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OriginId(pub [u8; 32]);

/// One version of a value: the change that set it, named by origin and sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Version {
    pub origin: OriginId,
    pub seq: u64,
}

/// What a change is about: a kind of record and its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    /// `household`, `need`, `referral`, `organization`, `service`, or a kind a newer
    /// version of Daleel knows.
    pub kind: String,
    pub id: Uuid,
}

/// Sets some fields of an entity; the payload's values are field name -> encoded value.
pub const KIND_FIELDS: &str = "fields/1";
/// Sets one field of an entity and replaces all its heads: a coordinator's resolution of
/// a conflict. Merged as `fields/1`; its own kind so that roles can be checked from the
/// envelope alone (teams issue).
pub const KIND_RESOLVE: &str = "resolve/1";
/// A team statement (a certificate or revocation) a coordinator's device signed, in that
/// device's log (teams): the payload holds it under `statement`; entity kind `team`.
pub const KIND_STATEMENT: &str = "statement/1";
/// Appends a step to a referral's history; the payload holds the step under `step`.
pub const KIND_STEP: &str = "step/1";
/// Erases a household (data protection): the payload holds what stays of it, with no
/// personal value, under `household`, `needs` and `referrals`; every earlier and later
/// change of those records travels without its payload from then on.
pub const KIND_ERASE: &str = "erase/1";

/// The part of a change that is always shipped and signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub origin: OriginId,
    /// Numbered from 1 per origin; never reused.
    pub seq: u64,
    pub hlc: Hlc,
    /// The worker who made the change, as they named themselves on the device.
    pub author: String,
    pub entity: EntityRef,
    /// The kind of change with its own version, e.g. `fields/1`. A device that does not
    /// know a kind stores and forwards the change.
    pub kind: String,
    /// The versions this change supersedes, as its device saw them.
    pub replaces: Vec<Version>,
    /// One more than the deepest version it replaces (1 for a first value), as its
    /// device computed it: carried, so that every device ranks heads alike whatever it
    /// has received so far.
    pub depth: u32,
    /// BLAKE3 of the payload's salt followed by its encoded values.
    pub payload_hash: [u8; 32],
}

/// The values of a change, behind a random salt so that a hash reveals nothing guessable
/// (a phone number, a year of birth).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub salt: [u8; 16],
    pub values: BTreeMap<String, Vec<u8>>,
}

/// A change as kept in the log: its envelope and, unless withheld by erasure, its payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub envelope: Envelope,
    pub payload: Option<Payload>,
}

impl Versioned for Change {
    const VERSION: u8 = 1;
}

impl Payload {
    /// `BLAKE3(salt || encode(values))`.
    pub fn hash(&self) -> Result<[u8; 32], CodecError> {
        let mut hasher = blake3::Hasher::new();
        hasher.update(&self.salt);
        hasher.update(&codec::encode_value(&self.values)?);
        Ok(*hasher.finalize().as_bytes())
    }
}

impl Envelope {
    pub fn version(&self) -> Version {
        Version {
            origin: self.origin,
            seq: self.seq,
        }
    }

    /// The change's hash: BLAKE3 of the encoded envelope.
    pub fn hash(&self) -> Result<[u8; 32], CodecError> {
        Ok(*blake3::hash(&codec::encode_value(self)?).as_bytes())
    }
}

impl Change {
    /// Whether the payload, when present, is the one the envelope committed to.
    pub fn payload_matches(&self) -> Result<bool, CodecError> {
        match &self.payload {
            Some(p) => Ok(p.hash()? == self.envelope.payload_hash),
            None => Ok(true),
        }
    }
}

/// A run of one origin's changes, `first..=last`, signed by that origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentHeader {
    pub origin: OriginId,
    pub first: u64,
    pub last: u64,
    /// BLAKE3 of the concatenated change hashes, in sequence order.
    pub changes_hash: [u8; 32],
    /// The origin's ed25519 signature, as two halves (serde's arrays stop at 32).
    pub signature: [[u8; 32]; 2],
}

impl crate::codec::Versioned for SegmentHeader {
    const VERSION: u8 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(salt: [u8; 16], phone: &str) -> Change {
        let payload = Payload {
            salt,
            values: [(
                "phone".to_string(),
                codec::encode_value(phone).expect("enc"),
            )]
            .into(),
        };
        Change {
            envelope: Envelope {
                origin: OriginId([7; 32]),
                seq: 1,
                hlc: Hlc::default(),
                author: "Amal".into(),
                entity: EntityRef {
                    kind: "household".into(),
                    id: Uuid::from_u128(1),
                },
                kind: KIND_FIELDS.into(),
                replaces: vec![],
                depth: 1,
                payload_hash: payload.hash().expect("hash"),
            },
            payload: Some(payload),
        }
    }

    #[test]
    fn the_salt_hides_the_value_from_its_hash() {
        let a = change([1; 16], "07701234567");
        let b = change([2; 16], "07701234567");
        assert_ne!(a.envelope.payload_hash, b.envelope.payload_hash);
        // Without the salt, hashing a guessed value does not give the payload hash.
        let guess = blake3::hash(
            &codec::encode_value(&a.payload.as_ref().expect("payload").values).expect("enc"),
        );
        assert_ne!(*guess.as_bytes(), a.envelope.payload_hash);
    }

    #[test]
    fn a_changed_payload_no_longer_matches_its_envelope() {
        let mut c = change([1; 16], "0770");
        assert!(c.payload_matches().expect("hash"));
        if let Some(p) = c.payload.as_mut() {
            p.values.insert("phone".into(), vec![1]);
        }
        assert!(!c.payload_matches().expect("hash"));
        c.payload = None; // withheld by erasure: the envelope alone still stands
        assert!(c.payload_matches().expect("hash"));
    }

    #[test]
    fn the_change_hash_covers_every_envelope_field() {
        let c = change([1; 16], "0770");
        let base = c.envelope.hash().expect("hash");
        let mut e = c.envelope.clone();
        e.seq = 2;
        assert_ne!(e.hash().expect("hash"), base);
        let mut e = c.envelope.clone();
        e.author = "Someone".into();
        assert_ne!(e.hash().expect("hash"), base);
        let mut e = c.envelope;
        e.replaces.push(Version {
            origin: OriginId([1; 32]),
            seq: 3,
        });
        assert_ne!(e.hash().expect("hash"), base);
    }
}
