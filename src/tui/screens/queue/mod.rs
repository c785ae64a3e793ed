//! Queue (F5), for coordinators: what needs attention, with counts (awaiting response
//! with overdue first, accepted past follow-up, rejected needing another service, needs
//! with no referral by priority, likely duplicate households), bar charts of open
//! referrals by sector, organization and governorate, and referrals sent per week over
//! the last 12 weeks. Enter on a row opens the referral or the household; on a likely
//! pair, both households side by side, to decide (pair.rs).

pub mod act;
pub mod pair;

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

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
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::{cell, fit};

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
    pub list: ListView,
    pub counts: Counts,
    pub by_sector: Vec<(String, u64)>,
    pub by_org: Vec<(String, u64)>,
    pub by_governorate: Vec<(String, u64)>,
    /// Referrals sent per week, oldest first (12 weeks, this week last).
    pub weekly: Vec<u64>,
    /// A likely pair open side by side (pair.rs): it has the keys and the screen.
    pub pair: Option<pair::PairView>,
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
        self.rows = rows;
        self.counts = counts;
        self.list.clamp(self.rows.len());
        // Charts: open referrals (draft, sent, accepted).
        let open: Vec<_> = refs.iter().filter(|r| r.is_open()).collect();
        let mut sector = BTreeMap::new();
        let mut org = BTreeMap::new();
        let mut gov = BTreeMap::new();
        for r in &open {
            *sector.entry(labels::sector(r.sector)).or_insert(0) += 1;
            *org.entry(data.org_short(r.organization)).or_insert(0) += 1;
            *gov.entry(data.gazetteer.name(&r.governorate)).or_insert(0) += 1;
        }
        self.by_sector = top(sector, 6);
        self.by_org = top(org, 6);
        self.by_governorate = top(gov, 4);
        let weekly = crate::model::queue::sent_per_week(refs, now, 12);
        self.weekly = weekly;
    }

    /// The text of a row and whether it is late (marked `!`).
    fn describe(&self, row: &Row, data: &Data) -> (String, bool) {
        let now = data.now;
        let referral = |i: u32, tail: String| {
            data.referrals
                .get(i as usize)
                .map(|r| {
                    format!(
                        "{} → {} {} {}",
                        cell(&r.case_code, 10),
                        cell(&data.org_short(r.organization), 6),
                        cell(data.service_name(r.service), 26),
                        tail
                    )
                })
                .unwrap_or_default()
        };
        match row {
            Row::Heading(h) => (h.clone(), false),
            Row::Awaiting(i) => {
                let Some(r) = data.referrals.get(*i as usize) else {
                    return (String::new(), false);
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
                let tail = format!("{tail} {}", labels::priority(r.priority).to_uppercase());
                (referral(*i, tail), late.is_some())
            }
            Row::PastFollowUp(i) => {
                let date = data
                    .referrals
                    .get(*i as usize)
                    .and_then(|r| r.follow_up)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                (
                    referral(*i, tr("follow-up-was", &[("date", Arg::Str(&date))])),
                    true,
                )
            }
            Row::Rejected(i) => {
                let sector = data
                    .referrals
                    .get(*i as usize)
                    .map(|r| labels::sector(r.sector))
                    .unwrap_or_default();
                (referral(*i, sector), false)
            }
            Row::Unreferred(i) => match data.unreferred.get(*i as usize) {
                Some(n) => (
                    format!(
                        "{} {} {} {}",
                        cell(&n.case_code, 10),
                        cell(&labels::priority(n.priority).to_uppercase(), 9),
                        cell(&labels::sector(n.sector), 16),
                        n.description
                    ),
                    false,
                ),
                None => (String::new(), false),
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
                    (
                        format!(
                            "{} {}: {}",
                            cell(&c.label, 10),
                            c.field_name,
                            values.join(" | ")
                        ),
                        true,
                    )
                }
                None => (String::new(), false),
            },
            Row::Duplicates(i) => match data.duplicate_groups.get(*i as usize) {
                Some(group) => {
                    let codes: Vec<&str> = group.iter().map(|h| h.case_code.as_str()).collect();
                    let name = group.first().map(|h| h.name.as_str()).unwrap_or("");
                    (format!("{} {name}", codes.join(" = ")), false)
                }
                None => (String::new(), false),
            },
            Row::Team(i) => match data.team_rows.get(*i as usize) {
                Some(crate::tui::screens::TeamRow::Expired {
                    code,
                    name,
                    role,
                    on,
                }) => (
                    tr(
                        "queue-team-expired-row",
                        &[
                            ("code", Arg::Str(code)),
                            ("name", Arg::Str(name)),
                            ("role", Arg::Str(role)),
                            ("date", Arg::Str(&on.to_string())),
                        ],
                    ),
                    true,
                ),
                Some(crate::tui::screens::TeamRow::NoEffect {
                    code,
                    seq,
                    reason,
                    record,
                    author,
                }) => (
                    tr(
                        "queue-team-no-effect-row",
                        &[
                            ("code", Arg::Str(code)),
                            ("seq", Arg::Num(*seq as i64)),
                            ("reason", Arg::Str(reason)),
                            ("record", Arg::Str(record)),
                            ("author", Arg::Str(author)),
                        ],
                    ),
                    true,
                ),
                None => (String::new(), false),
            },
            Row::Fork(i) => match data.forks.get(*i as usize) {
                Some(f) => (
                    tr(
                        "queue-fork-row",
                        &[
                            ("code", Arg::Str(&f.code())),
                            ("seq", Arg::Num(f.seq as i64)),
                            ("sender", Arg::Str(&f.sender_code())),
                            ("refused", Arg::Num(f.refused as i64)),
                            ("date", Arg::Str(&data.long_date(f.seen_at))),
                        ],
                    ),
                    true,
                ),
                None => (String::new(), false),
            },
            Row::DueForErasure(i) => match data.due_for_erasure.get(*i as usize) {
                Some(d) => (
                    tr(
                        "queue-due-erasure-row",
                        &[
                            ("code", Arg::Str(&d.case_code)),
                            ("date", Arg::Str(&data.long_date(d.closed_at))),
                        ],
                    ),
                    true,
                ),
                None => (String::new(), false),
            },
        }
    }

    fn on_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        match keys::command(key, Scope::List, false) {
            Some(Command::Open) => match self.rows.get(self.list.selected)? {
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
            },
            _ => {
                self.list.handle(key, self.rows.len());
                None
            }
        }
    }
}

impl Component for State {
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        if let Some(pair) = self.pair.as_mut() {
            return pair.handle_key(key);
        }
        self.on_key(key, data).into()
    }

    fn footer(&self) -> Vec<Command> {
        if let Some(pair) = &self.pair {
            return pair.footer();
        }
        vec![Command::Open, Command::Down, Command::Help, Command::Quit]
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
        let c = &self.counts;
        let line1 = vec![
            Span::styled(format!(" {} ", t("queue-awaiting-short")), theme.title()),
            Span::raw(format!("{} ", c.awaiting)),
            Span::styled(
                tr(
                    "queue-overdue-paren",
                    &[("count", Arg::Num(c.overdue as i64))],
                ),
                if c.overdue > 0 {
                    theme.overdue()
                } else {
                    theme.muted()
                },
            ),
            Span::styled(
                format!("  {} ", t("queue-past-follow-up-short")),
                theme.title(),
            ),
            Span::raw(c.past_follow_up.to_string()),
            Span::styled(format!("  {} ", t("queue-rejected-short")), theme.title()),
            Span::raw(c.rejected.to_string()),
            Span::styled(format!("  {} ", t("queue-conflicts-short")), theme.title()),
            Span::styled(
                c.conflicts.to_string(),
                if c.conflicts > 0 {
                    theme.warning()
                } else {
                    ratatui::style::Style::default()
                },
            ),
        ];
        let line2 = vec![
            Span::styled(format!(" {} ", t("queue-unreferred-short")), theme.title()),
            Span::raw(tr(
                "queue-unreferred-counts",
                &[
                    ("emergency", Arg::Num(c.unreferred[0] as i64)),
                    ("urgent", Arg::Num(c.unreferred[1] as i64)),
                    ("normal", Arg::Num(c.unreferred[2] as i64)),
                ],
            )),
            Span::styled(
                format!("   {} ", t("queue-duplicates-short")),
                theme.title(),
            ),
            Span::raw(c.duplicates.to_string()),
        ];
        frame.render_widget(
            Paragraph::new(vec![Line::from(line1), Line::from(line2)]),
            counts,
        );
        let [left, middle, right] = Layout::horizontal([
            Constraint::Percentage(36),
            Constraint::Percentage(32),
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
        let block = Block::bordered().title(t("chart-weekly"));
        let inner = block.inner(spark);
        frame.render_widget(block, spark);
        frame.render_widget(Paragraph::new(sparkline(&self.weekly)), inner);
        let mut lines = Vec::new();
        if !data.loaded {
            lines.push(Line::from(Span::styled(
                format!(" {}", t("lookup-loading")),
                theme.muted(),
            )));
        }
        for i in self.list.visible(self.rows.len(), list.height as usize) {
            let selected = i == self.list.selected;
            let width = list.width as usize - 2;
            let row = &self.rows[i];
            let (text, late) = self.describe(row, data);
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
            let line = Line::from(Span::styled(
                format!("{marker}{}", fit(&text, width)),
                style,
            ));
            lines.push(line);
        }
        frame.render_widget(super::list_paragraph(lines, data), list);
    }
}

/// A bar chart drawn with block characters: label, bar, number (readable without colour).
fn bars(frame: &mut Frame, area: Rect, title: &str, values: &[(String, u64)], theme: &Theme) {
    let block = Block::bordered().title(title.to_string());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
    let label_width = 11usize;
    let number_width = 6usize;
    let bar_width = (inner.width as usize).saturating_sub(label_width + number_width + 1);
    let mut lines: Vec<Line> = values
        .iter()
        .take(inner.height as usize)
        .map(|(label, n)| {
            let len = ((*n as usize * bar_width) as f64 / max as f64).ceil() as usize;
            Line::from(vec![
                Span::raw(cell(label, label_width)),
                Span::raw(" "),
                Span::styled("█".repeat(len.min(bar_width)), theme.title()),
                Span::raw(format!(" {n}")),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(t("chart-empty"), theme.muted())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
