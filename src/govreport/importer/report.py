"""The import report as lines of Chinese, for the command line and the wizard."""
from __future__ import annotations

from govreport.text.numfmt import compact
from govreport.wording.references import FILTER_LABELS, Reference
from govreport.importer.model import DEBRIS, DEST_NAMES, FIELDS, ImportReport
from govreport.model.pack import INTRO, TemplatePack, load_pack


def dest_name(dest: str, pack: TemplatePack) -> str:
    if dest in DEST_NAMES:
        return DEST_NAMES[dest]
    spec = pack.section(dest)
    return spec.short if spec else dest


CLI_APPLY_HINT = "加 --roll-forward 应用"


def report_lines(report: ImportReport, pack: TemplatePack | None = None,
                 apply_hint: str = CLI_APPLY_HINT) -> list[str]:
    """The import report for people. No template syntax: a number that became a figure
    reference is shown with the indicator it now comes from. apply_hint: how to apply the
    year roll-forward where the lines are read (the CLI's option, the wizard's button)."""
    pack = pack or load_pack()
    out: list[str] = []
    kind = {"docx": "Word 文档", "txt": "文本文件", "pasted": "粘贴的文字"}.get(report.source_kind, "")
    out.append(f"已读取：{report.source_name}（{kind}，{report.total_chars}字）")
    out.append(f"单位：{report.unit}（{report.unit_how}）")
    out.append(f"原报告年度：{report.report_year}年（{report.report_year_how}）；新草稿年度：{report.year}年")
    out.append(f"标题：{report.title or '（未找到，使用模板标题）'}")
    if report.recipient:
        out.append(f"主送机关：{report.recipient}")
    if report.signature:
        out.append(f"署名：{report.signature}")
    if report.date:
        out.append(f"成文日期：{report.date}")
    if report.closing:
        out.append(f"结束语：{report.closing}")
    if report.note:
        out.append(f"附注：{report.note}")
    for name, value in report.header.items():
        out.append(f"{name}：{value}")

    out.append("部分划分：")
    if not report.headings:
        out.append("  （原文没有一级标题）")
    for h in report.headings:
        out.append(f"  第{h.no}行 {h.text} → {dest_name(h.section, pack)}（{h.how}）")

    out.append(f"字数去向（共{report.total_chars}字）：")
    intro = pack.role_id(INTRO)
    order = [intro] + [s for s in pack.section_ids() if s != intro]
    parts = [f"{dest_name(d, pack)}{report.chars[d]}" for d in order if report.chars.get(d)]
    parts += [f"{dest_name(d, pack)}{report.chars[d]}" for d in report.chars
              if d not in order and d not in FIELDS and d != DEBRIS and report.chars[d]]
    parts += [f"{dest_name(d, pack)}{report.chars[d]}" for d in FIELDS if report.chars.get(d)]
    if report.chars.get(DEBRIS):
        parts.append(f"{dest_name(DEBRIS, pack)}{report.chars[DEBRIS]}")
    out.append("  " + "，".join(parts) + f"；合计{report.accounted()}字")

    debris = report.debris
    if debris:
        out.append(f"已删除的网页杂项（{len(debris)}行）：")
        for f in debris:
            out.append(f"  第{f.no}行 [{f.reason}] {f.text.strip()[:40]}")

    if report.figures:
        out.append(f"改为数据引用（{len(report.figures)}处，数值将由今年的统计表提供）：")
        for r in report.figures:
            out.append(f"  {dest_name(r.section, pack)}第{r.block + 1}段 “{r.quote}”：{r.old} → "
                       f"今年的“{r.name}”{_form(r.reference)}（原值{compact(r.value)}）")
    for s in report.figures_skipped:
        out.append(f"  未改：{s}")

    if report.proposals:
        state = "已应用" if report.roll_forward_applied else f"未应用，{apply_hint}"
        auto = [p for p in report.proposals if p.auto]
        sugg = [p for p in report.proposals if not p.auto]
        if auto:
            out.append(f"年份顺延（{len(auto)}处，{state}）：")
            for p in auto:
                out.append(f"  {_where(p, pack)} “{p.quote}”：{p.old} → {p.new}（{p.reason}）")
        if sugg:
            out.append(f"建议人工核对（{len(sugg)}处，不自动修改）：")
            for p in sugg:
                new = f" → {p.new}" if p.new else ""
                out.append(f"  {_where(p, pack)} “{p.quote}”：{p.old}{new}（{p.reason}）")
    if report.last_plans:
        out.append(f"去年报告安排的{report.year}年工作（写“主要举措和成效”时宜逐条有交代）：")
        for item in report.last_plans:
            out.append(f"  {item}")
    for n in report.notes:
        out.append(f"说明：{n}")
    return out


def _where(p, pack: TemplatePack) -> str:
    fields = {"title": "标题", "signature": "署名", "date": "成文日期", "printed_on": "印发日期"}
    if p.where in fields:
        return fields[p.where]
    return f"{dest_name(p.where, pack)}第{(p.block or 0) + 1}段"


def _form(reference: str) -> str:
    """How the figure is written, when not as is: （约数） for {{ x | approx }}."""
    ref = Reference.parse(reference)
    if ref is None or not ref.filter:
        return ""
    return f"（{FILTER_LABELS[ref.filter]}）"
