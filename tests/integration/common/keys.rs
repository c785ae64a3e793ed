//! Driving the screens as a person does, for the tests of the screens: a window on a
//! workspace (plain theme, jobs run inline), keys pressed and text typed, and the
//! household and need they are shown.

use std::path::Path;

use daleel::model::{
    CaseStatus, Consent, Date, Displacement, DisplacementKind, Household, Location, Need,
    NeedStatus, Person, Priority, Sector, Sex, Timestamp,
};
use daleel::store::FixedClock;
use daleel::tui::app::App;
use daleel::tui::event::Event;
use daleel::tui::jobs::Runner;
use daleel::tui::keys::Key;
use daleel::tui::theme::Theme;
use daleel::workspace::Workspace;
use ratatui::crossterm::event::KeyCode;
use uuid::Uuid;

const HOUR: i64 = 3_600_000;

/// A data directory with a device key made of `byte`, so that its case codes are the
/// same every run, at the fixed time `super::NOW`.
pub fn fixed_workspace(dir: &Path, byte: u8) -> Workspace {
    let mut key = b"DLK1".to_vec();
    key.extend([byte; 32]);
    std::fs::write(dir.join("device.key"), key).expect("key");
    Workspace::open_with_clock(dir, FixedClock::at(super::NOW), &super::creds()).expect("open")
}

/// The screens on `ws`, as they open (no worker chosen unless the store has one).
pub fn window(ws: &Workspace) -> App {
    App::new(
        ws.store.clone(),
        Theme::plain(),
        Runner::Inline(Vec::new()),
        0,
    )
    .expect("app")
}

/// The screens on `ws` with Amal H. working.
pub fn working_window(ws: &Workspace) -> App {
    ws.store.set_worker("Amal H.").expect("worker");
    window(ws)
}

pub fn press(app: &mut App, code: KeyCode) {
    key(app, Key::new(code));
}

pub fn key(app: &mut App, k: Key) {
    app.handle_event(Event::Key(k));
}

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, Key::char(c));
    }
}

/// An open returnee household in Ninewa, recorded two days before `NOW`, headed by a
/// woman named `name` (and `latin`), born in `year`, with consent to services or none.
pub fn household(name: &str, latin: &str, year: u16, consent: bool) -> Household {
    let mut head = Person::new(Uuid::now_v7(), name);
    head.latin = latin.into();
    head.sex = Some(Sex::Female);
    head.birth_year = Some(year);
    Household {
        id: Uuid::now_v7(),
        case_code: String::new(),
        created_at: Timestamp(super::NOW - 48 * HOUR),
        created_by: "Amal H.".into(),
        head,
        phone: "0770 123 4567".into(),
        members: vec![],
        location: Location {
            governorate: "IQG15".into(),
            ..Location::default()
        },
        displacement: Displacement {
            kind: DisplacementKind::Returnee,
            returned_on: Date::from_ymd(2018, 3, 14),
        },
        vulnerabilities: Default::default(),
        consent: consent.then(|| Consent {
            services: true,
            disclosure: true,
            follow_up: true,
            recorded_at: Timestamp(super::NOW - 48 * HOUR),
            recorded_by: "Amal H.".into(),
        }),
        status: CaseStatus::Open,
        size: None,
    }
}

/// An open need of `h`, recorded with it.
pub fn need(h: &Household, sector: Sector, text: &str, priority: Priority) -> Need {
    Need {
        id: Uuid::now_v7(),
        household: h.id,
        member: None,
        sector,
        description: text.into(),
        priority,
        status: NeedStatus::Open,
        created_at: Timestamp(super::NOW - 48 * HOUR),
        created_by: "Amal H.".into(),
    }
}
