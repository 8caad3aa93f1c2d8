"""审校: checking a report the way a careful section chief would, before anyone else sees it.

Every check has a stable id and one function over a common input, a ReportText (parts of
paragraphs with the title, 成文日期, report year, pack and figures). Checks return
CheckResults: a govreport.model.findings.Finding (whose ``code`` is the check id) and, for mechanical
problems, a Fix the wizard can offer as a one-click fix.

Check ids (``govreport check --list``; switch off with ``--disable id1,id2``):
    placeholder, empty-section, section-order, numbering, year-mismatch, report-date, title,
    figure-mismatch, stale-phrase, punctuation, length
Their word lists, patterns and phrase dates are data: templates/<pack>/checks.toml and
stale_phrases.toml.

Using it (the wizard's 检查 page)::

    from govreport import checks
    run = checks.check_draft(draft)                      # or workbook="统计表.xlsx"
    for r in run.results:                                # document order
        f = r.finding                                    # level, code, message, section, block,
        where = run.location(r)                          #   quote, suggestion; "举措成效第3段“…”"
        if r.fix:                                        # punctuation, numbering, 今年以来
            button_text = r.fix.label                    # e.g. 序号改为“（三）”
            checks.apply_fix(draft, r)                   # edits draft.sections[..].blocks[block]
    run.has_errors, run.counts()

A draft is checked as compiled (the text the .docx will hold); ``finding.section`` and
``finding.block`` are the draft's section id and block index, so a finding links to the place.
Findings the compiler itself makes (unknown figure references, illegal characters …) are
included. ``Fix.apply(text) -> text`` works on the block's text as the clerk wrote it
(``Block.to_text()``), so it can also be shown as a preview; call checks again after fixing,
since block text (not positions) changes.

Other entry points: ``check_path(path, year=None, workbook=None, disabled=())`` for a draft
(.json), .docx or .txt written anywhere (raises InputError for bad input);
``report_from_text(text)`` + ``check_report(report)`` for pasted text; ``check_ids()``;
``parse_disabled("a,b")``.

A .docx/.txt is read by govreport.reading, the reader the import uses too (so both agree on the
title, 成文日期, 署名 and which section each level-1 heading names; its words are in
templates/<pack>/reader.toml). The checks then judge the text as written, without the import's
rewriting.
"""
from __future__ import annotations

from govreport.checks.model import CheckResult, Fix, Paragraph, Part, ReportText  # noqa: F401
from govreport.checks.registry import REGISTRY, Check, parse_disabled, run_checks  # noqa: F401
from govreport.checks.run import (  # noqa: F401
    CheckRun, apply_fix, check_draft, check_ids, check_path, check_report,
)
from govreport.checks.sources import (  # noqa: F401
    SUFFIXES, report_from_draft, report_from_path, report_from_text,
)

# Importing the check modules registers them, in this order (the order they run and report).
from govreport.checks import (  # noqa: E402,F401
    placeholders, structure, years, workbook, balances, phrases, punctuation, length,
)

_load_all = True
