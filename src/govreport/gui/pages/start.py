"""开始: new report, open a draft, start from last year's report, recent drafts, first-run welcome."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QCommandLinkButton, QFrame, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from govreport.gui.crash import guarded
from govreport.gui.pages.base import Page

ROLE = 256      # Qt.UserRole (the first page touches no Qt enum namespace; see window.py)


class StartPage(Page):
    key = "start"

    def __init__(self, wizard):
        super().__init__(wizard, "开始", "新建一份报告，或接着写保存过的草稿。")
        self.build()
        self.built = True

    def build(self) -> None:
        lay = self.layout_
        # --- welcome, with the demo one click away -----------------------------------------
        self.welcome = QFrame()
        self.welcome.setObjectName("welcome")
        wl = QVBoxLayout(self.welcome)
        self.welcome_title = QLabel()
        self.welcome_title.setObjectName("welcomeTitle")
        wl.addWidget(self.welcome_title)
        text = QLabel("按左侧的步骤写成报告：填写基本信息 → 导入统计表 → 逐部分修改文字 → 检查并生成 Word 文档"
                      "（符合 GB/T 9704-2012 公文格式）。可以先看看示例的效果：")
        text.setWordWrap(True)
        wl.addWidget(text)
        row = QHBoxLayout()
        self.demo_button = QPushButton("生成示例报告")
        self.demo_button.setToolTip("用内置的示例统计表和默认文字生成一份所选种类的 Word 报告")
        self.sample_button = QPushButton("保存示例统计表…")
        self.sample_button.setToolTip("把示例统计表另存一份，照着它填写本单位的数据")
        self.try_button = QPushButton("用示例数据试一试")
        self.try_button.setToolTip("打开示例草稿，逐页看看向导怎么用（不会自动保存到您的文件夹）")
        for b in (self.demo_button, self.sample_button, self.try_button):
            row.addWidget(b)
        row.addStretch(1)
        wl.addLayout(row)
        lay.addWidget(self.welcome)

        # --- the kind of report, then the three ways to start -------------------------------
        self.kind_row = QFrame()
        kind_row = QHBoxLayout(self.kind_row)
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_label = QLabel("报告种类(&K)：")
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.setToolTip("新建报告、从去年的报告开始和示例都按这里选的种类；打开草稿时按草稿自己的种类")
        kind_label.setBuddy(self.kind)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind, 1)
        kind_row.addStretch(1)
        self.kind_row.setVisible(False)         # shown once the kinds are known (after paint)
        lay.addWidget(self.kind_row)
        self.new_button = QCommandLinkButton("新建报告", "从模板的默认文字开始，按页面顺序逐项填写")
        self.open_button = QCommandLinkButton("打开草稿…", "接着写以前保存的草稿文件（.json）")
        self.import_button = QCommandLinkButton("从去年的报告开始…",
                                                "导入去年的报告（.docx 或 .txt），再更新年份和数据")
        for b in (self.new_button, self.open_button, self.import_button):
            lay.addWidget(b)
        self.import_note = QLabel()
        self.import_note.setObjectName("hint")
        self.import_note.setWordWrap(True)
        lay.addWidget(self.import_note)

        self.current = QLabel()
        self.current.setWordWrap(True)
        lay.addWidget(self.current)

        lay.addWidget(QLabel("最近的草稿（双击打开）："))
        self.no_recent = QLabel("（还没有草稿）")
        self.no_recent.setEnabled(False)
        lay.addWidget(self.no_recent)
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.setMinimumHeight(80)
        lay.addWidget(self.recent, 1)

        w = self.wizard_window
        self.new_button.clicked.connect(guarded(w.new_draft))
        self.open_button.clicked.connect(guarded(w.open_draft_dialog))
        self.import_button.clicked.connect(guarded(w.import_report_dialog))
        self.demo_button.clicked.connect(guarded(w.build_demo_dialog))
        self.sample_button.clicked.connect(guarded(w.save_sample_dialog))
        self.try_button.clicked.connect(guarded(w.try_demo))
        self.recent.itemActivated.connect(guarded(self._open_recent))
        self.kind.activated.connect(guarded(self._kind_chosen))

    def refresh(self) -> None:
        p = self.presenter
        first = not p.settings["first_run_done"]
        name = p.report_name()          # "" until the pack is read, after the first paint
        self.welcome_title.setText(f"欢迎使用{name or '年度报告'}写作工具" if first else "示例")
        if name:
            self.setSubTitle(f"新建一份{name}，或接着写保存过的草稿。")
        self._fill_kinds()
        available = p.importer_available()
        self.import_button.setEnabled(available)
        self.import_note.setText("" if available else
                                 "“从去年的报告开始”需要导入组件，当前版本尚未包含；"
                                 "可先新建报告，再把去年报告的文字复制到各部分中修改。")
        self.import_note.setVisible(not available)
        if p.has_draft:
            state = "（有未保存的修改）" if p.dirty else ""
            self.current.setText(f"当前草稿：{p.caption()}{state}。点“下一步”继续编辑。")
        else:
            self.current.setText("")
        self.current.setVisible(p.has_draft)
        self.recent.clear()
        for path, exists in p.recent_drafts():
            item = QListWidgetItem(path.name + ("" if exists else "（文件已不存在）"))
            item.setToolTip(str(path))
            item.setData(ROLE, str(path))
            if not exists:
                item.setForeground(QColor("gray"))
            self.recent.addItem(item)
        self.no_recent.setVisible(not self.recent.count())

    def _fill_kinds(self) -> None:
        """The report kinds, once the pack is read (the first paint reads no pack)."""
        p = self.presenter
        if not p.report_name():
            return
        if self.kind.count() == 0:
            for pid, name in p.report_kinds():
                self.kind.addItem(name, pid)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind())))
        self.kind_row.setVisible(self.kind.count() > 1)

    def _kind_chosen(self, index: int) -> None:
        pid = self.kind.itemData(index)
        if pid and pid != self.presenter.kind():
            self.presenter.choose_kind(pid)
            if not self.presenter.has_draft:
                self.wizard_window.follow_pack()
            self.wizard_window.update_caption()
            self.refresh()

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(ROLE)
        if path:
            self.wizard_window.open_draft(path)

    def validatePage(self) -> bool:
        if not self.presenter.has_draft:
            return bool(guarded(self._start_new)())
        return True

    def _start_new(self) -> bool:
        self.presenter.new_draft()
        return True
