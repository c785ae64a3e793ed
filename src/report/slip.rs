//! A printable inter-agency referral slip (IASC style), for receiving agencies that do
//! not use Daleel: priority, the client's details as far as the household consented to
//! disclose them, the reason, the service requested, the referring and receiving
//! agencies with their contacts, the consent statement, a feedback section to fill in,
//! and the case code and referral id as the reference for the answer. One HTML page, no
//! script, no file or address it loads; its words come from the message catalog, the
//! labels of priority, sector and vulnerabilities included (`i18n::labels`), its dates,
//! numbers and places written in its language (`i18n::format`), laid out right to left in
//! Arabic and Kurdish (see `html` for the page's rules). It fits one A4 page.
//!
//! A caseworker uses it on paper (issue 18, item 8): the date the receiving agency is
//! asked to answer by (the priority's response time from sending), both agencies'
//! contacts (the referring centre's name and phone from config.toml's `centre_name`
//! and `centre_phone`, else lines to write them in by hand), a line under the consent
//! statement for the client's signature or thumbprint, and one for the referring
//! worker's signature.

use std::sync::Mutex;

use uuid::Uuid;

use super::html::{code, data, esc, head, message};
use crate::i18n::Arg;
use crate::i18n::format::Locale;
use crate::i18n::labels;
use crate::model::{DisclosedField, Household, Need, Referral};
use crate::store::audit::AuditAction;
use crate::store::{Store, StoreError};

/// The slip's own style: sized so that a full slip fits one A4 page.
const SLIP_STYLE: &str = "\
body{max-width:46em;font-size:10.5pt}\
h1{font-size:1.35em}\
h2{font-size:1.05em;margin:.7em 0 .25em}\
table.slip th{width:34%}\
table.blank td,tr.blank td{height:1.9em}\
@media print{body{font-size:10pt}}";

/// The referring centre as its slips name it (config.toml's `centre_name` and
/// `centre_phone`); empty, the slip leaves a line to write it in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Centre {
    pub name: String,
    pub phone: String,
}

/// The centre this laptop's slips name, set from config.toml at the start.
static CENTRE: Mutex<Centre> = Mutex::new(Centre {
    name: String::new(),
    phone: String::new(),
});

/// Names `centre` on the slips written from now on.
pub fn set_centre(centre: Centre) {
    *CENTRE.lock().unwrap_or_else(|e| e.into_inner()) = centre;
}

fn centre() -> Centre {
    CENTRE.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// A row: the label's words, and the value as HTML.
fn row(label: &str, value: &str) -> String {
    format!("<tr><th>{}</th><td>{value}</td></tr>", esc(label))
}

/// A row with `value` as a code (a phone), or a line to write it in by hand.
fn blank_or(label: &str, value: &str) -> String {
    if value.trim().is_empty() {
        format!("<tr class=\"blank\"><th>{}</th><td></td></tr>", esc(label))
    } else {
        row(label, &code(value))
    }
}

/// The slip of a referral, as HTML, in the screens' language and digits setting; audited
/// as an export of its household.
pub fn slip(store: &Store, id: Uuid) -> Result<String, StoreError> {
    slip_in(store, id, Locale::current(), &centre())
}

/// The slip of a referral in `locale`'s language and digits, naming `centre` as the
/// referring agency; audited as an export of its household.
pub fn slip_in(
    store: &Store,
    id: Uuid,
    locale: Locale,
    centre: &Centre,
) -> Result<String, StoreError> {
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
    let t = |id: &str| locale.t(id);
    let separator = t("list-separator");
    let lang = locale.lang;

    let mut html = head(locale, &t("slip-title"), SLIP_STYLE);
    html.push_str(&format!("<h1>{}</h1>", esc(&t("slip-title"))));
    html.push_str("<table class=\"slip\">");
    html.push_str(&row(&t("slip-case-code"), &code(&case_code)));
    if !aliases.is_empty() {
        let merged: Vec<String> = aliases
            .iter()
            .map(|a| {
                esc(&locale.tr(
                    "case-merged",
                    &[("alias", Arg::Str(a)), ("code", Arg::Str(&case_code))],
                ))
            })
            .collect();
        html.push_str(&row(&t("slip-merged"), &merged.join(&esc(&separator))));
    }
    html.push_str(&row(&t("slip-referral-id"), &code(&r.id.to_string())));
    html.push_str(&row(
        &t("slip-priority"),
        &esc(&labels::priority_in(lang, r.priority)),
    ));
    let sent = r.sent_at().unwrap_or(r.created_at);
    html.push_str(&row(&t("slip-date"), &esc(&locale.date(sent.date()))));
    html.push_str(&row(
        &t("slip-respond-by"),
        &format!(
            "<strong>{}</strong>",
            esc(&locale.date(r.priority.due_from(sent).date()))
        ),
    ));
    html.push_str("</table>");

    html.push_str(&format!(
        "<h2>{}</h2><table class=\"slip\">",
        esc(&t("slip-referring"))
    ));
    // The centre as config.toml names it, else the laptop that recorded the referral.
    let agency = if centre.name.trim().is_empty() {
        &r.referring_org
    } else {
        &centre.name
    };
    html.push_str(&row(&t("slip-agency"), &data(agency)));
    html.push_str(&blank_or(&t("slip-phone"), &centre.phone));
    html.push_str(&row(&t("slip-referred-by"), &data(&r.created_by)));
    html.push_str("</table>");

    html.push_str(&format!(
        "<h2>{}</h2><table class=\"slip\">",
        esc(&t("slip-receiving"))
    ));
    html.push_str(&row(
        &t("slip-agency"),
        &data(&org.as_ref().map(|o| o.name.clone()).unwrap_or_default()),
    ));
    html.push_str(&row(
        &t("slip-service"),
        &data(&service.as_ref().map(|s| s.name.clone()).unwrap_or_default()),
    ));
    if let Some(s) = &service
        && !s.phone.is_empty()
    {
        html.push_str(&row(&t("slip-service-phone"), &code(&s.phone)));
    }
    for f in org.iter().flat_map(|o| o.focal_points.iter()) {
        let contact = [
            (f.name.as_str(), false),
            (f.phone.as_str(), true),
            (f.email.as_str(), true),
        ]
        .iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(v, is_code)| if *is_code { code(v) } else { data(v) })
        .collect::<Vec<_>>()
        .join(&esc(&separator));
        html.push_str(&row(&t("slip-focal-point"), &contact));
    }
    html.push_str("</table>");

    html.push_str(&format!(
        "<h2>{}</h2><table class=\"slip\">",
        esc(&t("slip-client"))
    ));
    match (&h, disclose) {
        (Some(h), true) => {
            if shows(DisclosedField::HeadName) {
                html.push_str(&row(&t("slip-name"), &data(&h.head.name)));
            }
            if shows(DisclosedField::Phone) {
                html.push_str(&row(&t("slip-phone"), &code(&h.phone)));
            }
            if shows(DisclosedField::Location) {
                let mut place = vec![data(&locale.place(&gazetteer, &h.location.governorate))];
                if let Some(d) = &h.location.district {
                    place.push(data(&locale.place(&gazetteer, d)));
                }
                if !h.location.village.is_empty() {
                    place.push(data(&h.location.village));
                }
                html.push_str(&row(&t("slip-location"), &place.join(&esc(&separator))));
            }
            if shows(DisclosedField::Members) {
                html.push_str(&row(
                    &t("slip-members"),
                    &esc(&locale.int(h.people_count() as i64)),
                ));
            }
            if shows(DisclosedField::Vulnerabilities) {
                let v: Vec<String> = h
                    .vulnerabilities
                    .iter()
                    .map(|v| labels::vulnerability_in(lang, *v))
                    .collect();
                html.push_str(&row(&t("slip-vulnerabilities"), &esc(&v.join(&separator))));
            }
            if !DisclosedField::ALL.iter().any(|f| shows(*f)) {
                html.push_str(&row(&t("slip-details"), &esc(&t("slip-none-chosen"))));
            }
        }
        _ => html.push_str(&row(&t("slip-details"), &esc(&t("slip-no-consent")))),
    }
    html.push_str("</table>");

    html.push_str(&format!(
        "<h2>{}</h2><table class=\"slip\">",
        esc(&t("slip-request"))
    ));
    if let Some(n) = &need {
        html.push_str(&row(
            &t("slip-sector"),
            &esc(&labels::sector_in(lang, n.sector)),
        ));
        if shows(DisclosedField::NeedDescription) {
            html.push_str(&row(&t("slip-need"), &data(&n.description)));
        }
    }
    if disclose {
        html.push_str(&row(&t("slip-reason"), &data(&r.reason)));
    }
    html.push_str("</table>");

    html.push_str(&format!("<h2>{}</h2><p>", esc(&t("slip-consent"))));
    html.push_str(&match &consent {
        Some(c) => message(
            locale,
            "slip-consent-text",
            &[
                ("date", esc(&locale.date(c.recorded_at.date()))),
                (
                    "share",
                    esc(&t(if c.disclosure {
                        "slip-consent-share"
                    } else {
                        "slip-consent-no-share"
                    })),
                ),
            ],
        ),
        None => esc(&t("slip-consent-none")),
    });
    html.push_str("</p><table class=\"slip blank\">");
    html.push_str(&row(&t("slip-client-signature"), ""));
    html.push_str(&row(&t("slip-referrer-signature"), ""));
    html.push_str(&row(&t("slip-feedback-date"), ""));
    html.push_str("</table>");

    html.push_str(&format!(
        "<h2>{}</h2><p>{}</p><table class=\"slip blank\">",
        esc(&t("slip-feedback")),
        message(locale, "slip-feedback-how", &[("code", code(&case_code))])
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
