"""One page per report section: guidance, the editor with its structure, figures, snippets."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMenu, QPushButton, QSplitter,
                               QToolButton, QVBoxLayout, QWidget)

from govreport.gui import dialogs, style
from govreport.gui.crash import guarded
from govreport.gui.pages.base import Page
from govreport.gui.reftext import Ref, Token
from govreport.wording.references import REPORT_VARIABLES

FORMATS = [("原数", None), ("约数（如 120余）", "approx"), ("同比（如 增长12.5%）", "yoy"),
           ("上年数", "previous")]


class SectionPage(Page):
    key = "section"

    def __init__(self, wizard, spec):
        self.spec = spec
        super().__init__(wizard, spec.short or spec.id)
        self.section_id = spec.id
        self._syncing = False
        self.reset_pending = True

    def build(self) -> None:
        from govreport.gui.editor import SectionEditor
        lay = self.layout_
        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.guidance)

        self.include = QCheckBox("把这一部分编入报告")
        self.include.setVisible(not self.spec.required)
        lay.addWidget(self.include)

        tools = QHBoxLayout()
        self.undo_button = QToolButton()
        self.undo_button.setText("撤销")
        self.undo_button.setToolTip("撤销（Ctrl+Z）")
        self.redo_button = QToolButton()
        self.redo_button.setText("重做")
        self.redo_button.setToolTip("重做（Ctrl+Y）")
        self.snippet_button = QToolButton()
        self.snippet_button.setText("常用语句 ▾")
        self.snippet_button.setObjectName("snippets")
        self.snippet_button.setPopupMode(QToolButton.InstantPopup)
        self.snippet_menu = QMenu(self.snippet_button)
        self.snippet_button.setMenu(self.snippet_menu)
        self.restore_button = QPushButton("恢复默认文字…")
        self.restore_button.setToolTip("用模板的默认文字替换本部分（会先询问；替换后可撤销）")
        for w in (self.undo_button, self.redo_button, self.snippet_button):
            tools.addWidget(w)
        tools.addStretch(1)
        legend = QLabel(" ".join(f'<span style="color:{c}">■{n}</span>'
                                 for n, c in (("一级", style.LEVEL_COLORS[1]),
                                              ("二级", style.LEVEL_COLORS[2]),
                                              ("三级", style.LEVEL_COLORS[3]),
                                              ("四级", style.LEVEL_COLORS[4]),
                                              ("正文", style.BODY_MARK)))
                        + f'　<span style="background:{style.TOKEN_BG}">〖数据〗</span>')
        legend.setToolTip("左侧标注每行生成时的读法；“+”表示标题句后面接着正文。\n"
                          "〖名称：值〗是引用统计表的数据，数值会随统计表更新；红色表示缺少数据。")
        tools.addWidget(legend)
        tools.addWidget(self.restore_button)
        lay.addLayout(tools)

        split = QSplitter(Qt.Horizontal)
        self.editor = SectionEditor()
        self.editor.setObjectName(f"editor-{self.section_id}")
        self.editor.describe_token = self._describe_token
        split.addWidget(self.editor)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel("插入数据（在光标处）："))
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索数据名称")
        self.search.setClearButtonEnabled(True)
        sl.addWidget(self.search)
        self.figures = QListWidget()
        self.figures.setObjectName("figureChoices")
        sl.addWidget(self.figures, 1)
        row = QHBoxLayout()
        self.format = QComboBox()
        for label, key in FORMATS:
            self.format.addItem(label, key)
        self.insert_button = QPushButton("插入(&I)")
        row.addWidget(self.format, 1)
        row.addWidget(self.insert_button)
        sl.addLayout(row)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(300)
        self._stats_timer.timeout.connect(guarded(self._update_stats))

        self.editor.textChanged.connect(guarded(self._text_changed))
        self.editor.undoAvailable.connect(self.undo_button.setEnabled)
        self.editor.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.clicked.connect(self.editor.undo)
        self.redo_button.clicked.connect(self.editor.redo)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.restore_button.clicked.connect(guarded(self.restore_default))
        self.include.toggled.connect(guarded(self._include_toggled))
        self.search.textChanged.connect(guarded(self._filter_figures))
        self.search.returnPressed.connect(guarded(self.insert_selected))
        self.figures.itemActivated.connect(guarded(self.insert_selected))
        self.insert_button.clicked.connect(guarded(self.insert_selected))
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.search.setFocus)
        self.snippet_menu.aboutToShow.connect(guarded(self._fill_snippets))
        self.setTabOrder(self.editor, self.search)
        self.setTabOrder(self.search, self.figures)
        self.setTabOrder(self.figures, self.format)
        self.setTabOrder(self.format, self.insert_button)

    # --- presenter -> widgets ---------------------------------------------------------------
    def refresh(self) -> None:
        p = self.presenter
        if not p.has_draft:
            return
        included = p.section_included(self.section_id)
        self.setSubTitle(p.section_heading(self.section_id))
        self.guidance.setText(p.guidance(self.section_id))
        self._syncing = True
        try:
            self.include.setChecked(included)
            self.editor.set_codec(p.codec())
            self._sync_editor()
        finally:
            self._syncing = False
        for w in (self.editor, self.restore_button, self.snippet_button, self.search,
                  self.figures, self.insert_button, self.format):
            w.setEnabled(included)
        self.editor.setPlaceholderText("" if included else "本部分未编入报告。勾选上方的“把这一部分编入报告”后填写。")
        self._fill_figures()
        self._update_stats()

    def _sync_editor(self) -> None:
        """Show the draft's text: fresh for another draft, one undoable step for changes made
        elsewhere (a fix, a restored section), values only when only figures changed (the
        clerk's blank lines and cursor stay)."""
        from govreport.text.blocks import parse_text
        p = self.presenter
        codec = p.codec()
        sec = p.draft.section(self.section_id)
        text = codec.to_display(sec.text) if sec else ""
        current = self.editor.toPlainText()
        if self.reset_pending or not current:
            self.editor.setPlainText(text)
            self.reset_pending = False
            return
        if parse_text(codec.from_display(current)) != (sec.blocks if sec else []):
            self.editor.set_text_keeping_undo(text)
            return
        refreshed = codec.refresh(current)
        if refreshed != current:
            pos = self.editor.textCursor().position()
            self.editor.set_text_keeping_undo(refreshed)
            cur = self.editor.textCursor()
            cur.setPosition(min(pos, len(refreshed)))
            self.editor.setTextCursor(cur)

    def _fill_figures(self) -> None:
        self.figures.clear()
        for c in self.presenter.choices():
            value = "缺" if c.missing else c.value
            item = QListWidgetItem(f"{c.label}　{value}")
            item.setData(Qt.UserRole, c.ref.name)
            item.setData(Qt.UserRole + 1, c.label)
            item.setToolTip(f"{c.theme}：{c.label}，当前值 {value}")
            if c.missing:
                item.setForeground(Qt.red)
            self.figures.addItem(item)
        self._filter_figures()

    def _filter_figures(self, *_) -> None:
        """Show the figures whose name has the search words; the best match becomes current
        (a name starting with them, then the shortest), so Enter inserts what was meant."""
        text = self.search.text().strip()
        best, best_key = None, None
        for i in range(self.figures.count()):
            item = self.figures.item(i)
            label = item.data(Qt.UserRole + 1) or item.text()
            hide = bool(text) and text not in label
            item.setHidden(hide)
            if not hide and text:
                key = (not label.startswith(text), len(label), i)
                if best_key is None or key < best_key:
                    best, best_key = item, key
        if best is not None:
            self.figures.setCurrentItem(best)
            self.figures.scrollToItem(best)
        elif self.figures.currentItem() is None or self.figures.currentItem().isHidden():
            first = next((self.figures.item(i) for i in range(self.figures.count())
                          if not self.figures.item(i).isHidden()), None)
            self.figures.setCurrentItem(first)

    def _update_stats(self) -> None:
        if not self.presenter.has_draft or not self.presenter.section_included(self.section_id):
            self.status.setText("")
            return
        stats = self.presenter.section_stats(self.section_id, self.editor.toPlainText())
        color = style.HINT_FG if stats.out_of_range else "inherit"
        self.status.setText(f'<span style="color:{color}">{stats.summary}</span>')

    # --- widgets -> presenter ---------------------------------------------------------------
    def _text_changed(self) -> None:
        if self._syncing:
            return
        self.presenter.set_section_display(self.section_id, self.editor.toPlainText())
        self._stats_timer.start()

    def _include_toggled(self, checked: bool) -> None:
        if self._syncing:
            return
        self.presenter.set_section_included(self.section_id, checked)
        self.refresh()

    def insert_selected(self, *_) -> None:
        item = self.figures.currentItem()
        if item is None or item.isHidden():
            return
        name = item.data(Qt.UserRole)
        fmt = self.format.currentData()
        ref = Ref(name, previous=fmt == "previous", filter=fmt if fmt in ("approx", "yoy") else None)
        if name in REPORT_VARIABLES:
            ref = Ref(name)
        self.editor.insert_token(self.presenter.token_for(ref))

    def insert_snippet(self, text: str) -> None:
        self.editor.insert_text(text)

    def _fill_snippets(self) -> None:
        self.snippet_menu.clear()
        snippets = self.presenter.snippets(self.section_id)
        if not snippets:
            a = self.snippet_menu.addAction("（本部分没有常用语句）")
            a.setEnabled(False)
            return
        for s in snippets:
            label = s if len(s) <= 36 else s[:35] + "……"
            action = self.snippet_menu.addAction(label)
            action.setToolTip(s)
            action.triggered.connect(guarded(lambda _=False, s=s: self.insert_snippet(s)))

    def restore_default(self) -> None:
        answer = dialogs.ask(self, "恢复默认文字",
                             "用模板的默认文字替换本部分的全部内容吗？",
                             [("restore", "替换为默认文字"), ("cancel", "取消")], "cancel",
                             detail="替换后可以用“撤销”（Ctrl+Z）找回现在的文字。")
        if answer == "restore":
            self.editor.set_text_keeping_undo(self.presenter.default_display(self.section_id))

    def _describe_token(self, tok: Token) -> str:
        if tok.ref is None:
            return f"“{tok.label}”不是可识别的数据名称，生成时会原样写入。\n请删除后用右侧“插入数据”重新插入。"
        lines = [f"数据：{tok.label}", f"当前值：{tok.value}"]
        ind = self.presenter.pack.indicators.get(tok.ref.name)
        if ind is not None:
            fig = self.presenter.figure_set().get(ind.id)
            if fig is not None and fig.source:
                lines.append(f"来源：{fig.source}")
            if ind.note:
                lines.append(f"口径：{ind.note}")
        lines.append("数值随统计表更新；要修改数值，请到“导入统计表”页。")
        return "\n".join(lines)

    def jump_to(self, block: int | None, quote: str | None = None) -> bool:
        return self.editor.select_block(block, quote)
