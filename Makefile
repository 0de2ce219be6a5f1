# Two commands on a fresh machine with python3:
#   make demo   creates .venv, installs eventcoder, codes examples/ into output/examples
#   make test   creates .venv, installs eventcoder with test tools, runs the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench accuracy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventcoder code examples/stories.jsonl --output output/examples --overwrite

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) output/examples
