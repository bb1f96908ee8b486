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
# DEBUG is off unless DEBUG=1 (`make dev`); this machine's commands use a secret key generated once
# into var/ and plain http (`make run` serves the site as a reader gets it, on this machine only).
SECRET_KEY_FILE ?= var/secret_key
LOCAL_ENV := SECRET_KEY_FILE=$(SECRET_KEY_FILE) SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
MANAGE := $(LOCAL_ENV) $(PY) manage.py
# Test processes (pytest-xdist): one per core; TEST_WORKERS=0 runs in this process (for -x / pdb).
TEST_WORKERS ?= auto

.PHONY: run dev test test-postgres serve setup data index static system-deps fixture sources quality bench clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed $(SECRET_KEY_FILE)

$(SECRET_KEY_FILE):
	mkdir -p $(dir $@)
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(64))" > $@

# Debian packages the project uses: the Dutch word list for the importer, Chromium for UI tests.
# Installed only when missing and when we may (root with apt); otherwise the tests that need
# them say so and are skipped.
system-deps:
	@bash .ci/system-deps

data: setup
	$(MANAGE) migrate --noinput
	# Fixtures, 'Genoemd in' and first revisions; an existing (edited) lexicon is left alone.
	$(MANAGE) load_lexicon

index: setup
	$(MANAGE) rebuild_index --noinput

static: setup
	$(MANAGE) collectstatic --noinput --verbosity 0

run: data index static
	$(MANAGE) runserver $(HOST):$(PORT)

# Development: Django's debug pages and auto-reload (never for a site others can reach).
dev: data index
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup system-deps
	$(PY) -m pytest -n $(TEST_WORKERS)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres:///lexicon} $(PY) -m pytest -n $(TEST_WORKERS)

# Regenerate the cleaned lexicon from the seed text (the committed fixture must not change).
fixture: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) import_lexicon $(SEED_DIR)/lexicon-nabijheid-en-sociaal-werk-2022.txt --toc $(SEED_DIR)/lexicon-toc.tsv --fixture $(FIXTURE) --literature $(LITERATURE_FIXTURE)

# Regenerate the four related texts ("Bronnen") from the seeds (the committed fixture must not change).
sources: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) import_sources $(SEED_DIR) --fixture $(SOURCES_FIXTURE)

quality: data
	$(MANAGE) lexicon_quality

bench: data
	$(PY) bench/search.py
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles
