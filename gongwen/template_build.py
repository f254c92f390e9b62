"""Build the bundled templates from the default profile: ``python -m gongwen.template_build``.

A template is python-docx's blank document with the frame applied (named styles, page setup,
page-number footers).  ``tests/test_templates.py`` proves the committed files are up to date.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from . import frame, kinds
from .profile import load_profile
from .render import save


def build() -> Document:
    document = docx.Document()
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


def main(out_dir: str = "templates") -> None:
    for name in sorted({kind.template for kind in kinds.KINDS.values()}):
        path = save(build(), Path(out_dir) / name)
        print(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
