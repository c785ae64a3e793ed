//! A form: fields of text, choices (drop-downs: cycled with ← and →, or opened with
//! ↑, ↓ or Enter, or by typing to filter, and picked with Enter) and check boxes, with a
//! focus that Tab and Shift+Tab move, and errors shown against the field at fault: a
//! `!` in a column of its own, so that no label ever hides it.

use super::text::{Edit, TextInput};
use super::{cell_words, fit, fit_words};
use crate::i18n::t;
use crate::search::fold;
use crate::tui::field::FieldId;
use crate::tui::keys::{self, Command, Key, Scope};
use crate::tui::theme::Theme;
use crate::tui::ui::Bit;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// One option of a choice: its code (what is stored), its label (what is shown) and
/// other words that find it when typed (a place's name in the other script).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    pub code: String,
    pub label: String,
    pub also: String,
}

impl Opt {
    pub fn new(code: impl Into<String>, label: impl Into<String>) -> Opt {
        Opt {
            code: code.into(),
            label: label.into(),
            also: String::new(),
        }
    }

    /// An option that typing `also` finds too.
    pub fn also(mut self, also: impl Into<String>) -> Opt {
        self.also = also.into();
        self
    }

    /// A place of the gazetteer, named in the screens' language, found by its name in
    /// either script (and by its P-code, as every option is by its code).
    pub fn place(area: &crate::model::Area) -> Opt {
        let lang = crate::i18n::language();
        let (first, second) = if lang.is_rtl() && !area.name_ar.trim().is_empty() {
            (&area.name_ar, &area.name_en)
        } else {
            (&area.name_en, &area.name_ar)
        };
        // English screens keep both names, as before; Arabic and Kurdish show the
        // Arabic name and find the English one.
        let label = if lang.is_rtl() || second.trim().is_empty() {
            first.clone()
        } else {
            format!("{first} · {second}")
        };
        Opt::new(area.pcode.clone(), label).also(format!("{} {}", area.name_en, area.name_ar))
    }

    /// A filter's options: "All" (the empty code, which filters nothing), then `options`.
    pub fn all_then(options: impl IntoIterator<Item = Opt>) -> Vec<Opt> {
        std::iter::once(Opt::new("", t("filter-all")))
            .chain(options)
            .collect()
    }
}

/// A field's value as a draft keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    Choice(Option<String>),
    Check(bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text(TextInput),
    Choice {
        options: Vec<Opt>,
        selected: Option<usize>,
        /// What the user typed to filter the options.
        filter: String,
        /// The highlighted option among the filtered ones.
        highlight: usize,
        /// The list is open (↑, ↓ or Enter opened it), filtered or not.
        open: bool,
    },
    Check(bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Which field it is.
    pub id: FieldId,
    /// Message id of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub error: Option<String>,
    /// Hidden fields are skipped by Tab and not drawn (a return date for non-returnees).
    pub hidden: bool,
    /// A passphrase: drawn as dots, never as what was typed.
    pub secret: bool,
    /// Message id of what an empty text field shows until something is typed (a date's
    /// format).
    pub placeholder: Option<&'static str>,
}

impl Field {
    pub fn text(id: FieldId, label: &'static str, max: usize, value: &str) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Text(TextInput::with(value, max)),
            error: None,
            hidden: false,
            secret: false,
            placeholder: None,
        }
    }

    /// A date field: ten characters, and its format shown in it until something is typed.
    pub fn date(id: FieldId, label: &'static str, value: &str) -> Field {
        Field {
            placeholder: Some("form-date-format"),
            ..Field::text(id, label, 10, value)
        }
    }

    /// A passphrase field: what is typed is drawn as dots.
    pub fn secret(id: FieldId, label: &'static str, max: usize) -> Field {
        Field {
            secret: true,
            ..Field::text(id, label, max, "")
        }
    }

    pub fn choice(
        id: FieldId,
        label: &'static str,
        options: Vec<Opt>,
        selected: Option<&str>,
    ) -> Field {
        let selected = selected.and_then(|code| options.iter().position(|o| o.code == code));
        Field {
            id,
            label,
            kind: FieldKind::Choice {
                options,
                selected,
                filter: String::new(),
                highlight: 0,
                open: false,
            },
            error: None,
            hidden: false,
            secret: false,
            placeholder: None,
        }
    }

    pub fn check(id: FieldId, label: &'static str, on: bool) -> Field {
        Field {
            id,
            label,
            kind: FieldKind::Check(on),
            error: None,
            hidden: false,
            secret: false,
            placeholder: None,
        }
    }

    /// The text of a text field (empty for others).
    pub fn text_value(&self) -> &str {
        match &self.kind {
            FieldKind::Text(t) => &t.value,
            _ => "",
        }
    }

    /// The code of the selected option of a choice.
    pub fn code(&self) -> Option<&str> {
        match &self.kind {
            FieldKind::Choice {
                options, selected, ..
            } => selected.map(|i| options[i].code.as_str()),
            _ => None,
        }
    }

    pub fn checked(&self) -> bool {
        matches!(self.kind, FieldKind::Check(true))
    }

    pub fn set_options(&mut self, new: Vec<Opt>) {
        if let FieldKind::Choice {
            options,
            selected,
            filter,
            highlight,
            open,
        } = &mut self.kind
        {
            let keep = selected.map(|i| options[i].code.clone());
            *selected = keep.and_then(|code| new.iter().position(|o| o.code == code));
            *options = new;
            filter.clear();
            *highlight = 0;
            *open = false;
        }
    }

    /// The options a choice offers (none for other fields).
    pub fn options(&self) -> &[Opt] {
        match &self.kind {
            FieldKind::Choice { options, .. } => options,
            _ => &[],
        }
    }

    /// Whether a choice's list is open (opened, or being typed into).
    pub fn picking(&self) -> bool {
        matches!(&self.kind, FieldKind::Choice { filter, open, .. } if *open || !filter.is_empty())
    }

    /// Closes a choice's list without picking (Esc); `false` when it was not open.
    pub fn close_picker(&mut self) -> bool {
        let was = self.picking();
        if let FieldKind::Choice {
            filter,
            open,
            highlight,
            ..
        } = &mut self.kind
        {
            filter.clear();
            *open = false;
            *highlight = 0;
        }
        was
    }

    pub fn select(&mut self, code: Option<&str>) {
        if let FieldKind::Choice {
            options, selected, ..
        } = &mut self.kind
        {
            *selected = code.and_then(|c| options.iter().position(|o| o.code == c));
        }
    }

    /// Whether the field takes typed letters (so letter shortcuts are off).
    pub fn is_typing(&self) -> bool {
        matches!(self.kind, FieldKind::Text(_) | FieldKind::Choice { .. })
    }

    /// The options that match the filter, as positions in `options`.
    pub fn filtered(&self) -> Vec<usize> {
        match &self.kind {
            FieldKind::Choice {
                options, filter, ..
            } => {
                let f = fold(filter);
                let mut starts: Vec<usize> = Vec::new();
                let mut contains: Vec<usize> = Vec::new();
                for (i, o) in options.iter().enumerate() {
                    let label = fold(&o.label);
                    let code = fold(&o.code);
                    let also = fold(&o.also);
                    let also_starts = also.split(' ').any(|w| w.starts_with(&f));
                    if label.starts_with(&f) || code.starts_with(&f) || also_starts {
                        starts.push(i);
                    } else if label.contains(&f) || code.contains(&f) || also.contains(&f) {
                        contains.push(i);
                    }
                }
                starts.extend(contains);
                starts
            }
            _ => Vec::new(),
        }
    }

    /// Handles a key; says what changed.
    pub fn handle(&mut self, key: &Key) -> Edit {
        let filtered = self.filtered();
        match &mut self.kind {
            FieldKind::Text(input) => input.handle(key),
            FieldKind::Check(on) => match key.code {
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right if !key.ctrl && !key.alt => {
                    *on = !*on;
                    Edit::Changed
                }
                _ => Edit::Ignored,
            },
            FieldKind::Choice {
                options,
                selected,
                filter,
                highlight,
                open,
            } => {
                if let Some(c) = key.text().filter(|c| *c != ' ' || !filter.is_empty()) {
                    filter.push(c);
                    *highlight = 0;
                    return Edit::Moved;
                }
                if keys::command(key, Scope::Form, true) == Some(Command::Clear) {
                    // Ctrl+U empties what was typed to filter, not the choice.
                    if filter.is_empty() {
                        return Edit::Ignored;
                    }
                    filter.clear();
                    *highlight = 0;
                    return Edit::Moved;
                }
                if key.ctrl || key.alt || options.is_empty() {
                    return Edit::Ignored;
                }
                if *open || !filter.is_empty() {
                    return match key.code {
                        KeyCode::Backspace => {
                            filter.pop();
                            *highlight = 0;
                            Edit::Moved
                        }
                        KeyCode::Down => {
                            *highlight = (*highlight + 1).min(filtered.len().saturating_sub(1));
                            Edit::Moved
                        }
                        KeyCode::Up => {
                            *highlight = highlight.saturating_sub(1);
                            Edit::Moved
                        }
                        // Enter picks and closes the list; the focus stays.
                        KeyCode::Enter => {
                            let pick = filtered.get(*highlight).copied();
                            filter.clear();
                            *open = false;
                            *highlight = 0;
                            match pick {
                                Some(i) if *selected != Some(i) => {
                                    *selected = Some(i);
                                    Edit::Changed
                                }
                                _ => Edit::Moved,
                            }
                        }
                        _ => Edit::Ignored,
                    };
                }
                let n = options.len();
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => {
                        *selected = Some(selected.map(|i| (i + 1) % n).unwrap_or(0));
                        Edit::Changed
                    }
                    KeyCode::Left => {
                        *selected = Some(selected.map(|i| (i + n - 1) % n).unwrap_or(n - 1));
                        Edit::Changed
                    }
                    // ↑, ↓ and Enter open the list on the current choice.
                    KeyCode::Down | KeyCode::Up | KeyCode::Enter => {
                        *open = true;
                        *highlight = selected.unwrap_or(0);
                        Edit::Moved
                    }
                    _ => Edit::Ignored,
                }
            }
        }
    }

    /// Leaving the field: an open list picks what is highlighted (a filter's best match),
    /// if anything. `true` when that changed the choice.
    pub fn blur(&mut self) -> bool {
        let filtered = self.filtered();
        if let FieldKind::Choice {
            selected,
            filter,
            highlight,
            open,
            ..
        } = &mut self.kind
            && (*open || !filter.is_empty())
        {
            let pick = filtered.get(*highlight).copied();
            filter.clear();
            *highlight = 0;
            *open = false;
            if pick.is_some() && pick != *selected {
                *selected = pick;
                return true;
            }
        }
        false
    }

    /// The field's value `width` columns wide: brackets and marks as glyphs, what is
    /// typed or chosen as one piece of text (tui::ui).
    pub fn value_bits(&self, width: usize, focused: bool, theme: &Theme) -> Vec<Bit<'static>> {
        let base = if focused {
            theme.focus()
        } else {
            ratatui::style::Style::default()
        };
        match &self.kind {
            FieldKind::Text(input) => {
                let inner = width.saturating_sub(2);
                if let Some(id) = self.placeholder.filter(|_| input.is_empty()) {
                    // The format, dimmed, until something is typed; the cursor on its
                    // first letter.
                    let hint = fit(&t(id), inner);
                    let mut spans = Vec::new();
                    let mut rest = hint.as_str();
                    if focused {
                        let first = rest.chars().next().map_or(0, char::len_utf8);
                        let at = if first == 0 { " " } else { &rest[..first] };
                        spans.push(Span::styled(at.to_string(), theme.selected()));
                        rest = &rest[first..];
                    }
                    let used = super::width(&hint).max(usize::from(focused));
                    spans.push(Span::styled(rest.to_string(), theme.muted()));
                    spans.push(Span::styled(" ".repeat(inner.saturating_sub(used)), base));
                    return vec![
                        Bit::glyph("["),
                        Bit::Text(Line::from(spans)),
                        Bit::glyph("]"),
                    ];
                }
                let masked;
                let input = if self.secret {
                    masked = TextInput {
                        value: "•".repeat(input.len()),
                        ..input.clone()
                    };
                    &masked
                } else {
                    input
                };
                vec![
                    Bit::glyph("["),
                    Bit::Text(input.spans(inner, focused, base, theme.selected())),
                    Bit::glyph("]"),
                ]
            }
            FieldKind::Check(on) => {
                let mark = if *on { "[x]" } else { "[ ]" };
                vec![Bit::glyph(Span::styled(mark.to_string(), base))]
            }
            FieldKind::Choice {
                options,
                selected,
                filter,
                ..
            } => {
                let inner = width.saturating_sub(4);
                let shown = if !filter.is_empty() {
                    format!("{filter}…")
                } else {
                    selected
                        .map(|i| options[i].label.clone())
                        .unwrap_or_else(|| t("form-choose"))
                };
                vec![
                    Bit::glyph("["),
                    Bit::Text(Line::from(Span::styled(cell_words(&shown, inner), base))),
                    Bit::glyph(" ▾]"),
                ]
            }
        }
    }
}

/// A set of fields with one focus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Each row keeps a column for the `!` of a field at fault (a form that is checked);
    /// a filter bar, which has no errors, does without.
    pub marks: bool,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form {
            fields,
            focus: 0,
            marks: true,
        }
    }

    /// A row of filters: never at fault, so no column for the `!`.
    pub fn filters(fields: Vec<Field>) -> Form {
        Form {
            marks: false,
            ..Form::new(fields)
        }
    }

    /// Where a row's value starts, after the focus marker, the `!` column (when the form
    /// has one) and a label `label_width` wide: the columns from the row's left edge.
    pub fn value_offset(&self, label_width: usize) -> usize {
        1 + usize::from(self.marks) + label_width + 1
    }

    pub fn get(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn get_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn text(&self, id: FieldId) -> String {
        self.get(id)
            .map(|f| f.text_value().trim().to_string())
            .unwrap_or_default()
    }

    pub fn code(&self, id: FieldId) -> Option<String> {
        self.get(id).and_then(|f| f.code()).map(|s| s.to_string())
    }

    pub fn checked(&self, id: FieldId) -> bool {
        self.get(id).is_some_and(|f| f.checked())
    }

    /// What is filled in, field by field (a passphrase field never: it is not kept),
    /// for a draft (tui/draft.rs).
    pub fn values(&self) -> Vec<(FieldId, Value)> {
        self.fields
            .iter()
            .filter(|f| !f.secret)
            .map(|f| {
                let value = match &f.kind {
                    FieldKind::Text(t) => Value::Text(t.value.clone()),
                    FieldKind::Choice { .. } => Value::Choice(f.code().map(str::to_string)),
                    FieldKind::Check(on) => Value::Check(*on),
                };
                (f.id, value)
            })
            .collect()
    }

    /// Fills the fields in again from `values` (fields not in the form are left out).
    pub fn restore(&mut self, values: &[(FieldId, Value)]) {
        for (id, value) in values {
            let Some(f) = self.get_mut(*id) else { continue };
            match (&mut f.kind, value) {
                (FieldKind::Text(t), Value::Text(v)) if !f.secret => t.set(v),
                (FieldKind::Choice { .. }, Value::Choice(code)) => f.select(code.as_deref()),
                (FieldKind::Check(on), Value::Check(v)) => *on = *v,
                _ => {}
            }
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// Hands a key to the focused field (ignored when no field has the focus).
    pub fn handle(&mut self, key: &Key) -> Edit {
        self.focused_mut()
            .map(|f| f.handle(key))
            .unwrap_or(Edit::Ignored)
    }

    pub fn focus_on(&mut self, id: FieldId) -> bool {
        match self.fields.iter().position(|f| f.id == id && !f.hidden) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    /// Leaves the focused field: a choice being filtered takes its best match. Returns
    /// the field's id when that changed its value.
    pub fn blur_focused(&mut self) -> Option<FieldId> {
        let field = self.fields.get_mut(self.focus)?;
        field.blur().then_some(field.id)
    }

    /// Moves the focus to the next visible field; `false` when it was on the last one.
    pub fn focus_next(&mut self) -> bool {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.blur();
        }
        let mut i = self.focus;
        while i + 1 < self.fields.len() {
            i += 1;
            if !self.fields[i].hidden {
                self.focus = i;
                return true;
            }
        }
        false
    }

    /// Moves the focus to the previous visible field; `false` when it was on the first.
    pub fn focus_prev(&mut self) -> bool {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.blur();
        }
        let mut i = self.focus;
        while i > 0 {
            i -= 1;
            if !self.fields[i].hidden {
                self.focus = i;
                return true;
            }
        }
        false
    }

    pub fn first_visible(&self) -> usize {
        self.fields.iter().position(|f| !f.hidden).unwrap_or(0)
    }

    pub fn last_visible(&self) -> usize {
        self.fields.iter().rposition(|f| !f.hidden).unwrap_or(0)
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Puts an error on a field; `false` when the form has no such field.
    pub fn set_error(&mut self, id: FieldId, message: &str) -> bool {
        match self.fields.iter_mut().find(|f| f.id == id) {
            Some(f) => {
                f.error = Some(message.to_string());
                true
            }
            None => false,
        }
    }

    /// Draws the fields `ids` one per line in `area`: the focus marker `>`, the `!` of a
    /// field at fault in its own column (when the form keeps one), the label
    /// (`label_width` columns), then the value. `active` says whether this form has the
    /// keyboard now. A check box is `>![x] label`.
    pub fn render_rows(
        &self,
        frame: &mut Frame,
        area: Rect,
        ids: &[FieldId],
        label_width: usize,
        active: bool,
        theme: &Theme,
    ) {
        let mut y = area.y;
        for id in ids {
            let Some(i) = self.fields.iter().position(|f| f.id == *id) else {
                continue;
            };
            let field = &self.fields[i];
            if field.hidden || y >= area.y + area.height {
                continue;
            }
            let focused = active && i == self.focus;
            let row = Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            };
            let marker = if focused { ">" } else { " " };
            let mut label_style = if focused {
                theme.focus()
            } else {
                ratatui::style::Style::default()
            };
            let mut label = t(field.label);
            let mut bits = vec![Bit::glyph(marker)];
            if self.marks {
                let (mark, style) = match field.error {
                    Some(_) => ("!", theme.error()),
                    None => (" ", ratatui::style::Style::default()),
                };
                bits.push(Bit::glyph(Span::styled(mark, style)));
            }
            if field.error.is_some() {
                label_style = theme.error();
                if !self.marks {
                    label = format!("{label} !");
                }
            }
            let width = area.width as usize;
            let value_width = width.saturating_sub(self.value_offset(label_width));
            if let FieldKind::Check(_) = field.kind {
                bits.extend(field.value_bits(3, focused, theme));
                let room = width.saturating_sub(1 + usize::from(self.marks) + 4);
                bits.push(Bit::glyph(" "));
                bits.push(Bit::text(Span::styled(
                    fit_words(&label, room),
                    label_style,
                )));
            } else {
                let label = fit_words(&label, label_width);
                let pad = label_width.saturating_sub(super::width(&label));
                bits.push(Bit::text(Span::styled(label, label_style)));
                bits.push(Bit::glyph(" ".repeat(pad + 1)));
                bits.extend(field.value_bits(value_width, focused, theme));
            }
            crate::tui::ui::row(frame, row, bits);
            y += 1;
        }
    }

    /// Draws the options of the focused choice below its row while its list is open
    /// (opened, or typed into to filter).
    pub fn render_picker(&self, frame: &mut Frame, anchor: Rect, screen: Rect, theme: &Theme) {
        let Some(field) = self.focused() else { return };
        let FieldKind::Choice {
            options, highlight, ..
        } = &field.kind
        else {
            return;
        };
        if !field.picking() {
            return;
        }
        let filtered = field.filtered();
        let rows = filtered.len().clamp(1, 6) as u16;
        let y = (anchor.y + 1).min(screen.bottom().saturating_sub(rows + 2));
        let area = Rect {
            x: anchor.x,
            y,
            width: anchor.width,
            height: rows + 2,
        }
        .intersection(screen);
        crate::tui::ui::clear(frame, area);
        let inner = crate::tui::ui::boxed(frame, area, &t("form-picker-title"));
        if filtered.is_empty() {
            crate::tui::ui::line(frame, inner, t("form-picker-none"));
            return;
        }
        let start = highlight.saturating_sub(rows as usize - 1);
        for (y, (n, &i)) in (inner.top()..inner.bottom())
            .zip(filtered.iter().enumerate().skip(start).take(rows as usize))
        {
            let (mark, style) = if n == *highlight {
                ("> ", theme.selected())
            } else {
                ("  ", ratatui::style::Style::default())
            };
            crate::tui::ui::table_row(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                mark,
                vec![(
                    Line::from(options[i].label.clone()),
                    inner.width.saturating_sub(2),
                )],
                style,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn governorates() -> Field {
        Field::choice(
            FieldId::Governorate,
            "intake-governorate",
            vec![
                Opt::new("IQG01", "Anbar · الأنبار"),
                Opt::new("IQG15", "Ninewa · نينوى"),
                Opt::new("IQG16", "Salah al-Din"),
            ],
            None,
        )
    }

    #[test]
    fn a_choice_cycles_with_arrows() {
        let mut f = governorates();
        f.handle(&Key::new(KeyCode::Right));
        assert_eq!(f.code(), Some("IQG01"));
        f.handle(&Key::new(KeyCode::Left));
        assert_eq!(f.code(), Some("IQG16"));
    }

    #[test]
    fn typing_filters_in_either_script_and_enter_picks() {
        let mut f = governorates();
        for c in "نين".chars() {
            f.handle(&Key::char(c));
        }
        assert_eq!(f.filtered(), vec![1]);
        f.handle(&Key::new(KeyCode::Enter));
        assert_eq!(f.code(), Some("IQG15"));
        for c in "sal".chars() {
            f.handle(&Key::char(c));
        }
        assert!(f.blur(), "leaving the field picks the best match");
        assert_eq!(f.code(), Some("IQG16"));
    }

    #[test]
    fn a_drop_down_opens_with_up_down_or_enter_and_enter_picks() {
        let mut f = governorates();
        assert!(!f.picking());
        assert_eq!(f.handle(&Key::new(KeyCode::Down)), Edit::Moved, "opens");
        assert!(f.picking());
        assert_eq!(f.code(), None, "opening picks nothing");
        f.handle(&Key::new(KeyCode::Down));
        f.handle(&Key::new(KeyCode::Down));
        f.handle(&Key::new(KeyCode::Down));
        f.handle(&Key::new(KeyCode::Up));
        assert_eq!(f.handle(&Key::new(KeyCode::Enter)), Edit::Changed);
        assert_eq!(f.code(), Some("IQG15"));
        assert!(!f.picking(), "Enter closes the list");
        // Enter opens it again on the current choice; Esc's close picks nothing.
        assert_eq!(f.handle(&Key::new(KeyCode::Enter)), Edit::Moved);
        assert!(f.picking());
        f.handle(&Key::new(KeyCode::Down));
        assert!(f.close_picker());
        assert_eq!(f.code(), Some("IQG15"));
        // Enter on the same choice changes nothing.
        f.handle(&Key::new(KeyCode::Enter));
        assert_eq!(f.handle(&Key::new(KeyCode::Enter)), Edit::Moved);
        // Leaving an open list takes what is highlighted, as with a filter.
        f.handle(&Key::new(KeyCode::Up));
        f.handle(&Key::new(KeyCode::Down));
        assert!(f.blur());
        assert_eq!(f.code(), Some("IQG16"));
    }

    #[test]
    fn ctrl_u_empties_a_choice_filter_but_keeps_the_choice() {
        let mut f = governorates();
        f.select(Some("IQG01"));
        for c in "nin".chars() {
            f.handle(&Key::char(c));
        }
        assert_eq!(f.handle(&Key::ctrl('u')), Edit::Moved);
        assert_eq!(f.filtered().len(), 3, "the filter is empty again");
        assert_eq!(f.code(), Some("IQG01"));
        let mut t = Field::text(FieldId::Name, "intake-name", 20, "Ahmed");
        assert_eq!(t.handle(&Key::ctrl('u')), Edit::Changed);
        assert_eq!(t.text_value(), "");
    }

    #[test]
    fn tab_skips_hidden_fields() {
        let mut form = Form::new(vec![
            Field::text(FieldId::Name, "intake-name", 10, ""),
            Field {
                hidden: true,
                ..Field::text(FieldId::Latin, "intake-latin", 10, "")
            },
            Field::check(FieldId::Sensitive, "intake-female-headed", false),
        ]);
        assert!(form.focus_next());
        assert_eq!(form.focused().map(|f| f.id), Some(FieldId::Sensitive));
        assert!(!form.focus_next());
        assert!(form.focus_prev());
        assert_eq!(form.focus, 0);
    }
}
