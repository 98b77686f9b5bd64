//! `snooze`, `hook`, `remind`, `done`.

use super::Ctx;
use super::render;
use crate::error::{Error, Result};
use crate::model::HookKind;
use crate::parse::{Lean, parse_date, parse_until};
use crate::store::{contacts, followups, hooks};

pub fn snooze(ctx: &mut Ctx, query: &str, until: &str) -> Result<String> {
    let today = ctx.today();
    let date = parse_until(until, today)?;
    if date <= today {
        return Err(Error::input(format!(
            "\"{until}\" is not in the future; snooze to a later date, e.g. 1w or next monday"
        )));
    }
    let now = ctx.now;
    let contact = ctx.store.write(|tx| {
        let mut contact = contacts::find(tx, query)?;
        contact.snoozed_until = Some(date);
        contacts::update(tx, &contact, now)?;
        Ok(contact)
    })?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    Ok(format!(
        "Snoozed {} until {}.\n",
        render::clean(&contact.name),
        render::day(date, today)
    ))
}

pub fn hook(ctx: &mut Ctx, query: &str, text: &str, kind: &str) -> Result<String> {
    let kind = HookKind::from_name(kind).ok_or_else(|| {
        Error::input(format!(
            "unknown hook kind \"{kind}\"; use project, offer, common, hobby or personal"
        ))
    })?;
    let now = ctx.now;
    let (hook, name) = ctx.store.write(|tx| {
        let contact = contacts::find(tx, query)?;
        let id = hooks::insert(tx, contact.id, kind, text, now)?;
        Ok((hooks::get(tx, id)?, contact.name))
    })?;
    if ctx.json {
        return ctx.to_json(&hook);
    }
    let name = render::clean(&name);
    Ok(format!(
        "Added hook #{} for {name}: {} ({}).\n",
        hook.id,
        render::clean(&hook.text),
        hook.kind.as_str()
    ))
}

pub fn remind(ctx: &mut Ctx, query: &str, when: &str, note: &str) -> Result<String> {
    let today = ctx.today();
    let due = parse_date(when, today, Lean::Future)?;
    let now = ctx.now;
    let (followup, name) = ctx.store.write(|tx| {
        let contact = contacts::find(tx, query)?;
        let id = followups::insert(tx, contact.id, due, note, now)?;
        Ok((followups::get(tx, id)?, contact.name))
    })?;
    if ctx.json {
        return ctx.to_json(&followup);
    }
    let name = render::clean(&name);
    let past = if due < today {
        " (that date has passed: it shows as overdue)"
    } else {
        ""
    };
    Ok(format!(
        "Follow-up #{} for {name} on {}: {}{past}.\n",
        followup.id,
        render::day(due, today),
        render::clean(&followup.note)
    ))
}

pub fn done(ctx: &mut Ctx, id: i64) -> Result<String> {
    let now = ctx.now;
    let (followup, name) = ctx.store.write(|tx| {
        let f = followups::mark_done(tx, id, now)?;
        let name = contacts::get(tx, f.contact_id)?.name;
        Ok((f, name))
    })?;
    if ctx.json {
        return ctx.to_json(&followup);
    }
    let name = render::clean(&name);
    Ok(format!(
        "Done: {} ({name}).\n",
        render::clean(&followup.note)
    ))
}
