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
use crate::text::{self, DateStyle};
use crate::{i18n, t, tr};

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
    let lang = i18n::current();
    let width = ctx.width;
    let c = &facts.contact;
    let mut out = String::new();
    let mut name = p.bold(&clean(&c.name));
    if let Some(nick) = &c.nickname {
        name.push_str(&format!(" ({})", clean(nick)));
    }
    let mut title = vec![name, text::sphere_name(lang, c.sphere).to_string()];
    let job: Vec<String> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect();
    if !job.is_empty() {
        title.push(job.join(", "));
    }
    if c.archived {
        title.push(p.dim(tr!("show-archived")));
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
        details.plain(vec![tr!("show-email").into(), handle_text(e)]);
    }
    for ph in &c.phones {
        details.plain(vec![tr!("show-phone").into(), handle_text(ph)]);
    }
    if let Some(b) = c.birthday {
        let next = b.next_on_or_after(today);
        let born = match b.year {
            Some(year) => text::date(lang, b.in_year(year), DateStyle::DayMonthYear),
            None => text::date(lang, b.in_year(2000), DateStyle::DayMonth),
        };
        let shown = match b.age_on(next) {
            Some(age) => t!(
                "show-birthday-turns",
                date = born,
                age = age,
                day = render::day(next, today)
            ),
            None => born,
        };
        details.plain(vec![tr!("show-birthday").into(), shown]);
    }
    if !c.tags.is_empty() {
        details.plain(vec![tr!("show-tags").into(), c.tags.join(", ")]);
    }
    if let Some(notes) = &c.notes {
        details.plain(vec![tr!("show-notes").into(), clean(notes)]);
    }
    out.push_str(&details.render_in("", width));
    if !hooks.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold(tr!("show-hooks"))));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Wrap(0)]);
        for h in &hooks {
            let mut text = clean(&h.text);
            let mut plain = text.clone();
            if let Some(u) = h.used_at {
                let used = t!(
                    "show-hook-used",
                    day = render::day(crate::clock::local_day(u), today)
                );
                text.push_str(&format!(" · {}", p.dim(&used)));
                plain.push_str(&format!(" · {used}"));
            }
            t.row(vec![
                (format!("#{}", h.id), format!("#{}", h.id)),
                (
                    text::hook_kind_name(lang, h.kind).into(),
                    text::hook_kind_name(lang, h.kind).into(),
                ),
                (text, plain),
            ]);
        }
        out.push_str(&t.render_in("  ", width));
    }
    if !open.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold(tr!("show-followups"))));
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
        out.push_str(&format!("\n{}\n", p.bold(tr!("show-touches"))));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Keep, Fit::Wrap(0)]);
        for touch in &touches {
            let local = crate::clock::local(touch.at);
            let channel = text::channel_name(lang, touch.channel);
            let mut what = match touch.outcome {
                crate::model::Outcome::Missed => t!("show-touch-missed", channel = channel),
                crate::model::Outcome::Done => channel.to_string(),
            };
            if !touch.captured.is_empty() {
                what.push_str(" · ");
                what.push_str(&crate::text::captured(&touch.captured, touch.channel));
            }
            // "with Ben Okafor · coffee at the harbour [+1]"
            let others: Vec<String> = touch
                .participants
                .iter()
                .filter_map(|p| names.get(p).map(|n| clean(n)))
                .collect();
            let mut parts = Vec::new();
            if !others.is_empty() {
                parts.push(t!("show-touch-with", names = others.join(", ")));
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
                    text::time(lang, local.time())
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
            .map(|(ch, n)| format!("{} {n}", text::channel_name(lang, *ch)))
            .collect();
        parts[0] = format!("{} {}", p.bold(tr!("show-mix")), parts[0]);
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
    let lang = i18n::current();
    let mut parts = Vec::new();
    match checkin {
        Some(ch) => {
            let mut every = String::new();
            super::today::push_every(&mut every, ch.cadence_days);
            parts.push(every);
            let when = match ch.days_overdue {
                d if d > 0 => p.red(&text::overdue(lang, d.unsigned_abs() as u32)),
                0 => p.yellow(tr!("show-due-today")),
                d => t!("show-due-in", count = -d),
            };
            parts.push(t!(
                "show-due",
                day = render::day(ch.due, today),
                when = when
            ));
            if ch.status == Status::Planned {
                parts.push(p.cyan(text::status_name(lang, Status::Planned)));
            }
        }
        None => parts.push(tr!("show-no-cadence").to_string()),
    }
    if let Some(snooze) = facts.contact.snoozed_until.filter(|s| *s > today) {
        parts.push(t!("show-snoozed", day = render::day(snooze, today)));
    }
    parts.push(crate::text::why(facts, today));
    if facts.contact.min_channel() != crate::model::Channel::DEFAULT_MIN {
        parts.push(t!(
            "show-counts-from",
            channel = text::channel_name(lang, facts.contact.min_channel())
        ));
    }
    parts
}
