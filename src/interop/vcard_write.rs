//! Writing a draht contact as one vCard 3.0 or 4.0, built with `calcard`.
//!
//! Labels made of words that vCard knows as a `TYPE` (work, home, cell, fax,
//! …) are written as those types (`work fax` → `TYPE=WORK,FAX`); any other
//! label is written the way Apple and Google do, as an
//! `X-ABLabel` in the same group (`item1.EMAIL` + `item1.X-ABLabel`), which
//! khard, Apple and Google read back.
//!
//! `BDAY` is written as text, not through calcard's date writer: calcard
//! writes a year-less 3.0 birthday as `--04-12`, which it cannot read back,
//! so both versions write `--0412` (RFC 6350's form), and a full date as
//! `1990-04-12` (3.0) or `19900412` (4.0).
//!
//! Lines go through `vcard_lines::property_line`: no `CHARSET` in 3.0.
//! `N` is built from the name only here, for a contact without a card of
//! its own: honorifics in front (`Dr.`, `Prof.`) are its prefix, `Jr.`,
//! `PhD` and the like at the end its suffix, the last other word the
//! family name.

use calcard::vcard::{VCardEntry, VCardParameter, VCardProperty, VCardType, VCardValue};

use super::vcard::VcardVersion;
use super::vcard_lines::property_line;
use crate::model::{Birthday, Contact, Handle};

/// Marks the cards draht writes (see `vcard_read::notes`).
pub(super) const PRODID: &str = "-//draht//draht//EN";

/// Writes one card for a draht contact: UID, FN and N, NICKNAME, ORG, TITLE,
/// EMAIL and TEL with their labels, BDAY (with or without year), NOTE and
/// CATEGORIES from the tags. Lines end in CRLF and are folded at 75 octets.
pub fn write_card(contact: &Contact, version: VcardVersion) -> String {
    let mut entries = vec![text_entry(VCardProperty::Prodid, PRODID)];
    if !contact.uid.is_empty() {
        entries.push(text_entry(VCardProperty::Uid, &contact.uid));
    }
    entries.push(text_entry(VCardProperty::Fn, &contact.name));
    entries.push(name_entry(&contact.name));
    let optional = [
        (VCardProperty::Nickname, &contact.nickname),
        (VCardProperty::Org, &contact.company),
        (VCardProperty::Title, &contact.role),
    ];
    for (property, value) in optional {
        if let Some(value) = value {
            entries.push(text_entry(property, value));
        }
    }
    let mut groups = 0;
    for email in &contact.emails {
        push_handle(&mut entries, VCardProperty::Email, email, &mut groups);
    }
    for phone in &contact.phones {
        push_handle(&mut entries, VCardProperty::Tel, phone, &mut groups);
    }
    if let Some(birthday) = contact.birthday {
        entries.push(text_entry(
            VCardProperty::Bday,
            &birthday_text(birthday, version),
        ));
    }
    if let Some(notes) = &contact.notes {
        entries.push(text_entry(VCardProperty::Note, notes));
    }
    if !contact.tags.is_empty() {
        entries.push(
            VCardEntry::new(VCardProperty::Categories).with_values(
                contact
                    .tags
                    .iter()
                    .map(|tag| VCardValue::Text(crate::model::normalize_tag(tag)))
                    .collect(),
            ),
        );
    }
    let mut out = format!("BEGIN:VCARD\r\nVERSION:{}\r\n", version.as_str());
    for entry in &entries {
        out.push_str(&property_line(entry, version));
    }
    out.push_str("END:VCARD\r\n");
    out
}

pub(super) fn text_entry(property: VCardProperty, text: &str) -> VCardEntry {
    VCardEntry::new(property).with_value(text.to_string())
}

/// Words in front of a name that are its prefix (compared lowercased).
const PREFIXES: [&str; 12] = [
    "dr.",
    "prof.",
    "mr.",
    "mrs.",
    "ms.",
    "mx.",
    "sir",
    "dame",
    "dipl.-ing.",
    "ing.",
    "mag.",
    "med.",
];

/// Words at the end of a name that are its suffix (compared lowercased,
/// without a comma before them).
const SUFFIXES: [&str; 12] = [
    "jr.", "sr.", "jr", "sr", "ii", "iii", "iv", "phd", "ph.d.", "md", "mba", "esq.",
];

/// The five parts of `N` (family; given; additional; prefix; suffix) for
/// a display name: honorifics in front are the prefix, `Jr.`, `PhD` and the
/// like at the end the suffix, the last other word the family name and
/// the rest the given names.
pub(super) fn n_parts(name: &str) -> [String; 5] {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower = |w: &str| w.trim_end_matches(',').to_lowercase();
    let mut start = 0;
    while start + 1 < words.len() && PREFIXES.contains(&lower(words[start]).as_str()) {
        start += 1;
    }
    let mut end = words.len();
    while end > start + 1 && SUFFIXES.contains(&lower(words[end - 1]).as_str()) {
        end -= 1;
    }
    let core: Vec<&str> = words[start..end]
        .iter()
        .map(|w| w.trim_end_matches(','))
        .collect();
    let (given, family) = match core.split_last() {
        Some((family, given)) if !given.is_empty() => (given.join(" "), family.to_string()),
        Some((only, _)) => (only.to_string(), String::new()),
        None => (String::new(), String::new()),
    };
    [
        family,
        given,
        String::new(),
        words[..start].join(" "),
        words[end..].join(" "),
    ]
}

/// `N` (required in 3.0) from the display name (see [`n_parts`]).
fn name_entry(name: &str) -> VCardEntry {
    VCardEntry::new(VCardProperty::N).with_values(
        n_parts(name.trim())
            .into_iter()
            .map(VCardValue::Text)
            .collect(),
    )
}

pub(super) fn push_handle(
    entries: &mut Vec<VCardEntry>,
    property: VCardProperty,
    handle: &Handle,
    groups: &mut usize,
) {
    let mut entry = VCardEntry::new(property.clone()).with_value(handle.value.clone());
    let Some(label) = &handle.label else {
        entries.push(entry);
        return;
    };
    let types: Option<Vec<VCardType>> = label
        .split(' ')
        .map(|word| known_type(&property, word))
        .collect();
    if let Some(types) = types {
        for typ in types {
            entry.add_param(VCardParameter::typ(typ));
        }
        entries.push(entry);
        return;
    }
    *groups += 1;
    let group = Some(format!("item{groups}"));
    entries.push(entry.with_group(group.clone()));
    entries.push(
        VCardEntry::new(VCardProperty::Other("X-ABLabel".to_string()))
            .with_group(group)
            .with_value(label.clone()),
    );
}

/// The vCard `TYPE` for a label, when vCard has one for this property and
/// the reader gives the same label back.
fn known_type(property: &VCardProperty, label: &str) -> Option<VCardType> {
    let typ = match label {
        "work" => VCardType::Work,
        "home" => VCardType::Home,
        _ if *property != VCardProperty::Tel => return None,
        "cell" => VCardType::Cell,
        "fax" => VCardType::Fax,
        "pager" => VCardType::Pager,
        "text" => VCardType::Text,
        "video" => VCardType::Video,
        "textphone" => VCardType::Textphone,
        _ => return None,
    };
    Some(typ)
}

pub(super) fn birthday_text(birthday: Birthday, version: VcardVersion) -> String {
    let Birthday { year, month, day } = birthday;
    match (year, version) {
        (None, _) => format!("--{month:02}{day:02}"),
        (Some(year), VcardVersion::V3) => format!("{year:04}-{month:02}-{day:02}"),
        (Some(year), VcardVersion::V4) => format!("{year:04}{month:02}{day:02}"),
    }
}
