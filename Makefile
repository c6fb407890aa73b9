# The two promised commands are `make serve` and `make test`; both set up
# .venv from the lock first. Nothing else needs to be installed by hand
# (browser tests also need Debian's chromium: `apt-get install chromium`).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check bench lighthouse clean

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed
	$(BIN)/pytest -q

# The in-process tests only (no site build, no browser): seconds, not minutes.
test-fast: $(VENV)/.installed
	$(BIN)/pytest -q -m "not build and not browser"

check: $(VENV)/.installed
	$(BIN)/spets check

bench: $(VENV)/.installed
	$(BIN)/python bench/bench.py $(or $(N),100 1000 5000)

# Lighthouse (npm, run by npx) on four pages; not part of `make test`.
lighthouse: $(VENV)/.installed
	$(BIN)/python bench/lighthouse.py $(ARGS)

# Reinstalled whenever the lock or the project metadata changes.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf $(VENV) site
