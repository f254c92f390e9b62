"""Stage 1, the plan: what the drafter writes, read into a typed model.

A plan file (YAML with Chinese or English keys) or a dict → :class:`~gongwen.plan.model.Plan`,
every error at its file, line and field; campaign files, their data tables and statistics fill
the plans' text through a Jinja sandbox.  Nothing here knows about OOXML or PDF.
"""
