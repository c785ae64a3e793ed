//! Teams (docs/teams.md): a team key made on a coordinator's laptop; device certificates
//! and revocations signed by the team key or by a coordinator the team key certified;
//! and the policy they give: which devices belong to the team, with which role, and from
//! which sequence number a revoked device's changes stop counting.
//!
//! Certificates and revocations are *statements*. Each is signed by its issuer, so it
//! checks wherever it travels: every bundle of a team device carries all the statements
//! its sender holds (the roster), and each device keeps the union. The union only grows,
//! so every device that has seen the same statements computes the same policy.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::codec::{self, CodecError, Versioned};
use crate::model::change::{Envelope, KIND_RESOLVE, KIND_STEP, OriginId};
use crate::model::device::{device_code, fingerprint};
use crate::model::named_enum;
use crate::model::{Date, Timestamp};

named_enum! {
    /// What a device may change (docs/teams.md, "Roles").
    pub enum Role {
        /// Creates and edits households, needs and referrals, and may erase.
        Outreach = ("outreach", "outreach worker"),
        /// Also resolves conflicts, changes the directory, approves and revokes devices.
        Coordinator = ("coordinator", "coordinator"),
        /// Only accepts, rejects, completes and adds notes to referrals addressed to its
        /// organization.
        Partner = ("partner", "partner focal point"),
    }
}

/// The team a device belongs to: the team's public key and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamInfo {
    pub key: OriginId,
    pub name: String,
}

impl Versioned for TeamInfo {
    const VERSION: u8 = 1;
}

impl TeamInfo {
    pub fn fingerprint(&self) -> String {
        fingerprint(self.key)
    }
}

/// A device's certificate: its key, name, role and organization, signed by the issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The team's public key.
    pub team: OriginId,
    pub device: OriginId,
    /// The device's name, from its request.
    pub name: String,
    /// The device's age recipient (`age1...`): bundles for it are encrypted to this.
    pub recipient: String,
    pub role: Role,
    /// The organization, as the coordinator named it (an acronym from the directory).
    pub org: String,
    /// The organization's id in the directory, when it is there (a partner's always is:
    /// referrals addressed to it are the ones it may answer).
    pub org_id: Option<Uuid>,
    /// Whether the device may read gender-based violence and child protection records.
    pub sensitive: bool,
    /// After this day the certificate is expired: a warning and a queue entry, not a
    /// cut-off.
    pub expires: Option<Date>,
    pub issued_at: Timestamp,
    /// The team key, or a coordinator device the team key certified.
    pub issuer: OriginId,
}

/// A revocation: `device`'s changes numbered above `after_seq` have no effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub team: OriginId,
    pub device: OriginId,
    pub after_seq: u64,
    pub issued_at: Timestamp,
    pub issuer: OriginId,
}

/// What a team statement says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statement {
    Certificate(Certificate),
    Revocation(Revocation),
}

impl Versioned for Statement {
    const VERSION: u8 = 1;
}

impl Statement {
    pub fn issuer(&self) -> OriginId {
        match self {
            Statement::Certificate(c) => c.issuer,
            Statement::Revocation(r) => r.issuer,
        }
    }

    pub fn team(&self) -> OriginId {
        match self {
            Statement::Certificate(c) => c.team,
            Statement::Revocation(r) => r.team,
        }
    }
}

/// A statement as it is kept and carried: its encoded bytes and its issuer's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signed {
    pub body: Vec<u8>,
    /// The issuer's ed25519 signature, as two halves (serde's arrays stop at 32).
    pub signature: [[u8; 32]; 2],
}

impl Versioned for Signed {
    const VERSION: u8 = 1;
}

/// The largest statement read from outside.
pub const MAX_STATEMENT_BYTES: usize = 4096;
/// The most statements a roster may carry (30 laptops renewed many times over).
pub const MAX_STATEMENTS: usize = 2_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TeamError {
    #[error("a team statement is damaged: it is too large")]
    TooLarge { max: usize },
    #[error("a team statement is damaged: it is larger than a team file can be")]
    FileTooLarge { max: u64 },
    #[error(
        "a team statement is damaged: it is not a Daleel certificate file (it does not start as one)"
    )]
    NotATeamFile,
    #[error("a team statement is damaged: it is cut short")]
    CutShort,
    #[error("a team statement is damaged: its length does not add up (cut short?)")]
    LengthMismatch,
    #[error("a team statement is damaged: it holds too many statements")]
    TooManyStatements { max: usize },
    #[error("a team statement is damaged: {0}")]
    Codec(#[from] CodecError),
    #[error("a team statement's signature does not match its issuer: it was altered or forged")]
    BadSignature,
}

pub(crate) fn message(body: &[u8]) -> Vec<u8> {
    let mut m = b"daleel team statement v1".to_vec();
    m.extend(body);
    m
}

impl Signed {
    /// The statement, once its issuer's signature checks.
    pub fn open(&self) -> Result<Statement, TeamError> {
        if self.body.len() > MAX_STATEMENT_BYTES {
            return Err(TeamError::TooLarge {
                max: MAX_STATEMENT_BYTES,
            });
        }
        let statement: Statement = codec::decode_untrusted(&self.body)?;
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(&self.signature[0]);
        sig[32..].copy_from_slice(&self.signature[1]);
        if !crate::model::device::verify(statement.issuer(), &message(&self.body), &sig) {
            return Err(TeamError::BadSignature);
        }
        Ok(statement)
    }

    /// What names the statement in the roster: BLAKE3 of its body.
    pub fn id(&self) -> [u8; 32] {
        *blake3::hash(&self.body).as_bytes()
    }
}

/// Why a change has no effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Refusal {
    /// Its origin's role does not allow it.
    BeyondRole,
    /// Its origin was revoked before it (by sequence number).
    Revoked,
}

impl Refusal {
    pub fn word(self) -> &'static str {
        match self {
            Refusal::BeyondRole => "beyond role",
            Refusal::Revoked => "revoked",
        }
    }
}

/// A member's standing, for lists and the Sync screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Valid,
    Expired,
    Revoked(u64),
}

impl Standing {
    pub fn word(self) -> String {
        match self {
            Standing::Valid => "valid".into(),
            Standing::Expired => "expired".into(),
            Standing::Revoked(n) => format!("revoked after change {n}"),
        }
    }
}

/// What the team's statements say, as this device has seen them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub team: Option<TeamInfo>,
    /// Each member's certificate in force (the latest valid one).
    pub members: BTreeMap<OriginId, Certificate>,
    /// Per revoked device, the last sequence number that still counts.
    pub revoked: BTreeMap<OriginId, u64>,
    /// Who may issue certificates and revocations: the team key and the coordinators it
    /// certified.
    pub authorities: Vec<OriginId>,
}

impl Policy {
    /// The policy of a team given every statement held, each with the changes that
    /// carry it in its issuer's log (`carriers`: origin and sequence number; statements
    /// signed by the team key need none). Statements whose signatures did not check are
    /// not passed in.
    ///
    /// - The team key's statements always count.
    /// - The authorities are the devices whose certificate in force among those the team
    ///   key issued is a coordinator's.
    /// - An authority's statements count while it is not revoked; once it is revoked
    ///   after sequence number N, only those its own log carries at or below N count
    ///   (so a stolen coordinator's laptop can neither undo its revocation nor issue
    ///   anything after it). As revocations decide cut-offs and cut-offs decide which
    ///   revocations count, this is worked out by dropping, round by round, what no
    ///   longer counts, until nothing changes: the result depends only on the
    ///   statements and carriers held.
    /// - The certificate in force for a device is its latest counting one.
    pub fn build(team: Option<TeamInfo>, entries: &[(Statement, Vec<(OriginId, u64)>)]) -> Policy {
        let Some(info) = team else {
            return Policy::default();
        };
        let ours: Vec<&(Statement, Vec<(OriginId, u64)>)> = entries
            .iter()
            .filter(|(s, _)| s.team() == info.key)
            .collect();
        let by_key = |s: &Statement| s.issuer() == info.key;
        let team_certs: Vec<&Statement> = ours
            .iter()
            .map(|(s, _)| s)
            .filter(|s| by_key(s) && matches!(s, Statement::Certificate(_)))
            .collect();
        let authorities: Vec<OriginId> = in_force(&team_certs)
            .into_iter()
            .filter(|c| c.role == Role::Coordinator)
            .map(|c| c.device)
            .chain(std::iter::once(info.key))
            .collect();
        let candidates: Vec<&(Statement, Vec<(OriginId, u64)>)> = ours
            .iter()
            .copied()
            .filter(|(s, _)| by_key(s) || authorities.contains(&s.issuer()))
            .collect();
        let mut counting: Vec<bool> = vec![true; candidates.len()];
        let cut_offs = |counting: &[bool]| {
            let mut cut: BTreeMap<OriginId, u64> = BTreeMap::new();
            for ((s, _), on) in candidates.iter().zip(counting) {
                if let (Statement::Revocation(r), true) = (s, on) {
                    let c = cut.entry(r.device).or_insert(r.after_seq);
                    *c = (*c).min(r.after_seq);
                }
            }
            cut
        };
        loop {
            let cut = cut_offs(&counting);
            let next: Vec<bool> = candidates
                .iter()
                .zip(&counting)
                .map(|((s, carriers), on)| {
                    *on && (by_key(s)
                        || match cut.get(&s.issuer()) {
                            None => true,
                            Some(n) => carriers.iter().any(|(o, seq)| *o == s.issuer() && seq <= n),
                        })
                })
                .collect();
            if next == counting {
                break;
            }
            counting = next;
        }
        let revoked = cut_offs(&counting);
        let certs: Vec<&Statement> = candidates
            .iter()
            .zip(&counting)
            .filter(|(_, on)| **on)
            .map(|((s, _), _)| s)
            .filter(|s| matches!(s, Statement::Certificate(_)))
            .collect();
        Policy {
            team: Some(info),
            members: in_force(&certs)
                .into_iter()
                .map(|c| (c.device, c))
                .collect(),
            revoked,
            authorities,
        }
    }

    pub fn in_team(&self) -> bool {
        self.team.is_some()
    }

    pub fn member(&self, origin: OriginId) -> Option<&Certificate> {
        self.members.get(&origin)
    }

    pub fn is_authority(&self, origin: OriginId) -> bool {
        self.authorities.contains(&origin) && !self.revoked.contains_key(&origin)
    }

    pub fn standing(&self, origin: OriginId, today: Date) -> Standing {
        if let Some(n) = self.revoked.get(&origin) {
            return Standing::Revoked(*n);
        }
        match self.members.get(&origin).and_then(|c| c.expires) {
            Some(day) if day < today => Standing::Expired,
            _ => Standing::Valid,
        }
    }

    /// Whether a change has no effect, and why, judged from its envelope alone: a
    /// revoked origin's change past its cut-off, or a kind of change its origin's role
    /// does not allow. (A partner's step is judged further where its referral is known:
    /// `allows_partner_step`.) A device with no certificate (trusted pair-wise, or no team
    /// at all) is fully trusted.
    pub fn refuses(&self, envelope: &Envelope) -> Option<Refusal> {
        if self
            .revoked
            .get(&envelope.origin)
            .is_some_and(|cut| envelope.seq > *cut)
        {
            return Some(Refusal::Revoked);
        }
        let cert = self.members.get(&envelope.origin)?;
        let allowed = match cert.role {
            Role::Coordinator => true,
            Role::Outreach => {
                matches!(
                    envelope.entity.kind.as_str(),
                    "household" | "need" | "referral"
                ) && envelope.kind != KIND_RESOLVE
            }
            Role::Partner => envelope.entity.kind == "referral" && envelope.kind == KIND_STEP,
        };
        (!allowed).then_some(Refusal::BeyondRole)
    }

    /// Whether a partner's step may move a referral: only one addressed to the partner's
    /// organization, and only to accepted, rejected or completed, or a note. None when
    /// the origin is not a partner (nothing more to check).
    pub fn allows_partner_step(
        &self,
        origin: OriginId,
        referral_org: Uuid,
        step: &crate::model::Step,
    ) -> Option<bool> {
        use crate::model::ReferralStatus as S;
        let cert = self.members.get(&origin)?;
        if cert.role != Role::Partner {
            return None;
        }
        let to_ok = step.is_note() || matches!(step.to, S::Accepted | S::Rejected | S::Completed);
        Some(cert.org_id == Some(referral_org) && to_ok)
    }

    /// The age recipients of the team's devices that may receive full team bundles:
    /// every member except partners and revoked devices.
    pub fn team_recipients(&self, me: OriginId) -> Vec<(OriginId, String)> {
        self.members
            .values()
            .filter(|c| c.device != me && c.role != Role::Partner)
            .filter(|c| !self.revoked.contains_key(&c.device))
            .map(|c| (c.device, c.recipient.clone()))
            .collect()
    }

    /// Whether the two policies judge the changes of `origin` alike.
    pub fn same_for(&self, other: &Policy, origin: OriginId) -> bool {
        let judge = |p: &Policy| {
            (
                p.members.get(&origin).map(|c| (c.role, c.org_id)),
                p.revoked.get(&origin).copied(),
            )
        };
        judge(self) == judge(other)
    }
}

/// The certificate in force per device among `certs`: the latest issued (ties broken by
/// the statement's hash, so that every device picks the same).
fn in_force(certs: &[&Statement]) -> Vec<Certificate> {
    let mut best: BTreeMap<OriginId, (Timestamp, [u8; 32], Certificate)> = BTreeMap::new();
    for s in certs {
        if let Statement::Certificate(c) = s {
            let tie = *blake3::hash(&codec::encode(*s).unwrap_or_default()).as_bytes();
            let rank = (c.issued_at, tie);
            match best.get(&c.device) {
                Some((at, h, _)) if (*at, *h) >= rank => {}
                _ => {
                    best.insert(c.device, (rank.0, rank.1, c.clone()));
                }
            }
        }
    }
    best.into_values().map(|(_, _, c)| c).collect()
}

/// A member as lists show it, on one line whatever its name holds.
pub fn describe(c: &Certificate) -> String {
    use crate::model::text::one_line;
    format!(
        "{} {} \"{}\" {} {}{}",
        device_code(c.device),
        fingerprint(c.device),
        one_line(&c.name),
        c.role.code(),
        one_line(&c.org),
        if c.sensitive { " sensitive" } else { "" }
    )
}
