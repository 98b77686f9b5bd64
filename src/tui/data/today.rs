//! The rows of the Today tab, built from a snapshot's agenda, Jour fixe
//! occurrences and follow-ups.

use unicode_width::UnicodeWidthStr;

use chrono::NaiveDate;

use super::{Snapshot, TodayRow, Urgency};
use crate::i18n;
use crate::schedule::{AgendaEntry, PlanEntry, PlanKind};
use crate::text::{self, DateStyle, clean, day_short, sphere_short};
use crate::{t, tr};

pub use crate::text::why;

fn contact_line(s: &Snapshot, e: &AgendaEntry, urgency: Urgency) -> TodayRow {
    let lang = i18n::current();
    let when = match e.days_overdue {
        d if d > 0 => i18n::counted(lang, "tui-when-over", d).to_owned(),
        0 => tr!(lang; "when-today").to_owned(),
        d => i18n::counted(lang, "tui-when-ahead", -d).to_owned(),
    };
    let (why_text, drifting) = match s.facts_of(e.contact_id) {
        Some(f) => (why(f, s.ov.today), f.written_streak >= 3),
        None => (String::new(), false),
    };
    TodayRow::Contact {
        id: e.contact_id,
        name: clean(&e.name),
        sphere: sphere_short(e.sphere),
        why: why_text,
        drifting,
        when,
        urgency,
        hook: e.hook.as_deref().map(clean),
        plan: e.plan.as_ref().map(|p| plan_text(p, s.ov.today)),
    }
}

/// "JF Tue 10:00", "follow-up Sat: send the offer": the plan in a few
/// words, its day by weekday within the coming week.
pub fn plan_text(p: &PlanEntry, today: NaiveDate) -> String {
    let lang = i18n::current();
    let days = (p.plan.date - today).num_days();
    let mut when = match days {
        0 => tr!(lang; "plan-today").to_owned(),
        1..=6 => text::weekday(lang, p.plan.date).to_owned(),
        _ => day_short(p.plan.date, today),
    };
    match p.plan.kind {
        PlanKind::JourFixe(_) => {
            if let Some(t) = p.time {
                when.push(' ');
                when.push_str(&text::time(lang, t));
            }
            t!(lang; "plan-jourfixe", when = when)
        }
        PlanKind::FollowUp(_) => match &p.note {
            Some(note) => t!(lang; "plan-followup-note", when = when, note = clean(note)),
            None => t!(lang; "plan-followup", when = when),
        },
    }
}

/// The Today rows, at most `limit` of them.
pub(super) fn today_rows(s: &Snapshot, limit: usize) -> Vec<TodayRow> {
    let a = &s.ov.agenda;
    let mut rows = Vec::new();
    let contact_sections = [
        (tr!("heading-overdue"), &a.overdue, Urgency::Overdue),
        (tr!("heading-due"), &a.due, Urgency::Due),
        (tr!("heading-planned"), &a.planned, Urgency::Planned),
    ];
    for (title, entries, urgency) in contact_sections {
        let lines = entries.iter().map(|e| contact_line(s, e, urgency));
        push_section(&mut rows, limit, title, lines);
    }
    let lang = i18n::current();
    let short_day = |d| text::date(lang, d, DateStyle::WeekdayDay);
    let jf = a.jourfixe.iter().map(|o| TodayRow::JourFixe {
        id: o.contact_id,
        date: match o.time {
            Some(t) => format!("{} {}", short_day(o.date), text::time(lang, t)),
            None => short_day(o.date),
        },
        today: o.date == s.ov.today,
        name: clean(&o.name),
        channel: text::channel_name(lang, o.channel).to_string(),
        state: o.state,
        note: o.note.as_deref().map(clean),
    });
    push_section(&mut rows, limit, tr!("heading-jourfixe"), jf);
    let followups = a.followups.iter().map(|f| TodayRow::FollowUp {
        id: f.contact_id,
        date: short_day(f.due),
        overdue: f.overdue,
        name: clean(&f.name),
        note: clean(&f.note),
    });
    push_section(&mut rows, limit, tr!("heading-followups"), followups);
    let birthdays = a.birthdays.iter().map(|b| TodayRow::Birthday {
        id: b.contact_id,
        date: short_day(b.date),
        who: match b.age {
            Some(age) => t!(lang; "birthday-turns", name = clean(&b.name), age = age),
            None => clean(&b.name),
        },
    });
    push_section(&mut rows, limit, tr!("heading-birthdays"), birthdays);
    let soon = a.soon.iter().map(|e| contact_line(s, e, Urgency::Later));
    push_section(&mut rows, limit, tr!("heading-soon"), soon);
    if rows.is_empty() && s.ov.active > 0 {
        rows.push(TodayRow::Note(tr!("today-nobody-due").into()));
    }
    rows
}

/// Appends a section, its title and its rows, unless it is empty; no row
/// beyond the first `limit`.
fn push_section(
    rows: &mut Vec<TodayRow>,
    limit: usize,
    title: &'static str,
    lines: impl ExactSizeIterator<Item = TodayRow>,
) {
    if lines.len() == 0 || rows.len() >= limit {
        return;
    }
    rows.push(TodayRow::Section(title));
    let room = limit - rows.len();
    rows.extend(lines.take(room));
}

/// Width of the name column on Today: its widest name (people due, Jour
/// fixe and follow-ups), 8 to 18 cells. Computed from the agenda, so that
/// a first frame with only its first rows has the same columns.
pub(super) fn today_name_width(s: &Snapshot) -> usize {
    let a = &s.ov.agenda;
    let names = [&a.overdue, &a.due, &a.planned, &a.soon]
        .into_iter()
        .flatten()
        .map(|e| e.name.as_str())
        .chain(a.jourfixe.iter().map(|o| o.name.as_str()))
        .chain(a.followups.iter().map(|f| f.name.as_str()));
    let mut widest = 0;
    for name in names {
        widest = widest.max(clean(name).width());
        if widest >= TODAY_NAME_WIDTH.1 {
            break;
        }
    }
    widest.clamp(TODAY_NAME_WIDTH.0, TODAY_NAME_WIDTH.1)
}

/// The narrowest and widest name column on Today.
const TODAY_NAME_WIDTH: (usize, usize) = (8, 18);

/// The Today rows of a first frame: more than any terminal shows. The
/// whole snapshot, with every row, replaces it before the first key.
pub(super) const FIRST_FRAME_ROWS: usize = 500;
