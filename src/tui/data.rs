//! What the screen shows: the app layer's [`Overview`] (loaded once per
//! change of the data, never per frame) turned into display rows — the
//! agenda rows of Today, the contact rows of Contacts (with their filter
//! keys) — and indexes into it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use nucleo_matcher::Utf32String;
use unicode_width::UnicodeWidthStr;

use crate::app::overview::{self, Overview};
use crate::clock;
use crate::error::Result;
use crate::jourfixe::OccurrenceState;
use crate::jourfixe::agenda::Dated;
use crate::matching;
use crate::model::Id;
use crate::schedule::{Checkin, ContactFacts, Settings, Status};
use crate::store::Store;
use crate::text::{age, channel_glyph, clean, day_short, sphere_short};

mod today;

pub use today::why;
use today::{FIRST_FRAME_ROWS, today_name_width, today_rows};

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
        /// What makes a planned person planned: "JF Tue 10:00",
        /// "follow-up Sat: send the offer".
        plan: Option<String>,
    },
    /// A Jour fixe date of the week (as `draht today` lists them).
    JourFixe {
        id: Id,
        date: String,
        /// The date is today.
        today: bool,
        name: String,
        channel: String,
        state: OccurrenceState,
        note: Option<String>,
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

/// Everything shown at one data version: the overview and its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The records, as the app layer answers them.
    pub ov: Overview,
    /// Parallel to `ov.facts` (empty in a partial snapshot).
    pub contacts: Vec<ContactRow>,
    pub today_rows: Vec<TodayRow>,
    /// Width of the name column on Today (widest name, 8 to 18 cells).
    pub today_name_width: usize,
    /// Width of the name column on Contacts (widest name, 10 to 24 cells).
    pub contacts_name_width: usize,
    /// Width of the last-touch column on Contacts (widest, 10 to 15 cells).
    pub contacts_touch_width: usize,
    /// Width of the next Jour fixe's date and time on Contacts (widest).
    pub contacts_jourfixe_width: usize,
    /// Width of the widest status word on Contacts.
    pub contacts_status_width: usize,
    index: HashMap<Id, usize>,
    /// Per contact, its first upcoming occurrence on or after today (an
    /// index into `ov.calendar`).
    next_jf: HashMap<Id, usize>,
}

impl Snapshot {
    /// The rows of `ov`: every row when it is whole; the first Today rows
    /// and no Contacts rows when it is partial.
    pub fn of(ov: Overview) -> Snapshot {
        let rows = !ov.partial;
        Snapshot::with_rows(ov, rows)
    }

    /// [`Snapshot::of`], building the Contacts rows only when asked.
    fn with_rows(ov: Overview, contact_rows: bool) -> Snapshot {
        let index = ov
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.contact.id, i))
            .collect();
        let mut s = Snapshot {
            ov,
            index,
            ..Snapshot::default()
        };
        s.index_next_jourfixe();
        s.today_rows = today_rows(&s, s.row_limit());
        s.today_name_width = today_name_width(&s);
        if contact_rows {
            s.contacts = (0..s.ov.facts.len()).map(|i| contact_row(&s, i)).collect();
            s.measure_contacts();
        }
        s
    }

    fn row_limit(&self) -> usize {
        if self.ov.partial {
            FIRST_FRAME_ROWS
        } else {
            usize::MAX
        }
    }

    fn index_next_jourfixe(&mut self) {
        self.next_jf.clear();
        for (i, o) in self.ov.calendar.iter().enumerate() {
            if o.date >= self.ov.today && o.state == OccurrenceState::Upcoming {
                self.next_jf.entry(o.contact_id).or_insert(i);
            }
        }
    }

    /// Position of a contact in `ov.facts` / `contacts`.
    pub fn position(&self, id: Id) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn facts_of(&self, id: Id) -> Option<&ContactFacts> {
        self.position(id).map(|i| &self.ov.facts[i])
    }

    pub fn checkin_of(&self, id: Id) -> Option<&Checkin> {
        self.position(id).and_then(|i| self.ov.checkins[i].as_ref())
    }

    /// No contact at all, active or archived: the welcome screen.
    pub fn is_empty(&self) -> bool {
        self.ov.active == 0 && self.ov.archived == 0
    }

    /// Whether this is the first frame's snapshot, to be completed by
    /// [`load`] before anything but drawing it.
    pub fn is_partial(&self) -> bool {
        self.ov.partial
    }

    /// Puts the whole record of one contact in (replacing its partial
    /// facts, if any), with its check-in.
    pub(super) fn put(&mut self, facts: ContactFacts, checkin: Option<Checkin>) {
        match self.position(facts.contact.id) {
            Some(i) => {
                self.ov.facts[i] = facts;
                self.ov.checkins[i] = checkin;
            }
            None => {
                self.index.insert(facts.contact.id, self.ov.facts.len());
                self.ov.name_keys.push(matching::fold(&facts.contact.name));
                self.ov.facts.push(facts);
                self.ov.checkins.push(checkin);
            }
        }
    }

    /// The active contact `query` means, as `draht log … --with` reads a
    /// name (`matching::best_match`: a name, nickname or the start of one,
    /// case- and accent-insensitive): `Err` with the names when several.
    pub fn find_contact(&self, query: &str) -> Result<Option<(Id, String)>, Vec<String>> {
        let candidates = self.ov.facts.iter().map(|f| {
            let c = &f.contact;
            (c.id, c.name.as_str(), c.nickname.as_deref())
        });
        let id = crate::matching::best_match(query, candidates)?;
        Ok(id.and_then(|id| Some((id, self.facts_of(id)?.contact.name.clone()))))
    }

    /// A tracked Jour fixe by id.
    pub fn tracked(&self, id: Id) -> Option<&crate::jourfixe::agenda::Tracked> {
        let tracked = &self.ov.tracked;
        match tracked.binary_search_by_key(&id, |t| t.jf.id) {
            Ok(i) => Some(&tracked[i]),
            // sorted by id when loaded; look through them when not
            Err(_) => tracked.iter().find(|t| t.jf.id == id),
        }
    }

    /// The next upcoming Jour fixe occurrence of a contact, on or after today.
    pub fn next_jourfixe(&self, id: Id) -> Option<&Dated> {
        self.next_jf.get(&id).map(|&i| &self.ov.calendar[i])
    }

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
        let agenda = &mut self.ov.agenda;
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
                self.ov.facts[i].freshest_hook = Some(hook);
            }
        }
        self.today_rows = today_rows(self, self.row_limit());
    }

    /// Sets the Contacts tab's column widths from its rows.
    fn measure_contacts(&mut self) {
        let widest = |cell: fn(&ContactRow) -> &str| {
            let widths = self.contacts.iter().map(|r| cell(r).width());
            widths.max().unwrap_or(0)
        };
        self.contacts_name_width = widest(|r| &r.name).clamp(10, 24);
        self.contacts_touch_width = widest(|r| &r.last_touch).clamp(10, 15);
        // the date and time of the next Jour fixe, without its rule (few
        // contacts have one)
        let planned = self.contacts.iter().filter(|r| !r.next_jourfixe.is_empty());
        let dates = planned.filter_map(|r| r.next_jourfixe.split(" · ").next());
        self.contacts_jourfixe_width = dates.map(|d| d.width()).max().unwrap_or(0);
        // the widest of the five status words that some row shows
        let lang = crate::i18n::current();
        let statuses = [
            Status::Planned,
            Status::Overdue,
            Status::Due,
            Status::Soon,
            Status::Ok,
        ];
        let shown = statuses
            .into_iter()
            .filter(|s| self.contacts.iter().any(|r| r.status == Some(*s)));
        let widths = shown.map(|s| crate::text::status_name(lang, s).width());
        self.contacts_status_width = widths.max().unwrap_or(0);
    }
}

/// Loads the whole snapshot for `now` (one read transaction).
pub fn load(store: &mut Store, now: DateTime<Utc>, settings: &Settings) -> Result<Snapshot> {
    let today = clock::local_day(now);
    Ok(Snapshot::of(overview::load(store, today, settings)?))
}

/// The partial snapshot of a first frame: its Today rows are those of
/// [`load`], the contacts on them have their freshest hooks, and the one
/// they select first its whole record and check-in (the card beside the
/// rows shows it). The event loop swaps the whole snapshot in right after
/// drawing it (see `Sync::refresh`), before it reads a key.
pub fn first(store: &mut Store, now: DateTime<Utc>, settings: &Settings) -> Result<Snapshot> {
    let today = clock::local_day(now);
    let mut snapshot = Snapshot::of(overview::first(store, today, settings)?);
    let hooks = overview::freshest_hooks(store, &snapshot.today_contacts())?;
    snapshot.put_hooks(hooks);
    if let Some(id) = snapshot.today_rows.iter().find_map(|r| r.contact_id()) {
        let (whole, checkin) = overview::whole(store, &snapshot.ov, id, settings)?;
        snapshot.put(whole, checkin);
    }
    Ok(snapshot)
}

/// Brings `s` up to date after a write that changed only the contacts
/// `ids`: the snapshot a full [`load`] would give. Every other contact
/// keeps its Contacts row, unless its check-in changed. On an error `s` is
/// as it was.
pub fn reload_contacts(
    store: &mut Store,
    s: &mut Snapshot,
    ids: &[Id],
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<()> {
    let today = clock::local_day(now);
    let (ov, was) = overview::reload(store, &s.ov, ids, today, settings)?;
    let old = std::mem::take(s);
    let mut fresh = Snapshot::with_rows(ov, false);
    if fresh.is_partial() || was.iter().all(Option::is_none) {
        *s = Snapshot::of(fresh.ov);
        return Ok(());
    }
    // Keep the old Contacts rows where the contact and its check-in are
    // unchanged, build the rest.
    let mut old_rows: Vec<Option<ContactRow>> = old.contacts.into_iter().map(Some).collect();
    fresh.contacts = (0..fresh.ov.facts.len())
        .map(|i| {
            let kept = was[i].filter(|&j| old.ov.checkins.get(j) == Some(&fresh.ov.checkins[i]));
            match kept.and_then(|j| old_rows.get_mut(j).and_then(Option::take)) {
                Some(row) => row,
                None => contact_row(&fresh, i),
            }
        })
        .collect();
    fresh.measure_contacts();
    *s = fresh;
    Ok(())
}

fn contact_row(s: &Snapshot, i: usize) -> ContactRow {
    let f = &s.ov.facts[i];
    let c = &f.contact;
    let checkin = s.ov.checkins[i].as_ref();
    // name, nickname, company and tags, joined by spaces
    let mut words = String::with_capacity(c.name.len() + 32);
    words.push_str(&c.name);
    for word in c.nickname.iter().chain(&c.company).chain(&c.tags) {
        words.push(' ');
        words.push_str(word);
    }
    let [folded, alt] = matching::keys(&words);
    ContactRow {
        id: c.id,
        name: clean(&c.name),
        sphere: sphere_short(c.sphere),
        tags: clean(&c.tags.join(", ")),
        last_touch: f
            .last_touch
            .map(|t| {
                format!(
                    "{} {} {}",
                    channel_glyph(t.channel),
                    crate::text::channel_name(crate::i18n::current(), t.channel),
                    age((s.ov.today - t.on).num_days())
                )
            })
            .unwrap_or_else(|| "—".into()),
        last_touch_at: f.last_touch.map(|t| t.at),
        next_jourfixe: s
            .next_jourfixe(c.id)
            .map(|o| {
                let when = match o.time {
                    Some(t) => format!(
                        "{} {}",
                        day_short(o.date, s.ov.today),
                        crate::text::time(crate::i18n::current(), t)
                    ),
                    None => day_short(o.date, s.ov.today),
                };
                format!("{when} · {}", clean(&o.rule))
            })
            .unwrap_or_default(),
        status: checkin.map(|ch| ch.status),
        days_overdue: checkin.map(|ch| ch.days_overdue),
        name_key: s.ov.name_keys[i].clone(),
        mask: char_mask(&folded) | char_mask(&alt),
        haystack: Utf32String::from(folded.as_str()),
        haystack_alt: Utf32String::from(alt.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_mask_marks_letters_digits_and_the_rest() {
        assert_eq!(char_mask("ab"), 0b11);
        assert_eq!(char_mask("z9"), 1 << 25 | 1 << 35);
        assert_eq!(char_mask("ø"), 1 << 63);
        assert_eq!(char_mask(" "), 0);
    }
}
