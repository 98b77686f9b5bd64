//! `show`: the pre-call brief — details, check-in, hooks, open follow-ups,
//! Jour fixe, recent touches and the channel mix.

use serde::Serialize;

use super::Ctx;
use super::render::{self, Fit, Table, clean};
use crate::app::jourfixe::Listed;
use crate::app::{Who, brief};
use crate::error::Result;
use crate::model::{Contact, FollowUp, Handle, Hook, Touch};
use crate::schedule::{Checkin, ContactFacts, Status, TouchRef};

/// The `show` brief, as JSON.
#[derive(Serialize)]
struct Brief {
    contact: Contact,
    checkin: Option<Checkin>,
    last_touch: Option<TouchRef>,
    last_personal: Option<TouchRef>,
    written_streak: u32,
    hooks: Vec<Hook>,
    followups: Vec<FollowUp>,
    jourfixe: Vec<Listed>,
    touches: Vec<Touch>,
    channel_mix: Vec<MixEntry>,
}

#[derive(Serialize)]
struct MixEntry {
    channel: crate::model::Channel,
    count: i64,
}

pub fn show(ctx: &mut Ctx, query: &str, limit: usize) -> Result<String> {
    let today = ctx.today();
    let settings = ctx.config.settings.clone();
    let depth = brief::Depth {
        touches: limit,
        heat: None,
    };
    let brief::Brief {
        facts,
        checkin,
        hooks,
        followups: open,
        jourfixe: jf,
        touches,
        mix,
        others: names,
        ..
    } = brief::of(
        &mut ctx.store,
        Who::AnyNamed(query),
        today,
        &settings,
        depth,
    )?;
    if ctx.json {
        return ctx.to_json(&Brief {
            last_touch: facts.last_touch,
            last_personal: facts.last_personal,
            written_streak: facts.written_streak,
            contact: facts.contact,
            checkin,
            hooks,
            followups: open,
            jourfixe: jf.iter().map(|t| Listed::of(t, today)).collect(),
            touches,
            channel_mix: mix
                .into_iter()
                .map(|(channel, count)| MixEntry { channel, count })
                .collect(),
        });
    }
    let p = ctx.paint;
    let width = ctx.width;
    let c = &facts.contact;
    let mut out = String::new();
    let mut name = p.bold(&clean(&c.name));
    if let Some(nick) = &c.nickname {
        name.push_str(&format!(" ({})", clean(nick)));
    }
    let mut title = vec![name, c.sphere.as_str().to_string()];
    let job: Vec<String> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect();
    if !job.is_empty() {
        title.push(job.join(", "));
    }
    if c.archived {
        title.push(p.dim("archived"));
    }
    out.push_str(&render::join_fit(&title, " · ", "  ", width));
    out.push('\n');
    out.push_str(&render::join_fit(
        &checkin_parts(ctx, &facts, checkin.as_ref()),
        " · ",
        "  ",
        width,
    ));
    out.push('\n');
    let mut details = Table::default();
    details.fit(&[Fit::Keep, Fit::Wrap(0)]);
    for e in &c.emails {
        details.plain(vec!["e-mail".into(), handle_text(e)]);
    }
    for ph in &c.phones {
        details.plain(vec!["phone".into(), handle_text(ph)]);
    }
    if let Some(b) = c.birthday {
        let next = b.next_on_or_after(today);
        let mut text = match b.year {
            Some(_) => b
                .in_year(b.year.unwrap_or(2000))
                .format("%-d %b %Y")
                .to_string(),
            None => b.in_year(2000).format("%-d %b").to_string(),
        };
        if let Some(age) = b.age_on(next) {
            text.push_str(&format!(" (turns {age} on {})", render::day(next, today)));
        }
        details.plain(vec!["birthday".into(), text]);
    }
    if !c.tags.is_empty() {
        details.plain(vec!["tags".into(), c.tags.join(", ")]);
    }
    if let Some(notes) = &c.notes {
        details.plain(vec!["notes".into(), clean(notes)]);
    }
    out.push_str(&details.render_in("", width));
    if !hooks.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("hooks")));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Wrap(0)]);
        for h in &hooks {
            let mut text = clean(&h.text);
            let mut plain = text.clone();
            if let Some(u) = h.used_at {
                let used = format!("used {}", render::day(crate::clock::local_day(u), today));
                text.push_str(&format!(" · {}", p.dim(&used)));
                plain.push_str(&format!(" · {used}"));
            }
            t.row(vec![
                (format!("#{}", h.id), format!("#{}", h.id)),
                (h.kind.as_str().into(), h.kind.as_str().into()),
                (text, plain),
            ]);
        }
        out.push_str(&t.render_in("  ", width));
    }
    if !open.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("follow-ups")));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Wrap(0)]);
        for f in &open {
            t.plain(vec![
                format!("#{}", f.id),
                render::day(f.due, today),
                clean(&f.note),
            ]);
        }
        out.push_str(&t.render_in("  ", width));
    }
    out.push_str(&super::jourfixe::brief_section(&jf, today, p, width));
    if !touches.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("touches")));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Keep, Fit::Wrap(0)]);
        for touch in &touches {
            let local = crate::clock::local(touch.at);
            let mut what = touch.channel.as_str().to_string();
            if touch.outcome == crate::model::Outcome::Missed {
                what.push_str(" (missed)");
            }
            if !touch.captured.is_empty() {
                what.push_str(" · ");
                what.push_str(&crate::text::captured(&touch.captured));
            }
            // "with Ben Okafor · coffee at the harbour [+1]"
            let others: Vec<String> = touch
                .participants
                .iter()
                .filter_map(|p| names.get(p).map(|n| clean(n)))
                .collect();
            let mut parts = Vec::new();
            if !others.is_empty() {
                parts.push(format!("with {}", others.join(", ")));
            }
            if let Some(text) = touch
                .note
                .as_deref()
                .map(clean)
                .filter(|n| !n.trim().is_empty())
            {
                parts.push(text);
            }
            let mut note = parts.join(" · ");
            if let Some(r) = touch.rating {
                note.push_str(&format!(" [{r:+}]"));
            }
            t.plain(vec![
                format!("#{}", touch.id),
                format!(
                    "{} {}",
                    render::day(local.date_naive(), today),
                    local.format("%H:%M")
                ),
                what,
                note.trim().to_string(),
            ]);
        }
        out.push_str(&t.render_in("  ", width));
    }
    if !mix.is_empty() {
        let mut parts: Vec<String> = mix
            .iter()
            .map(|(ch, n)| format!("{} {n}", ch.as_str()))
            .collect();
        parts[0] = format!("{} {}", p.bold("mix"), parts[0]);
        out.push('\n');
        out.push_str(&render::join_fit(&parts, " · ", "    ", width));
        out.push('\n');
    }
    Ok(out)
}

fn handle_text(h: &Handle) -> String {
    match &h.label {
        Some(label) => format!("{} ({})", clean(&h.value), clean(label)),
        None => clean(&h.value),
    }
}

/// "every 2w", "due Tue 24 Nov (5d overdue)", "call 21d ago · 3 written since" …
fn checkin_parts(ctx: &Ctx, facts: &ContactFacts, checkin: Option<&Checkin>) -> Vec<String> {
    let today = ctx.today();
    let p = ctx.paint;
    let mut parts = Vec::new();
    match checkin {
        Some(ch) => {
            parts.push(format!("every {}", render::cadence(ch.cadence_days)));
            let when = match ch.days_overdue {
                d if d > 0 => p.red(&format!("{d}d overdue")),
                0 => p.yellow("due today"),
                d => format!("in {}d", -d),
            };
            parts.push(format!("due {} ({when})", render::day(ch.due, today)));
            if ch.status == Status::Planned {
                parts.push(p.cyan("planned"));
            }
        }
        None => parts.push("no cadence".to_string()),
    }
    if let Some(snooze) = facts.contact.snoozed_until.filter(|s| *s > today) {
        parts.push(format!("snoozed until {}", render::day(snooze, today)));
    }
    parts.push(crate::text::why(facts, today));
    if facts.contact.min_channel() != crate::model::Channel::DEFAULT_MIN {
        parts.push(format!(
            "counts from {}",
            facts.contact.min_channel().as_str()
        ));
    }
    parts
}
