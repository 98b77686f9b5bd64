//! CSV: reading contacts from a spreadsheet (draht's own columns or a
//! Google Contacts export) and writing one row per contact.
//!
//! Columns are found by their header, case-insensitively; unknown columns
//! are ignored. draht's own header (what `export csv` writes):
//!
//! `uid, name, nickname, sphere, company, role, emails, phones, birthday,
//! tags, notes, cadence_days, last_touch, last_touch_at, last_personal_at,
//! due, status` — the last five are ignored on import.
//!
//! Several values in one cell (`emails`, `phones`, `tags`) are separated by
//! `;` or Google's ` ::: `. An e-mail or phone may carry its label in
//! brackets at the end: `anna@acme.example (work)`.
//!
//! Google Contacts' CSV (both the older `Given Name`/`Family Name`/`Group
//! Membership`/`E-mail 1 - Type` and the newer `First Name`/`Last
//! Name`/`Labels`/`E-mail 1 - Label` header) is read as is: the numbered
//! e-mail and phone columns with their types become labelled handles,
//! `Organization 1 - Name`/`Title` the company and role, the labels the
//! tags (without Google's `* myContacts` and `* starred`).
//!
//! `cadence` (or `cadence_days`, `every`) is a number of days or a duration
//! such as `3w`; `birthday` is `YYYY-MM-DD` or `--MM-DD`.

use std::collections::BTreeMap;

use ::csv::{ReaderBuilder, StringRecord, Writer};

use super::import::{Batch, Incoming, Origin, Rejected};
use super::vcard::CardContact;
use super::vcard_read::parse_birthday;
use crate::error::{Error, Result};
use crate::model::{Handle, Sphere};
use crate::parse::parse_duration;
use crate::schedule::{Checkin, ContactFacts};

/// What a column feeds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Column {
    Uid,
    Name,
    Prefix,
    Given,
    Middle,
    Family,
    Suffix,
    Nickname,
    Company,
    Role,
    Emails,
    Phones,
    /// Google's `E-mail N - Value` / `Phone N - Value` and their types.
    Email(u32),
    EmailLabel(u32),
    Phone(u32),
    PhoneLabel(u32),
    Birthday,
    Notes,
    Tags,
    Cadence,
    Sphere,
    Ignored,
}

/// The headers that name a contact, for the error when none is there.
const NAME_HEADERS: &str = "name, first name / last name (or given name / family name), \
     company (organization 1 - name) or email";

fn column(header: &str) -> Column {
    let header = header.trim_start_matches('\u{feff}').trim().to_lowercase();
    if let Some(numbered) = numbered(&header) {
        return numbered;
    }
    match header.as_str() {
        "uid" => Column::Uid,
        "name" | "full name" | "display name" | "fn" => Column::Name,
        "name prefix" | "prefix" => Column::Prefix,
        "given name" | "first name" => Column::Given,
        "additional name" | "middle name" => Column::Middle,
        "family name" | "last name" => Column::Family,
        "name suffix" | "suffix" => Column::Suffix,
        "nickname" => Column::Nickname,
        "company" | "organization" | "organisation" | "org" | "organization name" => {
            Column::Company
        }
        "role" | "title" | "job title" | "organization title" => Column::Role,
        "email" | "emails" | "e-mail" | "e-mails" | "e-mail address" => Column::Emails,
        "phone" | "phones" | "tel" | "phone number" => Column::Phones,
        "birthday" | "bday" => Column::Birthday,
        "notes" | "note" => Column::Notes,
        "tags" | "tag" | "labels" | "group membership" | "categories" => Column::Tags,
        "cadence" | "cadence_days" | "every" => Column::Cadence,
        "sphere" => Column::Sphere,
        _ => Column::Ignored,
    }
}

/// `e-mail 2 - value`, `phone 1 - type`, `organization 1 - title` …
fn numbered(header: &str) -> Option<Column> {
    let (head, field) = header.split_once(" - ")?;
    let (kind, number) = head.rsplit_once(' ')?;
    let number: u32 = number.parse().ok()?;
    let column = match (kind, field) {
        ("e-mail" | "email", "value") => Column::Email(number),
        ("e-mail" | "email", "type" | "label") => Column::EmailLabel(number),
        ("phone", "value") => Column::Phone(number),
        ("phone", "type" | "label") => Column::PhoneLabel(number),
        ("organization", "name") => Column::Company,
        ("organization", "title") => Column::Role,
        _ => Column::Ignored,
    };
    Some(column)
}

/// Reads a CSV text with a header row into `batch`; each bad row becomes a
/// rejected record. A header without any name column is an error.
pub fn csv_batch(source: &str, text: &str, batch: &mut Batch) -> Result<()> {
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let bad_csv = |e: ::csv::Error| {
        Error::input(format!(
            "{source}: not a CSV file this reader understands ({e}); save it as comma-separated UTF-8 with a header row"
        ))
    };
    let columns: Vec<Column> = reader
        .headers()
        .map_err(bad_csv)?
        .iter()
        .map(column)
        .collect();
    let names_someone = |c: &Column| {
        matches!(
            c,
            Column::Name
                | Column::Given
                | Column::Family
                | Column::Company
                | Column::Emails
                | Column::Email(_)
        )
    };
    if !columns.iter().any(names_someone) {
        return Err(Error::input(format!(
            "{source}: the header row has no column that names a contact; draht reads {NAME_HEADERS} \
             (a Google Contacts CSV export works as it is)"
        )));
    }
    for record in reader.records() {
        let record = record.map_err(bad_csv)?;
        let line = line_of(text, record.position().map_or(0, |p| p.byte() as usize));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let origin = Origin::row(source, line);
        match read_row(&columns, &record) {
            Ok(incoming) => batch.records.push(Incoming { origin, ..incoming }),
            Err(reason) => batch.rejected.push(Rejected { origin, reason }),
        }
    }
    Ok(())
}

/// The 1-based line a record starting at byte `start` is on. (The csv
/// crate's own line count is one short after a CRLF line end.)
fn line_of(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = start.min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count()
}

/// One row as a record (its origin is filled in by the caller).
fn read_row(columns: &[Column], record: &StringRecord) -> std::result::Result<Incoming, String> {
    let mut card = CardContact::default();
    let mut parts: BTreeMap<u8, String> = BTreeMap::new();
    let mut numbered_emails: BTreeMap<u32, (String, Option<String>)> = BTreeMap::new();
    let mut numbered_phones: BTreeMap<u32, (String, Option<String>)> = BTreeMap::new();
    let mut cadence_days = None;
    let mut sphere = None;
    for (column, cell) in columns.iter().zip(record.iter()) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let text = Some(cell.to_string());
        match *column {
            Column::Uid => card.uid = text,
            Column::Name => card.name = cell.to_string(),
            Column::Prefix => _ = parts.insert(0, cell.to_string()),
            Column::Given => _ = parts.insert(1, cell.to_string()),
            Column::Middle => _ = parts.insert(2, cell.to_string()),
            Column::Family => _ = parts.insert(3, cell.to_string()),
            Column::Suffix => _ = parts.insert(4, cell.to_string()),
            Column::Nickname => card.nickname = text,
            Column::Company => card.company = card.company.take().or(text),
            Column::Role => card.role = card.role.take().or(text),
            Column::Emails => card.emails.extend(split(cell).map(handle)),
            Column::Phones => card.phones.extend(split(cell).map(handle)),
            Column::Email(n) => numbered_emails.entry(n).or_default().0 = cell.to_string(),
            Column::EmailLabel(n) => numbered_emails.entry(n).or_default().1 = label(cell),
            Column::Phone(n) => numbered_phones.entry(n).or_default().0 = cell.to_string(),
            Column::PhoneLabel(n) => numbered_phones.entry(n).or_default().1 = label(cell),
            Column::Birthday => {
                card.birthday = Some(parse_birthday(cell).ok_or_else(|| {
                    format!("cannot read birthday \"{cell}\"; use YYYY-MM-DD, or --MM-DD without the year")
                })?);
            }
            Column::Notes => card.notes = Some(cell.replace("\r\n", "\n")),
            Column::Tags => {
                for tag in split(cell).map(|t| t.trim_start_matches("* ").trim()) {
                    let system = ["mycontacts", "starred"].contains(&tag.to_lowercase().as_str());
                    if !tag.is_empty() && !system && !card.tags.iter().any(|t| t == tag) {
                        card.tags.push(tag.to_string());
                    }
                }
            }
            Column::Cadence => cadence_days = Some(cadence(cell)?),
            Column::Sphere => {
                sphere =
                    Some(Sphere::from_name(cell).ok_or_else(|| {
                        format!("unknown sphere \"{cell}\"; use work or private")
                    })?);
            }
            Column::Ignored => {}
        }
    }
    for (values, label) in numbered_emails.into_values() {
        card.emails.extend(split(&values).map(|v| Handle {
            value: v.to_string(),
            label: label.clone(),
        }));
    }
    for (values, label) in numbered_phones.into_values() {
        card.phones.extend(split(&values).map(|v| Handle {
            value: v.to_string(),
            label: label.clone(),
        }));
    }
    if card.name.is_empty() {
        card.name = parts.into_values().collect::<Vec<_>>().join(" ");
    }
    if card.name.is_empty() {
        card.name = match (&card.company, card.emails.first()) {
            (Some(company), _) => company.clone(),
            (None, Some(email)) => email.value.clone(),
            (None, None) => return Err(format!("no name; fill in one of: {NAME_HEADERS}")),
        };
    }
    Ok(Incoming {
        origin: Origin::file(""),
        card,
        cadence_days,
        sphere,
        vcard: None,
        source: None,
    })
}

/// The values of a multi-value cell: split at ` ::: ` and `;`.
fn split(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(" ::: ")
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// `anna@acme.example (work)` → value and label; a bracket with digits
/// (`+49 (89) 123`) is part of a phone number, not a label.
fn handle(text: &str) -> Handle {
    if let Some(open) = text.rfind(" (")
        && let Some(inner) = text[open + 2..].strip_suffix(')')
        && !inner.is_empty()
        && !inner.contains(|c: char| c.is_ascii_digit() || c == '(')
    {
        return Handle {
            value: text[..open].trim().to_string(),
            label: label(inner),
        };
    }
    Handle::new(text)
}

/// Google's `* Work` (the star marks the primary one) → `work`.
fn label(text: &str) -> Option<String> {
    let label = text.trim().trim_start_matches('*').trim().to_lowercase();
    (!label.is_empty()).then_some(label)
}

fn cadence(cell: &str) -> std::result::Result<u32, String> {
    let days = if cell.bytes().all(|b| b.is_ascii_digit()) {
        cell.parse::<u32>()
            .map_err(|_| format!("cadence \"{cell}\" is too large"))?
    } else {
        parse_duration(cell)
            .map_err(|e| e.to_string())?
            .approx_days()
    };
    if days == 0 {
        return Err(format!(
            "cadence \"{cell}\" is zero; use at least one day, e.g. 3w"
        ));
    }
    Ok(days)
}

/// The header `export csv` writes.
pub const EXPORT_HEADER: [&str; 17] = [
    "uid",
    "name",
    "nickname",
    "sphere",
    "company",
    "role",
    "emails",
    "phones",
    "birthday",
    "tags",
    "notes",
    "cadence_days",
    "last_touch",
    "last_touch_at",
    "last_personal_at",
    "due",
    "status",
];

/// One row per contact: its fields, last touch, due date and status.
pub fn write_contacts(rows: &[(ContactFacts, Option<Checkin>)]) -> Result<String> {
    let fail = |e: ::csv::Error| Error::Database(format!("cannot write CSV: {e}"));
    let mut writer = Writer::from_writer(Vec::new());
    writer.write_record(EXPORT_HEADER).map_err(fail)?;
    let handles = |list: &[Handle]| -> String {
        list.iter()
            .map(|h| match &h.label {
                Some(label) => format!("{} ({label})", h.value),
                None => h.value.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (facts, checkin) in rows {
        let c = &facts.contact;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        writer
            .write_record([
                c.uid.clone(),
                c.name.clone(),
                text(&c.nickname),
                c.sphere.as_str().to_string(),
                text(&c.company),
                text(&c.role),
                handles(&c.emails),
                handles(&c.phones),
                c.birthday.map(|b| b.to_iso()).unwrap_or_default(),
                c.tags.join("; "),
                text(&c.notes),
                c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
                facts
                    .last_touch
                    .map(|t| t.channel.as_str().to_string())
                    .unwrap_or_default(),
                facts
                    .last_touch
                    .map(|t| t.at.to_rfc3339())
                    .unwrap_or_default(),
                facts
                    .last_personal
                    .map(|t| t.at.to_rfc3339())
                    .unwrap_or_default(),
                checkin
                    .as_ref()
                    .map(|c| c.due.to_string())
                    .unwrap_or_default(),
                checkin
                    .as_ref()
                    .map(|c| c.status.as_str().to_string())
                    .unwrap_or_default(),
            ])
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Database(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Database(format!("cannot write CSV: {e}")))
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
