// Reading and writing one field of an entity (or singleton) according to its FieldSpec (see layout.ts).
import * as Y from 'yjs';
import type { FieldSpec } from '../layout.ts';
import { diff } from '../text-diff.ts';
import { ModelError } from './errors.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Yjs value a new entity starts with for this field. */
export function initialValue(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'text':
      return new Y.Text(value === undefined ? '' : String(value));
    case 'list': {
      const map = new Y.Map<number>();
      ((value as string[] | undefined) ?? []).forEach((item, i) => {
        map.set(item, i);
      });
      return map;
    }
    case 'record': {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries((value as Record<string, unknown> | undefined) ?? {})) map.set(k, v);
      return map;
    }
    case 'scalar':
      return value === undefined ? spec.default : value;
    default:
      return assertNever(spec);
  }
}

/** Reads a stored field as its plain value. */
export function readValue(spec: FieldSpec, stored: unknown): unknown {
  switch (spec.kind) {
    case 'text':
      return stored instanceof Y.Text ? stored.toString() : '';
    case 'list':
      return stored instanceof Y.Map ? readList(stored) : [];
    case 'record':
      return stored instanceof Y.Map ? (stored.toJSON() as Record<string, unknown>) : {};
    case 'scalar':
      return stored === undefined ? spec.default : stored;
    default:
      return assertNever(spec);
  }
}

function readList(map: Y.Map<unknown>): string[] {
  const entries: Array<[string, number]> = [];
  map.forEach((pos, key) => {
    entries.push([key, typeof pos === 'number' ? pos : 0]);
  });
  entries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return entries.map(([key]) => key);
}

/** Checks a value before anything is written; throws a ModelError naming the field. */
export function checkValue(spec: FieldSpec, field: string, value: unknown): void {
  const bad = (what: string) =>
    new ModelError('invalid-field', `Valeur invalide pour « ${field} » : ${what}.`, `Invalid value for "${field}": ${what}.`);
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') throw bad('texte attendu');
      return;
    case 'list':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw bad('liste de textes attendue');
      return;
    case 'record':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('objet attendu');
      return;
    case 'scalar': {
      if (value === null) return;
      if (spec.codes && !spec.codes.includes(value as string)) throw bad(`« ${String(value)} » n'est pas dans la liste (${spec.codes.join(', ')})`);
      if (spec.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) throw bad('nombre attendu');
      if (spec.type === 'boolean' && typeof value !== 'boolean') throw bad('oui/non attendu');
      if (spec.type === 'string' && typeof value !== 'string') throw bad('texte attendu');
      if (spec.type === 'date' && (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))))
        throw bad('date AAAA-MM-JJ attendue');
      return;
    }
    default:
      assertNever(spec);
  }
}

/**
 * Writes a plain value into a field of an entity with the smallest change: a text gets a prefix/suffix diff
 * (so a concurrent edit elsewhere in the same text survives), a list or record only touches the keys that differ.
 */
export function writeValue(container: Y.Map<unknown>, field: string, spec: FieldSpec, value: unknown): void {
  if (spec.kind === 'scalar') {
    if (!sameJson(container.get(field), value)) container.set(field, value);
  } else if (!writeStored(container.get(field), spec, value)) {
    container.set(field, initialValue(spec, value));
  }
}

/** Writes into an existing text, list or record type; false when `stored` is not of the expected type. */
export function writeStored(stored: unknown, spec: FieldSpec, value: unknown): boolean {
  if (spec.kind === 'text' && stored instanceof Y.Text) replaceText(stored, value as string);
  else if (spec.kind === 'list' && stored instanceof Y.Map) writeList(stored as Y.Map<number>, value as string[]);
  else if (spec.kind === 'record' && stored instanceof Y.Map) writeRecord(stored, value as Record<string, unknown>);
  else return false;
  return true;
}

/**
 * Replaces a Y.Text's content by `next` with the smallest edits (a character diff, applied last first), so two
 * separate changes stay two small edits: a concurrent edit between them survives, and two people importing the
 * same text never duplicate the part between their changes.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  for (const hunk of diff(current, next).reverse()) {
    if (hunk.end > hunk.start) text.delete(hunk.start, hunk.end - hunk.start);
    if (hunk.text) text.insert(hunk.start, hunk.text);
  }
}

function writeList(map: Y.Map<number>, items: string[]): void {
  const wanted = new Map(items.map((item, i) => [item, i]));
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [item, i] of wanted) if (map.get(item) !== i) map.set(item, i);
}

function writeRecord(map: Y.Map<unknown>, values: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (!(key in values)) map.delete(key);
  for (const [key, v] of Object.entries(values)) if (!sameJson(map.get(key), v)) map.set(key, v);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
