//! Import of 10,000 vCards, the JSON export of a database with 10,000
//! contacts and 1,000,000 touches (README "Import and export"), and how
//! import grows with its input: reading 30,000 and 300,000 CSV rows and
//! 20,000 and 200,000 vCards, and importing the larger of each into an
//! empty database. Each is reported per record (criterion's throughput):
//! linear growth is the same rate at both sizes (the bound: ten
//! times the input in at most twelve times the time).
//!
//! They run against a database file in a temp folder, as a user's would.
//! Run with `cargo bench --bench import` (`-- growth` for the growth
//! group alone).

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use draht::app::import::{ImportOptions, import};
use draht::config::Config;
use draht::interop::csv::csv_batch;
use draht::interop::import::Batch;
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
            let backup = draht::app::backup::export_json(&mut store, now()).unwrap();
            assert_eq!(backup.touches, TOUCHES);
            black_box(backup.text.len())
        });
    });
    group.finish();
}

/// A CSV file in draht's own header with `rows` people: several e-mails
/// and phones with labels, tags, and every fifth note quoted over two
/// lines with CR LF line ends (what made the old line count quadratic).
fn spreadsheet(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 200);
    text.push_str("uid,name,company,emails,phones,tags,notes,cadence\r\n");
    for i in 0..rows {
        let note = if i % 5 == 0 {
            format!("\"Met at fair {i};\r\nlikes \"\"coffee\"\"\"")
        } else {
            format!("note {i}")
        };
        let _ = write!(
            text,
            "csv-{i:06},Person {i:06} Weber,Firma {c},p{i}@firma.example (work); p{i}@home.example,             +49 30 {i:07} (work),kunden; gruppe {g},{note},3w\r\n",
            c = i % 700,
            g = i % 9,
        );
    }
    text
}

fn bench_growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth");
    group.sample_size(10);
    for rows in [30_000, 300_000] {
        let text = spreadsheet(rows);
        group.throughput(Throughput::Elements(rows as u64));
        group.measurement_time(Duration::from_secs(if rows > 100_000 { 60 } else { 10 }));
        group.bench_function(format!("read {rows} CSV rows"), |b| {
            b.iter(|| {
                let mut batch = Batch::default();
                csv_batch("bench.csv", &text, &mut batch).unwrap();
                assert_eq!(batch.records.len(), rows);
                black_box(batch.records.len())
            });
        });
    }
    for cards in [20_000, 200_000] {
        let text = address_book(cards);
        group.throughput(Throughput::Elements(cards as u64));
        group.measurement_time(Duration::from_secs(if cards > 100_000 { 90 } else { 10 }));
        group.bench_function(format!("read {cards} vCards"), |b| {
            b.iter(|| {
                let mut batch = Batch::default();
                vcard_batch("bench.vcf", &text, &mut batch);
                assert_eq!(batch.records.len(), cards);
                black_box(batch.records.len())
            });
        });
    }
    let config = Config::default();
    let options = ImportOptions {
        every: Some(90),
        ..ImportOptions::default()
    };
    for (what, count, read) in [
        ("CSV rows", 300_000, read_csv as fn(usize) -> Batch),
        ("vCards", 200_000, read_vcards),
    ] {
        group.throughput(Throughput::Elements(count as u64));
        group.measurement_time(Duration::from_secs(120));
        group.bench_function(format!("import {count} {what}"), |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    let store = Store::open(&dir.path().join("draht.db")).unwrap();
                    (dir, store, read(count))
                },
                |(dir, mut store, batch)| {
                    let report = store
                        .write(|tx| {
                            draht::app::import::import_in(tx, batch, &options, &config, now())
                        })
                        .unwrap();
                    assert_eq!(report.added.len(), count);
                    drop(store);
                    drop(dir);
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

fn read_csv(rows: usize) -> Batch {
    let mut batch = Batch::default();
    csv_batch("bench.csv", &spreadsheet(rows), &mut batch).unwrap();
    batch
}

fn read_vcards(cards: usize) -> Batch {
    let mut batch = Batch::default();
    vcard_batch("bench.vcf", &address_book(cards), &mut batch);
    batch
}

criterion_group!(benches, bench_import, bench_export, bench_growth);
criterion_main!(benches);
