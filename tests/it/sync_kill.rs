//! `draht sync` stopped midway. A pass puts its files in place at its end,
//! just before its transaction commits; stopped before then (SIGKILL at a
//! random moment, or the worst case: every file in place and nothing
//! committed) the next pass completes it: every contact has one card and
//! every touch one journal file, nothing is doubled or archived, no
//! temporary file is left, and a pass after that finds both sides in step.

use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use crate::harness::Env;
use crate::rel_support::Rng;

const NOW: &str = "2026-11-23T12:00:00Z";
const CONTACTS: usize = 120;
const TOUCHES: usize = 480;

/// A draht backup of `CONTACTS` people and `TOUCHES` touches, some of them
/// with two people.
fn backup() -> String {
    let contacts: Vec<String> = (1..=CONTACTS)
        .map(|i| {
            format!(
                r#"{{"id":{i},"uid":"kill-{i}","name":"Person {i:03}","nickname":null,"sphere":"private","tags":["t{t}"],"company":"Firm {t}","role":null,"emails":[{{"value":"p{i}@example.org","label":null}}],"phones":[],"birthday":null,"notes":null,"cadence_days":21,"min_channel":null,"snoozed_until":null,"archived":false,"created_at":"2026-01-01T10:00:00Z"}}"#,
                t = i % 7
            )
        })
        .collect();
    let touches: Vec<String> = (1..=TOUCHES)
        .map(|i| {
            let who = 1 + i % CONTACTS;
            let with = if i % 5 == 0 {
                format!("{who},{}", 1 + (i + 1) % CONTACTS)
            } else {
                who.to_string()
            };
            format!(
                r#"{{"id":{i},"at":"2026-{m:02}-{d:02}T{h:02}:00:00Z","channel":"call","note":"talk {i}","outcome":"done","rating":null,"hook_id":null,"participants":[{with}]}}"#,
                m = 1 + i % 10,
                d = 1 + i % 27,
                h = 8 + i % 10
            )
        })
        .collect();
    format!(
        r#"{{"format":"draht-backup","version":2,"exported_at":"{NOW}","contacts":[{}],"touches":[{}],"hooks":[],"followups":[],"jourfixe":[],"cards":[],"sources":[],"cadence_starts":[],"jourfixe_reminders":[],"reminders_sent":[],"capture_sources":[],"capture_keys":[]}}"#,
        contacts.join(","),
        touches.join(",")
    )
}

/// A database holding the backup, and its two folders (not there yet).
struct Device {
    env: Env,
}

impl Device {
    fn new(backup: &Path) -> Device {
        let env = Env::new(NOW);
        env.ok(&["import", backup.to_str().unwrap()]);
        Device { env }
    }

    fn cards(&self) -> std::path::PathBuf {
        self.env.dir.path().join("contacts")
    }

    fn calendar(&self) -> std::path::PathBuf {
        self.env.dir.path().join("calendar")
    }

    fn args(&self) -> Vec<String> {
        vec![
            "sync".into(),
            "--contacts".into(),
            self.cards().display().to_string(),
            "--calendar".into(),
            self.calendar().display().to_string(),
        ]
    }

    fn sync(&self) -> String {
        let args = self.args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.env.ok(&args)
    }

    /// The pass completes what the stopped one left, and the one after
    /// finds nothing to do; each record has one file.
    fn completes(&self, what: &str, touches_here: usize) {
        self.sync();
        assert_eq!(
            self.sync(),
            "In step: nothing changed on either side.\n",
            "{what}"
        );
        let people = self.env.json(&["export", "json"]);
        let contacts = people["contacts"].as_array().unwrap();
        assert_eq!(contacts.len(), CONTACTS, "{what}: no contact added");
        assert!(
            contacts.iter().all(|c| c["archived"] == false),
            "{what}: no contact archived"
        );
        let touches = people["touches"].as_array().unwrap();
        assert_eq!(touches.len(), touches_here, "{what}: no touch doubled");
        for (dir, ext, count) in [
            (self.cards(), "vcf", CONTACTS),
            (self.calendar(), "ics", touches_here),
        ] {
            let names: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect();
            let hidden: Vec<&String> = names.iter().filter(|n| n.starts_with('.')).collect();
            assert!(
                hidden.is_empty(),
                "{what}: left in {}: {hidden:?}",
                dir.display()
            );
            let items = names
                .iter()
                .filter(|n| n.ends_with(&format!(".{ext}")))
                .count();
            assert_eq!(
                items,
                count,
                "{what}: one .{ext} per record in {}",
                dir.display()
            );
        }
    }
}

#[test]
fn a_pass_whose_files_are_in_place_but_not_committed_is_completed() {
    let files = tempfile::tempdir().unwrap();
    let json = files.path().join("backup.json");
    std::fs::write(&json, backup()).unwrap();
    let device = Device::new(&json);
    // the database as it was before the pass: as if the pass had put
    // every file in place and been stopped before its commit
    let before = std::fs::read(device.env.db()).unwrap();
    let out = device.sync();
    assert!(out.contains("Person 001"), "{out}");
    std::fs::write(device.env.db(), &before).unwrap();
    // and a temporary file of a pass stopped while it staged its files
    std::fs::write(
        device.cards().join(".kill-1.vcf.tmp-12-345"),
        "BEGIN:VCARD\r\n",
    )
    .unwrap();
    device.completes("all in place, nothing committed", TOUCHES);

    // the same after changes: a card and a touch changed since the pass,
    // written to the folders, and nothing of it committed
    let before = std::fs::read(device.env.db()).unwrap();
    let change = |device: &Device| {
        device
            .env
            .ok(&["log", "Person 002", "video", "after the first pass"]);
        device
            .env
            .ok(&["edit", "Person 003", "--company", "Initech"]);
    };
    change(&device);
    device.sync();
    std::fs::write(device.env.db(), &before).unwrap();
    change(&device);
    let card = std::fs::read_to_string(device.cards().join("kill-3.vcf")).unwrap();
    assert!(card.contains("ORG:Initech"), "{card}");
    device.completes("changes written, nothing committed", TOUCHES + 1);
}

#[test]
fn a_pass_killed_at_any_moment_is_completed_by_the_next() {
    const RUNS: u32 = 4;
    let mut rng = Rng::from_env("a_pass_killed_at_any_moment_is_completed_by_the_next");
    let files = tempfile::tempdir().unwrap();
    let json = files.path().join("backup.json");
    std::fs::write(&json, backup()).unwrap();
    // how long one first pass takes here, so the kills land all through it
    let reference = Device::new(&json);
    let started = Instant::now();
    reference.sync();
    let took = started.elapsed();
    for run in 0..RUNS {
        let device = Device::new(&json);
        let slice = took.mul_f64(1.1) / RUNS;
        let kill_at = slice * run + slice.mul_f64(rng.below(1000) as f64 / 1000.0);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("draht"))
            .env_clear()
            .envs(device.env.vars())
            .args(device.args())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(kill_at);
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.code().is_none_or(|c| c == 0),
            "run {run}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        device.completes(
            &format!("run {run}, killed after {kill_at:?} of {took:?}"),
            TOUCHES,
        );
    }
}
