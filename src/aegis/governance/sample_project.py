"""A small, self-contained copy of the Aegis dbt project for governance tests and benchmarks.

It carries the real governance macros and the real classification vars of the main project, plus a
handful of demo models that exercise every strategy (and, for benchmarks, any number of generated
wide models). Tests break it on purpose to prove that validation fails with the right message.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from aegis.artifacts import load_project
from aegis.paths import project_root

PATIENT_ROWS = """\
        (1, 'MRN-0001', '123-45-6789', 'Rivera', date '1931-03-04', '03601', 'Keene', 'female', 94, 'a.rivera@example.org', false),
        (2, 'MRN-0002', '987-65-4321', 'Okafor', date '1988-11-30', '94110', 'San Francisco', 'male', 37, 'o.okafor@example.org', true),
        (3, 'MRN-0003', null, 'Lindqvist', date '2001-07-15', '10001', 'New York', 'unknown', 24, null, false)"""

PATIENTS_SQL = f"""\
with patients as (
    select * from (values
{PATIENT_ROWS}
    ) as t (patient_key, mrn, ssn, family_name, birth_date, zip_code, city, gender, age_years, email, is_part2_sensitive)
),

final as (
    select * from patients
)

select * from final
"""

ENCOUNTERS_SQL = """\
with patients as (
    select * from {{ ref('stg_demo__patients') }}
),

final as (
    select
        patient_key * 10 as encounter_key,
        patient_key,
        mrn,
        city,
        cast(birth_date as timestamp) + interval '20 years' as admitted_at,
        is_part2_sensitive
    from patients
)

select * from final
"""

COUNTS_SQL = """\
with encounters as (
    select * from {{ ref('fct_demo_encounters') }}
),

final as (
    select
        extract(year from admitted_at) as encounter_year,
        count(*) as encounter_count
    from encounters
    group by 1
)

select * from final
"""


def _column(name: str, phi: str, data_type: str | None = None, **meta: Any) -> dict[str, Any]:
    column: dict[str, Any] = {"name": name, "config": {"meta": {"phi": phi, **meta}}}
    if data_type:
        column["data_type"] = data_type
    return column


def _demo_models_yaml() -> dict[str, Any]:
    return {
        "models": [
            {
                "name": "stg_demo__patients",
                "description": "One row per demo patient.",
                "config": {"meta": {"contains_phi": True, "sensitive_row_column": "is_part2_sensitive"}},
                "columns": [
                    _column("patient_key", "none", "integer"),
                    _column("mrn", "mrn", "varchar"),
                    _column("ssn", "ssn", "varchar"),
                    _column("family_name", "name", "varchar"),
                    _column("birth_date", "birth_date", "date"),
                    _column("zip_code", "zip", "varchar"),
                    _column("city", "city", "varchar"),
                    _column("gender", "quasi", "varchar"),
                    _column("age_years", "age", "integer"),
                    _column("email", "email", "varchar", phi_strategy={"phi_limited": "last4"}),
                    _column("is_part2_sensitive", "none", "boolean"),
                ],
            },
            {
                "name": "fct_demo_encounters",
                "description": "One row per demo encounter.",
                "config": {"meta": {"contains_phi": True, "sensitive_row_column": "is_part2_sensitive"}},
                "columns": [
                    _column("encounter_key", "none", "integer"),
                    _column("patient_key", "none", "integer"),
                    _column("mrn", "mrn", "varchar"),
                    _column("city", "city", "varchar"),
                    _column("admitted_at", "event_date", "timestamp"),
                    _column("is_part2_sensitive", "none", "boolean"),
                ],
            },
            {
                "name": "mart_demo_encounter_counts",
                "description": "One row per admission year.",
                "config": {"meta": {"contains_phi": False, "aggregate_safe": True}},
                "columns": [
                    _column(
                        "encounter_year",
                        "none",
                        phi_declassified={
                            "by": "aggregation",
                            "reason": "a year of admission over all patients",
                        },
                    ),
                    _column("encounter_count", "none", "bigint"),
                ],
            },
        ]
    }


def _demo_sources_yaml() -> dict[str, Any]:
    return {
        "sources": [
            {
                "name": "demo",
                "schema": "raw_demo",
                "tables": [
                    {
                        "name": "patients",
                        "config": {"meta": {"contains_phi": True}},
                        "columns": [
                            _column("resource", "name", "json"),
                            _column("event_id", "none", "varchar"),
                        ],
                    }
                ],
            }
        ]
    }


def _wide_model(index: int, columns: int, categories: list[str]) -> tuple[str, dict[str, Any]]:
    name = f"wide_model_{index:04d}"
    select = ",\n".join(f"    cast(null as varchar) as col_{c:03d}" for c in range(columns))
    sql = f"with final as (\n  select\n{select}\n)\n\nselect * from final\n"
    yaml_model = {
        "name": name,
        "config": {"meta": {"contains_phi": True}},
        "columns": [
            _column(f"col_{c:03d}", categories[(index + c) % len(categories)]) for c in range(columns)
        ],
    }
    return sql, yaml_model


def _yaml(document: dict[str, Any], sort_keys: bool = False) -> str:
    """YAML text for dbt (JSON is valid YAML; keeps this module free of an untyped import)."""
    return json.dumps(document, indent=2, sort_keys=sort_keys) + "\n"


def write_sample_project(dest: Path, *, wide_models: int = 0, wide_columns: int = 30) -> Path:
    """Write the sample project into `dest` (created) and return it.

    The dbt project is named `aegis` so that `adapter.dispatch(..., 'aegis')` finds the real macros.
    """
    root = project_root()
    main_project = load_project(root)
    project: dict[str, Any] = {
        "name": "aegis",
        "version": "0.1.0",
        "config-version": 2,
        "profile": "aegis",
        "model-paths": ["models"],
        "macro-paths": ["macros"],
        "vars": {k: v for k, v in main_project.get("vars", {}).items() if k.startswith("aegis_")},
        "flags": {"send_anonymous_usage_stats": False},
        "models": {"aegis": {"staging": {"+materialized": "view"}, "marts": {"+materialized": "table"}}},
    }
    for hook in ("on-run-start", "on-run-end"):
        if hook in main_project:
            project[hook] = main_project[hook]
    post_hook = main_project.get("models", {}).get("aegis", {}).get("+post-hook")
    if post_hook:
        project["models"]["aegis"]["+post-hook"] = post_hook
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "dbt_project.yml").write_text(_yaml(project, sort_keys=False))
    shutil.copytree(root / "macros" / "governance", dest / "macros" / "governance", dirs_exist_ok=True)
    staging = dest / "models" / "staging" / "demo"
    marts = dest / "models" / "marts" / "demo"
    staging.mkdir(parents=True, exist_ok=True)
    marts.mkdir(parents=True, exist_ok=True)
    (staging / "stg_demo__patients.sql").write_text(PATIENTS_SQL)
    (marts / "fct_demo_encounters.sql").write_text(ENCOUNTERS_SQL)
    (marts / "mart_demo_encounter_counts.sql").write_text(COUNTS_SQL)
    demo = _demo_models_yaml()
    (staging / "_demo__models.yml").write_text(_yaml({"models": demo["models"][:1]}, sort_keys=False))
    (staging / "_demo__sources.yml").write_text(_yaml(_demo_sources_yaml(), sort_keys=False))
    (marts / "_demo__models.yml").write_text(_yaml({"models": demo["models"][1:]}, sort_keys=False))
    if wide_models:
        wide = dest / "models" / "wide"
        wide.mkdir(parents=True, exist_ok=True)
        # a keyed_pseudonym column must name the identifier it stands for: the wide models have none
        categories = [
            c for c in project["vars"]["aegis_phi_categories"] if c not in ("none", "keyed_pseudonym")
        ]
        wide_yaml = []
        for index in range(wide_models):
            sql, model = _wide_model(index, wide_columns, categories)
            (wide / f"{model['name']}.sql").write_text(sql)
            wide_yaml.append(model)
        (wide / "_wide__models.yml").write_text(_yaml({"models": wide_yaml}, sort_keys=False))
    return dest


def isolated_dbt_env(work: Path, **extra: str) -> dict[str, str]:
    """Environment for a dbt run that shares nothing with other runs (target, logs, DuckDB file, key file)."""
    return {
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "AEGIS_DUCKDB_PATH": str(work / "aegis.duckdb"),
        "AEGIS_DATA_DIR": str(work / "data"),
        "AEGIS_SECRETS_DIR": str(work / "secrets"),
        "AEGIS_TARGET": "dev",
        **extra,
    }
