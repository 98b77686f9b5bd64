//! `snooze`, `hook`, `remind`, `done`.

use super::Ctx;
use super::render;
use crate::app::{Who, contacts, plans};
use crate::error::{Error, Result};
use crate::model::HookKind;
use crate::parse::{Lean, parse_date, parse_until};

pub fn snooze(ctx: &mut Ctx, query: &str, until: &str) -> Result<String> {
    let today = ctx.today();
    let date = parse_until(until, today)?;
    if date <= today {
        return Err(Error::input(format!(
            "\"{until}\" is not in the future; snooze to a later date, e.g. 1w or next monday"
        )));
    }
    let contact = contacts::snooze(&mut ctx.store, Who::Named(query), date, ctx.now)?;
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
    let (hook, contact) = plans::add_hook(&mut ctx.store, Who::Named(query), kind, text, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&hook);
    }
    let name = render::clean(&contact.name);
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
    let (followup, contact) = plans::remind(&mut ctx.store, Who::Named(query), due, note, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&followup);
    }
    let name = render::clean(&contact.name);
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
    let (followup, contact) = plans::done(&mut ctx.store, id, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&followup);
    }
    let name = render::clean(&contact.name);
    Ok(format!(
        "Done: {} ({name}).\n",
        render::clean(&followup.note)
    ))
}
