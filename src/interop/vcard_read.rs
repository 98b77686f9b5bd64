//! Reading `.vcf` text into [`CardContact`]s.
//!
//! `calcard` does the parsing (line folding, quoted-printable with its
//! CHARSET, base64, groups, escapes). Small normalisations come first
//! (`vcard_lines::for_parser`):
//!
//! - The text is split into cards at `BEGIN:VCARD` lines, so a card cut off
//!   before its `END:VCARD` is reported on its own instead of swallowing the
//!   card after it (calcard reads the next card's lines as stray text).
//! - `BDAY` is read as text and its date parsed here: calcard drops the day
//!   of `--04-12` (3.0), `1990-04-12` and `--04-12` (4.0).
//! - A quoted-printable soft line break right before `END:VCARD` ends the
//!   value (it would take `END:VCARD` into a note).
//!
//! A value draht cannot read is refused with the card, never dropped: a
//! `BDAY` that is no date (`1985-13-45`) makes the card invalid (unless
//! the card marks it `VALUE=text`). Line breaks inside one-line fields
//! (name, nickname, company, role, labels, tags; Outlook's `=0D=0A`)
//! become a space. Labels are at most [`MAX_LABEL`] characters, and a line
//! with very many `TYPE`s is read in one pass.

use std::collections::{HashMap, HashSet};

use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
    VCardValueType,
};
use calcard::{Entry, Parser};
use sha2::{Digest, Sha256};

use super::vcard::{Card, CardContact, CardError};
use super::vcard_lines::{content_lines, for_parser};
use super::vcard_write::PRODID;
use crate::model::{Birthday, Handle};

/// Type names that say nothing a user would call a label.
const UNLABELLED_TYPES: [&str; 3] = ["pref", "internet", "voice"];

/// Google's system group that every contact in "My Contacts" carries.
const GOOGLE_SYSTEM_GROUP: &str = "mycontacts";

/// The longest label draht keeps, in characters; a longer one is cut.
pub const MAX_LABEL: usize = 64;

/// Reads every card in a `.vcf` text (vCard 2.1, 3.0 or 4.0), one result per
/// card in file order. Text outside `BEGIN:VCARD` … `END:VCARD` is ignored;
/// a text without any card gives an empty list.
pub fn read_cards(text: &str) -> Vec<Result<CardContact, CardError>> {
    read_card_texts(text)
        .into_iter()
        .map(|card| card.map(|card| card.contact))
        .collect()
}

/// [`read_cards`] with each card's own text and source identity.
pub fn read_card_texts(text: &str) -> Vec<Result<Card, CardError>> {
    split_cards(text)
        .into_iter()
        .enumerate()
        .map(|(index, card)| {
            read_card(&card, one_line).map_err(|reason| CardError {
                card: index + 1,
                reason,
            })
        })
        .collect()
}

/// Reads the text of one card (`BEGIN:VCARD` … `END:VCARD`), as
/// [`read_card_texts`] gives it.
pub fn read_one(text: &str) -> Result<Card, String> {
    read_card(&one_card(text), one_line)
}

/// [`read_one`] with one-line fields as the card has them (line breaks
/// kept): what an export compares with the contact.
pub(crate) fn read_one_as_is(text: &str) -> Result<Card, String> {
    read_card(&one_card(text), str::to_string)
}

fn one_card(text: &str) -> CardText {
    let ended = content_lines(text)
        .iter()
        .any(|line| line.name == "END" && line.unfolded(text).eq_ignore_ascii_case("END:VCARD"));
    CardText {
        text: text.to_string(),
        ended,
    }
}

/// The text of one card, from its `BEGIN:VCARD` line, as it is in the file.
struct CardText {
    text: String,
    /// Whether an `END:VCARD` line closed it.
    ended: bool,
}

fn split_cards(text: &str) -> Vec<CardText> {
    let mut cards: Vec<CardText> = Vec::new();
    for raw_line in text.split_inclusive('\n') {
        let line = raw_line.trim_start_matches('\u{feff}');
        let bare = line.trim_end();
        if bare.eq_ignore_ascii_case("BEGIN:VCARD") {
            cards.push(CardText {
                text: String::new(),
                ended: false,
            });
        }
        let Some(card) = cards.last_mut() else {
            continue; // before the first card
        };
        if card.ended {
            continue; // between END:VCARD and the next BEGIN:VCARD
        }
        card.text.push_str(line);
        if bare.eq_ignore_ascii_case("END:VCARD") {
            card.ended = true;
        }
    }
    cards
}

fn read_card(card: &CardText, flat: Flatten) -> Result<Card, String> {
    if !card.ended {
        return Err(crate::t!("vcard-cut-off"));
    }
    match Parser::new(&for_parser(&card.text)).entry() {
        Entry::VCard(vcard) => {
            let contact = contact_from(&vcard, flat)?;
            Ok(Card {
                source: identity(&vcard, &contact),
                contact,
                text: card.text.clone(),
            })
        }
        _ => Err(crate::t!("vcard-not-understood")),
    }
}

/// Who a card is, for finding its contact again: `uid:` and its UID, or,
/// without one, `card:` and a hash of its `N`, `FN`, the name draht gives
/// it and its first e-mail (the same card always gives the same identity).
fn identity(vcard: &VCard, contact: &CardContact) -> String {
    if let Some(uid) = &contact.uid {
        return format!("uid:{uid}");
    }
    let n = vcard
        .property(&VCardProperty::N)
        .map(|entry| {
            entry
                .values
                .iter()
                .filter_map(value_text)
                .collect::<Vec<_>>()
                .join(";")
        })
        .unwrap_or_default();
    let fn_text = vcard
        .property(&VCardProperty::Fn)
        .and_then(|entry| entry.values.first())
        .and_then(value_text)
        .unwrap_or_default();
    let email = contact
        .emails
        .first()
        .map(|e| e.value.to_lowercase())
        .unwrap_or_default();
    source_hash(&[&n, &fn_text, &contact.name, &email])
}

/// `card:` and the SHA-256 of `parts` (each ended by a unit separator),
/// in hex: the identity of a record without a UID.
pub fn source_hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    let digest = hasher.finalize();
    let mut out = String::with_capacity(5 + 64);
    out.push_str("card:");
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// How one-line fields are read: [`one_line`] for an import, as they are
/// for an export comparing the card with the contact (so that a value the
/// store cleaned is written back clean).
type Flatten = fn(&str) -> String;

fn contact_from(vcard: &VCard, flat: Flatten) -> Result<CardContact, String> {
    let labels = ab_labels(vcard);
    let emails = handles(vcard, VCardProperty::Email, &labels, "mailto:", flat);
    let phones = handles(vcard, VCardProperty::Tel, &labels, "tel:", flat);
    let company = first_line(vcard, VCardProperty::Org, flat);
    let name = first_line(vcard, VCardProperty::Fn, flat)
        .or_else(|| name_from_n(vcard, flat))
        .or_else(|| company.clone())
        .or_else(|| emails.first().map(|e| e.value.clone()))
        .ok_or_else(|| crate::t!("vcard-no-name"))?;
    Ok(CardContact {
        uid: first_text(vcard, VCardProperty::Uid),
        name,
        nickname: first_line(vcard, VCardProperty::Nickname, flat),
        company,
        role: first_line(vcard, VCardProperty::Title, flat)
            .or_else(|| first_line(vcard, VCardProperty::Role, flat)),
        emails,
        phones,
        birthday: birthday(vcard)?,
        notes: notes(vcard),
        tags: tags(vcard, flat),
    })
}

/// The first birthday of the card. A `BDAY` that is not a date draht
/// reads is an error, unless the card says it is text (`VALUE=text` of its
/// own, after the one the reader puts first: see `vcard_lines::for_parser`).
fn birthday(vcard: &VCard) -> Result<Option<Birthday>, String> {
    let mut found = None;
    for entry in vcard.properties(&VCardProperty::Bday) {
        let Some(text) = entry.values.first().and_then(value_text) else {
            continue;
        };
        let marked_text = entry
            .params
            .iter()
            .filter(|p| p.name == VCardParameterName::Value)
            .skip(1)
            .any(|p| matches!(&p.value, VCardParameterValue::ValueType(t) if *t == VCardValueType::Text));
        if text.trim().is_empty() || marked_text {
            continue;
        }
        match parse_birthday(&text) {
            Some(day) => found = found.or(Some(day)),
            None => {
                return Err(crate::t!("vcard-bad-birthday", value = shown(&text)));
            }
        }
    }
    Ok(found)
}

/// A value for a one-line message: controls as `?`, at most 40 characters.
fn shown(text: &str) -> String {
    let mut out: String = text
        .trim()
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.trim().chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The text of a value: plain text, or a comma list joined back.
fn value_text(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::Text(text) => Some(text.clone()),
        VCardValue::Component(parts) => Some(parts.join(",")),
        _ => None,
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// `text` as one line: each run of line breaks (CR, LF, and the Unicode
/// line and paragraph separators), with the spaces around it, is one space.
pub(crate) fn one_line(text: &str) -> String {
    let is_break = |c: char| matches!(c, '\r' | '\n' | '\u{2028}' | '\u{2029}');
    if !text.contains(is_break) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_break = false;
    for c in text.chars() {
        if is_break(c) {
            if !in_break {
                out.truncate(out.trim_end_matches(' ').len());
                out.push(' ');
            }
            in_break = true;
        } else if in_break && c == ' ' {
            continue;
        } else {
            out.push(c);
            in_break = false;
        }
    }
    out
}

/// The first non-empty text of the first value of a property, trimmed.
fn first_text(vcard: &VCard, property: VCardProperty) -> Option<String> {
    vcard
        .properties(&property)
        .flat_map(|entry| entry.values.iter())
        .filter_map(value_text)
        .find_map(|text| non_empty(&text))
}

/// [`first_text`] as one line (see [`one_line`]).
fn first_line(vcard: &VCard, property: VCardProperty, flat: Flatten) -> Option<String> {
    first_text(vcard, property).and_then(|text| non_empty(&flat(&text)))
}

/// `N` is family; given; additional; prefix; suffix. Shown as
/// "prefix given additional family suffix".
fn name_from_n(vcard: &VCard, flat: Flatten) -> Option<String> {
    let entry = vcard.property(&VCardProperty::N)?;
    let part = |index: usize| -> String {
        match entry.values.get(index) {
            Some(VCardValue::Text(text)) => text.trim().to_string(),
            Some(VCardValue::Component(parts)) => parts
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        }
    };
    let parts = [part(3), part(1), part(2), part(0), part(4)];
    non_empty(&flat(
        &parts
            .iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
    ))
}

/// `X-ABLabel` values by lowercased group name (`item1` → "segelclub").
fn ab_labels(vcard: &VCard) -> HashMap<String, String> {
    vcard
        .entries
        .iter()
        .filter(|entry| {
            matches!(&entry.name, VCardProperty::Other(name)
                if name.eq_ignore_ascii_case("X-ABLABEL"))
        })
        .filter_map(|entry| {
            let group = entry.group.as_ref()?.to_lowercase();
            let label = entry.values.first().and_then(value_text)?;
            Some((group, normalise_label(&label)))
        })
        .filter(|(_, label)| !label.is_empty())
        .collect()
}

/// Lowercase, trimmed, on one line, without Apple's `_$!<Mobile>!$_`
/// wrapping, at most [`MAX_LABEL`] characters.
fn normalise_label(label: &str) -> String {
    let label = label.trim();
    let label = label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(label);
    cap_label(one_line(label).trim().to_lowercase())
}

fn cap_label(label: String) -> String {
    match label.char_indices().nth(MAX_LABEL) {
        Some((at, _)) => label[..at].trim_end().to_string(),
        None => label,
    }
}

fn handles(
    vcard: &VCard,
    property: VCardProperty,
    labels: &HashMap<String, String>,
    scheme: &str,
    flat: Flatten,
) -> Vec<Handle> {
    vcard
        .properties(&property)
        .filter_map(|entry| {
            let text = entry.values.first().and_then(value_text)?;
            let text = text.trim();
            let value = match text.get(..scheme.len()) {
                Some(prefix) if prefix.eq_ignore_ascii_case(scheme) => &text[scheme.len()..],
                _ => text,
            };
            Some(Handle {
                value: non_empty(&flat(value))?,
                label: handle_label(entry, labels),
            })
        })
        .collect()
}

/// The label of an `EMAIL` or `TEL`: the `X-ABLabel` of its group, else its
/// telling types (`TYPE=WORK`, or 2.1's bare `;WORK`) lowercased and joined
/// by a space, so `TEL;WORK;FAX` is "work fax" and `TEL;CELL;VOICE` "cell".
/// One pass over the parameters, stopping once the label is full.
fn handle_label(entry: &VCardEntry, labels: &HashMap<String, String>) -> Option<String> {
    if let Some(label) = entry
        .group
        .as_ref()
        .and_then(|group| labels.get(&group.to_lowercase()))
    {
        return Some(label.clone());
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut label = String::new();
    for param in &entry.params {
        let typ = match (&param.name, &param.value) {
            (VCardParameterName::Type, value) => normalise_label(&value.clone().into_text()),
            (VCardParameterName::Other(name), VCardParameterValue::Null) => normalise_label(name),
            _ => continue,
        };
        if typ.is_empty() || UNLABELLED_TYPES.contains(&typ.as_str()) || !seen.insert(typ.clone()) {
            continue;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(&typ);
        if label.chars().count() >= MAX_LABEL {
            break;
        }
    }
    (!label.is_empty()).then(|| cap_label(label))
}

/// The NOTEs, joined by line breaks. Other tools' CRLF or CR line ends
/// (Outlook's quoted-printable `=0D=0A`) become `\n`; a card draht wrote
/// (its PRODID) is read back exactly, carriage returns included.
fn notes(vcard: &VCard) -> Option<String> {
    let ours = first_text(vcard, VCardProperty::Prodid).as_deref() == Some(PRODID);
    let notes: Vec<String> = vcard
        .properties(&VCardProperty::Note)
        .filter_map(|entry| entry.values.first().and_then(value_text))
        .filter_map(|text| {
            if ours {
                non_empty(&text)
            } else {
                non_empty(&text.replace("\r\n", "\n").replace('\r', "\n"))
            }
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("\n"))
}

/// The `CATEGORIES`, each once (case-insensitively), without Google's
/// system group.
fn tags(vcard: &VCard, flat: Flatten) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let candidates = vcard
        .properties(&VCardProperty::Categories)
        .flat_map(|entry| entry.values.iter())
        .filter_map(value_text)
        .filter_map(|text| non_empty(&crate::model::normalize_tag(&flat(&text))));
    for tag in candidates {
        let key = crate::matching::fold(&tag);
        if key != GOOGLE_SYSTEM_GROUP && seen.insert(key) {
            tags.push(tag);
        }
    }
    tags
}

/// Reads a `BDAY` value: `YYYY-MM-DD`, `YYYYMMDD`, `--MM-DD` or `--MMDD`,
/// optionally followed by a time (`T…`), which is ignored. The years 1604
/// (Apple's "year omitted") and 0000 mean no year.
pub(crate) fn parse_birthday(text: &str) -> Option<Birthday> {
    let text = text.trim();
    let date = text.split(['T', 't']).next().unwrap_or(text);
    let number = |digits: &str| -> Option<u32> {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    if let Some(month_day) = date.strip_prefix("--") {
        let (month, day) = match month_day.split_once('-') {
            Some(parts) => parts,
            None if month_day.len() == 4 => month_day.split_at_checked(2)?,
            None => return None,
        };
        return Birthday::new(None, number(month)?, number(day)?);
    }
    let (year, month, day) = match date.split('-').collect::<Vec<_>>().as_slice() {
        [year, month, day] => (*year, *month, *day),
        [compact] if compact.len() == 8 => {
            let (year, month_day) = compact.split_at_checked(4)?;
            let (month, day) = month_day.split_at_checked(2)?;
            (year, month, day)
        }
        _ => return None,
    };
    if year.len() != 4 {
        return None;
    }
    let year = number(year)?;
    let year = (year != 1604 && year != 0).then_some(year as i32);
    Birthday::new(year, number(month)?, number(day)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of 2.4 MB of distinct TYPEs (the probe's hostile card): read
    /// in one pass, the label cut to [`MAX_LABEL`] characters.
    #[test]
    fn a_line_with_very_many_types_gives_a_capped_label() {
        let mut card = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nTEL");
        for i in 0..200_000 {
            card.push_str(&format!(";TYPE=t{i}"));
        }
        card.push_str(":+49 30 1\r\nEND:VCARD\r\n");
        assert!(card.len() > 2_400_000);
        let read = read_cards(&card);
        let phone = &read[0].as_ref().expect("the card reads").phones[0];
        let label = phone.label.as_deref().unwrap_or_default();
        assert!(label.starts_with("t0 t1 t2 "), "{label}");
        assert!(label.chars().count() <= MAX_LABEL, "{label}");
    }

    #[test]
    fn a_long_label_is_cut_and_line_breaks_in_it_are_spaces() {
        let card = format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nitem1.EMAIL:a@b.c\r\nitem1.X-ABLabel:Club\\nRot{}\r\nEND:VCARD\r\n",
            "x".repeat(500)
        );
        let read = read_cards(&card);
        let label = read[0].as_ref().unwrap().emails[0].label.clone().unwrap();
        assert!(label.starts_with("club rotxxx"), "{label}");
        assert_eq!(label.chars().count(), MAX_LABEL);
    }
}
