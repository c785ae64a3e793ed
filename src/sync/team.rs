//! Team files and saved team keys: what `team approve` writes and `team join` reads, and
//! the team key kept apart under a passphrase. The team's data and the policy it gives
//! are in the model (`model::team`); signing a statement, which needs a device's or the
//! team's secret key, is here.

use serde::{Deserialize, Serialize};

pub use crate::model::team::*;

use super::identity::Identity;
use crate::codec::{self, CodecError, Versioned};
use crate::model::change::OriginId;

impl Signed {
    /// Signs a statement with the issuer's key (the team key or a coordinator device's).
    pub fn sign(issuer: &Identity, statement: &Statement) -> Result<Signed, CodecError> {
        let body = codec::encode(statement)?;
        let sig = issuer.sign(&message(&body));
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        a.copy_from_slice(&sig[..32]);
        b.copy_from_slice(&sig[32..]);
        Ok(Signed {
            body,
            signature: [a, b],
        })
    }
}

/// The first bytes of a team file (what `team approve` writes and `team join` reads).
pub const TEAM_FILE_MAGIC: &[u8; 8] = b"DLTEAM01";
/// The most bytes a team file may have.
pub const TEAM_FILE_MAX_BYTES: u64 = 8 << 20;

/// A team file: the team, and the statements the approving coordinator holds (the new
/// certificate among them), for the device named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamFile {
    pub team: TeamInfo,
    pub device: OriginId,
    pub statements: Vec<Signed>,
}

impl Versioned for TeamFile {
    const VERSION: u8 = 1;
}

impl TeamFile {
    pub fn write(&self) -> Result<Vec<u8>, CodecError> {
        let body = codec::encode(self)?;
        let mut out = TEAM_FILE_MAGIC.to_vec();
        out.extend((body.len() as u64).to_le_bytes());
        out.extend(body);
        Ok(out)
    }

    pub fn read(bytes: &[u8]) -> Result<TeamFile, TeamError> {
        if bytes.len() as u64 > TEAM_FILE_MAX_BYTES {
            return Err(TeamError::FileTooLarge {
                max: TEAM_FILE_MAX_BYTES,
            });
        }
        let rest = bytes
            .strip_prefix(TEAM_FILE_MAGIC.as_slice())
            .ok_or(TeamError::NotATeamFile)?;
        let (len, body) = rest.split_first_chunk::<8>().ok_or(TeamError::CutShort)?;
        if u64::from_le_bytes(*len) != body.len() as u64 {
            return Err(TeamError::LengthMismatch);
        }
        let file: TeamFile = codec::decode_untrusted(body)?;
        if file.statements.len() > MAX_STATEMENTS {
            return Err(TeamError::TooManyStatements {
                max: MAX_STATEMENTS,
            });
        }
        Ok(file)
    }
}

/// The first bytes of a saved team key, inside its passphrase encryption.
const TEAM_KEY_MAGIC: &[u8; 8] = b"DLTKEY01";

/// A team key for safekeeping: the team's name and secret, encrypted under a passphrase
/// in the age format (scrypt), so that `age -d` opens it too.
pub fn seal_team_key(
    team: &TeamInfo,
    key: &Identity,
    passphrase: &str,
) -> Result<Vec<u8>, std::io::Error> {
    let mut inner = zeroize::Zeroizing::new(TEAM_KEY_MAGIC.to_vec());
    inner.extend(key.secret().as_slice());
    inner.extend(team.name.as_bytes());
    let encryptor = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(
        passphrase.to_string(),
    ));
    let mut out = Vec::new();
    let mut w = encryptor
        .wrap_output(&mut out)
        .map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut w, &inner)?;
    w.finish()?;
    Ok(out)
}

/// Why a saved team key does not open (`open_team_key`).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TeamKeyError {
    #[error("it is not a saved team key (far too large)")]
    TooLarge,
    #[error("it is not a saved team key (not an age file)")]
    NotAgeFile,
    #[error("the passphrase is wrong, or it is not a saved team key")]
    WrongPassphrase,
    #[error("it is not a saved team key")]
    NotATeamKey,
    #[error("the saved team key is damaged")]
    Damaged,
}

/// Opens a saved team key: the team and its key, or what is wrong.
pub fn open_team_key(bytes: &[u8], passphrase: &str) -> Result<(TeamInfo, Identity), TeamKeyError> {
    if bytes.len() > 64 * 1024 {
        return Err(TeamKeyError::TooLarge);
    }
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|_| TeamKeyError::NotAgeFile)?;
    let identity =
        age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.to_string()));
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|_| TeamKeyError::WrongPassphrase)?;
    let mut inner = zeroize::Zeroizing::new(Vec::new());
    std::io::Read::read_to_end(&mut reader, &mut inner).map_err(|_| TeamKeyError::Damaged)?;
    let rest = inner
        .strip_prefix(TEAM_KEY_MAGIC.as_slice())
        .ok_or(TeamKeyError::NotATeamKey)?;
    let (secret, name) = rest
        .split_first_chunk::<32>()
        .ok_or(TeamKeyError::Damaged)?;
    let key = Identity::from_secret(secret);
    let name = String::from_utf8(name.to_vec()).map_err(|_| TeamKeyError::Damaged)?;
    Ok((
        TeamInfo {
            key: key.origin(),
            name,
        },
        key,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use crate::model::change::EntityRef;
    use crate::model::change::{Envelope, KIND_RESOLVE, KIND_STEP};
    use crate::model::clock::Hlc;
    use uuid::Uuid;

    fn cert(team: &Identity, issuer: &Identity, device: OriginId, role: Role, at: i64) -> Signed {
        Signed::sign(
            issuer,
            &Statement::Certificate(Certificate {
                team: team.origin(),
                device,
                name: "laptop".into(),
                recipient: String::new(),
                role,
                org: "NRC".into(),
                org_id: Some(Uuid::from_u128(9)),
                sensitive: false,
                expires: None,
                issued_at: Timestamp(at),
                issuer: issuer.origin(),
            }),
        )
        .expect("sign")
    }

    fn envelope(origin: OriginId, seq: u64, entity: &str, kind: &str) -> Envelope {
        Envelope {
            origin,
            seq,
            hlc: Hlc::default(),
            author: String::new(),
            entity: EntityRef {
                kind: entity.into(),
                id: Uuid::from_u128(1),
            },
            kind: kind.into(),
            replaces: vec![],
            depth: 1,
            payload_hash: [0; 32],
        }
    }

    fn info(team: &Identity) -> Option<TeamInfo> {
        Some(TeamInfo {
            key: team.origin(),
            name: "CRC Mosul".into(),
        })
    }

    #[test]
    fn a_statement_checks_and_every_changed_byte_is_refused() {
        let team = Identity::generate();
        let s = cert(&team, &team, OriginId([3; 32]), Role::Outreach, 1);
        assert!(matches!(s.open(), Ok(Statement::Certificate(_))));
        for i in 0..s.body.len() {
            let mut t = s.clone();
            t.body[i] ^= 1;
            assert!(t.open().is_err(), "byte {i}");
        }
    }

    #[test]
    fn roles_allow_what_the_issue_says() {
        let team = Identity::generate();
        let (o, c, p) = (OriginId([1; 32]), OriginId([2; 32]), OriginId([3; 32]));
        let statements = opened(&[
            (cert(&team, &team, o, Role::Outreach, 1), vec![]),
            (cert(&team, &team, c, Role::Coordinator, 1), vec![]),
            (cert(&team, &team, p, Role::Partner, 1), vec![]),
        ]);
        let policy = Policy::build(info(&team), &statements);
        let fields = crate::model::change::KIND_FIELDS;
        assert_eq!(policy.refuses(&envelope(o, 1, "household", fields)), None);
        assert_eq!(
            policy.refuses(&envelope(o, 1, "service", fields)),
            Some(Refusal::BeyondRole)
        );
        assert_eq!(
            policy.refuses(&envelope(o, 1, "household", KIND_RESOLVE)),
            Some(Refusal::BeyondRole)
        );
        assert_eq!(policy.refuses(&envelope(c, 1, "service", fields)), None);
        assert_eq!(policy.refuses(&envelope(p, 1, "referral", KIND_STEP)), None);
        assert_eq!(
            policy.refuses(&envelope(p, 1, "household", fields)),
            Some(Refusal::BeyondRole)
        );
        // Not a member: trusted pair-wise, fully.
        assert_eq!(
            policy.refuses(&envelope(OriginId([8; 32]), 1, "service", fields)),
            None
        );
        assert_eq!(policy.team_recipients(c).len(), 1, "partners excepted");
    }

    fn revocation(issuer: &Identity, team: &Identity, device: OriginId, after: u64) -> Signed {
        Signed::sign(
            issuer,
            &Statement::Revocation(Revocation {
                team: team.origin(),
                device,
                after_seq: after,
                issued_at: Timestamp(5),
                issuer: issuer.origin(),
            }),
        )
        .expect("sign")
    }

    fn opened(list: &[(Signed, Vec<(OriginId, u64)>)]) -> Vec<(Statement, Vec<(OriginId, u64)>)> {
        list.iter()
            .map(|(s, c)| (s.open().expect("open"), c.clone()))
            .collect()
    }

    #[test]
    fn a_revoked_coordinator_counts_only_for_what_its_log_carries_up_to_its_cut_off() {
        let team = Identity::generate();
        let coordinator = Identity::generate();
        let c = coordinator.origin();
        let (o, before, after, victim) = (
            OriginId([1; 32]),
            OriginId([2; 32]),
            OriginId([3; 32]),
            OriginId([4; 32]),
        );
        let policy = Policy::build(
            info(&team),
            &opened(&[
                (cert(&team, &team, c, Role::Coordinator, 1), vec![]),
                (cert(&team, &team, o, Role::Outreach, 1), vec![]),
                (cert(&team, &team, victim, Role::Outreach, 1), vec![]),
                // Issued by the coordinator at its change 4 and 12.
                (
                    cert(&team, &coordinator, before, Role::Outreach, 2),
                    vec![(c, 4)],
                ),
                (
                    cert(&team, &coordinator, after, Role::Outreach, 3),
                    vec![(c, 12)],
                ),
                // A thief's revocation of everyone, after the cut-off or in no log.
                (revocation(&coordinator, &team, victim, 0), vec![(c, 13)]),
                (revocation(&coordinator, &team, o, 0), vec![]),
                (revocation(&team, &team, c, 10), vec![]),
            ]),
        );
        let fields = crate::model::change::KIND_FIELDS;
        assert_eq!(policy.refuses(&envelope(c, 10, "service", fields)), None);
        assert_eq!(
            policy.refuses(&envelope(c, 11, "service", fields)),
            Some(Refusal::Revoked)
        );
        assert!(
            policy.member(before).is_some(),
            "certified before the cut-off"
        );
        assert!(policy.member(after).is_none(), "certified after it");
        assert!(!policy.revoked.contains_key(&victim) && !policy.revoked.contains_key(&o));
        assert!(!policy.is_authority(c));
        // Before its revocation is known, what it issued counts, carried or not.
        let earlier = Policy::build(
            info(&team),
            &opened(&[
                (cert(&team, &team, c, Role::Coordinator, 1), vec![]),
                (cert(&team, &coordinator, after, Role::Outreach, 3), vec![]),
            ]),
        );
        assert!(earlier.member(after).is_some());
        // Statements of another team count for nothing.
        let other = Identity::generate();
        let foreign = cert(&other, &other, OriginId([5; 32]), Role::Coordinator, 1);
        let p = Policy::build(info(&team), &opened(&[(foreign, vec![])]));
        assert!(p.members.is_empty());
    }

    #[test]
    fn a_demoted_coordinator_issues_nothing_more() {
        let team = Identity::generate();
        let coordinator = Identity::generate();
        let c = coordinator.origin();
        let d = OriginId([9; 32]);
        let policy = Policy::build(
            info(&team),
            &opened(&[
                (cert(&team, &team, c, Role::Coordinator, 1), vec![]),
                (cert(&team, &team, c, Role::Outreach, 2), vec![]),
                (cert(&team, &coordinator, d, Role::Outreach, 3), vec![]),
                // Nor can it make itself a coordinator again.
                (cert(&team, &coordinator, c, Role::Coordinator, 4), vec![]),
            ]),
        );
        assert!(!policy.is_authority(c));
        assert!(policy.member(d).is_none());
        assert_eq!(policy.member(c).map(|m| m.role), Some(Role::Outreach));
    }

    #[test]
    fn the_latest_certificate_of_a_device_is_in_force() {
        let team = Identity::generate();
        let d = OriginId([1; 32]);
        let statements = opened(&[
            (cert(&team, &team, d, Role::Coordinator, 5), vec![]),
            (cert(&team, &team, d, Role::Outreach, 2), vec![]),
        ]);
        let mut reversed = statements.clone();
        reversed.reverse();
        let a = Policy::build(info(&team), &statements);
        assert_eq!(
            a,
            Policy::build(info(&team), &reversed),
            "order does not matter"
        );
        assert_eq!(a.member(d).map(|c| c.role), Some(Role::Coordinator));
    }

    #[test]
    fn a_saved_team_key_opens_with_its_passphrase_only() {
        let key = Identity::generate();
        let team = TeamInfo {
            key: key.origin(),
            name: "CRC Mosul".into(),
        };
        let sealed = seal_team_key(&team, &key, "long passphrase here").expect("seal");
        let (t, k) = open_team_key(&sealed, "long passphrase here").expect("open");
        assert_eq!(t, team);
        assert_eq!(k.origin(), key.origin());
        assert!(open_team_key(&sealed, "wrong").is_err());
        assert!(open_team_key(b"hello", "x").is_err());
    }
}
