//! Contacts with their tags, e-mails and phones.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};

use super::{day_text, facts, from_secs, parse_day, to_secs, unique_violation};
use crate::error::{Error, Result};
use crate::model::{Birthday, Contact, Handle, Id};
use crate::t;
use crate::{matching, text};

const COLUMNS: &str = "id, uid, name, nickname, sphere, company, role, birthday, notes, \
     cadence_days, min_channel, snoozed_until, archived, created_at";

/// How much of each contact a bulk load reads.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The whole record: notes, tags, e-mails and phones.
    Full,
    /// What `list` shows (see [`crate::store::facts::load`]): the name,
    /// sphere, tags and what a check-in needs, without UID, nickname,
    /// company, role, minimum channel, notes, e-mails, phones or hook (those
    /// stay empty). [`get`] reads the whole record.
    Brief,
    /// [`Detail::Brief`] without the tags: what the `list` table shows.
    Bare,
}

/// A new contact's record; `id` and `created_at` of `contact` are ignored.
/// A cadence starts on the local day of `now` (see [`set_cadence_from`]).
/// Returns the new id.
pub fn insert(conn: &Connection, contact: &Contact, now: DateTime<Utc>) -> Result<Id> {
    let contact = &tidied(contact);
    validate(contact)?;
    let uid = if contact.uid.trim().is_empty() {
        new_uid()
    } else {
        contact.uid.clone()
    };
    let fields = Fields::of(contact, &uid, now);
    conn.prepare_cached(
        "INSERT INTO contacts (uid, name, name_key, nickname, sphere, company, role, birthday,
             notes, cadence_days, min_channel, snoozed_until, archived, created_at, updated_at,
             cadence_from)
         VALUES (:uid, :name, :name_key, :nickname, :sphere, :company, :role, :birthday,
             :notes, :cadence_days, :min_channel, :snoozed_until, :archived, :now, :now,
             CASE WHEN :cadence_days IS NULL THEN NULL ELSE :today END)",
    )?
    .execute(fields.params().as_slice())
    .map_err(|e| duplicate(e, contact))?;
    let id = conn.last_insert_rowid();
    write_lists(conn, id, contact)?;
    facts::refresh(conn, id)?;
    Ok(id)
}

/// Writes a contact with its own id and creation time, as a restore does
/// (`updated_at` is `now`); the caller has checked that the id is free.
pub(crate) fn insert_restored(
    conn: &Connection,
    contact: &Contact,
    now: DateTime<Utc>,
) -> Result<()> {
    let contact = &tidied(contact);
    validate(contact)?;
    let fields = Fields::of(contact, &contact.uid, now);
    let created_at = to_secs(contact.created_at);
    let mut values = fields.params();
    // a restored cadence's start comes from the backup's `cadence_starts`
    values.retain(|(name, _)| *name != ":today");
    values.push((":id", &contact.id));
    values.push((":created_at", &created_at));
    conn.prepare_cached(
        "INSERT INTO contacts (id, uid, name, name_key, nickname, sphere, company, role, birthday,
             notes, cadence_days, min_channel, snoozed_until, archived, created_at, updated_at)
         VALUES (:id, :uid, :name, :name_key, :nickname, :sphere, :company, :role, :birthday,
             :notes, :cadence_days, :min_channel, :snoozed_until, :archived, :created_at, :now)",
    )?
    .execute(values.as_slice())
    .map_err(|e| duplicate(e, contact))?;
    write_lists(conn, contact.id, contact)
}

/// A contact's own columns in their stored form, shared by [`insert`] and
/// [`update`] (and [`insert_restored`]) so they cannot drift apart.
struct Fields<'a> {
    uid: &'a str,
    name: &'a str,
    name_key: String,
    contact: &'a Contact,
    birthday: Option<String>,
    snoozed_until: Option<String>,
    now: i64,
    /// The local day of `now`: when a cadence set now starts.
    today: String,
}

impl<'a> Fields<'a> {
    fn of(contact: &'a Contact, uid: &'a str, now: DateTime<Utc>) -> Fields<'a> {
        Fields {
            uid,
            name: &contact.name,
            name_key: matching::fold(&contact.name),
            contact,
            birthday: contact.birthday.map(Birthday::to_iso),
            snoozed_until: contact.snoozed_until.map(day_text),
            now: to_secs(now),
            today: day_text(crate::clock::local_day(now)),
        }
    }

    fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        vec![
            (":uid", &self.uid),
            (":name", &self.name),
            (":name_key", &self.name_key),
            (":nickname", &self.contact.nickname),
            (":sphere", &self.contact.sphere),
            (":company", &self.contact.company),
            (":role", &self.contact.role),
            (":birthday", &self.birthday),
            (":notes", &self.contact.notes),
            (":cadence_days", &self.contact.cadence_days),
            (":min_channel", &self.contact.min_channel),
            (":snoozed_until", &self.snoozed_until),
            (":archived", &self.contact.archived),
            (":now", &self.now),
            (":today", &self.today),
        ]
    }
}

/// Writes every field of `contact` (matched by id) back. A cadence set
/// where there was none starts on the local day of `now` (see
/// [`set_cadence_from`]); a changed one keeps its start (the day it was
/// first set); removing it forgets its start.
pub fn update(conn: &Connection, contact: &Contact, now: DateTime<Utc>) -> Result<()> {
    let contact = &tidied(contact);
    validate(contact)?;
    let fields = Fields::of(contact, &contact.uid, now);
    let mut values = fields.params();
    values.push((":id", &contact.id));
    let changed = conn
        .prepare_cached(
            "UPDATE contacts SET uid = :uid, name = :name, name_key = :name_key,
                 nickname = :nickname, sphere = :sphere, company = :company, role = :role,
                 birthday = :birthday, notes = :notes, cadence_days = :cadence_days,
                 min_channel = :min_channel, snoozed_until = :snoozed_until,
                 archived = :archived, updated_at = :now,
                 cadence_from = CASE WHEN :cadence_days IS NULL THEN NULL
                                     WHEN cadence_days IS NOT NULL THEN cadence_from
                                     ELSE :today END
             WHERE id = :id",
        )?
        .execute(values.as_slice())
        .map_err(|e| duplicate(e, contact))?;
    if changed == 0 {
        return Err(Error::input(t!("error-contact-gone", id = contact.id)));
    }
    for table in ["contact_tags", "contact_emails", "contact_phones"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE contact_id = ?1"))?
            .execute([contact.id])?;
    }
    write_lists(conn, contact.id, contact)?;
    // The minimum channel decides which touch is the last personal one.
    facts::refresh(conn, contact.id)
}

/// Moves the start of contact `id`'s cadence to `day`: the first day its
/// check-in can come due (import and triage spread first check-ins this
/// way). A contact without a cadence is left alone.
pub fn set_cadence_from(conn: &Connection, id: Id, day: NaiveDate) -> Result<()> {
    conn.prepare_cached(
        "UPDATE contacts SET cadence_from = ?2 WHERE id = ?1 AND cadence_days IS NOT NULL",
    )?
    .execute(params![id, day_text(day)])?;
    Ok(())
}

/// The start of contact `id`'s cadence (see [`set_cadence_from`]); `None`
/// without a cadence, or for one set before draht kept its start.
pub fn cadence_from(conn: &Connection, id: Id) -> Result<Option<NaiveDate>> {
    let text: Option<Option<String>> = conn
        .prepare_cached("SELECT cadence_from FROM contacts WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    Ok(text.flatten().as_deref().map(parse_day).transpose()?)
}

/// Every stored cadence start (see [`set_cadence_from`]), by contact id.
pub fn cadence_starts(conn: &Connection) -> Result<Vec<(Id, NaiveDate)>> {
    let rows: Vec<(Id, String)> = conn
        .prepare_cached(
            "SELECT id, cadence_from FROM contacts WHERE cadence_from IS NOT NULL ORDER BY id",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, day)| Ok((id, parse_day(&day)?)))
        .collect()
}

/// `contact` with its text as the store keeps it: one-line fields (UID,
/// name, nickname, company, role, tags, e-mails, phones and their labels)
/// through [`text::tidy_line`], the notes through [`text::tidy_note`];
/// fields and list entries left empty are dropped. Every write of a
/// contact's own columns goes through here.
fn tidied(contact: &Contact) -> Contact {
    let line = |v: &Option<String>| v.as_deref().map(text::tidy_line).filter(|v| !v.is_empty());
    let handles = |list: &[Handle]| -> Vec<Handle> {
        list.iter()
            .map(|h| Handle {
                value: text::tidy_line(&h.value),
                label: line(&h.label),
            })
            .filter(|h| !h.value.is_empty())
            .collect()
    };
    Contact {
        uid: text::tidy_line(&contact.uid),
        name: text::tidy_line(&contact.name),
        nickname: line(&contact.nickname),
        tags: contact
            .tags
            .iter()
            .map(|t| text::tidy_line(t))
            .filter(|t| !t.is_empty())
            .collect(),
        company: line(&contact.company),
        role: line(&contact.role),
        emails: handles(&contact.emails),
        phones: handles(&contact.phones),
        notes: contact
            .notes
            .as_deref()
            .map(text::tidy_note)
            .filter(|n| !n.trim().is_empty()),
        ..contact.clone()
    }
}

fn validate(contact: &Contact) -> Result<()> {
    if contact.name.trim().is_empty() {
        return Err(Error::input(t!("error-contact-no-name")));
    }
    if contact.cadence_days == Some(0) {
        return Err(Error::input(t!("error-cadence-zero")));
    }
    Ok(())
}

fn duplicate(err: rusqlite::Error, contact: &Contact) -> Error {
    unique_violation(err, || {
        t!("error-contact-exists", name = contact.name.trim())
    })
}

fn write_lists(conn: &Connection, id: Id, contact: &Contact) -> Result<()> {
    let mut tag = conn.prepare_cached("INSERT OR IGNORE INTO contact_tags VALUES (?1, ?2)")?;
    // one tag once, whatever its case or accents (the first spelling wins)
    let mut written: Vec<String> = Vec::with_capacity(contact.tags.len());
    for t in &contact.tags {
        let t = crate::model::normalize_tag(t);
        let key = matching::fold(&t);
        if !t.is_empty() && !written.contains(&key) {
            tag.execute(params![id, t])?;
            written.push(key);
        }
    }
    for (table, handles) in [
        ("contact_emails", &contact.emails),
        ("contact_phones", &contact.phones),
    ] {
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO {table} (contact_id, position, value, label) VALUES (?1, ?2, ?3, ?4)"
        ))?;
        for (pos, h) in handles.iter().enumerate() {
            stmt.execute(params![id, pos as i64, h.value, h.label])?;
        }
    }
    Ok(())
}

/// A fresh UID for a new contact (stable through vCard round trips).
pub fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn from_row(row: &Row) -> rusqlite::Result<Contact> {
    let text =
        |i: usize| -> rusqlite::Result<Option<&str>> { Ok(row.get_ref(i)?.as_str_or_null()?) };
    Ok(Contact {
        id: row.get(0)?,
        uid: row.get(1)?,
        name: row.get(2)?,
        nickname: row.get(3)?,
        sphere: row.get(4)?,
        tags: Vec::new(),
        company: row.get(5)?,
        role: row.get(6)?,
        emails: Vec::new(),
        phones: Vec::new(),
        birthday: text(7)?.and_then(Birthday::from_iso),
        notes: row.get(8)?,
        cadence_days: row.get(9)?,
        min_channel: row.get(10)?,
        snoozed_until: text(11)?.map(parse_day).transpose()?,
        archived: row.get(12)?,
        created_at: from_secs(row.get(13)?),
    })
}

/// One contact by id, with its lists.
pub fn get(conn: &Connection, id: Id) -> Result<Contact> {
    get_if_exists(conn, id)?.ok_or_else(|| Error::input(t!("error-contact-missing", id = id)))
}

/// One contact by id, with its lists; `None` when there is none.
pub fn get_if_exists(conn: &Connection, id: Id) -> Result<Option<Contact>> {
    let Some(mut contact) = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    contact.tags = conn
        .prepare_cached("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY tag")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    contact.emails = handles(conn, "contact_emails", id)?;
    contact.phones = handles(conn, "contact_phones", id)?;
    Ok(Some(contact))
}

fn handles(conn: &Connection, table: &str, id: Id) -> Result<Vec<Handle>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT value, label FROM {table} WHERE contact_id = ?1 ORDER BY position"
        ))?
        .query_map([id], |row| {
            Ok(Handle {
                value: row.get(0)?,
                label: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every contact (archived ones only when asked), ordered by name, with
/// lists: one pass per table, no per-contact queries.
pub fn all(conn: &Connection, include_archived: bool) -> Result<Vec<Contact>> {
    let filter = if include_archived {
        ""
    } else {
        "WHERE archived = 0"
    };
    // A plain table scan sorted here is several times cheaper than walking
    // the name index and looking up every row; byte order of the folded name
    // is SQLite's BINARY collation, so the order is the same.
    let mut keyed: Vec<(String, Contact)> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, name_key FROM contacts NOT INDEXED {filter}"
        ))?
        .query_map([], |row| Ok((row.get(14)?, from_row(row)?)))?
        .collect::<rusqlite::Result<_>>()?;
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    let mut contacts: Vec<Contact> = keyed.into_iter().map(|(_, c)| c).collect();
    attach_lists(conn, contacts.iter_mut(), Detail::Full)?;
    Ok(contacts)
}

/// Reads the tags of `people` (none for [`Detail::Bare`]) and, for
/// [`Detail::Full`], their e-mails and phones: one pass over each table in
/// its key order (contact id, then tag or position), merged into `people`
/// taken in id order; no per-contact queries, no map.
pub(crate) fn attach_lists<'a>(
    conn: &Connection,
    people: impl Iterator<Item = &'a mut Contact>,
    detail: Detail,
) -> Result<()> {
    if detail == Detail::Bare {
        return Ok(());
    }
    let mut people: Vec<&mut Contact> = people.collect();
    people.sort_unstable_by_key(|c| c.id);
    merge_rows(
        conn,
        "SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag",
        &mut people,
        |c, row| {
            c.tags.push(row.get(1)?);
            Ok(())
        },
    )?;
    if detail == Detail::Brief {
        return Ok(());
    }
    for (table, is_email) in [("contact_emails", true), ("contact_phones", false)] {
        let sql =
            format!("SELECT contact_id, value, label FROM {table} ORDER BY contact_id, position");
        merge_rows(conn, &sql, &mut people, |c, row| {
            let handle = Handle {
                value: row.get(1)?,
                label: row.get(2)?,
            };
            match is_email {
                true => c.emails.push(handle),
                false => c.phones.push(handle),
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Hands each row of `sql` (ordered by its first column, a contact id) to
/// `add` with the contact of `people` (ordered by id) it belongs to; rows
/// of other contacts are skipped.
fn merge_rows(
    conn: &Connection,
    sql: &str,
    people: &mut [&mut Contact],
    mut add: impl FnMut(&mut Contact, &Row) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([])?;
    let mut next = 0;
    while let Some(row) = rows.next()? {
        let id: Id = row.get(0)?;
        while people.get(next).is_some_and(|c| c.id < id) {
            next += 1;
        }
        match people.get_mut(next) {
            Some(c) if c.id == id => add(c, row)?,
            Some(_) => {}
            None => break,
        }
    }
    Ok(())
}

/// The active contact a CONTACT argument means: by name, nickname or unique
/// prefix, case- and accent-insensitive. Ambiguity is an error, never a guess.
pub fn find(conn: &Connection, query: &str) -> Result<Contact> {
    let id = find_id(conn, query, false)?;
    get(conn, id)
}

/// Like [`find`], also searching archived contacts when `include_archived`.
pub fn find_id(conn: &Connection, query: &str, include_archived: bool) -> Result<Id> {
    // as names are stored: a name typed with the characters the store
    // drops finds the contact it names
    let query = text::tidy_line(query);
    let query = query.as_str();
    if query.is_empty() {
        return Err(Error::input(t!("error-empty-contact-name")));
    }
    // Fast path: the folded full name is indexed.
    let exact: Option<Id> = conn
        .prepare_cached("SELECT id FROM contacts WHERE name_key = ?1 AND archived = 0")?
        .query_row([matching::fold(query)], |row| row.get(0))
        .optional()?;
    if let Some(id) = exact {
        return Ok(id);
    }
    let filter = if include_archived {
        ""
    } else {
        "WHERE archived = 0"
    };
    let mut stmt =
        conn.prepare_cached(&format!("SELECT id, name, nickname FROM contacts {filter}"))?;
    let people: Vec<(Id, String, Option<String>)> = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let candidates = people
        .iter()
        .map(|(id, name, nick)| (*id, name.as_str(), nick.as_deref()));
    match matching::best_match(query, candidates) {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(Error::NoSuchContact {
            query: query.trim().to_string(),
        }),
        Err(candidates) => Err(Error::Ambiguous {
            query: query.trim().to_string(),
            candidates,
        }),
    }
}

/// Removes a contact and everything that is only theirs (touches whose
/// only participant they were, hooks, follow-ups).
pub fn delete(conn: &Connection, id: Id) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM touches WHERE id IN (
             SELECT touch_id FROM touch_participants WHERE contact_id = ?1
         ) AND NOT EXISTS (
             SELECT 1 FROM touch_participants p
             WHERE p.touch_id = touches.id AND p.contact_id != ?1
         )",
    )?
    .execute([id])?;
    let removed = conn
        .prepare_cached("DELETE FROM contacts WHERE id = ?1")?
        .execute([id])?;
    if removed == 0 {
        return Err(Error::input(t!("error-contact-missing", id = id)));
    }
    Ok(())
}

/// Number of contacts (active, archived).
pub fn count(conn: &Connection) -> Result<(i64, i64)> {
    // Both from indexes (the active names, the UIDs): fewer pages than the
    // table's rows.
    let (active, all): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM contacts WHERE archived = 0), (SELECT count(*) FROM contacts)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok((active, all - active))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::store::Store;

    #[test]
    fn count_splits_active_and_archived() {
        let store = Store::open_in_memory().expect("store");
        let conn = store.conn();
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        assert_eq!(count(conn).expect("count"), (0, 0));
        for (name, archived) in [
            ("Anna", false),
            ("Bo", true),
            ("Cem", false),
            ("Dora", true),
        ] {
            let mut c = Contact::new(name, now);
            c.archived = archived;
            insert(conn, &c, now).expect("insert");
        }
        // an archived contact may share an active one's name
        let mut again = Contact::new("Anna", now);
        again.archived = true;
        insert(conn, &again, now).expect("insert");
        assert_eq!(count(conn).expect("count"), (2, 3));
    }
}
