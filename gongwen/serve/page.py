"""The drafting-room page: one screen, its words in Chinese (in English for a browser that asks
for English first), its script and style served from the package."""
from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import HTMLResponse

LABELS = {
    "zh": {"title": "gongwen 公文", "subtitle": "按 GB/T 9704-2012 排版党政机关公文", "token": "访问口令",
           "token_save": "确定", "token_help": "本服务需要口令：由启动服务的人提供（gongwen serve --token）",
           "editor": "编辑", "kind": "文种", "starter": "从样例开始", "from_draft": "从已有草稿开始",
           "upload_draft": "上传草稿（.docx、.txt、.md）", "paste_here": "把文字粘贴到这里（可从微信、邮件复制）",
           "paste_import": "导入粘贴的文字", "files": "附加文件（印章图片、表格、扫描件）", "form": "表单",
           "preview": "预览", "waiting": "修改后稍候即更新预览", "printing": "正在排版……", "failed": "未能排版",
           "printed": "共 {n} 页", "page": "第 {n} 页", "download_docx": "下载 .docx", "download_pdf": "下载 PDF",
           "findings": "检查发现的问题", "clean": "未发现问题", "warnings": "提示", "check_docx": "检查或重排 .docx",
           "upload_docx": "上传 .docx 检查", "format_docx": "重排并下载", "campaign": "活动（批量）",
           "campaign_files": "活动文件、计划文件和数据表", "campaign_facts": "查看事实", "campaign_zip": "生成全部（.zip）",
           "add": "添加", "remove": "删除", "left": "未能归入：", "document": "公文", "formatted": "（重排）",
           "found": "发现 {n} 个问题"},
    "en": {"title": "gongwen", "subtitle": "Chinese official documents laid out to GB/T 9704-2012", "token": "Token",
           "token_save": "OK", "token_help": "This server asks for a token: ask whoever started it (gongwen serve --token)",
           "editor": "Editor", "kind": "Kind", "starter": "Start from the example", "from_draft": "Start from a draft", "upload_draft": "Upload a draft (.docx, .txt, .md)",
           "paste_here": "Paste text here", "paste_import": "Import the pasted text",
           "files": "Files (seal image, tables, scans)", "form": "Form", "preview": "Preview",
           "waiting": "The preview follows your edits", "printing": "Laying out…", "failed": "Could not lay out",
           "printed": "{n} pages", "page": "Page {n}", "download_docx": "Download .docx",
           "download_pdf": "Download PDF", "findings": "Findings", "clean": "No findings", "warnings": "Notes",
           "check_docx": "Check or re-lay a .docx", "upload_docx": "Upload a .docx to check",
           "format_docx": "Re-lay and download", "campaign": "Campaign (batch)",
           "campaign_files": "Campaign file, plans and data tables", "campaign_facts": "Show the facts",
           "campaign_zip": "Render all (.zip)", "add": "Add", "remove": "Remove", "left": "Not placed: ",
           "document": "document", "formatted": " (re-laid)", "found": "{n} findings"},
}


def language(request: Request) -> str:
    """English when the browser puts English before Chinese, else Chinese."""
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"


async def page(request: Request) -> HTMLResponse:
    from jinja2 import Environment, PackageLoader, select_autoescape

    lang = language(request)
    environment = Environment(loader=PackageLoader("gongwen.serve", "templates"), autoescape=select_autoescape())
    html = environment.get_template("page.html").render(
        lang="zh-CN" if lang == "zh" else "en", t=LABELS[lang], labels_json=json.dumps(LABELS[lang], ensure_ascii=False),
        token_needed=bool(request.app.state.token))
    return HTMLResponse(html)
