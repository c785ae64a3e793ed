//! Sync (F6): the USB drive (found, or a typed folder), what an export would carry, the
//! bundles on the drive with their sender, size and the result of checking them, and
//! export and import on a worker thread with a progress gauge and their summary.

pub mod act;
pub mod team;

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Gauge;

use super::Data;
use crate::i18n::{Arg, t, tr};
use crate::sync::drives::Drive;
use crate::tui::action::Action;
use crate::tui::errors::Shown;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::screens::sync::act::SyncAction;
use crate::tui::screens::{Component, Handled};
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::text::{Edit, TextInput};

/// A bundle file found on the drive, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub size: u64,
    /// The sender's device code and fingerprint, from the clear header.
    pub sender: String,
    /// What it carries, or why it would be refused or left on the drive.
    pub check: Result<String, String>,
    /// Encrypted to other laptops: left on the drive for them, not an error.
    pub for_others: bool,
    /// Not a regular file (a link, a pipe, a device under a bundle's name): never read.
    pub skipped: bool,
}

/// Checks every bundle in a folder without changing anything (`sync::import::inspect`),
/// in words for the list.
pub fn scan(
    store: &crate::store::Store,
    me: &crate::sync::identity::Identity,
    folder: &Path,
) -> Vec<Found> {
    use crate::sync::import::{Checked, Outcome};
    crate::sync::import::inspect(store, folder, me)
        .into_iter()
        .map(|f| {
            let for_others = matches!(f.check, Err(Outcome::LeftOnDrive(_)));
            let skipped = matches!(f.check, Err(Outcome::Skipped(_)));
            let check = match f.check {
                Ok(Checked::Changes { changes, made_at }) => {
                    let mut text = tr("sync-bundle-ok", &[("changes", Arg::Num(changes as i64))]);
                    // A sender's clock far from this laptop's: said, since its changes
                    // will carry that time (merge never lets a clock run more than a day
                    // ahead).
                    let days = (made_at.0 - store.now().0) / crate::model::time::DAY_MS;
                    if days.abs() >= 1 {
                        let id = if days > 0 {
                            "sync-clock-ahead"
                        } else {
                            "sync-clock-behind"
                        };
                        text.push_str(&tr(id, &[("days", Arg::Num(days.abs()))]));
                    }
                    Ok(text)
                }
                Ok(Checked::Handoff(n)) => {
                    Ok(tr("sync-handoff-ok", &[("referrals", Arg::Num(n as i64))]))
                }
                Err(Outcome::Imported(_) | Outcome::Own) => Ok(String::new()),
                Err(Outcome::NotYet(_)) => Err(tr(
                    "sync-not-yet",
                    &[(
                        "file",
                        Arg::Str(
                            &f.path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                        ),
                    )],
                )),
                // What it is, first: the row is narrow.
                Err(Outcome::Skipped(crate::sync::import::ImportError::Read(e))) => Err(e.shown()),
                Err(Outcome::LeftOnDrive(e) | Outcome::Skipped(e) | Outcome::Refused(e)) => {
                    Err(e.shown())
                }
            };
            Found {
                path: f.path,
                size: f.size,
                sender: f
                    .sender
                    .map(crate::sync::identity::device_code)
                    .unwrap_or_else(|| "?".into()),
                check,
                for_others,
                skipped,
            }
        })
        .collect()
}

/// A laptop as a person names it: its device code, and its name when it has one.
pub fn who(code: &str, name: &str) -> String {
    match name.trim() {
        "" => code.to_string(),
        name => format!("{code} ({name})"),
    }
}

/// A team file found on the drive (docs/teams.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamFound {
    /// Another laptop's request to join (an identity card file).
    Request {
        path: PathBuf,
        code: String,
        name: String,
        fingerprint: String,
        /// Already a member: approving it again renews its certificate.
        member: bool,
        /// Already trusted one by one (outside a team).
        trusted: bool,
    },
    /// A certificate made for this laptop.
    Certificate {
        path: PathBuf,
        team: String,
        team_key: String,
        role: String,
    },
}

/// The requests (`.card`) and this laptop's certificates (`.cert`) in a folder.
pub fn scan_team(team: &crate::sync::enrol::TeamHandle, folder: &Path) -> Vec<TeamFound> {
    use crate::sync::card::{CARD_MAX_BYTES, Card};
    use crate::sync::team::TEAM_FILE_MAX_BYTES;
    let me = team.identity.origin();
    let members = team.store.policy();
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut found = Vec::new();
    for path in files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("card") => {
                let Ok(card) = crate::disk::read_regular(&path, CARD_MAX_BYTES)
                    .map_err(|_| ())
                    .and_then(|b| Card::read(&b).map_err(|_| ()))
                else {
                    continue;
                };
                // A member's request again is a renewal (a new role, a new expiry).
                if card.origin != me && !members.revoked.contains_key(&card.origin) {
                    found.push(TeamFound::Request {
                        path,
                        code: card.code(),
                        name: card.name.clone(),
                        fingerprint: card.fingerprint(),
                        member: members.member(card.origin).is_some(),
                        trusted: team.store.is_trusted(card.origin).unwrap_or(false),
                    });
                }
            }
            Some("cert") => {
                let Ok(bytes) = crate::disk::read_regular(&path, TEAM_FILE_MAX_BYTES) else {
                    continue;
                };
                if let Ok((file, cert)) = team.read_for_me(&bytes) {
                    found.push(TeamFound::Certificate {
                        path,
                        team: file.team.name.clone(),
                        team_key: file.team.fingerprint(),
                        role: crate::tui::labels::role(cert.role),
                    });
                }
            }
            _ => {}
        }
    }
    found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Folder,
    Bundles,
}

pub struct State {
    pub drives: Vec<Drive>,
    pub folder: TextInput,
    pub focus: Focus,
    pub found: Vec<Found>,
    pub scanned: Option<PathBuf>,
    pub list: ListView,
    /// This laptop's changes the team is not known to have.
    pub unsent: u64,
    pub busy: Option<(String, u64, u64)>,
    pub last: Option<Result<String, String>>,
    /// Team requests and certificates on the drive.
    pub team: Vec<TeamFound>,
}

impl Default for State {
    fn default() -> State {
        State {
            drives: Vec::new(),
            folder: TextInput::new(200),
            focus: Focus::Folder,
            found: Vec::new(),
            scanned: None,
            list: ListView::default(),
            unsent: 0,
            busy: None,
            last: None,
            team: Vec::new(),
        }
    }
}

impl State {
    pub fn folder(&self) -> Option<PathBuf> {
        let f = self.folder.value.trim();
        (!f.is_empty()).then(|| PathBuf::from(f))
    }

    fn on_key(&mut self, key: &Key, _data: &Data) -> Option<Action> {
        if self.busy.is_some() {
            return None;
        }
        if let Some(Command::NextField | Command::PrevField) = keys::command(key, Scope::Form, true)
        {
            self.focus = match self.focus {
                Focus::Folder => Focus::Bundles,
                Focus::Bundles => Focus::Folder,
            };
            return None;
        }
        match keys::command(key, Scope::List, self.typing()) {
            Some(Command::Menu) => return Some(Action::Menu),
            Some(Command::Open) => {
                return match self.focus {
                    Focus::Folder => Some(Action::Sync(SyncAction::Scan)),
                    Focus::Bundles => self
                        .found
                        .get(self.list.selected)
                        .map(|f| Action::Sync(SyncAction::Import(vec![f.path.clone()]))),
                };
            }
            _ => {}
        }
        match self.focus {
            Focus::Folder => {
                if self.folder.handle(key) == Edit::Truncated {
                    return Some(Action::FieldFull);
                }
            }
            Focus::Bundles => {
                if key.code != KeyCode::Esc {
                    self.list.handle(key, self.found.len());
                }
            }
        }
        None
    }
}

impl Component for State {
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        self.on_key(key, data).into()
    }

    fn typing(&self) -> bool {
        self.focus == Focus::Folder
    }

    fn footer(&self) -> Vec<Command> {
        vec![
            Command::Menu,
            Command::NextField,
            Command::Open,
            Command::Quit,
        ]
    }

    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let [top, boxes, bottom] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Min(4),
            Constraint::Length(3),
        ])
        .areas(area);
        let label = t("sync-folder");
        let focused = self.focus == Focus::Folder;
        let folder = self
            .folder
            .labeled(&label, top.width as usize, focused, theme);
        let drives = if self.drives.is_empty() {
            t("sync-no-drive")
        } else {
            let names: Vec<String> = self
                .drives
                .iter()
                .map(|d| format!("{} ({})", d.label, d.path.display()))
                .collect();
            tr("sync-drives", &[("list", Arg::Str(&names.join(", ")))])
        };
        let me = if data.device_name.is_empty() {
            data.device_code.clone()
        } else {
            format!("{} ({})", data.device_code, data.device_name)
        };
        // Whoever trusts this laptop's card compares this fingerprint with the one they
        // are shown.
        let me = tr(
            "sync-this-laptop",
            &[
                ("me", Arg::Str(&me)),
                ("fingerprint", Arg::Str(&data.device_fingerprint)),
            ],
        );
        let team = data.team_line.clone().unwrap_or_else(|| t("team-none"));
        let muted = |text: String| {
            vec![
                Bit::glyph(" "),
                Bit::text(Span::styled(text, theme.muted())),
            ]
        };
        ui::rows(
            frame,
            top,
            vec![folder, muted(drives), muted(me), muted(team)],
        );
        let [send, receive] =
            Layout::horizontal([Constraint::Percentage(34), Constraint::Percentage(66)])
                .areas(boxes);
        let inner = ui::boxed(frame, send, &t("sync-send"));
        ui::paragraph(
            frame,
            inner,
            vec![
                Line::from(tr(
                    "sync-unsent",
                    &[("count", Arg::Num(self.unsent as i64))],
                )),
                Line::from(""),
                Line::from(Span::styled(t("sync-send-how"), theme.muted())),
            ],
        );
        let title = tr(
            "sync-receive",
            &[("count", Arg::Num(self.found.len() as i64))],
        );
        let active = self.focus == Focus::Bundles;
        let inner = ui::boxed(frame, receive, &title);
        let mut y = inner.y;
        if self.found.is_empty() {
            let text = match &self.scanned {
                Some(_) => t("sync-none-found"),
                None => t("sync-scan-how"),
            };
            y += ui::wrapped(frame, inner, &text, theme.muted());
        }
        let locale = crate::i18n::format::Locale::current();
        let visible = self.list.visible(self.found.len(), inner.height as usize);
        for i in visible {
            if y >= inner.bottom() {
                break;
            }
            let f = &self.found[i];
            // The status is a word, not only a colour (NO_COLOR, and for everyone).
            let (mark, text, style) = match &f.check {
                Ok(ok) => (
                    t("sync-mark-ok"),
                    ok.clone(),
                    ratatui::style::Style::default(),
                ),
                Err(_) if f.for_others => {
                    (t("sync-mark-others"), t("sync-for-others"), theme.muted())
                }
                Err(e) if f.skipped => (t("sync-mark-skipped"), e.clone(), theme.error()),
                Err(e) => (t("sync-mark-refused"), e.clone(), theme.error()),
            };
            let selected = active && i == self.list.selected;
            let style = if selected { theme.selected() } else { style };
            let size = tr(
                "sync-size-kib",
                &[("size", Arg::Str(&locale.int(f.size.div_ceil(1024) as i64)))],
            );
            let rest = inner.width.saturating_sub(2 + 8 + 5 + 9 + 3 * ui::GAP);
            ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                if selected { "> " } else { "  " },
                vec![
                    (Line::from(mark), 8),
                    (Line::from(f.sender.clone()), 5),
                    (Line::from(size).right_aligned(), 9),
                    (Line::from(text), rest),
                ],
                style,
            );
            y += 1;
        }
        // Identity cards of laptops not yet trusted (outside a team): trusted from F9.
        let cards = self
            .team
            .iter()
            .filter(|f| matches!(f, TeamFound::Request { trusted: false, .. }))
            .count();
        if cards > 0 && data.team_line.is_none() && y < inner.bottom() {
            ui::line(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                Span::styled(
                    tr("sync-cards-found", &[("count", Arg::Num(cards as i64))]),
                    theme.muted(),
                ),
            );
        }
        match (&self.busy, &self.last) {
            (Some((label, done, total)), _) => {
                let ratio = if *total == 0 {
                    0.0
                } else {
                    (*done as f64 / *total as f64).min(1.0)
                };
                // Before the count is known (checking a bundle), the label alone.
                let text = if *total == 0 {
                    format!("{label}…")
                } else {
                    tr(
                        "sync-progress",
                        &[
                            ("label", Arg::Str(label)),
                            ("done", Arg::Num(*done as i64)),
                            ("total", Arg::Num(*total as i64)),
                        ],
                    )
                };
                frame.render_widget(
                    Gauge::default()
                        .ratio(ratio)
                        .label(text)
                        .gauge_style(theme.title()),
                    Rect {
                        height: 1,
                        y: bottom.y + 1,
                        ..bottom
                    },
                );
            }
            (None, Some(Ok(summary))) => {
                ui::wrapped(frame, indented(bottom), summary, theme.success());
            }
            (None, Some(Err(e))) => {
                ui::wrapped(frame, indented(bottom), &format!("! {e}"), theme.error());
            }
            _ => {}
        }
    }
}

/// `area` less a column at either side.
fn indented(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    }
}
