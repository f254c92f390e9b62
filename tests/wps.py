"""tests/drafts/notice.yaml typed the way WPS users lay a notice out without styles: the mark
in a floating text box (DrawingML, with the VML copy WPS and Word keep for old readers), the
signature pushed right with tabs, the attachment's data in a table, the 版记 as a two-column
table, everything else direct formatting."""
from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_content(text: str) -> str:
    return (f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/>'
            f'<w:sz w:val="72"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>')


def text_box(text: str):
    """A run holding a floating text box, as Word 2010+ and WPS write it."""
    return parse_xml(
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        f'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="5580000" cy="720000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5580000" cy="720000"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{_box_content(text)}'
        f'</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape style="width:439pt;height:57pt"><v:textbox>{_box_content(text)}'
        f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def wps_document(path) -> None:
    document = Document()

    def line(text="", size=16, align=None, indent=True):
        paragraph = document.add_paragraph()
        if text:
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align
        elif indent and text:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
        return paragraph

    line()._p.append(text_box("三门峡市民政局文件"))
    line("三民〔2026〕5号", align=WD_ALIGN_PARAGRAPH.CENTER)
    line("三门峡市民政局关于开展2026年度社会组织等级评估工作的通知", 22, WD_ALIGN_PARAGRAPH.CENTER)
    line("各县（市、区）民政局，市直各有关单位：", indent=False)
    for text in ("为推进社会组织规范化建设，现就开展2026年度社会组织等级评估工作通知如下：", "一、评估对象",
                 "在我市登记、成立满两年的社会团体、民办非企业单位和基金会。", "二、工作安排",
                 "（一）自评申报。12月20日前，各单位对照评估标准自评，填写申报表。",
                 "（二）实地考察。2027年1月，评估专家组到申报单位实地考察。", "三、工作要求",
                 "各单位要如实填报，不得弄虚作假。", "附件：2026年度社会组织等级评估申报表"):
        line(text)
    line()
    line("\t\t\t\t\t\t三门峡市民政局", indent=False)
    line("\t\t\t\t\t\t2026年12月7日", indent=False).add_run().add_break(WD_BREAK.PAGE)
    line("附件", indent=False)
    line("2026年度社会组织等级评估申报表", 22, WD_ALIGN_PARAGRAPH.CENTER)
    table = document.add_table(rows=3, cols=4)
    rows = [("单位名称", "登记证号", "类别", "联系人"),
            ("三门峡市慈善总会", "51411200MJ0000001", "社会团体", "王红"),
            ("三门峡市养老服务中心", "52411200MJ0000002", "民办非企业单位", "李明")]
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    line()
    banji = document.add_table(rows=2, cols=2)
    banji.cell(0, 0).merge(banji.cell(0, 1)).text = "抄送：市委组织部。"
    banji.cell(1, 0).text = "三门峡市民政局办公室"
    banji.cell(1, 1).text = "2026年12月7日印发"
    banji.cell(1, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.font.color.rgb is None:
                run.font.color.rgb = RGBColor(0, 0, 0)
    document.save(path)
