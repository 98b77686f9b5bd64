# draht auf Deutsch. Jede Nachricht hat dieselbe Id und dieselben
# $Argumente wie ihr Gegenstück in ../en/draht.ftl (ein Test prüft das).
# Argumente mit Eingaben ($input, $phrase, $word, $text) kommen schon in
# Anführungszeichen.

## Lesefehler: Datum, Uhrzeit, Dauer, Geburtstag (src/parse/)

parse-cannot-read = { $input } kann draht { $expected ->
        [duration] nicht als Dauer
        [until] weder als Dauer noch als Datum
        [birthday] nicht als Geburtstag
       *[date] nicht als Datum
    } lesen; möglich sind { $forms }
parse-cannot-read-because = { $input } kann draht { $expected ->
        [duration] nicht als Dauer
        [until] weder als Dauer noch als Datum
        [birthday] nicht als Geburtstag
       *[date] nicht als Datum
    } lesen ({ $problem }); möglich sind { $forms }
parse-forms-until = eine Dauer ({ $durations }) oder ein Datum ({ $dates })
parse-forms-birthday = { $dated } oder ohne Jahr { $yearless }

parse-empty = die Eingabe ist leer
parse-no-such-day = diesen Tag gibt es nicht
parse-no-such-time = diese Uhrzeit gibt es nicht
parse-off-calendar = das liegt außerhalb des Kalenders
parse-at-least-one = es muss mindestens 1 sein
parse-too-long = das sind mehr als 10 Jahre
parse-negative = eine Dauer kann nicht negativ sein
parse-no-time-here = eine Uhrzeit ist hier nicht möglich
parse-two-digit-year = das Jahr bitte vierstellig schreiben

## Wörter auf dem Bildschirm für die zweite Runde (src/text.rs)

days-overdue = { $count ->
        [one] { $count } Tag überfällig
       *[other] { $count } Tage überfällig
    }
span-days = { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    }

## Kanäle und Stand eines Check-ins auf dem Bildschirm. Gespeichert und in
## --json bleibt es sms, email, chat, call, video, meet.

channel-sms = SMS
channel-email = E-Mail
channel-chat = Chat
channel-call = Anruf
channel-video = Video
channel-meet = Treffen

status-planned = geplant
status-overdue = überfällig
status-due = heute fällig
status-soon = bald
status-ok = ok

heading-overdue = ÜBERFÄLLIG
heading-due = HEUTE FÄLLIG
heading-planned = GEPLANT
heading-soon = BALD
