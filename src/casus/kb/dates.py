"""Date helpers shared by the knowledge base and its adapters."""

from __future__ import annotations

import datetime as dt

from casus.errors import InvalidInputError


def parse_date(value: str | dt.date | None, *, field: str = "date") -> dt.date:
    """Parse an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or return today's date for ``None``.

    Partial dates resolve to their first day.

    >>> parse_date("2024-06-25")
    datetime.date(2024, 6, 25)
    >>> parse_date("2022-01")
    datetime.date(2022, 1, 1)

    Raises:
        InvalidInputError: The value is not a date.
    """
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidInputError(f"{field}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-06-25")


def in_span(on: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether ``on`` lies in the half-open span ``[start, end)`` (``None`` is open)."""
    return (start is None or start <= on) and (end is None or on < end)
