//! The command line, as clap derive types. Handlers live beside this file.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};
use clap_complete::engine::ArgValueCompleter;

use super::shell::{channels, contact_names, followup_ids};

/// `--help` and the manual's DESCRIPTION.
const LONG_ABOUT: &str = "draht keeps the people who matter within reach: you give each person a \
cadence (every 2w, every 3mo), log the calls, coffees and e-mails that happen, and `draht today` \
says who is overdue, who is due, what is planned (Jour fixe, follow-ups) and whose birthday is \
coming, with why each of them is there and a talking point for the call. Only a call or better \
counts as personal unless you say otherwise; e-mails and chats are noticed, but do not reset the \
clock.

Without a command, draht opens the daily review on a terminal (and prints `draht today` in a \
pipe). Try it on sample people first: draht --demo";

/// The heading of the options every command takes, apart from its own.
pub const GLOBAL: &str = "Global options";

/// draht — who should I call today? A terminal tracker for the people who matter.
#[derive(Debug, Parser)]
#[command(name = "draht", version, about, long_about = LONG_ABOUT)]
#[command(after_help = "Without a command, draht opens the daily review. \
    Try it on sample people: draht --demo today")]
#[command(
    after_long_help = "The whole manual, with every command, files and examples: \
    draht man | man -l -"
)]
pub struct Cli {
    /// Database file [default: $XDG_DATA_HOME/draht/draht.db]
    #[arg(long, global = true, env = "DRAHT_DB", value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = GLOBAL)]
    pub db: Option<PathBuf>,

    /// Use a throw-away database filled with sample people (never touches yours)
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub demo: bool,

    /// Config file; it must exist when named [default: $XDG_CONFIG_HOME/draht/config.toml, if there]
    #[arg(long, global = true, env = "DRAHT_CONFIG", value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = GLOBAL)]
    pub config: Option<PathBuf>,

    /// Print machine-readable JSON instead of text
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Fit text into N columns, cutting notes first (0: never cut) [default: the terminal's width; in a pipe, never cut]
    #[arg(long, global = true, value_name = "N", help_heading = GLOBAL)]
    pub width: Option<usize>,

    /// Language of the words on screen [default: the config's `language`,
    /// else LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["de", "en"], help_heading = GLOBAL)]
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
        #[arg(add = ArgValueCompleter::new(contact_names))]
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
        /// Name, nickname or the start of one
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        /// 3d, 2w, 6mo, 1y, or a date such as 2026-12-24 or friday
        #[arg(allow_hyphen_values = true)]
        until: String,
    },
    /// Add a talking point for the next call
    Hook {
        /// Name, nickname or the start of one
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        /// The talking point: "ask about the Berlin marathon"
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// What the hook is about
        #[arg(long, default_value = "common", value_parser = ["project", "offer", "common", "hobby", "personal"])]
        kind: String,
    },
    /// Set a follow-up (Wiedervorlage) for a contact
    Remind {
        /// Name, nickname or the start of one
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        /// When: friday, "in 2 weeks", +3d, 2026-12-04
        #[arg(allow_hyphen_values = true)]
        when: String,
        /// What to do then: "send the offer"
        #[arg(allow_hyphen_values = true)]
        note: String,
    },
    /// Mark a follow-up done
    Done {
        /// Follow-up id (shown by `today` and `show`)
        #[arg(add = ArgValueCompleter::new(followup_ids))]
        id: i64,
    },
    /// The shape of each relationship: channels, gaps, check-ins, warmth and its trend
    Stats(super::stats::StatsArgs),
    /// Archive a contact: kept with its history, off the agenda
    Archive {
        /// Name, nickname or the start of one (archived ones too, with --undo)
        #[arg(add = ArgValueCompleter::new(contact_names))]
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
        /// Name, nickname or the start of one (archived ones too)
        #[arg(add = ArgValueCompleter::new(contact_names))]
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
    /// Desktop reminders of Jour fixe, follow-ups and who to call: one run, for a timer
    Notify(NotifyArgs),
    /// One short line for a status bar: people to call and the next Jour fixe
    Status(StatusArgs),
    /// One two-way pass between the database and the contacts and calendar vdirs vdirsyncer syncs
    Sync(super::sync::SyncArgs),
    /// Print the shell's completion script: bash, zsh, fish, elvish or powershell
    Completions(super::shell::CompletionsArgs),
    /// Print the manual page (roff), or write one per command with --dir
    Man(super::shell::ManArgs),
}

impl Command {
    /// Whether the command may write to the database: only such a command
    /// creates a database where there is none (one that only reads says
    /// there is none, so a mistyped `--db` never starts an empty one).
    pub fn writes(&self) -> bool {
        match self {
            Command::Show { .. }
            | Command::List(_)
            | Command::Today { .. }
            | Command::Stats(_)
            | Command::Backup(_)
            | Command::Check
            | Command::Export(_)
            | Command::Jourfixe(super::jourfixe::JourFixeCommand::List)
            | Command::Completions(_)
            | Command::Man(_) => false,
            Command::Import(args) => !args.dry_run,
            _ => true,
        }
    }
}

/// Contact fields shared by `add` and `edit`.
#[derive(Debug, Args, Default)]
pub struct ContactFields {
    /// work or private
    #[arg(long)]
    pub sphere: Option<String>,
    /// Check-in cadence: 1w, 3w, 2mo, 1y …
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub every: Option<String>,
    /// Only touches this rich or richer count as personal [default: call]
    #[arg(long, value_name = "CHANNEL", add = ArgValueCompleter::new(channels))]
    pub min_channel: Option<String>,
    /// What you call them: matches like the name (Mama, Jo)
    #[arg(long, allow_hyphen_values = true)]
    pub nickname: Option<String>,
    /// Where they work
    #[arg(long, allow_hyphen_values = true)]
    pub company: Option<String>,
    /// Their job or role (Head of Sales)
    #[arg(long, allow_hyphen_values = true)]
    pub role: Option<String>,
    /// E-mail address (repeatable)
    #[arg(long = "email", value_name = "E", allow_hyphen_values = true)]
    pub emails: Vec<String>,
    /// Phone number (repeatable)
    #[arg(long = "phone", value_name = "P", allow_hyphen_values = true)]
    pub phones: Vec<String>,
    /// YYYY-MM-DD or 15.03.1990; --MM-DD or 15.3. when the year is unknown
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub birthday: Option<String>,
    /// Tag (repeatable)
    #[arg(long = "tag", value_name = "T", allow_hyphen_values = true)]
    pub tags: Vec<String>,
    /// Free notes about them, shown in `show`
    #[arg(long, allow_hyphen_values = true)]
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
    #[arg(add = ArgValueCompleter::new(contact_names))]
    pub contact: String,
    /// New name
    #[arg(long, allow_hyphen_values = true)]
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
    /// Only this sphere: work or private
    #[arg(long)]
    pub sphere: Option<String>,
    /// Only contacts with this tag (case and accents do not matter)
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
    #[arg(add = ArgValueCompleter::new(contact_names))]
    pub contact: String,
    /// sms, email, chat, call, video, meet (or coffee, lunch, zoom, anruf …)
    #[arg(add = ArgValueCompleter::new(channels))]
    pub channel: String,
    /// What it was about
    #[arg(allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Another participant (repeatable)
    #[arg(long = "with", value_name = "CONTACT", add = ArgValueCompleter::new(contact_names))]
    pub with: Vec<String>,
    /// When it happened [default: now]: "yesterday 18:30", friday, "3d ago"
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// The attempt did not connect (counts as your part; retries in a few days)
    #[arg(long)]
    pub missed: bool,
    /// How it went (wie lief's?): -1, 0 or 1
    #[arg(long, allow_hyphen_values = true, value_parser = rating)]
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
        /// When it happened: "yesterday 18:30", friday, "3d ago"
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        /// sms, email, chat, call, video or meet (or an alias: coffee, zoom …)
        #[arg(long, add = ArgValueCompleter::new(channels))]
        channel: Option<String>,
        /// What it was about (empty: no note)
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
        /// done or missed
        #[arg(long)]
        outcome: Option<String>,
        /// How it went: -1, 0 or 1
        #[arg(long, allow_hyphen_values = true, value_parser = rating)]
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
    #[arg(value_name = "SOURCE", value_hint = ValueHint::AnyPath)]
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

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// Print what would be sent now; send and record nothing
    #[arg(long, conflicts_with_all = ["install", "uninstall"])]
    pub dry_run: bool,
    /// Set up a timer that runs `draht notify` every five minutes: a
    /// systemd user timer, or the crontab line to add where there is no systemd
    #[arg(long, conflicts_with = "uninstall")]
    pub install: bool,
    /// Remove the systemd user timer that --install wrote
    #[arg(long)]
    pub uninstall: bool,
    /// With --install: systemd or cron [default: systemd when it runs the session]
    #[arg(long, requires = "install", value_parser = ["systemd", "cron"])]
    pub with: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// plain (one line, for polybar or tmux), waybar (its custom module's
    /// JSON) or i3status-rust (its custom block's JSON)
    #[arg(long, default_value = "plain", value_parser = ["plain", "waybar", "i3status-rust"])]
    pub format: String,
}

/// `--rating`: -1, 0 or 1 (also written +1).
fn rating(text: &str) -> Result<i8, String> {
    match text.trim() {
        "-1" => Ok(-1),
        "0" | "+0" | "-0" => Ok(0),
        "1" | "+1" => Ok(1),
        _ => Err("use -1, 0 or 1 (how it went: badly, so-so, well)".to_string()),
    }
}
