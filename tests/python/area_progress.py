"""pytest output by area instead of minutes of dots.

A passing test prints nothing; when every test of an area (a folder under tests/python, or a top-level test
file) has run, one line says how it went: `governance  118 passed  1 skipped  94.2 s` (wall time from its
first to its last test). Failures, errors and the final summary are pytest's own, unchanged. It works the
same with pytest-xdist (the controller sees every report). `-v` restores pytest's normal output.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pytest

_KEY = pytest.StashKey["_Tally"]()


@dataclass
class _Area:
    total: int = 0
    done: int = 0
    started: float | None = None
    outcomes: Counter[str] = field(default_factory=Counter)


@dataclass
class _Tally:
    areas: dict[str, _Area] = field(default_factory=dict)
    collected: bool = False

    def area(self, name: str) -> _Area:
        return self.areas.setdefault(name, _Area())


def area_of(nodeid: str) -> str:
    """`governance/test_x.py::t` -> `governance`; `test_ingest_records.py::t` -> `ingest_records`."""
    parts = PurePosixPath(nodeid.split("::", 1)[0]).parts
    if len(parts) > 2 and parts[:2] == ("tests", "python"):  # run from the repository root
        parts = parts[2:]
    if len(parts) > 1:
        return parts[0]
    return PurePosixPath(parts[0]).stem.removeprefix("test_")


def _quiet(config: pytest.Config) -> bool:
    return int(config.option.verbose) <= 0


def _count_collected(config: pytest.Config, nodeids: list[str]) -> None:
    tally = config.stash[_KEY]
    if tally.collected:  # every xdist worker reports the same collection
        return
    tally.collected = True
    for nodeid in nodeids:
        tally.area(area_of(nodeid)).total += 1


def _write(config: pytest.Config, name: str, area: _Area) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    counts = "  ".join(f"{n} {outcome}" for outcome, n in sorted(area.outcomes.items())) or "no tests"
    seconds = time.monotonic() - (area.started or time.monotonic())
    reporter.ensure_newline()
    reporter.write_line(f"{name:<26} {counts}  {seconds:.1f} s")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_KEY] = _Tally()


def pytest_collection_finish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # a worker's collection is the controller's business
        _count_collected(session.config, [item.nodeid for item in session.items])


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    _count_collected(node.config, ids)  # type: ignore[attr-defined]


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> tuple[str, str, str] | None:
    if _quiet(config) and report.passed and report.when == "call":
        return "passed", "", "PASSED"  # no dot: the area line tells
    return None


def _controller_config() -> pytest.Config | None:
    config = _CONFIG.get("config")
    if config is None or not _quiet(config) or hasattr(config, "workerinput"):
        return None
    return config


def pytest_runtest_logstart(nodeid: str, location: tuple[str, int | None, str]) -> None:
    del location
    config = _controller_config()
    if config is not None:
        area = config.stash[_KEY].area(area_of(nodeid))
        area.started = area.started or time.monotonic()  # before setup: module builds count


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    config = _controller_config()
    if config is None:
        return
    tally = config.stash[_KEY]
    name = area_of(report.nodeid)
    area = tally.area(name)
    if report.failed and report.when != "call":
        area.outcomes["errors"] += 1
    elif report.when == "call" or report.skipped:
        area.outcomes[report.outcome] += 1
    if report.when == "teardown":
        area.done += 1
        if area.done == area.total:
            _write(config, name, area)


_CONFIG: dict[str, pytest.Config] = {}


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    _CONFIG["config"] = session.config


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not _quiet(config) or hasattr(config, "workerinput"):
        return
    for name, area in config.stash[_KEY].areas.items():  # areas cut short (-x, a crash, -k)
        if area.started is not None and area.done != area.total:
            _write(config, name, area)
