// Cell values as Excel keeps them: numbers (dates are serial numbers), strings, booleans, '' for empty. Text that
// a person types, or that an add-in writes into a cell not formatted as text (`@`), is parsed as Excel would:
// numbers (French decimal comma accepted), dates JJ/MM/AAAA or AAAA-MM-JJ (the cell then gets a date format).

export type CellValue = string | number | boolean;

export const TEXT_FORMAT = '@';
export const GENERAL = 'General';
const DATE_FORMAT = 'dd/mm/yyyy';
const EPOCH = Date.UTC(1899, 11, 30);

export function serialOf(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const d = new Date(time);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((time - EPOCH) / 86_400_000);
}

export function isoOfSerial(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** What a cell holds once `input` is entered into a cell with number format `format` (and the format it ends with). */
export function enter(input: CellValue, format: string): { value: CellValue; format: string } {
  if (typeof input !== 'string') return { value: input, format };
  if (format === TEXT_FORMAT || input === '') return { value: input, format };
  const trimmed = input.trim();
  if (/^[+-]?\d+([.,]\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(',', '.')), format };
  // French thousands separators: « 1 200 », with a space or a (narrow) no-break space.
  if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')), format };
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const serial = fr ? serialOf(Number(fr[3]), Number(fr[2]), Number(fr[1])) : iso ? serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  if (serial !== null) return { value: serial, format: format === GENERAL ? DATE_FORMAT : format };
  return { value: input, format };
}

export function valueType(value: CellValue): 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' {
  if (value === '') return 'Empty';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return Number.isInteger(value) ? 'Integer' : 'Double';
}

/** Sort order of Excel: numbers, then text (case-insensitive), then booleans, blanks always last. */
export function compareCells(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'fr', { sensitivity: 'base' });
}
