"""Staging benchmark (not a test): the ViewDefinition-generated staging against the hand-written staging it
replaced, and compiling every view against `dbt parse`, measured in the same run.

1. Compile: `aegis.staging.generated_files` (plan and render every view for four engines) vs `dbt parse`.
   Goal: <= 1 x.
2. Build: `dbt run -s path:models/staging` (full refresh, governance off) on the same landed synthetic
   population, in a copy of the project with the generated models, then with the hand-written models of
   the last commit before generation (git history). Goal: generated <= 1 x hand-written.

    .venv/bin/python scripts/bench_staging.py --patients 20000 [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_file
from aegis.staging.generate import generated_files
from aegis.synth import SynthOptions, generate

ROOT = Path(__file__).resolve().parents[1]
DBT = str(ROOT / ".venv" / "bin" / "dbt")
SKIP = shutil.ignore_patterns(".venv", "data", "target", "logs", ".git", "dbt_packages", "__pycache__")
NO_GOVERNANCE = "{aegis_governance_enabled: false}"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def _timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench_staging: {' '.join(command[:3])} failed:\n{result.stdout[-3000:]}")
    return time.perf_counter() - started


def _hand_written_commit() -> str:
    first_generated = _git("log", "--format=%H", "--reverse", "--", "macros/staging_views").split()[0]
    return f"{first_generated}^"


def _project_copy(work: Path, hand_written: bool) -> Path:
    project = work / ("hand_written" if hand_written else "generated")
    shutil.copytree(ROOT, project, ignore=SKIP)
    if hand_written:
        commit = _hand_written_commit()
        for model in (project / "models/staging/fhir").glob("stg_*.sql"):
            model.unlink()
        for name in _git("ls-tree", "--name-only", commit, "models/staging/fhir/").split():
            if name.endswith(".sql"):
                (project / name).write_text(_git("show", f"{commit}:{name}"))
    return project


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--patients", type=int, default=20000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures: dict[str, object] = {"patients": args.patients}
    with tempfile.TemporaryDirectory(prefix="aegis-bench-staging-") as folder:
        work = Path(folder)
        env = {**os.environ, "AEGIS_DATA_DIR": str(work / "data"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        started = time.perf_counter()
        files = generated_files(ROOT)
        figures["compile_views_s"] = round(time.perf_counter() - started, 2)
        figures["views"] = len(files) // 2
        parse_env = {**env, "DBT_TARGET_PATH": str(work / "parse-target"), "DBT_LOG_PATH": str(work / "logs")}
        figures["dbt_parse_s"] = round(_timed([DBT, "parse", "--no-partial-parse"], ROOT, parse_env), 2)
        figures["compile_vs_parse"] = round(figures["compile_views_s"] / figures["dbt_parse_s"], 2)  # type: ignore[operator]

        summary = generate(SynthOptions(patients=args.patients, seed=42), work / "synth", progress=False)
        land_file(
            summary.events_path,
            LocalStore(work / "data/landing"),
            LocalStore(work / "data/quarantine"),
            progress=False,
        )
        for label, hand_written in (("generated", False), ("hand_written", True)):
            project = _project_copy(work, hand_written)
            run_env = {
                **env,
                "AEGIS_DUCKDB_PATH": str(work / f"{label}.duckdb"),
                "DBT_LOG_PATH": str(work / "logs"),
            }
            # the seeds the generated models' 42 CFR Part 2 mark reads, loaded before the clock starts
            _timed([DBT, "seed", "--vars", NO_GOVERNANCE], project, run_env)
            command = [DBT, "run", "-s", "path:models/staging", "--full-refresh", "--vars", NO_GOVERNANCE]
            figures[f"staging_{label}_s"] = round(_timed(command, project, run_env), 2)
        figures["generated_vs_hand_written"] = round(
            figures["staging_generated_s"] / figures["staging_hand_written_s"],
            2,  # type: ignore[operator]
        )
    print(json.dumps(figures, indent=2) if args.json else f"staging: {figures}")


if __name__ == "__main__":
    main()
