//! The banner of a Jour fixe about to start: on every tab, gone once it
//! starts, the bell rung once for it (and not at all with `bell = false`).

use chrono::Duration;

use super::{Fixture, now};
use crate::config::Config;
use crate::jourfixe::{Draft, Tz, parse_rule};
use crate::model::{Channel, Contact};
use crate::remind::Remind;
use crate::store::{Store, contacts, hooks, jourfixe, reminders};
use crate::tui::{Reload, open};

/// Anna's Jour fixe today (Tuesday 1 December) at 12:30, reminding an hour
/// before; "now" is noon.
fn store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    store
        .write(|tx| {
            let anna = contacts::insert(tx, &Contact::new("Anna Schmidt", now()), now())?;
            hooks::insert(
                tx,
                anna,
                crate::model::HookKind::Project,
                "ask about the Q3 launch",
                now(),
            )?;
            let spec = parse_rule("weekly tue 12:30").expect("rule");
            let today = crate::clock::local_day(now());
            let draft =
                Draft::new(spec, today, Channel::Call, None, None, Tz::LOCAL).expect("draft");
            let id = jourfixe::add(tx, anna, &draft, now())?;
            reminders::set(tx, id, Remind::Before(60))
        })
        .expect("seed");
    store
}

const BANNER: &str =
    "⏰ Jour fixe with Anna Schmidt at 12:30 (in 30 min) — call · ask about the Q3 launch";

#[test]
fn a_jour_fixe_about_to_start_shows_on_every_tab_and_rings_once() {
    let mut f = Fixture::on(store());
    for tab in ["1", "2", "3", "4"] {
        f.keys(tab);
        let screen = f.screen(100, 30);
        let second = screen.lines().nth(1).unwrap_or_default();
        assert_eq!(second.trim(), BANNER, "tab {tab}:\n{screen}");
    }
    assert!(f.app.banner.take_ring(), "the bell rings for it");
    f.keys("1");
    assert!(!f.app.banner.take_ring(), "and only once");
    // at 80 columns it is cut, not wrapped
    let narrow = f.screen(80, 24);
    let line = narrow.lines().nth(1).unwrap_or_default();
    assert!(
        line.starts_with(" ⏰ Jour fixe with Anna Schmidt at 12:30 (in 30 min) — call")
            && line.ends_with('…'),
        "{line}"
    );

    // once it has started the banner is gone
    f.app.set_now(now() + Duration::minutes(31));
    f.sync
        .refresh(&mut f.app, &mut f.store, Reload::Nothing)
        .expect("refresh");
    assert!(f.app.banner.soon.is_none());
    assert!(!f.screen(100, 30).contains("⏰"));
}

#[test]
fn no_banner_before_the_reminder_and_no_bell_when_it_is_off() {
    let mut store = store();
    let mut config = Config::default();
    config.remind.bell = false;
    let (mut app, mut sync) =
        open(&mut store, now() - Duration::minutes(31), config).expect("open");
    assert!(app.banner.soon.is_none(), "12:59 before the start: not yet");
    app.set_now(now());
    sync.refresh(&mut app, &mut store, Reload::Nothing)
        .expect("refresh");
    assert!(app.banner.soon.is_some());
    assert!(!app.banner.take_ring(), "bell = false");
}

/// In German the banner says when in German minutes, and the channel in
/// German.
#[test]
fn the_banner_in_german() {
    let line = crate::i18n::with_lang(crate::i18n::Lang::De, || {
        let mut f = Fixture::on(store());
        let screen = f.screen(100, 30);
        screen.lines().nth(1).unwrap_or_default().trim().to_string()
    });
    assert!(
        line.starts_with("⏰ ")
            && line.contains("Anna Schmidt")
            && line.contains("(in 30 Min.) — Anruf"),
        "{line}"
    );
}
