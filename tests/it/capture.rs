//! `draht capture` on mailboxes and calendars the tests write in the shapes
//! real clients write them: what a user sees in `show`, `today` and
//! `jourfixe list` afterwards, and that capturing again never doubles
//! anything — also after a kill.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use super::capture_fixtures::{self as fx, ME, ME_WORK, accepted, date, deliver, maildir, unix};
use super::harness::{Env, entry};

pub(crate) const NOW: &str = "2026-12-01T12:00:00+01:00";

pub(crate) fn config(env: &Env, text: &str) {
    let dir = env.dir.path().join("config/draht");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("config.toml"), text).expect("config");
}

/// An env whose config knows the user's own addresses.
pub(crate) fn env() -> Env {
    let env = Env::new(NOW);
    config(&env, &format!("[me]\nemails = [\"{ME}\", \"{ME_WORK}\"]\n"));
    env
}

pub(crate) fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

pub(crate) fn capture(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["capture"];
    all.extend_from_slice(args);
    env.json(&all)
}

/// The touches of `name` as `show --json` lists them, oldest first.
pub(crate) fn touches(env: &Env, name: &str) -> Vec<Value> {
    let mut t = env.json(&["show", name, "--touches", "100"])["touches"]
        .as_array()
        .expect("touches")
        .clone();
    t.reverse();
    t
}

/// (local day, channel, items) of each touch.
pub(crate) fn days(touches: &[Value]) -> Vec<(String, String, u64)> {
    touches
        .iter()
        .map(|t| {
            let at = t["at"].as_str().expect("at");
            let instant = chrono::DateTime::parse_from_rfc3339(at).expect("rfc3339");
            let berlin = instant.with_timezone(&chrono::FixedOffset::east_opt(3600).unwrap());
            let items = t["captured"]
                .as_array()
                .map_or(0, |c| c.iter().map(|s| s["items"].as_u64().unwrap()).sum());
            (
                berlin.format("%m-%d").to_string(),
                t["channel"].as_str().unwrap().to_string(),
                items,
            )
        })
        .collect()
}

pub(crate) fn day(d: &str, channel: &str, items: u64) -> (String, String, u64) {
    (d.to_string(), channel.to_string(), items)
}

pub(crate) fn add(env: &Env, name: &str, email: &str) {
    env.ok(&["add", name, "--email", email]);
}

/// A mailbox in every shape the issue names.
fn real_world_mailbox(root: &Path) -> PathBuf {
    let inbox = maildir(root, "Mail");
    let sent = maildir(&inbox, ".Sent");
    let anna = "Anna Schmidt <anna.schmidt@gmail.com>";
    deliver(
        &inbox,
        unix(10, 9, 0),
        1,
        &fx::gmail(
            anna,
            &format!("Me <{ME}>"),
            &date(10, 9, 0),
            "g1@mail.gmail.com",
            "Kaffee?",
        ),
    );
    deliver(
        &inbox,
        unix(10, 15, 0),
        2,
        &fx::gmail(
            anna,
            ME,
            &date(10, 15, 0),
            "g2@mail.gmail.com",
            "=?UTF-8?Q?Re:_Kaffee_n=C3=A4chste_Woche?=",
        ),
    );
    deliver(
        &inbox,
        unix(11, 10, 0),
        3,
        &fx::outlook(
            "\"=?utf-8?B?TcO8bGxlciwgSsO2cmc=?=\" <J.Mueller@Firma.de>",
            &format!("\"{ME_WORK}\" <{ME_WORK}>"),
            "Ben Okafor <ben@okafor.net>",
            &date(11, 10, 0),
            "AM0PR01MB12345C0FFEE@AM0PR01MB1234.eurprd01.prod.exchangelabs.com",
        ),
    );
    deliver(
        &sent,
        unix(12, 18, 3),
        4,
        &fx::apple_sent(
            "=?utf-8?Q?Lea_Brandt?= <lea@brandt.de>, Anna <anna.schmidt@gmail.com>",
            &date(12, 18, 3),
            "E1F2A3B4@example.org",
        ),
    );
    deliver(
        &sent,
        unix(14, 8, 0),
        5,
        &fx::thunderbird_undated(
            "=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <j.mueller@firma.de>",
            "tb1@example.org",
        ),
    );
    deliver(
        &sent,
        unix(13, 20, 0),
        6,
        &format!(
            "From: Me <{ME}>\nTo: Familie: Mama <mama@web.de>, Papa <papa@web.de>;, undisclosed-recipients:;\nDate: {}\nMessage-ID: <group@example.org>\n\nHallo!\n",
            date(13, 20, 0)
        ),
    );
    deliver(
        &inbox,
        unix(13, 9, 0),
        7,
        &fx::list(&date(13, 9, 0), "list1@github.com"),
    );
    deliver(
        &inbox,
        unix(13, 9, 30),
        8,
        &fx::plain(ME, ME_WORK, &date(13, 9, 30), "self@example.org"),
    );
    inbox
}

fn real_world_contacts(env: &Env) {
    add(env, "Anna Schmidt", "anna.schmidt@gmail.com");
    add(env, "Jörg Müller", "j.mueller@firma.de");
    add(env, "Lea Brandt", "lea@brandt.de");
    add(env, "Mama", "mama@web.de");
    add(env, "Ben Okafor", "ben@okafor.net");
}

#[test]
fn real_world_headers_become_one_touch_per_contact_and_day() {
    let env = env();
    real_world_contacts(&env);
    let mail = real_world_mailbox(env.dir.path());
    let run = capture(&env, &[path(&mail), "--name", "work mail"]);
    let source = &run["sources"][0];
    assert_eq!(source["read"], 8, "{run}");
    assert_eq!(source["skipped"]["list"], 1, "{run}");
    assert_eq!(source["skipped"]["own"], 1, "{run}");
    assert_eq!(source["broken"], 0, "{run}");
    // Two mails with Anna on the 10th are one touch holding both.
    assert_eq!(
        days(&touches(&env, "Anna")),
        vec![day("11-10", "email", 2), day("11-12", "email", 1)]
    );
    // Outlook's encoded "Müller, Jörg"; Thunderbird without a Date is
    // dated by its maildir name.
    assert_eq!(
        days(&touches(&env, "Jörg")),
        vec![day("11-11", "email", 1), day("11-14", "email", 1)]
    );
    assert_eq!(days(&touches(&env, "Lea")), vec![day("11-12", "email", 1)]);
    assert_eq!(
        days(&touches(&env, "Mama")),
        vec![day("11-13", "email", 1)],
        "a group address"
    );
    assert!(
        touches(&env, "Ben").is_empty(),
        "copied on Jörg's mail to me: no exchange with Ben"
    );
    let show = env.ok(&["show", "Anna"]);
    assert!(show.contains("email · 2 mails · work mail"), "{show}");
    let json = touches(&env, "Anna");
    assert_eq!(json[0]["captured"][0]["name"], "work mail");
    assert_eq!(json[0]["captured"][0]["kind"], "maildir");
    // The written-only streak counts days, not mails.
    assert_eq!(env.json(&["show", "Anna"])["written_streak"], 2);
}

#[test]
fn capturing_again_adds_nothing_and_copies_in_other_folders_count_once() {
    let env = env();
    real_world_contacts(&env);
    let mail = real_world_mailbox(env.dir.path());
    capture(&env, &[path(&mail)]);
    let before = touches(&env, "Anna");
    // Gmail over IMAP keeps a copy of each message in "All Mail" too.
    let all = maildir(&mail, ".All Mail");
    for (i, f) in std::fs::read_dir(mail.join("cur")).unwrap().enumerate() {
        let f = f.unwrap().path();
        std::fs::copy(
            &f,
            all.join("cur").join(format!("1793000000.M{i}.copy:2,S")),
        )
        .unwrap();
    }
    let again = capture(&env, &[path(&mail)]);
    assert_eq!(again["sources"][0]["touches"], 0, "{again}");
    assert_eq!(again["sources"][0]["made"], 0, "{again}");
    assert_eq!(touches(&env, "Anna"), before);
    let third = capture(&env, &[path(&mail)]);
    assert_eq!(third["sources"][0]["read"], 0, "{third}");
    assert_eq!(touches(&env, "Anna"), before);
}

#[test]
fn an_unchanged_maildir_is_not_even_listed() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    deliver(
        &mail,
        unix(10, 9, 0),
        1,
        &fx::plain("anna@x.de", ME, &date(10, 9, 0), "a1@x.de"),
    );
    // Folder times are trusted once they are a few seconds old.
    let old = SystemTime::now() - Duration::from_secs(60);
    for sub in ["cur", "new"] {
        std::fs::File::open(mail.join(sub))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    capture(&env, &[path(&mail)]);
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["unchanged"], true, "{run}");
    // New mail changes the folder's time: only it is read.
    deliver(
        &mail,
        unix(11, 9, 0),
        2,
        &fx::plain("anna@x.de", ME, &date(11, 9, 0), "a2@x.de"),
    );
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["unchanged"], false);
    assert_eq!(run["sources"][0]["read"], 1, "{run}");
}

#[test]
fn a_hand_logged_touch_absorbs_the_days_mail() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    env.ok(&[
        "log",
        "Anna",
        "email",
        "the contract",
        "--at",
        "2026-11-10 08:00",
    ]);
    let mail = maildir(env.dir.path(), "Mail");
    fx::mails_from(&mail, "anna@x.de", 10, &[9, 11, 17], "m");
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["joined"], 1, "{run}");
    let t = touches(&env, "Anna");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0]["note"], "the contract");
    assert_eq!(t[0]["captured"][0]["items"], 3);
    assert_eq!(t[0]["captured"][0]["created"], false);
}

#[test]
fn the_written_streak_grows_by_days_and_a_captured_meeting_resets_the_check_in() {
    let env = env();
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--email",
        "anna@acme.de",
        "--every",
        "2w",
    ]);
    env.ok(&["log", "Anna", "call", "--at", "2026-11-10 10:00"]);
    let mail = maildir(env.dir.path(), "Mail");
    let mut n = 0;
    for (d, count) in [(24, 12), (26, 5), (28, 1)] {
        for k in 0..count {
            n += 1;
            let from = if k % 2 == 0 {
                "Anna <anna@acme.de>".to_string()
            } else {
                format!("Me <{ME}>")
            };
            let to = if k % 2 == 0 {
                ME.to_string()
            } else {
                "anna@acme.de".to_string()
            };
            deliver(
                &mail,
                unix(d, 8 + k as u32, 0),
                n,
                &fx::plain(&from, &to, &date(d, 8 + k as u32, 0), &format!("s{n}@x")),
            );
        }
    }
    capture(&env, &[path(&mail)]);
    let today = env.json(&["today"]);
    let anna = entry(&today, "Anna Schmidt");
    assert_eq!(anna["status"], "overdue", "{anna}");
    assert_eq!(anna["due"], "2026-11-24");
    assert_eq!(
        anna["written_streak"], 3,
        "18 mails on 3 days: a streak of 3 days"
    );
    // A meeting on the 30th, from the calendar, counts as the call would.
    let cal = env.dir.path().join("cal.ics");
    std::fs::write(
        &cal,
        fx::calendar(&[fx::event(
            "lunch-1",
            "20261130T110000Z",
            &format!("SUMMARY:Lunch\nORGANIZER:mailto:{ME}\nATTENDEE;PARTSTAT=ACCEPTED:mailto:anna@acme.de\n"),
        )]),
    )
    .unwrap();
    capture(&env, &[path(&cal)]);
    let show = env.json(&["show", "Anna"]);
    assert_eq!(show["written_streak"], 0);
    assert_eq!(show["last_personal"]["channel"], "meet");
    assert_eq!(show["checkin"]["due"], "2026-12-14", "{show}");
    let today = env.json(&["today"]);
    assert!(today["overdue"].as_array().unwrap().is_empty(), "{today}");
}

#[test]
fn the_report_lists_who_you_write_to_and_add_takes_them_in() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    for k in 0..14u32 {
        let d = 2 + k;
        deliver(
            &mail,
            unix(d, 10, 0),
            k as usize,
            &fx::plain(
                &format!("Me <{ME}>"),
                "Jonas Weber <j.weber@firma.de>",
                &date(d, 10, 0),
                &format!("w{k}@x"),
            ),
        );
    }
    for k in 0..5u32 {
        deliver(
            &mail,
            unix(3 + k, 7, 0),
            100 + k as usize,
            &fx::plain(
                "Shop <shop@store.example>",
                ME,
                &date(3 + k, 7, 0),
                &format!("shop{k}@x"),
            ),
        );
    }
    deliver(
        &mail,
        unix(4, 7, 0),
        200,
        &fx::plain(&format!("Me <{ME}>"), "anna@x.de", &date(4, 7, 0), "anna@x"),
    );
    let text = env.ok(&["capture", path(&mail), "--report"]);
    assert!(
        text.contains("You wrote 14 times to j.weber@firma.de in 90 days — `draht add \"Jonas Weber\" --email j.weber@firma.de`?"),
        "{text}"
    );
    assert!(
        !text.contains("shop@store.example"),
        "only writes to me: {text}"
    );
    assert!(!text.contains("anna@x.de"), "a contact already: {text}");
    let report = capture(&env, &[path(&mail), "--report"]);
    assert_eq!(report["unknown"][0]["sent"], 14);
    assert!(
        env.json(&["list"]).as_array().unwrap().len() == 1,
        "the report writes nothing"
    );
    let added = env.ok(&["capture", path(&mail), "--report", "--add", "1"]);
    assert!(
        added.contains("Added Jonas Weber <j.weber@firma.de>."),
        "{added}"
    );
    assert_eq!(
        touches(&env, "Jonas").len(),
        14,
        "his mail is captured right away"
    );
}

#[test]
fn an_mbox_is_read_on_from_where_it_grew() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let msgs: Vec<String> = (0..5u32)
        .map(|k| {
            fx::plain(
                "Anna <anna@x.de>",
                ME,
                &date(10 + k, 9, 0),
                &format!("mb{k}@x"),
            )
        })
        .collect();
    let file = env.dir.path().join("Inbox.mbox");
    std::fs::write(&file, fx::mbox(&msgs[..3])).unwrap();
    let run = capture(&env, &[path(&file)]);
    assert_eq!(run["sources"][0]["kind"], "mbox");
    assert_eq!(run["sources"][0]["read"], 3, "{run}");
    assert_eq!(run["sources"][0]["name"], "Inbox");
    assert_eq!(
        capture(&env, &[path(&file)])["sources"][0]["unchanged"],
        true
    );
    std::fs::write(&file, fx::mbox(&msgs)).unwrap();
    let run = capture(&env, &[path(&file)]);
    assert_eq!(run["sources"][0]["read"], 2, "only the new ones: {run}");
    assert_eq!(touches(&env, "Anna").len(), 5);
    // Compacted (the client dropped the first): read again, nothing doubled.
    std::fs::write(&file, fx::mbox(&msgs[1..])).unwrap();
    let run = capture(&env, &[path(&file)]);
    assert_eq!(run["sources"][0]["read"], 4, "{run}");
    assert_eq!(run["sources"][0]["touches"], 0);
    assert_eq!(touches(&env, "Anna").len(), 5);
}

#[test]
fn forget_removes_a_sources_touches_in_one_go_and_leaves_the_rest() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    deliver(
        &mail,
        unix(10, 9, 0),
        1,
        &fx::plain("anna@x.de", ME, &date(10, 9, 0), "f1@x"),
    );
    deliver(
        &mail,
        unix(11, 9, 0),
        2,
        &fx::plain("anna@x.de", ME, &date(11, 9, 0), "f2@x"),
    );
    env.ok(&[
        "log",
        "Anna",
        "email",
        "by hand",
        "--at",
        "2026-11-11 08:00",
    ]);
    let cal = env.dir.path().join("cal.ics");
    std::fs::write(
        &cal,
        fx::calendar(&[fx::event("m", "20261112T100000Z", &accepted("anna@x.de"))]),
    )
    .unwrap();
    capture(&env, &[path(&mail), "--name", "work mail"]);
    capture(&env, &[path(&cal)]);
    assert_eq!(touches(&env, "Anna").len(), 3);
    let err = env.fails(&["capture", "--forget", "nothing"], 2);
    assert!(
        err.contains("the sources are: work mail") && err.contains("cal"),
        "{err}"
    );
    let out = env.ok(&["capture", "--forget", "work mail"]);
    assert!(out.contains("removed 1 touch"), "{out}");
    assert!(out.contains("left 1 touch you logged yourself"), "{out}");
    let left = touches(&env, "Anna");
    assert_eq!(
        days(&left),
        vec![day("11-11", "email", 0), day("11-12", "meet", 1)]
    );
    assert_eq!(left[0]["note"], "by hand");
    let listed = env.json(&["capture", "--list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    // Captured again, it comes back as it was.
    capture(&env, &[path(&mail)]);
    assert_eq!(touches(&env, "Anna").len(), 3);
}

#[test]
fn configured_sources_are_read_without_arguments() {
    let env = Env::new(NOW);
    add(&env, "Anna", "anna@x.de");
    let err = env.fails(&["capture"], 2);
    assert!(err.contains("[[capture]]"), "{err}");
    let mail = maildir(env.dir.path(), "Mail");
    deliver(
        &mail,
        unix(10, 9, 0),
        1,
        &fx::plain("anna@x.de", ME, &date(10, 9, 0), "c1@x"),
    );
    std::fs::write(
        env.dir.path().join("cal.ics"),
        fx::calendar(&[fx::event("m", "20261112T100000Z", &accepted("anna@x.de"))]),
    )
    .unwrap();
    config(
        &env,
        &format!(
            "[me]\nemails = [\"{ME}\"]\n\n[[capture]]\nkind = \"maildir\"\npath = \"{}\"\nname = \"work mail\"\n\n[[capture]]\npath = \"../../cal.ics\"\nname = \"calendar\"\n",
            mail.display()
        ),
    );
    let run = capture(&env, &[]);
    let names: Vec<&str> = run["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["work mail", "calendar"],
        "a relative path is read from the config's folder"
    );
    assert_eq!(touches(&env, "Anna").len(), 2);
}

#[test]
fn a_dry_run_shows_what_would_be_logged_per_contact_and_writes_nothing() {
    let env = env();
    real_world_contacts(&env);
    let mail = real_world_mailbox(env.dir.path());
    let before = env.db_bytes();
    let out = env.ok(&["capture", path(&mail), "--dry-run"]);
    assert!(out.starts_with("Dry run: nothing was written."), "{out}");
    assert!(
        out.contains("Anna Schmidt  ✉ email on 2 days (3 mails)"),
        "{out}"
    );
    assert!(
        out.contains("Jörg Müller   ✉ email on 2 days (2 mails)"),
        "{out}"
    );
    assert_eq!(env.db_bytes(), before);
    assert!(touches(&env, "Anna").is_empty());
}

#[test]
fn since_limits_a_run_and_a_later_run_without_it_fills_in() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    for d in [5, 10, 15, 20] {
        deliver(
            &mail,
            unix(d, 9, 0),
            d as usize,
            &fx::plain("anna@x.de", ME, &date(d, 9, 0), &format!("s{d}@x")),
        );
    }
    let run = capture(&env, &[path(&mail), "--since", "2026-11-12"]);
    assert_eq!(run["sources"][0]["skipped"]["before_since"], 2, "{run}");
    assert_eq!(days(&touches(&env, "Anna")).len(), 2);
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["whole"], true);
    assert_eq!(days(&touches(&env, "Anna")).len(), 4);
}

#[test]
fn broken_messages_are_counted_and_the_rest_is_captured() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    deliver(
        &mail,
        unix(10, 9, 0),
        1,
        &fx::plain("anna@x.de", ME, &date(10, 9, 0), "ok@x"),
    );
    std::fs::write(
        mail.join("cur/1793000001.M2.bin:2,S"),
        [0u8, 159, 146, 150, 0, 0, 255],
    )
    .unwrap();
    std::fs::write(mail.join("cur/1793000002.M3.empty:2,S"), "").unwrap();
    deliver(
        &mail,
        unix(11, 9, 0),
        4,
        "Subject: a subject and nothing else\n\n",
    );
    let run = capture(&env, &[path(&mail)]);
    let s = &run["sources"][0];
    assert_eq!(s["broken"], 3, "{run}");
    assert_eq!(s["broken_examples"].as_array().unwrap().len(), 3);
    assert_eq!(touches(&env, "Anna").len(), 1);
    let text = env.ok(&["capture", path(&mail), "--dry-run"]);
    assert!(!text.contains("unreadable"), "already read: {text}");
}

#[test]
fn own_gmail_aliases_and_max_recipients_from_the_config() {
    let env = Env::new(NOW);
    config(
        &env,
        &format!("max_recipients = 2\ngmail_aliases = true\n[me]\nemails = [\"{ME}\"]\n"),
    );
    add(&env, "Joe", "joe.doe@gmail.com");
    add(&env, "Anna", "anna@x.de");
    let mail = maildir(env.dir.path(), "Mail");
    deliver(
        &mail,
        unix(10, 9, 0),
        1,
        &fx::plain(
            "Joe <JoeDoe+news@googlemail.com>",
            ME,
            &date(10, 9, 0),
            "g@x",
        ),
    );
    deliver(
        &mail,
        unix(11, 9, 0),
        2,
        &fx::plain(ME, "anna@x.de, b@x.de, c@x.de", &date(11, 9, 0), "three@x"),
    );
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["skipped"]["too_many"], 1, "{run}");
    assert_eq!(
        touches(&env, "Joe").len(),
        1,
        "dots and +tags do not matter at Gmail"
    );
    assert!(touches(&env, "Anna").is_empty());
}

#[test]
fn a_backup_keeps_what_was_captured_so_capturing_again_after_a_restore_adds_nothing() {
    let env = env();
    real_world_contacts(&env);
    let mail = real_world_mailbox(env.dir.path());
    capture(&env, &[path(&mail), "--name", "work mail"]);
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", path(&backup)]);
    let restored = Env::new(NOW);
    config(
        &restored,
        &format!("[me]\nemails = [\"{ME}\", \"{ME_WORK}\"]\n"),
    );
    // Seven keys: two mails of Anna's, two of Jörg's, Lea and Anna on one
    // sent mail, Mama in a group.
    let said = restored.ok(&["import", path(&backup)]);
    assert!(
        said.contains(
            "and 0 Jour fixe, with 1 capture source and the 7 source keys it counted from"
        ),
        "{said}"
    );
    assert_eq!(touches(&restored, "Anna"), touches(&env, "Anna"));
    let run = capture(&restored, &[path(&mail)]);
    assert_eq!(
        run["sources"][0]["whole"], true,
        "no watermarks in a backup: read once"
    );
    assert_eq!(run["sources"][0]["touches"], 0, "{run}");
    assert_eq!(
        run["sources"][0]["name"], "work mail",
        "the source's name came back"
    );
    assert_eq!(touches(&restored, "Anna"), touches(&env, "Anna"));
}

#[test]
fn unknown_sources_and_kinds_are_one_line_errors() {
    let env = env();
    let err = env.fails(&["capture", "/no/such/mail"], 2);
    assert!(err.contains("it does not exist"), "{err}");
    let notes = env.dir.path().join("notes.txt");
    std::fs::write(&notes, "hello").unwrap();
    let err = env.fails(&["capture", path(&notes)], 2);
    assert!(err.contains("--kind maildir, mbox or calendar"), "{err}");
    let err = env.fails(&["capture", path(env.dir.path()), "--kind", "mbox"], 2);
    assert!(err.contains("is a folder, not an mbox file"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_tui_card_marks_captured_touches_with_their_source() {
    use super::tty::{Tmux, draht_line};
    let env = env();
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--email",
        "anna@x.de",
        "--every",
        "2w",
    ]);
    let mail = maildir(env.dir.path(), "Mail");
    fx::mails_from(&mail, "anna@x.de", 30, &[9, 11, 17], "t");
    capture(&env, &[path(&mail), "--name", "work mail"]);
    let script = format!("{}; sleep 60", draht_line(&env, NOW, "", ""));
    let tmux = Tmux::new();
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "80",
        "-y",
        "24",
        "sh",
        "-c",
        &script,
    ]);
    tmux.wait_for("Anna Schmidt");
    // the card opens from the Contacts tab; at 80 columns it takes the width
    tmux.keys(&["2"]);
    tmux.wait_for("NAME");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("✉ email · 3 mails · work mail");
    let row = screen
        .lines()
        .find(|l| l.contains("3 mails"))
        .expect("the touch row");
    assert!(row.contains("30 Nov"), "{screen}");
    tmux.keys(&["q"]);
}
