"""The .docx as bytes: written once, its parts in python-docx's order, with fixed timestamps so
that equal input gives equal bytes; and saved whole or not at all."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.document import Document
from docx.opc.pkgwriter import _ContentTypesItem

from ..atomic import write_atomic


def save(document: Document, path: str | Path) -> Path:
    """Write ``document`` atomically: a failure never leaves a half-written or clobbered file."""
    path = Path(path)
    write_atomic(path, document_bytes(document))
    return path


def document_bytes(document: Document) -> bytes:
    """The .docx written once, its parts in python-docx's order, with fixed timestamps so that
    equal input gives equal bytes; deflated at the fastest level (a third less time than the
    default for a tenth more bytes: a notice of 15 KB)."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        def put(name: str, blob: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), blob, zipfile.ZIP_DEFLATED,
                             compresslevel=1)

        put("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        put("_rels/.rels", package.rels.xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if part.rels:
                put(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()
