"""A unit's own look: local profiles an office writes (colours, a fixed mark size, its rules),
checked as strictly as the bundled ones, recorded in the documents they make, and shown merged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NS, Docx, W
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from test_bad_input import GOOD as PLAN

from gongwen.cli import make_cli
from gongwen.errors import ProfileError
from gongwen.profile import load_profile, profile_schema

ROOT = Path(__file__).resolve().parent.parent


# a province's rule: the mark at a fixed 30 pt in its own dark red, the red rule too, page
# numbers a size up
PROVINCE = """\
extends: gb9704-2012
name: 某省版式
description: 发文机关标志固定 30 磅、深红；页码三号
colours:
  clause: 某省公文格式细则
  mark: "#c00000"
  rule: 深红
mark:
  size_pt: 30
page_number:
  size_pt: 16
"""


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(make_cli(), list(args))
    return result.exit_code, result.output


def local(tmp_path: Path, text: str, name: str = "local.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mark_colours(path: Path) -> set[str]:
    """The colours the runs of the 发文机关标志 are written in."""
    body = Docx(path).xml()
    marks = [p for p in body.iter(f"{W}p") if p.find("w:pPr/w:pStyle[@w:val='GwMark']", NS) is not None]
    assert marks, "no paragraph in the GwMark style"
    return {c.get(f"{W}val") for p in marks for c in p.iter(f"{W}color")} | \
        {c.get(f"{W}val") for c in Docx(path).style("GwMark").iter(f"{W}color")}


# -- what a profile may say ---------------------------------------------------------------------


@pytest.mark.parametrize(("written", "expected"), [("red", "FF0000"), ("红色", "FF0000"), ("'#c00000'", "C00000"),
                                                   ("c00000", "C00000")])
def test_a_colour_is_hex_or_a_colour_name(tmp_path, written, expected):
    # colours.red: red was accepted and written into the XML as w:color="red": the mark printed black
    profile = local(tmp_path, f"extends: gb9704-2012\nname: x\ndescription: x\ncolours:\n  red: {written}\n")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, output = cli("render", str(tmp_path / "plan.yaml"), "--profile", str(profile), "--no-paginate")
    assert code == 0, output
    assert mark_colours(tmp_path / "plan.docx") == {expected}


@pytest.mark.parametrize(("section", "fragment"), [
    ("colours:\n  red: reed\n", "colours.red"),                  # neither hex nor a colour's name
    ("mark:\n  top_mm: -40\n", "mark.top_mm"),                   # above the 版心
    ("red_rule:\n  below_doc_number_mm: -4\n", "red_rule.below_doc_number_mm"),
])
def test_a_value_out_of_range_is_refused_at_its_line(tmp_path, section, fragment):
    path = local(tmp_path, "extends: gb9704-2012\nname: x\ndescription: x\n" + section)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert f"{path}:5:" in str(caught.value) and fragment in str(caught.value)


def test_a_misspelt_key_is_told_the_key_it_may_mean(tmp_path):
    path = local(tmp_path, "extends: gb9704-2012\nname: x\ndescription: x\nmark:\n  top_mm: 35\n  max_sise_pt: 30\n")
    code, output = cli("profile", "show", str(path))
    assert code == 1 and f"{path}:6:" in output and "mark.max_sise_pt" in output and "mark.max_size_pt" in output, output


def test_a_bad_extends_is_blamed_on_the_profile_that_says_it(tmp_path):
    # it was blamed on the plan, and with --pdf said as an internal error
    local(tmp_path, "name: x\ndescription: x\nextends: gb9704-2021\n")
    (tmp_path / "plan.yaml").write_text(PLAN + "版式: local.yaml\n", encoding="utf-8")
    code, output = cli("render", str(tmp_path / "plan.yaml"), "--pdf")
    assert code == 1 and "local.yaml:3:" in output and "gb9704-2021" in output, output
    assert "plan.yaml" not in output and "内部错误" not in output and not (tmp_path / "plan.docx").exists()


def test_a_profile_extends_a_file_beside_it(tmp_path):
    (tmp_path / "shared").mkdir()
    local(tmp_path / "shared", PROVINCE, "province.yaml")
    county = local(tmp_path / "shared", "extends: province.yaml\nname: 某县\ndescription: x\n", "county.yaml")
    profile = load_profile(county)
    assert (profile.name, profile.mark.size_pt, profile.colours.rule_colour) == ("某县", 30, "C00000")
    assert profile.file == county


def test_a_relative_profile_is_found_from_the_current_folder_in_every_command(tmp_path, monkeypatch):
    # render resolved --profile against the plan's folder, check against the current one
    (tmp_path / "plans").mkdir()
    (tmp_path / "looks").mkdir()
    local(tmp_path / "looks", PROVINCE, "province.yaml")
    (tmp_path / "plans" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = cli("render", "plans/plan.yaml", "--profile", "looks/province.yaml", "--no-paginate")
    assert code == 0, output
    assert cli("check", "plans/plan.docx", "--profile", "looks/province.yaml") == (0, "plans/plan.docx：未发现问题\n")
    # a plan's own 版式: is found from the plan's folder
    (tmp_path / "plans" / "plan.yaml").write_text(PLAN + "版式: ../looks/province.yaml\n", encoding="utf-8")
    code, output = cli("render", "plans/plan.yaml", "--no-paginate", "--allow-outside")
    assert code == 0, output


# -- seeing a profile -----------------------------------------------------------------------------


def test_profile_show_prints_the_merged_profile(tmp_path):
    code, output = cli("profile", "show", str(local(tmp_path, PROVINCE)))
    assert code == 0, output
    shown = YAML(typ="safe").load(output)
    assert shown["name"] == "某省版式" and shown["mark"]["size_pt"] == 30 and shown["colours"]["mark"] == "C00000"
    assert shown["page"]["top_mm"] == 37 and "extends" not in shown        # what it extends, merged in
    shown_again = load_profile(local(tmp_path, output, "again.yaml"))
    assert shown_again.model_dump() == load_profile(tmp_path / "local.yaml").model_dump()
    assert cli("profile", "show", "gb9704-2021")[0] == 1


def test_profile_list_names_the_bundled_profiles():
    code, output = cli("profile", "list")
    assert code == 0 and output.split("\n")[0].split()[0] == "gb9704-2012" and "party-legacy" in output


def test_the_profile_schema_takes_every_bundled_profile_and_refuses_a_stray_key(tmp_path):
    code, output = cli("schema", "profile")
    assert code == 0
    validator = Draft202012Validator(json.loads(output))
    for path in sorted((ROOT / "styles").glob("*.yaml")):
        assert not list(validator.iter_errors(YAML(typ="safe").load(path.read_text(encoding="utf-8")))), path
    assert not list(validator.iter_errors(YAML(typ="safe").load(PROVINCE)))
    stray = YAML(typ="safe").load(PROVINCE.replace("  size_pt: 30", "  sise_pt: 30"))
    assert [e.message for e in validator.iter_errors(stray)]
    assert list(validator.iter_errors({"name": "x", "description": "no extends, so every section"}))
    assert profile_schema()["properties"]["extends"]["type"] == "string"


# -- the profile a document was made with -------------------------------------------------------


def test_a_document_records_its_profile_and_check_judges_by_it(tmp_path):
    # check judged a document by the default profile unless told: a 16 pt page number was a finding
    profile = local(tmp_path, PROVINCE)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    assert cli("render", str(tmp_path / "plan.yaml"), "--profile", str(profile), "--no-paginate")[0] == 0
    document = tmp_path / "plan.docx"
    assert b"gongwen-profile" in Docx(document).parts["docProps/custom.xml"]
    assert cli("check", str(document))[0] == 0
    code, output = cli("check", str(document), "--profile", "gb9704-2012")
    assert code == 3 and "size.role" in output and "16 pt" in output, output
    # the profile file gone: judged by the default, and said so
    profile.unlink()
    code, output = cli("check", str(document), "--json")
    report = json.loads(output[output.index("{"):])
    assert code == 3 and "某省版式" in report["documents"][0]["warnings"][0]


def test_a_bundled_profile_is_recorded_by_name(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN + "版式: party-legacy\n", encoding="utf-8")
    assert cli("render", str(tmp_path / "plan.yaml"), "--no-paginate")[0] == 0
    from gongwen.compose.properties import recorded_profile
    from gongwen.review.reading import open_package

    assert recorded_profile(open_package(tmp_path / "plan.docx")) == ("party-legacy", None)


# -- the checks a unit's profile adds -----------------------------------------------------------


def test_a_fixed_mark_size_is_checked(tmp_path):
    # check had no mark-size rule: a 36 pt mark passed a profile that prescribes 30
    from test_checks import PT, line, page

    from gongwen.printing.measure import Rule
    from gongwen.printing.page_checks import mark_position

    province = load_profile(local(tmp_path, PROVINCE))

    def mark_page(size: float, colour: str = "C00000") -> list:
        text = "三门峡市民政局文件"
        mark = line(text, 106 - len(text) * size * PT / 2, 72 + 0.8 * size * PT, size=size, face="FandolSong-Bold",
                    colour=colour)
        return [page(1, [mark], (Rule(28, 184, 114, 0.53, colour),))]

    assert [f.id for f in mark_position(mark_page(30), province)] == []
    wrong = mark_position(mark_page(36), province)
    assert [f.id for f in wrong] == ["mark.size"] and (wrong[0].expected, wrong[0].measured) == ("30 pt", "36 pt")
    # without a fixed size only a mark above the largest the profile allows is a finding
    assert [f.id for f in mark_position(mark_page(30, "FF0000"), load_profile())] == []
    assert [f.id for f in mark_position(mark_page(44, "FF0000"), load_profile())][:1] == ["mark.size"]


def test_the_page_number_face_is_checked():
    # check did not look at the page number's face: one in 仿宋 passed
    from test_checks import line, number_line, page

    from gongwen.printing.measure import Line
    from gongwen.printing.page_checks import page_numbers

    song = [page(1, [line("党", 28, 50)])]
    assert page_numbers(song, load_profile()) == []
    fang = Line.of([c._replace(face="FandolFang-Regular") for c in number_line(1).chars])
    found = page_numbers([page(1, [line("党", 28, 50), fang], numbered=False)], load_profile())
    assert [f.id for f in found] == ["page-number.face"] and "FandolFang" in found[0].measured


def test_a_provinces_look_prints_as_its_profile_says(tmp_path):
    # measured on the page LibreOffice prints: the mark at the fixed size in its colour, the rule
    # in its colour, and no finding when judged by the same profile
    import gongwen
    from gongwen.printing.paginate import Job, paginate

    province = load_profile(local(tmp_path, PROVINCE))
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    job = Job(gongwen.load_plan(tmp_path / "plan.yaml"), "plan", province, base_dir=tmp_path)
    [result] = paginate([job], tmp_path)
    assert result.findings == []
    first = result.pages[0]
    mark = [line for line in first.lines if line.size_pt > 23]       # larger than the title
    assert {round(line.size_pt, 1) for line in mark} == {30.0} and {line.colour for line in mark} == {"C00000"}
    assert [r.colour for r in first.rules if r.length > 150] == ["C00000"]
    numbers = [line for line in first.lines if line.text.startswith("—")]
    assert numbers and {round(c.size_pt) for c in numbers[0].chars} == {16}


# -- a unit's template ------------------------------------------------------------------------------


def unit_template(tmp_path: Path, header: str = "", *, edits: bool = False) -> Path:
    """The bundled template as a unit's IT person edits it in Word."""
    import docx
    from docx.shared import Mm, Pt, RGBColor

    from gongwen.compose.template import template_path

    document = docx.Document(str(template_path("notice")))
    if edits:
        document.styles["正文"].font.size = Pt(15)
        document.styles["公文标题"].font.color.rgb = RGBColor(0, 0, 0x80)
        document.sections[0].left_margin = Mm(30)
        document.sections[0].top_margin = Mm(40)
    document.sections[0].header.paragraphs[0].text = header
    document.save(tmp_path / "unit.docx")
    return tmp_path / "unit.docx"


def test_unit_values_and_the_plans_chinese_names_fill_tags(tmp_path):
    # {{ 单位口号 }} became an empty string: the plan could not give it and the profile had no place
    import docx

    template = unit_template(tmp_path, "{{ 单位口号 }}｜{{ 标题 }}｜{{ 发文字号 }}")
    profile = local(tmp_path, "extends: gb9704-2012\nname: 某局\ndescription: x\n单位:\n  单位口号: 为人民服务\n")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, output = cli("render", str(tmp_path / "plan.yaml"), "--template", str(template), "--profile", str(profile),
                       "--no-paginate")
    assert code == 0, output
    header = docx.Document(str(tmp_path / "plan.docx")).sections[0].header.paragraphs[0].text
    assert header == "为人民服务｜三门峡市民政局关于做好年报工作的通知｜三民〔2026〕3号"


def test_a_tag_nothing_fills_is_an_error_naming_the_tag_and_the_part(tmp_path):
    template = unit_template(tmp_path, "{{ 单位口号 }}")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, output = cli("render", str(tmp_path / "plan.yaml"), "--template", str(template), "--no-paginate")
    assert code == 1 and "{{ 单位口号 }}" in output and "word/header" in output and "unit.docx" in output, output
    assert not (tmp_path / "plan.docx").exists()


def test_what_the_profile_replaces_in_a_template_is_said_once(tmp_path):
    # the body's 15 pt, the title's colour and the margins 30/40 mm came back unset, without a word
    template = unit_template(tmp_path, edits=True)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["render", str(tmp_path / "plan.yaml"), "--template", str(template),
                                             "--no-paginate"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if line.startswith("警告")]
    assert any("样式“正文”的字号 15 pt 被版式的 16 pt 覆盖" in line for line in said), said
    assert any("样式“公文标题”的颜色 000080 被版式的 000000 覆盖" in line for line in said), said
    assert any("左边距 30 mm 被版式的 28 mm 覆盖" in line for line in said), said
    assert any("上边距 40 mm 被版式的 37 mm 覆盖" in line for line in said), said
    assert len(said) == len(set(said)) == 4, said
    # the bundled template is the profile's own: nothing to say
    plain = CliRunner().invoke(make_cli(), ["render", str(tmp_path / "plan.yaml"), "--no-paginate"]).output
    assert "警告" not in plain


# -- a unit's artwork in headers and footers ------------------------------------------------------

EMBLEM_ON_PAGE_1 = """\
extends: party-legacy
name: 县委
description: 县委红头，首页页眉印县徽
header_footer:
  artwork:
    - name: 县徽
      pages: first
      left_mm: 28
      top_mm: 5
      width_mm: 156
      height_mm: 32
"""

EMBLEM_ON_EVERY_PAGE = EMBLEM_ON_PAGE_1.replace("extends: party-legacy", "extends: gb9704-2012").replace(
    "pages: first", "pages: every")


def artwork_template(folder: Path, name: str, *, first_logo_mm: float = 0, logo_mm: float = 0,
                     slogan: bool = False) -> Path:
    """The bundled template with a unit's artwork, as Word writes it: an emblem in the header of
    page 1 only ("different first page") or of every page, a slogan line under the page number."""
    import docx
    from docx.shared import Mm, Pt
    from PIL import Image, ImageDraw

    from gongwen.compose.template import template_path

    emblem = folder / "emblem.png"
    if not emblem.exists():
        picture = Image.new("RGB", (300, 300), "white")
        ImageDraw.Draw(picture).ellipse((15, 15, 285, 285), outline="red", width=24)
        picture.save(emblem)
    document = docx.Document(str(template_path("notice")))
    section = document.sections[0]
    if first_logo_mm:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].add_run().add_picture(str(emblem), height=Mm(first_logo_mm))
    if logo_mm:
        for header in (section.header, section.even_page_header):
            header.paragraphs[0].add_run().add_picture(str(emblem), height=Mm(logo_mm))
    for footer in (section.footer, section.even_page_footer) if slogan else ():
        line = footer.add_paragraph("为人民服务　三门峡市民政局")
        line.alignment = 1
        line.runs[0].font.size = Pt(9)
    document.save(folder / name)
    return folder / name


def banner_brief(folder: Path) -> Path:
    """The bundled 简报 with its 报头 as a unit's banner picture (wide, red) instead of the text."""
    from conftest import FIXTURES
    from PIL import Image, ImageDraw

    banner = Image.new("RGB", (1560, 300), "white")
    draw = ImageDraw.Draw(banner)
    draw.rectangle((0, 0, 1559, 299), outline=(200, 0, 0), width=12)
    draw.rectangle((60, 90, 1500, 210), fill=(200, 0, 0))
    banner.save(folder / "banner.png")
    text = (FIXTURES / "brief.yaml").read_text(encoding="utf-8")
    plan = "\n".join("报头图片: banner.png" if line.startswith("报头:") else line for line in text.splitlines())
    (folder / "banner.yaml").write_text(plan + "\n", encoding="utf-8")
    return folder / "banner.yaml"


@pytest.fixture(scope="module")
def artwork(tmp_path_factory):
    """Seed 000 and a one-page notice under a unit's artwork, laid out in one batch."""
    from conftest import FIXTURES

    import gongwen
    from gongwen.printing.paginate import Job, paginate

    folder = tmp_path_factory.mktemp("artwork")
    (folder / "plan.yaml").write_text(PLAN, encoding="utf-8")
    seed = gongwen.load_plan(FIXTURES / "seeds" / "000.yaml")
    one_page = gongwen.load_plan(folder / "plan.yaml")
    on_page_1 = load_profile(local(folder, EMBLEM_ON_PAGE_1, "county.yaml"))
    on_every = load_profile(local(folder, EMBLEM_ON_EVERY_PAGE, "every.yaml"))
    jobs = [Job(seed, "first", on_page_1, artwork_template(folder, "first.docx", first_logo_mm=15),
                FIXTURES / "seeds"),
            Job(seed, "slogan", None, artwork_template(folder, "slogan.docx", slogan=True), FIXTURES / "seeds"),
            Job(one_page, "one-page", None, folder / "slogan.docx", folder),
            Job(one_page, "tall", on_every, artwork_template(folder, "tall.docx", logo_mm=30), folder),
            Job(gongwen.load_plan(banner_brief(folder)), "banner", None, None, folder)]
    return {result.job.name: result for result in paginate(jobs, folder, raise_errors=False)}


def numbers(page) -> list:
    return [line for line in page.lines if line.text.replace(" ", "").startswith("—")]


def test_a_logo_on_page_1_only_keeps_the_page_numbers_and_stays_off_the_banji_page(artwork):
    # page 1 lost its number; the 版记 section printed the logo again, its number on the wrong
    # side (163.51 mm) and its last rule at 264.48 mm
    result = artwork["first"]
    assert result.error is None and result.findings == [], result.findings
    first, last = result.pages[0], result.pages[-1]
    assert first.images and [line.text.replace(" ", "") for line in numbers(first)] == ["—1—"]
    assert not any(page.images for page in result.pages[1:])
    assert last.number % 2 == 0 and all(line.x0 < 40 for line in numbers(last))
    assert abs(max(rule.y for rule in last.rules) - 261.8) < 1.0


def test_a_slogan_under_the_page_number_is_absorbed_not_lost(artwork):
    # seed 000 refused to render with six false text.lost (a taller footer left 21 lines a page),
    # and a one-page notice got a false page-number.missing
    for name in ("slogan", "one-page"):
        result = artwork[name]
        assert result.error is None and result.findings == [], (name, result.error, result.findings)
        for page in result.pages:
            assert "为人民服务" in page.text.replace(" ", ""), (name, page.number)
        # the dash of every page number 7 mm under the 版心, as without the slogan
        for page in result.pages:
            for line in numbers(page):
                assert abs((line.chars[0].top + line.chars[0].bottom) / 2 - 268.96) < 1.0, (name, page.number)


def test_a_header_logo_taller_than_its_space_is_absorbed_or_refused(artwork, tmp_path):
    # a taller header pushed the mark to 76.82 mm; a header logo was always 图片超出版心
    result = artwork["tall"]
    assert result.error is None and result.findings == [], result.findings
    mark = [line for line in result.pages[0].lines if line.colour == "FF0000" and line.size_pt > 23]
    assert abs(min(line.top for line in mark) - 72.0) < 1.0
    assert result.pages[0].images
    import gongwen

    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    with pytest.raises(gongwen.TemplateError, match="34.0 mm") as caught:
        gongwen.render(gongwen.load_plan(tmp_path / "plan.yaml"),
                       template=artwork_template(tmp_path, "taller.docx", logo_mm=34))
    assert "taller.docx" in str(caught.value)


def test_a_header_picture_outside_the_declared_artwork_is_still_a_finding(artwork, tmp_path):
    from gongwen.printing.checks import run_checks

    pages = artwork["tall"].pages
    assert "page.text-area" in {f.id for f in run_checks(pages, load_profile())}
    moved = EMBLEM_ON_EVERY_PAGE.replace("left_mm: 28", "left_mm: 100")
    assert "page.text-area" in {f.id for f in run_checks(pages, load_profile(local(tmp_path, moved)))}


def test_template_init_writes_a_starting_pair_that_renders_and_checks_clean(tmp_path, monkeypatch):
    import docx

    monkeypatch.chdir(tmp_path)
    code, output = cli("template", "init", "unit")
    assert code == 0 and "unit/template.docx" in output and "unit/profile.yaml" in output, output
    profile = load_profile(tmp_path / "unit" / "profile.yaml")
    assert profile.template_file == tmp_path / "unit" / "template.docx" and profile.unit.values["单位口号"]
    # the unit's IT person puts its slogan into the header, as the profile's comments say
    template = docx.Document(str(tmp_path / "unit" / "template.docx"))
    template.sections[0].header.paragraphs[0].text = "{{ 单位口号 }}"
    template.save(tmp_path / "unit" / "template.docx")
    (tmp_path / "plan.yaml").write_text(PLAN + "版式: unit/profile.yaml\n", encoding="utf-8")
    code, output = cli("render", "plan.yaml", "--no-paginate")
    assert code == 0 and "警告" not in output, output
    made = docx.Document(str(tmp_path / "plan.docx"))
    assert made.sections[0].header.paragraphs[0].text == "为人民服务"
    assert "生成公文时" not in "".join(p.text for p in made.paragraphs)    # the guide is not a document's text
    assert cli("check", "plan.docx") == (0, "plan.docx：未发现问题\n")
    # never over what is there, unless told
    before = (tmp_path / "unit" / "profile.yaml").read_bytes()
    (tmp_path / "unit" / "profile.yaml").write_text(before.decode() + "# mine\n", encoding="utf-8")
    code, output = cli("template", "init", "unit")
    assert code == 1 and "--force" in output and (tmp_path / "unit" / "profile.yaml").read_text().endswith("# mine\n")
    assert cli("template", "init", "unit", "--force")[0] == 0
    assert (tmp_path / "unit" / "profile.yaml").read_bytes() == before


def test_a_brief_masthead_as_a_picture(artwork):
    # the 报头 text was required and only the seal could be a picture
    result = artwork["banner"]
    assert result.error is None and result.findings == [], (result.error, result.findings)
    first = result.pages[0]
    [banner] = first.images
    assert abs(banner.x0 - 28) < 0.5 and abs(banner.x1 - 184) < 0.5              # as wide as the 版心
    assert abs((banner.bottom - banner.top) - 156 * 300 / 1560) < 0.5           # in its proportions
    issue = next(line for line in first.lines if "期" in line.text)
    rule = next(rule for rule in first.rules if rule.colour == "FF0000")
    assert banner.bottom < issue.top < rule.y and abs(rule.length - 156) < 0.5
    assert "报头" not in first.text and result.document.core_properties.title == "简报"


@pytest.mark.parametrize(("change", "fragment"), [
    (lambda text: text.replace("报头图片: banner.png", "报头图片: gone.png"), "gone.png"),
    (lambda text: text.replace("报头图片: banner.png\n", ""), "报头"),
    (lambda text: PLAN + "报头图片: banner.png\n", "报头图片"),              # a notice has no 报头
])
def test_a_masthead_picture_that_cannot_be_is_refused(tmp_path, change, fragment):
    path = banner_brief(tmp_path)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = cli("render", str(path), "--no-paginate")
    assert code == 1 and "banner.yaml:" in output and fragment in output, output


def test_the_recorded_profile_survives_an_edit_in_another_office(tmp_path):
    # a clerk opens the document in LibreOffice (as in WPS or Word) and saves it again as .docx
    import subprocess

    from gongwen.compose.properties import recorded_profile
    from gongwen.fonts import environment
    from gongwen.printing.converter import soffice
    from gongwen.review.reading import open_package

    profile = local(tmp_path, PROVINCE)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    assert cli("render", str(tmp_path / "plan.yaml"), "--profile", str(profile), "--no-paginate")[0] == 0
    subprocess.run([str(soffice()), f"-env:UserInstallation=file://{tmp_path / 'office'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"),
                    str(tmp_path / "plan.docx")], check=True, capture_output=True, env=environment(), timeout=120)
    saved = tmp_path / "saved" / "plan.docx"
    assert recorded_profile(open_package(saved)) == ("某省版式", f"{tmp_path.name}/local.yaml")
    assert cli("check", str(saved))[0] == 0                        # its folder/name found above the copy
    assert cli("check", str(saved), "--profile", "gb9704-2012")[0] == 3


@pytest.mark.parametrize(("line", "named"), [("extends: ../elsewhere.yaml", "elsewhere.yaml"),
                                             ("template: ../elsewhere.docx", "elsewhere.docx")])
def test_a_plans_profile_reads_nothing_outside_the_plans_folder(tmp_path, line, named):
    # a plan (as the server receives one) names a profile that names a file beyond its folder
    (tmp_path / "elsewhere.yaml").write_text("extends: gb9704-2012\nname: e\ndescription: e\n", encoding="utf-8")
    unit_template(tmp_path).rename(tmp_path / "elsewhere.docx")
    (tmp_path / "plans").mkdir()
    base = "extends: gb9704-2012\n" if line.startswith("template") else ""
    local(tmp_path / "plans", f"name: x\ndescription: x\n{line}\n{base}")
    (tmp_path / "plans" / "plan.yaml").write_text(PLAN + "版式: local.yaml\n", encoding="utf-8")
    code, output = cli("render", str(tmp_path / "plans" / "plan.yaml"), "--no-paginate")
    assert code == 1 and named in output and "--allow-outside" in output, output
    code, output = cli("render", str(tmp_path / "plans" / "plan.yaml"), "--no-paginate", "--allow-outside")
    assert code == 0, output
