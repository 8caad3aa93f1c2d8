"""The section editor: plain text, with the structure the core will read shown as the clerk types.

- a gutter names each line's reading (一级/二级/三级/四级 heading or 正文), so a misread heading
  is visible before generation;
- a highlighter sets heading numbers and run-in heading sentences apart, and marks figure tokens
  〖名称：值〗 (missing values in red), raw template markup and typed gaps;
- tokens behave as one character: Backspace/Delete remove a whole token, typing never lands inside.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (QColor, QFont, QKeySequence, QPainter, QSyntaxHighlighter,
                           QTextCharFormat, QTextCursor, QTextFormat)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from govreport.gui import style
from govreport.gui.reftext import (EMPTY, TOKEN_RE, RefCodec, Token, nonempty_line_index,
                                   raw_markup, read_line)


class StructureHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: "SectionEditor"):
        super().__init__(editor.document())
        self.editor = editor
        self.formats = {}
        for level, color in style.LEVEL_COLORS.items():
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            f.setFontWeight(QFont.Bold)
            self.formats[level] = f
        self.number_format = QTextCharFormat()
        self.number_format.setFontWeight(QFont.Bold)
        self.token_format = _fmt(style.TOKEN_FG, style.TOKEN_BG)
        self.missing_format = _fmt(style.MISSING_FG, style.MISSING_BG)
        self.unknown_format = _fmt(style.UNKNOWN_FG, style.UNKNOWN_BG)
        self.unknown_format.setUnderlineStyle(QTextCharFormat.WaveUnderline)
        self.unknown_format.setUnderlineColor(QColor(style.UNKNOWN_FG))
        self.markup_format = _fmt(style.MARKUP_FG, None)
        self.gap_format = _fmt(style.MISSING_FG, style.MISSING_BG)

    def highlightBlock(self, text: str) -> None:
        reading = read_line(text)
        if reading.kind == "heading":
            f = self.formats.get(reading.level)
            if f is not None:
                self.setFormat(reading.number_start, reading.title_end - reading.number_start, f)
        codec = self.editor.codec
        for m in TOKEN_RE.finditer(text):
            ref = codec.ref_of_label(m.group(1)) if codec else None
            if ref is None:
                f = self.unknown_format
            elif m.group(2) == "缺":
                f = self.missing_format
            else:
                f = self.token_format
            self._merge(m.start(), m.end() - m.start(), f)
        for a, b in raw_markup(text):
            self._merge(a, b - a, self.markup_format)
        from govreport.wording import GAP_RE   # jinja2 loads after the window is up
        for m in GAP_RE.finditer(text):
            self._merge(m.start(), m.end() - m.start(), self.gap_format)

    def _merge(self, start: int, length: int, fmt: QTextCharFormat) -> None:
        for i in range(start, start + length):
            f = self.format(i)
            f.merge(fmt)
            self.setFormat(i, 1, f)


def _fmt(fg: str, bg: str | None) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(fg))
    if bg:
        f.setBackground(QColor(bg))
    return f


class LevelGutter(QWidget):
    """Left margin naming what each line is read as."""

    def __init__(self, editor: "SectionEditor"):
        super().__init__(editor)
        self.editor = editor
        self.setToolTip("左侧标注每一行生成时的读法：一级至四级标题，或正文。\n"
                        "标题由行首序号识别：一、 （一） 1. （1）")

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(style.GUTTER_BG))
        ed = self.editor
        block = ed.firstVisibleBlock()
        top = round(ed.blockBoundingGeometry(block).translated(ed.contentOffset()).top())
        fm = self.fontMetrics()
        bar = max(3, fm.height() // 6)
        while block.isValid() and top <= event.rect().bottom():
            height = round(ed.blockBoundingRect(block).height())
            if block.isVisible():
                reading = read_line(block.text())
                if reading.kind != EMPTY:
                    color = QColor(style.LEVEL_COLORS.get(reading.level, style.BODY_MARK)
                                   if reading.kind == "heading" else style.BODY_MARK)
                    painter.fillRect(QRect(self.width() - bar - 2, top + 2, bar, height - 4), color)
                    painter.setPen(color)
                    label = reading.label + ("+" if reading.run_in else "")
                    painter.drawText(QRect(2, top, self.width() - bar - 8, fm.height() + 4),
                                     Qt.AlignRight | Qt.AlignVCenter, label)
            block = block.next()
            top += height
        painter.end()


class SectionEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.codec: RefCodec | None = None
        self.describe_token: Callable[[Token], str] | None = None
        self.setFont(style.editor_font())
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setTabChangesFocus(True)          # Tab moves on (tab order), not a tab character
        self.gutter = LevelGutter(self)
        self.highlighter = StructureHighlighter(self)
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._mark_current_line)
        self._update_margins()

    # --- gutter ---------------------------------------------------------------------------
    def gutter_width(self) -> int:
        fm = self.gutter.fontMetrics()
        return fm.horizontalAdvance("四级+") + fm.height() // 2 + 14

    def _update_margins(self, *_):
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect, dy):
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def _mark_current_line(self):
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(QColor(style.CURRENT_LINE))
        sel.format.setProperty(QTextFormat.FullWidthSelection, True)
        sel.cursor = self.textCursor()
        sel.cursor.clearSelection()
        self.setExtraSelections([sel])

    # --- content --------------------------------------------------------------------------
    def set_codec(self, codec: RefCodec) -> None:
        self.codec = codec
        self.highlighter.rehighlight()

    def set_text_keeping_undo(self, text: str) -> None:
        """Replace everything as one undoable step (restore default wording, refreshed values)."""
        if text == self.toPlainText():
            return
        cur = QTextCursor(self.document())
        cur.beginEditBlock()
        cur.select(QTextCursor.Document)
        cur.insertText(text)
        cur.endEditBlock()

    def insert_token(self, token_text: str) -> None:
        cur = self.textCursor()
        self._snap_selection(cur)
        pos = cur.position() - cur.block().position()
        tok = self._token_at(cur.block().text(), pos, inside_only=True)
        if tok is not None and not cur.hasSelection():
            cur.setPosition(cur.block().position() + tok.end)
        cur.insertText(token_text)
        self.setTextCursor(cur)
        self.setFocus()

    def insert_text(self, text: str) -> None:
        cur = self.textCursor()
        self._snap_selection(cur)
        cur.insertText(text)
        self.setTextCursor(cur)
        self.setFocus()

    def select_block(self, index: int | None, quote: str | None = None) -> bool:
        """Go to the section's paragraph number `index` (as findings count them): the quoted
        words selected where the paragraph shows them, else the cursor at its start. Never
        the whole paragraph selected: the clerk's first key would replace it."""
        if index is None:
            self.moveCursor(QTextCursor.Start)
            self.setFocus()
            return True
        line = nonempty_line_index(self.toPlainText(), index)
        if line is None:
            return False
        block = self.document().findBlockByNumber(line)
        cur = QTextCursor(block)
        at = block.text().find(quote) if quote and len(quote) < len(block.text()) else -1
        if at >= 0:
            cur.setPosition(block.position() + at)
            cur.setPosition(block.position() + at + len(quote), QTextCursor.KeepAnchor)
        self.setTextCursor(cur)
        self.centerCursor()
        self.setFocus()
        return True

    # --- tokens as single characters --------------------------------------------------------
    def _tokens(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]

    def _token_at(self, text: str, pos: int, inside_only: bool = False):
        for m in TOKEN_RE.finditer(text):
            if m.start() < pos < m.end():
                return Token(m.start(), m.end(), m.group(1), m.group(2), None)
        return None

    def _snap_position(self, pos: int, to_end: bool) -> int:
        block = self.document().findBlock(pos)
        rel = pos - block.position()
        for a, b in self._tokens(block.text()):
            if a < rel < b:
                return block.position() + (b if to_end else a)
        return pos

    def _snap_selection(self, cur: QTextCursor) -> None:
        if not cur.hasSelection():
            return
        start = self._snap_position(cur.selectionStart(), to_end=False)
        end = self._snap_position(cur.selectionEnd(), to_end=True)
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.KeepAnchor)

    def keyPressEvent(self, event) -> None:
        cur = self.textCursor()
        edits = bool(event.text() and event.text().isprintable()) or \
            event.key() in (Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Return, Qt.Key_Enter) or \
            event.matches(QKeySequence.Cut) or event.matches(QKeySequence.Paste)
        if edits and not event.matches(QKeySequence.Copy):
            if cur.hasSelection():
                self._snap_selection(cur)
                self.setTextCursor(cur)
            else:
                block_pos = cur.block().position()
                rel = cur.position() - block_pos
                text = cur.block().text()
                for a, b in self._tokens(text):
                    whole = ((event.key() == Qt.Key_Backspace and a < rel <= b) or
                             (event.key() == Qt.Key_Delete and a <= rel < b))
                    if whole:
                        cur.setPosition(block_pos + a)
                        cur.setPosition(block_pos + b, QTextCursor.KeepAnchor)
                        cur.removeSelectedText()
                        self.setTextCursor(cur)
                        return
                    if a < rel < b:
                        cur.setPosition(block_pos + b)
                        self.setTextCursor(cur)
                        break
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:
        cur = self.textCursor()
        self._snap_selection(cur)
        if not cur.hasSelection():
            cur.setPosition(self._snap_position(cur.position(), to_end=True))
        self.setTextCursor(cur)
        super().insertFromMimeData(source)

    # --- tooltips ---------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            cur = self.cursorForPosition(event.pos())
            text = cur.block().text()
            rel = cur.position() - cur.block().position()
            for m in TOKEN_RE.finditer(text):
                if m.start() <= rel <= m.end():
                    ref = self.codec.ref_of_label(m.group(1)) if self.codec else None
                    tok = Token(m.start(), m.end(), m.group(1), m.group(2), ref)
                    tip = self.describe_token(tok) if self.describe_token else m.group(0)
                    QToolTip.showText(event.globalPos(), tip, self.viewport())
                    return True
            reading = read_line(text)
            if reading.kind == "heading" and rel <= reading.title_end:
                QToolTip.showText(event.globalPos(), style.reading_tip(reading), self.viewport())
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().viewportEvent(event)
