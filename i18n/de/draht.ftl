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

## draht capture (src/cli/capture.rs, src/app/capture/, src/capture/).
## $source ist eine Quelle, wie sie gezeigt wird: Name, Art und Pfad.

capture-items = { $unit ->
        [event] { $count ->
            [one] { $count } Termin
           *[other] { $count } Termine
        }
        [text] { $count ->
            [one] { $count } SMS
           *[other] { $count } SMS
        }
        [message] { $count ->
            [one] { $count } Nachricht
           *[other] { $count } Nachrichten
        }
       *[mail] { $count ->
            [one] { $count } Mail
           *[other] { $count } Mails
        }
    }

capture-source-unchanged = { $source }: unverändert seit dem letzten Einlesen.
capture-source-nothing-new = { $source }: nichts Neues seit dem letzten Einlesen.
capture-source-read = { $source }: { $unit ->
        [event] { $count ->
            [one] { $count } Termin
           *[other] { $count } Termine
        }
       *[message] { $count ->
            [one] { $count } Nachricht
           *[other] { $count } Nachrichten
        }
    } gelesen{ $whole ->
        [yes] , von Anfang an
       *[no] {""}
    }
capture-source-touches = {"  "}{ $count } mit Kontakten: { $made ->
        [one] { $made } Kontaktmoment
       *[other] { $made } Kontaktmomente
    } neu, { $joined } zu schon erfassten dazu
capture-source-skipped = {"  "}übersprungen: { $list }
capture-skip = { $count } { $reason ->
        [list] Listen und Massenmails
        [automated] von Maschinen verschickt
        [own] nur zwischen deinen eigenen Adressen
        [too_many] mit zu vielen Leuten
        [undated] ohne Datum
        [future] noch in der Zukunft
        [before_since] vor --since
        [cancelled] abgesagt
        [declined] abgelehnt
        [not_attended] nicht von dir angenommen
        [yearly] Geburtstage und Jahrestage
        [unknown] mit niemandem aus draht
        [seen] schon gezählt
       *[other] anderes
    }
capture-source-broken = {"  "}{ $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    } unlesbar und übersprungen, zum Beispiel:

capture-dry-run = Probelauf: nichts wurde geschrieben.
capture-would-log = Würde erfassen
capture-would-log-part = { $glyph } { $channel } an { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } ({ $items })
capture-note-me = Hinweis: Trag deine eigenen Adressen in config.toml ein ([me] emails = ["du@example.org"]), damit die Mails zählen, die du schreibst, und Mails zwischen deinen eigenen Adressen nicht.

capture-report-everyone = Alle, denen du in den letzten { $days } Tagen geschrieben hast, sind in draht ({ $count ->
        [one] { $count } Nachricht oder Termin
       *[other] { $count } Nachrichten und Termine
    } gelesen).
capture-report-title = { $sent ->
        [yes] Die Leute, denen du am meisten schreibst und die nicht in draht sind
       *[no] Die Leute, die dir am meisten schreiben und nicht in draht sind
    }
capture-report-since = { $title }, seit { $since } ({ $count } insgesamt):
capture-report-line = { $what ->
        [wrote] Du hast { $address } { $count ->
            [one] einmal
           *[other] { $count }-mal
        } geschrieben
        [met] Du hast { $address } { $count ->
            [one] einmal
           *[other] { $count }-mal
        } getroffen
       *[received] { $count ->
            [one] { $count } Mail
           *[other] { $count } Mails
        } von { $address }
    }, in { $days } Tagen — `draht add "{ $name }" --email { $address }`?
capture-report-add-hint = Die ersten N davon fügt `draht capture --report --add N` hinzu.
capture-report-note-me = Hinweis: Trag [me] emails in config.toml ein, damit draht die Mails erkennt, die du geschrieben hast.
capture-added = { $name } <{ $address }> hinzugefügt.
capture-not-added = { $name } <{ $address }> nicht hinzugefügt: Es gibt schon einen Kontakt mit diesem Namen; gib ihm die Adresse mit `draht edit "{ $name }" --email { $address }`.
capture-nobody-to-add = Niemand hinzuzufügen.

capture-forget = { $dry ->
        [yes] Würde vergessen:
       *[no] Vergessen:
    } { $name } ({ $path }): { $count ->
        [one] { $count } Kontaktmoment
       *[other] { $count } Kontaktmomente
    } entfernt
capture-forget-kept = , { $count ->
        [one] { $count } Kontaktmoment
       *[other] { $count } Kontaktmomente
    } behalten, zu denen du etwas notiert hast oder die eine andere Quelle auch kennt
capture-forget-unjoined = , { $count ->
        [one] { $count } selbst erfassten Kontaktmoment
       *[other] { $count } selbst erfasste Kontaktmomente
    } gelassen, wie sie waren
capture-forget-keys = {" "}und { $count ->
        [one] { $count } Schlüssel
       *[other] { $count } Schlüssel
    } verworfen.

capture-list-empty = Noch nichts eingelesen: versuch `draht capture ~/Mail` oder `draht capture ~/.calendars`.
capture-list-touches = { $count ->
        [one] { $count } Kontaktmoment
       *[other] { $count } Kontaktmomente
    }
capture-list-last = zuletzt { $day }
capture-list-never = nie fertig geworden

capture-notify-failed = draht notify: die [[capture]]-Quellen wurden nicht gelesen ({ $error }); die Erinnerungen gehen ohne sie hinaus.

capture-error-unknown-kind = unbekannte Art "{ $kind }"; möglich sind maildir, mbox oder calendar
capture-error-no-source = keine Quelle zum Einlesen: gib einen Pfad an (draht capture ~/Mail/work) oder trag [[capture]]-Quellen in config.toml ein
capture-error-kind-name-configured = --kind und --name gelten für eine hier angegebene QUELLE; die [[capture]]-Quellen der Konfiguration nennen ihre eigenen
capture-error-name-one-source = --name benennt eine Quelle; gib eine QUELLE dazu an oder lies sie einzeln ein
capture-error-add-dry-run = --add legt Kontakte an; lass --dry-run weg (oder zeig mit --report allein, wer hinzukäme)
capture-error-source = die Quelle { $path } kann draht nicht lesen: { $reason }; gib den Pfad eines Maildirs, einer mbox oder eines Kalenders an
capture-error-read = { $path } kann draht nicht lesen: { $reason }
capture-error-what = draht erkennt nicht, was { $path } ist (kein Maildir, keine mbox, kein Kalender); sag es mit --kind maildir, mbox oder calendar
capture-error-maildir = das Maildir { $path } kann draht nicht lesen: { $reason }
capture-error-no-maildir = in { $path } ist kein Maildir-Ordner (ein Ordner mit cur/ und new/); stimmt der Pfad, oder passt ein anderes --kind?
capture-error-mbox-folder = { $path } ist ein Ordner, keine mbox-Datei; ist es ein Maildir (--kind maildir)?
capture-error-calendar = den Kalender { $path } kann draht nicht lesen: { $reason }
capture-error-no-such-source = es gibt keine Quelle "{ $name }"; bisher wurde nichts eingelesen
capture-error-not-a-source = es gibt keine Quelle "{ $name }"; die Quellen sind: { $sources }
capture-error-ambiguous-source = "{ $name }" passt auf { $count } Quellen; gib den Pfad einer davon an: { $paths }
capture-reason-missing = es gibt sie nicht
capture-reason-denied = keine Berechtigung

capture-broken-no-headers = keine Mail-Kopfzeilen darin
capture-broken-long-headers = die Kopfzeilen enden nicht innerhalb von 1 MiB
capture-broken-no-people = weder Absender noch Empfänger
capture-broken-cannot-list = nicht auflistbar: { $reason }
capture-broken-not-calendar = kein Kalender: { $line }
capture-broken-no-start = der Termin "{ $summary }" hat keinen Beginn
capture-broken-recurrence = der Termin "{ $summary }": seine Wiederholung lässt sich nicht berechnen ({ $reason })
capture-place-offset = { $path } bei Byte { $offset }
