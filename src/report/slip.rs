//! A printable inter-agency referral slip (IASC style), for receiving agencies that do
//! not use Daleel: priority, the client's details as far as the household consented to
//! disclose them, the reason, the service requested, the referring and receiving
//! agencies with their contacts, the consent statement, a feedback section to fill in,
//! and the case code and referral id as the reference for the answer. One HTML page, no
//! script, no file or address it loads; its words come from the message catalog, the
//! labels of priority, sector and vulnerabilities included (`i18n::labels`), in the
//! current language.

use uuid::Uuid;

use super::html::esc;
use crate::i18n::{Arg, labels, t, tr};
use crate::model::{DisclosedField, Household, Need, Referral};
use crate::store::audit::AuditAction;
use crate::store::{Store, StoreError};

fn row(label: &str, value: &str) -> String {
    format!("<tr><th>{}</th><td>{}</td></tr>", esc(label), esc(value))
}

/// The slip of a referral, as HTML; audited as an export of its household.
pub fn slip(store: &Store, id: Uuid) -> Result<String, StoreError> {
    let r: Referral = store.get(id)?.ok_or_else(|| StoreError::NotFound {
        kind: "referral",
        id: id.to_string(),
    })?;
    // The case as it stands: the kept household when the referral's was merged.
    let h: Option<Household> = store.kept_household(r.household)?;
    let aliases = match &h {
        Some(h) => store.aliases_of(h.id)?,
        None => Vec::new(),
    };
    let need: Option<Need> = store.get(r.need)?;
    let service = store.service(r.service)?;
    let org = store.organization(r.organization)?;
    let gazetteer = store.gazetteer();
    let consent = h.as_ref().and_then(|h| h.consent.clone());
    let disclose = consent.as_ref().is_some_and(|c| c.disclosure);
    let shows = |f: DisclosedField| disclose && r.disclosed.contains(&f);
    let case_code = h.as_ref().map(|h| h.case_code.clone()).unwrap_or_default();

    let mut html = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
    html.push_str(&esc(&t("slip-title")));
    html.push_str("</title><style>body{font-family:sans-serif;margin:2em;color:#000;background:#fff;max-width:48em}h1{font-size:1.4em}h2{font-size:1.1em;border-bottom:1px solid #000;margin-top:1.2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 6px;text-align:start;vertical-align:top}th{width:35%}.blank td{height:2em}@media print{body{margin:0}}</style></head><body>");
    html.push_str(&format!("<h1>{}</h1>", esc(&t("slip-title"))));
    html.push_str("<table>");
    html.push_str(&row(&t("slip-case-code"), &case_code));
    if !aliases.is_empty() {
        let merged: Vec<String> = aliases
            .iter()
            .map(|a| {
                tr(
                    "case-merged",
                    &[("alias", Arg::Str(a)), ("code", Arg::Str(&case_code))],
                )
            })
            .collect();
        html.push_str(&row(&t("slip-merged"), &merged.join("; ")));
    }
    html.push_str(&row(&t("slip-referral-id"), &r.id.to_string()));
    html.push_str(&row(&t("slip-priority"), &labels::priority(r.priority)));
    html.push_str(&row(
        &t("slip-date"),
        &r.sent_at().unwrap_or(r.created_at).date().to_string(),
    ));
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><table>", esc(&t("slip-referring"))));
    html.push_str(&row(&t("slip-agency"), &r.referring_org));
    html.push_str(&row(&t("slip-referred-by"), &r.created_by));
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><table>", esc(&t("slip-receiving"))));
    html.push_str(&row(
        &t("slip-agency"),
        &org.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
    ));
    html.push_str(&row(
        &t("slip-service"),
        &service.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
    ));
    if let Some(s) = &service
        && !s.phone.is_empty()
    {
        html.push_str(&row(&t("slip-service-phone"), &s.phone));
    }
    for f in org.iter().flat_map(|o| o.focal_points.iter()) {
        let contact = [f.name.as_str(), f.phone.as_str(), f.email.as_str()]
            .iter()
            .filter(|v| !v.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        html.push_str(&row(&t("slip-focal-point"), &contact));
    }
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><table>", esc(&t("slip-client"))));
    match (&h, disclose) {
        (Some(h), true) => {
            if shows(DisclosedField::HeadName) {
                html.push_str(&row(&t("slip-name"), &h.head.name));
            }
            if shows(DisclosedField::Phone) {
                html.push_str(&row(&t("slip-phone"), &h.phone));
            }
            if shows(DisclosedField::Location) {
                let mut place = vec![gazetteer.name(&h.location.governorate)];
                if let Some(d) = &h.location.district {
                    place.push(gazetteer.name(d));
                }
                if !h.location.village.is_empty() {
                    place.push(h.location.village.clone());
                }
                html.push_str(&row(&t("slip-location"), &place.join(", ")));
            }
            if shows(DisclosedField::Members) {
                html.push_str(&row(&t("slip-members"), &(h.members.len() + 1).to_string()));
            }
            if shows(DisclosedField::Vulnerabilities) {
                let v: Vec<String> = h
                    .vulnerabilities
                    .iter()
                    .map(|v| labels::vulnerability(*v))
                    .collect();
                html.push_str(&row(
                    &t("slip-vulnerabilities"),
                    &v.join(&t("list-separator")),
                ));
            }
            if !DisclosedField::ALL.iter().any(|f| shows(*f)) {
                html.push_str(&row(&t("slip-details"), &t("slip-none-chosen")));
            }
        }
        _ => html.push_str(&row(&t("slip-details"), &t("slip-no-consent"))),
    }
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><table>", esc(&t("slip-request"))));
    if let Some(n) = &need {
        html.push_str(&row(&t("slip-sector"), &labels::sector(n.sector)));
        if shows(DisclosedField::NeedDescription) {
            html.push_str(&row(&t("slip-need"), &n.description));
        }
    }
    if disclose {
        html.push_str(&row(&t("slip-reason"), &r.reason));
    }
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><p>", esc(&t("slip-consent"))));
    html.push_str(&esc(&match &consent {
        Some(c) => tr(
            "slip-consent-text",
            &[
                ("date", Arg::Str(&c.recorded_at.date().to_string())),
                (
                    "share",
                    Arg::Str(&t(if c.disclosure {
                        "slip-consent-share"
                    } else {
                        "slip-consent-no-share"
                    })),
                ),
            ],
        ),
        None => t("slip-consent-none"),
    }));
    html.push_str("</p>");

    html.push_str(&format!(
        "<h2>{}</h2><p>{}</p><table class=\"blank\">",
        esc(&t("slip-feedback")),
        esc(&tr("slip-feedback-how", &[("code", Arg::Str(&case_code))]))
    ));
    for label in [
        "slip-feedback-decision",
        "slip-feedback-date",
        "slip-feedback-outcome",
        "slip-feedback-by",
        "slip-feedback-signature",
    ] {
        html.push_str(&row(&t(label), ""));
    }
    html.push_str("</table></body></html>\n");
    store.audit(AuditAction::Export, Some(&case_code), "referral slip", 1)?;
    store.flush()?;
    Ok(html)
}
