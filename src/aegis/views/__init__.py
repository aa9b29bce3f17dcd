"""SQL on FHIR v2: compile a ViewDefinition into SQL for DuckDB, PostgreSQL, Snowflake or Redshift.

One reader (aegis.views.reader) -> the planner (aegis.views.planner) -> one engine-neutral relational plan
(aegis.views.plan) -> a thin renderer per engine (aegis.views.render). `compile_view` runs the three steps:

    compiled = compile_view(view_json, "postgres", SqlSource("raw.fhir_resources"))
    compiled.sql       # one SELECT; one row per view row
    compiled.columns   # names and SQL types, in the view's column order
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aegis.views.errors import FhirPathSyntaxError, ViewCompileError, ViewDefinitionError, ViewShapeError
from aegis.views.plan import OutputColumn, SqlType, ViewPlan
from aegis.views.planner import plan_view
from aegis.views.reader import ViewDefinition, read_view_definition
from aegis.views.render import ENGINES, SqlSource, renderer_for

DEFAULT_SOURCE = SqlSource("fhir_resources")


@dataclass(frozen=True)
class CompiledView:
    name: str
    resource_type: str
    engine: str
    sql: str
    columns: tuple[OutputColumn, ...]


def compile_view(document: Any, engine: str, source: SqlSource = DEFAULT_SOURCE) -> CompiledView:
    """The SQL of ViewDefinition `document` (parsed JSON) on `engine`, reading `source`.

    Raises ViewShapeError (bad shape) or ViewCompileError (an expression that cannot compile; the message
    names the view, the column and the expression); both are ViewDefinitionError.
    """
    plan = plan_view(read_view_definition(document))
    return render_plan(plan, engine, source)


def render_plan(plan: ViewPlan, engine: str, source: SqlSource = DEFAULT_SOURCE) -> CompiledView:
    """Render an already planned view (plan once, render for every engine)."""
    sql = renderer_for(engine).render(plan, source)
    return CompiledView(plan.name, plan.resource_type, engine, sql, plan.output)


__all__ = [
    "DEFAULT_SOURCE",
    "ENGINES",
    "CompiledView",
    "FhirPathSyntaxError",
    "OutputColumn",
    "SqlSource",
    "SqlType",
    "ViewCompileError",
    "ViewDefinition",
    "ViewDefinitionError",
    "ViewPlan",
    "ViewShapeError",
    "compile_view",
    "plan_view",
    "read_view_definition",
    "render_plan",
]
