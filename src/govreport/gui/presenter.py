"""The wizard's logic in plain Python (after Mu): the window is a passive view.

The presenter owns the draft, the dirty flag, autosave and recovery, the figures table data,
section text <-> blocks and the output path; it talks to the core (govreport.*) and tells the
view what changed through the small `View` protocol. Slow work (reading a workbook, building
the report) goes through a `Runner`, which the Qt view runs off the UI thread and tests run
inline. Heavy core modules are imported inside methods, after the window is on screen.
"""
from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from govreport.gui import locations, outputs
from govreport.gui.session import Autosaver

# Only what the first page needs is imported here; the rest (the pack, figures, wording,
# python-docx ...) is imported where used, after the window is on screen.
if TYPE_CHECKING:
    from govreport.gui.figuretable import FigureRow
    from govreport.gui.reftext import Ref, RefCodec
    from govreport.gui.recovery import Recovery
    from govreport.gui.records import Choice, FindingItem, SectionStats, Target
    from govreport.gui.settings import Settings
    from govreport.pack import TemplatePack
    from govreport.draft import Draft
    from govreport.figures import FigureSet
    from govreport.findings import Finding
    from govreport.fontcheck import FontReport
    from govreport.service import BuildResult
    from govreport.statistics.reader import Unmatched, WorkbookImport

# Pages the presenter can send the clerk to.
PAGE_START, PAGE_BASIC, PAGE_FIGURES, PAGE_SECTION, PAGE_CHECK, PAGE_GENERATE = (
    "start", "basic", "figures", "section", "check", "generate")

_RECORDS = ("Target", "FindingItem", "Choice", "SectionStats")


def __getattr__(name: str):
    """The records used to live here: `from govreport.gui.presenter import Target` still works."""
    if name in _RECORDS:
        from govreport.gui import records
        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_BASIC_FIELDS = ("unit", "year", "title", "recipient", "signature", "date", "variant", "fonts",
                 "doc_number", "issuer", "note", "issuing_office", "cc", "printed_by",
                 "printed_on", "data_appendix")
_FIELD_CODES = {"title": "title", "recipient": "recipient", "signature": "signature",
                "date": "date"}


class View(Protocol):
    def draft_loaded(self) -> None: ...
    def figures_changed(self) -> None: ...
    def dirty_changed(self, dirty: bool) -> None: ...
    def schedule_autosave(self, seconds: float) -> None: ...
    def show_error(self, message: str) -> None: ...
    def unexpected_error(self, exc: BaseException) -> None: ...
    def busy(self, message: str | None) -> None: ...
    def notify(self, message: str) -> None: ...
    def workbook_loaded(self, path: Path, warnings: list[str]) -> None: ...
    def workbook_year_differs(self, path: Path, workbook_year: int) -> None: ...
    def report_generated(self, result: "BuildResult", demo: bool, levels: Counter) -> None: ...
    def output_locked(self, path: Path, suggestion: Path, message: str) -> None: ...
    def import_done(self, result) -> None: ...
    def draft_changed_elsewhere(self) -> None: ...
    def fonts_checked(self) -> None: ...


class Runner(Protocol):
    def run(self, job: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], message: str | None = None) -> None: ...


class InlineRunner:
    """Runs jobs at once, on the calling thread (tests, scripts)."""

    def run(self, job, on_done, on_error, message=None):
        try:
            result = job()
        except Exception as exc:  # noqa: BLE001 - handed to the error callback like a worker
            on_error(exc)
            return
        on_done(result)


class WizardPresenter:
    def __init__(self, view: View, runner: Runner, settings: "Settings",
                 pack_id: str = "fazhi-township", autosave_folder: Path | None = None):
        self.view = view
        self.runner = runner
        self.settings = settings
        self._pack_id = pack_id
        self._pack: "TemplatePack | None" = None
        self.draft: "Draft | None" = None
        self.draft_path: Path | None = None
        self.dirty = False
        self.last_import: "WorkbookImport | None" = None
        self.output_path: Path | None = None
        self.last_report: Path | None = None
        self.autosaver = Autosaver(autosave_folder or locations.autosave_dir())
        self._figures: "FigureSet | None" = None
        self._codec: RefCodec | None = None
        self._stash: dict[str, list] = {}        # sections taken out, kept for putting back
        self._generation = 0                      # bumps when another draft is loaded
        self._years_kept: set[tuple[str, int, int]] = set()   # (workbook, its year, report year)
        self.font_report: "FontReport | None" = None    # this PC's fonts, once checked
        self.font_check_failed = False
        self._fonts_open = False                  # a new draft whose font profile nobody chose

    # === draft lifecycle ===================================================================
    @property
    def pack(self) -> "TemplatePack":
        """The template pack, read on first use (not before the first page is shown)."""
        if self._pack is None:
            from govreport.pack import load_pack
            self._pack = load_pack(self._pack_id)
        return self._pack

    @pack.setter
    def pack(self, value: "TemplatePack") -> None:
        self._pack = value

    @property
    def has_draft(self) -> bool:
        return self.draft is not None

    def blank_draft(self) -> "Draft":
        from govreport.draft import VARIANTS, Draft, default_date, default_sections, default_year
        s = self.settings
        year = default_year()
        variant = s["default_variant"] if s["default_variant"] in VARIANTS else "public"
        return Draft(unit=s["default_unit"].strip(), year=year, template=self.pack.id,
                     recipient=s["default_recipient"], signature=s["default_signature"],
                     date=default_date(year).isoformat(), variant=variant,
                     fonts=self._valid_profile(s["font_profile"]),
                     sections=default_sections(self.pack))

    def new_draft(self) -> None:
        self.set_draft(self.blank_draft(), None, dirty=True)
        # first run, font check still running: its recommendation fills this in (_fonts_checked)
        self._fonts_open = not self.draft.fonts and self.font_report is None

    def open_draft(self, path: Path | str) -> None:
        from govreport.draft import load
        path = Path(path)
        draft = load(path)
        if draft.template != self.pack.id:
            self.pack = _load_pack(draft.template)
        self.set_draft(draft, path, dirty=False)
        self.settings.add_recent(path)
        self.settings["last_folder"] = str(path.parent)

    def set_draft(self, draft: "Draft", path: Path | None, dirty: bool) -> None:
        self._generation += 1
        self._fonts_open = False
        self.draft = draft
        self.draft_path = Path(path) if path else None
        self.last_import = None
        self.output_path = None
        self.last_report = None
        self._stash = {}
        self._invalidate()
        self._set_dirty(dirty)
        if dirty:
            self._request_autosave()
        self.view.draft_loaded()
        wb = (draft.workbook or {}).get("path")
        if wb and Path(wb).is_file():
            # The draft keeps values, not the match details; read the workbook again for them.
            self.load_workbook(wb, quiet=True)

    def close_draft(self) -> None:
        """Forget the draft (after the clerk chose not to save): its autosave goes too."""
        self.autosaver.clear()
        self.draft = None
        self.draft_path = None
        self._set_dirty(False)

    def changed(self) -> None:
        """Something in the draft changed: mark it unsaved and autosave soon."""
        self._invalidate()
        self._set_dirty(True)
        self._request_autosave()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.view.dirty_changed(dirty)

    def _request_autosave(self) -> None:
        self.view.schedule_autosave(max(0.2, float(self.settings["autosave_seconds"])))

    def _invalidate(self) -> None:
        self._figures = None
        self._codec = None

    def save(self, path: Path | str | None = None) -> Path:
        """Save the draft (atomically); returns where. The view asks for a path first if needed."""
        from govreport.draft import save
        target = Path(path) if path else self.draft_path
        if target is None:
            raise ValueError("no path to save the draft to")
        target = outputs.with_suffix(target, ".json")
        save(self.draft, target)
        self.draft_path = target
        self.settings.add_recent(target)
        self.settings["last_folder"] = str(target.parent)
        self._remember_defaults()
        self._set_dirty(False)
        self.autosaver.clear()
        return target

    def suggested_draft_path(self) -> Path:
        if self.draft_path:
            return self.draft_path
        folder = Path(self.settings["last_folder"]) if self.settings["last_folder"] else None
        if folder is None or not folder.is_dir():
            folder = locations.documents_dir()
        return folder / outputs.draft_name(self.draft)

    def autosave(self) -> Path | None:
        if self.draft is None or not self.dirty:
            return None
        return self.autosaver.write(self.draft, self.draft_path)

    def discard_changes(self) -> None:
        """The clerk closes without saving: nothing to recover next time."""
        self.autosaver.clear()
        self._set_dirty(False)

    def _remember_defaults(self) -> None:
        """Issue 8: the next report starts with this one's unit, recipient, signature and fonts."""
        d = self.draft
        s = self.settings
        for key, value in (("default_unit", d.unit), ("default_recipient", d.recipient),
                           ("default_signature", d.signature), ("font_profile", d.fonts),
                           ("default_variant", d.variant)):
            if s[key] != value:
                s[key] = value

    # === recovery ==========================================================================
    def recoveries(self) -> "list[Recovery]":
        from govreport.gui.recovery import pending
        return pending(self.autosaver.folder, exclude=self.autosaver.path)

    def recover(self, rec: "Recovery") -> None:
        draft = rec.load()
        if draft.template != self.pack.id:
            self.pack = _load_pack(draft.template)
        self.set_draft(draft, rec.draft_path, dirty=True)
        self.autosave()            # safe in this session's file before the old one goes
        rec.discard()

    def discard_recoveries(self, recs: "list[Recovery]") -> None:
        for rec in recs:
            rec.discard()

    # === start page ========================================================================
    def recent_drafts(self) -> list[tuple[Path, bool]]:
        return [(Path(p), Path(p).is_file()) for p in self.settings["recent_drafts"]]

    @staticmethod
    def importer_available() -> bool:
        try:
            return importlib.util.find_spec("govreport.importer") is not None
        except (ImportError, ValueError):
            return False

    def import_report(self, path: Path | str | None = None, text: str | None = None) -> None:
        """Start from last year's report (a .docx/.txt file, or pasted text), off the UI thread.

        The importer proposes a year roll-forward; the view shows what the import did and asks
        before it is applied (view.import_done)."""
        unit = self.settings["default_unit"].strip() or None
        pack = self.pack

        def job():
            importer = importlib.import_module("govreport.importer")
            if path is not None:
                return importer.import_file(Path(path), unit=unit, pack=pack)
            return importer.import_text(text or "", unit=unit, pack=pack)

        self.runner.run(job, self.view.import_done, self._job_failed, "正在导入去年的报告……")

    def import_summary(self, result) -> list[str]:
        importer = importlib.import_module("govreport.importer")
        return importer.report_lines(result.report, self.pack)

    @staticmethod
    def roll_forward_count(result) -> int:
        return sum(1 for p in result.report.proposals if p.auto and not p.applied)

    def accept_import(self, result, roll_forward: bool) -> None:
        """Take the imported draft (after the clerk saw the summary), rolled forward if asked."""
        draft = result.draft
        if roll_forward:
            importer = importlib.import_module("govreport.importer")
            importer.apply_replacements(draft, result.report.proposals)
        blank = self.blank_draft()
        for name in ("recipient", "signature", "fonts", "variant"):
            if not getattr(draft, name, None):
                setattr(draft, name, getattr(blank, name))
        self.set_draft(draft, None, dirty=True)

    def save_blank_workbook(self, target: Path | str) -> Path:
        """The statistics template for this draft's unit and year (`stats-template`)."""
        from govreport.statistics.template import write_template
        return write_template(self.pack.indicators, outputs.with_suffix(target, ".xlsx"),
                              self.draft.year, self.draft.unit)

    def save_sample_workbook(self, target: Path | str) -> Path:
        from govreport import paths
        from govreport.atomic import write_bytes_atomic
        target = outputs.with_suffix(target, ".xlsx")
        write_bytes_atomic(target, paths.sample_workbook().read_bytes())
        return target

    def demo_report_path(self) -> Path:
        from govreport.service import DEMO_UNIT, DEMO_YEAR
        return locations.documents_dir() / f"{DEMO_UNIT}{DEMO_YEAR}年法治政府建设年度报告（示例）.docx"

    def build_demo(self, target: Path | str) -> None:
        target = outputs.with_suffix(target, ".docx")

        def job():
            from govreport import service
            return service.build(service.demo_draft(), target)

        self.runner.run(job, lambda r: self._generated(r, Counter(), True),
                        lambda e: self._build_failed(e, target), "正在生成示例报告……")

    def load_demo(self) -> None:
        """The example (清溪镇, sample workbook) as an unsaved draft, to try the wizard with."""
        from govreport import service
        self.set_draft(service.demo_draft(), None, dirty=False)

    # === 基本信息 ===========================================================================
    def get_field(self, name: str):
        if name == "date":
            return self.draft.date_value()
        if name == "printed_on":       # None: the 成文日期
            return dt.date.fromisoformat(self.draft.printed_on) if self.draft.printed_on else None
        return getattr(self.draft, name)

    def set_field(self, name: str, value) -> None:
        if name not in _BASIC_FIELDS:
            raise KeyError(name)
        d = self.draft
        if name in ("date", "printed_on"):
            value = value.isoformat() if isinstance(value, dt.date) else value
        if name == "title":
            value = (value or "").strip() or None
            if value == self.computed_title():
                value = None
        if isinstance(value, str):
            # pasted from a web page: characters Word cannot hold go at once, not in every
            # place the field shows up (the unit is in the title, 署名, 版头 …)
            from govreport.normalize import remove_illegal
            value = remove_illegal(value)[0]
        if name in ("unit", "issuing_office", "cc", "printed_by"):
            value = value.strip()
        if name == "fonts":
            self._fonts_open = False
        if getattr(d, name) == value:
            return
        setattr(d, name, value)
        if name in ("unit", "year"):
            self._invalidate()
        self.changed()
        if name in ("unit", "year"):
            self.view.figures_changed()      # tokens such as 〖单位名称：…〗 show the new value

    def context(self):
        from govreport.compose import context_for
        return context_for(self.draft, self.pack, self.figure_set())

    def render(self, source: str) -> str:
        from govreport import wording
        return wording.render(source, self.context())[0]

    def computed_title(self) -> str:
        return self.render(self.pack.title)

    def title(self) -> str:
        return self.draft.title or self.computed_title()

    def title_lines(self) -> list[str]:
        from govreport.compose import title_lines_of
        return title_lines_of(self.draft, self.title())

    def set_title_lines(self, text: str) -> str | None:
        """'清溪镇2024年 / 法治政府建设年度报告': the clerk's own title break; returns an error."""
        lines = [p.strip() for p in text.replace("／", "/").split("/") if p.strip()]
        if not lines:
            value = None
        elif "".join(lines) != self.title():
            return "分行后的文字与标题不一致，请只加“/”分行，不要改动文字"
        else:
            value = lines
        if value is not None and value == self._computed_lines():
            value = None
        if self.draft.title_lines != value:
            self.draft.title_lines = value
            self.changed()
        return None

    def _computed_lines(self) -> list[str]:
        saved, self.draft.title_lines = self.draft.title_lines, None
        try:
            return self.title_lines()
        finally:
            self.draft.title_lines = saved

    def default_signature(self) -> str:
        return self.render(self.pack.signature)

    def default_frame(self) -> dict[str, str]:
        """What the 上报件's 发文机关标志 and 印发机关 say when left empty."""
        from govreport.compose import default_issuing_office, default_printed_by
        unit = self.draft.unit or "本单位"
        return {"issuing_office": default_issuing_office(unit),
                "printed_by": default_printed_by(unit)}

    def validate_basic(self, today: dt.date | None = None) -> dict[str, str]:
        from govreport.dates import YEAR_MIN
        today = today or dt.date.today()
        d = self.draft
        errors = {}
        if not d.unit.strip():
            errors["unit"] = "请填写单位名称，例如“清溪镇”"
        if d.year > today.year:
            errors["year"] = f"报告年度不能晚于今年（{today.year}年）"
        elif d.year < YEAR_MIN:
            errors["year"] = "报告年度有误"
        return errors

    def basic_hints(self, today: dt.date | None = None) -> dict[str, str]:
        today = today or dt.date.today()
        hints = {}
        if self.draft.year == today.year:
            hints["year"] = f"{today.year}年尚未结束，年度报告通常在次年初报告上一年度"
        if self.draft.date_value().year < self.draft.year:
            hints["date"] = "成文日期早于报告年度，请核对"
        return hints

    @staticmethod
    def font_profiles() -> list[tuple[str, str]]:
        from govreport.layout import load_layout
        layout = load_layout()
        return [(pid, layout.profile(pid).label) for pid in layout.profile_ids()]

    @staticmethod
    def _valid_profile(pid: str) -> str:
        from govreport.layout import load_layout
        return pid if pid in load_layout().profile_ids() else ""

    # --- which font profile this PC can show (govreport.fontcheck) -------------------------
    def check_fonts(self) -> None:
        """Look for the fonts of every profile, off the UI thread (it may run fc-list and read
        font files). On the first run the recommended profile becomes the remembered choice."""
        def job():
            from govreport import fontcheck
            return fontcheck.check_fonts()

        self.runner.run(job, self._fonts_checked, self._font_check_failed)

    def _fonts_checked(self, report: "FontReport") -> None:
        self.font_report = report
        self.font_check_failed = False
        pid = self._valid_profile(report.recommended)
        if pid and not self.settings["font_profile"]:
            self.settings["font_profile"] = pid
            if self._fonts_open and self.draft is not None:
                self.draft.fonts = pid
                self.changed()
        self._fonts_open = False
        self.view.fonts_checked()

    def _font_check_failed(self, exc: BaseException) -> None:
        # Not worth a message box: the clerk can still choose; the note says it was not checked.
        from govreport.gui import crash
        crash.log_exception(exc)
        self.font_check_failed = True
        self._fonts_open = False
        self.view.fonts_checked()

    def font_choices(self) -> list[tuple[str, str, str]]:
        """(profile id, text for the list, tooltip): each profile marked with what this PC has."""
        out = []
        report = self.font_report
        for pid, label in self.font_profiles():
            prof = next((p for p in report.profiles if p.id == pid), None) if report else None
            if prof is None:
                out.append((pid, label, ""))
                continue
            missing = prof.missing
            head = "推荐：" if pid == report.recommended else ""
            if not missing:
                status = f"（{head}本机已安装）"
                tip = "本机已安装：" + "、".join(prof.present)
            else:
                shown = "、".join(missing[:2]) + (f" 等{len(missing)}种" if len(missing) > 2 else "")
                status = f"（{head.replace('：', '；')}本机缺少：{shown}）"
                tip = "本机缺少：" + "、".join(missing)
                if prof.present:
                    tip += "\n本机已安装：" + "、".join(prof.present)
            out.append((pid, label + status, tip))
        return out

    def font_note(self) -> str:
        """The note under the font profile list: the check's advice, with profiles by name."""
        if self.font_check_failed:
            return "未能检查本机安装的字体。请按报告要在哪台电脑上打开和打印来选择字体方案。"
        if self.font_report is None:
            return "正在检查本机安装的字体……"
        text = self.font_report.explanation
        for pid, label in self.font_profiles():
            text = text.replace(f"“{pid}”", f"“{label.split('（')[0]}”")
        return text

    def choose_fonts(self, pid: str) -> None:
        """The clerk picked a font profile: the draft takes it and later reports start with it."""
        self.set_field("fonts", pid)
        if self._valid_profile(pid):
            self.settings["font_profile"] = pid

    # === 导入统计表 ==========================================================================
    def figure_set(self) -> "FigureSet":
        if self._figures is None:
            from govreport.compose import figures_for
            self._figures = figures_for(self.draft, self.pack)
        return self._figures

    def figure_rows(self) -> "list[FigureRow]":
        from govreport.gui.figuretable import rows
        matches = self.last_import.matches if self.last_import else None
        return rows(self.pack.indicators, self.figure_set(), matches, self.draft.overrides,
                    self.draft.bindings)

    def unmatched(self) -> "list[Unmatched]":
        from govreport.gui.figuretable import unmatched_rows
        if not self.last_import:
            return []
        return unmatched_rows(self.last_import.unmatched, self.draft.bindings)

    @property
    def workbook_path(self) -> Path | None:
        wb = (self.draft.workbook or {}).get("path") if self.draft else None
        return Path(wb) if wb else None

    def load_workbook(self, path: Path | str, quiet: bool = False) -> None:
        """Read a workbook's figures off the UI thread; the draft takes them when done."""
        path = Path(path)
        indicators = self.pack.indicators
        year = self.draft.year
        bindings = dict(self.draft.bindings)
        generation = self._generation

        def job():
            return read_workbook(path, indicators, year, bindings)

        def done(result):
            if generation != self._generation or self.draft is None:
                return                      # another draft was opened meanwhile
            from govreport.service import take_figures
            imported, sha = result
            old_figures, old_book = dict(self.draft.figures), self.draft.workbook or {}
            self.last_import = imported
            take_figures(self.draft, imported, path, sha)
            differs = (self.draft.figures != old_figures
                       or {k: old_book.get(k) for k in ("path", "sha256")}
                       != {k: self.draft.workbook[k] for k in ("path", "sha256")})
            if differs:
                self.changed()
                if quiet:
                    self.view.notify("统计表在上次保存后有改动，已按最新的统计表更新数据")
            else:
                self._invalidate()
            self.view.figures_changed()
            self.view.workbook_loaded(path, list(imported.warnings))
            own = imported.workbook_year
            if own and own != self.draft.year and not quiet \
                    and (str(path), own, self.draft.year) not in self._years_kept:
                self.view.workbook_year_differs(path, own)

        def failed(exc):
            from govreport.errors import InputError
            if generation != self._generation:
                return
            if quiet and isinstance(exc, InputError):
                self.view.notify(f"草稿记录的统计表未能重新读取（{exc}），数据仍用草稿中保存的数值")
            else:
                self._job_failed(exc)

        self.runner.run(job, done, failed, None if quiet else f"正在读取统计表“{path.name}”……")

    def keep_year(self, path: Path | str, workbook_year: int) -> None:
        """The clerk keeps the report year for this workbook: not asked again this session."""
        self._years_kept.add((str(path), workbook_year, self.draft.year))

    def use_workbook_year(self, path: Path | str, year: int) -> None:
        """The clerk takes the workbook's year as the report year: the 成文日期 follows if it
        was still the default one, and the workbook is read again for that year."""
        from govreport.draft import default_date
        if self.draft.date == default_date(self.draft.year).isoformat():
            self.set_field("date", default_date(year))
        self.set_field("year", year)
        self.load_workbook(path)

    def bind(self, indicator_id: str, cell: str) -> None:
        """The clerk says: this indicator is in that cell (e.g. 普法!D7). Re-reads the workbook."""
        from govreport.errors import InputError
        from govreport.gui.figuretable import parse_cell
        sheet, coord = parse_cell(cell)
        if self.workbook_path is None:
            raise InputError("请先选择统计表，再指定单元格")
        self.draft.bindings[indicator_id] = f"{sheet}!{coord}"
        self.draft.overrides.pop(indicator_id, None)
        self.changed()
        self.load_workbook(self.workbook_path)

    def unbind(self, indicator_id: str) -> None:
        if self.draft.bindings.pop(indicator_id, None) is not None:
            self.changed()
            if self.workbook_path and self.workbook_path.is_file():
                self.load_workbook(self.workbook_path)

    def set_override(self, indicator_id: str, text: str) -> None:
        """A value the clerk typed (marked 手工录入); empty text removes it."""
        from govreport.figures import SOURCE_TYPED, Figure
        from govreport.gui.figuretable import parse_value
        ind = self.pack.indicators[indicator_id]
        value = parse_value(text, ind.name)
        overrides = self.draft.overrides
        if value is None:
            if overrides.pop(indicator_id, None) is None:
                return
        else:
            old = overrides.get(indicator_id) or self.draft.figures.get(indicator_id)
            if indicator_id in overrides and overrides[indicator_id].value == value:
                return
            overrides[indicator_id] = Figure(indicator_id, value,
                                             previous=old.previous if old else None,
                                             source=SOURCE_TYPED, typed=True)
        self.changed()
        self.view.figures_changed()

    # === report sections ===================================================================
    def codec(self) -> "RefCodec":
        if self._codec is None:
            from govreport import wording
            from govreport.gui.reftext import RefCodec

            ctx = self.context()

            def render(source: str) -> tuple[str, bool]:
                text, _log = wording.render(source, ctx)
                return text, bool(wording.GAP_RE.search(text))

            self._codec = RefCodec(self.pack.indicators, render)
        return self._codec

    def section_specs(self):
        return list(self.pack.sections)

    def section_heading(self, sid: str) -> str:
        spec = self.pack.section(sid)
        if not spec.heading:
            return "导语（不编序号）"
        n = 0
        for s in self.pack.sections:
            if s.numbered and self.section_included(s.id):
                n += 1
            if s.id == sid:
                break
        from govreport.numfmt import chinese
        number = chinese(n) + "、" if self.section_included(sid) and spec.numbered else ""
        return number + self.render(spec.heading)

    def guidance(self, sid: str) -> str:
        return self.render(self.pack.section(sid).guidance)

    def section_included(self, sid: str) -> bool:
        return self.draft is not None and self.draft.section(sid) is not None

    def set_section_included(self, sid: str, included: bool) -> None:
        from govreport.blocks import parse_text
        from govreport.draft import SectionDraft
        if included == self.section_included(sid):
            return
        if included:
            blocks = self._stash.pop(sid, None) or parse_text(self.pack.section(sid).default_text)
            order = self.pack.section_ids()
            pos = sum(1 for s in self.draft.sections
                      if s.id in order and order.index(s.id) < order.index(sid))
            self.draft.sections.insert(pos, SectionDraft(sid, blocks))
        else:
            sec = self.draft.section(sid)
            self._stash[sid] = sec.blocks
            self.draft.sections.remove(sec)
        self.changed()

    def section_display(self, sid: str) -> str:
        sec = self.draft.section(sid)
        return self.codec().to_display(sec.text) if sec else ""

    def set_section_display(self, sid: str, text: str) -> bool:
        """The editor's text, saved into the draft as blocks; True if the draft changed."""
        from govreport.blocks import parse_text
        sec = self.draft.section(sid)
        if sec is None:
            return False
        blocks = parse_text(self.codec().from_display(text))
        if blocks == sec.blocks:
            return False
        sec.blocks = blocks
        self.changed()
        return True

    def default_display(self, sid: str) -> str:
        return self.codec().to_display(self.pack.section(sid).default_text)

    def choices(self) -> "list[Choice]":
        from govreport.gui.records import Choice
        from govreport.gui.reftext import CONTEXT_LABELS, Ref
        codec = self.codec()
        out = []
        for name, label in CONTEXT_LABELS.items():
            ref = Ref(name)
            value, missing = codec.value(ref)
            out.append(Choice(ref, label, value, missing, "报告信息"))
        for ind in self.pack.indicators:
            ref = Ref(ind.id)
            value, missing = codec.value(ref)
            out.append(Choice(ref, ind.name, value, missing, ind.theme))
        return out

    def token_for(self, ref: "Ref") -> str:
        return self.codec().token_text(ref)

    def snippets(self, sid: str) -> list[str]:
        raw = list(self.pack.snippets.get(sid, [])) + list(self.pack.snippets.get("common", []))
        return [self.codec().to_display(s) for s in raw]

    def section_stats(self, sid: str, display_text: str) -> "SectionStats":
        from govreport.gui.records import SectionStats
        from govreport import wording
        from govreport.gui.reftext import count_chars, read_line
        spec = self.pack.section(sid)
        ctx = self.context()
        codec = self.codec()
        chars = 0
        levels: dict[int, int] = {}
        paragraphs = 0
        for line in display_text.split("\n"):
            reading = read_line(line)
            if reading.kind == "heading":
                levels[reading.level] = levels.get(reading.level, 0) + 1
            elif reading.kind == "paragraph":
                paragraphs += 1
            if line.strip():
                chars += count_chars(wording.render(codec.from_display(line), ctx)[0])
        return SectionStats(chars, spec.length_min, spec.length_max, levels, paragraphs)

    # === 检查 ===============================================================================
    def check(self) -> "list[FindingItem]":
        """What the 检查 page lists: errors first, then in document order."""
        items = [self._item(f, where, result) for f, where, result in self.review(self.draft)]
        rank = {"error": 0, "warning": 1, "info": 2}
        return sorted(items, key=lambda it: rank.get(it.finding.level, 3))

    def review(self, draft: "Draft", pack: "TemplatePack | None" = None, compiled=None
               ) -> list[tuple["Finding", str | None, object]]:
        """(finding, location, check result) for a draft: govreport.checks' findings (the
        compiler's included) and text the editor could not read as figure references. Also
        run on the snapshot a report is generated from, so both pages count alike."""
        from govreport import checks
        from govreport.findings import WARNING, Finding
        from govreport.gui.reftext import TOKEN_RE
        run = checks.check_draft(draft, pack or self.pack, compiled=compiled)
        out: list[tuple[Finding, str | None, object]] = [
            (r.finding, run.location(r), r) for r in run.results]
        for sec in draft.sections:
            for i, b in enumerate(sec.blocks):
                for m in TOKEN_RE.finditer(b.to_text()):
                    out.append((Finding(
                        WARNING, "unknown-token",
                        f"“{m.group(0)}”不是可识别的数据引用，将原样写入报告",
                        section=sec.id, block=i, quote=m.group(0),
                        suggestion="删除它，再用“插入数据”重新插入"), None, None))
        return out

    def _item(self, f: "Finding", where: str | None = None, result=None) -> "FindingItem":
        from govreport.gui.records import FindingItem
        from govreport.pack import section_short_name
        if where is None:
            where = section_short_name(f.section, self.pack.id)
            if f.block is not None:
                where += f"第{f.block + 1}段"
        fix, label = self._fix_for(f, result)
        return FindingItem(f, where, self.target_of(f), fix, label)

    def target_of(self, f: "Finding") -> "Target | None":
        from govreport.gui.records import Target
        section = f.section or self._missing_section(f)
        indicator = self._indicator_of(f)
        if section and self.pack.section(section) is not None:
            if self.section_included(section) or f.code.startswith("section"):
                return Target(PAGE_SECTION, section, f.block, indicator)
        if f.code.startswith(("figure", "workbook")):
            return Target(PAGE_FIGURES, indicator=indicator)
        for key, fld in _FIELD_CODES.items():
            if key in f.code:
                return Target(PAGE_BASIC, field=fld)
        if section is None:
            return Target(PAGE_BASIC)
        return None

    def _indicator_of(self, f: "Finding") -> str | None:
        """The figure a finding is about: its id as quote, or the name in a gap 【缺：名称】."""
        from govreport.wording import GAP_RE
        inds = self.pack.indicators
        if f.quote in inds:
            return f.quote
        by_name = {i.name: i.id for i in inds}
        for text in (f.message, f.quote or ""):
            for m in GAP_RE.finditer(text):
                name = m.group(1).removesuffix("（上年）")
                if name in by_name:
                    return by_name[name]
        if f.code.startswith(("figure", "workbook")):
            return next((i.id for i in inds if f"“{i.name}”" in f.message), None)
        return None

    def _missing_section(self, f: "Finding") -> str | None:
        """A required section the draft lacks, named in a finding that has no section id."""
        if f.code not in ("section-missing", "section-order"):
            return None
        for spec in self.pack.sections:
            if spec.required and not self.section_included(spec.id):
                heading = self.render(spec.heading) if spec.heading else spec.short
                if heading and heading in f.message:
                    return spec.id
        return None

    def _fix_for(self, f: "Finding", result) -> tuple[Callable[[], None] | None, str]:
        """The one-click fix: govreport.checks' own (punctuation, numbering …), or ours."""
        missing = f.section if f.code == "section-missing" else self._missing_section(f)
        if missing and not self.section_included(missing):
            return (lambda: self.set_section_included(missing, True)), "恢复该部分"
        fix = getattr(result, "fix", None) if result is not None else None
        if fix is None:
            return None, ""

        def apply():
            checks = importlib.import_module("govreport.checks")
            if checks.apply_fix(self.draft, result):
                self.changed()
                self.view.draft_changed_elsewhere()

        return apply, getattr(fix, "label", "") or "一键修正"

    # === 生成 ===============================================================================
    def default_output(self) -> Path:
        fallback = Path(self.settings["last_folder"]) if self.settings["last_folder"] else None
        if fallback is None or not fallback.is_dir():
            fallback = locations.documents_dir()
        return outputs.default_report_path(self.draft, self.draft_path, fallback)

    def current_output(self) -> Path:
        return self.output_path or self.default_output()

    def set_output(self, path: Path | str) -> None:
        self.output_path = outputs.with_suffix(path, ".docx")

    def generate(self, path: Path | str | None = None) -> None:
        """Build the report off the UI thread from a snapshot of the draft."""
        from govreport.errors import InputError
        target = Path(path) if path else self.current_output()
        if target.suffix.lower() != ".docx":
            raise InputError(f"输出文件“{target.name}”应以 .docx 结尾", path=target)
        if not target.parent.is_dir():
            raise InputError(f"保存位置“{target.parent}”不存在，请重新选择", path=target)
        self.output_path = target
        import copy
        snapshot = copy.deepcopy(self.draft)
        pack = self.pack                    # loaded here, on the UI thread
        with_ledger = bool(self.settings["write_ledger"])

        def job():
            from govreport import service
            result = service.build(snapshot, target)
            if with_ledger:
                from govreport import ledger
                ledger.write_ledger(result.compiled, snapshot, ledger.ledger_path(target))
            try:
                levels = Counter(f.level for f, _, _ in self.review(snapshot, pack, result.compiled))
                return result, levels, None
            except Exception as exc:  # noqa: BLE001 - the report is written; say so first
                return result, Counter(), exc

        self.runner.run(job, lambda r: self._generated(r[0], r[1], False, r[2]),
                        lambda e: self._build_failed(e, target), "正在生成报告……")

    def ledger_of(self, report: Path | str) -> Path | None:
        """The 数据核对表 written beside a report, if there is one."""
        from govreport.ledger import ledger_path
        path = ledger_path(report)
        return path if path.is_file() else None

    def _generated(self, result: "BuildResult", levels: Counter, demo: bool,
                   check_failed: BaseException | None = None) -> None:
        """levels: the 检查 page's count of findings per level for the generated draft;
        check_failed: the checks broke after the report was written (shown after it)."""
        if not demo:
            self.last_report = result.path
        self.view.report_generated(result, demo, levels)
        if check_failed is not None:
            self.view.unexpected_error(check_failed)

    def _build_failed(self, exc: BaseException, target: Path) -> None:
        from govreport.errors import OutputLockedError
        if isinstance(exc, OutputLockedError):
            self.view.output_locked(target, outputs.alternative_path(target), str(exc))
        else:
            self._job_failed(exc)

    def _job_failed(self, exc: BaseException) -> None:
        from govreport.errors import InputError
        if isinstance(exc, InputError):
            self.view.show_error(str(exc))
        else:
            self.view.unexpected_error(exc)

    # === window title ======================================================================
    def caption(self) -> str:
        if self.draft is None:
            return "法治政府建设年度报告"
        name = self.draft_path.name if self.draft_path else "未保存的草稿"
        unit = self.draft.unit or "未命名单位"
        return f"{unit}{self.draft.year}年度报告 — {name}"


# --- helpers run off the UI thread ---------------------------------------------------------

def read_workbook(path: Path, indicators, year: int, bindings: dict[str, str]):
    """Import a workbook, honouring the clerk's cell bindings; returns (import, sha256)."""
    from govreport.service import file_sha256
    from govreport.statistics import import_workbook
    result = import_workbook(path, indicators, year=year, bindings=bindings)
    return result, file_sha256(path)


def _load_pack(pack_id: str) -> "TemplatePack":
    from govreport.pack import load_pack
    return load_pack(pack_id)
