//! Queue (F5), for coordinators: what needs attention, with counts (awaiting response
//! with overdue first, accepted past follow-up, rejected needing another service, needs
//! with no referral by priority, likely duplicate households), bar charts of open
//! referrals by sector, organization and governorate, and referrals sent per week over
//! the last 12 weeks. Enter on a row opens the referral or the household, and on a likely
//! pair both households side by side, to decide (pair.rs); F9 offers a row's actions;
//! Tab and Shift+Tab move between the sections, and a section's number (shown on its
//! heading) goes straight to it.

pub mod act;
pub mod pair;

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Data, span_words};
use crate::i18n::{Arg, t, tr};
use crate::tui::action::Action;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::labels;
use crate::tui::screens::intake::act::IntakeAction;
use crate::tui::screens::queue::act::QueueAction;
use crate::tui::screens::referrals::act::ReferralAction;
use crate::tui::screens::{Component, Handled};
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::{fit_words, width};

/// A row's cells, each with its width.
type Cells = Vec<(Bit<'static>, u16)>;

/// One line of the queue list: positions into the loaded data, so that a queue of tens
/// of thousands of rows holds no text (it is written when drawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(String),
    /// A referral awaiting a response (position in `Data::referrals`).
    Awaiting(u32),
    /// An accepted referral past its follow-up date.
    PastFollowUp(u32),
    /// A rejected referral.
    Rejected(u32),
    /// A need with no referral (position in `Data::unreferred`).
    Unreferred(u32),
    /// A group of likely duplicates (position in `Data::duplicate_groups`).
    Duplicates(u32),
    /// A closed household kept past the retention period (position in
    /// `Data::due_for_erasure`).
    DueForErasure(u32),
    /// A conflict (position in `Data::conflicts`).
    Conflict(u32),
    /// A team matter (position in `Data::team_rows`).
    Team(u32),
    /// A fork (position in `Data::forks`).
    Fork(u32),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub awaiting: usize,
    pub overdue: usize,
    pub past_follow_up: usize,
    pub rejected: usize,
    pub unreferred: [usize; 3],
    pub duplicates: usize,
    pub conflicts: usize,
    pub due_for_erasure: usize,
    /// Certificates expired, and changes kept with no effect (teams).
    pub expired: usize,
    pub no_effect: usize,
    pub forks: usize,
}

#[derive(Default)]
pub struct State {
    pub rows: Vec<Row>,
    /// The positions in `rows` of the sections' headings, in order (section 1 first).
    pub sections: Vec<usize>,
    pub list: ListView,
    pub counts: Counts,
    pub by_sector: Vec<(String, u64)>,
    /// By organization, with its name.
    pub by_org: Vec<(String, u64)>,
    pub by_governorate: Vec<(String, u64)>,
    /// Referrals sent per week, oldest first (12 weeks, this week last).
    pub weekly: Vec<u64>,
    /// How wide the last column of a referral's row is, per section (awaiting, past
    /// follow-up, rejected), in the language shown: the columns of a section line up.
    tails: [usize; 3],
    /// A likely pair open side by side (pair.rs): it has the keys and the screen.
    pub pair: Option<pair::PairView>,
}

/// The widest last column of a referral's row per section, in the language shown (in
/// the first, how late or when due; the priority has a column of its own).
fn tail_widths() -> [usize; 3] {
    let late = width(&tr(
        "late",
        &[(
            "span",
            Arg::Str(&span_words(999 * crate::model::time::DAY_MS)),
        )],
    ));
    let date = "9".repeat(super::short_date_width());
    let due = width(&tr("due-on", &[("date", Arg::Str(&date))]));
    let follow_up = width(&tr("follow-up-was", &[("date", Arg::Str(&date))]));
    [late.max(due).min(24), follow_up.min(30), 20]
}

/// The widest priority, in the language shown.
fn priority_width() -> usize {
    crate::model::Priority::ALL
        .iter()
        .map(|p| width(&labels::priority(*p)))
        .max()
        .unwrap_or(0)
}

fn top(map: BTreeMap<String, u64>, n: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

impl State {
    /// Works the queue out from the data (no store access: derived, never stored).
    pub fn rebuild(&mut self, data: &Data) {
        let now = data.now;
        let mut rows = Vec::new();
        let mut counts = Counts::default();
        let refs = &data.referrals;
        let sections = crate::model::queue::sections(refs, &data.unreferred, now);
        counts.awaiting = sections.awaiting.len();
        counts.overdue = sections.overdue;
        rows.push(Row::Heading(tr(
            "queue-awaiting",
            &[
                ("count", Arg::Num(counts.awaiting as i64)),
                ("overdue", Arg::Num(counts.overdue as i64)),
            ],
        )));
        rows.extend(sections.awaiting.iter().map(|&i| Row::Awaiting(i)));
        let past = &sections.past_follow_up;
        counts.past_follow_up = past.len();
        rows.push(Row::Heading(tr(
            "queue-past-follow-up",
            &[("count", Arg::Num(past.len() as i64))],
        )));
        rows.extend(past.iter().map(|&i| Row::PastFollowUp(i)));
        let rejected = &sections.rejected;
        counts.rejected = rejected.len();
        rows.push(Row::Heading(tr(
            "queue-rejected",
            &[("count", Arg::Num(rejected.len() as i64))],
        )));
        rows.extend(rejected.iter().map(|&i| Row::Rejected(i)));
        counts.unreferred = sections.unreferred;
        rows.push(Row::Heading(tr(
            "queue-unreferred",
            &[
                ("emergency", Arg::Num(counts.unreferred[0] as i64)),
                ("urgent", Arg::Num(counts.unreferred[1] as i64)),
                ("normal", Arg::Num(counts.unreferred[2] as i64)),
            ],
        )));
        rows.extend((0..data.unreferred.len()).map(|i| Row::Unreferred(i as u32)));
        counts.conflicts = data.conflicts.len();
        rows.push(Row::Heading(tr(
            "queue-conflicts",
            &[("count", Arg::Num(counts.conflicts as i64))],
        )));
        rows.extend((0..data.conflicts.len()).map(|i| Row::Conflict(i as u32)));
        counts.duplicates = data.duplicate_groups.len();
        rows.push(Row::Heading(tr(
            "queue-duplicates",
            &[("count", Arg::Num(counts.duplicates as i64))],
        )));
        rows.extend((0..data.duplicate_groups.len()).map(|i| Row::Duplicates(i as u32)));
        counts.due_for_erasure = data.due_for_erasure.len();
        rows.push(Row::Heading(tr(
            "queue-due-erasure",
            &[
                ("count", Arg::Num(counts.due_for_erasure as i64)),
                ("months", Arg::Num(data.retention_months as i64)),
            ],
        )));
        rows.extend((0..data.due_for_erasure.len()).map(|i| Row::DueForErasure(i as u32)));
        if data.team_line.is_some() || !data.team_rows.is_empty() {
            use crate::tui::screens::TeamRow;
            counts.expired = data
                .team_rows
                .iter()
                .filter(|r| matches!(r, TeamRow::Expired { .. }))
                .count();
            counts.no_effect = data.team_rows.len() - counts.expired;
            rows.push(Row::Heading(tr(
                "queue-team",
                &[
                    ("expired", Arg::Num(counts.expired as i64)),
                    ("ineffective", Arg::Num(counts.no_effect as i64)),
                ],
            )));
            rows.extend((0..data.team_rows.len()).map(|i| Row::Team(i as u32)));
        }
        counts.forks = data.forks.len();
        if counts.forks > 0 {
            rows.push(Row::Heading(tr(
                "queue-forks",
                &[("count", Arg::Num(counts.forks as i64))],
            )));
            rows.extend((0..data.forks.len()).map(|i| Row::Fork(i as u32)));
        }
        // Each heading shows its section's number: the key that goes to it.
        let mut sections = Vec::new();
        for (i, row) in rows.iter_mut().enumerate() {
            if let Row::Heading(text) = row {
                sections.push(i);
                *text = format!("[{}] {text}", sections.len());
            }
        }
        self.rows = rows;
        self.sections = sections;
        self.tails = tail_widths();
        self.counts = counts;
        self.list.clamp(self.rows.len());
        // Charts: open referrals (draft, sent, accepted).
        let open: Vec<_> = refs.iter().filter(|r| r.is_open()).collect();
        let mut sector = BTreeMap::new();
        let mut org = BTreeMap::new();
        let mut gov = BTreeMap::new();
        for r in &open {
            *sector.entry(labels::sector(r.sector)).or_insert(0) += 1;
            *org.entry(r.organization).or_insert(0) += 1;
            *gov.entry(data.place(&r.governorate)).or_insert(0) += 1;
        }
        self.by_sector = top(sector, 6);
        // Counted by organization (two may share a name), shown by name.
        let mut by_org: Vec<(uuid::Uuid, u64)> = org.into_iter().collect();
        by_org.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| data.org_name(a.0).cmp(data.org_name(b.0)))
        });
        by_org.truncate(6);
        self.by_org = by_org
            .into_iter()
            .map(|(id, n)| (data.org_name(id).to_string(), n))
            .collect();
        self.by_governorate = top(gov, 4);
        let weekly = crate::model::queue::sent_per_week(refs, now, 12);
        self.weekly = weekly;
    }

    /// The cells of a row `width` columns wide (one, for a sentence) and whether it is
    /// late (marked `!`).
    fn describe(&self, row: &Row, data: &Data, width: usize) -> (Cells, bool) {
        let now = data.now;
        let one = |text: String| vec![(Bit::text(text), width as u16)];
        // Case code and arrow, the organization by name, the service, then what is late
        // or due (`tail`, as wide as the section's need, so that the columns of a section
        // line up), and the priority.
        let referral = |i: u32, tail: String, tail_width: usize, priority: Option<String>| {
            let gap = ui::GAP as usize;
            let priority_room = priority.as_ref().map_or(0, |_| priority_width() + gap);
            let names = width
                .saturating_sub(10 + 3 + tail_width + priority_room + 2 * gap)
                .max(12);
            let org_width = names / 2;
            data.referrals
                .get(i as usize)
                .map(|r| {
                    let mut cells = vec![
                        (Bit::text(r.case_code.to_string()), 10),
                        (Bit::glyph(" → "), 3),
                        (
                            Bit::text(data.org_name(r.organization).to_string()),
                            org_width as u16,
                        ),
                        (
                            Bit::text(data.service_name(r.service).to_string()),
                            (names - org_width) as u16,
                        ),
                        (Bit::text(tail), tail_width as u16),
                    ];
                    if let Some(p) = priority {
                        cells.push((Bit::text(p), priority_width() as u16));
                    }
                    cells
                })
                .unwrap_or_default()
        };
        match row {
            Row::Heading(h) => (one(h.clone()), false),
            Row::Awaiting(i) => {
                let Some(r) = data.referrals.get(*i as usize) else {
                    return (Vec::new(), false);
                };
                let late = r.due().filter(|d| now > *d).map(|d| now.0 - d.0);
                let tail = match late {
                    Some(ms) => tr("late", &[("span", Arg::Str(&span_words(ms)))]),
                    None => tr(
                        "due-on",
                        &[(
                            "date",
                            Arg::Str(&r.due().map(|d| data.short_date(d)).unwrap_or_default()),
                        )],
                    ),
                };
                let priority = labels::priority(r.priority).to_uppercase();
                (
                    referral(*i, tail, self.tails[0], Some(priority)),
                    late.is_some(),
                )
            }
            Row::PastFollowUp(i) => {
                let date = data
                    .referrals
                    .get(*i as usize)
                    .and_then(|r| r.follow_up)
                    .map(|d| data.day(d))
                    .unwrap_or_default();
                (
                    referral(
                        *i,
                        tr("follow-up-was", &[("date", Arg::Str(&date))]),
                        self.tails[1],
                        None,
                    ),
                    true,
                )
            }
            Row::Rejected(i) => {
                let sector = data
                    .referrals
                    .get(*i as usize)
                    .map(|r| labels::sector(r.sector))
                    .unwrap_or_default();
                (referral(*i, sector, self.tails[2], None), false)
            }
            Row::Unreferred(i) => match data.unreferred.get(*i as usize) {
                Some(n) => {
                    let gap = ui::GAP as usize;
                    let priority = priority_width();
                    let rest = width.saturating_sub(10 + priority + 16 + 3 * gap);
                    (
                        vec![
                            (Bit::text(n.case_code.to_string()), 10),
                            (
                                Bit::text(labels::priority(n.priority).to_uppercase()),
                                priority as u16,
                            ),
                            (Bit::text(labels::sector(n.sector)), 16),
                            (Bit::text(n.description.to_string()), rest as u16),
                        ],
                        false,
                    )
                }
                None => (Vec::new(), false),
            },
            Row::Conflict(i) => match data.conflicts.get(*i as usize) {
                Some(c) => {
                    let values: Vec<String> = c
                        .values
                        .iter()
                        .map(|v| {
                            let mark = if v.current { "*" } else { "" };
                            format!(
                                "{mark}{} ({})",
                                crate::tui::widgets::fit(&v.shown, 18),
                                v.author
                            )
                        })
                        .collect();
                    let gap = ui::GAP as usize;
                    (
                        vec![
                            (Bit::text(c.label.clone()), 10),
                            (
                                Bit::text(format!("{}: {}", c.field_name, values.join(" | "))),
                                width.saturating_sub(10 + gap) as u16,
                            ),
                        ],
                        true,
                    )
                }
                None => (Vec::new(), false),
            },
            Row::Duplicates(i) => match data.duplicate_groups.get(*i as usize) {
                Some(group) => {
                    let codes: Vec<&str> = group.iter().map(|h| &*h.case_code).collect();
                    let name = group.first().map(|h| &*h.name).unwrap_or("");
                    (one(format!("{} {name}", codes.join(" = "))), false)
                }
                None => (Vec::new(), false),
            },
            Row::Team(i) => match data.team_rows.get(*i as usize) {
                Some(crate::tui::screens::TeamRow::Expired {
                    code,
                    name,
                    role,
                    on,
                }) => (
                    one(tr(
                        "queue-team-expired-row",
                        &[
                            ("code", Arg::Str(code)),
                            ("name", Arg::Str(name)),
                            ("role", Arg::Str(role)),
                            ("date", Arg::Str(&data.day(*on))),
                        ],
                    )),
                    true,
                ),
                Some(crate::tui::screens::TeamRow::NoEffect {
                    code,
                    seq,
                    reason,
                    record,
                    author,
                }) => (
                    one(tr(
                        "queue-team-no-effect-row",
                        &[
                            ("code", Arg::Str(code)),
                            ("seq", Arg::Num(*seq as i64)),
                            ("reason", Arg::Str(reason)),
                            ("record", Arg::Str(record)),
                            ("author", Arg::Str(author)),
                        ],
                    )),
                    true,
                ),
                None => (Vec::new(), false),
            },
            Row::Fork(i) => match data.forks.get(*i as usize) {
                Some(f) => (
                    one(tr(
                        "queue-fork-row",
                        &[
                            ("code", Arg::Str(&f.code())),
                            ("seq", Arg::Num(f.seq as i64)),
                            ("sender", Arg::Str(&f.sender_code())),
                            ("refused", Arg::Num(f.refused as i64)),
                            ("date", Arg::Str(&data.long_date(f.seen_at))),
                        ],
                    )),
                    true,
                ),
                None => (Vec::new(), false),
            },
            Row::DueForErasure(i) => match data.due_for_erasure.get(*i as usize) {
                Some(d) => (
                    one(tr(
                        "queue-due-erasure-row",
                        &[
                            ("code", Arg::Str(&d.case_code)),
                            ("date", Arg::Str(&data.long_date(d.closed_at))),
                        ],
                    )),
                    true,
                ),
                None => (Vec::new(), false),
            },
        }
    }

    /// What Enter on the selected row does.
    fn open(&self, data: &Data) -> Option<Action> {
        match self.rows.get(self.list.selected)? {
            Row::Heading(_) => None,
            Row::Awaiting(i) | Row::PastFollowUp(i) | Row::Rejected(i) => data
                .referrals
                .get(*i as usize)
                .map(|r| Action::Referral(ReferralAction::Open(r.id))),
            Row::Unreferred(i) => data
                .unreferred
                .get(*i as usize)
                .map(|n| Action::Intake(IntakeAction::Open(n.household))),
            Row::Conflict(i) => Some(Action::Queue(QueueAction::ConflictMenu(*i as usize))),
            Row::Duplicates(i) => Some(Action::Queue(QueueAction::OpenPair(*i as usize))),
            Row::DueForErasure(i) => data
                .due_for_erasure
                .get(*i as usize)
                .map(|d| Action::Intake(IntakeAction::Open(d.id))),
            // Team matters are handled on the Sync screen (F6).
            Row::Team(_) => Some(Action::Show(crate::tui::ScreenId::Sync)),
            Row::Fork(_) => None,
        }
    }

    /// Selects the heading of section `n` (0 for the first), drawn at the top of the list.
    fn go_to_section(&mut self, n: usize) {
        if let Some(&heading) = self.sections.get(n) {
            self.list.jump_to(heading);
        }
    }

    /// The next section's heading (after the last, the first again).
    fn next_section(&mut self) {
        let selected = self.list.selected;
        let next = self
            .sections
            .iter()
            .position(|&heading| heading > selected)
            .unwrap_or(0);
        self.go_to_section(next);
    }

    /// The heading of the section the selection is in, or when on it, the previous
    /// section's (before the first, the last).
    fn previous_section(&mut self) {
        let selected = self.list.selected;
        let previous = self
            .sections
            .iter()
            .rposition(|&heading| heading < selected)
            .unwrap_or(self.sections.len().saturating_sub(1));
        self.go_to_section(previous);
    }
}

impl Component for State {
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        if let Some(pair) = self.pair.as_mut() {
            return pair.handle_key(key);
        }
        match keys::command(key, Scope::Queue, false) {
            Some(Command::NextSection) => {
                self.next_section();
                return Handled::Consumed;
            }
            Some(Command::PrevSection) => {
                self.previous_section();
                return Handled::Consumed;
            }
            Some(Command::Section) => {
                if let Some(n) = keys::section_digit(key) {
                    self.go_to_section(n - 1);
                }
                return Handled::Consumed;
            }
            _ => {}
        }
        match keys::command(key, Scope::List, false) {
            Some(Command::Open) => self.open(data).into(),
            // F9: the selected row's actions (the app's menu).
            Some(Command::Menu) => Handled::NotConsumed,
            _ if self.list.handle(key, self.rows.len()) => Handled::Consumed,
            _ => Handled::NotConsumed,
        }
    }

    fn footer(&self) -> Vec<Command> {
        if let Some(pair) = &self.pair {
            return pair.footer();
        }
        vec![
            Command::Open,
            Command::Menu,
            Command::NextSection,
            Command::Section,
            Command::Help,
        ]
    }

    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        if let Some(pair) = &self.pair {
            return pair.render(frame, area, data, theme);
        }
        let [counts, charts, list] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(8),
            Constraint::Min(3),
        ])
        .areas(area);
        ui::rows(
            frame,
            counts,
            self.count_lines(counts.width as usize, theme),
        );
        let [left, middle, right] = Layout::horizontal([
            Constraint::Percentage(32),
            Constraint::Percentage(36),
            Constraint::Percentage(32),
        ])
        .areas(charts);
        bars(frame, left, &t("chart-by-sector"), &self.by_sector, theme);
        bars(frame, middle, &t("chart-by-org"), &self.by_org, theme);
        let [gov, spark] =
            Layout::vertical([Constraint::Length(5), Constraint::Length(3)]).areas(right);
        bars(
            frame,
            gov,
            &t("chart-by-governorate"),
            &self.by_governorate,
            theme,
        );
        let inner = ui::boxed(frame, spark, &t("chart-weekly"));
        ui::glyphs(frame, inner, Paragraph::new(sparkline(&self.weekly)));
        if !data.loaded {
            ui::line(
                frame,
                Rect {
                    x: list.x + 1,
                    width: list.width.saturating_sub(1),
                    ..list
                },
                Span::styled(t("lookup-loading"), theme.muted()),
            );
        }
        let width = (list.width as usize).saturating_sub(2);
        let visible = self.list.visible(self.rows.len(), list.height as usize);
        for (y, i) in (list.top()..list.bottom()).zip(visible) {
            let selected = i == self.list.selected;
            let row = &self.rows[i];
            let (cells, late) = self.describe(row, data, width);
            let heading = matches!(row, Row::Heading(_));
            let mut style = if selected {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            if heading {
                style = style.patch(theme.title());
            }
            if late {
                style = style.patch(theme.overdue());
            }
            let marker = if selected {
                "> "
            } else if late {
                "! "
            } else {
                "  "
            };
            ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                marker,
                cells,
                style,
            );
        }
    }
}

impl State {
    /// The counts above the charts, in two lines `width` wide. Each count is kept whole:
    /// they flow from the first line onto the second; when one would not fit, the shorter
    /// forms are used; one that still does not fit is left to its section's heading.
    fn count_lines(&self, width: usize, theme: &Theme) -> Vec<Vec<Bit<'static>>> {
        let c = &self.counts;
        let plain = ratatui::style::Style::default();
        let label = |id: &str| Span::styled(t(id), theme.title());
        let locale = crate::i18n::format::Locale::current();
        let number = |n: usize, style| Span::styled(format!(" {}", locale.int(n as i64)), style);
        let mut chips: Vec<Vec<Vec<Span<'static>>>> = vec![
            vec![vec![
                label("queue-awaiting-short"),
                number(c.awaiting, plain),
                Span::styled(
                    format!(
                        " {}",
                        tr(
                            "queue-overdue-paren",
                            &[("count", Arg::Num(c.overdue as i64))],
                        )
                    ),
                    if c.overdue > 0 {
                        theme.overdue()
                    } else {
                        theme.muted()
                    },
                ),
            ]],
            vec![vec![
                label("queue-past-follow-up-short"),
                number(c.past_follow_up, plain),
            ]],
            vec![vec![
                label("queue-rejected-short"),
                number(c.rejected, plain),
            ]],
            vec![vec![
                label("queue-conflicts-short"),
                number(
                    c.conflicts,
                    if c.conflicts > 0 {
                        theme.warning()
                    } else {
                        plain
                    },
                ),
            ]],
            vec![
                vec![
                    label("queue-unreferred-short"),
                    Span::raw(format!(
                        " {}",
                        tr(
                            "queue-unreferred-counts",
                            &[
                                ("emergency", Arg::Num(c.unreferred[0] as i64)),
                                ("urgent", Arg::Num(c.unreferred[1] as i64)),
                                ("normal", Arg::Num(c.unreferred[2] as i64)),
                            ],
                        )
                    )),
                ],
                vec![
                    label("queue-unreferred-chip"),
                    Span::raw(format!(
                        " {}",
                        tr(
                            "queue-unreferred-chip-counts",
                            &[
                                ("count", Arg::Num(c.unreferred.iter().sum::<usize>() as i64)),
                                ("emergency", Arg::Num(c.unreferred[0] as i64)),
                            ],
                        )
                    )),
                ],
            ],
            vec![vec![
                label("queue-duplicates-short"),
                number(c.duplicates, plain),
            ]],
        ];
        if c.due_for_erasure > 0 {
            chips.push(vec![vec![
                label("queue-due-erasure-short"),
                number(c.due_for_erasure, plain),
            ]]);
        }
        // The longer forms first; the shorter ones when a count would be left out.
        let longest = flow(&chips, 0, width.saturating_sub(1));
        let lines = if longest.1 {
            longest.0
        } else {
            flow(&chips, usize::MAX, width.saturating_sub(1)).0
        };
        lines
            .into_iter()
            .map(|mut bits| {
                bits.insert(0, Bit::glyph(" "));
                bits
            })
            .collect()
    }
}

/// Lays counts out on two lines `room` wide, in order, two spaces apart, each in its
/// form number `form` (or its last), each a piece of text: says whether every count
/// found room.
fn flow(
    chips: &[Vec<Vec<Span<'static>>>],
    form: usize,
    room: usize,
) -> (Vec<Vec<Bit<'static>>>, bool) {
    let gap = 2;
    let len = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut lines: Vec<Vec<Bit<'static>>> = vec![Vec::new(), Vec::new()];
    let mut used = [0usize; 2];
    let mut line = 0;
    let mut all = true;
    for forms in chips {
        let Some(chip) = forms.get(form).or(forms.last()) else {
            continue;
        };
        let fits = |l: usize| used[l] + len(chip) + if used[l] > 0 { gap } else { 0 } <= room;
        let Some(l) = (line..2).find(|&l| fits(l)) else {
            all = false;
            continue;
        };
        line = l;
        if used[l] > 0 {
            lines[l].push(Bit::glyph(" ".repeat(gap)));
            used[l] += gap;
        }
        used[l] += len(chip);
        lines[l].push(Bit::Text(Line::from(chip.clone())));
    }
    (lines, all)
}

/// A bar chart drawn with block characters: label, bar, number (readable without colour),
/// each label cut at a word to its column. Labels take the room they need, up to what
/// leaves a bar of 3 and the widest number.
fn bars(frame: &mut Frame, area: Rect, title: &str, values: &[(String, u64)], theme: &Theme) {
    let inner = ui::boxed(frame, area, title);
    let locale = crate::i18n::format::Locale::current();
    let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
    let number_width = values
        .iter()
        .map(|v| v.1.to_string().len())
        .max()
        .unwrap_or(1);
    let longest = values.iter().map(|v| width(&v.0)).max().unwrap_or(0);
    let label_width = longest.min((inner.width as usize).saturating_sub(number_width + 2 + 3));
    let bar_width = (inner.width as usize).saturating_sub(label_width + number_width + 2);
    if values.is_empty() {
        ui::line(frame, inner, Span::styled(t("chart-empty"), theme.muted()));
    }
    for (y, (label, n)) in (inner.top()..inner.bottom()).zip(values) {
        let len = ((*n as usize * bar_width) as f64 / max as f64).ceil() as usize;
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        let label = fit_words(label, label_width);
        let pad = label_width - width(&label);
        ui::row(
            frame,
            row,
            vec![
                Bit::text(label),
                Bit::glyph(" ".repeat(pad + 1)),
                Bit::glyph(Span::styled("█".repeat(len.min(bar_width)), theme.title())),
                Bit::glyph(" "),
                Bit::text(locale.int(*n as i64)),
            ],
        );
    }
}

/// Eight heights of block characters, one per week.
pub fn sparkline(values: &[u64]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| LEVELS[(v * 7).checked_div(max).unwrap_or(0) as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn the_sparkline_scales_to_the_busiest_week() {
        assert_eq!(sparkline(&[0, 1, 2, 4, 8]), "▁▁▂▄█");
        assert_eq!(sparkline(&[0, 0]), "▁▁");
    }
}
