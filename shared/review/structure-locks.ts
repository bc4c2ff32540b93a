// The locks on structure: adding an entity under a part, moving one, removing one. The same targets the server
// judges for these writes (server/protocol/update-targets.ts): the new or moved entity as a whole, its `pos` or
// `deleted`, and the parent it goes under as a whole.
import { ENTITY_SPECS } from '../layout.ts';
import type { EntityKind } from '../types.ts';
import type { Lock, LockPolicy } from './locks.ts';

type Locks = Pick<LockPolicy, 'lockOf'>;

/** Why a `kind` cannot be added under `parent` (null: at the top) now, or null. `id`: the new id, when chosen. */
export function addLock(locks: Locks, kind: EntityKind, parent: string | null, id = ''): Lock | null {
  return locks.lockOf({ kind, id, field: '*', parent }) ?? parentLock(locks, kind, parent);
}

/** Why the entity cannot move under `parent` now, or null. */
export function moveLock(locks: Locks, kind: EntityKind, id: string, parent: string | null): Lock | null {
  return locks.lockOf({ kind, id, field: 'pos' }) ?? parentLock(locks, kind, parent);
}

/** Why the entity cannot be removed (or restored) now, or null. */
export function removeLock(locks: Locks, kind: EntityKind, id: string): Lock | null {
  return locks.lockOf({ kind, id, field: 'deleted' });
}

function parentLock(locks: Locks, kind: EntityKind, parent: string | null): Lock | null {
  const parentKind = ENTITY_SPECS[kind].parent;
  return parent && parentKind ? locks.lockOf({ kind: parentKind, id: parent, field: '*' }) : null;
}
