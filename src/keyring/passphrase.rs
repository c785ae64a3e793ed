//! Whether a new passphrase is strong enough: its length, and zxcvbn's estimate of how
//! soon a guesser finds it, with the worker's name among the first guesses.

use super::fold_name;

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE: usize = 8;

/// The least zxcvbn score a new passphrase needs: 3, "at least 10^8 guesses" against a
/// guesser who tries common passwords, words, names, dates, keyboard rows, repeats and
/// sequences first. At the Argon2id cost of `KdfParams::FIELD` (about 0.1 s and 64 MiB
/// per guess on one core), 10^8 guesses are about 10^7 core-seconds, some four months of
/// one core, against a copy of the files; 4 would ask for passphrases that workers type
/// at every unlock on old laptops (three or four words) and write down. docs/threat-model.md.
pub const MIN_SCORE: u8 = 3;

/// How much of a passphrase is judged: zxcvbn's work grows faster than the length, and a
/// passphrase of 100 characters that is weak is weak in its first 100.
const JUDGED_CHARS: usize = 100;

/// Why a new passphrase was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// Fewer than `MIN_PASSPHRASE` characters.
    Short,
    /// A password guessing tools try first (`12345678`, `password`, `iloveyou`).
    Common,
    /// Built on the worker's own name or on "Daleel".
    OwnName,
    /// A character or a group repeated (`aaaaaaaa`, `abcabcabc`).
    Repeated,
    /// A sequence (`abcdefgh`, `98765432`).
    Sequence,
    /// A row or pattern of keys (`qwertyui`, `asdfghjk`).
    Keyboard,
    /// A date or a year.
    Date,
    /// One word or name, digits and symbols added or not.
    OneWord,
    /// Otherwise guessed too soon.
    Guessable,
}

impl Weakness {
    /// Why it was refused and what would be stronger, in the current language.
    pub fn message(self) -> String {
        use crate::i18n::{Arg, t, tr};
        let reason = match self {
            Weakness::Short => tr(
                "passphrase-weak-short",
                &[("min", Arg::Num(MIN_PASSPHRASE as i64))],
            ),
            Weakness::Common => t("passphrase-weak-common"),
            Weakness::OwnName => t("passphrase-weak-name"),
            Weakness::Repeated => t("passphrase-weak-repeated"),
            Weakness::Sequence => t("passphrase-weak-sequence"),
            Weakness::Keyboard => t("passphrase-weak-keyboard"),
            Weakness::Date => t("passphrase-weak-date"),
            Weakness::OneWord => t("passphrase-weak-word"),
            Weakness::Guessable => t("passphrase-weak-guessable"),
        };
        tr(
            "passphrase-refused",
            &[
                ("reason", Arg::Str(&reason)),
                ("advice", Arg::Str(&t("passphrase-stronger"))),
            ],
        )
    }
}

/// Whether `passphrase` may be worker `name`'s: at least `MIN_PASSPHRASE` characters and
/// a zxcvbn score of at least `MIN_SCORE`, with the worker's name and "daleel" among the
/// words a guesser tries first.
pub fn check_passphrase(name: &str, passphrase: &str) -> Result<(), Weakness> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Weakness::Short);
    }
    let folded = fold_name(name);
    let mut inputs: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    inputs.push(&folded);
    inputs.push("daleel");
    let judged: String = passphrase.chars().take(JUDGED_CHARS).collect();
    let entropy = zxcvbn::zxcvbn(&judged, &inputs);
    if entropy.score() as u8 >= MIN_SCORE {
        return Ok(());
    }
    let lower = judged.to_lowercase();
    if inputs
        .iter()
        .any(|w| w.chars().count() >= 3 && lower.contains(w))
    {
        return Err(Weakness::OwnName);
    }
    use zxcvbn::feedback::Warning as W;
    Err(match entropy.feedback().and_then(|f| f.warning()) {
        Some(W::ThisIsATop10Password)
        | Some(W::ThisIsATop100Password)
        | Some(W::ThisIsACommonPassword)
        | Some(W::ThisIsSimilarToACommonlyUsedPassword) => Weakness::Common,
        Some(W::RepeatsLikeAaaAreEasyToGuess)
        | Some(W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => Weakness::Repeated,
        Some(W::SequencesLikeAbcAreEasyToGuess) => Weakness::Sequence,
        Some(W::StraightRowsOfKeysAreEasyToGuess)
        | Some(W::ShortKeyboardPatternsAreEasyToGuess) => Weakness::Keyboard,
        Some(W::RecentYearsAreEasyToGuess) | Some(W::DatesAreOftenEasyToGuess) => Weakness::Date,
        Some(W::AWordByItselfIsEasyToGuess)
        | Some(W::NamesAndSurnamesByThemselvesAreEasyToGuess)
        | Some(W::CommonNamesAndSurnamesAreEasyToGuess) => Weakness::OneWord,
        None => Weakness::Guessable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::tests::fresh;
    use crate::keyring::{Change, KdfParams, KeyringError};
    use crate::store::seal::DataKey;

    #[test]
    fn passphrases_that_guessing_tools_try_first_are_refused_with_the_reason() {
        for (passphrase, why) in [
            ("12345678", Weakness::Common),
            ("password", Weakness::Common),
            ("Passw0rd!", Weakness::Common),
            ("iloveyou123", Weakness::Common),
            ("qwertyuiop", Weakness::Common),
            ("aaaaaaaaaa", Weakness::Repeated),
            ("abcdefgh", Weakness::Sequence),
            ("zxcvbnm,./", Weakness::Keyboard),
            ("01/02/1990x", Weakness::Date),
            ("AmalHassan", Weakness::OwnName),
            ("amal12345", Weakness::OwnName),
            ("hassan2024!", Weakness::OwnName),
            ("daleel123", Weakness::OwnName),
            ("mountains", Weakness::OneWord),
            ("short", Weakness::Short),
        ] {
            assert_eq!(
                check_passphrase("Amal Hassan", passphrase),
                Err(why),
                "{passphrase}"
            );
        }
        // Words that do not belong together are long enough, in any script.
        for passphrase in [
            "lemon tractor violin",
            "river stone 42",
            "test passphrase",
            "نهر مصباح برتقال",
        ] {
            assert_eq!(
                check_passphrase("Amal Hassan", passphrase),
                Ok(()),
                "{passphrase}"
            );
        }
        // Only the first characters are judged, however long the passphrase.
        let long = "a".repeat(5000);
        assert_eq!(check_passphrase("x", &long), Err(Weakness::Repeated));
    }

    #[test]
    fn a_refused_passphrase_is_explained_in_the_workers_language() {
        let (_d, ring) = fresh();
        let key = DataKey::random();
        let err = ring
            .add("Amal", "12345678", KdfParams::CHEAP, &key)
            .expect_err("refused");
        assert!(matches!(err, KeyringError::Weak(Weakness::Common)), "{err}");
        assert!(!ring.exists().expect("e"), "nothing was written");
        let en = err.to_string();
        assert!(en.contains("guessing tools try first"), "{en}");
        assert!(en.contains("words"), "what would be stronger: {en}");
        for lang in [crate::i18n::Lang::Ar, crate::i18n::Lang::Ckb] {
            let said = crate::i18n::tr_in(lang, "passphrase-weak-common", &[]);
            assert_ne!(
                said,
                crate::i18n::tr_in(crate::i18n::Lang::En, "passphrase-weak-common", &[])
            );
            assert!(!said.starts_with('['), "{said}");
        }
        ring.add("Amal", "lemon tractor violin", KdfParams::CHEAP, &key)
            .expect("strong");
        let (_d2, copy) = fresh();
        let change = Change::Passphrase {
            name: "Amal",
            passphrase: "amal2024",
            params: KdfParams::CHEAP,
        };
        assert!(matches!(
            ring.rekey_into(&copy, change, &key),
            Err(KeyringError::Weak(Weakness::OwnName))
        ));
    }
}
