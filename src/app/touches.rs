//! Touches: log one after it happened, fix a mistaken one, remove one.

use chrono::{DateTime, Utc};

use super::Who;
use crate::error::{Error, Result};
use crate::model::{Channel, Id, Outcome, Touch};
use crate::store::{Store, contacts, hooks, touches as store};

/// A touch may be logged at most this far ahead of now (clock skew): a
/// later one is a plan, not a touch.
pub const FUTURE_GRACE_SECS: i64 = 60;

/// Whether `at` lies beyond what may be logged at `now`.
pub fn is_future(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    (at - now).num_seconds() > FUTURE_GRACE_SECS
}

/// A touch to log: with `who` (and `with`, as one touch), when, how, and
/// how it went.
#[derive(Clone, Debug)]
pub struct NewTouch<'a> {
    pub who: Who<'a>,
    pub with: Vec<Who<'a>>,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub note: Option<String>,
    pub outcome: Outcome,
    pub rating: Option<i8>,
    /// The hook it used; it must belong to one of the participants.
    pub hook: Option<Id>,
}

/// What [`log`] recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub touch: Touch,
    /// The participants' names, in the order of `touch.participants`.
    pub names: Vec<String>,
}

/// The hook a touch used and when it was last used before it (`None`:
/// never): what taking the touch back restores.
pub type HookBefore = Option<(Id, Option<DateTime<Utc>>)>;

/// Logs `new` in one transaction. A note of white space is no note; the
/// same person twice is one participant.
pub fn log(s: &mut Store, new: &NewTouch, now: DateTime<Utc>) -> Result<Logged> {
    Ok(logging(s, new, now)?.0)
}

/// [`log`], with the last use of the hook it used as it was before (what
/// [`unlog`] puts back).
pub fn logging(s: &mut Store, new: &NewTouch, now: DateTime<Utc>) -> Result<(Logged, HookBefore)> {
    s.write(|tx| {
        let mut participants = Vec::new();
        let mut names = Vec::new();
        for who in std::iter::once(&new.who).chain(&new.with) {
            let c = who.contact(tx)?;
            if !participants.contains(&c.id) {
                participants.push(c.id);
                names.push(c.name);
            }
        }
        let mut hook_before = None;
        if let Some(hook) = new.hook {
            let h = hooks::get(tx, hook)?;
            if !participants.contains(&h.contact_id) {
                return Err(Error::input(crate::t!(
                    "error-hook-elsewhere",
                    hook = hook,
                    names = names.join(", ")
                )));
            }
            hook_before = Some((hook, h.used_at));
        }
        let mut touch = Touch {
            note: new
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
            rating: new.rating,
            hook_id: new.hook,
            ..Touch::new(new.at, new.channel, new.outcome, participants)
        };
        touch.id = store::insert(tx, &touch, now)?;
        Ok((Logged { touch, names }, hook_before))
    })
}

/// A change to a logged touch: each field that is `Some` is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TouchEdit {
    pub at: Option<DateTime<Utc>>,
    pub channel: Option<Channel>,
    /// A note of white space removes the note.
    pub note: Option<String>,
    pub outcome: Option<Outcome>,
    pub rating: Option<i8>,
}

/// Changes touch `id` as `edit` says and returns it as stored.
pub fn edit(s: &mut Store, id: Id, edit: &TouchEdit) -> Result<Touch> {
    s.write(|tx| {
        let mut touch = store::get(tx, id)?;
        if let Some(at) = edit.at {
            touch.at = at;
        }
        if let Some(channel) = edit.channel {
            touch.channel = channel;
        }
        if let Some(note) = &edit.note {
            touch.note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        }
        if let Some(outcome) = edit.outcome {
            touch.outcome = outcome;
        }
        if edit.rating.is_some() {
            touch.rating = edit.rating;
        }
        store::update(tx, &touch)?;
        Ok(touch)
    })
}

/// Removes touch `id`; returns it as it was, with its participants' names.
pub fn remove(s: &mut Store, id: Id) -> Result<Logged> {
    s.write(|tx| {
        let touch = store::get(tx, id)?;
        let mut names = Vec::new();
        for p in &touch.participants {
            names.push(contacts::get(tx, *p)?.name);
        }
        store::delete(tx, id)?;
        Ok(Logged { touch, names })
    })
}

/// Takes back touch `id` that was just logged: removes it and gives the
/// hook it used back the last use it had (`hook_before` of [`log`]).
pub fn unlog(s: &mut Store, id: Id, hook_before: HookBefore) -> Result<Logged> {
    s.write(|tx| {
        let touch = store::get(tx, id)?;
        let names = names_of(tx, &touch)?;
        store::delete(tx, id)?;
        if let Some((hook, used_at)) = hook_before {
            hooks::set_used(tx, hook, used_at)?;
        }
        Ok(Logged { touch, names })
    })
}

/// Writes `touch` over the stored touch of its id, whole (time, channel,
/// note, outcome, rating, hook, participants); returns it as it was and as
/// it is now.
pub fn replace(s: &mut Store, touch: &Touch) -> Result<(Touch, Logged)> {
    s.write(|tx| {
        let before = store::get(tx, touch.id)?;
        store::update(tx, touch)?;
        let after = store::get(tx, touch.id)?;
        let names = names_of(tx, &after)?;
        Ok((
            before,
            Logged {
                touch: after,
                names,
            },
        ))
    })
}

/// Records a removed touch again, as it was (it gets a new id: ids are
/// never reused).
pub fn restore(s: &mut Store, touch: &Touch, now: DateTime<Utc>) -> Result<Logged> {
    s.write(|tx| {
        let mut touch = touch.clone();
        touch.id = store::insert(tx, &touch, now)?;
        let names = names_of(tx, &touch)?;
        Ok(Logged { touch, names })
    })
}

fn names_of(tx: &crate::store::Tx, touch: &Touch) -> Result<Vec<String>> {
    touch
        .participants
        .iter()
        .map(|p| Ok(contacts::get(tx, *p)?.name))
        .collect()
}
