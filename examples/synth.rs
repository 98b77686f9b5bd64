//! A synthetic draht database for benchmarks: thousands of contacts and
//! up to millions of touches, the same for the same seed.
//!
//! ```text
//! cargo run --release --example synth -- --db /tmp/big.db --contacts 10000 \
//!     --touches 1000000 [--jourfixe 1000] [--stress] [--seed 7] [--now 2026-06-01] [--vdir DIR]
//! ```
//!
//! Two mixes of people:
//!
//! - **realistic** (the default): a few people in twenty have a cadence,
//!   and most of those are in touch within it; so the agenda of `--now`
//!   holds a handful of check-ins, follow-ups and birthdays (5–40 lines at
//!   2,000 contacts, five times as many at 10,000). One Jour fixe per 250
//!   contacts, mostly kept. Written channels (e-mail, chat) make most of
//!   the touch log; calls, video and meetings keep the cadences.
//! - **stress** (`--stress`): the mix of earlier rounds, byte for byte:
//!   four in five people have a cadence, many never had a personal touch
//!   or have drifted, so 40–55 % of everyone is on the agenda (about 800
//!   lines at 2,000 contacts, 5,500 at 10,000). It bounds the worst case.
//!
//! Both make work and private contacts with cadences typical of their
//! sphere, a few archived ones, birthdays (some without a year), tags,
//! hooks (some used by touches), follow-ups (some done), touches that come
//! in bursts (an e-mail thread, a week of chats), missed calls, ratings and
//! group touches of several people, and Jour fixe in the phrases people
//! type. Everything lies before `--now` (noon UTC), so benchmarks set
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
use draht::jourfixe::JourFixe;
use draht::model::{Channel, Id};
use draht::store::{Store, facts};
use rusqlite::{Transaction, params};

#[path = "synth/realistic.rs"]
mod realistic;
#[path = "synth/stress.rs"]
mod stress;
#[cfg(test)]
#[path = "synth/tests.rs"]
mod tests;
#[path = "synth/vdir.rs"]
mod vdir;
#[path = "synth/words.rs"]
mod words;

use vdir::write_vdir;
use words::{COMPANIES, FIRST, LAST, PRIVATE_TAGS, ROLES, WORK_TAGS};

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
    /// How many Jour fixe appointments (each with another active contact);
    /// by default one per 250 contacts (realistic) or none (stress).
    #[arg(long)]
    jourfixe: Option<usize>,
    /// The mix of earlier rounds: most people on the agenda.
    #[arg(long)]
    stress: bool,
    /// Seed of the generator: the same seed gives the same database.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The day the history ends (YYYY-MM-DD); use it as DRAHT_NOW.
    #[arg(long, visible_alias = "until", default_value = "2026-06-01")]
    now: String,
    /// Also write every contact as a vCard 3.0 file into this folder.
    #[arg(long)]
    vdir: Option<PathBuf>,
}

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
    let now = NaiveDate::parse_from_str(&args.now, "%Y-%m-%d")
        .map_err(|_| format!("--now {:?} is not a date; use YYYY-MM-DD", args.now))?;
    let mix = if args.stress {
        Mix::Stress
    } else {
        Mix::Realistic
    };
    let options = Options {
        mix,
        contacts: args.contacts,
        touches: args.touches,
        jourfixe: args
            .jourfixe
            .unwrap_or_else(|| mix.default_jourfixe(args.contacts)),
        seed: args.seed,
        now,
        vdir: args.vdir.clone(),
    };
    let started = Instant::now();
    let counts = generate(&args.db, &options)?;
    eprintln!(
        "synth: {} mix, {} contacts, {} touches, {} hooks, {} Jour fixe in {:.1}s → {}",
        mix.name(),
        counts.contacts,
        counts.touches,
        counts.hooks,
        options.jourfixe,
        started.elapsed().as_secs_f64(),
        args.db.display()
    );
    Ok(())
}

/// Which people to make (see the module docs).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mix {
    Realistic,
    Stress,
}

impl Mix {
    pub fn name(self) -> &'static str {
        match self {
            Mix::Realistic => "realistic",
            Mix::Stress => "stress",
        }
    }

    /// How many Jour fixe the mix has when `--jourfixe` does not say.
    pub fn default_jourfixe(self, contacts: usize) -> usize {
        match self {
            Mix::Realistic => contacts / 250,
            Mix::Stress => 0,
        }
    }
}

/// What to generate (the command-line flags, parsed).
pub struct Options {
    pub mix: Mix,
    pub contacts: usize,
    pub touches: usize,
    pub jourfixe: usize,
    pub seed: u64,
    /// The day the history ends: every row lies before its noon (UTC).
    pub now: NaiveDate,
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

/// Noon (UTC) of `day`, as seconds since 1970: the end of the history.
fn noon(day: NaiveDate) -> i64 {
    day.and_hms_opt(12, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp()
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
    let now = options.now;
    let end = noon(now);
    let people = match options.mix {
        Mix::Realistic => realistic::people(&mut rng, options.contacts, end),
        Mix::Stress => stress::people(&mut rng, options.contacts, end),
    };
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
            // The draws of the stress mix keep the order of earlier rounds:
            // hooks, follow-ups, Jour fixe, then touches.
            let (hooks, plan) = match options.mix {
                Mix::Stress => {
                    let hooks = write_hooks(tx, &ids, &stress::hooks(&mut rng, &people, end))
                        .map_err(sql)?;
                    write_followups(tx, &stress::followups(&mut rng, &ids, now, end))
                        .map_err(sql)?;
                    let jourfixes =
                        stress::jourfixes(&mut rng, &ids, &people, options.jourfixe, now)?;
                    write_jourfixes(tx, &jourfixes, end)?;
                    let plan = stress::touch_plan(&mut rng, &people, options.touches, end);
                    (hooks, plan)
                }
                Mix::Realistic => {
                    let hooks = write_hooks(tx, &ids, &realistic::hooks(&mut rng, &people, end))
                        .map_err(sql)?;
                    write_followups(tx, &realistic::followups(&mut rng, &ids, &people, now))
                        .map_err(sql)?;
                    let (jourfixes, kept) =
                        realistic::jourfixes(&mut rng, &ids, &people, options.jourfixe, now)?;
                    write_jourfixes(tx, &jourfixes, end)?;
                    let plan = realistic::touch_plan(&mut rng, &people, options.touches, end, kept);
                    (hooks, plan)
                }
            };
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

/// The names [`generate`] gives the first `n` contacts of the stress mix
/// (for filter benchmarks).
pub fn names(n: usize, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    stress::people(&mut rng, n, 1_780_000_000)
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn sql(e: rusqlite::Error) -> draht::error::Error {
    e.into()
}

pub struct Person {
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

/// What a mix decides about a person itself; [`person`] draws the rest.
struct Traits {
    work: bool,
    cadence: Option<u32>,
    min_channel: Option<&'static str>,
    birthday: Option<String>,
    created_at: i64,
    snoozed_until: Option<String>,
    /// Percent of people archived.
    archived_percent: u32,
    /// Multiplies the drawn share of the touch log.
    weight_factor: f64,
}

/// Person `i` called `name` with the mix's `traits`, and the rest drawn as
/// both mixes draw it: tags, e-mail addresses, nickname, company, role,
/// archived, phone and share of the touch log, in this order (which the
/// stress mix's seeds depend on).
fn person(rng: &mut fastrand::Rng, i: usize, first: &str, name: String, t: Traits) -> Person {
    let tag_pool = if t.work { WORK_TAGS } else { PRIVATE_TAGS };
    let mut tags: Vec<&'static str> = (0..rng.usize(0..3)).map(|_| *pick(rng, tag_pool)).collect();
    tags.sort_unstable();
    tags.dedup();
    let handle = draht::matching::fold(&name).replace(' ', ".");
    let mut emails = vec![format!(
        "{handle}@{}.example",
        if t.work { "firma" } else { "mail" }
    )];
    if rng.u32(..100) < 20 {
        emails.push(format!("{handle}@private.example"));
    }
    Person {
        uid: format!("synth-{i:07}"),
        nickname: (rng.u32(..100) < 5).then(|| format!("{first}{i}")),
        company: t.work.then(|| *pick(rng, COMPANIES)),
        role: (t.work && rng.bool()).then(|| *pick(rng, ROLES)),
        birthday: t.birthday,
        cadence: t.cadence,
        min_channel: t.min_channel,
        snoozed_until: t.snoozed_until,
        archived: rng.u32(..100) < t.archived_percent,
        created_at: t.created_at,
        tags,
        emails,
        phone: rng
            .bool()
            .then(|| format!("+49 170 {:07}", rng.u32(..10_000_000))),
        // Pareto-like: most people get a few touches, some get many.
        weight: 1.0 / (rng.f64() * 0.95 + 0.05).powf(1.2) * t.weight_factor,
        name,
        work: t.work,
    }
}

const DAY: i64 = 86_400;
/// The history spans five years before `--now`.
const HISTORY_DAYS: i64 = 5 * 365;

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// Every first×last pair once, shuffled (the order of `n` people's names).
fn name_order(rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..FIRST.len() * LAST.len()).collect();
    rng.shuffle(&mut order);
    order
}

/// The `i`th name in `order`; beyond every pair once, a numbered suffix.
fn name_at(order: &[usize], i: usize) -> (&'static str, String) {
    let pair = order[i % order.len()];
    let (first, last) = (FIRST[pair / LAST.len()], LAST[pair % LAST.len()]);
    let name = match i / order.len() {
        0 => format!("{first} {last}"),
        round => format!("{first} {last} {}", round + 1),
    };
    (first, name)
}

/// A birthday, one in five without the year.
fn birthday(rng: &mut fastrand::Rng) -> String {
    let (m, d) = (rng.u32(1..=12), rng.u32(1..=28));
    if rng.u32(..100) < 20 {
        format!("--{m:02}-{d:02}")
    } else {
        format!("{}-{m:02}-{d:02}", rng.i32(1940..2005))
    }
}

/// `YYYY-MM-DD` of the day `secs` falls on (UTC).
fn day_text(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// A channel drawn by weight.
fn roll(rng: &mut fastrand::Rng, weights: &[(Channel, u32)]) -> Channel {
    let total: u32 = weights.iter().map(|w| w.1).sum();
    let mut roll = rng.u32(..total.max(1));
    for (channel, weight) in weights {
        if roll < *weight {
            return *channel;
        }
        roll -= weight;
    }
    Channel::Email
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

/// A hook to write: kind, text, when it was noted.
type NewHook = (&'static str, &'static str, i64);

/// Writes each contact's hooks; returns their ids per contact index.
fn write_hooks(
    tx: &Transaction,
    ids: &[Id],
    hooks: &[Vec<NewHook>],
) -> rusqlite::Result<Vec<Vec<Id>>> {
    let mut stmt = tx.prepare(
        "INSERT INTO hooks (contact_id, kind, text, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut all = Vec::with_capacity(ids.len());
    for (id, mine) in ids.iter().zip(hooks) {
        let mut written = Vec::with_capacity(mine.len());
        for (kind, text, created) in mine {
            stmt.execute(params![id, kind, text, created])?;
            written.push(tx.last_insert_rowid());
        }
        all.push(written);
    }
    Ok(all)
}

/// A follow-up to write.
struct NewFollowUp {
    contact: Id,
    due: NaiveDate,
    note: &'static str,
    created: i64,
    done: Option<i64>,
}

fn write_followups(tx: &Transaction, followups: &[NewFollowUp]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO followups (contact_id, due, note, created_at, done_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for f in followups {
        stmt.execute(params![
            f.contact,
            f.due.format("%Y-%m-%d").to_string(),
            f.note,
            f.created,
            f.done
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

/// A Jour fixe with `contact` made from one of [`JOUR_FIXE_RULES`],
/// starting `started` days (a range) before `now`.
fn jourfixe_from(
    rng: &mut fastrand::Rng,
    contact: Id,
    now: NaiveDate,
    started: std::ops::Range<i64>,
) -> draht::error::Result<JourFixe> {
    let phrase = pick(rng, JOUR_FIXE_RULES);
    let rule = draht::jourfixe::parse_rule(phrase)
        .map_err(|e| draht::error::Error::input(format!("synth rule {phrase:?}: {e}")))?;
    let start = now - chrono::Duration::days(rng.i64(started));
    Ok(JourFixe {
        id: 0,
        contact_id: contact,
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
    })
}

fn write_jourfixes(tx: &Transaction, jourfixes: &[JourFixe], end: i64) -> draht::error::Result<()> {
    let now = chrono::DateTime::from_timestamp(end, 0).unwrap_or_default();
    for jf in jourfixes {
        draht::store::jourfixe::insert(tx, jf, now)?;
    }
    Ok(())
}

/// One touch to write: who, when, how.
pub struct Planned {
    at: i64,
    channel: Channel,
    missed: bool,
    /// Index into `people` of the main participant, then the others.
    who: Vec<usize>,
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
        let note = rng.bool().then(|| *pick(rng, words::NOTES));
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
