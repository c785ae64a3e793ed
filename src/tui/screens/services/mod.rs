//! Services (F3): a search box that filters as you type (fuzzy over name, organization,
//! sector, areas and description; Arabic spellings folded), sector and governorate
//! filters, the list and the detail of the selected service. While a need is being
//! referred, Enter on a service opens the referral draft.

pub mod act;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use uuid::Uuid;

use super::Data;
use crate::i18n::{Arg, t, tr};
use crate::model::{Sector, ServiceStatus, sample};
use crate::search::matched_positions;
use crate::search::services::ServiceSearch;
use crate::tui::action::Action;
use crate::tui::field::FieldId;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::labels;
use crate::tui::screens::services::act::ServicesAction;
use crate::tui::screens::{Component, Handled};
use crate::tui::theme::Theme;
use crate::tui::ui;
use crate::tui::widgets::fit_words;
use crate::tui::widgets::form::{Field, Form, Opt};
use crate::tui::widgets::list::ListView;
use crate::tui::widgets::text::{Edit, TextInput};

/// The need being referred, while choosing its service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referring {
    pub household: Uuid,
    pub need: Uuid,
    pub case_code: String,
    pub need_text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Query,
    Filters,
}

pub struct State {
    pub search: ServiceSearch,
    pub query: TextInput,
    pub filters: Form,
    pub focus: Focus,
    pub hits: Vec<usize>,
    /// How many services match in all (the list keeps the first `LIMIT`).
    pub matched: usize,
    pub list: ListView,
    pub referring: Option<Referring>,
}

/// The most results listed.
const LIMIT: usize = 500;

impl State {
    pub fn new(data: &Data) -> State {
        let orgs: Vec<_> = data.organizations.values().cloned().collect();
        let search = ServiceSearch::new(data.services.clone(), &orgs, &data.gazetteer);
        let sectors = Opt::all_then(labels::sector_options());
        let areas = Opt::all_then(data.gazetteer.governorates().map(Opt::place));
        let filters = Form::filters(vec![
            Field::choice(FieldId::Sector, "services-sector", sectors, Some("")),
            Field::choice(FieldId::Area, "services-area", areas, Some("")),
        ]);
        let mut state = State {
            search,
            query: TextInput::new(60),
            filters,
            focus: Focus::Query,
            hits: Vec::new(),
            matched: 0,
            list: ListView::default(),
            referring: None,
        };
        state.refresh();
        state
    }

    /// Takes the directory `data` holds now (it came in behind the first frame),
    /// keeping what is typed, the filters and a referral being made.
    pub fn take_directory(&mut self, data: &Data) {
        let orgs: Vec<_> = data.organizations.values().cloned().collect();
        self.search = ServiceSearch::new(data.services.clone(), &orgs, &data.gazetteer);
        self.refresh();
    }

    /// Searches again with the query and filters.
    pub fn refresh(&mut self) {
        let sector = self
            .filters
            .code(FieldId::Sector)
            .and_then(|c| Sector::from_code(&c));
        let area = self.filters.code(FieldId::Area).filter(|c| !c.is_empty());
        (self.hits, self.matched) =
            self.search
                .search_counted(&self.query.value, sector, area.as_deref(), LIMIT);
        self.list.clamp(self.hits.len());
    }

    /// Starts referring a need: filters by its sector and place.
    pub fn refer(&mut self, referring: Referring, sector: Sector, governorate: &str) {
        self.referring = Some(referring);
        self.query.set("");
        if let Some(f) = self.filters.get_mut(FieldId::Sector) {
            f.select(Some(sector.code()));
        }
        if let Some(f) = self.filters.get_mut(FieldId::Area) {
            f.select(Some(governorate));
        }
        self.focus = Focus::Query;
        self.list.selected = 0;
        self.refresh();
    }

    pub fn selected_service(&self) -> Option<&crate::model::Service> {
        self.hits
            .get(self.list.selected)
            .map(|&i| &self.search.services()[i])
    }

    fn render_detail(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let Some(s) = self.selected_service() else {
            ui::boxed(frame, area, "");
            return;
        };
        let inner = ui::boxed(frame, area, &s.name);
        let org = self.search.organization(s.organization);
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{} · {}",
                org.map(|o| o.short_name()).unwrap_or("?"),
                labels::sector(s.sector)
            ),
            theme.title(),
        ))];
        if sample::is_sample_id(s.id) {
            lines.push(Line::from(Span::styled(
                t("services-sample-note"),
                theme.warning(),
            )));
        }
        if s.status == ServiceStatus::Inactive {
            lines.push(Line::from(Span::styled(
                t("service-inactive-note"),
                theme.warning(),
            )));
        }
        // The names in the other language (an imported directory's Arabic names).
        let other_names: Vec<&str> = [
            s.alternate_name.as_str(),
            org.map(|o| o.alternate_name.as_str()).unwrap_or(""),
        ]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect();
        if !other_names.is_empty() {
            lines.push(Line::from(other_names.join(" · ")));
        }
        lines.push(Line::from(s.description.clone()));
        let mut field = |label: &str, value: String| {
            if !value.trim().is_empty() {
                lines.push(Line::from(vec![
                    Span::styled(format!("{}: ", t(label)), theme.title()),
                    Span::raw(value),
                ]));
            }
        };
        field("detail-who", s.eligibility.clone());
        let places: Vec<String> = s
            .locations
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let mut place = l.name.clone();
                let detail = s.location_details.get(n);
                if let Some(d) = detail.filter(|d| !d.alternate_name.is_empty()) {
                    place.push_str(&format!(" ({})", d.alternate_name));
                }
                if !l.address.is_empty() {
                    place.push_str(&format!(", {}", l.address));
                }
                if let Some(d) = detail.filter(|d| !d.latitude.is_empty()) {
                    place.push_str(&format!(" [{}, {}]", d.latitude, d.longitude));
                }
                place
            })
            .collect();
        field("detail-where", places.join("; "));
        field("detail-hours", s.hours.clone());
        // Every phone with its extension and what it is for, while the first is still
        // the service's phone (the form edits that one alone).
        let phones = if s.phones.first().map(|p| p.number.as_str()) == Some(s.phone.as_str()) {
            s.phones
                .iter()
                .map(|p| {
                    let mut text = p.number.clone();
                    if !p.extension.is_empty() {
                        text.push_str(&format!(" {} {}", t("detail-extension"), p.extension));
                    }
                    if !p.description.is_empty() {
                        text.push_str(&format!(" ({})", p.description));
                    }
                    text
                })
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            s.phone.clone()
        };
        field("detail-phone", phones);
        field("detail-email", s.email.clone());
        field("detail-web", s.url.clone());
        field("detail-refer", s.referral_method.clone());
        field("detail-next", s.next_steps.clone());
        field("detail-documents", s.required_documents.join(", "));
        field("detail-languages", s.languages.join(", "));
        field(
            "detail-fees",
            if s.fees.is_empty() {
                t("detail-free")
            } else {
                s.fees.clone()
            },
        );
        let areas: Vec<String> = s.areas.iter().map(|a| data.place(a)).collect();
        field("detail-areas", areas.join(", "));
        if let Some(o) = org {
            for fp in o.focal_points.iter().take(1) {
                field(
                    "detail-focal",
                    format!("{} {} {}", fp.name, fp.phone, fp.email),
                );
            }
        }
        ui::paragraph(frame, inner, lines);
    }

    fn on_key(&mut self, key: &Key, _data: &Data) -> Option<Action> {
        // A filter being typed into takes Enter, arrows and Esc for its picker.
        if self.focus == Focus::Filters
            && let Some(field) = self.filters.focused_mut()
            && field.picking()
            && matches!(
                key.code,
                KeyCode::Enter | KeyCode::Up | KeyCode::Down | KeyCode::Esc | KeyCode::Backspace
            )
        {
            if key.code == KeyCode::Esc {
                field.close_picker();
            } else if field.handle(key) == Edit::Changed {
                self.list.selected = 0;
                self.refresh();
            }
            return None;
        }
        let command = keys::command(key, Scope::List, true);
        match command {
            Some(Command::Open) => {
                let service = self.selected_service()?;
                return self.referring.as_ref().map(|_| {
                    Action::Services(ServicesAction::DraftReferral {
                        service: service.id,
                    })
                });
            }
            Some(Command::Back) => {
                return self
                    .referring
                    .is_some()
                    .then_some(Action::Services(ServicesAction::CancelReferring));
            }
            Some(Command::Menu) => return Some(Action::Menu),
            Some(Command::Search) => {
                self.focus = Focus::Query;
                return None;
            }
            Some(Command::Up | Command::Down | Command::PageUp | Command::PageDown) => {
                self.list.handle(key, self.hits.len());
                return None;
            }
            _ => {}
        }
        if let Some(cmd) = keys::command(key, Scope::Form, true) {
            match cmd {
                Command::NextField | Command::PrevField => {
                    let forward = cmd == Command::NextField;
                    match (self.focus, forward) {
                        (Focus::Query, true) => {
                            self.focus = Focus::Filters;
                            self.filters.focus = 0;
                        }
                        (Focus::Query, false) => {
                            self.focus = Focus::Filters;
                            self.filters.focus = 1;
                        }
                        (Focus::Filters, true) => {
                            if !self.filters.focus_next() {
                                self.focus = Focus::Query;
                            }
                        }
                        (Focus::Filters, false) => {
                            if !self.filters.focus_prev() {
                                self.focus = Focus::Query;
                            }
                        }
                    }
                    self.refresh();
                    return None;
                }
                _ => {}
            }
        }
        match self.focus {
            Focus::Query => {
                let edit =
                    if matches!(key.code, KeyCode::Home | KeyCode::End) && !self.query.is_empty() {
                        self.query.handle(key)
                    } else if matches!(key.code, KeyCode::Home | KeyCode::End) {
                        self.list.handle(key, self.hits.len());
                        Edit::Moved
                    } else {
                        self.query.handle(key)
                    };
                if edit == Edit::Truncated {
                    return Some(Action::FieldFull);
                }
                if edit == Edit::Changed {
                    self.list.selected = 0;
                    self.refresh();
                }
            }
            Focus::Filters => {
                let edit = self.filters.handle(key);
                if edit == Edit::Changed {
                    self.list.selected = 0;
                    self.refresh();
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
        true
    }

    fn footer(&self) -> Vec<Command> {
        if self.referring.is_some() {
            vec![
                Command::Open,
                Command::NextField,
                Command::Down,
                Command::Back,
            ]
        } else {
            vec![
                Command::NextField,
                Command::Down,
                Command::Help,
                Command::Quit,
            ]
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        let banner_height = u16::from(self.referring.is_some());
        let [banner, top, rest] = Layout::vertical([
            Constraint::Length(banner_height),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        if let Some(r) = &self.referring {
            let text = tr(
                "services-referring",
                &[
                    ("code", Arg::Str(&r.case_code)),
                    ("need", Arg::Str(&r.need_text)),
                ],
            );
            ui::line(
                frame,
                Rect {
                    x: banner.x + 1,
                    width: banner.width.saturating_sub(2),
                    ..banner
                },
                Span::styled(text, theme.warning()),
            );
        }
        // The search line: query, then the two filters.
        let [q, s, a] = Layout::horizontal([
            Constraint::Percentage(44),
            Constraint::Percentage(28),
            Constraint::Percentage(28),
        ])
        .areas(top);
        let label = t("services-search");
        let focused = self.focus == Focus::Query;
        let bits = self.query.labeled(&label, q.width as usize, focused, theme);
        ui::row(frame, q, bits);
        let filters_active = self.focus == Focus::Filters;
        // Each label as wide as it is, up to a third of its filter.
        let label =
            |id: &str, rect: Rect| crate::tui::widgets::width(&t(id)).min(rect.width as usize / 3);
        self.filters.render_rows(
            frame,
            s,
            &[FieldId::Sector],
            label("services-sector", s),
            filters_active,
            theme,
        );
        self.filters.render_rows(
            frame,
            a,
            &[FieldId::Area],
            label("services-area", a),
            filters_active,
            theme,
        );
        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
                .areas(rest);
        let title = if self.matched > self.hits.len() {
            // Cut: the first of how many (the best, once something is typed).
            tr(
                if self.query.is_empty() {
                    "services-count-first"
                } else {
                    "services-count-best"
                },
                &[
                    ("shown", Arg::Num(self.hits.len() as i64)),
                    ("count", Arg::Num(self.matched as i64)),
                ],
            )
        } else {
            tr(
                "services-count",
                &[("count", Arg::Num(self.hits.len() as i64))],
            )
        };
        let inner = ui::boxed(frame, list_area, &title);
        if self.hits.is_empty() {
            ui::line(
                frame,
                Rect {
                    x: inner.x + 1,
                    width: inner.width.saturating_sub(1),
                    ..inner
                },
                // The directory comes in behind the first frame (it always holds the
                // sample services once it is in).
                Span::styled(
                    t(if data.services.is_empty() {
                        "services-loading"
                    } else {
                        "services-none"
                    }),
                    theme.muted(),
                ),
            );
        }
        let org_width = 6;
        let name_width = inner.width.saturating_sub(org_width + 3 + ui::GAP);
        let visible = self.list.visible(self.hits.len(), inner.height as usize);
        for (y, i) in (inner.top()..inner.bottom()).zip(visible) {
            let s = &self.search.services()[self.hits[i]];
            let selected = i == self.list.selected;
            let base = if selected {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            let mut name = s.name.clone();
            if s.status == ServiceStatus::Inactive {
                name = format!("{name} ({})", t("service-inactive"));
            }
            // Cut at a word, the letters that matched the search marked.
            let shown = fit_words(&name, name_width as usize);
            let matched = matched_positions(&shown, &self.query.value);
            let spans: Vec<Span> = shown
                .chars()
                .enumerate()
                .map(|(n, c)| {
                    let style = if matched.contains(&n) {
                        base.patch(theme.matched())
                    } else {
                        base
                    };
                    Span::styled(c.to_string(), style)
                })
                .collect();
            ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                if selected { "> " } else { "  " },
                vec![
                    (Line::from(spans), name_width),
                    (
                        Line::from(self.search.org_short(s.organization).to_string()),
                        org_width,
                    ),
                ],
                base,
            );
        }
        self.render_detail(frame, detail_area, data, theme);
        if self.focus == Focus::Filters {
            let anchor = if self.filters.focus == 0 { s } else { a };
            self.filters.render_picker(frame, anchor, area, theme);
        }
    }
}
