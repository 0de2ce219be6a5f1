"""What every dictionary reader and writer shares: where the bundled dictionaries are, and the key
under which phrases are compared.

The native reader (native.py), the PETRARCH reader (petrarch.py) and the compiler import this
module; it imports none of them, so native.py and petrarch.py need not import each other.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DictionaryError

#: The spec (and the layer label) of the dictionaries shipped with eventcoder.
BUNDLED_NAME = "bundled"
_SPACES = re.compile(r"\s+")


def bundled_dictionaries_path() -> Path:
    """The dictionaries shipped with eventcoder (source tree or installed wheel)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "dictionaries", here / "data" / "dictionaries"):
        if (candidate / "cameo.txt").is_file():
            return candidate
    raise DictionaryError(
        "the bundled dictionaries are missing",
        file=here.parent / "dictionaries",
        fix="reinstall eventcoder, or pass --dictionaries DIR",
    )


def normalize_phrase(phrase: str) -> str:
    """The key under which a phrase is compared: spaces folded, a leading 'the' dropped.

    Case is kept: short all-capital phrases (``IS``, ``US``) are matched case-sensitively.
    """
    p = _SPACES.sub(" ", phrase.strip().replace("_", " "))
    if p.lower().startswith("the "):
        p = p[4:]
    return p


def is_case_sensitive(phrase: str) -> bool:
    """``IS``, ``US``, ``U.N.``: all capitals, one token of at most three letters."""
    letters = phrase.replace(".", "")
    return " " not in phrase and letters.isalpha() and letters.isupper() and len(letters) <= 3


def phrase_key(phrase: str) -> str:
    p = normalize_phrase(phrase)
    return p if is_case_sensitive(p) else p.lower()
