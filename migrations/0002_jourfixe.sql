-- draht schema, level 2: Jour fixe — a standing, recurring appointment with one contact.
-- The recurrence is an RFC 5545 RRULE value (without DTSTART: `start` is its own column);
-- skipped dates are the EXDATE list.

CREATE TABLE jourfixes (
    id               INTEGER PRIMARY KEY,
    contact_id       INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    start            TEXT    NOT NULL,   -- 'YYYY-MM-DD', itself an occurrence
    rrule            TEXT    NOT NULL CHECK (length(trim(rrule)) > 0),
    time             TEXT,               -- 'HH:MM' local wall-clock time; NULL = all day
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    channel          TEXT    NOT NULL DEFAULT 'call' CHECK (channel IN ('sms', 'email', 'chat', 'call', 'video', 'meet')),
    note             TEXT,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       INTEGER NOT NULL
);
CREATE INDEX jourfixes_contact ON jourfixes (contact_id);

CREATE TABLE jourfixe_skips (
    jourfixe_id INTEGER NOT NULL REFERENCES jourfixes (id) ON DELETE CASCADE,
    date        TEXT    NOT NULL,        -- 'YYYY-MM-DD'
    PRIMARY KEY (jourfixe_id, date)
) WITHOUT ROWID;
