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
