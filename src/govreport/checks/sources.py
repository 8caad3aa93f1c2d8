"""Building the checks' input (ReportText) from a draft, a .docx or a .txt.

A draft is checked as compiled (the text the .docx will hold) and its findings point back to
the draft's sections and blocks. A report written elsewhere is read by govreport.reading, the
reader the import uses too, so check and import agree on its title, 成文日期, 署名 and parts.
The checks judge the text as written: none of the import's rewriting (figure references, year
roll-forward, numbering of styled headings) applies, and table rows are no paragraphs.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from govreport.reading import reportfile
from govreport.checks.config import settings_for
from govreport.checks.model import Paragraph, Part, ReportText
from govreport.model.document import Table
from govreport.base.errors import InputError
from govreport.model.findings import INFO, Finding
from govreport.model.pack import TemplatePack, load_pack
from govreport.reading import Reading, read

SUFFIXES = (".json", ".docx", ".txt")


def parts_of(reading: Reading) -> list[Part]:
    """The parts of a report as written: the intro when it has text, then one per heading."""
    pack, lines = reading.pack, reading.lines
    out: list[Part] = []
    for rp in reading.parts:
        texts = [rp.run_in] if rp.run_in else []
        texts += [lines[i].clean for i in rp.lines if not lines[i].table]
        paragraphs = [Paragraph(text, k) for k, text in enumerate(texts)]
        if rp.heading is None:
            if paragraphs:
                spec = pack.section(rp.section)
                out.append(Part(rp.section, paragraphs=paragraphs, name=spec.short if spec else ""))
            continue
        heading = rp.heading_words
        out.append(Part(rp.section, heading=heading, paragraphs=paragraphs, covers=rp.covers,
                        name=_short(heading)))
    return out


def _short(heading: str, width: int = 14) -> str:
    h = heading.rstrip("。.")
    return h if len(h) <= width else h[:width] + "…"


# --- building the report text ---------------------------------------------------------------

def report_from_source(source: reportfile.Source, kind: str, pack: TemplatePack | None = None,
                       year: int | None = None, path: Path | None = None,
                       today: dt.date | None = None) -> ReportText:
    """A report written elsewhere, as read by the shared reader."""
    pack = pack or load_pack()
    reading = read(source, pack)
    fr = reading.frame
    parts = parts_of(reading)
    if not any(p.paragraphs or p.heading for p in parts) and not fr.title:
        name = path.name if path else "报告"
        raise InputError(f"“{name}”中没有可检查的文字", path=path)
    if year is not None:
        y, source_name = year, "--year"
    else:
        y, source_name = reading.year.year, reading.year.source
    report = ReportText(kind, pack, settings_for(pack), parts=parts, title=fr.title or "",
                        recipient=fr.recipient, signature=fr.signature, date=fr.date, year=y,
                        year_source=source_name, path=path, today=today or dt.date.today())
    if y is None:
        report.notes.append(Finding(INFO, "year-mismatch", "无法确定报告年度，与年度有关的检查未做",
                                    suggestion="用 --year 指定报告年度"))
    return report


def report_from_text(text: str, pack: TemplatePack | None = None, year: int | None = None,
                     today: dt.date | None = None) -> ReportText:
    """A report given as plain text (pasted or read from a .txt)."""
    return report_from_source(reportfile.from_text(text), "txt", pack, year, None, today)


def report_from_draft(draft, pack: TemplatePack | None = None, today: dt.date | None = None,
                      compiled=None) -> ReportText:
    """A draft as compiled: the text the .docx will hold, mapped to the draft's blocks.
    compiled: the draft's compile_draft result when the caller has it (a build just made)."""
    from govreport.build.compose import compile_draft
    pack = pack or load_pack(draft.template)
    compiled = compiled or compile_draft(draft, pack)
    doc = compiled.document
    parts: list[Part] = []
    current: Part | None = None
    for para in doc.body:
        if para.section is None:
            continue                  # the closing 特此报告。
        spec = pack.section(para.section)
        name = spec.short if spec else para.section
        if isinstance(para, Table):
            if current is None or current.id != para.section:
                current = Part(para.section, name=name)
                parts.append(current)
            current.paragraphs += [Paragraph(text, para.block, cell=True) for text in para.cells()]
            continue
        if para.style == "h1":
            current = Part(para.section, heading=para.text, name=name)
            parts.append(current)
            continue
        if current is None or current.id != para.section:
            current = Part(para.section, name=name)
            parts.append(current)
        current.paragraphs.append(Paragraph(para.text, para.block))
    report = ReportText(
        "draft", pack, settings_for(pack), parts=parts, title=doc.title,
        recipient=doc.recipient.rstrip("：:"), signature=doc.signature,
        date=draft.date_value(), year=draft.year, year_source="草稿",
        figures=compiled.figures,
        draft=draft, today=today or dt.date.today())
    report.notes = [f for f in compiled.findings if f.code not in COVERED_BY_CHECKS]
    return report


# Compile findings the checks report themselves (with a position and a suggestion).
# ("normalised" only says what the compiler already tidied; missing inputs of derived figures
# show up as the gaps the placeholder check reports.)
COVERED_BY_CHECKS = {"balance", "section-missing", "section-empty", "figure-missing", "normalised",
                     "figure-derived-inputs-missing"}


def workbook_figures(path: Path | str, pack: TemplatePack, year: int | None = None):
    """(FigureSet, workbook year, warnings) from a statistics workbook, derived figures computed."""
    from govreport.model.figures import resolve
    from govreport.statistics import import_workbook
    result = import_workbook(Path(path), pack.indicators, year=year)
    return resolve(pack.indicators, result.figures), result.year, list(result.warnings)


def report_from_path(path: Path | str, pack: TemplatePack | None = None,
                     year: int | None = None, today: dt.date | None = None) -> ReportText:
    """A report from a draft (.json), a .docx or a .txt; bad input raises InputError."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"“{path}”是一个文件夹", path=path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"找不到文件“{path}”", path=path)
    if suffix == ".json":
        from govreport.model import draft as draft_mod
        d = draft_mod.load(path)
        report = report_from_draft(d, pack or load_pack(d.template), today=today)
        report.path = path
        if year is not None and year != d.year:
            report.year, report.year_source = year, "--year"
        return report
    if suffix == ".docx":
        return report_from_source(reportfile.read_docx(path), "docx", pack, year, path, today)
    if suffix == ".txt":
        return report_from_source(reportfile.read_txt(path), "txt", pack, year, path, today)
    if suffix in reportfile.OLD_WORD_SUFFIXES:
        raise InputError(f"“{path.name}”是旧版 Word/WPS 格式，请在 Word 或 WPS 中另存为 .docx 后再检查",
                         path=path)
    raise InputError(f"无法检查“{path.name}”：只支持草稿（.json）、Word（.docx）和文本（.txt）文件",
                     path=path)
