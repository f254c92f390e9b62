"""gongwen import as the oracle of itself: every fixture and seed, rendered and paginated, is
imported from its .docx; the plan found has the original's texts field by field, and rendered
again it prints the same document text on the same measured pages."""
from __future__ import annotations

import zipfile
from collections import Counter

import pytest
from conftest import ALL_FIXTURES, FIXTURES

import gongwen
from gongwen.drafts import import_draft
from gongwen.plan import body as B
from gongwen.printing.paginate import Job, paginate

NAMES = [p.stem for p in ALL_FIXTURES]


def _blocks(blocks) -> list:
    return [("table", b.rows) if isinstance(b, B.Table) else b for b in blocks]


def texts(plan: gongwen.Plan) -> dict:
    """A plan's texts, field by field, as they print: the body as its blocks (the phases a plan
    puts into them included), a title as its words, an 出处 as its printed line."""
    out = {}
    for name in type(plan).model_fields:
        value = getattr(plan, name)
        if name in ("body", "phases"):
            continue
        if name == "profile":
            value = value or "gb9704-2012"
        elif name == "title":
            value = plan.title_text
        elif name == "attachments":
            value = [(a.title, _blocks(a.blocks) + ([("table", a.rows)] if a.rows else []), a.landscape)
                     for a in value]
        elif name == "signature":
            value = value and (plan.signature_names, value.date, value.date_style, value.seal is not None)
        elif name == "articles":
            value = [(a.title_text, _blocks(a.blocks), a.source_line, a.new_page) for a in value]
        elif name == "issued":
            value = value and (value.title_text, value.date_line, _blocks(value.blocks))
        out[name] = value
    out["blocks"] = _blocks(plan.blocks)
    return out


def document_text(document) -> str:
    return "".join(t.text or "" for t in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def pages_of(result) -> list:
    return [(page.number, [(line.text, round(line.x0, 1), round(line.top, 1)) for line in page.lines], page.scan)
            for page in result.pages]


@pytest.fixture(scope="module")
def round_trip(paginated, tmp_path_factory):
    """name → (original plan, imported plan, leftovers, first result, result of the import):
    the imported plans paginated in one batch."""
    folder = tmp_path_factory.mktemp("imported")
    found, jobs = {}, []
    for path in ALL_FIXTURES:
        first = paginated[path.stem]
        draft = folder / path.stem / "draft.docx"
        draft.parent.mkdir()
        gongwen.save(first.document, draft)
        plan, leftovers = import_draft(draft, folder=draft.parent)
        original = first.job.plan
        scans = {a.title: a.pdf for a in original.attachments if a.pdf}
        if scans:   # a scan is not in the .docx: the leftover asks the drafter for it, as here
            plan = plan.model_copy(update={"attachments": [a.model_copy(update={"pdf": scans.get(a.title)})
                                                           for a in plan.attachments]})
        found[path.stem] = (original, plan, leftovers, first)
        jobs.append(Job(plan, path.stem, base_dir=path.parent if scans else draft.parent))
    again = {r.job.name: r for r in paginate(jobs, folder / "pdf")}
    return {name: (*found[name], again[name]) for name in found}


@pytest.mark.parametrize("name", NAMES)
def test_the_imported_plan_has_the_original_texts_field_by_field(round_trip, name):
    original, imported, leftovers, _first, _again = round_trip[name]
    want, got = texts(original), texts(imported)
    assert {k: got[k] for k in want if got[k] != want[k]} == {}
    scans = [a for a in original.attachments if a.pdf]
    assert [left.near for left in leftovers] == ["attachments"] * len(scans)


@pytest.mark.parametrize("name", NAMES)
def test_rendered_again_the_document_prints_the_same_text_on_the_same_pages(round_trip, name):
    _original, _imported, _leftovers, first, again = round_trip[name]
    assert again.error is None and not again.findings
    assert document_text(again.document) == document_text(first.document)
    assert pages_of(again) == pages_of(first)


def test_a_seal_comes_back_as_the_same_image_beside_the_plan(tmp_path):
    source = FIXTURES.parent / "tests" / "cases" / "order-stamp.yaml"
    plan = gongwen.load_plan(source)
    gongwen.save(gongwen.render(plan, base_dir=source.parent), tmp_path / "order.docx")
    imported, leftovers = import_draft(tmp_path / "order.docx", folder=tmp_path)
    assert leftovers == []
    assert imported.signature.seal.read_bytes() == plan.signature.seal.read_bytes()
    with zipfile.ZipFile(tmp_path / "order.docx") as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 1


def nothing_dropped(draft_text: str, plan: gongwen.Plan, leftovers, said: list[str] = ()) -> dict[str, int]:
    """The characters of the draft (spaces aside) that neither the document the plan renders,
    nor a leftover, nor a warning of what the draft wrote (a 文号 in []) holds, with how many
    are missing."""
    kept = Counter(document_text(gongwen.render(plan))) + Counter("".join(left.text for left in leftovers)) \
        + Counter("".join(said))
    draft = Counter(c for c in draft_text if not c.isspace())
    return {c: n - kept[c] for c, n in draft.items() if kept[c] < n}
