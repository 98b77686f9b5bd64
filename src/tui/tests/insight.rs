//! The Stats tab and the cooling marks: computed at once for an in-memory
//! store, on a background thread for a file, and acted on from the list.

use std::time::{Duration, Instant};

use super::{Fixture, id_of, now, selected_name};
use crate::store::Store;
use crate::tui::app::{Modal, Mode, Tab};

fn form_title(f: &Fixture) -> String {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Form(form) => form.title.clone(),
            Modal::Confirm(c) => c.question.clone(),
        },
        other => panic!("no form open: {other:?}"),
    }
}

fn cooling_names(f: &Fixture) -> Vec<String> {
    let insight = f.app.insight.as_ref().expect("numbers");
    insight.cooling.iter().map(|c| c.name.clone()).collect()
}

#[test]
fn the_demo_has_its_numbers_from_the_first_frame() {
    let f = Fixture::demo();
    assert_eq!(cooling_names(&f), ["Jürgen Müller"]);
    let insight = f.app.insight.as_ref().unwrap();
    assert_eq!(insight.weekly.len(), 13, "90 days in weeks");
    let total: u32 = insight.weekly.iter().map(|w| w.total()).sum();
    assert_eq!(total, 17, "as `draht stats` counts the demo");
    let spheres: Vec<&str> = insight.spheres.iter().map(|s| s.sphere.as_str()).collect();
    assert_eq!(spheres, ["private", "work"]);
}

#[test]
fn today_marks_the_cooling_contact_only() {
    let mut f = Fixture::demo();
    let jurgen = id_of(&f.app, "Jürgen Müller");
    let anna = id_of(&f.app, "Anna Schmidt");
    assert!(f.app.is_cooling(jurgen));
    assert!(!f.app.is_cooling(anna));
    let screen = f.screen(100, 30);
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains('↘')).collect();
    assert_eq!(marked.len(), 1, "{screen}");
    assert!(marked[0].contains("Jürgen Müller"));
}

#[test]
fn the_cooling_list_selects_a_contact_to_log_or_plan() {
    let mut f = Fixture::demo();
    f.press("4");
    assert_eq!(f.app.tab, Tab::Stats);
    assert_eq!(selected_name(&f.app), "Jürgen Müller");
    f.press("l");
    assert_eq!(form_title(&f), "Log a touch with Jürgen Müller");
    f.press("<Esc>r");
    assert_eq!(form_title(&f), "Follow-up with Jürgen Müller");
    f.press("<Esc>f");
    assert_eq!(form_title(&f), "Jour fixe with Jürgen Müller");
}

#[test]
fn meeting_a_cooling_contact_warms_them_up() {
    let mut f = Fixture::demo();
    let jurgen = id_of(&f.app, "Jürgen Müller");
    f.keys("4l6lunch in Freiburg<Enter>");
    assert!(
        !f.app.is_cooling(jurgen),
        "a meeting today outweighs the fall"
    );
    assert!(cooling_names(&f).is_empty());
    assert!(f.screen(100, 30).contains("Nobody is cooling"));
}

#[test]
fn the_brief_holds_a_year_of_touches_per_day() {
    let mut f = Fixture::demo();
    f.press("4");
    f.sync
        .refresh(&mut f.app, &mut f.store, false)
        .expect("refresh");
    let heat = &f.app.current_brief().expect("Jürgen's brief").heat;
    // Jürgen: a video call in August, an e-mail in October
    assert_eq!(heat.len(), 2, "{heat:?}");
    assert!(heat.iter().all(|(_, n)| *n == 1));
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
            .refresh(&mut f.app, &mut f.store, false)
            .expect("refresh");
    }
    assert_eq!(f.app.insight_error, None);
    assert_eq!(cooling_names(&f), ["Jürgen Müller"]);
    assert!(!f.sync.computing());
    // a write starts a fresh computation, which again arrives
    f.keys("4l6<Enter>");
    let started = Instant::now();
    while f.sync.computing()
        || f.app
            .insight
            .as_ref()
            .is_some_and(|i| !i.cooling.is_empty())
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no fresh numbers"
        );
        std::thread::sleep(Duration::from_millis(10));
        f.sync
            .refresh(&mut f.app, &mut f.store, false)
            .expect("refresh");
    }
    assert!(cooling_names(&f).is_empty());
}
