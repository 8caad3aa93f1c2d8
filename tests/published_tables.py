"""A statistics workbook laid out like the published tables of a pack (test helper): one sheet
per table, the header rows with their merged cells, the row labels in their columns (merged
down where the published table merges them), and the figures in the cells the pack's table
puts its references in."""
from pathlib import Path

import openpyxl

from govreport.model.document import Cell, Table
from govreport.wording.references import Reference


def _as_table(spec) -> Table:
    def rows(spec_rows):
        return [[Cell(c.text, c.span, c.rows) for c in row] for row in spec_rows]
    return Table(list(spec.widths), list(spec.aligns), rows(spec.header), rows(spec.rows))


def write_published(pack, path: Path, values: dict[str, float], year: int,
                    sheet_names: dict[str, str] | None = None) -> Path:
    """values: indicator id -> number; a reference cell whose indicator has none stays empty.
    Totals (derived indicators) are written too when given."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for tid, spec in pack.tables.items():
        ws = wb.create_sheet((sheet_names or {}).get(tid, spec.name[:28]))
        ws.append([f"{year}年{spec.name}"])
        top = 2
        for r, placed in enumerate(_as_table(spec).grid()):
            for cell in placed:
                if cell.merge == "continue":
                    continue
                ref = Reference.parse(cell.text) if "{{" in cell.text else None
                target = ws.cell(top + r, cell.column + 1)
                target.value = values.get(ref.name) if ref is not None else cell.text
                down = 1
                if cell.merge == "restart":
                    down = next(c.rows for row in spec.header + spec.rows for c in row
                                if c.text == cell.text and c.rows > 1)
                if cell.span > 1 or down > 1:
                    ws.merge_cells(start_row=top + r, start_column=cell.column + 1,
                                   end_row=top + r + down - 1, end_column=cell.column + cell.span)
    wb.save(path)
    return path
