//! `log`, `touch edit`, `touch rm`.

use chrono::{DateTime, Utc};

use super::args::{LogArgs, TouchCommand};
use super::render;
use super::{Ctx, channel_arg};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Id, Outcome, Touch};
use crate::parse::{Lean, parse_when};
use crate::store::{contacts, hooks, touches};

/// Reads `--at`: a past time; the future is refused (plan it with `remind`).
fn past_time(ctx: &Ctx, input: Option<&str>) -> Result<DateTime<Utc>> {
    let Some(input) = input else {
        return Ok(ctx.now);
    };
    let local = parse_when(input, ctx.local_now(), Lean::Past)?;
    let at = clock::from_local(local);
    if Touch::is_ahead_of(at, ctx.now) {
        return Err(Error::input(format!(
            "\"{input}\" is in the future; log what already happened, or plan it with `draht remind CONTACT WHEN NOTE`"
        )));
    }
    Ok(at)
}

pub fn log(ctx: &mut Ctx, args: &LogArgs) -> Result<String> {
    let channel = channel_arg(&args.channel)?;
    let at = past_time(ctx, args.at.as_deref())?;
    let now = ctx.now;
    let (touch, names) = ctx.store.write(|tx| {
        let main = contacts::find(tx, &args.contact)?;
        let mut participants: Vec<Id> = vec![main.id];
        let mut names = vec![main.name.clone()];
        for other in &args.with {
            let c = contacts::find(tx, other)?;
            if !participants.contains(&c.id) {
                participants.push(c.id);
                names.push(c.name);
            }
        }
        if let Some(hook) = args.hook {
            let h = hooks::get(tx, hook)?;
            if !participants.contains(&h.contact_id) {
                return Err(Error::input(format!(
                    "hook #{hook} belongs to someone else; `draht show {}` lists {}'s hooks",
                    main.name, main.name
                )));
            }
        }
        let mut touch = Touch {
            id: 0,
            at,
            channel,
            note: args
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
            outcome: if args.missed {
                Outcome::Missed
            } else {
                Outcome::Done
            },
            rating: args.rating,
            hook_id: args.hook,
            participants,
        };
        touch.id = touches::insert(tx, &touch, now)?;
        Ok((touch, names))
    })?;
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
            let touch = ctx.store.write(|tx| {
                let mut touch = touches::get(tx, *id)?;
                if let Some(at) = at {
                    touch.at = at;
                }
                if let Some(channel) = channel {
                    touch.channel = channel;
                }
                if let Some(note) = note {
                    touch.note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
                }
                if let Some(outcome) = outcome {
                    touch.outcome = outcome;
                }
                if rating.is_some() {
                    touch.rating = *rating;
                }
                touches::update(tx, &touch)?;
                Ok(touch)
            })?;
            if ctx.json {
                return ctx.to_json(&touch);
            }
            Ok(format!("Updated touch #{}.\n", touch.id))
        }
        TouchCommand::Rm { id } => {
            ctx.store.write(|tx| touches::delete(tx, *id))?;
            if ctx.json {
                return ctx.to_json(&serde_json::json!({ "removed": id }));
            }
            Ok(format!("Deleted touch #{id}.\n"))
        }
    }
}
