//! How the calendar half turns draht's records into items and back, on
//! records made here (no database): which fields a merge takes, which
//! hook a touch from the folder means, and whom a touch names.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::interop::sync_ics::CalJourFixe;
use crate::model::{Channel, HookKind, Outcome};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
}

fn contact(id: Id, name: &str, uid: &str) -> Contact {
    let mut c = Contact::new(name.to_string(), at(1));
    c.id = id;
    c.uid = uid.to_string();
    c
}

fn person(name: &str, uid: &str) -> Person {
    Person {
        uid: Some(uid.to_string()),
        name: name.to_string(),
        email: None,
    }
}

fn hook(id: Id, contact_id: Id, text: &str) -> Hook {
    Hook {
        id,
        contact_id,
        kind: HookKind::Common,
        text: text.to_string(),
        created_at: at(1),
        used_at: None,
    }
}

fn people<'a>(contacts: &'a [Contact], hooks: Vec<Hook>) -> People<'a> {
    People {
        by_id: contacts.iter().map(|c| (c.id, c)).collect(),
        by_uid: contacts.iter().map(|c| (c.uid.as_str(), c)).collect(),
        hooks: hooks.into_iter().map(|h| (h.id, h)).collect(),
    }
}

fn touch(with: Vec<Person>, hook: Option<&str>) -> CalTouch {
    CalTouch {
        at: at(20),
        channel: Channel::Call,
        outcome: Outcome::Done,
        rating: Some(1),
        note: Some("the new flat".into()),
        hook: hook.map(String::from),
        with,
    }
}

fn jourfixe(rule: &str, note: Option<&str>) -> CalRecord {
    CalRecord::JourFixe(CalJourFixe {
        with: person("Anna", "anna"),
        start: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        rrule: rule.into(),
        time: None,
        duration_minutes: Some(30),
        channel: Channel::Video,
        note: note.map(String::from),
        active: true,
        skipped: vec![],
    })
}

#[test]
fn a_merge_takes_only_the_fields_named_from_the_other_side() {
    let mut mine = jourfixe("FREQ=WEEKLY;BYDAY=TU", Some("mine"));
    let theirs = jourfixe("FREQ=WEEKLY;BYDAY=WE", Some("theirs"));
    take(&mut mine, &theirs, &["rule".to_string()]);
    let CalRecord::JourFixe(j) = &mine else {
        panic!("still a Jour fixe")
    };
    assert_eq!(j.rrule, "FREQ=WEEKLY;BYDAY=WE", "the rule is theirs");
    assert_eq!(j.note.as_deref(), Some("mine"), "the note stays mine");

    let mut mine = CalRecord::Touch(touch(vec![person("Anna", "anna")], None));
    let mut other = touch(vec![person("Ben", "ben")], Some("sailing"));
    other.outcome = Outcome::Missed;
    let other = CalRecord::Touch(other);
    take(&mut mine, &other, &["outcome".into(), "hook".into()]);
    let CalRecord::Touch(t) = &mine else {
        panic!("still a touch")
    };
    assert_eq!(t.outcome, Outcome::Missed);
    assert_eq!(t.hook.as_deref(), Some("sailing"));
    assert_eq!(t.with[0].name, "Anna", "the people stay mine");
}

#[test]
fn records_of_two_kinds_are_not_mixed() {
    let mut mine = jourfixe("FREQ=WEEKLY", None);
    let before = mine.clone();
    let other = CalRecord::Touch(touch(vec![person("Anna", "anna")], None));
    take(&mut mine, &other, &["note".into(), "channel".into()]);
    assert_eq!(mine, before);
    assert_eq!(kind_of(&mine), Kind::JourFixe);
    assert_eq!(kind_of(&other), Kind::Touch);
}

#[test]
fn a_touch_from_the_folder_uses_its_participants_hook_of_that_text() {
    let contacts = [contact(1, "Anna", "anna"), contact(2, "Ben", "ben")];
    // Ben has a hook of the same text; Anna has two (the older id wins)
    let everyone = people(
        &contacts,
        vec![
            hook(7, 2, "sailing"),
            hook(9, 1, "sailing"),
            hook(8, 1, " sailing "),
        ],
    );
    let t = touch(vec![person("Anna", "anna")], Some("sailing"));
    let made = touch_of(0, &t, &everyone).expect("Anna is here");
    assert_eq!(made.participants, vec![1]);
    assert_eq!(
        made.hook_id,
        Some(8),
        "Anna's, the first by id, trimmed alike"
    );
    let none = touch(vec![person("Anna", "anna")], Some("chess"));
    assert_eq!(touch_of(0, &none, &everyone).unwrap().hook_id, None);
}

#[test]
fn a_touch_with_someone_not_here_yet_waits() {
    let contacts = [contact(1, "Anna", "anna")];
    let everyone = people(&contacts, vec![]);
    let t = touch(vec![person("Anna", "anna"), person("Cleo", "cleo")], None);
    assert!(touch_of(0, &t, &everyone).is_none());
    assert!(
        touch_of(0, &touch(vec![], None), &everyone).is_none(),
        "nobody"
    );
}

#[test]
fn a_touch_is_named_by_all_its_people_and_kept_by_the_first() {
    let contacts = [contact(1, "Anna", "anna"), contact(2, "Ben", "ben")];
    let everyone = people(&contacts, vec![hook(5, 2, "chess")]);
    let stored = Touch {
        id: 40,
        at: at(20),
        channel: Channel::Meet,
        note: None,
        outcome: Outcome::Done,
        rating: None,
        hook_id: Some(5),
        participants: vec![2, 1],
        captured: Vec::new(),
    };
    let rec = touch_rec(&stored, &everyone).expect("both are here");
    assert_eq!(rec.name, "Ben, Anna");
    assert_eq!(rec.owner, 2, "a conflict's note goes to the first");
    let CalRecord::Touch(t) = &rec.cal else {
        panic!("a touch")
    };
    assert_eq!(t.hook.as_deref(), Some("chess"));
    let uids: Vec<_> = t.with.iter().map(|p| p.uid.clone().unwrap()).collect();
    assert_eq!(uids, ["ben", "anna"]);
    // and back: the same touch
    let back = touch_of(40, t, &everyone).unwrap();
    assert_eq!(back, stored);
}
