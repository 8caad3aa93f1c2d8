"""Web-page debris: navigation, publication data, share buttons and the page footer.

Each dropped line keeps its reason, so the import report can list it; nothing goes silently.
"""
from __future__ import annotations

import re

from govreport.reading.fates import BLANK, DEBRIS, LineFate
from govreport.reading.vocabulary import DebrisRule, Vocabulary
from govreport.reading.reportfile import SourceLine, visible_len

_BULLET = re.compile(r"^(?:[•·▪●■◆◇○]\s*|[-*]\s+)")
_SENTENCE_END = "。！？"


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text).strip()


def match_debris(text: str, vocabulary: Vocabulary) -> DebrisRule | None:
    """The first debris rule the (clean) line matches, or None."""
    text = strip_bullet(text)
    for rule in vocabulary.debris:
        if len(text) <= rule.max_len and rule.pattern.search(text):
            return rule
    return None


def mark(lines: list[SourceLine], fates: list[LineFate | None], vocabulary: Vocabulary) -> None:
    """Mark blank lines and debris in place."""
    in_footer = False
    for i, line in enumerate(lines):
        clean = line.clean
        if not visible_len(clean):
            fates[i] = LineFate(line.no, line.text, BLANK, "", 0)
            continue
        rule = match_debris(clean, vocabulary)
        if rule is not None:
            fates[i] = LineFate(line.no, line.text, DEBRIS, rule.label, visible_len(line.text))
            in_footer = in_footer or rule.footer
            continue
        if in_footer and len(clean) <= vocabulary.footer_line_max \
                and not any(c in clean for c in _SENTENCE_END):
            fates[i] = LineFate(line.no, line.text, DEBRIS, "页面底部", visible_len(line.text))
