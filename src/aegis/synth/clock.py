"""Epoch-second timestamps to FHIR text. Everything is UTC with an explicit `+00:00` offset."""

from __future__ import annotations

import time
from datetime import date

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def instant(seconds: int) -> str:
    """FHIR instant / dateTime with offset, e.g. `2024-03-05T14:30:00+00:00`."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds))


def day_text(day: int) -> str:
    """FHIR date from a day number (days since 1970-01-01), e.g. `1984-07-21`."""
    return date.fromordinal(_EPOCH_ORDINAL + day).isoformat()


def date_text(seconds: int) -> str:
    """FHIR date of the UTC day holding `seconds`."""
    return day_text(seconds // 86_400)


def year_of(day: int) -> int:
    return date.fromordinal(_EPOCH_ORDINAL + day).year


def day_of(year: int, month: int, day: int) -> int:
    return date(year, month, day).toordinal() - _EPOCH_ORDINAL


def age_on(birth_day: int, on_day: int) -> int:
    """Whole years between two day numbers (birthday not yet reached this year does not count)."""
    born = date.fromordinal(_EPOCH_ORDINAL + birth_day)
    then = date.fromordinal(_EPOCH_ORDINAL + on_day)
    return then.year - born.year - ((then.month, then.day) < (born.month, born.day))


def day_number(text: str) -> int:
    """Day number of a FHIR date `YYYY-MM-DD` (inverse of `day_text`)."""
    return date.fromisoformat(text).toordinal() - _EPOCH_ORDINAL
