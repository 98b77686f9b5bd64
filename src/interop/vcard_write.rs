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

use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardProperty, VCardType, VCardValue,
    VCardVersion as CalcardVersion,
};

use super::vcard::VcardVersion;
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
    let version = match version {
        VcardVersion::V3 => CalcardVersion::V3_0,
        VcardVersion::V4 => CalcardVersion::V4_0,
    };
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = VCard { entries }.write_to(&mut out, version);
    out
}

fn text_entry(property: VCardProperty, text: &str) -> VCardEntry {
    VCardEntry::new(property).with_value(text.to_string())
}

/// `N` (required in 3.0) from the display name: the last word as family
/// name, the rest as given names.
fn name_entry(name: &str) -> VCardEntry {
    let name = name.trim();
    let (given, family) = match name.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (given.trim_end(), family),
        None => (name, ""),
    };
    VCardEntry::new(VCardProperty::N).with_values(
        [family, given, "", "", ""]
            .into_iter()
            .map(|part| VCardValue::Text(part.to_string()))
            .collect(),
    )
}

fn push_handle(
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

fn birthday_text(birthday: Birthday, version: VcardVersion) -> String {
    let Birthday { year, month, day } = birthday;
    match (year, version) {
        (None, _) => format!("--{month:02}{day:02}"),
        (Some(year), VcardVersion::V3) => format!("{year:04}-{month:02}-{day:02}"),
        (Some(year), VcardVersion::V4) => format!("{year:04}{month:02}{day:02}"),
    }
}
