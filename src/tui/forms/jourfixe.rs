//! The Jour fixe form: a rule phrase read live (the rule in words and its
//! next dates, or why it cannot be read, as you type), the channel by one
//! key as in the log form, an optional length and a note. It builds the
//! same [`Draft`] as `draht jourfixe add`.

use chrono::NaiveDate;

use super::{Ctx, Field, Form, FormKind};
use crate::jourfixe::{Draft, Tz, next_dates, parse_rule};
use crate::model::{Channel, Id};
use crate::parse::parse_minutes;
use crate::text::{clean, day_short};
use crate::tui::effects::Effect;

pub const RULE: usize = 0;
pub const CHANNEL: usize = 1;
pub const DURATION: usize = 2;
pub const NOTE: usize = 3;

/// How many next dates the live line shows.
const PREVIEW_DATES: usize = 3;

/// The form for a new Jour fixe with `name`, counted from `today`.
pub fn jourfixe_form(contact: Id, name: &str, today: NaiveDate) -> Form {
    let channels = Channel::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {}", i + 1, c.as_str()))
        .collect();
    let call = Channel::ALL
        .iter()
        .position(|c| *c == Channel::Call)
        .unwrap_or(3);
    Form::new(
        FormKind::JourFixe { contact, today },
        format!("Jour fixe with {}", clean(name)),
        vec![
            Field::text(
                "rule",
                "",
                "e.g. every 2nd tue 10:00 · weekly fri · every other thu 8:30",
            ),
            Field::choice("channel", channels, call, "1–6 picks, ← → moves"),
            Field::text("length", "", "optional: 30min, 45m, 1h, 1h30"),
            Field::text("note", "", "optional, e.g. our Sunday call"),
        ],
    )
}

/// The draft the form describes from `from` on, or why not.
fn draft(form: &Form, from: NaiveDate) -> Result<Draft, String> {
    let text = form.fields[RULE].text_value();
    let spec = parse_rule(text).map_err(|e| e.to_string())?;
    let channel = Channel::ALL[form.fields[CHANNEL]
        .choice_index()
        .min(Channel::ALL.len() - 1)];
    let length = form.fields[DURATION].text_value();
    let duration = match length {
        "" => None,
        text => Some(parse_minutes(text).map_err(|e| e.to_string())?),
    };
    let note = form.fields[NOTE].text_value();
    let words = spec.describe();
    Draft::new(spec, from, channel, duration, Some(note), Tz::LOCAL).ok_or_else(|| {
        format!("the rule \"{text}\" ({words}) has no date from today on; check its UNTIL or COUNT")
    })
}

/// The live line: "the 2nd Tuesday of every month at 10:00 — next: Tue 8
/// Dec, Tue 12 Jan, Tue 9 Feb", or the reason the rule cannot be read.
/// Nothing while the rule field is empty.
pub fn preview(form: &Form, today: NaiveDate) -> Option<Result<String, String>> {
    if form.fields[RULE].text_value().is_empty() {
        return None;
    }
    let text = form.fields[RULE].text_value();
    Some(match parse_rule(text) {
        Err(e) => Err(e.to_string()),
        Ok(spec) => match Draft::new(spec.clone(), today, Channel::Call, None, None, Tz::LOCAL) {
            None => Err(format!("{} — no date from today on", spec.describe())),
            Some(d) => {
                let dates: Vec<String> =
                    next_dates(&d.for_contact(0), d.start, PREVIEW_DATES, Tz::LOCAL)
                        .into_iter()
                        .map(|date| day_short(date, today))
                        .collect();
                Ok(format!("{} — next: {}", spec.describe(), dates.join(", ")))
            }
        },
    })
}

pub fn submit(form: &Form, ctx: &Ctx, contact: Id) -> Result<Effect, String> {
    let draft = draft(form, ctx.today)?;
    Ok(Effect::AddJourFixe { contact, draft })
}
