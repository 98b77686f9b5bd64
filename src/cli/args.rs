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

    /// Language of the words on screen [default: the config's `language`,
    /// else LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["de", "en"])]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The language `--lang` asks for.
    pub fn lang(&self) -> Option<crate::i18n::Lang> {
        self.lang.as_deref().and_then(crate::i18n::Lang::from_code)
    }
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
    /// Make two contacts of one person one: B's touches, hooks, follow-ups, Jour fixe, e-mails and phones move to A
    Merge(MergeArgs),
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
    /// One two-way pass between the database and the contacts and calendar vdirs vdirsyncer syncs
    Sync(super::sync::SyncArgs),
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
    /// YYYY-MM-DD or 15.03.1990; --MM-DD or 15.3. when the year is unknown
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
pub struct MergeArgs {
    /// The contact that stays (A): name, nickname or the start of one
    pub keep: String,
    /// The contact that goes (B): everything of it moves to A
    pub gone: String,
    /// Show what the merge would do; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
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
