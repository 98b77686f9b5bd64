//! `today`: the agenda as text or JSON.

use chrono::NaiveDate;

use super::Ctx;
use super::render::{self, Fit, Table, clean};
use crate::app;
use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::schedule::{AgendaEntry, ContactFacts, PlanEntry, PlanKind, Status};
use crate::text::{self, DateStyle};
use crate::{t, tr};

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
    let lang = i18n::current();
    let mut when = match (p.plan.date - today).num_days() {
        0 => tr!("plan-today").to_owned(),
        1..=6 => text::weekday(lang, p.plan.date).to_owned(),
        _ => render::day(p.plan.date, today),
    };
    if let Some(time) = p.time {
        when.push(' ');
        when.push_str(&text::time(lang, time));
    }
    out.push_str(&match (p.plan.kind, &p.note) {
        (PlanKind::JourFixe(_), _) => t!("plan-jourfixe", when = when),
        (PlanKind::FollowUp(_), Some(note)) => {
            t!("plan-followup-note", when = when, note = clean(note))
        }
        (PlanKind::FollowUp(_), None) => t!("plan-followup", when = when),
    });
}

/// "12d over", "today" or "in 3d".
fn push_when(out: &mut String, days_overdue: i64) {
    let lang = i18n::current();
    match days_overdue {
        0 => out.push_str(tr!("when-today")),
        d if lang != Lang::En => out.push_str(match d > 0 {
            true => i18n::counted(lang, "when-over", d),
            false => i18n::counted(lang, "when-ahead", -d),
        }),
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

/// "every 2w" — "alle 2 Wo.", kept per cadence.
pub(super) fn push_every(out: &mut String, days: u32) {
    match i18n::current() {
        Lang::En => {
            out.push_str("every ");
            render::push_cadence(out, days);
        }
        lang => out.push_str(i18n::kept_by(lang, "every", i64::from(days), || {
            text::every_in(lang, days)
        })),
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
    let lang = i18n::current();
    let mut out = t!(
        "today-title",
        date = p.bold(&text::date(lang, today, DateStyle::Long))
    );
    out.push('\n');
    let sections: [(Status, &Vec<AgendaEntry>); 4] = [
        (Status::Overdue, &agenda.overdue),
        (Status::Due, &agenda.due),
        (Status::Planned, &agenda.planned),
        (Status::Soon, &agenda.soon),
    ];
    let mut empty = true;
    for (status, entries) in sections {
        if status == Status::Planned && !agenda.jourfixe.is_empty() {
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
        let title = text::status_heading(lang, status).unwrap_or_default();
        out.push_str(&format!("\n{}\n", p.bold(title)));
        let mut t = Table::with_capacity(entries.len(), 6);
        t.fit(&CONTACT_FIT);
        for e in entries {
            t.cell_with(|s| render::push_clean(s, &e.name));
            t.cell(text::sphere_name(lang, e.sphere));
            let when = match e.days_overdue {
                d if d > 0 => Some(render::RED),
                0 => Some(render::YELLOW),
                _ => None,
            };
            t.painted_with(p, when, |s| push_when(s, e.days_overdue));
            t.cell_with(|s| push_every(s, e.cadence_days));
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
        out.push_str(&format!("\n{}\n", p.bold(tr!("heading-followups"))));
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
        out.push_str(&format!("\n{}\n", p.bold(tr!("heading-birthdays"))));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Name]);
        for b in &agenda.birthdays {
            let who = match b.age {
                Some(age) => t!("birthday-turns", name = clean(&b.name), age = age),
                None => clean(&b.name),
            };
            t.plain(vec![render::day(b.date, today), who]);
        }
        out.push_str(&t.render_in("  ", ctx.width));
    }
    if empty {
        // the agenda read only the people it concerns: ask how many there are
        let (active, _) = app::contacts::count(&mut ctx.store)?;
        out.push('\n');
        if active == 0 {
            out.push_str(tr!("today-nobody-yet"));
            out.push_str("\n  draht add \"Anna Schmidt\" --sphere work --every 3w\n");
        } else {
            out.push_str(tr!("today-nobody-due"));
            out.push('\n');
        }
    }
    Ok(out)
}
