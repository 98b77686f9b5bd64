//! The demo's older history: a year of rhythm behind the recent story, so
//! that `stats`, the Stats tab and the Jour fixe calendar have something to
//! show. Every touch here is older than the story's touches of the same
//! person, so the agenda (which looks at the latest ones) is unchanged.

use crate::store::Tx;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::error::Result;
use crate::model::{Channel, Id, Outcome, Touch};
use crate::store::touches;

/// A regular habit: from `from` days ago until `until` days ago, every
/// `every` days (give or take a deterministic day or two).
struct Habit {
    name: &'static str,
    channel: Channel,
    from: i64,
    until: i64,
    every: i64,
    hour: u32,
    /// The message id of the note (`demo-touch-*`); empty for none.
    note: &'static str,
}

const HABITS: &[Habit] = &[
    // Anna used to be called every other week — the relationship is cooling.
    Habit {
        name: "Anna Schmidt",
        channel: Channel::Call,
        from: 330,
        until: 35,
        every: 16,
        hour: 10,
        note: "demo-touch-project-call",
    },
    Habit {
        name: "Anna Schmidt",
        channel: Channel::Email,
        from: 325,
        until: 25,
        every: 9,
        hour: 9,
        note: "demo-touch-status-update",
    },
    Habit {
        name: "Anna Schmidt",
        channel: Channel::Meet,
        from: 300,
        until: 120,
        every: 90,
        hour: 12,
        note: "demo-touch-kantine",
    },
    // Jonas: coffee every month or so, until autumn got busy.
    Habit {
        name: "Jonas Weber",
        channel: Channel::Meet,
        from: 360,
        until: 70,
        every: 30,
        hour: 16,
        note: "demo-touch-coffee",
    },
    Habit {
        name: "Jonas Weber",
        channel: Channel::Chat,
        from: 350,
        until: 45,
        every: 12,
        hour: 21,
        note: "",
    },
    // Ben: sailing together more often since the summer — warming.
    Habit {
        name: "Ben Okafor",
        channel: Channel::Meet,
        from: 80,
        until: 20,
        every: 14,
        hour: 14,
        note: "demo-touch-sailing",
    },
    Habit {
        name: "Ben Okafor",
        channel: Channel::Chat,
        from: 180,
        until: 15,
        every: 20,
        hour: 20,
        note: "",
    },
    // Thomas: a steady monthly call.
    Habit {
        name: "Thomas Keller",
        channel: Channel::Call,
        from: 340,
        until: 40,
        every: 28,
        hour: 11,
        note: "demo-touch-partner-call",
    },
    // Jürgen: one order a quarter, by video.
    Habit {
        name: "Jürgen Müller",
        channel: Channel::Video,
        from: 390,
        until: 150,
        every: 90,
        hour: 10,
        note: "demo-touch-order",
    },
    // Lea: the odd message between dinners.
    Habit {
        name: "Lea Brandt",
        channel: Channel::Chat,
        from: 200,
        until: 60,
        every: 35,
        hour: 19,
        note: "",
    },
    Habit {
        name: "Lea Brandt",
        channel: Channel::Meet,
        from: 330,
        until: 150,
        every: 120,
        hour: 20,
        note: "demo-touch-dinner",
    },
    // Sophie: e-mail around the monthly roadmap call.
    Habit {
        name: "Sophie Lang",
        channel: Channel::Email,
        from: 200,
        until: 35,
        every: 15,
        hour: 9,
        note: "demo-touch-roadmap-notes",
    },
];

/// A small, deterministic wobble so the habits do not look machine-made.
fn wobble(name: &str, n: i64) -> i64 {
    let seed = name.bytes().map(i64::from).sum::<i64>() + n * 7;
    seed % 3 - 1
}

/// Adds the habits, and the kept Sunday calls of Mama's Jour fixe from its
/// start until `kept_until` (every fifth one missed, as life goes); `say`
/// gives a note's text in the demo's language.
pub fn add(
    conn: &Tx,
    say: &dyn Fn(&str) -> String,
    ids: &std::collections::HashMap<&str, Id>,
    at: &dyn Fn(i64, u32) -> DateTime<Utc>,
    today: NaiveDate,
    sundays_from: NaiveDate,
    kept_until: NaiveDate,
) -> Result<()> {
    for habit in HABITS {
        let mut n = 0;
        let mut days_ago = habit.from;
        while days_ago > habit.until {
            let day = (days_ago + wobble(habit.name, n)).max(habit.until + 1);
            insert(
                conn,
                ids[habit.name],
                at(day, habit.hour),
                habit.channel,
                &(if habit.note.is_empty() {
                    String::new()
                } else {
                    say(habit.note)
                }),
            )?;
            n += 1;
            days_ago -= habit.every;
        }
    }
    let mut sunday = sundays_from;
    let mut n = 0;
    while sunday <= kept_until {
        if sunday.weekday() == chrono::Weekday::Sun && n % 5 != 3 {
            insert(
                conn,
                ids["Ingrid Rau"],
                at((today - sunday).num_days(), 18),
                Channel::Call,
                &say("demo-touch-sunday-call"),
            )?;
        }
        n += 1;
        sunday += Duration::days(7);
    }
    Ok(())
}

fn insert(conn: &Tx, contact: Id, at: DateTime<Utc>, channel: Channel, note: &str) -> Result<()> {
    let touch = Touch {
        id: 0,
        at,
        channel,
        note: (!note.is_empty()).then(|| note.to_string()),
        outcome: Outcome::Done,
        rating: None,
        hook_id: None,
        participants: vec![contact],
        captured: Vec::new(),
    };
    touches::insert(conn, &touch, at)?;
    Ok(())
}
