# Two commands on a fresh machine with python3:
#   make demo   creates .venv, installs eventcoder, codes examples/ into output/examples
#   make test   creates .venv, installs eventcoder with test tools, runs the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install compile bench accuracy clean

$(STAMP): pyproject.toml hatch_build.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The install compiles the coding stage (hatch_build.py); this recompiles it after a .py/.pxd
# edit (a no-op when current). Without a C compiler eventcoder runs as plain Python.
compile: $(STAMP)
	$(BIN)/python hatch_build.py

demo: compile
	$(BIN)/eventcoder code examples/stories.jsonl --output output/examples --overwrite

test: compile
	$(BIN)/python -m pytest -q -p no:cacheprovider

accuracy: compile
	$(BIN)/python benchmarks/accuracy.py

bench: compile
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) output/examples build
	python3 hatch_build.py --clean
