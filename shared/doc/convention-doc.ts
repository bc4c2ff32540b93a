// The typed API over a convention's Y.Doc: add, update, move, delete and restore each entity, edit the
// singletons, and read a snapshot. Every operation checks its input first and then writes in one transaction,
// so a refused operation changes nothing.
import * as Y from 'yjs';
import { newId } from '../ids.ts';
import {
  type EntityData,
  ENTITY_KEYS,
  ENTITY_SPECS,
  type FieldSpec,
  META_ROOT,
  type Position,
  SCHEMA_VERSION,
  SINGLETON_SPECS,
  type SingletonData,
  type SingletonName,
  singletonRoot,
} from '../layout.ts';
import { compareRanked, rankBetween } from '../rank.ts';
import type { EntityKind, Id } from '../types.ts';
import { ModelError } from './errors.ts';
import { checkValue, initialValue, readValue, writeStored, writeValue } from './fields.ts';

/** Where to put an entity among its siblings: under `parent` (required for nested kinds), at `index` (default: last). */
export interface Placement {
  parent?: Id | null;
  index?: number;
}

const ID_PREFIX: Record<EntityKind, string> = {
  commune: 'com',
  organisation: 'org',
  person: 'per',
  signatory: 'sig',
  article: 'art',
  annex: 'anx',
  diagnosticSection: 'dia',
  keyFigure: 'kfg',
  axis: 'axe',
  objective: 'obj',
  action: 'act',
  milestone: 'jal',
  budgetLine: 'bud',
  indicator: 'ind',
  facility: 'equ',
  body: 'ins',
  meeting: 'reu',
  amendment: 'ave',
  annualReview: 'bil',
  thread: 'fil',
  comment: 'msg',
};

export class ConventionDoc {
  constructor(
    readonly ydoc: Y.Doc,
    /** Transaction origin for local writes (lets undo managers and bindings tell their own writes apart). */
    readonly origin: unknown = null,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs several operations as one transaction (one update on the wire, one undo step). */
  transact<R>(fn: () => R): R {
    let result!: R;
    this.ydoc.transact(() => {
      result = fn();
    }, this.origin);
    return result;
  }

  collection(kind: EntityKind): Y.Map<Y.Map<unknown>> {
    return this.ydoc.getMap(ENTITY_SPECS[kind].collection);
  }

  entity(kind: EntityKind, id: Id): Y.Map<unknown> | undefined {
    return this.collection(kind).get(id);
  }

  /** True when the entity exists, is not deleted and none of its ancestors is deleted. */
  isLive(kind: EntityKind, id: Id | null | undefined): boolean {
    if (!id) return false;
    const entity = this.entity(kind, id);
    if (!entity || entity.get(ENTITY_KEYS.deleted) === true) return false;
    const parentKind = ENTITY_SPECS[kind].parent;
    return parentKind === null || this.isLive(parentKind, positionOf(entity).parent);
  }

  /** Live children of `parent` (or top-level entities of `kind`), in order. */
  childIds(kind: EntityKind, parent: Id | null = null): Id[] {
    return this.orderedSiblings(kind, parent).map((s) => s.id);
  }

  private orderedSiblings(kind: EntityKind, parent: Id | null, exclude?: Id): Array<{ id: Id; rank: string }> {
    const siblings: Array<{ id: Id; rank: string }> = [];
    this.collection(kind).forEach((entity, id) => {
      if (id === exclude || entity.get(ENTITY_KEYS.deleted) === true) return;
      const pos = positionOf(entity);
      if (pos.parent === parent) siblings.push({ id, rank: pos.rank });
    });
    return siblings.sort(compareRanked);
  }

  /** Adds an entity; returns its id. Missing fields take their defaults. */
  add<K extends EntityKind>(kind: K, data: Partial<EntityData[K]>, placement: Placement & { id?: Id } = {}): Id {
    const spec = ENTITY_SPECS[kind];
    const parent = this.checkParent(kind, placement.parent ?? null);
    checkFields(kind, data);
    const id = placement.id ?? newId(ID_PREFIX[kind], this.random);
    if (this.collection(kind).has(id))
      throw new ModelError('duplicate-id', `L'identifiant « ${id} » existe déjà.`, `Id "${id}" already exists.`);
    const position: Position = { parent, rank: this.rankAt(kind, parent, placement.index) };
    this.transact(() => {
      const entity = new Y.Map<unknown>();
      entity.set(ENTITY_KEYS.id, id);
      entity.set(ENTITY_KEYS.pos, position);
      for (const [field, fieldSpec] of Object.entries(spec.fields) as Array<[string, FieldSpec]>) {
        entity.set(field, initialValue(fieldSpec, (data as Record<string, unknown>)[field]));
      }
      this.collection(kind).set(id, entity);
    });
    return id;
  }

  /** Updates some fields of a live entity. Text fields are diffed, so concurrent typing elsewhere survives. */
  update<K extends EntityKind>(kind: K, id: Id, patch: Partial<EntityData[K]>): void {
    const entity = this.requireLive(kind, id);
    checkFields(kind, patch);
    const fields = ENTITY_SPECS[kind].fields as Record<string, FieldSpec>;
    this.transact(() => {
      for (const [field, value] of Object.entries(patch)) writeValue(entity, field, fields[field] as FieldSpec, value);
    });
  }

  /** The Y.Text of a text field, for hosts that apply keystroke-level edits. */
  text(kind: EntityKind, id: Id, field: string): Y.Text {
    const value = this.requireLive(kind, id).get(field);
    if (!(value instanceof Y.Text))
      throw new ModelError('not-text', `« ${field} » n'est pas un champ texte.`, `"${field}" is not a text field.`);
    return value;
  }

  /** Moves an entity among its siblings, or under another parent of the right kind. One atomic write. */
  move(kind: EntityKind, id: Id, placement: Placement): void {
    const entity = this.requireLive(kind, id);
    const current = positionOf(entity);
    const parent = placement.parent === undefined ? current.parent : this.checkParent(kind, placement.parent);
    const rank = this.rankAt(kind, parent, placement.index, id);
    this.transact(() => entity.set(ENTITY_KEYS.pos, { parent, rank } satisfies Position));
  }

  /**
   * Deletes an entity. Its descendants (an objective's actions and indicators, an action's milestones…) go with it:
   * liveness is derived from the ancestors, so a child added concurrently under a deleted parent is deleted too,
   * and everything comes back with `restore`.
   */
  remove(kind: EntityKind, id: Id): void {
    const entity = this.requireLive(kind, id);
    this.transact(() => entity.set(ENTITY_KEYS.deleted, true));
  }

  restore(kind: EntityKind, id: Id): void {
    const entity = this.entity(kind, id);
    if (!entity) throw notFound(kind, id);
    const parentKind = ENTITY_SPECS[kind].parent;
    if (parentKind && !this.isLive(parentKind, positionOf(entity).parent))
      throw new ModelError('parent-deleted', "L'élément parent a été supprimé : restaurez-le d'abord.", 'The parent was deleted: restore it first.');
    this.transact(() => entity.delete(ENTITY_KEYS.deleted));
  }

  /** Reads one live entity's stored fields. */
  read<K extends EntityKind>(kind: K, id: Id): EntityData[K] & { id: Id } {
    return readEntity(kind, this.requireLive(kind, id)) as unknown as EntityData[K] & { id: Id };
  }

  parentOf(kind: EntityKind, id: Id): Id | null {
    return positionOf(this.requireLive(kind, id)).parent;
  }

  /** Updates convention-wide fields (convention, territory, diagnostic). */
  setSingleton<S extends SingletonName>(name: S, patch: Partial<SingletonData[S]>): void {
    const specs = SINGLETON_SPECS[name] as Record<string, FieldSpec>;
    for (const [field, value] of Object.entries(patch)) {
      const spec = specs[field];
      if (!spec) throw unknownField(field);
      checkValue(spec, field, value);
    }
    this.transact(() => {
      for (const [field, value] of Object.entries(patch)) {
        const spec = specs[field] as FieldSpec;
        if (spec.kind === 'scalar') writeValue(this.ydoc.getMap(name), field, spec, value);
        else writeStored(this.singletonRoot(name, field, spec), spec, value);
      }
    });
  }

  readSingleton<S extends SingletonName>(name: S): SingletonData[S] {
    const out: Record<string, unknown> = {};
    for (const [field, spec] of Object.entries(SINGLETON_SPECS[name]) as Array<[string, FieldSpec]>) {
      out[field] = spec.kind === 'scalar' ? readValue(spec, this.ydoc.getMap(name).get(field)) : readValue(spec, this.singletonRoot(name, field, spec));
    }
    return out as unknown as SingletonData[S];
  }

  meta(): { schemaVersion: number; conventionId: string } {
    const meta = this.ydoc.getMap<unknown>(META_ROOT);
    return { schemaVersion: Number(meta.get('schemaVersion') ?? SCHEMA_VERSION), conventionId: String(meta.get('conventionId') ?? '') };
  }

  setConventionId(id: Id): void {
    this.transact(() => {
      const meta = this.ydoc.getMap<unknown>(META_ROOT);
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('conventionId', id);
    });
  }

  /** True when nothing was ever written (a new convention, before its template). */
  isEmpty(): boolean {
    return this.ydoc.store.clients.size === 0;
  }

  private singletonRoot(name: SingletonName, field: string, spec: FieldSpec): Y.Text | Y.Map<unknown> {
    const root = singletonRoot(name, field);
    return spec.kind === 'text' ? this.ydoc.getText(root) : this.ydoc.getMap(root);
  }

  private requireLive(kind: EntityKind, id: Id): Y.Map<unknown> {
    const entity = this.entity(kind, id);
    if (!entity || !this.isLive(kind, id)) throw notFound(kind, id);
    return entity;
  }

  private checkParent(kind: EntityKind, parent: Id | null): Id | null {
    const parentKind = ENTITY_SPECS[kind].parent;
    if (parentKind === null) {
      if (parent !== null)
        throw new ModelError('no-parent', `Un élément « ${kind} » n'a pas de parent.`, `A "${kind}" has no parent.`);
      return null;
    }
    if (!this.isLive(parentKind, parent))
      throw new ModelError(
        'parent-missing',
        `Impossible de placer cet élément : son parent (${parentKind} « ${parent ?? '—'} ») n'existe pas ou a été supprimé.`,
        `Cannot place this item: its parent (${parentKind} "${parent ?? '—'}") does not exist or was deleted.`,
      );
    return parent;
  }

  private rankAt(kind: EntityKind, parent: Id | null, index: number | undefined, exclude?: Id): string {
    const siblings = this.orderedSiblings(kind, parent, exclude);
    const at = index === undefined ? siblings.length : Math.max(0, Math.min(index, siblings.length));
    let before = siblings[at - 1]?.rank ?? null;
    const after = siblings[at]?.rank ?? null;
    // Equal neighbours (a past concurrent insert): place just after the lower one's equals.
    if (before !== null && after !== null && before >= after) before = null;
    return rankBetween(before, after, this.random);
  }
}

export function positionOf(entity: Y.Map<unknown>): Position {
  const pos = entity.get(ENTITY_KEYS.pos) as Position | undefined;
  return pos ?? { parent: null, rank: '' };
}

export function readEntity(kind: EntityKind, entity: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: entity.get(ENTITY_KEYS.id) };
  for (const [field, spec] of Object.entries(ENTITY_SPECS[kind].fields) as Array<[string, FieldSpec]>) {
    out[field] = readValue(spec, entity.get(field));
  }
  return out;
}

function checkFields(kind: EntityKind, data: object): void {
  const fields = ENTITY_SPECS[kind].fields as Record<string, FieldSpec>;
  for (const [field, value] of Object.entries(data)) {
    const spec = fields[field];
    if (!spec) throw unknownField(field);
    if (value !== undefined) checkValue(spec, field, value);
  }
}

function notFound(kind: EntityKind, id: Id): ModelError {
  return new ModelError('not-found', `Élément introuvable (${kind} « ${id} ») : il a peut-être été supprimé.`, `Not found (${kind} "${id}"): it may have been deleted.`);
}

function unknownField(field: string): ModelError {
  return new ModelError('unknown-field', `Champ inconnu : « ${field} ».`, `Unknown field: "${field}".`);
}
