//! Fixing a logged touch from the card (what `draht touch edit` does): the
//! note, channel, when, done or missed and the rating, each as it was.

use crate::clock;
use crate::model::{Channel, Outcome, Touch};
use crate::parse::{Lean, parse_when};

use super::log::{RATINGS, channel_field, is_now, outcome_field, rating_field};
use super::{Ctx, Field, Form, FormKind};
use crate::i18n;
use crate::text::{self, DateStyle};
use crate::tui::effects::Effect;
use crate::{t, tr};

const NOTE: usize = 0;
const CHANNEL: usize = 1;
const WHEN: usize = 2;
const OUTCOME: usize = 3;
const RATING: usize = 4;

/// The form for changing `touch`, its fields as they are.
pub fn touch_form(touch: &Touch) -> Form {
    let channel = Channel::ALL
        .iter()
        .position(|c| *c == touch.channel)
        .unwrap_or(3);
    let when = shown_when(touch);
    let rating = RATINGS
        .iter()
        .position(|(_, r)| *r == touch.rating)
        .unwrap_or(0);
    let lang = i18n::current();
    let date = text::date(
        lang,
        clock::local(touch.at).date_naive(),
        DateStyle::DayMonth,
    );
    Form::new(
        FormKind::Touch {
            touch: Box::new(touch.clone()),
        },
        t!(
            "tui-touch-title",
            channel = text::channel_name(lang, touch.channel),
            date = date
        ),
        vec![
            Field::text(
                tr!("tui-field-note"),
                touch.note.as_deref().unwrap_or(""),
                tr!("tui-hint-touch-note"),
            ),
            channel_field(channel),
            Field::text(tr!("tui-field-when"), &when, tr!("tui-hint-touch-when")),
            outcome_field(
                usize::from(touch.outcome == Outcome::Missed),
                tr!("tui-hint-touch-outcome"),
            ),
            rating_field(rating, tr!("tui-hint-touch-rating")),
        ],
    )
}

/// The touch as the form says it should be (same id, participants and hook).
pub fn submit(form: &Form, ctx: &Ctx, touch: &Touch) -> Result<Effect, String> {
    let f = &form.fields;
    let when = f[WHEN].text_value();
    let at = if when == shown_when(touch) {
        touch.at
    } else if when.is_empty() {
        return Err(tr!("tui-error-touch-when").into());
    } else if is_now(when) {
        ctx.now
    } else {
        clock::from_local(parse_when(when, ctx.local_now, Lean::Past).map_err(|e| e.to_string())?)
    };
    if crate::app::touches::is_future(at, ctx.now) {
        return Err(t!("tui-error-touch-future", when = when));
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
