# Dyad: the two set-up commands are `make demo` and `make test`; both build .venv through `make venv`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= dyad.duckdb
SHARED ?= ../shared

.PHONY: venv demo test test-fast lint format typecheck docs eval bench lock clean kb screenshots vendor

venv: $(STAMP)

# Rebuilt only when the pinned requirements or the project metadata change (idempotent).
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || \
	  $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

demo: venv
	rm -f $(DB)
	$(BIN)/dyad ingest samples/ --db $(DB)
	$(BIN)/dyad stats --db $(DB)
	$(BIN)/dyad events --db $(DB) --dyad TUR-MYS --limit 10
	@echo
	@echo "Stored in $(DB). Try '$(BIN)/dyad show 000_e51a7bb7ba208ab8 --db $(DB)'."
	@echo "Dashboard: http://$(HOST):$(PORT)/#/dyad/TUR-MYS  (Ctrl-C stops it)"
	$(BIN)/dyad serve --db $(DB) --host $(HOST) --port $(PORT)

LINTED := src tests scripts benchmarks

# The whole suite, slow, browser and process tests included (CI runs this).
test: venv
	$(BIN)/python -m pytest -q

# The edit-run loop: no slow, browser or process tests (markers in pyproject.toml); under a minute.
test-fast: venv
	$(BIN)/python -m pytest -q -m "not slow and not browser and not process"

# What CI checks before the tests: the house format, ruff's rules, strict mypy.
lint: venv
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy src

format: venv
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

typecheck: venv
	$(BIN)/mypy src

# docs/cli.md is generated from the commands; a test fails when it is out of date.
docs: venv
	$(BIN)/python scripts/cli_reference.py --output docs/cli.md

eval: venv
	$(BIN)/dyad eval $(SHARED)/eval/dev/gold.jsonl
	$(BIN)/dyad eval $(SHARED)/eval/articles/gold.jsonl

bench: venv
	$(BIN)/python benchmarks/run.py --shared $(SHARED)
	$(BIN)/python benchmarks/query_latency.py --events 10000000
	$(BIN)/python benchmarks/scale.py --shared $(SHARED) --limit 300

kb: venv
	$(BIN)/python scripts/build_kb.py --shared $(SHARED)

# Re-fetch the dashboard's pinned JavaScript and map geometry from npm (needs node/npm; not needed to run Dyad).
vendor:
	scripts/vendor_web.sh

lock: venv
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

screenshots: venv
	DYAD_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q tests/api/test_browser.py
	cp test-artifacts/overview.png test-artifacts/dyad-TUR-MYS.png test-artifacts/article-seed.png \
	   test-artifacts/network.png test-artifacts/map.png test-artifacts/search.png docs/screenshots/

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
