# Two commands, nothing by hand: `make serve` and `make test` install whatever is missing first, from the
# package registries only (crates.io, npm, Debian), and are quick when everything is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3; exit }' Cargo.lock)
TRUNK := trunk --offline --skip-version-check
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help tools rust-tools node-tools browser build serve test lint native-test wasm-check e2e e2e-site bench clean

help:
	@echo "make serve   build the release site and serve it on http://127.0.0.1:8080"
	@echo "make build   write the release site to dist/"
	@echo "make test    formatting, clippy (host and wasm32), native tests, wasm build, browser end-to-end tests"
	@echo "make bench   size and speed benchmark against the budgets"

# ---- tools ---------------------------------------------------------------------------------------------

tools: rust-tools node-tools

rust-tools:
	@command -v cargo >/dev/null || { echo "Rust is required (cargo not found)"; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo fetch --locked -q

node-tools: node_modules/.installed
	@command -v node >/dev/null || { echo "Node.js 18 or newer is required ('node' not found): install it, then run make again"; exit 1; }

# scripts/npm.sh uses the machine's npm if it works, else the hash-pinned npm of package.json through corepack.
node_modules/.installed: package.json package-lock.json scripts/npm.sh
	scripts/npm.sh ci --no-audit --no-fund --loglevel=error
	@touch $@

# nginx and its brotli_static module: tests/e2e/nginx.spec.ts serves dist/ through deploy/nginx/ on 127.0.0.1.
browser:
	@if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ] || ! [ -x /usr/sbin/nginx ] \
		|| ! [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver \
			nginx libnginx-mod-http-brotli-static; \
	fi

# ---- build and serve -----------------------------------------------------------------------------------

# Two pages from two Trunk builds: the full app (index.html) and the quiz (quiz.html, the `quiz` binary
# with the `quiz` feature). The quiz is built into target/quiz-dist (Trunk names its page index.html there)
# and its files join dist/ as quiz.html and files whose names carry their own hashes (the stylesheet is the
# same file); then the steps that need the whole site run.
QUIZ_DIST := target/quiz-dist
# The site configuration (content/site.toml); `make build SITE=path/to/site.toml` builds for another site.
# build.rs checks it and embeds it; scripts/site_pages.py applies it to the pages.
SITE ?= content/site.toml
export SITE
# Where the site is written; the sample site's build for tests/e2e/site.spec.ts goes elsewhere, so dist/
# stays the default site's.
DIST ?= dist
# The sample hosting site: another name, colour, logo, call to action, footer and `index = "quiz"`.
SAMPLE_SITE := tests/data/site/sample/site.toml
SAMPLE_DIST := target/sample-dist

build: tools
	$(TRUNK) build --release --dist $(DIST)
	$(TRUNK) build --release --dist $(QUIZ_DIST) quiz.html
	@for f in $(QUIZ_DIST)/*; do \
		t="$(DIST)/$${f##*/}"; [ "$$t" = $(DIST)/index.html ] && t=$(DIST)/quiz.html; \
		if [ -e "$$t" ]; then cmp -s "$$f" "$$t" || { echo "build: $$t differs between the two pages' builds"; exit 1; }; \
		else cp "$$f" "$$t"; fi; \
	done
	@if python3 -c 'import sys, tomllib; sys.exit(tomllib.load(open(sys.argv[1], "rb")).get("index", "app") != "quiz")' "$(SITE)"; then \
		mv $(DIST)/index.html $(DIST)/app.html && mv $(DIST)/quiz.html $(DIST)/index.html; \
		echo "build: index.html is the quiz, the full app is app.html ($(SITE))"; \
	fi
	python3 scripts/site_pages.py $(DIST) "$(SITE)"
	python3 scripts/csp_hash.py $(DIST)
	python3 scripts/service_worker.py $(DIST)
	node scripts/precompress.mjs $(DIST)

serve: build
	@echo "Serving dist/ on http://127.0.0.1:8080 (index.html, quiz.html)"
	python3 -m http.server 8080 --bind 127.0.0.1 --directory dist

# ---- tests ---------------------------------------------------------------------------------------------

test: tools browser lint native-test build e2e e2e-site

lint:
	cargo fmt --all --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

native-test:
	cargo test --locked

e2e: node-tools browser
	node_modules/.bin/playwright test --config tests/e2e/playwright.config.ts

# The same site built for the sample hosting site, into its own folder, and the spec that checks both pages
# carry it (the quiz as index.html, the full app as app.html). dist/ keeps the default site's build.
e2e-site: node-tools browser
	$(MAKE) --no-print-directory build SITE=$(SAMPLE_SITE) DIST=$(SAMPLE_DIST)
	SITE=$(SAMPLE_SITE) E2E_DIST=$(SAMPLE_DIST) E2E_APP_PAGE=app.html \
		node_modules/.bin/playwright test --config tests/e2e/playwright.config.ts site.spec.ts

bench: test
	node tests/bench/bench.mjs

clean:
	rm -rf dist target node_modules tests/e2e/artifacts
