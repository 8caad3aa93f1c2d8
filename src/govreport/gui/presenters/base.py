"""What every page presenter reads from the wizard: the session, its draft and pack."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govreport.app.session import DraftSession
    from govreport.model.draft import Draft
    from govreport.model.figures import FigureSet
    from govreport.gui.presenter import View, WizardPresenter
    from govreport.gui.settings import Settings
    from govreport.model.pack import TemplatePack


class PagePresenter:
    def __init__(self, wizard: "WizardPresenter"):
        self.wizard = wizard

    def reset(self) -> None:
        """Another draft was loaded: forget what belonged to the last one."""

    @property
    def view(self) -> "View":
        return self.wizard.view

    @property
    def runner(self):
        return self.wizard.runner

    @property
    def settings(self) -> "Settings":
        return self.wizard.settings

    @property
    def session(self) -> "DraftSession":
        return self.wizard.session

    @property
    def draft(self) -> "Draft":
        return self.wizard.draft

    @property
    def pack(self) -> "TemplatePack":
        return self.wizard.pack

    @property
    def has_draft(self) -> bool:
        return self.wizard.has_draft

    @property
    def dirty(self) -> bool:
        return self.wizard.dirty

    @property
    def draft_path(self) -> Path | None:
        return self.wizard.draft_path

    def changed(self) -> None:
        self.wizard.changed()

    def figure_set(self) -> "FigureSet":
        return self.session.figure_set()

    def render(self, source: str) -> str:
        return self.session.render(source)
