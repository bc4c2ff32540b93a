// The import preview: an uploaded action plan (.xlsx) read against a convention, as the operations it proposes and
// a report per cell — what cannot be read (blocking), what will be created, and what the shared rules find on the
// result (computed on a scratch copy). Nothing is applied: the person confirms in the pane, which applies the ops.
import * as Y from 'yjs';
import { columnLetters } from '../../shared/workbook/address.ts';
import { Lookups } from '../../shared/workbook/lookups.ts';
import { ConventionDoc, type ConventionSnapshot, ENTITY_SPECS, type EntityKind, ModelError, readSnapshot, validate } from '../../shared/index.ts';
import { findTables, type Mapping, PLAN_FIELDS, type TableKey, type TableMatch } from './columns.ts';
import { type Issue, ImportContext, Row } from './context.ts';
import { Drafts } from './drafts.ts';
import { applyOp, type ImportOp } from '../../shared/exchange/import-proposal.ts';
import type { ImportPreview } from '../../shared/exchange/import-preview-types.ts';
import { readWorkbook } from './read-xlsx.ts';
import { readAxisRow, readBudgetRow, readIndicatorRow, readMilestoneRow, readPlanRow, readSheetRow, readStatusRow } from './rows.ts';
import { ruleColumn } from './rule-columns.ts';

export type { ImportPreview };

export interface ImportRequest {
  /** The person's choices when the headers were not recognised: the plan's sheet and header → field. */
  mapping?: { sheet?: string; columns?: Mapping };
  /** The day the rules are checked on (ISO). */
  today: string;
  /** The year a « Statut » column without a year stands for. */
  year?: number;
  random?: () => number;
}

const ORDER: TableKey[] = ['axes', 'plan', 'sheets', 'statuses', 'indicators', 'budget', 'milestones'];

export async function previewXlsxImport(bytes: Uint8Array, target: Y.Doc, request: ImportRequest): Promise<ImportPreview> {
  const sheets = await readWorkbook(bytes);
  const snapshot = readSnapshot(target);
  const tables = findTables(sheets, request.mapping);
  const plan = tables.find((t) => t.table === 'plan') ?? null;
  const base = {
    sheets: sheets.map((s) => ({ name: s.name, table: tables.find((t) => t.sheet === s)?.table ?? null, headerRow: s.headerRow, rows: s.rows.length })),
    plan: plan && { sheet: plan.sheet.name, columns: plan.columns, missing: plan.missing.map((m) => m.key) },
    fields: PLAN_FIELDS.filter((f) => f.key !== 'id' && f.key !== 'planned').map((f) => ({ key: f.key, label: f.label, required: f.required === true })),
  };
  const incomplete = tables.filter((t) => t.missing.length > 0);
  if (!plan || incomplete.length > 0) {
    const issues: Issue[] = incomplete.map((t) => ({
      sheet: t.sheet.name,
      row: t.sheet.headerRow,
      column: null,
      header: null,
      severity: 'error',
      blocking: true,
      message: {
        fr: `Colonnes non reconnues dans « ${t.sheet.name} » : il manque ${t.missing.map((m) => `« ${m.label.fr} »`).join(', ')}. Indiquez quelle colonne correspond à quoi.`,
        en: `Columns not recognised in "${t.sheet.name}": ${t.missing.map((m) => `"${m.label.en}"`).join(', ')} missing. Say which column is which.`,
      },
    }));
    return { ...base, needsMapping: true, issues, counts: { added: {}, updated: {} }, ops: [], canApply: false };
  }

  const drafts = new Drafts(snapshot, request.random);
  const ctx = new ImportContext(new Lookups(snapshot), drafts, request.year ?? yearOfToday(request.today));
  for (const table of ORDER)
    for (const match of tables.filter((t) => t.table === table))
      for (const r of match.sheet.rows) readRow(ctx, table, new Row(match, r.row, r.cells), snapshot);
  const ops = drafts.ops();
  checkOnScratch(ctx, tables, target, ops, request.today, snapshot);
  const counts: ImportPreview['counts'] = { added: {}, updated: {} };
  for (const op of ops) {
    const bucket = op.op === 'add' ? counts.added : counts.updated;
    bucket[op.kind] = (bucket[op.kind] ?? 0) + 1;
  }
  const issues = ctx.issues.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return { ...base, needsMapping: false, issues, counts, ops, canApply: !issues.some((i) => i.blocking) };
}

function readRow(ctx: ImportContext, table: TableKey, row: Row, snapshot: ConventionSnapshot): void {
  switch (table) {
    case 'axes':
      readAxisRow(ctx, row);
      return;
    case 'plan':
      readPlanRow(ctx, row, snapshot);
      return;
    case 'sheets':
      readSheetRow(ctx, row, snapshot);
      return;
    case 'statuses':
      readStatusRow(ctx, row);
      return;
    case 'indicators':
      readIndicatorRow(ctx, row);
      return;
    case 'budget':
      readBudgetRow(ctx, row);
      return;
    case 'milestones':
      readMilestoneRow(ctx, row);
      return;
  }
}

/** Applies the ops to a copy of the convention, operation by operation, then runs the shared rules on the result. */
/** The year of an AAAA-MM-JJ date, read from its text (no time zone can move it to the year before). */
function yearOfToday(today: string): number {
  const year = /^(\d{4})-\d{2}-\d{2}$/.test(today) ? Number(today.slice(0, 4)) : Number.NaN;
  if (!Number.isInteger(year) || year < 1900) throw new RangeError(`Date du jour invalide : « ${today} » (AAAA-MM-JJ attendu).`);
  return year;
}

function checkOnScratch(ctx: ImportContext, tables: TableMatch[], target: Y.Doc, ops: ImportOp[], today: string, before: ConventionSnapshot): void {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(target));
    const model = new ConventionDoc(scratch);
    const at = (kind: EntityKind, id: string) => ctx.drafts.all.get(`${kind}:${id}`);
    for (const op of ops) {
      try {
        applyOp(model, op);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        const source = at(op.kind, op.id)?.source;
        ctx.issues.push({ sheet: source?.sheet ?? '', row: source?.row ?? null, column: null, header: null, severity: 'error', blocking: true, message: { fr: error.fr, en: error.en } });
      }
    }
    const known = new Set(validate(before, { today }).map((f) => `${f.rule}|${f.entity.kind}|${f.entity.id}|${f.message.fr}`));
    for (const finding of validate(readSnapshot(scratch), { today })) {
      const draft = finding.entity.kind in ENTITY_SPECS ? at(finding.entity.kind as EntityKind, finding.entity.id) : undefined;
      if (!draft || known.has(`${finding.rule}|${finding.entity.kind}|${finding.entity.id}|${finding.message.fr}`)) continue;
      const match = tables.find((t) => t.sheet.name === draft.source.sheet);
      const field = ruleColumn(finding.rule);
      const column = match && field ? match.columns.find((c) => c.field === field || c.field?.startsWith(`${field}.`)) : undefined;
      ctx.issues.push({
        sheet: draft.source.sheet,
        row: draft.source.row,
        column: column ? columnLetters(column.index) : null,
        header: column?.header ?? null,
        severity: finding.severity,
        blocking: false,
        message: finding.message,
        rule: finding.rule,
      });
    }
  } finally {
    scratch.destroy();
  }
}
