// The slice of Excel's JavaScript API the Excel adapter uses, typed narrowly: the real `Excel` global and the test
// fake both satisfy it (checked at compile time below), so the adapter never names `Excel` itself.
import type { CellValue } from '../../../shared/workbook/cell-value.ts';

export type { CellValue };

interface Loadable {
  load(names?: string | string[]): unknown;
}

/** What `onChanged` tells: where, how, and (ExcelApi 1.14) whether this add-in did it; details for one cell only. */
export interface ExcelChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
  readonly details?: { readonly valueAfter: unknown } | null;
  readonly triggerSource?: string;
}

export interface ExcelSortedArgs {
  readonly worksheetId: string;
  readonly address: string;
}

export interface ExcelHandlerResult {
  readonly context: { sync(): Promise<void> };
  remove(): void;
}

export interface ExcelEvent<A> {
  add(handler: (args: A) => Promise<unknown>): ExcelHandlerResult;
}

export interface ExcelProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteRows?: boolean;
  allowInsertRows?: boolean;
  allowFormatCells?: boolean;
  allowSort?: boolean;
  allowEditObjects?: boolean;
}

export interface ExcelWorksheetProtection extends Loadable {
  readonly protected: boolean;
  protect(options?: ExcelProtectionOptions): void;
  unprotect(): void;
}

export interface ExcelFill {
  color: string;
  clear(): void;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelFill;
  readonly font: { bold: boolean; color: string };
  readonly protection: { locked: boolean };
  columnWidth: number;
  wrapText: boolean;
}

export interface ExcelDataValidation {
  /** Written only: a list rule whose source is `a,b` or a reference such as `=Listes!$A$2:$A$9`. */
  rule: { list?: { inCellDropDown: boolean; source: unknown } };
  errorAlert: { showAlert: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string; message: string };
  clear(): void;
}

export interface ExcelRange extends Loadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: CellValue[][];
  numberFormat: string[][];
  columnHidden: boolean;
  readonly format: ExcelRangeFormat;
  readonly dataValidation: ExcelDataValidation;
  getCell(row: number, column: number): ExcelRange;
  getResizedRange(deltaRows: number, deltaColumns: number): ExcelRange;
  getOffsetRange(rowOffset: number, columnOffset: number): ExcelRange;
  getRow(row: number): ExcelRange;
  getColumn(column: number): ExcelRange;
  select(): void;
}

export interface ExcelTableRow {
  delete(): void;
}

export interface ExcelTableRows {
  add(index?: number | null, values?: CellValue[][]): unknown;
  getItemAt(index: number): ExcelTableRow;
}

export interface ExcelTable extends Loadable {
  readonly isNullObject: boolean;
  name: string;
  readonly worksheet: ExcelWorksheet;
  readonly rows: ExcelTableRows;
  getDataBodyRange(): ExcelRange;
  getHeaderRowRange(): ExcelRange;
  getRange(): ExcelRange;
  /** ExcelApi 1.13. */
  resize(address: string): void;
  delete(): void;
}

export interface ExcelTables {
  add(address: string, hasHeaders: boolean): ExcelTable;
  getItemOrNullObject(name: string): ExcelTable;
}

export interface ExcelNote extends Loadable {
  readonly isNullObject: boolean;
  delete(): void;
}

export interface ExcelNotes {
  /** ExcelApi 1.18. */
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(cellAddress: string): ExcelNote;
}

export interface ExcelWorksheet extends Loadable {
  readonly id: string;
  readonly name: string;
  readonly isNullObject: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly protection: ExcelWorksheetProtection;
  readonly tables: ExcelTables;
  readonly notes: ExcelNotes;
  readonly onChanged: ExcelEvent<ExcelChangedArgs>;
  /** ExcelApi 1.10. */
  readonly onRowSorted: ExcelEvent<ExcelSortedArgs>;
  getRange(address?: string): ExcelRange;
  activate(): void;
}

export interface ExcelWorksheets {
  add(name?: string): ExcelWorksheet;
  getItemOrNullObject(name: string): ExcelWorksheet;
}

export interface ExcelContext {
  readonly workbook: { readonly worksheets: ExcelWorksheets; readonly tables: ExcelTables };
  readonly application: {
    /** ExcelApi 1.6. */
    suspendApiCalculationUntilNextSync(): void;
    /** ExcelApi 1.9. */
    suspendScreenUpdatingUntilNextSync(): void;
  };
  sync(): Promise<void>;
}

export interface ExcelApi {
  run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
}

/** The real `Excel` namespace must fit the slice: a compile-time check, nothing at run time. */
type Fits<T extends ExcelApi> = T;
export type RealExcelFits = Fits<typeof Excel>;
