"""The wizard's side list: every page by number and title, to jump between them, with the
busy note and the last notice under it. Mixed into the window (ReportWizard)."""
from __future__ import annotations

from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout,
                               QWidget, QWizardPage)

from govreport.gui.crash import guarded
from govreport.gui.pages import ID_START

ROLE = 256          # Qt.UserRole, spelled as a number so the first page needs no Qt namespace


class SideList:
    def _build_side(self) -> None:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 8, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        fm = self.nav.fontMetrics()
        self.nav.setFixedWidth(fm.horizontalAdvance("10. 第一责任人履职") + fm.height() * 2)
        self.nav.itemClicked.connect(guarded(lambda item: self.goto(item.data(ROLE))))
        lay.addWidget(self.nav, 1)
        self.busy_label = QLabel()
        self.busy_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(fm.height() // 2 + 4)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.notice = QLabel()
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self.notice.setFixedWidth(self.nav.width())
        self.busy_label.setFixedWidth(self.nav.width())
        lay.addWidget(self.busy_label)
        lay.addWidget(self.busy_bar)
        lay.addWidget(self.notice)
        self._side = side          # PySide does not hand ownership to QWizard here
        self.setSideWidget(side)

    def _fill_nav(self) -> None:
        self.nav.clear()
        for n, pid in enumerate(self.pageIds(), start=1):
            # QWizardPage.title: a page may name a widget `title` (基本信息 does)
            item = QListWidgetItem(f"{n}. {QWizardPage.title(self.page(pid))}")
            item.setData(ROLE, pid)
            self.nav.addItem(item)
            if pid == self.currentId():
                self.nav.setCurrentItem(item)
        self._update_nav()

    def _update_nav(self) -> None:
        if not self._complete:
            return
        from PySide6.QtCore import Qt
        has = self.presenter.has_draft
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            pid = item.data(ROLE)
            enabled = has or pid == ID_START
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable if enabled else Qt.NoItemFlags)
            page = self.page(pid)
            if hasattr(page, "section_id") and has \
                    and not self.presenter.section.section_included(page.section_id):
                item.setForeground(Qt.gray)
            else:
                item.setData(Qt.ForegroundRole, None)
