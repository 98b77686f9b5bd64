//! CSV reading (own and Google header) and writing.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::model::{Birthday, Contact};

const GOOGLE: &str = include_str!("../../../tests/fixtures/google.csv");
const OWN: &str = include_str!("../../../tests/fixtures/own.csv");

fn handle(value: &str, label: Option<&str>) -> Handle {
    Handle {
        value: value.to_string(),
        label: label.map(str::to_string),
    }
}

fn read(text: &str) -> Batch {
    let mut batch = Batch::default();
    csv_batch("people.csv", text, &mut batch).expect("a readable CSV");
    batch
}

#[test]
fn google_csv_row_is_read_field_by_field() {
    let batch = read(GOOGLE);
    assert!(batch.rejected.is_empty(), "{:?}", batch.rejected);
    let anna = &batch.records[0];
    assert_eq!(anna.origin, Origin::row("people.csv", 2));
    let card = &anna.card;
    assert_eq!(card.name, "Anna Schmidt");
    assert_eq!(card.nickname.as_deref(), Some("Anni"));
    assert_eq!(card.company.as_deref(), Some("ACME GmbH"));
    assert_eq!(card.role.as_deref(), Some("Head of Sales"));
    assert_eq!(
        card.emails,
        [
            handle("anna.schmidt@acme.example", Some("work")),
            handle("anna@schmidt.example", Some("home")),
            handle("anna@segelclub-wannsee.example", Some("home")),
        ]
    );
    assert_eq!(
        card.phones,
        [
            handle("+49 170 1234567", Some("mobile")),
            handle("+49 30 1234-100", Some("work")),
        ]
    );
    assert_eq!(card.birthday, Birthday::new(Some(1988), 6, 15));
    assert_eq!(
        card.notes.as_deref(),
        Some("Met at the Q3 launch in Hamburg.\nLikes sailing, coffee and long walks.")
    );
    assert_eq!(card.tags, ["Kunden"]);
    assert_eq!(card.uid, None);
}

#[test]
fn google_csv_yearless_birthday_groups_and_names_from_parts() {
    let batch = read(GOOGLE);
    let names: Vec<&str> = batch.records.iter().map(|r| r.card.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Anna Schmidt",
            "Jonas Weber",
            "Bäckerei Kraus",
            "Dr. Lena Vogt"
        ]
    );
    let jonas = &batch.records[1].card;
    assert_eq!(jonas.birthday, Birthday::new(None, 11, 2));
    assert_eq!(jonas.tags, ["Familie", "Segeln"]);
    assert_eq!(jonas.emails, [handle("jonas.weber@mail.example", None)]);
    assert!(
        batch.records[3].card.tags.is_empty(),
        "myContacts and starred are Google's own"
    );
    assert_eq!(
        batch.records[1].origin.row,
        Some(5),
        "rows count the lines of quoted cells"
    );
}

#[test]
fn newer_google_header_is_read_too() {
    let text = "First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n\
                Ben,,Okafor,Okafor Consulting,Consultant,* myContacts ::: client,* Work,ben@okafor.example,Mobile,+44 7700 900123\n";
    let card = &read(text).records[0].card;
    assert_eq!(card.name, "Ben Okafor");
    assert_eq!(card.company.as_deref(), Some("Okafor Consulting"));
    assert_eq!(card.role.as_deref(), Some("Consultant"));
    assert_eq!(card.tags, ["client"]);
    assert_eq!(card.emails, [handle("ben@okafor.example", Some("work"))]);
    assert_eq!(card.phones, [handle("+44 7700 900123", Some("mobile"))]);
}

#[test]
fn own_csv_reads_labels_cadence_sphere_and_uid() {
    let batch = read(OWN);
    assert!(batch.rejected.is_empty(), "{:?}", batch.rejected);
    let clara = &batch.records[0];
    assert_eq!(clara.card.uid.as_deref(), Some("clara-hoffmann-1"));
    assert_eq!(clara.card.nickname.as_deref(), Some("Clari"));
    assert_eq!(
        clara.card.emails,
        [
            handle("clara@hoffmann.example", Some("work")),
            handle("clara.h@mail.example", None),
        ]
    );
    assert_eq!(
        clara.card.phones,
        [handle("+49 (89) 123456-0", Some("office"))]
    );
    assert_eq!(clara.card.birthday, Birthday::new(Some(1984), 2, 29));
    assert_eq!(clara.card.tags, ["client", "golf"]);
    assert_eq!(
        clara.card.notes.as_deref(),
        Some("Prefers mornings; never Fridays.")
    );
    assert_eq!(clara.cadence_days, Some(21));
    assert_eq!(clara.sphere, Some(Sphere::Work));
    let paul = &batch.records[1];
    assert_eq!(paul.cadence_days, Some(30));
    assert_eq!(paul.card.birthday, Birthday::new(None, 7, 4));
    assert_eq!(batch.records[2].cadence_days, None);
}

#[test]
fn bracket_with_digits_is_part_of_the_phone_number() {
    assert_eq!(
        handle_of("+49 (89) 123456-0"),
        handle("+49 (89) 123456-0", None)
    );
    assert_eq!(
        handle_of("0171 555 (mobil)"),
        handle("0171 555", Some("mobil"))
    );
}

fn handle_of(text: &str) -> Handle {
    super::handle(text)
}

#[test]
fn bad_cells_reject_the_row_with_its_line_and_reason() {
    let text = "name,birthday,cadence,sphere\nAnna,1990-02-30,,\nBen,,0,\nClara,,,office\nDora,,2w,work\n,,,\n";
    let batch = read(text);
    let reasons: Vec<String> = batch
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.origin, r.reason))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons[0].starts_with("people.csv: row 2: cannot read birthday \"1990-02-30\""),
        "{reasons:?}"
    );
    assert!(
        reasons[1].starts_with("people.csv: row 3: cadence \"0\" is zero"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].contains("row 4: unknown sphere \"office\"; use work or private"),
        "{reasons:?}"
    );
    assert_eq!(batch.records.len(), 1, "the empty row is not a record");
    assert_eq!(batch.records[0].cadence_days, Some(14));
}

#[test]
fn row_without_any_name_is_rejected() {
    let batch = read("name,company,email\n,,\nx,,\n, ,\n");
    assert!(batch.rejected.is_empty(), "blank rows are skipped");
    let batch = read("name,notes\n,just a note\n");
    assert!(
        batch.rejected[0]
            .reason
            .starts_with("no name; fill in one of: name, first name")
    );
}

#[test]
fn header_without_a_name_column_is_an_error_naming_the_accepted_ones() {
    let mut batch = Batch::default();
    let err = csv_batch("x.csv", "foo,bar\n1,2\n", &mut batch)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("x.csv: the header row has no column that names a contact"),
        "{err}"
    );
    assert!(err.contains("first name / last name"), "{err}");
}

#[test]
fn header_with_a_byte_order_mark_is_read() {
    let batch = read("\u{feff}Name,E-mail 1 - Value\nAnna,anna@x.example\n");
    assert_eq!(batch.records[0].card.name, "Anna");
}

fn facts(contact: Contact) -> ContactFacts {
    ContactFacts {
        cadence_from: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        contact,
        last_touch: None,
        last_personal: None,
        last_missed: None,
        written_streak: 0,
        freshest_hook: None,
    }
}

#[test]
fn exported_csv_reads_back_as_the_same_card() {
    let batch = read(OWN);
    let clara = &batch.records[0];
    let mut contact = crate::interop::tests::blank_contact();
    clara.card.apply_to(&mut contact);
    contact.tags.sort();
    contact.cadence_days = Some(21);
    contact.created_at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let text = write_contacts(&[(facts(contact), None)]).unwrap();
    assert!(text.starts_with(
        "uid,name,nickname,sphere,company,role,emails,phones,birthday,tags,notes,cadence_days,"
    ));
    assert!(
        text.contains("clara@hoffmann.example (work); clara.h@mail.example"),
        "{text}"
    );
    let again = read(&text);
    assert_eq!(again.records[0].card, clara.card);
    assert_eq!(again.records[0].cadence_days, Some(21));
    assert_eq!(again.records[0].sphere, Some(Sphere::Work));
}

/// A contact whose every text field holds `text` (in a form the store
/// keeps: tidied), with two handles and two tags.
fn hostile(text: &str) -> Contact {
    let line = crate::text::tidy_line(text);
    let tidy = |s: String| crate::text::tidy_line(&s);
    let mut c = crate::interop::tests::blank_contact();
    c.uid = tidy(format!("u{line}"));
    c.name = tidy(format!("N{line}"));
    c.nickname = Some(tidy(format!("{line}n")));
    c.company = Some(line.clone()).filter(|l| !l.is_empty());
    c.emails = vec![
        handle(&tidy(format!("{line}@x.example")), Some("work")),
        handle(&tidy(format!("a@{line}")), None),
    ];
    c.phones = vec![handle(&tidy(format!("{line} 12")), None)];
    c.tags = [format!("t{line}"), format!("{line}t")]
        .into_iter()
        .map(tidy)
        .collect();
    c.tags.sort();
    c.tags.dedup();
    c.notes = Some(crate::text::tidy_note(&format!("{text}\nend")));
    c
}

fn read_back(contact: &Contact) -> CardContact {
    let text = write_contacts(&[(facts(contact.clone()), None)]).unwrap();
    let again = read(&text);
    assert!(again.rejected.is_empty(), "{text}: {:?}", again.rejected);
    assert_eq!(again.records.len(), 1, "{text}");
    again.records[0].card.clone()
}

fn card_of(c: &Contact) -> CardContact {
    CardContact {
        uid: Some(c.uid.clone()),
        name: c.name.clone(),
        nickname: c.nickname.clone(),
        company: c.company.clone(),
        role: c.role.clone(),
        emails: c.emails.clone(),
        phones: c.phones.clone(),
        birthday: c.birthday,
        notes: c.notes.clone(),
        tags: c.tags.clone(),
    }
}

#[test]
fn separators_brackets_backslashes_and_formulas_survive_the_round_trip() {
    for text in [
        "semi;colon",
        "google ::: separator",
        "back\\slash \\; \\\\",
        "ends (like a label)",
        "(label)",
        "x ()",
        "=1+1",
        "+49 (89) 1",
        "-minus",
        "@at",
        "'=quoted",
        "''",
        "'",
        "a \"quote\", and a comma",
        "Jürgen ::: Müller; (home)",
    ] {
        let contact = hostile(text);
        assert_eq!(read_back(&contact), card_of(&contact), "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_tidy_contact_reads_back_from_its_row(text in "[a-zé;:()\\\\'\"=+@\t\r\n ,-]{0,14}") {
        let contact = hostile(&text);
        proptest::prop_assert_eq!(read_back(&contact), card_of(&contact));
    }
}

#[test]
fn no_exported_cell_starts_like_a_formula() {
    let mut contact = hostile("=HYPERLINK(\"http://evil.example\")");
    contact.name = "=cmd|' /C calc'!A0".to_string();
    contact.phones = vec![handle("+49 30 1234", None)];
    contact.notes = Some("\tindented\n-dash".to_string());
    let text = write_contacts(&[(facts(contact), None)]).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?} in {text}"
        );
    }
    assert!(text.contains("'=cmd|' /C calc'!A0"), "{text}");
    assert!(text.contains("'+49 30 1234"), "{text}");
}

#[test]
fn an_email_without_at_rejects_its_row_as_add_refuses_it() {
    let batch = read(
        "name,email,E-mail 1 - Value\nAnna,anna.example,\nBen,,ben-at-example\nCem,cem@x.example (work),\n",
    );
    let reasons: Vec<String> = batch
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.origin, r.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "people.csv: row 2: \"anna.example\" does not look like an e-mail address (no @); correct it, or move it to the phones column",
            "people.csv: row 3: \"ben-at-example\" does not look like an e-mail address (no @); correct it, or move it to the phones column",
        ]
    );
    assert_eq!(
        batch.records[0].card.emails,
        [handle("cem@x.example", Some("work"))]
    );
}

#[test]
fn a_label_in_brackets_is_read_as_add_reads_it() {
    for text in [
        "anna@acme.example (Work)",
        "anna@acme.example (* work)",
        "+49 (89) 123456-0",
        "0171 555 (mobil)",
        "x (home2)",
        "x (a (b))",
    ] {
        assert_eq!(handle_of(text), Handle::from_text(text), "{text}");
    }
    assert_eq!(
        handle_of("anna@acme.example (Work)"),
        handle("anna@acme.example", Some("work"))
    );
}

#[test]
fn an_unclosed_quote_is_an_error_naming_its_row() {
    let mut batch = Batch::default();
    let text = "name,notes\nAnna,\"fine, \"\"quoted\"\"\"\nBen,\"never closed\nCem,x\nDora,y\n";
    let err = csv_batch("people.csv", text, &mut batch)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("people.csv: row 3: a quoted cell is never closed"),
        "{err}"
    );
    // a quote inside an unquoted cell is text, and a closed one is fine
    let batch = read("name,notes\nAnna \"the\" Boss,x\nBen,\"two\nlines\"\n");
    assert_eq!(batch.records[0].card.name, "Anna \"the\" Boss");
    assert_eq!(batch.records[1].card.notes.as_deref(), Some("two\nlines"));
}

#[test]
fn rows_keep_their_line_numbers_across_quoted_line_breaks_and_crlf() {
    let text = "name,notes\r\nAnna,\"a\r\nb\"\r\n\r\nBen,1990-13-01\r\n\"Cem\nline\",x\nDora,\n";
    let mut batch = Batch::default();
    csv_batch("people.csv", text, &mut batch).unwrap();
    let rows: Vec<Option<usize>> = batch.records.iter().map(|r| r.origin.row).collect();
    assert_eq!(rows, [Some(2), Some(5), Some(6), Some(8)]);
    assert_eq!(batch.records[2].card.name, "Cem line", "a name is one line");
}

#[test]
fn control_characters_in_cells_are_tidied_as_the_store_keeps_them() {
    let batch = read(
        "name,company,tags,notes\n\"Eve\u{1b}]52;c;ZXZpbA==\u{7}\",\"AC\u{202e}ME\r\nGmbH\",\"a\u{200b};b\",\"one\r\ntwo\u{9b}\"\n",
    );
    let card = &batch.records[0].card;
    assert_eq!(card.name, "Eve]52;c;ZXZpbA==", "one cell, one name");
    assert_eq!(card.company.as_deref(), Some("ACME GmbH"));
    assert_eq!(card.tags, ["a", "b"]);
    assert_eq!(card.notes.as_deref(), Some("one\ntwo"));
}
