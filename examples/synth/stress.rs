//! The stress mix (`--stress`): the people and touches of earlier rounds,
//! draw for draw, so that the same seed gives the same database as then.
//! Four in five people have a cadence; many never had a personal touch or
//! have drifted, so 40–55 % of everyone is on the agenda.

use chrono::NaiveDate;
use draht::jourfixe::JourFixe;
use draht::model::{Channel, Id};

use super::words::{FOLLOWUP_NOTES, HOOKS};
use super::{
    DAY, HISTORY_DAYS, NewFollowUp, NewHook, Person, Planned, Traits, birthday, budgets, day_text,
    jourfixe_from, name_at, name_order, person, pick, roll,
};

/// Channels with their weight in the mix: written ones dominate.
const CHANNEL_WEIGHTS: &[(Channel, u32)] = &[
    (Channel::Email, 45),
    (Channel::Chat, 15),
    (Channel::Sms, 5),
    (Channel::Call, 18),
    (Channel::Video, 7),
    (Channel::Meet, 10),
];

pub fn people(rng: &mut fastrand::Rng, n: usize, end: i64) -> Vec<Person> {
    let order = name_order(rng);
    (0..n)
        .map(|i| {
            let (first, name) = name_at(&order, i);
            let work = rng.u32(..100) < 55;
            let cadence = if rng.u32(..100) < 20 {
                None
            } else if work {
                Some(*pick(rng, &[14, 21, 28, 42, 56, 84]))
            } else {
                Some(*pick(rng, &[7, 14, 28, 56, 91, 182]))
            };
            let min_channel = match rng.u32(..100) {
                0..5 => Some("video"),
                5..10 => Some("chat"),
                10..13 => Some("meet"),
                _ => None,
            };
            let birthday = (rng.u32(..100) < 60).then(|| birthday(rng));
            let created_at = end - rng.i64(30..HISTORY_DAYS) * DAY;
            let snoozed_until = (rng.u32(..100) < 3).then(|| day_text(end + rng.i64(1..60) * DAY));
            let traits = Traits {
                work,
                cadence,
                min_channel,
                birthday,
                created_at,
                snoozed_until,
                archived_percent: 5,
                weight_factor: 1.0,
            };
            person(rng, i, first, name, traits)
        })
        .collect()
}

/// 0–4 hooks each, about two on average.
pub fn hooks(rng: &mut fastrand::Rng, people: &[Person], end: i64) -> Vec<Vec<NewHook>> {
    people
        .iter()
        .map(|p| {
            let n = *pick(rng, &[0, 0, 1, 1, 2, 2, 3, 4]);
            (0..n)
                .map(|_| {
                    let (kind, text) = *pick(rng, HOOKS);
                    (kind, text, rng.i64(p.created_at..end))
                })
                .collect()
        })
        .collect()
}

/// One follow-up for about a tenth of the contacts, around `now`; a third done.
pub fn followups(
    rng: &mut fastrand::Rng,
    ids: &[Id],
    now: NaiveDate,
    end: i64,
) -> Vec<NewFollowUp> {
    let mut all = Vec::new();
    for &contact in ids {
        if rng.u32(..100) >= 10 {
            continue;
        }
        let offset = rng.i64(-10..30);
        let due = now + chrono::Duration::days(offset);
        let created = end - rng.i64(1..60) * DAY;
        // (the done instant is drawn whether or not it is used)
        #[allow(clippy::unnecessary_lazy_evaluations)]
        let done = (rng.u32(..3) == 0).then_some(end - rng.i64(0..5) * DAY);
        all.push(NewFollowUp {
            contact,
            due,
            note: pick::<&str>(rng, FOLLOWUP_NOTES),
            created,
            done,
        });
    }
    all
}

/// `count` standing appointments, each with a different active contact
/// (mostly people with a cadence), a few paused, some with their next date
/// skipped.
pub fn jourfixes(
    rng: &mut fastrand::Rng,
    ids: &[Id],
    people: &[Person],
    count: usize,
    now: NaiveDate,
) -> draht::error::Result<Vec<JourFixe>> {
    let mut candidates: Vec<usize> = (0..people.len()).filter(|&i| !people[i].archived).collect();
    rng.shuffle(&mut candidates);
    candidates.sort_by_key(|&i| people[i].cadence.is_none());
    let mut all = Vec::with_capacity(count);
    for &who in candidates.iter().take(count) {
        let mut jf = jourfixe_from(rng, ids[who], now, 14..720)?;
        // One in five has its next date skipped (a holiday).
        if rng.u32(..100) < 20 {
            let next = draht::jourfixe::next_occurrence(&jf, now, draht::jourfixe::Tz::LOCAL);
            jf.skipped.extend(next);
        }
        all.push(jf);
    }
    Ok(all)
}

/// `total` touches, shared among contacts by weight, oldest first.
///
/// Live touches (call, video, meet) follow the contact's cadence backwards
/// from `end`, each gap a cadence give or take half, and bring a written
/// follow-up or two; most contacts are kept up, about one in six has drifted
/// (its last live touch lies one to four cadences back). Written touches come
/// in threads at any time of the contact's history. A few live touches are
/// group touches with people of the same sphere, a few are missed.
pub fn touch_plan(
    rng: &mut fastrand::Rng,
    people: &[Person],
    total: usize,
    end: i64,
) -> Vec<Planned> {
    let mut plan = Vec::with_capacity(total + total / 8);
    if people.is_empty() {
        return plan;
    }
    let budgets = budgets(rng, people, total);
    // Same-sphere neighbours make believable group touches.
    let (work, private): (Vec<usize>, Vec<usize>) =
        (0..people.len()).partition(|&i| people[i].work);
    for (who, p) in people.iter().enumerate() {
        let step = i64::from(p.cadence.unwrap_or(60)) * DAY;
        let drift = if rng.u32(..100) < 16 {
            rng.i64(step..=4 * step)
        } else {
            0
        };
        let mut chain = end - drift - rng.i64(0..=step);
        let mut left = budgets[who];
        while left > 0 {
            let channel = roll(rng, CHANNEL_WEIGHTS);
            let (mut at, burst) = if channel.richness() >= 3 {
                let at = if chain > p.created_at {
                    chain
                } else {
                    rng.i64(p.created_at..=(end - drift).max(p.created_at))
                };
                chain -= step / 2 + rng.i64(0..=step);
                (at, 1 + rng.usize(..3))
            } else {
                (rng.i64(p.created_at..=end), 1 + rng.usize(..6))
            };
            for k in 0..burst.min(left) {
                let ch = if k == 0 {
                    channel
                } else if channel.richness() >= 3 {
                    Channel::Email
                } else {
                    channel
                };
                let missed = ch.richness() >= 3 && rng.u32(..100) < 8;
                let mut group = vec![who];
                if ch.richness() >= 3 && rng.u32(..100) < 6 {
                    let pool = if p.work { &work } else { &private };
                    for _ in 0..rng.usize(1..4) {
                        let other = *pick(rng, pool);
                        if !group.contains(&other) {
                            group.push(other);
                        }
                    }
                }
                plan.push(Planned {
                    at: at.min(end),
                    channel: ch,
                    missed,
                    who: group,
                });
                at += rng.i64(600..2 * DAY);
                left -= 1;
            }
        }
    }
    plan.sort_by_key(|t| t.at);
    plan
}
