"""Compares an address book with draht's export of it, property by
property, with an independent vCard parser (vobject).

Usage: python3 compare_cards.py ORIGINAL.vcf EXPORTED.vcf
Prints a JSON object: "unreadable", the numbers (from 1) of the original's
cards that vobject cannot read either (a card cut off, say), and
"problems", a list of differences (empty when the export gives back every
readable card as it came). The original is read card by card (split before
each BEGIN:VCARD line), so one broken card does not hide the others. Each
original card is paired with the exported card that shares most of its
properties. Every property of the original must be in
the export with the same group, parameters and value, apart from what a
version change alters in form only: VERSION itself, CHARSET and ENCODING,
2.1's bare types (`TEL;WORK`) as `TYPE=WORK`, the case of type names, a
date written with or without dashes, CRLF inside a text value as LF. The
export may add only what draht owns and a card lacked: UID, FN, N.
"""

import json
import sys

import vobject

ADDED_IF_MISSING = {"UID", "FN", "N"}
DROPPED_PARAMS = {"CHARSET", "ENCODING"}
FORM_ONLY_SINGLETONS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT"}


def cards(path):
    with open(path, encoding="utf-8") as f:
        return list(vobject.readComponents(f.read(), allowQP=True))


def cards_one_by_one(path):
    """The readable cards of `path` with their numbers, and the numbers of
    the unreadable ones."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    chunks, current = [], []
    for line in text.splitlines(keepends=True):
        if line.strip().upper() == "BEGIN:VCARD" and current:
            chunks.append("".join(current))
            current = []
        current.append(line)
    if current:
        chunks.append("".join(current))
    readable, unreadable = [], []
    for number, chunk in enumerate(chunks, start=1):
        try:
            readable.extend((number, card) for card in vobject.readComponents(chunk, allowQP=True))
        except Exception:
            unreadable.append(number)
    return readable, unreadable


def text(value):
    if isinstance(value, bytes):
        return "bytes:" + value.hex()
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value]
    if hasattr(value, "family"):
        return [text(getattr(value, k)) for k in ("family", "given", "additional", "prefix", "suffix")]
    if hasattr(value, "street"):
        return [
            text(getattr(value, k))
            for k in ("box", "extended", "street", "city", "region", "code", "country")
        ]
    return str(value)


def norm(line):
    name = line.name.upper()
    params = {}
    for key, values in line.params.items():
        key = key.upper()
        if key in DROPPED_PARAMS:
            continue
        if key == "VALUE" and name == "BDAY":
            continue
        params.setdefault(key, []).extend(values)
    for single in line.singletonparams:
        if single.upper() not in FORM_ONLY_SINGLETONS:
            params.setdefault("TYPE", []).append(single)
    if "TYPE" in params:
        params["TYPE"] = sorted({t.strip().upper() for v in params["TYPE"] for t in v.split(",")})
    value = text(line.value)
    if name in ("BDAY", "ANNIVERSARY", "X-ABDATE") and isinstance(value, str):
        value = value.replace("-", "")
    group = (line.group or "").lower()
    return json.dumps([group, name, sorted(params.items()), value], ensure_ascii=False, sort_keys=True)


def props(card):
    return [norm(line) for line in card.lines() if line.name.upper() != "VERSION"]


def main(original, exported):
    problems = []
    wanted, unreadable = cards_one_by_one(original)
    given = cards(exported)
    if len(wanted) != len(given):
        problems.append(f"{len(wanted)} cards went in, {len(given)} came out")
    free = list(range(len(given)))
    for number, card in wanted:
        mine = props(card)
        if not free:
            problems.append(f"card {number}: no exported card left")
            continue
        best = max(free, key=lambda i: len(set(mine) & set(props(given[i]))))
        free.remove(best)
        theirs = props(given[best])
        for prop in mine:
            if prop in theirs:
                theirs.remove(prop)
            else:
                problems.append(f"card {number}: missing {prop}")
        names = {json.loads(p)[1] for p in mine}
        for prop in theirs:
            name = json.loads(prop)[1]
            if name in ADDED_IF_MISSING and name not in names:
                continue
            problems.append(f"card {number}: extra {prop}")
    print(json.dumps({"unreadable": unreadable, "problems": problems}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
