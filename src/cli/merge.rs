//! `merge A B`: two contacts of one person made one (see `app::merge`).

use super::args::MergeArgs;
use super::render::clean;
use super::{Ctx, confirm};
use crate::app::Who;
use crate::app::merge::{merge as merge_contacts, plan};
use crate::error::{Error, Result};
use crate::text::merge::merge_plan;
use crate::{t, tr};

pub fn merge(ctx: &mut Ctx, args: &MergeArgs) -> Result<String> {
    let (keep, gone) = (Who::Named(&args.keep), Who::Named(&args.gone));
    let planned = plan(&mut ctx.store, keep, gone)?;
    if args.dry_run {
        return if ctx.json {
            ctx.to_json(&planned)
        } else {
            Ok(format!(
                "{}\n{}",
                tr!("merge-dry-run"),
                merge_plan(&planned)
            ))
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
        eprint!("{}", merge_plan(&planned));
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
