"""PLOVER beside CAMEO: the PLOVER event type, mode and context of a CAMEO event code.

The facts are the 2021 CAMEO-to-PLOVER table of the PLOVER project, bundled in
``eventcoder/data/cameo_plover.txt`` (its header says where they come from) and read once, when
this module is imported. A lookup is one dict access.

A code takes only its own line of the table. The table lists every three- and four-digit code of
CAMEO roots 03-20, and a child does not always share its parent's event (0813 is RETREAT under
081 CONCEDE, 1712 ASSAULT under 171 COERCE), so a code the table lacks is not given its parent's
category: it has none. Roots 01 and 02 (statements and appeals) have none either: PLOVER drops
them (:data:`DROPPED_ROOTS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent / "data" / "cameo_plover.txt"


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER category of one CAMEO code."""

    event: str
    mode: str | None
    contexts: tuple[str, ...]


def _field(text: str) -> str | None:
    return None if text == "-" else text


def read_table(path: Path = TABLE_PATH) -> tuple[dict[str, Plover], frozenset[str]]:
    """The categories by CAMEO code, and the roots PLOVER drops; a malformed line raises
    ``ValueError`` naming the file and line (the file ships with eventcoder: a test reads it)."""
    table: dict[str, Plover] = {}
    dropped: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4 or not parts[0].isdigit() or not 2 <= len(parts[0]) <= 4:
            raise ValueError(f"{path}:{number}: expected 'CODE | EVENT | MODE | CONTEXT', got {line!r}")
        code, event, mode, context = parts
        if event == "-":
            dropped.add(code)
            continue
        contexts = tuple(c.strip() for c in context.split(",")) if context != "-" else ()
        table[code] = Plover(event, _field(mode), contexts)
    return table, frozenset(dropped)


#: PLOVER category by CAMEO event code ("0841" -> RETREAT, release, legal).
TABLE, DROPPED_ROOTS = read_table()
#: The two columns of the events output, by CAMEO event code.
EVENTS: dict[str, str] = {code: p.event for code, p in TABLE.items()}
MODES: dict[str, str] = {code: p.mode for code, p in TABLE.items() if p.mode is not None}


def category(code: str) -> Plover | None:
    """The PLOVER category of a CAMEO code, or None (roots 01 and 02, or a code not in the table)."""
    return TABLE.get(code)


def is_dropped(code: str) -> bool:
    """Whether PLOVER drops the code's root (CAMEO 01 statements and 02 appeals)."""
    return code[:2] in DROPPED_ROOTS
