//! Widgets shared by the screens: a text input, a form of fields, a selectable list, and
//! a pop-up menu.

pub mod form;
pub mod list;
pub mod text;

use ratatui::layout::Rect;

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

/// Cuts `text` to `width` characters, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// Pads or cuts `text` to exactly `width` characters.
pub fn cell(text: &str, width: usize) -> String {
    let t = fit(text, width);
    let pad = width.saturating_sub(t.chars().count());
    format!("{t}{}", " ".repeat(pad))
}

/// Cuts `text` to `width` characters at the end of a word, ending with `…` when cut
/// ("Norwegian Refugee…", not "Norwegian Refugee Co…"); a first word longer than the
/// width is cut inside it, as `fit` does.
pub fn fit_words(text: &str, width: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // The longest run of whole words that leaves room for the `…`.
    let room = width - 1;
    let mut end = 0;
    for (chars, (i, c)) in text.char_indices().enumerate() {
        if chars > room {
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

/// Pads or cuts `text` to exactly `width` characters, cutting at a word (`fit_words`).
pub fn cell_words(text: &str, width: usize) -> String {
    let t = fit_words(text, width);
    let pad = width.saturating_sub(t.chars().count());
    format!("{t}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
