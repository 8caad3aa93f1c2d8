"""What every page shares: lazy construction, refresh on each visit, guarded slots."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

if TYPE_CHECKING:
    from govreport.gui.window import ReportWizard


class Page(QWizardPage):
    key = ""

    def __init__(self, wizard: "ReportWizard", title: str, subtitle: str = ""):
        super().__init__()
        self.wizard_window = wizard
        self.presenter = getattr(wizard.presenter, self.key)   # this page's presenter
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.built = False
        self.stale = True
        self.layout_ = QVBoxLayout(self)

    def activate(self) -> None:
        """Called each time the page is shown."""
        self._fill_height()
        if not self.built:
            self.build()
            self.built = True
        self.refresh()
        self.stale = False

    def _fill_height(self) -> None:
        # QWizard puts a stretching spacer under its pages; give the page the stretch instead,
        # so tables and editors use the whole window height.
        parent = self.parentWidget()
        lay = parent.layout() if parent is not None else None
        if lay is not None and lay.indexOf(self) >= 0:
            lay.setStretchFactor(self, 1)

    def build(self) -> None:  # pragma: no cover - every page overrides
        pass

    def refresh(self) -> None:
        pass

    def cleanupPage(self) -> None:
        """Going back keeps what the clerk entered (QWizard's default would reset fields)."""


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
