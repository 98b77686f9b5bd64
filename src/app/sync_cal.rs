//! `draht sync`, the calendar half: each Jour fixe as a `VEVENT` (with its
//! `RRULE` and `EXDATE`s) in a calendar vdir, one `.ics` per item, read
//! back when it changed there. The same rules as the contacts half
//! (`app::sync`): stat, hash, fields against the last pass's state;
//! `sync::decide`; a field-wise `sync::merge` whose losing values are kept
//! in the contact's note. Items that are not draht's (an event made in
//! khal) are left alone. Follow-ups and touches are not synced yet.

use std::collections::{BTreeMap, HashMap};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::sync::{Report, folder_files, hash_of, keep_lost, now_ns, stat_of};
use crate::error::{Error, IoContext, Result};
use crate::fsutil::{create_private_dir, write_private};
use crate::interop::sync_ics::{
    CalItem, CalJourFixe, CalRecord, Person, ReadItem, item_fields, read_item, render_item,
};
use crate::jourfixe::JourFixe;
use crate::model::{Contact, Id};
use crate::store::sync::{self as state, Folder, Item, Kind};
use crate::store::{Tx, contacts, jourfixe};
use crate::sync::{Action, Digest, Fields, Side, decide, merge, newer};
use crate::t;

/// One calendar file as found in the folder.
struct File {
    stat: state::Stat,
    mtime_ms: i64,
    /// The Jour fixe it holds, when it had to be read.
    read: Option<(String, CalJourFixe, String)>,
}

/// One pass over the calendar folder `dir`, in the transaction `tx`.
pub(super) fn run(
    tx: &Tx,
    dir: &Path,
    now: DateTime<Utc>,
    dry_run: bool,
    report: &mut Report,
) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(t!(
            "error-sync-calendar-not-folder",
            path = dir.display().to_string()
        )));
    }
    if !dry_run {
        create_private_dir(dir)?;
    }
    let path_text = dir.to_string_lossy().to_string();
    let known_path = state::folders(tx)?
        .into_iter()
        .find(|(f, _)| *f == Folder::Calendar)
        .map(|(_, p)| p);
    if known_path.as_deref().is_some_and(|p| p != path_text) && !dry_run {
        state::forget_folder(tx, Folder::Calendar)?;
    }
    let items: Vec<Item> = if known_path.as_deref() == Some(path_text.as_str()) {
        state::items(tx, Folder::Calendar)?
    } else {
        Vec::new()
    };
    let by_href: HashMap<&str, &Item> = items.iter().map(|i| (i.href.as_str(), i)).collect();
    let dirty: HashMap<Id, i64> = state::dirty(tx)?
        .into_iter()
        .filter(|(k, _, _)| *k == Kind::JourFixe)
        .map(|(_, id, at)| (id, at))
        .collect();
    let people = contacts::all(tx, true)?;
    let by_id: HashMap<Id, &Contact> = people.iter().map(|c| (c.id, c)).collect();
    let by_uid: HashMap<&str, &Contact> = people.iter().map(|c| (c.uid.as_str(), c)).collect();

    let mut files: BTreeMap<String, File> = BTreeMap::new();
    for (href, path, meta) in folder_files(dir, "ics")? {
        let stat = stat_of(&meta);
        let known = by_href.get(href.as_str());
        if known.is_some_and(|i| i.kind != Kind::JourFixe) {
            continue; // someone else's item, or one draht does not sync
        }
        let mut file = File {
            stat,
            mtime_ms: meta.mtime() * 1000 + meta.mtime_nsec() / 1_000_000,
            read: None,
        };
        if !known.is_some_and(|i| i.stat == stat) {
            let text = std::fs::read_to_string(&path).at_path(&path)?;
            match read_item(&text) {
                Ok(ReadItem::Draht { item, .. }) => match item.record {
                    CalRecord::JourFixe(jf) => file.read = Some((item.uid, jf, text)),
                    _ => continue,
                },
                Ok(ReadItem::Other { .. }) => continue,
                Err(_) => {
                    report.unreadable.push(href);
                    continue;
                }
            }
        }
        files.insert(href, file);
    }

    // every Jour fixe, paused ones too
    let mut records: Vec<JourFixe> = Vec::new();
    for contact in &people {
        records.extend(jourfixe::for_contact(tx, contact.id)?);
    }
    let item_of: HashMap<Id, &Item> = items
        .iter()
        .filter(|i| i.kind == Kind::JourFixe)
        .filter_map(|i| i.record_id.map(|id| (id, i)))
        .collect();
    let mut handled: Vec<String> = Vec::new();
    for jf in &records {
        let Some(contact) = by_id.get(&jf.contact_id).copied() else {
            continue;
        };
        let item = item_of.get(&jf.id).copied();
        let uid = item.map_or_else(contacts::new_uid, |i| i.uid.clone());
        let href = item.map_or_else(|| format!("{uid}.ics"), |i| i.href.clone());
        let file = files.get(&href);
        let base = item.map(|i| Digest::decode(&i.digest));
        let cal = CalItem {
            uid: uid.clone(),
            record: CalRecord::JourFixe(cal_of(jf, contact)),
        };
        let record_fields = item_fields(&cal);
        let record_side = match &base {
            Some(base) if base.changed(&record_fields).is_empty() => Side::Same,
            _ => Side::Changed,
        };
        let file_side = match (file, &base) {
            (None, _) => Side::Absent,
            (Some(f), Some(base)) => match &f.read {
                None => Side::Same,
                Some((_, _, text)) if item.is_some_and(|i| i.hash == hash_of(text)) => Side::Same,
                Some((uid, read, _)) if base.changed(&fields_of(uid, read)).is_empty() => {
                    Side::Same
                }
                Some(_) => Side::Changed,
            },
            (Some(_), None) => Side::Changed,
        };
        handled.push(href.clone());
        let untouched =
            item.is_some_and(|i| file.is_some_and(|f| f.read.is_none() && f.stat == i.stat));
        if untouched && !dirty.contains_key(&jf.id) {
            continue; // stat only: neither side changed since the last pass
        }
        let name = contact.name.clone();
        match decide(item.is_some(), file_side, record_side) {
            Action::Nothing => {
                if let (Some(f), Some(item)) = (file, item)
                    && f.stat != item.stat
                    && !dry_run
                {
                    state::restat(tx, Folder::Calendar, &href, f.stat, now_ns(now))?;
                }
            }
            Action::Export => {
                report.written.push(name);
                if !dry_run {
                    let previous = std::fs::read_to_string(dir.join(&href)).ok();
                    write_item(tx, dir, &href, &cal, jf.id, previous.as_deref(), now)?;
                }
            }
            Action::Import | Action::Merge => {
                let (read_uid, read, text) = load(dir, &href, file)?;
                let mut merged_jf = read.clone();
                if file_side == Side::Changed && record_side == Side::Changed {
                    let theirs = fields_of(&read_uid, &read);
                    let merged = merge(
                        base.as_ref(),
                        &record_fields,
                        &theirs,
                        newer(dirty.get(&jf.id).copied(), file.map(|f| f.mtime_ms)),
                    );
                    report.merged.push(name.clone());
                    merged_jf = cal_of(jf, contact);
                    take(&mut merged_jf, &read, &merged.theirs);
                    for lost in &merged.lost {
                        report.conflicts.push((
                            name.clone(),
                            lost.field.clone(),
                            lost.value.clone(),
                        ));
                    }
                    if !dry_run && !merged.lost.is_empty() {
                        keep_lost(tx, contact.id, &merged.lost, now)?;
                    }
                } else {
                    report.updated.push(name.clone());
                }
                if !dry_run {
                    let updated = record_of(jf.id, contact.id, &merged_jf);
                    state::put_jourfixe(tx, &updated)?;
                    let cal = CalItem {
                        uid: read_uid,
                        record: CalRecord::JourFixe(merged_jf),
                    };
                    write_item(tx, dir, &href, &cal, jf.id, Some(&text), now)?;
                }
            }
            Action::RemoveRecord => {
                report.archived.push(name);
                if !dry_run {
                    jourfixe::delete(tx, jf.id)?;
                    state::remove(tx, Folder::Calendar, &href)?;
                }
            }
            Action::DeleteFile | Action::Forget => {
                if !dry_run {
                    state::remove(tx, Folder::Calendar, &href)?;
                }
            }
        }
    }
    // files of Jour fixe this database does not have
    for (href, f) in &files {
        if handled.contains(href) {
            continue;
        }
        if let Some(item) = by_href.get(href.as_str())
            && item.record_id.is_some()
        {
            // its Jour fixe was removed here: the file goes, unless it changed
            if f.read.is_none() {
                report.deleted.push(href.clone());
                if !dry_run {
                    let path = dir.join(href);
                    std::fs::remove_file(&path).at_path(&path)?;
                    state::remove(tx, Folder::Calendar, href)?;
                }
                continue;
            }
        }
        let (uid, read, text) = load(dir, href, Some(f))?;
        let Some(contact) = read
            .with
            .uid
            .as_deref()
            .and_then(|u| by_uid.get(u))
            .copied()
        else {
            // a Jour fixe with someone this database has not met yet: the
            // next pass, after the contacts half brought the card, takes it
            continue;
        };
        report.added.push(contact.name.clone());
        if !dry_run {
            let mut record = record_of(0, contact.id, &read);
            let skipped = std::mem::take(&mut record.skipped);
            let id = jourfixe::insert(tx, &record, now)?;
            record.id = id;
            record.skipped = skipped;
            state::put_jourfixe(tx, &record)?;
            let cal = CalItem {
                uid,
                record: CalRecord::JourFixe(read),
            };
            remember(tx, dir, href, &cal, id, &text, now)?;
        }
    }
    if !dry_run {
        for item in items.iter().filter(|i| i.kind == Kind::JourFixe) {
            if !dir.join(&item.href).exists() {
                let gone = item
                    .record_id
                    .is_none_or(|id| !records.iter().any(|r| r.id == id));
                if gone {
                    state::remove(tx, Folder::Calendar, &item.href)?;
                }
            }
        }
        state::set_folder(tx, Folder::Calendar, &path_text, now)?;
    }
    Ok(())
}

fn fields_of(uid: &str, jf: &CalJourFixe) -> Fields {
    item_fields(&CalItem {
        uid: uid.to_string(),
        record: CalRecord::JourFixe(jf.clone()),
    })
}

fn cal_of(jf: &JourFixe, contact: &Contact) -> CalJourFixe {
    CalJourFixe {
        with: Person {
            uid: Some(contact.uid.clone()),
            name: contact.name.clone(),
            email: contact.emails.first().map(|e| e.value.clone()),
        },
        start: jf.start,
        rrule: jf.rrule.clone(),
        time: jf.time,
        duration_minutes: jf.duration_minutes,
        channel: jf.channel,
        note: jf.note.clone(),
        active: jf.active,
        skipped: jf.skipped.clone(),
    }
}

fn record_of(id: Id, contact: Id, cal: &CalJourFixe) -> JourFixe {
    JourFixe {
        id,
        contact_id: contact,
        start: cal.start,
        rrule: cal.rrule.clone(),
        time: cal.time,
        duration_minutes: cal.duration_minutes,
        channel: cal.channel,
        note: cal.note.clone(),
        active: cal.active,
        skipped: cal.skipped.clone(),
    }
}

/// Takes each field in `theirs` from `other`.
fn take(mine: &mut CalJourFixe, other: &CalJourFixe, theirs: &[String]) {
    for field in theirs {
        match field.as_str() {
            "start" => mine.start = other.start,
            "time" => mine.time = other.time,
            "minutes" => mine.duration_minutes = other.duration_minutes,
            "rule" => mine.rrule.clone_from(&other.rrule),
            "channel" => mine.channel = other.channel,
            "note" => mine.note.clone_from(&other.note),
            "active" => mine.active = other.active,
            "skipped" => mine.skipped.clone_from(&other.skipped),
            _ => {}
        }
    }
}

/// The Jour fixe of file `href`, reading it if its stat said unchanged.
fn load(dir: &Path, href: &str, file: Option<&File>) -> Result<(String, CalJourFixe, String)> {
    if let Some((uid, jf, text)) = file.and_then(|f| f.read.as_ref()) {
        return Ok((uid.clone(), jf.clone(), text.clone()));
    }
    let path = dir.join(href);
    let text = std::fs::read_to_string(&path).at_path(&path)?;
    match read_item(&text) {
        Ok(ReadItem::Draht {
            item:
                CalItem {
                    uid,
                    record: CalRecord::JourFixe(jf),
                },
            ..
        }) => Ok((uid, jf, text)),
        _ => Err(Error::input(format!(
            "{} is not a Jour fixe draht can read",
            path.display()
        ))),
    }
}

fn write_item(
    tx: &Tx,
    dir: &Path,
    href: &str,
    cal: &CalItem,
    id: Id,
    previous: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    let text = render_item(cal, previous, now);
    write_private(&dir.join(href), text.as_bytes())?;
    remember(tx, dir, href, cal, id, &text, now)
}

fn remember(
    tx: &Tx,
    dir: &Path,
    href: &str,
    cal: &CalItem,
    id: Id,
    text: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let path = dir.join(href);
    let meta = std::fs::metadata(&path).at_path(&path)?;
    state::put(
        tx,
        &Item {
            folder: Folder::Calendar,
            href: href.to_string(),
            uid: cal.uid.clone(),
            kind: Kind::JourFixe,
            record_id: Some(id),
            stat: stat_of(&meta),
            seen_ns: now_ns(now),
            hash: hash_of(text),
            digest: item_fields(cal).digest().encode(),
        },
    )
}
