//! Effects: the writes the interface asks for. `App::handle_key` only
//! returns them; [`apply`] performs one in a single write transaction
//! through the same store functions as the CLI.

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::triage::{self, Choice};
use crate::error::{Error, Result};
use crate::jourfixe::{Draft, Tz, next_dates};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Id, Outcome, Sphere, Touch};
use crate::store::{Store, contacts, followups, hooks, jourfixe, touches};

use super::Reload;
use crate::text::{clean, day_short};

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

/// Performs `effect` in one write transaction. `retry_days` is only for
/// the message after a missed attempt.
pub fn apply(
    store: &mut Store,
    effect: &Effect,
    now: DateTime<Utc>,
    retry_days: u32,
) -> Result<Applied> {
    let today = crate::clock::local_day(now);
    let done = write(store, effect, now, today, retry_days)?;
    Ok(Applied {
        reload: effect.reload_after(done.select),
        message: done.message,
        select: done.select,
    })
}

/// The write of [`apply`].
fn write(
    store: &mut Store,
    effect: &Effect,
    now: DateTime<Utc>,
    today: NaiveDate,
    retry_days: u32,
) -> Result<Done> {
    store.write(|tx| match effect {
        Effect::Log(touch) => {
            let mut names = Vec::new();
            for id in &touch.participants {
                names.push(contacts::get(tx, *id)?.name);
            }
            if let Some(hook) = touch.hook_id {
                let h = hooks::get(tx, hook)?;
                if !touch.participants.contains(&h.contact_id) {
                    return Err(Error::input(format!(
                        "hook #{hook} belongs to someone else; pick one of {}'s hooks",
                        names.join(", ")
                    )));
                }
            }
            touches::insert(tx, touch, now)?;
            let who = clean(&names.join(" and "));
            let message = match touch.outcome {
                Outcome::Done => format!("Logged {} with {who}.", touch.channel.as_str()),
                Outcome::Missed => format!(
                    "Logged a missed {} with {who}. Then next time: trying again in {retry_days} days.",
                    touch.channel.as_str()
                ),
            };
            Ok(Done {
                message,
                select: touch.participants.first().copied(),
            })
        }
        Effect::SaveContact { id: Some(id), draft } => {
            let mut contact = contacts::get(tx, *id)?;
            draft.apply_to(&mut contact);
            contacts::update(tx, &contact, now)?;
            Ok(Done {
                message: format!("Updated {}.", clean(&contact.name)),
                select: Some(*id),
            })
        }
        Effect::SaveContact { id: None, draft } => {
            let mut contact = Contact::new(String::new(), now);
            draft.apply_to(&mut contact);
            let id = contacts::insert(tx, &contact, now)?;
            Ok(Done {
                message: format!("Added {}.", clean(&contact.name)),
                select: Some(id),
            })
        }
        Effect::SetCadence { contact, days } => {
            let mut c = contacts::get(tx, *contact)?;
            c.cadence_days = *days;
            contacts::update(tx, &c, now)?;
            let message = match days {
                Some(d) => format!(
                    "{}: check in every {}.",
                    clean(&c.name),
                    crate::text::cadence(*d)
                ),
                None => format!("{}: no cadence, never comes due.", clean(&c.name)),
            };
            Ok(Done {
                message,
                select: Some(*contact),
            })
        }
        Effect::Snooze { contact, until } => {
            let mut c = contacts::get(tx, *contact)?;
            c.snoozed_until = Some(*until);
            contacts::update(tx, &c, now)?;
            Ok(Done {
                message: format!(
                    "Snoozed {} until {}.",
                    clean(&c.name),
                    day_short(*until, today)
                ),
                select: Some(*contact),
            })
        }
        Effect::AddHook {
            contact,
            kind,
            text,
        } => {
            let name = contacts::get(tx, *contact)?.name;
            hooks::insert(tx, *contact, *kind, text, now)?;
            Ok(Done {
                message: format!("Added a {} hook for {}.", kind.as_str(), clean(&name)),
                select: Some(*contact),
            })
        }
        Effect::AddFollowUp { contact, due, note } => {
            let name = contacts::get(tx, *contact)?.name;
            followups::insert(tx, *contact, *due, note, now)?;
            Ok(Done {
                message: format!(
                    "Follow-up for {} on {}.",
                    clean(&name),
                    day_short(*due, today)
                ),
                select: Some(*contact),
            })
        }
        Effect::Archive { contact } => {
            let mut c = contacts::get(tx, *contact)?;
            c.archived = true;
            contacts::update(tx, &c, now)?;
            Ok(Done {
                message: format!(
                    "Archived {}: kept with their history, off the agenda (undo: draht archive --undo).",
                    clean(&c.name)
                ),
                select: None,
            })
        }
        Effect::AddJourFixe { contact, draft } => {
            let name = contacts::get(tx, *contact)?.name;
            let id = jourfixe::add(tx, *contact, draft, now)?;
            let jf = jourfixe::get(tx, id)?;
            Ok(Done {
                message: format!(
                    "Jour fixe with {} ({}): {} — next: {}.",
                    clean(&name),
                    jf.channel.as_str(),
                    jf.describe(),
                    dates_text(&next_dates(&jf, today, 2, Tz::LOCAL), today)
                ),
                select: Some(*contact),
            })
        }
        Effect::SkipJourFixe { jourfixe: id, date } => {
            let jf = jourfixe::skip(tx, *id, *date, Tz::LOCAL)?;
            let name = contacts::get(tx, jf.contact_id)?.name;
            Ok(Done {
                message: format!(
                    "Skipped {} of the Jour fixe with {} — next: {}.",
                    day_short(*date, today),
                    clean(&name),
                    dates_text(&next_dates(&jf, today, 1, Tz::LOCAL), today)
                ),
                select: Some(jf.contact_id),
            })
        }
        Effect::DeleteJourFixe { jourfixe: id } => {
            let jf = jourfixe::get(tx, *id)?;
            let name = contacts::get(tx, jf.contact_id)?.name;
            jourfixe::delete(tx, *id)?;
            Ok(Done {
                message: format!(
                    "Removed the Jour fixe with {} ({}); the logged touches stay.",
                    clean(&name),
                    jf.describe()
                ),
                select: Some(jf.contact_id),
            })
        }
        Effect::Triage {
            contact,
            choice,
            place,
        } => {
            let name = clean(&contacts::get(tx, *contact)?.name);
            let message = match choice {
                Choice::Every(days) => {
                    let first = triage::set_cadence(tx, *contact, *days, *place, today, now)?;
                    format!(
                        "{name}: every {}, first check-in from {}.",
                        crate::text::cadence(*days),
                        day_short(first, today)
                    )
                }
                Choice::Archive => {
                    triage::archive(tx, *contact, now)?;
                    format!("{name}: archived.")
                }
                Choice::Skip | Choice::Stop => format!("{name}: skipped."),
            };
            Ok(Done {
                message,
                select: None,
            })
        }
        Effect::Delete { contact } => {
            let name = contacts::get(tx, *contact)?.name;
            contacts::delete(tx, *contact)?;
            Ok(Done {
                message: format!("Deleted {}.", clean(&name)),
                select: None,
            })
        }
    })
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
