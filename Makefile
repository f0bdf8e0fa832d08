# The two commands: `make serve` and `make test`. Each installs what is missing first and
# skips what is already there at the right version. Nothing is downloaded from outside the
# package registries (crates.io, npm, Debian).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, "", $$0); print; exit}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: help serve build view test test-native test-sync test-browser bench lint tools wasm-target trunk wasm-bindgen wasm-split node-deps chromium validators clean

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080"
	@echo "make test    native tests, then browser tests in headless Chromium"
	@echo "make build   release build into dist/"
	@echo "make bench   sizes of the release build; native timings on a 1,000-session meeting"
	@echo "make lint    cargo fmt --check, clippy -D warnings, the layer check"

# The attendee view (view.html, its own small bundle for phones) is built first; index.html
# copies it into dist/view/.
VIEW_DIST := target/trunk-view/view

# The sync server (sync/server.mjs: Hocuspocus from npm) runs beside the app on
# ws://127.0.0.1:1234, its documents in .sync-data/; it stops when the app's server does.
serve: tools view
	node sync/server.mjs & sync=$$!; \
	trap 'kill $$sync 2>/dev/null; wait $$sync 2>/dev/null || true' EXIT; \
	trunk serve --release

build: tools view
	trunk build --release

view: tools
	trunk build view.html --release=true --dist $(VIEW_DIST) --public-url /view/

test: lint test-native test-sync test-browser

test-native: validators node-deps
	cargo test --locked

# The sync server for real on a free loopback port, with Yjs clients (tests/sync/).
test-sync: node-deps
	node --test --test-concurrency=1 tests/sync/

test-browser: build chromium validators
	node --test --test-concurrency=1 tests/e2e/

# Every figure is printed even when a size is over its budget; the exit status says so after.
bench: build chromium
	status=0; node tests/support/size.mjs dist || status=$$?; \
	cargo bench --locked --bench native && node tests/support/bench.mjs && exit $$status

lint:
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
	node tests/support/layers.mjs

# ---- installs (each skips itself when already satisfied) ----

tools: wasm-target trunk wasm-bindgen wasm-split node-deps

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@if trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then :; else \
	  echo "Installing Trunk $(TRUNK_VERSION) (about 13 minutes on 2 cores)…"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi

# No --locked here: the CLI's own lock file pins a crate version the registry does not serve.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then :; else \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 4 minutes)…"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi

# Splits the apps' code at their `#[lazy]` functions (tools/build.mjs).
WASM_SPLIT_VERSION := 0.2.4
wasm-split:
	@if cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then :; else \
	  echo "Installing wasm-split-cli $(WASM_SPLIT_VERSION) (about 3 minutes)…"; \
	  cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked; fi

# binaryen brings wasm-opt; playwright-core drives Chromium. Installed from the lock file.
node-deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

chromium:
	@if [ -x $(CHROMIUM) ] && command -v pdftotext >/dev/null; then :; else \
	  echo "Installing Debian's Chromium and poppler-utils (pdftotext, pdftoppm)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; fi

# The c3voc schedule validators the interop tests run: xmllint (Debian) for the XSD and
# Python's jsonschema (PyPI) for the JSON schema.
JSONSCHEMA_VERSION := 4.26.0
# zxing-cpp (with Pillow) reads back the programme's QR code in the browser tests.
ZXING_VERSION := 3.1.1
PILLOW_VERSION := 13.0.0
validators:
	@command -v xmllint >/dev/null || { echo "Installing xmllint (libxml2-utils)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils; }
	@python3 -c 'import jsonschema' 2>/dev/null || { echo "Installing jsonschema $(JSONSCHEMA_VERSION)…"; \
	  python3 -m pip install --quiet --disable-pip-version-check 'jsonschema==$(JSONSCHEMA_VERSION)'; }
	@python3 -c 'import zxingcpp, PIL' 2>/dev/null || { echo "Installing zxing-cpp $(ZXING_VERSION) and Pillow $(PILLOW_VERSION)…"; \
	  python3 -m pip install --quiet --disable-pip-version-check 'zxing-cpp==$(ZXING_VERSION)' 'pillow==$(PILLOW_VERSION)'; }

clean:
	rm -rf dist target/screenshots
