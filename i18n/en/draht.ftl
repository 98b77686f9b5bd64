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

## draht capture (src/cli/capture.rs, src/app/capture/, src/capture/).
## $source is a source as shown: its name, kind and path.

# What a captured touch holds: "3 mails", "1 event". $unit is mail, text,
# message or event.
capture-items = { $unit ->
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
# $unit is message or event; $whole is yes when the source was read from its start.
capture-source-read = { $source }: { $unit ->
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
capture-note-me = Note: set your own addresses in config.toml ([me] emails = ["you@example.org"]) so that the mail you send counts, and mail between your own addresses does not.

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
capture-error-unknown-kind = unknown kind "{ $kind }"; use maildir, mbox or calendar
capture-error-no-source = no source to capture from: give a path (draht capture ~/Mail/work), or add [[capture]] sources to config.toml
capture-error-kind-name-configured = --kind and --name are for a SOURCE given here; the config's [[capture]] sources say their own
capture-error-name-one-source = --name names one source; give one SOURCE with it, or capture them one at a time
capture-error-add-dry-run = --add writes contacts; leave out --dry-run (or run --report alone to see who would be added)
capture-error-source = cannot read the capture source { $path }: { $reason }; give the path of a maildir, an mbox or a calendar
capture-error-read = cannot read { $path }: { $reason }
capture-error-what = cannot tell what { $path } is (not a maildir, an mbox or a calendar); say it with --kind maildir, mbox or calendar
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
# Where: "~/Mail/work.mbox at offset 1234".
capture-place-offset = { $path } at offset { $offset }
