-- draht schema: indexes for the agenda's first read (issue 15).
--
-- `draht today` asks SQLite only for the contacts its agenda can concern:
-- those with a cadence, those whose birthday (month and day) falls near
-- the horizon, and those with an open follow-up (`store::facts::scan`).
-- Without these it walked every contact row to find them; with 10,000
-- people of whom a few hundred have a cadence that walk was half of the
-- command. Both are partial: archived contacts and people without a
-- cadence or a birthday take no entry.

-- The contacts with a cadence.
CREATE INDEX contacts_cadenced ON contacts (id)
    WHERE archived = 0 AND cadence_days IS NOT NULL;

-- Birthdays by month and day: the last five characters of `YYYY-MM-DD`
-- and of `--MM-DD` (the only forms the store writes) are `MM-DD`.
CREATE INDEX contacts_birthday_day ON contacts (substr(birthday, -5))
    WHERE archived = 0 AND birthday IS NOT NULL;
