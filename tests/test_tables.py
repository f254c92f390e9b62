"""Tables from CSV files and from the body: read at load time, ruled, header rows bold and
repeated on each page, columns as wide as their content, blank rows kept."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NS, Docx, W
from test_bad_input import GOOD, assert_failed

import gongwen

SURVEY = "单位名称,所属县（市、区）,党员人数,是否建立党组织,备注\n市社会组织促进会,湖滨区,3,是,\n,,,,\n,,,,\n"


def render(tmp_path: Path, csv_text: str) -> Docx:
    (tmp_path / "survey.csv").write_text(csv_text, encoding="utf-8")
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(GOOD + "附件:\n  - 名称: 摸底调查登记表\n    表格: survey.csv\n", encoding="utf-8")
    plan = gongwen.load_plan(plan_path)
    gongwen.save(gongwen.render(plan, base_dir=tmp_path), tmp_path / "plan.docx")
    return Docx(tmp_path / "plan.docx")


def form(docx: Docx):
    return docx.xml().findall(".//w:body/w:tbl", NS)[-1]


def test_every_header_cell_is_bold_and_the_header_repeats(tmp_path):
    table = form(render(tmp_path, SURVEY))
    header, *rest = table.findall("w:tr", NS)
    styles = [r.find("w:rPr/w:rStyle", NS) for r in header.findall(".//w:r", NS)]
    assert len(styles) == 5 and all(s is not None and s.get(f"{W}val") == "GwHeading1Char" for s in styles)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rest)


def test_blank_rows_of_a_form_are_kept(tmp_path):
    rows = form(render(tmp_path, SURVEY)).findall("w:tr", NS)
    assert len(rows) == 4   # header, one filled row, two blank rows to fill by hand


def test_columns_follow_their_content_and_fill_the_text_width(tmp_path):
    widths = [int(c.get(f"{W}w")) for c in form(render(tmp_path, SURVEY)).findall("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) == 8844                      # 156 mm in twips
    assert widths[0] > widths[2] and widths[1] > widths[4]   # 市社会组织促进会 / 所属县（市、区） vs 党员人数 / 备注
    # the empty 备注 column keeps the minimum: 2 characters of 14 pt plus the cell margins
    assert widths[4] >= 2 * 14 * 20


def test_csv_with_a_control_character_names_row_and_column(tmp_path):
    (tmp_path / "survey.csv").write_text("单位,党员\n甲\x07协会,3\n", encoding="utf-8")
    assert_failed(tmp_path, GOOD + "附件:\n  - 名称: 调查表\n    表格: survey.csv\n", "11:9:", "附件表格",
                  "第 2 行", "第 1 列", "U+0007")


def test_csv_that_is_not_utf8(tmp_path):
    (tmp_path / "survey.csv").write_bytes("单位,党员\n甲协会,3\n".encode("gbk"))
    assert_failed(tmp_path, GOOD + "附件:\n  - 名称: 调查表\n    表格: survey.csv\n", "11:9:", "UTF-8")


def workbook(path: Path) -> None:
    """A register as a clerk keeps it in Excel: a cover sheet first, the table on 名单, a
    percentage, a sum with thousands, a date, a yes/no."""
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active["A1"] = "填表说明"
    sheet = book.create_sheet("名单")
    sheet.append(["单位名称", "党员人数", "覆盖率", "经费（元）", "成立日期", "已建党组织"])
    sheet.append(["市社会组织促进会", 12.0, 0.655, 1234567.5, datetime.date(2026, 11, 24), True])
    sheet["C2"].number_format, sheet["D2"].number_format = "0.0%", "#,##0.00"
    book.save(path)


def test_an_xlsx_table_is_printed_as_excel_shows_its_cells(tmp_path):
    # was refused: “表格 … 不是 UTF-8 文本；请另存为 CSV UTF-8”, while campaign data reads XLSX
    workbook(tmp_path / "register.xlsx")
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(GOOD + "附件:\n  - 名称: 登记表\n    表格: register.xlsx\n    工作表: 名单\n", encoding="utf-8")
    gongwen.save(gongwen.render(gongwen.load_plan(plan_path), base_dir=tmp_path), tmp_path / "plan.docx")
    cells = [["".join(t.text for t in cell.iter(f"{W}t")) for cell in row.findall("w:tc", NS)]
             for row in form(Docx(tmp_path / "plan.docx")).findall("w:tr", NS)]
    assert cells == [["单位名称", "党员人数", "覆盖率", "经费（元）", "成立日期", "已建党组织"],
                     ["市社会组织促进会", "12", "65.5%", "1,234,567.50", "2026年11月24日", "是"]]


def test_an_xlsx_sheet_that_is_not_there_is_named_with_those_that_are(tmp_path):
    workbook(tmp_path / "register.xlsx")
    assert_failed(tmp_path, GOOD + "附件:\n  - 名称: 登记表\n    表格: register.xlsx\n    工作表: 名册\n", "11:9:",
                  "名册", "说明、名单")


def test_cells_pasted_from_excel_into_content_become_a_table(tmp_path):
    # were tab-filled paragraphs without a word; the first row is the header, a short row padded
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(GOOD + "附件:\n  - 名称: 登记表\n    内容: |\n      现将情况列表如下：\n"
                         "      单位名称\t党员人数\t备注\n      甲协会\t12\t新成立\n      乙协会\t3\n      以上情况属实。\n",
                         encoding="utf-8")
    gongwen.save(gongwen.render(gongwen.load_plan(plan_path), base_dir=tmp_path), tmp_path / "plan.docx")
    docx = Docx(tmp_path / "plan.docx")
    rows = [["".join(t.text for t in cell.iter(f"{W}t")) for cell in row.findall("w:tc", NS)]
            for row in form(docx).findall("w:tr", NS)]
    assert rows == [["单位名称", "党员人数", "备注"], ["甲协会", "12", "新成立"], ["乙协会", "3", ""]]
    assert form(docx).find("w:tr/w:trPr/w:tblHeader", NS) is not None
    assert "\t" not in docx.text() and "以上情况属实。" in docx.text()


@pytest.mark.parametrize("rows", [[("a", "b")], [("很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长", "短")]])
def test_column_widths_always_add_up(rows):
    from gongwen.compose.tables import column_widths

    widths = column_widths(tuple(rows), 8844, 14, gongwen.load_profile(), 2, 216)
    assert sum(widths) == 8844 and all(w >= 2 * 14 * 20 for w in widths)


def test_a_landscape_table_is_turned_on_portrait_pages_with_its_head_on_the_left(paginated):
    # GB/T 9704-2012 §9: a 横排 table keeps the page numbers where every page has them, its head
    # on the binding edge of odd pages and the cut edge of even ones — the left on both
    pages = paginated["landscape-table"].pages
    turned = [p for p in pages[1:] if p.rules]
    assert len(turned) >= 3                                       # 40 rows cut into pieces
    for page in turned:
        xs = [x for r in page.rules for x in (r.x0, r.x1)]
        assert 28 - 1 <= min(xs) and max(xs) <= 184 + 1            # inside the 版心
        number = [line.text.replace(" ", "") for line in page.lines if line.top > 262 + 1]
        assert number == [f"—{page.number}—"]
        head = {c.text: c for line in page.lines for c in line.chars if c.text in "序号"}
        # the header column leftmost, its text read bottom to top: 序 under 号
        digits = [c for line in page.lines for c in line.chars if c.text.isdigit() and c.top < 262]
        assert head["序"].x1 < min(c.x0 for c in digits)           # every figure is right of the head
        assert head["序"].top > head["号"].top and abs(head["序"].x0 - head["号"].x0) < 1
    assert paginated["landscape-table"].findings == []


def test_landscape_needs_a_table():
    import pytest

    import gongwen

    with pytest.raises(gongwen.PlanError, match="横排"):
        gongwen.plan_from_data({"发文机关": ["某局"], "标题": "某局关于某事的通知", "正文": "内容。",
                                "附件": [{"名称": "某表", "内容": "没有表格。", "横排": True}]})
