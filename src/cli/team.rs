//! `daleel team`: a team key, device certificates, revocation (docs/teams.md).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Failure, ask, confirm, read_passphrase_file, shown, tell, tell_out, write_atomic};
use crate::i18n::{Arg, t, tr};
use crate::model::Date;
use crate::sync::card::{CARD_MAX_BYTES, Card};
use crate::sync::enrol::Approval;
use crate::sync::identity::{device_code, fingerprint};
use crate::sync::team::{Certificate, Refusal, Role, Standing, TEAM_FILE_MAX_BYTES};
use crate::tui::labels;
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

/// A file's bytes, refused before reading when larger than `limit`; `what` names what
/// it should be (a `cli-what-…` message).
fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Failure> {
    crate::disk::read_regular(path, limit).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Failure::of(
            "cli-too-large-not",
            &[
                ("file", Arg::Str(&crate::disk::shown(path))),
                ("limit", Arg::Num(limit as i64)),
                ("what", Arg::Str(&t(what))),
            ],
        ),
        _ => super::cannot_read(&crate::disk::shown(path), &e),
    })
}

/// How a member stands, in words.
fn standing(s: Standing) -> String {
    match s {
        Standing::Valid => t("cli-standing-valid"),
        Standing::Expired => t("cli-standing-expired"),
        Standing::Revoked(after) => {
            tr("cli-standing-revoked", &[("after", Arg::Num(after as i64))])
        }
    }
}

/// A member as the list shows it: code, fingerprint, name, role, organization.
fn describe(c: &Certificate) -> String {
    let line = tr(
        "cli-team-member",
        &[
            ("code", Arg::Str(&device_code(c.device))),
            ("fingerprint", Arg::Str(&fingerprint(c.device))),
            ("name", Arg::Str(&shown(&c.name))),
            ("role", Arg::Str(c.role.code())),
            ("org", Arg::Str(&shown(&c.org))),
        ],
    );
    if c.sensitive {
        format!("{line} {}", t("cli-team-sensitive"))
    } else {
        line
    }
}

fn init(ws: &Workspace, args: &InitArgs) -> Result<(), Failure> {
    let (org, sensitive, yes) = (args.org.as_str(), args.sensitive, args.yes);
    let team = match &args.from_key {
        Some(file) => {
            let bytes = read_limited(file, 64 * 1024, "cli-what-team-key")?;
            let passphrase = match &args.key_passphrase_file {
                Some(f) => read_passphrase_file(f)?,
                None if super::on_terminal() => {
                    ask::secret(&format!("{} ", t("cli-team-key-passphrase")))?
                }
                None => return Err(Failure::of("cli-team-key-no-terminal", &[])),
            };
            confirm(&t("cli-team-restore-confirm"), yes)?;
            ws.team().restore_key(&bytes, &passphrase, org, sensitive)?
        }
        None => {
            let name = args
                .name
                .as_deref()
                .ok_or_else(|| Failure::of("cli-team-name-missing", &[]))?;
            confirm(
                &tr("cli-team-init-confirm", &[("team", Arg::Str(name))]),
                yes,
            )?;
            ws.team().init(name, org, sensitive)?
        }
    };
    println!("{}", team.fingerprint());
    tell(
        "cli-team-made",
        &[
            ("code", Arg::Str(&ws.identity.code())),
            ("team", Arg::Str(&shown(&team.name))),
            ("key", Arg::Str(&team.fingerprint())),
        ],
    );
    Ok(())
}

fn save_key(ws: &Workspace, args: &SaveKeyArgs) -> Result<(), Failure> {
    let passphrase = super::workers::new_passphrase(
        args.key_passphrase_file.as_deref(),
        &t("cli-whose-team-key"),
    )?;
    let bytes = ws.team().save_key(&passphrase)?;
    let path = super::out_file(&args.out, "daleel-team.teamkey", &["teamkey"])?;
    super::write_private(&path, &bytes)?;
    tracing::warn!("team key saved for safekeeping");
    println!("{}", crate::disk::shown(&path));
    tell("cli-team-key-saved", &[]);
    Ok(())
}

fn request(ws: &Workspace, args: &RequestArgs) -> Result<(), Failure> {
    let code = ws.identity.code();
    let (name, bytes) = ws.team().request()?;
    let path = super::out_file(&args.out, &name, &["card"])?;
    write_atomic(&path, &bytes)?;
    println!("{}", crate::disk::shown(&path));
    tell(
        "cli-team-request-written",
        &[
            ("code", Arg::Str(&code)),
            ("fingerprint", Arg::Str(&ws.identity.fingerprint())),
        ],
    );
    Ok(())
}

fn approve(ws: &Workspace, args: &ApproveArgs) -> Result<(), Failure> {
    let (role, org, sensitive) = (args.role.as_str(), args.org.as_str(), args.sensitive);
    let request = args.request.as_path();
    let role = Role::from_code(role).ok_or_else(|| {
        Failure::of(
            "cli-team-no-such-role",
            &[
                ("role", Arg::Str(role)),
                ("roles", Arg::Str(&Role::codes())),
            ],
        )
    })?;
    let expires = match &args.expires {
        Some(text) => Some(
            Date::parse(text)
                .ok_or_else(|| Failure::of("cli-not-a-date", &[("text", Arg::Str(text))]))?,
        ),
        None => None,
    };
    let bytes = read_limited(request, CARD_MAX_BYTES, "cli-what-request")?;
    let card = Card::read(&bytes).map_err(|e| super::refused(&crate::disk::shown(request), &e))?;
    super::print_card(&card);
    let mut terms = String::new();
    if sensitive {
        terms.push_str(&t("cli-team-approve-sensitive"));
    }
    if let Some(d) = expires {
        terms.push_str(&tr(
            "cli-team-approve-until",
            &[("date", Arg::Str(&d.to_string()))],
        ));
    }
    confirm(
        &tr(
            "cli-team-approve-confirm",
            &[
                ("code", Arg::Str(&card.code())),
                ("fingerprint", Arg::Str(&card.fingerprint())),
                ("role", Arg::Str(&labels::role(role))),
                ("org", Arg::Str(org)),
                ("terms", Arg::Str(&terms)),
            ],
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
    println!("{}", crate::disk::shown(&path));
    tell(
        "cli-team-certified",
        &[
            ("code", Arg::Str(&device_code(cert.device))),
            ("role", Arg::Str(&labels::role(cert.role))),
            ("org", Arg::Str(&shown(&cert.org))),
            ("file", Arg::Str(&crate::disk::shown(&path))),
        ],
    );
    Ok(())
}

fn join(ws: &Workspace, args: &JoinArgs) -> Result<(), Failure> {
    let cert = args.cert.as_path();
    let bytes = read_limited(cert, TEAM_FILE_MAX_BYTES, "cli-what-certificate")?;
    let (file, mine) = ws
        .team()
        .read_for_me(&bytes)
        .map_err(|e| super::refused(&crate::disk::shown(cert), &e))?;
    let team = shown(&file.team.name).into_owned();
    let role = labels::role(mine.role);
    let org = shown(&mine.org).into_owned();
    let rows = [
        (t("cli-label-team"), team.clone()),
        (t("cli-label-team-key"), file.team.fingerprint()),
        (
            t("cli-label-role"),
            tr(
                "team-role",
                &[("role", Arg::Str(&role)), ("org", Arg::Str(&org))],
            ),
        ),
    ];
    super::print_labelled(super::out::Stream::Err, &rows, 4);
    confirm(
        &tr("cli-team-join-confirm", &[("team", Arg::Str(&team))]),
        args.yes,
    )?;
    ws.team().join(&file)?;
    let members = ws.store.policy().members.len();
    tell(
        "cli-team-joined",
        &[
            ("role", Arg::Str(&role)),
            ("org", Arg::Str(&org)),
            ("team", Arg::Str(&team)),
            ("count", Arg::Num(members as i64)),
        ],
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
                Failure::of("cli-team-no-such-device", &[("fingerprint", Arg::Str(fp))])
            })?,
    };
    let shown_after = match after_seq {
        Some(n) => n,
        None => match ws.store.held(device)? {
            0 => return Err(Failure::of("cli-team-revoke-nothing-held", &[])),
            n => n,
        },
    };
    confirm(
        &tr(
            "cli-team-revoke-confirm",
            &[
                ("code", Arg::Str(&device_code(device))),
                ("fingerprint", Arg::Str(&fingerprint(device))),
                ("after", Arg::Num(shown_after as i64)),
            ],
        ),
        args.yes,
    )?;
    let r = ws.team().revoke(device, after_seq)?;
    tell(
        "cli-team-revoked",
        &[
            ("code", Arg::Str(&device_code(r.device))),
            ("after", Arg::Num(r.after_seq as i64)),
        ],
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
            tell("cli-team-none", &[]);
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
    tell_out(
        "cli-team-list-head",
        &[
            ("team", Arg::Str(&shown(&team.name))),
            ("key", Arg::Str(&team.fingerprint())),
        ],
    );
    for c in policy.members.values() {
        let me = if c.device == ws.identity.origin() {
            format!("  {}", t("cli-team-this-laptop"))
        } else {
            String::new()
        };
        let until = c
            .expires
            .map(|d| {
                format!(
                    " {}",
                    tr("cli-team-until", &[("date", Arg::Str(&d.to_string()))])
                )
            })
            .unwrap_or_default();
        println!(
            "  {}{until}  {}{me}",
            describe(c),
            standing(policy.standing(c.device, today))
        );
    }
    for (origin, after) in &policy.revoked {
        if !policy.members.contains_key(origin) {
            println!(
                "  {} {}  {}",
                device_code(*origin),
                fingerprint(*origin),
                standing(Standing::Revoked(*after))
            );
        }
    }
    if beyond + revoked > 0 {
        tell_out(
            "cli-team-no-effect",
            &[
                ("beyond", Arg::Num(beyond as i64)),
                ("revoked", Arg::Num(revoked as i64)),
            ],
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
        tell("cli-team-changes-none", &[]);
    }
    for c in &list {
        tell_out(
            "cli-team-change",
            &[
                ("code", Arg::Str(&c.code())),
                ("seq", Arg::Num(c.seq as i64)),
                (
                    "reason",
                    Arg::Str(&t(match c.reason {
                        Refusal::BeyondRole => "cli-refusal-beyond-role",
                        Refusal::Revoked => "cli-refusal-revoked",
                    })),
                ),
                ("record", Arg::Str(&c.entity)),
                ("kind", Arg::Str(&c.kind)),
                ("author", Arg::Str(&shown(&c.author))),
                ("at", Arg::Str(&c.at.rfc3339())),
            ],
        );
    }
    Ok(())
}
