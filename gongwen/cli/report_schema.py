"""The JSON Schema of ``gongwen render --report`` (``gongwen schema report``): what a pipeline
reads, described by models of its own so that the schema and the report cannot drift apart (a
test validates a real report against it)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportFinding(_Strict):
    """One finding, in the shape ``gongwen check --json`` uses too; a plan's warning is one."""

    id: str = Field(description="the rule (gongwen check --rules), or plan.warning")
    severity: Literal["fatal", "error", "warning"]
    clause: str = Field(description="the clauses the rule applies, each with its heading: GB/T 9704-2012 §7.3.1 标题 "
                        "(empty for a plan warning)")
    page: int | None = Field(description="the page it stands on, when pages were measured")
    expected: str
    measured: str
    message: str = Field(description="in the locale's language")
    where: str = Field(description="an excerpt of the paragraph, or the plan's file:line")


class ReportDocument(_Strict):
    name: str = Field(description="the plan file's stem, unique in the batch")
    plan: str = Field(description="the plan file")
    status: Literal["written", "failed"]
    outputs: list[str] = Field(description="the files written (.docx, and .pdf with --pdf)")
    findings: list[ReportFinding]
    error: str | None = Field(description="why it failed")
    passes: int | None = Field(description="LibreOffice passes the pagination took")
    done_after_s: float | None = Field(None, description="seconds from the start of the run (only with --timings)")


class Report(_Strict):
    documents: list[ReportDocument]
    written: int
    failed: int
    warnings: int = Field(description="findings of severity warning, over all documents")
    errors: int = Field(description="findings of severity error or fatal, over all documents")


def report_schema() -> dict:
    return Report.model_json_schema()
