// Reads an uploaded .xlsx (ExcelJS) into plain sheets: the header row (the first row with two filled cells among
// the first ten) and the rows under it, with cell values as the Excel add-in knows them (text, number, boolean;
// dates as Excel serials). A file that is not a workbook gives an error that says so.
import ExcelJS from 'exceljs';
import { serialOfIso } from '../../shared/workbook/cell-codec.ts';
import type { CellValue } from '../../shared/workbook/cell-value.ts';
import { declaredZipSizes, MAX_UNCOMPRESSED_BYTES } from './zip-sizes.ts';

export interface SheetRow {
  /** 1-based row number in the sheet, for the report. */
  row: number;
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

export class UnreadableWorkbook extends Error {
  override readonly name = 'UnreadableWorkbook';
}

/** A workbook that would decompress into more than MAX_UNCOMPRESSED_BYTES. */
export class OversizedWorkbook extends Error {
  override readonly name = 'OversizedWorkbook';
}

const NOT_A_WORKBOOK =
  "Ce fichier n'est pas un classeur Excel (.xlsx) lisible : enregistrez-le au format « Classeur Excel (.xlsx) » puis importez-le à nouveau.";

const MAX_ROWS = 5000;

export async function readWorkbook(bytes: Uint8Array): Promise<SheetData[]> {
  const sizes = declaredZipSizes(bytes);
  if (sizes.kind === 'unreadable') throw new UnreadableWorkbook(NOT_A_WORKBOOK);
  if (sizes.kind === 'too-large') {
    throw new OversizedWorkbook(
      `Classeur refusé : une fois décompressé, il dépasserait ${MAX_UNCOMPRESSED_BYTES / (1024 * 1024)} Mo. Importez un classeur qui ne contient que le plan d'actions.`,
    );
  }
  const book = new ExcelJS.Workbook();
  try {
    // reason: ExcelJS's typings name Node's older Buffer type; the bytes are a Buffer view of the same memory.
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableWorkbook(NOT_A_WORKBOOK, { cause: error });
  }
  const sheets: SheetData[] = [];
  book.eachSheet((sheet) => {
    if (sheet.state === 'veryHidden') return;
    const grid: Array<{ row: number; cells: CellValue[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number > MAX_ROWS) return;
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = plainValue(cell.value);
      });
      grid.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
    });
    const header = grid.slice(0, 10).find((r) => r.cells.filter((c) => typeof c === 'string' && c.trim() !== '').length >= 2);
    if (!header) return;
    sheets.push({
      name: sheet.name,
      headerRow: header.row,
      headers: header.cells.map((c) => String(c).trim()),
      rows: grid.filter((r) => r.row > header.row && r.cells.some((c) => c !== '' && !(typeof c === 'string' && c.trim() === ''))),
    });
  });
  if (sheets.length === 0) throw new UnreadableWorkbook("Ce classeur ne contient aucun tableau : il faut une ligne d'en-têtes (Code, Action, Pilote…) suivie des actions, une par ligne.");
  return sheets;
}

/** An ExcelJS cell value as text, number or boolean (formulas by their result, dates as serials). */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOfIso(value.toISOString().slice(0, 10)) ?? value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? plainValue(value.result as ExcelJS.CellValue) : '';
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}
