//! `today`: the agenda as text or JSON.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Ctx;
use super::render::{self, Table, clean};
use super::show::push_why;
use crate::error::Result;
use crate::jourfixe::{Tz, agenda as jf_agenda};
use crate::schedule::{self, Agenda, AgendaEntry, ContactFacts, Relevance, Settings};
use crate::store::contacts::Detail;
use crate::store::{facts, followups, jourfixe};

/// Loads everything the agenda needs in one read transaction and computes it.
pub fn load_agenda(ctx: &mut Ctx, settings: &Settings) -> Result<(Agenda, Vec<ContactFacts>)> {
    let today = ctx.today();
    ctx.store.read(|tx| agenda_only(tx, today, settings))
}

/// The agenda for `today` and the facts of the contacts on it (not of
/// everyone): only those are read in full, and without their tags, e-mails,
/// phones or notes, which the agenda does not show.
pub fn agenda_only(
    conn: &Connection,
    today: NaiveDate,
    settings: &Settings,
) -> Result<(Agenda, Vec<ContactFacts>)> {
    agenda_reading(conn, today, settings, |relevance| {
        facts::load_where(conn, |f| relevance.keeps(f))
    })
}

/// The agenda for `today` (with its Jour fixe list) and the facts of every
/// active contact, read inside the caller's transaction.
pub fn agenda_in(
    conn: &Connection,
    today: NaiveDate,
    settings: &Settings,
) -> Result<(Agenda, Vec<ContactFacts>)> {
    agenda_reading(conn, today, settings, |_| {
        facts::load(conn, false, Detail::Full)
    })
}

/// The agenda over the facts `read` returns, which must hold at least the
/// contacts the [`Relevance`] keeps.
fn agenda_reading(
    conn: &Connection,
    today: NaiveDate,
    settings: &Settings,
    read: impl FnOnce(&Relevance) -> Result<Vec<ContactFacts>>,
) -> Result<(Agenda, Vec<ContactFacts>)> {
    let open = followups::open(conn)?;
    let tracked = jourfixe::tracked(
        conn,
        today,
        settings.week_start,
        settings.horizon_days,
        Tz::LOCAL,
    )?;
    let plans = jf_agenda::plans(&tracked, today);
    let facts = read(&Relevance::new(&open, &plans, today, settings))?;
    let mut agenda = schedule::agenda(&facts, &open, &plans, today, settings);
    agenda.jourfixe =
        jf_agenda::agenda_list(&tracked, today, settings.week_start, settings.horizon_days);
    Ok((agenda, facts))
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
    let (agenda, all) = load_agenda(ctx, &settings)?;
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
                    push_why(s, f, today);
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

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::store::Store;

    /// The agenda read from the contacts it can concern equals the agenda
    /// over everyone, on every day of two months of the demo's life.
    #[test]
    fn reading_only_relevant_contacts_gives_the_whole_agenda() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::seed(&mut store, now).unwrap();
        // People without a cadence come onto the agenda only by a birthday
        // or a follow-up.
        store
            .write(|tx| {
                let mut opa = crate::model::Contact::new("Opa Heinz", now);
                opa.birthday = crate::model::Birthday::new(Some(1941), 6, 12);
                crate::store::contacts::insert(tx, &opa, now)?;
                let notar = crate::store::contacts::insert(
                    tx,
                    &crate::model::Contact::new("Notarin Berg", now),
                    now,
                )?;
                let due = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
                crate::store::followups::insert(tx, notar, due, "sign the lease", now)?;
                Ok(())
            })
            .unwrap();
        let settings = Settings::default();
        let first = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
        let mut compared = 0;
        for offset in 0..60 {
            let today = first + Days::new(offset);
            let (lean, facts) = store.read(|tx| agenda_only(tx, today, &settings)).unwrap();
            let (full, all) = store.read(|tx| agenda_in(tx, today, &settings)).unwrap();
            assert_eq!(lean, full, "{today}");
            assert!(facts.len() < all.len(), "{today}: read everyone");
            compared += lean.overdue.len() + lean.soon.len() + lean.planned.len();
            compared += lean.birthdays.len() + lean.followups.len();
        }
        assert!(compared > 60, "the demo has people on the agenda");
    }
}
