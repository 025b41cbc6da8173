# The two commands a newcomer needs:   make book   and   make test
# make book builds every year with data, in English and in Spanish (unchanged editions
# come from the cache); make book YEAR=2015 builds that edition only (both languages);
# make book LANGUAGE=en builds one language only.
# Both create the virtual environment (.venv) on first use.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
YEAR ?=
LANGUAGE ?=
# The browser tests drive Debian's chromium (never a browser downloaded by a tool).
CHROMIUM := /usr/bin/chromium

.PHONY: help venv browser book test validate serve review bench lock clean

help:
	@echo "make book      build every edition (each year with data), English and Spanish (es/), into _build/html;"
	@echo "               YEAR=Y builds one edition, LANGUAGE=en one language"
	@echo "make test      run every test (unit, notebooks with strict nbval, site, browser)"
	@echo "make browser   install Debian's chromium (PDFs and browser tests), if missing (as root)"
	@echo "make validate  validate the data of every year"
	@echo "make serve     preview the built site on http://127.0.0.1:8000"
	@echo "make review    review a year's drafts in the browser workbench (YEAR=Y)"
	@echo "make bench     benchmark the build"

venv: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.0.1"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The build prints the PDFs with the same chromium.
book: $(STAMP) browser
	$(BIN)/python -m hemiplan build $(if $(YEAR),--year $(YEAR),) $(if $(LANGUAGE),--language $(LANGUAGE),)

# Debian's chromium and chromium-driver, installed only when missing (needs root, as in CI).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "$(CHROMIUM) is missing: run 'sudo make browser' (apt-get install chromium chromium-driver)" >&2; \
	    exit 1; \
	  fi; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi

test: $(STAMP) browser
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/python -m hemiplan validate

serve: $(STAMP)
	$(BIN)/python -m hemiplan serve

# the review workbench of a year's drafts, in a browser on 127.0.0.1 (make review YEAR=2015)
review: $(STAMP)
	@if [ -z "$(YEAR)" ]; then echo "make review needs YEAR=..., the year to review" >&2; exit 2; fi
	$(BIN)/python -m hemiplan review --year $(YEAR) --serve

bench: $(STAMP)
	$(BIN)/python -m hemiplan bench

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^hemiplan' > constraints.txt

clean:
	rm -rf _build
