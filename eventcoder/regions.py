"""Regions that qualify a reference to a country ("the South American country", "the Baltic
state"): the bundled ``dictionaries/regions.txt``, read once, as lower-case adjective -> the
CAMEO country codes of the region."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .errors import DictionaryError

_CODE = re.compile(r"^[A-Z]{3}$")


def parse(path: Path) -> dict[str, frozenset[str]]:
    """``path`` as lower-case adjective -> country codes; a malformed line is an error naming it."""
    out: dict[str, frozenset[str]] = {}
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        names, sep, codes = line.partition("=")
        members = codes.split()
        bad = [c for c in members if not _CODE.match(c)]
        if not sep or not names.strip() or not members or bad:
            raise DictionaryError(
                f"'{raw.strip()}' is not a region line" + (f" (bad codes: {', '.join(bad)})" if bad else ""),
                file=path, line=number,
                fix="write `Adjective | Alternative = CODE CODE ...` with three-letter CAMEO country codes",
            )
        for name in names.split("|"):
            out[" ".join(name.lower().split())] = frozenset(members)
    return out


@lru_cache(maxsize=1)
def regions() -> dict[str, frozenset[str]]:
    from .dictionaries.common import bundled_dictionaries_path

    path = bundled_dictionaries_path() / "regions.txt"
    return parse(path) if path.is_file() else {}
