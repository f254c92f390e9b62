"""PDFs that are the same bytes every run, so a CI job that publishes a briefing only changes
files whose content changed.

LibreOffice stamps each PDF with the time (/CreationDate), a random file identifier (/ID and its
own /DocChecksum) and gives every embedded Type 1 font a random /UniqueID (in its clear text and
again inside the eexec-encrypted part).  Here the dates become the document's own date, the
/UniqueID a number derived from the font's name, and the /ID a hash of the content.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zlib
from pathlib import Path

from ..atomic import write_atomic

_UNIQUE_ID = re.compile(rb"/UniqueID \d+ def")
_ID = re.compile(rb"/ID \[ ?<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)> ?\]")
_EEXEC_KEY = 55665


def stabilize(pdf: Path, when: dt.date | None) -> None:
    """Rewrite ``pdf`` so that equal documents give equal bytes; ``when`` is the document's date."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter(clone_from=str(pdf))
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile" not in descriptor.get_object():
                continue
            stream = descriptor.get_object()["/FontFile"].get_object()
            if id(stream) in seen:
                continue
            seen.add(id(stream))
            clear_length, secret_length = int(stream["/Length1"]), int(stream["/Length2"])
            fixed = _unique_id(str(font.get("/BaseFont", "")))
            data = stream.get_data()
            clear = _UNIQUE_ID.sub(fixed, data[:clear_length])
            secret = _encrypt(_UNIQUE_ID.sub(fixed, _decrypt(data[clear_length:clear_length + secret_length])))
            stream.set_data(clear + secret + data[clear_length + secret_length:])
            stream[NameObject("/Length1")] = NumberObject(len(clear))
            stream[NameObject("/Length2")] = NumberObject(len(secret))
    stamp = f"D:{(when or dt.date(1980, 1, 1)):%Y%m%d}000000Z"
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(pdf, _content_id(buffer.getvalue()))


def _unique_id(font_name: str) -> bytes:
    """A private-range UniqueID (4000000–4999999) that depends on the font's name only."""
    return b"/UniqueID %d def" % (4000000 + zlib.crc32(font_name.encode()) % 1000000)


def _content_id(data: bytes) -> bytes:
    """The trailer's /ID as the MD5 of the file with the /ID left out (same length, so no offset
    moves)."""
    found = list(_ID.finditer(data))
    if not found:
        return data
    match = found[-1]
    digest = hashlib.md5(data[:match.start()] + data[match.end():]).hexdigest().upper().encode()
    out = bytearray(data)
    for group in (1, 2):
        width = match.end(group) - match.start(group)
        out[match.start(group):match.end(group)] = (digest * 2)[:width]
    return bytes(out)


def _decrypt(cipher: bytes, key: int = _EEXEC_KEY) -> bytes:
    plain = bytearray()
    for byte in cipher:
        plain.append(byte ^ (key >> 8))
        key = ((byte + key) * 52845 + 22719) & 0xFFFF
    return bytes(plain)


def _encrypt(plain: bytes, key: int = _EEXEC_KEY) -> bytes:
    cipher = bytearray()
    for byte in plain:
        out = byte ^ (key >> 8)
        cipher.append(out)
        key = ((out + key) * 52845 + 22719) & 0xFFFF
    return bytes(cipher)
