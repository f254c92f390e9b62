#!/usr/bin/env bash
# Quick start, command 1: set everything up, then render every bundled fixture into out/
# (.docx, plus a PDF of each through LibreOffice with the project's fontconfig mapping).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
mkdir -p out
gongwen render fixtures/*.yaml fixtures/seeds/*.yaml -o out/
profile=$(mktemp -d)
FONTCONFIG_FILE="$ROOT/gongwen/fontconfig/fonts.conf" soffice "-env:UserInstallation=file://$profile" \
    --headless --convert-to pdf --outdir out out/*.docx >/dev/null
rm -rf "$profile"
ls out/
