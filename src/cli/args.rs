//! The command line, as clap derive types. Handlers live beside this file.
//! The types carry no words: every about and help text is a message of
//! the .ftl files (`cmd-…`, `arg-…`), put on the command by `help.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};
use clap_complete::engine::ArgValueCompleter;

use super::shell::{channels, contact_names, followup_ids};

/// The heading of the options every command takes, apart from its own.
pub const GLOBAL: &str = "Global options";

// The command line. Its about, long about and after-help texts are the
// messages `cmd-draht`, `cmd-draht-long`, `cmd-draht-after` and
// `cmd-draht-after-long` of i18n/{en,de}/draht.ftl; an argument's help is
// `arg-PATH-ID`, else `arg-ID` (see help.rs). A doc comment here would
// become English help that no translation replaces, so none are `///`.
#[derive(Debug, Parser)]
#[command(name = "draht", version)]
pub struct Cli {
    #[arg(long, global = true, env = "DRAHT_DB", value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = GLOBAL)]
    pub db: Option<PathBuf>,

    #[arg(long, global = true, help_heading = GLOBAL)]
    pub demo: bool,

    #[arg(long, global = true, env = "DRAHT_CONFIG", value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = GLOBAL)]
    pub config: Option<PathBuf>,

    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    #[arg(long, global = true, value_name = "N", help_heading = GLOBAL)]
    pub width: Option<usize>,

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
    Add(AddArgs),
    Edit(EditArgs),
    Show {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(long, default_value_t = 10)]
        touches: usize,
    },
    List(ListArgs),
    Log(LogArgs),
    #[command(subcommand)]
    Touch(TouchCommand),
    Today {
        #[arg(long, value_name = "N")]
        days: Option<u32>,
    },
    Snooze {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(allow_hyphen_values = true)]
        until: String,
    },
    Hook {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(allow_hyphen_values = true)]
        text: String,
        #[arg(long, default_value = "common", value_parser = ["project", "offer", "common", "hobby", "personal"])]
        kind: String,
    },
    Remind {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(allow_hyphen_values = true)]
        when: String,
        #[arg(allow_hyphen_values = true)]
        note: String,
    },
    Done {
        #[arg(add = ArgValueCompleter::new(followup_ids))]
        id: i64,
    },
    Stats(super::stats::StatsArgs),
    Archive {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(long)]
        undo: bool,
    },
    Backup(super::backup::BackupArgs),
    Check,
    Merge(MergeArgs),
    Rm {
        #[arg(add = ArgValueCompleter::new(contact_names))]
        contact: String,
        #[arg(long, short = 'y')]
        yes: bool,
    },
    #[command(subcommand)]
    Jourfixe(super::jourfixe::JourFixeCommand),
    Import(super::interop::ImportArgs),
    #[command(subcommand)]
    Export(super::interop::ExportCommand),
    Triage,
    Capture(CaptureArgs),
    Notify(NotifyArgs),
    Status(StatusArgs),
    Sync(super::sync::SyncArgs),
    Completions(super::shell::CompletionsArgs),
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

// Contact fields shared by `add` and `edit`.
#[derive(Debug, Args, Default)]
pub struct ContactFields {
    #[arg(long)]
    pub sphere: Option<String>,
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub every: Option<String>,
    #[arg(long, value_name = "CHANNEL", add = ArgValueCompleter::new(channels))]
    pub min_channel: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub nickname: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub company: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub role: Option<String>,
    #[arg(long = "email", value_name = "E", allow_hyphen_values = true)]
    pub emails: Vec<String>,
    #[arg(long = "phone", value_name = "P", allow_hyphen_values = true)]
    pub phones: Vec<String>,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub birthday: Option<String>,
    #[arg(long = "tag", value_name = "T", allow_hyphen_values = true)]
    pub tags: Vec<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    #[command(flatten)]
    pub fields: ContactFields,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    #[arg(add = ArgValueCompleter::new(contact_names))]
    pub contact: String,
    #[arg(long, allow_hyphen_values = true)]
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: ContactFields,
    #[arg(long, conflicts_with = "every")]
    pub no_cadence: bool,
    #[arg(long)]
    pub no_snooze: bool,
    #[arg(long, value_name = "T")]
    pub untag: Vec<String>,
    #[arg(long, value_name = "E")]
    pub rm_email: Vec<String>,
    #[arg(long, value_name = "P")]
    pub rm_phone: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    pub keep: String,
    pub gone: String,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub sphere: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub archived: bool,
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(add = ArgValueCompleter::new(contact_names))]
    pub contact: String,
    #[arg(add = ArgValueCompleter::new(channels))]
    pub channel: String,
    #[arg(allow_hyphen_values = true)]
    pub note: Option<String>,
    #[arg(long = "with", value_name = "CONTACT", add = ArgValueCompleter::new(contact_names))]
    pub with: Vec<String>,
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    #[arg(long)]
    pub missed: bool,
    #[arg(long, allow_hyphen_values = true, value_parser = rating)]
    pub rating: Option<i8>,
    #[arg(long, value_name = "ID")]
    pub hook: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum TouchCommand {
    Edit {
        id: i64,
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        #[arg(long, add = ArgValueCompleter::new(channels))]
        channel: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, allow_hyphen_values = true, value_parser = rating)]
        rating: Option<i8>,
    },
    Rm {
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct CaptureArgs {
    #[arg(value_name = "SOURCE", value_hint = ValueHint::AnyPath)]
    pub sources: Vec<PathBuf>,
    #[arg(long, value_parser = ["maildir", "mbox", "calendar", "sms-backup", "whatsapp", "telegram"])]
    pub kind: Option<String>,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub report: bool,
    #[arg(long, value_name = "N", requires = "report")]
    pub add: Option<usize>,
    #[arg(long)]
    pub match_names: bool,
    #[arg(long)]
    pub groups: bool,
    #[arg(long, value_name = "ORDER", value_parser = ["dmy", "mdy", "ymd"])]
    pub date_order: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    #[arg(long, value_name = "SOURCE", conflicts_with_all = ["sources", "report", "since", "kind", "name", "match_names", "groups", "date_order", "contact", "list"])]
    pub forget: Option<String>,
    #[arg(long, conflicts_with_all = ["sources", "report", "since", "kind", "name", "match_names", "groups", "date_order", "contact", "dry_run"])]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct NotifyArgs {
    #[arg(long, conflicts_with_all = ["install", "uninstall"])]
    pub dry_run: bool,
    #[arg(long, conflicts_with = "uninstall")]
    pub install: bool,
    #[arg(long)]
    pub uninstall: bool,
    #[arg(long, requires = "install", value_parser = ["systemd", "cron"])]
    pub with: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long, default_value = "plain", value_parser = ["plain", "waybar", "i3status-rust"])]
    pub format: String,
}

/// `--rating`: -1, 0 or 1 (also written +1).
fn rating(text: &str) -> Result<i8, String> {
    match text.trim() {
        "-1" => Ok(-1),
        "0" | "+0" | "-0" => Ok(0),
        "1" | "+1" => Ok(1),
        _ => Err(crate::tr!("error-rating").to_string()),
    }
}
