//! Effects: the writes the interface asks for. `App::handle_key` only
//! returns them; [`apply`] performs one in a single write transaction
//! through the same store functions as the CLI.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Id, Outcome, Sphere, Touch};
use crate::store::{Store, contacts, followups, hooks, touches};

use super::text::{clean, day_short};

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
}

/// What an applied effect tells the user, and whom to select afterwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub message: String,
    pub select: Option<Id>,
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
            Ok(Applied {
                message,
                select: touch.participants.first().copied(),
            })
        }
        Effect::SaveContact { id: Some(id), draft } => {
            let mut contact = contacts::get(tx, *id)?;
            draft.apply_to(&mut contact);
            contacts::update(tx, &contact, now)?;
            Ok(Applied {
                message: format!("Updated {}.", clean(&contact.name)),
                select: Some(*id),
            })
        }
        Effect::SaveContact { id: None, draft } => {
            let mut contact = Contact {
                id: 0,
                uid: String::new(),
                name: String::new(),
                nickname: None,
                sphere: Sphere::default(),
                tags: Vec::new(),
                company: None,
                role: None,
                emails: Vec::new(),
                phones: Vec::new(),
                birthday: None,
                notes: None,
                cadence_days: None,
                min_channel: None,
                snoozed_until: None,
                archived: false,
                created_at: now,
            };
            draft.apply_to(&mut contact);
            let id = contacts::insert(tx, &contact, now)?;
            Ok(Applied {
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
                    super::text::cadence(*d)
                ),
                None => format!("{}: no cadence, never comes due.", clean(&c.name)),
            };
            Ok(Applied {
                message,
                select: Some(*contact),
            })
        }
        Effect::Snooze { contact, until } => {
            let mut c = contacts::get(tx, *contact)?;
            c.snoozed_until = Some(*until);
            contacts::update(tx, &c, now)?;
            Ok(Applied {
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
            Ok(Applied {
                message: format!("Added a {} hook for {}.", kind.as_str(), clean(&name)),
                select: Some(*contact),
            })
        }
        Effect::AddFollowUp { contact, due, note } => {
            let name = contacts::get(tx, *contact)?.name;
            followups::insert(tx, *contact, *due, note, now)?;
            Ok(Applied {
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
            Ok(Applied {
                message: format!(
                    "Archived {}: kept with their history, off the agenda (undo: draht archive --undo).",
                    clean(&c.name)
                ),
                select: None,
            })
        }
        Effect::Delete { contact } => {
            let name = contacts::get(tx, *contact)?.name;
            contacts::delete(tx, *contact)?;
            Ok(Applied {
                message: format!("Deleted {}.", clean(&name)),
                select: None,
            })
        }
    })
}
