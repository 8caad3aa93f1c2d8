"""生成: the output path (beside the draft by default), generation off the UI thread, then open."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton)

from govreport.gui import dialogs
from govreport.gui.crash import guarded
from govreport.gui.pages import ID_CHECK
from govreport.gui.pages.base import Page

DOCX_FILTER = "Word 文档 (*.docx)"


class GeneratePage(Page):
    key = "generate"

    def __init__(self, wizard):
        super().__init__(wizard, "生成",
                         "生成符合 GB/T 9704-2012 公文格式的 Word 文档。已有同名文件时先询问是否替换；"
                         "文件在 Word 或 WPS 中打开时，请先关闭或另存为其他文件名。")

    def build(self) -> None:
        lay = self.layout_
        lay.addWidget(QLabel("保存为："))
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("outputPath")
        self.browse_button = QPushButton("浏览(&W)…")
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        lay.addLayout(row)
        self.data_table = QCheckBox("附上“主要数据统计表”(&T)（作为附件，列出统计表中本年和上年的各项数据）")
        lay.addWidget(self.data_table)
        self.ledger = QCheckBox("同时生成数据核对表(&K)（Excel，逐项列出报告引用的数据和出处，便于核对）")
        lay.addWidget(self.ledger)
        self.generate_button = QPushButton("生成报告(&G)")
        self.generate_button.setDefault(False)
        self.generate_button.setMinimumHeight(self.generate_button.sizeHint().height() * 3 // 2)
        lay.addWidget(self.generate_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        lay.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        done_row = QHBoxLayout()
        self.open_button = QPushButton("打开报告(&P)")
        self.folder_button = QPushButton("打开所在文件夹(&L)")
        done_row.addWidget(self.open_button)
        done_row.addWidget(self.folder_button)
        done_row.addStretch(1)
        lay.addLayout(done_row)
        self.draft_hint = QLabel()
        self.draft_hint.setObjectName("hint")
        self.draft_hint.setWordWrap(True)
        lay.addWidget(self.draft_hint)
        lay.addStretch(1)

        self.browse_button.clicked.connect(guarded(self.browse))
        self.path.editingFinished.connect(guarded(self._path_edited))
        self.generate_button.clicked.connect(guarded(self.generate))
        self.data_table.toggled.connect(guarded(self._data_table_toggled))
        self.ledger.toggled.connect(guarded(self._ledger_toggled))
        self.open_button.clicked.connect(guarded(self.open_report))
        self.folder_button.clicked.connect(guarded(self.open_folder))

    def refresh(self) -> None:
        p = self.presenter
        if not p.has_draft:
            return
        self.path.setText(str(p.current_output()))
        if self.data_table.isChecked() != p.draft.data_appendix:
            self.data_table.setChecked(p.draft.data_appendix)
        self.ledger.setChecked(bool(p.settings["write_ledger"]))
        have = p.last_report is not None and Path(p.last_report).exists()
        self.open_button.setEnabled(have)
        self.folder_button.setEnabled(have)
        if not have:
            self.result.setText("")
        self.draft_hint.setText("草稿有未保存的修改：按 Ctrl+S 保存草稿，明年可以在此基础上修改。"
                                if p.dirty else "")

    def _path_edited(self) -> None:
        text = self.path.text().strip()
        if text:
            self.presenter.set_output(Path(text))

    def browse(self) -> None:
        path = dialogs.save_file(self, "报告保存为", self.presenter.current_output(), DOCX_FILTER)
        if path:
            self.presenter.set_output(path)
            self.path.setText(str(self.presenter.current_output()))

    def generate(self) -> None:
        self._path_edited()
        errors = self.presenter.error_count()
        if errors:
            answer = dialogs.ask(
                self, "报告中还有错误", f"检查发现{errors}处错误（如缺少的部分、留空的数据），仍要生成吗？",
                [("check", "去“检查”页"), ("generate", "仍然生成"), ("cancel", "取消")], "check",
                icon="warning", detail="错误会原样出现在生成的文档中，例如【缺：…】。")
            if answer == "check":
                self.wizard_window.goto(ID_CHECK)
                return
            if answer != "generate":
                return
        target = self.presenter.current_output()
        if self.presenter.replaces_another_file(target):
            answer = dialogs.ask(
                self, "文件已存在", f"“{target.name}”已经存在，要用这次生成的报告替换它吗？",
                [("replace", "替换"), ("other", "另存为…"), ("cancel", "取消")], "cancel",
                icon="warning", detail=f"位置：{target.parent}\n替换后原文件无法恢复。")
            if answer == "other":
                self.browse()
                if self.presenter.current_output() == target:
                    return
            elif answer != "replace":
                return
        self.result.setText("")
        self.set_running(True)
        try:
            self.presenter.generate(self.presenter.current_output())
        except Exception:
            self.set_running(False)
            raise

    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.generate_button.setEnabled(not running)
        if running:
            self.open_button.setEnabled(False)
            self.folder_button.setEnabled(False)

    def show_result(self, result, levels) -> None:
        """levels: findings per level, as the 检查 page counts them for this draft."""
        self.set_running(False)
        from govreport.model.findings import ERROR, WARNING
        errors, warnings = levels.get(ERROR, 0), levels.get(WARNING, 0)
        text = f"已生成：{result.path}"
        if result.ledger is not None:
            text += f"\n数据核对表：{result.ledger.name}（与报告在同一文件夹）"
        counts = "、".join(f"{name} {n} 条" for name, n in (("错误", errors), ("警告", warnings)) if n)
        if counts:
            text += f"\n注意：还有{counts}，可回到“检查”页查看。"
        self.result.setText(text)
        self.path.setText(str(result.path))
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.open_button.setFocus()
        self.refresh_hint()

    def _ledger_toggled(self, on: bool) -> None:
        self.presenter.settings["write_ledger"] = on       # remembered for the next report

    def _data_table_toggled(self, on: bool) -> None:
        if self.presenter.has_draft and self.presenter.draft.data_appendix != on:
            self.presenter.set_field("data_appendix", on)
            self.refresh_hint()

    def refresh_hint(self) -> None:
        self.draft_hint.setText("草稿有未保存的修改：按 Ctrl+S 保存草稿，明年可以在此基础上修改。"
                                if self.presenter.dirty else "")

    def open_report(self) -> None:
        report = self.presenter.last_report
        if report and not dialogs.open_path(report):
            dialogs.ask(self, "无法打开报告", f"这台电脑上没有可以打开“{Path(report).name}”的程序。",
                        [("ok", "知道了")], "ok", icon="warning",
                        detail=f"报告保存在：{Path(report).parent}\n请安装 WPS 或 Word 后打开，"
                               "或把文件复制到装有它们的电脑上。")

    def open_folder(self) -> None:
        report = self.presenter.last_report
        if report and not dialogs.open_path(Path(report).parent):
            dialogs.ask(self, "无法打开文件夹", "这台电脑上没有可以打开文件夹的程序。",
                        [("ok", "知道了")], "ok", icon="warning",
                        detail=f"报告保存在：{Path(report).parent}")
