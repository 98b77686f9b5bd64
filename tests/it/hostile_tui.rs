//! Hostile text on the TUI: names, notes, hooks, follow-ups and Jour fixe
//! full of newlines, control characters, escape sequences, bidi overrides,
//! right-to-left text, emoji and a 100 KB note, drawn into a `TestBackend`
//! buffer on every tab and with every contact's detail card. No cell may
//! hold a character that moves the cursor, changes the terminal or
//! reorders a line, and every box keeps its borders.

use draht::clock::parse_now;
use draht::config::Config;
use draht::store::Store;
use draht::tui::{self, App, Mode, Reload, Sync, Tab};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::harness::Env;
use crate::hostile_input::{HOSTILE, is_unsafe_on_screen};

const NOW: &str = "2026-11-23T12:00:00+01:00";

/// Screen sizes: the smallest the TUI draws at, the design's, a wide one.
const SIZES: [(u16, u16); 3] = [(60, 12), (100, 30), (180, 50)];

/// A database where every hostile string is a contact's name, company,
/// role, tag and note, an overdue call's note, a hook, a follow-up and a
/// Jour fixe note; one more contact has no cadence (for triage), and one
/// carries a 100 KB note.
fn hostile_db() -> Env {
    let env = Env::new(NOW);
    for (i, s) in HOSTILE.iter().enumerate() {
        env.ok(&[
            "add",
            s,
            "--note",
            s,
            "--every",
            "1w",
            "--company",
            s,
            "--role",
            s,
            "--tag",
            s,
            "--birthday",
            "--11-25",
        ]);
        env.ok(&["log", s, "call", s, "--at", "2026-11-01"]);
        env.ok(&["hook", s, s, "--kind", "project"]);
        env.ok(&["remind", s, "friday", s]);
        if i % 3 == 0 {
            env.ok(&["jourfixe", "add", s, "weekly wed 10:00", "--note", s]);
        }
    }
    env.ok(&[
        "add",
        "No cadence \u{202e}yet\u{1b}[2J\nMARK",
        "--company",
        HOSTILE[5],
        "--role",
        HOSTILE[3],
        "--tag",
        HOSTILE[7],
    ]);
    let line = "Ärger\u{1b}[2J mit \u{202e}dem\u{202c} Angebot – 😀 ok\n";
    let big = line.repeat(100 * 1024 / line.len());
    env.ok(&["add", "Long Note", "--note", &big, "--every", "1w"]);
    env.ok(&["log", "long note", "meet", &big, "--at", "2026-11-01"]);
    env
}

fn press(app: &mut App, sync: &mut Sync, store: &mut Store, key: KeyCode) {
    app.handle_key(&KeyEvent::new(key, KeyModifiers::NONE));
    sync.refresh(app, store, Reload::Nothing).expect("refresh");
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| tui::view::draw(frame, app))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer[(x, y)].symbol()
}

/// No cell holds a control or bidi character.
fn assert_no_unsafe_cell(buffer: &Buffer, what: &str) {
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = symbol(buffer, x, y);
            assert!(
                !cell.chars().any(is_unsafe_on_screen),
                "{what}: cell ({x}, {y}) holds {cell:?} in row {:?}",
                row_text(buffer, y)
            );
        }
    }
}

/// Every box (a `┌` with its `┐` to the right on the same row) is closed
/// by `│` on both sides of every row down to its `└` and `┘`, with an
/// unbroken bottom edge. Returns how many boxes there are.
fn assert_boxes_intact(buffer: &Buffer, what: &str) -> usize {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let mut boxes = 0;
    for top in 0..height {
        for left in 0..width {
            if symbol(buffer, left, top) != "┌" {
                continue;
            }
            let right = (left + 1..width)
                .find(|&x| symbol(buffer, x, top) == "┐")
                .unwrap_or_else(|| {
                    panic!("{what}: box at ({left}, {top}) has no top-right corner")
                });
            let bottom = (top + 1..height)
                .find(|&y| symbol(buffer, left, y) != "│")
                .unwrap_or(height);
            assert!(
                bottom < height && symbol(buffer, left, bottom) == "└",
                "{what}: box at ({left}, {top}) loses its left border at row {bottom}:\n{}",
                (0..height)
                    .map(|y| row_text(buffer, y))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            for y in top + 1..bottom {
                assert_eq!(
                    symbol(buffer, right, y),
                    "│",
                    "{what}: box at ({left}, {top}) loses its right border in row {y}: {:?}",
                    row_text(buffer, y)
                );
            }
            assert_eq!(symbol(buffer, right, bottom), "┘", "{what}: row {bottom}");
            for x in left + 1..right {
                assert_eq!(
                    symbol(buffer, x, bottom),
                    "─",
                    "{what}: bottom edge of the box at ({left}, {top}) is broken: {:?}",
                    row_text(buffer, bottom)
                );
            }
            boxes += 1;
        }
    }
    boxes
}

fn check(app: &mut App, what: &str, boxes_at_least: usize) {
    check_at(app, what, boxes_at_least, &SIZES);
}

fn check_at(app: &mut App, what: &str, boxes_at_least: usize, sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        let buffer = draw(app, width, height);
        let what = format!("{what} at {width}×{height}");
        assert_no_unsafe_cell(&buffer, &what);
        let boxes = assert_boxes_intact(&buffer, &what);
        assert!(
            boxes >= boxes_at_least,
            "{what}: {boxes} boxes, expected {boxes_at_least}:\n{}",
            (0..height)
                .map(|y| row_text(&buffer, y))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// The selected row of the tab's list.
fn row(app: &App) -> usize {
    match app.tab {
        Tab::Contacts => app.contacts.state.selected,
        _ => app.today.selected,
    }
}

/// Walks down a tab's list row by row, checking the screen with each
/// selected contact's card, then the card alone (zoomed); returns the
/// contacts whose card was drawn.
fn walk(app: &mut App, sync: &mut Sync, store: &mut Store, tab: &str) -> Vec<i64> {
    let mut seen = Vec::new();
    for _ in 0..500 {
        let id = app.selected_id().expect("a contact is selected");
        assert!(app.current_brief().is_some(), "{tab}: the card is loaded");
        // the list and the card beside it, where both fit (else the list
        // alone; the card is checked zoomed below)
        for size in SIZES {
            let boxes = match tui::view::card_beside(size.0, app.tab) {
                true => 2,
                false => 1,
            };
            let what = format!("{tab}, row {} (contact #{id})", row(app));
            check_at(app, &what, boxes, &[size]);
        }
        if !seen.contains(&id) {
            seen.push(id);
        }
        let before = row(app);
        press(app, sync, store, KeyCode::Char('j'));
        if row(app) == before {
            break;
        }
    }
    press(app, sync, store, KeyCode::Enter);
    assert!(app.zoom, "Enter zooms the card");
    check(app, &format!("{tab}, zoomed card"), 1);
    press(app, sync, store, KeyCode::Esc);
    seen
}

#[test]
fn hostile_text_never_reaches_a_cell_or_breaks_a_border() {
    let env = hostile_db();
    let mut store = Store::open(&env.db()).expect("open the database");
    let now = parse_now(NOW).expect("now");
    let (mut app, mut sync) = tui::open(&mut store, now, Config::default()).expect("open the TUI");
    let everyone = app.data.ov.facts.len();
    assert_eq!(everyone, HOSTILE.len() + 2);

    assert_eq!(app.tab, Tab::Today);
    let on_today = walk(&mut app, &mut sync, &mut store, "Today");
    assert!(
        on_today.len() >= HOSTILE.len(),
        "Today showed {} cards",
        on_today.len()
    );

    press(&mut app, &mut sync, &mut store, KeyCode::Char('2'));
    assert_eq!(app.tab, Tab::Contacts);
    let on_contacts = walk(&mut app, &mut sync, &mut store, "Contacts");
    assert_eq!(
        on_contacts.len(),
        everyone,
        "every contact's card was drawn"
    );
    // what a user sees: the names as the store keeps them (a line break
    // as a space, no escape character)
    let (mut fresh, _) = tui::open(&mut store, now, Config::default()).expect("open again");
    fresh.handle_key(&KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    let wide = draw(&mut fresh, 180, 50);
    let screen: Vec<String> = (0..50).map(|y| row_text(&wide, y)).collect();
    for shown in ["Line one MARK line two", "Bell Esc[31mred"] {
        assert!(
            screen.iter().any(|row| row.contains(shown)),
            "{shown:?} is not on the Contacts tab:\n{}",
            screen.join("\n")
        );
    }

    press(&mut app, &mut sync, &mut store, KeyCode::Char('3'));
    assert_eq!(app.tab, Tab::JourFixe);
    check(&mut app, "Jour fixe", 1);
    press(&mut app, &mut sync, &mut store, KeyCode::Char('4'));
    assert_eq!(app.tab, Tab::Stats);
    // the Stats tab's charts need more than the smallest screen (at 60×12
    // its last chart is cut to a bare top edge), so it is checked from
    // the design's size up
    check_at(&mut app, "Stats", 1, &SIZES[1..]);

    press(&mut app, &mut sync, &mut store, KeyCode::Char('1'));
    press(&mut app, &mut sync, &mut store, KeyCode::Char('t'));
    assert!(matches!(app.mode, Mode::Triage(_)), "t starts triage");
    // beside the card from 100 columns; alone (in its rounded box, which
    // is not counted) on the smallest screen
    check_at(&mut app, "Triage", 1, &SIZES[1..]);
    check_at(&mut app, "Triage", 0, &SIZES[..1]);
}
