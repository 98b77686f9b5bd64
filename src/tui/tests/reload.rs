//! The reload after a write of our own reads only the contacts the write
//! touched; after every kind of write the snapshot must be the one a full
//! load gives.

use chrono::Duration;

use super::{Fixture, id_of, message, now};
use crate::app::triage::Choice;
use crate::jourfixe::{Draft, Tz, next_dates, parse_rule};
use crate::model::{Channel, HookKind, Id, Outcome, Touch};
use crate::store::{hooks, jourfixe};
use crate::tui::Reload;
use crate::tui::data;
use crate::tui::effects::{ContactDraft, Effect};

/// Performs `effect`, checks that it reloaded only `expected`, and that
/// the app's data equals a full load.
fn check(f: &mut Fixture, effect: Effect, expected: &[Id]) {
    let reload = performed(f, &effect);
    assert_eq!(reload, Reload::Contacts(expected.to_vec()), "{effect:?}");
}

/// Performs `effect` and checks that the app's data equals a full load;
/// returns what it reloaded.
fn performed(f: &mut Fixture, effect: &Effect) -> Reload {
    let reload = f.effect(effect);
    assert!(!message(&f.app).is_empty(), "{effect:?} said nothing");
    let full = data::load(&mut f.store, f.app.now, &f.app.config.settings).expect("load");
    let got = &f.app.data;
    assert_eq!(got.ov.facts, full.ov.facts, "facts after {effect:?}");
    assert_eq!(
        got.ov.checkins, full.ov.checkins,
        "check-ins after {effect:?}"
    );
    assert_eq!(got.contacts, full.contacts, "contact rows after {effect:?}");
    assert_eq!(
        got.ov.calendar, full.ov.calendar,
        "Jour fixe after {effect:?}"
    );
    assert_eq!(got.ov.agenda, full.ov.agenda, "agenda after {effect:?}");
    assert_eq!(got.today_rows, full.today_rows, "Today after {effect:?}");
    assert_eq!(*got, full, "snapshot after {effect:?}");
    reload
}

fn touch(participants: Vec<Id>, channel: Channel, outcome: Outcome, hook: Option<Id>) -> Touch {
    Touch {
        id: 0,
        at: now() - Duration::hours(1),
        channel,
        note: Some("Wie läuft's?".into()),
        outcome,
        rating: Some(1),
        hook_id: hook,
        participants,
        captured: Vec::new(),
    }
}

fn draft(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        sphere: crate::model::Sphere::Private,
        cadence_days: Some(14),
        min_channel: None,
        nickname: None,
        company: Some("Segelclub".into()),
        role: None,
        emails: vec![],
        phones: vec![],
        birthday: None,
        tags: vec!["sailing".into()],
        notes: None,
    }
}

#[test]
fn every_write_leaves_the_snapshot_a_full_load_gives() {
    let mut f = Fixture::demo();
    let today = f.app.data.ov.today;
    let anna = id_of(&f.app, "Anna Schmidt");
    let jonas = id_of(&f.app, "Jonas Weber");
    let lea = id_of(&f.app, "Lea Brandt");
    let ben = id_of(&f.app, "Ben Okafor");
    let hook = hooks::for_contact(f.store.conn(), anna).expect("hooks")[0].id;

    let log = touch(vec![anna, jonas], Channel::Meet, Outcome::Done, Some(hook));
    check(&mut f, Effect::Log(log), &[anna, jonas]);
    let missed = touch(vec![lea], Channel::Call, Outcome::Missed, None);
    check(&mut f, Effect::Log(missed), &[lea]);
    let written = touch(vec![ben], Channel::Email, Outcome::Done, None);
    check(&mut f, Effect::Log(written), &[ben]);

    // A new contact sorts in among the others, also by a folded name.
    let add = Effect::SaveContact {
        id: None,
        draft: draft("Ömer Çelik"),
    };
    let reload = performed(&mut f, &add);
    let omer = id_of(&f.app, "Ömer Çelik");
    assert_eq!(reload, Reload::Contacts(vec![omer]));
    // Renamed, Anna moves to the end of the list.
    let mut anna_draft = draft("Zora Schmidt");
    anna_draft.cadence_days = Some(7);
    let save = Effect::SaveContact {
        id: Some(anna),
        draft: anna_draft,
    };
    check(&mut f, save, &[anna]);
    check(
        &mut f,
        Effect::SetCadence {
            contact: jonas,
            days: None,
        },
        &[jonas],
    );
    check(
        &mut f,
        Effect::SetCadence {
            contact: jonas,
            days: Some(3),
        },
        &[jonas],
    );
    let until = today + Duration::days(10);
    check(
        &mut f,
        Effect::Snooze {
            contact: lea,
            until,
        },
        &[lea],
    );
    let hook = Effect::AddHook {
        contact: omer,
        kind: HookKind::Hobby,
        text: "Regatta im Juni".into(),
    };
    check(&mut f, hook, &[omer]);
    let follow_up = Effect::AddFollowUp {
        contact: ben,
        due: today,
        note: "send the offer".into(),
    };
    check(&mut f, follow_up, &[ben]);

    let spec = parse_rule("weekly tue 10:00").expect("rule");
    let weekly = Draft::new(spec, today, Channel::Call, None, None, Tz::LOCAL).expect("draft");
    check(
        &mut f,
        Effect::AddJourFixe {
            contact: omer,
            draft: weekly,
        },
        &[omer],
    );
    let jf = jourfixe::for_contact(f.store.conn(), omer).expect("jf")[0].clone();
    let date = next_dates(&jf, today, 1, Tz::LOCAL)[0];
    check(
        &mut f,
        Effect::SkipJourFixe {
            jourfixe: jf.id,
            date,
        },
        &[omer],
    );
    // Logged on the day of its Jour fixe: the occurrence is kept.
    let call = touch(vec![omer], Channel::Call, Outcome::Done, None);
    check(&mut f, Effect::Log(call), &[omer]);
    check(&mut f, Effect::DeleteJourFixe { jourfixe: jf.id }, &[omer]);

    let triage = Effect::Triage {
        contact: jonas,
        choice: Choice::Every(30),
        place: (1, 4),
    };
    check(&mut f, triage, &[jonas]);
    check(&mut f, Effect::Archive { contact: lea }, &[lea]);
    let triage = Effect::Triage {
        contact: ben,
        choice: Choice::Archive,
        place: (0, 1),
    };
    check(&mut f, triage, &[ben]);
}

/// Deleting a contact who shared a touch with others leaves that touch
/// theirs: only the deleted one changes.
#[test]
fn deleting_a_contact_changes_no_one_else() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    let jonas = id_of(&f.app, "Jonas Weber");
    let both = touch(vec![anna, jonas], Channel::Meet, Outcome::Done, None);
    check(&mut f, Effect::Log(both), &[anna, jonas]);
    let jonas_before = f.app.data.facts_of(jonas).cloned();
    check(&mut f, Effect::Delete { contact: anna }, &[anna]);
    assert!(f.app.data.position(anna).is_none());
    assert_eq!(f.app.data.facts_of(jonas).cloned(), jonas_before);
}
