//! The command line, as clap derive types. Handlers live beside this file.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// draht — who should I call today? A terminal tracker for the people who matter.
#[derive(Debug, Parser)]
#[command(name = "draht", version, about, long_about = None)]
#[command(after_help = "Without a command, draht opens the daily review. \
    Try it on sample people: draht --demo today")]
pub struct Cli {
    /// Database file [default: $XDG_DATA_HOME/draht/draht.db]
    #[arg(long, global = true, env = "DRAHT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Use a throw-away database filled with sample people (never touches yours)
    #[arg(long, global = true)]
    pub demo: bool,

    /// Config file [default: $XDG_CONFIG_HOME/draht/config.toml]
    #[arg(long, global = true, env = "DRAHT_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print machine-readable JSON instead of text
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a contact
    Add(AddArgs),
    /// Change a contact's details
    Edit(EditArgs),
    /// Pre-call brief: details, hooks, follow-ups, recent touches, channel mix
    Show {
        /// Name, nickname or the start of one (accents optional: muller = Müller)
        contact: String,
        /// How many recent touches to list
        #[arg(long, default_value_t = 10)]
        touches: usize,
    },
    /// List contacts with their check-in status
    List(ListArgs),
    /// Log a touch that happened: a call, a coffee, an e-mail
    Log(LogArgs),
    /// Fix a mistaken log
    #[command(subcommand)]
    Touch(TouchCommand),
    /// The agenda: who is overdue, due, planned or soon; follow-ups; birthdays
    Today {
        /// Look this many days ahead [default: the config's horizon, 7]
        #[arg(long, value_name = "N")]
        days: Option<u32>,
    },
    /// Put off a check-in: by a duration (3d, 2w, 1mo) or to a date
    Snooze {
        contact: String,
        /// 3d, 2w, 6mo, 1y, or a date such as 2026-12-24 or friday
        until: String,
    },
    /// Add a talking point for the next call
    Hook {
        contact: String,
        text: String,
        /// What the hook is about
        #[arg(long, default_value = "common", value_parser = ["project", "offer", "common", "hobby", "personal"])]
        kind: String,
    },
    /// Set a follow-up (Wiedervorlage) for a contact
    Remind {
        contact: String,
        /// When: friday, "in 2 weeks", +3d, 2026-12-04
        when: String,
        note: String,
    },
    /// Mark a follow-up done
    Done {
        /// Follow-up id (shown by `today` and `show`)
        id: i64,
    },
    /// The shape of each relationship: channels, gaps, check-ins, warmth and its trend
    Stats(super::stats::StatsArgs),
    /// Archive a contact: kept with its history, off the agenda
    Archive {
        contact: String,
        /// Bring an archived contact back
        #[arg(long)]
        undo: bool,
    },
    /// Copy the database safely, also while draht is in use (default: next to it)
    Backup(super::backup::BackupArgs),
    /// Check the database for damage: integrity and references between records
    Check,
    /// Delete a contact and its history for good
    Rm {
        contact: String,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Standing appointments: a recurring call or coffee with one contact
    #[command(subcommand)]
    Jourfixe(super::jourfixe::JourFixeCommand),
    /// Import people from vCard (a .vcf file or a vdir folder), CSV, or a JSON backup
    Import(super::interop::ImportArgs),
    /// Export contacts as vCard, a vdir, CSV, or everything as a JSON backup
    #[command(subcommand)]
    Export(super::interop::ExportCommand),
    /// Give each contact without a cadence one, a single key per person
    Triage,
    /// Touches from your own mail and calendars: a maildir, an mbox, an .ics file or a calendar folder
    Capture(CaptureArgs),
    /// Print shell completions: bash, zsh, fish, elvish or powershell
    Completions(super::interop::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// Contact fields shared by `add` and `edit`.
#[derive(Debug, Args, Default)]
pub struct ContactFields {
    /// work or private
    #[arg(long)]
    pub sphere: Option<String>,
    /// Check-in cadence: 1w, 3w, 2mo, 1y …
    #[arg(long, value_name = "DURATION")]
    pub every: Option<String>,
    /// Only touches this rich or richer count as personal [default: call]
    #[arg(long, value_name = "CHANNEL")]
    pub min_channel: Option<String>,
    #[arg(long)]
    pub nickname: Option<String>,
    #[arg(long)]
    pub company: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    /// E-mail address (repeatable)
    #[arg(long = "email", value_name = "E")]
    pub emails: Vec<String>,
    /// Phone number (repeatable)
    #[arg(long = "phone", value_name = "P")]
    pub phones: Vec<String>,
    /// YYYY-MM-DD, or --MM-DD when the year is unknown
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub birthday: Option<String>,
    /// Tag (repeatable)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Full name, unique among active contacts
    pub name: String,
    #[command(flatten)]
    pub fields: ContactFields,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Name, nickname or the start of one
    pub contact: String,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: ContactFields,
    /// Remove the cadence: the contact never comes due
    #[arg(long, conflicts_with = "every")]
    pub no_cadence: bool,
    /// Lift a snooze
    #[arg(long)]
    pub no_snooze: bool,
    /// Remove a tag (repeatable)
    #[arg(long, value_name = "T")]
    pub untag: Vec<String>,
    /// Remove an e-mail address (repeatable)
    #[arg(long, value_name = "E")]
    pub rm_email: Vec<String>,
    /// Remove a phone number (repeatable)
    #[arg(long, value_name = "P")]
    pub rm_phone: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub sphere: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    /// overdue, due, planned, soon or ok
    #[arg(long)]
    pub status: Option<String>,
    /// Include archived contacts
    #[arg(long)]
    pub archived: bool,
    /// Print CSV
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Name, nickname or the start of one
    pub contact: String,
    /// sms, email, chat, call, video, meet (or coffee, lunch, zoom, anruf …)
    pub channel: String,
    /// What it was about
    pub note: Option<String>,
    /// Another participant (repeatable)
    #[arg(long = "with", value_name = "CONTACT")]
    pub with: Vec<String>,
    /// When it happened [default: now]: "yesterday 18:30", friday, "3d ago"
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// The attempt did not connect (counts as your part; retries in a few days)
    #[arg(long)]
    pub missed: bool,
    /// Wie lief's? -1, 0 or 1
    #[arg(long, allow_hyphen_values = true, value_parser = clap::value_parser!(i8).range(-1..=1))]
    pub rating: Option<i8>,
    /// The hook this touch used (ids shown by `show`)
    #[arg(long, value_name = "ID")]
    pub hook: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum TouchCommand {
    /// Change a logged touch
    Edit {
        /// Touch id (shown by `show`)
        id: i64,
        #[arg(long, value_name = "WHEN")]
        at: Option<String>,
        #[arg(long)]
        channel: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// done or missed
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, allow_hyphen_values = true, value_parser = clap::value_parser!(i8).range(-1..=1))]
        rating: Option<i8>,
    },
    /// Delete a logged touch
    Rm {
        /// Touch id (shown by `show`)
        id: i64,
    },
}

#[derive(Debug, Args)]
#[command(
    after_help = "Without a SOURCE, the [[capture]] sources of the config are read. \
    A message or event is counted once, however often it is captured."
)]
pub struct CaptureArgs {
    /// A maildir, an mbox file, an .ics file or a folder of them (khal, vdirsyncer); a phone's export: an SMS Backup & Restore .xml, a WhatsApp chat (.txt or .zip), a Telegram result.json, or a folder of them
    #[arg(value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// What the sources are, when their shape does not tell
    #[arg(long, value_parser = ["maildir", "mbox", "calendar", "sms-backup", "whatsapp", "telegram"])]
    pub kind: Option<String>,
    /// The name touches from the source are shown with ("work mail") [default: its folder or file name]
    #[arg(long)]
    pub name: Option<String>,
    /// Only what happened on or after this day: 2026-01-01, "3 months ago"
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Show what would be logged, per contact; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// List the people you write to most who are not in draht (the last 90 days, or --since)
    #[arg(long)]
    pub report: bool,
    /// With --report: add the first N of them as contacts, then capture
    #[arg(long, value_name = "N", requires = "report")]
    pub add: Option<usize>,
    /// Calendars: also find contacts named in an event's title ("Coffee with Anna")
    #[arg(long)]
    pub match_names: bool,
    /// Chats: group chats are touches with every participant who is a contact
    #[arg(long)]
    pub groups: bool,
    /// WhatsApp: the order of day, month and year in the chat's dates, when they do not tell (07/12/2026)
    #[arg(long, value_name = "ORDER", value_parser = ["dmy", "mdy", "ymd"])]
    pub date_order: Option<String>,
    /// A chat export: the contact it is with, when its file name and senders do not say
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    /// Remove a source's touches, keys and watermarks, by its path or name
    #[arg(long, value_name = "SOURCE", conflicts_with_all = ["sources", "report", "since", "kind", "name", "match_names", "groups", "date_order", "contact", "list"])]
    pub forget: Option<String>,
    /// List the sources captured so far
    #[arg(long, conflicts_with_all = ["sources", "report", "since", "kind", "name", "match_names", "groups", "date_order", "contact", "dry_run"])]
    pub list: bool,
}
