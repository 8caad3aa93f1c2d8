"""DraftSession: one draft being worked on, and everything that can be done with it.

It owns the draft, where it is saved, whether it has unsaved changes, and its figures with the
details of how the workbook gave them. The CLI, the wizard and batch use it; none of them
starts, reads, saves or builds a draft any other way. Nothing here knows of Qt: slow steps
come as jobs (`workbook_reader`, `producer`) that the wizard runs on a worker thread and the
CLI simply calls.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from govreport.model.pack import DEFAULT_PACK, load_pack

if TYPE_CHECKING:
    from govreport.app.produce import Checker, Produced
    from govreport.app.recovery import Recovery
    from govreport.app.starts import Defaults
    from govreport.app.workbooks import ImportDetails, WorkbookRead
    from govreport.model.draft import Draft
    from govreport.model.figures import FigureSet
    from govreport.model.findings import Finding
    from govreport.model.pack import TemplatePack
    from govreport.wording import Context

# What a reopened draft's workbook needs (DraftSession.reread_needed)
REREAD_CHANGED = "changed"      # the workbook was edited since: read it again, say so
REREAD_DETAILS = "details"      # a draft saved before match details were kept: fill them in


class DraftSession:
    def __init__(self, draft: "Draft", path: Path | str | None = None, *, dirty: bool = False):
        self.draft = draft
        self.path = Path(path) if path else None
        self.dirty = dirty
        # told when `dirty` flips (the wizard's window title); the CLI leaves it None
        self.on_dirty: Callable[[bool], None] | None = None
        self._pack: "TemplatePack | None" = None
        self._figures: "FigureSet | None" = None

    # --- starting ----------------------------------------------------------------------------
    @classmethod
    def new(cls, pack_id: str = DEFAULT_PACK, unit: str = "", year: int | None = None,
            defaults: "Defaults | None" = None) -> "DraftSession":
        """A fresh, unsaved draft: the pack's wording and the remembered defaults."""
        from govreport.app.starts import fresh_draft
        return cls(fresh_draft(load_pack(pack_id), unit, year, defaults), dirty=True)

    @classmethod
    def start(cls, unit: str | None, year: int | None, pack_id: str | None = None,
              workbook: Path | str | None = None) -> tuple["DraftSession", list["Finding"]]:
        """A new draft for a unit, its figures from a workbook if given (`govreport new`)."""
        from govreport.app.starts import start_draft
        draft, findings = start_draft(unit, year, pack_id, workbook)
        return cls(draft, dirty=True), findings

    @classmethod
    def demo(cls, pack_id: str | None = None) -> "DraftSession":
        from govreport.app.starts import demo_draft
        return cls(demo_draft(pack_id))

    @classmethod
    def open(cls, path: Path | str) -> "DraftSession":
        from govreport.model.draft import load
        return cls(load(path), path)

    @classmethod
    def recover(cls, recovery: "Recovery") -> "DraftSession":
        """An autosave a crashed session left: unsaved by definition."""
        return cls(recovery.load(), recovery.draft_path, dirty=True)

    @classmethod
    def adopt(cls, draft: "Draft", defaults: "Defaults | None" = None) -> "DraftSession":
        """A draft made elsewhere (last year's report imported): empty fields take defaults."""
        if defaults is not None:
            defaults.fill(draft)
        return cls(draft, dirty=True)

    # --- state ----------------------------------------------------------------------------------
    @property
    def pack(self) -> "TemplatePack":
        if self._pack is None or self._pack.id != self.draft.template:
            self._pack = load_pack(self.draft.template)
        return self._pack

    def changed(self) -> None:
        """The draft was edited: what is derived from it is stale, and it needs saving."""
        self.invalidate()
        self._set_dirty(True)

    def invalidate(self) -> None:
        self._figures = None

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            if self.on_dirty is not None:
                self.on_dirty(dirty)

    def discard_changes(self) -> None:
        """The clerk closes without saving: nothing is unsaved any more."""
        self._set_dirty(False)

    def save(self, path: Path | str | None = None) -> Path:
        """Write the draft atomically (to its own path unless given one); returns where."""
        from govreport.model.draft import save
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no path to save the draft to")
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        save(self.draft, target)
        self.path = target
        self._set_dirty(False)
        return target

    # --- figures ----------------------------------------------------------------------------------
    def figure_set(self) -> "FigureSet":
        if self._figures is None:
            from govreport.build.compose import figures_for
            self._figures = figures_for(self.draft, self.pack)
        return self._figures

    def context(self) -> "Context":
        from govreport.build.compose import context_for
        return context_for(self.draft, self.pack, self.figure_set())

    def render(self, source: str) -> str:
        from govreport import wording
        return wording.render(source, self.context())[0]

    @property
    def workbook_path(self) -> Path | None:
        wb = (self.draft.workbook or {}).get("path")
        return Path(wb) if wb else None

    @property
    def details(self) -> "ImportDetails | None":
        """How the last workbook import found each figure, as saved with the draft."""
        from govreport.app.workbooks import ImportDetails
        return ImportDetails.of_record(self.draft.workbook)

    def workbook_reader(self, path: Path | str, year: int | None = None
                        ) -> Callable[[], "WorkbookRead"]:
        """A job reading the workbook for this draft's year and cell bindings, as they are now."""
        from govreport.app.workbooks import read_workbook
        path, indicators = Path(path), self.pack.indicators
        year, bindings = year or self.draft.year, dict(self.draft.bindings)
        return lambda: read_workbook(path, indicators, year, bindings)

    def take_workbook(self, read: "WorkbookRead") -> bool:
        """Take a read workbook's figures; True (and unsaved) if values or the file changed."""
        from govreport.app.workbooks import take_figures
        old_figures, old_book = dict(self.draft.figures), self.draft.workbook or {}
        take_figures(self.draft, read)
        new_book = self.draft.workbook
        differs = (self.draft.figures != old_figures
                   or any(old_book.get(k) != new_book[k] for k in ("path", "sha256")))
        if differs:
            self.changed()
        else:
            self.invalidate()
        return differs

    def apply_workbook(self, path: Path | str, year: int | None = None) -> list["Finding"]:
        """Read the workbook's figures into the draft, here and now; the import's notes."""
        read = self.workbook_reader(path, year)()
        self.take_workbook(read)
        return read.findings

    def reread_needed(self) -> str | None:
        """Whether a reopened draft's workbook should be read again: REREAD_CHANGED when the
        file changed since, REREAD_DETAILS for an older draft that kept only values; None when
        the draft already holds what the workbook says (or the workbook is gone)."""
        from govreport.app.workbooks import file_sha256
        path = self.workbook_path
        if path is None or not path.is_file():
            return None
        try:
            same = file_sha256(path) == (self.draft.workbook or {}).get("sha256")
        except OSError:
            return None
        if not same:
            return REREAD_CHANGED
        return REREAD_DETAILS if self.details is None else None

    # --- producing ---------------------------------------------------------------------------------
    def output_name(self) -> str:
        from govreport.app.produce import output_name
        return output_name(self.draft, self.pack)

    def producer(self, output: Path | str | None, *, ledger: bool = False,
                 check: "Checker | None" = None) -> Callable[[], "Produced"]:
        """A job building the report from the draft as it is now (a copy: the clerk may go on
        typing while a worker thread builds)."""
        from govreport.app.produce import produce
        snapshot, pack = copy.deepcopy(self.draft), self.pack
        return lambda: produce(snapshot, output, pack=pack, ledger=ledger, check=check)

    def produce(self, output: Path | str | None, *, ledger: bool = False,
                check: "Checker | None" = None) -> "Produced":
        from govreport.app.produce import produce
        return produce(self.draft, output, pack=self.pack, ledger=ledger, check=check)
