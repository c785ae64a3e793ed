//! `daleel team`: a team key, device certificates, revocation (docs/teams.md).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, ask, confirm, read_passphrase_file, shown, write_atomic};
use crate::model::Date;
use crate::sync::card::{CARD_MAX_BYTES, Card};
use crate::sync::enrol::Approval;
use crate::sync::identity::{device_code, fingerprint};
use crate::sync::team::{Role, TEAM_FILE_MAX_BYTES, describe};
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct TeamArgs {
    #[command(subcommand)]
    command: TeamCommand,
}

#[derive(Debug, Subcommand)]
enum TeamCommand {
    /// Make a team on the coordinator's laptop: a team key, and this laptop certified as
    /// its first coordinator. With --from-key, take a saved team key onto this laptop.
    Init(InitArgs),
    /// Save the team key, encrypted under a passphrase, for safekeeping.
    SaveKey(SaveKeyArgs),
    /// Write this laptop's request to join a team, for the coordinator to approve.
    Request(RequestArgs),
    /// Certify the device of a request with a role and an organization.
    Approve(ApproveArgs),
    /// Join the team of a certificate made for this laptop.
    Join(JoinArgs),
    /// Revoke a device: its changes after a sequence number have no effect anywhere.
    Revoke(RevokeArgs),
    /// The team's devices, their roles and standing.
    List(ListArgs),
    /// The changes kept with no effect (beyond their device's role, or revoked).
    Changes(ChangesArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The team's name, for example "CRC Mosul".
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// This laptop's organization.
    #[arg(long, value_name = "ORG", default_value = "CRC")]
    org: String,
    /// A team key saved with daleel team save-key (a coordinator's laptop was lost).
    #[arg(long, value_name = "FILE")]
    from_key: Option<PathBuf>,
    /// A file holding the saved team key's passphrase.
    #[arg(long, value_name = "FILE")]
    key_passphrase_file: Option<PathBuf>,
    /// This laptop may read gender-based violence and child protection cases.
    #[arg(long)]
    sensitive: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct SaveKeyArgs {
    /// The file to write, or a folder.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// A file holding the passphrase (else asked on the terminal).
    #[arg(long, value_name = "FILE")]
    key_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RequestArgs {
    /// The folder (USB drive) or file to write.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct ApproveArgs {
    /// The request file.
    request: PathBuf,
    /// outreach, coordinator or partner.
    #[arg(long, value_name = "ROLE")]
    role: String,
    /// The device's organization (a partner's must be in the service directory).
    #[arg(long, value_name = "ORG")]
    org: String,
    /// May read gender-based violence and child protection cases.
    #[arg(long)]
    sensitive: bool,
    /// The last day the certificate is valid (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    expires: Option<String>,
    /// The folder (USB drive) or file to write the certificate to.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct JoinArgs {
    /// The certificate file.
    cert: PathBuf,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct RevokeArgs {
    /// Its fingerprint, as daleel team list shows it.
    fingerprint: String,
    /// Its last change that still counts (default: the highest this laptop holds).
    #[arg(long, value_name = "N")]
    after_seq: Option<u64>,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Print one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ChangesArgs {
    /// Print one JSON array on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: &TeamArgs) -> Result<(), Failure> {
    match &args.command {
        TeamCommand::Init(a) => init(ws, a),
        TeamCommand::SaveKey(a) => save_key(ws, a),
        TeamCommand::Request(a) => request(ws, a),
        TeamCommand::Approve(a) => approve(ws, a),
        TeamCommand::Join(a) => join(ws, a),
        TeamCommand::Revoke(a) => revoke(ws, a),
        TeamCommand::List(a) => list(ws, a),
        TeamCommand::Changes(a) => changes(ws, a),
    }
}

/// A file's bytes, refused before reading when larger than `limit`.
fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Failure> {
    crate::disk::read_regular(path, limit).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Failure(format!("{e}: it is not {what}")),
        _ => Failure(format!("cannot read {}: {e}", path.display())),
    })
}

fn init(ws: &Workspace, args: &InitArgs) -> Result<(), Failure> {
    let (org, sensitive, yes) = (args.org.as_str(), args.sensitive, args.yes);
    let team = match &args.from_key {
        Some(file) => {
            let bytes = read_limited(file, 64 * 1024, "a saved team key")?;
            let passphrase = match &args.key_passphrase_file {
                Some(f) => read_passphrase_file(f)?,
                None if super::on_terminal() => ask::secret("The team key's passphrase: ")?,
                None => {
                    return Err(Failure(
                        "no terminal to type the team key's passphrase on: give it with --key-passphrase-file FILE".into(),
                    ));
                }
            };
            confirm(
                "Take this team key onto this laptop and certify it as a coordinator?",
                yes,
            )?;
            ws.team().restore_key(&bytes, &passphrase, org, sensitive)?
        }
        None => {
            let name = args.name.as_deref().ok_or_else(|| {
                Failure("name the team with --name (for example \"CRC Mosul\")".into())
            })?;
            confirm(
                &format!(
                    "Make the team \"{name}\" with this laptop as its first coordinator? Its team key stays on this laptop; keep a copy with daleel team save-key."
                ),
                yes,
            )?;
            ws.team().init(name, org, sensitive)?
        }
    };
    println!("{}", team.fingerprint());
    eprintln!(
        "This laptop ({}) is a coordinator of the team \"{}\". Team key fingerprint: {} (devices that join compare it).",
        ws.identity.code(),
        shown(&team.name),
        team.fingerprint()
    );
    Ok(())
}

fn save_key(ws: &Workspace, args: &SaveKeyArgs) -> Result<(), Failure> {
    let passphrase =
        super::workers::new_passphrase(args.key_passphrase_file.as_deref(), "the saved team key")?;
    let bytes = ws.team().save_key(&passphrase)?;
    let path = super::out_file(&args.out, "daleel-team.teamkey", &["teamkey"])?;
    super::write_private(&path, &bytes)?;
    tracing::warn!("team key saved for safekeeping");
    println!("{}", path.display());
    eprintln!(
        "Wrote the team key, encrypted under the passphrase. Keep the file and the passphrase apart, somewhere safe: with both, anyone can certify devices into the team."
    );
    Ok(())
}

fn request(ws: &Workspace, args: &RequestArgs) -> Result<(), Failure> {
    let code = ws.identity.code();
    let (name, bytes) = ws.team().request()?;
    let path = super::out_file(&args.out, &name, &["card"])?;
    write_atomic(&path, &bytes)?;
    println!("{}", path.display());
    eprintln!(
        "Wrote the request of {code} (fingerprint {}). Carry it to the coordinator, and compare the fingerprint with them.",
        ws.identity.fingerprint()
    );
    Ok(())
}

fn approve(ws: &Workspace, args: &ApproveArgs) -> Result<(), Failure> {
    let (role, org, sensitive) = (args.role.as_str(), args.org.as_str(), args.sensitive);
    let request = args.request.as_path();
    let role = Role::from_code(role)
        .ok_or_else(|| Failure(format!("no role \"{role}\": give one of {}", Role::codes())))?;
    let expires =
        match &args.expires {
            Some(text) => Some(Date::parse(text).ok_or_else(|| {
                Failure(format!("\"{text}\" is not a date: give it as YYYY-MM-DD"))
            })?),
            None => None,
        };
    let bytes = read_limited(request, CARD_MAX_BYTES, "a request")?;
    let card = Card::read(&bytes)
        .map_err(|e| Failure(format!("{}: {e}; nothing was changed", request.display())))?;
    eprintln!(
        "Device:      {}",
        if card.name.is_empty() {
            "(no name)".into()
        } else {
            shown(&card.name)
        }
    );
    eprintln!("Code:        {}", card.code());
    eprintln!("Fingerprint: {}", card.fingerprint());
    confirm(
        &format!(
            "Certify {} ({}) as {} of {org}{}{}? Compare the fingerprint with the laptop's owner first.",
            card.code(),
            card.fingerprint(),
            role.label(),
            if sensitive {
                ", allowed to read GBV and child protection cases"
            } else {
                ""
            },
            expires.map(|d| format!(", until {d}")).unwrap_or_default()
        ),
        args.yes,
    )?;
    let approval = Approval {
        role,
        org: org.to_string(),
        sensitive,
        expires,
    };
    let (file, cert) = ws.team().approve(&card, &approval)?;
    let path = super::out_file(
        &args.out,
        &crate::sync::enrol::cert_file_name(&card.code()),
        &["cert"],
    )?;
    write_atomic(&path, &file)?;
    println!("{}", path.display());
    eprintln!(
        "Certified {} as {} of {}. Carry the certificate to that laptop: daleel team join {}",
        device_code(cert.device),
        cert.role.label(),
        shown(&cert.org),
        path.display()
    );
    Ok(())
}

fn join(ws: &Workspace, args: &JoinArgs) -> Result<(), Failure> {
    let cert = args.cert.as_path();
    let bytes = read_limited(cert, TEAM_FILE_MAX_BYTES, "a certificate")?;
    let (file, mine) = ws
        .team()
        .read_for_me(&bytes)
        .map_err(|e| Failure(format!("{}: {e}; nothing was changed", cert.display())))?;
    eprintln!("Team:        {}", shown(&file.team.name));
    eprintln!("Team key:    {}", file.team.fingerprint());
    eprintln!("Role:        {} of {}", mine.role.label(), shown(&mine.org));
    confirm(
        &format!(
            "Join the team \"{}\"? Compare the team key's fingerprint with the coordinator first.",
            shown(&file.team.name)
        ),
        args.yes,
    )?;
    ws.team().join(&file)?;
    let members = ws.store.policy().members.len();
    eprintln!(
        "This laptop is now {} of {} in the team \"{}\" ({members} devices known). Its bundles go to the team's devices.",
        mine.role.label(),
        shown(&mine.org),
        shown(&file.team.name)
    );
    Ok(())
}

fn revoke(ws: &Workspace, args: &RevokeArgs) -> Result<(), Failure> {
    let (fp, after_seq) = (args.fingerprint.as_str(), args.after_seq);
    let device = match ws.team().member_by_fingerprint(fp) {
        Some(cert) => cert.device,
        None => ws
            .store
            .trusted_by_fingerprint(fp)?
            .map(|d| d.origin)
            .ok_or_else(|| {
                Failure(format!(
                    "no device of the team has the fingerprint {fp}: see daleel team list"
                ))
            })?,
    };
    let shown_after = match after_seq {
        Some(n) => n,
        None => match ws.store.held(device)? {
            0 => {
                return Err(Failure(
                    "this laptop holds no change from that device: say from which change on its changes stop counting with --after-seq N (0: none of them count)".into(),
                ));
            }
            n => n,
        },
    };
    confirm(
        &format!(
            "Revoke {} ({})? Its changes after number {shown_after} will have no effect, here and on every laptop this reaches.",
            device_code(device),
            fingerprint(device)
        ),
        args.yes,
    )?;
    let r = ws.team().revoke(device, after_seq)?;
    eprintln!(
        "Revoked {} after its change {}. The revocation travels in this laptop's next bundles.",
        device_code(r.device),
        r.after_seq
    );
    Ok(())
}

fn list(ws: &Workspace, args: &ListArgs) -> Result<(), Failure> {
    let json = args.json;
    let policy = ws.store.policy();
    let today = ws.store.now().date();
    let Some(team) = &policy.team else {
        if json {
            println!("{}", serde_json::json!({"team": null, "members": []}));
        } else {
            eprintln!(
                "This laptop is in no team. A coordinator makes one with daleel team init; a laptop joins with daleel team request and daleel team join."
            );
        }
        return Ok(());
    };
    let (beyond, revoked) = ws.store.ineffective_counts()?;
    if json {
        let members: Vec<serde_json::Value> = policy
            .members
            .values()
            .map(|c| {
                serde_json::json!({
                    "code": device_code(c.device),
                    "fingerprint": fingerprint(c.device),
                    "name": c.name,
                    "role": c.role.code(),
                    "org": c.org,
                    "sensitive": c.sensitive,
                    "expires": c.expires.map(|d| d.to_string()),
                    "standing": policy.standing(c.device, today).word(),
                    "this_device": c.device == ws.identity.origin(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "team": team.name,
                "team_key": team.fingerprint(),
                "members": members,
                "no_effect": {"beyond_role": beyond, "revoked": revoked},
            })
        );
        return Ok(());
    }
    println!("Team \"{}\", key {}", shown(&team.name), team.fingerprint());
    for c in policy.members.values() {
        let me = if c.device == ws.identity.origin() {
            "  (this laptop)"
        } else {
            ""
        };
        let until = c.expires.map(|d| format!(" until {d}")).unwrap_or_default();
        println!(
            "  {}{until}  {}{me}",
            describe(c),
            policy.standing(c.device, today).word()
        );
    }
    for (origin, after) in &policy.revoked {
        if !policy.members.contains_key(origin) {
            println!(
                "  {} {}  revoked after change {after}",
                device_code(*origin),
                fingerprint(*origin)
            );
        }
    }
    if beyond + revoked > 0 {
        println!(
            "Changes kept with no effect: {beyond} beyond their device's role, {revoked} after a revocation (daleel team changes)."
        );
    }
    Ok(())
}

/// The changes kept with no effect, for the coordinator.
fn changes(ws: &Workspace, args: &ChangesArgs) -> Result<(), Failure> {
    let list = ws.store.ineffective()?;
    if args.json {
        let items: Vec<serde_json::Value> = list
            .iter()
            .map(|c| {
                serde_json::json!({
                    "device": c.code(),
                    "seq": c.seq,
                    "reason": c.reason.word(),
                    "record": c.entity,
                    "kind": c.kind,
                    "author": c.author,
                    "at": c.at.rfc3339(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(items));
        return Ok(());
    }
    if list.is_empty() {
        eprintln!("No change is kept without effect.");
    }
    for c in &list {
        println!(
            "{} change {}  {}  a {} {} by {} at {}",
            c.code(),
            c.seq,
            c.reason.word(),
            c.entity,
            c.kind,
            c.author,
            c.at.rfc3339()
        );
    }
    Ok(())
}
