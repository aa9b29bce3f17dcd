"""`aegis views staging`: ViewDefinitions -> checked-in dbt staging models and their engine macros.

For each `models/staging/fhir/views/<model>.json` (a SQL on FHIR v2 ViewDefinition named like its model):

- the view is planned once and rendered for every engine by aegis.views (one reader, one plan, thin
  renderers), and written as one macro file `macros/staging_views/view_<model>.sql`: a dispatcher and
  one `<engine>__view_<model>(relation)` macro per engine, so engine differences go through
  `adapter.dispatch` like every other engine difference of the project;
- the model `models/staging/fhir/<model>.sql` keeps the staging semantics that are not the view's: the
  incremental filter, one row per resource (its latest delivery, deletions applied:
  aegis.fhir_latest_versions; the rows of a view that gives one row per resource and filters none are
  ranked after it flattens, the envelopes of any other view before), the envelope columns, and typing
  (FHIR `date`/`dateTime` through the project's parse macros, `ansi/type` tags for numbers). Columns tagged `aegis/column` are alternatives
  for one output column (choice types: `effectiveDateTime` or `effectivePeriod.start`), coalesced in
  the view's order.

Python generates, the output is checked in and `make test` runs `aegis views staging --check` (it fails
when a file differs from what the views give): dbt needs no Python at run time, reviewers see the SQL,
and the conformance suite tests the very renderers that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from aegis.staging.systems import DECLARED
from aegis.views import ENGINES, SqlSource, render_plan
from aegis.views.planner import plan_view
from aegis.views.reader import Select, read_view_definition

VIEWS_DIR = Path("models/staging/fhir/views")
MODELS_DIR = Path("models/staging/fhir")
MACROS_DIR = Path("macros/staging_views")
# The envelope columns every staging row carries (from aegis.fhir_typed_envelopes).
ENVELOPE = ("event_id", "version_id", "last_updated_at", "received_at", "is_deleted")
# What the view carries through besides its columns: the key, the envelope, and source_position, which
# aegis.fhir_latest_versions ranks by (a view of one row per resource is ranked after it flattens).
CARRIED = ("resource_id", *ENVELOPE, "source_position")
RELATION_PLACEHOLDER = "__aegis_relation__"
# The row-sensitivity mark (42 CFR Part 2) of a view with columns tagged `aegis/sensitive-code` (value: the
# code system). The view says which columns hold which code system; the rule (which codes are sensitive) is
# data read at run time by aegis.sensitive_row_flag, so a rule change needs no regeneration.
SENSITIVE_CODE_TAG = "aegis/sensitive-code"
SENSITIVE_ROW_COLUMN = "is_part2_sensitive"
SENSITIVE_CODE_SYSTEMS = ("icd10cm", "snomed", "rxnorm", "hcpcs")


class StagingViewError(ValueError):
    """A ViewDefinition that cannot become a staging model (names the file and what is wrong)."""


@dataclass(frozen=True)
class Column:
    name: str  # the output column
    view_columns: tuple[str, ...]  # coalesced in this order
    fhir_type: str | None
    ansi_type: str | None
    # FHIRPath of each view column from the resource root (a forEach context prefixed as `item[].`):
    # what the PHI lineage audit follows into the resource.
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class StagingView:
    path: Path
    document: dict[str, Any]
    model: str
    source_table: str
    key: str
    row_key: str | None  # a second key for models of several rows per resource (EOB lines)
    columns: tuple[Column, ...]
    # (code system, view column) of every column tagged aegis/sensitive-code, in the view's order.
    sensitive_codes: tuple[tuple[str, str], ...] = ()


def _tag(column: dict[str, Any], name: str) -> str | None:
    for tag in column.get("tag", []):
        if tag.get("name") == name:
            return str(tag["value"])
    return None


def ranks_flattened_rows(document: dict[str, Any]) -> bool:
    """Whether the model ranks the view's rows (flattened first) rather than the envelopes: when the view
    gives exactly one row per resource. A `where` could drop the latest delivery and let an older one win;
    several rows of one delivery must stay together. Read by the project's ViewDefinition reader, as the
    compiler reads it."""
    view = read_view_definition(document)
    return not view.where and all(_one_row_per_resource(select) for select in view.selects)


def _one_row_per_resource(select: Select) -> bool:
    """No forEach, forEachOrNull, repeat or unionAll in `select` or under it."""
    iterates = select.for_each is not None or select.for_each_or_null is not None or bool(select.repeat)
    return not iterates and not select.union_all and all(_one_row_per_resource(s) for s in select.selects)


def _view_columns(select: list[dict[str, Any]], context: str = "") -> list[tuple[dict[str, Any], str]]:
    """(column, the path of its context from the resource root) for every column of the view."""
    found: list[tuple[dict[str, Any], str]] = []
    for node in select:
        each = node.get("forEach") or node.get("forEachOrNull")
        here = f"{context}{each}[]." if each else context
        found += [(column, here) for column in node.get("column", [])]
        found += _view_columns(node.get("select", []), here)
        for branch in node.get("unionAll", []):
            found += _view_columns([branch], here)
    return found


def read_staging_view(path: Path) -> StagingView:
    document = orjson.loads(path.read_bytes())
    model = document.get("name")
    if model != path.stem:
        raise StagingViewError(f"{path}: ViewDefinition.name must be the model name {path.stem!r}")
    for constant in document.get("constant", []):
        name = constant.get("name")
        value = next((v for k, v in constant.items() if k.startswith("value")), None)
        if name in DECLARED and value != DECLARED[name]:
            raise StagingViewError(
                f"{path}: constant %{name} must be {DECLARED[name]!r} (aegis.staging.systems)"
            )
    extension = {e["url"]: e for e in document.get("extension", [])}
    settings = extension.get("urn:aegis:staging")
    if settings is None:
        raise StagingViewError(f"{path}: needs the extension urn:aegis:staging (source table, key)")
    options = {item["url"]: item.get("valueString") for item in settings.get("extension", [])}
    columns: dict[str, Column] = {}
    sensitive_codes: list[tuple[str, str]] = []
    for column, context in _view_columns(document.get("select", [])):
        system = _tag(column, SENSITIVE_CODE_TAG)
        if system is not None:
            if system not in SENSITIVE_CODE_SYSTEMS:
                raise StagingViewError(
                    f"{path}: column {column['name']!r}: {SENSITIVE_CODE_TAG} must be one of "
                    f"{', '.join(SENSITIVE_CODE_SYSTEMS)}, not {system!r}"
                )
            sensitive_codes.append((system, column["name"]))
        output = _tag(column, "aegis/column") or column["name"]
        known = columns.get(output)
        view_columns = (*known.view_columns, column["name"]) if known else (column["name"],)
        paths = (*known.paths, context + column["path"]) if known else (context + column["path"],)
        columns[output] = Column(output, view_columns, column.get("type"), _tag(column, "ansi/type"), paths)
    return StagingView(
        path=path,
        document=document,
        model=model,
        source_table=str(options["source"]),
        key=str(options["key"]),
        row_key=options.get("rowKey"),
        columns=tuple(columns.values()),
        sensitive_codes=tuple(sensitive_codes),
    )


def _view_column(name: str, alias: str = "flattened") -> str:
    """A column of the rendered view, quoted as the renderers name it: on Snowflake a quoted lowercase name
    is case-sensitive, and `flattened.mrn` would look for MRN."""
    return alias + '."' + name.replace('"', '""') + '"'


def _typed(column: Column) -> str:
    parts = [_view_column(name) for name in column.view_columns]
    if column.fhir_type == "date":
        parts = [f"{{{{ aegis.parse_fhir_date('{part}') }}}}" for part in parts]
    elif column.fhir_type in ("dateTime", "instant"):
        parts = [f"{{{{ aegis.parse_fhir_timestamp('{part}') }}}}" for part in parts]
    elif column.ansi_type:
        parts = [f"cast({part} as {column.ansi_type.lower()})" for part in parts]
    expression = parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"
    return f"{expression} as {column.name}"


def model_sql(view: StagingView) -> str:
    typed = ",\n        ".join(_typed(column) for column in view.columns)
    if view.sensitive_codes:
        codes = ", ".join(f"['{system}', '{_view_column(name)}']" for system, name in view.sensitive_codes)
        typed += f",\n        {{{{ aegis.sensitive_row_flag([{codes}]) }}}} as {SENSITIVE_ROW_COLUMN}"
    envelope = ",\n        ".join(f"flattened.{name}" for name in ENVELOPE)
    note = (
        "{#- Generated by `aegis views staging` from views/" + view.path.name + " (a SQL on FHIR v2\n"
        "    ViewDefinition). Do not edit: change the view and run the command again; make test fails when\n"
        "    this file is not what the view gives. The flattening is macros/staging_views/view_"
        + view.model
        + ".sql. -#}\n"
    )
    # A view flattens the resources that exist: a deletion's envelope has no resource (the view's
    # resourceType filter drops it, and a forEach gives it no row). So on an incremental run the deletions
    # are added after the view as a row of their key only, which delete+insert uses to drop the stored
    # rows, and the post-hook then removes. A full refresh has nothing to replace: it leaves them out. For a
    # view of several rows per resource (forEachOrNull), a resource without any gives one empty row, which
    # is dropped too; on an incremental run it is kept as a deletion of its key instead, so that a new
    # version without rows (an EOB whose items are gone) drops the rows of the old one.
    keep = (
        f"not flattened.is_deleted and {_view_column(view.row_key)} is not null"
        if view.row_key
        else ("not flattened.is_deleted")
    )
    null_columns: list[str | list[str]] = [
        [column.name, column.ansi_type.lower()] if column.ansi_type else column.name
        for column in view.columns
    ] + ([SENSITIVE_ROW_COLUMN] if view.sensitive_codes else [])
    emptied = (
        f"""
    union all
    {{{{ aegis.fhir_staged_deletions('flattened', '{view.key}', {null_columns}, condition='not deletions.is_deleted and {_view_column(view.row_key, "deletions")} is null') }}}}"""
        if view.row_key
        else ""
    )
    flatten = f"aegis.view_{view.model}"
    rank = "aegis.fhir_latest_versions"
    stored = f"stored_id_column='{view.key}'"
    if ranks_flattened_rows(view.document):
        # Every delivery flattened, then the latest kept: the version sort carries the view's columns, not
        # the resource JSON (docs/performance.md). A deletion flattens to a row of NULL columns and ranks
        # like any delivery.
        first_cte = "flattened_versions"
        first, then = f"{flatten}('envelopes')", f"{rank}('{first_cte}', {stored})"
        latest = "flattened"  # the CTE whose winning deletions an incremental run stages
    else:
        # Several rows per resource: the envelopes are ranked first, so that one delivery's rows stay
        # together.
        first_cte = latest = "latest_versions"
        first, then = f"{rank}('envelopes', {stored})", f"{flatten}('{first_cte}')"
    versions = f"""{first_cte} as (

    {{{{ {first} }}}}

),

{{# Computed once: a sensitive-code test in final is a correlated subquery, which DuckDB decorrelates
    into a second read of this CTE. #}}
flattened as {{{{ aegis.aegis_cte_materialized() }}}} (

    {{{{ {then} }}}}

)"""
    return f"""{note}{{{{ config(
    materialized='incremental',
    unique_key='{view.key}',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    post_hook=["{{% if is_incremental() %}}delete from {{{{ this }}}} where is_deleted{{% endif %}}"],
) }}}}

-- noqa: disable=all
with

source as (

    select * from {{{{ source('fhir', '{view.source_table}') }}}}
    {{% if is_incremental() %}}
        where {{{{ aegis.fhir_received_since_last_load(this) }}}}
    {{% endif %}}

),

envelopes as (

    {{{{ aegis.fhir_typed_envelopes('source') }}}}

),

{versions},

final as (

    select
        flattened.resource_id as {view.key},
        {typed},
        {envelope}
    from flattened
    where {keep}
    {{% if is_incremental() %}}
    union all
    {{{{ aegis.fhir_staged_deletions('{latest}', '{view.key}', {null_columns}) }}}}{emptied}
    {{% endif %}}

)

select * from final
"""


def macro_sql(view: StagingView) -> str:
    plan = plan_view(read_view_definition(view.document))
    # The envelope's resource_type (the resource's own, by the landing contract) selects the rows, so that
    # a deletion, which has no resource, stays a row of the view and ranks.
    source = SqlSource(
        RELATION_PLACEHOLDER, resource_type_column="resource_type", passthrough_columns=CARRIED
    )
    name = f"view_{view.model}"
    blocks = [
        "{#- Generated by `aegis views staging` from models/staging/fhir/views/"
        + view.path.name
        + ": the view\n    rendered for each engine by aegis.views. Do not edit. -#}\n"
        + f"{{% macro {name}(relation) -%}}\n"
        + f"    {{{{ return(adapter.dispatch('{name}', 'aegis')(relation)) }}}}\n"
        + "{%- endmacro %}\n"
    ]
    for engine in ENGINES:
        sql = render_plan(plan, engine, source).sql.replace(RELATION_PLACEHOLDER, "{{ relation }}")
        blocks.append(f"{{% macro {engine}__{name}(relation) -%}}\n{sql.rstrip()}\n{{%- endmacro %}}\n")
    return "\n".join(blocks)


def staging_views(root: Path) -> list[StagingView]:
    """Every staging ViewDefinition of the project at `root`."""
    return [read_staging_view(path) for path in sorted((root / VIEWS_DIR).glob("*.json"))]


def generated_files(root: Path) -> dict[Path, str]:
    """Every file the views give, by path relative to `root` (the project)."""
    files: dict[Path, str] = {}
    for view in staging_views(root):
        files[MODELS_DIR / f"{view.model}.sql"] = model_sql(view)
        files[MACROS_DIR / f"view_{view.model}.sql"] = macro_sql(view)
    return files


def write_or_check(root: Path, *, check: bool) -> list[Path]:
    """Write the generated files, or (check) list those that differ from what is on disk."""
    files = generated_files(root)
    if not files:
        raise StagingViewError(f"no ViewDefinition in {root / VIEWS_DIR}: nothing to generate")
    stale: list[Path] = []
    for relative, text in files.items():
        target = root / relative
        if target.is_file() and target.read_text() == text:
            continue
        stale.append(relative)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    orphans = sorted(
        path.relative_to(root)
        for path in (root / MACROS_DIR).glob("view_*.sql")
        if path.relative_to(root) not in files
    )
    if orphans:
        stale += orphans
        if not check:
            for orphan in orphans:
                (root / orphan).unlink()
    return stale
