//! Whole-screen snapshots at 100×30 with demo data and a fixed "now":
//! each tab, each modal, and the Today tab after logging a call.

use insta::assert_snapshot;

use super::Fixture;

const W: u16 = 100;
const H: u16 = 30;

fn shot(keys: &str) -> String {
    let mut f = Fixture::demo();
    f.keys(keys);
    f.screen(W, H)
}

#[test]
fn today_tab() {
    assert_snapshot!(shot(""));
}

#[test]
fn contacts_tab() {
    assert_snapshot!(shot("2j"));
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
fn jour_fixe_tab() {
    assert_snapshot!(shot("3"));
}

#[test]
fn stats_tab() {
    assert_snapshot!(shot("4"));
}

#[test]
fn zoomed_card() {
    assert_snapshot!(shot("<Enter>"));
}

#[test]
fn help_popup() {
    assert_snapshot!(shot("?"));
}

#[test]
fn log_modal() {
    assert_snapshot!(shot("l"));
}

#[test]
fn log_modal_with_an_error() {
    assert_snapshot!(shot("l4<BackTab><C-u>next year<Enter>"));
}

#[test]
fn add_modal() {
    assert_snapshot!(shot("a"));
}

#[test]
fn edit_modal() {
    assert_snapshot!(shot("e"));
}

#[test]
fn cadence_modal() {
    assert_snapshot!(shot("c"));
}

#[test]
fn snooze_modal() {
    assert_snapshot!(shot("s"));
}

#[test]
fn hook_modal() {
    assert_snapshot!(shot("h"));
}

#[test]
fn follow_up_modal() {
    assert_snapshot!(shot("r"));
}

#[test]
fn delete_confirmation() {
    assert_snapshot!(shot("d"));
}

#[test]
fn today_after_logging_a_call_with_anna() {
    let before = shot("");
    let after = shot("l4Q4 planning<Enter>");
    // Anna left OVERDUE: the row under the heading is now Jonas
    assert!(before.contains("│  OVERDUE"));
    let row_after_heading = |screen: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        let i = lines.iter().position(|l| l.contains("OVERDUE")).unwrap();
        lines[i + 1].to_string()
    };
    assert!(row_after_heading(&before).contains("Anna Schmidt"));
    assert!(row_after_heading(&after).contains("Jonas Weber"));
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
fn jour_fixe_modal_reads_the_rule_as_you_type() {
    assert_snapshot!(shot("fevery 2nd tue 10:00"));
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
