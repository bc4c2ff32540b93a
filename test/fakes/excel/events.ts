// The fake's events: handlers registered per worksheet or table (taking effect at a sync, like Office), delivered
// asynchronously after the change with Excel's argument shapes. `details` only for a change of one cell;
// `triggerSource` only where ExcelApi 1.14 is supported (`ThisLocalAddin` for the add-in's own writes).
import { OfficeEventRegistry } from '../office/events.ts';
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
/** Handlers are typed by the adapter for the one event they listen to. */
export class EventRegistry extends OfficeEventRegistry<EventKind, string, EventArgs> {
  fire(kind: EventKind, owner: string, args: EventArgs): void {
    this.dispatch(kind, owner, args);
  }
}
