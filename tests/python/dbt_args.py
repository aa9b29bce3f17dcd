"""dbt arguments the build tests share (a module, not conftest: `from conftest import` picks whichever
conftest is first on sys.path, which under xdist is not always tests/python's)."""

from __future__ import annotations

# Build models (and seeds, snapshots) without running data or unit tests: the test asserts on the tables.
NO_TESTS = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
# After the first build the seeds are what they were: loading them again would only cost time.
NO_SEEDS = [*NO_TESTS, "--exclude-resource-type", "seed"]
