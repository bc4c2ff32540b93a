// The entities an import touches, gathered across sheets before any operation is written: existing ones (found by
// the hidden id, a code or a number) with the fields the file gives, and new ones with fresh ids. Turned into the
// smallest list of operations: only fields that differ, parents before children.
import { fold } from '../../shared/workbook/lookups.ts';
import { type ConventionSnapshot, type EntityKind, newId, type OrganisationType } from '../../shared/index.ts';
import type { ImportOp } from '../../shared/exchange/import-proposal.ts';

export interface Source {
  sheet: string;
  row: number;
}

export interface Draft {
  kind: EntityKind;
  id: string;
  parent: string | null;
  isNew: boolean;
  /** Fields to write (for an existing entity, compared with `current` when the operations are made). */
  data: Record<string, unknown>;
  current: Record<string, unknown>;
  currentParent: string | null;
  source: Source;
}

const ORDER: EntityKind[] = ['organisation', 'person', 'axis', 'objective', 'action', 'indicator', 'budgetLine', 'milestone'];
const PREFIX: Partial<Record<EntityKind, string>> = { organisation: 'org', person: 'per', axis: 'axe', objective: 'obj', action: 'act', indicator: 'ind', budgetLine: 'bud', milestone: 'jal' };

export class Drafts {
  readonly all = new Map<string, Draft>();
  /** Existing plan entities by `kind:id`: their fields and parent. */
  private readonly existing = new Map<string, { node: Record<string, unknown>; parent: string | null }>();

  constructor(
    snapshot: ConventionSnapshot,
    private readonly random: () => number = Math.random,
  ) {
    const put = (kind: EntityKind, node: object, parent: string | null) => {
      const record = node as Record<string, unknown>;
      this.existing.set(`${kind}:${String(record.id)}`, { node: record, parent });
    };
    for (const o of snapshot.organisations) put('organisation', o, null);
    for (const p of snapshot.persons) put('person', p, null);
    for (const axis of snapshot.axes) {
      put('axis', axis, null);
      for (const objective of axis.objectives) {
        put('objective', objective, axis.id);
        for (const action of objective.actions) {
          put('action', action, objective.id);
          for (const line of action.budgetLines) put('budgetLine', line, action.id);
          for (const step of action.milestones) put('milestone', step, action.id);
        }
        for (const indicator of objective.indicators) put('indicator', indicator, objective.id);
      }
    }
  }

  exists(kind: EntityKind, id: string): boolean {
    return this.existing.has(`${kind}:${id}`) || this.all.has(`${kind}:${id}`);
  }

  /** The current value of an existing entity's field (records are copied, ready to merge into). */
  currentValue(kind: EntityKind, id: string, field: string): unknown {
    const value = this.existing.get(`${kind}:${id}`)?.node[field];
    return value && typeof value === 'object' && !Array.isArray(value) ? structuredClone(value) : value;
  }

  parentOf(kind: EntityKind, id: string): string | null {
    return this.all.get(`${kind}:${id}`)?.parent ?? this.existing.get(`${kind}:${id}`)?.parent ?? null;
  }

  /** The draft of an existing entity (created on first touch). */
  touch(kind: EntityKind, id: string, source: Source): Draft {
    const at = `${kind}:${id}`;
    let draft = this.all.get(at);
    if (!draft) {
      const found = this.existing.get(at);
      draft = { kind, id, parent: found?.parent ?? null, isNew: false, data: {}, current: found?.node ?? {}, currentParent: found?.parent ?? null, source };
      this.all.set(at, draft);
    }
    return draft;
  }

  create(kind: EntityKind, parent: string | null, data: Record<string, unknown>, source: Source): Draft {
    let id = newId(PREFIX[kind] ?? kind.slice(0, 3), this.random);
    while (this.exists(kind, id)) id = newId(PREFIX[kind] ?? kind.slice(0, 3), this.random);
    const draft: Draft = { kind, id, parent, isNew: true, data, current: {}, currentParent: parent, source };
    this.all.set(`${kind}:${id}`, draft);
    return draft;
  }

  /** New drafts of a kind (to find one created by an earlier row). */
  created(kind: EntityKind): Draft[] {
    return [...this.all.values()].filter((d) => d.isNew && d.kind === kind);
  }

  ops(): ImportOp[] {
    const ops: ImportOp[] = [];
    for (const kind of ORDER)
      for (const d of this.all.values()) {
        if (d.kind !== kind) continue;
        if (d.isNew) {
          ops.push({ op: 'add', kind, id: d.id, parent: d.parent, data: d.data });
          continue;
        }
        if (d.parent !== null && d.parent !== d.currentParent) ops.push({ op: 'move', kind, id: d.id, parent: d.parent });
        const patch: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(d.data)) if (JSON.stringify(value) !== JSON.stringify(d.current[field] ?? null)) patch[field] = value;
        if (Object.keys(patch).length > 0) ops.push({ op: 'update', kind, id: d.id, patch });
      }
    return ops;
  }
}

/** A new organisation's type, guessed from its name (« Commune de … », « Caisse d'allocations familiales … »). */
export function guessOrganisationType(name: string): OrganisationType {
  const n = fold(name);
  if (/^(caf\b|caisse d'allocations)/.test(n)) return 'caf';
  if (/^(departement|conseil departemental)/.test(n)) return 'departement';
  if (/^(communaute de communes|communaute d'agglomeration|communaute urbaine|metropole)/.test(n)) return 'epci';
  if (/^(commune|ville|mairie)\b/.test(n)) return 'commune';
  if (/^msa\b/.test(n)) return 'msa';
  if (/^cpam\b/.test(n)) return 'cpam';
  if (/^(association|centre social)/.test(n)) return 'association';
  return 'autre';
}
