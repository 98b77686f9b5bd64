//! How `draht sync` applies a card to a contact: a card read from the
//! folder (`import_card`), a merge of the folder's card and draht's
//! (`merge_card`), and the losing values of a conflict kept in the
//! contact's note (`keep_lost`).

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::interop::sync_card::{read_sync_card, strip_draht, take_properties};
use crate::model::{Contact, Id};
use crate::store::sync as state;
use crate::store::{Tx, cards, contacts, hooks};
use crate::sync::Winner;

/// Makes the contact (`existing`, or a new one) what the card `text` says:
/// its own fields, its draht fields when draht wrote it, the card kept as
/// it came (without draht's lines), hooks the card names that the contact
/// lacks. Returns the contact's id.
pub(super) fn import_card(
    tx: &Tx,
    existing: Option<&Contact>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Id> {
    let card = read_sync_card(text).map_err(Error::input)?;
    let mut contact = match existing {
        Some(c) => c.clone(),
        None => Contact::new(card.card.contact.name.clone(), now),
    };
    card.card.contact.apply_to(&mut contact);
    contact.archived = false;
    if let Some(draht) = &card.draht {
        draht.apply_to(&mut contact);
    }
    let id = match existing {
        Some(c) => {
            contacts::update(tx, &contact, now)?;
            c.id
        }
        None => contacts::insert(tx, &contact, now)?,
    };
    cards::put_card(tx, id, &strip_draht(text))?;
    if let Some(draht) = &card.draht {
        if existing.is_none()
            && let Some(created) = draht.created_at
        {
            state::set_contact_created(tx, id, created)?;
        }
        state::set_cadence_from(tx, id, draht.cadence_from)?;
        let have = hooks::for_contact(tx, id)?;
        for hook in &draht.hooks {
            if !have
                .iter()
                .any(|h| h.kind == hook.kind && h.text == hook.text)
            {
                let hid = hooks::insert(tx, id, hook.kind, &hook.text, now)?;
                state::put_hook(
                    tx,
                    &crate::model::Hook {
                        id: hid,
                        contact_id: id,
                        kind: hook.kind,
                        text: hook.text.clone(),
                        created_at: hook.created_at,
                        used_at: hook.used_at,
                    },
                )?;
            }
        }
    }
    Ok(id)
}

/// Makes the contact the merge of its card `record_text` (as draht would
/// write it) and the folder's `file_text`: each field in `theirs` from the
/// file, every other from the record. Returns the contact's id.
pub(super) fn merge_card(
    tx: &Tx,
    contact: &Contact,
    record_text: &str,
    file_text: &str,
    theirs: &[String],
    now: DateTime<Utc>,
) -> Result<Id> {
    let file = read_sync_card(file_text).map_err(Error::input)?;
    let mine = read_sync_card(record_text).map_err(Error::input)?;
    let from = &file.card.contact;
    let mut merged = contact.clone();
    let mut draht = mine.draht.clone().unwrap_or_default();
    let other = file.draht.clone().unwrap_or_default();
    let mut card_props = Vec::new();
    for field in theirs {
        match field.as_str() {
            "name" => merged.name.clone_from(&from.name),
            "nickname" => merged.nickname.clone_from(&from.nickname),
            "company" => merged.company.clone_from(&from.company),
            "role" => merged.role.clone_from(&from.role),
            "emails" => merged.emails.clone_from(&from.emails),
            "phones" => merged.phones.clone_from(&from.phones),
            "birthday" => merged.birthday = from.birthday,
            "notes" => merged.notes.clone_from(&from.notes),
            "tags" => merged.tags.clone_from(&from.tags),
            "sphere" => draht.sphere = other.sphere,
            "cadence" => draht.cadence_days = other.cadence_days,
            "cadence-from" => draht.cadence_from = other.cadence_from,
            "min-channel" => draht.min_channel = other.min_channel,
            "snoozed" => draht.snoozed_until = other.snoozed_until,
            "hooks" => draht.hooks.clone_from(&other.hooks),
            name => {
                if let Some(prop) = name.strip_prefix("card:") {
                    card_props.push(prop.to_string());
                }
            }
        }
    }
    draht.apply_to(&mut merged);
    merged.archived = false;
    contacts::update(tx, &merged, now)?;
    let card = take_properties(
        &strip_draht(record_text),
        &strip_draht(file_text),
        &card_props,
    );
    cards::put_card(tx, contact.id, &card)?;
    state::set_cadence_from(tx, contact.id, draht.cadence_from)?;
    let have = hooks::for_contact(tx, contact.id)?;
    for hook in draht
        .hooks
        .iter()
        .filter(|h| !have.iter().any(|k| k.kind == h.kind && k.text == h.text))
    {
        hooks::insert(tx, contact.id, hook.kind, &hook.text, now)?;
    }
    Ok(contact.id)
}

/// Keeps each losing value of a conflict as a line of the contact's note.
pub(super) fn keep_lost(
    tx: &Tx,
    id: Id,
    lost: &[crate::sync::Lost],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut contact = contacts::get(tx, id)?;
    let mut note = contact.notes.clone().unwrap_or_default();
    for l in lost {
        let side = match l.kept {
            Winner::Mine => "folder",
            Winner::Theirs => "draht",
        };
        if !note.is_empty() {
            note.push('\n');
        }
        // a line for the person who reads the note, in the interface
        // language; the date stays ISO, so the lines sort
        note.push_str(&crate::t!(
            "sync-conflict-note",
            day = now.format("%Y-%m-%d").to_string(),
            side = side,
            field = crate::t!("contact-field", field = l.field.as_str()),
            value = l.value.replace('\n', "; ")
        ));
    }
    contact.notes = Some(note);
    contacts::update(tx, &contact, now)
}
