// A1 addresses for the fake Excel: column letters, cell and area references with an optional (quoted) sheet name,
// whole columns (`A:C`) and whole rows (`2:5`). Zero-based rectangles inside; Excel's text outside.

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `'Plan d''actions'` for names that need quotes, as Excel writes them. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatRect(rect: Rect, sheet?: string): string {
  const prefix = sheet === undefined ? '' : `${quoteSheet(sheet)}!`;
  const a = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return prefix + a;
  return `${prefix}${a}:${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** Parses `A1`, `B2:D9`, `A:C`, `2:5`, optionally after `Sheet!` or `'Some sheet'!`. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const raw = rest.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = rest.slice(bang + 1);
  }
  const [first, second = first] = rest.replace(/\$/g, '').split(':') as [string, string?];
  const a = parsePart(first as string);
  const b = parsePart(second as string);
  if (!a || !b) throw new Error(`Invalid address: ${address}`);
  const row = Math.min(a.row ?? 0, b.row ?? 0);
  const lastRow = a.row === null || b.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row);
  const column = Math.min(a.column ?? 0, b.column ?? 0);
  const lastColumn = a.column === null || b.column === null ? MAX_COLUMNS - 1 : Math.max(a.column, b.column);
  return { sheet, rect: { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 } };
}

function parsePart(part: string): { row: number | null; column: number | null } | null {
  const m = /^([A-Za-z]*)(\d*)$/.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  return { column: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && column >= outer.column && column < outer.column + outer.columns;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.rows, b.row + b.rows);
  const lastColumn = Math.min(a.column + a.columns, b.column + b.columns);
  return lastRow > row && lastColumn > column ? { row, column, rows: lastRow - row, columns: lastColumn - column } : null;
}
