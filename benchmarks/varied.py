"""A generated set of varied plans (deterministic for a seed): notices, requests, reports and
plans of 1 to 40 paragraphs, with headings, dates and figures in the text, 主送 and 抄送 lists of
varied length, attachments listed or not, signed by one or two organs.  The sentences come from
the bundled fixtures, recombined, so the text reads like the documents the project serves.

Used by ``speed.py`` (the share settled in one pass) and runnable alone to compare the layouts of
two trees: ``python benchmarks/varied.py N OUT.json`` writes each plan's layout and passes."""
from __future__ import annotations

import dataclasses
import json
import random
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import gongwen
from gongwen.plan.body import Paragraph

ROOT = Path(__file__).resolve().parent.parent
ORGANS = ["××市民政局", "××市财政局", "××市人力资源和社会保障局", "××县人民政府", "××区委组织部", "市直机关工委",
          "××市社会组织管理局", "各县（市、区）民政局", "市政府各部门", "××市委宣传部", "××经济技术开发区管委会"]


def _sentences() -> list[str]:
    found = []
    for path in sorted(ROOT.glob("fixtures/*.yaml")) + sorted(ROOT.glob("fixtures/seeds/*.yaml")):
        for block in gongwen.load_plan(path, root=ROOT).blocks:
            if isinstance(block, Paragraph):
                found += [s + "。" for s in re.split("。", block.text) if 6 <= len(s) <= 120 and "妥否" not in s]
    return found


def plan_data(index: int, sentences: list[str]) -> dict:
    rng = random.Random(index)
    kind = rng.choice(["通知", "通知", "请示", "报告", "通知"])
    paragraphs = []
    for n in range(rng.randint(1, 40)):
        if n and rng.random() < 0.15:
            paragraphs.append("# " + rng.choice(sentences)[:rng.randint(6, 20)].rstrip("。，"))
        paragraphs.append("".join(rng.choice(sentences) for _ in range(rng.randint(1, 6))))
    data = {
        "文种": kind,
        "发文机关": [rng.choice(ORGANS[:6])],
        "文号": f"×民发〔2026〕{index + 1}号",
        "标题": f"关于做好{rng.choice(['社会组织', '安全生产', '年度考核', '党建工作'])}有关工作的{kind}",
        "主送": rng.sample(ORGANS, 1 if kind != "通知" else rng.randint(1, 5)),
        "正文": "\n".join(paragraphs),
        "落款": {"日期": "2026-11-24"},
        "印发机关": "××市民政局办公室",
        "印发日期": "2026-11-24",
    }
    if kind in ("请示", "报告"):
        data["签发人"] = ["王建国"]
        data["主送"] = data["主送"][:1]
    if rng.random() < 0.6:
        data["抄送"] = rng.sample(ORGANS, rng.randint(1, 8))
    if rng.random() < 0.4:
        data["附件"] = [f"{rng.choice(['检查表', '统计表', '名单', '实施细则'])}{n}" for n in range(1, rng.randint(2, 4))]
    if kind == "请示" or rng.random() < 0.3:
        data["附注"] = "联系人：张三，电话：0398-2182017"
    return data


def jobs(count: int, only: Iterable[int] | None = None) -> list[gongwen.Job]:
    """The first ``count`` plans, or those numbered in ``only``."""
    sentences = _sentences()
    return [gongwen.Job(gongwen.plan_from_data(plan_data(i, sentences)), f"varied-{i:03d}")
            for i in (range(count) if only is None else only)]


def main(count: int, out: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        results = gongwen.paginate(jobs(count), work, raise_errors=False)
    record = {r.job.name: {**dataclasses.asdict(r.layout), "passes": r.passes, "error": str(r.error or "")}
              for r in results}
    Path(out).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    done = [r for r in results if r.error is None]
    print(f"{len(done)} laid out, {sum(r.passes == 1 for r in done)} in one pass, "
          f"{sum(r.passes for r in done)} conversions")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
