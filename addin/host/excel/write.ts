// Writing cells by entity, not by position: one batch loads each touched row as it is just before the write (its id
// cell and values) and writes the changed cells as runs of adjacent columns; one sync. Afterwards the loaded rows
// say whether the write landed where it should (a sort may have moved rows since they were last seen: the write is
// undone there and redone where the rows now are) and whether a person typed in a written cell meanwhile (their
// text is merged into the model's, or their value kept, and the field is reported as edited).
import { mergeText } from '../../binding/three-way.ts';
import type { FieldRef } from '../../../shared/field-ref.ts';
import { ChunkedBatch, sizeOf } from './batch.ts';
import { type Codec, fromCell, sameCell, toCell } from '../../../shared/workbook/cell-codec.ts';
import type { CellValue, ExcelRange } from './excel-api.ts';
import { loadTables } from './loads.ts';
import type { Lookups } from '../../../shared/workbook/lookups.ts';
import type { Session } from './session.ts';
import type { TableState } from './table-state.ts';

export interface CellWrite {
  state: TableState;
  key: string;
  column: number;
  value: CellValue;
  /** The field shown, with its codec; null for a computed cell (no merge, the model's value wins). */
  field: { ref: FieldRef; codec: Codec } | null;
  /** What the cell is believed to show before the write (default: the table state's value). */
  expected?: CellValue;
}

/** Writes the cells; returns the fields a person typed in meanwhile (to report as edits). */
export async function writeCells(session: Session, lookups: Lookups, writes: readonly CellWrite[], depth = 0): Promise<FieldRef[]> {
  return writeOnce(session, lookups, writes, depth);
}

async function writeOnce(session: Session, lookups: Lookups, writes: readonly CellWrite[], depth: number): Promise<FieldRef[]> {
  if (writes.length === 0) return [];
  // What each cell is believed to show, before any reload: a reload may reveal a person's typing, which must be
  // found as typing (and kept), not taken as the value to overwrite.
  writes = writes.map((w) => ({ ...w, expected: w.expected ?? w.state.value(w.key, w.column) }));
  const tables = [...new Set(writes.map((w) => w.state))];
  const stale = tables.filter((s) => !s.fresh);
  if (stale.length > 0) {
    const loaded = await session.excel.run((context) => loadTables(context, session.budget, stale.map((state) => ({ state }))));
    for (const l of loaded) l.state.take(l.rows, l.top);
  }
  type Touched = { state: TableState; row: number; key: string; cells: CellWrite[]; before: ExcelRange | null };
  const touched = new Map<string, Touched>();
  for (const w of writes) {
    const row = w.state.rowOf(w.key);
    if (row < 0) continue;
    const id = `${w.state.def.key}#${w.key}`;
    const t = touched.get(id) ?? { state: w.state, row, key: w.key, cells: [], before: null };
    t.cells = t.cells.filter((c) => c.column !== w.column);
    t.cells.push(w);
    touched.set(id, t);
  }
  if (touched.size === 0) return [];
  const count = writes.length;
  await session.excel.run(async (context) => {
    const bulk = count >= 50 ? { calculation: session.supports('1.6'), screen: session.supports('1.9') } : null;
    const batch = new ChunkedBatch(context, session.budget, bulk);
    const bodies = new Map<TableState, ExcelRange>();
    for (const t of touched.values()) {
      let body = bodies.get(t.state);
      if (!body) {
        body = context.workbook.tables.getItemOrNullObject(t.state.def.name).getDataBodyRange();
        bodies.set(t.state, body);
      }
      const target = body;
      const runs = toRuns(t.cells);
      await batch.add(sizeOf(t.state.rows?.[t.row]) + runs.reduce((n, r) => n + sizeOf(r.values), 0), () => {
        t.before = target.getRow(t.row);
        t.before.load('values');
        for (const run of runs) target.getCell(t.row, run.column).getResizedRange(0, run.values.length - 1).values = [run.values];
      });
      for (const run of runs) session.echo.expect(t.state.sheetId, { row: t.state.sheetRow(t.row), column: run.column, rows: 1, columns: run.values.length });
    }
    await batch.sync();
  });

  const misplaced: Touched[] = [];
  const retyped: CellWrite[] = [];
  const edited: FieldRef[] = [];
  for (const t of touched.values()) {
    const before = (t.before as ExcelRange).values[0] ?? [];
    if (String(before[0] ?? '') !== t.key) {
      misplaced.push({ ...t, cells: t.cells.map((c) => ({ ...c, value: before[c.column] ?? '' })) });
      t.state.stale = true;
      continue;
    }
    for (const w of t.cells) {
      const expected = w.expected;
      const found = before[w.column] ?? '';
      t.state.set(t.row, w.column, w.value);
      if (!w.field || expected === undefined || sameCell(found, expected) || sameCell(found, w.value)) continue;
      // Someone typed in the cell while the write was on its way: keep their typing.
      edited.push(w.field.ref);
      retyped.push({ ...w, value: merged(w.field.codec, expected, found, w.value, lookups), expected: w.value });
    }
  }
  if (depth > 2) return edited;
  if (misplaced.length > 0) {
    // Put back what was overwritten in rows that had moved, then write again where the entities are now.
    await session.excel.run(async (context) => {
      for (const t of misplaced) {
        const body = context.workbook.tables.getItemOrNullObject(t.state.def.name).getDataBodyRange();
        for (const run of toRuns(t.cells)) body.getCell(t.row, run.column).getResizedRange(0, run.values.length - 1).values = [run.values];
      }
      await context.sync();
    });
    const again = writes.filter((w) => misplaced.some((t) => t.state === w.state && t.key === w.key));
    edited.push(...(await writeOnce(session, lookups, again, depth + 1)));
  }
  if (retyped.length > 0) edited.push(...(await writeOnce(session, lookups, retyped, depth + 1)));
  return edited;
}

/** Adjacent columns of one row, as runs written by one range each. */
function toRuns(cells: readonly CellWrite[]): Array<{ column: number; values: CellValue[] }> {
  const runs: Array<{ column: number; values: CellValue[] }> = [];
  for (const cell of [...cells].sort((a, b) => a.column - b.column)) {
    const last = runs.at(-1);
    if (last && last.column + last.values.length === cell.column) last.values.push(cell.value);
    else runs.push({ column: cell.column, values: [cell.value] });
  }
  return runs;
}

/** What the cell must show when a person typed `found` over `expected` while `written` was on its way. */
function merged(codec: Codec, expected: CellValue, found: CellValue, written: CellValue, lookups: Lookups): CellValue {
  if (codec !== 'text') return found;
  const text = (v: CellValue) => {
    const taken = fromCell('text', v, lookups);
    return taken.ok ? taken.text : String(v);
  };
  return toCell('text', mergeText(text(expected), text(found), text(written)), lookups);
}
