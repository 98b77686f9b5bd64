//! `--vdir DIR`: every synthetic contact as a minimal vCard 3.0 file, the
//! fixture `bench/compare.sh` lists with khard.

use std::fmt::Write as _;
use std::path::Path;

use super::Person;

/// Every contact as a minimal vCard 3.0 file named by its UID.
pub fn write_vdir(dir: &Path, people: &[Person]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for p in people {
        let mut card = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        let (given, family) = p.name.split_once(' ').unwrap_or((&p.name, ""));
        let _ = write!(card, "UID:{}\r\n", p.uid);
        let _ = write!(card, "FN:{}\r\n", escape(&p.name));
        let _ = write!(card, "N:{};{};;;\r\n", escape(family), escape(given));
        if let Some(nick) = &p.nickname {
            let _ = write!(card, "NICKNAME:{}\r\n", escape(nick));
        }
        if let Some(company) = p.company {
            let _ = write!(card, "ORG:{}\r\n", escape(company));
        }
        if let Some(role) = p.role {
            let _ = write!(card, "TITLE:{}\r\n", escape(role));
        }
        for e in &p.emails {
            let _ = write!(card, "EMAIL;TYPE=INTERNET:{e}\r\n");
        }
        if let Some(ph) = &p.phone {
            let _ = write!(card, "TEL;TYPE=CELL:{ph}\r\n");
        }
        if let Some(b) = &p.birthday {
            // vCard 3.0 year-less form is --MMDD.
            let bday = match b.strip_prefix("--") {
                Some(md) => format!("--{}", md.replace('-', "")),
                None => b.clone(),
            };
            let _ = write!(card, "BDAY:{bday}\r\n");
        }
        if !p.tags.is_empty() {
            let _ = write!(card, "CATEGORIES:{}\r\n", p.tags.join(","));
        }
        card.push_str("END:VCARD\r\n");
        let path = dir.join(format!("{}.vcf", p.uid));
        std::fs::write(&path, card).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// vCard 3.0 text escaping.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}
