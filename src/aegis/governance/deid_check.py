"""The de-identification checker: does every Safe Harbor model really hold no identifier?

Two independent looks at each de-identified model (meta `deidentification: safe_harbor`, or any model
under models/marts/deidentified/):

1. Declared: every column's `phi` must be `none` or `quasi`; any identifier category (name, zip, dates,
   ssn, other_id, ...) is a finding, and so is a column in the built relation that the YAML does not
   declare at all.
2. Observed: the built relation is scanned in the warehouse. A date or timestamp column is a finding
   (Safe Harbor keeps years only), and every column, read as text, is matched against the shapes of
   identifiers: full dates, 5-digit ZIP codes, SSNs, email addresses and formatted phone numbers.

3. k-anonymity, for a model that declares its quasi-identifiers (meta `quasi_identifier_levels`): the
   smallest number of rows sharing one combination (k, NULL counting as one value), the rows in classes
   below the threshold (var `aegis_k_anonymity_min`, default 11; below it is a finding), and how many
   cells of each quasi-identifier the suppression set to NULL.

The scan runs inside the database and returns counts only: a finding names the model, the column, the
kind and how many rows match — never a value, so the report can go anywhere the checker's output goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from aegis.artifacts import Manifest, merged_meta, project_nodes
from aegis.governance.classification import classify_node

DEIDENTIFIED_FOLDER = "models/marts/deidentified/"
DEIDENTIFICATION_META = ("deidentification", "safe_harbor")
ALLOWED_CATEGORIES = frozenset({"none", "quasi"})

# Written for both RE2 (DuckDB) and PostgreSQL's ARE: no \d, no \b (a backspace in PostgreSQL), so digit
# runs are fenced with explicit non-digit guards.
_NOT_DIGIT_BEFORE = "(^|[^0-9])"
_NOT_DIGIT_AFTER = "([^0-9]|$)"
IDENTIFIER_PATTERNS: dict[str, tuple[str, str]] = {
    "full_date": (
        f"{_NOT_DIGIT_BEFORE}([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}){_NOT_DIGIT_AFTER}",
        "a full date (year-month-day or month/day/year)",
    ),
    "zip5": ("^[0-9]{5}(-[0-9]{4})?$", "a 5-digit ZIP code"),
    "ssn": (f"{_NOT_DIGIT_BEFORE}[0-9]{{3}}-[0-9]{{2}}-[0-9]{{4}}{_NOT_DIGIT_AFTER}", "an SSN (NNN-NN-NNNN)"),
    "email": ("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[.][A-Za-z]{2,}", "an email address"),
    "phone": (
        f"{_NOT_DIGIT_BEFORE}([(][0-9]{{3}}[)] ?|[0-9]{{3}}[-. ])[0-9]{{3}}[-. ][0-9]{{4}}{_NOT_DIGIT_AFTER}",
        "a phone number (NNN-NNN-NNNN, (NNN) NNN-NNNN)",
    ),
}
DATE_TYPE_WORDS = ("date", "time")  # date, timestamp, timestamptz, datetime, time with time zone
K_ANONYMITY_DEFAULT = 11  # the CMS small-cell threshold; dbt_project.yml vars.aegis_k_anonymity_min


@dataclass(frozen=True)
class Finding:
    """One problem: where, what kind, how many rows. Never the value."""

    model: str
    column: str
    kind: str
    detail: str
    rows: int | None = None

    def describe(self) -> str:
        count = "" if self.rows is None else f" ({self.rows} row(s))"
        return f"{self.model}.{self.column}: {self.kind}: {self.detail}{count}"


@dataclass(frozen=True)
class DeidentifiedModel:
    name: str
    schema: str
    identifier: str
    categories: dict[str, str | None]  # column -> declared phi
    quasi_identifiers: tuple[str, ...] = ()  # meta quasi_identifier_levels, flattened


@dataclass(frozen=True)
class KAnonymity:
    """k over a model's declared quasi-identifiers, measured in the warehouse (counts only)."""

    model: str
    threshold: int
    k: int
    classes: int
    rows: int
    rows_below_threshold: int
    suppressed: dict[str, int]  # quasi-identifier -> rows where it is NULL

    def describe(self) -> str:
        nulls = ", ".join(f"{column} {count}" for column, count in self.suppressed.items())
        return (
            f"{self.model}: k = {self.k} (threshold {self.threshold}) over {self.classes} class(es) of"
            f" {self.rows} row(s); {self.rows_below_threshold} row(s) in classes below {self.threshold};"
            f" NULL (suppressed or unknown): {nulls}"
        )


class Warehouse(Protocol):
    """What the checker needs from an engine: run one query, list a relation's columns."""

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def columns(self, schema: str, table: str) -> dict[str, str]: ...

    def regex_match(self, text_sql: str, pattern: str) -> str: ...


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class _DbApiWarehouse:
    """A DB-API connection (duckdb or psycopg2); information_schema is the same on both."""

    def __init__(self, connection: Any, regex: Callable[[str, str], str], params: str) -> None:
        self._connection = connection
        self._regex = regex
        self._params = params

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.cursor()
        try:
            # No parameters -> None: psycopg2 would otherwise read the % of a regex as a placeholder.
            cursor.execute(sql, list(args) if args else None)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def columns(self, schema: str, table: str) -> dict[str, str]:
        rows = self.query(
            "select column_name, data_type from information_schema.columns"
            f" where table_schema = {self._params} and table_name = {self._params}",
            (schema, table),
        )
        return {str(name).lower(): str(data_type).lower() for name, data_type in rows}

    def regex_match(self, text_sql: str, pattern: str) -> str:
        return self._regex(text_sql, _literal(pattern))


def duckdb_warehouse(connection: Any) -> Warehouse:
    return _DbApiWarehouse(connection, lambda text, pattern: f"regexp_matches({text}, {pattern})", "?")


def postgres_warehouse(connection: Any) -> Warehouse:
    return _DbApiWarehouse(connection, lambda text, pattern: f"({text} ~ {pattern})", "%s")


def is_deidentified(node: dict[str, Any]) -> bool:
    key, value = DEIDENTIFICATION_META
    in_folder = str(node.get("original_file_path", "")).replace("\\", "/").startswith(DEIDENTIFIED_FOLDER)
    return merged_meta(node).get(key) == value or in_folder


def deidentified_models(manifest: Manifest) -> list[DeidentifiedModel]:
    models = []
    for node in project_nodes(manifest, {"model"}):
        if not is_deidentified(node):
            continue
        record = classify_node(node)
        levels = merged_meta(node).get("quasi_identifier_levels") or []
        models.append(
            DeidentifiedModel(
                name=record["name"],
                schema=str(record["schema"]),
                identifier=str(record["identifier"]),
                categories={column["name"]: column["phi"] for column in record["columns"]},
                quasi_identifiers=tuple(str(column) for level in levels for column in level),
            )
        )
    return models


def declared_findings(model: DeidentifiedModel) -> list[Finding]:
    return [
        Finding(
            model.name,
            column,
            "identifier_category",
            f"classified phi '{category}'; a de-identified model may hold only {sorted(ALLOWED_CATEGORIES)}",
        )
        for column, category in model.categories.items()
        if category not in ALLOWED_CATEGORIES
    ]


def _scan_sql(
    model: DeidentifiedModel, columns: list[str], warehouse: Warehouse
) -> tuple[str, list[tuple[str, str]]]:
    probes: list[tuple[str, str]] = []
    selects: list[str] = []
    for column in columns:
        text = f"cast({_quote(column)} as varchar)"
        for kind, (pattern, _) in IDENTIFIER_PATTERNS.items():
            probes.append((column, kind))
            selects.append(
                f"coalesce(sum(case when {warehouse.regex_match(text, pattern)} then 1 else 0 end), 0)"
            )
    relation = f"{_quote(model.schema)}.{_quote(model.identifier)}"
    return f"select {', '.join(selects)} from {relation}", probes


def observed_findings(model: DeidentifiedModel, warehouse: Warehouse) -> list[Finding]:
    built = warehouse.columns(model.schema, model.identifier)
    if not built:
        return [
            Finding(model.name, "*", "not_built", f"relation {model.schema}.{model.identifier} not found")
        ]
    findings = [
        Finding(model.name, column, "unclassified_column", "in the built relation but not declared in YAML")
        for column in built
        if column not in model.categories
    ]
    findings += [
        Finding(model.name, column, "date_type", f"column type '{data_type}' keeps more than the year")
        for column, data_type in built.items()
        if any(word in data_type for word in DATE_TYPE_WORDS)
    ]
    sql, probes = _scan_sql(model, sorted(built), warehouse)
    (counts,) = warehouse.query(sql)
    for (column, kind), count in zip(probes, counts, strict=True):
        if int(count) > 0:
            findings.append(
                Finding(
                    model.name, column, kind, f"values look like {IDENTIFIER_PATTERNS[kind][1]}", int(count)
                )
            )
    return findings


def measure_k_anonymity(model: DeidentifiedModel, warehouse: Warehouse, threshold: int) -> KAnonymity:
    relation = f"{_quote(model.schema)}.{_quote(model.identifier)}"
    columns = [_quote(column) for column in model.quasi_identifiers]
    ((k, classes, rows, below),) = warehouse.query(
        "select coalesce(min(class_size), 0), count(*), coalesce(sum(class_size), 0),"
        f" coalesce(sum(case when class_size < {int(threshold)} then class_size else 0 end), 0)"
        f" from (select count(*) as class_size from {relation} group by {', '.join(columns)}) as classes"
    )
    (nulls,) = warehouse.query(
        "select " + ", ".join(f"count(*) - count({column})" for column in columns) + f" from {relation}"
    )
    return KAnonymity(
        model.name,
        threshold,
        int(k),
        int(classes),
        int(rows),
        int(below),
        {column: int(count) for column, count in zip(model.quasi_identifiers, nulls, strict=True)},
    )


def k_anonymity_findings(measure: KAnonymity) -> list[Finding]:
    if measure.k >= measure.threshold:
        return []
    return [
        Finding(
            measure.model,
            "*",
            "k_anonymity",
            f"k = {measure.k} below {measure.threshold} on the declared quasi-identifiers",
            measure.rows_below_threshold,
        )
    ]


@dataclass(frozen=True)
class DeidReport:
    models: list[str]
    findings: list[Finding]
    k_anonymity: list[KAnonymity] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.models) and not self.findings


def check(
    manifest: Manifest, warehouse: Warehouse | None, k_threshold: int = K_ANONYMITY_DEFAULT
) -> DeidReport:
    """Declared checks always; data checks (identifier shapes, k-anonymity) when a warehouse is given. No
    de-identified model is itself a failure (ok is False): the checker must never pass by having looked at
    nothing."""
    models = deidentified_models(manifest)
    findings: list[Finding] = []
    measures: list[KAnonymity] = []
    for model in models:
        findings += declared_findings(model)
        if warehouse is not None:
            model_findings = observed_findings(model, warehouse)
            findings += model_findings
            built = not any(finding.kind == "not_built" for finding in model_findings)
            if model.quasi_identifiers and built:
                measures.append(measure_k_anonymity(model, warehouse, k_threshold))
                findings += k_anonymity_findings(measures[-1])
    return DeidReport([model.name for model in models], findings, measures)


def open_warehouse(engine: str, duckdb_path: Path | None = None) -> tuple[Warehouse, Callable[[], None]]:
    """A read-only view of the built warehouse: DuckDB file, or PostgreSQL from the AEGIS_PG_* variables."""
    if engine == "duckdb":
        import duckdb

        from aegis.paths import Paths

        connection = duckdb.connect(str(duckdb_path or Paths.from_env().duckdb_path), read_only=True)
        return duckdb_warehouse(connection), connection.close
    if engine == "postgres":
        from aegis.engines.postgres import connect_from_env

        connection = connect_from_env()
        connection.set_session(readonly=True, autocommit=True)
        return postgres_warehouse(connection), connection.close
    raise ValueError(f"unsupported engine '{engine}' (duckdb, postgres)")
