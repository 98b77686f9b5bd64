//! Capture: touches read from the files the user already has — a mailbox,
//! a calendar (and, next, a phone's exports). Pure readers and rules: no
//! SQL and no clock ("now" is an argument); the store keeps sources, keys
//! and watermarks (`store::capture`), the app layer runs a capture
//! (`app::capture`).
//!
//! Every source kind has one reader here that turns its files into
//! [`Found`] values: an [`Item`] (a message or event that may be a touch,
//! with its **source key** and the people in it as the source names them),
//! a [`Skip`] (why it is not a touch) or a broken record. The rest is
//! shared by every kind:
//!
//! - [`address::Book`] matches the people of an item to contacts (by
//!   e-mail now; a phone number is one more [`Handle`]) and knows the
//!   user's own addresses;
//! - [`day::Days`] groups what matched into one touch per contact,
//!   channel, outcome and local day;
//! - [`report::Unknown`] tallies the people who matched nobody.
//!
//! A reader also says how far it got, as a watermark only it interprets
//! ([`maildir::FolderMark`], [`mbox::Mark`], [`calendar::FileMark`]), so an
//! unchanged source is not read again.

pub mod address;
pub mod calendar;
pub mod day;
pub mod detect;
pub mod hash;
pub mod mail;
pub mod maildir;
pub mod mbox;
pub mod report;

use chrono::{DateTime, Utc};

use crate::model::{Channel, Outcome};

pub use crate::model::SourceKind as Kind;

/// A message or event that is a touch if its people match contacts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The source key: the same message or event always has the same key
    /// (Message-ID; event UID and RECURRENCE-ID; a hash where neither exists).
    pub key: String,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub outcome: Outcome,
    /// The other people in it (never the user).
    pub people: Vec<Person>,
    /// Whether the user wrote it (sent mail, an event the user organised).
    pub sent: bool,
    /// Free text that may name contacts (an event's summary), matched by
    /// name only when the source asks for it (`--match-names`).
    pub text: Option<String>,
}

/// Someone as a source names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Person {
    pub handle: Handle,
    /// The display name the source gives, if any ("Anna Schmidt").
    pub name: Option<String>,
}

/// How a source identifies a person.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Handle {
    /// An e-mail address, lower-cased.
    Email(String),
}

impl Handle {
    pub fn as_str(&self) -> &str {
        match self {
            Handle::Email(address) => address,
        }
    }
}

/// Why a message or event is not a touch.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skip {
    /// A mailing list or bulk mail (`List-Id`, `List-Unsubscribe`,
    /// `Precedence: bulk|list|junk`).
    List,
    /// Sent by a machine (`Auto-Submitted`, a no-reply sender).
    Automated,
    /// Only between the user's own addresses.
    Own,
    /// More other people than `max_recipients`.
    TooMany,
    /// No date in it, nor in its file.
    Undated,
    /// Dated in the future (a wrong clock, or an event still to come).
    Future,
    /// Before the `--since` day.
    BeforeSince,
    /// A cancelled event.
    Cancelled,
    /// An event the user declined.
    Declined,
    /// An event the user did not accept (or is not in).
    NotAttended,
    /// A yearly all-day event: a birthday or anniversary, not a meeting.
    Yearly,
    /// Nobody in it is a contact.
    Unknown,
    /// Counted before, for this contact (the same key again).
    Seen,
}

impl Skip {
    pub const ALL: [Skip; 13] = [
        Skip::List,
        Skip::Automated,
        Skip::Own,
        Skip::TooMany,
        Skip::Undated,
        Skip::Future,
        Skip::BeforeSince,
        Skip::Cancelled,
        Skip::Declined,
        Skip::NotAttended,
        Skip::Yearly,
        Skip::Unknown,
        Skip::Seen,
    ];

    /// A stable name, for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::List => "list",
            Skip::Automated => "automated",
            Skip::Own => "own",
            Skip::TooMany => "too_many",
            Skip::Undated => "undated",
            Skip::Future => "future",
            Skip::BeforeSince => "before_since",
            Skip::Cancelled => "cancelled",
            Skip::Declined => "declined",
            Skip::NotAttended => "not_attended",
            Skip::Yearly => "yearly",
            Skip::Unknown => "unknown",
            Skip::Seen => "seen",
        }
    }
}

/// What a reader made of one message or event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Item(Item),
    /// Not a touch; the people are kept for the unknown-correspondent
    /// report only where that report wants them (never for lists).
    Skip(Skip),
    /// Unreadable; the text says why (shown with its place in the report).
    Broken(String),
}

/// The time window a run looks at: nothing after `now` is a touch yet,
/// nothing before `since` is wanted.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub now: DateTime<Utc>,
    pub since: Option<DateTime<Utc>>,
}

/// How far after "now" a message may be dated and still count (clocks of
/// senders are off by minutes, sometimes hours).
pub const FUTURE_GRACE_SECS: i64 = 24 * 3600;

impl Window {
    /// Where an instant falls: `None` inside the window, else why not.
    pub fn check(&self, at: DateTime<Utc>) -> Option<Skip> {
        if (at - self.now).num_seconds() > FUTURE_GRACE_SECS {
            return Some(Skip::Future);
        }
        match self.since {
            Some(since) if at < since => Some(Skip::BeforeSince),
            _ => None,
        }
    }
}
