"""One renderer per engine; each spells the same plan in its SQL dialect."""

from __future__ import annotations

from aegis.views.render.base import SqlRenderer, SqlSource
from aegis.views.render.duckdb_typed import DuckDBTypedRenderer
from aegis.views.render.postgres import PostgresRenderer
from aegis.views.render.redshift import RedshiftRenderer
from aegis.views.render.snowflake import SnowflakeRenderer

RENDERERS: dict[str, type[SqlRenderer]] = {
    "duckdb": DuckDBTypedRenderer,
    "postgres": PostgresRenderer,
    "snowflake": SnowflakeRenderer,
    "redshift": RedshiftRenderer,
}
ENGINES = tuple(RENDERERS)


def renderer_for(engine: str) -> SqlRenderer:
    try:
        return RENDERERS[engine]()
    except KeyError:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}") from None


__all__ = ["ENGINES", "RENDERERS", "SqlRenderer", "SqlSource", "renderer_for"]
