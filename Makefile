# mentorbot: every target sets itself up (virtualenv, install, migrations) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# PostgreSQL: each run creates a database of its own on PG_SERVER_URL's server and drops
# it at the end; set PG_TEST_URL to use (and wipe) one database of your choosing instead.
PG_SERVER_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
PG_TEST_URL ?=
PG_CHECK_URL = $(or $(PG_TEST_URL),$(PG_SERVER_URL))

.PHONY: install test demo run migrate bench lint clean wheel-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mentorbot needs Python 3.11 or newer (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# SQLite always; PostgreSQL too when it answers (and it must answer when CI=true).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest
	@if $(BIN)/python -m tests.pg_reachable "$(PG_CHECK_URL)"; then \
		echo "== the same integration and end-to-end tests on PostgreSQL =="; \
		TEST_DATABASE_URL="$(PG_TEST_URL)" TEST_PG_SERVER_URL="$(PG_SERVER_URL)" \
			$(BIN)/python -m pytest tests/integration tests/e2e; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is unreachable at $(PG_CHECK_URL) and CI=true: failing, not skipping."; \
		exit 1; \
	else \
		echo "PostgreSQL is unreachable at $(PG_CHECK_URL): ran on SQLite only."; \
	fi

demo: $(STAMP)
	$(BIN)/mentorbot demo

run: $(STAMP)
	$(BIN)/mentorbot serve

migrate: $(STAMP)
	$(BIN)/mentorbot migrate

# Needs PostgreSQL for the PostgreSQL rows (BENCH_PG_URL); the database "bench" is wiped.
BENCH_PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/bench
bench: $(STAMP)
	$(BIN)/python -m bench.ack_latency
	$(BIN)/python -m bench.burst
	@$(BIN)/python -m tests.pg_reachable "$(BENCH_PG_URL)" \
		&& $(BIN)/python -m bench.dispatch --pg "$(BENCH_PG_URL)" \
		|| $(BIN)/python -m bench.dispatch --no-pg
	@$(BIN)/python -m tests.pg_reachable "$(BENCH_PG_URL)" \
		&& $(BIN)/python -m bench.views --pg "$(BENCH_PG_URL)" \
		|| $(BIN)/python -m bench.views --no-pg

# The product as an operator installs it: a wheel, in a fresh virtualenv outside the
# checkout, running its migrations and the demo from an empty directory.
wheel-check: $(STAMP)
	rm -rf dist
	@set -e; outside=$$(mktemp -d); trap 'rm -rf "$$outside"' EXIT; \
		$(BIN)/python -m pip wheel --disable-pip-version-check --no-deps --wheel-dir dist . \
			> "$$outside/build.log" 2>&1 || { cat "$$outside/build.log"; exit 1; }; \
		if grep -i "deprecat" "$$outside/build.log"; then \
			echo "wheel-check: the build warns (above)"; exit 1; fi; \
		$(PYTHON) -m venv "$$outside/venv"; \
		"$$outside/venv/bin/pip" install --quiet --disable-pip-version-check dist/mentorbot-*.whl; \
		cd "$$outside"; \
		"$$outside/venv/bin/mentorbot" --version; \
		DATABASE_URL="sqlite:///$$outside/mentorbot.db" "$$outside/venv/bin/mentorbot" migrate; \
		"$$outside/venv/bin/mentorbot" demo > demo.txt; \
		grep -q "final_session" demo.txt && echo "wheel-check: migrate and demo ran from the wheel"

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info build dist
