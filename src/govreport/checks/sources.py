"""Building the checks' input (ReportText) from a draft, a .docx or a .txt.

A draft is checked as compiled (the text the .docx will hold) and its findings point back to
the draft's sections and blocks. A report written elsewhere is read by govreport.reportfile (the
import's reader too) and split into parts by its level-1 headings (一、二、…), which are mapped
to the pack's sections by their words (checks.toml [sections]). This is a deliberately small
splitter: the checks judge the text as written, so none of the import's rewriting applies.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from govreport import blocks as blk, reportfile
from govreport.checks.config import Settings, settings_for
from govreport.checks.model import Paragraph, Part, ReportText
from govreport.errors import InputError
from govreport.findings import INFO, Finding
from govreport.pack import TemplatePack, load_pack

SUFFIXES = (".json", ".docx", ".txt")
_BLANKS = " \t\u3000\u00a0\ufeff\u200b"
_BULLETS = "•·●◆■▪-–—*＊"
DATE_RE = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_CLOSING = re.compile(r"^特此(?:报告|汇报)[。.]?$")
_NOTE = re.compile(r"^[（(]此件.{0,12}[）)]$")
_TITLE_WORDS = re.compile(r"法治|依法行政|法制")
_TITLE_END = re.compile(r"(?:报告|汇报|总结|情况)$")
_SENTENCE_MARKS = re.compile(r"[。；！？，,;]")
_SIGNATURE_END = re.compile(r"(?:人民政府|委员会|党委|政府|办事处|街道|镇|乡)$")
# Paragraph styles of a .docx that tell a line's role (our own writer's and Word's names).
_STYLE_ROLES = {
    "公文标题": "title", "title": "title", "标题": "title",
    "主送机关": "recipient",
    "一级标题": "h1", "heading 1": "h1", "标题 1": "h1",
    "发文机关署名": "signature", "成文日期": "date", "附注": "note",
}


@dataclass
class Line:
    text: str
    role: str | None = None       # from a .docx paragraph style: title, recipient, h1, ...


# --- reading files ----------------------------------------------------------------------

def lines_of(source: reportfile.Source) -> list[Line]:
    """The lines the splitter works on, as they stand in the file (Word's automatic numbering
    written out). A table row is no paragraph of the report: its cells, joined, could pass for a
    heading or a sentence, so tables are left out."""
    return [Line(ln.text, _STYLE_ROLES.get(ln.style.strip().lower())) for ln in source.lines
            if not ln.table]


# --- splitting a report written elsewhere -------------------------------------------------

def clean(text: str) -> str:
    t = text.strip(_BLANKS)
    while t[:1] in _BULLETS and t[:1] and len(t) > 1 and t[1:2] in _BLANKS:
        t = t[1:].strip(_BLANKS)
    return t


def is_debris(text: str, settings: Settings) -> bool:
    """Web-page furniture: a matching line, unless it reads like a paragraph of the report."""
    if len(text) > 60 and "。" in text:
        return False
    return any(p.search(text) for p in settings.debris)


def classify_heading(heading: str, settings: Settings) -> tuple[str, ...]:
    """Section ids a level-1 heading stands for, most specific first; ("other",) if none."""
    found = [sid for sid, words in settings.section_words.items()
             if any(w in heading for w in words)]
    return tuple(found) or ("other",)


def _strip_number(text: str) -> str:
    found = blk.detect(text)
    return found[3].strip(_BLANKS) if found else text


def _title_like(text: str) -> bool:
    t = _strip_number(text)
    return (len(t) <= 60 and not _SENTENCE_MARKS.search(t) and bool(_TITLE_WORDS.search(t))
            and bool(_TITLE_END.search(t)))


def _is_level1(line: Line) -> bool:
    if line.role == "h1":
        return True
    found = blk.detect(line.text)
    return bool(found and found[0] == 1)


def parse_date(text: str) -> dt.date | None:
    m = DATE_RE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


@dataclass
class Split:
    title: str
    recipient: str
    parts: list[Part]
    signature: str
    date: dt.date | None
    date_text: str


def _find_title(head: list[Line]) -> tuple[str, int]:
    """(title, index of its last line) among the lines before the first heading; ('', -1).

    Lines in a title style win; of several runs of them, the first that reads like a report's
    title (a 上报件's 发文机关标志 above the title is set in the title style too)."""
    best = ("", -1)
    styled: tuple[str, int] | None = None
    i = 0
    while i < len(head):
        t = head[i].text
        if head[i].role == "title":
            j = i
            while j + 1 < len(head) and head[j + 1].role == "title":
                j += 1
            run = ("".join(x.text for x in head[i:j + 1]), j)
            if _title_like(run[0]):
                return run
            styled = styled or run
            i = j + 1
            continue
        if _title_like(t):
            best = (_strip_number(t), i)
        elif (i + 1 < len(head) and len(t) <= 30 and not _SENTENCE_MARKS.search(t)
              and len(head[i + 1].text) <= 30 and _title_like(t + head[i + 1].text)
              and (not _title_like(head[i + 1].text) or re.search(r"年度?$", t))):
            best = (t + head[i + 1].text, i + 1)   # a title broken over two lines
            i += 1
        i += 1
    return styled or best


def split_lines(raw: list[Line], settings: Settings) -> Split:
    """Title, recipient, parts, signature and 成文日期 of a report given as lines."""
    lines: list[Line] = []
    for ln in raw:
        t = clean(ln.text)
        if t and not (ln.role is None and is_debris(t, settings)):
            lines.append(Line(t, ln.role))
    first_h1 = next((i for i, ln in enumerate(lines) if _is_level1(ln)), len(lines))
    title, t_end = _find_title(lines[:first_h1])
    start = t_end + 1
    recipient = ""
    if start < first_h1:
        cand = lines[start]
        if cand.role == "recipient" or (len(cand.text) <= 40 and cand.text.endswith((":", "："))
                                         and not _SENTENCE_MARKS.search(cand.text[:-1])):
            recipient = cand.text.rstrip(":：")
            start += 1
    # 成文日期: the last standalone date; at the end it closes the body (with the 署名 before it)
    date_idx = [i for i, ln in enumerate(lines) if i >= start and
                (parse_date(ln.text) or ln.role == "date")]
    end = len(lines)
    date_value, date_text, signature = None, "", ""
    if date_idx:
        di = date_idx[-1]
        date_text = lines[di].text
        date_value = parse_date(date_text)
        if di >= first_h1:
            end = di
            prev = lines[di - 1] if di - 1 >= start else None
            if prev is not None and (prev.role == "signature" or (
                    len(prev.text) <= 30 and _SIGNATURE_END.search(prev.text)
                    and not _SENTENCE_MARKS.search(prev.text) and not _is_level1(prev))):
                signature = prev.text
                end = di - 1
    body = [ln for i, ln in enumerate(lines[start:end], start)
            if i not in date_idx and ln.role not in ("note", "signature", "date")
            and not _CLOSING.match(ln.text) and not _NOTE.match(ln.text)]
    parts: list[Part] = []
    current = Part("preamble", name="导语")
    for ln in body:
        if _is_level1(ln):
            if current.paragraphs or current.id != "preamble":
                parts.append(current)
            heading, rest = ln.text, ""
            found = blk.detect(ln.text)
            if found:
                t, rest = blk.split_run_in(found[3].strip(_BLANKS))
                if len(t) > 40 or not rest:      # no run-in sentence: the line is the heading
                    t, rest = found[3].strip(_BLANKS), ""
                heading = ln.text[:len(ln.text) - len(found[3])] + t
            ids = classify_heading(_strip_number(heading), settings)
            current = Part(ids[0], heading=heading, covers=ids[1:], name=_short(heading))
            if rest.strip(_BLANKS):
                current.paragraphs.append(Paragraph(rest.strip(_BLANKS), 0))
            continue
        current.paragraphs.append(Paragraph(ln.text, len(current.paragraphs)))
    if current.paragraphs or current.id != "preamble":
        parts.append(current)
    return Split(title, recipient, parts, signature, date_value, date_text)


def _short(heading: str, width: int = 14) -> str:
    h = heading.rstrip("。.")
    return h if len(h) <= width else h[:width] + "…"


def guess_year(title: str, parts: list[Part], date: dt.date | None) -> tuple[int | None, str]:
    """The report year of a report written elsewhere, and where it was read from."""
    m = YEAR_RE.search(title)
    if m:
        return int(m.group(1)), "标题"
    pre = next((p for p in parts if p.id == "preamble" and p.paragraphs), None)
    if pre:
        m = YEAR_RE.search(pre.paragraphs[0].text[:30])
        if m:
            return int(m.group(1)), "导语"
    if date:
        return (date.year - 1 if date.month <= 6 else date.year), "成文日期"
    years = Counter(int(y) for p in parts for y in YEAR_RE.findall(p.text()))
    if years:
        return years.most_common(1)[0][0], "正文"
    return None, ""


# --- building the report text ---------------------------------------------------------------

def report_from_lines(lines: list[Line], kind: str, pack: TemplatePack | None = None,
                      year: int | None = None, path: Path | None = None,
                      today: dt.date | None = None) -> ReportText:
    pack = pack or load_pack()
    settings = settings_for(pack)
    s = split_lines(lines, settings)
    if not any(p.paragraphs or p.heading for p in s.parts) and not s.title:
        name = path.name if path else "报告"
        raise InputError(f"“{name}”中没有可检查的文字", path=path)
    if year is not None:
        y, source = year, "--year"
    else:
        y, source = guess_year(s.title, s.parts, s.date)
    report = ReportText(kind, pack, settings, parts=s.parts, title=s.title,
                        recipient=s.recipient, signature=s.signature, date=s.date, year=y,
                        year_source=source, path=path, today=today or dt.date.today())
    if y is None:
        report.notes.append(Finding(INFO, "year-mismatch", "无法确定报告年度，与年度有关的检查未做",
                                    suggestion="用 --year 指定报告年度"))
    return report


def report_from_text(text: str, pack: TemplatePack | None = None, year: int | None = None,
                     today: dt.date | None = None) -> ReportText:
    """A report given as plain text (pasted or read from a .txt)."""
    return report_from_lines(lines_of(reportfile.from_text(text)), "txt", pack, year, None, today)


def report_from_draft(draft, pack: TemplatePack | None = None, today: dt.date | None = None,
                      compiled=None) -> ReportText:
    """A draft as compiled: the text the .docx will hold, mapped to the draft's blocks.
    compiled: the draft's compile_draft result when the caller has it (a build just made)."""
    from govreport.compose import compile_draft
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
COVERED_BY_CHECKS = {"section-missing", "section-empty", "figure-missing", "normalised",
                     "figure-derived-inputs-missing"}


def workbook_figures(path: Path | str, pack: TemplatePack, year: int | None = None):
    """(FigureSet, workbook year, warnings) from a statistics workbook, derived figures computed."""
    from govreport.figures import resolve
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
        from govreport import draft as draft_mod
        d = draft_mod.load(path)
        report = report_from_draft(d, pack or load_pack(d.template), today=today)
        report.path = path
        if year is not None and year != d.year:
            report.year, report.year_source = year, "--year"
        return report
    if suffix == ".docx":
        return report_from_lines(lines_of(reportfile.read_docx(path)), "docx", pack, year, path, today)
    if suffix == ".txt":
        return report_from_lines(lines_of(reportfile.read_txt(path)), "txt", pack, year, path, today)
    if suffix in reportfile.OLD_WORD_SUFFIXES:
        raise InputError(f"“{path.name}”是旧版 Word/WPS 格式，请在 Word 或 WPS 中另存为 .docx 后再检查",
                         path=path)
    raise InputError(f"无法检查“{path.name}”：只支持草稿（.json）、Word（.docx）和文本（.txt）文件",
                     path=path)
