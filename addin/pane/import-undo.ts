// The apply and undo of an import: checks the proposal against the document and the review's locks right before
// writing (nothing under a validated part or in a signed convention: the server would refuse the update), applies it
// as one transaction, and a Y.UndoManager over the plan's collections that tracks only the import's origin, so
// « Annuler l'import » removes exactly that one change and none of the typing around it.
import * as Y from 'yjs';
import { ConventionDoc, currentReview, ENTITY_SPECS } from '../../shared/index.ts';
import { applyProposal, checkProposal, IMPORT_ORIGIN, type ImportOp, type LockedOp, lockedOps, type Problem } from '../../shared/exchange/import-proposal.ts';

const KINDS = ['organisation', 'person', 'axis', 'objective', 'action', 'indicator', 'budgetLine'] as const;

/** Why an import was not applied: the convention changed since the preview, or operations write into locked parts. */
export type ImportRefusal = { readonly kind: 'changed'; readonly problem: Problem } | { readonly kind: 'locked'; readonly locked: readonly LockedOp[] };

export class ImportUndo {
  private readonly undo: Y.UndoManager;
  private readonly model: ConventionDoc;

  constructor(readonly ydoc: Y.Doc) {
    this.model = new ConventionDoc(ydoc, IMPORT_ORIGIN);
    this.undo = new Y.UndoManager(
      KINDS.map((kind) => ydoc.getMap(ENTITY_SPECS[kind].collection)),
      { trackedOrigins: new Set([IMPORT_ORIGIN]), captureTimeout: 0 },
    );
  }

  /** The operations the review's locks refuse now, with why. */
  locked(ops: readonly ImportOp[]): LockedOp[] {
    return lockedOps(currentReview(this.model).locks, ops);
  }

  /** Applies the proposal as one transaction, or says why not (and writes nothing). */
  apply(ops: readonly ImportOp[]): ImportRefusal | null {
    const problem = checkProposal(this.model, ops);
    if (problem) return { kind: 'changed', problem };
    const locked = this.locked(ops);
    if (locked.length > 0) return { kind: 'locked', locked };
    this.undo.stopCapturing();
    applyProposal(this.model, ops);
    return null;
  }

  get canUndo(): boolean {
    return this.undo.undoStack.length > 0;
  }

  /** Undoes the last applied import. */
  undoLast(): void {
    this.undo.undo();
  }

  destroy(): void {
    this.undo.destroy();
  }
}
