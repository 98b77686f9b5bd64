-- draht schema: capture — touches read from the user's own mail and
-- calendars (`draht capture`, src/store/capture.rs). It refers only to the
-- tables of 0001 (contacts, touches), so it can take any number after them.
--
-- A source is one maildir, mbox or calendar path (and, later, a phone's
-- exports: the kinds are all listed here so that no later step has to
-- rebuild this table to widen its CHECK).

CREATE TABLE capture_sources (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('maildir', 'mbox', 'calendar', 'sms-backup', 'whatsapp', 'telegram')),
    -- the absolute path it was read from
    path        TEXT    NOT NULL UNIQUE,
    -- shown beside its touches ("work mail")
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    -- what the marks below were made under: a hash of the matching rules
    -- (addresses, own addresses, limits) and the --since day (NULL: all);
    -- a run under other rules reads the whole source again
    rules       INTEGER,
    since       TEXT,
    created_at  INTEGER NOT NULL,
    last_run_at INTEGER
);

-- A message or event (by its source key: Message-ID, UID + RECURRENCE-ID)
-- that was counted for a contact. Re-capture skips a key it finds here, so
-- nothing is counted twice, also after a touch was removed by hand.
CREATE TABLE capture_keys (
    source_id  INTEGER NOT NULL REFERENCES capture_sources (id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, key, contact_id)
) WITHOUT ROWID;
CREATE INDEX capture_keys_contact ON capture_keys (contact_id);

-- Which touches a source made or joined, and how many items each holds.
-- `created` = 1: capture made the touch (forgetting its last source removes
-- it); 0: it joined a touch logged by hand or made by another source.
CREATE TABLE capture_touches (
    touch_id  INTEGER NOT NULL REFERENCES touches (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES capture_sources (id) ON DELETE CASCADE,
    items     INTEGER NOT NULL CHECK (items >= 0),
    created   INTEGER NOT NULL CHECK (created IN (0, 1)),
    PRIMARY KEY (touch_id, source_id)
) WITHOUT ROWID;
-- No index by source: only `--forget` and `--list` ask by source, and a
-- scan of this narrow table is quick, while an index would be written on
-- every captured touch.

-- Watermarks: how far each part of a source (a maildir folder, an mbox, a
-- calendar file) was read, in a form only its reader interprets; a part may
-- be written in several pieces (`seq`) so a long first read can commit as
-- it goes and resume after a kill.
CREATE TABLE capture_marks (
    source_id INTEGER NOT NULL REFERENCES capture_sources (id) ON DELETE CASCADE,
    part      TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    state     BLOB    NOT NULL,
    PRIMARY KEY (source_id, part, seq)
) WITHOUT ROWID;
