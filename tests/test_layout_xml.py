"""Layout asserted on the .docx XML, with the arithmetic from GB/T 9704-2012 in comments.

1 mm = 1440/25.4 twips = 56.69 twips; 1 pt = 20 twips; sizes are in half-points; border
widths in eighths of a point.
"""
from __future__ import annotations

import pytest
from conftest import NS, W, attr


def test_page_is_a4_with_the_standard_margins(rendered):
    sect = rendered["000"].xml().find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    # A4 210 × 297 mm = 11906 × 16838 twips
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    # 天头 37 mm = 2098; 订口 28 mm = 1587; bottom 297 − 37 − 225 = 35 mm = 1984; right 210 − 28 − 156 = 26 mm = 1474
    assert {k: attr(margins, k) for k in ("top", "left", "bottom", "right")} == {
        "top": "2098", "left": "1587", "bottom": "1984", "right": "1474"}


def test_grid_is_22_lines_of_28_95_pt(rendered):
    grid = rendered["000"].xml().find(".//w:body/w:sectPr/w:docGrid", NS)
    # spec decision: type lines (not linesAndChars), pitch 28.95 pt = 579 twips; 22 × 579 = 12738 ≤ 225 mm = 12756
    assert attr(grid, "type") == "lines"
    assert attr(grid, "linePitch") == "579"
    # the document's own 版心 height holds 22 of its lines and not 23
    sect = grid.getparent()
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    height = int(attr(size, "h")) - int(attr(margins, "top")) - int(attr(margins, "bottom"))
    pitch = int(attr(grid, "linePitch"))
    assert 22 * pitch <= height < 23 * pitch


def test_body_characters_are_compressed_to_28_per_line(rendered):
    normal = rendered["000"].style("Normal")
    # 16 pt − 0.25 pt = 15.75 pt per character; 28 × 15.75 = 441 pt fits the 442.2 pt (156 mm) line
    assert attr(normal.find("w:rPr/w:spacing", NS), "val") == "-5"
    assert attr(normal.find("w:rPr/w:sz", NS), "val") == "32"
    # the document's own 版心 width holds 28 of its characters (size + spacing) and not 29
    sect = rendered["000"].xml().find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    width = int(attr(size, "w")) - int(attr(margins, "left")) - int(attr(margins, "right"))
    advance = int(attr(normal.find("w:rPr/w:sz", NS), "val")) * 10 + int(attr(normal.find("w:rPr/w:spacing", NS), "val"))
    assert 28 * advance <= width < 29 * advance
    body = rendered["000"].style("GwBody")
    # 正文 indented 2 字 = 2 × 315 twips
    assert attr(body.find("w:pPr/w:ind", NS), "firstLine") == "630"


@pytest.mark.parametrize("style_id, face, size", [
    ("Normal", "仿宋_GB2312", "32"),        # 三号仿宋
    ("GwTitle", "方正小标宋简体", "44"),    # 二号小标宋
    ("GwHeading1", "黑体", None),          # 一、 黑体
    ("GwHeading2", "楷体_GB2312", None),   # （一） 楷体
    ("GwHeading3", "仿宋_GB2312", None),
    ("GwHeading4", "仿宋_GB2312", None),
    ("GwBanji", "仿宋_GB2312", "28"),       # 版记 四号仿宋
    ("GwPageNumberOdd", "宋体", "28"),      # 页码 四号宋体
    ("GwAttachmentLabel", "黑体", None),    # 附件 label 三号黑体
])
def test_named_styles_carry_the_official_faces(rendered, style_id, face, size):
    style = rendered["000"].style(style_id)
    fonts = style.find("w:rPr/w:rFonts", NS)
    assert attr(fonts, "eastAsia") == face
    # theme attributes would override the East Asian face in Word
    assert not any("theme" in key.lower() for key in fonts.attrib)
    assert attr(style.find("w:rPr/w:sz", NS), "val") == size


def test_no_theme_fonts_anywhere(rendered):
    for doc in rendered.values():
        assert b"eastAsiaTheme" not in doc.parts["word/styles.xml"]
        assert b"asciiTheme" not in doc.parts["word/styles.xml"]
        assert b"Theme" not in doc.parts["word/document.xml"]


def test_headings_have_outline_levels_for_the_navigation_pane(rendered):
    levels = [attr(rendered["000"].style(f"GwHeading{i}").find("w:pPr/w:outlineLvl", NS), "val") for i in range(1, 5)]
    assert levels == ["0", "1", "2", "3"]


def test_mark_and_rule_are_red_and_the_rule_spans_the_text_block(rendered):
    doc = rendered["000"]
    assert attr(doc.style("GwMark").find("w:rPr/w:color", NS), "val") == "FF0000"
    number = next(p for p in doc.paragraphs() if "三组通〔2011〕6号" in "".join(p.itertext()))
    rule = number.find("w:pPr/w:pBdr/w:bottom", NS)
    # 1.5 pt = 12 eighths; the border spans the paragraph, which has no indents: 156 mm
    assert (attr(rule, "color"), attr(rule, "sz")) == ("FF0000", "12")
    assert number.find("w:pPr/w:ind", NS) is None
    # rule 4 mm under the 文号's ink: border space 8 pt puts its centre 4.1 mm below (notes §4)
    assert attr(rule, "space") == "8"


def test_mark_top_edge_is_35_mm_below_the_text_block(rendered):
    """spacer + 0.8 × line + 0.5 pt − 0.77 em = 35 mm (LibreOffice's exact-line baseline rule)."""
    doc = rendered["000"]
    spacer = doc.paragraphs()[0]
    height = int(attr(spacer.find("w:pPr/w:spacing", NS), "line"))
    names = doc.xml().find(".//w:tbl/w:tr/w:tc/w:p", NS)
    line = int(attr(names.find("w:pPr/w:spacing", NS), "line"))
    size_pt = int(attr(names.find("w:r/w:rPr/w:sz", NS), "val")) / 2
    ink_top_mm = (height + 0.8 * line + 10 - 0.77 * size_pt * 20) / 1440 * 25.4
    assert ink_top_mm == pytest.approx(35, abs=0.1)


def test_joint_mark_stacks_the_names_with_wenjian_centred_on_the_stack(rendered):
    table = rendered["000"].xml().find(".//w:body/w:tbl", NS)
    names_cell, suffix_cell = table.findall("w:tr/w:tc", NS)
    assert ["".join(p.itertext()) for p in names_cell.findall("w:p", NS)] == ["中共三门峡市委组织部", "三门峡市民政局"]
    assert attr(names_cell.find("w:p/w:pPr/w:jc", NS), "val") == "distribute"
    assert "".join(suffix_cell.itertext()) == "文件"
    assert attr(suffix_cell.find("w:tcPr/w:vAlign", NS), "val") == "center"
    # suffix line = L + ss − s puts its ink centre on the stack's centre (geometry.mark)
    line = int(attr(names_cell.find("w:p/w:pPr/w:spacing", NS), "line"))
    s = int(attr(names_cell.find("w:p/w:r/w:rPr/w:sz", NS), "val")) * 10
    ss = int(attr(suffix_cell.find("w:p/w:r/w:rPr/w:sz", NS), "val")) * 10
    assert int(attr(suffix_cell.find("w:p/w:pPr/w:spacing", NS), "line")) == pytest.approx(line + ss - s, abs=6)


def test_title_lands_on_a_grid_line(rendered):
    """Everything above the title is exact heights; their sum must be whole grid lines so the
    body below stays on the 22-line grid."""
    doc = rendered["notice-2012"]
    total = 0
    for node in doc.xml().find(".//w:body", NS):
        if node.tag == f"{W}tbl":
            total += int(attr(node.find("w:tr/w:trPr/w:trHeight", NS), "val"))
            continue
        style = node.find("w:pPr/w:pStyle", NS)
        if attr(style, "val") == "GwTitle":
            break
        spacing = node.find("w:pPr/w:spacing", NS)
        line = int(attr(spacing, "line")) if spacing is not None else 579
        border = node.find("w:pPr/w:pBdr/w:bottom", NS)
        if border is not None:  # a bottom border adds its space and width to the paragraph
            line += int(attr(border, "space")) * 20 + int(attr(border, "sz")) * 20 // 8
        total += line
    assert total % 579 == 0
    assert total // 579 >= 9


def test_title_breaks_keep_words_whole(rendered):
    title = next(p for p in rendered["000"].paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwTitle")
    lines = [t.text for t in title.iter(f"{W}t")]
    assert lines == ["中共三门峡市委组织部　三门峡市民政局", "关于在全市社会组织中开展党组织", "“百日集中组建”活动的通知"]
    assert len(title.findall(".//w:br", NS)) == 2


def test_page_numbers_odd_right_even_left_with_em_dashes(rendered):
    doc = rendered["000"]
    settings = doc.xml("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    footers = {attr(ref, "type"): ref for ref in doc.xml().findall(".//w:body/w:sectPr/w:footerReference", NS)}
    assert set(footers) == {"default", "even"}
    odd, even = doc.style("GwPageNumberOdd"), doc.style("GwPageNumberEven")
    # 1 字 of 四号 = 14 pt = 280 twips
    assert attr(odd.find("w:pPr/w:jc", NS), "val") == "right"
    assert attr(odd.find("w:pPr/w:ind", NS), "right") == "280"
    assert attr(even.find("w:pPr/w:jc", NS), "val") == "left"
    assert attr(even.find("w:pPr/w:ind", NS), "left") == "280"
    footer_xml = [doc.parts[n].decode() for n in doc.parts if n.startswith("word/footer")]
    assert len(footer_xml) == 2
    for xml in footer_xml:
        assert "— " in xml and " —" in xml and " PAGE " in xml


def test_footer_distance_puts_the_dashes_7_mm_below_the_text_block(rendered):
    margins = rendered["000"].xml().find(".//w:body/w:sectPr/w:pgMar", NS)
    footer = int(attr(margins, "footer"))
    # paragraph exact 20 pt: baseline at top + 0.8 × 400 + 10; dash centre 0.30 em × 14 pt above it;
    # paper bottom − footer − 400 = top  →  dash centre = 262 + 7 = 269 mm
    top = 16838 - footer - 400
    dash = (top + 0.8 * 400 + 10 - 0.30 * 280) / 1440 * 25.4
    assert dash == pytest.approx(269, abs=0.2)


def test_banji_is_a_bottom_anchored_full_width_table_followed_by_its_anchor(rendered):
    body = rendered["000"].xml().find(".//w:body", NS)
    children = list(body)
    table = children[-3]
    assert table.tag == f"{W}tbl" and children[-2].tag == f"{W}p" and children[-1].tag == f"{W}sectPr"
    pos = table.find("w:tblPr/w:tblpPr", NS)
    # horzAnchor page at x = 28 mm (1587): LibreOffice converts only page-anchored full-width tables
    assert (attr(pos, "vertAnchor"), attr(pos, "tblpYSpec"), attr(pos, "horzAnchor"), attr(pos, "tblpX")) == (
        "margin", "bottom", "page", "1587")
    assert attr(table.find("w:tblPr/w:tblW", NS), "w") == "8844"   # 156 mm
    borders = table.find("w:tblPr/w:tblBorders", NS)
    # last rule 0.35 mm ≈ 1 pt = 8 eighths; inner 0.25 mm ≈ 0.75 pt = 6 eighths (Word's 1/8 pt steps)
    assert attr(borders.find("w:bottom", NS), "sz") == "8"
    assert attr(borders.find("w:insideH", NS), "sz") == "6"


def test_legacy_banji_rows_are_subject_words_printer_and_copies(rendered):
    table = list(rendered["000"].xml().find(".//w:body", NS))[-3]
    rows = ["".join(r.itertext()) for r in table.findall("w:tr", NS)]
    assert rows == ["主题词：社会组织　百日集中组建　活动　通知",
                    "中共三门峡市委组织部办公室2011年2月16日印发", "（共印170份）"]
    # legacy: a rule under each element, none above the first
    assert attr(table.find("w:tblPr/w:tblBorders/w:top", NS), "val") == "nil"


def test_2012_banji_has_cc_with_hanging_indent(rendered):
    table = list(rendered["notice-2012"].xml().find(".//w:body", NS))[-3]
    cc = table.find("w:tr/w:tc/w:p", NS)
    assert "".join(cc.itertext()) == "抄送：市委办公室，市政府办公室。"
    ind = cc.find("w:pPr/w:ind", NS)
    # 1 字 (280) + width of 抄送： (3 × 280) = 1120; hanging 840 aligns continuation after the colon
    assert (attr(ind, "left"), attr(ind, "hanging")) == ("1120", "840")
    assert attr(table.find("w:tblPr/w:tblBorders/w:top", NS), "sz") == "8"
    assert "主题词" not in "".join(table.itertext())


def test_upward_document_puts_signers_right_in_kaiti(rendered):
    doc = rendered["request"]
    line = next(p for p in doc.paragraphs() if "签发人：" in "".join(p.itertext()))
    assert "".join(line.itertext()).startswith("三民〔2011〕18号")
    assert attr(line.find("w:pPr/w:jc", NS), "val") == "left"
    # 1 字 of 三号 (320) by a tab, not an indent: the rule (the paragraph's border) spans the indents
    assert line.find("w:pPr/w:ind", NS) is None
    assert attr(line.find("w:pPr/w:tabs/w:tab", NS), "pos") == "320"
    assert line.find("w:r/w:tab", NS) is not None
    names = [r for r in line.findall("w:r", NS) if attr(r.find("w:rPr/w:rStyle", NS), "val") == "GwSignerName"]
    assert "".join(names[0].itertext()) == "王建国　李明华"
    assert attr(doc.style("GwSignerName").find("w:rPr/w:rFonts", NS), "eastAsia") == "楷体_GB2312"
    assert line.find("w:pPr/w:pBdr/w:bottom", NS) is not None


def test_run_in_heading_keeps_the_heading_face_for_the_heading_only(rendered):
    para = next(p for p in rendered["000"].paragraphs() if "（一）动员摸底阶段" in "".join(p.itertext()))
    first, second = para.findall("w:r", NS)
    assert attr(first.find("w:rPr/w:rStyle", NS), "val") == "GwHeading2Char"
    assert "".join(first.itertext()) == "（一）动员摸底阶段（2011年2月20日—3月10日）。"
    assert second.find("w:rPr", NS) is None and "".join(second.itertext()).startswith("一要广泛宣传动员")


def test_attachment_note_aligns_the_second_number_under_the_first(rendered):
    paras = [p for p in rendered["000"].paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwAttachmentNote"]
    first, second = (p.find("w:pPr/w:ind", NS) for p in paras)
    # both wrap at the name: left = 2 字 + 附件： + "1．"; the first hangs back to 2 字, the second to its number
    assert attr(first, "left") == attr(second, "left")
    start_first = int(attr(first, "left")) - int(attr(first, "hanging"))
    start_second = int(attr(second, "left")) - int(attr(second, "hanging"))
    assert start_first == 630
    assert start_second - start_first == pytest.approx(3 * 315, abs=40)   # the width of 附件：


def test_signature_sits_2_chars_from_the_right_and_the_date_2_chars_in(rendered):
    doc = rendered["notice-2012"]
    names = [p for p in doc.paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwSignature"]
    date = next(p for p in doc.paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwDate")
    left = int(attr(names[0].find("w:pPr/w:ind", NS), "left"))
    # longest name 10 字 × 315 ends 2 字 (630) before the 8844-twip line
    assert left == 8844 - 630 - 10 * 315
    assert int(attr(date.find("w:pPr/w:ind", NS), "left")) == left + 630
    assert "".join(date.itertext()) == "2011年2月15日"


def test_each_attachment_starts_a_new_page_with_its_label(rendered):
    labels = [p for p in rendered["000"].paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwAttachmentLabel"]
    assert ["".join(p.itertext()) for p in labels] == ["附件1", "附件2"]
    assert all(p.find("w:pPr/w:pageBreakBefore", NS) is not None for p in labels)


def test_schema_order_of_paragraph_properties(rendered):
    """Word refuses or repairs files whose pPr children are out of order (ECMA-376 §17.3.1.26)."""
    order = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "pBdr",
             "shd", "tabs", "snapToGrid", "spacing", "ind", "jc", "outlineLvl", "rPr"]
    for doc in rendered.values():
        for ppr in doc.xml().iter(f"{W}pPr"):
            tags = [child.tag.replace(W, "") for child in ppr]
            assert tags == sorted(tags, key=order.index), tags


def test_compatibility_mode_15(rendered):
    settings = rendered["000"].parts["word/settings.xml"].decode()
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings


def _kept_pages(paragraphs) -> list[str]:
    """From the 附件2 label on: each paragraph as its style (or '-') and text, '¶' for a page break."""
    start = next(i for i, p in enumerate(paragraphs) if "".join(p.itertext()) == "附件2")
    out = []
    for p in paragraphs[start:]:
        brk = "¶" if p.find("w:pPr/w:pageBreakBefore", NS) is not None else ""
        out.append(brk + (attr(p.find("w:pPr/w:pStyle", NS), "val") or "-") + ":" + "".join(p.itertext()))
    return out


def test_a_scanned_attachment_keeps_one_page_per_scan_page(rendered):
    # form-scan.pdf has 2 pages: the label page (label, blank line, title) and one empty page in
    # the style that says what it is for (附件扫描页); then the 版记 opens a page of its own
    kept = _kept_pages(rendered["report"].paragraphs())
    assert kept[:5] == ["¶GwAttachmentLabel:附件2", "-:", "GwAttachmentTitle:社会组织党建情况登记表",
                        "¶GwScanPage:", "¶-:"]


def test_a_scan_with_its_own_title_gets_only_the_label(tmp_path):
    from conftest import FIXTURES, Docx

    import gongwen

    text = (FIXTURES / "report.yaml").read_text(encoding="utf-8").replace(
        "    扫描件: form-scan.pdf\n", "    扫描件: form-scan.pdf\n    扫描件含标题: true\n")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "form-scan.pdf").write_bytes((FIXTURES / "form-scan.pdf").read_bytes())
    plan = gongwen.load_plan(tmp_path / "plan.yaml")
    gongwen.save(gongwen.render(plan, base_dir=tmp_path), tmp_path / "plan.docx")
    assert _kept_pages(Docx(tmp_path / "plan.docx").paragraphs())[:3] == ["¶GwAttachmentLabel:附件2", "¶GwScanPage:",
                                                                          "¶-:"]
