"""Errors that reach the user as one line of Chinese (CLI exit 2, a message box in the wizard)."""
from __future__ import annotations


class InputError(Exception):
    """Bad input the user can fix: names the file (and sheet/cell) in Chinese, no traceback."""

    def __init__(self, message: str, *, path: object = None, sheet: str | None = None,
                 cell: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.sheet = sheet
        self.cell = cell

    def __str__(self) -> str:
        return self.message


class OutputLockedError(InputError):
    """The target file cannot be replaced, usually because it is open in Word or WPS."""
