//! `draht sync`, the calendar half: how each kind of draht's records
//! (Jour fixe, touch, follow-up) becomes its calendar item and back. The
//! pass itself (`sync_cal`) is the same for every kind.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::interop::sync_ics::{CalFollowUp, CalJourFixe, CalRecord, CalTouch, Person};
use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp, Hook, Id, Touch};
use crate::store::sync::{self as state, Kind};
use crate::store::{Tx, followups, hooks, jourfixe, touches};

/// The kinds a calendar folder holds, in the order a pass takes them.
pub(super) const KINDS: [Kind; 3] = [Kind::JourFixe, Kind::FollowUp, Kind::Touch];

/// The contacts, by id and by card UID, and the hooks by id.
pub(super) struct People<'a> {
    pub by_id: HashMap<Id, &'a Contact>,
    pub by_uid: HashMap<&'a str, &'a Contact>,
    pub hooks: HashMap<Id, Hook>,
}

impl<'a> People<'a> {
    /// Nobody: for a pass that has no record to look at.
    pub fn none() -> People<'a> {
        People {
            by_id: HashMap::new(),
            by_uid: HashMap::new(),
            hooks: HashMap::new(),
        }
    }

    pub fn new(tx: &Tx, people: &'a [Contact]) -> Result<People<'a>> {
        Ok(People {
            by_id: people.iter().map(|c| (c.id, c)).collect(),
            by_uid: people.iter().map(|c| (c.uid.as_str(), c)).collect(),
            hooks: hooks::all(tx)?.into_iter().map(|h| (h.id, h)).collect(),
        })
    }

    fn person(&self, id: Id) -> Option<Person> {
        self.by_id.get(&id).map(|c| Person {
            uid: Some(c.uid.clone()),
            name: c.name.clone(),
            email: c.emails.first().map(|e| e.value.clone()),
        })
    }

    fn contact(&self, person: &Person) -> Option<&'a Contact> {
        person
            .uid
            .as_deref()
            .and_then(|u| self.by_uid.get(u))
            .copied()
    }
}

/// One record as a pass compares it.
pub(super) struct Rec {
    pub id: Id,
    /// Whom it concerns, as a report names it.
    pub name: String,
    /// The contact whose note keeps a conflict's losing values.
    pub owner: Id,
    pub cal: CalRecord,
}

pub(super) fn kind_of(cal: &CalRecord) -> Kind {
    match cal {
        CalRecord::JourFixe(_) => Kind::JourFixe,
        CalRecord::FollowUp(_) => Kind::FollowUp,
        CalRecord::Touch(_) => Kind::Touch,
    }
}

/// Every record of `kind` (paused Jour fixe and done follow-ups too).
pub(super) fn records(tx: &Tx, kind: Kind, people: &People) -> Result<Vec<Rec>> {
    let mut out = Vec::new();
    match kind {
        Kind::JourFixe => {
            for jf in jourfixe::all(tx)? {
                out.extend(jourfixe_rec(&jf, people));
            }
        }
        Kind::FollowUp => {
            for f in followups::all(tx)? {
                out.extend(followup_rec(&f, people));
            }
        }
        Kind::Touch => {
            for t in touches::all(tx)? {
                out.extend(touch_rec(&t, people));
            }
        }
        _ => {}
    }
    Ok(out)
}

/// The records of `kind` with the ids `ids`, in that order: read one by
/// one when they are few of the `total`, else with every record of the
/// kind (`records`, whose order `ids` then has).
pub(super) fn records_of(
    tx: &Tx,
    kind: Kind,
    people: &People,
    ids: &[Id],
    total: usize,
) -> Result<Vec<Rec>> {
    if ids.len() * 10 < total {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            out.extend(record(tx, kind, id, people)?);
        }
        return Ok(out);
    }
    let wanted: HashSet<Id> = ids.iter().copied().collect();
    let mut out = records(tx, kind, people)?;
    out.retain(|r| wanted.contains(&r.id));
    Ok(out)
}

/// Record `id` of `kind` as stored now.
pub(super) fn record(tx: &Tx, kind: Kind, id: Id, people: &People) -> Result<Option<Rec>> {
    // the record was just written in this transaction: a failing read is
    // an error to report, not a record that is gone
    Ok(match kind {
        Kind::JourFixe => jourfixe_rec(&jourfixe::get(tx, id)?, people),
        Kind::FollowUp => followup_rec(&followups::get(tx, id)?, people),
        Kind::Touch => touch_rec(&touches::get(tx, id)?, people),
        _ => None,
    })
}

fn jourfixe_rec(jf: &JourFixe, people: &People) -> Option<Rec> {
    let contact = people.by_id.get(&jf.contact_id)?;
    Some(Rec {
        id: jf.id,
        name: contact.name.clone(),
        owner: contact.id,
        cal: CalRecord::JourFixe(CalJourFixe {
            with: people.person(contact.id)?,
            start: jf.start,
            rrule: jf.rrule.clone(),
            time: jf.time,
            duration_minutes: jf.duration_minutes,
            channel: jf.channel,
            note: jf.note.clone(),
            active: jf.active,
            skipped: jf.skipped.clone(),
        }),
    })
}

fn followup_rec(f: &FollowUp, people: &People) -> Option<Rec> {
    let contact = people.by_id.get(&f.contact_id)?;
    Some(Rec {
        id: f.id,
        name: contact.name.clone(),
        owner: contact.id,
        cal: CalRecord::FollowUp(CalFollowUp {
            with: people.person(contact.id)?,
            due: f.due,
            note: f.note.clone(),
            created_at: f.created_at,
            done_at: f.done_at,
        }),
    })
}

fn touch_rec(t: &Touch, people: &People) -> Option<Rec> {
    let with: Vec<Person> = t
        .participants
        .iter()
        .filter_map(|p| people.person(*p))
        .collect();
    let first = with.first()?;
    let name = with
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let owner = people.contact(first)?.id;
    Some(Rec {
        id: t.id,
        name,
        owner,
        cal: CalRecord::Touch(CalTouch {
            at: t.at,
            channel: t.channel,
            outcome: t.outcome,
            rating: t.rating,
            note: t.note.clone(),
            hook: t
                .hook_id
                .and_then(|h| people.hooks.get(&h))
                .map(|h| h.text.clone()),
            with,
        }),
    })
}

/// The contacts a touch of the folder is with; `None` when one of them is
/// not here yet (the next pass, after the contacts half brought the card,
/// takes it).
fn participants(t: &CalTouch, people: &People) -> Option<Vec<Id>> {
    let ids: Vec<Id> = t
        .with
        .iter()
        .map(|p| people.contact(p).map(|c| c.id))
        .collect::<Option<_>>()?;
    (!ids.is_empty()).then_some(ids)
}

/// The hook with the touch's hook text among its participants' hooks.
fn hook_of(t: &CalTouch, ids: &[Id], people: &People) -> Option<Id> {
    let text = t.hook.as_deref()?.trim();
    let mut found: Vec<&Hook> = people
        .hooks
        .values()
        .filter(|h| ids.contains(&h.contact_id) && h.text.trim() == text)
        .collect();
    found.sort_by_key(|h| h.id);
    found.first().map(|h| h.id)
}

fn touch_of(id: Id, t: &CalTouch, people: &People) -> Option<Touch> {
    let ids = participants(t, people)?;
    Some(Touch {
        id,
        at: t.at,
        channel: t.channel,
        note: t.note.clone(),
        outcome: t.outcome,
        rating: t.rating,
        hook_id: hook_of(t, &ids, people),
        participants: ids,
        captured: Vec::new(),
    })
}

/// Writes `cal` over record `id`. A touch uses its hook as logging it
/// did (`max` of the hook's last use and the touch's time): the hook's
/// card from the other device carries that same time, so the two agree.
pub(super) fn update(tx: &Tx, id: Id, cal: &CalRecord, people: &People) -> Result<()> {
    match cal {
        CalRecord::JourFixe(j) => {
            let Some(contact) = people.contact(&j.with) else {
                return Ok(());
            };
            state::put_jourfixe(tx, &jourfixe_of(id, contact.id, j))
        }
        CalRecord::FollowUp(f) => {
            let Some(contact) = people.contact(&f.with) else {
                return Ok(());
            };
            state::put_followup(tx, &followup_of(id, contact.id, f))
        }
        CalRecord::Touch(t) => match touch_of(id, t, people) {
            Some(touch) => touches::update(tx, &touch),
            None => Ok(()),
        },
    }
}

/// Adds `cal` as a new record; `None` when someone it names is not here yet.
pub(super) fn insert(
    tx: &Tx,
    cal: &CalRecord,
    people: &People,
    now: DateTime<Utc>,
) -> Result<Option<Id>> {
    match cal {
        CalRecord::JourFixe(j) => {
            let Some(contact) = people.contact(&j.with) else {
                return Ok(None);
            };
            let mut record = jourfixe_of(0, contact.id, j);
            let skipped = std::mem::take(&mut record.skipped);
            record.id = jourfixe::insert(tx, &record, now)?;
            record.skipped = skipped;
            state::put_jourfixe(tx, &record)?;
            Ok(Some(record.id))
        }
        CalRecord::FollowUp(f) => {
            let Some(contact) = people.contact(&f.with) else {
                return Ok(None);
            };
            let id = followups::insert(tx, contact.id, f.due, &f.note, now)?;
            state::put_followup(tx, &followup_of(id, contact.id, f))?;
            Ok(Some(id))
        }
        CalRecord::Touch(t) => match touch_of(0, t, people) {
            Some(touch) => Ok(Some(touches::insert(tx, &touch, now)?)),
            None => Ok(None),
        },
    }
}

/// Removes record `id` of `kind` (its file was deleted).
pub(super) fn delete(tx: &Tx, kind: Kind, id: Id) -> Result<()> {
    match kind {
        Kind::JourFixe => jourfixe::delete(tx, id),
        Kind::FollowUp => followups::delete(tx, id),
        Kind::Touch => touches::delete(tx, id),
        _ => Ok(()),
    }
}

fn jourfixe_of(id: Id, contact: Id, cal: &CalJourFixe) -> JourFixe {
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

fn followup_of(id: Id, contact: Id, cal: &CalFollowUp) -> FollowUp {
    FollowUp {
        id,
        contact_id: contact,
        due: cal.due,
        note: cal.note.clone(),
        created_at: cal.created_at,
        done_at: cal.done_at,
    }
}

/// Takes each field named in `theirs` (the names of `item_fields`) from
/// `other` into `mine`; records of two kinds are left as they are.
pub(super) fn take(mine: &mut CalRecord, other: &CalRecord, theirs: &[String]) {
    for field in theirs {
        match (&mut *mine, other) {
            (CalRecord::JourFixe(m), CalRecord::JourFixe(o)) => match field.as_str() {
                "with" => m.with.clone_from(&o.with),
                "start" => m.start = o.start,
                "time" => m.time = o.time,
                "minutes" => m.duration_minutes = o.duration_minutes,
                "rule" => m.rrule.clone_from(&o.rrule),
                "channel" => m.channel = o.channel,
                "note" => m.note.clone_from(&o.note),
                "active" => m.active = o.active,
                "skipped" => m.skipped.clone_from(&o.skipped),
                _ => {}
            },
            (CalRecord::FollowUp(m), CalRecord::FollowUp(o)) => match field.as_str() {
                "with" => m.with.clone_from(&o.with),
                "due" => m.due = o.due,
                "note" => m.note.clone_from(&o.note),
                "created" => m.created_at = o.created_at,
                "done" => m.done_at = o.done_at,
                _ => {}
            },
            (CalRecord::Touch(m), CalRecord::Touch(o)) => match field.as_str() {
                "with" => m.with.clone_from(&o.with),
                "at" => m.at = o.at,
                "channel" => m.channel = o.channel,
                "outcome" => m.outcome = o.outcome,
                "rating" => m.rating = o.rating,
                "note" => m.note.clone_from(&o.note),
                "hook" => m.hook.clone_from(&o.hook),
                _ => {}
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
