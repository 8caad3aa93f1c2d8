"""The operations the CLI and the wizard share: start a draft, take figures, build a report."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from govreport import paths
from govreport.compose import Compiled, compile_draft
from govreport.docx_writer import write_docx
from govreport.draft import Draft, default_year, new_draft
from govreport.errors import InputError
from govreport.findings import INFO, WARNING, Finding
from govreport.pack import TemplatePack, load_pack

DEMO_UNIT = "清溪镇"
DEMO_YEAR = 2024


@dataclass
class BuildResult:
    path: Path | None
    compiled: Compiled
    findings: list[Finding] = field(default_factory=list)


def default_output_name(draft: Draft) -> str:
    return f"{draft.unit}{draft.year}年法治政府建设年度报告.docx"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def workbook_record(path: Path, year: int | None, sha256: str | None = None) -> dict:
    """What a draft keeps about the workbook its figures came from."""
    path = Path(path)
    return {"path": str(path.resolve()), "sha256": sha256 or file_sha256(path), "year": year}


def take_figures(draft: Draft, result, workbook: Path, sha256: str | None = None) -> None:
    """Put an import's figures into the draft. Last year's values the draft already had
    (e.g. from an imported report) are kept where the workbook has no 上年 column."""
    old = draft.figures
    figures = dict(result.figures)
    for fid, fig in figures.items():
        if fig.previous is None and fid in old and old[fid].previous is not None:
            fig.previous = old[fid].previous
    draft.figures = figures
    draft.workbook = workbook_record(workbook, result.year, sha256)


_UNIT_IN_TITLE = re.compile(r"^\s*(?:.{0,12}?[县市区])?(?P<unit>[^\s\d（(]{1,10}?(?:街道|镇|乡))\s*"
                            r"(?:20\d{2})")


def guess_unit(workbook_path: Path) -> str | None:
    """The unit named in a workbook's file name or first title, e.g. 清溪镇2024年…统计表."""
    m = _UNIT_IN_TITLE.match(workbook_path.stem)
    if m:
        return m.group("unit")
    try:
        import openpyxl
        wb = openpyxl.load_workbook(workbook_path, read_only=True, data_only=True)
        try:
            for ws in wb.worksheets[:3]:
                for row in ws.iter_rows(min_row=1, max_row=3, values_only=True):
                    for v in row:
                        if isinstance(v, str) and (m := _UNIT_IN_TITLE.match(v)):
                            return m.group("unit")
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 - guessing only; the real import reports errors
        return None
    return None


def apply_workbook(draft: Draft, workbook: Path | str, pack: TemplatePack,
                   year: int | None = None) -> list[Finding]:
    """Read the workbook's figures into the draft (values and sources kept in the draft)."""
    from govreport.statistics import import_workbook
    workbook = Path(workbook)
    result = import_workbook(workbook, pack.indicators, year=year or draft.year,
                             bindings=draft.bindings)
    take_figures(draft, result, workbook)
    return _workbook_findings(result)


def _workbook_findings(result) -> list[Finding]:
    return [Finding(WARNING, "workbook", w) for w in result.warnings]


def demo_draft() -> Draft:
    """The bundled example: the sample workbook and the default wording for 清溪镇."""
    pack = load_pack()
    draft = new_draft(DEMO_UNIT, DEMO_YEAR, pack)
    draft.recipient = "中共临江县委、临江县人民政府"
    draft.signature = "清溪镇人民政府"
    draft.date = dt.date(DEMO_YEAR + 1, 1, 20).isoformat()
    draft.note = "此件公开发布"
    apply_workbook(draft, paths.sample_workbook(), pack)
    return draft


def start_draft(unit: str | None, year: int | None, pack_id: str | None = None,
                workbook: Path | str | None = None) -> tuple[Draft, list[Finding]]:
    """A new draft with the pack's default wording, figures from a workbook if given."""
    pack = load_pack(pack_id or "fazhi-township")
    findings: list[Finding] = []
    if not unit and workbook:
        unit = guess_unit(Path(workbook))
    if not unit:
        raise InputError("请用 --unit 指定单位名称（例如 --unit 翻江镇）")
    if year is not None or not workbook:
        draft = new_draft(unit, year or default_year(), pack)
        if workbook:
            findings += apply_workbook(draft, workbook, pack, year)
        return draft, findings
    # no year given: the workbook's own (a 2024 workbook makes a 2024 report, whatever
    # today's date), else the usual default
    from govreport.statistics import import_workbook
    workbook = Path(workbook)
    result = import_workbook(workbook, pack.indicators)
    draft = new_draft(unit, result.year or default_year(), pack)
    take_figures(draft, result, workbook)
    findings += _workbook_findings(result)
    if result.year and result.year != default_year():
        findings.append(Finding(INFO, "report-year", f"报告年度按统计表定为{result.year}年"
                                                   f"（如需其他年度，请加 --year 指定）"))
    return draft, findings


def build(draft: Draft, output: Path | str | None) -> BuildResult:
    """Compile the draft and, if an output path is given, write the .docx atomically."""
    pack = load_pack(draft.template)
    compiled = compile_draft(draft, pack)
    path = None
    if output is not None:
        path = Path(output)
        if path.suffix.lower() != ".docx":
            raise InputError(f"输出文件“{path.name}”应以 .docx 结尾", path=path)
        write_docx(compiled.document, path)
    return BuildResult(path, compiled, list(compiled.findings))
