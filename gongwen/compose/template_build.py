"""Build the bundled templates from the default profile: ``python -m gongwen.compose.template_build``.

A template is python-docx's blank document with the frame applied (named styles, page setup,
page-number footers), and without what no document of ours uses: the 160 built-in styles and
their latent list, stylesWithEffects, the thumbnail, customXml, numbering and web settings.
A clerk editing the document sees our named styles only; every render parses and writes less.
``tests/test_templates.py`` proves the committed files are up to date.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from ..plan import kinds
from ..profile import load_profile
from . import frame
from .render import save

# python-docx's styles that stand behind ours (defaults Word expects to find).
KEPT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}
DROPPED_PARTS = ("stylesWithEffects", "customXml", "numbering", "webSettings", "thumbnail")


def build() -> Document:
    document = docx.Document()
    _lean(document)
    frame.apply(document, load_profile())
    body = document.element.body
    for child in list(body)[:-1]:
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.title = props.subject = props.keywords = props.comments = ""
    props.author = props.last_modified_by = "gongwen"
    props.revision = 1
    import datetime as dt

    props.created = props.modified = dt.datetime(2012, 7, 1)
    return document


def _lean(document: Document) -> None:
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for rels in (document.part.rels, document.part.package.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype.rsplit("/", 1)[-1] in DROPPED_PARTS]:
            del rels[r_id]


def main(out_dir: str = "templates") -> None:
    for name in sorted({kind.template for kind in kinds.KINDS.values()}):
        path = save(build(), Path(out_dir) / name)
        print(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
