# The two commands a newcomer needs:   make book   and   make test
# Both create the virtual environment (.venv) on first use.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
YEAR ?=

.PHONY: help venv book test validate serve bench lock clean

help:
	@echo "make book      build the book for the default (latest) year into _build/html"
	@echo "make test      run every test (unit, notebooks with strict nbval, site)"
	@echo "make validate  validate the data of every year"
	@echo "make serve     preview the built site on http://127.0.0.1:8000"
	@echo "make bench     benchmark the build"

venv: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.0.1"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/python -m hemiplan build $(if $(YEAR),--year $(YEAR),)

test: $(STAMP)
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/python -m hemiplan validate

serve: $(STAMP)
	$(BIN)/python -m hemiplan serve

bench: $(STAMP)
	$(BIN)/python -m hemiplan bench

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^hemiplan' > constraints.txt

clean:
	rm -rf _build
