"""Compile a draft into the final report: render wording, number sections, normalise text.

This is the one place that turns what the clerk entered into what the document says; the
.docx writer, the checks and the ledger all read its result.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from govreport.text import blocks as blk
from govreport.text import units
from govreport import wording
from govreport.text.dates import official
from govreport.model.document import Appendix, Cell, Para, ReportDocument, Run, Table
from govreport.model.draft import Draft
from govreport.model.figures import FigureSet, resolve
from govreport.model.findings import ERROR, INFO, WARNING, Finding
from govreport.build.layout import load_layout
from govreport.text.normalize import normalise, remove_illegal
from govreport.text.numfmt import chinese, plain, trim
from govreport.model.pack import SectionSpec, TemplatePack, load_pack
from govreport.text.title import break_title


@dataclass
class Citation:
    """A figure cited in the text (for the ledger)."""
    section: str
    block: int
    indicator: str


@dataclass
class Compiled:
    document: ReportDocument
    findings: list[Finding] = field(default_factory=list)
    figures: FigureSet | None = None
    citations: list[Citation] = field(default_factory=list)


def figures_for(draft: Draft, pack: TemplatePack) -> FigureSet:
    return resolve(pack.indicators, draft.figures, draft.overrides)


def context_for(draft: Draft, pack: TemplatePack, figures: FigureSet) -> wording.Context:
    return wording.Context(draft.unit, draft.year, pack.indicators, figures)


def title_of(draft: Draft, pack: TemplatePack, ctx: wording.Context) -> str:
    if draft.title:
        return draft.title
    return wording.render(pack.title, ctx)[0]


def title_lines_of(draft: Draft, title: str, pack: TemplatePack | None = None) -> list[str]:
    if draft.title_lines and "".join(draft.title_lines) == title:
        return list(draft.title_lines)
    t = load_layout()["title"]
    words = (pack or load_pack(draft.template)).title_words
    return break_title(title, draft.unit, t["single_line_max_em"], t["line_max_em"], words)


class _Compiler:
    def __init__(self, draft: Draft, pack: TemplatePack, figures: FigureSet):
        self.draft = draft
        self.pack = pack
        self.ctx = context_for(draft, pack, figures)
        self.findings: list[Finding] = list(figures.findings)
        self.citations: list[Citation] = []

    def text(self, source: str, section: str | None, block: int | None,
             field: str | None = None) -> str:
        """Section text (section, block) or a draft field's text (field: title, recipient …)."""
        rendered, log = wording.render(source, self.ctx, section, block)
        self.findings += [dataclasses.replace(f, field=field) for f in log.findings] \
            if field else log.findings
        if section is not None and block is not None:
            self.citations += [Citation(section, block, ind) for ind in dict.fromkeys(log.used)]
        norm = normalise(rendered)
        self._removed(norm.removed, norm.text, section, block, field)
        if norm.changes:
            self.findings.append(Finding(
                INFO, "normalised", f"已规范标点：{norm.describe()}",
                section=section, block=block, quote=norm.text[:20], field=field))
        return norm.text

    def literal(self, text: str, field: str) -> str:
        """A field written as typed (发文字号, 抄送, 附注 …): only what Word cannot hold goes."""
        cleaned, removed = remove_illegal(text)
        self._removed(removed, cleaned, None, None, field)
        return cleaned

    def _removed(self, n: int, text: str, section: str | None, block: int | None,
                 field: str | None = None) -> None:
        if n:
            self.findings.append(Finding(
                WARNING, "illegal-characters",
                f"已删除{n}个无法写入 Word 的控制字符（多见于从网页复制的文字）",
                section=section, block=block, quote=text[:20], field=field))

    def section_paras(self, spec_id: str, level1: str | None, heading: str,
                      blocks: list[blk.Block]) -> list[Para | Table]:
        paras: list[Para | Table] = []
        if level1 is not None:
            paras.append(Para("h1", [Run(level1 + self.text(heading, spec_id, None))],
                              section=spec_id))
        for i, b in enumerate(blocks):
            if b.kind == blk.HEADING:
                number = b.number
                canonical = blk.normalise_number(b.level, number.strip("（）()、.．"))
                if canonical != number:
                    self.findings.append(Finding(
                        INFO, "normalised", f"已将序号“{number}”改为“{canonical}”",
                        section=spec_id, block=i, quote=number))
                    number = canonical
                if b.level == 1:
                    self.findings.append(Finding(
                        WARNING, "level1-in-section",
                        f"段落以“{number}”开头：一级序号由各部分自动编排，段内请从“（一）”开始",
                        section=spec_id, block=i, quote=(number + b.title)[:20],
                        suggestion="把这一层改为（一）（二）……"))
                title = self.text(b.title, spec_id, i)
                body = self.text(b.text, spec_id, i) if b.text else ""
                style = f"h{b.level}"
                if body:
                    paras.append(Para("body", [Run(number + title, style), Run(body)],
                                      outline=b.level - 1, section=spec_id, block=i))
                else:
                    paras.append(Para(style, [Run(number + title)], section=spec_id, block=i))
            elif b.kind == blk.TABLE:
                table = self.table(b.text, spec_id, i)
                if table is not None:
                    paras.append(table)
            else:
                text = self.text(b.text, spec_id, i)
                if text:
                    paras.append(Para("body", [Run(text)], section=spec_id, block=i))
        return paras

    def table(self, table_id: str, section: str, block: int) -> Table | None:
        """The pack's table `table_id` with its cells rendered (figures cited like text)."""
        spec = self.pack.tables.get(table_id)
        if spec is None:
            have = "、".join(self.pack.tables) or "无"
            self.findings.append(Finding(
                ERROR, "table-unknown", f"模板“{self.pack.name}”中没有表格“{table_id}”，未编入",
                section=section, block=block, quote=f"【表：{table_id}】",
                suggestion=f"可用的表格：{have}"))
            return None

        def rows(spec_rows) -> list[list[Cell]]:
            return [[Cell(self.text(c.text, section, block), c.span, c.rows) for c in row]
                    for row in spec_rows]
        return Table(list(spec.widths), list(spec.aligns), rows(spec.header), rows(spec.rows),
                     self.text(spec.caption, section, block) if spec.caption else "",
                     section=section, block=block, size_pt=spec.size_pt)

    def balances(self) -> None:
        """The pack's table sums on the draft's figures ([[balance]]): a build says so too."""
        for rule in self.pack.balances:
            for message, indicator in rule.messages(self.pack.indicators, self.ctx.figures):
                self.findings.append(Finding(ERROR, "balance", message, indicator=indicator,
                                             suggestion="核对统计表中这一列的各项数字"))

    def compile(self) -> Compiled:
        d, pack = self.draft, self.pack
        self.balances()
        read_for = (d.workbook or {}).get("year")
        if isinstance(read_for, int) and read_for != d.year and d.figures:
            # the report year was changed after the figures were read
            self.findings.append(Finding(
                WARNING, "workbook-year",
                f"报告年度是{d.year}年，数据却是按{read_for}年从统计表读取的",
                suggestion=f"重新导入{d.year}年度的统计表，或把报告年度改回{read_for}年",
                field="year"))
        present = {s.id: s for s in d.sections}
        unknown = [s.id for s in d.sections if pack.section(s.id) is None]
        for sid in unknown:
            self.findings.append(Finding(
                WARNING, "unknown-section", f"草稿中的部分“{sid}”不属于模板“{pack.name}”，已按顺序放在最后",
                section=sid))
        body: list[Para] = []
        n = 0
        order = [s for s in pack.sections if s.id in present] + \
                [_adhoc(sid) for sid in unknown]
        for spec in pack.sections:
            if spec.required and spec.id not in present:
                self.findings.append(Finding(
                    ERROR, "section-missing", f"缺少必备部分“{self._heading(spec.heading)}”",
                    section=spec.id, suggestion="在向导中恢复该部分的默认文字"))
        for spec in order:
            sec = present[spec.id]
            if not sec.blocks and spec.required:
                self.findings.append(Finding(
                    ERROR, "section-empty", f"“{self._heading(spec.heading) or '导语'}”部分没有内容",
                    section=spec.id))
            level1 = None
            if spec.numbered:
                n += 1
                level1 = chinese(n) + "、"
            body += self.section_paras(spec.id, level1, spec.heading, sec.blocks)
        closing = pack.closing if d.closing is None else d.closing
        if closing:
            body.append(Para("body", [Run(self.text(closing, None, None, "closing"))]))
        title = self.text(title_of(d, pack, self.ctx), None, None, "title")
        signature = d.signature or self._heading(pack.signature)
        attachments = [self.text(a, None, None, "attachments") for a in d.attachments if a.strip()]
        appendix = self.appendix(len(attachments) + 1) if d.data_appendix else None
        if appendix is not None:
            attachments.append(appendix.title)
        doc = ReportDocument(
            title_lines=title_lines_of(d, title, pack), body=body,
            recipient=_with_colon(self.text(d.recipient, None, None, "recipient"))
            if d.recipient.strip() else "",
            attachments=attachments, appendix=appendix,
            signature=self.text(signature, None, None, "signature"),
            date_text=official(d.date_value()),
            note=_bracketed(self.literal(d.note, "note")), variant=d.variant, fonts=d.fonts,
            doc_number=self.literal(d.doc_number, "doc_number"),
            issuer=self.literal(d.issuer, "issuer"),
            issuing_office=self.literal(d.issuing_office or default_issuing_office(d.unit),
                                        "issuing_office"),
            cc=self.literal(d.cc, "cc"),
            printed_by=self.literal(d.printed_by or default_printed_by(d.unit), "printed_by"),
            printed_on_text=official(_iso(d.printed_on) or d.date_value()),
        )
        return Compiled(doc, self.findings, self.ctx.figures, self.citations)

    def appendix(self, number: int) -> Appendix | None:
        """附件：主要数据统计表, one row per indicator the report has a figure for, in the
        indicator list's order; year-on-year changes are left out (the two year columns
        show them)."""
        figures, year = self.ctx.figures, self.draft.year
        rows = []
        for ind in self.pack.indicators:
            if ind.formula and "prev." in ind.formula:
                continue
            fig = figures.get(ind.id)
            if fig is None or fig.value is None:
                continue
            cells = [_table_number(v, ind.type) for v in (fig.value, fig.previous)]
            rows.append([str(len(rows) + 1), ind.name, ind.unit or "", *cells])
        if not rows:
            self.findings.append(Finding(
                WARNING, "appendix-empty", "没有可列入主要数据统计表的数据，未附该表",
                suggestion="先导入统计表或录入数据"))
            return None
        return Appendix("附件" if number == 1 else f"附件{number}",
                        self.text(self.pack.appendix_title, None, None),
                        ["序号", "指标", "单位", f"{year}年", f"{year - 1}年"], rows)

    def _heading(self, source: str) -> str:
        """Pack text (a heading, the default 署名) rendered for messages and defaults."""
        return wording.render(source, self.ctx)[0]


def default_issuing_office(unit: str) -> str:
    """发文机关标志 of a 上报件 when the draft names none: the organ that signs for the unit."""
    return units.organ_name(unit)


def default_printed_by(unit: str) -> str:
    """印发机关 of the 版记 when the draft names none."""
    return f"{unit}党政综合办公室"


def _adhoc(sid: str) -> SectionSpec:
    return SectionSpec(sid, sid, False, True, "", "")


def _table_number(value: float | None, kind: str) -> str:
    """A figure in the data table: the unit column says %, so no sign here; — when absent."""
    if value is None:
        return "—"
    return trim(value, 2) if kind == "pct" else plain(value, kind)


def _with_colon(text: str) -> str:
    text = text.strip().rstrip(":：")
    return text + "："


def _bracketed(note: str) -> str:
    note = note.strip()
    if not note:
        return ""
    if note.startswith(("（", "(")):
        note = note[1:]
    if note.endswith(("）", ")")):
        note = note[:-1]
    return f"（{note}）"


def _iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def compile_draft(draft: Draft, pack: TemplatePack | None = None,
                  figures: FigureSet | None = None) -> Compiled:
    pack = pack or load_pack(draft.template)
    figures = figures or figures_for(draft, pack)
    return _Compiler(draft, pack, figures).compile()
