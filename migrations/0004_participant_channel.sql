-- draht schema, level 4: a contact's history read from one index.
-- Each participant row carries copies of its touch's channel, outcome and
-- rating (as it already carries `at`), written by the store in the same
-- transaction as the touch (src/store/touches.rs), so that stats and the
-- agenda summary walk the index (contact_id, at, touch_id, …) alone instead
-- of looking up every touch in `touches`.
--
-- SQLite cannot add a NOT NULL column without a default, and a default would
-- hide a writer that forgets the copies; so the table is rebuilt. Nothing
-- references touch_participants, so dropping the old table is safe with
-- foreign keys on. A row whose touch is gone (possible only if foreign keys
-- were off when it was written) has nothing to copy and is not carried over.

CREATE TABLE touch_participants_v4 (
    touch_id   INTEGER NOT NULL REFERENCES touches (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    channel    TEXT    NOT NULL CHECK (channel IN ('sms', 'email', 'chat', 'call', 'video', 'meet')),
    outcome    TEXT    NOT NULL CHECK (outcome IN ('done', 'missed')),
    rating     INTEGER CHECK (rating IS NULL OR rating IN (-1, 0, 1)),
    PRIMARY KEY (touch_id, contact_id)
) WITHOUT ROWID;

INSERT INTO touch_participants_v4 (touch_id, contact_id, at, channel, outcome, rating)
SELECT p.touch_id, p.contact_id, p.at, t.channel, t.outcome, t.rating
FROM touch_participants p JOIN touches t ON t.id = p.touch_id;

DROP TABLE touch_participants;
ALTER TABLE touch_participants_v4 RENAME TO touch_participants;

-- covering: a contact's touches in (at, touch id) order with everything stats need
CREATE INDEX touch_participants_history
    ON touch_participants (contact_id, at, touch_id, channel, outcome, rating);
