//! `draht completions` and `draht man`: generated from the CLI, no database.

use crate::harness::Env;
use crate::import::NOW;

#[test]
fn completions_know_the_commands_for_each_shell() {
    let env = Env::new(NOW);
    for (shell, marker) in [
        ("bash", "_draht()"),
        ("zsh", "#compdef draht"),
        ("fish", "complete -c draht"),
    ] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for command in ["import", "export", "triage", "today"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    assert!(!env.db().exists(), "completions open no database");
}

#[test]
fn unknown_shell_is_a_usage_error_listing_the_shells() {
    let env = Env::new(NOW);
    let err = env.fails(&["completions", "tcsh"], 2);
    assert!(
        err.contains("bash") && err.contains("zsh") && err.contains("fish"),
        "{err}"
    );
}

#[test]
fn man_page_is_roff_with_the_commands() {
    let env = Env::new(NOW);
    let page = env.ok(&["man"]);
    assert!(page.contains(".TH draht 1"), "{page}");
    for command in ["import", "export", "triage", "completions"] {
        assert!(page.contains(command), "the man page lists {command}");
    }
    assert!(!env.db().exists(), "the man page opens no database");
}
