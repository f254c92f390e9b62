"""Drafts as people have them, imported and formatted: text pasted from a chat (UTF-8 or GBK),
Markdown, a WPS-style .docx, a .docx that went through LibreOffice, the reviewer's corpus of
hand-made notices with their faults, an edited gongwen document whose 版记 moved."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clerk import clerk_document
from click.testing import CliRunner
from docx import Document
from test_import import nothing_dropped, texts
from test_review import FAULTS, PRINTED_FAULTS
from wps import wps_document

import gongwen
from gongwen.cli import make_cli
from gongwen.drafts import DraftError, import_draft, read_draft
from gongwen.printing.paginate import Job, paginate

DRAFTS = Path(__file__).parent / "drafts"
WANT = DRAFTS / "notice.yaml"
# what only the drafter can decide stays said after the import: → the warning's rule, or the
# text the import could not place
DRAFTERS = {"heading-skipped": "numbering.sequence", "heading-out-of-order": "numbering.order",
            "printed-line": "印发日期：2026年11月24日"}


def _libreoffice_made(tmp_path: Path) -> Path:
    """notice.yaml rendered, saved by LibreOffice as .odt, and that .odt saved as .docx: the
    styles' names are gone, only the look is left."""
    plan = gongwen.load_plan(WANT)
    gongwen.save(gongwen.render(plan), tmp_path / "notice.docx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'office'}"
    for source, target in (("notice.docx", "odt"), ("notice.odt", "docx:MS Word 2007 XML")):
        out = tmp_path / ("odt" if target == "odt" else "made")
        subprocess.run([shutil.which("soffice"), profile, "--headless", "--convert-to", target, "--outdir",
                        str(out), str(tmp_path / ("odt" if source.endswith("odt") else "") / source)],
                       check=True, capture_output=True, timeout=180)
    return tmp_path / "made" / "notice.docx"


@pytest.mark.parametrize("form", ["txt", "md", "gbk", "wps", "libreoffice"])
def test_a_draft_in_any_form_gives_the_plan_it_was_typed_from(tmp_path, form):
    if form == "gbk":
        draft = tmp_path / "notice.txt"
        draft.write_bytes((DRAFTS / "notice.txt").read_text(encoding="utf-8").encode("gbk"))
    elif form == "wps":
        draft = tmp_path / "wps.docx"
        wps_document(draft)
    elif form == "libreoffice":
        draft = _libreoffice_made(tmp_path)
    else:
        draft = DRAFTS / f"notice.{form}"
    plan, leftovers = import_draft(draft)
    want, got = texts(gongwen.load_plan(WANT)), texts(plan)
    assert {k: (want[k], got[k]) for k in want if got[k] != want[k]} == {}
    assert leftovers == []
    assert nothing_dropped(read_draft(draft).draft.text, plan, leftovers) == {}


@pytest.fixture(scope="module")
def clerk_formatted(tmp_path_factory):
    """Every document of the reviewer's corpus imported, then rendered and paginated in one
    batch: name → (imported plan, leftovers, warnings, draft text, result)."""
    folder = tmp_path_factory.mktemp("clerk")
    found, jobs = {}, []
    for name, change in ({"clean": {}} | {n: f[0] for n, f in (FAULTS | PRINTED_FAULTS).items()}).items():
        path = folder / f"{name}.docx"
        clerk_document(path, **change)
        with gongwen.collected_warnings() as warned:
            plan, leftovers = import_draft(path, folder=folder)
        found[name] = (plan, leftovers, [str(w) for w in warned], read_draft(path).draft.text)
        jobs.append(Job(plan, name, base_dir=folder))
    results = {r.job.name: r for r in paginate(jobs, folder / "pdf")}
    return {name: (*found[name], results[name]) for name in found}


@pytest.mark.parametrize("name", ["clean", *FAULTS, *PRINTED_FAULTS])
def test_every_hand_made_notice_formats_to_a_document_without_findings(clerk_formatted, name):
    plan, leftovers, warned, draft_text, result = clerk_formatted[name]
    assert result.error is None and [str(f) for f in result.findings] == []
    decided = DRAFTERS.get(name)
    left = [w for w in warned if "[numbering." in w] + [left.text for left in leftovers]
    assert left == ([] if decided is None else [next(w for w in left if decided in w)])
    assert nothing_dropped(draft_text, plan, leftovers, warned) == {}


def test_forms_the_standard_refuses_are_written_its_way_and_said(clerk_formatted):
    # the fixable faults are fixed in the plan — each said as a warning with what the draft wrote
    said = {name: clerk_formatted[name][2] for name in ("number-square-brackets", "date-padded", "title-stop",
                                                        "to-no-colon", "subject-with-commas")}
    assert all(len(messages) == 1 for messages in said.values()), said
    assert "三民[2026]3号" in said["number-square-brackets"][0] and "三民〔2026〕3号" in said["number-square-brackets"][0]
    plan = clerk_formatted["note-names-two-attachments-one"][0]
    assert [a.title for a in plan.attachments] == ["社会组织年报表", "年报填写说明", "联系人名单"]


def test_import_writes_a_commented_plan_and_keeps_what_it_could_not_place(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text((DRAFTS / "notice.txt").read_text(encoding="utf-8") + "内部资料　注意保存\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(make_cli(), ["import", str(draft), "-o", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "文号: 三民〔2026〕5号" in written and "内部资料　注意保存" in written
    comment = next(line for line in written.splitlines() if "内部资料" in line)
    assert comment.startswith("#")
    assert "内部资料" in result.stderr
    plan = gongwen.load_plan(tmp_path / "plan.yaml")
    assert texts(plan) == texts(gongwen.load_plan(WANT))
    # a plan the drafter may have edited since is not overwritten
    again = runner.invoke(make_cli(), ["import", str(draft), "-o", str(tmp_path / "plan.yaml")])
    assert again.exit_code == 2 and (tmp_path / "plan.yaml").read_text(encoding="utf-8") == written
    english = runner.invoke(make_cli(), ["import", str(DRAFTS / "notice.md"), "--english-keys"])
    assert english.exit_code == 0 and "doc_number: 三民〔2026〕5号" in english.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "没有文字"), (b"\xff\xfe\x00\xd8" * 3, "UTF-8"), (b"\x80\xff" * 8, "UTF-8"), (b"%PDF-1.7\n", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
])
def test_a_draft_that_cannot_be_read_is_an_error_naming_it(tmp_path, content, message):
    suffix = ".docx" if content.startswith((b"%PDF", b"\xd0")) else ".txt"
    draft = tmp_path / f"草稿{suffix}"
    draft.write_bytes(content)
    with pytest.raises(gongwen.GongwenError) as caught:
        read_draft(draft)
    assert message in str(caught.value) and "草稿" in str(caught.value)
    result = CliRunner().invoke(make_cli(), ["import", str(draft), "-o", str(tmp_path / "p.yaml")])
    assert result.exit_code == 1 and not (tmp_path / "p.yaml").exists()


def test_an_unknown_form_is_refused(tmp_path):
    draft = tmp_path / "draft.rtf"
    draft.write_text("{\\rtf1 通知}", encoding="utf-8")
    with pytest.raises(DraftError):
        read_draft(draft, form="rtf")


def test_format_repaginates_a_gongwen_document_a_clerk_edited(paginated, tmp_path):
    # the clerk adds three paragraphs to the 请示 in Word: its 版记 now ends an odd page
    edited = tmp_path / "edited.docx"
    gongwen.save(paginated["request"].document, edited)
    document = Document(str(edited))
    anchor = next(p for p in document.paragraphs if p.style.style_id == "GwSignature")
    added = ["专项经费将用于党组织书记培训、党建工作指导员补贴和党建阵地建设，确保专款专用。" * 5,
             "我局将建立经费使用台账，定期向市财政局报告使用情况，接受审计监督。" * 5]
    for text in added:
        paragraph = anchor.insert_paragraph_before(text)
        paragraph.style = document.styles["正文"]
    document.save(edited)
    runner = CliRunner()
    before = runner.invoke(make_cli(), ["check", "--pdf", str(edited)])
    assert before.exit_code == 3 and "banji" in before.output
    out = tmp_path / "formatted.docx"
    result = runner.invoke(make_cli(), ["format", str(edited), "-o", str(out)])
    assert result.exit_code == 0, result.output
    after = runner.invoke(make_cli(), ["check", "--pdf", str(out)])
    assert after.exit_code == 0, after.output
    printed = "".join(p.text for p in Document(str(out)).paragraphs)
    assert all(text in printed for text in added)
    # the original is never the output
    refused = runner.invoke(make_cli(), ["format", str(edited), "-o", str(edited)])
    assert refused.exit_code == 2 and Document(str(edited)).paragraphs


def test_the_library_imports_a_draft_given_as_bytes(tmp_path):
    wps_document(tmp_path / "wps.docx")
    want = texts(gongwen.load_plan(WANT))
    for data in ((tmp_path / "wps.docx").read_bytes(), (DRAFTS / "notice.md").read_bytes(),
                 (DRAFTS / "notice.txt").read_bytes()):
        plan, leftovers = gongwen.import_draft(data)
        assert texts(plan) == want and leftovers == []


# the raw seeds as they were pasted (text extracted from prints and web pages): what each must
# give, whatever noise the extraction left
SEEDS = {
    "000": {"kind": "notice", "profile": "party-legacy", "issuers": ["中共三门峡市委组织部", "三门峡市民政局"],
            "mark_suffix": "文件", "doc_number": "三组通〔2011〕6号", "copies": 170},
    "001": {"kind": "brief", "title": "安徽省社会组织党建工作简报", "issue_number": 5,
            "issuers": ["安徽省社会组织综合党委"], "editor": "冯斌", "copies": 300},
    "002": {"kind": "forward", "doc_number": "民发〔2012〕39号", "issuers": ["民政部全国社会组织创先争优活动指导小组"]},
    "003": {"kind": "forward", "doc_number": "长办发〔2015〕2号", "issuers": ["中共长沙市委办公厅"],
            "printed_by": "中共长沙市委办公厅", "note": "(此件发至乡镇街道)"},
    "004": {"kind": "plan", "title": "在全市社会组织中开展“建组织扩覆盖”活动的实施方案"},
}


@pytest.mark.parametrize("number", SEEDS)
def test_each_raw_seed_pasted_as_text_gives_its_elements(number):
    from conftest import seed_text

    fields = read_draft(seed_text(number).encode("utf-8"), form="txt").fields
    assert {key: fields.get(key) for key in SEEDS[number]} == SEEDS[number]
    if number == "002":     # the 成文日期 in Chinese numerals, the issued plan with its （date） line
        assert fields["signature"] == {"date": __import__("datetime").date(2012, 2, 21), "date_style": "chinese"}
        assert fields["issued"]["date_line"] == "2012年2月"
