"""One presenter per wizard page: what the page shows and what its widgets do to the draft.

They hold view logic only; the draft's use cases are govreport.app.DraftSession's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govreport.gui.presenter import WizardPresenter


def page_presenters(wizard: "WizardPresenter") -> tuple:
    """(start, basic, figures, section, check, generate) for one wizard."""
    from govreport.gui.presenters.basic import BasicPresenter
    from govreport.gui.presenters.check import CheckPresenter
    from govreport.gui.presenters.figures import FiguresPresenter
    from govreport.gui.presenters.generate import GeneratePresenter
    from govreport.gui.presenters.section import SectionPresenter
    from govreport.gui.presenters.start import StartPresenter
    return (StartPresenter(wizard), BasicPresenter(wizard), FiguresPresenter(wizard),
            SectionPresenter(wizard), CheckPresenter(wizard), GeneratePresenter(wizard))
