"""Who can see what: tier (role) x model.column -> clear / masked (strategy) / denied, and rows.

The declared matrix is read from the engine-neutral plan (`classification.load_plan`), never
re-derived. On PostgreSQL the same matrix can also be measured from the live catalog (effective
column privileges of each tier role on base relations and tier views, row-level security policies,
tier view filters) and compared with the declared one. Only names and strategies are written: the
matrix never reads a data value.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = ("md", "csv", "html")
CLEAR, MASKED, DENIED = "clear", "masked", "denied"
# Rows of a model with a sensitive-row filter, per tier.
ROWS_VISIBLE, ROWS_HIDDEN, ROWS_NO_ACCESS = "sensitive rows visible", "sensitive rows hidden", "no access"
# How a column is readable on PostgreSQL: on the base relation (values in clear) or only through the
# tier's masked view.
READ_BASE, READ_VIEW = "base", "tier view"


@dataclass(frozen=True)
class Cell:
    """One tier's outcome for one column (names and strategy only)."""

    tier: str
    role: str
    model: str
    column: str
    category: str
    strategy: str
    measured: str | None = None  # PostgreSQL only: base / tier view / denied

    @property
    def outcome(self) -> str:
        if self.strategy == "clear":
            return CLEAR
        if self.strategy == "deny":
            return DENIED
        return MASKED

    @property
    def label(self) -> str:
        return f"masked ({self.strategy})" if self.outcome == MASKED else self.outcome

    @property
    def agrees(self) -> bool | None:
        """Whether the measured access fits the declared outcome (None when not measured)."""
        if self.measured is None:
            return None
        if self.outcome == DENIED:
            return self.measured == DENIED
        if self.outcome == MASKED:
            return self.measured == READ_VIEW  # readable on the base relation would leak clear values
        return self.measured in (READ_BASE, READ_VIEW)


@dataclass(frozen=True)
class RowRule:
    """Whether a tier sees the sensitive rows of a model that has a sensitive-row filter."""

    tier: str
    model: str
    filter_column: str
    group: str
    declared: str
    measured: str | None = None

    @property
    def agrees(self) -> bool | None:
        return None if self.measured is None else self.measured == self.declared


@dataclass
class AccessMatrix:
    tiers: list[str]
    cells: list[Cell]
    rows: list[RowRule]
    measured_on: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def differences(self) -> list[str]:
        """Where measured != declared, in words (names only)."""
        found = [
            f"{c.role} on {c.model}.{c.column}: declared {c.label}, measured {c.measured}"
            for c in self.cells
            if c.agrees is False
        ]
        found += [
            f"{r.tier} on {r.model}: declared {r.declared}, measured {r.measured}"
            for r in self.rows
            if r.agrees is False
        ]
        return found


# --- declared ------------------------------------------------------------------------------------


def model_name(entry: dict[str, Any]) -> str:
    return str(entry["name"])


def readable_columns(entry: dict[str, Any], tier: str) -> list[str]:
    """Columns a tier gets in any form (every strategy except deny)."""
    return [c["name"] for c in entry["columns"] if c["strategies"][tier] != "deny"]


def reads_base_directly(entry: dict[str, Any], tier: dict[str, Any]) -> bool:
    """PostgreSQL: whether the tier is granted the base relation itself (mirror of macro
    aegis_reads_base_directly): a grant must describe everything it gets — every column clear or
    deny — and it must see every row or the table filters rows with row-level security."""
    if not tier["can_read"]:
        return False
    if any(c["strategies"][tier["tier"]] not in ("clear", "deny") for c in entry["columns"]):
        return False
    rows_filtered_on_base = bool(entry["row_filter"]) and entry["relation_kind"] == "table"
    return bool(tier["sees_sensitive_rows"]) or rows_filtered_on_base


def base_grant_columns(entry: dict[str, Any], tier: dict[str, Any]) -> list[str]:
    if not reads_base_directly(entry, tier):
        return []
    return [c["name"] for c in entry["columns"] if c["strategies"][tier["tier"]] == "clear"]


def tier_view_columns(entry: dict[str, Any], tier: dict[str, Any]) -> list[str]:
    """Columns granted on the tier's view; an empty list means the tier has no view of the model."""
    return readable_columns(entry, tier["tier"]) if tier["can_read"] else []


def declared_rows(entry: dict[str, Any], tier: dict[str, Any]) -> str:
    if not tier["can_read"] or not readable_columns(entry, tier["tier"]):
        return ROWS_NO_ACCESS
    return ROWS_VISIBLE if tier["sees_sensitive_rows"] else ROWS_HIDDEN


def declared_matrix(plan: list[dict[str, Any]]) -> AccessMatrix:
    tiers = [t["tier"] for t in plan[0]["tiers"]] if plan else []
    cells: list[Cell] = []
    rows: list[RowRule] = []
    for entry in sorted(plan, key=model_name):
        for tier in entry["tiers"]:
            for column in entry["columns"]:
                cells.append(
                    Cell(
                        tier=tier["tier"],
                        role=tier["role"],
                        model=model_name(entry),
                        column=column["name"],
                        category=str(column["category"]),
                        strategy=column["strategies"][tier["tier"]],
                    )
                )
            if entry["row_filter"]:
                rows.append(
                    RowRule(
                        tier=tier["tier"],
                        model=model_name(entry),
                        filter_column=entry["row_filter"]["column"],
                        group=entry["row_filter"]["group"],
                        declared=declared_rows(entry, tier),
                    )
                )
    return AccessMatrix(tiers=tiers, cells=cells, rows=rows)


# --- measured on PostgreSQL --------------------------------------------------------------------


def tier_schema(base_schema: str, tier: str) -> str:
    """Mirror of macro aegis_tier_schema."""
    return f"{base_schema}_tier_{tier}"


def normalise_predicate(predicate: str | None) -> str:
    """`(is_part2_sensitive = false)` and `is_part2_sensitive = false` compare equal."""
    return re.sub(r"[\s()]", "", (predicate or "").lower())


def hides_sensitive_rows(predicate: str | None, filter_column: str) -> bool:
    return normalise_predicate(predicate) == normalise_predicate(f"{filter_column} = false")


def _fetch(connection: Any, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


def _readable(connection: Any, role: str, schema: str, relation: str, column: str) -> bool:
    """Effective privilege (role membership and PUBLIC included): usage on the schema + select."""
    rows = _fetch(
        connection,
        "select c.oid is not null"
        " and has_schema_privilege(%s, n.oid, 'USAGE')"
        " and has_column_privilege(%s, c.oid, %s, 'SELECT')"
        " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " join pg_attribute a on a.attrelid = c.oid and a.attname = %s and not a.attisdropped"
        " where n.nspname = %s and c.relname = %s",
        (role, role, column, column, schema, relation),
    )
    return bool(rows and rows[0][0])


def _base_rows_hidden(connection: Any, role: str, schema: str, relation: str, column: str) -> bool:
    """Row-level security on the base table hides sensitive rows from `role`."""
    enabled = _fetch(
        connection,
        "select c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " where n.nspname = %s and c.relname = %s",
        (schema, relation),
    )
    if not enabled or not enabled[0][0]:
        return False
    policies = _fetch(
        connection,
        "select qual from pg_policies where schemaname = %s and tablename = %s"
        " and cmd in ('SELECT', 'ALL') and permissive = 'PERMISSIVE'"
        " and (%s = any(roles) or 'public' = any(roles))",
        (schema, relation, role),
    )
    return all(hides_sensitive_rows(qual, column) for (qual,) in policies)


def _view_rows_hidden(connection: Any, schema: str, view: str, column: str) -> bool:
    rows = _fetch(
        connection,
        "select definition from pg_views where schemaname = %s and viewname = %s",
        (schema, view),
    )
    if not rows:
        return False
    pattern = rf"\bwhere\s*\(*\s*(?:\w+\.)?{re.escape(column)}\s*=\s*false\s*\)*\s*;?\s*$"
    return re.search(pattern, str(rows[0][0]).strip().lower()) is not None


def measure_postgres(connection: Any, plan: list[dict[str, Any]]) -> AccessMatrix:
    """The declared matrix with what the live PostgreSQL catalog grants filled in."""
    declared = declared_matrix(plan)
    by_model = {model_name(entry): entry for entry in plan}
    measured_cells: list[Cell] = []
    for cell in declared.cells:
        entry = by_model[cell.model]
        view_schema = tier_schema(entry["schema"], cell.tier)
        if _readable(connection, cell.role, entry["schema"], entry["identifier"], cell.column):
            measured = READ_BASE
        elif _readable(connection, cell.role, view_schema, entry["identifier"], cell.column):
            measured = READ_VIEW
        else:
            measured = DENIED
        measured_cells.append(_with(cell, measured))
    measured_rows = [_measure_rows(connection, by_model[rule.model], rule) for rule in declared.rows]
    return AccessMatrix(
        tiers=declared.tiers,
        cells=measured_cells,
        rows=measured_rows,
        measured_on="postgres",
        notes=[
            "measured: effective SELECT privilege (has_column_privilege, schema USAGE) of each tier role on "
            "the base relation and on its tier view; rows from pg_policies / relrowsecurity and the tier "
            "view's filter. Whether a masked view column applies the right strategy is checked by "
            "`aegis governance verify` (view definitions)."
        ],
    )


def _with(cell: Cell, measured: str) -> Cell:
    return Cell(cell.tier, cell.role, cell.model, cell.column, cell.category, cell.strategy, measured)


def _measure_rows(connection: Any, entry: dict[str, Any], rule: RowRule) -> RowRule:
    role = next(t["role"] for t in entry["tiers"] if t["tier"] == rule.tier)
    schema, relation, flag = entry["schema"], entry["identifier"], rule.filter_column
    view_schema = tier_schema(schema, rule.tier)
    paths: list[bool] = []  # one per way the role can read rows: True when it hides sensitive ones
    if any(_readable(connection, role, schema, relation, c["name"]) for c in entry["columns"]):
        paths.append(_base_rows_hidden(connection, role, schema, relation, flag))
    if any(_readable(connection, role, view_schema, relation, c["name"]) for c in entry["columns"]):
        paths.append(_view_rows_hidden(connection, view_schema, relation, flag))
    measured = ROWS_NO_ACCESS if not paths else ROWS_HIDDEN if all(paths) else ROWS_VISIBLE
    return RowRule(rule.tier, rule.model, rule.filter_column, rule.group, rule.declared, measured)


# --- writers -----------------------------------------------------------------------------------


def _columns_by_model(matrix: AccessMatrix) -> dict[tuple[str, str], dict[str, Cell]]:
    grid: dict[tuple[str, str], dict[str, Cell]] = {}
    for cell in matrix.cells:
        grid.setdefault((cell.model, cell.column), {})[cell.tier] = cell
    return grid


def _cell_text(cell: Cell) -> str:
    if cell.measured is None:
        return cell.label
    mark = "" if cell.agrees else " ≠"
    return f"{cell.label} [{cell.measured}]{mark}"


def to_markdown(matrix: AccessMatrix) -> str:
    grid = _columns_by_model(matrix)
    out = ["# Access matrix", ""]
    out.append(
        "Tier (role) x model.column: `clear`, `masked (<strategy>)` or `denied`, from the governance plan."
        + (
            f" Measured on {matrix.measured_on} in brackets; ≠ marks a difference."
            if matrix.measured_on
            else ""
        )
    )
    out.append("")
    out.append("| model | column | category | " + " | ".join(matrix.tiers) + " |")
    out.append("|---|---|---|" + "---|" * len(matrix.tiers))
    for (model, column), cells in grid.items():
        category = next(iter(cells.values())).category
        values = " | ".join(_cell_text(cells[tier]) for tier in matrix.tiers)
        out.append(f"| {model} | {column} | {category} | {values} |")
    out += ["", "## Row filtering", ""]
    if matrix.rows:
        out.append("| model | filter column | group | tier | declared | measured |")
        out.append("|---|---|---|---|---|---|")
        for rule in matrix.rows:
            out.append(
                f"| {rule.model} | {rule.filter_column} | {rule.group} | {rule.tier} | {rule.declared} "
                f"| {rule.measured or ''} |"
            )
    else:
        out.append("No model has a sensitive-row filter.")
    if matrix.measured_on:
        out += ["", f"## Measured on {matrix.measured_on} vs declared", ""]
        out += [f"- {line}" for line in matrix.differences] or ["No difference."]
        out += ["", *matrix.notes]
    return "\n".join(out) + "\n"


def to_csv(matrix: AccessMatrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["tier", "role", "model", "column", "category", "outcome", "strategy"]
    if matrix.measured_on:
        header += ["measured", "agrees"]
    writer.writerow(header)
    for cell in matrix.cells:
        row = [cell.tier, cell.role, cell.model, cell.column, cell.category, cell.outcome, cell.strategy]
        if matrix.measured_on:
            row += [cell.measured or "", str(cell.agrees).lower()]
        writer.writerow(row)
    return buffer.getvalue()


def rows_to_csv(matrix: AccessMatrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["tier", "model", "filter_column", "group", "declared", "measured"])
    for rule in matrix.rows:
        writer.writerow(
            [rule.tier, rule.model, rule.filter_column, rule.group, rule.declared, rule.measured or ""]
        )
    return buffer.getvalue()


HTML_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.clear { background: #d9f2d9; } td.masked { background: #fff1c2; } td.denied { background: #f6d0d0; }
td.differs { outline: 3px solid #c00; }
#filter { width: 30rem; padding: 0.3rem; margin-bottom: 0.8rem; }
"""

HTML_SCRIPT = """
document.getElementById('filter').addEventListener('input', function (event) {
  var needle = event.target.value.toLowerCase();
  document.querySelectorAll('tbody tr').forEach(function (row) {
    row.style.display = row.textContent.toLowerCase().indexOf(needle) === -1 ? 'none' : '';
  });
});
"""


def _html_row(cells: Iterable[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def to_html(matrix: AccessMatrix) -> str:
    e = html.escape
    grid = _columns_by_model(matrix)
    head = _html_row(f"<th>{e(h)}</th>" for h in ["model", "column", "category", *matrix.tiers])
    body = []
    for (model, column), cells in grid.items():
        tds = [
            f"<td>{e(model)}</td>",
            f"<td>{e(column)}</td>",
            f"<td>{e(next(iter(cells.values())).category)}</td>",
        ]
        for tier in matrix.tiers:
            cell = cells[tier]
            css = cell.outcome + (" differs" if cell.agrees is False else "")
            tds.append(f'<td class="{css}">{e(_cell_text(cell))}</td>')
        body.append(_html_row(tds))
    row_head = _html_row(
        f"<th>{e(h)}</th>" for h in ["model", "filter column", "group", "tier", "declared", "measured"]
    )
    row_body = [
        _html_row(
            [
                *(f"<td>{e(v)}</td>" for v in (r.model, r.filter_column, r.group, r.tier, r.declared)),
                f'<td class="{"differs" if r.agrees is False else ""}">{e(r.measured or "")}</td>',
            ]
        )
        for r in matrix.rows
    ]
    differences = "".join(f"<li>{e(d)}</li>" for d in matrix.differences)
    measured = (
        f"<h2>Measured on {e(matrix.measured_on)} vs declared</h2><ul>{differences or '<li>No difference.</li>'}</ul>"
        if matrix.measured_on
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Aegis access matrix</title>'
        f"<style>{HTML_STYLE}</style></head><body>"
        "<h1>Access matrix</h1><p>Tier (role) x model.column from the governance plan: "
        '<span style="background:#d9f2d9">clear</span>, <span style="background:#fff1c2">masked (strategy)</span>, '
        '<span style="background:#f6d0d0">denied</span>. Names and strategies only, never values.</p>'
        '<input id="filter" type="search" placeholder="filter: model, column, category, strategy...">'
        f'<table id="columns"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
        f'<h2>Row filtering</h2><table id="rows"><thead>{row_head}</thead><tbody>{"".join(row_body)}</tbody></table>'
        f"{measured}<script>{HTML_SCRIPT}</script></body></html>\n"
    )


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown format(s) {unknown or value!r}; choose from {', '.join(FORMATS)}")
    return formats


def write_reports(matrix: AccessMatrix, out_dir: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write access-matrix.{md,csv,html} (and access-matrix-rows.csv) into out_dir; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "md":
            written.append(_write(out_dir / "access-matrix.md", to_markdown(matrix)))
        elif fmt == "csv":
            written.append(_write(out_dir / "access-matrix.csv", to_csv(matrix)))
            written.append(_write(out_dir / "access-matrix-rows.csv", rows_to_csv(matrix)))
        elif fmt == "html":
            written.append(_write(out_dir / "access-matrix.html", to_html(matrix)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
