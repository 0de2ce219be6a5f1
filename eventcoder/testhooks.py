"""Test-only crash points: make the process kill itself (SIGKILL) at a named moment.

``EVENTCODER_TEST_KILL_AT=in-commit`` makes :func:`kill_point` ``("in-commit")`` send SIGKILL to the
running process, so the crash tests (tests/test_resume.py) can kill a run exactly inside the final
commit, which a kill from outside at a random time hardly ever hits. The points are
``before-commit`` (every chunk done, nothing committed), ``in-commit`` (the metadata written, the
output not yet renamed into place) and ``after-commit`` (renamed, the checkpoints not yet
removed). Not for users: unset, it does nothing. :func:`disk_point` likewise fails a durable write as a full
disk would.
"""

from __future__ import annotations

import os
import signal

ENV = "EVENTCODER_TEST_KILL_AT"
#: ``EVENTCODER_TEST_DISK_FULL_AT=N`` (or ``N:EROFS``): the N-th durable write of the process
#: fails as on a full disk (or a read-only one), for the tests of what a run does then.
DISK_ENV = "EVENTCODER_TEST_DISK_FULL_AT"
_writes = 0


def kill_point(name: str) -> None:
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def disk_point(path) -> None:
    """Raise the OSError of a full (or read-only) disk at the durable write that the test asks for."""
    setting = os.environ.get(DISK_ENV)
    if not setting:
        return
    global _writes
    _writes += 1
    at, _, name = setting.partition(":")
    if _writes == int(at):
        import errno

        code = getattr(errno, name or "ENOSPC")
        raise OSError(code, os.strerror(code), str(path))
