//! Import of 10,000 vCards, and the JSON export of a database with 10,000
//! contacts and 1,000,000 touches (README "Import and export").
//!
//! Both run against a database file in a temp folder, as a user's would.
//! Run with `cargo bench --bench import`.

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use draht::app::import::{ImportOptions, import};
use draht::config::Config;
use draht::interop::import::Batch;
use draht::interop::json;
use draht::interop::source::vcard_batch;
use draht::store::Store;

const CONTACTS: usize = 10_000;
const TOUCHES: usize = 1_000_000;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

/// A 3.0 address book as Google or Apple write it: folded notes, groups
/// with labels, several e-mails and phones, birthdays with and without year.
fn address_book(cards: usize) -> String {
    let mut text = String::with_capacity(cards * 600);
    for i in 0..cards {
        let _ = write!(
            text,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-{i:05}\r\nFN:Person {i:05} Müller\r\n\
             N:Müller;Person {i:05};;;\r\nORG:Firma {company};Vertrieb\r\nTITLE:Role {role}\r\n\
             EMAIL;TYPE=INTERNET;TYPE=WORK:p{i}@firma{company}.example\r\n\
             item1.EMAIL;TYPE=INTERNET:p{i}@club.example\r\nitem1.X-ABLabel:Segelclub\r\n\
             TEL;TYPE=CELL:+49 170 {i:07}\r\nTEL;TYPE=WORK:+49 30 {i:07}\r\n\
             BDAY:{bday}\r\nNOTE:Met at workshop {i} in Hamburg. Likes sailing\\, coffee and long\r\n  walks\\; call in the morning.\r\n\
             CATEGORIES:myContacts,Kunden,Gruppe {group}\r\nEND:VCARD\r\n",
            company = i % 500,
            role = i % 40,
            group = i % 12,
            bday = if i % 3 == 0 {
                format!("--{:02}{:02}", i % 12 + 1, i % 28 + 1)
            } else {
                format!("19{:02}-{:02}-{:02}", 50 + i % 50, i % 12 + 1, i % 28 + 1)
            },
        );
    }
    text
}

fn bench_import(c: &mut Criterion) {
    let text = address_book(CONTACTS);
    let config = Config::default();
    let options = ImportOptions {
        every: Some(90),
        ..ImportOptions::default()
    };
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("10k vCards into an empty database", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(&dir.path().join("draht.db")).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                let mut batch = Batch::default();
                vcard_batch("bench.vcf", &text, &mut batch);
                let report = import(&mut store, batch, &options, &config, now()).unwrap();
                assert_eq!(report.added.len(), CONTACTS);
                black_box(report);
                drop(store);
                drop(dir);
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// 10k contacts and 1M touches (every tenth with two participants),
/// written directly with SQL so the setup takes seconds.
fn big_database(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    store
        .write(|tx| {
            let mut contact = tx.prepare(
                "INSERT INTO contacts (id, uid, name, name_key, sphere, cadence_days, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'private', 30, 1700000000, 1700000000)",
            )?;
            let mut email = tx.prepare(
                "INSERT INTO contact_emails (contact_id, position, value) VALUES (?1, 0, ?2)",
            )?;
            for i in 1..=CONTACTS as i64 {
                let name = format!("Person {i:05}");
                contact.execute(rusqlite::params![i, format!("uid-{i}"), name, name.to_lowercase()])?;
                email.execute(rusqlite::params![i, format!("p{i}@example.org")])?;
            }
            let mut touch = tx.prepare(
                "INSERT INTO touches (id, at, channel, note, outcome, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'done', ?2)",
            )?;
            let mut participant = tx.prepare(
                "INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome)
                 VALUES (?1, ?2, ?3, ?4, 'done')",
            )?;
            let channels = ["email", "call", "chat", "meet", "video", "sms"];
            for t in 1..=TOUCHES as i64 {
                let at = 1_600_000_000 + t * 157;
                let who = t % CONTACTS as i64 + 1;
                let note = (t % 4 == 0).then(|| format!("note {t}"));
                touch.execute(rusqlite::params![t, at, channels[t as usize % 6], note])?;
                participant.execute(rusqlite::params![t, who, at, channels[t as usize % 6]])?;
                if t % 10 == 0 {
                    participant.execute(rusqlite::params![
                        t,
                        who % CONTACTS as i64 + 1,
                        at,
                        channels[t as usize % 6]
                    ])?;
                }
            }
            Ok(())
        })
        .unwrap();
    store
}

fn bench_export(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = big_database(&dir.path().join("draht.db"));
    let mut group = c.benchmark_group("export");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("json of 10k contacts and 1M touches", |b| {
        b.iter(|| {
            let backup = store.read(|tx| json::export_text(tx, now())).unwrap();
            assert_eq!(backup.touches, TOUCHES);
            black_box(backup.text.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench_import, bench_export);
criterion_main!(benches);
