// A1 addresses as Excel reports and takes them: column letters, `B3`, `B3:D9`, whole rows `2:5` and columns
// `A:C`, with an optional `Sheet!` or `'Plan d’actions'!` prefix. Rectangles are zero-based inside the adapter.

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatArea(area: Area, sheet?: string, absolute = false): string {
  const d = absolute ? '$' : '';
  const prefix = sheet === undefined ? '' : `${quoteSheet(sheet)}!`;
  const first = `${d}${columnLetters(area.column)}${d}${area.row + 1}`;
  if (area.rows === 1 && area.columns === 1) return prefix + first;
  return `${prefix}${first}:${d}${columnLetters(area.column + area.columns - 1)}${d}${area.row + area.rows}`;
}

/** Whole sheet rows from `row` (zero-based) to the last row: `3:1048576`. */
export const rowsFrom = (row: number): string => `${row + 1}:${MAX_ROWS}`;

export function parseArea(address: string): Area | null {
  const bang = address.lastIndexOf('!');
  const [a, b = a] = address
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':') as [string, string?];
  const first = part(a);
  const last = part(b as string);
  if (!first || !last) return null;
  const row = Math.min(first.row ?? 0, last.row ?? 0);
  const lastRow = first.row === null || last.row === null ? MAX_ROWS - 1 : Math.max(first.row, last.row);
  const column = Math.min(first.column ?? 0, last.column ?? 0);
  const lastColumn = first.column === null || last.column === null ? MAX_COLUMNS - 1 : Math.max(first.column, last.column);
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

function part(text: string): { row: number | null; column: number | null } | null {
  const m = /^([A-Za-z]*)(\d*)$/.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  return { column: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

export function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export const sameArea = (a: Area, b: Area): boolean => a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
