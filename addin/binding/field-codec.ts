// A field's value as a host shows it (plain text), and back: reading from the model, and parsing what a person
// typed into the model's type (dates, numbers, codes). A value that does not parse is refused with a reason.
import { type ConventionDoc, ENTITY_SPECS, type FieldSpec, SINGLETON_SPECS } from '../../shared/index.ts';
import { type EntityRef, type FieldRef, fieldTag } from '../../shared/field-ref.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; fr: string; en: string };

/** The spec of a field, and the record key for `record.key` addresses. */
export function fieldSpec(ref: FieldRef): { spec: FieldSpec; field: string; key?: string } | undefined {
  const [field, key] = ref.field.split('.', 2) as [string, string | undefined];
  const specs: Record<string, FieldSpec> | undefined =
    ref.kind === 'convention' || ref.kind === 'territory' || ref.kind === 'diagnostic'
      ? SINGLETON_SPECS[ref.kind]
      : (ENTITY_SPECS[ref.kind]?.fields as Record<string, FieldSpec> | undefined);
  const spec = specs?.[field];
  if (!spec || (key !== undefined) !== (spec.kind === 'record')) return undefined;
  return key === undefined ? { spec, field } : { spec, field, key };
}

function current(model: ConventionDoc, ref: FieldRef, field: string): unknown {
  if (ref.kind === 'convention' || ref.kind === 'territory' || ref.kind === 'diagnostic')
    return (model.readSingleton(ref.kind) as unknown as Record<string, unknown>)[field];
  if (!model.isLive(ref.kind, ref.id)) return undefined;
  return (model.read(ref.kind, ref.id) as unknown as Record<string, unknown>)[field];
}

/** The field's text, or undefined when the entity is gone or the field unknown. */
export function readFieldText(model: ConventionDoc, ref: FieldRef): string | undefined {
  const found = fieldSpec(ref);
  if (!found) return undefined;
  const value = current(model, ref, found.field);
  if (value === undefined) return undefined;
  if (found.key !== undefined) {
    const entry = (value as Record<string, unknown>)[found.key];
    if (entry && typeof entry === 'object' && 'status' in entry) return String((entry as { status: string }).status);
    return entry === undefined || entry === null ? '' : String(entry);
  }
  if (Array.isArray(value)) return value.join(', ');
  return value === null ? '' : String(value);
}

/** Parses host text for a field into the value the model stores. */
export function parseFieldText(ref: FieldRef, text: string): Parsed {
  const found = fieldSpec(ref);
  if (!found) return { ok: false, fr: 'Ce champ est inconnu.', en: 'Unknown field.' };
  const { spec } = found;
  const trimmed = text.trim();
  if (spec.kind === 'text') return { ok: true, value: text };
  if (spec.kind === 'list') return { ok: true, value: trimmed === '' ? [] : trimmed.split(/\s*[,;]\s*/) };
  if (spec.kind === 'record') return parseNumberOrText(trimmed);
  if (trimmed === '') return { ok: true, value: spec.default };
  if (spec.codes) {
    return spec.codes.includes(trimmed)
      ? { ok: true, value: trimmed }
      : { ok: false, fr: `« ${trimmed} » n'est pas une valeur possible (${spec.codes.join(', ')}).`, en: `"${trimmed}" is not an allowed value.` };
  }
  switch (spec.type) {
    case 'number':
      return parseNumber(trimmed);
    case 'boolean':
      return /^(oui|vrai|true|1|x)$/i.test(trimmed) ? { ok: true, value: true } : { ok: true, value: false };
    case 'date':
      return parseDate(trimmed);
    default:
      return { ok: true, value: trimmed };
  }
}

function parseNumber(text: string): Parsed {
  const value = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, fr: `« ${text} » n'est pas un nombre.`, en: `"${text}" is not a number.` };
}

function parseNumberOrText(text: string): Parsed {
  if (text === '') return { ok: true, value: undefined };
  const number = parseNumber(text);
  return number.ok ? number : { ok: true, value: text };
}

/** Accepts AAAA-MM-JJ and the French JJ/MM/AAAA. */
function parseDate(text: string): Parsed {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}` : text;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().startsWith(iso);
  return valid ? { ok: true, value: iso } : { ok: false, fr: `« ${text} » n'est pas une date (JJ/MM/AAAA).`, en: `"${text}" is not a date (DD/MM/YYYY).` };
}

/** Writes a parsed value into the model (a record key is merged into its record). */
export function writeField(model: ConventionDoc, ref: FieldRef, value: unknown): void {
  const found = fieldSpec(ref);
  if (!found) return;
  let next = value;
  if (found.key !== undefined) {
    const record = { ...((current(model, ref, found.field) as Record<string, unknown> | undefined) ?? {}) };
    const previous = record[found.key];
    if (value === undefined) delete record[found.key];
    else if (previous && typeof previous === 'object' && 'status' in previous) record[found.key] = { ...previous, status: value };
    else if (found.field === 'statusByYear') record[found.key] = { status: value, comment: '', decision: null };
    else record[found.key] = value;
    next = record;
  }
  if (ref.kind === 'convention' || ref.kind === 'territory' || ref.kind === 'diagnostic') model.setSingleton(ref.kind, { [found.field]: next });
  else model.update(ref.kind, ref.id, { [found.field]: next });
}

/**
 * Every field of these entities as a host shows it right now, record fields key by key over the convention's
 * years: the base of the three-way merge for entities a render has just put in the host.
 */
export function renderedTexts(model: ConventionDoc, entities: readonly EntityRef[]): Map<string, string> {
  const texts = new Map<string, string>();
  const { startDate, endDate } = model.readSingleton('convention');
  const first = Number(startDate?.slice(0, 4));
  const last = Number(endDate?.slice(0, 4));
  const years = Number.isInteger(first) && Number.isInteger(last) && last >= first && last - first < 12 ? Array.from({ length: last - first + 1 }, (_, i) => String(first + i)) : [];
  for (const { kind, id } of entities) {
    if (kind === 'convention' || kind === 'territory' || kind === 'diagnostic' || !model.isLive(kind, id)) continue;
    for (const [field, spec] of Object.entries(ENTITY_SPECS[kind].fields) as Array<[string, FieldSpec]>) {
      const fields = spec.kind === 'record' ? [...new Set([...Object.keys((model.read(kind, id) as unknown as Record<string, Record<string, unknown>>)[field] ?? {}), ...years])].map((key) => `${field}.${key}`) : [field];
      for (const name of fields) {
        const ref = { kind, id, field: name };
        const text = readFieldText(model, ref);
        if (text !== undefined) texts.set(fieldTag(ref), text);
      }
    }
  }
  return texts;
}
