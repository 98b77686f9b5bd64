//! What one pass does with one item, from how its two sides stand.

/// How one side of an item (its file in the folder, or its record in the
/// database) stands against the sync state of the last pass.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Side {
    /// There is none: the file is gone, or the record was removed (for a
    /// contact: removed or archived).
    Absent,
    /// As it was at the last pass (its fields hold the state's digest).
    Same,
    /// Changed since the last pass, or new.
    Changed,
}

/// What a pass does with an item.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Nothing,
    /// The file changed: the record takes it (adding the record if needed).
    Import,
    /// The record changed: its file is written.
    Export,
    /// Both changed: [`crate::sync::merge`] decides field by field.
    Merge,
    /// The file was deleted: the record goes (a contact is archived, never
    /// deleted).
    RemoveRecord,
    /// The record went: its file is deleted.
    DeleteFile,
    /// Both are gone: the state forgets the item.
    Forget,
}

/// The action for an item; `known` says whether the sync state has it
/// (without, there is nothing to compare with, and whatever exists is new).
///
/// A change beats a deletion on the other side, as vdirsyncer has it: a
/// record changed here whose file was deleted is written again, and a file
/// changed in the folder whose record was removed here brings it back.
/// Nothing is lost by a sync; a deletion only goes through where the other
/// side kept the item as it was.
pub fn decide(known: bool, file: Side, record: Side) -> Action {
    use Action::*;
    use Side::*;
    if !known {
        return match (file, record) {
            (Absent, Absent) => Nothing,
            (_, Absent) => Import,
            (Absent, _) => Export,
            _ => Merge,
        };
    }
    match (file, record) {
        (Same, Same) => Nothing,
        (Changed, Same) => Import,
        (Same, Changed) => Export,
        (Changed, Changed) => Merge,
        (Absent, Same) => RemoveRecord,
        (Absent, Changed) => Export,
        (Same, Absent) => DeleteFile,
        (Changed, Absent) => Import,
        (Absent, Absent) => Forget,
    }
}

#[cfg(test)]
mod tests {
    use super::Action::*;
    use super::Side::*;
    use super::*;

    #[test]
    fn every_case_has_its_action() {
        #[rustfmt::skip]
        let table = [
            // known  file     record    action
            (true,  Same,    Same,    Nothing),
            (true,  Changed, Same,    Import),       // khard edited the card
            (true,  Same,    Changed, Export),       // draht edited the contact
            (true,  Changed, Changed, Merge),        // both did
            (true,  Absent,  Same,    RemoveRecord), // the file was deleted
            (true,  Absent,  Changed, Export),       // deleted there, changed here: kept
            (true,  Same,    Absent,  DeleteFile),   // archived or removed in draht
            (true,  Changed, Absent,  Import),       // removed here, changed there: back
            (true,  Absent,  Absent,  Forget),
            (false, Changed, Absent,  Import),       // a new file
            (false, Same,    Absent,  Import),
            (false, Absent,  Changed, Export),       // a new record
            (false, Absent,  Same,    Export),
            (false, Changed, Changed, Merge),        // the same UID new on both sides
            (false, Same,    Same,    Merge),
            (false, Absent,  Absent,  Nothing),
        ];
        for (known, file, record, action) in table {
            assert_eq!(
                decide(known, file, record),
                action,
                "known {known}, file {file:?}, record {record:?}"
            );
        }
    }

    #[test]
    fn a_sync_never_drops_a_change() {
        for known in [true, false] {
            for file in [Absent, Same, Changed] {
                for record in [Absent, Same, Changed] {
                    let action = decide(known, file, record);
                    if file == Changed {
                        assert!(
                            matches!(action, Import | Merge),
                            "a changed file is read: {known} {file:?} {record:?} → {action:?}"
                        );
                    }
                    if record == Changed {
                        assert!(
                            matches!(action, Export | Merge),
                            "a changed record is written: {known} {file:?} {record:?} → {action:?}"
                        );
                    }
                }
            }
        }
    }
}
