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
