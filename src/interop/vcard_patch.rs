//! Writing a stored card back with only what draht changed patched in,
//! and merging two cards into one.
//!
//! [`export_card`] starts from the card as it came (in its own version, or
//! converted: see `vcard_convert`), reads it as an import would, and
//! compares each field draht owns with the contact:
//!
//! | field        | when it differs                                          |
//! |--------------|----------------------------------------------------------|
//! | UID          | the card's `UID` is replaced (or added after `VERSION`)  |
//! | name         | the first `FN` is replaced; `N` follows the words that changed (prefix and suffix kept) when it spelled the old name, else it stays |
//! | nickname, role, birthday, notes | that property's lines give way to one line |
//! | company      | the first component of `ORG` (a department stays)        |
//! | e-mails, phones | each unchanged address keeps its line (group, types, label); removed ones go, new ones are added |
//! | tags         | one `CATEGORIES` (Google's `myContacts` kept)            |
//!
//! Every other line stays byte for byte. A 3.0 card gets the `N` and `FN`
//! it must have. So an import followed by an export gives the card back
//! except for what draht owns, and an export re-imported exports the same
//! bytes.

use calcard::vcard::{VCardEntry, VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::vcard::{CardContact, VcardVersion};
use super::vcard_convert::{Written, to_version, translate};
use super::vcard_lines::{content_lines, for_parser, line_end, property_line};
use super::vcard_read::read_one_as_is;
use super::vcard_write::{birthday_text, n_parts, push_handle, text_entry, write_card};
use crate::model::{Contact, Handle};

/// The card to export for `contact`: its stored card (as it came, or as
/// merged) with what draht changed patched in, in the card's own version
/// (2.1 written as 3.0) unless `version` asks for another; without a
/// stored card, the card draht writes (4.0 unless asked).
pub fn export_card(
    stored: Option<&str>,
    contact: &Contact,
    version: Option<VcardVersion>,
) -> String {
    let Some(stored) = stored else {
        return write_card(contact, version.unwrap_or_default());
    };
    let version = version.unwrap_or_else(|| Written::of(stored).native());
    let base = to_version(stored, version);
    match read_one_as_is(&base) {
        Ok(card) => Patch::new(&base, version).apply(&card.contact, contact),
        Err(_) => write_card(contact, version),
    }
}

/// One line of a card being patched.
struct Line {
    name: String,
    group: Option<String>,
    text: String,
}

impl Line {
    fn new(name: &str, text: String) -> Line {
        Line {
            name: name.to_string(),
            group: None,
            text,
        }
    }
}

struct Patch {
    lines: Vec<Line>,
    version: VcardVersion,
    /// The card's line end, for the lines draht writes.
    end: &'static str,
}

impl Patch {
    fn new(card: &str, version: VcardVersion) -> Patch {
        let lines = content_lines(card)
            .into_iter()
            .map(|l| Line {
                text: l.raw(card).to_string(),
                name: l.name,
                group: l.group,
            })
            .collect();
        Patch {
            lines,
            version,
            end: line_end(card),
        }
    }

    fn apply(mut self, was: &CardContact, contact: &Contact) -> String {
        let now = CardContact::from(contact);
        if let Some(uid) = &now.uid
            && was.uid.as_ref() != Some(uid)
        {
            let line = self.line(&text_entry(VCardProperty::Uid, uid));
            self.replace_all("UID", vec![line], &["VERSION"]);
        }
        self.patch_name(was, &now);
        if was.nickname != now.nickname {
            let lines = self.optional(VCardProperty::Nickname, &now.nickname);
            self.replace_all("NICKNAME", lines, &["N", "FN"]);
        }
        if was.company != now.company {
            self.patch_company(&now.company);
        }
        if was.role != now.role {
            self.patch_role(&now.role);
        }
        if was.emails != now.emails {
            self.patch_handles(VCardProperty::Email, &now.emails);
        }
        if was.phones != now.phones {
            self.patch_handles(VCardProperty::Tel, &now.phones);
        }
        if was.birthday != now.birthday {
            let lines = now
                .birthday
                .map(|day| {
                    self.line(&text_entry(
                        VCardProperty::Bday,
                        &birthday_text(day, self.version),
                    ))
                })
                .into_iter()
                .collect();
            self.replace_all("BDAY", lines, &[]);
        }
        if was.notes != now.notes {
            let lines = self.optional(VCardProperty::Note, &now.notes);
            self.replace_all("NOTE", lines, &[]);
        }
        if sorted(&was.tags) != sorted(&now.tags) {
            self.patch_tags(&now.tags);
        }
        self.lines.into_iter().map(|l| l.text).collect()
    }

    /// `FN` and `N`, and the `FN` (and in 3.0 the `N`) a card must have.
    fn patch_name(&mut self, was: &CardContact, now: &CardContact) {
        let renamed = was.name != now.name;
        let fn_line = self.line(&text_entry(VCardProperty::Fn, &now.name));
        match self.position("FN") {
            Some(at) if renamed => self.lines[at].text = fn_line,
            Some(_) => {}
            None => self.insert_after(&["UID", "VERSION"], vec![Line::new("FN", fn_line)]),
        }
        match self.position("N") {
            Some(at) if renamed => {
                if let Some(line) = self.renamed_n(at, &was.name, &now.name) {
                    self.lines[at].text = line;
                }
            }
            Some(_) => {}
            None if self.version == VcardVersion::V3 => {
                let entry = VCardEntry::new(VCardProperty::N).with_values(
                    n_parts(&now.name)
                        .into_iter()
                        .map(VCardValue::Text)
                        .collect(),
                );
                let line = self.line(&entry);
                self.insert_after(&["FN"], vec![Line::new("N", line)]);
            }
            None => {}
        }
    }

    /// The `N` line at `at` for the new name, when its parts spelled the
    /// old one: words that changed are replaced in their part, so a prefix
    /// (`Dr.`) and a suffix stay where they are. `None` leaves `N` alone.
    fn renamed_n(&self, at: usize, old: &str, new: &str) -> Option<String> {
        let mut entry = self.parse(at)?;
        let parts: Vec<Vec<String>> = (0..5)
            .map(|i| match entry.values.get(i) {
                Some(VCardValue::Text(t)) => t.split_whitespace().map(str::to_string).collect(),
                Some(VCardValue::Component(c)) => c
                    .iter()
                    .flat_map(|t| t.split_whitespace())
                    .map(str::to_string)
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        // Display order: prefix, given, additional, family, suffix.
        let order = [3, 1, 2, 0, 4];
        let spelled: Vec<&str> = order
            .iter()
            .flat_map(|&i| parts[i].iter().map(String::as_str))
            .collect();
        let old_words: Vec<&str> = old.split_whitespace().collect();
        if spelled != old_words {
            return None;
        }
        let new_words: Vec<&str> = new.split_whitespace().collect();
        let mut new_parts: [String; 5] = Default::default();
        if new_words.len() == old_words.len() {
            let mut word = 0;
            for &i in &order {
                let count = parts[i].len();
                new_parts[i] = new_words[word..word + count].join(" ");
                word += count;
            }
        } else {
            let prefix = &parts[3];
            let suffix = &parts[4];
            let keeps_prefix =
                new_words.len() > prefix.len() && new_words[..prefix.len()] == prefix[..];
            let keeps_suffix = new_words.len() > suffix.len() + prefix.len()
                && new_words[new_words.len() - suffix.len()..] == suffix[..];
            let start = if keeps_prefix { prefix.len() } else { 0 };
            let end = new_words.len() - if keeps_suffix { suffix.len() } else { 0 };
            let rebuilt = n_parts(&new_words[start..end].join(" "));
            new_parts = [
                rebuilt[0].clone(),
                rebuilt[1].clone(),
                String::new(),
                if keeps_prefix {
                    prefix.join(" ")
                } else {
                    rebuilt[3].clone()
                },
                if keeps_suffix {
                    suffix.join(" ")
                } else {
                    rebuilt[4].clone()
                },
            ];
        }
        entry.values = new_parts.into_iter().map(VCardValue::Text).collect();
        Some(self.line(&entry))
    }

    fn patch_company(&mut self, company: &Option<String>) {
        let Some(company) = company else {
            return self.replace_all("ORG", Vec::new(), &[]);
        };
        if let Some(at) = self.position("ORG")
            && let Some(mut entry) = self.parse(at)
        {
            match entry.values.first_mut() {
                Some(first) => *first = VCardValue::Text(company.clone()),
                None => entry.values.push(VCardValue::Text(company.clone())),
            }
            self.lines[at].text = self.line(&entry);
            return;
        }
        let line = self.line(&text_entry(VCardProperty::Org, company));
        self.replace_all("ORG", vec![line], &["NICKNAME", "N", "FN"]);
    }

    /// The role came from `TITLE` (or `ROLE` without a title): the lines of
    /// that property give way; no role removes both.
    fn patch_role(&mut self, role: &Option<String>) {
        let Some(role) = role else {
            self.replace_all("TITLE", Vec::new(), &[]);
            return self.replace_all("ROLE", Vec::new(), &[]);
        };
        let (name, property) =
            if self.position("TITLE").is_none() && self.position("ROLE").is_some() {
                ("ROLE", VCardProperty::Role)
            } else {
                ("TITLE", VCardProperty::Title)
            };
        let line = self.line(&text_entry(property, role));
        self.replace_all(name, vec![line], &["ORG", "NICKNAME", "N", "FN"]);
    }

    /// E-mails or phones in `handles`' order, at the place of the first
    /// one: a handle the card already holds keeps its line (and its
    /// group's label), others are written new.
    fn patch_handles(&mut self, property: VCardProperty, handles: &[Handle]) {
        let name = property.as_str().to_ascii_uppercase();
        // Each old address with the label lines of its group.
        let mut old: Vec<(Handle, Vec<Line>)> = Vec::new();
        let mut first = None;
        let mut index = 0;
        while index < self.lines.len() {
            if self.lines[index].name != name {
                index += 1;
                continue;
            }
            first.get_or_insert(index);
            let line = self.lines.remove(index);
            let handle = self.read_handle(&line, &property);
            let mut unit = vec![line];
            if let Some(group) = unit[0].group.clone() {
                let mut at = 0;
                while at < self.lines.len() {
                    let label = &self.lines[at];
                    if label.name == "X-ABLABEL" && label.group.as_ref() == Some(&group) {
                        if at < index {
                            index -= 1;
                        }
                        unit.push(self.lines.remove(at));
                    } else {
                        at += 1;
                    }
                }
            }
            if let Some(handle) = handle {
                old.push((handle, unit));
            }
        }
        let mut groups = self.highest_item_group();
        let mut block = Vec::new();
        for handle in handles {
            if let Some(at) = old.iter().position(|(h, _)| h == handle) {
                block.extend(old.remove(at).1);
                continue;
            }
            let mut entries = Vec::new();
            push_handle(&mut entries, property.clone(), handle, &mut groups);
            for entry in entries {
                block.push(Line {
                    name: entry.name.as_str().to_ascii_uppercase(),
                    group: entry.group.clone(),
                    text: self.line(&entry),
                });
            }
        }
        let at = first.unwrap_or(usize::MAX).min(self.end_position());
        self.lines.splice(at..at, block);
    }

    fn patch_tags(&mut self, tags: &[String]) {
        let mut values: Vec<VCardValue> = Vec::new();
        for at in (0..self.lines.len()).filter(|&i| self.lines[i].name == "CATEGORIES") {
            if let Some(entry) = self.parse(at) {
                values.extend(entry.values.into_iter().filter(|v| {
                    matches!(v, VCardValue::Text(t) if t.trim().eq_ignore_ascii_case("mycontacts"))
                }));
            }
        }
        values.extend(tags.iter().map(|t| VCardValue::Text(t.clone())));
        let lines = if tags.is_empty() && values.is_empty() {
            Vec::new()
        } else {
            vec![self.line(&VCardEntry::new(VCardProperty::Categories).with_values(values))]
        };
        self.replace_all("CATEGORIES", lines, &[]);
    }

    /// The handle a card's `EMAIL` or `TEL` line holds, read with its
    /// group's label as an import reads it.
    fn read_handle(&self, line: &Line, property: &VCardProperty) -> Option<Handle> {
        let mut card = format!("BEGIN:VCARD\r\nVERSION:{}\r\n", self.version.as_str());
        card.push_str(&line.text);
        if let Some(group) = &line.group {
            for label in self
                .lines
                .iter()
                .filter(|l| l.name == "X-ABLABEL" && l.group.as_ref() == Some(group))
            {
                card.push_str(&label.text);
            }
        }
        card.push_str("FN:x\r\nEND:VCARD\r\n");
        let read = read_one_as_is(&card).ok()?.contact;
        match property {
            VCardProperty::Email => read.emails.into_iter().next(),
            _ => read.phones.into_iter().next(),
        }
    }

    /// The highest `itemN` group in use, so new groups do not clash.
    fn highest_item_group(&self) -> usize {
        self.lines
            .iter()
            .filter_map(|l| l.group.as_ref())
            .filter_map(|g| g.to_ascii_lowercase().strip_prefix("item")?.parse().ok())
            .max()
            .unwrap_or(0)
    }

    /// The line at `at` as calcard reads it (in this card's version).
    fn parse(&self, at: usize) -> Option<VCardEntry> {
        let card = format!(
            "BEGIN:VCARD\r\nVERSION:{}\r\n{}END:VCARD\r\n",
            self.version.as_str(),
            self.lines[at].text
        );
        let Entry::VCard(parsed) = Parser::new(&for_parser(&card)).entry() else {
            return None;
        };
        let mut entry = parsed
            .entries
            .into_iter()
            .find(|e| !matches!(e.name, VCardProperty::Version))?;
        translate(&mut entry, self.version);
        Some(entry)
    }

    /// `property` with `value`, or no line.
    fn optional(&self, property: VCardProperty, value: &Option<String>) -> Vec<String> {
        value
            .iter()
            .map(|v| self.line(&text_entry(property.clone(), v)))
            .collect()
    }

    /// One property as a line of this card (its version and line end).
    fn line(&self, entry: &VCardEntry) -> String {
        let line = property_line(entry, self.version);
        match self.end {
            "\n" => line.replace("\r\n", "\n"),
            _ => line,
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.lines.iter().position(|l| l.name == name)
    }

    /// Where new lines go by default: before `END:VCARD`.
    fn end_position(&self) -> usize {
        self.lines
            .iter()
            .rposition(|l| l.name == "END")
            .unwrap_or(self.lines.len())
    }

    /// Replaces every line of property `name` by `texts`, at the place of
    /// the first; without one, after the last line of the first of `after`
    /// that the card has, else before `END:VCARD`.
    fn replace_all(&mut self, name: &str, texts: Vec<String>, after: &[&str]) {
        let first = self.position(name);
        self.lines.retain(|l| l.name != name);
        let lines: Vec<Line> = texts
            .into_iter()
            .map(|text| Line::new(name, text))
            .collect();
        match first {
            Some(at) => {
                let at = at.min(self.end_position());
                self.lines.splice(at..at, lines);
            }
            None => self.insert_after(after, lines),
        }
    }

    fn insert_after(&mut self, after: &[&str], lines: Vec<Line>) {
        let at = after
            .iter()
            .find_map(|name| self.lines.iter().rposition(|l| l.name == *name))
            .map(|at| at + 1)
            .unwrap_or_else(|| self.end_position());
        self.lines.splice(at..at, lines);
    }
}

fn sorted(tags: &[String]) -> Vec<String> {
    let mut tags = tags.to_vec();
    tags.sort();
    tags.dedup();
    tags
}

/// Properties whose value comes from the contact's record: a merge takes
/// them from the merged contact, not from either card.
pub(super) const OWNED: [&str; 16] = [
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "UID",
    "FN",
    "N",
    "NICKNAME",
    "ORG",
    "TITLE",
    "ROLE",
    "EMAIL",
    "TEL",
    "BDAY",
    "NOTE",
    "CATEGORIES",
];

/// Properties a card holds at most once (RFC 6350's cardinality `*1`): a
/// merge adds the second card's only when the first has none. Others
/// (photos, addresses, URLs…) are added unless the first has the same.
const SINGLE: [&str; 7] = [
    "GENDER",
    "KIND",
    "ANNIVERSARY",
    "BIRTHPLACE",
    "DEATHPLACE",
    "DEATHDATE",
    "REV",
];

/// One card for two cards of the same person: `first` as it is, with the
/// lines of `second` that `first` lacks (a photo, an address, a URL with
/// its label, X- properties…) added before its end, in `first`'s version
/// and with groups renamed so they do not clash. The properties draht
/// owns come from the merged contact when the card is exported, so the
/// second card's are not copied; neither is its `REV` nor Apple's
/// `X-ABUID`, which name the second card.
pub fn merge_cards(first: &str, second: &str) -> String {
    let version = Written::of(first).native();
    let first_text = to_version(first, version);
    let second_text = to_version(second, version);
    let mut patch = Patch::new(&first_text, version);
    let other = Patch::new(&second_text, version);
    let bare = |line: &Line| -> String {
        let text = line.text.replace("\r\n ", "").replace("\n ", "");
        let text = text.trim_end();
        let skip = line.group.as_ref().map_or(0, |g| g.len() + 1);
        text.get(skip..).unwrap_or(text).to_string()
    };
    let present: Vec<String> = patch.lines.iter().map(bare).collect();
    let mut groups = patch.highest_item_group();
    let mut added: Vec<Line> = Vec::new();
    let mut done_groups: Vec<String> = Vec::new();
    for line in &other.lines {
        let skip = OWNED.contains(&line.name.as_str()) || line.name == "X-ABUID";
        match &line.group {
            None if skip || line.name == "X-ABLABEL" => {}
            None if SINGLE.contains(&line.name.as_str()) => {
                if patch.position(&line.name).is_none() {
                    added.push(Line {
                        text: line.text.clone(),
                        name: line.name.clone(),
                        group: None,
                    });
                }
            }
            None => {
                if !present.contains(&bare(line)) {
                    added.push(Line {
                        text: line.text.clone(),
                        name: line.name.clone(),
                        group: None,
                    });
                }
            }
            Some(group) => {
                if done_groups.contains(group) {
                    continue;
                }
                done_groups.push(group.clone());
                let members: Vec<&Line> = other
                    .lines
                    .iter()
                    .filter(|l| l.group.as_ref() == Some(group))
                    .collect();
                let owned = members
                    .iter()
                    .any(|l| OWNED.contains(&l.name.as_str()) || l.name == "X-ABUID");
                let known = members.iter().all(|l| present.contains(&bare(l)));
                if owned || known {
                    continue;
                }
                groups += 1;
                for member in members {
                    let rest = member.text.get(group.len() + 1..).unwrap_or(&member.text);
                    let text = format!("item{groups}.{rest}");
                    added.push(Line {
                        text,
                        name: member.name.clone(),
                        group: Some(format!("item{groups}")),
                    });
                }
            }
        }
    }
    if patch.end == "\n" {
        for line in &mut added {
            line.text = line.text.replace("\r\n", "\n");
        }
    } else {
        for line in &mut added {
            if !line.text.ends_with("\r\n") {
                line.text = line.text.replace('\n', "\r\n");
            }
        }
    }
    let at = patch.end_position();
    patch.lines.splice(at..at, added);
    patch.lines.into_iter().map(|l| l.text).collect()
}

/// Whether two cards of one person differ in a property draht does not
/// own (a photo, an address, an X- property…), whatever their versions,
/// folding, group names and order.
pub fn other_properties_differ(a: &str, b: &str) -> bool {
    let version = Written::of(a).native();
    unowned(&to_version(a, version)) != unowned(&to_version(b, version))
}

/// The unfolded lines of properties draht does not own (without group
/// names), sorted; a group with an owned property (an e-mail with its
/// label) is left out whole.
fn unowned(card: &str) -> Vec<String> {
    let patch = Patch::new(card, VcardVersion::V3);
    let owned_groups: Vec<&String> = patch
        .lines
        .iter()
        .filter(|l| OWNED.contains(&l.name.as_str()))
        .filter_map(|l| l.group.as_ref())
        .collect();
    let mut lines: Vec<String> = patch
        .lines
        .iter()
        .filter(|l| !OWNED.contains(&l.name.as_str()) && l.name != "X-ABUID")
        .filter(|l| l.group.as_ref().is_none_or(|g| !owned_groups.contains(&g)))
        .map(|l| {
            let text = l.text.replace("\r\n ", "").replace("\n ", "");
            let text = text.trim_end();
            let skip = l.group.as_ref().map_or(0, |g| g.len() + 1);
            text.get(skip..).unwrap_or(text).to_string()
        })
        .collect();
    lines.sort();
    lines
}

#[cfg(test)]
mod tests;
