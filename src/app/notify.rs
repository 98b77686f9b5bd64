//! Reminders, sent: `draht notify` decides what is due now (the pure rules
//! of [`crate::remind`] over the day's agenda), hands each reminder to a
//! [`Deliver`] (the desktop, in the CLI), and records what was delivered in
//! the same write transaction that decided it — so two runs at once, or one
//! after another, never send the same thing twice. Also the Jour fixe about
//! to start, for the TUI's banner.

use std::collections::HashSet;

use chrono::{DateTime, Days, Duration, NaiveDateTime, NaiveTime, Utc};

use super::agenda::{Day, day_lean};
use crate::clock;
use crate::config::Config;
use crate::error::Result;
use crate::jourfixe::agenda::JourFixeEntry;
use crate::remind::{self, CATCH_UP_MINUTES, Inputs, JourFixeSoon, KEEP_DAYS, Key, Reminder};
use crate::store::{Store, Tx, hooks, reminders};

/// Where reminders go: the desktop's notification service, or a test's.
pub trait Deliver {
    /// Shows one reminder. An error stops the run: what was delivered
    /// before it stays recorded, it and the rest are tried on the next run.
    fn deliver(&mut self, reminder: &Reminder) -> Result<()>;
}

/// What is due at `now` and not yet sent, without sending or recording
/// anything (`draht notify --dry-run`).
pub fn pending(store: &mut Store, now: DateTime<Utc>, config: &Config) -> Result<Vec<Reminder>> {
    store.read(|tx| due(tx, now, config))
}

/// Sends what is due at `now` and not yet sent, in one write transaction:
/// decide, deliver each, record each delivered one. Returns what was sent.
/// When a delivery fails, the ones before it are recorded and the error is
/// returned; nothing is recorded for a run whose first delivery fails.
pub fn send(
    store: &mut Store,
    now: DateTime<Utc>,
    config: &Config,
    out: &mut dyn Deliver,
) -> Result<Vec<Reminder>> {
    let (sent, failed) = store.write(|tx| {
        let today = clock::local_day(now);
        reminders::prune(
            tx,
            today
                .checked_sub_days(Days::new(KEEP_DAYS))
                .unwrap_or(today),
        )?;
        let mut sent = Vec::new();
        for reminder in due(tx, now, config)? {
            if let Err(e) = out.deliver(&reminder) {
                return Ok((sent, Some(e)));
            }
            reminders::record(tx, &reminder.key(), now)?;
            sent.push(reminder);
        }
        Ok((sent, None))
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(sent),
    }
}

/// The reminders due at `now` that the log does not hold, Jour fixe hooks
/// filled in.
fn due(tx: &Tx, now: DateTime<Utc>, config: &Config) -> Result<Vec<Reminder>> {
    let local = clock::local(now).naive_local();
    let today = local.date();
    let day = day_lean(tx, today, &config.settings)?;
    let mut occurrences = day.agenda.jourfixe.clone();
    if let Some(yesterday) = today.pred_opt()
        && local - Duration::minutes(CATCH_UP_MINUTES) < today.and_time(NaiveTime::MIN)
    {
        // Shortly after midnight a reminder of last night may still be due,
        // and yesterday may lie before this week's list.
        occurrences.extend(day_lean(tx, yesterday, &config.settings)?.agenda.jourfixe);
    }
    let remind = reminders::settings(tx)?;
    let inputs = Inputs {
        agenda: &day.agenda,
        occurrences: &occurrences,
        remind: &remind,
        now: local,
        settings: &config.remind,
    };
    let from = today
        .pred_opt()
        .unwrap_or(today)
        .pred_opt()
        .unwrap_or(today);
    let sent: HashSet<Key> = reminders::sent_since(tx, from)?;
    let mut due = remind::due(&inputs, &sent);
    for reminder in &mut due {
        if let Reminder::JourFixe(j) = reminder {
            j.hook = hook_of(tx, &day, j.contact_id)?;
        }
    }
    Ok(due)
}

/// The text of a contact's freshest hook: from the agenda's facts when it
/// has them, else from the store.
fn hook_of(tx: &Tx, day: &Day, contact: crate::model::Id) -> Result<Option<String>> {
    if let Some(f) = day.facts.iter().find(|f| f.contact.id == contact) {
        return Ok(f.freshest_hook.as_ref().map(|h| h.text.clone()));
    }
    Ok(hooks::freshest(tx, contact)?.map(|h| h.text))
}

/// The timed Jour fixe among `occurrences` (a loaded agenda's list) whose
/// reminder is due at local `now` and that has not started yet, with its
/// hook: what the TUI shows as a banner.
pub fn imminent(
    store: &mut Store,
    occurrences: &[JourFixeEntry],
    now: NaiveDateTime,
    config: &Config,
) -> Result<Option<JourFixeSoon>> {
    if occurrences.iter().all(|e| e.time.is_none()) {
        return Ok(None);
    }
    store.read(|tx| {
        let remind = reminders::settings(tx)?;
        let empty = crate::schedule::Agenda::default();
        let inputs = Inputs {
            agenda: &empty,
            occurrences,
            remind: &remind,
            now,
            settings: &config.remind,
        };
        let Some(mut soon) = remind::imminent(&inputs) else {
            return Ok(None);
        };
        soon.hook = hooks::freshest(tx, soon.contact_id)?.map(|h| h.text);
        Ok(Some(soon))
    })
}
