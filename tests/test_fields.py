"""Every field a plan gives is printed, or the plan is refused or warned naming the field: for
every kind, each field of the schema is set to a value of its own (a marker) on the kind's
starter, the plan rendered, and the marker looked for in the document's text (body, tables,
headers and footers).  Nothing a drafter writes may vanish in silence."""
from __future__ import annotations

import io
import re
import warnings
import zipfile

import pytest

import gongwen
from gongwen.cli import starter_path
from gongwen.compose.render import document_bytes
from gongwen.plan import kinds
from gongwen.plan.load import _field_name

# field → (value to set, text the document must then show); a value may name other fields it
# needs (secrecy_period needs a secrecy)
MARKERS: dict[str, tuple[object, str]] = {
    "title": ("关于标记题目的通知", "标记题目"),
    "date_line": ("2026年10月", "（2026年10月）"),
    "copy_number": ("000321", "000321"),
    "secrecy": ("秘密", "秘密"),
    "secrecy_period": ("3年", "★3年"),
    "urgency": ("特急", "特急"),
    "issuers": (["标记机关甲", "标记机关乙"], "标记机关乙"),
    "mark_suffix": ("标记纪要", "标记纪要"),
    "doc_number": ("标记〔2026〕7号", "标记〔2026〕7号"),
    "signers": (["标记签发人"], "标记签发人"),
    "to": (["标记主送机关"], "标记主送机关"),
    "body": ("标记正文内容。", "标记正文内容"),
    "attachments": (["标记附件名称"], "标记附件名称"),
    "signature": ({"date": "2026-11-01", "names": ["标记署名机关"]}, "标记署名机关"),
    "note": ("标记附注", "（标记附注）"),
    "issued": ({"title": "标记印发文件", "body": "标记印发正文。"}, "标记印发正文"),
    "order_number": (17, "第17号"),
    "present": (["标记出席人"], "标记出席人"),
    "absent": (["标记请假人"], "标记请假人"),
    "attending": (["标记列席人"], "标记列席人"),
    "phases": ([{"name": "标记阶段"}], "标记阶段"),
    "issue_number": (9, "第9期"),
    "total_issue": (99, "总第99期"),
    "supplement": (True, "增刊"),
    "articles": ([{"title": "标记文章甲", "body": "标记文章正文。"}, {"title": "标记文章乙", "body": "乙。"}],
                 "标记文章正文"),
    "report_to": (["标记报送单位"], "标记报送单位"),
    "send_to": (["标记送达单位"], "标记送达单位"),
    "distribute_to": (["标记发放单位"], "标记发放单位"),
    "editor": ("标记编辑", "标记编辑"),
    "reviewer": ("标记审核", "标记审核"),
    "approver": ("标记审签", "标记审签"),
    "cc": (["标记抄送机关"], "标记抄送机关"),
    "printed_by": ("标记印发机关", "标记印发机关"),
    "printed_on": ("2026-12-31", "2026年12月31日"),
    "subject_words": (["标记主题词"], "标记主题词"),
    "copies": (170, "共印170份"),
    "contents": (True, "本期要目"),
}
NEEDS = {"secrecy_period": {"secrecy": "秘密"}}
NOT_TEXT = {"kind", "profile"}       # they choose how the document is laid out, not what it says
PICTURES = {"masthead_image"}        # printed as a picture: measured in tests/test_unit_look.py


def test_every_field_of_the_schema_has_a_marker():
    assert set(gongwen.Plan.model_fields) - NOT_TEXT - PICTURES == set(MARKERS)


def document_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(package.read(n).decode("utf-8") for n in package.namelist()
                      if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n))
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def outcome(kind: str, field: str, tmp_path) -> str:
    """'printed', 'refused' or 'warned' — naming the field — else what went wrong."""
    base = gongwen.load_plan(starter_path(kind)).model_dump(mode="json", exclude_defaults=True)
    needs = NEEDS.get(field, {}) | ({"articles": MARKERS["articles"][0]} if field == "contents" and kind == "brief"
                                    else {})
    data = {**base, **needs, field: MARKERS[field][0]}
    names = [_field_name((f,)) for f in (field, *needs)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            plan = gongwen.plan_from_data(data, base_dir=tmp_path)
            text = document_text(document_bytes(gongwen.render(plan, base_dir=tmp_path)))
        except gongwen.PlanError as error:
            said = f"{error.field} {error.message}"
            return "refused" if any(name in said for name in names) else f"refused without naming it: {said}"
        except gongwen.GongwenError as error:
            return f"{type(error).__name__}: {error}"
    if MARKERS[field][1] in text:
        return "printed"
    if kind == "order" and field == "title" and plan.title_text == MARKERS[field][0]:
        # a 令 has no title on the page (§10.2): its 标题 is the document's title in its properties
        with zipfile.ZipFile(io.BytesIO(document_bytes(gongwen.render(plan, base_dir=tmp_path)))) as package:
            return "printed" if MARKERS[field][0] in package.read("docProps/core.xml").decode() else "lost"
    if any(names[0] in str(w.message) for w in caught):
        return "warned"
    return "lost"


@pytest.mark.parametrize("kind", list(kinds.KINDS))
def test_every_field_given_is_printed_or_refused(kind, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    results = {field: outcome(kind, field, tmp_path) for field in MARKERS}
    assert {f: r for f, r in results.items() if r not in ("printed", "refused", "warned")} == {}


# fields inside fields: (kind, field, value, text the document must show)
NESTED = [
    ("notice", "signature", {"date": "2026-11-24", "date_style": "chinese"}, "二○二六年十一月二十四日"),
    ("notice", "attachments", [{"title": "标记附件", "content": "标记附件正文。"}], "标记附件正文"),
    ("forward", "issued", {"title": "标记方案", "body": "甲。", "date_line": "2026年9月"}, "（2026年9月）"),
    ("plan", "phases", [{"name": "标记阶段", "start": "2026-03-01", "end": "2026-03-31", "content": "标记阶段内容"}],
     "标记阶段内容"),
    ("brief", "articles", [{"title": "标记文章", "body": "甲。", "source": "标记来源"}], "（摘自标记来源）"),
    ("brief", "articles", [{"title": "标记文章", "body": "甲。", "charts": [{"title": "标记图题", "data": {"甲": 1}}]}],
     "标记图题"),
]


@pytest.mark.parametrize(("kind", "field", "value", "expected"), NESTED)
def test_fields_inside_fields_are_printed(kind, field, value, expected, tmp_path):
    base = gongwen.load_plan(starter_path(kind)).model_dump(mode="json", exclude_defaults=True)
    plan = gongwen.plan_from_data({**base, field: value}, base_dir=tmp_path)
    assert expected in document_text(document_bytes(gongwen.render(plan, base_dir=tmp_path)))


def test_a_signature_without_a_name_is_refused_not_an_internal_error(tmp_path):
    # a 实施方案 with a 落款 and no 发文机关 ended in "max() arg is an empty sequence"
    base = gongwen.load_plan(starter_path("plan")).model_dump(mode="json", exclude_defaults=True)
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.plan_from_data({**base, "signature": {"date": "2026-11-24"}}, base_dir=tmp_path)
    assert caught.value.field == _field_name(("signature",))


@pytest.mark.parametrize("kind", ["notice", "bulletin", "forward", "letter", "request", "report", "annual"])
def test_a_document_without_its_date_is_refused(kind, tmp_path):
    # GB/T 9704-2012 §7.3.5: the 成文日期 is required; a notice without 落款 rendered with exit 0
    base = gongwen.load_plan(starter_path(kind)).model_dump(mode="json", exclude_defaults=True)
    del base["signature"]
    with pytest.raises(gongwen.PlanError) as caught:
        gongwen.plan_from_data(base, base_dir=tmp_path)
    assert _field_name(("signature",)) in str(caught.value)
