"""检查: the core's findings (and govreport.checks', when present); each one leads to its place."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem)

from govreport.gui import style
from govreport.gui.crash import guarded
from govreport.gui.pages.base import Page

LEVEL_COLORS = {"error": style.ERROR_FG, "warning": style.HINT_FG, "info": "#555555"}


class CheckPage(Page):
    key = "check"

    def __init__(self, wizard):
        super().__init__(wizard, "检查",
                         "生成前的检查：缺少的数据、留空的内容和格式问题。双击一条可跳到对应位置修改。")
        self.items = []

    def build(self) -> None:
        lay = self.layout_
        top = QHBoxLayout()
        self.summary = QLabel()
        self.recheck_button = QPushButton("重新检查 (F5)")
        top.addWidget(self.summary, 1)
        top.addWidget(self.recheck_button)
        lay.addLayout(top)

        self.tree = QTreeWidget()
        self.tree.setObjectName("findings")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["级别", "位置", "说明", "建议"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.tree.header()
        em = self.tree.fontMetrics().horizontalAdvance("字")
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.resizeSection(1, em * 16)
        header.resizeSection(3, em * 14)
        lay.addWidget(self.tree, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.detail)

        row = QHBoxLayout()
        self.goto_button = QPushButton("转到该处(&G)")
        self.data_button = QPushButton("转到数据")
        self.data_button.setToolTip("到“导入统计表”页补充这项数据")
        self.fix_button = QPushButton("一键修正")
        row.addWidget(self.goto_button)
        row.addWidget(self.data_button)
        row.addWidget(self.fix_button)
        row.addStretch(1)
        lay.addLayout(row)

        self.recheck_button.clicked.connect(guarded(self.refresh))
        QShortcut(QKeySequence(Qt.Key_F5), self, activated=guarded(self.refresh))
        self.tree.itemActivated.connect(guarded(self._activated))
        self.tree.currentItemChanged.connect(guarded(self._update_buttons))
        self.goto_button.clicked.connect(guarded(self.goto_selected))
        self.data_button.clicked.connect(guarded(self.goto_data))
        self.fix_button.clicked.connect(guarded(self.fix_selected))

    def refresh(self) -> None:
        if not self.presenter.has_draft:
            return
        self.items = self.presenter.items()
        self.tree.clear()
        counts = {"error": 0, "warning": 0, "info": 0}
        for i, item in enumerate(self.items):
            f = item.finding
            counts[f.level] += 1
            row = QTreeWidgetItem([item.level_name, item.where, f.message, f.suggestion or ""])
            row.setData(0, Qt.UserRole, i)
            row.setForeground(0, QBrush(QColor(LEVEL_COLORS[f.level])))
            tip = f.message + (f"\n建议：{f.suggestion}" if f.suggestion else "")
            if f.quote:
                tip += f"\n原文：{f.quote}"
            for c in range(4):
                row.setToolTip(c, tip)
            self.tree.addTopLevelItem(row)
        if not self.items:
            self.summary.setText("没有发现问题，可以生成报告了。")
        else:
            self.summary.setText(f"错误 {counts['error']} 条，警告 {counts['warning']} 条，"
                                 f"提示 {counts['info']} 条。错误和警告请在生成前处理；提示可不处理。")
        if self.items:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def selected(self):
        row = self.tree.currentItem()
        return None if row is None else self.items[row.data(0, Qt.UserRole)]

    def _update_buttons(self, *_) -> None:
        item = self.selected()
        if item is None:
            self.detail.setText("")
        else:
            f = item.finding
            text = f"{item.level_name}　{item.where}\n{f.message}"
            if f.suggestion:
                text += f"\n建议：{f.suggestion}"
            self.detail.setText(text)
        self.goto_button.setEnabled(bool(item and item.target))
        self.data_button.setEnabled(bool(item and item.target and item.target.indicator))
        self.fix_button.setEnabled(bool(item and item.fix))
        self.fix_button.setText(item.fix_label if item and item.fix else "一键修正")

    def _activated(self, row, _column=0) -> None:
        self.goto_selected()

    def goto_selected(self) -> None:
        item = self.selected()
        if item and item.target:
            self.wizard_window.jump(item.target)

    def goto_data(self) -> None:
        from govreport.gui.presenter import PAGE_FIGURES
        from govreport.gui.records import Target
        item = self.selected()
        if item and item.target and item.target.indicator:
            self.wizard_window.jump(Target(PAGE_FIGURES, indicator=item.target.indicator))

    def fix_selected(self) -> None:
        item = self.selected()
        if item and item.fix:
            item.fix()
            self.refresh()
