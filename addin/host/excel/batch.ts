// One Excel.run's queue, kept under Excel on the web's 5 MB payload limit: calls are added in units (what must go
// in the same request) with their estimated size, and the queue is synced whenever the next unit would take it past
// the budget. A bulk batch suspends calculation and screen updating for each of its requests.
import type { CellValue, ExcelContext } from './excel-api.ts';

/** Bytes a request may carry: under 5 MB with room for the envelope. */
export const DEFAULT_BUDGET = 4 * 1024 * 1024;

/** JSON size of what a call carries (values, formats), plus the call itself. */
export const sizeOf = (value: unknown): number => 96 + JSON.stringify(value).length;

export interface BulkOptions {
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  calculation: boolean;
  /** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  screen: boolean;
}

export class ChunkedBatch {
  private bytes = 0;
  syncs = 0;

  constructor(
    private readonly context: ExcelContext,
    private readonly budget: number,
    private readonly bulk: BulkOptions | null = null,
  ) {}

  /** Queues one unit of calls of about `bytes` (request plus expected response). */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.sync();
    if (this.bytes === 0 && this.bulk) {
      if (this.bulk.calculation) this.context.application.suspendApiCalculationUntilNextSync();
      if (this.bulk.screen) this.context.application.suspendScreenUpdatingUntilNextSync();
    }
    queue();
    this.bytes += bytes;
  }

  /** Sends what is queued (nothing when the queue is empty). */
  async sync(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/**
 * Queues rows of values (after their number formats, when given) in slices that each fit half the budget: `range`
 * gives the range of `count` rows from row `start` of the block. Returns the slices written.
 */
export async function queueRows(
  batch: ChunkedBatch,
  budget: number,
  range: (start: number, count: number) => { values: CellValue[][]; numberFormat: string[][] },
  values: readonly CellValue[][],
  formats?: readonly string[][],
): Promise<Array<{ start: number; count: number }>> {
  const slices: Array<{ start: number; count: number }> = [];
  for (let start = 0; start < values.length; ) {
    let end = start;
    let bytes = 0;
    const rowBytes = (i: number) => sizeOf(values[i]) + (formats ? sizeOf(formats[i]) : 0);
    while (end < values.length && (end === start || bytes + rowBytes(end) <= budget / 2)) bytes += rowBytes(end++);
    const from = start;
    const count = end - start;
    await batch.add(bytes, () => {
      const target = range(from, count);
      if (formats) target.numberFormat = formats.slice(from, from + count);
      target.values = values.slice(from, from + count);
    });
    slices.push({ start: from, count });
    start = end;
  }
  return slices;
}
