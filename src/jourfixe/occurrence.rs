//! When a Jour fixe happens, and what became of each occurrence.
//!
//! Dates come from the rrule crate, evaluated in wall-clock time of the
//! given zone, so an occurrence keeps its local date and time across
//! daylight-saving changes. The rule is walked at local noon (never inside a
//! DST gap, so no date is lost); [`occurrence_start`] then places the
//! Jour fixe's own time on that date.
//!
//! Every query is bounded: the walk starts at most one period before the
//! window (when the rule has no COUNT), never visits more than
//! [`MAX_DATES`] dates, and rrule's own loop limits are on. A rule that
//! cannot be evaluated yields no dates rather than an error or a hang.

use chrono::{DateTime, Datelike, Days, LocalResult, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use rrule::{Frequency, RRule, RRuleSet, Tz, Unvalidated, Validated};
use serde::Serialize;

use super::JourFixe;
use crate::fast::rrule::Fast;

/// The most dates one query walks through (about 13 years of a daily rule).
pub const MAX_DATES: usize = 5_000;

/// What became of one occurrence.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OccurrenceState {
    /// Today or later, and no touch logged yet.
    Upcoming,
    /// A `done` touch with the contact exists on that day.
    Kept,
    /// The date is in the skip list.
    Skipped,
    /// Past, neither kept nor skipped.
    Missed,
}

impl OccurrenceState {
    pub fn as_str(self) -> &'static str {
        match self {
            OccurrenceState::Upcoming => "upcoming",
            OccurrenceState::Kept => "kept",
            OccurrenceState::Skipped => "skipped",
            OccurrenceState::Missed => "missed",
        }
    }
}

/// The occurrence dates in `[from, to]`, oldest first. Skipped dates are
/// included (callers mark them); an inactive Jour fixe still computes.
pub fn occurrences(jf: &JourFixe, from: NaiveDate, to: NaiveDate, tz: Tz) -> Vec<NaiveDate> {
    Rule::of(jf, tz).occurrences(from, to)
}

/// The first occurrence on or after `after_or_on` that is not skipped.
pub fn next_occurrence(jf: &JourFixe, after_or_on: NaiveDate, tz: Tz) -> Option<NaiveDate> {
    Rule::of(jf, tz).next_occurrence(after_or_on, &jf.skipped)
}

/// Whether the rule falls on `date` (a skipped date still counts: it is an
/// occurrence the user chose to skip).
pub fn is_occurrence(jf: &JourFixe, date: NaiveDate, tz: Tz) -> bool {
    Rule::of(jf, tz).is_occurrence(date)
}

/// The latest occurrence before `today` (skipped ones included), for "how
/// did the last one go" and for showing a miss until the next occurrence.
pub fn last_occurrence_before(jf: &JourFixe, today: NaiveDate, tz: Tz) -> Option<NaiveDate> {
    Rule::of(jf, tz).last_before(today)
}

/// A Jour fixe's rule, read and checked once, answering every date question
/// about it. The free functions above each read the rule anew; code that
/// asks several questions of many Jour fixe keeps one `Rule` for each.
///
/// The rules the phrase parser writes are answered by date arithmetic
/// ([`Fast`]); every other rule by walking it with the rrule crate.
#[derive(Clone)]
pub struct Rule(Kind);

#[derive(Clone)]
enum Kind {
    Fast(Fast),
    Walk(Box<Compiled>),
    /// A rule that cannot be read or evaluated: it has no dates.
    Broken,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Kind::Fast(fast) => write!(f, "Rule::Fast({fast:?})"),
            Kind::Walk(c) => write!(f, "Rule::Walk({}, from {})", c.rule, c.start),
            Kind::Broken => write!(f, "Rule::Broken"),
        }
    }
}

impl Rule {
    /// `rrule` starting on `start`, evaluated in `tz`.
    pub fn new(rrule: &str, start: NaiveDate, tz: Tz) -> Rule {
        let Ok((body, until)) = split_until(rrule) else {
            return Rule(Kind::Broken);
        };
        // The walk needs local noon of the start day; so does the fast path,
        // to give no dates exactly when the walk gives none.
        if noon(start, tz).is_none() {
            return Rule(Kind::Broken);
        }
        if let Some(fast) = Fast::new(&body, start, until) {
            return Rule(Kind::Fast(fast));
        }
        match Compiled::from_body(&body, until, start, tz) {
            Some(compiled) => Rule(Kind::Walk(Box::new(compiled))),
            None => Rule(Kind::Broken),
        }
    }

    /// `rrule` walked with the rrule crate even when the fast path could
    /// answer it: the reference the fast path is tested against.
    #[cfg(test)]
    pub(crate) fn walked(rrule: &str, start: NaiveDate, tz: Tz) -> Rule {
        match Compiled::new(rrule, start, tz) {
            Some(compiled) => Rule(Kind::Walk(Box::new(compiled))),
            None => Rule(Kind::Broken),
        }
    }

    /// Whether date arithmetic answers this rule (rather than a walk).
    #[cfg(test)]
    pub(crate) fn is_fast(&self) -> bool {
        matches!(self.0, Kind::Fast(_))
    }

    /// The rule of `jf`.
    pub fn of(jf: &JourFixe, tz: Tz) -> Rule {
        Rule::new(&jf.rrule, jf.start, tz)
    }

    /// Occurrence dates on or after `from`, in order, at most [`MAX_DATES`].
    pub fn dates_from(&self, from: NaiveDate) -> Dates<'_> {
        Dates(match &self.0 {
            Kind::Fast(fast) => DatesKind::Fast {
                next: fast.first_from(from),
                fast,
                left: MAX_DATES,
            },
            Kind::Walk(compiled) => DatesKind::Walk(Box::new(compiled.dates_from(from))),
            Kind::Broken => DatesKind::Done,
        })
    }

    /// The occurrence dates in `[from, to]`, oldest first.
    pub fn occurrences(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        if to < from {
            return Vec::new();
        }
        self.dates_from(from).take_while(|d| *d <= to).collect()
    }

    /// The first occurrence on or after `after_or_on` not in `skipped`.
    pub fn next_occurrence(
        &self,
        after_or_on: NaiveDate,
        skipped: &[NaiveDate],
    ) -> Option<NaiveDate> {
        self.dates_from(after_or_on).find(|d| !skipped.contains(d))
    }

    /// Whether the rule falls on `date`.
    pub fn is_occurrence(&self, date: NaiveDate) -> bool {
        self.dates_from(date).next() == Some(date)
    }

    /// The latest occurrence before `today`.
    pub fn last_before(&self, today: NaiveDate) -> Option<NaiveDate> {
        match &self.0 {
            Kind::Fast(fast) => fast.last_before(today),
            Kind::Walk(compiled) => compiled.last_before(today),
            Kind::Broken => None,
        }
    }
}

/// The dates of a [`Rule`] from some day on; see [`Rule::dates_from`].
pub struct Dates<'a>(DatesKind<'a>);

enum DatesKind<'a> {
    Fast {
        fast: &'a Fast,
        next: Option<NaiveDate>,
        left: usize,
    },
    Walk(Box<dyn Iterator<Item = NaiveDate>>),
    Done,
}

impl Iterator for Dates<'_> {
    type Item = NaiveDate;

    fn next(&mut self) -> Option<NaiveDate> {
        match &mut self.0 {
            DatesKind::Fast { fast, next, left } => {
                let date = next.take().filter(|_| *left > 0)?;
                *left -= 1;
                *next = date.succ_opt().and_then(|d| fast.first_from(d));
                Some(date)
            }
            DatesKind::Walk(dates) => dates.next(),
            DatesKind::Done => None,
        }
    }
}

/// The state of the occurrence on `date` as seen on `today`. `kept_days`
/// are the local days with a `done` touch with the Jour fixe's contact.
/// Today's occurrence stays upcoming until a touch is logged.
pub fn occurrence_state(
    jf: &JourFixe,
    date: NaiveDate,
    today: NaiveDate,
    kept_days: &[NaiveDate],
) -> OccurrenceState {
    if kept_days.contains(&date) {
        OccurrenceState::Kept
    } else if jf.is_skipped(date) {
        OccurrenceState::Skipped
    } else if date < today {
        OccurrenceState::Missed
    } else {
        OccurrenceState::Upcoming
    }
}

/// The instant the occurrence on `date` starts: the Jour fixe's local time
/// on that date in `tz` (`None` without a time). 10:00 stays 10:00 local on
/// both sides of a DST change; a time inside a spring-forward gap moves
/// forward by the gap (RFC 5545: the offset before the gap applies); a time
/// that happens twice in autumn is the first of the two.
pub fn occurrence_start(jf: &JourFixe, date: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    let local = date.and_time(jf.time?);
    let instant = match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
        LocalResult::None => tz
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()?,
    };
    Some(instant.with_timezone(&Utc))
}

/// The date a new Jour fixe should start on when the user adds it on
/// `requested`: the first day on or after it that fits the rule's pattern,
/// ignoring INTERVAL. "every 2 weeks thu" added on a Sunday then starts that
/// Thursday (rather than the Thursday after, as a bare DTSTART would give),
/// and the stored start is itself an occurrence, as RFC 5545 wants of
/// DTSTART. `None` when the rule has no date from `requested` on.
pub fn aligned_start(rrule: &str, requested: NaiveDate, tz: Tz) -> Option<NaiveDate> {
    let (body, until) = split_until(rrule).ok()?;
    let parsed: RRule<Unvalidated> = body.parse().ok()?;
    let rule = parsed.interval(1).validate(noon(requested, tz)?).ok()?;
    Compiled {
        rule,
        start: requested,
        until,
        tz,
    }
    .dates_from(requested)
    .next()
}

/// Checks a raw RRULE value for the phrase parser: it must parse, validate
/// and produce at least one date. The error is a reason for the user.
pub(crate) fn check_rule(rrule: &str) -> Result<(), String> {
    let (body, _until) = split_until(rrule)?;
    let parsed: RRule<Unvalidated> = body.parse().map_err(|e: rrule::RRuleError| e.to_string())?;
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).ok_or("no reference date")?;
    let dt_start = noon(start, Tz::UTC).ok_or("no reference date")?;
    let rule = parsed.validate(dt_start).map_err(|e| e.to_string())?;
    let compiled = Compiled {
        rule,
        start,
        until: None,
        tz: Tz::UTC,
    };
    match compiled.dates_from(start).next() {
        Some(_) => Ok(()),
        None => Err("it never produces a date".to_string()),
    }
}

/// A rule ready to walk: validated against its real start, with UNTIL
/// applied by us as a last local day.
#[derive(Clone)]
struct Compiled {
    rule: RRule<Validated>,
    start: NaiveDate,
    until: Option<NaiveDate>,
    tz: Tz,
}

impl Compiled {
    #[cfg(test)]
    fn new(rrule: &str, start: NaiveDate, tz: Tz) -> Option<Compiled> {
        let (body, until) = split_until(rrule).ok()?;
        Compiled::from_body(&body, until, start, tz)
    }

    /// `body` (a rule without UNTIL) validated against `start`.
    fn from_body(
        body: &str,
        until: Option<NaiveDate>,
        start: NaiveDate,
        tz: Tz,
    ) -> Option<Compiled> {
        let parsed: RRule<Unvalidated> = body.parse().ok()?;
        let rule = parsed.validate(noon(start, tz)?).ok()?;
        Some(Compiled {
            rule,
            start,
            until,
            tz,
        })
    }

    /// The latest date before `today`, UNTIL applied.
    fn last_before(&self, today: NaiveDate) -> Option<NaiveDate> {
        // Nothing after UNTIL: look before its day.
        let end = match self.until {
            Some(until) if until < today => until.succ_opt()?,
            _ => today,
        };
        if end <= self.start {
            return None;
        }
        if self.rule.get_count().is_some() {
            return self.walk(self.start).take_while(|d| *d < end).last();
        }
        // Look back two periods first, then ever further for rare rules.
        let mut span = self.period_days().saturating_mul(2);
        loop {
            let from = end
                .checked_sub_days(Days::new(span))
                .map_or(self.start, |d| d.max(self.start));
            let mut dates = self.walk(from).peekable();
            // No date at all from `from` on: without COUNT a rule repeats, so
            // it has none before either. This keeps a barren rule to one walk.
            dates.peek()?;
            let last = dates.take_while(|d| *d < end).last();
            if last.is_some() || from == self.start {
                return last;
            }
            span = span.saturating_mul(4);
        }
    }

    /// Occurrence dates on or after `from`, in order, up to UNTIL, at most
    /// [`MAX_DATES`].
    fn dates_from(&self, from: NaiveDate) -> impl Iterator<Item = NaiveDate> + use<> {
        let until = self.until;
        self.walk(from)
            .take_while(move |d| until.is_none_or(|u| *d <= u))
            .take(MAX_DATES)
    }

    /// The rule's dates on or after `from`, ignoring UNTIL. Bounded: at
    /// most `20 × MAX_DATES` dates are generated, and rrule's own loop
    /// limits stop a rule that finds no date.
    fn walk(&self, from: NaiveDate) -> impl Iterator<Item = NaiveDate> + use<> {
        let set = noon(self.walk_start(from), self.tz)
            .map(|dt_start| RRuleSet::new(dt_start).rrule(self.rule.clone()).limit());
        set.into_iter()
            .flat_map(|set| (&set).into_iter())
            .map(|dt| dt.date_naive())
            .take(MAX_DATES * 20)
            .skip_while(move |d| *d < from)
    }

    /// Where to start walking for dates on or after `from`: the start moved
    /// forward by whole periods (so weeks and months keep their phase), to
    /// the beginning of a period for monthly and yearly rules. Only the
    /// dates of the first walked period before that start differ from a walk
    /// from the real start, and those lie before `from`. Validation has
    /// already made every implicit BYxxx part explicit, so the new start
    /// does not change the rule. A rule with COUNT counts from its real
    /// start and is never moved.
    fn walk_start(&self, from: NaiveDate) -> NaiveDate {
        let start = self.start;
        if from <= start || self.rule.get_count().is_some() {
            return start;
        }
        let n = i64::from(self.rule.get_interval().max(1));
        let days = (from - start).num_days();
        let moved = match self.rule.get_freq() {
            Frequency::Daily => start.checked_add_days(Days::new(whole(days, n))),
            Frequency::Weekly => start.checked_add_days(Days::new(whole(days, 7 * n))),
            Frequency::Monthly => {
                let months = i64::from(from.year() - start.year()) * 12 + i64::from(from.month0())
                    - i64::from(start.month0());
                let months = u32::try_from(whole(months, n)).unwrap_or(0);
                match months {
                    0 => Some(start),
                    _ => start
                        .with_day(1)
                        .and_then(|d| d.checked_add_months(Months::new(months))),
                }
            }
            Frequency::Yearly => {
                let years = whole(i64::from(from.year() - start.year()), n);
                match i32::try_from(years) {
                    Ok(0) | Err(_) => Some(start),
                    Ok(years) => NaiveDate::from_ymd_opt(start.year() + years, 1, 1),
                }
            }
            _ => Some(start),
        };
        moved.filter(|d| *d <= from).unwrap_or(start)
    }

    /// One period of the rule in days (an upper bound for months and years).
    fn period_days(&self) -> u64 {
        let n = u64::from(self.rule.get_interval().max(1));
        match self.rule.get_freq() {
            Frequency::Yearly => 366 * n,
            Frequency::Monthly => 31 * n,
            Frequency::Weekly => 7 * n,
            _ => n,
        }
    }
}

/// `value` rounded down to a multiple of `step`, as a day/month count.
fn whole(value: i64, step: i64) -> u64 {
    u64::try_from(value / step * step).unwrap_or(0)
}

fn noon(date: NaiveDate, tz: Tz) -> Option<DateTime<Tz>> {
    let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
    tz.from_local_datetime(&date.and_time(noon)).earliest()
}

/// Takes UNTIL out of a rule: we apply it as "no date after this local day"
/// (the date as written), which works for a date (`20271231`), a UTC
/// instant (`20271231T230000Z`) and a floating time alike.
fn split_until(rrule: &str) -> Result<(String, Option<NaiveDate>), String> {
    let mut until = None;
    let mut rest = Vec::new();
    for part in rrule.trim().split(';').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                let value = value.trim();
                let date = value
                    .get(..8)
                    .filter(|_| value.len() == 8 || value.as_bytes().get(8) == Some(&b'T'))
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
                    .ok_or_else(|| {
                        format!("UNTIL={value} is not a date like 20271231 or 20271231T230000Z")
                    })?;
                until = Some(date);
            }
            _ => rest.push(part),
        }
    }
    Ok((rest.join(";"), until))
}

#[cfg(test)]
mod tests;
