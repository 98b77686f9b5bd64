//! `log`, `touch edit`, `touch rm`.

use chrono::{DateTime, Utc};

use super::args::{LogArgs, TouchCommand};
use super::render;
use super::{Ctx, channel_arg};
use crate::app::touches::{self, NewTouch, TouchEdit, is_future};
use crate::app::{self, Who};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::Outcome;
use crate::parse::{Lean, parse_when};
use crate::text;
use crate::{i18n, t, tr};

/// Reads `--at`: a past time; the future is refused (plan it with `remind`).
fn past_time(ctx: &Ctx, input: Option<&str>) -> Result<DateTime<Utc>> {
    let Some(input) = input else {
        return Ok(ctx.now);
    };
    let local = parse_when(input, ctx.local_now(), Lean::Past)?;
    let at = clock::from_local(local);
    if is_future(at, ctx.now) {
        return Err(Error::input(t!("error-log-future", input = input)));
    }
    Ok(at)
}

pub fn log(ctx: &mut Ctx, args: &LogArgs) -> Result<String> {
    let channel = channel_arg(&args.channel)?;
    let at = past_time(ctx, args.at.as_deref())?;
    let new = NewTouch {
        who: Who::Named(&args.contact),
        with: args.with.iter().map(|w| Who::Named(w)).collect(),
        at,
        channel,
        note: args.note.clone(),
        outcome: if args.missed {
            Outcome::Missed
        } else {
            Outcome::Done
        },
        rating: args.rating,
        hook: args.hook,
    };
    let app::touches::Logged { touch, names } = touches::log(&mut ctx.store, &new, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&touch);
    }
    let lang = i18n::current();
    let when = if (ctx.now - touch.at).num_minutes() < 5 {
        tr!("logged-now").to_string()
    } else {
        let local = clock::local(touch.at);
        format!(
            "{} {}",
            render::day(local.date_naive(), ctx.today()),
            text::time(lang, local.time())
        )
    };
    let names = render::clean(&names.join(tr!("names-and")));
    let channel = text::channel_name(lang, touch.channel);
    let mut out = match touch.outcome {
        Outcome::Done => t!(
            "logged",
            channel = channel,
            names = names,
            when = when,
            id = touch.id
        ),
        Outcome::Missed => t!(
            "logged-missed",
            channel = channel,
            names = names,
            when = when,
            id = touch.id,
            retry = ctx.config.settings.retry_days
        ),
    };
    out.push('\n');
    // `draht log anna treffen "letzten Freitag"`: the time phrase went
    // into the note; say how to make it the touch's time
    if args.at.is_none()
        && let Some(note) = touch.note.as_deref()
        && parse_when(note, ctx.local_now(), Lean::Past).is_ok()
    {
        out.push_str(&t!(
            "log-note-looks-like-a-time",
            note = note,
            id = touch.id
        ));
        out.push('\n');
    }
    Ok(out)
}

pub fn touch(ctx: &mut Ctx, command: &TouchCommand) -> Result<String> {
    match command {
        TouchCommand::Edit {
            id,
            at,
            channel,
            note,
            outcome,
            rating,
        } => {
            let channel = channel.as_deref().map(channel_arg).transpose()?;
            let at = at.as_deref().map(|a| past_time(ctx, Some(a))).transpose()?;
            let outcome = match outcome {
                Some(o) => Some(Outcome::from_name(o.trim()).ok_or_else(|| {
                    Error::input(t!("error-unknown-outcome", input = o.as_str()))
                })?),
                None => None,
            };
            let edit = TouchEdit {
                at,
                channel,
                note: note.clone(),
                outcome,
                rating: *rating,
            };
            let touch = touches::edit(&mut ctx.store, *id, &edit)?;
            if ctx.json {
                return ctx.to_json(&touch);
            }
            Ok(format!("{}\n", t!("touch-updated", id = touch.id)))
        }
        TouchCommand::Rm { id } => {
            touches::remove(&mut ctx.store, *id)?;
            if ctx.json {
                return ctx.to_json(&serde_json::json!({ "removed": id }));
            }
            Ok(format!("{}\n", t!("touch-deleted", id = *id)))
        }
    }
}
