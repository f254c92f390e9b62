"""The gallery's three unit looks (docs/gallery/) render through LibreOffice and pass the whole
check — the pages measured by their own profiles, the text reviewed by the profile each
document records — with zero findings; their page-1 pictures are in the docs."""
from __future__ import annotations

from pathlib import Path

import pytest

import gongwen
from gongwen.printing.paginate import Job, paginate
from gongwen.review.document import review

GALLERY = Path(__file__).resolve().parent.parent / "docs" / "gallery"
LOOKS = {"county": "county.yaml", "party-brief": "brief.yaml", "province": "province.yaml"}


@pytest.fixture(scope="module")
def looks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gallery")
    jobs = [Job(gongwen.load_plan(GALLERY / look / plan), look, base_dir=GALLERY / look)
            for look, plan in LOOKS.items()]
    results = {r.job.name: r for r in paginate(jobs, folder)}
    for name, result in results.items():
        gongwen.save(result.document, folder / f"{name}.docx")
    return folder, results


@pytest.mark.parametrize("look", LOOKS)
def test_each_look_renders_and_checks_with_zero_findings(looks, look):
    folder, results = looks
    result = results[look]
    assert result.error is None and result.findings == [] and result.warnings == [], \
        (result.error, result.findings, result.warnings)
    # the text review, by the profile the document records (found beside its look)
    profile = GALLERY / look / "profile.yaml"
    judged_by = gongwen.load_profile(profile) if profile.exists() else None
    assert review(folder / f"{look}.docx", judged_by) == []
    assert (GALLERY / f"{look}.png").stat().st_size > 10_000


def test_the_looks_differ_where_the_unit_says(looks):
    _folder, results = looks
    county, brief, province = (results[look].pages[0] for look in LOOKS)
    assert county.images and county.images[0].bottom <= 37.5                   # the emblem above the 版心
    assert brief.images and abs(brief.images[0].x1 - brief.images[0].x0 - 156) < 0.5   # the banner across it
    marks = [line for line in province.lines if line.colour == "C00000" and line.size_pt > 23]
    assert marks and {round(line.size_pt) for line in marks} == {30}
