"""Producing a report: compile the draft, write the .docx, the 数据核对表 if asked, and check
what was written. The CLI, the wizard and batch all go through `produce`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from govreport.base.errors import InputError
from govreport.model.pack import TemplatePack, load_pack

if TYPE_CHECKING:
    from govreport.build.compose import Compiled
    from govreport.model.draft import Draft
    from govreport.model.findings import Finding

# fn(draft, pack, compiled) -> the check's findings, in whatever form the caller wants them
Checker = Callable[["Draft", TemplatePack, "Compiled"], Any]


@dataclass
class Produced:
    """A report built from a draft, and what was said about it."""
    path: Path | None                   # the .docx, None when only compiled
    compiled: "Compiled"
    findings: list["Finding"] = field(default_factory=list)   # the build's (compiler's)
    ledger: Path | None = None          # the 数据核对表 written beside the report
    checked: Any = None                 # what the checker returned; None when none ran
    check_error: BaseException | None = None   # the checker broke after the report was written


def output_name(draft: "Draft", pack: TemplatePack | None = None) -> str:
    """'清溪镇2024年法治政府建设年度报告.docx': the report's usual file name."""
    pack = pack or load_pack(draft.template)
    return pack.output_stem(draft.unit, draft.year) + ".docx"


def produce(draft: "Draft", output: Path | str | None, *, pack: TemplatePack | None = None,
            ledger: bool = False, check: Checker | None = None) -> Produced:
    """Compile the draft; with an output path write the .docx atomically (and its ledger);
    then run `check` on what was compiled. A failing check does not undo a written report:
    its exception is kept in `check_error` for the caller to report after the result."""
    from govreport.build.compose import compile_draft
    pack = pack or load_pack(draft.template)
    path = None if output is None else Path(output)
    if path is not None and path.suffix.lower() != ".docx":
        raise InputError(f"输出文件“{path.name}”应以 .docx 结尾", path=path)
    compiled = compile_draft(draft, pack)
    result = Produced(path, compiled, list(compiled.findings))
    if path is not None:
        from govreport.build.docx_writer import write_docx
        write_docx(compiled.document, path)
        if ledger:
            from govreport.build import ledger as ledger_mod
            result.ledger = ledger_mod.write_ledger(compiled, draft, ledger_mod.ledger_path(path))
    if check is not None:
        try:
            result.checked = check(draft, pack, compiled)
        except Exception as exc:  # noqa: BLE001 - the report is written; say so first
            result.check_error = exc
    return result
