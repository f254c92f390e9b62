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
# eexec's next key from (cipher byte + key), for every sum: one list lookup a byte
_NEXT = [(total * 52845 + 22719) & 0xFFFF for total in range(0x10000 + 0x100)]
_HEAD = 4096                      # the /UniqueID stands in the Private dictionary's first lines


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
            secret = _resealed(data[clear_length:clear_length + secret_length], fixed)
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


def _resealed(cipher: bytes, fixed: bytes) -> bytes:
    """The eexec-encrypted part with its /UniqueID (near its start) replaced.  The bytes before
    the first change keep their cipher; from there each byte is decrypted with the old key chain
    and encrypted with the new one in one pass."""
    head = _decrypt(cipher[:_HEAD])
    found = _UNIQUE_ID.search(head)
    if found is None and len(cipher) > _HEAD:
        head = _decrypt(cipher)
        found = _UNIQUE_ID.search(head)
    if found is None:
        return cipher
    new = fixed
    old_part = head[found.start():found.end()]
    start = found.start() + next((i for i, (a, b) in enumerate(zip(old_part, new)) if a != b), 0)
    if old_part == new:
        return cipher
    key = new_key = _key_at(cipher, start)
    out = bytearray()
    append = out.append
    replaced = new[start - found.start():]             # the new text from the first change on
    skip = found.end() - start                         # old plaintext bytes that text replaces
    for byte in replaced:
        result = byte ^ (new_key >> 8)
        append(result)
        new_key = _NEXT[result + new_key]
    for byte in cipher[start:start + skip]:            # the old bytes replaced: the old chain only
        key = _NEXT[byte + key]
    for byte in cipher[start + skip:]:
        result = byte ^ (key >> 8) ^ (new_key >> 8)     # decrypted with the old key, encrypted with the new
        key = _NEXT[byte + key]
        append(result)
        new_key = _NEXT[result + new_key]
    return cipher[:start] + bytes(out)


def _decrypt(cipher: bytes, key: int = _EEXEC_KEY) -> bytes:
    plain = bytearray()
    append = plain.append
    for byte in cipher:
        append(byte ^ (key >> 8))
        key = _NEXT[byte + key]
    return bytes(plain)


def _key_at(cipher: bytes, index: int, key: int = _EEXEC_KEY) -> int:
    """The eexec key before byte ``index`` of ``cipher``."""
    for byte in cipher[:index]:
        key = _NEXT[byte + key]
    return key
