//! `u` takes the last write of the session back, through the app layer,
//! and the database is as it was before it — for a logged call, a snooze,
//! a cadence, a hook, a follow-up, a skipped Jour fixe date and the rest.

use super::{Fixture, id_of, message, selected_name};
use crate::model::Id;
use crate::store::{Store, contacts, followups, hooks, jourfixe, touches};
use crate::tui::app::Mode;

/// What a write can change, for one contact: the record, touches, hooks,
/// follow-ups and Jour fixe (with their skipped dates), and the hooks' last
/// use.
fn state(store: &mut Store, id: Id) -> String {
    store
        .read(|tx| {
            Ok(format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                contacts::get(tx, id)?,
                touches::for_contact(tx, id, None)?,
                hooks::for_contact(tx, id)?,
                followups::open_for_contact(tx, id)?,
                jourfixe::for_contact(tx, id)?,
            ))
        })
        .expect("read")
}

/// Performs `keys` on the demo, then `u`: the selected contact's records
/// are as before, and the footer says what was undone.
fn undone(keys: &str, said: &str) -> Fixture {
    let mut f = Fixture::demo();
    let id = f.app.selected_id().expect("someone selected");
    let before = state(&mut f.store, id);
    f.keys(keys);
    assert!(
        matches!(f.app.mode, Mode::Normal),
        "{keys}: {}",
        message(&f.app)
    );
    assert_ne!(state(&mut f.store, id), before, "{keys} wrote nothing");
    f.keys("u");
    assert_eq!(state(&mut f.store, id), before, "{keys}: not undone");
    let text = message(&f.app);
    assert!(
        text.starts_with(&format!("Undone: {said}")),
        "{keys}: {text}"
    );
    f
}

#[test]
fn u_takes_back_a_logged_call_and_its_hook_is_fresh_again() {
    // the call used Anna's project hook ("p" on the hook field)
    let f = undone(
        "lQ4 planning<Tab>4<Tab><Tab><Tab><Tab><Tab>p<Enter>",
        "the call with Anna Schmidt.",
    );
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(
        f.app.data.checkin_of(anna).map(|c| c.days_overdue),
        Some(7),
        "overdue again, as before"
    );
}

#[test]
fn u_takes_back_a_snooze() {
    undone("s<Enter>", "the snooze of Anna Schmidt.");
}

#[test]
fn u_takes_back_a_cadence() {
    undone("c<C-u>3mo<Enter>", "the cadence of Anna Schmidt.");
}

#[test]
fn u_takes_back_an_edit() {
    undone(
        "e<C-u>Anna Schmidt-Berg<Enter>",
        "the changes to Anna Schmidt-Berg.",
    );
}

#[test]
fn u_takes_back_a_hook() {
    undone(
        "hask about the Berlin marathon<Enter>",
        "the hook for Anna Schmidt.",
    );
}

#[test]
fn u_takes_back_a_follow_up() {
    undone(
        "rfri<Tab>send the offer<Enter>",
        "the follow-up for Anna Schmidt.",
    );
}

#[test]
fn u_takes_back_a_jour_fixe() {
    undone("fweekly fri<Enter>", "the Jour fixe with Anna Schmidt.");
}

#[test]
fn u_takes_back_an_archive() {
    let f = undone("xy", "archiving Anna Schmidt.");
    assert!(f.app.data.facts_of(id_of(&f.app, "Anna Schmidt")).is_some());
}

#[test]
fn u_takes_back_a_skipped_date_and_a_changed_or_deleted_jour_fixe() {
    // the first Jour fixe on the tab is Ingrid's Sunday call
    let mut f = Fixture::demo();
    let ingrid = id_of(&f.app, "Ingrid Rau");
    let before = state(&mut f.store, ingrid);
    for (keys, said) in [
        ("3sy", "Undone: skipping Sun 6 Dec with Ingrid Rau."),
        (
            "3e<C-u>weekly sat 17:00<Enter>",
            "Undone: the change to the Jour fixe",
        ),
        ("3dy", "Undone: deleting the Jour fixe with Ingrid Rau."),
    ] {
        f.keys(keys);
        assert_ne!(state(&mut f.store, ingrid), before, "{keys}");
        f.keys("u");
        let text = message(&f.app);
        assert!(text.starts_with(said), "{keys}: {text}");
        if keys != "3dy" {
            assert_eq!(state(&mut f.store, ingrid), before, "{keys}");
        }
    }
    // a deleted Jour fixe comes back whole, under a new id
    let back = f
        .store
        .read(|tx| jourfixe::for_contact(tx, ingrid))
        .unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].rrule, "FREQ=WEEKLY;BYDAY=SU");
    assert_eq!(
        back[0].time.map(|t| t.to_string()).as_deref(),
        Some("18:00:00")
    );
}

#[test]
fn u_takes_back_a_fixed_or_removed_touch() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    let before = state(&mut f.store, anna);
    f.keys("<Enter>e<C-u>numbers for the offer<Enter>");
    assert_ne!(state(&mut f.store, anna), before);
    f.keys("u");
    assert_eq!(state(&mut f.store, anna), before);
    // removed and logged again: the same touch under a new id
    let count = |f: &mut Fixture| {
        f.store
            .read(|tx| touches::for_contact(tx, anna, None))
            .unwrap()
            .len()
    };
    let n = count(&mut f);
    // the card is still open: d removes its selected touch
    assert!(f.app.zoom);
    f.keys("dy");
    assert_eq!(count(&mut f), n - 1);
    f.keys("u");
    assert_eq!(count(&mut f), n);
    assert!(message(&f.app).starts_with("Undone: removing the email of Mon 30 Nov."));
}

#[test]
fn u_undoes_one_write_only_and_says_when_there_is_none() {
    let mut f = Fixture::demo();
    f.keys("u");
    assert_eq!(
        message(&f.app),
        "nothing to undo: no change made here since draht started"
    );
    f.keys("s<Enter>u");
    assert!(message(&f.app).starts_with("Undone"));
    f.keys("u");
    assert!(
        message(&f.app).starts_with("nothing to undo: the last change was undone already"),
        "an undo is not undone: {}",
        message(&f.app)
    );
    // a deletion offers no undo, and says so
    f.keys("dy");
    f.keys("u");
    assert!(
        message(&f.app)
            .starts_with("nothing to undo: the last change cannot be taken back (Deleted"),
        "{}",
        message(&f.app)
    );
}

#[test]
fn u_takes_back_a_triage_answer() {
    let mut f = Fixture::demo();
    let clara = id_of(&f.app, "Clara Hoffmann");
    let before = state(&mut f.store, clara);
    f.keys("tm<Esc>");
    assert_ne!(state(&mut f.store, clara), before);
    f.keys("u");
    assert_eq!(state(&mut f.store, clara), before);
    assert!(message(&f.app).starts_with("Undone: the triage answer for Clara Hoffmann."));
}

#[test]
fn after_logging_the_selection_moves_to_the_next_who_needs_a_call() {
    let mut f = Fixture::demo();
    assert_eq!(selected_name(&f.app), "Anna Schmidt");
    f.keys("l<Enter>");
    assert_eq!(selected_name(&f.app), "Jonas Weber");
    f.keys("l<Enter>");
    assert_eq!(selected_name(&f.app), "Jürgen Müller");
    // the last one overdue: nobody left who needs a call, the selection stays in place
    f.keys("l<Enter>");
    assert!(f.app.selected_id().is_some());
}
