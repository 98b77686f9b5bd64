//! `snooze`, `hook`, `remind`, `done`.

use super::Ctx;
use super::render;
use crate::app::{Who, contacts, plans};
use crate::error::{Error, Result};
use crate::model::HookKind;
use crate::parse::{Lean, parse_date, parse_until};
use crate::{i18n, t};

pub fn snooze(ctx: &mut Ctx, query: &str, until: &str) -> Result<String> {
    let today = ctx.today();
    let date = parse_until(until, today)?;
    if date <= today {
        return Err(Error::input(t!("error-snooze-past", input = until)));
    }
    let contact = contacts::snooze(&mut ctx.store, Who::Named(query), date, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    Ok(format!(
        "{}\n",
        t!(
            "snoozed",
            name = render::clean(&contact.name),
            day = render::day(date, today)
        )
    ))
}

pub fn hook(ctx: &mut Ctx, query: &str, text: &str, kind: &str) -> Result<String> {
    let kind = HookKind::from_name(kind)
        .ok_or_else(|| Error::input(t!("error-unknown-hook-kind", input = kind)))?;
    let (hook, contact) = plans::add_hook(&mut ctx.store, Who::Named(query), kind, text, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&hook);
    }
    let name = render::clean(&contact.name);
    Ok(format!(
        "{}\n",
        t!(
            "hook-added",
            id = hook.id,
            name = name,
            text = render::clean(&hook.text),
            kind = crate::text::hook_kind_name(i18n::current(), hook.kind)
        )
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
    let message = match due < today {
        true => "followup-added-past",
        false => "followup-added",
    };
    let mut out = t!(
        i18n::current(); message,
        id = followup.id,
        name = name,
        day = render::day(due, today),
        note = render::clean(&followup.note)
    );
    out.push('\n');
    Ok(out)
}

pub fn done(ctx: &mut Ctx, id: i64) -> Result<String> {
    let (followup, contact) = plans::done(&mut ctx.store, id, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&followup);
    }
    let name = render::clean(&contact.name);
    Ok(format!(
        "{}\n",
        t!(
            "followup-done",
            note = render::clean(&followup.note),
            name = name
        )
    ))
}
