"""Splitting the body by its level-1 headings (一、二、……) and mapping each part to a section.

Mapping is by meaning, from the keyword table in import_rules.toml, so "存在的问题与不足",
"问题不足" and "三、2024年度推进法治政府建设存在的不足和原因" all land in 不足和原因 whatever
their number. The text before the first heading is the preamble.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govreport import blocks
from govreport.importer.frame import is_level1_heading
from govreport.importer.rules import ImportRules
from govreport.reportfile import SourceLine

PREAMBLE = "preamble"
OTHER = "other"
_CN = "一二三四五六七八九十"
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass
class Part:
    section: str
    lines: list[int] = field(default_factory=list)   # indices of content lines
    heading: int | None = None                       # index of the level-1 heading line
    heading_text: str = ""                           # the heading as written
    title: str = ""                                  # heading title without its number
    run_in: str = ""                                 # text after a run-in heading's sentence
    how: str = ""
    note: str = ""                                   # a merge decision to report
    unmapped: bool = False


def _numeral(line: SourceLine) -> int | None:
    found = blocks.detect(line.clean)
    if not found:
        return None
    numeral = found[2]
    try:
        from govreport.importer.frame import cn_number
        return cn_number(numeral)
    except (KeyError, ValueError):
        return None


def classify(title: str, rules: ImportRules, report_year: int | None = None) -> tuple[str, str, str]:
    """(section id, how it was decided, merge note) for a level-1 heading's title."""
    scores: dict[str, int] = {}
    hits: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for rule in rules.sections:
        for word, weight in rule.keywords:
            pos = title.find(word)
            if pos >= 0:
                scores[rule.id] = scores.get(rule.id, 0) + weight
                hits.setdefault(rule.id, []).append(word)
                first[rule.id] = min(first.get(rule.id, pos), pos)
    positive = {sid for sid, s in scores.items() if s > 0}
    for merge in rules.merges:
        if merge.when <= positive:
            words = "、".join(f"“{w}”" for sid in sorted(merge.when) for w in hits.get(sid, []))
            return merge.into, f"关键词{words}（合并的部分）", merge.note.format(heading=title)
    if not positive and report_year:
        years = {int(y) for y in _YEAR.findall(title)}
        if report_year + 1 in years:
            return "plans", f"标题中的年份{report_year + 1}年（下一年度）", ""
        if report_year in years:
            return "achievements", f"标题中的年份{report_year}年（报告年度）", ""
    if not positive:
        return OTHER, "无法归类", ""
    best = max(positive, key=lambda sid: (scores[sid], -first[sid]))
    words = "".join(f"“{w}”" for w in hits[best])
    return best, f"关键词{words}", ""


def split(body: list[int], lines: list[SourceLine], rules: ImportRules,
          report_year: int | None = None) -> list[Part]:
    """Parts in source order: the preamble, then one part per level-1 heading."""
    parts = [Part(PREAMBLE, how="第一个一级标题之前的文字")]
    expected = 1
    for i in body:
        line = lines[i]
        if is_level1_heading(line) and not line.table:
            n = _numeral(line)
            found = blocks.detect(line.clean)
            rest = found[3].strip() if found else line.clean
            title, run_in = blocks.split_run_in(rest)
            title = title.strip()
            sequential = n is None or n == expected
            sid, how, note = classify(title.rstrip("。"), rules, report_year)
            heading_shaped = len(title) <= 60
            # "一、" again after "三、" is a list inside a part, unless it names a part
            if sequential or (heading_shaped and sid != OTHER):
                expected = (n or expected) + 1
                parts.append(Part(sid, heading=i, heading_text=line.clean, title=title,
                                  run_in=run_in.strip(), how=how, note=note,
                                  unmapped=how == "无法归类"))
                continue
        parts[-1].lines.append(i)
    return parts
