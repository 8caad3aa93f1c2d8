"""Sub-commands beyond build/new, one module each: register(subparsers) and HANDLERS.

Listed explicitly (not discovered) so that a frozen app finds them.
"""
from __future__ import annotations

import importlib

MODULES: tuple[str, ...] = (
    "govreport.cli.commands.importer",
    "govreport.cli.commands.batch",
    "govreport.cli.commands.fonts",
    "govreport.cli.commands.check",
    "govreport.cli.commands.stats",
)


def _modules():
    return [importlib.import_module(m) for m in MODULES]


def register(sub) -> dict:
    handlers = {}
    for mod in _modules():
        mod.register(sub)
        handlers.update(mod.HANDLERS)
    return handlers
