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

## Regeln für einen Jour fixe (src/jourfixe/phrase.rs). $examples ist eine
## Liste von Regeln, die gehen, in Anführungszeichen.

rule-empty = keine Regel angegeben — zum Beispiel { $examples }
rule-unreadable = { $word } in { $phrase } kann draht nicht lesen — zum Beispiel { $examples }
rule-missing-weekday = { $phrase } braucht einen Wochentag (Mo, Di, … So) — zum Beispiel { $examples }
rule-missing-day = { $phrase } braucht einen Tag: einen Wochentag mit 1. bis 5. oder letzten, oder einen Tag im Monat — zum Beispiel { $examples }
rule-bad-time = { $text } ist keine Uhrzeit; möglich ist HH:MM von 00:00 bis 23:59, etwa 08:30 oder 19 Uhr — zum Beispiel { $examples }
rule-bad-interval = { $text } in { $phrase }: die Zahl der Tage, Wochen oder Monate muss zwischen 1 und 99 liegen — zum Beispiel { $examples }
rule-bad-day-of-month = { $text } in { $phrase } ist kein Tag im Monat; möglich sind 1 bis 31 oder "letzten Tag" — zum Beispiel { $examples }
rule-bad-ordinal = { $text } in { $phrase }: jeden Wochentag gibt es im Monat höchstens fünfmal; möglich sind 1. bis 5. oder letzten — zum Beispiel { $examples }
rule-mismatch = { $phrase }: { $hint } — zum Beispiel { $examples }
rule-raw = die Regel { $rule } geht nicht: { $reason } — etwa "RRULE:FREQ=MONTHLY;BYDAY=2TU" (danach darf eine Uhrzeit stehen: "RRULE:FREQ=WEEKLY;BYDAY=FR 10:00")

rule-hint-one-time = nur eine Uhrzeit angeben
rule-hint-daily-no-day = eine tägliche Regel hat keinen Wochentag; für einen Wochentag: "jeden Freitag"
rule-hint-weekly-nth = eine wöchentliche Regel nimmt nur Wochentage; für den 2. Dienstag jedes Monats: "jeden 2. Dienstag im Monat"
rule-hint-weekly-month-day = eine wöchentliche Regel nimmt Wochentage, keinen Tag im Monat; dafür: "monatlich am 15."
rule-hint-which-in-month = welcher im Monat? etwa "monatlich am 1. Dienstag" oder "monatlich am letzten Dienstag"
rule-hint-one-day = ein Tag pro Regel: ein Wochentag mit 1. bis 5. oder letzten, oder ein Tag im Monat
rule-hint-not-both = entweder Wochentage oder ein Tag im Monat, nicht beides
rule-hint-two-readings = das lässt sich zweifach lesen; einmal im Monat: "jeden { $nth }. { $day } im Monat", alle { $nth } Wochen: "alle { $nth } Wochen { $day }"

rule-raw-start-date = das Startdatum gehört nicht in die Regel; es wird eigens angegeben
rule-raw-single-line = nur eine RRULE-Zeile, ohne EXDATE oder RDATE (ausgelassene Termine werden eigens geführt)
rule-raw-only-time = nach der Regel darf nur eine Uhrzeit (HH:MM) stehen, nicht { $word }
rule-raw-time-inside = eine Uhrzeit in der Regel geht nicht; sie gehört als HH:MM hinter die Regel
rule-raw-sub-daily = ein Jour fixe wiederholt sich höchstens täglich (FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY)
span-weeks = { $count ->
        [one] { $count } Woche
       *[other] { $count } Wochen
    }
span-months = { $count ->
        [one] { $count } Monat
       *[other] { $count } Monate
    }
span-years = { $count ->
        [one] { $count } Jahr
       *[other] { $count } Jahre
    }

age-today = heute
age-short = { $count } { $unit ->
        [day] T.
        [week] Wo.
       *[year] J.
    }
age-short-ahead = in { $count } { $unit ->
        [day] T.
        [week] Wo.
       *[year] J.
    }
relative-today = heute
relative-ago = { $unit ->
        [day] { $count ->
            [one] gestern
           *[other] vor { $count } Tagen
        }
        [week] { $count ->
            [one] vor einer Woche
           *[other] vor { $count } Wochen
        }
       *[year] { $count ->
            [one] vor einem Jahr
           *[other] vor { $count } Jahren
        }
    }
relative-ahead = { $unit ->
        [day] { $count ->
            [one] morgen
           *[other] in { $count } Tagen
        }
        [week] { $count ->
            [one] in einer Woche
           *[other] in { $count } Wochen
        }
       *[year] { $count ->
            [one] in einem Jahr
           *[other] in { $count } Jahren
        }
    }
