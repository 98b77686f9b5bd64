//! Reminders in words, for the desktop notification, `notify --dry-run`,
//! the TUI's banner and the status bar: "Jour fixe with Anna at 10:00 —
//! call · ask about the Q3 launch", "3 people to call: Anna (7d), Jonas
//! (12d), Mama". Every piece of user text passes through [`clean`].

use chrono::NaiveDate;

use super::{age, clean};
use crate::i18n;
use crate::remind::{JourFixeSoon, Reminder, Summary, ToCall};
use crate::{t, tr};

/// How many names the morning summary lists before it counts the rest.
pub const SUMMARY_NAMES: usize = 6;

/// A reminder as a notification's title and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub title: String,
    pub body: String,
}

impl Words {
    /// Title and body on one line: "title — body" ("title: body" for the
    /// morning summary, whose body is a list).
    pub fn line(&self) -> String {
        self.line_with(" — ")
    }

    fn line_with(&self, sep: &str) -> String {
        match self.body.is_empty() {
            true => self.title.clone(),
            false => format!("{}{sep}{}", self.title, self.body),
        }
    }
}

/// The words of `reminder`, seen on `today`.
pub fn words(reminder: &Reminder, today: NaiveDate) -> Words {
    match reminder {
        Reminder::JourFixe(j) => jourfixe(j, today),
        Reminder::FollowUp(f) => Words {
            title: t!("reminder-followup", name = clean(&f.name)),
            body: clean(&f.note),
        },
        Reminder::Morning(s) => summary(s),
    }
}

/// One line for a reminder: `draht notify --dry-run` and the TUI banner.
pub fn line(reminder: &Reminder, today: NaiveDate) -> String {
    let words = words(reminder, today);
    match reminder {
        Reminder::Morning(_) => words.line_with(": "),
        _ => words.line(),
    }
}

/// "Jour fixe with Anna at 10:00" / "… tomorrow at 09:00" / "… today",
/// then "call · the note · the hook".
pub fn jourfixe(j: &JourFixeSoon, today: NaiveDate) -> Words {
    let lang = i18n::current();
    let when = match (j.date == today, j.time) {
        (true, Some(time)) => t!("reminder-at", time = super::time(lang, time)),
        (true, None) => tr!("reminder-today").to_string(),
        (false, time) => {
            let day = match today.succ_opt() == Some(j.date) {
                true => tr!("reminder-tomorrow").to_string(),
                false => super::day(j.date, today),
            };
            match time {
                Some(time) => t!("reminder-day-at", day = day, time = super::time(lang, time)),
                None => day,
            }
        }
    };
    let mut body = vec![super::channel_name(lang, j.channel).to_string()];
    body.extend(
        j.note
            .as_deref()
            .map(clean)
            .filter(|n| !n.trim().is_empty()),
    );
    body.extend(
        j.hook
            .as_deref()
            .map(clean)
            .filter(|h| !h.trim().is_empty()),
    );
    Words {
        title: t!("reminder-jourfixe", name = clean(&j.name), when = when),
        body: body.join(" · "),
    }
}

/// "3 people to call", "Anna (7d), Jonas (12d), Mama".
pub fn summary(s: &Summary) -> Words {
    let n = s.people.len();
    let title = t!("reminder-to-call", count = n);
    let mut names: Vec<String> = s.people.iter().take(SUMMARY_NAMES).map(to_call).collect();
    if n > SUMMARY_NAMES {
        names.push(t!("and-more", count = n - SUMMARY_NAMES));
    }
    Words {
        title,
        body: names.join(", "),
    }
}

/// "Anna (7d)", or the name alone when due today.
pub fn to_call(p: &ToCall) -> String {
    match p.days_overdue {
        d if d > 0 => format!("{} ({})", clean(&p.name), age(d)),
        _ => clean(&p.name),
    }
}

/// User text for a field read as Pango or notification markup (waybar's
/// text and tooltip, a notification's body): `&`, `<` and `>` escaped, so
/// that it shows as typed.
pub fn markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, NaiveTime};

    use super::*;
    use crate::model::Channel;
    use crate::remind::FollowUpDue;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    fn anna(date: NaiveDate, time: Option<NaiveTime>) -> JourFixeSoon {
        JourFixeSoon {
            id: 1,
            contact_id: 1,
            name: "Anna".into(),
            date,
            time,
            duration_minutes: None,
            channel: Channel::Call,
            note: None,
            hook: Some("ask about the Q3 launch".into()),
            remind_at: NaiveDateTime::default(),
        }
    }

    #[test]
    fn a_jour_fixe_reads_as_who_when_how_and_what_to_talk_about() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        let today = d(8);
        let r = Reminder::JourFixe(anna(today, ten));
        assert_eq!(
            line(&r, today),
            "Jour fixe with Anna at 10:00 — call · ask about the Q3 launch"
        );
        assert_eq!(
            jourfixe(&anna(d(9), ten), today).title,
            "Jour fixe with Anna tomorrow at 10:00"
        );
        assert_eq!(
            jourfixe(&anna(d(11), None), today).title,
            "Jour fixe with Anna Fri 11 Dec"
        );
        let mut quiet = anna(today, None);
        quiet.hook = None;
        quiet.note = Some("bring\nthe contract".into());
        assert_eq!(
            line(&Reminder::JourFixe(quiet), today),
            "Jour fixe with Anna today — call · bring the contract"
        );
    }

    #[test]
    fn the_summary_names_the_first_people_and_counts_the_rest() {
        let person = |name: &str, days_overdue| ToCall {
            contact_id: 1,
            name: name.into(),
            days_overdue,
        };
        let s = Summary {
            date: d(8),
            people: vec![person("Anna", 7), person("Jonas", 12), person("Mama", 0)],
        };
        assert_eq!(
            line(&Reminder::Morning(s.clone()), d(8)),
            "3 people to call: Anna (7d), Jonas (12d), Mama"
        );
        let many = Summary {
            date: d(8),
            people: (0..9).map(|i| person(&format!("P{i}"), 1)).collect(),
        };
        assert!(summary(&many).body.ends_with("P5 (1d), and 3 more"));
        let one = Summary {
            date: d(8),
            people: vec![person("Mama", 0)],
        };
        assert_eq!(summary(&one).title, "1 person to call");
    }

    #[test]
    fn a_followup_reads_as_whom_and_what() {
        let f = Reminder::FollowUp(FollowUpDue {
            id: 1,
            contact_id: 1,
            name: "Anna\u{1b}[2J".into(),
            due: d(8),
            note: "send the offer".into(),
        });
        assert_eq!(
            line(&f, d(8)),
            "Follow-up with Anna\u{fffd}[2J — send the offer"
        );
    }
}
