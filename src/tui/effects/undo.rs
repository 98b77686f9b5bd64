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
use crate::i18n::current;
use crate::jourfixe::JourFixe;
use crate::model::{Contact, Id, Touch};
use crate::schedule::Settings;
use crate::t;
use crate::text::{channel_name, clean, day_short};

/// "the call of Mon 30 Nov"
fn touch_words(touch: &Touch, today: NaiveDate) -> String {
    let day = day_short(clock::local_day(touch.at), today);
    t!(
        "tui-touch-words",
        channel = channel_name(current(), touch.channel),
        day = day
    )
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
    clean(&logged.names.join(&t!("names-and")))
}

pub(super) fn edit_touch(
    store: &mut crate::store::Store,
    touch: &Touch,
    today: NaiveDate,
) -> Result<Done> {
    let (before, after) = app::touches::replace(store, touch)?;
    let what = touch_words(&after.touch, today);
    let message = t!(
        "tui-touch-fixed",
        what = what.as_str(),
        who = with_whom(&after)
    );
    let select = after.touch.participants.first().copied();
    Ok(Done::new(message, select)
        .changed(everyone(&before, &after.touch))
        .undo(
            Effect::EditTouch {
                touch: Box::new(before),
            },
            t!("tui-undo-touch-fix", what = what),
        ))
}

pub(super) fn remove_touch(
    store: &mut crate::store::Store,
    id: Id,
    today: NaiveDate,
) -> Result<Done> {
    let gone = app::touches::remove(store, id)?;
    let what = touch_words(&gone.touch, today);
    let message = t!(
        "tui-touch-removed",
        what = what.as_str(),
        who = with_whom(&gone)
    );
    let select = gone.touch.participants.first().copied();
    Ok(Done::new(message, select)
        .changed(gone.touch.participants.clone())
        .undo(
            Effect::RestoreTouch {
                touch: Box::new(gone.touch),
            },
            t!("tui-undo-touch-remove", what = what),
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
    let message = super::jourfixe_set(&t.jf, &name, today);
    Ok(Done::new(message, Some(t.jf.contact_id)).undo(
        Effect::PutBackJourFixe {
            jf: Box::new(edited.before),
        },
        t!("tui-undo-jf-edit", name = name),
    ))
}

pub(super) fn put_back_jourfixe(
    store: &mut crate::store::Store,
    jf: &JourFixe,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Done> {
    let t = app::jourfixe::put_back(store, jf, today, settings)?;
    let message = t!(
        "tui-jf-as-before",
        name = clean(&t.name),
        rule = t.jf.describe_in(current())
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).changed(vec![t.jf.contact_id]))
}

pub(super) fn unlog(store: &mut crate::store::Store, id: Id, hook: HookBefore) -> Result<Done> {
    let gone = app::touches::unlog(store, id, hook)?;
    let message = t!(
        "tui-unlogged",
        channel = channel_name(current(), gone.touch.channel),
        who = with_whom(&gone)
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
    let message = t!(
        "tui-relogged",
        what = touch_words(&back.touch, today),
        who = with_whom(&back)
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
    Ok(Done::new(t!("tui-as-before", name = clean(&c.name)), select).changed(vec![c.id]))
}

pub(super) fn remove_hook(store: &mut crate::store::Store, id: Id) -> Result<Done> {
    let (hook, c) = app::plans::remove_hook(store, id)?;
    let message = t!(
        "tui-hook-removed",
        text = clean(&hook.text),
        name = clean(&c.name)
    );
    Ok(Done::new(message, Some(c.id)).changed(vec![c.id]))
}

pub(super) fn remove_followup(store: &mut crate::store::Store, id: Id) -> Result<Done> {
    let (f, c) = app::plans::remove_followup(store, id)?;
    let message = t!(
        "tui-followup-removed",
        note = clean(&f.note),
        name = clean(&c.name)
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
    let message = t!(
        "tui-jf-unskipped",
        day = day_short(date, today),
        name = clean(&t.name)
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
    let message = t!(
        "tui-jf-back",
        name = clean(&t.name),
        rule = t.jf.describe_in(current())
    );
    Ok(Done::new(message, Some(t.jf.contact_id)).changed(vec![t.jf.contact_id]))
}
