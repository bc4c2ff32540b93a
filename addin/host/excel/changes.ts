// What a person changed in a table, from the body as it was and as it is now (rows matched by their id cell, so a
// sort changes nothing): edited fields (hints for the binding, or values the model cannot take, marked), computed
// cells typed over (put back), locked cells typed in (put back by the binding, the reason reported); and the structure as it reads now — parents chosen that differ from the model's
// (moves), rows typed without an id or copied with one (new entities), rows seen before and gone (deletions).
import type { EntityRef, FieldRef } from '../../../shared/field-ref.ts';
import { fromCell, sameCell } from '../../../shared/workbook/cell-codec.ts';
import type { LockQuery } from '../port.ts';
import type { CellValue } from './excel-api.ts';
import { parentFromText, parseRowKey } from '../../../shared/workbook/layout.ts';
import type { CellMarks } from './marks.ts';
import { type ExcelProblem, problems } from './problems.ts';
import type { TableState } from './table-state.ts';
import type { WorkbookLayout } from '../../../shared/workbook/workbook-layout.ts';

export interface NewRow {
  /** Body row (rows under the body continue the count). */
  row: number;
  /** The row is under the table: the table must grow over it. */
  below: boolean;
  cells: CellValue[];
}

export interface TableChanges {
  hints: FieldRef[];
  /** Computed cells typed over: row key, column. */
  restores: Array<{ key: string; column: number }>;
  marked: Array<{ key: string; column: number }>;
  moves: Array<{ entity: EntityRef; parent: EntityRef }>;
  added: NewRow[];
  removed: EntityRef[];
  problems: ExcelProblem[];
}

const keyOf = (row: readonly CellValue[]) => String(row[0] ?? '');

export function diffTable(
  state: TableState,
  before: readonly CellValue[][] | null,
  rows: readonly CellValue[][],
  below: readonly CellValue[][],
  layout: WorkbookLayout,
  marks: CellMarks,
  locked: LockQuery = () => null,
): TableChanges {
  const { def } = state;
  const out: TableChanges = { hints: [], restores: [], marked: [], moves: [], added: [], removed: [], problems: [] };
  const old = new Map<string, readonly CellValue[]>();
  for (const row of before ?? []) if (!old.has(keyOf(row))) old.set(keyOf(row), row);
  const derived = def.columns.flatMap((c, i) => (c.role.type === 'derived' ? [i] : []));
  const typed = (row: readonly CellValue[]) => row.some((v, c) => c > 0 && v !== '' && !derived.includes(c));
  const seen = new Set<string>();

  rows.forEach((row, i) => {
    const key = keyOf(row);
    const bound = layout.rows.get(key);
    if (key !== '' && bound && !seen.has(key)) {
      seen.add(key);
      const was = before === null ? undefined : old.get(key);
      def.columns.forEach((column, c) => {
        const value = row[c] ?? '';
        const changed = was === undefined || !sameCell(value, was[c]);
        if (column.role.type === 'field') {
          const ref = bound.row.refs[c];
          if (!ref || !changed) return;
          const lock = was === undefined ? null : locked(ref);
          if (lock) {
            // Typed into a locked cell: the binding puts the model's value back; the person is told why.
            out.hints.push(ref);
            out.problems.push(problems.locked(ref, lock));
            if (marks.invalidAt(key, c)) {
              marks.setInvalid(key, c, null);
              out.marked.push({ key, column: c });
            }
            return;
          }
          const taken = fromCell(column.role.codec, value, layout.lookups);
          const had = marks.invalidAt(key, c);
          if (!taken.ok) {
            marks.setInvalid(key, c, { type: 'error', note: taken.fr });
            out.problems.push(problems.invalid(ref, String(value), 'error', taken));
          } else {
            layout.shown.note(ref, taken.text);
            if (was !== undefined) out.hints.push(ref);
            if (taken.warning) {
              marks.setInvalid(key, c, { type: 'warning', note: taken.warning.fr });
              out.problems.push(problems.invalid(ref, String(value), 'warning', taken.warning));
            } else if (had) {
              marks.setInvalid(key, c, null);
              out.problems.push(problems.fixed(ref));
            }
          }
          if (!taken.ok || taken.warning || had) out.marked.push({ key, column: c });
        } else if (column.role.type === 'parent') {
          const entity = bound.row.entity;
          const parent = parentFromText(entity.kind, String(value), layout.lookups);
          if (!parent) {
            if (!changed && marks.invalidAt(key, c)) return;
            marks.setInvalid(key, c, { type: 'error', note: problems.unknownParent(entity, String(value)).fr });
            out.problems.push(problems.unknownParent(entity, String(value)));
            out.marked.push({ key, column: c });
            return;
          }
          if (marks.invalidAt(key, c)) {
            marks.setInvalid(key, c, null);
            out.marked.push({ key, column: c });
          }
          if (bound.row.parent?.id !== parent.id) out.moves.push({ entity, parent });
        } else if (column.role.type === 'derived' && changed && was !== undefined) {
          out.restores.push({ key, column: c });
          out.problems.push(problems.computed(bound.row.entity, column.header));
        }
      });
    } else if ((key !== '' && seen.has(key)) || (key === '' && typed(row))) {
      out.added.push({ row: i, below: false, cells: [...row] });
    }
  });
  below.forEach((row, j) => {
    if (typed(row)) out.added.push({ row: rows.length + j, below: true, cells: [...row] });
  });
  for (const key of state.seen) {
    if (seen.has(key)) continue;
    const entity = parseRowKey(key);
    if (entity && layout.rows.has(key)) out.removed.push(entity);
  }
  return out;
}
