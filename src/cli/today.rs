//! `today`: the agenda as text or JSON.

use super::Ctx;
use super::render::{self, Table, clean};
use crate::app;
use crate::error::Result;
use crate::schedule::{AgendaEntry, ContactFacts};

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
            out.push_str(&super::jourfixe::agenda_section(&agenda.jourfixe, today, p));
        }
        if entries.is_empty() {
            continue;
        }
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold(title)));
        let mut t = Table::with_capacity(entries.len(), 6);
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
            let drifting = (e.written_streak >= 3).then_some(render::YELLOW);
            t.painted_with(p, drifting, |s| {
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
        out.push_str(&t.render("  "));
    }
    if !agenda.followups.is_empty() {
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold("FOLLOW-UPS")));
        let mut t = Table::default();
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
        out.push_str(&t.render("  "));
    }
    if !agenda.birthdays.is_empty() {
        empty = false;
        out.push_str(&format!("\n{}\n", p.bold("BIRTHDAYS")));
        let mut t = Table::default();
        for b in &agenda.birthdays {
            let who = match b.age {
                Some(age) => format!("{} ({age})", clean(&b.name)),
                None => clean(&b.name),
            };
            t.plain(vec![render::day(b.date, today), who]);
        }
        out.push_str(&t.render("  "));
    }
    if empty {
        out.push_str(if all.is_empty() {
            "\nNobody here yet. Add the people who matter:\n  draht add \"Anna Schmidt\" --sphere work --every 3w\n"
        } else {
            "\nNobody is due — a good day to simply say hello.\n"
        });
    }
    Ok(out)
}
