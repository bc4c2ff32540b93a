// The undo of an applied import: a Y.UndoManager over the plan's collections that tracks only the import's origin,
// so « Annuler l'import » removes exactly that one change and none of the typing around it.
import * as Y from 'yjs';
import { ConventionDoc, ENTITY_SPECS } from '../../shared/index.ts';
import { applyProposal, checkProposal, IMPORT_ORIGIN, type ImportOp, type Problem } from '../../shared/exchange/import-proposal.ts';

const KINDS = ['organisation', 'person', 'axis', 'objective', 'action', 'indicator', 'budgetLine'] as const;

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

  /** Applies the proposal as one transaction; the problem when the convention changed since the preview. */
  apply(ops: readonly ImportOp[]): Problem | null {
    const problem = checkProposal(this.model, ops);
    if (problem) return problem;
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
