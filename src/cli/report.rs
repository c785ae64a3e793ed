//! `daleel export` and `daleel report`: coordination exports and the report.

use std::path::Path;

use super::{Failure, write_atomic};
use crate::model::Date;
use crate::report::export::{Detail, Table};
use crate::report::summary::{By, build};
use crate::workspace::Workspace;

/// The district and case codes are for coordinators (in a team, a coordinator's laptop).
fn coordinator_only(ws: &Workspace, what: &str) -> Result<(), Failure> {
    let policy = ws.store.policy();
    match policy.member(ws.identity.origin()) {
        Some(c) if c.role != crate::sync::team::Role::Coordinator => Err(Failure(format!(
            "{what} is for coordinators: this laptop is certified as {}",
            c.role.label()
        ))),
        _ => Ok(()),
    }
}

pub fn export(
    ws: &Workspace,
    table: &str,
    out: &Path,
    detail: Option<&str>,
    case_codes: bool,
) -> Result<(), Failure> {
    let table = Table::from_code(table).ok_or_else(|| {
        Failure(format!(
            "no export \"{table}\": give needs, referrals or services"
        ))
    })?;
    let district = match detail {
        None | Some("governorate") => false,
        Some("district") => true,
        Some(other) => {
            return Err(Failure(format!(
                "--detail {other}: give district (the default is governorate)"
            )));
        }
    };
    if district {
        coordinator_only(ws, "--detail district")?;
    }
    if case_codes {
        coordinator_only(ws, "--with-case-codes")?;
    }
    let (bytes, rows) = crate::report::export::write(
        &ws.store,
        table,
        Detail {
            district,
            case_codes,
        },
    )?;
    let out = super::out_file(out, &format!("daleel-{}.csv", table.code()), &["csv"])?;
    let out = out.as_path();
    // Case codes point to households: readable by their owner only.
    if case_codes {
        super::write_private(out, &bytes)?;
    } else {
        write_atomic(out, &bytes)?;
    }
    println!("{}", out.display());
    eprintln!(
        "Wrote {rows} rows with HXL hashtags on the second line: no names, phone numbers, free text{}.",
        if case_codes { "" } else { " or case codes" }
    );
    Ok(())
}

pub fn report(
    ws: &Workspace,
    since: &str,
    until: &str,
    by: &str,
    hxl: bool,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let date = |text: &str, flag: &str| {
        Date::parse(text).ok_or_else(|| {
            Failure(format!(
                "{flag} {text} is not a date: give it as YYYY-MM-DD"
            ))
        })
    };
    let (since, until) = (date(since, "--since")?, date(until, "--until")?);
    if until < since {
        return Err(Failure("--until is before --since".into()));
    }
    let by = By::parse(by)?;
    let report = build(&ws.store, since, until, &by)?;
    let out = out
        .map(|p| super::out_file(p, "daleel-report.html", &["html", "htm", "csv"]))
        .transpose()?;
    let out = out.as_deref();
    let html = out.is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    });
    let bytes = if html {
        crate::report::html::page(&report, "Community Resource Centre: coordination report")
            .into_bytes()
    } else {
        report.csv(hxl)?
    };
    ws.store.audit(
        crate::store::audit::AuditAction::Export,
        None,
        "coordination report",
        report.groups.len() as u64,
    )?;
    match out {
        Some(path) => {
            write_atomic(path, &bytes)?;
            println!("{}", path.display());
        }
        None => {
            // CSV on standard output: through the terminal's sanitiser like every line.
            let text = String::from_utf8_lossy(&bytes);
            super::out::write(
                super::out::Stream::Out,
                crate::model::text::for_terminal(&text).as_bytes(),
            );
        }
    }
    Ok(())
}
