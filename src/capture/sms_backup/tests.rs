use chrono::TimeZone;

use super::*;
use crate::capture::address::Entry;
use crate::capture::phone;
use crate::model::Id;

fn book() -> Book {
    Book::with_region(
        &[
            Entry::with_phones(1, "Anna Schmidt", &["0170 1234567"]),
            Entry::with_phones(2, "Ben Okafor", &["+49 171 2222222"]),
            Entry::with_phones(3, "Clara Weiß", &["0049-172-3333333"]),
        ],
        &[],
        false,
        phone::region("DE"),
    )
}

/// Milliseconds of a UTC time in December 2026.
fn ms(day: u32, hour: u32) -> i64 {
    Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0)
        .unwrap()
        .timestamp_millis()
}

fn read_all(xml: &str) -> (Vec<Found>, bool) {
    let book = book();
    let window = Window {
        now: Utc.with_ymd_and_hms(2026, 12, 20, 12, 0, 0).unwrap(),
        since: None,
    };
    let cx = Context {
        book: &book,
        window: &window,
        max_recipients: 8,
    };
    let mut found = Vec::new();
    let settled = read(xml.as_bytes(), &cx, &mut |f| found.push(f)).unwrap();
    (found, settled)
}

fn calls_xml() -> String {
    format!(
        r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<!--File Created By SMS Backup & Restore v10.22.001 on 20/12/2026 12:00:00-->
<calls count="8" backup_set="0b1c" backup_date="{now}" type="full">
  <call number="+491701234567" duration="125" date="{a}" type="1" presentation="1" subscription_id="1" post_dial_digits="" subscription_component_name="com.android.phone/com.android.services.telephony.TelephonyConnectionService" readable_date="7 Dec 2026 09:00:00" contact_name="Anna Schmidt" />
  <call number="01701234567" duration="0" date="{b}" type="2" presentation="1" readable_date="8 Dec 2026 10:00:00" contact_name="Anna Schmidt" />
  <call number="0171 2222222" duration="0" date="{c}" type="3" presentation="1" contact_name="Ben Okafor" />
  <call number="+491712222222" duration="0" date="{d}" type="5" presentation="1" contact_name="Ben Okafor" />
  <call number="+491712222222" duration="0" date="{d2}" type="6" presentation="1" contact_name="Ben Okafor" />
  <call number="" duration="30" date="{e}" type="1" presentation="2" contact_name="(Unknown)" />
  <call number="+491701234567" duration="61" date="{f}" type="2" presentation="1" contact_name="Anna &amp; Co" />
  <call number="+491701234567" duration="61" date="{future}" type="2" presentation="1" />
</calls>
"#,
        now = ms(20, 12),
        a = ms(7, 9),
        b = ms(8, 10),
        c = ms(9, 11),
        d = ms(10, 12),
        d2 = ms(10, 13),
        e = ms(11, 9),
        f = ms(12, 18),
        future = ms(20, 12) + 3 * 86_400_000,
    )
}

#[test]
fn calls_by_type_and_duration() {
    let (found, settled) = read_all(&calls_xml());
    assert!(!settled, "a call dated after now");
    let summary: Vec<String> = found
        .iter()
        .map(|f| match f {
            Found::Item(i) => format!("{} {} {}", i.channel.as_str(), i.outcome.as_str(), i.sent),
            Found::Tried(i) => format!("tried {}", i.people[0].handle.as_str()),
            Found::Skip(s) => format!("skip {}", s.as_str()),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            "call done false",
            "call missed true",
            "tried +491712222222",
            "skip refused",
            "skip refused",
            "skip unknown",
            "call done true",
            "skip future",
        ]
    );
    let Found::Item(first) = &found[0] else {
        unreachable!()
    };
    assert_eq!(first.key, format!("call:+491701234567:{}:1", ms(7, 9)));
    assert_eq!(first.people[0].name.as_deref(), Some("Anna Schmidt"));
    assert_eq!(book().contacts_of(first, false), vec![1]);
    let Found::Item(second) = &found[1] else {
        unreachable!()
    };
    assert_eq!(
        book().contacts_of(second, false),
        vec![1],
        "0170… and +49170… are one number"
    );
}

fn sms_xml() -> String {
    format!(
        r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="9" backup_set="1" backup_date="{now}" type="full">
  <sms protocol="0" address="+491701234567" date="{a1}" type="1" subject="null" body="Hi! &lt;3 &amp; more" toa="null" sc_toa="null" service_center="+491770610000" read="1" status="-1" locked="0" date_sent="{a1}" sub_id="1" readable_date="7 Dec 2026" contact_name="Anna Schmidt" />
  <sms protocol="0" address="0170 1234567" date="{a2}" type="2" subject="null" body="Hallo zurück" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" contact_name="Anna Schmidt" />
  <sms protocol="0" address="+491701234567" date="{a3}" type="1" body="noch was" read="1" status="-1" locked="0" contact_name="Anna Schmidt" />
  <sms protocol="0" address="+491701234567" date="{a4}" type="3" body="draft" read="1" status="-1" locked="0" contact_name="Anna Schmidt" />
  <sms protocol="0" address="DHL" date="{a4}" type="1" body="Ihr Paket" read="1" status="-1" locked="0" contact_name="(Unknown)" />
  <sms protocol="0" address="+491701234567" type="1" body="no date" />
  <mms date="{m1}" rr="129" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="2" address="+491712222222~+491723333333~+491701234567" m_cls="personal" sub_cs="null" m_type="128" v="18" exp="null" pri="129" rr_st="0" locked="0" text_only="1" readable_date="9 Dec 2026" contact_name="Ben Okafor, Clara Weiß, Anna Schmidt">
    <parts>
      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text='&lt;smil&gt;&lt;/smil&gt;' />
      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text_0&gt;" cl="text_0.txt" ctt_s="null" ctt_t="null" text="Grillen am Samstag?" />
    </parts>
    <addrs>
      <addr address="insert-address-token" type="137" charset="106" />
      <addr address="+491712222222" type="151" charset="106" />
      <addr address="0172 3333333" type="151" charset="106" />
      <addr address="+491701234567" type="151" charset="106" />
    </addrs>
  </mms>
  <mms date="{m2}" msg_box="1" address="+491712222222~+491723333333" m_type="132" contact_name="Ben Okafor, Clara Weiß">
    <parts><part seq="0" ct="image/jpeg" data="/9j/4AAQSkZJRgABAQAAAQABAAD" /></parts>
    <addrs>
      <addr address="+491712222222" type="137" charset="106" />
      <addr address="+491723333333" type="151" charset="106" />
      <addr address="+491709999999" type="151" charset="106" />
    </addrs>
  </mms>
</smses>
"#,
        now = ms(20, 12),
        a1 = ms(7, 9),
        a2 = ms(7, 10),
        a3 = ms(8, 8),
        a4 = ms(8, 9),
        m1 = ms(9, 18),
        m2 = ms(9, 19) / 1000,
    )
}

#[test]
fn texts_are_counted_by_number_and_day() {
    let (found, settled) = read_all(&sms_xml());
    assert!(settled);
    let skips: Vec<&str> = found
        .iter()
        .filter_map(|f| match f {
            Found::Skip(s) => Some(s.as_str()),
            Found::Broken(_) => Some("broken"),
            _ => None,
        })
        .collect();
    assert_eq!(skips, vec!["not_sent", "automated", "broken"]);
    let book = book();
    let items: Vec<(String, u32, Vec<Id>)> = found
        .iter()
        .filter_map(|f| match f {
            Found::Items(item, n) => Some((item.key.clone(), *n, book.contacts_of(item, false))),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        vec![
            ("sms:+491701234567:2026-12-07:in".to_string(), 1, vec![1]),
            ("sms:+491701234567:2026-12-07:out".to_string(), 1, vec![1]),
            ("sms:+491701234567:2026-12-08:in".to_string(), 1, vec![1]),
            (
                "sms:+491701234567~+491712222222~+491723333333:2026-12-09:out".to_string(),
                1,
                vec![1, 2, 3]
            ),
            ("sms:+491712222222:2026-12-09:in".to_string(), 1, vec![2]),
        ],
        "the group MMS the user sent is one with all three; the one received, with its sender (its date in seconds)"
    );
}

#[test]
fn a_backup_cut_short_keeps_what_came_before() {
    let xml = sms_xml();
    let cut = &xml[..xml.find("<mms date").unwrap() + 30];
    let (found, _) = read_all(cut);
    let broken: Vec<&String> = found
        .iter()
        .filter_map(|f| match f {
            Found::Broken(why) => Some(why),
            _ => None,
        })
        .collect();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(broken[1].starts_with("byte "), "{broken:?}");
    assert_eq!(
        found
            .iter()
            .filter(|f| matches!(f, Found::Items(..)))
            .count(),
        3
    );
}

#[test]
fn a_bad_element_is_counted_and_the_rest_read() {
    let xml = format!(
        r#"<smses><sms address="+491701234567" date="{a}" type="1" body="x" body="y" bad /><sms address="+491701234567" date="{b}" type="2" /></smses>"#,
        a = ms(7, 9),
        b = ms(7, 10)
    );
    let (found, _) = read_all(&xml);
    assert!(
        matches!(&found[0], Found::Broken(why) if why.contains("attribute")),
        "{found:?}"
    );
    assert!(matches!(&found[1], Found::Items(_, 1)));
}

#[test]
fn first_bytes_of_a_backup() {
    assert!(looks_like_backup(
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore-->\n<calls count=\"1\">"
    ));
    assert!(looks_like_backup(b"\xef\xbb\xbf<smses count=\"0\" />"));
    assert!(!looks_like_backup(b"<?xml version='1.0'?><feed>"));
    assert!(!looks_like_backup(b"From - Tue"));
}
