// One reader per table: each row becomes fields of an axis, objective, action, indicator or budget line (found or
// new), with every cell read through the Excel add-in's codecs and every problem reported on its cell.
import { fold, leadingCode } from '../../shared/workbook/lookups.ts';
import { type ConventionSnapshot, PARTNER_ROLES, THEMATIC_FIELDS, type YearStatus } from '../../shared/index.ts';
import { type ImportContext, type Row, splitList, titleAfterNumber } from './context.ts';

const REQUIRED = (what: string, en: string) => ({ fr: `${what} manquant : complétez la cellule ou retirez la ligne.`, en: `Missing ${en}: fill in the cell or remove the row.` });

export function readAxisRow(ctx: ImportContext, row: Row): void {
  const number = leadingCode(row.text('number'));
  const title = row.text('title');
  if (!number) {
    ctx.report(row, 'number', 'error', REQUIRED('Numéro', 'number'));
    return;
  }
  const objective = /^obj/i.test(row.text('level')) || (!/^axe/i.test(row.text('level')) && number.includes('.'));
  if (objective) {
    const id = ctx.byIdCell(row, 'objective') ?? ctx.lookups.objectiveByNumber.get(number);
    const axis = ctx.axis(number.split('.')[0] ?? number, '', row);
    if (!id) {
      ctx.objective(number, title, '', row);
      return;
    }
    const draft = ctx.drafts.touch('objective', id, row.source);
    draft.parent = axis;
    Object.assign(draft.data, { number, ...(title ? { title } : {}) });
    return;
  }
  const id = ctx.byIdCell(row, 'axis') ?? ctx.lookups.axisByNumber.get(number);
  const data = { number: Number(number), ...(title ? { title } : {}), ...(row.has('issues') ? { issues: row.text('issues') } : {}) };
  if (id) Object.assign(ctx.drafts.touch('axis', id, row.source).data, data);
  else Object.assign(ctx.drafts.create('axis', null, { title: `Axe ${number}`, ...data }, row.source).data, data);
}

export function readPlanRow(ctx: ImportContext, row: Row, snapshot: ConventionSnapshot): void {
  const code = row.text('code');
  const title = row.text('title');
  if (!code) {
    ctx.report(row, 'code', 'error', REQUIRED("Code de l'action", 'action code'));
    return;
  }
  const objectiveLabel = row.text('objective');
  const objectiveNumber = leadingCode(objectiveLabel) || code.split('.').slice(0, -1).join('.');
  if (!objectiveNumber || !/^\d/.test(objectiveNumber)) {
    ctx.report(row, row.has('objective') ? 'objective' : 'code', 'error', {
      fr: `Impossible de savoir à quel objectif rattacher l'action « ${code} » : indiquez l'objectif (par exemple « 1.2 ») ou un code de la forme 1.2.3.`,
      en: `Cannot tell which objective action "${code}" belongs to: give the objective (e.g. "1.2") or a code like 1.2.3.`,
    });
    return;
  }
  const objective = ctx.objective(objectiveNumber, titleAfterNumber(objectiveLabel), titleAfterNumber(row.text('axis')), row);
  const existing = ctx.byIdCell(row, 'action') ?? ctx.action(code);
  if (!existing && !title) {
    ctx.report(row, 'title', 'error', REQUIRED("Intitulé de l'action", 'action title'));
    return;
  }
  const draft = existing ? ctx.drafts.touch('action', existing, row.source) : ctx.drafts.create('action', objective, {}, row.source);
  draft.parent = objective;
  const data = draft.data;
  data.code = code;
  if (title) data.title = title;
  if (row.has('description')) data.description = row.text('description');
  readActionExtras(ctx, row, data, snapshot);
  const pilot = row.text('pilot');
  if (row.has('pilot')) data.pilotId = pilot ? ctx.organisation(pilot, row, 'pilot') : null;
  const referent = row.text('referent');
  if (row.has('referent')) data.referentId = referent ? ctx.person(referent, row, 'referent') : null;
  if (row.has('partners')) data.partners = partners(ctx, row);
  for (const field of ['startDate', 'endDate'] as const) {
    if (!row.has(field)) continue;
    const value = ctx.read(row, field, 'date');
    if (value !== undefined) data[field] = value || null;
  }
  if (row.has('type')) {
    const type = ctx.read(row, 'type', 'actionType');
    if (type !== undefined) data.type = type || null;
  }
  for (const [year, field] of [...row.years('status.'), ...(row.has('status') ? [[String(ctx.year), 'status'] as [string, string]] : [])]) {
    const status = ctx.read(row, field, 'status');
    if (status) setStatus(ctx, draft.id, data, year, status, undefined);
  }
}

/** Public, fields, communes and human resources: on the plan sheet of a Caf's own file, or on « Fiches actions ». */
export function readActionExtras(ctx: ImportContext, row: Row, data: Record<string, unknown>, snapshot: ConventionSnapshot): void {
  for (const field of ['public', 'humanResources'] as const) if (row.has(field)) data[field] = row.text(field);
  if (row.has('communes')) data.communes = splitList(row.text('communes'));
  if (row.has('fields')) {
    const labels = new Map<string, string>();
    for (const [code, label] of Object.entries(THEMATIC_FIELDS.labels)) labels.set(fold(label.fr), code).set(fold(code), code);
    for (const [code, label] of Object.entries(snapshot.convention.thematicFields)) labels.set(fold(label), code).set(fold(code), code);
    const codes: string[] = [];
    for (const label of splitList(row.text('fields'))) {
      const code = labels.get(fold(label));
      if (code) codes.push(code);
      else ctx.report(row, 'fields', 'warning', { fr: `Champ « ${label} » inconnu : il n'est pas repris.`, en: `Unknown field "${label}": left out.` });
    }
    data.fields = codes;
  }
}

export function readSheetRow(ctx: ImportContext, row: Row, snapshot: ConventionSnapshot): void {
  const id = ctx.byIdCell(row, 'action') ?? ctx.action(row.text('code'));
  if (!id) {
    ctx.report(row, 'code', 'error', unknownAction(row.text('code')));
    return;
  }
  readActionExtras(ctx, row, ctx.drafts.touch('action', id, row.source).data, snapshot);
}

export function readStatusRow(ctx: ImportContext, row: Row): void {
  const id = ctx.byIdCell(row, 'action') ?? ctx.action(row.text('code'));
  if (!id) {
    ctx.report(row, 'code', 'error', unknownAction(row.text('code')));
    return;
  }
  const year = ctx.number(row, 'year');
  if (year === undefined) return;
  if (year === null || !Number.isInteger(year)) {
    ctx.report(row, 'year', 'error', { fr: 'Année manquante : saisissez une année sur quatre chiffres.', en: 'Missing year: enter a four-digit year.' });
    return;
  }
  const status = ctx.read(row, 'status', 'status');
  if (!status) return;
  setStatus(ctx, id, ctx.drafts.touch('action', id, row.source).data, String(year), status, row.text('comment'));
}

function setStatus(ctx: ImportContext, id: string, data: Record<string, unknown>, year: string, status: string, comment: string | undefined): void {
  if (data.statusByYear === undefined) data.statusByYear = (ctx.drafts.currentValue('action', id, 'statusByYear') as Record<string, YearStatus> | undefined) ?? {};
  const all = data.statusByYear as Record<string, YearStatus>;
  const before = all[year];
  all[year] = { status: status as YearStatus['status'], comment: comment ?? before?.comment ?? '', decision: before?.decision ?? null };
}

function partners(ctx: ImportContext, row: Row): Record<string, string> {
  const roles = new Map(Object.entries(PARTNER_ROLES.labels).flatMap(([code, l]) => [[fold(l.fr), code] as const, [fold(code), code] as const]));
  const out: Record<string, string> = {};
  for (const item of splitList(row.text('partners'))) {
    const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(item);
    const name = (m?.[1] ?? item).trim();
    const role = m?.[2] ? (roles.get(fold(m[2])) ?? fold(m[2]).replace(/\s+/g, '_')) : 'partenaire';
    if (name) out[ctx.organisation(name, row, 'partners')] = role;
  }
  return out;
}

export function readIndicatorRow(ctx: ImportContext, row: Row): void {
  const label = row.text('label');
  const objectiveLabel = row.text('objective');
  const number = leadingCode(objectiveLabel);
  if (!label) {
    ctx.report(row, 'label', 'error', REQUIRED("Libellé de l'indicateur", 'indicator label'));
    return;
  }
  if (!number) {
    ctx.report(row, 'objective', 'error', REQUIRED('Objectif', 'objective'));
    return;
  }
  const objective = ctx.objective(number, titleAfterNumber(objectiveLabel), '', row);
  const draft = labelledDraft(ctx, row, 'indicator', objective, label);
  if (row.has('kind')) {
    const kind = ctx.read(row, 'kind', 'indicatorKind');
    if (kind) draft.data.kind = kind;
  }
  for (const field of ['unit', 'source', 'frequency'] as const) if (row.has(field)) draft.data[field] = row.text(field);
  if (row.has('owner')) {
    const owner = row.text('owner');
    draft.data.ownerId = owner ? ctx.person(owner, row, 'owner') : null;
  }
  for (const field of ['baselineValue', 'baselineYear', 'targetValue', 'targetYear'] as const) {
    if (!row.has(field)) continue;
    const n = ctx.number(row, field);
    if (n !== undefined) draft.data[field] = n;
  }
  const years = row.years('values.');
  if (years.length > 0) draft.data.values = yearRecord(ctx, row, years, ctx.drafts.currentValue('indicator', draft.id, 'values'));
}

/** The action a budget line or milestone row names by its code (reported when unknown). */
function actionOfRow(ctx: ImportContext, row: Row): string | null {
  const code = leadingCode(row.text('action'));
  const action = ctx.action(code);
  if (!action) ctx.report(row, 'action', 'error', unknownAction(code));
  return action ?? null;
}

export function readBudgetRow(ctx: ImportContext, row: Row): void {
  const action = actionOfRow(ctx, row);
  if (!action) return;
  const funder = row.text('funder');
  if (!funder) {
    ctx.report(row, 'funder', 'error', REQUIRED('Financeur', 'funder'));
    return;
  }
  const existing = ctx.byIdCell(row, 'budgetLine');
  const draft = existing ? ctx.drafts.touch('budgetLine', existing, row.source) : ctx.drafts.create('budgetLine', action, {}, row.source);
  draft.parent = action;
  draft.data.funderId = ctx.organisation(funder, row, 'funder');
  if (row.has('nature')) {
    const nature = ctx.read(row, 'nature', 'nature');
    if (nature) draft.data.nature = nature;
  }
  if (row.has('scheme')) draft.data.scheme = row.text('scheme');
  for (const prefix of ['planned', 'realised'] as const) {
    const years = row.years(`${prefix}.`);
    if (years.length > 0) draft.data[prefix] = yearRecord(ctx, row, years, ctx.drafts.currentValue('budgetLine', draft.id, prefix));
  }
}

export function readMilestoneRow(ctx: ImportContext, row: Row): void {
  const action = actionOfRow(ctx, row);
  if (!action) return;
  const label = row.text('label');
  if (!label) {
    ctx.report(row, 'label', 'error', REQUIRED('Jalon', 'milestone'));
    return;
  }
  const draft = labelledDraft(ctx, row, 'milestone', action, label);
  if (row.has('date')) {
    const date = ctx.read(row, 'date', 'date');
    if (date !== undefined) draft.data.date = date || null;
  }
}

/**
 * The draft a row of a labelled child (indicator, milestone) feeds: the entity its id cell names, else the one of that
 * parent with the same label, else a new one; placed under `parent`, with `label`.
 */
function labelledDraft(ctx: ImportContext, row: Row, kind: 'indicator' | 'milestone', parent: string, label: string) {
  const existing =
    ctx.byIdCell(row, kind) ??
    [...ctx.drafts.all.values()].find((d) => d.kind === kind && d.parent === parent && fold(String(d.data.label ?? d.current.label)) === fold(label))?.id;
  const draft = existing ? ctx.drafts.touch(kind, existing, row.source) : ctx.drafts.create(kind, parent, {}, row.source);
  draft.parent = parent;
  draft.data.label = label;
  return draft;
}

/** Year columns into a record, starting from the current one: a filled cell sets its year, an empty one removes it. */
function yearRecord(ctx: ImportContext, row: Row, years: Array<[string, string]>, current: unknown): Record<string, number> {
  const out = { ...((current as Record<string, number> | undefined) ?? {}) };
  for (const [year, field] of years) {
    const n = ctx.number(row, field);
    if (n === undefined) continue;
    if (n === null) delete out[year];
    else out[year] = n;
  }
  return out;
}

const unknownAction = (code: string) => ({
  fr: `Aucune action « ${code} » dans la convention ni dans le plan importé : vérifiez le code.`,
  en: `No action "${code}" in the convention or the imported plan: check the code.`,
});
