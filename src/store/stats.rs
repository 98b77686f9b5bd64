//! What insight needs, read fast: every active contact's touches over a
//! window and the window before it in one pass (ordered by contact), plus —
//! only where a check-in needs it — the walk back to the last personal touch
//! before that.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use rusqlite::{Connection, params};

use super::from_secs;
use crate::clock;
use crate::error::Result;
use crate::insight::{History, Subject, TouchFact, Window};
use crate::model::{Channel, Id};
use crate::schedule::rules::is_personal_for;

/// Every active contact's touches in a range of instants. The participant
/// rows carry copies of channel, outcome and rating (migration 0004), so this
/// walks the covering index `touch_participants_history` and never `touches`.
const HISTORIES: &str = "SELECT p.contact_id, p.at, p.channel, p.outcome, p.rating
     FROM contacts c
     JOIN touch_participants p ON p.contact_id = c.id AND p.at BETWEEN ?1 AND ?2
     WHERE c.archived = 0
     ORDER BY c.id, p.at, p.touch_id";

/// The histories of every active contact, ordered by id, covering `window`
/// and the previous window of the same length. For a contact with a cadence
/// whose first personal touch in the range lies in `window`, the touches
/// back to the last personal one before the range are added too, so that
/// check-in can be judged.
pub fn histories(conn: &Connection, window: Window) -> Result<Vec<History>> {
    let mut out: Vec<History> = subjects(conn)?
        .into_iter()
        .map(|subject| History {
            subject,
            touches: Vec::new(),
        })
        .collect();
    let slot: HashMap<Id, usize> = out
        .iter()
        .enumerate()
        .map(|(i, h)| (h.subject.contact_id, i))
        .collect();

    let range = Window {
        from: window.previous().from,
        to: window.to,
    };
    let days = LocalDays::new(range);
    let mut stmt = conn.prepare_cached(HISTORIES)?;
    let mut rows = stmt.query(params![days.start(), days.end()])?;
    let mut current: Option<(Id, usize)> = None;
    while let Some(row) = rows.next()? {
        let id: Id = row.get(0)?;
        let i = match current {
            Some((cid, i)) if cid == id => i,
            _ => match slot.get(&id) {
                Some(&i) => {
                    current = Some((id, i));
                    i
                }
                None => continue,
            },
        };
        if let Some(touch) = fact(row, &days)? {
            out[i].touches.push(touch);
        }
    }
    drop(rows);

    for history in &mut out {
        anchor(conn, history, window, days.start())?;
    }
    Ok(out)
}

/// The history of one active contact, as [`histories`] builds it; `None`
/// when there is no such active contact.
pub fn history(conn: &Connection, window: Window, contact: Id) -> Result<Option<History>> {
    let Some(subject) = subjects(conn)?
        .into_iter()
        .find(|s| s.contact_id == contact)
    else {
        return Ok(None);
    };
    let days = LocalDays::new(Window {
        from: window.previous().from,
        to: window.to,
    });
    let mut stmt = conn.prepare_cached(
        "SELECT contact_id, at, channel, outcome, rating FROM touch_participants
         WHERE contact_id = ?1 AND at BETWEEN ?2 AND ?3
         ORDER BY at, touch_id",
    )?;
    let mut rows = stmt.query(params![contact, days.start(), days.end()])?;
    let mut history = History {
        subject,
        touches: Vec::new(),
    };
    while let Some(row) = rows.next()? {
        if let Some(touch) = fact(row, &days)? {
            history.touches.push(touch);
        }
    }
    drop(rows);
    anchor(conn, &mut history, window, days.start())?;
    Ok(Some(history))
}

/// A row `(contact_id, at, channel, outcome, rating)` as a touch fact;
/// `None` outside the range.
fn fact(row: &rusqlite::Row, days: &LocalDays) -> Result<Option<TouchFact>> {
    let Some(on) = days.day_of(row.get(1)?) else {
        return Ok(None);
    };
    Ok(Some(TouchFact {
        on,
        channel: row.get(2)?,
        outcome: row.get(3)?,
        rating: row.get(4)?,
    }))
}

/// Prepends the walk back to the last personal touch before `before` when
/// the first check-in in `window` needs it.
fn anchor(conn: &Connection, history: &mut History, window: Window, before: i64) -> Result<()> {
    if needs_anchor(history, window) {
        let mut earlier = walk_back(conn, &history.subject, before)?;
        earlier.append(&mut history.touches);
        history.touches = earlier;
    }
    Ok(())
}

/// Done touches per local day of one contact in `window`, oldest first (for
/// a heat map).
pub fn day_counts(conn: &Connection, contact: Id, window: Window) -> Result<Vec<(NaiveDate, u32)>> {
    let days = LocalDays::new(window);
    let mut stmt = conn.prepare_cached(
        "SELECT at FROM touch_participants
         WHERE contact_id = ?1 AND at BETWEEN ?2 AND ?3 AND outcome = 'done'
         ORDER BY at",
    )?;
    let mut rows = stmt.query(params![contact, days.start(), days.end()])?;
    let mut out: Vec<(NaiveDate, u32)> = Vec::new();
    while let Some(row) = rows.next()? {
        let Some(day) = days.day_of(row.get(0)?) else {
            continue;
        };
        match out.last_mut() {
            Some((last, n)) if *last == day => *n += 1,
            _ => out.push((day, 1)),
        }
    }
    Ok(out)
}

/// Active contacts with their tags, ordered by id.
fn subjects(conn: &Connection) -> Result<Vec<Subject>> {
    let mut list: Vec<Subject> = conn
        .prepare_cached(
            "SELECT id, name, sphere, cadence_days, min_channel FROM contacts
             WHERE archived = 0 ORDER BY id",
        )?
        .query_map([], |row| {
            Ok(Subject {
                contact_id: row.get(0)?,
                name: row.get(1)?,
                sphere: row.get(2)?,
                tags: Vec::new(),
                cadence_days: row.get(3)?,
                min_channel: row
                    .get::<_, Option<Channel>>(4)?
                    .unwrap_or(Channel::DEFAULT_MIN),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached("SELECT contact_id, tag FROM contact_tags ORDER BY tag")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: Id = row.get(0)?;
        if let Ok(i) = list.binary_search_by_key(&id, |s| s.contact_id) {
            list[i].tags.push(row.get(1)?);
        }
    }
    Ok(list)
}

/// Whether judging the first check-in in `window` needs touches from before
/// the loaded range: the contact has a cadence, a personal touch in the
/// window, and none before it in the range.
fn needs_anchor(history: &History, window: Window) -> bool {
    if history.subject.cadence_days.is_none() {
        return false;
    }
    let min = history.subject.min_channel;
    let first_personal = history
        .touches
        .iter()
        .find(|t| is_personal_for(min, t.channel, t.outcome));
    first_personal.is_some_and(|t| window.contains(t.on))
}

/// The contact's touches before the instant `before`, back to and including
/// the last personal one, oldest first.
fn walk_back(conn: &Connection, subject: &Subject, before: i64) -> Result<Vec<TouchFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, channel, outcome, rating FROM touch_participants
         WHERE contact_id = ?1 AND at < ?2
         ORDER BY at DESC, touch_id DESC",
    )?;
    let mut rows = stmt.query(params![subject.contact_id, before])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let touch = TouchFact {
            on: clock::local_day(from_secs(row.get(0)?)),
            channel: row.get(1)?,
            outcome: row.get(2)?,
            rating: row.get(3)?,
        };
        out.push(touch);
        if is_personal_for(subject.min_channel, touch.channel, touch.outcome) {
            break;
        }
    }
    out.reverse();
    Ok(out)
}

/// The local midnights of a range of days, so that an instant maps to its
/// local day by a binary search instead of a time zone lookup per touch.
struct LocalDays {
    first: NaiveDate,
    /// Unix seconds of local midnight starting each day, and one past the end.
    starts: Vec<i64>,
}

impl LocalDays {
    fn new(range: Window) -> LocalDays {
        let midnight = |day: NaiveDate| -> i64 {
            let at: DateTime<Utc> = clock::from_local(day.and_time(NaiveTime::MIN));
            at.timestamp()
        };
        let mut starts = Vec::with_capacity(range.days() as usize + 1);
        let mut day = range.from;
        loop {
            starts.push(midnight(day));
            match day.checked_add_days(Days::new(1)) {
                Some(next) if day <= range.to => day = next,
                _ => break,
            }
        }
        LocalDays {
            first: range.from,
            starts,
        }
    }

    /// First second of the range.
    fn start(&self) -> i64 {
        self.starts.first().copied().unwrap_or(i64::MIN)
    }

    /// Last second of the range.
    fn end(&self) -> i64 {
        self.starts.last().map_or(i64::MAX, |s| s - 1)
    }

    /// The local day of an instant in the range.
    fn day_of(&self, secs: i64) -> Option<NaiveDate> {
        if secs < self.start() || secs > self.end() {
            return None;
        }
        let i = self.starts.partition_point(|&s| s <= secs).checked_sub(1)?;
        self.first.checked_add_days(Days::new(i as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Outcome, Sphere, Touch};
    use crate::store::{Store, contacts, touches};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
        clock::from_local(day.and_hms_opt(hour, 0, 0).unwrap())
    }

    fn person(name: &str, cadence: Option<u32>, tags: &[&str]) -> Contact {
        Contact {
            id: 0,
            uid: String::new(),
            name: name.into(),
            nickname: None,
            sphere: Sphere::Work,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            company: None,
            role: None,
            emails: vec![],
            phones: vec![],
            birthday: None,
            notes: None,
            cadence_days: cadence,
            min_channel: None,
            snoozed_until: None,
            archived: false,
            created_at: at(d(1, 1), 9),
        }
    }

    fn log(store: &mut Store, who: &[Id], day: NaiveDate, channel: Channel, outcome: Outcome) {
        let touch = Touch {
            id: 0,
            at: at(day, 23),
            channel,
            note: None,
            outcome,
            rating: Some(1),
            hook_id: None,
            participants: who.to_vec(),
            captured: Vec::new(),
        };
        store
            .write(|tx| touches::insert(tx, &touch, touch.at))
            .unwrap();
    }

    #[test]
    fn histories_cover_both_windows_and_walk_back_to_the_last_personal_touch() {
        let mut store = Store::open_in_memory().unwrap();
        let now = at(d(1, 1), 9);
        let (anna, ben, gone) = store
            .write(|tx| {
                let anna = contacts::insert(tx, &person("Anna", Some(14), &["client"]), now)?;
                let ben = contacts::insert(tx, &person("Ben", None, &[]), now)?;
                let mut old = person("Gone", None, &[]);
                old.archived = true;
                Ok((anna, ben, contacts::insert(tx, &old, now)?))
            })
            .unwrap();
        // Before the range (which starts 5 Jun): a call, then an e-mail.
        log(&mut store, &[anna], d(3, 1), Channel::Call, Outcome::Done);
        log(&mut store, &[anna], d(5, 1), Channel::Email, Outcome::Done);
        log(&mut store, &[anna], d(5, 2), Channel::Call, Outcome::Missed);
        // In the window, a coffee with both and an archived contact.
        log(
            &mut store,
            &[anna, ben, gone],
            d(11, 20),
            Channel::Meet,
            Outcome::Done,
        );
        // Ben: one chat in the previous window, one after the window.
        log(&mut store, &[ben], d(7, 1), Channel::Chat, Outcome::Done);
        log(&mut store, &[ben], d(12, 2), Channel::Chat, Outcome::Done);

        let window = Window::ending(d(12, 1), 90);
        let all = store.read(|tx| histories(tx, window)).unwrap();
        let names: Vec<&str> = all.iter().map(|h| h.subject.name.as_str()).collect();
        assert_eq!(names, ["Anna", "Ben"], "archived contacts are left out");
        assert_eq!(all[0].subject.tags, ["client"]);
        let anna_days: Vec<NaiveDate> = all[0].touches.iter().map(|t| t.on).collect();
        // Late-evening touches stay on their local day.
        assert_eq!(anna_days, [d(3, 1), d(5, 1), d(5, 2), d(11, 20)]);
        assert_eq!(all[0].touches[3].rating, Some(1));
        let ben_days: Vec<NaiveDate> = all[1].touches.iter().map(|t| t.on).collect();
        assert_eq!(
            ben_days,
            [d(7, 1), d(11, 20)],
            "no walk back without a cadence"
        );

        let one = store.read(|tx| history(tx, window, anna)).unwrap().unwrap();
        assert_eq!(one, all[0]);
        assert_eq!(store.read(|tx| history(tx, window, gone)).unwrap(), None);

        let counts = store
            .read(|tx| day_counts(tx, anna, Window::ending(d(12, 1), 365)))
            .unwrap();
        assert_eq!(counts, [(d(3, 1), 1), (d(5, 1), 1), (d(11, 20), 1)]);
    }

    #[test]
    fn histories_read_one_covering_index_without_sorting() {
        let store = Store::open_in_memory().unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {HISTORIES}"))
            .unwrap()
            .query_map(params![0, 1], |row| row.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(
            plan.contains("USING COVERING INDEX touch_participants_history"),
            "{plan}"
        );
        assert!(!plan.contains("touches"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[test]
    fn local_days_map_instants_across_a_dst_change() {
        let days = LocalDays::new(Window::new(d(10, 24), d(10, 26)).unwrap());
        assert_eq!(days.day_of(at(d(10, 25), 0).timestamp()), Some(d(10, 25)));
        assert_eq!(days.day_of(at(d(10, 25), 23).timestamp()), Some(d(10, 25)));
        assert_eq!(days.day_of(at(d(10, 26), 23).timestamp()), Some(d(10, 26)));
        assert_eq!(days.day_of(at(d(10, 27), 0).timestamp()), None);
        assert_eq!(days.day_of(at(d(10, 23), 23).timestamp()), None);
    }
}
