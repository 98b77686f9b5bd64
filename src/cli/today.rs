//! `today`: the agenda as text or JSON.

use chrono::NaiveDate;

use super::Ctx;
use super::render::{self, Fit, Table, clean};
use crate::app;
use crate::error::Result;
use crate::schedule::{AgendaEntry, ContactFacts, PlanEntry, PlanKind};

/// How the columns of a contact section give way on a narrow terminal:
/// the hook first, then the reason (a planned person's plan leads it, so
/// it is cut last); names last.
const CONTACT_FIT: [Fit; 6] = [
    Fit::Name,
    Fit::Keep,
    Fit::Keep,
    Fit::Keep,
    Fit::Cut(1),
    Fit::Cut(0),
];

/// "JF Tue 10:00", "follow-up Sat: send the offer": a plan as PLANNED
/// says it, its day by weekday within the week ahead.
pub(super) fn push_plan(out: &mut String, p: &PlanEntry, today: NaiveDate) {
    out.push_str(match p.plan.kind {
        PlanKind::JourFixe(_) => "JF ",
        PlanKind::FollowUp(_) => "follow-up ",
    });
    match (p.plan.date - today).num_days() {
        0 => out.push_str("today"),
        1..=6 => out.push_str(&p.plan.date.format("%a").to_string()),
        _ => render::push_day(out, p.plan.date, today),
    }
    if let Some(time) = p.time {
        out.push(' ');
        out.push_str(&time.format("%H:%M").to_string());
    }
    if let (PlanKind::FollowUp(_), Some(note)) = (p.plan.kind, &p.note) {
        out.push_str(": ");
        render::push_clean(out, note);
    }
}

/// "12d over", "today" or "in 3d".
fn push_when(out: &mut String, days_overdue: i64) {
    match days_overdue {
        0 => out.push_str("today"),
        d if d > 0 => {
            render::push_num(out, d.unsigned_abs());
            out.push_str("d over");
        }
        d => {
            out.push_str("in ");
            render::push_num(out, d.unsigned_abs());
            out.push('d');
        }
    }
}

pub fn today(ctx: &mut Ctx, days: Option<u32>) -> Result<String> {
    let mut settings = ctx.config.settings.clone();
    if let Some(days) = days {
        settings.horizon_days = days;
    }
    let today = ctx.today();
    let app::agenda::Day { agenda, facts: all } =
        app::agenda::day(&mut ctx.store, today, &settings)?;
    if ctx.json {
        return ctx.to_json(&agenda);
    }
    let today = agenda.date;
    let p = ctx.paint;
    let by_id: foldhash::HashMap<i64, &ContactFacts> =
        all.iter().map(|f| (f.contact.id, f)).collect();
    let facts_of = |id: i64| by_id.get(&id).copied();
    let mut out = format!(
        "{} · {}\n",
        p.bold(&today.format("%A %-d %B %Y").to_string()),
        "Wie läuft's?"
    );
    let sections: [(&str, &Vec<AgendaEntry>); 4] = [
        ("OVERDUE", &agenda.overdue),
        ("DUE TODAY", &agenda.due),
        ("PLANNED", &agenda.planned),
        ("SOON", &agenda.soon),
    ];
    let mut empty = true;
    for (title, entries) in sections {
        if title == "PLANNED" && !agenda.jourfixe.is_empty() {
            empty = false;
            out.push_str(&super::jourfixe::agenda_section(
                &agenda.jourfixe,
                today,
                p,
                ctx.width,
            ));
        }
        if entries.is_empty() {
            continue;
        }
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold(title)));
        let mut t = Table::with_capacity(entries.len(), 6);
        t.fit(&CONTACT_FIT);
        for e in entries {
            t.cell_with(|s| render::push_clean(s, &e.name));
            t.cell(e.sphere.as_str());
            let when = match e.days_overdue {
                d if d > 0 => Some(render::RED),
                0 => Some(render::YELLOW),
                _ => None,
            };
            t.painted_with(p, when, |s| push_when(s, e.days_overdue));
            t.cell_with(|s| {
                s.push_str("every ");
                render::push_cadence(s, e.cadence_days);
            });
            // why they are here: the plan first, for a planned person
            let drifting = (e.written_streak >= 3).then_some(render::YELLOW);
            t.painted_with(p, drifting, |s| {
                if let Some(plan) = &e.plan {
                    push_plan(s, plan, today);
                    s.push_str(" · ");
                }
                if let Some(f) = facts_of(e.contact_id) {
                    crate::text::push_why(s, f, today);
                }
            });
            t.painted_with(p, Some(render::CYAN), |s| {
                if let Some(hook) = &e.hook {
                    s.push_str("◆ ");
                    render::push_clean(s, hook);
                }
            });
            t.end_row();
        }
        out.push_str(&t.render_in("  ", ctx.width));
    }
    if !agenda.followups.is_empty() {
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold("FOLLOW-UPS")));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Keep, Fit::Name, Fit::Cut(0)]);
        for f in &agenda.followups {
            let date = render::day(f.due, today);
            let styled = if f.overdue {
                p.red(&date)
            } else {
                date.clone()
            };
            t.row(vec![
                (format!("#{}", f.id), format!("#{}", f.id)),
                (styled, date),
                (clean(&f.name), clean(&f.name)),
                (clean(&f.note), clean(&f.note)),
            ]);
        }
        out.push_str(&t.render_in("  ", ctx.width));
    }
    if !agenda.birthdays.is_empty() {
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold("BIRTHDAYS")));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Name]);
        for b in &agenda.birthdays {
            let who = match b.age {
                Some(age) => format!("{} ({age})", clean(&b.name)),
                None => clean(&b.name),
            };
            t.plain(vec![render::day(b.date, today), who]);
        }
        out.push_str(&t.render_in("  ", ctx.width));
    }
    if empty {
        // the agenda read only the people it concerns: ask how many there are
        let (active, _) = app::contacts::count(&mut ctx.store)?;
        out.push_str(if active == 0 {
            "\nNobody here yet. Add the people who matter:\n  draht add \"Anna Schmidt\" --sphere work --every 3w\n"
        } else {
            "\nNobody is due — a good day to simply say hello.\n"
        });
    }
    Ok(out)
}
