//! Referrals (F4): every referral, found by words or case code and filtered by status,
//! organization, priority and overdue, sorted by due date, with the selected one's whole
//! history below. The filters are chosen as Intake's are: arrows cycle, typing filters
//! their choices in a drop-down, Enter picks. Enter (or F9) on a referral opens its
//! actions: only the moves the lifecycle allows, a note, a follow-up date.

pub mod act;

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use uuid::Uuid;

use super::{Data, span_words};
use crate::i18n::{Arg, t, tr};
use crate::model::{Priority, Referral, ReferralStatus};
use crate::tui::action::Action;
use crate::tui::field::FieldId;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::labels;
use crate::tui::screens::referrals::act::ReferralAction;
use crate::tui::screens::{Component, Handled};
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};
use crate::tui::widgets::form::{Field, Form, Opt};
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::text::Edit;
use crate::tui::widgets::{fit_words, width};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Filters,
    List,
}

pub struct State {
    pub filters: Form,
    pub focus: Focus,
    /// Positions in `Data::referrals` of the rows shown, in order.
    pub rows: Vec<usize>,
    pub list: ListView,
    /// The selected referral with its history, read by the app.
    pub detail: Option<Referral>,
    /// What the search looks in, per referral (case code, need, service, organization),
    /// folded: worked out at the first search after a load, not on every keystroke.
    haystacks: Vec<String>,
}

/// The widths of the filters' rows: the search and the check box above, the three
/// choices below.
const FIND_WIDTH: u16 = 44;
const CHOICES: [(FieldId, u16); 3] = [
    (FieldId::Status, 24),
    (FieldId::Org, 31),
    (FieldId::Priority, 25),
];
/// The widths of the list's columns in `width`: the due date (as wide as the longest
/// in the language), the case code, the need (what is left), the organization, the
/// status, how late.
fn columns(width: u16) -> [u16; 6] {
    let due = super::short_date_width() as u16;
    // The widest status, and the widest "how late" (hours or days), in the language.
    let status = ReferralStatus::ALL
        .iter()
        .map(|s| crate::tui::widgets::width(&labels::referral_status(*s)))
        .max()
        .unwrap_or(9)
        .clamp(6, 12) as u16;
    let late = [47, 999 * 24]
        .iter()
        .map(|h| crate::tui::widgets::width(&span_words(h * 3_600_000)))
        .max()
        .unwrap_or(9)
        .clamp(8, 14) as u16;
    let fixed = due + 10 + 6 + status + late + 2 + 5 * ui::GAP;
    [due, 10, width.saturating_sub(fixed).max(8), 6, status, late]
}

/// How wide a filter's drop-down is at least (an organization's whole name).
const PICKER_WIDTH: u16 = 44;

impl State {
    pub fn new(data: &Data) -> State {
        let statuses = Opt::all_then(
            ReferralStatus::ALL
                .iter()
                .map(|s| Opt::new(s.code(), labels::referral_status(*s))),
        );
        let priorities = Opt::all_then(labels::priority_options());
        let mut state = State {
            filters: Form::filters(vec![
                Field::text(FieldId::Find, "referrals-find", 60, ""),
                Field::choice(FieldId::Status, "referrals-status", statuses, Some("")),
                Field::choice(FieldId::Org, "referrals-org", Opt::all_then([]), Some("")),
                Field::choice(
                    FieldId::Priority,
                    "referrals-priority",
                    priorities,
                    Some(""),
                ),
                Field::check(FieldId::Overdue, "referrals-overdue", false),
            ]),
            focus: Focus::List,
            rows: Vec::new(),
            list: ListView::default(),
            detail: None,
            haystacks: Vec::new(),
        };
        state.reload(data, None);
        state
    }

    /// The organizations that have referrals, for the filter, by name with the acronym
    /// (either can be typed to find one). Only a load changes them, so only a load calls
    /// this (not every filter change).
    fn sync_orgs(&mut self, data: &Data) {
        let ids: BTreeSet<Uuid> = data.referrals.iter().map(|r| r.organization).collect();
        let mut orgs: Vec<(String, Uuid)> = ids
            .into_iter()
            .map(|id| {
                let name = data.org_name(id);
                let short = data.org_short(id);
                let label = if short == name {
                    name.to_string()
                } else {
                    format!("{name} ({short})")
                };
                (label, id)
            })
            .collect();
        orgs.sort_by_cached_key(|(label, id)| (label.to_lowercase(), *id));
        let options = Opt::all_then(
            orgs.into_iter()
                .map(|(name, id)| Opt::new(id.to_string(), name)),
        );
        if let Some(f) = self.filters.get_mut(FieldId::Org) {
            f.set_options(options);
            if f.code().is_none() {
                f.select(Some(""));
            }
        }
    }

    /// After a load: the organization filter's options from the new referrals, then the
    /// list, keeping `keep` selected when it is shown (the id the app had selected before
    /// new data replaced the old).
    pub fn reload(&mut self, data: &Data, keep: Option<Uuid>) {
        self.sync_orgs(data);
        self.haystacks.clear();
        self.refilter_keeping(data, keep);
    }

    /// The directory changed (or came in after the referrals): what the search looks in
    /// holds service and organization names, so it is worked out again.
    pub fn directory_changed(&mut self) {
        self.haystacks.clear();
    }

    /// What the search looks in, for every referral loaded (worked out once per load).
    fn haystacks(&mut self, data: &Data) -> &[String] {
        if self.haystacks.len() != data.referrals.len() {
            self.haystacks = data
                .referrals
                .iter()
                .map(|r| {
                    crate::search::fold(&format!(
                        "{} {} {} {} {}",
                        r.case_code,
                        r.need_text,
                        data.service_name(r.service),
                        data.org_name(r.organization),
                        data.org_short(r.organization)
                    ))
                })
                .collect();
        }
        &self.haystacks
    }

    /// Lists again from the data and the filters, keeping the selected referral if shown.
    pub fn refilter(&mut self, data: &Data) {
        let keep = self.selected_id(data);
        self.refilter_keeping(data, keep);
    }

    /// Lists again, keeping `keep` selected when it is shown.
    fn refilter_keeping(&mut self, data: &Data, keep: Option<Uuid>) {
        let status = self
            .filters
            .code(FieldId::Status)
            .and_then(|c| ReferralStatus::from_code(&c));
        // "All" has the empty code, which is no organization.
        let org = self
            .filters
            .code(FieldId::Org)
            .and_then(|c| Uuid::parse_str(&c).ok());
        let priority = self
            .filters
            .code(FieldId::Priority)
            .and_then(|c| Priority::from_code(&c));
        let overdue = self.filters.checked(FieldId::Overdue);
        // Every typed word somewhere in the case code, the need, the service or the
        // organization (Arabic spellings and digits folded).
        let words: Vec<String> = crate::search::fold(&self.filters.text(FieldId::Find))
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let haystacks: &[String] = if words.is_empty() {
            &[]
        } else {
            self.haystacks(data)
        };
        let mut rows: Vec<usize> = data
            .referrals
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                words.is_empty()
                    || haystacks
                        .get(*i)
                        .is_some_and(|h| words.iter().all(|w| h.contains(w.as_str())))
            })
            .filter(|(_, r)| status.is_none_or(|s| r.status == s))
            .filter(|(_, r)| org.is_none_or(|o| r.organization == o))
            .filter(|(_, r)| priority.is_none_or(|p| r.priority == p))
            .filter(|(_, r)| !overdue || r.is_overdue(data.now))
            .map(|(i, _)| i)
            .collect();
        rows.sort_by_key(|&i| {
            let r = &data.referrals[i];
            (
                r.due().map(|d| d.0).unwrap_or(i64::MAX),
                r.sent_at.map(|t| t.0).unwrap_or(i64::MAX),
                r.id,
            )
        });
        self.rows = rows;
        match keep.and_then(|id| self.rows.iter().position(|&i| data.referrals[i].id == id)) {
            Some(p) => self.list.selected = p,
            None => self.list.clamp(self.rows.len()),
        }
    }

    pub fn selected_id(&self, data: &Data) -> Option<Uuid> {
        self.rows
            .get(self.list.selected)
            .and_then(|&i| data.referrals.get(i))
            .map(|r| r.id)
    }

    /// Selects a referral, clearing the search and filters that hide it.
    pub fn select(&mut self, id: Uuid, data: &Data) {
        if !self.rows.iter().any(|&i| data.referrals[i].id == id) {
            for f in [FieldId::Status, FieldId::Org, FieldId::Priority] {
                if let Some(field) = self.filters.get_mut(f) {
                    field.select(Some(""));
                }
            }
            if let Some(f) = self.filters.get_mut(FieldId::Find) {
                f.kind = crate::tui::widgets::form::FieldKind::Text(
                    crate::tui::widgets::text::TextInput::new(60),
                );
            }
            if let Some(f) = self.filters.get_mut(FieldId::Overdue) {
                f.kind = crate::tui::widgets::form::FieldKind::Check(false);
            }
            self.refilter(data);
        }
        if let Some(p) = self.rows.iter().position(|&i| data.referrals[i].id == id) {
            self.list.selected = p;
        }
    }

    fn render_detail(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let row = self
            .rows
            .get(self.list.selected)
            .and_then(|&i| data.referrals.get(i));
        let Some(row) = row else {
            ui::boxed(frame, area, "");
            return;
        };
        // The case, its organization, the service (cut at a word to leave room for the
        // priority), the priority.
        let priority = labels::priority(row.priority).to_uppercase();
        let mut title = vec![
            Bit::text(row.case_code.to_string()),
            Bit::glyph(" → "),
            Bit::text(data.org_short(row.organization)),
            Bit::glyph(" · "),
        ];
        let used: usize = title.iter().map(Bit::width).sum::<usize>() + 4 + width(&priority);
        let service = fit_words(
            data.service_name(row.service),
            (area.width as usize).saturating_sub(used + 2),
        );
        title.extend([Bit::text(service), Bit::glyph(" ── "), Bit::text(priority)]);
        let inner = ui::boxed_bits(frame, area, title);
        let Some(r) = self.detail.as_ref().filter(|d| d.id == row.id) else {
            return;
        };
        let history_rows = inner.height.saturating_sub(1) as usize;
        let start = r.history.len().saturating_sub(history_rows);
        let when_width = super::short_date_width() as u16 + 6;
        let mut y = inner.y;
        for s in &r.history[start..] {
            let moved = match s.from {
                None => t("history-created"),
                Some(from) if from == s.to => t("history-note"),
                Some(from) => format!(
                    "{} → {}",
                    labels::referral_status(from),
                    labels::referral_status(s.to)
                ),
            };
            let mut text = moved;
            if let Some(o) = &s.outcome {
                text.push_str(&format!(
                    " ({})",
                    match o {
                        crate::model::Outcome::Successful => t("outcome-successful"),
                        crate::model::Outcome::NotSuccessful(r) => labels::not_successful(*r),
                    }
                ));
            }
            if !s.reason.is_empty() {
                text.push_str(&format!(" · {}", s.reason));
            }
            if !s.note.is_empty() {
                text.push_str(&format!(" \"{}\"", s.note));
            }
            let rest = inner.width.saturating_sub(when_width + 10 + 2 * ui::GAP);
            ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                "",
                vec![
                    (Line::from(data.day_time(s.at)), when_width),
                    (Line::from(s.by.clone()), 10),
                    (Line::from(text), rest),
                ],
                ratatui::style::Style::default(),
            );
            y += 1;
        }
        let mut last = Vec::new();
        if let Some(d) = r.follow_up {
            last.push(tr("follow-up-by", &[("date", Arg::Str(&data.day(d)))]));
        }
        if let Some(due) = r.due().filter(|_| r.status() == ReferralStatus::Sent) {
            last.push(tr(
                "answer-due",
                &[("date", Arg::Str(&data.short_date(due)))],
            ));
        }
        last.push(t("referral-actions-hint"));
        let mut bits = Vec::new();
        for (i, text) in last.into_iter().enumerate() {
            if i > 0 {
                bits.push(Bit::glyph("  "));
            }
            bits.push(Bit::text(Span::styled(text, theme.muted())));
        }
        if y < inner.bottom() {
            ui::row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                bits,
            );
        }
    }

    fn on_key(&mut self, key: &Key, data: &Data) -> Option<Action> {
        let before = self.selected_id(data);
        if let Some(cmd) = keys::command(key, Scope::Form, self.typing()) {
            match cmd {
                Command::NextField => {
                    match self.focus {
                        Focus::List => {
                            self.focus = Focus::Filters;
                            self.filters.focus = 0;
                        }
                        Focus::Filters => {
                            if self.filters.blur_focused().is_some() {
                                self.refilter(data);
                            }
                            if !self.filters.focus_next() {
                                self.focus = Focus::List;
                            }
                        }
                    }
                    return None;
                }
                Command::PrevField => {
                    match self.focus {
                        Focus::List => {
                            self.focus = Focus::Filters;
                            self.filters.focus = self.filters.fields.len() - 1;
                        }
                        Focus::Filters => {
                            if self.filters.blur_focused().is_some() {
                                self.refilter(data);
                            }
                            if !self.filters.focus_prev() {
                                self.focus = Focus::List;
                            }
                        }
                    }
                    return None;
                }
                _ => {}
            }
        }
        match self.focus {
            Focus::Filters => {
                use ratatui::crossterm::event::KeyCode;
                if key.code == KeyCode::Esc {
                    // Esc first closes an open list, then leaves the filters.
                    if !self.filters.focused_mut().is_some_and(|f| f.close_picker()) {
                        self.focus = Focus::List;
                    }
                    return None;
                }
                match self.filters.handle(key) {
                    Edit::Changed => {
                        self.refilter(data);
                        self.list.selected = 0;
                    }
                    Edit::Truncated => return Some(Action::FieldFull),
                    // Enter with nothing to pick goes to the list, as Tab would after the
                    // last filter.
                    Edit::Ignored if key.code == KeyCode::Enter && !key.ctrl && !key.alt => {
                        self.focus = Focus::List;
                    }
                    _ => {}
                }
            }
            Focus::List => match keys::command(key, Scope::List, false) {
                Some(Command::Open | Command::Menu) => {
                    return self.selected_id(data).map(|_| Action::Menu);
                }
                Some(Command::Search) => {
                    self.focus = Focus::Filters;
                    self.filters.focus_on(FieldId::Find);
                    return None;
                }
                _ => {
                    self.list.handle(key, self.rows.len());
                }
            },
        }
        let after = self.selected_id(data);
        match after {
            Some(id) if after != before || self.detail.as_ref().is_none_or(|d| d.id != id) => {
                Some(Action::Referral(ReferralAction::Open(id)))
            }
            _ => None,
        }
    }
}

impl Component for State {
    fn handle_key(&mut self, key: &Key, data: &Data) -> Handled {
        self.on_key(key, data).into()
    }

    fn typing(&self) -> bool {
        self.focus == Focus::Filters && self.filters.focused().is_some_and(|f| f.is_typing())
    }

    fn footer(&self) -> Vec<Command> {
        match self.focus {
            Focus::List => vec![
                Command::Open,
                Command::Search,
                Command::NextField,
                Command::Down,
                Command::Help,
                Command::Quit,
            ],
            Focus::Filters => vec![
                Command::NextField,
                Command::PrevField,
                Command::Back,
                Command::Quit,
            ],
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let [find_row, choices_row, header, list, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(8),
        ])
        .areas(area);
        let active = self.focus == Focus::Filters;
        // The search, the overdue box, and how many are shown: the count and the box as
        // wide as they are in the language, the search what is left (44 at most).
        let shown = if self.rows.len() == data.referrals.len() {
            tr(
                "referrals-shown",
                &[("count", Arg::Num(self.rows.len() as i64))],
            )
        } else {
            tr(
                "referrals-shown-of",
                &[
                    ("count", Arg::Num(self.rows.len() as i64)),
                    ("total", Arg::Num(data.referrals.len() as i64)),
                ],
            )
        };
        let overdue_width = (width(&t("referrals-overdue")) as u16 + 5).min(20);
        let shown_width = (width(&shown) as u16).min(24);
        let find_width = find_row
            .width
            .saturating_sub(overdue_width + shown_width + 2 * ui::GAP + 1)
            .clamp(30, FIND_WIDTH);
        let [find, _, overdue, _, count, _] = Layout::horizontal([
            Constraint::Length(find_width),
            Constraint::Length(ui::GAP),
            Constraint::Length(overdue_width),
            Constraint::Min(ui::GAP),
            Constraint::Length(shown_width),
            Constraint::Length(1),
        ])
        .areas(find_row);
        let label = fit_words(&t("referrals-find"), 16);
        self.filters
            .render_rows(frame, find, &[FieldId::Find], width(&label), active, theme);
        self.filters
            .render_rows(frame, overdue, &[FieldId::Overdue], 0, active, theme);
        ui::line(frame, count, Line::from(shown).right_aligned());
        // The three choices, each with the drop-down of its choices while typed into.
        let rects = Layout::horizontal(CHOICES.map(|(_, width)| Constraint::Length(width)))
            .split(choices_row);
        let mut picker = None;
        for ((id, _), rect) in CHOICES.iter().zip(rects.iter()) {
            let label_width = self
                .filters
                .get(*id)
                .map_or(0, |f| width(&t(f.label)))
                .min(rect.width as usize / 2);
            self.filters
                .render_rows(frame, *rect, &[*id], label_width, active, theme);
            if active && self.filters.focused().is_some_and(|f| f.id == *id) {
                let x = rect.x + label_width as u16 + 2;
                let width = rect
                    .width
                    .saturating_sub(label_width as u16 + 2)
                    .max(PICKER_WIDTH)
                    .min(area.right().saturating_sub(x));
                picker = Some(Rect {
                    x,
                    y: rect.y,
                    width,
                    height: 1,
                });
            }
        }
        let widths = columns(header.width);
        let heads = [
            "col-due",
            "col-case",
            "col-need",
            "col-to",
            "col-status",
            "col-late",
        ];
        ui::table_row(
            frame,
            header,
            "  ",
            heads
                .iter()
                .zip(widths)
                .map(|(h, w)| (Line::from(t(h)), w))
                .collect(),
            theme.title(),
        );
        if !data.loaded || self.rows.is_empty() {
            let text = if data.loaded {
                t("referrals-none")
            } else {
                t("lookup-loading")
            };
            ui::line(
                frame,
                Rect {
                    x: list.x + 1,
                    width: list.width.saturating_sub(1),
                    ..list
                },
                Span::styled(text, theme.muted()),
            );
        }
        let visible = self.list.visible(self.rows.len(), list.height as usize);
        for (y, n) in (list.top()..list.bottom()).zip(visible) {
            let r = &data.referrals[self.rows[n]];
            let late = match r.due() {
                Some(d) if r.status == ReferralStatus::Sent && data.now > d => {
                    Some(span_words(data.now.0 - d.0))
                }
                _ => None,
            };
            let cols = [
                r.due()
                    .map(|d| data.short_date(d))
                    .unwrap_or_else(|| "-".into()),
                r.case_code.to_string(),
                r.need_text.to_string(),
                data.org_short(r.organization),
                labels::referral_status(r.status),
                late.clone().unwrap_or_default(),
            ];
            let selected = n == self.list.selected;
            let mut style = if selected {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            if late.is_some() {
                style = style.patch(theme.overdue());
            }
            let marker = if selected {
                "> "
            } else if late.is_some() {
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
                cols.into_iter()
                    .zip(widths)
                    .map(|(c, w)| (Line::from(c), w))
                    .collect(),
                style,
            );
        }
        self.render_detail(frame, detail, data, theme);
        // The list of a filter being typed into, over the referrals.
        if let Some(anchor) = picker {
            self.filters.render_picker(frame, anchor, area, theme);
        }
    }
}
