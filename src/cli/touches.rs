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

/// Reads `--at`: a past time; the future is refused (plan it with `remind`).
fn past_time(ctx: &Ctx, input: Option<&str>) -> Result<DateTime<Utc>> {
    let Some(input) = input else {
        return Ok(ctx.now);
    };
    let local = parse_when(input, ctx.local_now(), Lean::Past)?;
    let at = clock::from_local(local);
    if is_future(at, ctx.now) {
        return Err(Error::input(format!(
            "\"{input}\" is in the future; log what already happened, or plan it with `draht remind CONTACT WHEN NOTE`"
        )));
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
    let when = if (ctx.now - touch.at).num_minutes() < 5 {
        "now".to_string()
    } else {
        let local = clock::local(touch.at);
        format!(
            "{} {}",
            render::day(local.date_naive(), ctx.today()),
            local.format("%H:%M")
        )
    };
    let verb = match touch.outcome {
        Outcome::Done => "Logged",
        Outcome::Missed => "Logged a missed",
    };
    let mut out = format!(
        "{verb} {} with {} ({when}) as #{}.",
        touch.channel.as_str(),
        render::clean(&names.join(" and ")),
        touch.id
    );
    if touch.outcome == Outcome::Missed {
        out.push_str(&format!(
            " Then next time: trying again in {} days.",
            ctx.config.settings.retry_days
        ));
    }
    out.push('\n');
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
                    Error::input(format!("unknown outcome \"{o}\"; use done or missed"))
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
            Ok(format!("Updated touch #{}.\n", touch.id))
        }
        TouchCommand::Rm { id } => {
            touches::remove(&mut ctx.store, *id)?;
            if ctx.json {
                return ctx.to_json(&serde_json::json!({ "removed": id }));
            }
            Ok(format!("Deleted touch #{id}.\n"))
        }
    }
}
