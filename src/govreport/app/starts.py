"""How a draft begins: fresh (the pack's wording and the clerk's remembered defaults), from a
workbook, or the bundled example. The CLI, the wizard and batch all start drafts here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govreport.model.draft import VARIANT_PUBLIC, VARIANTS, Draft, default_year, new_draft
from govreport.base.errors import InputError
from govreport.model.findings import INFO, Finding
from govreport.model.pack import DEFAULT_PACK, TemplatePack, load_pack


@dataclass(frozen=True)
class Defaults:
    """What the last report said, for the next one to start with (the wizard's settings)."""
    unit: str = ""
    recipient: str = ""
    signature: str = ""
    fonts: str = ""
    variant: str = VARIANT_PUBLIC

    def fill(self, draft: Draft) -> None:
        """Fields a draft from elsewhere (an imported report) left empty take the defaults."""
        for name in ("recipient", "signature", "fonts", "variant"):
            if not getattr(draft, name, None):
                setattr(draft, name, getattr(self, name))


def fresh_draft(pack: TemplatePack, unit: str = "", year: int | None = None,
                defaults: Defaults | None = None) -> Draft:
    """A draft with the pack's default wording; the unit may still be empty (the wizard asks)."""
    d = defaults or Defaults()
    return new_draft(unit or d.unit, year or default_year(), pack, require_unit=False,
                     recipient=d.recipient, signature=d.signature, fonts=d.fonts,
                     variant=d.variant if d.variant in VARIANTS else VARIANT_PUBLIC)


def start_draft(unit: str | None, year: int | None, pack_id: str | None = None,
                workbook: Path | str | None = None) -> tuple[Draft, list[Finding]]:
    """A new draft with the pack's default wording, figures from a workbook if given. Without a
    year, a workbook's own year is the report's (a 2024 workbook makes a 2024 report whatever
    today's date), else the usual default."""
    from govreport.app.workbooks import guess_unit, read_workbook, take_figures
    pack = load_pack(pack_id or DEFAULT_PACK)
    if not unit and workbook:
        unit = guess_unit(Path(workbook))
    if not unit:
        raise InputError("请用 --unit 指定单位名称（例如 --unit 翻江镇）")
    if workbook is None:
        return new_draft(unit, year or default_year(), pack), []
    read = read_workbook(workbook, pack.indicators, year, {})
    draft = new_draft(unit, year or read.result.year or default_year(), pack)
    take_figures(draft, read)
    findings = read.findings
    if year is None and read.result.year and read.result.year != default_year():
        findings.append(Finding(INFO, "report-year", f"报告年度按统计表定为{read.result.year}年"
                                                   f"（如需其他年度，请加 --year 指定）"))
    return draft, findings


def demo_draft(pack_id: str | None = None) -> Draft:
    """The pack's bundled example ([demo] in pack.toml): its sample workbook and the pack's
    default wording."""
    from govreport.app.workbooks import read_workbook, take_figures
    pack = load_pack(pack_id or DEFAULT_PACK)
    demo = pack.demo
    if not demo:
        raise InputError(f"模板“{pack.name}”没有示例")
    year = int(demo["year"])
    frame = {k: demo[k] for k in ("recipient", "signature", "date", "note") if k in demo}
    draft = new_draft(demo["unit"], year, pack, **frame)
    if pack.demo_workbook() is not None:
        take_figures(draft, read_workbook(pack.demo_workbook(), pack.indicators, year, {}))
    return draft
