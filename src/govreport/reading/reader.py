"""Reading a report written elsewhere: the one reader `govreport import` and `govreport check` share.

The steps, in order: blank lines and web debris, the 公文 frame around the body, the report year,
and the body split into parts at its level-1 headings, each named by the pack's section it is.
The result says what every line is; it rewrites nothing (the import's figure references and year
roll-forward are the import's own, and the checks judge the text as written).
"""
from __future__ import annotations

from dataclasses import dataclass

from govreport.reading import reportfile
from govreport.model.pack import TemplatePack
from govreport.reading import debris, frame as frames, parts as splitting, report_year
from govreport.reading.fates import LineFate
from govreport.reading.frame import Frame
from govreport.reading.parts import Part
from govreport.reading.vocabulary import Vocabulary, vocabulary_for


@dataclass
class Reading:
    source: reportfile.Source
    pack: TemplatePack
    vocabulary: Vocabulary
    fates: list[LineFate | None]   # the fate of every line; None: a line of the body (in a part)
    frame: Frame
    parts: list[Part]              # the intro first (maybe empty), then one per level-1 heading
    year: report_year.YearGuess

    @property
    def lines(self) -> list[reportfile.SourceLine]:
        return self.source.lines


def read(source: reportfile.Source, pack: TemplatePack, unit: str | None = None) -> Reading:
    """Read `source` with the words of `pack` (reader.toml). unit: the unit's name when known,
    which lets a 署名 such as "清溪镇" be recognised."""
    vocab = vocabulary_for(pack)
    lines = source.lines
    fates: list[LineFate | None] = [None] * len(lines)
    debris.mark(lines, fates, vocab)
    fr = frames.find(lines, fates, vocab, unit=unit)
    year = report_year.guess(fr.title, fr.date, _opening(fr.body, lines),
                             "\n".join(lines[i].clean for i in fr.body), vocab)
    found = splitting.split(fr.body, lines, vocab, pack, year.year)
    return Reading(source, pack, vocab, fates, fr, found, year)


def _opening(body: list[int], lines: list[reportfile.SourceLine]) -> str:
    """The preamble's first line, "" when the body starts with a level-1 heading."""
    if body and not splitting.is_level1_heading(lines[body[0]]):
        return lines[body[0]].clean
    return ""
