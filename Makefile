# The README's two commands: `make serve` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: serve test build lint format eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(PIP) -e '.[st,test]'
	touch $@

serve: $(VENV)/.runtime
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

build: $(VENV)/.runtime
	$(BIN)/qa build

test: $(VENV)/.test
	$(BIN)/ruff check qa tests bench
	$(BIN)/ruff format --check qa tests bench
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest -q

lint: $(VENV)/.test
	$(BIN)/ruff check qa tests bench

format: $(VENV)/.test
	$(BIN)/ruff format qa tests bench

eval: $(VENV)/.runtime
	$(BIN)/qa eval tests/eval/dev.jsonl

bench: $(VENV)/.test
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) index
