"""Many inputs land on every core, and what lands does not depend on how many processes landed it.

Evidence is the vendored public corpus (tests/data/fhir: HL7 R4 examples, Synthea bundles, US Core and
CARIN examples, Bulk Data NDJSON): small documents and NDJSON files, the inputs that one large-file
worker pool cannot spread over the cores.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import orjson

from aegis.ingest.fanout import Landed, land_inputs, split_inputs
from aegis.ingest.landing import LocalStore
from aegis.ingest.reading import expand_inputs

CORPUS = Path(__file__).resolve().parents[1] / "data" / "fhir"
COUNTED = (
    "records_in",
    "items_in",
    "landed",
    "quarantined",
    "deleted",
    "quarantined_by_reason",
    "landed_by_type",
)


def _land(files: list[Path], root: Path, workers: int, force: bool = False) -> list[Landed]:
    return land_inputs(
        files, LocalStore(root / "landing"), LocalStore(root / "quarantine"), force=force, workers=workers
    )


def _envelopes(root: Path) -> list[bytes]:
    """Every landed envelope without its arrival time (the only field that depends on when it landed)."""
    envelopes = []
    for part in (root / "landing" / "fhir").rglob("*.ndjson.gz"):
        for line in gzip.decompress(part.read_bytes()).splitlines():
            envelope = orjson.loads(line)
            envelope.pop("received_at")
            envelopes.append(orjson.dumps(envelope, option=orjson.OPT_SORT_KEYS))
    return sorted(envelopes)


def test_inputs_land_on_every_process_with_the_same_outcome_as_on_one(tmp_path: Path) -> None:
    files = expand_inputs([str(CORPUS)])
    pooled, alone = split_inputs(files)
    assert len(pooled) > 100 and not alone  # the corpus is many small inputs

    one = _land(files, tmp_path / "one", workers=1)
    two = _land(files, tmp_path / "two", workers=2)

    assert [o.path for o in one] == [o.path for o in two] == files  # reports in input order
    assert {o.process_id for o in one} == {os.getpid()}
    assert len({o.process_id for o in two}) == 2 and os.getpid() not in {o.process_id for o in two}
    for a, b in zip(one, two, strict=True):
        assert a.report.items_in == a.report.landed + a.report.quarantined
        for field in COUNTED:
            assert getattr(a.report, field) == getattr(b.report, field), (a.path.name, field)
    landed = _envelopes(tmp_path / "one")
    assert len(landed) == sum(o.report.landed for o in one) > 1000
    assert landed == _envelopes(tmp_path / "two")


def test_an_input_landed_before_is_refused_in_the_pool_too(tmp_path: Path) -> None:
    files = expand_inputs([str(CORPUS / "synthea")])
    first = _land(files, tmp_path, workers=2)
    again = _land(files, tmp_path, workers=2)
    assert not any(o.already_landed for o in first)
    assert all(o.already_landed for o in again)
    assert [o.report.events_sha256 for o in again] == [o.report.events_sha256 for o in first]
    forced = _land(files[:2], tmp_path, workers=2, force=True)
    assert [o.already_landed for o in forced] == [False, False] and all(o.report.forced for o in forced)
