//! Jour fixe records and their skipped dates (the EXDATE list).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{bad_value, day_text, from_secs, parse_day, to_secs};
use crate::clock::{DAY_SECS, local_day, utc_day_number};
use crate::error::{Error, Result};
use crate::jourfixe::{Draft, JourFixe, Tz, is_occurrence, last_occurrence_before, occurrences};
use crate::model::Id;
use crate::t;

/// The columns [`from_row`] reads, in its order.
macro_rules! columns {
    () => {
        "SELECT j.id, j.contact_id, j.start, j.rrule, j.time, j.duration_minutes,
         j.channel, j.note, j.active"
    };
}

const SELECT: &str = concat!(columns!(), " FROM jourfixes j");

/// Records a Jour fixe (its `id` is ignored) with its skipped dates.
pub fn insert(conn: &Connection, jf: &JourFixe, now: DateTime<Utc>) -> Result<Id> {
    validate(jf)?;
    conn.prepare_cached(
        "INSERT INTO jourfixes (contact_id, start, rrule, time, duration_minutes, channel, note,
             active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        jf.contact_id,
        day_text(jf.start),
        crate::text::tidy_line(&jf.rrule),
        jf.time.map(time_text),
        jf.duration_minutes,
        jf.channel,
        stored_note(&jf.note),
        jf.active,
        to_secs(now),
    ])?;
    let id = conn.last_insert_rowid();
    for date in &jf.skipped {
        add_skip(conn, id, *date)?;
    }
    Ok(id)
}

/// Records `draft` as a new Jour fixe of `contact`: what `draht jourfixe
/// add` and the TUI's Jour fixe form both do.
pub fn add(conn: &Connection, contact: Id, draft: &Draft, now: DateTime<Utc>) -> Result<Id> {
    insert(conn, &draft.for_contact(contact), now)
}

/// A Jour fixe's note as stored: trimmed, tidied (`text::tidy_note`),
/// `None` when nothing is left.
pub(crate) fn stored_note(note: &Option<String>) -> Option<String> {
    note.as_deref()
        .map(|n| crate::text::tidy_note(n.trim()))
        .filter(|n| !n.trim().is_empty())
}

/// A Jour fixe needs a rule and, if it has a length, one of a minute or more.
fn validate(jf: &JourFixe) -> Result<()> {
    if jf.rrule.trim().is_empty() {
        return Err(Error::input(t!("error-jf-no-rule")));
    }
    if jf.duration_minutes == Some(0) {
        return Err(Error::input(t!("error-jf-zero-minutes")));
    }
    Ok(())
}

pub(crate) fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

fn from_row(row: &Row) -> rusqlite::Result<JourFixe> {
    let time: Option<String> = row.get(4)?;
    let time = match time {
        Some(text) => {
            Some(NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| bad_value("time", &text))?)
        }
        None => None,
    };
    Ok(JourFixe {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        start: parse_day(&row.get::<_, String>(2)?)?,
        rrule: row.get(3)?,
        time,
        duration_minutes: row.get(5)?,
        channel: row.get(6)?,
        note: row.get(7)?,
        active: row.get(8)?,
        skipped: Vec::new(),
    })
}

/// Fills in the skipped dates, oldest first.
fn with_skips(conn: &Connection, mut jf: JourFixe) -> Result<JourFixe> {
    jf.skipped = conn
        .prepare_cached("SELECT date FROM jourfixe_skips WHERE jourfixe_id = ?1 ORDER BY date")?
        .query_map([jf.id], |row| parse_day(&row.get::<_, String>(0)?))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(jf)
}

fn query(conn: &Connection, sql: &str, param: Option<Id>) -> Result<Vec<JourFixe>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows: Vec<JourFixe> = match param {
        Some(p) => stmt
            .query_map([p], from_row)?
            .collect::<rusqlite::Result<_>>()?,
        None => stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<_>>()?,
    };
    rows.into_iter().map(|jf| with_skips(conn, jf)).collect()
}

/// One Jour fixe by id.
pub fn get(conn: &Connection, id: Id) -> Result<JourFixe> {
    let jf = conn
        .prepare_cached(&format!("{SELECT} WHERE j.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::input(t!("error-no-jourfixe", id = id)))?;
    with_skips(conn, jf)
}

/// Active Jour fixe of active (not archived) contacts, by id.
pub fn active(conn: &Connection) -> Result<Vec<JourFixe>> {
    query(
        conn,
        &format!(
            "{SELECT} JOIN contacts c ON c.id = j.contact_id
             WHERE j.active = 1 AND c.archived = 0 ORDER BY j.id"
        ),
        None,
    )
}

/// Every Jour fixe, active or not, by contact and id.
pub fn all(conn: &Connection) -> Result<Vec<JourFixe>> {
    query(conn, &format!("{SELECT} ORDER BY j.contact_id, j.id"), None)
}

/// Every Jour fixe of one contact, active or not, by id.
pub fn for_contact(conn: &Connection, contact: Id) -> Result<Vec<JourFixe>> {
    query(
        conn,
        &format!("{SELECT} WHERE j.contact_id = ?1 ORDER BY j.id"),
        Some(contact),
    )
}

/// "Tue 8 Dec 2026", "Di., 8. Dez. 2026"
fn day_words(date: NaiveDate) -> String {
    crate::text::date(
        crate::i18n::current(),
        date,
        crate::text::DateStyle::WeekdayDayMonthYear,
    )
}

/// Skips the occurrence on `date`. Only a date the rule falls on can be
/// skipped; any other date is an input error that names the nearest real
/// dates. Skipping a date twice changes nothing.
pub fn skip(conn: &Connection, id: Id, date: NaiveDate, tz: Tz) -> Result<JourFixe> {
    let jf = get(conn, id)?;
    if !is_occurrence(&jf, date, tz) {
        let mut near: Vec<NaiveDate> = last_occurrence_before(&jf, date, tz).into_iter().collect();
        let after = date.succ_opt().unwrap_or(date);
        let horizon = after
            .checked_add_days(Days::new(3 * 366))
            .unwrap_or(NaiveDate::MAX);
        near.extend(occurrences(&jf, after, horizon, tz).into_iter().take(2));
        let hint = match near.is_empty() {
            true => t!("jf-no-dates"),
            false => t!(
                "jf-nearest",
                days = near
                    .into_iter()
                    .map(day_words)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(Error::input(t!(
            "error-jf-not-a-date",
            day = day_words(date),
            id = id,
            rule = jf.describe_in(crate::i18n::current()),
            hint = hint
        )));
    }
    add_skip(conn, id, date)?;
    get(conn, id)
}

fn add_skip(conn: &Connection, id: Id, date: NaiveDate) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO jourfixe_skips (jourfixe_id, date) VALUES (?1, ?2)",
    )?
    .execute(params![id, day_text(date)])?;
    Ok(())
}

/// Takes `date` off the skip list again.
pub fn unskip(conn: &Connection, id: Id, date: NaiveDate) -> Result<JourFixe> {
    let removed = conn
        .prepare_cached("DELETE FROM jourfixe_skips WHERE jourfixe_id = ?1 AND date = ?2")?
        .execute(params![id, day_text(date)])?;
    if removed == 0 {
        get(conn, id)?;
        return Err(Error::input(t!(
            "error-jf-not-skipped",
            day = day_words(date),
            id = id
        )));
    }
    get(conn, id)
}

/// Pauses (`false`) or resumes (`true`) a Jour fixe.
pub fn set_active(conn: &Connection, id: Id, active: bool) -> Result<JourFixe> {
    conn.prepare_cached("UPDATE jourfixes SET active = ?2 WHERE id = ?1")?
        .execute(params![id, active])?;
    get(conn, id)
}

/// Deletes a Jour fixe and its skipped dates.
pub fn delete(conn: &Connection, id: Id) -> Result<()> {
    get(conn, id)?;
    conn.prepare_cached("DELETE FROM jourfixes WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// A Jour fixe with what tracking it needs to know of its contact.
#[derive(Clone, Debug)]
pub struct ToTrack {
    pub jf: JourFixe,
    /// The contact's name.
    pub name: String,
    /// The contact's newest `done` touch (unix seconds), from its summary.
    pub newest_done: Option<i64>,
}

impl ToTrack {
    /// Which of `dates` (occurrence days, oldest first) have a `done`
    /// touch with the contact, as [`kept_days`] finds them; without a
    /// look at the touches when the newest one is older than the dates.
    pub fn kept_days(&self, conn: &Connection, dates: &[NaiveDate]) -> Result<Vec<NaiveDate>> {
        let may_have_done =
            seek_bounds(dates).is_some_and(|(lo, _)| self.newest_done.is_some_and(|at| at >= lo));
        if !may_have_done {
            return Ok(Vec::new());
        }
        kept_days(conn, self.jf.contact_id, dates)
    }
}

/// Which of `dates` (occurrence days, oldest first) have a `done` touch
/// with `contact`: the only days whose touches decide an occurrence's
/// state. One index seek over the span of the dates; only a touch within a
/// day of an occurrence (in UTC) is placed on its local day.
pub fn kept_days(conn: &Connection, contact: Id, dates: &[NaiveDate]) -> Result<Vec<NaiveDate>> {
    let Some((lo, hi)) = seek_bounds(dates) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT at FROM touch_participants
         WHERE contact_id = ?1 AND at BETWEEN ?2 AND ?3 AND outcome = 'done'",
    )?;
    let mut rows = stmt.query(params![contact, lo, hi])?;
    let mut kept = Vec::new();
    while let Some(row) = rows.next()? {
        let at: i64 = row.get(0)?;
        let near = |d: &NaiveDate| (utc_day_number(*d) - at.div_euclid(DAY_SECS)).abs() <= 1;
        if !dates.iter().any(near) {
            continue;
        }
        let day = local_day(from_secs(at));
        if dates.contains(&day) && !kept.contains(&day) {
            kept.push(day);
        }
    }
    kept.sort_unstable();
    Ok(kept)
}

/// The instants (unix seconds, inclusive) a touch on one of `dates` (oldest
/// first) can have, in any time zone: a local day lies within a day of the
/// UTC day of the same date.
fn seek_bounds(dates: &[NaiveDate]) -> Option<(i64, i64)> {
    let lo = utc_day_number(*dates.first()?) - 1;
    let hi = utc_day_number(*dates.last()?) + 1;
    Some((lo * DAY_SECS, (hi + 1) * DAY_SECS - 1))
}

/// Every active Jour fixe of an active contact, by id: the records with
/// the names and summaries in one query, every skipped date in another.
pub fn active_tracking(conn: &Connection) -> Result<Vec<ToTrack>> {
    let mut stmt = conn.prepare_cached(concat!(
        columns!(),
        ", c.name, s.last_touch_at FROM jourfixes j JOIN contacts c ON c.id = j.contact_id
         LEFT JOIN contact_summary s ON s.contact_id = j.contact_id
         WHERE j.active = 1 AND c.archived = 0 ORDER BY j.id"
    ))?;
    let mut rows: Vec<ToTrack> = stmt
        .query_map([], |row| {
            Ok(ToTrack {
                jf: from_row(row)?,
                name: row.get(9)?,
                newest_done: row.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut skips = active_skips(conn)?.into_iter().peekable();
    for ToTrack { jf, .. } in &mut rows {
        // Both lists are ordered by Jour fixe id.
        while let Some((id, date)) = skips.next_if(|(id, _)| *id <= jf.id) {
            if id == jf.id {
                jf.skipped.push(date);
            }
        }
    }
    Ok(rows)
}

/// The skipped dates of every active Jour fixe, by Jour fixe id then date.
fn active_skips(conn: &Connection) -> Result<Vec<(Id, NaiveDate)>> {
    conn.prepare_cached(
        "SELECT s.jourfixe_id, s.date FROM jourfixe_skips s
         JOIN jourfixes j ON j.id = s.jourfixe_id
         WHERE j.active = 1 ORDER BY s.jourfixe_id, s.date",
    )?
    .query_map([], |row| {
        Ok((row.get(0)?, parse_day(&row.get::<_, String>(1)?)?))
    })?
    .collect::<rusqlite::Result<_>>()
    .map_err(Into::into)
}

/// Writes `jf`'s rule, start, time, length, channel and note over the
/// stored Jour fixe with its id (its skipped dates and its state stay):
/// what `draht jourfixe edit` changes.
pub fn update(conn: &Connection, jf: &JourFixe) -> Result<JourFixe> {
    get(conn, jf.id)?;
    validate(jf)?;
    conn.prepare_cached(
        "UPDATE jourfixes SET start = ?2, rrule = ?3, time = ?4, duration_minutes = ?5,
             channel = ?6, note = ?7 WHERE id = ?1",
    )?
    .execute(params![
        jf.id,
        day_text(jf.start),
        crate::text::tidy_line(&jf.rrule),
        jf.time.map(time_text),
        jf.duration_minutes,
        jf.channel,
        stored_note(&jf.note),
    ])?;
    get(conn, jf.id)
}

#[cfg(test)]
mod tests;
