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

use foldhash::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::contacts::{self, Detail};
use super::{from_secs, hooks, parse_day};
use crate::clock::local_day;
use crate::error::Result;
use crate::model::{Birthday, Channel, Contact, Hook, Id, Outcome};
use crate::schedule::{ContactFacts, MonthDay, TouchRef, rules};

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
/// the records read in as much `detail` as asked: [`Detail::Full`] is the
/// whole record with the freshest hook; [`Detail::Brief`] is what `list`
/// shows (name, sphere, tags, the check-in facts; no UID, nickname,
/// company, role, minimum channel, notes, e-mails, phones or hook), and
/// [`Detail::Bare`] the same without tags. One pass
/// over contacts with their summaries, one per list table and one over the
/// hooks; no per-contact queries, no touch history.
pub fn load(
    conn: &Connection,
    include_archived: bool,
    detail: Detail,
) -> Result<Vec<ContactFacts>> {
    let full = detail == Detail::Full;
    let how = Scan {
        include_archived,
        candidates: None,
        record: full,
        name_keys: true,
    };
    let (mut all, keys) = scan(conn, how, |_| true)?;
    contacts::attach_lists(conn, all.iter_mut().map(|f| &mut f.contact), detail)?;
    if full {
        attach_hooks(conn, &mut all)?;
    }
    sort_by_name(&mut all, &keys);
    Ok(all)
}

/// Sorts `all` (in id order, `keys` their folded names) by folded name,
/// then id. Byte order of the folded name is SQLite's BINARY collation: the
/// order of the name index, without walking it. Only small (name, id,
/// position) triples are sorted; each record then moves at most once.
fn sort_by_name(all: &mut [ContactFacts], keys: &NameKeys) {
    let mut order: Vec<(&str, Id, usize)> = all
        .iter()
        .enumerate()
        .map(|(i, f)| (keys.get(i), f.contact.id, i))
        .collect();
    order.sort_unstable();
    let mut from: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    permute(all, &mut from);
}

/// Reorders `items` so that position `k` holds what was at `from[k]`
/// (`from` a permutation of the positions), following each cycle once;
/// `from` is used up.
fn permute<T>(items: &mut [T], from: &mut [usize]) {
    for start in 0..from.len() {
        let mut k = start;
        while from[k] != k {
            let j = from[k];
            from[k] = k;
            if j == start {
                break;
            }
            items.swap(k, j);
            k = j;
        }
    }
}

/// The folded names a [`scan`] read, back to back in one buffer.
#[derive(Default)]
struct NameKeys {
    text: String,
    /// Where each name ends in `text`.
    ends: Vec<usize>,
}

impl NameKeys {
    fn push(&mut self, key: &str) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
    }

    /// The `i`th name ("" past the end).
    fn get(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .copied()
            .unwrap_or(0);
        self.ends
            .get(i)
            .and_then(|&end| self.text.get(start..end))
            .unwrap_or_default()
    }
}

/// The facts of the active contacts that `keep` wants, in id order.
/// `keep` is asked only about the contacts an agenda can concern at all
/// (see `schedule::Relevance::keeps` and `Relevance::birthday_days`):
/// those with a cadence, a birthday on one of the `birthdays` (inclusive
/// (month, day) ranges, at most two) or an open follow-up. SQLite finds
/// them by the partial indexes of migration 0011 and never reads the
/// others (most people in a real address book): at 10,000 realistic
/// contacts a walk over every row was half of `draht today`. Each contact asked about
/// is first read only as far as the check-in needs (cadence, snooze,
/// birthday, when the cadence started, last personal touch, last missed
/// attempt), and `keep` decides on that: only the contacts it keeps are
/// read further, as far as the agenda shows them (name, sphere, last
/// touch, written streak, freshest hook; no UID, nickname, company, role,
/// minimum channel, notes, tags, e-mails or phones). This is how the
/// agenda reads ten thousand contacts and keeps the few hundred it shows.
pub fn load_where(
    conn: &Connection,
    birthdays: &[(MonthDay, MonthDay)],
    keep: impl FnMut(&ContactFacts) -> bool,
) -> Result<Vec<ContactFacts>> {
    let mut kept = load_where_without_hooks(conn, birthdays, keep)?;
    attach_hooks(conn, &mut kept)?;
    Ok(kept)
}

/// [`load_where`] without the freshest hooks: for a caller that shows only
/// a few of the kept contacts (the TUI's first frame) and asks for their
/// hooks alone ([`hooks::freshest`]).
pub fn load_where_without_hooks(
    conn: &Connection,
    birthdays: &[(MonthDay, MonthDay)],
    keep: impl FnMut(&ContactFacts) -> bool,
) -> Result<Vec<ContactFacts>> {
    let how = Scan {
        include_archived: false,
        candidates: Some(birthdays),
        record: false,
        name_keys: false,
    };
    Ok(scan(conn, how, keep)?.0)
}

/// What a [`scan`] reads besides the facts.
struct Scan<'a> {
    include_archived: bool,
    /// Only the active contacts with a cadence, a birthday within these
    /// (month, day) ranges (at most two) or an open follow-up.
    candidates: Option<&'a [(MonthDay, MonthDay)]>,
    /// The rest of the record: UID, nickname, company, role, minimum
    /// channel, notes.
    record: bool,
    /// The folded names, to sort by.
    name_keys: bool,
}

/// One pass over contacts with their summaries, in id order: each row is
/// read as far as the check-in needs, then in full if `keep` wants it.
/// Returns the kept facts (without hooks, tags, e-mails, phones) and, if
/// asked, their folded names.
fn scan(
    conn: &Connection,
    how: Scan<'_>,
    mut keep: impl FnMut(&ContactFacts) -> bool,
) -> Result<(Vec<ContactFacts>, NameKeys)> {
    let mut kept = Vec::new();
    let mut keys = NameKeys::default();
    let sql = format!(
        "SELECT c.id, c.cadence_days, c.birthday, c.snoozed_until, c.created_at, c.archived,
                s.last_personal_at, s.last_personal_channel, s.last_missed_at,
                c.name, c.sphere, s.last_touch_at, s.last_touch_channel, s.written_streak,
                {}, {}, s.last_personal_id, c.cadence_from
         FROM contacts c {} LEFT JOIN contact_summary s ON s.contact_id = c.id
         {}",
        if how.record {
            "c.uid, c.nickname, c.company, c.role, c.min_channel, c.notes"
        } else {
            "NULL, NULL, NULL, NULL, NULL, NULL"
        },
        if how.name_keys { "c.name_key" } else { "NULL" },
        // A walk over every row needs no index; the candidates are found
        // by theirs and read by id.
        if how.candidates.is_some() {
            ""
        } else {
            "NOT INDEXED"
        },
        match (how.include_archived, how.candidates) {
            (true, None) => "",
            (false, None) => "WHERE c.archived = 0",
            // Each arm matches a partial index of migration 0011 word for
            // word (`contacts_cadenced`, `contacts_birthday_day`).
            (_, Some(_)) => {
                "WHERE c.archived = 0 AND c.id IN (
                    SELECT id FROM contacts WHERE archived = 0 AND cadence_days IS NOT NULL
                    UNION ALL SELECT id FROM contacts WHERE archived = 0 AND birthday IS NOT NULL
                        AND substr(birthday, -5) BETWEEN ?1 AND ?2
                    UNION ALL SELECT id FROM contacts WHERE archived = 0 AND birthday IS NOT NULL
                        AND substr(birthday, -5) BETWEEN ?3 AND ?4
                    UNION ALL SELECT contact_id FROM followups WHERE done_at IS NULL)
                 ORDER BY c.id"
            }
        },
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = match how.candidates {
        None => stmt.query([])?,
        Some(ranges) => {
            // `MM-DD` keys; an unused range is empty ("1" > "0").
            let key = |(m, d): MonthDay| format!("{m:02}-{d:02}");
            let mut bounds = [const { String::new() }; 4];
            let mut used = ranges.iter();
            for pair in bounds.chunks_mut(2) {
                let (from, to) = match used.next() {
                    Some(&(from, to)) => (key(from), key(to)),
                    None => ("1".to_owned(), "0".to_owned()),
                };
                pair[0] = from;
                pair[1] = to;
            }
            debug_assert!(used.next().is_none(), "at most two birthday ranges");
            stmt.query(rusqlite::params_from_iter(bounds.iter()))?
        }
    };
    while let Some(row) = rows.next()? {
        let text =
            |i: usize| -> rusqlite::Result<Option<&str>> { Ok(row.get_ref(i)?.as_str_or_null()?) };
        let mut contact = Contact::new(String::new(), from_secs(row.get(4)?));
        contact.id = row.get(0)?;
        contact.cadence_days = row.get(1)?;
        contact.birthday = text(2)?.and_then(Birthday::from_iso);
        contact.snoozed_until = text(3)?.map(parse_day).transpose()?;
        contact.archived = row.get(5)?;
        let personal_at: Option<i64> = row.get(6)?;
        let personal_id: Option<Id> = row.get(21)?;
        let summary = Summary {
            last_personal: personal(personal_id, personal_at, row.get(7)?),
            last_missed: row.get(8)?,
            ..Summary::default()
        };
        let start = text(22)?.map(parse_day).transpose()?;
        let facts = assemble(contact, start, summary, None);
        if !keep(&facts) {
            continue;
        }
        let mut facts = facts;
        facts.contact.name = row.get(9)?;
        facts.contact.sphere = row.get(10)?;
        let touch_at: Option<i64> = row.get(11)?;
        facts.last_touch = touch_at
            .zip(row.get::<_, Option<Channel>>(12)?)
            .map(|(at, channel)| touch_ref(at, channel));
        facts.written_streak = row.get::<_, Option<u32>>(13)?.unwrap_or(0);
        if how.record {
            let c = &mut facts.contact;
            c.uid = row.get(14)?;
            c.nickname = row.get(15)?;
            c.company = row.get(16)?;
            c.role = row.get(17)?;
            c.min_channel = row.get(18)?;
            c.notes = row.get(19)?;
        }
        if how.name_keys {
            keys.push(text(20)?.unwrap_or_default());
        }
        kept.push(facts);
    }
    Ok((kept, keys))
}

/// Gives each of `facts` its freshest hook, in one pass over the hooks, in
/// the order of `hooks::freshest`: never used (newest first, then higher
/// id), then least recently used (then higher id). Only a hook better than
/// the contact's best so far is read in full, straight into its facts.
fn attach_hooks(conn: &Connection, facts: &mut [ContactFacts]) -> Result<()> {
    let position: HashMap<Id, usize> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.contact.id, i))
        .collect();
    let mut stmt =
        conn.prepare_cached("SELECT id, contact_id, kind, text, created_at, used_at FROM hooks")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let contact: Id = row.get(1)?;
        let Some(&i) = position.get(&contact) else {
            continue;
        };
        let candidate = hook_rank(row.get(5)?, row.get(4)?, row.get(0)?);
        let best = &mut facts[i].freshest_hook;
        let rank_of = |h: &Hook| {
            hook_rank(
                h.used_at.map(|u| u.timestamp()),
                h.created_at.timestamp(),
                h.id,
            )
        };
        if best.as_ref().is_some_and(|h| rank_of(h) <= candidate) {
            continue;
        }
        *best = Some(hooks::from_row(row)?);
    }
    Ok(())
}

/// Where a hook (when used, when created, in unix seconds; its id) stands
/// in the order of [`attach_hooks`]: lower comes first.
fn hook_rank(used_at: Option<i64>, created_at: i64, id: Id) -> (bool, i64, std::cmp::Reverse<Id>) {
    (
        used_at.is_some(),
        used_at.unwrap_or(-created_at),
        std::cmp::Reverse(id),
    )
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
    let start = contacts::cadence_from(conn, contact.id)?;
    Ok(assemble(contact, start, summary, hook))
}

fn touch_ref(at: i64, channel: Channel) -> TouchRef {
    let at = from_secs(at);
    TouchRef {
        channel,
        at,
        on: local_day(at),
    }
}

/// The facts of `contact`; `cadence_from` as stored (`None`: the day the
/// contact was added).
fn assemble(
    contact: Contact,
    cadence_from: Option<NaiveDate>,
    s: Summary,
    freshest_hook: Option<Hook>,
) -> ContactFacts {
    ContactFacts {
        cadence_from: cadence_from.unwrap_or_else(|| local_day(contact.created_at)),
        last_touch: s.last_touch.map(|(at, ch)| touch_ref(at, ch)),
        last_personal: s.last_personal.map(|(_, at, ch)| touch_ref(at, ch)),
        last_missed: s.last_missed.map(|at| local_day(from_secs(at))),
        written_streak: s.written_streak,
        freshest_hook,
        contact,
    }
}

const SELECT_SUMMARY: &str = "SELECT contact_id, last_touch_at, last_touch_channel,
        last_personal_id, last_personal_at, last_personal_channel, last_missed_at, written_streak
     FROM contact_summary";

/// The stored last personal touch: all three columns, or none.
fn personal(
    id: Option<Id>,
    at: Option<i64>,
    channel: Option<Channel>,
) -> Option<(Id, i64, Channel)> {
    Some((id?, at?, channel?))
}

fn summary_row(row: &rusqlite::Row) -> rusqlite::Result<(Id, Summary)> {
    let touch_at: Option<i64> = row.get(1)?;
    let touch_channel: Option<Channel> = row.get(2)?;
    let personal_id: Option<Id> = row.get(3)?;
    let personal_at: Option<i64> = row.get(4)?;
    let personal_channel: Option<Channel> = row.get(5)?;
    Ok((
        row.get(0)?,
        Summary {
            last_touch: touch_at.zip(touch_channel),
            last_personal: personal(personal_id, personal_at, personal_channel),
            last_missed: row.get(6)?,
            written_streak: row.get(7)?,
        },
    ))
}

#[cfg(test)]
fn all_summaries(conn: &Connection) -> Result<HashMap<Id, Summary>> {
    Ok(conn
        .prepare_cached(SELECT_SUMMARY)?
        .query_map([], summary_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Recomputes the summary of one contact from its touches, newest first
/// back to its last personal touch. A contact that no longer exists is
/// left alone. Call it, in the same transaction, after any write that can
/// change what the touches say about `contact`.
pub fn refresh(conn: &Connection, contact: Id) -> Result<()> {
    let min: Option<Option<Channel>> = conn
        .prepare_cached("SELECT min_channel FROM contacts WHERE id = ?1")?
        .query_row([contact], |row| row.get(0))
        .optional()?;
    let Some(min) = min else {
        return Ok(());
    };
    let min = min.unwrap_or(Channel::DEFAULT_MIN);
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
        s.last_touch.map(|t| t.1),
        s.last_personal.map(|t| t.0),
        s.last_personal.map(|t| t.1),
        s.last_personal.map(|t| t.2),
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

/// Walks the contact's touches newest first until the last personal one,
/// deciding each by the rules of `schedule::rules` (the ones
/// `facts_from_touches` applies to the whole history).
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
        let channel: Channel = row.get(2)?;
        let outcome: Outcome = row.get(3)?;
        if outcome == Outcome::Done {
            s.last_touch = s.last_touch.or(Some((at, channel)));
        }
        if rules::is_personal_for(min, channel, outcome) {
            s.last_personal = Some((id, at, channel));
            break;
        }
        if outcome == Outcome::Missed {
            s.last_missed = s.last_missed.or(Some(at));
        }
        if rules::extends_written_streak(channel, outcome) {
            s.written_streak += 1;
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
