//! Assembling the agenda of one day from the facts of every contact, the
//! follow-ups and other plans: who is overdue, due, planned or coming up,
//! which follow-ups are near and whose birthday falls within the horizon.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::rules::{add_days, checkin, followup_is_open};
use super::{
    Agenda, AgendaEntry, BirthdayEntry, Checkin, ContactFacts, FollowUpEntry, Plan, PlanEntry,
    PlanKind, Settings, Status,
};
use crate::model::{FollowUp, Id};

/// Builds the agenda for `today`.
///
/// Archived contacts never appear, nor do their follow-ups or birthdays.
/// Contacts without a cadence never appear in overdue/due/planned/soon, but
/// their birthdays do. Open follow-ups dated up to `today + horizon` are
/// listed (flagged overdue when before today), sorted by date then name;
/// every open follow-up also acts as a plan for `planned`, as do
/// `extra_plans` (e.g. Jour fixe occurrences).
///
/// Overdue contacts are ordered by relative lateness `(today - due) /
/// cadence` descending, then days overdue descending, then name
/// (case-insensitive); due, planned and soon by due date then name;
/// birthdays by date then name.
pub fn agenda(
    facts: &[ContactFacts],
    followups: &[FollowUp],
    extra_plans: &[Plan],
    today: NaiveDate,
    settings: &Settings,
) -> Agenda {
    let horizon_end = add_days(today, settings.horizon_days);
    let by_id = active_by_id(facts);
    let plans = all_plans(&by_id, followups, extra_plans);

    let plans = plans_by_contact(plans);

    let mut agenda = Agenda {
        date: today,
        ..Agenda::default()
    };
    for f in facts {
        let Some(c) = checkin(f, plans_of(&plans, f), today, settings) else {
            continue;
        };
        let bucket = match c.status {
            Status::Overdue => &mut agenda.overdue,
            Status::Due => &mut agenda.due,
            Status::Planned => &mut agenda.planned,
            Status::Soon => &mut agenda.soon,
            Status::Ok => continue,
        };
        bucket.push(entry(f, c));
    }
    if !agenda.planned.is_empty() {
        let notes: HashMap<Id, &str> = followups.iter().map(|f| (f.id, f.note.as_str())).collect();
        for e in &mut agenda.planned {
            if let Some(p) = e.plan.as_mut()
                && let PlanKind::FollowUp(id) = p.plan.kind
            {
                p.note = notes.get(&id).map(|n| n.to_string());
            }
        }
    }
    sort_named(&mut agenda.overdue, |e| &e.name, overdue_cmp);
    for bucket in [&mut agenda.due, &mut agenda.planned, &mut agenda.soon] {
        sort_named(
            bucket,
            |e| &e.name,
            |a, b| a.1.due.cmp(&b.1.due).then_with(|| name_cmp(a, b)),
        );
    }

    agenda.followups = followups
        .iter()
        .filter(|fu| fu.due <= horizon_end)
        .filter_map(|fu| {
            let f = by_id.get(&fu.contact_id)?;
            followup_is_open(fu, f).then(|| FollowUpEntry {
                id: fu.id,
                contact_id: fu.contact_id,
                name: f.contact.name.clone(),
                due: fu.due,
                note: fu.note.clone(),
                overdue: fu.due < today,
            })
        })
        .collect();
    sort_named(
        &mut agenda.followups,
        |e| &e.name,
        |a, b| {
            a.1.due
                .cmp(&b.1.due)
                .then_with(|| name_cmp(a, b))
                .then(a.1.id.cmp(&b.1.id))
        },
    );

    agenda.birthdays = facts
        .iter()
        .filter(|f| !f.contact.archived)
        .filter_map(|f| birthday_entry(f, today, horizon_end))
        .collect();
    sort_named(
        &mut agenda.birthdays,
        |e| &e.name,
        |a, b| {
            a.1.date
                .cmp(&b.1.date)
                .then_with(|| name_cmp(a, b))
                .then(a.1.contact_id.cmp(&b.1.contact_id))
        },
    );
    agenda
}

/// A day of the year as (month, day).
pub type MonthDay = (u32, u32);

/// Which contacts can appear on the agenda of one day, decided from the
/// check-in facts alone (cadence, snooze, birthday, last personal touch,
/// last missed attempt): a contact with an open follow-up, with a birthday
/// within the horizon, or whose check-in is not `ok` given `extra_plans`.
/// The store reads only these contacts in full; [`agenda`] over them gives
/// the same agenda as over everyone.
pub struct Relevance {
    plans: HashMap<Id, Vec<Plan>>,
    with_followups: HashSet<Id>,
    today: NaiveDate,
    horizon_end: NaiveDate,
    settings: Settings,
}

impl Relevance {
    pub fn new(
        followups: &[FollowUp],
        extra_plans: &[Plan],
        today: NaiveDate,
        settings: &Settings,
    ) -> Relevance {
        Relevance {
            plans: plans_by_contact(extra_plans.to_vec()),
            with_followups: followups.iter().map(|f| f.contact_id).collect(),
            today,
            horizon_end: add_days(today, settings.horizon_days),
            settings: settings.clone(),
        }
    }

    /// The birthdays [`Relevance::keeps`] can keep, as inclusive ranges of
    /// (month, day), each within one calendar year: a superset, for a store
    /// that reads only these birthdays (with every contact that has a
    /// cadence or an open follow-up). The horizon is widened by a day on
    /// each side, so that Feb 29 (celebrated on Feb 28 in common years) and
    /// any rounding at the year's turn stay inside; a horizon of a year or
    /// more is the whole year.
    pub fn birthday_days(&self) -> Vec<(MonthDay, MonthDay)> {
        let from = self.today.pred_opt().unwrap_or(self.today);
        let to = self.horizon_end.succ_opt().unwrap_or(self.horizon_end);
        let md = |d: NaiveDate| (d.month(), d.day());
        if (to - from).num_days() >= 365 {
            vec![((1, 1), (12, 31))]
        } else if md(from) <= md(to) {
            vec![(md(from), md(to))]
        } else {
            vec![(md(from), (12, 31)), ((1, 1), md(to))]
        }
    }

    /// Whether `f` can appear anywhere on the agenda (archived contacts
    /// never do). Only a contact with a cadence, a birthday or an open
    /// follow-up can: `store::facts::load_where` asks about no one else.
    pub fn keeps(&self, f: &ContactFacts) -> bool {
        if f.contact.archived {
            return false;
        }
        // An open follow-up is a plan (if still open) and maybe an entry.
        self.with_followups.contains(&f.contact.id)
            || birthday_entry(f, self.today, self.horizon_end).is_some()
            || checkin(f, plans_of(&self.plans, f), self.today, &self.settings)
                .is_some_and(|c| c.status != Status::Ok)
    }
}

/// The status of every contact (for `list`): one entry per `facts` entry, in
/// input order; `None` for contacts without a cadence and archived ones.
/// Uses the same plans as [`agenda`], so both always agree.
pub fn checkins(
    facts: &[ContactFacts],
    followups: &[FollowUp],
    extra_plans: &[Plan],
    today: NaiveDate,
    settings: &Settings,
) -> Vec<Option<Checkin>> {
    let by_id = active_by_id(facts);
    let plans = plans_by_contact(all_plans(&by_id, followups, extra_plans));
    facts
        .iter()
        .map(|f| checkin(f, plans_of(&plans, f), today, settings))
        .collect()
}

/// Plans grouped by contact, so that each check-in looks only at its own
/// (instead of every plan for every contact).
fn plans_by_contact(plans: Vec<Plan>) -> HashMap<Id, Vec<Plan>> {
    let mut by_contact: HashMap<Id, Vec<Plan>> = HashMap::new();
    for plan in plans {
        by_contact.entry(plan.contact_id).or_default().push(plan);
    }
    by_contact
}

fn plans_of<'a>(plans: &'a HashMap<Id, Vec<Plan>>, f: &ContactFacts) -> &'a [Plan] {
    plans.get(&f.contact.id).map_or(&[], Vec::as_slice)
}

/// Non-archived contacts by id.
fn active_by_id(facts: &[ContactFacts]) -> HashMap<Id, &ContactFacts> {
    facts
        .iter()
        .filter(|f| !f.contact.archived)
        .map(|f| (f.contact.id, f))
        .collect()
}

/// `extra_plans` plus one plan per open follow-up of a known contact.
fn all_plans(
    by_id: &HashMap<Id, &ContactFacts>,
    followups: &[FollowUp],
    extra_plans: &[Plan],
) -> Vec<Plan> {
    let open = followups.iter().filter_map(|fu| {
        let f = by_id.get(&fu.contact_id)?;
        followup_is_open(fu, f).then_some(Plan {
            contact_id: fu.contact_id,
            date: fu.due,
            kind: PlanKind::FollowUp(fu.id),
        })
    });
    extra_plans.iter().copied().chain(open).collect()
}

fn entry(f: &ContactFacts, c: Checkin) -> AgendaEntry {
    AgendaEntry {
        contact_id: f.contact.id,
        name: f.contact.name.clone(),
        sphere: f.contact.sphere,
        status: c.status,
        due: c.due,
        days_overdue: c.days_overdue,
        cadence_days: c.cadence_days,
        last_touch: f.last_touch,
        last_personal: f.last_personal,
        written_streak: f.written_streak,
        hook: f.freshest_hook.as_ref().map(|h| h.text.clone()),
        plan: c.plan.map(|plan| PlanEntry {
            plan,
            time: None,
            note: None,
        }),
    }
}

/// Relative lateness descending, compared exactly as rationals
/// (`a.days / a.cadence` vs `b.days / b.cadence` by cross-multiplying in
/// i128); a zero cadence counts as one day. Then days overdue descending,
/// then name.
fn overdue_cmp(x: Named<AgendaEntry>, y: Named<AgendaEntry>) -> Ordering {
    let (a, b) = (x.1, y.1);
    let ca = i128::from(a.cadence_days.max(1));
    let cb = i128::from(b.cadence_days.max(1));
    let la = i128::from(a.days_overdue) * cb;
    let lb = i128::from(b.days_overdue) * ca;
    lb.cmp(&la)
        .then(b.days_overdue.cmp(&a.days_overdue))
        .then_with(|| name_cmp(x, y))
        .then(a.contact_id.cmp(&b.contact_id))
}

/// An item with its name lowercased, as [`sort_named`] hands it to a comparison.
type Named<'a, T> = (&'a str, &'a T);

/// Sorts `items` by `cmp`, which gets each item with its name lowercased
/// once per item rather than once per comparison.
fn sort_named<T>(
    items: &mut Vec<T>,
    name: impl Fn(&T) -> &str,
    cmp: impl Fn(Named<T>, Named<T>) -> Ordering,
) {
    let mut keyed: Vec<(String, T)> = items
        .drain(..)
        .map(|t| (name(&t).to_lowercase(), t))
        .collect();
    keyed.sort_by(|a, b| cmp((&a.0, &a.1), (&b.0, &b.1)));
    items.extend(keyed.into_iter().map(|(_, t)| t));
}

/// Names case-insensitively, the exact spelling only as a tie-breaker.
fn name_cmp<T: HasName>(a: Named<T>, b: Named<T>) -> Ordering {
    a.0.cmp(b.0).then_with(|| a.1.name().cmp(b.1.name()))
}

/// The entries of the agenda that carry a contact's name.
trait HasName {
    fn name(&self) -> &str;
}

impl HasName for AgendaEntry {
    fn name(&self) -> &str {
        &self.name
    }
}

impl HasName for FollowUpEntry {
    fn name(&self) -> &str {
        &self.name
    }
}

impl HasName for BirthdayEntry {
    fn name(&self) -> &str {
        &self.name
    }
}

/// The contact's next birthday if it falls within `[today, horizon_end]`.
/// A malformed stored birthday is skipped rather than trusted.
fn birthday_entry(
    f: &ContactFacts,
    today: NaiveDate,
    horizon_end: NaiveDate,
) -> Option<BirthdayEntry> {
    let b = f.contact.birthday?;
    // Birthday::in_year relies on a valid month/day; 2000 is a leap year.
    NaiveDate::from_ymd_opt(2000, b.month, b.day)?;
    // ... and on next year being representable.
    if today.year() >= NaiveDate::MAX.year() {
        return None;
    }
    let date = b.next_on_or_after(today);
    (date <= horizon_end).then(|| BirthdayEntry {
        contact_id: f.contact.id,
        name: f.contact.name.clone(),
        date,
        age: b.age_on(date).filter(|age| *age >= 0),
    })
}

/// The whole agenda of `today`: [`agenda`] with the Jour fixe as plans
/// (`plans`, which must be [`crate::jourfixe::agenda::plans`] of `tracked`)
/// and their list of the week ([`crate::jourfixe::agenda::agenda_list`]).
/// What `draht today`, the TUI's Today tab and the reminders all show.
///
/// A planned contact's plan carries its time and note. A contact planned
/// by a Jour fixe date that the week's list shows is not listed again
/// under `planned`: the JOUR FIXE list already says when it is.
pub fn day(
    facts: &[ContactFacts],
    followups: &[FollowUp],
    tracked: &[crate::jourfixe::agenda::Tracked],
    plans: &[Plan],
    today: NaiveDate,
    settings: &Settings,
) -> Agenda {
    use crate::jourfixe::agenda as jf;
    let mut whole = agenda(facts, followups, plans, today, settings);
    whole.jourfixe = jf::agenda_list(tracked, today, settings.week_start, settings.horizon_days);
    if whole.planned.is_empty() {
        return whole;
    }
    let listed: HashSet<(Id, NaiveDate)> = whole.jourfixe.iter().map(|o| (o.id, o.date)).collect();
    whole.planned.retain(|e| {
        !e.plan.as_ref().is_some_and(|p| {
            matches!(p.plan.kind, PlanKind::JourFixe(id) if listed.contains(&(id, p.plan.date)))
        })
    });
    let by_id: HashMap<Id, &crate::jourfixe::JourFixe> =
        tracked.iter().map(|t| (t.jf.id, &t.jf)).collect();
    for e in &mut whole.planned {
        if let Some(p) = e.plan.as_mut()
            && let PlanKind::JourFixe(id) = p.plan.kind
            && let Some(jf) = by_id.get(&id)
        {
            p.time = jf.time;
            p.note = jf.note.clone();
        }
    }
    whole
}
