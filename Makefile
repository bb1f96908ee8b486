# Two commands for a new user: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
FIXTURE := fixtures/lexicon.json
SOURCES_FIXTURE := fixtures/sources.json
LITERATURE_FIXTURE := fixtures/literature.json
SEED_DIR := fixtures/source
# Test processes (pytest-xdist): one per core; TEST_WORKERS=0 runs in this process (for -x / pdb).
TEST_WORKERS ?= auto

.PHONY: run test test-postgres serve setup data index system-deps fixture sources quality bench clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

# Debian packages the project uses: the Dutch word list for the importer, Chromium for UI tests.
# Installed only when missing and when we may (root with apt); otherwise the tests that need
# them say so and are skipped.
system-deps:
	@bash .ci/system-deps

data: setup
	$(PY) manage.py migrate --noinput
	# Fixtures, 'Genoemd in' and first revisions; an existing (edited) lexicon is left alone.
	$(PY) manage.py load_lexicon

index: setup
	$(PY) manage.py rebuild_index --noinput

run: data index
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup system-deps
	$(PY) -m pytest -n $(TEST_WORKERS)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres:///lexicon} $(PY) -m pytest -n $(TEST_WORKERS)

# Regenerate the cleaned lexicon from the seed text (the committed fixture must not change).
fixture: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_lexicon $(SEED_DIR)/lexicon-nabijheid-en-sociaal-werk-2022.txt --toc $(SEED_DIR)/lexicon-toc.tsv --fixture $(FIXTURE) --literature $(LITERATURE_FIXTURE)

# Regenerate the four related texts ("Bronnen") from the seeds (the committed fixture must not change).
sources: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_sources $(SEED_DIR) --fixture $(SOURCES_FIXTURE)

quality: data
	$(PY) manage.py lexicon_quality

bench: data
	$(PY) bench/search.py
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles
