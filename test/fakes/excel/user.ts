// A person working in the fake Excel: types into a cell (checked against sheet protection and list validation,
// as Excel's UI does), pastes a block (no validation, as Excel), types or pastes right under a table (which grows
// only on an unprotected sheet), deletes rows, clears cells, sorts and filters a table. Each action returns false
// when Excel would refuse it, and fires the events Excel fires for it.
import { columnLetters, MAX_COLUMNS, parseAddress, type Rect } from './address.ts';
import type { FakeExcel } from './fake-excel.ts';
import { type CellValue, compareCells, enter } from './values.ts';
import type { Sheet, Table } from './workbook.ts';

export class ExcelUser {
  constructor(
    private readonly excel: FakeExcel,
    /** `Remote`: a co-author editing the same workbook in their own Excel (Office co-authoring). */
    readonly source: 'Local' | 'Remote' = 'Local',
  ) {}

  /** Types `text` into one cell (Enter): refused on a locked cell of a protected sheet or by a « Stop » validation. */
  type(sheetName: string, address: string, text: string): boolean {
    const sheet = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    if (rect.rows !== 1 || rect.columns !== 1) throw new Error('type() takes one cell; use paste() for a block');
    if (sheet.protection.protected && sheet.isLocked(rect.row, rect.column)) return false;
    if (!this.passesValidation(sheet, rect.row, rect.column, text)) return false;
    return this.excel.act(() => {
      this.growUnder(sheet, rect);
      this.excel.state.wb.setValues(sheet, rect, [[text]], false, enter);
    }, this.source);
  }

  /** Types into the cell of a table's body row (`row` counts from 0) and column (by header). */
  typeInTable(tableName: string, row: number, column: string, text: string): boolean {
    const table = this.table(tableName);
    return this.type(table.sheet.name, this.cellAddress(table, row, column), text);
  }

  /** Types into the first empty row under the table (`below` rows further down): Excel extends the table if it can. */
  typeBelow(tableName: string, column: string, text: string, below = 0): boolean {
    const table = this.table(tableName);
    return this.type(table.sheet.name, this.cellAddress(table, table.rows + below, column), text);
  }

  /** Pastes a block whose top-left cell is `address`: refused if it covers a locked cell of a protected sheet. */
  paste(sheetName: string, address: string, block: CellValue[][]): boolean {
    const sheet = this.sheet(sheetName);
    const { rect: at } = parseAddress(address);
    const rect: Rect = { row: at.row, column: at.column, rows: block.length, columns: block[0]?.length ?? 0 };
    if (rect.columns === 0 || block.some((row) => row.length !== rect.columns)) throw new Error('paste() takes a rectangular block');
    if (sheet.protection.protected && sheet.anyLocked(rect)) return false;
    return this.excel.act(() => {
      this.growUnder(sheet, rect);
      this.excel.state.wb.setValues(sheet, rect, block, false, enter);
    }, this.source);
  }

  pasteInTable(tableName: string, row: number, column: string, block: CellValue[][]): boolean {
    const table = this.table(tableName);
    return this.paste(table.sheet.name, this.cellAddress(table, row, column), block);
  }

  /** Selects cells and presses Delete. */
  clear(sheetName: string, address: string): boolean {
    const { rect } = parseAddress(address);
    return this.paste(sheetName, address, Array.from({ length: rect.rows }, () => Array.from({ length: rect.columns }, () => '')));
  }

  /** Deletes whole sheet rows through a table's body rows: needs « Delete rows » and unlocked rows on a protected sheet. */
  deleteRows(tableName: string, row: number, count = 1): boolean {
    const table = this.table(tableName);
    const sheet = table.sheet;
    const whole: Rect = { row: table.top + 1 + row, column: 0, rows: count, columns: MAX_COLUMNS };
    if (sheet.protection.protected && (!sheet.protection.options.allowDeleteRows || sheet.anyLocked(whole))) return false;
    return this.excel.act(() => this.excel.state.wb.deleteTableRows(table, row, count, false), this.source);
  }

  /** Sorts the table's body rows by one column (blanks last, as Excel): rows move, the event is onRowSorted. */
  sort(tableName: string, column: string, order: 'Ascending' | 'Descending' = 'Ascending'): boolean {
    const table = this.table(tableName);
    const sheet = table.sheet;
    if (sheet.protection.protected && (!sheet.protection.options.allowSort || sheet.anyLocked(table.bodyRect()))) return false;
    const c = this.columnOf(table, column);
    const top = table.top + 1;
    const rows = Array.from({ length: table.rows }, (_, i) => top + i);
    const key = (r: number) => sheet.cell(r, table.left + c).value;
    const sorted = [...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === '' || kb === '') return (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0);
      return order === 'Ascending' ? compareCells(ka, kb) : compareCells(kb, ka);
    });
    return this.excel.act(() => {
      sheet.permute(top, sorted, table.left, table.width);
      this.excel.state.wb.changes.push({ sheet, rect: table.bodyRect(), changeType: 'RangeEdited', byAddin: false, source: this.source, details: null, sorted: true });
    }, this.source);
  }

  /** Filters the table on one column (null: shows every row again): rows are hidden, nothing changes value. */
  filter(tableName: string, column: string, keep: ((value: CellValue) => boolean) | null): boolean {
    const table = this.table(tableName);
    const sheet = table.sheet;
    if (sheet.protection.protected && !sheet.protection.options.allowAutoFilter) return false;
    const c = this.columnOf(table, column);
    for (let i = 0; i < table.rows; i++) {
      const r = table.top + 1 + i;
      if (keep === null || keep(sheet.cell(r, table.left + c).value)) sheet.hiddenRows.delete(r);
      else sheet.hiddenRows.add(r);
    }
    return true;
  }

  cellAddress(table: Table, row: number, column: string): string {
    return `${columnLetters(table.left + this.columnOf(table, column))}${table.top + 2 + row}`;
  }

  private columnOf(table: Table, column: string): number {
    const c = table.columns.indexOf(column);
    if (c < 0) throw new Error(`no column « ${column} » in ${table.name} (${table.columns.join(', ')})`);
    return c;
  }

  /** Excel's table AutoExpansion: typing or pasting right under a table extends it, except on a protected sheet. */
  private growUnder(sheet: Sheet, rect: Rect): void {
    if (sheet.protection.protected) return;
    for (const table of this.excel.state.wb.tablesOn(sheet)) {
      const under = table.top + 1 + table.rows;
      if (rect.row === under && rect.column >= table.left && rect.column + rect.columns <= table.left + table.width) table.rows += rect.rows;
    }
  }

  private passesValidation(sheet: Sheet, row: number, column: number, text: string): boolean {
    const validation = sheet.validationAt(row, column);
    if (!validation?.rule || text === '') return true;
    const allowed = this.listValues(validation.rule.list.source).map((v) => String(v).toLowerCase());
    if (allowed.includes(text.trim().toLowerCase())) return true;
    return !(validation.errorAlert.showAlert && validation.errorAlert.style === 'Stop');
  }

  /** The items of a list rule: `a,b,c` or a reference such as `=Listes!$A$2:$A$9`. */
  listValues(source: string): CellValue[] {
    if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
    const parsed = parseAddress(source.slice(1));
    const sheet = parsed.sheet === null ? null : this.excel.state.wb.sheetByName(parsed.sheet);
    if (!sheet) return [];
    const out: CellValue[] = [];
    for (let r = parsed.rect.row; r < parsed.rect.row + Math.min(parsed.rect.rows, 5000); r++) out.push(sheet.cell(r, parsed.rect.column).value);
    return out.filter((v) => v !== '');
  }

  private sheet(name: string): Sheet {
    const sheet = this.excel.state.wb.sheetByName(name);
    if (!sheet) throw new Error(`no sheet « ${name} »`);
    return sheet;
  }

  private table(name: string): Table {
    const table = this.excel.state.wb.tableByName(name);
    if (!table) throw new Error(`no table « ${name} »`);
    return table;
  }
}
