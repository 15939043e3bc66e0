# LearnCity — every test: `make test`. CI runs it with CI=true, where nothing may be skipped.
SWIFT ?= swift
PYTHON ?= python3

.PHONY: test test-swift test-postgres test-browser build bench run

test: test-swift test-postgres test-browser

build:
	$(SWIFT) build --build-tests

# Unit tests of LearnCityCore and the app tests on in-memory SQLite.
test-swift: build
	$(SWIFT) test --skip-build

# The same app tests on a real PostgreSQL (started privately unless LEARNCITY_TEST_DATABASE_URL is set).
test-postgres: build
	scripts/with-postgres.sh $(SWIFT) test --skip-build --filter LearnCityAppTests

# The built binary, driven by real HTTP, a real CLI and a real Chromium.
test-browser: build
	scripts/with-postgres.sh --optional scripts/browser-tests.sh

run:
	$(SWIFT) run learncity

# Benchmarks (by hand; figures go to BENCHMARKS.md): a release build, then each scenario.
bench:
	$(SWIFT) build -c release --product learncity
	scripts/bench/people.sh
	scripts/bench/records.sh
	scripts/bench/dashboard.sh
