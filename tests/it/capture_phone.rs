//! `draht capture` on the phone's exports the tests write in the shapes the
//! apps write them (SMS Backup & Restore, WhatsApp on both platforms,
//! Telegram Desktop): what a user sees in `today` and `show` afterwards,
//! that overlapping backups count a call once, and that a call logged by
//! hand absorbs the captured one.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use super::capture_fixtures::unix;
use super::harness::{Env, entry};

const NOW: &str = "2026-12-01T12:00:00+01:00";

/// An env whose config says the phone's country.
fn env() -> Env {
    let env = Env::new(NOW);
    let dir = env.dir.path().join("config/draht");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("config.toml"), "[me]\nregion = \"DE\"\n").expect("config");
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--phone",
        "+49 170 1234567",
        "--every",
        "2w",
    ]);
    env.ok(&[
        "add",
        "Ben Okafor",
        "--phone",
        "0171 2222222",
        "--every",
        "2w",
    ]);
    env
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Milliseconds of `day` November 2026 `hour`:00 in Berlin, as the backup
/// app writes dates.
fn ms(day: u32, hour: u32) -> i64 {
    unix(day, hour, 0) * 1000
}

/// The touches of `name` as `show --json` lists them, oldest first.
fn touches(env: &Env, name: &str) -> Vec<Value> {
    let mut t = env.json(&["show", name, "--touches", "100"])["touches"]
        .as_array()
        .expect("touches")
        .clone();
    t.reverse();
    t
}

/// (local day, channel, outcome) of each touch.
fn days(touches: &[Value]) -> Vec<(String, String, String)> {
    touches
        .iter()
        .map(|t| {
            let at = chrono::DateTime::parse_from_rfc3339(t["at"].as_str().expect("at"))
                .expect("rfc3339")
                .with_timezone(&chrono::FixedOffset::east_opt(3600).unwrap());
            (
                at.date_naive().to_string(),
                t["channel"].as_str().expect("channel").to_string(),
                t["outcome"].as_str().unwrap_or("done").to_string(),
            )
        })
        .collect()
}

fn call(number: &str, duration: u32, date: i64, kind: u8, name: &str) -> String {
    format!(
        r#"  <call number="{number}" duration="{duration}" date="{date}" type="{kind}" presentation="1" subscription_id="1" post_dial_digits="" readable_date="" contact_name="{name}" />"#
    )
}

fn calls_file(calls: &[String]) -> String {
    format!(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n\
         <!--File Created By SMS Backup & Restore v10.22.001-->\n\
         <calls count=\"{}\" backup_set=\"b1\" backup_date=\"{}\" type=\"full\">\n{}\n</calls>\n",
        calls.len(),
        ms(30, 12),
        calls.join("\n")
    )
}

fn sms(address: &str, date: i64, kind: u8, body: &str) -> String {
    format!(
        r#"  <sms protocol="0" address="{address}" date="{date}" type="{kind}" subject="null" body="{body}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="" contact_name="Anna Schmidt" />"#
    )
}

fn sms_file(records: &[String]) -> String {
    format!(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n\
         <smses count=\"{}\" backup_set=\"b2\" backup_date=\"{}\" type=\"full\">\n{}\n</smses>\n",
        records.len(),
        ms(30, 12),
        records.join("\n")
    )
}

#[test]
fn a_month_of_texts_grows_the_written_streak_and_a_whatsapp_call_resets_the_check_in() {
    let env = env();
    env.ok(&["log", "Anna", "call", "--at", "2026-10-20 10:00"]);
    // Four weeks of texts, the number written four ways; two on the 24th.
    let backup = env.dir.path().join("sms-20261130.xml");
    std::fs::write(
        &backup,
        sms_file(&[
            sms("0170 1234567", ms(3, 9), 1, "Hi! Wie geht&apos;s?"),
            sms("0049-170-1234567", ms(10, 9), 2, "Gut &amp; dir?"),
            sms("+491701234567", ms(17, 19), 1, "Bis bald"),
            sms("01701234567", ms(24, 8), 2, "Morgen?"),
            sms("+49 170 1234567", ms(24, 9), 1, "Klar"),
        ]),
    )
    .unwrap();
    let run = env.json(&["capture", path(&backup)]);
    assert_eq!(run["sources"][0]["touches"], 5, "{run}");
    assert_eq!(run["sources"][0]["made"], 4, "one touch per day: {run}");
    let today = env.json(&["today"]);
    let anna = entry(&today, "Anna Schmidt");
    assert_eq!(anna["status"], "overdue", "{anna}");
    assert_eq!(anna["due"], "2026-11-03", "texts do not reset the check-in");
    assert_eq!(anna["written_streak"], 4, "texts on four days: {anna}");
    assert!(
        env.ok(&["today"]).contains("Anna Schmidt"),
        "Anna is on today's list"
    );
    assert_eq!(
        days(&touches(&env, "Anna"))[1..],
        [
            ("2026-11-03".into(), "sms".into(), "done".into()),
            ("2026-11-10".into(), "sms".into(), "done".into()),
            ("2026-11-17".into(), "sms".into(), "done".into()),
            ("2026-11-24".into(), "sms".into(), "done".into()),
        ]
    );
    assert!(
        env.ok(&["show", "Anna"])
            .contains("sms · 2 texts · sms-20261130"),
        "{}",
        env.ok(&["show", "Anna"])
    );
    // Then a WhatsApp chat from an iPhone in German, with a call on the 28th.
    let chat = env.dir.path().join("WhatsApp Chat - Anna Schmidt.txt");
    std::fs::write(
        &chat,
        "\u{200e}[26.11.26, 18:03:11] Anna Schmidt: \u{200e}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.\n\
         [26.11.26, 18:03:11] Anna Schmidt: Hast du am Wochenende Zeit?\n\
         [26.11.26, 18:05:40] Max: Samstag ginge,\n\
         ich ruf dich an\n\
         [28.11.26, 11:15:00] Max: \u{200e}Sprachanruf, \u{200e}42 Min.\n",
    )
    .unwrap();
    env.ok(&["capture", path(&chat)]);
    let show = env.json(&["show", "Anna"]);
    assert_eq!(show["written_streak"], 0, "{show}");
    assert_eq!(show["last_personal"]["channel"], "call", "{show}");
    assert_eq!(show["checkin"]["due"], "2026-12-12", "{show}");
    let today = env.json(&["today"]);
    assert!(today["overdue"].as_array().unwrap().is_empty(), "{today}");
    let last: Vec<_> = days(&touches(&env, "Anna"))[5..].to_vec();
    assert_eq!(
        last,
        [
            ("2026-11-26".into(), "chat".into(), "done".into()),
            ("2026-11-28".into(), "call".into(), "done".into()),
        ]
    );
}

#[test]
fn overlapping_backups_count_a_call_once_and_a_hand_logged_call_absorbs_it() {
    let env = env();
    env.ok(&[
        "log",
        "Anna",
        "call",
        "about the move",
        "--at",
        "2026-11-05 18:30",
    ]);
    let november = [
        call("+491701234567", 300, ms(5, 18), 1, "Anna Schmidt"),
        // Dialled, nobody answered: the user's missed attempt.
        call("0170 1234567", 0, ms(6, 9), 2, "Anna Schmidt"),
        // Ben called, the user did not take it: his touch, not the user's.
        call("0171 2222222", 0, ms(7, 11), 3, "Ben Okafor"),
        call("+491712222222", 0, ms(8, 11), 5, "Ben Okafor"),
    ];
    let first = env.dir.path().join("calls-20261115.xml");
    std::fs::write(&first, calls_file(&november)).unwrap();
    let out = env.ok(&["capture", path(&first)]);
    assert!(
        out.contains("Ben Okafor tried to call you (1 call"),
        "{out}"
    );
    let anna = touches(&env, "Anna");
    assert_eq!(
        days(&anna),
        [
            ("2026-11-05".into(), "call".into(), "done".into()),
            ("2026-11-06".into(), "call".into(), "missed".into()),
        ],
        "the captured call joined the hand-logged one"
    );
    assert_eq!(anna[0]["note"], "about the move", "the hand note stays");
    assert_eq!(anna[0]["captured"][0]["name"], "calls-20261115", "{anna:?}");
    assert!(
        touches(&env, "Ben").is_empty(),
        "a missed incoming call is no touch"
    );
    // This month's backup holds last month's calls and one more.
    let mut december = november.to_vec();
    december.push(call("+491701234567", 120, ms(29, 10), 2, "Anna Schmidt"));
    let second = env.dir.path().join("calls-20261130.xml");
    std::fs::write(&second, calls_file(&december)).unwrap();
    let run = env.json(&["capture", path(&second)]);
    assert_eq!(run["sources"][0]["made"], 1, "{run}");
    assert_eq!(run["sources"][0]["skipped"]["seen"], 3, "{run}");
    assert_eq!(
        run["tried"],
        Value::Array(vec![]),
        "Ben's call was named once"
    );
    assert_eq!(touches(&env, "Anna").len(), 3);
    let again = env.ok(&["capture", path(&first), path(&second)]);
    assert_eq!(
        again.matches("unchanged since the last capture").count(),
        2,
        "{again}"
    );
    assert_eq!(touches(&env, "Anna").len(), 3);
}

#[test]
fn an_mms_to_a_group_is_a_text_with_each_contact_in_it() {
    let env = env();
    let backup = env.dir.path().join("sms-20261130.xml");
    let mms = format!(
        r#"  <mms date="{}" rr="129" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="2" address="+491712222222~+491701234567~+491729999999" m_cls="personal" m_type="128" v="18" text_only="1" contact_name="Ben Okafor, Anna Schmidt, (Unknown)">
    <parts>
      <part seq="-1" ct="application/smil" name="null" chset="null" text='&lt;smil&gt;&lt;/smil&gt;' />
      <part seq="0" ct="text/plain" name="null" chset="106" text="Grillen am Samstag?" />
    </parts>
    <addrs>
      <addr address="insert-address-token" type="137" charset="106" />
      <addr address="0171 2222222" type="151" charset="106" />
      <addr address="+491701234567" type="151" charset="106" />
      <addr address="+491729999999" type="151" charset="106" />
    </addrs>
  </mms>"#,
        ms(20, 18)
    );
    std::fs::write(&backup, sms_file(&[mms])).unwrap();
    env.ok(&["capture", path(&backup)]);
    for name in ["Anna", "Ben"] {
        assert_eq!(
            days(&touches(&env, name)),
            [("2026-11-20".into(), "sms".into(), "done".into())],
            "{name}"
        );
    }
}

#[test]
fn whatsapp_from_android_in_english_zipped_and_in_german_with_contact() {
    let env = env();
    env.ok(&["add", "Clara Weiß", "--every", "3w"]);
    // Android, US English: month first (the 13th tells), a 12-hour clock.
    let zip_path = env.dir.path().join("WhatsApp Chat - Clara Weiß.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("WhatsApp Chat with Clara Weiß.txt", deflated)
        .unwrap();
    zip.write_all(
        "11/7/26, 6:03 PM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n\
         11/7/26, 6:03 PM - Clara Weiß: Hi! How was the trip?\n\
         11/7/26, 6:05 PM - Max: Long. Tell you\n\
         tomorrow\n\
         11/13/26, 9:15 AM - Clara Weiß: <Media omitted>\n\
         11/14/26, 12:10 AM - Clara Weiß: Missed voice call\n"
            .as_bytes(),
    )
    .unwrap();
    zip.start_file("IMG-20261113-WA0001.jpg", deflated).unwrap();
    zip.write_all(&[0xff, 0xd8, 0xff, 0xe0]).unwrap();
    zip.finish().unwrap();
    let out = env.ok(&["capture", path(&zip_path)]);
    assert!(out.contains("Clara Weiß tried to call you"), "{out}");
    assert_eq!(
        days(&touches(&env, "Clara")),
        [
            ("2026-11-07".into(), "chat".into(), "done".into()),
            ("2026-11-13".into(), "chat".into(), "done".into()),
        ]
    );
    // Android in German: day first, 24 hours; a file name that says no one
    // the book knows, so --contact says who it is.
    let chat = env.dir.path().join("chat-export.txt");
    std::fs::write(
        &chat,
        "21.11.26, 18:03 - Benni: Hallo\n21.11.26, 18:04 - Max: Hi\n22.11.26, 09:00 - Max: Sprachanruf, 5 Min.\n",
    )
    .unwrap();
    let err = env.fails(
        &[
            "capture",
            path(&chat),
            "--kind",
            "whatsapp",
            "--contact",
            "Zora",
        ],
        2,
    );
    assert!(err.contains("Zora"), "{err}");
    env.ok(&[
        "capture",
        path(&chat),
        "--kind",
        "whatsapp",
        "--contact",
        "Ben",
    ]);
    assert_eq!(
        days(&touches(&env, "Ben")),
        [
            ("2026-11-21".into(), "chat".into(), "done".into()),
            ("2026-11-22".into(), "call".into(), "done".into()),
        ]
    );
}

#[test]
fn a_telegram_export_gives_chats_and_calls_by_day() {
    let env = env();
    env.ok(&["add", "Dmitri Petrov", "--every", "1mo"]);
    let message = |id: u32, day: u32, from: &str, from_id: &str| {
        format!(
            r#"{{"id": {id}, "type": "message", "date": "2026-11-{day:02}T10:00:00", "date_unixtime": "{}", "from": "{from}", "from_id": "{from_id}", "text": "Privet", "text_entities": [{{"type": "plain", "text": "Privet"}}]}}"#,
            unix(day, 10, 0)
        )
    };
    let call = |id: u32, day: u32, extra: &str| {
        format!(
            r#"{{"id": {id}, "type": "service", "date": "2026-11-{day:02}T19:00:00", "date_unixtime": "{}", "actor": "Max", "actor_id": "user1", "action": "phone_call"{extra}, "text": "", "text_entities": []}}"#,
            unix(day, 19, 0)
        )
    };
    let export = format!(
        r#"{{
 "about": "Here is the data you requested.",
 "personal_information": {{"user_id": 1, "first_name": "Max", "last_name": "", "phone_number": "+49 170 0000000", "bio": ""}},
 "contacts": {{"about": "x", "list": [{{"first_name": "Benni", "last_name": "", "phone_number": "+49 171 2222222", "date": "2020-01-01T00:00:00", "date_unixtime": "1577836800"}}]}},
 "chats": {{"about": "x", "list": [
   {{"name": "Dmitri Petrov", "type": "personal_chat", "id": 4711, "messages": [{}, {}, {}, {}]}},
   {{"name": "Benni", "type": "personal_chat", "id": 5000, "messages": [{}]}},
   {{"name": "Wandern", "type": "private_supergroup", "id": 6000, "messages": [{}]}}
 ]}}
}}"#,
        message(1, 10, "Dmitri Petrov", "user4711"),
        message(2, 10, "Max", "user1"),
        call(
            3,
            11,
            r#", "duration_seconds": 300, "discard_reason": "hangup""#
        ),
        call(4, 15, r#", "discard_reason": "busy""#),
        message(1, 12, "Benni", "user5000"),
        message(1, 13, "Dmitri Petrov", "user4711"),
    );
    let dir = env
        .dir
        .path()
        .join("Telegram Desktop/DataExport_2026-11-30");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("result.json"), export).unwrap();
    let run = env.json(&["capture", path(&dir.join("result.json"))]);
    assert_eq!(run["sources"][0]["name"], "DataExport_2026-11-30", "{run}");
    assert_eq!(run["sources"][0]["skipped"]["group"], 1, "{run}");
    assert_eq!(
        days(&touches(&env, "Dmitri")),
        [
            ("2026-11-10".into(), "chat".into(), "done".into()),
            ("2026-11-11".into(), "call".into(), "done".into()),
            ("2026-11-15".into(), "call".into(), "missed".into()),
        ]
    );
    assert_eq!(
        days(&touches(&env, "Ben")),
        [("2026-11-12".into(), "chat".into(), "done".into())],
        "\"Benni\" is Ben by the number in Telegram's contact list"
    );
}

#[test]
fn a_phone_capture_speaks_german() {
    let env = env();
    let calls = env.dir.path().join("calls-20261130.xml");
    std::fs::write(
        &calls,
        calls_file(&[
            call("+491701234567", 300, ms(5, 18), 1, "Anna Schmidt"),
            call("0171 2222222", 0, ms(7, 11), 3, "Ben Okafor"),
        ]),
    )
    .unwrap();
    let out = env.ok(&["--lang", "de", "capture", path(&calls)]);
    assert!(out.contains("2 Anrufe und SMS gelesen"), "{out}");
    assert!(
        out.contains("Ben Okafor hat versucht, Sie anzurufen (1 Anruf"),
        "{out}"
    );
    assert!(
        out.contains("1 Anrufe, die Sie nicht angenommen haben"),
        "{out}"
    );
    let chat = env.dir.path().join("WhatsApp Chat with Anna Schmidt.txt");
    std::fs::write(&chat, "07/11/2026, 18:03 - Anna Schmidt: Hallo\n").unwrap();
    let err = env.fails(&["--lang", "de", "capture", path(&chat)], 2);
    assert!(err.contains("--date-order dmy, mdy oder ymd"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
