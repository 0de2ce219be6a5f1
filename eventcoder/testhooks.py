"""Test-only crash points: make the process kill itself (SIGKILL) at a named moment.

``EVENTCODER_TEST_KILL_AT=in-commit`` makes :func:`kill_point` ``("in-commit")`` send SIGKILL to the
running process, so the crash tests (tests/test_resume.py) can kill a run exactly inside the final
commit, which a kill from outside at a random time hardly ever hits. The points are
``before-commit`` (every chunk done, nothing committed), ``in-commit`` (the metadata written, the
output not yet renamed into place) and ``after-commit`` (renamed, the checkpoints not yet
removed). Not for users: unset, it does nothing.
"""

from __future__ import annotations

import os
import signal

ENV = "EVENTCODER_TEST_KILL_AT"


def kill_point(name: str) -> None:
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
