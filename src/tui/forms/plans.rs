//! The small planning forms: cadence, snooze, hook, follow-up.

use crate::model::{HookKind, Id};
use crate::parse::{Lean, parse_date, parse_duration, parse_until};

use super::{Ctx, Field, Form, FormKind};
use crate::text::{cadence, clean};
use crate::tui::effects::Effect;

/// The snooze choices, for when no date is typed.
const SNOOZES: [&str; 5] = ["1d", "3d", "1w", "2w", "1m"];

pub fn cadence_form(contact: Id, name: &str, current: Option<u32>) -> Form {
    Form::new(
        FormKind::Cadence { contact },
        format!("How often to check in with {}", clean(name)),
        vec![Field::text(
            "every",
            &current.map(cadence).unwrap_or_default(),
            "3d, 2w, 6mo, 1y; empty: never comes due",
        )],
    )
}

pub fn submit_cadence(form: &Form, contact: Id) -> Result<Effect, String> {
    let text = form.fields[0].text_value();
    let days = match text {
        "" => None,
        t => Some(parse_duration(t).map_err(|e| e.to_string())?.approx_days()),
    };
    Ok(Effect::SetCadence { contact, days })
}

pub fn snooze_form(contact: Id, name: &str) -> Form {
    let options: Vec<String> = SNOOZES.iter().map(|s| s.to_string()).collect();
    Form::new(
        FormKind::Snooze { contact },
        format!("Snooze {}", clean(name)),
        vec![
            Field::text(
                "until",
                "",
                "friday, 2026-12-24, in 3 weeks; empty: for the time below",
            ),
            Field::choice("or for", options, 2, "← → or 1 3 w 2 m to choose"),
        ],
    )
}

pub fn submit_snooze(form: &Form, ctx: &Ctx, contact: Id) -> Result<Effect, String> {
    let typed = form.fields[0].text_value();
    let input = match typed {
        "" => SNOOZES
            .get(form.fields[1].choice_index())
            .copied()
            .unwrap_or("1w"),
        typed => typed,
    };
    let until = parse_until(input, ctx.today).map_err(|e| e.to_string())?;
    if until <= ctx.today {
        return Err(format!(
            "\"{input}\" is not in the future; snooze to a later date, e.g. 1w or next monday"
        ));
    }
    Ok(Effect::Snooze { contact, until })
}

pub fn hook_form(contact: Id, name: &str) -> Form {
    Form::new(
        FormKind::Hook { contact },
        format!("A reason to call {}", clean(name)),
        vec![
            Field::text(
                "text",
                "",
                "e.g. sailing in June, ask about the Berlin marathon",
            ),
            Field::choice(
                "kind",
                HookKind::ALL
                    .iter()
                    .map(|k| k.as_str().to_string())
                    .collect(),
                HookKind::ALL
                    .iter()
                    .position(|k| *k == HookKind::default())
                    .unwrap_or(0),
                "a shared project, an offer, something in common, a hobby, something personal",
            ),
        ],
    )
}

pub fn submit_hook(form: &Form, contact: Id) -> Result<Effect, String> {
    let text = form.fields[0].text_value();
    if text.is_empty() {
        return Err("a hook needs some text, e.g. sailing in June".into());
    }
    let kind = HookKind::ALL[form.fields[1].choice_index().min(HookKind::ALL.len() - 1)];
    Ok(Effect::AddHook {
        contact,
        kind,
        text: text.to_string(),
    })
}

pub fn followup_form(contact: Id, name: &str) -> Form {
    Form::new(
        FormKind::FollowUp { contact },
        format!("Follow-up with {}", clean(name)),
        vec![
            Field::text("when", "", "friday, in 2 weeks, +3d, 2026-12-04"),
            Field::text("note", "", "e.g. send the offer"),
        ],
    )
}

pub fn submit_followup(form: &Form, ctx: &Ctx, contact: Id) -> Result<Effect, String> {
    let when = form.fields[0].text_value();
    if when.is_empty() {
        return Err("when? e.g. friday, in 2 weeks, 2026-12-04".into());
    }
    let due = parse_date(when, ctx.today, Lean::Future).map_err(|e| e.to_string())?;
    let note = form.fields[1].text_value();
    if note.is_empty() {
        return Err("a follow-up needs a note, e.g. send the offer".into());
    }
    Ok(Effect::AddFollowUp {
        contact,
        due,
        note: note.to_string(),
    })
}
