"""The campaign's statistics, computed from its organisation table: the figures the seeds leave
as "全市社会组织共xx家、党员x名，其中已建党组织的x家……" and the coverage rates the briefings
report.  Each figure has an English name (the attribute) and a Chinese one (what a plan's
text writes: ``{{ 统计.组织覆盖率 | 百分比 }}``); :data:`NAMES` documents them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from .data import FORMATIONS, Organisation

# attribute → (Chinese name, what it counts)
NAMES: dict[str, tuple[str, str]] = {
    "total": ("社会组织总数", "organisations in the table"),
    "members": ("党员总数", "formal party members in them"),
    "with_org": ("已建党组织", "organisations with a party organisation"),
    "without_org": ("未建党组织", "organisations without one"),
    "members_3plus": ("未建有三名以上党员", "without a party organisation, 3 or more members"),
    "members_2": ("未建有两名党员", "without a party organisation, 2 members"),
    "members_1": ("未建有一名党员", "without a party organisation, 1 member"),
    "members_0": ("未建无党员", "without a party organisation, no member"),
    "single": ("单独组建", "party organisations formed alone"),
    "joint": ("联合组建", "formed jointly with other organisations"),
    "attached": ("挂靠组建", "attached to another party organisation"),
    "delegated": ("派员组建", "formed by a delegated member"),
    "instructors": ("选派党建指导员", "organisations with a party-building instructor"),
    "work_covered": ("党的工作覆盖", "organisations with a party organisation or an instructor"),
    "org_coverage": ("组织覆盖率", "with_org / total (a fraction: 0.313)"),
    "work_coverage": ("工作覆盖率", "work_covered / total"),
}


@dataclass(frozen=True)
class Statistics:
    total: int
    members: int
    with_org: int
    without_org: int
    members_3plus: int
    members_2: int
    members_1: int
    members_0: int
    single: int
    joint: int
    attached: int
    delegated: int
    instructors: int
    work_covered: int
    org_coverage: float
    work_coverage: float
    by_district: dict[str, Statistics] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: list[Organisation], *, districts: bool = True) -> Statistics:
        total = len(rows)
        without = [r for r in rows if not r.has_org]
        formed = {kind: sum(1 for r in rows if r.has_org and r.formed == kind) for kind in FORMATIONS}
        covered = sum(1 for r in rows if r.has_org or r.instructor)
        with_org = total - len(without)
        by_district = {}
        if districts:
            names = list(dict.fromkeys(r.district for r in rows if r.district))   # the table's order
            by_district = {name: cls.of([r for r in rows if r.district == name], districts=False) for name in names}
        return cls(
            total=total, members=sum(r.members for r in rows), with_org=with_org, without_org=len(without),
            members_3plus=sum(1 for r in without if r.members >= 3),
            members_2=sum(1 for r in without if r.members == 2),
            members_1=sum(1 for r in without if r.members == 1),
            members_0=sum(1 for r in without if r.members == 0),
            single=formed["单独"], joint=formed["联合"], attached=formed["挂靠"], delegated=formed["派员"],
            instructors=sum(1 for r in rows if r.instructor), work_covered=covered,
            org_coverage=with_org / total if total else 0.0, work_coverage=covered / total if total else 0.0,
            by_district=by_district)

    def facts(self) -> dict[str, object]:
        """The figures under their English and Chinese names, districts under 分区/by_district."""
        out: dict[str, object] = {}
        for item in fields(self):
            if item.name == "by_district":
                continue
            value = getattr(self, item.name)
            out[item.name] = value
            out[NAMES[item.name][0]] = value
        districts = {name: stats.facts() for name, stats in self.by_district.items()}
        out["by_district"] = out["分区"] = districts
        return out


def change(before: Statistics, now: Statistics) -> dict[str, object]:
    """Each figure's change since the previous table (now − before), by district too."""
    out: dict[str, object] = {}
    for item in fields(now):
        if item.name == "by_district":
            continue
        delta = getattr(now, item.name) - getattr(before, item.name)
        out[item.name] = out[NAMES[item.name][0]] = delta
    districts = {name: change(before.by_district[name], stats) for name, stats in now.by_district.items()
                 if name in before.by_district}
    out["by_district"] = out["分区"] = districts
    return out


def progress(stats: Statistics, targets: dict[str, float]) -> dict[str, dict[str, float]]:
    """Each target rate (组织覆盖率 0.6 …) beside the figure of the same name: 目标, 实际, 差距
    (target − actual, never below 0) and 完成 (actual / target)."""
    facts = stats.facts()
    out = {}
    for name, target in targets.items():
        actual = facts.get(name)
        if not isinstance(actual, float):
            continue
        row = {"目标": target, "实际": actual, "差距": max(0.0, target - actual),
               "完成": actual / target if target else 0.0}
        out[name] = row | {"target": target, "actual": actual, "gap": row["差距"], "done": row["完成"]}
    return out
