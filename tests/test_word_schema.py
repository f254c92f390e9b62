"""Every .docx gongwen writes validates against the Office Open XML schema (Office 2016), by an
independent validator (openxml-audit): what Word refuses to open or "repairs" is caught here,
not by a clerk.  Paginated documents of every fixture, case, trust plan, starter and campaign
document, the plain renders, and what ``check --fix`` writes."""
from __future__ import annotations

import zipfile

import pytest
from clerk import clerk_document
from click.testing import CliRunner
from openxml_audit import FileFormat, OpenXmlValidator

from gongwen.cli import make_cli
from gongwen.compose.render import save

VALIDATOR = OpenXmlValidator(file_format=FileFormat.OFFICE_2016)


def schema_errors(path) -> list[str]:
    return [str(error) for error in VALIDATOR.validate(path).errors]


def test_the_validator_finds_a_broken_document(rendered, tmp_path):
    # the guard cannot pass by validating nothing: an unknown element in a paragraph is an error
    source = rendered["one-page"].path
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(broken, "w") as out:
        for name in package.namelist():
            data = package.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:pPr>", b"<w:pPr><w:bogus/>", 1)
            out.writestr(name, data)
    assert schema_errors(source) == []
    assert any("bogus" in error for error in schema_errors(broken))


def test_every_paginated_document_is_valid_word(paginated, tmp_path):
    # 14 fixtures and seeds, the cases, the trust plans, every kind's starter, the campaign's documents
    assert len(paginated) >= 35
    found = {}
    for name, result in paginated.items():
        target = save(result.document, tmp_path / f"{name}.docx")
        if errors := schema_errors(target):
            found[name] = errors[:5]
    assert found == {}


def test_every_plain_render_is_valid_word(rendered):
    assert {name: schema_errors(doc.path)[:5] for name, doc in rendered.items() if schema_errors(doc.path)} == {}


@pytest.mark.parametrize("fault", [{"number": "三民[2026]3号", "date": "2026年02月05日"},
                                   {"to": "各县（市、区）民政局", "cc": "抄送：市委组织部", "footer": ("-", "-")}])
def test_what_check_fix_writes_is_valid_word(tmp_path, fault):
    source, fixed = tmp_path / "faulty.docx", tmp_path / "fixed.docx"
    clerk_document(source, **fault)
    result = CliRunner().invoke(make_cli(), ["check", str(source), "--fix", "-o", str(fixed)])
    assert result.exit_code in (0, 3), result.output
    assert fixed.is_file() and schema_errors(fixed) == []
