//! Triage mode: `t` walks the contacts without a cadence with the keys of
//! `draht triage`, writing each answer through the same store functions.

use super::Got as Outcome;
use super::{Fixture, id_of, message, selected_name};
use crate::app::triage::{Choice, choice};
use crate::schedule::{self, Settings};
use crate::store::{contacts, facts};
use crate::tui::app::Mode;
use crate::tui::data::TodayRow;
use crate::tui::effects::Effect;
use crate::tui::keymap::{self, Action, KEYMAP, Scope};

fn progress(f: &Fixture) -> Option<String> {
    match &f.app.mode {
        Mode::Triage(t) => Some(t.progress()),
        _ => None,
    }
}

/// The demo plus Zoe, so that two people lack a cadence (Clara and Zoe).
fn with_zoe() -> Fixture {
    let mut f = Fixture::demo();
    f.keys("aZoe Park<Enter>");
    assert!(message(&f.app).contains("Added Zoe Park"));
    f
}

#[test]
fn t_walks_the_contacts_without_a_cadence_by_name() {
    let mut f = with_zoe();
    f.press("t");
    assert_eq!(progress(&f).as_deref(), Some("1 of 2"));
    assert_eq!(selected_name(&f.app), "Clara Hoffmann");
    assert_eq!(f.app.scopes(), [Scope::Triage]);
    f.press("s");
    assert_eq!(progress(&f).as_deref(), Some("2 of 2"));
    assert_eq!(selected_name(&f.app), "Zoe Park");
}

#[test]
fn an_answer_is_an_effect_with_the_place_in_the_walk() {
    let mut f = with_zoe();
    let zoe = id_of(&f.app, "Zoe Park");
    assert_eq!(
        f.press("tsq"),
        Outcome::Effect(Effect::Triage {
            contact: zoe,
            choice: Choice::Every(90),
            place: (1, 2),
        }),
        "q is quarterly here, not quit"
    );
}

#[test]
fn answers_land_in_the_store_and_the_walk_ends_with_a_summary() {
    let mut f = with_zoe();
    let clara = id_of(&f.app, "Clara Hoffmann");
    let zoe = id_of(&f.app, "Zoe Park");
    f.keys("tm");
    assert_eq!(progress(&f).as_deref(), Some("2 of 2"));
    assert_eq!(
        message(&f.app),
        "Clara Hoffmann: every 1mo, first check-in from Tue 1 Dec."
    );
    f.keys("y");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        message(&f.app),
        "Triage done: set 2 cadences, archived 0, skipped 0; 0 without a cadence."
    );
    let (c, z) = f
        .store
        .read(|tx| Ok((contacts::get(tx, clara)?, contacts::get(tx, zoe)?)))
        .expect("read");
    assert_eq!(c.cadence_days, Some(30));
    assert_eq!(z.cadence_days, Some(365));
    assert_eq!(z.snoozed_until, None, "a spread is no snooze");
    // the second of two is spread half a cadence out, as in `draht triage`
    let due = f
        .store
        .read(|tx| facts::for_contact(tx, z))
        .map(|facts| schedule::due_date(&facts, &Settings::default()))
        .expect("facts");
    assert_eq!(due, Some(f.app.today_date() + chrono::Duration::days(182)));
}

#[test]
fn the_first_person_triaged_is_due_today_not_overdue_since_being_added() {
    // Clara was added to the demo 30 days ago and never called.
    let mut f = with_zoe();
    f.keys("tm");
    let row = f.app.data.today_rows.iter().find_map(|row| match row {
        TodayRow::Contact { name, when, .. } if name == "Clara Hoffmann" => Some(when.clone()),
        _ => None,
    });
    assert_eq!(row.as_deref(), Some("today"), "{:?}", f.app.data.today_rows);
    let screen = f.screen(100, 30);
    assert!(!screen.contains("30d"), "{screen}");
}

#[test]
fn a_archives_and_esc_stops_keeping_what_was_answered() {
    let mut f = with_zoe();
    let clara = id_of(&f.app, "Clara Hoffmann");
    f.keys("ta<Esc>");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        message(&f.app),
        "Triage stopped: set 0 cadences, archived 1, skipped 0."
    );
    assert!(
        f.app.data.facts_of(clara).is_none(),
        "archived: off the lists"
    );
    let archived = f
        .store
        .read(|tx| contacts::get(tx, clara))
        .expect("read")
        .archived;
    assert!(archived);
}

#[test]
fn other_keys_do_nothing_in_triage() {
    let mut f = with_zoe();
    assert_eq!(f.press("tl2j"), Outcome::Continue);
    assert_eq!(progress(&f).as_deref(), Some("1 of 2"));
    assert_eq!(f.press("<C-c>"), Outcome::Quit, "Ctrl-C still quits");
}

#[test]
fn nothing_to_triage_says_so() {
    let mut f = Fixture::demo();
    // Clara is the demo's only contact without a cadence
    f.keys("tw");
    assert!(message(&f.app).starts_with("Triage done: set 1 cadence,"));
    f.press("t");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        message(&f.app),
        "Every active contact has a cadence; nothing to triage."
    );
}

#[test]
fn the_triage_keys_are_those_of_draht_triage() {
    let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.scope == Scope::Triage).collect();
    for b in &bindings {
        for (code, _) in b.keys {
            let ratatui::crossterm::event::KeyCode::Char(c) = code else {
                continue;
            };
            let expected = match b.action {
                Action::TriageAnswer(answer) => Some(answer),
                Action::Close => Some(Choice::Stop),
                _ => None,
            };
            assert_eq!(choice(*c), expected, "{c}");
        }
    }
    let labels: Vec<&str> = keymap::hints(&[Scope::Triage])
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(
        labels,
        [
            "2 weeks",
            "monthly",
            "quarterly",
            "yearly",
            "skip",
            "archive",
            "stop",
            "help"
        ]
    );
}
