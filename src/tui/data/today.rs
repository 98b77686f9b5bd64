//! The rows of the Today tab, built from a snapshot's agenda, Jour fixe
//! occurrences and follow-ups.

use unicode_width::UnicodeWidthStr;

use chrono::NaiveDate;

use super::{Snapshot, TodayRow, Urgency};
use crate::schedule::{AgendaEntry, PlanEntry, PlanKind};
use crate::text::{clean, day_short, sphere_short};

pub use crate::text::why;

fn contact_line(s: &Snapshot, e: &AgendaEntry, urgency: Urgency) -> TodayRow {
    let when = match e.days_overdue {
        d if d > 0 => format!("{d}d"),
        0 => "today".to_string(),
        d => format!("in {}d", -d),
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
    let days = (p.plan.date - today).num_days();
    let day = match days {
        0 => "today".to_string(),
        1..=6 => p.plan.date.format("%a").to_string(),
        _ => day_short(p.plan.date, today),
    };
    match p.plan.kind {
        PlanKind::JourFixe(_) => match p.time {
            Some(t) => format!("JF {day} {}", t.format("%H:%M")),
            None => format!("JF {day}"),
        },
        PlanKind::FollowUp(_) => match &p.note {
            Some(note) => format!("follow-up {day}: {}", clean(note)),
            None => format!("follow-up {day}"),
        },
    }
}

/// The Today rows, at most `limit` of them.
pub(super) fn today_rows(s: &Snapshot, limit: usize) -> Vec<TodayRow> {
    let a = &s.ov.agenda;
    let mut rows = Vec::new();
    let contact_sections = [
        ("OVERDUE", &a.overdue, Urgency::Overdue),
        ("DUE TODAY", &a.due, Urgency::Due),
        ("PLANNED", &a.planned, Urgency::Planned),
    ];
    for (title, entries, urgency) in contact_sections {
        let lines = entries.iter().map(|e| contact_line(s, e, urgency));
        push_section(&mut rows, limit, title, lines);
    }
    let jf = a.jourfixe.iter().map(|o| TodayRow::JourFixe {
        id: o.contact_id,
        date: match o.time {
            Some(t) => format!("{} {}", o.date.format("%a %d"), t.format("%H:%M")),
            None => o.date.format("%a %d").to_string(),
        },
        today: o.date == s.ov.today,
        name: clean(&o.name),
        channel: o.channel.as_str().to_string(),
        state: o.state,
        note: o.note.as_deref().map(clean),
    });
    push_section(&mut rows, limit, "JOUR FIXE", jf);
    let followups = a.followups.iter().map(|f| TodayRow::FollowUp {
        id: f.contact_id,
        date: f.due.format("%a %d").to_string(),
        overdue: f.overdue,
        name: clean(&f.name),
        note: clean(&f.note),
    });
    push_section(&mut rows, limit, "FOLLOW-UPS", followups);
    let birthdays = a.birthdays.iter().map(|b| TodayRow::Birthday {
        id: b.contact_id,
        date: b.date.format("%a %d").to_string(),
        who: match b.age {
            Some(age) => format!("{} ({age})", clean(&b.name)),
            None => clean(&b.name),
        },
    });
    push_section(&mut rows, limit, "BIRTHDAYS", birthdays);
    let soon = a.soon.iter().map(|e| contact_line(s, e, Urgency::Later));
    push_section(&mut rows, limit, "SOON", soon);
    if rows.is_empty() && s.ov.active > 0 {
        rows.push(TodayRow::Note(
            "Nobody is due — a good day to simply say hello.".into(),
        ));
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
