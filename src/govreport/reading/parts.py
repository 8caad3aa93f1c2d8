"""Splitting the body by its level-1 headings (一、二、……) and naming each part's section.

Naming is by meaning, from the keyword table in reader.toml, so "存在的问题与不足",
"问题不足" and "三、2024年度推进法治政府建设存在的不足和原因" all land in the pack's section of
problems whatever their number. The text before the first heading is the intro.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govreport.text import blocks
from govreport.model.pack import INTRO, MEASURES, NEXT_YEAR, OTHER, TemplatePack
from govreport.reading.vocabulary import Vocabulary
from govreport.reading.written_dates import cn_number
from govreport.reading.reportfile import SourceLine

UNMAPPED = "无法归类"
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# Longer "headings" out of sequence are numbered sentences of a list inside a part.
_HEADING_MAX = 60


@dataclass
class Part:
    section: str                                     # the pack's section id ("" if none fits)
    lines: list[int] = field(default_factory=list)   # indices of content lines
    heading: int | None = None                       # index of the level-1 heading line
    heading_text: str = ""                           # the heading line as written
    title: str = ""                                  # heading title without its number
    run_in: str = ""                                 # text after a run-in heading's sentence
    how: str = ""                                    # how the section was decided, in Chinese
    note: str = ""                                   # a merge decision to report
    covers: tuple[str, ...] = ()                     # further sections a merged heading names
    unmapped: bool = False

    @property
    def heading_words(self) -> str:
        """The heading as written without its run-in text: "二、存在的不足。"."""
        if self.run_in and self.heading_text.endswith(self.run_in):
            return self.heading_text[:-len(self.run_in)].rstrip()
        return self.heading_text


@dataclass(frozen=True)
class Decision:
    section: str
    how: str
    note: str = ""
    covers: tuple[str, ...] = ()

    @property
    def unmapped(self) -> bool:
        return self.how == UNMAPPED


def is_level1_heading(line: SourceLine) -> bool:
    """一、 as written (or Word's numbering written out), else a .docx Heading 1 style."""
    found = blocks.detect(line.clean)
    if found is not None:
        return found[0] == 1
    return line.style_level == 1


def _numeral(line: SourceLine) -> int | None:
    found = blocks.detect(line.clean)
    if not found:
        return None
    try:
        return cn_number(found[2])
    except (KeyError, ValueError):
        return None


def classify(title: str, vocab: Vocabulary, pack: TemplatePack,
             report_year: int | None = None) -> Decision:
    """The section a level-1 heading's title names, and how that was decided."""
    scores: dict[str, int] = {}
    hits: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for rule in vocab.sections:
        for word, weight in rule.keywords:
            pos = title.find(word)
            if pos >= 0:
                scores[rule.id] = scores.get(rule.id, 0) + weight
                hits.setdefault(rule.id, []).append(word)
                first[rule.id] = min(first.get(rule.id, pos), pos)
    positive = {sid for sid, s in scores.items() if s > 0}
    for merge in vocab.merges:
        if merge.when <= positive:
            words = "、".join(f"“{w}”" for sid in sorted(merge.when) for w in hits.get(sid, []))
            return Decision(merge.into, f"关键词{words}（合并的部分）",
                            merge.note.format(heading=title, into=_short(pack, merge.into),
                                              covers="、".join(_short(pack, c) for c in
                                                              sorted(merge.when - {merge.into}))),
                            tuple(sorted(merge.when - {merge.into})))
    if not positive and report_year:
        years = {int(y) for y in _YEAR.findall(title)}
        for year, role, what in ((report_year + 1, NEXT_YEAR, "下一年度"),
                                 (report_year, MEASURES, "报告年度")):
            if year in years and pack.role_id(role):
                return Decision(pack.role_id(role), f"标题中的年份{year}年（{what}）")
    if not positive:
        return Decision(pack.role_id(OTHER) or "", UNMAPPED)
    best = max(positive, key=lambda sid: (scores[sid], -first[sid]))
    return Decision(best, "关键词" + "".join(f"“{w}”" for w in hits[best]))


def _short(pack: TemplatePack, sid: str) -> str:
    spec = pack.section(sid)
    return spec.short if spec else sid


def split(body: list[int], lines: list[SourceLine], vocab: Vocabulary, pack: TemplatePack,
          report_year: int | None = None) -> list[Part]:
    """Parts in source order: the intro, then one part per level-1 heading."""
    parts = [Part(pack.role_id(INTRO) or "", how="第一个一级标题之前的文字")]
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
            decided = classify(title.rstrip("。"), vocab, pack, report_year)
            names_part = not decided.unmapped and pack.role_of(decided.section) != OTHER
            # "一、" again after "三、" is a list inside a part, unless it names a part
            if sequential or (len(title) <= _HEADING_MAX and names_part):
                expected = (n or expected) + 1
                parts.append(Part(decided.section, heading=i, heading_text=line.clean, title=title,
                                  run_in=run_in.strip(), how=decided.how, note=decided.note,
                                  covers=decided.covers, unmapped=decided.unmapped))
                continue
        parts[-1].lines.append(i)
    return parts
