//! The realistic mix (the default): an address book of which only the
//! people one keeps up with have a cadence, and those mostly are in touch.
//!
//! - About one person in 22 has a cadence: a few weekly or fortnightly,
//!   some monthly, more every quarter, half-year or year.
//! - Their personal touches (call, video, meeting — or chat where that is
//!   their minimum) come once per cadence, give or take, back to when they
//!   were added. The latest lies within the cadence for 95 in 100 of them,
//!   a little past it for the rest; now and then a call was missed first.
//! - Everyone else gets written threads and the odd call at any time of
//!   their history: they never come due.
//! - Birthdays for most close people and one other in twenty; follow-ups
//!   for about one close person in 16 and one other in a hundred, most of
//!   the past ones done; hooks mostly for close people.
//! - One Jour fixe per 250 contacts (half with close people, half with
//!   colleagues), whose occurrences of the last twelve weeks were mostly
//!   kept.

use chrono::{NaiveDate, NaiveTime};
use draht::jourfixe::{JourFixe, Tz};
use draht::model::{Channel, Id};

use super::words::{FOLLOWUP_NOTES, HOOKS};
use super::{
    DAY, HISTORY_DAYS, NewFollowUp, NewHook, Person, Planned, Traits, birthday, budgets, day_text,
    jourfixe_from, name_at, name_order, noon, person, pick, roll,
};

/// Threads with people without a cadence: written ones dominate, chat
/// about as often as e-mail.
const THREAD_WEIGHTS: &[(Channel, u32)] = &[
    (Channel::Email, 34),
    (Channel::Chat, 30),
    (Channel::Sms, 6),
    (Channel::Call, 15),
    (Channel::Video, 6),
    (Channel::Meet, 9),
];

/// Threads with people with a cadence, whose live touches come from their
/// chain of personal touches.
const WRITTEN_WEIGHTS: &[(Channel, u32)] =
    &[(Channel::Email, 50), (Channel::Chat, 42), (Channel::Sms, 8)];

/// Per mille of touches between live ones that were missed.
const MISSED_PER_MILLE: u32 = 50;

pub fn people(rng: &mut fastrand::Rng, n: usize, end: i64) -> Vec<Person> {
    let order = name_order(rng);
    (0..n)
        .map(|i| {
            let (first, name) = name_at(&order, i);
            let work = rng.u32(..100) < 50;
            let cadence = match rng.u32(..1000) {
                0..2 => Some(if work { 14 } else { 7 }),
                2..9 => Some(*pick(rng, &[14, 21, 28])),
                9..27 => Some(*pick(rng, &[42, 56, 91])),
                27..45 => Some(*pick(rng, &[182, 365])),
                _ => None,
            };
            let close = cadence.is_some();
            let min_channel = match (close, rng.u32(..100)) {
                (true, 0..3) => Some("chat"),
                (true, 3..6) => Some("video"),
                (true, 6..8) => Some("meet"),
                _ => None,
            };
            let birthday = (rng.u32(..100) < if close { 60 } else { 5 }).then(|| birthday(rng));
            // Close people were added long enough ago to have a history.
            let newest = match cadence {
                Some(days) => (i64::from(days) + 90).min(HISTORY_DAYS - 1),
                None => 30,
            };
            let created_at = end - rng.i64(newest..HISTORY_DAYS) * DAY;
            let snoozed_until =
                (close && rng.u32(..100) < 2).then(|| day_text(end + rng.i64(1..60) * DAY));
            let traits = Traits {
                work,
                cadence,
                min_channel,
                birthday,
                created_at,
                snoozed_until,
                archived_percent: 4,
                // close people get more touches than others
                weight_factor: if close { 4.0 } else { 1.0 },
            };
            person(rng, i, first, name, traits)
        })
        .collect()
}

/// Up to three hooks for close people, one for about one other in eight.
pub fn hooks(rng: &mut fastrand::Rng, people: &[Person], end: i64) -> Vec<Vec<NewHook>> {
    people
        .iter()
        .map(|p| {
            let n = match p.cadence {
                Some(_) => *pick(rng, &[0, 1, 1, 2, 2, 3]),
                None => usize::from(rng.u32(..100) < 12),
            };
            (0..n)
                .map(|_| {
                    let (kind, text) = *pick(rng, HOOKS);
                    (kind, text, rng.i64(p.created_at..end))
                })
                .collect()
        })
        .collect()
}

/// Follow-ups dated from six weeks before `now` to three months after it,
/// for about one close person in 16 and one other in a hundred; three in four
/// of the past ones are done.
pub fn followups(
    rng: &mut fastrand::Rng,
    ids: &[Id],
    people: &[Person],
    now: NaiveDate,
) -> Vec<NewFollowUp> {
    let end = noon(now);
    let mut all = Vec::new();
    for (&contact, p) in ids.iter().zip(people) {
        let per_mille = if p.cadence.is_some() { 60 } else { 10 };
        if p.archived || rng.u32(..1000) >= per_mille {
            continue;
        }
        let offset = rng.i64(-45..=90);
        let due = now + chrono::Duration::days(offset);
        let created = (noon(due) - rng.i64(1..=30) * DAY).clamp(p.created_at, end);
        let done = match offset {
            ..0 if rng.u32(..100) < 75 => Some((noon(due) + rng.i64(0..=3) * DAY).min(end)),
            0.. if rng.u32(..100) < 5 => Some((end - rng.i64(0..=2) * DAY).max(created)),
            _ => None,
        };
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

/// `count` Jour fixe, half with close people, half with colleagues without
/// a cadence, one in ten with its next date skipped; and the touches that
/// kept most of their occurrences in the twelve weeks before `now`.
pub fn jourfixes(
    rng: &mut fastrand::Rng,
    ids: &[Id],
    people: &[Person],
    count: usize,
    now: NaiveDate,
) -> draht::error::Result<(Vec<JourFixe>, Vec<Planned>)> {
    let active = (0..people.len()).filter(|&i| !people[i].archived);
    let (mut close, mut others): (Vec<usize>, Vec<usize>) =
        active.partition(|&i| people[i].cadence.is_some());
    rng.shuffle(&mut close);
    rng.shuffle(&mut others);
    others.sort_by_key(|&i| !people[i].work);
    let (mut close, mut others) = (close.into_iter(), others.into_iter());
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count {
        let next = match chosen.len() % 2 {
            0 => close.next().or_else(|| others.next()),
            _ => others.next().or_else(|| close.next()),
        };
        match next {
            Some(who) => chosen.push(who),
            None => break,
        }
    }
    let mut all = Vec::with_capacity(chosen.len());
    let mut kept = Vec::new();
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default();
    for who in chosen {
        let mut jf = jourfixe_from(rng, ids[who], now, 60..720)?;
        if rng.u32(..100) < 10 {
            jf.skipped
                .extend(draht::jourfixe::next_occurrence(&jf, now, Tz::LOCAL));
        }
        let from = now - chrono::Duration::days(84);
        let before = now - chrono::Duration::days(1);
        for date in draht::jourfixe::occurrences(&jf, from, before, Tz::LOCAL) {
            if jf.active && rng.u32(..100) < 88 {
                kept.push(Planned {
                    at: date.and_time(jf.time.unwrap_or(ten)).and_utc().timestamp(),
                    channel: jf.channel,
                    missed: false,
                    who: vec![who],
                });
            }
        }
        all.push(jf);
    }
    Ok((all, kept))
}

/// A live channel at or above `min`: chat only for those whose minimum it
/// is; mostly calls, then meetings, then video.
fn live_channel(rng: &mut fastrand::Rng, min: Channel) -> Channel {
    let weight = |channel: Channel, w: u32| {
        let counts = channel.richness() >= min.richness();
        (channel, if counts { w } else { 0 })
    };
    let chat = if min == Channel::Chat { 40 } else { 0 };
    roll(
        rng,
        &[
            (Channel::Chat, chat),
            weight(Channel::Call, 50),
            weight(Channel::Video, 20),
            weight(Channel::Meet, 30),
        ],
    )
}

/// `total` touches (at least the Jour fixe's `kept` ones and one personal
/// touch per person with a cadence), oldest first: the chains of personal
/// touches of close people, then written threads and the odd call with
/// everyone, shared by weight.
pub fn touch_plan(
    rng: &mut fastrand::Rng,
    people: &[Person],
    total: usize,
    end: i64,
    kept: Vec<Planned>,
) -> Vec<Planned> {
    let mut plan = kept;
    if people.is_empty() {
        return plan;
    }
    let chains: Vec<Vec<Planned>> = people
        .iter()
        .enumerate()
        .filter_map(|(who, p)| Some(chain(rng, who, p, p.cadence?, end)))
        .collect();
    // Room for the threads: if the chains alone would take more than
    // seven tenths of `total`, each keeps its newest part.
    let length: usize = chains.iter().map(Vec::len).sum();
    let room = (total * 7 / 10).saturating_sub(plan.len());
    for mut chain in chains {
        if length > room {
            let keep = (chain.len() * room).div_ceil(length.max(1)).max(1);
            chain.truncate(keep);
        }
        plan.extend(chain);
    }
    threads(
        rng,
        people,
        total.saturating_sub(plan.len()),
        end,
        &mut plan,
    );
    plan.sort_by_key(|t| t.at);
    plan
}

/// The personal touches of `p` (index `who`) every `cadence` days or so,
/// newest first, with a written word after some and a missed call before
/// a few.
fn chain(rng: &mut fastrand::Rng, who: usize, p: &Person, cadence: u32, end: i64) -> Vec<Planned> {
    let step = i64::from(cadence);
    let min = p
        .min_channel
        .and_then(Channel::from_name)
        .unwrap_or(Channel::DEFAULT_MIN);
    // Days since the latest personal touch: within the cadence for most.
    let back = if rng.u32(..100) < 5 {
        step + rng.i64(1..=step.min(60))
    } else {
        rng.i64(0..=step)
    };
    let mut chain = Vec::new();
    // A call tried since then, not yet returned (now and then).
    if back >= 2 && rng.u32(..100) < 3 {
        chain.push(Planned {
            at: end - rng.i64(0..back - 1) * DAY,
            channel: live_channel(rng, min),
            missed: true,
            who: vec![who],
        });
    }
    // Noon minus up to eleven hours: the same (UTC) day.
    let mut at = end - back * DAY - rng.i64(0..11 * 3600);
    let mut latest = true;
    while at > p.created_at {
        let channel = live_channel(rng, min);
        chain.push(Planned {
            at,
            channel,
            missed: false,
            who: vec![who],
        });
        if rng.u32(..100) < 25 {
            chain.push(Planned {
                at: (at + rng.i64(600..2 * DAY)).min(end),
                channel: *pick(rng, &[Channel::Email, Channel::Chat]),
                missed: false,
                who: vec![who],
            });
        }
        if !latest && rng.u32(..1000) < MISSED_PER_MILLE {
            chain.push(Planned {
                at: at - rng.i64(3600..2 * DAY),
                channel,
                missed: true,
                who: vec![who],
            });
        }
        latest = false;
        at -= step * DAY * rng.i64(70..=105) / 100;
    }
    chain
}

/// `total` touches shared by weight: threads of written touches at any
/// time of a person's history, and for people without a cadence the odd
/// call, video or meeting (a few missed, a few with others of the same
/// sphere, none of whom has a cadence).
fn threads(
    rng: &mut fastrand::Rng,
    people: &[Person],
    total: usize,
    end: i64,
    plan: &mut Vec<Planned>,
) {
    let budgets = budgets(rng, people, total);
    let (work, private): (Vec<usize>, Vec<usize>) = (0..people.len())
        .filter(|&i| people[i].cadence.is_none())
        .partition(|&i| people[i].work);
    for (who, p) in people.iter().enumerate() {
        let weights = match p.cadence {
            Some(_) => WRITTEN_WEIGHTS,
            None => THREAD_WEIGHTS,
        };
        let mut left = budgets[who];
        while left > 0 {
            let channel = roll(rng, weights);
            let mut at = rng.i64(p.created_at..=end);
            let live = channel.richness() >= 3;
            let burst = if live { 1 } else { 1 + rng.usize(..5) };
            for _ in 0..burst.min(left) {
                let mut group = vec![who];
                let pool = if p.work { &work } else { &private };
                if live && !pool.is_empty() && rng.u32(..100) < 5 {
                    for _ in 0..rng.usize(1..4) {
                        let other = *pick(rng, pool);
                        if !group.contains(&other) {
                            group.push(other);
                        }
                    }
                }
                plan.push(Planned {
                    at: at.min(end),
                    channel,
                    missed: live && rng.u32(..1000) < MISSED_PER_MILLE,
                    who: group,
                });
                at += rng.i64(600..2 * DAY);
                left -= 1;
            }
        }
    }
}
