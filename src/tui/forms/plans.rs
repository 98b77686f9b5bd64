//! The small planning forms: cadence, snooze, hook, follow-up.

use crate::model::{HookKind, Id};
use crate::parse::{Lean, parse_date, parse_duration, parse_until};

use super::{Ctx, Field, Form, FormKind};
use crate::i18n::{self, Lang};
use crate::text::{self, cadence, clean};
use crate::tui::effects::Effect;
use crate::{t, tr};

/// The snooze choices, for when no date is typed.
const SNOOZES: [&str; 5] = ["1d", "3d", "1w", "2w", "1m"];
/// The same choices in days, for the words of another language.
const SNOOZE_DAYS: [u32; 5] = [1, 3, 7, 14, 30];

/// The hook kinds' names in `lang`.
fn kinds(lang: Lang) -> Vec<String> {
    HookKind::ALL
        .iter()
        .map(|k| text::hook_kind_name(lang, *k).to_string())
        .collect()
}

pub fn cadence_form(contact: Id, name: &str, current: Option<u32>) -> Form {
    Form::new(
        FormKind::Cadence { contact },
        t!("tui-cadence-title", name = clean(name)),
        vec![Field::text(
            tr!("tui-field-every"),
            &current.map(cadence).unwrap_or_default(),
            tr!("tui-hint-every"),
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
    let english: Vec<String> = SNOOZES.iter().map(|s| s.to_string()).collect();
    let options = match i18n::current() {
        Lang::En => english.clone(),
        lang => SNOOZE_DAYS.map(|d| text::cadence_in(lang, d)).to_vec(),
    };
    Form::new(
        FormKind::Snooze { contact },
        t!("tui-snooze-title", name = clean(name)),
        vec![
            Field::text(tr!("tui-field-until"), "", tr!("tui-hint-until")),
            Field::choice(tr!("tui-field-or-for"), options, 2, tr!("tui-hint-or-for"))
                .keys_of(&english),
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
        return Err(t!("tui-error-snooze-past", input = input));
    }
    Ok(Effect::Snooze { contact, until })
}

pub fn hook_form(contact: Id, name: &str) -> Form {
    Form::new(
        FormKind::Hook { contact },
        t!("tui-hook-title", name = clean(name)),
        vec![
            Field::text(tr!("tui-field-text"), "", tr!("tui-hint-hook-text")),
            Field::choice(
                tr!("tui-field-kind"),
                kinds(i18n::current()),
                HookKind::ALL
                    .iter()
                    .position(|k| *k == HookKind::default())
                    .unwrap_or(0),
                tr!("tui-hint-hook-kind"),
            )
            .keys_of(&kinds(Lang::En)),
        ],
    )
}

pub fn submit_hook(form: &Form, contact: Id) -> Result<Effect, String> {
    let text = form.fields[0].text_value();
    if text.is_empty() {
        return Err(tr!("tui-error-hook-text").into());
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
        t!("tui-followup-title", name = clean(name)),
        vec![
            Field::text(tr!("tui-field-when"), "", tr!("tui-hint-followup-when")),
            Field::text(tr!("tui-field-note"), "", tr!("tui-hint-followup-note")),
        ],
    )
}

pub fn submit_followup(form: &Form, ctx: &Ctx, contact: Id) -> Result<Effect, String> {
    let when = form.fields[0].text_value();
    if when.is_empty() {
        return Err(tr!("tui-error-followup-when").into());
    }
    let due = parse_date(when, ctx.today, Lean::Future).map_err(|e| e.to_string())?;
    let note = form.fields[1].text_value();
    if note.is_empty() {
        return Err(tr!("tui-error-followup-note").into());
    }
    Ok(Effect::AddFollowUp {
        contact,
        due,
        note: note.to_string(),
    })
}
