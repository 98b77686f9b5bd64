//! What the screen shows, loaded from the store in one read transaction and
//! turned into display rows once per change of the data (never per frame):
//! the agenda rows of Today, the contact rows of Contacts (with their
//! filter keys), and the Jour fixe occurrences.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use nucleo_matcher::Utf32String;
use unicode_width::UnicodeWidthStr;

use super::jourfixe::{self, Occurrence, OccurrenceState};
use crate::clock;
use crate::error::Result;
use crate::matching;
use crate::model::Id;
use crate::schedule::{self, Agenda, Checkin, ContactFacts, Plan, PlanKind, Settings, Status};
use crate::store::{Store, contacts, facts, followups};
use crate::text::{age, channel_glyph, clean, day_short, sphere_short};

mod reload;
mod today;

pub use reload::reload_contacts;
pub use today::why;
use today::{FIRST_FRAME_ROWS, today_name_width, today_rows};

/// Today lists the Jour fixe of today and the six days after it.
const JOUR_FIXE_DAYS: i64 = 6;

/// One contact line of the Contacts table, ready to draw and to sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactRow {
    pub id: Id,
    pub name: String,
    pub sphere: &'static str,
    pub tags: String,
    pub last_touch: String,
    pub last_touch_at: Option<DateTime<Utc>>,
    pub next_jourfixe: String,
    pub status: Option<Status>,
    /// `days_overdue` of the check-in (for sorting by urgency).
    pub days_overdue: Option<i64>,
    /// Folded name (sort key).
    pub name_key: String,
    /// What the fuzzy filter reads: folded name, nickname, company and tags…
    pub haystack: Utf32String,
    /// …and the same with German transliteration (ü → ue).
    pub haystack_alt: Utf32String,
    /// Which characters occur in either haystack (see [`char_mask`]), so the
    /// filter can skip rows that cannot match without scoring them.
    pub mask: u64,
}

/// One bit per ASCII letter or digit, and bit 63 for anything else.
pub fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            ' ' => 0,
            _ => 1 << 63,
        }
    })
}

/// `matching::fold` and `matching::transliterate` of `text` at once, with a
/// fast path for plain ASCII (most names), which folds to itself.
pub fn fold_keys(text: &str) -> (String, String) {
    if text.is_ascii() {
        let folded = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        return (folded.clone(), folded);
    }
    (matching::fold(text), matching::transliterate(text))
}

/// `matching::fold` of `text` (the first of [`fold_keys`]), with the same
/// fast path for plain ASCII.
pub fn fold_key(text: &str) -> String {
    if text.is_ascii() {
        let mut folded = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(word);
        }
        folded.make_ascii_lowercase();
        return folded;
    }
    matching::fold(text)
}

/// [`clean`], without the per-character copy for printable ASCII (which it
/// leaves as it is).
fn clean_plain(text: &str) -> String {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.to_string();
    }
    clean(text)
}

/// How a Today row is styled on the right.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Urgency {
    Overdue,
    Due,
    Planned,
    Later,
}

/// One line of the Today tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TodayRow {
    Section(&'static str),
    Contact {
        id: Id,
        name: String,
        sphere: &'static str,
        /// "call 21d ago · 5 written since"
        why: String,
        /// Three written touches or more since the last personal one.
        drifting: bool,
        /// "7d", "today", "in 3d"
        when: String,
        urgency: Urgency,
        hook: Option<String>,
    },
    JourFixe {
        id: Id,
        date: String,
        name: String,
        channel: String,
    },
    FollowUp {
        id: Id,
        date: String,
        overdue: bool,
        name: String,
        note: String,
    },
    Birthday {
        id: Id,
        date: String,
        who: String,
    },
    /// A line of prose when nothing is due.
    Note(String),
}

impl TodayRow {
    /// The contact a row is about; section headings and notes have none.
    pub fn contact_id(&self) -> Option<Id> {
        match self {
            TodayRow::Contact { id, .. }
            | TodayRow::JourFixe { id, .. }
            | TodayRow::FollowUp { id, .. }
            | TodayRow::Birthday { id, .. } => Some(*id),
            TodayRow::Section(_) | TodayRow::Note(_) => None,
        }
    }
}

/// Everything loaded at one data version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub today: NaiveDate,
    pub agenda: Agenda,
    /// Active contacts, by name; `checkins` and `contacts` run parallel.
    pub facts: Vec<ContactFacts>,
    pub checkins: Vec<Option<Checkin>>,
    pub contacts: Vec<ContactRow>,
    pub today_rows: Vec<TodayRow>,
    /// Width of the name column on Today (widest name, 8 to 18 cells).
    pub today_name_width: usize,
    /// Width of the name column on Contacts (widest name, 10 to 24 cells).
    pub contacts_name_width: usize,
    /// Width of the last-touch column on Contacts (widest, 10 to 15 cells).
    pub contacts_touch_width: usize,
    /// Jour fixe occurrences from the start of last month to [`until`],
    /// and each Jour fixe's next date to hold when it comes later.
    pub occurrences: Vec<Occurrence>,
    pub archived: i64,
    /// Active contacts: `facts.len()`, except in a partial snapshot.
    active: usize,
    /// Only what the first frame shows (see [`super::first`]): the first
    /// Today rows, and the facts of the contacts the agenda can concern
    /// (with a hook only for those on the rows).
    partial: bool,
    index: HashMap<Id, usize>,
    /// Per contact, its first planned occurrence on or after today (an
    /// index into `occurrences`).
    next_jf: HashMap<Id, usize>,
}

impl Snapshot {
    /// Position of a contact in `facts` / `contacts`.
    pub fn position(&self, id: Id) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn facts_of(&self, id: Id) -> Option<&ContactFacts> {
        self.position(id).map(|i| &self.facts[i])
    }

    pub fn checkin_of(&self, id: Id) -> Option<&Checkin> {
        self.position(id).and_then(|i| self.checkins[i].as_ref())
    }

    /// No contact at all, active or archived: the welcome screen.
    pub fn is_empty(&self) -> bool {
        self.active == 0 && self.archived == 0
    }

    /// Whether this is the first frame's snapshot, to be completed by
    /// [`load`] before anything but drawing it.
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Puts the whole record of one contact in (replacing its partial
    /// facts, if any), with its check-in.
    pub(super) fn put(&mut self, facts: ContactFacts, checkin: Option<Checkin>) {
        match self.position(facts.contact.id) {
            Some(i) => {
                self.facts[i] = facts;
                self.checkins[i] = checkin;
            }
            None => {
                self.index.insert(facts.contact.id, self.facts.len());
                self.facts.push(facts);
                self.checkins.push(checkin);
            }
        }
    }

    /// The next planned Jour fixe occurrence of a contact, on or after today.
    pub fn next_jourfixe(&self, id: Id) -> Option<&Occurrence> {
        self.next_jf.get(&id).map(|&i| &self.occurrences[i])
    }
}

/// The last day up to which every Jour fixe occurrence is loaded (later,
/// only each Jour fixe's next date to hold): they are plans for the
/// check-ins, and the Today tab lists the coming week's.
pub fn until(today: NaiveDate) -> NaiveDate {
    today + Duration::days(62)
}

/// The days whose Jour fixe occurrences a snapshot holds: from the start
/// of last month (the calendar shows it beside this one) to [`until`].
fn window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let month_start = today.with_day(1).unwrap_or(today);
    let month_start = (month_start - Duration::days(1))
        .with_day(1)
        .unwrap_or(month_start);
    (month_start, until(today))
}

/// Loads the snapshot for `now` in one read transaction.
pub fn load(store: &mut Store, now: DateTime<Utc>, settings: &Settings) -> Result<Snapshot> {
    let today = clock::local_day(now);
    let (from, to) = window(today);
    let (all, open, archived, occurrences) = store.read(|tx| {
        let all = facts::load_active(tx)?;
        let open = followups::open(tx)?;
        let (_, archived) = contacts::count(tx)?;
        let occurrences = jourfixe::occurrences(tx, from, to, today)?;
        Ok((all, open, archived, occurrences))
    })?;
    Ok(build(all, &open, archived, occurrences, today, settings))
}

/// The planned occurrences from today on: plans for the check-ins.
pub fn plans(occurrences: &[Occurrence], today: NaiveDate) -> Vec<Plan> {
    occurrences
        .iter()
        .filter(|o| o.state == OccurrenceState::Planned && o.date >= today)
        .map(|o| Plan {
            contact_id: o.contact_id,
            date: o.date,
            kind: PlanKind::JourFixe(o.jourfixe_id),
        })
        .collect()
}

/// Turns loaded records into display rows (pure).
pub fn build(
    all: Vec<ContactFacts>,
    open: &[crate::model::FollowUp],
    archived: i64,
    occurrences: Vec<Occurrence>,
    today: NaiveDate,
    settings: &Settings,
) -> Snapshot {
    let plans = plans(&occurrences, today);
    let agenda = schedule::agenda(&all, open, &plans, today, settings);
    let checkins = schedule::checkins(&all, open, &plans, today, settings);
    let active = all.len();
    let mut snapshot = Parts {
        facts: all,
        checkins,
        agenda,
        occurrences,
        active,
        archived,
        today,
    }
    .snapshot(false);
    snapshot.contacts = (0..snapshot.facts.len())
        .map(|i| contact_row(&snapshot, i))
        .collect();
    snapshot.measure_contacts();
    snapshot
}

impl Snapshot {
    /// The contacts of the Today rows' contact lines, in row order.
    pub(super) fn today_contacts(&self) -> Vec<Id> {
        let ids = self.today_rows.iter().filter_map(|r| match r {
            TodayRow::Contact { id, .. } => Some(*id),
            _ => None,
        });
        ids.collect()
    }

    /// Gives the contacts of `hooks` their freshest hook, in their facts
    /// and agenda entries, and builds the Today rows again (the first
    /// frame reads the hooks of the contacts on its rows only).
    pub(super) fn put_hooks(&mut self, hooks: Vec<crate::model::Hook>) {
        let mut text: HashMap<Id, &str> = HashMap::new();
        for hook in &hooks {
            text.insert(hook.contact_id, &hook.text);
        }
        let agenda = &mut self.agenda;
        for list in [
            &mut agenda.overdue,
            &mut agenda.due,
            &mut agenda.planned,
            &mut agenda.soon,
        ] {
            for entry in list.iter_mut() {
                if let Some(t) = text.get(&entry.contact_id) {
                    entry.hook = Some((*t).to_string());
                }
            }
        }
        for hook in hooks {
            if let Some(i) = self.position(hook.contact_id) {
                self.facts[i].freshest_hook = Some(hook);
            }
        }
        let limit = if self.partial {
            FIRST_FRAME_ROWS
        } else {
            usize::MAX
        };
        self.today_rows = today_rows(self, limit);
    }

    /// Sets the Contacts tab's column widths from its rows.
    fn measure_contacts(&mut self) {
        let widest = |cell: fn(&ContactRow) -> &str| {
            let widths = self.contacts.iter().map(|r| cell(r).width());
            widths.max().unwrap_or(0)
        };
        self.contacts_name_width = widest(|r| &r.name).clamp(10, 24);
        self.contacts_touch_width = widest(|r| &r.last_touch).clamp(10, 15);
    }
}

/// What a snapshot is made of, before its rows.
pub(super) struct Parts {
    /// Every active contact, or (partial) the ones the agenda shows.
    pub facts: Vec<ContactFacts>,
    /// Parallel to `facts`.
    pub checkins: Vec<Option<Checkin>>,
    pub agenda: Agenda,
    pub occurrences: Vec<Occurrence>,
    pub active: usize,
    pub archived: i64,
    pub today: NaiveDate,
}

impl Parts {
    /// The snapshot with its Today rows (no contact rows yet).
    pub fn snapshot(self, partial: bool) -> Snapshot {
        let index = self
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.contact.id, i))
            .collect();
        let mut next_jf = HashMap::new();
        for (i, o) in self.occurrences.iter().enumerate() {
            if o.date >= self.today && o.state == OccurrenceState::Planned {
                next_jf.entry(o.contact_id).or_insert(i);
            }
        }
        let mut snapshot = Snapshot {
            today: self.today,
            agenda: self.agenda,
            facts: self.facts,
            checkins: self.checkins,
            contacts: Vec::new(),
            today_rows: Vec::new(),
            today_name_width: 0,
            contacts_name_width: 0,
            contacts_touch_width: 0,
            occurrences: self.occurrences,
            archived: self.archived,
            active: self.active,
            partial,
            index,
            next_jf,
        };
        let limit = if partial {
            FIRST_FRAME_ROWS
        } else {
            usize::MAX
        };
        snapshot.today_rows = today_rows(&snapshot, limit);
        snapshot.today_name_width = today_name_width(&snapshot);
        snapshot
    }
}

fn contact_row(s: &Snapshot, i: usize) -> ContactRow {
    let f = &s.facts[i];
    let c = &f.contact;
    let checkin = s.checkins[i].as_ref();
    // name, nickname, company and tags, joined by spaces
    let mut words = String::with_capacity(c.name.len() + 32);
    words.push_str(&c.name);
    for word in c.nickname.iter().chain(&c.company).chain(&c.tags) {
        words.push(' ');
        words.push_str(word);
    }
    let (folded, alt) = fold_keys(&words);
    ContactRow {
        id: c.id,
        name: clean_plain(&c.name),
        sphere: sphere_short(c.sphere),
        tags: clean_plain(&c.tags.join(", ")),
        last_touch: f
            .last_touch
            .map(|t| {
                format!(
                    "{} {} {}",
                    channel_glyph(t.channel),
                    t.channel.as_str(),
                    age((s.today - t.on).num_days())
                )
            })
            .unwrap_or_else(|| "—".into()),
        last_touch_at: f.last_touch.map(|t| t.at),
        next_jourfixe: s
            .next_jourfixe(c.id)
            .map(|o| {
                let when = match o.time {
                    Some(t) => format!("{} {}", day_short(o.date, s.today), t.format("%H:%M")),
                    None => day_short(o.date, s.today),
                };
                format!("{when} · {}", clean(&o.rule))
            })
            .unwrap_or_default(),
        status: checkin.map(|ch| ch.status),
        days_overdue: checkin.map(|ch| ch.days_overdue),
        name_key: fold_key(&c.name),
        mask: char_mask(&folded) | char_mask(&alt),
        haystack: Utf32String::from(folded.as_str()),
        haystack_alt: Utf32String::from(alt.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keys_agree_with_the_matching_module() {
        for name in [
            "Anna  Schmidt",
            " Jürgen Müller ",
            "Søren Groß",
            "ÆSOP",
            "Zoë O'Brien",
            "Çağla Yılmaz",
            "李 小龙",
            "plain ascii 42",
            "vertical\u{b}tab",
        ] {
            assert_eq!(
                fold_keys(name),
                (matching::fold(name), matching::transliterate(name)),
                "{name}"
            );
        }
    }

    #[test]
    fn the_fast_paths_agree_with_the_slow_ones() {
        for text in [
            "Anna  Schmidt",
            " Jürgen Müller ",
            "\tLea\nBrandt\r",
            "",
            "   ",
            "Søren Groß",
            "Eve\u{1b}[2J",
            "Bidi\u{202e}txt",
            "del\u{7f}x",
            "C1\u{85}x",
            "plain ascii 42, client, friend",
            "vertical\u{b}tab\u{c}feed",
        ] {
            assert_eq!(fold_key(text), fold_keys(text).0, "{text:?}");
            assert_eq!(fold_key(text), matching::fold(text), "{text:?}");
            assert_eq!(clean_plain(text), clean(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// The reload after a write puts a contact among the others by
        /// `fold_key` of its name, where a load sorts by the stored key,
        /// `matching::fold`: the two must agree on every name.
        #[test]
        fn fold_key_is_the_stored_name_key(name in "[\\x00-\\x7f]{0,16}|\\PC{0,16}") {
            proptest::prop_assert_eq!(fold_key(&name), matching::fold(&name));
        }
    }

    #[test]
    fn char_mask_marks_letters_digits_and_the_rest() {
        assert_eq!(char_mask("ab"), 0b11);
        assert_eq!(char_mask("z9"), 1 << 25 | 1 << 35);
        assert_eq!(char_mask("ø"), 1 << 63);
        assert_eq!(char_mask(" "), 0);
    }
}
