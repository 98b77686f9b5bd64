-- The rest of the day's agenda beside the check-ins of bench/agenda.sql:
-- open follow-ups due within the horizon (not closed by a personal touch on
-- or after their date) and birthdays within it. bench/compare.sh times both
-- files together as the whole-agenda floor; Jour fixe are left out (their
-- rules are not SQL). :today is replaced by the script; Feb 29 and the
-- year-end wrap are only approximated, which changes no cost.
SELECT u.due, c.name, u.note, u.due < :today AS overdue
FROM followups u JOIN contacts c ON c.id = u.contact_id
LEFT JOIN contact_summary s ON s.contact_id = c.id
WHERE u.done_at IS NULL AND c.archived = 0 AND u.due <= date(:today, '+7 days')
  AND NOT coalesce(date(s.last_personal_at, 'unixepoch') >= u.due, 0)
ORDER BY u.due, lower(c.name), u.id;
WITH b AS (
    SELECT c.id, c.name, c.birthday,
           date(strftime('%Y', :today) || '-' || substr(c.birthday, -5)) AS this_year
    FROM contacts c WHERE c.archived = 0 AND c.birthday IS NOT NULL
), n AS (
    SELECT b.*, CASE WHEN this_year < :today THEN date(this_year, '+1 year')
                     ELSE this_year END AS next
    FROM b
)
SELECT next, name,
       CASE WHEN birthday NOT LIKE '--%' THEN strftime('%Y', next) - substr(birthday, 1, 4) END AS age
FROM n WHERE next <= date(:today, '+7 days')
ORDER BY next, lower(name), id;
