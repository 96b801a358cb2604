# casus — two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP_CORE := $(VENV)/.core-installed
STAMP_ALL  := $(VENV)/.all-installed

.PHONY: demo test test-fast check lint types bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_CORE): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_ALL): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[all,dev]"
	touch $@ $(STAMP_CORE)

demo: $(STAMP_CORE)          ## set up and run the walk-through on the built-in knowledge base
	$(BIN)/casus demo

test: $(STAMP_ALL)           ## set up everything the tests need and run the whole suite
	bash scripts/with_postgres.sh $(BIN)/python -m pytest -n 2 --dist loadfile -q   # a throwaway PostgreSQL when installed

test-fast: $(STAMP_ALL)      ## the suite without tests marked slow: the contributor's loop (see CONTRIBUTING.md)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --dist loadfile -q -m "not slow"   # a loop reuses its bytecode

lint: $(STAMP_ALL)
	$(BIN)/ruff check src tests benchmarks

types: $(STAMP_ALL)
	$(BIN)/mypy --strict src

check: lint types test       ## what CI runs, plus lint and types

bench: $(STAMP_ALL)          ## speed targets, printed against their baselines
	$(BIN)/python benchmarks/run_all.py

screenshots: $(STAMP_ALL)   ## the dashboard at phone and desktop sizes, for docs/web.md (needs chromium)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
