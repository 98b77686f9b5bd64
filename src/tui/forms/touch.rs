//! Fixing a logged touch from the card (what `draht touch edit` does): the
//! note, channel, when, done or missed and the rating, each as it was.

use crate::clock;
use crate::model::{Channel, Outcome, Touch};
use crate::parse::{Lean, parse_when};

use super::log::RATINGS;
use super::{Ctx, Field, Form, FormKind};
use crate::tui::effects::Effect;

const NOTE: usize = 0;
const CHANNEL: usize = 1;
const WHEN: usize = 2;
const OUTCOME: usize = 3;
const RATING: usize = 4;

/// The form for changing `touch`, its fields as they are.
pub fn touch_form(touch: &Touch) -> Form {
    let channels = Channel::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {}", i + 1, c.as_str()))
        .collect();
    let channel = Channel::ALL
        .iter()
        .position(|c| *c == touch.channel)
        .unwrap_or(3);
    let when = shown_when(touch);
    let rating = RATINGS
        .iter()
        .position(|(_, r)| *r == touch.rating)
        .unwrap_or(0);
    let date = clock::local(touch.at).format("%-d %b");
    Form::new(
        FormKind::Touch {
            touch: Box::new(touch.clone()),
        },
        format!("Fix the {} of {date}", touch.channel.as_str()),
        vec![
            Field::text(
                "note",
                touch.note.as_deref().unwrap_or(""),
                "empty: no note",
            ),
            Field::choice("channel", channels, channel, "1–6 picks, ← → moves"),
            Field::text(
                "when",
                &when,
                "15:00, yesterday 18:30, 3d ago, last fri, 2026-11-20 15:00",
            ),
            Field::choice(
                "outcome",
                vec!["done".into(), "missed".into()],
                usize::from(touch.outcome == Outcome::Missed),
                "m missed: no answer, cancelled",
            ),
            Field::choice(
                "rating",
                RATINGS.iter().map(|(l, _)| l.to_string()).collect(),
                rating,
                "Wie lief's?",
            ),
        ],
    )
}

/// The touch as the form says it should be (same id, participants and hook).
pub fn submit(form: &Form, ctx: &Ctx, touch: &Touch) -> Result<Effect, String> {
    let f = &form.fields;
    let when = f[WHEN].text_value();
    let at = if when == shown_when(touch) {
        touch.at
    } else if when.eq_ignore_ascii_case("now") {
        ctx.now
    } else if when.is_empty() {
        return Err("when was it? e.g. yesterday 18:30 or 2026-11-20 15:00".into());
    } else {
        clock::from_local(parse_when(when, ctx.local_now, Lean::Past).map_err(|e| e.to_string())?)
    };
    if crate::app::touches::is_future(at, ctx.now) {
        return Err(format!(
            "\"{when}\" is in the future; a touch is what already happened"
        ));
    }
    let mut fixed = touch.clone();
    fixed.at = at;
    fixed.channel = Channel::ALL[f[CHANNEL].choice_index().min(Channel::ALL.len() - 1)];
    fixed.note = super::non_empty(f[NOTE].text_value());
    fixed.outcome = match f[OUTCOME].choice_index() {
        1 => Outcome::Missed,
        _ => Outcome::Done,
    };
    fixed.rating = RATINGS.get(f[RATING].choice_index()).and_then(|(_, r)| *r);
    Ok(Effect::EditTouch {
        touch: Box::new(fixed),
    })
}

/// When the touch was, as the form shows it (to the minute): left as it
/// is, the touch keeps its exact instant.
fn shown_when(touch: &Touch) -> String {
    clock::local(touch.at).format("%Y-%m-%d %H:%M").to_string()
}
