"""pytest output by area instead of minutes of dots.

A passing test prints nothing; when the run moves on from an area (a folder under tests/python, or a
top-level test file) one line says how it went: `governance  118 passed  1 skipped  94.2 s`. Failures,
errors and the final summary are pytest's own, unchanged. `-v` restores pytest's normal output.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import PurePosixPath

import pytest

_AREA_KEY = pytest.StashKey["_AreaTally"]()


class _AreaTally:
    def __init__(self) -> None:
        self.area: str | None = None
        self.started = 0.0
        self.outcomes: Counter[str] = Counter()


def area_of(nodeid: str) -> str:
    """`governance/test_x.py::t` -> `governance`; `test_ingest_records.py::t` -> `ingest_records`."""
    path = PurePosixPath(nodeid.split("::", 1)[0])
    parts = path.parts
    if len(parts) > 1 and parts[0] == "tests":  # run from the repository root
        parts = parts[2:] if len(parts) > 2 and parts[1] == "python" else parts[1:]
    if len(parts) > 1:
        return parts[0]
    return PurePosixPath(parts[0]).stem.removeprefix("test_")


def _quiet(config: pytest.Config) -> bool:
    return int(config.option.verbose) <= 0


def _flush(config: pytest.Config, tally: _AreaTally) -> None:
    if tally.area is None:
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    counts = "  ".join(f"{n} {outcome}" for outcome, n in sorted(tally.outcomes.items()))
    reporter.ensure_newline()
    reporter.write_line(f"{tally.area:<24} {counts or 'no tests'}  {time.monotonic() - tally.started:.1f} s")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_AREA_KEY] = _AreaTally()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    del nextitem
    config = item.config
    if not _quiet(config):
        return
    tally = config.stash[_AREA_KEY]
    area = area_of(item.nodeid)
    if area != tally.area:
        _flush(config, tally)
        tally.area, tally.started, tally.outcomes = area, time.monotonic(), Counter()


def _count(tally: _AreaTally, report: pytest.TestReport) -> None:
    if report.failed and report.when != "call":
        tally.outcomes["errors"] += 1
    elif report.when == "call" or report.skipped:
        tally.outcomes[report.outcome] += 1


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> tuple[str, str, str] | None:
    if not _quiet(config):
        return None
    if not getattr(report, "_aegis_counted", False):  # the short summary asks again for the same report
        _count(config.stash[_AREA_KEY], report)
        report._aegis_counted = True  # type: ignore[attr-defined]
    if report.passed and report.when == "call":
        return "passed", "", "PASSED"  # no dot: the area line tells
    return None


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _quiet(session.config):
        _flush(session.config, session.config.stash[_AREA_KEY])
