//! Crash safety: `draht` processes killed with SIGKILL at random moments,
//! among them a large `import`. Afterwards the database is sound, every
//! command that reported success has its row, and nothing half-written is
//! visible (an import is there in full or not at all).
//!
//! The moments are random but seeded: a failure prints `DRAHT_TEST_SEED`,
//! and running with that variable set repeats the same kills (an import's
//! kills are fractions of how long one import takes on the machine).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Env;
use crate::rel_support::{Rng, draht_cmd, integrity, notes};

/// How a started process ended.
#[derive(Debug, PartialEq)]
enum End {
    Succeeded,
    Killed,
    Failed(String),
}

/// Starts one `draht ARGS` per entry of `runs` at once, SIGKILLs about two
/// in three of them after a random 0–60 ms, and reports how each ended.
fn run_and_kill(env: &Env, runs: &[Vec<String>], rng: &mut Rng) -> Vec<End> {
    let mut children: Vec<(Child, Option<Duration>)> = runs
        .iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let child = draht_cmd(env.dir.path(), &env.db(), &args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start draht");
            let kill_at = (rng.below(3) > 0).then(|| Duration::from_millis(rng.below(60)));
            (child, kill_at)
        })
        .collect();
    let started = Instant::now();
    let mut order: Vec<usize> = (0..children.len()).collect();
    order.sort_by_key(|&i| children[i].1);
    for i in order {
        let (child, kill_at) = &mut children[i];
        if let Some(at) = *kill_at {
            std::thread::sleep(at.saturating_sub(started.elapsed()));
            // a process that already finished is not affected
            let _ = child.kill();
        }
    }
    children
        .into_iter()
        .map(|(child, _)| {
            let out = child.wait_with_output().expect("wait for draht");
            match out.status.code() {
                Some(0) => End::Succeeded,
                None => End::Killed,
                Some(code) => End::Failed(format!(
                    "exit {code}: {}",
                    String::from_utf8_lossy(&out.stderr)
                )),
            }
        })
        .collect()
}

/// Sound, consistent, and `draht check` agrees.
fn assert_sound(env: &Env, db: &Path) {
    assert_eq!(integrity(db), "ok");
    let conn = rusqlite::Connection::open(db).unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "rows point at missing records");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM touches t
             WHERE NOT EXISTS (SELECT 1 FROM touch_participants p WHERE p.touch_id = t.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        orphans, 0,
        "a touch without its participants: half a command"
    );
    env.ok(&["check"]);
}

#[test]
fn killed_logs_never_lose_a_reported_touch() {
    const ROUNDS: usize = 6;
    const AT_ONCE: usize = 8;
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Ben Okafor"]);
    let mut rng = Rng::from_env("killed_logs_never_lose_a_reported_touch");
    let mut outcome: BTreeMap<String, End> = BTreeMap::new();
    for round in 0..ROUNDS {
        let runs: Vec<Vec<String>> = (0..AT_ONCE)
            .map(|i| {
                let note = format!("crash {round}-{i}");
                let mut args = vec!["log".into(), "anna".into(), "call".into(), note];
                if i % 2 == 1 {
                    args.extend(["--with".into(), "ben".into()]);
                }
                args
            })
            .collect();
        let ends = run_and_kill(&env, &runs, &mut rng);
        for (args, end) in runs.into_iter().zip(ends) {
            outcome.insert(args[3].clone(), end);
        }
    }
    let failed: Vec<_> = outcome
        .iter()
        .filter(|(_, end)| matches!(end, End::Failed(_)))
        .collect();
    assert!(
        failed.is_empty(),
        "runs that were not killed failed: {failed:?}"
    );
    assert_sound(&env, &env.db());
    let stored: Vec<String> = notes(&env.db()).into_iter().map(|(_, n)| n).collect();
    for (note, end) in &outcome {
        let copies = stored.iter().filter(|n| *n == note).count();
        match end {
            End::Succeeded => assert_eq!(copies, 1, "{note:?} reported success"),
            _ => assert!(copies <= 1, "{note:?} stored {copies} times"),
        }
    }
    for note in &stored {
        assert!(outcome.contains_key(note), "unknown touch {note:?}");
    }
    let killed = outcome.values().filter(|e| **e == End::Killed).count();
    eprintln!(
        "{} runs, {killed} killed, {} touches stored",
        outcome.len(),
        stored.len()
    );
    // and the database keeps working
    env.ok(&["log", "anna", "meet", "after the crashes"]);
}

#[test]
fn killed_first_runs_never_leave_an_unusable_file() {
    let mut rng = Rng::from_env("killed_first_runs_never_leave_an_unusable_file");
    for round in 0..4 {
        let env = Env::new("2026-11-23T12:00:00+01:00");
        let runs: Vec<Vec<String>> = (0..5)
            .map(|i| vec!["add".into(), format!("Person {round}-{i}")])
            .collect();
        let ends = run_and_kill(&env, &runs, &mut rng);
        assert!(
            ends.iter().all(|e| !matches!(e, End::Failed(_))),
            "round {round}: {ends:?}"
        );
        // whatever was killed when, the next run works (a writer: if every
        // first run was killed before its database was in place, there is
        // none yet)
        env.ok(&["add", &format!("After {round}")]);
        let list = env.json(&["list"]);
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        for (i, end) in ends.iter().enumerate() {
            if *end == End::Succeeded {
                assert!(names.contains(&format!("Person {round}-{i}").as_str()));
            }
        }
        assert_sound(&env, &env.db());
    }
}

/// A vCard file of `cards` people, `Imported Person 0000` on.
fn big_vcard(cards: usize) -> String {
    (0..cards)
        .map(|i| {
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:import-{i}\r\nFN:Imported Person {i:04}\r\n\
                 N:Person {i:04};Imported;;;\r\nEMAIL;TYPE=work:person{i}@example.org\r\n\
                 TEL;TYPE=cell:+49 30 {i:06}\r\nCATEGORIES:imported,batch\r\n\
                 NOTE:card {i}\\nsecond line\r\nEND:VCARD\r\n"
            )
        })
        .collect()
}

/// Imported contacts, and how many of their e-mail rows are stored.
fn imported(db: &Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT (SELECT count(*) FROM contacts WHERE uid LIKE 'import-%'),
                (SELECT count(*) FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
                 WHERE c.uid LIKE 'import-%')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn killed_import_is_all_or_nothing() {
    const CARDS: usize = 3000;
    const RUNS: u32 = 5;
    let mut rng = Rng::from_env("killed_import_is_all_or_nothing");
    let files = tempfile::tempdir().expect("temp dir");
    let vcf = files.path().join("people.vcf");
    std::fs::write(&vcf, big_vcard(CARDS)).expect("write the vCard file");
    let vcf = vcf.to_str().expect("utf-8 path");

    // how long one import takes on this machine, so the kills land
    // before, during and after its write
    let reference = Env::new("2026-11-23T12:00:00+01:00");
    reference.ok(&["add", "Anna Schmidt"]);
    let started = Instant::now();
    reference.ok(&["import", vcf, "--every", "3mo"]);
    let took = started.elapsed();
    assert_eq!(imported(&reference.db()), (CARDS as i64, CARDS as i64));

    let mut ends = Vec::new();
    for run in 0..RUNS {
        let env = Env::new("2026-11-23T12:00:00+01:00");
        env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
        env.ok(&["log", "anna", "call", "before the import"]);
        // run k of n is killed at a random moment in the k-th n-th of
        // 1.2 × the reference time
        let slice = took.mul_f64(1.2) / RUNS;
        let kill_at = slice * run + slice.mul_f64(rng.below(1000) as f64 / 1000.0);
        let mut child = draht_cmd(
            env.dir.path(),
            &env.db(),
            &["import", vcf, "--every", "3mo"],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start draht import");
        std::thread::sleep(kill_at);
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait for draht");
        let end = match out.status.code() {
            Some(0) => End::Succeeded,
            None => End::Killed,
            Some(code) => End::Failed(format!(
                "exit {code}: {}",
                String::from_utf8_lossy(&out.stderr)
            )),
        };
        assert!(!matches!(end, End::Failed(_)), "run {run}: {end:?}");

        assert_sound(&env, &env.db());
        let (contacts, emails) = imported(&env.db());
        assert_eq!(
            contacts, emails,
            "run {run}: contacts without their e-mails"
        );
        match end {
            End::Succeeded => assert_eq!(contacts, CARDS as i64, "run {run}"),
            _ => assert!(
                contacts == 0 || contacts == CARDS as i64,
                "run {run}, killed after {kill_at:?}: {contacts} of {CARDS} imported"
            ),
        }
        let stored = notes(&env.db());
        assert_eq!(stored.len(), 1, "run {run}: {stored:?}");
        assert_eq!(stored[0].1, "before the import");
        if end == End::Killed {
            // importing again finishes the job, without duplicates
            env.ok(&["import", vcf]);
            assert_eq!(imported(&env.db()), (CARDS as i64, CARDS as i64));
        }
        ends.push((kill_at, end, contacts));
    }
    eprintln!("one import took {took:?}; runs: {ends:?}");
}

#[test]
fn killed_backups_leave_no_file_or_a_whole_copy() {
    const RUNS: u32 = 12;
    let mut rng = Rng::from_env("killed_backups_leave_no_file_or_a_whole_copy");
    let files = tempfile::tempdir().expect("temp dir");
    let vcf = files.path().join("people.vcf");
    std::fs::write(&vcf, big_vcard(3000)).expect("write the vCard file");
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["import", vcf.to_str().expect("utf-8 path")]);
    let want = imported(&env.db());

    // how long one backup takes here, so the kills land all through it
    let started = Instant::now();
    let reference = env.dir.path().join("reference.db");
    env.ok(&["backup", "-o", reference.to_str().expect("utf-8 path")]);
    let took = started.elapsed();
    let mut ends = Vec::new();
    for run in 0..RUNS {
        let copy = env.dir.path().join(format!("copy-{run}.db"));
        let slice = took.mul_f64(1.3) / RUNS;
        let kill_at = slice * run + slice.mul_f64(rng.below(1000) as f64 / 1000.0);
        let mut child = draht_cmd(
            env.dir.path(),
            &env.db(),
            &["backup", "-o", copy.to_str().expect("utf-8 path")],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start draht backup");
        std::thread::sleep(kill_at);
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait for draht");
        let killed = out.status.code().is_none();
        assert!(
            killed || out.status.success(),
            "run {run}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let journal = env.dir.path().join(format!("copy-{run}.db-journal"));
        assert!(!journal.exists(), "run {run}: a journal at the final name");
        if copy.exists() {
            assert_eq!(integrity(&copy), "ok", "run {run}");
            assert_eq!(imported(&copy), want, "run {run}: a partial copy");
            // and the copy opens as a draht database
            let again = Env::new("2026-11-23T12:00:00+01:00");
            std::fs::copy(&copy, again.db()).expect("copy");
            again.ok(&["check"]);
        } else {
            assert!(killed, "run {run}: succeeded without a copy");
            // a second try writes the copy under the same name
            env.ok(&["backup", "-o", copy.to_str().expect("utf-8 path")]);
            assert_eq!(imported(&copy), want, "run {run}: the second try");
        }
        ends.push((kill_at, killed));
    }
    assert_sound(&env, &env.db());
    eprintln!("one backup took {took:?}; runs (kill at, killed): {ends:?}");
}
