"""The zones under the title (GB/T 9704-2012 §7.3, §7.4): the body and its 附件说明, the 署名
and 成文日期 with the seal, the 附注, then on new pages the document a 印发通知 issues or the
attachments, and the 版记 at the foot: 主题词, 抄送, the 印发 line, 印数 (and a 简报's 报尾)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..plan.body import typed_level
from . import patterns as p
from .lines import Leftover, Line, Table

if TYPE_CHECKING:
    from .structure import _Structure

_BANJI = re.compile(r"^(主\s*题\s*词|抄\s*送)\s*[：:]")
_BRIEF_TAIL = re.compile(r"^(报|送|发|编\s*辑)\s*[：:]")
_ATTENDANCE = re.compile(r"^(出\s*席|请\s*假|列\s*席)\s*[：:]\s*(.*)$")
_ATTENDANCE_FIELDS = {"出席": "present", "请假": "absent", "列席": "attending"}
_ROLES = (("编辑", "editor"), ("审核", "reviewer"), ("审签", "approver"))


def is_title_line(s: _Structure, line: Line | Table, first: bool) -> bool:
    """A line of a title: gongwen's title style; centred, large and not red in a formatted
    draft; a Markdown heading; in typed text a short line without a closing mark."""
    if not isinstance(line, Line) or not line.text.strip(p.SPACES):
        return False
    if s.own:
        return line.role == "title"
    text = line.text
    short = len(text) <= 40 and text[-1] not in p.ENDING and typed_level(text) is None and not p.is_date_line(text) \
        and not p.ATTACHMENT_LABEL.match(text) and not _BANJI.match(text) and not p.DATE_LINE.fullmatch(text)
    if s.formatted:
        return line.centred and not line.red and ((line.size_pt or 0) >= 18 or short)
    if line.level is not None:
        return first
    return short and not line.right


def banji_start(s: _Structure, start: int) -> int:
    """Where the 版记 (a 简报's 报尾) begins."""
    lines = s.lines
    if s.own:
        return next((k for k in range(start, len(lines)) if isinstance(lines[k], Line) and lines[k].role == "banji"),
                    len(lines))
    tail = _BRIEF_TAIL if s.kind == "brief" else _BANJI
    first = next((k for k in range(start, len(lines)) if isinstance(lines[k], Line) and tail.match(lines[k].text)),
                 len(lines))
    printed = next((k for k in range(start, len(lines)) if isinstance(lines[k], Line) and (
        p.printed_line(lines[k].text) or p.COPIES.fullmatch(lines[k].text.strip(p.SPACES)))), len(lines))
    return min(first, printed)


def banji(s: _Structure, items: list[Line | Table]) -> None:
    """主题词, 抄送 (over several lines when long), the 印发 line, 印数; a 简报's 报/送/发 and
    编辑/审核/审签."""
    f, label = s.f, None
    cc: list[str] = []
    for item in items:
        if not isinstance(item, Line):
            s.leftover(item, "cc")
            continue
        text = item.text.strip(p.SPACES)
        copies = p.COPIES.search(text)
        if copies:
            f["copies"] = int(copies.group(1))
            text = p.COPIES.sub("", text).strip(p.SPACES)
        brief = _BRIEF_TAIL.match(text)
        printed = p.printed_line(text)
        if not text:
            continue
        if re.match(r"^主\s*题\s*词", text):
            words = re.split(r"[\s\u3000、，,；;]+", text.split("：", 1)[-1].split(":", 1)[-1].strip(p.SPACES))
            f["subject_words"] = [w for w in words if w]
            if re.search("[、，,；;]", text):
                s.change(p.Change("subject_words", text, "主题词：" + "　".join(f["subject_words"])))
            label = None
        elif re.match(r"^抄\s*送", text):
            cc.append(re.sub(r"^抄\s*送\s*[：:]?", "", text))
            label = "cc"
        elif printed:
            f["printed_on"] = printed[1]
            if printed[0]:
                f["printed_by"] = printed[0]
            label = None
        elif brief and brief.group(1).startswith("编"):
            for name, key in _ROLES:
                found = re.search(rf"{name}\s*[：:]\s*([^\s\u3000]+)", text)
                if found:
                    f[key] = found.group(1)
        elif brief:
            f[{"报": "report_to", "送": "send_to", "发": "distribute_to"}[brief.group(1)]] = p.organs(text[brief.end():])
        elif "印发" in text and p.date_in(text):
            f["printed_on"] = p.date_in(text)[0]
            s.found.leftovers.append(Leftover(text, "printed_by"))
        elif label == "cc":
            cc.append(text)
        else:
            s.leftover(item, "cc")
    if cc:
        f["cc"] = p.organs("".join(cc))


def split_zones(s: _Structure, start: int) -> None:
    end = banji_start(s, start)
    banji(s, s.lines[end:])
    main_zone(s, start, end)


def main_zone(s: _Structure, start: int, end: int) -> None:
    """Body, 附件说明, 署名, 成文日期, 附注, then the issued document or the attachments."""
    lines, f = s.lines, s.f
    attendance = [k for k in range(start, end) if isinstance(lines[k], Line) and (
        lines[k].role == "attendance" or (not s.own and _ATTENDANCE.match(lines[k].text)))]
    for k in attendance:
        found = _ATTENDANCE.match(lines[k].text)
        f[_ATTENDANCE_FIELDS[re.sub(r"\s", "", found.group(1))]] = p.people(found.group(2))
    date_at = next((k for k in range(start, end) if isinstance(lines[k], Line) and k not in attendance and (
        lines[k].role == "date" if s.own else p.is_date_line(lines[k].text))), None)
    body_end = min(attendance[0] if attendance else end, date_at if date_at is not None else end)
    if date_at is not None:
        body_end = signature(s, start, date_at)
        rest = date_at + 1
        note = lines[rest] if rest < end else None
        if isinstance(note, Line) and (note.role == "note" or (not s.own and note.text[:1] in "（(" and
                                                               note.text[-1:] in "）)")):
            f["note"] = note.text
            rest += 1
        after(s, rest, end)
    note_at = next((k for k in range(start, body_end) if isinstance(lines[k], Line) and (
        lines[k].role == "note-list" or (not s.own and re.match(r"^附\s*件\s*[：:]\s*\S", lines[k].text)))), None)
    if note_at is not None:
        names = attachment_names(s, lines[note_at:body_end])
        pages = f.pop("attachments", [])
        f["attachments"] = [pages[n] if n < len(pages) else name for n, name in enumerate(names)] + pages[len(names):]
        body_end = note_at
    body = [lines[k] for k in range(start, body_end) if k not in attendance]
    if body:
        f["body"] = s.text_of(body)


def signature(s: _Structure, start: int, date_at: int) -> int:
    """The 署名 lines above the 成文日期 and the seal near them; returns where they begin."""
    lines, k, names = s.lines, date_at, []
    while k - 1 >= start and len(names) < 4:
        line = lines[k - 1]
        if not isinstance(line, Line) or not line.text.strip(p.SPACES):
            break
        text = line.text
        if s.own:
            ok = line.role == "signature"
        else:
            ok = (line.right or (not s.formatted and len(text) <= 30 and text[-1] not in p.ENDING)) \
                and typed_level(text) is None and not text.startswith("附件") and not p.NOTE_ITEM.match(text)
        if not ok:
            break
        names.insert(0, text.strip(p.SPACES))
        k -= 1
    day, style, written = p.date_in(lines[date_at].text)
    signed: dict = {"date": day}
    if style.startswith("chinese"):
        signed["date_style"] = style
    s.change(p.date_change("signature.date", written, day, style))
    if names and names != s.f.get("issuers"):
        signed["names"] = names
    seal = next((picture for at, picture in s.pictures if k <= at <= date_at + 2 and
                 (picture.anchored or picture.name == "seal")), None)
    if seal is not None:
        s.found.seal = seal
    s.f["signature"] = signed
    return k


def attachment_names(s: _Structure, items: list[Line | Table]) -> list[str]:
    """The 附件说明's names: 附件：1．名称 and the numbered lines under it (or one name)."""
    names = []
    for n, item in enumerate(items):
        if not isinstance(item, Line):
            s.leftover(item, "attachments")
            continue
        text = re.sub(r"^附\s*件\s*[：:]\s*", "", item.text) if n == 0 else item.text
        numbered = p.NOTE_ITEM.match(text)
        name = numbered.group(2) if numbered else text
        bare = p.strip_ending(name)
        if bare != name.strip(p.SPACES):
            s.change(p.Change("attachments", name, bare))
        if n > 0 and not numbered and names:
            names[-1] += bare                       # a long name run over to the next line
        elif bare:
            names.append(bare)
    return names


def after(s: _Structure, start: int, end: int) -> None:
    """What follows the 落款 on new pages: the attachments (each under its 附件N label), or
    the document a 印发通知 issues (a title of its own, a （date） line, a body)."""
    lines, f = s.lines, s.f
    labels = [k for k in range(start, end) if isinstance(lines[k], Line) and (
        lines[k].role == "label" if s.own else bool(p.ATTACHMENT_LABEL.match(lines[k].text.strip(p.SPACES))))]
    first = labels[0] if labels else end
    if start < first and is_title_line(s, lines[start], first=True):
        issued: dict = {}
        k = start
        title: list[str] = []
        while k < first and is_title_line(s, lines[k], first=not title):
            title.extend(part.strip(p.SPACES) for part in lines[k].text.split("\n") if part.strip(p.SPACES))
            k += 1
        s.set_title("issued.title", title, issued)
        k = s.date_line(k, issued)
        issued["body"] = s.text_of(lines[k:first])
        f["issued"] = issued
    else:
        for k in range(start, first):
            s.leftover(lines[k], "attachments")
    pages = []
    for n, k in enumerate(labels):
        stop = labels[n + 1] if n + 1 < len(labels) else end
        title_at = k + 1 if k + 1 < stop and (lines[k + 1].role == "attachment-title" if s.own else
                                              is_title_line(s, lines[k + 1], first=True)) else None
        content = lines[(title_at or k) + 1:stop]
        attachment: dict = {"title": lines[title_at].text.replace("\n", "") if title_at else ""}
        if any(isinstance(c, Line) and c.role == "scan" for c in content):
            s.found.leftovers.append(Leftover(f"{lines[k].text} {attachment['title']}: PDF", "attachments"))
        text = s.text_of([c for c in content if not (isinstance(c, Line) and c.role == "scan")])
        if text:
            attachment["content"] = text
        pages.append(attachment if len(attachment) > 1 else attachment["title"])
    if pages:
        f["attachments"] = pages


def body_text(items: list[Line | Table], own: bool, shift: int = 0) -> str:
    """Body lines as the plan writes them: a paragraph a line, a heading its style or # gives as
    # lines, a table as | rows, a page break a --- line."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Table):
            if item.new_page and out:
                out.append("---")
            for n, row in enumerate(item.rows):
                out.append("| " + " | ".join(cell.replace("|", "｜").replace("\n", "") or " " for cell in row) + " |")
                if n + 1 == item.header_rows:
                    out.append("|" + "---|" * len(row))
            continue
        text = item.text.replace("\n", "").replace("\t", "\u3000").strip(p.SPACES)
        if not text or item.role == "scan":
            continue
        if item.continues and out:
            out[-1] += text
            continue
        if item.new_page and not item.role and out:
            out.append("---")
        if item.level is not None and typed_level(text) is None:
            text = "#" * max(1, min(4, item.level - shift)) + " " + text
        out.append(text)
    return "\n".join(out)
