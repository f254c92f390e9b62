"""The registry of kinds: every kind a module of its own with a starter; each kind's own rules."""
from __future__ import annotations

import warnings

import pytest

import gongwen
from gongwen import kinds
from gongwen.cli import starter_path

BASE = {"发文机关": ["三门峡市民政局"], "标题": "三门峡市民政局关于社会组织年检情况的报告", "正文": "现将有关情况报告如下。",
        "主送": ["三门峡市人民政府"], "附注": "联系人：王某，电话：12345678"}


def caught(data: dict) -> list[str]:
    with warnings.catch_warnings(record=True) as found:
        warnings.simplefilter("always")
        gongwen.plan_from_data(data)
    return [str(w.message) for w in found]


@pytest.mark.parametrize("kind", list(kinds.KINDS.values()), ids=lambda k: k.name)
def test_every_kind_has_a_module_that_writes_and_a_starter(kind):
    assert callable(kind.module.write)
    assert starter_path(kind.name).is_file()


def test_a_report_that_asks_for_approval_is_warned():
    assert caught({**BASE, "文种": "报告"}) == []
    (message,) = caught({**BASE, "文种": "报告", "正文": "现将有关情况报告如下。妥否，请批示。"})
    assert "请示" in message and "妥否" in message


def test_a_request_goes_to_one_organ_with_a_contact():
    data = {**BASE, "文种": "请示", "标题": "三门峡市民政局关于拨付专项经费的请示"}
    assert caught(data) == []
    assert any("一个主送机关" in m for m in caught({**data, "主送": ["市政府", "市财政局"]}))
    assert any("联系人" in m for m in caught({k: v for k, v in data.items() if k != "附注"}))
