//! Two contacts of one person (the duplicates two address books give) made
//! one: `draht merge A B` keeps A and moves everything of B onto it.
//!
//! Rules:
//!
//! - A keeps its name, UID, sphere and creation (the earlier of the two).
//! - Nickname, company, role, birthday and minimum channel: A's, else B's.
//!   Notes: both, A's first (once when one holds the other).
//! - E-mails, phones and tags: A's, then those of B that A lacks (e-mails
//!   ignoring case, phones ignoring spaces, tags case and accents).
//! - Cadence: the shorter of the two (the person matters as much as the
//!   side that wanted more), with its start; snooze: the later one.
//! - Touches (one both took part in stays one touch), hooks, follow-ups and
//!   Jour fixe of B move to A.
//! - Cards: A's card with what B's adds (a photo A lacks, B's addresses,
//!   URLs, X- properties; see `interop::vcard::merge_cards`). B's UID and
//!   the identities of the records B was imported from now lead to A, so a
//!   re-import of either address book updates A and never brings B back.
//!
//! [`plan`] says what a merge would do; [`merge`] does it, in one
//! transaction.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::Who;
use super::import::changed_fields;
use crate::error::{Error, Result};
use crate::interop::vcard::{VcardVersion, merge_cards, write_card};
use crate::matching::same_tag;
use crate::model::{Contact, Handle};
use crate::store::merge::{Belongings, move_all};
use crate::store::{Store, Tx, cards, contacts};
use crate::t;

/// What a merge of `gone` into `kept` does (or did).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergePlan {
    pub dry_run: bool,
    /// The contact that stays, as it is after the merge.
    pub kept: Contact,
    /// The contact that goes, as it was.
    pub gone: Contact,
    /// Fields of the kept contact that change, by name.
    pub fields: Vec<&'static str>,
    pub added_emails: Vec<String>,
    pub added_phones: Vec<String>,
    pub added_tags: Vec<String>,
    /// What moves from `gone` to `kept`.
    pub moved: Belongings,
}

/// What merging the contact `gone` into `keep` would do; writes nothing.
pub fn plan(store: &mut Store, keep: Who, gone: Who) -> Result<MergePlan> {
    store.read(|tx| Ok(prepare(tx, keep, gone)?.0))
}

/// Merges contact `gone` into contact `keep`, as the module docs say, in
/// one transaction.
pub fn merge(store: &mut Store, keep: Who, gone: Who, now: DateTime<Utc>) -> Result<MergePlan> {
    store.write(|tx| {
        let (mut plan, start) = prepare(tx, keep, gone)?;
        let (kept, gone) = (&plan.kept, &plan.gone);
        let merged_card = match (cards::card(tx, kept.id)?, cards::card(tx, gone.id)?) {
            (Some(first), Some(second)) => Some(merge_cards(&first, &second)),
            (first, second) => first.or(second),
        };
        let gone_record = match cards::card(tx, gone.id)? {
            Some(card) => card,
            None => write_card(gone, VcardVersion::V4),
        };
        move_all(tx, gone.id, kept.id)?;
        contacts::update(tx, kept, now)?;
        if let Some(day) = start {
            contacts::set_cadence_from(tx, kept.id, day)?;
        }
        if let Some(card) = merged_card {
            cards::put_card(tx, kept.id, &card)?;
        }
        cards::put_source(tx, &format!("uid:{}", gone.uid), kept.id, &gone_record)?;
        plan.dry_run = false;
        Ok(plan)
    })
}

/// The plan, and the start of the cadence the kept contact ends up with.
fn prepare(tx: &Tx, keep: Who, gone: Who) -> Result<(MergePlan, Option<NaiveDate>)> {
    let a = keep.contact(tx)?;
    let b = gone.contact(tx)?;
    if a.id == b.id {
        return Err(Error::input(t!("error-merge-same", name = a.name.as_str())));
    }
    let mut kept = a.clone();
    kept.nickname = a.nickname.clone().or_else(|| b.nickname.clone());
    kept.company = a.company.clone().or_else(|| b.company.clone());
    kept.role = a.role.clone().or_else(|| b.role.clone());
    kept.birthday = a.birthday.or(b.birthday);
    kept.min_channel = a.min_channel.or(b.min_channel);
    kept.notes = merged_notes(a.notes.as_deref(), b.notes.as_deref());
    kept.created_at = a.created_at.min(b.created_at);
    kept.snoozed_until = a.snoozed_until.max(b.snoozed_until);
    let (added_emails, emails) = union(&a.emails, &b.emails, |h| h.value.to_lowercase());
    let (added_phones, phones) = union(&a.phones, &b.phones, |h| {
        h.value.chars().filter(|c| !c.is_whitespace()).collect()
    });
    kept.emails = emails;
    kept.phones = phones;
    let mut added_tags = Vec::new();
    for tag in &b.tags {
        if !kept.tags.iter().any(|t| same_tag(t, tag)) {
            kept.tags.push(tag.clone());
            added_tags.push(tag.clone());
        }
    }
    kept.tags.sort();
    let take_b = match (a.cadence_days, b.cadence_days) {
        (Some(x), Some(y)) => y < x,
        (None, Some(_)) => true,
        _ => false,
    };
    let start = if take_b {
        kept.cadence_days = b.cadence_days;
        contacts::cadence_from(tx, b.id)?
    } else {
        contacts::cadence_from(tx, a.id)?
    };
    let plan = MergePlan {
        dry_run: true,
        fields: changed_fields(&a, &kept),
        added_emails: added_emails.into_iter().map(|h| h.value).collect(),
        added_phones: added_phones.into_iter().map(|h| h.value).collect(),
        added_tags,
        moved: crate::store::merge::belongings(tx, b.id, a.id)?,
        kept,
        gone: b,
    };
    Ok((plan, start))
}

/// `first`'s handles, then those of `second` that `first` lacks (by
/// `key`): the added ones and the whole list.
fn union(
    first: &[Handle],
    second: &[Handle],
    key: impl Fn(&Handle) -> String,
) -> (Vec<Handle>, Vec<Handle>) {
    let mut all = first.to_vec();
    let mut added = Vec::new();
    for handle in second {
        if !all.iter().any(|h| key(h) == key(handle)) {
            all.push(handle.clone());
            added.push(handle.clone());
        }
    }
    (added, all)
}

/// Both notes, `first`'s first; one when one holds the other.
fn merged_notes(first: Option<&str>, second: Option<&str>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) if a.contains(b) => Some(a.to_string()),
        (Some(a), Some(b)) if b.contains(a) => Some(b.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
        (a, b) => a.or(b).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::jourfixe::JourFixe;
    use crate::model::{Channel, HookKind, Outcome, Touch};
    use crate::store::{followups, hooks, jourfixe, touches};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
    }

    fn person(store: &mut Store, name: &str, edit: impl FnOnce(&mut Contact)) -> i64 {
        let mut contact = Contact::new(name, now());
        edit(&mut contact);
        store
            .write(|tx| contacts::insert(tx, &contact, now()))
            .unwrap()
    }

    #[test]
    fn one_contact_keeps_both_sides_history_and_handles() {
        let mut store = Store::open_in_memory().unwrap();
        let a = person(&mut store, "Ben Okafor", |c| {
            c.emails = vec![Handle::new("ben@okafor.example")];
            c.tags = vec!["Kunden".into()];
            c.cadence_days = Some(30);
            c.notes = Some("met in Lisbon".into());
        });
        let b = person(&mut store, "Benjamin Okafor", |c| {
            c.emails = vec![
                Handle::new("BEN@okafor.example"),
                Handle::new("b@home.example"),
            ];
            c.phones = vec![Handle::new("+44 7700 900123")];
            c.tags = vec!["kunden".into(), "sailing".into()];
            c.cadence_days = Some(14);
            c.notes = Some("sails".into());
        });
        let other = person(&mut store, "Mama", |_| {});
        store
            .write(|tx| {
                touches::insert(
                    tx,
                    &Touch::new(now(), Channel::Call, Outcome::Done, vec![b]),
                    now(),
                )?;
                touches::insert(
                    tx,
                    &Touch::new(now(), Channel::Meet, Outcome::Done, vec![a, b, other]),
                    now(),
                )?;
                hooks::insert(tx, b, HookKind::Hobby, "sailing in June", now())?;
                followups::insert(
                    tx,
                    b,
                    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                    "send the offer",
                    now(),
                )?;
                let jf = JourFixe {
                    id: 0,
                    contact_id: b,
                    start: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                    rrule: "FREQ=WEEKLY;BYDAY=TU".into(),
                    time: None,
                    duration_minutes: None,
                    channel: Channel::Call,
                    note: None,
                    active: true,
                    skipped: vec![],
                };
                jourfixe::insert(tx, &jf, now())?;
                Ok(())
            })
            .unwrap();
        let planned = plan(&mut store, Who::Named("Ben Okafor"), Who::Named("Benjamin")).unwrap();
        assert!(planned.dry_run);
        assert_eq!(planned.added_emails, ["b@home.example"]);
        assert_eq!(planned.added_phones, ["+44 7700 900123"]);
        assert_eq!(planned.added_tags, ["sailing"]);
        assert_eq!(planned.moved.touches, 2);
        assert_eq!(planned.moved.shared_touches, 1);
        assert_eq!(
            (
                planned.moved.hooks,
                planned.moved.followups,
                planned.moved.jourfixe
            ),
            (1, 1, 1)
        );
        assert_eq!(
            store.read(|tx| contacts::all(tx, true)).unwrap().len(),
            3,
            "a plan writes nothing"
        );

        let done = merge(&mut store, Who::Named("Ben Okafor"), Who::Id(b), now()).unwrap();
        assert!(!done.dry_run);
        let kept = store.read(|tx| contacts::get(tx, a)).unwrap();
        assert_eq!(kept.cadence_days, Some(14), "the shorter cadence");
        assert_eq!(kept.notes.as_deref(), Some("met in Lisbon\nsails"));
        assert_eq!(kept.emails.len(), 2);
        assert_eq!(kept.tags, ["Kunden", "sailing"]);
        let (touched, hooked, open, standing) = store
            .read(|tx| {
                Ok((
                    touches::for_contact(tx, a, None)?,
                    hooks::for_contact(tx, a)?,
                    followups::open(tx)?,
                    jourfixe::for_contact(tx, a)?,
                ))
            })
            .unwrap();
        assert_eq!(standing.len(), 1, "B's Jour fixe is A's now");
        assert_eq!(touched.len(), 2, "the shared coffee stays one touch");
        assert!(touched.iter().all(|t| !t.participants.contains(&b)));
        assert_eq!(hooked.len(), 1);
        assert_eq!(open[0].contact_id, a);
        assert!(
            store
                .read(|tx| contacts::get_if_exists(tx, b))
                .unwrap()
                .is_none()
        );
        let sources = store.read(|tx| cards::sources_of(tx, a)).unwrap();
        assert_eq!(sources.len(), 1, "B's UID leads to A: {sources:?}");
    }

    #[test]
    fn a_contact_is_not_merged_into_itself() {
        let mut store = Store::open_in_memory().unwrap();
        person(&mut store, "Anna Schmidt", |_| {});
        let err = plan(&mut store, Who::Named("anna"), Who::Named("Anna Schmidt")).unwrap_err();
        assert!(
            err.to_string().contains("name two different contacts"),
            "{err}"
        );
    }
}
