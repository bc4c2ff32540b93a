// The fake Excel's workbook, worksheets (protection, notes, events) and tables (rows, body and header ranges,
// resize): each call queues work on the context; each property read needs a load and a sync first. Only the slice
// the Excel adapter uses.
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from './address.ts';
import { ClientObject, type FakeRequestContext, jsonBytes } from './context.ts';
import { accessDenied, ErrorCodes, FakeOfficeError, invalidArgument, notModelled } from './errors.ts';
import type { ChangedEventArgs, EventArgs, EventKind, SortedEventArgs } from './events.ts';
import { type ExcelState, requires } from './proxy-state.ts';
import { RangeProxy } from './range-proxies.ts';
import { type CellValue, enter } from './values.ts';
import type { ProtectionOptions, Sheet, Table, WorkbookState } from './workbook.ts';

// ---- events ----------------------------------------------------------------------------------------------------

export class EventHandlersProxy<A> {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: ExcelState,
    private readonly kind: EventKind,
    private readonly owner: () => string,
    private readonly version: string,
  ) {}

  add(handler: (args: A) => Promise<unknown>): { context: FakeRequestContext; remove(): void } {
    requires(this.context, this.state, this.version, `${this.kind} events`);
    let id: number | null = null;
    this.context.enqueue(() => {
      // reason: the registry holds handlers of every event kind; this one only ever receives its own kind `A`.
      id = this.state.events.register(this.kind, this.owner(), handler as unknown as (args: EventArgs) => Promise<unknown>);
      return undefined;
    });
    const context = this.context;
    return {
      context,
      remove: () => {
        context.enqueue(() => {
          if (id !== null) this.state.events.unregister(id);
          return undefined;
        });
      },
    };
  }
}

// ---- workbook, worksheets --------------------------------------------------------------------------------------

export class WorkbookProxy extends ClientObject<WorkbookState> {
  protected readonly scalars = [] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;

  constructor(context: FakeRequestContext, state: ExcelState) {
    super(context, () => state.wb, 'Workbook');
    this.worksheets = new WorksheetCollectionProxy(context, state);
    this.tables = new TableCollectionProxy(context, state, () => null);
  }

  protected read(): unknown {
    return undefined;
  }
}

export class WorksheetCollectionProxy extends ClientObject<Sheet[]> {
  protected readonly scalars = ['name', 'id', 'visibility'] as const;
  private loadedItems: WorksheetProxy[] = [];

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
  ) {
    super(context, () => state.wb.sheets, 'WorksheetCollection');
  }

  get items(): WorksheetProxy[] {
    this.get('items');
    return this.loadedItems;
  }

  protected read(): unknown {
    return undefined;
  }

  override loadNow(names: readonly string[]): number {
    const sheets = [...this.state.wb.sheets];
    this.loadedItems = sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, this.state, () => sheet);
      proxy.loadNow(names);
      return proxy;
    });
    this.loaded.set('items', true);
    return 16 + sheets.length * 48;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.state, () => this.state.wb.sheetByName(name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.state, () => this.state.wb.sheetByName(name)).nullable$();
  }

  add(name: string): WorksheetProxy {
    let made: Sheet | null = null;
    this.context.enqueue(() => {
      made = this.state.wb.addSheet(name);
      return undefined;
    });
    return new WorksheetProxy(this.context, this.state, () => made);
  }
}

export class WorksheetProxy extends ClientObject<Sheet> {
  protected readonly scalars = ['name', 'id', 'visibility'] as const;
  readonly protection: WorksheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly onChanged: EventHandlersProxy<ChangedEventArgs>;
  readonly onRowSorted: EventHandlersProxy<SortedEventArgs>;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Sheet | null,
  ) {
    super(context, resolver, 'Worksheet');
    this.protection = new WorksheetProtectionProxy(context, () => this.target());
    this.tables = new TableCollectionProxy(context, state, () => this.target());
    this.notes = new NoteCollectionProxy(context, state, () => this.target());
    this.onChanged = new EventHandlersProxy(context, state, 'WorksheetChanged', () => this.target().id, '1.7');
    this.onRowSorted = new EventHandlersProxy(context, state, 'WorksheetRowSorted', () => this.target().id, '1.10');
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (sheet) => {
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.get('visibility');
  }
  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.set('visibility', value, (sheet) => {
      sheet.visibility = value;
    });
  }

  protected read(sheet: Sheet, name: string): unknown {
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    return sheet.visibility;
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument('Worksheet.getRange', 'another sheet');
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.context, this.state, () => ({ sheet: this.target(), rect: { row, column, rows, columns } }));
  }

  activate(): void {
    this.queue((sheet) => {
      this.state.wb.active = sheet;
    });
  }
}

export class WorksheetProtectionProxy extends ClientObject<Sheet> {
  protected readonly scalars = ['protected', 'options'] as const;

  constructor(context: FakeRequestContext, resolver: () => Sheet) {
    super(context, resolver, 'WorksheetProtection');
  }

  get protected(): boolean {
    return this.get('protected');
  }
  get options(): ProtectionOptions {
    return this.get('options');
  }

  protected read(sheet: Sheet, name: string): unknown {
    return name === 'protected' ? sheet.protection.protected : { ...sheet.protection.options };
  }

  /** As Excel does now, protecting a protected sheet (or unprotecting an unprotected one) is refused. */
  protect(options?: ProtectionOptions, password?: string): void {
    if (password !== undefined) throw notModelled('protect with a password');
    this.queue((sheet) => {
      if (sheet.protection.protected) throw accessDenied('WorksheetProtection.protect');
      sheet.protection = { protected: true, options: { ...(options ?? {}) } };
    });
  }

  unprotect(): void {
    this.queue((sheet) => {
      if (!sheet.protection.protected) throw accessDenied('WorksheetProtection.unprotect');
      sheet.protection = { protected: false, options: sheet.protection.options };
    });
  }
}

export class NoteCollectionProxy extends ClientObject<Sheet> {
  protected readonly scalars = [] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Sheet,
  ) {
    super(context, resolver, 'NoteCollection');
  }

  protected read(): unknown {
    return undefined;
  }

  /** A note belongs to its cell: it moves with the cell when rows are sorted or deleted. */
  add(cellAddress: string, content: string): NoteProxy {
    requires(this.context, this.state, '1.18', 'NoteCollection.add');
    const at = oneCell(cellAddress);
    this.queue((sheet) => {
      if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw accessDenied('NoteCollection.add');
      if (sheet.cell(at.row, at.column).note !== null) throw new FakeOfficeError(ErrorCodes.invalidOperation, `The cell ${cellAddress} already has a note.`);
      sheet.put(at.row, at.column, { note: content });
    }, 64 + content.length);
    return new NoteProxy(this.context, () => this.target(), at);
  }

  getItemOrNullObject(cellAddress: string): NoteProxy {
    requires(this.context, this.state, '1.18', 'NoteCollection.getItemOrNullObject');
    return new NoteProxy(this.context, () => this.target(), oneCell(cellAddress), true).nullable$();
  }
}

function oneCell(address: string): { row: number; column: number } {
  const { rect } = parseAddress(address);
  if (rect.rows !== 1 || rect.columns !== 1) throw invalidArgument('NoteCollection', 'a note belongs to one cell');
  return rect;
}

export class NoteProxy extends ClientObject<{ sheet: Sheet; row: number; column: number }> {
  protected readonly scalars = ['content'] as const;

  constructor(context: FakeRequestContext, sheet: () => Sheet, at: { row: number; column: number }, nullable = false) {
    super(context, () => (nullable && sheet().cell(at.row, at.column).note === null ? null : { sheet: sheet(), row: at.row, column: at.column }), 'Note');
  }

  get content(): string {
    return this.get('content');
  }

  protected read(target: { sheet: Sheet; row: number; column: number }): unknown {
    return target.sheet.cell(target.row, target.column).note ?? '';
  }

  delete(): void {
    this.queue(({ sheet, row, column }) => {
      if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw accessDenied('Note.delete');
      sheet.put(row, column, { note: null });
    });
  }
}

// ---- tables ----------------------------------------------------------------------------------------------------

export class TableCollectionProxy extends ClientObject<Table[]> {
  protected readonly scalars = ['name', 'id'] as const;
  private loadedItems: TableProxy[] = [];

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    private readonly sheet: () => Sheet | null,
  ) {
    super(context, () => this.list(), 'TableCollection');
  }

  private list(): Table[] {
    const sheet = this.sheet();
    return sheet ? this.state.wb.tablesOn(sheet) : this.state.wb.tables;
  }

  get items(): TableProxy[] {
    this.get('items');
    return this.loadedItems;
  }

  protected read(): unknown {
    return undefined;
  }

  override loadNow(names: readonly string[]): number {
    const tables = this.list();
    this.loadedItems = tables.map((table) => {
      const proxy = new TableProxy(this.context, this.state, () => table);
      proxy.loadNow(names);
      return proxy;
    });
    this.loaded.set('items', true);
    return 16 + tables.length * 48;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, this.state, () => this.find(name));
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, this.state, () => this.find(name)).nullable$();
  }

  private find(name: string): Table | null {
    return this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let made: Table | null = null;
    this.context.enqueue(() => {
      const parsed = parseAddress(address);
      const sheet = this.sheet() ?? (parsed.sheet !== null ? this.state.wb.sheetByName(parsed.sheet) : null);
      if (!sheet) throw invalidArgument('TableCollection.add', 'the address must name a sheet');
      made = this.state.wb.addTable(sheet, parsed.rect, hasHeaders);
      return undefined;
    });
    return new TableProxy(this.context, this.state, () => made);
  }
}

export class TableProxy extends ClientObject<Table> {
  protected readonly scalars = ['name', 'id'] as const;
  readonly rows: TableRowCollectionProxy;
  readonly onChanged: EventHandlersProxy<ChangedEventArgs>;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Table | null,
  ) {
    super(context, resolver, 'Table');
    this.rows = new TableRowCollectionProxy(context, state, () => this.target());
    this.onChanged = new EventHandlersProxy(context, state, 'TableChanged', () => this.target().id, '1.7');
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (table) => {
      if (this.state.wb.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase())) throw invalidArgument('Table.name', 'name taken');
      table.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }

  protected read(table: Table, name: string): unknown {
    return name === 'name' ? table.name : table.id;
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this.state, () => this.target().sheet);
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const table = this.target();
      return { sheet: table.sheet, rect: table.bodyRect() };
    });
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const table = this.target();
      return { sheet: table.sheet, rect: table.headerRect() };
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const table = this.target();
      return { sheet: table.sheet, rect: table.wholeRect() };
    });
  }

  /** Deletes the table and what it holds. */
  delete(): void {
    this.queue((table) => {
      this.state.wb.checkStructure(table.sheet, 'Table.delete');
      const { row, column, rows, columns } = table.wholeRect();
      for (let r = row; r < row + rows; r++) for (let c = column; c < column + columns; c++) table.sheet.put(r, c, { value: '', fill: null, note: null });
      this.state.wb.tables.splice(this.state.wb.tables.indexOf(table), 1);
    });
  }

  /** Resizes the table over a new range: same header row and columns, more or fewer body rows (ExcelApi 1.13). */
  resize(address: string): void {
    requires(this.context, this.state, '1.13', 'Table.resize');
    this.queue((table) => {
      this.state.wb.checkStructure(table.sheet, 'Table.resize');
      const { rect } = parseAddress(address);
      if (rect.row !== table.top || rect.column !== table.left || rect.columns !== table.width || rect.rows < 2)
        throw notModelled('Table.resize other than adding or removing body rows');
      table.rows = rect.rows - 1;
    });
  }
}

export class TableRowCollectionProxy extends ClientObject<Table> {
  protected readonly scalars = ['count'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Table,
  ) {
    super(context, resolver, 'TableRowCollection');
  }

  get count(): number {
    return this.get('count');
  }

  protected read(table: Table): unknown {
    return table.rows;
  }

  /** Adds rows at `index` (null: at the end) and fills them with `values`. */
  add(index?: number | null, values?: CellValue[][]): TableRowProxy {
    let at = -1;
    this.queue(
      (table) => {
        this.state.wb.checkStructure(table.sheet, 'TableRowCollection.add');
        const rows = values ?? [Array.from({ length: table.width }, () => '')];
        if (rows.some((row) => row.length !== table.width)) throw invalidArgument('TableRowCollection.add', 'values must span the table');
        // A table that only shows its placeholder row (one blank row) fills it first, as Excel does.
        const placeholder = table.rows === 1 && (index ?? null) === null && isBlankRow(table, 0);
        at = placeholder ? 0 : this.state.wb.insertTableRows(table, index ?? null, rows.length, true);
        if (placeholder && rows.length > 1) this.state.wb.insertTableRows(table, 1, rows.length - 1, true);
        this.state.wb.setValues(table.sheet, { row: table.top + 1 + at, column: table.left, rows: rows.length, columns: table.width }, rows, true, enter);
      },
      64 + jsonBytes(values ?? []),
    );
    return new TableRowProxy(this.context, this.state, () => (at < 0 ? null : { table: this.target(), index: at }));
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, this.state, () => {
      const table = this.target();
      return index >= 0 && index < table.rows ? { table, index } : null;
    });
  }
}

function isBlankRow(table: Table, index: number): boolean {
  for (let c = 0; c < table.width; c++) if (table.sheet.cell(table.top + 1 + index, table.left + c).value !== '') return false;
  return true;
}

export class TableRowProxy extends ClientObject<{ table: Table; index: number }> {
  protected readonly scalars = ['index', 'values'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => { table: Table; index: number } | null,
  ) {
    super(context, resolver, 'TableRow');
  }

  get index(): number {
    return this.get('index');
  }
  get values(): CellValue[][] {
    return this.get('values');
  }

  protected read(target: { table: Table; index: number }, name: string): unknown {
    if (name === 'index') return target.index;
    const { table } = target;
    return [Array.from({ length: table.width }, (_, c) => table.sheet.cell(table.top + 1 + target.index, table.left + c).value)];
  }

  delete(): void {
    this.queue(({ table, index }) => {
      this.state.wb.checkStructure(table.sheet, 'TableRow.delete');
      this.state.wb.deleteTableRows(table, index, 1, true);
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const { table, index } = this.target();
      return { sheet: table.sheet, rect: { row: table.top + 1 + index, column: table.left, rows: 1, columns: table.width } };
    });
  }
}

