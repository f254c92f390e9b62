"""The seed notice reproduced in order, and every fixture opened by LibreOffice (one batch)."""
from __future__ import annotations

import re

from conftest import ALL_FIXTURES, ROOT, seed_text
from pypdf import PdfReader

import gongwen


def _seed_paragraphs() -> list[str]:
    text = seed_text("000")
    body = text[text.index("党的十七届四中全会"): text.index("附件：1、")]
    return [line.strip() for line in body.splitlines() if line.strip()]


def test_seed_000_body_is_reproduced_in_order(rendered):
    text = rendered["000"].text()
    position = 0
    for paragraph in _seed_paragraphs():
        found = text.find(paragraph, position)
        assert found >= 0, paragraph[:30]
        position = found + len(paragraph)


def test_seed_000_head_and_banji_elements_in_order(rendered):
    text = rendered["000"].text()
    expected = ["中共三门峡市委组织部", "三门峡市民政局", "文件", "三组通〔2011〕6号",
                "“百日集中组建”活动的通知", "各县（市、区）党委组织部，各县（市、区）民政局，市直各有关单位党组（党委）：",
                "附件：1．全市社会组织建立党组织情况摸底调查登记表", "2．全市社会组织党建情况调查表",
                "2011年2月15日", "附件1", "附件2", "主题词：", "社会组织　百日集中组建　活动　通知",
                "中共三门峡市委组织部办公室", "2011年2月16日印发", "（共印170份）"]
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, item
        position = found + len(item)


def _pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_libreoffice_opens_every_fixture_and_keeps_every_element(rendered, pdfs):
    for name in rendered:
        pdf = pdfs[name]
        assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", name
        text = _pdf_text(pdf)
        docx_text = re.sub(r"\s+", "", rendered[name].text())
        # Nothing silently lost: every issuer (an exact-height cell can clip one), the title
        # start and the 版记's last row (a floating table can vanish) are on the page.
        plan = gongwen.load_plan(next(path for path in ALL_FIXTURES if path.stem == name), root=ROOT)
        # (a 简报's date is its 编印日期: it has no 印发 line)
        printed = plan.kind != "brief" and (plan.printed_by or plan.printed_on)
        for needle in (*plan.issuers, *(["印发"] if printed else [])):
            assert needle in text, (name, needle)
        assert docx_text[-6:] in text.replace("—", ""), name


def test_seed_000_pdf_has_both_joint_issuers_and_the_legacy_banji(pdfs):
    text = _pdf_text(pdfs["000"])
    assert "中共三门峡市委组织部" in text and "三门峡市民政局" in text
    assert "主题词" in text and "（共印170份）" in text
    assert "—1—" in text
