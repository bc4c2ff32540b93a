// Loading tables as Excel shows them, in as few requests as the payload budget allows: each table's body (values and
// position), and for a refresh the rows just under it where someone may have typed a new row. One sync for the usual
// workbook; large bodies are loaded in slices of rows, one sync per budget's worth.
import { formatArea } from '../../../shared/workbook/address.ts';
import type { CellValue, ExcelContext, ExcelRange } from './excel-api.ts';
import type { TableState } from './table-state.ts';

export interface LoadRequest {
  state: TableState;
  /** Also load the sheet rows under the body down to this sheet row (zero-based), if any. */
  belowTo?: number;
}

export interface Loaded {
  state: TableState;
  rows: CellValue[][];
  /** Sheet row of the first body row. */
  top: number;
  /** Rows under the body (from the first row after it), as far as asked. */
  below: CellValue[][];
}

/** A generous estimate of a cell's bytes in a response, when the table has not been seen yet. */
const UNKNOWN_CELL = 300;

/** Bytes of one body row in a response: measured on the rows last seen, or a generous guess. */
function rowBytes(state: TableState): number {
  const rows = state.rows;
  if (!rows || rows.length === 0) return state.def.columns.length * UNKNOWN_CELL;
  return (JSON.stringify(rows).length / rows.length) * 1.2 + 16;
}

function estimate(state: TableState): number {
  return 64 + (state.rows?.length ?? 200) * rowBytes(state);
}

/** Queues the loads; after the next sync, `finish` returns what Excel showed (loading large bodies in slices). */
export function queueLoads(context: ExcelContext, budget: number, requests: readonly LoadRequest[]): { finish(): Promise<Loaded[]> } {
  let used = 0;
  const planned = requests.map((request) => {
    const { state } = request;
    const table = context.workbook.tables.getItemOrNullObject(state.def.name);
    const body = table.getDataBodyRange();
    const bytes = estimate(state);
    // A body never seen (a workbook opened again) is measured first: its row count, then slices that fit.
    const whole = state.rows !== null && used + bytes <= budget;
    body.load(whole ? ['values', 'rowIndex', 'rowCount'] : ['rowIndex', 'rowCount']);
    if (whole) used += bytes;
    let below: ExcelRange | null = null;
    const knownEnd = state.top + (state.rows?.length ?? 0);
    if (request.belowTo !== undefined && request.belowTo >= knownEnd) {
      below = table.worksheet.getRange(formatArea({ row: knownEnd, column: 0, rows: request.belowTo - knownEnd + 1, columns: state.def.columns.length }));
      below.load(['values', 'rowIndex']);
    }
    return { state, body, whole, below, knownEnd, perRow: rowBytes(state) };
  });
  return {
    async finish() {
      // Bodies not loaded whole are loaded in slices of rows, as many per sync as the budget allows, across tables.
      const slices = new Map<(typeof planned)[number], ExcelRange[]>();
      let used = 0;
      for (const p of planned) {
        if (p.whole) continue;
        const size = Math.max(1, Math.floor(budget / p.perRow));
        const parts: ExcelRange[] = [];
        for (let start = 0; start < p.body.rowCount; start += size) {
          const count = Math.min(size, p.body.rowCount - start);
          if (used > 0 && used + count * p.perRow > budget) {
            await context.sync();
            used = 0;
          }
          const slice = p.body.getRow(start).getResizedRange(count - 1, 0);
          slice.load('values');
          parts.push(slice);
          used += count * p.perRow;
        }
        slices.set(p, parts);
      }
      if (used > 0) await context.sync();
      return planned.map((p) => {
        const rows = p.whole ? p.body.values : (slices.get(p) ?? []).flatMap((slice) => slice.values);
        const top = p.body.rowIndex;
        const end = top + rows.length;
        // The window under the body was placed from what was known; keep only what lies under the body now.
        const below = p.below ? p.below.values.slice(Math.max(0, end - p.knownEnd)) : [];
        return { state: p.state, rows, top, below };
      });
    },
  };
}

export async function loadTables(context: ExcelContext, budget: number, requests: readonly LoadRequest[]): Promise<Loaded[]> {
  const pending = queueLoads(context, budget, requests);
  await context.sync();
  return pending.finish();
}

/** An Excel error meaning the table (or sheet) is gone: the workbook must be rendered again. */
export function isMissing(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
  return code === 'ItemNotFound' || code === 'InvalidObjectPath';
}
