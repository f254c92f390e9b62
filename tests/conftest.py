"""Shared fixtures: the locale is pinned, documents are rendered once per session, and PDFs are
converted by one LibreOffice call for the whole session."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"


def seed_text(number: str) -> str:
    """The plain text of seed ``number`` (000 …), from the shared folder beside the checkout.
    A checkout without it (cloned elsewhere) cannot compare against the seeds: those tests skip
    and say why; the fixtures themselves are still rendered and checked."""
    found = sorted(SEEDS.glob(f"{number}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {number} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ALL_FIXTURES = sorted(FIXTURES.glob("*.yaml")) + sorted((FIXTURES / "seeds").glob("*.yaml"))
CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
# Plans as users write them that once failed (rare names, huge 版记 …): paginated with the rest,
# but they may carry warnings, so the zero-findings test leaves them out.
TRUST = sorted((ROOT / "tests" / "trust").glob("*.yaml"))


def starters() -> list[Path]:
    """The commented starter plan of every kind (``gongwen new KIND``)."""
    from gongwen.cli import starter_path
    from gongwen.plan import kinds

    return [starter_path(kind) for kind in kinds.KINDS]


@pytest.fixture(autouse=True)
def chinese_locale(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


class Docx:
    """A rendered .docx opened as XML parts."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}

    def xml(self, part: str = "word/document.xml") -> etree._Element:
        return etree.fromstring(self.parts[part])

    def style(self, style_id: str) -> etree._Element:
        found = self.xml("word/styles.xml").find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, style_id
        return found

    def paragraphs(self) -> list[etree._Element]:
        return self.xml().findall(".//w:body/w:p", NS)

    def text(self) -> str:
        return "".join(t.text or "" for t in self.xml().iter(f"{W}t"))


def attr(node: etree._Element | None, name: str) -> str | None:
    return None if node is None else node.get(f"{W}{name}")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Docx]:
    """Every fixture rendered once through the public API."""
    import gongwen

    out = tmp_path_factory.mktemp("rendered")
    docs = {}
    for plan_path in ALL_FIXTURES:
        plan = gongwen.load_plan(plan_path)
        target = out / f"{plan_path.stem}.docx"
        gongwen.save(gongwen.render(plan, base_dir=plan_path.parent), target)
        docs[plan_path.stem] = Docx(target)
    return docs


@pytest.fixture(scope="session")
def paginated(tmp_path_factory):
    """Every fixture and constructed case laid out through the pagination loop: one LibreOffice
    run per pass for the whole session."""
    import gongwen
    from gongwen.printing.paginate import Job, paginate

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is not installed: run the README's setup")
    jobs = [Job(gongwen.load_plan(path, root=ROOT), path.stem, base_dir=path.parent) for path in ALL_FIXTURES + CASES + TRUST]
    jobs += [Job(gongwen.load_plan(path), f"starter-{path.stem}", base_dir=path.parent) for path in starters()]
    from gongwen.plan.campaign import load_campaign

    campaign = load_campaign(FIXTURES / "campaign" / "campaign.yaml")
    jobs += [Job(gongwen.load_plan(d.plan, facts=campaign.facts_for(d)), f"campaign-{d.plan.stem}",
                 base_dir=d.plan.parent) for d in campaign.documents]
    results = {r.job.name: r for r in paginate(jobs, tmp_path_factory.mktemp("paginate"))}
    _PAGINATED.update(results)
    return results


@pytest.fixture(scope="session")
def pdfs(paginated) -> dict[str, Path]:
    return {name: result.pdf for name, result in paginated.items()}


_PAGINATED: dict = {}
RESULTS = ROOT / "tests" / "results"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed layout test leaves the .docx, the PDF and PNG pages under tests/results/."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "paginated" not in item.fixturenames:
        return
    from gongwen.compose.render import save

    named = [name for name in _PAGINATED if name in item.name]
    for name in named or list(_PAGINATED):
        result = _PAGINATED[name]
        folder = RESULTS / item.name
        folder.mkdir(parents=True, exist_ok=True)
        save(result.document, folder / f"{name}.docx")
        shutil.copy2(result.pdf, folder / f"{name}.pdf")
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(result.pdf), str(folder / name)], check=False)
