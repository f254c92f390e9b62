#!/usr/bin/env bash
# Extract messages from the code, merge them into the Chinese catalog, compile it (Babel).
# Run after changing a message; tests/test_i18n.py fails when the catalog is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
po=gongwen/locale/zh_CN/LC_MESSAGES/gongwen.po
pybabel extract -k _ -k N_ --no-location --sort-output -o gongwen/locale/gongwen.pot gongwen 2>/dev/null
if [ -f "$po" ]; then
    pybabel update --no-fuzzy-matching -i gongwen/locale/gongwen.pot -d gongwen/locale -D gongwen -l zh_CN
else
    pybabel init -i gongwen/locale/gongwen.pot -d gongwen/locale -D gongwen -l zh_CN
fi
pybabel compile -d gongwen/locale -D gongwen -l zh_CN 2>/dev/null
