// How a rendered table follows the model without disturbing what people did: rows stay where a sort put them; an
// entity keeps its row (only its computed cells are refreshed); a new entity takes the row of a deleted one before a
// row is added (values written into rows rather than `rows.add`); rows of deleted entities left over are deleted;
// rows a person typed that are not bound yet (no id, or a copied id) are left for the adapter to adopt.
import type { CellValue } from './excel-api.ts';

export interface DesiredRow {
  key: string;
  cells: CellValue[];
}

export interface RowPlan {
  /** Cells to write in rows that stay, by their current index: contiguous runs of columns. */
  runs: Array<{ row: number; column: number; values: CellValue[] }>;
  /** Current rows that now show another entity: written whole. */
  reused: Array<{ row: number; oldKey: string; cells: CellValue[] }>;
  /** Current rows to delete, last first. */
  deletes: number[];
  /** Rows to add at the end. */
  appends: CellValue[][];
  /** The body once the plan is carried out. */
  final: CellValue[][];
}

const keyOf = (row: readonly CellValue[]) => String(row[0] ?? '');

/**
 * @param computed columns whose value follows the model (id, parent, derived): refreshed in rows that stay.
 * @param derived columns a person does not fill (derived only): they do not make a blank row a typed one.
 */
export function planRows(current: readonly CellValue[][], desired: readonly DesiredRow[], computed: readonly number[], derived: readonly number[]): RowPlan {
  const wanted = new Map(desired.map((d) => [d.key, d]));
  const kept = new Map<string, number>();
  const free: number[] = [];
  current.forEach((row, i) => {
    const key = keyOf(row);
    if (wanted.has(key) && !kept.has(key)) kept.set(key, i);
    else if (key !== '' && kept.has(key)) return; // a copied row: adopted as a new entity by the adapter
    else if (key === '' && row.some((v, c) => c > 0 && v !== '' && !derived.includes(c))) return; // typed, not yet bound
    else free.push(i);
  });
  const missing = desired.filter((d) => !kept.has(d.key));
  const final = current.map((row) => [...row]);
  const runs: RowPlan['runs'] = [];
  for (const [key, i] of kept) {
    const want = (wanted.get(key) as DesiredRow).cells;
    let run: { row: number; column: number; values: CellValue[] } | null = null;
    for (const c of [...computed].sort((a, b) => a - b)) {
      if (final[i]?.[c] === want[c]) continue;
      (final[i] as CellValue[])[c] = want[c] as CellValue;
      if (run && run.column + run.values.length === c) run.values.push(want[c] as CellValue);
      else {
        run = { row: i, column: c, values: [want[c] as CellValue] };
        runs.push(run);
      }
    }
  }
  const reused = missing.slice(0, free.length).map((d, n) => {
    const row = free[n] as number;
    const oldKey = keyOf(current[row] as CellValue[]);
    final[row] = [...d.cells];
    return { row, oldKey, cells: d.cells };
  });
  const deletes = free.slice(missing.length).sort((a, b) => b - a);
  for (const row of deletes) final.splice(row, 1);
  const appends = missing.slice(free.length).map((d) => [...d.cells]);
  final.push(...appends.map((r) => [...r]));
  return { runs, reused, deletes, appends, final };
}
