//! Believable sample people for `--demo`, placed relative to "now" so the
//! agenda always has something to show: a client only e-mailed for weeks, a
//! friend not met in a while, family due today, a fresh hook, a missed call,
//! and Jour fixe: Mama's Sunday call (one kept, last week's missed) and a
//! client's monthly video call. Behind the story lies a year of history
//! (`history`) for the insight views.

mod history;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::clock;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::jourfixe::{JourFixe, Tz, aligned_start, last_occurrence_before, parse_rule};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Id, Outcome, Sphere, Touch};
use crate::store::{Store, contacts, followups, hooks, jourfixe, touches};

/// A sample person. Names, companies and addresses are the same in every
/// language; `role`, `tags` and `notes` are message ids (`demo-*` in the
/// `.ftl` files), as are the notes and texts of the tables below.
struct Person {
    name: &'static str,
    nickname: Option<&'static str>,
    sphere: Sphere,
    company: Option<&'static str>,
    role: Option<&'static str>,
    every: Option<u32>,
    min: Option<Channel>,
    tags: &'static [&'static str],
    email: Option<&'static str>,
    phone: Option<&'static str>,
    /// (days before today, month, day) → birthday `days` from today, born in that year
    birthday_in: Option<(i64, i32)>,
    notes: Option<&'static str>,
    /// Added this many days ago.
    added: i64,
}

const PEOPLE: &[Person] = &[
    Person {
        name: "Anna Schmidt",
        nickname: None,
        sphere: Sphere::Work,
        company: Some("ACME GmbH"),
        role: Some("demo-role-anna"),
        every: Some(14),
        min: None,
        tags: &["demo-tag-client"],
        email: Some("anna.schmidt@acme.example"),
        phone: Some("+49 170 5550101"),
        birthday_in: None,
        notes: Some("demo-note-anna"),
        added: 400,
    },
    Person {
        name: "Jonas Weber",
        nickname: None,
        sphere: Sphere::Private,
        company: None,
        role: None,
        every: Some(28),
        min: Some(Channel::Meet),
        tags: &["demo-tag-friend"],
        email: Some("jonas@weber.example"),
        phone: None,
        birthday_in: None,
        notes: Some("demo-note-jonas"),
        added: 500,
    },
    Person {
        name: "Ingrid Rau",
        nickname: Some("Mama"),
        sphere: Sphere::Private,
        company: None,
        role: None,
        every: Some(7),
        min: None,
        tags: &["demo-tag-family"],
        email: None,
        phone: Some("+49 30 5550123"),
        birthday_in: None,
        notes: None,
        added: 600,
    },
    Person {
        name: "Lea Brandt",
        nickname: None,
        sphere: Sphere::Private,
        company: None,
        role: None,
        every: Some(60),
        min: None,
        tags: &["demo-tag-friend"],
        email: Some("lea.brandt@mail.example"),
        phone: None,
        birthday_in: Some((4, 1992)),
        notes: None,
        added: 300,
    },
    Person {
        name: "Ben Okafor",
        nickname: None,
        sphere: Sphere::Private,
        company: None,
        role: None,
        every: Some(14),
        min: None,
        tags: &["demo-tag-sailing"],
        email: None,
        phone: Some("+49 151 5550177"),
        birthday_in: None,
        notes: None,
        added: 200,
    },
    Person {
        name: "Thomas Keller",
        nickname: None,
        sphere: Sphere::Work,
        company: Some("Keller Consulting"),
        role: Some("demo-role-thomas"),
        every: Some(21),
        min: None,
        tags: &["demo-tag-partner"],
        email: Some("tk@keller.example"),
        phone: Some("+49 89 5550188"),
        birthday_in: None,
        notes: None,
        added: 365,
    },
    Person {
        name: "Sophie Lang",
        nickname: None,
        sphere: Sphere::Work,
        company: Some("Nordlicht AG"),
        role: Some("demo-role-sophie"),
        every: Some(42),
        min: None,
        tags: &["demo-tag-client"],
        email: Some("sophie.lang@nordlicht.example"),
        phone: None,
        birthday_in: None,
        notes: None,
        added: 250,
    },
    Person {
        name: "Jürgen Müller",
        nickname: None,
        sphere: Sphere::Work,
        company: Some("Müller & Söhne"),
        role: Some("demo-role-juergen"),
        every: Some(90),
        min: None,
        tags: &["demo-tag-client"],
        email: Some("j.mueller@mueller-soehne.example"),
        phone: None,
        birthday_in: None,
        notes: Some("demo-note-juergen"),
        added: 700,
    },
    Person {
        name: "Clara Hoffmann",
        nickname: None,
        sphere: Sphere::Private,
        company: None,
        role: None,
        every: None,
        min: None,
        tags: &["demo-tag-neighbour"],
        email: None,
        phone: None,
        birthday_in: None,
        notes: None,
        added: 30,
    },
];

/// (name, days ago, hour, channel, outcome, note's message id, also with)
type Moment = (
    &'static str,
    i64,
    u32,
    Channel,
    Outcome,
    Option<&'static str>,
    Option<&'static str>,
);

const MOMENTS: &[Moment] = &[
    // Anna: a call three weeks ago, then only e-mails — the drift draht is for.
    (
        "Anna Schmidt",
        21,
        10,
        Channel::Call,
        Outcome::Done,
        Some("demo-touch-q3-review"),
        None,
    ),
    (
        "Anna Schmidt",
        17,
        9,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-q3-minutes"),
        None,
    ),
    (
        "Anna Schmidt",
        12,
        16,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-contract"),
        None,
    ),
    (
        "Anna Schmidt",
        8,
        11,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-contract-again"),
        None,
    ),
    (
        "Anna Schmidt",
        3,
        14,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-cancelled"),
        None,
    ),
    (
        "Anna Schmidt",
        1,
        8,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-offer-numbers"),
        None,
    ),
    // Jonas: only chats since the last coffee.
    (
        "Jonas Weber",
        40,
        15,
        Channel::Meet,
        Outcome::Done,
        Some("demo-touch-markthalle"),
        None,
    ),
    (
        "Jonas Weber",
        20,
        21,
        Channel::Chat,
        Outcome::Done,
        Some("demo-touch-boat-photos"),
        None,
    ),
    (
        "Jonas Weber",
        6,
        19,
        Channel::Chat,
        Outcome::Done,
        None,
        None,
    ),
    // Mama: the weekly Sunday call is a Jour fixe, placed on real Sundays
    // in `seed`.
    // Lea: a dinner a while ago.
    (
        "Lea Brandt",
        45,
        20,
        Channel::Meet,
        Outcome::Done,
        Some("demo-touch-dinner-hamburg"),
        None,
    ),
    // Ben: sailing together.
    (
        "Ben Okafor",
        11,
        14,
        Channel::Meet,
        Outcome::Done,
        Some("demo-touch-wannsee"),
        None,
    ),
    // Thomas: a call that did not connect yesterday — then next time.
    (
        "Thomas Keller",
        30,
        12,
        Channel::Meet,
        Outcome::Done,
        Some("demo-touch-lunch-sophie"),
        Some("Sophie Lang"),
    ),
    (
        "Thomas Keller",
        1,
        17,
        Channel::Call,
        Outcome::Missed,
        Some("demo-touch-voicemail"),
        None,
    ),
    // Jürgen: quiet since the last order.
    (
        "Jürgen Müller",
        120,
        10,
        Channel::Video,
        Outcome::Done,
        Some("demo-touch-spring-order"),
        None,
    ),
    (
        "Jürgen Müller",
        60,
        10,
        Channel::Email,
        Outcome::Done,
        Some("demo-touch-invoice"),
        None,
    ),
];

/// Fills an empty store with the sample people, their history, hooks and
/// a follow-up, relative to `now`, in English.
pub fn seed(store: &mut Store, now: DateTime<Utc>) -> Result<()> {
    seed_in(store, now, Lang::En)
}

/// [`seed`] with the sample texts (roles, tags, notes, hooks, follow-ups,
/// Jour fixe notes) in `lang`: the same people and the same story. The
/// texts are the `demo-*` messages of the `.ftl` files, so the id-parity
/// test keeps every one of them in both languages.
pub fn seed_in(store: &mut Store, now: DateTime<Utc>, lang: Lang) -> Result<()> {
    let say = |id: &str| crate::i18n::text(lang, id, None);
    let today = clock::local_day(now);
    let at = |days_ago: i64, hour: u32| {
        let day = today - Duration::days(days_ago);
        clock::from_local(day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default()))
    };
    store.write(|tx| {
        let mut ids = std::collections::HashMap::new();
        for p in PEOPLE {
            let contact = Contact {
                id: 0,
                uid: String::new(),
                name: p.name.to_string(),
                nickname: p.nickname.map(String::from),
                sphere: p.sphere,
                tags: p.tags.iter().map(|t| say(t)).collect(),
                company: p.company.map(String::from),
                role: p.role.map(say),
                emails: p.email.map(Handle::new).into_iter().collect(),
                phones: p.phone.map(Handle::new).into_iter().collect(),
                birthday: p.birthday_in.and_then(|(days, year)| {
                    let day = today + Duration::days(days);
                    use chrono::Datelike;
                    Birthday::new(Some(year), day.month(), day.day())
                }),
                notes: p.notes.map(say),
                cadence_days: p.every,
                min_channel: p.min,
                snoozed_until: None,
                archived: false,
                created_at: now,
            };
            let id = contacts::insert(tx, &contact, at(p.added, 9))?;
            ids.insert(p.name, id);
        }
        for (name, days_ago, hour, channel, outcome, note, with) in MOMENTS {
            let mut participants = vec![ids[name]];
            if let Some(other) = with {
                participants.push(ids[other]);
            }
            let touch = Touch {
                id: 0,
                at: at(*days_ago, *hour),
                channel: *channel,
                note: note.map(say),
                outcome: *outcome,
                rating: (*channel == Channel::Meet).then_some(1),
                hook_id: None,
                participants,
                captured: Vec::new(),
            };
            touches::insert(tx, &touch, touch.at)?;
        }
        let hook_list: [(&str, HookKind, &str, i64); 6] = [
            ("Anna Schmidt", HookKind::Project, "demo-hook-q3-launch", 20),
            (
                "Anna Schmidt",
                HookKind::Hobby,
                "demo-hook-sailing-june",
                90,
            ),
            ("Jonas Weber", HookKind::Hobby, "demo-hook-boat", 19),
            ("Sophie Lang", HookKind::Offer, "demo-hook-workshop", 2),
            ("Jürgen Müller", HookKind::Common, "demo-hook-freiburg", 300),
            ("Lea Brandt", HookKind::Personal, "demo-hook-hamburg", 44),
        ];
        for (name, kind, text, days_ago) in hook_list {
            hooks::insert(tx, ids[name], kind, &say(text), at(days_ago, 9))?;
        }
        followups::insert(
            tx,
            ids["Anna Schmidt"],
            today + Duration::days(12),
            &say("demo-followup-offer"),
            at(1, 9),
        )?;
        followups::insert(
            tx,
            ids["Lea Brandt"],
            today - Duration::days(2),
            &say("demo-followup-photos"),
            at(10, 9),
        )?;
        followups::insert(
            tx,
            ids["Sophie Lang"],
            today + Duration::days(2),
            &say("demo-followup-workshop"),
            at(2, 9),
        )?;
        // Mama's Sunday call: the Sunday before last was kept (and the one
        // before that), last Sunday's was missed.
        let days_since_sunday = i64::from(today.weekday().num_days_from_sunday());
        let last_sunday = if days_since_sunday == 0 {
            7
        } else {
            days_since_sunday
        };
        for days_ago in [last_sunday + 7, last_sunday + 14] {
            let touch = Touch {
                id: 0,
                at: at(days_ago, 18),
                channel: Channel::Call,
                note: Some(say("demo-touch-sunday-call")),
                outcome: Outcome::Done,
                rating: None,
                hook_id: None,
                participants: vec![ids["Ingrid Rau"]],
                captured: Vec::new(),
            };
            touches::insert(tx, &touch, touch.at)?;
        }
        let plans = [
            ("Ingrid Rau", "weekly sun 18:00", Channel::Call, None, None),
            (
                "Sophie Lang",
                "every 2nd tue 10:00",
                Channel::Video,
                Some(45),
                Some("demo-jourfixe-roadmap"),
            ),
        ];
        for (name, phrase, channel, minutes, note) in plans {
            let jf = demo_jourfixe(ids[name], phrase, today - Duration::days(120))?;
            let jf = JourFixe {
                channel,
                duration_minutes: minutes,
                note: note.map(say),
                ..jf
            };
            jourfixe::insert(tx, &jf, at(120, 9))?;
            // Sophie's monthly calls were held, all but one in the summer.
            if name == "Sophie Lang" {
                let past = crate::jourfixe::occurrences(
                    &jf,
                    jf.start,
                    today - Duration::days(1),
                    Tz::LOCAL,
                );
                for (n, held) in past.iter().enumerate().rev().skip(1) {
                    if n == 1 {
                        continue;
                    }
                    let touch = Touch {
                        id: 0,
                        at: at((today - *held).num_days(), 10),
                        channel,
                        note: note.map(say),
                        outcome: Outcome::Done,
                        rating: Some(if n % 2 == 0 { 1 } else { 0 }),
                        hook_id: None,
                        participants: vec![ids[name]],
                        captured: Vec::new(),
                    };
                    touches::insert(tx, &touch, touch.at)?;
                }
            }
            // Sophie's last monthly call was held.
            if name == "Sophie Lang"
                && let Some(held) = last_occurrence_before(&jf, today, Tz::LOCAL)
            {
                let touch = Touch {
                    id: 0,
                    at: at((today - held).num_days(), 10),
                    channel,
                    note: note.map(say),
                    outcome: Outcome::Done,
                    rating: Some(1),
                    hook_id: None,
                    participants: vec![ids[name]],
                    captured: Vec::new(),
                };
                touches::insert(tx, &touch, touch.at)?;
            }
        }
        let jf_from = today - Duration::days(120);
        let first_sunday =
            jf_from + Duration::days((7 - i64::from(jf_from.weekday().num_days_from_sunday())) % 7);
        history::add(
            tx,
            &say,
            &ids,
            &at,
            today,
            first_sunday,
            today - Duration::days(last_sunday + 21),
        )?;
        Ok(())
    })
}

/// A Jour fixe as `jourfixe add` makes it, starting on or after `from`.
fn demo_jourfixe(contact_id: Id, phrase: &str, from: NaiveDate) -> Result<JourFixe> {
    let spec = parse_rule(phrase).map_err(|e| Error::input(e.to_string()))?;
    let start = aligned_start(&spec.rrule, from, Tz::LOCAL)
        .ok_or_else(|| Error::input(format!("the demo rule {phrase:?} has no dates")))?;
    Ok(JourFixe {
        id: 0,
        contact_id,
        start,
        rrule: spec.rrule,
        time: spec.time,
        duration_minutes: None,
        channel: Channel::Call,
        note: None,
        active: true,
        skipped: Vec::new(),
    })
}
