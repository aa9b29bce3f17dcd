# Aegis — run `make help` for the list. The two commands a newcomer needs: `make demo`, `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PATIENTS ?= 1000
SEED ?= 42
# No DBT_PROJECT_DIR / DBT_PROFILES_DIR here: dbt finds profiles.yml in the project root by itself, and the
# tests build other small dbt projects that an exported project dir would silently replace with this one.
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export PYTHONHASHSEED := 0

.PHONY: help
help: ## List the targets with what they do
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

.PHONY: venv
venv: $(STAMP) ## Create .venv and install the pinned dependencies (idempotent)

AIRFLOW_VENV := .venv-airflow
AIRFLOW_STAMP := $(AIRFLOW_VENV)/.installed

# Airflow + cosmos in their own environment: their pins conflict with the dbt set. dbt runs from .venv.
$(AIRFLOW_STAMP): orchestration/airflow/requirements.lock
	$(PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
	  -r orchestration/airflow/requirements.lock
	touch $(AIRFLOW_STAMP)

.PHONY: airflow-venv
airflow-venv: $(AIRFLOW_STAMP) ## Create .venv-airflow (Airflow 3 + astronomer-cosmos, pinned) for orchestration/airflow

.PHONY: chromium
chromium: ## Debian's headless Chromium, for the page checks of dbt docs and reports (installs it when missing)
	@if [ -n "$${AEGIS_CHROMIUM:-}" ]; then \
	  command -v "$$AEGIS_CHROMIUM" >/dev/null || { echo "AEGIS_CHROMIUM=$$AEGIS_CHROMIUM is not on PATH"; exit 2; }; \
	else command -v chromium >/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "chromium is missing: install Debian's chromium package (needs root)"; exit 2; }; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q chromium >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; }; fi

.PHONY: demo
demo: $(STAMP) ## Generate synthetic FHIR data, land it, build the DuckDB warehouse, print a summary
	$(BIN)/python scripts/demo.py --patients $(PATIENTS) --seed $(SEED)

.PHONY: test
test: $(STAMP) $(AIRFLOW_STAMP) chromium ## Every check: lint, dbt build on DuckDB, deprecation gate, pytest (what CI runs)
	$(BIN)/python scripts/check.py

.PHONY: lint
lint: $(STAMP) ## ruff, mypy and sqlfluff only
	$(BIN)/python scripts/check.py --only lint

.PHONY: bench
bench: $(STAMP) $(AIRFLOW_STAMP) ## All benchmarks (pipeline at 1k/10k/100k patients, validator, governance plan, lineage audit)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_ingest.py --patients 2000
	$(BIN)/python scripts/bench_staging.py --patients 20000
	test -f data/warehouse/aegis.duckdb || $(MAKE) demo  # masked-view overhead reads the demo warehouse
	$(BIN)/python -m aegis.governance.bench --postgres-landing data/landing  # masked reads on PostgreSQL too
	$(BIN)/python -m aegis.lineage.bench --models 500
	$(BIN)/python scripts/bench_orchestration.py --patients 200  # Airflow DAG (parse, whole run) vs plain dbt build

.PHONY: docs
docs: $(STAMP) ## Generate dbt docs (then: .venv/bin/dbt docs serve)
	$(BIN)/dbt docs generate

.PHONY: clean
clean: ## Remove generated data, dbt artifacts (keeps .venv)
	rm -rf data target logs dbt_packages

.PHONY: distclean
distclean: clean ## Also remove .venv
	rm -rf $(VENV) $(AIRFLOW_VENV)
