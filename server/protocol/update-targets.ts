// The model fields an update writes, from its traced places (update-reach.ts): entity kind, id and field, or a
// singleton's field — what the lock policy judges. A new entity's parent comes from its `pos`, written with it.
import {
  ENTITY_KINDS,
  ENTITY_SPECS,
  type EntityKind,
  type FieldSpec,
  FOLLOW_UP_FIELDS,
  type LockTarget,
  SINGLETON_SPECS,
  type SingletonName,
} from '../../shared/index.ts';
import * as Y from 'yjs';
import type { Place, Touch } from './update-reach.ts';

export interface UpdateTarget extends LockTarget {
  /** The root type written. */
  readonly root: string;
}

const KIND_OF_COLLECTION: ReadonlyMap<string, EntityKind> = new Map(ENTITY_KINDS.map((kind) => [ENTITY_SPECS[kind].collection, kind]));
const SINGLETONS = Object.keys(SINGLETON_SPECS) as SingletonName[];
/** `convention.title` → convention's `title`: the singletons' text, list and record fields are roots of their own. */
const SINGLETON_FIELD_ROOTS: ReadonlyMap<string, { name: SingletonName; field: string }> = new Map(
  SINGLETONS.flatMap((name) => Object.keys(SINGLETON_SPECS[name]).map((field) => [`${name}.${field}`, { name, field }] as const)),
);

/** What one traced place writes; null for roots outside the model (meta, the review log, unknown roots). */
export function targetOf(place: Place): UpdateTarget | null {
  const { root, keys } = place;
  const kind = KIND_OF_COLLECTION.get(root);
  if (kind) return { root, kind, id: keys[0] ?? '', field: keys.length === 2 ? keys[1]! : '*' };
  if ((SINGLETONS as readonly string[]).includes(root)) {
    return { root, kind: root as SingletonName, id: root, field: keys[0] ?? '*' };
  }
  const field = SINGLETON_FIELD_ROOTS.get(root);
  if (field) return { root, kind: field.name, id: field.name, field: field.field };
  return null;
}

/**
 * The distinct fields the touches write. Every target of an entity whose `pos` the update writes carries that
 * parent: the lock policy uses it for an entity it does not know yet. A move also writes into its new parent (`*`).
 */
export function targetsOf(touches: readonly Touch[]): UpdateTarget[] {
  const parents = new Map<string, string | null>();
  for (const { change, place, item } of touches) {
    if (change !== 'insert' || place.deep || place.keys[1] !== 'pos' || !KIND_OF_COLLECTION.has(place.root)) continue;
    const pos = lastValue(item);
    if (typeof pos === 'object' && pos !== null && 'parent' in pos) {
      const parent = (pos as { parent: unknown }).parent;
      parents.set(`${place.root}\u0000${place.keys[0]}`, typeof parent === 'string' ? parent : null);
    }
  }
  const out = new Map<string, UpdateTarget>();
  const add = (target: UpdateTarget) => out.set(`${target.kind}\u0000${target.id}\u0000${target.field}`, target);
  for (const { place } of touches) {
    const target = targetOf(place);
    if (!target) continue;
    const key = `${target.root}\u0000${target.id}`;
    if (!parents.has(key)) {
      add(target);
      continue;
    }
    const parent = parents.get(key) ?? null;
    add({ ...target, parent });
    const parentKind = ENTITY_SPECS[target.kind as EntityKind]?.parent;
    if (target.field === 'pos' && parent && parentKind) add({ root: ENTITY_SPECS[parentKind].collection, kind: parentKind, id: parent, field: '*' });
  }
  return [...out.values()];
}

/** True when every target is typing in a text field: such an update cannot move a lock. */
export function onlyText(targets: readonly UpdateTarget[]): boolean {
  return targets.every((t) => specOf(t)?.kind === 'text');
}

/**
 * True when every target is a text field or a follow-up field (an indicator's values, a realised budget, a yearly
 * status: what a signed convention still takes): such an update cannot move a lock.
 */
export function cannotMoveLocks(targets: readonly UpdateTarget[]): boolean {
  return targets.every((t) => FOLLOW_UP_FIELDS[t.kind as EntityKind]?.includes(t.field) === true || specOf(t)?.kind === 'text');
}

function specOf(target: UpdateTarget): FieldSpec | undefined {
  const fields: Record<string, FieldSpec> =
    target.kind in ENTITY_SPECS ? ENTITY_SPECS[target.kind as EntityKind].fields : SINGLETON_SPECS[target.kind as SingletonName];
  return Object.hasOwn(fields, target.field) ? fields[target.field] : undefined;
}

/** The plain JSON value a new map entry holds; undefined for a type, a string run or binary content. */
export function lastValue(item: Touch['item']): unknown {
  if (!(item.content instanceof Y.ContentAny) && !(item.content instanceof Y.ContentJSON)) return undefined;
  const values: unknown[] = item.content.getContent();
  return values[values.length - 1];
}
