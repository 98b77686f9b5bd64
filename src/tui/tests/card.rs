//! What the TUI does beyond logging one person: a touch with others
//! (`--with`), fixing and removing a touch from the open card (`draht
//! touch edit/rm`), and changing a Jour fixe — each stored as the CLI
//! would store it.

use super::{Fixture, Got, form_error, id_of, message};
use crate::model::{Channel, Outcome as Done};
use crate::store::{jourfixe, touches};
use crate::tui::app::{Modal, Mode};
use crate::tui::effects::Effect;

#[test]
fn the_log_form_adds_people_by_name_as_log_with_does() {
    let mut f = Fixture::demo();
    let (anna, jonas, lea) = (
        id_of(&f.app, "Anna Schmidt"),
        id_of(&f.app, "Jonas Weber"),
        id_of(&f.app, "Lea Brandt"),
    );
    // "jonas" by the start of his name, "lea" too; Anna twice is once
    f.keys("ldinner at Lea's<Tab>6<Tab><Tab>jonas, lea, anna<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal), "{:?}", form_error(&f));
    assert_eq!(
        message(&f.app),
        "Logged meet with Anna Schmidt and Jonas Weber and Lea Brandt."
    );
    let stored = f
        .store
        .read(|tx| touches::for_contact(tx, jonas, Some(1)))
        .unwrap();
    assert_eq!(stored[0].participants, [anna, jonas, lea]);
    assert_eq!(stored[0].note.as_deref(), Some("dinner at Lea's"));
}

#[test]
fn a_name_that_means_several_or_nobody_keeps_the_form_open() {
    let mut f = Fixture::demo();
    // J is Jonas and Jürgen: the form says so as you type, and will not save
    f.press("l<Tab><Tab><Tab>j");
    let Mode::Modal(modal) = &f.app.mode else {
        panic!("no form")
    };
    let Modal::Form(form) = &**modal else {
        panic!("no form")
    };
    let live = form.live().expect("a live line").unwrap_err();
    assert!(
        live.contains("Jonas Weber") && live.contains("Jürgen Müller"),
        "{live}"
    );
    assert_eq!(f.press("<Enter>"), Got::Continue);
    assert!(form_error(&f).is_some_and(|e| e.contains("type more")));
    f.press("<C-u>zora<Enter>");
    assert!(form_error(&f).is_some_and(|e| e.contains("nobody is called \"zora\"")));
}

#[test]
fn e_in_the_open_card_fixes_the_selected_touch() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    let newest = |f: &mut Fixture| {
        f.store
            .read(|tx| touches::for_contact(tx, anna, Some(2)))
            .unwrap()
    };
    let before = newest(&mut f);
    // the second touch: the e-mail of 28 Nov becomes a missed call
    f.keys("<Enter>je<C-u>no answer<Tab>4<Tab><Tab>m<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal), "{:?}", form_error(&f));
    assert_eq!(
        message(&f.app),
        "Fixed the call of Sat 28 Nov with Anna Schmidt."
    );
    let after = newest(&mut f);
    assert_eq!(after[1].id, before[1].id, "the same touch");
    assert_eq!(
        after[1].at, before[1].at,
        "when, left as it was, stays exact"
    );
    assert_eq!(after[1].channel, Channel::Call);
    assert_eq!(after[1].outcome, Done::Missed);
    assert_eq!(after[1].note.as_deref(), Some("no answer"));
    assert_eq!(after[0], before[0], "the other touch is untouched");
}

#[test]
fn d_in_the_open_card_removes_the_selected_touch_after_asking() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    let count = |f: &mut Fixture| {
        f.store
            .read(|tx| touches::for_contact(tx, anna, None))
            .unwrap()
            .len()
    };
    let n = count(&mut f);
    f.keys("<Enter>d");
    let Mode::Modal(modal) = &f.app.mode else {
        panic!("no question")
    };
    let Modal::Confirm(confirm) = &**modal else {
        panic!("no question")
    };
    assert_eq!(
        confirm.question,
        "Remove the email of Mon 30 Nov? u undoes it."
    );
    f.keys("n");
    assert_eq!(count(&mut f), n, "no is no");
    f.keys("dy");
    assert_eq!(count(&mut f), n - 1);
    assert!(f.app.data.facts_of(anna).is_some(), "the contact stays");
    assert_eq!(
        message(&f.app),
        "Removed the email of Mon 30 Nov with Anna Schmidt."
    );
}

#[test]
fn outside_the_card_d_still_deletes_the_contact_not_a_touch() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(f.press("dy"), Got::Effect(Effect::Delete { contact: anna }));
}

#[test]
fn e_on_the_jour_fixe_tab_changes_rule_time_channel_length_and_note() {
    let mut f = Fixture::demo();
    let ingrid = id_of(&f.app, "Ingrid Rau");
    let before = f
        .store
        .read(|tx| jourfixe::for_contact(tx, ingrid))
        .unwrap()
        .remove(0);
    // the rule comes back as a phrase
    f.press("3e");
    let Mode::Modal(modal) = &f.app.mode else {
        panic!("no form")
    };
    let Modal::Form(form) = &**modal else {
        panic!("no form")
    };
    assert_eq!(form.fields[0].text_value(), "weekly sun 18:00");
    f.press("<Esc>");
    // only the channel and the length: the rule and its first date stay
    f.keys("3e<Tab>5<Tab>45min<Tab>our Sunday call<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal), "{:?}", form_error(&f));
    let jf = f
        .store
        .read(|tx| jourfixe::for_contact(tx, ingrid))
        .unwrap()
        .remove(0);
    assert_eq!(
        (jf.id, jf.start, &jf.rrule),
        (before.id, before.start, &before.rrule)
    );
    assert_eq!(jf.channel, Channel::Video);
    assert_eq!(jf.duration_minutes, Some(45));
    assert_eq!(jf.note.as_deref(), Some("our Sunday call"));
    // the tab shows its length and note
    let screen = f.screen(100, 30);
    assert!(
        screen.contains("every Sunday at 18:00 · 45 min · our Sunday call"),
        "{screen}"
    );
    // a new rule and time start from its first date from today on
    f.keys("3e<C-u>weekly sat 17:00<Enter>");
    let jf = f
        .store
        .read(|tx| jourfixe::for_contact(tx, ingrid))
        .unwrap()
        .remove(0);
    assert_eq!(jf.id, before.id);
    assert_eq!(jf.rrule, "FREQ=WEEKLY;BYDAY=SA");
    assert_eq!(
        jf.time.map(|t| t.format("%H:%M").to_string()).as_deref(),
        Some("17:00")
    );
    assert_eq!(jf.start.to_string(), "2026-12-05");
    assert!(
        message(&f.app).starts_with("Jour fixe with Ingrid Rau (video): every Saturday at 17:00"),
        "{}",
        message(&f.app)
    );
}
