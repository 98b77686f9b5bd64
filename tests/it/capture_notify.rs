//! `draht notify` reads the config's `[[capture]]` sources before it
//! decides, on the real session bus of tests/it/notify.rs: a meeting in the
//! calendar takes a person off the morning's list of people to call, and a
//! source that cannot be read is said on stderr while the reminders still
//! go out.

use super::capture::{config, path, touches};
use super::capture_fixtures::{self as fx, ME};
use super::harness::Env;
use super::notify::Bus;

/// `draht notify` at `now` on `bus`: (stdout, stderr).
fn notify(env: &mut Env, bus: &Bus, now: &str) -> (String, String) {
    env.at(now);
    let out = env
        .cmd()
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .arg("notify")
        .output()
        .expect("run draht");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "notify at {now}: {stderr}");
    (String::from_utf8_lossy(&out.stdout).to_string(), stderr)
}

#[test]
fn notify_reads_the_configured_sources_before_it_decides() {
    let bus = Bus::start();
    let mut env = Env::new("2026-12-08T07:00:00+01:00");
    env.ok(&[
        "add",
        "Jonas Weber",
        "--email",
        "jonas@x.de",
        "--every",
        "1w",
    ]);
    env.ok(&["log", "jonas", "call", "--at", "2026-11-10"]);
    env.ok(&["add", "Mama", "--every", "1w"]);
    env.ok(&["log", "mama", "call", "--at", "2026-11-30"]);
    // Jonas and the user met yesterday; nobody logged it.
    let cal = env.dir.path().join("calendar");
    std::fs::create_dir_all(&cal).unwrap();
    let meeting = fx::event(
        "lunch-jonas",
        "20261207T110000Z",
        &format!(
            "SUMMARY:Lunch\nORGANIZER:mailto:jonas@x.de\nATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}\n"
        ),
    );
    std::fs::write(cal.join("lunch.ics"), fx::calendar(&[meeting])).unwrap();
    config(
        &env,
        &format!(
            "[me]\nemails = [\"{ME}\"]\n\n[[capture]]\npath = \"{}\"\nname = \"calendar\"\n",
            path(&cal)
        ),
    );

    let (_, stderr) = notify(&mut env, &bus, "2026-12-08T08:30:00+01:00");
    assert_eq!(stderr, "");
    let lines = bus.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Mama"), "{lines:?}");
    assert!(!lines[0].contains("Jonas"), "met yesterday: {lines:?}");
    let jonas = touches(&env, "Jonas");
    let last = jonas.last().expect("a touch");
    assert_eq!(last["channel"], "meet", "{jonas:?}");
    assert_eq!(last["captured"][0]["name"], "calendar", "{jonas:?}");

    // The calendar's folder is gone: notify says so and still sends the
    // next morning's summary; nothing was captured twice.
    std::fs::rename(&cal, env.dir.path().join("elsewhere")).unwrap();
    let (_, stderr) = notify(&mut env, &bus, "2026-12-09T08:30:00+01:00");
    assert!(
        stderr.contains("the [[capture]] sources were not read")
            && stderr.contains("the reminders go out without them"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(bus.lines().len(), 2, "{:?}", bus.lines());
    assert_eq!(touches(&env, "Jonas").len(), jonas.len());
}
