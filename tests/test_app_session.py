"""The application layer without any front end: DraftSession's use cases and produce()."""
from __future__ import annotations

import json
import shutil

import pytest

from govreport.app.session import REREAD_CHANGED, REREAD_DETAILS, DraftSession
from govreport.app.starts import Defaults


def test_a_new_draft_has_the_packs_wording_and_the_defaults_and_is_unsaved(pack):
    s = DraftSession.new(defaults=Defaults(unit="翻江镇", recipient="临江县人民政府",
                                           variant="no-such-variant"))
    d = s.draft
    assert (d.unit, d.recipient, d.variant, d.template) == ("翻江镇", "临江县人民政府", "public",
                                                            pack.id)
    assert [x.id for x in d.sections] == [x.id for x in pack.sections if x.in_new_draft]
    assert s.dirty and s.path is None


def test_dirty_state_is_told_when_it_flips(tmp_path):
    s = DraftSession.demo()
    told = []
    s.on_dirty = told.append
    s.changed()
    s.changed()
    s.save(tmp_path / "草稿")
    assert told == [True, False]
    assert s.path == tmp_path / "草稿.json" and s.path.exists()


def test_a_workbook_gives_figures_with_their_match_details_kept_in_the_draft(tmp_path, data_dir):
    s = DraftSession.new(unit="清溪镇", year=2024)
    notes = s.apply_workbook(data_dir / "综治中心台账_2024.xlsx")
    assert any("已隐藏" in f.message for f in notes) and all(f.code == "workbook" for f in notes)
    details = s.details
    assert details.matches and details.unmatched and details.notes == [f.message for f in notes]
    some = next(iter(details.matches.values()))
    assert some.sheet and some.cell and f"{some.sheet}!{some.cell}" == some.source
    s.save(tmp_path / "草稿.json")
    again = DraftSession.open(tmp_path / "草稿.json")
    assert again.details == details and not again.dirty
    assert again.reread_needed() is None


def test_a_reopened_draft_knows_when_its_workbook_should_be_read_again(tmp_path,
                                                                       sample_workbook):
    book = tmp_path / "统计表.xlsx"
    shutil.copy(sample_workbook, book)
    s = DraftSession.new(unit="清溪镇", year=2024)
    s.apply_workbook(book)
    path = s.save(tmp_path / "草稿.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    for key in ("matches", "unmatched", "notes", "workbook_year"):   # as an older version saved
        raw["workbook"].pop(key)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert DraftSession.open(path).reread_needed() == REREAD_DETAILS
    book.write_bytes(book.read_bytes() + b"\0")
    assert DraftSession.open(path).reread_needed() == REREAD_CHANGED
    book.unlink()
    assert DraftSession.open(path).reread_needed() is None        # gone: the values stay


def test_taking_the_same_workbook_again_changes_nothing(tmp_path, sample_workbook):
    s = DraftSession.new(unit="清溪镇", year=2024)
    s.apply_workbook(sample_workbook)
    s.save(tmp_path / "草稿.json")
    assert s.take_workbook(s.workbook_reader(sample_workbook)()) is False
    assert not s.dirty


def test_start_takes_the_unit_from_the_workbook_name_and_its_year(sample_workbook):
    s, findings = DraftSession.start(None, None, workbook=sample_workbook)
    assert (s.draft.unit, s.draft.year) == ("清溪镇", 2024)
    assert s.figure_set().value("disputes_handled") == 128


def test_produce_writes_the_report_its_ledger_and_runs_the_checker(tmp_path):
    s = DraftSession.demo()
    seen = []

    def checker(draft, pack, compiled):
        seen.append(compiled)
        return "checked"
    out = tmp_path / "报告.docx"
    result = s.produce(out, ledger=True, check=checker)
    assert result.path == out and out.exists()
    assert result.ledger == tmp_path / "报告.核对表.xlsx" and result.ledger.exists()
    assert result.checked == "checked" and seen == [result.compiled]
    assert s.output_name() == "清溪镇2024年法治政府建设年度报告.docx"


def test_a_checker_that_breaks_does_not_undo_the_report(tmp_path):
    def broken(draft, pack, compiled):
        raise RuntimeError("a bug in a check")
    result = DraftSession.demo().produce(tmp_path / "报告.docx", check=broken)
    assert result.path.exists() and str(result.check_error) == "a bug in a check"


def test_the_producer_builds_the_draft_as_it_was_when_asked(tmp_path):
    s = DraftSession.demo()
    job = s.producer(None)
    s.draft.unit = "翻江镇"                        # the clerk types on while a worker builds
    assert "清溪镇" in "".join(job().compiled.document.title_lines)


def test_output_must_be_a_docx():
    from govreport.base.errors import InputError
    with pytest.raises(InputError, match=".docx"):
        DraftSession.demo().produce("报告.pdf")
