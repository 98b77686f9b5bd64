//! The address book the exports are made for: the contacts of a draht
//! database (one `examples/synth` wrote, or any other), their numbers in
//! E.164 as capture compares them, and the people who are not in it.

use std::collections::HashSet;
use std::path::Path;

use draht::capture::phone;
use draht::matching::fold;

use super::words::{FIRST, LAST};

/// A contact as the phone knows it.
pub struct Contact {
    pub name: String,
    /// The numbers as the database keeps them, and in E.164.
    pub raw: Vec<String>,
    pub e164: Vec<String>,
}

pub struct Book {
    pub contacts: Vec<Contact>,
    /// Every contact's number in E.164: a stranger's is none of them.
    pub known: HashSet<String>,
    /// Every contact's folded name and nickname: a stranger's is none.
    pub names: HashSet<String>,
}

impl Book {
    /// The active and archived contacts of the draht database `db`.
    pub fn read(db: &Path, region: &str) -> Result<Book, String> {
        let err = |e: rusqlite::Error| format!("{}: {e}", db.display());
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(err)?;
        let mut contacts: Vec<Contact> = Vec::new();
        let mut names = HashSet::new();
        let mut stmt = conn
            .prepare("SELECT id, name, nickname FROM contacts ORDER BY id")
            .map_err(err)?;
        let mut ids = Vec::new();
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (id, name, nickname) = row.map_err(err)?;
            names.insert(fold(&name));
            if let Some(n) = nickname {
                names.insert(fold(&n));
            }
            ids.push(id);
            contacts.push(Contact {
                name,
                raw: Vec::new(),
                e164: Vec::new(),
            });
        }
        let region = phone::region(region);
        let mut known = HashSet::new();
        let mut stmt = conn
            .prepare("SELECT contact_id, value FROM contact_phones ORDER BY contact_id, position")
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(err)?;
        for row in rows {
            let (id, value) = row.map_err(err)?;
            let Ok(i) = ids.binary_search(&id) else {
                continue;
            };
            if let Some(e164) = phone::normalize(&value, region) {
                known.insert(e164.clone());
                contacts[i].raw.push(value);
                contacts[i].e164.push(e164);
            }
        }
        if contacts.is_empty() {
            return Err(format!("{}: no contacts in it", db.display()));
        }
        Ok(Book {
            contacts,
            known,
            names,
        })
    }

    /// The contacts with a number.
    pub fn with_phones(&self) -> Vec<usize> {
        (0..self.contacts.len())
            .filter(|&i| !self.contacts[i].e164.is_empty())
            .collect()
    }

    /// `n` numbers of people who are not in the book (other mobile
    /// prefixes than the book's, checked against it).
    pub fn strangers(&self, rng: &mut fastrand::Rng, n: usize) -> Vec<String> {
        let mut out = Vec::with_capacity(n);
        let mut seen = HashSet::new();
        while out.len() < n {
            let prefix = [
                "151", "152", "157", "160", "162", "176", "177", "30", "40", "89",
            ][rng.usize(..10)];
            let e164 = format!("+49{prefix}{:08}", rng.u32(..100_000_000));
            if !self.known.contains(&e164) && seen.insert(e164.clone()) {
                out.push(e164);
            }
        }
        out
    }

    /// A name no contact has: a first name and what the user knows them
    /// by ("Lea Kita").
    pub fn stranger_name(&self, rng: &mut fastrand::Rng) -> String {
        const BY: &[&str] = &[
            "Kita",
            "Yoga",
            "Handwerker",
            "Vermieter",
            "Nachbarin",
            "Kurs",
            "Tauschbörse",
            "Verein",
        ];
        loop {
            let name = format!(
                "{} {}",
                FIRST[rng.usize(..FIRST.len())],
                BY[rng.usize(..BY.len())]
            );
            if !self.names.contains(&fold(&name)) {
                return name;
            }
        }
    }

    /// A stranger's full name for a chat, checked against the book.
    pub fn unknown_full_name(&self, rng: &mut fastrand::Rng) -> String {
        loop {
            let name = format!(
                "{} {}",
                FIRST[rng.usize(..FIRST.len())],
                LAST[rng.usize(..LAST.len())]
            );
            if !self.names.contains(&fold(&name)) {
                return name;
            }
        }
    }
}

/// A number written the ways a phone keeps them: E.164 mostly, the
/// national form, the `00` form, or as the address book has it.
pub fn written(rng: &mut fastrand::Rng, raw: &str, e164: &str) -> String {
    let national = e164.strip_prefix("+49");
    match (rng.u32(..100), national) {
        (0..60, _) | (_, None) => e164.to_string(),
        (60..80, Some(n)) => format!("0{n}"),
        (80..85, Some(n)) => format!("0049{n}"),
        (85..90, Some(n)) if n.len() > 3 => format!("0{} {}", &n[..3], &n[3..]),
        _ => raw.to_string(),
    }
}

/// Picks person `i` of `n` with weight 1 / (i / 20 + 1): a few people get
/// most of the texts, as on a real phone.
pub struct Skewed {
    cumulative: Vec<f64>,
}

impl Skewed {
    pub fn new(n: usize) -> Skewed {
        let mut sum = 0.0;
        let cumulative = (0..n)
            .map(|i| {
                sum += 1.0 / (i as f64 / 20.0 + 1.0);
                sum
            })
            .collect();
        Skewed { cumulative }
    }

    pub fn pick(&self, rng: &mut fastrand::Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&0.0);
        let x = rng.f64() * total;
        self.cumulative
            .partition_point(|c| *c < x)
            .min(self.cumulative.len().saturating_sub(1))
    }
}
