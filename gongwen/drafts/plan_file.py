"""The plan an import found, written as a commented plan file in the style of ``gongwen new``:
Chinese keys by default (English with ``english=True``), short lists on one line, the body as a
block; what the importer could not place, and what it wrote in the standard's form instead of
the draft's, as comments at the field it stood by."""
from __future__ import annotations

import io

from ..i18n import _
from ..plan import kinds
from ..plan.glossary import term
from .lines import Leftover
from .patterns import Change

# the order of the fields in the file: as a drafter reads the document, top to bottom
ORDER = ("kind", "profile", "copy_number", "secrecy", "secrecy_period", "urgency", "issuers", "mark_suffix",
         "doc_number", "order_number", "issue_number", "supplement", "total_issue", "signers", "title", "date_line",
         "to", "body", "present", "absent", "attending", "contents", "articles", "attachments", "signature", "note",
         "issued", "report_to", "send_to", "distribute_to", "editor", "reviewer", "approver", "subject_words", "cc",
         "printed_by", "printed_on", "copies")
# the key a starter uses where it is not the glossary's first (gongwen new writes 文号)
_PREFERRED = {("Plan", "doc_number"): "文号"}
_BRIEF = {"title": "报头", "issuers": "编印单位", "printed_on": "编印日期"}
_SCOPES = {"signature": "Signature", "attachments": "Attachment", "articles": "Article", "issued": "IssuedDocument"}


def plan_text(fields: dict, leftovers: list[Leftover], changes: list[Change], source: str | None,
              english: bool = False) -> str:
    """The plan file's text (``source``: the draft it was imported from, if any)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    kind = fields.get("kind", "notice")
    top = CommentedMap()
    for name in sorted(fields, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
        value = fields[name]
        if name == "kind" and not english:
            value = kinds.get(value).zh
        key = name if english else (_BRIEF.get(name) if kind == "brief" and name in _BRIEF else _key("Plan", name))
        top[key] = _value(value, _SCOPES.get(name), english)
    keys = list(top)
    notes: dict[str, list[str]] = {}
    for change in changes:
        field = change.field.split(".")[0]
        notes.setdefault(field, []).append(str(change))
    for leftover in leftovers:
        notes.setdefault(leftover.near, []).append(_("not placed, check and move it: {text}").format(
            text=leftover.text.replace("\n", " ")))
    names = sorted(fields, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))
    for near, said in notes.items():
        at = ORDER.index(near) if near in ORDER else len(ORDER)
        following = [n for n in names if (ORDER.index(n) if n in ORDER else len(ORDER)) >= at]
        anchor = keys[names.index(following[0])] if following else keys[-1]
        top.yaml_set_comment_before_after_key(anchor, before="\n".join(said))
    header = _("gongwen plan file. Keys may be Chinese or English; gongwen schema lists them all.\nRender: gongwen "
               "render THIS.yaml -o out/") if source is None else _(
        "gongwen plan file, imported from {source} (gongwen import). Keys may be Chinese or English; gongwen schema "
        "lists them all.\nRender: gongwen render THIS.yaml -o out/").format(source=source)
    top.yaml_set_start_comment(header)
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(top, out)
    return out.getvalue()


def _key(scope: str, name: str) -> str:
    found = term(scope, name)
    return _PREFERRED.get((scope, name)) or (found.zh_keys[0] if found else name)


def _value(value: object, scope: str | None, english: bool) -> object:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        mapped = CommentedMap()
        for name, inner in value.items():
            mapped[name if english or scope is None else _key(scope, name)] = _value(inner, None, english)
        return mapped
    if isinstance(value, list):
        seq = CommentedSeq(_value(v, scope, english) for v in value)
        if all(isinstance(v, str) for v in value) and sum(len(v) + 2 for v in value) <= 60:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value + "\n")
    return value
