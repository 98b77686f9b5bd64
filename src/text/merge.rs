//! What a merge of two contacts does, in a few lines: the words of
//! `draht merge --dry-run` and of the TUI's merge confirmation (`M`).

use crate::app::merge::MergePlan;
use crate::t;
use crate::text::clean;

/// What a merge does, in a few lines.
pub fn merge_plan(plan: &MergePlan) -> String {
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
    let fields: Vec<String> = plan
        .fields
        .iter()
        .copied()
        .filter(|f| !matches!(*f, "emails" | "phones" | "tags"))
        .map(|field| t!("contact-field", field = field))
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
