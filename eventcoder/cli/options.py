"""Option values shared by several commands."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError


def parse_day(value: str | None, option: str = "--date") -> dt.date | None:
    """An ISO day given on the command line, or None; a clean error naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'{value}' is not a date", field=option, fix="write it as YYYY-MM-DD, e.g. 2017-12-08") from None
