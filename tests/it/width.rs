//! Text output fits the terminal: on 80 and 100 columns no line of
//! `today`, `list`, `show`, `stats` or `jourfixe list` is wider than the
//! terminal, names stay whole and a cut ends in `…`; in a pipe the text is
//! whole unless `--width` says otherwise. One test runs draht in tmux, a
//! real 80-column terminal, and reads what it shows.

use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

use crate::harness::Env;
use crate::tty::{Tmux, quote};

const NOW: &str = "2026-12-07T09:00:00+01:00";
const LONG_NAME: &str = "Anna-Lena Schmidt-Hoffmann";
const HOOK: &str = "ask how the Q3 launch went and whether the numbers held up in November";
const NOTE: &str = "send the revised offer with the volume discount and the new payment terms";

/// An address book with long names, hooks, notes and a Jour fixe, some of
/// it overdue, planned, due soon.
fn address_book() -> Env {
    let env = Env::new(NOW);
    let add = |name: &str, every: &str| {
        env.ok(&[
            "add",
            name,
            "--every",
            every,
            "--sphere",
            "work",
            "--company",
            "Hoffmann & Söhne Maschinenbau GmbH",
            "--role",
            "Head of Procurement and Supplier Relations",
            "--note",
            "Prefers calls before ten; two kids; sails on the Wannsee every other weekend in summer",
        ])
    };
    add(LONG_NAME, "2w");
    add("Jürgen Müller-Lüdenscheidt", "3w");
    add("Bo", "1w");
    env.ok(&[
        "log",
        LONG_NAME,
        "call",
        "went through the whole contract draft, line by line",
        "--at",
        "30d ago",
    ]);
    env.ok(&["log", LONG_NAME, "email", "the slides", "--at", "3d ago"]);
    env.ok(&["hook", LONG_NAME, HOOK, "--kind", "project"]);
    env.ok(&[
        "hook",
        "Jürgen",
        "his daughter's wedding in Freiburg",
        "--kind",
        "personal",
    ]);
    env.ok(&["remind", "Jürgen", "in 2 days", NOTE]);
    env.ok(&[
        "jourfixe",
        "add",
        "bo",
        "monthly last fri 16:30",
        "--note",
        "the quarterly numbers, the hiring plan and whatever else came up",
    ]);
    env
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

const COMMANDS: [&[&str]; 6] = [
    &["today"],
    &["list"],
    &["show", "anna-lena"],
    &["stats"],
    &["stats", "anna-lena"],
    &["jourfixe", "list"],
];

#[test]
fn at_80_and_100_columns_no_line_is_wider_and_names_stay_whole() {
    let env = address_book();
    for columns in ["80", "100"] {
        let limit: usize = columns.parse().unwrap();
        for args in COMMANDS {
            let mut all = args.to_vec();
            all.extend(["--width", columns]);
            let text = env.ok(&all);
            assert!(
                widest(&text) <= limit,
                "draht {args:?} at {columns} columns:\n{text}"
            );
            let name = if args[0] == "jourfixe" {
                "Bo"
            } else {
                LONG_NAME
            };
            assert!(text.contains(name), "draht {args:?} at {columns}:\n{text}");
        }
    }
}

#[test]
fn on_a_narrow_terminal_the_hook_is_cut_first_and_more_of_it_shows_when_wider() {
    let env = address_book();
    let at_80 = env.ok(&["today", "--width", "80"]);
    let row = |text: &str| {
        text.lines()
            .find(|l| l.contains(LONG_NAME))
            .unwrap_or_else(|| panic!("no row for {LONG_NAME}:\n{text}"))
            .to_string()
    };
    let narrow = row(&at_80);
    assert!(narrow.contains("◆ ask") && narrow.ends_with('…'), "{at_80}");
    assert!(
        narrow.contains("overdue") || narrow.contains("over"),
        "{narrow}"
    );
    let wide = row(&env.ok(&["today", "--width", "100"]));
    let hook_shown = |line: &str| {
        line.split('◆')
            .nth(1)
            .map_or(0, |h| h.trim_end_matches('…').len())
    };
    assert!(
        hook_shown(&wide) > hook_shown(&narrow),
        "80: {narrow}\n100: {wide}"
    );
    // the follow-up's note gives way, its date and name do not
    let followup = at_80
        .lines()
        .find(|l| l.contains("#1") && l.contains("Jürgen"))
        .unwrap_or_else(|| panic!("no follow-up line:\n{at_80}"));
    assert!(followup.contains("Wed 9 Dec"), "{followup}");
    assert!(followup.ends_with('…'), "{followup}");
}

#[test]
fn in_a_pipe_the_text_is_whole_unless_a_width_is_given() {
    let env = address_book();
    let piped = env.ok(&["today"]);
    assert!(piped.contains(HOOK) && piped.contains(NOTE), "{piped}");
    assert!(!piped.contains('…'), "{piped}");
    // COLUMNS is for a terminal; a pipe ignores it
    let out = env
        .cmd()
        .env("COLUMNS", "40")
        .arg("today")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), piped);
    assert_eq!(env.ok(&["today", "--width", "0"]), piped);
    let brief = env.ok(&["show", "anna-lena"]);
    assert!(brief.contains("sails on the Wannsee every other weekend in summer"));
    // the brief wraps its notes rather than cutting them
    let narrow = env.ok(&["show", "anna-lena", "--width", "60"]);
    assert!(widest(&narrow) <= 60, "{narrow}");
    let words = |text: &str| {
        text.split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let notes = |text: &str| {
        let from = text.find("Prefers").unwrap();
        let to = text.find("summer").unwrap() + "summer".len();
        words(&text[from..to])
    };
    assert_eq!(notes(&narrow), notes(&brief));
}

#[test]
fn in_an_80_column_terminal_nothing_wraps() {
    let env = address_book();
    let bin = assert_cmd::cargo::cargo_bin("draht");
    let script = format!(
        "env -i PATH={path} HOME={home} DRAHT_DB={db} DRAHT_NOW={now} TZ=Europe/Berlin TERM=xterm-256color NO_COLOR=1 XDG_CONFIG_HOME={home}/config {bin} today; echo END-OF-TODAY; sleep 60",
        path = quote(&std::env::var("PATH").unwrap_or_default()),
        home = quote(&env.dir.path().display().to_string()),
        db = quote(&env.db().display().to_string()),
        now = quote(NOW),
        bin = quote(&bin.display().to_string()),
    );
    let term = Tmux::new();
    term.run(&[
        "new-session",
        "-d",
        "-s",
        "w",
        "-x",
        "80",
        "-y",
        "50",
        "sh",
        "-c",
        &script,
    ]);
    let start = Instant::now();
    let screen = loop {
        // -J joins lines the terminal wrapped: a wrap shows as a longer line
        let screen = term.run(&["capture-pane", "-p", "-J", "-t", "w"]);
        if screen.contains("END-OF-TODAY") {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "waited 10 s:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(widest(&screen) <= 80, "{screen}");
    assert!(
        screen.contains(LONG_NAME) && screen.contains("◆ ask"),
        "{screen}"
    );
    assert!(screen.lines().any(|l| l.ends_with('…')), "{screen}");
}
