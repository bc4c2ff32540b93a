// Addresses of what a host shows: an entity, and one field of it (a record field takes a key: `values.2026`).
// The string form is the tag a host puts on its field, e.g. Word's content control `ctg:article:<id>:body`.
import type { ModelKind } from './index.ts';

export type RefKind = ModelKind;

export interface EntityRef {
  kind: RefKind;
  id: string;
}

export interface FieldRef extends EntityRef {
  /** The field name, or `field.key` for one key of a record field (a year of an indicator's values). */
  field: string;
}

export interface FieldValue {
  ref: FieldRef;
  /** The field as the host shows it: plain text (dates as AAAA-MM-JJ, numbers in plain digits). */
  value: string;
}

const TAG_PREFIX = 'ctg';

export function fieldTag(ref: FieldRef): string {
  return `${TAG_PREFIX}:${ref.kind}:${ref.id}:${ref.field}`;
}

export function parseFieldTag(tag: string): FieldRef | null {
  const parts = tag.split(':');
  if (parts.length !== 4 || parts[0] !== TAG_PREFIX) return null;
  const [, kind, id, field] = parts as [string, string, string, string];
  return { kind: kind as RefKind, id, field };
}

export const sameEntity = (a: EntityRef, b: EntityRef): boolean => a.kind === b.kind && a.id === b.id;
