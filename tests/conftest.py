"""Shared fixtures: the locale is pinned, documents are rendered once per session, and PDFs are
converted by one LibreOffice call for the whole session."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ALL_FIXTURES = sorted(FIXTURES.glob("*.yaml")) + sorted((FIXTURES / "seeds").glob("*.yaml"))


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
def pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    """All rendered fixtures converted by one LibreOffice call with its own profile."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: run the README's setup")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "gongwen" / "fontconfig" / "fonts.conf"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *(str(d.path) for d in rendered.values())],
        check=True, capture_output=True, timeout=300, env=env,
    )
    return {name: out / f"{name}.pdf" for name in rendered}
