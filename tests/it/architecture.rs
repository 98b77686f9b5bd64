//! The invariants of ARCHITECTURE.md that a machine can check, read off
//! the source tree: the rules are pure, only the store speaks SQL, the
//! faces call the app layer and not each other, and `rusqlite` is named
//! outside the store only where ARCHITECTURE.md says why.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `src/<dir>`, with its text up to its first
/// `#[cfg(test)]` (tests may set data up through any layer).
fn sources(dir: &str) -> Vec<(String, String)> {
    fn walk(path: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let base = root().join("src").join(dir);
    let mut files = Vec::new();
    if base.is_file() {
        files.push(base);
    } else {
        walk(&base, &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            let in_tests = p.components().any(|c| c.as_os_str() == "tests");
            !in_tests && !name.ends_with("_tests.rs") && name != "tests.rs"
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read source");
            let shipped = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let rel = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, shipped)
        })
        .collect()
}

/// The lines of `files` that contain any of `needles`, as "file: line".
fn offending(files: &[(String, String)], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|n| code.contains(n)) {
                found.push(format!("{path}: {}", line.trim()));
            }
        }
    }
    found
}

const PURE: [&str; 7] = [
    "schedule",
    "sync",
    "jourfixe",
    "parse",
    "insight",
    "model.rs",
    "model_capture.rs",
];

#[test]
fn the_rules_do_no_io_and_read_no_clock() {
    for dir in PURE {
        let found = offending(
            &sources(dir),
            &[
                "std::fs",
                "std::net",
                "std::process",
                "Utc::now",
                "Local::now",
                "SystemTime",
                "clock::now",
                "crate::store",
                "crate::app",
                "crate::cli",
                "crate::tui",
            ],
        );
        assert!(found.is_empty(), "{dir} must stay pure: {found:#?}");
    }
}

#[test]
fn jourfixe_does_not_import_the_scheduler() {
    let found = offending(&sources("jourfixe"), &["crate::schedule"]);
    assert!(
        found.is_empty(),
        "schedule imports jourfixe, not back: {found:#?}"
    );
}

#[test]
fn only_the_store_speaks_sql() {
    let statements = [
        ".prepare(",
        ".prepare_cached(",
        ".execute(",
        ".execute_batch(",
        ".query_row(",
        ".pragma_update(",
        "SELECT ",
        "INSERT INTO",
        "UPDATE ",
        "DELETE FROM",
    ];
    for dir in [
        "app",
        "cli",
        "tui",
        "interop",
        "schedule",
        "jourfixe",
        "parse",
        "insight",
        "demo",
        "fast",
        "text.rs",
        "config.rs",
        "matching.rs",
        "clock.rs",
        "model.rs",
        "main.rs",
        "capture",
        "model_capture.rs",
    ] {
        let found = offending(&sources(dir), &statements);
        assert!(found.is_empty(), "SQL outside the store: {found:#?}");
    }
}

/// The files ARCHITECTURE.md lists as naming `rusqlite` outside the store,
/// each with a reason.
fn justified() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let start = text
        .find("`rusqlite` is named only in the files")
        .expect("ARCHITECTURE.md lists where rusqlite may be named");
    text[start..]
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("- `src/"))
        .take_while(|l| l.trim_start().starts_with("- `src/"))
        .map(|l| {
            let path = l.split('`').nth(1).expect("a path in backticks");
            assert!(l.contains(" — "), "no reason given for {path}");
            path.to_string()
        })
        .collect()
}

#[test]
fn rusqlite_outside_the_store_only_where_architecture_md_says_why() {
    let allowed = justified();
    let mut named = Vec::new();
    for (path, text) in sources("") {
        if !path.starts_with("src/store/") && text.contains("rusqlite") {
            named.push(path);
        }
    }
    let unexplained: Vec<&String> = named.iter().filter(|p| !allowed.contains(p)).collect();
    assert!(
        unexplained.is_empty(),
        "rusqlite named outside the store without a reason in ARCHITECTURE.md: {unexplained:?}"
    );
    for path in &allowed {
        assert!(
            named.contains(path),
            "ARCHITECTURE.md names {path}, which no longer uses rusqlite"
        );
    }
}

#[test]
fn the_faces_call_the_app_layer_and_not_each_other() {
    for face in ["cli", "tui"] {
        let files = sources(face);
        let other = if face == "cli" {
            "crate::tui"
        } else {
            "crate::cli"
        };
        let found = offending(&files, &[other]);
        assert!(
            found.is_empty(),
            "{face} imports the other face: {found:#?}"
        );
        // the store's handle may be passed on; nothing else of the store
        let mut reaching = Vec::new();
        for (path, text) in &files {
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or("");
                let mut rest = code;
                while let Some(at) = rest.find("store::") {
                    let after = &rest[at + "store::".len()..];
                    if !after.starts_with("Store") {
                        reaching.push(format!("{path}: {}", line.trim()));
                        break;
                    }
                    rest = after;
                }
            }
        }
        assert!(
            reaching.is_empty(),
            "{face} reaches past the app layer into the store: {reaching:#?}"
        );
    }
}

#[test]
fn unit_tests_are_each_modules_child_named_tests() {
    // One layout: `mod tests` inline, or the file `foo/tests.rs` beside
    // `foo.rs` (`#[cfg(test)] mod tests;`), never a `#[path]` to a
    // `foo_tests.rs`.
    fn walk(path: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(path).expect("src").flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).expect("read source");
                if name.ends_with("_tests.rs") || text.contains("_tests.rs\"]") {
                    out.push(p.strip_prefix(root()).unwrap().display().to_string());
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join("src"), &mut found);
    assert!(found.is_empty(), "tests outside the layout: {found:#?}");
}
