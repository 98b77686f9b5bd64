//! Reading what `draht import PATH` points at into a [`Batch`]: a `.vcf`
//! file, a vdir folder of `.vcf` files, or a CSV file.

use std::path::Path;

use super::csv::csv_batch;
use super::import::{Batch, Incoming, Origin, Rejected};
use super::vcard::read_card_texts;
use super::vdir::card_files;
use crate::error::{Error, Result};
use crate::t;

/// What kind of file an import reads.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Vcard,
    Csv,
    Json,
}

impl Format {
    pub const ACCEPTED: &'static str = "vcard, csv or json";
    /// The names `--format` takes, for a list in the user's language.
    pub const NAMES: [&'static str; 3] = ["vcard", "csv", "json"];

    pub fn from_name(input: &str) -> Option<Format> {
        match input.trim().to_lowercase().as_str() {
            "vcard" | "vcf" | "vdir" => Some(Format::Vcard),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format `--format` names, else the one the path suggests: a folder
    /// is a vdir; `.vcf`/`.vcard`, `.csv` and `.json` by extension; other
    /// files by their first characters (`BEGIN:VCARD`, `{`).
    pub fn detect(path: &Path, given: Option<Format>) -> Result<Format> {
        if path.is_dir() {
            return match given {
                None | Some(Format::Vcard) => Ok(Format::Vcard),
                Some(_) => Err(Error::input(t!(
                    "error-import-folder-format",
                    path = path.display().to_string()
                ))),
            };
        }
        if let Some(format) = given {
            return Ok(format);
        }
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "vcf" | "vcard" => return Ok(Format::Vcard),
            "csv" => return Ok(Format::Csv),
            "json" => return Ok(Format::Json),
            _ => {}
        }
        let text = read_text(path)?;
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start
            .get(..11)
            .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
        {
            Ok(Format::Vcard)
        } else if start.starts_with('{') {
            Ok(Format::Json)
        } else {
            Err(Error::input(t!(
                "error-import-kind",
                path = path.display().to_string(),
                formats = crate::error::either(&Format::NAMES.map(String::from))
            )))
        }
    }
}

/// Reads a vCard file, a vdir folder or a CSV file into one batch.
pub fn read_batch(path: &Path, format: Format) -> Result<Batch> {
    let mut batch = Batch::default();
    match format {
        Format::Vcard if path.is_dir() => {
            for file in card_files(path)? {
                let source = file.display().to_string();
                match read_text(&file) {
                    Ok(text) => vcard_batch(&source, &text, &mut batch),
                    Err(e) => batch.rejected.push(Rejected {
                        origin: Origin::file(&source),
                        reason: e.to_string(),
                    }),
                }
            }
        }
        Format::Vcard => {
            let text = read_text(path)?;
            vcard_batch(&path.display().to_string(), &text, &mut batch);
            if batch.records.is_empty() && batch.rejected.is_empty() && batch.groups.is_empty() {
                return Err(Error::input(t!(
                    "error-import-no-vcard",
                    path = path.display().to_string()
                )));
            }
        }
        Format::Csv => csv_batch(&path.display().to_string(), &read_text(path)?, &mut batch)?,
        Format::Json => {
            return Err(Error::input(t!("error-import-json-whole")));
        }
    }
    Ok(batch)
}

/// The text of a file, which must be UTF-8 (a byte order mark is left for
/// the reader to skip). A UTF-16 file, as some address books export, is
/// named as such; other text gets the hint for Windows' own encoding.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| {
        Error::input(t!(
            "error-import-read",
            path = path.display().to_string(),
            kind = match e.kind() {
                std::io::ErrorKind::NotFound => "missing",
                std::io::ErrorKind::PermissionDenied => "denied",
                _ => "other",
            },
            problem = e.to_string()
        ))
    })?;
    let not_utf8 = |encoding| Error::NotUtf8 {
        path: path.to_path_buf(),
        encoding,
        converted: converted(path),
    };
    if let Some(encoding) = utf16(&bytes) {
        return Err(not_utf8(Some(encoding)));
    }
    String::from_utf8(bytes).map_err(|_| not_utf8(None))
}

/// The encoding name iconv takes for UTF-16 `bytes`: `UTF-16` when they
/// start with its byte order mark, `UTF-16LE` or `UTF-16BE` when their
/// first characters are ASCII with a zero byte after or before each.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = || head.chunks_exact(2);
    if pairs().all(|p| p[1] == 0 && p[0] != 0) {
        Some("UTF-16LE")
    } else if pairs().all(|p| p[0] == 0 && p[1] != 0) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Where the hint puts the converted file: beside it, `-utf8` added to
/// its name (`contacts.csv` → `contacts-utf8.csv`).
fn converted(path: &Path) -> std::path::PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-utf8.{}", ext.to_string_lossy()),
        None => format!("{stem}-utf8"),
    };
    path.with_file_name(name)
}

/// Adds the cards of one `.vcf` text to `batch`, skipping group cards.
pub fn vcard_batch(source: &str, text: &str, batch: &mut Batch) {
    let groups = group_cards(text);
    for (index, card) in read_card_texts(text).into_iter().enumerate() {
        let number = index + 1;
        if groups.get(index).copied().unwrap_or(false) {
            batch.groups.push(Origin::card(source, number));
            continue;
        }
        match card {
            Ok(card) => batch.records.push(Incoming {
                origin: Origin::card(source, number),
                card: card.contact,
                cadence_days: None,
                sphere: None,
                vcard: Some(card.text),
                source: Some(card.source),
            }),
            Err(e) => batch.rejected.push(Rejected {
                origin: Origin::card(source, e.card),
                reason: e.reason,
            }),
        }
    }
}

/// For each card (split at `BEGIN:VCARD` lines, as the reader counts
/// them), whether it is a group: `KIND:group` (vCard 4) or Apple's
/// `X-ADDRESSBOOKSERVER-KIND:group`.
fn group_cards(text: &str) -> Vec<bool> {
    let mut groups = Vec::new();
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}').trim_end();
        if line.eq_ignore_ascii_case("BEGIN:VCARD") {
            groups.push(false);
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.split(';').next().unwrap_or(name);
        let name = name.rsplit('.').next().unwrap_or(name);
        let is_kind = name.eq_ignore_ascii_case("KIND")
            || name.eq_ignore_ascii_case("X-ADDRESSBOOKSERVER-KIND");
        if is_kind
            && value.trim().eq_ignore_ascii_case("group")
            && let Some(last) = groups.last_mut()
        {
            *last = true;
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_GROUPS: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Segelclub\r\nMEMBER:urn:uuid:1\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:3.0\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nFN:Familie\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Ben\r\nEND:VCARD\r\n";

    #[test]
    fn group_cards_are_skipped_and_counted() {
        let mut batch = Batch::default();
        vcard_batch("book.vcf", WITH_GROUPS, &mut batch);
        let names: Vec<&str> = batch.records.iter().map(|r| r.card.name.as_str()).collect();
        assert_eq!(names, ["Anna", "Ben"]);
        assert_eq!(
            batch.groups,
            [Origin::card("book.vcf", 2), Origin::card("book.vcf", 3)]
        );
        assert_eq!(batch.records[1].origin, Origin::card("book.vcf", 4));
    }

    #[test]
    fn broken_card_keeps_its_number_in_the_batch() {
        let mut batch = Batch::default();
        let text = include_str!("../../tests/fixtures/broken.vcf");
        vcard_batch("broken.vcf", text, &mut batch);
        assert_eq!(batch.rejected.len(), 1);
        assert_eq!(batch.rejected[0].origin.to_string(), "broken.vcf: card 2");
        assert!(batch.rejected[0].reason.contains("END:VCARD"));
    }

    #[test]
    fn format_comes_from_flag_extension_or_content() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("contacts.txt");
        std::fs::write(&odd, "\u{feff}begin:vcard\nFN:A\nEND:VCARD\n").unwrap();
        assert_eq!(Format::detect(&odd, None).unwrap(), Format::Vcard);
        std::fs::write(&odd, "{\"format\": \"draht-backup\"}").unwrap();
        assert_eq!(Format::detect(&odd, None).unwrap(), Format::Json);
        std::fs::write(&odd, "name,email\n").unwrap();
        let err = Format::detect(&odd, None).unwrap_err().to_string();
        assert!(err.contains("--format vcard, csv or json"), "{err}");
        assert_eq!(
            Format::detect(&odd, Some(Format::Csv)).unwrap(),
            Format::Csv
        );
        assert_eq!(
            Format::detect(Path::new("x.VCF"), None).unwrap(),
            Format::Vcard
        );
        assert!(Format::detect(dir.path(), Some(Format::Json)).is_err());
        assert_eq!(Format::detect(dir.path(), None).unwrap(), Format::Vcard);
    }

    #[test]
    fn file_that_is_not_utf8_is_refused_with_a_conversion_hint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.vcf");
        std::fs::write(&path, b"BEGIN:VCARD\nFN:J\xfcrgen\nEND:VCARD\n").unwrap();
        let err = read_batch(&path, Format::Vcard).unwrap_err().to_string();
        assert!(err.contains("not UTF-8") && err.contains("iconv"), "{err}");
        assert!(err.ends_with("latin1-utf8.vcf"), "{err}");
    }

    #[test]
    fn a_utf16_file_is_named_as_such_with_the_right_file_names() {
        let dir = tempfile::tempdir().unwrap();
        let utf16 = |text: &str, bom: &[u8], big: bool| -> Vec<u8> {
            let mut out = bom.to_vec();
            for unit in text.encode_utf16() {
                let bytes = if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                out.extend(bytes);
            }
            out
        };
        for (name, bytes, encoding) in [
            (
                "google.csv",
                utf16("name,email\nAnna,a@b.c\n", &[0xff, 0xfe], false),
                "UTF-16",
            ),
            (
                "backup.json",
                utf16("{\"format\": 1}", &[], false),
                "UTF-16LE",
            ),
            (
                "book.vcf",
                utf16("BEGIN:VCARD\r\n", &[0xfe, 0xff], true),
                "UTF-16",
            ),
            ("people", utf16("name\nAnna\n", &[], true), "UTF-16BE"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = read_text(&path).unwrap_err().to_string();
            let converted = converted(&path);
            assert_eq!(
                err,
                format!(
                    "{} is UTF-16 text, and draht reads UTF-8; convert it first: iconv -f {encoding} -t UTF-8 {} > {}",
                    path.display(),
                    path.display(),
                    converted.display()
                )
            );
            let expected = match name.split_once('.') {
                Some((stem, ext)) => format!("{stem}-utf8.{ext}"),
                None => format!("{name}-utf8"),
            };
            assert_eq!(converted.file_name().unwrap().to_string_lossy(), expected);
        }
        // short or plain text is not taken for UTF-16
        let plain = dir.path().join("a.csv");
        std::fs::write(&plain, "a\0").unwrap();
        assert!(read_text(&plain).is_ok());
    }

    #[test]
    fn missing_file_says_what_can_be_imported() {
        let err = read_batch(Path::new("/nonexistent/x.vcf"), Format::Vcard)
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot read /nonexistent/x.vcf"), "{err}");
    }
}
