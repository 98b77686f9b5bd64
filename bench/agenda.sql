-- The agenda's check-in part as one SQL query over the same file: the floor
-- that bench/compare.sh compares `draht today` with. Days are UTC days and
-- the horizon is 7 days; :today is replaced by the script.
WITH f AS (
    SELECT c.id, c.name, c.sphere, c.cadence_days AS cadence, s.written_streak,
           s.last_touch_channel, s.last_personal_channel,
           max(coalesce(date(s.last_personal_at, 'unixepoch', '+' || c.cadence_days || ' days'),
                        date(c.created_at, 'unixepoch')),
               coalesce(c.snoozed_until, ''),
               coalesce(date(s.last_missed_at, 'unixepoch', '+3 days'), '')) AS due
    FROM contacts c LEFT JOIN contact_summary s ON s.contact_id = c.id
    WHERE c.archived = 0 AND c.cadence_days IS NOT NULL
), g AS (
    SELECT f.*, julianday(:today) - julianday(due) AS late,
           EXISTS (SELECT 1 FROM followups u
                   WHERE u.contact_id = f.id AND u.done_at IS NULL
                     AND u.due BETWEEN :today AND date(max(f.due, :today), '+7 days')) AS planned
    FROM f
)
SELECT CASE WHEN planned THEN 'planned' WHEN late > 0 THEN 'overdue'
            WHEN late = 0 THEN 'due' ELSE 'soon' END AS status,
       name, sphere, due, late, cadence, last_touch_channel, last_personal_channel, written_streak,
       (SELECT text FROM hooks h WHERE h.contact_id = g.id
        ORDER BY used_at IS NOT NULL, CASE WHEN used_at IS NULL THEN -created_at ELSE used_at END, id DESC
        LIMIT 1) AS hook
FROM g
WHERE planned OR late >= -7
ORDER BY status, late * 1.0 / cadence DESC, lower(name);
