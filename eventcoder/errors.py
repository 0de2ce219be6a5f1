"""The one exception family of eventcoder.

Every error carries a number (``E###``), the place it concerns (file, line, field or entry) and
what to do about it, so the CLI can print it as one clean line and exit non-zero.
"""

from __future__ import annotations

from pathlib import Path


class EventcoderError(Exception):
    """Base class: a problem the user can fix. ``str(err)`` is the full actionable message."""

    code = "E000"

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        entry: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.entry = entry
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self):
        # Picklable with every field (to and from Dask workers and worker processes).
        where = {"file": self.file, "line": self.line, "field": self.field, "entry": self.entry, "fix": self.fix}
        return (_rebuild, (type(self), self.message, where))

    @property
    def where(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field '{self.field}'")
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        return ", ".join(parts)

    def render(self) -> str:
        where = self.where
        text = f"[{self.code}] {where + ': ' if where else ''}{self.message}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return text


def _rebuild(cls: type, message: str, where: dict) -> EventcoderError:
    return cls(message, **where)


class InputError(EventcoderError):
    """A story record cannot be read: bad JSON, missing text, bad date, bad encoding."""

    code = "E100"


class DictionaryError(EventcoderError):
    """A dictionary entry is malformed or contradicts another one."""

    code = "E200"


class ModelError(EventcoderError):
    """No spaCy pipeline could be loaded."""

    code = "E300"


class OutputError(EventcoderError):
    """The output location cannot be written as asked (exists, not writable)."""

    code = "E400"


class GoldError(EventcoderError):
    """A gold-standard (validation) file is malformed."""

    code = "E500"


class EngineError(EventcoderError):
    """A parallel or distributed run could not be set up or did not finish."""

    code = "E600"


class DatasetError(EventcoderError):
    """A dataset given to read (``report``, ``export``) is missing or is not an eventcoder dataset."""

    code = "E700"


class ResumeError(EventcoderError):
    """A run cannot be resumed as asked (inputs, options or dictionaries changed), or a partial
    output of an interrupted run is in the way."""

    code = "E800"


class Interrupted(BaseException):
    """The run was stopped by a signal: Ctrl-C (SIGINT) or SIGTERM.

    Like KeyboardInterrupt it is not an ``Exception``, so it passes every ``except Exception``
    and every cleanup (``finally``, ``with``) runs: the dataset writer removes its temporary
    output. The CLI installs the handlers that raise it and exits with ``128 + signum`` (130 for
    Ctrl-C, 143 for SIGTERM)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def signal_name(self) -> str:
        import signal

        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"
