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

## Fehler zu Kontakten und zur Datenbank (src/error.rs)

error-no-such-contact = kein Kontakt heißt "{ $query }"; `draht list` zeigt alle Namen, `draht add "{ $query }"` legt ihn an
error-did-you-mean = kein Kontakt heißt "{ $query }"; meinten Sie { $names }?
error-archived = { $name } ist archiviert; zurückholen mit `draht archive --undo "{ $name }"`, ansehen mit `draht show "{ $query }"`
error-ambiguous = auf "{ $query }" passen { $count }: { $names }; bitte mehr vom Namen eingeben
error-database-busy = die Datenbank blieb belegt (ein anderes draht schreibt gerade); bitte noch einmal versuchen
error-database = Datenbankfehler
list-or = { $init } oder { $last }

## Wörter beider Oberflächen (src/text.rs)

cadence-days = { $count } T.
cadence-weeks = { $count } Wo.
cadence-months = { $count } Mon.
cadence-years = { $count } J.
why-last-personal = { $channel } { $when }
why-no-personal = noch kein persönlicher Kontakt
why-written-since = { $count ->
        [one] seitdem 1 Nachricht
       *[other] seitdem { $count } Nachrichten
    }
why-missed = nicht erreicht am { $day }

sphere-work = beruflich
sphere-private = privat
sphere-work-short = Beruf
sphere-private-short = privat

hook-kind-project = Projekt
hook-kind-offer = Angebot
hook-kind-common = Gemeinsamkeit
hook-kind-hobby = Hobby
hook-kind-personal = Persönliches

outcome-done = erledigt
outcome-missed = nicht erreicht

## draht today (src/cli/today.rs)

today-title = { $date } · Wie läuft's?
heading-jourfixe = JOUR FIXE
heading-followups = WIEDERVORLAGE
heading-birthdays = GEBURTSTAGE
birthday-turns = { $name } (wird { $age })
today-nobody-yet = Noch niemand da. Tragen Sie die Menschen ein, die Ihnen wichtig sind:
today-nobody-due = Heute ist niemand fällig — ein guter Tag, um einfach mal Hallo zu sagen.
plan-today = heute
plan-jourfixe = JF { $when }
plan-followup = Wiedervorlage { $when }
plan-followup-note = Wiedervorlage { $when }: { $note }
when-today = heute
when-over = seit { $count } T.
when-ahead = in { $count } T.
# Wie oft, als Ganzes ($every) in den Meldungen unten: eine Einheit
# ausgeschrieben ("monatlich"), sonst "alle 2 Wo.".
every = { $count ->
        [one] { $unit ->
            [days] täglich
            [weeks] wöchentlich
            [months] monatlich
           *[years] jährlich
        }
       *[other] alle { $cadence }
    }

## Eine Jour-fixe-Regel in Worten (src/jourfixe/mod.rs): "der 2. Dienstag
## jedes Monats um 10:00", "jeden zweiten Donnerstag um 08:30".

rule-words-at = { $rule } um { $time }
rule-words-custom = die eigene Regel RRULE:{ $rrule }
rule-words-daily = { $count ->
        [one] jeden Tag
       *[other] alle { $count } Tage
    }
rule-words-weekly = { $interval ->
        [1] jeden { $days }
        [2] jeden zweiten { $days }
       *[other] alle { $interval } Wochen am { $days }
    }
rule-words-monthly-nth = { $nth ->
        [-1] der letzte { $day } { $months }
        [5] der { $which } { $day } { $months } (in Monaten, die einen haben)
       *[other] der { $which } { $day } { $months }
    }
rule-words-last = letzte
rule-words-monthly-day = { $day ->
        [-1] der letzte Tag { $months }
        [29] der { $day }. { $months } (entfällt in kürzeren Monaten)
        [30] der { $day }. { $months } (entfällt in kürzeren Monaten)
        [31] der { $day }. { $months } (entfällt in kürzeren Monaten)
       *[other] der { $day }. { $months }
    }
rule-words-months = { $interval ->
        [1] jedes Monats
        [2] jedes zweiten Monats
       *[other] jedes { $nth } Monats
    }
rule-words-ordinal = { $n }.
rule-words-and = { $init } und { $last }

## draht jourfixe (src/cli/jourfixe.rs)

occurrence-upcoming = anstehend
occurrence-kept = gehalten
occurrence-skipped = ausgelassen
occurrence-missed = verpasst
jf-no-more-dates = keine weiteren Termine
error-jf-no-date = die Regel "{ $rule }" ({ $words }) hat keinen Termin am oder nach { $from }; prüfen Sie UNTIL oder COUNT, oder geben Sie ein anderes --from an
jf-added = Jour fixe #{ $id } mit { $name } ({ $how }): { $rule } — nächste Termine: { $next }
jf-changed = Jour fixe #{ $id } mit { $name } geändert ({ $how }): { $rule } — nächste Termine: { $next }
error-jf-remind = --remind: { $problem }; oder "default", oder --no-remind
jf-remind-before = Erinnerung { $length } vorher
jf-remind-off = keine Erinnerung
jf-remind-default = Erinnerung wie eingestellt
error-jf-time = --time { $text } ist keine Uhrzeit; möglich ist HH:MM, etwa 11:00
jf-none = Noch kein Jour fixe. So legen Sie einen an: draht jourfixe add anna "jeden 2. Dienstag im Monat um 10 Uhr"
jf-next = nächster { $day }
jf-last = zuletzt { $day } { $state }
jf-skipped = { $day } von Jour fixe #{ $id } mit { $name } ausgelassen — nächster Termin: { $next }
jf-removed = Jour fixe #{ $id } mit { $name } ({ $rule }) gelöscht; die eingetragenen Kontakte bleiben.
jf-paused = pausiert
heading-show-jourfixe = Jour fixe
ics-wrote = { $jourfixe } Jour fixe, { $followups ->
        [one] 1 Wiedervorlage
       *[other] { $followups } Wiedervorlagen
    } und { $checkins ->
        [one] 1 fälliger Kontakt
       *[other] { $checkins } fällige Kontakte
    } nach { $path } geschrieben.
ics-left-out = { $count } Jour fixe ausgelassen, deren gespeicherte Regel sich nicht lesen lässt; `draht jourfixe list` zeigt sie — löschen und neu anlegen.
# Deutsche Daten haben selbst Kommas: "Di., 8. Dez.; Di., 12. Jan. 2027".
dates-separator = {"; "}

## Kontakte: add, edit, list, archive, rm (src/cli/contacts.rs, src/cli/mod.rs)

error-write-json = JSON lässt sich nicht schreiben: { $problem }
error-write-csv = CSV lässt sich nicht schreiben: { $problem }
error-no-home = kein Home-Verzeichnis für die Datenbank gefunden; geben Sie --db PFAD an
error-unknown-channel = unbekannter Kanal "{ $input }"; möglich sind: { $names }
error-unknown-sphere = unbekannter Bereich "{ $input }"; möglich sind work (beruflich) oder private (privat)
error-unknown-status = unbekannter Stand "{ $input }"; möglich sind overdue (überfällig), due (heute fällig), planned (geplant), soon (bald) oder ok
error-email = "{ $email }" sieht nicht nach einer E-Mail-Adresse aus (kein @)
error-empty-phone = eine leere Telefonnummer wurde angegeben
error-empty-tag = ein leeres Schlagwort wurde angegeben
contact-added = { $name } hinzugefügt ({ $sphere }; melden { $every }).
contact-added-no-cadence = { $name } hinzugefügt ({ $sphere }; noch kein Rhythmus: festlegen mit `draht edit NAME --every 3w`).
contact-updated = { $name } geändert.
list-no-contacts = Noch keine Kontakte. Legen Sie einen an mit `draht add "Anna Schmidt" --every 3w`, oder importieren Sie ein Adressbuch mit `draht import kontakte.vcf`.
list-no-active = Keine aktiven Kontakte; `draht list --archived` zeigt { $count ->
        [one] den einen archivierten
       *[other] die { $count } archivierten
    }.
list-no-match = Kein Kontakt passt zu { $filters }; `draht list{ $archived }` zeigt { $count ->
        [one] den einen
       *[other] alle { $count }
    }.
list-name = NAME
list-sphere = BEREICH
list-every = RHYTHMUS
list-last-touch = LETZTER KONTAKT
list-personal = PERSÖNLICH
list-due = FÄLLIG
list-status = STAND
list-archived = archiviert
contact-unarchived = { $name } ist wieder auf der Agenda.
contact-archived = { $name } archiviert: mit allen Einträgen aufbewahrt, nicht mehr auf der Agenda (rückgängig: draht archive --undo "{ $name }").
error-delete-needs-yes = Löschen entfernt { $name } mit allen Einträgen; zum Bestätigen --yes angeben (oder mit `draht archive` aufbewahren)
contact-delete-ask = { $name } mit allen Einträgen endgültig löschen?
# After every yes-or-no question on standard error.
confirm-yes-no = [j/N]
error-no-answer = keine Antwort gelesen: { $problem }
contact-not-deleted = nicht gelöscht
contact-deleted = { $name } gelöscht.

## draht show (src/cli/show.rs)

show-archived = archiviert
show-email = E-Mail
show-phone = Telefon
show-birthday = Geburtstag
show-birthday-turns = { $date } (wird { $age } am { $day })
show-tags = Schlagwörter
show-notes = Notizen
show-hooks = Aufhänger
show-hook-used = genutzt { $day }
show-followups = Wiedervorlagen
show-touches = Einträge
show-touch-missed = { $channel } (nicht erreicht)
show-touch-with = mit { $names }
show-mix = Kanäle
show-due-today = heute fällig
show-due-in = in { $count ->
        [one] einem Tag
       *[other] { $count } Tagen
    }
show-due = fällig { $day } ({ $when })
show-no-cadence = kein Rhythmus
show-snoozed = zurückgestellt bis { $day }
show-counts-from = zählt ab { $channel }

## log, touch, snooze, hook, remind, done (src/cli/touches.rs, src/cli/plans.rs)

error-log-future = "{ $input }" liegt in der Zukunft; tragen Sie ein, was schon war, oder planen Sie es mit `draht remind KONTAKT WANN NOTIZ`
logged-now = gerade eben
names-and = {" und "}
logged = { $channel } mit { $names } ({ $when }) als #{ $id } eingetragen.
logged-missed = { $channel } mit { $names } ({ $when }) als #{ $id } eingetragen: nicht erreicht. Nächster Versuch in { $retry ->
        [one] einem Tag
       *[other] { $retry } Tagen
    }.
log-note-looks-like-a-time = Hinweis: „{ $note }“ steht jetzt als Notiz da. Wenn es der Zeitpunkt ist: draht touch edit { $id } --at "{ $note }" --note ""
error-unknown-outcome = unbekannter Ausgang "{ $input }"; möglich sind done (erledigt) oder missed (nicht erreicht)
touch-updated = Eintrag #{ $id } geändert.
touch-deleted = Eintrag #{ $id } gelöscht.
error-snooze-past = "{ $input }" liegt nicht in der Zukunft; zurückstellen geht nur auf einen späteren Tag, etwa 1w oder "nächsten Montag"
snoozed = { $name } ist bis { $day } zurückgestellt.
error-unknown-hook-kind = unbekannte Art von Aufhänger "{ $input }"; möglich sind project (Projekt), offer (Angebot), common (Gemeinsamkeit), hobby (Hobby) oder personal (Persönliches)
hook-added = Aufhänger #{ $id } für { $name }: { $text } ({ $kind }).
followup-added = Wiedervorlage #{ $id } für { $name } am { $day }: { $note }.
followup-added-past = Wiedervorlage #{ $id } für { $name } am { $day }: { $note } (der Tag ist schon vorbei: sie erscheint als überfällig).
followup-done = Erledigt: { $note } ({ $name }).

## draht stats (src/cli/stats.rs)

error-since-too-early = --since { $since } reicht mehr als 50 Jahre zurück; geben Sie ein späteres Datum an, etwa { $example } oder "vor einem Jahr"
error-since-future = --since { $since } liegt nach heute; geben Sie ein vergangenes Datum an, etwa "vor 3 Monaten" oder { $example }
stats-title = Auswertung
stats-window = { $days } Tage, verglichen mit den { $days } davor
stats-contacts = Personen
stats-touches = Kontakte
stats-personal = { $count } persönlich{ $share }
stats-missed = { $count } nicht erreicht
stats-gaps = Pausen
stats-gap-longest = längste { $days } T.
stats-gap-median = Median { $days } T.
stats-gaps-none = keine (weniger als zwei Tage mit Kontakt)
stats-last-touch = letzter Kontakt { $when }
stats-rating = Bewertung
stats-rated = { $rating } ({ $count } bewertet)
stats-none-rated = nichts bewertet
stats-checkins = Rhythmus
stats-on-time = { $count } pünktlich
stats-late = { $count } verspätet
stats-checkins-every = { $checkins } ({ $every })
stats-no-cadence = kein Rhythmus
stats-jourfixe = Jour fixe
stats-kept = { $kept } von { $of } gehalten ({ $share })
stats-warmth = Wärme
stats-warmth-before = { $now } (vorher { $before })
stats-weekly = pro Woche
trend-warming = wärmer
trend-cooling = kühler
trend-steady = gleich
stats-channels = KANÄLE
stats-col-channel = Kanal
stats-col-touches = Kontakte
stats-col-share = Anteil
stats-col-contacts = Personen
stats-by-sphere = Bereich
stats-by-tag = Schlagwort
stats-col-people = Personen
stats-col-personal = persönlich
stats-col-gaps = Pausen max/Med.
stats-col-rating = Bewertung
stats-col-on-time = pünktlich
stats-col-warmth = Wärme
stats-col-trend = Trend
stats-no-tag = (ohne Schlagwort)
stats-gaps-cell = { $longest } T./{ $median } T.
stats-col-contact = Kontakt
stats-col-sphere = Bereich
stats-col-now = jetzt
stats-col-before = vorher
stats-col-last = zuletzt
stats-col-weekly = pro Woche
stats-warmth-heading = WÄRME
stats-cooling = WIRD KÜHLER
stats-nobody-cooling = bei niemandem wird es kühler
stats-year = JAHR
stats-year-note = ein Feld pro Tag, diese Woche rechts

## Erinnerungen: Benachrichtigungen, notify --dry-run, die Statusleiste

reminder-followup = Wiedervorlage: { $name }
reminder-jourfixe = Jour fixe mit { $name } { $when }
reminder-at = um { $time }
reminder-today = heute
reminder-tomorrow = morgen
reminder-day-at = { $day } um { $time }
reminder-to-call = { $count ->
        [one] 1 Person zum Anrufen
       *[other] { $count } Personen zum Anrufen
    }
and-more = und { $count } weitere
notify-nothing = Jetzt ist nichts zu senden.
notify-would-send = Würde senden:
error-no-bus = kein Session-Bus: { $var } ist nicht gesetzt (wie unter cron) und $XDG_RUNTIME_DIR/bus gibt es nicht; `draht notify --install` nennt die Zeile, die ihn setzt
error-no-notification-service = kein Benachrichtigungsdienst auf dem Session-Bus unter { $address }; starten Sie einen (dunst, mako oder den Ihres Desktops) und rufen Sie `draht notify` noch einmal auf
error-bus-unreachable = der Session-Bus unter { $address } ist nicht erreichbar: { $problem }
notify-crontab = Hier gibt es kein systemd: Mit dieser Zeile in der crontab (`crontab -e`) läuft draht notify alle fünf Minuten:
notify-wrote-units = { $service } und { $timer } geschrieben.
notify-start-timer = So starten Sie den Timer (alle fünf Minuten und nach dem Aufwachen des Rechners):
notify-no-timer = In { $dir } gab es keinen draht-Timer; nichts entfernt.
notify-removed = { $path } entfernt
notify-stop-timer = Ein noch laufender Timer endet mit: systemctl --user stop { $timer } && systemctl --user daemon-reload
error-timer-demo = --demo hat keine Datenbank, die ein Timer lesen könnte; lassen Sie --demo weg
error-no-home-units = kein Home-Verzeichnis für die systemd-User-Units gefunden
error-unit-path = der Pfad { $what ->
        [program] des draht-Programms
        [config] der Konfigurationsdatei
       *[database] der Datenbank
    }, { $path }, enthält einen Zeilenumbruch, ein Steuerzeichen oder Bytes, die kein UTF-8 sind; das kann eine systemd-Unit oder eine crontab-Zeile nicht tragen. Legen Sie die Datei an einen einfachen Pfad und rufen Sie `draht notify --install` noch einmal auf
status-nobody = Heute ist niemand anzurufen.
status-to-call = Anrufen: { $names }
status-jourfixe = Jour fixe { $time }: { $name } ({ $channel })
status-followup = Wiedervorlage: { $name } — { $note }
status-followup-late = Wiedervorlage (seit { $since }): { $name } — { $note }
status-more-followups = und { $count } weitere Wiedervorlagen

## backup, check, import, export (src/cli/backup.rs, src/cli/interop.rs)

error-backup-demo = diese Datenbank liegt nur im Speicher (--demo); nennen Sie mit -o DATEI eine Datei für die Kopie
backup-done = { $contacts } Kontakte und { $touches } Einträge nach { $path } gesichert ({ $size }).
backup-restore = Zum Wiederherstellen: draht beenden, die Datenbank mit ihren -wal- und -shm-Dateien beiseitelegen und diese Datei an ihre Stelle kopieren.
size-bytes = { $count } Byte
size-kb = { $count } KB
size-mb = { $count } MB
check-the-database = die Datenbank
error-check-damaged = { $place } ist beschädigt: { $problems }; heben Sie die Datei auf und stellen Sie die letzte Sicherung wieder her (siehe "Your data" in docs/guide.md)
error-no-database = unter { $path } gibt es keine Datenbank; prüfen Sie den Pfad (ein Befehl, der schreibt, etwa `draht add NAME`, legt dort eine neue an)
error-not-a-file = { $path } ist { $kind ->
        [directory] ein Ordner
        [fifo] eine benannte Pipe (FIFO)
        [socket] ein Socket
        [device] ein Gerät
       *[other] keine gewöhnliche Datei
    }, keine Datenbankdatei; geben Sie mit --db den Pfad einer Datenbankdatei an
error-exists = { $path } gibt es schon; draht überschreibt nie eine Datei — wählen Sie einen anderen Namen
error-utf16 = { $path } ist UTF-16-Text, und draht liest UTF-8; wandeln Sie die Datei erst um: iconv -f { $encoding } -t UTF-8 { $path } > { $converted }
error-not-utf8 = { $path } ist kein UTF-8-Text; wandeln Sie die Datei erst um, etwa mit iconv -f WINDOWS-1252 -t UTF-8 { $path } > { $converted }
check-healthy = { $place } ist in Ordnung.
check-integrity-ok = Integrität: ok — alle Seiten und Indizes sind stimmig
check-references-ok = Verweise: ok — jeder Eintrag, Aufhänger und jede Wiedervorlage gehört zu einem vorhandenen Kontakt
check-schema-ok-current = Schema: ok — die Tabellen, Spalten, Indizes und Trigger der Stufe { $level } (aktuell)
check-schema-ok-upgrade = Schema: ok — die Tabellen, Spalten, Indizes und Trigger der Stufe { $level } (der nächste Befehl hebt sie auf Stufe { $latest })
# $tables: Tabellen in der Datei, die nicht von draht sind
check-other-tables = außerdem: { $tables } — nicht von draht, { $count ->
        [one] bleibt
       *[other] bleiben
    } unberührt
check-schema-problems = ihr Schema ist nicht das der Stufe { $level } ({ $problems })
check-counts = { $contacts ->
        [one] { $contacts } Kontakt
       *[other] { $contacts } Kontakte
    }, { $touches ->
        [one] { $touches } Eintrag
       *[other] { $touches } Einträge
    }
check-integrity-problems = die Integritätsprüfung fand { $count ->
        [one] 1 Problem
       *[other] { $count } Probleme
    }: { $problems }
check-dangling = { $count ->
        [one] 1 Zeile verweist
       *[other] { $count } Zeilen verweisen
    } auf fehlende Datensätze ({ $rows })
check-dangling-row = { $table } Zeile { $id } → { $parent }
check-dangling-a-row = eine Zeile in { $table } → { $parent }
error-import-every = --every { $every } ist kein Rhythmus; mindestens ein Tag, etwa 2w, 1mo oder 3mo
import-counts = { $added } neu, { $updated } geändert, { $unchanged } unverändert
import-dry-run = Probelauf, nichts geschrieben. Der Import von { $path } ergäbe: { $counts }.
import-done = { $path } importiert: { $counts }.
import-skipped-groups = { $count ->
        [one] 1 Gruppenkarte
       *[other] { $count } Gruppenkarten
    } übersprungen (eine Liste von Menschen, keine Person).
import-skipped-invalid = { $count ->
        [one] 1 ungültiger Datensatz
       *[other] { $count } ungültige Datensätze
    } übersprungen:
import-spread = Die ersten Termine { $count ->
        [one] eines Kontakts
       *[other] von { $count } Kontakten
    } sind von { $from } bis { $to } verteilt, damit nicht alle auf einmal fällig werden.
import-without-cadence = { $count ->
        [one] 1 Kontakt hat
       *[other] { $count } Kontakte haben
    } noch keinen Rhythmus: `draht triage` legt ihn mit einer Taste pro Person fest.
error-restore-options = --every, --sphere und --skip-invalid gelten für vCard und CSV; eine JSON-Sicherung wird genau so wiederhergestellt, wie sie geschrieben wurde
restore-what = { $contacts ->
        [one] 1 Kontakt
       *[other] { $contacts } Kontakte
    }, { $touches ->
        [one] 1 Eintrag
       *[other] { $touches } Einträge
    }, { $hooks ->
        [one] 1 Aufhänger
       *[other] { $hooks } Aufhänger
    }, { $followups ->
        [one] 1 Wiedervorlage
       *[other] { $followups } Wiedervorlagen
    } und { $jourfixe } Jour fixe
restore-dry-run = Probelauf, nichts geschrieben. { $source } würde { $what } wiederherstellen.
restore-done = { $what } aus { $source } wiederhergestellt.
# Nach restore-what, wenn die Sicherung Quellen von draht capture hatte.
restore-capture = , mit { $sources ->
        [one] { $sources } Quelle für draht capture
       *[other] { $sources } Quellen für draht capture
    } und { $keys ->
        [one] dem { $keys } Schlüssel, den sie gezählt hat
       *[other] den { $keys } Schlüsseln, die sie gezählt haben
    }
export-contacts = { $count ->
        [one] 1 Kontakt
       *[other] { $count } Kontakte
    }
export-vdir-done = { $count ->
        [one] 1 Karte
       *[other] { $count } Karten
    } nach { $path } geschrieben.
export-backup = Eine Sicherung mit { $contacts ->
        [one] 1 Kontakt
       *[other] { $contacts } Kontakten
    } und { $touches ->
        [one] 1 Eintrag
       *[other] { $touches } Einträgen
    }
error-export-folder = { $path } ist ein Ordner; geben Sie mit -o einen Dateinamen an (ein Ordner geht nur bei `export vdir`)
export-done = { $what } nach { $path } geschrieben.

## draht triage (src/cli/triage.rs)

triage-keys = w alle 2 Wochen · m monatlich · q vierteljährlich · y jährlich · s überspringen · a archivieren · x aufhören
error-read-stdin = die Standardeingabe lässt sich nicht lesen: { $problem }
error-read-key = vom Terminal lässt sich keine Taste lesen: { $problem }
triage-nothing = Jeder aktive Kontakt hat einen Rhythmus; nichts zu sortieren.
triage-done = { $set ->
        [one] 1 Rhythmus
       *[other] { $set } Rhythmen
    } festgelegt, { $archived } archiviert, { $skipped } übersprungen; { $left ->
        [one] 1 Kontakt ist
       *[other] { $left } Kontakte sind
    } noch ohne Rhythmus.
triage-start = { $count ->
        [one] 1 Kontakt
       *[other] { $count } Kontakte
    } ohne Rhythmus.
triage-press = bitte eine davon drücken: { $keys }
triage-stopped = aufgehört
triage-skipped = übersprungen
triage-archived = archiviert
triage-every = { $every } (erster Termin ab { $first })

## Die Konfigurationsdatei, DRAHT_NOW, Längen

error-config-missing = die Konfigurationsdatei { $path } gibt es nicht; legen Sie sie an (der Abschnitt Configuration in docs/guide.md nennt die Schlüssel), oder lassen Sie --config und DRAHT_CONFIG weg, um die übliche zu nehmen
error-config = Konfiguration { $path }: { $problem }
error-config-unreadable = die Konfiguration { $path } lässt sich nicht lesen: { $problem }
error-config-line = Zeile { $line }: das versteht draht nicht ({ $problem }); wie die Schlüssel heißen und geschrieben werden, steht im Abschnitt Configuration in docs/guide.md
error-config-key = Zeile { $line }: { $key }: { $problem }
error-config-min-channel = Zeile { $line }: min_channel: unbekannter Kanal { $value }; möglich sind sms, email, chat, call, video oder meet
error-config-week-start = Zeile { $line }: week_start: { $value } ist kein Wochentag; etwa "monday" oder "sunday"
error-config-time = Zeile { $line }: { $key }: { $value } ist keine Uhrzeit; möglich ist HH:MM, etwa "08:30"
error-config-language = Zeile { $line }: language: { $value } ist keine Sprache, die draht spricht; möglich sind "de" oder "en"
error-config-sphere = Zeile { $line }: [sphere] { $sphere }: unbekannter Bereich; möglich sind work oder private
error-now = { $var }={ $value } ist kein Zeitpunkt; möglich sind eine lokale Zeit (2026-11-20T09:00:00), RFC 3339 (2026-11-20T09:00:00+01:00) oder ein Datum (2026-11-20)
parse-length = "{ $input }" kann draht nicht als Dauer lesen; möglich sind 30 Min., 45 Min., 1 Std., 1 Std. 30 Min. oder 1:30 (1 Minute bis 24 Stunden)

## Fehler der Anwendungsschicht (src/app/)

error-jf-nothing-to-change = nichts zu ändern; geben Sie etwa --rule "jeden Mittwoch um 11 Uhr", --time 11:00, --channel video, --duration 45min, --note TEXT, --remind 1h oder --no-remind an
error-jf-new-rule-no-date = die neue Regel ({ $rule }) hat ab { $from } keinen Termin; prüfen Sie UNTIL oder COUNT
error-hook-elsewhere = Aufhänger #{ $hook } gehört jemand anderem; nehmen Sie einen Aufhänger von { $names } (`draht show` zeigt sie)


## draht merge (src/cli/merge.rs; the plan in words: src/text/merge.rs, also the TUI's M)

merge-dry-run = Probelauf, nichts geändert.
error-merge-confirm = Zusammenführen gibt alles von { $gone } an { $kept } und entfernt { $gone }; bestätigen Sie mit --yes, oder sehen Sie mit --dry-run, was es täte
merge-ask = Zusammenführen?
merge-not-merged = nicht zusammengeführt
merge-done = { $gone } mit { $kept } zusammengeführt.
merge-title = { $gone } mit { $kept } zusammenführen:
merge-touches = { $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }
merge-shared = {" "}({ $count } mit beiden, einmal behalten)
merge-hooks = { $count ->
        [one] { $count } Aufhänger
       *[other] { $count } Aufhänger
    }
merge-followups = { $count ->
        [one] { $count } Wiedervorlage
       *[other] { $count } Wiedervorlagen
    }
merge-jourfixe = { $count } Jour fixe
merge-moves = übernimmt { $list }
merge-added-emails = E-Mail-Adressen { $items }
merge-added-phones = Telefonnummern { $items }
merge-added-tags = Schlagwörter { $items }
merge-adds = fügt hinzu: { $list }
# $fields: die Namen der übernommenen Felder (nickname, company, …)
merge-takes = übernimmt von { $gone }: { $fields }
merge-then = entfernt dann { $gone }; ein erneuter Import seiner Karte aktualisiert { $kept }

## Demo data (src/demo/): Rollen, Schlagwörter, Notizen, Aufhänger,
## Wiedervorlagen und Jour-fixe-Notizen der Beispielpersonen
demo-role-anna = Vertriebsleiterin
demo-role-thomas = Partner
demo-role-sophie = CTO
demo-role-juergen = Inhaber
demo-tag-client = kunde
demo-tag-friend = freund
demo-tag-family = familie
demo-tag-sailing = segeln
demo-tag-partner = partner
demo-tag-neighbour = nachbarin
demo-note-anna = Telefoniert am liebsten vor 10:00 Uhr.
demo-note-jonas = Alter Freund aus dem Studium; richtig reden wir nur bei einem Kaffee.
demo-note-juergen = Bestellt zweimal im Jahr; dazwischen lange Funkstille.
demo-touch-q3-review = Q3-Rückblick, der Launch lief gut
demo-touch-q3-minutes = Protokoll des Q3-Rückblicks
demo-touch-contract = AW: Vertragsentwurf
demo-touch-contract-again = AW: AW: Vertragsentwurf
demo-touch-cancelled = Termin abgesagt, nächste Woche?
demo-touch-offer-numbers = Zahlen fürs Angebot
demo-touch-markthalle = Kaffee in der Markthalle
demo-touch-boat-photos = Fotos vom neuen Boot
demo-touch-dinner-hamburg = Abendessen, neuer Job in Hamburg
demo-touch-wannsee = Segeln auf dem Wannsee
demo-touch-lunch-sophie = Mittagessen mit Sophie
demo-touch-voicemail = Mailbox
demo-touch-spring-order = Frühjahrsbestellung
demo-touch-invoice = Rechnung
demo-touch-sunday-call = Sonntagsanruf
demo-touch-project-call = Projektgespräch
demo-touch-status-update = Statusbericht
demo-touch-kantine = Mittagessen in der Kantine
demo-touch-coffee = Kaffee
demo-touch-sailing = Segeln
demo-touch-partner-call = Partnergespräch
demo-touch-order = Bestellung
demo-touch-dinner = Abendessen
demo-touch-roadmap-notes = Roadmap-Notizen
demo-hook-q3-launch = Q3-Launch ist live — fragen, wie die Zahlen aussehen
demo-hook-sailing-june = Segeln im Juni
demo-hook-boat = neues Boot – schon gesegelt?
demo-hook-workshop = unser neues Workshop-Format vor Ort
demo-hook-freiburg = beide aus Freiburg
demo-hook-hamburg = wie der neue Job in Hamburg läuft
demo-followup-offer = das Angebot schicken
demo-followup-photos = die Fotos vom Abendessen schicken
demo-followup-workshop = nach dem Workshop-Termin fragen
demo-jourfixe-roadmap = Roadmap-Abstimmung

## CLI, German sweep: the store's, import's, sync's and merge's words that
## were English in every language (src/store/, src/interop/, src/app/, src/cli/)

error-no-followup = es gibt keine Wiedervorlage #{ $id }; `draht today` und `draht show KONTAKT` zeigen sie
error-no-followup-short = es gibt keine Wiedervorlage #{ $id }
error-followup-no-note = eine Wiedervorlage braucht eine Notiz, z. B. draht remind anna Fr "das Angebot schicken"
error-no-hook = es gibt keinen Aufhänger #{ $id }; `draht show KONTAKT` zeigt die Nummern der Aufhänger
error-no-hook-short = es gibt keinen Aufhänger #{ $id }
error-hook-no-text = ein Aufhänger braucht einen Text, z. B. draht hook anna "Segeln im Juni"
error-no-jourfixe = es gibt keinen Jour fixe #{ $id }; `draht jourfixe list` zeigt sie mit ihren Nummern
error-no-touch = es gibt keinen Eintrag #{ $id }; `draht show KONTAKT` zeigt die Nummern der Einträge
error-touch-nobody = ein Eintrag braucht mindestens einen Kontakt
error-rating-range = die Bewertung { $rating } geht nicht; möglich sind -1, 0 oder 1
error-empty-contact-name = ein leerer Kontaktname passt auf niemanden; geben Sie einen Namen, Spitznamen oder dessen Anfang an
error-contact-gone = den Kontakt #{ $id } gibt es nicht mehr
error-contact-missing = den Kontakt #{ $id } gibt es nicht
error-merge-same = beide Namen meinen { $name }; nennen Sie zwei verschiedene Kontakte zum Zusammenführen
error-sync-no-folder = kein Ordner zum Abgleichen; geben Sie --contacts VERZ (und --calendar VERZ) an oder tragen Sie [sync] contacts = "~/.contacts/draht" in die Konfiguration ein
error-vdirsyncer-missing = vdirsyncer ist nicht installiert; installieren Sie es (pipx install vdirsyncer oder apt-get install vdirsyncer) oder rufen Sie `draht sync` ohne --run auf
error-vdirsyncer-run = vdirsyncer lässt sich nicht starten: { $problem }
error-vdirsyncer-failed = vdirsyncer sync ist fehlgeschlagen ({ $status }): { $message }; berichtigen Sie seine Konfiguration (vdirsyncer discover) und rufen Sie draht sync --run noch einmal auf
vdirsyncer-no-message = keine Meldung
error-import-kind = draht erkennt nicht, was für eine Datei { $path } ist; benennen Sie sie .vcf, .csv oder .json, oder geben Sie --format { $formats } an
# $kind: missing, denied or other (then $problem, the system's words)
error-import-read = { $path } kann draht nicht lesen: { $kind ->
        [missing] die Datei gibt es nicht
        [denied] keine Berechtigung
       *[other] { $problem }
    }; geben Sie eine .vcf-, .csv- oder .json-Datei an, oder einen Ordner mit .vcf-Dateien
error-restore-not-empty = diese Datenbank enthält schon { $contacts } { $contacts ->
        [one] Kontakt
       *[other] Kontakte
    } und { $touches } { $touches ->
        [one] Eintrag
       *[other] Einträge
    }; eine JSON-Sicherung wird nur in eine leere Datenbank zurückgespielt — spielen Sie sie mit `draht --db NEU.db import SICHERUNG.json` in eine neue Datei zurück, oder importieren Sie die Personen als vCard oder CSV
error-db-open-file = { $path } lässt sich nicht öffnen: { $problem }; prüfen Sie die Berechtigungen oder geben Sie mit --db eine andere Datei an
error-db-empty-file = { $path } ist eine leere Datei, keine draht-Datenbank; entfernen Sie sie oder geben Sie mit --db eine andere an
# $why: SQLite's words, or no-header (the file does not start as SQLite's do)
error-db-not-usable = { $path } ist keine brauchbare draht-Datenbank ({ $why ->
        [no-header] sie beginnt nicht mit dem Kopf einer SQLite-Datei
       *[other] { $why }
    }); sie blieb unberührt — geben Sie mit --db eine andere an oder spielen Sie eine Sicherung zurück
error-db-permissions = { $path } lässt sich nicht öffnen ({ $problem }); draht muss die Datei lesen und schreiben und daneben ihre -wal- und -shm-Dateien anlegen können: prüfen Sie die Berechtigungen der Datei und ihres Ordners oder geben Sie mit --db eine andere an
error-db-locked = { $path } war { $seconds } s lang von einem anderen Programm gesperrt; schließen Sie es und versuchen Sie es noch einmal
error-db-cannot-open = { $path } lässt sich nicht öffnen ({ $problem }); die Datei blieb unberührt — geben Sie mit --db eine andere an
error-db-cannot-read = { $path } kann draht nicht lesen: { $problem }; prüfen Sie den Pfad und die Berechtigungen
error-contact-exists = es gibt schon einen Kontakt namens "{ $name }"; wählen Sie einen anderen Namen (etwa mit Nachnamen) oder ändern Sie den vorhandenen mit `draht edit`
origin-card = Karte { $card }
origin-row = Zeile { $row }
import-good-ones = mit --skip-invalid { $good ->
        [one] den einen guten Datensatz
       *[other] die { $good } guten Datensätze
    }
import-aborted-one = Import abgebrochen, nichts wurde geändert: { $problem }; oder importieren Sie { $good_ones } ohne ihn
# $unit: row or card
import-aborted-many = Import abgebrochen, nichts wurde geändert: { $bad } { $unit ->
        [row] { $bad ->
            [one] Zeile kann
           *[other] Zeilen können
        }
       *[card] { $bad ->
            [one] Karte kann
           *[other] Karten können
        }
    } nicht importiert werden
import-aborted-more = {"  "}… und { $more } { $unit ->
        [row] { $more ->
            [one] weitere Zeile
           *[other] weitere Zeilen
        }
       *[card] { $more ->
            [one] weitere Karte
           *[other] weitere Karten
        }
    }
import-aborted-repair = berichtigen Sie sie, oder importieren Sie { $good_ones } und lassen Sie sich die schlechten auflisten
csv-unreadable = { $source }: keine CSV-Datei, die draht lesen kann ({ $problem }); speichern Sie sie als kommagetrenntes UTF-8 mit einer Kopfzeile
csv-no-name-column = { $source }: die Kopfzeile hat keine Spalte, die einen Kontakt benennt; draht liest { $headers } (ein CSV-Export von Google Kontakte geht so, wie er ist)
csv-open-quote = { $source }: Zeile { $row }: eine Zelle in Anführungszeichen wird nie geschlossen (ein " fehlt), so würde der Rest der Datei als diese eine Zelle gelesen; schließen Sie das Anführungszeichen oder speichern Sie die Datei erneut aus der Tabellenkalkulation
csv-bad-birthday = den Geburtstag "{ $cell }" kann draht nicht lesen; schreiben Sie JJJJ-MM-TT, oder --MM-TT ohne Jahr
csv-bad-sphere = unbekannter Bereich "{ $cell }"; möglich sind work oder private
csv-no-name = kein Name; füllen Sie eine dieser Spalten aus: { $headers }
csv-bad-email = "{ $cell }" sieht nicht wie eine E-Mail-Adresse aus (kein @); berichtigen Sie sie oder verschieben Sie sie in die Telefonspalte
csv-cadence-large = der Rhythmus "{ $cell }" ist zu groß
csv-cadence-zero = der Rhythmus "{ $cell }" ist null; nehmen Sie mindestens einen Tag, z. B. 3w
error-jf-not-a-date = { $day } ist kein Termin von Jour fixe #{ $id } ({ $rule }); { $hint }
jf-no-dates = er hat gar keine Termine
jf-nearest = die nächsten sind { $days }
error-jf-not-skipped = { $day } ist bei Jour fixe #{ $id } nicht ausgelassen; nichts rückgängig zu machen
error-import-folder-format = { $path } ist ein Ordner; aus einem Ordner lässt sich nur ein vdir mit .vcf-Dateien importieren (--format vcard)
error-import-no-vcard = { $path } enthält keine vCard (keine Zeile BEGIN:VCARD); ist es die richtige Datei?
error-import-json-whole = eine JSON-Sicherung wird als Ganzes zurückgespielt, nicht als Karten gelesen
error-vdir-not-folder = { $path } gibt es schon, und es ist kein Ordner; geben Sie für `export vdir -o VERZ` einen Ordner an
error-vdir-empty = { $path } enthält keine .vcf-Dateien; geben Sie einen vdir-Ordner (eine .vcf je Kontakt) oder eine .vcf-, .csv- oder .json-Datei an
error-json-unreadable = { $source }: keine JSON-Datei, die draht lesen kann ({ $problem }); geben Sie eine Datei an, die `draht export json` geschrieben hat
error-json-not-backup = { $source }: keine draht-Sicherung (es fehlt "format": "{ $format }"); geben Sie eine Datei an, die `draht export json` geschrieben hat
error-json-newer = { $source } stammt von einem neueren draht (Sicherungsformat { $version }, dieses draht liest bis { $latest }); aktualisieren Sie draht, um sie zurückzuspielen
error-json-no-version = { $source }: die Sicherung hat keine gültige "version" (dieses draht liest 1 bis { $latest })
error-json-damaged = { $source }: die Sicherung ist beschädigt: { $problem }
error-json-damaged-nothing = { $source }: die Sicherung ist beschädigt: { $problem }; nichts wurde zurückgespielt
error-sync-contacts-not-folder = { $path } ist kein Ordner; geben Sie das Kontakt-vdir in [sync] contacts = "VERZ" an
error-sync-calendar-not-folder = { $path } ist kein Ordner; geben Sie das Kalender-vdir in [sync] calendar = "VERZ" an
error-db-read-only = { $path } ist schreibgeschützt; draht muss die Datei schreiben (prüfen Sie die Berechtigungen oder geben Sie mit --db eine andere an)
error-db-foreign = { $path } ist eine SQLite-Datenbank eines anderen Programms ({ $why }), keine draht-Datenbank; sie blieb unberührt — geben Sie mit --db eine andere an
error-db-newer = { $what } stammt von einem neueren draht (Schema-Stufe { $version }, dieses draht kennt bis { $latest }); aktualisieren Sie draht, um sie zu nutzen — die Datei blieb unverändert
error-db-newer-this = diese Datenbank stammt von einem neueren draht (Schema-Stufe { $version }, dieses draht kennt bis { $latest }); aktualisieren Sie draht, um sie zu nutzen — die Datei blieb unverändert
error-db-create-folder = der Ordner { $path } für die Datenbank lässt sich nicht anlegen: { $problem }; legen Sie ihn selbst an oder geben Sie mit --db eine andere Datei an
error-db-create-beside = neben { $path } lässt sich keine Datenbank anlegen: { $problem }; prüfen Sie die Berechtigungen des Ordners oder geben Sie mit --db eine andere Datei an
error-contact-no-name = ein Kontakt braucht einen Namen; geben Sie einen an, z. B. draht add "Anna Schmidt"
error-cadence-zero = ein Rhythmus muss mindestens einen Tag lang sein, z. B. --every 3w
error-jf-no-rule = ein Jour fixe braucht eine Regel, z. B. draht jourfixe add anna "jeden 2. Dienstag um 10 Uhr"
error-jf-zero-minutes = ein Jour fixe kann nicht 0 Minuten dauern; lassen Sie --duration weg oder geben Sie z. B. 30min an
sync-in-step = Abgeglichen: auf keiner Seite hat sich etwas geändert.
sync-dry-run = Probelauf, nichts geändert.
# $dry: yes in a dry run (then "would be"), else no; $field: contact-field
sync-contacts-added = { $dry ->
        [yes] Kontakte, die aus dem Ordner hinzukämen
       *[no] Kontakte aus dem Ordner hinzugefügt
    }
sync-contacts-updated = { $dry ->
        [yes] Kontakte, die nach ihren Karten geändert würden
       *[no] Kontakte nach ihren Karten geändert
    }
sync-contacts-removed = { $dry ->
        [yes] Kontakte, die archiviert würden (Karte gelöscht)
       *[no] Kontakte archiviert (Karte gelöscht)
    }
sync-cards-written = { $dry ->
        [yes] Karten, die geschrieben würden
       *[no] Karten geschrieben
    }
sync-cards-deleted = { $dry ->
        [yes] Karten, die gelöscht würden (Kontakt hier archiviert)
       *[no] Karten gelöscht (Kontakt hier archiviert)
    }
sync-contacts-merged = { $dry ->
        [yes] Kontakte, die zusammengeführt würden (beide Seiten geändert)
       *[no] Kontakte zusammengeführt (beide Seiten geändert)
    }
sync-jf-added = { $dry ->
        [yes] Jour fixe, die aus dem Kalender hinzukämen, mit
       *[no] Jour fixe aus dem Kalender hinzugefügt, mit
    }
sync-jf-updated = { $dry ->
        [yes] Jour fixe, die nach dem Kalender geändert würden, mit
       *[no] Jour fixe nach dem Kalender geändert, mit
    }
sync-jf-removed = { $dry ->
        [yes] Jour fixe, die gelöscht würden (ihre .ics wurde gelöscht), mit
       *[no] Jour fixe gelöscht (ihre .ics wurde gelöscht), mit
    }
sync-jf-written = { $dry ->
        [yes] Jour fixe, die in den Kalender geschrieben würden, mit
       *[no] Jour fixe in den Kalender geschrieben, mit
    }
sync-calendar-deleted = { $dry ->
        [yes] Kalenderdateien, die gelöscht würden (Jour fixe hier gelöscht)
       *[no] Kalenderdateien gelöscht (Jour fixe hier gelöscht)
    }
sync-jf-merged = { $dry ->
        [yes] Jour fixe, die zusammengeführt würden (beide Seiten geändert), mit
       *[no] Jour fixe zusammengeführt (beide Seiten geändert), mit
    }
sync-unreadable = { $dry ->
        [yes] Dateien, die liegen blieben (nicht lesbar)
       *[no] Dateien liegen gelassen (nicht lesbar)
    }
sync-conflict = Konflikt: { $contact } { $field }: der andere Wert { $dry ->
        [yes] würde
       *[no] wird
    } in der Notiz aufbewahrt: { $lost }
created-database = draht: neue Datenbank unter { $path } angelegt
# $field: a contact's field as the merge plan and import name it (nickname,
# company, role, birthday, notes, cadence, min_channel, snooze, uid, name,
# emails, phones, tags, card)
contact-field = { $field ->
        [uid] UID
        [name] Name
        [nickname] Spitzname
        [company] Firma
        [role] Rolle
        [birthday] Geburtstag
        [notes] Notizen
        [cadence] Rhythmus
        [min_channel] kleinster Kanal
        [snooze] Zurückstellung
        [emails] E-Mail-Adressen
        [phones] Telefonnummern
        [tags] Schlagwörter
        [card] Karte
       *[other] { $field }
    }
## TUI (src/tui/)

# Die Reiter, die Kopfzeile und der Rahmen (src/tui/app.rs, src/tui/view/mod.rs)
tui-tab-today = Heute
tui-tab-contacts = Kontakte
tui-tab-jourfixe = Jour fixe
tui-tab-stats = Statistik
tui-too-small = draht braucht mindestens { $min_width }×{ $min_height }; dieses Terminal hat { $width }×{ $height }. Bitte vergrößern Sie es, oder drücken Sie q zum Beenden.
tui-help-footer = j/k ↑↓ PgUp PgDn blättern · jede andere Taste schließt
# Spaces between two hints of the footer (a number). German labels are
# longer: with one space the footer keeps at 80 columns every key the
# English one shows.
tui-footer-gap = 1
tui-confirm-title = Sicher?
tui-welcome-title = Willkommen
tui-welcome-heading = Willkommen bei draht — einen guten Draht haben.
tui-welcome-intro =
    Noch niemand da. Tragen Sie die Menschen ein, die Ihnen wichtig sind,
    und draht sagt Ihnen jeden Morgen, wer für ein „Wie läuft's?“ dran ist.
tui-welcome-add = hier einen Kontakt anlegen, mit Rhythmus (etwa alle 3 Wochen)
tui-welcome-keys = alle Tasten
tui-welcome-shell = Oder in der Shell:
tui-welcome-log-note = Q3-Start lief gut
tui-welcome-demo = mit Beispielpersonen ausprobieren
tui-today-title = Wie läuft's?
tui-when-over = { $count } T.
tui-when-ahead = in { $count } T.
tui-birthday = Geburtstag
tui-scope-global = überall
tui-scope-contact = beim gewählten Kontakt
tui-scope-contacts = Reiter Kontakte
tui-scope-jourfixe = Reiter Jour fixe
tui-scope-filter = beim Filtern
tui-scope-form = in einem Formular
tui-scope-choice = in einem Auswahlfeld
tui-scope-card = in der offenen Karte (Enter)
tui-scope-triage = Sichten (t): Kontakte ohne Rhythmus
tui-scope-confirm = beim Bestätigen
tui-scope-pick = beim Wählen eines Kontakts (M: mit wem zusammenführen)
tui-key-card-next-touch-hint = wählen
tui-key-card-next-touch = den nächsten (älteren) Eintrag wählen
tui-key-card-prev-touch = den vorigen (neueren) Eintrag wählen
tui-key-card-edit-touch-hint = korrigieren
tui-key-card-edit-touch = den gewählten Eintrag korrigieren: Notiz, Kanal, Zeit, Ergebnis, Bewertung
tui-key-card-remove-touch-hint = entfernen
tui-key-card-remove-touch = den gewählten Eintrag entfernen (fragt vorher)
tui-key-card-close-hint = schließen
tui-key-card-close = die Karte schließen
tui-key-contact-log-hint = Eintrag
tui-key-contact-log = einen Kontakt eintragen (Anruf, Kaffee, E-Mail …)
tui-key-contact-snooze-hint = später
tui-key-contact-snooze = den Check-in zurückstellen (1 Tag … 1 Monat oder ein Datum)
tui-key-contact-jour-fixe-hint = Jour fixe
tui-key-contact-jour-fixe = einen Jour fixe festlegen (ein fester Anruf oder Kaffee)
tui-key-contact-hook-hint = Thema
tui-key-contact-hook = einen Aufhänger notieren: ein Grund anzurufen
tui-key-contact-follow-up-hint = erinnern
tui-key-contact-follow-up = eine Wiedervorlage anlegen
tui-key-contact-edit-hint = ändern
tui-key-contact-edit = den Kontakt bearbeiten
tui-key-contact-cadence = festlegen, wie oft Sie sich melden
tui-key-contact-archive = archivieren: die Geschichte bleibt, die Agenda nicht
tui-key-contact-delete = den Kontakt samt Geschichte löschen
tui-key-contact-open = öffnen: die Karte des Kontakts, volle Breite
tui-key-jour-fixe-tab-skip-date-hint = absagen
tui-key-jour-fixe-tab-skip-date = den nächsten Termin des gewählten Jour fixe auslassen (fragt vorher)
tui-key-jour-fixe-tab-edit-jour-fixe-hint = ändern
tui-key-jour-fixe-tab-edit-jour-fixe = den gewählten Jour fixe ändern: Regel, Uhrzeit, Kanal, Dauer, Notiz
tui-key-jour-fixe-tab-delete-jour-fixe-hint = löschen
tui-key-jour-fixe-tab-delete-jour-fixe = den gewählten Jour fixe löschen; seine Einträge bleiben (fragt vorher)
tui-key-global-add-hint = neu
tui-key-global-add = einen Kontakt anlegen
tui-key-global-triage = sichten: jedem Kontakt ohne Rhythmus einen geben, Taste für Taste
tui-key-global-filter-hint = filtern
tui-key-global-filter = Kontakte nach Name, Schlagwort oder Firma filtern
tui-key-contacts-sort-hint = ordnen
tui-key-contacts-sort = nach Name, Stand oder letztem Eintrag sortieren
tui-key-contacts-merge = den gewählten Kontakt mit seinem Doppel zusammenführen (fragt vorher)
tui-key-global-undo-hint = zurück
tui-key-global-undo = die letzte Änderung hier zurücknehmen (Eintrag, Zurückstellen, Rhythmus, Aufhänger, Wiedervorlage, Auslassen …)
tui-key-help-hint = Hilfe
tui-key-global-help = alle Tasten zeigen
tui-key-global-quit-hint = Ende
tui-key-global-quit = beenden
tui-key-global-down = nach unten
tui-key-global-up = nach oben
tui-key-global-page-down = eine Seite nach unten
tui-key-global-page-up = eine Seite nach oben
tui-key-global-top = erste Zeile
tui-key-global-bottom = letzte Zeile
tui-key-global-next-tab = nächster Reiter
tui-key-global-prev-tab = voriger Reiter
tui-key-global-go-tab-0 = Heute
tui-key-global-go-tab-1 = Kontakte
tui-key-global-go-tab-2 = Jour fixe
tui-key-global-go-tab-3 = Statistik
tui-key-global-close = die Karte schließen, den Filter löschen
tui-key-filter-save-hint = behalten
tui-key-filter-save = den Filter behalten und zur Liste zurück
tui-key-filter-close-hint = löschen
tui-key-filter-close = den Filter löschen
tui-key-filter-down = nach unten
tui-key-filter-up = nach oben
tui-key-filter-help = alle Tasten zeigen
tui-key-form-save-hint = speichern
tui-key-form-save = speichern
tui-key-form-close-hint = abbrechen
tui-key-form-close = abbrechen
tui-key-form-next-field-hint = nächstes Feld
tui-key-form-next-field = nächstes Feld
tui-key-form-prev-field = voriges Feld
tui-key-form-help = alle Tasten zeigen (? ist hier ein Zeichen)
tui-key-choice-choice-left = vorige Wahl; der unterstrichene Buchstabe oder die Ziffer einer Wahl wählt sie
tui-key-choice-choice-right-hint = wählen
tui-key-choice-choice-right = nächste Wahl (Leertaste und getippte Wörter ändern keine Wahl)
tui-key-triage-triage-answer-choice-every-14-hint = 2 Wochen
tui-key-triage-triage-answer-choice-every-14 = alle 2 Wochen melden
tui-key-triage-triage-answer-choice-every-30-hint = Monat
tui-key-triage-triage-answer-choice-every-30 = monatlich melden
tui-key-triage-triage-answer-choice-every-90-hint = Quartal
tui-key-triage-triage-answer-choice-every-90 = vierteljährlich melden (q beendet hier nicht)
tui-key-triage-triage-answer-choice-every-365-hint = Jahr
tui-key-triage-triage-answer-choice-every-365 = jährlich melden
tui-key-triage-triage-answer-choice-skip-hint = auslassen
tui-key-triage-triage-answer-choice-skip = auslassen: vorerst kein Rhythmus
tui-key-triage-triage-answer-choice-archive-hint = archivieren
tui-key-triage-triage-answer-choice-archive = archivieren: die Geschichte bleibt, die Agenda nicht
tui-key-triage-close-hint = aufhören
tui-key-triage-close = aufhören; was beantwortet ist, bleibt
tui-key-triage-help = alle Tasten zeigen
tui-key-pick-save-hint = wählen
tui-key-pick-save = den markierten Kontakt wählen
tui-key-pick-close-hint = abbrechen
tui-key-pick-close = abbrechen
tui-key-pick-down-hint = bewegen
tui-key-pick-down = nach unten
tui-key-pick-up = nach oben
tui-key-pick-help = alle Tasten zeigen (Tippen grenzt die Liste ein)
tui-key-confirm-confirm-hint = ja
tui-key-confirm-confirm = ja, ausführen
tui-key-confirm-close-hint = nein
tui-key-confirm-close = nein, so lassen
tui-key-confirm-help = alle Tasten zeigen
tui-help-title = Tasten · j/k blättern
tui-now = jetzt
tui-or = {" oder "}
tui-field-note = Notiz
tui-field-channel = Kanal
tui-field-when = wann
tui-field-with = mit
tui-field-outcome = Ergebnis
tui-field-rating = Bewertung
tui-field-hook-used = Aufhänger
tui-field-every = alle
tui-field-until = bis
tui-field-or-for = oder für
tui-field-text = Text
tui-field-kind = Art
tui-rating-none = keine
tui-rating-meh = -1 mäßig
tui-rating-fine = 0 gut
tui-rating-good = +1 sehr gut
tui-hint-channel = 1–6 wählt, ← → blättert
tui-log-title = Kontakt mit { $name } eintragen
tui-hint-log-note = worum ging es? (freiwillig)
tui-hint-log-when = jetzt, 15:00, gestern 18:30, vor 3 Tagen, letzten Freitag, 20.11.2026
tui-hint-with = wer noch dabei war: Namen oder Anfänge, mit Kommas
tui-hint-log-outcome = m nicht erreicht: keine Antwort, abgesagt — zählt als Ihr Teil, neuer Versuch in ein paar Tagen
tui-hint-log-rating = Wie lief's? (freiwillig)
tui-hint-hook-used = ein genutzter Aufhänger rückt nach hinten
tui-error-log-future = "{ $when }" liegt in der Zukunft; tragen Sie ein, was schon war, oder legen Sie mit r eine Wiedervorlage an
tui-error-with-nobody = niemand heißt "{ $part }"; bitte den Namen unter "{ $field }" prüfen
tui-error-with-several = "{ $part }" könnte { $names } sein; bitte mehr vom Namen eingeben
tui-also-with = auch mit { $names }
tui-error-with-reading = die Namen unter "{ $field }" werden noch gelesen; bitte noch einmal Enter drücken
tui-touch-title = { $channel } vom { $date } korrigieren
tui-hint-touch-note = leer: keine Notiz
tui-hint-touch-when = 15:00, gestern 18:30, vor 3 Tagen, letzten Freitag, 20.11.2026 15:00
tui-hint-touch-outcome = m nicht erreicht: keine Antwort, abgesagt
tui-hint-touch-rating = Wie lief's?
tui-error-touch-when = wann war es? etwa gestern 18:30 oder 20.11.2026 15:00
tui-error-touch-future = "{ $when }" liegt in der Zukunft; ein Eintrag ist, was schon war
tui-cadence-title = Wie oft Sie sich bei { $name } melden
tui-hint-every = 3 Tage, 2 Wochen, 6 Monate, 1 Jahr; leer: nie fällig
tui-snooze-title = { $name } zurückstellen
tui-hint-until = Freitag, 24.12.2026, in 3 Wochen; leer: Dauer darunter
tui-hint-or-for = ← → oder 1 3 w 2 m wählt
tui-error-snooze-past = "{ $input }" liegt nicht in der Zukunft; zurückstellen geht nur auf einen späteren Tag, etwa "1 Woche" oder "nächsten Montag"
tui-hook-title = Ein Grund, { $name } anzurufen
tui-hint-hook-text = etwa Segeln im Juni, nach dem Berlin-Marathon fragen
tui-hint-hook-kind = ein gemeinsames Projekt, ein Angebot, eine Gemeinsamkeit, ein Hobby, etwas Persönliches
tui-error-hook-text = ein Aufhänger braucht einen Text, etwa Segeln im Juni
tui-followup-title = Wiedervorlage für { $name }
tui-hint-followup-when = Freitag, in 2 Wochen, +3d, 04.12.2026
tui-hint-followup-note = etwa das Angebot schicken
tui-error-followup-when = wann? etwa Freitag, in 2 Wochen, 04.12.2026
tui-error-followup-note = eine Wiedervorlage braucht eine Notiz, etwa das Angebot schicken
tui-add-title = Kontakt anlegen
tui-edit-title = { $name } bearbeiten
tui-field-name = Name
tui-field-sphere = Bereich
tui-field-counts-from = zählt ab
tui-field-nickname = Spitzname
tui-field-company = Firma
tui-field-role = Rolle
tui-field-email = E-Mail
tui-field-phone = Telefon
tui-field-birthday = Geburtstag
tui-field-tags = Schlagwörter
tui-field-notes = Notizen
tui-hint-name = eindeutig unter Ihren Kontakten
tui-hint-sphere = ← → wählt
tui-hint-contact-every = wie oft Sie sich melden: 3 Tage, 2 Wochen, 6 Monate; leer: nie fällig
tui-hint-counts-from = der schlichteste Kanal, der den Check-in zurücksetzt
tui-hint-several = mehrere: mit Kommas trennen
tui-hint-birthday = 15.03.1990, oder 15.3. ohne Jahr
tui-hint-tags = mit Kommas trennen
tui-error-name = ein Kontakt braucht einen Namen
tui-error-email = "{ $bad }" sieht nicht wie eine E-Mail-Adresse aus (kein @)
tui-jf-title = Jour fixe mit { $name }
tui-jf-edit-title = Jour fixe mit { $name } ändern
tui-field-rule = Regel
tui-field-length = Dauer
tui-hint-rule = etwa jeden 2. Di im Monat um 10 Uhr · 14-tägig dienstags
tui-hint-length = freiwillig: 30min, 45m, 1h, 1h30
tui-hint-jf-note = freiwillig, etwa unser Sonntagsanruf
tui-error-jf-no-date = die Regel "{ $rule }" ({ $words }) hat ab heute keinen Termin; prüfen Sie UNTIL oder COUNT
tui-jf-preview = { $words } — nächste: { $dates }
tui-jf-preview-none = { $words } — ab heute kein Termin
tui-contacts-title = Kontakte { $count } · nach { $sort }
tui-sort-name = Name
tui-sort-status = Stand
tui-sort-last-touch = letztem Kontakt
tui-sorted-by = sortiert nach { $sort }
tui-contacts-name = NAME
tui-contacts-sphere = BEREICH
tui-contacts-tags = SCHLAGW.
tui-contacts-last-touch = ZULETZT
tui-contacts-jourfixe = JOUR FIXE
tui-contacts-status = STAND
tui-contacts-none = Keine aktiven Kontakte. Mit a legen Sie einen an.
tui-contacts-no-match = Niemand passt; Esc löscht den Filter.
tui-jf-calendar = Kalender
tui-jf-legend-planned = geplant
tui-jf-legend-kept = gehalten
tui-jf-legend-missed = verpasst
tui-jf-legend-skipped = ausgelassen
tui-jf-legend-today = heute
tui-jf-none = Noch kein Jour fixe — drücken Sie f bei einem Kontakt.
tui-jf-none-about =
    Ein Jour fixe ist ein fester Anruf oder Kaffee mit jemandem, der Ihnen wichtig ist:
    er hält den Draht, wenn alles andere drängt.
tui-jf-none-examples = etwa jeden 2. Dienstag um 10 Uhr · jeden Mittwoch um 19 Uhr · jeden letzten Freitag im Monat
tui-jf-next = nächster { $when } · { $channel }

## draht sync: Wiedervorlagen und Einträge im Kalenderordner (src/cli/sync.rs)
sync-fu-added = { $dry ->
        [yes] Wiedervorlagen, die aus dem Kalender hinzukämen, mit
       *[no] Wiedervorlagen aus dem Kalender hinzugefügt, mit
    }
sync-fu-updated = { $dry ->
        [yes] Wiedervorlagen, die nach dem Kalender geändert würden, mit
       *[no] Wiedervorlagen nach dem Kalender geändert, mit
    }
sync-fu-removed = { $dry ->
        [yes] Wiedervorlagen, die gelöscht würden (ihre .ics wurde gelöscht), mit
       *[no] Wiedervorlagen gelöscht (ihre .ics wurde gelöscht), mit
    }
sync-fu-written = { $dry ->
        [yes] Wiedervorlagen, die in den Kalender geschrieben würden, mit
       *[no] Wiedervorlagen in den Kalender geschrieben, mit
    }
sync-fu-deleted = { $dry ->
        [yes] Kalenderdateien, die gelöscht würden (Wiedervorlagen hier gelöscht)
       *[no] Kalenderdateien gelöscht (Wiedervorlagen hier gelöscht)
    }
sync-fu-merged = { $dry ->
        [yes] Wiedervorlagen, die zusammengeführt würden (beide Seiten geändert), mit
       *[no] Wiedervorlagen zusammengeführt (beide Seiten geändert), mit
    }
sync-touch-added = { $dry ->
        [yes] Einträge, die aus dem Kalender hinzukämen, mit
       *[no] Einträge aus dem Kalender hinzugefügt, mit
    }
sync-touch-updated = { $dry ->
        [yes] Einträge, die nach dem Kalender geändert würden, mit
       *[no] Einträge nach dem Kalender geändert, mit
    }
sync-touch-removed = { $dry ->
        [yes] Einträge, die gelöscht würden (ihre .ics wurde gelöscht), mit
       *[no] Einträge gelöscht (ihre .ics wurde gelöscht), mit
    }
sync-touch-written = { $dry ->
        [yes] Einträge, die in den Kalender geschrieben würden, mit
       *[no] Einträge in den Kalender geschrieben, mit
    }
sync-touch-deleted = { $dry ->
        [yes] Kalenderdateien, die gelöscht würden (Einträge hier gelöscht)
       *[no] Kalenderdateien gelöscht (Einträge hier gelöscht)
    }
sync-touch-merged = { $dry ->
        [yes] Einträge, die zusammengeführt würden (beide Seiten geändert), mit
       *[no] Einträge zusammengeführt (beide Seiten geändert), mit
    }
## draht sync --setup (src/cli/sync_setup.rs, src/app/sync_setup.rs)
error-sync-setup-no-folder = keine Ordner, für die vdirsyncer eingerichtet werden kann; tragen Sie in die config.toml von draht ein: [sync] contacts = "~/.contacts/draht" und calendar = "~/.calendars/draht" (jeweils in einer eigenen Zeile), dann rufen Sie draht sync --setup URL erneut auf
error-sync-setup-url = { $url } ist keine Server-URL; geben Sie die Adresse des Servers mit https:// (oder http://) an, z. B. draht sync --setup https://dav.example.com/
error-sync-setup-folder = { $path } kann kein abgeglichener Ordner für vdirsyncer sein; geben Sie in [sync] einen Ordner innerhalb eines anderen an, z. B. ~/.contacts/draht
error-sync-setup-no-home = kein Home-Verzeichnis für die vdirsyncer-Konfiguration gefunden; setzen Sie VDIRSYNCER_CONFIG auf die zu schreibende Datei
error-vdirsyncer-config-exists = { $path } gibt es schon, nichts geschrieben; fügen Sie die Paare, die draht sync --setup URL ausgibt, von Hand hinzu oder verschieben Sie die Datei und rufen Sie es erneut auf
sync-setup-written = vdirsyncer-Konfiguration nach { $path } geschrieben. Tragen Sie dort Ihre Anmeldung ein (username, password.fetch) und rufen Sie dann auf: vdirsyncer discover && draht sync --run
arg-sync-setup = Eine vdirsyncer-Konfiguration für die Ordner aus [sync] und den CardDAV/CalDAV-Server unter URL ausgeben (kein Abgleich)
arg-sync-write = Mit --setup: in die Konfigurationsdatei von vdirsyncer schreiben ($VDIRSYNCER_CONFIG oder ~/.config/vdirsyncer/config); nie über eine vorhandene
## CLI, German sweep 2: the system's errors as draht wraps them, backup,
## capture, check and vCard words, lengths (src/error.rs, src/main.rs,
## src/store/backup.rs, src/store/schema.rs, src/app/capture/,
## src/interop/vcard_read.rs, src/parse/length.rs)

# $kind: missing, denied, exists or other; English always says $problem, the system's words
error-io = { $path }: { $kind ->
        [missing] die Datei oder den Ordner gibt es nicht
        [denied] keine Berechtigung
        [exists] das gibt es schon
       *[other] { $problem }
    }
error-write-output = die Ausgabe lässt sich nicht schreiben: { $problem }
error-backup-busy = die Datenbank blieb beim Kopieren belegt; versuchen Sie es noch einmal
error-backup-integrity = die Kopie unter { $path } hat die Integritätsprüfung nicht bestanden ({ $problems }); prüfen Sie die Datenbank mit `draht check`
# $reader: maildir, mbox or phone
error-capture-reader-stopped = { $reader ->
        [maildir] das Lesen des Maildirs brach unerwartet ab
        [mbox] das Lesen der mbox-Datei brach unerwartet ab
       *[phone] das Lesen des Telefon-Exports brach unerwartet ab
    }
# $word: missing or unexpected; $part: a schema part as SQLite names it ("table x")
check-finding = { $word ->
        [missing] es fehlt
       *[unexpected] unerwartet
    }: { $part }
check-level-zero-foreign = Stufe 0 enthält keine Tabellen von draht, aber { $tables }: die Datenbank eines anderen Programms
check-level-unknown = die Schemastufe { $level } kennt dieses draht nicht (es kennt 0 bis { $latest })
check-schema-unreadable = das Schema lässt sich nicht lesen: { $problem }
vcard-not-understood = keine vCard, die dieser Leser versteht; berichtigen Sie sie oder überspringen Sie sie
vcard-no-name = kein Name (FN, N, ORG oder EMAIL)
vcard-bad-birthday = BDAY "{ $value }" ist kein Datum, das draht lesen kann (JJJJ-MM-TT, JJJJMMTT, --MM-TT oder --MMTT); berichtigen Sie es in der Karte
# A Jour fixe's length: "45 min", "1 h", "1 h 30 min"
length-minutes = { $minutes } Min.
length-hours = { $hours } Std.
length-hours-minutes = { $hours } Std. { $minutes } Min.

## --help: was jeder Befehl tut (cmd-PFAD) und was jedes Argument bedeutet
## (arg-PFAD-ID, sonst das gemeinsame arg-ID) (src/cli/help.rs)

cmd-draht = Ein Beziehungspfleger fürs Terminal: Wen sollte ich heute anrufen?
cmd-draht-long =
    draht hält die Menschen in Reichweite, die Ihnen wichtig sind: Sie geben jeder Person einen Rhythmus (alle 2 Wochen, alle 3 Monate), tragen die Anrufe, Kaffees und E-Mails ein, die stattfinden, und `draht today` sagt, wer überfällig ist, wer fällig ist, was geplant ist (Jour fixe, Wiedervorlagen) und wer bald Geburtstag hat — mit dem Grund, warum jemand dasteht, und einem Aufhänger für das Gespräch. Persönlich zählt nur ein Anruf oder mehr, solange Sie nichts anderes sagen; E-Mails und Chats werden bemerkt, stellen die Uhr aber nicht zurück.

    Ohne Befehl öffnet draht auf einem Terminal die tägliche Durchsicht (und gibt in einer Pipe `draht today` aus). Probieren Sie es zuerst mit Beispielpersonen: draht --demo
cmd-draht-after = Ohne Befehl öffnet draht die tägliche Durchsicht. Mit Beispielpersonen ausprobieren: draht --demo today
cmd-draht-after-long = Das ganze Handbuch mit allen Befehlen, Dateien und Beispielen: draht man | man -l -
cmd-add = Einen Kontakt hinzufügen
cmd-edit = Die Angaben eines Kontakts ändern
cmd-show = Vor dem Anruf: Angaben, Aufhänger, Wiedervorlagen, letzte Kontakte, Kanäle
cmd-list = Alle Kontakte mit ihrem Stand
cmd-log = Eintragen, was war: ein Anruf, ein Kaffee, eine E-Mail
cmd-touch = Einen falschen Eintrag berichtigen
cmd-touch-edit = Einen Eintrag ändern
cmd-touch-rm = Einen Eintrag löschen
cmd-today = Die Agenda: wer überfällig, fällig, geplant oder bald dran ist; Wiedervorlagen; Geburtstage
cmd-snooze = Einen Kontakt zurückstellen: um eine Dauer ("3 Tage", "2 Wochen", "1 Monat") oder bis zu einem Tag
cmd-hook = Einen Aufhänger für das nächste Gespräch notieren
cmd-remind = Eine Wiedervorlage für einen Kontakt setzen
cmd-done = Eine Wiedervorlage als erledigt markieren
cmd-stats = Wie jede Beziehung läuft: Kanäle, Pausen, Pünktlichkeit, Wärme und ihr Trend
cmd-archive = Einen Kontakt archivieren: mit allen Einträgen aufbewahrt, nicht mehr auf der Agenda
cmd-backup = Die Datenbank sicher kopieren, auch während draht läuft (sonst: daneben)
cmd-check = Die Datenbank auf Schäden prüfen: Integrität und Verweise zwischen Datensätzen
cmd-rm = Einen Kontakt mit allen Einträgen endgültig löschen
cmd-merge = Zwei Kontakte einer Person zu einem machen: Einträge, Aufhänger, Wiedervorlagen, Jour fixe, E-Mail-Adressen und Telefonnummern von B gehen zu A
cmd-capture = Einträge aus Ihren eigenen Mails und Kalendern: ein Maildir, eine mbox, eine .ics-Datei oder ein Kalenderordner
cmd-capture-after = Ohne SOURCE werden die [[capture]]-Quellen der Konfiguration gelesen. Eine Nachricht oder ein Termin zählt einmal, wie oft sie auch eingelesen werden.
arg-merge-keep = Der Kontakt, der bleibt (A): Name, Spitzname oder dessen Anfang
arg-merge-gone = Der Kontakt, der geht (B): alles von ihm geht zu A
arg-merge-dry-run = Zeigen, was das Zusammenführen täte; nichts ändern
arg-capture-sources = Ein Maildir, eine mbox-Datei, eine .ics-Datei oder ein Ordner davon (khal, vdirsyncer); der Export eines Telefons: eine .xml von SMS Backup & Restore, ein WhatsApp-Chat (.txt oder .zip), eine Telegram-result.json, oder ein Ordner davon
arg-capture-kind = Was die Quellen sind, wenn ihre Form es nicht verrät
arg-capture-name = Der Name, mit dem Einträge aus der Quelle erscheinen ("Arbeitsmail") [Standard: ihr Ordner- oder Dateiname]
arg-capture-since = Nur, was an oder nach diesem Tag geschah: 01.01.2026, "vor 3 Monaten"
arg-capture-dry-run = Zeigen, was je Kontakt eingetragen würde; nichts schreiben
arg-capture-report = Die Menschen auflisten, denen Sie am meisten schreiben und die nicht in draht sind (die letzten 90 Tage, oder --since)
arg-capture-add = Mit --report: die ersten N davon als Kontakte anlegen, dann einlesen
arg-capture-match-names = Kalender: auch Kontakte finden, die im Titel eines Termins stehen ("Kaffee mit Anna")
arg-capture-forget = Die Einträge, Schlüssel und Wasserstände einer Quelle entfernen, nach ihrem Pfad oder Namen
arg-capture-list = Die bisher eingelesenen Quellen auflisten
arg-capture-groups = Chats: Gruppenchats sind Einträge mit jedem Teilnehmer, der ein Kontakt ist
arg-capture-date-order = WhatsApp: die Reihenfolge von Tag, Monat und Jahr in den Daten des Chats, wenn sie es nicht verraten (07/12/2026)
arg-capture-contact = Ein Chat-Export: der Kontakt, mit dem er ist, wenn Dateiname und Absender es nicht sagen
cmd-jourfixe = Feste Termine: ein regelmäßiger Anruf oder Kaffee mit einem Kontakt
cmd-jourfixe-add = Einen festen Termin mit einem Kontakt anlegen: ein regelmäßiger Anruf oder Kaffee
cmd-jourfixe-list = Alle Jour fixe mit dem nächsten Termin und wie der letzte lief
cmd-jourfixe-skip = Einen Termin eines Jour fixe auslassen (nur einen Tag, auf den die Regel fällt)
cmd-jourfixe-edit = Einen Jour fixe ändern: Regel, Uhrzeit, Länge, Kanal, Notiz oder Erinnerung
cmd-jourfixe-rm = Einen Jour fixe löschen (die Einträge bleiben)
cmd-import = Personen aus vCard (eine .vcf-Datei oder ein vdir-Ordner), CSV oder einer JSON-Sicherung importieren
cmd-export = Kontakte als vCard, vdir oder CSV ausgeben, oder alles als JSON-Sicherung
cmd-export-vcard = Die aktiven Kontakte als eine vCard-Datei
cmd-export-vdir = Eine .vcf-Datei pro aktivem Kontakt in einem Ordner (ein vdir, für khard und vdirsyncer)
cmd-export-csv = Eine Zeile pro aktivem Kontakt, mit letztem Kontakt, Fälligkeit und Stand
cmd-export-json = Alles, mit Ids: eine Sicherung, die `draht import` in eine leere Datenbank zurückspielt
cmd-export-ics = Alle Jour fixe, offenen Wiedervorlagen und fälligen Kontakte als ein Kalender zum Abonnieren
cmd-triage = Jedem Kontakt ohne Rhythmus einen geben, eine Taste pro Person
cmd-notify = Desktop-Erinnerungen an Jour fixe, Wiedervorlagen und wen Sie anrufen sollten: ein Durchlauf, für einen Timer
cmd-status = Eine kurze Zeile für die Statusleiste: wer anzurufen ist und der nächste Jour fixe
cmd-completions = Das Vervollständigungsskript der Shell ausgeben: bash, zsh, fish, elvish oder powershell
cmd-man = Die Handbuchseite ausgeben (roff), oder mit --dir eine Seite pro Befehl schreiben
arg-all-day = Keine Uhrzeit: ein Termin für den ganzen Tag
arg-archived = Auch archivierte Kontakte
arg-ascii = Die Diagramme nur mit ASCII-Zeichen zeichnen
arg-at = Wann es war: "gestern 18:30", Freitag, "vor 3 Tagen"
arg-log-at = Wann es war [Standard: jetzt]: "gestern 18:30", Freitag, "vor 3 Tagen"
arg-birthday = TT.MM.JJJJ oder JJJJ-MM-TT; 15.3. oder --MM-TT, wenn das Jahr unbekannt ist
arg-by = Eine Zeile pro Bereich, Schlagwort oder Kanal
arg-channel = Wie Sie sich treffen: call, video, coffee, anruf, treffen …
arg-log-channel = sms, email, chat, call, video, meet (oder anruf, kaffee, treffen, zoom …)
arg-touch-edit-channel = sms, email, chat, call, video oder meet (oder ein anderer Name: anruf, kaffee, zoom …)
arg-command = Nur die Seite dieses Befehls: log, "jourfixe add", … (draht-log(1))
arg-company = Wo die Person arbeitet
arg-config = Konfigurationsdatei; muss es geben, wenn sie genannt wird [Standard: $XDG_CONFIG_HOME/draht/config.toml, falls vorhanden]
arg-contact = Name, Spitzname oder dessen Anfang
arg-show-contact = Name, Spitzname oder dessen Anfang (Akzente egal: muller = Müller)
arg-stats-contact = Nur dieser Kontakt: Name, Spitzname oder dessen Anfang
arg-archive-contact = Name, Spitzname oder dessen Anfang (mit --undo auch archivierte)
arg-rm-contact = Name, Spitzname oder dessen Anfang (auch archivierte)
arg-csv = CSV ausgeben
arg-date = Der auszulassende Tag: 08.12.2026, Di, "nächsten Dienstag"
arg-days = So viele Tage vorausschauen [Standard: horizon aus der Konfiguration, 7]
arg-db = Datenbankdatei [Standard: $XDG_DATA_HOME/draht/draht.db]
arg-demo = Eine Wegwerf-Datenbank mit Beispielpersonen nehmen (Ihre bleibt unberührt)
arg-dir = Alle Seiten nach VERZ schreiben: draht.1 (alle Befehle) und eine pro Befehl
arg-dry-run = Zeigen, was sich ändern würde; nichts schreiben
arg-notify-dry-run = Zeigen, was jetzt gesendet würde; nichts senden, nichts vermerken
arg-duration = Wie lange: 30min, 45m, 1h, 1h30, 1:30
arg-jourfixe-edit-duration = Wie lange: 30min, 45m, 1h, 1h30
arg-emails = E-Mail-Adresse (mehrfach möglich)
arg-every = Rhythmus: "2 Wochen", 14-tägig, monatlich, vierteljährlich, "1 Jahr" …
arg-import-every = Rhythmus für importierte Kontakte, die keinen haben: 2w, 1mo, 3mo, 1y …
arg-format = plain (eine Zeile, für polybar oder tmux), waybar (JSON für dessen custom-Modul) oder i3status-rust (JSON für dessen custom-Block)
arg-import-format = Was in PFAD steht [Standard: nach dem Namen oder der ersten Zeile]
arg-from = Der erste Tag, auf den er fallen darf [Standard: heute]: 01.12.2026, Montag, "in 2 Wochen"
arg-hook = Der Aufhänger, der genutzt wurde (Ids zeigt `show`)
arg-id = Id des Jour fixe (zeigt `jourfixe list`)
arg-touch-edit-id = Id des Eintrags (zeigt `show`)
arg-touch-rm-id = Id des Eintrags (zeigt `show`)
arg-done-id = Id der Wiedervorlage (zeigen `today` und `show`)
arg-install = Einen Timer einrichten, der `draht notify` alle fünf Minuten aufruft: einen systemd-User-Timer, oder ohne systemd die Zeile für die crontab
arg-json = Maschinenlesbares JSON statt Text ausgeben
arg-kind = Worum es bei dem Aufhänger geht
arg-lang = Sprache der Wörter auf dem Bildschirm [Standard: `language` aus der Konfiguration, sonst LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
arg-min-channel = Nur Kontakte über diesen oder einen reicheren Kanal zählen als persönlich [Standard: call]
arg-missed = Der Versuch hat niemanden erreicht (zählt als Ihr Teil; neuer Versuch in ein paar Tagen)
arg-name = Neuer Name
arg-add-name = Voller Name, einmalig unter den aktiven Kontakten
arg-nickname = Wie Sie die Person nennen: passt wie der Name (Mama, Jo)
arg-no-cadence = Den Rhythmus entfernen: der Kontakt wird nie fällig
arg-no-duration = Keine Länge (der Kalender zeigt 30 Minuten)
arg-no-remind = Keine Desktop-Erinnerung und kein Kalenderalarm für diesen Jour fixe
arg-jourfixe-edit-no-remind = Keine Desktop-Erinnerung und kein Kalenderalarm
arg-no-snooze = Das Zurückstellen aufheben
arg-note = Freie Notizen zur Person, in `show` zu sehen
arg-log-note = Worum es ging
arg-touch-edit-note = Worum es ging (leer: keine Notiz)
arg-remind-note = Was dann zu tun ist: "Angebot schicken"
arg-jourfixe-add-note = Wofür er ist: "Abstimmung Roadmap"
arg-jourfixe-edit-note = Eine neue Notiz ("" entfernt sie)
arg-outcome = done (erledigt) oder missed (nicht erreicht)
arg-output = In diese Datei schreiben (nur für Sie lesbar) statt auf die Standardausgabe
arg-backup-output = Wohin die Kopie soll [Standard: draht-JJJJMMTT-HHMMSS.db neben der Datenbank]
arg-export-vdir-output = Der Ordner (wird nur für Sie lesbar angelegt, wenn es ihn nicht gibt)
arg-path = Eine .vcf-Datei, ein vdir-Ordner mit .vcf-Dateien, eine .csv-Datei oder eine Sicherung aus `export json`
arg-phones = Telefonnummer (mehrfach möglich)
arg-rating = Wie es lief: -1, 0 oder 1
arg-log-rating = Wie lief's?: -1, 0 oder 1
arg-remind = So lange vor Beginn erinnern: 10min, 1h, 1d [Standard: remind_before aus der Konfiguration, 15min]
arg-jourfixe-edit-remind = So lange vor Beginn erinnern (10min, 1h, 1d), oder "default" für remind_before aus der Konfiguration
arg-rm-email = Eine E-Mail-Adresse entfernen (mehrfach möglich)
arg-rm-phone = Eine Telefonnummer entfernen (mehrfach möglich)
arg-role = Aufgabe oder Rolle (Vertriebsleitung)
arg-rule = Eine neue Regel wie bei `jourfixe add` ("jeden Mittwoch um 11 Uhr"); ohne Uhrzeit bleibt die alte
arg-jourfixe-add-rule = "jeden Mittwoch um 19 Uhr", "alle zwei Wochen Donnerstag um 8:30", "jeden 2. Dienstag im Monat um 10 Uhr", "monatlich am 15.", "jeden letzten Freitag im Monat", "weekly fri", oder eine rohe "RRULE:FREQ=…"
arg-shell = Die Shell, für die vervollständigt wird
arg-since = Erster Tag des Zeitraums [Standard: vor 90 Tagen]: 01.09.2026, "vor 3 Monaten", "vor 6 Wochen"
arg-skip-invalid = Die guten Karten importieren und die schlechten auflisten, statt abzubrechen
arg-sphere = work (beruflich) oder private (privat)
arg-list-sphere = Nur dieser Bereich: work (beruflich) oder private (privat)
arg-import-sphere = Bereich der Kontakte, die der Import anlegt: work (beruflich) oder private (privat)
arg-status = overdue, due, planned, soon oder ok (überfällig, heute fällig, geplant, bald, ok)
arg-tag = Nur Kontakte mit diesem Schlagwort (Groß- und Kleinschreibung und Akzente egal)
arg-tags = Schlagwort (mehrfach möglich)
arg-text = Der Aufhänger: "nach dem Berlin-Marathon fragen"
arg-time = Eine neue Uhrzeit: 11:00
arg-touches = Wie viele der letzten Einträge zeigen
arg-undo = Einen archivierten Kontakt zurückholen
arg-uninstall = Den systemd-User-Timer entfernen, den --install geschrieben hat
arg-untag = Ein Schlagwort entfernen (mehrfach möglich)
arg-until = 3d, 2w, 6mo, 1y, "2 Wochen", oder ein Tag wie 24.12.2026 oder Freitag
arg-vcard-version = Die vCard-Version, 4.0 oder 3.0 [Standard: jede importierte Karte in ihrer eigenen (2.1 als 3.0), andere 4.0]
arg-when = Wann: Freitag, "in 2 Wochen", +3d, 04.12.2026
arg-width = Text in N Spalten einpassen, Notizen zuerst kürzen (0: nie kürzen) [Standard: die Breite des Terminals; in einer Pipe nie kürzen]
arg-with = Mit --install: systemd oder cron [Standard: systemd, wenn es die Sitzung führt]
arg-log-with = Wer noch dabei war (mehrfach möglich)
arg-yes = Nicht nachfragen

# clap's eigene Wörter
help-flag = Hilfe anzeigen
help-flag-more = Hilfe anzeigen (mehr mit '--help')
help-flag-summary = Hilfe anzeigen (kurz mit '-h')
version-flag = Version anzeigen
help-command = Diese Hilfe oder die Hilfe der genannten Befehle anzeigen
help-command-arg = Die Hilfe der genannten Befehle anzeigen
error-rating = möglich sind -1, 0 oder 1 (wie es lief: schlecht, mittel, gut)
help-heading-commands = Befehle
help-heading-arguments = Argumente
help-heading-options = Optionen
help-heading-global = Globale Optionen
help-usage = Aufruf:
help-env = [Umgebung: { $name }{ $value }]
help-default = [Standard: { $value }]
help-possible-values = [möglich: { $values }]
clap-error = Fehler:
clap-tip = Tipp:
clap-more = Mehr dazu mit '--help'.
clap-value-missing = '{ $arg }' braucht einen Wert, es wurde aber keiner angegeben
clap-invalid-value = '{ $value }' ist kein gültiger Wert für '{ $arg }' [möglich: { $values }]
clap-value-validation = '{ $value }' ist kein gültiger Wert für '{ $arg }': { $problem }
clap-unknown-argument = unerwartetes Argument '{ $arg }'
clap-unknown-command = unbekannter Befehl '{ $command }'
clap-missing = diese nötigen Argumente fehlen: { $args }
clap-missing-command = '{ $command }' braucht einen Befehl, es wurde aber keiner angegeben [Befehle: { $commands }]
clap-conflict = '{ $arg }' geht nicht zusammen mit '{ $other }'
clap-too-many = unerwarteter Wert '{ $value }' für '{ $arg }'; mehr Werte gehen nicht
clap-did-you-mean-command = es gibt einen ähnlichen Befehl: { $names }
clap-did-you-mean-argument = es gibt ein ähnliches Argument: { $names }
clap-did-you-mean-value = es gibt einen ähnlichen Wert: { $names }

## Die Shell und das Handbuch (src/cli/shell.rs)

error-no-completions = keine Vervollständigung für { $shell }; möglich sind bash, zsh, fish, elvish oder powershell
error-write-completions = die Vervollständigung lässt sich nicht schreiben: { $problem }
error-man-no-command = keinen Befehl "{ $command }"; Seiten gibt es für: { $names }
man-wrote = { $count } Handbuchseiten nach { $dir } geschrieben (eine lesen mit: man -l { $dir }/draht.1).
man-manual = draht-Handbuch
man-see-also = SIEHE AUCH
man-see-also-text = (1), das ganze Handbuch mit allen Befehlen.
man-commands = BEFEHLE
man-commands-text = Jeder Befehl hat auch eine eigene Seite: draht-log(1), draht-jourfixe-add(1), … (draht man --dir VERZ schreibt sie alle).
man-options-word = [Optionen]
man-files = DATEIEN
man-file-db = Die Datenbank (SQLite; ~/.local/share/draht/draht.db, wenn XDG_DATA_HOME nicht gesetzt ist), beim ersten Gebrauch nur für Sie lesbar angelegt. Bevor ein neueres draht sie umstellt, bleibt daneben eine Kopie als draht.db.bak-STUFE. draht backup kopiert sie sicher, auch während draht läuft.
man-file-config = Die Konfiguration, wenn es sie gibt (~/.config/draht/config.toml): übliche Rhythmen je Bereich und Schlagwort, der kleinste persönliche Kanal, der Abstand für einen neuen Versuch, wie weit die Agenda vorausschaut, der erste Tag der Woche. Fehlt sie, gilt das Übliche; eine mit --config oder DRAHT_CONFIG genannte Datei muss es geben.
man-environment = UMGEBUNGSVARIABLEN
man-env-db = Die Datenbankdatei, wie --db.
man-env-config = Die Konfigurationsdatei, wie --config; es muss sie geben.
man-env-now = Legt "jetzt" für Tests und Vorführungen fest: eine lokale Zeit (2026-12-07T09:00:00), RFC 3339 (2026-12-07T09:00:00+01:00) oder ein Datum (2026-12-07, mittags).
man-env-no-color = Gesetzt und nicht leer: keine Farbe, auch nicht auf einem Terminal. Ausgabe in eine Pipe ist nie farbig.
man-env-columns = Die Breite, in die Text passt, wenn die Standardausgabe ein Terminal ist (sonst die Breite des Terminals). In einer Pipe wird Text nie gekürzt, außer --width verlangt es.
man-env-complete = Von den Vervollständigungsskripten aus draht completions gesetzt: der Aufruf beantwortet eine Vervollständigung.
man-env-tz = Die Zeitzone, in der Tage und Uhrzeiten gelesen werden.
man-env-xdg = Wo Datenbank und Konfiguration liegen (siehe DATEIEN).
man-exit-status = RÜCKGABEWERT
man-exit-0 = Erfolg.
man-exit-1 = Fehlschlag: die Datenbank oder eine Datei ließ sich nicht lesen oder schreiben. Die Meldung sagt, was zu tun ist.
man-exit-2 = Falscher Aufruf oder falsche Eingabe: ein unbekannter Kontakt, ein Datum oder eine Dauer, die sich nicht lesen lässt, eine mit --config genannte Konfigurationsdatei, die es nicht gibt. Nichts wurde geändert.
man-examples = BEISPIELE
man-example-demo = Die Agenda eines Beispiel-Adressbuchs: draht ausprobieren, ohne Ihres anzufassen.
man-example-import = Das Adressbuch eines Telefons importieren; danach gibt draht triage jedem Kontakt mit einer Taste einen Rhythmus.
man-example-add = Jemanden eintragen, den Sie alle zwei Wochen anrufen wollen.
man-example-log = Einen Anruf eintragen, der gerade war.
man-example-remind = Eine Wiedervorlage; draht today zeigt sie.
man-example-jourfixe = Ein fester Termin.
man-example-json = Die Agenda für Skripte und Statusleisten.
man-example-list = Eine Liste, auf 80 Spalten gekürzt.
man-example-completions = Befehle, Kontaktnamen und Ids in bash vervollständigen.
man-name = BEZEICHNUNG
man-synopsis = ÜBERSICHT
man-description = BESCHREIBUNG
man-options = OPTIONEN
man-subcommands = BEFEHLE
man-version = VERSION

## draht capture (src/cli/capture.rs, src/app/capture/, src/capture/).
## $source ist eine Quelle, wie sie gezeigt wird: Name, Art und Pfad.

capture-items = { $unit ->
        [call] { $count ->
            [one] { $count } Anruf
           *[other] { $count } Anrufe
        }
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
        [text] { $count ->
            [one] { $count } Anruf oder SMS
           *[other] { $count } Anrufe und SMS
        }
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
        [own] nur zwischen Ihren eigenen Adressen
        [too_many] mit zu vielen Leuten
        [undated] ohne Datum
        [future] noch in der Zukunft
        [before_since] vor --since
        [cancelled] abgesagt
        [declined] abgelehnt
        [not_attended] nicht von Ihnen angenommen
        [yearly] Geburtstage und Jahrestage
        [unknown] mit niemandem aus draht
        [seen] schon gezählt
        [not_sent] Entwürfe und nicht gesendete SMS
        [refused] von Ihnen abgelehnte oder blockierte Anrufe
        [tried] Anrufe, die Sie nicht angenommen haben
        [system] Zeilen, die die App selbst schrieb
        [group] Gruppenchats (mit --groups gezählt)
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
capture-tried = { $name } hat versucht, Sie anzurufen ({ $count ->
        [one] { $count } Anruf
       *[other] { $count } Anrufe
    }, zuletzt { $day }).
capture-note-region = Hinweis: Tragen Sie Ihr Land in config.toml ein ([me] region = "DE"), damit Nummern ohne Landesvorwahl (0170 1234567) zu +49 170 1234567 passen.
capture-note-me = Hinweis: draht kennt Ihre eigenen Adressen nicht, daher zählt eine Mail mit jedem Kontakt in From, To und Cc, auch eine, die Sie nur in Kopie bekommen haben. Tragen Sie sie in config.toml ein ([me] emails = ["ich@example.org"]), damit empfangene Mails nur mit ihrem Absender zählen und `--report` erkennt, wem Sie schreiben.

capture-report-everyone = Alle, denen Sie in den letzten { $days } Tagen geschrieben haben, sind in draht ({ $count ->
        [one] { $count } Nachricht oder Termin
       *[other] { $count } Nachrichten und Termine
    } gelesen).
capture-report-title = { $sent ->
        [yes] Die Leute, denen Sie am meisten schreiben und die nicht in draht sind
       *[no] Die Leute, die Ihnen am meisten schreiben und nicht in draht sind
    }
capture-report-since = { $title }, seit { $since } ({ $count } insgesamt):
capture-report-line = { $what ->
        [wrote] Sie haben { $address } { $count ->
            [one] einmal
           *[other] { $count }-mal
        } geschrieben
        [met] Sie haben { $address } { $count ->
            [one] einmal
           *[other] { $count }-mal
        } getroffen
       *[received] { $count ->
            [one] { $count } Mail
           *[other] { $count } Mails
        } von { $address }
    }, in { $days } Tagen — `draht add "{ $name }" --email { $address }`?
capture-report-add-hint = Die ersten N davon fügt `draht capture --report --add N` hinzu.
capture-report-note-me = Hinweis: Tragen Sie [me] emails in config.toml ein, damit draht die Mails erkennt, die Sie geschrieben haben.
capture-added = { $name } <{ $address }> hinzugefügt.
capture-not-added = { $name } <{ $address }> nicht hinzugefügt: Es gibt schon einen Kontakt mit diesem Namen; geben Sie ihm die Adresse mit `draht edit "{ $name }" --email { $address }`.
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
    } behalten, zu denen Sie etwas notiert haben oder die eine andere Quelle auch kennt
capture-forget-unjoined = , { $count ->
        [one] { $count } selbst erfassten Kontaktmoment
       *[other] { $count } selbst erfasste Kontaktmomente
    } gelassen, wie sie waren
capture-forget-keys = {" "}und { $count ->
        [one] { $count } Schlüssel
       *[other] { $count } Schlüssel
    } verworfen.

capture-list-empty = Noch nichts eingelesen: versuchen Sie `draht capture ~/Mail` oder `draht capture ~/.calendars`.
capture-list-touches = { $count ->
        [one] { $count } Kontaktmoment
       *[other] { $count } Kontaktmomente
    }
capture-list-last = zuletzt { $day }
capture-list-never = nie fertig geworden

capture-notify-failed = draht notify: die [[capture]]-Quellen wurden nicht gelesen ({ $error }); die Erinnerungen gehen ohne sie hinaus.

capture-error-unknown-kind = unbekannte Art "{ $kind }"; möglich sind maildir, mbox, calendar, sms-backup, whatsapp oder telegram
capture-error-no-source = keine Quelle zum Einlesen: geben Sie einen Pfad an (draht capture ~/Mail/work) oder tragen Sie [[capture]]-Quellen in config.toml ein
capture-error-kind-name-configured = --kind, --name und --contact gelten für eine hier angegebene QUELLE; die [[capture]]-Quellen der Konfiguration nennen ihre eigenen
capture-error-contact-one-source = --contact sagt, mit wem ein Chat ist; geben Sie eine QUELLE dazu an oder lesen Sie die Quellen einzeln ein
capture-error-name-one-source = --name benennt eine Quelle; geben Sie eine QUELLE dazu an oder lesen Sie die Quellen einzeln ein
capture-error-add-dry-run = --add legt Kontakte an; lassen Sie --dry-run weg (oder zeigen Sie mit --report allein, wer hinzukäme)
capture-error-source = die Quelle { $path } kann draht nicht lesen: { $reason }; geben Sie den Pfad eines Maildirs, einer mbox, eines Kalenders oder eines Telefon-Exports an
capture-error-read = { $path } kann draht nicht lesen: { $reason }
capture-error-what = draht erkennt nicht, was { $path } ist (kein Maildir, keine mbox, kein Kalender, kein SMS-Backup, kein WhatsApp- oder Telegram-Export); sagen Sie es mit --kind maildir, mbox, calendar, sms-backup, whatsapp oder telegram
capture-error-maildir = das Maildir { $path } kann draht nicht lesen: { $reason }
capture-error-no-maildir = in { $path } ist kein Maildir-Ordner (ein Ordner mit cur/ und new/); stimmt der Pfad, oder passt ein anderes --kind?
capture-error-mbox-folder = { $path } ist ein Ordner, keine mbox-Datei; ist es ein Maildir (--kind maildir)?
capture-error-calendar = den Kalender { $path } kann draht nicht lesen: { $reason }
capture-error-no-such-source = es gibt keine Quelle "{ $name }"; bisher wurde nichts eingelesen
capture-error-not-a-source = es gibt keine Quelle "{ $name }"; die Quellen sind: { $sources }
capture-error-ambiguous-source = "{ $name }" passt auf { $count } Quellen; geben Sie den Pfad einer davon an: { $paths }
capture-reason-missing = es gibt sie nicht
capture-reason-denied = keine Berechtigung

capture-broken-no-headers = keine Mail-Kopfzeilen darin
capture-broken-long-headers = die Kopfzeilen enden nicht innerhalb von 1 MiB
capture-broken-no-people = weder Absender noch Empfänger
capture-broken-cannot-list = nicht auflistbar: { $reason }
capture-broken-not-calendar = kein Kalender: { $line }
capture-broken-no-start = der Termin "{ $summary }" hat keinen Beginn
capture-broken-recurrence = der Termin "{ $summary }": seine Wiederholung lässt sich nicht berechnen ({ $reason })

capture-broken-at-byte = Byte { $byte }: { $reason }
capture-broken-no-date = ein Eintrag ohne Datum
capture-broken-call-type = ein Anruf unbekannter Art { $kind }
capture-broken-text-type = eine SMS unbekannter Art { $kind }
capture-broken-text-no-type = eine SMS ohne Art
capture-broken-mms-box = eine MMS in unbekanntem Ordner { $kind }
capture-broken-mms-no-box = eine MMS ohne msg_box
capture-broken-json = Zeile { $line } Spalte { $column }: { $reason }
capture-broken-message-no-date = Nachricht { $id }: kein Datum
capture-broken-message-no-object = eine Nachricht, die kein Objekt ist
capture-broken-contact-full-export = --contact nennt den Partner des Exports eines Chats; dies ist der ganze Export, dessen Chats ihre Partner selbst nennen
capture-broken-not-whatsapp = Zeile { $line }: keine WhatsApp-Nachrichtenzeile
capture-broken-whatsapp-date = Zeile { $line }: { $written } ist kein Datum mit Uhrzeit, gelesen als { $order }
capture-broken-not-zip = keine ZIP-Datei von WhatsApp ({ $reason })
capture-broken-zip-no-chat = darin ist kein WhatsApp-Chat (.txt)
capture-broken-read-on = nicht weiter lesbar: { $reason }
capture-why-dates-mixed = ihre Daten stehen in mehr als einer Reihenfolge
capture-why-dates-ambiguous = ihre Daten (etwa { $sample }) können Tag oder Monat zuerst haben
capture-why-no-chat-line = darin ist keine WhatsApp-Nachrichtenzeile
capture-error-date-order = draht erkennt die Daten von { $path } nicht: { $reason }; nennen Sie ihre Reihenfolge mit --date-order dmy, mdy oder ymd
capture-error-no-export = in { $path } ist keine { $kind }-Datei; stimmt der Ordner, oder passt ein anderes --kind?
capture-place-offset = { $path } bei Byte { $offset }

## draht sync
cmd-sync = Ein Abgleich in beide Richtungen zwischen der Datenbank und den Kontakt- und Kalender-vdirs, die vdirsyncer abgleicht
arg-sync-contacts = Das Kontakt-vdir (eine .vcf je Kontakt) [Standard: [sync] contacts in der Konfiguration]
arg-sync-calendar = Das Kalender-vdir (eine .ics je Jour fixe, Wiedervorlage und Eintrag) [Standard: [sync] calendar in der Konfiguration]
arg-sync-dry-run = Zeigen, was jede Seite ändern würde; nichts ändern
arg-sync-run = `vdirsyncer sync` vor und nach dem Abgleich ausführen (die Änderungen des Servers herein, die von draht hinaus)
arg-sync-full = Jede Datei ansehen, auch in einem Ordner, dessen Zeit sagt, dass sich nichts geändert hat (eine an Ort und Stelle geschriebene Änderung bewegt sie nicht; mindestens einmal am Tag sieht ein Abgleich ohnehin jede Datei an)

## TUI: Statuszeilen, Rückfragen und ihre Fehler (tui-actions: src/tui/update.rs,
## src/tui/effects.rs, src/tui/effects/undo.rs, src/tui/app.rs, src/tui/triage.rs,
## src/tui/insight.rs, src/tui/terminal.rs). $channel ist ein Kanal wie angezeigt
## (channel-*), $day ein Tag wie angezeigt ("Mo., 30. Nov."), $who Namen mit names-and.
# Nach dem Schreiben: was geschah. tui-undo-* sagt, was `u` zurücknimmt (nach "Zurückgenommen: ").
tui-logged = { $channel } mit { $who } eingetragen.
tui-undo-logged = { $channel } mit { $who }
tui-logged-missed = { $channel } mit { $who } eingetragen: nicht erreicht. Neuer Versuch in { $count ->
        [one] einem Tag
       *[other] { $count } Tagen
    }.
tui-undo-logged-missed = { $channel } mit { $who } (nicht erreicht)
tui-error-touch-nobody = ein Eintrag braucht mindestens einen Kontakt
tui-updated = { $name } geändert.
tui-undo-updated = die Änderungen an { $name }
tui-added = { $name } hinzugefügt.
tui-undo-added = { $name } hinzugefügt
tui-cadence-set = { $name }: { $every } melden.
tui-cadence-none = { $name }: kein Rhythmus, wird nie fällig.
tui-undo-cadence = der Rhythmus von { $name }
tui-snoozed = { $name } ist bis { $day } zurückgestellt.
tui-undo-snooze = { $name } zurückgestellt
tui-hook-added = Aufhänger ({ $kind }) für { $name } hinzugefügt.
tui-undo-hook = der Aufhänger für { $name }
tui-followup-added = Wiedervorlage für { $name } am { $day } angelegt.
tui-undo-followup = die Wiedervorlage für { $name }
tui-archived = { $name } archiviert: weg von der Agenda, Einträge bleiben (u: zurück).
tui-undo-archive = { $name } archiviert
# Ohne Schlusspunkt: ein Datum endet oft mit dem Punkt seiner Abkürzung ("Dez.").
tui-jf-set = Jour fixe mit { $name } ({ $channel }): { $rule } — nächste Termine: { $dates }
tui-undo-jf-add = der Jour fixe mit { $name }
tui-jf-skipped = { $day } vom Jour fixe mit { $name } ausgelassen — nächster Termin: { $dates }
tui-undo-jf-skip = { $day } mit { $name } ausgelassen
tui-jf-removed = Jour fixe mit { $name } ({ $rule }) gelöscht; die Einträge bleiben.
tui-undo-jf-remove = Jour fixe mit { $name } gelöscht
tui-no-more-dates = keine weiteren Termine
tui-undo-triage = die Antwort beim Sichten für { $name }
tui-triage-every = { $name }: ab { $day } { $every } melden.
tui-triage-archived = { $name }: archiviert.
tui-triage-skipped = { $name }: übersprungen.
tui-deleted = { $name } gelöscht.
# Ein Eintrag in der Karte: "Anruf vom Mo., 30. Nov."
tui-touch-words = { $channel } vom { $day }
tui-touch-fixed = Korrigiert: { $what } mit { $who }.
tui-undo-touch-fix = die Korrektur ({ $what })
tui-touch-removed = Entfernt: { $what } mit { $who }.
tui-undo-touch-remove = { $what } entfernt
tui-undo-jf-edit = die Änderung am Jour fixe mit { $name }
# Was `u` getan hat
tui-jf-as-before = Der Jour fixe mit { $name } ist wie vorher: { $rule }.
tui-unlogged = Zurückgenommen: { $channel } mit { $who }.
tui-relogged = Wieder eingetragen: { $what } mit { $who }.
tui-as-before = { $name } ist wie vorher.
tui-hook-removed = Aufhänger "{ $text }" von { $name } entfernt.
tui-followup-removed = Wiedervorlage "{ $note }" von { $name } entfernt.
tui-jf-unskipped = { $day } mit { $name } gilt wieder.
tui-jf-back = Der Jour fixe mit { $name } ({ $rule }) ist wieder da.
tui-undone = Zurückgenommen: { $what }.
tui-undo-none = nichts zurückzunehmen: seit dem Start von draht wurde hier nichts geändert
tui-undo-twice = nichts mehr zurückzunehmen: u nimmt nur die letzte Änderung zurück
tui-undo-final = nichts zurückzunehmen: die letzte Änderung ist endgültig ({ $change })
# Rückfragen vor dem Schreiben, und Tasten, die hier nichts tun
tui-merge-ask = Zusammenführen? Das lässt sich nicht rückgängig machen (u nimmt es nicht zurück).
tui-ask-archive = { $name } archivieren? Die Einträge bleiben, aber nicht mehr auf der Agenda.
tui-ask-delete = { $name } mit allen Einträgen endgültig löschen?
tui-ask-remove-touch = { $channel } vom { $day }{ $others ->
        [0] {""}
        [one] {" "}(auch für die andere Person darin)
       *[other] {" "}(auch für die { $others } anderen darin)
    } entfernen? u macht es rückgängig.
tui-ask-jf-skip = { $day } vom Jour fixe mit { $name } ({ $rule }) auslassen? Die Termine danach bleiben.
tui-ask-jf-delete = Jour fixe mit { $name } ({ $rule }) löschen? Die Einträge bleiben.
tui-no-contact = kein Kontakt ausgewählt; mit a legen Sie einen an
tui-no-touch = hier ist kein Eintrag zu wählen; mit l tragen Sie einen ein
tui-no-jf = kein Jour fixe ausgewählt; mit f legen Sie einen bei einem Kontakt an
# Sichten (t): "3 von 41", und wie weit es kam
tui-triage-progress = { $at } von { $total }
tui-triage-summary = { $set } { $set ->
        [one] Rhythmus
       *[other] Rhythmen
    } festgelegt, { $archived } archiviert, { $skipped } übersprungen
tui-triage-stopped = Sichten beendet: { $summary }.
tui-triage-failed = Sichten beendet: { $error } ({ $summary }).
tui-triage-done = Sichten fertig: { $summary }; { $left } ohne Rhythmus.
tui-error-read-db = die Datenbank lässt sich nicht lesen: { $problem }
tui-error-stats-stopped = die Auswertung ließ sich nicht berechnen (das Lesen brach ab)
# Die Auswahl beim Zusammenführen (M, src/tui/pick.rs)
tui-pick-title = {" "}{ $name } zusammenführen mit …{" "}
tui-pick-into = {" "}mit:{" "}
tui-pick-hint = der Kontakt, der bleibt; er behält seinen Namen und bekommt alles
tui-pick-none = {" "}niemand passt; die Rücktaste erweitert die Suche

## Reste der Kommandozeile auf Deutsch (tui-actions): Gründe aus Konfiguration,
## Wiederherstellen, Abgleich, Erfassen, Datenbank und Erinnerungen
## (src/config.rs, src/interop/, src/sync/, src/capture/, src/store/open.rs,
## src/store/merge.rs, src/remind/)
error-config-unknown-key = Zeile { $line }: unbekannter Schlüssel `{ $key }`{ $expected ->
       *[other] {""}
    }; möglich sind { $keys }
error-config-me-email = Zeile { $line }: [me] emails: { $value } ist keine E-Mail-Adresse
error-config-me-region = Zeile { $line }: [me] region: { $value } ist kein Ländercode; möglich sind zwei Buchstaben wie "DE", "AT" oder "CH"
error-config-max-recipients = Zeile { $line }: max_recipients muss mindestens 1 sein
error-config-capture-kind = Zeile { $line }: [[capture]] kind: unbekannte Art { $value }; möglich sind maildir, mbox, calendar, sms-backup, whatsapp oder telegram
error-config-date-order = Zeile { $line }: [[capture]] date_order: { $value } ist weder dmy noch mdy noch ymd
error-config-capture-path = Zeile { $line }: [[capture]] path ist leer
# Warum eine JSON-Sicherung beschädigt ist (nach "die Sicherung ist beschädigt: ")
restore-contact-twice = Kontakt #{ $id } kommt doppelt vor
restore-contact-uid = Kontakt #{ $id } hat eine leere oder doppelte UID
restore-contact-name = Kontakt #{ $id } hat einen leeren Namen oder einen mit Leerraum am Rand
restore-contact-cadence = Kontakt #{ $id } hat einen Rhythmus von 0 Tagen
restore-contact-tag = Kontakt #{ $id } hat ein leeres oder doppeltes Schlagwort
restore-contact-same-name = die Kontakte #{ $other } und #{ $id } sind beide aktiv und heißen "{ $name }"
restore-names-contact = { $what } nennt Kontakt #{ $id }, den die Datei nicht enthält
restore-record = { $kind ->
        [hook] Aufhänger #{ $id }
        [touch] Eintrag #{ $id }
        [jourfixe] Jour fixe #{ $id }
        [followup] Wiedervorlage #{ $id }
        [card] eine Karte
        [source] die Quelle { $name }
        [cadence-start] ein Rhythmusbeginn
       *[capture-key] Erfassungsschlüssel { $name }
    }
restore-hook-twice = Aufhänger #{ $id } kommt doppelt vor
restore-touch-twice = Eintrag #{ $id } kommt doppelt vor
restore-touch-nobody = Eintrag #{ $id } hat keine Beteiligten
restore-touch-future = Eintrag #{ $id } liegt in der Zukunft ({ $at }), ein Eintrag hält aber fest, was schon war
restore-touch-twice-contact = Eintrag #{ $id } nennt Kontakt #{ $contact } zweimal
restore-touch-hook = Eintrag #{ $id } nutzte Aufhänger #{ $hook }, den die Datei nicht enthält
restore-touch-rating = Eintrag #{ $id } hat eine Bewertung außerhalb von -1, 0, 1
restore-jf-twice = Jour fixe #{ $id } kommt doppelt vor
restore-jf-rule = Jour fixe #{ $id } hat keine Regel oder dauert 0 Minuten
restore-jf-skips = Jour fixe #{ $id } lässt einen Termin zweimal aus
restore-followup-twice = Wiedervorlage #{ $id } kommt doppelt vor
restore-contact-cards = Kontakt #{ $id } hat zwei Karten
restore-source-repeated = die Quelle { $name } ist leer oder doppelt
restore-contact-starts = Kontakt #{ $id } hat zwei Rhythmusbeginne
restore-reminder-jf = eine Erinnerung nennt Jour fixe #{ $id }, den die Datei nicht enthält
restore-reminder-lead = Jour fixe #{ $id } hat zwei Erinnerungen oder eine außerhalb von 1 bis 1440 Minuten
restore-sent-kind = eine gesendete Erinnerung hat die Art { $kind } (möglich sind jourfixe, followup oder morning)
restore-sent-twice = die Erinnerung ({ $kind }) für #{ $id } am { $day } wurde zweimal gesendet
restore-capture-source-twice = Erfassungsquelle #{ $id } oder ihr Pfad kommt doppelt vor
restore-capture-source-name = Erfassungsquelle #{ $id } hat keinen Namen
restore-names-source = { $what } nennt Erfassungsquelle #{ $id }, die die Datei nicht enthält
restore-key-contact = Erfassungsschlüssel { $key } nennt Kontakt #{ $id }, den die Datei nicht enthält
restore-key-twice = Erfassungsschlüssel { $key } kommt doppelt vor
restore-touch-source-twice = Eintrag #{ $id } nennt Erfassungsquelle #{ $source } zweimal
sync-conflict-note = Abgleichkonflikt { $day }: { $side ->
        [folder] im Ordner stand
       *[draht] in draht stand
    } bei { $field }: { $value }
error-sync-item-unreadable = { $path } ist kein Eintrag, den draht lesen kann
import-same-person = "{ $name }" ist dieselbe Person wie { $origin } (dieselbe UID oder derselbe Name); entfernen Sie eine der beiden
import-uid-taken = ihre UID { $uid } gehört schon einem anderen Kontakt, "{ $name }"; geben Sie einem der beiden eine neue UID
import-rename-taken = sie benennt "{ $from }" in "{ $to }" um, aber einen Kontakt mit diesem Namen gibt es schon; benennen Sie einen der beiden um
vcard-cut-off = kein END:VCARD vor der nächsten Karte oder dem Dateiende (die Karte ist abgeschnitten); reparieren oder überspringen Sie sie
db-tables = { $count ->
        [0] keine Tabellen
        [1] die Tabelle { $names }
        [2] die Tabellen { $names }
        [3] die Tabellen { $names }
       *[other] Tabellen wie { $names }, …
    }
db-foreign-level = Schemastufe { $version }, { $tables }
db-foreign-negative = Schemastufe { $version }, die kein draht schreibt, und { $tables }
db-foreign-tables = sie hat { $tables }
error-db-wrong-schema = { $path } gibt sich als draht-Datenbank der Schemastufe { $version } aus, aber ihr Schema ist nicht das dieser Stufe ({ $findings }); sie gehört einem anderen Programm oder ist beschädigt und wurde nicht angerührt — geben Sie eine andere --db an, oder spielen Sie eine Sicherung zurück
error-db-wal = die Datenbank lässt sich nicht in den WAL-Modus schalten (erhalten: { $mode })
error-db-negative-level = die Datenbank hat die Schemastufe { $version }, die kein draht schreibt; sie blieb, wie sie war
error-db-unfinished = die neue Datenbank { $path } lässt sich nicht fertigstellen; versuchen Sie es noch einmal
error-merge-itself = ein Kontakt lässt sich nicht mit sich selbst zusammenführen
error-db-upgrade = die Datenbank lässt sich nicht von Stufe { $version } auf { $latest } heben (Schritt { $step }: { $problem }); die Datei blieb, wie sie war
error-db-unknown-name = unbekannter Wert { $value } ({ $what }) in der Datenbank
capture-broken-attribute = ein fehlerhaftes Attribut: { $problem }
ics-read-not-icalendar = sie ist kein iCalendar-Text ({ $problem })
ics-read-no-item = sie enthält keinen Termin, keine Aufgabe und keinen Journaleintrag
ics-read-no-uid = ihr Eintrag hat keine UID
ics-read-no-attendee = sie nennt niemanden (kein ATTENDEE)
ics-read-start-not-instant = ihr DTSTART ist kein Zeitpunkt
ics-read-no-channel = ihre CATEGORIES nennen keinen Kanal (sms, email, chat, call, video, meet)
ics-read-no-start = sie hat kein DTSTART
ics-read-start-not-date = ihr DTSTART ist kein Datum
ics-read-no-rrule = sie hat keine RRULE
ics-read-due-not-date = ihr DUE ist kein Datum
ics-read-empty-summary = ihre SUMMARY ist leer
## TUI-Bildschirme auf Deutsch (tui-screens, Issue 21 Punkte 3, 5, 6): die
## Karte, der Reiter Statistik und seine Diagramme, das Sichten, die Wahl
## beim Zusammenführen, das Banner und die Regel im Jour-fixe-Formular
## (src/tui/view/, src/tui/pick.rs, src/tui/forms/jourfixe.rs)
tui-card-nobody = Niemand gewählt.
# $day mit Wochentag („Di., 24. Nov.“), $date ohne („24. Nov.“): ohne
# „fällig“ und Wochentag passt die Zeile in die Karte.
tui-card-every = { $day ->
       *[other] { $every } · { $date }
    }
tui-card-overdue = ({ $days } T. überfällig)
tui-card-due-today = (heute)
tui-card-due-in = (in { $days } T.)
tui-card-no-cadence = kein Rhythmus: nie fällig (c legt einen fest)
tui-card-snoozed = zurückgestellt bis { $day }
tui-card-birthday = Geburtstag { $day }
tui-card-birthday-turns = Geburtstag { $day } (wird { $age })
tui-card-hooks = Aufhänger
tui-card-follow-ups = Wiedervorlagen
tui-card-touches = Einträge
tui-card-touch-keys = j/k wählen · e korrigieren · d entfernen
tui-card-mix = Mix
tui-card-notes = Notizen
tui-card-next = nächster { $day }
tui-card-with = mit { $names }
tui-stats-error = Die Zahlen ließen sich nicht berechnen: { $error }
tui-stats-counting = zählt … (im Hintergrund; die Tasten gehen)
tui-stats-weekly = Einträge pro Woche · { $from } – { $to } · { $total } erledigt
tui-stats-spheres = Kanäle nach Bereich
tui-stats-no-touches = noch keine Einträge
tui-stats-sphere-none = keine Einträge
tui-stats-sphere-share = { $count } · { $share } persönlich
tui-stats-cooling = Abkühlend · Wärme jetzt ← 90 Tage davor
tui-stats-nobody-cooling = Niemand kühlt ab: die Wärme hielt oder stieg bei allen.
tui-stats-today = heute
tui-stats-ago = vor { $age }
tui-stats-not-in-window = nicht in 90 T.
tui-stats-heat = Einträge pro Tag · { $from } – { $to }
tui-stats-heat-nobody = Wählen Sie jemanden in der Liste der Abkühlenden.
tui-triage-title = Sichten · { $progress }
tui-triage-gone = Diesen Kontakt gibt es nicht mehr; weiter mit s.
tui-triage-last = zuletzt { $glyph } { $channel } { $age }
tui-triage-never = noch nie Kontakt
tui-triage-question = Wie oft melden Sie sich? (ohne Rhythmus: nie fällig)
tui-triage-so-far = bisher: { $summary }
tui-banner-in-minutes = (in { $minutes } Min.)
tui-banner-in-hours = (in { $hours } Std. { $minutes } Min.)
# Das Regelfeld des Jour-fixe-Formulars, mit der gespeicherten Regel als
# Wendung, die der Regelleser wieder als dieselbe Regel liest („jeden 2.
# Dienstag im Monat um 10 Uhr“).
tui-jf-phrase-daily = { $count ->
        [one] täglich
       *[other] alle { $count } Tage
    }
tui-jf-phrase-weekly = { $count ->
        [one] jeden { $days }
       *[other] alle { $count } Wochen am { $days }
    }
tui-jf-phrase-monthly-nth = { $count ->
        [one] jeden { $nth } { $day } im Monat
       *[other] alle { $count } Monate am { $nth } { $day }
    }
tui-jf-phrase-monthly-day = { $count ->
        [one] monatlich am { $day }.
       *[other] alle { $count } Monate am { $day }.
    }
tui-jf-phrase-monthly-last-day = { $count ->
        [one] monatlich am letzten Tag
       *[other] alle { $count } Monate am letzten Tag
    }
tui-jf-phrase-nth = { $n ->
        [-1] letzten
       *[other] { $n }.
    }
tui-jf-phrase-weekday = { $day ->
        [MO] Montag
        [TU] Dienstag
        [WE] Mittwoch
        [TH] Donnerstag
        [FR] Freitag
        [SA] Samstag
       *[SU] Sonntag
    }
# Zwischen zwei Wochentagen, und vor dem letzten von mehreren.
tui-jf-phrase-days-sep = {", "}
tui-jf-phrase-days-last-sep = {" und "}
tui-jf-phrase-at = { $minute ->
        [0] { $rule } um { $hour } Uhr
       *[other] { $rule } um { $time } Uhr
    }
# Die schmalste Breite der Liste Heute neben der Karte (Spalten): die
# deutschen Gründe („Anruf vor 21 Tagen · seitdem 5 Nachrichten“) sind
# länger; bei 100 Spalten nimmt die Liste die ganze Breite, statt
# Menschen aus dem Bild zu schieben (die Karte öffnet Enter).
tui-today-list-width = 78
tui-card-sphere-work = Beruf
tui-card-sphere-private = privat
# Die Fragen vor einer Änderung (src/tui/update.rs)
# Wann ein Eintrag war, im Formular zum Korrigieren: ein chrono-Muster,
# das das Datumsfeld wieder liest („28.11.2026 14:00“).
tui-touch-when-format = %d.%m.%Y %H:%M
## capture-bench: Einträge in Stapeln anlegen (Issue 19)
error-capture-touches-made = Die Datenbank hat { $made } von { $count } erfassten Einträgen gespeichert; von diesem Stapel bleibt nichts. Führen Sie `draht capture` noch einmal aus.
