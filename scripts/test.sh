#!/usr/bin/env bash
# Quick start, command 2: set everything up, then run the whole test suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
# The stages' import layers and the kinds' independence (pyproject.toml [tool.importlinter]).
lint-imports --no-cache --no-logo
set +e
python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then   # pytest: no tests collected
    echo "no tests were collected" >&2
    exit 1
fi
exit "$status"
