//! Importing people into the store: matching, the report, the first due
//! dates. File reading lives in `source` (vCard, vdir) and `csv`; this
//! module gets their records and decides, for each, whether it adds a
//! contact, updates one or changes nothing.
//!
//! Rules:
//!
//! - **Matching.** A record updates the contact with the same UID
//!   (archived ones included); without a UID match it updates the active
//!   contact with the same name (case- and accent-insensitive, as names are
//!   unique that way) and that contact takes over the card's UID, so the
//!   next import matches by UID. Otherwise it adds a contact.
//! - **Updates keep draht's own fields.** The card's fields (name,
//!   nickname, company, role, e-mails, phones, birthday, notes, tags, UID)
//!   replace the contact's; sphere, cadence, minimum channel, snooze,
//!   archive flag, touches, hooks and follow-ups stay. `--every` (or a CSV
//!   cadence) only fills a cadence the contact does not have.
//! - **One record per contact.** Two records that reach the same contact
//!   (same UID, or same name) are an error for the second one.
//! - **Spread.** The `n` contacts that get their first cadence from this
//!   import, in file order, are snoozed so their first check-ins spread
//!   over the cadence: the `i`-th (from 0) of them, with cadence `C` days,
//!   is due no earlier than `today + floor(i · C / n)` days. A snooze is
//!   only ever moved later. So 300 people imported with `--every 3mo` come
//!   due three or four a day, not 300 on the first morning.
//! - **All or nothing.** Any record that cannot be read or imported aborts
//!   the import before anything is written, naming each (file, card or row,
//!   reason), unless `skip_invalid` is set: then the good ones are imported
//!   and the bad ones listed. The caller runs this in one transaction.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::vcard::CardContact;
use crate::clock::local_day;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::matching::fold;
use crate::model::{Contact, Sphere};
use crate::store::contacts;

/// Where a record came from: a file, and the card or row in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub source: String,
    /// 1-based card number in a `.vcf` file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<usize>,
    /// Line number of a CSV record (the header is line 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

impl Origin {
    pub fn file(source: &str) -> Origin {
        Origin {
            source: source.to_string(),
            card: None,
            row: None,
        }
    }

    pub fn card(source: &str, card: usize) -> Origin {
        Origin {
            card: Some(card),
            ..Origin::file(source)
        }
    }

    pub fn row(source: &str, row: usize) -> Origin {
        Origin {
            row: Some(row),
            ..Origin::file(source)
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(card) = self.card {
            write!(f, ": card {card}")?;
        }
        if let Some(row) = self.row {
            write!(f, ": row {row}")?;
        }
        Ok(())
    }
}

/// One person read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub origin: Origin,
    pub card: CardContact,
    /// A cadence the record itself gives (CSV `cadence` column).
    pub cadence_days: Option<u32>,
    /// A sphere the record itself gives (CSV `sphere` column).
    pub sphere: Option<Sphere>,
}

/// A record that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejected {
    #[serde(flatten)]
    pub origin: Origin,
    pub reason: String,
}

/// Everything read from the files of one import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub records: Vec<Incoming>,
    pub rejected: Vec<Rejected>,
    /// Group cards (`KIND:group`): lists of people, not people; skipped.
    pub groups: Vec<Origin>,
}

/// The flags of `draht import`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Cadence for contacts that have none (`--every`).
    pub every: Option<u32>,
    /// Sphere of new contacts (`--sphere`).
    pub sphere: Option<Sphere>,
    pub skip_invalid: bool,
    pub dry_run: bool,
}

/// A contact an import changed, with the fields that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Updated {
    pub name: String,
    pub fields: Vec<&'static str>,
}

/// The first check-ins of newly cadenced contacts lie in `[from, to]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spread {
    pub contacts: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    pub added: Vec<String>,
    pub updated: Vec<Updated>,
    pub unchanged: usize,
    pub skipped_groups: usize,
    pub invalid: Vec<Rejected>,
    pub spread: Option<Spread>,
    /// Active contacts without a cadence afterwards (for `draht triage`).
    pub without_cadence: usize,
}

/// A contact as the import sees it: the store's record, or a new one.
struct Slot {
    contact: Contact,
    /// The stored record, `None` for a contact this import adds.
    before: Option<Contact>,
    claimed_by: Option<Origin>,
}

/// Plans an import against the contacts in `conn` and, unless it is a dry
/// run, writes it. Run it inside one write transaction.
pub fn import(
    conn: &Connection,
    batch: Batch,
    options: &ImportOptions,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let mut planner = Planner::new(contacts::all(conn, true)?);
    let mut rejected = batch.rejected;
    let unread = rejected.len();
    let records = batch.records.len();
    for record in batch.records {
        let origin = record.origin.clone();
        if let Err(reason) = planner.take(record, options, config, now) {
            rejected.push(Rejected { origin, reason });
        }
    }
    if !rejected.is_empty() && !options.skip_invalid {
        return Err(aborted(&rejected, records - (rejected.len() - unread)));
    }
    let spread = planner.spread(local_day(now));
    let report = planner.report(options.dry_run, batch.groups.len(), rejected, spread);
    if !options.dry_run {
        planner.write(conn, now)?;
    }
    Ok(report)
}

/// The error for an import with bad records; `good` records could be imported.
fn aborted(rejected: &[Rejected], good: usize) -> Error {
    let unit = if rejected.iter().all(|r| r.origin.row.is_some()) {
        "row"
    } else {
        "card"
    };
    let bad = rejected.len();
    let mut message = format!(
        "import aborted, nothing was changed: {bad} {unit}{} cannot be imported",
        if bad == 1 { "" } else { "s" }
    );
    for r in rejected {
        message.push_str(&format!("\n  {}: {}", r.origin, r.reason));
    }
    message.push_str(&format!(
        "\nrepair {}, or pass --skip-invalid to import the {good} good one{} and list the bad ones",
        if bad == 1 { "it" } else { "them" },
        if good == 1 { "" } else { "s" }
    ));
    Error::Input(message)
}

struct Planner {
    slots: Vec<Slot>,
    by_uid: HashMap<String, usize>,
    /// Folded names of active contacts.
    by_name: HashMap<String, usize>,
    /// Slots that got their first cadence, in file order.
    first_cadence: Vec<usize>,
}

impl Planner {
    fn new(existing: Vec<Contact>) -> Planner {
        let mut planner = Planner {
            slots: Vec::with_capacity(existing.len()),
            by_uid: HashMap::with_capacity(existing.len()),
            by_name: HashMap::with_capacity(existing.len()),
            first_cadence: Vec::new(),
        };
        for contact in existing {
            planner.index(planner.slots.len(), &contact);
            planner.slots.push(Slot {
                before: Some(contact.clone()),
                contact,
                claimed_by: None,
            });
        }
        planner
    }

    fn index(&mut self, slot: usize, contact: &Contact) {
        self.by_uid.insert(contact.uid.clone(), slot);
        if !contact.archived {
            self.by_name.insert(fold(&contact.name), slot);
        }
    }

    fn unindex(&mut self, slot: usize) {
        let contact = &self.slots[slot].contact;
        self.by_uid.remove(&contact.uid);
        if !contact.archived {
            self.by_name.remove(&fold(&contact.name));
        }
    }

    /// Plans one record; `Err` is the reason it cannot be imported.
    fn take(
        &mut self,
        record: Incoming,
        options: &ImportOptions,
        config: &Config,
        now: DateTime<Utc>,
    ) -> std::result::Result<(), String> {
        let Incoming {
            origin,
            card,
            cadence_days,
            sphere,
        } = record;
        let cadence = cadence_days.or(options.every);
        let name_key = fold(&card.name);
        let target = card
            .uid
            .as_ref()
            .and_then(|uid| self.by_uid.get(uid))
            .or_else(|| self.by_name.get(&name_key))
            .copied();
        let Some(slot) = target else {
            let contact = new_contact(&card, sphere.or(options.sphere), cadence, config, now);
            let slot = self.slots.len();
            if contact.cadence_days.is_some() {
                self.first_cadence.push(slot);
            }
            self.index(slot, &contact);
            self.slots.push(Slot {
                contact,
                before: None,
                claimed_by: Some(origin),
            });
            return Ok(());
        };
        if let Some(first) = &self.slots[slot].claimed_by {
            return Err(format!(
                "\"{}\" is the same person as {first} (same UID or name); remove one of the two",
                card.name
            ));
        }
        let mut contact = self.slots[slot].contact.clone();
        card.apply_to(&mut contact);
        normalise(&mut contact);
        if let Some(&other) = self.by_uid.get(&contact.uid)
            && other != slot
        {
            return Err(format!(
                "its UID {} belongs to another contact, \"{}\"; give one of them a new UID",
                contact.uid, self.slots[other].contact.name
            ));
        }
        if let Some(&other) = self.by_name.get(&name_key)
            && other != slot
            && !contact.archived
        {
            return Err(format!(
                "it renames \"{}\" to \"{}\", but a contact with that name exists; rename one of them",
                self.slots[slot].contact.name, contact.name
            ));
        }
        if contact.cadence_days.is_none() && cadence.is_some() {
            contact.cadence_days = cadence;
            self.first_cadence.push(slot);
        }
        self.unindex(slot);
        self.index(slot, &contact);
        self.slots[slot].contact = contact;
        self.slots[slot].claimed_by = Some(origin);
        Ok(())
    }

    /// Snoozes first check-ins so they spread over the cadence.
    fn spread(&mut self, today: NaiveDate) -> Option<Spread> {
        let n = self.first_cadence.len();
        let mut last = today;
        for (i, &slot) in self.first_cadence.iter().enumerate() {
            let contact = &mut self.slots[slot].contact;
            let cadence = contact.cadence_days.unwrap_or(1);
            let offset = spread_offset(i, n, cadence);
            let day = today.checked_add_days(Days::new(offset)).unwrap_or(today);
            last = last.max(day);
            if offset > 0 && contact.snoozed_until.is_none_or(|s| s < day) {
                contact.snoozed_until = Some(day);
            }
        }
        (n > 0).then_some(Spread {
            contacts: n,
            from: today,
            to: last,
        })
    }

    fn report(
        &self,
        dry_run: bool,
        groups: usize,
        invalid: Vec<Rejected>,
        spread: Option<Spread>,
    ) -> ImportReport {
        let mut report = ImportReport {
            dry_run,
            added: Vec::new(),
            updated: Vec::new(),
            unchanged: 0,
            skipped_groups: groups,
            invalid,
            spread,
            without_cadence: 0,
        };
        for slot in &self.slots {
            let c = &slot.contact;
            if !c.archived && c.cadence_days.is_none() {
                report.without_cadence += 1;
            }
            if slot.claimed_by.is_none() {
                continue;
            }
            match &slot.before {
                None => report.added.push(c.name.clone()),
                Some(before) => {
                    let fields = changed_fields(before, c);
                    if fields.is_empty() {
                        report.unchanged += 1;
                    } else {
                        report.updated.push(Updated {
                            name: c.name.clone(),
                            fields,
                        });
                    }
                }
            }
        }
        report
    }

    fn write(&self, conn: &Connection, now: DateTime<Utc>) -> Result<()> {
        for slot in self.slots.iter().filter(|s| s.claimed_by.is_some()) {
            match &slot.before {
                None => {
                    contacts::insert(conn, &slot.contact, now)?;
                }
                Some(before) if *before != slot.contact => {
                    contacts::update(conn, &slot.contact, now)?;
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// Days after today that the `i`-th (from 0) of `n` newly cadenced
/// contacts first comes due: `floor(i · cadence / n)`, always below the
/// cadence.
pub fn spread_offset(i: usize, n: usize, cadence: u32) -> u64 {
    if n == 0 {
        return 0;
    }
    (i as u64).saturating_mul(u64::from(cadence)) / n as u64
}

fn new_contact(
    card: &CardContact,
    sphere: Option<Sphere>,
    cadence: Option<u32>,
    config: &Config,
    now: DateTime<Utc>,
) -> Contact {
    let sphere = sphere.unwrap_or_default();
    let mut contact = Contact {
        id: 0,
        uid: contacts::new_uid(),
        name: String::new(),
        nickname: None,
        sphere,
        tags: Vec::new(),
        company: None,
        role: None,
        emails: Vec::new(),
        phones: Vec::new(),
        birthday: None,
        notes: None,
        cadence_days: None,
        min_channel: config.min_channel,
        snoozed_until: None,
        archived: false,
        created_at: now,
    };
    card.apply_to(&mut contact);
    normalise(&mut contact);
    contact.cadence_days = cadence.or_else(|| config.default_cadence(sphere, &contact.tags));
    contact
}

/// The contact as the store will give it back: trimmed name, tags trimmed,
/// without duplicates and sorted.
fn normalise(contact: &mut Contact) {
    contact.name = contact.name.trim().to_string();
    let mut tags: Vec<String> = contact
        .tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    contact.tags = tags;
}

/// Names of the fields that differ, for the report.
fn changed_fields(before: &Contact, after: &Contact) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            fields.push(name);
        }
    };
    check("uid", before.uid != after.uid);
    check("name", before.name != after.name);
    check("nickname", before.nickname != after.nickname);
    check("company", before.company != after.company);
    check("role", before.role != after.role);
    check("emails", before.emails != after.emails);
    check("phones", before.phones != after.phones);
    check("birthday", before.birthday != after.birthday);
    check("notes", before.notes != after.notes);
    check("tags", before.tags != after.tags);
    check("cadence", before.cadence_days != after.cadence_days);
    check("snooze", before.snoozed_until != after.snoozed_until);
    fields
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
