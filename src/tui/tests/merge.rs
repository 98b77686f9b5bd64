//! `M` on the Contacts tab: the duplicate a second address book gave,
//! merged into the contact that stays, after a look at what moves.

use chrono::Duration;
use insta::assert_snapshot;

use super::{Fixture, id_of, message, now, selected_name};
use crate::app::Who;
use crate::app::touches::NewTouch;
use crate::model::{Channel, Contact, Handle, Id, Outcome};
use crate::store::touches;
use crate::tui::Reload;
use crate::tui::app::{Modal, Mode};

/// The demo with "Anna M. Schmidt", Anna Schmidt's double from another
/// address book: her own e-mail and one call of her own, on the Contacts
/// tab with the double selected.
fn with_double() -> (Fixture, Id, Id) {
    let mut f = Fixture::demo();
    let mut double = Contact::new("Anna M. Schmidt", now());
    double.emails = vec![Handle::new("anna.m@example.org")];
    let double = crate::app::contacts::add(&mut f.store, &double, now())
        .expect("add")
        .id;
    let call = NewTouch {
        who: Who::Id(double),
        with: Vec::new(),
        at: now() - Duration::days(3),
        channel: Channel::Call,
        note: Some("the double's call".into()),
        outcome: Outcome::Done,
        rating: None,
        hook: None,
    };
    crate::app::touches::log(&mut f.store, &call, now()).expect("log");
    f.sync
        .refresh(&mut f.app, &mut f.store, Reload::Everything)
        .expect("refresh");
    let anna = id_of(&f.app, "Anna Schmidt");
    f.keys("2");
    f.app.select_contact(double);
    assert_eq!(selected_name(&f.app), "Anna M. Schmidt");
    (f, anna, double)
}

fn notes(f: &mut Fixture, id: Id) -> Vec<String> {
    let touches = f
        .store
        .read(|tx| touches::for_contact(tx, id, None))
        .expect("touches");
    touches.into_iter().filter_map(|t| t.note).collect()
}

fn question(f: &Fixture) -> String {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Confirm(c) => c.question.clone(),
            other => panic!("no question: {other:?}"),
        },
        other => panic!("nothing asked: {other:?}"),
    }
}

#[test]
fn the_picker_and_the_question_at_80x24() {
    let (mut f, _, _) = with_double();
    f.keys("Manna s");
    assert_snapshot!("merge_picker@80x24", f.screen(80, 24));
    f.keys("<Enter>");
    assert_snapshot!("merge_confirm@80x24", f.screen(80, 24));
}

#[test]
fn pressing_m_merges_the_double_with_both_sides_touches() {
    let (mut f, anna, double) = with_double();
    let mut expected = notes(&mut f, anna);
    expected.extend(notes(&mut f, double));
    assert!(expected.len() > 1, "both have touches: {expected:?}");
    f.keys("Manna sch<Enter>");
    let asked = question(&f);
    assert!(
        asked.starts_with("Merge Anna M. Schmidt into Anna Schmidt:"),
        "{asked}"
    );
    assert!(asked.contains("moves 1 touch"), "{asked}");
    assert!(asked.contains("anna.m@example.org"), "{asked}");
    assert!(asked.contains("cannot be undone"), "{asked}");
    f.keys("y");
    assert_eq!(message(&f.app), "Merged Anna M. Schmidt into Anna Schmidt.");
    let mut got = notes(&mut f, anna);
    got.sort();
    expected.sort();
    assert_eq!(got, expected, "Anna has both sides' touches");
    assert!(notes(&mut f, double).is_empty());
    // the double is gone from the list; the one that stayed is selected
    assert!(f.app.data.facts_of(double).is_none());
    assert_eq!(selected_name(&f.app), "Anna Schmidt");
    let kept = f.app.data.facts_of(anna).expect("Anna").contact.clone();
    assert!(kept.emails.iter().any(|e| e.value == "anna.m@example.org"));
    f.keys("u");
    // not "since draht started": the merge was a change, one for good
    assert!(
        message(&f.app)
            .starts_with("nothing to undo: the last change cannot be taken back (Merged"),
        "{}",
        message(&f.app)
    );
}

#[test]
fn esc_or_no_leaves_both() {
    let (mut f, anna, double) = with_double();
    let before = (notes(&mut f, anna), notes(&mut f, double));
    f.keys("Manna<Esc>");
    assert!(matches!(f.app.mode, Mode::Normal));
    f.keys("Manna sch<Enter>n");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!((notes(&mut f, anna), notes(&mut f, double)), before);
    assert!(f.app.data.facts_of(double).is_some());
}

#[test]
fn the_picker_leaves_out_the_contact_itself_and_picks_by_id() {
    let (mut f, _, double) = with_double();
    f.keys("M");
    let Mode::Modal(m) = &f.app.mode else {
        panic!("no picker")
    };
    let Modal::Pick(pick) = &**m else {
        panic!("no picker: {m:?}")
    };
    let rows = &f.app.data.contacts;
    assert_eq!(pick.view.len(), rows.len() - 1);
    assert!(pick.view.iter().all(|i| rows[*i].id != double));
    // nobody matches: Enter stays in the picker
    f.keys("zzzzqx<Enter>");
    assert!(matches!(&f.app.mode, Mode::Modal(m) if matches!(**m, Modal::Pick(_))));
}
