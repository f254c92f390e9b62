"""Charts for briefings: a bar chart of a few figures (coverage by district), drawn with
matplotlib in the profile's face and size, as PNG bytes that are the same every run.
matplotlib is imported only when a document has a chart."""
from __future__ import annotations

import io
from functools import cache

from ..plan.elements import Chart
from ..profile import Profile
from .geometry import MM_PER_PT

MM_PER_INCH = 25.4


def png(chart: Chart, profile: Profile) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    c = profile.chart
    face = font_manager.FontProperties(fname=_face_file(profile.face(c.face), profile), size=c.size_pt)
    figure = Figure(figsize=(c.width_mm / MM_PER_INCH, c.height_mm / MM_PER_INCH), dpi=c.dpi)
    axes = figure.add_subplot()
    labels, values = list(chart.data), list(chart.data.values())
    scale = 100 if chart.percent else 1
    bars = axes.bar(range(len(values)), [v * scale for v in values], color=f"#{c.bar_colour}", width=c.bar_width)
    axes.set_xticks(range(len(labels)), labels, fontproperties=face)
    for tick in axes.get_yticklabels():
        tick.set_fontproperties(face)
    if chart.percent:
        axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    for bar, value in zip(bars, values):
        text = f"{value * 100:.1f}%".replace(".0%", "%") if chart.percent else f"{value:g}"
        axes.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                      xytext=(0, c.size_pt * c.label_gap_em), textcoords="offset points", fontproperties=face)
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(y=c.headroom)
    figure.tight_layout(pad=c.padding_mm / (c.size_pt * MM_PER_PT))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})   # no version stamp: same bytes
    return buffer.getvalue()


@cache
def _face_file(name: str, profile: Profile) -> str | None:
    """The font file the official face name resolves to through the profile's faces."""
    from ..fonts import resolve_faces

    resolved = resolve_faces([name], profile).get(name)
    return resolved.split("|")[-1] if resolved else None
