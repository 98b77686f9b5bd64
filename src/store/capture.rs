//! Capture's records (migration 0007): the sources `draht capture` reads,
//! the source keys already counted, which touches each source made or
//! joined, and each source's watermarks.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{bad_value, day_text, facts, from_secs, parse_day, to_secs, touches};
use crate::error::{Error, Result};
use crate::model::{Captured, Channel, Id, Outcome, SourceKind, Touch};
pub use crate::model::{SourceKey as Key, SourceRecord as Source};

const SOURCE: &str =
    "SELECT id, kind, path, name, rules, since, created_at, last_run_at FROM capture_sources";

fn source_row(row: &Row) -> rusqlite::Result<Source> {
    let kind: String = row.get(1)?;
    let since: Option<String> = row.get(5)?;
    Ok(Source {
        id: row.get(0)?,
        kind: SourceKind::from_name(&kind).ok_or_else(|| bad_value("source kind", &kind))?,
        path: row.get(2)?,
        name: row.get(3)?,
        rules: row.get::<_, Option<i64>>(4)?.map(|r| r as u64),
        since: since.as_deref().map(parse_day).transpose()?,
        created_at: from_secs(row.get(6)?),
        last_run_at: row.get::<_, Option<i64>>(7)?.map(from_secs),
    })
}

/// The source read from `path`, if any.
pub fn source_at(conn: &Connection, path: &str) -> Result<Option<Source>> {
    Ok(conn
        .prepare_cached(&format!("{SOURCE} WHERE path = ?1"))?
        .query_row([path], source_row)
        .optional()?)
}

/// Every source, by id.
pub fn sources(conn: &Connection) -> Result<Vec<Source>> {
    Ok(conn
        .prepare_cached(&format!("{SOURCE} ORDER BY id"))?
        .query_map([], source_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The source at `path`, recorded now (named `name`) if it is new; a
/// known one gets `kind`, and `name` only with `rename`. The name is
/// stored tidied (`text::tidy_line`): it is shown beside touches.
pub fn ensure_source(
    conn: &Connection,
    kind: SourceKind,
    path: &str,
    (name, rename): (&str, bool),
    now: DateTime<Utc>,
) -> Result<Source> {
    conn.prepare_cached(
        "INSERT INTO capture_sources (kind, path, name, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (path) DO UPDATE SET kind = excluded.kind,
             name = CASE WHEN ?5 THEN excluded.name ELSE name END",
    )?
    .execute(params![
        kind.as_str(),
        path,
        crate::text::tidy_line(name),
        to_secs(now),
        rename
    ])?;
    source_at(conn, path)?.ok_or_else(|| Error::Database(format!("source {path} vanished")))
}

/// Records the rules and `--since` day a source's marks are made under
/// from now on (set as a run starts, so that a run killed half-way resumes
/// under the same rules).
pub fn start_run(
    conn: &Connection,
    source: Id,
    rules: u64,
    since: Option<NaiveDate>,
) -> Result<()> {
    conn.prepare_cached("UPDATE capture_sources SET rules = ?2, since = ?3 WHERE id = ?1")?
        .execute(params![source, rules as i64, since.map(day_text)])?;
    Ok(())
}

/// Records that a run read the source to its end.
pub fn finish_run(conn: &Connection, source: Id, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("UPDATE capture_sources SET last_run_at = ?2 WHERE id = ?1")?
        .execute(params![source, to_secs(now)])?;
    Ok(())
}

/// How many touches each source made or joined, and how many items they hold.
pub fn source_counts(conn: &Connection) -> Result<HashMap<Id, (i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT source_id, count(*), coalesce(sum(items), 0) FROM capture_touches GROUP BY source_id",
        )?
        .query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Gives the connection a page cache big enough for a capture's batches
/// (16 MiB instead of SQLite's 2): with the default, a batch of key and
/// touch inserts spilled pages to the WAL before its commit and read them
/// back (`bench/capture.sh`: about 5 % of a first capture). The phone's
/// exports (`batches: false`) land a file in one transaction that
/// outgrows any cache (a 1M-text backup writes hundreds of thousands of
/// keys and touches) and spills whatever its size; a full 16 MiB cache
/// was a quarter of that capture's 64 MB peak, 4 MiB took 45 % more CPU
/// time in spilled pages, so they keep 8 MiB.
pub fn roomy_cache(conn: &Connection, batches: bool) -> Result<()> {
    let kib = if batches { 16 * 1024 } else { 8 * 1024 };
    conn.pragma_update(None, "cache_size", -kib)?;
    Ok(())
}

// --- marks -------------------------------------------------------------

/// A source's marks: per part, its pieces in order.
pub type Marks = BTreeMap<String, Vec<(i64, Vec<u8>)>>;

pub fn marks(conn: &Connection, source: Id) -> Result<Marks> {
    let mut out = Marks::new();
    let mut stmt = conn.prepare_cached(
        "SELECT part, seq, state FROM capture_marks WHERE source_id = ?1 ORDER BY part, seq",
    )?;
    let mut rows = stmt.query([source])?;
    while let Some(row) = rows.next()? {
        out.entry(row.get(0)?)
            .or_default()
            .push((row.get(1)?, row.get(2)?));
    }
    Ok(out)
}

/// Sets piece `seq` of a part.
pub fn put_mark(conn: &Connection, source: Id, part: &str, seq: i64, state: &[u8]) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO capture_marks (source_id, part, seq, state) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![source, part, seq, state])?;
    Ok(())
}

/// Adds a piece after the part's last one (never piece 0).
pub fn append_mark(conn: &Connection, source: Id, part: &str, state: &[u8]) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO capture_marks (source_id, part, seq, state)
         VALUES (?1, ?2, (SELECT max(1, coalesce(max(seq), 0) + 1) FROM capture_marks
                          WHERE source_id = ?1 AND part = ?2), ?3)",
    )?
    .execute(params![source, part, state])?;
    Ok(())
}

/// Removes every mark of a source (before reading it whole).
pub fn clear_marks(conn: &Connection, source: Id) -> Result<()> {
    conn.prepare_cached("DELETE FROM capture_marks WHERE source_id = ?1")?
        .execute([source])?;
    Ok(())
}

/// Removes every piece of a part.
pub fn clear_part(conn: &Connection, source: Id, part: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM capture_marks WHERE source_id = ?1 AND part = ?2")?
        .execute(params![source, part])?;
    Ok(())
}

/// Removes the marks of every part not in `keep` (folders or files that
/// are gone).
pub fn retain_parts(conn: &Connection, source: Id, keep: &[String]) -> Result<()> {
    let parts: Vec<String> = conn
        .prepare_cached("SELECT DISTINCT part FROM capture_marks WHERE source_id = ?1")?
        .query_map([source], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for part in parts {
        if !keep.contains(&part) {
            clear_part(conn, source, &part)?;
        }
    }
    Ok(())
}

// --- keys and touches --------------------------------------------------

/// Records that `key` of `source` was counted for `contact`; `false` when
/// it already was.
pub fn add_key(conn: &Connection, source: Id, key: &str, contact: Id) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT OR IGNORE INTO capture_keys (source_id, key, contact_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![source, key, contact])?
        == 1)
}

/// [`add_key`] for a key any source may have counted (the phone's exports
/// overlap: last month's backup and this month's hold the same calls):
/// `false` when this source or another one already counted `key` for
/// `contact`. Uses the index by contact and key (migration 0009).
pub fn add_shared_key(conn: &Connection, source: Id, key: &str, contact: Id) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT OR IGNORE INTO capture_keys (source_id, key, contact_id)
             SELECT ?1, ?2, ?3
             WHERE NOT EXISTS (SELECT 1 FROM capture_keys WHERE contact_id = ?3 AND key = ?2)",
        )?
        .execute(params![source, key, contact])?
        == 1)
}

/// A touch that a day's items can join.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DayTouch {
    pub id: Id,
    pub at: DateTime<Utc>,
    /// Capture made it (so its time may move to an earlier item).
    pub made_by_capture: bool,
}

/// The first touch with `contact` by `channel` with `outcome` at or after
/// `from` and before `until` (one local day): captured or logged by hand.
pub fn day_touch(
    conn: &Connection,
    contact: Id,
    channel: Channel,
    outcome: Outcome,
    (from, until): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Option<DayTouch>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.touch_id, p.at,
                    EXISTS (SELECT 1 FROM capture_touches c WHERE c.touch_id = p.touch_id AND c.created = 1)
             FROM touch_participants p
             WHERE p.contact_id = ?1 AND p.at >= ?2 AND p.at < ?3 AND p.channel = ?4 AND p.outcome = ?5
             ORDER BY p.at, p.touch_id LIMIT 1",
        )?
        .query_row(
            params![
                contact,
                to_secs(from),
                to_secs(until),
                channel.as_str(),
                outcome.as_str()
            ],
            |row| {
                Ok(DayTouch {
                    id: row.get(0)?,
                    at: from_secs(row.get(1)?),
                    made_by_capture: row.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Makes a touch with one contact for `items` items of `source`. The
/// contact's summary is not refreshed: call [`facts::refresh_all_of`] for
/// the contacts of a batch when it is done.
pub fn make_touch(
    conn: &Connection,
    source: Id,
    touch: &Touch,
    items: u32,
    now: DateTime<Utc>,
) -> Result<Id> {
    let id = touches::insert_unrefreshed(conn, touch, now)?;
    conn.prepare_cached(
        "INSERT INTO capture_touches (touch_id, source_id, items, created) VALUES (?1, ?2, ?3, 1)",
    )?
    .execute(params![id, source, items])?;
    Ok(id)
}

/// One touch [`make_touches`] makes: a contact, when, how, and how many
/// items of the source it holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NewTouch {
    pub contact: Id,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub outcome: Outcome,
    pub items: u32,
}

/// Rows per statement in [`make_touches`].
const ROWS: usize = 100;

/// [`make_touch`] for many touches at once, a statement per [`ROWS`] of
/// them; their ids in the order given. The `CHECK (channel IN (…))` and
/// `outcome` constraints of `touches` and `touch_participants` make SQLite
/// build a little index for each IN list every time a statement runs:
/// run once per touch, that was 12 % of an mbox's first capture
/// (callgrind, 10,000 messages), and once per hundred it is nothing.
pub fn make_touches(
    conn: &Connection,
    source: Id,
    touches: &[NewTouch],
    now: DateTime<Utc>,
) -> Result<Vec<Id>> {
    let mut ids = Vec::with_capacity(touches.len());
    for chunk in touches.chunks(ROWS) {
        let rows = |row: &str| vec![row; chunk.len()].join(", ");
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO touches (at, channel, outcome, created_at) VALUES {} RETURNING id",
            rows("(?, ?, ?, ?)")
        ))?;
        let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(chunk.len() * 5);
        for t in chunk {
            values.push(to_secs(t.at).into());
            values.push(t.channel.as_str().to_string().into());
            values.push(t.outcome.as_str().to_string().into());
            values.push(to_secs(now).into());
        }
        let mut made: Vec<Id> = stmt
            .query_map(rusqlite::params_from_iter(&values), |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // AUTOINCREMENT ids grow in the order the rows were inserted, which
        // is the order of VALUES; RETURNING gives them in no set order.
        made.sort_unstable();
        if made.len() != chunk.len() {
            return Err(Error::Database(crate::t!(
                "error-capture-touches-made",
                made = made.len(),
                count = chunk.len()
            )));
        }
        values.clear();
        for (t, id) in chunk.iter().zip(&made) {
            values.push((*id).into());
            values.push(t.contact.into());
            values.push(to_secs(t.at).into());
            values.push(t.channel.as_str().to_string().into());
            values.push(t.outcome.as_str().to_string().into());
        }
        conn.prepare_cached(&format!(
            "INSERT OR IGNORE INTO touch_participants (touch_id, contact_id, at, channel, outcome)
             VALUES {}",
            rows("(?, ?, ?, ?, ?)")
        ))?
        .execute(rusqlite::params_from_iter(&values))?;
        values.clear();
        for (t, id) in chunk.iter().zip(&made) {
            values.push((*id).into());
            values.push(source.into());
            values.push(i64::from(t.items).into());
        }
        conn.prepare_cached(&format!(
            "INSERT INTO capture_touches (touch_id, source_id, items, created) VALUES {}",
            rows("(?, ?, ?, 1)")
        ))?
        .execute(rusqlite::params_from_iter(&values))?;
        ids.extend(made);
    }
    Ok(ids)
}

/// Adds `items` items of `source` to an existing touch (made by capture or
/// logged by hand: that touch keeps its note).
pub fn join_touch(conn: &Connection, touch: Id, source: Id, items: u32) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO capture_touches (touch_id, source_id, items, created) VALUES (?1, ?2, ?3, 0)
         ON CONFLICT (touch_id, source_id) DO UPDATE SET items = items + excluded.items",
    )?
    .execute(params![touch, source, items])?;
    Ok(())
}

/// Moves a touch capture made to an earlier time (an earlier item of its day).
pub fn move_earlier(conn: &Connection, touch: Id, at: DateTime<Utc>) -> Result<()> {
    let secs = to_secs(at);
    conn.prepare_cached("UPDATE touches SET at = ?2 WHERE id = ?1 AND at > ?2")?
        .execute(params![touch, secs])?;
    conn.prepare_cached("UPDATE touch_participants SET at = ?2 WHERE touch_id = ?1 AND at > ?2")?
        .execute(params![touch, secs])?;
    Ok(())
}

/// What forgetting a source did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Forgotten {
    /// Touches only this source had made: removed.
    pub removed: usize,
    /// Touches it had made that are kept: another source also has them, or
    /// the user wrote a note, a rating or a hook on them.
    pub kept: usize,
    /// Touches logged by hand it had joined: they stay as they were.
    pub unjoined: usize,
    /// Source keys dropped.
    pub keys: usize,
}

/// Removes a source with its keys, marks and the touches only it made
/// (one transaction: the caller's). A touch that also came from another
/// source, or that the user wrote on, stays.
pub fn forget(conn: &Connection, source: Id) -> Result<Forgotten> {
    let concerned: Vec<Id> = conn
        .prepare_cached(
            "SELECT DISTINCT p.contact_id FROM capture_touches c
             JOIN touch_participants p ON p.touch_id = c.touch_id WHERE c.source_id = ?1",
        )?
        .query_map([source], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let count = |sql: &str| -> Result<usize> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([source], |row| row.get::<_, i64>(0))? as usize)
    };
    let unjoined =
        count("SELECT count(*) FROM capture_touches WHERE source_id = ?1 AND created = 0")?;
    let keys = count("SELECT count(*) FROM capture_keys WHERE source_id = ?1")?;
    let removed = conn
        .prepare_cached(
            "DELETE FROM touches WHERE id IN (
                 SELECT c.touch_id FROM capture_touches c JOIN touches t ON t.id = c.touch_id
                 WHERE c.source_id = ?1 AND c.created = 1
                   AND t.note IS NULL AND t.rating IS NULL AND t.hook_id IS NULL
                   AND NOT EXISTS (SELECT 1 FROM capture_touches o
                                   WHERE o.touch_id = c.touch_id AND o.source_id != ?1))",
        )?
        .execute([source])?;
    // What it made and another source also has passes to that source.
    conn.prepare_cached(
        "UPDATE capture_touches SET created = 1
         WHERE source_id != ?1
           AND touch_id IN (SELECT touch_id FROM capture_touches WHERE source_id = ?1 AND created = 1)
           AND source_id = (SELECT min(o.source_id) FROM capture_touches o
                            WHERE o.touch_id = capture_touches.touch_id AND o.source_id != ?1)",
    )?
    .execute([source])?;
    let kept = count("SELECT count(*) FROM capture_touches WHERE source_id = ?1 AND created = 1")?;
    conn.prepare_cached("DELETE FROM capture_sources WHERE id = ?1")?
        .execute([source])?;
    facts::refresh_all_of(conn, &concerned)?;
    Ok(Forgotten {
        removed,
        kept,
        unjoined,
        keys,
    })
}

// --- reading touches' sources ------------------------------------------

/// The columns [`captured_row`] reads, in its order.
pub(crate) const CAPTURED: &str =
    "SELECT c.touch_id, c.source_id, s.name, s.kind, c.items, c.created
     FROM capture_touches c JOIN capture_sources s ON s.id = c.source_id";

pub(crate) fn captured_row(row: &Row) -> rusqlite::Result<(Id, Captured)> {
    let kind: String = row.get(3)?;
    Ok((
        row.get(0)?,
        Captured {
            source: row.get(1)?,
            name: row.get(2)?,
            kind: SourceKind::from_name(&kind).ok_or_else(|| bad_value("source kind", &kind))?,
            items: row.get(4)?,
            created: row.get(5)?,
        },
    ))
}

/// Fills in where each of `touches` was captured from.
pub fn attach(conn: &Connection, touches: &mut [Touch]) -> Result<()> {
    if touches.len() > 64 {
        let mut all = every_captured(conn)?;
        for t in touches.iter_mut() {
            t.captured = all.remove(&t.id).unwrap_or_default();
        }
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "{CAPTURED} WHERE c.touch_id = ?1 ORDER BY c.source_id"
    ))?;
    for t in touches.iter_mut() {
        t.captured = stmt
            .query_map([t.id], captured_row)?
            .map(|r| r.map(|(_, c)| c))
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(())
}

/// Where every captured touch came from, by touch.
pub fn every_captured(conn: &Connection) -> Result<HashMap<Id, Vec<Captured>>> {
    let mut out: HashMap<Id, Vec<Captured>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!("{CAPTURED} ORDER BY c.touch_id, c.source_id"))?;
    let rows = stmt.query_map([], captured_row)?;
    for row in rows {
        let (id, c) = row?;
        out.entry(id).or_default().push(c);
    }
    Ok(out)
}

// --- backup ------------------------------------------------------------

/// Calls `f` with every source key, by source, key and contact.
pub fn for_each_key(conn: &Connection, mut f: impl FnMut(Key) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT source_id, key, contact_id FROM capture_keys ORDER BY source_id, key, contact_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(Key {
            source: row.get(0)?,
            key: row.get(1)?,
            contact: row.get(2)?,
        })?;
    }
    Ok(())
}

/// Writes back a backup's sources, keys and the capture links of its
/// touches (ids as they were). The marks are not in a backup: the first
/// capture after a restore reads each source once, and the keys keep it
/// from counting anything twice.
pub fn restore(
    conn: &Connection,
    sources: &[Source],
    keys: &[Key],
    touches: &[Touch],
) -> Result<()> {
    let mut source = conn.prepare_cached(
        "INSERT INTO capture_sources (id, kind, path, name, created_at, last_run_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in sources {
        source.execute(params![
            s.id,
            s.kind.as_str(),
            s.path,
            crate::text::tidy_line(&s.name),
            to_secs(s.created_at),
            s.last_run_at.map(to_secs)
        ])?;
    }
    let mut key = conn.prepare_cached(
        "INSERT INTO capture_keys (source_id, key, contact_id) VALUES (?1, ?2, ?3)",
    )?;
    for k in keys {
        key.execute(params![k.source, k.key, k.contact])?;
    }
    let mut link = conn.prepare_cached(
        "INSERT INTO capture_touches (touch_id, source_id, items, created) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for t in touches {
        for c in &t.captured {
            link.execute(params![t.id, c.source, c.items, c.created])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
