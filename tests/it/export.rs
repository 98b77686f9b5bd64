//! `draht export`: vCard, vdir (read by khard), CSV and JSON; owner-only files.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::harness::Env;
use crate::import::{NOW, fixture};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn filled() -> Env {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("apple.vcf")]);
    env.ok(&["import", &fixture("plain4.vcf")]);
    env
}

#[test]
fn vcard_export_goes_to_stdout_or_to_an_owner_only_file() {
    let env = filled();
    let text = env.ok(&["export", "vcard"]);
    assert_eq!(text.matches("BEGIN:VCARD").count(), 4);
    assert_eq!(
        (
            text.matches("VERSION:3.0").count(),
            text.matches("VERSION:4.0").count()
        ),
        (2, 2),
        "each card in the version it came in"
    );
    assert!(text.contains("UID:6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21"));
    let old = env.ok(&["export", "vcard", "--vcard-version", "3.0"]);
    assert_eq!(old.matches("VERSION:3.0").count(), 4, "{old}");
    assert!(old.contains("BDAY:--0229"), "{old}");
    assert!(!old.contains("CHARSET"), "{old}");
    let path = env.dir.path().join("all.vcf");
    let out = env.ok(&["export", "vcard", "-o", path.to_str().unwrap()]);
    assert_eq!(out, format!("Wrote 4 contacts to {}.\n", path.display()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn archived_contacts_stay_out_of_the_address_book_exports() {
    let env = filled();
    env.ok(&["archive", "Mama"]);
    let text = env.ok(&["export", "vcard"]);
    assert_eq!(text.matches("BEGIN:VCARD").count(), 3);
    assert!(!text.contains("FN:Mama"));
}

#[test]
fn vdir_export_writes_one_owner_only_card_per_contact_named_by_uid() {
    let env = filled();
    let vdir = env.dir.path().join("book");
    let out = env.ok(&["export", "vdir", "-o", vdir.to_str().unwrap()]);
    assert!(out.starts_with("Wrote 4 cards to"), "{out}");
    assert_eq!(mode(&vdir), 0o700);
    let mut names: Vec<String> = std::fs::read_dir(&vdir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21.vcf".to_string()));
    assert!(names.contains(&"7d1c43a0-2f5e-4c1b-b0a9-e6f8d2c31a57.vcf".to_string()));
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("urn_uuid_4fbe8971-0bc3-424c-9c26-36c3e1eff6b1~")),
        "a UID with colons gets a safe name: {names:?}"
    );
    for name in &names {
        let path = vdir.join(name);
        assert_eq!(mode(&path), 0o600, "{name}");
        assert_eq!(
            std::fs::read_to_string(&path)
                .unwrap()
                .matches("BEGIN:VCARD")
                .count(),
            1
        );
    }
}

#[test]
fn vdir_export_needs_a_folder() {
    let env = filled();
    let err = env.fails(&["export", "vdir"], 2);
    assert!(err.contains("--output <DIR>"), "{err}");
}

#[test]
fn csv_export_has_one_row_per_contact_with_due_date_and_status() {
    let env = filled();
    env.ok(&["edit", "Mama", "--every", "1w"]);
    env.ok(&["log", "Mama", "call", "--at", "2026-11-20 18:00"]);
    let path = env.dir.path().join("people.csv");
    env.ok(&["export", "csv", "-o", path.to_str().unwrap()]);
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(&header[..3], ["uid", "name", "nickname"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    let mama = rows.iter().find(|r| &r[1] == "Mama").unwrap();
    let field = |name: &str| mama[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("cadence_days"), "7");
    assert_eq!(field("last_touch"), "call");
    assert_eq!(field("last_touch_at"), "2026-11-20T17:00:00+00:00");
    assert_eq!(field("due"), "2026-11-27");
    assert_eq!(field("status"), "soon");
    assert_eq!(field("birthday"), "--02-29");
}

#[test]
fn khard_lists_the_exported_vdir() {
    let khard =
        which("khard").expect("khard is not installed: sudo apt-get install khard (.ci/run does)");
    let env = filled();
    let home = env.dir.path().join("khard-home");
    let vdir = home.join("book");
    env.ok(&["export", "vdir", "-o", vdir.to_str().unwrap()]);
    let config = home.join(".config/khard");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("khard.conf"),
        format!("[addressbooks]\n[[draht]]\npath = {}\n", vdir.display()),
    )
    .unwrap();
    let out = std::process::Command::new(khard)
        .args(["list", "--parsable"])
        .env_clear()
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run khard");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "khard failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // khard names people by their N, which the export keeps as it came
    // (Mama is Ingrid Becker there)
    for name in [
        "Lea Marie Brandt",
        "Chidi Okonkwo",
        "Ben Okafor",
        "Ingrid Becker",
    ] {
        assert!(
            stdout.contains(name),
            "khard does not list {name}: {stdout}"
        );
    }
    assert_eq!(stdout.lines().count(), 4, "{stdout}");
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
        .ok_or(())
}

#[test]
fn json_export_to_a_file_is_owner_only() {
    let env = filled();
    let path = env.dir.path().join("backup.json");
    let out = env.ok(&["export", "json", "-o", path.to_str().unwrap()]);
    assert!(
        out.contains("a backup of 4 contacts and 0 touches"),
        "{out}"
    );
    assert_eq!(mode(&path), 0o600);
    let backup: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(backup["format"], "draht-backup");
    assert_eq!(backup["version"], 2);
}
