//! `draht status [--format plain|waybar|i3status-rust]`: one short line for
//! a status bar ("☎ 3 · JF 10:00 Anna"), as text for polybar and tmux or
//! as the JSON that waybar's custom module and i3status-rust's custom
//! block read (one object on one line).

use serde::Serialize;

use super::Ctx;
use super::args::StatusArgs;
use crate::app::status::{Glance, Urgency, glance};
use crate::error::Result;
use crate::fast::status_cache::StatusCache;
use crate::text::clean;
use crate::text::reminder::{markup, to_call};
use crate::{i18n, t, tr};

pub fn status(ctx: &mut Ctx, args: &StatusArgs) -> Result<String> {
    let now = ctx.local_now();
    let format = match ctx.json {
        true => "json",
        false => args.format.as_str(),
    };
    let minute = now.format("%Y-%m-%dT%H:%M").to_string();
    // the words of the answer are in the interface language
    let format = format!("{format} lang={}", i18n::current().code());
    let cache = ctx.store.path().and_then(|db| {
        let config = ctx.config_path.as_deref().filter(|p| p.exists());
        StatusCache::new(db, config, &minute, &format)
    });
    if let Some(answer) = cache.as_ref().and_then(StatusCache::get) {
        return Ok(answer);
    }
    let answer = answer(ctx, args, now)?;
    if let Some(cache) = &cache {
        cache.put(&answer);
    }
    Ok(answer)
}

/// The answer at local `now`, computed.
fn answer(ctx: &mut Ctx, args: &StatusArgs, now: chrono::NaiveDateTime) -> Result<String> {
    let g = glance(&mut ctx.store, ctx.now, &ctx.config)?;
    if ctx.json {
        return ctx.to_json(&g);
    }
    let text = line(&g, now);
    let out = match args.format.as_str() {
        "waybar" => one_line(&Waybar {
            text: markup(&text),
            tooltip: markup(&agenda(&g)),
            class: g.urgency.as_str(),
            alt: g.urgency.as_str(),
        }),
        "i3status-rust" => one_line(&I3Block {
            text: &text,
            short_text: short(&g),
            state: match g.urgency {
                Urgency::Overdue => "Warning",
                Urgency::Due => "Info",
                Urgency::Ok => "Idle",
            },
            icon: "",
        }),
        _ => text,
    };
    Ok(out + "\n")
}

/// waybar's custom module with `"return-type": "json"` reads these (text
/// and tooltip as Pango markup).
#[derive(Serialize)]
struct Waybar<'a> {
    text: String,
    tooltip: String,
    class: &'a str,
    alt: &'a str,
}

/// i3status-rust's custom block with `json = true` reads these.
#[derive(Serialize)]
struct I3Block<'a> {
    icon: &'a str,
    state: &'a str,
    text: &'a str,
    short_text: String,
}

fn one_line<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into())
}

/// "☎ 3 · JF 10:00 Anna": how many to call, and the next Jour fixe today.
fn line(g: &Glance, now: chrono::NaiveDateTime) -> String {
    let mut out = format!("☎ {}", g.to_call.len());
    if let Some(jf) = g.next_jourfixe(now) {
        out.push_str(" · JF ");
        if let Some(time) = jf.time {
            out.push_str(&time.format("%H:%M ").to_string());
        }
        out.push_str(&first_name(&jf.name));
    }
    out
}

/// "☎ 3" alone, for a narrow bar.
fn short(g: &Glance) -> String {
    format!("☎ {}", g.to_call.len())
}

/// The first word of a name: the bar has little room (the tooltip has
/// the whole name).
fn first_name(name: &str) -> String {
    clean(name.split_whitespace().next().unwrap_or(name))
}

/// How many people the tooltip names before it counts the rest.
const TOOLTIP_NAMES: usize = 10;
/// How many follow-ups the tooltip lists before it counts the rest.
const TOOLTIP_FOLLOWUPS: usize = 5;

/// The tooltip: the day's agenda in a few lines.
fn agenda(g: &Glance) -> String {
    let mut lines = Vec::new();
    let lang = i18n::current();
    if g.to_call.is_empty() {
        lines.push(tr!("status-nobody").to_string());
    } else {
        let mut names: Vec<String> = g.to_call.iter().take(TOOLTIP_NAMES).map(to_call).collect();
        if g.to_call.len() > TOOLTIP_NAMES {
            names.push(t!("and-more", count = g.to_call.len() - TOOLTIP_NAMES));
        }
        lines.push(t!("status-to-call", names = names.join(", ")));
    }
    for jf in &g.jourfixe {
        let time = jf.time.map_or_else(
            || tr!("reminder-today").to_string(),
            |t| crate::text::time(lang, t),
        );
        lines.push(t!(
            "status-jourfixe",
            time = time,
            name = clean(&jf.name),
            channel = crate::text::channel_name(lang, jf.channel)
        ));
    }
    for f in g.followups.iter().take(TOOLTIP_FOLLOWUPS) {
        let (name, note) = (clean(&f.name), clean(&f.note));
        lines.push(match f.overdue {
            true => t!(
                "status-followup-late",
                since = crate::text::day(f.due, g.date),
                name = name,
                note = note
            ),
            false => t!("status-followup", name = name, note = note),
        });
    }
    if g.followups.len() > TOOLTIP_FOLLOWUPS {
        lines.push(t!(
            "status-more-followups",
            count = g.followups.len() - TOOLTIP_FOLLOWUPS
        ));
    }
    lines.join("\n")
}
