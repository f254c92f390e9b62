#!/usr/bin/env bash
# Pin anew: install the project with its test extras into a fresh venv, at the newest versions
# pyproject.toml allows, and write what was installed to constraints.txt.  Run the tests after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
python3 -m venv "$fresh/venv"
"$fresh/venv/bin/python" -m pip install -q --upgrade pip
"$fresh/venv/bin/python" -m pip install -q "$ROOT[test]"
{
    echo "# The exact versions the test suite passed with (pip install -c constraints.txt …, scripts/setup.sh)."
    echo "# Refresh: bash scripts/refresh-constraints.sh (a fresh venv, the newest versions pyproject.toml allows)."
    "$fresh/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^gongwen'
} > "$ROOT/constraints.txt"
echo "constraints.txt: $(grep -vc '^#' "$ROOT/constraints.txt") packages pinned" >&2
