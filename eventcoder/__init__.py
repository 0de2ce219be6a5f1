"""eventcoder: code news text into CAMEO event data with spaCy parses and editable dictionaries."""

from __future__ import annotations

from ._version import __version__
from .errors import EventcoderError
from .records import Event, Rejected, Story


def __getattr__(name: str):
    # Coder pulls in spaCy; import it only when asked for.
    if name == "Coder":
        from .pipeline import Coder

        return Coder
    raise AttributeError(name)


__all__ = ["Coder", "Event", "EventcoderError", "Rejected", "Story", "__version__"]
