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
//! `;` or Google's ` ::: `; a `;` inside a value is written `\;` (and a
//! backslash `\\`). An e-mail or phone may carry its label in brackets at
//! the end, read as `add --email` reads it (`model::Handle::from_text`):
//! `anna@acme.example (work)`; a value that itself ends in such a bracket
//! is written with `\(`. An e-mail without `@` rejects its row, as `add`
//! refuses it.
//!
//! Cells are stored as the store keeps text (`text::tidy_line`, notes
//! `text::tidy_note`). A cell that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or CR) is written with a `'`
//! in front, the OWASP rule, and that quote is taken off again on import.
//! A quoted cell that is never closed is an error naming its row.
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
use crate::model::{Handle, Sphere, is_email};
use crate::parse::parse_duration;
use crate::schedule::{Checkin, ContactFacts};
use crate::t;
use crate::text::{tidy_line, tidy_note};

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
        Error::input(t!(
            "csv-unreadable",
            source = source,
            problem = e.to_string()
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
        return Err(Error::input(t!(
            "csv-no-name-column",
            source = source,
            headers = NAME_HEADERS
        )));
    }
    let mut lines = Lines::new(text);
    let mut last = None;
    for record in reader.records() {
        let record = record.map_err(bad_csv)?;
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let line = lines.line_of(start);
        last = Some((start, line));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let origin = Origin::row(source, line);
        match read_row(&columns, &record) {
            Ok(incoming) => batch.records.push(Incoming { origin, ..incoming }),
            Err(reason) => batch.rejected.push(Rejected { origin, reason }),
        }
    }
    // A quote left open swallows the rest of the file into the last record.
    if let Some((start, line)) = last
        && ends_inside_quotes(text.as_bytes().get(start..).unwrap_or_default())
    {
        return Err(Error::input(t!(
            "csv-open-quote",
            source = source,
            row = line
        )));
    }
    Ok(())
}

/// The lines of records met in order: counts the newlines between one
/// record and the next only, so a file of any length is counted once.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line a record starting at byte `start` (at or after the
    /// previous one) is on. (The csv crate's own line count is one short
    /// after a CRLF line end.)
    fn line_of(&mut self, start: usize) -> usize {
        let bytes = self.bytes;
        let mut start = start.clamp(self.at, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = start;
        self.line
    }
}

/// Whether a record's text (to the end of the file) ends inside a quoted
/// cell: RFC 4180's quoting, where a quote opens a cell only at its start
/// and `""` inside one is a quote.
fn ends_inside_quotes(record: &[u8]) -> bool {
    let mut quoted = false;
    let mut at_start = true;
    let mut i = 0;
    while i < record.len() {
        let b = record[i];
        if quoted {
            if b == b'"' {
                if record.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_start {
            quoted = true;
        }
        at_start = matches!(b, b',' | b'\n' | b'\r') && !quoted;
        i += 1;
    }
    quoted
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
        // notes as they are (a note's first line may start with a tab)
        let cell = match column {
            Column::Notes => tidy_note(unescape_formula(cell)),
            _ => tidy_line(unescape_formula(cell.trim())),
        };
        let cell = cell.as_str();
        if cell.trim().is_empty() {
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
            Column::Emails => {
                for email in split(cell).map(handle) {
                    card.emails.push(email_checked(email)?);
                }
            }
            Column::Phones => card.phones.extend(split(cell).map(handle)),
            Column::Email(n) => numbered_emails.entry(n).or_default().0 = cell.to_string(),
            Column::EmailLabel(n) => numbered_emails.entry(n).or_default().1 = Handle::label(cell),
            Column::Phone(n) => numbered_phones.entry(n).or_default().0 = cell.to_string(),
            Column::PhoneLabel(n) => numbered_phones.entry(n).or_default().1 = Handle::label(cell),
            Column::Birthday => {
                card.birthday =
                    Some(parse_birthday(cell).ok_or_else(|| t!("csv-bad-birthday", cell = cell))?);
            }
            Column::Notes => card.notes = text,
            Column::Tags => {
                for tag in split(cell) {
                    let tag = unescape(tag.trim_start_matches("* ").trim());
                    let system = ["mycontacts", "starred"].contains(&tag.to_lowercase().as_str());
                    if !tag.is_empty() && !system && !card.tags.contains(&tag) {
                        card.tags.push(tag);
                    }
                }
            }
            Column::Cadence => cadence_days = Some(cadence(cell)?),
            Column::Sphere => {
                sphere =
                    Some(Sphere::from_name(cell).ok_or_else(|| t!("csv-bad-sphere", cell = cell))?);
            }
            Column::Ignored => {}
        }
    }
    for (values, label) in numbered_emails.into_values() {
        for value in split(&values) {
            card.emails.push(email_checked(Handle {
                value: unescape(value),
                label: label.clone(),
            })?);
        }
    }
    for (values, label) in numbered_phones.into_values() {
        card.phones.extend(split(&values).map(|v| Handle {
            value: unescape(v),
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
            (None, None) => return Err(t!("csv-no-name", headers = NAME_HEADERS)),
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

/// The values of a multi-value cell: split at ` ::: ` and at every `;`
/// not written `\\;`, trimmed, still escaped (see [`unescape`]).
fn split(cell: &str) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let bytes = cell.as_bytes();
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b';' => {
                parts.push(&cell[from..i]);
                from = i + 1;
            }
            b' ' if bytes[i..].starts_with(b" ::: ") => {
                parts.push(&cell[from..i]);
                from = i + 5;
                i += 4;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(cell.get(from..).unwrap_or_default());
    parts.into_iter().map(str::trim).filter(|v| !v.is_empty())
}

/// A value of a multi-value cell with its escapes taken off: `\\;`, `\\:`,
/// `\\(` and `\\\\` are the character after the backslash; any other
/// backslash is kept (Google writes none of these).
fn unescape(value: &str) -> String {
    if !value.contains('\\') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next @ ('\\' | ';' | ':' | '('))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// A value for a multi-value cell, so that [`split`] and [`handle`] read it
/// back as it is: backslashes and `;` escaped, and ` ::: ` and a bracket at
/// the end that would read as a label broken by a backslash.
fn escape(value: &str) -> String {
    let label_like = Handle::label_at(value);
    let mut out = String::with_capacity(value.len() + 2);
    for (i, c) in value.char_indices() {
        match c {
            '\\' | ';' => out.push('\\'),
            ':' if i > 0 && value.as_bytes()[i - 1..].starts_with(b" ::: ") => out.push('\\'),
            '(' if label_like.map(|open| open + 1) == Some(i) => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `anna@acme.example (work)` → value and label, as `add` reads it
/// (`Handle::from_text`); escapes are taken off after the label is found.
fn handle(text: &str) -> Handle {
    let handle = Handle::from_text(text);
    Handle {
        value: unescape(&handle.value),
        label: handle.label.map(|l| unescape(&l)),
    }
}

/// `handle`, refused as `add` refuses it when it is no e-mail address.
fn email_checked(handle: Handle) -> std::result::Result<Handle, String> {
    if is_email(&handle.value) {
        Ok(handle)
    } else {
        Err(t!("csv-bad-email", cell = handle.value.as_str()))
    }
}

/// The characters that make a spreadsheet read a cell as a formula
/// (OWASP's list for CSV injection).
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A cell as written: with a `'` in front when it starts like a formula,
/// or with a quote that [`unescape_formula`] would otherwise take off.
/// Every CSV draht writes (`export csv`, `list --csv`) puts its cells of
/// user text through here.
pub fn formula_safe(cell: String) -> String {
    let mut chars = cell.chars();
    let escape = match chars.next() {
        Some(c) if is_formula_start(c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || is_formula_start(c)),
        _ => false,
    };
    if escape { format!("'{cell}") } else { cell }
}

/// A cell as read: [`formula_safe`]'s quote taken off.
fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| c == '\'' || is_formula_start(c)) => rest,
        _ => cell,
    }
}

fn cadence(cell: &str) -> std::result::Result<u32, String> {
    let days = if cell.bytes().all(|b| b.is_ascii_digit()) {
        cell.parse::<u32>()
            .map_err(|_| t!("csv-cadence-large", cell = cell))?
    } else {
        parse_duration(cell)
            .map_err(|e| e.to_string())?
            .approx_days()
    };
    if days == 0 {
        return Err(t!("csv-cadence-zero", cell = cell));
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
    let fail =
        |e: ::csv::Error| Error::Database(crate::t!("error-write-csv", problem = e.to_string()));
    let mut writer = Writer::from_writer(Vec::new());
    writer.write_record(EXPORT_HEADER).map_err(fail)?;
    let handles = |list: &[Handle]| -> String {
        list.iter()
            .map(|h| match &h.label {
                Some(label) => format!("{} ({})", escape(&h.value), escape(label)),
                None => escape(&h.value),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (facts, checkin) in rows {
        let c = &facts.contact;
        // the cells of user text; draht's own (dates, numbers, names of
        // channels and states) never start like a formula but a birthday
        // without its year (`--04-12`), a fixed form that holds no formula
        let text = |v: &Option<String>| formula_safe(v.clone().unwrap_or_default());
        let cells = [
            formula_safe(c.uid.clone()),
            formula_safe(c.name.clone()),
            text(&c.nickname),
            c.sphere.as_str().to_string(),
            text(&c.company),
            text(&c.role),
            formula_safe(handles(&c.emails)),
            formula_safe(handles(&c.phones)),
            c.birthday.map(|b| b.to_iso()).unwrap_or_default(),
            formula_safe(
                c.tags
                    .iter()
                    .map(|t| escape(t))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
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
        ];
        writer.write_record(cells).map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Database(crate::t!("error-write-csv", problem = e.to_string())))?;
    String::from_utf8(bytes)
        .map_err(|e| Error::Database(crate::t!("error-write-csv", problem = e.to_string())))
}

#[cfg(test)]
mod tests;
