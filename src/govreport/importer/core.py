"""Import last year's report into a new draft: the steps, in order, and the report of them."""
from __future__ import annotations

import re
from pathlib import Path

from govreport.text import blocks as blk
from govreport.reading import reportfile
from govreport.model.stalephrases import Phrase, load_phrases, phrases_path
from govreport.model.draft import VARIANT_SUBMITTED, SectionDraft, new_draft
from govreport.base.errors import InputError
from govreport.model.figures import Figure
from govreport.model.findings import INFO, WARNING, Finding
from govreport.importer import figurerefs, rollforward
from govreport.importer.model import (BLANK, DEBRIS, HeadingMap, ImportReport, ImportResult,
                                      LineFate)
from govreport.importer.rules import ImportRules, load_rules, rules_path
from govreport.model.pack import DUTY, INTRO, MEASURES, NEXT_YEAR, OTHER, TemplatePack, load_pack
from govreport.reading import read
from govreport.reading.parts import Part

PREVIOUS_SOURCE = "上年报告"
CURRENT_SOURCE = "导入的报告"
# Where figures of the report year stand (not next year's targets), unless import_rules.toml says
_FIGURE_ROLES = (INTRO, MEASURES, DUTY)
# jinja markup typed into an old report would be read as figure references: made full-width
_JINJA = (("{{", "｛｛"), ("}}", "｝｝"), ("{%", "｛%"), ("%}", "%｝"), ("{#", "｛#"), ("#}", "#｝"))


def import_text(text: str, year: int | None = None, unit: str | None = None,
                pack: TemplatePack | str | None = None, *, roll_forward: bool = False,
                name: str = "粘贴的文字") -> ImportResult:
    """Import pasted text (the wizard's 开始 page). year: the new draft's year."""
    if not isinstance(text, str) or not reportfile.visible_len(text):
        raise InputError("没有可导入的文字：请粘贴去年报告的全文")
    return import_source(reportfile.from_text(text, "pasted", name), year, unit, pack,
                         roll_forward=roll_forward)


def import_file(path: Path | str, year: int | None = None, unit: str | None = None,
                pack: TemplatePack | str | None = None, *, roll_forward: bool = False) -> ImportResult:
    """Import a .docx or .txt report. Bad input raises InputError with one line of Chinese."""
    return import_source(_read(path), year, unit, pack, roll_forward=roll_forward)


def _read(path: Path | str) -> reportfile.Source:
    """Last year's report from a .docx or .txt file; other kinds and empty files are refused."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"“{path}”是一个文件夹，请选择去年报告的 .docx 或 .txt 文件", path=path)
    if not path.exists():
        raise InputError(f"找不到文件“{path}”", path=path)
    suffix = path.suffix.lower()
    if suffix in reportfile.DOCX_SUFFIXES:
        src = reportfile.read_docx(path)
    elif suffix in reportfile.TEXT_SUFFIXES:
        src = reportfile.read_txt(path)
    elif suffix in reportfile.OLD_WORD_SUFFIXES:
        raise InputError(f"“{path.name}”是旧版 Word/WPS 格式，请在 Word 或 WPS 中另存为 .docx 后再导入",
                         path=path)
    else:
        raise InputError(f"只能导入 .docx 或 .txt 文件，“{path.name}”不是", path=path)
    if not any(reportfile.visible_len(line.text) for line in src.lines):
        raise InputError(f"“{path.name}”中没有文字", path=path)
    return src


def _pack(pack: TemplatePack | str | None) -> TemplatePack:
    if pack is None:
        return load_pack()
    if isinstance(pack, str):
        return load_pack(pack)
    return pack


def _clean_unit(text: str | None, rules: ImportRules) -> str | None:
    if not text:
        return None
    text = text.strip()
    if any(p in text for p in rules.guess.get("placeholders", [])):
        return None
    return text or None


def guess_unit(texts: list[tuple[str, str]], rules: ImportRules) -> tuple[str | None, str]:
    """The unit named in the first of (text, how) that names one."""
    for text, how in texts:
        if not text:
            continue
        for rx in rules.unit_patterns:
            for m in rx.finditer(text):
                unit = _clean_unit(m.group("unit"), rules)
                if unit:
                    return unit, how
    return None, ""


def _protect(text: str) -> tuple[str, int]:
    n = 0
    for a, b in _JINJA:
        if a in text:
            n += text.count(a)
            text = text.replace(a, b)
    return text, n


def _part_blocks(part: Part, lines: list[reportfile.SourceLine], tables: list[str],
                 replaced: dict[int, str]) -> tuple[list[blk.Block], int]:
    """A part's lines as blocks; .docx heading styles without written numbering get numbers.

    tables: the ids of the tables the section's own wording places (【表：id】), in order. A
    table of the old report in their place becomes that line: the new report's table is
    made again from this year's figures. The table lines so replaced are added to `replaced`
    with the id of the table that took their place."""
    out: list[blk.Block] = []
    protected = 0
    tables = list(tables)
    if part.run_in:
        text, n = _protect(part.run_in)
        protected += n
        out += blk.parse_text(text)
    counters: dict[int, int] = {}
    for i in part.lines:
        line = lines[i]
        if line.table and (i - 1 in replaced or tables):
            if i - 1 in replaced:
                replaced[i] = replaced[i - 1]
            else:                                # the first row of an old table
                replaced[i] = tables.pop(0)
                out.append(blk.Block(blk.TABLE, text=replaced[i]))
            continue
        text, n = _protect(line.clean)
        protected += n
        b = blk.parse_line(text)
        if b.kind == blk.PARAGRAPH and 2 <= line.style_level <= 4 and not line.table:
            title, rest = blk.split_run_in(b.text)
            level = line.style_level
            counters[level] = counters.get(level, 0) + 1
            b = blk.Block(blk.HEADING, text=rest.strip(), level=level,
                          number=blk.number_for(level, counters[level]), title=title)
        elif b.kind == blk.HEADING:
            counters[b.level] = counters.get(b.level, 0) + 1
        if b.kind == blk.HEADING:
            for deeper in [k for k in counters if k > b.level]:
                del counters[deeper]
        out.append(b)
    # "一、" inside a part is a list of its own (the parts are numbered by the pack): one level
    # down, unless the part already uses （一）, where the clerk has to decide
    if not any(b.is_heading and b.level == 2 for b in out):
        for b in out:
            if b.is_heading and b.level == 1:
                b.level, b.number = 2, blk.normalise_number(2, b.number.rstrip("、.．"))
    return out, protected


def _old_table_figures(pack: TemplatePack, lines, replaced: dict[int, str]) -> dict[str, float]:
    """The figures the replaced tables of last year's report showed (inputs, not totals)."""
    from govreport.importer.tablefigures import table_figures
    rows: dict[str, list[str]] = {}
    for i in sorted(replaced):
        rows.setdefault(replaced[i], []).append(lines[i].clean)
    out: dict[str, float] = {}
    for tid, texts in rows.items():
        if tid in pack.tables:
            out.update(table_figures(pack.tables[tid], texts))
    return {fid: v for fid, v in out.items()
            if fid in pack.indicators and not pack.indicators[fid].derived}


def _table_ids(spec) -> list[str]:
    """The tables a section's default wording places, in order."""
    if spec is None or "【" not in spec.default_text:
        return []
    return [b.text for b in blk.parse_text(spec.default_text) if b.kind == blk.TABLE]


def _plan_items(plan_blocks: list[blk.Block], limit: int = 12) -> list[str]:
    """What last year's plans promised, one line each: the headings, else the first sentences."""
    heads = [b for b in plan_blocks if b.is_heading]
    if heads:
        top = min(b.level for b in heads)
        items = [b.number + b.title.rstrip("。；;") for b in heads if b.level == top]
    else:
        items = [re.split(r"[。；]", b.text, maxsplit=1)[0] for b in plan_blocks if b.text]
    return [i if len(i) <= 40 else i[:39] + "…" for i in items[:limit]]


def _standard_title(pack: TemplatePack, unit: str, year: int) -> str:
    """The pack's title for the new draft, rendered as the compiler renders it."""
    from govreport.model.figures import FigureSet
    from govreport.wording import Context, render
    return render(pack.title, Context(unit, year, pack.indicators, FigureSet({})))[0]


def import_source(src: reportfile.Source, year: int | None = None, unit: str | None = None,
                  pack: TemplatePack | str | None = None, *,
                  roll_forward: bool = False) -> ImportResult:
    pack = _pack(pack)
    rules = load_rules(rules_path(pack.root))
    lines = src.lines
    findings: list[Finding] = []
    notes: list[str] = list(src.notes)
    given_unit = unit.strip() if isinstance(unit, str) and unit.strip() else None

    # 1.-4. debris, the 公文 frame, the report year and the parts: the reader's (shared with check)
    reading = read(src, pack, unit=given_unit)
    fates, fr, parts = reading.fates, reading.frame, reading.parts
    report_year, year_how = reading.year.year, reading.year.how
    table_lines = [i for i, ln in enumerate(lines) if ln.table and fates[i] is None]  # in the body
    measures = pack.role_id(MEASURES)
    if len(parts) == 1 and len(parts[0].lines) > 1 and measures:
        # a draft needs its parts: the first paragraph opens, the rest is what was done
        first, rest = parts[0].lines[0], parts[0].lines[1:]
        parts[0].lines = [first]
        parts.append(Part(measures, lines=rest, how="原文没有一级标题"))
        findings.append(Finding(
            WARNING, "import-no-headings",
            f"原文没有一级标题（一、二、……），第一段作为导语，其余全部放入“{_short(pack, measures)}”",
            section=measures, suggestion="在向导中把问题、打算等内容移到对应部分"))
    # 5. the unit: given, else from the title, the 署名, or a dropped page title
    page_titles = [lines[i].clean for i, f in enumerate(fates)
                   if f is not None and f.dest == DEBRIS and f.reason.startswith("网页标题")]
    old_unit, old_how = guess_unit(
        [(fr.title or "", "由标题判断"), (fr.signature, "由署名判断")]
        + [(t, "由网页标题判断") for t in page_titles], rules)
    unit_name, unit_how = (given_unit, "已指定") if given_unit else (old_unit, old_how)
    if report_year is None and year is None and not unit_name:
        raise InputError(f"无法从“{src.name}”判断报告年度和单位名称，请指定新报告的年度和单位"
                         f"（命令行加 --year 2025 --unit 翻江镇）")
    if report_year is None and year is None:
        raise InputError(f"无法从“{src.name}”判断报告年度，"
                         f"请指定新报告的年度（命令行加 --year，例如 --year 2025）")
    if not unit_name:
        raise InputError(f"无法从“{src.name}”判断单位名称，"
                         f"请指定单位名称（命令行加 --unit，例如 --unit 翻江镇）")
    if report_year is None:
        report_year, year_how = year - 1, "文中没有年份，按新报告的上一年推算"
    new_year = int(year) if year is not None else report_year + 1

    # 6. where every body line went
    for part in parts:
        if part.heading is not None:
            h = lines[part.heading]
            fates[part.heading] = LineFate(h.no, h.text, part.section,
                                           "一级标题，改用模板的标准标题", reportfile.visible_len(h.text))
        for i in part.lines:
            fates[i] = LineFate(lines[i].no, lines[i].text, part.section, "",
                                reportfile.visible_len(lines[i].text))
    assert all(f is not None for f in fates)

    # 7. blocks per section, in the pack's order; parts that name the same section are joined
    known = set(pack.section_ids())
    fallback = pack.role_id(OTHER)
    imported: dict[str, list[blk.Block]] = {}
    headings: list[HeadingMap] = []
    protected = 0
    replaced: dict[int, str] = {}
    for part in parts:
        sid = part.section
        if sid not in known and fallback:
            sid = fallback
        spec = pack.section(sid)
        new_blocks, n = _part_blocks(part, lines, _table_ids(spec), replaced)
        protected += n
        if part.heading is not None:
            headings.append(HeadingMap(lines[part.heading].no, part.heading_text, sid, part.how))
            if part.note:
                findings.append(Finding(WARNING, "import-merged-part", part.note, section=sid,
                                        quote=part.heading_text[:20]))
            if part.unmapped:
                findings.append(Finding(
                    WARNING, "import-unmapped-part",
                    f"“{part.heading_text}”无法归入标准部分，已放入“{_short(pack, sid)}”",
                    section=sid, quote=part.heading_text[:20],
                    suggestion="在向导中移到合适的部分，或删除"))
        if not new_blocks and part.heading is None:
            continue
        if sid in imported or part.unmapped:
            # keep the heading's own words where the pack's heading does not say them
            if part.title:
                new_blocks.insert(0, blk.Block(blk.PARAGRAPH, text=part.title))
            if sid in imported:
                findings.append(Finding(
                    WARNING, "import-joined-parts",
                    f"“{part.heading_text}”与前面的部分都归入“{_short(pack, sid)}”，已接在后面",
                    section=sid, quote=part.heading_text[:20],
                    suggestion="检查合并后的顺序和序号"))
        imported.setdefault(sid, []).extend(new_blocks)
    if protected:
        notes.append(f"原文中有{protected}处大括号标记，已改为全角，以免被当作数据引用")
    kept = [i for i in table_lines if i not in replaced]
    if replaced:
        notes.append(f"原文中的表格（{len(replaced)}行）已换为模板的表格，数据将取自今年的统计表")
    if kept:
        tables = 1 + sum(1 for a, b in zip(kept, kept[1:]) if b != a + 1)
        notes.append(f"文档中的{tables}个表格（{len(kept)}行）已按文字保留，每行一段，单元格之间以"
                     f"“{reportfile.TABLE_CELL_SEPARATOR}”分隔，请改写为文字或删除")

    last_plans = _plan_items(imported.get(pack.role_id(NEXT_YEAR), [])) \
        if year is None or year == report_year + 1 else []

    # 8. figures that match an indicator become live references
    roles = rules.figures.get("roles", _FIGURE_ROLES)
    figure_reps, skipped = figurerefs.convert(imported, pack.indicators, rules,
                                              {pack.role_id(r) for r in roles} - {None})
    for s in skipped:
        findings.append(Finding(INFO, "import-figure-ambiguous", s))

    # 9. the draft
    draft = new_draft(unit_name, new_year, pack)
    defaults = {s.id: s for s in draft.sections}
    draft.sections = []
    for spec in pack.sections:
        if spec.id in imported:
            draft.sections.append(SectionDraft(spec.id, imported[spec.id]))
        elif spec.id in defaults:
            draft.sections.append(defaults[spec.id])
            findings.append(Finding(
                INFO, "import-section-default",
                f"原文没有“{spec.short}”部分，已填入模板默认文字", section=spec.id,
                suggestion="据实改写"))
    for sid in imported:
        if sid not in known:
            draft.sections.append(SectionDraft(sid, imported[sid]))
    if fr.title:
        draft.title = fr.title
    draft.recipient = fr.recipient
    draft.signature = fr.signature
    if fr.date is not None:
        draft.date = fr.date.isoformat()
    if fr.closing:
        draft.closing = fr.closing
    draft.note = fr.note
    # the 附件说明's names; an attached 主要数据统计表 is made again from this year's figures
    table_title = reading.vocabulary.patterns.get("data_table_title")
    draft.attachments = [a for a in fr.attachments if not (table_title and table_title.search(a))]
    draft.data_appendix = fr.data_table or len(draft.attachments) < len(fr.attachments)
    if fr.data_table or fr.attachments:
        names = "、".join(draft.attachments)
        notes.append("原文的附件没有导入正文" + (f"；附件说明保留：{names}" if names else "")
                     + ("；主要数据统计表将按今年的数据重新生成" if draft.data_appendix else ""))
    if fr.submitted:
        # last year's 上报件: keep its 版头 and 版记 so this year's can be sent the same way
        draft.variant = VARIANT_SUBMITTED
        draft.issuing_office, draft.doc_number, draft.issuer = \
            fr.issuing_office, fr.doc_number, fr.issuer
        draft.cc, draft.printed_by = fr.cc, fr.printed_by
        draft.printed_on = fr.printed_on.isoformat() if fr.printed_on else None
        findings.append(Finding(
            INFO, "import-submitted",
            "原文是上报件（有版头或版记），草稿已设为上报件，发文字号、印发日期等请按今年的改写"))
    draft.source_text = src.text
    delta = new_year - report_year
    if delta in (0, 1):
        for fid, value in _old_table_figures(pack, lines, replaced).items():
            draft.figures[fid] = Figure(fid, value if delta == 0 else None,
                                        previous=None if delta == 0 else value,
                                        source=CURRENT_SOURCE if delta == 0 else PREVIOUS_SOURCE)
    for r in figure_reps:
        if delta == 0:
            draft.figures[r.indicator] = Figure(r.indicator, r.value, source=CURRENT_SOURCE)
        elif delta == 1:
            draft.figures[r.indicator] = Figure(r.indicator, None, previous=r.value,
                                                source=PREVIOUS_SOURCE)

    # 10. roll-forward, proposed; applied only when asked
    stale = _stale_phrases(pack, notes)
    proposals = rollforward.propose(
        draft, report_year, new_year, rules,
        old_unit=old_unit if given_unit and old_unit and old_unit != given_unit else None,
        stale=stale, standard_title=_standard_title(pack, unit_name, new_year),
        propose_date=fr.date is not None)
    if roll_forward:
        rollforward.apply(draft, proposals)
    auto = [p for p in proposals if p.auto]
    if auto and not roll_forward:
        findings.append(Finding(
            INFO, "import-roll-forward",
            f"有{len(auto)}处年份、日期等可顺延到{new_year}年度，尚未修改",
            suggestion="确认后用 --roll-forward 重新导入，或在向导中逐条应用"))
    suggestions = [p for p in proposals if not p.auto]
    if suggestions:
        findings.append(Finding(
            INFO, "import-suggestions",
            f"有{len(suggestions)}处建议修改（文件名称中的年份、具体日期、过时提法等），需人工判断"))

    # 11. the report
    chars: dict[str, int] = {}
    for f in fates:
        if f.dest != BLANK or f.chars:
            chars[f.dest] = chars.get(f.dest, 0) + f.chars
    report = ImportReport(
        source_name=src.name, source_kind=src.kind, total_chars=reportfile.visible_len(src.text),
        chars=chars, lines=list(fates), headings=headings, title=fr.title,
        recipient=fr.recipient, signature=fr.signature,
        date=fr.date.isoformat() if fr.date else None, closing=fr.closing, note=fr.note,
        header={k: v for k, v in (("发文机关标志", fr.issuing_office), ("发文字号", fr.doc_number),
                                  ("签发人", fr.issuer), ("抄送", fr.cc), ("印发机关", fr.printed_by),
                                  ("印发日期", fr.printed_on.isoformat() if fr.printed_on else ""))
                if v},
        unit=unit_name, unit_how=unit_how, report_year=report_year, report_year_how=year_how,
        year=new_year, figures=figure_reps, figures_skipped=skipped, proposals=proposals,
        roll_forward_applied=roll_forward, last_plans=last_plans, notes=notes, findings=findings)
    return ImportResult(draft, report)


def _stale_phrases(pack: TemplatePack, notes: list[str]) -> tuple[Phrase, ...]:
    """The checks' stale-phrase table, for suggestions; without a usable one the import goes on."""
    path = phrases_path(Path(pack.root))
    if not path.is_file():
        notes.append("没有过时提法表（stale_phrases.toml），未检查过时提法")
        return ()
    try:
        return load_phrases(path)
    except (InputError, OSError, KeyError, TypeError, ValueError, re.error):
        notes.append("过时提法表（stale_phrases.toml）无法读取，未检查过时提法")
        return ()


def _short(pack: TemplatePack, sid: str) -> str:
    spec = pack.section(sid)
    return spec.short if spec else sid
