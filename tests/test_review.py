"""gongwen check on documents typed the way a clerk types them (tests/clerk.py: plain
python-docx, direct formatting, no gongwen styles).  The clean one passes the text review and
the measured pages; each fault of the corpus gives exactly its finding, with its page."""
from __future__ import annotations

import json

import pytest
from clerk import clerk_document
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gongwen.cli import make_cli
from gongwen.profile import load_profile
from gongwen.review.document import review


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Expected and found values as the English catalog words them (the Chinese one is tested
    through the CLI elsewhere)."""
    monkeypatch.setenv("LANGUAGE", "en")


def ids(path) -> list[str]:
    return [f.id for f in review(path, load_profile())]


LONG = ["为做好2026年度社会组织年报工作，现就有关事项通知如下，请认真贯彻执行。"]
NOTE = "附件：社会组织年报表"
# fault → (changes to the clean notice, finding id, its page, expected and found as reported)
FAULTS = {
    "number-square-brackets": ({"number": "三民[2026]3号"}, "number.form", 1, "〔年份〕", "三民[2026]3号"),
    "number-lenticular": ({"number": "三民【2026】3号"}, "number.form", 1, "〔年份〕", "三民【2026】3号"),
    "number-di": ({"number": "三民〔2026〕第3号"}, "number.form", 1, "〔年份〕", "三民〔2026〕第3号"),
    "date-padded": ({"date": "2026年02月05日"}, "date.form", 1, "2026年2月5日", "2026年02月05日"),
    "title-stop": ({"title": "关于做好社会组织年报工作的通知。"}, "title.punctuation", 1,
                   "关于做好社会组织年报工作的通知", "关于做好社会组织年报工作的通知。"),
    "to-no-colon": ({"to": "各县（市、区）民政局"}, "to.colon", 1, "各县（市、区）民政局：", "各县（市、区）民政局"),
    "cc-no-stop": ({"cc": "抄送：市委组织部"}, "cc.stop", 2, "抄送：市委组织部。", "抄送：市委组织部"),
    "body-song": ({"body": LONG, "body_face": "宋体"}, "face.role", 1, "仿宋", "宋体"),
    "body-theme-font": ({"body": LONG, "body_face": "(theme)"}, "face.theme", 1, "仿宋", "theme"),
    "heading-skipped": ({"body": ["现通知如下。", "一、工作要求", "三、工作时间"]}, "numbering.sequence", 1, "2", "3"),
    "heading-out-of-order": ({"body": ["现通知如下。", "（一）按时报送。"]}, "numbering.order", 1, "1", "（一）按时报送。"),
    "page-number-hyphens": ({"footer": ("-", "-")}, "page-number.form", 1, "— N —", "-1-"),
    "page-number-centred": ({"odd_and_even": False, "footer_align": WD_ALIGN_PARAGRAPH.CENTER},
                            "page-number.parity", 1, "odd pages right", "centre"),
    "page-number-field-without-result": ({"field_result": False}, "page-number.field", 1, "PAGE", "PAGE"),
    "top-margin-25mm": ({"page": {"top": 25}}, "page.margins", 1, "top 37.0 mm", "top 25.0 mm"),
    "paper-letter": ({"page": {"paper": (215.9, 279.4)}}, "page.size", 1, "210×297 mm", "215.9×279.4 mm"),
    "grid-20-lines": ({"page": {"lines": 20}}, "grid.lines", 1, "22", "20"),
    "title-18pt": ({"title_size": 18}, "size.role", 1, "22 pt", "18 pt"),
    "mark-black": ({"mark_red": False}, "colour.mark", 1, "FF0000", "red"),
    "body-blue": ({"body_colour": "0000FF"}, "colour.black", 1, "000000", "0000FF"),
    "printed-line": ({"printed": "印发日期：2026年11月24日"}, "printed.form", 2, "印发", "印发日期：2026年11月24日"),
    "banji-reversed": ({"tail_reversed": True}, "banji.order", 2, "抄送", "抄送"),
    "note-names-two-attachments-one": (
        {"body": [*LONG, "附件：1．社会组织年报表", "2．年报填写说明", "3．联系人名单"],
         "attachments": [("附件1", "社会组织年报表"), ("附件2", "年报填写说明")]},
        "attachment.note", 1, "附件1、附件2、附件3", "附件1、附件2"),
    "note-name-stop": ({"body": [*LONG, NOTE + "。"]}, "title.punctuation", 1, "社会组织年报表", "社会组织年报表。"),
    "subject-with-commas": ({"subject": "主题词：社会组织、年报、通知"}, "subject.form", 2, "主题词", "、"),
}
# faults only the printed page shows: → (changes, finding id, page)
PRINTED_FAULTS = {
    "banji-floating": ({"banji_floats": True}, "banji.position", 2),
    "banji-odd-page": ({"body": [*LONG, NOTE], "attachments": [("附件", "社会组织年报表")]}, "banji.even-page", 3),
    "mark-high": ({"mark_top": 10}, "mark.top", 1),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every document of the corpus, written and printed once (one LibreOffice batch)."""
    from gongwen.printing.converter import convert
    from gongwen.printing.measure import measure

    folder = tmp_path_factory.mktemp("corpus")
    changes = {"clean": {}} | {name: fault[0] for name, fault in (FAULTS | PRINTED_FAULTS).items()}
    paths = {}
    for name, change in changes.items():
        paths[name] = folder / f"{name}.docx"
        clerk_document(paths[name], **change)
    pdfs = dict(zip(paths.values(), convert(list(paths.values()))))
    return paths, lambda path: measure(pdfs[path])


def test_a_clean_hand_made_notice_passes_the_text_review_and_its_printed_pages(corpus):
    paths, printed = corpus
    profile = load_profile()
    assert review(paths["clean"], profile) == []
    assert [str(f) for f in review(paths["clean"], profile, printed)] == []


@pytest.mark.parametrize("name", FAULTS)
def test_each_fault_gives_exactly_its_finding_with_page_expected_and_found(corpus, name):
    paths, printed = corpus
    _change, id_, page, expected, found = FAULTS[name]
    text = review(paths[name], load_profile())
    assert [f.id for f in text] == [id_]
    assert expected in text[0].expected and found in text[0].measured
    assert text[0].page is None                      # the text alone does not know its pages
    on_pages = [f for f in review(paths[name], load_profile(), printed) if f.id == id_]
    assert on_pages and on_pages[0].page == page


@pytest.mark.parametrize("name", PRINTED_FAULTS)
def test_faults_of_the_printed_page_are_found_on_their_page(corpus, name):
    paths, printed = corpus
    _change, id_, page = PRINTED_FAULTS[name]
    assert review(paths[name], load_profile()) == []
    found = review(paths[name], load_profile(), printed)
    assert [(f.id, f.page) for f in found] == [(id_, page)], [str(f) for f in found]


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
    # the clause as the standard numbers and names it, not the profile's note in English
    assert report["documents"][0]["findings"][0]["clause"] == "GB/T 9704-2012 §7.2.5 发文字号"
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


def _zip(path, members: dict[str, bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)


def _bomb(path) -> None:
    """A document.xml that inflates to 256 MB (about 250 KB packed)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package, package.open("word/document.xml", "w") as member:
        chunk = b" " * (1 << 20)
        for _ in range(256):
            member.write(chunk)


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' +
          b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8)) +
          b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
          b"<w:t>&i;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize(("name", "make", "says"), [
    ("bomb.docx", _bomb, "zip bomb"),
    ("locked.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) +
                                            "EncryptedPackage".encode("utf-16-le") + bytes(64)), "password"),
    ("old.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) +
                                         "WordDocument".encode("utf-16-le") + bytes(64)), ".doc"),
    ("report.wps", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)), ".wps"),
    ("notice.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF"),
    ("cut.docx", None, "damaged"),
    ("photos.docx", lambda p: _zip(p, {"a.txt": b"not word"}), "word/document.xml"),
    ("laughs.docx", None, "laughs.docx"),
    ("missing.docx", lambda p: None, "file not found"),
])
def test_a_wrong_file_gets_a_clear_error_never_a_crash_or_a_hang(tmp_path, name, make, says):
    path = tmp_path / name
    if name == "cut.docx":
        clerk_document(tmp_path / "whole.docx")
        whole = (tmp_path / "whole.docx").read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
    elif name == "laughs.docx":
        clerk_document(tmp_path / "whole.docx")
        import zipfile

        with zipfile.ZipFile(tmp_path / "whole.docx") as package:
            members = {item: package.read(item) for item in package.namelist()}
        _zip(path, members | {"word/document.xml": LAUGHS})
    else:
        make(path)
    result = CliRunner(env={"LANGUAGE": "en"}).invoke(make_cli(), ["check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert says in result.output and name in result.output, result.output
    assert result.exit_code == 1


def test_check_rules_lists_every_rule_once_with_its_clause():
    from gongwen.rules import RULES

    result = CliRunner(env={"LANGUAGE": "en"}).invoke(make_cli(), ["check", "--rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == list(RULES)
    assert "number.form" in result.output and "GB/T 9704-2012 §7.2.4" in result.output


def test_every_clause_the_profiles_cite_is_one_the_standard_has():
    # a clause number the 2012 standard does not have (a §5.2.5, a §7.3.8) would be cited with no
    # heading; the 1999 standard a legacy profile follows is numbered otherwise
    import re
    from pathlib import Path

    from gongwen.findings import SPEC_HEADINGS, STANDARD_HEADINGS

    cited = {c for path in Path("styles").glob("*.yaml") for line in path.read_text(encoding="utf-8").splitlines()
             if "§" in line
             for c in re.findall(r"(spec |GB/T 9704-1999 )?§(\d+(?:\.\d+)*)", line)}
    assert {n for source, n in cited if not source} - set(STANDARD_HEADINGS) == set()
    assert {n for source, n in cited if source == "spec "} - set(SPEC_HEADINGS) == set()
    assert len(cited) > 20


def test_every_finding_the_code_can_make_is_a_rule_and_every_rule_is_made_somewhere():
    import re
    from pathlib import Path

    from gongwen.rules import RULES

    source = {str(path): path.read_text(encoding="utf-8") for path in Path("gongwen").rglob("*.py")}
    made = {m for name, text in source.items() if not name.endswith("/rules.py")
            for m in re.findall(r'(?:Finding|finding|within)\(\s*"([a-z0-9.-]+)"', text)}
    made |= {m for text in source.values() for m in re.findall(r'"(face\.theme|face\.role|numbering\.\w+)"', text)}
    assert made - set(RULES) == set()
    assert set(RULES) - made == set()


def test_findings_carry_their_rules_clause(corpus, paginated):
    from gongwen.rules import RULES

    profile = load_profile()
    paths, printed = corpus
    found = [(f, profile) for path in paths.values() for f in review(path, profile, printed)]
    # each document's findings against the profile it was laid out with (seed 000: party-legacy)
    found += [(f, result.job.resolved_profile()) for result in paginated.values() for f in result.findings]
    assert len(found) > 10
    assert {f.id for f, laid_out in found if f.clause != RULES[f.id].clause(laid_out)} == set()


def test_a_plan_and_a_document_are_refused_by_the_same_rule(tmp_path):
    from gongwen.errors import PlanError
    from gongwen.plan.load import load_plan

    clerk_document(tmp_path / "faulty.docx", number="三民[2026]3号")
    [finding] = review(tmp_path / "faulty.docx", load_profile())
    plan = tmp_path / "plan.yaml"
    plan.write_text("文种: 通知\n发文机关: 三门峡市民政局\n发文字号: 三民[2026]3号\n标题: 关于做好社会组织年报工作的通知\n"
                    "正文: 现通知如下。\n落款:\n  署名: 三门峡市民政局\n  日期: 2026-11-24\n", encoding="utf-8")
    with pytest.raises(PlanError) as refused:
        load_plan(plan, root=tmp_path)
    assert finding.message in str(refused.value) and refused.value.location.line == 3


def test_a_plan_with_a_skipped_heading_is_warned_at_its_line(tmp_path):
    from gongwen.errors import PlanWarning
    from gongwen.plan.load import load_plan

    plan = tmp_path / "plan.yaml"
    plan.write_text("文种: 通知\n发文机关: 三门峡市民政局\n标题: 关于做好社会组织年报工作的通知\n正文: |\n"
                    "  现通知如下。\n  一、工作要求\n  三、工作时间\n落款:\n  署名: 三门峡市民政局\n  日期: 2026-11-24\n",
                    encoding="utf-8")
    with pytest.warns(PlanWarning, match=r"plan\.yaml:7: \[numbering\.sequence\]"):
        load_plan(plan, root=tmp_path)


def test_every_document_gongwen_prints_gets_from_the_whole_check_what_its_pagination_found(paginated, tmp_path):
    """The text review finds nothing, and the measured pages — with the kind read from the
    document itself (a 简报, 函 or 令 laid out as its kind is) and the profile its plan names —
    give exactly the findings the pagination made on the same PDF (a known warning, or none)."""
    from gongwen.printing.measure import measure

    failed = {}
    for name, result in paginated.items():
        path = tmp_path / f"{name}.docx"
        result.document.save(str(path))
        profile = load_profile(result.job.plan.profile)
        assert review(path, profile) == [], name
        found = review(path, profile, lambda _path: measure(result.pdf))
        if sorted((f.id, f.page) for f in found) != sorted((f.id, f.page) for f in result.findings):
            failed[name] = [str(f) for f in found]
    assert failed == {}, "\n".join(f"{n}: {x[:150]}" for n, xs in failed.items() for x in xs)


def test_check_json_with_pdf_on_fixtures(paginated, tmp_path):
    """What CI runs on bundled fixtures: gongwen check --json --pdf (printed anew), exit 0.  The
    report's second attachment is a 2-page PDF: its second page is empty in the .docx (style
    附件扫描页) and is not a numbered blank page."""
    names = ["notice-2012", "letter", "brief", "order", "request", "report"]
    for name in names:
        paginated[name].document.save(str(tmp_path / f"{name}.docx"))
    result = CliRunner().invoke(make_cli(), ["check", "--json", "--pdf", *(str(tmp_path / f"{n}.docx") for n in names)])
    report = json.loads(result.output)
    assert [entry["findings"] for entry in report["documents"]] == [[]] * len(names), result.output
    assert (result.exit_code, report["findings"], report["errors"]) == (0, 0, 0)


@pytest.mark.parametrize(("change", "finding", "fixed_text"), [
    ({"number": "三民（2026）3号"}, "number.form", "三民〔2026〕3号"),
    ({"date": "2026年2月05日"}, "date.form", "2026年2月5日"),
    ({"to": "各县（市、区）民政局"}, "to.colon", "各县（市、区）民政局："),
    ({"cc": "抄送：市委组织部"}, "cc.stop", "抄送：市委组织部。"),
])
def test_each_safe_fix_alone_removes_its_finding_and_a_second_fix_changes_nothing(tmp_path, change, finding,
                                                                                  fixed_text):
    # independent of the CLI test above: the library's fix on one fault at a time
    from docx import Document

    from gongwen.review.fixes import fix

    source, once, twice = tmp_path / "faulty.docx", tmp_path / "once.docx", tmp_path / "twice.docx"
    clerk_document(source, **change)
    profile = load_profile()
    assert finding in [f.id for f in review(source, profile)]
    assert len(fix(source, once)) == 1
    assert review(once, profile) == []
    document = Document(str(once))
    assert fixed_text in [p.text.strip("\u3000") for p in document.paragraphs]
    assert fix(once, twice) == []


def test_a_document_without_its_date_is_found_and_one_with_it_is_not(tmp_path):
    # §7.3.5: the 成文日期 is required; a notice that lost it passed the check before
    clerk_document(tmp_path / "undated.docx", date="")
    clerk_document(tmp_path / "dated.docx")
    assert [f.id for f in review(tmp_path / "undated.docx", load_profile())] == ["date.missing"]
    assert review(tmp_path / "dated.docx", load_profile()) == []


def test_the_review_looks_styles_up_once_per_document(tmp_path, monkeypatch):
    # python-docx scans every style on each lookup and sorts a union of a body's children in
    # quadratic time: a 100,000-paragraph document took minutes (benchmarks/speed.py measures it)
    import docx.document
    import docx.styles.styles

    def refused(*args, **kwargs):
        raise AssertionError("a per-paragraph style lookup or an XPath union over the body")

    clerk_document(tmp_path / "notice.docx")
    monkeypatch.setattr(docx.styles.styles.Styles, "default", refused)
    monkeypatch.setattr(docx.document.Document, "iter_inner_content", refused)
    assert review(tmp_path / "notice.docx", load_profile()) == []


def test_dates_typed_with_dots_slashes_or_dashes_are_found_with_their_form(tmp_path):
    # a 成文日期 written 2024.3.5 (or 2024/3/5) was not flagged
    clerk_document(tmp_path / "typed.docx", date="2026.11.24",
                   printed="三门峡市民政局办公室　　　　　　　　2026/11/24印发")
    found = review(tmp_path / "typed.docx", load_profile())
    assert [(f.id, f.expected, f.measured) for f in found if f.id == "date.form"] == [
        ("date.form", "2026年11月24日", "2026.11.24"), ("date.form", "2026年11月24日", "2026/11/24")]
    assert "date.missing" not in [f.id for f in found]


def test_a_document_number_centred_with_a_tab_is_a_documents(tmp_path):
    # a 文号 centred with a tab made the document read as a 函 (three wrong findings)
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm

    from gongwen.review.reading import read
    from gongwen.review.roles import kind_of, roles

    clerk_document(tmp_path / "tabbed.docx")
    document = Document(str(tmp_path / "tabbed.docx"))
    number = next(p for p in document.paragraphs if "〔2026〕" in p.text)
    number.alignment = WD_ALIGN_PARAGRAPH.LEFT
    number.paragraph_format.tab_stops.add_tab_stop(Mm(78), WD_TAB_ALIGNMENT.CENTER)
    number.runs[0].text = "\t" + number.runs[0].text
    document.save(str(tmp_path / "tabbed.docx"))
    assert kind_of(roles(read(tmp_path / "tabbed.docx"))) == "notice"
    assert review(tmp_path / "tabbed.docx", load_profile()) == []


def test_a_page_number_in_a_footer_text_box_is_read(tmp_path):
    # page numbers in a footer text box gave false page-number findings
    from docx import Document
    from docx.oxml import parse_xml

    clerk_document(tmp_path / "boxed.docx")
    document = Document(str(tmp_path / "boxed.docx"))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for footer in (document.sections[0].footer, document.sections[0].even_page_footer):
        paragraph = footer.paragraphs[0]._p
        inner = paragraph.xml.replace(f"<w:p {w}", "<w:p")
        box = parse_xml(
            f'<w:p {w} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape style="width:60pt;height:20pt">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
        paragraph.addprevious(box)
        paragraph.getparent().remove(paragraph)
    document.save(str(tmp_path / "boxed.docx"))
    assert review(tmp_path / "boxed.docx", load_profile()) == []


def test_a_fix_leaves_what_it_cannot_tell_for_certain(tmp_path):
    # with the title set too small, the title was taken for the 主送 and got a colon
    from docx import Document

    from gongwen.review.fixes import fix

    clerk_document(tmp_path / "small.docx", title_size=16, to="各县（市、区）民政局")
    changes = fix(tmp_path / "small.docx", tmp_path / "fixed.docx")
    texts = [p.text for p in Document(str(tmp_path / "fixed.docx")).paragraphs]
    assert CLEAN_TITLE in texts and CLEAN_TITLE + "：" not in texts
    assert any("不确定" in change or "uncertain" in change for change in changes)


CLEAN_TITLE = "关于做好社会组织年报工作的通知"


def test_the_party_format_is_read_as_such_unless_told_otherwise(tmp_path, paginated):
    # seed 000 got a rule-weight finding under the default profile although it shows 主题词
    from gongwen.compose.render import save

    seed = save(paginated["000"].document, tmp_path / "000.docx")
    runner = CliRunner()
    assert runner.invoke(make_cli(), ["check", "--pdf", str(seed)]).exit_code == 0
    told = runner.invoke(make_cli(), ["check", "--pdf", "--profile", "gb9704-2012", "--json", str(seed)])
    assert told.exit_code == 3 and "banji.rule-weight" in told.output


def test_one_bad_entry_is_an_error_line_and_the_others_are_reviewed(tmp_path):
    # a folder among the files stopped the whole batch with a usage error
    (tmp_path / "folder").mkdir()
    clerk_document(tmp_path / "clean.docx")
    result = CliRunner().invoke(make_cli(), ["check", str(tmp_path / "folder"), str(tmp_path / "clean.docx")])
    assert result.exit_code == 1
    assert "a folder" in result.output and "clean.docx: no findings" in result.output


def test_a_printing_error_names_the_users_file(tmp_path, monkeypatch):
    # with --pdf an error named the temporary copy (…/gongwen-check-…/00000.docx)
    import gongwen.printing.converter as converter
    from gongwen.errors import ConvertError, Location

    def failing(documents, output_dir=None, *, timeout=None, profiles=()):
        raise ConvertError("LibreOffice could not convert the document", Location(documents[0]))

    clerk_document(tmp_path / "我的通知.docx")
    monkeypatch.setattr(converter, "convert", failing)
    monkeypatch.setattr(converter, "start_converter", lambda profiles=(): None)
    result = CliRunner().invoke(make_cli(), ["check", "--pdf", str(tmp_path / "我的通知.docx")])
    assert result.exit_code == 1 and "我的通知.docx" in result.output and "00000" not in result.output


def _list_numbered(path, restart_second: bool = False) -> None:
    """The clerk's notice with its 一、 headings numbered by a Word list (chineseCounting "%1、"),
    not typed; with ``restart_second`` the second heading starts a list of its own (一、 again)."""
    from docx import Document
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = Document(str(path))
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    for num_id in ("91", "92"):
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    headings = [p for p in document.paragraphs if p.text.startswith(("一、", "二、"))]
    for number, paragraph in enumerate(headings):
        paragraph.runs[0].text = paragraph.runs[0].text[2:]
        ppr = paragraph._p.get_or_add_pPr()
        num_id = "92" if restart_second and number == 1 else "91"
        ppr.insert(0, parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))


def test_headings_numbered_by_a_word_list_are_read_with_their_printed_numbers(tmp_path):
    # list-numbered headings were invisible to the numbering and face rules
    from gongwen.review.reading import read

    clerk_document(tmp_path / "listed.docx")
    _list_numbered(tmp_path / "listed.docx")
    assert [p.text for p in read(tmp_path / "listed.docx").paragraphs if p.text.endswith(("要求", "时间"))] == [
        "一、工作要求", "二、工作时间"]
    assert review(tmp_path / "listed.docx", load_profile()) == []
    clerk_document(tmp_path / "restarted.docx")
    _list_numbered(tmp_path / "restarted.docx", restart_second=True)
    assert [f.id for f in review(tmp_path / "restarted.docx", load_profile())] == ["numbering.sequence"]
