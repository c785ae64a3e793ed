//! Widgets shared by the screens: a text input, a form of fields, a selectable list, and
//! a pop-up menu.

pub mod form;
pub mod list;
pub mod text;

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A rectangle of `width` x `height` centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The columns `text` takes on a terminal: each grapheme (a letter with its marks, an
/// emoji sequence) as wide as ratatui draws it: two for wide characters and most emoji,
/// none for a mark alone.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// The columns one grapheme takes (none when it holds a control character: ratatui
/// draws no such grapheme).
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        0
    } else {
        g.width()
    }
}

/// Cuts `text` to `width` columns, ending with `…` when cut; never inside a grapheme.
pub fn fit(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Pads or cuts `text` to exactly `width` columns.
pub fn cell(text: &str, width: usize) -> String {
    let t = fit(text, width);
    let pad = width.saturating_sub(self::width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// Cuts `text` to `width` columns at the end of a word, ending with `…` when cut
/// ("Norwegian Refugee…", not "Norwegian Refugee Co…"); a first word longer than the
/// width is cut inside it, as `fit` does.
pub fn fit_words(text: &str, width: usize) -> String {
    let text = text.trim();
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // The longest run of whole words that leaves room for the `…`.
    let room = width - 1;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if self::width(&text[..i]) > room {
            break;
        }
        if c.is_whitespace() {
            end = i;
        }
    }
    if end == 0 {
        return fit(text, width);
    }
    let words = text[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:·-".contains(c));
    if words.is_empty() {
        return fit(text, width);
    }
    format!("{words}…")
}

/// Pads or cuts `text` to exactly `width` columns, cutting at a word (`fit_words`).
pub fn cell_words(text: &str, width: usize) -> String {
    let t = fit_words(text, width);
    let pad = width.saturating_sub(self::width(&t));
    format!("{t}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_measured_in_columns() {
        assert_eq!(width("Zainab"), 6);
        assert_eq!(width("ربّ الأسرة"), 9, "the shadda takes no column");
        assert_eq!(width("日本"), 4);
        assert_eq!(
            width("👨\u{200d}👩\u{200d}👧"),
            2,
            "one family, two columns"
        );
        assert_eq!(cell("日本語", 5), "日本…");
        assert_eq!(
            width(&cell("日本語", 4)),
            4,
            "a wide character that does not fit"
        );
        assert_eq!(cell("ربّ", 4), "ربّ  ");
        assert_eq!(fit("Governorate", 11), "Governorate");
        assert_eq!(fit("Governorate", 10), "Governora…");
    }

    #[test]
    fn names_are_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(
            fit_words("Norwegian Refugee Council", 20),
            "Norwegian Refugee…"
        );
        assert_eq!(
            fit_words("Norwegian Refugee Council", 25),
            "Norwegian Refugee Council"
        );
        assert_eq!(
            fit_words("Directorate of Health, Ninewa", 23),
            "Directorate of Health…"
        );
        // One long word: cut inside it.
        assert_eq!(fit_words("Internationalisation", 8), "Interna…");
        assert_eq!(fit_words("Demo International NGO 9", 11), "Demo…");
        assert_eq!(cell_words("NRC", 6), "NRC   ");
        assert_eq!(fit_words("مديرية صحة نينوى", 12), "مديرية صحة…");
        // Measured in columns: wide characters take two.
        assert_eq!(fit_words("日本 語", 6), "日本…");
        assert_eq!(fit_words("日本 語", 4), "日…");
    }
}
