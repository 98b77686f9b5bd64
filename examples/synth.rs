//! A synthetic draht database for benchmarks: thousands of contacts and
//! millions of touches with believable mixes, the same for the same seed.
//!
//! ```text
//! cargo run --release --example synth -- --db /tmp/big.db --contacts 10000 \
//!     --touches 1000000 --jourfixe 1000 [--seed 7] [--until 2026-06-01] [--vdir DIR]
//! ```
//!
//! What it makes: work and private contacts with cadences typical of their
//! sphere, a few archived ones, birthdays (some without a year), tags,
//! hooks (some used by touches), follow-ups (some done), and touches that
//! come in bursts (an e-mail thread, a week of chats), weighted toward
//! e-mail, with missed calls, ratings and group touches of several people;
//! and Jour fixe with as many contacts, in the phrases people type.
//! Everything lies before `--until` (noon UTC), so benchmarks set
//! `DRAHT_NOW` to that day. `--vdir DIR` also writes every contact as a
//! minimal vCard 3.0 file (a fixture for comparing with khard).
//!
//! All rows go in through prepared statements in one transaction; the
//! per-contact summary is built once at the end.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;
use draht::model::{Channel, Id};
use draht::store::{Store, facts};
use rusqlite::{Transaction, params};

#[path = "synth/vdir.rs"]
mod vdir;
#[path = "synth/words.rs"]
mod words;

use vdir::write_vdir;
use words::{COMPANIES, FIRST, FOLLOWUP_NOTES, HOOKS, LAST, NOTES, PRIVATE_TAGS, ROLES, WORK_TAGS};

#[derive(Parser)]
#[command(about = "Fill a new draht database with synthetic contacts and touches")]
struct Args {
    /// The database file to create (must not exist yet).
    #[arg(long)]
    db: PathBuf,
    /// How many contacts.
    #[arg(long, default_value_t = 10_000)]
    contacts: usize,
    /// How many touches (rows in the touch log).
    #[arg(long, default_value_t = 1_000_000)]
    touches: usize,
    /// How many Jour fixe appointments (each with another active contact).
    #[arg(long, default_value_t = 0)]
    jourfixe: usize,
    /// Seed of the generator: the same seed gives the same database.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The last day of the history (YYYY-MM-DD); use it as DRAHT_NOW.
    #[arg(long, default_value = "2026-06-01")]
    until: String,
    /// Also write every contact as a vCard 3.0 file into this folder.
    #[arg(long)]
    vdir: Option<PathBuf>,
}

/// Channels with their weight in the mix: written ones dominate.
const CHANNEL_WEIGHTS: &[(Channel, u32)] = &[
    (Channel::Email, 45),
    (Channel::Chat, 15),
    (Channel::Sms, 5),
    (Channel::Call, 18),
    (Channel::Video, 7),
    (Channel::Meet, 10),
];

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("synth: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let until = NaiveDate::parse_from_str(&args.until, "%Y-%m-%d")
        .map_err(|_| format!("--until {:?} is not a date; use YYYY-MM-DD", args.until))?;
    let options = Options {
        contacts: args.contacts,
        touches: args.touches,
        jourfixe: args.jourfixe,
        seed: args.seed,
        until,
        vdir: args.vdir.clone(),
    };
    let started = Instant::now();
    let counts = generate(&args.db, &options)?;
    eprintln!(
        "synth: {} contacts, {} touches, {} hooks in {:.1}s → {}",
        counts.contacts,
        counts.touches,
        counts.hooks,
        started.elapsed().as_secs_f64(),
        args.db.display()
    );
    Ok(())
}

/// What to generate (the command-line flags, parsed).
pub struct Options {
    pub contacts: usize,
    pub touches: usize,
    pub jourfixe: usize,
    pub seed: u64,
    /// The last day of the history.
    pub until: NaiveDate,
    pub vdir: Option<PathBuf>,
}

/// What was written.
pub struct Counts {
    pub contacts: usize,
    pub touches: usize,
    pub hooks: usize,
}

/// Creates the database at `db` and fills it (benchmarks call this too).
pub fn generate(db: &Path, options: &Options) -> Result<Counts, String> {
    if db.exists() {
        return Err(format!(
            "{} already exists; synth only fills a new database (remove it or pick another --db)",
            db.display()
        ));
    }
    if options.contacts == 0 && options.touches > 0 {
        return Err("touches need contacts; pass --contacts 1 or more".into());
    }
    let filled = Store::open(db)
        .map_err(|e| e.to_string())
        .and_then(|store| fill(store, options));
    if filled.is_err() {
        // Leave nothing half-made behind.
        for suffix in ["", "-wal", "-shm"] {
            let mut path = db.as_os_str().to_owned();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
    filled
}

fn fill(mut store: Store, options: &Options) -> Result<Counts, String> {
    // A big page cache makes building the indexes of a million rows fast;
    // the rows are consistent by construction, so foreign keys are checked
    // once at the end (`foreign_key_check`) instead of per row.
    for (pragma, value) in [("cache_size", -262_144), ("foreign_keys", 0)] {
        store
            .conn()
            .pragma_update(None, pragma, value)
            .map_err(|e| e.to_string())?;
    }
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let until = options.until;
    let end = until
        .and_hms_opt(12, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp();
    let people = people(&mut rng, options.contacts, end);
    let active = people.iter().filter(|p| !p.archived).count();
    if options.jourfixe > active {
        return Err(format!(
            "--jourfixe {} is more than the {active} active contacts; each Jour fixe is with one of them",
            options.jourfixe
        ));
    }
    let counts = store
        .write(|tx| {
            let ids = write_people(tx, &people).map_err(sql)?;
            let hooks = write_hooks(tx, &mut rng, &ids, &people, end).map_err(sql)?;
            write_followups(tx, &mut rng, &ids, until, end).map_err(sql)?;
            write_jourfixes(tx, &mut rng, &ids, &people, options.jourfixe, until)?;
            let plan = touch_plan(&mut rng, &people, options.touches, end);
            write_touches(tx, &mut rng, &plan, &hooks).map_err(sql)?;
            facts::rebuild_summary(tx)?;
            let broken: i64 = tx
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                    row.get(0)
                })
                .map_err(sql)?;
            if broken > 0 {
                return Err(draht::error::Error::Database(format!(
                    "synth wrote {broken} rows that break a foreign key; nothing was saved"
                )));
            }
            Ok(Counts {
                contacts: ids.len(),
                touches: plan.len(),
                hooks: hooks.iter().map(Vec::len).sum(),
            })
        })
        .map_err(|e| e.to_string())?;
    // Fold the one big transaction into the main file, so that readers
    // start from an empty WAL.
    store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| e.to_string())?;
    if let Some(dir) = &options.vdir {
        write_vdir(dir, &people)?;
    }
    Ok(counts)
}

/// The names [`generate`] gives the first `n` contacts (for filter benchmarks).
pub fn names(n: usize, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    people(&mut rng, n, 1_780_000_000)
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn sql(e: rusqlite::Error) -> draht::error::Error {
    e.into()
}

struct Person {
    uid: String,
    name: String,
    nickname: Option<String>,
    work: bool,
    company: Option<&'static str>,
    role: Option<&'static str>,
    birthday: Option<String>,
    cadence: Option<u32>,
    min_channel: Option<&'static str>,
    snoozed_until: Option<String>,
    archived: bool,
    created_at: i64,
    tags: Vec<&'static str>,
    emails: Vec<String>,
    phone: Option<String>,
    /// Share of the touch log (skewed: a few people get most touches).
    weight: f64,
}

const DAY: i64 = 86_400;
/// The history spans five years before `--until`.
const HISTORY_DAYS: i64 = 5 * 365;

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn people(rng: &mut fastrand::Rng, n: usize, end: i64) -> Vec<Person> {
    // Every first×last pair once, shuffled; beyond that a numbered suffix.
    let pairs = FIRST.len() * LAST.len();
    let mut order: Vec<usize> = (0..pairs).collect();
    rng.shuffle(&mut order);
    (0..n)
        .map(|i| {
            let pair = order[i % pairs];
            let (first, last) = (FIRST[pair / LAST.len()], LAST[pair % LAST.len()]);
            let name = match i / pairs {
                0 => format!("{first} {last}"),
                round => format!("{first} {last} {}", round + 1),
            };
            let work = rng.u32(..100) < 55;
            let cadence = if rng.u32(..100) < 20 {
                None
            } else if work {
                Some(*pick(rng, &[14, 21, 28, 42, 56, 84]))
            } else {
                Some(*pick(rng, &[7, 14, 28, 56, 91, 182]))
            };
            let min_channel = match rng.u32(..100) {
                0..5 => Some("video"),
                5..10 => Some("chat"),
                10..13 => Some("meet"),
                _ => None,
            };
            let birthday = (rng.u32(..100) < 60).then(|| {
                let (m, d) = (rng.u32(1..=12), rng.u32(1..=28));
                if rng.u32(..100) < 20 {
                    format!("--{m:02}-{d:02}")
                } else {
                    format!("{}-{m:02}-{d:02}", rng.i32(1940..2005))
                }
            });
            let created_at = end - rng.i64(30..HISTORY_DAYS) * DAY;
            let snoozed_until = (rng.u32(..100) < 3).then(|| {
                let day = chrono::DateTime::from_timestamp(end + rng.i64(1..60) * DAY, 0)
                    .unwrap_or_default()
                    .date_naive();
                day.format("%Y-%m-%d").to_string()
            });
            let tag_pool = if work { WORK_TAGS } else { PRIVATE_TAGS };
            let mut tags: Vec<&'static str> =
                (0..rng.usize(0..3)).map(|_| *pick(rng, tag_pool)).collect();
            tags.sort_unstable();
            tags.dedup();
            let handle = draht::matching::fold(&name).replace(' ', ".");
            let mut emails = vec![format!(
                "{handle}@{}.example",
                if work { "firma" } else { "mail" }
            )];
            if rng.u32(..100) < 20 {
                emails.push(format!("{handle}@private.example"));
            }
            Person {
                uid: format!("synth-{i:07}"),
                nickname: (rng.u32(..100) < 5).then(|| format!("{first}{i}")),
                company: work.then(|| *pick(rng, COMPANIES)),
                role: (work && rng.bool()).then(|| *pick(rng, ROLES)),
                birthday,
                cadence,
                min_channel,
                snoozed_until,
                archived: rng.u32(..100) < 5,
                created_at,
                tags,
                emails,
                phone: rng
                    .bool()
                    .then(|| format!("+49 170 {:07}", rng.u32(..10_000_000))),
                // Pareto-like: most people get a few touches, some get many.
                weight: 1.0 / (rng.f64() * 0.95 + 0.05).powf(1.2),
                name,
                work,
            }
        })
        .collect()
}

fn write_people(tx: &Transaction, people: &[Person]) -> rusqlite::Result<Vec<Id>> {
    let mut contact = tx.prepare(
        "INSERT INTO contacts (uid, name, name_key, nickname, sphere, company, role, birthday,
             notes, cadence_days, min_channel, snoozed_until, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?;
    let mut tag = tx.prepare("INSERT OR IGNORE INTO contact_tags VALUES (?1, ?2)")?;
    let mut email = tx.prepare("INSERT INTO contact_emails VALUES (?1, ?2, ?3, NULL)")?;
    let mut phone = tx.prepare("INSERT INTO contact_phones VALUES (?1, 0, ?2, 'cell')")?;
    let mut ids = Vec::with_capacity(people.len());
    for p in people {
        contact.execute(params![
            p.uid,
            p.name,
            draht::matching::fold(&p.name),
            p.nickname,
            if p.work { "work" } else { "private" },
            p.company,
            p.role,
            p.birthday,
            p.cadence,
            p.min_channel,
            p.snoozed_until,
            p.archived,
            p.created_at,
        ])?;
        let id = tx.last_insert_rowid();
        for t in &p.tags {
            tag.execute(params![id, t])?;
        }
        for (pos, e) in p.emails.iter().enumerate() {
            email.execute(params![id, pos as i64, e])?;
        }
        if let Some(ph) = &p.phone {
            phone.execute(params![id, ph])?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Hook ids per contact index (0–4 each, about two on average).
fn write_hooks(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    ids: &[Id],
    people: &[Person],
    end: i64,
) -> rusqlite::Result<Vec<Vec<Id>>> {
    let mut stmt = tx.prepare(
        "INSERT INTO hooks (contact_id, kind, text, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut all = Vec::with_capacity(ids.len());
    for (id, p) in ids.iter().zip(people) {
        let n = *pick(rng, &[0, 0, 1, 1, 2, 2, 3, 4]);
        let mut mine = Vec::with_capacity(n);
        for _ in 0..n {
            let (kind, text) = pick(rng, HOOKS);
            let created = rng.i64(p.created_at..end);
            stmt.execute(params![id, kind, text, created])?;
            mine.push(tx.last_insert_rowid());
        }
        all.push(mine);
    }
    Ok(all)
}

/// One follow-up for about a tenth of the contacts, around `until`; a third done.
fn write_followups(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    ids: &[Id],
    until: NaiveDate,
    end: i64,
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO followups (contact_id, due, note, created_at, done_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for id in ids {
        if rng.u32(..100) >= 10 {
            continue;
        }
        let offset = rng.i64(-10..30);
        let due = until + chrono::Duration::days(offset);
        let created = end - rng.i64(1..60) * DAY;
        let done = (rng.u32(..3) == 0).then_some(end - rng.i64(0..5) * DAY);
        stmt.execute(params![
            id,
            due.format("%Y-%m-%d").to_string(),
            pick(rng, FOLLOWUP_NOTES),
            created,
            done
        ])?;
    }
    Ok(())
}

/// Rule phrases as people say them, parsed by draht's own reader.
const JOUR_FIXE_RULES: &[&str] = &[
    "weekly mon 09:00",
    "weekly fri",
    "every 2 weeks thu 08:30",
    "every other tue 10:00",
    "every 2nd tue 10:00",
    "monthly last fri 16:30",
    "monthly on 15",
    "every 1st wed 12:00",
];

/// `count` standing appointments, each with a different active contact
/// (mostly people with a cadence), a few paused, some with their next date
/// skipped.
fn write_jourfixes(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    ids: &[Id],
    people: &[Person],
    count: usize,
    until: NaiveDate,
) -> draht::error::Result<()> {
    let mut candidates: Vec<usize> = (0..people.len()).filter(|&i| !people[i].archived).collect();
    rng.shuffle(&mut candidates);
    candidates.sort_by_key(|&i| people[i].cadence.is_none());
    let now = chrono::DateTime::from_timestamp(
        until
            .and_hms_opt(12, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp(),
        0,
    )
    .unwrap_or_default();
    for &who in candidates.iter().take(count) {
        let phrase = pick(rng, JOUR_FIXE_RULES);
        let rule = draht::jourfixe::parse_rule(phrase)
            .map_err(|e| draht::error::Error::input(format!("synth rule {phrase:?}: {e}")))?;
        let start = until - chrono::Duration::days(rng.i64(14..720));
        let mut jf = draht::jourfixe::JourFixe {
            id: 0,
            contact_id: ids[who],
            start,
            rrule: rule.rrule,
            time: rule.time,
            duration_minutes: Some(*pick(rng, &[15, 30, 45, 60])),
            channel: *pick(
                rng,
                &[Channel::Call, Channel::Call, Channel::Video, Channel::Meet],
            ),
            note: rng.bool().then(|| "Jour fixe".to_string()),
            active: rng.u32(..100) < 95,
            skipped: Vec::new(),
        };
        // One in five has its next date skipped (a holiday).
        if rng.u32(..100) < 20 {
            let next = draht::jourfixe::next_occurrence(&jf, until, draht::jourfixe::Tz::LOCAL);
            jf.skipped.extend(next);
        }
        draht::store::jourfixe::insert(tx, &jf, now)?;
    }
    Ok(())
}

/// One touch to write: who, when, how.
struct Planned {
    at: i64,
    channel: Channel,
    missed: bool,
    /// Index into `people` of the main participant, then the others.
    who: Vec<usize>,
}

/// Each contact's share of `total` touches, by weight, summing to `total`.
fn budgets(rng: &mut fastrand::Rng, people: &[Person], total: usize) -> Vec<usize> {
    let sum: f64 = people.iter().map(|p| p.weight).sum();
    let mut counts: Vec<usize> = people
        .iter()
        .map(|p| (total as f64 * p.weight / sum) as usize)
        .collect();
    let mut left = total - counts.iter().sum::<usize>();
    while left > 0 {
        let i = rng.usize(..counts.len());
        counts[i] += 1;
        left -= 1;
    }
    counts
}

fn roll_channel(rng: &mut fastrand::Rng) -> Channel {
    let total: u32 = CHANNEL_WEIGHTS.iter().map(|w| w.1).sum();
    let mut roll = rng.u32(..total);
    for (channel, weight) in CHANNEL_WEIGHTS {
        if roll < *weight {
            return *channel;
        }
        roll -= weight;
    }
    Channel::Email
}

/// `total` touches, shared among contacts by weight, oldest first.
///
/// Live touches (call, video, meet) follow the contact's cadence backwards
/// from `end`, each gap a cadence give or take half, and bring a written
/// follow-up or two; most contacts are kept up, about one in six has drifted
/// (its last live touch lies one to four cadences back). Written touches come
/// in threads at any time of the contact's history. A few live touches are
/// group touches with people of the same sphere, a few are missed.
fn touch_plan(rng: &mut fastrand::Rng, people: &[Person], total: usize, end: i64) -> Vec<Planned> {
    let mut plan = Vec::with_capacity(total + total / 8);
    if people.is_empty() {
        return plan;
    }
    let budgets = budgets(rng, people, total);
    // Same-sphere neighbours make believable group touches.
    let (work, private): (Vec<usize>, Vec<usize>) =
        (0..people.len()).partition(|&i| people[i].work);
    for (who, p) in people.iter().enumerate() {
        let step = i64::from(p.cadence.unwrap_or(60)) * DAY;
        let drift = if rng.u32(..100) < 16 {
            rng.i64(step..=4 * step)
        } else {
            0
        };
        let mut chain = end - drift - rng.i64(0..=step);
        let mut left = budgets[who];
        while left > 0 {
            let channel = roll_channel(rng);
            let (mut at, burst) = if channel.richness() >= 3 {
                let at = if chain > p.created_at {
                    chain
                } else {
                    rng.i64(p.created_at..=(end - drift).max(p.created_at))
                };
                chain -= step / 2 + rng.i64(0..=step);
                (at, 1 + rng.usize(..3))
            } else {
                (rng.i64(p.created_at..=end), 1 + rng.usize(..6))
            };
            for k in 0..burst.min(left) {
                let ch = if k == 0 {
                    channel
                } else if channel.richness() >= 3 {
                    Channel::Email
                } else {
                    channel
                };
                let missed = ch.richness() >= 3 && rng.u32(..100) < 8;
                let mut group = vec![who];
                if ch.richness() >= 3 && rng.u32(..100) < 6 {
                    let pool = if p.work { &work } else { &private };
                    for _ in 0..rng.usize(1..4) {
                        let other = *pick(rng, pool);
                        if !group.contains(&other) {
                            group.push(other);
                        }
                    }
                }
                plan.push(Planned {
                    at: at.min(end),
                    channel: ch,
                    missed,
                    who: group,
                });
                at += rng.i64(600..2 * DAY);
                left -= 1;
            }
        }
    }
    plan.sort_by_key(|t| t.at);
    plan
}

fn write_touches(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    plan: &[Planned],
    hooks: &[Vec<Id>],
) -> rusqlite::Result<()> {
    let mut touch = tx.prepare(
        "INSERT INTO touches (at, channel, note, outcome, rating, hook_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?1)",
    )?;
    let mut participant =
        tx.prepare("INSERT OR IGNORE INTO touch_participants VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    let mut use_hook = tx.prepare("UPDATE hooks SET used_at = ?2 WHERE id = ?1")?;
    let ids: Vec<Id> = tx
        .prepare("SELECT id FROM contacts ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for t in plan {
        let live = t.channel.richness() >= 3 && !t.missed;
        let note = rng.bool().then(|| *pick(rng, NOTES));
        let rating = (live && rng.u32(..100) < 30).then(|| rng.i32(-1..=1));
        let own_hooks = &hooks[t.who[0]];
        let hook =
            (live && !own_hooks.is_empty() && rng.u32(..100) < 15).then(|| *pick(rng, own_hooks));
        let outcome = if t.missed { "missed" } else { "done" };
        touch.execute(params![
            t.at,
            t.channel.as_str(),
            note,
            outcome,
            rating,
            hook
        ])?;
        let id = tx.last_insert_rowid();
        for &who in &t.who {
            // the copies of channel, outcome and rating that stats read (migration 0004)
            participant.execute(params![
                id,
                ids[who],
                t.at,
                t.channel.as_str(),
                outcome,
                rating
            ])?;
        }
        if let Some(hook) = hook {
            // Touches come oldest first, so the last use wins.
            use_hook.execute(params![hook, t.at])?;
        }
    }
    Ok(())
}
