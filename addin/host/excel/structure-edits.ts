// Structure a person changes in the workbook: a row typed under a table (a new entity, with the fresh id the adapter
// already wrote in its hidden cell), a deleted row (the entity goes, with an undo), a parent chosen in the parent
// column (the entity moves). `applyStructureEdit` turns one into one model transaction; `takeStructureEdit` first
// asks the review's locks, and for a locked part writes nothing, puts the workbook back and says why.
import {
  type ActionStatus,
  addLock,
  type ConventionDoc,
  ENTITY_SPECS,
  type EntityKind,
  type Lock,
  type LockPolicy,
  moveLock,
  readSnapshot,
  removeLock,
} from '../../../shared/index.ts';
import { parseFieldText, writeField } from '../../binding/field-codec.ts';
import type { EntityRef, FieldValue } from '../../../shared/field-ref.ts';
import type { HostPort } from '../port.ts';
import { type ExcelProblem, problems } from './problems.ts';

export type StructureEdit =
  | { type: 'add'; entity: EntityRef; parent: EntityRef | null; values: FieldValue[] }
  | { type: 'remove'; entity: EntityRef; label: { fr: string; en: string } }
  | { type: 'move'; entity: EntityRef; parent: EntityRef };

export interface StructureOutcome {
  /** Undoes the edit in the model (offered by the pane after a deletion). */
  undo?: () => void;
}

/** Applies a structure edit as one model transaction; values that do not parse are left to the binding's check. */
export function applyStructureEdit(model: ConventionDoc, edit: StructureEdit): StructureOutcome {
  const kind = edit.entity.kind as EntityKind;
  if (!(kind in ENTITY_SPECS)) return {};
  switch (edit.type) {
    case 'add':
      model.transact(() => {
        model.add(kind, {}, { parent: edit.parent?.id ?? null, id: edit.entity.id });
        for (const { ref, value } of edit.values) {
          const parsed = parseFieldText(ref, value);
          if (!parsed.ok) continue;
          // A year's status is a { status, comment, decision } entry; the codec writes a bare code for a year the
          // action has no entry for yet, so a new action gets the full entry here.
          if (ref.field.startsWith('statusByYear.') && typeof parsed.value === 'string') {
            const year = ref.field.slice('statusByYear.'.length);
            const entries = model.read('action', ref.id).statusByYear;
            model.update('action', ref.id, { statusByYear: { ...entries, [year]: { status: parsed.value as ActionStatus, comment: '', decision: null } } });
          } else writeField(model, ref, parsed.value);
        }
      });
      return { undo: () => model.isLive(kind, edit.entity.id) && model.remove(kind, edit.entity.id) };
    case 'remove':
      if (!model.isLive(kind, edit.entity.id)) return {};
      model.remove(kind, edit.entity.id);
      return { undo: () => model.restore(kind, edit.entity.id) };
    case 'move': {
      if (!model.isLive(kind, edit.entity.id)) return {};
      const from = model.parentOf(kind, edit.entity.id);
      model.move(kind, edit.entity.id, { parent: edit.parent.id });
      return { undo: () => model.isLive(kind, edit.entity.id) && from !== null && model.move(kind, edit.entity.id, { parent: from }) };
    }
  }
}

/** Why the review's locks forbid the edit now (the server would refuse it), or null. */
export function structureLock(locks: Pick<LockPolicy, 'lockOf'>, edit: StructureEdit): Lock | null {
  const kind = edit.entity.kind as EntityKind;
  if (!(kind in ENTITY_SPECS)) return null;
  switch (edit.type) {
    case 'add':
      return addLock(locks, kind, edit.parent?.id ?? null, edit.entity.id);
    case 'remove':
      return removeLock(locks, kind, edit.entity.id);
    case 'move':
      return moveLock(locks, kind, edit.entity.id, edit.parent.id);
  }
}

/**
 * The pane's side of a structure edit: applied when the locks allow it; otherwise nothing is written, the workbook
 * is rendered again from the model (the row typed goes, the row deleted comes back, the parent chosen is put back)
 * and the person is told why, as a `locked` problem.
 */
export async function takeStructureEdit(
  model: ConventionDoc,
  edit: StructureEdit,
  locks: Pick<LockPolicy, 'lockOf'>,
  host: Pick<HostPort, 'render'>,
  report: (problem: ExcelProblem) => void,
): Promise<StructureOutcome> {
  const lock = structureLock(locks, edit);
  if (!lock) return applyStructureEdit(model, edit);
  report(problems.lockedStructure(edit.type, edit.entity, lock.message));
  await host.render(readSnapshot(model.ydoc));
  return {};
}
