//! The per-contact facts the scheduler needs.
//!
//! What the touches say about a contact (last touch, last personal touch,
//! last missed attempt after it, written-only streak) is kept in the
//! `contact_summary` table. Every store function that writes a touch, its
//! participants or a contact calls [`refresh`] for the contacts concerned,
//! in the same transaction, and a refresh reads only the contact's newest
//! touches back to its last personal one (index seeks, never a scan of the
//! history). Loading the agenda's facts is then one pass over contacts,
//! summaries and hooks, whatever the size of the touch log.
//!
//! The reference derivation is `schedule::rules::facts_from_touches`; the
//! tests below check that the summary always equals it.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::contacts::{self, Detail};
use super::{bad_value, from_secs, hooks, stored_channel};
use crate::clock::local_day;
use crate::error::Result;
use crate::model::{Channel, Contact, Hook, Id, Outcome};
use crate::schedule::{ContactFacts, TouchRef};

#[cfg(test)]
mod tests;

/// One `contact_summary` row: instants as stored (unix seconds).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
struct Summary {
    last_touch: Option<(i64, Channel)>,
    /// (touch id, at, channel)
    last_personal: Option<(Id, i64, Channel)>,
    last_missed: Option<i64>,
    written_streak: u32,
}

/// Facts for every active contact, ordered by name, with whole records.
pub fn load_active(conn: &Connection) -> Result<Vec<ContactFacts>> {
    load(conn, false, Detail::Full)
}

/// Facts for every contact (archived ones only when asked), ordered by name,
/// the records read in as much `detail` as asked (the agenda and `list`
/// need only [`Detail::Brief`]). Three passes (contacts, summaries, hooks),
/// no per-contact queries, no touch history.
pub fn load(
    conn: &Connection,
    include_archived: bool,
    detail: Detail,
) -> Result<Vec<ContactFacts>> {
    let people = contacts::all_with(conn, include_archived, detail)?;
    let mut summaries = all_summaries(conn)?;
    let mut hooks = freshest_hooks(conn)?;
    Ok(people
        .into_iter()
        .map(|c| {
            let summary = summaries.remove(&c.id).unwrap_or_default();
            let hook = hooks.remove(&c.id);
            assemble(c, summary, hook)
        })
        .collect())
}

/// Facts for one contact.
pub fn for_contact(conn: &Connection, contact: Contact) -> Result<ContactFacts> {
    let summary = conn
        .prepare_cached(&format!("{SELECT_SUMMARY} WHERE contact_id = ?1"))?
        .query_row([contact.id], summary_row)
        .optional()?
        .map(|(_, s)| s)
        .unwrap_or_default();
    let hook = hooks::freshest(conn, contact.id)?;
    Ok(assemble(contact, summary, hook))
}

fn assemble(contact: Contact, s: Summary, freshest_hook: Option<Hook>) -> ContactFacts {
    let to_ref = |at: i64, channel: Channel| {
        let at = from_secs(at);
        TouchRef {
            channel,
            at,
            on: local_day(at),
        }
    };
    ContactFacts {
        added_on: local_day(contact.created_at),
        last_touch: s.last_touch.map(|(at, ch)| to_ref(at, ch)),
        last_personal: s.last_personal.map(|(_, at, ch)| to_ref(at, ch)),
        last_missed: s.last_missed.map(|at| local_day(from_secs(at))),
        written_streak: s.written_streak,
        freshest_hook,
        contact,
    }
}

const SELECT_SUMMARY: &str = "SELECT contact_id, last_touch_at, last_touch_channel,
        last_personal_id, last_personal_at, last_personal_channel, last_missed_at, written_streak
     FROM contact_summary";

fn channel_of(name: Option<&str>) -> rusqlite::Result<Option<Channel>> {
    name.map(stored_channel).transpose()
}

fn summary_row(row: &rusqlite::Row) -> rusqlite::Result<(Id, Summary)> {
    let touch_at: Option<i64> = row.get(1)?;
    let touch_channel = channel_of(row.get_ref(2)?.as_str_or_null()?)?;
    let personal_id: Option<Id> = row.get(3)?;
    let personal_at: Option<i64> = row.get(4)?;
    let personal_channel = channel_of(row.get_ref(5)?.as_str_or_null()?)?;
    Ok((
        row.get(0)?,
        Summary {
            last_touch: touch_at.zip(touch_channel),
            last_personal: match (personal_id, personal_at, personal_channel) {
                (Some(id), Some(at), Some(ch)) => Some((id, at, ch)),
                _ => None,
            },
            last_missed: row.get(6)?,
            written_streak: row.get(7)?,
        },
    ))
}

fn all_summaries(conn: &Connection) -> Result<HashMap<Id, Summary>> {
    Ok(conn
        .prepare_cached(SELECT_SUMMARY)?
        .query_map([], summary_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The hook to bring up next, per contact, in one pass over all hooks.
/// Same order as `hooks::freshest`: never used (newest first, then higher
/// id), then least recently used (then higher id). Only a contact's best
/// hook so far is read in full.
fn freshest_hooks(conn: &Connection) -> Result<HashMap<Id, Hook>> {
    type Key = (bool, i64, std::cmp::Reverse<Id>);
    let key = |h: &Hook| -> Key {
        let used = h.used_at.map(|u| u.timestamp());
        (
            used.is_some(),
            used.unwrap_or(-h.created_at.timestamp()),
            std::cmp::Reverse(h.id),
        )
    };
    let mut best: HashMap<Id, Hook> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, contact_id, kind, text, created_at, used_at FROM hooks")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let used: Option<i64> = row.get(5)?;
        let candidate = (
            used.is_some(),
            used.unwrap_or(-row.get::<_, i64>(4)?),
            std::cmp::Reverse(row.get::<_, Id>(0)?),
        );
        let contact: Id = row.get(1)?;
        if best.get(&contact).is_some_and(|h| key(h) <= candidate) {
            continue;
        }
        best.insert(contact, hooks::from_row(row)?);
    }
    Ok(best)
}

/// Recomputes the summary of one contact from its touches, newest first
/// back to its last personal touch. A contact that no longer exists is
/// left alone. Call it, in the same transaction, after any write that can
/// change what the touches say about `contact`.
pub fn refresh(conn: &Connection, contact: Id) -> Result<()> {
    let min: Option<Option<String>> = conn
        .prepare_cached("SELECT min_channel FROM contacts WHERE id = ?1")?
        .query_row([contact], |row| row.get(0))
        .optional()?;
    let Some(min) = min else {
        return Ok(());
    };
    let min = channel_of(min.as_deref())?.unwrap_or(Channel::DEFAULT_MIN);
    let s = compute(conn, contact, min)?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO contact_summary (contact_id, last_touch_at, last_touch_channel,
             last_personal_id, last_personal_at, last_personal_channel, last_missed_at,
             written_streak)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        contact,
        s.last_touch.map(|t| t.0),
        s.last_touch.map(|t| t.1.as_str()),
        s.last_personal.map(|t| t.0),
        s.last_personal.map(|t| t.1),
        s.last_personal.map(|t| t.2.as_str()),
        s.last_missed,
        s.written_streak,
    ])?;
    Ok(())
}

/// [`refresh`] for several contacts (each once).
pub fn refresh_all_of(conn: &Connection, contacts: &[Id]) -> Result<()> {
    let mut seen = Vec::with_capacity(contacts.len());
    for &id in contacts {
        if !seen.contains(&id) {
            seen.push(id);
            refresh(conn, id)?;
        }
    }
    Ok(())
}

/// Recomputes every contact's summary: for bulk loaders that write touches
/// with their own statements (then call this once, in the same transaction).
pub fn rebuild_summary(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM contact_summary", [])?;
    let ids: Vec<Id> = conn
        .prepare("SELECT id FROM contacts")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        refresh(conn, id)?;
    }
    Ok(())
}

/// Walks the contact's touches newest first until the last personal one.
fn compute(conn: &Connection, contact: Id, min: Channel) -> Result<Summary> {
    let mut s = Summary::default();
    let mut stmt = conn.prepare_cached(
        "SELECT touch_id, at, channel, outcome FROM touch_participants
         WHERE contact_id = ?1 ORDER BY at DESC, touch_id DESC",
    )?;
    let mut rows = stmt.query([contact])?;
    while let Some(row) = rows.next()? {
        let id: Id = row.get(0)?;
        let at: i64 = row.get(1)?;
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(row.get_ref(i)?.as_str()?) };
        let channel = stored_channel(text(2)?)?;
        let outcome = text(3)?;
        let outcome = Outcome::from_name(outcome).ok_or_else(|| bad_value("outcome", outcome))?;
        match outcome {
            Outcome::Missed => {
                s.last_missed = s.last_missed.or(Some(at));
            }
            Outcome::Done => {
                s.last_touch = s.last_touch.or(Some((at, channel)));
                if channel.richness() >= min.richness() {
                    s.last_personal = Some((id, at, channel));
                    break;
                }
                if channel.is_written() {
                    s.written_streak += 1;
                }
            }
        }
    }
    Ok(s)
}

/// Local days on which a contact had a `done` touch, in `[from, to]`.
pub fn done_days(
    conn: &Connection,
    contact: Id,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    // Bound by instants a day wider than the range to allow for any UTC offset.
    let lo = from
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp()
        - 86_400;
    let hi = to
        .and_hms_opt(23, 59, 59)
        .unwrap_or_default()
        .and_utc()
        .timestamp()
        + 86_400;
    let mut stmt = conn.prepare_cached(
        "SELECT at FROM touch_participants
         WHERE contact_id = ?1 AND at BETWEEN ?2 AND ?3 AND outcome = 'done'
         ORDER BY at",
    )?;
    let mut days: Vec<NaiveDate> = stmt
        .query_map(rusqlite::params![contact, lo, hi], |row| {
            row.get::<_, i64>(0)
        })?
        .map(|secs| secs.map(|s| local_day(from_secs(s))))
        .filter(|day| day.as_ref().map_or(true, |d| *d >= from && *d <= to))
        .collect::<rusqlite::Result<_>>()?;
    days.dedup();
    Ok(days)
}
