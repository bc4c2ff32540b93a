// A convention as an .xlsx workbook (ExcelJS): the Excel add-in's four tables with the same sheets, headers, hidden
// id column, formats and drop-down lists (shared/workbook/layout.ts), so the add-in can adopt the file and the
// import can read it back; plus the statuses of every year and the rest of each fiche action.
import ExcelJS from 'exceljs';
import { columnLetters } from '../../shared/workbook/address.ts';
import type { CellValue } from '../../shared/workbook/cell-value.ts';
import { LISTS_SHEET, type ListKey } from '../../shared/workbook/layout.ts';
import { WorkbookLayout } from '../../shared/workbook/workbook-layout.ts';
import type { ConventionSnapshot } from '../../shared/index.ts';
import { SHEET_SHEET, STATUS_SHEET, sheetRows, statusRows } from './workbook-extras.ts';

/** Rows below each table that still get the drop-down lists, for rows people add. */
const SPARE_ROWS = 100;
const TABLE_STYLE = { theme: 'TableStyleMedium2', showRowStripes: true } as const;

export interface XlsxOptions {
  /** The year whose status the plan sheet shows (default: this year, kept inside the convention period). */
  year?: number;
}

export function shownYear(snapshot: ConventionSnapshot, today = new Date()): number {
  const year = today.getFullYear();
  const first = Number(snapshot.convention.startDate?.slice(0, 4));
  const last = Number(snapshot.convention.endDate?.slice(0, 4));
  if (Number.isFinite(first) && year < first) return first;
  if (Number.isFinite(last) && year > last) return last;
  return year;
}

export async function buildXlsx(snapshot: ConventionSnapshot, options: XlsxOptions = {}): Promise<Buffer> {
  const layout = new WorkbookLayout(snapshot, options.year ?? shownYear(snapshot));
  const book = new ExcelJS.Workbook();
  book.creator = 'Concerto';
  book.title = snapshot.convention.title;
  book.created = new Date(0);
  book.modified = new Date(0);
  const lists = layout.shown.lists();
  const listRange = new Map<ListKey, string>();
  lists.forEach((list, i) => {
    const letter = columnLetters(i);
    if (list.values.length > 0) listRange.set(list.key, `${LISTS_SHEET}!$${letter}$2:$${letter}$${list.values.length + 1}`);
  });

  for (const table of layout.tables) {
    const { def } = table;
    const sheet = book.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = table.rows.map((row) => layout.cells(def, row));
    addTable(sheet, def.name, def.columns.map((c) => c.header), rows);
    def.columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = column.width;
      if (column.role.type === 'id') col.hidden = true;
      const range = column.list ? listRange.get(column.list) : undefined;
      for (let r = 2; r <= Math.max(rows.length, 1) + 1 + SPARE_ROWS; r++) {
        const cell = sheet.getCell(r, i + 1);
        cell.numFmt = column.format;
        if (range) cell.dataValidation = listValidation(range);
      }
    });
  }

  const statuses = book.addWorksheet(STATUS_SHEET.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const statusData = statusRows(snapshot);
  addTable(statuses, STATUS_SHEET.name, [...STATUS_SHEET.headers], statusData);
  [12, 10, 8, 16, 60].forEach((width, i) => {
    statuses.getColumn(i + 1).width = width;
  });
  statuses.getColumn(1).hidden = true;
  const statusRange = listRange.get('statuses');
  for (let r = 2; r <= statusData.length + 1 + SPARE_ROWS; r++) {
    statuses.getCell(r, 2).numFmt = '@';
    statuses.getCell(r, 3).numFmt = '0';
    if (statusRange) statuses.getCell(r, 4).dataValidation = listValidation(statusRange);
  }

  const fiches = book.addWorksheet(SHEET_SHEET.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  addTable(fiches, SHEET_SHEET.name, [...SHEET_SHEET.headers], sheetRows(snapshot));
  [12, 10, 40, 40, 40, 40].forEach((width, i) => {
    fiches.getColumn(i + 1).width = width;
  });
  fiches.getColumn(1).hidden = true;

  const listSheet = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.forEach((list, i) => {
    listSheet.getCell(1, i + 1).value = list.header;
    listSheet.getCell(1, i + 1).font = { bold: true };
    list.values.forEach((value, r) => {
      listSheet.getCell(r + 2, i + 1).value = value;
    });
    listSheet.getColumn(i + 1).width = 30;
  });

  return Buffer.from(await book.xlsx.writeBuffer());
}

function addTable(sheet: ExcelJS.Worksheet, name: string, headers: string[], rows: CellValue[][]): void {
  const body = rows.length > 0 ? rows : [headers.map(() => '')];
  sheet.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    style: TABLE_STYLE,
    columns: headers.map((header) => ({ name: header, filterButton: true })),
    rows: body.map((row) => row.map((value) => (value === '' ? null : value))),
  });
  sheet.getRow(1).font = { bold: true };
}

function listValidation(range: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Valeur hors liste',
    error: 'Choisissez une valeur dans la liste (feuille « Listes »).',
  };
}
