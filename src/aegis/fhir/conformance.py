"""FHIR R4 conformance of one resource, driven by the official element model (`r4_model.json`).

`check_resource(resource) -> list[ValidationError]`: an empty list means the resource conforms to the base
R4 specification as far as this module checks it (docs/fhir-conformance.md lists exactly what):

- the resource type is an R4 resource type (not abstract);
- every property is an element of its type (no unknown elements), with the JSON shape of its type:
  an array where the cardinality is `*`, a single value where it is `1`, an object for complex types;
- required elements (min 1) are present (a primitive counts as present with only its `_name` sibling);
- at most one variant of a choice element (`value[x]`);
- primitives follow the spec's regex (dates of any precision, instants with any number of fractional
  digits, leap seconds), integers their range, and full dates are real calendar dates;
- no empty string, array or object (FHIR JSON forbids them; invariant ele-1);
- a `code` with a required binding is one of its value set's codes (211 value sets expanded from the
  package; the two it cannot expand, currencies and MIME types, are checked for format only);
- invariant per-1 (a Period does not end before it starts) and well-formed `Reference.reference` values;
- contained resources and `Bundle.entry.resource` are checked as resources in their own right.

It never raises on any JSON value and never copies a value into an error: errors are `(code, path)`.
Checkers are closures built once per type on first use, so a resource costs one dictionary look-up and
one call per element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import orjson

from aegis.ingest.errors import (
    INVALID_TYPE,
    INVALID_VALUE,
    INVARIANT_FAILED,
    MISSING_REQUIRED,
    MULTIPLE_CHOICE,
    NESTING_TOO_DEEP,
    NOT_A_RESOURCE,
    UNKNOWN_ELEMENT,
    UNKNOWN_RESOURCE_TYPE,
    ValidationError,
)

# Deeper than any resource of the specification's examples needs (Questionnaire items nest about ten
# levels): a limit of ours, so that no input can exhaust the stack. Documented in fhir-conformance.md.
MAX_DEPTH = 96
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1

Errors = list[ValidationError]
# check(value, path, errors, depth): appends what is wrong with `value` found at `path`.
Check = Callable[[Any, str, Errors, int], None]

# Relative (`Patient/1`, with an optional `_history/2`), absolute URL of such a reference, local
# (`#contained-id`), `urn:uuid:` / `urn:oid:` (Bundle-internal), and conditional (`Patient?identifier=...`).
_REFERENCE = re.compile(
    r"(?:[a-z][a-z0-9+.\-]*://\S+/)?([A-Z][A-Za-z]+)/[A-Za-z0-9\-.]{1,64}(?:/_history/[A-Za-z0-9\-.]{1,64})?"
    r"|#\S*|urn:uuid:[0-9a-fA-F\-]{36}|urn:oid:[0-2](?:\.(?:0|[1-9][0-9]*))+"
    r"|([A-Z][A-Za-z]+)\?\S*|[a-z][a-z0-9+.\-]*://\S+"
)


@cache
def model() -> dict[str, Any]:
    """The compiled R4 element model (see aegis.fhir.build_model)."""
    data: dict[str, Any] = orjson.loads(resources.files("aegis.fhir").joinpath("r4_model.json").read_bytes())
    return data


@cache
def resource_types() -> frozenset[str]:
    """Every concrete R4 resource type."""
    return frozenset(
        name for name, spec in model()["types"].items() if spec["kind"] == "resource" and not spec["abstract"]
    )


# --- primitives ----------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    kind = type(value)
    return kind is int or kind is float or (kind is Decimal and value.is_finite())  # type: ignore[attr-defined]


def _valid_calendar_date(text: str) -> bool:
    """A full `YYYY-MM-DD` prefix must be a real date (the regex allows 2021-02-31)."""
    if len(text) < 10:
        return True
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def xml_schema_regex(pattern: str) -> str:
    """The spec's regexes are XML Schema regexes, where `\\s` is exactly space, tab, CR and LF; in Python
    it also matches Unicode spaces (a no-break space in a display text would fail `string`)."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped == "s":
                out.append(" \\t\\n\\r" if in_class else "[ \\t\\n\\r]")
            elif escaped == "S":
                # Inside a class only `[ \r\n\t\S]` occurs in R4: there it means "any character".
                out.append("\\s\\S" if in_class else "[^ \\t\\n\\r]")
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


# `string` and `markdown` allow any non-empty text: no regex to run.
_ANY_TEXT = r"[ \r\n\t\S]+"


def _text_matcher(regex: str | None) -> Callable[[str], object] | None:
    if not regex or regex == _ANY_TEXT:
        return None
    return re.compile(xml_schema_regex(regex)).fullmatch


def _primitive_test(name: str, regex: str | None, json_kind: str) -> Callable[[Any], bool]:
    """value -> conforms? for one primitive type."""
    if json_kind == "boolean":
        return lambda value: type(value) is bool
    if json_kind == "integer":
        low = 1 if name == "positiveInt" else 0 if name == "unsignedInt" else INT32_MIN

        def integer(value: Any) -> bool:
            return type(value) is int and low <= value <= INT32_MAX

        return integer
    if json_kind == "number":
        return _is_number
    matcher = _text_matcher(regex)
    dated = name in ("date", "dateTime", "instant")

    def text(value: Any) -> bool:
        if type(value) is not str or not value:
            return False
        if matcher is not None and matcher(value) is None:
            return False
        return not dated or _valid_calendar_date(value)

    return text


@cache
def _primitive_tests() -> dict[str, Callable[[Any], bool]]:
    return {
        name: _primitive_test(name, spec["regex"], spec["json"])
        for name, spec in model()["primitives"].items()
    }


_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float, Decimal),
    "string": (str,),
}


def _primitive_error(json_kind: str, value: object) -> str:
    """Which code a failing primitive gets: the wrong JSON type, or the right type with a bad value."""
    right_kind = type(value) in _JSON_KINDS[json_kind] and not (
        json_kind != "boolean" and type(value) is bool
    )
    # An integer beyond 64 bits is decoded as an exact Decimal: an integer out of range, not a fraction.
    big_integer = json_kind == "integer" and isinstance(value, Decimal) and value == value.to_integral_value()
    return INVALID_VALUE if right_kind or big_integer else INVALID_TYPE


# --- types ---------------------------------------------------------------------------------------


@dataclass
class _Table:
    """Everything needed to check an object of one type."""

    name: str
    is_resource: bool
    checks: dict[str, Check] = field(default_factory=dict)
    # json name -> choice group (`valueQuantity` -> `value`), only for choice elements
    choice_of: dict[str, str] = field(default_factory=dict)
    # json names of primitive elements: `_name` may carry their id and extensions
    primitive_arrays: dict[str, bool] = field(default_factory=dict)
    # required element -> the json names that satisfy it (all variants of a choice)
    required: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The same, flattened for the hot loop: (first name, its `_name`, every accepted key).
    required_keys: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    post: Callable[[dict[str, Any], str, Errors], None] | None = None


_TABLES: dict[str, _Table] = {}


def _table(type_name: str) -> _Table:
    table = _TABLES.get(type_name)
    if table is None:
        table = _TABLES[type_name] = _build_table(type_name)
    return table


def _build_table(type_name: str) -> _Table:
    spec = model()["types"][type_name]
    primitives = _primitive_tests()
    table = _Table(type_name, spec["kind"] == "resource", post=_POST_CHECKS.get(type_name))
    for json_name, (element_type, minimum, is_array, choice, value_set) in spec["elements"].items():
        if element_type in primitives:
            table.primitive_arrays[json_name] = is_array
            json_kind = model()["primitives"][element_type]["json"]
            item = _primitive_item_check(
                element_type,
                json_kind,
                primitives[element_type],
                _value_set(value_set),
                reference=(type_name, json_name) == ("Reference", "reference"),
            )
        elif element_type == "Resource":
            item = _check_contained_resource
        else:
            item = _object_check(element_type)
        table.checks[json_name] = _array_check(item, element_type in primitives) if is_array else item
        if choice:
            table.choice_of[json_name] = choice
        if minimum > 0:
            group = choice or json_name
            table.required.setdefault(group, ())
            table.required[group] += (json_name,)
    table.required_keys = tuple(
        (names[0], "_" + names[0], tuple(key for name in names for key in (name, "_" + name)))
        for names in table.required.values()
    )
    return table


@cache
def _value_set(url: str) -> frozenset[str] | None:
    """The codes of a required binding (None when the element has none the model could expand)."""
    codes = model()["value_sets"].get(url) if url else None
    return frozenset(codes) if codes is not None else None


def _primitive_item_check(
    type_name: str,
    json_kind: str,
    test: Callable[[Any], bool],
    allowed: frozenset[str] | None,
    *,
    reference: bool,
) -> Check:
    if json_kind == "string" and allowed is None and not reference and type_name not in _DATED:
        return _text_check(_text_matcher(model()["primitives"][type_name]["regex"]), test, json_kind)

    def check(value: Any, path: str, errors: Errors, depth: int) -> None:
        if not test(value):
            errors.append(ValidationError(_primitive_error(json_kind, value), path))
        elif allowed is not None and value not in allowed:
            # A code outside the value set of its required binding.
            errors.append(ValidationError(INVALID_VALUE, path))
        elif reference and _REFERENCE.fullmatch(value) is None:
            errors.append(ValidationError(INVALID_VALUE, path))

    return check


_DATED = frozenset({"date", "dateTime", "instant"})


def _text_check(
    matcher: Callable[[str], object] | None, test: Callable[[Any], bool], json_kind: str
) -> Check:
    """The hot case (uri, code, id, string outside Reference...): one type test and at most one regex."""

    def check(value: Any, path: str, errors: Errors, depth: int) -> None:
        if type(value) is str and value and (matcher is None or matcher(value) is not None):
            return
        errors.append(ValidationError(_primitive_error(json_kind, value), path))

    return check


def _object_check(type_name: str) -> Check:
    bound: list[_Table] = []  # the table, looked up on first use (types refer to each other)

    def check(value: Any, path: str, errors: Errors, depth: int) -> None:
        if not bound:
            bound.append(_table(type_name))
        _check_object(value, bound[0], path, errors, depth + 1)

    return check


def _array_check(item: Check, primitive: bool) -> Check:
    def check(value: Any, path: str, errors: Errors, depth: int) -> None:
        if type(value) is not list:
            errors.append(ValidationError(INVALID_TYPE, path))
            return
        if not value:
            errors.append(ValidationError(INVALID_VALUE, path))
            return
        for index, entry in enumerate(value):
            # A null in a primitive array stands for a value given only by its `_name` extension.
            if entry is None and primitive:
                continue
            item(entry, f"{path}[{index}]", errors, depth)

    return check


def _check_object(value: Any, table: _Table, path: str, errors: Errors, depth: int) -> None:
    if type(value) is not dict:
        errors.append(ValidationError(INVALID_TYPE, path))
        return
    if not value:
        errors.append(ValidationError(INVALID_VALUE, path))
        return
    if depth > MAX_DEPTH:
        errors.append(ValidationError(NESTING_TOO_DEEP, path))
        return
    checks = table.checks
    choice_of = table.choice_of
    chosen: dict[str, str] | None = None
    for key, item in value.items():
        check = checks.get(key)
        if check is None:
            _check_unknown_key(value, key, item, table, path, errors, depth)
            continue
        check(item, f"{path}.{key}", errors, depth)
        if choice_of:
            group = choice_of.get(key)
            if group is not None:
                chosen = chosen if chosen is not None else {}
                if group in chosen:
                    errors.append(ValidationError(MULTIPLE_CHOICE, f"{path}.{key}"))
                chosen[group] = key
    for first, first_extension, accepted in table.required_keys:
        if first in value or first_extension in value:
            continue
        if not any(key in value for key in accepted):
            errors.append(ValidationError(MISSING_REQUIRED, f"{path}.{first}"))
    if table.post is not None:
        table.post(value, path, errors)


def _check_unknown_key(
    parent: dict[str, Any], key: str, item: Any, table: _Table, path: str, errors: Errors, depth: int
) -> None:
    if key == "resourceType" and table.is_resource:
        return
    if key.startswith("_") and key[1:] in table.primitive_arrays:
        extension_check = _primitive_extension_check(table.primitive_arrays[key[1:]])
        extension_check(item, f"{path}.{key}", errors, depth)
        return
    errors.append(ValidationError(UNKNOWN_ELEMENT, f"{path}.{key}"))


@cache
def _primitive_extension_check(is_array: bool) -> Check:
    """`_name`: the id and extensions of a primitive (an array of them, nulls allowed, for arrays)."""
    element = _object_check("Element")
    if not is_array:
        return element

    def check(value: Any, path: str, errors: Errors, depth: int) -> None:
        if type(value) is not list:
            errors.append(ValidationError(INVALID_TYPE, path))
            return
        for index, entry in enumerate(value):
            if entry is not None:
                element(entry, f"{path}[{index}]", errors, depth)

    return check


def _check_contained_resource(value: Any, path: str, errors: Errors, depth: int) -> None:
    if type(value) is not dict:
        errors.append(ValidationError(INVALID_TYPE, path))
        return
    _check_resource(value, path, errors, depth + 1)


def _check_resource(resource: dict[str, Any], path: str, errors: Errors, depth: int) -> None:
    resource_type = resource.get("resourceType")
    if type(resource_type) is not str or not resource_type:
        errors.append(ValidationError(NOT_A_RESOURCE, f"{path}.resourceType" if path else "resourceType"))
        return
    if resource_type not in resource_types():
        errors.append(
            ValidationError(UNKNOWN_RESOURCE_TYPE, f"{path}.resourceType" if path else "resourceType")
        )
        return
    _check_object(
        resource, _table(resource_type), f"{path}({resource_type})" if path else resource_type, errors, depth
    )


def check_resource(resource: object) -> list[ValidationError]:
    """Every conformance error of one resource (a Bundle's entries included); `[]` when it conforms."""
    if type(resource) is not dict:
        return [ValidationError(NOT_A_RESOURCE, "Resource")]
    errors: Errors = []
    try:
        _check_resource(resource, "", errors, 0)
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before the stack ends
        errors.append(ValidationError(NESTING_TOO_DEEP, "Resource"))
    return errors


def check_value(value: object, type_name: str, path: str) -> list[ValidationError]:
    """Every conformance error of `value` read as an object of `type_name` (a datatype or backbone
    element such as `Bundle.entry`) found at `path`."""
    errors: Errors = []
    _check_object(value, _table(type_name), path, errors, 1)
    return errors


# --- invariants ----------------------------------------------------------------------------------


def _moment(text: str) -> datetime | str | None:
    """A comparable form of a dateTime: an aware datetime when it has a time, else its date text."""
    if "T" not in text:
        return text
    try:
        return datetime.fromisoformat(_cut(text))
    except ValueError:
        return None


def _cut(text: str) -> str:
    """Python parses six fractional digits; FHIR allows more (and 60 seconds, kept out of this check)."""
    text = text.replace("Z", "+00:00")
    dot = text.find(".")
    if dot == -1:
        return text
    zone = max(text.rfind("+"), text.rfind("-"))
    return text[: min(dot + 7, zone)] + text[zone:]


def _period_invariant(period: dict[str, Any], path: str, errors: Errors) -> None:
    """per-1: if present, start SHALL have a lower value than end."""
    start, end = period.get("start"), period.get("end")
    if type(start) is not str or type(end) is not str:
        return
    first, last = _moment(start), _moment(end)
    if first is None or last is None:
        return
    if isinstance(first, datetime) and isinstance(last, datetime):
        ends_before = last < first
    else:
        # At the precision both share: compare the date texts (ISO dates sort as text).
        common = min(len(start), len(end), 10)
        ends_before = end[:common] < start[:common]
    if ends_before:
        errors.append(ValidationError(INVARIANT_FAILED, f"{path}.end"))


_POST_CHECKS: dict[str, Callable[[dict[str, Any], str, Errors], None]] = {"Period": _period_invariant}
