// Fine-grained change events: after each transaction, which entities and fields changed, and whether the change
// was made here or arrived from another peer. The Word and Excel bindings use them to touch only what changed.
import type * as Y from 'yjs';
import { ENTITY_KEYS, ENTITY_KINDS, ENTITY_SPECS, type ModelKind, SINGLETON_SPECS, type SingletonName, singletonRoot } from './layout.ts';

export type ChangeType = 'added' | 'updated' | 'moved' | 'removed' | 'restored';

export interface EntityChange {
  kind: ModelKind;
  /** The entity id; for singletons, the singleton's name. */
  id: string;
  type: ChangeType;
  /** The fields whose value changed (for `updated`; empty for the others). */
  fields: string[];
}

export interface ChangeBatch {
  /** True when the transaction was made on this peer (not received from the network). */
  local: boolean;
  origin: unknown;
  changes: EntityChange[];
  /**
   * True when entities were added, moved, removed or restored: descendants may have appeared or disappeared
   * with them (a deleted objective takes its actions along), so a binding should re-read the structure.
   */
  structural: boolean;
}

type Pending = Map<string, { kind: ModelKind; id: string; type: ChangeType; fields: Set<string> }>;

/** Subscribes to change batches; returns the unsubscribe function. */
export function observeChanges(ydoc: Y.Doc, listener: (batch: ChangeBatch) => void): () => void {
  const pending = new WeakMap<Y.Transaction, Pending>();
  const note = (tr: Y.Transaction, kind: ModelKind, id: string, type: ChangeType, field?: string) => {
    let changes = pending.get(tr);
    if (!changes) {
      changes = new Map();
      pending.set(tr, changes);
    }
    const key = `${kind}\u0000${id}`;
    const existing = changes.get(key);
    if (!existing) changes.set(key, { kind, id, type, fields: new Set(field ? [field] : []) });
    else {
      if (existing.type === 'updated' && type !== 'updated') existing.type = type;
      if (field) existing.fields.add(field);
    }
  };

  const cleanups: Array<() => void> = [];
  for (const kind of ENTITY_KINDS) {
    const collection = ydoc.getMap<Y.Map<unknown>>(ENTITY_SPECS[kind].collection);
    const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
      for (const event of events) {
        const [id, field] = event.path as string[];
        if (id === undefined) {
          for (const [key, change] of (event as Y.YMapEvent<unknown>).changes.keys)
            note(tr, kind, key, change.action === 'delete' ? 'removed' : 'added');
        } else if (field !== undefined) {
          note(tr, kind, id, 'updated', field);
        } else {
          const entity = collection.get(id);
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) {
            if (key === ENTITY_KEYS.deleted) note(tr, kind, id, entity?.get(ENTITY_KEYS.deleted) === true ? 'removed' : 'restored');
            else if (key === ENTITY_KEYS.pos) note(tr, kind, id, 'moved');
            else note(tr, kind, id, 'updated', key);
          }
        }
      }
    };
    collection.observeDeep(handler);
    cleanups.push(() => collection.unobserveDeep(handler));
  }

  for (const name of Object.keys(SINGLETON_SPECS) as SingletonName[]) {
    const scalars = ydoc.getMap(name);
    const onScalars = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
      for (const key of event.keysChanged) note(tr, name, name, 'updated', key);
    };
    scalars.observe(onScalars);
    cleanups.push(() => scalars.unobserve(onScalars));
    for (const [field, spec] of Object.entries(SINGLETON_SPECS[name])) {
      if (spec.kind === 'scalar') continue;
      const root = spec.kind === 'text' ? ydoc.getText(singletonRoot(name, field)) : ydoc.getMap(singletonRoot(name, field));
      const onRoot = (_event: unknown, tr: Y.Transaction) => note(tr, name, name, 'updated', field);
      root.observe(onRoot);
      cleanups.push(() => root.unobserve(onRoot));
    }
  }

  const onAfter = (tr: Y.Transaction) => {
    const changes = pending.get(tr);
    if (!changes) return;
    pending.delete(tr);
    const list = [...changes.values()].map((c) => ({ kind: c.kind, id: c.id, type: c.type, fields: c.type === 'updated' ? [...c.fields] : [] }));
    listener({ local: tr.local, origin: tr.origin, changes: list, structural: list.some((c) => c.type !== 'updated') });
  };
  ydoc.on('afterTransaction', onAfter);
  return () => {
    ydoc.off('afterTransaction', onAfter);
    for (const cleanup of cleanups) cleanup();
  };
}
