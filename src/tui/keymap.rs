//! The one table of key bindings. Dispatch, the footer hints and the `?`
//! help popup all read [`KEYMAP`], so help never drifts from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    /// In a form: save it.
    Save,
    /// Close whatever is open (modal, filter, zoomed detail).
    Close,
    NextField,
    PrevField,
    /// In a form's choice field: the previous / next choice.
    ChoiceLeft,
    ChoiceRight,
    /// In the log form: pick a channel by its rank (0 = sms … 5 = meet).
    Channel(usize),
    /// In a confirmation: yes.
    Confirm,
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
    /// Typing a `/` filter.
    Filter,
    /// In any form.
    Form,
    /// In the log form, on its channel field.
    LogForm,
    /// In a yes/no question.
    Confirm,
}

impl Scope {
    /// Heading of the scope in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "everywhere",
            Scope::Contact => "on the selected contact",
            Scope::Contacts => "contacts tab",
            Scope::Filter => "while filtering",
            Scope::Form => "in a form",
            Scope::LogForm => "logging a touch",
            Scope::Confirm => "confirming",
        }
    }

    /// Every scope, in help order.
    pub const ALL: [Scope; 7] = [
        Scope::Contact,
        Scope::Global,
        Scope::Contacts,
        Scope::Filter,
        Scope::Form,
        Scope::LogForm,
        Scope::Confirm,
    ];
}

/// One key binding: keys, what it does, where, and its words.
pub struct Binding {
    /// The keys (any of them triggers the action); modifiers must match exactly.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub scope: Scope,
    /// Short label for the footer; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help line.
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

const fn key(code: KeyCode) -> (KeyCode, KeyModifiers) {
    (code, NONE)
}

macro_rules! bind {
    ($scope:ident, $action:expr, [$($k:expr),+], $hint:expr, $help:expr) => {
        Binding {
            keys: &[$($k),+],
            action: $action,
            scope: Scope::$scope,
            hint: $hint,
            help: $help,
        }
    };
}

/// The key bindings, in footer and help order.
pub const KEYMAP: &[Binding] = &[
    // on the selected contact: the footer leads with what people do most
    bind!(
        Contact,
        Action::Log,
        [ch('l')],
        Some("log"),
        "log a touch (call, coffee, e-mail …)"
    ),
    bind!(
        Contact,
        Action::Snooze,
        [ch('s')],
        Some("snooze"),
        "snooze the check-in (1d … 1m or a date)"
    ),
    bind!(
        Contact,
        Action::JourFixe,
        [ch('f')],
        Some("jour fixe"),
        "set a Jour fixe (a standing call or coffee)"
    ),
    bind!(
        Contact,
        Action::Hook,
        [ch('h')],
        Some("hook"),
        "add a hook: a reason to call"
    ),
    bind!(
        Contact,
        Action::FollowUp,
        [ch('r')],
        Some("follow-up"),
        "add a follow-up (Wiedervorlage)"
    ),
    bind!(
        Contact,
        Action::Edit,
        [ch('e')],
        Some("edit"),
        "edit the contact"
    ),
    bind!(
        Contact,
        Action::Cadence,
        [ch('c')],
        None,
        "set how often to check in"
    ),
    bind!(
        Contact,
        Action::Archive,
        [ch('x')],
        None,
        "archive: keep the history, leave the agenda"
    ),
    bind!(
        Contact,
        Action::Delete,
        [ch('d')],
        None,
        "delete the contact and their history"
    ),
    bind!(
        Contact,
        Action::Open,
        [key(KeyCode::Enter)],
        None,
        "open: the contact's card, full width"
    ),
    bind!(Global, Action::Add, [ch('a')], Some("add"), "add a contact"),
    bind!(
        Global,
        Action::Filter,
        [ch('/')],
        Some("filter"),
        "filter contacts by name, tag or company"
    ),
    bind!(
        Contacts,
        Action::Sort,
        [ch('o')],
        Some("sort"),
        "sort by name, status or last touch"
    ),
    bind!(
        Global,
        Action::Help,
        [ch('?')],
        Some("help"),
        "show all keys"
    ),
    bind!(
        Global,
        Action::Quit,
        [ch('q'), (KeyCode::Char('c'), CTRL)],
        Some("quit"),
        "quit"
    ),
    bind!(
        Global,
        Action::Down,
        [ch('j'), key(KeyCode::Down)],
        None,
        "move down"
    ),
    bind!(
        Global,
        Action::Up,
        [ch('k'), key(KeyCode::Up)],
        None,
        "move up"
    ),
    bind!(
        Global,
        Action::PageDown,
        [key(KeyCode::PageDown), (KeyCode::Char('d'), CTRL)],
        None,
        "page down"
    ),
    bind!(
        Global,
        Action::PageUp,
        [key(KeyCode::PageUp), (KeyCode::Char('u'), CTRL)],
        None,
        "page up"
    ),
    bind!(
        Global,
        Action::Top,
        [ch('g'), key(KeyCode::Home)],
        None,
        "first row"
    ),
    bind!(
        Global,
        Action::Bottom,
        [(KeyCode::Char('G'), SHIFT), ch('G'), key(KeyCode::End)],
        None,
        "last row"
    ),
    bind!(
        Global,
        Action::NextTab,
        [key(KeyCode::Tab)],
        None,
        "next tab"
    ),
    bind!(
        Global,
        Action::PrevTab,
        [(KeyCode::BackTab, SHIFT), key(KeyCode::BackTab)],
        None,
        "previous tab"
    ),
    bind!(Global, Action::GoTab(0), [ch('1')], None, "Today"),
    bind!(Global, Action::GoTab(1), [ch('2')], None, "Contacts"),
    bind!(Global, Action::GoTab(2), [ch('3')], None, "Jour fixe"),
    bind!(Global, Action::GoTab(3), [ch('4')], None, "Stats"),
    bind!(
        Global,
        Action::Close,
        [key(KeyCode::Esc)],
        None,
        "close the card, clear the filter"
    ),
    // filter
    bind!(
        Filter,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("keep"),
        "keep the filter and go back to the list"
    ),
    bind!(
        Filter,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("clear"),
        "clear the filter"
    ),
    bind!(
        Filter,
        Action::Down,
        [key(KeyCode::Down)],
        None,
        "move down"
    ),
    bind!(Filter, Action::Up, [key(KeyCode::Up)], None, "move up"),
    // forms
    bind!(
        Form,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("save"),
        "save"
    ),
    bind!(
        Form,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("cancel"),
        "cancel"
    ),
    bind!(
        Form,
        Action::NextField,
        [key(KeyCode::Tab), key(KeyCode::Down)],
        Some("next field"),
        "next field"
    ),
    bind!(
        Form,
        Action::PrevField,
        [
            (KeyCode::BackTab, SHIFT),
            key(KeyCode::BackTab),
            key(KeyCode::Up)
        ],
        None,
        "previous field"
    ),
    bind!(
        Form,
        Action::ChoiceLeft,
        [key(KeyCode::Left)],
        None,
        "previous choice (on a choice field)"
    ),
    bind!(
        Form,
        Action::ChoiceRight,
        [key(KeyCode::Right), ch(' ')],
        None,
        "next choice (on a choice field)"
    ),
    bind!(
        LogForm,
        Action::Channel(0),
        [ch('1')],
        Some("sms"),
        "channel sms"
    ),
    bind!(
        LogForm,
        Action::Channel(1),
        [ch('2')],
        Some("email"),
        "channel e-mail"
    ),
    bind!(
        LogForm,
        Action::Channel(2),
        [ch('3')],
        Some("chat"),
        "channel chat"
    ),
    bind!(
        LogForm,
        Action::Channel(3),
        [ch('4')],
        Some("call"),
        "channel call"
    ),
    bind!(
        LogForm,
        Action::Channel(4),
        [ch('5')],
        Some("video"),
        "channel video"
    ),
    bind!(
        LogForm,
        Action::Channel(5),
        [ch('6')],
        Some("meet"),
        "channel meeting in person"
    ),
    // confirm
    bind!(
        Confirm,
        Action::Confirm,
        [ch('y'), ch('Y')],
        Some("yes"),
        "yes, do it"
    ),
    bind!(
        Confirm,
        Action::Close,
        [ch('n'), ch('N'), key(KeyCode::Esc)],
        Some("no"),
        "no, keep it"
    ),
];

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
        other => format!("{other:?}"),
    };
    if mods.contains(CTRL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The footer hints for the scopes in force: `(key, label)`, in table order.
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for scope in scopes {
        for b in KEYMAP.iter().filter(|b| b.scope == *scope) {
            if let Some(hint) = b.hint {
                out.push((key_name(b.keys[0]), hint));
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
                    (keys.join(" "), b.help)
                })
                .collect();
            (scope, lines)
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
    fn log_form_channels_go_by_richness() {
        let names: Vec<&str> = hints(&[Scope::LogForm])
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert_eq!(names, ["sms", "email", "chat", "call", "video", "meet"]);
        assert_eq!(
            action_for(&[Scope::LogForm], &press(KeyCode::Char('4'))),
            Some(Action::Channel(3))
        );
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

    #[test]
    fn help_lists_every_binding() {
        let lines: usize = help().iter().map(|(_, l)| l.len()).sum();
        assert_eq!(lines, KEYMAP.len());
    }
}
