//! Right to left, and Arabic script on terminals that cannot show it (issue 17).
//!
//! The screens draw every frame left to right, each piece of text (a table's cell, a
//! label, a field's value, a title, a sentence) in a rectangle of its own, and say which
//! cells hold which piece (`mark`, through `tui::ui`). Then `finish` turns the finished
//! frame into what the terminal must be given:
//!
//! - In Arabic and Kurdish, the whole layout is **mirrored**: the frame is turned over
//!   left to right, so that columns, labels and fields, tabs, frames' titles and the
//!   keys come in mirrored order, and each piece ends where it began (left-aligned text
//!   becomes right-aligned in its column, so every row of a table lines up whatever
//!   script its cells are in). Frames, brackets, arrows and the selection mark flip.
//!   Each piece is then written back into its mirrored place whole, never turned over.
//! - In the *terminal* mode, a piece is written as it is stored (logical order), for
//!   terminals that order and join Arabic themselves.
//! - In the *shaped* mode (terminals that cannot: the Windows console), each piece on
//!   its own has its Arabic letters joined (initial, medial, final or isolated forms) and
//!   is put in visual order by the Unicode bidirectional algorithm within its own cells,
//!   as a right-to-left paragraph on an Arabic or Kurdish screen. A piece with no
//!   right-to-left letter is left as written: a case code, a phone, a Latin name stay
//!   whole and in order. A row is never ordered as a whole, so its columns never swap.
//!
//! Text nothing marked (a widget drawn directly) is found by its shape: a stretch of
//! letters with single spaces inside, between frame lines, is taken as one piece.

use std::cell::RefCell;

use ar_reshaper::config::LigaturesFlags;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_bidi::{BidiInfo, Level};

/// How Arabic script is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextMode {
    /// Daleel joins the letters and orders each piece of text (terminals that cannot);
    /// what `daleel` starts with on Windows unless config.toml says otherwise.
    Shaped,
    /// The terminal does it (mlterm, some Linux terminals with bidi support); the
    /// default of an App made in code (tests).
    #[default]
    Terminal,
}

/// How `finish` turns a frame: mirrored (a right-to-left language), shaped (the shaped
/// display mode), with Kurdish letter forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Display {
    pub rtl: bool,
    pub shaped: bool,
    pub kurdish: bool,
}

/// What a cell of the frame holds, as the screens said while drawing.
const UNKNOWN: u32 = 0;
/// A frame line, a bar, a mark: mirrored as a glyph, never text.
const GLYPH: u32 = 1;
/// The first number of a piece of text.
const FIRST_PIECE: u32 = 2;

/// The pieces of the frame being drawn: one number per cell.
#[derive(Default)]
struct Pieces {
    area: Rect,
    ids: Vec<u32>,
    next: u32,
}

thread_local! {
    static PIECES: RefCell<Pieces> = RefCell::new(Pieces::default());
}

/// Starts a frame of `area`: nothing is marked.
pub fn begin(area: Rect) {
    PIECES.with(|p| {
        let mut p = p.borrow_mut();
        p.area = area;
        p.ids.clear();
        p.ids
            .resize(area.width as usize * area.height as usize, UNKNOWN);
        p.next = FIRST_PIECE;
    });
}

fn set(rect: Rect, each_row: impl Fn(&mut Pieces) -> u32) {
    PIECES.with(|p| {
        let mut p = p.borrow_mut();
        let rect = rect.intersection(p.area);
        let (left, top, width) = (p.area.x, p.area.y, p.area.width as usize);
        for y in rect.top()..rect.bottom() {
            let id = each_row(&mut p);
            for x in rect.left()..rect.right() {
                let i = (y - top) as usize * width + (x - left) as usize;
                if let Some(cell) = p.ids.get_mut(i) {
                    *cell = id;
                }
            }
        }
    });
}

/// Each row of `rect` holds one piece of text (its blank cells at either end are not
/// part of it).
pub fn mark(rect: Rect) {
    set(rect, |p| {
        let id = p.next;
        p.next = p.next.saturating_add(1).max(FIRST_PIECE);
        id
    });
}

/// `rect` holds frame lines, bars or marks, never text (or nothing: a cleared area).
pub fn mark_glyphs(rect: Rect) {
    set(rect, |_| GLYPH);
}

/// The reshaper for Arabic or Kurdish letters, made once.
fn reshaper(kurdish: bool) -> &'static ArabicReshaper {
    static ARABIC: std::sync::OnceLock<ArabicReshaper> = std::sync::OnceLock::new();
    static KURDISH: std::sync::OnceLock<ArabicReshaper> = std::sync::OnceLock::new();
    let make = |language| {
        let mut r = ArabicReshaper::new(ReshaperConfig::new(language, LigaturesFlags::none()));
        // One character in, one character out: the screen's cells stay where they are.
        r.modify_config(|c| {
            c.delete_harakat = false;
        });
        r
    };
    if kurdish {
        KURDISH.get_or_init(|| make(ar_reshaper::Language::Kurdish))
    } else {
        ARABIC.get_or_init(|| make(ar_reshaper::Language::Arabic))
    }
}

/// Whether a character is of a right-to-left script.
pub fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The glyph a character shows as when turned over: frames, brackets and arrows flip.
pub fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '┌' => '┐',
        '┐' => '┌',
        '└' => '┘',
        '┘' => '└',
        '├' => '┤',
        '┤' => '├',
        '╭' => '╮',
        '╮' => '╭',
        '╰' => '╯',
        '╯' => '╰',
        '▶' => '◀',
        '◀' => '▶',
        '→' => '←',
        '←' => '→',
        '▸' => '◂',
        '◂' => '▸',
        '▏' => '▕',
        '▕' => '▏',
        '▌' => '▐',
        '▐' => '▌',
        _ => c,
    }
}

/// A line as a terminal that cannot show Arabic must be given it: letters joined, then
/// in visual order, as a right-to-left paragraph when `rtl`; a letter keeps its marks
/// (a shadda, a vowel) in its cell, as on the screen.
pub fn visual(line: &str, rtl: bool, kurdish: bool) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let cells: Vec<String> = line.graphemes(true).map(String::from).collect();
    order(&cells, rtl, kurdish)
        .into_iter()
        .map(|(i, s)| s.unwrap_or_else(|| cells[i].clone()))
        .collect()
}

/// The visual order of a piece's cells (each a grapheme): for each place, the cell
/// that goes there and, when its letter changes (joined, or mirrored), its new symbol.
/// A piece with no right-to-left letter keeps its order.
fn order(cells: &[String], rtl: bool, kurdish: bool) -> Vec<(usize, Option<String>)> {
    let same = || (0..cells.len()).map(|i| (i, None)).collect();
    if !cells.iter().any(|c| c.chars().any(is_rtl)) {
        return same();
    }
    let logical: String = cells.concat();
    // Join the letters in logical order; keep the letters as they are if the reshaper
    // ever changed the number of characters.
    let shaped = reshaper(kurdish).reshape(&logical);
    let shaped_cells: Vec<String> = if shaped.chars().count() == logical.chars().count() {
        // The reshaper gives some Kurdish letters (ە, ێ) glyphs of a private-use area
        // that only its own fonts draw; a terminal shows those as boxes: such a letter
        // keeps its own character (unjoined, but readable).
        let mut chars = shaped.chars().zip(logical.chars()).map(|(s, l)| {
            if ('\u{E000}'..='\u{F8FF}').contains(&s) {
                l
            } else {
                s
            }
        });
        cells
            .iter()
            .map(|c| chars.by_ref().take(c.chars().count()).collect())
            .collect()
    } else {
        cells.to_vec()
    };
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&logical, Some(base));
    // The level of each cell: that of its first character (levels are per byte).
    let mut byte = 0;
    let levels: Vec<Level> = cells
        .iter()
        .map(|c| {
            let level = info.levels.get(byte).copied().unwrap_or(base);
            byte += c.len();
            level
        })
        .collect();
    BidiInfo::reorder_visual(&levels)
        .into_iter()
        .map(|i| {
            let cell = &shaped_cells[i];
            let shown = if levels[i].is_rtl() {
                cell.chars().map(mirrored).collect()
            } else {
                cell.clone()
            };
            (i, Some(shown))
        })
        .collect()
}

/// Whether a symbol draws a frame or a bar (box drawing, block elements, geometric
/// shapes): never text.
fn is_glyph(symbol: &str) -> bool {
    symbol.chars().all(|c| matches!(c, '\u{2500}'..='\u{25FF}')) && !symbol.is_empty()
}

fn is_blank(cell: &Cell) -> bool {
    cell.symbol().trim().is_empty()
}

/// The pieces of one row, as ranges of columns: those marked, less their blank ends,
/// and the stretches of text nothing marked.
fn pieces_of(cells: &[Cell], ids: &[u32]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < cells.len() {
        let id = ids.get(x).copied().unwrap_or(UNKNOWN);
        if id >= FIRST_PIECE {
            let start = x;
            while x < cells.len() && ids.get(x) == Some(&id) {
                x += 1;
            }
            // Less its blank ends; but a cursor after the last letter (a reversed blank)
            // stays with the text, on its side.
            let text: Vec<usize> = (start..x).filter(|&i| !is_blank(&cells[i])).collect();
            let (Some(&a), Some(&last)) = (text.first(), text.last()) else {
                continue;
            };
            let reversed = |c: &Cell| c.modifier.contains(ratatui::style::Modifier::REVERSED);
            let mut b = last + 1;
            if b < x && reversed(&cells[b]) && !reversed(&cells[last]) {
                b += 1;
            }
            if a < b {
                out.push(a..b);
            }
        } else if id == UNKNOWN && !is_blank(&cells[x]) && !is_glyph(cells[x].symbol()) {
            // Text nothing marked: up to two blanks, a frame line or a marked cell.
            let start = x;
            let mut end = x + 1;
            x += 1;
            while x < cells.len() && ids.get(x) == Some(&UNKNOWN) {
                let c = &cells[x];
                if is_glyph(c.symbol()) {
                    break;
                }
                if is_blank(c) {
                    let next = cells.get(x + 1);
                    let more = next.is_some_and(|n| {
                        !is_blank(n) && !is_glyph(n.symbol()) && ids.get(x + 1) == Some(&UNKNOWN)
                    });
                    if !more {
                        break;
                    }
                } else {
                    end = x + 1;
                }
                x += 1;
            }
            // Marks in front (`> `, `! `) and a stretch of marks alone are glyphs.
            let symbols = |r: std::ops::Range<usize>| -> String {
                cells[r].iter().map(|c| c.symbol()).collect()
            };
            let mut start = start;
            let lead: String = symbols(start..end);
            if let Some((mark, _)) = lead.split_once(' ')
                && !mark.is_empty()
                && !mark.chars().any(char::is_alphanumeric)
            {
                start += mark.chars().count() + 1;
            }
            if symbols(start..end).chars().any(char::is_alphanumeric) {
                out.push(start..end);
            }
        } else {
            x += 1;
        }
    }
    out
}

/// The cells of a piece in the order they are shown: as stored (terminal mode), or
/// joined and ordered (shaped). A piece holding a wide character (two columns) keeps
/// its order.
fn piece_cells(cells: &[Cell], how: Display) -> Vec<Cell> {
    if !how.shaped
        || cells
            .iter()
            .any(|c| unicode_width::UnicodeWidthStr::width(c.symbol()) > 1)
    {
        return cells.to_vec();
    }
    let symbols: Vec<String> = cells.iter().map(|c| c.symbol().to_string()).collect();
    order(&symbols, how.rtl, how.kurdish)
        .into_iter()
        .map(|(i, symbol)| {
            let mut cell = cells[i].clone();
            if let Some(s) = symbol {
                cell.set_symbol(&s);
            }
            cell
        })
        .collect()
}

/// A row turned over: each cell (a wide character with the cell it covers) at its
/// mirrored place, its glyph mirrored.
fn mirror_row(cells: &[Cell]) -> Vec<Cell> {
    let width = cells.len();
    let mut out = vec![Cell::default(); width];
    let mut x = 0;
    while x < width {
        let w = unicode_width::UnicodeWidthStr::width(cells[x].symbol()).clamp(1, 2);
        let w = w.min(width - x);
        let at = width - x - w;
        out[at..at + w].clone_from_slice(&cells[x..x + w]);
        let symbol: String = cells[x].symbol().chars().map(mirrored).collect();
        out[at].set_symbol(&symbol);
        x += w;
    }
    out
}

/// Turns the finished frame in `area` into what the terminal is given (see the module's
/// comment). Styles go with their letters (a cursor stays on its letter; a selected row
/// stays selected).
pub fn finish(buffer: &mut Buffer, area: Rect, how: Display) {
    if !how.rtl && !how.shaped {
        return;
    }
    let ids: Vec<u32> = PIECES.with(|p| {
        let p = p.borrow();
        if p.area == area {
            p.ids.clone()
        } else {
            vec![UNKNOWN; area.width as usize * area.height as usize]
        }
    });
    let width = area.width as usize;
    for y in area.top()..area.bottom() {
        let cells: Vec<Cell> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].clone())
            .collect();
        let row = (y - area.top()) as usize;
        let row_ids = &ids[row * width..(row + 1) * width];
        let pieces = pieces_of(&cells, row_ids);
        let mut out = if how.rtl {
            mirror_row(&cells)
        } else {
            cells.clone()
        };
        for piece in pieces {
            let shown = piece_cells(&cells[piece.clone()], how);
            let start = if how.rtl {
                width - piece.end
            } else {
                piece.start
            };
            for (k, cell) in shown.into_iter().enumerate() {
                out[start + k] = cell;
            }
        }
        for (x, cell) in (area.left()..area.right()).zip(out) {
            buffer[(x, y)] = cell;
        }
    }
}

/// The frame as the terminal is given it, one string a row (for tests and captures).
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = buffer.area.width as usize;
    buffer
        .content()
        .chunks(width.max(1))
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Modifier, Style};

    #[test]
    fn a_known_arabic_word_is_joined_and_reversed() {
        // م ر ح ب ا: initial meem, final reh, initial hah, medial beh, final alef; then
        // right to left.
        assert_eq!(
            visual("مرحبا", false, false),
            "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3}"
        );
    }

    #[test]
    fn kurdish_letters_never_become_glyphs_only_special_fonts_have() {
        for word in ["هەفتە", "دێت", "پێنجشەممە"] {
            let shown = visual(word, true, true);
            assert!(
                !shown
                    .chars()
                    .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)),
                "{word}: {:?}",
                shown
                    .chars()
                    .map(|c| format!("{:04X}", c as u32))
                    .collect::<Vec<_>>()
            );
            assert_eq!(shown.chars().count(), word.chars().count());
        }
    }

    #[test]
    fn latin_stays_in_place() {
        let line = "Case K7QX2-0001: مرحبا";
        let shown = visual(line, false, false);
        assert!(shown.starts_with("Case K7QX2-0001: "), "{shown}");
        assert_eq!(shown.chars().count(), line.chars().count());
        assert_eq!(visual("K7QX2 (Ahmed)…", true, false), "K7QX2 (Ahmed)…");
    }

    /// A frame of `text` rows, with `marks` (x, y, width) pieces marked.
    fn frame(text: &[&str], marks: &[(u16, u16, u16)]) -> Buffer {
        let width = text.iter().map(|r| r.chars().count()).max().unwrap_or(0) as u16;
        let area = Rect::new(0, 0, width, text.len() as u16);
        let mut buffer = Buffer::empty(area);
        for (y, row) in text.iter().enumerate() {
            buffer.set_string(0, y as u16, row, Style::default());
        }
        begin(area);
        for &(x, y, w) in marks {
            mark(Rect::new(x, y, w, 1));
        }
        buffer
    }

    #[test]
    fn mirrored_columns_line_up_whatever_the_script() {
        // Two rows of a table: a case code, a name, a place; the second row's name
        // Arabic. Each cell its own piece.
        let mut buffer = frame(
            &[
                "> X2R39-0002  Ahmed Al-Jubouri  Ninewa",
                "  X2R39-0001  فاطمة حسن         نينوى",
            ],
            &[
                (2, 0, 10),
                (14, 0, 16),
                (32, 0, 6),
                (2, 1, 10),
                (14, 1, 16),
                (32, 1, 6),
            ],
        );
        let area = buffer.area;
        finish(
            &mut buffer,
            area,
            Display {
                rtl: true,
                shaped: false,
                kurdish: false,
            },
        );
        let shown = rows(&buffer);
        assert_eq!(shown[0], "Ninewa  Ahmed Al-Jubouri  X2R39-0002 <");
        // Right-aligned in their columns, as stored (the terminal orders them).
        assert_eq!(shown[1], " نينوى         فاطمة حسن  X2R39-0001  ");
        // Shaped: each cell ordered on its own; the code stays whole and in place.
        let mut buffer = frame(
            &["  X2R39-0001  فاطمة حسن         نينوى"],
            &[(2, 0, 10), (14, 0, 16), (32, 0, 6)],
        );
        let area = buffer.area;
        finish(
            &mut buffer,
            area,
            Display {
                rtl: true,
                shaped: true,
                kurdish: false,
            },
        );
        let row = &rows(&buffer)[0];
        assert!(row.ends_with("  X2R39-0001  "), "{row}");
        assert_eq!(
            row.chars().position(|c| c == 'X'),
            Some(25),
            "the code in its column: {row}"
        );
        assert!(row.starts_with('\u{FEEF}'), "نينوى right-aligned: {row}");
    }

    #[test]
    fn frames_and_marks_flip_and_text_nothing_marked_stays_readable() {
        let mut buffer = frame(&["┌Title──┐", "│> Ab Cd│"], &[]);
        let area = buffer.area;
        finish(
            &mut buffer,
            area,
            Display {
                rtl: true,
                shaped: false,
                kurdish: false,
            },
        );
        assert_eq!(rows(&buffer), ["┌──Title┐", "│Ab Cd <│"]);
    }

    #[test]
    fn styles_go_with_their_letters() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buffer = Buffer::empty(area);
        buffer.set_string(0, 0, "ab", Style::default());
        buffer.set_string(2, 0, "c", Style::default().add_modifier(Modifier::REVERSED));
        begin(area);
        mark(Rect::new(0, 0, 3, 1));
        finish(
            &mut buffer,
            area,
            Display {
                rtl: true,
                shaped: true,
                kurdish: false,
            },
        );
        assert_eq!(rows(&buffer)[0], "   abc");
        assert!(buffer[(5, 0)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_cursor_after_the_last_letter_stays_on_the_side_the_text_ends() {
        let area = Rect::new(0, 0, 8, 1);
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let typed = |text: &str, shaped| {
            let mut buffer = Buffer::empty(area);
            buffer.set_string(0, 0, text, Style::default());
            let at = text.chars().count() as u16;
            buffer.set_string(at, 0, " ", reversed);
            begin(area);
            mark(area);
            finish(
                &mut buffer,
                area,
                Display {
                    rtl: true,
                    shaped,
                    kurdish: false,
                },
            );
            let cursor = (0..8).find(|&x| buffer[(x, 0)].modifier.contains(Modifier::REVERSED));
            (rows(&buffer)[0].clone(), cursor)
        };
        // Latin typed on an Arabic screen: right-aligned, the cursor after its end.
        assert_eq!(typed("Ahm", false), ("    Ahm ".to_string(), Some(7)));
        assert_eq!(typed("Ahm", true), ("    Ahm ".to_string(), Some(7)));
        // Arabic, shaped: the cursor left of the word, where it ends.
        let (row, cursor) = typed("فا", true);
        assert_eq!(cursor, Some(5), "{row}");
        assert_eq!(row, "      \u{FE8E}\u{FED3}");
    }

    #[test]
    fn a_left_to_right_screen_shapes_each_piece_and_moves_nothing() {
        let mut buffer = frame(&["مرحبا  Ahmed"], &[(0, 0, 5), (7, 0, 5)]);
        let area = buffer.area;
        finish(
            &mut buffer,
            area,
            Display {
                rtl: false,
                shaped: true,
                kurdish: false,
            },
        );
        assert_eq!(
            rows(&buffer)[0],
            "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3}  Ahmed"
        );
    }

    #[test]
    fn wide_characters_keep_their_two_columns_when_mirrored() {
        let area = Rect::new(0, 0, 5, 1);
        let mut buffer = Buffer::empty(area);
        buffer.set_string(0, 0, "日a", Style::default());
        begin(area);
        mark_glyphs(area);
        finish(
            &mut buffer,
            area,
            Display {
                rtl: true,
                shaped: false,
                kurdish: false,
            },
        );
        assert_eq!(buffer[(2, 0)].symbol(), "a");
        assert_eq!(buffer[(3, 0)].symbol(), "日");
    }
}
