//! Setting up a team and enrolling devices (docs/teams.md): what `daleel team ...` and
//! the Sync screen's Team section do, over a workspace.

use std::path::PathBuf;

use uuid::Uuid;

use super::card::Card;
use super::identity::{Identity, fingerprint};
use super::team::{
    Certificate, Policy, Revocation, Role, Signed, Statement, TeamFile, TeamInfo, open_team_key,
    seal_team_key,
};
use crate::model::card::CardError;
use crate::model::team::TeamError;
use crate::model::text::Hidden;
use crate::model::{Date, Organization};
use crate::store::StoreError;
use std::sync::Arc;

use crate::store::Store;
use crate::store::audit::AuditAction;
use crate::store::seal::DataKey;

/// The file name a certificate for the device of `code` goes under on the drive.
pub fn cert_file_name(code: &str) -> String {
    format!("daleel-{code}.cert")
}

/// The team key's file in the data directory (sealed like `device.key`).
pub const TEAM_KEY_FILE: &str = "team.key";

/// Why a team command (`daleel team ...`, the Sync screen's Team section) did nothing.
#[derive(Debug, thiserror::Error)]
pub enum TeamOpError {
    #[error("give the team a name of 1 to 60 characters")]
    TeamNameLength,
    /// A name or organization typed here holds a hidden character.
    #[error("{what} {hidden}: {}", crate::model::text::ADVICE)]
    Hidden { what: TeamText, hidden: Hidden },
    #[error(
        "this laptop already belongs to the team \"{name}\" (key {fingerprint}): a laptop belongs to one team"
    )]
    OtherTeam { name: String, fingerprint: String },
    /// A saved team key of another team than the one this laptop belongs to.
    #[error("this laptop already belongs to another team, \"{current}\"")]
    KeyOfOtherTeam { current: String },
    #[error("this laptop is in no team")]
    NoTeam,
    /// No team to approve a device into.
    #[error("this laptop is in no team: make one with daleel team init")]
    NoTeamYet,
    #[error(
        "this laptop does not hold the team key (only the laptop that made the team, or one it was restored on, does)"
    )]
    NoTeamKey,
    #[error("could not seal the team key: {0}")]
    SealKey(std::io::Error),
    /// This laptop's request (its identity card) could not be written.
    #[error("{0}")]
    Card(#[from] CardError),
    /// Approving and revoking take the team key, or a coordinator it certified.
    #[error("only a coordinator's laptop certified with the team key approves and revokes devices")]
    NotAuthority,
    #[error(
        "the request comes from an older Daleel that cannot receive encrypted bundles: update it and make a new request"
    )]
    OldRequest,
    #[error("that device was revoked: it cannot be certified again; make it a new identity")]
    Revoked,
    #[error("give the device's organization (--org)")]
    NoOrg,
    /// A partner's organization must be one of the service directory's.
    #[error(
        "no organization \"{org}\" in the service directory: a partner answers the referrals addressed to its organization, so it must be one of the directory's (give its acronym)"
    )]
    UnknownOrg { org: String },
    #[error("the expiry date has passed already")]
    Expired,
    /// A team file that does not read.
    #[error("{0}")]
    File(#[from] TeamError),
    #[error("this certificate is for another device ({certified}): this laptop is {this}")]
    OtherDevice { certified: String, this: String },
    #[error("the file holds no valid certificate for this laptop")]
    NoCertificate,
    /// What a team file would have `team join` show holds a hidden character.
    #[error(
        "{what} {hidden}, which could disguise the lines shown around it: refused; ask the coordinator for a new certificate"
    )]
    HiddenInFile { what: TeamText, hidden: Hidden },
    #[error("a laptop does not revoke itself: revoke it from another coordinator's laptop")]
    RevokeSelf,
    #[error(
        "this laptop holds no change from that device: say from which change on its changes stop counting with --after-seq N (0: all of them)"
    )]
    NothingHeld,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Identity(#[from] super::identity::IdentityError),
    #[error("{0}")]
    Codec(#[from] crate::codec::CodecError),
    #[error(transparent)]
    TeamKey(#[from] super::team::TeamKeyError),
}

/// Which text of a team's a `TeamOpError::Hidden` or `HiddenInFile` is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamText {
    /// The team's name (given to a new team, or in a team file).
    TeamName,
    /// The organization a device is approved for.
    Organization,
    /// The organization of this laptop's certificate, in a team file.
    CertificateOrg,
    /// This laptop's name in its certificate, in a team file.
    CertificateName,
}

impl std::fmt::Display for TeamText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TeamText::TeamName => "the team's name",
            TeamText::Organization => "the organization",
            TeamText::CertificateOrg => "the organization of this laptop's certificate",
            TeamText::CertificateName => "this laptop's name in its certificate",
        })
    }
}

/// What a coordinator decides when approving a request.
#[derive(Debug, Clone)]
pub struct Approval {
    pub role: Role,
    pub org: String,
    pub sensitive: bool,
    pub expires: Option<Date>,
}

/// What team commands work on: the store, this device's key, the data directory (the
/// team key's file) and the data key it is sealed under. Cheap to clone, and usable from
/// the screens' worker threads.
#[derive(Clone)]
pub struct TeamHandle {
    pub store: Arc<Store>,
    pub identity: Arc<Identity>,
    pub dir: PathBuf,
    pub key: Option<DataKey>,
}

impl TeamHandle {
    fn key_path(&self) -> PathBuf {
        self.dir.join(TEAM_KEY_FILE)
    }

    /// The team key, when this laptop holds it.
    pub fn team_key(&self) -> Result<Option<Identity>, TeamOpError> {
        let Some(team) = self.store.team()? else {
            return Ok(None);
        };
        let key = Identity::load_file(&self.key_path(), self.key.as_ref())?;
        // A key file of another team (left from an earlier one) is not this team's key.
        Ok(key.filter(|k| k.origin() == team.key))
    }

    /// This device's certificate, signed by `issuer`.
    fn own_certificate(
        &self,
        team: &TeamInfo,
        issuer: &Identity,
        role: Role,
        org: &str,
        sensitive: bool,
    ) -> Result<Signed, TeamOpError> {
        let cert = Certificate {
            team: team.key,
            device: self.identity.origin(),
            name: self.store.device_name()?,
            recipient: self.identity.age_recipient(),
            role,
            org: org.to_string(),
            org_id: self.find_org(org)?.map(|o| o.id),
            sensitive,
            expires: None,
            issued_at: self.store.now(),
            issuer: issuer.origin(),
        };
        Ok(Signed::sign(issuer, &Statement::Certificate(cert))?)
    }

    /// `team init`: a new team key, kept sealed in the data directory, and this laptop
    /// certified as the team's first coordinator.
    pub fn init(&self, name: &str, org: &str, sensitive: bool) -> Result<TeamInfo, TeamOpError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            return Err(TeamOpError::TeamNameLength);
        }
        if let Some(hidden) = Hidden::find(name) {
            return Err(TeamOpError::Hidden {
                what: TeamText::TeamName,
                hidden,
            });
        }
        if let Some(team) = self.store.team()? {
            return Err(TeamOpError::OtherTeam {
                fingerprint: team.fingerprint(),
                name: team.name,
            });
        }
        let key = Identity::generate();
        let team = TeamInfo {
            key: key.origin(),
            name: name.to_string(),
        };
        key.save(&self.key_path(), self.key.as_ref())?;
        let cert = self.own_certificate(&team, &key, Role::Coordinator, org, sensitive)?;
        self.store.join_team(&team, &[cert])?;
        tracing::info!("team made");
        self.store
            .audit(AuditAction::TeamInit, None, "a new team key", 1)?;
        Ok(team)
    }

    /// `team save-key`: the team key under a passphrase, for safekeeping.
    pub fn save_key(&self, passphrase: &str) -> Result<Vec<u8>, TeamOpError> {
        let team = self.store.team()?.ok_or(TeamOpError::NoTeam)?;
        let key = self.team_key()?.ok_or(TeamOpError::NoTeamKey)?;
        let sealed = seal_team_key(&team, &key, passphrase).map_err(TeamOpError::SealKey)?;
        self.store.audit(
            AuditAction::TeamSaveKey,
            None,
            "the team key, sealed under a passphrase",
            1,
        )?;
        Ok(sealed)
    }

    /// `team init --from-key FILE`: takes a saved team key onto this laptop (a coordinator's
    /// laptop was lost), and certifies this laptop as a coordinator with it.
    pub fn restore_key(
        &self,
        bytes: &[u8],
        passphrase: &str,
        org: &str,
        sensitive: bool,
    ) -> Result<TeamInfo, TeamOpError> {
        let (team, key) = open_team_key(bytes, passphrase)?;
        if let Some(current) = self.store.team()?
            && current.key != team.key
        {
            return Err(TeamOpError::KeyOfOtherTeam {
                current: current.name,
            });
        }
        key.save(&self.key_path(), self.key.as_ref())?;
        let cert = self.own_certificate(&team, &key, Role::Coordinator, org, sensitive)?;
        self.store.join_team(&team, &[cert])?;
        tracing::info!("team key restored");
        self.store.audit(
            AuditAction::TeamInit,
            None,
            "the team key from a saved file",
            1,
        )?;
        Ok(team)
    }

    /// After a restore that brought the team key: certifies this laptop (a new identity)
    /// as a coordinator with it, with the organization and sensitive-case permission of
    /// the laptop backed up (`old`). Nothing when the key is not this team's.
    pub fn certify_restored(
        &self,
        key: &Identity,
        old: crate::model::change::OriginId,
    ) -> Result<Option<TeamInfo>, TeamOpError> {
        let Some(team) = self.store.team()? else {
            return Ok(None);
        };
        if key.origin() != team.key {
            return Ok(None);
        }
        let policy = self.store.policy();
        let (org, sensitive) = policy
            .member(old)
            .map(|c| (c.org.clone(), c.sensitive))
            .unwrap_or_default();
        let cert = self.own_certificate(&team, key, Role::Coordinator, &org, sensitive)?;
        self.store.join_team(&team, &[cert])?;
        tracing::info!("restored laptop certified with the team key");
        Ok(Some(team))
    }

    /// This laptop's request to join a team (its signed identity card), with the file
    /// name it goes under on the drive.
    pub fn request(&self) -> Result<(String, Vec<u8>), TeamOpError> {
        let name = self.store.device_name()?;
        let bytes = Card::write(&self.identity, &name, self.store.now())?;
        Ok((
            format!("daleel-{}-request.card", self.identity.code()),
            bytes,
        ))
    }

    /// The organization of the directory named `name` (its acronym or name, any case).
    pub fn find_org(&self, name: &str) -> Result<Option<Organization>, TeamOpError> {
        let wanted = name.trim().to_lowercase();
        for org in self.store.organizations()? {
            if org.acronym.to_lowercase() == wanted || org.name.to_lowercase() == wanted {
                return Ok(Some(org));
            }
        }
        Ok(None)
    }

    /// Who signs this laptop's team statements: the team key when it holds it, else this
    /// device when the team key certified it as a coordinator.
    fn issuer(&self, policy: &Policy) -> Result<Arc<Identity>, TeamOpError> {
        if let Some(key) = self.team_key()? {
            return Ok(Arc::new(key));
        }
        if policy.is_authority(self.identity.origin()) {
            return Ok(self.identity.clone());
        }
        Err(TeamOpError::NotAuthority)
    }

    /// Puts a statement this laptop signed in force: one signed by the team key joins
    /// the roster; one signed by this device's key is also committed to its change log
    /// (so that its revocation, should it come, cuts what it signed after).
    fn publish(&self, key: &Identity, signed: &Signed) -> Result<(), TeamOpError> {
        if key.origin() == self.identity.origin() {
            let before = self.store.policy();
            let worker = self.store.current_worker()?.unwrap_or_default();
            self.store
                .apply(&worker, &[crate::store::Edit::Statement(signed.clone())])?;
            self.store.settle_policy(&before)?;
        } else {
            self.store.add_statement(signed)?;
        }
        Ok(())
    }

    /// `team approve`: certifies the device of a request with a role and an organization.
    /// Returns the team file for that device (its certificate and every statement this
    /// laptop holds) and the certificate.
    pub fn approve(
        &self,
        request: &Card,
        approval: &Approval,
    ) -> Result<(Vec<u8>, Certificate), TeamOpError> {
        let team = self.store.team()?.ok_or(TeamOpError::NoTeamYet)?;
        let policy = self.store.policy();
        let key = self.issuer(&policy)?;
        if request.recipient.is_empty() {
            return Err(TeamOpError::OldRequest);
        }
        if policy.revoked.contains_key(&request.origin) {
            return Err(TeamOpError::Revoked);
        }
        let org = approval.org.trim();
        if org.is_empty() {
            return Err(TeamOpError::NoOrg);
        }
        if let Some(hidden) = Hidden::find(org) {
            return Err(TeamOpError::Hidden {
                what: TeamText::Organization,
                hidden,
            });
        }
        let org_id: Option<Uuid> = self.find_org(org)?.map(|o| o.id);
        if approval.role == Role::Partner && org_id.is_none() {
            return Err(TeamOpError::UnknownOrg {
                org: org.to_string(),
            });
        }
        if let Some(day) = approval.expires
            && day < self.store.now().date()
        {
            return Err(TeamOpError::Expired);
        }
        let cert = Certificate {
            team: team.key,
            device: request.origin,
            name: request.name.clone(),
            recipient: request.recipient.clone(),
            role: approval.role,
            org: org.to_string(),
            org_id,
            sensitive: approval.sensitive,
            expires: approval.expires,
            issued_at: self.store.now(),
            // A coordinator approved with the team key can approve and revoke in turn.
            issuer: key.origin(),
        };
        let signed = Signed::sign(&key, &Statement::Certificate(cert.clone()))?;
        self.publish(&key, &signed)?;
        let file = TeamFile {
            team,
            device: request.origin,
            statements: self.store.roster()?,
        };
        tracing::info!(role = approval.role.code(), "device approved");
        self.store.audit(
            AuditAction::TeamApprove,
            None,
            &format!(
                "device {} as {} of {}",
                super::identity::device_code(request.origin),
                approval.role.code(),
                org
            ),
            1,
        )?;
        Ok((file.write()?, cert))
    }

    /// What `team join` reads from a team file before asking: the team and this device's
    /// certificate in it.
    pub fn read_for_me(&self, bytes: &[u8]) -> Result<(TeamFile, Certificate), TeamOpError> {
        let file = TeamFile::read(bytes)?;
        if file.device != self.identity.origin() {
            return Err(TeamOpError::OtherDevice {
                certified: fingerprint(file.device),
                this: self.identity.fingerprint(),
            });
        }
        let statements: Vec<(Statement, Vec<_>)> = file
            .statements
            .iter()
            .filter_map(|s| s.open().ok())
            .map(|s| (s, Vec::new()))
            .collect();
        let policy = Policy::build(Some(file.team.clone()), &statements);
        let cert = policy
            .member(self.identity.origin())
            .cloned()
            .ok_or(TeamOpError::NoCertificate)?;
        // What `team join` shows beside the team key's fingerprint came from another
        // laptop (the team's name is not even signed): hostile input until checked.
        for (what, value) in [
            (TeamText::TeamName, &file.team.name),
            (TeamText::CertificateOrg, &cert.org),
            (TeamText::CertificateName, &cert.name),
        ] {
            if let Some(hidden) = Hidden::find(value) {
                return Err(TeamOpError::HiddenInFile { what, hidden });
            }
        }
        if let Some(current) = self.store.team()?
            && current.key != file.team.key
        {
            return Err(TeamOpError::OtherTeam {
                fingerprint: current.fingerprint(),
                name: current.name,
            });
        }
        Ok((file, cert))
    }

    /// `team join`: this laptop joins the team of a certificate made for it.
    pub fn join(&self, file: &TeamFile) -> Result<(), TeamOpError> {
        self.store.join_team(&file.team, &file.statements)?;
        tracing::info!("joined a team");
        self.store.audit(
            AuditAction::TeamJoin,
            None,
            &format!("team key {}", file.team.fingerprint()),
            file.statements.len() as u64,
        )?;
        Ok(())
    }

    /// `team revoke`: the device's changes numbered above `after_seq` stop counting, on this
    /// laptop now and on every laptop the revocation reaches. Without `after_seq`, the
    /// highest this laptop holds from it.
    pub fn revoke(
        &self,
        device: super::super::model::change::OriginId,
        after_seq: Option<u64>,
    ) -> Result<Revocation, TeamOpError> {
        let team = self.store.team()?.ok_or(TeamOpError::NoTeam)?;
        let policy = self.store.policy();
        let key = self.issuer(&policy)?;
        if device == self.identity.origin() {
            return Err(TeamOpError::RevokeSelf);
        }
        let after_seq = match after_seq {
            Some(n) => n,
            None => match self.store.held(device)? {
                0 => {
                    return Err(TeamOpError::NothingHeld);
                }
                n => n,
            },
        };
        let revocation = Revocation {
            team: team.key,
            device,
            after_seq,
            issued_at: self.store.now(),
            issuer: key.origin(),
        };
        let signed = Signed::sign(&key, &Statement::Revocation(revocation.clone()))?;
        self.publish(&key, &signed)?;
        tracing::info!(after_seq, "device revoked");
        self.store.audit(
            AuditAction::TeamRevoke,
            None,
            &format!(
                "device {} after its change {after_seq}",
                super::identity::device_code(device)
            ),
            1,
        )?;
        Ok(revocation)
    }

    /// The device a fingerprint names among the team's members (dashes and case do not
    /// matter).
    pub fn member_by_fingerprint(&self, fp: &str) -> Option<Certificate> {
        let wanted = crate::store::trust::normalized(fp);
        self.store
            .policy()
            .members
            .values()
            .find(|c| crate::store::trust::normalized(&fingerprint(c.device)) == wanted)
            .cloned()
    }
}
