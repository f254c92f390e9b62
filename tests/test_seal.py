"""Signature with a user-supplied seal: date 4 字 from the right, 署名 centred over it, the
seal a floating picture centred on them (§7.3.5.2)."""
from __future__ import annotations

import struct
import zlib

from conftest import NS, Docx, attr

import gongwen

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def red_disc_png(size: int = 64) -> bytes:
    rows = b"".join(b"\x00" + b"".join(
        b"\xff\x00\x00\xff" if (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2) ** 2 else b"\x00\x00\x00\x00"
        for x in range(size)) for y in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_seal_is_centred_on_the_date_and_the_name_over_it(tmp_path):
    (tmp_path / "seal.png").write_bytes(red_disc_png())
    plan = gongwen.plan_from_data({
        "发文机关": ["三门峡市民政局"], "标题": "三门峡市民政局关于做好年报工作的通知", "正文": "现通知如下。",
        "落款": {"日期": "2026-11-24", "印章": "seal.png"},
    }, base_dir=tmp_path)
    doc = Docx(gongwen.save(gongwen.render(plan), tmp_path / "sealed.docx"))
    name = next(p for p in doc.paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwSignature")
    date = next(p for p in doc.paragraphs() if attr(p.find("w:pPr/w:pStyle", NS), "val") == "GwDate")
    date_left = int(attr(date.find("w:pPr/w:ind", NS), "left"))
    # "2026年11月24日": 8 digits ½ em + 3 CJK, 16 pt with −0.25 pt each, + 5 CJK/digit gaps of 1.25 mm
    date_width = round((8 * 8 + 3 * 16 - 11 * 0.25 + 5 * 1.25 * 72 / 25.4) * 20)
    # the date ends 4 字 (4 × 315) from the right edge of the 8844-twip line
    assert date_left + date_width == 8844 - 4 * 315
    centre = date_left + date_width // 2
    name_left = int(attr(name.find("w:pPr/w:ind", NS), "left"))
    assert name_left + 7 * 315 // 2 == centre   # 三门峡市民政局: 7 字 centred on the date
    anchor = name.find(f".//{WP}anchor")
    assert anchor is not None and anchor.get("behindDoc") == "0"
    extent = anchor.find(f"{WP}extent")
    x = int(anchor.find(f"{WP}positionH/{WP}posOffset").text)
    # 42 mm seal, centre on the date's centre (EMU = twips × 635)
    assert int(extent.get("cx")) == round(42 * 1440 / 25.4) * 635
    assert abs((x + int(extent.get("cx")) // 2) / 635 - centre) <= 1
    assert any(n.startswith("word/media/") for n in doc.parts)
