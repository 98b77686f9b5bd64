//! The per-contact facts the scheduler needs, read by index seeks over a
//! contact's newest touches (never a scan of the whole history).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{bad_value, contacts, from_secs, hooks};
use crate::clock::local_day;
use crate::error::Result;
use crate::model::{Channel, Contact, Id, Outcome};
use crate::schedule::{ContactFacts, TouchRef};

/// Facts for every active contact, ordered by name.
pub fn load_active(conn: &Connection) -> Result<Vec<ContactFacts>> {
    contacts::all(conn, false)?
        .into_iter()
        .map(|c| for_contact(conn, c))
        .collect()
}

/// Facts for one contact.
pub fn for_contact(conn: &Connection, contact: Contact) -> Result<ContactFacts> {
    let mut facts = ContactFacts {
        added_on: local_day(contact.created_at),
        last_touch: None,
        last_personal: None,
        last_missed: None,
        written_streak: 0,
        freshest_hook: hooks::freshest(conn, contact.id)?,
        contact,
    };
    walk_back(conn, &mut facts)?;
    Ok(facts)
}

/// Walks the contact's touches newest first until the last personal one.
fn walk_back(conn: &Connection, facts: &mut ContactFacts) -> Result<()> {
    let min = facts.contact.min_channel();
    let mut stmt = conn.prepare_cached(
        "SELECT t.at, t.channel, t.outcome FROM touch_participants p
         JOIN touches t ON t.id = p.touch_id
         WHERE p.contact_id = ?1 ORDER BY p.at DESC, p.touch_id DESC",
    )?;
    let mut rows = stmt.query([facts.contact.id])?;
    while let Some(row) = rows.next()? {
        let at = from_secs(row.get(0)?);
        let channel: String = row.get(1)?;
        let channel = Channel::from_name(&channel).ok_or_else(|| bad_value("channel", &channel))?;
        let outcome: String = row.get(2)?;
        let outcome = Outcome::from_name(&outcome).ok_or_else(|| bad_value("outcome", &outcome))?;
        let touch = TouchRef {
            channel,
            at,
            on: local_day(at),
        };
        match outcome {
            Outcome::Missed => {
                facts.last_missed = facts.last_missed.or(Some(touch.on));
            }
            Outcome::Done => {
                facts.last_touch = facts.last_touch.or(Some(touch));
                if channel.richness() >= min.richness() {
                    facts.last_personal = Some(touch);
                    break;
                }
                if channel.is_written() {
                    facts.written_streak += 1;
                }
            }
        }
    }
    Ok(())
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
        "SELECT p.at FROM touch_participants p JOIN touches t ON t.id = p.touch_id
         WHERE p.contact_id = ?1 AND p.at BETWEEN ?2 AND ?3 AND t.outcome = 'done'
         ORDER BY p.at",
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
