//! The domain records: contacts, touches, hooks, follow-ups.
//!
//! Plain data with serde, shared by the store, the scheduler and the faces.
//! No I/O and no user-facing prose beyond canonical names.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[path = "model_capture.rs"]
mod capture;
pub use capture::{Captured, SourceKey, SourceKind, SourceRecord};

/// Row id of any record. SQLite rowids are i64.
pub type Id = i64;

/// How a touch happened, in order of richness (DESIGN.md "Channels").
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Sms,
    Email,
    Chat,
    Call,
    Video,
    Meet,
}

impl Channel {
    /// Every channel, lowest richness first.
    pub const ALL: [Channel; 6] = [
        Channel::Sms,
        Channel::Email,
        Channel::Chat,
        Channel::Call,
        Channel::Video,
        Channel::Meet,
    ];

    /// The default minimum channel for a touch to count as personal.
    pub const DEFAULT_MIN: Channel = Channel::Call;

    /// Richness on DESIGN.md's ladder: sms 1, email 1, chat 2, call 3, video 4, meet 5.
    pub fn richness(self) -> u8 {
        match self {
            Channel::Sms | Channel::Email => 1,
            Channel::Chat => 2,
            Channel::Call => 3,
            Channel::Video => 4,
            Channel::Meet => 5,
        }
    }

    /// Written channels (sms, e-mail, chat): the ones that make a
    /// written-only streak.
    pub fn is_written(self) -> bool {
        self.richness() <= 2
    }

    /// Canonical name, as stored and as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::Call => "call",
            Channel::Video => "video",
            Channel::Meet => "meet",
        }
    }

    /// Accepted aliases besides the canonical name (English and German).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Channel::Sms => &["text"],
            Channel::Email => &["mail", "e-mail"],
            Channel::Chat => &["whatsapp", "signal", "telegram", "message", "nachricht"],
            Channel::Call => &["phone", "anruf", "telefonat"],
            Channel::Video => &["skype", "zoom", "teams", "videocall"],
            Channel::Meet => &[
                "coffee", "lunch", "dinner", "visit", "inperson", "meeting", "kaffee", "treffen",
                "essen", "besuch",
            ],
        }
    }

    /// The words a German user types for the channel, its German name
    /// first: what a German error lists. Each is the canonical name or one
    /// of [`Channel::aliases`] (a test holds it), so `from_name` reads them.
    pub fn german_words(self) -> &'static [&'static str] {
        match self {
            Channel::Sms => &["sms"],
            Channel::Email => &["e-mail", "mail"],
            Channel::Chat => &["chat", "nachricht", "whatsapp", "signal", "telegram"],
            Channel::Call => &["anruf", "telefonat"],
            Channel::Video => &["video", "videocall", "zoom", "skype", "teams"],
            Channel::Meet => &["treffen", "kaffee", "essen", "besuch"],
        }
    }

    /// Reads a canonical name or alias, case-insensitively.
    pub fn from_name(input: &str) -> Option<Channel> {
        let wanted = input.trim().to_lowercase();
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == wanted || c.aliases().contains(&wanted.as_str()))
    }
}

/// Work or private life.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sphere {
    Work,
    #[default]
    Private,
}

impl Sphere {
    pub fn as_str(self) -> &'static str {
        match self {
            Sphere::Work => "work",
            Sphere::Private => "private",
        }
    }

    /// Reads a sphere, case- and accent-insensitively.
    pub fn from_name(input: &str) -> Option<Sphere> {
        match crate::matching::fold(input).as_str() {
            "work" | "job" | "business" | "beruf" | "beruflich" => Some(Sphere::Work),
            "private" | "priv" | "personal" | "privat" => Some(Sphere::Private),
            _ => None,
        }
    }
}

/// Whether a touch happened or was only attempted.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    #[default]
    Done,
    /// A call that did not connect, a meeting cancelled by the other side.
    Missed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Missed => "missed",
        }
    }

    pub fn from_name(input: &str) -> Option<Outcome> {
        match input {
            "done" => Some(Outcome::Done),
            "missed" => Some(Outcome::Missed),
            _ => None,
        }
    }
}

/// What a hook (talking point) is about.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HookKind {
    Project,
    Offer,
    #[default]
    Common,
    Hobby,
    Personal,
}

impl HookKind {
    pub const ALL: [HookKind; 5] = [
        HookKind::Project,
        HookKind::Offer,
        HookKind::Common,
        HookKind::Hobby,
        HookKind::Personal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HookKind::Project => "project",
            HookKind::Offer => "offer",
            HookKind::Common => "common",
            HookKind::Hobby => "hobby",
            HookKind::Personal => "personal",
        }
    }

    pub fn from_name(input: &str) -> Option<HookKind> {
        // As stored: no copy to lower-case it.
        if let Some(kind) = HookKind::ALL.into_iter().find(|k| k.as_str() == input) {
            return Some(kind);
        }
        let wanted = input.trim().to_lowercase();
        HookKind::ALL.into_iter().find(|k| k.as_str() == wanted)
    }
}

/// A birthday, with or without the year. Serialises as `YYYY-MM-DD` or
/// `--MM-DD`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Birthday {
    /// A valid birthday; Feb 29 is valid with no year or in a leap year.
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Birthday> {
        let probe_year = year.unwrap_or(2000); // 2000 is a leap year
        NaiveDate::from_ymd_opt(probe_year, month, day)?;
        Some(Birthday { year, month, day })
    }

    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (ISO 8601 / vCard 4).
    pub fn to_iso(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    /// Reads `YYYY-MM-DD` or `--MM-DD`.
    pub fn from_iso(input: &str) -> Option<Birthday> {
        let input = input.trim();
        if let Some(rest) = input.strip_prefix("--") {
            let (m, d) = rest.split_once('-')?;
            return Birthday::new(None, m.parse().ok()?, d.parse().ok()?);
        }
        let date = iso_day(input)?;
        Birthday::new(Some(date.year()), date.month(), date.day())
    }

    /// The next date on or after `from` on which this birthday is celebrated.
    /// Feb 29 is celebrated on Feb 28 in common years.
    pub fn next_on_or_after(self, from: NaiveDate) -> NaiveDate {
        let this_year = self.in_year(from.year());
        if this_year >= from {
            this_year
        } else {
            self.in_year(from.year() + 1)
        }
    }

    /// The date of this birthday in `year` (Feb 29 → Feb 28 in common years).
    pub fn in_year(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .expect("a Birthday always holds a valid month and day")
    }

    /// Age reached on `date`, when the year is known.
    pub fn age_on(self, date: NaiveDate) -> Option<i32> {
        let year = self.year?;
        let mut age = date.year() - year;
        if (date.month(), date.day()) < (self.month, self.day) && date != self.in_year(date.year())
        {
            age -= 1;
        }
        Some(age)
    }
}

impl From<Birthday> for String {
    fn from(b: Birthday) -> String {
        b.to_iso()
    }
}

impl TryFrom<String> for Birthday {
    type Error = String;
    fn try_from(text: String) -> Result<Birthday, String> {
        Birthday::from_iso(&text)
            .ok_or_else(|| format!("{text:?} is not a birthday (YYYY-MM-DD or --MM-DD)"))
    }
}

/// A tag as stored: trimmed, with inner runs of white space as one space
/// (vCard line folding cannot carry a double space in CATEGORIES).
pub fn normalize_tag(tag: &str) -> String {
    tag.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An e-mail address or phone number with an optional label ("work", "cell").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Handle {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Handle {
    pub fn new(value: impl Into<String>) -> Handle {
        Handle {
            value: value.into(),
            label: None,
        }
    }

    /// A handle as people write one, with its label in brackets at the end:
    /// `anna@acme.example (work)`. A bracket holding a digit or another
    /// bracket is part of the value (`+49 (89) 123`, `0171 (0)`), not a
    /// label. How `add --email/--phone` and the CSV import read a handle.
    pub fn from_text(text: &str) -> Handle {
        let text = text.trim();
        match Handle::label_at(text) {
            Some(open) => Handle {
                value: text[..open].trim().to_string(),
                label: Handle::label(&text[open + 2..text.len() - 1]),
            },
            None => Handle::new(text),
        }
    }

    /// Where the ` (label)` at the end of `text` starts, if it has one.
    pub fn label_at(text: &str) -> Option<usize> {
        let open = text.rfind(" (")?;
        let inner = text[open + 2..].strip_suffix(')')?;
        let is_label = !inner.trim().is_empty()
            && !inner.contains(|c: char| c.is_ascii_digit() || c == '(' || c == ')');
        is_label.then_some(open)
    }

    /// A label as stored: trimmed, lower case, without the star Google
    /// marks the primary one with (`* Work` → `work`).
    pub fn label(text: &str) -> Option<String> {
        let label = text.trim().trim_start_matches('*').trim().to_lowercase();
        (!label.is_empty()).then_some(label)
    }
}

/// Whether `value` can be an e-mail address: it has an `@`. `add` and the
/// CSV import refuse one that has none.
pub fn is_email(value: &str) -> bool {
    value.contains('@')
}

/// Reads a `YYYY-MM-DD` day as chrono's `%Y-%m-%d` does; the plain
/// ten-character form (all that draht itself writes) without going through
/// chrono's format parser, which bulk loads would feel.
pub fn iso_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A person. `name` is unique among active contacts, case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Id,
    /// Stable identity, kept through vCard round trips.
    pub uid: String,
    pub name: String,
    pub nickname: Option<String>,
    pub sphere: Sphere,
    pub tags: Vec<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub emails: Vec<Handle>,
    pub phones: Vec<Handle>,
    pub birthday: Option<Birthday>,
    pub notes: Option<String>,
    /// Check-in cadence in days; `None` means the contact never comes due.
    pub cadence_days: Option<u32>,
    /// Minimum channel for a touch to count as personal; `None` = `call`.
    pub min_channel: Option<Channel>,
    pub snoozed_until: Option<NaiveDate>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
}

impl Contact {
    /// A new contact with only a name: private, no cadence, nothing else set.
    /// The store gives it an id and a UID when it is inserted.
    pub fn new(name: impl Into<String>, created_at: DateTime<Utc>) -> Contact {
        Contact {
            id: 0,
            uid: String::new(),
            name: name.into(),
            nickname: None,
            sphere: Sphere::default(),
            tags: Vec::new(),
            company: None,
            role: None,
            emails: Vec::new(),
            phones: Vec::new(),
            birthday: None,
            notes: None,
            cadence_days: None,
            min_channel: None,
            snoozed_until: None,
            archived: false,
            created_at,
        }
    }

    /// The effective minimum channel.
    pub fn min_channel(&self) -> Channel {
        self.min_channel.unwrap_or(Channel::DEFAULT_MIN)
    }
}

/// One contact moment with one or more participants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touch {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub note: Option<String>,
    pub outcome: Outcome,
    /// "Wie lief's?": -1, 0 or +1.
    pub rating: Option<i8>,
    /// The hook this touch used, if any.
    pub hook_id: Option<Id>,
    /// Contact ids; never empty.
    pub participants: Vec<Id>,
    /// The sources `draht capture` read this touch from (empty for a
    /// touch logged by hand). Absent in backups written before capture.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captured: Vec<Captured>,
}

impl Touch {
    /// How far past "now" a touch may lie (clock skew between machines):
    /// a touch is what already happened; `log` and a restore refuse one
    /// further ahead.
    pub const FUTURE_GRACE_SECS: i64 = 60;

    /// Whether a touch at `at` lies further ahead of `now` than
    /// [`Touch::FUTURE_GRACE_SECS`].
    pub fn is_ahead_of(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        (at - now).num_seconds() > Touch::FUTURE_GRACE_SECS
    }

    /// A touch with `participants` at `at` by `channel`, as it turned out;
    /// no note, rating or hook. The store gives it an id when it is inserted.
    pub fn new(
        at: DateTime<Utc>,
        channel: Channel,
        outcome: Outcome,
        participants: Vec<Id>,
    ) -> Touch {
        Touch {
            id: 0,
            at,
            channel,
            note: None,
            outcome,
            rating: None,
            hook_id: None,
            participants,
            captured: Vec::new(),
        }
    }
}

/// A talking point for a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hook {
    pub id: Id,
    pub contact_id: Id,
    pub kind: HookKind,
    pub text: String,
    pub created_at: DateTime<Utc>,
    /// When a touch last used it; used hooks move to the back.
    pub used_at: Option<DateTime<Utc>>,
}

/// A dated reminder (Wiedervorlage) for one contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: Id,
    pub contact_id: Id,
    pub due: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    /// Set when marked done explicitly.
    pub done_at: Option<DateTime<Utc>>,
}

/// Why a contact has a plan that covers its check-in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
pub enum PlanKind {
    FollowUp(Id),
    JourFixe(Id),
}

/// A dated plan for one contact: an open follow-up or a Jour fixe occurrence.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub contact_id: Id,
    pub date: NaiveDate,
    #[serde(flatten)]
    pub kind: PlanKind,
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_day_reads_what_chrono_reads() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        let day = "[0-9+ -]{0,2}[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}[ x]{0,1}";
        runner
            .run(&day, |text| {
                let chrono = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
                prop_assert_eq!(iso_day(&text), chrono, "{}", text);
                Ok(())
            })
            .unwrap();
        assert_eq!(iso_day("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(iso_day("2026-02-29"), None);
    }

    use super::*;

    #[test]
    fn channels_are_ordered_by_richness() {
        let ranks: Vec<u8> = Channel::ALL.iter().map(|c| c.richness()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        assert!(Channel::Email < Channel::Call);
    }

    #[test]
    fn channel_aliases_in_english_and_german() {
        assert_eq!(Channel::from_name("Kaffee"), Some(Channel::Meet));
        assert_eq!(Channel::from_name("WhatsApp"), Some(Channel::Chat));
        assert_eq!(Channel::from_name("e-mail"), Some(Channel::Email));
        assert_eq!(Channel::from_name("anruf"), Some(Channel::Call));
        for channel in Channel::ALL {
            for word in channel.german_words() {
                assert_eq!(Channel::from_name(word), Some(channel), "{word}");
            }
        }
        assert_eq!(Channel::from_name("zoom"), Some(Channel::Video));
        assert_eq!(Channel::from_name("text"), Some(Channel::Sms));
        assert_eq!(Channel::from_name("pigeon"), None);
    }

    #[test]
    fn birthday_without_year_round_trips() {
        let b = Birthday::from_iso("--04-12").unwrap();
        assert_eq!(b.year, None);
        assert_eq!((b.month, b.day), (4, 12));
        assert_eq!(b.to_iso(), "--04-12");
        assert_eq!(Birthday::from_iso("1990-02-30"), None);
    }

    #[test]
    fn tags_are_stored_with_single_spaces() {
        assert_eq!(normalize_tag("  key   account "), "key account");
        assert_eq!(normalize_tag(" \t "), "");
    }

    #[test]
    fn birthday_serialises_as_iso_text() {
        let b = Birthday::from_iso("1956-11-27").unwrap();
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"1956-11-27\"");
        let back: Birthday = serde_json::from_str("\"--04-12\"").unwrap();
        assert_eq!(back, Birthday::new(None, 4, 12).unwrap());
        assert!(serde_json::from_str::<Birthday>("\"--13-01\"").is_err());
    }

    #[test]
    fn leap_day_birthday_is_celebrated_on_feb_28_in_common_years() {
        let b = Birthday::from_iso("2000-02-29").unwrap();
        let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(
            b.next_on_or_after(from),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
        assert_eq!(
            b.age_on(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()),
            Some(27)
        );
        assert_eq!(
            b.age_on(NaiveDate::from_ymd_opt(2027, 2, 27).unwrap()),
            Some(26)
        );
    }
}
