//! Whole-screen snapshots with demo data and a fixed "now": every tab,
//! the help and every form at 80×24, 100×30 and 160×48; the confirmations
//! and a few states after keys; and, without colour (`NO_COLOR`), the
//! screens where colour used to carry meaning.

use insta::assert_snapshot;

use super::Fixture;

const W: u16 = 100;
const H: u16 = 30;

/// The three sizes every tab, the help and every form are drawn at.
const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (160, 48)];

fn shot(keys: &str) -> String {
    shot_at(keys, W, H)
}

fn shot_at(keys: &str, width: u16, height: u16) -> String {
    let mut f = Fixture::demo();
    f.keys(keys);
    f.screen(width, height)
}

/// Snapshots `keys`' screen at each of [`SIZES`], named `name@WxH`; each
/// footer ends with the way to the help.
fn at_three_sizes(name: &str, keys: &str) {
    for (w, h) in SIZES {
        let screen = shot_at(keys, w, h);
        let footer = screen.lines().last().unwrap_or_default().trim_end();
        // (the help itself says how to scroll and close it)
        assert!(
            footer.ends_with("? help") || footer.ends_with("F1 help") || name == "help",
            "{name} at {w}×{h}: footer {footer:?}"
        );
        assert_snapshot!(format!("{name}@{w}x{h}"), screen);
    }
}

#[test]
fn today_tab() {
    at_three_sizes("today", "");
}

#[test]
fn contacts_tab() {
    at_three_sizes("contacts", "2j");
}

#[test]
fn jour_fixe_tab() {
    at_three_sizes("jour_fixe", "3");
}

#[test]
fn stats_tab() {
    at_three_sizes("stats", "4");
}

#[test]
fn zoomed_card() {
    at_three_sizes("card", "<Enter>");
}

#[test]
fn help_popup() {
    at_three_sizes("help", "?");
}

#[test]
fn log_form() {
    at_three_sizes("log_form", "l");
}

#[test]
fn log_form_with_others() {
    at_three_sizes("log_form_with_others", "lcoffee<Tab><Tab><Tab>jonas, lea");
}

#[test]
fn add_form() {
    at_three_sizes("add_form", "a");
}

#[test]
fn edit_form() {
    at_three_sizes("edit_form", "e");
}

#[test]
fn cadence_form() {
    at_three_sizes("cadence_form", "c");
}

#[test]
fn snooze_form() {
    at_three_sizes("snooze_form", "s");
}

#[test]
fn hook_form() {
    at_three_sizes("hook_form", "hask about the Berlin marathon");
}

#[test]
fn follow_up_form() {
    at_three_sizes("follow_up_form", "r");
}

#[test]
fn jour_fixe_form() {
    at_three_sizes("jour_fixe_form", "fevery 2nd tue 10:00");
}

#[test]
fn jour_fixe_edit_form() {
    at_three_sizes("jour_fixe_edit_form", "3e");
}

#[test]
fn touch_form() {
    at_three_sizes("touch_form", "<Enter>je");
}

/// The widest last touch, an e-mail today, is not cut short.
#[test]
fn contacts_tab_shows_the_whole_last_touch() {
    let mut store = crate::store::Store::open_in_memory().unwrap();
    crate::demo::seed(&mut store, super::now()).unwrap();
    store
        .write(|tx| {
            let anna = crate::store::contacts::find_id(tx, "Anna Schmidt", false)?;
            let email = crate::model::Touch::new(
                super::now(),
                crate::model::Channel::Email,
                crate::model::Outcome::Done,
                vec![anna],
            );
            crate::store::touches::insert(tx, &email, super::now())?;
            Ok(())
        })
        .unwrap();
    let mut f = Fixture::on(store);
    f.keys("2");
    for width in [100, 200] {
        let screen = f.screen(width, H);
        let anna = screen
            .lines()
            .find(|l| l.starts_with("│Anna Schmidt"))
            .unwrap();
        assert!(anna.contains("✉ email today "), "{width}: {anna}");
    }
}

#[test]
fn contacts_sorted_by_status() {
    assert_snapshot!(shot("2o"));
}

#[test]
fn filter_while_typing() {
    assert_snapshot!(shot("/mue"));
}

#[test]
fn log_modal_with_an_error() {
    assert_snapshot!(shot("l<Tab><Tab><C-u>next year<Enter>"));
}

#[test]
fn delete_confirmation() {
    assert_snapshot!(shot("d"));
}

#[test]
fn today_after_logging_a_call_with_anna() {
    let before = shot("");
    let after = shot("lQ4 planning<Tab>4<Enter>");
    // Anna left OVERDUE: the row under the heading is now Jonas, and he is
    // selected: the next person who still needs a call
    assert!(before.contains("│  OVERDUE"));
    let row_after_heading = |screen: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        let i = lines.iter().position(|l| l.contains("OVERDUE")).unwrap();
        lines[i + 1].to_string()
    };
    assert!(row_after_heading(&before).contains("Anna Schmidt"));
    assert!(row_after_heading(&after).contains("▶ Jonas Weber"));
    assert_snapshot!(after);
}

#[test]
fn welcome_on_an_empty_database() {
    let mut f = Fixture::empty();
    assert_snapshot!(f.screen(W, H));
}

#[test]
fn a_tiny_terminal_gets_a_notice() {
    let mut f = Fixture::demo();
    let screen = f.screen(40, 8);
    assert!(screen.contains("draht needs at least 60×12"), "{screen}");
    assert!(screen.contains("40×8"));
}

#[test]
fn control_characters_in_names_are_defused() {
    let mut f = Fixture::demo();
    f.keys("aEve\u{1b}[2J<Tab><Tab>1w<Enter>");
    let screen = f.screen(W, H);
    assert!(!screen.contains('\u{1b}'));
    // the store keeps the name without its escape character
    assert!(screen.contains("Eve[2J"), "{screen}");
}

#[test]
fn jour_fixe_modal_with_a_rule_it_cannot_read() {
    assert_snapshot!(shot("fevery blorp 10:00"));
}

#[test]
fn jour_fixe_skip_confirmation() {
    assert_snapshot!(shot("3s"));
}

#[test]
fn triage_mode() {
    assert_snapshot!(shot("t"));
}

#[test]
fn remove_touch_confirmation() {
    assert_snapshot!(shot("<Enter>jd"));
}

#[test]
fn undo_after_a_snooze() {
    assert_snapshot!(shot_at("s<Enter>u", 80, 24));
}

/// Drawn without colour, as with `NO_COLOR`: no cell has a colour, and
/// the calendar's states, the channels of the charts and the rest read
/// apart by their symbols and words.
fn no_color(keys: &str, width: u16, height: u16) -> String {
    crate::tui::theme::set_monochrome(true);
    let mut f = Fixture::demo();
    f.keys(keys);
    let buffer = f.buffer(width, height);
    let screen = f.screen(width, height);
    crate::tui::theme::set_monochrome(false);
    for cell in buffer.content() {
        assert!(
            cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
            "a coloured cell {:?} in:\n{screen}",
            cell.symbol()
        );
    }
    screen
}

#[test]
fn no_color_jour_fixe_tab() {
    // a skipped date too: planned, kept, missed and skipped in one month
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = no_color("3sy", w, h);
        for legend in ["• planned", "✓ kept", "✗ missed", "– skipped", "today"] {
            assert!(screen.contains(legend), "{legend}");
        }
        assert_snapshot!(format!("no_color_jour_fixe@{w}x{h}"), screen);
    }
}

#[test]
fn no_color_stats_tab() {
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = no_color("4", w, h);
        assert!(
            screen.contains("☻ meet") && screen.contains("✉ email"),
            "{screen}"
        );
        assert_snapshot!(format!("no_color_stats@{w}x{h}"), screen);
    }
}

#[test]
fn no_color_today_and_a_form() {
    assert_snapshot!("no_color_today@80x24", no_color("", 80, 24));
    assert_snapshot!("no_color_log_form@80x24", no_color("l<Tab>", 80, 24));
}
