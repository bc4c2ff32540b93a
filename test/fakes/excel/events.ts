// The fake's events: handlers registered per worksheet or table (taking effect at a sync, like Office), delivered
// asynchronously after the change with Excel's argument shapes. `details` only for a change of one cell;
// `triggerSource` only where ExcelApi 1.14 is supported (`ThisLocalAddin` for the add-in's own writes).
import type { CellValue } from './values.ts';

export type EventKind = 'WorksheetChanged' | 'WorksheetRowSorted' | 'TableChanged';

export interface ChangedEventArgs {
  type: 'WorksheetChanged' | 'TableChanged';
  worksheetId: string;
  tableId?: string;
  address: string;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted';
  source: 'Local' | 'Remote';
  details?: { valueBefore: CellValue; valueAfter: CellValue; valueTypeBefore: string; valueTypeAfter: string };
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
}

export interface SortedEventArgs {
  type: 'WorksheetRowSorted';
  worksheetId: string;
  address: string;
  source: 'Local' | 'Remote';
}

export type EventArgs = ChangedEventArgs | SortedEventArgs;
type Handler = (args: never) => Promise<unknown>;

interface Registration {
  kind: EventKind;
  /** Worksheet id or table id. */
  owner: string;
  handler: Handler;
}

export class EventRegistry {
  private readonly registrations = new Map<number, Registration>();
  private nextId = 1;
  private queue: Array<() => Promise<unknown>> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly failures: unknown[] = [];
  /** Every event fired, delivered or not, for tests to inspect. */
  readonly log: EventArgs[] = [];

  register(kind: EventKind, owner: string, handler: Handler): number {
    const id = this.nextId++;
    this.registrations.set(id, { kind, owner, handler });
    return id;
  }

  unregister(id: number): void {
    this.registrations.delete(id);
  }

  count(kind?: EventKind): number {
    let n = 0;
    for (const r of this.registrations.values()) if (!kind || r.kind === kind) n++;
    return n;
  }

  fire(kind: EventKind, owner: string, args: EventArgs): void {
    this.log.push(args);
    for (const r of this.registrations.values()) {
      if (r.kind !== kind || r.owner !== owner) continue;
      const handler = r.handler as (args: EventArgs) => Promise<unknown>;
      this.queue.push(() => handler(structuredClone(args)));
    }
    if (this.queue.length > 0 && !this.timer) this.timer = setTimeout(() => void this.deliver(), 0);
  }

  /** Delivers every queued event and waits for the handlers; rethrows the first handler failure. */
  async flush(): Promise<void> {
    while (this.queue.length > 0) await this.deliver();
    if (this.failures.length > 0) throw this.failures.splice(0)[0];
  }

  private async deliver(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    // Started in order, as Office delivers them; a handler's own Excel.run may overlap the next handler.
    await Promise.all(batch.map((send) => send().catch((error: unknown) => this.failures.push(error))));
  }
}
