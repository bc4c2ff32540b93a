// The fake Excel host: `run(batch)` with a fresh request context, a round-trip counter with each sync's request
// and response sizes (refused over Excel on the web's payload limit), the workbook, requirement sets, and the
// events Excel fires after each batch or person's action (the add-in's own writes included). `user` is a person.
import { formatRect, intersect, parseAddress, type Rect } from './address.ts';
import { FakeRequestContext, type Queued } from './context.ts';
import { ErrorCodes, FakeOfficeError } from './errors.ts';
import { type ChangedEventArgs, EventRegistry } from './events.ts';
import type { ExcelState } from './proxy-state.ts';
import { ApplicationProxy } from './range-proxies.ts';
import { WorkbookProxy } from './sheet-proxies.ts';
import { ExcelUser } from './user.ts';
import { type CellValue, valueType } from './values.ts';
import { type Cell, type ChangeRecord, type Sheet, type Table, WorkbookState } from './workbook.ts';

export interface FakeExcelOptions {
  /** Requirement sets the host claims, as version strings (default ExcelApi '1.18'). */
  requirementSets?: Record<string, string>;
  /** Largest request or response of one sync, in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
  suspendCalculation: boolean;
  suspendScreen: boolean;
}

export type FakeExcelContext = FakeRequestContext & { readonly workbook: WorkbookProxy; readonly application: ApplicationProxy };

export class FakeExcel {
  readonly state: ExcelState;
  readonly events = new EventRegistry();
  readonly user: ExcelUser;
  /** A co-author working on the same workbook in their own Excel: their edits arrive with source `Remote`. */
  readonly remote: ExcelUser;
  /** Syncs that reached the host (a sync with nothing queued does not). */
  roundTrips = 0;
  readonly syncs: SyncRecord[] = [];
  private readonly sets: Record<string, string>;
  private readonly payloadLimit: number;

  constructor(options: FakeExcelOptions = {}) {
    this.sets = options.requirementSets ?? { ExcelApi: '1.18' };
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.state = { wb: new WorkbookState(), events: this.events, supports: (set, version) => this.isSetSupported(set, version) };
    this.user = new ExcelUser(this);
    this.remote = new ExcelUser(this, 'Remote');
  }

  /** `Excel.run`: the batch gets a fresh context; what it leaves queued is sent by a final sync. */
  readonly run = async <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext({ execute: (queue, flags) => this.execute(queue, flags) });
    const full = Object.assign(context, { workbook: new WorkbookProxy(context, this.state), application: new ApplicationProxy(context, this.state) });
    const result = await batch(full);
    await context.sync();
    return result;
  };

  /** Office's `isSetSupported`: versions compare part by part (1.10 is after 1.9). */
  isSetSupported(name: string, version = '1.1'): boolean {
    const supported = this.sets[name];
    if (supported === undefined) return false;
    const [a1 = 0, a2 = 0] = supported.split('.').map(Number);
    const [b1 = 0, b2 = 0] = String(version).split('.').map(Number);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  }

  /** One round trip: refused whole if the request is too large; otherwise runs the calls in order (a failing call
   *  stops the batch, earlier calls stay done, as in Office), then fires the events of what changed. */
  private async execute(queue: Queued[], flags: { suspendCalculation: boolean; suspendScreen: boolean }): Promise<void> {
    this.roundTrips++;
    await Promise.resolve();
    const requestBytes = queue.reduce((sum, q) => sum + q.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, calls: queue.length, ...flags };
    this.syncs.push(record);
    if (requestBytes > this.payloadLimit)
      throw new FakeOfficeError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload (${requestBytes} bytes) is larger than the limit.`);
    try {
      for (const q of queue) record.responseBytes += q.run() ?? 8;
    } finally {
      this.fireChanges();
    }
    if (record.responseBytes > this.payloadLimit)
      throw new FakeOfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload (${record.responseBytes} bytes) is larger than the limit.`);
  }

  /** Runs a person's action and fires its events; false when it threw an Office error (refused). */
  act(action: () => void, source: 'Local' | 'Remote' = 'Local'): boolean {
    this.state.wb.source = source;
    try {
      action();
      return true;
    } catch (error) {
      if (error instanceof FakeOfficeError) return false;
      throw error;
    } finally {
      this.state.wb.source = 'Local';
      this.fireChanges();
    }
  }

  private fireChanges(): void {
    const changes = this.state.wb.changes.splice(0);
    for (const change of changes) this.fire(change);
  }

  private fire(change: ChangeRecord): void {
    const { sheet, rect } = change;
    if (change.sorted) {
      if (this.isSetSupported('ExcelApi', '1.10'))
        this.events.fire('WorksheetRowSorted', sheet.id, { type: 'WorksheetRowSorted', worksheetId: sheet.id, address: formatRect(rect), source: change.source });
      return;
    }
    const base: ChangedEventArgs = { type: 'WorksheetChanged', worksheetId: sheet.id, address: formatRect(rect), changeType: change.changeType, source: change.source };
    if (change.details)
      base.details = { ...change.details, valueTypeBefore: valueType(change.details.valueBefore), valueTypeAfter: valueType(change.details.valueAfter) };
    if (this.isSetSupported('ExcelApi', '1.14')) base.triggerSource = change.byAddin ? 'ThisLocalAddin' : 'Unknown';
    this.events.fire('WorksheetChanged', sheet.id, base);
    for (const table of this.state.wb.tablesOn(sheet)) {
      const within = intersect(table.wholeRect(), rect);
      if (within) this.events.fire('TableChanged', table.id, { ...base, type: 'TableChanged', tableId: table.id, address: formatRect(within) });
    }
  }

  /** Delivers pending events and waits for their handlers. */
  flushEvents(): Promise<void> {
    return this.events.flush();
  }

  // ---- inspection for tests ----------------------------------------------------------------------------------

  sheet(name: string): Sheet {
    const sheet = this.state.wb.sheetByName(name);
    if (!sheet) throw new Error(`no sheet « ${name} »`);
    return sheet;
  }

  table(name: string): Table {
    const table = this.state.wb.tableByName(name);
    if (!table) throw new Error(`no table « ${name} »`);
    return table;
  }

  /** The values of a rectangle of a sheet. */
  values(sheetName: string, rect: Rect): CellValue[][] {
    const sheet = this.sheet(sheetName);
    return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.columns }, (_, j) => sheet.cell(rect.row + i, rect.column + j).value));
  }

  /** A table's header and body values, as rows of cells. */
  tableValues(name: string): CellValue[][] {
    const table = this.table(name);
    return this.values(table.sheet.name, table.wholeRect());
  }

  /** One body cell of a table, by body row (from 0) and header. */
  tableCell(name: string, row: number, column: string): Cell {
    const table = this.table(name);
    const c = table.columns.indexOf(column);
    if (c < 0) throw new Error(`no column « ${column} » in ${name}`);
    return table.sheet.cell(table.top + 1 + row, table.left + c);
  }

  /** The body row (from 0) whose cell in `column` holds `value`, or -1. */
  rowWhere(name: string, column: string, value: CellValue): number {
    const table = this.table(name);
    for (let i = 0; i < table.rows; i++) if (this.tableCell(name, i, column).value === value) return i;
    return -1;
  }

  noteAt(sheetName: string, address: string): string | null {
    const { rect } = parseAddress(address);
    return this.sheet(sheetName).cell(rect.row, rect.column).note;
  }
}
