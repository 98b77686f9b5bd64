//! SMS Backup & Restore (SyncTech): `sms-….xml` with `<sms>` and `<mms>`
//! elements and `calls-….xml` with `<call>` elements, attribute for
//! attribute as the app writes them (its published field list), newest
//! app version's prolog and comment.

use std::io::Write;
use std::path::Path;

use chrono::DateTime;

use super::book::{Book, Skewed, written};
use super::{Span, Written, create, message};

/// Who a text or call is with.
enum Who {
    /// A contact's number (the contact's index), written some way.
    Contact(usize, String),
    /// A person the book does not have.
    Stranger(String),
    /// A sender that is no person: a name or a short code.
    Machine(&'static str),
}

impl Who {
    fn address(&self) -> &str {
        match self {
            Who::Contact(_, n) | Who::Stranger(n) => n,
            Who::Machine(m) => m,
        }
    }

    fn is_contact(&self) -> bool {
        matches!(self, Who::Contact(..))
    }
}

const MACHINES: &[&str] = &[
    "DHL",
    "Amazon",
    "Vodafone",
    "PayPal",
    "Sparkasse",
    "DB Bahn",
    "88888",
    "22122",
    "80888",
    "Telekom",
];

/// The people of one file and how often each is picked.
struct People<'a> {
    book: &'a Book,
    with_phones: Vec<usize>,
    skew: Skewed,
    strangers: Vec<String>,
    stranger_skew: Skewed,
}

impl<'a> People<'a> {
    fn new(rng: &mut fastrand::Rng, book: &'a Book) -> People<'a> {
        let mut with_phones = book.with_phones();
        rng.shuffle(&mut with_phones);
        let strangers = book.strangers(rng, 3_000);
        People {
            skew: Skewed::new(with_phones.len()),
            with_phones,
            stranger_skew: Skewed::new(strangers.len()),
            strangers,
            book,
        }
    }

    /// Someone: a contact `contact` % of the time (when any has a number),
    /// a machine `machine` %, else a stranger.
    fn pick(&self, rng: &mut fastrand::Rng, contact: u32, machine: u32) -> Who {
        let x = rng.u32(..100);
        if x < contact && !self.with_phones.is_empty() {
            let i = self.with_phones[self.skew.pick(rng)];
            let c = &self.book.contacts[i];
            let k = rng.usize(..c.e164.len());
            Who::Contact(i, written(rng, &c.raw[k], &c.e164[k]))
        } else if x < contact + machine {
            Who::Machine(MACHINES[rng.usize(..MACHINES.len())])
        } else {
            Who::Stranger(self.strangers[self.stranger_skew.pick(rng)].clone())
        }
    }

    fn name(&self, who: &Who) -> String {
        match who {
            Who::Contact(i, _) => xml(&self.book.contacts[*i].name),
            _ => "(Unknown)".to_string(),
        }
    }
}

/// Text as an XML attribute value, the way the app escapes it.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

fn readable(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|d| d.format("%d.%m.%Y %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// Base64-looking bytes, the shape of an MMS photo's `data`.
fn photo(rng: &mut fastrand::Rng, len: usize) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::from("/9j/4AAQSkZJRgABAQ");
    s.extend((0..len).map(|_| ABC[rng.usize(..64)] as char));
    s
}

/// The XML declaration, the app's comment and the root element `root`
/// that SMS Backup & Restore opens each backup with; `set` is the fixed
/// head of its backup-set UUID, the tail is random.
fn header(
    f: &mut impl Write,
    rng: &mut fastrand::Rng,
    span: &Span,
    root: &str,
    set: &str,
    n: usize,
) -> std::io::Result<()> {
    let end = span.end.timestamp_millis();
    write!(
        f,
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n\
         <!--File Created By SMS Backup & Restore v10.22.001 on {}-->\n\
         <{root} count=\"{n}\" backup_set=\"{set}{:012x}\" backup_date=\"{end}\" type=\"full\">\n",
        readable(end),
        rng.u64(..1 << 48),
    )
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// `n` texts: one in fifty an MMS (a photo, or a text to a group), the
/// rest SMS; two in a hundred drafts, outbox or failed.
pub fn texts(
    rng: &mut fastrand::Rng,
    book: &Book,
    span: &Span,
    n: usize,
    path: &Path,
) -> Result<Written, String> {
    let people = People::new(rng, book);
    let at = span.instants(rng, n);
    let mut f = create(path)?;
    let err = io(path);
    header(&mut f, rng, span, "smses", "8f3c2a5e-1b7d-4e8a-9c41-", n).map_err(&err)?;
    let mut touches = 0u64;
    for &date in &at {
        if rng.u32(..50) == 0 {
            touches += mms(rng, &people, date, &mut f).map_err(&err)?;
            continue;
        }
        let who = people.pick(rng, 62, 12);
        let kind = match rng.u32(..100) {
            0..55 => 1,
            55..98 => 2,
            _ => 3 + rng.u32(..4),
        };
        if matches!(kind, 1 | 2) && who.is_contact() {
            touches += 1;
        }
        let (sc, sent_at) = if kind == 1 {
            (
                "+491710760000".to_string(),
                (date - rng.i64(0..5000)).to_string(),
            )
        } else {
            ("null".to_string(), "0".to_string())
        };
        writeln!(
            f,
            r#"  <sms protocol="0" address="{}" date="{date}" type="{kind}" subject="null" body="{}" toa="null" sc_toa="null" service_center="{sc}" read="1" status="-1" locked="0" date_sent="{sent_at}" sub_id="1" readable_date="{}" contact_name="{}" />"#,
            xml(who.address()),
            xml(&message(rng)),
            readable(date),
            people.name(&who),
        )
        .map_err(&err)?;
    }
    writeln!(f, "</smses>").map_err(&err)?;
    f.flush().map_err(&err)?;
    Ok(Written {
        path: path.to_path_buf(),
        records: n as u64,
        touches,
    })
}

/// One MMS; 1 when it is a touch with a contact.
fn mms(
    rng: &mut fastrand::Rng,
    people: &People,
    date: i64,
    f: &mut impl Write,
) -> std::io::Result<u64> {
    let sent = rng.bool();
    let others: Vec<Who> = if sent && rng.u32(..3) == 0 {
        // A text to a group: two to four people, each once.
        let mut group: Vec<Who> = Vec::new();
        let size = 2 + rng.usize(..3);
        let mut tries = 0;
        while group.len() < size && tries < 50 {
            tries += 1;
            let w = people.pick(rng, 70, 0);
            let same = |g: &Who| match (g, &w) {
                (Who::Contact(a, _), Who::Contact(b, _)) => a == b,
                (Who::Stranger(a), Who::Stranger(b)) => a == b,
                _ => false,
            };
            if !group.iter().any(same) {
                group.push(w);
            }
        }
        group
    } else {
        vec![people.pick(rng, 70, 5)]
    };
    let touch = u64::from(others.iter().any(Who::is_contact));
    let address: Vec<&str> = others.iter().map(Who::address).collect();
    let name = if others.len() == 1 {
        people.name(&others[0])
    } else {
        others
            .iter()
            .map(|w| people.name(w))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        f,
        r#"  <mms date="{date}" rr="129" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="{}" address="{}" sub_cs="null" resp_st="null" retr_st="null" d_tm="null" text_only="{}" exp="604800" locked="0" m_id="mavodi-{:x}" st="null" retr_txt_cs="null" retr_txt="null" creator="com.google.android.apps.messaging" date_sent="0" read="1" m_size="0" rpt_a="null" ct_cls="null" pri="129" sub_id="1" tr_id="T{:x}" resp_txt="null" ct_l="null" m_cls="personal" d_rpt="129" v="18" _id="{}" m_type="{}" readable_date="{}" contact_name="{name}">"#,
        if sent { 2 } else { 1 },
        xml(&address.join("~")),
        u8::from(others.len() > 1),
        rng.u64(..),
        rng.u64(..),
        rng.u32(..1_000_000),
        if sent { 128 } else { 132 },
        readable(date),
    )?;
    writeln!(f, "    <parts>")?;
    writeln!(
        f,
        r#"      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text='&lt;smil&gt;&lt;head&gt;&lt;layout&gt;&lt;root-layout/&gt;&lt;/layout&gt;&lt;/head&gt;&lt;body&gt;&lt;par dur="5000ms"&gt;&lt;img src="image000000.jpg"/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;' />"#
    )?;
    if others.len() == 1 && rng.u32(..4) != 0 {
        let len = 8_000 + rng.usize(..32_000);
        writeln!(
            f,
            r#"      <part seq="0" ct="image/jpeg" name="image000000.jpg" chset="null" cd="null" fn="null" cid="&lt;image000000&gt;" cl="image000000.jpg" ctt_s="null" ctt_t="null" text="null" data="{}" />"#,
            photo(rng, len)
        )?;
    }
    writeln!(
        f,
        r#"      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text000001&gt;" cl="text000001.txt" ctt_s="null" ctt_t="null" text="{}" />"#,
        xml(&message(rng))
    )?;
    writeln!(f, "    </parts>\n    <addrs>")?;
    if sent {
        writeln!(
            f,
            r#"      <addr address="insert-address-token" type="137" charset="106" />"#
        )?;
        for w in &others {
            writeln!(
                f,
                r#"      <addr address="{}" type="151" charset="106" />"#,
                xml(w.address())
            )?;
        }
    } else {
        writeln!(
            f,
            r#"      <addr address="{}" type="137" charset="106" />"#,
            xml(others[0].address())
        )?;
        writeln!(
            f,
            r#"      <addr address="+4917000000000" type="151" charset="106" />"#
        )?;
    }
    writeln!(f, "    </addrs>\n  </mms>")?;
    Ok(touch)
}

/// `n` calls: in and out, some unanswered, missed, to voicemail, rejected
/// or blocked, a few from hidden numbers.
pub fn calls(
    rng: &mut fastrand::Rng,
    book: &Book,
    span: &Span,
    n: usize,
    path: &Path,
) -> Result<Written, String> {
    let people = People::new(rng, book);
    let at = span.instants(rng, n);
    let mut f = create(path)?;
    let err = io(path);
    header(&mut f, rng, span, "calls", "5d2e7f10-3a9b-4c6d-8e21-", n).map_err(&err)?;
    let mut touches = 0u64;
    for &date in &at {
        let hidden = rng.u32(..100) < 3;
        let who = people.pick(rng, 60, 0);
        let kind = match rng.u32(..100) {
            0..40 => 1,
            40..80 => 2,
            80..92 => 3,
            92..94 => 4,
            94..98 => 5,
            _ => 6,
        };
        let long = rng.u32(..10) == 0;
        let duration = match kind {
            1 if rng.u32(..20) == 0 => 0,
            2 if rng.u32(..8) == 0 => 0,
            1 | 2 => 5 + rng.u32(..if long { 7200 } else { 600 }),
            4 => 10 + rng.u32(..50),
            _ => 0,
        };
        // A call that lasted, or one the user made that nobody answered.
        if !hidden && who.is_contact() && matches!(kind, 1 | 2) && (duration > 0 || kind == 2) {
            touches += 1;
        }
        let (number, presentation, name) = if hidden {
            (String::new(), 2, "(Unknown)".to_string())
        } else {
            (xml(who.address()), 1, people.name(&who))
        };
        writeln!(
            f,
            r#"  <call number="{number}" duration="{duration}" date="{date}" type="{kind}" presentation="{presentation}" subscription_id="89490200001234567890" post_dial_digits="" subscription_component_name="com.android.phone/com.android.services.telephony.TelephonyConnectionService" readable_date="{}" contact_name="{name}" />"#,
            readable(date),
        )
        .map_err(&err)?;
    }
    writeln!(f, "</calls>").map_err(&err)?;
    f.flush().map_err(&err)?;
    Ok(Written {
        path: path.to_path_buf(),
        records: n as u64,
        touches,
    })
}
