//! Writes through effects, and changes made by another process, reach the
//! screen without losing the selection.

use chrono::Duration;

use super::{Fixture, id_of, now, selected_name};
use crate::model::{Channel, Outcome as TouchOutcome, Touch};
use crate::schedule::Status;
use crate::store::{Store, touches};
use crate::tui::Reload;
use crate::tui::app::{Modal, Mode, Tab};

#[test]
fn logging_a_call_takes_anna_off_the_overdue_list() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(
        f.app.data.checkin_of(anna).map(|c| c.status),
        Some(Status::Overdue)
    );
    f.keys("lQ4 planning<Tab>4<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        f.app.message.as_ref().map(|m| m.text.as_str()),
        Some("Logged call with Anna Schmidt.")
    );
    assert!(
        f.app
            .data
            .ov
            .agenda
            .overdue
            .iter()
            .all(|e| e.contact_id != anna)
    );
    // on to the next person who still needs a call
    assert_eq!(selected_name(&f.app), "Jonas Weber");
    let stored = f
        .store
        .read(|tx| touches::for_contact(tx, anna, Some(1)))
        .unwrap();
    assert_eq!(stored[0].channel, Channel::Call);
    assert_eq!(stored[0].note.as_deref(), Some("Q4 planning"));
    // her card's timeline has it at the top
    f.keys("2");
    f.app.select_contact(anna);
    f.sync
        .refresh(&mut f.app, &mut f.store, crate::tui::Reload::Nothing)
        .unwrap();
    let brief = f.app.current_brief().expect("brief");
    assert_eq!(brief.touches[0].note.as_deref(), Some("Q4 planning"));
}

#[test]
fn a_store_error_keeps_the_form_open_with_the_reason() {
    let mut f = Fixture::demo();
    f.keys("aAnna Schmidt<Enter>");
    let Mode::Modal(modal) = &f.app.mode else {
        panic!("the form should stay open");
    };
    let Modal::Form(form) = &**modal else {
        panic!("a form");
    };
    let error = form.error.as_deref().unwrap_or_default();
    assert!(error.contains("already exists"), "{error}");
}

#[test]
fn adding_a_contact_selects_them() {
    let mut f = Fixture::demo();
    f.keys("2aZoe Park<Tab><Tab>2w<Enter>");
    assert_eq!(f.app.tab, Tab::Contacts);
    assert_eq!(selected_name(&f.app), "Zoe Park");
}

#[test]
fn deleting_asks_then_removes_the_contact() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    f.keys("dn");
    assert!(f.app.data.facts_of(anna).is_some());
    f.keys("dy");
    assert!(f.app.data.facts_of(anna).is_none());
    assert!(f.app.selected_id().is_some(), "the selection moves on");
}

#[test]
fn a_write_by_another_process_shows_up_and_the_selection_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let mut store = Store::open(&path).unwrap();
    crate::demo::seed(&mut store, now()).unwrap();
    let mut f = Fixture::on(store);
    f.keys("2jjjj"); // Contacts tab, a contact in the middle
    let chosen = selected_name(&f.app);
    let jonas = id_of(&f.app, "Jonas Weber");
    assert_eq!(
        f.app.data.checkin_of(jonas).map(|c| c.status),
        Some(Status::Overdue)
    );

    // `draht log jonas coffee` in another shell
    let mut other = Store::open(&path).unwrap();
    other
        .write(|tx| {
            let touch = Touch::new(
                now() - Duration::hours(1),
                Channel::Meet,
                TouchOutcome::Done,
                vec![jonas],
            );
            touches::insert(tx, &touch, now())
        })
        .unwrap();

    f.sync
        .refresh(&mut f.app, &mut f.store, Reload::Nothing)
        .unwrap();
    assert_ne!(
        f.app.data.checkin_of(jonas).map(|c| c.status),
        Some(Status::Overdue)
    );
    assert_eq!(selected_name(&f.app), chosen);
}

#[test]
fn nothing_is_reloaded_when_nothing_changed() {
    let mut f = Fixture::demo();
    f.app.data.today_rows.clear(); // a reload would rebuild them
    f.sync
        .refresh(&mut f.app, &mut f.store, Reload::Nothing)
        .unwrap();
    assert!(f.app.data.today_rows.is_empty());
}

#[test]
fn a_new_day_reloads() {
    let mut f = Fixture::demo();
    assert!(!f.app.set_now(now() + Duration::hours(1)));
    assert!(f.app.set_now(now() + Duration::days(1)));
}
