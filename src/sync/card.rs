//! Writing this device's identity card (it signs with the device key). What a card is
//! and how one is read and checked is in the model (`model::card`).

pub use crate::model::card::*;

use super::identity::Identity;
use crate::codec;
use crate::model::Timestamp;

impl Card {
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
