//! Hand-offs to partner agencies (docs/teams.md, "Partners"): `daleel sync export
//! --for-org ORG` on a coordinator's laptop writes, for that organization's certified
//! partner devices only, the referrals addressed to it, what each household consented
//! to disclose, and the service directory. It is a snapshot signed by the coordinator's
//! device, not a part of anyone's change log: a partner never holds other devices'
//! changes, and full team bundles are never encrypted to partners. The partner's
//! answers travel back as referral steps in its own bundles.
//!
//! The file: `DALEELHO`, version (u16 LE, 1), the clear header block (u32 LE length and
//! the encoded `ClearHeader`, naming the sender), then an age file to the partner
//! devices holding: the encoded `Handoff` (u64 LE length and bytes) and the sender's
//! ed25519 signature of `"daleel handoff v1" || encoded Handoff`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::bundle::{BundleError, ClearHeader};
use super::export::SyncError;
use super::identity::{Identity, device_code, fingerprint};
use super::import::ImportError;
use super::team::{Role, Signed};
use crate::codec::{self, Versioned};
use crate::model::change::OriginId;
use crate::model::{DisclosedField, Household, Need, Person, Referral, ReferralStatus, Timestamp};
use crate::store::handoff::{HandedReferral, Snapshot, SnapshotV1, SnapshotV2, named};
use crate::store::{DatabaseKind, Store, StoreError};

/// The first bytes of a hand-off file.
pub const HANDOFF_MAGIC: &[u8; 8] = b"DALEELHO";
const HANDOFF_VERSION: u16 = 1;

/// What a hand-off carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub sender: OriginId,
    pub team: OriginId,
    pub org: Uuid,
    pub org_name: String,
    pub made_at: Timestamp,
    pub kind: DatabaseKind,
    /// The team's statements (so that a partner learns of revocations too).
    pub roster: Vec<Signed>,
    pub snapshot: Snapshot,
}

/// A hand-off as format 1 wrote it: its households without their size.
#[derive(Serialize, Deserialize)]
struct HandoffV1 {
    sender: OriginId,
    team: OriginId,
    org: Uuid,
    org_name: String,
    made_at: Timestamp,
    kind: DatabaseKind,
    roster: Vec<Signed>,
    snapshot: SnapshotV1,
}

/// A hand-off as format 2 wrote it: its organizations and services of format 1.
#[derive(Serialize, Deserialize)]
struct HandoffV2 {
    sender: OriginId,
    team: OriginId,
    org: Uuid,
    org_name: String,
    made_at: Timestamp,
    kind: DatabaseKind,
    roster: Vec<Signed>,
    snapshot: SnapshotV2,
}

/// Format 2: households carry their size (`Household::size`). Format 3: organizations
/// and services carry what HSDS holds beyond format 1 (issue 18).
impl Versioned for Handoff {
    const VERSION: u8 = 3;

    fn migrate(version: u8, body: &[u8]) -> Result<Self, codec::CodecError> {
        match version {
            2 => {
                let old: HandoffV2 = codec::decode_exact_bounded(body)?;
                Ok(Handoff {
                    sender: old.sender,
                    team: old.team,
                    org: old.org,
                    org_name: old.org_name,
                    made_at: old.made_at,
                    kind: old.kind,
                    roster: old.roster,
                    snapshot: old.snapshot.into(),
                })
            }
            1 => {
                let old: HandoffV1 = codec::decode_exact_bounded(body)?;
                Ok(Handoff {
                    sender: old.sender,
                    team: old.team,
                    org: old.org,
                    org_name: old.org_name,
                    made_at: old.made_at,
                    kind: old.kind,
                    roster: old.roster,
                    snapshot: old.snapshot.into(),
                })
            }
            _ => Err(codec::CodecError::UnknownVersion {
                found: version,
                known: Self::VERSION,
            }),
        }
    }
}

/// What a hand-off export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffSummary {
    pub path: PathBuf,
    pub org: String,
    pub referrals: usize,
    pub households: usize,
    pub devices: usize,
    /// Referrals in the GBV and child protection sectors left out (some receiving
    /// device is not certified for them).
    pub sensitive_left_out: usize,
    pub bytes: u64,
}

fn message(body: &[u8]) -> Vec<u8> {
    let mut m = b"daleel handoff v1".to_vec();
    m.extend(body);
    m
}

/// What of a household a referral may disclose: nothing personal unless the household
/// consented to disclosure, and then only the fields the referral names.
fn disclosed(h: &Household, fields: &BTreeSet<DisclosedField>) -> Household {
    let allowed =
        |f: DisclosedField| h.consent.as_ref().is_some_and(|c| c.disclosure) && fields.contains(&f);
    Household {
        id: h.id,
        case_code: h.case_code.clone(),
        created_at: h.created_at,
        created_by: String::new(),
        head: if allowed(DisclosedField::HeadName) {
            Person::new(h.head.id, h.head.name.clone())
        } else {
            Person::new(h.head.id, "")
        },
        phone: if allowed(DisclosedField::Phone) {
            h.phone.clone()
        } else {
            String::new()
        },
        members: if allowed(DisclosedField::Members) {
            h.members.clone()
        } else {
            Vec::new()
        },
        location: if allowed(DisclosedField::Location) {
            h.location.clone()
        } else {
            Default::default()
        },
        vulnerabilities: if allowed(DisclosedField::Vulnerabilities) {
            h.vulnerabilities.clone()
        } else {
            Default::default()
        },
        consent: h.consent.clone().map(|c| crate::model::Consent {
            recorded_by: String::new(),
            ..c
        }),
        status: h.status.clone(),
        // How many people, with who they are.
        size: if allowed(DisclosedField::Members) {
            h.size
        } else {
            None
        },
        ..Household::default()
    }
}

/// Why no hand-off is written.
#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    #[error("this laptop is in no team: hand-offs go to a team's certified partner devices")]
    NoTeam,
    #[error("only a coordinator's laptop writes hand-offs to partners")]
    NotCoordinator,
    #[error("no organization \"{name}\" in the service directory")]
    NoOrganization { name: String },
    #[error(
        "no partner device of {org} is certified: approve one with daleel team approve REQUEST --role partner --org \"{org}\""
    )]
    NoPartnerDevice { org: String },
    #[error("cannot encrypt the hand-off: {0}")]
    Encrypt(#[from] age::EncryptError),
}

/// Builds what a hand-off to `org_name` carries, and the partner devices it is for.
fn build(
    store: &Store,
    identity: &Identity,
    org_name: &str,
) -> Result<(Handoff, Vec<age::x25519::Recipient>, usize), SyncError> {
    let policy = store.policy();
    let me = identity.origin();
    let team = policy.team.clone().ok_or(HandoffError::NoTeam)?;
    if policy.member(me).map(|c| c.role) != Some(Role::Coordinator)
        || policy.revoked.contains_key(&me)
    {
        return Err(HandoffError::NotCoordinator.into());
    }
    let wanted = org_name.trim().to_lowercase();
    let org = store
        .organizations()?
        .into_iter()
        .find(|o| o.acronym.to_lowercase() == wanted || o.name.to_lowercase() == wanted)
        .ok_or_else(|| HandoffError::NoOrganization {
            name: org_name.to_string(),
        })?;
    let devices: Vec<_> = policy
        .members
        .values()
        .filter(|c| c.role == Role::Partner && c.org_id == Some(org.id))
        .filter(|c| !policy.revoked.contains_key(&c.device))
        .collect();
    let recipients: Vec<age::x25519::Recipient> = devices
        .iter()
        .filter_map(|c| c.recipient.parse().ok())
        .collect();
    if recipients.is_empty() {
        return Err(HandoffError::NoPartnerDevice {
            org: org.short_name().to_string(),
        }
        .into());
    }
    // Sensitive cases go only where every receiving device may read them.
    let sensitive_ok = devices.iter().all(|c| c.sensitive);
    let mut snapshot = Snapshot::default();
    let mut households = BTreeSet::new();
    let mut left_out = 0;
    for r in store.all::<Referral>() {
        let r = r?;
        if r.organization != org.id
            || r.status() == ReferralStatus::Draft
            || store.is_erased(r.household)?
        {
            continue;
        }
        let need: Option<Need> = store.get(r.need)?;
        let service = store.service(r.service)?;
        let sensitive = need.as_ref().is_some_and(|n| n.sector.is_sensitive())
            || service.as_ref().is_some_and(|s| s.sector.is_sensitive());
        if sensitive && !sensitive_ok {
            left_out += 1;
            continue;
        }
        let Some(h) = store.get::<Household>(r.household)? else {
            continue;
        };
        let consented = h.consent.as_ref().is_some_and(|c| c.disclosure);
        if let Some(n) = need {
            let describe = consented && r.disclosed.contains(&DisclosedField::NeedDescription);
            snapshot.needs.push(Need {
                description: if describe {
                    n.description.clone()
                } else {
                    String::new()
                },
                member: None,
                created_by: String::new(),
                ..n
            });
        }
        if households.insert(h.id) {
            snapshot.households.push(disclosed(&h, &r.disclosed));
        }
        let versions = store.versions_of::<Referral>(r.id)?;
        // Notes and reasons of the history are free text: they stay at the CRC.
        let history = r
            .history
            .iter()
            .map(|s| crate::model::Step {
                note: String::new(),
                reason: String::new(),
                ..s.clone()
            })
            .collect();
        snapshot.referrals.push(HandedReferral {
            referral: Referral {
                history,
                flagged: Vec::new(),
                disclosed: if consented {
                    r.disclosed.clone()
                } else {
                    BTreeSet::new()
                },
                // The reason is free text about the household: with its consent only.
                reason: if consented {
                    r.reason.clone()
                } else {
                    String::new()
                },
                ..r
            },
            root: versions.root.map(|h| named(h, me)),
            steps: versions.steps.iter().map(|h| named(*h, me)).collect(),
        });
    }
    snapshot.needs.sort_by_key(|n| n.id);
    snapshot.needs.dedup_by_key(|n| n.id);
    snapshot.organizations = store
        .all::<crate::model::Organization>()
        .collect::<Result<_, _>>()?;
    snapshot.services = store
        .all::<crate::model::Service>()
        .collect::<Result<_, _>>()?;
    let handoff = Handoff {
        sender: me,
        team: team.key,
        org: org.id,
        org_name: org.short_name().to_string(),
        made_at: store.now(),
        kind: store.kind()?.unwrap_or(DatabaseKind::Real),
        roster: store.roster()?,
        snapshot,
    };
    Ok((handoff, recipients, left_out))
}

/// Writes a hand-off for `org_name`'s partner devices into `dir` (a temporary name,
/// fsync, rename, as bundles), and audits each household it discloses.
pub fn export_for_org(
    store: &Store,
    identity: &Identity,
    org_name: &str,
    dir: &Path,
) -> Result<HandoffSummary, SyncError> {
    if !dir.is_dir() {
        return Err(SyncError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let (handoff, recipients, left_out) = build(store, identity, org_name)?;
    let body = codec::encode(&handoff).map_err(StoreError::from)?;
    let signature = identity.sign(&message(&body));
    let mut inner = zeroize::Zeroizing::new(Vec::with_capacity(body.len() + 72));
    inner.extend((body.len() as u64).to_le_bytes());
    inner.extend(&body);
    inner.extend(signature);
    let mut out = HANDOFF_MAGIC.to_vec();
    out.extend(HANDOFF_VERSION.to_le_bytes());
    let clear = codec::encode(&ClearHeader {
        sender: identity.origin(),
    })
    .map_err(StoreError::from)?;
    out.extend((clear.len() as u32).to_le_bytes());
    out.extend(&clear);
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(HandoffError::from)?;
    let stamp = store.now().to_utc().format("%Y%m%dT%H%M%SZ").to_string();
    // The name says who sent it and when, never for whom: a stick's finder learns no
    // partner's name.
    let name = super::export::free_names(dir, &format!("daleel-{}-{stamp}", identity.code()), 1)
        .pop()
        .unwrap_or_default();
    let path = dir.join(&name);
    let write_error = |source| SyncError::Write {
        path: path.clone(),
        source,
    };
    {
        let mut w = encryptor.wrap_output(&mut out).map_err(write_error)?;
        std::io::Write::write_all(&mut w, &inner).map_err(write_error)?;
        w.finish().map_err(write_error)?;
    }
    crate::disk::write_whole(&path, &out, crate::disk::Access::Shared).map_err(write_error)?;
    for h in &handoff.snapshot.households {
        store.audit(
            crate::store::audit::AuditAction::Export,
            Some(&h.case_code),
            &format!("hand-off to {}", handoff.org_name),
            1,
        )?;
    }
    store.flush()?;
    Ok(HandoffSummary {
        path,
        org: handoff.org_name.clone(),
        referrals: handoff.snapshot.referrals.len(),
        households: handoff.snapshot.households.len(),
        devices: recipients.len(),
        sensitive_left_out: left_out,
        bytes: out.len() as u64,
    })
}

/// Whether the bytes are a hand-off (not a bundle).
pub fn is_handoff(bytes: &[u8]) -> bool {
    bytes.starts_with(HANDOFF_MAGIC)
}

/// The sender a hand-off names in its clear header.
fn clear_sender(bytes: &[u8]) -> Result<(OriginId, &[u8]), ImportError> {
    let damaged = |why: &str| ImportError::Bundle(BundleError::Damaged(why.to_string()));
    let rest = bytes
        .strip_prefix(HANDOFF_MAGIC.as_slice())
        .ok_or_else(|| damaged("not a hand-off"))?;
    let (version, rest) = rest
        .split_first_chunk::<2>()
        .ok_or(BundleError::Truncated)?;
    if u16::from_le_bytes(*version) != HANDOFF_VERSION {
        return Err(damaged(
            "a hand-off of a newer Daleel: install the newer version",
        ));
    }
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or(BundleError::Truncated)?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > 4096 || rest.len() < len {
        return Err(damaged("its clear header does not add up"));
    }
    let (clear, encrypted) = rest.split_at(len);
    let clear: ClearHeader = codec::decode_untrusted(clear).map_err(BundleError::from)?;
    Ok((clear.sender, encrypted))
}

/// Who sent a hand-off, from its clear part alone.
pub fn sender_of(bytes: &[u8]) -> Option<OriginId> {
    clear_sender(bytes).ok().map(|(s, _)| s)
}

/// Opens a hand-off made for this device: its sender must be a coordinator of this
/// device's team, the file must be encrypted to this device and signed by its sender.
pub fn open(store: &Store, bytes: &[u8], me: &Identity) -> Result<Handoff, ImportError> {
    let damaged = |why: &str| ImportError::Bundle(BundleError::Damaged(why.to_string()));
    let (sender, encrypted) = clear_sender(bytes)?;
    let policy = store.policy();
    let named = || (device_code(sender), fingerprint(sender));
    if policy.member(sender).map(|c| c.role) != Some(Role::Coordinator)
        || policy.revoked.contains_key(&sender)
    {
        let (code, fingerprint) = named();
        return Err(ImportError::Bundle(BundleError::NotTrusted {
            code,
            fingerprint,
        }));
    }
    if policy.member(me.origin()).map(|c| c.role) != Some(Role::Partner) {
        return Err(ImportError::NotPartner);
    }
    let inner = zeroize::Zeroizing::new(super::bundle::decrypt_for(encrypted, me, sender)?);
    let (len, rest) = inner
        .split_first_chunk::<8>()
        .ok_or(BundleError::Truncated)?;
    let len = u64::from_le_bytes(*len) as usize;
    if rest.len() != len.saturating_add(64) {
        return Err(damaged("its length does not add up"));
    }
    let (body, signature) = rest.split_at(len);
    let signature: [u8; 64] = signature.try_into().map_err(|_| BundleError::Truncated)?;
    if !super::verify(sender, &message(body), &signature) {
        return Err(ImportError::Bundle(BundleError::BadSignature));
    }
    // Signed by a coordinator of the team: read with the database's own limit.
    let handoff: Handoff = codec::decode_signed(body).map_err(BundleError::from)?;
    if handoff.sender != sender || policy.team.as_ref().map(|t| t.key) != Some(handoff.team) {
        return Err(damaged(
            "its outside and inside name different senders or teams",
        ));
    }
    Ok(handoff)
}

/// Imports a hand-off on a partner's device: learns the team's statements, and replaces
/// its copy of the handed-off referrals and directory. Returns how many referrals it
/// now holds from it.
pub fn import(
    store: &Store,
    bytes: &[u8],
    me: &Identity,
) -> Result<(OriginId, usize), ImportError> {
    let handoff = open(store, bytes, me)?;
    store.learn_statements(&handoff.roster)?;
    match store.kind()? {
        Some(kind) if kind != handoff.kind => {
            return Err(ImportError::Kind(super::import::KindMismatch::Handoff));
        }
        Some(_) => {}
        None => store.set_kind(handoff.kind)?,
    }
    // Hand-offs may come in any order: an older one than the last applied changes
    // nothing (it would take the partner's copy back in time).
    let last = store.last_handoff()?;
    if last.is_some_and(|at| at > handoff.made_at) {
        return Err(ImportError::OlderHandoff);
    }
    store.apply_snapshot(&handoff.snapshot)?;
    store.set_last_handoff(handoff.made_at)?;
    store.audit(
        crate::store::audit::AuditAction::Import,
        None,
        &format!("hand-off from {}", device_code(handoff.sender)),
        handoff.snapshot.referrals.len() as u64,
    )?;
    store.flush()?;
    Ok((handoff.sender, handoff.snapshot.referrals.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-off written before household sizes (format 1) is still read: its
    /// households come without a size. One written now carries the size, when the
    /// household's consent discloses its members.
    #[test]
    fn a_handoff_of_format_1_is_read_with_no_sizes() {
        let mut h = crate::model::household::tests::sample_household();
        h.consent = Some(crate::model::Consent {
            disclosure: true,
            ..Default::default()
        });
        let members = [DisclosedField::Members].into_iter().collect();
        assert_eq!(disclosed(&h, &members).size, Some(3));
        assert_eq!(disclosed(&h, &BTreeSet::new()).size, None, "not disclosed");
        let old = HandoffV1 {
            sender: OriginId([1; 32]),
            team: OriginId([2; 32]),
            org: Uuid::nil(),
            org_name: "NRC".into(),
            made_at: Timestamp(5),
            kind: DatabaseKind::Real,
            roster: Vec::new(),
            snapshot: SnapshotV1 {
                households: vec![crate::model::HouseholdV1::from(&h)],
                ..SnapshotV1::default()
            },
        };
        let mut bytes = vec![1u8];
        bytes.extend(codec::encode_value(&old).expect("encode"));
        let read: Handoff = codec::decode_signed(&bytes).expect("format 1 is read");
        assert_eq!(read.org_name, "NRC");
        assert_eq!(
            read.snapshot.households,
            vec![Household { size: None, ..h }]
        );
        let again = codec::encode(&read).expect("encode");
        assert_eq!(again[0], 3, "written in format 3");
        assert_eq!(codec::decode_signed::<Handoff>(&again).expect("read"), read);
    }

    /// A hand-off of format 2 (organizations and services of format 1) is still read:
    /// its directory comes with the fields of format 2 empty.
    #[test]
    fn a_handoff_of_format_2_is_read_with_its_directory() {
        let sample = crate::model::sample::directory();
        let (org, service) = (&sample.organizations[0], &sample.services[0]);
        let old = HandoffV2 {
            sender: OriginId([1; 32]),
            team: OriginId([2; 32]),
            org: org.id,
            org_name: "NRC".into(),
            made_at: Timestamp(5),
            kind: DatabaseKind::Real,
            roster: Vec::new(),
            snapshot: SnapshotV2 {
                organizations: vec![org.into()],
                services: vec![service.into()],
                ..SnapshotV2::default()
            },
        };
        let mut bytes = vec![2u8];
        bytes.extend(codec::encode_value(&old).expect("encode"));
        let read: Handoff = codec::decode_signed(&bytes).expect("format 2 is read");
        assert_eq!(read.snapshot.organizations, vec![org.clone()]);
        assert_eq!(read.snapshot.services, vec![service.clone()]);
    }
}
