# Quick start: `make` builds the six sites and the PDFs into public/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: all build check test test-fast lint lock serve edit admin bench clean install

all: build

install: $(STAMP) $(NODE_STAMP)

# Python packages exactly as requirements.lock pins them (hashes checked), then the project itself.
$(STAMP): pyproject.toml requirements.lock scripts/install-system.sh
	./scripts/install-system.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

# Refresh requirements.lock after changing a dependency in pyproject.toml (uv, installed if missing).
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) scripts/lock.py

# Test tools from npm (package-lock.json): axe-core, vnu.jar. --ignore-scripts: vnu-jar's
# postinstall would download a Java runtime; Debian's (scripts/install-system.sh) is used.
$(NODE_STAMP): package.json package-lock.json | $(STAMP)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

# The six sites with their PDFs and the in-browser editor at /admin/ of the region's site
build: $(STAMP) $(NODE_STAMP)
	$(PY) build.py build

check: $(STAMP)
	$(PY) build.py check

test: $(STAMP) $(NODE_STAMP) lint
	$(PY) -m pytest -q

# The edit-test loop: every test but those marked slow (builds, browsers, nginx, servers), under a minute
test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q -m "not slow"

# ruff (style, imports, likely bugs) and mypy (types), configured in pyproject.toml
lint: $(STAMP)
	$(PY) -m ruff check publishing tests bench harness scripts build.py
	$(PY) -m mypy

serve: $(STAMP)
	$(PY) build.py serve --site $(or $(SITE),region)

# The in-browser editor (Decap CMS) on this machine: editor http://127.0.0.1:8080/, preview
# http://127.0.0.1:8000/, Decap's local backend on 127.0.0.1:8081 writing the working copy's files.
edit: $(STAMP) $(NODE_STAMP)
	$(PY) build.py edit --site $(or $(SITE),region)

# The deployable editor alone, into build/admin/ (`build` already writes it at /admin/ of the region's site)
admin: $(STAMP) $(NODE_STAMP)
	$(PY) build.py admin

bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf public build .public.building node_modules
