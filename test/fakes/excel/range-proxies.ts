// The fake Excel's ranges: values and number formats (2-D), addresses, hidden columns, derived ranges (cell,
// resized, offset, row, column), selection and clearing; their format (fill, font, cell protection, width) and list
// data validation; and the application's suspend calls. Queued on the context, applied at the sync.
import { formatRect, MAX_COLUMNS, MAX_ROWS, type Rect } from './address.ts';
import { ClientObject, type FakeRequestContext, jsonBytes } from './context.ts';
import { accessDenied, ErrorCodes, FakeOfficeError, invalidArgument, notModelled } from './errors.ts';
import { type ExcelState, requires } from './proxy-state.ts';
import { type CellValue, enter } from './values.ts';
import type { ErrorAlert, ListRule, Sheet } from './workbook.ts';

// ---- ranges ----------------------------------------------------------------------------------------------------

export interface Area {
  sheet: Sheet;
  rect: Rect;
}

const LOADABLE_CELLS = 2_000_000;

export class RangeProxy extends ClientObject<Area> {
  protected readonly scalars = ['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'columnHidden', 'rowHidden'] as const;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Area | null,
  ) {
    super(context, resolver, 'Range');
    this.format = new RangeFormatProxy(context, state, () => this.target());
    this.dataValidation = new DataValidationProxy(context, () => this.target());
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): CellValue[][] {
    return this.get('values');
  }
  set values(values: CellValue[][]) {
    this.set(
      'values',
      values,
      (area) => {
        this.state.wb.setValues(area.sheet, area.rect, values, true, enter);
      },
      64 + jsonBytes(values),
    );
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.set(
      'numberFormat',
      formats,
      (area) => {
        this.state.wb.setFormats(area.sheet, area.rect, formats);
      },
      64 + jsonBytes(formats),
    );
  }
  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.set('columnHidden', hidden, ({ sheet, rect }) => {
      if (sheet.protection.protected && !sheet.protection.options.allowFormatColumns) throw accessDenied('Range.columnHidden');
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get rowHidden(): boolean {
    return this.get('rowHidden');
  }

  protected read({ sheet, rect }: Area, name: string): unknown {
    switch (name) {
      case 'address':
        return formatRect(rect, sheet.name);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'columnHidden':
        return Array.from({ length: Math.min(rect.columns, 64) }, (_, i) => sheet.hiddenColumns.has(rect.column + i)).every(Boolean);
      case 'rowHidden':
        return Array.from({ length: Math.min(rect.rows, 64) }, (_, i) => sheet.hiddenRows.has(rect.row + i)).every(Boolean);
      default: {
        if (rect.rows * rect.columns > LOADABLE_CELLS) throw notModelled(`loading ${name} of ${rect.rows * rect.columns} cells`);
        const pick = name === 'values' ? (r: number, c: number) => sheet.cell(r, c).value : (r: number, c: number) => sheet.cell(r, c).format;
        return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.columns }, (_, j) => pick(rect.row + i, rect.column + j)));
      }
    }
  }

  private derived(make: (area: Area) => Rect, what: string): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const area = this.target();
      const rect = make(area);
      if (rect.row < 0 || rect.column < 0 || rect.rows < 1 || rect.columns < 1 || rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS)
        throw invalidArgument(`Range.${what}`, 'outside the sheet');
      return { sheet: area.sheet, rect };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ rect }) => ({ row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 }), 'getCell');
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns }), 'getResizedRange');
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, row: rect.row + rowOffset, column: rect.column + columnOffset }), 'getOffsetRange');
  }

  getRow(index: number): RangeProxy {
    return this.derived(({ rect }) => ({ row: rect.row + index, column: rect.column, rows: 1, columns: rect.columns }), 'getRow');
  }

  getColumn(index: number): RangeProxy {
    return this.derived(({ rect }) => ({ row: rect.row, column: rect.column + index, rows: rect.rows, columns: 1 }), 'getColumn');
  }

  getEntireColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ row: 0, column: rect.column, rows: MAX_ROWS, columns: rect.columns }), 'getEntireColumn');
  }

  select(): void {
    this.queue((area) => {
      this.state.wb.active = area.sheet;
      this.state.wb.selection = { sheet: area.sheet, rect: area.rect };
    });
  }

  /** Clears values (`Contents`), formats, or both (`All`, the default). */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.queue(({ sheet, rect }) => {
      if (applyTo !== 'Formats') {
        this.state.wb.checkUnlocked(sheet, rect, 'Range.clear');
        const values = Array.from({ length: rect.rows }, () => Array.from({ length: rect.columns }, (): CellValue => ''));
        this.state.wb.setValues(sheet, rect, values, true, (value, format) => ({ value, format }));
      }
      if (applyTo !== 'Contents') {
        this.state.wb.checkFormat(sheet, 'Range.clear');
        for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.put(r, c, { format: 'General', fill: null });
      }
    });
  }
}

export class RangeFormatProxy extends ClientObject<Area> {
  protected readonly scalars = ['columnWidth', 'wrapText'] as const;
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly protection: FormatProtectionProxy;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Area,
  ) {
    super(context, resolver, 'RangeFormat');
    this.fill = new RangeFillProxy(context, state, resolver);
    this.font = new RangeFontProxy(context, state, resolver);
    this.protection = new FormatProtectionProxy(context, resolver);
  }

  set columnWidth(width: number) {
    this.set('columnWidth', width, ({ sheet }) => this.state.wb.checkFormat(sheet, 'RangeFormat.columnWidth'));
  }
  set wrapText(wrap: boolean) {
    this.set('wrapText', wrap, ({ sheet }) => this.state.wb.checkFormat(sheet, 'RangeFormat.wrapText'));
  }

  protected read(): unknown {
    return null;
  }
}

export class RangeFillProxy extends ClientObject<Area> {
  protected readonly scalars = ['color'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Area,
  ) {
    super(context, resolver, 'RangeFill');
  }

  /** Office gives null for a range of mixed fills; typed `string` as office-js types it. */
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.set('color', color, ({ sheet, rect }) => {
      this.state.wb.checkFormat(sheet, 'RangeFill.color');
      eachCell(rect, (r, c) => sheet.put(r, c, { fill: color.toUpperCase() }));
    });
  }

  protected read({ sheet, rect }: Area): unknown {
    const first = sheet.cell(rect.row, rect.column).fill;
    let same = true;
    eachCell(rect, (r, c) => {
      if (sheet.cell(r, c).fill !== first) same = false;
    });
    return same ? first : null;
  }

  clear(): void {
    this.queue(({ sheet, rect }) => {
      this.state.wb.checkFormat(sheet, 'RangeFill.clear');
      eachCell(rect, (r, c) => sheet.put(r, c, { fill: null }));
    });
  }
}

export class RangeFontProxy extends ClientObject<Area> {
  protected readonly scalars = ['bold', 'color', 'italic'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: ExcelState,
    resolver: () => Area,
  ) {
    super(context, resolver, 'RangeFont');
  }

  set bold(bold: boolean) {
    this.set('bold', bold, ({ sheet }) => this.state.wb.checkFormat(sheet, 'RangeFont.bold'));
  }
  set italic(italic: boolean) {
    this.set('italic', italic, ({ sheet }) => this.state.wb.checkFormat(sheet, 'RangeFont.italic'));
  }
  set color(color: string) {
    this.set('color', color, ({ sheet }) => this.state.wb.checkFormat(sheet, 'RangeFont.color'));
  }

  protected read(): unknown {
    return null;
  }
}

export class FormatProtectionProxy extends ClientObject<Area> {
  protected readonly scalars = ['locked'] as const;

  constructor(context: FakeRequestContext, resolver: () => Area) {
    super(context, resolver, 'FormatProtection');
  }

  get locked(): boolean {
    return this.get('locked');
  }
  set locked(locked: boolean) {
    this.set('locked', locked, ({ sheet, rect }) => {
      if (sheet.protection.protected) throw accessDenied('FormatProtection.locked');
      sheet.lockRects.push({ rect, locked });
    });
  }

  protected read({ sheet, rect }: Area): unknown {
    return sheet.isLocked(rect.row, rect.column);
  }
}

const DEFAULT_ALERT: ErrorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };

export class DataValidationProxy extends ClientObject<Area> {
  protected readonly scalars = ['rule', 'errorAlert'] as const;

  constructor(context: FakeRequestContext, resolver: () => Area) {
    super(context, resolver, 'DataValidation');
  }

  /** Office gives an empty rule where there is none. */
  get rule(): ListRule | { list?: undefined } {
    return this.get('rule');
  }
  /** A list rule; setting a rule where another one applies is refused, as Excel does: clear first. */
  set rule(rule: ListRule | { list?: undefined }) {
    if (!rule.list) throw notModelled('data validation other than a list');
    const list = rule.list;
    this.set(
      'rule',
      rule,
      ({ sheet, rect }) => {
        if (sheet.protection.protected) throw accessDenied('DataValidation.rule');
        const existing = this.entry(sheet, rect);
        if (existing?.rule) throw new FakeOfficeError(ErrorCodes.invalidOperation, 'The range already has a data validation rule: clear it first.');
        if (existing) existing.rule = { list: { ...list } };
        else sheet.validations.push({ rect, rule: { list: { ...list } }, errorAlert: { ...DEFAULT_ALERT } });
      },
      64 + list.source.length,
    );
  }
  get errorAlert(): ErrorAlert {
    return this.get('errorAlert');
  }
  set errorAlert(alert: Partial<ErrorAlert>) {
    this.set('errorAlert', alert, ({ sheet, rect }) => {
      if (sheet.protection.protected) throw accessDenied('DataValidation.errorAlert');
      const existing = this.entry(sheet, rect);
      if (existing) existing.errorAlert = { ...existing.errorAlert, ...alert };
      else sheet.validations.push({ rect, rule: null, errorAlert: { ...DEFAULT_ALERT, ...alert } });
    });
  }

  private entry(sheet: Sheet, rect: Rect) {
    return sheet.validations.find((v) => v.rect.row === rect.row && v.rect.column === rect.column && v.rect.rows === rect.rows && v.rect.columns === rect.columns);
  }

  protected read({ sheet, rect }: Area, name: string): unknown {
    const v = sheet.validationAt(rect.row, rect.column);
    return name === 'rule' ? (v?.rule ?? {}) : (v?.errorAlert ?? DEFAULT_ALERT);
  }

  /** Removes the validation of every cell of the range. */
  clear(): void {
    this.queue(({ sheet, rect }) => {
      if (sheet.protection.protected) throw accessDenied('DataValidation.clear');
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        const v = sheet.validations[i];
        if (v && v.rect.row >= rect.row && v.rect.column >= rect.column && v.rect.row + v.rect.rows <= rect.row + rect.rows && v.rect.column + v.rect.columns <= rect.column + rect.columns)
          sheet.validations.splice(i, 1);
      }
    });
  }
}

function eachCell(rect: Rect, visit: (row: number, column: number) => void): void {
  if (rect.rows * rect.columns > 1_000_000) throw notModelled('formatting more than a million cells');
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) visit(r, c);
}

// ---- application -----------------------------------------------------------------------------------------------

export class ApplicationProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: ExcelState,
  ) {}

  suspendApiCalculationUntilNextSync(): void {
    requires(this.context, this.state, '1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.context.flags.suspendCalculation = true;
  }

  suspendScreenUpdatingUntilNextSync(): void {
    requires(this.context, this.state, '1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.flags.suspendScreen = true;
  }
}

