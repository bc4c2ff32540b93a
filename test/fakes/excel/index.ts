// A faithful fake of the slice of Excel's JavaScript API the Excel adapter uses (see fake-excel.ts and user.ts).
export { columnLetters, formatRect, parseAddress, type Rect } from './address.ts';
export { ErrorCodes, FakeOfficeError } from './errors.ts';
export type { ChangedEventArgs, EventArgs, EventKind, SortedEventArgs } from './events.ts';
export { FakeExcel, type FakeExcelContext, type FakeExcelOptions, type SyncRecord } from './fake-excel.ts';
export type { ExcelUser } from './user.ts';
export { type CellValue, isoOfSerial, serialOf } from './values.ts';
export type { Cell, ProtectionOptions } from './workbook.ts';
