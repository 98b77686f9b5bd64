use chrono::TimeZone;

use super::*;
use crate::model::{Birthday, Handle};

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
}

fn anna() -> Contact {
    let mut c = Contact::new("Anna Schmidt", at(1, 9));
    c.uid = "6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21".into();
    c.nickname = Some("Annie".into());
    c.company = Some("ACME GmbH".into());
    c.emails = vec![Handle {
        value: "anna@example.org".into(),
        label: Some("work".into()),
    }];
    c.phones = vec![Handle::new("+49 30 1234567")];
    c.birthday = Birthday::new(None, 4, 12);
    c.notes = Some("likes sailing,\nand cake".into());
    c.tags = vec!["Freunde".into(), "segeln".into()];
    c.sphere = Sphere::Work;
    c.cadence_days = Some(21);
    c.min_channel = Some(Channel::Video);
    c.snoozed_until = NaiveDate::from_ymd_opt(2026, 12, 24);
    c
}

fn props(contact: &Contact) -> DrahtProps {
    DrahtProps::of(
        contact,
        NaiveDate::from_ymd_opt(2026, 11, 20),
        vec![
            HookProp {
                kind: HookKind::Project,
                text: "the boat; the sails, and\nmore".into(),
                created_at: at(2, 10),
                used_at: Some(at(5, 18)),
            },
            HookProp {
                kind: HookKind::Hobby,
                text: "Berlin marathon".into(),
                created_at: at(3, 10),
                used_at: None,
            },
        ],
    )
}

const STORED: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21\r\n\
FN:Anna Schmidt\r\nN:Schmidt;Anna;;Dr.;\r\nADR;TYPE=home:;;Segelweg 1;Berlin;;10115;DE\r\n\
item1.URL:https://anna.example.org\r\nitem1.X-ABLabel:blog\r\nX-PHONETIC-FIRST-NAME:Ana\r\n\
REV:20200101T000000Z\r\nEND:VCARD\r\n";

#[test]
fn a_rendered_card_reads_back_as_the_same_fields() {
    let contact = anna();
    let draht = props(&contact);
    for stored in [None, Some(STORED)] {
        let text = render_card(stored, &contact, &draht, at(6, 12));
        let read = read_sync_card(&text).unwrap();
        assert_eq!(read.draht.as_ref(), Some(&draht), "{text}");
        assert_eq!(read.rev, Some(at(6, 12)));
        let from_record = card_fields(&CardContact::from(&contact), Some(&draht), &text);
        let from_file = card_fields(&read.card.contact, read.draht.as_ref(), &text);
        assert_eq!(from_file, from_record, "{text}");
        // rendering again over what the store keeps gives the same bytes
        let again = render_card(Some(&strip_draht(&text)), &contact, &draht, at(6, 12));
        assert_eq!(again, text);
    }
}

#[test]
fn the_card_keeps_what_draht_does_not_read_and_the_store_keeps_no_draht_lines() {
    let contact = anna();
    let text = render_card(Some(STORED), &contact, &props(&contact), at(6, 12));
    for kept in [
        "ADR;TYPE=home:;;Segelweg 1;Berlin;;10115;DE\r\n",
        "item1.URL:https://anna.example.org\r\nitem1.X-ABLabel:blog\r\n",
        "X-PHONETIC-FIRST-NAME:Ana\r\n",
        "N:Schmidt;Anna;;Dr.;\r\n",
    ] {
        assert!(text.contains(kept), "{kept:?} in {text}");
    }
    assert!(text.contains("X-DRAHT-CADENCE:21\r\n"), "{text}");
    assert!(text.contains("REV:20261106T120000Z\r\n"), "{text}");
    assert!(!text.contains("REV:2020"), "one REV: {text}");
    assert!(text.ends_with("END:VCARD\r\n"));
    let stored = strip_draht(&text);
    assert!(
        !stored.contains("X-DRAHT") && !stored.contains("REV:"),
        "{stored}"
    );
    assert!(stored.contains("ADR;TYPE=home"));
}

#[test]
fn a_card_made_elsewhere_has_no_draht_fields() {
    let read = read_sync_card(STORED).unwrap();
    assert_eq!(read.draht, None);
    assert_eq!(read.card.contact.name, "Anna Schmidt");
    let fields = card_fields(&read.card.contact, None, STORED);
    assert_eq!(fields.get("sphere"), "");
    assert_eq!(
        fields.get("card:ADR"),
        "ADR;TYPE=home:;;Segelweg 1;Berlin;;10115;DE"
    );
    assert_eq!(
        fields.get("card:URL"),
        "URL:https://anna.example.org\nX-ABLABEL:blog",
        "a labelled group is one field, by its property"
    );
    assert_eq!(fields.get("card:X-ABLABEL"), "");
}

#[test]
fn a_server_that_reorders_and_refolds_gives_the_same_fields() {
    let contact = anna();
    let draht = props(&contact);
    let text = render_card(Some(STORED), &contact, &draht, at(6, 12));
    // what Radicale (vobject) does: properties sorted, lines folded anew,
    // parameters in another order
    let mut lines: Vec<String> = content_lines(&text)
        .iter()
        .map(|l| l.unfolded(&text))
        .collect();
    let begin = lines.remove(0);
    let end = lines.pop().unwrap();
    lines.sort();
    let mut served = format!("{begin}\r\n");
    for line in lines {
        let line = line.replace(
            "X-DRAHT-HOOK;X-KIND=project;X-CREATED=20261102T100000Z;X-USED=20261105T180000Z",
            "X-DRAHT-HOOK;X-USED=20261105T180000Z;X-KIND=project;X-CREATED=20261102T100000Z",
        );
        served.push_str(&fold(&line));
    }
    served.push_str(&format!("{end}\r\n"));
    let read = read_sync_card(&served).unwrap();
    assert_eq!(
        card_fields(&read.card.contact, read.draht.as_ref(), &served),
        card_fields(&CardContact::from(&contact), Some(&draht), &text),
        "{served}"
    );
}

#[test]
fn a_merge_takes_one_property_from_the_other_card() {
    let mine = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nADR:;;Old 1;Berlin;;;\nitem2.URL:x\nitem2.X-ABLabel:old\nNOTE:n\nEND:VCARD\n";
    let theirs = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nADR:;;New 2;Hamburg;;;\r\nADR;TYPE=work:;;Office;Hamburg;;;\r\nitem1.URL:y\r\nitem1.X-ABLabel:new\r\nEND:VCARD\r\n";
    let merged = take_properties(mine, theirs, &["ADR".to_string(), "URL".to_string()]);
    assert_eq!(
        merged,
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:n\nADR:;;New 2;Hamburg;;;\nADR;TYPE=work:;;Office;Hamburg;;;\nitem1.URL:y\nitem1.X-ABLabel:new\nEND:VCARD\n"
    );
    assert_eq!(take_properties(mine, theirs, &[]), mine);
    let gone = take_properties(mine, "BEGIN:VCARD\nFN:A\nEND:VCARD\n", &["ADR".to_string()]);
    assert!(!gone.contains("ADR"), "{gone}");
}

#[test]
fn values_and_stamps_read_back() {
    for text in ["a;b,c\\d\ne", "", "plain", "ünïcödé ✓"] {
        assert_eq!(unescape(&escape(text)), text);
    }
    assert_eq!(stamp("20261101T090000Z"), Some(at(1, 9)));
    assert_eq!(stamp("2026-11-01T09:00:00Z"), Some(at(1, 9)));
    assert_eq!(stamp("2026-11-01T10:00:00+01:00"), Some(at(1, 9)));
    assert_eq!(stamp("20261101T090000"), Some(at(1, 9)));
    assert_eq!(stamp("soon"), None);
    let (name, params, value) =
        split_line("item1.X-DRAHT-HOOK;X-KIND=\"a:b\";X-USED=1:text: more").unwrap();
    assert_eq!(name, "X-DRAHT-HOOK");
    assert_eq!(params[0], ("X-KIND".to_string(), "a:b".to_string()));
    assert_eq!(value, "text: more");
}
