"""The wizard's logic in plain Python (after Mu): the window is a passive view.

WizardPresenter holds what all pages share: the DraftSession (govreport.app) being edited, the
autosave, the view and the runner. Each page has its own presenter (gui/presenters/), reached
as `presenter.<page key>`: presenter.basic.set_field(...), presenter.figures.figure_rows() ...
The use cases themselves (start, open, save, read a workbook, produce) are DraftSession's;
these classes only turn them into what the pages show. Slow work goes through a `Runner`,
which the Qt view runs off the UI thread and tests run inline. Heavy core modules are imported
inside methods, after the window is on screen.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from govreport.app.autosave import Autosaver
from govreport.gui import locations, outputs

if TYPE_CHECKING:
    from collections import Counter

    from govreport.app.produce import Produced
    from govreport.app.recovery import Recovery
    from govreport.app.session import DraftSession
    from govreport.app.starts import Defaults
    from govreport.model.draft import Draft
    from govreport.gui.settings import Settings
    from govreport.model.pack import TemplatePack

# Pages the presenter can send the clerk to; also the page presenters' attribute names.
PAGE_START, PAGE_BASIC, PAGE_FIGURES, PAGE_SECTION, PAGE_CHECK, PAGE_GENERATE = (
    "start", "basic", "figures", "section", "check", "generate")

_RECORDS = ("Target", "FindingItem", "Choice", "SectionStats")


def __getattr__(name: str):
    """The records used to live here: `from govreport.gui.presenter import Target` still works."""
    if name in _RECORDS:
        from govreport.gui import records
        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class View(Protocol):
    def draft_loaded(self) -> None: ...
    def figures_changed(self) -> None: ...
    def dirty_changed(self, dirty: bool) -> None: ...
    def schedule_autosave(self, seconds: float) -> None: ...
    def show_error(self, message: str) -> None: ...
    def unexpected_error(self, exc: BaseException) -> None: ...
    def busy(self, message: str | None) -> None: ...
    def notify(self, message: str) -> None: ...
    def workbook_loaded(self, path: Path) -> None: ...
    def workbook_year_differs(self, path: Path, workbook_year: int) -> None: ...
    def report_generated(self, result: "Produced", demo: bool, levels: "Counter") -> None: ...
    def output_locked(self, path: Path, suggestion: Path, message: str) -> None: ...
    def import_done(self, result) -> None: ...
    def draft_changed_elsewhere(self) -> None: ...
    def fonts_checked(self) -> None: ...
    def pack_ready(self) -> None: ...


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
                 pack_id: str | None = None, autosave_folder: Path | None = None):
        from govreport.gui.presenters import page_presenters
        self.view = view
        self.runner = runner
        self.settings = settings
        # None: the kind the clerk chose last (settings), else the default pack, read on first use
        self._pack_id = pack_id or settings["report_kind"] or None
        self._pack: "TemplatePack | None" = None
        self.session: "DraftSession | None" = None
        self.autosaver = Autosaver(autosave_folder or locations.autosave_dir())
        self.generation = 0              # bumps when another draft is loaded
        (self.start, self.basic, self.figures, self.section, self.check,
         self.generate) = page_presenters(self)

    # === what every page reads =============================================================
    @property
    def pack(self) -> "TemplatePack":
        """The draft's template pack; before any draft, the kind new drafts take."""
        if self.session is not None:
            return self.session.pack
        return self.chosen_pack

    @property
    def chosen_pack(self) -> "TemplatePack":
        """The kind of report new drafts, imports and the example take (the start page's
        choice), whatever kind the open draft is."""
        if self._pack is None:
            from govreport.model.pack import DEFAULT_PACK, load_pack
            self._pack = load_pack(self._pack_id or DEFAULT_PACK)
        return self._pack

    @property
    def draft(self) -> "Draft | None":
        return self.session.draft if self.session else None

    @property
    def draft_path(self) -> Path | None:
        return self.session.path if self.session else None

    @property
    def dirty(self) -> bool:
        return bool(self.session and self.session.dirty)

    @property
    def has_draft(self) -> bool:
        return self.session is not None

    # === draft lifecycle ===================================================================
    def defaults(self) -> "Defaults":
        from govreport.app.starts import Defaults
        s = self.settings
        return Defaults(unit=s["default_unit"].strip(), recipient=s["default_recipient"],
                        signature=s["default_signature"], variant=s["default_variant"],
                        fonts=self.basic.valid_profile(s["font_profile"]))

    def new_draft(self) -> None:
        from govreport.app.session import DraftSession
        self.set_session(DraftSession.new(self.chosen_pack.id, defaults=self.defaults()))
        # first run, font check still running: its recommendation fills this in
        self.basic.fonts_open = not self.draft.fonts and self.basic.font_report is None

    def open_draft(self, path: Path | str) -> None:
        from govreport.app.session import DraftSession
        self.set_session(DraftSession.open(path))
        self._remember_folder(self.session.path)

    def recoveries(self) -> "list[Recovery]":
        from govreport.app.recovery import pending
        return pending(self.autosaver.folder, exclude=self.autosaver.path)

    def recover(self, rec: "Recovery") -> None:
        from govreport.app.session import DraftSession
        self.set_session(DraftSession.recover(rec))
        self.autosave()            # safe in this session's file before the old one goes
        rec.discard()

    @staticmethod
    def discard_recoveries(recs: "list[Recovery]") -> None:
        for rec in recs:
            rec.discard()

    def set_session(self, session: "DraftSession") -> None:
        """Work on another draft: every page starts over with it."""
        from govreport.app.session import REREAD_CHANGED
        self.generation += 1
        self.session = session
        session.on_dirty = self.view.dirty_changed
        for page in (self.start, self.basic, self.figures, self.section, self.check,
                     self.generate):
            page.reset()
        self.view.dirty_changed(session.dirty)
        if session.dirty:
            self._request_autosave()
        self.view.draft_loaded()
        reread = session.reread_needed()
        if reread:
            # changed since: read again (and say so); an older draft: fill in match details
            self.figures.load_workbook(session.workbook_path, quiet=True,
                                       announce=reread == REREAD_CHANGED)

    def changed(self) -> None:
        """Something in the draft changed: mark it unsaved and autosave soon."""
        self.session.changed()
        self.section.forget_codec()
        self._request_autosave()

    def refigured(self) -> None:
        """Derived values are stale (figures re-read unchanged): recompute, nothing to save."""
        self.session.invalidate()
        self.section.forget_codec()

    def _request_autosave(self) -> None:
        self.view.schedule_autosave(max(0.2, float(self.settings["autosave_seconds"])))

    def save(self, path: Path | str | None = None) -> Path:
        """Save the draft (atomically); returns where. The view asks for a path first if needed."""
        target = self.session.save(path)
        self._remember_folder(target)
        self._remember_defaults()
        self.autosaver.clear()
        return target

    def suggested_draft_path(self) -> Path:
        if self.draft_path:
            return self.draft_path
        return self.last_folder() / outputs.draft_name(self.draft, self.pack)

    def last_folder(self) -> Path:
        folder = Path(self.settings["last_folder"]) if self.settings["last_folder"] else None
        return folder if folder is not None and folder.is_dir() else locations.documents_dir()

    def autosave(self) -> Path | None:
        if not self.dirty:
            return None
        return self.autosaver.write(self.draft, self.draft_path)

    def discard_changes(self) -> None:
        """The clerk closes without saving: nothing to recover next time."""
        self.autosaver.clear()
        if self.session is not None:
            self.session.discard_changes()

    def _remember_folder(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings["last_folder"] = str(path.parent)

    def _remember_defaults(self) -> None:
        """Issue 8: the next report starts with this one's unit, recipient, signature and fonts."""
        d = self.draft
        s = self.settings
        for key, value in (("default_unit", d.unit), ("default_recipient", d.recipient),
                           ("default_signature", d.signature), ("font_profile", d.fonts),
                           ("default_variant", d.variant)):
            if s[key] != value:
                s[key] = value

    def job_failed(self, exc: BaseException) -> None:
        from govreport.base.errors import InputError
        if isinstance(exc, InputError):
            self.view.show_error(str(exc))
        else:
            self.view.unexpected_error(exc)

    # === start-up ==========================================================================
    def warm_up(self) -> None:
        """After the first paint: read the pack and load the core in the background, so the
        first real step does not wait for them; the view then names the report."""
        from govreport.model.pack import DEFAULT_PACK
        pack_id = self._pack_id or DEFAULT_PACK

        def job():
            import govreport.app.session  # noqa: F401
            import govreport.build.compose  # noqa: F401
            import govreport.build.docx_writer  # noqa: F401
            from govreport.model.pack import load_pack
            return load_pack(pack_id)

        def done(pack):
            if self._pack is None:
                self._pack = pack
            self.view.pack_ready()

        def failed(_exc):
            # a remembered kind whose pack is gone (a county folder removed): the default
            if self._pack_id not in (None, DEFAULT_PACK):
                self._pack_id = None
                self.warm_up()

        self.runner.run(job, done, failed)

    def choose_kind(self, pack_id: str) -> None:
        """The report kind new drafts take (the start page's choice), remembered."""
        from govreport.model.pack import load_pack
        self._pack = load_pack(pack_id)
        self._pack_id = pack_id
        self.settings["report_kind"] = pack_id

    # === window title ======================================================================
    def report_name(self) -> str:
        """What the report is called (the pack's), or "" before the pack is read: the first
        page is painted before any pack is loaded."""
        if self.session is None and self._pack is None:
            return ""
        return self.pack.report_name

    def caption(self) -> str:
        if self.draft is None:
            return self.report_name()
        name = self.draft_path.name if self.draft_path else "未保存的草稿"
        unit = self.draft.unit or "未命名单位"
        return f"{unit}{self.draft.year}年度报告 — {name}"
