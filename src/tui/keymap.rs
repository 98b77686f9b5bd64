//! The one table of key bindings. Dispatch, the footer hints and the `?`
//! help popup all read [`KEYMAP`], so help never drifts from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::triage::Choice;
use crate::tr;

/// The footer label of the help key, in every scope that has one.
pub const HELP_HINT: &str = "tui-key-help-hint";

/// Everything a key can ask for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    GoTab(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Filter,
    Sort,
    Help,
    Log,
    Add,
    Edit,
    Cadence,
    Snooze,
    JourFixe,
    Hook,
    FollowUp,
    Archive,
    Delete,
    /// Walk the contacts without a cadence (triage mode).
    Triage,
    /// In triage: the answer for the contact shown.
    TriageAnswer(Choice),
    /// On the Jour fixe tab: skip the selected one's next date.
    SkipDate,
    /// On the Jour fixe tab: delete the selected Jour fixe.
    DeleteJourFixe,
    /// In a form: save it.
    Save,
    /// Close whatever is open (modal, filter, zoomed detail).
    Close,
    NextField,
    PrevField,
    /// In a form's choice field: the previous / next choice.
    ChoiceLeft,
    ChoiceRight,
    /// On the Jour fixe tab: change the selected Jour fixe.
    EditJourFixe,
    /// In the open card: select the next / previous touch.
    NextTouch,
    PrevTouch,
    /// In the open card: fix or remove the selected touch.
    EditTouch,
    RemoveTouch,
    /// Undo the last write of the session.
    Undo,
    /// In a confirmation: yes.
    Confirm,
    /// On the Contacts tab: merge the selected contact into another.
    Merge,
}

/// Where a binding applies.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere outside a modal.
    Global,
    /// On a tab with a contact list (Today, Contacts, Jour fixe).
    Contact,
    /// Only on the Contacts tab.
    Contacts,
    /// Only on the Jour fixe tab (before the contact keys).
    JourFixeTab,
    /// Typing a `/` filter.
    Filter,
    /// In any form.
    Form,
    /// On a form's choice field.
    Choice,
    /// In the open card (Enter), before the contact keys.
    Card,
    /// Walking the contacts without a cadence.
    Triage,
    /// In a yes/no question.
    Confirm,
    /// Picking a contact from a list (whom to merge into).
    Pick,
}

impl Scope {
    /// Heading of the scope in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => tr!("tui-scope-global"),
            Scope::Contact => tr!("tui-scope-contact"),
            Scope::Contacts => tr!("tui-scope-contacts"),
            Scope::JourFixeTab => tr!("tui-scope-jourfixe"),
            Scope::Filter => tr!("tui-scope-filter"),
            Scope::Form => tr!("tui-scope-form"),
            Scope::Choice => tr!("tui-scope-choice"),
            Scope::Card => tr!("tui-scope-card"),
            Scope::Triage => tr!("tui-scope-triage"),
            Scope::Confirm => tr!("tui-scope-confirm"),
            Scope::Pick => tr!("tui-scope-pick"),
        }
    }

    /// Every scope, in help order.
    pub const ALL: [Scope; 11] = [
        Scope::Contact,
        Scope::Global,
        Scope::Contacts,
        Scope::JourFixeTab,
        Scope::Card,
        Scope::Filter,
        Scope::Form,
        Scope::Choice,
        Scope::Triage,
        Scope::Pick,
        Scope::Confirm,
    ];
}

/// One key binding: keys, what it does, where, and its words.
pub struct Binding {
    /// The keys (any of them triggers the action); modifiers must match exactly.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub scope: Scope,
    /// The message id of the short label for the footer; `None` keeps it
    /// out of the footer.
    pub hint: Option<&'static str>,
    /// The message id of the help line.
    pub help: &'static str,
}

mod table;

pub use table::KEYMAP;
use table::{CTRL, SHIFT};

/// Whether `binding` is triggered by `event`.
fn matches(binding: &Binding, event: &KeyEvent) -> bool {
    binding.keys.iter().any(|(code, mods)| {
        *code == event.code
            && (*mods == event.modifiers
                // upper-case letters arrive with or without SHIFT depending on the terminal
                || matches!(code, KeyCode::Char(c) if c.is_uppercase())
                    && event.modifiers.difference(SHIFT).is_empty())
    })
}

/// The action bound to `event` in the first of `scopes` that binds it.
pub fn action_for(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        KEYMAP
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| matches(b, event))
            .map(|b| b.action)
    })
}

/// How a key is written in hints and help: `l`, `Enter`, `Ctrl-c`.
pub fn key_name((code, mods): (KeyCode, KeyModifiers)) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(CTRL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The footer hints for the scopes in force: `(key, label)`, in table
/// order. A key that an earlier scope binds is left out where it is
/// shadowed (on the Jour fixe tab `s` skips a date, it does not snooze).
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (i, scope) in scopes.iter().enumerate() {
        let shadowed = |k: &(KeyCode, KeyModifiers)| {
            KEYMAP
                .iter()
                .filter(|b| scopes[..i].contains(&b.scope))
                .any(|b| b.keys.contains(k))
        };
        for b in KEYMAP.iter().filter(|b| b.scope == *scope) {
            if let Some(hint) = b.hint
                && !shadowed(&b.keys[0])
            {
                out.push((key_name(b.keys[0]), tr!(hint)));
            }
        }
    }
    out
}

/// The help popup: for each scope, `(keys, help)` lines.
pub fn help() -> Vec<(Scope, Vec<(String, &'static str)>)> {
    Scope::ALL
        .into_iter()
        .map(|scope| {
            let lines = KEYMAP
                .iter()
                .filter(|b| b.scope == scope)
                .map(|b| {
                    let mut keys: Vec<String> = b.keys.iter().map(|k| key_name(*k)).collect();
                    keys.dedup();
                    (keys.join(" "), tr!(b.help))
                })
                .collect();
            (scope, lines)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::table::NONE;
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn one_key_means_one_thing_per_scope() {
        for scope in Scope::ALL {
            let mut seen = Vec::new();
            for b in KEYMAP.iter().filter(|b| b.scope == scope) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {scope:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn contact_keys_follow_the_design() {
        let on_contact = [Scope::Contact, Scope::Global];
        for (c, action) in [
            ('l', Action::Log),
            ('a', Action::Add),
            ('e', Action::Edit),
            ('s', Action::Snooze),
            ('f', Action::JourFixe),
            ('h', Action::Hook),
            ('r', Action::FollowUp),
            ('d', Action::Delete),
            ('/', Action::Filter),
            ('q', Action::Quit),
            ('?', Action::Help),
        ] {
            assert_eq!(
                action_for(&on_contact, &press(KeyCode::Char(c))),
                Some(action),
                "{c}"
            );
        }
    }

    #[test]
    fn choice_fields_take_arrows_and_never_space() {
        let on_choice = [Scope::Choice, Scope::Form];
        assert_eq!(
            action_for(&on_choice, &press(KeyCode::Right)),
            Some(Action::ChoiceRight)
        );
        assert_eq!(action_for(&on_choice, &press(KeyCode::Char(' '))), None);
        // on a text field the arrows move the cursor
        assert_eq!(action_for(&[Scope::Form], &press(KeyCode::Left)), None);
    }

    #[test]
    fn ctrl_c_quits_and_shifted_g_goes_to_the_bottom() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), CTRL);
        assert_eq!(action_for(&[Scope::Global], &ctrl_c), Some(Action::Quit));
        let big_g = KeyEvent::new(KeyCode::Char('G'), SHIFT);
        assert_eq!(action_for(&[Scope::Global], &big_g), Some(Action::Bottom));
        // a plain c is the cadence, not quit
        assert_eq!(
            action_for(&[Scope::Contact, Scope::Global], &press(KeyCode::Char('c'))),
            Some(Action::Cadence)
        );
    }

    /// The README's TUI section names every letter and symbol key the
    /// table binds outside forms, so the written reference and `?` agree.
    #[test]
    fn the_readme_names_every_key() {
        let readme = include_str!("../../README.md");
        let start = readme.find("## The TUI").expect("a TUI section");
        let section = &readme[start..];
        let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
        for b in KEYMAP.iter().filter(|b| {
            matches!(
                b.scope,
                Scope::Contact
                    | Scope::Global
                    | Scope::Contacts
                    | Scope::JourFixeTab
                    | Scope::Card
                    | Scope::Triage
            )
        }) {
            for k in b.keys {
                if let (KeyCode::Char(c), m) = k
                    && !c.is_ascii_digit()
                    && !m.contains(CTRL)
                {
                    assert!(
                        section.contains(&format!("`{c}`")),
                        "README's TUI section lacks `{c}` ({})",
                        b.help
                    );
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let lines: usize = help().iter().map(|(_, l)| l.len()).sum();
        assert_eq!(lines, KEYMAP.len());
    }
}
