//! Identity cards: how one device learns another's public key. A card carries the device's
//! name, code and public key, signed by that key (so a card cannot claim a key its maker
//! does not hold). Whoever imports a card confirms the fingerprint with its owner, in
//! person or by phone, before trusting it.

use serde::{Deserialize, Serialize};

use crate::codec::{self, CodecError, Versioned};
use crate::model::Timestamp;
use crate::model::change::OriginId;
use crate::model::device::{device_code, fingerprint};

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
    HiddenCharacters(crate::model::text::Hidden),
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
        if !crate::model::device::verify(card.origin, &signed_bytes(body), &signature) {
            return Err(CardError::BadSignature);
        }
        if card.name.chars().count() > 60 {
            return Err(CardError::Damaged("the device name is too long".into()));
        }
        // A card comes from another laptop: its name is hostile input until checked.
        if let Some(hidden) = crate::model::text::Hidden::find(&card.name) {
            return Err(CardError::HiddenCharacters(hidden));
        }
        Ok(card)
    }
}

pub(crate) fn signed_bytes(body: &[u8]) -> Vec<u8> {
    let mut m = b"daleel identity card v1".to_vec();
    m.extend(body);
    m
}
