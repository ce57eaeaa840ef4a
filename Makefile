# Two commands set everything up on a fresh Debian machine:
#   make run    first use creates .venv, installs legtimer with audio, starts the runners workout
#   make test   creates .venv with the test dependencies and runs the whole suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ROUTINE ?= runners.toml

.PHONY: run test check lint bench sounds clean

run: $(VENV)/.app-installed
	$(BIN)/legtimer --routine $(ROUTINE)

# The suite starts with the linters: a change that is not ruff- and mypy-clean does not pass.
test: lint
	$(BIN)/python -m pytest -q

check: test

lint: $(VENV)/.test-installed
	$(BIN)/ruff check legtimer tests benchmarks tools
	$(BIN)/ruff format --check legtimer tests benchmarks tools
	$(BIN)/mypy

bench: $(VENV)/.test-installed
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench.py

sounds: $(VENV)/.app-installed
	$(BIN)/python tools/make_sounds.py sounds

$(BIN)/python:
	@PY=$(PY) sh tools/sysdeps.sh run
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The audio extra needs a C compiler and libasound2-dev; without it legtimer still runs
# (it falls back to a system player or the terminal bell), so a failed build is not fatal.
$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[audio]' || { \
	  echo "note: the audio extra did not build; installing without it (sound falls back)"; \
	  $(BIN)/python -m pip install -q -e . ; }
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	@PY=$(PY) sh tools/sysdeps.sh test
	$(BIN)/python -m pip install -q -e '.[audio,test]'
	@touch $(VENV)/.app-installed $@

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
