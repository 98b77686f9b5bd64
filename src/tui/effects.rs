//! Effects: the writes the interface asks for. `App::handle_key` only
//! returns them; [`apply`] performs one in a single write transaction
//! through the app layer, as the CLI does. Each write also says how to
//! take it back: the inverse effect, from what the app layer read in the
//! write's own transaction (or just before it), for `u`.

mod undo;

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::jourfixe::TZ;
use crate::app::touches::NewTouch;
use crate::app::triage::Choice;
use crate::app::{self, Who};
use crate::error::{Error, Result};
use crate::i18n::current;
use crate::jourfixe::JourFixe;
use crate::jourfixe::{Draft, next_dates};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Id, Outcome, Sphere, Touch};
use crate::schedule::Settings;
use crate::store::Store;
use crate::t;
use crate::text::{channel_name, clean, day_short, hook_kind_name};

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
    /// Write a logged touch over as it is given (same id).
    EditTouch {
        touch: Box<Touch>,
    },
    RemoveTouch {
        touch: Id,
    },
    /// Change a Jour fixe as `draht jourfixe edit` does.
    EditJourFixe {
        jourfixe: Id,
        change: Box<crate::app::jourfixe_edit::Change>,
    },
    /// Merge contact `gone` into `keep` (`draht merge`); no undo.
    Merge {
        keep: Id,
        gone: Id,
    },
    // The inverses that only `u` asks for.
    /// Take back a touch just logged, giving its hook its last use back.
    Unlog {
        touch: Id,
        hook: crate::app::touches::HookBefore,
    },
    /// Log a removed touch again (under a new id).
    RestoreTouch {
        touch: Box<Touch>,
    },
    /// Put a contact's record back as it was.
    RestoreContact {
        contact: Box<Contact>,
    },
    RemoveHook {
        hook: Id,
    },
    RemoveFollowUp {
        followup: Id,
    },
    UnskipJourFixe {
        jourfixe: Id,
        date: NaiveDate,
    },
    /// Set up a deleted Jour fixe again (under a new id).
    RestoreJourFixe {
        jf: Box<JourFixe>,
    },
    /// Put a changed Jour fixe back as it was (same id).
    PutBackJourFixe {
        jf: Box<JourFixe>,
    },
}

/// How to take a write back: the inverse effect and what it undoes, in
/// words ("the snooze of Anna Schmidt").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub effect: Effect,
    pub what: String,
}

/// What an applied effect tells the user, whom to select afterwards and
/// what to read again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub message: String,
    pub select: Option<Id>,
    pub reload: Reload,
    /// How to take it back, when it can be.
    pub undo: Option<Undo>,
}

/// What the write of an effect tells the user, whom to select, which
/// contacts it changed (when the effect alone does not say) and how to
/// take it back.
struct Done {
    message: String,
    select: Option<Id>,
    changed: Option<Vec<Id>>,
    undo: Option<Undo>,
}

impl Done {
    fn new(message: String, select: Option<Id>) -> Done {
        Done {
            message,
            select,
            changed: None,
            undo: None,
        }
    }

    fn undo(mut self, effect: Effect, what: String) -> Done {
        self.undo = Some(Undo { effect, what });
        self
    }

    fn changed(mut self, ids: Vec<Id>) -> Done {
        self.changed = Some(ids);
        self
    }
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
            Effect::RestoreContact { contact } => one(contact.id),
            // touches, plans and rows of both move; the gone one leaves
            Effect::Merge { .. } => Reload::Everything,
            Effect::SkipJourFixe { .. }
            | Effect::DeleteJourFixe { .. }
            | Effect::EditTouch { .. }
            | Effect::RemoveTouch { .. }
            | Effect::EditJourFixe { .. }
            | Effect::Unlog { .. }
            | Effect::RestoreTouch { .. }
            | Effect::RemoveHook { .. }
            | Effect::RemoveFollowUp { .. }
            | Effect::UnskipJourFixe { .. }
            | Effect::RestoreJourFixe { .. }
            | Effect::PutBackJourFixe { .. } => select.map_or(Reload::Everything, one),
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
    let reload = match done.changed {
        Some(ids) => Reload::Contacts(ids),
        None => effect.reload_after(done.select),
    };
    Ok(Applied {
        reload,
        message: done.message,
        select: done.select,
        undo: done.undo,
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
    let done = |message: String, select: Option<Id>| Ok(Done::new(message, select));
    match effect {
        Effect::Log(touch) => {
            let mut who = touch.participants.iter().map(|id| Who::Id(*id));
            let new = NewTouch {
                who: who
                    .next()
                    .ok_or_else(|| Error::input(t!("tui-error-touch-nobody")))?,
                with: who.collect(),
                at: touch.at,
                channel: touch.channel,
                note: touch.note.clone(),
                outcome: touch.outcome,
                rating: touch.rating,
                hook: touch.hook_id,
            };
            let (logged, hook) = app::touches::logging(store, &new, now)?;
            let who = clean(&logged.names.join(&t!("names-and")));
            let channel = channel_name(current(), touch.channel);
            let (message, what) = match touch.outcome {
                Outcome::Done => (
                    t!("tui-logged", channel = channel, who = who.as_str()),
                    t!("tui-undo-logged", channel = channel, who = who.as_str()),
                ),
                Outcome::Missed => (
                    t!(
                        "tui-logged-missed",
                        channel = channel,
                        who = who.as_str(),
                        count = retry_days
                    ),
                    t!(
                        "tui-undo-logged-missed",
                        channel = channel,
                        who = who.as_str()
                    ),
                ),
            };
            let inverse = Effect::Unlog {
                touch: logged.touch.id,
                hook,
            };
            Ok(Done::new(message, logged.touch.participants.first().copied()).undo(inverse, what))
        }
        Effect::SaveContact {
            id: Some(id),
            draft,
        } => {
            let (before, contact) = app::contacts::change_contact(store, Who::Id(*id), now, |c| {
                draft.apply_to(c);
                Ok(())
            })?;
            let name = clean(&contact.name);
            Ok(
                Done::new(t!("tui-updated", name = name.as_str()), Some(*id)).undo(
                    restore(before),
                    t!("tui-undo-updated", name = name.as_str()),
                ),
            )
        }
        Effect::SaveContact { id: None, draft } => {
            let mut contact = Contact::new(String::new(), now);
            draft.apply_to(&mut contact);
            let contact = app::contacts::add(store, &contact, now)?;
            let name = clean(&contact.name);
            Ok(
                Done::new(t!("tui-added", name = name.as_str()), Some(contact.id)).undo(
                    Effect::Delete {
                        contact: contact.id,
                    },
                    t!("tui-undo-added", name = name.as_str()),
                ),
            )
        }
        Effect::SetCadence { contact, days } => {
            let before = app::contacts::get(store, Who::Id(*contact))?;
            let c = app::contacts::set_cadence(store, Who::Id(*contact), *days, now)?;
            let name = clean(&c.name);
            let message = match days {
                Some(d) => t!(
                    "tui-cadence-set",
                    name = name.as_str(),
                    every = crate::text::every(*d)
                ),
                None => t!("tui-cadence-none", name = name.as_str()),
            };
            Ok(Done::new(message, Some(*contact)).undo(
                restore(before),
                t!("tui-undo-cadence", name = name.as_str()),
            ))
        }
        Effect::Snooze { contact, until } => {
            let (before, c) = app::contacts::change_contact(store, Who::Id(*contact), now, |c| {
                c.snoozed_until = Some(*until);
                Ok(())
            })?;
            let (name, until) = (clean(&c.name), day_short(*until, today));
            Ok(Done::new(
                t!("tui-snoozed", name = name.as_str(), day = until),
                Some(*contact),
            )
            .undo(restore(before), t!("tui-undo-snooze", name = name.as_str())))
        }
        Effect::AddHook {
            contact,
            kind,
            text,
        } => {
            let (hook, c) = app::plans::add_hook(store, Who::Id(*contact), *kind, text, now)?;
            let name = clean(&c.name);
            let message = t!(
                "tui-hook-added",
                kind = hook_kind_name(current(), hook.kind),
                name = name.as_str()
            );
            Ok(Done::new(message, Some(*contact)).undo(
                Effect::RemoveHook { hook: hook.id },
                t!("tui-undo-hook", name = name.as_str()),
            ))
        }
        Effect::AddFollowUp { contact, due, note } => {
            let (f, c) = app::plans::remind(store, Who::Id(*contact), *due, note, now)?;
            let name = clean(&c.name);
            let message = t!(
                "tui-followup-added",
                name = name.as_str(),
                day = day_short(f.due, today)
            );
            Ok(Done::new(message, Some(*contact)).undo(
                Effect::RemoveFollowUp { followup: f.id },
                t!("tui-undo-followup", name = name.as_str()),
            ))
        }
        Effect::Archive { contact } => {
            let (before, c) = app::contacts::change_contact(store, Who::Id(*contact), now, |c| {
                c.archived = true;
                Ok(())
            })?;
            let name = clean(&c.name);
            Ok(
                Done::new(t!("tui-archived", name = name.as_str()), None).undo(
                    restore(before),
                    t!("tui-undo-archive", name = name.as_str()),
                ),
            )
        }
        Effect::AddJourFixe { contact, draft } => {
            let t = app::jourfixe::add(store, Who::Id(*contact), draft, today, settings, now)?;
            let name = clean(&t.name);
            let message = jourfixe_set(&t.jf, &name, today);
            Ok(Done::new(message, Some(*contact)).undo(
                Effect::DeleteJourFixe { jourfixe: t.jf.id },
                t!("tui-undo-jf-add", name = name.as_str()),
            ))
        }
        Effect::SkipJourFixe { jourfixe: id, date } => {
            let t = app::jourfixe::skip(store, *id, *date, today, settings)?;
            let (day, name) = (day_short(*date, today), clean(&t.name));
            let message = t!(
                "tui-jf-skipped",
                day = day.as_str(),
                name = name.as_str(),
                dates = dates_text(&next_dates(&t.jf, today, 1, TZ), today)
            );
            Ok(Done::new(message, Some(t.jf.contact_id)).undo(
                Effect::UnskipJourFixe {
                    jourfixe: *id,
                    date: *date,
                },
                t!("tui-undo-jf-skip", day = day.as_str(), name = name.as_str()),
            ))
        }
        Effect::DeleteJourFixe { jourfixe: id } => {
            let (jf, name) = app::jourfixe::remove(store, *id)?;
            let name = clean(&name);
            let message = t!(
                "tui-jf-removed",
                name = name.as_str(),
                rule = jf.describe_in(current())
            );
            let select = Some(jf.contact_id);
            Ok(Done::new(message, select).undo(
                Effect::RestoreJourFixe { jf: Box::new(jf) },
                t!("tui-undo-jf-remove", name = name.as_str()),
            ))
        }
        Effect::Triage {
            contact,
            choice,
            place,
        } => {
            let before = app::contacts::get(store, Who::Id(*contact))?;
            let answered = app::triage::answer(store, *contact, *choice, *place, today, now)?;
            let name = clean(&answered.contact.name);
            let undo = (answered.contact != before).then(|| Undo {
                effect: restore(before),
                what: t!("tui-undo-triage", name = name.as_str()),
            });
            let message = match (choice, answered.first) {
                (Choice::Every(days), Some(first)) => t!(
                    "tui-triage-every",
                    name = name.as_str(),
                    every = crate::text::every(*days),
                    day = day_short(first, today)
                ),
                (Choice::Archive, _) => t!("tui-triage-archived", name = name.as_str()),
                _ => t!("tui-triage-skipped", name = name.as_str()),
            };
            Ok(Done {
                undo,
                ..Done::new(message, None)
            })
        }
        Effect::Delete { contact } => {
            let c = app::contacts::delete(store, Who::Id(*contact))?;
            done(t!("tui-deleted", name = clean(&c.name)), None)
        }
        Effect::Merge { keep, gone } => {
            let merged = app::merge::merge(store, Who::Id(*keep), Who::Id(*gone), now)?;
            let (gone, kept) = (clean(&merged.gone.name), clean(&merged.kept.name));
            // no inverse: the app layer cannot split a merged contact again
            done(t!("merge-done", gone = gone, kept = kept), Some(*keep))
        }
        Effect::EditTouch { touch } => undo::edit_touch(store, touch, today),
        Effect::RemoveTouch { touch } => undo::remove_touch(store, *touch, today),
        Effect::EditJourFixe { jourfixe, change } => {
            undo::edit_jourfixe(store, *jourfixe, change, today, settings)
        }
        Effect::PutBackJourFixe { jf } => undo::put_back_jourfixe(store, jf, today, settings),
        Effect::Unlog { touch, hook } => undo::unlog(store, *touch, *hook),
        Effect::RestoreTouch { touch } => undo::restore_touch(store, touch, today, now),
        Effect::RestoreContact { contact } => undo::restore_contact(store, contact, now),
        Effect::RemoveHook { hook } => undo::remove_hook(store, *hook),
        Effect::RemoveFollowUp { followup } => undo::remove_followup(store, *followup),
        Effect::UnskipJourFixe { jourfixe, date } => {
            undo::unskip(store, *jourfixe, *date, today, settings)
        }
        Effect::RestoreJourFixe { jf } => undo::restore_jourfixe(store, jf, today, settings, now),
    }
}

/// The effect that puts `contact`'s record back as it is now.
fn restore(contact: Contact) -> Effect {
    Effect::RestoreContact {
        contact: Box::new(contact),
    }
}

/// "Jour fixe with Anna Schmidt (video): every … — next: Sun 6 Dec, Sun
/// 13 Dec.", after it was set or changed.
fn jourfixe_set(jf: &JourFixe, name: &str, today: NaiveDate) -> String {
    t!(
        "tui-jf-set",
        name = name,
        channel = channel_name(current(), jf.channel),
        rule = jf.describe_in(current()),
        dates = dates_text(&next_dates(jf, today, 2, TZ), today)
    )
}

/// "Sun 6 Dec, Sun 13 Dec", or "no more dates".
fn dates_text(dates: &[NaiveDate], today: NaiveDate) -> String {
    if dates.is_empty() {
        return t!("tui-no-more-dates");
    }
    dates
        .iter()
        .map(|d| day_short(*d, today))
        .collect::<Vec<_>>()
        .join(", ")
}
