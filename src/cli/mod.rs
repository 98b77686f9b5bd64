//! The command line: clap types in `args`, one small handler per command.
//! Every handler opens one transaction through the store and returns the
//! text (or JSON) to print.

pub mod args;
mod backup;
mod capture;
mod contacts;
pub mod help;
pub mod interop;
pub(crate) mod jourfixe;
mod merge;
mod notify;
mod plans;
pub mod render;
pub mod shell;
mod show;
pub mod stats;
mod status;
mod sync;
mod sync_setup;
mod today;
mod touches;
pub mod triage;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

pub use args::{Cli, Command};

use crate::clock;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n;
use crate::model::{Channel, Sphere};
use crate::store::Store;
use crate::text;
use crate::{t, tr};
use render::Paint;

/// Everything a handler needs: the store, "now", the config and how to print.
pub struct Ctx {
    pub store: Store,
    pub now: DateTime<Utc>,
    pub config: Config,
    pub json: bool,
    pub paint: Paint,
    /// Whether standard input is a terminal (for confirmations).
    pub interactive: bool,
    /// Whether standard output is a terminal: exports and JSON printed
    /// there lose their raw control characters ([`Ctx::data`]).
    pub terminal: bool,
    /// The config file read (`--config`, else the default path; it may be
    /// missing), for commands that hand it on (`notify --install`).
    pub config_path: Option<PathBuf>,
    /// The columns text output must fit in; `None`: never cut (a pipe).
    pub width: Option<usize>,
}

impl Ctx {
    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        clock::local_day(self.now)
    }

    /// Local wall-clock now.
    pub fn local_now(&self) -> NaiveDateTime {
        clock::local(self.now).naive_local()
    }

    /// A data format (vCard, CSV, iCalendar) for standard output: as it is
    /// for a file or a pipe, without raw control characters for a terminal
    /// (`text::data_for_terminal`).
    pub fn data(&self, text: String) -> String {
        if self.terminal {
            text::data_for_terminal(text)
        } else {
            text
        }
    }

    /// JSON for standard output: as it is, or for a terminal with its raw
    /// control characters escaped (`text::json_for_terminal`).
    pub fn json_out(&self, text: String) -> String {
        if self.terminal {
            text::json_for_terminal(text)
        } else {
            text
        }
    }

    /// Serialises `value` as pretty JSON with a trailing newline.
    pub fn to_json<T: Serialize>(&self, value: &T) -> Result<String> {
        let mut text = serde_json::to_string_pretty(value)
            .map_err(|e| Error::Database(t!("error-write-json", problem = e.to_string())))?;
        text.push('\n');
        let text = self.json_out(text);
        Ok(text)
    }
}

/// Where the database lives unless `--db`/`DRAHT_DB` says otherwise.
pub fn default_db_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "draht")
        .map(|dirs| dirs.data_dir().join("draht.db"))
        .ok_or_else(|| Error::input(tr!("error-no-home")))
}

/// Where the config file lives unless `--config` says otherwise.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "draht")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The config: the file `--config` or `DRAHT_CONFIG` names, which must
/// exist; else the default file, if there is one.
pub fn load_config(cli: &Cli) -> Result<Config> {
    match cli.config.as_deref().filter(|p| !p.as_os_str().is_empty()) {
        Some(path) => Config::load_named(path),
        None => match default_config_path() {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        },
    }
}

/// Whether coloured output is wanted on stdout.
pub fn want_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// The columns text output must fit in: `--width N` (0: no limit), else
/// on a terminal `COLUMNS` or the terminal's width (80 when unknown), else
/// (a pipe, a file) no limit.
pub fn out_width(flag: Option<usize>) -> Option<usize> {
    if let Some(n) = flag {
        return (n > 0).then_some(n);
    }
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok();
    let from_env = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    let from_terminal = || terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0));
    Some(from_env.or_else(from_terminal).unwrap_or(80))
}

/// Opens the store the flags ask for: the demo, `--db`, or the default
/// file. Where there is no database yet, a command that `writes` creates
/// one and says so on standard error; any other is refused (exit 2).
/// `check` opens the file read-only, as it is, without upgrading it.
pub fn open_store(cli: &Cli, command: Option<&Command>, now: DateTime<Utc>) -> Result<Store> {
    let (store, created) = open_store_quietly(cli, command, now)?;
    if let Some(path) = created {
        say_created(&path);
    }
    Ok(store)
}

/// [`open_store`] without the word on standard error: also gives the path
/// of the database it created, if it created one.
fn open_store_quietly(
    cli: &Cli,
    command: Option<&Command>,
    now: DateTime<Utc>,
) -> Result<(Store, Option<PathBuf>)> {
    if cli.demo {
        return Ok((crate::app::demo_in(now, crate::i18n::current())?, None));
    }
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => default_db_path()?,
    };
    if matches!(command, Some(Command::Check)) {
        return Ok((Store::open_to_check(&path)?, None));
    }
    let writes = command.is_none_or(Command::writes);
    let (store, created) = Store::open_or_create(&path, writes)?;
    Ok((store, created.then_some(path)))
}

fn say_created(path: &Path) {
    eprintln!(
        "{}",
        t!(
            "created-database",
            path = text::clean(&path.display().to_string())
        )
    );
}

/// Removes the database a failed command created (with SQLite's `-wal`
/// and `-shm` files beside it), so that a refused `draht log` on a
/// mistyped `--db` leaves nothing behind: the disk stays as it was.
fn remove_created(path: &Path) {
    let mut names = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        names.push(PathBuf::from(name));
    }
    for name in names {
        // best effort: a file that cannot go stays, as it would have
        let _ = std::fs::remove_file(name);
    }
}

/// Runs one command and returns what to print.
pub fn run(cli: &Cli, command: &Command) -> Result<String> {
    // completions and the manual need no database, and no good config:
    // its language counts when it reads
    if let Command::Completions(_) | Command::Man(_) = command {
        let language = load_config(cli).ok().and_then(|config| config.language);
        crate::i18n::select(cli.lang(), language);
    }
    match command {
        Command::Completions(args) => return shell::completions(args),
        Command::Man(args) => return shell::man(args),
        _ => {}
    }
    let now = clock::now()?;
    crate::i18n::select(cli.lang(), None);
    let config_path = cli
        .config
        .clone()
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(default_config_path);
    let config = load_config(cli)?;
    crate::i18n::select(cli.lang(), config.language);
    let (store, created) = open_store_quietly(cli, Some(command), now)?;
    let mut ctx = Ctx {
        config_path,
        store,
        now,
        config,
        json: cli.json,
        paint: Paint {
            color: want_color(),
        },
        interactive: std::io::stdin().is_terminal(),
        terminal: std::io::stdout().is_terminal(),
        width: out_width(cli.width),
    };
    let result = dispatch(&mut ctx, command);
    if let Some(path) = created {
        // a database is created only for a command that went through
        drop(ctx);
        match &result {
            Ok(_) => say_created(&path),
            Err(_) => remove_created(&path),
        }
    }
    result
}

/// Runs `command` against an open context.
pub fn dispatch(ctx: &mut Ctx, command: &Command) -> Result<String> {
    match command {
        Command::Add(args) => contacts::add(ctx, args),
        Command::Edit(args) => contacts::edit(ctx, args),
        Command::Show { contact, touches } => show::show(ctx, contact, *touches),
        Command::List(args) => contacts::list(ctx, args),
        Command::Archive { contact, undo } => contacts::archive(ctx, contact, *undo),
        Command::Rm { contact, yes } => contacts::remove(ctx, contact, *yes),
        Command::Merge(args) => merge::merge(ctx, args),
        Command::Log(args) => touches::log(ctx, args),
        Command::Touch(cmd) => touches::touch(ctx, cmd),
        Command::Today { days } => today::today(ctx, *days),
        Command::Snooze { contact, until } => plans::snooze(ctx, contact, until),
        Command::Hook {
            contact,
            text,
            kind,
        } => plans::hook(ctx, contact, text, kind),
        Command::Remind {
            contact,
            when,
            note,
        } => plans::remind(ctx, contact, when, note),
        Command::Done { id } => plans::done(ctx, *id),
        Command::Stats(args) => stats::stats(ctx, args),
        Command::Backup(args) => backup::backup(ctx, args),
        Command::Check => backup::check(ctx),
        Command::Jourfixe(cmd) => jourfixe::run(ctx, cmd),
        Command::Import(args) => interop::import(ctx, args),
        Command::Export(command) => interop::export(ctx, command),
        Command::Triage => triage::triage(ctx),
        Command::Capture(args) => capture::capture(ctx, args),
        Command::Notify(args) => notify::notify(ctx, args),
        Command::Status(args) => status::status(ctx, args),
        Command::Sync(args) => sync::sync(ctx, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}

/// Asks `question` on standard error and reads the answer: yes (`y`,
/// `yes`, `j`, `ja`) or not.
pub(crate) fn confirm(question: &str) -> Result<bool> {
    use std::io::{BufRead, Write};
    eprint!("{question} {} ", tr!("confirm-yes-no"));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::input(t!("error-no-answer", problem = e.to_string())))?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "j" | "ja"
    ))
}

/// Reads a channel name or alias; the error lists them all, in German
/// the German words.
pub fn channel_arg(input: &str) -> Result<Channel> {
    Channel::from_name(input).ok_or_else(|| {
        let names: Vec<String> = match i18n::current() {
            i18n::Lang::De => Channel::ALL
                .iter()
                .map(|c| match c.german_words() {
                    [one] => (*one).to_string(),
                    [name, rest @ ..] => format!("{name} ({})", rest.join(", ")),
                    [] => String::new(),
                })
                .collect(),
            i18n::Lang::En => Channel::ALL
                .iter()
                .map(|c| format!("{} ({})", c.as_str(), c.aliases().join(", ")))
                .collect(),
        };
        Error::input(t!(
            "error-unknown-channel",
            input = input.trim(),
            names = names.join("; ")
        ))
    })
}

/// Reads a sphere; the error says which exist.
pub fn sphere_arg(input: &str) -> Result<Sphere> {
    Sphere::from_name(input)
        .ok_or_else(|| Error::input(t!("error-unknown-sphere", input = input.trim())))
}
