# The README's two commands: `make serve` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: serve test test-fast build lint format eval eval-fresh bench bench-scale clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: $(BIN)/python pyproject.toml constraints.txt requirements.lock
	$(PIP) -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(PIP) -e '.[st,onnx,milvus,test]'
	touch $@

serve: $(VENV)/.runtime
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

build: $(VENV)/.runtime
	$(BIN)/qa build

# tests/test_browser.py drives Debian's chromium through chromedriver: install them if missing.
BROWSER_BINS := /usr/bin/chromium /usr/bin/chromedriver
APT_BROWSER := apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	chromium chromium-driver fonts-noto-cjk

browser:
	@for f in $(BROWSER_BINS); do [ -x "$$f" ] || missing="$$missing $$f"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "chromium/chromedriver missing:$$missing" >&2; \
	if [ "$$(id -u)" = 0 ]; then $(APT_BROWSER); \
	elif command -v sudo >/dev/null 2>&1; then sudo sh -c '$(APT_BROWSER)'; \
	else echo "not root and no sudo: as root, run: $(APT_BROWSER)" >&2; \
		echo "(until then tests/test_browser.py fails)" >&2; fi

test: $(VENV)/.test browser
	$(BIN)/ruff check qa tests bench tools
	$(BIN)/ruff format --check qa tests bench tools
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest -q

lint: $(VENV)/.test
	$(BIN)/ruff check qa tests bench tools

format: $(VENV)/.test
	$(BIN)/ruff format qa tests bench tools

eval: $(VENV)/.runtime
	$(BIN)/qa eval tests/eval/dev.jsonl

# The fresh questions ask about the seeds and the corpus pages: one archive of them all.
ARCHIVE ?= /tmp/qa-archive
eval-fresh: $(VENV)/.runtime
	rm -rf $(ARCHIVE) && mkdir -p $(ARCHIVE)/pages
	cp seeds/*.txt seeds/catalog.csv corpus/tune/*-*.txt corpus/test/*-*.txt $(ARCHIVE)/pages/
	QA_SEEDS_DIR=$(ARCHIVE)/pages QA_INDEX_DIR=$(ARCHIVE)/index $(BIN)/qa build --quiet
	for half in train test fresh2; do \
		QA_INDEX_DIR=$(ARCHIVE)/index $(BIN)/qa eval tests/eval/fresh/$$half.jsonl \
			--compare tests/eval/fresh/baseline-$$half.json || exit 1; done

bench: $(VENV)/.test
	$(BIN)/python bench/bench.py

# A synthetic archive of 100k, then 1M passages, built, loaded and searched by the product's
# own code (bench/scale.py); about 25 minutes on 2 cores.
bench-scale: $(VENV)/.runtime
	$(BIN)/python bench/scale.py --passages 100000
	$(BIN)/python bench/scale.py --passages 1000000

clean:
	rm -rf $(VENV) index

# The fast tier: segmentation, passages, stores, API shapes, settings; no model is loaded.
test-fast: $(VENV)/.test
	$(BIN)/ruff check qa tests bench tools
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m pytest -q -m "not model"
