"""FHIRPath lowBoundary() / highBoundary() (experimental in SQL on FHIR v2), as plan expressions.

The boundary of a value is the least (or greatest) value its precision allows:
- decimal: half a unit of the last written digit off (1.0 -> 0.95 .. 1.05; 1 -> 0.5 .. 1.5);
- date: missing month/day filled (1970-06 -> 1970-06-01 .. 1970-06-30, leap years included);
- dateTime: missing parts filled to the millisecond, a missing time zone the widest (+14:00 low, -12:00 high);
- time: missing parts filled to the millisecond (12:34 -> 12:34:00.000 .. 12:34:59.999).

Results are text in FHIR's string form (the spec maps date, dateTime and time to CHARACTER VARYING). Which
rule applies comes from ofType() when the path has one; otherwise from the value: a JSON number is a
decimal, and the string's shape tells a date from a dateTime or a time. Every pattern below is anchored at
both ends, so full-match and search semantics agree on every engine; none uses a backslash.
"""

from __future__ import annotations

from aegis.views.plan import (
    Arithmetic,
    Case,
    Cast,
    Compare,
    Concat,
    IsJsonKind,
    JsonValue,
    Literal,
    Logical,
    RegexGroup,
    RegexMatches,
    RepeatText,
    Scalar,
    SqlType,
    Substring,
    TextLength,
)

DATE_SHAPE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DATE_TIME_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T.*$"
TIME_SHAPE = "^[0-9]{2}(:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$"
_SECONDS = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
_ZONE = "(Z|[+-][0-9]{2}:[0-9]{2})"
# The widest offsets a FHIR dateTime can have: the earliest instant is at +14:00, the latest at -12:00.
LOW_ZONE, HIGH_ZONE = "+14:00", "-12:00"

SUPPORTED_TYPES = frozenset({"decimal", "date", "dateTime", "instant", "time"})


def _text(value: str) -> Literal:
    return Literal(value, SqlType.TEXT)


def _integer(value: int) -> Literal:
    return Literal(value, SqlType.INTEGER)


def _concat(*parts: Scalar) -> Concat:
    return Concat(parts)


def _length_is(text: Scalar, length: int) -> Compare:
    return Compare("=", TextLength(text), _integer(length))


def boundary(item: Scalar, fhir_type: str | None, low: bool) -> Scalar:
    """lowBoundary() (low=True) or highBoundary() of JSON `item` (a bound value: it is used many times), as
    text; NULL when empty or not a decimal, date, dateTime or time."""
    text = JsonValue(item, SqlType.TEXT)
    rules = {
        "decimal": lambda: _decimal(item, text, low),
        "date": lambda: _date(text, low),
        "dateTime": lambda: _date_time(text, low),
        "instant": lambda: _date_time(text, low),
        "time": lambda: _time(text, low),
    }
    if fhir_type is not None:
        return rules[fhir_type]()
    return Case(
        (
            (IsJsonKind(item, "number"), _decimal(item, text, low)),
            (RegexMatches(text, DATE_SHAPE), _date(text, low)),
            (RegexMatches(text, DATE_TIME_SHAPE), _date_time(text, low)),
            (RegexMatches(text, TIME_SHAPE), _time(text, low)),
        ),
        None,
        SqlType.TEXT,
    )


def _decimal(item: Scalar, text: Scalar, low: bool) -> Scalar:
    digits = Case(
        ((RegexMatches(text, "^.*[.][0-9]+$"), TextLength(RegexGroup(text, "[.]([0-9]+)$"))),),
        _integer(0),
        SqlType.INTEGER,
    )
    # Half a unit of the last digit, built as text ('0.' + zeros + '5') so it is exact on every engine.
    half_unit = Cast(_concat(_text("0."), RepeatText(_text("0"), digits), _text("5")), SqlType.DECIMAL)
    value = JsonValue(item, SqlType.DECIMAL)
    return Cast(Arithmetic("-" if low else "+", value, half_unit, SqlType.DECIMAL), SqlType.TEXT)


def _days_in_month(text: Scalar) -> Scalar:
    year = Cast(Substring(text, 1, 4), SqlType.INTEGER)
    month = Cast(Substring(text, 6, 2), SqlType.INTEGER)

    def divisible(by: int) -> Compare:
        return Compare("=", Arithmetic("%", year, _integer(by), SqlType.INTEGER), _integer(0))

    def month_is(*numbers: int) -> Scalar:
        condition: Scalar = Compare("=", month, _integer(numbers[0]))
        for number in numbers[1:]:
            condition = Logical("or", condition, Compare("=", month, _integer(number)))
        return condition

    not_a_century = Compare("<>", Arithmetic("%", year, _integer(100), SqlType.INTEGER), _integer(0))
    leap = Logical("and", divisible(4), Logical("or", not_a_century, divisible(400)))
    february = Case(((leap, _text("29")),), _text("28"), SqlType.TEXT)
    return Case(((month_is(4, 6, 9, 11), _text("30")), (month_is(2), february)), _text("31"), SqlType.TEXT)


def _date(text: Scalar, low: bool) -> Scalar:
    year_only = _text("-01-01") if low else _text("-12-31")
    month_end: Scalar = _text("-01") if low else _concat(_text("-"), _days_in_month(text))
    return Case(
        (
            (_length_is(text, 4), _concat(text, year_only)),
            (_length_is(text, 7), _concat(text, month_end)),
            (_length_is(text, 10), text),
        ),
        None,
        SqlType.TEXT,
    )


def _date_time(text: Scalar, low: bool) -> Scalar:
    zone = _text(LOW_ZONE if low else HIGH_ZONE)
    fraction = _text(".000" if low else ".999")
    start_of_day = _text("T00:00:00.000") if low else _text("T23:59:59.999")
    return Case(
        (
            (RegexMatches(text, DATE_SHAPE), _concat(_date(text, low), start_of_day, zone)),
            (RegexMatches(text, f"^{_SECONDS}$"), _concat(text, fraction, zone)),
            (
                RegexMatches(text, f"^{_SECONDS}{_ZONE}$"),
                _concat(Substring(text, 1, 19), fraction, Substring(text, 20, None)),
            ),
            (RegexMatches(text, f"^{_SECONDS}[.][0-9]+$"), _concat(text, zone)),
            (RegexMatches(text, f"^{_SECONDS}[.][0-9]+{_ZONE}$"), text),
        ),
        None,
        SqlType.TEXT,
    )


def _time(text: Scalar, low: bool) -> Scalar:
    return Case(
        (
            (_length_is(text, 2), _concat(text, _text(":00:00.000" if low else ":59:59.999"))),
            (_length_is(text, 5), _concat(text, _text(":00.000" if low else ":59.999"))),
            (_length_is(text, 8), _concat(text, _text(".000" if low else ".999"))),
            (RegexMatches(text, "^[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]+$"), text),
        ),
        None,
        SqlType.TEXT,
    )
