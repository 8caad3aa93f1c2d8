"""开始 page: new, recent drafts, last year's report, the example."""
from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from pathlib import Path

from govreport.gui import locations, outputs
from govreport.gui.presenters.base import PagePresenter


class StartPresenter(PagePresenter):
    def new_draft(self) -> None:
        self.wizard.new_draft()

    def caption(self) -> str:
        return self.wizard.caption()

    # --- the kind of report a new draft is ------------------------------------------------------
    @staticmethod
    def report_kinds() -> list[tuple[str, str]]:
        """(pack id, report name) of every report kind there is, the default first."""
        from govreport.base.errors import InputError
        from govreport.model.pack import DEFAULT_PACK, available_packs, load_pack
        ids = sorted(available_packs(), key=lambda i: (i != DEFAULT_PACK, i))
        kinds = []
        for pid in ids:
            try:
                kinds.append((pid, load_pack(pid).report_name))
            except (InputError, ValueError, KeyError):   # a broken county pack is left out
                continue
        return kinds

    def kind(self) -> str:
        return self.wizard.chosen_pack.id

    def choose_kind(self, pack_id: str) -> None:
        self.wizard.choose_kind(pack_id)

    def report_name(self) -> str:
        return self.wizard.report_name()

    def recent_drafts(self) -> list[tuple[Path, bool]]:
        return [(Path(p), Path(p).is_file()) for p in self.settings["recent_drafts"]]

    @staticmethod
    def importer_available() -> bool:
        try:
            return importlib.util.find_spec("govreport.importer") is not None
        except (ImportError, ValueError):
            return False

    # --- last year's report ------------------------------------------------------------------
    def import_report(self, path: Path | str | None = None, text: str | None = None) -> None:
        """Start from last year's report (a .docx/.txt file, or pasted text), off the UI thread.

        The importer proposes a year roll-forward; the view shows what the import did and asks
        before it is applied (view.import_done)."""
        unit = self.settings["default_unit"].strip() or None
        pack = self.wizard.chosen_pack

        def job():
            importer = importlib.import_module("govreport.importer")
            if path is not None:
                return importer.import_file(Path(path), unit=unit, pack=pack)
            return importer.import_text(text or "", unit=unit, pack=pack)

        self.runner.run(job, self.view.import_done, self.wizard.job_failed,
                        "正在导入去年的报告……")

    def import_summary(self, result) -> list[str]:
        importer = importlib.import_module("govreport.importer")
        return importer.report_lines(result.report, self.wizard.chosen_pack,
                                     apply_hint="选择“导入并顺延年份”即可应用")

    @staticmethod
    def roll_forward_count(result) -> int:
        return sum(1 for p in result.report.proposals if p.auto and not p.applied)

    def accept_import(self, result, roll_forward: bool) -> None:
        """Take the imported draft (after the clerk saw the summary), rolled forward if asked."""
        from govreport.app.session import DraftSession
        if roll_forward:
            importer = importlib.import_module("govreport.importer")
            importer.apply_replacements(result.draft, result.report.proposals)
        self.wizard.set_session(DraftSession.adopt(result.draft, self.wizard.defaults()))

    # --- the example -----------------------------------------------------------------------------
    def save_sample_workbook(self, target: Path | str) -> Path:
        from govreport.base.atomic import write_bytes_atomic
        target = outputs.with_suffix(target, ".xlsx")
        write_bytes_atomic(target, self.wizard.chosen_pack.demo_workbook().read_bytes())
        return target

    def demo_report_path(self) -> Path:
        pack = self.wizard.chosen_pack
        stem = pack.output_stem(pack.demo["unit"], pack.demo["year"])
        return locations.documents_dir() / f"{stem}（示例）.docx"

    def build_demo(self, target: Path | str) -> None:
        from govreport.app.session import DraftSession
        target = outputs.with_suffix(target, ".docx")
        generate = self.wizard.generate
        pack_id = self.kind()
        self.runner.run(lambda: DraftSession.demo(pack_id).produce(target),
                        lambda r: generate.generated(r, Counter(), True),
                        lambda e: generate.build_failed(e, target), "正在生成示例报告……")

    def load_demo(self) -> None:
        """The chosen kind's example (its sample workbook) as an unsaved draft, to try the
        wizard with."""
        from govreport.app.session import DraftSession
        self.wizard.set_session(DraftSession.demo(self.kind()))
