//! Likely duplicates decided (issue 16, item 7; docs/decisions/0004-duplicates.md):
//! "same household" from the Queue's side-by-side view by keys, and what the store then
//! holds; the merged case code finding the kept household (the lookup, the command
//! line); "not the same" hiding the pair; both decisions travelling to another laptop
//! by bundle; a laptop that is not a coordinator's refused; a database of schema 3
//! brought up to date. The convergence of concurrent decisions is in convergence.rs.

use std::path::Path;

use daleel::model::{
    CaseStatus, ClosureReason, Household, Need, NeedStatus, Person, Priority, Referral, Sector,
    sample,
};
use daleel::store::{Edit, FixedClock};
use daleel::tui::app::App;
use daleel::tui::jobs::Runner;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::crossterm::event::KeyCode;
use uuid::Uuid;

use crate::common::device::{Device, all_trust};
use crate::common::keys::{press, typed};
use crate::common::screen::{self, said, shows};
use crate::common::{self, NOW};

fn app(ws: &Workspace) -> App {
    ws.store.set_worker("Amal H.").expect("worker");
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
}

/// A data directory with a fixed device key, so case codes are the same every run.
fn workspace(dir: &Path) -> Workspace {
    let mut key = b"DLK1".to_vec();
    key.extend([9u8; 32]);
    std::fs::write(dir.join("device.key"), key).expect("key");
    Workspace::open_with_clock(dir, FixedClock::at(NOW), &common::creds()).expect("open")
}

/// A household of the same family as every other one this makes: the same name, place
/// and year of birth (a likely duplicate), with `phone`.
fn family(phone: &str) -> Household {
    let mut h = common::household("Fatima Hassan Ali");
    h.head.birth_year = Some(1984);
    h.head.latin = "Fatima Hassan Ali".into();
    h.phone = phone.into();
    h.members = vec![Person::new(Uuid::now_v7(), "Zainab")];
    h
}

fn need(household: Uuid, description: &str) -> Need {
    Need {
        id: Uuid::now_v7(),
        household,
        sector: Sector::Health,
        description: description.into(),
        priority: Priority::Urgent,
        status: NeedStatus::Open,
        created_at: daleel::model::Timestamp(NOW),
        ..Need::default()
    }
}

fn referral(n: &Need) -> Referral {
    let s = sample::directory().services[0].clone();
    Referral {
        id: Uuid::now_v7(),
        household: n.household,
        need: n.id,
        service: s.id,
        organization: s.organization,
        created_at: daleel::model::Timestamp(NOW),
        ..Referral::default()
    }
}

/// Two records of one family on `ws`: the older with a need, the newer with a need and
/// a referral. Returns them (with their case codes) and the newer one's need and
/// referral.
fn two_records(ws: &Workspace) -> (Household, Household, Need, Referral) {
    let (older, newer) = (family("0770 123 4567"), family("0781 555 0000"));
    let (n1, n2) = (need(older.id, "clinic visit"), need(newer.id, "insulin"));
    let r2 = referral(&n2);
    ws.store
        .apply(
            "Amal H.",
            &[
                Edit::Household(older.clone()),
                Edit::Need(n1),
                Edit::Household(newer.clone()),
                Edit::Need(n2.clone()),
                Edit::Referral(r2.clone()),
            ],
        )
        .expect("save");
    let get = |id| ws.store.get::<Household>(id).expect("read").expect("held");
    (get(older.id), get(newer.id), n2, r2)
}

/// Opens the Queue and the likely pair on it.
fn open_the_pair(app: &mut App, code: &str) {
    press(app, KeyCode::F(5));
    for _ in 0..60 {
        if screen::lines(app)
            .iter()
            .any(|l| l.starts_with("> ") && l.contains(code) && l.contains(" = "))
        {
            break;
        }
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

#[test]
fn same_household_by_keys_keeps_one_code_and_moves_the_needs_and_referrals() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = workspace(dir.path());
    let (older, newer, n2, r2) = two_records(&ws);
    let mut app = app(&ws);
    assert!(shows(&app, "F5"), "{}", screen::text(&app));
    open_the_pair(&mut app, &older.case_code);
    // Both side by side, at 80x24: codes, names in both scripts, phones, the needs.
    let text = screen::text(&app);
    if std::env::var_os("DALEEL_SHOW_PAIR").is_some() {
        eprintln!("{text}");
    }
    for seen in [
        older.case_code.as_str(),
        newer.case_code.as_str(),
        "Fatima Hassan Ali",
        "0770 123 4567",
        "0781 555 0000",
        "insulin",
        "clinic visit",
        "Members (1)",
        "Zainab",
        "1 referral",
        "open",
    ] {
        assert!(text.contains(seen), "{seen:?} not shown:\n{text}");
    }
    assert!(text.contains("F9"), "the footer names the key: {text}");
    // F9: keep one or the other, or not the same.
    press(&mut app, KeyCode::F(9));
    let items = screen::menu_items(&app);
    assert_eq!(
        items[..3],
        [
            format!("Same household: keep {}", older.case_code),
            format!("Same household: keep {}", newer.case_code),
            "Not the same".to_string(),
        ],
        "{items:?}"
    );
    typed(&mut app, "1");
    let asked = screen::pop_up_text(&app);
    assert!(
        asked.contains(&format!("Keep {}", older.case_code)) && asked.contains("(1)"),
        "asked first: {asked}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        said(&app).contains(&format!(
            "{} merged into {}",
            newer.case_code, older.case_code
        )),
        "{}",
        screen::text(&app)
    );
    // The store: the newer record closed as a duplicate of the kept one, its need and
    // its referral moved.
    let closed: Household = ws.store.get(newer.id).expect("r").expect("p");
    assert!(matches!(&closed.status, CaseStatus::Closed(c)
        if c.reason == ClosureReason::Duplicate && c.duplicate_of == Some(older.id)));
    let moved: Need = ws.store.get(n2.id).expect("r").expect("p");
    assert_eq!(moved.household, older.id);
    let moved: Referral = ws.store.get(r2.id).expect("r").expect("p");
    assert_eq!(moved.household, older.id);
    assert_eq!(
        moved.history.len(),
        r2.history.len().max(1),
        "its history kept"
    );
    assert!(
        shows(&app, "Likely duplicate households: 0"),
        "{}",
        screen::text(&app)
    );
    // The merged code finds the kept household in the lookup, saying so; Enter opens
    // the kept household with both needs.
    press(&mut app, KeyCode::F(2));
    typed(&mut app, &newer.case_code);
    let row = screen::row_of(&app, "merged into").unwrap_or_else(|| screen::text(&app));
    assert!(
        row.contains(&format!(
            "{}, merged into {}",
            newer.case_code, older.case_code
        )) && row.trim_start_matches("> ").starts_with(&older.case_code),
        "{row}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        shows(&app, &format!("Household {}", older.case_code)),
        "{}",
        screen::text(&app)
    );
    let needs = ws.store.needs_of_case(older.id).expect("needs");
    assert_eq!(needs.len(), 2);
    // Noted in the audit trail.
    let trail = ws.store.audit_trail(None).expect("trail");
    assert!(
        trail
            .iter()
            .any(|e| e.action == daleel::store::audit::AuditAction::Merge
                && e.case_code.as_deref() == Some(newer.case_code.as_str()))
    );
}

#[test]
fn not_the_same_hides_the_pair_for_good() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = workspace(dir.path());
    let (older, newer, _, _) = two_records(&ws);
    let mut app = app(&ws);
    press(&mut app, KeyCode::F(5));
    assert!(
        shows(&app, "Likely duplicate households: 1"),
        "{}",
        screen::text(&app)
    );
    open_the_pair(&mut app, &older.case_code);
    press(&mut app, KeyCode::F(9));
    typed(&mut app, "3");
    assert!(
        said(&app).contains("not the same household"),
        "{}",
        screen::text(&app)
    );
    assert!(
        shows(&app, "Likely duplicate households: 0"),
        "{}",
        screen::text(&app)
    );
    assert_eq!(
        ws.store.distinct_pairs().expect("pairs").len(),
        1,
        "one decision"
    );
    // Both cases stay open and untouched.
    for h in [&older, &newer] {
        assert!(
            ws.store
                .get::<Household>(h.id)
                .expect("r")
                .expect("p")
                .is_open()
        );
    }
    // A third record of the family is offered with each of the two, not the pair.
    ws.store
        .apply("Amal H.", &[Edit::Household(family("0790 111 2222"))])
        .expect("third");
    let snapshot = daleel::tui::jobs::load_snapshot(&ws.store, 24).expect("load");
    let pairs: Vec<Vec<Uuid>> = snapshot
        .duplicate_groups
        .iter()
        .map(|g| g.iter().map(|h| h.id).collect())
        .collect();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert!(
        pairs
            .iter()
            .all(|p| !(p.contains(&older.id) && p.contains(&newer.id)))
    );
}

#[test]
fn both_decisions_travel_by_bundle_and_the_second_laptop_shows_the_same() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let (older, newer, n2, r2) = two_records(&a.ws);
    let (x, y) = (family("0750 000 0001"), family("0750 000 0002"));
    let (mut x, mut y) = (x, y);
    x.head.name = "Huda Kareem Salih".into();
    y.head.name = "Huda Kareem Salih".into();
    x.head.latin = String::new();
    y.head.latin = String::new();
    a.save(&[Edit::Household(x.clone()), Edit::Household(y.clone())]);
    b.import(&a.export(stick.path())).expect("first bundle");
    let before = daleel::tui::jobs::load_snapshot(&b.ws.store, 24).expect("load");
    assert_eq!(before.duplicate_groups.len(), 2, "two likely pairs on B");
    a.tick(1_000);
    a.ws.store
        .merge_households("Amal H.", older.id, newer.id)
        .expect("merge");
    assert!(
        a.ws.store
            .mark_distinct("Amal H.", x.id, y.id)
            .expect("mark")
    );
    let s = b.import(&a.export(stick.path())).expect("second bundle");
    assert!(s.new > 0);
    assert_eq!(a.digest(), b.digest());
    let merges = b.ws.store.merges().expect("merges");
    assert_eq!(merges.kept(newer.id), older.id);
    assert_eq!(b.get::<Need>(n2.id).household, older.id);
    assert_eq!(b.get::<Referral>(r2.id).household, older.id);
    assert_eq!(
        b.ws.store.distinct_pairs().expect("pairs"),
        a.ws.store.distinct_pairs().expect("pairs")
    );
    let after = daleel::tui::jobs::load_snapshot(&b.ws.store, 24).expect("load");
    assert!(after.duplicate_groups.is_empty(), "no pair left on B");
    // The merged code finds the kept household on B as on A.
    let found = b.ws.store.as_kept(&[newer.id]).expect("found");
    assert_eq!(found[0].household.id, older.id);
    assert_eq!(found[0].found_as.as_deref(), Some(newer.case_code.as_str()));
    assert!(b.ws.store.check().expect("check").is_empty());
}

#[test]
fn a_need_added_elsewhere_to_the_merged_case_shows_under_the_kept_one() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let (older, newer, _, _) = two_records(&a.ws);
    b.import(&a.export(stick.path())).expect("to B");
    // A merges; meanwhile B, not knowing, adds a need to the record A merges away.
    a.ws.store
        .merge_households("Amal H.", older.id, newer.id)
        .expect("merge");
    let late = need(newer.id, "blankets");
    b.save(&[Edit::Need(late.clone())]);
    b.import(&a.export(stick.path())).expect("to B");
    a.import(&b.export(stick.path())).expect("to A");
    assert_eq!(a.digest(), b.digest());
    for d in [&a, &b] {
        let needs: Vec<Uuid> =
            d.ws.store
                .needs_of_case(older.id)
                .expect("needs")
                .iter()
                .map(|n| n.id)
                .collect();
        assert!(needs.contains(&late.id), "{needs:?}");
        assert_eq!(needs.len(), 3);
        let snapshot = daleel::tui::jobs::load_snapshot(&d.ws.store, 24).expect("load");
        let row = snapshot
            .unreferred
            .iter()
            .find(|n| n.id == late.id)
            .expect("listed");
        assert_eq!(row.household, older.id);
        assert_eq!(&*row.case_code, older.case_code.as_str());
    }
}

#[test]
fn the_command_line_search_finds_the_kept_household_by_the_merged_code() {
    let dir = tempfile::tempdir().expect("dir");
    let (older, newer) = {
        let ws = Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &common::creds())
            .expect("open");
        let (older, newer, _, _) = two_records(&ws);
        ws.store
            .merge_households("Amal H.", older.id, newer.id)
            .expect("merge");
        (older, newer)
    };
    let out = common::unlocked(|| {
        Ok(common::daleel(
            dir.path(),
            &["households", "search", &newer.case_code],
        ))
    })
    .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with(&older.case_code)
            && stdout.contains(&format!(
                "({}, merged into {})",
                newer.case_code, older.case_code
            )),
        "{stdout}"
    );
    let out = common::daleel(
        dir.path(),
        &["households", "search", &newer.case_code, "--json"],
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list[0]["case_code"], older.case_code.as_str());
    assert_eq!(list[0]["found_as"], newer.case_code.as_str());
}

#[test]
fn a_laptop_that_is_not_a_coordinators_cannot_decide() {
    use daleel::sync::card::Card;
    use daleel::sync::enrol::Approval;
    use daleel::sync::team::{Refusal, Role};
    let stick = tempfile::tempdir().expect("stick");
    let c = Device::new();
    c.ws.team()
        .init("CRC Mosul", "CRC", false)
        .expect("team init");
    // Before it joins, a laptop decides "not the same" (nothing stops a laptop in no
    // team); then it joins as an outreach laptop.
    let o = Device::new();
    let (older, newer, _, _) = two_records(&o.ws);
    assert!(
        o.ws.store
            .mark_distinct("Amal H.", older.id, newer.id)
            .expect("mark")
    );
    let request =
        Card::write(&o.ws.identity, "laptop", daleel::model::Timestamp(NOW)).expect("request");
    let approval = Approval {
        role: Role::Outreach,
        org: "CRC".into(),
        sensitive: false,
        expires: None,
    };
    let (file, _) =
        c.ws.team()
            .approve(&Card::read(&request).expect("read"), &approval)
            .expect("approve");
    let (file, _) = o.ws.team().read_for_me(&file).expect("for o");
    o.ws.team().join(&file).expect("join");
    // Its own laptop judges the decision by its role now; so does the coordinator's.
    assert!(o.ws.store.distinct_pairs().expect("pairs").is_empty());
    let s = c.import(&o.export(stick.path())).expect("import");
    assert_eq!(s.beyond_role, 1);
    assert!(c.ws.store.distinct_pairs().expect("pairs").is_empty());
    let listed = c.ws.store.ineffective().expect("list");
    assert_eq!(listed[0].reason, Refusal::BeyondRole);
    assert_eq!(listed[0].entity, "distinct");
    assert_eq!(c.digest(), o.digest());
    // And it refuses either decision outright, saying who decides.
    for why in [
        o.ws.store
            .mark_distinct("Amal H.", older.id, newer.id)
            .expect_err("refused"),
        o.ws.store
            .merge_households("Amal H.", older.id, newer.id)
            .expect_err("refused"),
    ] {
        assert!(why.to_string().contains("only a coordinator"), "{why}");
    }
    // The coordinator decides.
    assert!(
        c.ws.store
            .mark_distinct("Amal H.", older.id, newer.id)
            .expect("mark")
    );
}

#[test]
fn a_schema_3_database_finds_its_merges_and_decisions_after_the_upgrade() {
    let stick = tempfile::tempdir().expect("stick");
    let (a, b) = (Device::new(), Device::new());
    all_trust(&[&a, &b]);
    let (older, newer, _, _) = two_records(&a.ws);
    let (x, y) = (family("0750 000 0001"), family("0750 000 0002"));
    a.save(&[Edit::Household(x.clone()), Edit::Household(y.clone())]);
    a.ws.store
        .merge_households("Amal H.", older.id, newer.id)
        .expect("merge");
    a.ws.store
        .mark_distinct("Amal H.", x.id, y.id)
        .expect("mark");
    b.import(&a.export(stick.path())).expect("import");
    let want = b.digest();
    let Device { _dir: dir, ws, .. } = b;
    drop(ws);
    // As a schema 3 Daleel left it: the bundle's "not the same" change in the log with
    // no record (a kind it did not know), and no index of merges.
    {
        let db =
            common::unlocked(|| Ok(sled::open(dir.path().join("db")).expect("raw"))).expect("raw");
        db.drop_tree("distinct").expect("drop");
        db.drop_tree("idx_households_duplicate_of").expect("drop");
        db.open_tree("meta")
            .expect("meta")
            .insert("schema_version", &3u32.to_be_bytes())
            .expect("schema");
        db.flush().expect("flush");
    }
    let ws = common::unlocked(|| {
        Workspace::open_with_clock(dir.path(), FixedClock::at(NOW), &common::creds())
    })
    .expect("reopen");
    assert_eq!(ws.store.merges().expect("merges").kept(newer.id), older.id);
    assert_eq!(ws.store.distinct_pairs().expect("pairs").len(), 1);
    assert_eq!(ws.store.state_digest().expect("digest"), want);
    assert!(ws.store.check().expect("check").is_empty());
}
