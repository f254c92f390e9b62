"""The library as other systems use it: from several threads at once, warnings as data per
call, nothing shared by accident."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import FIXTURES
from test_bad_input import GOOD

import gongwen

WARNED = GOOD + "主题词: 社会组织 年报 通知\n"      # 主题词 belongs to the legacy profile: a warning


def test_paginate_from_threads_gives_what_one_thread_gives(tmp_path):
    # paginate called from threads failed every time (LibreOffice 没有写出 PDF: one profile slot)
    plans = ["one-page.yaml", "request.yaml", "minutes.yaml", "letter.yaml"]
    (tmp_path / "warned.yaml").write_text(WARNED, encoding="utf-8")

    def job(name: str) -> gongwen.Job:
        folder = tmp_path if name == "warned.yaml" else FIXTURES
        return gongwen.Job(gongwen.load_plan(folder / name), name.removesuffix(".yaml"), base_dir=folder)

    names = [*plans, "warned.yaml"] * 2
    serial = {name: gongwen.paginate([job(name)])[0] for name in dict.fromkeys(names)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda name: (name, gongwen.paginate([job(name)])[0]), names))
    for name, result in threaded:
        assert result.error is None and result.pdf_bytes == serial[name].pdf_bytes, name
        # each call's warnings are its own: the 主题词 note once, for the plan that has 主题词
        assert result.warnings == serial[name].warnings, name
        assert bool(result.warnings) == (name == "warned.yaml"), (name, result.warnings)


def test_a_plan_given_as_data_is_told_every_problem_at_once_by_its_key_path():
    # errors from a dict gave <plan>:1:1, a display name instead of the key path, and only the first
    data = {"标题": "某局关于某事的通知", "发文机关": ["某局"], "正文": "甲。", "落款": {"日期": "2026-02-30"},
            "附件": [{"名称": "登记表"}, {"名称": ""}]}
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.plan_from_data(data)
    problems = caught.value.problems
    assert [str(p.location) for p in problems] == ["附件[2].名称", "落款.日期"]
    assert "<plan>" not in str(caught.value) and "附件[2].名称" in str(caught.value)


def test_a_document_comes_out_as_bytes_and_its_pdf_too(tmp_path):
    plan = gongwen.load_plan(FIXTURES / "one-page.yaml")
    data = gongwen.document_bytes(gongwen.render(plan))
    assert data[:2] == b"PK"
    (result,) = gongwen.paginate([gongwen.Job(plan, "one-page")])
    assert result.pdf is None and result.pdf_bytes[:5] == b"%PDF-"


def test_documents_from_one_template_share_nothing(tmp_path):
    # each document starts from a copy of the kept template: what one caller does to its
    # document (a paragraph, a changed style, a header) reaches neither the next nor other threads
    plan = gongwen.load_plan(FIXTURES / "one-page.yaml")
    expected = gongwen.document_bytes(gongwen.render(plan))
    first = gongwen.render(plan)
    first.add_paragraph("加在第一份上的一段")
    first.styles["Normal"].font.size = None
    first.sections[0].footer.paragraphs[0].text = "改过的页脚"
    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(lambda _i: gongwen.document_bytes(gongwen.render(plan)), range(8)))
    assert made == [expected] * 8 and gongwen.document_bytes(first) != expected


def test_a_bundled_profile_is_read_back_as_an_earlier_run_validated_it(tmp_path, monkeypatch):
    # its YAML read once (40 ms), after that the validated profile kept in the cache (1 ms);
    # a kept file that is damaged is read from the YAML again and kept anew
    from gongwen import profile

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    profile._kept_file.cache_clear()
    try:
        profile._load.cache_clear()
        read = gongwen.load_profile("party-legacy")
        kept = profile._kept_file("party-legacy")
        assert kept.parent == tmp_path / "gongwen" / "profiles" and kept.is_file()
        profile._load.cache_clear()
        with monkeypatch.context() as patched:
            patched.setattr(profile, "_read", lambda *a, **k: pytest.fail("the YAML was read"))
            assert gongwen.load_profile("party-legacy") == read
        kept.write_text('{"name": "party-legacy"', encoding="utf-8")
        profile._load.cache_clear()
        assert gongwen.load_profile("party-legacy") == read and kept.read_bytes() == read.model_dump_json().encode()
    finally:
        profile._load.cache_clear()
        profile._kept_file.cache_clear()
