//! The text of the timer that runs `draht notify` every five minutes: a
//! systemd user service and timer (`OnCalendar=*:0/5`, `Persistent=true`),
//! or a crontab line. PURE: the command and its environment in, text out.

use std::path::Path;

/// The unit names `draht notify --install` writes.
pub const SERVICE: &str = "draht-notify.service";
pub const TIMER: &str = "draht-notify.timer";

/// The command a timer runs: the program with its arguments, and the
/// environment it needs (the database, the config, the session bus).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job<'a> {
    pub program: &'a Path,
    pub args: Vec<String>,
    /// `NAME=value` pairs.
    pub env: Vec<(String, String)>,
}

/// The service unit: one run of `draht notify`.
pub fn service(job: &Job) -> String {
    let mut exec = vec![systemd_quote(&job.program.to_string_lossy())];
    exec.extend(job.args.iter().map(|a| systemd_quote(a)));
    let mut out = String::from(
        "[Unit]\n\
         Description=draht reminders: Jour fixe, follow-ups and the morning summary\n\
         \n\
         [Service]\n\
         Type=oneshot\n",
    );
    for (name, value) in &job.env {
        out.push_str(&format!(
            "Environment={}\n",
            systemd_quote(&format!("{name}={value}"))
        ));
    }
    out.push_str(&format!("ExecStart={}\n", exec.join(" ")));
    out
}

/// The timer unit: every five minutes, and once at start-up for the runs
/// missed while the machine was off or asleep.
pub fn timer() -> String {
    format!(
        "[Unit]\n\
         Description=Run draht notify every five minutes\n\
         \n\
         [Timer]\n\
         OnCalendar=*:0/5\n\
         Persistent=true\n\
         Unit={SERVICE}\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
    )
}

/// The crontab line: every five minutes, with the environment given.
pub fn crontab(job: &Job) -> String {
    let mut words: Vec<String> = job
        .env
        .iter()
        .map(|(name, value)| format!("{name}={}", shell_quote(value)))
        .collect();
    words.push(shell_quote(&job.program.to_string_lossy()));
    words.extend(job.args.iter().map(|a| shell_quote(a)));
    // cron turns an unescaped % into a line break; it mails what a job
    // prints, so only errors (on stderr) reach the user
    format!(
        "*/5 * * * * {} >/dev/null",
        words.join(" ").replace('%', "\\%")
    )
}

/// One word of an `ExecStart=` or `Environment=` line: quoted when it
/// holds anything but plain characters, with systemd's `%` specifiers and
/// `$` variables escaped.
fn systemd_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c));
    let escaped = word.replace('%', "%%").replace('$', "$$");
    match plain {
        true => escaped,
        false => format!("\"{}\"", escaped.replace('\\', "\\\\").replace('"', "\\\"")),
    }
}

/// One word for `sh`: single-quoted unless plain.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c));
    match plain {
        true => word.to_string(),
        false => format!("'{}'", word.replace('\'', "'\\''")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(program: &Path) -> Job<'_> {
        Job {
            program,
            args: vec![
                "--db".into(),
                "/home/me/my data/d 100%.db".into(),
                "notify".into(),
            ],
            env: vec![(
                "DBUS_SESSION_BUS_ADDRESS".into(),
                "unix:path=/run/user/1000/bus".into(),
            )],
        }
    }

    #[test]
    fn the_service_quotes_and_escapes_its_command() {
        let text = service(&job(Path::new("/usr/bin/draht")));
        assert!(
            text.contains("ExecStart=/usr/bin/draht --db \"/home/me/my data/d 100%%.db\" notify\n"),
            "{text}"
        );
        assert!(text.contains("Type=oneshot\n"), "{text}");
        assert!(
            text.contains("Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus\n"),
            "{text}"
        );
    }

    #[test]
    fn the_timer_runs_every_five_minutes_and_catches_up() {
        let text = timer();
        assert!(text.contains("OnCalendar=*:0/5\n"));
        assert!(text.contains("Persistent=true\n"));
        assert!(text.contains("WantedBy=timers.target\n"));
    }

    #[test]
    fn the_crontab_line_carries_the_bus_and_escapes_percent() {
        assert_eq!(
            crontab(&job(Path::new("/opt/my apps/draht"))),
            "*/5 * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus \
             '/opt/my apps/draht' --db '/home/me/my data/d 100\\%.db' notify >/dev/null"
        );
    }
}
