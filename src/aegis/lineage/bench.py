"""A generated project of N models for the lineage audit benchmark (figures, not tests).

Each model reads two earlier ones through `select *` CTEs and a join, renames and transforms columns, so the
audit does the work it does on a real project; every 50th model under-declares a name (one finding each).
`python -m aegis.lineage.bench --models 500` writes the project, times `dbt parse`, `dbt compile` and the
audit, and prints the ratio audit / parse.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COLUMNS = {
    "patient_key": "none",
    "mrn": "mrn",
    "family_name": "name",
    "birth_date": "birth_date",
    "gender": "quasi",
    "paid_amount": "none",
}
MISDECLARED_EVERY = 50


def model_name(index: int) -> str:
    return f"m_{index:04d}"


def parents(index: int) -> tuple[str, str]:
    if index == 0:
        return "patients", "patients"
    return model_name(index - 1), model_name(index // 2) if index > 1 else "patients"


def model_sql(parent: str, other: str) -> str:
    return f"""with parent as (
    select * from {parent}
),

other as (
    select * from {other}
),

joined as (
    select parent.*, other.paid_amount as other_paid
    from parent
    left join other on parent.patient_key = other.patient_key
)

select
    patient_key,
    mrn,
    upper(family_name) as family_name,
    birth_date,
    gender,
    paid_amount + coalesce(other_paid, 0) as paid_amount,
from joined
"""


def declared(index: int) -> dict[str, str]:
    columns = dict(COLUMNS)
    if index % MISDECLARED_EVERY == MISDECLARED_EVERY - 1:
        columns["family_name"] = "none"
    return columns


def _column_entries(columns: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {
        name: {"name": name, "data_type": "varchar", "config": {"meta": {"phi": phi}}}
        for name, phi in columns.items()
    }


def synthetic_manifest(models: int) -> dict[str, Any]:
    """The manifest dbt would write for the generated project (compiled SQL included), built in memory."""

    def relation(name: str) -> str:
        return f'"bench"."main"."{name}"'

    def uid(name: str) -> str:
        return f"seed.aegis.{name}" if name == "patients" else f"model.aegis.{name}"

    nodes: dict[str, Any] = {
        uid("patients"): {
            "unique_id": uid("patients"),
            "resource_type": "seed",
            "package_name": "aegis",
            "name": "patients",
            "schema": "main",
            "database": "bench",
            "alias": "patients",
            "relation_name": relation("patients"),
            "columns": _column_entries(COLUMNS),
            "depends_on": {"nodes": []},
        }
    }
    for index in range(models):
        parent, other = parents(index)
        name = model_name(index)
        nodes[uid(name)] = {
            "unique_id": uid(name),
            "resource_type": "model",
            "package_name": "aegis",
            "name": name,
            "schema": "main",
            "database": "bench",
            "alias": name,
            "relation_name": relation(name),
            "path": f"bench/{name}.sql",
            "config": {"materialized": "view"},
            "compiled_code": model_sql(relation(parent), relation(other)),
            "depends_on": {"nodes": sorted({uid(parent), uid(other)})},
            "columns": _column_entries(declared(index)),
        }
    return {"metadata": {"adapter_type": "duckdb", "project_name": "aegis"}, "nodes": nodes, "sources": {}}


def write_project(folder: Path, models: int) -> None:
    """The same project as dbt files, to time `dbt parse` and `dbt compile` on it (YAML written as JSON)."""
    (folder / "models").mkdir(parents=True)
    (folder / "seeds").mkdir()
    (folder / "dbt_project.yml").write_text(
        json.dumps(
            {
                "name": "aegis",
                "version": "0.1.0",
                "config-version": 2,
                "profile": "bench",
                "models": {"aegis": {"+materialized": "view"}},
            }
        )
    )
    (folder / "profiles.yml").write_text(
        json.dumps(
            {
                "bench": {
                    "target": "dev",
                    "outputs": {
                        "dev": {
                            "type": "duckdb",
                            "path": str(folder / "bench.duckdb"),
                            "schema": "main",
                            "threads": 1,
                        }
                    },
                }
            }
        )
    )
    (folder / "seeds" / "patients.csv").write_text(",".join(COLUMNS) + "\n1,M1,Doe,1970-01-01,female,1.0\n")
    entries = []
    for index in range(models):
        parent, other = parents(index)
        ref = "ref('{}')"
        sql = model_sql("{{ " + ref.format(parent) + " }}", "{{ " + ref.format(other) + " }}")
        (folder / "models" / f"{model_name(index)}.sql").write_text(sql)
        entries.append(
            {
                "name": model_name(index),
                "columns": [
                    {"name": name, "config": {"meta": {"phi": phi}}} for name, phi in declared(index).items()
                ],
            }
        )
    (folder / "models" / "_bench__models.yml").write_text(json.dumps({"version": 2, "models": entries}))


def _timed(command: list[str], folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        command,
        cwd=folder,
        check=True,
        capture_output=True,
        env={
            "DBT_PROFILES_DIR": str(folder),
            "PATH": str(Path(sys.executable).parent),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "HOME": str(folder),
        },
    )
    return time.perf_counter() - started


def benchmark(models: int) -> dict[str, float]:
    from aegis.artifacts import load_manifest
    from aegis.lineage.audit import audit

    folder = Path(tempfile.mkdtemp(prefix="aegis-lineage-bench-"))
    try:
        write_project(folder / "project", models)
        project = folder / "project"
        dbt = str(Path(sys.executable).parent / "dbt")
        parse = _timed([dbt, "parse", "--no-partial-parse"], project)
        compile_ = _timed([dbt, "compile", "--no-partial-parse"], project)
        manifest = load_manifest(project / "target" / "manifest.json")
        started = time.perf_counter()
        report = audit(manifest)
        seconds = time.perf_counter() - started
        return {
            "models": models,
            "dbt_parse_s": parse,
            "dbt_compile_s": compile_,
            "audit_s": seconds,
            "audit_over_parse": seconds / parse,
            "findings": len(report.findings),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=int, default=500)
    args = parser.parse_args()
    for key, value in benchmark(args.models).items():
        print(f"{key:>18}: {value:.3f}" if isinstance(value, float) else f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
