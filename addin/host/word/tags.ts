// Content-control tags of the Word document: `ctg:<kind>:<id>:<field>` on a field (the binding's field tag),
// `ctg:<kind>:<id>` on an entity's container, and the adapter's own parts — `ctg:label:<key>` (locked text),
// `ctg:line:<key>` (a heading or a « label : value » line), `ctg:section:<key>`, `ctg:table:<key>`.
import { type EntityRef, type FieldRef, fieldTag, parseFieldTag, type RefKind } from '../../../shared/field-ref.ts';

export const PART_KINDS = ['label', 'line', 'section', 'table'] as const;
export type PartKind = (typeof PART_KINDS)[number];

export type TagRole = { role: 'field'; ref: FieldRef } | { role: 'entity'; ref: EntityRef } | { role: 'part'; part: PartKind; key: string };

export const entityTag = (ref: EntityRef): string => `ctg:${ref.kind}:${ref.id}`;
export const partTag = (part: PartKind, key: string): string => `ctg:${part}:${key}`;
export { fieldTag };

export function classifyTag(tag: string): TagRole | null {
  const field = parseFieldTag(tag);
  if (field) return (PART_KINDS as readonly string[]).includes(field.kind) ? null : { role: 'field', ref: field };
  const parts = tag.split(':');
  if (parts.length !== 3 || parts[0] !== 'ctg') return null;
  const [, kind, id] = parts as [string, string, string];
  if ((PART_KINDS as readonly string[]).includes(kind)) return { role: 'part', part: kind as PartKind, key: id };
  return { role: 'entity', ref: { kind: kind as RefKind, id } };
}
