//! The writes that fix or take back what was written: a touch fixed or
//! removed from the card, a Jour fixe changed, and the inverses that `u`
//! performs. Each says whom it changed (for the reload) and, where it is
//! a change a person asked for, how to take it back in turn.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Done, Effect};
use crate::app::touches::{HookBefore, Logged};
use crate::app::{self, Who};
use crate::clock;
use crate::error::Result;
use crate::jourfixe::JourFixe;
use crate::model::{Contact, Id, Touch};
use crate::schedule::Settings;
use crate::text::{clean, day_short};

/// "the call of Mon 30 Nov"
fn touch_words(touch: &Touch, today: NaiveDate) -> String {
    let day = day_short(clock::local_day(touch.at), today);
    format!("the {} of {day}", touch.channel.as_str())
}

/// Everyone a touch was with, before and after a change.
fn everyone(a: &Touch, b: &Touch) -> Vec<Id> {
    let mut ids = a.participants.clone();
    ids.extend(
        b.participants
            .iter()
            .filter(|id| !a.participants.contains(id)),
    );
    ids
}

fn with_whom(logged: &Logged) -> String {
    clean(&logged.names.join(" and "))
}

pub(super) fn edit_touch(
    store: &mut crate::store::Store,
    touch: &Touch,
    today: NaiveDate,
) -> Result<Done> {
    let (before, after) = app::touches::replace(store, touch)?;
    let what = touch_words(&after.touch, today);
    let message = format!("Fixed {what} with {}.", with_whom(&after));
    let select = after.touch.participants.first().copied();
    Ok(Done::new(message, select)
        .changed(everyone(&before, &after.touch))
        .undo(
            Effect::EditTouch {
                touch: Box::new(before),
            },
            format!("the fix of {what}"),
        ))
}

pub(super) fn remove_touch(
    store: &mut crate::store::Store,
    id: Id,
    today: NaiveDate,
) -> Result<Done> {
    let gone = app::touches::remove(store, id)?;
    let what = touch_words(&gone.touch, today);
    let message = format!("Removed {what} with {}.", with_whom(&gone));
    let select = gone.touch.participants.first().copied();
    Ok(Done::new(message, select)
        .changed(gone.touch.participants.clone())
        .undo(
            Effect::RestoreTouch {
                touch: Box::new(gone.touch),
            },
            format!("removing {what}"),
        ))
}

pub(super) fn edit_jourfixe(
    store: &mut crate::store::Store,
    id: Id,
    change: &app::jourfixe_edit::Change,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Done> {
    let edited = app::jourfixe_edit::edit(store, id, change, today, settings, app::jourfixe::TZ)?;
    let t = &edited.tracked;
    let name = clean(&t.name);
    let message = format!(
        "Jour fixe with {name} ({}): {} — next: {}.",
        t.jf.channel.as_str(),
        t.jf.describe(),
        super::dates_text(
            &crate::jourfixe::next_dates(&t.jf, today, 2, app::jourfixe::TZ),
            today
        )
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).undo(
        Effect::PutBackJourFixe {
            jf: Box::new(edited.before),
        },
        format!("the change to the Jour fixe with {name}"),
    ))
}

pub(super) fn put_back_jourfixe(
    store: &mut crate::store::Store,
    jf: &JourFixe,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Done> {
    let t = app::jourfixe::put_back(store, jf, today, settings)?;
    let message = format!(
        "The Jour fixe with {} is as before: {}.",
        clean(&t.name),
        t.jf.describe()
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).changed(vec![t.jf.contact_id]))
}

pub(super) fn unlog(store: &mut crate::store::Store, id: Id, hook: HookBefore) -> Result<Done> {
    let gone = app::touches::unlog(store, id, hook)?;
    let message = format!(
        "Took back the {} with {}.",
        gone.touch.channel.as_str(),
        with_whom(&gone)
    );
    let select = gone.touch.participants.first().copied();
    Ok(Done::new(message, select).changed(gone.touch.participants))
}

pub(super) fn restore_touch(
    store: &mut crate::store::Store,
    touch: &Touch,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Done> {
    let back = app::touches::restore(store, touch, now)?;
    let message = format!(
        "Logged {} with {} again.",
        touch_words(&back.touch, today),
        with_whom(&back)
    );
    let select = back.touch.participants.first().copied();
    Ok(Done::new(message, select).changed(back.touch.participants))
}

pub(super) fn restore_contact(
    store: &mut crate::store::Store,
    contact: &Contact,
    now: DateTime<Utc>,
) -> Result<Done> {
    let was = contact.clone();
    let c = app::contacts::edit(store, Who::Id(contact.id), now, |c| {
        *c = was;
        Ok(())
    })?;
    let select = (!c.archived).then_some(c.id);
    Ok(Done::new(format!("{} is as before.", clean(&c.name)), select).changed(vec![c.id]))
}

pub(super) fn remove_hook(store: &mut crate::store::Store, id: Id) -> Result<Done> {
    let (hook, c) = app::plans::remove_hook(store, id)?;
    let message = format!(
        "Removed the hook \"{}\" of {}.",
        clean(&hook.text),
        clean(&c.name)
    );
    Ok(Done::new(message, Some(c.id)).changed(vec![c.id]))
}

pub(super) fn remove_followup(store: &mut crate::store::Store, id: Id) -> Result<Done> {
    let (f, c) = app::plans::remove_followup(store, id)?;
    let message = format!(
        "Removed the follow-up \"{}\" of {}.",
        clean(&f.note),
        clean(&c.name)
    );
    Ok(Done::new(message, Some(c.id)).changed(vec![c.id]))
}

pub(super) fn unskip(
    store: &mut crate::store::Store,
    id: Id,
    date: NaiveDate,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Done> {
    let t = app::jourfixe::unskip(store, id, date, today, settings)?;
    let message = format!(
        "{} with {} stands again.",
        day_short(date, today),
        clean(&t.name)
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).changed(vec![t.jf.contact_id]))
}

pub(super) fn restore_jourfixe(
    store: &mut crate::store::Store,
    jf: &JourFixe,
    today: NaiveDate,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Done> {
    let t = app::jourfixe::restore(store, jf, today, settings, now)?;
    let message = format!(
        "The Jour fixe with {} ({}) is back.",
        clean(&t.name),
        t.jf.describe()
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).changed(vec![t.jf.contact_id]))
}
