# Two commands on a fresh machine: `make build`, then `make test`. Every target installs what
# it needs first (a local virtual environment; for tests, Debian's chromium and tools).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tests need: the browser, a QR decoder, a PDF rasteriser and Hunspell
# with its Russian, Belarusian and British English dictionaries (the spelling check); Java for
# the HTML checker (vnu) is installed too when the machine has none.
DEBS   := chromium libzbar0 poppler-utils fonts-dejavu-core \
          hunspell hunspell-ru hunspell-be hunspell-en-gb
NODE_STAMP := tests/node_modules/.installed

.PHONY: build serve test lint bench check-system clean

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --livereload

test: $(STAMP) check-system $(NODE_STAMP)
	$(BIN)/ruff check build_tools tests overrides
	$(BIN)/ruff format --check build_tools tests overrides
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check build_tools tests overrides
	$(BIN)/ruff format --check build_tools tests overrides

bench: $(STAMP) check-system $(NODE_STAMP)
	$(BIN)/python -m build_tools.bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Installs Debian's packages when one is missing and we may (root); otherwise says what to run.
check-system:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi

$(NODE_STAMP): tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site site.partial site.old
