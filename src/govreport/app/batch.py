"""Batch: one report per unit from a county workbook, and a summary table of them all.

A county's 依法治县办 collects the figures of 15-40 townships in one workbook. Each unit gets
a draft (the pack's default wording, or a common draft with the unit put in) filled with its
own figures and built like `govreport build`. Units fail independently: a bad column is
reported in the summary and the other units are still written.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from govreport.app.produce import output_name, produce
from govreport.app.workbooks import import_findings, workbook_record
from govreport.base.atomic import write_atomic
from govreport.app.county import CountyWorkbook, UnitSource, read_county_workbook, read_unit
from govreport.model.draft import Draft, default_date, default_year
from govreport.base.errors import InputError
from govreport.model.findings import ERROR, INFO, WARNING, Finding, needs_attention, sort_key, where
from govreport.model.pack import DEFAULT_PACK, TemplatePack, load_pack
from govreport.wording import GAP_RE

SUMMARY_NAME = "汇总.xlsx"

STATUS_OK = "完成"
STATUS_ATTENTION = "完成，需核对"
STATUS_FAILED = "失败"


@dataclass
class UnitResult:
    unit: str
    status: str
    output: Path | None = None
    missing: list[str] = field(default_factory=list)     # names left as 【缺：…】 in the report
    findings: list[Finding] = field(default_factory=list)  # import + build
    check_findings: list[Finding] | None = None          # None: checks not available
    error: str | None = None
    seconds: float = 0.0                # wall-clock time of the unit's read + build
    cpu_seconds: float = 0.0            # the same in CPU time (steadier on a busy machine)

    def count(self, level: str, *, checks: bool = False) -> int:
        found = (self.check_findings or []) if checks else self.findings
        return sum(1 for f in found if f.level == level)

    @property
    def other_warnings(self) -> int:
        """Warnings besides the missing figures, which are counted by name."""
        return sum(1 for f in self.findings if f.level == WARNING and f.code != "figure-missing")

    def progress_text(self) -> str:
        """完成（缺数据2项） / 失败：…"""
        if self.status == STATUS_FAILED:
            return f"{STATUS_FAILED}：{self.error}"
        parts = []
        if self.missing:
            parts.append(f"缺数据{len(self.missing)}项")
        errors = self.count(ERROR) + self.count(ERROR, checks=True)
        warnings = self.other_warnings + self.count(WARNING, checks=True)
        if errors:
            parts.append(f"错误{errors}项")
        if warnings:
            parts.append(f"警告{warnings}项")
        return STATUS_OK + (f"（{'，'.join(parts)}）" if parts else "")


@dataclass
class BatchResult:
    workbook: CountyWorkbook
    year: int
    units: list[UnitResult]
    summary: Path

    @property
    def all_good(self) -> bool:
        return all(u.status == STATUS_OK for u in self.units)


ProgressFn = Callable[[int, int, UnitResult], None]


# --- the draft of one unit ---------------------------------------------------------------------

def _swap(text: str | None, old: str, new: str) -> str | None:
    return text.replace(old, new) if text and old and old != new else text


def unit_draft(unit: str, year: int, pack: TemplatePack, template: Draft | None = None) -> Draft:
    """A fresh draft for the unit: the pack's default wording, or a copy of the common draft
    with the common draft's unit name replaced by this unit's (title, 署名, body text) and the
    year set. Figures, typed values and cell bindings of the common draft belong to its own
    unit and are dropped, as are its 发文字号 and 签发人."""
    if template is None:
        from govreport.app.starts import fresh_draft
        return fresh_draft(pack, unit, year)
    d = Draft.from_dict(template.to_dict())
    old_unit, old_year = d.unit, str(d.year)
    d.unit, d.year = unit, year
    d.title = _swap(_swap(d.title, old_unit, unit), old_year, str(year))
    if d.title_lines:
        d.title_lines = [_swap(_swap(t, old_unit, unit), old_year, str(year)) for t in d.title_lines]
    for name in ("signature", "issuing_office", "note", "closing", "printed_by"):
        setattr(d, name, _swap(getattr(d, name), old_unit, unit))
    d.attachments = [_swap(a, old_unit, unit) for a in d.attachments]
    for s in d.sections:
        s.blocks = [dataclasses.replace(b, text=_swap(b.text, old_unit, unit),
                                        title=_swap(b.title, old_unit, unit)) for b in s.blocks]
    if d.date:
        # 成文日期 falls in the year after the one reported on; keep the common draft's day
        date = dt.date.fromisoformat(d.date)
        if date.year != year + 1:
            try:
                d.date = date.replace(year=year + 1).isoformat()
            except ValueError:          # 29 February
                d.date = default_date(year).isoformat()
    d.figures, d.overrides, d.bindings = {}, {}, {}
    d.workbook = d.source_text = None
    d.doc_number = d.issuer = ""
    return d


# --- checks (optional) ---------------------------------------------------------------------------

def _draft_checker(disabled: Iterable[str] | str | None = ()
                   ) -> Callable[[Draft, TemplatePack, object], list[Finding]]:
    """The 审校 checks of a built draft: only the checks' own findings, since the compiler's
    (missing figures, unknown references ...) are already counted with the build.
    Unknown check ids in `disabled` are refused (InputError)."""
    from govreport import checks
    off = checks.parse_disabled(disabled)
    ids = {cid for cid, _name in checks.check_ids()} - off

    def check(draft: Draft, pack: TemplatePack, compiled=None) -> list[Finding]:
        run = checks.check_draft(draft, pack, disabled=off, compiled=compiled)
        return [f for f in run.findings if f.code in ids]
    return check


# --- one unit --------------------------------------------------------------------------------------

def _missing_names(compiled) -> list[str]:
    names: dict[str, None] = {}
    for line in compiled.document.text_lines():
        for name in GAP_RE.findall(line):
            names.setdefault(name, None)
    return list(names)


def build_unit(book: CountyWorkbook, source: UnitSource, year: int, pack: TemplatePack,
               out_dir: Path, workbook_info: dict, template: Draft | None = None,
               checker: Callable[[Draft, TemplatePack, object], list[Finding]] | None = None, *,
               data_table: bool = False) -> UnitResult:
    """Read one unit's figures and build its report; every failure ends up in the result,
    never raised. data_table: attach the 主要数据统计表 of the unit's figures."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = UnitResult(source.unit, STATUS_FAILED)
    try:
        data = read_unit(book, source, pack.indicators, year)
        for row in data.unmatched:
            note = f"{row}未对应任何指标，未读取"
            if note not in book.notes:      # the same rows for every unit of a sheet
                book.notes.append(note)
        if data.error:
            result.error = data.error
            return result
        draft = unit_draft(data.unit, year, pack, template)
        draft.data_appendix = draft.data_appendix or data_table
        draft.figures = dict(data.figures)
        draft.workbook = dict(workbook_info)
        built = produce(draft, out_dir / output_name(draft, pack), pack=pack, check=checker)
        if built.check_error is not None:
            raise built.check_error
        result.findings = import_findings(data.warnings) + built.findings
        result.output = built.path
        result.missing = _missing_names(built.compiled)
        if checker is not None:
            result.check_findings = list(built.checked)
        attention = needs_attention(result.findings + (result.check_findings or []))
        result.status = STATUS_ATTENTION if attention else STATUS_OK
    except InputError as exc:
        result.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one unit's failure must not stop the county
        result.error = f"生成时出错（{type(exc).__name__}：{exc}）"
    finally:
        result.seconds = time.perf_counter() - start
        result.cpu_seconds = time.process_time() - cpu_start
    return result


# --- the whole county ------------------------------------------------------------------------------

def _output_dir(out_dir: Path) -> Path:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"输出目录“{out_dir}”是一个文件，请给出文件夹", path=out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建输出目录“{out_dir}”：{exc.strerror or exc}", path=out_dir) from exc
    return out_dir


def run_batch(data: Path | str, out_dir: Path | str, *, year: int | None = None,
              draft: Path | str | Draft | None = None, pack_id: str | None = None,
              disabled_checks: Iterable[str] | str | None = (),
              progress: ProgressFn | None = None, data_table: bool = False) -> BatchResult:
    """Build every unit's report into out_dir and write the summary table.

    Bad input (unreadable workbook, no units, bad common draft, unknown check id, unusable
    output folder) raises InputError before anything is written.
    """
    from govreport.app.session import DraftSession
    data = Path(data)
    checker = _draft_checker(disabled_checks)
    template = DraftSession.open(draft).draft if isinstance(draft, (str, Path)) else draft
    pack = load_pack(template.template if template else (pack_id or DEFAULT_PACK))
    book = read_county_workbook(data, year)
    year = year or book.year or (template.year if template else None) or default_year()
    out_dir = _output_dir(Path(out_dir))
    info = workbook_record(data, year)
    results: list[UnitResult] = []
    taken: Counter[str] = Counter()
    for i, unit in enumerate(book.units, 1):
        taken[unit.unit] += 1
        if taken[unit.unit] > 1 and unit.error is None:  # same name twice: same file
            unit = dataclasses.replace(unit, error=f"单位“{unit.unit}”重复出现，只生成第一处")
        r = build_unit(book, unit, year, pack, out_dir, info, template, checker,
                       data_table=data_table)
        results.append(r)
        if progress:
            progress(i, len(book.units), r)
    summary = out_dir / SUMMARY_NAME
    write_summary(summary, book, year, results, checks=checker is not None, pack_id=pack.id)
    return BatchResult(book, year, results, summary)


# --- the summary table -----------------------------------------------------------------------------

SUMMARY_HEADER = ("序号", "单位", "状态", "缺数据项数", "缺少的数据", "错误", "警告", "提示",
                  "检查错误", "检查警告", "报告文件", "说明")
_WIDTHS = (6, 14, 12, 10, 48, 6, 6, 6, 9, 9, 40, 48)


def write_summary(path: Path, book: CountyWorkbook, year: int, results: list[UnitResult],
                  checks: bool = False, pack_id: str | None = None) -> None:
    """汇总.xlsx: one row per unit; the findings one per row; what was not read from the file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(SUMMARY_HEADER)
    for i, r in enumerate(results, 1):
        failed = r.status == STATUS_FAILED
        ws.append((
            i, r.unit, r.status,
            None if failed else len(r.missing), "、".join(r.missing),
            None if failed else r.count(ERROR),
            None if failed else r.count(WARNING),
            None if failed else r.count(INFO),
            r.count(ERROR, checks=True) if checks and not failed else None,
            r.count(WARNING, checks=True) if checks and not failed else None,
            r.output.name if r.output else "",
            r.error or "",
        ))
    for col, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "C2"

    detail = wb.create_sheet("明细")
    detail.append(("单位", "来源", "级别", "位置", "说明", "建议"))
    for r in results:
        if r.status == STATUS_FAILED:
            detail.append((r.unit, "读表", "错误", "", r.error, ""))
            continue
        for origin, found in (("生成", r.findings), ("检查", r.check_findings or [])):
            for f in sorted(found, key=sort_key):
                detail.append((r.unit, origin, f.level_name, where(f, pack_id), f.message,
                               f.suggestion or ""))
    for col, width in zip("ABCDEF", (14, 6, 6, 14, 70, 40)):
        detail.column_dimensions[col].width = width
    detail.freeze_panes = "B2"

    about = wb.create_sheet("读表说明")
    about.append(("项目", "内容"))
    about.append(("统计表", str(book.path)))
    about.append(("格式", "每列一个单位" if book.shape == "columns" else "每表一个单位"))
    about.append(("报告年度", year))
    about.append(("单位数", len(results)))
    about.append(("检查", "已对每份报告运行审校检查（govreport check 的各项）" if checks
                  else "未运行审校检查"))
    for note in book.notes:
        about.append(("说明", note))
    about.column_dimensions["A"].width = 10
    about.column_dimensions["B"].width = 100

    from govreport.build.xlsx_style import text_only
    text_only(wb)
    write_atomic(path, wb.save)
