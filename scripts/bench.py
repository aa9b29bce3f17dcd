"""`make bench`: the foundation pipeline at several population sizes. Figures, not tests.

For each size: generation, landing and `dbt build` wall time and peak memory (of that step's process tree's
largest process), rows per layer, and the incremental rebuild after adding 1% new events, as a ratio of the
full build measured in the same run (ratios travel between machines; seconds do not).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from aegis.observe.summary import summarize  # noqa: E402
from aegis.paths import Paths  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak RSS in MiB of its largest process)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command[:3])}")
    return seconds, usage.ru_maxrss / 1024


def bench_size(patients: int, workdir: Path) -> dict[str, object]:
    data = workdir / f"p{patients}"
    shutil.rmtree(data, ignore_errors=True)
    (data / "warehouse").mkdir(parents=True)  # DuckDB creates its file, not the folder
    env = {
        **os.environ,
        "AEGIS_DATA_DIR": str(data),
        "AEGIS_DUCKDB_PATH": str(data / "warehouse" / "aegis.duckdb"),
        "DBT_TARGET_PATH": str(data / "target"),
        "DBT_LOG_PATH": str(data / "logs"),
        "DBT_PROFILES_DIR": str(ROOT),
    }
    aegis, dbt = str(BIN / "aegis"), str(BIN / "dbt")
    figures: dict[str, object] = {"patients": patients}
    figures["generate_s"], figures["generate_peak_mib"] = timed(
        [aegis, "synth", "--patients", str(patients)], env
    )
    figures["land_s"], figures["land_peak_mib"] = timed([aegis, "ingest", "land"], env)
    figures["build_s"], figures["build_peak_mib"] = timed([dbt, "build", "--quiet"], env)

    # 1% new events: a population 1% the size with another seed (new ids), landed on top.
    extra = data / "synth-extra"
    new_patients = max(1, patients // 100)
    timed([aegis, "synth", "--patients", str(new_patients), "--seed", "4242", "--out", str(extra)], env)
    timed([aegis, "ingest", "land", "--events", str(extra / "events.ndjson.gz")], env)
    figures["incremental_build_s"], _ = timed([dbt, "build", "--quiet"], env)
    figures["incremental_ratio"] = round(float(figures["incremental_build_s"]) / float(figures["build_s"]), 3)  # type: ignore[arg-type]

    os.environ.update({k: env[k] for k in ("AEGIS_DATA_DIR", "AEGIS_DUCKDB_PATH", "DBT_TARGET_PATH")})
    summary = summarize(Paths.from_env(), Path(env["DBT_TARGET_PATH"]))
    figures["rows_by_layer"] = summary.rows_by_layer
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,100000"))
    parser.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"== {size:,} patients", flush=True)
        figures = bench_size(size, args.workdir)
        results.append(figures)
        print(json.dumps(figures, indent=2), flush=True)
    print("\n| patients | generate s | land s | dbt build s | build peak MiB | incremental / full |")
    print("|---:|---:|---:|---:|---:|---:|")
    for f in results:
        print(
            f"| {f['patients']:,} | {f['generate_s']:.1f} | {f['land_s']:.1f} | {f['build_s']:.1f} "
            f"| {f['build_peak_mib']:.0f} | {f['incremental_ratio']:.2f} |"
        )
    out = args.workdir / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(
        f"\nwritten: {out}  (peak self RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
