# Front door of the project. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RUFF   := $(VENV)/bin/ruff
PYTEST := $(PY) -m pytest
# Parallel test workers (pytest-xdist); `make test XDIST=0` runs them in one process. Each test
# file stays in one worker (--dist loadfile): the browser smoke walks are made once per role and
# shared by the tests of their file. (--dist loadgroup no longer groups under pytest 9: it spread
# those tests over both workers, and each worker walked every role again.) Measured on 2 cores on
# 8 December 2026 (1,566 tests): 7 min 32 s with -n 2 --dist loadfile, 8 min 12 s with loadgroup.
XDIST  ?= 2
ifeq ($(XDIST),0)
PYTEST_PAR :=
else
PYTEST_PAR := -n $(XDIST) --dist loadfile
endif

.PHONY: help setup run cluster test _test-body e2e bench lint fmt clean

help:
	@echo "make setup  install browser, venv, packages, axe-core; init + demo database (idempotent)"
	@echo "make run    setup, then streamlit run serve.py"
	@echo "make cluster  setup, then PostgreSQL + N app processes + HAProxy (N=2; Ctrl-C stops)"
	@echo "make test   setup, lint, all tests (SQLite + PostgreSQL, browser), bench --quick"
	@echo "make e2e    browser tests only"
	@echo "make bench  performance measurements (writes bench/results.json)"
	@echo "make lint   ruff check + ruff format --check"
	@echo "make fmt    ruff format + ruff check --fix"

setup:
	@scripts/setup.sh

run: setup
	$(VENV)/bin/streamlit run serve.py

# The production set-up on this machine: see deploy/README.md.
N ?= 2
cluster: setup
	CLUSTER_N=$(N) deploy/cluster.sh

test: setup
	@scripts/ensure_postgres.sh $(MAKE) --no-print-directory _test-body

# Runs inside ensure_postgres.sh, with TEST_DATABASE_URL exported.
_test-body:
	$(RUFF) check .
	$(RUFF) format --check .
	$(PYTEST) $(PYTEST_PAR)
	$(PY) bench/bench.py --quick

e2e: setup
	$(PYTEST) tests/e2e

bench: setup
	$(PY) bench/bench.py

lint:
	$(RUFF) check .
	$(RUFF) format --check .

fmt:
	$(RUFF) format .
	$(RUFF) check --fix .

clean:
	rm -rf test-output test-results bench/results.json bench/results-quick.json .ruff_cache
