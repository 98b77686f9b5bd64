//! The agenda of one day: who is overdue, due, planned or coming up, the
//! Jour fixe of the week, follow-ups and birthdays — the one builder
//! behind `draht today`, the TUI's Today tab and everything that reminds.

use chrono::NaiveDate;

use crate::error::Result;
use crate::jourfixe::agenda as jf_agenda;
use crate::schedule::{self, Agenda, ContactFacts, Relevance, Settings};
use crate::store::contacts::Detail;
use crate::store::{Store, Tx, facts, followups};

/// The agenda of a day with the facts of the contacts on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    pub agenda: Agenda,
    /// The facts of (at least) every contact the agenda names.
    pub facts: Vec<ContactFacts>,
}

/// The whole agenda for `today`, Jour fixe list included, in one read
/// transaction. Only the contacts it can concern are read in full, and
/// without their tags, e-mails, phones or notes, which the agenda does not
/// show.
pub fn day(store: &mut Store, today: NaiveDate, settings: &Settings) -> Result<Day> {
    store.read(|tx| day_lean(tx, today, settings))
}

/// [`day`] inside the caller's transaction.
pub(crate) fn day_lean(conn: &Tx, today: NaiveDate, settings: &Settings) -> Result<Day> {
    reading(conn, today, settings, |relevance| {
        facts::load_where(conn, &relevance.birthday_days(), |f| relevance.keeps(f))
    })
}

/// The agenda for `today` with the facts of every active contact, inside
/// the caller's transaction.
pub(crate) fn day_full(conn: &Tx, today: NaiveDate, settings: &Settings) -> Result<Day> {
    reading(conn, today, settings, |_| {
        facts::load(conn, false, Detail::Full)
    })
}

/// The agenda over the facts `read` returns, which must hold at least the
/// contacts the [`Relevance`] keeps.
fn reading(
    conn: &Tx,
    today: NaiveDate,
    settings: &Settings,
    read: impl FnOnce(&Relevance) -> Result<Vec<ContactFacts>>,
) -> Result<Day> {
    let open = followups::open(conn)?;
    let tracked = super::jourfixe::tracked(conn, today, settings, None)?;
    let plans = jf_agenda::plans(&tracked, today);
    let facts = read(&Relevance::new(&open, &plans, today, settings))?;
    let agenda = schedule::day(&facts, &open, &tracked, &plans, today, settings);
    Ok(Day { agenda, facts })
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate, TimeZone, Utc};

    use super::*;

    /// The agenda read from the contacts it can concern equals the agenda
    /// over everyone, on every day of two months of the demo's life.
    #[test]
    fn reading_only_relevant_contacts_gives_the_whole_agenda() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::seed(&mut store, now).unwrap();
        // People without a cadence come onto the agenda only by a birthday
        // or a follow-up.
        store
            .write(|tx| {
                let mut opa = crate::model::Contact::new("Opa Heinz", now);
                opa.birthday = crate::model::Birthday::new(Some(1941), 6, 12);
                crate::store::contacts::insert(tx, &opa, now)?;
                let notar = crate::store::contacts::insert(
                    tx,
                    &crate::model::Contact::new("Notarin Berg", now),
                    now,
                )?;
                let due = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
                crate::store::followups::insert(tx, notar, due, "sign the lease", now)?;
                Ok(())
            })
            .unwrap();
        let settings = Settings::default();
        let first = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
        let mut compared = 0;
        for offset in 0..60 {
            let today = first + Days::new(offset);
            let Day {
                agenda: lean,
                facts,
            } = store.read(|tx| day_lean(tx, today, &settings)).unwrap();
            let Day {
                agenda: full,
                facts: all,
            } = store.read(|tx| day_full(tx, today, &settings)).unwrap();
            assert_eq!(lean, full, "{today}");
            assert!(facts.len() < all.len(), "{today}: read everyone");
            compared += lean.overdue.len() + lean.soon.len() + lean.planned.len();
            compared += lean.birthdays.len() + lean.followups.len();
        }
        assert!(compared > 60, "the demo has people on the agenda");
    }
}
