//! `show`: the pre-call brief — details, check-in, hooks, open follow-ups,
//! Jour fixe, recent touches and the channel mix.

use serde::Serialize;

use super::Ctx;
use super::render::{self, Table, clean};
use crate::error::Result;
use crate::model::{Contact, FollowUp, Handle, Hook, Touch};
use crate::schedule::{self, Checkin, ContactFacts, Status, TouchRef};
use crate::store::{contacts, facts, followups, hooks, touches};

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
    jourfixe: Vec<super::jourfixe::Listed>,
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
    let (facts, hooks, followups, touches, mix, names, jf) = ctx.store.read(|tx| {
        let id = contacts::find_id(tx, query, true)?;
        let jf = super::jourfixe::load_for_contact(
            tx,
            id,
            today,
            settings.week_start,
            settings.horizon_days,
        )?;
        let contact = contacts::get(tx, id)?;
        let facts = facts::for_contact(tx, contact)?;
        let hooks = hooks::for_contact(tx, id)?;
        let followups = followups::open_for_contact(tx, id)?;
        let touches = touches::for_contact(tx, id, Some(limit))?;
        let mix = touches::channel_mix(tx, id)?;
        // names of the other participants of the listed touches
        let mut names = std::collections::HashMap::new();
        for t in &touches {
            for p in &t.participants {
                if *p != id && !names.contains_key(p) {
                    names.insert(*p, contacts::get(tx, *p)?.name);
                }
            }
        }
        Ok((facts, hooks, followups, touches, mix, names, jf))
    })?;
    let open: Vec<FollowUp> = followups
        .into_iter()
        .filter(|f| schedule::followup_is_open(f, &facts))
        .collect();
    let plans = super::jourfixe::plans(&jf, today);
    let checkin = schedule::checkins(
        std::slice::from_ref(&facts),
        &open,
        &plans,
        today,
        &settings,
    )
    .pop()
    .flatten();
    if ctx.json {
        return ctx.to_json(&Brief {
            last_touch: facts.last_touch,
            last_personal: facts.last_personal,
            written_streak: facts.written_streak,
            contact: facts.contact,
            checkin,
            hooks,
            followups: open,
            jourfixe: jf
                .iter()
                .map(|t| super::jourfixe::listed(t, today))
                .collect(),
            touches,
            channel_mix: mix
                .into_iter()
                .map(|(channel, count)| MixEntry { channel, count })
                .collect(),
        });
    }
    let p = ctx.paint;
    let c = &facts.contact;
    let mut out = String::new();
    let mut title = p.bold(&clean(&c.name));
    if let Some(nick) = &c.nickname {
        title.push_str(&format!(" ({})", clean(nick)));
    }
    title.push_str(&format!(" · {}", c.sphere.as_str()));
    let job: Vec<String> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect();
    if !job.is_empty() {
        title.push_str(&format!(" · {}", job.join(", ")));
    }
    if c.archived {
        title.push_str(&format!(" · {}", p.dim("archived")));
    }
    out.push_str(&title);
    out.push('\n');
    out.push_str(&checkin_line(ctx, &facts, checkin.as_ref()));
    out.push('\n');
    let mut details = Table::default();
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
    out.push_str(&details.render(""));
    if !hooks.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("hooks")));
        let mut t = Table::default();
        for h in &hooks {
            let used = h
                .used_at
                .map(|u| format!("used {}", render::day(crate::clock::local_day(u), today)))
                .unwrap_or_default();
            t.row(vec![
                (format!("#{}", h.id), format!("#{}", h.id)),
                (h.kind.as_str().into(), h.kind.as_str().into()),
                (clean(&h.text), clean(&h.text)),
                (p.dim(&used), used),
            ]);
        }
        out.push_str(&t.render("  "));
    }
    if !open.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("follow-ups")));
        let mut t = Table::default();
        for f in &open {
            t.plain(vec![
                format!("#{}", f.id),
                render::day(f.due, today),
                clean(&f.note),
            ]);
        }
        out.push_str(&t.render("  "));
    }
    out.push_str(&super::jourfixe::brief_section(&jf, today, p));
    if !touches.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("touches")));
        let mut t = Table::default();
        for touch in &touches {
            let local = crate::clock::local(touch.at);
            let mut what = touch.channel.as_str().to_string();
            if touch.outcome == crate::model::Outcome::Missed {
                what.push_str(" (missed)");
            }
            if !touch.captured.is_empty() {
                what.push_str(" · ");
                what.push_str(&crate::text::captured(&touch.captured, touch.channel));
            }
            let mut note = touch.note.as_deref().map(clean).unwrap_or_default();
            let others: Vec<&str> = touch
                .participants
                .iter()
                .filter_map(|p| names.get(p).map(String::as_str))
                .collect();
            if !others.is_empty() {
                note = format!("with {} {note}", others.join(", "));
            }
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
        out.push_str(&t.render("  "));
    }
    if !mix.is_empty() {
        let parts: Vec<String> = mix
            .iter()
            .map(|(ch, n)| format!("{} {n}", ch.as_str()))
            .collect();
        out.push_str(&format!("\n{} {}\n", p.bold("mix"), parts.join(" · ")));
    }
    Ok(out)
}

fn handle_text(h: &Handle) -> String {
    match &h.label {
        Some(label) => format!("{} ({label})", clean(&h.value)),
        None => clean(&h.value),
    }
}

/// "every 2w · due Tue 24 Nov (5d overdue) · call 21d ago · 3 written since"
fn checkin_line(ctx: &Ctx, facts: &ContactFacts, checkin: Option<&Checkin>) -> String {
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
    parts.push(why_text(facts, today));
    if facts.contact.min_channel() != crate::model::Channel::DEFAULT_MIN {
        parts.push(format!(
            "counts from {}",
            facts.contact.min_channel().as_str()
        ));
    }
    parts.join(" · ")
}

/// Why a contact is where it is: "call 21d ago · 5 written since".
pub fn why_text(facts: &ContactFacts, today: chrono::NaiveDate) -> String {
    let mut text = String::new();
    push_why(&mut text, facts, today);
    text
}

/// Appends [`why_text`] to `out`.
pub fn push_why(out: &mut String, facts: &ContactFacts, today: chrono::NaiveDate) {
    match &facts.last_personal {
        Some(t) => {
            out.push_str(t.channel.as_str());
            out.push(' ');
            render::push_age(out, (today - t.on).num_days());
            out.push_str(" ago");
        }
        None => out.push_str("no personal touch yet"),
    }
    if facts.written_streak > 0 {
        out.push_str(" · ");
        render::push_num(out, u64::from(facts.written_streak));
        out.push_str(" written since");
    }
    if let Some(missed) = facts.last_missed {
        out.push_str(" · missed ");
        render::push_day(out, missed, today);
    }
}
