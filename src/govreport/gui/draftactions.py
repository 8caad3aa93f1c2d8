"""What the clerk does with drafts that needs a question or a file dialog first: new, open,
save, import last year's report, the example, recovery after a crash. Mixed into the window
(ReportWizard), whose presenter does the work once the clerk has answered."""
from __future__ import annotations

from pathlib import Path

from govreport.gui import dialogs
from govreport.gui.pages import ID_BASIC, ID_GENERATE

DRAFT_FILTER = "报告草稿 (*.json);;所有文件 (*)"
REPORT_FILTER = "去年的报告 (*.docx *.txt);;所有文件 (*)"


class DraftActions:
    def start_folder(self) -> Path:
        return self.presenter.last_folder()

    def confirm_discard(self, what: str = "继续") -> bool:
        """Unsaved changes: save, don't save, or cancel. True when it is fine to go on."""
        if not (self.presenter.has_draft and self.presenter.dirty):
            return True
        answer = dialogs.ask(self, "草稿尚未保存", "当前草稿有未保存的修改，要先保存吗？",
                             [("save", "保存"), ("discard", "不保存"), ("cancel", "取消")], "save",
                             icon="warning", detail=f"选择“不保存”将丢弃这些修改后{what}。")
        if answer == "save":
            return self.save_draft()
        if answer == "discard":
            self.presenter.discard_changes()
            return True
        return False

    def new_draft(self) -> None:
        if not self.confirm_discard("新建"):
            return
        self.presenter.new_draft()
        self.goto(ID_BASIC)

    def open_draft_dialog(self) -> None:
        if not self.confirm_discard("打开其他草稿"):
            return
        path = dialogs.open_file(self, "打开草稿", self.start_folder(), DRAFT_FILTER)
        if path:
            self._open(path)

    def open_draft(self, path: Path | str) -> None:
        if not self.confirm_discard("打开其他草稿"):
            return
        self._open(Path(path))

    def _open(self, path: Path) -> None:
        self.presenter.autosaver.clear()
        self.presenter.open_draft(path)
        self.goto(ID_BASIC)

    def import_report_dialog(self) -> None:
        if not self.presenter.start.importer_available():
            return
        if not self.confirm_discard("导入"):
            return
        how = dialogs.ask(self, "从去年的报告开始",
                          "去年的报告在哪里？",
                          [("file", "Word 或文本文件…"), ("paste", "粘贴文字…"), ("cancel", "取消")],
                          "file", detail="可以是本单位去年的报告，也可以是从政府网站复制的其他单位的报告。"
                                         "导入后会显示每部分的去向，再询问是否顺延年份。")
        if how == "file":
            path = dialogs.open_file(self, "选择去年的报告", self.start_folder(), REPORT_FILTER)
            if path:
                self.presenter.start.import_report(path=path)
        elif how == "paste":
            text = dialogs.multiline_input(self, "粘贴去年的报告",
                                           "把去年报告的全文粘贴在下面（网页上的杂项会自动去掉）：")
            if text and text.strip():
                self.presenter.start.import_report(text=text)

    def import_done(self, result) -> None:
        """Show what the import did; apply the year roll-forward only if the clerk agrees."""
        lines = self.presenter.start.import_summary(result)
        n = self.presenter.start.roll_forward_count(result)
        buttons = [("roll", f"导入并顺延年份（{n}处）"), ("plain", "导入，不顺延"), ("cancel", "取消")] \
            if n else [("plain", "导入"), ("cancel", "取消")]
        answer = dialogs.ask(self, "导入去年的报告",
                             f"已读取“{result.report.source_name}”，"
                             f"新草稿为{result.draft.unit}{result.draft.year}年度。",
                             buttons, buttons[0][0], icon="info", detail="\n".join(lines))
        if answer in ("roll", "plain"):
            self.presenter.start.accept_import(result, roll_forward=answer == "roll")
            self.goto(ID_BASIC)

    def build_demo_dialog(self) -> None:
        target = dialogs.save_file(self, "示例报告保存为", self.presenter.start.demo_report_path(),
                                   "Word 文档 (*.docx)")
        if target:
            self.presenter.start.build_demo(target)
        self._first_run_done()

    def save_sample_dialog(self) -> None:
        target = dialogs.save_file(self, "示例统计表保存为",
                                   self.start_folder() / self.presenter.chosen_pack.demo_workbook().name,
                                   "Excel 统计表 (*.xlsx)")
        if target:
            saved = self.presenter.start.save_sample_workbook(target)
            self.notify(f"示例统计表已保存：{saved.name}")
        self._first_run_done()

    def try_demo(self) -> None:
        if not self.confirm_discard("打开示例"):
            return
        self.presenter.start.load_demo()
        self._first_run_done()
        self.goto(ID_BASIC)

    def _first_run_done(self) -> None:
        if not self.settings["first_run_done"]:
            self.settings["first_run_done"] = True

    def save_draft(self, save_as: bool = False) -> bool:
        p = self.presenter
        if not p.has_draft:
            return False
        path = p.draft_path
        if path is None or save_as:
            path = dialogs.save_file(self, "保存草稿", p.suggested_draft_path(), DRAFT_FILTER)
            if not path:
                return False
        saved = p.save(path)
        self.update_caption()
        self.notify(f"草稿已保存：{saved.name}")
        page = self.page(ID_GENERATE)
        if page.built:
            page.refresh_hint()
        return True

    def autosave_now(self) -> None:
        self.presenter.autosave()


    def offer_recovery(self) -> bool:
        recs = self.presenter.recoveries()
        if not recs:
            return False
        rec = recs[0]
        more = f"\n另有{len(recs) - 1}份更早的自动保存。" if len(recs) > 1 else ""
        answer = dialogs.ask(
            self, "恢复未保存的草稿？",
            "上次没有正常关闭，发现一份未保存的草稿：\n" + rec.description + more,
            [("recover", "恢复草稿"), ("discard", "不恢复"), ("later", "以后再说")], "recover",
            detail="选择“不恢复”将删除这份自动保存。")
        if answer == "recover":
            self.presenter.recover(rec)
            self.goto(ID_BASIC)
            return True
        if answer == "discard":
            self.presenter.discard_recoveries(recs)
        return False


    def workbook_year_differs(self, path: Path, workbook_year: int) -> None:
        year = self.presenter.draft.year
        answer = dialogs.ask(
            self, "统计表的年度与报告年度不同",
            f"统计表“{path.name}”是{workbook_year}年的数据，报告年度是{year}年。",
            [("switch", f"报告年度改为{workbook_year}年"), ("keep", f"保持{year}年")], "switch",
            icon="question",
            detail=f"保持{year}年时，统计表中没有{year}年的数据列的表格不会读取。")
        if answer == "switch":
            self.presenter.figures.use_workbook_year(path, workbook_year)
        else:
            self.presenter.figures.keep_year(path, workbook_year)


    def output_locked(self, path: Path, suggestion: Path, message: str) -> None:
        self._generation_done()
        answer = dialogs.ask(
            self, "无法保存报告", message,
            [("other", "另存为其他文件名…"), ("retry", "关闭文件后重试"), ("cancel", "取消")],
            "other", icon="warning",
            detail=f"原来的文件没有改动。可以另存为“{suggestion.name}”。")
        if answer == "other":
            target = dialogs.save_file(self, "报告另存为", suggestion, "Word 文档 (*.docx)")
            if target:
                self._start_generation(target)
        elif answer == "retry":
            self._start_generation(path)

    def _start_generation(self, path: Path) -> None:
        page = self.page(ID_GENERATE)
        if page.built:
            page.set_running(True)
            page.path.setText(str(path))
        self.presenter.generate.generate(path)
