//! Two devices converge through a real CardDAV/CalDAV server: a Radicale on
//! 127.0.0.1 (a free port, temp storage, stopped when the test ends) and
//! real vdirsyncer moving each device's contacts and calendar vdirs.
//! Each round on a device is what a user runs: `vdirsyncer sync` (take
//! the server's changes), `draht sync`, `vdirsyncer sync` (send draht's).

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::Env;
use crate::sync::card_of;

pub(crate) const INSTALL: &str = "install them with: python3 -m pip install radicale vdirsyncer (or apt-get install radicale vdirsyncer)";

/// A Radicale serving one address book `u/contacts` and one calendar
/// `u/calendar` (events, to-dos and journals), killed on drop. Shared
/// with the other tests that need a real server (`sync_setup`).
pub(crate) struct Radicale {
    child: Child,
    pub(crate) port: u16,
    storage: tempfile::TempDir,
}

impl Radicale {
    pub(crate) fn start() -> Radicale {
        let storage = tempfile::tempdir().unwrap();
        // the address book, made as Radicale keeps its collections
        let book = storage.path().join("collection-root/u/contacts");
        std::fs::create_dir_all(&book).unwrap();
        std::fs::write(book.join(".Radicale.props"), r#"{"tag": "VADDRESSBOOK"}"#).unwrap();
        let calendar = storage.path().join("collection-root/u/calendar");
        std::fs::create_dir_all(&calendar).unwrap();
        std::fs::write(
            calendar.join(".Radicale.props"),
            r#"{"tag": "VCALENDAR", "C:supported-calendar-component-set": "VEVENT,VTODO,VJOURNAL"}"#,
        )
        .unwrap();
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("radicale")
            .args(["--config", ""])
            .args(["--server-hosts", &format!("127.0.0.1:{port}")])
            .args(["--auth-type", "none"])
            .arg("--storage-filesystem-folder")
            .arg(storage.path())
            .args(["--logging-level", "warning"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start radicale ({e}); {INSTALL}"));
        let mut server = Radicale {
            child,
            port,
            storage,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("radicale stopped at start ({status}); {INSTALL}");
            }
            assert!(
                Instant::now() < deadline,
                "radicale did not listen within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The files of user `u`'s collection `name` as the server keeps them.
    pub(crate) fn collection(&self, name: &str) -> Vec<PathBuf> {
        let dir = self.storage.path().join("collection-root/u").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        entries
            .map(|e| e.unwrap().path())
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .collect()
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One device: a draht database and a vdirsyncer config for its folder.
struct Device {
    env: Env,
    folder: PathBuf,
    calendar: PathBuf,
    config: PathBuf,
    /// Whether its rounds are `draht sync --run` (draht calls vdirsyncer)
    /// rather than the three commands.
    run: bool,
}

impl Device {
    fn new(server: &Radicale, run: bool) -> Device {
        let env = Env::new("2026-12-07T10:00:00Z");
        let folder = env.dir.path().join("contacts");
        std::fs::create_dir_all(&folder).unwrap();
        let calendar = env.dir.path().join("calendar");
        std::fs::create_dir_all(&calendar).unwrap();
        let config = env.dir.path().join("vdirsyncer.conf");
        std::fs::write(
            &config,
            format!(
                "[general]\nstatus_path = \"{status}/\"\n\n\
                 [pair contacts]\na = \"contacts_local\"\nb = \"contacts_remote\"\ncollections = null\n\n\
                 [storage contacts_local]\ntype = \"filesystem\"\npath = \"{folder}/\"\nfileext = \".vcf\"\n\n\
                 [storage contacts_remote]\ntype = \"carddav\"\nurl = \"http://127.0.0.1:{port}/u/contacts/\"\n\
                 username = \"u\"\npassword = \"p\"\n\n\
                 [pair calendar]\na = \"calendar_local\"\nb = \"calendar_remote\"\ncollections = null\n\n\
                 [storage calendar_local]\ntype = \"filesystem\"\npath = \"{calendar}/\"\nfileext = \".ics\"\n\n\
                 [storage calendar_remote]\ntype = \"caldav\"\nurl = \"http://127.0.0.1:{port}/u/calendar/\"\n\
                 username = \"u\"\npassword = \"p\"\n",
                status = env.dir.path().join("status").display(),
                folder = folder.display(),
                calendar = calendar.display(),
                port = server.port,
            ),
        )
        .unwrap();
        let device = Device {
            env,
            folder,
            calendar,
            config,
            run,
        };
        device.vdirsyncer("discover");
        device
    }

    fn vdirsyncer(&self, what: &str) {
        let out = Command::new("vdirsyncer")
            .arg("-c")
            .arg(&self.config)
            .arg(what)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run vdirsyncer ({e}); {INSTALL}"));
        assert!(
            out.status.success(),
            "vdirsyncer {what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// One round: take the server's changes, one draht pass, send draht's
    /// (by hand, or through `draht sync --run`).
    fn round(&self) -> String {
        if self.run {
            let out = self
                .env
                .cmd()
                .env("VDIRSYNCER_CONFIG", &self.config)
                .args(["sync", "--run", "--contacts"])
                .arg(&self.folder)
                .arg("--calendar")
                .arg(&self.calendar)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "draht sync --run failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return String::from_utf8(out.stdout).unwrap();
        }
        self.vdirsyncer("sync");
        let out = self.env.ok(&[
            "sync",
            "--contacts",
            self.folder.to_str().unwrap(),
            "--calendar",
            self.calendar.to_str().unwrap(),
        ]);
        self.vdirsyncer("sync");
        out
    }

    fn ok(&self, args: &[&str]) -> String {
        self.env.ok(args)
    }

    /// The contacts, hooks and Jour fixe of `export json`, each
    /// database's ids put as what they stand for (see [`portable`]).
    fn people(&self) -> Value {
        let all = portable(&self.env.json(&["export", "json"]));
        serde_json::json!({
            "contacts": all["contacts"],
            "hooks": all["hooks"],
            "jourfixe": all["jourfixe"],
        })
    }
}

#[test]
fn two_devices_converge_through_radicale_and_vdirsyncer() {
    let server = Radicale::start();
    // A runs the three commands, B lets draht call vdirsyncer
    let (a, b) = (Device::new(&server, false), Device::new(&server, true));

    // a contact added on each device reaches the other
    a.ok(&["add", "Anna Schmidt", "--every", "3w", "--company", "ACME"]);
    a.ok(&["hook", "Anna", "sailing in June", "--kind", "hobby"]);
    b.ok(&["add", "Ben Kraus", "--sphere", "work"]);
    a.ok(&["jourfixe", "add", "anna", "every 2nd tue 10:00"]);
    a.round();
    b.round();
    a.round();
    assert!(b.ok(&["jourfixe", "list"]).contains("next Tue 8 Dec"));
    // B skips a date of it
    b.ok(&["jourfixe", "skip", "1", "2026-12-08"]);
    let show = b.ok(&["show", "Anna"]);
    assert!(
        show.contains("ACME") && show.contains("sailing in June"),
        "{show}"
    );
    assert!(a.ok(&["show", "Ben"]).contains("work"));

    // a card edited on A's folder (as khard does) keeps its address on B
    let card = card_of(&a.folder, "Anna Schmidt");
    let text = std::fs::read_to_string(&card).unwrap();
    crate::harness::replace_file(
        &card,
        text.replace(
            "END:VCARD",
            "ADR;TYPE=home:;;Weg 1;Berlin;;;\r\nNICKNAME:Annie\r\nEND:VCARD",
        ),
    );
    // and both devices change Ben's company before either syncs
    a.ok(&["edit", "Ben", "--company", "Globex"]);
    b.ok(&["edit", "Ben", "--company", "Umbrella"]);
    a.round();
    let on_b = b.round();
    assert!(on_b.contains("Conflict: Ben Kraus company"), "{on_b}");
    a.round();
    b.round();

    assert_eq!(a.people(), b.people(), "both devices hold the same");
    let ben = b.ok(&["show", "Ben"]);
    assert!(
        ben.contains("Globex") && ben.contains("Umbrella"),
        "the conflict kept both values: {ben}"
    );
    assert!(b.ok(&["show", "Anna"]).contains("(Annie)"));
    assert!(
        a.ok(&["jourfixe", "list"]).contains("next Tue 12 Jan 2027"),
        "the skip reached A"
    );
    let on_b = std::fs::read_to_string(card_of(&b.folder, "Anna Schmidt")).unwrap();
    assert!(on_b.contains("ADR;TYPE=home:;;Weg 1;Berlin;;;"), "{on_b}");

    // a card deleted on one device archives the contact on the other
    std::fs::remove_file(card_of(&b.folder, "Ben Kraus")).unwrap();
    b.round();
    a.round();
    let list = a.ok(&["list", "--archived"]);
    assert!(
        list.lines()
            .any(|l| l.contains("Ben Kraus") && l.contains("archived")),
        "{list}"
    );
    assert_eq!(a.people(), b.people());
    for device in [&a, &b] {
        assert!(device.round().contains("In step"));
    }
}

/// Everything of `export json` a sync carries, with each database's ids
/// put as what they stand for (a contact's UID, a hook's text), each
/// list sorted.
fn everything(device: &Device) -> Value {
    portable(&device.env.json(&["export", "json"]))
}

/// `backup` (an `export json`) without the ids each database gives: a
/// contact stands for itself without its id, a `contact_id` becomes the
/// contact's UID, a touch's participants their UIDs and its hook the
/// hook's text; each list sorted.
fn portable(backup: &Value) -> Value {
    let uid_of = |id: &Value| -> String {
        backup["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == *id)
            .map(|c| c["uid"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let hook_text = |id: &Value| -> Value {
        backup["hooks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == *id)
            .map_or(Value::Null, |h| h["text"].clone())
    };
    let list = |key: &str, fix: &dyn Fn(&mut serde_json::Map<String, Value>)| -> Vec<String> {
        let mut out: Vec<String> = backup[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let mut r = r.clone();
                let r = r.as_object_mut().unwrap();
                r.remove("id");
                if let Some(c) = r.remove("contact_id") {
                    r.insert("contact".into(), uid_of(&c).into());
                }
                fix(r);
                serde_json::to_string(r).unwrap()
            })
            .collect();
        out.sort();
        out
    };
    let touches = list("touches", &|t| {
        let mut with: Vec<String> = t["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(uid_of)
            .collect();
        with.sort();
        t.insert("participants".into(), with.into());
        let hook = t.remove("hook_id").map_or(Value::Null, |h| hook_text(&h));
        t.insert("hook".into(), hook);
    });
    serde_json::json!({
        "contacts": list("contacts", &|_| {}),
        "hooks": list("hooks", &|_| {}),
        "jourfixe": list("jourfixe", &|_| {}),
        "touches": touches,
        "followups": list("followups", &|_| {}),
    })
}

fn mentions(device: &Device, args: &[&str], what: &str) -> bool {
    device.env.json(args).to_string().contains(what)
}

#[test]
fn touches_and_follow_ups_travel_between_devices() {
    let server = Radicale::start();
    let (a, b) = (Device::new(&server, false), Device::new(&server, true));

    // Anna, last called in October: overdue on 7 Dec with a 3-week cadence
    a.ok(&["add", "Anna Schmidt", "--every", "3w"]);
    a.ok(&["hook", "Anna", "sailing in June", "--kind", "hobby"]);
    a.ok(&[
        "log",
        "Anna",
        "call",
        "the old call",
        "--at",
        "2026-10-01 18:00",
    ]);
    a.round();
    b.round();
    let today = b.env.json(&["today"]);
    assert!(
        today["overdue"].to_string().contains("Anna Schmidt"),
        "B has the October call: {today}"
    );

    // a call logged on A, with the hook: after A's round and B's, B's
    // agenda drops Anna and the hook's use is the same on both at once
    a.ok(&[
        "log", "Anna", "call", "talked", "--hook", "1", "--rating", "1",
    ]);
    a.round();
    let on_b = b.round();
    assert!(
        on_b.contains("Touches added from the calendar, with: Anna Schmidt"),
        "{on_b}"
    );
    assert!(
        !mentions(&b, &["today"], "Anna Schmidt"),
        "B's agenda no longer lists Anna"
    );
    let show = b.ok(&["show", "Anna"]);
    assert!(show.contains("talked"), "{show}");
    assert_eq!(
        everything(&a)["hooks"],
        everything(&b)["hooks"],
        "hook use, one round"
    );
    assert_eq!(everything(&a)["touches"], everything(&b)["touches"]);

    // two follow-ups added on A: B deletes one (as a calendar app does,
    // its file) and marks the other done
    a.ok(&["remind", "Anna", "2026-12-11", "send the offer"]);
    a.ok(&["remind", "Anna", "2026-12-18", "ask about June"]);
    a.round();
    b.round();
    let dry = b.ok(&[
        "sync",
        "--dry-run",
        "--contacts",
        b.folder.to_str().unwrap(),
        "--calendar",
        b.calendar.to_str().unwrap(),
    ]);
    assert!(dry.contains("In step"), "{dry}");
    assert!(b.ok(&["show", "Anna"]).contains("send the offer"));
    let offer = std::fs::read_dir(&b.calendar)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("send the offer")
        })
        .expect("the follow-up's file on B");
    std::fs::remove_file(&offer).unwrap();
    let june = b.env.json(&["export", "json"])["followups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["note"] == "ask about June")
        .map(|f| f["id"].to_string())
        .unwrap();
    b.ok(&["done", &june]);
    // the dry run says what the pass would change, and changes nothing
    let dry = b.ok(&[
        "sync",
        "--dry-run",
        "--contacts",
        b.folder.to_str().unwrap(),
        "--calendar",
        b.calendar.to_str().unwrap(),
    ]);
    assert!(
        dry.contains("Follow-ups would be removed (their .ics was deleted), with: Anna Schmidt")
            && dry.contains("Follow-ups would be written to the calendar, with: Anna Schmidt"),
        "{dry}"
    );
    b.round();
    a.round();
    let followups = a.env.json(&["export", "json"])["followups"].clone();
    let followups = followups.as_array().unwrap();
    assert_eq!(
        followups.len(),
        1,
        "the deleted one is gone on A: {followups:?}"
    );
    assert!(followups[0]["note"] == "ask about June" && !followups[0]["done_at"].is_null());

    // a touch edited on B shows on A; a touch removed on A goes on B
    let talked = b.env.json(&["export", "json"])["touches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["note"] == "talked")
        .map(|t| t["id"].to_string())
        .unwrap();
    b.ok(&[
        "touch",
        "edit",
        &talked,
        "--note",
        "talked about the boat",
        "--rating",
        "0",
    ]);
    let old = a.env.json(&["export", "json"])["touches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["note"] == "the old call")
        .map(|t| t["id"].to_string())
        .unwrap();
    a.ok(&["touch", "rm", &old]);
    b.round();
    a.round();
    b.round();
    assert!(a.ok(&["show", "Anna"]).contains("talked about the boat"));
    let touches = everything(&b)["touches"].clone();
    assert_eq!(touches.as_array().unwrap().len(), 1, "{touches}");

    assert_eq!(everything(&a), everything(&b), "both devices hold the same");
    for device in [&a, &b] {
        let round = device.round();
        assert!(round.contains("In step"), "{round}");
    }
}
