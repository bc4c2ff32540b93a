// What the adapter knows of one table as Excel shows it: where it is, its body row by row (the hidden id cell
// first), and whether that is still true. A person's sort moves rows without changing a value: then the rows are
// `stale` and the next operation that needs positions loads them again. Values are kept per row, and reads are
// answered from here as long as no event said the table changed since.
import type { CellValue } from './excel-api.ts';
import type { TableDef } from '../../../shared/workbook/layout.ts';

export class TableState {
  /** The table is in the workbook (its sheet id and protection are known). */
  exists = false;
  sheetId = '';
  protected = false;
  /** Sheet row of the first body row. */
  top = 1;
  /** The body as last loaded or written, row by row; null when unknown. */
  rows: CellValue[][] | null = null;
  /** Rows may have moved (a sort, a co-author) since `rows` was loaded: positions must be loaded again. */
  stale = true;
  /** Values may have changed unseen (a co-author's edit): reads must go to Excel. */
  dirty = false;
  /**
   * Row keys seen in the table since they were last reported gone: a row deleted by a person is found missing
   * (and reported once) by the next refresh that follows their own edit, whatever was loaded in between.
   */
  readonly seen = new Set<string>();
  /** Validation applied: the last sheet row covered and each column's list source. */
  validated: { lastRow: number; sources: Array<string | null> } | null = null;
  private index = new Map<string, number>();

  constructor(public def: TableDef) {}

  get fresh(): boolean {
    return this.rows !== null && !this.stale;
  }

  take(rows: CellValue[][], top: number): void {
    this.rows = rows.map((r) => [...r]);
    this.top = top;
    this.stale = false;
    this.dirty = false;
    this.reindex();
  }

  reindex(): void {
    this.index = new Map();
    (this.rows ?? []).forEach((row, i) => {
      const key = String(row[0] ?? '');
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The body row showing this entity (its first occurrence), or -1. */
  rowOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  keyAt(row: number): string {
    return String(this.rows?.[row]?.[0] ?? '');
  }

  value(key: string, column: number): CellValue | undefined {
    const row = this.rowOf(key);
    return row < 0 ? undefined : this.rows?.[row]?.[column];
  }

  set(row: number, column: number, value: CellValue): void {
    const line = this.rows?.[row];
    if (line) line[column] = value;
  }

  /** The sheet row of a body row (zero-based). */
  sheetRow(row: number): number {
    return this.top + row;
  }

  forget(): void {
    this.exists = false;
    this.rows = null;
    this.stale = true;
    this.validated = null;
    this.index = new Map();
    this.seen.clear();
  }

  /** After a render: exactly the rows it left are known. */
  resetSeen(): void {
    this.seen.clear();
    for (const row of this.rows ?? []) if (String(row[0] ?? '') !== '') this.seen.add(String(row[0]));
  }
}
