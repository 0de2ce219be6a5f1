"""The compiled-dictionary cache: keyed by content, rebuilt when broken, never required."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from conftest import MINI
from eventcoder.dictionaries import compile as comp


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture()
def mini(tmp_path):
    return shutil.copytree(MINI, tmp_path / "mini")


def test_second_load_reads_the_cache(cache, mini):
    first = comp.load_lexicon([str(mini)])
    (pkl,) = cache.glob("lexicon-*.pkl")
    second = comp.load_lexicon([str(mini)])
    assert second.fingerprint == first.fingerprint
    assert second.dictionaries.actors == first.dictionaries.actors
    assert list(cache.glob("lexicon-*.pkl")) == [pkl]
    # Read back lazily (entries unpickled when first read), the compile is the same.
    assert isinstance(second.dictionaries.actors, comp.LazyList)
    assert list(second.dictionaries.verbs) == list(first.dictionaries.verbs)
    assert second.verbs == first.verbs
    assert second.mention_openings == first.mention_openings and second.surnames == first.surnames
    assert [second.actor(i) for i in range(len(first.dictionaries.actors))] == first.dictionaries.actors


def test_a_cached_compile_holds_every_table_derived_from_all_actors(cache, mini):
    """A table that reads every actor entry, computed after the cache is read, would unpickle all
    of them on the first story that asks (the surnames of a dated story: half a second)."""
    derived = {name for name, value in vars(comp.Lexicon).items() if isinstance(value, functools.cached_property)}
    assert derived == set(comp.WARM_PROPERTIES)
    first = comp.load_lexicon([str(mini)])
    second = comp.load_lexicon([str(mini)])
    assert derived <= set(vars(second))
    assert not any(second.dictionaries.actors._items)  # no entry unpickled yet
    for name in derived:
        assert getattr(second, name) == getattr(first, name)


def test_editing_a_dictionary_changes_the_key(cache, mini):
    comp.load_lexicon([str(mini)])
    actors = mini / "actors" / "actors.txt"
    actors.write_text(actors.read_text() + "Gondor = GON\n")
    lex = comp.load_lexicon([str(mini)])
    assert len(list(cache.glob("lexicon-*.pkl"))) == 2
    assert any(a.name == "Gondor" for a in lex.dictionaries.actors)


def test_a_broken_cache_file_is_rebuilt(cache, mini):
    comp.load_lexicon([str(mini)])
    (pkl,) = cache.glob("lexicon-*.pkl")
    pkl.write_bytes(b"not a pickle")
    lex = comp.load_lexicon([str(mini)])
    assert lex.dictionaries.actors
    assert pkl.read_bytes() != b"not a pickle"


def test_an_unusable_cache_folder_still_codes(tmp_path, monkeypatch, mini):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(blocker / "cache"))  # cannot be a folder
    assert comp.load_lexicon([str(mini)]).dictionaries.actors
    assert comp.load_lexicon([str(mini)]).dictionaries.actors


def test_old_compiles_are_pruned(cache, mini, monkeypatch):
    monkeypatch.setattr(comp, "CACHE_KEEP", 2)
    actors = mini / "actors" / "actors.txt"
    for k, code in enumerate(["AAA", "BBB", "CCC", "DDD"]):
        actors.write_text(actors.read_text() + f"Land {code.lower()} = {code}\n")
        comp.load_lexicon([str(mini)])
        for pkl in cache.glob("lexicon-*.pkl"):  # older files look older
            os.utime(pkl, (pkl.stat().st_mtime - 10, pkl.stat().st_mtime - 10))
    kept = list(cache.glob("lexicon-*.pkl"))
    assert len(kept) == 2
    assert comp.cache_dir() / f"lexicon-{comp.specs_fingerprint([str(mini)])}.pkl" in kept


def test_petrarch_lists_and_globs_have_a_key(tmp_path):
    a = tmp_path / "X.actors.txt"
    a.write_text("GONDOR [GON]\n")
    key = comp.specs_fingerprint([f"petrarch:{a}"])
    assert key is not None and comp.specs_fingerprint([f"petrarch:{tmp_path}/X.*"]) is not None
    a.write_text("GONDOR [GON]\nARNOR [ARN]\n")
    assert comp.specs_fingerprint([f"petrarch:{a}"]) != key  # the listed file's content is in the key
    assert comp.specs_fingerprint([f"petrarch:{Path(tmp_path) / 'missing.txt'}"]) is None
