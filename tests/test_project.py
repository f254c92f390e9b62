"""Things that keep the project honest: generated files up to date, the wheel complete,
output deterministic, the CLI's other commands."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner
from conftest import ALL_FIXTURES, CASES, FIXTURES, ROOT, TRUST

import gongwen
from gongwen.cli import make_cli, starter_path
from gongwen.compose.template_build import build
from gongwen.plan import kinds

LOCALE = ROOT / "gongwen" / "locale" / "zh_CN" / "LC_MESSAGES"


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_committed_template_is_built_from_the_default_profile(tmp_path):
    fresh = gongwen.save(build(), tmp_path / "document.docx").read_bytes()
    committed = (ROOT / "templates" / "document.docx").read_bytes()
    assert _parts(fresh) == _parts(committed), "run: python -m gongwen.compose.template_build"


def test_catalog_is_complete_and_compiled():
    with (LOCALE / "gongwen.po").open("rb") as handle:
        po = read_po(handle)
    with (LOCALE / "gongwen.mo").open("rb") as handle:
        mo = read_mo(handle)
    untranslated = [m.id for m in po if m.id and not m.string]
    assert not untranslated, "translate, then run scripts/i18n.sh"
    assert {m.id: m.string for m in po if m.id} == {m.id: m.string for m in mo if m.id}, "run scripts/i18n.sh"


def test_same_plan_gives_the_same_bytes(tmp_path):
    plan = gongwen.load_plan(FIXTURES / "request.yaml")
    first = gongwen.save(gongwen.render(plan), tmp_path / "a.docx").read_bytes()
    second = gongwen.save(gongwen.render(plan), tmp_path / "b.docx").read_bytes()
    assert first == second


def test_wheel_ships_every_module_and_data_file_without_a_build_warning(tmp_path):
    # the build printed pages of setuptools warnings (a license table, "Package would be ignored")
    import tomllib

    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "BuildBackendWarning" not in done.stdout + done.stderr
    wheel = next(tmp_path.glob("gongwen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("gongwen/templates/document.docx", "gongwen/styles/gb9704-2012.yaml",
                   "gongwen/styles/party-legacy.yaml", "gongwen/locale/zh_CN/LC_MESSAGES/gongwen.mo",
                   "gongwen/fontconfig/fonts.conf", "gongwen/starters/notice.yaml", "gongwen/py.typed"):
        assert needed in names, needed
    sources = {"gongwen/" + str(path.relative_to(ROOT / "gongwen")) for path in (ROOT / "gongwen").rglob("*.py")}
    assert sources - names == set()
    # every folder of the package is listed, so a new one cannot be left out of the wheel
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(("gongwen", *path.relative_to(ROOT / "gongwen").parts)).rstrip(".")
               for path in [ROOT / "gongwen", *(ROOT / "gongwen").rglob("*")]
               if path.is_dir() and path.name != "__pycache__"}
    assert listed == folders | {"gongwen.templates", "gongwen.styles"}


def test_cli_renders_several_plans_into_one_folder(tmp_path):
    plans = [str(FIXTURES / "request.yaml"), str(FIXTURES / "one-page.yaml")]
    result = CliRunner().invoke(make_cli(), ["render", *plans, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one-page.docx", "request.docx"]


def test_cli_batch_goes_on_after_a_bad_plan_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("标题: [", encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["render", str(bad), str(FIXTURES / "request.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "request.docx").is_file() and not (tmp_path / "bad.docx").exists()


def test_cli_profile_option_overrides_the_plan(tmp_path):
    result = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "notice-2012.yaml"), "-o", str(tmp_path),
                                             "--profile", "party-legacy"])
    assert result.exit_code == 0, result.output
    assert "★".encode() in _parts((tmp_path / "notice-2012.docx").read_bytes())["word/document.xml"]


@pytest.mark.parametrize("name", kinds.names())
def test_cli_new_prints_each_kinds_own_starter(tmp_path, name):
    result = CliRunner().invoke(make_cli(), ["new", name])
    assert result.exit_code == 0, result.output
    plan = tmp_path / "starter.yaml"
    plan.write_text(result.output, encoding="utf-8")
    assert gongwen.load_plan(plan).kind == kinds.get(name).name   # 报告 is a report, not a 请示


def test_every_starter_fixture_and_case_validates_against_the_schema():
    from jsonschema import Draft202012Validator

    from gongwen.plan.source import parse_yaml

    validator = Draft202012Validator(json.loads(CliRunner().invoke(make_cli(), ["schema"]).output))
    plans = [starter_path(kind) for kind in kinds.KINDS] + ALL_FIXTURES + CASES + TRUST
    for path in plans:
        data, _positions = parse_yaml(path.read_text(encoding="utf-8"), path)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], (path.name, errors[:3])


def test_cli_schema_offers_chinese_keys():
    result = CliRunner().invoke(make_cli(), ["schema"])
    schema = json.loads(result.output)
    assert {"标题", "title", "文号", "doc_number", "主送"} <= set(schema["properties"])


def test_every_title_and_description_of_the_schemas_is_chinese():
    # an editor showed “New Page”, “What the drafter writes: one official document.”
    import re

    from gongwen.plan.schema import campaign_schema, plan_schema

    def texts(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    yield value
                else:
                    yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)

    said = [t for schema in (plan_schema(), campaign_schema()) for t in texts(schema)]
    assert len(said) > 150
    assert [t for t in said if not re.search("[\u4e00-\u9fff]", t)] == []


def test_cli_version_and_english_help(monkeypatch):
    from importlib.metadata import version

    assert CliRunner().invoke(make_cli(), ["--version"]).output.strip() == f"gongwen {version('gongwen')}"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "Render plan files to .docx" in CliRunner().invoke(make_cli(), ["--help"]).output


def test_cli_usage_error_exits_2_in_the_users_language(monkeypatch):
    result = CliRunner().invoke(make_cli(), ["render"])
    assert result.exit_code == 2 and "用法：" in result.output and "缺少参数" in result.output, result.output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(make_cli(), ["render"])
    assert "Usage:" in result.output and "Missing argument" in result.output


def test_render_pdf_writes_both_files_and_doctor_finds_the_faces(tmp_path):
    from gongwen.cli import make_cli

    result = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "one-page.yaml"), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "one-page.docx").is_file()
    assert (tmp_path / "one-page.pdf").read_bytes()[:5] == b"%PDF-"
    doctor = CliRunner().invoke(make_cli(), ["doctor"])
    assert doctor.exit_code == 0, doctor.output
    assert "仿宋_GB2312 → FandolFang" in doctor.output and "LibreOffice: " in doctor.output


def test_no_paginate_pdf_converts_once_and_still_draws_the_scan(tmp_path):
    from gongwen.cli import make_cli
    from gongwen.printing.measure import measure

    result = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "report.yaml"), "-o", str(tmp_path),
                                             "--pdf", "--no-paginate"])
    assert result.exit_code == 0, result.output
    assert "did not settle" not in result.output and "分页未能稳定" not in result.output
    assert [p.number for p in measure(tmp_path / "report.pdf") if p.images] == [4, 5]


def test_render_without_libreoffice_says_pagination_was_skipped(tmp_path, monkeypatch):
    from gongwen.cli import make_cli
    from gongwen.printing import converter as pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "one-page.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert "LibreOffice" in result.output and "版记" in result.output
    assert (tmp_path / "one-page.docx").is_file()
    with_pdf = CliRunner().invoke(make_cli(), ["render", str(FIXTURES / "one-page.yaml"), "-o", str(tmp_path), "--pdf"])
    assert with_pdf.exit_code == 1 and not (tmp_path / "one-page.pdf").exists()


def test_convert_reports_a_document_libreoffice_cannot_write(tmp_path):
    from gongwen import ConvertError
    from gongwen.printing.converter import convert

    with pytest.raises(ConvertError, match="not-there.docx"):
        convert([tmp_path / "not-there.docx"])
    # a zip LibreOffice cannot load: soffice prints an error, exits 0 and writes nothing
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<<<")
    with pytest.raises(ConvertError) as caught:
        convert([broken], tmp_path / "out")
    assert caught.value.location.file == broken and not (tmp_path / "out" / "broken.pdf").exists()


def test_the_public_names_are_the_functions_even_after_their_modules_are_imported():
    import subprocess
    import sys

    code = ("import gongwen.compose.render, gongwen.printing.measure, gongwen.printing.paginate, gongwen\n"
            "assert all(callable(f) and not isinstance(f, type(gongwen)) for f in "
            "(gongwen.render, gongwen.measure, gongwen.paginate, gongwen.load_plan, gongwen.save))\n"
            "assert sorted(gongwen.__all__) == sorted(n for n in dir(gongwen))\n")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stderr == ""


def test_writing_a_docx_imports_nothing_of_pdf_measuring_or_libreoffice():
    import subprocess
    import sys

    code = ("import sys\nfrom gongwen.cli import main\nsys.argv = ['gongwen', 'new', 'notice']\n"
            "import gongwen.plan.load, gongwen.compose.render\n"
            "print(sorted(m for m in ('gongwen.printing.paginate', 'gongwen.printing.measure', 'gongwen.printing.converter', 'gongwen.printing.checks', "
            "'pypdfium2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_no_module_is_longer_than_a_reader_can_hold():
    # the restructure's promise (ARCHITECTURE.md): modules of one purpose, a few hundred lines each
    lengths = {str(path): len(path.read_text(encoding="utf-8").splitlines())
               for path in (ROOT / "gongwen").rglob("*.py")}
    assert len(lengths) > 60
    assert {path: n for path, n in lengths.items() if n > 400} == {}


def test_a_kind_module_only_lays_out_and_each_registered_kind_has_one():
    # the plan's rules for a kind live in the registry, its layout in compose/kinds (no import of
    # the composer when a plan is loaded)
    from gongwen.compose import kinds as layouts

    modules = {path.stem for path in (ROOT / "gongwen" / "compose" / "kinds").glob("*.py")} - {"__init__"}
    assert modules == set(kinds.KINDS)
    for name in kinds.KINDS:
        module = layouts.module(name)
        assert callable(module.write)
        assert not {"REQUIRED", "OWN", "REFUSED", "check"} & set(vars(module))
    code = ("import sys, gongwen\n"
            f"gongwen.load_plan({str(FIXTURES / 'brief.yaml')!r})\n"
            "print(sorted(m for m in sys.modules if m.startswith(('gongwen.compose', 'gongwen.printing'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_every_public_function_is_typed():
    # py.typed promises types: each parameter and return of the public API is annotated
    import inspect

    import gongwen

    functions = [getattr(gongwen, name) for name in gongwen.__all__ if inspect.isfunction(getattr(gongwen, name))]
    untyped = [f"{f.__name__}({name})" for f in functions for name, p in inspect.signature(f).parameters.items()
               if p.annotation is inspect.Parameter.empty]
    untyped += [f"{f.__name__} → ?" for f in functions if inspect.signature(f).return_annotation is inspect.Signature.empty]
    assert len(functions) >= 8 and untyped == []
