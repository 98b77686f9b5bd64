//! A card's text as content lines, and property lines written back.
//!
//! An export keeps a card's text as it came and replaces only the lines of
//! the properties draht changed, so it needs to know where each content
//! line (a property with its folded continuations) starts and ends, and
//! which property it is. [`content_lines`] finds that without decoding any
//! value; `calcard` decodes the values where draht reads them.
//!
//! Folding: a line that starts with a space or tab continues the one
//! before (RFC 6350 §3.2). vCard 2.1's quoted-printable values continue
//! after a line that ends in `=` (a soft line break), with no space on the
//! next line. Some writers end the last such value of a card with a soft
//! break, which would swallow the `END:VCARD` line into the value: a soft
//! break right before `END:VCARD` ends the value instead.
//!
//! [`property_line`] writes one property through `calcard` and then drops
//! the `CHARSET` parameter that calcard adds to non-ASCII values in 3.0
//! (`CHARSET` is vCard 2.1; a 3.0 card is UTF-8 throughout).

use std::borrow::Cow;
use std::ops::Range;

use calcard::vcard::VCardEntry;

use super::vcard::VcardVersion;

/// Octets per physical line before a fold (RFC 6350 §3.2).
const FOLD_AT: usize = 75;

/// One content line of a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ContentLine {
    /// Where the line lies in the card's text, folds and line end included.
    pub span: Range<usize>,
    /// The property name, upper-cased, without its group (`EMAIL`).
    pub name: String,
    /// The group, as written (`item1`).
    pub group: Option<String>,
    /// Whether its parameters say `ENCODING=QUOTED-PRINTABLE`.
    pub quoted_printable: bool,
}

impl ContentLine {
    /// The line's text as it is in `card`.
    pub fn raw<'a>(&self, card: &'a str) -> &'a str {
        card.get(self.span.clone()).unwrap_or_default()
    }

    /// The line without its folds and line end.
    pub fn unfolded(&self, card: &str) -> String {
        unfold(self.raw(card), self.quoted_printable)
    }
}

/// The content lines of one card's text, in order. Blank lines belong to
/// the line before them (or start an unnamed line at the very top), so the
/// spans cover the whole text.
pub(crate) fn content_lines(card: &str) -> Vec<ContentLine> {
    let mut lines: Vec<ContentLine> = Vec::new();
    let mut offset = 0;
    let mut soft_break = false;
    for physical in card.split_inclusive('\n') {
        let start = offset;
        offset += physical.len();
        let bare = physical.trim_end_matches(['\r', '\n']);
        let folded = bare.starts_with([' ', '\t']) || bare.is_empty();
        let continues = match lines.last() {
            Some(_) if folded => true,
            Some(_) if soft_break => !bare.eq_ignore_ascii_case("END:VCARD"),
            _ => false,
        };
        if continues && let Some(last) = lines.last_mut() {
            last.span.end = offset;
            soft_break = last.quoted_printable && bare.ends_with('=');
            continue;
        }
        let line = head(bare.trim_start_matches('\u{feff}'), start..offset);
        soft_break = line.quoted_printable && bare.ends_with('=');
        lines.push(line);
    }
    lines
}

/// Name, group and encoding of a line that starts a property.
fn head(text: &str, span: Range<usize>) -> ContentLine {
    let end = text.find([';', ':']).unwrap_or(text.len());
    let (group, name) = match text[..end].rsplit_once('.') {
        Some((group, name)) => (Some(group.to_string()), name),
        None => (None, &text[..end]),
    };
    let params = &text[end..param_end(text)];
    ContentLine {
        span,
        name: name.trim().to_ascii_uppercase(),
        group,
        quoted_printable: params
            .split(';')
            .any(|p| p.trim().eq_ignore_ascii_case("ENCODING=QUOTED-PRINTABLE"))
            || params
                .split(';')
                .any(|p| p.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE")),
    }
}

/// Where the value starts: the first `:` outside a quoted parameter value.
fn param_end(text: &str) -> usize {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return i,
            _ => {}
        }
    }
    text.len()
}

/// A line's text without folds and line end (a quoted-printable soft
/// break stays in, as `=`, for the decoder).
fn unfold(raw: &str, quoted_printable: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, physical) in raw.split_inclusive('\n').enumerate() {
        let bare = physical.trim_end_matches(['\r', '\n']);
        if i == 0 || quoted_printable && !bare.starts_with([' ', '\t']) {
            out.push_str(bare);
        } else {
            out.push_str(bare.get(1..).unwrap_or_default());
        }
    }
    out
}

/// The line end a card uses (`\r\n` unless its first line ends in `\n`
/// alone), for lines draht writes into it.
pub(crate) fn line_end(card: &str) -> &'static str {
    match card.find('\n') {
        Some(i) if !card[..i].ends_with('\r') => "\n",
        _ => "\r\n",
    }
}

/// The text `calcard` should parse for `card`: the `END:VCARD` after a
/// soft line break kept a line of its own (see the module docs), and each
/// `BDAY` marked `VALUE=text` (before any `VALUE` of its own), so that its date reaches draht as written
/// (calcard drops the day of `--04-12`, `1990-04-12` and 4.0's `--04-12`).
pub(crate) fn for_parser(card: &str) -> Cow<'_, str> {
    let lines = content_lines(card);
    let needs = lines.iter().any(|l| l.name == "BDAY" || l.quoted_printable);
    if !needs {
        return Cow::Borrowed(card);
    }
    let mut out = String::with_capacity(card.len() + 16);
    for line in &lines {
        let raw = line.raw(card);
        if line.name == "BDAY" {
            let text = raw.trim_start_matches('\u{feff}');
            let at = text.find([';', ':']).unwrap_or(text.len());
            let (name, rest) = text.split_at(at);
            // First, so that it wins over a `VALUE=date` of the card.
            out.push_str(name);
            out.push_str(";VALUE=text");
            out.push_str(rest);
        } else if line.quoted_printable {
            let end = raw.len() - raw.trim_end_matches(['\r', '\n']).len();
            let (body, ending) = raw.split_at(raw.len() - end);
            let body = body.strip_suffix('=').unwrap_or(body);
            out.push_str(&utf8_when_unsaid(body));
            out.push_str(ending);
        } else {
            out.push_str(raw);
        }
    }
    Cow::Owned(out)
}

/// A quoted-printable line that names no `CHARSET` but whose bytes are
/// UTF-8 (what every phone writes) marked `CHARSET=UTF-8`, so that it is
/// not read as Latin-1 ("GrÃ¼ÃŸe").
fn utf8_when_unsaid(line: &str) -> Cow<'_, str> {
    let at = param_end(line);
    let (head, value) = line.split_at(at);
    if head.to_ascii_uppercase().contains("CHARSET=") {
        return Cow::Borrowed(line);
    }
    let bytes = quoted_printable_bytes(value.get(1..).unwrap_or_default());
    if bytes.is_ascii() || std::str::from_utf8(&bytes).is_err() {
        return Cow::Borrowed(line);
    }
    let name_end = head.find(';').unwrap_or(head.len());
    Cow::Owned(format!(
        "{};CHARSET=UTF-8{}{value}",
        &head[..name_end],
        &head[name_end..]
    ))
}

/// The bytes a quoted-printable value stands for (soft breaks removed),
/// only to tell which character set they are in.
fn quoted_printable_bytes(value: &str) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                }
                _ => i += 1, // a soft break, or a stray `=`
            },
            b'\r' | b'\n' => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// One property written as a content line for `version`: calcard's
/// escaping of values and parameters, no `CHARSET`, folded at 75 octets,
/// ending in `\r\n`.
pub(crate) fn property_line(entry: &VCardEntry, version: VcardVersion) -> String {
    let mut written = String::new();
    // Writing into a String cannot fail.
    let _ = entry.write_to(&mut written, version == VcardVersion::V4);
    let mut line = written.replace("\r\n ", "");
    let line_len = line.trim_end_matches(['\r', '\n']).len();
    line.truncate(line_len);
    let value_at = param_end(&line);
    if let Some(at) = line[..value_at].find(";CHARSET=UTF-8") {
        line.replace_range(at..at + ";CHARSET=UTF-8".len(), "");
    }
    fold(&line)
}

/// `line` (one unfolded content line without its end) folded at 75
/// octets on character boundaries, each fold starting with a space, and
/// ended with `\r\n`.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / FOLD_AT * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(card: &str) -> Vec<String> {
        content_lines(card).into_iter().map(|l| l.name).collect()
    }

    #[test]
    fn folded_lines_belong_to_their_property_and_spans_cover_the_text() {
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:one\r\n  two\r\nitem1.EMAIL;TYPE=\"a:b\":x@y.z\r\nitem1.X-ABLabel:Club\r\n\r\nEND:VCARD\r\n";
        let lines = content_lines(card);
        assert_eq!(
            names(card),
            ["BEGIN", "VERSION", "NOTE", "EMAIL", "X-ABLABEL", "END"]
        );
        assert_eq!(lines[2].raw(card), "NOTE:one\r\n  two\r\n");
        assert_eq!(lines[2].unfolded(card), "NOTE:one two");
        assert_eq!(lines[3].group.as_deref(), Some("item1"));
        let joined: String = lines.iter().map(|l| l.raw(card)).collect();
        assert_eq!(joined, card);
    }

    #[test]
    fn a_quoted_printable_soft_break_continues_the_value_but_not_past_the_end() {
        let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb=\r\nEND:VCARD\r\n";
        assert_eq!(names(card), ["BEGIN", "VERSION", "NOTE", "END"]);
        let parsed = for_parser(card);
        assert!(
            parsed.contains("NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb\r\nEND:VCARD"),
            "{parsed}"
        );
    }

    #[test]
    fn birthdays_are_handed_to_the_parser_as_text() {
        let card = "BEGIN:VCARD\nBDAY:--0412\nitem2.BDAY;X-A=1:19900101\nBDAY;VALUE=date:--1224\nEND:VCARD\n";
        let parsed = for_parser(card);
        assert!(parsed.contains("\nBDAY;VALUE=text:--0412\n"), "{parsed}");
        assert!(
            parsed.contains("\nitem2.BDAY;VALUE=text;X-A=1:19900101\n"),
            "{parsed}"
        );
        assert!(
            parsed.contains("\nBDAY;VALUE=text;VALUE=date:--1224\n"),
            "{parsed}"
        );
    }

    #[test]
    fn a_written_3_0_line_has_no_charset_and_folds_on_character_boundaries() {
        let entry = VCardEntry::new(calcard::vcard::VCardProperty::Note)
            .with_value("ä".repeat(60).to_string());
        let line = property_line(&entry, VcardVersion::V3);
        assert!(!line.contains("CHARSET"), "{line}");
        for physical in line.split("\r\n") {
            assert!(physical.len() <= FOLD_AT, "{physical:?}");
        }
        let lines = content_lines(&line);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].unfolded(&line), format!("NOTE:{}", "ä".repeat(60)));
    }

    #[test]
    fn line_end_follows_the_card() {
        assert_eq!(line_end("BEGIN:VCARD\nEND:VCARD\n"), "\n");
        assert_eq!(line_end("BEGIN:VCARD\r\nEND:VCARD\r\n"), "\r\n");
        assert_eq!(line_end("BEGIN:VCARD"), "\r\n");
    }
}
