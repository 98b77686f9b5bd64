//! Fixture tests: each imported contact asserted field by field, the
//! year-less birthday forms, and import → export → import round trips.

use chrono::{TimeZone, Utc};

use super::super::vcard::{CardContact, CardError, VcardVersion, read_cards, write_card};
use super::super::vcard_read::parse_birthday;
use crate::model::{Birthday, Contact, Handle, Sphere};

pub(crate) const GOOGLE: &str = include_str!("../../../tests/fixtures/google.vcf");
pub(crate) const APPLE: &str = include_str!("../../../tests/fixtures/apple.vcf");
pub(crate) const OUTLOOK: &str = include_str!("../../../tests/fixtures/outlook.vcf");
pub(crate) const PLAIN4: &str = include_str!("../../../tests/fixtures/plain4.vcf");
pub(crate) const BROKEN: &str = include_str!("../../../tests/fixtures/broken.vcf");

fn handle(value: &str, label: Option<&str>) -> Handle {
    Handle {
        value: value.to_string(),
        label: label.map(str::to_string),
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn birthday(year: Option<i32>, month: u32, day: u32) -> Option<Birthday> {
    Some(Birthday::new(year, month, day).expect("a valid test birthday"))
}

/// Every card of a fixture, which must all be readable.
fn cards(text: &str) -> Vec<CardContact> {
    read_cards(text)
        .into_iter()
        .map(|card| card.expect("every card of this fixture is readable"))
        .collect()
}

/// A draht contact with no card data: uid, name and everything else empty.
pub(crate) fn blank_contact() -> Contact {
    Contact {
        id: 1,
        uid: String::new(),
        name: String::new(),
        nickname: None,
        sphere: Sphere::Work,
        tags: vec![],
        company: None,
        role: None,
        emails: vec![],
        phones: vec![],
        birthday: None,
        notes: None,
        cadence_days: Some(14),
        min_channel: None,
        snoozed_until: None,
        archived: false,
        created_at: Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
    }
}

fn contact_from(card: &CardContact) -> Contact {
    let mut contact = blank_contact();
    card.apply_to(&mut contact);
    contact
}

#[test]
fn google_export_card_with_groups_and_labels_is_read_field_by_field() {
    let anna = &cards(GOOGLE)[0];
    assert_eq!(anna.uid, None);
    assert_eq!(anna.name, "Anna Schmidt");
    assert_eq!(anna.nickname, some("Anni"));
    assert_eq!(anna.company, some("ACME GmbH"));
    assert_eq!(anna.role, some("Head of Sales"));
    assert_eq!(
        anna.emails,
        vec![
            handle("anna.schmidt@acme.example", Some("work")),
            handle("anna@schmidt.example", Some("home")),
            handle("anna@segelclub-wannsee.example", Some("segelclub")),
        ]
    );
    assert_eq!(
        anna.phones,
        vec![
            handle("+49 170 1234567", Some("cell")),
            handle("+49 30 1234-100", Some("work")),
            handle("+49 30 555 0101", Some("büro empfang")),
        ]
    );
    assert_eq!(anna.birthday, birthday(Some(1988), 6, 15));
    assert_eq!(
        anna.notes,
        some(
            "Met at the Q3 launch in Hamburg.\nKids: Mia and Tom; likes sailing, coffee and long walks."
        )
    );
    assert_eq!(
        anna.tags,
        vec!["Kunden".to_string()],
        "myContacts is dropped"
    );
}

#[test]
fn google_export_second_card_keeps_its_own_fields() {
    let jonas = &cards(GOOGLE)[1];
    assert_eq!(jonas.uid, None);
    assert_eq!(jonas.name, "Jonas Weber");
    assert_eq!(jonas.nickname, None);
    assert_eq!(jonas.company, None);
    assert_eq!(jonas.role, None);
    assert_eq!(jonas.emails, vec![handle("jonas.weber@mail.example", None)]);
    assert_eq!(
        jonas.phones,
        vec![
            handle("+49 30 8765432", Some("home")),
            handle("+49 160 5550199", Some("cell")),
        ]
    );
    assert_eq!(jonas.birthday, birthday(Some(1979), 11, 2));
    assert_eq!(jonas.notes, None);
    assert_eq!(
        jonas.tags,
        vec!["Familie".to_string(), "Segeln".to_string()]
    );
}

#[test]
fn card_with_empty_fn_and_n_is_named_after_its_company() {
    let bakery = &cards(GOOGLE)[2];
    assert_eq!(bakery.name, "Bäckerei Kraus");
    assert_eq!(bakery.company, some("Bäckerei Kraus"));
    assert_eq!(
        bakery.emails,
        vec![handle("bestellung@baeckerei-kraus.example", Some("work"))]
    );
    assert_eq!(bakery.phones, vec![handle("+49 30 4411223", Some("work"))]);
    assert_eq!(bakery.birthday, None);
    assert!(bakery.tags.is_empty(), "only myContacts, which is dropped");
}

#[test]
fn card_with_only_an_email_is_named_after_the_email() {
    let google = cards(GOOGLE);
    assert_eq!(google.len(), 4);
    let lena = &google[3];
    assert_eq!(lena.name, "lena.vogt@example.org");
    assert_eq!(lena.emails, vec![handle("lena.vogt@example.org", None)]);
    assert_eq!(lena.phones, vec![]);
}

#[test]
fn apple_card_with_folded_photo_is_read_field_by_field() {
    let lea = &cards(APPLE)[0];
    assert_eq!(lea.uid, some("6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21"));
    assert_eq!(lea.name, "Lea Brandt");
    assert_eq!(lea.nickname, some("Lele"));
    assert_eq!(lea.company, some("Brandt & Partner Architekten"));
    assert_eq!(lea.role, some("Architektin"));
    assert_eq!(
        lea.emails,
        vec![
            handle("lea.brandt@icloud.example", Some("home")),
            handle("lb@brandt-partner.example", Some("work")),
        ]
    );
    assert_eq!(
        lea.phones,
        vec![
            handle("+49 151 23456789", Some("cell")),
            handle("+49 40 987654", Some("home")),
            handle("+49 40 111222", Some("other")),
        ]
    );
    assert_eq!(lea.birthday, birthday(None, 4, 12), "1604 means no year");
    assert_eq!(
        lea.notes,
        some(
            "Kennengelernt beim Segeln in Kiel. Plant im Juni einen Törn nach Dänemark; \
             fragen, ob noch ein Platz frei ist."
        )
    );
    assert_eq!(
        lea.tags,
        vec!["Segeln".to_string(), "Familie & Freunde".to_string()]
    );
}

#[test]
fn apple_card_after_the_photo_with_dashed_yearless_birthday_keeps_the_day() {
    let apple = cards(APPLE);
    assert_eq!(apple.len(), 2, "the photo does not swallow the next card");
    let chidi = &apple[1];
    assert_eq!(chidi.uid, some("0F3E8A52-1C77-4B0E-8D4B-3B2F6E9A1C04"));
    assert_eq!(chidi.name, "Dr. Chidi Okonkwo");
    assert_eq!(chidi.nickname, None);
    assert_eq!(chidi.company, some("Universitätsklinikum Eppendorf"));
    assert_eq!(chidi.role, some("Oberarzt"));
    assert_eq!(
        chidi.emails,
        vec![handle("c.okonkwo@uke.example", Some("klinik"))]
    );
    assert_eq!(chidi.phones, vec![handle("+49 40 7410-0", Some("work"))]);
    assert_eq!(chidi.birthday, birthday(None, 12, 24));
    assert_eq!(chidi.notes, None);
    assert!(chidi.tags.is_empty());
}

#[test]
fn outlook_2_1_card_decodes_quoted_printable_utf8_umlauts() {
    let juergen = &cards(OUTLOOK)[0];
    assert_eq!(juergen.uid, None);
    assert_eq!(juergen.name, "Jürgen Müller");
    assert_eq!(juergen.nickname, None);
    assert_eq!(juergen.company, some("Grün & Söhne KG"));
    assert_eq!(juergen.role, some("Einkaufsleiter"));
    assert_eq!(
        juergen.emails,
        vec![
            handle("juergen.mueller@gruen-soehne.example", None),
            handle("j.mueller@privat.example", None),
        ]
    );
    assert_eq!(
        juergen.phones,
        vec![
            handle("+49 (89) 123456-0", Some("work")),
            handle("+49 171 9876543", Some("cell")),
            handle("+49 (89) 123456-99", Some("work fax")),
        ]
    );
    assert_eq!(juergen.birthday, birthday(Some(1970), 3, 1));
    assert_eq!(
        juergen.notes,
        some("Kennt sich mit Grüntee aus.\nBevorzugt Anrufe vormittags; nie freitags.")
    );
    assert!(juergen.tags.is_empty());
}

#[test]
fn outlook_2_1_card_decodes_iso_8859_1_quoted_printable() {
    let guenther = &cards(OUTLOOK)[1];
    assert_eq!(guenther.name, "Günther Björk");
    assert_eq!(guenther.company, some("Nordlicht Reisen"));
    assert_eq!(guenther.role, None);
    assert_eq!(
        guenther.emails,
        vec![handle("guenther@nordlicht.example", None)]
    );
    assert_eq!(
        guenther.phones,
        vec![handle("+49 40 3344556", Some("home"))]
    );
    assert_eq!(guenther.birthday, None);
    assert_eq!(guenther.notes, some("Großer Fan von Fußball."));
}

#[test]
fn plain_4_0_card_is_read_field_by_field() {
    let ben = &cards(PLAIN4)[0];
    assert_eq!(
        ben.uid,
        some("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
    );
    assert_eq!(ben.name, "Ben Okafor");
    assert_eq!(
        ben.nickname,
        some("Benji"),
        "the first of several nicknames"
    );
    assert_eq!(ben.company, some("Okafor Consulting Ltd."));
    assert_eq!(ben.role, some("Freelance consultant"), "ROLE without TITLE");
    assert_eq!(
        ben.emails,
        vec![
            handle("ben@okafor.example", Some("work")),
            handle("ben.okafor@mail.example", Some("home")),
        ]
    );
    assert_eq!(
        ben.phones,
        vec![
            handle("+44-7700-900123", Some("cell")),
            handle("+44-20-7946-0958", Some("home")),
        ],
        "tel: URIs lose their scheme"
    );
    assert_eq!(ben.birthday, birthday(Some(1985), 4, 12));
    assert_eq!(
        ben.notes,
        some("Prefers video calls. Met through the Lisbon workshop, 2023.")
    );
    assert_eq!(ben.tags, vec!["client".to_string(), "sailing".to_string()]);
}

#[test]
fn plain_4_0_yearless_leap_day_birthday_is_read() {
    let mama = &cards(PLAIN4)[1];
    assert_eq!(mama.uid, some("7d1c43a0-2f5e-4c1b-b0a9-e6f8d2c31a57"));
    assert_eq!(mama.name, "Mama", "FN wins over N");
    assert_eq!(mama.emails, vec![]);
    assert_eq!(mama.phones, vec![handle("+49 172 4455667", Some("cell"))]);
    assert_eq!(mama.birthday, birthday(None, 2, 29));
    assert_eq!(mama.tags, vec!["family".to_string()]);
}

#[test]
fn cut_off_card_in_the_middle_is_reported_and_its_neighbours_are_read() {
    let results = read_cards(BROKEN);
    assert_eq!(results.len(), 3);
    let clara = results[0].as_ref().expect("card 1 is fine");
    assert_eq!(clara.name, "Clara Neumann");
    assert_eq!(
        clara.emails,
        vec![handle("clara.neumann@example.com", Some("work"))]
    );
    let error = results[1].as_ref().expect_err("card 2 has no END:VCARD");
    assert_eq!(error.card, 2);
    assert!(
        error.to_string().starts_with("card 2: no END:VCARD"),
        "{error}"
    );
    let paul = results[2].as_ref().expect("card 3 is fine");
    assert_eq!(paul.name, "Paul Richter");
    assert_eq!(paul.phones, vec![handle("+49 176 1112233", Some("cell"))]);
    assert_eq!(paul.birthday, birthday(None, 7, 4));
}

#[test]
fn card_without_any_name_is_an_error_naming_the_accepted_properties() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN: \r\nN:;;;;\r\nTEL:+49 1\r\nEND:VCARD\r\n";
    let results = read_cards(text);
    assert_eq!(
        results[2],
        Err(CardError {
            card: 3,
            reason: "no name (FN, N, ORG or EMAIL)".to_string()
        })
    );
    let message = results[2].as_ref().unwrap_err().to_string();
    assert_eq!(message, "card 3: no name (FN, N, ORG or EMAIL)");
}

#[test]
fn card_without_fn_is_named_from_n_in_display_order() {
    let text = "BEGIN:VCARD\nVERSION:3.0\nN:Müller-Lüdenscheidt;Heinz,Otto;;Dr.;\nEND:VCARD\n";
    assert_eq!(cards(text)[0].name, "Dr. Heinz Otto Müller-Lüdenscheidt");
}

#[test]
fn text_outside_cards_is_ignored_and_no_cards_give_an_empty_list() {
    assert!(read_cards("").is_empty());
    assert!(read_cards("just some notes, no cards\n").is_empty());
    let text = "\u{feff}junk before\nBEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n\
                junk between\nbegin:vcard\nVERSION:4.0\nFN:B\nend:vcard";
    let names: Vec<String> = cards(text).into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["A", "B"]);
}

#[test]
fn repeated_categories_are_merged_without_duplicates() {
    let text = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nCATEGORIES:Kunden, Segeln\n\
                CATEGORIES:segeln,,MyContacts,Golf\nEND:VCARD\n";
    assert_eq!(cards(text)[0].tags, vec!["Kunden", "Segeln", "Golf"]);
}

#[test]
fn birthday_forms_with_and_without_year_are_read() {
    let table = [
        ("1990-04-12", birthday(Some(1990), 4, 12)),
        ("19900412", birthday(Some(1990), 4, 12)),
        ("1990-04-12T00:00:00Z", birthday(Some(1990), 4, 12)),
        ("--04-12", birthday(None, 4, 12)),
        ("--0412", birthday(None, 4, 12)),
        ("--0229", birthday(None, 2, 29)),
        ("1604-04-12", birthday(None, 4, 12)),
        ("0000-04-12", birthday(None, 4, 12)),
        ("1990-02-30", None),
        ("--1301", None),
        ("---12", None),
        ("1990-04", None),
        ("April 12", None),
        ("", None),
    ];
    for (text, expected) in table {
        assert_eq!(parse_birthday(text), expected, "BDAY:{text}");
    }
}

#[test]
fn yearless_birthday_is_written_as_rfc_6350_form_in_both_versions() {
    let mut contact = blank_contact();
    contact.name = "Mama".to_string();
    contact.birthday = birthday(None, 4, 12);
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let card = write_card(&contact, version);
        assert!(card.contains("\r\nBDAY:--0412\r\n"), "{card}");
        assert_eq!(cards(&card)[0].birthday, birthday(None, 4, 12));
    }
}

#[test]
fn birthday_with_year_is_written_extended_in_3_0_and_basic_in_4_0() {
    let mut contact = blank_contact();
    contact.name = "Anna".to_string();
    contact.birthday = birthday(Some(1990), 4, 12);
    let v3 = write_card(&contact, VcardVersion::V3);
    assert!(v3.contains("\r\nVERSION:3.0\r\n") && v3.contains("\r\nBDAY:1990-04-12\r\n"));
    let v4 = write_card(&contact, VcardVersion::V4);
    assert!(v4.contains("\r\nVERSION:4.0\r\n") && v4.contains("\r\nBDAY:19900412\r\n"));
    for card in [v3, v4] {
        assert_eq!(cards(&card)[0].birthday, birthday(Some(1990), 4, 12));
    }
}

#[test]
fn written_card_holds_every_field_with_labels_as_types_or_ab_labels() {
    let mut contact = blank_contact();
    contact.uid = "3b0c9a7e-draht".to_string();
    contact.name = "Jürgen Müller".to_string();
    contact.nickname = some("Jü");
    contact.company = some("Grün & Söhne; KG");
    contact.role = some("Einkauf");
    contact.emails = vec![
        handle("j@gruen.example", Some("work")),
        handle("j@segeln.example", Some("segelclub")),
    ];
    contact.phones = vec![
        handle("+49 89 1", Some("work fax")),
        handle("+49 171 2", None),
    ];
    contact.notes = some("Zwei Zeilen,\nmit; Zeichen");
    contact.tags = vec!["kunden".to_string(), "a, b".to_string()];
    let card = write_card(&contact, VcardVersion::V4);
    for line in [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "UID:3b0c9a7e-draht",
        "FN:Jürgen Müller",
        "N:Müller;Jürgen;;;",
        "NICKNAME:Jü",
        "ORG:Grün & Söhne\\; KG",
        "TITLE:Einkauf",
        "EMAIL;TYPE=WORK:j@gruen.example",
        "item1.EMAIL:j@segeln.example",
        "item1.X-ABLabel:segelclub",
        "TEL;TYPE=WORK,FAX:+49 89 1",
        "TEL:+49 171 2",
        "NOTE:Zwei Zeilen\\,\\nmit\\; Zeichen",
        "CATEGORIES:kunden,a\\, b",
        "END:VCARD",
    ] {
        assert!(
            card.split("\r\n").any(|l| l == line),
            "missing {line:?} in\n{card}"
        );
    }
    assert_eq!(cards(&card)[0], CardContact::from(&contact));
}

#[test]
fn contact_without_uid_is_written_without_uid() {
    let mut contact = blank_contact();
    contact.name = "Ohne UID".to_string();
    let card = write_card(&contact, VcardVersion::V4);
    assert!(!card.contains("UID:"), "{card}");
    assert_eq!(cards(&card)[0].uid, None);
}

#[test]
fn import_export_import_of_every_fixture_changes_nothing() {
    for fixture in [GOOGLE, APPLE, OUTLOOK, PLAIN4, BROKEN] {
        for imported in read_cards(fixture).into_iter().flatten() {
            let contact = contact_from(&imported);
            for version in [VcardVersion::V3, VcardVersion::V4] {
                let again = read_cards(&write_card(&contact, version));
                assert_eq!(again, vec![Ok(imported.clone())], "{version:?}");
            }
        }
    }
}

#[test]
fn applying_a_card_keeps_draht_only_fields_and_a_known_uid() {
    let mut contact = blank_contact();
    contact.uid = "kept-uid".to_string();
    contact.name = "Old Name".to_string();
    let card = &cards(GOOGLE)[0];
    card.apply_to(&mut contact);
    assert_eq!(contact.uid, "kept-uid", "the card has no UID");
    assert_eq!(contact.name, "Anna Schmidt");
    assert_eq!(contact.cadence_days, Some(14));
    assert_eq!(contact.sphere, Sphere::Work);
    assert_eq!(CardContact::from(&contact).emails, card.emails);
}

#[test]
fn vcard_version_names_are_read() {
    assert_eq!(VcardVersion::from_name("3.0"), Some(VcardVersion::V3));
    assert_eq!(VcardVersion::from_name(" 4 "), Some(VcardVersion::V4));
    assert_eq!(VcardVersion::from_name("2.1"), None);
    assert_eq!(VcardVersion::default(), VcardVersion::V4);
    assert_eq!(VcardVersion::V3.as_str(), "3.0");
}

#[test]
fn drahts_own_notes_keep_carriage_returns_other_tools_crlf_becomes_lf() {
    let mut contact = blank_contact();
    contact.name = "Anna".to_string();
    contact.notes = some("one\rtwo\r\nthree\nfour");
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let back = read_cards(&write_card(&contact, version));
        assert_eq!(
            back[0].as_ref().map(|c| c.notes.clone()),
            Ok(contact.notes.clone())
        );
    }
    let outlook = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Anna\r\n\
                   NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo=0Dthree\r\nEND:VCARD\r\n";
    let back = read_cards(outlook);
    assert_eq!(
        back[0].as_ref().map(|c| c.notes.clone()),
        Ok(some("one\ntwo\nthree"))
    );
}
