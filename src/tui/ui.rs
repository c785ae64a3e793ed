//! How the screens put text on the frame, in every direction (issue 17). Each piece of
//! text (a table's cell, a label, a field's value, a title, a sentence, a key with what
//! it does) is drawn into a rectangle of its own and marked as one piece
//! (`bidi::mark`); frame lines, bars and marks are marked as glyphs. The screens lay
//! themselves out left to right; on an Arabic or Kurdish screen `bidi::finish` mirrors
//! the whole frame and writes each piece back whole into its mirrored place, so that
//! columns come in mirrored order and each cell is aligned to its column.
//!
//! Whatever does not fit is cut at a word with `…` (`fit_line`), in every language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::bidi;
use super::widgets::{fit_words, width};

/// A widget whose every row is one piece of text (a wrapped paragraph, a sentence).
pub fn text(frame: &mut Frame, area: Rect, widget: impl Widget) {
    frame.render_widget(widget, area);
    bidi::mark(area);
}

/// A widget of frame lines, bars or marks: turned over as glyphs, never as text.
pub fn glyphs(frame: &mut Frame, area: Rect, widget: impl Widget) {
    frame.render_widget(widget, area);
    bidi::mark_glyphs(area);
}

/// Empties `area` (under a pop-up).
pub fn clear(frame: &mut Frame, area: Rect) {
    glyphs(frame, area, Clear);
}

/// One line in the first row of `area`, cut at a word to fit: one piece.
pub fn line<'a>(frame: &mut Frame, area: Rect, line: impl Into<Line<'a>>) {
    if area.height == 0 {
        return;
    }
    let row = Rect { height: 1, ..area };
    let line = fit_line(line.into(), row.width as usize);
    text(frame, row, Paragraph::new(line));
}

/// Lines one per row of `area`, each cut at a word to fit, each a piece.
pub fn lines<'a>(frame: &mut Frame, area: Rect, lines: Vec<Line<'a>>) {
    for (y, l) in (area.top()..area.bottom()).zip(lines) {
        line(
            frame,
            Rect {
                y,
                height: 1,
                ..area
            },
            l,
        );
    }
}

/// `text` wrapped at words in `area` (as many rows as it takes, up to its height), each
/// row a piece. Returns the rows used.
pub fn wrapped(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let mut rows = wrap_words(text, area.width as usize);
    let height = area.height as usize;
    if rows.len() > height && height > 0 {
        // The last row that shows says that more did not fit.
        rows.truncate(height);
        let last = format!("{}…", rows[height - 1]);
        rows[height - 1] = fit_words(&last, area.width as usize);
    }
    let used = rows.len() as u16;
    let shown = rows
        .into_iter()
        .map(|r| Line::from(Span::styled(r, style)))
        .collect();
    lines(frame, area, shown);
    used
}

/// A paragraph of lines wrapped at words in `area` (ratatui's wrapping), each row a
/// piece.
pub fn paragraph<'a>(frame: &mut Frame, area: Rect, lines: Vec<Line<'a>>) {
    text(frame, area, Paragraph::new(lines).wrap(Wrap { trim: true }));
}

/// A bordered box with `title` on its top border (cut at a word to fit): the inside.
pub fn boxed(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    boxed_line(frame, area, Line::from(title.to_string()))
}

/// A bordered box with a styled title.
pub fn boxed_line<'a>(frame: &mut Frame, area: Rect, title: Line<'a>) -> Rect {
    let block = Block::bordered();
    let inner = block.inner(area);
    glyphs(frame, area, block);
    if area.width > 2 && area.height > 0 && !title.spans.is_empty() {
        let row = Rect {
            x: area.x + 1,
            y: area.y,
            width: area.width - 2,
            height: 1,
        };
        let title = fit_line(title, row.width as usize);
        let w = line_width(&title) as u16;
        frame.render_widget(Paragraph::new(title), row);
        bidi::mark(Rect {
            width: w.min(row.width),
            ..row
        });
    }
    inner
}

/// A bordered box with its title in bits (pieces and glyphs) on its top border.
pub fn boxed_bits(frame: &mut Frame, area: Rect, title: Vec<Bit>) -> Rect {
    let block = Block::bordered();
    let inner = block.inner(area);
    glyphs(frame, area, block);
    if area.width > 2 && area.height > 0 {
        let top = Rect {
            x: area.x + 1,
            y: area.y,
            width: area.width - 2,
            height: 1,
        };
        row(frame, top, title);
    }
    inner
}

/// A bit of a row: a piece of text, or a glyph (a frame line, a mark, a separator dot)
/// that is never text.
pub enum Bit<'a> {
    Text(Line<'a>),
    Glyph(Span<'a>),
}

impl<'a> From<Line<'a>> for Bit<'a> {
    fn from(line: Line<'a>) -> Bit<'a> {
        Bit::Text(line)
    }
}

impl<'a> Bit<'a> {
    pub fn text(line: impl Into<Line<'a>>) -> Bit<'a> {
        Bit::Text(line.into())
    }

    pub fn glyph(span: impl Into<Span<'a>>) -> Bit<'a> {
        Bit::Glyph(span.into())
    }

    pub fn width(&self) -> usize {
        match self {
            Bit::Text(l) => line_width(l),
            Bit::Glyph(s) => width(&s.content),
        }
    }
}

/// Bits side by side from the left of `area`'s first row, each as wide as it is (the
/// last cut to what is left): each text its own piece.
pub fn row(frame: &mut Frame, area: Rect, bits: Vec<Bit>) {
    let mut x = area.x;
    for bit in bits {
        if x >= area.right() {
            break;
        }
        let room = area.right() - x;
        let rect = Rect {
            x,
            y: area.y,
            width: room,
            height: 1,
        };
        match bit {
            Bit::Text(l) => {
                let l = fit_line(l, room as usize);
                let w = (line_width(&l) as u16).min(room);
                text(frame, Rect { width: w, ..rect }, Paragraph::new(l));
                x += w;
            }
            Bit::Glyph(s) => {
                let w = (width(&s.content) as u16).min(room);
                glyphs(
                    frame,
                    Rect { width: w, ..rect },
                    Paragraph::new(Line::from(s)),
                );
                x += w;
            }
        }
    }
}

/// Rows of bits, one per row of `area`.
pub fn rows<'a>(frame: &mut Frame, area: Rect, rows: Vec<Vec<Bit<'a>>>) {
    for (y, bits) in (area.top()..area.bottom()).zip(rows) {
        row(
            frame,
            Rect {
                y,
                height: 1,
                ..area
            },
            bits,
        );
    }
}

/// A table's row in `area`'s first row: a mark (`> `, `! ` or blank, a glyph), then each
/// cell in a column of its width, cut at a word to fit, `GAP` apart (a glyph cell, an
/// arrow, brings its own spaces); `style` over the
/// whole row (a selected row is reversed end to end).
pub fn table_row<'a, C: Into<Bit<'a>>>(
    frame: &mut Frame,
    area: Rect,
    mark: &'a str,
    cells: Vec<(C, u16)>,
    style: Style,
) {
    if area.height == 0 {
        return;
    }
    let row = Rect { height: 1, ..area };
    frame.buffer_mut().set_style(row, style);
    let mark_width = width(mark) as u16;
    glyphs(
        frame,
        Rect {
            width: mark_width.min(row.width),
            ..row
        },
        Paragraph::new(Span::styled(mark, style)),
    );
    let mut x = row.x + mark_width;
    let mut after_glyph = true;
    for (cell, w) in cells {
        let cell = cell.into();
        // A glyph between two cells (` → `) brings its own spaces.
        let glyph = matches!(cell, Bit::Glyph(_));
        if !after_glyph && !glyph {
            x += GAP;
        }
        after_glyph = glyph;
        if x >= row.right() {
            break;
        }
        let w = w.min(row.right() - x);
        let rect = Rect { x, width: w, ..row };
        match cell {
            Bit::Text(cell) => {
                let cell = fit_line(cell, w as usize).patch_style(style);
                text(frame, rect, Paragraph::new(cell));
            }
            Bit::Glyph(span) => {
                glyphs(frame, rect, Paragraph::new(span.patch_style(style)));
            }
        }
        x += w;
    }
}

/// The columns between two cells of a table.
pub const GAP: u16 = 2;

/// The display width of a line.
pub fn line_width(line: &Line) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// A line cut to `room` columns at a word, ending with `…` when cut (its styles kept);
/// blank space it starts with is kept.
pub fn fit_line<'a>(line: Line<'a>, room: usize) -> Line<'a> {
    if line_width(&line) <= room {
        return line;
    }
    let whole: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let start = whole.len() - whole.trim_start().len();
    let lead = width(&whole[..start]);
    let cut = fit_words(&whole[start..], room.saturating_sub(lead));
    let kept = cut.strip_suffix('…').unwrap_or(&cut);
    // `fit_words` drops a trailing comma or dot before its `…`: keep the bytes that are
    // still the same.
    let keep = start + kept.len();
    let mut spans = Vec::new();
    let mut at = 0;
    let mut last_style = line.style;
    for span in line.spans {
        if at >= keep {
            break;
        }
        let len = span.content.len();
        let take = (keep - at).min(len);
        last_style = span.style;
        let content: String = span.content[..take].to_string();
        spans.push(Span::styled(content, span.style));
        at += len;
    }
    if cut.ends_with('…') {
        spans.push(Span::styled("…", last_style));
    }
    Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    }
}

/// `text` in rows of at most `width` columns, broken between words; a word longer than
/// a row is cut with `…`.
pub fn wrap_words(text: &str, width_: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let wanted = width(&row) + usize::from(!row.is_empty()) + width(word);
        if !row.is_empty() && wanted > width_ {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows.into_iter().map(|r| fit_words(&r, width_)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn a_line_is_cut_at_a_word_with_its_styles() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled(" Open referrals", bold),
            Span::raw(" by sector"),
        ]);
        let cut = fit_line(line.clone(), 18);
        assert_eq!(cut.to_string(), " Open referrals…");
        assert_eq!(cut.spans[0].style, bold);
        assert_eq!(fit_line(line.clone(), 40), line);
        let cut = fit_line(line, 23);
        assert_eq!(cut.to_string(), " Open referrals by…");
        assert_eq!(
            fit_line(Line::from("الإحالات المفتوحة حسب القطاع"), 26).to_string(),
            "الإحالات المفتوحة حسب…"
        );
    }

    #[test]
    fn wrapping_breaks_between_words() {
        assert_eq!(
            wrap_words("May we refer you to organizations", 14),
            ["May we refer", "you to", "organizations"]
        );
        assert_eq!(wrap_words("Internationalisation", 8), ["Interna…"]);
    }
}
