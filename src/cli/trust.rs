//! `daleel identity export`, `daleel trust add|list|remove`, `daleel sync export`.

use std::path::Path;

use super::{Failure, confirm, shown, write_atomic};
use crate::sync::card::{CARD_MAX_BYTES, Card};
use crate::workspace::Workspace;

pub fn export_card(ws: &Workspace, out: &Path) -> Result<(), Failure> {
    let code = ws.identity.code();
    let path = super::out_file(out, &format!("daleel-{code}.card"), &["card"])?;
    let name = ws.store.device_name()?;
    let bytes = Card::write(&ws.identity, &name, ws.store.now())?;
    write_atomic(&path, &bytes)?;
    tracing::info!(code = %code, "identity card written");
    println!("{}", path.display());
    eprintln!(
        "Wrote the identity card of {code} (fingerprint {}). Whoever imports it should compare this fingerprint with you.",
        ws.identity.fingerprint()
    );
    Ok(())
}

pub fn export_age_key(ws: &Workspace, out: &Path) -> Result<(), Failure> {
    let out = &super::out_file(
        out,
        &format!("daleel-{}-age-identity.txt", ws.identity.code()),
        &["txt", "key", "age"],
    )?;
    let secret = {
        use age::secrecy::ExposeSecret;
        let key = ws.identity.age_identity().to_string();
        let mut text = key.expose_secret().to_string();
        text.push('\n');
        zeroize::Zeroizing::new(text)
    };
    crate::disk::write_whole(out, secret.as_bytes(), crate::disk::Access::Owner)
        .map_err(|e| Failure(format!("could not write {}: {e}", out.display())))?;
    tracing::warn!("age identity file written");
    ws.store.audit(
        crate::store::audit::AuditAction::AgeKey,
        None,
        &out.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        1,
    )?;
    println!("{}", out.display());
    eprintln!(
        "Wrote the age identity of {}: it opens every bundle sent to this laptop. Keep it as safe as the laptop, and delete it once done.",
        ws.identity.code()
    );
    Ok(())
}

fn read_card(path: &Path) -> Result<Card, Failure> {
    let shown = path.display();
    let bytes = crate::disk::read_regular(path, CARD_MAX_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            Failure(format!(
                "{shown} is not an identity card: it is far larger than one"
            ))
        } else {
            Failure(format!("cannot read {shown}: {e}"))
        }
    })?;
    Card::read(&bytes).map_err(|e| Failure(format!("{shown}: {e}; nothing was changed")))
}

pub fn add(ws: &Workspace, path: &Path, yes: bool) -> Result<(), Failure> {
    let card = read_card(path)?;
    let name = if card.name.is_empty() {
        "(no name)".into()
    } else {
        shown(&card.name)
    };
    eprintln!("Device:      {name}");
    eprintln!("Code:        {}", card.code());
    eprintln!("Fingerprint: {}", card.fingerprint());
    confirm(
        &format!(
            "Trust {} ({})? Compare the fingerprint with the laptop's owner first.",
            card.code(),
            card.fingerprint()
        ),
        yes,
    )?;
    let new = ws.store.trust(&card)?;
    tracing::info!(code = %card.code(), "device trusted");
    if new {
        eprintln!("Now trusted: {} ({}).", card.code(), card.fingerprint());
    } else {
        eprintln!(
            "{} ({}) was trusted already.",
            card.code(),
            card.fingerprint()
        );
    }
    Ok(())
}

pub fn list(ws: &Workspace, json: bool) -> Result<(), Failure> {
    let trusted = ws.store.trusted()?;
    if json {
        let list: Vec<serde_json::Value> = trusted
            .iter()
            .map(|d| {
                serde_json::json!({
                    "name": d.name,
                    "code": d.code(),
                    "fingerprint": d.fingerprint(),
                    "added": d.added_at.rfc3339(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(list));
        return Ok(());
    }
    if trusted.is_empty() {
        eprintln!(
            "No device is trusted yet: import another laptop's card with daleel trust add CARD."
        );
    }
    for d in &trusted {
        println!("{}  {}  {}", d.code(), d.fingerprint(), shown(&d.name));
    }
    Ok(())
}

pub fn remove(ws: &Workspace, fingerprint: &str, yes: bool) -> Result<(), Failure> {
    let device = ws
        .store
        .trusted_by_fingerprint(fingerprint)?
        .ok_or_else(|| {
            Failure(format!(
                "no trusted device has the fingerprint {fingerprint}: see daleel trust list"
            ))
        })?;
    confirm(
        &format!(
            "Stop trusting {} ({})? Its changes that arrive later will be skipped.",
            device.code(),
            device.fingerprint()
        ),
        yes,
    )?;
    ws.store.untrust(fingerprint)?;
    eprintln!(
        "No longer trusted: {} ({}).",
        device.code(),
        device.fingerprint()
    );
    Ok(())
}

pub fn export_bundle(ws: &Workspace, dir: &Path, all: bool) -> Result<(), Failure> {
    super::out_folder(dir)?;
    let summary = crate::sync::export::export(&ws.store, &ws.identity, dir, all)?;
    tracing::info!(
        changes = summary.changes,
        segments = summary.segments,
        bytes = summary.bytes,
        "bundle exported"
    );
    println!("{}", summary.path.display());
    if let Some(second) = &summary.sensitive_path {
        println!("{}", second.display());
        eprintln!(
            "Wrote a second file, {}, with the GBV and child protection cases, for the laptops certified for them only.",
            second.display()
        );
    }
    eprintln!(
        "Wrote {} changes in {} signed segments ({} KiB) from {} to {}.",
        super::thousands(summary.changes),
        summary.segments,
        summary.bytes.div_ceil(1024),
        ws.identity.code(),
        summary.path.display()
    );
    Ok(())
}

pub fn export_handoff(ws: &Workspace, dir: &Path, org: &str) -> Result<(), Failure> {
    super::out_folder(dir)?;
    let s = crate::sync::handoff::export_for_org(&ws.store, &ws.identity, org, dir)?;
    tracing::info!(
        referrals = s.referrals,
        bytes = s.bytes,
        "hand-off exported"
    );
    println!("{}", s.path.display());
    eprintln!(
        "Wrote a hand-off for {} ({} partner devices): {} referrals of {} households, with only what each household consented to disclose, and the service directory.",
        s.org, s.devices, s.referrals, s.households
    );
    if s.sensitive_left_out > 0 {
        eprintln!(
            "Left out {} GBV or child protection referrals: not every device of {} is certified for sensitive cases.",
            s.sensitive_left_out, s.org
        );
    }
    Ok(())
}

pub fn import_bundles(ws: &Workspace, paths: &[std::path::PathBuf]) -> Result<(), Failure> {
    let mut refused = 0;
    let mut files = Vec::new();
    for p in paths {
        match crate::sync::import::bundle_files(p) {
            Ok(f) => files.extend(f),
            Err(e) => {
                eprintln!("daleel: {}: cannot read the folder: {e}", p.display());
                refused += 1;
            }
        }
    }
    if files.is_empty() && refused == 0 {
        return Err(Failure(
            "no bundle files found there (they end in .bundle)".into(),
        ));
    }
    use crate::sync::import::Outcome;
    for (file, outcome) in crate::sync::import::import_all(&ws.store, &files, &ws.identity, |_| {})
    {
        let shown = crate::disk::shown(&file);
        match outcome {
            Outcome::Imported(s) if s.handed_off.is_some() => {
                println!(
                    "{shown}: hand-off from {} ({}): {} referrals for this organization",
                    s.sender_code,
                    s.sender_fingerprint,
                    s.handed_off.unwrap_or(0)
                );
            }
            Outcome::Imported(s) => {
                tracing::info!(
                    new = s.new,
                    known = s.known,
                    parked = s.parked,
                    "bundle imported"
                );
                println!(
                    "{shown}: from {} ({}): {} new, {} already known, {} parked, {} conflicts open",
                    s.sender_code, s.sender_fingerprint, s.new, s.known, s.parked, s.conflicts
                );
                if s.statements > 0 {
                    println!(
                        "{shown}: learned {} team statements (certificates, revocations)",
                        s.statements
                    );
                }
                if s.forked > 0 {
                    println!(
                        "{shown}: {} changes refused as a fork: a second, different version of changes this laptop holds, signed under the same laptop's identity (its data folder was copied; see the Queue and docs/recovery.md)",
                        s.forked
                    );
                }
                if s.beyond_role + s.revoked > 0 {
                    println!(
                        "{shown}: {} changes kept with no effect: {} beyond their device's role, {} after a revocation (daleel team changes)",
                        s.beyond_role + s.revoked,
                        s.beyond_role,
                        s.revoked
                    );
                }
                for (code, fp, n) in &s.skipped {
                    println!("{shown}: skipped {n} changes of {code} ({fp}): not trusted here");
                }
            }
            Outcome::LeftOnDrive(e) => {
                println!("{shown}: for other laptops, left on the drive ({e})");
            }
            Outcome::Skipped(e) => {
                refused += 1;
                eprintln!("daleel: {shown}: {e}");
            }
            Outcome::Refused(e) => {
                refused += 1;
                eprintln!("daleel: {shown}: refused: {e}; nothing from it was used");
            }
        }
    }
    if refused > 0 {
        return Err(Failure(format!(
            "{refused} refused or skipped (see above); the others were imported"
        )));
    }
    Ok(())
}

pub fn status(ws: &Workspace, json: bool) -> Result<(), Failure> {
    use crate::sync::identity::{device_code, fingerprint};
    let held = ws.store.watermarks()?;
    let parked = ws.store.parked()?;
    let trusted = ws.store.trusted()?;
    let digest: String = ws
        .store
        .state_digest()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut origins: Vec<serde_json::Value> = Vec::new();
    let mut all: std::collections::BTreeSet<_> = held.keys().copied().collect();
    all.extend(parked.keys().copied());
    for origin in all {
        origins.push(serde_json::json!({
            "code": device_code(origin),
            "fingerprint": fingerprint(origin),
            "held": held.get(&origin).copied().unwrap_or(0),
            "parked": parked.get(&origin).cloned().unwrap_or_default(),
            "this_device": origin == ws.identity.origin(),
        }));
    }
    let trusted_json: Vec<serde_json::Value> = trusted
        .iter()
        .map(|d| serde_json::json!({"name": d.name, "code": d.code(), "fingerprint": d.fingerprint()}))
        .collect();
    let forks: Vec<serde_json::Value> = ws
        .store
        .forks()?
        .iter()
        .map(|f| {
            serde_json::json!({
                "code": f.code(),
                "fingerprint": fingerprint(f.origin),
                "seq": f.seq,
                "via": f.sender_code(),
                "refused": f.refused,
            })
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::json!({"origins": origins, "trusted": trusted_json, "forks": forks, "state_digest": digest})
        );
        return Ok(());
    }
    println!("Held, per device (highest change without a gap):");
    for o in &origins {
        let gap = o["parked"].as_array().map(|a| a.len()).unwrap_or(0);
        let parked = if gap > 0 {
            format!(", {gap} parked after a gap")
        } else {
            String::new()
        };
        println!(
            "  {} ({})  {}{parked}",
            o["code"].as_str().unwrap_or(""),
            o["fingerprint"].as_str().unwrap_or(""),
            o["held"]
        );
    }
    println!("Trusted devices: {}", trusted.len());
    for d in &trusted {
        println!("  {} ({})  {}", d.code(), d.fingerprint(), shown(&d.name));
    }
    if !forks.is_empty() {
        println!("Forks (two different changes under one laptop's identity; docs/recovery.md):");
        for f in &forks {
            println!(
                "  {} change {}: a second version via {}, not applied ({} changes)",
                f["code"].as_str().unwrap_or(""),
                f["seq"],
                f["via"].as_str().unwrap_or(""),
                f["refused"]
            );
        }
    }
    println!("State digest: {digest}");
    Ok(())
}
