// What the Excel adapter's operations share: the Excel API and its requirement sets, the payload budget, the state
// of each table and of the lists sheet, the layout of the last snapshot, the echo guard and the marks.
import type { EchoGuard } from './echo.ts';
import type { ExcelApi, ExcelProtectionOptions } from './excel-api.ts';
import { type TableKey, tableDefs } from '../../../shared/workbook/layout.ts';
import type { CellMarks } from './marks.ts';
import { TableState } from './table-state.ts';
import type { WorkbookLayout } from '../../../shared/workbook/workbook-layout.ts';

/** People may sort, filter, delete rows and format; headers and hidden columns stay as they are. */
export const PROTECTION: ExcelProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowDeleteRows: true,
  allowFormatCells: true,
  allowEditObjects: true,
};

export interface ListsState {
  exists: boolean;
  protected: boolean;
  /** Per list (column of the « Listes » sheet): its values as written, or null when unknown. */
  columns: string[][] | null;
}

export class Session {
  readonly states = new Map<TableKey, TableState>();
  layout: WorkbookLayout | null = null;
  readonly lists: ListsState = { exists: false, protected: false, columns: null };
  /** Sheets whose events are listened to (by sheet id). */
  readonly listened = new Set<string>();

  constructor(
    readonly excel: ExcelApi,
    private readonly supportsSet: (set: string, version: string) => boolean,
    readonly budget: number,
    readonly marginRows: number,
    readonly echo: EchoGuard,
    readonly marks: CellMarks,
  ) {
    for (const def of tableDefs([], 0)) this.states.set(def.key, new TableState(def));
  }

  supports(version: string): boolean {
    return this.supportsSet('ExcelApi', version);
  }

  state(key: TableKey): TableState {
    return this.states.get(key) as TableState;
  }

  /** The table state under the layout's definition of it (its columns follow the convention's years). */
  adopt(layout: WorkbookLayout): void {
    this.layout = layout;
    for (const def of layout.defs) {
      const state = this.state(def.key);
      state.def = def;
    }
  }

  tableOnSheet(sheetId: string): TableState | undefined {
    return [...this.states.values()].find((s) => s.exists && s.sheetId === sheetId);
  }

  forgetAll(): void {
    for (const state of this.states.values()) state.forget();
    this.lists.exists = false;
    this.lists.columns = null;
  }
}
