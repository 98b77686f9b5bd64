//! Import rules against an in-memory store, with a fixed clock.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::interop::import::{Incoming, Origin, Rejected};
use crate::model::{Channel, HookKind, Outcome, Touch};
use crate::schedule::rules::spread_offset;
use crate::schedule::{Settings, due_date};
use crate::store::{Store, facts, hooks, touches};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn record(name: &str, uid: Option<&str>, card: usize) -> Incoming {
    Incoming {
        origin: Origin::card("book.vcf", card),
        card: CardContact {
            uid: uid.map(str::to_string),
            name: name.to_string(),
            ..CardContact::default()
        },
        cadence_days: None,
        sphere: None,
        vcard: None,
        source: None,
    }
}

fn batch(records: Vec<Incoming>) -> Batch {
    Batch {
        records,
        ..Batch::default()
    }
}

fn run(store: &mut Store, batch: Batch, options: &ImportOptions) -> Result<ImportReport> {
    let config = Config::default();
    import(store, batch, options, &config, now())
}

fn everyone(store: &mut Store) -> Vec<Contact> {
    store.read(|tx| contacts::all(tx, true)).unwrap()
}

/// Each active contact's check-in due date, by name.
fn due_dates(store: &mut Store) -> BTreeMap<String, NaiveDate> {
    store
        .read(|tx| facts::load_active(tx))
        .unwrap()
        .iter()
        .filter_map(|f| Some((f.contact.name.clone(), due_date(f, &Settings::default())?)))
        .collect()
}

fn by_name(store: &mut Store, name: &str) -> Contact {
    everyone(store)
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no contact {name}"))
}

#[test]
fn new_cards_are_added_with_the_sphere_and_cadence_flags() {
    let mut store = Store::open_in_memory().unwrap();
    let options = ImportOptions {
        every: Some(14),
        sphere: Some(Sphere::Work),
        ..ImportOptions::default()
    };
    let report = run(
        &mut store,
        batch(vec![record("Anna Schmidt", Some("u-anna"), 1)]),
        &options,
    )
    .unwrap();
    assert_eq!(report.added, ["Anna Schmidt"]);
    let anna = by_name(&mut store, "Anna Schmidt");
    assert_eq!(anna.uid, "u-anna");
    assert_eq!(anna.sphere, Sphere::Work);
    assert_eq!(anna.cadence_days, Some(14));
    assert_eq!(
        anna.snoozed_until, None,
        "the first of a spread is due today"
    );
}

#[test]
fn reimporting_the_same_cards_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let cards = || batch(vec![record("Anna", Some("u1"), 1), record("Ben", None, 2)]);
    run(&mut store, cards(), &ImportOptions::default()).unwrap();
    let before = everyone(&mut store);
    let report = run(&mut store, cards(), &ImportOptions::default()).unwrap();
    assert!(
        report.added.is_empty() && report.updated.is_empty(),
        "{report:?}"
    );
    assert_eq!(report.unchanged, 2);
    assert_eq!(everyone(&mut store), before);
}

#[test]
fn updated_card_updates_fields_and_keeps_cadence_touches_and_hooks() {
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        batch(vec![record("Anna", Some("u1"), 1)]),
        &ImportOptions::default(),
    )
    .unwrap();
    let anna = by_name(&mut store, "Anna");
    store
        .write(|tx| {
            let mut edited = anna.clone();
            edited.cadence_days = Some(21);
            edited.sphere = Sphere::Work;
            contacts::update(tx, &edited, now())?;
            hooks::insert(tx, anna.id, HookKind::Hobby, "sailing", now())?;
            let touch = Touch::new(now(), Channel::Call, Outcome::Done, vec![anna.id]);
            touches::insert(tx, &touch, now())
        })
        .unwrap();
    let mut updated = record("Anna Schmidt", Some("u1"), 1);
    updated.card.company = Some("ACME".into());
    let report = run(&mut store, batch(vec![updated]), &ImportOptions::default()).unwrap();
    assert_eq!(
        report.updated,
        [Updated {
            name: "Anna Schmidt".into(),
            fields: vec!["name", "company"]
        }]
    );
    let all = everyone(&mut store);
    assert_eq!(all.len(), 1, "never a duplicate");
    let anna = &all[0];
    assert_eq!(
        (anna.name.as_str(), anna.company.as_deref()),
        ("Anna Schmidt", Some("ACME"))
    );
    assert_eq!(anna.cadence_days, Some(21));
    assert_eq!(anna.sphere, Sphere::Work);
    let (hooks, touches) = store
        .read(|tx| {
            Ok((
                hooks::for_contact(tx, anna.id)?,
                touches::for_contact(tx, anna.id, None)?,
            ))
        })
        .unwrap();
    assert_eq!((hooks.len(), touches.len()), (1, 1));
}

#[test]
fn card_without_uid_matches_by_name_ignoring_case_and_accents_and_adopts_a_uid() {
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        batch(vec![record("Jürgen Müller", None, 1)]),
        &ImportOptions::default(),
    )
    .unwrap();
    let report = run(
        &mut store,
        batch(vec![record("jürgen müller", Some("apple-1"), 1)]),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report.updated[0].fields, ["uid", "name"]);
    let all = everyone(&mut store);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].uid, "apple-1");
}

#[test]
fn known_uid_updates_an_archived_contact_and_keeps_it_archived() {
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        batch(vec![record("Old Friend", Some("u9"), 1)]),
        &ImportOptions::default(),
    )
    .unwrap();
    let mut friend = by_name(&mut store, "Old Friend");
    friend.archived = true;
    store
        .write(|tx| contacts::update(tx, &friend, now()))
        .unwrap();
    let mut card = record("Old Friend", Some("u9"), 1);
    card.card.notes = Some("moved to Lisbon".into());
    run(&mut store, batch(vec![card]), &ImportOptions::default()).unwrap();
    let all = everyone(&mut store);
    assert_eq!(all.len(), 1);
    assert!(all[0].archived);
    assert_eq!(all[0].notes.as_deref(), Some("moved to Lisbon"));
}

#[test]
fn two_cards_for_one_person_reject_the_second() {
    let mut store = Store::open_in_memory().unwrap();
    let err = run(
        &mut store,
        batch(vec![record("Anna", None, 1), record("ANNA", None, 2)]),
        &ImportOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("book.vcf: card 2: \"ANNA\" is the same person as book.vcf: card 1"),
        "{err}"
    );
    assert!(everyone(&mut store).is_empty());
}

#[test]
fn renaming_onto_another_contacts_name_is_rejected() {
    let mut store = Store::open_in_memory().unwrap();
    let cards = batch(vec![
        record("Anna", Some("a"), 1),
        record("Ben", Some("b"), 2),
    ]);
    run(&mut store, cards, &ImportOptions::default()).unwrap();
    let err = run(
        &mut store,
        batch(vec![record("Ben", Some("a"), 1)]),
        &ImportOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("renames \"Anna\" to \"Ben\""), "{err}");
}

#[test]
fn bad_record_aborts_naming_file_card_and_reason_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut cards = batch(vec![record("Anna", None, 1), record("Ben", None, 3)]);
    cards.rejected.push(Rejected {
        origin: Origin::card("book.vcf", 2),
        reason: "no END:VCARD".into(),
    });
    let err = run(&mut store, cards, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let err = err.to_string();
    assert!(
        err.starts_with("import aborted, nothing was changed: book.vcf: card 2: no END:VCARD"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--skip-invalid to import the 2 good ones"),
        "{err}"
    );
    assert!(everyone(&mut store).is_empty());
}

#[test]
fn skip_invalid_imports_the_good_ones_and_lists_the_bad() {
    let mut store = Store::open_in_memory().unwrap();
    let mut cards = batch(vec![record("Anna", None, 1), record("anna", None, 3)]);
    cards.rejected.push(Rejected {
        origin: Origin::card("book.vcf", 2),
        reason: "no name".into(),
    });
    let options = ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    };
    let report = run(&mut store, cards, &options).unwrap();
    assert_eq!(report.added, ["Anna"]);
    let bad: Vec<String> = report
        .invalid
        .iter()
        .map(|r| r.origin.to_string())
        .collect();
    assert_eq!(bad, ["book.vcf: card 2", "book.vcf: card 3"]);
    assert_eq!(everyone(&mut store).len(), 1);
}

#[test]
fn dry_run_reports_what_would_change_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        batch(vec![record("Anna", Some("a"), 1)]),
        &ImportOptions::default(),
    )
    .unwrap();
    let before = everyone(&mut store);
    let mut changed = record("Anna", Some("a"), 1);
    changed.card.role = Some("CTO".into());
    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = run(
        &mut store,
        batch(vec![changed, record("Ben", None, 2)]),
        &options,
    )
    .unwrap();
    assert!(report.dry_run);
    assert_eq!(report.added, ["Ben"]);
    assert_eq!(report.updated[0].fields, ["role"]);
    assert_eq!(everyone(&mut store), before);
}

#[test]
fn every_fills_only_a_missing_cadence_on_update_and_sphere_only_new_contacts() {
    let mut store = Store::open_in_memory().unwrap();
    let cards = batch(vec![
        record("Anna", Some("a"), 1),
        record("Ben", Some("b"), 2),
    ]);
    run(&mut store, cards, &ImportOptions::default()).unwrap();
    let mut anna = by_name(&mut store, "Anna");
    anna.cadence_days = Some(7);
    store
        .write(|tx| contacts::update(tx, &anna, now()))
        .unwrap();
    let options = ImportOptions {
        every: Some(30),
        sphere: Some(Sphere::Work),
        ..ImportOptions::default()
    };
    let cards = batch(vec![
        record("Anna", Some("a"), 1),
        record("Ben", Some("b"), 2),
    ]);
    run(&mut store, cards, &options).unwrap();
    assert_eq!(by_name(&mut store, "Anna").cadence_days, Some(7));
    let ben = by_name(&mut store, "Ben");
    assert_eq!(ben.cadence_days, Some(30));
    assert_eq!(
        ben.sphere,
        Sphere::Private,
        "an existing contact keeps its sphere"
    );
}

#[test]
fn config_default_cadence_by_tag_applies_to_new_contacts() {
    let mut store = Store::open_in_memory().unwrap();
    let config = Config::parse("[tag]\nfamily = \"2w\"\n").unwrap();
    let mut mama = record("Mama", None, 1);
    mama.card.tags = vec!["family".into()];
    import(
        &mut store,
        batch(vec![mama]),
        &ImportOptions::default(),
        &config,
        now(),
    )
    .unwrap();
    assert_eq!(by_name(&mut store, "Mama").cadence_days, Some(14));
}

#[test]
fn spread_offset_is_the_floor_of_index_times_cadence_over_count() {
    let cases = [
        (0, 300, 90, 0),
        (1, 300, 90, 0),
        (4, 300, 90, 1),
        (299, 300, 90, 89),
        (1, 2, 14, 7),
        (0, 1, 30, 0),
        (5, 0, 30, 0),
    ];
    for (i, n, cadence, offset) in cases {
        assert_eq!(
            spread_offset(i, n, cadence),
            offset,
            "{i} of {n}, every {cadence}"
        );
    }
}

#[test]
fn three_hundred_imported_every_three_months_come_due_at_most_four_a_day() {
    let mut store = Store::open_in_memory().unwrap();
    let cards = (0..300)
        .map(|i| record(&format!("Person {i:03}"), None, i + 1))
        .collect();
    let options = ImportOptions {
        every: Some(90),
        ..ImportOptions::default()
    };
    let report = run(&mut store, batch(cards), &options).unwrap();
    let spread = report.spread.expect("a spread");
    assert_eq!(spread.contacts, 300);
    assert_eq!(spread.from, today());
    assert_eq!(spread.to, NaiveDate::from_ymd_opt(2027, 2, 20).unwrap());
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for due in due_dates(&mut store).into_values() {
        *per_day.entry(due).or_default() += 1;
    }
    assert_eq!(per_day.len(), 90, "every day of the cadence gets some");
    assert!(per_day.values().all(|&n| n <= 4), "{per_day:?}");
    assert_eq!(per_day[&today()], 4);
}

#[test]
fn spread_never_moves_a_snooze_earlier() {
    let mut store = Store::open_in_memory().unwrap();
    let cards = batch(vec![
        record("Anna", Some("a"), 1),
        record("Ben", Some("b"), 2),
    ]);
    run(&mut store, cards, &ImportOptions::default()).unwrap();
    let mut ben = by_name(&mut store, "Ben");
    let later = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    ben.snoozed_until = Some(later);
    store.write(|tx| contacts::update(tx, &ben, now())).unwrap();
    let options = ImportOptions {
        every: Some(14),
        ..ImportOptions::default()
    };
    let cards = batch(vec![
        record("Anna", Some("a"), 1),
        record("Ben", Some("b"), 2),
    ]);
    run(&mut store, cards, &options).unwrap();
    assert_eq!(by_name(&mut store, "Ben").snoozed_until, Some(later));
    assert_eq!(by_name(&mut store, "Anna").snoozed_until, None);
}

#[test]
fn report_counts_contacts_left_without_a_cadence() {
    let mut store = Store::open_in_memory().unwrap();
    let report = run(
        &mut store,
        batch(vec![record("Anna", None, 1), record("Ben", None, 2)]),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report.without_cadence, 2);
    assert_eq!(report.spread, None);
}

mod vdir_names {
    use proptest::prelude::*;

    use super::*;
    use crate::interop::source::{Format, read_batch};
    use crate::interop::vcard::write_card;
    use crate::interop::vdir::{file_name, write_vdir};

    /// UIDs and others crafted to meet their file names: the hashed name of
    /// one as a UID of its own, the same UID in other case.
    fn crafted(base: Vec<String>) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        for uid in base {
            let hashed = file_name(&format!("{uid}/"));
            for candidate in [
                uid.clone(),
                format!("{uid}/"),
                hashed.trim_end_matches(".vcf").to_string(),
                uid.to_uppercase(),
                uid.to_lowercase(),
                format!("{}~2", hashed.trim_end_matches(".vcf")),
            ] {
                // a card's UID is read trimmed
                let candidate = candidate.trim().to_string();
                if !candidate.is_empty() && !all.contains(&candidate) {
                    all.push(candidate);
                }
            }
        }
        all
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        #[test]
        fn colliding_uids_get_one_file_each_and_all_come_back(
            base in proptest::collection::vec("[a-zA-Z0-9:/._~@+ -]{1,70}", 1..6)
        ) {
            let uids = crafted(base);
            let book: Vec<(Contact, String)> = uids
                .iter()
                .enumerate()
                .map(|(i, uid)| {
                    let contact = Contact {
                        uid: uid.clone(),
                        ..Contact::new(format!("Person {i}"), now())
                    };
                    let card = write_card(&contact, VcardVersion::V4);
                    (contact, card)
                })
                .collect();
            let dir = tempfile::tempdir().unwrap();
            let written = write_vdir(dir.path(), &book).unwrap();
            let files = std::fs::read_dir(dir.path()).unwrap().count();
            prop_assert_eq!(files, uids.len(), "{:?} → {:?}", uids, written);
            let mut store = Store::open_in_memory().unwrap();
            let batch = read_batch(dir.path(), Format::Vcard).unwrap();
            let report = import(&mut store, batch, &ImportOptions::default(), &Config::default(), now()).unwrap();
            prop_assert_eq!(report.added.len(), uids.len());
            let mut back: Vec<String> = everyone(&mut store).into_iter().map(|c| c.uid).collect();
            // the store keeps one-line fields tidied (`text::tidy_line`)
            let mut want: Vec<String> = uids.iter().map(|u| crate::text::tidy_line(u)).collect();
            back.sort();
            want.sort();
            prop_assert_eq!(back, want);
        }
    }
}
