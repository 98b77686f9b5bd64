//! Telegram Desktop's full export (`result.json` in `DataExport_…`): the
//! user's own data, the contact list with numbers, and the chats — personal
//! chats with contacts (by their name, or by a nickname the contact list
//! gives a contact's number), with strangers, a group, a channel, a bot and
//! Saved Messages — with text as a string or as pieces, photos, replies,
//! edits and calls.

use std::io::Write;
use std::path::Path;

use chrono::DateTime;
use serde_json::json;

use super::book::{Book, Skewed};
use super::{Span, Written, create, message};

const ME_ID: u64 = 100_000_001;
const ME_NAME: &str = "Max Example";

struct Chat {
    name: String,
    kind: &'static str,
    id: u64,
    /// Its messages with a contact are touches.
    contact: bool,
}

/// About 40 chats, `n` messages in all.
pub fn export(
    rng: &mut fastrand::Rng,
    book: &Book,
    span: &Span,
    n: usize,
    dir: &Path,
) -> Result<Written, String> {
    let path = dir.join("result.json");
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut order: Vec<usize> = (0..book.contacts.len()).collect();
    rng.shuffle(&mut order);
    let mut chats = Vec::new();
    let mut listed = Vec::new();
    for (k, &i) in order.iter().take(32).enumerate() {
        let c = &book.contacts[i];
        let id = 5_000_000 + k as u64 * 7_919;
        // A contact the phone knows by a nickname: the list gives its number.
        let name = if k % 4 == 1 && !c.e164.is_empty() {
            let first = c.name.split_whitespace().next().unwrap_or("X");
            let nick = format!("{first} 🌻");
            listed.push(json!({"user_id": id, "first_name": nick, "last_name": "",
                "phone_number": c.e164[0].trim_start_matches('+'), "date": "2024-03-01T10:00:00",
                "date_unixtime": "1709287200"}));
            nick
        } else {
            c.name.clone()
        };
        chats.push(Chat {
            name,
            kind: "personal_chat",
            id,
            contact: true,
        });
    }
    for k in 0..5 {
        chats.push(Chat {
            name: book.stranger_name(rng),
            kind: "personal_chat",
            id: 9_000_000 + k,
            contact: false,
        });
    }
    for (name, kind, id) in [
        ("Wandern & Klettern", "private_supergroup", 1_700_000_001u64),
        ("Tagesschau", "public_channel", 1_700_000_002),
        ("Wetter Bot", "bot_chat", 1_700_000_003),
        ("", "saved_messages", ME_ID),
    ] {
        chats.push(Chat {
            name: name.to_string(),
            kind,
            id,
            contact: false,
        });
    }
    let skew = Skewed::new(chats.len());
    let mut counts = vec![0usize; chats.len()];
    for _ in 0..n {
        counts[skew.pick(rng)] += 1;
    }
    let mut f = create(&path)?;
    let head = json!({
        "about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't collect your data for advertising.",
        "personal_information": {"user_id": ME_ID, "first_name": "Max", "last_name": "Example",
            "phone_number": "+49 170 0000000", "username": "@maxexample", "bio": ""},
    });
    let head = serde_json::to_string_pretty(&head).map_err(|e| e.to_string())?;
    // The object without its closing brace: the lists follow.
    write!(
        f,
        "{},\n \"contacts\": ",
        head.trim_end().trim_end_matches('}').trim_end()
    )
    .map_err(err)?;
    let contacts = json!({"about": "This is the list of your contacts.", "list": listed});
    write!(f, "{contacts},\n \"chats\": {{\n  \"about\": \"This page lists all chats from this export.\",\n  \"list\": [\n")
        .map_err(err)?;
    let (mut records, mut touches) = (0u64, 0u64);
    for (k, (chat, count)) in chats.iter().zip(counts).enumerate() {
        let count = count.max(2);
        if k > 0 {
            writeln!(f, ",").map_err(err)?;
        }
        let name = if chat.kind == "saved_messages" {
            String::new()
        } else {
            format!(
                "\"name\": {}, ",
                serde_json::to_string(&chat.name).map_err(|e| e.to_string())?
            )
        };
        write!(
            f,
            "   {{\n    {name}\"type\": \"{}\",\n    \"id\": {},\n    \"messages\": [\n",
            chat.kind, chat.id
        )
        .map_err(err)?;
        let partner = format!("user{}", chat.id);
        for (m, at) in span.instants(rng, count).into_iter().enumerate() {
            let secs = at / 1000;
            let date = DateTime::from_timestamp(secs, 0)
                .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
                .unwrap_or_default();
            let mine = rng.bool() || chat.kind == "saved_messages";
            let (from, from_id) = if mine {
                (ME_NAME.to_string(), format!("user{ME_ID}"))
            } else if chat.kind == "public_channel" || chat.kind == "private_supergroup" {
                (chat.name.clone(), format!("channel{}", chat.id))
            } else {
                (chat.name.clone(), partner.clone())
            };
            let id = m as u64 + 1;
            let x = rng.u32(..1000);
            let value = if x < 15 && chat.kind == "personal_chat" {
                // A call: one that lasted, or one nobody took.
                let lasted = x < 9;
                let mut call = json!({"id": id, "type": "service", "date": date,
                    "date_unixtime": secs.to_string(), "actor": from, "actor_id": from_id,
                    "action": "phone_call", "text": "", "text_entities": []});
                if lasted {
                    call["duration_seconds"] = json!(10 + rng.u32(..3600));
                    call["discard_reason"] = json!("hangup");
                } else {
                    call["discard_reason"] = json!(if rng.bool() { "missed" } else { "busy" });
                }
                if chat.contact && (lasted || mine) {
                    touches += 1;
                }
                call
            } else if x < 20 {
                json!({"id": id, "type": "service", "date": date, "date_unixtime": secs.to_string(),
                    "actor": from, "actor_id": from_id, "action": "pin_message",
                    "message_id": id.saturating_sub(1), "text": "", "text_entities": []})
            } else {
                let text = message(rng);
                let mut msg = json!({"id": id, "type": "message", "date": date,
                    "date_unixtime": secs.to_string(), "from": from, "from_id": from_id});
                if x < 80 {
                    msg["photo"] =
                        json!("(File not included. Change data exporting settings to download.)");
                    msg["width"] = json!(1280);
                    msg["height"] = json!(960);
                }
                if x < 140 && id > 1 {
                    msg["reply_to_message_id"] = json!(id - 1);
                }
                if x.is_multiple_of(17) {
                    msg["edited"] = json!(date);
                    msg["edited_unixtime"] = json!((secs + 60).to_string());
                }
                if x.is_multiple_of(11) {
                    msg["text"] = json!([text, {"type": "link", "text": "https://example.org/a"}]);
                    msg["text_entities"] = json!([{"type": "plain", "text": text},
                        {"type": "link", "text": "https://example.org/a"}]);
                } else {
                    msg["text"] = json!(text);
                    msg["text_entities"] = json!([{"type": "plain", "text": text}]);
                }
                if chat.contact {
                    touches += 1;
                }
                msg
            };
            records += 1;
            if m > 0 {
                writeln!(f, ",").map_err(err)?;
            }
            write!(f, "     {value}").map_err(err)?;
        }
        write!(f, "\n    ]\n   }}").map_err(err)?;
    }
    write!(
        f,
        "\n  ]\n }},\n \"left_chats\": {{\n  \"about\": \"This page lists all supergroups and channels you've left.\",\n  \"list\": []\n }}\n}}\n"
    )
    .map_err(err)?;
    f.flush().map_err(err)?;
    Ok(Written {
        path,
        records,
        touches,
    })
}
