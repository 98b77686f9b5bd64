//! A contact's card in a synced folder: the card as it came, with draht's
//! own fields as `X-DRAHT-*` properties, and the fields a sync compares.
//!
//! | draht                | property                                      |
//! |----------------------|-----------------------------------------------|
//! | sphere               | `X-DRAHT-SPHERE:work` (always written: it marks a card draht wrote) |
//! | cadence              | `X-DRAHT-CADENCE:21` (days)                   |
//! | when it started      | `X-DRAHT-CADENCE-FROM:2026-11-20`             |
//! | minimum channel      | `X-DRAHT-MIN-CHANNEL:video`                   |
//! | snoozed until        | `X-DRAHT-SNOOZED-UNTIL:2026-12-24`            |
//! | added                | `X-DRAHT-CREATED:20261101T090000Z`            |
//! | each hook            | `X-DRAHT-HOOK;X-KIND=project;X-CREATED=…;X-USED=…:the text` |
//! | last change          | `REV` (the card's own revision stamp)         |
//!
//! The rest of the card is the contact's stored card with what draht
//! changed patched in (`vcard::export_card`), so a card edited in khard or
//! on a phone keeps every property draht does not read. A card without
//! `X-DRAHT-SPHERE` (made in khard) has no draht fields yet: the contact
//! keeps its own (or gets the defaults when it is new).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::vcard::{Card, CardContact, export_card, read_one};
use super::vcard_lines::{content_lines, fold, line_end};
use super::vcard_patch::OWNED;
use crate::model::{Channel, Contact, HookKind, Sphere, iso_day, normalize_tag};
use crate::sync::Fields;

/// A hook as its card carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HookProp {
    pub kind: HookKind,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// What a contact holds beyond its card's own fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrahtProps {
    pub sphere: Sphere,
    pub cadence_days: Option<u32>,
    pub cadence_from: Option<NaiveDate>,
    pub min_channel: Option<Channel>,
    pub snoozed_until: Option<NaiveDate>,
    pub created_at: Option<DateTime<Utc>>,
    pub hooks: Vec<HookProp>,
}

impl DrahtProps {
    /// The fields of `contact` that a card carries as `X-DRAHT-*`.
    pub fn of(contact: &Contact, cadence_from: Option<NaiveDate>, hooks: Vec<HookProp>) -> Self {
        DrahtProps {
            sphere: contact.sphere,
            cadence_days: contact.cadence_days,
            cadence_from: cadence_from.filter(|_| contact.cadence_days.is_some()),
            min_channel: contact.min_channel,
            snoozed_until: contact.snoozed_until,
            created_at: Some(contact.created_at),
            hooks,
        }
    }

    /// Copies these fields onto `contact` (the creation time is the
    /// store's to set).
    pub fn apply_to(&self, contact: &mut Contact) {
        contact.sphere = self.sphere;
        contact.cadence_days = self.cadence_days;
        contact.min_channel = self.min_channel;
        contact.snoozed_until = self.snoozed_until;
    }
}

/// A card of a synced folder, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncCard {
    /// The card's own fields and text.
    pub card: Card,
    /// Its draht fields, when draht wrote it.
    pub draht: Option<DrahtProps>,
    /// Its `REV`, when it has one draht can read.
    pub rev: Option<DateTime<Utc>>,
}

/// Reads one card of a synced folder.
pub fn read_sync_card(text: &str) -> Result<SyncCard, String> {
    let card = read_one(text)?;
    let mut draht = DrahtProps::default();
    let mut marked = false;
    let mut rev = None;
    for line in content_lines(text) {
        let unfolded = line.unfolded(text);
        let Some((name, params, value)) = split_line(&unfolded) else {
            continue;
        };
        let value = unescape(value);
        match name.as_str() {
            "REV" => rev = stamp(&value),
            "X-DRAHT-SPHERE" => {
                marked = true;
                draht.sphere = Sphere::from_name(&value).unwrap_or_default();
            }
            "X-DRAHT-CADENCE" => draht.cadence_days = value.trim().parse().ok().filter(|d| *d > 0),
            "X-DRAHT-CADENCE-FROM" => draht.cadence_from = iso_day(value.trim()),
            "X-DRAHT-MIN-CHANNEL" => draht.min_channel = Channel::from_name(&value),
            "X-DRAHT-SNOOZED-UNTIL" => draht.snoozed_until = iso_day(value.trim()),
            "X-DRAHT-CREATED" => draht.created_at = stamp(&value),
            "X-DRAHT-HOOK" if !value.trim().is_empty() => {
                let param = |key: &str| {
                    params
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(key))
                        .map(|(_, v)| v.as_str())
                };
                draht.hooks.push(HookProp {
                    kind: param("X-KIND")
                        .and_then(HookKind::from_name)
                        .unwrap_or_default(),
                    text: value.trim().to_string(),
                    created_at: param("X-CREATED")
                        .and_then(stamp)
                        .unwrap_or(DateTime::UNIX_EPOCH),
                    used_at: param("X-USED").and_then(stamp),
                });
            }
            _ => {}
        }
    }
    if draht.cadence_days.is_none() {
        draht.cadence_from = None;
    }
    Ok(SyncCard {
        card,
        draht: marked.then_some(draht),
        rev,
    })
}

/// `card` without draht's own lines (`X-DRAHT-*`) and its `REV`: what the
/// store keeps as the contact's card.
pub fn strip_draht(card: &str) -> String {
    content_lines(card)
        .into_iter()
        .filter(|l| !is_draht_line(&l.name))
        .map(|l| l.raw(card))
        .collect()
}

fn is_draht_line(name: &str) -> bool {
    name == "REV" || name.starts_with("X-DRAHT-")
}

/// The card of `contact` for its synced folder: `stored` (the card as it
/// came, or `None`) with what draht changed patched in, then draht's own
/// lines and `REV` (`rev`) before `END:VCARD`.
pub fn render_card(
    stored: Option<&str>,
    contact: &Contact,
    draht: &DrahtProps,
    rev: DateTime<Utc>,
) -> String {
    let base = stored.map(strip_draht);
    let card = export_card(base.as_deref(), contact, None);
    with_draht_lines(&card, draht, rev)
}

fn with_draht_lines(card: &str, draht: &DrahtProps, rev: DateTime<Utc>) -> String {
    let end = line_end(card);
    let mut lines: Vec<String> = Vec::new();
    let mut push = |line: String| {
        let folded = fold(&line);
        lines.push(match end {
            "\n" => folded.replace("\r\n", "\n"),
            _ => folded,
        });
    };
    push(format!("REV:{}", stamp_text(rev)));
    push(format!("X-DRAHT-SPHERE:{}", draht.sphere.as_str()));
    if let Some(days) = draht.cadence_days {
        push(format!("X-DRAHT-CADENCE:{days}"));
    }
    if let Some(day) = draht.cadence_from.filter(|_| draht.cadence_days.is_some()) {
        push(format!("X-DRAHT-CADENCE-FROM:{}", day.format("%Y-%m-%d")));
    }
    if let Some(channel) = draht.min_channel {
        push(format!("X-DRAHT-MIN-CHANNEL:{}", channel.as_str()));
    }
    if let Some(day) = draht.snoozed_until {
        push(format!("X-DRAHT-SNOOZED-UNTIL:{}", day.format("%Y-%m-%d")));
    }
    if let Some(at) = draht.created_at {
        push(format!("X-DRAHT-CREATED:{}", stamp_text(at)));
    }
    for hook in sorted_hooks(&draht.hooks) {
        let mut line = format!(
            "X-DRAHT-HOOK;X-KIND={};X-CREATED={}",
            hook.kind.as_str(),
            stamp_text(hook.created_at)
        );
        if let Some(used) = hook.used_at {
            line.push_str(&format!(";X-USED={}", stamp_text(used)));
        }
        line.push(':');
        line.push_str(&escape(&hook.text));
        push(line);
    }
    let kept: Vec<_> = content_lines(card)
        .into_iter()
        .filter(|l| !is_draht_line(&l.name))
        .collect();
    let end_at = kept
        .iter()
        .rposition(|l| l.name == "END")
        .unwrap_or(kept.len());
    let mut out = String::with_capacity(card.len() + lines.iter().map(String::len).sum::<usize>());
    for (i, line) in kept.iter().enumerate() {
        if i == end_at {
            lines.iter().for_each(|l| out.push_str(l));
        }
        out.push_str(line.raw(card));
    }
    if end_at == kept.len() {
        lines.iter().for_each(|l| out.push_str(l));
    }
    out
}

/// Hooks in a fixed order, so that a card's text does not change with the
/// order the store lists them in.
fn sorted_hooks(hooks: &[HookProp]) -> Vec<&HookProp> {
    let mut hooks: Vec<&HookProp> = hooks.iter().collect();
    hooks.sort_by(|a, b| {
        (a.created_at, a.kind.as_str(), &a.text).cmp(&(b.created_at, b.kind.as_str(), &b.text))
    });
    hooks
}

/// `card` with the lines of each property in `names` as `other` has them
/// (a property `other` lacks is removed): how a merge takes an address or
/// a photo from the other side. A group (`item1.URL` with its
/// `item1.X-ABLabel`) goes by the property it labels.
pub fn take_properties(card: &str, other: &str, names: &[String]) -> String {
    if names.is_empty() {
        return card.to_string();
    }
    let wanted = |key: &Option<String>| key.as_ref().is_some_and(|k| names.contains(k));
    let end = line_end(card);
    let taken: String = keyed_lines(other)
        .into_iter()
        .filter(|(_, key)| wanted(key))
        .map(|(line, _)| {
            let text = line.raw(other);
            match end {
                "\n" => text.replace("\r\n", "\n"),
                _ if !text.contains("\r\n") => text.replace('\n', "\r\n"),
                _ => text.to_string(),
            }
        })
        .collect();
    let lines = keyed_lines(card);
    let end_at = lines
        .iter()
        .rposition(|(l, _)| l.name == "END")
        .unwrap_or(lines.len());
    let mut out = String::with_capacity(card.len() + taken.len());
    for (i, (line, key)) in lines.iter().enumerate() {
        if i == end_at {
            out.push_str(&taken);
        }
        if !wanted(key) {
            out.push_str(line.raw(card));
        }
    }
    if end_at == lines.len() {
        out.push_str(&taken);
    }
    out
}

/// Each content line of `card` with the property it belongs to, for the
/// properties draht does not read (`None` for the others): its own name,
/// or for a line of a group the name of the group's property (the first
/// that is not a label), so that `item1.URL` and `item1.X-ABLabel` are one
/// property. A group that holds a property draht reads (an e-mail with its
/// label) is draht's whole.
fn keyed_lines(card: &str) -> Vec<(super::vcard_lines::ContentLine, Option<String>)> {
    let lines = content_lines(card);
    let mut groups: BTreeMap<String, String> = BTreeMap::new();
    for line in &lines {
        if let Some(group) = &line.group {
            let key = group.to_ascii_lowercase();
            let main = groups.entry(key).or_insert_with(|| line.name.clone());
            if OWNED.contains(&line.name.as_str()) {
                *main = String::new(); // draht's
            } else if main == "X-ABLABEL" && line.name != "X-ABLABEL" {
                *main = line.name.clone();
            }
        }
    }
    lines
        .into_iter()
        .map(|line| {
            let key = match &line.group {
                Some(group) => groups
                    .get(&group.to_ascii_lowercase())
                    .filter(|main| !main.is_empty())
                    .cloned(),
                None => Some(line.name.clone()),
            };
            let key = key.filter(|k| {
                !k.is_empty() && !OWNED.contains(&k.as_str()) && !is_draht_line(k) && k != "X-ABUID"
            });
            (line, key)
        })
        .collect()
}

/// The fields a sync compares for one contact: the card's own fields, the
/// draht fields, and each property draht does not read (by name, as
/// `card:ADR`), from `text` (the card; for a contact without a card, the
/// card draht writes has none).
pub fn card_fields(card: &CardContact, draht: Option<&DrahtProps>, text: &str) -> Fields {
    let mut f = Fields::new();
    f.set("name", card.name.trim());
    f.set("nickname", card.nickname.clone().unwrap_or_default());
    f.set("company", card.company.clone().unwrap_or_default());
    f.set("role", card.role.clone().unwrap_or_default());
    f.set_sorted(
        "emails",
        card.emails
            .iter()
            .map(|h| format!("{}\t{}", h.value, h.label.as_deref().unwrap_or_default())),
    );
    f.set_sorted(
        "phones",
        card.phones
            .iter()
            .map(|h| format!("{}\t{}", h.value, h.label.as_deref().unwrap_or_default())),
    );
    f.set(
        "birthday",
        card.birthday.map(|b| b.to_iso()).unwrap_or_default(),
    );
    f.set("notes", card.notes.clone().unwrap_or_default());
    f.set_sorted(
        "tags",
        card.tags
            .iter()
            .map(|t| normalize_tag(t))
            .filter(|t| !t.is_empty()),
    );
    if let Some(d) = draht {
        f.set("sphere", d.sphere.as_str());
        f.set(
            "cadence",
            d.cadence_days.map(|c| c.to_string()).unwrap_or_default(),
        );
        f.set(
            "cadence-from",
            d.cadence_from
                .filter(|_| d.cadence_days.is_some())
                .map(|c| c.to_string())
                .unwrap_or_default(),
        );
        f.set(
            "min-channel",
            d.min_channel.map(Channel::as_str).unwrap_or_default(),
        );
        f.set(
            "snoozed",
            d.snoozed_until.map(|c| c.to_string()).unwrap_or_default(),
        );
        f.set("created", d.created_at.map(stamp_text).unwrap_or_default());
        f.set_sorted(
            "hooks",
            d.hooks.iter().map(|h| {
                format!(
                    "{}\t{}\t{}\t{}",
                    h.kind.as_str(),
                    stamp_text(h.created_at),
                    h.used_at.map(stamp_text).unwrap_or_default(),
                    h.text.trim()
                )
            }),
        );
    }
    for (name, lines) in unowned(text) {
        f.set(format!("card:{name}"), lines.join("\n"));
    }
    f
}

/// The properties of a card draht does not read, by name (see
/// [`keyed_lines`]): each line unfolded, without its group, its parameters
/// in order, sorted.
fn unowned(card: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (line, key) in keyed_lines(card) {
        let Some(key) = key else {
            continue;
        };
        let unfolded = line.unfolded(card);
        let bare = match &line.group {
            Some(g) => unfolded.get(g.len() + 1..).unwrap_or(&unfolded),
            None => &unfolded,
        };
        out.entry(key).or_default().push(canonical_line(bare));
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}

/// A content line with its name upper-cased and its parameters (keys
/// upper-cased) in order, so that a server that writes them otherwise
/// gives the same field.
fn canonical_line(line: &str) -> String {
    let Some((name, params, value)) = split_line(line) else {
        return line.to_string();
    };
    let mut params: Vec<String> = params
        .into_iter()
        .map(|(k, v)| format!("{}={}", k.to_ascii_uppercase(), v))
        .collect();
    params.sort();
    let mut out = name;
    for p in params {
        out.push(';');
        out.push_str(&p);
    }
    out.push(':');
    out.push_str(value);
    out
}

/// A content line's parameters: (name, value) pairs, quotes removed.
pub(crate) type Params = Vec<(String, String)>;

/// An unfolded content line's name (upper-cased, without group),
/// parameters (quotes removed) and raw value.
pub(crate) fn split_line(line: &str) -> Option<(String, Params, &str)> {
    let mut quoted = false;
    let mut value_at = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                value_at = Some(i);
                break;
            }
            _ => {}
        }
    }
    let value_at = value_at?;
    let head = &line[..value_at];
    let mut parts = split_unquoted(head, ';').into_iter();
    let name = parts.next()?;
    let name = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim()
        .to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().trim_matches('"').to_string()),
            None => (String::new(), p.trim().to_string()),
        })
        .collect();
    Some((name, params, &line[value_at + 1..]))
}

fn split_unquoted(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// A text value escaped as vCard and iCalendar want it.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            c => out.push(c),
        }
    }
    out
}

/// A text value read back.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A UTC stamp as `20261101T090000Z`.
pub(crate) fn stamp_text(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Reads `20261101T090000Z`, `2026-11-01T09:00:00Z` and the like; a time
/// without a zone is read as UTC (khard writes its local time so).
pub(crate) fn stamp(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let bare = text.trim_end_matches(['Z', 'z']);
    let compact: String = bare.chars().filter(|c| *c != '-' && *c != ':').collect();
    NaiveDateTime::parse_from_str(&compact, "%Y%m%dT%H%M%S")
        .ok()
        .map(|naive| naive.and_utc())
}

#[cfg(test)]
mod tests;
