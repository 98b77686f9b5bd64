//! Effects: the writes the interface asks for. `App::handle_key` only
//! returns them; [`apply`] performs one in a single write transaction
//! through the same store functions as the CLI.

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::jourfixe::TZ;
use crate::app::touches::NewTouch;
use crate::app::triage::Choice;
use crate::app::{self, Who};
use crate::error::{Error, Result};
use crate::jourfixe::{Draft, next_dates};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Id, Outcome, Sphere, Touch};
use crate::schedule::Settings;
use crate::store::Store;
use crate::text::{cadence, clean, day_short};

use super::Reload;

/// A contact's fields as a form gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactDraft {
    pub name: String,
    pub sphere: Sphere,
    pub cadence_days: Option<u32>,
    pub min_channel: Option<Channel>,
    pub nickname: Option<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub birthday: Option<Birthday>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
}

impl ContactDraft {
    /// Writes the draft over `contact`, keeping the labels of handles that stay.
    fn apply_to(&self, contact: &mut Contact) {
        contact.name = self.name.clone();
        contact.sphere = self.sphere;
        contact.cadence_days = self.cadence_days;
        contact.min_channel = self.min_channel;
        contact.nickname = self.nickname.clone();
        contact.company = self.company.clone();
        contact.role = self.role.clone();
        contact.birthday = self.birthday;
        contact.tags = self.tags.clone();
        contact.notes = self.notes.clone();
        contact.emails = keep_labels(&contact.emails, &self.emails);
        contact.phones = keep_labels(&contact.phones, &self.phones);
    }
}

fn keep_labels(old: &[Handle], values: &[String]) -> Vec<Handle> {
    values
        .iter()
        .map(|v| {
            old.iter()
                .find(|h| h.value == *v)
                .cloned()
                .unwrap_or_else(|| Handle::new(v.clone()))
        })
        .collect()
}

/// A write the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Log(Touch),
    SaveContact {
        id: Option<Id>,
        draft: ContactDraft,
    },
    SetCadence {
        contact: Id,
        days: Option<u32>,
    },
    Snooze {
        contact: Id,
        until: NaiveDate,
    },
    AddHook {
        contact: Id,
        kind: HookKind,
        text: String,
    },
    AddFollowUp {
        contact: Id,
        due: NaiveDate,
        note: String,
    },
    Archive {
        contact: Id,
    },
    Delete {
        contact: Id,
    },
    AddJourFixe {
        contact: Id,
        draft: Draft,
    },
    /// Skip one date of a Jour fixe.
    SkipJourFixe {
        jourfixe: Id,
        date: NaiveDate,
    },
    DeleteJourFixe {
        jourfixe: Id,
    },
    /// A triage answer that writes (a cadence or archive) for the contact
    /// at `place` = (index from 0, number walked).
    Triage {
        contact: Id,
        choice: Choice,
        place: (usize, usize),
    },
}

/// What an applied effect tells the user, whom to select afterwards and
/// what to read again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub message: String,
    pub select: Option<Id>,
    pub reload: Reload,
}

/// What the write of an effect tells the user and whom to select.
struct Done {
    message: String,
    select: Option<Id>,
}

impl Effect {
    /// The contacts whose facts, plans or rows the effect may have changed
    /// (`select` is whom it selects afterwards: the new contact, the Jour
    /// fixe's). A deleted contact's touches with others stay theirs, so
    /// deleting changes no one else either.
    fn reload_after(&self, select: Option<Id>) -> Reload {
        let one = |id: Id| Reload::Contacts(vec![id]);
        match self {
            Effect::Log(touch) => Reload::Contacts(touch.participants.clone()),
            Effect::SaveContact { id, .. } => (*id).or(select).map_or(Reload::Everything, one),
            Effect::SetCadence { contact, .. }
            | Effect::Snooze { contact, .. }
            | Effect::AddHook { contact, .. }
            | Effect::AddFollowUp { contact, .. }
            | Effect::Archive { contact }
            | Effect::Delete { contact }
            | Effect::AddJourFixe { contact, .. }
            | Effect::Triage { contact, .. } => one(*contact),
            Effect::SkipJourFixe { .. } | Effect::DeleteJourFixe { .. } => {
                select.map_or(Reload::Everything, one)
            }
        }
    }
}

/// Performs `effect` in one write transaction, with the rules' `settings`.
pub fn apply(
    store: &mut Store,
    effect: &Effect,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<Applied> {
    let today = crate::clock::local_day(now);
    let done = write(store, effect, now, today, settings)?;
    Ok(Applied {
        reload: effect.reload_after(done.select),
        message: done.message,
        select: done.select,
    })
}

/// The write of [`apply`], through the app layer; the words are ours.
fn write(
    store: &mut Store,
    effect: &Effect,
    now: DateTime<Utc>,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Done> {
    let retry_days = settings.retry_days;
    let done = |message: String, select: Option<Id>| Ok(Done { message, select });
    match effect {
        Effect::Log(touch) => {
            let mut who = touch.participants.iter().map(|id| Who::Id(*id));
            let new = NewTouch {
                who: who
                    .next()
                    .ok_or_else(|| Error::input("a touch needs somebody"))?,
                with: who.collect(),
                at: touch.at,
                channel: touch.channel,
                note: touch.note.clone(),
                outcome: touch.outcome,
                rating: touch.rating,
                hook: touch.hook_id,
            };
            let logged = app::touches::log(store, &new, now)?;
            let who = clean(&logged.names.join(" and "));
            let channel = touch.channel.as_str();
            let message = match touch.outcome {
                Outcome::Done => format!("Logged {channel} with {who}."),
                Outcome::Missed => format!(
                    "Logged a missed {channel} with {who}. Then next time: trying again in {retry_days} days."
                ),
            };
            done(message, logged.touch.participants.first().copied())
        }
        Effect::SaveContact {
            id: Some(id),
            draft,
        } => {
            let contact = app::contacts::edit(store, Who::Id(*id), now, |c| {
                draft.apply_to(c);
                Ok(())
            })?;
            done(format!("Updated {}.", clean(&contact.name)), Some(*id))
        }
        Effect::SaveContact { id: None, draft } => {
            let mut contact = Contact::new(String::new(), now);
            draft.apply_to(&mut contact);
            let contact = app::contacts::add(store, &contact, now)?;
            done(format!("Added {}.", clean(&contact.name)), Some(contact.id))
        }
        Effect::SetCadence { contact, days } => {
            let c = app::contacts::set_cadence(store, Who::Id(*contact), *days, now)?;
            let message = match days {
                Some(d) => format!("{}: check in every {}.", clean(&c.name), cadence(*d)),
                None => format!("{}: no cadence, never comes due.", clean(&c.name)),
            };
            done(message, Some(*contact))
        }
        Effect::Snooze { contact, until } => {
            let c = app::contacts::snooze(store, Who::Id(*contact), *until, now)?;
            let until = day_short(*until, today);
            done(
                format!("Snoozed {} until {until}.", clean(&c.name)),
                Some(*contact),
            )
        }
        Effect::AddHook {
            contact,
            kind,
            text,
        } => {
            let (hook, c) = app::plans::add_hook(store, Who::Id(*contact), *kind, text, now)?;
            let message = format!(
                "Added a {} hook for {}.",
                hook.kind.as_str(),
                clean(&c.name)
            );
            done(message, Some(*contact))
        }
        Effect::AddFollowUp { contact, due, note } => {
            let (f, c) = app::plans::remind(store, Who::Id(*contact), *due, note, now)?;
            let message = format!(
                "Follow-up for {} on {}.",
                clean(&c.name),
                day_short(f.due, today)
            );
            done(message, Some(*contact))
        }
        Effect::Archive { contact } => {
            let c = app::contacts::archive(store, Who::Id(*contact), true, now)?;
            done(
                format!(
                    "Archived {}: kept with their history, off the agenda (undo: draht archive --undo).",
                    clean(&c.name)
                ),
                None,
            )
        }
        Effect::AddJourFixe { contact, draft } => {
            let t = app::jourfixe::add(store, Who::Id(*contact), draft, today, settings, now)?;
            let message = format!(
                "Jour fixe with {} ({}): {} — next: {}.",
                clean(&t.name),
                t.jf.channel.as_str(),
                t.jf.describe(),
                dates_text(&next_dates(&t.jf, today, 2, TZ), today)
            );
            done(message, Some(*contact))
        }
        Effect::SkipJourFixe { jourfixe: id, date } => {
            let t = app::jourfixe::skip(store, *id, *date, today, settings)?;
            let message = format!(
                "Skipped {} of the Jour fixe with {} — next: {}.",
                day_short(*date, today),
                clean(&t.name),
                dates_text(&next_dates(&t.jf, today, 1, TZ), today)
            );
            done(message, Some(t.jf.contact_id))
        }
        Effect::DeleteJourFixe { jourfixe: id } => {
            let (jf, name) = app::jourfixe::remove(store, *id)?;
            let message = format!(
                "Removed the Jour fixe with {} ({}); the logged touches stay.",
                clean(&name),
                jf.describe()
            );
            done(message, Some(jf.contact_id))
        }
        Effect::Triage {
            contact,
            choice,
            place,
        } => {
            let answered = app::triage::answer(store, *contact, *choice, *place, today, now)?;
            let name = clean(&answered.contact.name);
            let message = match (choice, answered.first) {
                (Choice::Every(days), Some(first)) => format!(
                    "{name}: every {}, first check-in from {}.",
                    cadence(*days),
                    day_short(first, today)
                ),
                (Choice::Archive, _) => format!("{name}: archived."),
                _ => format!("{name}: skipped."),
            };
            done(message, None)
        }
        Effect::Delete { contact } => {
            let c = app::contacts::delete(store, Who::Id(*contact))?;
            done(format!("Deleted {}.", clean(&c.name)), None)
        }
    }
}

/// "Sun 6 Dec, Sun 13 Dec", or "no more dates".
fn dates_text(dates: &[NaiveDate], today: NaiveDate) -> String {
    if dates.is_empty() {
        return "no more dates".into();
    }
    dates
        .iter()
        .map(|d| day_short(*d, today))
        .collect::<Vec<_>>()
        .join(", ")
}
