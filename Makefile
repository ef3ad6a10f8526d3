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

.PHONY: build serve test lint bench check-system clean validate report new-entry leaflet messages golden

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The real content with the made-up demonstration directory (tests/fixtures/demo), never published.
.PHONY: demo
demo: $(STAMP)
	$(BIN)/python -c 'from pathlib import Path; from tests.paths import DEMO_DIRECTORY; from tests.sitebuild import build_site; build_site(Path("build/demo").resolve(), data_dir=DEMO_DIRECTORY)'
	@echo "Demonstration site (made-up entries, each badged): build/demo/site/"

# The live preview leaves the printable leaflets out (they take most of a rebuild's time);
# `make build` and the `leaflet` command make them.
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 HELPDIR_LEAFLETS=false $(BIN)/mkdocs serve --livereload

# The editors' commands, as `make` targets so they work as typed in the repository folder.
# ARGS passes options on: make validate ARGS="--lang be" (or set HELPDIR_LANG=be for every command).
validate: $(STAMP)
	$(BIN)/python -m build_tools validate $(ARGS)

report: $(STAMP)
	$(BIN)/python -m build_tools report $(ARGS)

# Asks for the id, region and kinds of help; or: make new-entry ARGS="--id x --region brest …"
new-entry: $(STAMP)
	$(BIN)/python -m build_tools new-entry $(ARGS)

# make leaflet REGION=brest LANG=be  (REGION: a region id or national; LANG: ru, be or en).
# LANG is also the shell's locale variable: only a LANG given on make's command line counts,
# and it is not passed on to Python, which would take it for a locale.
LEAFLET_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),ru)
leaflet: $(STAMP)
	@test -n "$(REGION)" || { echo 'Say which region: make leaflet REGION=brest LANG=be (or REGION=national)'; exit 2; }
	env -u LANG $(BIN)/python -m build_tools leaflet --region "$(REGION)" --lang "$(LEAFLET_LANG)" $(ARGS)

# The editors' messages: gathers every string in _()/ngettext/N_ into the template and updates
# each language's catalogue (build_tools/locale/<lang>/LC_MESSAGES/helpdir.po) from it; new
# strings arrive untranslated, and tests/quality/test_messages.py says which. The .po files
# are read as they are at run time: nothing to compile.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --width=100 --project=helpdir \
	  -o build_tools/locale/helpdir.pot build_tools
	$(BIN)/pybabel update -i build_tools/locale/helpdir.pot -d build_tools/locale -D helpdir \
	  --ignore-obsolete --no-fuzzy-matching --width=100

test: $(STAMP) check-system $(NODE_STAMP)
	$(BIN)/ruff check build_tools tests overrides
	$(BIN)/ruff format --check build_tools tests overrides
	$(BIN)/pytest -q

# Writes the golden pages (tests/golden/pages/) from a fresh fixture build: run it when a change
# to the generated pages is meant, read the diff, and commit the pages with the change.
golden: $(STAMP)
	HELPDIR_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/golden/test_golden_pages.py
	@git status --short tests/golden/pages

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
	rm -rf site site.partial* site.old* .site.lock .cache/helpdir
