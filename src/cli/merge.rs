//! `merge A B`: two contacts of one person made one (see `app::merge`).

use super::args::MergeArgs;
use super::render::clean;
use super::{Ctx, confirm};
use crate::app::Who;
use crate::app::merge::{MergePlan, merge as merge_contacts, plan};
use crate::error::{Error, Result};
use crate::{t, tr};

pub fn merge(ctx: &mut Ctx, args: &MergeArgs) -> Result<String> {
    let (keep, gone) = (Who::Named(&args.keep), Who::Named(&args.gone));
    let planned = plan(&mut ctx.store, keep, gone)?;
    if args.dry_run {
        return if ctx.json {
            ctx.to_json(&planned)
        } else {
            Ok(format!("{}\n{}", tr!("merge-dry-run"), describe(&planned)))
        };
    }
    if !args.yes {
        if !ctx.interactive {
            return Err(Error::input(t!(
                "error-merge-confirm",
                gone = clean(&planned.gone.name),
                kept = clean(&planned.kept.name)
            )));
        }
        eprint!("{}", describe(&planned));
        if !confirm(tr!("merge-ask"))? {
            return Err(Error::input(tr!("merge-not-merged")));
        }
    }
    // by id: the people the question was about
    let (keep, gone) = (Who::Id(planned.kept.id), Who::Id(planned.gone.id));
    let done = merge_contacts(&mut ctx.store, keep, gone, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&done);
    }
    Ok(format!(
        "{}\n",
        t!(
            "merge-done",
            gone = clean(&done.gone.name),
            kept = clean(&done.kept.name)
        )
    ))
}

/// What a merge does, in a few lines.
fn describe(plan: &MergePlan) -> String {
    let (kept, gone) = (clean(&plan.kept.name), clean(&plan.gone.name));
    let mut out = format!("{}\n", t!("merge-title", gone = &*gone, kept = &*kept));
    let m = &plan.moved;
    let mut moved = vec![t!("merge-touches", count = m.touches)];
    if m.shared_touches > 0 {
        moved[0].push_str(&t!("merge-shared", count = m.shared_touches));
    }
    moved.push(t!("merge-hooks", count = m.hooks));
    moved.push(t!("merge-followups", count = m.followups));
    moved.push(t!("merge-jourfixe", count = m.jourfixe));
    out.push_str(&format!(
        "  {}\n",
        t!("merge-moves", list = moved.join(", "))
    ));
    let mut added = Vec::new();
    for (what, items) in [
        ("merge-added-emails", &plan.added_emails),
        ("merge-added-phones", &plan.added_phones),
        ("merge-added-tags", &plan.added_tags),
    ] {
        if !items.is_empty() {
            let items: Vec<String> = items.iter().map(|i| clean(i)).collect();
            added.push(t!(crate::i18n::current(); what, items = items.join(", ")));
        }
    }
    if !added.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            t!("merge-adds", list = added.join("; "))
        ));
    }
    let fields: Vec<&str> = plan
        .fields
        .iter()
        .copied()
        .filter(|f| !matches!(*f, "emails" | "phones" | "tags"))
        .collect();
    if !fields.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            t!("merge-takes", gone = &*gone, fields = fields.join(", "))
        ));
    }
    out.push_str(&format!(
        "  {}\n",
        t!("merge-then", gone = &*gone, kept = &*kept)
    ));
    out
}
