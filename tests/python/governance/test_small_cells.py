"""Small cells in mart_pmpm (issue 10, item 5): built on DuckDB from the synthetic population, the mart
publishes no cell of 1-10 claim lines, and an adversary holding the yearly totals per payer and service
category (what a tier reading claim lines with service years can compute) recovers no withheld month:
every group with a withheld cell withholds at least two, and what is withheld adds up to more than a
small cell could. Published cells equal the truth computed from the claim lines."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytestmark = pytest.mark.slow

SMALL = 10
TRUTH = """
select
    payer_name,
    service_category,
    cast(date_trunc('month', service_date) as date) as month_start_date,
    count(*) as claim_lines
from main_intermediate.int_claim_lines_normalised
where
    claim_status = 'active'
    and claim_outcome in ('complete', 'partial')
    and service_date between date '2025-01-01' and date '2025-12-31'
group by all
"""


def test_pmpm_suppresses_small_cells_and_their_complements(
    synthetic_landing: Path, run_dbt: Any, tmp_path: Path
) -> None:
    warehouse = tmp_path / "aegis.duckdb"
    env = {"AEGIS_LANDING_DIR": str(synthetic_landing), "AEGIS_DUCKDB_PATH": str(warehouse)}
    result = run_dbt("build", "--select", "+mart_pmpm", env=env)
    assert result.ok, result.output[-4000:]
    assert "small_cells_suppressed" in result.output  # the dbt test ran in the build

    with duckdb.connect(str(warehouse), read_only=True) as con:
        cells = con.execute(
            "select payer_name, service_category, month_start_date, claim_line_count, allowed_amount, paid_pmpm"
            " from main_marts.mart_pmpm"
        ).fetchall()
        truth = {(p, c, m): n for p, c, m, n in con.execute(TRUTH).fetchall()}

    groups: dict[tuple[str, str, int], list[tuple[int, int | None]]] = defaultdict(list)
    for payer, category, month, published, allowed, pmpm in cells:
        true_count = truth.get((payer, category, month), 0)
        if published is None:
            assert allowed is None and pmpm is None  # amounts go with the count
        else:
            assert published == true_count
            assert not 1 <= published <= SMALL
        groups[(payer, category, month.year)].append((true_count, published))

    small_cells = sum(1 for n in truth.values() if 1 <= n <= SMALL)
    suppressed = [(true, pub) for group in groups.values() for true, pub in group if pub is None]
    print(
        f"\nmart_pmpm: {len(cells)} cells, {small_cells} of 1-{SMALL} claim lines, {len(suppressed)} withheld"
    )
    assert small_cells > 0, "the synthetic population has no small cell: this test would prove nothing"

    for key, group in groups.items():
        withheld = [true for true, published in group if published is None]
        if not withheld:
            continue
        # yearly total (known to the adversary) minus published months = sum of the withheld cells
        residual = sum(true for true, _ in group) - sum(published or 0 for _, published in group)
        assert residual == sum(withheld)
        assert len(withheld) >= 2, f"{key}: a lone withheld cell equals the residual"
        has_large = any(true > SMALL for true, _ in group)
        if has_large:
            assert any(true > SMALL for true in withheld), (
                f"{key}: the withheld cells add up to a small number"
            )
        else:
            assert len(withheld) == len(group), f"{key}: no large cell, so every month must be withheld"
