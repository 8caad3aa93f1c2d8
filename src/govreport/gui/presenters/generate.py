"""生成 page: where the report goes, producing it off the UI thread, what came of it."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from govreport.gui import outputs
from govreport.gui.presenters.base import PagePresenter

if TYPE_CHECKING:
    from govreport.app.produce import Produced


class GeneratePresenter(PagePresenter):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.output_path: Path | None = None
        self.last_report: Path | None = None

    def reset(self) -> None:
        self.output_path = None
        self.last_report = None

    def set_field(self, name: str, value) -> None:
        self.wizard.basic.set_field(name, value)

    def default_output(self) -> Path:
        folder = self.draft_path.parent if self.draft_path else self.wizard.last_folder()
        return folder / outputs.report_name(self.draft, self.pack)

    def current_output(self) -> Path:
        return self.output_path or self.default_output()

    def error_count(self) -> int:
        """Errors the 检查 page lists for the draft as it is now (a few milliseconds)."""
        return sum(1 for f, _w, _r in self.wizard.check.review(self.draft) if f.level == "error")

    def replaces_another_file(self, target: Path | str) -> bool:
        """True when generating would replace a file this draft did not write in this
        session (another draft's report, an edited final version): the clerk is asked first."""
        target = Path(target)
        return target.exists() and target != self.last_report

    def set_output(self, path: Path | str) -> None:
        self.output_path = outputs.with_suffix(path, ".docx")

    def generate(self, path: Path | str | None = None) -> None:
        """Produce the report (and its 数据核对表 if wanted) off the UI thread, from the draft
        as it is now; then count the findings as the 检查 page does."""
        from govreport.base.errors import InputError
        target = Path(path) if path else self.current_output()
        if target.suffix.lower() != ".docx":
            raise InputError(f"输出文件“{target.name}”应以 .docx 结尾", path=target)
        if not target.parent.is_dir():
            raise InputError(f"保存位置“{target.parent}”不存在，请重新选择", path=target)
        self.output_path = target
        check = self.wizard.check

        def levels(draft, pack, compiled) -> Counter:
            return Counter(f.level for f, _, _ in check.review(draft, pack, compiled))

        job = self.session.producer(target, ledger=bool(self.settings["write_ledger"]),
                                    check=levels)
        self.runner.run(job, lambda r: self.generated(r, r.checked or Counter(), False),
                        lambda e: self.build_failed(e, target), "正在生成报告……")

    def generated(self, result: "Produced", levels: Counter, demo: bool) -> None:
        """levels: the 检查 page's count of findings per level for the generated draft; if the
        checks broke after the report was written, that is shown after it."""
        if not demo:
            self.last_report = result.path
        self.view.report_generated(result, demo, levels)
        if result.check_error is not None:
            self.view.unexpected_error(result.check_error)

    def build_failed(self, exc: BaseException, target: Path) -> None:
        from govreport.base.errors import OutputLockedError
        if isinstance(exc, OutputLockedError):
            self.view.output_locked(target, outputs.alternative_path(target), str(exc))
        else:
            self.wizard.job_failed(exc)
