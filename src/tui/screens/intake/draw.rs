//! How Intake draws: the lookup list, and the form's steps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::*;
use crate::i18n::{Arg, t, tr};
use crate::model::{Problem, Vulnerability};
use crate::tui::field::FieldId;
use crate::tui::screens::Data;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::row_line;
use crate::tui::widgets::{cell, fit};

impl State {
    pub(super) fn draw(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        match (&self.mode, &self.form) {
            (Mode::Form, Some(form)) => render_form(form, frame, area, data, theme),
            _ => self.render_lookup(frame, area, data, theme),
        }
    }

    fn render_lookup(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let [search, info, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        let label = t("lookup-label");
        let width = (search.width as usize).saturating_sub(label.chars().count() + 5);
        let mut spans = vec![Span::styled(format!(" {label} "), theme.title())];
        spans.push(Span::raw("["));
        spans.extend(
            self.query
                .spans(width, true, theme.focus(), theme.selected())
                .spans,
        );
        spans.push(Span::raw("]"));
        frame.render_widget(Paragraph::new(Line::from(spans)), search);
        let info_text = if !data.loaded {
            t("lookup-loading")
        } else if self.query.is_empty() {
            tr(
                "lookup-hint",
                &[("count", Arg::Num(data.household_count as i64))],
            )
        } else {
            tr(
                "lookup-found",
                &[("count", Arg::Num(self.hits.len() as i64))],
            )
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {info_text}"), theme.muted())),
            info,
        );
        let rows: Vec<Line> = self
            .list
            .visible(self.hits.len(), list.height as usize)
            .map(|i| {
                let h = &self.hits[i];
                let name = if h.latin.is_empty() {
                    h.name.clone()
                } else {
                    format!("{} ({})", h.name, h.latin)
                };
                let status = if h.open {
                    String::new()
                } else {
                    t("case-closed")
                };
                let text = match &h.found_as {
                    // Found by the code of a household merged into this one: said so.
                    Some(alias) => format!(
                        "{}  {}  {}",
                        cell(&h.case_code, 11),
                        cell(&name, 24),
                        tr(
                            "case-merged",
                            &[("alias", Arg::Str(alias)), ("code", Arg::Str(&h.case_code)),],
                        )
                    ),
                    None => format!(
                        "{}  {}  {}  {}",
                        cell(&h.case_code, 11),
                        cell(&name, 36),
                        cell(&data.gazetteer.name(&h.governorate), 12),
                        status
                    ),
                };
                row_line(text, i == self.list.selected, theme)
            })
            .collect();
        frame.render_widget(crate::tui::screens::list_paragraph(rows, data), list);
    }
}

fn render_form(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let [title, body, messages] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let heading = match &form.existing {
        Some(h) => tr("intake-edit-title", &[("code", Arg::Str(&h.case_code))]),
        None => t("intake-new-title"),
    };
    let step_name = t(match form.step {
        Step::Who => "step-who",
        Step::Consent => "step-consent",
        Step::Needs => "step-needs",
    });
    let step = tr(
        "intake-step",
        &[
            ("n", Arg::Num(form.step.number())),
            ("name", Arg::Str(&step_name)),
        ],
    );
    let dirty = if form.dirty {
        format!(" · {}", t("intake-unsaved"))
    } else {
        String::new()
    };
    let pad = (title.width as usize)
        .saturating_sub(heading.chars().count() + step.chars().count() + dirty.chars().count() + 2);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {heading}"), theme.title()),
            Span::styled(dirty, theme.warning()),
            Span::raw(" ".repeat(pad)),
            Span::raw(format!("{step} ")),
        ])),
        title,
    );
    match form.step {
        Step::Who => render_who(form, frame, body, data, theme),
        Step::Consent => render_consent(form, frame, body, theme),
        Step::Needs => render_needs(form, frame, body, data, theme),
    }
    // Messages: the focused field's error, else the first other problem, else duplicates.
    let focused_error = match form.step {
        Step::Who if !form.on_members => form.who.focused().and_then(|f| f.error.clone()),
        Step::Consent => form.consent.focused().and_then(|f| f.error.clone()),
        _ => None,
    };
    let mut lines = Vec::new();
    if let Some(e) = focused_error.or_else(|| form.problems.first().map(problem_text)) {
        lines.push(Line::from(Span::styled(
            format!(" ! {}", fit(&e, messages.width as usize - 4)),
            theme.error(),
        )));
    }
    if form.step == Step::Who && !form.duplicates.is_empty() {
        let list: Vec<String> = form
            .duplicates
            .iter()
            .take(3)
            .map(|d| {
                format!(
                    "{} {}{}",
                    d.case_code,
                    d.name,
                    d.birth_year.map(|y| format!(" ({y})")).unwrap_or_default()
                )
            })
            .collect();
        let text = tr(
            "intake-duplicates",
            &[
                ("count", Arg::Num(form.duplicates.len() as i64)),
                ("list", Arg::Str(&list.join("; "))),
            ],
        );
        lines.push(Line::from(Span::styled(
            format!(" {}", fit(&text, messages.width as usize - 2)),
            theme.warning(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), messages);
    if let Step::Who = form.step
        && !form.on_members
    {
        // The picker of a choice being filtered, over the rest of the form.
        let id = form.who.focused().map(|f| f.id);
        let (col, row) = match WHO_LEFT.iter().position(|x| Some(*x) == id) {
            Some(r) => (0, r),
            None => (
                1,
                WHO_RIGHT.iter().position(|x| Some(*x) == id).unwrap_or(0),
            ),
        };
        let half = body.width / 2;
        let anchor = Rect {
            x: body.x + col * half + 13,
            y: body.y + 1 + row as u16,
            width: half.saturating_sub(14),
            height: 1,
        };
        form.who.render_picker(frame, anchor, area, theme);
    }
}

fn problem_text(p: &Problem) -> String {
    if let Some(rest) = p.field.strip_prefix("members[") {
        let n = rest.split(']').next().unwrap_or("?");
        return tr(
            "problem-member",
            &[("n", Arg::Str(n)), ("message", Arg::Str(&p.message))],
        );
    }
    if let Some(rest) = p.field.strip_prefix("needs[") {
        let n = rest.split(']').next().unwrap_or("?");
        return tr(
            "problem-need",
            &[("n", Arg::Str(n)), ("message", Arg::Str(&p.message))],
        );
    }
    p.message.clone()
}

fn render_who(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let [boxes, vuln, members] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(3),
        Constraint::Min(2),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(boxes);
    let active = !form.on_members;
    let head_box = Block::bordered().title(t("intake-box-head"));
    let inner = head_box.inner(left);
    frame.render_widget(head_box, left);
    form.who
        .render_rows(frame, inner, &WHO_LEFT, 11, active, theme);
    let loc_box = Block::bordered().title(t("intake-box-location"));
    let inner = loc_box.inner(right);
    frame.render_widget(loc_box, right);
    form.who
        .render_rows(frame, inner, &WHO_RIGHT, 11, active, theme);
    // Vulnerabilities: three per line.
    let ids: Vec<FieldId> = Vulnerability::RECORDED
        .iter()
        .map(|v| FieldId::Vulnerability(*v))
        .collect();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", t("intake-box-vulnerabilities")),
            theme.title(),
        )),
        Rect { height: 1, ..vuln },
    );
    let third = vuln.width / 3;
    for (i, id) in ids.iter().enumerate() {
        let rect = Rect {
            x: vuln.x + (i as u16 % 3) * third,
            y: vuln.y + 1 + i as u16 / 3,
            width: third,
            height: 1,
        };
        form.who.render_rows(frame, rect, &[*id], 0, active, theme);
    }
    // Members.
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                " {} ",
                tr(
                    "intake-members",
                    &[("count", Arg::Num(form.members.len() as i64))]
                )
            ),
            if form.on_members {
                theme.focus()
            } else {
                theme.title()
            },
        ),
        Span::styled(t("intake-members-keys"), theme.muted()),
    ])];
    if form.members.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("   {}", t("intake-members-none")),
            theme.muted(),
        )));
    }
    let height = members.height.saturating_sub(1) as usize;
    for i in form.members_list.visible(form.members.len(), height) {
        let m = &form.members[i];
        let text = format!(
            "{}  {}  {}  {}{}",
            cell(&m.name, 26),
            cell(&m.sex.map(sex_label).unwrap_or_default(), 7),
            cell(&m.birth_year.map(|y| y.to_string()).unwrap_or_default(), 4),
            cell(&m.relationship, 12),
            if m.wg.has_disability() {
                format!(" {}", t("vuln-disability"))
            } else {
                String::new()
            }
        );
        lines.push(row_line(
            text,
            form.on_members && i == form.members_list.selected,
            theme,
        ));
    }
    let _ = data;
    frame.render_widget(Paragraph::new(lines), members);
}

fn render_consent(form: &HouseholdForm, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut y = area.y + 1;
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", t("consent-intro")),
            theme.muted(),
        ))
        .wrap(ratatui::widgets::Wrap { trim: false }),
        Rect {
            y: area.y,
            height: 1,
            ..area
        },
    );
    for (id, question) in [
        (FieldId::ConsentServices, "consent-services-question"),
        (FieldId::ConsentDisclosure, "consent-disclosure-question"),
        (FieldId::ConsentFollowUp, "consent-follow-up-question"),
    ] {
        if y + 3 > area.bottom() {
            break;
        }
        frame.render_widget(
            Paragraph::new(format!(" {}", t(question)))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            Rect {
                x: area.x,
                y: y + 1,
                width: area.width,
                height: 2,
            },
        );
        form.consent.render_rows(
            frame,
            Rect {
                x: area.x + 2,
                y: y + 3,
                width: area.width.min(60),
                height: 1,
            },
            &[id],
            24,
            true,
            theme,
        );
        y += 4;
    }
    let recorded = form.existing.as_ref().and_then(|h| h.consent.as_ref());
    if let Some(c) = recorded
        && y + 1 < area.bottom()
    {
        let text = tr(
            "consent-recorded",
            &[
                ("by", Arg::Str(&c.recorded_by)),
                ("at", Arg::Str(&c.recorded_at.local_minutes())),
            ],
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), theme.muted())),
            Rect {
                y: y + 1,
                height: 1,
                ..area
            },
        );
    }
}

fn render_needs(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" {}", t("needs-intro")),
            theme.muted(),
        )),
        Line::from(Span::styled(
            format!(
                "   {}  {}  {}  {}",
                cell(&t("col-sector"), 20),
                cell(&t("col-priority"), 9),
                cell(&t("col-status"), 10),
                t("col-need")
            ),
            theme.title(),
        )),
    ];
    if form.needs.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("   {}", t("needs-none")),
            theme.muted(),
        )));
    }
    let height = area.height.saturating_sub(2) as usize;
    for i in form.needs_list.visible(form.needs.len(), height) {
        let n = &form.needs[i];
        let saved = form.saved_needs.contains(&n.id);
        let referrals = data.referrals.iter().filter(|r| r.need == n.id).count();
        let status = if saved {
            crate::tui::labels::need_status(n.status)
        } else {
            t("need-unsaved")
        };
        let extra = if referrals > 0 {
            format!(
                "  ({})",
                tr("needs-referrals", &[("count", Arg::Num(referrals as i64))])
            )
        } else {
            String::new()
        };
        let text = format!(
            "{}  {}  {}  {}{}",
            cell(&crate::tui::labels::sector(n.sector), 20),
            cell(&crate::tui::labels::priority(n.priority), 9),
            cell(&status, 10),
            n.description,
            extra
        );
        lines.push(row_line(text, i == form.needs_list.selected, theme));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
