//! The Contacts tab's list: sort order and `/` fuzzy filter (nucleo) over the
//! precomputed rows. Sorting happens when the data or the sort changes,
//! filtering on each keystroke; drawing only reads `view`.

use std::cmp::Ordering;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::app::ListState;
use super::data::{ContactRow, char_mask};
use crate::matching;
use crate::model::Id;
use crate::schedule::Status;

/// How the contact list is ordered.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Sort {
    Name,
    /// Most urgent first: overdue (longest first), due, planned, soon, ok, no cadence.
    Status,
    /// Longest without a touch first; never touched at the top.
    LastTouch,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Name => Sort::Status,
            Sort::Status => Sort::LastTouch,
            Sort::LastTouch => Sort::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => crate::tr!("tui-sort-name"),
            Sort::Status => crate::tr!("tui-sort-status"),
            Sort::LastTouch => crate::tr!("tui-sort-last-touch"),
        }
    }
}

fn status_rank(row: &ContactRow) -> (u8, i64) {
    let rank = match row.status {
        Some(Status::Overdue) => 0,
        Some(Status::Due) => 1,
        Some(Status::Planned) => 2,
        Some(Status::Soon) => 3,
        Some(Status::Ok) => 4,
        None => 5,
    };
    (rank, -row.days_overdue.unwrap_or(0))
}

fn compare(sort: Sort, a: &ContactRow, b: &ContactRow) -> Ordering {
    let by_name = || a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id));
    match sort {
        Sort::Name => by_name(),
        Sort::Status => status_rank(a).cmp(&status_rank(b)).then_with(by_name),
        Sort::LastTouch => a.last_touch_at.cmp(&b.last_touch_at).then_with(by_name),
    }
}

pub struct ContactList {
    pub sort: Sort,
    /// All rows in sort order (indices into the snapshot's rows).
    sorted: Vec<usize>,
    /// The rows shown: `sorted`, narrowed and ranked by the filter.
    pub view: Vec<usize>,
    pub state: ListState,
    matcher: Matcher,
    /// The last plain query and which rows matched it.
    matched: Option<(String, Vec<bool>)>,
}

impl ContactList {
    pub fn new(rows: &[ContactRow]) -> ContactList {
        let mut list = ContactList {
            sort: Sort::Name,
            sorted: Vec::new(),
            view: Vec::new(),
            state: ListState::default(),
            matcher: Matcher::new(Config::DEFAULT),
            matched: None,
        };
        list.rebuild(rows, "", None);
        list
    }

    pub fn selected_id(&self, rows: &[ContactRow]) -> Option<Id> {
        self.view
            .get(self.state.selected)
            .and_then(|i| rows.get(*i))
            .map(|r| r.id)
    }

    /// Re-sorts and re-filters after new data; selects `keep` if still shown.
    pub fn rebuild(&mut self, rows: &[ContactRow], query: &str, keep: Option<Id>) {
        self.sorted = (0..rows.len()).collect();
        let sort = self.sort;
        self.sorted
            .sort_by(|a, b| compare(sort, &rows[*a], &rows[*b]));
        self.matched = None;
        self.refilter(rows, query, keep);
    }

    /// Changes the sort, keeping the selected contact.
    pub fn set_sort(&mut self, rows: &[ContactRow], query: &str, sort: Sort) {
        let keep = self.selected_id(rows);
        self.sort = sort;
        self.rebuild(rows, query, keep);
    }

    /// Narrows `view` to the rows matching `query` (best matches first,
    /// then sort order), selecting `keep` if it is shown, else the first row.
    ///
    /// Three shortcuts keep a keystroke cheap with many contacts: a row
    /// whose characters cannot cover the query is skipped unscored; a query
    /// that only extends the last one searches the last matches only; and
    /// the transliterated form is scored only where the folded one missed.
    pub fn refilter(&mut self, rows: &[ContactRow], query: &str, keep: Option<Id>) {
        let [folded, alt_query] = matching::keys(query);
        if folded.is_empty() {
            self.view.clone_from(&self.sorted);
            self.matched = None;
        } else {
            let plain = !folded.contains(['!', '^', '$', '\\', '\'']);
            let need = if plain {
                char_mask(&folded) & char_mask(&alt_query)
            } else {
                0
            };
            let narrowing = plain
                && self
                    .matched
                    .as_ref()
                    .is_some_and(|(last, _)| folded.starts_with(last.as_str()));
            let pattern = Pattern::parse(&folded, CaseMatching::Ignore, Normalization::Smart);
            let alt = (alt_query != folded)
                .then(|| Pattern::parse(&alt_query, CaseMatching::Ignore, Normalization::Smart));
            let mut hits = vec![false; rows.len()];
            let mut scored: Vec<(u32, usize)> = Vec::new();
            for &i in &self.sorted {
                if narrowing && !self.matched.as_ref().is_some_and(|(_, m)| m[i]) {
                    continue;
                }
                let row = &rows[i];
                if row.mask & need != need {
                    continue;
                }
                let score = pattern
                    .score(row.haystack.slice(..), &mut self.matcher)
                    .or_else(|| {
                        alt.as_ref()
                            .unwrap_or(&pattern)
                            .score(row.haystack_alt.slice(..), &mut self.matcher)
                    });
                if let Some(score) = score {
                    hits[i] = true;
                    scored.push((score, i));
                }
            }
            // stable: equal scores keep the sort order
            scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            self.view = scored.into_iter().map(|(_, i)| i).collect();
            self.matched = plain.then_some((folded, hits));
        }
        self.state.selected = keep
            .and_then(|id| self.view.iter().position(|i| rows[*i].id == id))
            .unwrap_or(0);
        self.state.offset = self.state.offset.min(self.state.selected);
    }

    /// Moves the selection by `by` rows, clamped.
    pub fn move_by(&mut self, by: isize) {
        let last = self.view.len().saturating_sub(1) as isize;
        self.state.selected = (self.state.selected as isize + by).clamp(0, last.max(0)) as usize;
    }
}
