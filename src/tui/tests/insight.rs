//! The Stats tab and the cooling marks: computed at once for an in-memory
//! store, on a background thread for a file, and acted on from the list.

use std::time::{Duration, Instant};

use super::{Fixture, id_of, now, selected_name};
use crate::store::Store;
use crate::tui::Reload;
use crate::tui::app::{Modal, Mode, Tab};

fn form_title(f: &Fixture) -> String {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Form(form) => form.title.clone(),
            Modal::Confirm(c) => c.question.clone(),
            Modal::Pick(p) => p.gone_name.clone(),
        },
        other => panic!("no form open: {other:?}"),
    }
}

/// The demo's cooling relationships, largest drop first: Jonas (coffee
/// every month until autumn), Anna (calls turned into e-mails), Jürgen.
const COOLING: [&str; 3] = ["Jonas Weber", "Anna Schmidt", "Jürgen Müller"];

fn cooling_names(f: &Fixture) -> Vec<String> {
    let insight = f.app.insight.as_ref().expect("numbers");
    insight.cooling.iter().map(|c| c.name.clone()).collect()
}

#[test]
fn the_demo_has_its_numbers_from_the_first_frame() {
    let f = Fixture::demo();
    assert_eq!(cooling_names(&f), COOLING);
    let insight = f.app.insight.as_ref().unwrap();
    assert_eq!(insight.weekly.len(), 13, "90 days in weeks");
    let total: u32 = insight.weekly.iter().map(|w| w.total()).sum();
    assert_eq!(total, 54, "as `draht stats` counts the demo");
    let spheres: Vec<&str> = insight.spheres.iter().map(|s| s.sphere.as_str()).collect();
    assert_eq!(spheres, ["private", "work"]);
}

#[test]
fn today_marks_the_cooling_contacts_only() {
    let mut f = Fixture::demo();
    let jurgen = id_of(&f.app, "Jürgen Müller");
    let ben = id_of(&f.app, "Ben Okafor");
    assert!(f.app.is_cooling(jurgen));
    assert!(!f.app.is_cooling(ben), "Ben sails more often: warming");
    let screen = f.screen(100, 30);
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains('↘')).collect();
    assert_eq!(marked.len(), 3, "{screen}");
    for (line, name) in marked
        .iter()
        .zip(["Anna Schmidt", "Jonas Weber", "Jürgen Müller"])
    {
        assert!(line.contains(name), "{line}");
    }
    assert!(
        !screen
            .lines()
            .any(|l| l.contains("Ben Okafor") && l.contains('↘'))
    );
}

#[test]
fn the_cooling_list_selects_a_contact_to_log_or_plan() {
    let mut f = Fixture::demo();
    f.press("4");
    assert_eq!(f.app.tab, Tab::Stats);
    assert_eq!(selected_name(&f.app), "Jonas Weber");
    f.press("l");
    assert_eq!(form_title(&f), "Log a touch with Jonas Weber");
    f.press("<Esc>r");
    assert_eq!(form_title(&f), "Follow-up with Jonas Weber");
    f.press("<Esc>f");
    assert_eq!(form_title(&f), "Jour fixe with Jonas Weber");
}

#[test]
fn meeting_a_cooling_contact_warms_them_up() {
    let mut f = Fixture::demo();
    let jonas = id_of(&f.app, "Jonas Weber");
    f.keys("4l6coffee at last<Enter>");
    assert!(
        !f.app.is_cooling(jonas),
        "a meeting today outweighs the fall"
    );
    assert_eq!(cooling_names(&f), ["Anna Schmidt", "Jürgen Müller"]);
    assert!(!f.screen(100, 30).contains("Nobody is cooling"));
}

#[test]
fn the_brief_holds_a_year_of_touches_per_day() {
    let mut f = Fixture::demo();
    f.press("4");
    f.sync
        .refresh(&mut f.app, &mut f.store, Reload::Nothing)
        .expect("refresh");
    let heat = f.app.current_brief().expect("Jonas's brief").heat.clone();
    // Jonas: a coffee 40 days ago, chats 20 and 6 days ago, and a year of
    // monthly coffees and chats before: one cell per day with a touch.
    let today = crate::clock::local_day(now());
    let day = |ago: i64| today - chrono::Duration::days(ago);
    for ago in [40, 20, 6] {
        assert!(
            heat.iter().any(|(d, _)| *d == day(ago)),
            "{ago}d ago: {heat:?}"
        );
    }
    let jonas = id_of(&f.app, "Jonas Weber");
    let touches = f
        .store
        .read(|tx| crate::store::touches::for_contact(tx, jonas, None))
        .expect("touches");
    let in_year = touches
        .iter()
        .filter(|t| crate::clock::local_day(t.at) > day(371))
        .count();
    let counted: u32 = heat.iter().map(|(_, n)| *n).sum();
    assert_eq!(counted as usize, in_year);
    assert!(heat.len() > 30, "a year of rhythm: {heat:?}");
}

#[test]
fn a_database_file_is_measured_on_a_background_thread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("draht.db");
    let mut store = Store::open(&path).expect("store");
    crate::demo::seed(&mut store, now()).expect("demo");
    let mut f = Fixture::on(store);
    let started = Instant::now();
    while f.app.insight.is_none() && f.app.insight_error.is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no numbers after 20 s"
        );
        std::thread::sleep(Duration::from_millis(10));
        f.sync
            .refresh(&mut f.app, &mut f.store, Reload::Nothing)
            .expect("refresh");
    }
    assert_eq!(f.app.insight_error, None);
    assert_eq!(cooling_names(&f), COOLING);
    assert!(!f.sync.computing());
    // a write starts a fresh computation, which again arrives
    f.keys("4l6<Enter>");
    let started = Instant::now();
    while f.sync.computing()
        || f.app
            .insight
            .as_ref()
            .is_some_and(|i| i.cooling.iter().any(|c| c.name == "Jonas Weber"))
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no fresh numbers"
        );
        std::thread::sleep(Duration::from_millis(10));
        f.sync
            .refresh(&mut f.app, &mut f.store, Reload::Nothing)
            .expect("refresh");
    }
    assert_eq!(cooling_names(&f), ["Anna Schmidt", "Jürgen Müller"]);
}
