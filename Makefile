# Probation Claims. `make serve` builds the database from corpus/ and serves it;
# `make test` installs everything and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := build/claims.db
PORT ?= 8001

.PHONY: install build serve test eval bench clean

$(BIN)/claims: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/claims

install: $(BIN)/claims

build: install
	$(BIN)/claims build --corpus corpus --db $(DB)

serve: build
	$(BIN)/claims serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/pytest -q

eval: install
	$(BIN)/claims eval ../shared/gold/seeds.jsonl --corpus corpus --db $(DB)

# scaled corpora of 200, 2,000 and 20,000 documents; results in docs/benchmarks.md (about 20 min)
bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/claims bench --seeds corpus --work build/bench

clean:
	rm -rf build .pytest_cache
