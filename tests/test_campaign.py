"""Campaign data: the organisation table read cell by cell, the statistics of seed 004's kind,
plan text filled from them in a sandbox, and a campaign rendered as one batch."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

import gongwen
from gongwen.cli import make_cli
from gongwen.errors import DataError
from gongwen.plan import templating
from gongwen.plan.campaign import load_campaign
from gongwen.plan.data import read_organisations
from gongwen.plan.stats import Statistics, progress

HEADER = "社会组织名称,所属区县,正式党员,是否建立党组织,组建方式,是否选派党建指导员\n"
ROWS = ("甲协会,湖滨区,5,是,单独,否\n乙商会,湖滨区,3,否,,是\n丙学会,陕州区,2,否,,否\n"
        "丁研究会,陕州区,1,是,联合,否\n戊基金会,陕州区,0,否,,是\n己促进会,湖滨区,0,否,,否\n")


def table(tmp_path, text: str, name: str = "orgs.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_statistics_of_a_table_count_what_seed_004_leaves_as_xx(tmp_path):
    stats = Statistics.of(read_organisations(table(tmp_path, HEADER + ROWS)))
    # 6 organisations, 11 members; 甲 and 丁 have a party organisation
    assert (stats.total, stats.members, stats.with_org, stats.without_org) == (6, 11, 2, 4)
    # without one: 乙 3 members, 丙 2, none with 1, 戊 and 己 0
    assert (stats.members_3plus, stats.members_2, stats.members_1, stats.members_0) == (1, 1, 0, 2)
    assert (stats.single, stats.joint, stats.instructors) == (1, 1, 2)
    # 组织覆盖率 2/6; 工作覆盖率 (organisation or instructor: 甲 丁 乙 戊) 4/6
    assert stats.org_coverage == pytest.approx(1 / 3) and stats.work_coverage == pytest.approx(2 / 3)
    assert list(stats.by_district) == ["湖滨区", "陕州区"]           # the table's order
    assert stats.by_district["陕州区"].facts()["已建党组织"] == 1
    row = progress(stats, {"组织覆盖率": 0.6})["组织覆盖率"]
    assert row["差距"] == pytest.approx(0.6 - 1 / 3) and row["完成"] == pytest.approx((1 / 3) / 0.6)


def test_a_gbk_csv_and_an_xlsx_read_alike(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    for line in (HEADER + ROWS).splitlines():
        sheet.append([int(c) if c.isdigit() else (c or None) for c in line.split(",")])
    book.save(tmp_path / "orgs.xlsx")
    from_csv = read_organisations(table(tmp_path, HEADER + ROWS, encoding="gbk"))
    from_xlsx = read_organisations(tmp_path / "orgs.xlsx", sheet="名单")
    assert [(o.name, o.members, o.has_org, o.formed) for o in from_csv] == \
        [(o.name, o.members, o.has_org, o.formed) for o in from_xlsx]
    with pytest.raises(DataError, match="工作表|sheet"):
        read_organisations(tmp_path / "orgs.xlsx", sheet="别的")


@pytest.mark.parametrize(("rows", "line", "column", "field", "words"), [
    ("甲协会,湖滨区,五,是,单独,否\n", 2, 3, "正式党员", "五"),            # a non-number in a count
    ("甲协会,湖滨区,5,是,单独,否\n乙商会,湖滨区,3,否,,是\n甲协会,陕州区,1,否,,否\n", 4, 1, "社会组织名称", "甲协会"),
    ("甲协会,湖滨区,5,也许,单独,否\n", 2, 4, "是否建立党组织", "也许"),
    ("甲协会,湖滨区,5,是,合伙,否\n", 2, 5, "组建方式", "合伙"),
    ("甲协会,湖滨区,-2,是,单独,否\n", 2, 3, "正式党员", "-2"),
    ("甲协会,湖滨区,inf,是,单独,否\n", 2, 3, "正式党员", "inf"),             # each below was an internal error
    ("甲协会,湖滨区,1e400,是,单独,否\n", 2, 3, "正式党员", "1e400"),
    ("甲协会,湖滨区," + "9" * 400 + ",是,单独,否\n", 2, 3, "正式党员", "999"),
    ("甲协会,湖滨区,nan,是,单独,否\n", 2, 3, "正式党员", "nan"),
    ("甲协会,湖滨区,2.5,是,单独,否\n", 2, 3, "正式党员", "2.5"),
    ("甲" * 2_000 + ",湖滨区,5,是,单独,否\n", 2, 1, "社会组织名称", "2,000"),
    ("甲" * 200_000 + ",湖滨区,5,是,单独,否\n", 2, None, None, "131,072"),    # past the CSV reader's own limit
    ("甲\x07协会,湖滨区,5,是,单独,否\n", 2, 1, "社会组织名称", "U+0007"),
    ("乙商会,湖\x1b滨区,5,是,单独,否\n", 2, 2, "所属区县", "U+001B"),
])
def test_wrong_or_hostile_data_names_file_row_and_column(tmp_path, rows, line, column, field, words):
    path = table(tmp_path, HEADER + rows)
    with pytest.raises(DataError) as caught:
        read_organisations(path)
    error = caught.value
    assert (error.location.file, error.location.line, error.location.column, error.field) == (path, line, column, field)
    assert words in str(error)


def _workbook(path):
    from openpyxl import Workbook

    book = Workbook()
    for row in (HEADER + ROWS).splitlines():
        book.active.append(row.split(","))
    book.save(path)
    return path


def _rewrite(source, target, change):
    import zipfile

    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as out:
        for name in package.namelist():
            out.writestr(name, change(name, package.read(name)))
    return target


@pytest.mark.parametrize("fault", ["text", "cut", "entities", "external-link"])
def test_a_broken_or_hostile_workbook_is_a_data_error(tmp_path, fault):
    good = _workbook(tmp_path / "good.xlsx")
    path = tmp_path / "orgs.xlsx"
    if fault == "text":
        path.write_text(HEADER + ROWS, encoding="utf-8")            # a CSV saved under .xlsx
    elif fault == "cut":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif fault == "entities":
        laughs = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                  + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10)
                             for i in range(8)) + b"]>")
        first = "".join(f"&#{ord(c)};" for c in "甲协会").encode()
        _rewrite(good, path, lambda name, data: laughs + data.replace(first, b"&i;")
                 if name.endswith("sheet1.xml") else data)
    else:
        def linked(name, data):
            if name == "xl/_rels/workbook.xml.rels":
                return data.replace(b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/externalLink" '
                                    b'Target="http://127.0.0.1:9/x.xlsx" TargetMode="External"/></Relationships>')
            return data
        _rewrite(good, path, linked)
    try:
        organisations = read_organisations(path)
    except DataError as error:
        assert error.location.file == path
        return
    # a workbook that reads is read as its cells say (the link is neither followed nor kept)
    assert fault == "external-link" and len(organisations) == 6


def test_a_missing_column_is_named_with_the_headers_found(tmp_path):
    path = table(tmp_path, "社会组织名称,所属区县,是否建立党组织\n甲协会,湖滨区,是\n")
    with pytest.raises(DataError, match="正式党员") as caught:
        read_organisations(path)
    assert caught.value.location.line == 1 and "社会组织名称" in str(caught.value)


def test_filters_present_figures_as_documents_write_them():
    fill = templating.fill
    assert fill("{{ n | 数字 }}", {"n": 1068}) == "1,068"
    assert fill("{{ r | 百分比 }}|{{ t | 百分比 }}", {"r": 0.3125, "t": 0.6}) == "31.3%|60%"
    assert fill("{{ g | 百分点 }}", {"g": 0.2458}) == "24.6个百分点"
    assert fill("{{ d | 日期 }}|{{ d | 日期('chinese') }}", {"d": "2011-02-20"}) == "2011年2月20日|二○一一年二月二十日"
    assert fill("{{ a | 日期范围(b) }}", {"a": "2011-02-20", "b": "2011-03-10"}) == "2011年2月20日—3月10日"
    assert fill("{{ 5 | 期 }}|{{ 15 | 中文数字 }}", {}) == "第五期|十五"


@pytest.mark.parametrize(("text", "message"), [
    ("共{{ 统计.不存在 }}家", "不存在"),                         # an unknown fact: never an empty string
    ("{{ ''.__class__.__mro__ }}", "__class__"),                 # no attributes of Python objects
    ("{% include '/etc/passwd' %}", "passwd"),                    # no files
])
def test_a_plan_template_cannot_reach_beyond_the_facts(tmp_path, text, message):
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"标题: 某某通知\n发文机关: [某局]\n正文: |\n  第一段。\n  {text}\n", encoding="utf-8")
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.load_plan(plan, facts={"统计": {"社会组织总数": 3}})
    assert message in str(caught.value)
    assert caught.value.location.file == plan and caught.value.location.line in (3, 5)


@pytest.mark.parametrize("text", [
    "{{ 'a'*10**9 }}",                                                   # a string a gigabyte long
    "{{ ([1]*10**9)|length }}",                                          # a list of a billion items
    "{{ range(10**9)|length }}",                                          # was an internal error
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",   # allowed ranges, hours of work
    "{% for i in range(9999) %}{{ '字'*999 }}{% endfor %}",             # ten million characters of output
    "{{ 'a'|center(10**9) }}", "{{ 'a'.ljust(10**9) }}", "{{ 10**100000 }}",
    "{% set a = 'x'*999 %}" + "{% set a = a ~ a %}" * 30 + "{{ a|length }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
])
def test_a_template_past_its_limits_is_an_error_at_its_line_within_two_seconds(tmp_path, text):
    import time

    plan = tmp_path / "plan.yaml"
    plan.write_text(f"标题: 某某通知\n发文机关: [某局]\n正文: |\n  第一段。\n  {text}\n落款: {{日期: 2026-11-24}}\n",
                    encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.load_plan(plan, facts={"统计": {"社会组织总数": 3}})
    assert time.monotonic() - started < 2.5
    assert caught.value.location.file == plan and caught.value.location.line in (3, 5)
    assert caught.value.field == "正文" and "模板" in str(caught.value)


def test_a_broken_tag_is_reported_on_its_own_line(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("标题: 某某通知\n发文机关: [某局]\n正文: |\n  第一段。\n  第二段{{ 统计.总数 \n", encoding="utf-8")
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.load_plan(plan, facts={"统计": {}})
    assert caught.value.location.line == 5


def test_the_campaign_fixture_fills_seed_004s_figures_from_its_table():
    campaign = load_campaign(FIXTURES / "campaign" / "campaign.yaml")
    stats = campaign.statistics
    assert stats.total == 48 and abs(stats.org_coverage - 17 / 48) < 1e-9
    plan_doc, brief_doc, _survey, _annual = campaign.documents
    plan = gongwen.load_plan(plan_doc.plan, facts=campaign.facts_for(plan_doc))
    assert (f"全市社会组织共{stats.total}家、党员{stats.members}名,其中已建党组织的{stats.with_org}家" in plan.body
            and "xx" not in plan.body and "2011年7月15日—8月31日" in plan.body)
    brief = gongwen.load_plan(brief_doc.plan, facts=campaign.facts_for(brief_doc))
    assert brief.issue_text == "第3期"
    table_rows = [b for b in brief.articles[0].blocks if type(b).__name__ == "Table"][0].rows
    assert [row[0] for row in table_rows[1:]] == list(stats.by_district)


def test_rendering_a_campaign_writes_every_document_and_a_report(tmp_path):
    report = tmp_path / "report.json"
    result = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "campaign" / "campaign.yaml"), "-o",
                                             str(tmp_path), "--no-paginate", "--report", str(report)])
    assert result.exit_code == 0, result.output
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [(d["name"], d["status"]) for d in entries["documents"]] == \
        [("实施方案", "written"), ("简报", "written"), ("通报", "written"), ("年度工作报告", "written")]
    assert all((tmp_path / f"{name}.docx").is_file() for name in ("实施方案", "简报", "通报", "年度工作报告"))


def test_one_broken_plan_in_a_campaign_spoils_nothing_else(tmp_path):
    import shutil

    folder = tmp_path / "campaign"
    shutil.copytree(FIXTURES / "campaign", folder)
    (folder / "简报.yaml").write_text((folder / "简报.yaml").read_text(encoding="utf-8").replace(
        "{{ 期号 }}", "{{ 期数 }}"), encoding="utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(make_cli(), ["render", str(folder / "campaign.yaml"), "-o", str(tmp_path / "out"),
                                             "--no-paginate", "--report", str(report)])
    assert result.exit_code == 1
    assert "期数" in result.output and "简报.yaml:5" in result.output
    entries = {d["name"]: d for d in json.loads(report.read_text(encoding="utf-8"))["documents"]}
    assert entries["实施方案"]["status"] == "written" and entries["简报"]["status"] == "failed"
    assert (tmp_path / "out" / "实施方案.docx").is_file() and not (tmp_path / "out" / "简报.docx").exists()


def test_a_folder_renders_each_plan_in_it(tmp_path):
    import shutil

    for name in ("one-page.yaml", "request.yaml"):
        shutil.copy2(FIXTURES / name, tmp_path / name)
    result = CliRunner().invoke(make_cli(), ["render", str(tmp_path), "-o", str(tmp_path / "out"), "--no-paginate"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one-page.docx", "request.docx"]


def test_a_campaign_with_a_bad_table_names_the_table(tmp_path):
    (tmp_path / "orgs.csv").write_text(HEADER + "甲协会,湖滨区,三,是,单独,否\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("活动: 某活动\n数据:\n  文件: orgs.csv\n", encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["facts", str(tmp_path / "c.yaml")])
    assert result.exit_code == 1 and "orgs.csv:2:3" in result.output and "正式党员" in result.output


def test_the_campaign_schema_accepts_the_campaign_fixture():
    from jsonschema import Draft202012Validator

    from gongwen.plan.source import parse_yaml

    schema = json.loads(CliRunner().invoke(make_cli(), ["schema", "campaign"]).output)
    path = FIXTURES / "campaign" / "campaign.yaml"
    data, _positions = parse_yaml(path.read_text(encoding="utf-8"), path)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []
    assert not Draft202012Validator(schema).is_valid({"活动": "某活动", "目标": {"组织覆盖率": [1]}})


def test_a_batch_in_small_groups_and_in_two_processes_writes_every_document(tmp_path, monkeypatch):
    import shutil

    import gongwen.cli.batch

    for name in ("one-page.yaml", "request.yaml", "minutes.yaml"):
        shutil.copy2(FIXTURES / name, tmp_path / name)
    monkeypatch.setattr(gongwen.cli.batch, "GROUP", 1)          # a group written before the next is made
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        report = tmp_path / f"report{workers}.json"
        result = CliRunner().invoke(make_cli(), ["render", str(tmp_path), "-o", str(out), "--no-paginate",
                                                 "--jobs", workers, "--report", str(report)])
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.iterdir()) == ["minutes.docx", "one-page.docx", "request.docx"]
        assert json.loads(report.read_text(encoding="utf-8"))["written"] == 3


def test_the_change_since_the_previous_table_and_the_rows_for_a_register(tmp_path):
    table(tmp_path, HEADER + ROWS)
    # last week: 丁 had no party organisation yet and 戊 no instructor
    table(tmp_path, HEADER + ROWS.replace("丁研究会,陕州区,1,是,联合,否", "丁研究会,陕州区,1,否,,否")
          .replace("戊基金会,陕州区,0,否,,是", "戊基金会,陕州区,0,否,,否"), name="last.csv")
    (tmp_path / "c.yaml").write_text("活动: 某活动\n数据:\n  文件: orgs.csv\n  previous: last.csv\n", encoding="utf-8")
    facts = load_campaign(tmp_path / "c.yaml").facts_for()
    assert facts["变化"]["已建党组织"] == 1 and facts["变化"]["选派党建指导员"] == 1
    assert facts["变化"]["组织覆盖率"] == pytest.approx(1 / 6)
    assert facts["变化"]["分区"]["陕州区"]["已建党组织"] == 1 and facts["上期统计"]["已建党组织"] == 1
    register = templating.fill("{% for o in 社会组织 %}{{ o.社会组织名称 }}|{{ o.正式党员 }}|{{ o.组建方式 }};"
                               "{% endfor %}", facts)
    assert register.startswith("甲协会|5|单独组建;乙商会|3|;") and register.count(";") == 6


@pytest.mark.parametrize("name", ["campaign-实施方案", "campaign-简报", "campaign-通报"])
def test_the_campaigns_documents_keep_the_standard(paginated, name):
    assert [str(f) for f in paginated[name].findings] == []


def test_the_briefings_chart_stands_in_the_text_area_with_its_caption_under_it(paginated):
    pages = paginated["campaign-简报"].pages
    page = next(p for p in pages if p.images)
    (chart,) = page.images
    # 150 mm wide (profile chart.width_mm), centred on the 版心 (106 mm), inside it
    assert abs(chart.x1 - chart.x0 - 150) <= 1 and abs((chart.x0 + chart.x1) / 2 - 106) <= 1
    assert 37 - 1 <= chart.top and chart.bottom <= 262 + 1
    caption = next(line for line in page.lines if line.text.replace(" ", "").startswith("图1"))
    assert 0 < caption.top - chart.bottom < 10.21 and abs((caption.x0 + caption.x1) / 2 - 106) <= 1
    assert next(c for c in caption.chars if c.text == "县").face.startswith("FandolKai")


def test_chart_data_written_by_a_loop_and_its_mistakes(tmp_path):
    plan = {"文种": "简报", "报头": "某某工作简报", "期号": 1, "编印单位": "某某办公室", "编印日期": "2026-12-01",
            "报": ["某某"], "文章": [{"标题": "某事", "正文": "内容。",
                                 "图表": [{"图题": "图1　覆盖率", "百分比": True, "数据": "甲区: 37.5%\n乙区：0.25\n"}]}]}
    chart = gongwen.plan_from_data(plan).articles[0].charts[0]
    assert chart.data == {"甲区": 0.375, "乙区": 0.25}
    plan["文章"][0]["图表"][0]["数据"] = "甲区 37.5\n"
    with pytest.raises(gongwen.PlanError, match="甲区 37.5"):
        gongwen.plan_from_data(plan)


def test_a_register_built_from_the_table_repeats_its_header_and_the_banji_follows_it(paginated):
    # 通报's attachment: 48 rows and a 合计 row over three pages, then the 版记 on an even page
    result = paginated["campaign-通报"]
    pages = result.pages
    headed = [p for p in pages if any(line.text.replace(" ", "").startswith("序号") or
                                      line.text.replace(" ", "").startswith("序") for line in p.lines)]
    assert len(headed) >= 3                                     # the header row on every page of the table
    assert any("48家" in line.text.replace(" ", "") for line in pages[-2].lines)    # the 合计 row, last
    assert pages[-1].number % 2 == 0 and any("印发" in line.text for line in pages[-1].lines)
    assert [line.text.replace(" ", "") for line in pages[-1].lines if line.top > 262] == [f"—{pages[-1].number}—"]


def test_a_campaign_plan_rendered_alone_says_to_render_its_campaign():
    import warnings

    with warnings.catch_warnings(record=True) as caught, pytest.raises(gongwen.PlanError):
        warnings.simplefilter("always")
        gongwen.load_plan(FIXTURES / "campaign" / "简报.yaml")     # 期号 "{{ 期号 }}" is no number
    (warning,) = [str(w.message) for w in caught]
    assert "简报.yaml:5" in warning and "campaign" in warning


def test_briefings_without_a_number_follow_the_last_one_given(tmp_path):
    import shutil

    for name in ("简报.yaml", "实施方案.yaml", "社会组织.csv"):
        shutil.copy2(FIXTURES / "campaign" / name, tmp_path / name)
    shutil.copy2(tmp_path / "简报.yaml", tmp_path / "简报二.yaml")
    shutil.copy2(tmp_path / "简报.yaml", tmp_path / "简报三.yaml")
    (tmp_path / "c.yaml").write_text("活动: 某活动\n简报起始期号: 7\n数据:\n  文件: 社会组织.csv\n文件:\n"
                                     "  - 简报.yaml\n  - 实施方案.yaml\n  - 简报二.yaml\n"
                                     "  - {计划: 简报三.yaml, 事实: {期号: 20}}\n", encoding="utf-8")
    campaign = load_campaign(tmp_path / "c.yaml")
    assert [campaign.facts_for(d).get("期号") for d in campaign.documents] == [7, None, 8, 20]


def test_briefings_print_the_numbers_of_their_sequence(tmp_path):
    # the sequence as a reader sees it: each rendered 报头 carries its own 期号 (第7期, 第8期, 第20期)
    import shutil

    from docx import Document

    for name in ("简报.yaml", "社会组织.csv", "社会组织-上期.csv"):
        shutil.copy2(FIXTURES / "campaign" / name, tmp_path / name)
    for other in ("简报二.yaml", "简报三.yaml"):
        shutil.copy2(tmp_path / "简报.yaml", tmp_path / other)
    text = (FIXTURES / "campaign" / "campaign.yaml").read_text(encoding="utf-8")
    text = text[:text.index("\n文件:")] + ("\n简报起始期号: 7\n文件:\n  - 简报.yaml\n  - 简报二.yaml\n"
                                         "  - {计划: 简报三.yaml, 事实: {期号: 20}}\n")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["render", str(tmp_path / "c.yaml"), "-o", str(tmp_path / "out"),
                                             "--no-paginate"])
    assert result.exit_code == 0, result.output
    issues = {}
    for name in ("简报", "简报二", "简报三"):
        texts = [p.text for p in Document(str(tmp_path / "out" / f"{name}.docx")).paragraphs]
        issues[name] = [t for t in texts if t.startswith("第") and t.endswith("期")]
    assert issues == {"简报": ["第7期"], "简报二": ["第8期"], "简报三": ["第20期"]}


def test_the_campaigns_annual_report_sets_the_years_figures_against_targets_and_last_table():
    # one campaign file gives notice, plan, briefing and the year-end report, all of one table
    campaign = load_campaign(FIXTURES / "campaign" / "campaign.yaml")
    annual = next(d for d in campaign.documents if d.plan.name == "年度工作报告.yaml")
    plan = gongwen.load_plan(annual.plan, facts=campaign.facts_for(annual))
    stats, before = campaign.statistics, campaign.previous
    assert plan.kind == "annual" and plan.signers == ["王建国"]
    assert f"已建立党组织的社会组织{stats.with_org}家，比上期增加{stats.with_org - before.with_org}家" in plan.body
    assert "党的组织覆盖率为35.4%，比上期提高6.3个百分点，完成目标（60%）的59%" in plan.body
    assert "{{" not in plan.body and "{{" not in (plan.note or "")
