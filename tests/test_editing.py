"""A rendered document edited in Word keeps its layout: the pagination's decisions are properties
that re-flow (a keep-with-next chain from the last body lines to the date, a 版记 section that
starts on an even page), not hard breaks placed for one text.  A clerk adds six paragraphs or
removes three; the document is converted again and the checks find nothing."""
from __future__ import annotations

import copy

import pytest
from docx import Document

from gongwen.compose.frame import for_libreoffice
from gongwen.compose.render import save
from gongwen.printing.checks import run_checks
from gongwen.printing.converter import convert
from gongwen.printing.measure import measure

EDITED = ["notice-2012", "000", "one-page", "signature-alone", "even-page-full"]


@pytest.fixture(scope="module")
def edited(paginated, tmp_path_factory):
    folder = tmp_path_factory.mktemp("edited")
    documents = []
    for name in EDITED:
        source = folder / f"{name}.docx"
        save(paginated[name].document, source)
        for edit in ("add", "remove"):
            document = Document(source)
            body = [p for p in document.paragraphs if p.style.style_id == "GwBody" and len(p.text) > 20]
            if edit == "add":
                for _ in range(6):
                    body[1]._p.addnext(copy.deepcopy(body[1]._p))
            else:
                for paragraph in body[1:4]:
                    paragraph._p.getparent().remove(paragraph._p)
            target = folder / f"{name}-{edit}.docx"
            # converted as gongwen converts its own documents (LibreOffice's punctuation reading)
            with for_libreoffice(document, paginated[name].job.resolved_profile()):
                document.save(target)
            documents.append(target)
    return {pdf.stem: measure(pdf) for pdf in convert(documents)}


@pytest.mark.parametrize("edit", ["add", "remove"])
@pytest.mark.parametrize("name", EDITED)
def test_edited_document_keeps_the_standard(paginated, edited, name, edit):
    pages = edited[f"{name}-{edit}"]
    original = paginated[name].pages
    lines = sum(len(page.lines) for page in pages) - sum(len(page.lines) for page in original)
    assert lines > 0 if edit == "add" else lines < 0   # the edit really moved text
    assert [str(f) for f in run_checks(pages, paginated[name].job.resolved_profile())] == []
    # the 版记 is still on the last page, and that page is even
    assert pages[-1].number % 2 == 0
    assert any("印发" in line.text for line in pages[-1].lines)
