//! `draht notify --install` / `--uninstall`: the systemd user units, checked
//! by `systemd-analyze verify`, and the crontab line.

use std::path::Path;
use std::process::Command;

use crate::harness::Env;

const SYSTEMD_ANALYZE: &str = "systemd-analyze is missing: apt-get install systemd (.ci/run does)";

/// `systemd-analyze verify UNITS…`: (success, what it said).
fn verify(units: &[&Path]) -> (bool, String) {
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .args(units)
        .output()
        .unwrap_or_else(|e| panic!("{SYSTEMD_ANALYZE} ({e})"));
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

#[test]
fn install_writes_units_that_systemd_accepts_and_uninstall_removes_them() {
    let env = Env::new("2026-12-08T09:00:00+01:00");
    env.ok(&["add", "Anna Schmidt"]);
    let said = env.ok(&["notify", "--install", "--with", "systemd"]);
    let dir = env.dir.path().join("config/systemd/user");
    let service = dir.join("draht-notify.service");
    let timer = dir.join("draht-notify.timer");
    assert!(
        said.ends_with("\nsystemctl --user enable --now draht-notify.timer\n"),
        "{said}"
    );
    assert!(said.contains(&service.display().to_string()), "{said}");
    let timer_text = std::fs::read_to_string(&timer).unwrap();
    assert!(timer_text.contains("\nOnCalendar=*:0/5\n"), "{timer_text}");
    assert!(timer_text.contains("\nPersistent=true\n"), "{timer_text}");
    let service_text = std::fs::read_to_string(&service).unwrap();
    let db = env.db();
    assert!(
        service_text.contains(&format!(" --db {} notify\n", db.display())),
        "the timer reads this database: {service_text}"
    );
    let (ok, said) = verify(&[&timer, &service]);
    assert!(ok, "systemd-analyze verify: {said}");

    // The check can fail: a broken timer is refused.
    let broken = env.dir.path().join("draht-broken.timer");
    std::fs::write(&broken, timer_text.replace("*:0/5", "every five minutes")).unwrap();
    let (ok, said) = verify(&[&broken]);
    assert!(!ok, "a broken timer passed: {said}");

    // Installing again replaces the files; uninstalling removes them.
    env.ok(&["notify", "--install", "--with", "systemd"]);
    let said = env.ok(&["notify", "--uninstall"]);
    assert!(said.contains("Removed"), "{said}");
    assert!(!timer.exists() && !service.exists());
    assert!(
        env.ok(&["notify", "--uninstall"])
            .contains("nothing removed")
    );
}

#[test]
fn without_systemd_install_prints_the_crontab_line_with_the_bus() {
    let env = Env::new("2026-12-08T09:00:00+01:00");
    let out = env
        .cmd()
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
        .args(["notify", "--install", "--with", "cron"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    let line = said.lines().last().unwrap();
    assert!(
        line.starts_with("*/5 * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus "),
        "{said}"
    );
    assert!(line.ends_with(" notify >/dev/null"), "{line}");
    assert!(
        line.contains(&format!(" --db {} ", env.db().display())),
        "{line}"
    );
    assert!(said.contains("crontab -e"), "{said}");
    assert!(
        !env.dir.path().join("config/systemd").exists(),
        "no unit files for cron"
    );
}

#[test]
fn a_database_path_that_would_split_the_unit_or_the_crontab_line_is_refused() {
    let env = Env::new("2026-12-08T09:00:00+01:00");
    let db = env
        .dir
        .path()
        .join("a\nExecStartPre=/bin/touch /tmp/draht-injected\nb.db");
    let run = |args: &[&str]| env.cmd().arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["add", "Anna Schmidt"]).status.success());
    for with in ["systemd", "cron"] {
        let out = run(&["notify", "--install", "--with", with]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{with}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{with}: {err}");
        assert!(
            err.contains("holds a line break, a control character"),
            "{with}: {err}"
        );
        assert!(out.stdout.is_empty(), "{with}: no crontab line printed");
        assert!(
            !env.dir.path().join("config/systemd").exists(),
            "{with}: no unit written"
        );
    }
}
