# Two commands for a fresh machine:  `make run`  and  `make test`  (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 5000
export FLASK_APP := wsgi
# `make run` is a local, plain-HTTP setup; production settings are the default elsewhere.
DEV    := RELIEVE_ENV=development

.PHONY: run setup test lint contract test-js test-sqlite test-postgres bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(PY) -m pip install --quiet --upgrade pip || { rm -rf $(VENV); exit 1; }

$(VENV)/.runtime: $(VENV)/bin/python requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Node.js packages (esbuild; ESLint and TypeScript's checker) exactly as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## setup: environment, database schema (migrations), content, the client contract, asset bundles and their brotli/gzip copies
setup: $(VENV)/.runtime node_modules/.installed
	$(DEV) $(PY) -m flask db upgrade
	$(DEV) $(PY) -m flask content load
	$(DEV) $(PY) -m flask contract build
	$(DEV) $(PY) -m flask assets build
	$(DEV) $(PY) -m flask static compress

## run: set up, then serve on http://127.0.0.1:$(PORT)
run: setup
	$(DEV) $(PY) -m flask run --host 127.0.0.1 --port $(PORT)

## test: every test, on SQLite; and on PostgreSQL too when RELIEVE_TEST_POSTGRES_URL is set (CI sets it)
test: $(VENV)/.dev node_modules/.installed
	@if [ "$$CI" = "true" ] && [ -z "$$RELIEVE_TEST_POSTGRES_URL" ]; then \
	  echo "CI=true but RELIEVE_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL and sets it." >&2; exit 1; fi
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-js
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$RELIEVE_TEST_POSTGRES_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	  else echo "PostgreSQL pass skipped: set RELIEVE_TEST_POSTGRES_URL to run it (CI does)."; fi

## lint: ruff (lint and format) for Python; ESLint and TypeScript's checker (JSDoc) for JavaScript
LINTED := webapp tests migrations tools bench wsgi.py
lint: $(VENV)/.dev node_modules/.installed contract
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	npx --no-install eslint .
	npx --no-install tsc -p jsconfig.json

# The JavaScript module generated from the Python contract (webapp/contract.py).
contract: $(VENV)/.runtime
	@$(DEV) $(PY) -m flask contract build >/dev/null

## test-js: the front end's pure logic (timer, routines, share links, rules, insights, exports) with Node's test runner
test-js: $(VENV)/.dev node_modules/.installed contract
	node --test tests/js/*.test.js

test-sqlite: $(VENV)/.dev
	env -u TEST_DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev
	TEST_DATABASE_URL="$$RELIEVE_TEST_POSTGRES_URL" $(PY) -m pytest $(PYTEST_ARGS)

## bench: performance budgets (see bench/README.md)
bench: setup
	$(PY) bench/budgets.py
	$(PY) bench/serving.py
	$(PY) bench/requests.py
	$(PY) bench/sync.py --rounds 4 --seconds 6
	node bench/insights.js
	$(PY) bench/lighthouse.py

clean:
	rm -rf $(VENV) node_modules static/gen static/js/generated static/.webassets-cache .pytest_cache test-artifacts
	find static \( -name '*.br' -o -name '*.gz' \) -delete
