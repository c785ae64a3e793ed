//! Identity cards: how one device learns another's public key. A card carries the device's
//! name, code and public key, signed by that key (so a card cannot claim a key its maker
//! does not hold). Whoever imports a card confirms the fingerprint with its owner, in
//! person or by phone, before trusting it.

use serde::{Deserialize, Serialize};

use super::identity::{Identity, device_code, fingerprint};
use crate::codec::{self, CodecError, Versioned};
use crate::model::Timestamp;
use crate::model::change::OriginId;

/// The first bytes of a card file.
pub const CARD_MAGIC: &[u8; 8] = b"DLCARD01";

/// The most bytes a card file may have.
pub const CARD_MAX_BYTES: u64 = 4096;

/// What a card says about a device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub origin: OriginId,
    pub name: String,
    pub made_at: Timestamp,
    /// The age recipient (`age1...`) bundles for this device are encrypted to; empty on a
    /// card made before bundles were encrypted (version 1).
    pub recipient: String,
}

/// A card of version 1 (before bundles were encrypted).
#[derive(Serialize, Deserialize)]
struct CardV1 {
    origin: OriginId,
    name: String,
    made_at: Timestamp,
}

impl Versioned for Card {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => {
                let old: CardV1 = codec::decode_exact(body)?;
                Ok(Card {
                    origin: old.origin,
                    name: old.name,
                    made_at: old.made_at,
                    recipient: String::new(),
                })
            }
            _ => Err(CodecError::UnknownVersion {
                found: version,
                known: 2,
            }),
        }
    }
}

/// Why a card file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CardError {
    #[error("not a Daleel identity card (it does not start as one)")]
    NotACard,
    #[error("the card is larger than an identity card can be ({0} bytes)")]
    TooLarge(u64),
    #[error("the card is damaged: {0}")]
    Damaged(String),
    #[error("the card's signature does not match its key: it was altered or forged")]
    BadSignature,
    #[error(
        "the device name on the card {0}, which could disguise the lines shown around it (its fingerprint among them): refused; ask the laptop's owner to set a plain name (daleel identity --name) and export the card again"
    )]
    HiddenCharacters(String),
}

impl From<CodecError> for CardError {
    fn from(e: CodecError) -> CardError {
        CardError::Damaged(e.to_string())
    }
}

impl Card {
    pub fn fingerprint(&self) -> String {
        fingerprint(self.origin)
    }

    pub fn code(&self) -> String {
        device_code(self.origin)
    }

    /// The card file for this device: magic, the encoded card, the device's signature.
    pub fn write(identity: &Identity, name: &str, now: Timestamp) -> Result<Vec<u8>, CardError> {
        let card = Card {
            origin: identity.origin(),
            name: name.to_string(),
            made_at: now,
            recipient: identity.age_recipient(),
        };
        let body = codec::encode(&card)?;
        let mut out = CARD_MAGIC.to_vec();
        out.extend((body.len() as u32).to_le_bytes());
        out.extend(&body);
        out.extend(identity.sign(&signed_bytes(&body)));
        Ok(out)
    }

    /// Reads and checks a card file.
    pub fn read(bytes: &[u8]) -> Result<Card, CardError> {
        if bytes.len() as u64 > CARD_MAX_BYTES {
            return Err(CardError::TooLarge(bytes.len() as u64));
        }
        let rest = bytes
            .strip_prefix(CARD_MAGIC.as_slice())
            .ok_or(CardError::NotACard)?;
        let (len, rest) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| CardError::Damaged("cut short".into()))?;
        let len = u32::from_le_bytes(*len) as usize;
        if rest.len() != len + 64 {
            return Err(CardError::Damaged("its length does not add up".into()));
        }
        let (body, signature) = rest.split_at(len);
        // A card of an older version is read too (the signature covers its bytes).
        if body.len() > codec::OUTSIDE_LIMIT {
            return Err(CardError::TooLarge(body.len() as u64));
        }
        let card: Card = codec::decode_signed(body)?;
        if !card.recipient.is_empty() && card.recipient.parse::<age::x25519::Recipient>().is_err() {
            return Err(CardError::Damaged("its encryption key is not valid".into()));
        }
        let signature: [u8; 64] = signature
            .try_into()
            .map_err(|_| CardError::Damaged("no signature".into()))?;
        if !super::verify(card.origin, &signed_bytes(body), &signature) {
            return Err(CardError::BadSignature);
        }
        if card.name.chars().count() > 60 {
            return Err(CardError::Damaged("the device name is too long".into()));
        }
        // A card comes from another laptop: its name is hostile input until checked.
        if let Some(why) = crate::model::text::refusal(&card.name) {
            return Err(CardError::HiddenCharacters(why));
        }
        Ok(card)
    }
}

fn signed_bytes(body: &[u8]) -> Vec<u8> {
    let mut m = b"daleel identity card v1".to_vec();
    m.extend(body);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::identity::scratch_identity;

    #[test]
    fn a_card_round_trips_and_names_its_device() {
        let (_d, id) = scratch_identity();
        let bytes = Card::write(&id, "CRC Mosul laptop 3", Timestamp(5)).expect("write");
        let card = Card::read(&bytes).expect("read");
        assert_eq!(card.name, "CRC Mosul laptop 3");
        assert_eq!(card.fingerprint(), id.fingerprint());
        assert_eq!(card.code(), id.code());
    }

    #[test]
    fn every_changed_byte_and_every_cut_is_refused() {
        let (_d, id) = scratch_identity();
        let bytes = Card::write(&id, "laptop", Timestamp(5)).expect("write");
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x01;
            assert!(Card::read(&b).is_err(), "byte {i} changed");
        }
        for n in 0..bytes.len() {
            assert!(Card::read(&bytes[..n]).is_err(), "cut to {n}");
        }
        assert_eq!(Card::read(b"hello"), Err(CardError::NotACard));
        assert!(matches!(
            Card::read(&vec![0u8; 5000]),
            Err(CardError::TooLarge(5000))
        ));
    }

    #[test]
    fn a_card_with_a_number_written_longer_than_needed_is_refused() {
        let (_d, id) = scratch_identity();
        let bytes = Card::write(&id, "laptop", Timestamp(5)).expect("write");
        // The body: version, the key (32 bytes), the name's length (6), the name...
        let body_start = CARD_MAGIC.len() + 4;
        let len_at = body_start + 1 + 32;
        assert_eq!(bytes[len_at], 6);
        let body_end = bytes.len() - 64;
        let mut body = bytes[body_start..len_at].to_vec();
        body.extend([251, 6, 0]); // 6 as a u16: the same length, three bytes long
        body.extend(&bytes[len_at + 1..body_end]);
        // Signed by the card's own key: only the form is wrong.
        let mut card = CARD_MAGIC.to_vec();
        card.extend((body.len() as u32).to_le_bytes());
        card.extend(&body);
        card.extend(id.sign(&signed_bytes(&body)));
        let err = Card::read(&card).expect_err("a second byte form of the same card");
        assert!(err.to_string().contains("shortest form"), "{err}");
        assert!(Card::read(&bytes).is_ok());
    }

    #[test]
    fn a_card_whose_name_holds_hidden_characters_is_refused() {
        let (_d, id) = scratch_identity();
        for name in [
            "Amal\nFingerprint: 0000\u{1b}[8m",
            "laptop\u{9b}2J",
            "\u{202e}potpal",
            "a\u{2067}b",
        ] {
            // Signed by its own key, as a hostile laptop would make it.
            let bytes = Card::write(&id, name, Timestamp(5)).expect("write");
            let err = Card::read(&bytes).expect_err(name);
            assert!(matches!(err, CardError::HiddenCharacters(_)), "{err}");
            assert!(err.to_string().contains("U+"), "{err}");
        }
        assert!(Card::read(&Card::write(&id, "لابتوب\tMosul", Timestamp(5)).expect("w")).is_ok());
    }

    #[test]
    fn a_card_cannot_claim_another_devices_key() {
        let (_d, a) = scratch_identity();
        let (_e, b) = scratch_identity();
        let mut forged = Card::write(&a, "laptop", Timestamp(5)).expect("write");
        // Put b's key into a's card: the signature (by a) no longer matches.
        let body_start = CARD_MAGIC.len() + 4 + 1; // magic, length, version byte
        let key = b.origin().0;
        forged[body_start..body_start + 32].copy_from_slice(&key);
        assert_eq!(Card::read(&forged), Err(CardError::BadSignature));
    }
}
