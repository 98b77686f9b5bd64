//! `draht sync`: one two-way pass between the database and a contacts
//! vdir (one `.vcf` per contact), the folder vdirsyncer moves to and from
//! a CardDAV server. No network here.
//!
//! Each card file is compared with the sync state of the last pass: its
//! stat first (an unchanged stat is not read), then its content hash, then
//! its fields. Each contact is compared by the fields of the card draht
//! would write for it. `sync::decide` says what to do; when both changed,
//! `sync::merge` takes each field from the side that changed it, and where
//! both changed one field the newer side wins and the other value is kept
//! as a line in the contact's note and reported.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

use crate::error::{Error, IoContext, Result};
use crate::fsutil::{Batch, create_private_dir};
use crate::interop::sync_card::{
    DrahtProps, HookProp, card_fields, read_sync_card, render_card, strip_draht,
};
use crate::interop::vdir::Names;
use crate::model::{Contact, Id};
use crate::store::sync::{self as state, Folder, Item, Kind, Stat};
use crate::store::{Store, Tx, cards, contacts, hooks};
use crate::sync::{Action, Digest, Fields, Side, decide, merge, newer};
use crate::t;

pub(super) use super::sync_apply::keep_lost;
use super::sync_apply::{import_card, merge_card};
use super::sync_cal::CalReports;
pub(super) use super::sync_folder::{
    folder_files, hash_of, now_ns, open_folder, remove_temps, stat_of,
};
pub use super::sync_setup::vdirsyncer_sync;

/// What one pass did (or, with `dry_run`, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Contacts added from new cards, by name.
    pub added: Vec<String>,
    /// Contacts updated from changed cards.
    pub updated: Vec<String>,
    /// Contacts archived because their card was deleted.
    pub archived: Vec<String>,
    /// Cards written for contacts changed or added here.
    pub written: Vec<String>,
    /// Cards deleted because their contact was archived or removed here.
    pub deleted: Vec<String>,
    /// Contacts both sides changed, merged field by field.
    pub merged: Vec<String>,
    /// Fields both sides changed: (contact, field, the losing value),
    /// each kept in the contact's note.
    pub conflicts: Vec<(String, String, String)>,
    /// Files that are not cards draht can read: left alone.
    pub unreadable: Vec<String>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        *self == Report::default()
    }
}

/// One card file as found in the folder.
struct File {
    href: String,
    stat: Stat,
    /// Its text, hash and fields when it had to be read.
    read: Option<ReadFile>,
    mtime_ms: i64,
}

struct ReadFile {
    text: String,
    hash: [u8; 16],
    uid: String,
    fields: Fields,
}

/// What one pass did in each folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Passes {
    pub contacts: Option<Report>,
    /// The calendar folder's Jour fixe: names are their contacts.
    pub calendar: Option<Report>,
    /// The calendar folder's follow-ups, by their contacts.
    pub followups: Option<Report>,
    /// The calendar folder's touches, by their participants.
    pub touches: Option<Report>,
}

/// How a pass runs.
#[derive(Copy, Clone, Debug)]
pub struct How {
    /// Change nothing: the reports say what a pass would do.
    pub dry_run: bool,
    /// Look at every file, whatever the folders' marks say.
    pub full: bool,
    /// The machine's real time, not `DRAHT_NOW` (folder times are
    /// compared with it).
    pub wall: SystemTime,
}

/// One pass over the folders given, as of `now`, in one transaction: the
/// contacts first (a Jour fixe names its person by their card). With
/// `how.dry_run` nothing is written and the reports say what a pass would
/// do. A folder whose time has not moved since the last full look, with
/// no record of its kinds changed here, is not listed (`sync_folder::look`).
pub fn pass(
    store: &mut Store,
    contacts_dir: Option<&Path>,
    calendar_dir: Option<&Path>,
    now: DateTime<Utc>,
    how: How,
) -> Result<Passes> {
    if how.dry_run {
        store.read(|tx| pass_in(tx, contacts_dir, calendar_dir, now, how))
    } else {
        store.write_large(|tx| pass_in(tx, contacts_dir, calendar_dir, now, how))
    }
}

fn pass_in(
    tx: &Tx,
    contacts_dir: Option<&Path>,
    calendar_dir: Option<&Path>,
    now: DateTime<Utc>,
    how: How,
) -> Result<Passes> {
    let dry_run = how.dry_run;
    let mut passes = Passes::default();
    // every file the pass writes, put in place at the end, before the
    // transaction commits (see `fsutil::Batch`)
    let mut batch = Batch::default();
    if let Some(dir) = contacts_dir {
        passes.contacts = Some(contacts_pass(tx, dir, now, how, &mut batch)?);
    }
    if !dry_run {
        state::clear_dirty_of(tx, &[Kind::Contact])?;
    }
    if let Some(dir) = calendar_dir {
        let mut reports = CalReports::default();
        super::sync_cal::run(tx, dir, now, how, &mut batch, &mut reports)?;
        passes.calendar = Some(reports.jourfixe);
        passes.followups = Some(reports.followups);
        passes.touches = Some(reports.touches);
    }
    // a contact the calendar half changed (a conflict's note) stays marked:
    // the next pass writes its card
    if !dry_run {
        state::clear_dirty_of(tx, &[Kind::JourFixe, Kind::FollowUp, Kind::Touch])?;
        batch.finish()?;
    }
    Ok(passes)
}

fn contacts_pass(
    tx: &Tx,
    dir: &Path,
    now: DateTime<Utc>,
    how: How,
    batch: &mut Batch,
) -> Result<Report> {
    let dry_run = how.dry_run;
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(t!(
            "error-sync-contacts-not-folder",
            path = dir.display().to_string()
        )));
    }
    if !dry_run {
        create_private_dir(dir)?;
    }
    let path_text = dir.to_string_lossy().to_string();
    let out = Out {
        dir,
        now,
        how,
        batch,
    };
    run(tx, &path_text, out)
}

/// Where and how a pass writes.
struct Out<'a> {
    dir: &'a Path,
    now: DateTime<Utc>,
    how: How,
    batch: &'a mut Batch,
}

fn run(tx: &Tx, path_text: &str, out: Out) -> Result<Report> {
    let Out {
        dir,
        now,
        how,
        batch,
    } = out;
    let dry_run = how.dry_run;
    let mut report = Report::default();
    let folder = open_folder(tx, Folder::Contacts, &[Kind::Contact], dir, how)?;
    if folder.skip {
        return Ok(report);
    }
    let path_text = folder.known.as_deref().unwrap_or(path_text);
    let items: Vec<Item> = match folder.known {
        Some(_) => state::items(tx, Folder::Contacts)?,
        None => Vec::new(),
    };
    let by_href: HashMap<&str, &Item> = items.iter().map(|i| (i.href.as_str(), i)).collect();
    let dirty: HashMap<Id, i64> = state::dirty(tx)?
        .into_iter()
        .filter(|(k, _, _)| *k == Kind::Contact)
        .map(|(_, id, at)| (id, at))
        .collect();

    // the folder's cards
    let mut files: HashMap<String, File> = HashMap::new();
    let listed = folder_files(dir, "vcf")?;
    if !dry_run {
        remove_temps(&listed.temps);
    }
    for (href, stat, mtime_ms) in listed.files {
        let mut file = File {
            href: href.clone(),
            stat,
            read: None,
            mtime_ms,
        };
        let unchanged = by_href
            .get(href.as_str())
            .is_some_and(|item| item.stat == stat && item.kind == Kind::Contact);
        if !unchanged {
            match read_file(&dir.join(&href))? {
                Some(read) => file.read = Some(read),
                None => {
                    report.unreadable.push(href.clone());
                    continue;
                }
            }
        }
        files.insert(href, file);
    }

    // the contacts, archived ones too (a changed card brings one back),
    // that need a look: changed here, or whose card is not in step; the
    // others are not read
    let item_of_record: HashMap<Id, &Item> = items
        .iter()
        .filter_map(|i| i.record_id.map(|id| (id, i)))
        .collect();
    let mut handled_files: HashSet<String> = HashSet::new();
    let everyone = state::people(tx)?;
    let mut look: Vec<Id> = Vec::new();
    for (id, _, _, _) in &everyone {
        let in_step = item_of_record.get(id).filter(|i| {
            !dirty.contains_key(id)
                && files
                    .get(&i.href)
                    .is_some_and(|f| f.read.is_none() && f.stat == i.stat)
        });
        match in_step {
            Some(i) => {
                handled_files.insert(i.href.clone());
            }
            None => look.push(*id),
        }
    }
    let (people, mut stored) = looked_at(tx, &look, everyone.len())?;
    let mut names = Names::default();
    for item in &items {
        names.reserve(&item.href);
    }
    for href in files.keys() {
        names.reserve(href);
    }

    let by_uid: HashMap<&str, &str> = files
        .values()
        .filter_map(|f| f.read.as_ref().map(|r| (r.uid.as_str(), f.href.as_str())))
        .collect();
    for contact in &people {
        let item = item_of_record.get(&contact.id).copied();
        let href = item
            .map(|i| i.href.clone())
            .or_else(|| by_uid.get(contact.uid.as_str()).map(|h| h.to_string()));
        let file = href.as_deref().and_then(|h| files.get(h));
        if let Some(h) = &href {
            handled_files.insert(h.clone());
        }
        // (a contact in step on both sides is not among `people`: see `look`)
        if contact.archived && item.is_none() && file.is_none() {
            continue;
        }
        let base = item.map(|i| Digest::decode(&i.digest));
        let file_side = match (file, &base) {
            (None, _) => Side::Absent,
            (Some(f), Some(base)) => match &f.read {
                None => Side::Same,
                Some(r) if item.is_some_and(|i| i.hash == r.hash) => Side::Same,
                Some(r) if base.changed(&r.fields).is_empty() => Side::Same,
                Some(_) => Side::Changed,
            },
            (Some(_), None) => Side::Changed,
        };
        let record_text = card_text(
            tx,
            contact,
            stored.get(&contact.id).map(String::as_str),
            now,
        )?;
        let record_fields = fields_of(&record_text)?;
        let record_side = if contact.archived {
            Side::Absent
        } else {
            match &base {
                Some(base) if base.changed(&record_fields).is_empty() => Side::Same,
                _ => Side::Changed,
            }
        };
        let action = decide(item.is_some(), file_side, record_side);
        let name = contact.name.clone();
        match action {
            Action::Nothing => {
                if let (Some(f), Some(item)) = (file, item)
                    && f.stat != item.stat
                    && !dry_run
                {
                    state::restat(tx, Folder::Contacts, &f.href, f.stat, now_ns(now))?;
                }
            }
            Action::Export => {
                report.written.push(name);
                if !dry_run {
                    let href = href.unwrap_or_else(|| names.name_for(&contact.uid));
                    let w = (tx, dir, now);
                    write_card(w, batch, &href, contact, &record_text, &record_fields)?;
                }
            }
            Action::Import => {
                let f = file.expect("a file to import");
                let read = load(dir, f)?;
                if contact.archived {
                    report.added.push(read.fields.get("name").to_string());
                } else {
                    report.updated.push(read.fields.get("name").to_string());
                }
                if !dry_run {
                    import_card(tx, Some(contact), &read.text, now)?;
                    let seen = (f.stat, read.hash);
                    remember(tx, &f.href, &read.uid, contact.id, &read.fields, seen, now)?;
                }
            }
            Action::Merge => {
                let f = file.expect("a file to merge");
                let read = load(dir, f)?;
                if read.fields.differing(&record_fields).is_empty() {
                    // both sides hold the same (a card written by a pass
                    // that did not commit, or the same edit made on both)
                    if !dry_run {
                        let seen = (f.stat, read.hash);
                        remember(
                            tx,
                            &f.href,
                            &read.uid,
                            contact.id,
                            &record_fields,
                            seen,
                            now,
                        )?;
                    }
                    stored.remove(&contact.id);
                    continue;
                }
                let merged = merge(
                    base.as_ref(),
                    &record_fields,
                    &read.fields,
                    newer(dirty.get(&contact.id).copied(), Some(f.mtime_ms)),
                );
                report.merged.push(name.clone());
                for lost in &merged.lost {
                    report
                        .conflicts
                        .push((name.clone(), lost.field.clone(), lost.value.clone()));
                }
                if !dry_run {
                    let id =
                        merge_card(tx, contact, &record_text, &read.text, &merged.theirs, now)?;
                    if !merged.lost.is_empty() {
                        keep_lost(tx, id, &merged.lost, now)?;
                    }
                    let contact = contacts::get(tx, id)?;
                    let stored_card = cards::card(tx, id)?;
                    let text = card_text(tx, &contact, stored_card.as_deref(), now)?;
                    let fields = fields_of(&text)?;
                    write_card((tx, dir, now), batch, &f.href, &contact, &text, &fields)?;
                }
            }
            Action::RemoveRecord => {
                report.archived.push(name);
                if !dry_run {
                    let mut archived = contact.clone();
                    archived.archived = true;
                    contacts::update(tx, &archived, now)?;
                    if let Some(item) = item {
                        state::remove(tx, Folder::Contacts, &item.href)?;
                    }
                }
            }
            Action::DeleteFile => {
                report.deleted.push(name);
                if !dry_run && let Some(h) = &href {
                    let path = dir.join(h);
                    if path.exists() {
                        std::fs::remove_file(&path).at_path(&path)?;
                    }
                    state::remove(tx, Folder::Contacts, h)?;
                }
            }
            Action::Forget => {
                if !dry_run && let Some(item) = item {
                    state::remove(tx, Folder::Contacts, &item.href)?;
                }
            }
        }
        stored.remove(&contact.id);
    }

    // cards no contact has: new contacts
    let mut rest: Vec<(&String, &File)> = files
        .iter()
        .filter(|(href, _)| !handled_files.contains(*href))
        .collect();
    rest.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (href, f) in rest {
        let read = load(dir, f)?;
        report.added.push(read.fields.get("name").to_string());
        if !dry_run {
            let id = import_card(tx, None, &read.text, now)?;
            remember(
                tx,
                href,
                &read.uid,
                id,
                &read.fields,
                (f.stat, read.hash),
                now,
            )?;
        }
    }
    // the state of files that are gone and whose contact is gone too
    if !dry_run {
        let ids: HashSet<Id> = everyone.iter().map(|(id, _, _, _)| *id).collect();
        for item in &items {
            if files.contains_key(&item.href) || dir.join(&item.href).exists() {
                continue;
            }
            if item.record_id.is_none_or(|id| !ids.contains(&id)) {
                state::remove(tx, Folder::Contacts, &item.href)?;
            }
        }
        // a card that could not be read is looked at (and named) again
        let mark = folder.mark.filter(|_| report.unreadable.is_empty());
        state::set_folder(tx, Folder::Contacts, path_text, now, mark)?;
    }
    Ok(report)
}

/// The contacts `look` (of `total`) with their stored cards, in the order
/// `contacts::all` gives: read one by one when they are few, else all at
/// once.
fn looked_at(tx: &Tx, look: &[Id], total: usize) -> Result<(Vec<Contact>, HashMap<Id, String>)> {
    if look.len() * 10 < total {
        let mut people = Vec::with_capacity(look.len());
        let mut stored = HashMap::new();
        for &id in look {
            people.push(contacts::get(tx, id)?);
            if let Some(card) = cards::card(tx, id)? {
                stored.insert(id, card);
            }
        }
        people.sort_by_cached_key(|c| (crate::matching::fold(&c.name), c.id));
        return Ok((people, stored));
    }
    let wanted: HashSet<Id> = look.iter().copied().collect();
    let mut people = contacts::all(tx, true)?;
    people.retain(|c| wanted.contains(&c.id));
    let stored = cards::all_cards(tx)?
        .into_iter()
        .filter(|(id, _)| wanted.contains(id))
        .collect();
    Ok((people, stored))
}

/// Reads a card file; `None` when it is not a card draht can read.
fn read_file(path: &Path) -> Result<Option<ReadFile>> {
    let text = std::fs::read_to_string(path).at_path(path)?;
    let Ok(card) = read_sync_card(&text) else {
        return Ok(None);
    };
    let uid = card.card.contact.uid.clone().unwrap_or_default();
    let fields = card_fields(
        &card.card.contact,
        card.draht.as_ref(),
        &strip_draht(&card.card.text),
    );
    Ok(Some(ReadFile {
        hash: hash_of(&text),
        text,
        uid,
        fields,
    }))
}

/// The file read, reading it now if its stat said it had not changed.
fn load(dir: &Path, f: &File) -> Result<ReadFile> {
    if let Some(read) = &f.read {
        return Ok(ReadFile {
            text: read.text.clone(),
            hash: read.hash,
            uid: read.uid.clone(),
            fields: read.fields.clone(),
        });
    }
    let path: PathBuf = dir.join(&f.href);
    read_file(&path)?
        .ok_or_else(|| Error::input(format!("{} is not a card draht can read", path.display())))
}

/// The fields a sync compares, of a card's text.
fn fields_of(text: &str) -> Result<Fields> {
    let card = read_sync_card(text).map_err(Error::input)?;
    Ok(card_fields(
        &card.card.contact,
        card.draht.as_ref(),
        &strip_draht(&card.card.text),
    ))
}

/// The card draht writes for `contact` (its stored card patched).
fn card_text(
    tx: &Tx,
    contact: &Contact,
    stored: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String> {
    let hooks: Vec<HookProp> = hooks::for_contact(tx, contact.id)?
        .into_iter()
        .map(|h| HookProp {
            kind: h.kind,
            text: h.text,
            created_at: h.created_at,
            used_at: h.used_at,
        })
        .collect();
    let from = contacts::cadence_from(tx, contact.id)?;
    let draht = DrahtProps::of(contact, from, hooks);
    Ok(render_card(stored, contact, &draht, now))
}

/// Stages `text` as `href` (put in place when the pass ends) and records
/// it as synced.
fn write_card(
    (tx, dir, now): (&Tx, &Path, DateTime<Utc>),
    batch: &mut Batch,
    href: &str,
    contact: &Contact,
    text: &str,
    fields: &Fields,
) -> Result<()> {
    let meta = batch.stage(&dir.join(href), text.as_bytes())?;
    let seen = (stat_of(&meta), hash_of(text));
    remember(tx, href, &contact.uid, contact.id, fields, seen, now)
}

/// Records file `href` as the pass leaves it: its stat and content hash
/// (`seen`) and the fields it holds.
fn remember(
    tx: &Tx,
    href: &str,
    uid: &str,
    record: Id,
    fields: &Fields,
    (stat, hash): (Stat, [u8; 16]),
    now: DateTime<Utc>,
) -> Result<()> {
    state::put(
        tx,
        &Item {
            folder: Folder::Contacts,
            href: href.to_string(),
            uid: uid.to_string(),
            kind: Kind::Contact,
            record_id: Some(record),
            stat,
            seen_ns: now_ns(now),
            hash,
            digest: fields.digest().encode(),
        },
    )
}
