//! Fuzz targets for the files `draht import` reads: a vCard file, a CSV
//! file and a JSON backup. The CSV and JSON targets run the real import
//! path on a private in-memory database, so what they check is what a user
//! gets: a file is imported or refused in one clean line, and whatever is
//! stored keeps its names and notes exactly.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::now_and_text;
use crate::app::import::{ImportOptions, import};
use crate::config::Config;
use crate::error::Error;
use crate::interop::csv::csv_batch;
use crate::interop::import::Batch;
use crate::interop::json::{self, Backup};
use crate::interop::vcard::{
    VcardVersion, export_card, read_card_texts, read_cards, read_one, write_card,
};
use crate::interop::vdir::{Names, file_name};
use crate::model::{Contact, Id, Sphere};
use crate::store::{Store, contacts};
use crate::text::{tidy_line, tidy_note};

/// The file names the import targets report.
const CSV: &str = "fuzz.csv";
const JSON: &str = "fuzz.json";

/// Lines and pieces of vCard text, well- and ill-formed.
pub(super) const VCARD_WORDS: &[&str] = &[
    "BEGIN:VCARD\r\n",
    "END:VCARD\r\n",
    "VERSION:2.1\r\n",
    "VERSION:3.0\r\n",
    "VERSION:4.0\r\n",
    "FN:Anna Schmidt\r\n",
    "FN:\r\n",
    "N:Schmidt;Anna;;;\r\n",
    "NICKNAME:Anni\r\n",
    "ORG:ACME;Sales\r\n",
    "TITLE:CTO\r\n",
    "EMAIL;TYPE=work,pref:anna@example.com\r\n",
    "item1.EMAIL:a@b.c\r\n",
    "item1.X-ABLabel:_$!<Other>!$_\r\n",
    "TEL;TYPE=cell:+49 30 1234\r\n",
    "BDAY:--0412\r\n",
    "BDAY:--04-12\r\n",
    "BDAY:1604-04-12\r\n",
    "BDAY:20260230\r\n",
    "NOTE:line\\nbreak\\, comma\r\n",
    "NOTE;ENCODING=QUOTED-PRINTABLE:=C3=BC=\r\n",
    "CATEGORIES:family,myContacts\r\n",
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n",
    "N:Okonkwo;Chidi;;Dr.;\r\n",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n",
    "PHOTO:data:image/png;base64,iVBORw0K\r\n",
    "item2.ADR;TYPE=HOME:;;Seestr. 5;Potsdam;;14467;DE\r\n",
    "item2.X-ABLabel:Sommerhaus\r\n",
    "X-SOCIALPROFILE;TYPE=\"a:b\";x-user=c:https://x.example\r\n",
    "TEL;VALUE=uri;TYPE=\"voice,cell\";PREF=1:tel:+44-20\r\n",
    "EMAIL;PREF;INTERNET:a@b.c\r\n",
    "FN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=0D=0A=\r\n",
    "ORG:ACME;Sales\\, Nord\r\n",
    "KIND:individual\r\n",
    "REV:20240115T101500Z\r\n",
    "\r\n  base64line\r\n",
    " folded\r\n",
    "\r\n",
    "\n",
    ":",
    ";",
    "=",
    "\u{1b}[2J",
    "Jürgen 😀",
];

/// UIDs and pieces of UIDs: safe ones, ones that are no file names, and
/// ones crafted to meet the names of others.
pub(super) const VDIR_WORDS: &[&str] = &[
    "\n",
    "6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21",
    "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
    "urn_uuid_4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
    "~",
    "~2",
    ".vcf",
    "Anna",
    "anna",
    "ANNA",
    ".",
    "..",
    "-",
    "--rf",
    "/",
    "../",
    "\0",
    "a/b",
    "a_b",
    "a:b",
    "card",
    "@",
    "+",
    " ",
    "ü",
    "😀",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

/// Header rows (draht's own and Google's) and cells, well- and ill-formed.
pub(super) const CSV_WORDS: &[&str] = &[
    "name,notes,cadence\n",
    "uid,name,nickname,sphere,company,role,emails,phones,birthday,tags,notes,cadence_days\n",
    "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Labels,Notes\r\n",
    "Given Name,Family Name,Group Membership,Organization 1 - Name,Birthday\n",
    "\u{feff}name,email\n",
    "tags,phone\n",
    "Anna Schmidt",
    "Jürgen Müller",
    "\"Schmidt, Anna\"",
    "\"line one\nline two\"",
    "\"say \"\"hi\"\"\"",
    "\"",
    ",",
    ",,",
    "\n",
    "\r\n",
    ";",
    " ::: ",
    "* myContacts",
    "anna@example.com (work)",
    "+49 30 1234",
    "work",
    "private",
    "pigeon",
    "3w",
    "0",
    "14",
    "99999999999",
    "6mo",
    "1980-04-12",
    "--04-12",
    "2026-02-30",
    "uid-1",
    "\u{1b}[2J",
    "\u{202e}txt",
    "😀",
    " ",
];

/// Pieces of a backup: whole sections (right and damaged) and JSON tokens.
pub(super) const JSON_WORDS: &[&str] = &[
    r#"{"format":"draht-backup","version":1,"exported_at":"2026-11-23T11:00:00Z""#,
    r#"{"format":"draht-backup","version":2,"exported_at":"2026-11-23T11:00:00Z""#,
    r#"{"format":"vcard","version":1"#,
    r#"{"version":1,"exported_at":"2026-11-23T11:00:00Z","format":"draht-backup""#,
    r#","contacts":["#,
    r#"{"id":1,"uid":"u1","name":"Anna Schmidt","nickname":null,"sphere":"work","tags":["a"],"company":null,"role":null,"emails":[{"value":"a@b.c"}],"phones":[],"birthday":"--04-12","notes":"x\ny","cadence_days":14,"min_channel":"call","snoozed_until":null,"archived":false,"created_at":"2026-11-23T11:00:00Z"}"#,
    r#"{"id":2,"uid":"u2","name":"anna schmidt","nickname":null,"sphere":"private","tags":[],"company":null,"role":null,"emails":[],"phones":[],"birthday":null,"notes":"\u001b[2J\u202e","cadence_days":null,"min_channel":null,"snoozed_until":"2026-12-01","archived":true,"created_at":"2026-11-23T11:00:00Z"}"#,
    r#"{"id":1,"uid":"","name":" ","sphere":"work","cadence_days":0,"created_at":"2026-11-23T11:00:00Z"}"#,
    r#"]"#,
    r#","touches":[{"id":1,"at":"2026-11-23T11:00:00Z","channel":"call","note":"\u0000","outcome":"done","rating":1,"hook_id":null,"participants":[1]}]"#,
    r#","touches":[{"id":1,"at":"2026-11-23T11:00:00Z","channel":"meet","note":null,"outcome":"missed","rating":7,"hook_id":9,"participants":[1,1,3]}]"#,
    r#","hooks":[{"id":1,"contact_id":1,"kind":"hobby","text":"sailing","created_at":"2026-11-23T11:00:00Z","used_at":null}]"#,
    r#","followups":[{"id":1,"contact_id":1,"due":"2026-11-27","note":"offer","created_at":"2026-11-23T11:00:00Z","done_at":null}]"#,
    r#","jourfixe":[{"id":1,"contact_id":1,"start":"2026-12-08","rrule":"FREQ=MONTHLY;BYDAY=2TU","time":"10:00:00","duration_minutes":30,"channel":"call","note":"jf","active":true,"skipped":["2026-12-08"]}]"#,
    r#","jourfixe":[{"id":1,"contact_id":1,"start":"2026-12-08","rrule":"","time":null,"duration_minutes":0,"channel":"call","note":null,"active":true,"skipped":[]}]"#,
    r#","id":9223372036854775807"#,
    "}",
    "{",
    "[",
    ",",
    ":",
    "\"",
    "null",
    "-1",
    "1e999",
    "\\u0000",
    "\\ud800",
];

/// A vCard file: every card reads or is refused in one line; a card that
/// reads is written back in 3.0 and 4.0 and reads again with its name, and
/// its own text exported (as it came and in both versions) reads back as
/// the contact and exports again to the same bytes.
pub fn vcard(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for card in read_card_texts(&text).into_iter().flatten() {
        let mut contact = blank_contact();
        contact.uid = "fuzz-uid".into();
        card.contact.apply_to(&mut contact);
        for version in [None, Some(VcardVersion::V3), Some(VcardVersion::V4)] {
            let first = export_card(Some(&card.text), &contact, version);
            let again = read_one(&first).unwrap_or_else(|e| {
                panic!("{first:?} (from {:?}) does not read back: {e}", card.text)
            });
            assert_eq!(again.contact.name, card.contact.name, "{first:?}");
            let second = export_card(Some(&first), &contact, version);
            assert_eq!(second, first, "from {:?}", card.text);
        }
    }
    for card in read_cards(&text) {
        match card {
            Ok(card) => {
                assert!(!card.name.trim().is_empty(), "a card read with no name");
                let mut contact = blank_contact();
                card.apply_to(&mut contact);
                for version in [VcardVersion::V3, VcardVersion::V4] {
                    let written = write_card(&contact, version);
                    let back = read_cards(&written);
                    assert_eq!(back.len(), 1, "{written:?} holds {} cards", back.len());
                    match &back[0] {
                        Ok(again) => assert_eq!(again.name, card.name, "{written:?}"),
                        Err(e) => panic!("{written:?} does not read back: {e}"),
                    }
                }
            }
            Err(e) => assert!(
                !e.reason.contains('\n') && !e.reason.is_empty(),
                "card {} refused in more than one line: {:?}",
                e.card,
                e.reason
            ),
        }
    }
}

/// vdir file names: each line of the input is a UID. Every name is a plain
/// file name in the folder (no `/`, no NUL, never `.` or `..`, never
/// starting with `-` or `.`, at most 255 bytes, ending in `.vcf`), the same
/// UID always gets the same [`file_name`], and one export never gives two
/// UIDs one name, not even ignoring case.
pub fn vdir_name(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut names = Names::default();
    let mut given: HashMap<String, String> = HashMap::new();
    for uid in text.split('\n').take(256) {
        let name = file_name(uid);
        assert_eq!(name, file_name(uid), "{uid:?} names two files");
        assert!(
            name.ends_with(".vcf")
                && name.len() <= 255
                && !name.contains(['/', '\0'])
                && name.starts_with(|c: char| c.is_ascii_alphanumeric()),
            "{uid:?} gives the file name {name:?}"
        );
        let written = names.name_for(uid);
        assert!(
            written.ends_with(".vcf") && written.len() <= 255 && !written.contains(['/', '\0']),
            "{uid:?} is written as {written:?}"
        );
        if let Some(other) = given.insert(written.to_lowercase(), uid.to_string()) {
            panic!("{other:?} and {uid:?} share the file {written:?}");
        }
    }
}

/// A CSV file (after four bytes of "now"), imported into an empty
/// database as `draht import --skip-invalid` does: a refusal names the
/// file, each skipped row has its line and a reason, and the contacts the
/// report lists as added are exactly the ones stored.
pub fn csv_import(data: &[u8]) {
    let (now, text) = now_and_text(data);
    let now = now.and_utc();
    let mut batch = Batch::default();
    if let Err(e) = csv_batch(CSV, &text, &mut batch) {
        return assert_names_the_file(&text, CSV, &e);
    }
    for rejected in &batch.rejected {
        assert!(
            !rejected.reason.trim().is_empty() && rejected.origin.row.is_some(),
            "a row refused without its line or a reason: {rejected:?}"
        );
    }
    let mut store = fresh_store();
    let options = ImportOptions {
        every: Some(14),
        sphere: Some(Sphere::Work),
        skip_invalid: true,
        dry_run: false,
    };
    let imported = import(&mut store, batch, &options, &Config::default(), now)
        .and_then(|report| Ok((report, store.read(|tx| contacts::all(tx, true))?)));
    match imported {
        Ok((report, stored)) => {
            let mut added = report.added.clone();
            let mut names: Vec<String> = stored.into_iter().map(|c| c.name).collect();
            added.sort();
            names.sort();
            assert_eq!(names, added, "the report and the database disagree");
        }
        Err(e) => panic!("importing {text:?} with --skip-invalid failed: {e}"),
    }
}

/// A JSON backup (after four bytes of "now"), read and restored into an
/// empty database as `draht import FILE.json` does: a refusal names the
/// file (a damaged backup is reported in words, never as a bare database
/// error); a restored backup exports again with every name, note and text
/// as the file had it, tidied as the store keeps text.
pub fn json_import(data: &[u8]) {
    let (now, text) = now_and_text(data);
    let now = now.and_utc();
    let backup = match json::parse(JSON, &text) {
        Ok(backup) => backup,
        Err(e) => return assert_names_the_file(&text, JSON, &e),
    };
    let mut store = fresh_store();
    let restored = crate::app::backup::restore_json(&mut store, JSON, &backup, false, now)
        .and_then(|_| crate::app::backup::records(&mut store, now));
    match restored {
        Ok(again) => assert_same_text(&backup, &again),
        Err(e) => assert_names_the_file(&text, JSON, &e),
    }
}

fn fresh_store() -> Store {
    Store::open_in_memory().unwrap_or_else(|e| panic!("an in-memory database: {e}"))
}

/// A refusal says which file it is about (so it is draht's own words, not
/// a bare database message). `main` prints it through `clean`, so quoted
/// text cannot break the line.
fn assert_names_the_file(input: &str, source: &str, e: &Error) {
    let message = e.to_string();
    assert!(
        message.contains(source),
        "refusal of {input:?} does not name {source}: {message:?}"
    );
}

/// Every piece of user text in `before` comes back in `after` as the
/// store keeps text: one-line fields through `text::tidy_line`, notes
/// through `text::tidy_note` (so no control character, bidi override or
/// zero-width character survives a restore), nothing else changed.
fn assert_same_text(before: &Backup, after: &Backup) {
    fn by_id<'a, T, K: Ord>(
        items: &'a [T],
        id: impl Fn(&T) -> Id,
        key: impl Fn(&'a T) -> K,
    ) -> Vec<(Id, K)> {
        let mut out: Vec<(Id, K)> = items.iter().map(|i| (id(i), key(i))).collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }
    let line = |v: &Option<String>| v.as_deref().map(tidy_line).filter(|v| !v.is_empty());
    let note = |v: &Option<String>| {
        v.as_deref()
            .map(|n| tidy_note(n.trim()))
            .filter(|n| !n.trim().is_empty())
    };
    let contact = |c: &Contact| c.id;
    // tags are a set: the store keeps them sorted
    let contact_text = |c: &Contact, tidy: bool| {
        let mut tags: Vec<String> = c
            .tags
            .iter()
            .map(|t| if tidy { tidy_line(t) } else { t.clone() })
            .filter(|t| !t.is_empty())
            .collect();
        tags.sort();
        tags.dedup();
        if tidy {
            let notes = c
                .notes
                .as_deref()
                .map(tidy_note)
                .filter(|n| !n.trim().is_empty());
            let (uid, name) = (tidy_line(&c.uid), tidy_line(&c.name));
            (uid, name, line(&c.nickname), notes, tags, line(&c.company))
        } else {
            let c = c.clone();
            (c.uid, c.name, c.nickname, c.notes, tags, c.company)
        }
    };
    assert_eq!(
        by_id(&before.contacts, contact, |c| contact_text(c, true)),
        by_id(&after.contacts, contact, |c| contact_text(c, false)),
        "contacts changed on the way through the database"
    );
    assert_eq!(
        by_id(
            &before.touches,
            |t| t.id,
            |t| t.note.as_deref().map(tidy_note)
        ),
        by_id(&after.touches, |t| t.id, |t| t.note.clone()),
        "touch notes changed"
    );
    assert_eq!(
        by_id(&before.hooks, |h| h.id, |h| tidy_line(&h.text)),
        by_id(&after.hooks, |h| h.id, |h| h.text.clone()),
        "hook texts changed"
    );
    assert_eq!(
        by_id(&before.followups, |f| f.id, |f| tidy_note(&f.note)),
        by_id(&after.followups, |f| f.id, |f| f.note.clone()),
        "follow-up notes changed"
    );
    assert_eq!(
        by_id(&before.jourfixe, |j| j.id, |j| note(&j.note)),
        by_id(&after.jourfixe, |j| j.id, |j| j.note.clone()),
        "Jour fixe notes changed"
    );
}

fn blank_contact() -> Contact {
    Contact::new(String::new(), DateTime::<Utc>::UNIX_EPOCH)
}
