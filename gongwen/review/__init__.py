"""Stage 4, review: any .docx — gongwen's own or typed by hand — read by what it says and how it
is set, held to the rules of :mod:`gongwen.rules` (with its printed pages when given), and the
fixes that cannot change its meaning."""
