// The import preview's wire form: what the server answers to an uploaded action plan (.xlsx) and the task pane
// shows — the operations it proposes, the report per cell, and the mapping screen's choices. Types only.
import type { EntityKind } from '../types.ts';
import type { Text } from '../validation/finding.ts';
import type { ImportOp } from './import-proposal.ts';

/** The tables an action plan workbook may hold. */
export type ImportTableKey = 'plan' | 'axes' | 'indicators' | 'budget' | 'milestones' | 'statuses' | 'sheets';

export interface ImportIssue {
  sheet: string;
  /** 1-based row of the sheet (null: about the sheet as a whole). */
  row: number | null;
  /** Column letter (null: about the row). */
  column: string | null;
  header: string | null;
  severity: 'error' | 'warning';
  /** A blocking issue is a cell the model cannot take: nothing is imported until the file is fixed. */
  blocking: boolean;
  message: Text;
  /** The shared rule, for findings of the validation run on the result. */
  rule?: string;
}

export interface ImportPreview {
  sheets: Array<{ name: string; table: ImportTableKey | null; headerRow: number; rows: number }>;
  plan: { sheet: string; columns: Array<{ index: number; header: string; field: string | null }>; missing: string[] } | null;
  /** The fields a plan column can feed, for the mapping screen. */
  fields: Array<{ key: string; label: { fr: string; en: string }; required: boolean }>;
  needsMapping: boolean;
  issues: ImportIssue[];
  counts: { added: Partial<Record<EntityKind, number>>; updated: Partial<Record<EntityKind, number>> };
  ops: ImportOp[];
  /** False when a blocking issue remains (or the columns need mapping): the pane offers no « Confirmer ». */
  canApply: boolean;
}
