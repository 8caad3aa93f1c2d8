"""The look of the workbooks govreport writes (statistics template, ledger): a merged title
row and a shaded, boxed header row."""
from __future__ import annotations

HEADER_FILL = "DDEBF7"


def title_row(ws, text: str, ncols: int, size: int = 14) -> None:
    """Append a bold 黑体 title merged across the table's columns."""
    from openpyxl.styles import Alignment, Font

    from govreport.text.normalize import remove_illegal
    ws.append([remove_illegal(text)[0]])      # a unit name typed with a control character
    r = ws.max_row
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    cell = ws.cell(r, 1)
    cell.font = Font(name="黑体", size=size, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")


def text_only(wb) -> None:
    """Our workbooks hold no formulas: a value that starts with "=" (a unit or a label such as
    "=翻江镇") is text, not something Excel should run."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def header_row(ws, headers: list[str], border_color: str = "000000"):
    """Append a bold, shaded header row; returns the cell border for the rows below."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    thin = Side(style="thin", color=border_color)
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append(list(headers))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = box
        cell.alignment = Alignment(horizontal="center", vertical="center")
    return box
