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
        Some("tui-key-card-next-touch-hint"),
        "tui-key-card-next-touch"
    ),
    bind!(
        Card,
        Action::PrevTouch,
        [ch('k'), key(KeyCode::Up)],
        None,
        "tui-key-card-prev-touch"
    ),
    bind!(
        Card,
        Action::EditTouch,
        [ch('e')],
        Some("tui-key-card-edit-touch-hint"),
        "tui-key-card-edit-touch"
    ),
    bind!(
        Card,
        Action::RemoveTouch,
        [ch('d')],
        Some("tui-key-card-remove-touch-hint"),
        "tui-key-card-remove-touch"
    ),
    bind!(
        Card,
        Action::Close,
        [key(KeyCode::Esc), key(KeyCode::Enter)],
        Some("tui-key-card-close-hint"),
        "tui-key-card-close"
    ),
    // on the selected contact: the footer leads with what people do most
    bind!(
        Contact,
        Action::Log,
        [ch('l')],
        Some("tui-key-contact-log-hint"),
        "tui-key-contact-log"
    ),
    bind!(
        Contact,
        Action::Snooze,
        [ch('s')],
        Some("tui-key-contact-snooze-hint"),
        "tui-key-contact-snooze"
    ),
    bind!(
        Contact,
        Action::JourFixe,
        [ch('f')],
        Some("tui-key-contact-jour-fixe-hint"),
        "tui-key-contact-jour-fixe"
    ),
    bind!(
        Contact,
        Action::Hook,
        [ch('h')],
        Some("tui-key-contact-hook-hint"),
        "tui-key-contact-hook"
    ),
    bind!(
        Contact,
        Action::FollowUp,
        [ch('r')],
        Some("tui-key-contact-follow-up-hint"),
        "tui-key-contact-follow-up"
    ),
    bind!(
        Contact,
        Action::Edit,
        [ch('e')],
        Some("tui-key-contact-edit-hint"),
        "tui-key-contact-edit"
    ),
    bind!(
        Contact,
        Action::Cadence,
        [ch('c')],
        None,
        "tui-key-contact-cadence"
    ),
    bind!(
        Contact,
        Action::Archive,
        [ch('x')],
        None,
        "tui-key-contact-archive"
    ),
    bind!(
        Contact,
        Action::Delete,
        [ch('d')],
        None,
        "tui-key-contact-delete"
    ),
    bind!(
        Contact,
        Action::Open,
        [key(KeyCode::Enter)],
        None,
        "tui-key-contact-open"
    ),
    bind!(
        JourFixeTab,
        Action::SkipDate,
        [ch('s')],
        Some("tui-key-jour-fixe-tab-skip-date-hint"),
        "tui-key-jour-fixe-tab-skip-date"
    ),
    bind!(
        JourFixeTab,
        Action::EditJourFixe,
        [ch('e')],
        Some("tui-key-jour-fixe-tab-edit-jour-fixe-hint"),
        "tui-key-jour-fixe-tab-edit-jour-fixe"
    ),
    bind!(
        JourFixeTab,
        Action::DeleteJourFixe,
        [ch('d')],
        Some("tui-key-jour-fixe-tab-delete-jour-fixe-hint"),
        "tui-key-jour-fixe-tab-delete-jour-fixe"
    ),
    bind!(
        Global,
        Action::Add,
        [ch('a')],
        Some("tui-key-global-add-hint"),
        "tui-key-global-add"
    ),
    bind!(
        Global,
        Action::Triage,
        [ch('t')],
        None,
        "tui-key-global-triage"
    ),
    bind!(
        Global,
        Action::Filter,
        [ch('/')],
        Some("tui-key-global-filter-hint"),
        "tui-key-global-filter"
    ),
    bind!(
        Contacts,
        Action::Sort,
        [ch('o')],
        Some("tui-key-contacts-sort-hint"),
        "tui-key-contacts-sort"
    ),
    bind!(
        Contacts,
        Action::Merge,
        [(KeyCode::Char('M'), SHIFT), ch('M')],
        None,
        "tui-key-contacts-merge"
    ),
    bind!(
        Global,
        Action::Undo,
        [ch('u')],
        Some("tui-key-global-undo-hint"),
        "tui-key-global-undo"
    ),
    bind!(
        Global,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-global-help"
    ),
    bind!(
        Global,
        Action::Quit,
        [ch('q'), (KeyCode::Char('c'), CTRL)],
        Some("tui-key-global-quit-hint"),
        "tui-key-global-quit"
    ),
    bind!(
        Global,
        Action::Down,
        [ch('j'), key(KeyCode::Down)],
        None,
        "tui-key-global-down"
    ),
    bind!(
        Global,
        Action::Up,
        [ch('k'), key(KeyCode::Up)],
        None,
        "tui-key-global-up"
    ),
    bind!(
        Global,
        Action::PageDown,
        [key(KeyCode::PageDown), (KeyCode::Char('d'), CTRL)],
        None,
        "tui-key-global-page-down"
    ),
    bind!(
        Global,
        Action::PageUp,
        [key(KeyCode::PageUp), (KeyCode::Char('u'), CTRL)],
        None,
        "tui-key-global-page-up"
    ),
    bind!(
        Global,
        Action::Top,
        [ch('g'), key(KeyCode::Home)],
        None,
        "tui-key-global-top"
    ),
    bind!(
        Global,
        Action::Bottom,
        [(KeyCode::Char('G'), SHIFT), ch('G'), key(KeyCode::End)],
        None,
        "tui-key-global-bottom"
    ),
    bind!(
        Global,
        Action::NextTab,
        [key(KeyCode::Tab)],
        None,
        "tui-key-global-next-tab"
    ),
    bind!(
        Global,
        Action::PrevTab,
        [(KeyCode::BackTab, SHIFT), key(KeyCode::BackTab)],
        None,
        "tui-key-global-prev-tab"
    ),
    bind!(
        Global,
        Action::GoTab(0),
        [ch('1')],
        None,
        "tui-key-global-go-tab-0"
    ),
    bind!(
        Global,
        Action::GoTab(1),
        [ch('2')],
        None,
        "tui-key-global-go-tab-1"
    ),
    bind!(
        Global,
        Action::GoTab(2),
        [ch('3')],
        None,
        "tui-key-global-go-tab-2"
    ),
    bind!(
        Global,
        Action::GoTab(3),
        [ch('4')],
        None,
        "tui-key-global-go-tab-3"
    ),
    bind!(
        Global,
        Action::Close,
        [key(KeyCode::Esc)],
        None,
        "tui-key-global-close"
    ),
    // filter
    bind!(
        Filter,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("tui-key-filter-save-hint"),
        "tui-key-filter-save"
    ),
    bind!(
        Filter,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("tui-key-filter-close-hint"),
        "tui-key-filter-close"
    ),
    bind!(
        Filter,
        Action::Down,
        [key(KeyCode::Down)],
        None,
        "tui-key-filter-down"
    ),
    bind!(
        Filter,
        Action::Up,
        [key(KeyCode::Up)],
        None,
        "tui-key-filter-up"
    ),
    bind!(
        Filter,
        Action::Help,
        [key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-filter-help"
    ),
    // forms
    bind!(
        Form,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("tui-key-form-save-hint"),
        "tui-key-form-save"
    ),
    bind!(
        Form,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("tui-key-form-close-hint"),
        "tui-key-form-close"
    ),
    bind!(
        Form,
        Action::NextField,
        [key(KeyCode::Tab), key(KeyCode::Down)],
        Some("tui-key-form-next-field-hint"),
        "tui-key-form-next-field"
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
        "tui-key-form-prev-field"
    ),
    bind!(
        Form,
        Action::Help,
        [key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-form-help"
    ),
    bind!(
        Choice,
        Action::ChoiceLeft,
        [key(KeyCode::Left)],
        None,
        "tui-key-choice-choice-left"
    ),
    bind!(
        Choice,
        Action::ChoiceRight,
        [key(KeyCode::Right)],
        Some("tui-key-choice-choice-right-hint"),
        "tui-key-choice-choice-right"
    ),
    // triage: the keys of `draht triage`
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(14)),
        [ch('w')],
        Some("tui-key-triage-triage-answer-choice-every-14-hint"),
        "tui-key-triage-triage-answer-choice-every-14"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(30)),
        [ch('m')],
        Some("tui-key-triage-triage-answer-choice-every-30-hint"),
        "tui-key-triage-triage-answer-choice-every-30"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(90)),
        [ch('q')],
        Some("tui-key-triage-triage-answer-choice-every-90-hint"),
        "tui-key-triage-triage-answer-choice-every-90"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Every(365)),
        [ch('y')],
        Some("tui-key-triage-triage-answer-choice-every-365-hint"),
        "tui-key-triage-triage-answer-choice-every-365"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Skip),
        [ch('s')],
        Some("tui-key-triage-triage-answer-choice-skip-hint"),
        "tui-key-triage-triage-answer-choice-skip"
    ),
    bind!(
        Triage,
        Action::TriageAnswer(Choice::Archive),
        [ch('a')],
        Some("tui-key-triage-triage-answer-choice-archive-hint"),
        "tui-key-triage-triage-answer-choice-archive"
    ),
    bind!(
        Triage,
        Action::Close,
        [key(KeyCode::Esc), ch('x')],
        Some("tui-key-triage-close-hint"),
        "tui-key-triage-close"
    ),
    bind!(
        Triage,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-triage-help"
    ),
    // picking a contact
    bind!(
        Pick,
        Action::Save,
        [key(KeyCode::Enter)],
        Some("tui-key-pick-save-hint"),
        "tui-key-pick-save"
    ),
    bind!(
        Pick,
        Action::Close,
        [key(KeyCode::Esc)],
        Some("tui-key-pick-close-hint"),
        "tui-key-pick-close"
    ),
    bind!(
        Pick,
        Action::Down,
        [key(KeyCode::Down)],
        Some("tui-key-pick-down-hint"),
        "tui-key-pick-down"
    ),
    bind!(
        Pick,
        Action::Up,
        [key(KeyCode::Up)],
        None,
        "tui-key-pick-up"
    ),
    bind!(
        Pick,
        Action::Help,
        [key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-pick-help"
    ),
    // confirm
    bind!(
        Confirm,
        Action::Confirm,
        [ch('y'), ch('Y')],
        Some("tui-key-confirm-confirm-hint"),
        "tui-key-confirm-confirm"
    ),
    bind!(
        Confirm,
        Action::Close,
        [ch('n'), ch('N'), key(KeyCode::Esc)],
        Some("tui-key-confirm-close-hint"),
        "tui-key-confirm-close"
    ),
    bind!(
        Confirm,
        Action::Help,
        [ch('?'), key(KeyCode::F(1))],
        Some("tui-key-help-hint"),
        "tui-key-confirm-help"
    ),
];
