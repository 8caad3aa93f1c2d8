"""导入统计表: choose or drop a workbook; every indicator with value, last year, source, match;
unmatched workbook rows beside; bind an indicator to a row or cell, or type a value."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from govreport.gui import dialogs
from govreport.gui.crash import guarded
from govreport.gui.figuremodel import VALUE_COLUMN, FigureFilter, FigureModel
from govreport.gui.pages.base import Page

WORKBOOK_FILTER = "Excel 统计表 (*.xlsx *.xlsm);;所有文件 (*)"


def _workbook_in(mime) -> Path | None:
    for url in mime.urls() if mime.hasUrls() else []:
        path = Path(url.toLocalFile())
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".et"):
            return path
    return None


class FiguresPage(Page):
    key = "figures"

    def __init__(self, wizard):
        super().__init__(wizard, "导入统计表",
                         "选择本年度的统计表（也可以把 .xlsx 文件拖到这一页）。没有统计表也可以继续："
                         "在“本年”一栏直接填写数值，或留空在报告中标出缺少的数据。")
        self.setAcceptDrops(True)

    def build(self) -> None:
        lay = self.layout_
        top = QHBoxLayout()
        self.workbook_label = QLabel()
        self.workbook_label.setWordWrap(True)
        self.choose_button = QPushButton("选择统计表(&O)…")
        self.template_button = QPushButton("生成空白统计表(&E)…")
        self.template_button.setToolTip("按本工具的指标生成一份空白统计表（带填表说明），"
                                        "填好后再选择它")
        top.addWidget(self.workbook_label, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.choose_button)
        lay.addLayout(top)
        self.warnings = QLabel()
        self.warnings.setObjectName("hint")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        lay.addWidget(self.warnings)

        filt = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索指标名称、类别或单元格")
        self.search.setClearButtonEnabled(True)
        self.missing_only = QCheckBox("只看缺少的(&M)")
        self.summary = QLabel()
        filt.addWidget(self.search, 1)
        filt.addWidget(self.missing_only)
        filt.addWidget(self.summary)
        lay.addLayout(filt)

        split = QSplitter(Qt.Horizontal)
        self.model = FigureModel(self.presenter, self)
        self.proxy = FigureFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("figures")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 3 // 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for c in range(1, 6):
            header.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        split.addWidget(self.table)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox("统计表中没有对应上的行")
        bl = QVBoxLayout(box)
        self.unmatched = QTableWidget(0, 4)
        self.unmatched.setObjectName("unmatched")
        self.unmatched.setHorizontalHeaderLabels(["工作表", "单元格", "名称", "数值"])
        self.unmatched.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unmatched.setSelectionMode(QAbstractItemView.SingleSelection)
        self.unmatched.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unmatched.verticalHeader().hide()
        self.unmatched.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        bl.addWidget(self.unmatched)
        self.bind_row_button = QPushButton("对应到左侧所选指标(&B)")
        self.bind_row_button.setToolTip("把右侧所选的行作为左侧所选指标的数据来源")
        bl.addWidget(self.bind_row_button)
        sl.addWidget(box, 1)
        self.bind_cell_button = QPushButton("指定单元格…")
        self.bind_cell_button.setToolTip("直接写出数据所在的单元格，例如 普法!D7")
        self.unbind_button = QPushButton("取消指定")
        self.clear_typed_button = QPushButton("清除手工录入")
        for b in (self.bind_cell_button, self.unbind_button, self.clear_typed_button):
            sl.addWidget(b)
        legend = QLabel("浅红：缺少的数据　浅黄：手工录入\n双击“本年”一栏可直接填写数值")
        legend.setWordWrap(True)
        sl.addWidget(legend)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.choose_button.clicked.connect(guarded(self.choose_workbook))
        self.template_button.clicked.connect(guarded(self.save_blank_workbook))
        self.search.textChanged.connect(guarded(self._filter))
        self.missing_only.toggled.connect(guarded(self._filter))
        self.bind_row_button.clicked.connect(guarded(self.bind_selected_row))
        self.bind_cell_button.clicked.connect(guarded(self.bind_cell_dialog))
        self.unbind_button.clicked.connect(guarded(self.unbind_selected))
        self.clear_typed_button.clicked.connect(guarded(self.clear_typed))
        self.table.selectionModel().currentRowChanged.connect(guarded(self._update_buttons))
        self.unmatched.itemSelectionChanged.connect(guarded(self._update_buttons))

    def refresh(self) -> None:
        p = self.presenter
        if not p.has_draft:
            return
        current = self.selected_indicator()
        self.model.reload()
        path = p.workbook_path
        if path:
            self.workbook_label.setText(f"统计表：{path.name}\n{path.parent}")
            self.workbook_label.setToolTip(str(path))
        else:
            self.workbook_label.setText("尚未选择统计表（可以把 .xlsx 文件拖到这一页）")
        rows = self.model.rows
        missing = sum(1 for r in rows if r.missing)
        typed = sum(1 for r in rows if r.typed)
        self.summary.setText(f"共{len(rows)}项，缺{missing}项，手工录入{typed}项")
        self.unmatched.setRowCount(0)
        for u in p.unmatched():
            r = self.unmatched.rowCount()
            self.unmatched.insertRow(r)
            for c, v in enumerate((u.sheet, u.cell, u.label, "" if u.value is None else str(u.value))):
                self.unmatched.setItem(r, c, QTableWidgetItem(v))
        self.unmatched.resizeColumnsToContents()
        self.show_warnings(p.notes())
        if current:
            self.select_indicator(current)
        self._update_buttons()

    def show_warnings(self, warnings: list[str]) -> None:
        text = "\n".join(f"· {w}" for w in warnings[:8])
        if len(warnings) > 8:
            text += f"\n……另有{len(warnings) - 8}条"
        self.warnings.setText(text)
        self.warnings.setVisible(bool(warnings))

    # --- selection ---------------------------------------------------------------------------
    def selected_indicator(self) -> str | None:
        if not self.built:
            return None
        idx = self.table.currentIndex()
        return self.proxy.data(idx, Qt.UserRole) if idx.isValid() else None

    def select_indicator(self, indicator_id: str) -> bool:
        row = self.model.row_of(indicator_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, VALUE_COLUMN))
        if not idx.isValid():
            self.search.clear()
            self.missing_only.setChecked(False)
            idx = self.proxy.mapFromSource(self.model.index(row, VALUE_COLUMN))
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx)
        self.table.setFocus()
        return True

    def _update_buttons(self, *_) -> None:
        fid = self.selected_indicator()
        row = self.model.rows[self.model.row_of(fid)] if fid else None
        has_wb = self.presenter.workbook_path is not None
        self.bind_row_button.setEnabled(bool(fid) and has_wb and bool(self.unmatched.selectedItems()))
        self.bind_cell_button.setEnabled(bool(fid) and has_wb)
        self.unbind_button.setEnabled(bool(fid) and fid in self.presenter.draft.bindings)
        self.clear_typed_button.setEnabled(bool(row and row.typed))

    def _filter(self, *_) -> None:
        self.proxy.set_filter(self.search.text(), self.missing_only.isChecked())

    # --- actions -----------------------------------------------------------------------------
    def choose_workbook(self) -> None:
        folder = self.presenter.workbook_path.parent if self.presenter.workbook_path else \
            self.wizard_window.start_folder()
        path = dialogs.open_file(self, "选择统计表", folder, WORKBOOK_FILTER)
        if path:
            self.presenter.load_workbook(path)

    def save_blank_workbook(self) -> None:
        p = self.presenter
        path = dialogs.save_file(self, "空白统计表保存为",
                                 self.wizard_window.start_folder() / p.blank_workbook_name(),
                                 WORKBOOK_FILTER)
        if path:
            saved = p.save_blank_workbook(path)
            self.wizard_window.notify(f"空白统计表已保存：{saved.name}，填好后点“选择统计表”")

    def bind_selected_row(self) -> None:
        fid = self.selected_indicator()
        rows = self.unmatched.selectionModel().selectedRows()
        if not fid or not rows:
            return
        r = rows[0].row()
        cell = f"{self.unmatched.item(r, 0).text()}!{self.unmatched.item(r, 1).text()}"
        self.presenter.bind(fid, cell)

    def bind_cell_dialog(self) -> None:
        fid = self.selected_indicator()
        if not fid:
            return
        name = self.presenter.pack.indicators[fid].name
        current = self.presenter.draft.bindings.get(fid, "")
        cell = dialogs.text_input(self, "指定单元格", f"“{name}”在统计表中的位置（工作表名!单元格，例如 普法!D7）：",
                                  current)
        if cell:
            self.presenter.bind(fid, cell)

    def unbind_selected(self) -> None:
        fid = self.selected_indicator()
        if fid:
            self.presenter.unbind(fid)

    def clear_typed(self) -> None:
        fid = self.selected_indicator()
        if fid:
            self.presenter.set_override(fid, "")

    # --- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if _workbook_in(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        path = _workbook_in(event.mimeData())
        if path:
            event.acceptProposedAction()
            guarded(self.presenter.load_workbook)(path)
