"""Lint findings are warnings about likely mistakes, each with its origin."""

from __future__ import annotations

import datetime as dt

from eventcoder.dictionaries.lint import lint
from eventcoder.dictionaries.model import (
    ActorEntry, AgentEntry, CameoCode, DatedCode, Dictionaries, Discard, Origin, VerbPattern, Words,
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


def test_unknown_event_codes() -> None:
    d = _d()
    d.verbs = [VerbPattern(("attack",), (), "999", "190", origin=Origin("v.txt", 4), text="attack = 999:190")]
    found = {(str(p.origin), p.severity) for p in lint(d)}
    assert found == {("v.txt:4", "warning")}


def _agent_findings(d: Dictionaries) -> list:
    return [p for p in lint(d) if p.message.startswith("agent ")]


def test_agent_that_is_also_an_actor_phrase_never_composes() -> None:
    d = _d()
    d.actors = [ActorEntry("White House", ("White House",), (DatedCode("USAGOV"),), "country", Origin("a.txt", 3))]
    d.agents = [AgentEntry("White House", ("White House",), "MIL", False, Origin("g.txt", 5)),
                AgentEntry("soldier", ("soldier",), "MIL", False, Origin("g.txt", 6))]
    (p,) = _agent_findings(d)
    assert p.origin == Origin("g.txt", 5) and p.severity == "warning"
    assert "a.txt:3" in p.message and "never used" in p.message and p.fix


def test_agent_shadowed_in_its_plural_or_only_on_some_days() -> None:
    d = _d()
    # "Rebels" as an actor takes the agent's generated plural; a person named Bishop takes
    # "bishop" only while one of his ranges applies.
    d.actors = [
        ActorEntry("Rebels", ("Rebels",), (DatedCode("XYZREB"),), "armed_group", Origin("a.txt", 1)),
        ActorEntry("Bishop", ("Bishop",), (DatedCode("AUSGOV", D(2013, 9, 18), D(2018, 8, 27)),), "person", Origin("a.txt", 2)),
    ]
    d.agents = [AgentEntry("rebel", ("rebel",), "REB", False, Origin("g.txt", 1)),
                AgentEntry("bishop", ("bishop",), "CHR", False, Origin("g.txt", 2))]
    found = {str(p.origin): p.message for p in _agent_findings(d)}
    assert "its plural 'rebels'" in found["g.txt:1"] and "never used" in found["g.txt:1"]
    assert "only on days no range" in found["g.txt:2"]
    # Ranges that together cover every day shadow it always.
    d.actors[1] = ActorEntry("Bishop", ("Bishop",), (DatedCode("AUSELI", None, D(2013, 9, 17)),
                                                     DatedCode("AUSGOV", D(2013, 9, 18), None)), "person", Origin("a.txt", 2))
    assert "never used" in {str(p.origin): p.message for p in _agent_findings(d)}["g.txt:2"]


def test_agent_phrase_given_another_code_by_an_earlier_agent() -> None:
    d = _d()
    d.agents = [AgentEntry("defense services", ("defense services",), "GOVMIL", False, Origin("g.txt", 1)),
                AgentEntry("defense service", ("defense service",), "MIL", False, Origin("g.txt", 9)),
                AgentEntry("troop", ("troop", "troops"), "MIL", False, Origin("g.txt", 10))]  # its own plural: fine
    (p,) = _agent_findings(d)
    assert p.origin == Origin("g.txt", 9) and "g.txt:1" in p.message and "defense services" in p.message


def test_agent_containing_a_discard_phrase() -> None:
    d = _d()
    d.discards = [Discard("typhoon", False, Origin("x.txt", 4))]
    d.agents = [AgentEntry("eurofighter typhoon", ("eurofighter typhoon",), "MIL", False, Origin("g.txt", 3)),
                AgentEntry("pilot", ("pilot",), "MIL", False, Origin("g.txt", 4))]
    (p,) = _agent_findings(d)  # once, not again for the plural
    assert p.origin == Origin("g.txt", 3) and "x.txt:4" in p.message and "sentence" in p.message


def test_bundled_agents_are_not_shadowed_by_other_agents_or_discards() -> None:
    from eventcoder.dictionaries.native import load_dictionaries

    found = _agent_findings(load_dictionaries(None))
    assert not [p for p in found if "already agent" in p.message or "discard" in p.message], found
