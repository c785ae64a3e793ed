//! The key table: every binding, its footer hint and its help line come from `BINDINGS`,
//! and the handlers ask this table what a key means. Keys work on every keyboard layout:
//! F-keys, Ctrl combinations, arrows, Tab, Enter and Esc are the same everywhere; a letter
//! shortcut also answers to the letter at the same place on the Arabic layout.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::ScreenId;

/// A key press after normalisation: Shift folded into the character (and Shift+Tab into
/// `BackTab`), so that handlers match on what the user meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn new(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub fn alt(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: true,
        }
    }

    pub fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    /// The character this key types into a text field, if any.
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self.ctrl && !self.alt && !crate::model::text::is_refused(c) && c != '\t' =>
            {
                Some(c)
            }
            _ => None,
        }
    }
}

impl From<KeyEvent> for Key {
    fn from(e: KeyEvent) -> Key {
        let code = match e.code {
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            // Some terminals send Ctrl+letter as upper case.
            KeyCode::Char(c) if e.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// The Latin key at the same place on a US keyboard, for a character of the Arabic
/// (101) layout; Arabic-Indic and Persian digits are digits.
pub fn latin_equivalent(c: char) -> char {
    match c {
        'ض' => 'q',
        'ص' => 'w',
        'ث' => 'e',
        'ق' => 'r',
        'ف' => 't',
        'غ' => 'y',
        'ع' => 'u',
        'ه' => 'i',
        'خ' => 'o',
        'ح' => 'p',
        'ج' => '[',
        'د' => ']',
        'ش' => 'a',
        'س' => 's',
        'ي' => 'd',
        'ب' => 'f',
        'ل' => 'g',
        'ا' => 'h',
        'ت' => 'j',
        'ن' => 'k',
        'م' => 'l',
        'ك' => ';',
        'ط' => '\'',
        'ئ' => 'z',
        'ء' => 'x',
        'ؤ' => 'c',
        'ر' => 'v',
        'ﻻ' => 'b',
        'ى' => 'n',
        'ة' => 'm',
        'و' => ',',
        'ز' => '.',
        'ظ' => '/',
        'ذ' => '`',
        '؟' => '?',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        other => other.to_ascii_lowercase(),
    }
}

/// What a key means, as a command rather than as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Help,
    Show(ScreenId),
    Quit,
    Worker,
    Menu,
    NextField,
    PrevField,
    Save,
    Back,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    Search,
    New,
    Toggle,
    Add,
    Remove,
    NextStep,
    PrevStep,
    /// Empty the text field (or the filter of a drop-down).
    Clear,
    /// Go to the next thing to fix on the form, whichever step it is on.
    NextProblem,
    /// The queue's next or previous section, or a section by its number.
    NextSection,
    PrevSection,
    Section,
}

/// Where a binding applies, for the footer and the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere.
    Global,
    /// In a form (Intake, a referral draft, a prompt).
    Form,
    /// In a list (Services, Referrals, Queue, a picker).
    List,
    /// On the Queue, besides its list's keys.
    Queue,
}

/// One line of the key table.
pub struct Binding {
    pub command: Command,
    /// The keys as the footer and help screen name them.
    pub label: &'static str,
    /// Message id of what it does.
    pub hint: &'static str,
    pub scope: Scope,
    /// Whether it is a letter shortcut (off while typing in a text field).
    pub letter: bool,
    pub matches: fn(&Key) -> bool,
}

/// Alt with a digit, Arabic-Indic digits included.
fn alt_digit(k: &Key, digit: char) -> bool {
    k.alt && matches!(k.code, KeyCode::Char(c) if latin_equivalent(c) == digit)
}

/// Ctrl with a letter, or with the letter at its place on the Arabic layout.
fn ctrl_key(k: &Key, letter: char) -> bool {
    k.ctrl && matches!(k.code, KeyCode::Char(c) if latin_equivalent(c) == letter)
}

fn is(code: KeyCode) -> impl Fn(&Key) -> bool {
    move |k| k.code == code && !k.ctrl && !k.alt
}

/// The key table. The order is the order of the help screen.
pub const BINDINGS: &[Binding] = &[
    Binding {
        command: Command::Help,
        label: "F1 ?",
        hint: "key-help",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(1))(k) || alt_digit(k, '1'),
    },
    Binding {
        command: Command::Help,
        label: "?",
        hint: "key-help",
        scope: Scope::Global,
        letter: true,
        matches: |k| {
            !k.ctrl && !k.alt && matches!(k.code, KeyCode::Char(c) if latin_equivalent(c) == '?')
        },
    },
    Binding {
        command: Command::Show(ScreenId::Intake),
        label: "F2",
        hint: "key-intake",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(2))(k) || alt_digit(k, '2'),
    },
    Binding {
        command: Command::Show(ScreenId::Services),
        label: "F3",
        hint: "key-services",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(3))(k) || alt_digit(k, '3'),
    },
    Binding {
        command: Command::Show(ScreenId::Referrals),
        label: "F4",
        hint: "key-referrals",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(4))(k) || alt_digit(k, '4'),
    },
    Binding {
        command: Command::Show(ScreenId::Queue),
        label: "F5",
        hint: "key-queue",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(5))(k) || alt_digit(k, '5'),
    },
    Binding {
        command: Command::Show(ScreenId::Sync),
        label: "F6",
        hint: "key-sync",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(6))(k) || alt_digit(k, '6'),
    },
    Binding {
        command: Command::Worker,
        label: "F8",
        hint: "key-worker",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(8))(k),
    },
    Binding {
        command: Command::Menu,
        label: "F9",
        hint: "key-menu",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(9))(k),
    },
    Binding {
        command: Command::Quit,
        label: "F10 Ctrl+Q",
        hint: "key-quit",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::F(10))(k) || ctrl_key(k, 'q'),
    },
    Binding {
        command: Command::NextField,
        label: "Tab",
        hint: "key-next-field",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::Tab)(k),
    },
    Binding {
        command: Command::PrevField,
        label: "Shift+Tab",
        hint: "key-prev-field",
        scope: Scope::Form,
        letter: false,
        matches: |k| k.code == KeyCode::BackTab,
    },
    Binding {
        command: Command::Save,
        label: "Ctrl+S",
        hint: "key-save",
        scope: Scope::Form,
        letter: false,
        matches: |k| ctrl_key(k, 's'),
    },
    Binding {
        command: Command::NextStep,
        label: "PgDn",
        hint: "key-next-step",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::PageDown)(k),
    },
    Binding {
        command: Command::PrevStep,
        label: "PgUp",
        hint: "key-prev-step",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::PageUp)(k),
    },
    Binding {
        command: Command::NextProblem,
        label: "F7 Ctrl+E",
        hint: "key-next-problem",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::F(7))(k) || ctrl_key(k, 'e'),
    },
    Binding {
        command: Command::Clear,
        label: "Ctrl+U",
        hint: "key-clear",
        scope: Scope::Form,
        letter: false,
        matches: |k| ctrl_key(k, 'u'),
    },
    Binding {
        command: Command::Toggle,
        label: "Space",
        hint: "key-toggle",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::Char(' '))(k),
    },
    Binding {
        command: Command::Add,
        label: "Ins Ctrl+N",
        hint: "key-add",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::Insert)(k) || ctrl_key(k, 'n'),
    },
    Binding {
        command: Command::Remove,
        label: "Del",
        hint: "key-remove",
        scope: Scope::Form,
        letter: false,
        matches: |k| is(KeyCode::Delete)(k),
    },
    Binding {
        command: Command::Back,
        label: "Esc",
        hint: "key-back",
        scope: Scope::Global,
        letter: false,
        matches: |k| is(KeyCode::Esc)(k),
    },
    Binding {
        command: Command::Up,
        label: "↑",
        hint: "key-up",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Up)(k),
    },
    Binding {
        command: Command::Down,
        label: "↓",
        hint: "key-down",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Down)(k),
    },
    Binding {
        command: Command::Left,
        label: "←",
        hint: "key-left",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Left)(k),
    },
    Binding {
        command: Command::Right,
        label: "→",
        hint: "key-right",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Right)(k),
    },
    Binding {
        command: Command::PageUp,
        label: "PgUp",
        hint: "key-page-up",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::PageUp)(k),
    },
    Binding {
        command: Command::PageDown,
        label: "PgDn",
        hint: "key-page-down",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::PageDown)(k),
    },
    Binding {
        command: Command::Home,
        label: "Home",
        hint: "key-home",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Home)(k),
    },
    Binding {
        command: Command::End,
        label: "End",
        hint: "key-end",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::End)(k),
    },
    Binding {
        command: Command::Open,
        label: "Enter",
        hint: "key-open",
        scope: Scope::List,
        letter: false,
        matches: |k| is(KeyCode::Enter)(k),
    },
    Binding {
        command: Command::Search,
        label: "/ Ctrl+F",
        hint: "key-search",
        scope: Scope::List,
        letter: false,
        matches: |k| ctrl_key(k, 'f'),
    },
    Binding {
        command: Command::Search,
        label: "/",
        hint: "key-search",
        scope: Scope::List,
        letter: true,
        matches: |k| {
            !k.ctrl && !k.alt && matches!(k.code, KeyCode::Char(c) if latin_equivalent(c) == '/')
        },
    },
    Binding {
        command: Command::New,
        label: "Ctrl+N",
        hint: "key-new",
        scope: Scope::List,
        letter: false,
        matches: |k| ctrl_key(k, 'n'),
    },
    Binding {
        command: Command::NextSection,
        label: "Tab",
        hint: "key-next-section",
        scope: Scope::Queue,
        letter: false,
        matches: |k| is(KeyCode::Tab)(k),
    },
    Binding {
        command: Command::PrevSection,
        label: "Shift+Tab",
        hint: "key-prev-section",
        scope: Scope::Queue,
        letter: false,
        matches: |k| k.code == KeyCode::BackTab,
    },
    Binding {
        command: Command::Section,
        label: "1-9",
        hint: "key-section",
        scope: Scope::Queue,
        letter: true,
        matches: |k| section_digit(k).is_some(),
    },
];

/// The section number a digit key names (1 to 9, Arabic-Indic digits too).
pub fn section_digit(k: &Key) -> Option<usize> {
    match k.code {
        KeyCode::Char(c) if !k.ctrl && !k.alt => {
            let d = latin_equivalent(c);
            ('1'..='9').contains(&d).then(|| d as usize - '0' as usize)
        }
        _ => None,
    }
}

/// What `key` means in `scope` (global bindings always count). `typing` turns letter
/// shortcuts off, so that `?` and `/` can be typed into a field.
pub fn command(key: &Key, scope: Scope, typing: bool) -> Option<Command> {
    BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::Global || b.scope == scope)
        .filter(|b| !(typing && b.letter))
        .find(|b| (b.matches)(key))
        .map(|b| b.command)
}

/// The labels and hints of the bindings of `scope`, for the footer and help screen, with
/// the labels of one command merged (a letter shortcut shows under the key it shares a
/// hint with, as `?` does under F1; a letter with no such key shows on its own).
pub fn table(scope: Scope) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&'static str, &'static str)> = Vec::new();
    let bindings = || BINDINGS.iter().filter(|b| b.scope == scope);
    for b in bindings()
        .filter(|b| !b.letter)
        .chain(bindings().filter(|b| b.letter))
    {
        if !rows.iter().any(|(_, hint)| *hint == b.hint) {
            rows.push((b.label, b.hint));
        }
    }
    rows
}

/// The binding the footer names for `command`: its key, else its letter shortcut.
pub fn binding_of(command: Command) -> Option<&'static Binding> {
    BINDINGS
        .iter()
        .find(|b| b.command == command && !b.letter)
        .or_else(|| BINDINGS.iter().find(|b| b.command == command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_keys_and_alt_digits_do_the_same() {
        for (f, screen) in [
            (2, ScreenId::Intake),
            (3, ScreenId::Services),
            (4, ScreenId::Referrals),
            (5, ScreenId::Queue),
        ] {
            let want = Some(Command::Show(screen));
            assert_eq!(command(&Key::new(KeyCode::F(f)), Scope::Form, true), want);
            let digit = char::from(b'0' + f);
            assert_eq!(command(&Key::alt(digit), Scope::List, false), want);
        }
        assert_eq!(
            command(&Key::alt('1'), Scope::List, false),
            Some(Command::Help)
        );
    }

    #[test]
    fn letter_shortcuts_answer_on_the_arabic_layout_but_not_while_typing() {
        assert_eq!(
            command(&Key::char('?'), Scope::List, false),
            Some(Command::Help)
        );
        assert_eq!(
            command(&Key::char('؟'), Scope::List, false),
            Some(Command::Help)
        );
        assert_eq!(
            command(&Key::char('/'), Scope::List, false),
            Some(Command::Search)
        );
        assert_eq!(
            command(&Key::char('ظ'), Scope::List, false),
            Some(Command::Search),
            "ظ sits where / is"
        );
        assert_eq!(command(&Key::char('?'), Scope::Form, true), None);
        assert_eq!(command(&Key::char('ظ'), Scope::List, true), None);
        assert_eq!(
            command(&Key::ctrl('f'), Scope::List, true),
            Some(Command::Search)
        );
    }

    #[test]
    fn quit_is_f10_or_ctrl_q_and_shift_tab_goes_back() {
        assert_eq!(
            command(&Key::new(KeyCode::F(10)), Scope::Form, true),
            Some(Command::Quit)
        );
        assert_eq!(
            command(&Key::ctrl('q'), Scope::Form, true),
            Some(Command::Quit)
        );
        assert_eq!(command(&Key::char('q'), Scope::List, false), None);
        let shift_tab = Key::from(KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!(
            command(&shift_tab, Scope::Form, true),
            Some(Command::PrevField)
        );
        let ctrl_upper_s = Key::from(KeyEvent::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        ));
        assert_eq!(
            command(&ctrl_upper_s, Scope::Form, true),
            Some(Command::Save)
        );
    }

    #[test]
    fn alt_with_arabic_indic_digits_and_ctrl_on_the_arabic_layout() {
        assert_eq!(
            command(&Key::alt('٣'), Scope::List, false),
            Some(Command::Show(ScreenId::Services))
        );
        assert_eq!(
            command(&Key::ctrl('س'), Scope::Form, true),
            Some(Command::Save),
            "س sits where s is"
        );
        assert_eq!(
            command(&Key::ctrl('ض'), Scope::Form, true),
            Some(Command::Quit),
            "ض sits where q is"
        );
    }

    #[test]
    fn the_next_problem_and_emptying_a_field_on_either_layout() {
        for k in [Key::new(KeyCode::F(7)), Key::ctrl('e'), Key::ctrl('ث')] {
            assert_eq!(
                command(&k, Scope::Form, true),
                Some(Command::NextProblem),
                "{k:?}"
            );
        }
        assert_eq!(
            command(&Key::ctrl('u'), Scope::Form, true),
            Some(Command::Clear)
        );
        assert_eq!(
            command(&Key::ctrl('ع'), Scope::Form, true),
            Some(Command::Clear),
            "ع sits where u is"
        );
        assert_eq!(command(&Key::char('e'), Scope::Form, false), None);
    }

    #[test]
    fn arabic_indic_digits_are_digits() {
        assert_eq!(latin_equivalent('٣'), '3');
        assert_eq!(latin_equivalent('۷'), '7');
    }

    #[test]
    fn on_the_queue_tab_and_digits_move_between_sections() {
        assert_eq!(
            command(&Key::new(KeyCode::Tab), Scope::Queue, false),
            Some(Command::NextSection)
        );
        assert_eq!(
            command(&Key::new(KeyCode::BackTab), Scope::Queue, false),
            Some(Command::PrevSection)
        );
        assert_eq!(
            command(&Key::char('٣'), Scope::Queue, false),
            Some(Command::Section)
        );
        assert_eq!(section_digit(&Key::char('٣')), Some(3));
        assert_eq!(section_digit(&Key::char('0')), None);
        assert_eq!(section_digit(&Key::alt('3')), None, "Alt+3 is a screen");
        // Elsewhere Tab is still the next field, and digits are typed.
        assert_eq!(
            command(&Key::new(KeyCode::Tab), Scope::Form, true),
            Some(Command::NextField)
        );
        assert_eq!(command(&Key::char('3'), Scope::List, false), None);
        // Help lists the digits under the queue's keys, though they are letters.
        assert_eq!(
            table(Scope::Queue),
            vec![
                ("Tab", "key-next-section"),
                ("Shift+Tab", "key-prev-section"),
                ("1-9", "key-section"),
            ]
        );
        assert!(!table(Scope::Global).iter().any(|(label, _)| *label == "?"));
    }

    #[test]
    fn every_hint_is_in_the_catalog() {
        for b in BINDINGS {
            assert!(crate::i18n::has(b.hint), "{} has no message", b.hint);
        }
    }
}
