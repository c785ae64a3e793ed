//! Search over services and households. For now the text normalisation that makes Arabic
//! spelling variants and digits match; the fuzzy index comes with the screens.

/// Folds text for matching: lower case; Arabic alef forms (أ إ آ ٱ) to ا, ة to ه, ى to ي;
/// Arabic diacritics and tatweel removed; Arabic-Indic and Persian digits to ASCII.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::model::ascii_digits(text).chars() {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn arabic_spelling_variants_fold_together() {
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("إبراهيم"), fold("ابراهيم"));
        assert_eq!(fold("فاطمة"), fold("فاطمه"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("عـــلي"), fold("علي"));
        assert_eq!(fold("٠٧٧٠"), "0770");
        assert_eq!(fold("NRC Legal"), "nrc legal");
    }
}
