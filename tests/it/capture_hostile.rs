//! Source names with control characters: what a terminal or a folder
//! name may hand `draht capture` is stored tidied, as every other text, and
//! a name of nothing but control characters is no name.

use super::capture::{capture, env, path, touches};
use super::capture_fixtures::{self as fx, ME, deliver, maildir};

#[test]
fn a_source_name_is_stored_tidied_and_one_of_only_control_characters_is_none() {
    let env = env();
    env.ok(&["add", "Anna", "--email", "anna@x.de"]);
    // A folder whose name holds a bell and a colour escape.
    let mail = maildir(env.dir.path(), "Mail\u{7}\u{1b}[31m");
    let anna = fx::plain("anna@x.de", ME, &fx::date(30, 9, 0), "a1@x");
    deliver(&mail, fx::unix(30, 9, 0), 0, &anna);

    let run = capture(&env, &[path(&mail), "--name", "\u{7}\u{1b}"]);
    let name = run["sources"][0]["name"]
        .as_str()
        .expect("name")
        .to_string();
    assert!(
        !name.is_empty() && !name.chars().any(char::is_control),
        "{name:?}"
    );
    assert!(name.starts_with("Mail"), "the folder's name: {name:?}");
    assert_eq!(touches(&env, "Anna").len(), 1);

    let run = capture(&env, &[path(&mail), "--name", "work\u{7} mail\u{1b}[0m"]);
    assert_eq!(run["sources"][0]["name"], "work mail[0m", "{run}");
    let list = env.ok(&["capture", "--list"]);
    assert!(list.starts_with("work mail[0m "), "{list}");
    assert!(
        !list.contains('\u{1b}') && !list.contains('\u{7}'),
        "{list:?}"
    );
    let show = env.ok(&["show", "Anna"]);
    assert!(show.contains("email · 1 mail · work mail[0m"), "{show}");
}
