//! The small forms of the pop-ups (a member, a need, a referral draft, a reason, a note,
//! a date, closing a case): how each is laid out, and how its answers become domain
//! values, or the field at fault with a message.

use uuid::Uuid;

use super::field::{FieldId, WgDomain};
use super::labels;
use super::screens::intake::sex_label;
use super::widgets::form::{Field, Form, Opt};
use crate::i18n::t;
use crate::model::{
    CivilDocument, ClosureReason, Consent, Date, DisclosedField, Move, Need, NeedStatus,
    NotSuccessfulReason, Person, Priority, ReferralStatus, Sector, Sex, Timestamp, WgAnswer,
    WgAnswers, ascii_digits,
};

/// A field at fault, with what to do.
pub type Fault = (FieldId, String);

/// The documents a member's form asks about, with the message id of each.
const DOCS: [(CivilDocument, &str); 4] = [
    (CivilDocument::NationalId, "doc-national-id"),
    (CivilDocument::CivilStatusId, "doc-civil-status-id"),
    (CivilDocument::BirthCertificate, "doc-birth-certificate"),
    (
        CivilDocument::NationalityCertificate,
        "doc-nationality-certificate",
    ),
];

fn wg_options() -> Vec<Opt> {
    let mut o = vec![Opt::new("", t("wg-not-asked"))];
    o.extend(
        WgAnswer::ALL
            .iter()
            .map(|a| Opt::new(a.code(), labels::wg_answer(*a))),
    );
    o
}

fn year(text: &str, this_year: i32) -> Result<Option<u16>, String> {
    let text = ascii_digits(text.trim());
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u16>() {
        Ok(y) if i32::from(y) <= this_year && i32::from(y) >= this_year - 120 => Ok(Some(y)),
        _ => Err(t("problem-year-number")),
    }
}

pub fn member_form(p: Option<&Person>) -> Form {
    let mut fields = vec![
        Field::text(
            FieldId::Name,
            "intake-name",
            120,
            p.map(|p| p.name.as_str()).unwrap_or(""),
        ),
        Field::text(
            FieldId::Latin,
            "intake-latin",
            120,
            p.map(|p| p.latin.as_str()).unwrap_or(""),
        ),
        Field::choice(
            FieldId::Sex,
            "intake-sex",
            Sex::ALL
                .iter()
                .map(|s| Opt::new(s.code(), sex_label(*s)))
                .collect(),
            p.and_then(|p| p.sex).map(|s| s.code()),
        ),
        Field::text(
            FieldId::BirthYear,
            "intake-born",
            4,
            &p.and_then(|p| p.birth_year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        Field::text(
            FieldId::Relationship,
            "member-relationship",
            30,
            p.map(|p| p.relationship.as_str()).unwrap_or(""),
        ),
    ];
    let answers = p.map(|p| p.wg).unwrap_or_default();
    for (domain, (_, value)) in WgDomain::ALL.into_iter().zip(answers.domains()) {
        fields.push(Field::choice(
            FieldId::Wg(domain),
            domain.label(),
            wg_options(),
            Some(value.map(|a| a.code()).unwrap_or("")),
        ));
    }
    for (doc, label) in DOCS {
        fields.push(Field::check(
            FieldId::MissingDocument(doc),
            label,
            p.is_some_and(|p| p.missing_documents.contains(&doc)),
        ));
    }
    Form::new(fields)
}

pub fn member_from(
    form: &Form,
    existing: Option<&Person>,
    this_year: i32,
) -> Result<Person, Fault> {
    let name = form.text(FieldId::Name);
    if name.is_empty() {
        return Err((FieldId::Name, t("problem-name")));
    }
    let birth_year =
        year(&form.text(FieldId::BirthYear), this_year).map_err(|m| (FieldId::BirthYear, m))?;
    let mut p = existing
        .cloned()
        .unwrap_or_else(|| Person::new(Uuid::now_v7(), ""));
    p.name = name;
    p.latin = form.text(FieldId::Latin);
    p.sex = form.code(FieldId::Sex).and_then(|c| Sex::from_code(&c));
    p.birth_year = birth_year;
    p.relationship = form.text(FieldId::Relationship);
    let answer = |d: WgDomain| {
        form.code(FieldId::Wg(d))
            .and_then(|c| WgAnswer::from_code(&c))
    };
    p.wg = WgAnswers {
        seeing: answer(WgDomain::Seeing),
        hearing: answer(WgDomain::Hearing),
        walking: answer(WgDomain::Walking),
        remembering: answer(WgDomain::Remembering),
        self_care: answer(WgDomain::SelfCare),
        communicating: answer(WgDomain::Communicating),
    };
    for (doc, _) in DOCS {
        if form.checked(FieldId::MissingDocument(doc)) {
            p.missing_documents.insert(doc);
        } else {
            p.missing_documents.remove(&doc);
        }
    }
    Ok(p)
}

/// A need: its sector, priority, what is needed, and for whom: the whole household, its
/// head (`head`: the head's id and name as typed) or one of its members.
pub fn need_form(n: Option<&Need>, head: (Uuid, &str), members: &[Person]) -> Form {
    let (head_id, head_name) = head;
    let head_label = if head_name.trim().is_empty() {
        t("need-for-head-unnamed")
    } else {
        crate::i18n::tr(
            "need-for-head",
            &[("name", crate::i18n::Arg::Str(head_name.trim()))],
        )
    };
    let mut member_options = vec![
        Opt::new("", t("need-whole-household")),
        Opt::new(head_id.to_string(), head_label),
    ];
    member_options.extend(
        members
            .iter()
            .map(|m| Opt::new(m.id.to_string(), m.name.clone())),
    );
    Form::new(vec![
        Field::choice(
            FieldId::Sector,
            "need-sector",
            labels::sector_options(),
            n.map(|n| n.sector.code()),
        ),
        Field::choice(
            FieldId::Priority,
            "need-priority",
            labels::priority_options(),
            Some(n.map(|n| n.priority).unwrap_or(Priority::Normal).code()),
        ),
        Field::text(
            FieldId::Description,
            "need-description",
            500,
            n.map(|n| n.description.as_str()).unwrap_or(""),
        ),
        Field::choice(
            FieldId::Member,
            "need-member",
            member_options,
            Some(
                &n.and_then(|n| n.member)
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ),
        ),
    ])
}

pub fn need_from(
    form: &Form,
    existing: Option<&Need>,
    household: Uuid,
    worker: &str,
    now: Timestamp,
) -> Result<Need, Fault> {
    let sector = form
        .code(FieldId::Sector)
        .and_then(|c| Sector::from_code(&c))
        .ok_or((FieldId::Sector, t("problem-choose-sector")))?;
    let priority = form
        .code(FieldId::Priority)
        .and_then(|c| Priority::from_code(&c))
        .unwrap_or(Priority::Normal);
    let description = form.text(FieldId::Description);
    if description.is_empty() {
        return Err((FieldId::Description, t("problem-need-description")));
    }
    let member = form
        .code(FieldId::Member)
        .and_then(|c| Uuid::parse_str(&c).ok());
    Ok(match existing {
        Some(n) => Need {
            sector,
            priority,
            description,
            member,
            ..n.clone()
        },
        None => Need {
            id: Uuid::now_v7(),
            household,
            member,
            sector,
            description,
            priority,
            status: NeedStatus::Open,
            created_at: now,
            created_by: worker.to_string(),
        },
    })
}

/// The referral draft: priority from the need, a reason, what is disclosed (only when the
/// household consented to disclosure), a follow-up date, and whether to send now.
pub fn draft_form(need: &Need, consent: Option<&Consent>) -> Form {
    let mut fields = vec![
        Field::choice(
            FieldId::Priority,
            "need-priority",
            labels::priority_options(),
            Some(need.priority.code()),
        ),
        Field::text(FieldId::Reason, "draft-reason", 300, &need.description),
    ];
    if consent.is_some_and(|c| c.disclosure) {
        for f in DisclosedField::ALL {
            fields.push(Field::check(
                FieldId::Disclose(*f),
                disclosed_label(*f),
                matches!(
                    f,
                    DisclosedField::HeadName
                        | DisclosedField::Phone
                        | DisclosedField::NeedDescription
                ),
            ));
        }
    }
    fields.push(Field::date(FieldId::FollowUp, "draft-follow-up", ""));
    let can_send = consent.is_some_and(|c| c.services);
    fields.push(Field::choice(
        FieldId::Send,
        "draft-send",
        vec![
            Opt::new("send", t("draft-send-now")),
            Opt::new("draft", t("draft-keep")),
        ],
        Some(if can_send { "send" } else { "draft" }),
    ));
    Form::new(fields)
}

fn disclosed_label(f: DisclosedField) -> &'static str {
    match f {
        DisclosedField::HeadName => "disclosed-head-name",
        DisclosedField::Phone => "disclosed-phone",
        DisclosedField::Location => "disclosed-location",
        DisclosedField::Members => "disclosed-members",
        DisclosedField::Vulnerabilities => "disclosed-vulnerabilities",
        DisclosedField::NeedDescription => "disclosed-need-description",
    }
}

/// What the draft form says: priority, reason, disclosed fields, follow-up, send now.
pub struct Draft {
    pub priority: Priority,
    pub reason: String,
    pub disclosed: std::collections::BTreeSet<DisclosedField>,
    pub follow_up: Option<Date>,
    pub send: bool,
}

pub fn draft_from(form: &Form) -> Result<Draft, Fault> {
    let reason = form.text(FieldId::Reason);
    if reason.is_empty() {
        return Err((FieldId::Reason, t("problem-reason")));
    }
    let follow_up = date(&form.text(FieldId::FollowUp)).map_err(|m| (FieldId::FollowUp, m))?;
    Ok(Draft {
        priority: form
            .code(FieldId::Priority)
            .and_then(|c| Priority::from_code(&c))
            .unwrap_or(Priority::Normal),
        reason,
        disclosed: DisclosedField::ALL
            .iter()
            .copied()
            .filter(|f| form.checked(FieldId::Disclose(*f)))
            .collect(),
        follow_up,
        send: form.code(FieldId::Send).as_deref() == Some("send"),
    })
}

fn date(text: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(text)
        .map(Some)
        .ok_or_else(|| t("problem-date-format"))
}

/// What a move needs: a reason, or for a completion the outcome.
pub fn move_form(to: ReferralStatus) -> Form {
    let mut fields = Vec::new();
    if to == ReferralStatus::Completed {
        let mut outcomes = vec![Opt::new("successful", t("outcome-successful"))];
        outcomes.extend(NotSuccessfulReason::ALL.iter().map(|r| {
            Opt::new(
                r.code(),
                format!(
                    "{}: {}",
                    t("outcome-not-successful"),
                    labels::not_successful(*r)
                ),
            )
        }));
        fields.push(Field::choice(
            FieldId::Outcome,
            "move-outcome",
            outcomes,
            Some("successful"),
        ));
    }
    fields.push(Field::text(FieldId::Reason, "move-reason", 300, ""));
    fields.push(Field::text(FieldId::Note, "move-note", 300, ""));
    Form::new(fields)
}

pub fn move_from(to: ReferralStatus, form: &Form) -> Result<(Move, String), Fault> {
    let outcome = form
        .code(FieldId::Outcome)
        .as_deref()
        .and_then(Move::outcome_from_code);
    let mv = Move::to(to, form.text(FieldId::Reason), outcome)
        .ok_or((FieldId::Reason, t("problem-no-move")))?;
    Ok((mv, form.text(FieldId::Note)))
}

pub fn note_form() -> Form {
    Form::new(vec![Field::text(FieldId::Note, "move-note", 300, "")])
}

/// A worker's name and a new passphrase, twice.
pub fn worker_form(name: &str) -> Form {
    Form::new(vec![
        Field::text(FieldId::Name, "worker-name", 40, name),
        Field::secret(FieldId::Passphrase, "worker-passphrase", 200),
        Field::secret(FieldId::Again, "worker-again", 200),
    ])
}

/// A worker's name.
pub fn worker_name_form() -> Form {
    Form::new(vec![Field::text(FieldId::Name, "worker-name", 40, "")])
}

/// The name and passphrase of a worker form, checked: a name, a passphrase not too easy
/// to guess (keyring::check_passphrase, said why in the worker's language), typed the
/// same twice.
pub fn worker_from(form: &Form) -> Result<(String, String), Fault> {
    let name = form.text(FieldId::Name);
    if name.trim().is_empty() {
        return Err((FieldId::Name, t("problem-worker-name")));
    }
    let passphrase = form.text(FieldId::Passphrase);
    crate::keyring::check_passphrase(&name, &passphrase)
        .map_err(|weak| (FieldId::Passphrase, weak.message()))?;
    if form.text(FieldId::Again) != passphrase {
        return Err((FieldId::Again, t("problem-passphrase-differs")));
    }
    Ok((name.trim().to_string(), passphrase))
}

/// What a coordinator decides for a request: role, organization, sensitive cases, expiry.
pub fn approve_form() -> Form {
    let roles = crate::sync::team::Role::ALL
        .iter()
        .map(|r| Opt::new(r.code(), labels::role(*r)))
        .collect();
    Form::new(vec![
        Field::choice(FieldId::Role, "approve-role", roles, Some("outreach")),
        Field::text(FieldId::Org, "approve-org", 60, "CRC"),
        Field::check(FieldId::Sensitive, "approve-sensitive", false),
        Field::date(FieldId::Expires, "approve-expires", ""),
    ])
}

/// The approval the form says, or the field at fault.
pub fn approval_from(form: &Form, today: Date) -> Result<crate::sync::enrol::Approval, Fault> {
    let role = crate::sync::team::Role::from_code(&form.code(FieldId::Role).unwrap_or_default())
        .ok_or((FieldId::Role, t("problem-approve-role")))?;
    let org = form.text(FieldId::Org).trim().to_string();
    if org.is_empty() {
        return Err((FieldId::Org, t("problem-approve-org")));
    }
    let expires = match form.text(FieldId::Expires).trim() {
        "" => None,
        text => match Date::parse(text) {
            Some(d) if d >= today => Some(d),
            _ => return Err((FieldId::Expires, t("problem-approve-date"))),
        },
    };
    Ok(crate::sync::enrol::Approval {
        role,
        org,
        sensitive: form.checked(FieldId::Sensitive),
        expires,
    })
}

/// One line of text: the new value of a conflicted field.
pub fn resolve_text_form(current: &str) -> Form {
    Form::new(vec![Field::text(
        FieldId::Value,
        "conflict-value",
        500,
        current,
    )])
}

pub fn follow_up_form(current: Option<Date>) -> Form {
    Form::new(vec![Field::date(
        FieldId::Date,
        "draft-follow-up",
        &current.map(|d| d.to_string()).unwrap_or_default(),
    )])
}

pub fn follow_up_from(form: &Form) -> Result<Option<Date>, Fault> {
    date(&form.text(FieldId::Date)).map_err(|m| (FieldId::Date, m))
}

pub fn close_case_form() -> Form {
    Form::new(vec![
        Field::choice(
            FieldId::Reason,
            "close-reason",
            ClosureReason::ALL
                .iter()
                .map(|r| Opt::new(r.code(), labels::closure_reason(*r)))
                .collect(),
            None,
        ),
        Field::text(FieldId::DuplicateOf, "close-duplicate-of", 20, ""),
        Field::text(FieldId::Note, "move-note", 300, ""),
    ])
}

/// Lists typed in one field, separated by `;`.
fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A service of the directory: new (none) or edited. Its locations are kept as they are
/// (they come with an imported directory).
pub fn service_form(
    s: Option<&crate::model::Service>,
    orgs: &[crate::model::Organization],
) -> Form {
    let org_options = orgs
        .iter()
        .map(|o| Opt::new(o.id.to_string(), o.short_name().to_string()))
        .collect();
    let status = [
        Opt::new("active", t("svc-status-active")),
        Opt::new("inactive", t("svc-status-inactive")),
    ]
    .to_vec();
    let text = |f: fn(&crate::model::Service) -> String| s.map(f).unwrap_or_default();
    Form::new(vec![
        Field::choice(
            FieldId::Organization,
            "svc-organization",
            org_options,
            s.map(|s| s.organization.to_string()).as_deref(),
        ),
        Field::text(FieldId::Name, "svc-name", 120, &text(|s| s.name.clone())),
        Field::choice(
            FieldId::Sector,
            "svc-sector",
            labels::sector_options(),
            s.map(|s| s.sector.code()),
        ),
        Field::text(
            FieldId::Description,
            "svc-description",
            400,
            &text(|s| s.description.clone()),
        ),
        Field::text(
            FieldId::Eligibility,
            "svc-eligibility",
            200,
            &text(|s| s.eligibility.clone()),
        ),
        Field::text(
            FieldId::Areas,
            "svc-areas",
            200,
            &text(|s| s.areas.join("; ")),
        ),
        Field::text(FieldId::Hours, "svc-hours", 80, &text(|s| s.hours.clone())),
        Field::text(FieldId::Phone, "svc-phone", 40, &text(|s| s.phone.clone())),
        Field::text(
            FieldId::Method,
            "svc-referral-method",
            200,
            &text(|s| s.referral_method.clone()),
        ),
        Field::text(
            FieldId::Next,
            "svc-next-steps",
            200,
            &text(|s| s.next_steps.clone()),
        ),
        Field::text(
            FieldId::Languages,
            "svc-languages",
            120,
            &text(|s| s.languages.join("; ")),
        ),
        Field::text(
            FieldId::Documents,
            "svc-documents",
            300,
            &text(|s| s.required_documents.join("; ")),
        ),
        Field::text(FieldId::Fees, "svc-fees", 120, &text(|s| s.fees.clone())),
        Field::choice(
            FieldId::Status,
            "svc-status",
            status,
            Some(match s.map(|s| s.status) {
                Some(crate::model::ServiceStatus::Inactive) => "inactive",
                _ => "active",
            }),
        ),
    ])
}

/// The service the form says, or the field at fault.
pub fn service_from(
    form: &Form,
    base: Option<&crate::model::Service>,
    gazetteer: &crate::model::Gazetteer,
) -> Result<crate::model::Service, Fault> {
    let organization = form
        .code(FieldId::Organization)
        .and_then(|c| Uuid::parse_str(&c).ok())
        .ok_or((FieldId::Organization, t("problem-svc-organization")))?;
    let name = form.text(FieldId::Name);
    if name.is_empty() {
        return Err((FieldId::Name, t("problem-svc-name")));
    }
    let sector = form
        .code(FieldId::Sector)
        .and_then(|c| Sector::from_code(&c))
        .ok_or((FieldId::Sector, t("problem-svc-sector")))?;
    let areas = split_list(&form.text(FieldId::Areas));
    if let Some(bad) = areas.iter().find(|a| gazetteer.get(a).is_none()) {
        return Err((
            FieldId::Areas,
            crate::i18n::tr("problem-svc-area", &[("code", crate::i18n::Arg::Str(bad))]),
        ));
    }
    let service = crate::model::Service {
        id: base.map(|s| s.id).unwrap_or_else(Uuid::now_v7),
        organization,
        name,
        sector,
        description: form.text(FieldId::Description),
        eligibility: form.text(FieldId::Eligibility),
        areas,
        locations: base.map(|s| s.locations.clone()).unwrap_or_default(),
        hours: form.text(FieldId::Hours),
        phone: form.text(FieldId::Phone),
        referral_method: form.text(FieldId::Method),
        next_steps: form.text(FieldId::Next),
        languages: split_list(&form.text(FieldId::Languages)),
        required_documents: split_list(&form.text(FieldId::Documents)),
        fees: form.text(FieldId::Fees),
        status: if form.code(FieldId::Status).as_deref() == Some("inactive") {
            crate::model::ServiceStatus::Inactive
        } else {
            crate::model::ServiceStatus::Active
        },
        // What the form does not show (an imported directory's alternate name, places,
        // phones, schedules) is kept as it was.
        ..base.cloned().unwrap_or_default()
    };
    // Typed text never holds a hidden character (the text input takes none); what the
    // record kept from before (an older laptop's data) may.
    hidden_fault(
        &service.validate(),
        &[
            ("description", FieldId::Description),
            ("eligibility", FieldId::Eligibility),
            ("hours", FieldId::Hours),
            ("phone", FieldId::Phone),
            ("referral_method", FieldId::Method),
            ("next_steps", FieldId::Next),
            ("fees", FieldId::Fees),
            ("areas", FieldId::Areas),
            ("languages", FieldId::Languages),
            ("required_documents", FieldId::Documents),
        ],
    )?;
    Ok(service)
}

/// The first problem of the text rule (`model::text`) as a fault on the form's field
/// for it (`fields`: the model's field, the form's), else on the name.
fn hidden_fault(
    problems: &[crate::model::Problem],
    fields: &[(&str, FieldId)],
) -> Result<(), Fault> {
    let Some(p) = problems
        .iter()
        .find(|p| p.message.contains(crate::model::text::ADVICE))
    else {
        return Ok(());
    };
    let field = fields
        .iter()
        .find(|(model, _)| p.field == *model || p.field.starts_with(&format!("{model}[")))
        .map(|(_, form)| *form)
        .unwrap_or(FieldId::Name);
    Err((field, t("problem-hidden-characters")))
}

/// An organization: new (none) or edited; its first focal point is edited here.
pub fn organization_form(o: Option<&crate::model::Organization>) -> Form {
    let kinds = crate::model::OrgType::ALL
        .iter()
        .map(|k| {
            Opt::new(
                k.code(),
                t(&format!("org-type-{}", k.code().replace('_', "-"))),
            )
        })
        .collect();
    let focal = o.and_then(|o| o.focal_points.first());
    Form::new(vec![
        Field::text(
            FieldId::Name,
            "org-name",
            120,
            o.map(|o| o.name.as_str()).unwrap_or(""),
        ),
        Field::text(
            FieldId::Acronym,
            "org-acronym",
            30,
            o.map(|o| o.acronym.as_str()).unwrap_or(""),
        ),
        Field::choice(
            FieldId::Kind,
            "org-type",
            kinds,
            Some(o.map(|o| o.kind.code()).unwrap_or("other")),
        ),
        Field::text(
            FieldId::Focal,
            "org-focal-name",
            80,
            focal.map(|f| f.name.as_str()).unwrap_or(""),
        ),
        Field::text(
            FieldId::FocalPhone,
            "org-focal-phone",
            40,
            focal.map(|f| f.phone.as_str()).unwrap_or(""),
        ),
        Field::text(
            FieldId::FocalEmail,
            "org-focal-email",
            80,
            focal.map(|f| f.email.as_str()).unwrap_or(""),
        ),
    ])
}

/// The organization the form says, or the field at fault.
pub fn organization_from(
    form: &Form,
    base: Option<&crate::model::Organization>,
) -> Result<crate::model::Organization, Fault> {
    let name = form.text(FieldId::Name);
    if name.is_empty() {
        return Err((FieldId::Name, t("problem-org-name")));
    }
    let kind = form
        .code(FieldId::Kind)
        .and_then(|c| crate::model::OrgType::from_code(&c))
        .ok_or((FieldId::Kind, t("problem-org-type")))?;
    let mut focal_points = base.map(|o| o.focal_points.clone()).unwrap_or_default();
    let focal = crate::model::directory::FocalPoint {
        name: form.text(FieldId::Focal),
        phone: form.text(FieldId::FocalPhone),
        email: form.text(FieldId::FocalEmail),
    };
    let empty = focal.name.is_empty() && focal.phone.is_empty() && focal.email.is_empty();
    match (focal_points.first_mut(), empty) {
        (Some(first), false) => *first = focal,
        (Some(_), true) => {
            focal_points.remove(0);
        }
        (None, false) => focal_points.push(focal),
        (None, true) => {}
    }
    let org = crate::model::Organization {
        id: base.map(|o| o.id).unwrap_or_else(Uuid::now_v7),
        name,
        acronym: form.text(FieldId::Acronym),
        kind,
        focal_points,
        ..base.cloned().unwrap_or_default()
    };
    hidden_fault(
        &org.validate(),
        &[
            ("acronym", FieldId::Acronym),
            ("focal_points[1].name", FieldId::Focal),
            ("focal_points[1].phone", FieldId::FocalPhone),
            ("focal_points[1].email", FieldId::FocalEmail),
        ],
    )?;
    Ok(org)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::Key;

    #[test]
    fn a_member_needs_a_name_and_a_real_year() {
        let mut form = member_form(None);
        assert_eq!(
            member_from(&form, None, 2026).err().map(|e| e.0),
            Some(FieldId::Name)
        );
        form.get_mut(FieldId::Name)
            .map(|f| f.handle(&Key::char('H')));
        if let Some(f) = form.get_mut(FieldId::BirthYear) {
            for c in "٢٠٣٠".chars() {
                f.handle(&Key::char(c));
            }
        }
        assert_eq!(
            member_from(&form, None, 2026).err().map(|e| e.0),
            Some(FieldId::BirthYear)
        );
    }

    #[test]
    fn washington_group_answers_and_documents_are_read() {
        let mut form = member_form(None);
        form.get_mut(FieldId::Name)
            .map(|f| f.handle(&Key::char('Z')));
        // "a lot" is the third answer after "not asked".
        if let Some(f) = form.get_mut(FieldId::Wg(WgDomain::Walking)) {
            for _ in 0..3 {
                f.handle(&Key::new(ratatui::crossterm::event::KeyCode::Right));
            }
        }
        form.get_mut(FieldId::MissingDocument(CivilDocument::BirthCertificate))
            .map(|f| f.handle(&Key::char(' ')));
        let p = member_from(&form, None, 2026).expect("valid");
        assert_eq!(p.wg.walking, Some(WgAnswer::ALot));
        assert!(p.wg.has_disability());
        assert!(
            p.missing_documents
                .contains(&CivilDocument::BirthCertificate)
        );
    }

    #[test]
    fn a_need_may_be_the_heads() {
        let head = Uuid::from_u128(7);
        let son = Person::new(Uuid::from_u128(8), "Hassan");
        let mut form = need_form(None, (head, "Fatima"), std::slice::from_ref(&son));
        let labels: Vec<String> = form
            .get(FieldId::Member)
            .map(|f| f.options().iter().map(|o| o.label.clone()).collect())
            .unwrap_or_default();
        assert_eq!(
            labels,
            [
                t("need-whole-household"),
                crate::i18n::tr(
                    "need-for-head",
                    &[("name", crate::i18n::Arg::Str("Fatima"))]
                ),
                "Hassan".to_string()
            ]
        );
        if let Some(f) = form.get_mut(FieldId::Sector) {
            f.select(Some(Sector::Health.code()));
        }
        form.get_mut(FieldId::Description)
            .map(|f| f.handle(&Key::char('x')));
        if let Some(f) = form.get_mut(FieldId::Member) {
            f.select(Some(&head.to_string()));
        }
        let need = need_from(&form, None, Uuid::nil(), "a", Timestamp(0)).expect("valid");
        assert_eq!(need.member, Some(head));
        // A head not named yet is still a choice.
        let form = need_form(None, (head, " "), &[]);
        assert_eq!(
            form.get(FieldId::Member)
                .map(|f| f.options()[1].label.clone()),
            Some(t("need-for-head-unnamed"))
        );
    }

    #[test]
    fn a_record_that_kept_a_hidden_character_is_not_saved_as_it_is() {
        let dir = crate::model::sample::directory();
        let mut s = dir.services[0].clone();
        s.next_steps = "call \u{1b}]0;owned\u{7}".into();
        let form = service_form(Some(&s), &dir.organizations);
        let fault = service_from(&form, Some(&s), &crate::model::Gazetteer::builtin())
            .expect_err("the hidden character is named");
        assert_eq!(fault, (FieldId::Next, t("problem-hidden-characters")));
        s.next_steps = "call".into();
        s.locations[0].name = "CRC\u{202e}".into();
        let form = service_form(Some(&s), &dir.organizations);
        assert_eq!(
            service_from(&form, Some(&s), &crate::model::Gazetteer::builtin()).map_err(|f| f.0),
            Err(FieldId::Name)
        );
        let mut o = dir.organizations[0].clone();
        o.acronym = "A\u{9b}B".into();
        let form = organization_form(Some(&o));
        assert_eq!(
            organization_from(&form, Some(&o)).map_err(|f| f.0),
            Err(FieldId::Acronym)
        );
    }

    #[test]
    fn the_draft_discloses_nothing_without_consent_to_disclosure() {
        let need = Need {
            id: Uuid::nil(),
            household: Uuid::nil(),
            member: None,
            sector: Sector::Health,
            description: "clinic".into(),
            priority: Priority::Urgent,
            status: NeedStatus::Open,
            created_at: Timestamp(0),
            created_by: "a".into(),
        };
        let consent = Consent {
            services: true,
            disclosure: false,
            follow_up: true,
            recorded_at: Timestamp(0),
            recorded_by: "a".into(),
        };
        let form = draft_form(&need, Some(&consent));
        assert!(form.get(FieldId::Disclose(DisclosedField::Phone)).is_none());
        let d = draft_from(&form).expect("valid");
        assert!(d.disclosed.is_empty() && d.send);
        assert_eq!(d.priority, Priority::Urgent);
        let form = draft_form(&need, None);
        assert!(
            !draft_from(&form).expect("valid").send,
            "no consent: kept as a draft"
        );
    }
}
