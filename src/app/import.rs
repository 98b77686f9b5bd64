//! Importing people into the store: matching, the report, the first due
//! dates, and the cards kept for the next export. File reading lives in
//! `interop` (`source` for vCard and vdir, `csv`); this module gets their
//! records and decides, for each, whether it adds a contact, updates one
//! or changes nothing.
//!
//! Rules:
//!
//! - **Matching.** A record updates the contact its source identity
//!   belongs to (the card's UID, or a hash of its N, FN and first e-mail
//!   when it has none: kept from the import that added it, so a re-import
//!   finds the contact also when it was renamed or archived); else the
//!   contact with the card's UID (archived ones included); else the active
//!   contact with the same name (case- and accent-insensitive, as names
//!   are unique that way), which then takes over the card's UID. Otherwise
//!   it adds a contact.
//! - **Updates apply what the source changed.** The record as last read
//!   from its source is kept: a field the source did not change since
//!   keeps draht's value (an edit made in draht stays), one it changed
//!   takes the new value. E-mails, phones and tags are sets: what the
//!   source added is added, what it removed is removed, what draht added
//!   stays (a card's own categories are replaced, tags added in draht
//!   stay). Without a record of the source (the first import onto a
//!   contact of the same name) the card's fields replace the contact's and
//!   its lists are added. Sphere, cadence, minimum channel, snooze, archive
//!   flag, touches, hooks and follow-ups stay. `--every` (or a CSV
//!   cadence) only fills a cadence the contact does not have.
//! - **Cards.** A vCard record's text is kept as the contact's card, so an
//!   export gives back every property draht does not read (see
//!   `interop::vcard::export_card`). A card that is exactly what an export
//!   of the contact would write (draht's own export coming back) changes
//!   nothing.
//! - **One record per contact.** Two records that reach the same contact
//!   (same identity, UID or name) are an error for the second one.
//! - **Spread.** The `n` contacts that get their first cadence from this
//!   import, in file order, start their cadence spread over it: the `i`-th
//!   (from 0) of them, with cadence `C` days, first comes due
//!   `today + floor(i · C / n)` days (see `schedule::rules::spread_day`). So 300 people
//!   imported with `--every 3mo` come due three or four a day, not 300 on
//!   the first morning.
//! - **All or nothing.** Any record that cannot be read or imported aborts
//!   the import before anything is written, naming each (file, card or row,
//!   reason; the first [`LISTED_ERRORS`] and a count of the rest), unless
//!   `skip_invalid` is set: then the good ones are imported and the bad
//!   ones listed. It runs in one transaction.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::clock::local_day;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::interop::import::{Batch, Incoming, Origin, Rejected};
use crate::interop::vcard::{
    CardContact, VcardVersion, card_version, export_card, merge_cards, other_properties_differ,
    read_one, source_hash, write_card,
};
use crate::matching::fold;
use crate::model::{Contact, Handle, Id, Sphere};
use crate::schedule::rules::spread_day;
use crate::store::{Store, Tx, cards, contacts};
use crate::t;

/// How many bad records an aborted import names; the rest are counted.
pub const LISTED_ERRORS: usize = 20;

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

/// Imports `batch` in one write transaction (see the module docs).
pub fn import(
    store: &mut Store,
    batch: Batch,
    options: &ImportOptions,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    store.write(|tx| import_in(tx, batch, options, config, now))
}

/// [`import`] inside a transaction the caller holds.
pub fn import_in(
    tx: &Tx,
    batch: Batch,
    options: &ImportOptions,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let mut planner = Planner::new(contacts::all(tx, true)?, cards::sources(tx)?);
    let mut rejected = batch.rejected;
    let unread = rejected.len();
    let records = batch.records.len();
    for record in batch.records {
        let origin = record.origin.clone();
        if let Err(reason) = planner.take(tx, record, options, config, now)? {
            rejected.push(Rejected { origin, reason });
        }
    }
    if !rejected.is_empty() && !options.skip_invalid {
        return Err(aborted(&rejected, records - (rejected.len() - unread)));
    }
    let today = local_day(now);
    let spread = planner.spread(today);
    let report = planner.report(options.dry_run, batch.groups.len(), rejected, spread);
    if !options.dry_run {
        planner.write(tx, today, now)?;
    }
    Ok(report)
}

/// The error for an import with bad records; `good` records could be
/// imported. One bad record is named on the one line; of more, one line
/// each for the first [`LISTED_ERRORS`].
fn aborted(rejected: &[Rejected], good: usize) -> Error {
    let unit = if rejected.iter().all(|r| r.origin.row.is_some()) {
        "row"
    } else {
        "card"
    };
    let bad = rejected.len();
    let good_ones = t!("import-good-ones", good = good);
    if let [one] = rejected {
        // one bad record: the whole refusal on one line
        return Error::input(t!(
            "import-aborted-one",
            problem = one_line(&format!("{}: {}", one.origin, one.reason)),
            good_ones = good_ones
        ));
    }
    let mut lines = vec![t!("import-aborted-many", bad = bad, unit = unit)];
    for r in rejected.iter().take(LISTED_ERRORS) {
        lines.push(format!(
            "  {}",
            one_line(&format!("{}: {}", r.origin, r.reason))
        ));
    }
    if bad > LISTED_ERRORS {
        lines.push(t!(
            "import-aborted-more",
            more = bad - LISTED_ERRORS,
            unit = unit
        ));
    }
    lines.push(t!("import-aborted-repair", good_ones = good_ones));
    Error::Records(lines)
}

/// How long one line of an error list may get, in characters.
const LINE_CHARS: usize = 200;

/// `text` on one line (line breaks as spaces), at most [`LINE_CHARS`].
pub fn one_line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    match flat.char_indices().nth(LINE_CHARS) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// How a record found its contact.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Found {
    /// By the record's source identity, read before.
    Source,
    /// By the card's UID.
    Uid,
    /// By the active contact's name.
    Name,
}

/// What a record brings to its contact besides the fields.
struct Claim {
    origin: Origin,
    source: String,
    /// The record as draht keeps it (the card's text, or for a CSV row a
    /// card draht writes from it), when it is news for the store.
    record: Option<String>,
}

/// A contact as the import sees it: the store's record, or a new one.
struct Slot {
    contact: Contact,
    /// The stored record, `None` for a contact this import adds.
    before: Option<Contact>,
    claim: Option<Claim>,
    /// The stored card, and the one to store (when it changes).
    card: Option<String>,
    new_card: Option<String>,
    /// The spread date of its first check-in.
    spread_to: Option<NaiveDate>,
}

struct Planner {
    slots: Vec<Slot>,
    by_source: HashMap<String, usize>,
    by_uid: HashMap<String, usize>,
    /// Folded names of active contacts.
    by_name: HashMap<String, usize>,
    /// Slots that got their first cadence, in file order.
    first_cadence: Vec<usize>,
    /// How many sources each slot has in the store.
    source_count: HashMap<usize, usize>,
}

impl Planner {
    fn new(existing: Vec<Contact>, sources: Vec<(String, Id)>) -> Planner {
        let mut planner = Planner {
            slots: Vec::with_capacity(existing.len()),
            by_source: HashMap::with_capacity(sources.len()),
            by_uid: HashMap::with_capacity(existing.len()),
            by_name: HashMap::with_capacity(existing.len()),
            first_cadence: Vec::new(),
            source_count: HashMap::new(),
        };
        let mut by_id: HashMap<Id, usize> = HashMap::with_capacity(existing.len());
        for contact in existing {
            let slot = planner.slots.len();
            by_id.insert(contact.id, slot);
            planner.index(slot, &contact);
            planner.slots.push(Slot {
                before: Some(contact.clone()),
                contact,
                claim: None,
                card: None,
                new_card: None,
                spread_to: None,
            });
        }
        for (source, id) in sources {
            if let Some(&slot) = by_id.get(&id) {
                planner.by_source.insert(source, slot);
                *planner.source_count.entry(slot).or_default() += 1;
            }
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

    /// Plans one record; the inner `Err` is the reason it cannot be imported.
    fn take(
        &mut self,
        tx: &Tx,
        record: Incoming,
        options: &ImportOptions,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<std::result::Result<(), String>> {
        let Incoming {
            origin,
            card,
            cadence_days,
            sphere,
            vcard,
            source,
        } = record;
        let source = source.unwrap_or_else(|| row_identity(&card));
        let cadence = cadence_days.or(options.every);
        let name_key = fold(&card.name);
        let target = self
            .by_source
            .get(&source)
            .map(|&slot| (slot, Found::Source))
            .or_else(|| {
                let uid = card.uid.as_ref()?;
                self.by_uid.get(uid).map(|&slot| (slot, Found::Uid))
            })
            .or_else(|| self.by_name.get(&name_key).map(|&slot| (slot, Found::Name)));
        let record_text = vcard.clone().unwrap_or_else(|| snapshot(&card));
        let Some((slot, found)) = target else {
            let contact = new_contact(&card, sphere.or(options.sphere), cadence, config, now);
            let slot = self.slots.len();
            let first = contact.cadence_days.is_some();
            if first {
                self.first_cadence.push(slot);
            }
            self.index(slot, &contact);
            self.by_source.insert(source.clone(), slot);
            self.slots.push(Slot {
                contact,
                before: None,
                card: None,
                new_card: vcard,
                claim: Some(Claim {
                    origin,
                    source,
                    record: Some(record_text),
                }),
                spread_to: None,
            });
            return Ok(Ok(()));
        };
        if let Some(first) = &self.slots[slot].claim {
            return Ok(Err(t!(
                "import-same-person",
                name = card.name.as_str(),
                origin = first.origin.to_string()
            )));
        }
        let before = self.slots[slot].contact.clone();
        let old_record = match found {
            Found::Source => cards::source_card(tx, &source)?,
            _ => None,
        };
        let old: Option<CardContact> = match (&old_record, found) {
            (Some(text), _) => read_one(text).ok().map(|c| c.contact),
            (None, Found::Uid) => Some(CardContact::from(&before)),
            (None, _) => None,
        };
        let mut contact = before.clone();
        three_way(&mut contact, old.as_ref(), &card);
        if found == Found::Name
            && let Some(uid) = &card.uid
        {
            contact.uid.clone_from(uid);
        }
        normalise(&mut contact);
        if let Some(&other) = self.by_uid.get(&contact.uid)
            && other != slot
        {
            return Ok(Err(t!(
                "import-uid-taken",
                uid = contact.uid.as_str(),
                name = self.slots[other].contact.name.as_str()
            )));
        }
        if let Some(&other) = self.by_name.get(&fold(&contact.name))
            && other != slot
            && !contact.archived
        {
            return Ok(Err(t!(
                "import-rename-taken",
                from = before.name.as_str(),
                to = contact.name.as_str()
            )));
        }
        if contact.cadence_days.is_none() && cadence.is_some() {
            contact.cadence_days = cadence;
            self.first_cadence.push(slot);
        }
        let news = old_record.as_deref() != Some(record_text.as_str());
        let stored_card = match (&vcard, news) {
            (Some(_), true) => cards::card(tx, before.id)?,
            _ => None,
        };
        // draht's own export of this contact coming back says nothing new
        let echo = match (&vcard, &stored_card) {
            (Some(text), Some(stored)) => card_version(text)
                .is_some_and(|v| export_card(Some(stored), &contact, Some(v)) == *text),
            _ => false,
        };
        let new_card = match &vcard {
            Some(text) if news && !echo => {
                let merged = found == Found::Source
                    && self.source_count.get(&slot).copied().unwrap_or(0) > 1;
                Some(match (&stored_card, merged) {
                    (Some(stored), true) => merge_cards(text, stored),
                    _ => text.clone(),
                })
            }
            _ => None,
        };
        self.unindex(slot);
        self.index(slot, &contact);
        self.by_source.insert(source.clone(), slot);
        let entry = &mut self.slots[slot];
        entry.contact = contact;
        entry.card = stored_card;
        entry.new_card = new_card;
        entry.claim = Some(Claim {
            origin,
            source,
            record: (news && !echo).then_some(record_text),
        });
        Ok(Ok(()))
    }

    /// Spreads first check-ins over the cadence (see `schedule::rules::spread_day`).
    fn spread(&mut self, today: NaiveDate) -> Option<Spread> {
        let n = self.first_cadence.len();
        let mut last = today;
        for (i, &slot) in self.first_cadence.iter().enumerate() {
            let contact = &self.slots[slot].contact;
            let day = spread_day(today, i, n, contact.cadence_days.unwrap_or(1));
            last = last.max(day);
            self.slots[slot].spread_to = Some(day);
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
            if slot.claim.is_none() {
                continue;
            }
            match &slot.before {
                None => report.added.push(c.name.clone()),
                Some(before) => {
                    let mut fields = changed_fields(before, c);
                    let card_changed = match (&slot.card, &slot.new_card) {
                        (Some(old), Some(new)) => other_properties_differ(old, new),
                        (None, Some(_)) => true,
                        _ => false,
                    };
                    if card_changed {
                        fields.push("card");
                    }
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

    fn write(&self, tx: &Tx, today: NaiveDate, now: DateTime<Utc>) -> Result<()> {
        for slot in &self.slots {
            let Some(claim) = &slot.claim else {
                continue;
            };
            let id = match &slot.before {
                None => contacts::insert(tx, &slot.contact, now)?,
                Some(before) => {
                    if *before != slot.contact {
                        contacts::update(tx, &slot.contact, now)?;
                    }
                    before.id
                }
            };
            if let Some(day) = slot.spread_to.filter(|day| *day > today) {
                contacts::set_cadence_from(tx, id, day)?;
            }
            if let Some(record) = &claim.record {
                cards::put_source(tx, &claim.source, id, record)?;
            }
            if let Some(card) = &slot.new_card {
                cards::put_card(tx, id, card)?;
            }
        }
        Ok(())
    }
}

/// The identity of a record without one of its own (a CSV row): its UID,
/// or a hash of its name and first e-mail.
fn row_identity(card: &CardContact) -> String {
    match &card.uid {
        Some(uid) => format!("uid:{uid}"),
        None => {
            let email = card
                .emails
                .first()
                .map(|e| e.value.to_lowercase())
                .unwrap_or_default();
            source_hash(&["row", &card.name, &email])
        }
    }
}

/// A record without a card of its own (a CSV row) as draht keeps it: the
/// card draht writes for it.
fn snapshot(card: &CardContact) -> String {
    let mut contact = Contact::new(String::new(), DateTime::<Utc>::UNIX_EPOCH);
    card.apply_to(&mut contact);
    write_card(&contact, VcardVersion::V4)
}

/// Applies `new` to `contact`: the fields the source changed since `old`
/// (all of them without `old`), the lists as sets (see the module docs).
/// The UID is left alone.
fn three_way(contact: &mut Contact, old: Option<&CardContact>, new: &CardContact) {
    fn changed<T: PartialEq>(old: Option<&T>, new: &T) -> bool {
        old.is_none_or(|old| old != new)
    }
    if changed(old.map(|o| &o.name), &new.name) {
        contact.name.clone_from(&new.name);
    }
    if changed(old.map(|o| &o.nickname), &new.nickname) {
        contact.nickname.clone_from(&new.nickname);
    }
    if changed(old.map(|o| &o.company), &new.company) {
        contact.company.clone_from(&new.company);
    }
    if changed(old.map(|o| &o.role), &new.role) {
        contact.role.clone_from(&new.role);
    }
    if changed(old.map(|o| &o.birthday), &new.birthday) {
        contact.birthday = new.birthday;
    }
    if changed(old.map(|o| &o.notes), &new.notes) {
        contact.notes.clone_from(&new.notes);
    }
    let email_key = |h: &Handle| h.value.to_lowercase();
    let phone_key = |h: &Handle| {
        h.value
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    contact.emails = merge_set(
        &contact.emails,
        old.map(|o| o.emails.as_slice()),
        &new.emails,
        email_key,
    );
    contact.phones = merge_set(
        &contact.phones,
        old.map(|o| o.phones.as_slice()),
        &new.phones,
        phone_key,
    );
    let tag_key = |t: &String| fold(t);
    contact.tags = merge_set(
        &contact.tags,
        old.map(|o| o.tags.as_slice()),
        &new.tags,
        tag_key,
    );
}

/// `mine` with what the source changed from `old` to `new` (by `key`):
/// items it removed go, items it added come (at the end), items it kept
/// take its version (a new label); items only in `mine` stay.
fn merge_set<T: Clone, K: Hash + Eq>(
    mine: &[T],
    old: Option<&[T]>,
    new: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let old: HashSet<K> = old.unwrap_or_default().iter().map(&key).collect();
    let mut theirs: HashMap<K, &T> = HashMap::with_capacity(new.len());
    for item in new {
        theirs.entry(key(item)).or_insert(item);
    }
    let mut out: Vec<T> = Vec::with_capacity(mine.len() + new.len());
    let mut present: HashSet<K> = HashSet::with_capacity(mine.len() + new.len());
    for item in mine {
        let k = key(item);
        if present.contains(&k) {
            continue;
        }
        match theirs.get(&k) {
            Some(their) => out.push((*their).clone()),
            None if old.contains(&k) => continue, // removed by the source
            None => out.push(item.clone()),
        }
        present.insert(k);
    }
    for item in new {
        let k = key(item);
        if !present.contains(&k) && !old.contains(&k) {
            out.push(item.clone());
            present.insert(k);
        }
    }
    out
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
        uid: contacts::new_uid(),
        sphere,
        min_channel: config.min_channel,
        ..Contact::new(String::new(), now)
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
        .map(|t| crate::model::normalize_tag(t))
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    let mut seen = HashSet::new();
    tags.retain(|t| seen.insert(fold(t)));
    contact.tags = tags;
}

/// Names of the fields that differ, for the reports of an import and a
/// merge.
pub(crate) fn changed_fields(before: &Contact, after: &Contact) -> Vec<&'static str> {
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
    check("min_channel", before.min_channel != after.min_channel);
    check("snooze", before.snoozed_until != after.snoozed_until);
    fields
}

#[cfg(test)]
mod tests;
