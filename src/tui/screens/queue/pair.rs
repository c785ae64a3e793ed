//! A likely pair side by side (Enter on a pair in the Queue): both households' case
//! code, names in both scripts, phone, place, members, needs, referrals, consent and
//! status, for the coordinator to decide with F9: the same household (keeping one case
//! code or the other: the other is merged into it) or not the same (the pair is not
//! offered again, on any laptop). The decisions are the store's (store/duplicates.rs);
//! this file holds the view, its keys and what its choices do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use uuid::Uuid;

use crate::i18n::{Arg, labels, t, tr};
use crate::model::{CaseStatus, Household, Need, Referral};
use crate::search::names;
use crate::tui::action::Action;
use crate::tui::app::{App, Tone};
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::screens::modal::Modal;
use crate::tui::screens::queue::act::QueueAction;
use crate::tui::screens::{Data, Handled};
use crate::tui::theme::Theme;
use crate::tui::ui;

/// What the pair view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum PairAction {
    /// The choices: keep one or the other, not the same, back.
    Menu,
    /// Back to the queue's list.
    Close,
    /// Ask before merging `merged` into `keep`.
    AskMerge { keep: Uuid, merged: Uuid },
    /// Same household: `merged` into `keep`.
    Merge { keep: Uuid, merged: Uuid },
    /// Not the same household.
    NotSame { a: Uuid, b: Uuid },
}

/// One household as the comparison shows it, read when the view opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub id: Uuid,
    pub case_code: String,
    pub name: String,
    /// The Latin name as recorded, else the transliteration marked ≈ (not stored).
    pub latin: String,
    pub phone: String,
    pub place: String,
    /// Year of birth and sex of the head.
    pub born: String,
    pub members: Vec<String>,
    /// Sector, what is needed and its status, one per need.
    pub needs: Vec<String>,
    pub referrals: usize,
    pub consent: String,
    /// When and by whom it was recorded.
    pub recorded: String,
    /// Open, or closed and why: a word, not only a colour.
    pub status: String,
}

impl Side {
    fn new(h: &Household, needs: &[Need], referrals: &[Referral], data: &Data) -> Side {
        let latin = if h.head.latin.is_empty() {
            names::latin_suggestion(&h.head.name)
                .map(|l| format!("≈ {l}"))
                .unwrap_or_default()
        } else {
            h.head.latin.clone()
        };
        let place: Vec<String> = [
            Some(data.place(&h.location.governorate)),
            h.location.district.as_deref().map(|d| data.place(d)),
            Some(h.location.village.clone()),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        let born = [
            h.head.birth_year.map(|y| y.to_string()),
            h.head.sex.map(labels::sex),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let yes_no = |b: bool| t(if b { "answer-yes" } else { "answer-no" });
        let consent = match &h.consent {
            Some(c) => tr(
                "pair-consent-answers",
                &[
                    ("services", Arg::Str(&yes_no(c.services))),
                    ("details", Arg::Str(&yes_no(c.disclosure))),
                ],
            ),
            None => t("pair-no-consent"),
        };
        let status = match &h.status {
            CaseStatus::Open => t("pair-open"),
            CaseStatus::Closed(c) => tr(
                "pair-closed",
                &[("reason", Arg::Str(&labels::closure_reason(c.reason)))],
            ),
        };
        Side {
            id: h.id,
            case_code: h.case_code.clone(),
            name: h.head.name.clone(),
            latin,
            phone: h.phone.clone(),
            place: place.join(" · "),
            born,
            members: h.members.iter().map(|m| m.name.clone()).collect(),
            needs: needs
                .iter()
                .map(|n| {
                    format!(
                        "{}: {} ({})",
                        labels::sector(n.sector),
                        n.description,
                        labels::need_status(n.status)
                    )
                })
                .collect(),
            referrals: referrals.len(),
            consent,
            recorded: tr(
                "pair-recorded-on",
                &[
                    ("date", Arg::Str(&data.long_date(h.created_at))),
                    ("by", Arg::Str(&h.created_by)),
                ],
            ),
            status,
        }
    }

    /// The rows of its box, at most `height` of them.
    fn rows(&self, height: usize) -> Vec<PairRow> {
        // Nothing recorded shows as a dash, in its column.
        let field = |label: String, value: &str| {
            PairRow::Field(
                label,
                if value.is_empty() { "—" } else { value }.to_string(),
            )
        };
        let mut rows = vec![
            field(t("pair-name"), &self.name),
            field(t("pair-latin"), &self.latin),
            field(t("pair-phone"), &self.phone),
            field(t("pair-place"), &self.place),
            field(t("pair-born"), &self.born),
            field(
                tr(
                    "pair-members",
                    &[("count", Arg::Num(self.members.len() as i64))],
                ),
                &self.members.join(", "),
            ),
            field(t("pair-status"), &self.status),
            field(t("pair-consent"), &self.consent),
            field(t("pair-recorded"), &self.recorded),
            field(
                t("pair-referrals"),
                &tr(
                    "needs-referrals",
                    &[("count", Arg::Num(self.referrals as i64))],
                ),
            ),
            PairRow::Heading(tr(
                "pair-needs",
                &[("count", Arg::Num(self.needs.len() as i64))],
            )),
        ];
        let room = height.saturating_sub(rows.len());
        let shown = if self.needs.len() > room {
            room.saturating_sub(1)
        } else {
            self.needs.len()
        };
        for n in &self.needs[..shown] {
            rows.push(PairRow::Need(n.clone()));
        }
        if shown < self.needs.len() {
            rows.push(PairRow::Need(tr(
                "pair-more",
                &[("count", Arg::Num((self.needs.len() - shown) as i64))],
            )));
        }
        rows.truncate(height);
        rows
    }

    /// Draws its box's rows in `inner`: labels in a column of their own, values in
    /// another, each cell a piece of text (mirrored whole on an Arabic or Kurdish
    /// screen, each cell aligned to its column).
    fn render(&self, frame: &mut Frame, inner: Rect) {
        let rows = self.rows(inner.height as usize);
        // The labels' column as wide as the widest label, within a third of the box.
        let widest = rows
            .iter()
            .filter_map(|r| match r {
                PairRow::Field(label, _) => Some(crate::tui::widgets::width(label) as u16),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let label_width = widest.min(inner.width / 3);
        for (y, row) in (inner.top()..inner.bottom()).zip(rows) {
            let area = Rect {
                y,
                height: 1,
                ..inner
            };
            let (mark, cells) = match row {
                PairRow::Heading(text) => ("", vec![(Line::from(text), inner.width)]),
                PairRow::Field(label, value) => (
                    "",
                    vec![
                        (Line::from(label), label_width),
                        (
                            Line::from(value),
                            inner.width.saturating_sub(label_width + ui::GAP),
                        ),
                    ],
                ),
                PairRow::Need(need) => {
                    (" ", vec![(Line::from(need), inner.width.saturating_sub(1))])
                }
            };
            ui::table_row(frame, area, mark, cells, Style::default());
        }
    }
}

/// A row of a household's box.
enum PairRow {
    /// The needs' heading, across the box.
    Heading(String),
    /// A label and its value, in two columns.
    Field(String, String),
    /// A need (or how many more did not fit), indented.
    Need(String),
}

/// The pair being compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairView {
    pub a: Side,
    pub b: Side,
}

impl PairView {
    pub fn handle_key(&mut self, key: &Key) -> Handled {
        match keys::command(key, Scope::List, false) {
            Some(Command::Menu | Command::Open) => Handled::Act(pair(PairAction::Menu)),
            Some(Command::Back) => Handled::Act(pair(PairAction::Close)),
            _ => Handled::Consumed,
        }
    }

    pub fn footer(&self) -> Vec<Command> {
        vec![Command::Menu, Command::Back, Command::Help, Command::Quit]
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, _data: &Data, theme: &Theme) {
        let [intro, boxes] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        ui::line(
            frame,
            intro,
            Line::from(Span::styled(
                tr(
                    "pair-intro",
                    &[
                        ("a", Arg::Str(&self.a.case_code)),
                        ("b", Arg::Str(&self.b.case_code)),
                    ],
                ),
                theme.title(),
            )),
        );
        let halves = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .split(boxes);
        for (side, area) in [&self.a, &self.b].into_iter().zip(halves.iter()) {
            let title = Line::from(Span::styled(format!(" {} ", side.case_code), theme.title()));
            let inner = ui::boxed_line(frame, *area, title);
            side.render(frame, inner);
        }
    }
}

fn pair(action: PairAction) -> Action {
    Action::Queue(QueueAction::Pair(action))
}

impl App {
    /// Opens likely pair `i` of the queue side by side (each opening noted in the audit
    /// trail, as opening a household is).
    pub(in crate::tui) fn open_pair(&mut self, i: usize) {
        let Some(rows) = self.data.duplicate_groups.get(i) else {
            return;
        };
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let [a, b] = ids.as_slice() else {
            return;
        };
        let mut sides = Vec::new();
        for id in [*a, *b] {
            let read = (|| {
                let Some(h) = self.store.kept_household(id)? else {
                    return Ok(None);
                };
                let needs = self.store.needs_of_case(h.id)?;
                let referrals = self.store.referrals_of_case(h.id)?;
                self.store.audit_view(&h)?;
                Ok::<_, crate::store::StoreError>(Some(Side::new(
                    &h, &needs, &referrals, &self.data,
                )))
            })();
            match read {
                Ok(Some(side)) => sides.push(side),
                Ok(None) => return self.fail(t("error-household-gone")),
                Err(e) => return self.fail(e),
            }
        }
        let (Some(b), Some(a)) = (sides.pop(), sides.pop()) else {
            return;
        };
        self.screens.queue.pair = Some(PairView { a, b });
    }

    pub(in crate::tui) fn pair_action(&mut self, action: PairAction) {
        let Some(view) = self.screens.queue.pair.clone() else {
            return;
        };
        let (a, b) = (&view.a, &view.b);
        let code = |id: Uuid| {
            if id == a.id {
                a.case_code.clone()
            } else {
                b.case_code.clone()
            }
        };
        match action {
            PairAction::Menu => {
                let items = vec![
                    (
                        tr("pair-keep", &[("code", Arg::Str(&a.case_code))]),
                        pair(PairAction::AskMerge {
                            keep: a.id,
                            merged: b.id,
                        }),
                    ),
                    (
                        tr("pair-keep", &[("code", Arg::Str(&b.case_code))]),
                        pair(PairAction::AskMerge {
                            keep: b.id,
                            merged: a.id,
                        }),
                    ),
                    (
                        t("pair-not-same"),
                        pair(PairAction::NotSame { a: a.id, b: b.id }),
                    ),
                    (t("pair-back"), pair(PairAction::Close)),
                ];
                let title = format!("{} · {}", a.case_code, b.case_code);
                self.modal = Some(Modal::menu(title, items));
            }
            PairAction::Close => self.screens.queue.pair = None,
            PairAction::AskMerge { keep, merged } => {
                let side = if merged == a.id { a } else { b };
                self.modal = Some(Modal::Confirm {
                    message: tr(
                        "pair-confirm-merge",
                        &[
                            ("kept", Arg::Str(&code(keep))),
                            ("merged", Arg::Str(&code(merged))),
                            ("needs", Arg::Num(side.needs.len() as i64)),
                            ("referrals", Arg::Num(side.referrals as i64)),
                        ],
                    ),
                    yes: pair(PairAction::Merge { keep, merged }),
                });
            }
            PairAction::Merge { keep, merged } => {
                let Some(worker) = self.worker() else { return };
                match self.store.merge_households(&worker, keep, merged) {
                    Ok(done) => {
                        self.screens.queue.pair = None;
                        self.say(
                            tr(
                                "pair-merged",
                                &[
                                    ("merged", Arg::Str(&done.merged)),
                                    ("kept", Arg::Str(&done.kept)),
                                ],
                            ),
                            Tone::Success,
                        );
                        self.spawn_load();
                    }
                    Err(e) => self.fail(e),
                }
            }
            PairAction::NotSame { a: x, b: y } => {
                let Some(worker) = self.worker() else { return };
                match self.store.mark_distinct(&worker, x, y) {
                    Ok(_) => {
                        self.screens.queue.pair = None;
                        self.say(
                            tr(
                                "pair-not-same-done",
                                &[("a", Arg::Str(&code(x))), ("b", Arg::Str(&code(y)))],
                            ),
                            Tone::Success,
                        );
                        self.spawn_load();
                    }
                    Err(e) => self.fail(e),
                }
            }
        }
    }
}
