"""``eventcoder actors suggest``: unknown actors found, ranked and written as a dictionary fragment."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, needs_model
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries import native
from eventcoder.dictionaries.fragment import FragmentEntry, format_fragment, fragment_phrase
from eventcoder.dictionaries.model import ACTOR_CODE_RE, ACTOR_TYPES
from eventcoder.suggest import Mention, Tally, compose_code, entry_type, merge_surnames, rank

STORIES = [
    {"id": "s1", "date": "2024-07-01", "text": "Kenyan Interior Minister Kipchumba Murkomen said police arrested 20 protesters in "
                                               "Nairobi. Vladimir Putin met Recep Tayyip Erdogan in Ankara."},
    {"id": "s2", "date": "2024-07-02", "text": "Kipchumba Murkomen, Kenya's interior minister, met with opposition leaders in "
                                               "Mombasa on Monday."},
    {"id": "s3", "date": "2024-07-03", "text": "Kenyan police chief Douglas Kanja ordered officers to withdraw from Kisumu."},
    {"id": "s4", "date": "2024-07-04", "text": "Kenya Airways suspended flights to Mogadishu after Al-Shabaab militants attacked "
                                               "the airport. Kipchumba Murkomen criticized the attack."},
    {"id": "s5", "date": "2024-07-05", "text": "Sudanese General Yasir al-Atta accused the Rapid Support Forces of attacking "
                                               "civilians in Khartoum."},
    {"id": "s6", "date": "2024-07-06", "text": "Douglas Kanja met with Kenya Airways executives. Kenya Airways rejected the "
                                               "demands of the pilots' union."},
]
KNOWN = {"Vladimir Putin", "Recep Tayyip Erdogan", "Kenya", "Kenyan", "Nairobi", "Ankara", "Al-Shabaab", "Rapid Support Forces"}
WIDE = {**os.environ, "COLUMNS": "400"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env=WIDE)


def write_stories(path: Path) -> Path:
    path.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------------------
# Pure parts


def test_compose_code_follows_the_bundled_conventions():
    assert compose_code("person", "KEN", "GOV") == "KENGOV"
    assert compose_code("organisation", "KEN", "BUS") == "MNCKEN"
    assert compose_code("organisation", "USA", "HRI") == "NGOUSAHRI"
    assert compose_code("organisation", None, "NGO") == "NGO"
    assert compose_code("person", None, "COP") == "UISCOP"  # a state role of unknown country
    assert compose_code("group", None, "REB") == "INTREB"
    assert compose_code("place", "SYR", "GOV") == "SYR"
    assert entry_type("organisation", "MNCKEN") == "company" and entry_type("group", "INTREB") == "armed_group"


COUNTRIES = st.one_of(st.none(), st.from_regex(r"[A-Z]{3}", fullmatch=True))
ROLES = st.sampled_from([None, "GOV", "MIL", "COP", "REB", "UAF", "BUS", "NGO", "HRI", "ENV", "GOVHLH", "MED"])
KINDS = st.sampled_from(["person", "organisation", "group", "place", "other"])


@given(KINDS, COUNTRIES, ROLES)
def test_every_guessed_code_is_an_actor_code_with_a_type(kind, country, role):
    code = compose_code(kind, country, role)
    assert ACTOR_CODE_RE.match(code)
    assert entry_type(kind, code) in ACTOR_TYPES
    if country and kind != "organisation":
        assert code.startswith(country)


def test_tally_votes_affiliation_first_then_heaviest_country_and_commonest_role():
    t = Tally()
    t.add(Mention("Ali Musa", "person", "A.", {"KEN": 6, "SOM": 2}, "GOV"))
    t.add(Mention("Ali Musa", "person", "B.", {"SOM": 6}, "MIL"))
    t.add(Mention("Ali Musa", "person", "A.", {}, "GOV"))
    s = t.suggestion()
    assert (s.count, s.examples, s.country, s.role, s.code) == (3, ("A.", "B."), "SOM", "GOV", "SOMGOV")
    t.add(Mention("Ali Musa", "person", "C.", {}, None, affiliation="IGOUNO"))
    assert t.suggestion().code == "IGOUNO"
    tie = Tally()
    tie.add(Mention("X Y", "organisation", "S.", {"UGA": 2, "KEN": 2}, None))
    assert tie.suggestion().country == "KEN"  # a tie goes to the first in alphabetical order


def _tally(name: str, count: int, kind: str = "person") -> Tally:
    t = Tally()
    for i in range(count):
        t.add(Mention(name, kind, f"{name} spoke ({i})."))
    return t


def test_lone_surnames_join_their_one_full_name_or_go():
    tallies = {"kipchumba murkomen": _tally("Kipchumba Murkomen", 2), "murkomen": _tally("Murkomen", 3),
               "putin": _tally("Putin", 1), "smith": _tally("Smith", 1), "kanja": _tally("Kanja", 1)}
    surnames = {"murkomen": {"kipchumba murkomen": "Kipchumba Murkomen"}, "putin": {"vladimir putin": "Vladimir Putin"},
                "smith": {"john smith": "John Smith", "ann smith": "Ann Smith"},
                "kanja": {"douglas kanja": "Douglas Kanja"}}
    out = merge_surnames(tallies, surnames, known={"vladimir putin"})
    names = {s.name: s.count for s in rank(out)}
    # Joined; dropped (a known person); kept apart (two Smiths); named after the full name seen elsewhere.
    assert names == {"Kipchumba Murkomen": 5, "Smith": 1, "Douglas Kanja": 1}


@settings(max_examples=60)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=12), st.integers(1, 9)), max_size=25),
       st.integers(1, 4), st.integers(0, 6), st.randoms(use_true_random=False))
def test_ranking_is_by_count_then_name_and_independent_of_input_order(items, min_count, limit, rnd):
    tallies = {}
    for name, count in items:
        tallies.setdefault(name, _tally(name, count))
    shuffled = list(tallies.items())
    rnd.shuffle(shuffled)
    got = rank(dict(shuffled), min_count, limit)
    assert got == rank(tallies, min_count, limit)
    keys = [(-s.count, s.name) for s in got]
    assert keys == sorted(keys)
    eligible = [t for t in tallies.values() if t.count >= min_count]
    assert len(got) == (min(limit, len(eligible)) if limit else len(eligible))
    assert all(s.count >= min_count for s in got)


# Names as odd as a recogniser can return: separators of the format, comment marks, line breaks of
# every kind, a leading 'the' or '@', spaces and underscores.
ODD_NAME = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)),
                              st.sampled_from(list("|=#_@ \t\n\r\x0b\x0c\x1c\x85\u2028\u00a0")),
                              st.sampled_from(["the ", "The ", "THE_", "..", ",", "Ali", "al-Atta"])),
                    min_size=1, max_size=20).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ODD_NAME, st.from_regex(r"(?:[A-Z]{3}){1,3}", fullmatch=True),
                          st.sampled_from(ACTOR_TYPES), st.text(max_size=40)), max_size=12))
def test_fragment_reads_back_with_the_same_names_codes_and_types(entries):
    chosen, keys = [], set()
    for name, code, kind, comment in entries:
        phrase = fragment_phrase(name)
        if phrase and native.phrase_key(phrase) not in keys:
            keys.add(native.phrase_key(phrase))
            chosen.append(FragmentEntry(name, code, kind, comment))
    assert all(fragment_phrase(fragment_phrase(e.name)) == fragment_phrase(e.name) for e in chosen)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "actors").mkdir()
        (Path(tmp) / "actors" / "suggested.txt").write_text(format_fragment(chosen, "odd\nheader # | ="), encoding="utf-8")
        d, problems = native.read_folder(tmp)
        assert problems == []
        assert [(a.name, a.phrases, tuple(str(c) for c in a.codes), a.type) for a in d.actors] == [
            (fragment_phrase(e.name), (fragment_phrase(e.name),), (e.code,), e.type) for e in chosen]
        from eventcoder.dictionaries.lint import lint

        loaded = native.load_dictionaries([tmp], strict=False)  # what 'dictionaries check -d DIR' reads
        assert [str(p) for p in list(loaded.warnings) + lint(loaded)] == []


def test_fragment_refuses_what_the_format_cannot_hold():
    for bad in (FragmentEntry("|#", "KEN", "person"), FragmentEntry("Ali", "KEN1", "person"),
                FragmentEntry("Ali", "KEN", "warlord")):
        with pytest.raises(ValueError):
            format_fragment([bad])


def test_dataset_sentences_are_read_once_each(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventcoder.suggest_input import ReadCounts, read_texts

    folder = tmp_path / "events"
    (folder / "year=2024").mkdir(parents=True)
    (folder / "_eventcoder.json").write_text(json.dumps({"format": "parquet"}), encoding="utf-8")
    table = pa.table({"sentence_text": ["A met B.", "A met B.", "C attacked D."],
                      "date": pa.array([dt.date(2024, 1, 2), dt.date(2024, 1, 2), dt.date(2024, 1, 3)], pa.date32())})
    pq.write_table(table, folder / "year=2024" / "part-0.parquet")
    counts = ReadCounts()
    texts = list(read_texts([str(folder)], counts))
    assert [(t.text, t.date) for t in texts] == [("A met B.", dt.date(2024, 1, 2)), ("C attacked D.", dt.date(2024, 1, 3))]
    assert counts.texts == 2


@given(st.text(alphabet=" \nab", max_size=60), st.integers(1, 12))
def test_long_texts_are_parsed_in_pieces_the_parser_takes(text, limit):
    from eventcoder.suggest import pieces

    got = list(pieces(text, limit))
    assert "".join(got) == text and all(len(p) <= limit for p in got)


def test_stories_without_a_date_are_read_undated(tmp_path):
    from eventcoder.suggest_input import read_texts

    src = tmp_path / "stories.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "No date here."}) + "\n"
                   + json.dumps({"id": "b", "date": "2020-05-06", "text": "Dated."}) + "\n", encoding="utf-8")
    assert [(t.text, t.date) for t in read_texts([str(src)])] == [("No date here.", None), ("Dated.", dt.date(2020, 5, 6))]
    assert [t.date for t in read_texts([str(src)], default_date=dt.date(2001, 2, 3))] == [dt.date(2001, 2, 3), dt.date(2020, 5, 6)]


def test_bad_options_exit_cleanly(tmp_path):
    src = write_stories(tmp_path / "stories.jsonl")
    out = run("actors", "suggest", str(src), "--min-count", "0")
    assert out.returncode == 1 and "--min-count" in out.stderr and "Traceback" not in out.stderr
    existing = tmp_path / "suggested.txt"
    existing.write_text("keep me\n", encoding="utf-8")
    out = run("actors", "suggest", str(src), "--output", str(existing))
    assert out.returncode == 1 and "exists" in out.stderr and "--overwrite" in out.stderr
    assert existing.read_text(encoding="utf-8") == "keep me\n"


# ----------------------------------------------------------------------------------------------
# With the model


@pytest.fixture(scope="module")
def suggestions():
    from eventcoder.dictionaries.compile import load_lexicon
    from eventcoder.nlp import load_model
    from eventcoder.suggest import suggest_actors
    from eventcoder.suggest_input import Text

    texts = [Text(s["text"], dt.date.fromisoformat(s["date"])) for s in STORIES]
    return suggest_actors(texts, load_lexicon(None), load_model(ner=True))


@needs_model
@pytest.mark.model
def test_unknown_actors_ranked_with_counts_examples_and_codes(suggestions):
    got = [(s.name, s.kind, s.count, s.code, s.type) for s in suggestions]
    assert got[:3] == [
        ("Kenya Airways", "organisation", 3, "MNCKEN", "company"),  # a tie on 3: by name
        ("Kipchumba Murkomen", "person", 3, "KENGOV", "person"),
        ("Douglas Kanja", "person", 2, "KENCOP", "person"),
    ]
    assert ("Yasir al-Atta", "person", 1, "SDNMIL", "person") in got
    murkomen = suggestions[1]
    assert murkomen.examples == (
        "Kenyan Interior Minister Kipchumba Murkomen said police arrested 20 protesters in Nairobi.",
        "Kipchumba Murkomen, Kenya's interior minister, met with opposition leaders in Mombasa on Monday.",
    )
    assert not KNOWN & {s.name for s in suggestions}
    assert [s.name for s in suggestions] == sorted((s.name for s in suggestions), key=lambda n: (
        -next(x.count for x in suggestions if x.name == n), n))


@needs_model
@pytest.mark.model
def test_cli_table_and_fragment_that_passes_the_check(tmp_path):
    src = write_stories(tmp_path / "stories.jsonl")
    fragment = tmp_path / "mine" / "actors" / "suggested.txt"
    out = run("actors", "suggest", str(src), "--min-count", "2", "--output", str(fragment))
    assert out.returncode == 0, out.stderr
    assert "Kipchumba Murkomen" in out.stdout and "KENGOV" in out.stdout and "Yasir al-Atta" not in out.stdout
    assert "3 suggestions from 6 texts" in out.stderr
    text = fragment.read_text(encoding="utf-8")
    assert "# REVIEW person, 3 mentions" in text and "Kenyan Interior Minister Kipchumba Murkomen said" in text
    d, problems = native.read_folder(tmp_path / "mine")
    assert problems == []
    assert [(a.name, str(a.codes[0]), a.type) for a in d.actors] == [
        ("Kenya Airways", "MNCKEN", "company"), ("Kipchumba Murkomen", "KENGOV", "person"),
        ("Douglas Kanja", "KENCOP", "person")]
    check = run("dictionaries", "check", "-d", str(tmp_path / "mine"))
    assert check.returncode == 0 and "0 error(s), 0 warning(s)" in check.stderr, check.stdout + check.stderr
    # Beside the bundled dictionaries (as a maintainer adds it): no finding about the fragment.
    check = run("dictionaries", "check", "-d", "bundled", "-d", str(tmp_path / "mine"))
    assert check.returncode == 0 and "0 error(s)" in check.stderr
    assert str(fragment) not in check.stdout
    counted = Counter(line.split(" = ")[1] for line in text.splitlines() if " = " in line and not line.startswith("#"))
    assert counted == Counter({"MNCKEN": 1, "KENGOV": 1, "KENCOP": 1})
