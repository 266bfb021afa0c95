# The two commands a newcomer needs are `make start` and `make test` (see README.md).
# Everything they need is installed from the repository's own files.

PY      := python3
VENV    := .venv
BIN     := $(VENV)/bin
UV      := $(PY) -m uv

.PHONY: setup start test lint fuzz bench browser compose neo4j-install clean

setup: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PY) -m pip install --quiet uv
	$(UV) sync --frozen --quiet
	@touch $@

neo4j-install: setup
	$(BIN)/pmkg neo4j install

# Set up, start the local Neo4j, ingest the bundled example minutes and open the app.
start: neo4j-install
	$(BIN)/pmkg neo4j start
	$(BIN)/pmkg ingest examples/
	$(BIN)/pmkg app

# Debian's Chromium for the browser tests (a test tool's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's Compose, whose Compose Specification schema and `config` check docker-compose.yml (no engine needed).
compose:
	@command -v docker-compose >/dev/null 2>&1 || { \
	  echo "Installing Debian's docker-compose for tests/test_compose.py"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null; }

# Set up and run the whole test suite; tests/conftest.py starts a disposable Neo4j and the app.
test: neo4j-install browser compose
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fuzz: setup
	$(BIN)/python -m tests.fuzz --examples 10000

bench: neo4j-install
	$(BIN)/python -m bench --json

clean:
	rm -rf $(VENV) .pmkg neo4j-server/target
