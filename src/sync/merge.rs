//! Both sides changed one item: field by field, and the newer side where
//! both changed the same field.

use super::fields::{Digest, Fields};

/// One side of a merge: `Mine` is what this side holds (the database in a
/// pass), `Theirs` the other (the file in the folder).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Winner {
    Mine,
    Theirs,
}

/// A field both sides changed to different values: the value of the side
/// that lost, for the app to keep as a note and report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    pub field: String,
    /// The side whose value was kept.
    pub kept: Winner,
    /// The loser's value (`""` when the loser had removed it).
    pub value: String,
}

/// How a merge comes out: start from `Mine`, take `theirs` from the other
/// side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Fields whose value comes from `Theirs`.
    pub theirs: Vec<String>,
    /// Fields both changed: what the loser had.
    pub lost: Vec<Lost>,
}

impl Merged {
    /// Whether the merged item is `Mine` as it is.
    pub fn keeps_mine(&self) -> bool {
        self.theirs.is_empty()
    }
}

/// Merges `mine` and `theirs`, which both changed since `base` (the digest
/// of the last pass; `None` when the item is new on both sides, so that
/// every field they disagree on counts as changed by both).
///
/// A field only one side changed takes that side's value; a field both
/// changed to the same value is simply that; a field both changed to
/// different values takes the value of `newer`, and the other value is
/// listed in [`Merged::lost`].
pub fn merge(base: Option<&Digest>, mine: &Fields, theirs: &Fields, newer: Winner) -> Merged {
    let mut merged = Merged::default();
    for field in mine.differing(theirs) {
        let (m, t) = (mine.get(field), theirs.get(field));
        let (mine_changed, theirs_changed) = match base {
            Some(base) => (!base.holds(field, m), !base.holds(field, t)),
            None => (true, true),
        };
        let winner = match (mine_changed, theirs_changed) {
            (true, false) => Winner::Mine,
            (false, true) => Winner::Theirs,
            // both changed (or, with a hash collision, neither seems to)
            _ => {
                merged.lost.push(Lost {
                    field: field.to_string(),
                    kept: newer,
                    value: match newer {
                        Winner::Mine => t.to_string(),
                        Winner::Theirs => m.to_string(),
                    },
                });
                newer
            }
        };
        if winner == Winner::Theirs {
            merged.theirs.push(field.to_string());
        }
    }
    merged
}

/// Which side changed last: the later of two times (milliseconds since
/// the epoch, as the file system and the database give them); a side
/// without a time is the older; a tie goes to `Mine`.
pub fn newer(mine: Option<i64>, theirs: Option<i64>) -> Winner {
    match (mine, theirs) {
        (_, None) => Winner::Mine,
        (None, Some(_)) => Winner::Theirs,
        (Some(m), Some(t)) if t > m => Winner::Theirs,
        _ => Winner::Mine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        let mut f = Fields::new();
        for (name, value) in pairs {
            f.set(*name, *value);
        }
        f
    }

    struct Case {
        what: &'static str,
        base: &'static [(&'static str, &'static str)],
        mine: &'static [(&'static str, &'static str)],
        theirs: &'static [(&'static str, &'static str)],
        newer: Winner,
        from_theirs: &'static [&'static str],
        lost: &'static [(&'static str, Winner, &'static str)],
    }

    #[test]
    fn fields_merge_by_who_changed_them() {
        use Winner::*;
        let base: &[(&str, &str)] = &[("name", "Anna"), ("company", "ACME"), ("nickname", "Annie")];
        let cases = [
            Case {
                what: "different fields: both kept",
                base,
                mine: &[
                    ("name", "Anna"),
                    ("company", "Initech"),
                    ("nickname", "Annie"),
                ],
                theirs: &[("name", "Anna"), ("company", "ACME"), ("nickname", "Ann")],
                newer: Mine,
                from_theirs: &["nickname"],
                lost: &[],
            },
            Case {
                what: "the same field, the same value: nothing lost",
                base,
                mine: &[
                    ("name", "Anna"),
                    ("company", "Initech"),
                    ("nickname", "Annie"),
                ],
                theirs: &[
                    ("name", "Anna"),
                    ("company", "Initech"),
                    ("nickname", "Annie"),
                ],
                newer: Theirs,
                from_theirs: &[],
                lost: &[],
            },
            Case {
                what: "the same field, newer theirs: theirs wins, mine is kept as lost",
                base,
                mine: &[
                    ("name", "Anna"),
                    ("company", "Initech"),
                    ("nickname", "Annie"),
                ],
                theirs: &[
                    ("name", "Anna"),
                    ("company", "Globex"),
                    ("nickname", "Annie"),
                ],
                newer: Theirs,
                from_theirs: &["company"],
                lost: &[("company", Theirs, "Initech")],
            },
            Case {
                what: "the same field, newer mine: mine wins",
                base,
                mine: &[
                    ("name", "Anna"),
                    ("company", "Initech"),
                    ("nickname", "Annie"),
                ],
                theirs: &[
                    ("name", "Anna"),
                    ("company", "Globex"),
                    ("nickname", "Annie"),
                ],
                newer: Mine,
                from_theirs: &[],
                lost: &[("company", Mine, "Globex")],
            },
            Case {
                what: "removed there, changed here: the change is newer and wins",
                base,
                mine: &[("name", "Anna"), ("company", "ACME"), ("nickname", "Nan")],
                theirs: &[("name", "Anna"), ("company", "ACME")],
                newer: Mine,
                from_theirs: &[],
                lost: &[("nickname", Mine, "")],
            },
            Case {
                what: "a field one side removed",
                base,
                mine: &[("name", "Anna"), ("company", "ACME"), ("nickname", "Annie")],
                theirs: &[("name", "Anna"), ("nickname", "Annie")],
                newer: Mine,
                from_theirs: &["company"],
                lost: &[],
            },
            Case {
                what: "a field one side added",
                base,
                mine: &[
                    ("name", "Anna"),
                    ("company", "ACME"),
                    ("nickname", "Annie"),
                    ("role", "CTO"),
                ],
                theirs: &[
                    ("name", "Anna"),
                    ("company", "ACME"),
                    ("nickname", "Annie"),
                    ("card:ADR", "x"),
                ],
                newer: Theirs,
                from_theirs: &["card:ADR"],
                lost: &[],
            },
        ];
        for case in cases {
            let merged = merge(
                Some(&fields(case.base).digest()),
                &fields(case.mine),
                &fields(case.theirs),
                case.newer,
            );
            assert_eq!(merged.theirs, case.from_theirs, "{}", case.what);
            let lost: Vec<(&str, Winner, &str)> = merged
                .lost
                .iter()
                .map(|l| (l.field.as_str(), l.kept, l.value.as_str()))
                .collect();
            assert_eq!(lost, case.lost, "{}", case.what);
        }
    }

    #[test]
    fn without_a_base_every_difference_is_a_conflict() {
        let mine = fields(&[("name", "Anna"), ("company", "ACME")]);
        let theirs = fields(&[("name", "Anna"), ("company", "Globex"), ("role", "CTO")]);
        let merged = merge(None, &mine, &theirs, Winner::Theirs);
        assert_eq!(merged.theirs, ["company", "role"]);
        assert_eq!(merged.lost.len(), 2);
        assert_eq!(merged.lost[0].value, "ACME");
        assert_eq!(merged.lost[1].value, "", "mine had no role");
    }

    #[test]
    fn the_later_change_is_the_newer() {
        use Winner::*;
        #[rustfmt::skip]
        let table = [
            (Some(10), Some(20), Theirs),
            (Some(20), Some(10), Mine),
            (Some(10), Some(10), Mine),
            (None, Some(10), Theirs),
            (Some(10), None, Mine),
            (None, None, Mine),
        ];
        for (mine, theirs, winner) in table {
            assert_eq!(newer(mine, theirs), winner, "{mine:?} {theirs:?}");
        }
    }
}
