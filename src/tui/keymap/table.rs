//! The key table itself: every binding, in footer and help order. Kept
//! apart from the lookup functions in `keymap.rs` so each file stays short.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Binding, Scope};
use crate::app::triage::Choice;

pub(super) const NONE: KeyModifiers = KeyModifiers::NONE;
pub(super) const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
pub(super) const CTRL: KeyModifiers = KeyModifiers::CONTROL;
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
    // the open card: its touches
    bind!(
        Card,
        Action::NextTouch,
        [ch('j'), key(KeyCode::Down)],
        Some("touch"),
        "select the next (older) touch"
    ),
    bind!(
        Card,
        Action::PrevTouch,
        [ch('k'), key(KeyCode::Up)],
        None,
        "select the previous (newer) touch"
    ),
    bind!(
        Card,
        Action::EditTouch,
        [ch('e')],
        Some("edit touch"),
        "fix the selected touch: note, channel, when, outcome, rating"
    ),
    bind!(
        Card,
        Action::RemoveTouch,
        [ch('d')],
        Some("remove touch"),
        "remove the selected touch (asks first)"
    ),
    bind!(
        Card,
        Action::Close,
        [key(KeyCode::Esc), key(KeyCode::Enter)],
        Some("close"),
        "close the card"
    ),
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
    bind!(
        JourFixeTab,
        Action::SkipDate,
        [ch('s')],
        Some("skip"),
        "skip the selected Jour fixe's next date (asks first)"
    ),
    bind!(
        JourFixeTab,
        Action::EditJourFixe,
        [ch('e')],
        Some("edit"),
        "change the selected Jour fixe: rule, time, channel, length, note"
    ),
    bind!(
        JourFixeTab,
        Action::DeleteJourFixe,
        [ch('d')],
        Some("delete"),
        "delete the selected Jour fixe; its touches stay (asks first)"
    ),
    bind!(Global, Action::Add, [ch('a')], Some("add"), "add a contact"),
    bind!(
        Global,
        Action::Triage,
        [ch('t')],
        None,
        "triage: give each contact without a cadence one, key by key"
    ),
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
        Contacts,
        Action::Merge,
        [(KeyCode::Char('M'), SHIFT), ch('M')],
        None,
        "merge the selected contact into its duplicate (asks first)"
    ),
    bind!(
        Global,
        Action::Undo,
        [ch('u')],
        Some("undo"),
        "undo the last change made here (a log, snooze, cadence, hook, follow-up, skip …)"
    ),
    bind!(
        Global,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
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
    bind!(
        Filter,
        Action::Help,
        [key(KeyCode::F(1))],
        Some("help"),
        "show all keys"
    ),
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
        Action::Help,
        [key(KeyCode::F(1))],
        Some("help"),
        "show all keys (? is a letter here)"
    ),
    bind!(
        Choice,
        Action::ChoiceLeft,
        [key(KeyCode::Left)],
        None,
        "previous choice; the underlined letter or digit of a choice picks it"
    ),
    bind!(
        Choice,
        Action::ChoiceRight,
        [key(KeyCode::Right)],
        Some("choose"),
        "next choice (Space and typed words never change a choice)"
    ),
    // triage: the keys of `draht triage`
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(14)),
        [ch('w')],
        Some("2 weeks"),
        "check in every 2 weeks"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(30)),
        [ch('m')],
        Some("monthly"),
        "check in monthly"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(90)),
        [ch('q')],
        Some("quarterly"),
        "check in quarterly (q does not quit here)"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(365)),
        [ch('y')],
        Some("yearly"),
        "check in yearly"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Skip),
        [ch('s')],
        Some("skip"),
        "skip: no cadence for now"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Archive),
        [ch('a')],
        Some("archive"),
        "archive: keep the history, leave the agenda"
    ),
    bind!(
        Triage,
        Action::Close,
        [key(KeyCode::Esc), ch('x')],
        Some("stop"),
        "stop; what was answered stays"
    ),
    bind!(
        Triage,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
        Some("help"),
        "show all keys"
    ),
    // picking a contact
    bind!(
        Pick,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("pick"),
        "pick the highlighted contact"
    ),
    bind!(
        Pick,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("cancel"),
        "cancel"
    ),
    bind!(
        Pick,
        Action::Down,
        [key(KeyCode::Down)],
        Some("move"),
        "move down"
    ),
    bind!(Pick, Action::Up, [key(KeyCode::Up)], None, "move up"),
    bind!(
        Pick,
        Action::Help,
        [key(KeyCode::F(1))],
        Some("help"),
        "show all keys (typing narrows the list)"
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
    bind!(
        Confirm,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
        Some("help"),
        "show all keys"
    ),
];
