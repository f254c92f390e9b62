"""gongwen check on documents typed the way a clerk types them: plain python-docx with direct
formatting, no gongwen styles.  A clean one passes; each common fault gives its finding."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from gongwen.cli import make_cli
from gongwen.profile import load_profile
from gongwen.review import review

CLEAN = {
    "mark": "三门峡市民政局文件",
    "number": "三民〔2026〕3号",
    "title": "三门峡市民政局关于做好社会组织年报工作的通知",
    "to": "各县（市、区）民政局：",
    "body": ["为做好2026年度社会组织年报工作，现就有关事项通知如下。", "一、工作要求", "（一）按时报送。",
             "（二）如实填报。", "二、工作时间", "2027年1月1日至3月31日。"],
    "date": "2026年11月24日",
    "cc": "抄送：市委组织部。",
    "printed": "三门峡市民政局办公室　　2026年11月24日印发",
    "footer": ("— ", " —"),
}


def clerk_document(path, **changes) -> None:
    """A notice as a clerk sets it in Word: direct formatting only."""
    parts = CLEAN | changes
    document = Document()

    def line(text, size=16, align=None, red=False, face=None):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        face = face or ("黑体" if text.startswith(tuple("一二三四五六七八九十")) and "、" in text[:3] else
                        "楷体_GB2312" if text.startswith("（") else "方正小标宋简体" if size >= 22 else "仿宋_GB2312")
        if face != "(theme)":                                   # a clerk picks the face by name
            run.font.name = face
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
        if red:
            run.font.color.rgb = RGBColor(0xFF, 0, 0)
        if align:
            paragraph.alignment = align
        return paragraph

    line(parts["mark"], 36, WD_ALIGN_PARAGRAPH.CENTER, red=True)
    line(parts["number"], 16, WD_ALIGN_PARAGRAPH.CENTER)
    line(parts["title"], parts.get("title_size", 22), WD_ALIGN_PARAGRAPH.CENTER)
    line(parts["to"])
    for text in parts["body"]:
        line(text, face=parts.get("body_face"))
    line("三门峡市民政局", align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(parts["date"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    for text in parts.get("attachments", ()):
        document.add_page_break()
        line(text[0], face="黑体")
        line(text[1], 22, WD_ALIGN_PARAGRAPH.CENTER)
    tail = [parts["cc"], parts["printed"]]
    for text in tail[::-1] if parts.get("tail_reversed") else tail:
        line(text, 14)
    page_setup(document, **parts.get("page", {}))
    section = document.sections[0]
    footers = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)]
    if parts.get("odd_and_even", True):
        document.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in footers:
        page_number(footer.paragraphs[0], parts["footer"], parts.get("footer_align", align),
                    parts.get("field_result", True))
    document.save(path)


def page_setup(document, top=37, left=28, lines=22) -> None:
    """A4, the standard's margins and the 22-line grid, as the Page Setup dialog writes them."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(top), Mm(left)
    section.bottom_margin, section.right_margin = Mm(297 - 225 - 37), Mm(210 - 156 - 28)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    height_pt = (297 - top - (297 - 225 - 37)) / 25.4 * 72
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(height_pt / lines * 20)))


def page_number(paragraph, dashes, align, with_result=True) -> None:
    """— PAGE — in 四号, the field as Word writes it (begin, instruction, separate, result, end)."""
    paragraph.alignment = align
    parts = [("text", dashes[0]), ("begin", None), ("instr", " PAGE "), ("separate", None),
             ("text", "1"), ("end", None), ("text", dashes[1])]
    for kind, text in parts:
        if not with_result and kind in ("separate", "text") and text == "1":
            continue
        run = paragraph.add_run(text if kind == "text" else None)
        run.font.size = Pt(14)
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._r.append(instruction)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def ids(path) -> list[str]:
    return [f.id for f in review(path, load_profile())]


def test_a_clean_hand_made_notice_passes(tmp_path):
    clerk_document(tmp_path / "clean.docx")
    assert ids(tmp_path / "clean.docx") == []


@pytest.mark.parametrize(("change", "finding", "expected"), [
    ({"body": ["为做好2026年度社会组织年报工作，现就有关事项通知如下，请认真贯彻执行。"], "body_face": "宋体"},
     "face.role", "仿宋"),
    ({"body": ["为做好2026年度社会组织年报工作，现就有关事项通知如下，请认真贯彻执行。"], "body_face": "(theme)"},
     "face.theme", "仿宋"),
    ({"number": "三民[2026]3号"}, "number.form", "〔〕"),
    ({"number": "三民【2026】3号"}, "number.form", "〔〕"),
    ({"number": "三民〔2026〕第3号"}, "number.form", "第"),
    ({"date": "2026年02月05日"}, "date.form", "2026年2月5日"),
    ({"title": "三门峡市民政局关于做好社会组织年报工作的通知。"}, "title.punctuation", "通知"),
    ({"to": "各县（市、区）民政局"}, "to.colon", "民政局："),
    ({"cc": "抄送：市委组织部"}, "cc.stop", "市委组织部。"),
    ({"footer": ("-", "-")}, "page-number.form", "— N —"),
    ({"body": ["现通知如下。", "一、工作要求", "三、工作时间"]}, "numbering.sequence", "2"),
    ({"body": ["现通知如下。", "（一）按时报送。"]}, "numbering.order", "1"),
])
def test_each_fault_is_found_with_what_was_expected(tmp_path, change, finding, expected):
    path = tmp_path / "faulty.docx"
    clerk_document(path, **change)
    found = review(path, load_profile())
    assert [f.id for f in found] == [finding]
    assert expected in found[0].expected or expected in found[0].message


def test_check_exit_codes_and_json(tmp_path):
    clerk_document(tmp_path / "clean.docx")
    clerk_document(tmp_path / "faulty.docx", number="三民[2026]3号")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    runner = CliRunner()
    assert runner.invoke(make_cli(), ["check", str(tmp_path / "clean.docx")]).exit_code == 0
    result = runner.invoke(make_cli(), ["check", str(tmp_path / "faulty.docx"), "--json"])
    assert result.exit_code == 3
    report = json.loads(result.output)
    assert [f["id"] for f in report["documents"][0]["findings"]] == ["number.form"]
    broken = runner.invoke(make_cli(), ["check", str(tmp_path / "broken.docx")])
    assert broken.exit_code == 1 and "broken.docx" in broken.output


def test_every_document_gongwen_renders_passes_its_own_review(rendered):
    # the fixtures and seeds of every kind: the text rules hold for what gongwen itself writes
    profile = load_profile()
    assert {name: [str(f) for f in review(doc.path, profile)] for name, doc in rendered.items()
            if review(doc.path, profile)} == {}


def test_fix_writes_a_new_file_with_only_the_safe_fixes_and_lists_them(tmp_path):
    source = tmp_path / "faulty.docx"
    clerk_document(source, number="三民[2026]3号", date="2026年02月05日", to="各县（市、区）民政局",
                   cc="抄送：市委组织部", footer=("-", "-"), title="三门峡市民政局关于做好社会组织年报工作的通知。")
    before = source.read_bytes()
    result = CliRunner().invoke(make_cli(), ["check", str(source), "--fix", "-o", str(tmp_path / "fixed.docx")])
    assert source.read_bytes() == before                     # never in place
    assert "三民[2026]3号 → 三民〔2026〕3号" in result.output and "2026年2月5日" in result.output
    # the title's 。 is left for the drafter (a fix could change what the title says): still found
    assert result.exit_code == 3
    assert ids(tmp_path / "fixed.docx") == ["title.punctuation"]
    fixed = Document(str(tmp_path / "fixed.docx"))
    assert fixed.sections[0].footer.paragraphs[0].text.startswith("— ")
    same = CliRunner().invoke(make_cli(), ["check", str(source), "--fix", "-o", str(source)])
    assert same.exit_code == 1 and source.read_bytes() == before
