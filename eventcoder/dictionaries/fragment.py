"""Write actor entries as a native dictionary fragment: one ``actors/*.txt`` file to review and add.

A fragment is an ordinary actors file (docs/dictionaries.md): ``@type`` directives, and one
``NAME = CODE`` line per entry, each after a comment line that says why it is there. Entries keep
the order given (a ranking); an ``@type`` line is written whenever the type changes.

Names are written so that the native reader gives them back unchanged: :func:`fragment_phrase`
removes what the format reserves (``|`` between alternatives, ``=`` before the code, ``#`` for
comments, ``_`` read as a space, a leading ``@`` or ``the``) and folds every run of white space,
line breaks included, into one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .model import ACTOR_CODE_RE, ACTOR_TYPES
from .native import normalize_phrase

_RESERVED = re.compile(r"[|=#_]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FragmentEntry:
    """One entry: its name (the one phrase written), code, ``@type`` and comment."""

    name: str
    code: str
    type: str
    comment: str = ""


def fragment_phrase(name: str) -> str:
    """``name`` as a phrase the native format reads back as written ('' when nothing is left)."""
    text = _SPACES.sub(" ", _RESERVED.sub(" ", name)).strip()
    while True:
        stripped = normalize_phrase(text.lstrip("@ "))
        if stripped == text:
            return text
        text = stripped


def comment_text(text: str) -> str:
    """``text`` on one comment line: white space folded (a line break would end the comment)."""
    return _SPACES.sub(" ", text).strip()


def format_fragment(entries: Iterable[FragmentEntry], header: str = "") -> str:
    """The fragment's text. ``header`` lines become comments at the top. Raises ``ValueError`` for
    an entry the format cannot hold (an empty name, a malformed code, an unknown type)."""
    lines = [f"# {comment_text(line)}".rstrip() for line in header.splitlines()]
    current = None
    for e in entries:
        phrase = fragment_phrase(e.name)
        if not phrase:
            raise ValueError(f"the name {e.name!r} has nothing left to write")
        if not ACTOR_CODE_RE.match(e.code):
            raise ValueError(f"{e.code!r} is not an actor code (entry {phrase!r})")
        if e.type not in ACTOR_TYPES:
            raise ValueError(f"{e.type!r} is not an actor type (entry {phrase!r})")
        if e.type != current:
            lines += ["", f"@type {e.type}"]
            current = e.type
        if e.comment:
            lines.append(f"# {comment_text(e.comment)}")
        lines.append(f"{phrase} = {e.code}")
    return "\n".join(lines).lstrip("\n") + "\n"
