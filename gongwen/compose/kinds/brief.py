"""简报 (briefing, spec §8; seed 001): not a 公文 of GB/T 9704 but printed on its page and grid —
the 报头 (red name, 期号, 编印单位 and date over a red rule), an optional 本期要目, articles under
their own titles (an excerpt with its source), and the 报尾 (报：送：发：, 编辑、审核、审签,
印数) at the foot of the last page."""
from __future__ import annotations

import io
from copy import deepcopy

from ...chinese import arabic_date
from ...errors import RenderError
from ...i18n import _
from ...plan.elements import Chart
from ...profile import Profile
from .. import banji, geometry, oxml
from ..geometry import EMU_PER_TWIP, pt
from ..writer import Writer


def profile(base: Profile) -> Profile:
    """The 报头's name where a document's mark would be, at the brief's size; the 期号 closer
    under it; a 报尾 on the last page, odd or even."""
    b = base.brief
    return base.model_copy(update={
        "mark": base.mark.model_copy(update={"top_mm": b.name_top_mm, "max_size_pt": b.name_max_size_pt}),
        "doc_number": base.doc_number.model_copy(update={"gap_lines": b.issue_gap_lines}),
        "banji": base.banji.model_copy(update={"even_page": b.tail_even_page}),
    })


def write(w: Writer) -> None:
    head(w)
    contents(w)
    articles(w)
    w.banji(tail(w))


def head(w: Writer) -> None:
    """A 简报's 报头 (spec §8): the red name on one line, the 期号 centred under it, the
    编印单位 left and the date right on the next line with the red rule under them; 份号
    and 密级 above, as on a document's 版头."""
    plan, profile = w.plan, w.profile
    pre = w.head_lines()
    if plan.masthead_image:
        layout = masthead(w, pre)
    else:
        layout = geometry.head(profile, [plan.title_text], "", len(pre), 2)
        if layout.mark.size_pt < profile.brief.name_min_size_pt:
            raise RenderError(_("the 报头 name is too long for one line (it would print at {size:g} pt, less than "
                                "{least:g} pt)").format(size=layout.mark.size_pt,
                                                        least=profile.brief.name_min_size_pt), field=_("title"))
        w.mark_block(layout, pre)
    w.para("GwIssue", oxml.run(plan.issue_text), role="issue")
    rule = oxml.border("bottom", layout.rule_size, profile.colours.rule_colour, layout.rule_space_pt)
    date = arabic_date(plan.printed_on)
    w.para("GwIssueLine", oxml.run(f"{plan.issuers[0]}\t{date}"), tabs=[("right", w.page.text_width)],
           border=rule, role="issue")
    w.spacer(layout.title_filler)


def masthead(w: Writer, pre: list) -> geometry.Head:
    """The 报头 as the unit's picture (报头图片), as wide as the 版心 and as tall as its
    proportions make it, floating on an exact paragraph of its height: the 期号 and the rule
    come under it as under a name."""
    path = w.plan.masthead_image
    r_id, image = w.picture(path)
    width = w.page.text_width
    height = round(width * image.px_height / image.px_width) if image.px_width else width // 4
    layout = geometry.banner(w.profile, height, len(pre), 2)
    for run in pre:
        w.para("GwHeadLine", run)
    w.spacer(layout.spacer)
    holder = w.para(None, line_exact=height, snap_to_grid=False)
    picture = oxml.anchored_picture(r_id, width * EMU_PER_TWIP, height * EMU_PER_TWIP, 0, 0, path.name)
    holder.append(oxml.el("w:r", None, picture))
    w.spacer(layout.number_filler)
    return layout


def contents(w: Writer) -> None:
    """本期要目: the articles' titles under a label, when there are two or more (spec §8)."""
    plan, b = w.plan, w.profile.brief
    if not (plan.contents and len(plan.articles) > 1):
        return
    w.para("GwContentsLabel", oxml.run("本期要目"), role="contents")
    # ● is in GB 2312: drawn from the Chinese face, not left to a Latin one.
    bullet = w.face_run("●", b.contents_face, latin=w.profile.face(b.contents_face))
    for article in plan.articles:
        w.para("GwContents", deepcopy(bullet), oxml.run(article.title_text), role="contents")


def articles(w: Writer) -> None:
    """Each article of a 简报: its title centred in 小标宋, a blank line, its body with the
    body's levels, and an excerpt's source （摘自…） at the right (spec §8)."""
    plan, b = w.plan, w.profile.brief
    for number, article in enumerate(plan.articles):
        if (number or w.written[-1].role == "contents") and not article.new_page:
            w.blank_lines(b.article_gap_lines)
        lines = w.title_lines(article.title_text, article.title_lines, b.article_title_size_pt,
                              _("article title"))
        w.para("GwArticleTitle", oxml.run("\n".join(lines)), role="title",
               page_break_before=article.new_page or None)
        w.blank_lines(w.profile.title.blank_lines_after, keep_next=True)   # never a title alone
        w.blocks(article.blocks, "body")
        for chart in article.charts:
            draw_chart(w, chart)
        if article.source_line:
            w.para("GwSource", oxml.run(article.source_line), role="source")


def draw_chart(w: Writer, chart: Chart) -> None:
    """A bar chart as wide as the profile says, centred, its caption under it; the picture's
    paragraph as tall as the picture, off the grid (the text after it is back on it)."""
    from docx.shared import Mm
    from docx.text.paragraph import Paragraph

    from ..charts import png

    c = w.profile.chart
    w.blank_lines(c.gap_lines)
    holder = w.para(None, jc="center", line_auto=True, snap_to_grid=False, keep_next=True)
    Paragraph(holder, w.document.part).add_run().add_picture(io.BytesIO(png(chart, w.profile)),
                                                             width=Mm(c.width_mm))
    w.para("GwCaption", oxml.run(chart.title), role="caption")


def tail(w: Writer) -> list[banji.Row | banji.Names]:
    """A 简报's 报尾 (spec §8): 报：送：发： together between rules, then 编辑、审核、审签
    left and （共印N份） right, in the 版记's frame at the foot of the last page."""
    plan, b = w.plan, w.profile.banji
    lists = [(label, names) for label, names in (("报：", plan.report_to), ("送：", plan.send_to),
                                                 ("发：", plan.distribute_to)) if names]
    rows: list[banji.Row | banji.Names] = [w.banji_names(label, names, ruled=i == len(lists) - 1)
                                           for i, (label, names) in enumerate(lists)]
    staff = "　".join(f"{label}：{name}" for label, name in (("编辑", plan.editor), ("审核", plan.reviewer),
                                                           ("审签", plan.approver)) if name)
    copies = f"（共印{plan.copies}份）" if plan.copies else ""
    if staff or copies:
        indent = pt(b.indent_chars * b.size_pt)
        paragraph = oxml.paragraph(oxml.ppr(style="GwBanji", tabs=[("right", w.page.text_width - indent)]),
                                   oxml.run(f"{staff}\t{copies}"))
        rows.append(banji.Row(paragraph, w.page.line))
    return rows
