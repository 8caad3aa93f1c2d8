"""The wizard (PySide6). Everything Qt lives in this package; the core (govreport.*) stays Qt-free.

Layers, after Mu and Picard:
- settings.py, locations.py, session.py, reftext.py, figuretable.py, outputs.py, presenter.py:
  plain Python, tested without widgets. The presenter drives a passive view.
- app.py, window.py, pages/, editor.py, workers.py, crash.py, dialogs.py: the Qt view.
"""
