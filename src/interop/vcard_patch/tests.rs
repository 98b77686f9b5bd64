//! Exporting stored cards: unchanged cards come back byte for byte, each
//! change draht makes touches only its own lines, and an export read back
//! exports the same bytes.

use crate::interop::tests::{APPLE, GOOGLE, OUTLOOK, PLAIN4, blank_contact};
use crate::interop::vcard::{
    Card, VcardVersion, export_card, merge_cards, read_card_texts, read_one,
};
use crate::model::{Birthday, Contact, Handle};

fn cards(text: &str) -> Vec<Card> {
    read_card_texts(text)
        .into_iter()
        .map(|c| c.expect("a readable fixture card"))
        .collect()
}

/// The contact an import makes of `card` (with a UID when it has none).
fn imported(card: &Card) -> Contact {
    let mut contact = blank_contact();
    contact.uid = "draht-uid-1".into();
    card.contact.apply_to(&mut contact);
    contact.tags.sort();
    contact
}

/// Exports `contact` from `stored`, then reads the export back and
/// exports that again: the two exports must be the same bytes.
fn export_twice(stored: &str, contact: &Contact, version: Option<VcardVersion>) -> String {
    let first = export_card(Some(stored), contact, version);
    let again = read_one(&first).expect("the export reads back");
    let mut back = contact.clone();
    again.contact.apply_to(&mut back);
    back.tags.sort();
    assert_eq!(
        &back, contact,
        "the export reads back as the contact:\n{first}"
    );
    let second = export_card(Some(&first), contact, version);
    assert_eq!(
        second, first,
        "an export re-imported exports the same bytes"
    );
    first
}

#[test]
fn unchanged_cards_with_a_uid_come_back_byte_for_byte() {
    for fixture in [APPLE, PLAIN4] {
        for card in cards(fixture) {
            let mut contact = imported(&card);
            contact.uid = card.contact.uid.clone().unwrap();
            assert_eq!(export_twice(&card.text, &contact, None), card.text);
        }
    }
}

#[test]
fn a_card_without_uid_only_gains_the_uid_draht_gave_it() {
    let anna = &cards(GOOGLE)[0];
    let exported = export_twice(&anna.text, &imported(anna), None);
    let expected = anna
        .text
        .replacen("VERSION:3.0\r\n", "VERSION:3.0\r\nUID:draht-uid-1\r\n", 1);
    assert_eq!(exported, expected);
}

#[test]
fn a_2_1_card_is_written_as_3_0_without_charset_and_keeps_its_other_lines() {
    let juergen = &cards(OUTLOOK)[0];
    let exported = export_twice(&juergen.text, &imported(juergen), None);
    assert!(exported.contains("VERSION:3.0\r\n"), "{exported}");
    assert!(!exported.contains("CHARSET"), "{exported}");
    assert!(!exported.contains("QUOTED-PRINTABLE"), "{exported}");
    for kept in [
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\n",
        "TITLE:Einkaufsleiter\r\n",
        "N;LANGUAGE=de:Müller;Jürgen\r\n",
        "München",
        "REV:20240115T101500Z\r\n",
    ] {
        assert!(exported.contains(kept), "{kept:?} in {exported}");
    }
}

#[test]
fn a_rename_keeps_the_prefix_in_n_and_never_rebuilds_n_from_fn() {
    let chidi = &cards(APPLE)[1];
    let mut contact = imported(chidi);
    contact.uid = chidi.contact.uid.clone().unwrap();
    assert!(
        export_card(Some(&chidi.text), &contact, None).contains("N:Okonkwo;Chidi;;Dr.;\r\n"),
        "unchanged: N as it came"
    );
    contact.name = "Dr. Chidi Okonkwo-Meyer".into();
    let exported = export_twice(&chidi.text, &contact, None);
    assert!(
        exported.contains("FN:Dr. Chidi Okonkwo-Meyer\r\n"),
        "{exported}"
    );
    assert!(
        exported.contains("N:Okonkwo-Meyer;Chidi;;Dr.;\r\n"),
        "{exported}"
    );
    contact.name = "Prof. Dr. Chidi Okonkwo".into();
    let exported = export_twice(&chidi.text, &contact, None);
    assert!(
        exported.contains("N:Okonkwo;Chidi;;Prof. Dr.;\r\n"),
        "{exported}"
    );
}

#[test]
fn changed_emails_keep_the_lines_of_the_others_with_their_labels() {
    let anna = &cards(GOOGLE)[0];
    let mut contact = imported(anna);
    contact.emails.remove(0);
    contact.emails.push(Handle {
        value: "anna@new.example".into(),
        label: Some("segelverein".into()),
    });
    let exported = export_twice(&anna.text, &contact, None);
    assert!(
        !exported.contains("anna.schmidt@acme.example"),
        "{exported}"
    );
    assert!(exported.contains("EMAIL;TYPE=INTERNET;TYPE=HOME:anna@schmidt.example\r\n"));
    assert!(exported.contains("item1.EMAIL;TYPE=INTERNET:anna@segelclub-wannsee.example\r\nitem1.X-ABLabel:Segelclub\r\n"), "{exported}");
    assert!(
        exported.contains("item4.EMAIL:anna@new.example\r\nitem4.X-ABLabel:segelverein\r\n"),
        "a new group past the card's item1–item3: {exported}"
    );
    // everything else is untouched
    for line in [
        "ADR;TYPE=WORK:",
        "item3.URL:",
        "PHOTO:",
        "NOTE:Met at",
        "TEL;TYPE=CELL:",
    ] {
        assert!(exported.contains(line), "{line} in {exported}");
    }
}

#[test]
fn a_removed_labelled_phone_takes_its_label_along() {
    let anna = &cards(GOOGLE)[0];
    let mut contact = imported(anna);
    contact.phones.pop();
    let exported = export_twice(&anna.text, &contact, None);
    assert!(!exported.contains("item2."), "{exported}");
    assert!(exported.contains("item3.URL"), "{exported}");
}

#[test]
fn tags_replace_categories_but_keep_googles_system_group() {
    let anna = &cards(GOOGLE)[0];
    let mut contact = imported(anna);
    contact.tags = vec!["Freunde".into(), "Kunden".into()];
    let exported = export_twice(&anna.text, &contact, None);
    assert!(
        exported.contains("CATEGORIES:myContacts,Freunde,Kunden\r\n"),
        "{exported}"
    );
}

#[test]
fn fields_draht_clears_lose_their_lines_and_new_ones_are_added() {
    let ben = &cards(PLAIN4)[0];
    let mut contact = imported(ben);
    contact.uid = ben.contact.uid.clone().unwrap();
    contact.nickname = None;
    contact.role = Some("Partner".into());
    contact.company = Some("Okafor & Sons".into());
    contact.birthday = Birthday::new(None, 4, 12);
    contact.notes = Some("two\nlines".into());
    let exported = export_twice(&ben.text, &contact, None);
    assert!(!exported.contains("NICKNAME"), "{exported}");
    assert!(
        exported.contains("ROLE:Partner\n"),
        "ROLE stays ROLE: {exported}"
    );
    assert!(exported.contains("ORG:Okafor & Sons\n"), "{exported}");
    assert!(exported.contains("BDAY:--0412\n"), "{exported}");
    assert!(exported.contains("NOTE:two\\nlines\n"), "{exported}");
    assert!(!exported.contains('\r'), "the card's LF line ends are kept");
    for line in [
        "GENDER:M\n",
        "ANNIVERSARY:20100612\n",
        "KIND:individual\n",
        "REV:20250101T120000Z\n",
    ] {
        assert!(exported.contains(line), "{line} in {exported}");
    }
}

#[test]
fn a_department_stays_when_the_company_changes() {
    let lea = &cards(APPLE)[0];
    let mut contact = imported(lea);
    contact.uid = lea.contact.uid.clone().unwrap();
    contact.company = Some("Brandt Architekten".into());
    let exported = export_twice(&lea.text, &contact, None);
    assert!(
        exported.contains("ORG:Brandt Architekten;Planung\r\n"),
        "{exported}"
    );
}

#[test]
fn a_forced_version_converts_and_stays_stable() {
    for fixture in [GOOGLE, APPLE, OUTLOOK, PLAIN4] {
        for card in cards(fixture) {
            for version in [VcardVersion::V3, VcardVersion::V4] {
                let contact = imported(&card);
                let exported = export_twice(&card.text, &contact, Some(version));
                assert!(
                    exported.contains(&format!("VERSION:{}", version.as_str())),
                    "{exported}"
                );
                if version == VcardVersion::V3 {
                    assert!(!exported.contains("CHARSET"), "{exported}");
                }
            }
        }
    }
}

#[test]
fn merging_adds_what_the_first_card_lacks_and_renames_groups() {
    let lea = &cards(APPLE)[0].text;
    let anna = &cards(GOOGLE)[0].text;
    let merged = merge_cards(anna, lea);
    assert!(
        merged.starts_with(anna.trim_end_matches("END:VCARD\r\n")),
        "{merged}"
    );
    assert!(
        merged.contains("Elbchaussee 12"),
        "the second card's address"
    );
    assert!(
        merged.contains("item4.ADR;type=HOME;type=pref:;;Elbchaussee 12;Hamburg;;22763;Deutschland\r\nitem4.X-ABADR:de\r\n"),
        "{merged}"
    );
    assert!(
        merged.contains("item5.URL;type=pref:https://brandt-partner.example\r\nitem5.X-ABLabel:_$!<HomePage>!$_\r\n"),
        "{merged}"
    );
    assert_eq!(
        merged.matches("PHOTO").count(),
        2,
        "both photos: a card may hold several"
    );
    assert!(!merged.contains("X-ABUID"), "{merged}");
    assert!(
        !merged.contains("Lele"),
        "owned fields come from the contact"
    );
    assert!(merged.ends_with("END:VCARD\r\n"));
    assert!(read_one(&merged).is_ok());
}
