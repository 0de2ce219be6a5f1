"""eventcoder: code news text into CAMEO event data with spaCy parses and editable dictionaries."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import EventcoderError  # noqa: E402
from .records import Event, Rejected, Story  # noqa: E402


def __getattr__(name: str):
    # Coder pulls in spaCy; import it only when asked for.
    if name == "Coder":
        from .pipeline import Coder

        return Coder
    raise AttributeError(name)


__all__ = ["Coder", "Event", "EventcoderError", "Rejected", "Story", "__version__"]
