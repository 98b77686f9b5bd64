-- The address book as it came, and when each cadence started.
-- (No level number in here: renumbering this step is a file rename.)

-- The day a contact's check-in clock starts without a personal touch, and
-- the earliest day a check-in can come due: the day the cadence was set or
-- changed, or the later day an import or triage spread the first check-in
-- to. 'YYYY-MM-DD'; NULL for contacts without a cadence and for cadences
-- set before draht kept this (their clock starts on the day they were added).
ALTER TABLE contacts ADD COLUMN cadence_from TEXT;

-- The vCard an export starts from: the card as it was imported (or merged
-- from two), with every property draht does not read. An export writes it
-- back with only the properties draht changed patched in.
CREATE TABLE contact_cards (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    vcard      TEXT    NOT NULL
);

-- The identity of each record an import read ('uid:' and the card's UID, or
-- 'card:' and a hash of its N, FN and first e-mail when it has none) with the
-- record as last read, so that a re-import finds the contact again (also when
-- renamed or archived) and applies only what the source changed since.
CREATE TABLE card_sources (
    source     TEXT    PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    vcard      TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX card_sources_contact ON card_sources (contact_id);
