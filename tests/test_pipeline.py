"""What a CI pipeline relies on: a report that carries every warning and finding in one shape
and is the same bytes for the same inputs, --strict, --set and --only, the report's JSON
Schema, and every fault of a data table in one run."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from conftest import FIXTURES
from jsonschema import Draft202012Validator
from test_bad_input import GOOD

from gongwen.cli import make_cli
from gongwen.cli.report_schema import report_schema

WARNED = GOOD.replace("  现就有关事项通知如下。\n", "  现就有关事项通知如下。\n  （二）按时报送。\n")   # no （一）


def render(*args: str):
    return CliRunner().invoke(make_cli(), ["render", *args])


def test_plan_warnings_are_in_the_report_with_their_severity_and_strict_fails_on_them(tmp_path):
    # a （二） with no （一） was printed as a warning but the report said "findings": [] and exit 0
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    report = tmp_path / "report.json"
    result = render(str(tmp_path / "plan.yaml"), "-o", str(tmp_path / "out"), "--no-paginate", "--report", str(report))
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    (finding,) = data["documents"][0]["findings"]
    assert (finding["id"], finding["severity"]) == ("numbering.order", "warning")
    assert finding["where"].endswith("plan.yaml:7") and data["warnings"] == 1
    Draft202012Validator(report_schema()).validate(data)
    strict = render(str(tmp_path / "plan.yaml"), "-o", str(tmp_path / "out"), "--no-paginate", "--strict")
    assert strict.exit_code == 3


def test_the_report_is_the_same_bytes_for_the_same_inputs(tmp_path):
    runs = []
    for run in ("a", "b"):
        report = tmp_path / f"{run}.json"
        result = render(str(FIXTURES / "campaign" / "campaign.yaml"), "-o", str(tmp_path / run), "--no-paginate",
                        "--report", str(report))
        assert result.exit_code == 0, result.output
        runs.append(report.read_text(encoding="utf-8").replace(f"/{run}/", "/X/"))
    assert runs[0] == runs[1] and "done_after_s" not in runs[0]
    timed = tmp_path / "timed.json"
    render(str(FIXTURES / "campaign" / "campaign.yaml"), "-o", str(tmp_path / "t"), "--no-paginate",
           "--report", str(timed), "--timings")
    assert all(d["done_after_s"] is not None for d in json.loads(timed.read_text(encoding="utf-8"))["documents"])


def test_only_one_document_of_a_campaign_with_a_fact_given(tmp_path):
    from docx import Document

    result = render(str(FIXTURES / "campaign" / "campaign.yaml"), "-o", str(tmp_path), "--no-paginate",
                    "--only", "简报", "--set", "期号=42")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["简报.docx"]
    assert "第42期" in [p.text for p in Document(str(tmp_path / "简报.docx")).paragraphs]
    missing = render(str(FIXTURES / "campaign" / "campaign.yaml"), "-o", str(tmp_path), "--only", "没有这份")
    assert missing.exit_code == 2 and "没有这份" in missing.output


def test_every_fault_of_a_data_table_is_said_in_one_run(tmp_path):
    # one fault per run: a table with three faults took three runs to mend
    for name in ("campaign.yaml", "实施方案.yaml", "简报.yaml", "通报.yaml", "年度工作报告.yaml", "社会组织-上期.csv"):
        shutil.copy2(FIXTURES / "campaign" / name, tmp_path / name)
    rows = (FIXTURES / "campaign" / "社会组织.csv").read_text(encoding="utf-8").splitlines()
    header, *body = rows
    cells = [row.split(",") for row in body]
    cells[0][3] = "五"                 # not a count
    cells[1][4] = "也许"               # neither 是 nor 否
    broken = [",".join(row) for row in cells[:4]] + [body[2]]          # and a row listed twice
    (tmp_path / "社会组织.csv").write_text("\n".join([header, *broken, *body[4:]]) + "\n", encoding="utf-8")
    result = render(str(tmp_path / "campaign.yaml"), "-o", str(tmp_path / "out"), "--no-paginate")
    assert result.exit_code == 1
    said = [line for line in result.output.splitlines() if "社会组织.csv:" in line]
    assert len(said) == 3 and any("五" in line for line in said) and any("也许" in line for line in said), said


def test_a_page_finding_is_said_once_with_its_severity_and_the_face_as_doctor_names_it(tmp_path):
    # was “警告：rare：第 1 页：警告 … 镕 U+9555 NotoSerifCJKjp-Bold-VKana” where doctor says Noto Serif CJK SC
    (tmp_path / "rare.yaml").write_text(WARNED.replace("做好年报工作", "表彰李镕同志"), encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["render", str(tmp_path / "rare.yaml"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "font.substituted" in line]
    assert line.startswith("rare：第 1 页：警告 [font.substituted]") and line.count("警告") == 1, line
    assert "镕 U+9555 Noto Serif CJK SC" in line, line
