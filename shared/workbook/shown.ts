// The convention as the workbook shows it: field texts from the last snapshot, overlaid by every value written or
// read since (titles, codes and planned amounts change without a new snapshot), the derived cells computed from
// them (axis and objective labels, partners, planned budget), and the drop-down lists.
import { type ConventionSnapshot, PARTNER_ROLES } from '../index.ts';
import { type EntityRef, type FieldRef, fieldTag } from '../field-ref.ts';
import { toCell } from './cell-codec.ts';
import type { CellValue } from './cell-value.ts';
import type { ColumnDef, LayoutRow, ListKey } from './layout.ts';
import type { Lookups } from './lookups.ts';

type Node = Record<string, unknown> & { id: string };

export interface ListData {
  key: ListKey;
  header: string;
  values: string[];
}

export class ShownModel {
  private readonly entities = new Map<string, Node>();
  private readonly overlay = new Map<string, string>();
  private readonly parents = new Map<string, EntityRef>();
  private readonly budgetLines = new Map<string, string[]>();

  constructor(
    private readonly snapshot: ConventionSnapshot,
    readonly lookups: Lookups,
  ) {
    const put = (kind: string, node: { id: string }, parent: EntityRef | null) => {
      this.entities.set(`${kind}:${node.id}`, node as unknown as Node);
      if (parent) this.parents.set(`${kind}:${node.id}`, parent);
    };
    for (const axis of snapshot.axes) {
      put('axis', axis, null);
      for (const objective of axis.objectives) {
        put('objective', objective, { kind: 'axis', id: axis.id });
        for (const action of objective.actions) {
          put('action', action, { kind: 'objective', id: objective.id });
          this.budgetLines.set(action.id, action.budgetLines.map((l) => l.id));
          for (const line of action.budgetLines) put('budgetLine', line, { kind: 'action', id: action.id });
          for (const step of action.milestones) put('milestone', step, { kind: 'action', id: action.id });
        }
        for (const indicator of objective.indicators) put('indicator', indicator, { kind: 'objective', id: objective.id });
      }
    }
  }

  /** Takes a value the workbook now shows (written by the adapter or read from a person's typing). */
  note(ref: FieldRef, text: string): void {
    this.overlay.set(fieldTag(ref), text);
  }

  text(ref: FieldRef): string {
    const overlaid = this.overlay.get(fieldTag(ref));
    if (overlaid !== undefined) return overlaid;
    const node = this.entities.get(`${ref.kind}:${ref.id}`);
    if (!node) return '';
    const [name, key] = ref.field.split('.', 2) as [string, string | undefined];
    let value = node[name];
    if (key !== undefined) {
      value = (value as Record<string, unknown> | undefined)?.[key];
      if (value && typeof value === 'object' && 'status' in value) value = (value as { status: unknown }).status;
    }
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  }

  /** The cell a field shows, from its current text. */
  fieldCell(column: ColumnDef, ref: FieldRef): CellValue {
    return column.role.type === 'field' ? toCell(column.role.codec, this.text(ref), this.lookups) : '';
  }

  /** What a row's cell shows: the id, a field, the parent's label or a derived value. */
  cell(column: ColumnDef, row: LayoutRow, index: number): CellValue {
    switch (column.role.type) {
      case 'id':
        return row.key;
      case 'field': {
        const ref = row.refs[index];
        return ref ? this.fieldCell(column, ref) : '';
      }
      case 'parent':
        return row.parent ? this.label(row.parent) : '';
      case 'derived':
        return this.derived(column.role.value, row);
    }
  }

  /** « 1.1 – Accroître l’offre d’accueil »: how a parent is named in a cell and in the lists. */
  label(ref: EntityRef): string {
    const title = this.text({ ...ref, field: 'title' });
    const number = this.text({ ...ref, field: ref.kind === 'action' ? 'code' : 'number' });
    return title ? `${number} – ${title}` : number;
  }

  private derived(value: 'axis' | 'partners' | 'planned' | 'level', row: LayoutRow): CellValue {
    switch (value) {
      case 'level':
        return row.entity.kind === 'axis' ? 'Axe' : 'Objectif';
      case 'axis': {
        const axis = row.parent ? this.parents.get(`${row.parent.kind}:${row.parent.id}`) : undefined;
        return axis ? this.label(axis) : '';
      }
      case 'partners': {
        const partners = (this.entities.get(`action:${row.entity.id}`)?.partners ?? {}) as Record<string, string>;
        return Object.entries(partners)
          .map(([org, role]) => `${this.lookups.organisations.name(org)} (${PARTNER_ROLES.labels[role as keyof typeof PARTNER_ROLES.labels]?.fr.toLowerCase() ?? role})`)
          .join(' ; ');
      }
      case 'planned': {
        let total = 0;
        for (const line of this.budgetLines.get(row.entity.id) ?? []) {
          const planned = (this.entities.get(`budgetLine:${line}`)?.planned ?? {}) as Record<string, number>;
          const years = new Set([...Object.keys(planned), ...this.overlaidKeys(line, 'planned')]);
          for (const year of years) total += Number(this.text({ kind: 'budgetLine', id: line, field: `planned.${year}` })) || 0;
        }
        return total;
      }
    }
  }

  private overlaidKeys(line: string, field: string): string[] {
    const prefix = `${fieldTag({ kind: 'budgetLine', id: line, field })}.`;
    return [...this.overlay.keys()].filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length));
  }

  /** The drop-down lists of the « Listes » sheet. */
  lists(): ListData[] {
    const s = this.snapshot;
    const l = this.lookups;
    const axes = s.axes.map((a) => this.label({ kind: 'axis', id: a.id }));
    const objectives = s.axes.flatMap((a) => a.objectives.map((o) => this.label({ kind: 'objective', id: o.id })));
    const actions = s.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions.map((x) => this.label({ kind: 'action', id: x.id }))));
    return [
      { key: 'axes', header: 'Axes', values: axes },
      { key: 'objectives', header: 'Objectifs', values: objectives },
      { key: 'actions', header: 'Actions', values: actions },
      { key: 'pilots', header: 'Pilotes (signataires)', values: s.signatories.map((sig) => l.organisations.name(sig.organisationId)) },
      { key: 'persons', header: 'Personnes', values: s.persons.map((p) => l.persons.name(p.id)) },
      { key: 'organisations', header: 'Organisations', values: s.organisations.map((o) => l.organisations.name(o.id)) },
      { key: 'actionTypes', header: 'Types d’action', values: l.labels('actionType') },
      { key: 'statuses', header: 'Statuts', values: l.labels('status') },
      { key: 'indicatorKinds', header: 'Types d’indicateur', values: l.labels('indicatorKind') },
      { key: 'natures', header: 'Natures', values: l.labels('nature') },
      { key: 'levels', header: 'Niveaux', values: ['Axe', 'Objectif'] },
    ];
  }
}
