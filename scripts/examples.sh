#!/usr/bin/env bash
# Quick start, command 1: set everything up, then render every bundled fixture into out/
# (.docx and .pdf, paginated through LibreOffice with the project's fontconfig mapping).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
mkdir -p out
gongwen render fixtures/*.yaml fixtures/seeds/*.yaml -o out/ --pdf
# A campaign: its table's figures written into the documents it lists.
gongwen render fixtures/campaign/campaign.yaml -o out/campaign/ --pdf --report out/campaign/report.json
ls out/
# The review of what was rendered, as CI reads it: any finding (exit 3) stops here; seed 000 is
# in the pre-2012 Party format, which the document records.
gongwen check --json --pdf $(ls out/*.docx | grep -v '/000.docx$') > out/check.json
gongwen check --json --pdf out/000.docx > out/check-000.json      # judged by the profile it records
# The gallery of unit looks (docs/gallery): each with its own profile and template.
gongwen render docs/gallery/county/county.yaml docs/gallery/party-brief/brief.yaml \
    docs/gallery/province/province.yaml -o out/gallery/ --pdf
for look in county province; do
    gongwen check --json --pdf --profile "docs/gallery/$look/profile.yaml" "out/gallery/$look.docx" \
        > "out/gallery/check-$look.json"
done
gongwen check --json --pdf out/gallery/brief.docx > out/gallery/check-brief.json
