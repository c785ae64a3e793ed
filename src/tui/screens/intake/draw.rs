//! How Intake draws: the lookup list, and the form's steps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::*;
use crate::i18n::{Arg, t, tr};
use crate::model::{Problem, Vulnerability};
use crate::tui::field::FieldId;
use crate::tui::screens::Data;
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Bit};
use crate::tui::widgets::{fit, width as text_width};

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
        let label = crate::tui::widgets::fit_words(
            &t("lookup-label"),
            (search.width as usize).saturating_sub(30),
        );
        let width = (search.width as usize).saturating_sub(text_width(&label) + 5);
        ui::row(
            frame,
            search,
            vec![
                Bit::glyph(" "),
                Bit::text(Span::styled(label, theme.title())),
                Bit::glyph(" ["),
                Bit::Text(
                    self.query
                        .spans(width, true, theme.focus(), theme.selected()),
                ),
                Bit::glyph("]"),
            ],
        );
        let info_text = if !data.loaded {
            t("lookup-loading")
        } else if self.query.is_empty() {
            tr(
                "lookup-hint",
                &[("count", Arg::Num(data.household_count as i64))],
            )
        } else if self.matched.total > self.hits.len() {
            // The list is cut: say of how many these are the best.
            tr(
                if self.matched.exact {
                    "lookup-found-best"
                } else {
                    "lookup-found-best-more"
                },
                &[
                    ("shown", Arg::Num(self.hits.len() as i64)),
                    ("count", Arg::Num(self.matched.total as i64)),
                ],
            )
        } else {
            tr(
                "lookup-found",
                &[("count", Arg::Num(self.hits.len() as i64))],
            )
        };
        ui::line(
            frame,
            Rect {
                x: info.x + 1,
                width: info.width.saturating_sub(1),
                ..info
            },
            Span::styled(info_text, theme.muted()),
        );
        let visible = self.list.visible(self.hits.len(), list.height as usize);
        for (y, i) in (list.y..list.bottom()).zip(visible) {
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
            let selected = i == self.list.selected;
            let (mark, style) = if selected {
                ("> ", theme.selected())
            } else {
                ("  ", ratatui::style::Style::default())
            };
            ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                mark,
                match &h.found_as {
                    // Found by the code of a household merged into this one: said so.
                    Some(alias) => vec![
                        (Line::from(h.case_code.to_string()), 11),
                        (Line::from(name), 24),
                        (
                            Line::from(tr(
                                "case-merged",
                                &[("alias", Arg::Str(alias)), ("code", Arg::Str(&h.case_code))],
                            )),
                            38,
                        ),
                    ],
                    None => vec![
                        (Line::from(h.case_code.to_string()), 11),
                        (Line::from(name), 36),
                        (Line::from(data.place(&h.governorate)), 12),
                        (Line::from(status), 13),
                    ],
                },
                style,
            );
        }
    }
}

/// The rows a step needs at least, below the title: the Who step's boxes, its
/// vulnerabilities and the members' line; the three consent questions; the needs'
/// headings and one need.
fn min_body(step: Step) -> u16 {
    match step {
        Step::Who => 11,
        Step::Consent => 13,
        Step::Needs => 3,
    }
}

fn render_form(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    let width = area.width as usize;
    // Below the step: what to fix, then a hint for the focused field, then likely
    // duplicates, in the rows the step leaves (at least two).
    let room = area.height.saturating_sub(1 + min_body(form.step)).max(2) as usize;
    // The focused field's hint is about what the worker is at: its rows first, and the
    // problems in the rest (counted per step when they do not all fit).
    let hint: Vec<String> = field_hint(form, data)
        .map(|h| ui::wrap_words(&h, width.saturating_sub(2)))
        .unwrap_or_default();
    let mut lines = problem_lines(form, room.saturating_sub(hint.len()).max(2), width, theme);
    for row in hint {
        lines.push(vec![
            Bit::glyph(" "),
            Bit::text(Span::styled(row, theme.muted())),
        ]);
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
        lines.push(vec![
            Bit::glyph(" "),
            Bit::text(Span::styled(text, theme.warning())),
        ]);
    }
    lines.truncate(room);
    let [title, body, messages] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length((lines.len() as u16).max(2)),
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
    let mut bits = vec![
        Bit::glyph(" "),
        Bit::text(Span::styled(heading, theme.title())),
    ];
    if form.dirty {
        bits.push(Bit::glyph(" · "));
        bits.push(Bit::text(Span::styled(
            t("intake-unsaved"),
            theme.warning(),
        )));
    }
    let used: usize = bits.iter().map(Bit::width).sum();
    // The step at the far end; cut at a word when the title leaves too little room.
    let room = (title.width as usize).saturating_sub(used + 2);
    let step = crate::tui::widgets::fit_words(&step, room);
    bits.push(Bit::glyph(" ".repeat(room - text_width(&step) + 1)));
    bits.push(Bit::text(step));
    ui::row(frame, title, bits);
    match form.step {
        Step::Who => render_who(form, frame, body, data, theme),
        Step::Consent => render_consent(form, frame, body, area, data, theme),
        Step::Needs => render_needs(form, frame, body, data, theme),
    }
    ui::rows(frame, messages, lines);
    if let Step::Who = form.step
        && !form.on_members
    {
        // The list of a drop-down being opened, over the rest of the form.
        let id = form.who.focused().map(|f| f.id);
        let (col, row) = match WHO_LEFT.iter().position(|x| Some(*x) == id) {
            Some(r) => (0, r),
            None => (
                1,
                WHO_RIGHT.iter().position(|x| Some(*x) == id).unwrap_or(0),
            ),
        };
        let half = body.width / 2;
        let offset = form.who.value_offset(label_width(form)) as u16;
        let anchor = Rect {
            x: body.x + col * half + offset,
            y: body.y + 1 + row as u16,
            width: half.saturating_sub(offset + 1),
            height: 1,
        };
        form.who.render_picker(frame, anchor, area, theme);
    }
}

/// The width of the labels of the Who step's boxes: the longest label in the screens'
/// language, from 11 columns up to 16 (a longer one is cut at a word).
fn label_width(form: &HouseholdForm) -> usize {
    WHO_LEFT
        .iter()
        .chain(WHO_RIGHT.iter())
        .filter_map(|id| form.who.get(*id))
        .map(|f| text_width(&t(f.label)))
        .max()
        .unwrap_or(0)
        .clamp(11, 16)
}

/// What to fix, in at most `room` rows of `width` columns: a heading with the count and
/// the key to the next one, then each problem with its step (`>` on the one the keyboard
/// is at). When they do not all fit, the problems of the other steps are counted on one
/// row per step, naming their fields.
fn problem_lines(
    form: &HouseholdForm,
    room: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Vec<Bit<'static>>> {
    if form.problems.is_empty() || room == 0 {
        return Vec::new();
    }
    let here = form.here();
    let items: Vec<(Step, bool, String, String)> = form
        .problems
        .iter()
        .map(|p| {
            let rank = form.rank(&p.field);
            let (full, short) = problem_what(form, p);
            (rank.0, rank == here, full, short)
        })
        .collect();
    let step_no = |s: Step| Arg::Num(s.number());
    let line = |current: bool, text: String| -> (Vec<Bit<'static>>, bool) {
        let mark = if current { " >! " } else { "  ! " };
        let style = if current {
            theme.selected()
        } else {
            theme.error()
        };
        let text = crate::tui::widgets::fit_words(&text, width.saturating_sub(5));
        (
            vec![
                Bit::glyph(Span::styled(mark, style)),
                Bit::text(Span::styled(text, style)),
            ],
            current,
        )
    };
    let one = |(step, current, full, _): &(Step, bool, String, String)| {
        line(
            *current,
            tr(
                "problems-line",
                &[("step", step_no(*step)), ("what", Arg::Str(full))],
            ),
        )
    };
    let mut rows: Vec<(Vec<Bit>, bool)> = Vec::new();
    if items.len() < room {
        rows.extend(items.iter().map(one));
    } else {
        for step in [Step::Who, Step::Consent, Step::Needs] {
            let of_step: Vec<&(Step, bool, String, String)> =
                items.iter().filter(|i| i.0 == step).collect();
            if of_step.is_empty() {
                continue;
            }
            if step == form.step {
                rows.extend(of_step.into_iter().map(one));
            } else {
                let names: Vec<&str> = of_step.iter().map(|i| i.3.as_str()).collect();
                rows.push(line(
                    false,
                    tr(
                        "problems-step",
                        &[
                            ("step", step_no(step)),
                            ("count", Arg::Num(names.len() as i64)),
                            ("list", Arg::Str(&names.join(", "))),
                        ],
                    ),
                ));
            }
        }
        // Still too many (one step with many): the rows up to the keyboard's.
        let show = room - 1;
        if rows.len() > show {
            let at = rows.iter().position(|r| r.1).unwrap_or(0);
            let start = at.saturating_sub(show - 1).min(rows.len() - show);
            rows = rows.into_iter().skip(start).take(show).collect();
        }
    }
    let title = tr(
        "problems-title",
        &[("count", Arg::Num(form.problems.len() as i64))],
    );
    let mut lines = vec![vec![
        Bit::glyph(" "),
        Bit::text(Span::styled(
            crate::tui::widgets::fit_words(&title, width.saturating_sub(2)),
            theme.error(),
        )),
    ]];
    lines.extend(rows.into_iter().map(|r| r.0));
    lines
}

/// A problem as the list says it: in full ("Name: what to do"), and in short (the
/// field's label, "Member 2", "Need 1").
fn problem_what(form: &HouseholdForm, p: &Problem) -> (String, String) {
    let label = FieldId::of_problem(&p.field).and_then(|id| {
        form.who
            .get(id)
            .or_else(|| form.consent.get(id))
            .map(|f| t(f.label))
    });
    match label {
        Some(label) => (format!("{label}: {}", p.message), label),
        None => {
            let full = problem_text(p);
            let short = full.split(':').next().unwrap_or("").to_string();
            (full, fit(&short, 20))
        }
    }
}

/// What the focused field needs said below the form: the district picker with no
/// district to offer says why, and how districts come to the laptop.
fn field_hint(form: &HouseholdForm, data: &Data) -> Option<String> {
    if form.step != Step::Who || form.on_members {
        return None;
    }
    let field = form.who.focused().filter(|f| f.id == FieldId::District)?;
    if field.options().iter().any(|o| !o.code.is_empty()) {
        return None;
    }
    if form.who.code(FieldId::Governorate).is_none() {
        Some(t("intake-district-choose-governorate"))
    } else if data.gazetteer.imported_count() == 0 {
        Some(t("intake-district-none-loaded"))
    } else {
        Some(t("intake-district-none-here"))
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
        Constraint::Min(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(boxes);
    let active = !form.on_members;
    let inner = ui::boxed(frame, left, &t("intake-box-head"));
    form.who
        .render_rows(frame, inner, &WHO_LEFT, label_width(form), active, theme);
    let inner = ui::boxed(frame, right, &t("intake-box-location"));
    form.who
        .render_rows(frame, inner, &WHO_RIGHT, label_width(form), active, theme);
    // Vulnerabilities: three per line.
    let ids: Vec<FieldId> = Vulnerability::RECORDED
        .iter()
        .map(|v| FieldId::Vulnerability(*v))
        .collect();
    ui::line(
        frame,
        Rect {
            x: vuln.x + 1,
            width: vuln.width.saturating_sub(1),
            height: 1,
            ..vuln
        },
        Span::styled(t("intake-box-vulnerabilities"), theme.title()),
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
    // The household's size, then its members (the size may be more than those listed).
    let size_label = label_width(form).max(text_width(&t("intake-size")).min(18));
    let size_width = (form.who.value_offset(size_label) + 5) as u16;
    form.who.render_rows(
        frame,
        Rect {
            width: size_width.min(members.width),
            height: 1,
            ..members
        },
        &[FieldId::HouseholdSize],
        size_label,
        active,
        theme,
    );
    let heading = Rect {
        x: members.x + size_width + 1,
        width: members.width.saturating_sub(size_width + 1),
        height: 1,
        ..members
    };
    ui::row(
        frame,
        heading,
        vec![
            Bit::glyph(" "),
            Bit::text(Span::styled(
                tr(
                    "intake-members",
                    &[("count", Arg::Num(form.members.len() as i64))],
                ),
                if form.on_members {
                    theme.focus()
                } else {
                    theme.title()
                },
            )),
            Bit::glyph(" "),
            Bit::text(Span::styled(t("intake-members-keys"), theme.muted())),
        ],
    );
    let members = Rect {
        y: members.y + 1,
        height: members.height.saturating_sub(1),
        ..members
    };
    if form.members.is_empty() {
        ui::line(
            frame,
            Rect {
                x: members.x + 3,
                width: members.width.saturating_sub(3),
                ..members
            },
            Span::styled(t("intake-members-none"), theme.muted()),
        );
    }
    let height = members.height as usize;
    let visible = form.members_list.visible(form.members.len(), height);
    for (y, i) in (members.top()..members.bottom()).zip(visible) {
        let m = &form.members[i];
        let selected = form.on_members && i == form.members_list.selected;
        let (mark, style) = if selected {
            ("> ", theme.selected())
        } else {
            ("  ", ratatui::style::Style::default())
        };
        let disability = if m.wg.has_disability() {
            t("vuln-disability")
        } else {
            String::new()
        };
        let year = m
            .birth_year
            .map(|y| crate::i18n::format::Locale::current().int(i64::from(y)))
            .unwrap_or_default();
        ui::table_row(
            frame,
            Rect {
                y,
                height: 1,
                ..members
            },
            mark,
            vec![
                (Line::from(m.name.clone()), 26),
                (Line::from(m.sex.map(sex_label).unwrap_or_default()), 7),
                (Line::from(year), 4),
                (Line::from(m.relationship.clone()), 12),
                (Line::from(disability), 18),
            ],
            style,
        );
    }
    let _ = data;
}

/// The consent questions in `area`; an open answer list may reach below it, into
/// `screen`.
fn render_consent(
    form: &HouseholdForm,
    frame: &mut Frame,
    area: Rect,
    screen: Rect,
    data: &Data,
    theme: &Theme,
) {
    let mut y = area.y + 1;
    let text_area = |y: u16, height: u16| Rect {
        x: area.x + 1,
        y,
        width: area.width.saturating_sub(2),
        height,
    };
    ui::wrapped(
        frame,
        text_area(area.y, 1),
        &t("consent-intro"),
        theme.muted(),
    );
    let mut anchor = None;
    for (id, question) in [
        (FieldId::ConsentServices, "consent-services-question"),
        (FieldId::ConsentDisclosure, "consent-disclosure-question"),
        (FieldId::ConsentFollowUp, "consent-follow-up-question"),
    ] {
        // A blank row, the question (two rows), its answer.
        if y + 4 > area.bottom() {
            break;
        }
        ui::wrapped(
            frame,
            text_area(y + 1, 2),
            &t(question),
            ratatui::style::Style::default(),
        );
        let row = Rect {
            x: area.x + 2,
            y: y + 3,
            width: area.width.min(60),
            height: 1,
        };
        form.consent.render_rows(frame, row, &[id], 24, true, theme);
        if form.consent.focused().is_some_and(|f| f.id == id) {
            let offset = form.consent.value_offset(24) as u16;
            anchor = Some(Rect {
                x: row.x + offset - 1,
                width: row.width.saturating_sub(offset),
                ..row
            });
        }
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
                ("at", Arg::Str(&data.long_date_time(c.recorded_at))),
            ],
        );
        ui::line(
            frame,
            text_area(y + 1, 1),
            Span::styled(text, theme.muted()),
        );
    }
    if let Some(anchor) = anchor {
        form.consent.render_picker(frame, anchor, screen, theme);
    }
}

/// The widths of the needs' columns: sector, priority, status (the need takes the rest).
const NEED_COLUMNS: [u16; 3] = [20, 9, 10];

fn render_needs(form: &HouseholdForm, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
    ui::line(
        frame,
        Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        },
        Span::styled(t("needs-intro"), theme.muted()),
    );
    let [s, p, st] = NEED_COLUMNS;
    let rest = area.width.saturating_sub(2 + s + p + st + 3 * ui::GAP);
    let row = |y: u16| Rect {
        y,
        height: 1,
        ..area
    };
    if area.height < 2 {
        return;
    }
    let head = |id: &str| Line::from(t(id));
    ui::table_row(
        frame,
        row(area.y + 1),
        "  ",
        vec![
            (head("col-sector"), s),
            (head("col-priority"), p),
            (head("col-status"), st),
            (head("col-need"), rest),
        ],
        theme.title(),
    );
    let list = Rect {
        y: area.y + 2,
        height: area.height - 2,
        ..area
    };
    if form.needs.is_empty() {
        ui::line(
            frame,
            Rect {
                x: list.x + 2,
                width: list.width.saturating_sub(2),
                ..list
            },
            Span::styled(t("needs-none"), theme.muted()),
        );
    }
    let visible = form
        .needs_list
        .visible(form.needs.len(), list.height as usize);
    for (y, i) in (list.top()..list.bottom()).zip(visible) {
        let n = &form.needs[i];
        let saved = form.saved_needs.contains(&n.id);
        let referrals = data.referrals.iter().filter(|r| r.need == n.id).count();
        let status = if saved {
            crate::tui::labels::need_status(n.status)
        } else {
            t("need-unsaved")
        };
        let need = if referrals > 0 {
            format!(
                "{} ({})",
                n.description,
                tr("needs-referrals", &[("count", Arg::Num(referrals as i64))])
            )
        } else {
            n.description.clone()
        };
        let (mark, style) = if i == form.needs_list.selected {
            ("> ", theme.selected())
        } else {
            ("  ", ratatui::style::Style::default())
        };
        ui::table_row(
            frame,
            row(y),
            mark,
            vec![
                (Line::from(crate::tui::labels::sector(n.sector)), s),
                (Line::from(crate::tui::labels::priority(n.priority)), p),
                (Line::from(status), st),
                (Line::from(need), rest),
            ],
            style,
        );
    }
}
