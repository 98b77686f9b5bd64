//! `list` filters: the text table, JSON and CSV pick the same contacts.

use crate::harness::Env;

/// The first column of each row of the text table, header left out.
fn table_names(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|line| {
            line.split("  ")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn a_tag_or_sphere_filter_picks_the_same_contacts_in_every_format() {
    let env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--sphere",
        "work",
        "--every",
        "2w",
        "--tag",
        "client",
    ]);
    env.ok(&[
        "add",
        "Bernd Vogel",
        "--sphere",
        "work",
        "--tag",
        "golf",
        "--tag",
        "client",
    ]);
    env.ok(&[
        "add",
        "Clara Hoffmann",
        "--sphere",
        "private",
        "--tag",
        "golf",
    ]);
    env.ok(&["add", "Dora Klein"]);

    let text = env.ok(&["list", "--tag", "client"]);
    assert_eq!(
        table_names(&text),
        ["Anna Schmidt", "Bernd Vogel"],
        "{text}"
    );
    let json = env.json(&["list", "--tag", "client"]);
    let json_names: Vec<&str> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(json_names, ["Anna Schmidt", "Bernd Vogel"]);
    assert_eq!(json[1]["tags"], serde_json::json!(["client", "golf"]));
    let csv = env.ok(&["list", "--tag", "golf", "--csv"]);
    let csv_rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(
        csv_rows
            .iter()
            .map(|r| r.split(',').next().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["Bernd Vogel", "Clara Hoffmann"],
    );
    assert!(csv_rows[0].contains(",client;golf,"), "{csv}");

    let text = env.ok(&["list", "--tag", "golf", "--sphere", "work"]);
    assert_eq!(table_names(&text), ["Bernd Vogel"], "{text}");
    // Without a filter the table lists everyone; tags are not a column.
    let text = env.ok(&["list"]);
    assert_eq!(
        table_names(&text),
        [
            "Anna Schmidt",
            "Bernd Vogel",
            "Clara Hoffmann",
            "Dora Klein"
        ],
    );
    let nobody = env.ok(&["list", "--tag", "chess"]);
    assert!(
        nobody.starts_with("No contacts match --tag chess;"),
        "{nobody}"
    );
}
