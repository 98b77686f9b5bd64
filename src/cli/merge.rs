//! `merge A B`: two contacts of one person made one (see `app::merge`).

use super::args::MergeArgs;
use super::interop::count;
use super::render::clean;
use super::{Ctx, confirm};
use crate::app::Who;
use crate::app::merge::{MergePlan, merge as merge_contacts, plan};
use crate::error::{Error, Result};

pub fn merge(ctx: &mut Ctx, args: &MergeArgs) -> Result<String> {
    let (keep, gone) = (Who::Named(&args.keep), Who::Named(&args.gone));
    let planned = plan(&mut ctx.store, keep, gone)?;
    if args.dry_run {
        return if ctx.json {
            ctx.to_json(&planned)
        } else {
            Ok(format!(
                "Dry run, nothing was changed.\n{}",
                describe(&planned)
            ))
        };
    }
    if !args.yes {
        if !ctx.interactive {
            return Err(Error::input(format!(
                "merging moves everything of {} to {} and removes {}; add --yes to confirm, or --dry-run to see what it would do",
                clean(&planned.gone.name),
                clean(&planned.kept.name),
                clean(&planned.gone.name)
            )));
        }
        eprint!("{}", describe(&planned));
        if !confirm("Merge them?")? {
            return Err(Error::input("not merged"));
        }
    }
    // by id: the people the question was about
    let (keep, gone) = (Who::Id(planned.kept.id), Who::Id(planned.gone.id));
    let done = merge_contacts(&mut ctx.store, keep, gone, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&done);
    }
    Ok(format!(
        "Merged {} into {}.\n",
        clean(&done.gone.name),
        clean(&done.kept.name)
    ))
}

/// What a merge does, in a few lines.
fn describe(plan: &MergePlan) -> String {
    let (kept, gone) = (clean(&plan.kept.name), clean(&plan.gone.name));
    let mut out = format!("Merge {gone} into {kept}:\n");
    let m = &plan.moved;
    let mut moved = vec![count(m.touches, "touch", "touches")];
    if m.shared_touches > 0 {
        moved[0].push_str(&format!(" ({} with both, kept once)", m.shared_touches));
    }
    moved.push(count(m.hooks, "hook", "hooks"));
    moved.push(count(m.followups, "follow-up", "follow-ups"));
    moved.push(count(m.jourfixe, "Jour fixe", "Jour fixe"));
    out.push_str(&format!("  moves {}\n", moved.join(", ")));
    let mut added = Vec::new();
    for (what, items) in [
        ("e-mails", &plan.added_emails),
        ("phones", &plan.added_phones),
        ("tags", &plan.added_tags),
    ] {
        if !items.is_empty() {
            let items: Vec<String> = items.iter().map(|i| clean(i)).collect();
            added.push(format!("{what} {}", items.join(", ")));
        }
    }
    if !added.is_empty() {
        out.push_str(&format!("  adds {}\n", added.join("; ")));
    }
    let fields: Vec<&str> = plan
        .fields
        .iter()
        .copied()
        .filter(|f| !matches!(*f, "emails" | "phones" | "tags"))
        .collect();
    if !fields.is_empty() {
        out.push_str(&format!("  takes from {gone}: {}\n", fields.join(", ")));
    }
    out.push_str(&format!(
        "  then removes {gone}; a re-import of its card updates {kept}\n"
    ));
    out
}
