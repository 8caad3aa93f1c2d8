"""Qt table model over the presenter's figure rows (the 本年 column is editable: typed values)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from govreport.gui import style
from govreport.gui.crash import report
from govreport.gui.figuretable import COLUMNS, FigureRow

VALUE_COLUMN = 1


class FigureModel(QAbstractTableModel):
    def __init__(self, presenter, parent=None):
        super().__init__(parent)
        self.presenter = presenter
        self.rows: list[FigureRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.presenter.figure_rows() if self.presenter.has_draft else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if role == Qt.DisplayRole and col == VALUE_COLUMN and row.missing:
                return "（缺）"
            return row.cells()[col]
        if role == Qt.BackgroundRole:
            if row.missing:
                return QBrush(QColor(style.MISSING_BG))
            if row.typed:
                return QBrush(QColor(style.TYPED_BG))
        if role == Qt.ForegroundRole and row.missing and col == VALUE_COLUMN:
            return QBrush(QColor(style.MISSING_FG))
        if role == Qt.ToolTipRole:
            tip = [row.name]
            if row.note:
                tip.append(f"口径：{row.note}")
            if row.derived:
                tip.append("由其他数据按公式计算；也可直接填写")
            if row.missing:
                tip.append("缺少：双击“本年”一栏可手工录入，或在右侧把统计表中的行对应过来")
            elif row.typed:
                tip.append("手工录入的数值；清空即可恢复统计表中的数值")
            return "\n".join(tip)
        if role == Qt.UserRole:
            return row.id
        if role == Qt.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == VALUE_COLUMN:
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or index.column() != VALUE_COLUMN:
            return False
        row = self.rows[index.row()]
        try:
            self.presenter.set_override(row.id, str(value))
        except Exception as exc:  # noqa: BLE001 - a bad number gets a message, not a crash
            report(exc)
            return False
        return True

    def row_of(self, indicator_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == indicator_id), -1)


class FigureFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.missing_only = False

    def set_filter(self, text: str, missing_only: bool) -> None:
        self.text = text.strip()
        self.missing_only = missing_only
        self.invalidate()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        row = self.sourceModel().rows[source_row]
        if self.missing_only and not row.missing:
            return False
        if self.text:
            return self.text in row.name or self.text in row.theme or self.text in row.source
        return True
