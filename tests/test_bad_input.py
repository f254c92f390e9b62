"""Every bad input gets one message naming file:line:column and the field, a non-zero exit,
and no file written; an existing output survives a failed render."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from gongwen import PlanError, plan_from_data
from gongwen.cli import make_cli

GOOD = """\
发文机关: [三门峡市民政局]
文号: 三民〔2026〕3号
标题: 三门峡市民政局关于做好年报工作的通知
主送: [各县（市、区）民政局]
正文: |
  现就有关事项通知如下。
落款:
  日期: 2026-11-24
"""


def run(tmp_path: Path, text: str | bytes, name: str = "plan.yaml") -> tuple[int, str, Path]:
    plan = tmp_path / name
    plan.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = CliRunner().invoke(make_cli(), ["render", str(plan), "-o", str(tmp_path / "out")])
    return result.exit_code, result.output, tmp_path / "out" / f"{plan.stem}.docx"


def assert_failed(tmp_path, text, where: str, *fragments: str):
    code, output, target = run(tmp_path, text)
    assert code == 1, output
    assert f"plan.yaml:{where}" in output, output
    for fragment in fragments:
        assert fragment in output, output
    assert not target.exists()
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_good_plan_renders(tmp_path):
    code, output, target = run(tmp_path, GOOD)
    assert code == 0, output
    assert target.is_file()


def test_broken_yaml(tmp_path):
    assert_failed(tmp_path, GOOD.replace("主送: [各县", "主送: [各县\n  ["), "5", "YAML 格式错误")


def test_wrong_type(tmp_path):
    assert_failed(tmp_path, GOOD.replace("落款:\n  日期: 2026-11-24", "落款:\n  日期: [1, 2]"), "8:7:",
                  "成文日期", "不是日期")


def test_unknown_key_with_did_you_mean(tmp_path):
    assert_failed(tmp_path, GOOD.replace("主送:", "主送机构:"), "4:1:", "未知的键 '主送机构'", "是否应为“主送机关”")


def test_unknown_nested_key(tmp_path):
    assert_failed(tmp_path, GOOD.replace("  日期: 2026-11-24", "  日期: 2026-11-24\n  印张: x.png"), "9:3:",
                  "未知的键 '印张'", "是否应为“印章”")


@pytest.mark.parametrize("number", ["皖社党[2017]1号", "皖社党【2017】1号", "皖社党(2017)1号", "皖社党[2017] 1号"])
def test_doc_number_with_square_brackets(tmp_path, number):
    # refused for its brackets alone: the same number with 〔〕 is accepted
    (tmp_path / "good").mkdir()
    assert run(tmp_path / "good", GOOD.replace("三民〔2026〕3号", "皖社党〔2017〕1号"))[0] == 0
    assert_failed(tmp_path, GOOD.replace("三民〔2026〕3号", number), "2:5:", "发文字号", "六角括号")


def test_doc_number_with_di(tmp_path):
    assert_failed(tmp_path, GOOD.replace("三民〔2026〕3号", "三民〔2026〕第3号"), "2:5:", "不加“第”")


def test_doc_number_with_zero_padding(tmp_path):
    assert_failed(tmp_path, GOOD.replace("三民〔2026〕3号", "三民〔2026〕03号"), "2:5:", "不编虚位")


def test_missing_seal_file_is_relative_to_the_plan(tmp_path):
    assert_failed(tmp_path, GOOD + "  印章: seals/red.png\n", "9:7:", "印章", "找不到文件",
                  str(tmp_path / "seals/red.png"))


def test_missing_table_file(tmp_path):
    text = GOOD + "附件:\n  - 名称: 调查表\n    表格: data/survey.csv\n"
    assert_failed(tmp_path, text, "11:9:", "附件表格", "找不到文件", "survey.csv")


SCAN = GOOD + "附件:\n  - 名称: 登记表\n    扫描件: scans/form.pdf\n"


def test_missing_pdf_attachment(tmp_path):
    assert_failed(tmp_path, SCAN, "11:10:", "附件扫描件", "找不到文件", "form.pdf")


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\nnot really a pdf", b"\x89PNG\r\n\x1a\n"])
def test_unreadable_pdf_attachment(tmp_path, data):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "form.pdf").write_bytes(data)
    assert_failed(tmp_path, SCAN, "11:10:", "附件扫描件", "不是可读的 PDF", "form.pdf")


def test_password_protected_pdf_attachment(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    (tmp_path / "scans").mkdir()
    with (tmp_path / "scans" / "form.pdf").open("wb") as out:
        writer.write(out)
    assert_failed(tmp_path, SCAN, "11:10:", "附件扫描件", "密码")


def test_pdf_attachment_has_no_content_of_its_own(tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "form.pdf").write_bytes((FIXTURES / "form-scan.pdf").read_bytes())
    assert_failed(tmp_path, SCAN + "    内容: 另附说明。\n", "10:5:", "附件", "不另有内容或表格")


def test_missing_required_field(tmp_path):
    assert_failed(tmp_path, GOOD.replace("标题: 三门峡市民政局关于做好年报工作的通知\n", ""), "1:1:", "标题", "缺少此项")


def test_control_character_is_rejected(tmp_path):
    assert_failed(tmp_path, GOOD.replace("正文: |\n  现就有关事项通知如下。", '正文: "现就\\x07有关事项"'), "5:5:",
                  "控制字符 U+0007")


def test_malformed_body_table_names_its_own_line(tmp_path):
    text = GOOD.replace("  现就有关事项通知如下。", "  现就有关事项通知如下。\n  |a|b|\n  |1|2|3|")
    assert_failed(tmp_path, text, "8:", "表格这一行有 3 格")


def test_gbk_plan_is_read_with_a_hint(tmp_path):
    code, output, target = run(tmp_path, GOOD.encode("gbk"))
    assert code == 0, output
    assert "GBK" in output and "iconv -f GBK -t UTF-8" in output
    assert target.is_file()


def test_binary_file_is_refused(tmp_path):
    code, output, target = run(tmp_path, b"\xff\xfe\x00\x01\x80\x81abc")
    assert code == 1 and "plan.yaml" in output and not target.exists()


def test_missing_plan_file(tmp_path):
    result = CliRunner().invoke(make_cli(), ["render", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.yaml'}: 找不到文件" in result.output


def test_failed_render_keeps_the_existing_output(tmp_path):
    code, _, target = run(tmp_path, GOOD)
    assert code == 0
    before = target.read_bytes()
    code, output, _ = run(tmp_path, GOOD.replace("三民〔2026〕3号", "三民〔2026〕第3号"))
    assert code == 1
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == [target.name]   # no temporary left behind


def test_hostile_strings_render_verbatim(tmp_path):
    hostile = 'A&B <w:p> "引号" \'单引\' 🎉 ]]> {{ x }} {% if %}'
    code, output, target = run(tmp_path, GOOD.replace("现就有关事项通知如下。", f"'{hostile}'".replace("'", "", 0)))
    assert code == 0, output
    from docx import Document

    texts = [p.text for p in Document(target).paragraphs]
    assert any(hostile.strip("'") in t or hostile in t for t in texts), texts


def test_english_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, output, _ = run(tmp_path, GOOD.replace("主送:", "主送机构:"))
    assert code == 1
    assert "plan.yaml:4:1: unknown key '主送机构'" in output
    assert "did you mean 主送机关?" in output


def test_error_shows_the_source_line_with_a_caret(tmp_path):
    code, output, _ = run(tmp_path, GOOD.replace("三民〔2026〕3号", "三民〔2026〕第3号"))
    assert "    文号: 三民〔2026〕第3号" in output
    assert "^" in output


def test_title_too_long_for_the_profile(tmp_path):
    assert_failed(tmp_path, GOOD.replace("标题: 三门峡市民政局关于做好年报工作的通知", "标题: " + "社会组织" * 50),
                  "3:5", "标题", "行")


def test_printed_before_signed(tmp_path):
    assert_failed(tmp_path, GOOD + "印发日期: 2026-11-20\n", "9:7", "印发日期", "2026-11-20", "成文日期")


def test_request_titled_as_a_notice_is_warned(tmp_path):
    code, output, target = run(tmp_path, "文种: 请示\n" + GOOD.replace("主送: [各县（市、区）民政局]", "主送: [市人民政府]"))
    assert code == 0 and target.is_file(), output
    assert "通知" in output and "请示" in output and "plan.yaml:4" in output


def test_cc_ending_in_its_own_full_stop_prints_one(tmp_path):
    code, output, target = run(tmp_path, GOOD + "抄送: [市委组织部, 市财政局。]\n")
    assert code == 0, output
    from docx import Document

    text = "".join(cell.text for table in Document(target).tables for row in table.rows for cell in row.cells)
    assert "抄送：市委组织部，市财政局。" in text and "。。" not in text


# -- impossible values and hostile YAML: an error with its line, never a traceback -------------


@pytest.mark.parametrize(("date", "said"), [
    ("2024-13-40", "一年没有13月"), ("2025-02-30", "没有30日"), ("2025年2月30日", "2025年2月只有28日"),
    ("2月30号", "不是日期")])
def test_impossible_dates(tmp_path, date, said):
    assert_failed(tmp_path, GOOD.replace("2026-11-24", date), "8:7:", "成文日期", said, date)


def test_python_tags_are_refused(tmp_path):
    assert_failed(tmp_path, GOOD + '附注: !!python/object/apply:os.system ["touch pwned"]\n', "9:5:",
                  "!!python/object/apply:os.system", "YAML 标签")
    assert not (tmp_path / "pwned").exists()


def test_merge_keys_are_refused(tmp_path):
    assert_failed(tmp_path, "x: &a {附注: 联系人}\n" + GOOD, "1:1:", "未知的键")
    assert_failed(tmp_path, GOOD + "落款2: &a {日期: 2026-11-24}\n".replace("落款2: ", "<<: ") , "9:1:", "合并键")


def test_alias_bomb_is_capped(tmp_path):
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdef", "bcdefg"):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert_failed(tmp_path, "\n".join(levels) + "\n", "", "展开后超过")


def test_deep_nesting_is_refused(tmp_path):
    assert_failed(tmp_path, GOOD + "附注: " + "[" * 3000 + "]" * 3000 + "\n", "9:", "嵌套超过")


def test_library_data_is_checked_like_a_file():
    import gongwen

    for bad in ("现就\ufffe有关", "现就\x07有关", "现就\ud800有关"):
        with pytest.raises(PlanError, match="U\\+"):
            gongwen.plan_from_data({"发文机关": ["甲"], "标题": "关于某事的通知", "正文": bad})


def test_pydantic_messages_are_translated(tmp_path):
    code, output, _ = run(tmp_path, GOOD.replace("标题: 三门峡市民政局关于做好年报工作的通知", "标题: {a: 1}"))
    assert code == 1 and "Input should be" not in output and "应为" in output, output


def test_the_echoed_line_is_the_line_named(tmp_path):
    # U+2028 and U+0085 are line breaks to str.splitlines but not to YAML
    text = '附注: "联系\u2028人"\n' + GOOD.replace("三民〔2026〕3号", "三民〔2026〕第3号")
    code, output, _ = run(tmp_path, text)
    assert "plan.yaml:3:5:" in output and "    文号: 三民〔2026〕第3号" in output, output


# -- YAML mistakes named on their own line, with the fix -------------------------------------------


@pytest.mark.parametrize(("broken", "where", "message"), [
    (GOOD.replace("标题: ", "标题 "), "3:", "缺少冒号"),
    (GOOD.replace("标题: ", "标题："), "3:3:", "全角冒号"),
    (GOOD.replace("  现就有关事项通知如下。", "  现就有关事项通知如下。\n特此通知。"), "7:1:", "没有缩进"),
    ("发文机关:\n  - 三门峡市民政局\n  -市财政局\n" + GOOD.split("\n", 1)[1], "3:4:", "短横线后面要有一个空格"),
    (GOOD.replace("  日期: ", "\t日期: "), "8:1:", "制表符"),
    (GOOD.replace("  日期: ", "\u3000\u3000日期: "), "8:1:", "全角空格"),
])
def test_yaml_mistakes_point_at_their_line(tmp_path, broken, where, message):
    assert_failed(tmp_path, broken, where, message)


# -- paths from a plan stay under its folder ------------------------------------------------------


@pytest.mark.parametrize("where", ["/etc/passwd", "../secret.csv", "link.csv"])
def test_plan_paths_stay_under_the_plan_folder(tmp_path, where):
    plan_dir = tmp_path / "plans"
    plan_dir.mkdir()
    (tmp_path / "secret.csv").write_text("姓名,密码\n甲,123\n", encoding="utf-8")
    (plan_dir / "link.csv").symlink_to(tmp_path / "secret.csv")
    text = GOOD + f"附件:\n  - 名称: 调查表\n    表格: {where}\n"
    code, output, target = run(plan_dir, text)
    assert code == 1 and "plan.yaml:11:9:" in output and "--allow-outside" in output, output
    assert not target.exists()


def test_allow_outside_lets_a_plan_name_other_folders(tmp_path):
    plan_dir = tmp_path / "plans"
    plan_dir.mkdir()
    (tmp_path / "shared.csv").write_text("单位,党员\n甲协会,3\n", encoding="utf-8")
    (plan_dir / "plan.yaml").write_text(GOOD + "附件:\n  - 名称: 调查表\n    表格: ../shared.csv\n", encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["render", str(plan_dir / "plan.yaml"), "--allow-outside",
                                             "--no-paginate", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_a_profile_file_outside_the_plan_folder(tmp_path):
    plan_dir = tmp_path / "plans"
    plan_dir.mkdir()
    (tmp_path / "local.yaml").write_text("extends: gb9704-2012\nname: local\ndescription: x\n", encoding="utf-8")
    code, output, _ = run(plan_dir, GOOD + "版式: ../local.yaml\n")
    assert code == 1 and "plan.yaml:9:5:" in output and "--allow-outside" in output, output


# -- local profiles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "message"), [
    ("- a\n- b\n".encode(), "版式文件应由"),
    ("extends: gb9704-2012\nname: 本地\ndescription: 本地版式\n".encode("gbk"), "不是 UTF-8"),
    (b"extends: gb9704-2012\nname: zero\ndescription: x\npage:\n  clause: x\n  width_mm: 0\n", "必须大于 0"),
    (b"extends: gb9704-2012\nname: off\ndescription: x\npage:\n  text_width_mm: 300\n", "版心超出了纸张"),
])
def test_a_broken_local_profile_is_an_error(tmp_path, content, message):
    (tmp_path / "local.yaml").write_bytes(content)
    code, output, target = run(tmp_path, GOOD + "版式: local.yaml\n")
    assert code == 1 and "local.yaml" in output and message in output, output
    assert not target.exists()


@pytest.mark.parametrize(("text", "where"), [
    (GOOD + "标题: 另一个标题\n", "9:1:"),                                  # the same key twice
    (GOOD.replace("  日期: 2026-11-24\n", "  日期: 2026-11-24\n  日期: 2026-11-25\n"), "9:3:"),   # nested
])
def test_a_key_given_twice_is_refused_at_the_second(tmp_path, text, where):
    assert_failed(tmp_path, text, where, "两次")


def test_a_mistyped_key_is_told_the_nearest_keys(tmp_path):
    # 超送 was told 送 (a briefing's key) rather than 抄送
    code, output, _target = run(tmp_path, GOOD + "超送: [市委组织部]\n")
    assert code == 1 and "抄送" in output and "“送”" not in output


def test_a_day_the_month_does_not_have_is_said_so(tmp_path):
    # 2024-02-30 was told it is "not a date", with a format hint
    assert_failed(tmp_path, GOOD.replace("2026-11-24", "2026-02-30"), "8:", "2026年2月只有28日，没有30日")
    assert_failed(tmp_path, GOOD.replace("2026-11-24", "2026-13-01"), "8:", "一年没有13月")


def test_a_missing_space_after_a_colon_is_said_as_such(tmp_path):
    # 标题:… was told the key had no colon
    assert_failed(tmp_path, GOOD.replace("标题: ", "标题:"), "3:", "冒号后面缺少空格")


def test_the_command_line_speaks_chinese_to_a_clerk():
    # 'foo' is not one of …, 缺少参数 'PLANS...', did not find expected ',' or ']' in the Chinese UI
    runner = CliRunner()
    wrong_kind = runner.invoke(make_cli(), ["new", "foo"]).output
    assert "不在可选值中" in wrong_kind and "is not one of" not in wrong_kind and "'文种'" in wrong_kind
    assert "计划文件" in runner.invoke(make_cli(), ["render"]).output


def test_yaml_mistakes_are_told_in_the_drafters_words(tmp_path):
    code, output, _target = run(tmp_path, GOOD.replace("主送: [各县（市、区）民政局]", "主送: [各县（市、区）民政局"))
    assert code == 1 and "方括号列表没有闭合" in output and "did not find" not in output


def test_a_malformed_table_in_an_annual_report_is_a_plan_error_at_its_line():
    # the kind's own checks read the body before it was parsed: a BodyError escaped plan_from_data
    data = {"文种": "annual", "发文机关": ["某局"], "标题": "某局2026年度工作报告", "主送": ["市政府"],
            "正文": "一、工作情况\n|指标|数值|\n|覆盖率|", "落款": {"日期": "2026-11-24"}}
    with pytest.raises(PlanError, match="表格这一行有 1 格") as caught:
        plan_from_data(data)
    assert "正文" in str(caught.value)
