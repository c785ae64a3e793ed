//! Arabic script on terminals that cannot show it (field-fit issue). Many terminals (the
//! Windows console among them) draw Arabic letters unjoined and in the order they are
//! stored, so that a word reads backwards. In the *shaped* display mode, every row of
//! the finished screen is turned into what such a terminal must be given: each Arabic
//! letter in its joined form (initial, medial, final or isolated), and each row in
//! visual order by the Unicode bidirectional algorithm. In Arabic and Kurdish the whole
//! row is a right-to-left paragraph, which also mirrors the layout: labels move to the
//! right, lists read from the right, frames and brackets flip. In the *terminal* mode,
//! nothing is changed, for terminals that do this themselves.

use ar_reshaper::config::LigaturesFlags;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_bidi::{BidiInfo, Level};

/// How Arabic script is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextMode {
    /// Daleel joins the letters and orders each row (terminals that cannot); what
    /// `daleel` starts with unless config.toml says otherwise.
    Shaped,
    /// The terminal does it (mlterm, some Linux terminals with bidi support); the
    /// default of an App made in code (tests), which changes nothing it draws.
    #[default]
    Terminal,
}

/// The reshaper for Arabic or Kurdish letters, made once (every row of every frame
/// uses it).
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
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The glyph a character shows as in a right-to-left run: frames and brackets flip.
fn mirrored(c: char) -> char {
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
        _ => c,
    }
}

/// A line as a terminal that cannot show Arabic must be given it: letters joined, then
/// in visual order. `rtl` makes the line a right-to-left paragraph (an Arabic or Kurdish
/// screen); otherwise only the right-to-left runs in it are reversed.
pub fn visual(line: &str, rtl: bool, kurdish: bool) -> String {
    let cells: Vec<String> = line.chars().map(String::from).collect();
    reorder(&cells, rtl, kurdish).concat()
}

/// `visual` over cells (each a character with any combining marks after it).
fn reorder(cells: &[String], rtl: bool, kurdish: bool) -> Vec<String> {
    let any_rtl = cells.iter().any(|c| c.chars().any(is_rtl));
    if !any_rtl {
        // Nothing to join; a right-to-left screen still reverses the run (spaces,
        // frames, Latin words stay readable as one left-to-right run).
        if !rtl || cells.iter().all(|c| c.trim().is_empty()) {
            return cells.to_vec();
        }
    }
    let logical: String = cells.concat();
    // Join the letters in logical order; keep the cells as they are if the reshaper
    // ever changed the number of characters.
    let shaped = reshaper(kurdish).reshape(&logical);
    let shaped_cells: Vec<String> = if shaped.chars().count() == logical.chars().count() {
        let mut chars = shaped.chars();
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
            if levels[i].is_rtl() {
                cell.chars().map(mirrored).collect()
            } else {
                cell.clone()
            }
        })
        .collect()
}

/// The characters that draw frames' sides: a row is ordered box by box, so that text
/// never runs from one box into the next.
fn is_border(cell: &str) -> bool {
    matches!(
        cell,
        "│" | "┌"
            | "┐"
            | "└"
            | "┘"
            | "├"
            | "┤"
            | "┬"
            | "┴"
            | "┼"
            | "║"
            | "╭"
            | "╮"
            | "╰"
            | "╯"
    )
}

/// A screen row in visual order: each stretch between frame sides ordered on its own
/// (as a right-to-left paragraph on an Arabic or Kurdish screen, whose boxes then come in
/// mirrored order).
fn reorder_row(cells: &[String], rtl: bool, kurdish: bool) -> Vec<String> {
    let mut pieces: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for c in cells {
        if is_border(c) {
            pieces.push(std::mem::take(&mut current));
            pieces.push(vec![c.clone()]);
        } else {
            current.push(c.clone());
        }
    }
    pieces.push(current);
    let mut out: Vec<Vec<String>> = pieces
        .into_iter()
        .map(|piece| match piece.as_slice() {
            [one] if is_border(one) => {
                if rtl {
                    vec![one.chars().map(mirrored).collect()]
                } else {
                    piece
                }
            }
            _ => reorder(&piece, rtl, kurdish),
        })
        .collect();
    if rtl {
        out.reverse();
    }
    out.concat()
}

/// Turns every row of `area` into visual order, as `visual` does a line. Styles stay
/// with their cells' positions (a selected row stays selected).
pub fn shape_buffer(buffer: &mut Buffer, area: Rect, rtl: bool, kurdish: bool) {
    for y in area.top()..area.bottom() {
        let cells: Vec<String> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        // Rows with wide characters (two cells for one) are left as they are.
        if cells.iter().any(|c| c.is_empty()) {
            continue;
        }
        let out = reorder_row(&cells, rtl, kurdish);
        for (x, symbol) in (area.left()..area.right()).zip(out) {
            buffer[(x, y)].set_symbol(&symbol);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn latin_stays_in_place_and_an_arabic_screen_mirrors() {
        let line = "Case K7QX2-0001: مرحبا";
        let shown = visual(line, false, false);
        assert!(shown.starts_with("Case K7QX2-0001: "), "{shown}");
        assert_eq!(shown.chars().count(), line.chars().count());
        // As a right-to-left row, the frame flips and the Latin code reads forwards.
        let row = "┌ K7QX2 مرحبا ┐";
        let shown = visual(row, true, false);
        assert!(shown.starts_with('┌') && shown.ends_with('┐'), "{shown}");
        assert!(shown.contains("K7QX2"), "{shown}");
        assert!(shown.find("K7QX2") > shown.find('\u{FEE3}'), "{shown}");
    }

    #[test]
    fn boxes_side_by_side_keep_their_text_inside_them() {
        let cells: Vec<String> = "│GBV 2  ││DU08 4 ││Ninewa 9│"
            .chars()
            .map(String::from)
            .collect();
        let out = reorder_row(&cells, true, false).concat();
        // Mirrored box by box: the last box first, each text whole inside its box.
        assert_eq!(out.chars().count(), cells.len());
        let boxes: Vec<&str> = out.split('│').filter(|s| !s.is_empty()).collect();
        assert_eq!(boxes.len(), 3, "{out}");
        assert!(boxes[0].contains("Ninewa 9"), "{out}");
        assert!(boxes[2].contains("GBV 2"), "{out}");
    }

    #[test]
    fn a_row_without_arabic_is_left_alone_in_a_left_to_right_screen() {
        assert_eq!(visual("┌ Intake ┐ (F2)", false, false), "┌ Intake ┐ (F2)");
    }
}
