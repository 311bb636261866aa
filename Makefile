# Every target installs what it needs into .venv first, so a fresh clone works.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KIJI   := $(VENV)/bin/kiji
SAMPLE := corpus/samples/2025-11-23-foxconn-nvidia-openai.md

.PHONY: install install-train train-sentiment eval-sentiment train-keywords eval-keywords train-entities eval-entities compile demo test lint format clean bench bench-peers bench-tokenizer fuzz

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# Training and evaluation need scikit-learn; kiji itself does not.
$(VENV)/.installed-train: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,train]'
	touch $@

install-train: $(VENV)/.installed-train

train-sentiment: install-train
	$(PY) scripts/train_sentiment.py

eval-sentiment: install-train
	$(PY) scripts/eval_sentiment.py

train-keywords: install-train
	$(PY) scripts/train_keywords.py

eval-keywords: install-train
	$(PY) scripts/eval_keywords.py

train-entities: install-train
	$(PY) scripts/train_entities.py

eval-entities: install-train
	$(PY) scripts/eval_entities.py

# Byte-compile kiji's own modules: an editable install has no .pyc files, and where
# PYTHONDONTWRITEBYTECODE is set every start would compile them again (~70 ms); and
# keep the compiled regular expressions and loaded models beside them (analyzer/startup.py).
compile: install
	$(PY) -m compileall -q analyzer
	$(PY) -c 'from analyzer.startup import main; main()'

install: $(VENV)/.installed

demo: install compile
	$(KIJI) analyze $(SAMPLE) --format table

lint: install
	$(VENV)/bin/ruff check analyzer tests scripts
	$(VENV)/bin/ruff format --check analyzer tests scripts

format: install
	$(VENV)/bin/ruff check --fix analyzer tests scripts
	$(VENV)/bin/ruff format analyzer tests scripts

test: lint
	$(PY) -m pytest -q

# Speed figures (BENCHMARKS.md): corpus in .bench/, several minutes.
bench: install compile
	$(PY) scripts/bench.py

# GiNZA gets its own environment so it never touches kiji's; bench-peers scores both
# on the Stockmark NER test split too, with the training scripts' readers (install-train).
.bench/ginza-venv/.installed:
	$(PYTHON) -m venv .bench/ginza-venv
	.bench/ginza-venv/bin/python -m pip install --quiet --disable-pip-version-check ginza==5.3.0 ja_ginza==5.3.0
	touch $@

bench-peers: install-train .bench/ginza-venv/.installed
	$(PY) scripts/bench_peers.py

bench-tokenizer: install
	$(PY) scripts/bench_tokenizer.py

# Not part of `make test`: 100,000 generated inputs take minutes.
fuzz: install
	$(PY) scripts/fuzz.py --count $(or $(FUZZ_COUNT),100000)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
