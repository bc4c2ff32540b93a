// What an import proposes: a list of model operations (add with a chosen id, update, move), checked against the
// document before anything is written, then applied in one transaction (one update, one undo step). Pure: the task
// pane applies it through ConventionDoc, the server applies it to a scratch copy to run the shared rules.
import type { ConventionDoc } from '../doc/convention-doc.ts';
import type { ModelError } from '../doc/errors.ts';
import { ENTITY_SPECS, type EntityData } from '../layout.ts';
import type { LockPolicy } from '../review/locks.ts';
import { addLock, moveLock } from '../review/structure-locks.ts';
import type { EntityKind } from '../types.ts';

export type ImportOp =
  | { op: 'add'; kind: EntityKind; id: string; parent: string | null; data: Record<string, unknown> }
  | { op: 'update'; kind: EntityKind; id: string; patch: Record<string, unknown> }
  | { op: 'move'; kind: EntityKind; id: string; parent: string };

/** The Yjs transaction origin of an applied import, for an UndoManager that undoes it as one change. */
export const IMPORT_ORIGIN = 'concerto:import-xlsx';

export interface Problem {
  fr: string;
  en: string;
}

/** Why the proposal no longer fits the document (someone deleted an objective since the preview), or null. */
export function checkProposal(model: ConventionDoc, ops: readonly ImportOp[]): Problem | null {
  const added = new Set<string>();
  const live = (kind: EntityKind, id: string | null) => id !== null && (added.has(`${kind}:${id}`) || model.isLive(kind, id));
  for (const op of ops) {
    const parentKind = ENTITY_SPECS[op.kind].parent;
    if (op.op === 'add') {
      if (model.entity(op.kind, op.id)) return changed(`l'identifiant « ${op.id} » est déjà pris`, `id "${op.id}" is taken`);
      if (parentKind && !live(parentKind, op.parent)) return changed(`le parent de « ${op.id} » a disparu`, `the parent of "${op.id}" is gone`);
      added.add(`${op.kind}:${op.id}`);
    } else {
      if (!live(op.kind, op.id)) return changed(`« ${op.id} » a été supprimé`, `"${op.id}" was deleted`);
      if (op.op === 'move' && parentKind && !live(parentKind, op.parent)) return changed(`le nouveau parent de « ${op.id} » a disparu`, `the new parent of "${op.id}" is gone`);
    }
  }
  return null;
}

/** An operation the review's locks refuse (the server would refuse the whole update), and why. */
export interface LockedOp {
  readonly op: ImportOp;
  readonly reason: Problem;
}

/**
 * The operations that write into a locked part: an entity added under a validated part or in a signed convention,
 * a locked field updated (the follow-up — yearly statuses, realised budgets, indicator values — stays open), a locked
 * entity moved. Each operation once, with the first lock found.
 */
export function lockedOps(locks: Pick<LockPolicy, 'lockOf'>, ops: readonly ImportOp[]): LockedOp[] {
  const out: LockedOp[] = [];
  for (const op of ops) {
    const lock =
      op.op === 'add'
        ? addLock(locks, op.kind, op.parent, op.id)
        : op.op === 'move'
          ? moveLock(locks, op.kind, op.id, op.parent)
          : Object.keys(op.patch).reduce<ReturnType<LockPolicy['lockOf']>>((found, field) => found ?? locks.lockOf({ kind: op.kind, id: op.id, field }), null);
    if (lock) out.push({ op, reason: { fr: lock.message.fr, en: lock.message.en } });
  }
  return out;
}

const changed = (fr: string, en: string): Problem => ({
  fr: `La convention a changé depuis l'aperçu (${fr}) : relancez l'import pour obtenir un nouvel aperçu.`,
  en: `The convention changed since the preview (${en}): run the import again for a new preview.`,
});

/**
 * Applies the operations in one transaction of `model` (give it the IMPORT_ORIGIN). Call checkProposal first: the
 * model checks each value before writing it, but a refusal midway would leave the earlier operations written.
 */
export function applyProposal(model: ConventionDoc, ops: readonly ImportOp[]): void {
  model.transact(() => {
    for (const op of ops) applyOp(model, op);
  });
}

/** One operation (throws the model's error, before writing, when a value does not fit the field). */
export function applyOp(model: ConventionDoc, op: ImportOp): void {
  // reason: the import builds `data`/`patch` from the field specs; ConventionDoc checks every value at runtime.
  if (op.op === 'add') model.add(op.kind, op.data as Partial<EntityData[EntityKind]>, { id: op.id, parent: op.parent });
  else if (op.op === 'update') model.update(op.kind, op.id, op.patch as Partial<EntityData[EntityKind]>);
  else model.move(op.kind, op.id, { parent: op.parent });
}

/** A model refusal as a problem for the person (the model's own French and English sentences). */
export const problemOf = (error: ModelError): Problem => ({ fr: error.fr, en: error.en });
