//! The trust list: the devices whose changes this laptop accepts, learned from identity
//! cards. Local to this laptop: never synced, never in the state digest.

use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::codec::{self, Versioned};
use crate::model::Timestamp;
use crate::model::card::Card;
use crate::model::change::OriginId;
use crate::model::device::{device_code, fingerprint};

/// A device this laptop trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedDevice {
    pub origin: OriginId,
    pub name: String,
    pub added_at: Timestamp,
    /// Its age recipient, from its card (empty for a card made before bundles were
    /// encrypted: such a device cannot be sent bundles until its new card is added).
    pub recipient: String,
}

#[derive(serde::Deserialize)]
struct TrustedDeviceV1 {
    origin: OriginId,
    name: String,
    added_at: Timestamp,
}

impl Versioned for TrustedDevice {
    const VERSION: u8 = 2;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, crate::codec::CodecError> {
        match version {
            1 => {
                let old: TrustedDeviceV1 = codec::decode_value(body)?;
                Ok(TrustedDevice {
                    origin: old.origin,
                    name: old.name,
                    added_at: old.added_at,
                    recipient: String::new(),
                })
            }
            _ => Err(crate::codec::CodecError::UnknownVersion {
                found: version,
                known: 2,
            }),
        }
    }
}

impl TrustedDevice {
    pub fn code(&self) -> String {
        device_code(self.origin)
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(self.origin)
    }
}

/// A fingerprint as people type it: without dashes or spaces, lower case.
pub(crate) fn normalized(fp: &str) -> String {
    crate::model::ascii_digits(fp)
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Store {
    /// Every trusted device, by device code.
    pub fn trusted(&self) -> Result<Vec<TrustedDevice>, StoreError> {
        let mut all = self
            .trust_tree()
            .iter()
            .values()
            .map(|v| Ok(codec::decode::<TrustedDevice>(&v?)?))
            .collect::<Result<Vec<_>, StoreError>>()?;
        all.sort_by_key(|d| d.code());
        Ok(all)
    }

    /// Whether changes from `origin` are accepted here (this device's own included).
    pub fn is_trusted(&self, origin: OriginId) -> Result<bool, StoreError> {
        Ok(origin == self.device.origin
            || self.policy().member(origin).is_some()
            || self.trust_tree().contains_key(origin.0)?)
    }

    /// Trusts the device of a card. Returns false when it was trusted already (its name
    /// is brought up to date). Refuses this laptop's own card, and a second device with
    /// the same device code (case codes would collide).
    pub fn trust(&self, card: &Card) -> Result<bool, StoreError> {
        if card.origin == self.device.origin {
            return Err(StoreError::OwnCard);
        }
        if let Some(clash) = self
            .trusted()?
            .into_iter()
            .find(|d| d.origin != card.origin && d.code() == card.code())
        {
            return Err(StoreError::CodeClash {
                code: card.code(),
                fingerprint: card.fingerprint(),
                other_code: clash.code(),
                other_fingerprint: clash.fingerprint(),
            });
        }
        if card.code() == self.device.code {
            return Err(StoreError::CodeOfThisLaptop {
                code: card.code(),
                fingerprint: card.fingerprint(),
            });
        }
        let new = !self.trust_tree().contains_key(card.origin.0)?;
        let device = TrustedDevice {
            origin: card.origin,
            name: card.name.clone(),
            added_at: self.now(),
            recipient: card.recipient.clone(),
        };
        self.trust_tree()
            .insert(card.origin.0, codec::encode(&device)?)?;
        self.flush()?;
        self.audit(
            super::audit::AuditAction::TrustAdd,
            None,
            &format!(
                "device {} ({}){}",
                card.code(),
                card.fingerprint(),
                if new { "" } else { ", trusted already" }
            ),
            1,
        )?;
        Ok(new)
    }

    /// The trusted device with this fingerprint (dashes and case do not matter).
    pub fn trusted_by_fingerprint(
        &self,
        fingerprint: &str,
    ) -> Result<Option<TrustedDevice>, StoreError> {
        let wanted = normalized(fingerprint);
        Ok(self
            .trusted()?
            .into_iter()
            .find(|d| normalized(&d.fingerprint()) == wanted))
    }

    /// Stops trusting the device with this fingerprint (dashes and case do not matter).
    pub fn untrust(&self, fingerprint: &str) -> Result<TrustedDevice, StoreError> {
        let device =
            self.trusted_by_fingerprint(fingerprint)?
                .ok_or_else(|| StoreError::NotTrusted {
                    fingerprint: fingerprint.to_string(),
                })?;
        self.trust_tree().remove(device.origin.0)?;
        self.flush()?;
        self.audit(
            super::audit::AuditAction::TrustRemove,
            None,
            &format!("device {} ({})", device.code(), device.fingerprint()),
            1,
        )?;
        Ok(device)
    }
}
