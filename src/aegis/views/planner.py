"""The planner: a validated ViewDefinition -> its engine-neutral relational plan (aegis.views.plan).

All SQL-on-FHIR semantics are decided here: FHIRPath navigation over JSON (arrays flatten, missing is
empty), collection order, `forEach`/`forEachOrNull`/`repeat`/`unionAll`/nested `select`, `%rowIndex`,
constants, where-clauses, reference keys, value types.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from aegis.fhir.conformance import model as r4_model
from aegis.fhir.conformance import resource_types as r4_resource_types
from aegis.views import fhirpath as fp
from aegis.views.boundaries import SUPPORTED_TYPES as BOUNDARY_TYPES
from aegis.views.boundaries import boundary
from aegis.views.errors import FhirPathSyntaxError, ViewCompileError
from aegis.views.plan import (
    CONSTANT_TYPES,
    FHIR_TYPE_TO_SQL,
    NUMERIC_TYPES,
    Arithmetic,
    Bound,
    Case,
    Cast,
    Children,
    Collection,
    ColumnValue,
    Compare,
    Concat,
    CountItems,
    EachItem,
    Exists,
    Fail,
    FieldValue,
    Filter,
    Foci,
    FocusItem,
    IsJsonKind,
    IsNull,
    ItemAt,
    JoinText,
    JsonArray,
    JsonValue,
    Let,
    Literal,
    Logical,
    Not,
    OutputColumn,
    PathValue,
    ReferenceKey,
    RepeatItems,
    RowIndex,
    SameFocus,
    Scalar,
    Selection,
    SingleItem,
    SqlType,
    UnionAll,
    ViewPlan,
)
from aegis.views.reader import Column, Select, ViewDefinition, output_columns

_ConditionOfVar = Callable[[str], Scalar]
_Compiled = TypeVar("_Compiled", bound="Collection | Scalar")


class _Unsupported(Exception):
    """Raised inside the planner; wrapped into ViewCompileError with the view, location and expression."""


@dataclass
class _Scope:
    focus: str  # the item $this and relative paths start from
    selection: str  # whose %rowIndex applies


@dataclass
class _Planner:
    view: ViewDefinition
    counter: Iterator[int] = field(default_factory=itertools.count)
    resource_var: str = "r"
    # The FHIR type of collections that ofType() selected: lowBoundary() needs to tell a dateTime from a date.
    known_types: dict[Collection, str] = field(default_factory=dict)
    location: str = "the view"  # of the expression being compiled, for runtime error messages
    # The R4 type of the item bound to each variable (None: not an R4 type, or not known).
    item_types: dict[str, str | None] = field(default_factory=dict)
    # Filters that select one resource type out of a collection of any resource (contained).
    narrowed_types: dict[Collection, str] = field(default_factory=dict)

    def single(self, items: Collection) -> SingleItem | FieldValue | PathValue:
        if at_most_one(items):
            # The R4 model proves at most one item: no unnesting and no runtime check.
            names: list[str] = []
            base: Collection = items
            while isinstance(base, Children):
                names.append(base.name)
                base = base.source
            names.reverse()
            if isinstance(base, FocusItem):
                return PathValue(base.var, tuple(names))
            if isinstance(base, ItemAt):
                return PathValue(SingleItem(base, None), tuple(names)) if names else SingleItem(base, None)
            return SingleItem(items, None)
        too_many = (
            f"view {self.view.name!r}: {self.location}: more than one value where one is expected "
            "(use first(), or collection: true on a column)"
        )
        if isinstance(items, Children) and isinstance(items.source, FocusItem):
            return FieldValue(items.source.var, items.name, too_many)
        return SingleItem(items, too_many)

    def children(self, source: Collection, name: str) -> Children:
        """Field `name` of `source`'s items, with its cardinality and type when the R4 model knows them."""
        element = _r4_element(self.type_of(source), name)
        if element is None:
            return Children(source, name)
        return Children(source, name, array=element[1], fhir_type=element[0])

    def type_of(self, items: Collection) -> str | None:
        if items in self.narrowed_types:
            return self.narrowed_types[items]
        if isinstance(items, FocusItem):
            return self.item_types.get(items.var)
        if isinstance(items, Children):
            return items.fhir_type
        return self.type_of(items.source)

    def fresh(self, prefix: str) -> str:
        return f"{prefix}{next(self.counter)}"

    # entry points

    def plan(self) -> ViewPlan:
        resource = self.view.resource
        self.item_types[self.resource_var] = resource if resource in r4_resource_types() else None
        scope = _Scope(self.resource_var, self.resource_var)
        where = tuple(
            self.expression(path, f"where[{index}]", lambda node: self.condition(node, scope))
            for index, path in enumerate(self.view.where)
        )
        root = self.selection(self.view.root, self.resource_var, "the view")
        return ViewPlan(self.view.name, self.view.resource, self.resource_var, where, root)

    def expression(self, path: str, location: str, compile_node: Callable[[fp.Node], _Compiled]) -> _Compiled:
        """Parse and compile one ViewDefinition expression; any failure names the view, location and path."""
        try:
            node = fp.parse_fhirpath(path)
        except FhirPathSyntaxError as error:
            raise ViewCompileError(self.view.name, location, path, f"syntax error: {error}") from error
        self.location = location
        try:
            return compile_node(node)
        except _Unsupported as error:
            raise ViewCompileError(self.view.name, location, path, str(error)) from error

    def collection_expression(self, path: str, location: str, scope: _Scope) -> Collection:
        return self.expression(path, location, lambda node: self.as_collection(self.compile(node, scope)))

    def selection(self, select: Select, parent: str, location: str) -> Selection:
        var = self.fresh("f")
        foci: Foci
        parent_scope = _Scope(parent, parent)
        if select.for_each is not None or select.for_each_or_null is not None:
            keyword = "forEach" if select.for_each is not None else "forEachOrNull"
            path = select.for_each if select.for_each is not None else select.for_each_or_null
            assert path is not None
            items = self.collection_expression(path, f"{keyword} of {location}", parent_scope)
            foci = EachItem(items, or_null=select.for_each_or_null is not None)
            self.item_types[var] = self.type_of(items)
        elif select.repeat:
            step_var = self.fresh("t")
            steps = tuple(
                self.collection_expression(path, f"repeat of {location}", _Scope(step_var, step_var))
                for path in select.repeat
            )
            foci = RepeatItems(parent, step_var, steps)
        else:
            foci = SameFocus(parent)
            self.item_types[var] = self.item_types.get(parent)
        scope = _Scope(var, var)
        columns = tuple(self.column(column, scope) for column in select.columns)
        children: list[Selection | UnionAll] = [
            self.selection(nested, var, f"{location} > select[{index}]")
            for index, nested in enumerate(select.selects)
        ]
        if select.union_all:
            branches = tuple(
                self.selection(branch, var, f"{location} > unionAll[{index}]")
                for index, branch in enumerate(select.union_all)
            )
            children.append(UnionAll(branches, branches[0].output))
        output = tuple(value.column for value in columns) + tuple(
            column for child in children for column in child.output
        )
        return Selection(var, foci, columns, tuple(children), output)

    def column(self, column: Column, scope: _Scope) -> ColumnValue:
        location = f"column {column.name!r}"
        target = FHIR_TYPE_TO_SQL.get(column.fhir_type, SqlType.JSON) if column.fhir_type else None

        def compile_column(node: fp.Node) -> Scalar:
            compiled = self.compile(node, scope)
            if column.collection:
                if not isinstance(compiled, FocusItem | Children | Filter | ItemAt):
                    raise _Unsupported("collection: true needs a path to elements, not a computed value")
                return JsonArray(compiled)
            value = self.as_scalar(compiled)
            return self.convert(value, target or value.type)

        expression = self.expression(column.path, location, compile_column)
        is_row_index = column.path.strip() == "%rowIndex"
        return ColumnValue(OutputColumn(column.name, expression.type, is_row_index), expression)

    # FHIRPath -> plan

    def compile(self, node: fp.Node, scope: _Scope) -> Collection | Scalar:
        if isinstance(node, fp.This):
            return FocusItem(scope.focus)
        if isinstance(node, fp.Literal):
            return self.literal(node)
        if isinstance(node, fp.Variable):
            return self.variable(node.name, scope)
        if isinstance(node, fp.Member):
            if (
                isinstance(node.source, fp.This)
                and node.name == self.view.resource
                and scope.focus == self.resource_var
            ):
                return FocusItem(self.resource_var)  # `Patient.name` in a Patient view
            return self.children(self.as_collection(self.compile(node.source, scope)), node.name)
        if isinstance(node, fp.Index):
            position = self.integer_argument(node.index, scope, "an index")
            return ItemAt(self.as_collection(self.compile(node.source, scope)), position)
        if isinstance(node, fp.Unary):
            operand = self.as_scalar(self.compile(node.operand, scope))
            if node.operator == "+":
                return self.convert(operand, self.numeric_type(operand))
            numeric = self.numeric_type(operand)
            return Arithmetic("-", Literal(0, numeric), self.convert(operand, numeric), numeric)
        if isinstance(node, fp.Binary):
            return self.binary(node, scope)
        return self.call(node, scope)

    def literal(self, node: fp.Literal) -> Scalar:
        if node.kind == "empty":
            raise _Unsupported("the empty collection {} is not supported")
        types = {
            "string": SqlType.TEXT,
            "date": SqlType.TEXT,
            "integer": SqlType.INTEGER,
            "decimal": SqlType.DECIMAL,
            "boolean": SqlType.BOOLEAN,
        }
        return Literal(node.value, types[node.kind])

    def variable(self, name: str, scope: _Scope) -> Collection | Scalar:
        if name == "rowIndex":
            return RowIndex(scope.selection)
        if name in ("resource", "rootResource"):
            return FocusItem(self.resource_var)
        for constant in self.view.constants:
            if constant.name == name:
                return Literal(constant.value, CONSTANT_TYPES.get(constant.fhir_type, SqlType.TEXT))
        known = ", ".join(f"%{constant.name}" for constant in self.view.constants) or "none"
        raise _Unsupported(f"unknown constant %{name} (constants of this view: {known})")

    def binary(self, node: fp.Binary, scope: _Scope) -> Scalar:
        operator = node.operator
        if operator in ("and", "or", "xor", "implies"):
            left = self.condition(node.left, scope)
            right = self.condition(node.right, scope)
            if operator in ("and", "or"):
                return Logical(operator, left, right)
            if operator == "xor":
                return Compare("<>", left, right)
            return Logical("or", Not(left), right)
        left_value = self.as_scalar(self.compile(node.left, scope))
        right_value = self.as_scalar(self.compile(node.right, scope))
        if operator in ("=", "!=", "<", ">", "<=", ">="):
            return self.comparison("<>" if operator == "!=" else operator, left_value, right_value)
        if operator == "&":
            return Concat((self.convert(left_value, SqlType.TEXT), self.convert(right_value, SqlType.TEXT)))
        if operator in ("+", "-", "*", "/"):
            if operator == "+" and SqlType.TEXT in (left_value.type, right_value.type):
                # FHIRPath `+` on strings concatenates; empty operand -> empty result (unlike `&`).
                text_left = self.convert(left_value, SqlType.TEXT)
                text_right = self.convert(right_value, SqlType.TEXT)
                return Case(
                    ((Logical("or", IsNull(text_left), IsNull(text_right)), Literal(None, SqlType.TEXT)),),
                    Concat((text_left, text_right)),
                    SqlType.TEXT,
                )
            result = SqlType.DECIMAL
            if operator != "/" and {left_value.type, right_value.type} <= {SqlType.INTEGER}:
                result = SqlType.INTEGER
            return Arithmetic(
                operator, self.convert(left_value, result), self.convert(right_value, result), result
            )
        raise _Unsupported(f"operator {operator!r} is not supported")

    def comparison(self, operator: str, left: Scalar, right: Scalar) -> Scalar:
        if left.type is SqlType.JSON and right.type is SqlType.JSON:
            # Both sides are JSON items of unknown FHIR type: numbers compare as numbers, the rest as text
            # (a JSON boolean's text is true/false on every engine).
            return self.let(
                left,
                lambda left_item: self.let(
                    right,
                    lambda right_item: Case(
                        (
                            (
                                Logical(
                                    "and", IsJsonKind(left_item, "number"), IsJsonKind(right_item, "number")
                                ),
                                Compare(
                                    operator,
                                    JsonValue(left_item, SqlType.DECIMAL),
                                    JsonValue(right_item, SqlType.DECIMAL),
                                ),
                            ),
                        ),
                        Compare(
                            operator, JsonValue(left_item, SqlType.TEXT), JsonValue(right_item, SqlType.TEXT)
                        ),
                        SqlType.BOOLEAN,
                    ),
                ),
            )
        if left.type is SqlType.JSON:
            left = self.convert(left, right.type)
        elif right.type is SqlType.JSON:
            right = self.convert(right, left.type)
        if left.type != right.type:
            if left.type in NUMERIC_TYPES and right.type in NUMERIC_TYPES:
                left, right = self.convert(left, SqlType.DECIMAL), self.convert(right, SqlType.DECIMAL)
            else:
                left, right = self.convert(left, SqlType.TEXT), self.convert(right, SqlType.TEXT)
        return Compare(operator, left, right)

    def call(self, node: fp.Call, scope: _Scope) -> Collection | Scalar:
        name, args = node.name, node.args
        if name == "ofType":
            return self.of_type(node, scope)
        if name == "getResourceKey":
            self.arity(node, 0)
            return JsonValue(self.single(self.children(FocusItem(self.resource_var), "id")), SqlType.TEXT)
        if name == "not":
            self.arity(node, 0)
            return Not(self.condition(node.source, scope))
        source = self.compile(node.source, scope)
        if name in ("exists", "empty") and not isinstance(source, FocusItem | Children | Filter | ItemAt):
            self.arity(node, 0)
            present = Not(IsNull(source))
            return present if name == "exists" else IsNull(source)
        items = self.as_collection(source)
        if name == "where":
            self.arity(node, 1)
            return self.where(items, args[0], scope)
        if name == "exists":
            if len(args) > 1:
                raise _Unsupported("exists() takes at most one argument")
            return Exists(self.where(items, args[0], scope) if args else items)
        if name == "empty":
            self.arity(node, 0)
            return Not(Exists(items))
        if name == "first":
            self.arity(node, 0)
            return ItemAt(items, 0)
        if name == "last":
            self.arity(node, 0)
            return ItemAt(items, 0, from_end=True)
        if name == "count":
            self.arity(node, 0)
            return CountItems(items)
        if name == "join":
            if len(args) > 1:
                raise _Unsupported("join() takes at most one argument")
            separator = self.text_argument(args[0], scope, "a join separator") if args else ""
            return JoinText(items, separator)
        if name == "extension":
            self.arity(node, 1)
            url = self.text_argument(args[0], scope, "an extension url")
            return self.filtered(
                self.children(items, "extension"),
                lambda var: Compare(
                    "=",
                    JsonValue(self.single(self.children(FocusItem(var), "url")), SqlType.TEXT),
                    Literal(url, SqlType.TEXT),
                ),
            )
        if name == "getReferenceKey":
            if len(args) > 1:
                raise _Unsupported("getReferenceKey() takes at most one argument, a resource type")
            resource_type = self.type_name(args[0]) if args else None
            reference = JsonValue(self.single(self.children(items, "reference")), SqlType.TEXT)
            return self.let(reference, lambda text: ReferenceKey(text, resource_type))
        if name in ("lowBoundary", "highBoundary"):
            if args:
                raise _Unsupported(f"{name}() with a precision argument is not supported")
            fhir_type = self.known_types.get(items)
            if fhir_type is not None and fhir_type not in BOUNDARY_TYPES:
                raise _Unsupported(
                    f"{name}() applies to decimal, date, dateTime, instant and time, not {fhir_type}"
                )
            return self.let(
                self.single(items), lambda item: boundary(item, fhir_type, low=name == "lowBoundary")
            )
        raise _Unsupported(f"function {name}() is not supported")

    def of_type(self, node: fp.Call, scope: _Scope) -> Collection:
        self.arity(node, 1)
        type_name = self.type_name(node.args[0])
        source = node.source
        if not isinstance(source, fp.Member):
            raise _Unsupported("ofType() is supported on a choice element only, e.g. value.ofType(Quantity)")
        # A choice element `value[x]` is stored in JSON as valueQuantity, valueString, ...
        parent = self.as_collection(self.compile(source.source, scope))
        chosen = self.children(parent, source.name + type_name[:1].upper() + type_name[1:])
        self.known_types[chosen] = type_name
        return chosen

    def type_name(self, node: fp.Node) -> str:
        # Parsed as a path: Quantity, FHIR.Quantity, System.String.
        if isinstance(node, fp.Member) and isinstance(node.source, fp.This):
            return node.name
        if (
            isinstance(node, fp.Member)
            and isinstance(node.source, fp.Member)
            and node.source.name in ("FHIR", "System")
        ):
            return node.name
        raise _Unsupported("expected a type name such as Patient or Quantity")

    def where(self, items: Collection, criteria: fp.Node, scope: _Scope) -> Collection:
        filtered = self.filtered(items, lambda var: self.condition(criteria, _Scope(var, scope.selection)))
        narrowed = _resource_type_test(criteria)
        if narrowed is not None and self.type_of(items) in ("Resource", "DomainResource"):
            # contained.where(resourceType = 'Medication'): the items that pass are Medications.
            self.narrowed_types[filtered] = narrowed
        return filtered

    def filtered(self, items: Collection, condition: _ConditionOfVar) -> Collection:
        var = self.fresh("w")
        self.item_types[var] = self.type_of(items)
        return Filter(items, var, condition(var))

    def condition(self, node: fp.Node, scope: _Scope) -> Scalar:
        """`node` as a SQL boolean: a JSON item must be a boolean (a runtime error otherwise, as the spec asks
        of a where path that is not boolean); empty is NULL."""
        value = self.as_scalar(self.compile(node, scope))
        if value.type is SqlType.BOOLEAN:
            return value
        if value.type is not SqlType.JSON:
            raise _Unsupported(f"a condition must be boolean, this is {value.type.value}")
        return self.let(
            value,
            lambda item: Case(
                (
                    (IsJsonKind(item, "boolean"), JsonValue(item, SqlType.BOOLEAN)),
                    (IsNull(item), Literal(None, SqlType.BOOLEAN)),
                ),
                Fail(f"view {self.view.name!r}: a condition is not boolean"),
                SqlType.BOOLEAN,
            ),
        )

    def let(self, value: Scalar, body: Callable[[Scalar], Scalar]) -> Scalar:
        """`body` of `value` computed once; a plain column, a literal or a direct path read needs no binding."""
        if isinstance(value, Literal | RowIndex | Bound | PathValue) or (
            isinstance(value, JsonValue) and isinstance(value.item, PathValue)
        ):
            return body(value)
        var = self.fresh("b")
        return Let(var, value, body(Bound(var, value.type)))

    # argument helpers

    def arity(self, node: fp.Call, count: int) -> None:
        if len(node.args) != count:
            raise _Unsupported(f"{node.name}() takes {count} argument(s), got {len(node.args)}")

    def integer_argument(self, node: fp.Node, scope: _Scope, what: str) -> int:
        value = self.compile(node, scope)
        if isinstance(value, Literal) and value.type is SqlType.INTEGER and isinstance(value.value, int):
            return value.value
        raise _Unsupported(f"{what} must be an integer literal or integer constant")

    def text_argument(self, node: fp.Node, scope: _Scope, what: str) -> str:
        value = self.compile(node, scope)
        if isinstance(value, Literal) and value.type is SqlType.TEXT and isinstance(value.value, str):
            return value.value
        raise _Unsupported(f"{what} must be a string literal or string constant")

    # conversions

    def as_collection(self, value: Collection | Scalar) -> Collection:
        if isinstance(value, FocusItem | Children | Filter | ItemAt):
            return value
        raise _Unsupported(
            "a path cannot continue from a computed value (only from elements of the resource)"
        )

    def as_scalar(self, value: Collection | Scalar) -> Scalar:
        if isinstance(value, FocusItem | Children | Filter | ItemAt):
            return self.single(value)
        return value

    def numeric_type(self, value: Scalar) -> SqlType:
        return value.type if value.type in NUMERIC_TYPES else SqlType.DECIMAL

    def convert(self, value: Scalar, target: SqlType) -> Scalar:
        if value.type is target:
            return value
        if value.type is SqlType.JSON:
            return JsonValue(value, target)
        if isinstance(value, Literal) and value.value is None:
            return Literal(None, target)
        return Cast(value, target)


def _r4_element(type_name: str | None, name: str) -> tuple[str, bool] | None:
    """(element type, is_array) of element `name` of R4 type `type_name`; None when either is unknown."""
    if type_name is None:
        return None
    spec = r4_model()["types"].get(type_name)
    if spec is not None and spec["kind"] == "resource" and name == "resourceType":
        return "code", False  # not an element, but every resource's JSON has exactly one
    element = spec["elements"].get(name) if spec is not None else None
    if element is None:
        return None
    return str(element[0]), bool(element[2])


def _resource_type_test(criteria: fp.Node) -> str | None:
    """The R4 resource type that `resourceType = 'X'` (either side) selects, else None."""
    if not (isinstance(criteria, fp.Binary) and criteria.operator == "="):
        return None
    for field_side, literal_side in ((criteria.left, criteria.right), (criteria.right, criteria.left)):
        if (
            isinstance(field_side, fp.Member)
            and isinstance(field_side.source, fp.This)
            and field_side.name == "resourceType"
            and isinstance(literal_side, fp.Literal)
            and literal_side.kind == "string"
            and literal_side.value in r4_resource_types()
        ):
            return str(literal_side.value)
    return None


def at_most_one(items: Collection) -> bool:
    """Whether the R4 model proves that `items` has at most one item whatever the (conformant) data."""
    if isinstance(items, FocusItem | ItemAt):
        return True
    if isinstance(items, Children):
        return items.array is False and at_most_one(items.source)
    return at_most_one(items.source)


def plan_view(view: ViewDefinition) -> ViewPlan:
    """The relational plan of a validated ViewDefinition; ViewCompileError names what cannot compile."""
    output_columns(view)  # the reader checked this already; cheap, and keeps plan_view safe on its own
    return _Planner(view).plan()
