// The workbook the convention becomes: five sheets, one Excel table each, a hidden id column binding each row to
// its entity (a row is a position, not an identity), and a hidden « Listes » sheet feeding the drop-down lists.
// Columns are fields of the row's entity, its parent (editing it moves the entity), or derived (computed).
import type { ConventionSnapshot } from '../index.ts';
import type { EntityRef, FieldRef, RefKind } from '../field-ref.ts';
import type { Codec } from './cell-codec.ts';
import { leadingCode, type Lookups } from './lookups.ts';

export type TableKey = 'plan' | 'indicators' | 'axes' | 'budget' | 'milestones';
export type ListKey = 'axes' | 'objectives' | 'actions' | 'pilots' | 'persons' | 'organisations' | 'actionTypes' | 'statuses' | 'indicatorKinds' | 'natures' | 'levels';

export type ColumnRole =
  | { type: 'id' }
  | { type: 'field'; field: string; codec: Codec; kinds?: readonly RefKind[] }
  | { type: 'parent' }
  | { type: 'derived'; value: Derived };

/** What a derived column shows: the action's axis, its partners, its planned budget; a row's level. */
export type Derived = 'axis' | 'partners' | 'planned' | 'level';

export interface ColumnDef {
  header: string;
  role: ColumnRole;
  /** Excel number format (`@` keeps text as typed: « 1.1 » is not a number, « 2026 » not a year). */
  format: string;
  width: number;
  list?: ListKey;
}

export interface TableDef {
  key: TableKey;
  sheet: string;
  name: string;
  columns: ColumnDef[];
  /** The column that carries an entity's mark (a fill and a note). */
  markColumn: number;
}

const TEXT = '@';
const DATE = 'dd/mm/yyyy';
const NUMBER = 'General';
const YEAR = '0';
const EUROS = '#,##0 "€"';

const id = (): ColumnDef => ({ header: 'Identifiant', role: { type: 'id' }, format: TEXT, width: 12 });
const field = (header: string, name: string, codec: Codec, width: number, extra: Partial<ColumnDef> & { kinds?: readonly RefKind[] } = {}): ColumnDef => {
  const { kinds, ...rest } = extra;
  const format = codec === 'date' ? DATE : codec === 'number' ? NUMBER : TEXT;
  return { header, role: kinds ? { type: 'field', field: name, codec, kinds } : { type: 'field', field: name, codec }, format, width, ...rest };
};
const derived = (header: string, value: Derived, width: number, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  header,
  role: { type: 'derived', value },
  format: TEXT,
  width,
  ...extra,
});
const parent = (header: string, width: number, list: ListKey): ColumnDef => ({ header, role: { type: 'parent' }, format: TEXT, width, list });

export const LISTS_SHEET = 'Listes';

/** The tables for a convention whose indicator and budget columns run over `years`; statuses shown for `year`. */
export function tableDefs(years: readonly number[], year: number): TableDef[] {
  return [
    {
      key: 'plan',
      sheet: 'Plan d’actions',
      name: 'ctg_plan',
      markColumn: 1,
      columns: [
        id(),
        field('Code', 'code', 'text', 10),
        derived('Axe', 'axis', 30, { list: 'axes' }),
        parent('Objectif', 34, 'objectives'),
        field('Action', 'title', 'text', 48),
        field('Description', 'description', 'text', 48),
        field('Pilote', 'pilotId', 'pilot', 28, { list: 'pilots' }),
        derived('Partenaires', 'partners', 36),
        field('Référent', 'referentId', 'person', 24, { list: 'persons' }),
        field('Début', 'startDate', 'date', 12),
        field('Fin', 'endDate', 'date', 12),
        field('Type', 'type', 'actionType', 18, { list: 'actionTypes' }),
        field(`Statut ${year}`, `statusByYear.${year}`, 'status', 16, { list: 'statuses' }),
        derived('Budget prévisionnel', 'planned', 18, { format: EUROS }),
      ],
    },
    {
      key: 'indicators',
      sheet: 'Indicateurs',
      name: 'ctg_indicateurs',
      markColumn: 2,
      columns: [
        id(),
        parent('Objectif', 30, 'objectives'),
        field('Indicateur', 'label', 'text', 44),
        field('Type', 'kind', 'indicatorKind', 20, { list: 'indicatorKinds' }),
        field('Unité', 'unit', 'text', 10),
        field('Source', 'source', 'text', 22),
        field('Référence', 'baselineValue', 'number', 12),
        field('Année de référence', 'baselineYear', 'number', 12, { format: YEAR }),
        field('Cible', 'targetValue', 'number', 12),
        field('Année cible', 'targetYear', 'number', 12, { format: YEAR }),
        field('Responsable', 'ownerId', 'person', 24, { list: 'persons' }),
        field('Fréquence', 'frequency', 'text', 14),
        ...years.map((y) => field(String(y), `values.${y}`, 'number', 10)),
      ],
    },
    {
      key: 'axes',
      sheet: 'Axes et objectifs',
      name: 'ctg_axes',
      markColumn: 2,
      columns: [
        id(),
        derived('Niveau', 'level', 12, { list: 'levels' }),
        field('Numéro', 'number', 'text', 10),
        field('Intitulé', 'title', 'text', 60),
        field('Enjeux', 'issues', 'text', 60, { kinds: ['axis'] }),
      ],
    },
    {
      key: 'budget',
      sheet: 'Budget',
      name: 'ctg_budget',
      markColumn: 4,
      columns: [
        id(),
        parent('Action', 40, 'actions'),
        field('Financeur', 'funderId', 'organisation', 30, { list: 'organisations' }),
        field('Nature', 'nature', 'nature', 16, { list: 'natures' }),
        field('Dispositif', 'scheme', 'text', 30),
        ...years.map((y) => field(`Prévu ${y}`, `planned.${y}`, 'number', 14, { format: EUROS })),
        ...years.map((y) => field(`Réalisé ${y}`, `realised.${y}`, 'number', 14, { format: EUROS })),
      ],
    },
    {
      key: 'milestones',
      sheet: 'Jalons',
      name: 'ctg_jalons',
      markColumn: 3,
      columns: [id(), parent('Action', 40, 'actions'), field('Date', 'date', 'date', 12), field('Jalon', 'label', 'text', 60)],
    },
  ];
}

export interface LayoutRow {
  /** `kind:id`, the value of the hidden id cell. */
  key: string;
  entity: EntityRef;
  parent: EntityRef | null;
  /** Per column: the field the cell shows, if any. */
  refs: Array<FieldRef | null>;
}

export interface TableLayout {
  def: TableDef;
  rows: LayoutRow[];
}

export const rowKey = (ref: EntityRef): string => `${ref.kind}:${ref.id}`;

export function parseRowKey(key: string): EntityRef | null {
  const at = key.indexOf(':');
  return at > 0 && at < key.length - 1 ? { kind: key.slice(0, at) as RefKind, id: key.slice(at + 1) } : null;
}

/** The convention's years (at most twelve), or the shown year when the period is not set. */
export function conventionYears(snapshot: ConventionSnapshot, year: number): number[] {
  const first = Number(snapshot.convention.startDate?.slice(0, 4));
  const last = Number(snapshot.convention.endDate?.slice(0, 4));
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first || last - first >= 12) return [year];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function layoutTables(snapshot: ConventionSnapshot, defs: readonly TableDef[]): TableLayout[] {
  const rows: Record<TableKey, LayoutRow[]> = { plan: [], indicators: [], axes: [], budget: [], milestones: [] };
  const make = (def: TableDef, entity: EntityRef, parentRef: EntityRef | null): LayoutRow => ({
    key: rowKey(entity),
    entity,
    parent: parentRef,
    refs: def.columns.map((c) => (c.role.type === 'field' && (!c.role.kinds || c.role.kinds.includes(entity.kind)) ? { ...entity, field: c.role.field } : null)),
  });
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const plan = byKey.get('plan');
  const indicators = byKey.get('indicators');
  const axes = byKey.get('axes');
  const budget = byKey.get('budget');
  const milestones = byKey.get('milestones');
  for (const axis of snapshot.axes) {
    const axisRef: EntityRef = { kind: 'axis', id: axis.id };
    if (axes) rows.axes.push(make(axes, axisRef, null));
    for (const objective of axis.objectives) {
      const objectiveRef: EntityRef = { kind: 'objective', id: objective.id };
      if (axes) rows.axes.push(make(axes, objectiveRef, axisRef));
      for (const action of objective.actions) {
        const actionRef: EntityRef = { kind: 'action', id: action.id };
        if (plan) rows.plan.push(make(plan, actionRef, objectiveRef));
        if (budget) for (const line of action.budgetLines) rows.budget.push(make(budget, { kind: 'budgetLine', id: line.id }, actionRef));
        if (milestones) for (const step of action.milestones) rows.milestones.push(make(milestones, { kind: 'milestone', id: step.id }, actionRef));
      }
      if (indicators) for (const indicator of objective.indicators) rows.indicators.push(make(indicators, { kind: 'indicator', id: indicator.id }, objectiveRef));
    }
  }
  return defs.map((def) => ({ def, rows: rows[def.key] }));
}

/** The kind a row typed by a person becomes, from its table (and, on « Axes et objectifs », its level or number). */
export function newRowKind(def: TableDef, level: string, number: string): RefKind {
  switch (def.key) {
    case 'plan':
      return 'action';
    case 'indicators':
      return 'indicator';
    case 'budget':
      return 'budgetLine';
    case 'milestones':
      return 'milestone';
    case 'axes':
      if (/^obj/i.test(level.trim())) return 'objective';
      if (/^axe/i.test(level.trim())) return 'axis';
      return number.includes('.') ? 'objective' : 'axis';
  }
}

/** The parent a new or edited row names in its parent column (or, for an objective, by its number). */
export function parentFromText(kind: RefKind, text: string, lookups: Lookups): EntityRef | null {
  const code = leadingCode(text);
  if (kind === 'action' || kind === 'indicator') {
    const found = lookups.objectiveByNumber.get(code);
    return found ? { kind: 'objective', id: found } : null;
  }
  if (kind === 'budgetLine' || kind === 'milestone') {
    const found = lookups.actionByCode.get(code);
    return found ? { kind: 'action', id: found } : null;
  }
  if (kind === 'objective') {
    const found = lookups.axisByNumber.get(code.split('.')[0] ?? '');
    return found ? { kind: 'axis', id: found } : null;
  }
  return null;
}
