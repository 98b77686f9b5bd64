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
pub mod daily;
pub mod day;
pub mod detect;
pub mod hash;
pub mod mail;
pub mod maildir;
pub mod mbox;
pub mod phone;
pub mod report;
pub mod sms_backup;
pub mod telegram;
pub mod whatsapp;
pub mod whatsapp_line;

use chrono::{DateTime, Utc};

use crate::model::{Channel, Id, Outcome};

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
    /// A phone number in E.164 (`+491701234567`; see [`phone`]).
    Phone(String),
    /// The name a chat shows for a sender ("Anna Schmidt"): a contact's
    /// full name or nickname, accents and case aside.
    Name(String),
    /// The name a chat is titled with, which is surely someone else than
    /// the user (WhatsApp's "Chat with Anna"): also a first name that only
    /// one contact has.
    Chat(String),
    /// A contact the user named for the source (`--contact`), with its name.
    Contact(Id, String),
}

impl Handle {
    /// The handle as the report shows and counts it.
    pub fn as_str(&self) -> &str {
        match self {
            Handle::Email(text)
            | Handle::Phone(text)
            | Handle::Name(text)
            | Handle::Chat(text)
            | Handle::Contact(_, text) => text,
        }
    }

    /// What kind of handle it is, for the report: `email`, `phone`, `name`.
    pub fn kind(&self) -> &'static str {
        match self {
            Handle::Email(_) => "email",
            Handle::Phone(_) => "phone",
            Handle::Name(_) | Handle::Chat(_) | Handle::Contact(..) => "name",
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
    /// A text that was never sent: a draft, or one still in the outbox or
    /// failed.
    NotSent,
    /// An incoming call the user rejected or that was blocked.
    Refused,
    /// A call or video call someone made that the user did not take: their
    /// touch, not the user's (the run names them: "Anna tried to call you").
    Tried,
    /// A line a chat app wrote itself (the encryption notice, "Anna added
    /// Ben", a changed security code).
    System,
    /// A group chat's message, without `--groups`.
    Group,
}

impl Skip {
    pub const ALL: [Skip; 18] = [
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
        Skip::NotSent,
        Skip::Refused,
        Skip::Tried,
        Skip::System,
        Skip::Group,
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
            Skip::NotSent => "not_sent",
            Skip::Refused => "refused",
            Skip::Tried => "tried",
            Skip::System => "system",
            Skip::Group => "group",
        }
    }
}

/// What a reader made of one message or event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Item(Item),
    /// Many records that are one item: a day's texts with one number, a
    /// day of a chat (counted as that many, keyed once).
    Items(Item, u32),
    /// A call someone made to the user that the user did not take: no
    /// touch, but named in the run's summary (with its key, so once).
    Tried(Item),
    /// Many records skipped for one reason (a group chat's messages).
    Skipped(Skip, u32),
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
