"""Lint findings are warnings about likely mistakes, each with its origin."""

from __future__ import annotations

import datetime as dt

from eventcoder.dictionaries.lint import lint
from eventcoder.dictionaries.model import (
    ActorEntry, AgentEntry, CameoCode, DatedCode, Dictionaries, Origin, VerbPattern, Words,
)

D = dt.date


def _d() -> Dictionaries:
    d = Dictionaries()
    d.cameo = {"190": CameoCode("190", "Use conventional military force", -10.0)}
    return d


def test_clean_dictionaries_have_no_findings() -> None:
    d = _d()
    d.actors = [ActorEntry("Russia", ("Russia",), (DatedCode("RUS"),), "country", Origin("a.txt", 1))]
    d.agents = [AgentEntry("rebel", ("rebel",), "REB", False, Origin("g.txt", 1))]
    d.verbs = [VerbPattern(("attack",), (Words((("town",),), "town"),), "190", origin=Origin("v.txt", 1))]
    assert lint(d) == []


def test_duplicate_phrase_with_same_code() -> None:
    d = _d()
    d.actors = [
        ActorEntry("Russia", ("Russia",), (DatedCode("RUS"),), "country", Origin("a.txt", 1)),
        ActorEntry("the Russia", ("russia",), (DatedCode("RUS"),), "country", Origin("a.txt", 7)),
    ]
    found = lint(d)
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].origin == Origin("a.txt", 7) and "a.txt:1" in found[0].message


def test_gap_in_a_persons_ranges() -> None:
    d = _d()
    codes = (DatedCode("USAELI", None, D(2000, 1, 1)), DatedCode("USAGOV", D(2009, 1, 20), None))
    d.actors = [ActorEntry("Barack Obama", ("Barack Obama",), codes, "person", Origin("p.txt", 3))]
    found = lint(d)
    assert len(found) == 1
    assert "2000-01-02 to 2009-01-19" in found[0].message and found[0].severity == "warning"
    # Ranges that meet leave no gap.
    meet = (DatedCode("USAELI", None, D(2009, 1, 19)), DatedCode("USAGOV", D(2009, 1, 20), None))
    d.actors = [ActorEntry("Barack Obama", ("Barack Obama",), meet, "person", Origin("p.txt", 3))]
    assert lint(d) == []


def test_agents_that_never_compose_and_unknown_codes() -> None:
    d = _d()
    d.agents = [AgentEntry("odd", ("odd",), "GOVX", False, Origin("g.txt", 2))]
    d.verbs = [VerbPattern(("attack",), (), "999", "190", origin=Origin("v.txt", 4), text="attack = 999:190")]
    found = {(str(p.origin), p.severity) for p in lint(d)}
    assert found == {("g.txt:2", "warning"), ("v.txt:4", "warning")}
