// A field's text (as the binding has it) as an Excel cell value, and back: dates as date serials shown JJ/MM/AAAA,
// numbers as numbers, pilots and persons by name, codes by French label. Reading back refuses what the model cannot
// take (an unknown pilot, text in a number cell) and warns about what it takes but should not (a date outside the
// period); both are marked on the cell by the adapter, never dropped.
import type { CellValue } from './cell-value.ts';
import type { Lookups, Vocabulary } from './lookups.ts';

export type Codec = 'text' | 'number' | 'date' | 'pilot' | 'person' | 'organisation' | Vocabulary;

export type Taken = { ok: true; text: string; warning?: { fr: string; en: string } } | { ok: false; fr: string; en: string };

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function serialOfIso(iso: string): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(time).toISOString().startsWith(iso) ? Math.round((time - EPOCH) / DAY) : null;
}

export function isoOfSerial(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * DAY).toISOString().slice(0, 10);
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The cell value showing a field's text. */
export function toCell(codec: Codec, text: string, lookups: Lookups): CellValue {
  if (text === '') return '';
  switch (codec) {
    case 'text':
      return text;
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'date':
      return serialOfIso(text) ?? text;
    case 'pilot':
    case 'organisation':
      return lookups.organisations.name(text);
    case 'person':
      return lookups.persons.name(text);
    default:
      return lookups.vocabularies[codec].name(text);
  }
}

/** The field's text for a cell's value, or why the model cannot take it. */
export function fromCell(codec: Codec, value: CellValue, lookups: Lookups): Taken {
  if (value === '' || (typeof value === 'string' && value.trim() === '' && codec !== 'text')) return { ok: true, text: '' };
  if (codec === 'text') return { ok: true, text: typeof value === 'boolean' ? (value ? 'VRAI' : 'FAUX') : String(value) };
  const shown = String(value).trim();
  switch (codec) {
    case 'number':
      return takeNumber(value);
    case 'date':
      return takeDate(value, lookups);
    case 'pilot':
    case 'organisation': {
      const id = lookups.organisations.id(shown);
      if (id === undefined)
        return {
          ok: false,
          fr: `« ${shown} » n'est pas une organisation de la convention : choisissez-la dans la liste.`,
          en: `"${shown}" is not an organisation of the convention: pick one from the list.`,
        };
      if (codec === 'pilot' && !lookups.signatories.has(id))
        return {
          ok: true,
          text: id,
          warning: {
            fr: `« ${shown} » ne signe pas la convention : le pilote doit être un signataire.`,
            en: `"${shown}" does not sign the convention: the pilot must be a signatory.`,
          },
        };
      return { ok: true, text: id };
    }
    case 'person': {
      const id = lookups.persons.id(shown);
      return id === undefined
        ? { ok: false, fr: `« ${shown} » n'est pas une personne de la convention : choisissez-la dans la liste.`, en: `"${shown}" is not a person of the convention.` }
        : { ok: true, text: id };
    }
    default: {
      const code = lookups.vocabularies[codec].id(shown);
      return code === undefined
        ? {
            ok: false,
            fr: `« ${shown} » n'est pas une valeur possible (${lookups.labels(codec).join(', ')}).`,
            en: `"${shown}" is not an allowed value.`,
          }
        : { ok: true, text: code };
    }
  }
}

function takeNumber(value: CellValue): Taken {
  if (typeof value === 'number') return { ok: true, text: String(value) };
  const text = String(value).trim();
  const n = Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return typeof value === 'string' && Number.isFinite(n)
    ? { ok: true, text: String(n) }
    : { ok: false, fr: `« ${text} » n'est pas un nombre : saisissez un nombre.`, en: `"${text}" is not a number.` };
}

function takeDate(value: CellValue, lookups: Lookups): Taken {
  let iso: string | null = null;
  if (typeof value === 'number') iso = isoOfSerial(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    const fr = FR.exec(text);
    const candidate = fr ? `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}` : text;
    if (serialOfIso(candidate) !== null) iso = candidate;
  }
  if (iso === null) return { ok: false, fr: `« ${String(value)} » n'est pas une date : saisissez-la au format JJ/MM/AAAA.`, en: `"${String(value)}" is not a date (DD/MM/YYYY).` };
  const { start, end } = lookups.period;
  if ((start && iso < start) || (end && iso > end))
    return {
      ok: true,
      text: iso,
      warning: {
        fr: `Le ${frDate(iso)} est hors de la période de la convention${start && end ? ` (du ${frDate(start)} au ${frDate(end)})` : ''}.`,
        en: `${iso} is outside the convention period${start && end ? ` (${start} to ${end})` : ''}.`,
      },
    };
  return { ok: true, text: iso };
}

/** Two cell values are the same for the adapter (numbers compared as numbers, strings as strings). */
export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return a === b || (a === undefined && b === '') || (a === '' && b === undefined);
}


