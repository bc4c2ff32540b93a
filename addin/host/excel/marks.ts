// Marks on cells: an entity's mark (a validation finding, someone else here, locked) on its row's mark column, an
// invalid value on its own cell, and a locked field greyed (fill only: a note on every cell of a signed plan would
// cost a look-up each); shown as a fill and, where ExcelApi 1.18 has notes, a note saying why. Marks are
// kept by row key and column, so they follow the row wherever a sort puts it; what was applied is remembered so it
// can be cleared (a person may have removed a note meanwhile: notes are looked up before they are deleted).
import type { Mark } from '../port.ts';
import { formatArea } from '../../../shared/workbook/address.ts';
import type { ExcelRange, ExcelWorksheet } from './excel-api.ts';
import type { TableState } from './table-state.ts';

export const MARK_FILLS: Record<Mark['type'], string> = { error: '#FFC7CE', warning: '#FFEB9C', presence: '#DDEBF7', locked: '#E7E6E6', comment: '#E4DFEC' };

export interface CellMark {
  type: Mark['type'];
  /** The note's text; null for a fill alone. */
  note: string | null;
}

const LOCKED: CellMark = { type: 'locked', note: null };

const cellKey = (key: string, column: number) => `${key}#${column}`;

export class CellMarks {
  private readonly entity = new Map<string, CellMark>();
  private readonly invalid = new Map<string, CellMark>();
  private readonly locked = new Set<string>();
  /** What the workbook shows: cell → fill and whether the adapter put a note there. */
  private readonly applied = new Map<string, { fill: string; note: string | null }>();

  setEntity(key: string, mark: CellMark | null): void {
    if (mark) this.entity.set(key, mark);
    else this.entity.delete(key);
  }

  setInvalid(key: string, column: number, mark: CellMark | null): void {
    if (mark) this.invalid.set(cellKey(key, column), mark);
    else this.invalid.delete(cellKey(key, column));
  }

  invalidAt(key: string, column: number): CellMark | undefined {
    return this.invalid.get(cellKey(key, column));
  }

  setLocked(key: string, column: number, locked: boolean): void {
    if (locked) this.locked.add(cellKey(key, column));
    else this.locked.delete(cellKey(key, column));
  }

  lockedAt(key: string, column: number): boolean {
    return this.locked.has(cellKey(key, column));
  }

  desired(key: string, column: number, markColumn: number): CellMark | null {
    const cell = cellKey(key, column);
    return this.invalid.get(cell) ?? (column === markColumn ? this.entity.get(key) : undefined) ?? (this.locked.has(cell) ? LOCKED : null);
  }

  /** Columns of a row with a mark wanted or shown. */
  columns(key: string, markColumn: number): number[] {
    const out = new Set<number>();
    if (this.entity.has(key) || this.applied.has(cellKey(key, markColumn))) out.add(markColumn);
    for (const cell of [...this.invalid.keys(), ...this.locked, ...this.applied.keys()]) {
      const at = cell.lastIndexOf('#');
      if (cell.slice(0, at) === key) out.add(Number(cell.slice(at + 1)));
    }
    return [...out];
  }

  /** The row now shows another entity (or none): what the adapter had applied there is gone with the old one. */
  forgetApplied(key: string): Array<{ column: number; note: boolean }> {
    const out: Array<{ column: number; note: boolean }> = [];
    for (const [cell, applied] of this.applied) {
      const at = cell.lastIndexOf('#');
      if (cell.slice(0, at) !== key) continue;
      out.push({ column: Number(cell.slice(at + 1)), note: applied.note !== null });
      this.applied.delete(cell);
    }
    return out;
  }

  /**
   * Queues the fills and notes that bring the given cells to their wanted marks: fills at once; notes in a second
   * step after a look-up (returned, to run after the next sync), since a person may have edited or removed a note.
   */
  queue(sheet: ExcelWorksheet, body: ExcelRange, state: TableState, cells: ReadonlyArray<{ key: string; column: number }>, notes: boolean): () => void {
    const later: Array<() => void> = [];
    for (const { key, column } of cells) {
      const row = state.rowOf(key);
      if (row < 0) continue;
      const want = this.desired(key, column, state.def.markColumn);
      const had = this.applied.get(cellKey(key, column)) ?? null;
      const fill = want ? MARK_FILLS[want.type] : null;
      const range = body.getCell(row, column);
      if (fill && had?.fill !== fill) range.format.fill.color = fill;
      if (!fill && had) range.format.fill.clear();
      if (fill) this.applied.set(cellKey(key, column), { fill, note: notes ? (want?.note ?? null) : null });
      else this.applied.delete(cellKey(key, column));
      const note = notes ? (want?.note ?? null) : null;
      if (!notes || (had?.note ?? null) === note) continue;
      const address = formatArea({ row: state.sheetRow(row), column, rows: 1, columns: 1 });
      const existing = sheet.notes.getItemOrNullObject(address);
      later.push(() => {
        if (!existing.isNullObject) existing.delete();
        if (note) sheet.notes.add(address, note);
      });
    }
    return () => {
      for (const step of later) step();
    };
  }
}
