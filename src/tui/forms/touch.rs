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

/// When the touch was, as the form shows it (to the minute) in the
/// interface language's way ("2026-11-28 14:00" — "28.11.2026 14:00"),
/// which the field reads back: left as it is, the touch keeps its exact
/// instant.
fn shown_when(touch: &Touch) -> String {
    when_text(clock::local(touch.at).naive_local())
}

/// A moment in the pattern `tui-touch-when-format` (a chrono pattern the
/// translator chooses among those the date parser reads).
fn when_text(at: chrono::NaiveDateTime) -> String {
    let pattern = tr!("tui-touch-when-format").trim();
    match chrono::format::StrftimeItems::new(pattern).parse() {
        Ok(items) => at.format_with_items(items.into_iter()).to_string(),
        Err(_) => at.format("%Y-%m-%d %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The time the form shows, in either language, is read back by the
    /// field as the same minute.
    #[test]
    fn the_shown_time_reads_back_in_both_languages() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 5)
            .and_then(|d| d.and_hms_opt(8, 7, 0))
            .unwrap();
        for (lang, shown) in [
            (Lang::En, "2026-03-05 08:07"),
            (Lang::De, "05.03.2026 08:07"),
        ] {
            let text = i18n::with_lang(lang, || when_text(at));
            assert_eq!(text, shown);
            assert_eq!(parse_when(&text, now, Lean::Past).unwrap(), at, "{lang:?}");
        }
    }
}
