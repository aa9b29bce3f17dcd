"""Every check `make test` runs (and CI, through .ci/run): lint, a fresh DuckDB build, gates, pytest.

Each step runs even when an earlier one failed (so one CI run shows every problem); the script exits
non-zero if any step failed. Data for the build is synthetic, generated into data/check/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHECK_DATA = ROOT / "data" / "check"
DEPRECATIONS_AS_ERRORS = '{"error": ["Deprecations"]}'


@dataclass
class Step:
    name: str
    group: str
    commands: list[list[str]]
    env: dict[str, str] = field(default_factory=dict)


def build_env() -> dict[str, str]:
    return {
        "AEGIS_DATA_DIR": str(CHECK_DATA),
        "AEGIS_DUCKDB_PATH": str(CHECK_DATA / "warehouse" / "aegis.duckdb"),
        "DBT_TARGET_PATH": str(CHECK_DATA / "target"),
        "DBT_LOG_PATH": str(CHECK_DATA / "logs"),
    }


def steps(patients: int) -> list[Step]:
    dbt = str(BIN / "dbt")
    aegis = str(BIN / "aegis")
    build = build_env()

    # Parse-only gates open no connection; each target gets its own artifacts folder.
    def gate(target: str) -> Step:
        return Step(
            f"deprecation gate ({target})",
            "gates",
            [
                [
                    dbt,
                    "parse",
                    "--no-partial-parse",
                    "--target",
                    target,
                    "--warn-error-options",
                    DEPRECATIONS_AS_ERRORS,
                ]
            ],
            {
                "DBT_TARGET_PATH": str(CHECK_DATA / f"target-{target}"),
                "DBT_LOG_PATH": str(CHECK_DATA / "logs"),
            },
        )

    return [
        Step(
            "ruff", "lint", [[str(BIN / "ruff"), "check", "src", "tests/python", "scripts", "orchestration"]]
        ),
        Step(
            "ruff format --check",
            "lint",
            [[str(BIN / "ruff"), "format", "--check", "src", "tests/python", "scripts", "orchestration"]],
        ),
        Step("mypy --strict (src/aegis)", "lint", [[str(BIN / "mypy")]]),
        Step("cfn-lint (infra)", "lint", [[str(BIN / "cfn-lint"), "infra/template.yaml"]]),
        Step(
            "staging models up to date with their ViewDefinitions",
            "lint",
            [[str(BIN / "python"), "-m", "aegis.staging", "--check"]],
        ),
        Step(
            "PHI tags and classification docs derived from config.meta.phi",
            "lint",
            [[str(BIN / "python"), "-m", "aegis.governance.phi_docs", "--check"]],
        ),
        gate("fakesnow"),
        gate("redshift_parse"),
        Step(
            f"synthesize {patients} patients and land them",
            "build",
            [
                [aegis, "synth", "--patients", str(patients), "--seed", "7"],
                [aegis, "ingest", "land", "--force"],
            ],
            build,
        ),
        Step("dbt build on DuckDB (warnings are errors)", "build", [[dbt, "--warn-error", "build"]], build),
        # Right after the build: its manifest holds the compiled SQL. Every later dbt command (verify's
        # run-operation, source freshness) rewrites manifest.json without it, and an audit of nothing fails.
        Step(
            "PHI lineage audit (classification vs inherited PHI)",
            "build",
            [
                [
                    aegis,
                    "governance",
                    "lineage-audit",
                    "--no-compile",
                    "--manifest",
                    str(CHECK_DATA / "target" / "manifest.json"),
                ]
            ],
            build,
        ),
        Step(
            "model governance (groups, primary-key tests, exposures vs tiers)",
            "build",
            [
                [
                    str(BIN / "python"),
                    "-m",
                    "aegis.governance.model_governance",
                    "--manifest",
                    str(CHECK_DATA / "target" / "manifest.json"),
                ]
            ],
            build,
        ),
        Step(
            "summary of the build (fails on an empty warehouse)",
            "build",
            [[aegis, "summary"]],
            build,
        ),
        Step(
            "governance verify (tier views vs plan)",
            "build",
            [[aegis, "governance", "verify", "--target", "dev"]],
            build,
        ),
        Step("dbt source freshness", "build", [[dbt, "source", "freshness"]], build),
        # The Airflow DAG's last two steps (issue 14) on this build: history appended, report written.
        Step(
            "observability: record the build, write the report",
            "build",
            [[aegis, "observe", "record"], [aegis, "observe", "report"]],
            build,
        ),
        Step(
            "de-identification check (declared and observed)",
            "build",
            [[aegis, "governance", "deid-check"]],
            build,
        ),
        Step("dbt docs generate", "build", [[dbt, "docs", "generate"]], build),
        # The generated site in a real browser: dim_patient's page shows its classification without a click.
        Step(
            "dbt docs: classification on the model page (headless Chromium)",
            "build",
            [
                [
                    str(BIN / "python"),
                    "-m",
                    "aegis.governance.phi_docs",
                    "--docs-page",
                    str(CHECK_DATA / "target"),
                    "--screenshot",
                    str(CHECK_DATA / "reports" / "dbt-docs-dim_patient.png"),
                ]
            ],
            build,
        ),
        Step(
            "sqlfluff lint (dbt templater)",
            "lint",
            [[str(BIN / "sqlfluff"), "lint", "models", "snapshots", "analyses"]],
            build,
        ),
        Step(
            "volume anomalies: ours vs elementary's default on a 90-day synthetic feed (goals per seed)",
            "test",
            [[aegis, "observe", "evaluate", "--days", "90", *(a for s in "12345" for a in ("--seed", s))]],
        ),
        # The dbt docs the build group generated: the Chromium docs test opens them instead of parsing again.
        Step(
            "pytest (two workers, a test module per worker)",
            "test",
            # Most tests wait on dbt subprocesses and servers: two workers on two cores finish the suite in
            # about 0.6x the time of one. --dist loadfile keeps a module's tests (and its module-scoped builds)
            # on one worker; session fixtures (PostgreSQL, fakesnow, the synthetic landing) start once per worker.
            [[str(BIN / "pytest"), "-q", "-n", "2", "--dist", "loadfile"]],
            {"AEGIS_CHECK_DOCS_TARGET": str(CHECK_DATA / "target")},
        ),
    ]


def run_step(step: Step) -> tuple[bool, float]:
    # Only what the step sets: pytest builds other small dbt projects, which DBT_PROJECT_DIR would override.
    env = {k: v for k, v in os.environ.items() if k not in ("DBT_PROJECT_DIR", "DBT_PROFILES_DIR")}
    env.update(step.env)
    started = time.monotonic()
    print(f"\n==> {step.name}", flush=True)
    for command in step.commands:
        result = subprocess.run(command, cwd=ROOT, env=env, check=False)
        if result.returncode != 0:
            print(
                f"--- FAILED: {step.name} (exit {result.returncode}): {' '.join(command[:3])} ...", flush=True
            )
            return False, time.monotonic() - started
    return True, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["lint", "gates", "build", "test"], help="run one group of steps")
    parser.add_argument("--patients", type=int, default=500, help="population size for the check build")
    args = parser.parse_args()

    if args.only in (None, "build"):
        shutil.rmtree(CHECK_DATA, ignore_errors=True)
        # DuckDB creates the database file but not its folder.
        (CHECK_DATA / "warehouse").mkdir(parents=True)
    selected = [s for s in steps(args.patients) if args.only in (None, s.group)]
    results = [(step.name, *run_step(step)) for step in selected]

    print("\n==> summary")
    for name, ok, seconds in results:
        print(f"  {'ok  ' if ok else 'FAIL'}  {seconds:7.1f}s  {name}")
    failed = [name for name, ok, _ in results if not ok]
    if failed:
        print(f"\n{len(failed)} of {len(results)} checks failed: {', '.join(failed)}")
        return 1
    print(f"\nall {len(results)} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
