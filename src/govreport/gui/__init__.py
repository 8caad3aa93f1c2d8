"""The wizard (PySide6). Everything Qt lives in this package; the core (govreport.*) stays Qt-free.

Layers, after Mu and Picard:
- settings.py, locations.py, reftext.py, figuretable.py, outputs.py, records.py, presenter.py
  and presenters/ (one per page): plain Python, tested without widgets. They drive a passive
  view and leave the use cases to govreport.app.DraftSession.
- app.py, window.py (+ draftactions.py, sidelist.py, lazyrunner.py), pages/, editor.py,
  figuremodel.py, workers.py, crash.py, dialogs.py: the Qt view.
"""
