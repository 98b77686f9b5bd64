-- draht schema: a removed touch's id is never given to another touch.
--
-- touches.id was a plain INTEGER PRIMARY KEY, which SQLite gives again to
-- the next touch once the touch with the highest id is deleted: after
-- `draht touch rm 12`, the next `draht log` was #12 again, and a note, a
-- script or a follow-up that said #12 meant another touch. AUTOINCREMENT
-- never hands out an id twice; SQLite adds it only by rebuilding the table.
--
-- The rebuild is SQLite's procedure for the changes ALTER TABLE cannot make
-- (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
--
-- * The migration runner (src/store/open.rs) turns foreign keys off around
--   the steps and checks every reference before the commit. With them on,
--   `DROP TABLE touches` would first delete every touch and cascade into
--   each table that references touches (touch_participants, and those of
--   other steps, such as capture's touch links), and nothing would be left.
-- * The new table is made under another name, filled, and renamed to
--   `touches` once the old one is gone: the other tables name their parent
--   `touches`, and so they refer to the new table without being rebuilt.
-- * Every column and row is copied as it is, ids included; touches has no
--   index, trigger or view of its own to carry over (the indexes on its
--   participants belong to touch_participants, which is not touched).
--   A later step that adds a column to touches must come after this one,
--   or be added to the copy below.
-- * The counter (sqlite_sequence) starts at the highest id copied: the ids
--   of touches removed before this step are not known.

CREATE TABLE touches_v8 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    channel    TEXT    NOT NULL CHECK (channel IN ('sms', 'email', 'chat', 'call', 'video', 'meet')),
    note       TEXT,
    outcome    TEXT    NOT NULL DEFAULT 'done' CHECK (outcome IN ('done', 'missed')),
    rating     INTEGER CHECK (rating IS NULL OR rating IN (-1, 0, 1)),
    hook_id    INTEGER REFERENCES hooks (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);

INSERT INTO touches_v8 (id, at, channel, note, outcome, rating, hook_id, created_at)
SELECT id, at, channel, note, outcome, rating, hook_id, created_at FROM touches;

DROP TABLE touches;
ALTER TABLE touches_v8 RENAME TO touches;
