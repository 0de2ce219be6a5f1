"""Event dates: the story date unless the sentence pins the day.

Recognised: weekdays ("on Thursday": the latest such day on or before the story date),
"yesterday", "today", "tonight", "last week", "last month" (same day a month before, clamped),
and explicit days ("on 5 December", "December 5", "Dec. 5, 2017", "5 December 2017"). A date after
the story date (a plan, not an event) is never used: the story date stands.
"""

from __future__ import annotations

import calendar
import datetime as dt

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0}
# Words without which a sentence pins no day: sentences lacking them keep the story date.
TRIGGERS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(RELATIVE) | {"last"} | {m + "." for m in MONTHS}


def _day_number(text: str) -> int | None:
    t = text.lower().rstrip(".")
    for suffix in ("st", "nd", "rd", "th"):
        if t.endswith(suffix) and t[:-2].isdigit():
            t = t[:-2]
    if t.isdigit() and 1 <= int(t) <= 31:
        return int(t)
    return None


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100 else None


def _explicit(words: list[str], i: int, story: dt.date) -> dt.date | None:
    """An explicit day around the month name at words[i]."""
    month = MONTHS[words[i].rstrip(".")]
    day = year = None
    # "December 5, 2017" / "Dec. 5"
    if i + 1 < len(words) and _day_number(words[i + 1]):
        day = _day_number(words[i + 1])
        k = i + 2
        if k < len(words) and words[k] == ",":
            k += 1
        if k < len(words):
            year = _year(words[k])
    # "5 December 2017" / "the 5th of December"
    elif i >= 1 and _day_number(words[i - 1]):
        day = _day_number(words[i - 1])
    elif i >= 2 and words[i - 1] == "of" and _day_number(words[i - 2]):
        day = _day_number(words[i - 2])
    if day is None:
        return None
    if year is None and i + 1 < len(words):
        year = _year(words[i + 1])
    explicit_year = year is not None
    year = year or story.year
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if not explicit_year and found > story:
        if (found - story).days <= 90:
            return found  # "will meet on 20 December": a plan (the caller drops days after the story)
        try:
            found = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return found


def resolve_date(words: list[str], story: dt.date | None) -> dt.date | None:
    """The day a run of tokens (lower-case texts, in order) pins, relative to the story date."""
    if story is None:
        return None
    # An explicit day is the most precise: "on Friday, December 1" is December 1 whatever the
    # story date's weekday arithmetic would give.
    for i, w in enumerate(words):
        if w.rstrip(".") in MONTHS and len(w) >= 3:
            found = _explicit(words, i, story)
            if found is not None:
                return found if found <= story else None  # after the story date: a plan
    for i, w in enumerate(words):
        if w in WEEKDAYS and len(w) > 3:
            back = (story.weekday() - WEEKDAYS[w]) % 7
            # "next Thursday" and "on Thursday" in a future clause are not past events.
            if i > 0 and words[i - 1] in ("next", "coming"):
                continue
            return story - dt.timedelta(days=back)
        if w in RELATIVE:
            return story + dt.timedelta(days=RELATIVE[w])
        if w == "last" and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt == "week":
                return story - dt.timedelta(days=7)
            if nxt == "month":
                y, m = (story.year, story.month - 1) if story.month > 1 else (story.year - 1, 12)
                return dt.date(y, m, min(story.day, calendar.monthrange(y, m)[1]))
            if nxt in WEEKDAYS and len(nxt) > 3:
                back = (story.weekday() - WEEKDAYS[nxt]) % 7 or 7
                return story - dt.timedelta(days=back)
    return None


def event_date(sent, verb_i: int, story: dt.date | None) -> dt.date | None:
    """Date of the event whose verb is token ``verb_i``: a date in the verb's own clause first,
    then one anywhere in the sentence that no other verb's clause claims; else the story date."""
    if story is None:
        return None
    verb = sent.doc[verb_i]
    own = sorted((t for t in verb.subtree if not _in_other_clause(t, verb)), key=lambda t: t.i)
    found = resolve_date([t.lower_ for t in own], story)
    if found is not None:
        return found
    if verb.dep_ in ("ccomp", "xcomp"):
        # "X said on Thursday that Y attacked Z": the report's date is the best evidence left.
        gov = verb.head
        words = [t.lower_ for t in sorted(gov.subtree, key=lambda t: t.i) if not verb.is_ancestor(t) and t is not verb]
        found = resolve_date(words, story)
        if found is not None:
            return found
    return story


def _in_other_clause(t, verb) -> bool:
    """Whether token t sits in a clause embedded under ``verb`` (a reported or relative clause)."""
    while t.i != verb.i:
        if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        t = t.head
    return False
