"""The gallery of unit looks (docs/gallery/): draw each look's artwork, build its template from
the bundled one, render it through LibreOffice, check it and write its page 1 as a PNG.

    .venv/bin/python scripts/gallery.py

The artwork is drawn here (no fonts or pictures from elsewhere); plans and profiles are
written by hand beside it.  tests/test_gallery.py renders and checks the committed looks.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"
RED = (200, 16, 32)
LOOKS = {"county": "county.yaml", "party-brief": "brief.yaml", "province": "province.yaml"}   # look → its plan


def emblem(path: Path) -> None:
    """A county's emblem: a red ring around a five-pointed star and a wheat-ear arc."""
    import math

    size = 600
    picture = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((20, 20, size - 20, size - 20), outline=RED, width=36)
    draw.ellipse((90, 90, size - 90, size - 90), outline=RED, width=10)
    centre, outer, inner = size / 2, 150, 60
    star = [(centre + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
             centre - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5)) for i in range(10)]
    draw.polygon(star, fill=RED)
    picture.save(path)


def banner(path: Path) -> None:
    """A 简报's masthead: the briefing's name in white on a red band over a gold rule (the name
    drawn in the CJK face fontconfig finds, so the picture holds it as pixels)."""
    from PIL import ImageFont

    width, height = 1560, 330
    picture = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, width - 1, 230), fill=RED)
    draw.rectangle((0, 250, width - 1, 262), fill=(212, 160, 23))
    face = subprocess.run(["fc-match", "-f", "%{file}", "serif:lang=zh-cn:bold"], capture_output=True,
                          text=True).stdout
    draw.text((width / 2, 118), "组 织 工 作 简 报", fill="white", anchor="mm",
              font=ImageFont.truetype(face, 150) if face else None)
    picture.save(path)


def county_template(path: Path, logo: Path) -> None:
    """The bundled template with the emblem in a first-page-only header, centred."""
    import docx
    from docx.shared import Mm

    from gongwen.compose.template import template_path

    document = docx.Document(str(template_path("notice")))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.first_page_header.paragraphs[0]
    paragraph.alignment = 1
    paragraph.add_run().add_picture(str(logo), height=Mm(22))
    document.save(path)


def build() -> None:
    emblem(GALLERY / "county" / "emblem.png")
    county_template(GALLERY / "county" / "template.docx", GALLERY / "county" / "emblem.png")
    banner(GALLERY / "party-brief" / "banner.png")
    gongwen = [sys.executable, "-m", "gongwen.cli"]
    with tempfile.TemporaryDirectory() as work:
        for look, plan in LOOKS.items():
            subprocess.run([*gongwen, "render", str(GALLERY / look / plan), "--pdf", "-o", work], check=True)
            made = Path(work) / Path(plan).stem
            profile = GALLERY / look / "profile.yaml"
            chosen = ["--profile", str(profile)] if profile.exists() else []
            subprocess.run([*gongwen, "check", "--pdf", *chosen, str(made.with_suffix(".docx"))], check=True)
            subprocess.run(["pdftoppm", "-r", "45", "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(made.with_suffix(".pdf")), str(GALLERY / look)], check=True)
            print(GALLERY / f"{look}.png")


if __name__ == "__main__":
    build()
