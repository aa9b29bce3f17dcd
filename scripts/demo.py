"""`make demo`: synthetic FHIR -> local landing -> dbt build on DuckDB -> summary.

Idempotent: each run starts from empty landing/quarantine/warehouse folders, so the same seed always gives the
same warehouse. The generated data is synthetic; nothing here is real PHI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from aegis.paths import Paths  # noqa: E402

# The who-can-see-what matrix (role x model.column), written to <reports>/access-matrix/
ACCESS_MATRIX: list[list[str]] = [["governance", "access-matrix"]]


def run(command: list[str]) -> None:
    print(
        f"\n$ {' '.join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command))}", flush=True
    )
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    os.environ.setdefault("DBT_PROFILES_DIR", str(ROOT))
    paths = Paths.from_env()
    for folder in (paths.landing_dir, paths.quarantine_dir, paths.duckdb_path.parent):
        shutil.rmtree(folder, ignore_errors=True)
    paths.duckdb_path.parent.mkdir(parents=True, exist_ok=True)

    aegis = str(BIN / "aegis")
    dbt = str(BIN / "dbt")
    try:
        run([aegis, "synth", "--patients", str(args.patients), "--seed", str(args.seed)])
        run([aegis, "ingest", "land"])
        # `dbt build` through dbt-ol: the same build, plus OpenLineage events with PHI tags.
        run([aegis, "lineage", "run"])
        run([dbt, "docs", "generate"])
        run([aegis, "governance", "lineage-audit", "--no-compile"])
        run([aegis, "governance", "deid-check"])
        for command in ACCESS_MATRIX:
            run([aegis, *command])
        # Freshness measured, history recorded, the observability report written (docs/observability.md).
        run([dbt, "source", "freshness"])
        run([aegis, "observe", "record"])
        run([aegis, "observe", "report"])
    except subprocess.CalledProcessError as error:
        print(f"\ndemo failed at: {' '.join(error.cmd[:4])} (exit {error.returncode})", file=sys.stderr)
        return error.returncode or 1
    run([aegis, "summary"])
    print(f"lineage:      {paths.data_dir / 'openlineage'} (OpenLineage events, JSON lines)")
    print(f"reports:      {paths.reports_dir} (lineage audit, access matrix)")
    print(f"observability: {paths.reports_dir / 'observability' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
