# draht's words in English. Every message here has a German twin with the
# same id and the same $arguments in ../de/draht.ftl (a test holds them
# equal). Arguments that quote user input ($input, $phrase, $word, $text)
# arrive quoted and escaped already.

## Parse errors: dates, times, durations, birthdays (src/parse/)

# $expected is date, duration, until (a duration or a date) or birthday;
# $forms lists inputs that work.
parse-cannot-read = cannot read { $input } as { $expected ->
        [duration] a duration
        [until] a duration or a date
        [birthday] a birthday
       *[date] a date
    }; try { $forms }
parse-cannot-read-because = cannot read { $input } as { $expected ->
        [duration] a duration
        [until] a duration or a date
        [birthday] a birthday
       *[date] a date
    } ({ $problem }); try { $forms }
parse-forms-until = a duration ({ $durations }) or a date ({ $dates })
parse-forms-birthday = { $dated }, or { $yearless } without the year

parse-empty = it is empty
parse-no-such-day = there is no such day
parse-no-such-time = there is no such time of day
parse-off-calendar = it is outside the calendar
parse-at-least-one = it must be at least 1
parse-too-long = it is longer than 10 years
parse-negative = a duration cannot be negative
parse-no-time-here = a time of day is not accepted here
parse-two-digit-year = write the year with four digits

## Words on screen for the second round to use (src/text.rs)

# A check-in's lateness, short as on the contact's line.
days-overdue = { $count }d overdue
# A span in words: "every { span-… }" in the cadence.
span-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }

## Channels and check-in states as shown on screen. What is stored and
## what --json prints stays sms, email, chat, call, video, meet.

channel-sms = sms
channel-email = email
channel-chat = chat
channel-call = call
channel-video = video
channel-meet = meet

status-planned = planned
status-overdue = overdue
status-due = due
status-soon = soon
status-ok = ok

# The agenda's sections.
heading-overdue = OVERDUE
heading-due = DUE TODAY
heading-planned = PLANNED
heading-soon = SOON

## Jour fixe rule phrases (src/jourfixe/phrase.rs). $examples is a list of
## phrases that work, quoted.

rule-empty = no rule given — try { $examples }
rule-unreadable = could not read { $word } in { $phrase } — try { $examples }
rule-missing-weekday = { $phrase } needs a weekday (mon, tue, … sun) — try { $examples }
rule-missing-day = { $phrase } needs a day: a weekday with 1st…5th or last, or a day of the month — try { $examples }
rule-bad-time = { $text } is not a time of day; use HH:MM from 00:00 to 23:59, like 08:30 — try { $examples }
rule-bad-interval = { $text } in { $phrase }: the number of days, weeks or months must be 1 to 99 — try { $examples }
rule-bad-day-of-month = { $text } in { $phrase } is not a day of the month; use 1 to 31 or "last day" — try { $examples }
rule-bad-ordinal = { $text } in { $phrase }: a month has at most five of each weekday; use 1st to 5th or last — try { $examples }
rule-mismatch = { $phrase }: { $hint } — try { $examples }
rule-raw = the rule { $rule } cannot be used: { $reason } — e.g. "RRULE:FREQ=MONTHLY;BYDAY=2TU" (a time may follow: "RRULE:FREQ=WEEKLY;BYDAY=FR 10:00")

rule-hint-one-time = give one time of day
rule-hint-daily-no-day = a daily rule takes no day; for one weekday write "weekly fri"
rule-hint-weekly-nth = a weekly rule takes plain weekdays; for the 2nd Tuesday of every month write "monthly 2nd tue"
rule-hint-weekly-month-day = a weekly rule takes weekdays, not a day of the month; for that write "monthly on 15"
rule-hint-which-in-month = which one in the month? write "monthly 1st tue" or "monthly last tue"
rule-hint-one-day = give one day per rule: one weekday with 1st…5th or last, or one day of the month
rule-hint-not-both = give either plain weekdays or one day of the month, not both
# German "jeden 2. Dienstag" without "im Monat": $nth is the number, $day
# the German weekday.
rule-hint-two-readings = in German this reads two ways; once a month: "jeden { $nth }. { $day } im Monat", every { $nth } weeks: "alle { $nth } Wochen { $day }"

rule-raw-start-date = the start date is not part of the rule; it is set separately
rule-raw-single-line = give a single RRULE line, without EXDATE or RDATE (skipped dates are kept separately)
rule-raw-only-time = only a time (HH:MM) may follow the rule, not { $word }
rule-raw-time-inside = a time inside the rule is not supported; put it after the rule as HH:MM
rule-raw-sub-daily = a Jour fixe repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)
# The same with weeks, months, years.
span-weeks = { $count ->
        [one] { $count } week
       *[other] { $count } weeks
    }
span-months = { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
span-years = { $count ->
        [one] { $count } year
       *[other] { $count } years
    }

# How long ago, short as in a column ($unit is day, week or year; the
# English screens print these without Fluent, the tests hold them equal).
age-today = today
age-short = { $count }{ $unit ->
        [day] d
        [week] w
       *[year] y
    }
age-short-ahead = in { $count }{ $unit ->
        [day] d
        [week] w
       *[year] y
    }
# How long ago in words, as on the "why" line.
relative-today = today
relative-ago = { $count }{ $unit ->
        [day] d
        [week] w
       *[year] y
    } ago
relative-ahead = in { $count }{ $unit ->
        [day] d
        [week] w
       *[year] y
    }

## Errors about contacts and the database (src/error.rs)

error-no-such-contact = no contact matches "{ $query }"; see `draht list` for names, or add one with `draht add "{ $query }"`
# $names: "A", "A or B", "A, B or C" (list-or)
error-did-you-mean = no contact matches "{ $query }"; did you mean { $names }?
error-archived = { $name } is archived; bring them back with `draht archive --undo "{ $name }"`, or see them with `draht show "{ $query }"`
error-ambiguous = "{ $query }" matches { $count }: { $names }; type more of the name
error-database-busy = the database stayed busy (another draht is writing); try again
error-database = database error
# The last two of a list: "A, B or C".
list-or = { $init } or { $last }

## Words both faces share (src/text.rs; the English screens write these
## without Fluent, the tests hold them equal)

# A cadence, short: "2w", "1mo".
cadence-days = { $count }d
cadence-weeks = { $count }w
cadence-months = { $count }mo
cadence-years = { $count }y
# Why a contact is on the agenda: "call 21d ago · 5 written since · missed Mon 30 Nov"
why-last-personal = { $channel } { $when }
why-no-personal = no personal touch yet
why-written-since = { $count } written since
why-missed = missed { $day }

sphere-work = work
sphere-private = private
sphere-work-short = work
sphere-private-short = priv.

hook-kind-project = project
hook-kind-offer = offer
hook-kind-common = common
hook-kind-hobby = hobby
hook-kind-personal = personal

outcome-done = done
outcome-missed = missed

## draht today (src/cli/today.rs)

# $date: "Monday 7 December 2026"
today-title = { $date } · Wie läuft's?
heading-jourfixe = JOUR FIXE
heading-followups = FOLLOW-UPS
heading-birthdays = BIRTHDAYS
# A birthday on the agenda: "Lea Brandt (34)", the age they turn.
birthday-turns = { $name } ({ $age })
today-nobody-yet = Nobody here yet. Add the people who matter:
today-nobody-due = Nobody is due — a good day to simply say hello.
# A planned person's plan: "JF Tue 10:00", "follow-up Sat: send the offer";
# $when is "today", a weekday within the week or a day, and a time.
plan-today = today
plan-jourfixe = JF { $when }
plan-followup = follow-up { $when }
plan-followup-note = follow-up { $when }: { $note }
# When a check-in is due, short: "12d over", "today", "in 3d".
when-today = today
when-over = { $count }d over
when-ahead = in { $count }d
# A cadence: "every 2w".
# How often, taken whole as $every by the messages below. $count and $unit
# (days, weeks, months, years) are the cadence's amount and unit, for a
# language that words one of a unit its own way (German "monatlich");
# English writes the short cadence.
every = every { $cadence }{ $count ->
       *[other] {""}
    }{ $unit ->
       *[other] {""}
    }

## A Jour fixe rule in words (src/jourfixe/mod.rs): "the 2nd Tuesday of
## every month at 10:00", "every other Thursday at 08:30".

rule-words-at = { $rule } at { $time }
rule-words-custom = the custom rule RRULE:{ $rrule }
rule-words-daily = { $count ->
        [one] every day
       *[other] every { $count } days
    }
# $days: "Friday", "Monday and Thursday"
rule-words-weekly = { $interval ->
        [1] every { $days }
        [2] every other { $days }
       *[other] every { $interval } weeks on { $days }
    }
# $which: an ordinal (rule-words-ordinal) or "last"; $nth is 1…5 or -1.
rule-words-monthly-nth = { $nth ->
        [5] the { $which } { $day } of { $months } (in months that have one)
       *[other] the { $which } { $day } of { $months }
    }
rule-words-last = last
# $day is 1…31, or -1 for the last day.
rule-words-monthly-day = { $day ->
        [-1] the last day of { $months }
        [29] day { $day } of { $months } (skipped in shorter months)
        [30] day { $day } of { $months } (skipped in shorter months)
        [31] day { $day } of { $months } (skipped in shorter months)
       *[other] day { $day } of { $months }
    }
# $nth is $interval as an ordinal.
rule-words-months = { $interval ->
        [1] every month
        [2] every other month
       *[other] every { $nth } month
    }
rule-words-ordinal = { NUMBER($n, type: "ordinal") ->
        [one] { $n }st
        [two] { $n }nd
        [few] { $n }rd
       *[other] { $n }th
    }
rule-words-and = { $init } and { $last }

## draht jourfixe (src/cli/jourfixe.rs)

occurrence-upcoming = upcoming
occurrence-kept = kept
occurrence-skipped = skipped
occurrence-missed = missed
jf-no-more-dates = no more dates
# $rule as typed, $words the rule in words, $from a day
error-jf-no-date = the rule "{ $rule }" ({ $words }) has no date on or after { $from }; check its UNTIL or COUNT, or give another --from
# $how: "call, 1 h, reminder 15 min before"; $next: the next dates
jf-added = Jour fixe #{ $id } with { $name } ({ $how }): { $rule } — next: { $next }.
jf-changed = Changed Jour fixe #{ $id } with { $name } ({ $how }): { $rule } — next: { $next }.
error-jf-remind = --remind: { $problem }; or "default", or --no-remind
jf-remind-before = reminder { $length } before
jf-remind-off = no reminder
jf-remind-default = reminder as configured
# $text arrives quoted
error-jf-time = --time { $text } is not a time of day; use HH:MM, e.g. 11:00
jf-none = No Jour fixe yet. Set one: draht jourfixe add anna "every 2nd tue 10:00"
jf-next = next { $day }
# "last Tue 10 Nov kept"
jf-last = last { $day } { $state }
jf-skipped = Skipped { $day } of Jour fixe #{ $id } with { $name } — next: { $next }.
jf-removed = Removed Jour fixe #{ $id } with { $name } ({ $rule }); the logged touches stay.
jf-paused = paused
heading-show-jourfixe = Jour fixe
ics-wrote = Wrote { $jourfixe } Jour fixe, { $followups ->
        [one] 1 follow-up
       *[other] { $followups } follow-ups
    } and { $checkins ->
        [one] 1 check-in
       *[other] { $checkins } check-ins
    } to { $path }.
ics-left-out = Left out { $count } Jour fixe whose stored rule cannot be read; `draht jourfixe list` shows them — remove and add them again.
# Between the dates of a list: "Tue 8 Dec, Tue 12 Jan 2027".
dates-separator = {", "}

## Contacts: add, edit, list, archive, rm (src/cli/contacts.rs, src/cli/mod.rs)

error-write-json = cannot write JSON: { $problem }
error-write-csv = cannot write CSV: { $problem }
error-no-home = cannot find a home directory for the database; pass --db PATH
# $names: "sms (text); email (mail, e-mail); …"
error-unknown-channel = unknown channel "{ $input }"; use one of: { $names }
error-unknown-sphere = unknown sphere "{ $input }"; use work or private
error-unknown-status = unknown status "{ $input }"; use overdue, due, planned, soon or ok
error-email = "{ $email }" does not look like an e-mail address (no @)
error-empty-phone = an empty phone number was given
error-empty-tag = an empty tag was given
# "Added Anna Schmidt (work; check in every 2w)."
contact-added = Added { $name } ({ $sphere }; check in { $every }).
contact-added-no-cadence = Added { $name } ({ $sphere }; no cadence yet: set one with `draht edit NAME --every 3w`).
contact-updated = Updated { $name }.
list-no-contacts = No contacts yet. Add one with `draht add "Anna Schmidt" --every 3w`, or import an address book with `draht import contacts.vcf`.
list-no-active = No active contacts; `draht list --archived` shows the { $count } archived.
# $filters: "--sphere work --tag client"; $archived is " --archived" or empty
list-no-match = No contacts match { $filters }; `draht list{ $archived }` shows all { $count }.
list-name = NAME
list-sphere = SPHERE
list-every = EVERY
list-last-touch = LAST TOUCH
list-personal = PERSONAL
list-due = DUE
list-status = STATUS
list-archived = archived
contact-unarchived = { $name } is back on the agenda.
contact-archived = Archived { $name }: kept with their history, off the agenda (undo: draht archive --undo "{ $name }").
error-delete-needs-yes = deleting { $name } removes their whole history; add --yes to confirm (or `draht archive` to keep it)
contact-delete-ask = Delete { $name } and their whole history for good?
# After every yes-or-no question on standard error.
confirm-yes-no = [y/N]
error-no-answer = no answer read: { $problem }
contact-not-deleted = not deleted
contact-deleted = Deleted { $name }.

## draht show (src/cli/show.rs)

show-archived = archived
show-email = e-mail
show-phone = phone
show-birthday = birthday
# "15 Mar 1990 (turns 37 on Mon 15 Mar)"
show-birthday-turns = { $date } (turns { $age } on { $day })
show-tags = tags
show-notes = notes
show-hooks = hooks
show-hook-used = used { $day }
show-followups = follow-ups
show-touches = touches
show-touch-missed = { $channel } (missed)
show-touch-with = with { $names }
show-mix = mix
show-due-today = due today
show-due-in = in { $count }d
# "due Tue 24 Nov (5d overdue)"
show-due = due { $day } ({ $when })
show-no-cadence = no cadence
show-snoozed = snoozed until { $day }
show-counts-from = counts from { $channel }

## log, touch, snooze, hook, remind, done (src/cli/touches.rs, src/cli/plans.rs)

error-log-future = "{ $input }" is in the future; log what already happened, or plan it with `draht remind CONTACT WHEN NOTE`
logged-now = now
# Between the names of the people a touch was with: "Anna and Ben".
names-and = {" and "}
# "Logged call with Anna Schmidt (now) as #12."
logged = Logged { $channel } with { $names } ({ $when }) as #{ $id }.
logged-missed = Logged a missed { $channel } with { $names } ({ $when }) as #{ $id }. Then next time: trying again in { $retry ->
        [one] { $retry } day
       *[other] { $retry } days
    }.
log-note-looks-like-a-time = Note: "{ $note }" is kept as the note. If it is when it happened: draht touch edit { $id } --at "{ $note }" --note ""
error-unknown-outcome = unknown outcome "{ $input }"; use done or missed
touch-updated = Updated touch #{ $id }.
touch-deleted = Deleted touch #{ $id }.
error-snooze-past = "{ $input }" is not in the future; snooze to a later date, e.g. 1w or next monday
snoozed = Snoozed { $name } until { $day }.
error-unknown-hook-kind = unknown hook kind "{ $input }"; use project, offer, common, hobby or personal
hook-added = Added hook #{ $id } for { $name }: { $text } ({ $kind }).
followup-added = Follow-up #{ $id } for { $name } on { $day }: { $note }.
followup-added-past = Follow-up #{ $id } for { $name } on { $day }: { $note } (that date has passed: it shows as overdue).
followup-done = Done: { $note } ({ $name }).

## draht stats (src/cli/stats.rs)

error-since-too-early = --since { $since } reaches back more than 50 years; give a later date, e.g. { $example } or "1y ago"
error-since-future = --since { $since } lies after today; give a past date, e.g. "3mo ago" or { $example }
stats-title = Insight
stats-window = { $days } days, against the { $days } before
stats-contacts = contacts
stats-touches = touches
# $share is " (42%)" or empty
stats-personal = { $count } personal{ $share }
stats-missed = { $count } missed
stats-gaps = gaps
stats-gap-longest = longest { $days }d
stats-gap-median = median { $days }d
stats-gaps-none = none (fewer than two touch days)
stats-last-touch = last touch { $when }
stats-rating = rating
stats-rated = { $rating } ({ $count } rated)
stats-none-rated = none rated
stats-checkins = check-ins
stats-on-time = { $count } on time
stats-late = { $count } late
stats-checkins-every = { $checkins } ({ $every })
stats-no-cadence = no cadence
stats-jourfixe = jour fixe
stats-kept = { $kept } of { $of } kept ({ $share })
stats-warmth = warmth
stats-warmth-before = { $now } (before { $before })
stats-weekly = weekly
trend-warming = warming
trend-cooling = cooling
trend-steady = steady
stats-channels = CHANNELS
stats-col-channel = channel
stats-col-touches = touches
stats-col-share = share
stats-col-contacts = contacts
stats-by-sphere = sphere
stats-by-tag = tag
stats-col-people = people
stats-col-personal = personal
stats-col-gaps = gaps max/med
stats-col-rating = rating
stats-col-on-time = on time
stats-col-warmth = warmth
stats-col-trend = trend
stats-no-tag = (no tag)
stats-gaps-cell = { $longest }d/{ $median }d
stats-col-contact = contact
stats-col-sphere = sphere
stats-col-now = now
stats-col-before = before
stats-col-last = last
stats-col-weekly = weekly
stats-warmth-heading = WARMTH
stats-cooling = COOLING
stats-nobody-cooling = nobody is cooling
stats-year = YEAR
stats-year-note = one cell per day, this week on the right

## Reminders: notifications, notify --dry-run, the status bar
## (src/text/reminder.rs, src/cli/notify.rs, src/cli/status.rs)

reminder-followup = Follow-up with { $name }
# "Jour fixe with Anna at 10:00", "… tomorrow at 09:00", "… today"
reminder-jourfixe = Jour fixe with { $name } { $when }
reminder-at = at { $time }
reminder-today = today
reminder-tomorrow = tomorrow
reminder-day-at = { $day } at { $time }
reminder-to-call = { $count ->
        [one] 1 person to call
       *[other] { $count } people to call
    }
# The end of a list cut short: "Anna, Ben, and 3 more".
and-more = and { $count } more
notify-nothing = Nothing to send now.
notify-would-send = Would send:
error-no-bus = no session bus: { $var } is not set (as under cron) and there is no $XDG_RUNTIME_DIR/bus; run `draht notify --install` for the line that sets it
error-no-notification-service = no notification service on the session bus at { $address }; start one (dunst, mako, or your desktop's) and run `draht notify` again
error-bus-unreachable = cannot reach the session bus at { $address }: { $problem }
notify-crontab = No systemd here: add this line to your crontab (`crontab -e`) to run draht notify every five minutes:
notify-wrote-units = Wrote { $service } and { $timer }.
notify-start-timer = Start the timer (every five minutes, and after the machine was asleep):
notify-no-timer = There was no draht timer in { $dir }; nothing removed.
notify-removed = Removed { $path }
notify-stop-timer = A timer still running stops with: systemctl --user stop { $timer } && systemctl --user daemon-reload
error-timer-demo = --demo has no database for a timer to read; leave out --demo
error-no-home-units = cannot find a home directory for the systemd user units
error-unit-path = the { $what ->
        [program] draht program
        [config] config file
       *[database] database
    } path { $path } holds a line break, a control character or bytes that are not UTF-8, which a systemd unit or a crontab line cannot carry; move it to a plain path and run `draht notify --install` again
status-nobody = Nobody to call today.
status-to-call = To call: { $names }
status-jourfixe = Jour fixe { $time }: { $name } ({ $channel })
status-followup = Follow-up: { $name } — { $note }
status-followup-late = Follow-up (since { $since }): { $name } — { $note }
status-more-followups = and { $count } more follow-ups

## backup, check, import, export (src/cli/backup.rs, src/cli/interop.rs)

error-backup-demo = this database lives in memory (--demo); name a file for the copy with -o FILE
backup-done = Backed up { $contacts } contacts and { $touches } touches to { $path } ({ $size }).
backup-restore = To restore: quit draht, move the database and its -wal and -shm files aside, and copy this file in its place.
size-bytes = { $count } bytes
size-kb = { $count } KB
size-mb = { $count } MB
check-the-database = the database
error-check-damaged = { $place } is damaged: { $problems }; keep this file, and restore your latest backup (see "Your data" in docs/guide.md)
error-no-database = there is no database at { $path }; check the path (a command that writes, such as `draht add NAME`, creates a new one there)
error-not-a-file = { $path } is { $kind ->
        [directory] a directory
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[other] not a regular file
    }, not a database file; pass the path of a database file with --db
error-exists = { $path } already exists; draht never overwrites a file — choose another name
error-utf16 = { $path } is UTF-16 text, and draht reads UTF-8; convert it first: iconv -f { $encoding } -t UTF-8 { $path } > { $converted }
error-not-utf8 = { $path } is not UTF-8 text; convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 { $path } > { $converted }
check-healthy = { $place } is healthy.
check-integrity-ok = integrity: ok — every page and index is consistent
check-references-ok = references: ok — every touch, hook and follow-up belongs to an existing contact
check-schema-ok-current = schema: ok — the tables, columns, indexes and triggers of level { $level } (current)
check-schema-ok-upgrade = schema: ok — the tables, columns, indexes and triggers of level { $level } (the next command upgrades it to level { $latest })
# $tables: the names of tables in the file that draht did not make
check-other-tables = also: { $tables } — not draht's, left as { $count ->
        [one] it is
       *[other] they are
    }
check-schema-problems = its schema is not that of level { $level } ({ $problems })
check-counts = { $contacts } contacts, { $touches } touches
check-integrity-problems = the integrity check found { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }: { $problems }
check-dangling = { $count ->
        [one] 1 row points
       *[other] { $count } rows point
    } at missing records ({ $rows })
check-dangling-row = { $table } row { $id } → { $parent }
check-dangling-a-row = a { $table } row → { $parent }
error-import-every = --every { $every } is no cadence; use at least a day, e.g. 2w, 1mo or 3mo
import-counts = { $added } added, { $updated } updated, { $unchanged } unchanged
import-dry-run = Dry run, nothing was written. Importing { $path } would give: { $counts }.
import-done = Imported { $path }: { $counts }.
import-skipped-groups = Skipped { $count ->
        [one] 1 group card
       *[other] { $count } group cards
    } (a list of people, not a person).
import-skipped-invalid = Skipped { $count ->
        [one] 1 invalid record
       *[other] { $count } invalid records
    }:
import-spread = First check-ins of { $count ->
        [one] 1 contact
       *[other] { $count } contacts
    } are spread from { $from } to { $to }, so they do not all come due at once.
import-without-cadence = { $count ->
        [one] 1 contact has
       *[other] { $count } contacts have
    } no cadence yet: `draht triage` sets one with a single key each.
error-restore-options = --every, --sphere and --skip-invalid are for vCard and CSV; a JSON backup is restored exactly as it was written
restore-what = { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    }, { $touches ->
        [one] 1 touch
       *[other] { $touches } touches
    }, { $hooks ->
        [one] 1 hook
       *[other] { $hooks } hooks
    }, { $followups ->
        [one] 1 follow-up
       *[other] { $followups } follow-ups
    } and { $jourfixe } Jour fixe
restore-dry-run = Dry run, nothing was written. { $source } would restore { $what }.
restore-done = Restored { $what } from { $source }.
# After restore-what when the backup had capture sources.
restore-capture = , with { $sources ->
        [one] { $sources } capture source
       *[other] { $sources } capture sources
    } and the { $keys ->
        [one] { $keys } source key
       *[other] { $keys } source keys
    } it counted
export-contacts = { $count ->
        [one] 1 contact
       *[other] { $count } contacts
    }
export-vdir-done = Wrote { $count ->
        [one] 1 card
       *[other] { $count } cards
    } to { $path }.
export-backup = a backup of { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    } and { $touches ->
        [one] 1 touch
       *[other] { $touches } touches
    }
error-export-folder = { $path } is a folder; give a file name with -o (a folder is only for `export vdir`)
export-done = Wrote { $what } to { $path }.

## draht triage (src/cli/triage.rs)

triage-keys = w every 2 weeks · m monthly · q quarterly · y yearly · s skip · a archive · x stop
error-read-stdin = cannot read standard input: { $problem }
error-read-key = cannot read a key from the terminal: { $problem }
triage-nothing = Every active contact has a cadence; nothing to triage.
triage-done = Set { $set ->
        [one] 1 cadence
       *[other] { $set } cadences
    }, archived { $archived }, skipped { $skipped }; { $left ->
        [one] 1 contact is
       *[other] { $left } contacts are
    } still without a cadence.
triage-start = { $count ->
        [one] 1 contact
       *[other] { $count } contacts
    } without a cadence.
triage-press = press one of: { $keys }
triage-stopped = stopped
triage-skipped = skipped
triage-archived = archived
triage-every = { $every } (first check-in from { $first })

## The config file, DRAHT_NOW, lengths (src/config.rs, src/clock.rs,
## src/parse/length.rs)

error-config-missing = config file { $path } does not exist; create it (Configuration in docs/guide.md lists the keys), or leave out --config and DRAHT_CONFIG to use the default one
error-config = config { $path }: { $problem }
error-config-unreadable = cannot read config { $path }: { $problem }
error-config-line = line { $line }: { $problem }
error-config-key = line { $line }: { $key }: { $problem }
# $value arrives quoted
error-config-min-channel = line { $line }: min_channel: unknown channel { $value }; use sms, email, chat, call, video or meet
error-config-week-start = line { $line }: week_start: { $value } is not a weekday; use e.g. "monday" or "sunday"
error-config-time = line { $line }: { $key }: { $value } is not a time of day; use HH:MM, e.g. "08:30"
error-config-language = line { $line }: language: { $value } is not a language draht speaks; use "de" or "en"
error-config-sphere = line { $line }: [sphere] { $sphere }: unknown sphere; use work or private
error-now = { $var }={ $value } is not a time; use a local date-time (2026-11-20T09:00:00), RFC 3339 (2026-11-20T09:00:00+01:00) or a date (2026-11-20)
parse-length = cannot read "{ $input }" as a length; use 30min, 45m, 1h, 1h30 or 1:30 (1 minute to 24 hours)

## The app layer's errors (src/app/)

error-jf-nothing-to-change = nothing to change; give e.g. --rule "weekly wed 11:00", --time 11:00, --channel video, --duration 45min, --note TEXT, --remind 1h or --no-remind
error-jf-new-rule-no-date = the new rule ({ $rule }) has no date from { $from } on; check its UNTIL or COUNT
error-hook-elsewhere = hook #{ $hook } belongs to someone else; pick one of { $names }'s hooks (`draht show` lists them)


## draht merge (src/cli/merge.rs; the plan in words: src/text/merge.rs, also the TUI's M)

merge-dry-run = Dry run, nothing was changed.
error-merge-confirm = merging moves everything of { $gone } to { $kept } and removes { $gone }; add --yes to confirm, or --dry-run to see what it would do
merge-ask = Merge them?
merge-not-merged = not merged
merge-done = Merged { $gone } into { $kept }.
merge-title = Merge { $gone } into { $kept }:
merge-touches = { $count ->
        [one] { $count } touch
       *[other] { $count } touches
    }
merge-shared = {" "}({ $count } with both, kept once)
merge-hooks = { $count ->
        [one] { $count } hook
       *[other] { $count } hooks
    }
merge-followups = { $count ->
        [one] { $count } follow-up
       *[other] { $count } follow-ups
    }
merge-jourfixe = { $count } Jour fixe
merge-moves = moves { $list }
merge-added-emails = e-mails { $items }
merge-added-phones = phones { $items }
merge-added-tags = tags { $items }
merge-adds = adds { $list }
# $fields: the names of the fields taken over (nickname, company, …)
merge-takes = takes from { $gone }: { $fields }
merge-then = then removes { $gone }; a re-import of its card updates { $kept }

## Demo data (src/demo/): the sample people's roles, tags, notes, hooks,
## follow-ups and Jour fixe notes, written into the demo database
demo-role-anna = Head of Sales
demo-role-thomas = Partner
demo-role-sophie = CTO
demo-role-juergen = Owner
demo-tag-client = client
demo-tag-friend = friend
demo-tag-family = family
demo-tag-sailing = sailing
demo-tag-partner = partner
demo-tag-neighbour = neighbour
demo-note-anna = Prefers calls before 10:00.
demo-note-jonas = Old friend from university; we only really talk over coffee.
demo-note-juergen = Orders twice a year; long quiet spells in between.
demo-touch-q3-review = Q3 review, launch went well
demo-touch-q3-minutes = minutes of the Q3 review
demo-touch-contract = re: contract draft
demo-touch-contract-again = re: re: contract draft
demo-touch-cancelled = meeting cancelled, next week?
demo-touch-offer-numbers = offer numbers
demo-touch-markthalle = coffee at the Markthalle
demo-touch-boat-photos = photos of the new boat
demo-touch-dinner-hamburg = dinner, new job in Hamburg
demo-touch-wannsee = sailing on the Wannsee
demo-touch-lunch-sophie = lunch with Sophie
demo-touch-voicemail = voicemail
demo-touch-spring-order = spring order
demo-touch-invoice = invoice
demo-touch-sunday-call = Sunday call
demo-touch-project-call = project call
demo-touch-status-update = status update
demo-touch-kantine = lunch at the Kantine
demo-touch-coffee = coffee
demo-touch-sailing = sailing
demo-touch-partner-call = partner call
demo-touch-order = order
demo-touch-dinner = dinner
demo-touch-roadmap-notes = roadmap notes
demo-hook-q3-launch = Q3 launch went live — ask how the numbers look
demo-hook-sailing-june = sailing in June
demo-hook-boat = his new boat: first trip yet?
demo-hook-workshop = our new on-site workshop format
demo-hook-freiburg = both from Freiburg
demo-hook-hamburg = how the new job in Hamburg is going
demo-followup-offer = send the offer
demo-followup-photos = send the photos from the dinner
demo-followup-workshop = ask about the workshop date
demo-jourfixe-roadmap = roadmap sync

## CLI, German sweep: the store's, import's, sync's and merge's words that
## were English in every language (src/store/, src/interop/, src/app/, src/cli/)

error-no-followup = there is no follow-up #{ $id }; `draht today` and `draht show CONTACT` list them
error-no-followup-short = there is no follow-up #{ $id }
error-followup-no-note = a follow-up needs a note, e.g. draht remind anna fri "send the offer"
error-no-hook = there is no hook #{ $id }; `draht show CONTACT` lists hook ids
error-no-hook-short = there is no hook #{ $id }
error-hook-no-text = a hook needs some text, e.g. draht hook anna "sailing in June"
error-no-jourfixe = there is no Jour fixe #{ $id }; `draht jourfixe list` shows them with their ids
error-no-touch = there is no touch #{ $id }; `draht show CONTACT` lists touch ids
error-touch-nobody = a touch needs at least one contact
error-rating-range = rating { $rating } is out of range; use -1, 0 or 1
error-empty-contact-name = an empty contact name matches nobody; give a name, nickname or the start of one
error-contact-gone = contact #{ $id } no longer exists
error-contact-missing = contact #{ $id } does not exist
error-merge-same = both name { $name }; name two different contacts to merge
error-sync-no-folder = no folder to sync; pass --contacts DIR (and --calendar DIR) or set [sync] contacts = "~/.contacts/draht" in the config
error-vdirsyncer-missing = vdirsyncer is not installed; install it (pipx install vdirsyncer, or apt-get install vdirsyncer), or run `draht sync` without --run
error-vdirsyncer-run = cannot run vdirsyncer: { $problem }
error-vdirsyncer-failed = vdirsyncer sync failed ({ $status }): { $message }; fix its config (vdirsyncer discover) and run draht sync --run again
vdirsyncer-no-message = no message
error-import-kind = cannot tell what kind of file { $path } is; name it .vcf, .csv or .json, or pass --format { $formats }
# $kind: missing, denied or other; English always says $problem, the system's words
error-import-read = cannot read { $path }: { $kind ->
       *[other] { $problem }
    }; give a .vcf, .csv or .json file, or a folder of .vcf files
error-restore-not-empty = this database already holds { $contacts } { $contacts ->
        [one] contact
       *[other] contacts
    } and { $touches } { $touches ->
        [one] touch
       *[other] touches
    }; a JSON backup is restored only into an empty database — restore into a new file with `draht --db NEW.db import BACKUP.json`, or import people with vCard or CSV instead
error-db-open-file = cannot open { $path }: { $problem }; check its permissions, or pass another --db
error-db-empty-file = { $path } is an empty file, not a draht database; remove it or pass another --db
# $why: SQLite's words, or no-header (the file does not start as SQLite's do)
error-db-not-usable = { $path } is not a usable draht database ({ $why ->
        [no-header] it does not start with the SQLite header
       *[other] { $why }
    }); it was left untouched — pass another --db, or restore a backup
error-db-permissions = cannot open { $path } ({ $problem }); draht needs to read and write it and to create its -wal and -shm files beside it: check the permissions of the file and its folder, or pass another --db
error-db-locked = { $path } stayed locked by another program for { $seconds }s; close it and try again
error-db-cannot-open = cannot open { $path } ({ $problem }); it was left untouched — pass another --db
error-db-cannot-read = cannot read { $path }: { $problem }; check the path and its permissions
error-contact-exists = a contact named "{ $name }" already exists; pick another name (e.g. add a last name), or edit that one with `draht edit`
origin-card = card { $card }
origin-row = row { $row }
import-good-ones = --skip-invalid to import the { $good } good { $good ->
        [one] one
       *[other] ones
    }
import-aborted-one = import aborted, nothing was changed: { $problem }; or pass { $good_ones } without it
# $unit: row or card
import-aborted-many = import aborted, nothing was changed: { $bad } { $unit ->
        [row] { $bad ->
            [one] row
           *[other] rows
        }
       *[card] { $bad ->
            [one] card
           *[other] cards
        }
    } cannot be imported
import-aborted-more = {"  "}… and { $more } more { $unit ->
        [row] { $more ->
            [one] row
           *[other] rows
        }
       *[card] { $more ->
            [one] card
           *[other] cards
        }
    }
import-aborted-repair = repair them, or pass { $good_ones } and list the bad ones
csv-unreadable = { $source }: not a CSV file this reader understands ({ $problem }); save it as comma-separated UTF-8 with a header row
csv-no-name-column = { $source }: the header row has no column that names a contact; draht reads { $headers } (a Google Contacts CSV export works as it is)
csv-open-quote = { $source }: row { $row }: a quoted cell is never closed (a " is missing), so the rest of the file would be read as that one cell; close the quote, or save the file again from the spreadsheet
csv-bad-birthday = cannot read birthday "{ $cell }"; use YYYY-MM-DD, or --MM-DD without the year
csv-bad-sphere = unknown sphere "{ $cell }"; use work or private
csv-no-name = no name; fill in one of: { $headers }
csv-bad-email = "{ $cell }" does not look like an e-mail address (no @); correct it, or move it to the phones column
csv-cadence-large = cadence "{ $cell }" is too large
csv-cadence-zero = cadence "{ $cell }" is zero; use at least one day, e.g. 3w
error-jf-not-a-date = { $day } is not a date of Jour fixe #{ $id } ({ $rule }); { $hint }
jf-no-dates = it has no dates at all
jf-nearest = the nearest are { $days }
error-jf-not-skipped = { $day } is not skipped for Jour fixe #{ $id }; nothing to undo
error-import-folder-format = { $path } is a folder; only a vdir of .vcf files can be imported from a folder (--format vcard)
error-import-no-vcard = { $path } holds no vCard (no BEGIN:VCARD line); is it the right file?
error-import-json-whole = a JSON backup is restored as a whole, not read as cards
error-vdir-not-folder = { $path } exists and is not a folder; give a folder for `export vdir -o DIR`
error-vdir-empty = { $path } holds no .vcf files; give a vdir folder (one .vcf per contact) or a .vcf, .csv or .json file
error-json-unreadable = { $source }: not a JSON file draht can read ({ $problem }); give a file written by `draht export json`
error-json-not-backup = { $source }: not a draht backup (it has no "format": "{ $format }"); give a file written by `draht export json`
error-json-newer = { $source } was written by a newer draht (backup format { $version }, this draht reads up to { $latest }); upgrade draht to restore it
error-json-no-version = { $source }: the backup has no valid "version" (this draht reads 1 to { $latest })
error-json-damaged = { $source }: the backup is damaged: { $problem }
error-json-damaged-nothing = { $source }: the backup is damaged: { $problem }; nothing was restored
error-sync-contacts-not-folder = { $path } is not a folder; give the contacts vdir in [sync] contacts = "DIR"
error-sync-calendar-not-folder = { $path } is not a folder; give the calendar vdir in [sync] calendar = "DIR"
error-db-read-only = { $path } is read-only; draht needs to write it (check its permissions, or pass another --db)
error-db-foreign = { $path } is an SQLite database of another program ({ $why }), not a draht database; it was left untouched — pass another --db
error-db-newer = { $what } was written by a newer draht (schema level { $version }, this draht knows up to { $latest }); upgrade draht to use it — the file was not changed
error-db-newer-this = this database was written by a newer draht (schema level { $version }, this draht knows up to { $latest }); upgrade draht to use it — the file was not changed
error-db-create-folder = cannot create the folder { $path } for the database: { $problem }; create it yourself or pass another --db
error-db-create-beside = cannot create a database next to { $path }: { $problem }; check the folder's permissions or pass another --db
error-contact-no-name = a contact needs a name; give one, e.g. draht add "Anna Schmidt"
error-cadence-zero = a cadence must be at least one day, e.g. --every 3w
error-jf-no-rule = a Jour fixe needs a rule, e.g. draht jourfixe add anna "every 2nd tue 10:00"
error-jf-zero-minutes = a Jour fixe cannot last 0 minutes; leave out --duration or give e.g. 30min
sync-in-step = In step: nothing changed on either side.
sync-dry-run = Dry run, nothing changed.
# $dry: yes in a dry run (then "would be"), else no; $field: contact-field
sync-contacts-added = { $dry ->
        [yes] Contacts would be added from the folder
       *[no] Contacts added from the folder
    }
sync-contacts-updated = { $dry ->
        [yes] Contacts would be updated from their cards
       *[no] Contacts updated from their cards
    }
sync-contacts-removed = { $dry ->
        [yes] Contacts would be archived (card deleted)
       *[no] Contacts archived (card deleted)
    }
sync-cards-written = { $dry ->
        [yes] Cards would be written
       *[no] Cards written
    }
sync-cards-deleted = { $dry ->
        [yes] Cards would be deleted (contact archived here)
       *[no] Cards deleted (contact archived here)
    }
sync-contacts-merged = { $dry ->
        [yes] Contacts would be merged (both sides changed)
       *[no] Contacts merged (both sides changed)
    }
sync-jf-added = { $dry ->
        [yes] Jour fixe would be added from the calendar, with
       *[no] Jour fixe added from the calendar, with
    }
sync-jf-updated = { $dry ->
        [yes] Jour fixe would be updated from the calendar, with
       *[no] Jour fixe updated from the calendar, with
    }
sync-jf-removed = { $dry ->
        [yes] Jour fixe would be removed (its .ics was deleted), with
       *[no] Jour fixe removed (its .ics was deleted), with
    }
sync-jf-written = { $dry ->
        [yes] Jour fixe would be written to the calendar, with
       *[no] Jour fixe written to the calendar, with
    }
sync-calendar-deleted = { $dry ->
        [yes] Calendar files would be deleted (Jour fixe removed here)
       *[no] Calendar files deleted (Jour fixe removed here)
    }
sync-jf-merged = { $dry ->
        [yes] Jour fixe would be merged (both sides changed), with
       *[no] Jour fixe merged (both sides changed), with
    }
sync-unreadable = { $dry ->
        [yes] Files left alone (not readable)
       *[no] Files left alone (not readable)
    }
sync-conflict = Conflict: { $contact } { $field }: the other value { $dry ->
        [yes] would be
       *[no] is
    } kept in the note: { $lost }
created-database = draht: created a new database at { $path }
# $field: a contact's field as the merge plan and import name it (nickname,
# company, role, birthday, notes, cadence, min_channel, snooze, uid, name,
# emails, phones, tags, card)
contact-field = { $field }
## TUI (src/tui/)

# The tabs, the header and the frame (src/tui/app.rs, src/tui/view/mod.rs)
tui-tab-today = Today
tui-tab-contacts = Contacts
tui-tab-jourfixe = Jour fixe
tui-tab-stats = Stats
tui-too-small = draht needs at least { $min_width }×{ $min_height }; this terminal is { $width }×{ $height }. Make it larger, or press q to quit.
tui-help-footer = j/k ↑↓ PgUp PgDn scroll · any other key closes
# Spaces between two hints of the footer (a number).
tui-footer-gap = 2
tui-confirm-title = Sure?
# The welcome screen of an empty database. The commands shown stay English.
tui-welcome-title = Welcome
tui-welcome-heading = Welcome to draht — einen guten Draht haben.
tui-welcome-intro =
    Nobody here yet. Add the people who matter, and draht tells you each
    morning who is due for a "Wie läuft's?".
tui-welcome-add = add a contact here, with how often to check in (every 3w)
tui-welcome-keys = all keys
tui-welcome-shell = Or from the shell:
tui-welcome-log-note = Q3 launch went well
tui-welcome-demo = try it on sample people
# The Today tab (src/tui/view/today.rs, src/tui/data/today.rs). Its
# headings, plans and "Nobody is due" are draht today's (heading-*, plan-*).
tui-today-title = Wie läuft's?
# How late a check-in is, in the right column: "7d"; ahead: "in 2d".
tui-when-over = { $count }d
tui-when-ahead = in { $count }d
# After "Lea Brandt (34)" on BIRTHDAYS.
tui-birthday = birthday
# The help popup's headings (src/tui/keymap.rs)
tui-scope-global = everywhere
tui-scope-contact = on the selected contact
tui-scope-contacts = contacts tab
tui-scope-jourfixe = Jour fixe tab
tui-scope-filter = while filtering
tui-scope-form = in a form
tui-scope-choice = on a choice field
tui-scope-card = in the open card (Enter)
tui-scope-triage = triage (t): contacts without a cadence
tui-scope-confirm = confirming
tui-scope-pick = picking a contact (M: whom to merge into)
# The key table (src/tui/keymap/table.rs): tui-key-SCOPE-ACTION is the help
# line, -hint its label in the footer. The keys are the same in every language.
tui-key-card-next-touch-hint = touch
tui-key-card-next-touch = select the next (older) touch
tui-key-card-prev-touch = select the previous (newer) touch
tui-key-card-edit-touch-hint = edit touch
tui-key-card-edit-touch = fix the selected touch: note, channel, when, outcome, rating
tui-key-card-remove-touch-hint = remove touch
tui-key-card-remove-touch = remove the selected touch (asks first)
tui-key-card-close-hint = close
tui-key-card-close = close the card
tui-key-contact-log-hint = log
tui-key-contact-log = log a touch (call, coffee, e-mail …)
tui-key-contact-snooze-hint = snooze
tui-key-contact-snooze = snooze the check-in (1d … 1m or a date)
tui-key-contact-jour-fixe-hint = jour fixe
tui-key-contact-jour-fixe = set a Jour fixe (a standing call or coffee)
tui-key-contact-hook-hint = hook
tui-key-contact-hook = add a hook: a reason to call
tui-key-contact-follow-up-hint = follow-up
tui-key-contact-follow-up = add a follow-up (Wiedervorlage)
tui-key-contact-edit-hint = edit
tui-key-contact-edit = edit the contact
tui-key-contact-cadence = set how often to check in
tui-key-contact-archive = archive: keep the history, leave the agenda
tui-key-contact-delete = delete the contact and their history
tui-key-contact-open = open: the contact's card, full width
tui-key-jour-fixe-tab-skip-date-hint = skip
tui-key-jour-fixe-tab-skip-date = skip the selected Jour fixe's next date (asks first)
tui-key-jour-fixe-tab-edit-jour-fixe-hint = edit
tui-key-jour-fixe-tab-edit-jour-fixe = change the selected Jour fixe: rule, time, channel, length, note
tui-key-jour-fixe-tab-delete-jour-fixe-hint = delete
tui-key-jour-fixe-tab-delete-jour-fixe = delete the selected Jour fixe; its touches stay (asks first)
tui-key-global-add-hint = add
tui-key-global-add = add a contact
tui-key-global-triage = triage: give each contact without a cadence one, key by key
tui-key-global-filter-hint = filter
tui-key-global-filter = filter contacts by name, tag or company
tui-key-contacts-sort-hint = sort
tui-key-contacts-sort = sort by name, status or last touch
tui-key-contacts-merge = merge the selected contact into its duplicate (asks first)
tui-key-global-undo-hint = undo
tui-key-global-undo = undo the last change made here (a log, snooze, cadence, hook, follow-up, skip …)
tui-key-help-hint = help
tui-key-global-help = show all keys
tui-key-global-quit-hint = quit
tui-key-global-quit = quit
tui-key-global-down = move down
tui-key-global-up = move up
tui-key-global-page-down = page down
tui-key-global-page-up = page up
tui-key-global-top = first row
tui-key-global-bottom = last row
tui-key-global-next-tab = next tab
tui-key-global-prev-tab = previous tab
tui-key-global-go-tab-0 = Today
tui-key-global-go-tab-1 = Contacts
tui-key-global-go-tab-2 = Jour fixe
tui-key-global-go-tab-3 = Stats
tui-key-global-close = close the card, clear the filter
tui-key-filter-save-hint = keep
tui-key-filter-save = keep the filter and go back to the list
tui-key-filter-close-hint = clear
tui-key-filter-close = clear the filter
tui-key-filter-down = move down
tui-key-filter-up = move up
tui-key-filter-help = show all keys
tui-key-form-save-hint = save
tui-key-form-save = save
tui-key-form-close-hint = cancel
tui-key-form-close = cancel
tui-key-form-next-field-hint = next field
tui-key-form-next-field = next field
tui-key-form-prev-field = previous field
tui-key-form-help = show all keys (? is a letter here)
tui-key-choice-choice-left = previous choice; the underlined letter or digit of a choice picks it
tui-key-choice-choice-right-hint = choose
tui-key-choice-choice-right = next choice (Space and typed words never change a choice)
tui-key-triage-triage-answer-choice-every-14-hint = 2 weeks
tui-key-triage-triage-answer-choice-every-14 = check in every 2 weeks
tui-key-triage-triage-answer-choice-every-30-hint = monthly
tui-key-triage-triage-answer-choice-every-30 = check in monthly
tui-key-triage-triage-answer-choice-every-90-hint = quarterly
tui-key-triage-triage-answer-choice-every-90 = check in quarterly (q does not quit here)
tui-key-triage-triage-answer-choice-every-365-hint = yearly
tui-key-triage-triage-answer-choice-every-365 = check in yearly
tui-key-triage-triage-answer-choice-skip-hint = skip
tui-key-triage-triage-answer-choice-skip = skip: no cadence for now
tui-key-triage-triage-answer-choice-archive-hint = archive
tui-key-triage-triage-answer-choice-archive = archive: keep the history, leave the agenda
tui-key-triage-close-hint = stop
tui-key-triage-close = stop; what was answered stays
tui-key-triage-help = show all keys
tui-key-pick-save-hint = pick
tui-key-pick-save = pick the highlighted contact
tui-key-pick-close-hint = cancel
tui-key-pick-close = cancel
tui-key-pick-down-hint = move
tui-key-pick-down = move down
tui-key-pick-up = move up
tui-key-pick-help = show all keys (typing narrows the list)
tui-key-confirm-confirm-hint = yes
tui-key-confirm-confirm = yes, do it
tui-key-confirm-close-hint = no
tui-key-confirm-close = no, keep it
tui-key-confirm-help = show all keys
tui-help-title = Keys · j/k scroll
# The forms (src/tui/forms/): titles, field labels, the hint under the
# focused field, and why a form refuses to save.
tui-now = now
tui-or = {" or "}
tui-field-note = note
tui-field-channel = channel
tui-field-when = when
tui-field-with = with
tui-field-outcome = outcome
tui-field-rating = rating
tui-field-hook-used = hook used
tui-field-every = every
tui-field-until = until
tui-field-or-for = or for
tui-field-text = text
tui-field-kind = kind
tui-rating-none = none
tui-rating-meh = -1 meh
tui-rating-fine = 0 fine
tui-rating-good = +1 good
tui-hint-channel = 1–6 picks, ← → moves
tui-log-title = Log a touch with { $name }
tui-hint-log-note = what was it about? (optional)
tui-hint-log-when = now, 15:00, yesterday 18:30, 3d ago, last fri, 2026-11-20
tui-hint-with = who else was there: names or starts, with commas
tui-hint-log-outcome = m missed: no answer, cancelled — counts as your part, retries in a few days
tui-hint-log-rating = Wie lief's? (optional)
tui-hint-hook-used = a used hook moves to the back
tui-error-log-future = "{ $when }" is in the future; log what already happened, or add a follow-up with r
tui-error-with-nobody = nobody is called "{ $part }"; check the name under "{ $field }"
tui-error-with-several = "{ $part }" could be { $names }; type more of the name
tui-also-with = also with { $names }
tui-error-with-reading = still reading the names under "{ $field }"; press Enter again
# $channel, $date: "call", "20 Nov"
tui-touch-title = Fix the { $channel } of { $date }
tui-hint-touch-note = empty: no note
tui-hint-touch-when = 15:00, yesterday 18:30, 3d ago, last fri, 2026-11-20 15:00
tui-hint-touch-outcome = m missed: no answer, cancelled
tui-hint-touch-rating = Wie lief's?
tui-error-touch-when = when was it? e.g. yesterday 18:30 or 2026-11-20 15:00
tui-error-touch-future = "{ $when }" is in the future; a touch is what already happened
tui-cadence-title = How often to check in with { $name }
tui-hint-every = 3d, 2w, 6mo, 1y; empty: never comes due
tui-snooze-title = Snooze { $name }
tui-hint-until = friday, 2026-12-24, in 3 weeks; empty: for the time below
tui-hint-or-for = ← → or 1 3 w 2 m to choose
tui-error-snooze-past = "{ $input }" is not in the future; snooze to a later date, e.g. 1w or next monday
tui-hook-title = A reason to call { $name }
tui-hint-hook-text = e.g. sailing in June, ask about the Berlin marathon
tui-hint-hook-kind = a shared project, an offer, something in common, a hobby, something personal
tui-error-hook-text = a hook needs some text, e.g. sailing in June
tui-followup-title = Follow-up with { $name }
tui-hint-followup-when = friday, in 2 weeks, +3d, 2026-12-04
tui-hint-followup-note = e.g. send the offer
tui-error-followup-when = when? e.g. friday, in 2 weeks, 2026-12-04
tui-error-followup-note = a follow-up needs a note, e.g. send the offer
tui-add-title = Add a contact
tui-edit-title = Edit { $name }
tui-field-name = name
tui-field-sphere = sphere
tui-field-counts-from = counts from
tui-field-nickname = nickname
tui-field-company = company
tui-field-role = role
tui-field-email = e-mail
tui-field-phone = phone
tui-field-birthday = birthday
tui-field-tags = tags
tui-field-notes = notes
tui-hint-name = unique among your contacts
tui-hint-sphere = ← → to choose
tui-hint-contact-every = how often to check in: 3d, 2w, 6mo, 1y; empty: never due
tui-hint-counts-from = the least rich channel that resets the check-in
tui-hint-several = several: separate with commas
tui-hint-birthday = YYYY-MM-DD, or --MM-DD without the year
tui-hint-tags = separate with commas
tui-error-name = a contact needs a name
tui-error-email = "{ $bad }" does not look like an e-mail address (no @)
tui-jf-title = Jour fixe with { $name }
tui-jf-edit-title = Change the Jour fixe with { $name }
tui-field-rule = rule
tui-field-length = length
tui-hint-rule = e.g. every 2nd tue 10:00 · weekly fri · every other thu 8:30
tui-hint-length = optional: 30min, 45m, 1h, 1h30
tui-hint-jf-note = optional, e.g. our Sunday call
tui-error-jf-no-date = the rule "{ $rule }" ({ $words }) has no date from today on; check its UNTIL or COUNT
# The live line under the rule: the rule in words and its next dates.
tui-jf-preview = { $words } — next: { $dates }
tui-jf-preview-none = { $words } — no date from today on
# The Contacts tab (src/tui/view/contacts.rs, src/tui/list.rs)
tui-contacts-title = Contacts { $count } · by { $sort }
tui-sort-name = name
tui-sort-status = status
tui-sort-last-touch = last touch
tui-sorted-by = sorted by { $sort }
tui-contacts-name = NAME
tui-contacts-sphere = SPHERE
tui-contacts-tags = TAGS
tui-contacts-last-touch = LAST TOUCH
tui-contacts-jourfixe = JOUR FIXE
tui-contacts-status = STATUS
tui-contacts-none = No active contacts. Press a to add one.
tui-contacts-no-match = Nobody matches; Esc clears the filter.
# The Jour fixe tab (src/tui/view/jourfixe.rs)
tui-jf-calendar = Calendar
tui-jf-legend-planned = planned
tui-jf-legend-kept = kept
tui-jf-legend-missed = missed
tui-jf-legend-skipped = skipped
tui-jf-legend-today = today
tui-jf-none = No Jour fixe yet — press f on a contact.
tui-jf-none-about =
    A Jour fixe is a standing call or coffee with someone who matters:
    it keeps things going when everything else is busy.
tui-jf-none-examples = e.g. every 2nd tue 10:00 · weekly fri · monthly last fri 16:30
# $when: "Sun 6 Dec 18:00"; $channel: "call"
tui-jf-next = next { $when } · { $channel }

## draht sync: follow-ups and touches in the calendar folder (src/cli/sync.rs)
sync-fu-added = { $dry ->
        [yes] Follow-ups would be added from the calendar, with
       *[no] Follow-ups added from the calendar, with
    }
sync-fu-updated = { $dry ->
        [yes] Follow-ups would be updated from the calendar, with
       *[no] Follow-ups updated from the calendar, with
    }
sync-fu-removed = { $dry ->
        [yes] Follow-ups would be removed (their .ics was deleted), with
       *[no] Follow-ups removed (their .ics was deleted), with
    }
sync-fu-written = { $dry ->
        [yes] Follow-ups would be written to the calendar, with
       *[no] Follow-ups written to the calendar, with
    }
sync-fu-deleted = { $dry ->
        [yes] Calendar files would be deleted (follow-ups removed here)
       *[no] Calendar files deleted (follow-ups removed here)
    }
sync-fu-merged = { $dry ->
        [yes] Follow-ups would be merged (both sides changed), with
       *[no] Follow-ups merged (both sides changed), with
    }
sync-touch-added = { $dry ->
        [yes] Touches would be added from the calendar, with
       *[no] Touches added from the calendar, with
    }
sync-touch-updated = { $dry ->
        [yes] Touches would be updated from the calendar, with
       *[no] Touches updated from the calendar, with
    }
sync-touch-removed = { $dry ->
        [yes] Touches would be removed (their .ics was deleted), with
       *[no] Touches removed (their .ics was deleted), with
    }
sync-touch-written = { $dry ->
        [yes] Touches would be written to the calendar, with
       *[no] Touches written to the calendar, with
    }
sync-touch-deleted = { $dry ->
        [yes] Calendar files would be deleted (touches removed here)
       *[no] Calendar files deleted (touches removed here)
    }
sync-touch-merged = { $dry ->
        [yes] Touches would be merged (both sides changed), with
       *[no] Touches merged (both sides changed), with
    }
## draht sync --setup (src/cli/sync_setup.rs, src/app/sync_setup.rs)
error-sync-setup-no-folder = no folders to set vdirsyncer up for; add to draht's config.toml: [sync] contacts = "~/.contacts/draht" and calendar = "~/.calendars/draht" (each on its own line), then run draht sync --setup URL again
error-sync-setup-url = { $url } is not a server URL; give the server's address with https:// (or http://), e.g. draht sync --setup https://dav.example.com/
error-sync-setup-folder = { $path } cannot be a synced folder for vdirsyncer; give a folder inside another one in [sync], e.g. ~/.contacts/draht
error-sync-setup-no-home = cannot find a home directory for the vdirsyncer config; set VDIRSYNCER_CONFIG to the file to write
error-vdirsyncer-config-exists = { $path } already exists, nothing written; add the pairs draht sync --setup URL prints to it by hand, or move it away and run again
sync-setup-written = vdirsyncer config written to { $path }. Fill in your login there (username, password.fetch), then run: vdirsyncer discover && draht sync --run
arg-sync-setup = Print a vdirsyncer config for the [sync] folders and the CardDAV/CalDAV server at URL (no pass)
arg-sync-write = With --setup: write it to vdirsyncer's config file ($VDIRSYNCER_CONFIG or ~/.config/vdirsyncer/config); never over one that is there
## CLI, German sweep 2: the system's errors as draht wraps them, backup,
## capture, check and vCard words, lengths (src/error.rs, src/main.rs,
## src/store/backup.rs, src/store/schema.rs, src/app/capture/,
## src/interop/vcard_read.rs, src/parse/length.rs)

# $kind: missing, denied, exists or other; English always says $problem, the system's words
error-io = { $path }: { $kind ->
       *[other] { $problem }
    }
error-write-output = cannot write output: { $problem }
error-backup-busy = the database stayed busy while copying it; try again
error-backup-integrity = the copy at { $path } failed its integrity check ({ $problems }); run `draht check` on the database
# $reader: maildir, mbox or phone
error-capture-reader-stopped = { $reader ->
        [maildir] the maildir reader stopped unexpectedly
        [mbox] the mbox reader stopped unexpectedly
       *[phone] a phone export's reader stopped unexpectedly
    }
# $word: missing or unexpected; $part: a schema part as SQLite names it ("table x")
check-finding = { $word ->
        [missing] missing
       *[unexpected] unexpected
    } { $part }
check-level-zero-foreign = level 0 holds no draht tables but { $tables }: another program's database
check-level-unknown = schema level { $level } is none that this draht knows (0 to { $latest })
check-schema-unreadable = the schema cannot be read: { $problem }
vcard-not-understood = not a vCard this reader understands; repair it or skip it
vcard-no-name = no name (FN, N, ORG or EMAIL)
vcard-bad-birthday = BDAY "{ $value }" is not a date draht can read (YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD); correct it in the card
# A Jour fixe's length: "45 min", "1 h", "1 h 30 min"
length-minutes = { $minutes } min
length-hours = { $hours } h
length-hours-minutes = { $hours } h { $minutes } min

## --help: what each command does (cmd-PATH) and each argument means
## (arg-PATH-ID, else the shared arg-ID) (src/cli/help.rs)

cmd-draht = A terminal personal relationship tracker: who should I call today?
cmd-draht-long =
    draht keeps the people who matter within reach: you give each person a cadence (every 2w, every 3mo), log the calls, coffees and e-mails that happen, and `draht today` says who is overdue, who is due, what is planned (Jour fixe, follow-ups) and whose birthday is coming, with why each of them is there and a talking point for the call. Only a call or better counts as personal unless you say otherwise; e-mails and chats are noticed, but do not reset the clock.

    Without a command, draht opens the daily review on a terminal (and prints `draht today` in a pipe). Try it on sample people first: draht --demo
cmd-draht-after = Without a command, draht opens the daily review. Try it on sample people: draht --demo today
cmd-draht-after-long = The whole manual, with every command, files and examples: draht man | man -l -
cmd-add = Add a contact
cmd-edit = Change a contact's details
cmd-show = Pre-call brief: details, hooks, follow-ups, recent touches, channel mix
cmd-list = List contacts with their check-in status
cmd-log = Log a touch that happened: a call, a coffee, an e-mail
cmd-touch = Fix a mistaken log
cmd-touch-edit = Change a logged touch
cmd-touch-rm = Delete a logged touch
cmd-today = The agenda: who is overdue, due, planned or soon; follow-ups; birthdays
cmd-snooze = Put off a check-in: by a duration (3d, 2w, 1mo) or to a date
cmd-hook = Add a talking point for the next call
cmd-remind = Set a follow-up (Wiedervorlage) for a contact
cmd-done = Mark a follow-up done
cmd-stats = The shape of each relationship: channels, gaps, check-ins, warmth and its trend
cmd-archive = Archive a contact: kept with its history, off the agenda
cmd-backup = Copy the database safely, also while draht is in use (default: next to it)
cmd-check = Check the database for damage: integrity and references between records
cmd-rm = Delete a contact and its history for good
cmd-merge = Make two contacts of one person one: B's touches, hooks, follow-ups, Jour fixe, e-mails and phones move to A
cmd-capture = Touches from your own mail and calendars: a maildir, an mbox, an .ics file or a calendar folder
cmd-capture-after = Without a SOURCE, the [[capture]] sources of the config are read. A message or event is counted once, however often it is captured.
arg-merge-keep = The contact that stays (A): name, nickname or the start of one
arg-merge-gone = The contact that goes (B): everything of it moves to A
arg-merge-dry-run = Show what the merge would do; change nothing
arg-capture-sources = A maildir, an mbox file, an .ics file or a folder of them (khal, vdirsyncer); a phone's export: an SMS Backup & Restore .xml, a WhatsApp chat (.txt or .zip), a Telegram result.json, or a folder of them
arg-capture-kind = What the sources are, when their shape does not tell
arg-capture-name = The name touches from the source are shown with ("work mail") [default: its folder or file name]
arg-capture-since = Only what happened on or after this day: 2026-01-01, "3 months ago"
arg-capture-dry-run = Show what would be logged, per contact; write nothing
arg-capture-report = List the people you write to most who are not in draht (the last 90 days, or --since)
arg-capture-add = With --report: add the first N of them as contacts, then capture
arg-capture-match-names = Calendars: also find contacts named in an event's title ("Coffee with Anna")
arg-capture-forget = Remove a source's touches, keys and watermarks, by its path or name
arg-capture-list = List the sources captured so far
arg-capture-groups = Chats: group chats are touches with every participant who is a contact
arg-capture-date-order = WhatsApp: the order of day, month and year in the chat's dates, when they do not tell (07/12/2026)
arg-capture-contact = A chat export: the contact it is with, when its file name and senders do not say
cmd-jourfixe = Standing appointments: a recurring call or coffee with one contact
cmd-jourfixe-add = Set a standing appointment with a contact: a recurring call or coffee
cmd-jourfixe-list = Every Jour fixe with its next date and how the last one went
cmd-jourfixe-skip = Skip one date of a Jour fixe (only a date the rule falls on)
cmd-jourfixe-edit = Change a Jour fixe: its rule, time, length, channel, note or reminder
cmd-jourfixe-rm = Delete a Jour fixe (the touches stay)
cmd-import = Import people from vCard (a .vcf file or a vdir folder), CSV, or a JSON backup
cmd-export = Export contacts as vCard, a vdir, CSV, or everything as a JSON backup
cmd-export-vcard = Active contacts as one vCard file
cmd-export-vdir = One .vcf file per active contact in a folder (a vdir, for khard and vdirsyncer)
cmd-export-csv = One row per active contact, with last touch, due date and status
cmd-export-json = Everything, with ids: a backup that `draht import` restores into an empty database
cmd-export-ics = Every Jour fixe, open follow-ups and due check-ins as one calendar to subscribe to
cmd-triage = Give each contact without a cadence one, a single key per person
cmd-notify = Desktop reminders of Jour fixe, follow-ups and who to call: one run, for a timer
cmd-status = One short line for a status bar: people to call and the next Jour fixe
cmd-completions = Print the shell's completion script: bash, zsh, fish, elvish or powershell
cmd-man = Print the manual page (roff), or write one per command with --dir
arg-all-day = No time of day: an all-day arrangement
arg-archived = Include archived contacts
arg-ascii = Draw the charts with ASCII characters only
arg-at = When it happened: "yesterday 18:30", friday, "3d ago"
arg-log-at = When it happened [default: now]: "yesterday 18:30", friday, "3d ago"
arg-birthday = YYYY-MM-DD or 15.03.1990; --MM-DD or 15.3. when the year is unknown
arg-by = One row per sphere, tag or channel
arg-channel = How you meet: call, video, coffee, …
arg-log-channel = sms, email, chat, call, video, meet (or coffee, lunch, zoom, anruf …)
arg-touch-edit-channel = sms, email, chat, call, video or meet (or an alias: coffee, zoom …)
arg-command = Only this command's page: log, "jourfixe add", … (draht-log(1))
arg-company = Where they work
arg-config = Config file; it must exist when named [default: $XDG_CONFIG_HOME/draht/config.toml, if there]
arg-contact = Name, nickname or the start of one
arg-show-contact = Name, nickname or the start of one (accents optional: muller = Müller)
arg-stats-contact = Only this contact: name, nickname or the start of one
arg-archive-contact = Name, nickname or the start of one (archived ones too, with --undo)
arg-rm-contact = Name, nickname or the start of one (archived ones too)
arg-csv = Print CSV
arg-date = The date to skip: 2026-12-08, tue, "next tuesday"
arg-days = Look this many days ahead [default: the config's horizon, 7]
arg-db = Database file [default: $XDG_DATA_HOME/draht/draht.db]
arg-demo = Use a throw-away database filled with sample people (never touches yours)
arg-dir = Write every page into DIR: draht.1 (all commands) and one per command
arg-dry-run = Show what would change; write nothing
arg-notify-dry-run = Print what would be sent now; send and record nothing
arg-duration = How long: 30min, 45m, 1h, 1h30, 1:30
arg-jourfixe-edit-duration = How long: 30min, 45m, 1h, 1h30
arg-emails = E-mail address (repeatable)
arg-every = Check-in cadence: 1w, 3w, 2mo, 1y …
arg-import-every = Cadence for imported contacts that have none: 2w, 1mo, 3mo, 1y …
arg-format = plain (one line, for polybar or tmux), waybar (its custom module's JSON) or i3status-rust (its custom block's JSON)
arg-import-format = What PATH holds [default: from its name or its first line]
arg-from = The first day it may fall on [default: today]: 2026-12-01, monday, "in 2 weeks"
arg-hook = The hook this touch used (ids shown by `show`)
arg-id = Jour fixe id (shown by `jourfixe list`)
arg-touch-edit-id = Touch id (shown by `show`)
arg-touch-rm-id = Touch id (shown by `show`)
arg-done-id = Follow-up id (shown by `today` and `show`)
arg-install = Set up a timer that runs `draht notify` every five minutes: a systemd user timer, or the crontab line to add where there is no systemd
arg-json = Print machine-readable JSON instead of text
arg-kind = What the hook is about
arg-lang = Language of the words on screen [default: the config's `language`, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
arg-min-channel = Only touches this rich or richer count as personal [default: call]
arg-missed = The attempt did not connect (counts as your part; retries in a few days)
arg-name = New name
arg-add-name = Full name, unique among active contacts
arg-nickname = What you call them: matches like the name (Mama, Jo)
arg-no-cadence = Remove the cadence: the contact never comes due
arg-no-duration = No length (the calendar shows 30 minutes)
arg-no-remind = No desktop reminder and no calendar alarm for this Jour fixe
arg-jourfixe-edit-no-remind = No desktop reminder and no calendar alarm
arg-no-snooze = Lift a snooze
arg-note = Free notes about them, shown in `show`
arg-log-note = What it was about
arg-touch-edit-note = What it was about (empty: no note)
arg-remind-note = What to do then: "send the offer"
arg-jourfixe-add-note = What it is for: "roadmap sync"
arg-jourfixe-edit-note = A new note ("" removes it)
arg-outcome = done or missed
arg-output = Write to this file (owner-only) instead of standard output
arg-backup-output = Where to write the copy [default: draht-YYYYMMDD-HHMMSS.db next to the database]
arg-export-vdir-output = The folder (created owner-only if missing)
arg-path = A .vcf file, a vdir folder of .vcf files, a .csv file, or a backup from `export json`
arg-phones = Phone number (repeatable)
arg-rating = How it went: -1, 0 or 1
arg-log-rating = How it went (wie lief's?): -1, 0 or 1
arg-remind = Remind this long before it starts: 10min, 1h, 1d [default: the config's remind_before, 15min]
arg-jourfixe-edit-remind = Remind this long before it starts (10min, 1h, 1d), or "default" for the config's remind_before
arg-rm-email = Remove an e-mail address (repeatable)
arg-rm-phone = Remove a phone number (repeatable)
arg-role = Their job or role (Head of Sales)
arg-rule = A new rule, as for `jourfixe add` ("weekly wed 11:00"); without a time it keeps the old one
arg-jourfixe-add-rule = "weekly fri", "every 2 weeks thu 08:30", "every 2nd tue 10:00", "monthly 1st mon", "monthly last fri 16:30", "monthly on 15", "every 3 months last fri", or a raw "RRULE:FREQ=…"
arg-shell = The shell to complete for
arg-since = First day of the window [default: 90 days ago]: 2026-09-01, "3mo ago", "6w ago"
arg-skip-invalid = Import the good cards and list the bad ones, instead of aborting
arg-sphere = work or private
arg-list-sphere = Only this sphere: work or private
arg-import-sphere = Sphere of the contacts the import adds: work or private
arg-status = overdue, due, planned, soon or ok
arg-tag = Only contacts with this tag (case and accents do not matter)
arg-tags = Tag (repeatable)
arg-text = The talking point: "ask about the Berlin marathon"
arg-time = A new time of day: 11:00
arg-touches = How many recent touches to list
arg-undo = Bring an archived contact back
arg-uninstall = Remove the systemd user timer that --install wrote
arg-untag = Remove a tag (repeatable)
arg-until = 3d, 2w, 6mo, 1y, or a date such as 2026-12-24 or friday
arg-vcard-version = vCard version to write, 4.0 or 3.0 [default: each imported card in its own (2.1 as 3.0), others 4.0]
arg-when = When: friday, "in 2 weeks", +3d, 2026-12-04
arg-width = Fit text into N columns, cutting notes first (0: never cut) [default: the terminal's width; in a pipe, never cut]
arg-with = With --install: systemd or cron [default: systemd when it runs the session]
arg-log-with = Another participant (repeatable)
arg-yes = Do not ask for confirmation

# clap's own words
help-flag = Print help
help-flag-more = Print help (see more with '--help')
help-flag-summary = Print help (see a summary with '-h')
version-flag = Print version
help-command = Print this message or the help of the given subcommand(s)
help-command-arg = Print help for the subcommand(s)
error-rating = use -1, 0 or 1 (how it went: badly, so-so, well)
# Headings and notes only the other languages set (English has clap's own).
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-global = Global options
help-usage = Usage:
help-env = [env: { $name }{ $value }]
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
# A usage error: "error: unexpected argument '--frob' found"
clap-error = error:
clap-tip = tip:
clap-more = For more information, try '--help'.
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }' [possible values: { $values }]
clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $problem }
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-command = unrecognized subcommand '{ $command }'
clap-missing = the following required arguments were not provided: { $args }
clap-missing-command = '{ $command }' requires a subcommand but one was not provided [subcommands: { $commands }]
clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-did-you-mean-command = a similar subcommand exists: { $names }
clap-did-you-mean-argument = a similar argument exists: { $names }
clap-did-you-mean-value = a similar value exists: { $names }

## The shell and the manual (src/cli/shell.rs)

error-no-completions = no completions for { $shell }; use bash, zsh, fish, elvish or powershell
error-write-completions = cannot write the completions: { $problem }
error-man-no-command = no command "{ $command }"; the pages are for: { $names }
man-wrote = Wrote { $count } manual pages to { $dir } (read one with: man -l { $dir }/draht.1).
man-manual = draht manual
man-see-also = SEE ALSO
man-see-also-text = (1), the whole manual with every command.
man-commands = COMMANDS
man-commands-text = Each command also has a page of its own: draht-log(1), draht-jourfixe-add(1), … (draht man --dir DIR writes them all).
man-options-word = [options]
man-files = FILES
man-file-db = The database (SQLite; ~/.local/share/draht/draht.db when XDG_DATA_HOME is not set), created owner-only on first use. Before a newer draht upgrades it, a copy is kept beside it as draht.db.bak-LEVEL. draht backup copies it safely while draht is in use.
man-file-config = The optional config (~/.config/draht/config.toml): default cadences per sphere and tag, the minimum channel, the retry interval, the agenda horizon, the first day of the week. Missing, the defaults hold; a file named with --config or DRAHT_CONFIG must exist.
man-environment = ENVIRONMENT
man-env-db = The database file, as --db.
man-env-config = The config file, as --config; it must exist.
man-env-now = Fixes "now" for tests and demos: a local date-time (2026-12-07T09:00:00), RFC 3339 (2026-12-07T09:00:00+01:00), or a date (2026-12-07, noon).
man-env-no-color = When set and not empty, no colour even on a terminal. Output to a pipe is never coloured.
man-env-columns = The width text output fits when standard output is a terminal (else the terminal's own width). In a pipe text is never cut, unless --width says so.
man-env-complete = Set by the completion scripts of draht completions: the run answers a completion request.
man-env-tz = The time zone days and times are read in.
man-env-xdg = Where the database and the config live (see FILES).
man-exit-status = EXIT STATUS
man-exit-0 = Success.
man-exit-1 = Failure: the database or a file could not be read or written. The message says what to do.
man-exit-2 = Bad usage or input: an unknown contact, a date or duration that does not parse, a missing config file named with --config. Nothing was changed.
man-examples = EXAMPLES
man-example-demo = The agenda of a sample address book: try draht without touching yours.
man-example-import = Import a phone's address book; then draht triage gives each contact a cadence with one key.
man-example-add = Add someone to call every two weeks.
man-example-log = Log a call that happened now.
man-example-remind = A follow-up; draht today lists it.
man-example-jourfixe = A standing appointment.
man-example-json = The agenda for scripts and status bars.
man-example-list = A list cut to fit 80 columns.
man-example-completions = Complete commands, contact names and ids in bash.
# clap_mangen's section titles, for the other languages
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-version = VERSION

## draht capture (src/cli/capture.rs, src/app/capture/, src/capture/).
## $source is a source as shown: its name, kind and path.

# What a captured touch holds: "3 mails", "1 event". $unit is mail, text,
# message, call or event.
capture-items = { $unit ->
        [call] { $count ->
            [one] { $count } call
           *[other] { $count } calls
        }
        [event] { $count ->
            [one] { $count } event
           *[other] { $count } events
        }
        [text] { $count ->
            [one] { $count } text
           *[other] { $count } texts
        }
        [message] { $count ->
            [one] { $count } message
           *[other] { $count } messages
        }
       *[mail] { $count ->
            [one] { $count } mail
           *[other] { $count } mails
        }
    }

# One source's run.
capture-source-unchanged = { $source }: unchanged since the last capture.
capture-source-nothing-new = { $source }: nothing new since the last capture.
# $unit is message, text (an SMS backup's calls and texts) or event; $whole
# is yes when the source was read from its start.
capture-source-read = { $source }: { $unit ->
        [text] { $count ->
            [one] { $count } call or text
           *[other] { $count } calls and texts
        }
        [event] { $count ->
            [one] { $count } event
           *[other] { $count } events
        }
       *[message] { $count ->
            [one] { $count } message
           *[other] { $count } messages
        }
    } read{ $whole ->
        [yes] {" "}from the start
       *[no] {""}
    }
capture-source-touches = {"  "}{ $count } with contacts: { $made ->
        [one] { $made } touch
       *[other] { $made } touches
    } made, { $joined } added to touches already there
capture-source-skipped = {"  "}skipped: { $list }
# One reason in the skipped list: "12 lists and bulk mail".
capture-skip = { $count } { $reason ->
        [list] lists and bulk mail
        [automated] sent by machines
        [own] only between your own addresses
        [too_many] with too many people
        [undated] without a date
        [future] still to come
        [before_since] before --since
        [cancelled] cancelled
        [declined] declined
        [not_attended] not accepted by you
        [yearly] birthdays and anniversaries
        [unknown] with nobody in draht
        [seen] counted before
        [not_sent] drafts and unsent texts
        [refused] calls you rejected or blocked
        [tried] calls you did not take
        [system] lines the app wrote itself
        [group] group chats (--groups counts them)
       *[other] other
    }
capture-source-broken = {"  "}{ $count ->
        [one] { $count } record
       *[other] { $count } records
    } skipped as unreadable, such as:

# A dry run.
capture-dry-run = Dry run: nothing was written.
capture-would-log = Would log
# "✉ email on 2 days (3 mails)"; $items is capture-items.
capture-would-log-part = { $glyph } { $channel } on { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ({ $items })
# A contact who called and whom you did not answer; $day as "Sat 7 Nov".
capture-tried = { $name } tried to call you ({ $count ->
        [one] { $count } call
       *[other] { $count } calls
    }, the last { $day }).
capture-note-region = Note: set your country in config.toml ([me] region = "DE") so that numbers without a country code (0170 1234567) match +49 170 1234567.
capture-note-me = Note: draht does not know your own addresses, so a mail counts with every contact in its From, To and Cc, also one you were only copied on. Set them in config.toml ([me] emails = ["you@example.org"]) so that mail you receive counts with its sender only, and `--report` can tell whom you write to.

# --report and --add.
capture-report-everyone = Everyone you wrote to in the last { $days } days is in draht ({ $count ->
        [one] { $count } message or event
       *[other] { $count } messages and events
    } read).
# $sent is yes when draht knows your addresses (then it lists whom you wrote to).
capture-report-title = { $sent ->
        [yes] The people you wrote to most who are not in draht
       *[no] The people who wrote to you most who are not in draht
    }
capture-report-since = { $title } since { $since } ({ $count } of them):
# $what is wrote, met or received; $count how often, in $days days.
capture-report-line = { $what ->
        [wrote] You wrote { $count ->
            [one] once
           *[other] { $count } times
        } to { $address }
        [met] You met { $count ->
            [one] once
           *[other] { $count } times
        } with { $address }
       *[received] { $count ->
            [one] { $count } mail
           *[other] { $count } mails
        } from { $address }
    } in { $days } days — `draht add "{ $name }" --email { $address }`?
capture-report-add-hint = Add the first N of them with `draht capture --report --add N`.
capture-report-note-me = Note: set [me] emails in config.toml so that draht can tell the mail you wrote.
capture-added = Added { $name } <{ $address }>.
capture-not-added = Did not add { $name } <{ $address }>: a contact of that name exists; give it the address with `draht edit "{ $name }" --email { $address }`.
capture-nobody-to-add = Nobody to add.

# --forget; $dry is yes for --dry-run.
capture-forget = { $dry ->
        [yes] Would forget
       *[no] Forgot
    } { $name } ({ $path }): removed { $count ->
        [one] { $count } touch
       *[other] { $count } touches
    }
capture-forget-kept = , kept { $count ->
        [one] { $count } touch
       *[other] { $count } touches
    } that you wrote on or another source also has
capture-forget-unjoined = , left { $count ->
        [one] { $count } touch
       *[other] { $count } touches
    } you logged yourself as they were
capture-forget-keys = {" "}and dropped { $count ->
        [one] { $count } key
       *[other] { $count } keys
    }.

# --list
capture-list-empty = Nothing captured yet: try `draht capture ~/Mail` or `draht capture ~/.calendars`.
capture-list-touches = { $count ->
        [one] { $count } touch
       *[other] { $count } touches
    }
capture-list-last = last { $day }
capture-list-never = never finished

# What draht notify says when the configured sources could not be read.
capture-notify-failed = draht notify: the [[capture]] sources were not read ({ $error }); the reminders go out without them.

# Errors. $path is a path, $kind what was given.
capture-error-unknown-kind = unknown kind "{ $kind }"; use maildir, mbox, calendar, sms-backup, whatsapp or telegram
capture-error-no-source = no source to capture from: give a path (draht capture ~/Mail/work), or add [[capture]] sources to config.toml
capture-error-kind-name-configured = --kind, --name and --contact are for a SOURCE given here; the config's [[capture]] sources say their own
capture-error-contact-one-source = --contact says who one chat is with; give one SOURCE with it, or capture them one at a time
capture-error-name-one-source = --name names one source; give one SOURCE with it, or capture them one at a time
capture-error-add-dry-run = --add writes contacts; leave out --dry-run (or run --report alone to see who would be added)
capture-error-source = cannot read the capture source { $path }: { $reason }; give the path of a maildir, an mbox, a calendar or a phone export
capture-error-read = cannot read { $path }: { $reason }
capture-error-what = cannot tell what { $path } is (not a maildir, an mbox, a calendar, an SMS backup, a WhatsApp or a Telegram export); say it with --kind maildir, mbox, calendar, sms-backup, whatsapp or telegram
capture-error-maildir = cannot read the maildir { $path }: { $reason }
capture-error-no-maildir = { $path } holds no maildir folder (a folder with cur/ and new/ in it); is it the right path, or another --kind?
capture-error-mbox-folder = { $path } is a folder, not an mbox file; is it a maildir (--kind maildir)?
capture-error-calendar = cannot read the calendar { $path }: { $reason }
capture-error-no-such-source = there is no capture source "{ $name }"; nothing has been captured yet
capture-error-not-a-source = there is no capture source "{ $name }"; the sources are: { $sources }
capture-error-ambiguous-source = "{ $name }" names { $count } sources; give the path of one: { $paths }
# Why a file could not be read ($reason above).
capture-reason-missing = it does not exist
capture-reason-denied = permission denied

# Why one message or event was unreadable (shown with its place).
capture-broken-no-headers = no mail headers in it
capture-broken-long-headers = the headers do not end within 1 MiB
capture-broken-no-people = no sender and no recipient
capture-broken-cannot-list = cannot list: { $reason }
capture-broken-not-calendar = not a calendar: { $line }
capture-broken-no-start = event "{ $summary }" has no start
capture-broken-recurrence = event "{ $summary }": cannot expand its recurrence ({ $reason })

# The phone's exports (SMS Backup & Restore, WhatsApp, Telegram): why a
# record or file was unreadable, and why a chat's dates need --date-order.
capture-broken-at-byte = byte { $byte }: { $reason }
capture-broken-no-date = a record without a date
capture-broken-call-type = a call of unknown type { $kind }
capture-broken-text-type = a text of unknown type { $kind }
capture-broken-text-no-type = a text without a type
capture-broken-mms-box = an MMS in unknown box { $kind }
capture-broken-mms-no-box = an MMS without msg_box
capture-broken-json = line { $line } column { $column }: { $reason }
capture-broken-message-no-date = message { $id }: no date
capture-broken-message-no-object = a message that is no object
capture-broken-contact-full-export = --contact names the partner of one chat's export; this is the full export, whose chats name their partners themselves
capture-broken-not-whatsapp = line { $line }: not a WhatsApp message line
capture-broken-whatsapp-date = line { $line }: { $written } is no date and time when read { $order }
capture-broken-not-zip = not a zip file WhatsApp made ({ $reason })
capture-broken-zip-no-chat = it holds no WhatsApp chat (.txt)
capture-broken-read-on = cannot read on: { $reason }
capture-why-dates-mixed = its dates are in more than one order
capture-why-dates-ambiguous = its dates (such as { $sample }) could be day or month first
capture-why-no-chat-line = it holds no WhatsApp message line
capture-error-date-order = cannot tell the dates of { $path }: { $reason }; say their order with --date-order dmy, mdy or ymd
capture-error-no-export = { $path } holds no { $kind } file; is it the right folder, or another --kind?
# Where: "~/Mail/work.mbox at offset 1234".
capture-place-offset = { $path } at offset { $offset }

## draht sync
cmd-sync = One two-way pass between the database and the contacts and calendar vdirs vdirsyncer syncs
arg-sync-contacts = The contacts vdir (one .vcf per contact) [default: [sync] contacts in the config]
arg-sync-calendar = The calendar vdir (one .ics per Jour fixe, follow-up and touch) [default: [sync] calendar in the config]
arg-sync-dry-run = Show what each side would change; change nothing
arg-sync-run = Run `vdirsyncer sync` before and after the pass (the server's changes in, draht's out)
arg-sync-full = Look at every file, also in a folder whose time says nothing changed (an edit written in place does not move it; a pass looks at every file at least once a day anyway)

## TUI status lines, confirmations and their errors (tui-actions: src/tui/update.rs,
## src/tui/effects.rs, src/tui/effects/undo.rs, src/tui/app.rs, src/tui/triage.rs,
## src/tui/insight.rs, src/tui/terminal.rs). $channel is a channel as shown
## (channel-*), $day a day as shown ("Mon 30 Nov"), $who names joined with names-and.
# After a write: what it did. tui-undo-* say what `u` takes back, after "Undone: ".
tui-logged = Logged { $channel } with { $who }.
tui-undo-logged = the { $channel } with { $who }
# $count: the retry in days
tui-logged-missed = Logged a missed { $channel } with { $who }. Then next time: trying again in { $count ->
        [one] { $count } day
       *[other] { $count } days
    }.
tui-undo-logged-missed = the missed { $channel } with { $who }
tui-error-touch-nobody = a touch needs somebody
tui-updated = Updated { $name }.
tui-undo-updated = the changes to { $name }
tui-added = Added { $name }.
tui-undo-added = adding { $name }
tui-cadence-set = { $name }: check in { $every }.
tui-cadence-none = { $name }: no cadence, never comes due.
tui-undo-cadence = the cadence of { $name }
tui-snoozed = Snoozed { $name } until { $day }.
tui-undo-snooze = the snooze of { $name }
tui-hook-added = Added a { $kind } hook for { $name }.
tui-undo-hook = the hook for { $name }
tui-followup-added = Follow-up for { $name } on { $day }.
tui-undo-followup = the follow-up for { $name }
tui-archived = Archived { $name }: kept with their history, off the agenda (u undoes).
tui-undo-archive = archiving { $name }
# $rule: the rule in words; $dates: the next dates, or tui-no-more-dates
tui-jf-set = Jour fixe with { $name } ({ $channel }): { $rule } — next: { $dates }.
tui-undo-jf-add = the Jour fixe with { $name }
tui-jf-skipped = Skipped { $day } of the Jour fixe with { $name } — next: { $dates }.
tui-undo-jf-skip = skipping { $day } with { $name }
tui-jf-removed = Removed the Jour fixe with { $name } ({ $rule }); the logged touches stay.
tui-undo-jf-remove = deleting the Jour fixe with { $name }
tui-no-more-dates = no more dates
tui-undo-triage = the triage answer for { $name }
tui-triage-every = { $name }: { $every }, first check-in from { $day }.
tui-triage-archived = { $name }: archived.
tui-triage-skipped = { $name }: skipped.
tui-deleted = Deleted { $name }.
# A touch in the card: "the call of Mon 30 Nov"
tui-touch-words = the { $channel } of { $day }
tui-touch-fixed = Fixed { $what } with { $who }.
tui-undo-touch-fix = the fix of { $what }
tui-touch-removed = Removed { $what } with { $who }.
tui-undo-touch-remove = removing { $what }
tui-undo-jf-edit = the change to the Jour fixe with { $name }
# What `u` did
tui-jf-as-before = The Jour fixe with { $name } is as before: { $rule }.
tui-unlogged = Took back the { $channel } with { $who }.
tui-relogged = Logged { $what } with { $who } again.
tui-as-before = { $name } is as before.
tui-hook-removed = Removed the hook "{ $text }" of { $name }.
tui-followup-removed = Removed the follow-up "{ $note }" of { $name }.
tui-jf-unskipped = { $day } with { $name } stands again.
tui-jf-back = The Jour fixe with { $name } ({ $rule }) is back.
tui-undone = Undone: { $what }.
tui-undo-none = nothing to undo: no change made here since draht started
tui-undo-twice = nothing to undo: the last change was undone already (u takes back one change)
# $change: what the last write said, without its full stop
tui-undo-final = nothing to undo: the last change cannot be taken back ({ $change })
# Questions before a write, and keys pressed where they do nothing
tui-merge-ask = Merge them? A merge cannot be undone (u does not take it back).
tui-ask-archive = Archive { $name }? They keep their history but leave the agenda.
tui-ask-delete = Delete { $name } and their whole history for good?
# $others: the touch's other participants
tui-ask-remove-touch = Remove the { $channel } of { $day }{ $others ->
        [0] {""}
        [one] {" "}(and for the other person in it)
       *[other] {" "}(and for the { $others } others in it)
    }? u undoes it.
tui-ask-jf-skip = Skip { $day } of the Jour fixe with { $name } ({ $rule })? The dates after it stay.
tui-ask-jf-delete = Delete the Jour fixe with { $name } ({ $rule })? The logged touches stay.
tui-no-contact = no contact selected; add one with a
tui-no-touch = no touch to pick here; log one with l
tui-no-jf = no Jour fixe selected; set one with f on a contact
# Triage (t): "3 of 41", and how far it got
tui-triage-progress = { $at } of { $total }
tui-triage-summary = set { $set } { $set ->
        [one] cadence
       *[other] cadences
    }, archived { $archived }, skipped { $skipped }
tui-triage-stopped = Triage stopped: { $summary }.
tui-triage-failed = Triage stopped: { $error } ({ $summary }).
tui-triage-done = Triage done: { $summary }; { $left } without a cadence.
tui-error-read-db = cannot read the database: { $problem }
tui-error-stats-stopped = the statistics could not be computed (the reader stopped)
# The merge picker (M, src/tui/pick.rs)
tui-pick-title = {" "}Merge { $name } into …{" "}
tui-pick-into = {" "}into:{" "}
tui-pick-hint = the contact that stays; it keeps its name and gets everything
tui-pick-none = {" "}nobody matches; Backspace widens

## CLI leftovers in German (tui-actions): config, restore, sync, capture, store
## and reminder reasons (src/config.rs, src/interop/, src/sync/, src/capture/,
## src/store/open.rs, src/store/merge.rs, src/remind/)
# An unknown key of the config. $expected: serde's words ("one of `a`, `b`");
# $keys: the same names alone (`a`, `b`).
error-config-unknown-key = line { $line }: unknown field `{ $key }`, expected { $expected }{ $keys ->
       *[other] {""}
    }
error-config-me-email = line { $line }: [me] emails: { $value } is not an e-mail address
error-config-me-region = line { $line }: [me] region: { $value } is not a country code; use two letters such as "DE", "AT" or "CH"
error-config-max-recipients = line { $line }: max_recipients must be at least 1
error-config-capture-kind = line { $line }: [[capture]] kind: unknown kind { $value }; use maildir, mbox, calendar, sms-backup, whatsapp or telegram
error-config-date-order = line { $line }: [[capture]] date_order: { $value } is none of dmy, mdy, ymd
error-config-capture-path = line { $line }: [[capture]] path is empty
# Why a JSON backup is damaged (after "the backup is damaged: "). Ids arrive
# as text; $name and $key arrive quoted.
restore-contact-twice = contact #{ $id } appears twice
restore-contact-uid = contact #{ $id } has an empty or repeated uid
restore-contact-name = contact #{ $id } has an empty or untrimmed name
restore-contact-cadence = contact #{ $id } has a cadence of 0 days
restore-contact-tag = contact #{ $id } has an empty or repeated tag
restore-contact-same-name = contacts #{ $other } and #{ $id } are both active and named "{ $name }"
# $what: restore-record
restore-names-contact = { $what } names contact #{ $id }, which the file does not hold
restore-record = { $kind ->
        [hook] hook #{ $id }
        [touch] touch #{ $id }
        [jourfixe] Jour fixe #{ $id }
        [followup] follow-up #{ $id }
        [card] a card
        [source] the source { $name }
        [cadence-start] a cadence start
       *[capture-key] capture key { $name }
    }
restore-hook-twice = hook #{ $id } appears twice
restore-touch-twice = touch #{ $id } appears twice
restore-touch-nobody = touch #{ $id } has no participants
restore-touch-future = touch #{ $id } is in the future ({ $at }), and a touch is what already happened
restore-touch-twice-contact = touch #{ $id } lists contact #{ $contact } twice
restore-touch-hook = touch #{ $id } used hook #{ $hook }, which the file does not hold
restore-touch-rating = touch #{ $id } has a rating outside -1, 0, 1
restore-jf-twice = Jour fixe #{ $id } appears twice
restore-jf-rule = Jour fixe #{ $id } has no rule or lasts 0 minutes
restore-jf-skips = Jour fixe #{ $id } skips a date twice
restore-followup-twice = follow-up #{ $id } appears twice
restore-contact-cards = contact #{ $id } has two cards
restore-source-repeated = the source { $name } is empty or repeated
restore-contact-starts = contact #{ $id } has two cadence starts
restore-reminder-jf = a reminder names Jour fixe #{ $id }, which the file does not hold
restore-reminder-lead = Jour fixe #{ $id } has two reminders or one outside 1 to 1440 minutes
restore-sent-kind = a sent reminder has the kind { $kind } (jourfixe, followup or morning)
restore-sent-twice = the { $kind } reminder for #{ $id } on { $day } was sent twice
restore-capture-source-twice = capture source #{ $id } appears twice, or its path does
restore-capture-source-name = capture source #{ $id } has no name
restore-names-source = { $what } names capture source #{ $id }, which the file does not hold
restore-key-contact = capture key { $key } names contact #{ $id }, which the file does not hold
restore-key-twice = capture key { $key } appears twice
restore-touch-source-twice = touch #{ $id } names capture source #{ $source } twice
# The line a sync conflict adds to the contact's note; $side: folder or draht
# (who had the value that lost), $field: contact-field, $day: YYYY-MM-DD
sync-conflict-note = sync conflict { $day }: { $side ->
        [folder] the folder
       *[draht] draht
    } had { $field }: { $value }
error-sync-item-unreadable = { $path } is not an item draht can read
# Why import refuses a card; $origin: origin-card or origin-row
import-same-person = "{ $name }" is the same person as { $origin } (same UID or name); remove one of the two
import-uid-taken = its UID { $uid } belongs to another contact, "{ $name }"; give one of them a new UID
import-rename-taken = it renames "{ $from }" to "{ $to }", but a contact with that name exists; rename one of them
vcard-cut-off = no END:VCARD before the next card or the end of the file (the card is cut off); repair it or skip it
# What a file that is not a draht database holds (inside error-db-foreign);
# $names: up to three table names
db-tables = { $count ->
        [0] no tables
        [1] the tables { $names }
        [2] the tables { $names }
        [3] the tables { $names }
       *[other] tables such as { $names }, …
    }
db-foreign-level = schema level { $version }, { $tables }
db-foreign-negative = schema level { $version }, which no draht writes, and { $tables }
db-foreign-tables = it has { $tables }
# $findings: how the schema differs, SQL names
error-db-wrong-schema = { $path } says it is a draht database of schema level { $version }, but its schema is not that level's ({ $findings }); it is another program's file or a damaged one and was left untouched — pass another --db, or restore a backup
error-db-wal = cannot switch the database to WAL mode (got { $mode })
error-db-negative-level = the database has schema level { $version }, which no draht writes; it was left as it was
error-db-unfinished = cannot finish the new database { $path }; try again
error-merge-itself = a contact cannot be merged into itself
error-db-upgrade = cannot upgrade the database from level { $version } to { $latest } (step { $step }: { $problem }); the file was left as it was
# $what: sphere, channel, outcome, hook kind …, as stored; $value arrives quoted
error-db-unknown-name = unknown { $what } { $value } in the database
# Why a record of a phone's SMS Backup file is unreadable; $problem: the XML reader's words
capture-broken-attribute = a bad attribute: { $problem }
# Why a calendar file of the sync folder is not a draht item
ics-read-not-icalendar = it is not iCalendar text ({ $problem })
ics-read-no-item = it holds no event, task or journal entry
ics-read-no-uid = its item has no UID
ics-read-no-attendee = it names no one (no ATTENDEE)
ics-read-start-not-instant = its DTSTART is not a date and time
ics-read-no-channel = its CATEGORIES name no channel (sms, email, chat, call, video, meet)
ics-read-no-start = it has no DTSTART
ics-read-start-not-date = its DTSTART is not a date
ics-read-no-rrule = it has no RRULE
ics-read-due-not-date = its DUE is not a date
ics-read-empty-summary = its SUMMARY is empty
## TUI screens in German (tui-screens, issue 21 items 3, 5, 6): the card,
## the Stats tab and its charts, triage, the merge picker, the banner and
## the Jour fixe form's rule written back (src/tui/view/, src/tui/pick.rs,
## src/tui/forms/jourfixe.rs)
tui-card-nobody = Nobody selected.
# $date is the day without its weekday ("24 Nov"), for a language whose
# line would not fit with it; English writes $day ("Tue 24 Nov").
tui-card-every = { $date ->
       *[other] { $every } · due { $day }
    }
tui-card-overdue = ({ $days }d overdue)
tui-card-due-today = (today)
tui-card-due-in = (in { $days }d)
tui-card-no-cadence = no cadence: never comes due (c sets one)
tui-card-snoozed = snoozed until { $day }
tui-card-birthday = birthday { $day }
tui-card-birthday-turns = birthday { $day } (turns { $age })
tui-card-hooks = hooks
tui-card-follow-ups = follow-ups
tui-card-touches = touches
tui-card-touch-keys = j/k pick · e fix · d remove
tui-card-mix = mix
tui-card-notes = notes
tui-card-next = next { $day }
tui-card-with = with { $names }
tui-stats-error = The numbers could not be computed: { $error }
tui-stats-counting = counting… (in the background; keys work)
tui-stats-weekly = Touches per week · { $from } – { $to } · { $total } done
tui-stats-spheres = Channel mix by sphere
tui-stats-no-touches = no touches yet
tui-stats-sphere-none = no touches
tui-stats-sphere-share = { $count } · { $share } personal
tui-stats-cooling = Cooling · warmth now ← 90 days before
tui-stats-nobody-cooling = Nobody is cooling: warmth held or rose for everyone.
tui-stats-today = today
tui-stats-ago = { $age } ago
tui-stats-not-in-window = not in 90d
tui-stats-heat = Touches per day · { $from } – { $to }
tui-stats-heat-nobody = Select someone in the cooling list.
tui-triage-title = Triage · { $progress }
tui-triage-gone = This contact is gone; press s to go on.
tui-triage-last = last touch { $glyph } { $channel } { $age }
tui-triage-never = never touched
tui-triage-question = How often to check in? (no cadence: never comes due)
tui-triage-so-far = so far: { $summary }
tui-banner-in-minutes = (in { $minutes } min)
tui-banner-in-hours = (in { $hours } h { $minutes } min)
# The Jour fixe form's rule field, filled with the stored rule as a phrase
# the rule parser reads back to the same rule ("monthly 2nd tue 10:00").
tui-jf-phrase-daily = { $count ->
        [one] daily
       *[other] every { $count } days
    }
tui-jf-phrase-weekly = { $count ->
        [one] weekly { $days }
       *[other] every { $count } weeks { $days }
    }
tui-jf-phrase-monthly-nth = { $count ->
        [one] monthly { $nth } { $day }
       *[other] every { $count } months { $nth } { $day }
    }
tui-jf-phrase-monthly-day = { $count ->
        [one] monthly on { $day }
       *[other] every { $count } months on { $day }
    }
tui-jf-phrase-monthly-last-day = { $count ->
        [one] monthly last day
       *[other] every { $count } months last day
    }
tui-jf-phrase-nth = { $n ->
        [-1] last
        [1] 1st
        [2] 2nd
        [3] 3rd
       *[other] { $n }th
    }
tui-jf-phrase-weekday = { $day ->
        [MO] mon
        [TU] tue
        [WE] wed
        [TH] thu
        [FR] fri
        [SA] sat
       *[SU] sun
    }
# Between two weekdays, and before the last of several.
tui-jf-phrase-days-sep = {", "}
tui-jf-phrase-days-last-sep = {", "}
# $hour and $minute are there for languages that write "at 10" when the
# minutes are 0 (German "um 10 Uhr"); English writes the time as it is.
tui-jf-phrase-at = { $hour ->
       *[other] { $minute ->
           *[other] { $rule } { $time }
        }
    }
# The narrowest the Today list may get beside the card (a number of
# columns): a row's name, why and when should fit on one line.
tui-today-list-width = 64
tui-card-sphere-work = work
tui-card-sphere-private = private
# The questions before a change that cannot wait for undo (src/tui/update.rs)
# When a touch was, in the form that fixes it: a chrono pattern the date
# field reads back ("2026-11-28 14:00").
tui-touch-when-format = %Y-%m-%d %H:%M
## capture-bench: touches made in batches (issue 19)
error-capture-touches-made = The database stored { $made } of { $count } captured touches; nothing of this batch was kept. Run `draht capture` again.
