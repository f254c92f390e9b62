"""The one table that ties a document element to its YAML keys, model field and style name.

A plan may use the English key (the model field) or any of the Chinese keys.  Scopes are the
model classes: a key is looked up only among the fields of the mapping it appears in.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    scope: str          # model class the key belongs to
    field: str          # model field = English YAML key
    element: str        # the element's name in GB/T 9704 (used in Chinese messages)
    zh_keys: tuple[str, ...]
    style: str | None = None   # named paragraph style that renders it, if any


TERMS: tuple[Term, ...] = (
    Term("Plan", "kind", "文种", ("文种", "类型")),
    Term("Plan", "profile", "格式", ("格式", "版式")),
    Term("Plan", "copy_number", "份号", ("份号",), "份号"),
    Term("Plan", "secrecy", "密级", ("密级",), "密级"),
    Term("Plan", "secrecy_period", "保密期限", ("保密期限",), "密级"),
    Term("Plan", "urgency", "紧急程度", ("紧急程度",), "紧急程度"),
    Term("Plan", "issuers", "发文机关", ("发文机关", "发文机关标志", "编印单位"), "发文机关标志"),
    Term("Plan", "mark_suffix", "标志后缀", ("标志后缀",), "发文机关标志"),
    Term("Plan", "doc_number", "发文字号", ("发文字号", "文号"), "发文字号"),
    Term("Plan", "signers", "签发人", ("签发人",), "签发人"),
    Term("Plan", "title", "标题", ("标题", "报头"), "标题"),
    Term("Plan", "to", "主送机关", ("主送", "主送机关"), "主送机关"),
    Term("Plan", "body", "正文", ("正文",), "正文"),
    Term("Plan", "attachments", "附件", ("附件",), "附件说明"),
    Term("Plan", "signature", "署名", ("落款", "署名")),
    Term("Plan", "note", "附注", ("附注",), "附注"),
    Term("Plan", "issued", "印发的文件", ("印发文件", "所附文件"), "公文标题"),
    Term("Plan", "cc", "抄送机关", ("抄送", "抄送机关"), "版记"),
    Term("Plan", "printed_by", "印发机关", ("印发机关",), "版记"),
    Term("Plan", "printed_on", "印发日期", ("印发日期", "编印日期"), "版记"),
    Term("Plan", "subject_words", "主题词", ("主题词",), "主题词"),
    Term("Plan", "copies", "印数", ("印数",), "版记"),
    Term("DocNumber", "code", "机关代字", ("机关代字", "代字")),
    Term("DocNumber", "year", "年份", ("年份", "年")),
    Term("DocNumber", "seq", "发文顺序号", ("发文顺序号", "序号")),
    Term("Signature", "names", "署名", ("署名", "发文机关署名")),
    Term("Signature", "date", "成文日期", ("成文日期", "日期")),
    Term("Signature", "seal", "印章", ("印章",)),
    Term("Signature", "date_style", "日期格式", ("日期格式",)),
    Term("Plan", "order_number", "令号", ("令号",), "发文字号"),
    Term("Plan", "present", "出席", ("出席", "出席人员"), "出席人员"),
    Term("Plan", "absent", "请假", ("请假", "请假人员"), "出席人员"),
    Term("Plan", "attending", "列席", ("列席", "列席人员"), "出席人员"),
    Term("Plan", "date_line", "标题下日期", ("日期行", "题注日期"), "标题下日期"),
    Term("Plan", "phases", "时间安排", ("时间安排", "实施步骤", "阶段"), "二级标题"),
    Term("Plan", "issue_number", "期号", ("期号", "期数"), "期号"),
    Term("Plan", "masthead_image", "报头图片", ("报头图片",)),
    Term("Plan", "total_issue", "总期号", ("总期号",), "期号"),
    Term("Plan", "supplement", "增刊", ("增刊",), "期号"),
    Term("Plan", "contents", "本期要目", ("本期要目", "期要"), "本期要目"),
    Term("Plan", "articles", "文章", ("文章",), "文章标题"),
    Term("Plan", "report_to", "报", ("报",), "报尾"),
    Term("Plan", "send_to", "送", ("送",), "报尾"),
    Term("Plan", "distribute_to", "发", ("发",), "报尾"),
    Term("Plan", "editor", "编辑", ("编辑",), "报尾"),
    Term("Plan", "reviewer", "审核", ("审核",), "报尾"),
    Term("Plan", "approver", "审签", ("审签",), "报尾"),
    Term("Article", "title", "文章标题", ("标题",), "文章标题"),
    Term("Article", "body", "文章正文", ("正文",), "正文"),
    Term("Article", "source", "出处", ("出处", "摘自", "来源"), "文章出处"),
    Term("Article", "charts", "图表", ("图表",), "图题"),
    Term("Chart", "title", "图题", ("图题", "标题")),
    Term("Chart", "data", "图表数据", ("数据",)),
    Term("Chart", "percent", "百分比", ("百分比",)),
    Term("Article", "new_page", "另起一页", ("另起一页", "另页")),
    Term("Campaign", "name", "活动名称", ("活动", "活动名称", "campaign")),
    Term("Campaign", "owners", "主办单位", ("主办", "主办单位")),
    Term("Campaign", "phases", "阶段", ("阶段", "时间安排", "实施步骤")),
    Term("Campaign", "targets", "目标", ("目标", "工作目标")),
    Term("Campaign", "contacts", "联系人", ("联系人",)),
    Term("Campaign", "leading_group", "领导小组", ("领导小组",)),
    Term("Campaign", "data", "数据", ("数据", "数据表")),
    Term("Campaign", "documents", "文件", ("文件", "生成文件")),
    Term("Campaign", "facts", "其他事实", ("其他事实", "事实")),
    Term("Campaign", "first_issue", "简报起始期号", ("简报起始期号", "起始期号")),
    Term("DataSource", "file", "数据文件", ("文件", "数据文件")),
    Term("DataSource", "previous", "上期数据", ("上期", "上期数据")),
    Term("DataSource", "sheet", "工作表", ("工作表",)),
    Term("DataSource", "columns", "列", ("列", "表头")),
    Term("CampaignDocument", "plan", "计划文件", ("计划", "计划文件")),
    Term("CampaignDocument", "facts", "本文件事实", ("事实",)),
    Term("Phase", "name", "阶段名称", ("名称", "阶段")),
    Term("Phase", "start", "开始日期", ("开始", "开始日期", "起")),
    Term("Phase", "end", "结束日期", ("结束", "结束日期", "止")),
    Term("Phase", "content", "阶段内容", ("内容", "工作内容")),
    Term("IssuedDocument", "title", "印发文件标题", ("标题", "名称")),
    Term("IssuedDocument", "date_line", "印发文件日期行", ("日期行", "题注日期")),
    Term("IssuedDocument", "body", "印发文件正文", ("正文",)),
    Term("Attachment", "title", "附件名称", ("名称", "标题")),
    Term("Attachment", "content", "附件内容", ("内容", "正文")),
    Term("Attachment", "table", "附件表格", ("表格",)),
    Term("Attachment", "sheet", "附件工作表", ("工作表",)),
    Term("Attachment", "pdf", "附件扫描件", ("扫描件", "PDF")),
    Term("Attachment", "landscape", "横排", ("横排", "横排表格")),
    Term("Attachment", "pdf_has_title", "扫描件含标题", ("扫描件含标题",)),
)


def keys(scope: str) -> dict[str, str]:
    """Every accepted key of ``scope`` (English and Chinese) mapped to its field."""
    out: dict[str, str] = {}
    for term in TERMS:
        if term.scope == scope:
            out[term.field] = term.field
            out.update(dict.fromkeys(term.zh_keys, term.field))
    return out


def term(scope: str, field: str) -> Term | None:
    return next((t for t in TERMS if t.scope == scope and t.field == field), None)
