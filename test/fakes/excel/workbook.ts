// The fake workbook's state: worksheets holding cells (value, number format, fill, note), hidden columns and rows,
// sheet protection with its options and per-range `locked`, list data validations, and tables (header row + body
// rows over a fixed column span). Every change is recorded, so the fake can fire Excel's events afterwards.
import { contains, intersect, MAX_COLUMNS, MAX_ROWS, type Rect } from './address.ts';
import { accessDenied, ErrorCodes, FakeOfficeError, invalidArgument } from './errors.ts';
import { type CellValue, GENERAL } from './values.ts';

export interface Cell {
  value: CellValue;
  format: string;
  fill: string | null;
  note: string | null;
}

export interface ProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteRows?: boolean;
  allowInsertRows?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowSort?: boolean;
  allowEditObjects?: boolean;
}

export interface ListRule {
  list: { inCellDropDown: boolean; source: string };
}

export interface ErrorAlert {
  showAlert: boolean;
  style: 'Stop' | 'Warning' | 'Information';
  title: string;
  message: string;
}

export interface Validation {
  rect: Rect;
  rule: ListRule | null;
  errorAlert: ErrorAlert;
}

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted';

/** One change for the events: which area of which sheet, how, and by whom. */
export interface ChangeRecord {
  sheet: Sheet;
  rect: Rect;
  changeType: ChangeType;
  byAddin: boolean;
  /** `Remote`: a co-author's change, arriving through Office's own co-authoring. */
  source: 'Local' | 'Remote';
  /** Only for a change of one cell, as Excel gives details only then. */
  details: { valueBefore: CellValue; valueAfter: CellValue } | null;
  sorted?: boolean;
}

export class Sheet {
  private readonly grid: Array<Array<Cell | undefined> | undefined> = [];
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly lockRects: Array<{ rect: Rect; locked: boolean }> = [];
  readonly validations: Validation[] = [];
  protection: { protected: boolean; options: ProtectionOptions } = { protected: false, options: {} };
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell {
    return this.grid[row]?.[column] ?? { value: '', format: GENERAL, fill: null, note: null };
  }

  put(row: number, column: number, patch: Partial<Cell>): void {
    if (row >= MAX_ROWS || column >= MAX_COLUMNS) throw invalidArgument('Range', 'outside the sheet');
    let line = this.grid[row];
    if (!line) {
      line = [];
      this.grid[row] = line;
    }
    line[column] = { ...this.cell(row, column), ...patch };
  }

  /** The rows and columns holding anything (for whole-column ranges and sorting). */
  usedRows(): number {
    return this.grid.length;
  }

  isLocked(row: number, column: number): boolean {
    for (let i = this.lockRects.length - 1; i >= 0; i--) {
      const entry = this.lockRects[i];
      if (entry && contains(entry.rect, row, column)) return entry.locked;
    }
    return true;
  }

  anyLocked(rect: Rect): boolean {
    const lastRow = Math.min(rect.row + rect.rows, Math.max(this.usedRows(), rect.row + 1));
    for (let r = rect.row; r < lastRow; r++) for (let c = rect.column; c < rect.column + Math.min(rect.columns, 64); c++) if (this.isLocked(r, c)) return true;
    return false;
  }

  validationAt(row: number, column: number): Validation | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const v = this.validations[i];
      if (v && contains(v.rect, row, column)) return v;
    }
    return null;
  }

  /** Moves the cells of rows ≥ `from` within columns [c0, c0+n) down by `count` (inserted cells are empty). */
  shiftDown(from: number, count: number, c0: number, columns: number): void {
    for (let r = this.usedRows() - 1; r >= from; r--) for (let c = c0; c < c0 + columns; c++) this.move(r, c, r + count, c);
    for (let r = from; r < from + count; r++) for (let c = c0; c < c0 + columns; c++) this.clearCell(r, c);
  }

  /** Removes the cells of rows [from, from+count) within the columns; the cells below move up. */
  shiftUp(from: number, count: number, c0: number, columns: number): void {
    const last = this.usedRows();
    for (let r = from; r < last; r++) for (let c = c0; c < c0 + columns; c++) this.move(r + count, c, r, c);
  }

  /** Reorders whole rows of a block: `order[i]` is the old row placed at `top + i`. */
  permute(top: number, order: readonly number[], c0: number, columns: number): void {
    const saved = order.map((from) => Array.from({ length: columns }, (_, i) => this.grid[from]?.[c0 + i]));
    saved.forEach((cells, i) => {
      cells.forEach((cell, j) => {
        if (cell) this.put(top + i, c0 + j, cell);
        else this.clearCell(top + i, c0 + j);
      });
    });
  }

  private move(fromRow: number, fromColumn: number, toRow: number, toColumn: number): void {
    const cell = this.grid[fromRow]?.[fromColumn];
    if (cell) this.put(toRow, toColumn, cell);
    else this.clearCell(toRow, toColumn);
  }

  private clearCell(row: number, column: number): void {
    const line = this.grid[row];
    if (line) line[column] = undefined;
  }
}

export class Table {
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: Sheet,
    /** Row of the header. */
    public top: number,
    readonly left: number,
    readonly columns: string[],
    /** Body rows (at least one, as in Excel: an empty table shows one blank row). */
    public rows: number,
  ) {}

  get width(): number {
    return this.columns.length;
  }

  bodyRect(): Rect {
    return { row: this.top + 1, column: this.left, rows: this.rows, columns: this.width };
  }

  wholeRect(): Rect {
    return { row: this.top, column: this.left, rows: this.rows + 1, columns: this.width };
  }

  headerRect(): Rect {
    return { row: this.top, column: this.left, rows: 1, columns: this.width };
  }
}

export class WorkbookState {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  /** Changes since the last time events were fired. */
  changes: ChangeRecord[] = [];
  active: Sheet | null = null;
  /** Who is acting: this person (and their add-in) or a co-author in their own Excel. */
  source: 'Local' | 'Remote' = 'Local';
  selection: { sheet: Sheet; rect: Rect } | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheetByName(name: string): Sheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  tableByName(name: string): Table | null {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  tablesOn(sheet: Sheet): Table[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  tableAt(sheet: Sheet, row: number, column: number): Table | null {
    return this.tablesOn(sheet).find((t) => contains(t.wholeRect(), row, column)) ?? null;
  }

  addSheet(name: string): Sheet {
    if (this.sheetByName(name)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `A sheet named '${name}' already exists.`);
    if (/[:\\/?*[\]]/.test(name) || name.length > 31 || name.trim() === '') throw invalidArgument('WorksheetCollection.add', `bad sheet name '${name}'`);
    const sheet = new Sheet(this.newId('sheet'), name);
    this.sheets.push(sheet);
    return sheet;
  }

  // ---- writes (by the add-in or a person) -------------------------------------------------------------------

  /** Writes cell values of a rectangle; each write is one change record, as one API call or one paste is. */
  setValues(sheet: Sheet, rect: Rect, values: CellValue[][], byAddin: boolean, enter: (value: CellValue, format: string) => { value: CellValue; format: string }): void {
    if (values.length !== rect.rows || values.some((row) => row.length !== rect.columns))
      throw invalidArgument('Range.values', `expected ${rect.rows}×${rect.columns} values`);
    this.checkUnlocked(sheet, rect, 'Range.values');
    let before: CellValue = '';
    values.forEach((row, i) => {
      row.forEach((input, j) => {
        const r = rect.row + i;
        const c = rect.column + j;
        const cell = sheet.cell(r, c);
        before = cell.value;
        const entered = enter(input, cell.format);
        sheet.put(r, c, { value: entered.value, format: entered.format });
      });
    });
    const single = rect.rows === 1 && rect.columns === 1;
    this.changes.push({ sheet, rect, changeType: 'RangeEdited', byAddin, source: this.source, details: single ? { valueBefore: before, valueAfter: sheet.cell(rect.row, rect.column).value } : null });
  }

  setFormats(sheet: Sheet, rect: Rect, formats: string[][]): void {
    if (formats.length !== rect.rows || formats.some((row) => row.length !== rect.columns)) throw invalidArgument('Range.numberFormat', `expected ${rect.rows}×${rect.columns} formats`);
    this.checkFormat(sheet, 'Range.numberFormat');
    formats.forEach((row, i) => {
      row.forEach((format, j) => {
        sheet.put(rect.row + i, rect.column + j, { format });
      });
    });
  }

  checkUnlocked(sheet: Sheet, rect: Rect, where: string): void {
    if (sheet.protection.protected && sheet.anyLocked(rect)) throw accessDenied(where);
  }

  /** Formatting a protected sheet needs « Format cells » allowed (the fake applies it to API calls as to people). */
  checkFormat(sheet: Sheet, where: string): void {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) throw accessDenied(where);
  }

  checkStructure(sheet: Sheet, where: string): void {
    if (sheet.protection.protected) throw accessDenied(where);
  }

  // ---- tables ------------------------------------------------------------------------------------------------

  addTable(sheet: Sheet, rect: Rect, hasHeaders: boolean): Table {
    this.checkStructure(sheet, 'TableCollection.add');
    if (!hasHeaders) throw new FakeOfficeError(ErrorCodes.notModelled, 'tables without headers are not modelled');
    if (this.tablesOn(sheet).some((t) => intersect(t.wholeRect(), rect))) throw invalidArgument('TableCollection.add', 'overlaps another table');
    const columns: string[] = [];
    for (let c = 0; c < rect.columns; c++) {
      const raw = String(sheet.cell(rect.row, rect.column + c).value).trim() || `Colonne${c + 1}`;
      let name = raw;
      for (let n = 2; columns.includes(name); n++) name = `${raw}${n}`;
      columns.push(name);
      sheet.put(rect.row, rect.column + c, { value: name });
    }
    const table = new Table(this.newId('table'), `Tableau${this.tables.length + 1}`, sheet, rect.row, rect.column, columns, Math.max(1, rect.rows - 1));
    this.tables.push(table);
    return table;
  }

  /** Inserts body rows at `index` (null: at the end), shifting the cells below within the table's columns. */
  insertTableRows(table: Table, index: number | null, count: number, byAddin: boolean): number {
    const at = index === null ? table.rows : index;
    if (at < 0 || at > table.rows) throw invalidArgument('TableRowCollection.add', 'index out of range');
    const row = table.top + 1 + at;
    table.sheet.shiftDown(row, count, table.left, table.width);
    // New table rows take the number formats of the row above, as Excel extends a table's formatting.
    if (row - 1 > table.top)
      for (let r = row; r < row + count; r++) for (let c = table.left; c < table.left + table.width; c++) table.sheet.put(r, c, { format: table.sheet.cell(row - 1, c).format });
    table.rows += count;
    this.changes.push({ sheet: table.sheet, rect: { row, column: table.left, rows: count, columns: table.width }, changeType: 'RowInserted', byAddin, source: this.source, details: null });
    return at;
  }

  /** Deletes body rows; the cells below move up. The last row of a table is cleared instead (Excel keeps one). */
  deleteTableRows(table: Table, index: number, count: number, byAddin: boolean): void {
    if (index < 0 || index + count > table.rows) throw invalidArgument('TableRow.delete', 'row out of range');
    const row = table.top + 1 + index;
    if (count >= table.rows) {
      table.sheet.shiftUp(row + 1, table.rows - 1, table.left, table.width);
      for (let c = 0; c < table.width; c++) table.sheet.put(row, table.left + c, { value: '', fill: null, note: null });
      table.rows = 1;
    } else {
      table.sheet.shiftUp(row, count, table.left, table.width);
      table.rows -= count;
    }
    this.changes.push({ sheet: table.sheet, rect: { row, column: table.left, rows: count, columns: table.width }, changeType: 'RowDeleted', byAddin, source: this.source, details: null });
  }
}
