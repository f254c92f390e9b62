"""Stage 2, compose: a plan and a profile → a Word-editable .docx.

The template with the profile's styles and frame, then the document written from the top of
page 1 down by its kind (:mod:`gongwen.compose.kinds`) out of the shared parts of each zone of
GB/T 9704 §5 (:mod:`.head`, :mod:`.main`, :mod:`.attachments`, :mod:`.banji`).  Only
:mod:`.oxml` writes raw WordprocessingML.
"""
