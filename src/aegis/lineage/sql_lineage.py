"""Column-level lineage of one SELECT statement, with sqlglot.

For every output column it answers: which physical columns (relation, column, JSON path) does its value
come from, did the value pass through an aggregate that really reduces rows (and grouped by what), and was
the column only *equal* to another one through a join key. CTEs, derived tables, scalar subqueries,
`select *` (expanded with the upstream schemas), window functions and unions are followed.

The engine knows nothing about PHI: the audit (aegis.lineage.audit) puts categories on the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, build_scope
from sqlglot.schema import MappingSchema

# Aggregates whose result is a summary of many rows, not one of the input values.
REDUCING_AGGREGATES = frozenset(
    {
        "sum",
        "avg",
        "stddev",
        "stddev_pop",
        "stddev_samp",
        "variance",
        "variance_pop",
        "var_pop",
        "var_samp",
        "corr",
        "covar_pop",
        "covar_samp",
        "kurtosis",
        "skewness",
        "entropy",
        "regr_slope",
        "regr_intercept",
    }
)
# Functions whose result holds no input value at all: counts and ranks.
VALUE_FREE_FUNCTIONS = frozenset(
    {
        "count",
        "count_if",
        "countif",
        "approx_distinct",
        "approx_count_distinct",
        "row_number",
        "rank",
        "dense_rank",
        "ntile",
        "percent_rank",
        "cume_dist",
    }
)
JSON_EXTRACTIONS = (exp.JSONExtract, exp.JSONExtractScalar, exp.JSONBExtract, exp.JSONBExtractScalar)

Via = Literal["value", "join_key"]
RelationKey = tuple[str, str, str]  # (catalog, schema, table), lowercased; "" where unknown


@dataclass(frozen=True)
class SourceColumn:
    """A column of a physical relation (a dbt model, seed, snapshot or source)."""

    relation: RelationKey
    column: str
    json_path: str | None = None


@dataclass(frozen=True)
class Reduction:
    """An aggregate that summarised rows, and the columns the rows were grouped by."""

    function: str
    grouped_by: frozenset[SourceColumn]


@dataclass(frozen=True)
class Edge:
    source: SourceColumn
    via: Via = "value"
    reductions: tuple[Reduction, ...] = ()


@dataclass
class StatementLineage:
    columns: dict[str, list[Edge]]
    unresolved: list[str] = field(default_factory=list)


def function_name(node: exp.Expr) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    if isinstance(node, exp.Func):
        return node.sql_name().lower()
    return node.key.lower()


def json_path_text(path: exp.Expr) -> str:
    """`$.name[0].family` -> `name[0].family` (how the FHIR profile writes paths)."""
    if isinstance(path, exp.JSONPath):
        text = ""
        for part in path.expressions:
            if isinstance(part, exp.JSONPathKey):
                text += f".{part.this}" if text else str(part.this)
            elif isinstance(part, exp.JSONPathSubscript):
                text += f"[{part.this}]"
        return text
    if isinstance(path, exp.Literal):
        return str(path.this).removeprefix("$").lstrip(".")
    return path.sql()


def _json_chain(node: exp.Expr) -> tuple[exp.Column | None, str]:
    """The column at the bottom of nested JSON extractions and the whole path above it."""
    parts: list[str] = []
    current: exp.Expr = node
    while isinstance(current, JSON_EXTRACTIONS):
        parts.append(json_path_text(current.expression))
        current = current.this
    while isinstance(current, exp.Cast):
        current = current.this
    if not isinstance(current, exp.Column):
        return None, ""
    path = ""
    for part in reversed(parts):
        path = f"{path}{part}" if part.startswith("[") or not path else f"{path}.{part}"
    return current, path


def _is_boolean_test(node: exp.Expr) -> bool:
    return isinstance(node, (exp.Predicate, exp.Not, exp.Connector))


def _ancestors(node: exp.Expr, top: exp.Expr) -> Iterator[exp.Expr]:
    current = node.parent
    while current is not None and current is not top:
        yield current
        current = current.parent


def _named_selects(expression: exp.Expr) -> list[str]:
    return list(expression.named_selects) if isinstance(expression, exp.Query) else []


def _selects(expression: exp.Expr) -> list[exp.Expr]:
    return list(expression.selects) if isinstance(expression, exp.Query) else []


def relation_key(table: exp.Table) -> RelationKey:
    return (table.catalog.lower(), table.db.lower(), table.name.lower())


@dataclass(frozen=True)
class _Reference:
    column: exp.Column
    reduced_by: str | None
    json_path: str | None


class _Resolver:
    def __init__(self) -> None:
        self._memo: dict[tuple[int, str], list[Edge]] = {}
        self._group_memo: dict[int, frozenset[SourceColumn]] = {}
        self.unresolved: list[str] = []

    # -- output columns of a scope ---------------------------------------------------------------
    def output_column(self, scope: Scope, name: str) -> list[Edge]:
        key = (id(scope), name.lower())
        if key not in self._memo:
            self._memo[key] = []  # guards against cycles (recursive CTEs)
            self._memo[key] = self._compute_output(scope, name)
        return self._memo[key]

    def _compute_output(self, scope: Scope, name: str) -> list[Edge]:
        expression = scope.expression
        if isinstance(expression, exp.SetOperation):
            return self._set_operation_output(scope, name)
        if not isinstance(expression, exp.Select):
            return []
        for projection in expression.selects:
            if projection.alias_or_name.lower() == name.lower():
                return self.expression_edges(scope, projection)
        return self._star_passthrough(scope, name)

    def _set_operation_output(self, scope: Scope, name: str) -> list[Edge]:
        names = [n.lower() for n in _named_selects(scope.expression)]
        if name.lower() not in names:
            self.unresolved.append(f"union output {name}")
            return []
        position = names.index(name.lower())
        edges: list[Edge] = []
        for branch in scope.set_operation_scopes:
            branch_names = _named_selects(branch.expression)
            if position < len(branch_names):
                edges.extend(self.output_column(branch, branch_names[position]))
        return edges

    def _star_passthrough(self, scope: Scope, name: str) -> list[Edge]:
        """`select *` that could not be expanded (unknown upstream schema): try each source by name."""
        if not scope.expression.is_star and not any(
            isinstance(s, exp.Star) for s in _selects(scope.expression)
        ):
            self.unresolved.append(f"output column {name}")
            return []
        for source in scope.sources.values():
            if isinstance(source, Scope) and name.lower() in [
                n.lower() for n in _named_selects(source.expression)
            ]:
                return self.output_column(source, name)
        tables = [s for s in scope.sources.values() if isinstance(s, exp.Table)]
        if len(tables) == 1:  # one unknown relation: the column can only be its
            return [Edge(SourceColumn(relation_key(tables[0]), name.lower()))]
        self.unresolved.append(f"star column {name}")
        return []

    # -- expressions -------------------------------------------------------------------------------
    def expression_edges(self, scope: Scope, expression: exp.Expr) -> list[Edge]:
        edges: list[Edge] = []
        for reference in self._references(scope, expression, None):
            for edge in self._column_edges(scope, reference.column, follow_join_keys=True):
                if reference.json_path and edge.source.json_path is None:
                    edge = replace(edge, source=replace(edge.source, json_path=reference.json_path))
                elif reference.json_path and edge.source.json_path:
                    edge = replace(
                        edge,
                        source=replace(
                            edge.source, json_path=f"{edge.source.json_path}.{reference.json_path}"
                        ),
                    )
                if reference.reduced_by:
                    reduction = Reduction(reference.reduced_by, self.group_keys(scope))
                    edge = replace(edge, reductions=(*edge.reductions, reduction))
                edges.append(edge)
        edges.extend(self._subquery_edges(scope, expression))
        return edges

    def _references(self, scope: Scope, node: exp.Expr, reduced_by: str | None) -> Iterator[_Reference]:
        if isinstance(node, exp.Column):
            yield _Reference(node, reduced_by, None)
            return
        if isinstance(node, JSON_EXTRACTIONS):
            column, path = _json_chain(node)
            if column is not None:
                yield _Reference(column, reduced_by, path)
                return
        if isinstance(node, (exp.Subquery, exp.Select)):
            return  # scalar subqueries are their own scopes (see _subquery_edges)
        if _is_boolean_test(node):
            return  # a comparison, IS NULL, IN or EXISTS yields one bit, never the value it tested
        if isinstance(node, exp.Window):
            # Partition and order keys decide which rows are combined, not what value comes out; an
            # aggregate over a window keeps one row per input row, so it reduces nothing.
            function = node.this
            if function_name(function) in VALUE_FREE_FUNCTIONS:
                return
            for child in function.iter_expressions():
                yield from self._references(scope, child, reduced_by)
            return
        if isinstance(node, exp.Func) and function_name(node) in VALUE_FREE_FUNCTIONS:
            return
        if isinstance(node, exp.AggFunc) and function_name(node) in REDUCING_AGGREGATES:
            reduced_by = function_name(node)
        for child in node.iter_expressions():
            yield from self._references(scope, child, reduced_by)

    def _subquery_edges(self, scope: Scope, expression: exp.Expr) -> list[Edge]:
        edges: list[Edge] = []
        selects = {
            id(node)
            for node in expression.find_all(exp.Select)
            if not any(_is_boolean_test(parent) for parent in _ancestors(node, expression))
        }
        for child in scope.subquery_scopes:
            if id(child.expression) in selects and _named_selects(child.expression):
                edges.extend(self.output_column(child, _named_selects(child.expression)[0]))
        return edges

    # -- columns -----------------------------------------------------------------------------------
    def _column_edges(self, scope: Scope, column: exp.Column, follow_join_keys: bool) -> list[Edge]:
        edges = self._source_edges(scope, column)
        if follow_join_keys:
            for partner in _join_partners(scope, column):
                # A partner may live in a correlated subquery (`where exists (select ... where a.x = b.x)`):
                # resolve it in the scope that names its table.
                partner_scope = _scope_naming(scope, partner.table) or scope
                for edge in self._source_edges(partner_scope, partner):
                    edges.append(replace(edge, via="join_key"))
        return edges

    def _source_edges(self, scope: Scope, column: exp.Column) -> list[Edge]:
        current: Scope | None = scope
        while current is not None:
            source = current.sources.get(column.table)
            if isinstance(source, Scope):
                return self.output_column(source, column.name)
            if isinstance(source, exp.Table):
                return [Edge(SourceColumn(relation_key(source), column.name.lower()))]
            current = current.parent
        if column.table or column.name:
            self.unresolved.append(f"column {column.sql()}")
        return []

    def group_keys(self, scope: Scope) -> frozenset[SourceColumn]:
        if id(scope) not in self._group_memo:
            group = scope.expression.args.get("group")
            keys: set[SourceColumn] = set()
            if group is not None:
                for key in group.expressions:
                    if isinstance(key, exp.Literal) and key.is_int:
                        key = _selects(scope.expression)[int(key.this) - 1]
                    keys.update(edge.source for edge in self.expression_edges(scope, key))
            self._group_memo[id(scope)] = frozenset(keys)
        return self._group_memo[id(scope)]


def _equalities(scope: Scope) -> Iterator[tuple[exp.Column, exp.Column]]:
    conditions: list[exp.Expr] = []
    for join in scope.expression.args.get("joins") or []:
        if join.args.get("on") is not None:
            conditions.append(join.args["on"])
    where = scope.expression.args.get("where")
    if where is not None:
        conditions.append(where.this)
    for condition in conditions:
        for equality in condition.find_all(exp.EQ):
            left, right = equality.left, equality.right
            if isinstance(left, exp.Column) and isinstance(right, exp.Column) and left.table != right.table:
                yield left, right


def _join_partners(scope: Scope, column: exp.Column) -> list[exp.Column]:
    """Columns that a join condition makes equal to this one: the value *is* theirs."""
    partners: list[exp.Column] = []
    for left, right in _equalities(scope):
        if (left.table, left.name) == (column.table, column.name):
            partners.append(right)
        elif (right.table, right.name) == (column.table, column.name):
            partners.append(left)
    return partners


def statement_lineage(
    sql: str,
    dialect: str,
    schema: dict[str, dict[str, dict[str, dict[str, str]]]],
    output_columns: list[str] | None = None,
) -> StatementLineage:
    """Lineage of every output column of one SELECT (`output_columns` defaults to what it selects)."""
    parsed = sqlglot.parse_one(sql, read=dialect)
    try:
        qualified = qualify(
            parsed,
            schema=MappingSchema(dict(schema), dialect=dialect, normalize=True),
            dialect=dialect,
            validate_qualify_columns=False,
            identify=False,
        )
    except SqlglotError:
        qualified = qualify(parsed, dialect=dialect, validate_qualify_columns=False, identify=False)
    root = build_scope(qualified)
    if root is None:
        return StatementLineage({}, [f"no SELECT in statement ({parsed.key})"])
    resolver = _Resolver()
    names = output_columns or _named_selects(qualified)
    columns = {name.lower(): resolver.output_column(root, name) for name in names}
    return StatementLineage(columns, resolver.unresolved)


def _scope_naming(scope: Scope, table: str) -> Scope | None:
    """The scope, among `scope` and its subquery scopes (depth first), whose sources include `table`."""
    if not table or table in scope.sources:
        return scope if table else None
    for child in scope.subquery_scopes:
        found = _scope_naming(child, table)
        if found is not None:
            return found
    return None
