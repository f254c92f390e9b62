"""Stage 3, printing: the .docx through LibreOffice to PDF, the PDF measured in millimetres and
held to the standard's geometry, and the document re-composed until its pages keep the rules
only a renderer can (版记 page, signature with body text, blank pages unnumbered)."""
