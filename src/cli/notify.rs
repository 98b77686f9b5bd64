//! `draht notify [--dry-run] [--install [--with systemd|cron] | --uninstall]`:
//! the desktop face of the reminders. The app layer decides and records
//! (`app::notify`); this file puts the reminders into words and hands them
//! to the session's notification service over D-Bus (notify-rust's
//! pure-Rust zbus backend), and writes or prints the timer.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Ctx;
use super::args::NotifyArgs;
use crate::app::notify::{self, Deliver};
use crate::app::timer;
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::interop::timer::{Job, TIMER, crontab};
use crate::remind::Reminder;
use crate::text::reminder::{line, markup, words};
use crate::{t, tr};

/// The variable that names the session bus.
const BUS_VAR: &str = "DBUS_SESSION_BUS_ADDRESS";

pub fn notify(ctx: &mut Ctx, args: &NotifyArgs) -> Result<String> {
    if args.install {
        return install(ctx, args.with.as_deref());
    }
    if args.uninstall {
        return uninstall(ctx);
    }
    let today = ctx.today();
    let reminders = match args.dry_run {
        true => notify::pending(&mut ctx.store, ctx.now, &ctx.config)?,
        false => {
            let mut desktop = Desktop::connect(today)?;
            super::capture::before_notify(ctx);
            notify::send(&mut ctx.store, ctx.now, &ctx.config, &mut desktop)?
        }
    };
    if ctx.json {
        return ctx.to_json(&Sent {
            dry_run: args.dry_run,
            reminders: reminders
                .iter()
                .map(|r| Shown {
                    // machine output: the same words in every language
                    text: i18n::with_lang(Lang::En, || line(r, today)),
                    reminder: r,
                })
                .collect(),
        });
    }
    let mut out = String::new();
    if args.dry_run {
        out.push_str(match reminders.is_empty() {
            true => tr!("notify-nothing"),
            false => tr!("notify-would-send"),
        });
        out.push('\n');
    }
    for r in &reminders {
        if args.dry_run {
            out.push_str("  ");
        }
        out.push_str(&line(r, today));
        out.push('\n');
    }
    Ok(out)
}

/// `notify --json`: what was sent (or would be), with its words.
#[derive(Serialize)]
struct Sent<'a> {
    dry_run: bool,
    reminders: Vec<Shown<'a>>,
}

#[derive(Serialize)]
struct Shown<'a> {
    /// The reminder as one line.
    text: String,
    #[serde(flatten)]
    reminder: &'a Reminder,
}

/// The session's notification service (org.freedesktop.Notifications).
struct Desktop {
    today: chrono::NaiveDate,
}

impl Desktop {
    /// Checks that there is a session bus with a notification service on
    /// it, so that a run without one says so before deciding anything.
    fn connect(today: chrono::NaiveDate) -> Result<Desktop> {
        let address =
            bus_address().ok_or_else(|| Error::Desktop(t!("error-no-bus", var = BUS_VAR)))?;
        notify_rust::get_server_information().map_err(|e| bus_error(&address, &e))?;
        Ok(Desktop { today })
    }
}

impl Deliver for Desktop {
    fn deliver(&mut self, reminder: &Reminder) -> Result<()> {
        let w = words(reminder, self.today);
        notify_rust::Notification::new()
            .appname("draht")
            .summary(&w.title)
            .body(&markup(&w.body))
            .icon("x-office-calendar")
            .show()
            .map(drop)
            .map_err(|e| {
                let address = bus_address().unwrap_or_default();
                bus_error(&address, &e)
            })
    }
}

/// The session bus's address as zbus finds it: `DBUS_SESSION_BUS_ADDRESS`,
/// else the socket `$XDG_RUNTIME_DIR/bus` when it exists.
fn bus_address() -> Option<String> {
    if let Some(address) = std::env::var(BUS_VAR).ok().filter(|a| !a.trim().is_empty()) {
        return Some(address);
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")?;
    let socket = Path::new(&runtime).join("bus");
    socket
        .exists()
        .then(|| format!("unix:path={}", socket.display()))
}

/// One line for a failed D-Bus call.
fn bus_error(address: &str, e: &notify_rust::error::Error) -> Error {
    let message = e.to_string().replace('\n', " ");
    if message.contains("ServiceUnknown") || message.contains("not provided by any") {
        return Error::Desktop(t!("error-no-notification-service", address = address));
    }
    Error::Desktop(t!(
        "error-bus-unreachable",
        address = address,
        problem = message
    ))
}

/// `notify --install`: the systemd user timer, or the crontab line.
fn install(ctx: &mut Ctx, with: Option<&str>) -> Result<String> {
    let program = std::env::current_exe().map_err(|source| Error::Io {
        path: "draht".into(),
        source,
    })?;
    unit_word(&program, "program")?;
    let args = job_args(ctx)?;
    let systemd = match with {
        Some(name) => name == "systemd",
        None => Path::new("/run/systemd/system").is_dir(),
    };
    if !systemd {
        let env = vec![(BUS_VAR.to_string(), cron_bus_address())];
        let line = crontab(&Job {
            program: &program,
            args,
            env,
        });
        if ctx.json {
            return ctx.to_json(&serde_json::json!({ "crontab": line }));
        }
        return Ok(format!("{}\n{line}\n", tr!("notify-crontab")));
    }
    let dir = units_dir()?;
    let units = timer::install(
        &dir,
        &Job {
            program: &program,
            args,
            env: Vec::new(),
        },
    )?;
    let enable = format!("systemctl --user enable --now {TIMER}");
    if ctx.json {
        return ctx.to_json(&serde_json::json!({
            "service": units.service,
            "timer": units.timer,
            "enable": enable,
        }));
    }
    Ok(format!(
        "{}\n{}\n{enable}\n",
        t!(
            "notify-wrote-units",
            service = super::render::path(&units.service),
            timer = super::render::path(&units.timer)
        ),
        tr!("notify-start-timer")
    ))
}

/// `notify --uninstall`.
fn uninstall(ctx: &mut Ctx) -> Result<String> {
    let removed = timer::uninstall(&units_dir()?)?;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({ "removed": removed }));
    }
    if removed.is_empty() {
        return Ok(format!(
            "{}\n",
            t!("notify-no-timer", dir = super::render::path(&units_dir()?))
        ));
    }
    let mut out = String::new();
    for path in &removed {
        out.push_str(&t!("notify-removed", path = super::render::path(path)));
        out.push('\n');
    }
    out.push_str(&t!("notify-stop-timer", timer = TIMER));
    out.push('\n');
    Ok(out)
}

/// The arguments of the timer's `draht notify`: this run's database and
/// config file, as absolute paths.
fn job_args(ctx: &Ctx) -> Result<Vec<String>> {
    let mut args = Vec::new();
    let db = ctx
        .store
        .path()
        .ok_or_else(|| Error::input(tr!("error-timer-demo")))?;
    args.push("--db".into());
    args.push(unit_word(&absolute(db), "database")?);
    if let Some(config) = ctx.config_path.as_deref().filter(|p| p.exists()) {
        args.push("--config".into());
        args.push(unit_word(&absolute(config), "config")?);
    }
    args.push("notify".into());
    Ok(args)
}

/// `path` as one word of the timer's command: a systemd unit and a
/// crontab line are read line by line, so a path with a line break (which
/// would start a line of its own, such as another `ExecStartPre=`) or any
/// other control character, or one that is not UTF-8 (which would name
/// another file), is refused rather than written. `what` names the file
/// for the message: `program`, `database` or `config`.
fn unit_word(path: &Path, what: &'static str) -> Result<String> {
    match path.to_str() {
        Some(text) if !text.chars().any(char::is_control) => Ok(text.to_string()),
        _ => Err(Error::input(t!(
            "error-unit-path",
            what = what,
            path = super::render::path(path)
        ))),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `$XDG_CONFIG_HOME/systemd/user` (else `~/.config/systemd/user`).
fn units_dir() -> Result<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().join(".config")))
        .ok_or_else(|| Error::input(tr!("error-no-home-units")))?;
    Ok(config.join("systemd").join("user"))
}

/// The session bus a cron job should use: this session's, else the
/// standard per-user socket.
fn cron_bus_address() -> String {
    bus_address().unwrap_or_else(|| {
        use std::os::unix::fs::MetadataExt;
        let uid = std::fs::metadata("/proc/self").map_or(1000, |m| m.uid());
        format!("unix:path=/run/user/{uid}/bus")
    })
}
