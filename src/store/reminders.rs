//! Reminders: each Jour fixe's own lead (`jourfixe add/edit --remind`,
//! `--no-remind`) and the log of what `draht notify` sent.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::{day_text, parse_day, to_secs};
use crate::error::Result;
use crate::model::Id;
use crate::remind::{Key, Remind};

/// Every Jour fixe's own setting; a Jour fixe not in the map uses the
/// configured default.
pub fn settings(conn: &Connection) -> Result<HashMap<Id, Remind>> {
    conn.prepare_cached("SELECT jourfixe_id, minutes FROM jourfixe_reminders")?
        .query_map([], |row| Ok((row.get(0)?, remind(row.get(1)?))))?
        .collect::<rusqlite::Result<_>>()
        .map_err(Into::into)
}

/// One Jour fixe's setting.
pub fn get(conn: &Connection, jourfixe: Id) -> Result<Remind> {
    Ok(conn
        .prepare_cached("SELECT minutes FROM jourfixe_reminders WHERE jourfixe_id = ?1")?
        .query_row([jourfixe], |row| row.get::<_, Option<u32>>(0))
        .optional()?
        .map_or(Remind::Default, remind))
}

fn remind(minutes: Option<u32>) -> Remind {
    minutes.map_or(Remind::Off, Remind::Before)
}

/// Sets one Jour fixe's reminder (which must exist).
pub fn set(conn: &Connection, jourfixe: Id, setting: Remind) -> Result<()> {
    super::jourfixe::get(conn, jourfixe)?;
    let minutes = match setting {
        Remind::Default => {
            conn.prepare_cached("DELETE FROM jourfixe_reminders WHERE jourfixe_id = ?1")?
                .execute([jourfixe])?;
            return Ok(());
        }
        Remind::Before(minutes) => Some(minutes),
        Remind::Off => None,
    };
    conn.prepare_cached(
        "INSERT INTO jourfixe_reminders (jourfixe_id, minutes) VALUES (?1, ?2)
         ON CONFLICT (jourfixe_id) DO UPDATE SET minutes = excluded.minutes",
    )?
    .execute(params![jourfixe, minutes])?;
    Ok(())
}

/// The keys sent for days from `from` on.
pub fn sent_since(conn: &Connection, from: NaiveDate) -> Result<HashSet<Key>> {
    Ok(sent_log(conn, from)?
        .into_iter()
        .map(|(key, _)| key)
        .collect())
}

/// The sent log from `from` on with when each was sent, oldest day first.
pub fn sent_log(conn: &Connection, from: NaiveDate) -> Result<Vec<(Key, DateTime<Utc>)>> {
    conn.prepare_cached(
        "SELECT kind, subject, day, sent_at FROM reminders_sent WHERE day >= ?1
         ORDER BY day, sent_at, kind, subject",
    )?
    .query_map([day_text(from)], |row| {
        let key = Key {
            kind: row.get(0)?,
            subject: row.get(1)?,
            day: parse_day(&row.get::<_, String>(2)?)?,
        };
        Ok((key, super::from_secs(row.get(3)?)))
    })?
    .collect::<rusqlite::Result<_>>()
    .map_err(Into::into)
}

/// Notes `key` as sent at `now` (a second note of the same key changes
/// nothing).
pub fn record(conn: &Connection, key: &Key, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO reminders_sent (kind, subject, day, sent_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        key.kind,
        key.subject,
        day_text(key.day),
        to_secs(now)
    ])?;
    Ok(())
}

/// Forgets what was sent for days before `before`.
pub fn prune(conn: &Connection, before: NaiveDate) -> Result<usize> {
    Ok(conn
        .prepare_cached("DELETE FROM reminders_sent WHERE day < ?1")?
        .execute([day_text(before)])?)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::jourfixe::{Draft, Tz, parse_rule};
    use crate::model::{Channel, Contact};
    use crate::remind::Kind;
    use crate::store::{Store, contacts, jourfixe};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_jour_fixe_keeps_its_own_setting_until_it_is_gone() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                let anna = contacts::insert(tx, &Contact::new("Anna", now), now)?;
                let spec = parse_rule("weekly tue 10:00").unwrap();
                let draft =
                    Draft::new(spec, d(2026, 12, 1), Channel::Call, None, None, Tz::UTC).unwrap();
                let id = jourfixe::add(tx, anna, &draft, now)?;
                assert_eq!(get(tx, id)?, Remind::Default);
                set(tx, id, Remind::Before(60))?;
                assert_eq!(get(tx, id)?, Remind::Before(60));
                set(tx, id, Remind::Off)?;
                assert_eq!(settings(tx)?, HashMap::from([(id, Remind::Off)]));
                set(tx, id, Remind::Default)?;
                assert!(settings(tx)?.is_empty());
                set(tx, id, Remind::Before(5))?;
                jourfixe::delete(tx, id)?;
                assert!(settings(tx)?.is_empty(), "deleted with its Jour fixe");
                assert!(set(tx, id, Remind::Off).is_err(), "no such Jour fixe");
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn the_sent_log_remembers_each_key_once_and_forgets_old_days() {
        let now = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let key = |kind, subject, day| Key { kind, subject, day };
        store
            .write(|tx| {
                record(tx, &key(Kind::Morning, 0, d(2026, 12, 8)), now)?;
                record(tx, &key(Kind::JourFixe, 3, d(2026, 12, 8)), now)?;
                record(tx, &key(Kind::JourFixe, 3, d(2026, 12, 8)), now)?;
                record(tx, &key(Kind::FollowUp, 4, d(2026, 11, 1)), now)?;
                assert_eq!(sent_log(tx, d(2026, 1, 1))?.len(), 3);
                assert_eq!(
                    sent_since(tx, d(2026, 12, 1))?,
                    HashSet::from([
                        key(Kind::Morning, 0, d(2026, 12, 8)),
                        key(Kind::JourFixe, 3, d(2026, 12, 8))
                    ])
                );
                assert_eq!(prune(tx, d(2026, 11, 8))?, 1);
                assert_eq!(sent_log(tx, d(2026, 1, 1))?.len(), 2);
                Ok(())
            })
            .unwrap();
    }
}
