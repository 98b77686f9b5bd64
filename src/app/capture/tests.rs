use super::*;

#[test]
fn names_from_headers_are_tidied() {
    assert_eq!(tidy_name("Weber, Jonas"), "Jonas Weber");
    assert_eq!(tidy_name("  Anna   Schmidt "), "Anna Schmidt");
    assert_eq!(tidy_name("Müller, Jörg, Dr."), "Müller, Jörg, Dr.");
}

#[test]
fn sources_are_named_after_their_folder_or_file() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("All mail Including Spam.mbox");
    std::fs::write(&mbox, "From - Tue Nov 10 10:00:00 2026\n").unwrap();
    assert_eq!(default_name(&mbox, Kind::Mbox), "All mail Including Spam");
    assert_eq!(
        default_name(&dir.path().join("work"), Kind::Maildir),
        "work"
    );
    assert_eq!(default_name(Path::new("/"), Kind::Maildir), "/");
}

#[test]
fn a_source_is_resolved_to_its_real_path_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let cal = dir.path().join("a.ics");
    std::fs::write(&cal, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&cal, &link).unwrap();
    let r = resolve(&SourceSpec::at(&link)).unwrap();
    assert_eq!(r.path, std::fs::canonicalize(&cal).unwrap());
    assert_eq!(r.kind, Kind::Calendar);
    assert!(!r.named);
    let err = resolve(&SourceSpec::at(dir.path().join("none"))).unwrap_err();
    assert_eq!(err.exit_code(), 2);
}
