// Turns what a person typed in an « Ajouter » form into one model.add call: checks each field first (in words the
// person understands), then the review's locks (nothing is added under a validated part or in a signed convention:
// the server would refuse it), then adds; a ModelError comes back as a message and the form keeps its values.
import {
  addLock,
  type ConventionDoc,
  type ConventionSnapshot,
  INDICATOR_KINDS,
  type IndicatorKind,
  isCode,
  type Lock,
  type LockPolicy,
  ModelError,
} from '../../shared/index.ts';
import type { MessageKey, Params } from '../i18n.ts';
import { allActions, allObjectives, nextAxisNumber, proposeActionCode, proposeObjectiveNumber, signatoryOrganisations } from './plan-numbers.ts';

export const ADD_KINDS = ['axis', 'objective', 'action', 'indicator'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

/** What the forms hold, as typed. A null proposed field means « use the proposal ». */
export interface AddValues {
  axis: { number: string | null; title: string };
  objective: { axisId: string; number: string | null; title: string };
  action: { objectiveId: string; code: string | null; title: string; pilotId: string };
  indicator: {
    objectiveId: string;
    label: string;
    kind: string;
    unit: string;
    baselineValue: string;
    baselineYear: string;
    targetValue: string;
    targetYear: string;
  };
}

export function emptyValues(): AddValues {
  return {
    axis: { number: null, title: '' },
    objective: { axisId: '', number: null, title: '' },
    action: { objectiveId: '', code: null, title: '', pilotId: '' },
    indicator: { objectiveId: '', label: '', kind: 'resultat', unit: '', baselineValue: '', baselineYear: '', targetValue: '', targetYear: '' },
  };
}

/** After a successful add: clear what was typed, keep the chosen parent (to add several in a row). */
export function clearedValues<K extends AddKind>(kind: K, values: AddValues[K]): AddValues[K] {
  const fresh = emptyValues()[kind];
  if ('axisId' in values && 'axisId' in fresh) fresh.axisId = values.axisId;
  if ('objectiveId' in values && 'objectiveId' in fresh) fresh.objectiveId = values.objectiveId;
  return fresh;
}

/** The proposal shown for each kind's numbered field ('' when there is nothing to propose yet). */
export function proposal(kind: AddKind, values: AddValues, snapshot: ConventionSnapshot): string {
  if (kind === 'axis') return String(nextAxisNumber(snapshot.axes));
  if (kind === 'objective') return proposeObjectiveNumber(snapshot, values.objective.axisId);
  if (kind === 'action') return proposeActionCode(snapshot, values.action.objectiveId);
  return '';
}

export interface Problem {
  key: MessageKey;
  params?: Params;
}

export type AddResult =
  | { ok: true; kind: AddKind; id: string; done: Problem }
  /** `fields`: per-field problems; `error`: the model's own refusal (already in both languages) or an unexpected one. */
  | { ok: false; fields: Record<string, Problem>; error?: Problem | { fr: string; en: string } };

type Model = Pick<ConventionDoc, 'add'>;
export type AddLocks = Pick<LockPolicy, 'lockOf'>;

/** The field naming where a kind is added (its parent), null for an axis. */
export const PARENT_FIELD: Record<AddKind, 'axisId' | 'objectiveId' | null> = { axis: null, objective: 'axisId', action: 'objectiveId', indicator: 'objectiveId' };

/** Why a `kind` cannot be added under `parent` (null: at the top) now, or null. */
export function addLockOf(locks: AddLocks | null, kind: AddKind, parent: string | null): Lock | null {
  return locks ? addLock(locks, kind, parent) : null;
}

/** `locks`: the review's lock policy now (null: nothing is locked). */
export function addEntry(model: Model, snapshot: ConventionSnapshot, kind: AddKind, values: AddValues, locks: AddLocks | null = null): AddResult {
  const fields: Record<string, Problem> = {};
  const proposed = proposal(kind, values, snapshot);
  const run = (add: () => string, done: Problem): AddResult => {
    if (Object.keys(fields).length > 0) return { ok: false, fields };
    const parentField = PARENT_FIELD[kind];
    const lock = addLockOf(locks, kind, parentField ? (values[kind] as Record<string, string | null>)[parentField] || null : null);
    if (lock) return { ok: false, fields: parentField ? { [parentField]: { key: 'add.error.locked' } } : {}, error: lock.message };
    try {
      return { ok: true, kind, id: add(), done };
    } catch (error) {
      if (error instanceof ModelError) return { ok: false, fields, error: { fr: error.fr, en: error.en } };
      return { ok: false, fields, error: { key: 'add.error.unexpected', params: { message: String(error) } } };
    }
  };

  switch (kind) {
    case 'axis': {
      const v = values.axis;
      const number = positiveInteger(v.number ?? proposed, 'number', fields);
      if (number !== null && snapshot.axes.some((a) => a.number === number)) fields.number = { key: 'add.error.axisTaken', params: { value: number } };
      const title = required(v.title, 'title', fields);
      return run(() => model.add('axis', { number: number ?? 0, title }), { key: 'add.done.axis', params: { value: number ?? '' } });
    }
    case 'objective': {
      const v = values.objective;
      const axisId = parent(v.axisId, 'axisId', snapshot.axes, fields);
      const number = required(v.number ?? proposed, 'number', fields);
      if (number && allObjectives(snapshot).some((o) => o.number === number)) fields.number = { key: 'add.error.objectiveTaken', params: { value: number } };
      const title = required(v.title, 'title', fields);
      return run(() => model.add('objective', { number, title }, { parent: axisId }), { key: 'add.done.objective', params: { value: number } });
    }
    case 'action': {
      const v = values.action;
      const objectiveId = parent(v.objectiveId, 'objectiveId', allObjectives(snapshot), fields);
      const code = required(v.code ?? proposed, 'code', fields);
      if (code && allActions(snapshot).some((a) => a.code === code)) fields.code = { key: 'add.error.codeTaken', params: { value: code } };
      const title = required(v.title, 'title', fields);
      const pilotId = required(v.pilotId, 'pilotId', fields);
      if (pilotId && !signatoryOrganisations(snapshot).some((o) => o.id === pilotId)) fields.pilotId = { key: 'add.error.gone' };
      return run(() => model.add('action', { code, title, pilotId }, { parent: objectiveId }), { key: 'add.done.action', params: { value: code } });
    }
    case 'indicator': {
      const v = values.indicator;
      const objectiveId = parent(v.objectiveId, 'objectiveId', allObjectives(snapshot), fields);
      const label = required(v.label, 'label', fields);
      const indicatorKind: IndicatorKind = isCode(INDICATOR_KINDS, v.kind) ? v.kind : 'resultat';
      const data = {
        label,
        kind: indicatorKind,
        unit: v.unit.trim(),
        baselineValue: decimal(v.baselineValue, 'baselineValue', fields),
        baselineYear: year(v.baselineYear, 'baselineYear', fields),
        targetValue: decimal(v.targetValue, 'targetValue', fields),
        targetYear: year(v.targetYear, 'targetYear', fields),
      };
      return run(() => model.add('indicator', data, { parent: objectiveId }), { key: 'add.done.indicator', params: { value: label } });
    }
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown kind: ${String(unknown)}`);
    }
  }
}

function required(text: string, field: string, fields: Record<string, Problem>): string {
  const trimmed = text.trim();
  if (trimmed === '') fields[field] = { key: 'add.error.required' };
  return trimmed;
}

function parent(id: string, field: string, live: ReadonlyArray<{ id: string }>, fields: Record<string, Problem>): string {
  if (id === '') fields[field] = { key: 'add.error.required' };
  else if (!live.some((p) => p.id === id)) fields[field] = { key: 'add.error.gone' };
  return id;
}

function positiveInteger(text: string, field: string, fields: Record<string, Problem>): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    fields[field] = { key: trimmed === '' ? 'add.error.required' : 'add.error.integer' };
    return null;
  }
  return Number(trimmed);
}

/** A French or English decimal (« 12,5 », « 1 200 », « 12.5 »); empty is « not known yet ». */
export function parseDecimal(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : undefined;
}

function decimal(text: string, field: string, fields: Record<string, Problem>): number | null {
  const value = parseDecimal(text);
  if (value === undefined) {
    fields[field] = { key: 'add.error.number' };
    return null;
  }
  return value;
}

function year(text: string, field: string, fields: Record<string, Problem>): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{4}$/.test(trimmed)) {
    fields[field] = { key: 'add.error.year' };
    return null;
  }
  return Number(trimmed);
}
