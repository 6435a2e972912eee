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

# extraction against the gold files, failing below the targets of issues 11 and 12, raised to
# just under what extraction reaches now so that a regression fails CI
SEEDS_TARGETS := --require precision=0.95 --require core_recall=0.99 --require value_unit_accuracy=0.97 \
	--require year_accuracy=0.92 --require metric_accuracy=0.93 --require source_accuracy=0.90
DEV_TARGETS := --require precision=0.95 --require core_recall=0.97 --require value_unit_accuracy=0.98 \
	--require year_accuracy=0.955 --require metric_accuracy=0.95 --require source_accuracy=0.93
# dev2: 30 documents nobody tuned on when they arrived (issue 20); a mechanism is confirmed here
DEV2_TARGETS := --require precision=0.97 --require core_recall=0.97 --require value_unit_accuracy=0.97 \
	--require year_accuracy=0.96 --require metric_accuracy=0.945 --require source_accuracy=0.96
# claim check (issue 21): our own claims written from the dev and dev2 documents, scored by the
# library call `claims check --json` makes; just under what it reaches, and no trap ever a match
CLAIMS_TARGETS := --require verdict_rate=0.95 --require origin_accuracy=0.92 --require trap_matches=0 \
	--require traps_same_figure=0 --require traps_read=28
# a second claim set, written blind to the claim reader from the seeds and dev documents: it
# measures whether fixes made on the first generalise; just under what main reached when it
# landed (verdict 0.638, origin 0.568; three traps not not_found, one of them a match), raised
# as the claim reader's and the verdict's fixes landed (0.855, 0.821; no trap anything but not_found), and
# again when the claim reader read a claim's population and verb and check ranked statements once (0.935, 0.926)
CLAIMS_SEEDS_TARGETS := --require verdict_rate=0.92 --require origin_accuracy=0.91 --require trap_matches=0 \
	--require traps_same_figure=0 --require traps_read=27
# a third claim set, written blind to the claim reader and the matching code from the seed and dev2
# documents (issue 21); just under what main reached when it landed (verdict 0.827, origin 0.754;
# one trap, a share read as a change, called a match); raised to just under what main reaches
# after that trap and three of its failure classes were fixed by mechanism (0.885, 0.826), and again after
# the claim reader's population-and-verb reading and the service's usual population (0.971, 0.942)
CLAIMS_BLIND_TARGETS := --require verdict_rate=0.95 --require origin_accuracy=0.93 --require trap_matches=0 \
	--require traps_same_figure=0 --require traps_read=24
# a fourth claim set, written blind to the claim reader and the matching code from all three corpora
# at once (seeds, dev, dev2: one database, so superseded and conflicts are judged across them); just
# under what main reached when it landed (verdict 0.833, origin 0.810; three traps called a match:
# a union's pay claim read as the award, a prisons' share and an HMPPS-wide rise read as probation's);
# raised when those three were fixed by mechanism (pay asked for is a target, a share is its part's, staff
# of a sentence naming several bodies are no body's): 0.917, 0.911, no trap matched, one given a period
CLAIMS_BLIND2_TARGETS := --require verdict_rate=0.90 --require origin_accuracy=0.89 --require trap_matches=0 \
	--require traps_same_figure=1 --require traps_read=27
eval: install
	$(BIN)/claims eval ../shared/gold/seeds.jsonl --corpus corpus --db build/eval-seeds.db $(SEEDS_TARGETS)
	$(BIN)/claims eval ../shared/gold/dev.jsonl --corpus ../shared/gold/dev --db build/eval-dev.db $(DEV_TARGETS)
	$(BIN)/claims eval ../shared/gold/dev2.jsonl --corpus ../shared/gold/dev2 --db build/eval-dev2.db $(DEV2_TARGETS)
	$(BIN)/claims eval-claims tests/claimsbench/claims.jsonl --corpus ../shared/gold/dev --corpus ../shared/gold/dev2 \
		--db build/eval-claims.db $(CLAIMS_TARGETS)
	$(BIN)/claims eval-claims tests/claimsbench/claims_seeds.jsonl --corpus corpus --corpus ../shared/gold/dev \
		--db build/eval-claims-seeds.db $(CLAIMS_SEEDS_TARGETS)
	$(BIN)/claims eval-claims tests/claimsbench/claims_blind.jsonl --corpus corpus --corpus ../shared/gold/dev2 \
		--db build/eval-claims-blind.db $(CLAIMS_BLIND_TARGETS)
	$(BIN)/claims eval-claims tests/claimsbench/claims_blind2.jsonl --corpus corpus --corpus ../shared/gold/dev \
		--corpus ../shared/gold/dev2 --db build/eval-claims-blind2.db $(CLAIMS_BLIND2_TARGETS)

# scaled corpora of 200, 2,000 and 20,000 documents; results in docs/benchmarks.md (about 20 min)
bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/claims bench --seeds corpus --work build/bench

clean:
	rm -rf build .pytest_cache
