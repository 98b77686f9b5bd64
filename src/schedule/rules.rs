//! The rules of docs/design.md, one function each: what
//! counts as a personal touch, which hook comes next, when a check-in is due,
//! what status it has on a given day, and whether a follow-up is still open.

use std::cmp::Ordering;

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::{Checkin, ContactFacts, Plan, PlanKind, Settings, Status, TouchRef};
use crate::model::{Channel, Contact, FollowUp, Hook, Outcome, Touch};

/// How far past `max(due, today)` a plan still covers a check-in, in days.
pub const PLAN_WINDOW_DAYS: u32 = 7;

/// `date + days`, saturating at the last representable date instead of
/// panicking on absurd cadences or horizons.
pub(crate) fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Reference derivation of [`ContactFacts`] from the full touch history
/// (pure). The store computes the same facts by index seeks; a proptest
/// compares the two.
///
/// Only touches whose participants contain the contact count, and only hooks
/// of the contact are considered. `local_day` maps an instant to the local
/// calendar day.
pub fn facts_from_touches(
    contact: Contact,
    cadence_from: NaiveDate,
    touches: &[Touch],
    hooks: &[Hook],
    local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> ContactFacts {
    let mine: Vec<&Touch> = touches
        .iter()
        .filter(|t| t.participants.contains(&contact.id))
        .collect();
    // "Latest" is by instant; equal instants fall back to the higher id so
    // the choice never depends on input order.
    let latest = |pred: &dyn Fn(&Touch) -> bool| {
        mine.iter()
            .copied()
            .filter(|t| pred(t))
            .max_by_key(|t| (t.at, t.id))
    };
    let to_ref = |t: &Touch| TouchRef {
        channel: t.channel,
        at: t.at,
        on: local_day(t.at),
    };

    let last_touch = latest(&|t| t.outcome == Outcome::Done).map(to_ref);
    let personal = latest(&|t| is_personal(&contact, t.channel, t.outcome));
    let after_personal = |t: &Touch| match personal {
        Some(p) => (t.at, t.id) > (p.at, p.id),
        None => true,
    };
    let last_missed = mine
        .iter()
        .filter(|t| t.outcome == Outcome::Missed && after_personal(t))
        .map(|t| local_day(t.at))
        .max();
    let streak = mine
        .iter()
        .filter(|t| extends_written_streak(t.channel, t.outcome) && after_personal(t))
        .count();

    let own_hooks: Vec<Hook> = hooks
        .iter()
        .filter(|h| h.contact_id == contact.id)
        .cloned()
        .collect();
    let freshest = freshest_hook(&own_hooks).cloned();

    ContactFacts {
        last_personal: personal.map(to_ref),
        contact,
        cadence_from,
        last_touch,
        last_missed,
        written_streak: u32::try_from(streak).unwrap_or(u32::MAX),
        freshest_hook: freshest,
    }
}

/// A personal touch is `done` and at least as rich as the contact's minimum
/// channel (default `call`). Only personal touches reset the check-in clock.
pub fn is_personal(contact: &Contact, channel: Channel, outcome: Outcome) -> bool {
    is_personal_for(contact.min_channel(), channel, outcome)
}

/// [`is_personal`] for a contact whose (effective) minimum channel is
/// `min`: for readers that hold the minimum channel, not the whole contact
/// (the store's summary, the statistics).
pub fn is_personal_for(min: Channel, channel: Channel, outcome: Outcome) -> bool {
    outcome == Outcome::Done && channel.richness() >= min.richness()
}

/// Whether a touch after the last personal one adds to the written-only
/// streak: it happened, by text, e-mail or chat.
pub fn extends_written_streak(channel: Channel, outcome: Outcome) -> bool {
    outcome == Outcome::Done && channel.is_written()
}

/// The order hooks are brought up in: never-used hooks first (newest created
/// first), then used ones by least recently used; ties: the later-added (higher
/// id) first, as the store orders them.
fn hook_cmp(a: &Hook, b: &Hook) -> Ordering {
    match (a.used_at, b.used_at) {
        (None, None) => b.created_at.cmp(&a.created_at),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => x.cmp(&y),
    }
    .then(b.id.cmp(&a.id))
}

/// Sorts hooks into the order they are brought up in: never-used hooks first
/// (newest created first), then used ones by least recently used; ties by id.
pub fn hook_order(hooks: &mut [Hook]) {
    hooks.sort_by(hook_cmp);
}

/// The hook to bring up next: the first one in [`hook_order`].
pub fn freshest_hook(hooks: &[Hook]) -> Option<&Hook> {
    hooks.iter().min_by(|a, b| hook_cmp(a, b))
}

/// The check-in due date, `None` without a cadence:
/// `max(last personal day + cadence, snoozed_until, last_missed + retry)`,
/// or with no personal touch ever
/// `max(cadence_from, snoozed_until, last_missed + retry)`.
///
/// `cadence_from` is the day the cadence was first set (or the spread date
/// an import or triage gave it), so setting a cadence on someone nobody
/// has called yet never makes them overdue on the spot: on that day the
/// check-in is due today at worst. A personal touch is real history: its
/// day plus the cadence decides (see docs/design.md, *Due date*).
pub fn due_date(facts: &ContactFacts, settings: &Settings) -> Option<NaiveDate> {
    let cadence = facts.contact.cadence_days?;
    let clock = match facts.last_personal {
        Some(p) => add_days(p.on, cadence),
        None => facts.cadence_from,
    };
    let snooze = facts.contact.snoozed_until;
    let retry = facts
        .last_missed
        .map(|day| add_days(day, settings.retry_days));
    Some(
        [snooze, retry]
            .into_iter()
            .flatten()
            .fold(clock, NaiveDate::max),
    )
}

/// Deterministic order among plans: date, follow-ups before Jour fixe, id.
pub(crate) fn plan_key(plan: &Plan) -> (NaiveDate, u8, i64) {
    match plan.kind {
        PlanKind::FollowUp(id) => (plan.date, 0, id),
        PlanKind::JourFixe(id) => (plan.date, 1, id),
    }
}

/// The check-in of a contact on `today`; `None` without a cadence or when the
/// contact is archived (archived contacts never come due).
///
/// Status, first match wins: `planned` (a plan for this contact dated within
/// `[today, max(due, today) + 7]`; the earliest such plan is reported) ·
/// `overdue` (due < today) · `due` (due = today) · `soon` (due within the
/// horizon) · `ok`.
pub fn checkin(
    facts: &ContactFacts,
    plans: &[Plan],
    today: NaiveDate,
    settings: &Settings,
) -> Option<Checkin> {
    if facts.contact.archived {
        return None;
    }
    let cadence_days = facts.contact.cadence_days?;
    let due = due_date(facts, settings)?;
    let window_end = add_days(due.max(today), PLAN_WINDOW_DAYS);
    let plan = plans
        .iter()
        .filter(|p| p.contact_id == facts.contact.id && p.date >= today && p.date <= window_end)
        .min_by_key(|p| plan_key(p))
        .copied();
    let status = if plan.is_some() {
        Status::Planned
    } else if due < today {
        Status::Overdue
    } else if due == today {
        Status::Due
    } else if due <= add_days(today, settings.horizon_days) {
        Status::Soon
    } else {
        Status::Ok
    };
    Some(Checkin {
        status,
        due,
        days_overdue: (today - due).num_days(),
        cadence_days,
        plan,
    })
}

/// A follow-up is open unless it was marked done or a personal touch with its
/// contact happened on or after its date. `facts` of another contact say
/// nothing about it.
pub fn followup_is_open(f: &FollowUp, facts: &ContactFacts) -> bool {
    if f.done_at.is_some() {
        return false;
    }
    let closed_by_touch =
        f.contact_id == facts.contact.id && facts.last_personal.is_some_and(|p| p.on >= f.due);
    !closed_by_touch
}

/// The first check-in day of the `i`-th (from 0) of `n` contacts that get
/// a cadence of `cadence` days at once (import, triage):
/// `today + floor(i · cadence / n)`, always before `today + cadence`.
pub fn spread_day(today: NaiveDate, i: usize, n: usize, cadence: u32) -> NaiveDate {
    today
        .checked_add_days(Days::new(spread_offset(i, n, cadence)))
        .unwrap_or(today)
}

/// Days after today that the `i`-th (from 0) of `n` newly cadenced
/// contacts first comes due: `floor(i · cadence / n)`, always below the
/// cadence.
pub fn spread_offset(i: usize, n: usize, cadence: u32) -> u64 {
    if n == 0 {
        return 0;
    }
    (i as u64).saturating_mul(u64::from(cadence)) / n as u64
}
