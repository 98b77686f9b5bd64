//! Both faces show one agenda: the TUI's Today rows hold exactly what
//! `draht today --json` says, section by section and line by line, on every
//! day of two months of the demo's life (overdue, due and planned people,
//! the week's Jour fixe with how each went, follow-ups, birthdays, soon).

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use serde_json::Value;

use draht::config::Config;
use draht::store::Store;
use draht::tui::data::TodayRow;

/// One line of the agenda as both faces can say it: the section, the
/// contact, and for dated lines the day ("Tue 08") and state.
type Line = (String, i64, String);

fn section_key(title: &str) -> &'static str {
    match title {
        "OVERDUE" => "overdue",
        "DUE TODAY" => "due",
        "PLANNED" => "planned",
        "JOUR FIXE" => "jourfixe",
        "FOLLOW-UPS" => "followups",
        "BIRTHDAYS" => "birthdays",
        "SOON" => "soon",
        other => panic!("unknown Today section {other:?}"),
    }
}

fn tui_lines(store: &mut Store, now: DateTime<Utc>) -> Vec<Line> {
    let (app, _sync) = draht::tui::open(store, now, Config::default()).expect("open the TUI");
    let mut section = String::new();
    let mut lines = Vec::new();
    for row in &app.data.today_rows {
        let (id, extra) = match row {
            TodayRow::Section(title) => {
                section = section_key(title).to_string();
                continue;
            }
            TodayRow::Note(_) => continue,
            TodayRow::Contact { id, .. } => (*id, String::new()),
            TodayRow::JourFixe {
                id, date, state, ..
            } => (*id, format!("{} {}", &date[..6], state.as_str())),
            TodayRow::FollowUp { id, date, .. } | TodayRow::Birthday { id, date, .. } => {
                (*id, date.clone())
            }
        };
        lines.push((section.clone(), id, extra));
    }
    lines
}

fn json_lines(agenda: &Value) -> Vec<Line> {
    let day = |v: &Value| {
        let date = NaiveDate::parse_from_str(v.as_str().expect("a date"), "%Y-%m-%d").expect("day");
        date.format("%a %d").to_string()
    };
    let mut lines = Vec::new();
    for key in [
        "overdue",
        "due",
        "planned",
        "jourfixe",
        "followups",
        "birthdays",
        "soon",
    ] {
        for e in agenda[key].as_array().expect("a list") {
            let id = e["contact_id"].as_i64().expect("contact id");
            let extra = match key {
                "jourfixe" => format!("{} {}", day(&e["date"]), e["state"].as_str().unwrap()),
                "followups" => day(&e["due"]),
                "birthdays" => day(&e["date"]),
                _ => String::new(),
            };
            lines.push((key.to_string(), id, extra));
        }
    }
    lines
}

#[test]
fn the_tui_today_rows_equal_draht_today_json_for_sixty_days() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("draht.db");
    let start = Utc.with_ymd_and_hms(2026, 11, 2, 8, 30, 0).unwrap();
    let mut store = Store::open(&db).expect("store");
    draht::demo::seed(&mut store, start).expect("demo");
    let mut seen = std::collections::BTreeSet::new();
    // the binary in the zone of this process, as the TUI below
    let draht = |now: DateTime<Utc>, args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("draht")
            .expect("draht")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path())
            .env("DRAHT_NOW", now.to_rfc3339())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("run draht");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    for offset in 0..60 {
        let now = start + Days::new(offset);
        let mut agenda: Value = serde_json::from_slice(&draht(now, &["today", "--json"])).unwrap();
        // Every other Jour fixe of today is kept by a call, as a person
        // would log it: the rest of the week then shows it kept.
        let today = now.date_naive().format("%Y-%m-%d").to_string();
        let due_today: Vec<String> = agenda["jourfixe"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["date"] == today.as_str() && e["state"] == "upcoming")
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect();
        if offset % 2 == 0 && !due_today.is_empty() {
            for name in &due_today {
                draht(now, &["log", name, "call"]);
            }
            agenda = serde_json::from_slice(&draht(now, &["today", "--json"])).unwrap();
        }
        let expected = json_lines(&agenda);
        let got = tui_lines(&mut store, now);
        assert_eq!(got, expected, "on {}", now.date_naive());
        seen.extend(got.into_iter().map(|(section, _, extra)| {
            let state = extra.split(' ').nth(2).unwrap_or("").to_string();
            (section, state)
        }));
    }
    // every section came up, and Jour fixe in every state a week can show
    for wanted in [
        ("overdue", ""),
        ("due", ""),
        ("planned", ""),
        ("soon", ""),
        ("followups", ""),
        ("birthdays", ""),
        ("jourfixe", "upcoming"),
        ("jourfixe", "kept"),
        ("jourfixe", "missed"),
    ] {
        assert!(
            seen.contains(&(wanted.0.to_string(), wanted.1.to_string())),
            "never saw {wanted:?} in sixty days: {seen:?}"
        );
    }
}
