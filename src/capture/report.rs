//! The unknown-correspondent report: the people the user writes to (and
//! meets) most who are not in draht yet, with the name their mail gives,
//! so that `draht capture --report --add N` can add them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::address::Book;
use super::{Item, Person};

/// One person nobody in draht is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unknown {
    pub address: String,
    /// The display name seen most often for the address.
    pub name: Option<String>,
    /// Mail the user wrote to them.
    pub sent: u32,
    /// Mail they wrote to the user.
    pub received: u32,
    /// Events with them.
    pub events: u32,
    pub last: DateTime<Utc>,
}

#[derive(Clone, Debug, Default)]
struct Counts {
    sent: u32,
    received: u32,
    events: u32,
    last: Option<DateTime<Utc>>,
    names: HashMap<String, u32>,
}

/// Counts of every unknown person, by address.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    by_address: HashMap<String, Counts>,
}

impl Tally {
    /// Counts the people of `item` whom `book` does not know. `event`:
    /// the item is a calendar event, not a mail.
    pub fn add(&mut self, item: &Item, event: bool, book: &Book) {
        for person in &item.people {
            if !book.person(person).is_empty() {
                continue;
            }
            self.count(person, item, event);
        }
    }

    /// Adds another tally's counts to this one.
    pub fn merge(&mut self, other: Tally) {
        for (address, c) in other.by_address {
            let mine = self.by_address.entry(address).or_default();
            mine.sent += c.sent;
            mine.received += c.received;
            mine.events += c.events;
            mine.last = mine.last.max(c.last);
            for (name, n) in c.names {
                *mine.names.entry(name).or_default() += n;
            }
        }
    }

    fn count(&mut self, person: &Person, item: &Item, event: bool) {
        let c = self
            .by_address
            .entry(person.handle.as_str().to_string())
            .or_default();
        if event {
            c.events += 1;
        } else if item.sent {
            c.sent += 1;
        } else {
            c.received += 1;
        }
        c.last = Some(c.last.map_or(item.at, |l| l.max(item.at)));
        if let Some(name) = &person.name {
            *c.names.entry(name.clone()).or_default() += 1;
        }
    }

    /// The people by how much the user wrote to them (then how much they
    /// wrote and met, then by address). With `written_only`, only those the
    /// user wrote to or met: someone who only ever writes to the user is
    /// seldom a relationship (shops, newsletters without list headers).
    pub fn ranked(&self, written_only: bool) -> Vec<Unknown> {
        let mut all: Vec<Unknown> = self
            .by_address
            .iter()
            .filter(|(_, c)| !written_only || c.sent + c.events > 0)
            .map(|(address, c)| Unknown {
                address: address.clone(),
                name: c
                    .names
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(n, _)| n.clone()),
                sent: c.sent,
                received: c.received,
                events: c.events,
                last: c.last.unwrap_or(DateTime::UNIX_EPOCH),
            })
            .collect();
        all.sort_by(|a, b| {
            (b.sent + b.events)
                .cmp(&(a.sent + a.events))
                .then(b.received.cmp(&a.received))
                .then_with(|| a.address.cmp(&b.address))
        });
        all
    }
}

/// A name for someone whose mail gives none: "jonas.weber@firma.de" →
/// "Jonas Weber"; a local part of one word stays the address.
pub fn guess_name(address: &str) -> String {
    let local = address.split('@').next().unwrap_or(address);
    let words: Vec<String> = local
        .split(['.', '_', '-'])
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    if words.len() >= 2 && words.iter().all(|w| w.chars().count() >= 2) {
        words.join(" ")
    } else {
        address.to_string()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::capture::Handle;
    use crate::capture::address::Entry;
    use crate::model::{Channel, Outcome};

    fn item(to: &str, name: Option<&str>, sent: bool, day: u32) -> Item {
        Item {
            key: format!("{to}{day}{sent}"),
            at: Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap(),
            channel: Channel::Email,
            outcome: Outcome::Done,
            people: vec![Person {
                handle: Handle::Email(to.into()),
                name: name.map(String::from),
            }],
            sent,
            text: None,
        }
    }

    #[test]
    fn the_people_written_to_most_come_first() {
        let book = Book::new(
            &[Entry {
                id: 1,
                name: "Anna".into(),
                nickname: None,
                emails: vec!["anna@x.de".into()],
                archived: false,
            }],
            &["me@x.de".into()],
            false,
        );
        let mut tally = Tally::default();
        for day in 1..=14 {
            tally.add(
                &item("j.weber@firma.de", Some("Jonas Weber"), true, day),
                false,
                &book,
            );
        }
        tally.add(
            &item("j.weber@firma.de", Some("Weber, Jonas"), false, 20),
            false,
            &book,
        );
        for day in 1..=3 {
            tally.add(&item("lea@brandt.de", None, true, day), false, &book);
            tally.add(&item("anna@x.de", None, true, day), false, &book);
        }
        for day in 1..=30 {
            tally.add(&item("shop@store.example", None, false, day), false, &book);
        }
        let ranked = tally.ranked(true);
        let addresses: Vec<&str> = ranked.iter().map(|u| u.address.as_str()).collect();
        assert_eq!(addresses, vec!["j.weber@firma.de", "lea@brandt.de"]);
        assert_eq!(ranked[0].sent, 14);
        assert_eq!(ranked[0].received, 1);
        assert_eq!(ranked[0].name.as_deref(), Some("Jonas Weber"));
        assert_eq!(ranked[0].last.day(), 20);
        assert_eq!(tally.ranked(false).len(), 3, "the shop, when asked for all");
    }

    #[test]
    fn names_guessed_from_addresses() {
        assert_eq!(guess_name("jonas.weber@firma.de"), "Jonas Weber");
        assert_eq!(guess_name("anna_maria-schmidt@x.de"), "Anna Maria Schmidt");
        assert_eq!(guess_name("info@x.de"), "info@x.de");
        assert_eq!(guess_name("j.weber@firma.de"), "j.weber@firma.de");
        assert_eq!(guess_name("user123.x@x.de"), "user123.x@x.de");
    }

    use chrono::Datelike;
}
