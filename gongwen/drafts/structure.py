"""A draft's lines → the plan's fields, each element found where a reader of the printed page
looks for it: the 版头 down to the 文号 (or 令号, 期号), the title under it, the 主送 ending in
a colon, the body, the 附件说明, the 署名 and 成文日期 at the right, the 附注, what follows on
new pages (the document a 印发通知 issues, the attachments), the 版记 at the foot.  A style
that names the element (gongwen's own, or Word's heading styles) settles it; else the look
(centred and large, red, at the right); else the text alone, as it is typed.

Nothing of the draft's text is dropped: a line no element takes is a :class:`Leftover`, kept
with the field it stood by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan import kinds
from ..plan.body import typed_level
from . import patterns as p
from .lines import Draft, Leftover, Line, Picture, Table
from .zones import body_text, is_title_line, split_zones

_HEAD_ROLES = {"mark", "number", "head", "issue", "issue-line"}


@dataclass
class Found:
    fields: dict = field(default_factory=dict)
    leftovers: list[Leftover] = field(default_factory=list)
    changes: list[p.Change] = field(default_factory=list)
    seal: Picture | None = None


def structure(draft: Draft, kind: str | None = None) -> Found:
    """The plan's fields (English keys) found in ``draft``; ``kind`` when the drafter says it."""
    return _Structure(draft, kinds.get(kind).name if kind else None).run()


class _Structure:
    def __init__(self, draft: Draft, kind: str | None):
        self.kind = kind
        self.property_title = draft.property_title
        self.lines: list[Line | Table] = []
        self.pictures: list[tuple[int, Picture]] = []      # each with the index of the line it follows
        for item in draft.items:
            if isinstance(item, Picture):
                self.pictures.append((len(self.lines), item))
            else:
                self.lines.append(item)
        self.own = any(isinstance(line, Line) and line.role for line in self.lines)
        if self.own:        # gongwen's ★ between the rules of the Party format is its own, not text
            self.lines = [line for line in self.lines if not (isinstance(line, Line) and not line.role
                                                              and not line.text.strip(p.SPACES + "★"))]
        # a draft that sets lines centred or right (made in Word, WPS …) shows its title and
        # signature by their look; one that sets none (text saved as .docx) by its text alone
        self.formatted = not draft.typed and any(
            isinstance(line, Line) and (line.centred or line.right) and not line.role for line in self.lines)
        self.found = Found()
        self.title_texts: set[str] = set()          # the lines taken as a title (not the body's headings)
        self.head_title: list[str] = []             # title lines found above the 文号 (a web reprint's)
        self.f = self.found.fields

    def leftover(self, item: Line | Table, near: str) -> None:
        text = item.text if isinstance(item, Line) else " | ".join("｜".join(r) for r in item.rows)
        if text.strip():
            self.found.leftovers.append(Leftover(text, near))

    def change(self, change: p.Change | None) -> None:
        if change is not None and change.found != change.now:
            self.found.changes.append(change)

    # -- the zones, top to bottom ----------------------------------------------------------
    def run(self) -> Found:
        start = self.head()
        masthead = str(self.f.get("title", "")).endswith(p.BRIEF_MASTHEADS)
        brief = self.kind == "brief" or (self.kind is None and ("issue_number" in self.f or masthead))
        if brief:
            from .brief import articles

            self.kind = "brief"
            articles(self, start)
        else:
            start = self.title(start)
            start = self.to(start)
            split_zones(self, start)
        self.decide_kind()
        self.tidy()
        self.pictures_left()
        return self.found

    def head(self) -> int:
        """The 版头: everything down to the 文号 (令号, 期号 and its line); returns where the
        title may start."""
        lines = self.lines
        if self.own:
            end = next((k for k, line in enumerate(lines) if not (isinstance(line, Line) and line.role in _HEAD_ROLES)),
                       len(lines))
        else:
            end = next((k + 1 for k, line in enumerate(lines[:8]) if isinstance(line, Line) and _numbered(line.text)), 0)
            if end and p.ISSUE.match(lines[end - 1].text.strip(p.SPACES)):
                # the 简报's 编印单位 and date under its 期号, on one line or on two
                end = next((k + 1 for k in (end, end + 1) if k < len(lines) and isinstance(lines[k], Line)
                            and p.date_in(lines[k].text)), end)
            if not end:
                while end < len(lines) and isinstance(lines[end], Line) and _mark_like(lines[end], end):
                    end += 1
        mark: list[str] = []
        for line in lines[:end]:
            rest = self.head_line(line)
            if rest and not self.own and (self.head_title or _titled(rest)):
                self.head_title.append(rest)        # a reprint's title above its （文号）
            elif rest:
                mark.append(rest)
        if mark:
            names, suffix = p.mark_parts(mark)
            if "issue_number" in self.f or self.kind == "brief" or "".join(mark).endswith(p.BRIEF_MASTHEADS):
                self.f["title"] = "".join(mark)
            else:
                self.f["issuers"] = names
                if suffix:
                    self.f["mark_suffix"] = suffix
        return end

    def head_line(self, line: Line) -> str:
        """Take what a line of the 版头 holds; the rest of its text (the mark's words)."""
        text = line.text
        if line.role == "issue-line" or ("issue_number" in self.f and "printed_on" not in self.f):
            found = p.date_in(text)
            if found:
                self.f["printed_on"] = found[0]
            organ = text.replace(found[2], "").strip(p.SPACES) if found else text.strip(p.SPACES)
            if organ:
                self.f["issuers"] = [organ]
            return ""
        signers = p.SIGNERS.search(text)
        if signers:
            self.f["signers"] = p.people(signers.group(1))
            text = text[: signers.start()]
        number = p.doc_number(text)
        if number:
            self.f["doc_number"] = number[1]
            self.change(p.Change("doc_number", *number))
            text = text.replace(number[0], "")
        for token in p.HEAD_TOKENS.finditer(text):
            if token["copy"]:
                self.f["copy_number"] = token["copy"]
            elif token["secrecy"]:
                self.f["secrecy"] = token["secrecy"]
                if token["period"]:
                    self.f["secrecy_period"] = token["period"]
            else:
                self.f["urgency"] = token["urgency"]
        if line.role != "mark" and not line.red:
            text = p.HEAD_TOKENS.sub("", text)
        text = text.strip(p.SPACES + "★")
        order = p.ORDER_NUMBER.match(text)
        issue = p.ISSUE.match(text)
        if order:
            self.f["order_number"] = int(order.group(1))
            return ""
        if issue:
            self.f["issue_number"] = int(issue["n"])
            if issue["supplement"]:
                self.f["supplement"] = True
            if issue["total"]:
                self.f["total_issue"] = int(issue["total"])
            return ""
        return text

    def title(self, start: int) -> int:
        """The title's lines under the head (and the （date） line under them)."""
        lines, k = self.lines, start
        title: list[str] = []
        while k < len(lines) and len(title) < 6 and is_title_line(self, lines[k], first=not title):
            title.extend(part.strip(p.SPACES) for part in lines[k].text.split("\n") if part.strip(p.SPACES))
            self.title_texts.add(lines[k].text)
            k += 1
            if lines[k - 1].level is not None and not self.own:
                break                                        # a Markdown title is one heading
        if not title and self.head_title:
            title = self.head_title
        if title:
            self.set_title("title", title)
        elif self.f.get("title") is None:
            self.f["title"] = self.property_title or "".join(self.f.get("issuers", [])) + self.f.get("mark_suffix", "")
        return self.date_line(k, self.f)

    def set_title(self, key: str, lines: list[str], into: dict | None = None) -> None:
        into = self.f if into is None else into
        joined = "".join(lines)
        bare = p.strip_ending(joined)
        if bare != joined:
            self.change(p.Change(key, joined, bare))
            lines[-1] = p.strip_ending(lines[-1])
        into["title"] = lines if len(lines) > 1 else lines[0]

    def date_line(self, k: int, into: dict) -> int:
        line = self.lines[k] if k < len(self.lines) else None
        if isinstance(line, Line) and (line.role == "title-date" or (
                not self.own and p.DATE_LINE.fullmatch(line.text))):
            into["date_line"] = line.text.strip("（）() ")
            return k + 1
        return k

    def to(self, k: int) -> int:
        line = self.lines[k] if k < len(self.lines) else None
        if not isinstance(line, Line):
            return k
        text = line.text
        plain = not line.role and "。" not in text and typed_level(text) is None and not text.startswith("附件") \
            and "如下" not in text and not line.right and not line.centred
        if line.role == "to" or (plain and text[-1:] in "：:" and len(text) <= 200):
            self.f["to"] = p.organs(text)
            return k + 1
        following = self.lines[k + 1] if k + 1 < len(self.lines) else None
        if plain and len(text) <= 100 and text[-1:] not in p.ENDING and isinstance(following, Line) \
                and following.text[-1:] in "。：:":
            self.f["to"] = p.organs(text)                  # a 主送 that lost its colon
            self.change(p.Change("to", text, text + "："))
            return k + 1
        return k

    def decide_kind(self) -> None:
        """The kind the head and title show, unless the drafter said it; what the kind does not
        print goes back to the leftovers."""
        f = self.f
        title = "".join(f["title"]) if isinstance(f.get("title"), list) else f.get("title", "")
        if self.kind is None:
            suffix = f.get("mark_suffix", "")
            self.kind = ("order" if "order_number" in f or suffix == "令" else
                         "minutes" if "纪要" in suffix or title.endswith("纪要") else
                         "forward" if "issued" in f else
                         "letter" if title.endswith("函") else
                         "request" if title.endswith("请示") else
                         "bulletin" if title.endswith("通报") else
                         ("annual" if "年度" in title else "report") if title.endswith("报告") else
                         "plan" if title.endswith("方案") and not f.get("issuers") else "notice")
        kind = kinds.get(self.kind)
        f["kind"] = self.kind
        names = f.get("signature", {}).get("names")
        if not f.get("issuers") and names and "issuers" in kind.required:
            f["issuers"] = f["signature"].pop("names")       # no mark: the organ that signs issues it
        if self.kind == "order" and "signature" in f:
            names = f["signature"].pop("names", None) or []
            f.setdefault("signers", names)
        if f.get("subject_words") or (f.get("copies") and self.kind != "brief"):
            f["profile"] = "party-legacy"
        if self.kind == "plan" and f.get("issuers") and "signature" in f:
            f["signature"].setdefault("names", f.pop("issuers"))
        refused = [name for name in kind.refused if "." not in name and name in f]
        if not kind.upward and self.kind != "order" and "signers" in f:
            refused.append("signers")
        for name in dict.fromkeys(refused):
            value = f.pop(name)
            self.found.leftovers.append(Leftover(_said(value), name))

    def tidy(self) -> None:
        """A mark's 文件 that text extraction put elsewhere (a PDF's joint mark) joins the mark."""
        f = self.f
        stray = next((left for left in self.found.leftovers if re.sub(r"\s", "", left.text) == "文件"), None)
        if stray is not None and f.get("issuers") and not f.get("mark_suffix"):
            f["mark_suffix"] = "文件"
            self.found.leftovers.remove(stray)

    def pictures_left(self) -> None:
        for _at, picture in self.pictures:
            if picture is not self.found.seal:
                self.found.leftovers.append(Leftover(f"[{picture.name or 'picture'}.{picture.extension}]", "body"))

    def text_of(self, items: list[Line | Table]) -> str:
        return body_text(items, self.own, self.shift)

    @property
    def shift(self) -> int:
        """How much deeper than level 1 the body's shallowest heading lies (a Markdown draft's
        ## under its # title)."""
        levels = [line.level for line in self.lines if isinstance(line, Line) and line.level is not None
                  and line.text not in self.title_texts]
        return min(levels) - 1 if levels else 0


def _numbered(text: str) -> bool:
    """A line of the head that ends it: the 文号 (签发人 beside it), a 令号 or a 期号."""
    text = text.strip(p.SPACES)
    return bool(p.doc_number(text) or p.ORDER_NUMBER.match(text) or p.ISSUE.match(text) or p.SIGNERS.search(text))


def _titled(text: str) -> bool:
    """A line that reads as a title's (关于……的通知), not as a mark's."""
    return text.startswith(("关于", "印发")) or text.endswith(p.KIND_WORDS)


def _mark_like(line: Line, at: int) -> bool:
    """A head line of a draft without a 文号: red, the 份号/密级/紧急程度, or a first line that
    names a mark (……文件, ……令, ……简报)."""
    if line.red or not p.HEAD_TOKENS.sub("", line.text).strip(p.SPACES + "★"):
        return True
    return at == 0 and line.text.endswith((*p.MARK_SUFFIXES, "令", *p.BRIEF_MASTHEADS)) and len(line.text) <= 30 \
        and (line.size_pt is None or line.size_pt >= 22)


def _said(value: object) -> str:
    if isinstance(value, list):
        return "，".join(str(v) for v in value)
    return str(value)
