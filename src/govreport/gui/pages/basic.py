"""基本信息: unit, year, title (computed, editable), 主送机关, 署名, 成文日期, variant (with the 上报件's
版头 and 版记 fields), font profile."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QFormLayout,
                               QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from govreport.text.dates import YEAR_MAX, YEAR_MIN
from govreport.gui.crash import guarded
from govreport.gui.pages.base import Page, error_label, show_message


def _with_message(widget: QWidget, label: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(label)
    return box


class BasicPage(Page):
    key = "basic"

    def __init__(self, wizard):
        super().__init__(wizard, "基本信息", "这些内容出现在报告的标题、主送机关和落款中。")

    def build(self) -> None:
        # the fields scroll when the window is short (a 1366x768 laptop at 125 %): with the
        # 上报件's rows shown they are taller than the window's minimum height
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        self.layout_.addWidget(scroll)

        self.unit = QLineEdit()
        self.unit.setPlaceholderText("例如：清溪镇")
        self.unit_error = error_label()
        form.addRow("单位名称(&U)：", _with_message(self.unit, self.unit_error))

        self.year = QSpinBox()
        self.year.setRange(YEAR_MIN, YEAR_MAX)
        self.year.setSuffix(" 年度")
        self.year_error = error_label()
        form.addRow("报告年度(&Y)：", _with_message(self.year, self.year_error))

        title_row = QHBoxLayout()
        self.title = QLineEdit()
        self.title_reset = QPushButton("恢复自动标题")
        self.title_reset.setToolTip("按单位名称和年度重新生成标题")
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.title_reset)
        title_box = QWidget()
        title_box.setLayout(title_row)
        title_row.setContentsMargins(0, 0, 0, 0)
        form.addRow("标题(&T)：", title_box)

        self.title_lines = QLineEdit()
        self.title_lines.setToolTip("标题较长时分两行或三行排列（梯形或菱形）。\n"
                                    "程序已自动分行；如需调整，用“/”标出分行位置，不要改动文字。")
        self.title_lines_error = error_label()
        form.addRow("标题分行：", _with_message(self.title_lines, self.title_lines_error))

        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText("例如：中共临江县委、临江县人民政府（可不填）")
        form.addRow("主送机关(&R)：", self.recipient)

        self.signature = QLineEdit()
        form.addRow("发文机关署名(&S)：", self.signature)

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date_hint = error_label()
        self.date_hint.setObjectName("hint")
        form.addRow("成文日期(&D)：", _with_message(self.date, self.date_hint))

        variant_row = QHBoxLayout()
        self.public = QRadioButton("公开件（在政府网站公开，不带版头）")
        self.submitted = QRadioButton("上报件（报送上级，带红色版头和版记）")
        self.variant_group = QButtonGroup(self)
        self.variant_group.addButton(self.public)
        self.variant_group.addButton(self.submitted)
        variant_row.addWidget(self.public)
        variant_row.addWidget(self.submitted)
        variant_row.addStretch(1)
        variant_box = QWidget()
        variant_row.setContentsMargins(0, 0, 0, 0)
        variant_box.setLayout(variant_row)
        form.addRow("文件版本：", variant_box)

        self.submitted_box = QGroupBox("上报件的版头和版记")
        sub = QFormLayout(self.submitted_box)
        self.issuing_office = QLineEdit()
        self.issuing_office.setToolTip("版头中红色的发文机关标志")
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText("例如：清政发〔2025〕3号")
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText("签发人姓名")
        self.cc = QLineEdit()
        self.cc.setPlaceholderText("例如：县委全面依法治县委员会办公室（可不填）")
        self.printed_by = QLineEdit()
        self.printed_same = QCheckBox("同成文日期")
        self.printed_on = QDateEdit()
        self.printed_on.setCalendarPopup(True)
        self.printed_on.setDisplayFormat("yyyy年M月d日")
        printed_row = QHBoxLayout()
        printed_row.setContentsMargins(0, 0, 0, 0)
        printed_row.addWidget(self.printed_same)
        printed_row.addWidget(self.printed_on, 1)
        printed_box = QWidget()
        printed_box.setLayout(printed_row)
        sub.addRow("发文机关标志：", self.issuing_office)
        sub.addRow("发文字号：", self.doc_number)
        sub.addRow("签发人：", self.issuer)
        sub.addRow("抄送：", self.cc)
        sub.addRow("印发机关：", self.printed_by)
        sub.addRow("印发日期：", printed_box)
        form.addRow(self.submitted_box)

        self.note = QLineEdit()
        self.note.setPlaceholderText("例如：此件公开发布（可不填）")
        form.addRow("附注：", self.note)

        self.fonts = QComboBox()
        self.fonts.setToolTip("按本机或报送单位电脑上装有的字体选择；不确定时选“Windows 10/11 自带字体”")
        self.fonts_note = QLabel()
        self.fonts_note.setObjectName("hint")
        self.fonts_note.setWordWrap(True)
        form.addRow("字体方案(&F)：", _with_message(self.fonts, self.fonts_note))
        self._loading = True
        self._fill_fonts()

        # user edits only (textEdited), so refreshing the fields never loops back
        self.unit.textEdited.connect(guarded(lambda t: self._set("unit", t)))
        self.year.valueChanged.connect(guarded(self._year_changed))
        self.title.textEdited.connect(guarded(lambda t: self._set("title", t)))
        self.title_reset.clicked.connect(guarded(self._reset_title))
        self.title_lines.textEdited.connect(guarded(self._title_lines_edited))
        self.recipient.textEdited.connect(guarded(lambda t: self._set("recipient", t)))
        self.signature.textEdited.connect(guarded(lambda t: self._set("signature", t)))
        self.date.dateChanged.connect(guarded(self._date_changed))
        self.variant_group.buttonToggled.connect(guarded(self._variant_changed))
        self.doc_number.textEdited.connect(guarded(lambda t: self._set("doc_number", t)))
        self.issuer.textEdited.connect(guarded(lambda t: self._set("issuer", t)))
        self.issuing_office.textEdited.connect(guarded(lambda t: self._set("issuing_office", t)))
        self.cc.textEdited.connect(guarded(lambda t: self._set("cc", t)))
        self.printed_by.textEdited.connect(guarded(lambda t: self._set("printed_by", t)))
        self.printed_same.toggled.connect(guarded(self._printed_same_toggled))
        self.printed_on.dateChanged.connect(guarded(self._printed_on_changed))
        self.note.textEdited.connect(guarded(lambda t: self._set("note", t)))
        self.fonts.currentIndexChanged.connect(guarded(self._fonts_changed))
        self._loading = False

    # --- presenter -> widgets ---------------------------------------------------------------
    def _fill_fonts(self) -> None:
        """The profiles, each marked with what this PC has (once the font check is done), and
        the check's advice under the list. The selection is kept; no change is reported."""
        current = self.fonts.currentData()
        loading, self._loading = self._loading, True
        try:
            self.fonts.clear()
            for i, (pid, text, tip) in enumerate(self.presenter.font_choices()):
                self.fonts.addItem(text, pid)
                if tip:
                    self.fonts.setItemData(i, tip, Qt.ToolTipRole)
            if current is not None:
                self.fonts.setCurrentIndex(max(0, self.fonts.findData(current)))
        finally:
            self._loading = loading
        self.fonts_note.setText(self.presenter.font_note())

    def show_fonts(self) -> None:
        """The font check finished: mark the profiles; a new draft may have taken the
        recommended one."""
        self._fill_fonts()
        if self.presenter.has_draft:
            self._loading = True
            try:
                self._select_fonts()
            finally:
                self._loading = False

    def _select_fonts(self) -> None:
        p = self.presenter
        self.fonts.setCurrentIndex(max(0, self.fonts.findData(p.draft.fonts
                                                              or p.font_profiles()[0][0])))

    def refresh(self) -> None:
        p = self.presenter
        if not p.has_draft:
            return
        self._loading = True
        try:
            d = p.draft
            _set_text(self.unit, d.unit)
            self.year.setValue(d.year)
            _set_text(self.recipient, d.recipient)
            _set_text(self.signature, d.signature)
            self.signature.setPlaceholderText(f"默认：{p.default_signature()}")
            day = p.get_field("date")
            self.date.setDate(QDate(day.year, day.month, day.day))
            (self.submitted if d.variant == "submitted" else self.public).setChecked(True)
            _set_text(self.doc_number, d.doc_number)
            _set_text(self.issuer, d.issuer)
            _set_text(self.issuing_office, d.issuing_office)
            _set_text(self.cc, d.cc)
            _set_text(self.printed_by, d.printed_by)
            printed = p.get_field("printed_on")
            self.printed_same.setChecked(printed is None)
            shown = printed or p.get_field("date")
            self.printed_on.setDate(QDate(shown.year, shown.month, shown.day))
            _set_text(self.note, d.note)
            self._select_fonts()
        finally:
            self._loading = False
        self._refresh_derived()

    def _refresh_derived(self) -> None:
        p = self.presenter
        if not self.title.hasFocus() or not p.draft.title:
            _set_text(self.title, p.title())
        self.title.setPlaceholderText(p.computed_title())
        self.title_reset.setEnabled(bool(p.draft.title))
        if not self.title_lines.hasFocus():
            _set_text(self.title_lines, " / ".join(p.title_lines()))
        self.submitted_box.setVisible(p.draft.variant == "submitted")
        defaults = p.default_frame()
        self.issuing_office.setPlaceholderText(f"默认：{defaults['issuing_office']}")
        self.printed_by.setPlaceholderText(f"默认：{defaults['printed_by']}")
        self.printed_on.setEnabled(not self.printed_same.isChecked())
        if self.printed_same.isChecked():           # shows the 成文日期 it follows
            day = p.get_field("date")
            self.printed_on.setDate(QDate(day.year, day.month, day.day))
        self.signature.setPlaceholderText(f"默认：{p.default_signature()}")
        self._show_validation()

    def _show_validation(self) -> None:
        errors = self.presenter.validate_basic()
        hints = self.presenter.basic_hints()
        show_message(self.unit_error, errors.get("unit"))
        show_message(self.year_error, errors.get("year") or hints.get("year"))
        show_message(self.date_hint, hints.get("date"))

    # --- widgets -> presenter ---------------------------------------------------------------
    def _set(self, name: str, value) -> None:
        if self._loading:
            return
        self.presenter.set_field(name, value)
        self._refresh_derived()

    def _year_changed(self, value: int) -> None:
        self._set("year", int(value))
        day = self.presenter.get_field("date")         # moved with the year by the presenter
        if (day.year, day.month, day.day) != (self.date.date().year(), self.date.date().month(),
                                              self.date.date().day()):
            self._loading = True
            try:
                self.date.setDate(QDate(day.year, day.month, day.day))
            finally:
                self._loading = False

    def _date_changed(self, qdate: QDate) -> None:
        self._set("date", dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _printed_same_toggled(self, same: bool) -> None:
        if self._loading:
            return
        qd = self.printed_on.date()
        self._set("printed_on", None if same else dt.date(qd.year(), qd.month(), qd.day()))

    def _printed_on_changed(self, qdate: QDate) -> None:
        if not self.printed_same.isChecked():
            self._set("printed_on", dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _variant_changed(self, button, checked: bool) -> None:
        if checked:
            self._set("variant", "submitted" if button is self.submitted else "public")

    def _fonts_changed(self, index: int) -> None:
        pid = self.fonts.itemData(index)
        if pid is not None and not self._loading:
            self.presenter.choose_fonts(pid)       # also remembered for the next report
            self._refresh_derived()

    def _reset_title(self) -> None:
        self.presenter.set_field("title", None)
        self.presenter.set_title_lines("")
        _set_text(self.title, self.presenter.title())
        self._refresh_derived()

    def _title_lines_edited(self, text: str) -> None:
        error = self.presenter.set_title_lines(text)
        show_message(self.title_lines_error, error)

    def validatePage(self) -> bool:
        errors = self.presenter.validate_basic()
        self._show_validation()
        if "unit" in errors:
            self.unit.setFocus()
        elif "year" in errors:
            self.year.setFocus()
        return not errors


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
