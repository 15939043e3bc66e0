#!/usr/bin/env bash
# Runs Tests/Browser (pytest): the built binary driven by real HTTP, the CLI, the OpenAPI
# validator and a real Chromium through Playwright. Missing tools skip loudly — unless CI is
# set, where a skip is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "!!!!!!!! SKIPPED: browser and CLI suite — $1 !!!!!!!!" >&2
  if [[ -n "${CI:-}" ]]; then echo "CI is set: a skipped suite is a failure." >&2; exit 1; fi
  exit 0
}

PYTHON=${PYTHON:-python3}
"$PYTHON" -c "import pytest, playwright, openapi_spec_validator" 2>/dev/null \
  || skip "missing Python packages (pip install pytest playwright openapi-spec-validator)"
export LEARNCITY_BIN=${LEARNCITY_BIN:-$(swift build --show-bin-path)/learncity}
[[ -x "$LEARNCITY_BIN" ]] || { echo "no binary at $LEARNCITY_BIN: run swift build first" >&2; exit 1; }
export CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[[ -n "$CHROMIUM" ]] || skip "no Chromium (apt-get install chromium fonts-noto-cjk)"

"$PYTHON" -m pytest -q Tests/Browser "$@"
