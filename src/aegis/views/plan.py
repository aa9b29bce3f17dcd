"""The engine-neutral relational plan of a ViewDefinition: a tree of unnest / filter / project steps.

The planner (aegis.views.planner) builds it and decides every SQL-on-FHIR semantic; a renderer
(aegis.views.render) only spells each node in its dialect.

Two kinds of expression nodes:
- a *collection* is an ordered set of JSON items: rows of (value, ord) in SQL;
- a *scalar* is one SQL value of a known SqlType (SqlType.JSON for a JSON item not yet converted).

A *variable* (a short SQL alias such as `f2`) binds one JSON item (`value`) and, for a selection, the
`%rowIndex` of that item (`row_index`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from aegis.views.reader import ConstantValue


class SqlType(Enum):
    TEXT = "text"
    INTEGER = "integer"
    BIGINT = "bigint"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    TIMESTAMPTZ = "timestamptz"
    JSON = "json"  # a JSON item (or array, for `collection: true`) in the engine's JSON type


NUMERIC_TYPES = frozenset({SqlType.INTEGER, SqlType.BIGINT, SqlType.DECIMAL})

# The spec's default FHIR type -> SQL type mapping ("Type Hinting with Tags"); a FHIR type not listed is
# complex (Quantity, CodeableConcept, ...) and stays JSON. Two deliberate deviations: base64Binary stays
# text (its base64 form; decoding to bytes is not portable across the four engines) and decimal is a SQL
# decimal rather than text, so that arithmetic and comparisons work in SQL.
FHIR_TYPE_TO_SQL: Mapping[str, SqlType] = {
    "boolean": SqlType.BOOLEAN,
    "integer": SqlType.INTEGER,
    "positiveInt": SqlType.INTEGER,
    "unsignedInt": SqlType.INTEGER,
    "integer64": SqlType.BIGINT,
    "decimal": SqlType.DECIMAL,
    "instant": SqlType.TIMESTAMPTZ,
    **{
        name: SqlType.TEXT
        for name in (
            "string",
            "code",
            "id",
            "uri",
            "url",
            "canonical",
            "oid",
            "uuid",
            "markdown",
            "base64Binary",
            "date",
            "dateTime",
            "time",
            "xhtml",
        )
    },
}
CONSTANT_TYPES: Mapping[str, SqlType] = {**FHIR_TYPE_TO_SQL, "instant": SqlType.TEXT}


# --- collections ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FocusItem:
    """The item bound to `var` (no row when it is NULL, e.g. the null row of a forEachOrNull)."""

    var: str


@dataclass(frozen=True)
class Children:
    """Field `name` of every item of `source`; an array field contributes each of its non-null elements.

    `array` and `fhir_type` come from the R4 element model when the source's FHIR type is known there
    (`array` False: the element holds at most one value per item); None when it is not known."""

    source: Collection
    name: str
    array: bool | None = None
    fhir_type: str | None = None


@dataclass(frozen=True)
class Filter:
    """The items of `source` (each bound to `var`) for which `condition` is true."""

    source: Collection
    var: str
    condition: Scalar


@dataclass(frozen=True)
class ItemAt:
    """The item at 0-based `position`, counted from the end when `from_end` (last() is position 0)."""

    source: Collection
    position: int
    from_end: bool = False


Collection = FocusItem | Children | Filter | ItemAt


# --- scalars -------------------------------------------------------------------------------------
# Every scalar has a `type`: a field where it varies, a class constant where the node fixes it.


class _BooleanValued:
    type: ClassVar[SqlType] = SqlType.BOOLEAN


class _IntegerValued:
    type: ClassVar[SqlType] = SqlType.INTEGER


class _TextValued:
    type: ClassVar[SqlType] = SqlType.TEXT


class _JsonValued:
    type: ClassVar[SqlType] = SqlType.JSON


@dataclass(frozen=True)
class Literal:
    value: ConstantValue | None
    type: SqlType


@dataclass(frozen=True)
class RowIndex(_IntegerValued):
    """%rowIndex of the selection bound to `var`."""

    var: str


@dataclass(frozen=True)
class SingleItem(_JsonValued):
    """The only item of `source` as JSON: NULL when empty; more than one item is a runtime error with
    `too_many_message` (the spec's "multiple values found but not expected"), never a silent pick.
    `too_many_message` is None when the planner proved that `source` has at most one item."""

    source: Collection
    too_many_message: str | None


@dataclass(frozen=True)
class PathValue(_JsonValued):
    """The element at `names` (one step each) of the item bound to variable `base` (or of the scalar JSON
    item `base`), when the R4 element model proves every step single-valued: read in place as one JSON
    path, no unnesting and no cardinality check. NULL when an element is missing."""

    base: str | Scalar
    names: tuple[str, ...]


@dataclass(frozen=True)
class FieldValue(_JsonValued):
    """SingleItem(Children(FocusItem(var), name)), the commonest path (`gender`, `id`, `value` in a forEach),
    with a cheap form: the field itself when it is not an array, which most FHIR elements are not; only an
    array field is unnested (its non-null elements: none is NULL, more than one `too_many_message`)."""

    var: str
    name: str
    too_many_message: str


@dataclass(frozen=True)
class JsonValue:
    """A JSON scalar item converted to `type` (a JSON string unquoted, a number as a number, ...)."""

    item: Scalar
    type: SqlType


@dataclass(frozen=True)
class IsJsonKind(_BooleanValued):
    """Whether JSON `item` is a `kind` (boolean | number | string | array | object); NULL when item is."""

    item: Scalar
    kind: str


@dataclass(frozen=True)
class Cast:
    operand: Scalar
    type: SqlType


@dataclass(frozen=True)
class Compare(_BooleanValued):
    operator: str  # = <> < > <= >=, operands of one type
    left: Scalar
    right: Scalar


@dataclass(frozen=True)
class Arithmetic:
    operator: str  # + - * / %
    left: Scalar
    right: Scalar
    type: SqlType


@dataclass(frozen=True)
class Concat(_TextValued):
    parts: tuple[Scalar, ...]  # NULL parts count as ''


@dataclass(frozen=True)
class Logical(_BooleanValued):
    operator: str  # and | or, SQL three-valued logic (= FHIRPath's with empty as NULL)
    left: Scalar
    right: Scalar


@dataclass(frozen=True)
class Not(_BooleanValued):
    operand: Scalar


@dataclass(frozen=True)
class IsNull(_BooleanValued):
    operand: Scalar


@dataclass(frozen=True)
class Case:
    whens: tuple[tuple[Scalar, Scalar], ...]
    otherwise: Scalar | None
    type: SqlType


@dataclass(frozen=True)
class Exists(_BooleanValued):
    source: Collection


@dataclass(frozen=True)
class CountItems(_IntegerValued):
    source: Collection


@dataclass(frozen=True)
class JoinText(_TextValued):
    """The items' text joined in order with `separator`; '' for an empty collection (FHIRPath join)."""

    source: Collection
    separator: str


@dataclass(frozen=True)
class JsonArray(_JsonValued):
    """The items as one JSON array, in order; [] for an empty collection (`collection: true`)."""

    source: Collection


@dataclass(frozen=True)
class RegexMatches(_BooleanValued):
    """Whether the whole of `text` matches `pattern`. Patterns are anchored (^...$) so that engines with
    search semantics (PostgreSQL ~) and full-match semantics (DuckDB, Snowflake) agree; POSIX-style, no
    lookaround, no non-capturing groups, no backslashes."""

    text: Scalar
    pattern: str


@dataclass(frozen=True)
class RegexGroup(_TextValued):
    """The first capture group of `pattern`'s leftmost match in `text`."""

    text: Scalar
    pattern: str


@dataclass(frozen=True)
class Bound:
    """The value bound to `var` by an enclosing Let."""

    var: str
    type: SqlType


@dataclass(frozen=True)
class Let:
    """`body` with `value` computed once and bound to `var` (read with Bound): an expression that uses a
    value several times does not repeat its subquery."""

    var: str
    value: Scalar
    body: Scalar

    @property
    def type(self) -> SqlType:
        return self.body.type


# getReferenceKey: a relative (Patient/123), versioned (Patient/123/_history/2) or absolute
# (https://host/fhir/Patient/123[/_history/2]) literal reference. Conditional (Patient?identifier=...),
# contained (#id) and urn:uuid references do not match: their key is NULL.
_ID = "[A-Za-z0-9.-]{1,64}"
REFERENCE_ID_GROUP = f"({_ID})(/_history/{_ID})?$"


def reference_pattern(resource_type: str | None, *, versioned: bool | None = None) -> str:
    """The whole reference: of `resource_type` (any type when None); versioned, not, or either (None)."""
    type_pattern = resource_type or "[A-Z][A-Za-z]+"
    version = {None: f"(/_history/{_ID})?", True: f"/_history/{_ID}", False: ""}[versioned]
    return f"^(https?://[^?#]*/)?{type_pattern}/{_ID}{version}$"


@dataclass(frozen=True)
class ReferenceKey(_TextValued):
    """getReferenceKey of the reference text `text`: the id of a literal reference to `resource_type` (to
    any type when None), else NULL."""

    text: Scalar
    resource_type: str | None


@dataclass(frozen=True)
class TextLength(_IntegerValued):
    text: Scalar


@dataclass(frozen=True)
class Substring(_TextValued):
    """`length` characters of `text` from 1-based `start` (to the end when `length` is None)."""

    text: Scalar
    start: int
    length: int | None


@dataclass(frozen=True)
class RepeatText(_TextValued):
    text: Scalar
    count: Scalar


@dataclass(frozen=True)
class Fail(_BooleanValued):
    """A runtime error with `message` (the value is BOOLEAN so it fits a CASE branch of a condition)."""

    message: str


Scalar = (
    Literal
    | RowIndex
    | SingleItem
    | FieldValue
    | PathValue
    | JsonValue
    | IsJsonKind
    | Cast
    | Compare
    | Arithmetic
    | Concat
    | Logical
    | Not
    | IsNull
    | Case
    | Exists
    | CountItems
    | JoinText
    | JsonArray
    | RegexMatches
    | RegexGroup
    | ReferenceKey
    | Bound
    | Let
    | TextLength
    | Substring
    | RepeatText
    | Fail
)


# --- rows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutputColumn:
    name: str
    type: SqlType
    is_row_index: bool  # path is exactly %rowIndex: 0, not NULL, in a forEachOrNull's null row


@dataclass(frozen=True)
class ColumnValue:
    column: OutputColumn
    expression: Scalar


@dataclass(frozen=True)
class SameFocus:
    """No iteration: the parent's item and %rowIndex."""

    parent: str


@dataclass(frozen=True)
class EachItem:
    """forEach (or forEachOrNull when `or_null`) over `items`; %rowIndex is the 0-based position."""

    items: Collection
    or_null: bool


@dataclass(frozen=True)
class RepeatItems:
    """repeat: every item reached from the parent's item by `steps` applied again and again, in depth-first
    pre-order (the spec's traverse). Each step is a collection evaluated at the item bound to `step_var`."""

    parent: str
    step_var: str
    steps: tuple[Collection, ...]


Foci = SameFocus | EachItem | RepeatItems


@dataclass(frozen=True)
class Selection:
    """One selection structure: for each focus item (bound to `var`), its own columns cross joined with
    each child's rows (nested selects, then the unionAll)."""

    var: str
    foci: Foci
    columns: tuple[ColumnValue, ...]
    children: tuple[Selection | UnionAll, ...]
    output: tuple[OutputColumn, ...]


@dataclass(frozen=True)
class UnionAll:
    branches: tuple[Selection, ...]
    output: tuple[OutputColumn, ...]


@dataclass(frozen=True)
class ViewPlan:
    name: str
    resource_type: str
    resource_var: str  # binds the resource JSON; row_index 0
    where: tuple[Scalar, ...]
    root: Selection

    @property
    def output(self) -> tuple[OutputColumn, ...]:
        return self.root.output
