//! `examples/synth-phone` writes what `draht capture` reads: every file
//! it makes for a small address book is recognised, read whole and gives
//! the touches the generator says it holds — so the benchmark's data is
//! data a user's phone could have written.

use serde_json::Value;

use super::harness::Env;

#[path = "../../examples/synth-phone/gen.rs"]
#[allow(dead_code)]
mod generator;

#[test]
fn the_synthetic_phone_exports_give_the_touches_they_hold() {
    let env = Env::new("2026-06-01T12:00:00+02:00");
    let config = env.dir.path().join("config/draht");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[me]\nregion = \"DE\"\n").unwrap();
    let phones = [
        ("Anna Schmidt", "+49 170 1234567"),
        ("Ben Okafor", "0171 2222222"),
        ("Clara Weiß", "+491729999999"),
        ("Dmitri Petrov", "+49 160 5550001"),
        ("Jörg Müller", "0049 151 7654321"),
        ("Lucía García", "+34 612 345 678"),
    ];
    for (name, phone) in phones {
        env.ok(&["add", name, "--phone", phone]);
    }
    for name in ["Emma Fischer", "Kwame Novak", "Yuki Tanaka"] {
        env.ok(&["add", name]);
    }
    let book = generator::Book::read(&env.db(), "DE").unwrap();
    let out = env.dir.path().join("phone");
    let written = generator::generate(
        &book,
        &generator::Options {
            out: out.clone(),
            messages: 3_000,
            calls: 600,
            chat_messages: 1_500,
            telegram_messages: 800,
            seed: 7,
            now: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        },
    )
    .unwrap();
    let kinds = |ext: &str| {
        written
            .iter()
            .filter(|w| w.path.to_string_lossy().ends_with(ext))
            .count()
    };
    assert!(
        kinds(".xml") == 2 && kinds(".zip") >= 2 && kinds(".txt") >= 2,
        "{written:?}"
    );
    let paths: Vec<String> = written
        .iter()
        .map(|w| w.path.display().to_string())
        .collect();
    let mut args = vec!["capture"];
    args.extend(paths.iter().map(String::as_str));
    let run = env.json(&args);
    let sources = run["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), written.len(), "{run}");
    let mut touches = 0;
    for w in &written {
        let path = w.path.display().to_string();
        let s = sources
            .iter()
            .find(|s| s["path"] == path.as_str())
            .unwrap_or_else(|| panic!("{path} not in {run}"));
        assert_eq!(s["broken"], 0, "{s}");
        assert_eq!(s["read"], w.records, "{s}");
        assert_eq!(s["touches"], w.touches, "{s}");
        touches += w.touches;
    }
    assert!(touches > 2_000, "{touches} touches with the six contacts");
    // The mix: most contacts with a number got texts, calls and chats.
    let anna: Value = env.json(&["show", "Anna", "--touches", "1000"]);
    let channels: std::collections::BTreeSet<&str> = anna["touches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["channel"].as_str())
        .collect();
    assert!(
        channels.contains("sms") && channels.contains("call"),
        "{channels:?}"
    );
    // Read again, nothing changed: nothing new.
    let again = env.json(&args);
    for s in again["sources"].as_array().unwrap() {
        assert_eq!(s["touches"], 0, "{s}");
    }
}
