//! Jour fixe from the TUI: the `f` form with its live rule, saving through
//! the store, and skipping or deleting on the Jour fixe tab.

use chrono::NaiveDate;
use ratatui::style::{Color, Modifier, Style};

use super::Got as Outcome;
use super::{Fixture, id_of, message};
use crate::jourfixe::Tz;
use crate::model::Channel;
use crate::store::jourfixe as store;
use crate::tui::app::{Modal, Mode};
use crate::tui::effects::Effect;
use crate::tui::keymap;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn form(f: &Fixture) -> &crate::tui::forms::Form {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Form(form) => form,
            Modal::Confirm(_) => panic!("a confirmation, not a form"),
            Modal::Pick(_) => panic!("a picker, not a form"),
        },
        other => panic!("no form open: {other:?}"),
    }
}

fn question(f: &Fixture) -> String {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Confirm(c) => c.question.clone(),
            Modal::Form(_) => panic!("a form, not a confirmation"),
            Modal::Pick(_) => panic!("a picker, not a confirmation"),
        },
        other => panic!("nothing asked: {other:?}"),
    }
}

#[test]
fn f_reads_the_rule_live_with_its_next_dates() {
    let mut f = Fixture::demo();
    f.press("f");
    assert!(form(&f).title.contains("Anna Schmidt"));
    assert_eq!(form(&f).live(), None, "nothing to read yet");
    f.press("every 2nd tue 10:00");
    let live = form(&f)
        .live()
        .expect("a live line")
        .expect("a readable rule");
    assert_eq!(
        live,
        "the 2nd Tuesday of every month at 10:00 — next: Tue 8 Dec, Tue 12 Jan 2027, Tue 9 Feb 2027"
    );
    f.press("<C-u>every blorp");
    let error = form(&f).live().expect("a live line").unwrap_err();
    assert!(
        error.contains("blorp") && error.contains("weekly fri"),
        "{error}"
    );
}

#[test]
fn f_enter_asks_for_a_jourfixe_with_channel_length_and_note() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    // Tab to the channel, 6 = meet (the focus stays), Tab to the length
    let outcome = f.press("fweekly fri 16:30<Tab>6<Tab>45min<Tab>coffee at Mo's<Enter>");
    let Outcome::Effect(Effect::AddJourFixe { contact, draft }) = outcome else {
        panic!("expected a Jour fixe, got {outcome:?}");
    };
    assert_eq!(contact, anna);
    assert_eq!(draft.spec.rrule, "FREQ=WEEKLY;BYDAY=FR");
    assert_eq!(draft.start, d(12, 4), "the first Friday from today");
    assert_eq!(draft.channel, Channel::Meet);
    assert_eq!(draft.duration_minutes, Some(45));
    assert_eq!(draft.note.as_deref(), Some("coffee at Mo's"));
}

#[test]
fn the_channel_digits_pick_without_moving_the_focus() {
    let mut f = Fixture::demo();
    // the form opens on the rule; digits there are part of the rule
    f.press("fmonthly on 15");
    assert_eq!(form(&f).fields[0].text_value(), "monthly on 15");
    assert_eq!(form(&f).scopes(), [keymap::Scope::Form]);
    f.press("<Tab>");
    assert_eq!(
        form(&f).scopes(),
        [keymap::Scope::Choice, keymap::Scope::Form]
    );
    f.press("5");
    assert_eq!(form(&f).fields[1].choice_index(), 4, "video");
    assert_eq!(form(&f).focus, 1, "the focus stays on the channel");
    // letters and Space on the channel field change nothing
    f.press("x ");
    assert_eq!(form(&f).fields[1].choice_index(), 4);
    f.press("2<Left>");
    assert_eq!(form(&f).fields[1].choice_index(), 0, "email, then ← to sms");
    f.press("<Tab>45min");
    assert_eq!(form(&f).fields[2].text_value(), "45min");
}

#[test]
fn a_bad_rule_or_length_keeps_the_form_open_with_the_accepted_forms() {
    let mut f = Fixture::demo();
    assert_eq!(f.press("f<Enter>"), Outcome::Continue);
    let error = form(&f).error.clone().expect("an error");
    assert!(error.contains("no rule given"), "{error}");
    f.press("weekly fri<Tab><Tab>an hour or so<Enter>");
    let error = form(&f).error.clone().expect("an error");
    assert!(
        error.contains("an hour or so") && error.contains("1h30"),
        "{error}"
    );
}

#[test]
fn saving_a_jourfixe_stores_it_like_the_cli_and_lists_it() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    f.keys("fevery 2 weeks thu 08:30<Tab>5<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        message(&f.app),
        "Jour fixe with Anna Schmidt (video): every other Thursday at 08:30 — next: Thu 3 Dec, Thu 17 Dec."
    );
    let stored = f
        .store
        .read(|tx| store::for_contact(tx, anna))
        .expect("read");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].rrule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    assert_eq!(stored[0].start, d(12, 3));
    assert_eq!(stored[0].channel, Channel::Video);
    // the Jour fixe tab lists it, and Anna's card shows it
    f.keys("3");
    assert!(f.screen(100, 30).contains("every other Thursday at 08:30"));
}

#[test]
fn s_on_the_jourfixe_tab_asks_then_skips_the_next_date() {
    let mut f = Fixture::demo();
    f.press("3s");
    let q = question(&f);
    assert!(
        q.contains("Skip Sun 6 Dec") && q.contains("Ingrid Rau"),
        "{q}"
    );
    assert_eq!(f.press("n"), Outcome::Continue);
    assert!(matches!(f.app.mode, Mode::Normal));
    let Outcome::Effect(Effect::SkipJourFixe { date, .. }) = f.press("sy") else {
        panic!("expected a skip");
    };
    assert_eq!(date, d(12, 6));
}

#[test]
fn skipping_moves_the_jourfixe_on_to_its_following_date() {
    let mut f = Fixture::demo();
    f.keys("3sy");
    assert_eq!(
        message(&f.app),
        "Skipped Sun 6 Dec of the Jour fixe with Ingrid Rau — next: Sun 13 Dec."
    );
    let next = f.app.jourfixe_selected().expect("still listed");
    assert_eq!((&*next.name, next.date), ("Ingrid Rau", d(12, 13)));
    // and Today lists Sunday's call as skipped, as `draht today` does
    f.keys("1");
    let screen = f.screen(100, 30);
    let line = screen.lines().find(|l| l.contains("Sun 06 18:00"));
    assert!(line.is_some_and(|l| l.contains("skipped")), "{screen}");
}

#[test]
fn d_on_the_jourfixe_tab_deletes_the_jourfixe_not_the_contact() {
    let mut f = Fixture::demo();
    let ingrid = id_of(&f.app, "Ingrid Rau");
    f.press("3d");
    assert!(question(&f).contains("Delete the Jour fixe with Ingrid Rau"));
    f.press("<Esc>");
    f.keys("3dy");
    assert!(message(&f.app).starts_with("Removed the Jour fixe with Ingrid Rau"));
    assert!(f.app.data.facts_of(ingrid).is_some(), "Ingrid stays");
    let names: Vec<String> = f
        .app
        .jourfixe_list()
        .iter()
        .map(|i| f.app.data.ov.calendar[*i].name.to_string())
        .collect();
    assert_eq!(names, ["Sophie Lang"]);
}

#[test]
fn the_jourfixe_tab_footer_offers_skip_instead_of_snooze() {
    let mut f = Fixture::demo();
    f.press("3");
    let labels: Vec<&str> = keymap::hints(&f.app.footer_scopes())
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(labels[..4], ["skip", "edit", "delete", "log"]);
    assert!(!labels.contains(&"snooze"));
}

/// The symbol before day `day` and its style in the calendar drawn under
/// the heading `month` (each day has three cells: symbol and digits).
fn day_look(buffer: &ratatui::buffer::Buffer, month: &str, day: u32) -> (String, Style) {
    let row_text = |y: u16| -> String {
        (0..26)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect()
    };
    let heading = (0..buffer.area.height)
        .find(|y| row_text(*y).contains(month))
        .unwrap_or_else(|| panic!("no {month}"));
    // the weeks: skip the weekday row; the first week may show last month's days
    for y in heading + 2..heading + 8 {
        for x in (2..23).step_by(3) {
            let slot: String = (x..x + 3).map(|x| buffer[(x, y)].symbol()).collect();
            let digits: String = slot.chars().filter(char::is_ascii_digit).collect();
            let symbol: String = slot
                .chars()
                .filter(|c| !c.is_ascii_digit() && *c != ' ')
                .collect();
            let first_week_of_last_month = y == heading + 2 && day > 20;
            let last_week_of_next_month = y >= heading + 6 && day < 10;
            if digits == day.to_string() && !first_week_of_last_month && !last_week_of_next_month {
                return (symbol, buffer[(x + 2, y)].style());
            }
        }
    }
    panic!("no day {day} under {month}");
}

fn day_style(buffer: &ratatui::buffer::Buffer, month: &str, day: u32) -> Style {
    day_look(buffer, month, day).1
}

#[test]
fn the_calendar_marks_kept_missed_skipped_and_planned_apart() {
    let mut f = Fixture::demo();
    f.keys("3sy");
    let buffer = f.buffer(100, 30);
    // Ingrid's Sundays: 22 Nov kept (a call), 29 Nov missed, 6 Dec skipped, 13 Dec planned
    let kept = day_style(&buffer, "November", 22);
    let missed = day_style(&buffer, "November", 29);
    let skipped = day_style(&buffer, "December", 6);
    let planned = day_style(&buffer, "December", 13);
    let plain = day_style(&buffer, "December", 14);
    assert_eq!(kept.fg, Some(Color::Green));
    assert_eq!(missed.fg, Some(Color::Red));
    assert!(
        skipped
            .add_modifier
            .contains(Modifier::CROSSED_OUT | Modifier::DIM)
    );
    assert_eq!(planned.fg, Some(Color::Cyan));
    let all = [kept, missed, skipped, planned, plain];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b, "two states drawn alike");
        }
    }
    // and each state has its own symbol, which the legend names
    let symbols: Vec<String> = [
        ("November", 22),
        ("November", 29),
        ("December", 6),
        ("December", 13),
    ]
    .iter()
    .map(|(m, d)| day_look(&buffer, m, *d).0)
    .collect();
    assert_eq!(symbols, ["✓", "✗", "–", "•"]);
    assert_eq!(day_look(&buffer, "December", 14).0, "");
    let screen = f.screen(100, 30);
    for legend in ["• planned", "✓ kept", "✗ missed", "– skipped"] {
        assert!(screen.contains(legend), "{legend}:\n{screen}");
    }
    // the next dates still come from the rule
    let jf = f
        .store
        .read(|tx| store::active(tx))
        .expect("read")
        .into_iter()
        .find(|j| j.skipped == [d(12, 6)])
        .expect("the skipped Jour fixe");
    assert_eq!(
        crate::jourfixe::next_dates(&jf, d(12, 1), 1, Tz::LOCAL),
        [d(12, 13)]
    );
}

/// A Jour fixe whose next date lies past the loaded window (here one that
/// starts in 80 days) still plans the check-in, fills the Contacts tab's
/// Jour fixe column and is on the Jour fixe tab — as `list` says.
#[test]
fn a_jour_fixe_starting_after_the_window_still_counts() {
    use crate::jourfixe::{Draft, parse_rule};
    use crate::model::{Contact, Outcome as Done, Touch};
    use crate::schedule::Status;
    use crate::store::{Store, contacts, touches};

    let now = super::now();
    let today = crate::clock::local_day(now);
    let start = today + chrono::Days::new(80);
    // the first Thursday from the start on
    let first = (0..7)
        .map(|k| start + chrono::Days::new(k))
        .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Thu)
        .expect("a Thursday");
    assert!(start > crate::app::overview::until(today));
    let mut db = Store::open_in_memory().expect("store");
    db.write(|tx| {
        let mut quarta = Contact::new("Quarta Lang", now);
        quarta.cadence_days = Some(91);
        let id = contacts::insert(tx, &quarta, now)?;
        touches::insert(
            tx,
            &Touch::new(now, Channel::Call, Done::Done, vec![id]),
            now,
        )?;
        let spec = parse_rule("weekly thu 10:00").expect("rule");
        let draft = Draft::new(spec, start, Channel::Call, None, None, Tz::LOCAL).expect("draft");
        store::add(tx, id, &draft, now)?;
        Ok(())
    })
    .expect("write");
    let mut f = super::Fixture::on(db);
    let id = id_of(&f.app, "Quarta Lang");
    let next = f.app.data.next_jourfixe(id).expect("a next Jour fixe");
    assert_eq!(next.date, first);
    let checkin = f.app.data.checkin_of(id).expect("a check-in");
    assert_eq!(checkin.status, Status::Planned);
    assert_eq!(checkin.plan.map(|p| p.date), Some(first));
    f.keys("2");
    let contacts_tab = f.screen(160, 16);
    let row = contacts_tab
        .lines()
        .find(|l| l.contains("│Quarta Lang"))
        .unwrap_or_else(|| panic!("no row in:\n{contacts_tab}"));
    let when = crate::text::day_short(first, today);
    assert!(row.contains(&when) && row.contains("planned│"), "{row}");
    f.keys("3");
    let selected = f.app.jourfixe_selected().expect("on the Jour fixe tab");
    assert_eq!((&*selected.name, selected.date), ("Quarta Lang", first));
}

/// The calendar's weeks start on the configured first day (Monday unless
/// `week_start` says otherwise), like the agenda's week.
#[test]
fn the_calendar_starts_its_weeks_on_the_configured_day() {
    let mut f = super::Fixture::demo();
    f.keys("3");
    assert!(f.screen(100, 30).contains("│  Mo Tu We Th Fr Sa Su"));
    f.app.config.settings.week_start = chrono::Weekday::Sun;
    let screen = f.screen(100, 30);
    assert!(screen.contains("│  Su Mo Tu We Th Fr Sa"), "{screen}");
}
