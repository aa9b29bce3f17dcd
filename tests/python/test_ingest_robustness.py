"""Inputs that must never crash the loader, each with its documented outcome and in = landed + quarantined:
truncated and corrupt gzip, CR-only and CRLF line endings, blank lines, a byte order mark, binary junk,
a 100 MB line, a 100,000-entry Bundle (streamed, in bounded memory), folders and globs, and worker
processes that give the same result as one process."""

from __future__ import annotations

import gzip
import resource
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from aegis.cli import app
from aegis.ingest import examples, loader
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import LoadReport, land_file
from aegis.synth import SynthOptions, generate


def _land(path: Path, root: Path, workers: int | None = 1) -> LoadReport:
    report = land_file(
        path, LocalStore(root / "landing"), LocalStore(root / "quarantine"), progress=False, workers=workers
    )
    assert report.items_in == report.landed + report.quarantined
    return report


def _lines() -> list[bytes]:
    return [orjson.dumps(resource) for resource in examples.all_resources()]


def test_a_truncated_gzip_lands_what_was_read_and_says_where_it_stopped(tmp_path: Path) -> None:
    whole = gzip.compress(b"\n".join(_lines() * 50) + b"\n", mtime=0)
    cut = tmp_path / "cut.ndjson.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    report = _land(cut, tmp_path)
    assert report.stopped_early is not None and "ends early" in report.stopped_early
    assert 0 < report.landed < 450
    assert set(report.quarantined_by_reason) <= {"truncated_input"}
    result = CliRunner().invoke(
        app, ["ingest", "land", str(cut)], env={"AEGIS_DATA_DIR": str(tmp_path / "cli")}
    )
    assert result.exit_code == 1
    assert f"{cut} ended early" in result.output.replace("\n", "")
    assert "Traceback" not in result.output


def test_a_corrupt_gzip_gets_a_report_with_nothing_lost(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ndjson.gz"
    junk.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    report = _land(junk, tmp_path)
    assert report.stopped_early is not None
    assert report.items_in == report.landed + report.quarantined


@pytest.mark.parametrize("separator", [b"\n", b"\r\n", b"\r"])
def test_line_endings_blank_lines_and_a_byte_order_mark(tmp_path: Path, separator: bytes) -> None:
    lines = _lines()
    body = b"\xef\xbb\xbf" + separator.join([lines[0], b"", b"   ", *lines[1:], b""]) + separator * 3
    path = tmp_path / "events.ndjson"
    path.write_bytes(body)
    report = _land(path, tmp_path)
    assert (report.records_in, report.landed, report.quarantined) == (9, 9, 0)
    assert report.blank_lines >= 2


def test_binary_junk_lines_are_quarantined_as_malformed(tmp_path: Path) -> None:
    path = tmp_path / "junk.ndjson"
    path.write_bytes(
        b"\n".join(
            [bytes(range(1, 255)).replace(b"\n", b"").replace(b"\r", b""), _lines()[0], b"\xff\xfe\x00"]
        )
    )
    report = _land(path, tmp_path)
    assert (report.landed, report.quarantined_by_reason) == (1, {"malformed_json": 2})


def test_a_100_mb_line_is_quarantined_without_holding_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.ndjson"
    with path.open("wb") as handle:
        handle.write(_lines()[0] + b"\n")
        handle.write(b'{"resourceType":"Binary","id":"b","data":"' + b"QUFB" * (25 << 20) + b'"}\n')
        handle.write(_lines()[1] + b"\n")
    report = _land(path, tmp_path)
    assert (report.records_in, report.landed, report.quarantined_by_reason) == (3, 2, {"record_too_large": 1})


def test_a_100000_entry_bundle_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    """Run in a child process so that its peak resident memory is the loader's alone."""
    observation = examples.observation()
    entries = []
    for index in range(100_000):
        observation["id"] = f"obs-{index}"
        entries.append(
            b'{"fullUrl":"urn:uuid:00000000-0000-4000-8000-%012d","resource":%s}'
            % (index, orjson.dumps(observation))
        )
    path = tmp_path / "bundle.json"
    path.write_bytes(b'{"resourceType":"Bundle","type":"collection","entry":[' + b",".join(entries) + b"]}")
    size_mb = path.stat().st_size / 2**20
    assert size_mb > 40
    script = (
        "import sys, resource, orjson\n"
        "from pathlib import Path\n"
        "from aegis.ingest.landing import LocalStore\n"
        "from aegis.ingest.loader import land_file\n"
        "root = Path(sys.argv[2])\n"
        "r = land_file(Path(sys.argv[1]), LocalStore(root / 'l'), LocalStore(root / 'q'), progress=False, workers=1)\n"
        "print(orjson.dumps({'items': r.items_in, 'landed': r.landed, 'stopped': r.stopped_early,\n"
        "    'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}).decode())\n"
    )
    baseline = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, aegis.ingest.loader; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path), str(tmp_path)], check=True, capture_output=True, text=True
    )
    outcome = orjson.loads(result.stdout)
    assert (outcome["items"], outcome["landed"], outcome["stopped"]) == (100_000, 100_000, None)
    # Decoding the file at once costs about ten times its size; streaming costs one entry at a time.
    grown = outcome["peak_mb"] - float(baseline.stdout)
    assert grown < size_mb * 2, (grown, size_mb)


def test_a_folder_and_a_glob_land_every_input_with_a_report_each(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for resource_type, item in (("Patient", examples.patient()), ("Condition", examples.condition())):
        (folder / f"{resource_type}.ndjson").write_bytes(orjson.dumps(item) + b"\n")
    (folder / "bundle.json").write_bytes(orjson.dumps(examples.bundle("collection", [examples.encounter()])))
    (folder / "notes.txt").write_text("not an input")
    env = {"AEGIS_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(app, ["ingest", "land", str(folder)], env=env)
    assert result.exit_code == 0, result.output
    assert (
        "Patient.ndjson" in result.output
        and "bundle.json" in result.output
        and "notes.txt" not in result.output
    )
    manifests = list((tmp_path / "data" / "landing" / "_loads").glob("*.json"))
    assert len(manifests) == 3
    again = CliRunner().invoke(app, ["ingest", "land", str(folder / "*.ndjson"), "--force"], env=env)
    assert again.exit_code == 0 and "Condition" in again.output and "bundle" not in again.output


def test_worker_processes_land_exactly_what_one_process_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = generate(SynthOptions(patients=150, seed=9), tmp_path / "synth", progress=False)
    monkeypatch.setattr(loader, "PARALLEL_MIN_BYTES", 0)
    one = _land(summary.events_path, tmp_path / "one", workers=1)
    two = _land(summary.events_path, tmp_path / "two", workers=2)
    assert two.workers == 2
    for field in (
        "records_in",
        "items_in",
        "landed",
        "quarantined",
        "quarantined_by_reason",
        "landed_by_type",
    ):
        assert getattr(one, field) == getattr(two, field), field

    def event_ids(root: Path) -> list[str]:
        return sorted(
            orjson.loads(line)["event_id"]
            for part in (root / "landing").rglob("*.ndjson.gz")
            for line in gzip.decompress(part.read_bytes()).splitlines()
        )

    assert event_ids(tmp_path / "one") == event_ids(tmp_path / "two")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
