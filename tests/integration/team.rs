//! Teams (docs/teams.md): enrolment, roles enforced when state is computed, revocation by
//! sequence number learned through a courier, and what partners may and may not read.

use daleel::model::{
    DisclosedField, Household, Move, Need, NeedStatus, OrgType, Organization, Outcome, Priority,
    Referral, ReferralStatus, Sector, Timestamp, sample,
};
use daleel::store::{Edit, StoreError};
use daleel::sync::bundle::BundleError;
use daleel::sync::card::Card;
use daleel::sync::enrol::{Approval, TeamOpError, TeamText};
use daleel::sync::export::SyncError;
use daleel::sync::import::ImportError;
use daleel::sync::team::{Refusal, Role};
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use uuid::Uuid;

use crate::common;
use common::device::Device;
use common::{NOW, household};

/// A laptop that made a team and is its first coordinator (not certified for GBV and
/// child protection cases).
fn coordinator() -> Device {
    let c = Device::new();
    c.ws.team()
        .init("CRC Mosul", "CRC", false)
        .expect("team init");
    c
}

/// A first coordinator who is also certified for sensitive cases.
fn sensitive_coordinator() -> Device {
    let c = Device::new();
    c.ws.team()
        .init("CRC Mosul", "CRC", true)
        .expect("team init");
    c
}

/// `c` certifies `d` (request, approve, join), as the commands do.
fn enrol_as(c: &Device, d: &Device, role: Role, org: &str) {
    let request = Card::write(&d.ws.identity, "laptop", Timestamp(NOW)).expect("request");
    let card = Card::read(&request).expect("read request");
    let approval = Approval {
        role,
        org: org.into(),
        sensitive: false,
        expires: None,
    };
    let (file, cert) = c.ws.team().approve(&card, &approval).expect("approve");
    assert_eq!(cert.role, role);
    let (file, mine) = d.ws.team().read_for_me(&file).expect("a certificate for d");
    assert_eq!(mine.device, d.ws.identity.origin());
    d.ws.team().join(&file).expect("join");
}

fn organization(name: &str) -> Organization {
    Organization {
        id: Uuid::now_v7(),
        name: name.into(),
        acronym: String::new(),
        kind: OrgType::NationalNgo,
        focal_points: Vec::new(),
        ..Default::default()
    }
}

#[test]
fn a_device_enrols_and_team_bundles_flow_without_pairwise_trust() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let o = Device::new();
    // In no team and trusting no one, a laptop has no one to send to.
    let none = daleel::sync::export::export(&o.ws.store, &o.ws.identity, stick.path(), false);
    assert!(matches!(none, Err(SyncError::NoReceiver)), "{none:?}");
    enrol_as(&c, &o, Role::Outreach, "CRC");
    assert!(c.ws.store.trusted().expect("trusted").is_empty());
    assert!(o.ws.store.trusted().expect("trusted").is_empty());
    assert_eq!(
        o.ws.store.team().expect("team"),
        c.ws.store.team().expect("team")
    );

    let h = household("نور الهدى");
    o.save(&[Edit::Household(h.clone())]);
    let s = c
        .import(&o.export(stick.path()))
        .expect("the coordinator imports");
    assert_eq!(s.new, 1);
    let there: Household = c.get(h.id);
    assert_eq!(there.head.name, "نور الهدى");
    // And back: the coordinator's directory edit reaches the outreach laptop.
    let org = organization("Mosul Legal Aid");
    c.save(&[Edit::Organization(org.clone())]);
    let back = o
        .import(&c.export(stick.path()))
        .expect("the outreach laptop imports");
    assert_eq!(back.new, 1);
    assert_eq!(o.get::<Organization>(org.id).name, "Mosul Legal Aid");
    assert_eq!(c.digest(), o.digest());

    // A certificate made for another laptop is refused by this one, and changes nothing.
    let x = Device::new();
    let card =
        Card::read(&Card::write(&x.ws.identity, "x", Timestamp(NOW)).expect("card")).expect("read");
    let approval = Approval {
        role: Role::Outreach,
        org: "CRC".into(),
        sensitive: false,
        expires: None,
    };
    let (file, _) = c.ws.team().approve(&card, &approval).expect("approve x");
    let err = o.ws.team().read_for_me(&file).expect_err("not for o");
    assert!(matches!(err, TeamOpError::OtherDevice { .. }), "{err}");
    assert!(err.to_string().contains("another device"), "{err}");
    // A laptop of another team cannot join this one.
    let other = coordinator();
    let err =
        x.ws.team()
            .read_for_me(&file)
            .and_then(|(f, _)| {
                other.ws.team().join(&f)?;
                Ok(())
            })
            .expect_err("one team per laptop");
    assert!(err.to_string().contains("one team"), "{err}");
}

#[test]
fn only_the_team_key_or_a_coordinator_it_certified_approves() {
    let c = coordinator();
    let o = Device::new();
    enrol_as(&c, &o, Role::Outreach, "CRC");
    let x = Device::new();
    let approval = Approval {
        role: Role::Coordinator,
        org: "CRC".into(),
        sensitive: false,
        expires: None,
    };
    let err =
        o.ws.team()
            .approve(&x.card(), &approval)
            .expect_err("an outreach laptop");
    assert!(matches!(err, TeamOpError::NotAuthority), "{err}");
    assert!(err.to_string().contains("only a coordinator"), "{err}");
    // A second coordinator, certified with the team key, approves in turn: the team
    // survives the first laptop.
    let c2 = Device::new();
    enrol_as(&c, &c2, Role::Coordinator, "CRC");
    enrol_as(&c2, &x, Role::Outreach, "CRC");
    assert_eq!(
        x.ws.store
            .policy()
            .member(x.ws.identity.origin())
            .map(|m| m.role),
        Some(Role::Outreach)
    );
    // A partner must be an organization of the directory.
    let p = Device::new();
    let partner = Approval {
        role: Role::Partner,
        org: "Nobody Known".into(),
        sensitive: false,
        expires: None,
    };
    let err =
        c.ws.team()
            .approve(&p.card(), &partner)
            .expect_err("unknown org");
    assert!(matches!(err, TeamOpError::UnknownOrg { .. }), "{err}");
    assert!(err.to_string().contains("service directory"), "{err}");
}

#[test]
fn a_change_beyond_its_role_has_no_effect_on_any_device_and_is_listed() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let t = Device::new();
    enrol_as(&c, &t, Role::Outreach, "CRC");
    // Before it joins, the outreach laptop changes the directory (nothing stops a laptop
    // in no team), and records a household.
    let o = Device::new();
    let org = organization("Unofficial Office");
    let h = household("سارة");
    o.save(&[Edit::Organization(org.clone()), Edit::Household(h.clone())]);
    enrol_as(&c, &o, Role::Outreach, "CRC");
    // Its own laptop judges its changes by its role now, too.
    assert!(
        o.ws.store
            .get::<Organization>(org.id)
            .expect("read")
            .is_none()
    );
    assert!(o.ws.store.get::<Household>(h.id).expect("read").is_some());
    // And refuses a new one outright.
    let err =
        o.ws.store
            .apply("worker", &[Edit::Organization(organization("Another"))])
            .expect_err("beyond role");
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err}");

    let s = c.import(&o.export(stick.path())).expect("import");
    assert_eq!((s.new, s.beyond_role, s.revoked), (2, 1, 0));
    assert!(
        c.ws.store
            .get::<Organization>(org.id)
            .expect("read")
            .is_none()
    );
    let _: Household = c.get(h.id);
    let listed = c.ws.store.ineffective().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].origin, o.ws.identity.origin());
    assert_eq!(listed[0].reason, Refusal::BeyondRole);
    assert_eq!(listed[0].entity, "organization");
    // Forwarded by the coordinator, it has no effect on a third laptop either.
    let s = t.import(&c.export(stick.path())).expect("import at t");
    assert_eq!(s.beyond_role, 1);
    assert!(
        t.ws.store
            .get::<Organization>(org.id)
            .expect("read")
            .is_none()
    );
    assert_eq!(t.digest(), c.digest());
}

#[test]
fn a_revoked_devices_later_changes_have_no_effect_on_a_third_device_told_by_a_courier() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let (x, t, k) = (Device::new(), Device::new(), Device::new());
    for d in [&x, &t, &k] {
        enrol_as(&c, d, Role::Outreach, "CRC");
    }
    // The laptops learn of each other through the coordinator's bundle.
    let first = c.export(stick.path());
    for d in [&x, &t, &k] {
        d.import(&first).expect("roster");
    }
    let early = household("before");
    x.save(&[Edit::Household(early.clone())]);
    let b1 = x.export(stick.path());
    c.import(&b1).expect("c gets the early change");
    t.import(&b1).expect("t too");
    // The laptop is stolen: the thief's change reaches t before the revocation does.
    let late = household("after");
    x.save(&[Edit::Household(late.clone())]);
    t.import(&x.export(stick.path()))
        .expect("t gets the late change");
    assert!(
        t.ws.store
            .get::<Household>(late.id)
            .expect("read")
            .is_some()
    );

    let revocation =
        c.ws.team()
            .revoke(x.ws.identity.origin(), None)
            .expect("revoke after what c holds");
    assert_eq!(revocation.after_seq, 1);
    // A courier carries the revocation from the coordinator to t.
    k.import(&c.export(stick.path())).expect("the courier");
    let s = t.import(&k.export(stick.path())).expect("t hears of it");
    assert!(s.statements >= 1);
    assert!(
        t.ws.store
            .get::<Household>(late.id)
            .expect("read")
            .is_none()
    );
    assert!(
        t.ws.store
            .get::<Household>(early.id)
            .expect("read")
            .is_some()
    );
    let listed = t.ws.store.ineffective().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].seq, listed[0].reason), (2, Refusal::Revoked));
    // Later changes of the revoked laptop have no effect where they land.
    let later = household("later still");
    x.save(&[Edit::Household(later.clone())]);
    let s = t.import(&x.export(stick.path())).expect("import");
    assert_eq!(s.revoked, 1);
    assert!(
        t.ws.store
            .get::<Household>(later.id)
            .expect("read")
            .is_none()
    );
    // The coordinator, given everything, computes the same state.
    c.import(&x.export(stick.path())).expect("c");
    c.import(&t.export(stick.path())).expect("c");
    t.import(&c.export(stick.path())).expect("t");
    assert_eq!(c.digest(), t.digest());
    // A revoked laptop is no longer sent bundles.
    let policy = c.ws.store.policy();
    assert!(
        policy
            .team_recipients(c.ws.identity.origin())
            .iter()
            .all(|(o, _)| *o != x.ws.identity.origin())
    );
}

#[test]
fn a_team_bundle_cannot_be_decrypted_by_a_partner_device() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let (o, p) = (Device::new(), Device::new());
    enrol_as(&c, &o, Role::Outreach, "CRC");
    enrol_as(&c, &p, Role::Partner, "NRC");
    c.save(&[Edit::Household(household("hidden"))]);
    let err = p
        .import(&c.export(stick.path()))
        .expect_err("not for partners");
    assert!(
        matches!(err, ImportError::Bundle(BundleError::NotForMe { .. })),
        "{err}"
    );
    // Even when the coordinator also trusts the partner's laptop pair-wise.
    c.trusts(&p);
    let err = p.import(&c.export(stick.path())).expect_err("still not");
    assert!(matches!(
        err,
        ImportError::Bundle(BundleError::NotForMe { .. })
    ));
}

/// A sent referral from a household to `org`'s first service outside the sensitive
/// sectors, for a need of `sector`, disclosing `fields`.
fn sent_referral(
    c: &Device,
    h: &Household,
    org: &str,
    sector: Sector,
    fields: &[DisclosedField],
) -> Referral {
    let dir = sample::directory();
    let org = dir
        .organizations
        .iter()
        .find(|o| o.acronym == org)
        .expect("a sample organization");
    let service = dir
        .services
        .iter()
        .find(|s| s.organization == org.id && !s.sector.is_sensitive())
        .expect("a service of it");
    let need = Need {
        id: Uuid::now_v7(),
        household: h.id,
        sector,
        description: format!("Sentinelneed of {}", h.head.name),
        priority: Priority::Urgent,
        status: NeedStatus::Open,
        created_at: Timestamp(NOW),
        created_by: "w".into(),
        ..Need::default()
    };
    let r = Referral {
        id: Uuid::now_v7(),
        household: h.id,
        need: need.id,
        service: service.id,
        organization: org.id,
        referring_org: "CRC".into(),
        priority: Priority::Urgent,
        reason: "needs legal counselling".into(),
        disclosed: fields.iter().copied().collect(),
        created_at: Timestamp(NOW),
        created_by: "w".into(),
        ..Referral::default()
    };
    c.save(&[Edit::Need(need), Edit::Referral(r.clone())]);
    c.ws.store
        .move_referral("w", r.id, &Move::Send, "")
        .expect("send");
    r
}

/// A household that consented (or not) to disclosure, with a phone and a village.
fn consenting(name: &str, disclosure: bool) -> Household {
    let mut h = household(name);
    if let Some(c) = h.consent.as_mut() {
        c.disclosure = disclosure;
    }
    h.phone = format!("0770 {} 1111", name.len());
    h.location.village = format!("Village of {name}");
    h
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_partner_hand_off_holds_only_its_referrals_consented_fields_and_no_sensitive_case() {
    let stick = tempfile::tempdir().expect("stick");
    let c = sensitive_coordinator();
    let (o, p, q) = (Device::new(), Device::new(), Device::new());
    enrol_as(&c, &o, Role::Outreach, "CRC");
    enrol_as(&c, &p, Role::Partner, "NRC");
    enrol_as(&c, &q, Role::Partner, "UNHCR");
    let alpha = consenting("Sentinel Alpha", true);
    let beta = consenting("Sentinel Beta", true);
    let gamma = consenting("Sentinel Gamma", true);
    let delta = consenting("Sentinel Delta", true);
    c.save(&[&alpha, &beta, &gamma, &delta].map(|h| Edit::Household(h.clone())));
    let alpha = c.get::<Household>(alpha.id);
    let gamma = c.get::<Household>(gamma.id);
    let everything = [DisclosedField::HeadName, DisclosedField::Phone];
    let r1 = sent_referral(&c, &alpha, "NRC", Sector::Hlp, &[DisclosedField::HeadName]);
    let r2 = sent_referral(&c, &beta, "UNHCR", Sector::Protection, &everything);
    let r3 = sent_referral(&c, &gamma, "NRC", Sector::Hlp, &everything);
    let r4 = sent_referral(&c, &delta, "NRC", Sector::Gbv, &everything);
    // Gamma withdraws consent to disclosure after its referral was sent.
    c.edit_household("w", gamma.id, 10, |h| {
        if let Some(consent) = h.consent.as_mut() {
            consent.disclosure = false;
        }
    });

    let s = daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "nrc", stick.path())
        .expect("hand-off");
    assert_eq!((s.referrals, s.households, s.sensitive_left_out), (2, 2, 1));
    // Its name tells whoever holds the stick the sender and the time, not the partner.
    let name = s
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_lowercase();
    assert!(!name.contains("nrc") && !name.contains("for"), "{name}");
    let bytes = std::fs::read(&s.path).expect("read");
    // Opened as the partner's laptop opens it: the whole decrypted content is scanned.
    let handoff = daleel::sync::handoff::open(&p.ws.store, &bytes, &p.ws.identity).expect("open");
    let plain = daleel::codec::encode(&handoff).expect("encode");
    assert!(contains(&plain, "Sentinel Alpha"), "the disclosed name");
    assert!(
        contains(&plain, &alpha.case_code),
        "the reference for the answer"
    );
    assert!(contains(&plain, &gamma.case_code));
    for absent in [
        alpha.phone.as_str(),
        "Village of Sentinel Alpha",
        "Sentinelneed of Sentinel Alpha",
        "Sentinel Beta",
        "Sentinel Gamma",
        gamma.phone.as_str(),
        "Village of Sentinel Gamma",
        "Sentinel Delta",
        "Amal H.",
    ] {
        assert!(!contains(&plain, absent), "{absent} must not be handed off");
    }
    let referrals: Vec<Uuid> = handoff
        .snapshot
        .referrals
        .iter()
        .map(|r| r.referral.id)
        .collect();
    assert!(referrals.contains(&r1.id) && referrals.contains(&r3.id));
    assert!(!referrals.contains(&r2.id) && !referrals.contains(&r4.id));
    let households: Vec<Uuid> = handoff.snapshot.households.iter().map(|h| h.id).collect();
    assert_eq!(households.len(), 2);
    assert!(households.contains(&alpha.id) && households.contains(&gamma.id));
    // Nobody else opens it: not another agency's partner, not a team laptop.
    let err = daleel::sync::handoff::open(&q.ws.store, &bytes, &q.ws.identity).expect_err("q");
    assert!(
        matches!(err, ImportError::Bundle(BundleError::NotForMe { .. })),
        "{err}"
    );
    assert!(o.import(&s.path).is_err());
    // Each household handed off is in the coordinator's audit trail.
    let trail =
        c.ws.store
            .audit_trail(Some(&alpha.case_code))
            .expect("audit");
    assert!(
        trail.iter().any(|e| e.what.contains("hand-off to NRC")),
        "{trail:?}"
    );
}

#[test]
fn a_partners_acceptance_and_completion_reach_the_crc_and_its_queue() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let p = Device::new();
    enrol_as(&c, &p, Role::Partner, "NRC");
    let h = consenting("Sentinel Alpha", true);
    c.save(&[Edit::Household(h.clone())]);
    let h = c.get::<Household>(h.id);
    let r = sent_referral(&c, &h, "NRC", Sector::Hlp, &[DisclosedField::HeadName]);
    let awaiting = |d: &Device| {
        let mut app = App::new(
            d.ws.store.clone(),
            Theme::plain(),
            Runner::Inline(Vec::new()),
            0,
        )
        .expect("app");
        app.handle_event(Event::Key(Key::new(KeyCode::F(5))));
        // The Queue's heading: "Awaiting response: 1 (0 overdue)".
        let row = common::screen::row_of(&app, "Awaiting response: ")
            .unwrap_or_else(|| panic!("the queue: {}", common::screen::text(&app)));
        row.split("Awaiting response: ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("a count: {row}"))
    };
    assert_eq!(awaiting(&c), 1);

    let handoff =
        daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "NRC", stick.path())
            .expect("hand-off");
    let s = p.import(&handoff.path).expect("the partner imports");
    assert_eq!(s.handed_off, Some(1));
    assert_eq!(p.get::<Referral>(r.id).status(), ReferralStatus::Sent);
    assert_eq!(p.get::<Household>(h.id).head.name, "Sentinel Alpha");
    // The partner answers; it may do nothing else.
    p.ws.store
        .move_referral("NRC focal point", r.id, &Move::Accept, "")
        .expect("accept");
    let err =
        p.ws.store
            .apply("x", &[Edit::Household(p.get::<Household>(h.id))])
            .expect_err("a partner does not edit households");
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err}");
    let back = c.import(&p.export(stick.path())).expect("the CRC imports");
    assert_eq!((back.new, back.beyond_role), (1, 0));
    assert_eq!(c.get::<Referral>(r.id).status(), ReferralStatus::Accepted);
    assert_eq!(awaiting(&c), 0, "no longer awaiting a response");
    // A new hand-off keeps the partner's answer; completion travels back too.
    let again =
        daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "NRC", stick.path())
            .expect("hand-off");
    p.import(&again.path).expect("again");
    assert_eq!(p.get::<Referral>(r.id).status(), ReferralStatus::Accepted);
    p.ws.store
        .move_referral(
            "NRC focal point",
            r.id,
            &Move::Complete {
                outcome: Outcome::Successful,
                reason: String::new(),
            },
            "",
        )
        .expect("complete");
    c.import(&p.export(stick.path())).expect("the CRC imports");
    let at_crc = c.get::<Referral>(r.id);
    assert_eq!(at_crc.status(), ReferralStatus::Completed);
    assert_eq!(
        at_crc.history.last().map(|s| s.by.as_str()),
        Some("NRC focal point")
    );
    assert!(at_crc.flagged.is_empty());
}

#[test]
fn a_partners_answer_to_another_organizations_referral_has_no_effect() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let p = Device::new();
    // Before it is certified, the laptop is trusted pair-wise and answers a referral
    // addressed to another agency.
    c.trusts(&p);
    p.trusts(&c);
    let h = consenting("Sentinel Alpha", true);
    c.save(&[Edit::Household(h.clone())]);
    let h = c.get::<Household>(h.id);
    let r = sent_referral(&c, &h, "UNHCR", Sector::Protection, &[]);
    p.import(&c.export(stick.path())).expect("p");
    p.ws.store
        .move_referral("someone", r.id, &Move::Accept, "")
        .expect("accept, in no team");
    enrol_as(&c, &p, Role::Partner, "NRC");
    let s = c.import(&p.export(stick.path())).expect("c");
    assert_eq!(s.beyond_role, 1);
    assert_eq!(c.get::<Referral>(r.id).status(), ReferralStatus::Sent);
    let listed = c.ws.store.ineffective().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].entity.as_str(), listed[0].reason),
        ("referral", Refusal::BeyondRole)
    );
    // The partner's laptop keeps only what hand-offs for its agency hold, from the next
    // one on: the other agency's referral is gone from it.
    let handoff =
        daleel::sync::handoff::export_for_org(&c.ws.store, &c.ws.identity, "NRC", stick.path())
            .expect("hand-off");
    p.import(&handoff.path).expect("hand-off");
    assert!(p.ws.store.get::<Referral>(r.id).expect("read").is_none());
}

#[test]
fn an_expired_certificate_is_a_warning_in_the_queue_not_a_cut_off() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let o = Device::new();
    let approval = Approval {
        role: Role::Outreach,
        org: "CRC".into(),
        sensitive: false,
        expires: daleel::model::Date::parse("2026-12-31"),
    };
    let (file, _) = c.ws.team().approve(&o.card(), &approval).expect("approve");
    let (file, _) = o.ws.team().read_for_me(&file).expect("read");
    o.ws.team().join(&file).expect("join");
    // Six weeks later the certificate has expired: the laptop's changes still count.
    let later = 45 * 24 * 3_600_000;
    o.tick(later);
    c.tick(later);
    let h = household("after expiry");
    o.save(&[Edit::Household(h.clone())]);
    let s = c.import(&o.export(stick.path())).expect("import");
    assert_eq!((s.new, s.beyond_role, s.revoked), (1, 0, 0));
    let _: Household = c.get(h.id);
    let mut app = App::new(
        c.ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app");
    app.handle_event(Event::Key(Key::new(KeyCode::F(5))));
    let shown = common::screen::lines_at(&app, 100, 40).join("\n");
    assert!(
        shown.contains("Team: 1 certificates expired, 0 changes kept with no effect"),
        "{shown}"
    );
    let policy = c.ws.store.policy();
    assert_eq!(
        policy.standing(o.ws.identity.origin(), c.ws.store.now().date()),
        daleel::sync::team::Standing::Expired
    );
}

fn enrol_sensitive(c: &Device, d: &Device, sensitive: bool) {
    let approval = Approval {
        role: Role::Outreach,
        org: "CRC".into(),
        sensitive,
        expires: None,
    };
    let (file, _) = c.ws.team().approve(&d.card(), &approval).expect("approve");
    let (file, _) = d.ws.team().read_for_me(&file).expect("read");
    d.ws.team().join(&file).expect("join");
}

#[test]
fn sensitive_cases_travel_only_to_laptops_certified_for_them() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let (s1, s2, o) = (Device::new(), Device::new(), Device::new());
    enrol_sensitive(&c, &s1, true);
    enrol_sensitive(&c, &s2, true);
    enrol_sensitive(&c, &o, false);
    let roster = c.export(stick.path());
    for d in [&s1, &s2, &o] {
        d.import(&roster).expect("roster");
    }
    // A caseworker records a GBV case; an ordinary household travels beside it.
    let h = consenting("Sentinel Alpha", true);
    let plain = household("Sentinel Plain");
    s1.save(&[Edit::Household(h.clone()), Edit::Household(plain.clone())]);
    let h = s1.get::<Household>(h.id);
    let r = sent_referral(&s1, &h, "UNHCR", Sector::Gbv, &[]);
    let out = daleel::sync::export::export(&s1.ws.store, &s1.ws.identity, stick.path(), false)
        .expect("export");
    let second = out.sensitive_path.clone().expect("a file for caseworkers");
    // Both names tell nothing of what is inside: the second is the first numbered.
    let name = |p: &std::path::Path| p.file_name().expect("n").to_string_lossy().into_owned();
    assert!(!name(&second).contains("sensitive"), "{}", name(&second));
    assert_eq!(
        name(&second),
        name(&out.path).replace(".bundle", "-2.bundle")
    );
    // The outreach laptop gets the households, and nothing of the case.
    o.import(&out.path).expect("o");
    let _: Household = o.get(plain.id);
    let _: Household = o.get(h.id);
    assert!(o.ws.store.get::<Need>(r.need).expect("read").is_none());
    assert!(o.ws.store.get::<Referral>(r.id).expect("read").is_none());
    let inside = o.plain(&out.path);
    assert!(
        !contains(&inside, "Sentinelneed of Sentinel Alpha"),
        "no value of the case"
    );
    assert!(contains(&inside, "Sentinel Plain"));
    let err = o.import(&second).expect_err("not for o");
    assert!(
        matches!(err, ImportError::Bundle(BundleError::NotForMe { .. })),
        "{err}"
    );
    // Nor does the coordinator's laptop, not certified for them.
    c.import(&out.path).expect("c");
    assert!(c.ws.store.get::<Need>(r.need).expect("read").is_none());
    // The other caseworker takes the values when the second file comes, in either order.
    s2.import(&out.path).expect("s2 main");
    assert!(s2.ws.store.get::<Need>(r.need).expect("read").is_none());
    s2.import(&second).expect("s2 sensitive");
    assert_eq!(
        s2.get::<Need>(r.need).description,
        "Sentinelneed of Sentinel Alpha"
    );
    assert_eq!(s2.get::<Referral>(r.id).status(), ReferralStatus::Sent);
    assert_eq!(s2.digest(), s1.digest());
    // An uncertified laptop does not record such a case at all.
    let err =
        o.ws.store
            .apply(
                "worker",
                &[Edit::Need(Need {
                    id: Uuid::now_v7(),
                    household: plain.id,
                    sector: Sector::ChildProtection,
                    ..Need::default()
                })],
            )
            .expect_err("not certified");
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err}");
}

#[test]
fn a_stolen_coordinators_statements_after_its_cut_off_count_for_nothing() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let (c2, x, y, o, t) = (
        Device::new(),
        Device::new(),
        Device::new(),
        Device::new(),
        Device::new(),
    );
    enrol_as(&c, &c2, Role::Coordinator, "CRC");
    enrol_as(&c, &o, Role::Outreach, "CRC");
    enrol_as(&c, &t, Role::Outreach, "CRC");
    let roster = c.export(stick.path());
    for d in [&c2, &o, &t] {
        d.import(&roster).expect("roster");
    }
    // The second coordinator certifies a laptop: a statement in its own log.
    enrol_as(&c2, &x, Role::Outreach, "CRC");
    c.import(&c2.export(stick.path())).expect("c hears of it");
    // Its laptop is stolen: the team key revokes it after what the CRC holds of it.
    let r =
        c.ws.team()
            .revoke(c2.ws.identity.origin(), None)
            .expect("revoke");
    assert_eq!(r.after_seq, 1);
    // The thief, not knowing, certifies a laptop of its own and revokes a good one.
    enrol_as(&c2, &y, Role::Outreach, "CRC");
    c2.ws
        .team()
        .revoke(o.ws.identity.origin(), Some(0))
        .expect("the thief revokes");
    // A laptop that hears the thief first believes it, until the revocation comes.
    t.import(&c2.export(stick.path()))
        .expect("the thief's bundle");
    assert!(
        t.ws.store
            .policy()
            .revoked
            .contains_key(&o.ws.identity.origin())
    );
    t.import(&c.export(stick.path())).expect("the CRC's bundle");
    let policy = t.ws.store.policy();
    assert!(!policy.revoked.contains_key(&o.ws.identity.origin()));
    assert!(
        policy.member(y.ws.identity.origin()).is_none(),
        "certified after the cut-off"
    );
    assert!(
        policy.member(x.ws.identity.origin()).is_some(),
        "certified before it"
    );
    assert_eq!(
        policy.revoked.get(&c2.ws.identity.origin()).copied(),
        Some(1)
    );
    t.save(&[Edit::Household(household("still working"))]);
}

#[test]
fn a_revocation_counts_even_when_the_bundle_that_carried_it_is_refused() {
    let stick = tempfile::tempdir().expect("stick");
    let c = coordinator();
    let (x, t, k) = (Device::new(), Device::new(), Device::new());
    // A training laptop of the team: its bundles never mix with real data.
    k.ws.store
        .set_kind(daleel::store::DatabaseKind::Demo)
        .expect("demo");
    for d in [&x, &t, &k] {
        enrol_as(&c, d, Role::Outreach, "CRC");
    }
    let roster = c.export(stick.path());
    t.import(&roster).expect("t");
    x.import(&roster).expect("x");
    let late = household("after the theft");
    x.save(&[Edit::Household(late.clone())]);
    t.import(&x.export(stick.path())).expect("t gets it");
    c.ws.team()
        .revoke(x.ws.identity.origin(), Some(0))
        .expect("revoke");
    // The training laptop refuses the CRC's real data, but keeps its team statements…
    assert!(k.import(&c.export(stick.path())).is_err());
    assert!(
        k.ws.store
            .policy()
            .revoked
            .contains_key(&x.ws.identity.origin())
    );
    // …and its bundle, refused by a real laptop in turn, still tells it of the revocation.
    let err = t
        .import(&k.export(stick.path()))
        .expect_err("demo and real never mix");
    assert!(matches!(err, ImportError::Kind(_)), "{err}");
    assert!(
        t.ws.store
            .get::<Household>(late.id)
            .expect("read")
            .is_none()
    );
}

#[test]
fn names_with_hidden_characters_are_refused_from_a_request_and_in_a_team_file() {
    let c = coordinator();
    let d = Device::new();
    // A request (a card) whose name would print a fake fingerprint line.
    let hostile = Card::write(
        &d.ws.identity,
        "laptop\nFingerprint: 0000-0000\u{1b}[8m",
        Timestamp(NOW),
    )
    .expect("request");
    let err = Card::read(&hostile).expect_err("a hostile name");
    assert!(err.to_string().contains("device name on the card"), "{err}");
    // A team file whose team name (not signed) was changed on the way.
    let approval = Approval {
        role: Role::Outreach,
        org: "CRC".into(),
        sensitive: false,
        expires: None,
    };
    let (file, _) = c.ws.team().approve(&d.card(), &approval).expect("approve");
    let mut team_file = daleel::sync::team::TeamFile::read(&file).expect("read");
    team_file.team.name = "CRC \u{1b}]0;owned\u{7}\u{1b}[2J".into();
    let tampered = team_file.write().expect("write");
    let err =
        d.ws.team()
            .read_for_me(&tampered)
            .expect_err("a hostile team name");
    assert!(
        matches!(
            err,
            TeamOpError::HiddenInFile {
                what: TeamText::TeamName,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("the team's name holds"), "{err}");
    assert!(d.ws.store.team().expect("team").is_none(), "not joined");
    // A coordinator cannot type one into a certificate, nor make a team with one.
    let err =
        c.ws.team()
            .approve(
                &d.card(),
                &Approval {
                    org: "CRC\u{202e}".into(),
                    ..approval.clone()
                },
            )
            .expect_err("a hostile organization");
    assert!(err.to_string().contains("U+202E"), "{err}");
    assert!(
        err.to_string()
            .starts_with("the organization holds an invisible direction control"),
        "{err}"
    );
    let e = Device::new();
    let err =
        e.ws.team()
            .init("Team\u{9b}2J", "CRC", false)
            .expect_err("a hostile team name");
    assert!(
        matches!(
            err,
            TeamOpError::Hidden {
                what: TeamText::TeamName,
                ..
            }
        ),
        "{err}"
    );
    // The untampered file joins.
    let (file, _) = d.ws.team().read_for_me(&file).expect("read");
    d.ws.team().join(&file).expect("join");
}
