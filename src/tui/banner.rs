//! The banner of a Jour fixe about to start: shown on every tab from its
//! reminder on (`remind_before`, or its own `--remind`) until it starts,
//! with the terminal bell rung once for it unless `bell = false`. The
//! answer comes from the app layer (`app::notify::imminent`) on each
//! refresh; this holds it and remembers which one already rang.

use chrono::NaiveDate;

use crate::model::Id;
use crate::remind::JourFixeSoon;

/// What the banner shows, and whether the bell is due.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Banner {
    /// The Jour fixe about to start, if any.
    pub soon: Option<JourFixeSoon>,
    /// The occurrence the bell last rang for.
    rung: Option<(Id, NaiveDate)>,
    /// The bell is to ring at the next draw.
    ring: bool,
}

impl Banner {
    /// Takes the app layer's answer; a new occurrence rings the bell once
    /// (when `bell` is on).
    pub fn set(&mut self, soon: Option<JourFixeSoon>, bell: bool) {
        if let Some(s) = &soon {
            let key = (s.id, s.date);
            if self.rung != Some(key) {
                self.rung = Some(key);
                self.ring = bell;
            }
        }
        self.soon = soon;
    }

    /// Whether to ring the bell now; it rings once.
    pub fn take_ring(&mut self) -> bool {
        std::mem::take(&mut self.ring)
    }
}
